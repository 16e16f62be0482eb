/**
 * TanStack Query helpers (`@contractfirst/projectmgmt-client/query`, issue 14 point 11) driven by
 * `@tanstack/query-core`'s QueryClient and observers (what `useQuery` / `useInfiniteQuery` / `useMutation`
 * run), over the real SDK with a stub `fetch`: no server.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import ts from "typescript";

import { InfiniteQueryObserver, MutationObserver, QueryClient, QueryObserver, type InfiniteData } from "@tanstack/query-core";

import { ApiError, NotFoundError, ProjectManagementClient, type Task } from "../src/index.js";
import { affectedBy, createQueryHelpers, cursorOf, type OperationKey } from "../src/query.js";

const task = (id: number, title: string, project_id = 12): Task => ({
  id,
  project_id,
  title,
  description: "",
  status: "todo",
  priority: "normal",
  assignee_id: null,
  created_by_id: 42,
  due_date: null,
  created_at: "2026-11-23T10:20:00Z",
  updated_at: "2026-11-23T11:05:31Z",
});

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const problem = (status: number, code: string): Response =>
  new Response(JSON.stringify({ type: "about:blank", title: "t", status, code }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });

/** A client whose fetch answers with `answer` and records each request as `METHOD path?query`. */
function setup(answer: (request: Request) => Response | Promise<Response>) {
  const seen: string[] = [];
  const client = new ProjectManagementClient({
    baseUrl: "http://api.test",
    token: "t",
    retry: { maxRetries: 0 },
    fetch: async (request: Request) => {
      const url = new URL(request.url);
      seen.push(`${request.method} ${url.pathname}${url.search}`);
      return answer(request);
    },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return { client, api: createQueryHelpers(client), queryClient, seen };
}

const inProject = { params: { path: { project_id: 12 } } };

test("keys are hierarchical: prefix, tag, operation, path parameters, query", () => {
  const { api } = setup(() => json({}));
  const key: OperationKey = api.tasks.list.queryKey({ params: { path: { project_id: 12 }, query: { page_size: 2 } } });
  assert.deepEqual(key, ["projectmgmt", "tasks", "list", { project_id: 12 }, { page_size: 2 }]);
  assert.deepEqual(api.tasks.retrieve.queryKey({ params: { path: { project_id: 12, task_id: 301 } } }), [
    "projectmgmt",
    "tasks",
    "retrieve",
    { project_id: 12, task_id: 301 },
    {},
  ]);
  assert.deepEqual(api.projects.list.queryKey(), ["projectmgmt", "projects", "list", {}, {}]);
  assert.deepEqual(api.tasks.list.infiniteQueryOptions(inProject).queryKey, [
    "projectmgmt",
    "tasks",
    "list",
    { project_id: 12 },
    {},
    "infinite",
  ]);
  assert.deepEqual(api.key("tasks", "list", { project_id: 12 }), ["projectmgmt", "tasks", "list", { project_id: 12 }]);
  assert.equal(createQueryHelpers(new ProjectManagementClient({ baseUrl: "http://x.test" }), { prefix: "pm" }).prefix, "pm");
  // list operations have infiniteQueryOptions; the type says the others do not
  const retrieveIsNoPage: [typeof api.tasks.retrieve.infiniteQueryOptions] extends [never] ? true : false = true;
  const listIsPage: [typeof api.tasks.list.infiniteQueryOptions] extends [never] ? true : false = false;
  void [retrieveIsNoPage, listIsPage];
  // @ts-expect-error no such operation
  void api.tasks.nonexistent;
  assert.equal(cursorOf("http://api.test/api/v1/projects/12/tasks?cursor=abc%3D&page_size=2"), "abc=");
  assert.equal(cursorOf("/api/v1/projects/12/tasks?cursor=xyz"), "xyz");
  assert.equal(cursorOf(null), undefined);
});

test("queryOptions: fetched once through the SDK, typed, then served from the cache", async () => {
  const { api, queryClient, seen } = setup(() => json(task(301, "Draft")));
  const options = { ...api.tasks.retrieve.queryOptions({ params: { path: { project_id: 12, task_id: 301 } } }), staleTime: 60_000 };
  const first = await queryClient.fetchQuery(options);
  const title: string = first.title; // typed from the contract
  assert.equal(title, "Draft");
  const again = await queryClient.fetchQuery(options);
  assert.equal(again, first);
  assert.deepEqual(seen, ["GET /api/v1/projects/12/tasks/301"]);
  // the key carries the data type: getQueryData is a Task
  const cached: Task | undefined = queryClient.getQueryData(options.queryKey);
  assert.equal(cached?.id, 301);
});

test("infiniteQueryOptions: three pages through the cursors of the next links", async () => {
  const pages: Record<string, { items: Task[]; next: string | null }> = {
    "": { items: [task(1, "a"), task(2, "b")], next: "http://api.test/api/v1/projects/12/tasks?cursor=c2&page_size=2" },
    c2: { items: [task(3, "c"), task(4, "d")], next: "http://api.test/api/v1/projects/12/tasks?cursor=c3&page_size=2" },
    c3: { items: [task(5, "e")], next: null },
  };
  const { api, queryClient, seen } = setup((request) => {
    const cursor = new URL(request.url).searchParams.get("cursor") ?? "";
    return json({ ...pages[cursor]!, previous: null });
  });
  const observer = new InfiniteQueryObserver(
    queryClient,
    api.tasks.list.infiniteQueryOptions({ params: { path: { project_id: 12 }, query: { page_size: 2 } } }),
  );
  const unsubscribe = observer.subscribe(() => undefined);
  try {
    await waitFor(() => observer.getCurrentResult().isSuccess);
    assert.equal(observer.getCurrentResult().hasNextPage, true);
    await observer.fetchNextPage();
    const last = await observer.fetchNextPage();
    const data: InfiniteData<{ items: Task[] }> | undefined = last.data; // pages typed from the contract
    assert.deepEqual(
      data?.pages.flatMap((page) => page.items.map((each) => each.title)),
      ["a", "b", "c", "d", "e"],
    );
    assert.deepEqual(data?.pageParams, [null, "c2", "c3"]);
    assert.equal(last.hasNextPage, false);
    assert.deepEqual(seen, [
      "GET /api/v1/projects/12/tasks?page_size=2",
      "GET /api/v1/projects/12/tasks?page_size=2&cursor=c2",
      "GET /api/v1/projects/12/tasks?page_size=2&cursor=c3",
    ]);
  } finally {
    unsubscribe();
  }
});

test("mutationOptions: a create refetches that project's active task list, not another project's", async () => {
  const tasks = [task(1, "Draft")];
  const { api, queryClient, seen } = setup(async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method === "POST") {
      const body = (await request.json()) as { title: string };
      const created = task(tasks.length + 1, body.title);
      tasks.push(created);
      return json(created, 201);
    }
    if (path === "/api/v1/projects/99/tasks") return json({ items: [], next: null, previous: null });
    if (path === "/api/v1/projects/12/tasks/1") return json(tasks[0]);
    return json({ items: tasks, next: null, previous: null });
  });
  const list = new QueryObserver(queryClient, api.tasks.list.queryOptions(inProject));
  const other = new QueryObserver(queryClient, api.tasks.list.queryOptions({ params: { path: { project_id: 99 } } }));
  const detail = new QueryObserver(
    queryClient,
    api.tasks.retrieve.queryOptions({ params: { path: { project_id: 12, task_id: 1 } } }),
  );
  const stop = [list, other, detail].map((observer) => observer.subscribe(() => undefined));
  try {
    await waitFor(() => [list, other, detail].every((observer) => observer.getCurrentResult().isSuccess));
    assert.equal(list.getCurrentResult().data?.items.length, 1);
    seen.length = 0;

    const mutation = new MutationObserver(queryClient, api.tasks.create.mutationOptions());
    const created = await mutation.mutate({ params: { path: { project_id: 12 } }, body: { title: "Review" } });
    assert.equal(created.title, "Review");
    // the list was refetched before the mutation settled; project 99's list and task 1's detail were not
    assert.deepEqual(seen, ["POST /api/v1/projects/12/tasks", "GET /api/v1/projects/12/tasks"]);
    assert.deepEqual(
      list.getCurrentResult().data?.items.map((each) => each.title),
      ["Draft", "Review"],
    );

    // an update of task 1 invalidates the project's lists and that task's detail
    seen.length = 0;
    await new MutationObserver(queryClient, api.tasks.update.mutationOptions({ queryClient })).mutate({
      params: { path: { project_id: 12, task_id: 1 } },
      body: { status: "done" },
    });
    assert.deepEqual(seen.slice(1).sort(), ["GET /api/v1/projects/12/tasks", "GET /api/v1/projects/12/tasks/1"]);
  } finally {
    for (const unsubscribe of stop) unsubscribe();
  }
});

