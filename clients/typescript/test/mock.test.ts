/**
 * The generated TypeScript SDK against `contract mock` (MOCK_BASE_URL, started by
 * `python -m codegen.tests.mock_server -- npm run test:mock`): what a frontend team gets before the backend
 * exists. Every request goes through the real SDK and `fetch`; a recording wrapper only looks at them.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { ApiError, ProjectManagementClient, type components } from "../src/index.js";

const BASE_URL = process.env.MOCK_BASE_URL;
assert.ok(BASE_URL, "MOCK_BASE_URL is not set (run it with `python -m codegen.tests.mock_server -- npm run test:mock`)");

type Problem = components["schemas"]["Problem"];

/** A client whose requests (URL and headers, as sent) are recorded. */
function recordingClient(options: { token?: string; apiKey?: string } = {}): {
  client: ProjectManagementClient;
  sent: Request[];
} {
  const sent: Request[] = [];
  const client = new ProjectManagementClient({
    baseUrl: BASE_URL!,
    timeoutMs: 10_000,
    retry: { maxRetries: 0 },
    ...options,
    fetch: (request: Request) => {
      sent.push(request.clone());
      return globalThis.fetch(request);
    },
  });
  return { client, sent };
}

test("typed calls of several tags answer the contract's examples, with the credentials sent", async () => {
  const { client, sent } = recordingClient();
  const pair = await client.auth.tokenObtain({ body: { username: "bob", password: "demo-password-123" } });
  assert.equal(typeof pair.access, "string");
  assert.equal(sent[0]!.headers.get("authorization"), null, "token_obtain is public: no credentials");

  client.setToken(pair.access);
  const me = await client.users.meRetrieve();
  assert.equal(typeof me.username, "string");
  assert.ok(me.username.length > 0);
  const project = await client.projects.create({ body: { name: "Launch", description: "Ship v1" } });
  const projectId: number = project.id;
  // @ts-expect-error the response type is exact: no such field
  void project.nonexistent;
  const task = await client.tasks.create({
    params: { path: { project_id: projectId } },
    body: { title: "Write the docs", priority: "high" },
  });
  assert.equal(typeof task.id, "number");
  assert.ok(["low", "normal", "high", "urgent"].includes(task.priority));
  const members = await client.members.list({ params: { path: { project_id: projectId } } });
  assert.ok(Array.isArray(members.items));

  for (const request of sent.slice(1)) {
    assert.equal(request.headers.get("authorization"), `Bearer ${pair.access}`, request.url);
    assert.ok(request.url.startsWith(`${BASE_URL}/api/v1/`), request.url);
  }

  // An API key instead of a token: sent as X-API-Key, and accepted.
  const byKey = recordingClient({ apiKey: "pm_test_key" });
  assert.equal(typeof (await byKey.client.users.meRetrieve()).id, "number");
  assert.equal(byKey.sent[0]!.headers.get("x-api-key"), "pm_test_key");
  assert.equal(byKey.sent[0]!.headers.get("authorization"), null);

  // No credentials at all: the mock answers 401 as the server would.
  const anonymous = recordingClient();
  await assert.rejects(anonymous.client.projects.list(), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 401);
    assert.equal(error.code, "not_authenticated");
    return true;
  });
});

test("problem+json errors surface as ApiError: Prefer: code=404 and an invalid body", async () => {
  const { client } = recordingClient({ token: "any-token" });
  await assert.rejects(
    client.projects.retrieve({ params: { path: { project_id: 1 } }, headers: { Prefer: "code=404" } }),
    (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 404);
      assert.equal(error.code, "not_found");
      assert.equal(error.headers.get("content-type"), "application/problem+json");
      assert.equal(error.problem?.status, 404);
      assert.equal(typeof error.problem?.title, "string");
      return true;
    },
  );
  await assert.rejects(
    client.members.add({
      params: { path: { project_id: 1 } },
      body: { user_id: 2, role: "viewer" },
      headers: { Prefer: "code=409" },
    }),
    (error: unknown) => error instanceof ApiError && error.status === 409 && error.problem?.status === 409,
  );
  await assert.rejects(
    // @ts-expect-error `name` is a string: the SDK's types catch it, and so does the mock
    client.projects.create({ body: { name: 42 } }),
    (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 400);
      assert.equal(error.code, "validation_error");
      const problem = error.problem as Problem;
      assert.deepEqual(
        problem.errors?.map((e) => [e.pointer, e.code]),
        [["/name", "type"]],
      );
      return true;
    },
  );
  await assert.rejects(
    client.projects.list({ params: { query: { page_size: 1000 } } }),
    (error: unknown) => {
      assert.ok(error instanceof ApiError && error.status === 400);
      assert.deepEqual((error.problem as Problem).errors?.map((e) => e.field), ["page_size"]);
      return true;
    },
  );
});

test("iterators walk the mock's pages: the example's next link comes back on the mock's origin", async () => {
  const { client, sent } = recordingClient({ token: "any-token" });
  const first = await client.projects.list({ params: { query: { page_size: 2 } } });
  assert.ok(first.next?.startsWith(`${BASE_URL}/api/v1/projects?cursor=`), String(first.next));

  sent.length = 0;
  const ids: number[] = [];
  for await (const project of client.projects.listIter({ params: { query: { page_size: 2 } } })) ids.push(project.id);
  // Page two is the same example, with `next: null`: the walk ends there.
  assert.deepEqual(ids, [...first.items.map((p) => p.id), ...first.items.map((p) => p.id)]);
  assert.equal(sent.length, 2);
  assert.equal(sent[1]!.url, first.next);
  assert.equal(sent[1]!.headers.get("authorization"), "Bearer any-token", "the follow-up carries the token");

  const users: string[] = [];
  for await (const user of client.users.listIter({ params: { query: { page_size: 2 } } })) users.push(user.username);
  assert.equal(users.length, 4);

  const tasks: number[] = [];
  for await (const task of client.tasks.listIter({ params: { path: { project_id: 12 }, query: { page_size: 2 } } })) {
    tasks.push(task.id);
  }
  assert.ok(tasks.length >= 2 && tasks.length % 2 === 0, `tasks walked: ${tasks.length}`);
  assert.deepEqual(tasks.slice(tasks.length / 2), tasks.slice(0, tasks.length / 2));
});
