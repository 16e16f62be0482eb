/**
 * The generated TypeScript SDK against a live server (API_BASE_URL, started by
 * `python -m codegen.tests.live_server -- npm test`): the whole flow through the SDK, no hand-written HTTP.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";

import { ApiError, ProjectManagementClient, type RetryEvent, type components } from "../src/index.js";

type Task = components["schemas"]["Task"];

// Set by `python -m codegen.tests.live_server -- npm test` (make test-sdk-typescript): without it there is
// nothing to test against, which is a failure, not a skip.
const BASE_URL = process.env.API_BASE_URL;
assert.ok(BASE_URL, "API_BASE_URL is not set (run it with `python -m codegen.tests.live_server -- npm test`)");
const PASSWORD = "Correct-Horse-Battery-42";
const TASKS = 45;

const unique = (prefix: string): string => `${prefix}_${randomUUID().slice(0, 8)}`;

test("log in, create a project, add a member, page through 45 tasks, errors and rate limits", async () => {
  const events: RetryEvent[] = [];
  const client = new ProjectManagementClient({
    baseUrl: BASE_URL!,
    timeoutMs: 10_000,
    // A burst through an 8/s throttle: a request may wait out the window more than the default 3 times.
    retry: { maxRetries: 10, onRetry: (event) => events.push(event) },
  });

  const ownerName = unique("tsowner");
  const memberName = unique("tsmember");
  const owner = await client.users.register({
    body: { username: ownerName, email: `${ownerName}@example.com`, password: PASSWORD, full_name: "TS Owner" },
  });
  const member = await client.users.register({
    body: { username: memberName, email: `${memberName}@example.com`, password: PASSWORD },
  });

  // Log in; a wrong password is a typed 401 with its problem+json code.
  await assert.rejects(
    client.auth.tokenObtain({ body: { username: ownerName, password: "wrong-password" } }),
    (error: unknown) => error instanceof ApiError && error.status === 401 && error.code === "invalid_credentials",
  );
  const pair = await client.auth.tokenObtain({ body: { username: ownerName, password: PASSWORD } });
  client.setToken(pair.access);
  const me = await client.users.meRetrieve();
  assert.equal(me.id, owner.id);

  const project = await client.projects.create({ body: { name: "TS launch", description: "Ship v1" } });
  const projectId: number = project.id;
  // @ts-expect-error the response type is exact: no such field (fails to compile if the SDK typed it `any`)
  void project.nonexistent;
  assert.equal(project.role, "owner");

  // A stranger joins by accepting an invitation; adding them directly is a typed 422.
  await assert.rejects(
    client.members.add({ params: { path: { project_id: projectId } }, body: { user_id: member.id, role: "maintainer" } }),
    (error: unknown) => error instanceof ApiError && error.status === 422 && error.code === "invitation_required",
  );
  const invitation = await client.invitations.create({
    params: { path: { project_id: projectId } },
    body: { user_id: member.id, role: "maintainer" },
  });
  const memberPair = await client.auth.tokenObtain({ body: { username: memberName, password: PASSWORD } });
  const asMember = new ProjectManagementClient({ baseUrl: BASE_URL!, token: memberPair.access });
  const mine = await asMember.invitations.listMine();
  assert.deepEqual(
    mine.items.map((i) => i.id),
    [invitation.id],
  );
  const joined = await asMember.invitations.accept({ params: { path: { invitation_id: invitation.id } } });
  assert.deepEqual([joined.id, joined.role], [projectId, "maintainer"]);

  // 45 tasks, fast enough to be throttled: the idempotency key makes each POST safe to retry.
  const created: Task[] = [];
  for (let n = 0; n < TASKS; n++) {
    created.push(
      await client.tasks.create({
        params: { path: { project_id: projectId } },
        body: { title: `Task ${String(n).padStart(2, "0")}`, priority: n % 3 === 0 ? "high" : "normal" },
        idempotencyKey: randomUUID(),
      }),
    );
  }
  assert.equal(new Set(created.map((t) => t.id)).size, TASKS);

  // One page by hand, then the iterator that follows `next`.
  const first = await client.tasks.list({
    params: { path: { project_id: projectId }, query: { page_size: 10, ordering: "title" } },
  });
  assert.deepEqual(
    first.items.map((t) => t.title),
    Array.from({ length: 10 }, (_, n) => `Task ${String(n).padStart(2, "0")}`),
  );
  assert.ok(first.next);
  const titles: string[] = [];
  for await (const task of client.tasks.listIter({
    params: { path: { project_id: projectId }, query: { page_size: 10, ordering: "title" } },
  })) {
    titles.push(task.title);
  }
  assert.deepEqual(titles, Array.from({ length: TASKS }, (_, n) => `Task ${String(n).padStart(2, "0")}`));

  // A request that breaks the contract: ApiError with the problem+json body.
  await assert.rejects(
    client.tasks.create({
      params: { path: { project_id: projectId } },
      // @ts-expect-error "critical" is not a TaskPriority: the SDK's types catch it, the server does too
      body: { title: "", priority: "critical" },
    }),
    (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 400);
      assert.equal(error.code, "validation_error");
      const problem = error.problem as components["schemas"]["Problem"];
      assert.deepEqual(new Set(problem.errors?.map((e) => e.pointer)), new Set(["/title", "/priority"]));
      return true;
    },
  );

  // API keys authenticate a second client.
  const key = await client.auth.apiKeysCreate({ body: { name: "ts-ci" } });
  const byKey = new ProjectManagementClient({ baseUrl: BASE_URL!, apiKey: key.secret });
  assert.equal((await byKey.users.meRetrieve()).username, ownerName);

  // Rate limited: a burst of 20 concurrent reads (the rate is 8/s) gets 429 + Retry-After: 1, and the SDK
  // waits and retries until every read succeeds.
  const before = events.length;
  const started = Date.now();
  const burst = await Promise.all(
    Array.from({ length: 20 }, () => client.projects.retrieve({ params: { path: { project_id: projectId } } })),
  );
  assert.deepEqual(new Set(burst.map((p) => p.id)), new Set([projectId]));
  const throttled = events.slice(before).filter((e) => e.status === 429);
  assert.ok(throttled.length > 0, "the burst was never throttled");
  assert.ok(throttled.every((e) => e.delayMs >= 1000), "Retry-After was not honoured");
  assert.ok(Date.now() - started >= 1000);

  // Without retries the 429 surfaces as an ApiError with the server's hint.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const noRetry = new ProjectManagementClient({ baseUrl: BASE_URL!, token: pair.access, retry: { maxRetries: 0 } });
  const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => noRetry.users.meRetrieve()));
  const limited = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
  assert.ok(limited.length > 0, "20 concurrent reads at 8/s were never throttled");
  for (const error of limited) {
    assert.ok(error instanceof ApiError && error.status === 429 && (error.retryAfterSeconds ?? 0) >= 1);
  }

  // A POST without an idempotency key is never retried: the 429 is raised, not replayed.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const postEvents: RetryEvent[] = [];
  const poster = new ProjectManagementClient({
    baseUrl: BASE_URL!,
    token: pair.access,
    retry: { onRetry: (event) => postEvents.push(event), autoIdempotencyKey: false },
  });
  const taskId = created[0]!.id;
  const posts = await Promise.allSettled(
    Array.from({ length: 20 }, () =>
      poster.comments.create({ params: { path: { project_id: projectId, task_id: taskId } }, body: { body: "hello" } }),
    ),
  );
  assert.ok(posts.some((p) => p.status === "rejected" && p.reason instanceof ApiError && p.reason.status === 429));
  assert.equal(postEvents.length, 0);

  // By default each create gets a generated idempotency key: the throttled ones are retried, each once only.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const keyedEvents: RetryEvent[] = [];
  const keyed = new ProjectManagementClient({
    baseUrl: BASE_URL!,
    token: pair.access,
    retry: { maxRetries: 10, onRetry: (event) => keyedEvents.push(event) },
  });
  const otherTask = created[1]!.id;
  const comments = await Promise.all(
    Array.from({ length: 20 }, () =>
      keyed.comments.create({ params: { path: { project_id: projectId, task_id: otherTask } }, body: { body: "hi" } }),
    ),
  );
  assert.equal(new Set(comments.map((c) => c.id)).size, 20);
  assert.ok(keyedEvents.some((e) => e.status === 429), "the burst was never throttled");
  let listed = 0;
  for await (const _ of keyed.comments.listIter({
    params: { path: { project_id: projectId, task_id: otherTask }, query: { page_size: 50 } },
  })) listed++;
  assert.equal(listed, 20);
});

test("the health probes answer under /api/v1", async () => {
  const client = new ProjectManagementClient({ baseUrl: BASE_URL!, timeoutMs: 10_000 });
  assert.equal((await client.health.live()).status, "ok");
  const ready = await client.health.ready();
  assert.equal(ready.status, "ok");
  assert.equal(ready.checks.database, "ok");
});
