"""Request bodies on every operation that takes one: read-only and unknown fields are rejected (the contract's
schemas are closed) and never written; non-JSON bodies are 415, broken JSON is 400 malformed_json."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from server.apps.accounts.tests.support import assert_problem
from server.common.testing import API
from server.contract.spec import get_contract

from .operations import PROJECT_OPS, Scene, database_state

pytestmark = pytest.mark.django_db

# operation_id -> (caller, method, path, a valid body)
_OTHER_BODY_OPS: dict[str, tuple[str, str, str, dict[str, Any]]] = {
    "auth_token_obtain": ("anonymous", "POST", "/auth/token", {"username": "olivia", "password": "x"}),
    "auth_token_refresh": ("anonymous", "POST", "/auth/token/refresh", {"refresh": "x"}),
    "api_keys_create": ("owner", "POST", "/api-keys", {"name": "CI"}),
    "users_register": (
        "anonymous",
        "POST",
        "/users",
        {"username": "grace", "email": "grace@example.com", "password": "Cobol-Compiler-1959"},
    ),
    "users_me_update": ("owner", "PATCH", "/users/me", {"full_name": "Olivia O."}),
    "projects_create": ("owner", "POST", "/projects", {"name": "Gemini"}),
}


def _body_operations(scene: Scene) -> dict[str, tuple[str, str, str, dict[str, Any]]]:
    ops = dict(_OTHER_BODY_OPS)
    for op in PROJECT_OPS:
        if op.body is not None:
            caller = "maintainer" if op.operation_id == "comments_update" else "owner"
            ops[op.operation_id] = (caller, op.method, op.url(scene), op.payload(scene))
    return ops


_BODY_OPERATION_IDS = sorted([*_OTHER_BODY_OPS, *(op.operation_id for op in PROJECT_OPS if op.body)])


def test_every_operation_with_a_body_is_covered() -> None:
    with_body = {oid for oid, operation in get_contract().operations.items() if operation.has_request_body}
    assert set(_BODY_OPERATION_IDS) == with_body


# (operation, field, value): fields the server sets itself, or that exist only in responses.
READ_ONLY_FIELDS = [
    ("projects_create", "id", 99),
    ("projects_create", "role", "viewer"),
    ("projects_create", "created_at", "2020-01-01T00:00:00Z"),
    ("projects_replace", "id", 99),
    ("projects_replace", "role", "owner"),
    ("projects_update", "updated_at", "2020-01-01T00:00:00Z"),
    ("projects_update", "role", "owner"),
    ("project_members_add", "joined_at", "2020-01-01T00:00:00Z"),
    ("project_members_add", "user", {"id": 1}),
    ("project_members_update", "user_id", 1),
    ("tasks_create", "id", 99),
    ("tasks_create", "created_by_id", 1),
    ("tasks_create", "project_id", 1),
    ("tasks_update", "created_by_id", 1),
    ("tasks_update", "project_id", 1),
    ("tasks_update", "created_at", "2020-01-01T00:00:00Z"),
    ("comments_create", "author", {"id": 1}),
    ("comments_create", "task_id", 1),
    ("comments_update", "author_id", 1),
    ("comments_update", "task_id", 1),
    ("users_register", "is_staff", True),
    ("users_register", "id", 99),
    ("users_register", "date_joined", "2020-01-01T00:00:00Z"),
    ("users_me_update", "is_staff", True),
    ("users_me_update", "username", "someone"),
    ("users_me_update", "password", "Another-Passw0rd!"),
    ("api_keys_create", "prefix", "AAAAAAAA"),
    ("api_keys_create", "secret", "pm_AAAAAAAA_xyz"),
    ("api_keys_create", "last_used_at", "2020-01-01T00:00:00Z"),
    ("auth_token_obtain", "token_type", "Bearer"),
    ("auth_token_refresh", "access", "x"),
]


@pytest.mark.parametrize("operation_id, field, value", READ_ONLY_FIELDS)
def test_read_only_and_unknown_fields_are_rejected_and_not_written(
    scene: Scene, operation_id: str, field: str, value: Any
) -> None:
    caller, method, path, body = _body_operations(scene)[operation_id]
    before = database_state()

    response = scene.world.client(caller).send(method, path, {**body, field: value})

    problem = assert_problem(response, 400, "validation_error")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [(f"/{field}", "additionalProperties")]
    assert repr(field) in problem["errors"][0]["message"]
    assert database_state() == before


@pytest.mark.parametrize("operation_id", _BODY_OPERATION_IDS)
def test_a_body_that_is_not_json_is_415(scene: Scene, operation_id: str) -> None:
    caller, method, path, _body = _body_operations(scene)[operation_id]
    before = database_state()
    client = scene.world.client(caller)

    response = client.generic(method, API + path, "name=x", content_type="text/plain")

    assert_problem(response, 415, "unsupported_media_type")
    assert database_state() == before


@pytest.mark.parametrize("operation_id", _BODY_OPERATION_IDS)
def test_broken_json_is_400_malformed_json(scene: Scene, operation_id: str) -> None:
    caller, method, path, _body = _body_operations(scene)[operation_id]
    before = database_state()

    response = scene.world.client(caller).generic(
        method, API + path, '{"name": ', content_type="application/json"
    )

    assert_problem(response, 400, "malformed_json")
    assert database_state() == before


@pytest.mark.parametrize("operation_id", _BODY_OPERATION_IDS)
def test_a_missing_body_is_400(scene: Scene, operation_id: str) -> None:
    caller, method, path, _body = _body_operations(scene)[operation_id]

    response = scene.world.client(caller).generic(method, API + path, "", content_type="application/json")

    problem = assert_problem(response, 400, "validation_error")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("", "required")]


@pytest.mark.parametrize("operation_id", _BODY_OPERATION_IDS)
def test_a_body_that_is_not_an_object_is_400(scene: Scene, operation_id: str) -> None:
    caller, method, path, _body = _body_operations(scene)[operation_id]

    response = scene.world.client(caller).send(method, path, ["not", "an", "object"])

    problem = assert_problem(response, 400, "validation_error")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("", "type")]


@pytest.mark.parametrize("operation_id", _BODY_OPERATION_IDS)
def test_an_oversized_body_is_413(scene: Scene, operation_id: str) -> None:
    caller, method, path, body = _body_operations(scene)[operation_id]
    before = database_state()
    padded = {**body, "padding": "x" * 200}  # never parsed: the size check comes first

    with override_settings(REQUEST_MAX_BODY_BYTES=128):
        response = scene.world.client(caller).send(method, path, padded)

    assert_problem(response, 413, "payload_too_large")
    assert database_state() == before
