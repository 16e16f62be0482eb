"""Rate-limit headers (draft-ietf-httpapi-ratelimit-headers), the atomic counters, and the cache unreachable.

Runs on whichever cache the suite is configured with: local memory by default, Redis with REDIS_URL.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.test import override_settings
from rest_framework.test import APIRequestFactory

from server.apps.accounts.tests.support import assert_problem, throttle_rates
from server.common.testing import ContractClient, client_for
from server.common.throttling import AnonRateThrottle, rate_limit_headers

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


def _limits(response: Any) -> tuple[int, int, int]:
    return (
        int(response["RateLimit-Limit"]),
        int(response["RateLimit-Remaining"]),
        int(response["RateLimit-Reset"]),
    )


def test_successes_carry_the_quota_counting_down(user: Any) -> None:
    client = client_for(user)
    with throttle_rates(user="5/min"):
        seen = [_limits(client.send("GET", "/users/me")) for _ in range(3)]
    assert [(limit, remaining) for limit, remaining, _ in seen] == [(5, 4), (5, 3), (5, 2)]
    assert all(1 <= reset <= 60 for _, _, reset in seen)


def test_a_429_has_retry_after_and_an_exhausted_quota(user: Any) -> None:
    client = client_for(user)
    with throttle_rates(user="2/min"):
        assert client.send("GET", "/users/me").status_code == 200
        assert client.send("GET", "/users/me").status_code == 200
        response = client.send("GET", "/users/me")
    assert_problem(response, 429, "throttled")
    limit, remaining, reset = _limits(response)
    assert (limit, remaining) == (2, 0)
    assert reset == int(response["Retry-After"])
    assert 1 <= reset <= 60


def test_the_tightest_policy_is_reported() -> None:
    """POST /auth/token counts against `anon` (100/min here) and the `auth` scope (3/min): the headers
    describe the scope, which runs out first."""
    body = {"refresh": "not-a-token"}
    with throttle_rates(anon="100/min", auth="3/min"):
        first = ContractClient().send("POST", "/auth/token/refresh", body)
        assert first.status_code == 401  # not a success: no rate-limit headers promised
        assert "RateLimit-Limit" not in first
        for _ in range(2):
            ContractClient().send("POST", "/auth/token/refresh", body)
        throttled = ContractClient().send("POST", "/auth/token/refresh", body)
    assert_problem(throttled, 429, "throttled")
    assert _limits(throttled)[:2] == (3, 0)


def test_other_errors_carry_no_rate_limit_headers(user: Any) -> None:
    response = client_for(user).send("GET", "/projects/999999")
    assert response.status_code == 404
    assert "RateLimit-Limit" not in response
    assert response["X-Request-ID"]


def test_the_counter_is_atomic_under_concurrency() -> None:
    """24 threads hit one client's budget of 10 at once: exactly 10 are allowed (DRF's read-modify-write
    history would let more through)."""
    factory = APIRequestFactory()
    allowed: list[bool] = []
    lock = threading.Lock()
    start = threading.Barrier(24)

    def hit() -> None:
        request: Any = factory.get("/api/v1/projects", REMOTE_ADDR="203.0.113.7")
        request.user = None
        throttle = AnonRateThrottle()
        start.wait()
        result = throttle.allow_request(request, None)
        with lock:
            allowed.append(result)

    with throttle_rates(anon="10/min"):
        threads = [threading.Thread(target=hit) for _ in range(24)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert allowed.count(True) == 10
    assert allowed.count(False) == 14


def test_headers_pick_the_refused_policy_with_the_longest_wait() -> None:
    factory = APIRequestFactory()
    request: Any = factory.get("/api/v1/projects", REMOTE_ADDR="203.0.113.8")
    request.user = None
    with throttle_rates(anon="1/min"):
        assert AnonRateThrottle().allow_request(request, None)
        assert not AnonRateThrottle().allow_request(request, None)
    headers = rate_limit_headers(request)
    assert headers["RateLimit-Limit"] == "1"
    assert headers["RateLimit-Remaining"] == "0"


def test_redis_unreachable_while_throttling_is_503_not_500(user: Any) -> None:
    client = client_for(user)
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = client.send("GET", "/users/me")
        body = assert_problem(response, 503, "service_unavailable")
        assert "cache" in body["detail"]
        assert "Traceback" not in response.content.decode()
    # The configured cache again: served as usual.
    assert client.send("GET", "/users/me").status_code == 200