test("mutationOptions: invalidates adds other tags' keys; invalidate: false leaves the cache alone", async () => {
  const { api, queryClient, seen } = setup((request) =>
    request.method === "DELETE" ? new Response(null, { status: 204 }) : json({ items: [], next: null, previous: null }),
  );
  const tasks = new QueryObserver(queryClient, api.tasks.list.queryOptions(inProject));
  const projects = new QueryObserver(queryClient, api.projects.list.queryOptions());
  const stop = [tasks, projects].map((observer) => observer.subscribe(() => undefined));
  try {
    await waitFor(() => tasks.getCurrentResult().isSuccess && projects.getCurrentResult().isSuccess);
    seen.length = 0;
    await new MutationObserver(queryClient, api.projects.delete.mutationOptions({ invalidate: false })).mutate(inProject);
    assert.deepEqual(seen, ["DELETE /api/v1/projects/12"]);
    seen.length = 0;
    const remove = api.projects.delete.mutationOptions({
      invalidates: (_data, variables) => [api.key("tasks", "list", { project_id: variables.params.path.project_id })],
    });
    await new MutationObserver(queryClient, remove).mutate(inProject);
    assert.deepEqual(seen.slice(1).sort(), ["GET /api/v1/projects", "GET /api/v1/projects/12/tasks"]);
  } finally {
    for (const unsubscribe of stop) unsubscribe();
  }
});

