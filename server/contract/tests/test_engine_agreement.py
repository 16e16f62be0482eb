"""The compiled engine and openapi-core (the reference) accept and reject the same requests and responses,
with the same error locations, over generated documents for every operation and every declared response;
for a request both accept, they hand the handler the same typed input.

Schemathesis generates the instances from the contract, in both of its modes: positive (valid by the schema)
and negative (deliberately invalid), so the accepting and the rejecting paths are both exercised. Response
bodies are generated the same way, from a derived document whose request bodies are the response schemas.
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any
from urllib.parse import quote, urlencode

import pytest
import schemathesis
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.core import NOT_SET

from server.contract.spec import Operation, get_contract
from server.contract.spec import resolve as resolve_ref
from server.contract.validation import RequestRejected, Violation
from server.contract.validation.compiled_engine import CompiledEngine
from server.contract.validation.openapi_core_engine import OpenAPICoreEngine

EXAMPLES = int(os.environ.get("ENGINE_AGREEMENT_EXAMPLES", "30"))
# A run that compares (almost) nothing proves nothing: every operation and every response must get at least
# this many comparisons. (Hypothesis stops early on a small strategy, and some generated requests never
# reach the operation: they are skipped, not compared, so the floor is well below EXAMPLES.)
MIN_COMPARED = max(1, EXAMPLES // 6)
CONTRACT = get_contract()
COMPILED = CompiledEngine(CONTRACT)
REFERENCE = OpenAPICoreEngine(CONTRACT)
HYPOTHESIS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
OPERATIONS = sorted(CONTRACT.operations.values(), key=lambda op: op.operation_id)


def _cases(document: dict[str, Any], path: str, method: str) -> st.SearchStrategy[Any]:
    api_operation = schemathesis.openapi.from_dict(document)[path][method.upper()]
    return st.one_of(
        api_operation.as_strategy(GenerationMode.POSITIVE), api_operation.as_strategy(GenerationMode.NEGATIVE)
    )


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)


def _locations(violations: list[Violation]) -> list[tuple[str, str]]:
    return sorted({(v.pointer if v.pointer is not None else f"?{v.field}", v.code) for v in violations})


def _outcome(engine: Any, operation: Operation, request: Any) -> Any:
    try:
        validated = engine.validate_request(operation, request)
    except RequestRejected as rejected:
        return rejected.status, rejected.code, _locations(rejected.violations)
    return "accepted", validated


def _encoded(body: Any, media_type: str) -> bytes:
    if isinstance(body, bytes):
        return body
    if "json" in media_type:
        return json.dumps(body).encode()  # integers beyond 64 bits too
    return _text(body).encode()


def _base_path(operation: Operation) -> str:
    """Where the operation is served: its own `servers` override (the health probes), or the document's."""
    return CONTRACT.base_path if operation.base_path is None else operation.base_path


def _request(operation: Operation, case: Any) -> Any:
    """The Django request the server would see for `case`, or None when it would not reach this operation."""
    path_values = {name: quote(_text(value), safe="") for name, value in case.path_parameters.items()}
    if any(not value for value in path_values.values()):
        return None
    url = _base_path(operation) + operation.path.format(**path_values)
    try:
        match = resolve(url)
    except Resolver404:
        return None
    if match.url_name not in {
        op for op in CONTRACT.operations if CONTRACT.operations[op].path == operation.path
    }:
        return None
    query = {
        name: [_text(v) for v in value] if isinstance(value, list) else _text(value)
        for name, value in (case.query or {}).items()
    }
    # Requests reach validation only once DRF has authenticated them.
    factory = RequestFactory(HTTP_AUTHORIZATION="Bearer token")
    extra: dict[str, Any] = {}
    if case.body is not NOT_SET:
        media_type = case.media_type or "application/json"
        extra = {"data": _encoded(case.body, media_type), "content_type": media_type}
    request = factory.generic(operation.method.upper(), f"{url}?{urlencode(query, doseq=True)}", **extra)
    request.resolver_match = match
    return request


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.operation_id)
def test_engines_agree_on_requests(operation: Operation) -> None:
    compared: list[Any] = []

    @HYPOTHESIS
    @given(case=_cases(CONTRACT.document, operation.path, operation.method))
    def check(case: Any) -> None:
        if _request(operation, case) is None:
            return
        compiled = _outcome(COMPILED, operation, _request(operation, case))
        reference = _outcome(REFERENCE, operation, _request(operation, case))
        assert compiled == reference, case.as_curl_command()
        compared.append(compiled)

    check()
    # An operation without any input has one request to compare; every other one has many.
    minimum = MIN_COMPARED if operation.parameters or operation.has_request_body else 1
    assert len(compared) >= minimum, f"{len(compared)} requests compared, fewer than {minimum}"


