"""The reference engine: openapi-core validates requests and responses against the whole contract.

Correct and complete, but slow on large responses; production enforcement is meant to move to validators
compiled from the contract behind the same interface.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from openapi_core import Config, OpenAPI
from openapi_core.casting.schemas import oas31_casters_dict
from openapi_core.casting.schemas.casters import (
    AnyCaster,
    IntegerCaster,
    NumberCaster,
    PrimitiveCaster,
    TypesCaster,
)
from openapi_core.casting.schemas.exceptions import CastError
from openapi_core.casting.schemas.factories import SchemaCastersFactory
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_core.deserializing.exceptions import DeserializeError
from openapi_core.deserializing.styles.exceptions import EmptyQueryParameterValue
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.templating.responses.exceptions import ResponseNotFound
from openapi_core.validation.request.exceptions import (
    MissingRequestBody,
    MissingRequiredRequestBody,
    ParameterValidationError,
    RequestBodyValidationError,
    SecurityValidationError,
)
from openapi_core.validation.response.exceptions import HeaderValidationError, MissingRequiredHeader
from openapi_core.validation.schemas import oas31_schema_validators_factory

from ..casting import canonical_integer, canonical_number
from ..spec import Contract, Operation
from .engine import RequestRejected, Violation
from .formats import FORMAT_CHECKS
from .json_body import TooDeep, parse_json
from .pointers import json_pointer, unexpected_property
from .request_input import JSONValue, ValidatedRequest, typed_input


def _unexpected(instance: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    known = schema.get("properties", {})
    patterns = schema.get("patternProperties", {})
    return [name for name in instance if name not in known and not any(re.search(p, name) for p in patterns)]


def _schema_violations(
    cause: BaseException | None, *, field: str | None = None, base: str = ""
) -> list[Violation]:
    schema_errors = getattr(cause, "schema_errors", None) or []
    violations: list[Violation] = []
    # python-jsonschema yields one `required` error per missing property, in the keyword's order, without
    # naming it in a field: the n-th error at a location is the n-th missing property there.
    missing_seen: dict[tuple[str, str], int] = {}
    for error in schema_errors:
        path = list(getattr(error, "absolute_path", []) or [])
        keyword = str(getattr(error, "validator", "invalid"))
        if keyword == "required" and isinstance(error.instance, dict):
            missing = [name for name in error.validator_value if name not in error.instance]
            key = (json_pointer(path), json_pointer(getattr(error, "absolute_schema_path", [])))
            index = missing_seen.get(key, 0)
            missing_seen[key] = index + 1
            path = [*path, missing[index]] if index < len(missing) else path
        if keyword == "additionalProperties" and field is None and isinstance(error.instance, dict):
            violations.extend(
                unexpected_property(path, name) for name in _unexpected(error.instance, error.schema)
            )
            continue
        message = getattr(error, "message", str(error))
        if field is not None:
            violations.append(Violation(code=keyword, message=message, field=field))
        else:
            violations.append(Violation(code=keyword, message=message, pointer=base + json_pointer(path)))
    return violations


def _json_loads(value: bytes | str, **parameters: str) -> Any:
    return json.loads(value)


class _CanonicalInteger(IntegerCaster):
    """int() accepts `01`, `+1`, ` 1` and non-ASCII digits; parameters cast from the JSON spelling only."""

    def cast(self, value: Any) -> int:
        return value if isinstance(value, int) else canonical_integer(str(value))


class _CanonicalNumber(NumberCaster):
    def cast(self, value: Any) -> float:
        return value if isinstance(value, int | float) else canonical_number(str(value))


# openapi-core's OpenAPI 3.1 casters with the integer and number casters of server.contract.casting.
STRICT_CASTERS = SchemaCastersFactory(
    oas31_schema_validators_factory,
    TypesCaster(
        {**oas31_casters_dict, "integer": _CanonicalInteger, "number": _CanonicalNumber},
        AnyCaster,
        multi=PrimitiveCaster,
    ),
)


class OpenAPICoreEngine:
    def __init__(self, contract: Contract) -> None:
        self.contract = contract
        # problem+json is JSON; openapi-core only knows that of application/json out of the box.
        options: dict[str, Any] = {
            "extra_media_type_deserializers": {"application/problem+json": _json_loads},
            "schema_casters_factory": STRICT_CASTERS,
        }
        # Dates in requests must also be representable (formats.py); responses keep the standard checks, as
        # the compiled engine's do.
        self.openapi = OpenAPI.from_dict(
            contract.document, config=Config(**options, extra_format_validators=FORMAT_CHECKS)
        )
        self.openapi_responses = OpenAPI.from_dict(contract.document, config=Config(**options))

    def validate_request(self, operation: Operation, request: HttpRequest) -> ValidatedRequest:
        body: JSONValue = {} if operation.has_request_body else None
        if operation.has_request_body and request.body and "json" in (request.content_type or ""):
            # openapi-core's json.loads and python-jsonschema recurse: a deep body must not reach them.
            try:
                body = parse_json(request.body)
            except TooDeep as exc:
                raise exc.rejection() from None
            except ValueError:
                pass  # openapi-core reports it as malformed_json below
        violations: list[Violation] = []
        unsupported_media_type: str | None = None
        malformed: str | None = None
        for error in self.openapi.iter_request_errors(DjangoOpenAPIRequest(request)):
            cause = error.__cause__
            if isinstance(error, SecurityValidationError):
                # Authentication is enforced by DRF's authentication classes, before validation runs.
                continue
            if isinstance(error, ParameterValidationError) and isinstance(cause, EmptyQueryParameterValue):
                violations.append(Violation(code="empty_value", message=str(cause), field=error.name))
            elif isinstance(error, ParameterValidationError) and isinstance(cause, CastError):
                # A value that does not cast to the schema's type is a type error at the parameter.
                violations.append(Violation(code="type", message=str(cause), field=error.name))
            elif isinstance(error, ParameterValidationError):
                nested = _schema_violations(cause, field=error.name)
                violations.extend(
                    nested or [Violation(code="invalid_parameter", message=str(error), field=error.name)]
                )
            elif isinstance(error, MissingRequiredRequestBody | MissingRequestBody):
                violations.append(
                    Violation(code="required", message="A request body is required.", pointer="")
                )
            elif isinstance(error, RequestBodyValidationError) and isinstance(cause, MediaTypeNotFound):
                unsupported_media_type = request.content_type or "(none)"
            elif isinstance(error, RequestBodyValidationError) and isinstance(cause, DeserializeError):
                # str() of openapi-core's error decodes the body as UTF-8 and raises on other bytes.
                malformed = repr(cause.__cause__) if cause.__cause__ else "The body cannot be decoded."
            elif isinstance(error, RequestBodyValidationError):
                nested = _schema_violations(cause)
                violations.extend(nested or [Violation(code="invalid", message=str(error), pointer="")])
            else:
                violations.append(Violation(code="invalid", message=str(error)))
        if unsupported_media_type is not None:
            raise RequestRejected(
                status=415,
                code="unsupported_media_type",
                detail=f"Content-Type {unsupported_media_type!r} is not accepted; send application/json.",
                violations=[],
            )
        if malformed is not None:
            raise RequestRejected(
                status=400,
                code="malformed_json",
                detail="The request body is not valid JSON.",
                violations=[Violation(code="malformed_json", message=malformed, pointer="")],
            )
        if violations:
            raise RequestRejected(
                status=400,
                code="validation_error",
                detail="The request does not match the API contract.",
                violations=violations,
            )
        # openapi-core unmarshals too (a `date` to a datetime.date): the handler gets the compiled engine's
        # input, cast by the same rules, so the two engines hand over the same values.
        return typed_input(operation, request, body)

    def validate_response(
        self, operation: Operation, request: HttpRequest, response: HttpResponseBase
    ) -> list[Violation]:
        if not isinstance(response, HttpResponse):
            return [Violation(code="streaming", message="streaming responses cannot be checked")]
        violations: list[Violation] = []
        errors = self.openapi_responses.iter_response_errors(
            DjangoOpenAPIRequest(request), DjangoOpenAPIResponse(response)
        )
        for error in errors:
            cause = error.__cause__
            if isinstance(error, ResponseNotFound):
                violations.append(
                    Violation(
                        code="undeclared_status", message=f"status {response.status_code} is not declared"
                    )
                )
            elif isinstance(error, MissingRequiredHeader):
                violations.append(Violation(code="required", message=str(error), field=error.name))
            elif isinstance(error, HeaderValidationError):
                name = getattr(error, "name", None)
                if isinstance(cause, CastError):
                    violations.append(Violation(code="type", message=str(cause), field=name))
                else:
                    nested = _schema_violations(cause, field=name)
                    violations.extend(nested or [Violation(code="invalid", message=str(error), field=name)])
            elif isinstance(cause, MediaTypeNotFound):
                violations.append(Violation(code="media_type", message=str(cause)))
            elif isinstance(cause, DeserializeError):
                violations.append(Violation(code="malformed_json", message="not JSON", pointer=""))
            else:
                nested = _schema_violations(cause)
                violations.extend(nested or [Violation(code="invalid", message=str(error), pointer="")])
        return violations
