"""The drift check (contract_tests/drift.py): no drift today, and the check is not blind - it normalises
spelling and reports every kind of real difference."""

from __future__ import annotations

import copy
import dataclasses
import functools
import importlib
from typing import Any

import pytest

from .drift import Canonical, compare, contract_document, generated_document

pytestmark = pytest.mark.contract


@functools.cache
def _documents() -> tuple[dict[str, Any], dict[str, Any]]:
    return contract_document(), generated_document()


def test_the_code_and_the_contract_agree() -> None:
    contract, generated = _documents()
    problems, counts = compare(contract, generated)
    assert not problems, "drift (run `make drift`):\n  " + "\n  ".join(problems)
    declared = sum(
        1
        for item in contract["paths"].values()
        for key in item
        if key in ("get", "put", "post", "delete", "patch")
    )
    assert counts["operations"] == declared


def _differences_after(change: Any) -> list[str]:
    contract, generated = _documents()
    contract = copy.deepcopy(contract)
    change(contract)
    return compare(contract, generated)[0]


def _schema(document: dict[str, Any], name: str) -> dict[str, Any]:
    schema: dict[str, Any] = document["components"]["schemas"][name]
    return schema


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda d: _schema(d, "Task")["properties"]["title"].update(maxLength=100), "title/maxLength"),
        (lambda d: _schema(d, "Task")["required"].remove("due_date"), "/required"),
        (lambda d: _schema(d, "TaskStatus")["enum"].append("blocked"), "status/enum"),
        (lambda d: _schema(d, "TaskCreate")["properties"]["priority"].update(default="high"), "default"),
        (lambda d: _schema(d, "Task")["properties"]["due_date"].update(type="string"), "due_date/type"),
        (lambda d: _schema(d, "ProjectCreate").pop("additionalProperties"), "additionalProperties"),
        (lambda d: d["paths"]["/projects/{project_id}"]["get"]["responses"].pop("404"), "responses/404"),
        (lambda d: d["paths"]["/projects"]["get"]["parameters"].pop(), "query:ordering"),
        (lambda d: d["paths"]["/users/me"]["get"].update(security=[]), "security"),
        (lambda d: d["paths"]["/auth/token"]["post"].update(operationId="login"), "operationId"),
        (lambda d: d["paths"].pop("/users/me"), "served by a view, not in the contract"),
        (lambda d: d["components"]["headers"]["Location"].update(required=False), "location/required"),
    ],
)
def test_a_real_difference_is_reported(change: Any, expected: str) -> None:
    differences = _differences_after(change)
    assert any(expected in line for line in differences), differences


def test_nullability_is_compared_across_openapi_versions() -> None:
    spelled_30 = {"type": "string", "format": "date", "nullable": True, "description": "3.0"}
    spelled_31 = {"type": ["string", "null"], "format": "date"}
    as_union = {"oneOf": [{"type": "string", "format": "date"}, {"type": "null"}]}
    canonical = Canonical({})
    assert canonical.schema(spelled_30) == canonical.schema(spelled_31) == canonical.schema(as_union)
    assert canonical.schema({"type": "string", "format": "date"}) != canonical.schema(spelled_31)


def test_refs_and_all_of_are_resolved_and_merged() -> None:
    document = {
        "components": {
            "schemas": {
                "Status": {"type": "string", "enum": ["todo", "done"]},
                "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}},
            }
        }
    }
    canonical = Canonical(document)
    with_ref = {"allOf": [{"$ref": "#/components/schemas/Status"}], "default": "todo"}
    assert canonical.schema(with_ref) == {"type": ["string"], "enum": ["done", "todo"], "default": "todo"}
    extended = {
        "allOf": [
            {"$ref": "#/components/schemas/Base"},
            {"type": "object", "required": ["secret"], "properties": {"secret": {"type": "string"}}},
        ]
    }
    flat = {
        "type": "object",
        "required": ["secret", "id"],
        "properties": {"id": {"type": "integer"}, "secret": {"type": "string"}},
    }
    assert canonical.schema(extended) == canonical.schema(flat)


