"""Our server under uvicorn (server/config/asgi.py) holds a bounded number of PostgreSQL connections: with
CONN_MAX_AGE under Django's ASGI handler, every request opened one more (a thread per request, each with
its own persistent connection) until PostgreSQL refused them (issue 18, point 2)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlencode

import psycopg
import pytest

from bench import run

from .conftest import config_for, seeded

pytestmark = [pytest.mark.services]

POOL_MAX = 3
APPLICATION_NAME = "bench-asgi-connections"


def _connections(database_url: str) -> int:
    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [APPLICATION_NAME]
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_requests_under_uvicorn_use_a_bounded_number_of_connections(
    bench_world: dict[str, Any], started: Any
) -> None:
    config = config_for(bench_world)
    tagged = f"{bench_world['database_url']}?{urlencode({'application_name': APPLICATION_NAME})}"
    on = run.variant_servers(config, run.FAST_ENGINE)[0].env
    server = run.Server(
        "contract-asgi",
        "contract on, asgi",
        config.port,
        run.API,
        {**on, "DATABASE_URL": tagged, "DATABASE_POOL_MAX_SIZE": str(POOL_MAX)},
        serve="uvicorn",
        app="server.config.asgi:application",
    )
    started([server], config)
    paths = run.endpoint_paths(run.API, seeded(bench_world))
    token = bench_world["token"]

    def fetch(number: int) -> int:
        path = paths["list"] if number % 2 else paths["retrieve"]
        status, _ = run._request(server.port, "GET", path, token)
        return status

    seen = []
    with ThreadPoolExecutor(max_workers=8) as pool:
        for batch in range(6):
            statuses = list(pool.map(fetch, range(batch * 20, (batch + 1) * 20)))
            assert statuses == [200] * 20
            seen.append(_connections(bench_world["database_url"]))
    assert 1 <= max(seen) <= POOL_MAX, seen
