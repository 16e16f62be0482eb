/**
 * Response metadata, conditional GETs, named errors, timeouts, iterators, token refresh and generated
 * idempotency keys (issue 14, points 1-4 and 8), against a stub `fetch`: no server.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  ApiError,
  ApiResponse,
  ApiTimeoutError,
  AuthenticationError,
  ERRORS_BY_STATUS,
  InternalServerError,
  NotModified,
  NotModifiedError,
  PreconditionFailedError,
  ProjectManagementClient,
  ServerError,
  ServiceUnavailableError,
  TimeoutError,
  type ClientOptions,
  type RefreshedTokens,
  type Task,
} from "../src/index.js";

const TAG = '"3f2a9c1d7b6e4a5f8c0d1e2f3a4b5c6d"';
const TASK: Task = {
  id: 301,
  project_id: 12,
  title: "Draft",
  description: "",
  status: "todo",
  priority: "high",
  assignee_id: null,
  created_by_id: 42,
  due_date: null,
  created_at: "2026-11-23T10:20:00Z",
  updated_at: "2026-11-23T11:05:31Z",
};
const PROJECT = { id: 1, name: "x", description: "", role: "owner", created_at: "", updated_at: "" };
const META = {
  etag: TAG,
  "x-request-id": "req-1",
  "ratelimit-limit": "30",
  "ratelimit-remaining": "29",
  "ratelimit-reset": "42",
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

const problem = (status: number, code = "c", headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify({ type: "about:blank", title: "t", status, code }), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });

/** A client whose fetch answers with `answer(request, n)` and records every request. */
function stub(answer: (request: Request, n: number) => Response | Promise<Response>, options: Partial<ClientOptions> = {}) {
  const seen: Request[] = [];
  const client = new ProjectManagementClient({
    baseUrl: "http://api.test",
    token: "t",
    retry: { backoffBaseMs: 1, backoffMaxMs: 1 },
    ...options,
    fetch: async (request: Request) => {
      seen.push(request.clone());
      return answer(request, seen.length);
    },
  });
  return { client, seen };
}

const taskPath = { params: { path: { project_id: 12, task_id: 301 } } };

test("withResponse: the typed body with status, headers, etag, requestId, rateLimit, idempotentReplayed", async () => {
  const { client } = stub((request) =>
    request.method === "GET" ? json(TASK, 200, META) : json(PROJECT, 201, { "idempotent-replayed": "true" }),
  );
  const result = await client.tasks.withResponse.retrieve(taskPath);
  assert.ok(result instanceof ApiResponse);
  if (result.notModified) assert.fail("expected a body");
  const task: Task = result.data; // typed: a Task, not unknown
  assert.equal(task.id, 301);
  assert.equal(result.status, 200);
  assert.equal(result.etag, TAG);
  assert.equal(result.requestId, "req-1");
  assert.deepEqual(result.rateLimit, { limit: 30, remaining: 29, reset: 42 });
  assert.equal(result.headers.get("RateLimit-Remaining"), "29");
  assert.equal(result.idempotentReplayed, false);
  const created = await client.projects.withResponse.create({ body: { name: "x" }, idempotencyKey: "k" });
  assert.equal(created.status, 201);
  assert.equal(created.data.id, 1);
  assert.equal(created.idempotentReplayed, true);
  assert.equal(created.rateLimit, undefined);
});

test("a 304 is a NotModified result from withResponse, NotModifiedError (not ApiError) from a plain call", async () => {
  const { client, seen } = stub(() => new Response(null, { status: 304, headers: { etag: TAG, "x-request-id": "r-2" } }));
  const init = { params: { ...taskPath.params, header: { "If-None-Match": TAG } } };
  const result = await client.tasks.withResponse.retrieve(init);
  assert.ok(result instanceof NotModified);
  assert.equal(result.notModified, true);
  assert.equal(result.status, 304);
  assert.equal(result.etag, TAG);
  assert.equal(result.requestId, "r-2");
  assert.equal(seen[0]!.headers.get("if-none-match"), TAG);
  const error = await client.tasks.retrieve(init).then(
    () => assert.fail("expected NotModifiedError"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof NotModifiedError && !(error instanceof ApiError));
  assert.equal(error.response.etag, TAG);
});

test("every status has its named error class, the same names as the Python SDK's", async () => {
  const expected: Record<number, string> = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    405: "MethodNotAllowedError",
    406: "NotAcceptableError",
    409: "ConflictError",
    412: "PreconditionFailedError",
    413: "PayloadTooLargeError",
    415: "UnsupportedMediaTypeError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
    500: "InternalServerError",
    503: "ServiceUnavailableError",
  };
  for (const [status, name] of Object.entries(expected)) {
    const { client } = stub(() => problem(Number(status), "c", { "retry-after": "0" }), { retry: { maxRetries: 0 } });
    const error = await client.tasks.retrieve(taskPath).then(
      () => assert.fail(`expected ${name}`),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ApiError, status);
    assert.equal(error.constructor.name, name);
    assert.equal(error.name, name);
    assert.equal(ERRORS_BY_STATUS[Number(status)]!.name, name);
    assert.equal(error.status, Number(status));
    assert.equal(error.code, "c");
  }
  assert.ok(new InternalServerError(problem(500), {}, "op") instanceof ServerError);
  const { client } = stub(() => problem(412, "precondition_failed"));
  await assert.rejects(
    client.tasks.update({ ...taskPath, params: { ...taskPath.params, header: { "If-Match": TAG } }, body: { title: "x" } }),
    (error: unknown) => error instanceof PreconditionFailedError && error.code === "precondition_failed",
  );
});

