"""Response validation guards the contract: `strict` turns a response the contract does not allow into an
error (a 500 problem), `log` logs it and lets it through, `off` does not look. Checked with views that answer
an undeclared status and a wrong field, and with one that answers correctly (so the checks are not simply
refusing everything)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import path
from rest_framework.request import Request
from rest_framework.response import Response

from server.contract.spec import get_contract
from server.contract.validation import ResponseContractViolation
from server.contract.views import ContractAPIView

URL = "/api/v1/auth/token"
CREDENTIALS = {"username": "uma", "password": "s3cret-Passw0rd!"}
TOKENS = {"access": "a.b.c", "refresh": "d.e.f", "token_type": "Bearer", "expires_in": 900}


class _TokenView(ContractAPIView):
    """Serves `auth_token_obtain` (public, with a body) the way each subclass answers. `operations` stays
    empty so the binding never sees these views; the operation is handed over as the binding would."""

    answer: tuple[int, Any] = (200, TOKENS)

    def post(self, request: Request) -> Response:
        status, body = self.answer
        return Response(body, status=status)


class Correct(_TokenView):
    pass


class UndeclaredStatus(_TokenView):
    answer = (418, {"detail": "I am a teapot."})


class WrongField(_TokenView):
    answer = (200, {**TOKENS, "expires_in": "fifteen minutes"})


def _route(view: type[_TokenView]) -> Any:
    operation = get_contract().operations["auth_token_obtain"]
    return view.as_view(contract_operations={"post": operation})


urlpatterns = [
    path(f"correct{URL}", _route(Correct), name="auth_token_obtain"),
    path(f"undeclared{URL}", _route(UndeclaredStatus), name="auth_token_obtain"),
    path(f"wrong{URL}", _route(WrongField), name="auth_token_obtain"),
]
handler500 = "server.common.errors.server_error_handler"

ANSWERS = pytest.mark.parametrize(
    ("prefix", "status", "violation"),
    [("undeclared", 418, "undeclared_status"), ("wrong", 200, "/expires_in")],
)


def _post(prefix: str, *, raise_request_exception: bool = True) -> Any:
    client = Client(raise_request_exception=raise_request_exception)
    return client.post(f"/{prefix}{URL}", CREDENTIALS, content_type="application/json")


@pytest.fixture(autouse=True)
def _these_views() -> Any:
    with override_settings(ROOT_URLCONF=__name__):
        yield


@pytest.mark.parametrize("mode", ["strict", "log", "off"])
def test_a_correct_response_passes_in_every_mode(mode: str, caplog: pytest.LogCaptureFixture) -> None:
    with override_settings(CONTRACT_RESPONSE_VALIDATION=mode), caplog.at_level(logging.ERROR):
        response = _post("correct")
    assert response.status_code == 200 and response.json() == TOKENS
    assert not [r for r in caplog.records if r.name == "server.contract.views"]


@ANSWERS
def test_strict_raises_on_a_response_the_contract_does_not_allow(
    prefix: str, status: int, violation: str
) -> None:
    with (
        override_settings(CONTRACT_RESPONSE_VALIDATION="strict"),
        pytest.raises(ResponseContractViolation) as raised,
    ):
        _post(prefix)
    assert raised.value.operation.operation_id == "auth_token_obtain"
    assert raised.value.status == status
    assert violation in str(raised.value)


@ANSWERS
def test_strict_answers_a_500_problem(prefix: str, status: int, violation: str) -> None:
    with override_settings(CONTRACT_RESPONSE_VALIDATION="strict"):
        response = _post(prefix, raise_request_exception=False)
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "internal_error"


@ANSWERS
def test_log_logs_and_lets_the_response_through(
    prefix: str, status: int, violation: str, caplog: pytest.LogCaptureFixture
) -> None:
    with override_settings(CONTRACT_RESPONSE_VALIDATION="log"), caplog.at_level(logging.ERROR):
        response = _post(prefix)
    assert response.status_code == status
    [record] = [r for r in caplog.records if r.name == "server.contract.views"]
    assert record.levelno == logging.ERROR
    assert "auth_token_obtain" in record.getMessage() and violation in record.getMessage()


@ANSWERS
def test_off_does_not_look(
    prefix: str, status: int, violation: str, caplog: pytest.LogCaptureFixture
) -> None:
    with override_settings(CONTRACT_RESPONSE_VALIDATION="off"), caplog.at_level(logging.ERROR):
        response = _post(prefix)
    assert response.status_code == status
    assert not [r for r in caplog.records if r.name == "server.contract.views"]


@ANSWERS
def test_an_unknown_mode_is_strict(prefix: str, status: int, violation: str) -> None:
    """Start-up refuses an unknown mode (server.contract.checks); were one to get through, it fails closed."""
    with override_settings(CONTRACT_RESPONSE_VALIDATION="LOG"), pytest.raises(ResponseContractViolation):
        _post(prefix)


@pytest.mark.parametrize("mode", ["on", "ON", "true"])
def test_request_validation_is_off_only_when_off(mode: str) -> None:
    with override_settings(CONTRACT_REQUEST_VALIDATION=mode):
        response = Client().post(f"/correct{URL}", {"username": 7}, content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] == "validation_error"
    with override_settings(CONTRACT_REQUEST_VALIDATION="off"):
        response = Client().post(f"/correct{URL}", {"username": 7}, content_type="application/json")
    assert response.status_code == 200
