"""The contract's examples: each one is valid against its own schema, and each response example looks like
what the server really answers.

1. Static: every `example` / `examples` of a parameter, header, request or response body (and every schema's
   `examples`) validates against its schema, formats included (OpenAPI 3.1 dialect).
2. Against the seeded server: for every response example, the request it illustrates is made (the request
   example, seeded ids, the right identity) and the real body must have the example's shape - the same
   members at every level, the same JSON types where neither side is null - and, for problem+json, the same
   `status` and `code`. Every response example must be covered; the few that cannot be provoked on purpose
   are listed in NOT_PROVOKED with the reason.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import yaml
from openapi_schema_validator import OAS31Validator, oas31_format_checker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .conftest import World
from .harness import Reply, is_live, member_token, send, staff_api_key, token_pair
from .seed import IDS, USERS

pytestmark = pytest.mark.contract


def _document() -> dict[str, Any]:
    from django.conf import settings

    with open(settings.CONTRACT_SPEC_PATH, encoding="utf-8") as fh:
        document: dict[str, Any] = yaml.safe_load(fh)
    return document


DOCUMENT = _document()
REGISTRY: Registry[Any] = Registry().with_resource("urn:contract", DRAFT202012.create_resource(DOCUMENT))


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = DOCUMENT
        for token in node["$ref"][2:].split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


# --- 1. every example is valid against its schema ---------------------------------------------------------


@dataclass(frozen=True)
class Example:
    where: str  # JSON pointer of the example value
    schema: str  # JSON pointer of the schema it illustrates
    value: Any = field(compare=False)


def _examples(node: Any, pointer: str = "") -> Iterator[Example]:
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _examples(item, f"{pointer}/{index}")
        return
    if not isinstance(node, dict):
        return
    if "schema" in node:  # a parameter, a header or a media type object
        schema = f"{pointer}/schema"
        if "example" in node:
            yield Example(f"{pointer}/example", schema, node["example"])
        for name, example in (node.get("examples") or {}).items():
            resolved = _resolve(example)
            if "value" in resolved:
                yield Example(f"{pointer}/examples/{_escape(name)}/value", schema, resolved["value"])
    elif pointer.startswith("/components/schemas") and isinstance(node.get("examples"), list):
        for index, value in enumerate(node["examples"]):
            yield Example(f"{pointer}/examples/{index}", pointer, value)
    for key, value in node.items():
        if key not in ("example", "examples"):
            yield from _examples(value, f"{pointer}/{_escape(key)}")


ALL_EXAMPLES = list(_examples(DOCUMENT))


def test_the_contract_has_examples_to_check() -> None:
    assert len(ALL_EXAMPLES) > 50


@pytest.mark.parametrize("example", ALL_EXAMPLES, ids=lambda e: e.where)
def test_example_is_valid_against_its_schema(example: Example) -> None:
    validator = OAS31Validator(
        {"$ref": f"urn:contract#{example.schema}"}, registry=REGISTRY, format_checker=oas31_format_checker
    )
    errors = [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in validator.iter_errors(example.value)
    ]
    assert not errors, f"{example.where} does not match {example.schema}:\n  " + "\n  ".join(errors)


# --- 2. response examples have the shape of real responses ------------------------------------------------


def _bearer(user_id: int = IDS.alice) -> dict[str, str]:
    token = member_token() if user_id == IDS.alice else token_pair(user_id)["access"]
    return {"Authorization": f"Bearer {token}"}


def _staff() -> dict[str, str]:
    return {"X-API-Key": staff_api_key()}


@dataclass
class Call:
    """The request a response example illustrates. `body=None` uses the operation's request example."""

    method: str
    path: str
    headers: Callable[[], dict[str, str]] = _bearer
    body: Any = None
    overrides: Callable[[], dict[str, Any]] = dict
    raw: bytes | None = None
    content_type: str = "application/json"
    before: Callable[[], None] | None = None


APOLLO = f"/api/v1/projects/{IDS.apollo}"
APOLLO_TASK = f"{APOLLO}/tasks/{IDS.apollo_task}"

