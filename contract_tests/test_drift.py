"""The drift check (contract_tests/drift.py): no drift today, and the check is not blind - it normalises
spelling and reports every kind of real difference."""

from __future__ import annotations

import copy
import functools
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
