"""Request ids, the access log, Prometheus metrics, security headers, CORS and the body size limit."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.apps.accounts.tests.support import assert_problem
from server.common import logs
from server.common.testing import ContractClient, client_for

pytestmark = pytest.mark.django_db

REQUEST_ID = re.compile(r"^[A-Za-z0-9._:@/+=-]{1,128}$")


class LogCapture:
    """Every record logged while the test runs, rendered by the production formatter and parsed back."""

    def __init__(self) -> None:
        self.stream = io.StringIO()

    def lines(self, logger: str | None = None) -> list[dict[str, Any]]:
        parsed = [json.loads(line) for line in self.stream.getvalue().splitlines()]
        return [line for line in parsed if logger is None or line.get("logger") == logger]


@pytest.fixture
def captured() -> Iterator[LogCapture]:
    capture = LogCapture()
    handler = logging.StreamHandler(capture.stream)
    handler.setFormatter(logs.formatter("json"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield capture
    finally:
        root.removeHandler(handler)


# --- request id -------------------------------------------------------------------------------------------


def test_a_valid_request_id_is_echoed(user: Any) -> None:
    response = client_for(user).send("GET", "/users/me", HTTP_X_REQUEST_ID="trace-42:abc/DEF+1=")
    assert response["X-Request-ID"] == "trace-42:abc/DEF+1="


@pytest.mark.parametrize(
    "given_id", ["", "x" * 129, "has space", "semi;colon", "ünïcode", "a\tb", '"quoted"']
)
def test_an_invalid_request_id_is_replaced_not_refused(user: Any, given_id: str) -> None:
    response = client_for(user).send("GET", "/users/me", HTTP_X_REQUEST_ID=given_id)
    assert response.status_code == 200
    assert response["X-Request-ID"] != given_id
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


@given(st.text(max_size=300))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_garbage_request_ids_never_fail_a_request(garbage: str) -> None:
    response = ContractClient().get("/health/live", HTTP_X_REQUEST_ID=garbage)
    assert response.status_code == 200
    assert REQUEST_ID.fullmatch(response["X-Request-ID"])


def test_every_kind_of_response_carries_a_request_id(user: Any) -> None:
    client = client_for(user)
    responses = {
        "contract 200": client.send("GET", "/users/me"),
        "contract 400": client.send("GET", "/projects?page_size=0"),
        "contract 401": ContractClient().send("GET", "/projects"),
        "unrouted 404": client.get("/nowhere"),
        "middleware 413": client.post(
            "/api/v1/projects", data=b"{}", content_type="application/json", CONTENT_LENGTH=str(10**9)
        ),
        "docs": client.get("/api/docs"),
        "metrics": client.get("/metrics"),
    }
    for label, response in responses.items():
        assert REQUEST_ID.fullmatch(response.get("X-Request-ID", "")), label
    ids = {response["X-Request-ID"] for response in responses.values()}
    assert len(ids) == len(responses), "each request gets its own id"


def test_the_body_size_limit_is_a_413_problem(user: Any) -> None:
    with override_settings(REQUEST_MAX_BODY_BYTES=64):
        response = client_for(user).send("POST", "/projects", {"name": "x" * 100})
    assert_problem(response, 413, "payload_too_large")


# --- access log -------------------------------------------------------------------------------------------


def test_one_structured_access_line_per_request(user: Any, captured: LogCapture) -> None:
    client_for(user).send("GET", "/users/me", HTTP_X_REQUEST_ID="abc-123")
    ContractClient().send("GET", "/projects")  # anonymous: 401
    access = captured.lines("server.access")
    assert len(access) == 2
    first, second = access
    assert first["request_id"] == "abc-123"
    assert first["operation_id"] == "users_me_retrieve"
    assert first["method"] == "GET"
    assert first["path"] == "/api/v1/users/me"
    assert first["status"] == 200
    assert first["user_id"] == user.pk
    assert isinstance(first["duration_ms"], float) and first["duration_ms"] > 0
    assert first["level"] == "info" and first["ts"].endswith("Z")
    assert second["operation_id"] == "projects_list"
    assert second["status"] == 401
    assert second["user_id"] is None


def test_other_log_records_of_the_request_carry_its_id(
    user: Any, captured: LogCapture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Standard-library records (here errors.py's, on a 503) go through the same JSON formatter."""
    from django.db import OperationalError

    from server.apps.accounts import views

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("connection refused")

    monkeypatch.setattr(views, "present_user", broken)
    response = client_for(user).send("GET", "/users/me", HTTP_X_REQUEST_ID="req-503")
    assert_problem(response, 503, "service_unavailable")
    errors = captured.lines("server.common.errors")
    assert errors and errors[0]["request_id"] == "req-503"
    assert errors[0]["level"] == "error"
    assert captured.lines("server.access")[0]["status"] == 503


