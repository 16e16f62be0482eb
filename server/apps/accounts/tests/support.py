"""Helpers shared by the domain test suites (accounts, projects, tasks, comments)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qs, urlparse

from django.core.cache import cache
from django.test import override_settings
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from server.common.testing import API, ContractClient

PROBLEM = "application/problem+json"
PROBLEM_TYPE_BASE = "https://contractfirst.dev/problems/"


def assert_problem(response: Any, status: int, code: str) -> dict[str, Any]:
    """The response is an RFC 9457 problem with this status and code; returns the parsed body."""
    assert response.status_code == status, (response.status_code, response.content)
    assert response["Content-Type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == PROBLEM_TYPE_BASE + code.replace("_", "-")
    assert body["instance"] == response.wsgi_request.path
    assert body["title"]
    if status == 401:
        assert response["WWW-Authenticate"]
    return body


def error_locations(body: dict[str, Any]) -> list[tuple[str, str]]:
    """(pointer or field, code) of every item of a problem's `errors`, sorted."""
    return sorted((item.get("pointer", item.get("field", "")), item["code"]) for item in body["errors"])


def assert_created(response: Any, location: str) -> dict[str, Any]:
    assert response.status_code == 201, response.content
    assert response["Location"] == location
    body: dict[str, Any] = response.json()
    return body


def iso(value: datetime | date) -> str:
    """A model timestamp the way the API renders it (DRF: ISO 8601, UTC as `Z`)."""
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def parse_ts(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


# --- pagination ------------------------------------------------------------------------------------------


def api_url(path: str) -> str:
    return path if path.startswith(("http://", "https://", API)) else f"{API}{path}"


def get_page(client: ContractClient, url: str) -> dict[str, Any]:
    response = client.get(api_url(url))
    assert response.status_code == 200, response.content
    page: dict[str, Any] = response.json()
    return page


def walk_forward(client: ContractClient, url: str, *, limit: int = 100) -> list[dict[str, Any]]:
    """Every page from `url` on, following `next` until it is null."""
    pages = [get_page(client, url)]
    assert pages[0]["previous"] is None, "the first page has no previous page"
    while pages[-1]["next"] is not None:
        assert len(pages) < limit, "pagination does not terminate"
        pages.append(get_page(client, pages[-1]["next"]))
    return pages


def walk_backward(
    client: ContractClient, last_page: dict[str, Any], *, limit: int = 100
) -> list[dict[str, Any]]:
    """Every page before `last_page`, following `previous` until it is null; returned first page first."""
    pages = [last_page]
    while pages[-1]["previous"] is not None:
        assert len(pages) < limit, "pagination does not terminate"
        pages.append(get_page(client, pages[-1]["previous"]))
    return list(reversed(pages))


def cursor_of(url: str) -> str:
    return parse_qs(urlparse(url).query)["cursor"][0]


# --- throttling ------------------------------------------------------------------------------------------


@contextlib.contextmanager
def throttle_rates(**rates: str) -> Iterator[None]:
    """Tighten throttle rates for one test, with a clean throttle cache before and after.

    DRF's SimpleRateThrottle copies DEFAULT_THROTTLE_RATES into a class attribute at import time, so
    override_settings alone does not reach it; the class attribute follows the overridden setting here.
    """
    base = api_settings.user_settings.get("DEFAULT_THROTTLE_RATES", {})
    merged: dict[str, str | None] = {**base, **rates}
    settings_override = override_settings(
        REST_FRAMEWORK={**api_settings.user_settings, "DEFAULT_THROTTLE_RATES": merged}
    )
    previous = SimpleRateThrottle.THROTTLE_RATES
    cache.clear()
    with settings_override:
        assert merged == api_settings.DEFAULT_THROTTLE_RATES
        SimpleRateThrottle.THROTTLE_RATES = merged
        try:
            yield
        finally:
            SimpleRateThrottle.THROTTLE_RATES = previous
            cache.clear()


# --- factories -------------------------------------------------------------------------------------------


def task_make(project: Any, created_by: Any, title: str = "Task", **fields: Any) -> Any:
    from server.apps.tasks.models import Task

    return Task.objects.create(project=project, created_by=created_by, title=title, **fields)


def comment_make(task: Any, author: Any, body: str = "A comment", **fields: Any) -> Any:
    from server.apps.comments.models import Comment

    return Comment.objects.create(task=task, author=author, body=body, **fields)


def member_add(project: Any, user: Any, role: str) -> Any:
    from server.apps.projects.models import Membership

    return Membership.objects.create(project=project, user=user, role=role)
