// Start the API server on a throwaway SQLite database with demo data, for the browser tests.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..');
const python = join(repo, '.venv', 'bin', 'python');
const manage = join(repo, 'server', 'manage.py');

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

export async function startServer() {
  const env = {
    ...process.env,
    DJANGO_SETTINGS_MODULE: 'server.config.settings.local',
    DATABASE_URL: `sqlite:///${join(mkdtempSync(join(tmpdir(), 'docs-')), 'db.sqlite3')}`,
  };
  delete env.REDIS_URL;
  execFileSync(python, [manage, 'migrate', '--noinput', '-v', '0'], { env, cwd: repo });
  execFileSync(python, [manage, 'load_demo_data'], { env, cwd: repo, stdio: 'ignore' });
  const port = await freePort();
  const child = spawn(python, [manage, 'runserver', '--noreload', `127.0.0.1:${port}`], {
    env, cwd: repo, stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      const response = await fetch(`${base}/api/v1/openapi.json`);
      if (response.ok) return { base, stop: () => child.kill('SIGTERM') };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the API server did not start within 20 s');
}
