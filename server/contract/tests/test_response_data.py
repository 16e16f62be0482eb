"""A response DRF renders with orjson is validated from the data it was rendered from (no parse of the body
back), and that is the same as validating its bytes: the same violations at the same places, over bodies
generated from every declared response schema, valid and invalid. A body orjson writes but jsonschema-rs
cannot take as data, and a body another renderer wrote, are validated from their bytes."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import orjson
import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import resolve
from drf_orjson_renderer.renderers import ORJSONRenderer
from hypothesis import given
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from schemathesis.core import NOT_SET

from server.common.wire import wire_time
from server.contract.spec import Operation
from server.contract.spec import resolve as resolve_ref
from server.contract.validation import compiled_engine

from .test_engine_agreement import (
    COMPILED,
    CONTRACT,
    HYPOTHESIS,
    MIN_COMPARED,
    _base_path,
    _cases,
    _declared_responses,
    _locations,
    _response_document,
)


def _rendered(data: Any, status: int, media_type: str, renderer: Any = None) -> Response:
    response = Response(data, status=status, content_type=media_type)
    response.accepted_renderer = renderer or ORJSONRenderer()
    response.accepted_media_type = "application/json"
    response.renderer_context = {}  # type: ignore[attr-defined]  # set by the view in DRF
    response.render()
    return response


def _request(operation: Operation) -> Any:
    path_values = {p.name: "1" for p in operation.parameters if p.location == "path"}
    url = _base_path(operation) + operation.path.format(**path_values)
    request = RequestFactory().generic(operation.method.upper(), url)
    request.resolver_match = resolve(url)
    return request


JSON_RESPONSES = [
    (operation, status)
    for operation, status in _declared_responses()
    if "application/json" in (resolve_ref(CONTRACT.document, operation.responses[status]).get("content", {}))
]


@pytest.mark.parametrize(
    "operation, status", JSON_RESPONSES, ids=[f"{op.operation_id}-{status}" for op, status in JSON_RESPONSES]
)
def test_the_data_is_judged_as_its_bytes(operation: Operation, status: str) -> None:
    response_spec = resolve_ref(CONTRACT.document, operation.responses[status])
    request = _request(operation)
    compared: list[Any] = []

    @HYPOTHESIS
    @given(case=_cases(_response_document(response_spec), "/respond", "post"))
    def check(case: Any) -> None:
        if case.body is NOT_SET or case.body is None or isinstance(case.body, bytes):
            return  # no body, or one the renderer does not write as is (it writes nothing for None)
        try:
            raw = orjson.dumps(case.body)
        except orjson.JSONEncodeError:
            return  # orjson could not have rendered it (an integer beyond 64 bits)
        from_bytes = HttpResponse(raw, status=int(status), content_type="application/json")
        from_data = _rendered(case.body, int(status), "application/json")
        assert from_data.content == raw
        assert _locations(COMPILED.validate_response(operation, request, from_data)) == _locations(
            COMPILED.validate_response(operation, request, from_bytes)
        ), case.body
        compared.append(case)

    check()
    assert len(compared) >= MIN_COMPARED, f"{len(compared)} bodies compared, fewer than {MIN_COMPARED}"


TASK_RETRIEVE = CONTRACT.operations["tasks_retrieve"]
TASK = {
    "id": 1,
    "project_id": 1,
    "title": "Write the tests",
    "description": "",
    "status": "todo",
    "priority": "normal",
    "assignee_id": None,
    "created_by_id": 1,
    "due_date": None,
    "created_at": "2026-12-03T10:00:00Z",
    "updated_at": "2026-12-03T10:00:00.250000Z",
}


def _violations(response: Response) -> list[tuple[str, str]]:
    """The body's violations (the response carries none of the required headers: not what is tested here)."""
    violations = COMPILED.validate_response(TASK_RETRIEVE, _request(TASK_RETRIEVE), response)
    return [location for location in _locations(violations) if not location[0].startswith("?")]


def test_orjson_rendered_data_is_not_parsed_back(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the body was parsed back")

    monkeypatch.setattr(compiled_engine, "parse_json", no_parse)
    assert _violations(_rendered(TASK, 200, "application/json")) == []
    assert _violations(_rendered({**TASK, "title": 7}, 200, "application/json")) == [("/title", "type")]


def test_data_jsonschema_rs_cannot_take_is_judged_by_its_bytes() -> None:
    """orjson writes a datetime and a UUID as strings; jsonschema-rs refuses them as data: bytes decide."""
    now = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.UTC)
    assert _violations(_rendered({**TASK, "created_at": now}, 200, "application/json")) == []
    assert _violations(_rendered({**TASK, "title": uuid.uuid4()}, 200, "application/json")) == []
    wrong = {**TASK, "created_at": now, "priority": "urgent-ish"}
    assert _violations(_rendered(wrong, 200, "application/json")) == [("/priority", "enum")]


def test_another_renderer_is_judged_by_its_bytes() -> None:
    """A renderer that could write something else than the data (here DRF's own) is not taken at its word."""
    assert _violations(_rendered(TASK, 200, "application/json", JSONRenderer())) == []
    wrong = _rendered({**TASK, "status": "someday"}, 200, "application/json", JSONRenderer())
    assert _violations(wrong) == [("/status", "enum")]


@pytest.mark.parametrize(
    "value",
    [
        datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.UTC),
        datetime.datetime(2026, 12, 3, 10, 0, 0, 250, tzinfo=datetime.UTC),
        datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        datetime.date(2026, 2, 28),
    ],
)
def test_wire_time_is_what_the_renderer_writes(value: datetime.date) -> None:
    assert orjson.dumps(wire_time(value)) == ORJSONRenderer().render({"t": value})[5:-1]
    assert wire_time(None) is None
