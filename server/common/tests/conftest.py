"""The production topology (reliability.topology) for the tests that need it: nginx and three API instances
on loopback, one Celery worker, a PostgreSQL database and a Redis database of their own. Started once per
session, on the first test that asks for it (only `services` tests do)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from reliability.topology import Settings, Topology, running

from .processes import free_port

TOPOLOGY_DATABASE = "postgres://postgres@127.0.0.1:5432/contractfirst_topology_test"
# Not 15, 14 (xdist workers), 12 (processes.py), 11 (the worker tests' broker) or 10 (make topology).
TOPOLOGY_REDIS = os.environ.get("TOPOLOGY_TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


@pytest.fixture(scope="session")
def topology(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Topology]:
    import redis

    redis.Redis.from_url(TOPOLOGY_REDIS).flushdb()
    settings = Settings(
        root=tmp_path_factory.mktemp("topology"),
        nginx_port=free_port(),
        api_ports=(free_port(), free_port(), free_port()),
        web_concurrency=1,
        celery_workers=1,
        beat=False,
        database_url=TOPOLOGY_DATABASE,
        redis_url=TOPOLOGY_REDIS,
        env={
            "CONTRACT_RESPONSE_VALIDATION": "strict",
            "THROTTLE_RATE_ANON": "1000/min",
            "THROTTLE_RATE_USER": "1000/min",
            "THROTTLE_RATE_REGISTER": "1000/min",
            "THROTTLE_RATE_AUTH": "20/min",
            "WEBHOOKS_ALLOW_HTTP": "true",
            "WEBHOOKS_ALLOWED_HOSTS": "127.0.0.1",
            "WEBHOOKS_BACKOFF_BASE": "0.2",
        },
    )
    with running(settings) as started:
        yield started