test("affectedBy: a write's path parameters select the tag's queries whose parameters it contains", () => {
  const { api } = setup(() => json({}));
  const queryClient = new QueryClient();
  const keys = [
    api.tasks.list.queryKey(inProject),
    api.tasks.list.queryKey({ params: { path: { project_id: 12 }, query: { status: "done" } } }),
    api.tasks.retrieve.queryKey({ params: { path: { project_id: 12, task_id: 301 } } }),
    api.tasks.retrieve.queryKey({ params: { path: { project_id: 12, task_id: 302 } } }),
    api.tasks.list.queryKey({ params: { path: { project_id: 99 } } }),
    api.projects.retrieve.queryKey({ params: { path: { project_id: 12 } } }),
  ];
  for (const key of keys) queryClient.setQueryData(key, {} as never);
  const matched = (filters: ReturnType<typeof affectedBy>) =>
    queryClient.getQueryCache().findAll(filters).map((query) => query.queryKey);
  assert.deepEqual(matched(api.affectedBy("tasks", { project_id: 12, task_id: 301 })), keys.slice(0, 3));
  assert.deepEqual(matched(api.affectedBy("tasks", { project_id: 12 })), keys.slice(0, 2));
  assert.deepEqual(matched(api.affectedBy("projects", { project_id: 12 })), [keys[5]]);
});

test("the AbortSignal TanStack passes to queryFn aborts the SDK's request", async () => {
  let aborted: unknown;
  let started: () => void = () => undefined;
  const sent = new Promise<void>((resolve) => (started = resolve));
  const { api, queryClient } = setup(
    (request) =>
      new Promise<Response>((_, reject) => {
        const abort = (): void => {
          aborted = request.signal.reason;
          reject(request.signal.reason);
        };
        if (request.signal.aborted) abort();
        request.signal.addEventListener("abort", abort);
        started();
      }),
  );
  const options = api.tasks.list.queryOptions(inProject);
  const pending = queryClient.fetchQuery(options).catch((error: unknown) => error);
  await sent; // the request is in flight
  await queryClient.cancelQueries({ queryKey: options.queryKey });
  await pending;
  assert.ok(aborted !== undefined, "the request's signal was aborted");
  assert.equal(queryClient.getQueryState(options.queryKey)?.fetchStatus, "idle");
});

test("errors are the SDK's typed ApiError subclasses, with the problem's code", async () => {
  const { api, queryClient } = setup(() => problem(404, "not_found"));
  const observer = new QueryObserver(queryClient, api.tasks.retrieve.queryOptions({ params: { path: { project_id: 12, task_id: 9 } } }));
  const unsubscribe = observer.subscribe(() => undefined);
  try {
    await waitFor(() => observer.getCurrentResult().isError);
    const error = observer.getCurrentResult().error;
    assert.ok(error instanceof NotFoundError);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 404);
    assert.equal(error.code, "not_found");
  } finally {
    unsubscribe();
  }
  // a failed mutation invalidates nothing and rejects with the typed error
  const failing = setup(() => problem(422, "assignee_not_member"));
  const mutation = new MutationObserver(failing.queryClient, failing.api.tasks.create.mutationOptions());
  await assert.rejects(
    mutation.mutate({ params: { path: { project_id: 12 } }, body: { title: "x", assignee_id: 5 } }),
    (error: unknown) => error instanceof ApiError && error.code === "assignee_not_member",
  );
  assert.deepEqual(failing.seen, ["POST /api/v1/projects/12/tasks"]);
});

test("the README's query-core example compiles under --strict against the built package (npm run build first)", () => {
  const root = new URL("../../", import.meta.url); // clients/typescript (tests run from build-test/test/)
  const section = readFileSync(new URL("README.md", root), "utf8").split("## TanStack Query", 2)[1]!;
  const code = section.split("```ts\n", 2)[1]!.split("```\n", 1)[0]!;
  assert.match(code, /from "@contractfirst\/projectmgmt-client\/query"/);
  // Inside the package, so that the package's name resolves to the build (and its ./query export).
  const directory = new URL("build-test/readme-query/", root);
  mkdirSync(directory, { recursive: true });
  const source = fileURLToPath(new URL("program.ts", directory));
  writeFileSync(source, `${code}\nexport {};\n`);
  const checked = ts.createProgram([source], {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    skipLibCheck: true,
    noEmit: true,
  });
  const diagnostics = ts.getPreEmitDiagnostics(checked).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  assert.deepEqual(diagnostics, []);
});

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
