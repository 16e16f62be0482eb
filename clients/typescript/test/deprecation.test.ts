/**
 * Deprecation notices, no server: a call that uses something the contract deprecates (the operation, or a
 * parameter it sends) is reported to `onDeprecation` before the request goes out; the default warns once.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { ApiCore, type DeprecationNotice, warnOnce } from "../src/index.js";
import { deprecationNotices, type OperationSpec } from "../src/runtime.js";

type Paths = Record<string, Record<string, unknown>>;

const OLD: OperationSpec<string, "get"> = {
  method: "get",
  path: "/things",
  operationId: "things_list",
  security: [],
  deprecation: { since: "2026-06-01", sunset: "2027-01-31" },
  deprecatedParams: [{ in: "query", name: "q", deprecation: { since: "2026-12-03", sunset: "2027-06-30" } }],
};

const ok = async (): Promise<Response> =>
  new Response("{}", { status: 200, headers: { "content-type": "application/json" } });

test("the notices name the operation, the parameter sent, and their dates", () => {
  const [operation, parameter, ...rest] = deprecationNotices(OLD, { params: { query: { q: "x" } } });
  assert.equal(rest.length, 0);
  assert.deepEqual(operation, {
    operationId: "things_list",
    since: "2026-06-01",
    sunset: "2027-01-31",
    message: "things_list (GET /things) is deprecated since 2026-06-01, sunset 2027-01-31",
  });
  assert.equal(parameter?.message, "things_list: query parameter q is deprecated since 2026-12-03, sunset 2027-06-30");
  assert.deepEqual(parameter?.parameter, { in: "query", name: "q" });
  // a parameter not sent (absent, undefined or null) is not reported
  const fine = { ...OLD, deprecation: undefined };
  assert.deepEqual(deprecationNotices(fine, { params: { query: { q: undefined, search: "x" } } }), []);
  assert.deepEqual(deprecationNotices(fine, undefined), []);
});

test("calls report to onDeprecation before the request is sent", async () => {
  const events: string[] = [];
  const core = new ApiCore<Paths>(
    {
      baseUrl: "http://api.test",
      fetch: async (request) => {
        events.push(`fetch ${new URL(request.url).search}`);
        return ok();
      },
      onDeprecation: (notice: DeprecationNotice) => events.push(notice.message),
    },
    { serverPath: "", security: { bearer: [], basic: [], apiKeys: {} } },
  );
  const call = core.call.bind(core) as (spec: unknown, init: unknown) => Promise<unknown>;
  await call(OLD, { params: { query: { q: "x" } } });
  await call({ ...OLD, deprecation: undefined }, {});
  assert.deepEqual(events, [
    "things_list (GET /things) is deprecated since 2026-06-01, sunset 2027-01-31",
    "things_list: query parameter q is deprecated since 2026-12-03, sunset 2027-06-30",
    "fetch ?q=x",
    "fetch ",
  ]);
});

test("the default warns once per operation or parameter", () => {
  const original = console.warn;
  const printed: unknown[] = [];
  console.warn = (...args: unknown[]) => printed.push(args.join(" "));
  try {
    const [operation, parameter] = deprecationNotices(OLD, { params: { query: { q: 1 } } });
    warnOnce(operation!);
    warnOnce(operation!);
    warnOnce(parameter!);
    warnOnce(parameter!);
  } finally {
    console.warn = original;
  }
  assert.deepEqual(printed, [
    "[deprecated] things_list (GET /things) is deprecated since 2026-06-01, sunset 2027-01-31",
    "[deprecated] things_list: query parameter q is deprecated since 2026-12-03, sunset 2027-06-30",
  ]);
});
