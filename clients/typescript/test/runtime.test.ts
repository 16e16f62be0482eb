/**
 * The runtime on its own, no server: `fetch` is a stub answering canned responses.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { ApiError, ProjectManagementClient, type RetryEvent, type RetryOptions } from "../src/index.js";
import { serverBaseUrl } from "../src/runtime.js";

const page = (next: string | null): Response =>
  new Response(JSON.stringify({ items: [], next, previous: null }), {
    status: 200,
    headers: { "content-type": "application/json" },
  });

test("pagination follows same-origin links and refuses a link to another origin", async () => {
  const urls: string[] = [];
  const answers = [
    page("http://api.test/api/v1/projects?cursor=b"), // absolute, same origin: followed
    page("/api/v1/projects?cursor=c"), // relative: resolved against the API's origin, followed
    page("https://elsewhere.test/api/v1/projects?cursor=d"), // another origin: refused, never requested
  ];
  const client = new ProjectManagementClient({
    baseUrl: "http://api.test",
    token: "secret",
    fetch: async (request: Request) => {
      urls.push(request.url);
      const answer = answers.shift();
      assert.ok(answer, `unexpected request ${request.url}`);
      return answer;
    },
  });
  await assert.rejects(
    (async () => {
      for await (const _ of client.projects.listIter()) void _;
    })(),
    /refusing to follow a pagination link to another origin: https:\/\/elsewhere\.test\//,
  );
  assert.deepEqual(urls, [
    "http://api.test/api/v1/projects",
    "http://api.test/api/v1/projects?cursor=b",
    "http://api.test/api/v1/projects?cursor=c",
  ]);
});

test("the health probes are under /api/v1 like every operation", async () => {
  for (const [baseUrl, apiRoot] of [
    ["http://api.test", "http://api.test/api/v1"],
    ["https://gw.test:8443/custom/prefix/", "https://gw.test:8443/custom/prefix"],
  ] as const) {
    const urls: string[] = [];
    const client = new ProjectManagementClient({
      baseUrl,
      token: "secret",
      fetch: async (request: Request) => {
        urls.push(request.url);
        const path = new URL(request.url).pathname;
        const body = path.endsWith("/health/ready")
          ? { status: "ok", checks: { database: "ok", cache: "ok" } }
          : path.endsWith("/health/live")
            ? { status: "ok" }
            : { id: 1, name: "x", description: "", role: "owner", created_at: "", updated_at: "" };
        return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
      },
    });
    assert.equal((await client.health.live()).status, "ok");
    assert.equal((await client.health.ready()).checks.database, "ok");
    await client.projects.retrieve({ params: { path: { project_id: 1 } } });
    assert.deepEqual(urls, [`${apiRoot}/health/live`, `${apiRoot}/health/ready`, `${apiRoot}/projects/1`]);
    assert.equal(client.core.baseUrl, apiRoot);
  }
});

test("serverBaseUrl: relative servers on the origin of baseUrl, absolute ones as they are", () => {
  assert.equal(serverBaseUrl("http://h:8000/api/v1", "/"), "http://h:8000");
  assert.equal(serverBaseUrl("http://h:8000/api/v1", ""), "http://h:8000");
  assert.equal(serverBaseUrl("https://h/custom/x", "/probes/"), "https://h/probes");
  assert.equal(serverBaseUrl("https://h", "probes"), "https://h/probes");
  assert.equal(serverBaseUrl("https://h/api", "//cdn.test/v1"), "https://cdn.test/v1");
  assert.equal(serverBaseUrl("http://h/api/v1", "https://uploads.test/"), "https://uploads.test");
  assert.equal(serverBaseUrl("http://h/api/v1", "https://eu.probes.test:9/p/"), "https://eu.probes.test:9/p");
});

test("an absolute per-operation base URL is used as is, and its pagination stays on that origin", async () => {
  const urls: string[] = [];
  const answers = [
    page("https://events.test/feed/projects?cursor=b"), // the operation's origin: followed
    page("/feed/projects?cursor=c"), // relative: on the operation's origin
    page("http://api.test/api/v1/projects?cursor=d"), // the client's origin, not the operation's: refused
  ];
  const client = new ProjectManagementClient({
    baseUrl: "http://api.test",
    token: "secret",
    fetch: async (request: Request) => {
      urls.push(request.url);
      assert.equal(request.headers.get("authorization"), "Bearer secret");
      const answer = answers.shift();
      assert.ok(answer, `unexpected request ${request.url}`);
      return answer;
    },
  });
  const spec = {
    method: "get",
    path: "/projects",
    operationId: "projects_list",
    security: ["bearerAuth"],
    server: "https://events.test/feed/",
  } as const;
  await assert.rejects(
    (async () => {
      for await (const _ of client.core.paginate(spec, undefined, "items", "next")) void _;
    })(),
    /refusing to follow a pagination link to another origin: http:\/\/api\.test\//,
  );
  assert.deepEqual(urls, [
    "https://events.test/feed/projects",
    "https://events.test/feed/projects?cursor=b",
    "https://events.test/feed/projects?cursor=c",
  ]);
});

/* ------------------------------------------------------------------------------------------------------------
 * the idempotency key: one way to set it, and 409 idempotency_key_in_use retried like a 429
 * ---------------------------------------------------------------------------------------------------------- */

