"""The production engine: the contract compiled once, at start-up, into per-operation validators.

Every JSON schema in the document is compiled by jsonschema-rs (`validator_map_for` over the whole document,
so `$ref`s resolve as they do in the spec) and looked up by JSON pointer; parameters are cast from strings as
openapi-core casts them; `format` is checked by openapi-core's own checker through a custom keyword. So the
two engines accept and reject the same documents (tests/test_engine_agreement.py proves it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jsonschema_rs
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from drf_orjson_renderer.renderers import ORJSONRenderer
from openapi_schema_validator import oas31_format_checker

from ..casting import cast_parameter
from ..pointers import escape_token, follow_ref
from ..spec import Contract, ContractError, Operation
from .engine import RequestRejected, Violation
from .formats import FORMAT_CHECKS
from .json_body import TooDeep, parse_json
from .pointers import json_pointer, unexpected_property
from .request_input import JSONValue, ValidatedRequest

_ABSENT = object()
# jsonschema-rs refuses ("Recursion limit reached") instances nested deeper than this.
_RESPONSE_MAX_DEPTH = 255


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


class _OpenAPIFormat:
    """`format` checked by openapi-core's own checker, for every instance type (int32/int64 bound integers;
    jsonschema-rs' built-in formats only look at strings and differ on some formats)."""

    checks: dict[str, Callable[[Any], bool]] = {}

    def __init__(self, parent_schema: dict[str, Any], value: str, schema_path: list[Any]) -> None:
        self.format = value

    def validate(self, instance: Any) -> None:
        check = self.checks.get(self.format)
        conforms = (
            check(instance) if check is not None else oas31_format_checker.conforms(instance, self.format)
        )
        if not conforms:
            raise ValueError(f"{instance!r} is not a {self.format!r}")


class _RequestFormat(_OpenAPIFormat):
    """In requests, `date` and `date-time` by the server's own checks (formats.py), as in the fast tier and
    the reference engine."""

    checks = FORMAT_CHECKS


@dataclass(frozen=True)
class _Parameter:
    name: str
    location: str
    required: bool
    allow_empty: bool
    textual: bool  # its schema admits strings
    schema: dict[str, Any]
    validator: _TwoTier


@dataclass(frozen=True)
class _Response:
    media_types: dict[str, Any]  # media type -> validator (None: no schema)
    headers: tuple[_Parameter, ...]
    # Every declared header at once: one object of the cast values against one schema, so a conforming
    # response costs one call into Rust instead of one per header; `None` when the headers' schemas cannot
    # be inlined into one (then each header is checked on its own).
    header_check: Any
    header_casts: tuple[tuple[str, str, Callable[[str], Any] | None], ...]  # (lower-cased name, name, cast)


@dataclass(frozen=True)
class _CompiledOperation:
    parameters: tuple[_Parameter, ...]
    body_required: bool
    body_media_types: dict[str, Any]
    responses: dict[str, _Response]
    # Every query parameter and its default (None without one): what the handler reads when one is not sent.
    query_defaults: tuple[tuple[str, Any], ...]


_INTEGER_BOUNDS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def _with_integer_bounds(node: Any) -> Any:
    """A copy of the document where int32/int64 formats also carry their bounds as minimum/maximum."""
    if isinstance(node, list):
        return [_with_integer_bounds(item) for item in node]
    if not isinstance(node, dict):
        return node
    copy = {key: _with_integer_bounds(value) for key, value in node.items()}
    fmt = node.get("format")
    bounds = _INTEGER_BOUNDS.get(fmt) if isinstance(fmt, str) else None
    if bounds is not None and "integer" in (node.get("type") or ()):
        low, high = bounds
        copy["minimum"] = max(low, node.get("minimum", low))
        copy["maximum"] = min(high, node.get("maximum", high))
    return copy


@dataclass(frozen=True)
class _TwoTier:
    fast: Any
    precise: Any


def _schema_violations(validator: _TwoTier, instance: Any, *, field: str | None = None) -> list[Violation]:
    if validator.fast.is_valid(instance):
        return []
    violations: list[Violation] = []
    for error in validator.precise.iter_errors(instance):
        path = list(error.instance_path)
        code = error.kind.name
        if code == "required":
            path.append(error.kind.property)
        if code == "additionalProperties" and field is None:
            # One violation per unknown property, pointing at it, so clients can attach it to a field.
            violations.extend(unexpected_property(path, name) for name in error.kind.unexpected)
            continue
        if field is not None:
            violations.append(Violation(code=code, message=error.message, field=field))
        else:
            violations.append(Violation(code=code, message=error.message, pointer=json_pointer(path)))
    return violations