# Success examples, by operationId (an operation has at most one 2xx example).
SUCCESS: dict[str, Call] = {
    "auth_token_obtain": Call("POST", "/api/v1/auth/token", headers=dict),
    "auth_token_refresh": Call(
        "POST", "/api/v1/auth/token/refresh", headers=dict, overrides=lambda: {"refresh": _refresh()}
    ),
    "api_keys_list": Call("GET", "/api/v1/api-keys"),
    "api_keys_create": Call("POST", "/api/v1/api-keys"),
    "users_list": Call("GET", "/api/v1/users?page_size=2", headers=_staff),
    # The example's username, made unique: a live server keeps the accounts earlier tests registered.
    "users_register": Call("POST", "/api/v1/users", headers=dict, overrides=lambda: _unique_account()),
    "users_me_retrieve": Call("GET", "/api/v1/users/me"),
    "users_me_update": Call("PATCH", "/api/v1/users/me"),
    "projects_list": Call("GET", "/api/v1/projects?page_size=1"),
    "projects_create": Call("POST", "/api/v1/projects"),
    "projects_retrieve": Call("GET", APOLLO),
    "projects_replace": Call("PUT", APOLLO),
    "projects_update": Call("PATCH", APOLLO),
    "project_members_list": Call("GET", f"{APOLLO}/members"),
    "project_members_add": Call("POST", f"{APOLLO}/members", overrides=lambda: {"user_id": IDS.nia}),
    "project_members_update": Call("PATCH", f"{APOLLO}/members/{IDS.max}"),
    "project_invitations_list": Call("GET", f"{APOLLO}/invitations"),
    "project_invitations_create": Call(
        "POST", f"{APOLLO}/invitations", overrides=lambda: {"user_id": IDS.ada}
    ),
    "invitations_list_mine": Call("GET", "/api/v1/users/me/invitations"),
    "invitations_accept": Call("POST", f"/api/v1/users/me/invitations/{IDS.alice_invitation}/accept"),
    "tasks_list": Call("GET", f"{APOLLO}/tasks?page_size=1"),
    "tasks_create": Call("POST", f"{APOLLO}/tasks", overrides=lambda: {"assignee_id": IDS.max}),
    "tasks_retrieve": Call("GET", APOLLO_TASK),
    "tasks_update": Call("PATCH", APOLLO_TASK),
    "comments_list": Call("GET", f"{APOLLO_TASK}/comments"),
    "comments_create": Call("POST", f"{APOLLO_TASK}/comments"),
    "comments_update": Call("PATCH", f"{APOLLO_TASK}/comments/{IDS.alice_comment}"),
    "webhooks_list": Call("GET", f"{APOLLO}/webhooks"),
    "webhooks_create": Call("POST", f"{APOLLO}/webhooks"),
    "webhooks_retrieve": Call("GET", f"{APOLLO}/webhooks/{IDS.apollo_webhook}"),
    "webhooks_update": Call("PATCH", f"{APOLLO}/webhooks/{IDS.apollo_webhook}", body={"events": ["ping"]}),
    "webhooks_ping": Call("POST", f"{APOLLO}/webhooks/{IDS.apollo_webhook}/ping"),
    "webhook_deliveries_list": Call("GET", f"{APOLLO}/webhooks/{IDS.apollo_webhook}/deliveries"),
    "webhook_deliveries_redeliver": Call(
        "POST", f"{APOLLO}/webhooks/{IDS.apollo_webhook}/deliveries/{IDS.apollo_delivery}/redeliver"
    ),
    "health_live": Call("GET", "/api/v1/health/live", headers=dict),
    "health_ready": Call("GET", "/api/v1/health/ready", headers=dict),
}


def _unique_account() -> dict[str, str]:
    suffix = uuid.uuid4().hex[:8]
    return {"username": f"grace.hopper.{suffix}", "email": f"grace.{suffix}@example.com"}


def _refresh() -> str:
    return token_pair(IDS.alice)["refresh"]


