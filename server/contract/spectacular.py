"""The server describing itself, for the drift check (`make drift`): drf-spectacular over the real views.

Documentation only: nothing here runs while a request is served. What each piece derives from:

* operationId: the view's own `operations` map (what the binding actually routes);
* path parameters: the handler's signature (each one a primary key it looks up);
* security: the view's authenticators and permissions, resolved per method (public operations have none);
* what only a handler can tell - its success status and body, its request body, the business errors it
  raises (403, 404, 409, 412, 422), the query parameters it reads - one `Doc` per operationId in its app's
  `schema.py` (`OPERATIONS`), found by the view's module as the binding finds the views;
* response bodies: `presented()` - the keys the presenter really returns, typed by the model's fields
  (lengths, choices, nullability); request bodies: serializers over the models, a PATCH's as `partial()`;
* the page parameters (`cursor`, `page_size`): a paged response (`page_of`); `Location`: a 201 (every create
  handler reverses the new resource's path); `If-Match`: a handler that can answer 412;
* caching: server.contract.caching.apply() sets what the contract declares, so its headers (and the 304 and
  `If-None-Match` of a GET whose 200 carries an `ETag`) are derived from the bound operation, with the
  values the code computes (`etag_of`, `VARY_ON`): spectacular_http.py;
* the errors every operation can get from the stack itself are added here from what the stack is configured
  with: 400 (request validation: the operation has parameters or a body), 401 + `WWW-Authenticate` (it has
  authenticators), 413 and 415 (it has a body: RequestSizeLimitMiddleware, the media-type check), 429 +
  `Retry-After` (it has throttles), 406 (a success with a body: content negotiation), 500 and 503 (the
  exception handler); every error with `Cache-Control: no-store`;
* `Deprecation`, `Sunset`, `Link` on the successes of a deprecated operation or one with deprecated
  parameters: from the bound contract operation (what server.contract.deprecation sends from);
* `Idempotency-Key`: the idempotency app's postprocessing hook (server.apps.idempotency.schema).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any
from unittest.mock import MagicMock

from django.core.validators import ProhibitNullCharactersValidator
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty

from server.common.errors import PROBLEM_CONTENT_TYPE

from .spectacular_http import IF_MATCH, IF_NONE_MATCH, answers_not_modified, caching_headers

# --- shared documentation types ---------------------------------------------------------------------------


class ValidationErrorItemSerializer(serializers.Serializer[Any]):
    pointer = serializers.CharField(required=False)
    field = serializers.CharField(required=False)
    code = serializers.CharField()
    message = serializers.CharField()


@extend_schema_field(OpenApiTypes.URI_REF)
class _UriReferenceField(serializers.CharField):
    pass


class ProblemSerializer(serializers.Serializer[Any]):
    """What server.common.errors.problem_body() renders."""

    type = _UriReferenceField()  # PROBLEM_TYPE_BASE + the code
    title = serializers.CharField()
    status = serializers.IntegerField(min_value=400, max_value=599)
    detail = serializers.CharField(required=False)
    instance = serializers.CharField(required=False)
    code = serializers.CharField()

    def get_fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = super().get_fields()
        # Not a class attribute: `errors` is a Serializer property.
        fields["errors"] = ValidationErrorItemSerializer(many=True, required=False)
        return fields


# No NUL character (U+0000): PostgreSQL text cannot hold it, and a lookup with one fails.
NO_NUL_PATTERN = "^[^\\u0000]*$"

# Primary keys are BigAutoFields (DEFAULT_AUTO_FIELD): positive 64-bit integers.
ID_SCHEMA = {"type": "integer", "format": "int64", "minimum": 1}


@extend_schema_field(ID_SCHEMA)
class IdField(serializers.IntegerField):
    """A primary key, or a foreign key's id."""


def query(name: str, schema: Any, **kwargs: Any) -> OpenApiParameter:
    return OpenApiParameter(name, schema, OpenApiParameter.QUERY, **kwargs)


def ordering(*fields: str, default: str) -> OpenApiParameter:
    """`ordering`: each field ascending or (leading `-`) descending, as paginate() orders by them."""
    values = [value for name in fields for value in (name, f"-{name}")]
    return query("ordering", str, enum=values, default=default)