def _missing(what: str, name: str) -> Violation:
    return Violation(code="required", message=f"Missing required {what}: {name}", field=name)


def _caster(schema: dict[str, Any]) -> Callable[[str], Any] | None:
    """How a header's string becomes its JSON value (`cast_parameter`'s rule); None: it stays a string."""
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if not {"integer", "number", "boolean"} & set(kinds):
        return None
    if kinds == ["integer"]:
        return _as_integer
    return lambda value: cast_parameter(value, schema)


def _as_integer(value: str) -> Any:
    # The spelling every integer header this server writes has (ASCII digits, no leading zero) without the
    # regex; any other by the general rule.
    if value.isdigit() and value.isascii() and (value[0] != "0" or value == "0"):
        return int(value)
    return cast_parameter(value, {"type": "integer"})


def _header_check(headers: tuple[_Parameter, ...]) -> Any:
    """One validator for all of a response's headers, as an object of their cast values (native formats, as
    the fast tier's); None when a header's schema still holds a `$ref` that could not resolve inline."""
    if not headers or any("$ref" in str(header.schema) for header in headers):
        return None
    schema = {
        "type": "object",
        "properties": {header.name: _with_integer_bounds(header.schema) for header in headers},
        "required": [header.name for header in headers if header.required],
    }
    return jsonschema_rs.validator_for(schema, validate_formats=True)


def _rendered_data(response: HttpResponse) -> Any:
    """The data the response's bytes were rendered from, when validating it is validating the bytes: DRF's
    orjson renderer writes JSON-native data (dict, list, str, int, float, bool, None; presenters hand times
    over as the strings the wire carries, server.common.wire) value for value. Skipping the parse back is
    most of what validating a large page costs. `_ABSENT` for any other response (then the bytes are parsed);
    a value jsonschema-rs cannot take (a UUID, a datetime) raises ValueError and the bytes are parsed too."""
    if type(getattr(response, "accepted_renderer", None)) is not ORJSONRenderer:
        return _ABSENT
    data = getattr(response, "data", None)
    return _ABSENT if data is None else data  # the renderer writes no body for None


