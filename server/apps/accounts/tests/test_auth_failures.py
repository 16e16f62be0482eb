"""Failed authentication is throttled (issue 15, point 5): bad API keys, access and refresh tokens per client
address, wrong passwords per account. Past the budget: 429 `throttled` with Retry-After and RateLimit-*."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework_simplejwt.tokens import AccessToken

from server.apps.accounts.services import api_key_create
from server.common.testing import ContractClient, client_for, user_make

from .support import assert_problem, throttle_rates

pytestmark = pytest.mark.django_db

PASSWORD = "s3cret-Passw0rd!"


def assert_throttled(response: Any, *, limit: int, max_wait: int) -> None:
    assert_problem(response, 429, "throttled")
    retry_after = int(response["Retry-After"])
    assert 1 <= retry_after <= max_wait
    assert (int(response["RateLimit-Limit"]), int(response["RateLimit-Remaining"])) == (limit, 0)
    assert int(response["RateLimit-Reset"]) == retry_after


def _with_key(key: str, address: str = "127.0.0.1") -> ContractClient:
    client = ContractClient(REMOTE_ADDR=address)
    client.credentials(HTTP_X_API_KEY=key)
    return client


def _with_token(token: str, address: str = "127.0.0.1") -> ContractClient:
    client = ContractClient(REMOTE_ADDR=address)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def test_bad_api_keys_are_throttled_per_address(user: Any) -> None:
    _, secret = api_key_create(user=user, name="ci", expires_at=None)
    with throttle_rates(auth_failures="5/min"):
        for n in range(5):
            assert_problem(
                _with_key(f"pm_guess{n:03d}_wrong").send("GET", "/projects"), 401, "authentication_failed"
            )
        for n in range(5, 20):
            assert_throttled(
                _with_key(f"pm_guess{n:03d}_wrong").send("GET", "/projects"), limit=5, max_wait=60
            )
        # Another address has its own budget.
        assert_problem(
            _with_key("pm_other_wrong", "10.0.0.9").send("GET", "/projects"), 401, "authentication_failed"
        )
        # A valid key is never refused for someone else's failures at the same address.
        assert _with_key(secret).send("GET", "/projects").status_code == 200


@pytest.mark.parametrize(
    "token",
    [
        "not-a-jwt",
        "eyJhbGciOiJub25lIn0.eyJ1c2VyX2lkIjoxfQ.",  # alg: none
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoxfQ.forged",
    ],
)
def test_bad_access_tokens_are_throttled_per_address(user: Any, token: str) -> None:
    with throttle_rates(auth_failures="3/min"):
        for _ in range(3):
            assert_problem(_with_token(token).send("GET", "/users/me"), 401, "authentication_failed")
        assert_throttled(_with_token(token).send("GET", "/users/me"), limit=3, max_wait=60)
        # Failures of any kind share the address's budget: a bad API key now is 429 too.
        assert_throttled(_with_key("pm_abc_wrong").send("GET", "/users/me"), limit=3, max_wait=60)
        assert _with_token(str(AccessToken.for_user(user))).send("GET", "/users/me").status_code == 200


def test_bad_refresh_tokens_count_against_the_address(user: Any) -> None:
    with throttle_rates(auth_failures="2/min"):
        for _ in range(2):
            response = ContractClient().send("POST", "/auth/token/refresh", {"refresh": "not-a-token"})
            assert_problem(response, 401, "token_not_valid")
        response = ContractClient().send("POST", "/auth/token/refresh", {"refresh": "not-a-token"})
        assert_throttled(response, limit=2, max_wait=60)


def _login(username: str, password: str, address: str = "127.0.0.1") -> Any:
    return ContractClient(REMOTE_ADDR=address).send(
        "POST", "/auth/token", {"username": username, "password": password}
    )


def test_wrong_passwords_are_throttled_per_account_across_addresses(user: Any) -> None:
    user_make("other")
    with throttle_rates(password_failures="3/hour"):
        for n in range(3):
            assert_problem(_login("uma", f"guess-{n}", f"10.0.1.{n}"), 401, "invalid_credentials")
        # The account's budget is spent: refused before the password is checked, the right one included,
        # from any address, under any spelling of the name.
        assert_throttled(_login("uma", "guess-3", "10.0.2.1"), limit=3, max_wait=3600)
        assert_throttled(_login("uma", PASSWORD, "10.0.2.2"), limit=3, max_wait=3600)
        assert_throttled(_login("UMA", PASSWORD, "10.0.2.3"), limit=3, max_wait=3600)
        # Other accounts are not affected.
        assert _login("other", PASSWORD, "10.0.2.4").status_code == 200


def test_successful_logins_do_not_spend_the_budget(user: Any) -> None:
    with throttle_rates(password_failures="2/hour"):
        for _ in range(5):
            assert _login("uma", PASSWORD).status_code == 200


def test_valid_credentials_cost_no_failure_budget(user: Any) -> None:
    with throttle_rates(auth_failures="1/min"):
        for _ in range(5):
            assert client_for(user).send("GET", "/users/me").status_code == 200
        assert_problem(_with_token("not-a-jwt").send("GET", "/users/me"), 401, "authentication_failed")
