"""The diff rules: a stable id, a level and one example each (the example is also a test, and the docs).

Schema rules exist per location: `request-parameter-*` (a parameter's schema), `request-property-*` (the
request body and anything inside it) and `response-property-*` (the response body and anything inside it).
The same change has opposite meanings in the two directions: a server that accepts less breaks clients that
send, a server that returns more breaks clients that read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from codegen.findings import Severity

# A change's level means what a lint finding's severity means (error: fails the run, warning: reported,
# info: a note), with the same three members, order and text: one type serves both (it was a copy of
# codegen.findings.Severity); `Level` stays the diff's name for it.
Level = Severity


@dataclass(frozen=True)
class Example:
    """`base` and `revision`: fragments placed in `slot` of a small document (`codegen.diff.examples`)."""

    slot: str
    base: Any
    revision: Any


OasdiffCheck = tuple[str, Level]  # an oasdiff check id and the highest level oasdiff has given it


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    summary: str
    example: Example
    # The oasdiff checks that report the same change (docs/breaking-changes.md publishes the mapping; a test
    # holds every rule at least as strict as each of them).
    oasdiff: tuple[OasdiffCheck, ...] = ()
    # Why this rule is stricter than oasdiff, when it is (a test requires it then).
    stricter: str = ""


E, W, I = Level.ERROR, Level.WARNING, Level.INFO  # noqa: E741

_STRING = {"type": "string"}
_ITEMS_OP = {
    "operationId": "items_list",
    "summary": "List items",
    "responses": {"200": {"description": "OK"}},
}


def _op(**extra: Any) -> dict[str, Any]:
    return {**_ITEMS_OP, **extra}


def _checks(*pairs: tuple[str, Level]) -> tuple[OasdiffCheck, ...]:
    return tuple(pairs)


_OBJECT = {"type": "object"}
_JSON = {"application/json": {"schema": _OBJECT}}
_PAYLOAD = {"required": True, "content": _JSON}
_HOOK = {"operationId": "item_created", "requestBody": _PAYLOAD, "responses": {"200": {"description": "OK"}}}
_SIGNATURE = {"name": "X-Signature", "in": "header", "required": True, "schema": _STRING}
_TAGS = {"name": "tags", "in": "query", "schema": {"type": "array", "items": _STRING}}
_QUERY = {"name": "q", "in": "query", "schema": _STRING}
_RATE = {"description": "Requests left", "required": True, "schema": {"type": "integer"}}
_OAUTH = {
    "type": "oauth2",
    "flows": {
        "clientCredentials": {
            "tokenUrl": "https://auth.example.com/token",
            "scopes": {"read": "Read", "write": "Write"},
        }
    },
}
_FUTURE = {"deprecated": True, "x-sunset": "9999-12-31"}  # deprecated, sunset not reached
_PAST = {"deprecated": True, "x-sunset": "2000-01-01"}  # deprecated, sunset reached
_NO_SUNSET_NO_REMOVAL = (
    "a deprecation without an `x-sunset` never told clients when (contract lint requires one), so removing "
    "it is as sudden as removing what was never deprecated"
)


def _removal_rules(
    kind: str, what: str, slot: str, base: Any, revision: Any, base_future: Any, base_past: Any, checks: Any
) -> list[Rule]:
    """The deprecation workflow's three verdicts on a removal: not deprecated (as before), deprecated but
    before its `x-sunset` (or without one), deprecated and past its sunset (compatible)."""
    without, before, with_deprecation = checks
    return [
        Rule(
            f"{kind}-removed",
            without[1],
            f"{what} was removed without being deprecated first",
            Example(slot, base, revision),
            _checks(without),
        ),
        Rule(
            f"{kind}-removed-before-sunset",
            E,
            f"{what}, deprecated, was removed before its `x-sunset` date (or had none)",
            Example(slot, base_future, revision),
            _checks(before, with_deprecation),
            _NO_SUNSET_NO_REMOVAL,
        ),
        Rule(
            f"{kind}-removed-after-sunset",
            I,
            f"{what}, deprecated, was removed on or after its `x-sunset` date (the deprecation workflow)",
            Example(slot, base_past, revision),
        ),
    ]


def _lifecycle_rules(kind: str, what: str, slot: str, wrap: Any, checks: dict[str, Any]) -> list[Rule]:
    """Marked deprecated, no longer deprecated, its sunset deleted or moved earlier."""
    later = {"deprecated": True, "x-sunset": "2027-06-30"}
    earlier = {"deprecated": True, "x-sunset": "2027-01-31"}
    return [
        Rule(
            f"{kind}-deprecated",
            I,
            f"{what} was marked deprecated",
            Example(slot, wrap({}), wrap({"deprecated": True})),
            checks["deprecated"],
        ),
        Rule(
            f"{kind}-reactivated",
            I,
            f"{what} is no longer deprecated",
            Example(slot, wrap({"deprecated": True}), wrap({})),
            checks["reactivated"],
        ),
        Rule(
            f"{kind}-sunset-removed",
            E,
            f"{what}, deprecated, lost its `x-sunset` date (clients planned on it)",
            Example(slot, wrap(later), wrap({"deprecated": True})),
            checks["sunset-removed"],
        ),
        Rule(
            f"{kind}-sunset-moved-earlier",
            E,
            f"the `x-sunset` date of {what} moved earlier (clients planned on the later one)",
            Example(slot, wrap(later), wrap(earlier)),
            checks["sunset-moved-earlier"],
        ),
    ]


def _parameter(extra: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"name": "team", "in": "query", "schema": _STRING, **extra}]


_PLAIN: list[Rule] = [
    # paths and operations
    *_removal_rules(
        "api-path",
        "a path (and every operation under it)",
        "paths",
        {"/items": {"get": _op()}, "/tags": {"get": _op(operationId="tags_list")}},
        {"/items": {"get": _op()}},
        {"/items": {"get": _op()}, "/tags": {"get": _op(operationId="tags_list", **_FUTURE)}},
        {"/items": {"get": _op()}, "/tags": {"get": _op(operationId="tags_list", **_PAST)}},
        (
            ("api-path-removed-without-deprecation", E),
            ("api-path-removed-before-sunset", E),
            ("api-path-removed-with-deprecation", I),
        ),
    ),
    *_removal_rules(
        "api",
        "an operation of a path that still exists",
        "path-item",
        {"get": _op(), "delete": _op(operationId="items_clear")},
        {"get": _op()},
        {"get": _op(), "delete": _op(operationId="items_clear", **_FUTURE)},
        {"get": _op(), "delete": _op(operationId="items_clear", **_PAST)},
        (
            ("api-removed-without-deprecation", E),
            ("api-removed-before-sunset", E),
            ("api-removed-with-deprecation", I),
        ),
    ),
    Rule(
        "api-added",
        I,
        "an operation was added",
        Example("path-item", {"get": _op()}, {"get": _op(), "delete": _op(operationId="items_clear")}),
        _checks(("endpoint-added", I)),
    ),
    Rule(
        "api-operation-id-changed",
        W,
        "an operation's operationId changed or was removed (generated SDK method names change)",
        Example("operation", {"operationId": "items_list"}, {"operationId": "list_items"}),
        _checks(("api-operation-id-removed", I), ("api-operation-id-added", I)),
        "both generated SDKs name their methods after operationIds: a rename breaks every caller's code",
    ),
    *_lifecycle_rules(
        "api",
        "an operation",
        "operation",
        lambda extra: extra,
        {
            "deprecated": _checks(("endpoint-deprecated", I), ("endpoint-deprecated-with-sunset", I)),
            "reactivated": _checks(("endpoint-reactivated", I)),
            "sunset-removed": _checks(("sunset-deleted", E)),
            "sunset-moved-earlier": _checks(("api-sunset-date-changed-too-small", E)),
        },
    ),
    Rule(
        "server-removed",
        E,
        "a server URL was removed (from `servers` of the document, a path or an operation)",
        Example(
            "servers",
            [{"url": "https://api.example.com/v1"}, {"url": "https://eu.api.example.com/v1"}],
            [{"url": "https://api.example.com/v1"}],
        ),
    ),
    Rule(
        "server-added",
        I,
        "a server URL was added",
        Example(
            "servers",
            [{"url": "https://api.example.com/v1"}],
            [{"url": "https://api.example.com/v1"}, {"url": "https://eu.api.example.com/v1"}],
        ),
    ),
    # webhooks: our server sends them, so the payload is judged like a response (response-* rules) and what a
    # receiver answers like a request (request-* rules)
    Rule(
        "webhook-removed",
        E,
        "a webhook (OpenAPI 3.1 `webhooks`), or one of its operations, was removed",
        Example("webhooks", {"itemCreated": {"post": _HOOK}}, {}),
        _checks(("webhook-removed", E)),
    ),
    Rule(
        "webhook-added",
        I,
        "a webhook, or an operation of one, was added",
        Example("webhooks", {}, {"itemCreated": {"post": _HOOK}}),
        _checks(("webhook-added", I)),
    ),
    Rule(
        "webhook-payload-removed",
        E,
        "a webhook no longer sends a body (receivers that read it break)",
        Example("webhook-operation", {"requestBody": _PAYLOAD}, {"requestBody": None}),
    ),
    Rule(
        "webhook-payload-media-type-added",
        E,
        "a webhook may send its body in a new media type (receivers cannot negotiate it)",
        Example(
            "webhook-operation",
            {"requestBody": _PAYLOAD},
            {"requestBody": {"content": {**_JSON, "application/xml": {"schema": _OBJECT}}}},
        ),
    ),
    Rule(
        "webhook-payload-media-type-removed",
        I,
        "a webhook no longer sends its body in a media type",
        Example(
            "webhook-operation",
            {"requestBody": {"content": {**_JSON, "application/xml": {"schema": _OBJECT}}}},
            {"requestBody": _PAYLOAD},
        ),
    ),
    Rule(
        "webhook-header-removed",
        E,
        "a header the webhook sent is no longer sent (receivers that read it, e.g. a signature, break)",
        Example("webhook-operation", {"parameters": [_SIGNATURE]}, {"parameters": []}),
    ),
    Rule(
        "webhook-header-became-optional",
        E,
        "a header the webhook always sent may now be missing",
        Example(
            "webhook-operation",
            {"parameters": [_SIGNATURE]},
            {"parameters": [{**_SIGNATURE, "required": False}]},
        ),
    ),
    Rule(
        "webhook-header-added",
        I,
        "a webhook sends a new header",
        Example("webhook-operation", {"parameters": []}, {"parameters": [_SIGNATURE]}),
    ),
    # security
    Rule(
        "api-security-added",
        E,
        "an operation that accepted anonymous requests now requires credentials",
        Example("operation", {"security": []}, {"security": [{"bearerAuth": []}]}),
        _checks(("api-security-added", I), ("api-global-security-added", I)),
        "oasdiff's check is about one more accepted way to authenticate (harmless); ours fires only when "
        "anonymous access ends, which refuses every client that called without credentials",
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
        _checks(
            ("api-security-removed", E),
            ("api-security-scope-added", E),
            ("api-global-security-removed", E),
            ("api-global-security-scope-added", E),
        ),
    ),
    Rule(
        "api-security-removed",
        E,
        "an operation no longer requires credentials (as oasdiff: opening an operation to anonymous callers "
        "is a deliberate decision, made with a new major version)",
        Example("operation", {"security": [{"bearerAuth": []}]}, {"security": []}),
        _checks(("api-security-removed", E), ("api-global-security-removed", E)),
    ),
    Rule(
        "security-scheme-removed",
        W,
        "a security scheme was removed from `components.securitySchemes`",
        Example(
            "security-schemes",
            {"bearerAuth": {"type": "http", "scheme": "bearer"}, "oauth": _OAUTH},
            {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        ),
        _checks(("api-security-component-removed", I)),
        "clients configured with that scheme can no longer use it anywhere (operations that required it are "
        "reported too, as api-security-changed)",
    ),
    Rule(
        "security-scheme-added",
        I,
        "a security scheme was added",
        Example("security-schemes", {}, {"oauth": _OAUTH}),
        _checks(("api-security-component-added", I)),
    ),
    Rule(
        "security-scheme-type-changed",
        E,
        "a security scheme's `type` changed (clients send credentials the old way)",
        Example(
            "security-schemes",
            {"auth": {"type": "http", "scheme": "bearer"}},
            {"auth": {"type": "apiKey", "in": "header", "name": "X-API-Key"}},
        ),
        _checks(("api-security-component-type-changed", I)),
        "a client sends credentials as the old type says: after the change the server does not find them",
    ),
    Rule(
        "security-scheme-changed",
        E,
        "how a security scheme's credentials are sent changed (apiKey `in`/`name`, http `scheme`)",
        Example(
            "security-schemes",
            {"auth": {"type": "http", "scheme": "bearer"}},
            {"auth": {"type": "http", "scheme": "basic"}},
        ),
    ),
    Rule(
        "security-scheme-url-changed",
        W,
        "an OAuth2 flow's token, authorization or refresh URL, or an openIdConnectUrl, changed",
        Example(
            "security-schemes",
            {"oauth": _OAUTH},
            {
                "oauth": {
                    "type": "oauth2",
                    "flows": {
                        "clientCredentials": {
                            "tokenUrl": "https://login.example.com/token",
                            "scopes": {"read": "Read", "write": "Write"},
                        }
                    },
                }
            },
        ),
        _checks(
            ("api-security-component-oauth-url-changed", I),
            ("api-security-component-oauth-token-url-changed", I),
        ),
        "clients configured with the old URL fail to obtain tokens unless it still works",
    ),
    Rule(
        "security-scheme-flow-removed",
        E,
        "an OAuth2 flow was removed (clients using it can no longer obtain tokens)",
        Example("security-schemes", {"oauth": _OAUTH}, {"oauth": {"type": "oauth2", "flows": {}}}),
    ),
    Rule(
        "security-scheme-flow-added",
        I,
        "an OAuth2 flow was added",
        Example("security-schemes", {"oauth": {"type": "oauth2", "flows": {}}}, {"oauth": _OAUTH}),
    ),
    Rule(
        "security-scheme-scope-removed",
        E,
        "an OAuth2 scope was removed (clients requesting it are refused a token)",
        Example(
            "security-schemes",
            {"oauth": _OAUTH},
            {
                "oauth": {
                    "type": "oauth2",
                    "flows": {
                        "clientCredentials": {
                            "tokenUrl": "https://auth.example.com/token",
                            "scopes": {"read": "Read"},
                        }
                    },
                }
            },
        ),
        _checks(("api-security-component-oauth-scope-removed", I)),
        "an authorization server refuses a token request that names an unknown scope (invalid_scope)",
    ),
    Rule(
        "security-scheme-scope-added",
        I,
        "an OAuth2 scope was added",
        Example(
            "security-schemes",
            {
                "oauth": {
                    "type": "oauth2",
                    "flows": {
                        "clientCredentials": {
                            "tokenUrl": "https://auth.example.com/token",
                            "scopes": {"read": "Read"},
                        }
                    },
                }
            },
            {"oauth": _OAUTH},
        ),
        _checks(("api-security-component-oauth-scope-added", I)),
    ),
    # parameters
    Rule(
        "new-required-request-parameter",
        E,
        "a required parameter was added",
        Example("parameters", [], [{"name": "team", "in": "query", "required": True, "schema": _STRING}]),
        _checks(
            ("new-required-request-parameter", E),
            ("new-required-request-default-parameter-to-existing-path", E),
            ("new-request-path-parameter", E),
        ),
    ),
    Rule(
        "new-optional-request-parameter",
        I,
        "an optional parameter was added",
        Example("parameters", [], [{"name": "team", "in": "query", "schema": _STRING}]),
        _checks(
            ("new-optional-request-parameter", I),
            ("new-optional-request-default-parameter-to-existing-path", I),
        ),
    ),
    *_removal_rules(
        "request-parameter",
        "a parameter (clients still send it; the server may reject or ignore it)",
        "parameters",
        _parameter({}),
        [],
        _parameter(_FUTURE),
        _parameter(_PAST),
        (
            ("request-parameter-removed", W),
            ("request-parameter-removed-before-sunset", E),
            ("request-parameter-removed-with-deprecation", I),
        ),
    ),
    *_lifecycle_rules(
        "request-parameter",
        "a parameter",
        "parameters",
        _parameter,
        {
            "deprecated": _checks(("request-parameter-deprecated", I)),
            "reactivated": _checks(("request-parameter-reactivated", I)),
            "sunset-removed": _checks(("request-parameter-sunset-deleted", E)),
            "sunset-moved-earlier": _checks(("request-parameter-sunset-date-changed-too-small", E)),
        },
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
        _checks(("request-parameter-became-required", E)),
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
        _checks(("request-parameter-became-optional", I)),
    ),
    Rule(
        "request-parameter-style-changed",
        E,
        "a parameter's serialization `style` changed (written or by default; clients encode it the old way)",
        Example("parameters", [_TAGS], [{**_TAGS, "style": "pipeDelimited"}]),
        _checks(("request-parameter-style-changed", E)),
    ),
    Rule(
        "request-parameter-explode-changed",
        E,
        "a parameter's `explode` changed for an array or object value (`tags=a&tags=b` vs `tags=a,b`)",
        Example("parameters", [_TAGS], [{**_TAGS, "explode": False}]),
        _checks(("request-parameter-explode-changed", E)),
    ),
    Rule(
        "request-parameter-allow-reserved-removed",
        E,
        "a query parameter no longer accepts reserved characters unencoded (`allowReserved` dropped)",
        Example("parameters", [{**_QUERY, "allowReserved": True}], [_QUERY]),
        _checks(("request-parameter-became-not-allow-reserved", E)),
    ),
    Rule(
        "request-parameter-allow-reserved-added",
        I,
        "a query parameter now accepts reserved characters unencoded (`allowReserved: true`)",
        Example("parameters", [_QUERY], [{**_QUERY, "allowReserved": True}]),
        _checks(("request-parameter-became-allow-reserved", I)),
    ),
    Rule(
        "new-required-request-parameter-property",
        E,
        "a required property was added to an object-valued parameter (e.g. a deepObject query or a header)",
        Example(
            "parameter-schema",
            {"type": "object", "properties": {"a": _STRING}},
            {"type": "object", "required": ["b"], "properties": {"a": _STRING, "b": _STRING}},
        ),
        _checks(("new-required-request-header-property", E)),
    ),
    Rule(
        "request-parameter-property-became-required",
        E,
        "a property of an object-valued parameter became required",
        Example(
            "parameter-schema",
            {"type": "object", "properties": {"a": _STRING}},
            {"type": "object", "required": ["a"], "properties": {"a": _STRING}},
        ),
        _checks(("request-header-property-became-required", E)),
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
        _checks(("request-body-became-required", E), ("added-required-request-body", E)),
    ),
    Rule(
        "request-body-became-optional",
        I,
        "the request body became optional",
        Example(
            "request-body",
            {"required": True, "content": {"application/json": {"schema": {}}}},
            {"content": {"application/json": {"schema": {}}}},
        ),
        _checks(("request-body-became-optional", I)),
    ),
    Rule(
        "request-body-added",
        I,
        "an optional request body was added",
        Example("request-body", None, {"content": {"application/json": {"schema": {}}}}),
        _checks(("added-optional-request-body", I)),
    ),
    Rule(
        "request-body-removed",
        E,
        "the request body was removed (clients still send one; every typed SDK method's signature changes)",
        Example("request-body", {"content": {"application/json": {"schema": {}}}}, None),
        _checks(("request-body-removed", E)),
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
        _checks(("request-body-media-type-removed", E)),
    ),
    Rule(
        "request-body-schema-added",
        E,
        "a request media type that accepted any content now has a schema",
        Example(
            "request-body",
            {"content": {"application/json": {}}},
            {"content": {"application/json": {"schema": {"properties": {"a": _STRING}}}}},
        ),
        _checks(("request-body-media-type-schema-added", E)),
    ),
    Rule(
        "request-body-media-type-added",
        I,
        "a request media type is now accepted too",
        Example(
            "request-body",
            {"content": {"application/json": {"schema": {}}}},
            {"content": {"application/json": {"schema": {}}, "application/xml": {"schema": {}}}},
        ),
        _checks(("request-body-media-type-added", I)),
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
        _checks(("new-required-request-property", E), ("new-required-request-property-with-default", E)),
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
        _checks(("new-optional-request-property", I)),
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
        _checks(("request-property-removed", W)),
    ),
    Rule(
        "request-property-removed-after-sunset",
        I,
        "a deprecated request body property was removed on or after its `x-sunset` date (clients were told "
        "to stop sending it; before the sunset, or without one, request-property-removed applies)",
        Example(
            "request-schema",
            {"type": "object", "properties": {"name": _STRING, "team": {**_STRING, **_PAST}}},
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
        _checks(
            ("request-property-became-required", E), ("request-property-became-required-with-default", E)
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
        _checks(("request-property-became-optional", I)),
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
        _checks(("response-success-status-removed", E)),
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
        _checks(("response-non-success-status-removed", I)),
        "clients that handle the documented error (a 404 branch, a typed SDK exception) may now get "
        "something else",
    ),
    Rule(
        "response-success-status-added",
        W,
        "a new success (2xx) response status may be returned",
        Example(
            "responses",
            {"200": {"description": "OK"}},
            {"200": {"description": "OK"}, "202": {"description": "Accepted"}},
        ),
        _checks(("response-success-status-added", I)),
        "a client that decodes the documented success (a generated SDK among them) gets a status, and maybe "
        "a body, it was not built for",
    ),
    Rule(
        "response-non-success-status-added",
        I,
        "a new non-success response status is documented",
        Example(
            "responses",
            {"200": {"description": "OK"}},
            {"200": {"description": "OK"}, "409": {"description": "Conflict"}},
        ),
        _checks(("response-non-success-status-added", I)),
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
        _checks(("response-media-type-removed", E), ("response-media-type-name-generalized", E)),
    ),
    Rule(
        "response-body-schema-removed",
        E,
        "a response media type no longer has a schema (the server may return anything)",
        Example(
            "responses",
            {
                "200": {
                    "description": "OK",
                    "content": {"application/json": {"schema": {"properties": {"a": _STRING}}}},
                }
            },
            {"200": {"description": "OK", "content": {"application/json": {}}}},
        ),
        _checks(("response-body-media-type-schema-removed", E)),
    ),
    Rule(
        "response-media-type-added",
        I,
        "a response media type was added (clients ask for it with Accept)",
        Example(
            "responses",
            {"200": {"description": "OK", "content": {"application/json": {}}}},
            {"200": {"description": "OK", "content": {"application/json": {}, "text/csv": {}}}},
        ),
        _checks(("response-media-type-added", I)),
    ),
    Rule(
        "response-required-header-removed",
        E,
        "a required response header was removed",
        Example("response-headers", {"X-Rate": _RATE}, {}),
        _checks(("required-response-header-removed", E)),
    ),
    Rule(
        "response-optional-header-removed",
        W,
        "an optional response header was removed",
        Example("response-headers", {"X-Rate": {**_RATE, "required": False}}, {}),
        _checks(("optional-response-header-removed", W)),
    ),
    Rule(
        "response-deprecation-header-removed",
        I,
        "an optional `Deprecation` or `Sunset` response header was removed: the server sends them only while "
        "something is deprecated (RFC 9745, RFC 8594), so no client can count on them (the removal of what "
        "was deprecated is judged by its own rule)",
        Example(
            "response-headers",
            {"Deprecation": {"schema": _STRING}, "Sunset": {"schema": _STRING}},
            {"Sunset": {"schema": _STRING}},
        ),
    ),
    Rule(
        "response-header-became-optional",
        E,
        "a required response header may now be missing",
        Example("response-headers", {"X-Rate": _RATE}, {"X-Rate": {**_RATE, "required": False}}),
        _checks(("response-header-became-optional", E)),
    ),
    Rule(
        "response-header-added",
        I,
        "a response header was added",
        Example("response-headers", {}, {"X-Rate": _RATE}),
        _checks(("response-header-added", I)),
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
        _checks(("response-required-property-removed", E)),
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
        _checks(("response-optional-property-removed", I)),
        "clients that read it when present never find it again",
    ),
    Rule(
        "response-property-removed-after-sunset",
        I,
        "a deprecated response property was removed on or after its `x-sunset` date (before the sunset, or "
        "without one, response-required-property-removed or response-optional-property-removed applies)",
        Example(
            "response-schema",
            {"type": "object", "properties": {"id": _STRING, "legacy_id": {**_STRING, **_PAST}}},
            {"type": "object", "properties": {"id": _STRING}},
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
        _checks(("response-property-became-optional", E)),
    ),
    Rule(
        "response-write-only-property-became-readable",
        W,
        "a required write-only property is no longer write-only: responses now carry it",
        Example(
            "response-schema",
            {
                "type": "object",
                "required": ["secret"],
                "properties": {"secret": {**_STRING, "writeOnly": True}},
            },
            {"type": "object", "required": ["secret"], "properties": {"secret": _STRING}},
        ),
        _checks(("response-required-property-became-non-write-only", W)),
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
        _checks(("response-optional-property-added", I), ("response-required-property-added", I)),
    ),
]


@dataclass(frozen=True)
class _Stem:
    """One schema change, with its level per location (`None`: not reported there) and oasdiff's checks."""

    name: str
    parameter: Level | None
    request: Level | None
    response: Level | None
    header: Level | None
    summary: str
    base: Any
    revision: Any
    oasdiff: dict[str, tuple[OasdiffCheck, ...]] = field(default_factory=dict)  # location attribute -> checks
    stricter: str = ""
    # the example in the response directions, when the change means the opposite there
    response_example: tuple[Any, Any] | None = None