class CompiledEngine:
    def __init__(self, contract: Contract) -> None:
        document = contract.document
        if not str(document.get("openapi", "")).startswith("3.1"):
            raise ContractError("the compiled engine needs an OpenAPI 3.1 document (JSON Schema 2020-12)")
        self.document = document
        # Two tiers. `fast` (jsonschema-rs' native formats, int32/int64 as bounds) answers "valid?" for the
        # common case without calling into Python; only a document it rejects goes through `precise`
        # (formats checked by openapi-core's checker), which finds the violations exactly as the reference.
        bounded = _with_integer_bounds(document)
        # Requests: a client's `date` and `date-time` must also be representable (formats.py), which costs a
        # call into Python per date. Responses: the server's own dates are representable by construction,
        # and native checks keep a 100-task list in Rust (the Python ones made its validation 8x slower).
        self.fast = jsonschema_rs.validator_map_for(bounded, validate_formats=True, formats=FORMAT_CHECKS)
        self.precise = jsonschema_rs.validator_map_for(document, keywords={"format": _RequestFormat})
        self.fast_responses = jsonschema_rs.validator_map_for(bounded, validate_formats=True)
        self.precise_responses = jsonschema_rs.validator_map_for(
            document, keywords={"format": _OpenAPIFormat}
        )
        self.operations = {
            operation_id: self._compile(operation) for operation_id, operation in contract.operations.items()
        }

    # -- compilation ----------------------------------------------------------------------------------------

    def _resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        while isinstance(node, dict) and "$ref" in node:
            pointer = node["$ref"]
            node = follow_ref(self.document, pointer)
        return node, pointer

    def _validator(self, pointer: str, *, response: bool = False) -> _TwoTier:
        if response:
            fast, precise = self.fast_responses.get(pointer), self.precise_responses.get(pointer)
        else:
            fast, precise = self.fast.get(pointer), self.precise.get(pointer)
        if fast is None or precise is None:
            raise ContractError(f"no compiled schema at {pointer}")
        return _TwoTier(fast, precise)

    def _parameter(
        self,
        raw: Any,
        pointer: str,
        *,
        location: str | None = None,
        name: str | None = None,
        response: bool = False,
    ) -> _Parameter:
        param, pointer = self._resolve(raw, pointer)
        schema, schema_pointer = self._resolve(param.get("schema", {}), pointer + "/schema")
        return _Parameter(
            name=name or param["name"],
            location=location or param["in"],
            required=bool(param.get("required", param.get("in") == "path")),
            allow_empty=bool(param.get("allowEmptyValue", False)),
            textual=schema.get("type") in (None, "string") or "string" in (schema.get("type") or []),
            schema=schema,
            validator=self._validator(schema_pointer, response=response),
        )

    def _compile(self, operation: Operation) -> _CompiledOperation:
        path_pointer = "#/paths/" + escape_token(operation.path)
        path_item = self.document["paths"][operation.path]
        op_pointer = f"{path_pointer}/{operation.method}"
        raw_op = path_item[operation.method]
        parameters: dict[tuple[str, str], _Parameter] = {}
        for base, items in (
            (path_pointer, path_item.get("parameters", [])),
            (op_pointer, raw_op.get("parameters", [])),
        ):
            for index, raw in enumerate(items):
                parameter = self._parameter(raw, f"{base}/parameters/{index}")
                parameters[(parameter.name, parameter.location)] = parameter
        body, body_pointer = self._resolve(raw_op.get("requestBody", {}), op_pointer + "/requestBody")
        body_media_types = {
            media_type: self._validator(f"{body_pointer}/content/{escape_token(media_type)}/schema")
            for media_type, media in (body.get("content") or {}).items()
            if "schema" in media
        }
        responses = {}
        for status, raw_response in (raw_op.get("responses") or {}).items():
            response, response_pointer = self._resolve(raw_response, f"{op_pointer}/responses/{status}")
            media_types = {
                media_type: (
                    self._validator(
                        f"{response_pointer}/content/{escape_token(media_type)}/schema", response=True
                    )
                    if "schema" in media
                    else None
                )
                for media_type, media in (response.get("content") or {}).items()
            }
            headers = tuple(
                self._parameter(
                    raw_header,
                    f"{response_pointer}/headers/{escape_token(name)}",
                    location="header",
                    name=name,
                    response=True,
                )
                for name, raw_header in (response.get("headers") or {}).items()
            )
            responses[str(status)] = _Response(
                media_types=media_types,
                headers=headers,
                header_check=_header_check(headers),
                header_casts=tuple(
                    (header.name.lower(), header.name, _caster(header.schema)) for header in headers
                ),
            )
        return _CompiledOperation(
            parameters=tuple(parameters.values()),
            body_required=bool(body.get("required", False)),
            body_media_types=body_media_types,
            responses=responses,
            query_defaults=tuple(
                (p.name, p.schema.get("default")) for p in parameters.values() if p.location == "query"
            ),
        )

    # -- requests ------------------------------------------------------------------------------------------

    def _parameter_value(self, parameter: _Parameter, request: HttpRequest) -> Any:
        """The parameter's value cast by its schema's type; `_ABSENT` when it was not sent."""
        if parameter.location == "query":
            if parameter.name not in request.GET:
                return _ABSENT
            if parameter.schema.get("type") == "array":
                items = parameter.schema.get("items", {})
                return [cast_parameter(v, items) for v in request.GET.getlist(parameter.name)]
            return cast_parameter(request.GET[parameter.name], parameter.schema)
        if parameter.location == "path":
            kwargs = request.resolver_match.kwargs if request.resolver_match else {}
            return (
                cast_parameter(kwargs[parameter.name], parameter.schema)
                if parameter.name in kwargs
                else _ABSENT
            )
        if parameter.location == "header":
            value = request.headers.get(parameter.name)
            return _ABSENT if value is None else cast_parameter(value, parameter.schema)
        value = request.COOKIES.get(parameter.name)
        return _ABSENT if value is None else cast_parameter(value, parameter.schema)

    def validate_request(self, operation: Operation, request: HttpRequest) -> ValidatedRequest:
        compiled = self.operations[operation.operation_id]
        violations: list[Violation] = []
        # The values cast to validate them are the handler's: nothing is cast twice.
        path: dict[str, Any] = {}
        query: dict[str, Any] = {}
        headers: dict[str, Any] = {}
        for parameter in compiled.parameters:
            value = self._parameter_value(parameter, request)
            if value is _ABSENT:
                if parameter.required:
                    violations.append(_missing(f"{parameter.location} parameter", parameter.name))
                continue
            # openapi-core casts first: an empty value is a type error for a number, "empty" for a string.
            if (
                value == ""
                and parameter.location == "query"
                and not parameter.allow_empty
                and parameter.textual
            ):
                message = f"Value of {parameter.name} query parameter cannot be empty"
                violations.append(Violation(code="empty_value", message=message, field=parameter.name))
                continue
            violations.extend(_schema_violations(parameter.validator, value, field=parameter.name))
            if parameter.location == "query":
                query[parameter.name] = value
            elif parameter.location == "path":
                path[parameter.name] = value
            elif parameter.location == "header":
                headers[parameter.name] = value
        body: JSONValue = None
        if operation.has_request_body:
            body, body_violations = self._body(compiled, request)
            violations.extend(body_violations)
        if violations:
            raise RequestRejected(
                status=400,
                code="validation_error",
                detail="The request does not match the API contract.",
                violations=violations,
            )
        for name, default in compiled.query_defaults:
            if name not in query:
                query[name] = default
        return ValidatedRequest(path=path, query=query, headers=headers, body=body)

    def _body(self, compiled: _CompiledOperation, request: HttpRequest) -> tuple[JSONValue, list[Violation]]:
        raw = request.body
        if not raw:
            if compiled.body_required:
                return None, [Violation(code="required", message="A request body is required.", pointer="")]
            return {}, []
        media_type = _media_type(request.content_type or "")
        validator = compiled.body_media_types.get(media_type, _ABSENT)
        if validator is _ABSENT:
            raise RequestRejected(
                status=415,
                code="unsupported_media_type",
                detail=f"Content-Type {media_type or '(none)'!r} is not accepted; send application/json.",
                violations=[],
            )
        try:
            body = parse_json(raw)
        except TooDeep as exc:
            raise exc.rejection() from None
        except ValueError as exc:
            raise RequestRejected(
                status=400,
                code="malformed_json",
                detail="The request body is not valid JSON.",
                violations=[Violation(code="malformed_json", message=str(exc), pointer="")],
            ) from None
        return body, _schema_violations(validator, body)

    # -- responses -----------------------------------------------------------------------------------------

    def validate_response(
        self, operation: Operation, request: HttpRequest, response: HttpResponseBase
    ) -> list[Violation]:
        status = str(response.status_code)
        responses = self.operations[operation.operation_id].responses
        spec = responses.get(status) or responses.get(status[0] + "XX") or responses.get("default")
        if spec is None:
            return [Violation(code="undeclared_status", message=f"status {status} is not declared")]
        violations = self._header_violations(spec, response)
        if not spec.media_types:
            return violations
        content_type = response.headers._store.get("content-type")
        media_type = _media_type(content_type[1] if content_type is not None else "")
        validator = spec.media_types.get(media_type, _ABSENT)
        if validator is _ABSENT:
            violations.append(
                Violation(code="media_type", message=f"media type {media_type!r} is not declared")
            )
            return violations
        if validator is None or not isinstance(response, HttpResponse):
            return violations
        data = _rendered_data(response)
        if data is not _ABSENT:
            try:
                return violations + _schema_violations(validator, data)
            except ValueError:
                pass  # not JSON-native after all: the bytes decide
        try:
            # The server's own output: bounded only by what jsonschema-rs can walk.
            body = parse_json(response.content, limit=_RESPONSE_MAX_DEPTH)
        except ValueError as exc:
            return [*violations, Violation(code="malformed_json", message=str(exc), pointer="")]
        return violations + _schema_violations(validator, body)

    def _header_violations(self, spec: _Response, response: HttpResponseBase) -> list[Violation]:
        # ResponseHeaders keeps (name, value) under the lower-cased name: one dict lookup per header.
        store = response.headers._store
        if spec.header_check is not None:
            values = {}
            for key, name, cast in spec.header_casts:
                entry = store.get(key)
                if entry is not None:
                    values[name] = entry[1] if cast is None else cast(entry[1])
            if spec.header_check.is_valid(values):
                return []
        # Something is wrong (or the headers could not be checked at once): each header on its own, precisely.
        violations: list[Violation] = []
        for header in spec.headers:
            value = response.headers.get(header.name)
            if value is None:
                if header.required:
                    violations.append(_missing("header", header.name))
                continue
            violations.extend(
                _schema_violations(header.validator, cast_parameter(value, header.schema), field=header.name)
            )
        return violations
