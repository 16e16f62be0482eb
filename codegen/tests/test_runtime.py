"""Unit tests of the SDK's hand-written runtime: retry policy, Retry-After, errors, pagination safety."""

from __future__ import annotations

import asyncio
import email.utils
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from projectmgmt_client import (
    ApiError,
    ApiResponse,
    ApiTimeoutError,
    AsyncProjectManagementClient,
    AuthenticationError,
    ConflictError,
    InternalServerError,
    NotModified,
    NotModifiedError,
    PreconditionFailedError,
    ProjectManagementClient,
    RateLimit,
    RateLimitError,
    RequestOptions,
    RetryEvent,
    RetryPolicy,
    ServerError,
    ServiceUnavailableError,
    models,
)
from projectmgmt_client._runtime import (
    AsyncCore,
    Operation,
    Returns,
    SyncCore,
    _join_base,
    _server_base,
    error_for,
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
    """The SDK's sleeps in this test's thread, recorded instead of slept. Other threads (a daemon thread an
    earlier test left in this worker) sleep for real and are not recorded: counted, they broke this count."""
    slept: list[float] = []
    real_sleep = time.sleep
    test_thread = threading.current_thread()

    def sleep(seconds: float) -> None:
        if threading.current_thread() is test_thread:
            slept.append(seconds)
        else:
            real_sleep(seconds)

    monkeypatch.setattr(time, "sleep", sleep)
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
    no_auto_key = RetryPolicy(auto_idempotency_key=False)
    client = ProjectManagementClient(
        "http://api.test", http_client=scripted([throttled("1")], seen), retry=no_auto_key
    )
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
    no_auto_key = RetryPolicy(auto_idempotency_key=False)
    client = ProjectManagementClient("http://api.test", http_client=http, retry=no_auto_key)
    with pytest.raises(ConflictError) as error:
        client.projects.create(models.ProjectCreate(name="x"))
    assert len(seen) == 1 and no_sleep == [] and error.value.code == "idempotency_key_in_use"
    assert "Idempotency-Key" not in seen[0].headers
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
        # A base_url with a path of its own keeps its meaning.
        ("https://gw.test:8443/custom/prefix", "https://gw.test:8443/custom/prefix"),
    ],
)
def test_health_probes_are_under_the_api_root_like_every_operation(base_url: str, api_root: str) -> None:
    seen: list[httpx.Request] = []
    answers = {"/health/live": LIVE, "/health/ready": READY}
    http = httpx.Client(
        transport=recording(
            seen, lambda r: next((v for k, v in answers.items() if r.url.path.endswith(k)), PROJECT)
        )
    )
    client = ProjectManagementClient(base_url, token="t", http_client=http)
    assert client.health.live().status is models.Status.OK
    assert client.health.ready().checks.database is models.CheckResult.OK
    assert client.projects.retrieve(1).id == 1
    assert [str(r.url) for r in seen] == [
        f"{api_root}/health/live",
        f"{api_root}/health/ready",
        f"{api_root}/projects/1",
    ]
    assert client.base_url == api_root


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


# ------------------------------------------------------------------------------------------------------------
# response metadata, conditional GETs, named errors, timeouts, iterators (issue 14, points 1-4)
# ------------------------------------------------------------------------------------------------------------
TASK = {
    "id": 301,
    "project_id": 12,
    "title": "Draft",
    "description": "",
    "status": "todo",
    "priority": "high",
    "assignee_id": None,
    "created_by_id": 42,
    "due_date": None,
    "created_at": "2026-11-23T10:20:00Z",
    "updated_at": "2026-11-23T11:05:31Z",
}
TAG = '"3f2a9c1d7b6e4a5f8c0d1e2f3a4b5c6d"'
META = {
    "ETag": TAG,
    "X-Request-ID": "req-1",
    "RateLimit-Limit": "30",
    "RateLimit-Remaining": "29",
    "RateLimit-Reset": "42",
}


def test_with_response_gives_status_headers_and_the_typed_body() -> None:
    seen: list[httpx.Request] = []
    replayed = {**PROJECT, "id": 5}
    http = scripted(
        [
            httpx.Response(200, json=TASK, headers=META),
            httpx.Response(201, json=replayed, headers={"Idempotent-Replayed": "true"}),
        ],
        seen,
    )
    client = ProjectManagementClient("http://api.test", token="t", http_client=http)
    result = client.tasks.with_response.retrieve(12, 301)
    assert isinstance(result, ApiResponse) and not result.not_modified
    assert isinstance(result.data, models.Task) and result.data.id == 301
    assert result.status_code == 200 and result.etag == TAG and result.request_id == "req-1"
    assert result.rate_limit == RateLimit(limit=30, remaining=29, reset=42)
    assert result.headers["ratelimit-remaining"] == "29" and result.idempotent_replayed is False
    created = client.projects.with_response.create(models.ProjectCreate(name="x"), idempotency_key="k")
    assert created.status_code == 201 and created.data.id == 5 and created.idempotent_replayed is True
    assert created.rate_limit is None and created.etag is None


