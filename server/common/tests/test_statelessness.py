"""Statelessness: one client's requests spread over three API instances (reliability.topology) behave
exactly as with one. Every request goes to the next instance in turn; tokens, API keys and their revocation,
rate limits, idempotency keys, ETags, cursors and the webhook outbox are shared state (PostgreSQL, Redis),
never an instance's memory.

The instances are called directly (not through nginx) so the test decides which one serves each request. The
test runs on loopback, a trusted proxy address, so `X-Forwarded-For` picks the client's address: each test
is a fresh anonymous client for the throttles.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

import pytest

from reliability.http import Reply, call
from reliability.topology import Topology
from server.apps.webhooks.tests.receiver import receiver

pytestmark = [pytest.mark.xdist_group("ops-processes"), pytest.mark.services]

PASSWORD = "Stateless-Passw0rd-1"
Caller = Callable[..., Reply]


def _spread(topology: Topology, client_address: str) -> tuple[list[str], Caller]:
    """The three instances' base URLs, and a `call` that sends each request to the next one in turn."""
    bases = [f"http://127.0.0.1:{port}" for port in topology.settings.api_ports]
    turn = itertools.cycle(bases)

    def spread(method: str, path: str, **kwargs: Any) -> Reply:
        headers = {"X-Forwarded-For": client_address, **kwargs.pop("headers", {})}
        return call(next(turn), method, path, headers=headers, **kwargs)

    return bases, spread


def _client_address() -> str:
    raw = uuid.uuid4().bytes
    return f"10.{raw[0]}.{raw[1]}.{raw[2]}"


def _account(spread: Caller) -> tuple[dict[str, str], dict[str, Any]]:
    username = f"sl-{uuid.uuid4().hex[:10]}"
    body = {"username": username, "email": f"{username}@example.com", "password": PASSWORD}
    assert spread("POST", "/api/v1/users", body=body).status == 201
    token = spread("POST", "/api/v1/auth/token", body={"username": username, "password": PASSWORD})
    assert token.status == 200, token.body
    return {"Authorization": f"Bearer {token.body['access']}"}, token.body


def test_tokens_and_api_keys_work_on_every_instance_and_revocation_reaches_all(topology: Topology) -> None:
    bases, spread = _spread(topology, _client_address())
    auth, tokens = _account(spread)
    for _ in bases:  # an access token issued by one instance is honoured by each
        assert spread("GET", "/api/v1/users/me", headers=auth).status == 200
    refreshed = spread("POST", "/api/v1/auth/token/refresh", body={"refresh": tokens["refresh"]})
    assert refreshed.status == 200, refreshed.body
    for _ in bases:
        me = spread(
            "GET", "/api/v1/users/me", headers={"Authorization": f"Bearer {refreshed.body['access']}"}
        )
        assert me.status == 200
    key = spread("POST", "/api/v1/api-keys", body={"name": "spread"}, headers=auth)
    assert key.status == 201, key.body
    for _ in bases:
        assert spread("GET", "/api/v1/users/me", headers={"X-API-Key": key.body["secret"]}).status == 200
    assert spread("DELETE", f"/api/v1/api-keys/{key.body['id']}", headers=auth).status == 204
    for _ in bases:  # revoked on one instance: refused by every one, at once
        assert spread("GET", "/api/v1/users/me", headers={"X-API-Key": key.body["secret"]}).status == 401


def test_a_rate_limit_is_one_budget_across_instances(topology: Topology) -> None:
    _, spread = _spread(topology, _client_address())
    # The token endpoints' scope is 20/min in this topology; 26 refreshes over three instances.
    statuses = [
        spread("POST", "/api/v1/auth/token/refresh", body={"refresh": "not-a-token"}).status
        for _ in range(26)
    ]
    assert statuses[:20] == [401] * 20, statuses
    assert statuses[20:] == [429] * 6, statuses
    last = spread("POST", "/api/v1/auth/token/refresh", body={"refresh": "not-a-token"})
    assert last.status == 429
    assert last.headers["ratelimit-limit"] == "20"
    assert last.headers["ratelimit-remaining"] == "0"