SEARCH = query("search", {"type": "string", "pattern": NO_NUL_PATTERN, "minLength": 1, "maxLength": 200})

# What the list views pass to server.common.pagination.paginate(): the opaque cursor it issued, and
# `page_size` (`self.query["page_size"]`, at most the largest page paginate() serves).
MAX_PAGE_SIZE = 100
PAGE_PARAMETERS = (
    query("cursor", {"type": "string", "pattern": NO_NUL_PATTERN, "minLength": 1}),
    query("page_size", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 20}),
)


class ResponseSerializer(serializers.Serializer[Any]):
    """A response body: a presenter renders every field, so every field is required (and null where the
    field allows it), whatever the model says about input."""

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        for field in fields.values():
            field.required = True
        return fields


def presented(
    name: str, presenter: Callable[..., dict[str, Any]], model: Any = None, **fields: Any
) -> type[ResponseSerializer]:
    """The body `presenter` renders: its keys are the ones it really returns (called on stand-ins), each
    typed by `fields`, else `id` / `<foreign key>_id` as a primary key (nullable with the foreign key), else
    by the model's field of that name (lengths, choices, nullability). A key none of these types stays
    untyped, so the drift check reports a key the contract does not declare."""
    stand_ins = [
        MagicMock() for p in inspect.signature(presenter).parameters.values() if p.default is p.empty
    ]
    keys = list(presenter(*stand_ins))
    columns = {f.name: f for f in model._meta.get_fields()} if model is not None else {}
    attributes: dict[str, Any] = {}
    for key in keys:
        relation = columns.get(key.removesuffix("_id")) if key.endswith("_id") else None
        if key in fields:
            attributes[key] = fields[key]
        elif key == "id":
            attributes[key] = IdField()
        elif relation is not None and relation.many_to_one:
            attributes[key] = IdField(allow_null=relation.null)
        elif key not in columns:
            attributes[key] = serializers.JSONField()  # no type: whatever the presenter puts there
    if model is None:
        return type(name, (ResponseSerializer,), {**attributes, "__module__": presenter.__module__})
    # Response fields: the model's validators (and read_only) are about input, not output.
    output = {"read_only": False, "validators": []}
    meta = type("Meta", (), {"model": model, "fields": keys, "extra_kwargs": dict.fromkeys(keys, output)})
    bases = (ResponseSerializer, serializers.ModelSerializer)
    return type(name, bases, {**attributes, "Meta": meta, "__module__": presenter.__module__})


@functools.cache
def page_of(item: type[serializers.Serializer[Any]]) -> type[serializers.Serializer[Any]]:
    """The `{items, next, previous}` page paginate() returns, of at most the largest page size."""
    return type(
        f"{item.__name__}Page",
        (ResponseSerializer,),
        {
            "items": serializers.ListField(child=item(), max_length=MAX_PAGE_SIZE),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "paged": True,  # the operation reads the page parameters
            "__module__": item.__module__,
        },
    )


@functools.cache
def partial(body: type[serializers.Serializer[Any]]) -> type[serializers.Serializer[Any]]:
    """A PATCH body: the fields of `body`, each optional and without a default (the services change only
    what a request sends)."""

    def get_fields(self: serializers.Serializer[Any]) -> dict[str, Any]:
        fields: dict[str, Any] = body.get_fields(self)
        for field in fields.values():
            field.required, field.default = False, empty
        return fields

    return type(f"{body.__name__}Partial", (body,), {"get_fields": get_fields, "__module__": body.__module__})


@dataclass(frozen=True)
class Doc:
    """What only the handler of one operation can tell (its app's `schema.OPERATIONS[operationId]`): the
    status and serializer of its success (None: no body), its request body, the errors it raises itself
    (a status, or a status and the serializer of a problem with more members), and the query parameters it
    reads besides the page."""

    status: int
    response: Any = None
    request: Any = None
    errors: tuple[int | tuple[int, Any], ...] = ()
    query: tuple[OpenApiParameter, ...] = ()


