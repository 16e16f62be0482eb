"""Stalls and shutdowns against real gunicorn processes (production settings): a dependency that stops
answering without resetting anything (reliability.faults.FaultProxy in stall mode), and SIGTERM under load.

A stalled Redis costs one socket timeout per `REDIS_BREAKER_SECONDS`, then 503 at once (common.breaker).
A stalled PostgreSQL costs at most `DATABASE_REQUEST_DEADLINE`, then 503 (server.common.db_deadline), and the
worker lives on. `/health/ready` answers within a second whatever hangs. SIGTERM lets every request a worker
has accepted finish.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from reliability.faults import FaultProxy, through

from .processes import (
    POSTGRES_URL,
    REDIS_URL,
    Reply,
    Server,
    drop_database,
    gunicorn,
    host_port,
    migrate,
    poll,
    recreate_database,
    server_env,
)

pytestmark = [pytest.mark.xdist_group("ops-processes"), pytest.mark.services]

PASSWORD = "Stall-Resistant-Passw0rd"
BREAKER_SECONDS = 3
DEADLINE_SECONDS = 2


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    name = f"contractfirst_stalls_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    url = recreate_database(name)
    migrate(server_env(DATABASE_URL=url))
    yield url
    drop_database(name)


@pytest.fixture(scope="module")
def stalled(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Server, dict[str, str], FaultProxy, FaultProxy]]:
    pg = FaultProxy(*host_port(POSTGRES_URL, 5432))
    redis = FaultProxy(*host_port(REDIS_URL, 6379))
    env = server_env(
        DATABASE_URL=through(database_url, pg),
        REDIS_URL=through(REDIS_URL, redis),
        CACHE_KEY_PREFIX=f"stalls-{uuid.uuid4().hex}",
        REDIS_BREAKER_SECONDS=str(BREAKER_SECONDS),
        DATABASE_REQUEST_DEADLINE=str(DEADLINE_SECONDS),
        THROTTLE_RATE_REGISTER="100/min",
        THROTTLE_RATE_AUTH="100/min",
        # One thread: the tests follow one connection through a stall (cut at the deadline, then a reconnect
        # bounded by connect_timeout). Each of gthread's threads has a connection of its own, and the first
        # stalled request on each pays the deadline and the reconnect (5 s), bounded all the same.
        GUNICORN_THREADS="1",
    )
    try:
        with gunicorn(env, tmp_path_factory.mktemp("stalls") / "gunicorn.log") as server:
            yield server, server.sign_up("stall", PASSWORD), pg, redis
    finally:
        pg.close()
        redis.close()


def _timed(server: Server, path: str, headers: dict[str, str] | None = None) -> tuple[Reply, float]:
    started = time.monotonic()
    reply = server.request("GET", path, headers=headers)
    return reply, time.monotonic() - started


def _unavailable(reply: Reply, dependency: str) -> None:
    assert reply.status == 503, (reply.status, reply.body)
    assert reply.headers["content-type"] == "application/problem+json"
    assert reply.body["code"] == "service_unavailable"
    assert dependency in reply.body["detail"]


def test_a_stalled_redis_costs_one_timeout_per_interval_then_503_at_once(
    stalled: tuple[Server, dict[str, str], FaultProxy, FaultProxy],
) -> None:
    server, auth, _, redis = stalled
    assert server.request("GET", "/api/v1/users/me", headers=auth).status == 200
    redis.stall()
    try:
        timings = []
        for _ in range(10):
            reply, seconds = _timed(server, "/api/v1/users/me", auth)
            _unavailable(reply, "cache")
            timings.append(seconds)
        # The first request waits out REDIS_SOCKET_TIMEOUT (1 s) and opens the circuit; the next nine are
        # refused without trying (10 s in all without the breaker).
        assert 0.9 < timings[0] < 2.5, timings
        assert max(timings[1:]) < 0.5, timings
        ready, seconds = _timed(server, "/health/ready")
        assert ready.status == 503 and ready.body["checks"]["cache"] == "unavailable", ready.body
        assert seconds < 1.0, seconds
    finally:
        redis.restore()
    # After the interval one request tries Redis again, succeeds and closes the circuit.
    recovered, _ = poll(
        lambda: server.request("GET", "/api/v1/users/me", headers=auth).status == 200,
        timeout=BREAKER_SECONDS + 5,
    )
    assert recovered
    assert server.request("GET", "/health/ready").status == 200
    assert "Traceback" not in server.log_text()


def test_a_stalled_database_costs_a_bounded_wait_and_the_worker_survives(
    stalled: tuple[Server, dict[str, str], FaultProxy, FaultProxy],
) -> None:
    server, auth, pg, _ = stalled
    assert server.request("GET", "/api/v1/users/me", headers=auth).status == 200
    pid = server.process.pid
    pg.stall()
    try:
        # The worker's persistent connection stalls mid-query: cut off at the deadline; Django then tries a
        # new connection, which libpq's connect_timeout bounds. Answered 503 (was: 30 s, a killed worker).
        reply, seconds = _timed(server, "/api/v1/users/me", auth)
        _unavailable(reply, "database")
        assert DEADLINE_SECONDS - 0.5 < seconds < DEADLINE_SECONDS + DATABASE_CONNECT_TIMEOUT + 1.5, seconds
        # A new connection stalls in its handshake: libpq's connect_timeout (3 s) bounds it.
        reply, seconds = _timed(server, "/api/v1/users/me", auth)
        _unavailable(reply, "database")
        assert seconds < DATABASE_CONNECT_TIMEOUT + 1.5, seconds
        for _ in range(3):  # readiness answers within a second, every time
            ready, seconds = _timed(server, "/health/ready")
            assert ready.status == 503, ready.body
            assert ready.body["checks"] == {"database": "unavailable", "cache": "ok"}
            assert seconds < 1.0, seconds
        live, seconds = _timed(server, "/health/live")
        assert live.status == 200 and seconds < 1.0
    finally:
        pg.restore()
    recovered, _ = poll(
        lambda: server.request("GET", "/api/v1/users/me", headers=auth).status == 200, timeout=10
    )
    assert recovered
    ready, _ = poll(lambda: server.request("GET", "/health/ready").status == 200, timeout=10)
    assert ready
    assert server.process.poll() is None and server.process.pid == pid
    assert "WORKER TIMEOUT" not in server.log_text()
    assert "Traceback" not in server.log_text()


DATABASE_CONNECT_TIMEOUT = 3  # the settings' default


# --- graceful shutdown --------------------------------------------------------------------------------------


def _project_names(database_url: str) -> set[str]:
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM projects_project")}


def test_sigterm_under_load_finishes_every_accepted_request(database_url: str, tmp_path: Path) -> None:
    env = server_env(
        DATABASE_URL=database_url,
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=f"graceful-{uuid.uuid4().hex}",
        WEB_CONCURRENCY="2",
        THROTTLE_RATE_REGISTER="100/min",
        THROTTLE_RATE_AUTH="100/min",
        THROTTLE_RATE_USER="100000/min",
    )
    outcomes: list[tuple[str, int | None, float]] = []  # (project name, status or None, when answered)
    with gunicorn(env, tmp_path / "gunicorn.log") as server:
        auth = server.sign_up("grace", PASSWORD)
        stop = threading.Event()

        def client() -> None:
            while not stop.is_set():
                name = f"g-{uuid.uuid4().hex}"
                try:
                    reply = server.request("POST", "/api/v1/projects", body={"name": name}, headers=auth)
                    outcomes.append((name, reply.status, time.monotonic()))
                except OSError:
                    outcomes.append((name, None, time.monotonic()))
                    time.sleep(0.05)

        threads = [threading.Thread(target=client) for _ in range(8)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        sigterm_at = time.monotonic()
        os.killpg(server.process.pid, signal.SIGTERM)
        server.process.wait(timeout=40)
        time.sleep(0.5)
        stop.set()
        for thread in threads:
            thread.join()
    answered = [(name, status, at) for name, status, at in outcomes if status is not None]
    refused = [name for name, status, _ in outcomes if status is None]
    statuses = {status for _, status, _ in answered}
    assert statuses == {201}, statuses  # nothing answered with an error, nothing cut off half-way
    assert any(at > sigterm_at for _, _, at in answered), "no request was in flight at SIGTERM"
    stored = _project_names(database_url)
    assert {name for name, _, _ in answered} <= stored  # every acknowledged write is there
    # A request that got no answer was never accepted: it created nothing.
    assert not set(refused) & stored, "a request was accepted, processed and its answer dropped"
    assert "Traceback" not in server.log_text()
