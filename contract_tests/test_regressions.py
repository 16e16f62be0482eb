"""What the fuzzing, the drift check and the examples check found, pinned as plain tests (in-process)."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.db import OperationalError

from server.common.testing import ContractClient, client_for, user_make

# In-process only (they change settings or patch the server): `make contract-live` does not collect them.
pytestmark = [pytest.mark.contract, pytest.mark.django_db]

PROBLEM = "application/problem+json"


def _problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["code"] == code, body
    return body


def test_an_undeclared_method_is_405_with_allow_even_without_credentials(anon: ContractClient) -> None:
    # Was 401: DRF authenticated before it looked for a handler (unsupported_method, on TRACE).
    response = anon.generic("TRACE", "/api/v1/projects")
    _problem(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET, POST"


def test_a_public_operation_answers_405_to_an_undeclared_method(anon: ContractClient) -> None:
    response = anon.generic("TRACE", "/api/v1/auth/token")
    _problem(response, 405, "method_not_allowed")
    assert response["Allow"] == "POST"


@pytest.mark.parametrize("query", ["cursor=", "search="])
def test_an_empty_cursor_or_search_is_a_validation_error(client: ContractClient, query: str) -> None:
    # The contract said any string, the server refused "" (positive_data_acceptance): now minLength 1.
    body = _problem(client.send("GET", f"/projects?{query}"), 400, "validation_error")
    assert body["errors"][0]["field"] == query.rstrip("=")


@pytest.mark.parametrize(
    "method, path, body, pointer",
    [
        ("POST", "/api-keys", {"name": "a\x00b"}, "/name"),
        ("POST", "/projects", {"name": "x", "description": "\x00"}, "/description"),
        ("POST", "/auth/token", {"username": "a\x00", "password": "x"}, "/username"),
    ],
)
def test_nul_in_a_string_is_a_validation_error_not_a_database_error(
    client: ContractClient, method: str, path: str, body: dict[str, Any], pointer: str
) -> None:
    # PostgreSQL text cannot hold NUL: the live run got a 500 on POST /api-keys.
    problem = _problem(client.send(method, path, body), 400, "validation_error")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [(pointer, "pattern")]


def test_nul_in_search_is_a_validation_error(client: ContractClient) -> None:
    _problem(client.send("GET", "/projects?search=%00"), 400, "validation_error")


@pytest.mark.parametrize("email", ["i&n}@nn.jk.com*", "a b@example.com"])
def test_an_email_that_is_not_one_is_refused(client: ContractClient, email: str) -> None:
    # Was stored (the format check only looked for "@"), and every response with it broke the contract.
    problem = _problem(client.send("PATCH", "/users/me", {"email": email}), 400, "validation_error")
    assert problem["errors"][0]["pointer"] == "/email"
    register = {"username": "someone", "email": email, "password": "Long-enough-1"}
    _problem(client.send("POST", "/users", register), 400, "validation_error")


def test_an_account_without_an_email_can_read_itself(db: Any) -> None:
    # createsuperuser allows a blank email; the contract's User.email did not (the drift check found it).
    user = user_make("noemail")
    user.email = ""
    user.save()
    response = client_for(user).send("GET", "/users/me")
    assert response.status_code == 200
    assert response.json()["email"] == ""


def test_a_problem_without_details_has_no_empty_errors_list(client: ContractClient) -> None:
    response = client.post("/api/v1/projects", data="name=x", content_type="text/plain")
    assert "errors" not in _problem(response, 415, "unsupported_media_type")


def test_an_unreachable_database_is_503(client: ContractClient) -> None:
    # The contract promised 503 service_unavailable; the exception handler answered 500.
    with mock.patch(
        "server.apps.projects.views.selectors.project_list",
        side_effect=OperationalError("connection refused"),
    ):
        _problem(client.send("GET", "/projects"), 503, "service_unavailable")


@pytest.fixture
def anon() -> ContractClient:
    return client_for(None)


@pytest.fixture
def client(db: Any) -> ContractClient:
    return client_for(user_make("uma"))