def test_a_304_is_not_modified_never_none_nor_an_api_error(no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    not_modified = httpx.Response(304, headers={"ETag": TAG, "X-Request-ID": "req-2"})
    http = scripted([not_modified, httpx.Response(304, headers={"ETag": TAG})], seen)
    client = ProjectManagementClient("http://api.test", token="t", http_client=http)
    result = client.tasks.with_response.retrieve(12, 301, if_none_match=TAG)
    assert isinstance(result, NotModified) and result.not_modified is True
    assert result.status_code == 304 and result.etag == TAG and result.request_id == "req-2"
    assert seen[0].headers["If-None-Match"] == TAG
    with pytest.raises(NotModifiedError) as plain:  # a plain call has no body to return for a 304
        client.tasks.retrieve(12, 301, if_none_match=TAG)
    assert not isinstance(plain.value, ApiError) and plain.value.response.etag == TAG
    assert plain.value.operation_id == "tasks_retrieve"


def test_a_304_is_not_modified_async() -> None:
    async def run() -> NotModified | ApiResponse[models.Task]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(304, headers=META)))
        async with AsyncProjectManagementClient("http://api.test", token="t", http_client=http) as client:
            result = await client.tasks.with_response.retrieve(12, 301, if_none_match=TAG)
            with pytest.raises(NotModifiedError):
                await client.tasks.retrieve(12, 301, if_none_match=TAG)
        await http.aclose()
        return result

    result = asyncio.run(run())
    assert isinstance(result, NotModified) and result.rate_limit == RateLimit(30, 29, 42)


def _declared_error_statuses() -> set[int]:
    import yaml

    from codegen.paths import DEFAULT_SPEC

    spec = yaml.safe_load(DEFAULT_SPEC.read_text(encoding="utf-8"))
    statuses: set[int] = set()
    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "responses" in op:
                statuses |= {
                    int(code) for code in op["responses"] if str(code).isdigit() and int(code) >= 400
                }
    return statuses


def test_every_status_the_contract_declares_has_a_named_error_in_both_sdks() -> None:
    import re

    from codegen.paths import TYPESCRIPT_SDK

    statuses = _declared_error_statuses()
    assert {412, 413, 415, 406, 409, 429, 500, 503} <= statuses
    runtime_ts = (TYPESCRIPT_SDK / "src" / "runtime.ts").read_text(encoding="utf-8")
    ts_table = dict(re.findall(r"^\s+(\d{3}): (\w+Error),$", runtime_ts, re.MULTILINE))
    for status in sorted(statuses):
        response = httpx.Response(
            status,
            json={"type": "about:blank", "title": "t", "status": status, "code": "c"},
            headers={"Content-Type": "application/problem+json"},
            request=httpx.Request("GET", "http://api.test/x"),
        )
        error = error_for(response, "op")
        assert type(error) not in (ApiError, ServerError), status
        assert error.status_code == status and error.code == "c"
        assert ts_table.get(str(status)) == type(error).__name__, (status, ts_table)
    assert issubclass(PreconditionFailedError, ApiError) and issubclass(InternalServerError, ServerError)


