"""Real server processes for the operational tests: gunicorn with the production settings, a PostgreSQL
database of their own, and a TCP proxy in front of PostgreSQL or Redis that a test can cut and restore."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[3]
PYTHON = sys.executable
# The machine's services, as `make test-postgres` uses them (the outage tests need real network services).
POSTGRES_URL = os.environ.get("OPS_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
# Not 15 or 14: the suite's xdist workers flush those (server/config/settings/test.py).
REDIS_URL = os.environ.get("OPS_TEST_REDIS_URL", "redis://127.0.0.1:6379/12")


def free_port() -> int:
    """A free port below the kernel's ephemeral range (32768 and up). A port the kernel hands out (bind to 0)
    is an ephemeral one: polled before the server listens, a connect can pick it as its own source port and
    connect to itself (TCP simultaneous open), reading its own request back as the answer."""
    for _ in range(100):
        port = random.randrange(10000, 32768)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port below the ephemeral range")


# --- a TCP proxy that can be cut ----------------------------------------------------------------------------


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target. `cut()` drops every open connection and refuses new ones
    (accepted, then closed at once: the client sees the server go away); `restore()` forwards again."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.listener.getsockname()[1]
        self.up = True
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._connections.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                self._drop(sock)

    def _drop(self, sock: socket.socket) -> None:
        with self._lock:
            self._connections.discard(sock)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()

    def cut(self) -> None:
        self.up = False
        with self._lock:
            connections = list(self._connections)
        for sock in connections:
            self._drop(sock)

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self._closed = True
        self.cut()
        self.listener.close()


def proxied(url: str, proxy: TcpProxy) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)
    host = f"127.0.0.1:{proxy.port}"
    return urlunsplit(parts._replace(netloc=f"{netloc[0]}@{host}" if len(netloc) == 2 else host))


def host_port(url: str, default_port: int) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "127.0.0.1", parts.port or default_port


# --- a PostgreSQL database of their own ---------------------------------------------------------------------


def recreate_database(name: str) -> str:
    import psycopg

    with psycopg.connect(POSTGRES_URL.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(POSTGRES_URL)
    return urlunsplit(parts._replace(path=f"/{name}"))


def drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES_URL.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_env(**overrides: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "THROTTLE_", "PROMETHEUS_", "METRICS_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "server.config.settings.production",
            "DJANGO_SECRET_KEY": "ops-test-secret-key-" + "x" * 40,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CONTRACT_RESPONSE_VALIDATION": "strict",
            "PYTHONPATH": str(REPO),
            "WEB_CONCURRENCY": "1",
            "GUNICORN_TIMEOUT": "60",
        }
    )
    env.update(overrides)
    return env


def migrate(env: dict[str, str]) -> None:
    subprocess.run(
        [PYTHON, "server/manage.py", "migrate", "--noinput", "-v", "0"], cwd=REPO, env=env, check=True
    )


# --- gunicorn -----------------------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: Any


@dataclass
class Server:
    base: str
    process: subprocess.Popen[bytes]
    log: Path

    def request(
        self, method: str, path: str, *, body: Any = None, headers: dict[str, str] | None = None
    ) -> Reply:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.base}{path}", data=data, method=method)
        for name, value in {
            **({"Content-Type": "application/json"} if data else {}),
            **(headers or {}),
        }.items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, raw, reply_headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, raw, reply_headers = error.code, error.read(), error.headers
        content_type = reply_headers.get("Content-Type", "")
        parsed = json.loads(raw) if raw and "json" in content_type else raw.decode(errors="replace")
        return Reply(status=status, headers={k.lower(): v for k, v in reply_headers.items()}, body=parsed)

    def sign_up(self, prefix: str, password: str) -> dict[str, str]:
        """A new account (`prefix`-xxxxxxxx) on this server: the Authorization header of its access token."""
        username = f"{prefix}-{uuid.uuid4().hex[:8]}"
        account = {"username": username, "email": f"{username}@example.com", "password": password}
        assert self.request("POST", "/api/v1/users", body=account).status == 201
        token = self.request("POST", "/api/v1/auth/token", body={"username": username, "password": password})
        assert token.status == 200, token.body
        return {"Authorization": f"Bearer {token.body['access']}"}

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


@contextmanager
def gunicorn(env: dict[str, str], log: Path, *, timeout: float = 60) -> Iterator[Server]:
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "--config", "server/config/gunicorn.conf.py"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=out,
            start_new_session=True,  # its own process group: stopping it stops its workers
        )
    server = Server(base=f"http://127.0.0.1:{port}", process=process, log=log)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{server.log_text()[-3000:]}")
            try:
                if server.request("GET", "/health/live").status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start:\n{server.log_text()[-3000:]}")
            time.sleep(0.2)
        yield server
    finally:
        with contextlib.suppress(ProcessLookupError):  # a test may have stopped it already
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def poll(check: Any, *, timeout: float = 15, interval: float = 0.2) -> tuple[Any, int]:
    """Call `check()` until it returns a truthy value; that value, and how many calls it took."""
    deadline = time.monotonic() + timeout
    attempts = 0
    while True:
        attempts += 1
        value = check()
        if value or time.monotonic() > deadline:
            return value, attempts
        time.sleep(interval)