def _throttle_auth_to_one_a_minute() -> None:
    """In-process only: the `auth` scope allows one request a minute, so the second one is throttled."""
    from rest_framework.throttling import SimpleRateThrottle

    SimpleRateThrottle.THROTTLE_RATES = {**SimpleRateThrottle.THROTTLE_RATES, "auth": "1/min"}
    send("POST", "/api/v1/auth/token", json_body={"username": "nobody", "password": "x"})


def _idempotent(key: str) -> Callable[[], dict[str, str]]:
    return lambda: {**_bearer(), "Idempotency-Key": key}


def _use_key_once(key: str) -> Callable[[], None]:
    """The first request with `key`; the example's request then reuses it with another body."""
    return lambda: (
        None
        if send(
            "POST", "/api/v1/projects", headers=_idempotent(key)(), json_body={"name": "First use"}
        ).status
        == 201
        else pytest.fail("the first request with the key failed")
    )


def _key_in_flight(key: str, body: dict[str, Any]) -> Callable[[], None]:
    """In-process only: the claim a request still running holds on `key`."""

    def claim() -> None:
        from datetime import timedelta

        from django.utils import timezone

        from server.apps.idempotency.models import IdempotencyRecord
        from server.apps.idempotency.service import key_digest, request_fingerprint

        now = timezone.now()
        IdempotencyRecord.objects.create(
            user_id=IDS.alice,
            key_digest=key_digest(key),
            fingerprint=request_fingerprint("POST", "/api/v1/projects", body),
            created_at=now,
            expires_at=now + timedelta(hours=1),
            locked_until=now + timedelta(minutes=1),
        )

    return claim


_REUSED_KEY = f"examples-reused-{uuid.uuid4()}"
_IN_FLIGHT_KEY = f"examples-in-flight-{uuid.uuid4()}"

