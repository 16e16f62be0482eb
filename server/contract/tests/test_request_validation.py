"""Requests that break the contract are refused before any view code runs, as problem+json."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from server.common.testing import ContractClient

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def assert_problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"].endswith(code.replace("_", "-"))
    assert body["instance"] == response.wsgi_request.path
    assert body["title"]
    return body


def test_wrong_type_in_body_points_at_the_field(client: ContractClient) -> None:
    body = assert_problem(client.send("POST", "/projects", {"name": 5}), 400, "validation_error")
    assert body["errors"][0]["pointer"] == "/name"
    assert body["errors"][0]["code"] == "type"


def test_missing_required_property_points_at_it(client: ContractClient) -> None:
    body = assert_problem(client.send("POST", "/projects", {"description": "x"}), 400, "validation_error")
    assert [(e["pointer"], e["code"]) for e in body["errors"]] == [("/name", "required")]


def test_unknown_property_is_rejected_not_ignored(client: ContractClient) -> None:
    body = assert_problem(
        client.send("POST", "/projects", {"name": "A", "role": "owner"}), 400, "validation_error"
    )
    assert [(e["pointer"], e["code"]) for e in body["errors"]] == [("/role", "additionalProperties")]
    assert "role" in body["errors"][0]["message"]


def test_several_violations_are_all_reported(client: ContractClient) -> None:
    response = client.send("POST", "/projects", {"name": "", "description": 7})
    body = assert_problem(response, 400, "validation_error")
    assert sorted(e["pointer"] for e in body["errors"]) == ["/description", "/name"]


@pytest.mark.parametrize(
    "query, field",
    [
        ("page_size=0", "page_size"),
        ("page_size=101", "page_size"),
        ("page_size=x", "page_size"),
        ("ordering=password", "ordering"),
    ],
)
def test_invalid_query_parameters_name_the_parameter(client: ContractClient, query: str, field: str) -> None:
    body = assert_problem(client.send("GET", f"/projects?{query}"), 400, "validation_error")
    assert [e["field"] for e in body["errors"]] == [field]


def test_non_integer_path_parameter_is_a_400_not_a_404(client: ContractClient) -> None:
    body = assert_problem(client.send("GET", "/projects/abc"), 400, "validation_error")
    assert body["errors"][0]["field"] == "project_id"


def test_wrong_media_type_is_415(client: ContractClient) -> None:
    response = client.post("/api/v1/projects", data="name=A", content_type="text/plain")
    assert_problem(response, 415, "unsupported_media_type")


def test_malformed_json_is_400(client: ContractClient) -> None:
    response = client.post("/api/v1/projects", data='{"name": ', content_type="application/json")
    assert_problem(response, 400, "malformed_json")


def test_missing_body_is_400(client: ContractClient) -> None:
    response = client.post("/api/v1/projects", content_type="application/json")
    body = assert_problem(response, 400, "validation_error")
    assert body["errors"][0]["code"] == "required"


def test_undeclared_method_is_405_with_allow(client: ContractClient) -> None:
    response = client.delete("/api/v1/projects")
    assert_problem(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET, POST"


@pytest.mark.parametrize("method", ["head", "options"])
def test_head_and_options_are_not_part_of_the_contract(client: ContractClient, method: str) -> None:
    response = getattr(client, method)("/api/v1/projects")
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"


def test_unknown_path_is_a_problem_404(client: ContractClient) -> None:
    assert_problem(client.get("/api/v1/nothing-here"), 404, "not_found")


def test_missing_credentials_is_401_with_challenge(anon: ContractClient) -> None:
    response = anon.send("GET", "/projects")
    assert_problem(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_garbage_token_is_401(anon: ContractClient) -> None:
    anon.credentials(HTTP_AUTHORIZATION="Bearer not-a-jwt")
    assert_problem(anon.send("GET", "/projects"), 401, "authentication_failed")


@override_settings(REQUEST_MAX_BODY_BYTES=64)
def test_oversized_body_is_413_before_it_is_read(user: Any) -> None:
    from django.test import Client
    from rest_framework_simplejwt.tokens import AccessToken

    raw = Client(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    response = raw.post(
        "/api/v1/projects", data='{"name": "' + "x" * 100 + '"}', content_type="application/json"
    )
    assert response.status_code == 413
    assert response["Content-Type"] == PROBLEM
    assert response.json()["code"] == "payload_too_large"
