from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from bench import run


def _database_url(name: str) -> str:
    """A database of its own on the PostgreSQL the services tests use (DATABASE_URL), else the local one."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        base = "postgres://postgres@127.0.0.1:5432/postgres"
    return urlunsplit(urlsplit(base)._replace(path=f"/{name}", query=""))


def _free_base(span: int = 16) -> int:
    """A port where this port and the next `span - 1` are all free (the bench numbers its servers so)."""
    for _ in range(50):
        # Below the kernel's ephemeral range (32768 and up here): no client socket takes these ports.
        base = random.randrange(20000, 32768 - span)
        if all(run._port_free(port) for port in range(base, base + span)):
            return base
    raise RuntimeError("no free range of ports")


@pytest.fixture(scope="module")
def bench_world() -> dict[str, Any]:
    """A small seeded bench database (50 tasks a project), its ids and a token."""
    url = _database_url("bench_tests")
    env = {
        **os.environ,
        "BENCH_DATABASE_URL": url,
        "BENCH_TASKS": "50",
        "BENCH_SCALE_TASKS": "50",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bench.prepare"], cwd=run.REPO, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    world: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    world["database_url"] = url
    return world


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory, bench_world: dict[str, Any]) -> Iterator[Any]:
    """start(servers): each run.Server started on the test database (stopped at the end of the module)."""
    servers: list[run.Server] = []
    log_dir: Path = tmp_path_factory.mktemp("bench-logs")

    def start(new: list[run.Server], config: run.Config) -> None:
        for server in new:
            servers.append(server)
            paths = run.endpoint_paths(server.prefix, _Seeded(bench_world))
            run.start_server(server, config, paths["retrieve"], bench_world["token"], log_dir)

    try:
        yield start
    finally:
        run.stop_servers(servers)


class _Seeded:
    def __init__(self, world: dict[str, Any]) -> None:
        self.__dict__.update(world)


def config_for(world: dict[str, Any], **overrides: Any) -> run.Config:
    return run.Config(database_url=world["database_url"], port=_free_base(), **overrides)


def seeded(world: dict[str, Any]) -> Any:
    return _Seeded(world)