# Error examples, by (component response, example name or "" for a single `example`).
ERRORS: dict[tuple[str, str], Call] = {
    ("BadRequest", "validation_error"): Call(
        "POST", f"{APOLLO}/tasks", body={"title": "x" * 201, "priority": "critical"}
    ),
    ("BadRequest", "validation_error_query"): Call("GET", "/api/v1/projects?ordering=popularity"),
    ("BadRequest", "invalid_cursor"): Call("GET", "/api/v1/projects?cursor=not-a-cursor"),
    ("BadRequest", "malformed_json"): Call("POST", "/api/v1/projects", raw=b'{"name": "x",'),
    ("Unauthorized", "not_authenticated"): Call("GET", "/api/v1/projects", headers=dict),
    ("Unauthorized", "authentication_failed"): Call(
        "GET", APOLLO, headers=lambda: {"Authorization": "Bearer expired.or.forged"}
    ),
    ("Unauthorized", "invalid_credentials"): Call(
        "POST", "/api/v1/auth/token", headers=dict, body={"username": "ct-alice", "password": "wrong"}
    ),
    ("Unauthorized", "token_not_valid"): Call(
        "POST", "/api/v1/auth/token/refresh", headers=dict, body={"refresh": "not-a-token"}
    ),
    ("Forbidden", ""): Call(
        "PATCH", f"/api/v1/projects/{IDS.zeus}/tasks/{IDS.zeus_task}", body={"status": "done"}
    ),
    ("NotFound", ""): Call("GET", "/api/v1/projects/999"),
    ("MethodNotAllowed", ""): Call("PUT", APOLLO_TASK, body={"title": "x"}),
    ("NotAcceptable", ""): Call(
        "GET", "/api/v1/projects", headers=lambda: {**_bearer(), "Accept": "text/html"}
    ),
    ("Conflict", "username_taken"): Call(
        "POST",
        "/api/v1/users",
        headers=dict,
        body={
            "username": USERS[IDS.max]["username"],
            "email": "new@example.com",
            "password": "Zx-long-enough-1",
        },
    ),
    ("Conflict", "already_member"): Call(
        "POST", f"{APOLLO}/members", body={"user_id": IDS.max, "role": "viewer"}
    ),
    ("Conflict", "already_invited"): Call(
        "POST", f"{APOLLO}/invitations", body={"user_id": IDS.nia, "role": "viewer"}
    ),
    ("Conflict", "last_owner"): Call("DELETE", f"{APOLLO}/members/{IDS.alice}"),
    ("Conflict", "idempotency_key_in_use"): Call(
        "POST",
        "/api/v1/projects",
        headers=_idempotent(_IN_FLIGHT_KEY),
        body={"name": "In flight"},
        before=_key_in_flight(_IN_FLIGHT_KEY, {"name": "In flight"}),
    ),
    ("PreconditionFailed", ""): Call(
        "PATCH", APOLLO, headers=lambda: {**_bearer(), "If-Match": '"stale"'}, body={"name": "x"}
    ),
    ("PayloadTooLarge", ""): Call("POST", "/api/v1/projects", raw=b'{"name": "' + b"x" * 1_100_000 + b'"}'),
    ("UnsupportedMediaType", ""): Call("POST", "/api/v1/projects", raw=b"name=x", content_type="text/plain"),
    ("UnprocessableEntity", "assignee_not_member"): Call(
        "POST", f"{APOLLO}/tasks", body={"title": "x", "assignee_id": IDS.nia}
    ),
    ("UnprocessableEntity", "user_not_found"): Call(
        "POST", f"{APOLLO}/members", body={"user_id": 404040, "role": "viewer"}
    ),
    ("UnprocessableEntity", "invitation_required"): Call(
        "POST", f"{APOLLO}/members", body={"user_id": IDS.ada, "role": "viewer"}
    ),
    ("UnprocessableEntity", "expires_in_past"): Call(
        "POST", "/api/v1/api-keys", body={"name": "x", "expires_at": "2000-01-01T00:00:00Z"}
    ),
    ("UnprocessableEntity", "idempotency_key_reused"): Call(
        "POST",
        "/api/v1/projects",
        headers=_idempotent(_REUSED_KEY),
        body={"name": "Second use"},
        before=_use_key_once(_REUSED_KEY),
    ),
    ("UnprocessableEntity", "webhook_url_not_allowed"): Call(
        "POST", f"{APOLLO}/webhooks", body={"url": "https://127.0.0.1/hook", "events": ["ping"]}
    ),
    ("UnprocessableEntity", "weak_password"): Call(
        "POST",
        "/api/v1/users",
        headers=dict,
        body={"username": "weak", "email": "w@example.com", "password": "12345678"},
    ),
    ("TooManyRequests", ""): Call(
        "POST",
        "/api/v1/auth/token",
        headers=dict,
        body={"username": "nobody", "password": "x"},
        before=_throttle_auth_to_one_a_minute,
    ),
}

# Response examples no request can provoke on purpose against a healthy server.
NOT_PROVOKED = {
    (
        "InternalServerError",
        "",
    ): "an unexpected server error: it would be a bug (the fuzzing's not_a_server_error)",
    ("ServiceUnavailable", ""): "the database unreachable; covered by the server's own tests",
    ("NotReady", ""): "a dependency unreachable; server/common/tests/test_processes.py cuts them for real",
}
if is_live():
    NOT_PROVOKED[("TooManyRequests", "")] = "the live server's throttles are raised for the fuzzing"
    NOT_PROVOKED[("Conflict", "idempotency_key_in_use")] = (
        "needs a request still in flight; server/apps/idempotency/tests/test_concurrency.py provokes it"
    )


