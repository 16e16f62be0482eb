/**
 * The built package as its users load it (`npm run build` first): `import` (ESM, dist/) and `require`
 * (CommonJS, dist/cjs/) by the package's name, each also in a fresh Node with neither `TextEncoder` nor
 * `crypto` (older React Native) where importing must work, calls must work, and webhook verification must
 * fail with a clear error instead of a ReferenceError.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";

const PACKAGE = "@contractfirst/projectmgmt-client";
const ROOT = new URL("../../", import.meta.url); // clients/typescript (tests run from build-test/test/)
const manifest = JSON.parse(readFileSync(new URL("package.json", ROOT), "utf8")) as Record<string, unknown>;

test("the package is publishable: not private, licensed, import and require conditions", () => {
  assert.equal(manifest["name"], PACKAGE);
  assert.equal(manifest["private"], undefined);
  assert.equal(manifest["license"], "MIT");
  const root = (manifest["exports"] as Record<string, Record<string, { types: string; default: string }>>)["."]!;
  assert.deepEqual(root["import"], { types: "./dist/index.d.ts", default: "./dist/index.js" });
  assert.deepEqual(root["require"], { types: "./dist/cjs/index.d.ts", default: "./dist/cjs/index.js" });
});

test("import and require give the same API", async () => {
  const esm = (await import(PACKAGE)) as Record<string, unknown>;
  const cjs = createRequire(import.meta.url)(PACKAGE) as Record<string, unknown>;
  assert.notEqual(esm["ProjectManagementClient"], cjs["ProjectManagementClient"]); // two builds, really
  assert.deepEqual(Object.keys(cjs).filter((k) => k !== "__esModule").sort(), Object.keys(esm).sort());
  for (const name of ["ProjectManagementClient", "ApiError", "PreconditionFailedError", "NotModified", "verifySignature"]) {
    assert.equal(typeof esm[name], "function", name);
    assert.equal(typeof cjs[name], "function", name);
  }
});

test("the ./query entry point (TanStack Query helpers): import and require, TanStack only a type dependency", async () => {
  const query = (manifest["exports"] as Record<string, Record<string, { types: string; default: string }>>)["./query"]!;
  assert.deepEqual(query["import"], { types: "./dist/query.d.ts", default: "./dist/query.js" });
  assert.deepEqual(query["require"], { types: "./dist/cjs/query.d.ts", default: "./dist/cjs/query.js" });
  const esm = (await import(`${PACKAGE}/query`)) as Record<string, unknown>;
  const cjs = createRequire(import.meta.url)(`${PACKAGE}/query`) as Record<string, unknown>;
  for (const name of ["createQueryHelpers", "affectedBy", "cursorOf", "operationKey"]) {
    assert.equal(typeof esm[name], "function", name);
    assert.equal(typeof cjs[name], "function", name);
  }
  // an optional peer: neither build of either entry point loads @tanstack/query-core
  for (const file of ["dist/index.js", "dist/cjs/index.js", "dist/query.js", "dist/cjs/query.js"]) {
    assert.doesNotMatch(readFileSync(new URL(file, ROOT), "utf8"), /@tanstack/, file);
  }
  const peers = manifest["peerDependenciesMeta"] as Record<string, { optional?: boolean }>;
  assert.equal(peers["@tanstack/query-core"]?.optional, true);
});

/** A script run by a fresh node without TextEncoder and crypto; prints what it saw as JSON. */
const script = (load: string): string => `
// Node's own fetch (undici) needs TextEncoder when it first loads: load it before taking TextEncoder away
// (React Native's fetch does not); the package is imported only after.
void [new Request("http://x.test"), new Response("x"), new Headers(), new AbortController()];
delete globalThis.TextEncoder;
Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true, writable: true });
(async () => {
  const sdk = ${load};
  const sent = [];
  const client = new sdk.ProjectManagementClient({
    baseUrl: "http://api.test",
    token: "t",
    fetch: async (request) => {
      sent.push(request.headers.get("idempotency-key"));
      return new Response(JSON.stringify({ id: 1, name: "x", description: "", role: "owner", created_at: "", updated_at: "" }), {
        status: 201,
        headers: { "content-type": "application/json", "ratelimit-remaining": "7" },
      });
    },
  });
  const created = await client.projects.withResponse.create({ body: { name: "x" } });
  let webhook = "";
  try {
    await sdk.verifySignature("whsec_x", { "Webhook-Timestamp": "1", "Webhook-Signature": "v1=00" }, "{}", { tolerance: 0 });
  } catch (error) {
    webhook = error.name + ": " + error.message;
  }
  console.log(JSON.stringify({
    textEncoder: typeof globalThis.TextEncoder,
    crypto: typeof globalThis.crypto,
    id: created.data.id,
    remaining: created.rateLimit.remaining,
    key: sent[0],
    webhook,
  }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

for (const [kind, load, type] of [
  ["import (ESM)", `await import(${JSON.stringify(PACKAGE)})`, "module"],
  ["require (CommonJS)", `require(${JSON.stringify(PACKAGE)})`, "commonjs"],
] as const) {
  test(`${kind} works without TextEncoder and crypto`, () => {
    const output = execFileSync(process.execPath, [`--input-type=${type}`, "-e", script(load)], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const seen = JSON.parse(output) as Record<string, unknown>;
    assert.equal(seen["textEncoder"], "undefined");
    assert.equal(seen["crypto"], "undefined");
    assert.equal(seen["id"], 1);
    assert.equal(seen["remaining"], 7);
    // the generated idempotency key falls back to Math.random without crypto.randomUUID
    assert.match(String(seen["key"]), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(String(seen["webhook"]), /^WebhookVerificationError: Web Crypto \(crypto\.subtle\) is not available/);
  });
}
