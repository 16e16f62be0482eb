"""Operational behaviour of real gunicorn processes (production settings) on the machine's PostgreSQL and
Redis: outages answered with 503 and recovered from without a restart, rate limits shared by two server
processes, metrics aggregated across workers, HSTS, and no start without a secret key.

The outages are real: the server reaches PostgreSQL and Redis through a TCP proxy (processes.TcpProxy) that
the test cuts (every connection dropped, new ones refused) and restores.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from .processes import (
    POSTGRES_URL,
    PYTHON,
    REDIS_URL,
    REPO,
    Reply,
    Server,
    TcpProxy,
    drop_database,
    gunicorn,
    host_port,
    migrate,
    poll,
    proxied,
    recreate_database,
    server_env,
)

# One worker runs these (they start servers; in parallel they would only compete for the two cores). They
# need the machine's PostgreSQL and Redis, so they belong to `make test-postgres`, not to the embedded run.
pytestmark = [pytest.mark.xdist_group("ops-processes"), pytest.mark.services]

PASSWORD = "Outage-Resilient-Passw0rd"


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    name = f"contractfirst_ops_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    url = recreate_database(name)
    migrate(server_env(DATABASE_URL=url))
    yield url
    drop_database(name)


@pytest.fixture
def log_dir(tmp_path: Path) -> Path:
    return tmp_path


def _problem(reply: Reply, status: int, code: str) -> dict[str, Any]:
    assert reply.status == status, (reply.status, reply.body)
    assert reply.headers["content-type"] == "application/problem+json"
    assert isinstance(reply.body, dict), reply.body
    assert reply.body["status"] == status
    assert reply.body["code"] == code
    assert reply.headers.get("x-request-id")
    return reply.body


# --- outages ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def proxies() -> Iterator[tuple[TcpProxy, TcpProxy]]:
    pg = TcpProxy(*host_port(POSTGRES_URL, 5432))
    redis = TcpProxy(*host_port(REDIS_URL, 6379))
    yield pg, redis
    pg.close()
    redis.close()


@pytest.fixture(scope="module")
def outage_server(
    database_url: str, proxies: tuple[TcpProxy, TcpProxy], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Server, dict[str, str]]]:
    pg, redis = proxies
    env = server_env(
        DATABASE_URL=proxied(database_url, pg),
        REDIS_URL=proxied(REDIS_URL, redis),
        CACHE_KEY_PREFIX=f"ops-{uuid.uuid4().hex}",
        DATABASE_CONNECT_TIMEOUT="2",
        THROTTLE_RATE_REGISTER="100/min",
        THROTTLE_RATE_AUTH="100/min",
    )
    with gunicorn(env, tmp_path_factory.mktemp("outage") / "gunicorn.log") as server:
        yield server, server.sign_up("ops", PASSWORD)


def test_database_outage_is_503_and_recovers_without_a_restart(
    outage_server: tuple[Server, dict[str, str]], proxies: tuple[TcpProxy, TcpProxy]
) -> None:
    server, auth = outage_server
    pg, _ = proxies
    assert server.request("GET", "/api/v1/users/me", headers=auth).status == 200
    pid = server.process.pid
    pg.cut()
    try:
        for _ in range(3):  # the connection the worker held, then fresh attempts: all refused cleanly
            body = _problem(
                server.request("GET", "/api/v1/users/me", headers=auth), 503, "service_unavailable"
            )
            assert "database" in body["detail"]
        ready = _problem(server.request("GET", "/health/ready"), 503, "dependency_unavailable")
        assert ready["checks"] == {"database": "unavailable", "cache": "ok"}
        assert server.request("GET", "/health/live").status == 200
    finally:
        pg.restore()
    recovered, attempts = poll(lambda: server.request("GET", "/api/v1/users/me", headers=auth).status == 200)
    assert recovered, "the server did not recover after the database came back"
    assert attempts == 1, f"recovered only after {attempts} requests"
    assert server.request("GET", "/health/ready").status == 200
    assert server.process.poll() is None and server.process.pid == pid  # the same server, never restarted
    assert "Traceback" not in server.log_text()


def test_redis_outage_is_503_and_recovers_without_a_restart(
    outage_server: tuple[Server, dict[str, str]], proxies: tuple[TcpProxy, TcpProxy]
) -> None:
    server, auth = outage_server
    _, redis = proxies
    assert server.request("GET", "/api/v1/users/me", headers=auth).status == 200
    redis.cut()
    try:
        for _ in range(3):  # the throttles count every request in Redis
            body = _problem(
                server.request("GET", "/api/v1/users/me", headers=auth), 503, "service_unavailable"
            )
            assert "cache" in body["detail"]
        anonymous = server.request("POST", "/api/v1/auth/token/refresh", body={"refresh": "x"})
        _problem(anonymous, 503, "service_unavailable")
        ready = _problem(server.request("GET", "/health/ready"), 503, "dependency_unavailable")
        assert ready["checks"] == {"database": "ok", "cache": "unavailable"}
        assert server.request("GET", "/health/live").status == 200
    finally:
        redis.restore()
    recovered, attempts = poll(lambda: server.request("GET", "/api/v1/users/me", headers=auth).status == 200)
    assert recovered, "the server did not recover after Redis came back"
    assert attempts == 1, f"recovered only after {attempts} requests"
    assert server.request("GET", "/health/ready").status == 200
    assert "Traceback" not in server.log_text()


def test_the_access_log_is_one_json_line_per_request(outage_server: tuple[Server, dict[str, str]]) -> None:
    import json

    server, auth = outage_server
    server.request("GET", "/api/v1/users/me", headers={**auth, "X-Request-ID": "access-log-probe"})
    lines = [json.loads(line) for line in server.log_text().splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("request_id") == "access-log-probe"]
    assert len(access) == 1
    assert access[0]["logger"] == "server.access"
    assert access[0]["operation_id"] == "users_me_retrieve"
    assert access[0]["status"] == 200
    assert isinstance(access[0]["user_id"], int)


# --- rate limits shared through Redis -----------------------------------------------------------------------


def test_two_server_processes_enforce_one_combined_limit(database_url: str, tmp_path: Path) -> None:
    env = server_env(
        DATABASE_URL=database_url,
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=f"ops-{uuid.uuid4().hex}",  # both processes, and only them
        THROTTLE_RATE_ANON="1000/min",
        THROTTLE_RATE_AUTH="6/min",
    )
    with gunicorn(env, tmp_path / "a.log") as first, gunicorn(env, tmp_path / "b.log") as second:
        assert first.process.pid != second.process.pid

        def refresh(server: Server) -> int:
            return server.request(
                "POST", "/api/v1/auth/token/refresh", body={"refresh": "not-a-token"}
            ).status

        # 16 requests at once, 8 to each process: a per-process count would let up to 12 through.
        targets = [first, second] * 8
        with ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(refresh, targets))
        by_server = {
            "first": sorted(statuses[0::2]),
            "second": sorted(statuses[1::2]),
        }
        assert statuses.count(401) == 6, by_server  # served (a bad token), within the combined budget
        assert statuses.count(429) == 10, by_server
        # Both processes now refuse, each reporting the shared, exhausted quota.
        for server in (first, second):
            reply = server.request("POST", "/api/v1/auth/token/refresh", body={"refresh": "not-a-token"})
            _problem(reply, 429, "throttled")
            assert reply.headers["ratelimit-limit"] == "6"
            assert reply.headers["ratelimit-remaining"] == "0"
            assert reply.headers["ratelimit-reset"] == reply.headers["retry-after"]


# --- metrics across workers, transport security, secrets ---------------------------------------------------


def test_metrics_are_aggregated_across_gunicorn_workers(database_url: str, tmp_path: Path) -> None:
    multiproc = tmp_path / "prometheus"
    env = server_env(
        DATABASE_URL=database_url,
        WEB_CONCURRENCY="2",
        # One thread a worker: the 16 concurrent requests below need both workers (with the
        # config's 4 threads one worker can take them all, and the aggregation would not be tested).
        GUNICORN_THREADS="1",
        PROMETHEUS_MULTIPROC_DIR=str(multiproc),
        METRICS_TOKEN="scrape-token",
    )
    with gunicorn(env, tmp_path / "gunicorn.log") as server:

        def writers() -> set[str]:
            return {path.name.rsplit("_", 1)[1] for path in multiproc.glob("counter_*.db")}

        # Concurrent batches until both workers have served some (the second may still be booting).
        sent = 0
        with ThreadPoolExecutor(max_workers=8) as pool:
            for _ in range(30):
                statuses = list(pool.map(lambda _: server.request("GET", "/health/ready").status, range(16)))
                assert statuses == [200] * 16
                sent += 16
                if len(writers()) >= 2:
                    break
        assert len(writers()) >= 2, f"only one worker ever answered: {sorted(writers())}"
        assert server.request("GET", "/metrics").status == 401  # the token is required
        wanted = f'http_requests_total{{method="GET",operation_id="health_ready",status="200"}} {sent}.0'
        for _ in range(4):  # whichever worker answers the scrape, it reports every worker's requests
            scrape = server.request("GET", "/metrics", headers={"Authorization": "Bearer scrape-token"})
            assert scrape.status == 200
            assert wanted in scrape.body.splitlines(), [
                line for line in scrape.body.splitlines() if "health_ready" in line
            ]


def test_hsts_on_https_in_production(database_url: str, tmp_path: Path) -> None:
    with gunicorn(server_env(DATABASE_URL=database_url), tmp_path / "gunicorn.log") as server:
        secure = server.request("GET", "/health/live", headers={"X-Forwarded-Proto": "https"})
        assert secure.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
        plain = server.request("GET", "/health/live")
        assert plain.status == 200  # not redirected: TLS ends at the proxy
        assert "strict-transport-security" not in plain.headers
        assert plain.headers["x-frame-options"] == "DENY"
        assert plain.headers["x-content-type-options"] == "nosniff"


def test_production_refuses_to_start_without_a_secret_key() -> None:
    env = server_env()
    del env["DJANGO_SECRET_KEY"]
    result = subprocess.run(
        [PYTHON, "-c", "import django; django.setup()"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
