"""Each peer (bench/peers/) answers the bench's requests as our server does: the same status, the same JSON
(but for what a write makes anew: its id and timestamps), the same RateLimit-* headers, the same Location."""

from __future__ import annotations

import http.client
import json
from typing import Any

import pytest

from bench import run

from .conftest import config_for, seeded

pytestmark = [pytest.mark.services]

PEERS = ("fastapi", "fastapi-orm", "ninja")
RATE_LIMIT = {"ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"}
# What a write makes anew on every call: compared by presence and type, not value.
FRESH = {"create": ("id", "created_at", "updated_at"), "update": ("updated_at",)}


def _call(port: int, method: str, path: str, token: str | None, body: str | None = None) -> tuple[Any, ...]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    # One Host for every server, so absolute links (the list's `next`) can be compared.
    headers = {"Host": "bench.example"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if body is not None:
        headers["Content-Type"] = "application/json"
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        names = {name.lower() for name in response.headers}
        return response.status, json.loads(raw) if raw else None, names, response.headers.get("Location")
    finally:
        conn.close()


@pytest.fixture(scope="module")
def servers(bench_world: dict[str, Any], started: Any) -> dict[str, run.Server]:
    config = config_for(bench_world)
    ours = run.variant_servers(config, run.FAST_ENGINE)[0]
    peers = run.peer_servers(config)
    started([ours, *peers], config)
    return {server.name: server for server in (ours, *peers)}


def _requests(world: dict[str, Any]) -> list[tuple[str, str, str, str | None, bool]]:
    """(name, method, path, body, authenticated) for the bench's requests and a few refusals."""
    paths = run.endpoint_paths(run.API, seeded(world))
    bodies = {k: v["body"] for k, v in run.instruction_requests(paths).items()}
    other_project = world["scale_project_id"]
    return [
        ("list", "GET", paths["list"], None, True),
        ("retrieve", "GET", paths["retrieve"], None, True),
        ("create", "POST", paths["create"], bodies["create"], True),
        ("update", "PATCH", paths["update"], bodies["update"], True),
        ("list-unknown-project", "GET", f"{run.API}/projects/999999999/tasks", None, True),
        (
            "retrieve-other-project",
            "GET",
            f"{run.API}/projects/{other_project}/tasks/{world['read_task_id']}",
            None,
            True,
        ),
        ("list-anonymous", "GET", paths["list"], None, False),
    ]


@pytest.mark.parametrize("peer", PEERS)
def test_the_peer_answers_as_ours_does(
    peer: str, servers: dict[str, run.Server], bench_world: dict[str, Any]
) -> None:
    token = bench_world["token"]
    for name, method, path, body, authenticated in _requests(bench_world):
        credentials = token if authenticated else None
        ours = _call(servers["contract"].port, method, path, credentials, body)
        theirs = _call(servers[peer].port, method, path, credentials, body)
        assert theirs[0] == ours[0], (name, ours[0], theirs[0], theirs[1])
        if not 200 <= ours[0] < 300:
            continue
        assert ours[2] >= RATE_LIMIT and theirs[2] >= RATE_LIMIT, (name, ours[2], theirs[2])
        expected, actual = dict(ours[1]), dict(theirs[1])
        for field in FRESH.get(name, ()):
            assert type(actual.pop(field)) is type(expected.pop(field)), (name, field)
        assert actual == expected, name
        if name == "create":
            assert theirs[3] == f"{path}/{theirs[1]['id']}" and ours[3] == f"{path}/{ours[1]['id']}"
        if name == "list":
            assert expected["next"] is not None  # the cursor was compared too (50 tasks, pages of 20)
