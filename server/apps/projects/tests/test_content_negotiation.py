"""Content negotiation follows the contract, on every operation.

Generated clients send the `Accept` values an operation declares (openapi-generator sends
`application/problem+json` alone for a DELETE whose only body is an error); Schemathesis never varies
`Accept`, so the conformance suite cannot see this. Rules (server/contract/negotiation.py): any media type the
operation declares in any response is acceptable; a success without a body ignores `Accept`; anything else is
the contract's 406, before the handler runs, with nothing changed.
"""

from __future__ import annotations

from typing import Any

import pytest

from server.apps.accounts.tests.support import assert_problem
from server.common.testing import ContractClient, client_for, user_make
from server.contract.spec import get_contract

from .operations import Call, Scene, calls_for_every_operation, database_state

pytestmark = pytest.mark.django_db

ACCEPTABLE = (
    None,
    "",
    "application/json",
    "application/problem+json",
    "application/json, application/problem+json",
    "*/*",
    "application/*",
    "text/html, application/json;q=0.1",
    "APPLICATION/JSON",
)
UNACCEPTABLE = ("application/xml", "text/html", "text/plain, image/*", "application/json;q=0")


def _call(scene: Scene, operation_id: str) -> Call:
    return next(call for call in calls_for_every_operation(scene) if call.operation_id == operation_id)


def _send(scene: Scene, call: Call, accept: str | None) -> Any:
    client: ContractClient = scene.world.client(call.caller)
    extra = {} if accept is None else {"HTTP_ACCEPT": accept}
    operation = get_contract().operations[call.operation_id]
    path = call.path if operation.base_path is None else operation.base_path + call.path
    return client.send(call.method, path, call.body, **extra)


OPERATIONS = sorted(get_contract().operations)


def test_every_operation_is_covered(scene: Scene) -> None:
    assert {call.operation_id for call in calls_for_every_operation(scene)} == set(OPERATIONS)


@pytest.mark.parametrize("accept", ACCEPTABLE)
@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_an_accept_naming_a_declared_media_type_gets_the_success(
    scene: Scene, operation_id: str, accept: str | None
) -> None:
    call = _call(scene, operation_id)
    response = _send(scene, call, accept)
    assert response.status_code == call.status, response.content
    if response.content:
        assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("accept", UNACCEPTABLE)
@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_any_other_accept_is_the_declared_406_and_changes_nothing(
    scene: Scene, operation_id: str, accept: str
) -> None:
    operation = get_contract().operations[operation_id]
    call = _call(scene, operation_id)
    before = database_state()
    response = _send(scene, call, accept)
    if not operation.success_has_body:
        # A 204 has nothing to negotiate: the delete goes ahead whatever the client reads.
        assert response.status_code == call.status, response.content
        return
    assert "406" in operation.responses, f"{operation_id} answers 406 without declaring it"
    body = assert_problem(response, 406, "not_acceptable")
    assert accept[:20] in body["detail"]
    assert response["Cache-Control"] == "no-store"
    assert database_state() == before


DELETES = sorted(o.operation_id for o in get_contract().operations.values() if o.method == "delete")


def test_the_seven_deletes_declare_no_success_body() -> None:
    assert len(DELETES) == 7
    assert not any(get_contract().operations[op].success_has_body for op in DELETES)


@pytest.mark.parametrize("operation_id", DELETES)
def test_a_delete_goes_ahead_under_the_accept_openapi_generator_sends(
    scene: Scene, operation_id: str
) -> None:
    before = database_state()
    response = _send(scene, _call(scene, operation_id), "application/problem+json")
    assert response.status_code == 204, response.content
    assert database_state() != before


def test_an_error_is_problem_json_whatever_accept_says(scene: Scene) -> None:
    outsider = user_make("oscar")
    response = client_for(outsider).send(
        "GET", f"/projects/{scene.world.project.pk}", HTTP_ACCEPT="application/problem+json"
    )
    assert_problem(response, 404, "not_found")
