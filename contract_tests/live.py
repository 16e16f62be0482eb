"""`make contract-live`: the contract tests against a real server process.

Recreates a PostgreSQL database, migrates it, seeds it, starts gunicorn on it (test settings: strict
response validation, high throttles), runs the contract tests over HTTP (CONTRACT_BASE_URL), and stops
gunicorn whatever happens. Extra arguments go to pytest.

Environment: CONTRACT_LIVE_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/contract_live),
CONTRACT_LIVE_PORT (8765), CONTRACT_LIVE_WORKERS (gunicorn workers, 2), and the CONTRACT_* knobs of
contract_tests/harness.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LOG = REPO / "var" / "contract-live-gunicorn.log"


def _recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _wait_until_serving(base_url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see {LOG}")
        try:
            with urllib.request.urlopen(f"{base_url}/api/v1/openapi.json", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer within {timeout:.0f}s; see {LOG}")


def main(pytest_args: list[str]) -> int:
    database_url = os.environ.get(
        "CONTRACT_LIVE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/contract_live"
    )
    port = os.environ.get("CONTRACT_LIVE_PORT", "8765")
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "server.config.settings.test",
        "DATABASE_URL": database_url,
        "CONTRACT_RESPONSE_VALIDATION": "strict",  # a response that breaks the contract is a 500
        "JWT_ACCESS_MINUTES": "120",  # the run's tokens are minted once, before it starts
        "PYTHONPATH": str(REPO),
    }
    env.pop("REDIS_URL", None)  # throttling state per process is enough here

    print(f"contract-live: recreating {database_url}", flush=True)
    _recreate_database(database_url)
    subprocess.run(
        [PYTHON, "server/manage.py", "migrate", "--noinput", "-v", "0"], cwd=REPO, env=env, check=True
    )
    subprocess.run([PYTHON, "-m", "contract_tests.seed"], cwd=REPO, env=env, check=True)

    LOG.parent.mkdir(exist_ok=True)
    workers = os.environ.get("CONTRACT_LIVE_WORKERS", "2")
    command = [
        PYTHON, "-m", "gunicorn", "server.config.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", workers, "--timeout", "60", "--access-logfile", "-", "--error-logfile", "-",
    ]  # fmt: skip
    print(f"contract-live: starting gunicorn on {base_url} ({workers} workers, log: {LOG})", flush=True)
    with LOG.open("wb") as log:
        # Its own process group, so that stopping it stops its workers too.
        server = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=log, start_new_session=True)
    try:
        _wait_until_serving(base_url, server)
        tests = [
            PYTHON,
            "-m",
            "pytest",
            "contract_tests",
            # The regression tests patch the server or change its settings: they run in-process only.
            "--ignore=contract_tests/test_regressions.py",
            # The multi-file tests load a split copy of the contract in this process, not the live server's,
            # and one uses pytest-django's `db`: its test database would take this process's connection, so
            # every later reseed of the live world would go there instead (in-process only, `make contract`).
            "--ignore=contract_tests/test_multifile.py",
            "-p",
            "no:xdist",
            "-p",
            "no:randomly",
            *pytest_args,
        ]
        # One process: the seeded world is shared, and restored before each operation's test.
        result = subprocess.run(tests, cwd=REPO, env={**env, "CONTRACT_BASE_URL": base_url})
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        print("contract-live: gunicorn stopped", flush=True)
    if result.returncode != 0:
        errors = [
            line
            for line in LOG.read_text(errors="replace").splitlines()
            if " 500 " in line or "Error" in line
        ]
        if errors:
            print("contract-live: from the gunicorn log:\n  " + "\n  ".join(errors[-20:]))
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