def test_an_idempotency_key_is_honoured_by_every_instance(topology: Topology) -> None:
    _, spread = _spread(topology, _client_address())
    auth, _ = _account(spread)
    body = {"name": f"Idem {uuid.uuid4().hex[:6]}"}
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = spread("POST", "/api/v1/projects", body=body, headers={**auth, **key})
    assert first.status == 201, first.body
    for _ in range(3):
        again = spread("POST", "/api/v1/projects", body=body, headers={**auth, **key})
        assert again.status == 201
        assert again.body == first.body
        assert again.headers["location"] == first.headers["location"]
        assert again.headers["idempotent-replayed"] == "true"
    reused = spread("POST", "/api/v1/projects", body={"name": "Other"}, headers={**auth, **key})
    assert reused.status == 422
    assert reused.body["code"] == "idempotency_key_reused"

    # Nine concurrent first attempts with one new key, three on each instance: one project is created.
    racing = {"Idempotency-Key": str(uuid.uuid4())}
    race_body = {"name": f"Race {uuid.uuid4().hex[:6]}"}
    with ThreadPoolExecutor(max_workers=9) as pool:
        replies = list(
            pool.map(
                lambda _: spread("POST", "/api/v1/projects", body=race_body, headers={**auth, **racing}),
                range(9),
            )
        )
    created = {reply.body["id"] for reply in replies if reply.status == 201}
    assert len(created) == 1, [(reply.status, reply.body) for reply in replies]
    assert {reply.status for reply in replies} <= {201, 409}
    projects = spread("GET", "/api/v1/projects?page_size=100", headers=auth).body["items"]
    assert [p["name"] for p in projects].count(race_body["name"]) == 1


def test_etags_from_one_instance_hold_on_the_others(topology: Topology) -> None:
    _, spread = _spread(topology, _client_address())
    auth, _ = _account(spread)
    project = spread("POST", "/api/v1/projects", body={"name": "Tagged"}, headers=auth).body
    path = f"/api/v1/projects/{project['id']}"
    read = spread("GET", path, headers=auth)
    etag = read.headers["etag"]
    assert spread("GET", path, headers={**auth, "If-None-Match": etag}).status == 304
    updated = spread("PATCH", path, body={"description": "changed"}, headers={**auth, "If-Match": etag})
    assert updated.status == 200, updated.body
    assert updated.headers["etag"] != etag
    stale = spread("PATCH", path, body={"description": "lost update"}, headers={**auth, "If-Match": etag})
    assert stale.status == 412
    assert stale.body["code"] == "precondition_failed"
    assert spread("GET", path, headers={**auth, "If-None-Match": updated.headers["etag"]}).status == 304


def test_a_cursor_from_one_instance_pages_on_the_others(topology: Topology) -> None:
    _, spread = _spread(topology, _client_address())
    auth, _ = _account(spread)
    project = spread("POST", "/api/v1/projects", body={"name": "Paged"}, headers=auth).body
    tasks = f"/api/v1/projects/{project['id']}/tasks"
    created = [spread("POST", tasks, body={"title": f"T{i}"}, headers=auth).body["id"] for i in range(7)]
    seen: list[int] = []
    page = spread("GET", f"{tasks}?page_size=2", headers=auth).body
    pages = 1
    while True:
        seen.extend(item["id"] for item in page["items"])
        if not page["next"]:
            break
        following = urlsplit(page["next"])
        page = spread("GET", f"{following.path}?{following.query}", headers=auth).body
        pages += 1
    assert pages == 4
    assert sorted(seen) == sorted(created)
    assert len(seen) == len(set(seen))


def test_the_webhook_outbox_delivers_each_event_once_whichever_instance_wrote_it(topology: Topology) -> None:
    _, spread = _spread(topology, _client_address())
    auth, _ = _account(spread)
    project = spread("POST", "/api/v1/projects", body={"name": "Hooked"}, headers=auth).body
    with receiver() as target:
        hook = spread(
            "POST",
            f"/api/v1/projects/{project['id']}/webhooks",
            body={"url": target.url, "events": ["task.created"]},
            headers=auth,
        )
        assert hook.status == 201, hook.body
        titles = [f"hooked-{i}" for i in range(6)]  # two written by each instance
        for title in titles:
            assert spread(
                "POST", f"/api/v1/projects/{project['id']}/tasks", body={"title": title}, headers=auth
            )
        received = target.wait(len(titles), timeout=60)
        import json

        bodies = [json.loads(item.body) for item in received]
        assert sorted(body["data"]["title"] for body in bodies) == sorted(titles), bodies
        ids = [item.headers["webhook-id"] for item in received]
        assert len(set(ids)) == len(titles)
