"""Content negotiation follows the contract, on every operation.

Generated clients send the `Accept` values an operation declares (openapi-generator sends
`application/problem+json` alone for a DELETE whose only body is an error); Schemathesis never varies
`Accept`, so the conformance suite cannot see this. Rules (server/contract/negotiation.py): any media type the
operation declares in any response is acceptable; a success without a body ignores `Accept`; anything else is
the contract's 406, before the handler runs, with nothing changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from server.apps.accounts.tests.support import assert_problem
from server.common.testing import ContractClient, client_for, user_make
from server.contract.spec import get_contract

from .operations import PROJECT_OPS, Scene, database_state

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


@dataclass(frozen=True)
class Call:
    operation_id: str
    method: str
    path: str
    body: Any
    status: int
    caller: str  # "owner", "admin", "anonymous"


def _account_calls(scene: Scene) -> list[Call]:
    from server.apps.accounts.services import api_key_create

    owner = scene.world.owner
    key, _ = api_key_create(user=owner, name="CI")
    login = {"username": owner.username, "password": "s3cret-Passw0rd!"}
    refresh = client_for(None).send("POST", "/auth/token", login).json()["refresh"]
    invited = scene.invitation_to_owner.pk
    registration = {"username": "zoe", "email": "zoe@example.com", "password": "Cobol-Compiler-1959"}
    return [
        Call("auth_token_obtain", "POST", "/auth/token", login, 200, "anonymous"),
        Call("auth_token_refresh", "POST", "/auth/token/refresh", {"refresh": refresh}, 200, "anonymous"),
        Call("api_keys_list", "GET", "/api-keys", None, 200, "owner"),
        Call("api_keys_create", "POST", "/api-keys", {"name": "Deploy"}, 201, "owner"),
        Call("api_keys_revoke", "DELETE", f"/api-keys/{key.pk}", None, 204, "owner"),
        Call("users_list", "GET", "/users", None, 200, "admin"),
        Call("users_register", "POST", "/users", registration, 201, "anonymous"),
        Call("users_me_retrieve", "GET", "/users/me", None, 200, "owner"),
        Call("users_me_update", "PATCH", "/users/me", {"full_name": "Olivia O."}, 200, "owner"),
        Call("invitations_list_mine", "GET", "/users/me/invitations", None, 200, "owner"),
        Call(
            "invitations_accept",
            "POST",
            f"/users/me/invitations/{invited}/accept",
            None,
            201,
            "owner",
        ),
        Call(
            "invitations_decline",
            "POST",
            f"/users/me/invitations/{invited}/decline",
            None,
            204,
            "owner",
        ),
        Call("projects_list", "GET", "/projects", None, 200, "owner"),
        Call("projects_create", "POST", "/projects", {"name": "Gemini"}, 201, "owner"),
        Call("health_live", "GET", "/health/live", None, 200, "anonymous"),
        Call("health_ready", "GET", "/health/ready", None, 200, "anonymous"),
    ]


def _calls(scene: Scene) -> list[Call]:
    project_calls = []
    for op in PROJECT_OPS:
        caller = next(role for role in ("owner", "maintainer") if op.expected[role] < 300)
        project_calls.append(
            Call(op.operation_id, op.method, op.url(scene), op.payload(scene), op.expected[caller], caller)
        )
    return project_calls + _account_calls(scene)


def _call(scene: Scene, operation_id: str) -> Call:
    return next(call for call in _calls(scene) if call.operation_id == operation_id)


def _send(scene: Scene, call: Call, accept: str | None) -> Any:
    client: ContractClient = scene.world.client(call.caller)
    extra = {} if accept is None else {"HTTP_ACCEPT": accept}
    operation = get_contract().operations[call.operation_id]
    path = call.path if operation.base_path is None else operation.base_path + call.path
    return client.send(call.method, path, call.body, **extra)


OPERATIONS = sorted(get_contract().operations)


def test_every_operation_is_covered(scene: Scene) -> None:
    assert {call.operation_id for call in _calls(scene)} == set(OPERATIONS)


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
