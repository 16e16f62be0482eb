"""The health probes: served at the root, public, never throttled; readiness names the failing dependency."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from server.apps.accounts.tests.support import assert_problem, throttle_rates
from server.common.testing import ContractClient

pytestmark = pytest.mark.django_db

# A django-redis cache nobody listens on: connection refused, for real.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


def test_liveness_answers_200_at_the_root() -> None:
    response = ContractClient().get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["X-Request-ID"]
    # Not throttled: no rate-limit headers, and no budget to run out of.
    assert "RateLimit-Limit" not in response


def test_the_probes_answer_under_the_api_prefix_as_declared_and_at_the_root() -> None:
    # A generic generated client follows the document's `servers` (/api/v1); orchestrators probe the root.
    for path in ("/health/live", "/health/ready"):
        declared = ContractClient().get("/api/v1" + path)
        alias = ContractClient().get(path)
        assert declared.status_code == alias.status_code == 200
        assert declared.json() == alias.json()


def test_readiness_checks_the_database_and_the_cache() -> None:
    response = ContractClient().get("/health/ready")
    assert response.status_code == 200, response.content
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


def test_probes_are_never_throttled() -> None:
    with throttle_rates(anon="1/min", user="1/min"):
        for _ in range(5):
            assert ContractClient().get("/health/live").status_code == 200
            assert ContractClient().get("/health/ready").status_code == 200


def test_probes_ignore_credentials() -> None:
    client = ContractClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    assert client.get("/health/live").status_code == 200


def test_readiness_is_503_naming_the_cache_when_redis_is_unreachable() -> None:
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = ContractClient().get("/health/ready")
        body: dict[str, Any] = assert_problem(response, 503, "dependency_unavailable")
        assert body["checks"] == {"database": "ok", "cache": "unavailable"}
        assert body["detail"] == "Not ready: cache unavailable."
        # Liveness does not depend on it.
        assert ContractClient().get("/health/live").status_code == 200


def test_an_undeclared_method_is_405_with_allow() -> None:
    response = ContractClient().post("/health/live")
    assert_problem(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET"