def _body(suffix: str, level: Level, side: str = "request") -> tuple[OasdiffCheck, ...]:
    """oasdiff names the change twice: on the body itself and on a property inside it."""
    return ((f"{side}-body-{suffix}", level), (f"{side}-property-{suffix}", level))


def _keyword_checks(suffixes: str, level: Level, side: str) -> tuple[OasdiffCheck, ...]:
    return tuple(check for suffix in suffixes.split() for check in _body(suffix, level, side))


_DEFAULT_WHY = (
    "a client that omits the value gets different behaviour: the server acts on a value the client never "
    "sent (oasdiff's latest releases say info, earlier ones error)"
)
_TIGHTENED = (
    "if-added then-added else-added contains-added min-contains-increased max-contains-decreased "
    "dependent-required-added dependent-schema-added pattern-property-added property-names-added "
    "unevaluated-items-added unevaluated-properties-added content-schema-added max-properties-set "
    "max-properties-decreased min-properties-increased unique-items-set multiple-of-set"
)
_RELAXED = (
    "if-removed then-removed else-removed contains-removed min-contains-decreased max-contains-increased "
    "dependent-required-removed dependent-schema-removed pattern-property-removed property-names-removed "
    "unevaluated-items-removed unevaluated-properties-removed content-schema-removed "
    "max-properties-increased "
    "min-properties-decreased unique-items-unset multiple-of-unset"
)

