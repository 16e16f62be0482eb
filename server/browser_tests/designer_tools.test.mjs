// `contract mock`'s page and `contract docs` (make docs) in headless Chromium: what an API designer looks at.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const repo = resolve(import.meta.dirname, '..', '..');
const python = join(repo, '.venv', 'bin', 'python');
const children = [];
let browser;

// `contract COMMAND --port 0`; resolves to the origin it prints on its first line.
function startContract(command, spec) {
  const child = spawn(python, ['-m', 'codegen', command, '--spec', spec, '--port', '0'], {
    cwd: repo, stdio: ['ignore', 'pipe', 'ignore'],
  });
  children.push(child);
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`contract ${command} did not start in 30 s`)), 30_000);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const origin = line.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (origin) ok(origin[0]); else fail(new Error(`unexpected banner: ${line}`));
    });
  });
}

// Operations under `paths` (what the mock serves); with `webhooks`, also those of the 3.1 `webhooks` section,
// for which Swagger UI renders operation blocks too.
function operationCount(spec, { webhooks = false } = {}) {
  const code = 'import sys, yaml; from codegen.refs import iter_operations; '
    + 'd = yaml.safe_load(open(sys.argv[1])); '
    + 'hooks = len(list(iter_operations({"paths": d.get("webhooks") or {}}))) if sys.argv[2] == "1" else 0; '
    + 'print(len(list(iter_operations(d))) + hooks)';
  return Number(execFileSync(python, ['-c', code, spec, webhooks ? '1' : '0'], { cwd: repo }).toString().trim());
}

before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  for (const child of children) child.kill('SIGTERM');
});

async function openPage(url, allowed) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!/^(data|blob):/.test(request.url()) && !allowed.some((origin) => request.url().startsWith(origin))) {
      problems.push(`external request: ${request.url()}`);
    }
  });
  await page.goto(url);
  return { page, problems };
}

test('the mock page lists every operation and its "Send" buttons reach the mock', async () => {
  const spec = join(repo, 'openapi', 'openapi.yaml');
  const origin = await startContract('mock', spec);
  const { page, problems } = await openPage(`${origin}/`, [origin]);
  await page.locator('tr.operation').first().waitFor();
  assert.equal(await page.locator('tr.operation').count(), operationCount(spec));

  const me = page.locator('tr.operation', { hasText: 'users_me_retrieve' });
  await me.getByRole('button', { name: 'Send' }).click();
  await me.locator('pre.result[data-status]').waitFor();
  assert.equal(await me.locator('pre.result').getAttribute('data-status'), '200');
  assert.match(await me.locator('pre.result').innerText(), /"username"/);

  const project = page.locator('tr.operation', { hasText: 'projects_retrieve' });
  await project.locator('select.status').selectOption('404');
  await project.getByRole('button', { name: 'Send' }).click();
  await project.locator('pre.result[data-status]').waitFor();
  assert.equal(await project.locator('pre.result').getAttribute('data-status'), '404');
  assert.match(await project.locator('pre.result').innerText(), /"code": "not_found"/);
  assert.deepEqual(problems, []);

  // CORS: a frontend on another origin (localhost vs 127.0.0.1) calls the mock with credentials and Prefer,
  // which needs a preflight.
  const other = origin.replace('127.0.0.1', 'localhost');
  const answer = await page.evaluate(async (base) => {
    const response = await fetch(`${base}/api/v1/projects`, {
      method: 'POST',
      headers: { Authorization: 'Bearer x', 'Content-Type': 'application/json', Prefer: 'code=201' },
      body: JSON.stringify({ name: 'From the browser' }),
    });
    return { status: response.status, applied: response.headers.get('Preference-Applied'), body: await response.json() };
  }, other);
  assert.equal(answer.status, 201);
  assert.equal(answer.applied, 'code=201');
  assert.ok(answer.body.id);
  await page.close();
});

test('make docs: Swagger UI renders the working copy from local assets and follows edits to the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'docs-preview-'));
  const spec = join(dir, 'openapi.yaml');
  copyFileSync(join(repo, 'openapi', 'openapi.yaml'), spec);
  const origin = await startContract('docs', spec);
  const { page, problems } = await openPage(`${origin}/`, [origin]);
  const title = page.locator('.swagger-ui .info .title');
  await title.waitFor();
  assert.match(await title.innerText(), /Project-management API/);
  await page.locator('.opblock').first().waitFor();
  assert.equal(await page.locator('.opblock').count(), operationCount(spec, { webhooks: true }));

  const text = readFileSync(spec, 'utf8');
  assert.ok(text.includes('title: Project-management API'));
  writeFileSync(spec, text.replace('title: Project-management API', 'title: Renamed while previewing'));
  await page.locator('.swagger-ui .info .title', { hasText: 'Renamed while previewing' }).waitFor({ timeout: 15_000 });

  // A broken save shows the parse error, and fixing it brings the docs back.
  writeFileSync(spec, 'openapi: [unclosed');
  await page.locator('#problem', { hasText: 'invalid YAML' }).waitFor({ timeout: 15_000 });
  writeFileSync(spec, text);
  await page.locator('.swagger-ui .info .title', { hasText: 'Project-management API' }).waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('#problem').isVisible(), false);
  assert.deepEqual(problems, []);
  await page.close();
});
