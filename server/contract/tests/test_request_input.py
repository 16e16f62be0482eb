"""What validation hands the handler: path ids as ints, every query parameter cast or defaulted, the parsed
body, the same whichever engine validated the request and with validation off (issue 17.2)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import RequestFactory
from django.urls import resolve

from server.contract.spec import get_contract
from server.contract.validation import ValidationEngine
from server.contract.validation.compiled_engine import CompiledEngine
from server.contract.validation.openapi_core_engine import OpenAPICoreEngine
from server.contract.validation.request_input import ValidatedRequest, typed_input

CONTRACT = get_contract()
ENGINES: dict[str, ValidationEngine] = {
    "compiled": CompiledEngine(CONTRACT),
    "openapi-core": OpenAPICoreEngine(CONTRACT),
}
TASKS = CONTRACT.base_path + "/projects/7/tasks"


def _request(method: str, url: str, query: str = "", body: Any = None) -> Any:
    factory = RequestFactory(HTTP_AUTHORIZATION="Bearer token")
    data = b"" if body is None else json.dumps(body).encode()
    request = factory.generic(method, f"{url}?{query}", data, content_type="application/json")
    request.resolver_match = resolve(url)
    return request


def _each_way(operation_id: str, request: Any, body: Any) -> list[ValidatedRequest]:
    operation = CONTRACT.operations[operation_id]
    validated = [engine.validate_request(operation, request) for engine in ENGINES.values()]
    return [*validated, typed_input(operation, request, body)]  # validation off: the view parsed the body


def test_a_list_gets_typed_parameters_and_the_contract_s_defaults() -> None:
    request = _request("GET", TASKS, "page_size=5&status=todo")
    inputs = _each_way("tasks_list", request, None)
    assert inputs[0] == inputs[1] == inputs[2]
    validated = inputs[0]
    assert validated.path == {"project_id": 7}
    assert validated.query["page_size"] == 5 and validated.query["status"] == "todo"
    parameters = {p.name: p for p in CONTRACT.operations["tasks_list"].query_parameters()}
    assert validated.query.keys() == parameters.keys()  # every declared one, sent or not
    assert validated.query["ordering"] == parameters["ordering"].schema.get("default")
    assert validated.query["assignee_id"] is None  # no default
    assert validated.body is None  # the operation takes no body


@pytest.mark.parametrize("body", [{"title": "Write the docs", "due_date": "2026-12-01"}])
def test_a_body_is_handed_over_parsed(body: dict[str, Any]) -> None:
    inputs = _each_way("tasks_create", _request("POST", TASKS, body=body), body)
    assert inputs[0] == inputs[1] == inputs[2]
    assert inputs[0].body == body and inputs[0].path == {"project_id": 7}
