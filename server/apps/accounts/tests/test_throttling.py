"""Rate limits: per user, per client for anonymous calls, and the stricter `auth` / `register` scopes.
A throttled call is 429 `throttled` with an integer `Retry-After`."""

from __future__ import annotations

from typing import Any

import pytest

from server.apps.accounts.models import User
from server.common.testing import ContractClient, client_for, user_make

from .support import assert_problem, throttle_rates

pytestmark = pytest.mark.django_db

PASSWORD = "s3cret-Passw0rd!"


def assert_throttled(response: Any, *, max_wait: int) -> None:
    assert_problem(response, 429, "throttled")
    retry_after = response["Retry-After"]
    assert retry_after.isdigit(), retry_after
    assert 1 <= int(retry_after) <= max_wait


def test_authenticated_calls_are_throttled_per_user(user: Any) -> None:
    client = client_for(user)
    other = client_for(user_make("other"))
    with throttle_rates(user="3/min"):
        for _ in range(3):
            assert client.send("GET", "/users/me").status_code == 200
        assert_throttled(client.send("GET", "/users/me"), max_wait=60)
        # Another endpoint counts against the same budget.
        assert_throttled(client.send("GET", "/projects"), max_wait=60)
        # Other users have their own budget.
        assert other.send("GET", "/users/me").status_code == 200


def test_a_throttled_write_does_not_happen(user: Any) -> None:
    client = client_for(user)
    with throttle_rates(user="1/min"):
        assert client.send("POST", "/projects", {"name": "One"}).status_code == 201
        assert_throttled(client.send("POST", "/projects", {"name": "Two"}), max_wait=60)
    assert list(user.memberships.values_list("project__name", flat=True)) == ["One"]


def test_token_obtain_is_throttled_under_the_auth_scope(user: Any) -> None:
    body = {"username": "uma", "password": PASSWORD}
    with throttle_rates(auth="2/min"):
        assert ContractClient().send("POST", "/auth/token", body).status_code == 200
        # Failed attempts count too: that is the point of the scope.
        assert_problem(
            ContractClient().send("POST", "/auth/token", {**body, "password": "wrong"}),
            401,
            "invalid_credentials",
        )
        assert_throttled(ContractClient().send("POST", "/auth/token", body), max_wait=60)


def test_token_refresh_is_throttled_under_the_auth_scope(user: Any) -> None:
    refresh = (
        ContractClient()
        .send("POST", "/auth/token", {"username": "uma", "password": PASSWORD})
        .json()["refresh"]
    )
    with throttle_rates(auth="1/min"):
        assert ContractClient().send("POST", "/auth/token/refresh", {"refresh": refresh}).status_code == 200
        assert_throttled(
            ContractClient().send("POST", "/auth/token/refresh", {"refresh": refresh}), max_wait=60
        )


def test_registration_is_throttled_under_the_register_scope() -> None:
    def register(n: int) -> Any:
        body = {"username": f"user{n}", "email": f"user{n}@example.com", "password": "Cobol-Compiler-1959"}
        return ContractClient().send("POST", "/users", body)

    with throttle_rates(register="2/hour"):
        assert register(1).status_code == 201
        assert register(2).status_code == 201
        assert_throttled(register(3), max_wait=3600)
    assert sorted(User.objects.values_list("username", flat=True)) == ["user1", "user2"]


def test_anonymous_calls_are_throttled_per_client(user: Any) -> None:
    body = {"username": "uma", "password": PASSWORD}
    with throttle_rates(anon="2/min"):
        for _ in range(2):
            assert ContractClient().send("POST", "/auth/token", body).status_code == 200
        assert_throttled(ContractClient().send("POST", "/auth/token", body), max_wait=60)
        # A different client address has its own budget.
        other = ContractClient(REMOTE_ADDR="10.0.0.7")
        assert other.send("POST", "/auth/token", body).status_code == 200


def test_missing_credentials_are_reported_before_throttling() -> None:
    """Authentication and permissions come first: an anonymous call to a protected operation is 401."""
    with throttle_rates(anon="1/min"):
        for _ in range(3):
            assert_problem(ContractClient().send("GET", "/projects"), 401, "not_authenticated")