def _declared_responses() -> list[tuple[Operation, str]]:
    """One case per distinct response object: shared error responses are checked once."""
    seen: set[str] = set()
    cases = []
    for operation in OPERATIONS:
        for status, raw in operation.responses.items():
            key = raw.get("$ref", f"{operation.operation_id}:{status}") + status
            if key not in seen:
                seen.add(key)
                cases.append((operation, status))
    return cases


def _response_document(response_spec: dict[str, Any]) -> dict[str, Any]:
    """A document whose one operation takes the response's body and headers as its input."""
    document = copy.deepcopy(CONTRACT.document)
    media = next(iter((response_spec.get("content") or {}).items()), None)
    operation: dict[str, Any] = {
        "operationId": "respond",
        "responses": {"200": {"description": "ok"}},
        "parameters": [
            {
                "name": name,
                "in": "header",
                "required": bool(header.get("required")),
                "schema": header.get("schema", {}),
            }
            for name, header in (
                (name, resolve_ref(document, raw))
                for name, raw in (response_spec.get("headers") or {}).items()
            )
        ],
        "security": [],
    }
    if media is not None:
        operation["requestBody"] = {"required": True, "content": {"application/json": media[1]}}
    document["paths"] = {"/respond": {"post": operation}}
    document.pop("webhooks", None)
    return document


def _response(status: str, response_spec: dict[str, Any], case: Any) -> HttpResponse:
    content = response_spec.get("content") or {}
    media_type = next(iter(content), None)
    body = case.body if case.body is not NOT_SET else None
    raw = body if isinstance(body, bytes) else _encoded(body, "application/json")
    response = HttpResponse(raw if media_type else b"", status=int(status))
    if media_type:
        response["Content-Type"] = media_type
    else:
        del response["Content-Type"]
    for name in response_spec.get("headers") or {}:
        if name in case.headers:
            response[name] = _text(case.headers[name])
    return response


@pytest.mark.parametrize(
    "operation, status",
    _declared_responses(),
    ids=[f"{op.operation_id}-{status}" for op, status in _declared_responses()],
)
def test_engines_agree_on_responses(operation: Operation, status: str) -> None:
    response_spec = resolve_ref(CONTRACT.document, operation.responses[status])
    path_values = {p.name: "1" for p in operation.parameters if p.location == "path"}
    url = _base_path(operation) + operation.path.format(**path_values)
    request = RequestFactory().generic(operation.method.upper(), url)
    request.resolver_match = resolve(url)

    compared: list[Any] = []

    @HYPOTHESIS
    @given(case=_cases(_response_document(response_spec), "/respond", "post"))
    def check(case: Any) -> None:
        if case.media_type not in (None, "application/json"):
            return  # a body the server could not have rendered
        compiled = _locations(
            COMPILED.validate_response(operation, request, _response(status, response_spec, case))
        )
        reference = _locations(
            REFERENCE.validate_response(operation, request, _response(status, response_spec, case))
        )
        assert compiled == reference, f"{operation.operation_id} {status}: {case.headers} {case.body!r}"
        compared.append(compiled)

    check()
    assert len(compared) >= MIN_COMPARED, f"{len(compared)} responses compared, fewer than {MIN_COMPARED}"
