"""Request validation with openapi-core, as problem+json errors with JSON pointers or parameter names."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from openapi_core import Config, OpenAPI
from openapi_core.casting.schemas.exceptions import CastError
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from openapi_core.deserializing.exceptions import DeserializeError
from openapi_core.deserializing.styles.exceptions import EmptyQueryParameterValue
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.validation.request.exceptions import (
    MissingRequestBody,
    MissingRequiredRequestBody,
    ParameterValidationError,
    RequestBodyValidationError,
    SecurityValidationError,
)
from werkzeug.wrappers import Request

from codegen.findings import CodegenError, pointer_join
from codegen.mock.routes import server_prefix


@dataclass
class Rejection:
    status: int
    code: str
    detail: str
    errors: list[dict[str, str]] = field(default_factory=list)


def _json_loads(value: bytes | str, **parameters: str) -> Any:
    return json.loads(value)


def build_validator(document: dict[str, Any], prefix: str) -> OpenAPI:
    # Requests reach the mock on its own host: validate against the prefix, whatever host the servers name.
    local = {**document, "servers": [{"url": prefix or "/"}], "paths": {}}
    for path, item in (document.get("paths") or {}).items():
        if isinstance(item, dict) and item.get("servers"):
            item = {**item, "servers": [{"url": server_prefix(item) or "/"}]}
        local["paths"][path] = item
    config = Config(extra_media_type_deserializers={"application/problem+json": _json_loads})
    try:
        return OpenAPI.from_dict(local, config=config)
    except Exception as exc:  # openapi-core validates the document first
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CodegenError(f"openapi-core cannot use the document: {message}") from None


def _schema_errors(cause: BaseException | None, name: str | None) -> list[dict[str, str]]:
    errors = []
    for error in getattr(cause, "schema_errors", None) or []:
        path = list(getattr(error, "absolute_path", []) or [])
        keyword = str(getattr(error, "validator", "invalid"))
        if keyword == "required" and isinstance(error.instance, dict):
            missing = [p for p in error.validator_value if p not in error.instance]
            path = [*path, missing[0]] if missing else path
        item = {"code": keyword, "message": str(getattr(error, "message", error))}
        if name is not None:
            item["field"] = name
        else:
            item["pointer"] = pointer_join("", *path)
        errors.append(item)
    return errors


def validate(openapi: OpenAPI, request: Request) -> Rejection | None:
    errors: list[dict[str, str]] = []
    for error in openapi.iter_request_errors(WerkzeugOpenAPIRequest(request)):
        cause = error.__cause__
        if isinstance(error, SecurityValidationError):
            return Rejection(
                401, "not_authenticated", "Credentials are required (the mock accepts any value)."
            )
        if isinstance(error, ParameterValidationError):
            name = error.name
            if isinstance(cause, EmptyQueryParameterValue):
                errors.append({"code": "empty_value", "message": str(cause), "field": name})
            elif isinstance(cause, CastError):
                errors.append({"code": "type", "message": str(cause), "field": name})
            else:
                nested = _schema_errors(cause, name)
                errors.extend(nested or [{"code": "invalid_parameter", "message": str(error), "field": name}])
        elif isinstance(error, MissingRequiredRequestBody | MissingRequestBody):
            errors.append({"code": "required", "message": "A request body is required.", "pointer": ""})
        elif isinstance(error, RequestBodyValidationError) and isinstance(cause, MediaTypeNotFound):
            media = request.content_type or "(none)"
            return Rejection(415, "unsupported_media_type", f"Content-Type {media!r} is not accepted.")
        elif isinstance(error, RequestBodyValidationError) and isinstance(cause, DeserializeError):
            return Rejection(
                400,
                "malformed_json",
                "The request body cannot be decoded.",
                [{"code": "malformed_json", "message": "invalid JSON", "pointer": ""}],
            )
        elif isinstance(error, RequestBodyValidationError):
            errors.extend(
                _schema_errors(cause, None) or [{"code": "invalid", "message": str(error), "pointer": ""}]
            )
        else:
            errors.append({"code": "invalid", "message": str(error)})
    if errors:
        return Rejection(400, "validation_error", "The request does not match the API contract.", errors)
    return None
