/**
 * README.md's complete program, verbatim but for its line saying where the server is and who logs in:
 * type-checked with `tsc --strict` against the built package, then run against a live server (API_BASE_URL,
 * `npm run test:readme` under `python -m codegen.tests.live_server`, throttled at a production-like rate).
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

import ts from "typescript";

import { ProjectManagementClient } from "../src/index.js";

const BASE_URL = process.env.API_BASE_URL;
assert.ok(BASE_URL, "API_BASE_URL is not set (run it with `python -m codegen.tests.live_server -- npm run test:readme`)");
const ROOT = new URL("../../", import.meta.url); // clients/typescript (tests run from build-test/test/)
const FIRST_LINE =
  'const BASE_URL = "http://127.0.0.1:8000", USERNAME = "bob", PASSWORD = "demo-password-123"; // `make run`\'s demo user';

function program(): string {
  const readme = readFileSync(new URL("README.md", ROOT), "utf8");
  const section = readme.split("## A complete program", 2)[1]!;
  const code = section.split("```ts\n", 2)[1]!.split("```\n", 1)[0]!;
  assert.ok(code.includes(FIRST_LINE), "the README program's first line changed");
  return code;
}

test("the README program compiles under --strict and runs against a live server", async () => {
  const username = `readme_${randomUUID().slice(0, 8)}`;
  const password = "Correct-Horse-Battery-42";
  const setup = new ProjectManagementClient({ baseUrl: BASE_URL! });
  await setup.users.register({ body: { username, email: `${username}@example.com`, password } });
  const code = program().replace(
    FIRST_LINE,
    `const BASE_URL = ${JSON.stringify(BASE_URL)}, USERNAME = ${JSON.stringify(username)}, PASSWORD = ${JSON.stringify(password)};`,
  );

  // Inside the package, so that "@contractfirst/projectmgmt-client" resolves to the build by its name.
  const directory = new URL("build-test/readme/", ROOT);
  mkdirSync(directory, { recursive: true });
  const source = fileURLToPath(new URL("program.ts", directory));
  writeFileSync(source, code);
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    skipLibCheck: true,
    noEmit: true,
  };
  const checked = ts.createProgram([source], options);
  const diagnostics = ts.getPreEmitDiagnostics(checked).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  assert.deepEqual(diagnostics, []);

  const emitted = ts.transpileModule(code, { compilerOptions: { ...options, noEmit: false } }).outputText;
  const runnable = new URL("program.mjs", directory);
  writeFileSync(runnable, emitted);
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  try {
    await import(pathToFileURL(fileURLToPath(runnable)).href);
  } finally {
    console.log = log;
  }
  assert.match(lines[0]!, /^read Draft etag "[0-9a-f]{32}"$/);
  assert.match(lines[1]!, /^RateLimit-Remaining \d+$/);
  assert.deepEqual(lines.slice(2), [
    "not modified",
    "updated, new etag true",
    "412 precondition_failed",
    "page item Draft done",
    "page item Publish todo",
    "page item Review todo",
    "unknown status blocked",
  ]);
});
