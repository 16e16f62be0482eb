"""Unit tests of the SDK's hand-written runtime: retry policy, Retry-After, errors, pagination safety."""

from __future__ import annotations

import asyncio
import email.utils
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from projectmgmt_client import (
    AsyncProjectManagementClient,
    ConflictError,
    ProjectManagementClient,
    RateLimitError,
    RetryEvent,
    RetryPolicy,
    models,
)
from projectmgmt_client._runtime import (
    AsyncCore,
    Operation,
    Returns,
    SyncCore,
    _join_base,
    _server_base,
    parse_retry_after,
)


def scripted(responses: list[httpx.Response], seen: list[httpx.Request]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return responses.pop(0)

    return httpx.Client(transport=httpx.MockTransport(handler))


PROBLEM_429 = {"type": "about:blank", "title": "Too many requests", "status": 429, "code": "throttled"}
PROJECT = {
    "id": 1,
    "name": "x",
    "description": "",
    "role": "owner",
    "created_at": "2026-11-23T09:30:00Z",
    "updated_at": "2026-11-23T09:30:00Z",
}


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    return slept


def throttled(retry_after: str) -> httpx.Response:
    return httpx.Response(
        429,
        json=PROBLEM_429,
        headers={"Retry-After": retry_after, "Content-Type": "application/problem+json"},
    )


def test_get_is_retried_after_retry_after(no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    events: list[RetryEvent] = []
    http = scripted([throttled("2"), httpx.Response(200, json=PROJECT)], seen)
    client = ProjectManagementClient(
        "http://api.test", token="t", http_client=http, retry=RetryPolicy(on_retry=events.append)
    )
    assert client.projects.retrieve(1).id == 1
    assert len(seen) == 2 and seen[0].url == "http://api.test/api/v1/projects/1"
    assert seen[1].headers["Authorization"] == "Bearer t"
    assert 2.0 <= no_sleep[0] <= 2.25 and events[0].status_code == 429


def test_post_without_idempotency_key_is_not_retried(no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    client = ProjectManagementClient("http://api.test", http_client=scripted([throttled("1")], seen))
    with pytest.raises(RateLimitError) as error:
        client.projects.create(models.ProjectCreate(name="x"))
    assert len(seen) == 1 and no_sleep == []
    assert error.value.retry_after == 1.0 and error.value.code == "throttled"
    assert error.value.problem is not None and error.value.problem.title == "Too many requests"


def test_post_with_idempotency_key_is_retried(no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    http = scripted([httpx.Response(503), httpx.Response(201, json=PROJECT)], seen)
    client = ProjectManagementClient("http://api.test", http_client=http)
    assert client.projects.create(models.ProjectCreate(name="x"), idempotency_key="k-1").id == 1
    assert [r.headers["Idempotency-Key"] for r in seen] == ["k-1", "k-1"]
    assert seen[0].content == seen[1].content == b'{"name": "x"}'  # exclude_unset: defaults are the server's
    assert len(no_sleep) == 1


def conflict(code: str, retry_after: str | None = "1") -> httpx.Response:
    return httpx.Response(
        409,
        json={"type": "about:blank", "title": "Conflict", "status": 409, "code": code},
        headers={
            "Content-Type": "application/problem+json",
            **({"Retry-After": retry_after} if retry_after else {}),
        },
    )


def test_409_idempotency_key_in_use_is_retried_after_retry_after(no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    events: list[RetryEvent] = []
    http = scripted([conflict("idempotency_key_in_use"), httpx.Response(201, json=PROJECT)], seen)
    client = ProjectManagementClient(
        "http://api.test", http_client=http, retry=RetryPolicy(on_retry=events.append)
    )
    assert client.projects.create(models.ProjectCreate(name="x"), idempotency_key="k-1").id == 1
    assert [r.headers.get_list("Idempotency-Key") for r in seen] == [["k-1"], ["k-1"]]
    assert seen[0].content == seen[1].content
    assert len(no_sleep) == 1 and 1.0 <= no_sleep[0] <= 1.25  # Retry-After: 1, plus a little jitter
    assert [e.status_code for e in events] == [409]


def test_409_idempotency_key_in_use_without_retry_after_backs_off(no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    http = scripted([conflict("idempotency_key_in_use", None), httpx.Response(201, json=PROJECT)], seen)
    client = ProjectManagementClient("http://api.test", http_client=http)
    assert client.projects.create(models.ProjectCreate(name="x"), idempotency_key="k-1").id == 1
    assert len(seen) == 2 and len(no_sleep) == 1 and 0 <= no_sleep[0] <= 0.5


def test_other_409s_are_not_retried(no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    http = scripted([conflict("already_member")], seen)
    client = ProjectManagementClient("http://api.test", http_client=http)
    with pytest.raises(ConflictError) as error:
        client.projects.create(models.ProjectCreate(name="x"), idempotency_key="k-1")
    assert len(seen) == 1 and no_sleep == [] and error.value.code == "already_member"
    # a 409 that is not problem+json (or has no code) is not retried either
    seen.clear()
    http = scripted([httpx.Response(409, text="busy", headers={"Retry-After": "1"})], seen)
    client = ProjectManagementClient("http://api.test", http_client=http)
    with pytest.raises(ConflictError):
        client.projects.create(models.ProjectCreate(name="x"), idempotency_key="k-1")
    assert len(seen) == 1 and no_sleep == []


def test_409_idempotency_key_in_use_is_not_retried_without_a_key(no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    http = scripted([conflict("idempotency_key_in_use"), conflict("idempotency_key_in_use")], seen)
    client = ProjectManagementClient("http://api.test", http_client=http)
    with pytest.raises(ConflictError) as error:
        client.projects.create(models.ProjectCreate(name="x"))
    assert len(seen) == 1 and no_sleep == [] and error.value.code == "idempotency_key_in_use"
    # not even for an idempotent method: only a keyed request is "in flight" under that key
    with pytest.raises(ConflictError):
        client.projects.retrieve(1)
    assert len(seen) == 2 and no_sleep == []


def test_409_idempotency_key_in_use_can_be_turned_off(no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    http = scripted([conflict("idempotency_key_in_use")], seen)
    policy = RetryPolicy(retry_conflict_codes=frozenset())
    client = ProjectManagementClient("http://api.test", http_client=http, retry=policy)
    with pytest.raises(ConflictError):
        client.projects.create(models.ProjectCreate(name="x"), idempotency_key="k-1")
    assert len(seen) == 1


def test_409_idempotency_key_in_use_is_retried_async(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []

    async def fake_sleep(delay: float) -> None:
        slept.append(delay)

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    seen: list[httpx.Request] = []
    answers = [conflict("idempotency_key_in_use"), conflict("already_member")]

    async def run() -> None:
        def handler(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return answers.pop(0) if answers else httpx.Response(201, json=PROJECT)

        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncProjectManagementClient("http://api.test", http_client=http) as client:
            with pytest.raises(ConflictError) as error:  # in use (retried), then a real conflict (raised)
                await client.projects.create(models.ProjectCreate(name="x"), idempotency_key="k-1")
            assert error.value.code == "already_member"
            answers.append(conflict("idempotency_key_in_use"))
            created = await client.projects.create(models.ProjectCreate(name="x"), idempotency_key="k-2")
            assert created.id == 1
        await http.aclose()

    asyncio.run(run())
    assert [r.headers.get("Idempotency-Key") for r in seen] == ["k-1", "k-1", "k-2", "k-2"]
    assert len(slept) == 2 and all(1.0 <= s <= 1.25 for s in slept)


def test_retries_stop_and_long_waits_are_not_waited(no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    http = scripted([throttled("0")] * 3, seen)
    client = ProjectManagementClient("http://api.test", http_client=http, retry=RetryPolicy(max_retries=2))
    with pytest.raises(RateLimitError):
        client.users.me_retrieve()
    assert len(seen) == 3
    seen.clear()
    client = ProjectManagementClient("http://api.test", http_client=scripted([throttled("3600")], seen))
    with pytest.raises(RateLimitError):
        client.users.me_retrieve()
    assert len(seen) == 1


def test_retry_after_forms() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    later = email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    value = parse_retry_after(later)
    assert value is not None and 25 <= value <= 30


def test_pagination_never_follows_links_to_another_origin() -> None:
    page = {"items": [], "next": "https://evil.test/steal"}
    core = SyncCore("http://api.test", http_client=scripted([httpx.Response(200, json=page)], []))
    op = Operation("list", "GET", "/things")
    returns: Returns[Any] = Returns(Any)
    with pytest.raises(ValueError, match="another origin"):
        list(
            core.paginate(
                op,
                lambda: core.request(op, returns),
                returns,
                items=("items", "items"),
                next_link=("next", "next"),
            )
        )


def test_base_url_and_server_path() -> None:
    assert _join_base("http://h:8000", "/api/v1") == "http://h:8000/api/v1"
    assert _join_base("http://h:8000/", "/api/v1") == "http://h:8000/api/v1"
    assert _join_base("https://h/custom", "/api/v1") == "https://h/custom"


# ------------------------------------------------------------------------------------------------------------
# servers overridden by a path item or an operation (the health probes are served at `/`, not `/api/v1`)
# ------------------------------------------------------------------------------------------------------------
LIVE = {"status": "ok"}
READY = {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


def recording(seen: list[httpx.Request], answer: Any) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=answer(request) if callable(answer) else answer)

    return httpx.MockTransport(handler)


@pytest.mark.parametrize(
    ("base_url", "api_root"),
    [
        ("http://api.test", "http://api.test/api/v1"),
        ("http://api.test:8080/", "http://api.test:8080/api/v1"),
        # A base_url with a path of its own keeps its meaning; the probes still go to the origin.
        ("https://gw.test:8443/custom/prefix", "https://gw.test:8443/custom/prefix"),
    ],
)
def test_health_probes_go_to_the_origin_other_operations_to_the_api(base_url: str, api_root: str) -> None:
    seen: list[httpx.Request] = []
    answers = {"/health/live": LIVE, "/health/ready": READY}
    http = httpx.Client(transport=recording(seen, lambda r: answers.get(r.url.path, PROJECT)))
    client = ProjectManagementClient(base_url, token="t", http_client=http)
    assert client.health.live().status is models.Status.OK
    assert client.health.ready().checks.database is models.CheckResult.OK
    assert client.projects.retrieve(1).id == 1
    origin = base_url.rstrip("/").split("/custom")[0]
    assert [str(r.url) for r in seen] == [
        f"{origin}/health/live",
        f"{origin}/health/ready",
        f"{api_root}/projects/1",
    ]
    assert client.base_url == api_root  # the client's own base is unchanged


def test_health_probes_go_to_the_origin_async() -> None:
    seen: list[httpx.Request] = []
    answers = {"/health/live": LIVE, "/health/ready": READY}

    async def run() -> None:
        http = httpx.AsyncClient(transport=recording(seen, lambda r: answers.get(r.url.path, PROJECT)))
        async with AsyncProjectManagementClient("http://api.test", http_client=http) as client:
            assert (await client.health.live()).status is models.Status.OK
            assert (await client.health.ready()).status is models.Status.OK
            assert (await client.projects.retrieve(7)).id == 1
        await http.aclose()

    asyncio.run(run())
    assert [str(r.url) for r in seen] == [
        "http://api.test/health/live",
        "http://api.test/health/ready",
        "http://api.test/api/v1/projects/7",
    ]


def test_server_base_resolution() -> None:
    # relative: after the origin of base_url, whatever its path
    assert _server_base("http://h:8000/api/v1", "/") == "http://h:8000"
    assert _server_base("http://h:8000/api/v1", "") == "http://h:8000"
    assert _server_base("https://h/custom/x", "/probes/") == "https://h/probes"
    assert _server_base("https://h", "probes") == "https://h/probes"
    assert _server_base("https://h/api", "//cdn.test/v1") == "https://cdn.test/v1"
    # absolute: as is (without a trailing slash, paths are appended)
    assert _server_base("http://h/api/v1", "https://uploads.test/") == "https://uploads.test"
    assert _server_base("http://h/api/v1", "https://eu.probes.test:9/p/") == "https://eu.probes.test:9/p"


def test_absolute_override_and_its_pagination_sync() -> None:
    seen: list[httpx.Request] = []
    pages: list[dict[str, Any]] = [
        {"items": [1], "next": "https://events.test/feed/events?cursor=2"},  # absolute, same origin
        {"items": [2], "next": "/feed/events?cursor=3"},  # relative: on the operation's origin
        {"items": [3], "next": "http://api.test/api/v1/events?cursor=4"},  # the client's origin: refused
    ]
    http = httpx.Client(transport=recording(seen, lambda r: pages.pop(0)))
    core = SyncCore("http://api.test", server_path="/api/v1", http_client=http)
    core.set_token("t")
    core._register_schemes(bearer=("bearer",), basic=(), api_keys={})
    op = Operation("listEvents", "GET", "/events", security=("bearer",), server="https://events.test/feed/")
    returns: Returns[Any] = Returns(Any)
    items: list[Any] = []
    with pytest.raises(ValueError, match=r"another origin: http://api\.test/api/v1/events"):
        for item in core.paginate(
            op,
            lambda: core.request(op, returns),
            returns,
            items=("items", "items"),
            next_link=("next", "next"),
        ):
            items.append(item)
    assert items == [1, 2, 3]
    assert [str(r.url) for r in seen] == [
        "https://events.test/feed/events",
        "https://events.test/feed/events?cursor=2",
        "https://events.test/feed/events?cursor=3",
    ]
    assert all(r.headers["Authorization"] == "Bearer t" for r in seen)
    # An operation without an override still uses the client's base.
    seen.clear()
    pages.append({"items": [], "next": None})
    core.request(Operation("listThings", "GET", "/things"), returns)
    assert str(seen[0].url) == "http://api.test/api/v1/things"


def test_relative_override_and_its_pagination_async() -> None:
    seen: list[httpx.Request] = []
    pages: list[dict[str, Any]] = [
        {"items": ["a"], "next": "/events?cursor=2"},
        {"items": ["b"], "next": "https://elsewhere.test/events?cursor=3"},
    ]
    op = Operation("listEvents", "GET", "/events", server="/")
    returns: Returns[Any] = Returns(Any)

    async def run() -> list[Any]:
        http = httpx.AsyncClient(transport=recording(seen, lambda r: pages.pop(0)))
        core = AsyncCore("https://api.test/v9", server_path="/api/v1", http_client=http)
        items: list[Any] = []
        with pytest.raises(ValueError, match="another origin"):
            async for item in core.paginate(
                op,
                lambda: core.request(op, returns),
                returns,
                items=("items", "items"),
                next_link=("next", "next"),
            ):
                items.append(item)
        await http.aclose()
        return items

    assert asyncio.run(run()) == ["a", "b"]
    assert [str(r.url) for r in seen] == ["https://api.test/events", "https://api.test/events?cursor=2"]