_STEMS = [
    _Stem(
        "type-changed",
        E,
        E,
        E,
        E,
        "the type changed: narrowed in a request (a value clients send is no "
        "longer accepted) or widened in a response (the server may return a type clients do not expect)",
        {"type": "integer"},
        {"type": "string"},
        {
            "parameter": _checks(
                ("request-parameter-type-changed", E),
                ("request-parameter-list-of-types-narrowed", E),
                ("request-parameter-property-type-specialized", E),
            ),
            "request": (
                *_body("type-changed", E),
                *_body("list-of-types-narrowed", E),
                ("request-body-media-type-schema-added", E),
            ),
            "response": (
                *_body("type-changed", E, "response"),
                *_body("type-generalized", E, "response"),
                *_body("list-of-types-widened", E, "response"),
                ("response-body-media-type-schema-removed", E),
            ),
            "header": _checks(("response-header-type-changed", E), ("response-header-type-generalized", E)),
        },
    ),
    _Stem(
        "type-compatible",
        I,
        I,
        I,
        I,
        "the type changed compatibly: widened in a request, narrowed in a response",
        {"type": "integer"},
        {"type": "number"},
        {
            "parameter": _checks(
                ("request-parameter-type-generalized", I), ("request-parameter-list-of-types-widened", I)
            ),
            "request": (*_body("type-generalized", I), *_body("list-of-types-widened", I)),
            "response": (
                *_body("type-specialized", I, "response"),
                *_body("list-of-types-narrowed", I, "response"),
            ),
            "header": _checks(("response-header-type-specialized", I)),
        },
        response_example=({"type": "number"}, {"type": "integer"}),
    ),
    _Stem(
        "format-changed",
        E,
        E,
        E,
        E,
        "the `format` changed (added in a request, changed or removed in a response); oasdiff counts it as "
        "a type change",
        {"type": "string", "format": "date"},
        {"type": "string", "format": "date-time"},
        {
            "parameter": _checks(("request-parameter-type-changed", E)),
            "request": _body("type-changed", E),
            "response": _body("type-changed", E, "response"),
            "header": _checks(("response-header-type-changed", E)),
        },
    ),
    _Stem(
        "became-not-nullable",
        E,
        E,
        I,
        I,
        "`null` is no longer allowed (3.0 `nullable`, 3.1 "
        '`type: [.., "null"]` or a `null` member of anyOf/oneOf)',
        {"type": ["string", "null"]},
        {"type": "string"},
        {
            "parameter": _checks(
                ("request-parameter-became-not-nullable", E),
                ("request-parameter-property-became-not-nullable", E),
            ),
            "request": _body("became-not-nullable", E),
            "response": _body("became-not-nullable", I, "response"),
            "header": _checks(("response-header-became-not-nullable", I)),
        },
    ),
    _Stem(
        "became-nullable",
        I,
        I,
        E,
        E,
        "the value may now be `null`",
        {"type": "string"},
        {"type": ["string", "null"]},
        {
            "parameter": _checks(
                ("request-parameter-became-nullable", I), ("request-parameter-property-became-nullable", I)
            ),
            "request": _body("became-nullable", I),
            "response": _body("became-nullable", E, "response"),
            "header": _checks(("response-header-became-nullable", E)),
        },
    ),
    _Stem(
        "enum-value-removed",
        E,
        E,
        I,
        I,
        "an enum value was removed (or an enum or `const` was introduced)",
        {"type": "string", "enum": ["low", "high"]},
        {"type": "string", "enum": ["low"]},
        {
            "parameter": _checks(
                ("request-parameter-enum-value-removed", E),
                ("request-parameter-property-enum-value-removed", E),
                ("request-parameter-became-enum", E),
            ),
            "request": (
                ("request-property-enum-value-removed", E),
                ("request-body-enum-value-removed", E),
                *_body("became-enum", E),
                *_body("const-added", E),
                *_body("const-changed", E),
            ),
            "response": (
                ("response-property-enum-value-removed", I),
                ("response-media-type-enum-value-removed", I),
                *_body("const-added", I, "response"),
            ),
        },
    ),
    _Stem(
        "enum-value-added",
        I,
        I,
        E,
        E,
        "an enum value was added (or the enum or `const` was dropped); in a response it "
        "breaks clients with exhaustive matching, including the generated SDKs' enums",
        {"type": "string", "enum": ["low"]},
        {"type": "string", "enum": ["low", "high"]},
        {
            "parameter": _checks(
                ("request-parameter-enum-value-added", I), ("request-parameter-property-enum-value-added", I)
            ),
            "request": (("request-property-enum-value-added", I), *_body("const-removed", I)),
            "response": (
                ("response-property-enum-value-added", W),
                *_body("const-removed", E, "response"),
                *_body("const-changed", E, "response"),
            ),
        },
        "both generated SDKs decode response enums into closed types: an unknown value fails the call",
    ),
]


