"""Unit tests of the SDK's hand-written runtime: retry policy, Retry-After, errors, pagination safety."""

from __future__ import annotations

import email.utils
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from projectmgmt_client import ProjectManagementClient, RateLimitError, RetryEvent, RetryPolicy, models
from projectmgmt_client._runtime import Operation, Returns, SyncCore, _join_base, parse_retry_after


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