# --- the schema class ---------------------------------------------------------------------------------------


class ContractAutoSchema(AutoSchema):
    def get_operation_id(self) -> str:
        view: Any = self.view  # a ContractAPIView: what it binds is the operationId
        operation_id: str = view.operations[self.method.lower()]
        return operation_id

    def _doc(self) -> Doc:
        doc: Doc = _schema_module(self.view).OPERATIONS[self.get_operation_id()]
        return doc

    def get_request_serializer(self) -> Any:
        return self._doc().request

    def get_response_serializers(self) -> Any:
        doc = self._doc()
        responses: dict[Any, Any] = {doc.status: doc.response}
        for error in doc.errors:
            status, serializer = error if isinstance(error, tuple) else (error, ProblemSerializer)
            responses[(status, PROBLEM_CONTENT_TYPE)] = serializer
        if answers_not_modified(self._bound()):
            responses[304] = OpenApiResponse(description="Not modified.")
        return responses

    def get_override_parameters(self) -> list[Any]:
        doc = self._doc()
        handler = getattr(self.view, self.method.lower())
        names = list(inspect.signature(handler).parameters)[1:]  # after `request`: the path's ids
        parameters = [OpenApiParameter(n, ID_SCHEMA, OpenApiParameter.PATH, required=True) for n in names]
        if getattr(doc.response, "paged", False):
            parameters += PAGE_PARAMETERS
        parameters += doc.query
        if doc.status == 201:  # the create handlers reverse() the new resource's path
            location = {"type": "string", "format": "uri-reference"}
            parameters.append(OpenApiParameter("Location", location, "header", required=True, response=[201]))
        if 412 in doc.errors:  # the handler checks `If-Match` (server.common.conditional.if_match)
            parameters.append(IF_MATCH)
        bound = self._bound()
        if answers_not_modified(bound):
            parameters.append(IF_NONE_MATCH)
        return [*parameters, *caching_headers(bound)]

    def _bound(self) -> Any:
        view: Any = self.view
        return view.contract_operations[self.method.lower()]

    def get_tags(self) -> list[str]:
        return []

    def get_description(self) -> str:  # type: ignore[override]  # drf-spectacular's signature
        return ""  # prose is compared nowhere; the view docstrings are for readers of the code

    def _map_serializer(self, serializer: Any, direction: Any, bypass_extensions: bool = False) -> Any:
        schema = super()._map_serializer(serializer, direction, bypass_extensions)
        if direction == "request":
            # Request validation (server.contract) refuses members a body does not declare.
            schema["additionalProperties"] = False
            for name, field in serializer.fields.items():
                member = schema.get("properties", {}).get(name)
                if member is None:
                    continue
                # drf-spectacular leaves out `default: None`; the handlers do apply it (body.get(name)).
                if field.default is None:
                    member["default"] = None
                # Every DRF CharField refuses NUL (ProhibitNullCharactersValidator: PostgreSQL text cannot
                # hold it); drf-spectacular does not say so. A field with its own pattern has a stricter one.
                if "pattern" not in member and any(
                    isinstance(v, ProhibitNullCharactersValidator) for v in field.validators
                ):
                    member["pattern"] = NO_NUL_PATTERN
        return schema

    def _get_request_body(self, direction: str = "request") -> Any:
        body = super()._get_request_body(direction)
        if body:
            # drf-spectacular guesses "optional" for a PATCH body; every handler reads self.body as a dict.
            body["required"] = True
        return body

    def get_operation(self, *args: Any, **kwargs: Any) -> Any:
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses = operation["responses"]
        for status in self._stack_statuses(operation):
            responses.setdefault(
                str(status),
                self._get_response_for_code(ProblemSerializer, str(status), [PROBLEM_CONTENT_TYPE]),
            )
        # server.common.errors.problem_response() challenges every 401; a throttled 429 says when to retry.
        for code, name, schema in (
            ("401", "WWW-Authenticate", {"type": "string", "minLength": 1}),
            ("405", "Allow", {"type": "string", "minLength": 1}),
            ("429", "Retry-After", {"type": "integer", "minimum": 0}),
        ):
            if code in responses:
                responses[code].setdefault("headers", {})[name] = {"schema": schema, "required": True}
        if "409" in responses:  # idempotency_key_in_use (server.apps.idempotency) says when to retry
            responses["409"].setdefault("headers", {})["Retry-After"] = {
                "schema": {"type": "integer", "minimum": 0},
                "required": False,
            }
        self._add_operational_headers(responses)
        self._add_deprecation_headers(operation, responses)
        return operation

    def _add_deprecation_headers(self, operation: dict[str, Any], responses: dict[str, Any]) -> None:
        """server.contract.deprecation.apply(): `Deprecation`, `Sunset` and `Link` when the bound operation,
        or a parameter a request sends, is deprecated. They go on every response, errors too; the contract
        declares them on the successes and 3xx (errors are shared `components/responses`)."""
        from server.contract.deprecation import HEADER_SCHEMAS

        bound = getattr(self.view, "contract_operations", {}).get(self.method.lower())
        if bound is None or (bound.deprecation is None and not bound.deprecated_parameters):
            return
        notices = [p.deprecation for p in bound.deprecated_parameters if p.deprecation is not None]
        if bound.deprecation is not None:
            operation["deprecated"] = True
            notices.append(bound.deprecation)
        names = ["Deprecation"]
        if any(n.sunset is not None for n in notices):
            names.append("Sunset")
        if bound.deprecation is not None and bound.deprecation.link:
            names.append("Link")
        for status, response in responses.items():
            if status[0] in "123":
                headers = response.setdefault("headers", {})
                for name in names:
                    headers[name] = {"schema": HEADER_SCHEMAS[name], "required": False}

    def _add_operational_headers(self, responses: dict[str, Any]) -> None:
        """server.common.observability.response_headers(): `X-Request-ID` on every response, and the
        `RateLimit-*` of the tightest throttle on the successes and the 429s of throttled operations."""
        from server.common.observability import REQUEST_ID_SCHEMA

        throttled = bool(self.view.get_throttles())
        rate_limit = {"type": "integer", "minimum": 0}
        for status, response in responses.items():
            headers = response.setdefault("headers", {})
            if throttled and (status.startswith("2") or status == "429"):
                for name in ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"):
                    headers[name] = {"schema": rate_limit, "required": True}
            headers["X-Request-ID"] = {"schema": REQUEST_ID_SCHEMA, "required": True}
            if status[0] in "45":  # server.common.errors: no cache stores an error
                headers["Cache-Control"] = {
                    "schema": {"type": "string", "const": "no-store"},
                    "required": True,
                }

    def _stack_statuses(self, operation: dict[str, Any]) -> list[int]:
        """What the stack in front of (and behind) every handler answers, given how this one is set up."""
        has_body = "requestBody" in operation
        statuses = []
        if operation.get("parameters") or has_body:
            statuses.append(400)  # request validation
        if self.view.get_authenticators():
            statuses.append(401)  # DRF authentication: missing or bad credentials
        if has_body:
            statuses += [413, 415]  # RequestSizeLimitMiddleware; the body's media type
        if any(code.startswith("2") and r.get("content") for code, r in operation["responses"].items()):
            statuses.append(406)  # server.contract.negotiation: an Accept naming no declared media type
        if self.view.get_throttles():
            statuses.append(429)
        return [*statuses, 500, 503]  # the exception handler: unexpected errors, the database unreachable


def drop_operation_aliases(endpoints: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """drf-spectacular preprocessing hook: leave out the routes `binding.operation_alias` adds (the contract
    declares each operation once; the alias serves the same view at a second path)."""
    served = [endpoint for endpoint in endpoints if not getattr(endpoint[3], "contract_alias", False)]
    for endpoint in served:  # before any operation is described: their auth extensions register on import
        if getattr(endpoint[3], "initkwargs", {}).get("contract_operations"):
            _schema_module(endpoint[3].cls)
    return served


def _schema_module(view: Any) -> Any:
    """The view's app's schema module, by name (as binding.py finds the views): apps sit above this layer."""
    return import_module(view.__module__.rpartition(".")[0] + ".schema")