@pytest.mark.parametrize("failure", [httpx.ReadTimeout, httpx.ConnectTimeout])
def test_timeouts_are_api_timeout_errors(
    failure: type[httpx.TimeoutException], no_sleep: list[float]
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise failure("slow", request=request)

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = ProjectManagementClient("http://api.test", token="t", http_client=http)
    with pytest.raises(ApiTimeoutError) as error:
        client.projects.retrieve(1, request_options={"max_retries": 1})
    assert isinstance(error.value, TimeoutError) and isinstance(error.value.__cause__, failure)
    assert error.value.operation_id == "projects_retrieve" and len(no_sleep) == 1  # retried once, then raised

    async def run() -> None:
        ahttp = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncProjectManagementClient(
            "http://api.test", http_client=ahttp, retry=RetryPolicy(max_retries=0)
        ) as aclient:
            with pytest.raises(ApiTimeoutError):
                await aclient.health.live()
        await ahttp.aclose()

    asyncio.run(run())


def _task_page(ids: list[int], next_url: str | None) -> dict[str, Any]:
    return {"items": [{**TASK, "id": i} for i in ids], "next": next_url, "previous": None}


def test_iterators_keep_per_call_headers_timeout_and_retries_on_every_page(no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    http = scripted(
        [
            httpx.Response(200, json=_task_page([1, 2], "http://api.test/api/v1/projects/12/tasks?cursor=b")),
            httpx.Response(200, json=_task_page([3], "/api/v1/projects/12/tasks?cursor=c")),
            httpx.Response(503),
        ],
        seen,
    )
    client = ProjectManagementClient("http://api.test", token="t", http_client=http)
    options: RequestOptions = {"headers": {"X-Trace": "t-1"}, "timeout": 4.5, "max_retries": 0}
    walked: list[int] = []
    with pytest.raises(ServiceUnavailableError):  # max_retries=0 holds on page 3 too: no retry
        for task in client.tasks.list_iter(12, page_size=2, request_options=options):
            walked.append(task.id)
    assert walked == [1, 2, 3] and no_sleep == [] and len(seen) == 3
    for request in seen:
        assert request.headers["X-Trace"] == "t-1" and request.headers["Authorization"] == "Bearer t"
        assert request.extensions["timeout"] == {"connect": 4.5, "read": 4.5, "write": 4.5, "pool": 4.5}
    assert [r.url.params.get("cursor") for r in seen] == [None, "b", "c"]


def test_iterators_keep_header_parameters_async() -> None:
    seen: list[httpx.Request] = []
    pages = [_task_page([1], "/api/v1/projects/12/tasks?cursor=b"), _task_page([2], None)]
    op = Operation("tasks_list", "GET", "/projects/{project_id}/tasks")
    returns: Returns[Any] = Returns(Any)

    async def run() -> list[Any]:
        http = httpx.AsyncClient(transport=recording(seen, lambda r: pages.pop(0)))
        core = AsyncCore("http://api.test", server_path="/api/v1", http_client=http)
        found = [
            item["id"]
            async for item in core.paginate(
                op,
                lambda: core.request(op, returns, path_params={"project_id": 12}, headers={"X-Tenant": "t9"}),
                returns,
                items=("items", "items"),
                next_link=("next", "next"),
                headers={"X-Tenant": "t9"},
                options={"headers": {"X-Trace": "a"}},
            )
        ]
        await http.aclose()
        return found

    assert asyncio.run(run()) == [1, 2]
    assert [(r.headers.get("X-Tenant"), r.headers.get("X-Trace")) for r in seen] == [
        ("t9", None),
        ("t9", "a"),
    ]


# ------------------------------------------------------------------------------------------------------------
# token refresh after a 401, and generated idempotency keys (issue 14, point 8)
# ------------------------------------------------------------------------------------------------------------
ACCESS = {"access": "fresh", "token_type": "Bearer", "expires_in": 300}


def refreshing_handler(refreshes: list[bytes], seen: list[httpx.Request]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/auth/token/refresh"):
            refreshes.append(request.content)
            time.sleep(0.05)  # concurrent 401s arrive while this refresh runs
            return httpx.Response(200, json=ACCESS)
        if request.headers.get("Authorization") == "Bearer fresh":
            return httpx.Response(200, json=PROJECT)
        return httpx.Response(
            401,
            json={"type": "about:blank", "title": "t", "status": 401, "code": "token_not_valid"},
            headers={"Content-Type": "application/problem+json"},
        )

    return handler


def test_a_401_refreshes_once_for_concurrent_calls_and_replays_them() -> None:
    from concurrent.futures import ThreadPoolExecutor

    refreshes: list[bytes] = []
    seen: list[httpx.Request] = []
    told: list[tuple[str, str | None]] = []
    http = httpx.Client(transport=httpx.MockTransport(refreshing_handler(refreshes, seen)))
    client = ProjectManagementClient(
        "http://api.test",
        token="stale",
        refresh_token="r-1",
        on_token_refresh=lambda access, refresh: told.append((access, refresh)),
        http_client=http,
    )
    with ThreadPoolExecutor(5) as pool:
        ids = list(pool.map(lambda _: client.projects.retrieve(1).id, range(5)))
    assert ids == [1] * 5
    assert refreshes == [b'{"refresh": "r-1"}'] and told == [("fresh", None)]
    assert sum(r.headers.get("Authorization") == "Bearer fresh" for r in seen) == 5
    assert client.refresh_token == "r-1"


def test_a_401_refreshes_once_async_and_a_refused_refresh_keeps_the_401() -> None:
    refreshes: list[bytes] = []
    seen: list[httpx.Request] = []
    handler = refreshing_handler(refreshes, seen)

    async def run() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncProjectManagementClient(
            "http://api.test", token="stale", refresh_token="r-1", http_client=http
        ) as client:
            found = await asyncio.gather(*(client.projects.retrieve(1) for _ in range(5)))
            assert [p.id for p in found] == [1] * 5
        await http.aclose()

    asyncio.run(run())
    assert len(refreshes) == 1
    # The refresh itself answered 401: the original 401 is raised, once, without a loop.
    calls: list[httpx.Request] = []

    def refused(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        code = "token_not_valid" if request.url.path.endswith("/refresh") else "expired"
        body = {"type": "about:blank", "title": "t", "status": 401, "code": code}
        return httpx.Response(401, json=body, headers={"Content-Type": "application/problem+json"})

    http = httpx.Client(transport=httpx.MockTransport(refused))
    client = ProjectManagementClient("http://api.test", token="x", refresh_token="bad", http_client=http)
    with pytest.raises(AuthenticationError) as error:
        client.projects.retrieve(1)
    assert error.value.code == "expired" and len(calls) == 2
    # Without a refresh token a 401 is simply raised.
    calls.clear()
    with pytest.raises(AuthenticationError):
        ProjectManagementClient("http://api.test", token="x", http_client=http).projects.retrieve(1)
    assert len(calls) == 1


def test_with_retries_on_a_create_without_a_key_gets_a_generated_one(no_sleep: list[float]) -> None:
    seen: list[httpx.Request] = []
    http = scripted([httpx.Response(503), httpx.Response(201, json=PROJECT)], seen)
    client = ProjectManagementClient("http://api.test", http_client=http)
    assert client.projects.create(models.ProjectCreate(name="x")).id == 1
    keys = [r.headers.get("Idempotency-Key") for r in seen]
    assert len(keys) == 2 and keys[0] == keys[1] and uuid.UUID(keys[0]).version == 4
    # Not with retries off, nor for an operation that does not accept keys.
    seen.clear()
    off = ProjectManagementClient(
        "http://api.test",
        http_client=scripted([httpx.Response(201, json=PROJECT)], seen),
        retry=RetryPolicy(max_retries=0),
    )
    off.projects.create(models.ProjectCreate(name="x"))
    client = ProjectManagementClient(
        "http://api.test", http_client=scripted([httpx.Response(200, json=PROJECT)], seen)
    )
    client.projects.update(1, models.ProjectUpdate(name="y"))
    assert [r.headers.get("Idempotency-Key") for r in seen] == [None, None]


# ------------------------------------------------------------------------------------------------------------
# forward compatibility: unknown enum values and properties are read, requests stay exact (issue 14, point 5)
# ------------------------------------------------------------------------------------------------------------
def test_a_newer_server_s_enum_values_and_properties_do_not_break_reading() -> None:
    newer = {**TASK, "status": "blocked", "blocked_by": [7], "priority": "urgent"}
    page = {"items": [TASK, newer], "next": None, "previous": None}
    http = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json=page)))
    client = ProjectManagementClient("http://api.test", token="t", http_client=http)
    known, unknown = list(client.tasks.list_iter(12))
    assert known.status is models.TaskStatus.TODO  # a known value is still the enum member
    assert unknown.status == "blocked" and not isinstance(unknown.status, models.TaskStatus)
    assert unknown.priority is models.TaskPriority.URGENT
    assert not hasattr(unknown, "blocked_by")  # an unknown property is ignored, not refused
    # lists of enums and webhook payloads too
    events = models.WebhookEvents.model_validate(["task.created", "task.archived"]).root
    assert events == [models.WebhookEventType.TASK_CREATED, "task.archived"]
    assert isinstance(events[0], models.WebhookEventType)
    event = models.TaskCreatedEvent.model_validate(
        {
            "id": "evt_" + "0" * 32,
            "type": "task.created",
            "created_at": "2026-11-23T10:20:00Z",
            "project_id": 12,
            "data": newer,
            "actor_id": 3,
        }
    )
    assert event.data.status == "blocked"


def test_what_the_sdk_sends_stays_exact_and_what_it_receives_is_lenient() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):  # request models keep their exact enums and refuse extras
        models.TaskCreate.model_validate({"title": "x", "priority": "critical"})
    with pytest.raises(ValidationError):
        models.TaskUpdate.model_validate({"unknown": 1})
    # The server refuses an unknown value (its validation engines read the contract itself).
    newer = {**TASK, "status": "blocked"}
    assert models.Task.model_validate(newer).status == "blocked"