def _success_examples() -> Iterator[tuple[str, str, Any]]:
    for item in DOCUMENT["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue  # path-item `servers` / `parameters`
            for status, response in operation.get("responses", {}).items():
                if not status.startswith("2") or "$ref" in response:
                    continue
                for media in (response.get("content") or {}).values():
                    if "example" in media:
                        yield operation["operationId"], status, media["example"]


def _error_examples() -> Iterator[tuple[tuple[str, str], Any]]:
    for name, response in DOCUMENT["components"]["responses"].items():
        for media in (response.get("content") or {}).values():
            if "example" in media:
                yield (name, ""), media["example"]
            for example_name, example in (media.get("examples") or {}).items():
                yield (name, example_name), _resolve(example)["value"]


SUCCESS_EXAMPLES = list(_success_examples())
ERROR_EXAMPLES = list(_error_examples())


def test_every_response_example_is_provoked() -> None:
    assert {operation_id for operation_id, _, _ in SUCCESS_EXAMPLES} == set(SUCCESS)
    assert {key for key, _ in ERROR_EXAMPLES} == set(ERRORS) | set(NOT_PROVOKED)


def _shape_differences(example: Any, actual: Any, where: str = "") -> Iterator[str]:
    if example is None or actual is None:
        return  # a nullable member: null in one, a value in the other (its type is the schema's business)
    if isinstance(example, dict) and isinstance(actual, dict):
        for key in sorted(set(example) - set(actual)):
            yield f"{where}/{key}: in the example, not in the response"
        for key in sorted(set(actual) - set(example)):
            yield f"{where}/{key}: in the response, not in the example"
        for key in sorted(set(example) & set(actual)):
            yield from _shape_differences(example[key], actual[key], f"{where}/{key}")
    elif isinstance(example, list) and isinstance(actual, list):
        if example:
            for index, item in enumerate(actual):
                yield from _shape_differences(example[0], item, f"{where}/{index}")
    elif _kind(example) != _kind(actual):
        yield f"{where or '(body)'}: {_kind(example)} in the example, {_kind(actual)} in the response"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def _call(call: Call, body_example: Any) -> Reply:
    if call.before is not None:
        call.before()
    body = call.body if call.body is not None else body_example
    if isinstance(body, dict):
        body = {**body, **call.overrides()}
    return send(
        call.method,
        call.path,
        headers=call.headers(),
        json_body=body if call.raw is None else None,
        raw_body=call.raw,
        content_type=call.content_type,
    )


def _request_example(operation_id: str) -> Any:
    for item in DOCUMENT["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                content = (operation.get("requestBody") or {}).get("content", {})
                return content.get("application/json", {}).get("example")
    raise KeyError(operation_id)


@pytest.mark.parametrize(
    "operation_id, status, example", SUCCESS_EXAMPLES, ids=[f"{o} {s}" for o, s, _ in SUCCESS_EXAMPLES]
)
def test_success_example_has_the_shape_of_the_response(
    operation_id: str, status: str, example: Any, world: World
) -> None:
    with world.isolated():
        reply = _call(SUCCESS[operation_id], _request_example(operation_id))
    assert reply.status == int(status), f"{operation_id}: expected {status}, got {reply.status}: {reply.body}"
    differences = list(_shape_differences(example, reply.body))
    assert not differences, (
        f"{operation_id} {status}: the example and the response differ:\n  "
        + "\n  ".join(differences)
        + f"\nresponse: {json.dumps(reply.body)[:2000]}"
    )


@pytest.mark.parametrize(
    "key, example",
    [item for item in ERROR_EXAMPLES if item[0] not in NOT_PROVOKED],
    ids=[f"{k[0]} {k[1]}".strip() for k, _ in ERROR_EXAMPLES if k not in NOT_PROVOKED],
)
def test_error_example_has_the_shape_of_the_response(
    key: tuple[str, str], example: Any, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", dict(SimpleRateThrottle.THROTTLE_RATES))
    with world.isolated():
        reply = _call(ERRORS[key], None)
    label = " ".join(key).strip()
    assert reply.body is not None, f"{label}: no body (status {reply.status})"
    expected = (example["status"], example["code"])
    assert (reply.status, reply.body.get("code")) == expected, (
        f"{label}: expected {expected}, got {reply.body}"
    )
    assert reply.headers.get("content-type") == "application/problem+json"
    differences = list(_shape_differences(example, reply.body))
    assert not differences, f"{label}: the example and the response differ:\n  " + "\n  ".join(differences)