# oasdiff's checks for a bound that widens what a response may hold
_RESPONSE_SUFFIXES = {
    "max-length-increased": "max-length-increased max-length-unset",
    "min-length-decreased": "min-length-decreased",
    "max-increased": "max-increased exclusive-max-increased",
    "min-decreased": "min-decreased exclusive-min-decreased",
    "max-items-increased": "max-items-increased",
    "min-items-decreased": "min-items-decreased min-items-unset",
}


def _bound_stem(name: str, tighter: bool, summary: str, base: Any, revision: Any, suffixes: str) -> _Stem:
    """A bound that narrows (`tighter`: breaking in a request) or widens (breaking in a response)."""
    narrow, wide = (E, I) if tighter else (I, E)
    parameter = tuple((f"request-parameter-{s}", narrow) for s in suffixes.split())
    if name.startswith("pattern"):  # oasdiff names pattern checks on properties only
        request: tuple[OasdiffCheck, ...] = ((f"request-property-{name}", narrow),)
        response: tuple[OasdiffCheck, ...] = ((f"response-property-{name}", wide),)
    else:
        request = tuple(c for s in suffixes.split() for c in _body(s, narrow))
        response = tuple(
            c for s in _RESPONSE_SUFFIXES.get(name, "").split() for c in _body(s, wide, "response")
        )
    return _Stem(
        name,
        narrow,
        narrow,
        wide,
        wide,
        summary,
        base,
        revision,
        {"parameter": parameter, "request": request, "response": response},
    )