# --- metrics ----------------------------------------------------------------------------------------------


def _sample(text: str, name: str, **labels: str) -> float:
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in text.splitlines():
        if line.startswith(name + "{"):
            label_text = line[len(name) + 1 : line.index("}")]
            if ",".join(sorted(label_text.split(","))) == wanted:
                return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_by_operation_method_and_status(user: Any) -> None:
    client = client_for(user)
    labels = {"operation_id": "users_me_retrieve", "method": "GET", "status": "200"}
    before = client.get("/metrics").content.decode()
    for _ in range(3):
        client.send("GET", "/users/me")
    client.send("GET", "/projects/999999")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    after = response.content.decode()
    assert (
        _sample(after, "http_requests_total", **labels) - _sample(before, "http_requests_total", **labels)
        == 3
    )
    count = "http_request_duration_seconds_count"
    assert _sample(after, count, **labels) - _sample(before, count, **labels) == 3
    assert _sample(after, "http_request_duration_seconds_bucket", le="+Inf", **labels) >= 3
    missing = {"operation_id": "projects_retrieve", "method": "GET", "status": "404"}
    assert _sample(after, "http_requests_total", **missing) >= 1


def test_unrouted_paths_share_one_label(user: Any) -> None:
    client = client_for(user)
    client.get("/no/such/path/1")
    client.get("/no/such/path/2")
    text = client.get("/metrics").content.decode()
    assert _sample(text, "http_requests_total", operation_id="unrouted", method="GET", status="404") >= 2
    assert "/no/such/path" not in text


def test_metrics_with_a_token_need_it() -> None:
    with override_settings(METRICS_TOKEN="s3cret-scrape-token"):
        refused = ContractClient().get("/metrics")
        assert_problem(refused, 401, "not_authenticated")
        wrong = ContractClient().get("/metrics", HTTP_AUTHORIZATION="Bearer nope")
        assert wrong.status_code == 401
        allowed = ContractClient().get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-scrape-token")
        assert allowed.status_code == 200
        assert b"http_requests_total" in allowed.content


def test_metrics_without_a_token_are_not_served_unless_public() -> None:
    with override_settings(METRICS_TOKEN="", METRICS_PUBLIC=False):
        assert_problem(ContractClient().get("/metrics"), 404, "not_found")


# --- security headers and CORS ----------------------------------------------------------------------------


def test_security_headers(user: Any) -> None:
    for response in (client_for(user).send("GET", "/users/me"), ContractClient().get("/api/docs")):
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_the_docs_page_has_no_inline_script() -> None:
    """The CSP allows no inline script, so Swagger UI's start-up script must be a file of its own."""
    page = ContractClient().get("/api/docs").content.decode()
    assert re.findall(r"<script>", page) == []
    script = ContractClient().get("/api/docs?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle" in script.content


ORIGIN = "https://app.example.com"


@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
def test_cors_allows_configured_origins_and_exposes_the_client_headers(user: Any) -> None:
    response = client_for(user).send("GET", "/users/me", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    exposed = {name.strip().lower() for name in response["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "location", "retry-after", "x-request-id"} <= exposed
    assert {"ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"} <= exposed


@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
def test_cors_preflight_allows_the_api_headers() -> None:
    response = ContractClient().options(
        "/api/v1/projects",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type, x-api-key, x-request-id",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    allowed = {name.strip().lower() for name in response["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "content-type", "x-api-key", "x-request-id", "idempotency-key"} <= allowed


@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
def test_cors_ignores_other_origins(user: Any) -> None:
    response = client_for(user).send("GET", "/users/me", HTTP_ORIGIN="https://evil.example.net")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_cors_allows_no_origin_by_default(user: Any) -> None:
    response = client_for(user).send("GET", "/users/me", HTTP_ORIGIN=ORIGIN)
    assert "Access-Control-Allow-Origin" not in response
