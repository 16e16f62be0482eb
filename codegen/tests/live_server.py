"""A real server for the SDK tests: `manage.py runserver` on a free port, fresh SQLite, low throttle rates.

Used by the pytest fixtures, and from the command line to run the TypeScript SDK's node test against it:

    python -m codegen.tests.live_server -- npm test      # API_BASE_URL is set for the command

LIVE_SERVER_USER_RATE (default 8/sec) sets the per-user throttle rate of the server started there.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from codegen.paths import REPO_ROOT
from codegen.tests.processes import command_after_dashes, stop
from server.common.tests.processes import free_port

MANAGE = REPO_ROOT / "server" / "manage.py"
# Low enough that a 45-task flow is throttled (and recovers: DRF answers Retry-After: 1 for per-second rates).
DEFAULT_USER_RATE = "8/sec"


@dataclass(frozen=True)
class LiveServer:
    origin: str  # http://127.0.0.1:PORT
    database: Path

    @property
    def api_url(self) -> str:
        return self.origin + "/api/v1"


def _env(database: Path, user_rate: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "DATABASE_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="server.config.settings.local",
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_DEBUG="false",
        THROTTLE_RATE_USER=user_rate,
        THROTTLE_RATE_ANON="6000/min",
        THROTTLE_RATE_REGISTER="6000/min",
        THROTTLE_RATE_AUTH="6000/min",
        CONTRACT_RESPONSE_VALIDATION="strict",
        PYTHONDONTWRITEBYTECODE="1",
        LOG_LEVEL="WARNING",
    )
    return env


def migrated_database(directory: Path) -> Path:
    """A migrated SQLite file to copy for each server (migrating once is the slow part)."""
    database = directory / "template.sqlite3"
    if not database.exists():
        subprocess.run(
            [sys.executable, str(MANAGE), "migrate", "--noinput", "--verbosity", "0"],
            cwd=REPO_ROOT,
            env=_env(database, DEFAULT_USER_RATE),
            check=True,
            stdin=subprocess.DEVNULL,
        )
    return database


@contextlib.contextmanager
def live_server(template: Path | None = None, user_rate: str = DEFAULT_USER_RATE) -> Iterator[LiveServer]:
    with tempfile.TemporaryDirectory(prefix="contract-live-") as tmp:
        directory = Path(tmp)
        database = directory / "db.sqlite3"
        if template is None:
            template = migrated_database(directory)
        shutil.copyfile(template, database)
        port = free_port()
        log = (directory / "server.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, str(MANAGE), "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=REPO_ROOT,
            env=_env(database, user_rate),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None:
                    log.flush()
                    raise RuntimeError(
                        "the server exited during start-up:\n"
                        + (directory / "server.log").read_text(errors="replace")
                    )
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError("the server did not start listening within 60 s")
                time.sleep(0.1)
            yield LiveServer(f"http://127.0.0.1:{port}", database)
        finally:
            stop(process)
            log.close()


def main(argv: list[str]) -> int:
    command = command_after_dashes(argv, "codegen.tests.live_server")
    if command is None:
        return 2
    rate = os.environ.get("LIVE_SERVER_USER_RATE", DEFAULT_USER_RATE)
    with live_server(user_rate=rate) as server:
        env = {**os.environ, "API_BASE_URL": server.origin, "API_THROTTLE_USER_RATE": rate}
        return subprocess.call(command, env=env)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