test("a timeout is an ApiTimeoutError (TimeoutError is its old name)", async () => {
  const { client } = stub(
    (request) =>
      new Promise<Response>((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason))),
    { timeoutMs: 20 },
  );
  const error = await client.tasks.retrieve(taskPath).then(
    () => assert.fail("expected a timeout"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ApiTimeoutError && error instanceof TimeoutError);
  assert.equal(error.name, "ApiTimeoutError");
  assert.equal(error.timeoutMs, 20);
});

test("iterators send the call's header parameters, headers, timeout and retries with every page", async () => {
  const pages = [
    json({ items: [{ ...TASK, id: 1 }], next: "http://api.test/api/v1/projects/12/tasks?cursor=b", previous: null }),
    json({ items: [{ ...TASK, id: 2 }], next: "/api/v1/projects/12/tasks?cursor=c", previous: null }),
    problem(503),
  ];
  const { client, seen } = stub(() => pages.shift()!);
  const ids: number[] = [];
  await assert.rejects(
    (async () => {
      for await (const task of client.tasks.listIter({
        params: { path: { project_id: 12 }, query: { page_size: 1 } },
        headers: { "X-Trace": "t-1" },
        maxRetries: 0,
        timeoutMs: 5_000,
      })) {
        ids.push(task.id);
      }
    })(),
    ServiceUnavailableError, // maxRetries: 0 holds on page 3: no retry
  );
  assert.deepEqual(ids, [1, 2]);
  assert.equal(seen.length, 3);
  for (const request of seen) {
    assert.equal(request.headers.get("x-trace"), "t-1");
    assert.equal(request.headers.get("authorization"), "Bearer t");
  }
});

test("a 401 with a refresh token: one refresh shared by concurrent calls, then each call is replayed", async () => {
  const refreshed: RefreshedTokens[] = [];
  let refreshes = 0;
  const { client, seen } = stub(
    async (request) => {
      if (request.url.endsWith("/auth/token/refresh")) {
        refreshes++;
        assert.deepEqual(await request.json(), { refresh: "r-1" });
        await new Promise((resolve) => setTimeout(resolve, 20)); // concurrent 401s arrive meanwhile
        return json({ access: "fresh", token_type: "Bearer", expires_in: 300 });
      }
      return request.headers.get("authorization") === "Bearer fresh" ? json(PROJECT) : problem(401, "token_not_valid");
    },
    { token: "stale", refreshToken: "r-1", onTokenRefresh: (tokens) => refreshed.push(tokens) },
  );
  const projects = await Promise.all(
    Array.from({ length: 5 }, () => client.projects.retrieve({ params: { path: { project_id: 1 } } })),
  );
  assert.deepEqual(projects.map((p) => p.id), [1, 1, 1, 1, 1]);
  assert.equal(refreshes, 1);
  assert.deepEqual(refreshed, [{ accessToken: "fresh" }]);
  assert.equal(seen.filter((r) => r.headers.get("authorization") === "Bearer fresh").length, 5);

  // A refresh token the server refuses: the original 401 stands, and no loop.
  const refused = stub((request) => problem(401, request.url.endsWith("/refresh") ? "token_not_valid" : "expired"), {
    refreshToken: "bad",
  });
  await assert.rejects(
    refused.client.projects.retrieve({ params: { path: { project_id: 1 } } }),
    (error: unknown) => error instanceof AuthenticationError && error.code === "expired",
  );
  assert.equal(refused.seen.length, 2); // the call and one refresh, no replay
});

test("with retries on, a create without an idempotencyKey gets a generated one, kept across retries", async () => {
  const { client, seen } = stub((_, n) => (n === 1 ? problem(503, "service_unavailable") : json(PROJECT, 201)));
  await client.projects.create({ body: { name: "x" } });
  const keys = seen.map((r) => r.headers.get("idempotency-key"));
  assert.equal(keys.length, 2);
  assert.match(keys[0]!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(keys[0], keys[1]);
  // Not with retries off (nothing to make safe), nor for an operation that does not accept keys.
  const off = stub(() => json(PROJECT, 201), { retry: { maxRetries: 0 } });
  await off.client.projects.create({ body: { name: "x" } });
  assert.equal(off.seen[0]!.headers.get("idempotency-key"), null);
  const update = stub(() => json(PROJECT));
  await update.client.projects.update({ params: { path: { project_id: 1 } }, body: { name: "y" } });
  assert.equal(update.seen[0]!.headers.get("idempotency-key"), null);
});

test("a newer server's enum values read as known-or-unknown strings; requests stay exact", async () => {
  const newer = { ...TASK, status: "blocked", blocked_by: [7] };
  const { client } = stub(() => json({ items: [TASK, newer], next: null, previous: null }));
  const labels: string[] = [];
  for await (const task of client.tasks.listIter({ params: { path: { project_id: 12 } } })) {
    // `Task["status"]` is "todo" | "in_progress" | "done" | (string & {}): a switch needs its default.
    switch (task.status) {
      case "todo":
      case "in_progress":
      case "done":
        labels.push(task.status);
        break;
      default:
        labels.push(`unknown:${task.status}`);
    }
  }
  assert.deepEqual(labels, ["todo", "unknown:blocked"]);
  const read: Task = { ...TASK, status: "blocked" }; // compiles: a response type takes unknown values
  assert.equal(read.status, "blocked");
  // Compile-time only (never called): what the SDK sends keeps the exact enum.
  const typeOnly = (): Promise<unknown> =>
    // @ts-expect-error "critical" is not a TaskPriority
    client.tasks.create({ params: { path: { project_id: 12 } }, body: { title: "x", priority: "critical" } });
  void typeOnly;
});