_STEMS += [
    _bound_stem(
        "max-length-decreased",
        True,
        "`maxLength` was lowered or set",
        {"type": "string", "maxLength": 100},
        {"type": "string", "maxLength": 50},
        "max-length-decreased max-length-set",
    ),
    _bound_stem(
        "max-length-increased",
        False,
        "`maxLength` was raised or removed",
        {"type": "string", "maxLength": 50},
        {"type": "string", "maxLength": 100},
        "max-length-increased",
    ),
    _bound_stem(
        "min-length-increased",
        True,
        "`minLength` was raised",
        {"type": "string", "minLength": 1},
        {"type": "string", "minLength": 3},
        "min-length-increased",
    ),
    _bound_stem(
        "min-length-decreased",
        False,
        "`minLength` was lowered or removed",
        {"type": "string", "minLength": 3},
        {"type": "string", "minLength": 1},
        "min-length-decreased",
    ),
    _bound_stem(
        "max-decreased",
        True,
        "`maximum` / `exclusiveMaximum` was lowered or set",
        {"type": "integer", "maximum": 100},
        {"type": "integer", "maximum": 50},
        "max-decreased max-set exclusive-max-decreased exclusive-max-set",
    ),
    _bound_stem(
        "max-increased",
        False,
        "`maximum` / `exclusiveMaximum` was raised or removed",
        {"type": "integer", "maximum": 50},
        {"type": "integer", "maximum": 100},
        "max-increased exclusive-max-increased",
    ),
    _bound_stem(
        "min-increased",
        True,
        "`minimum` / `exclusiveMinimum` was raised or set",
        {"type": "integer", "minimum": 1},
        {"type": "integer", "minimum": 10},
        "min-increased min-set exclusive-min-increased exclusive-min-set",
    ),
    _bound_stem(
        "min-decreased",
        False,
        "`minimum` / `exclusiveMinimum` was lowered or removed",
        {"type": "integer", "minimum": 10},
        {"type": "integer", "minimum": 1},
        "min-decreased exclusive-min-decreased",
    ),
    _bound_stem(
        "max-items-decreased",
        True,
        "`maxItems` was lowered or set",
        {"type": "array", "items": _STRING, "maxItems": 10},
        {"type": "array", "items": _STRING, "maxItems": 5},
        "max-items-decreased max-items-set",
    ),
    _bound_stem(
        "max-items-increased",
        False,
        "`maxItems` was raised or removed",
        {"type": "array", "items": _STRING, "maxItems": 5},
        {"type": "array", "items": _STRING, "maxItems": 10},
        "max-items-increased",
    ),
    _bound_stem(
        "min-items-increased",
        True,
        "`minItems` was raised",
        {"type": "array", "items": _STRING},
        {"type": "array", "items": _STRING, "minItems": 1},
        "min-items-increased min-items-set",
    ),
    _bound_stem(
        "min-items-decreased",
        False,
        "`minItems` was lowered or removed",
        {"type": "array", "items": _STRING, "minItems": 2},
        {"type": "array", "items": _STRING, "minItems": 1},
        "min-items-decreased",
    ),
    _bound_stem(
        "pattern-added",
        True,
        "a `pattern` was added",
        {"type": "string"},
        {"type": "string", "pattern": "^[a-z]+$"},
        "pattern-added",
    ),
    _bound_stem(
        "pattern-removed",
        False,
        "the `pattern` was removed",
        {"type": "string", "pattern": "^[a-z]+$"},
        {"type": "string"},
        "pattern-removed",
    ),
    _Stem(
        "pattern-changed",
        W,
        W,
        W,
        W,
        "the `pattern` changed (whether it is stricter cannot be decided)",
        {"type": "string", "pattern": "^[a-z]+$"},
        {"type": "string", "pattern": "^[a-z0-9]+$"},
        {
            "parameter": _checks(("request-parameter-pattern-changed", W)),
            "request": _checks(("request-property-pattern-changed", W)),
            "response": _checks(("response-property-pattern-changed", W)),
        },
    ),
    _Stem(
        "default-value-changed",
        E,
        E,
        None,
        None,
        "the `default` was set, changed or removed: clients that omit the value get different behaviour",
        {"type": "integer", "default": 20},
        {"type": "integer", "default": 50},
        {
            "parameter": _checks(
                ("request-parameter-default-value-changed", E),
                ("request-parameter-default-value-added", E),
                ("request-parameter-default-value-removed", E),
            ),
            "request": (
                *_body("default-value-changed", I),
                *_body("default-value-added", I),
                *_body("default-value-removed", I),
            ),
        },
        _DEFAULT_WHY,
    ),
    _Stem(
        "one-of-removed",
        E,
        E,
        I,
        I,
        "a `oneOf` member was removed",
        {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        {"oneOf": [{"type": "string"}]},
        {"request": _body("one-of-removed", E), "response": _body("one-of-removed", I, "response")},
    ),
    _Stem(
        "one-of-added",
        I,
        I,
        E,
        E,
        "a `oneOf` member was added",
        {"oneOf": [{"type": "string"}]},
        {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        {
            "request": _body("one-of-added", I),
            "response": (*_body("one-of-added", E, "response"), ("response-body-wrapped-in-one-of", E)),
        },
    ),
    _Stem(
        "wrapped-in-one-of",
        E,
        E,
        None,
        None,
        "a schema became a `oneOf` (a value matching two members is now refused); in a response each new "
        "member is reported as one-of-added",
        {"type": "string"},
        {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        {"request": _checks(("request-body-wrapped-in-one-of", E))},
    ),
    _Stem(
        "any-of-removed",
        E,
        E,
        I,
        I,
        "an `anyOf` member was removed",
        {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        {"anyOf": [{"type": "string"}]},
        {"request": _body("any-of-removed", E), "response": _body("any-of-removed", I, "response")},
    ),
    _Stem(
        "any-of-added",
        I,
        I,
        E,
        E,
        "an `anyOf` member was added",
        {"anyOf": [{"type": "string"}]},
        {"anyOf": [{"type": "string"}, {"type": "integer"}]},
        {"request": _body("any-of-added", I), "response": _body("any-of-added", E, "response")},
    ),
    _Stem(
        "all-of-added",
        E,
        E,
        I,
        I,
        "an `allOf` member was added (it can only constrain; what it says is reported too)",
        {"allOf": [{"type": "object"}]},
        {"allOf": [{"type": "object"}, {"type": "object"}]},
        {"request": _body("all-of-added", E), "response": _body("all-of-added", I, "response")},
    ),
    _Stem(
        "all-of-removed",
        W,
        W,
        E,
        E,
        "an `allOf` member was removed (what it said is reported too)",
        {"allOf": [{"type": "object"}, {"type": "object"}]},
        {"allOf": [{"type": "object"}]},
        # oasdiff: info in its latest releases, a warning in earlier ones
        {"request": _body("all-of-removed", W), "response": _body("all-of-removed", E, "response")},
    ),
    _Stem(
        "additional-properties-narrowed",
        None,
        E,
        I,
        None,
        "`additionalProperties` became false (unknown properties are refused) or its schema narrowed "
        "(reported by the rules above, at `/additionalProperties`)",
        {"type": "object", "properties": {"a": _STRING}},
        {"type": "object", "properties": {"a": _STRING}, "additionalProperties": False},
    ),
    _Stem(
        "additional-properties-widened",
        None,
        I,
        W,
        None,
        "`additionalProperties` false was lifted: the server accepts, or may return, properties that are "
        "not declared (strict response models reject them)",
        {"type": "object", "properties": {"a": _STRING}, "additionalProperties": False},
        {"type": "object", "properties": {"a": _STRING}},
    ),
    _Stem(
        "constraint-tightened",
        E,
        E,
        I,
        I,
        "another JSON Schema assertion was added or tightened (if/then/else, contains, dependentRequired, "
        "dependentSchemas, patternProperties, propertyNames, unevaluated*, contentSchema, not, "
        "min/maxProperties, min/maxContains, uniqueItems, multipleOf)",
        {"type": "array", "items": _STRING},
        {"type": "array", "items": _STRING, "uniqueItems": True},
        {
            "request": _keyword_checks(_TIGHTENED, E, "request"),
            "response": _keyword_checks(_TIGHTENED, I, "response"),
        },
    ),
    _Stem(
        "constraint-relaxed",
        I,
        I,
        E,
        E,
        "another JSON Schema assertion (see above) was removed or loosened",
        {"type": "array", "items": _STRING, "uniqueItems": True},
        {"type": "array", "items": _STRING},
        {
            "request": _keyword_checks(_RELAXED, I, "request"),
            "response": _keyword_checks(_RELAXED, E, "response"),
        },
    ),
    _Stem(
        "constraint-changed",
        E,
        E,
        E,
        E,
        "an assertion changed in a way that is neither looser nor tighter (a subschema or `multipleOf` "
        "changed; `prefixItems`, `contentMediaType`, `contentEncoding` added, removed or changed)",
        {"type": "string", "contentEncoding": "base64"},
        {"type": "string", "contentEncoding": "base32"},
        {
            "request": _keyword_checks(
                "multiple-of-changed content-media-type-changed content-encoding-changed "
                "prefix-items-removed "
                "dependent-required-changed",
                E,
                "request",
            ),
            "response": _keyword_checks(
                "multiple-of-changed content-media-type-changed content-encoding-changed prefix-items-added "
                "dependent-required-changed",
                E,
                "response",
            ),
        },
    ),
]

LOCATIONS = {
    "request-parameter": "parameter",
    "request-property": "request",
    "response-property": "response",
    "response-header": "header",
}
WHERE = {
    "request-parameter": "a request parameter",
    "request-property": "a request body value",
    "response-property": "a response body value (or a webhook payload)",
    "response-header": "a response header (or a header a webhook sends)",
}
_SLOTS = {
    "request-parameter": "parameter-schema",
    "request-property": "request-property-schema",
    "response-property": "response-property-schema",
    "response-header": "response-header-schema",
}


def _stem_rules() -> list[Rule]:
    rules = []
    for stem in _STEMS:
        for location, attribute in LOCATIONS.items():
            level = getattr(stem, attribute)
            if level is None:
                continue
            base, revision = stem.base, stem.revision
            if location.startswith("response") and stem.response_example is not None:
                base, revision = stem.response_example
            rules.append(
                Rule(
                    f"{location}-{stem.name}",
                    level,
                    f"{WHERE[location]}: {stem.summary}",
                    Example(_SLOTS[location], base, revision),
                    stem.oasdiff.get(attribute, ()),
                    stem.stricter,
                )
            )
    return rules


RULES: dict[str, Rule] = {rule.id: rule for rule in [*_PLAIN, *_stem_rules()]}


def schema_rule(location: str, stem: str) -> str | None:
    """The rule id for `stem` at `location`, or None when that change is not reported there."""
    rule_id = f"{location}-{stem}"
    return rule_id if rule_id in RULES else None
