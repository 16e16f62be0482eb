// The interactive docs render the hand-authored contract from local assets, and "Try it out" reaches the API.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
let server;
let browser;
let contract;

before(async () => {
  server = await startServer();
  contract = await (await fetch(`${server.base}/api/v1/openapi.json`)).json();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.stop();
});

// Swagger UI renders an operation block for every operation of `paths` and of (3.1) `webhooks`.
function operationCount(document) {
  const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']);
  return [document.paths, document.webhooks ?? {}].flatMap(Object.values).reduce(
    (n, item) => n + Object.keys(item).filter((key) => methods.has(key)).length, 0);
}

async function openPage(path) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('request', (request) => {
    if (!/^(data|blob):/.test(request.url()) && !request.url().startsWith(server.base)) {
      problems.push(`external request: ${request.url()}`);
    }
  });
  await page.goto(`${server.base}${path}`);
  return { page, problems };
}

test('Swagger UI shows every operation of the contract, from local assets only', async () => {
  const { page, problems } = await openPage('/api/docs');
  await page.locator('.swagger-ui .info .title').waitFor();
  assert.match(await page.locator('.swagger-ui .info .title').innerText(), /Project-management API/);
  await page.locator('.opblock').first().waitFor();
  assert.equal(await page.locator('.opblock').count(), operationCount(contract));
  for (const tag of contract.tags) {
    assert.equal(await page.locator(`[data-tag="${tag.name}"]`).count(), 1, `tag ${tag.name} is shown`);
  }
  mkdirSync('../../var', { recursive: true });
  await page.screenshot({ path: '../../var/docs-swagger.png', fullPage: false });
  assert.deepEqual(problems, []);
  await page.close();
});

test('"Try it out" on GET /users/me calls the live API and shows its problem+json 401', async () => {
  const { page, problems } = await openPage('/api/docs');
  const operation = page.locator('#operations-users-users_me_retrieve');
  await operation.locator('.opblock-summary').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.getByRole('button', { name: 'Execute' }).click();
  const status = operation.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor();
  assert.equal((await status.innerText()).trim(), '401');
  const body = operation.locator('.live-responses-table .response-col_description pre').first();
  assert.match(await body.innerText(), /"code": "not_authenticated"/);
  // The browser's 401 itself is logged as a console error by Chromium: that is the API answering, not the page.
  assert.deepEqual(problems.filter((p) => !p.includes('401')), []);
  await page.close();
});