const PROJECT = {
  id: 1,
  name: "x",
  description: "",
  role: "owner",
  created_at: "2026-11-23T09:30:00Z",
  updated_at: "2026-11-23T09:30:00Z",
};

const created = (): Response =>
  new Response(JSON.stringify(PROJECT), { status: 201, headers: { "content-type": "application/json" } });

const conflict = (code: string, retryAfter: string | null = "1"): Response =>
  new Response(JSON.stringify({ type: "about:blank", title: "Conflict", status: 409, code }), {
    status: 409,
    headers: { "content-type": "application/problem+json", ...(retryAfter ? { "retry-after": retryAfter } : {}) },
  });

/** A client whose fetch answers `answers` in order and records each request's Idempotency-Key and body. */
function scripted(answers: Response[], events: RetryEvent[] = [], retry: RetryOptions = {}) {
  const seen: { key: string | null; body: string }[] = [];
  const client = new ProjectManagementClient({
    baseUrl: "http://api.test",
    token: "secret",
    retry: { onRetry: (event) => events.push(event), ...retry },
    fetch: async (request: Request) => {
      seen.push({ key: request.headers.get("idempotency-key"), body: await request.text() });
      const answer = answers.shift();
      assert.ok(answer, `unexpected request ${request.method} ${request.url}`);
      return answer;
    },
  });
  return { client, seen };
}

test("a create's declared Idempotency-Key is set through idempotencyKey only, and sent once", async () => {
  const { client, seen } = scripted([created()]);
  await client.projects.create({ body: { name: "x" }, idempotencyKey: "k-1" });
  assert.deepEqual(seen, [{ key: "k-1", body: '{"name":"x"}' }]); // one value, not "k-1, k-1"
  // Compile-time only (never called): the contract's header parameter is not a second way to set it.
  const typeOnly = (): Promise<unknown> =>
    client.projects.create({
      body: { name: "x" },
      // @ts-expect-error -- `Idempotency-Key` is set with `idempotencyKey`, not `params.header`
      params: { header: { "Idempotency-Key": "k-2" } },
    });
  void typeOnly;
});

test("409 idempotency_key_in_use is retried after Retry-After, with the same key, then succeeds", async () => {
  const events: RetryEvent[] = [];
  const { client, seen } = scripted([conflict("idempotency_key_in_use"), created()], events);
  const started = Date.now();
  const project = await client.projects.create({ body: { name: "x" }, idempotencyKey: "k-1" });
  assert.equal(project.id, 1);
  assert.deepEqual(seen.map((s) => s.key), ["k-1", "k-1"]);
  assert.equal(seen[0]!.body, seen[1]!.body);
  assert.equal(events.length, 1);
  assert.equal(events[0]!.status, 409);
  assert.ok(events[0]!.delayMs >= 1000 && events[0]!.delayMs <= 1250, `delay ${events[0]!.delayMs}`);
  assert.ok(Date.now() - started >= 990);
});

test("a 409 with another code is not retried, even with an idempotency key", async () => {
  for (const answer of [
    conflict("already_member"),
    new Response("busy", { status: 409, headers: { "retry-after": "0" } }), // no problem code at all
  ]) {
    const { client, seen } = scripted([answer]);
    const error = await client.projects.create({ body: { name: "x" }, idempotencyKey: "k-1" }).then(
      () => assert.fail("expected an ApiError"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 409);
    assert.equal(seen.length, 1);
  }
});

test("409 idempotency_key_in_use is not retried without an idempotency key", async () => {
  const { client, seen } = scripted([conflict("idempotency_key_in_use", "0"), conflict("idempotency_key_in_use", "0")], [], {
    autoIdempotencyKey: false,
  });
  await assert.rejects(client.projects.create({ body: { name: "x" } }), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, "idempotency_key_in_use");
    return true;
  });
  // not for an idempotent method either: only a keyed request is "in flight" under that key
  await assert.rejects(client.projects.retrieve({ params: { path: { project_id: 1 } } }), ApiError);
  assert.deepEqual(seen.map((s) => s.key), [null, null]);
});
