"""The diff rules: a stable id, a level and one example each (the example is also a test, and the docs).

Schema rules exist per location: `request-parameter-*` (a parameter's schema), `request-property-*` (the
request body and anything inside it) and `response-property-*` (the response body and anything inside it).
The same change has opposite meanings in the two directions: a server that accepts less breaks clients that
send, a server that returns more breaks clients that read.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Level(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Example:
    """`base` and `revision`: fragments placed in `slot` of a small document (`codegen.diff.examples`)."""

    slot: str
    base: Any
    revision: Any


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    summary: str
    example: Example


E, W, I = Level.ERROR, Level.WARNING, Level.INFO  # noqa: E741

_STRING = {"type": "string"}
_ITEMS_OP = {
    "operationId": "items_list",
    "summary": "List items",
    "responses": {"200": {"description": "OK"}},
}


def _op(**extra: Any) -> dict[str, Any]:
    return {**_ITEMS_OP, **extra}


_PLAIN: list[Rule] = [
    # paths and operations
    Rule(
        "api-path-removed",
        E,
        "a path (and every operation under it) was removed",
        Example(
            "paths",
            {"/items": {"get": _op()}, "/tags": {"get": _op(operationId="tags_list")}},
            {"/items": {"get": _op()}},
        ),
    ),
    Rule(
        "api-removed",
        E,
        "an operation was removed from a path that still exists",
        Example("path-item", {"get": _op(), "delete": _op(operationId="items_clear")}, {"get": _op()}),
    ),
    Rule(
        "api-added",
        I,
        "an operation was added",
        Example("path-item", {"get": _op()}, {"get": _op(), "delete": _op(operationId="items_clear")}),
    ),
    Rule(
        "api-operation-id-changed",
        W,
        "an operation's operationId changed or was removed (generated SDK method names change)",
        Example("operation", {"operationId": "items_list"}, {"operationId": "list_items"}),
    ),
    Rule(
        "api-deprecated",
        I,
        "an operation was marked deprecated",
        Example("operation", {}, {"deprecated": True}),
    ),
    Rule(
        "webhook-removed",
        E,
        "a webhook (OpenAPI 3.1 `webhooks`) was removed",
        Example("webhooks", {"itemCreated": {"post": _op(operationId="item_created")}}, {}),
    ),
    Rule(
        "webhook-added",
        I,
        "a webhook was added",
        Example("webhooks", {}, {"itemCreated": {"post": _op(operationId="item_created")}}),
    ),
    # security
    Rule(
        "api-security-added",
        E,
        "an operation that accepted anonymous requests now requires credentials",
        Example("operation", {"security": []}, {"security": [{"bearerAuth": []}]}),
    ),
    Rule(
        "api-security-changed",
        E,
        "a way of authenticating the operation accepted is no longer enough "
        "(a scheme or scope was added to it, or it was removed)",
        Example(
            "operation",
            {"security": [{"bearerAuth": []}, {"apiKeyAuth": []}]},
            {"security": [{"bearerAuth": []}]},
        ),
    ),
    Rule(
        "api-security-removed",
        I,
        "an operation no longer requires credentials",
        Example("operation", {"security": [{"bearerAuth": []}]}, {"security": []}),
    ),
    # parameters
    Rule(
        "new-required-request-parameter",
        E,
        "a required parameter was added",
        Example("parameters", [], [{"name": "team", "in": "query", "required": True, "schema": _STRING}]),
    ),
    Rule(
        "new-optional-request-parameter",
        I,
        "an optional parameter was added",
        Example("parameters", [], [{"name": "team", "in": "query", "schema": _STRING}]),
    ),
    Rule(
        "request-parameter-removed",
        W,
        "a parameter was removed (clients still send it; the server may reject or ignore it)",
        Example("parameters", [{"name": "team", "in": "query", "schema": _STRING}], []),
    ),
    Rule(
        "request-parameter-became-required",
        E,
        "an optional parameter became required",
        Example(
            "parameters",
            [{"name": "team", "in": "query", "schema": _STRING}],
            [{"name": "team", "in": "query", "required": True, "schema": _STRING}],
        ),
    ),
    Rule(
        "request-parameter-became-optional",
        I,
        "a required parameter became optional",
        Example(
            "parameters",
            [{"name": "team", "in": "query", "required": True, "schema": _STRING}],
            [{"name": "team", "in": "query", "schema": _STRING}],
        ),
    ),
    # request body
    Rule(
        "request-body-became-required",
        E,
        "the request body became required (or a required one was added)",
        Example(
            "request-body",
            {"required": False, "content": {"application/json": {"schema": {}}}},
            {"required": True, "content": {"application/json": {"schema": {}}}},
        ),
    ),
    Rule(
        "request-body-removed",
        W,
        "the request body was removed (clients still send one)",
        Example("request-body", {"content": {"application/json": {"schema": {}}}}, None),
    ),
    Rule(
        "request-body-media-type-removed",
        E,
        "a request media type is no longer accepted",
        Example(
            "request-body",
            {"content": {"application/json": {"schema": {}}, "application/xml": {"schema": {}}}},
            {"content": {"application/json": {"schema": {}}}},
        ),
    ),
    # request body properties
    Rule(
        "new-required-request-property",
        E,
        "a required property was added to a request body",
        Example(
            "request-schema",
            {"type": "object", "properties": {"name": _STRING}},
            {"type": "object", "required": ["team"], "properties": {"name": _STRING, "team": _STRING}},
        ),
    ),
    Rule(
        "new-optional-request-property",
        I,
        "an optional property was added to a request body",
        Example(
            "request-schema",
            {"type": "object", "properties": {"name": _STRING}},
            {"type": "object", "properties": {"name": _STRING, "team": _STRING}},
        ),
    ),
    Rule(
        "request-property-removed",
        W,
        "a request body property was removed (clients still send it)",
        Example(
            "request-schema",
            {"type": "object", "properties": {"name": _STRING, "team": _STRING}},
            {"type": "object", "properties": {"name": _STRING}},
        ),
    ),
    Rule(
        "request-property-became-required",
        E,
        "an optional request body property became required",
        Example(
            "request-schema",
            {"type": "object", "properties": {"name": _STRING}},
            {"type": "object", "required": ["name"], "properties": {"name": _STRING}},
        ),
    ),
    Rule(
        "request-property-became-optional",
        I,
        "a required request body property became optional",
        Example(
            "request-schema",
            {"type": "object", "required": ["name"], "properties": {"name": _STRING}},
            {"type": "object", "properties": {"name": _STRING}},
        ),
    ),
    # responses
    Rule(
        "response-success-status-removed",
        E,
        "a success (2xx) response status was removed",
        Example(
            "responses",
            {"200": {"description": "OK"}, "201": {"description": "Created"}},
            {"200": {"description": "OK"}},
        ),
    ),
    Rule(
        "response-non-success-status-removed",
        W,
        "a non-success response status was removed",
        Example(
            "responses",
            {"200": {"description": "OK"}, "404": {"description": "Not found"}},
            {"200": {"description": "OK"}},
        ),
    ),
    Rule(
        "response-media-type-removed",
        E,
        "a response media type was removed",
        Example(
            "responses",
            {"200": {"description": "OK", "content": {"application/json": {}, "text/csv": {}}}},
            {"200": {"description": "OK", "content": {"application/json": {}}}},
        ),
    ),
    Rule(
        "response-required-property-removed",
        E,
        "a required response property was removed",
        Example(
            "response-schema",
            {"type": "object", "required": ["id"], "properties": {"id": _STRING}},
            {"type": "object", "properties": {}},
        ),
    ),
    Rule(
        "response-optional-property-removed",
        W,
        "an optional response property was removed",
        Example(
            "response-schema",
            {"type": "object", "properties": {"id": _STRING}},
            {"type": "object", "properties": {}},
        ),
    ),
    Rule(
        "response-property-became-optional",
        E,
        "a required response property became optional (clients may find it missing)",
        Example(
            "response-schema",
            {"type": "object", "required": ["id"], "properties": {"id": _STRING}},
            {"type": "object", "properties": {"id": _STRING}},
        ),
    ),
    Rule(
        "response-property-added",
        I,
        "a property was added to a response body",
        Example(
            "response-schema",
            {"type": "object", "properties": {"id": _STRING}},
            {"type": "object", "properties": {"id": _STRING, "name": _STRING}},
        ),
    ),
]


@dataclass(frozen=True)
class _Stem:
    """One schema change, with its level per location (`None`: not reported there)."""

    name: str
    parameter: Level | None
    request: Level | None
    response: Level | None
    summary: str
    base: Any
    revision: Any


_STEMS = [
    _Stem(
        "type-changed",
        E,
        E,
        E,
        "the type changed: narrowed in a request (a value clients send is no "
        "longer accepted) or widened in a response (the server may return a type clients do not expect)",
        {"type": "integer"},
        {"type": "string"},
    ),
    _Stem(
        "format-changed",
        W,
        W,
        W,
        "the `format` changed (added in a request, changed or removed in a response)",
        {"type": "string", "format": "date"},
        {"type": "string", "format": "date-time"},
    ),
    _Stem(
        "became-not-nullable",
        E,
        E,
        None,
        "`null` is no longer accepted (3.0 `nullable`, 3.1 "
        '`type: [.., "null"]` or a `null` member of anyOf/oneOf)',
        {"type": ["string", "null"]},
        {"type": "string"},
    ),
    _Stem(
        "became-nullable",
        None,
        None,
        E,
        "the value may now be `null`",
        {"type": "string"},
        {"type": ["string", "null"]},
    ),
    _Stem(
        "enum-value-removed",
        E,
        E,
        I,
        "an enum value was removed (or an enum was introduced)",
        {"type": "string", "enum": ["low", "high"]},
        {"type": "string", "enum": ["low"]},
    ),
    _Stem(
        "enum-value-added",
        I,
        I,
        E,
        "an enum value was added (or the enum was dropped); in a response it "
        "breaks clients with exhaustive matching, including the generated SDKs' enums",
        {"type": "string", "enum": ["low"]},
        {"type": "string", "enum": ["low", "high"]},
    ),
    _Stem(
        "max-length-decreased",
        E,
        E,
        None,
        "`maxLength` was lowered or set",
        {"type": "string", "maxLength": 100},
        {"type": "string", "maxLength": 50},
    ),
    _Stem(
        "max-length-increased",
        None,
        None,
        W,
        "`maxLength` was raised or removed",
        {"type": "string", "maxLength": 50},
        {"type": "string", "maxLength": 100},
    ),
    _Stem(
        "min-length-increased",
        E,
        E,
        None,
        "`minLength` was raised",
        {"type": "string", "minLength": 1},
        {"type": "string", "minLength": 3},
    ),
    _Stem(
        "min-length-decreased",
        None,
        None,
        W,
        "`minLength` was lowered or removed",
        {"type": "string", "minLength": 3},
        {"type": "string", "minLength": 1},
    ),
    _Stem(
        "max-decreased",
        E,
        E,
        None,
        "`maximum` / `exclusiveMaximum` was lowered or set",
        {"type": "integer", "maximum": 100},
        {"type": "integer", "maximum": 50},
    ),
    _Stem(
        "max-increased",
        None,
        None,
        W,
        "`maximum` / `exclusiveMaximum` was raised or removed",
        {"type": "integer", "maximum": 50},
        {"type": "integer", "maximum": 100},
    ),
    _Stem(
        "min-increased",
        E,
        E,
        None,
        "`minimum` / `exclusiveMinimum` was raised or set",
        {"type": "integer", "minimum": 1},
        {"type": "integer", "minimum": 10},
    ),
    _Stem(
        "min-decreased",
        None,
        None,
        W,
        "`minimum` / `exclusiveMinimum` was lowered or removed",
        {"type": "integer", "minimum": 10},
        {"type": "integer", "minimum": 1},
    ),
    _Stem(
        "max-items-decreased",
        E,
        E,
        None,
        "`maxItems` was lowered or set",
        {"type": "array", "items": _STRING, "maxItems": 10},
        {"type": "array", "items": _STRING, "maxItems": 5},
    ),
    _Stem(
        "min-items-increased",
        E,
        E,
        None,
        "`minItems` was raised",
        {"type": "array", "items": _STRING},
        {"type": "array", "items": _STRING, "minItems": 1},
    ),
    _Stem(
        "pattern-added",
        E,
        E,
        None,
        "a `pattern` was added",
        {"type": "string"},
        {"type": "string", "pattern": "^[a-z]+$"},
    ),
    _Stem(
        "pattern-changed",
        W,
        W,
        None,
        "the `pattern` changed (whether it is stricter cannot be decided)",
        {"type": "string", "pattern": "^[a-z]+$"},
        {"type": "string", "pattern": "^[a-z0-9]+$"},
    ),
    _Stem(
        "default-value-changed",
        W,
        W,
        None,
        "the `default` changed or was removed: clients that omit the value get different behaviour",
        {"type": "integer", "default": 20},
        {"type": "integer", "default": 50},
    ),
    _Stem(
        "one-of-removed",
        E,
        E,
        None,
        "a `oneOf` member was removed",
        {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        {"oneOf": [{"type": "string"}]},
    ),
    _Stem(
        "one-of-added",
        None,
        None,
        E,
        "a `oneOf` member was added",
        {"oneOf": [{"type": "string"}]},
        {"oneOf": [{"type": "string"}, {"type": "integer"}]},
    ),
    _Stem(
        "any-of-removed",
        E,
        E,
        None,
        "an `anyOf` member was removed",
        {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        {"anyOf": [{"type": "string"}]},
    ),
    _Stem(
        "any-of-added",
        None,
        None,
        E,
        "an `anyOf` member was added",
        {"anyOf": [{"type": "string"}]},
        {"anyOf": [{"type": "string"}, {"type": "integer"}]},
    ),
]

LOCATIONS = {"request-parameter": "parameter", "request-property": "request", "response-property": "response"}
_SLOTS = {
    "request-parameter": "parameter-schema",
    "request-property": "request-property-schema",
    "response-property": "response-property-schema",
}


def _stem_rules() -> list[Rule]:
    rules = []
    for stem in _STEMS:
        for location, attribute in LOCATIONS.items():
            level = getattr(stem, attribute)
            if level is not None:
                where = {
                    "request-parameter": "a request parameter",
                    "request-property": "a request body value",
                    "response-property": "a response body value",
                }[location]
                rules.append(
                    Rule(
                        f"{location}-{stem.name}",
                        level,
                        f"{where}: {stem.summary}",
                        Example(_SLOTS[location], stem.base, stem.revision),
                    )
                )
    return rules


RULES: dict[str, Rule] = {rule.id: rule for rule in [*_PLAIN, *_stem_rules()]}


def schema_rule(location: str, stem: str) -> str | None:
    """The rule id for `stem` at `location`, or None when that change is not reported there."""
    rule_id = f"{location}-{stem}"
    return rule_id if rule_id in RULES else None