# --- the code drifts: the same check, with the code changed and the contract as it is ---------------------


@pytest.fixture
def code_differences() -> Any:
    """The differences once the test has changed the code (monkeypatch undoes the change afterwards)."""

    def differences() -> list[str]:
        return compare(_documents()[0], generated_document())[0]

    return differences


@pytest.fixture
def task_schema(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Reload server.apps.tasks.schema after the test has patched what it derives from, and again after
    monkeypatch has undone the patch, so that later tests see the real code."""
    from server.apps.tasks import schema

    yield lambda: importlib.reload(schema)
    monkeypatch.undo()
    importlib.reload(schema)


def test_a_key_a_presenter_adds_is_drift(
    monkeypatch: pytest.MonkeyPatch, task_schema: Any, code_differences: Any
) -> None:
    from server.apps.tasks import presenters

    present_task = presenters.present_task
    monkeypatch.setattr(presenters, "present_task", lambda task: {**present_task(task), "archived": False})
    task_schema()
    differences = code_differences()
    assert any(
        line.endswith("properties/archived: the code has {}, the contract has nothing")
        for line in differences
    ), differences
    assert any(
        "(tasks_retrieve)/responses/200/content/application/json/required" in line for line in differences
    )


def test_a_key_a_presenter_drops_is_drift(
    monkeypatch: pytest.MonkeyPatch, task_schema: Any, code_differences: Any
) -> None:
    from server.apps.tasks import presenters

    present_task = presenters.present_task
    monkeypatch.setattr(
        presenters,
        "present_task",
        lambda task: {k: v for k, v in present_task(task).items() if k != "due_date"},
    )
    task_schema()
    differences = code_differences()
    assert any(
        "properties/due_date: the contract has" in line and "the code has nothing" in line
        for line in differences
    ), differences


def test_a_model_field_s_max_length_is_drift(monkeypatch: pytest.MonkeyPatch, code_differences: Any) -> None:
    from server.apps.tasks.models import Task

    monkeypatch.setattr(Task._meta.get_field("title"), "max_length", 100)
    differences = code_differences()
    for operation in ("tasks_create", "tasks_retrieve"):
        assert any(
            f"({operation})/" in line
            and line.endswith("title/maxLength: the contract has 200, the code has 100")
            for line in differences
        ), differences


def test_a_model_field_s_choices_are_drift(monkeypatch: pytest.MonkeyPatch, code_differences: Any) -> None:
    from server.apps.tasks.models import Task

    field: Any = Task._meta.get_field("priority")
    monkeypatch.setattr(field, "choices", [*field.choices, ("critical", "Critical")])
    differences = code_differences()
    assert any(
        "(tasks_create)/" in line and "priority/enum" in line and "critical" in line for line in differences
    ), differences


def test_a_route_no_view_serves_is_drift(monkeypatch: pytest.MonkeyPatch, code_differences: Any) -> None:
    from server.apps.accounts.views import UserMeView

    monkeypatch.delattr(UserMeView, "patch")
    assert "PATCH /api/v1/users/me: in the contract, not served by any view" in code_differences()


def test_a_view_s_permission_is_drift(monkeypatch: pytest.MonkeyPatch, code_differences: Any) -> None:
    from rest_framework.permissions import AllowAny

    from server.apps.accounts.views import UserMeView

    monkeypatch.setattr(UserMeView, "permission_classes", [AllowAny])
    differences = code_differences()
    assert any(
        line.startswith("GET /api/v1/users/me (users_me_retrieve)/security:") for line in differences
    ), differences


def test_an_error_a_handler_raises_is_drift(monkeypatch: pytest.MonkeyPatch, code_differences: Any) -> None:
    from server.apps.tasks import schema

    doc = schema.OPERATIONS["tasks_delete"]
    monkeypatch.setitem(schema.OPERATIONS, "tasks_delete", dataclasses.replace(doc, errors=(403, 404)))
    differences = code_differences()
    assert any("(tasks_delete)/responses/412: the contract has" in line for line in differences), differences
    assert any("(tasks_delete)/parameters/header:If-Match: the contract has" in line for line in differences)
