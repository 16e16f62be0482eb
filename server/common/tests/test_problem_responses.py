"""Every layer a client can reach answers application/problem+json with a `code`, and no error is cacheable:
Django's own answers (an unknown path, a bad Host, its debug pages under `make run`) included."""

from __future__ import annotations

import pytest
from django.test import override_settings

from server.apps.accounts.tests.support import assert_problem
from server.common.testing import ContractClient

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("path", ["/api/v1/no-such-thing", "/api/v1/projects/1/nope", "/nowhere", "/api/v2/"])
def test_an_unknown_path_is_a_problem_404_with_or_without_debug(path: str, debug: bool) -> None:
    with override_settings(DEBUG=debug):
        response = ContractClient().get(path)
    assert_problem(response, 404, "not_found")
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("debug", [False, True])
def test_a_host_the_server_does_not_serve_is_a_problem_400(debug: bool) -> None:
    with override_settings(DEBUG=debug):
        response = ContractClient().get("/api/v1/projects", HTTP_HOST="evil.example.com")
    body = assert_problem(response, 400, "invalid_host")
    assert "Host" in body["detail"]
    assert response["Cache-Control"] == "no-store"


def test_a_malformed_bearer_token_gets_one_plain_sentence() -> None:
    response = ContractClient().get("/api/v1/projects", HTTP_AUTHORIZATION="Bearer not.a.jwt")
    body = assert_problem(response, 401, "authentication_failed")
    detail = body["detail"]
    assert ";" not in detail and "messages" not in detail and "token_class" not in detail, detail
    assert detail.endswith(".")
    assert response["Cache-Control"] == "no-store"


def test_a_view_error_is_not_cacheable_either() -> None:
    response = ContractClient().get("/api/v1/projects")
    assert_problem(response, 401, "not_authenticated")
    assert response["Cache-Control"] == "no-store"


def test_an_undeclared_method_keeps_its_allow_header() -> None:
    response = ContractClient().put("/api/v1/health/live")
    assert_problem(response, 405, "method_not_allowed")
    assert response["Allow"]
    assert response["Cache-Control"] == "no-store"


def test_a_success_is_left_alone() -> None:
    response = ContractClient().get("/api/v1/health/live")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
