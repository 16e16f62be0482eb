# generated from openapi/openapi.yaml (sha256 cf29fa4ae0a4dc10b653395c002690c4f4a06c9dba68f7dad68cad4c19c483ed), do not edit; regenerate with `contract generate`
"""Verify and parse the webhook deliveries of Project-management API (import it as `projectmgmt_client.webhooks`).

    from projectmgmt_client.webhooks import WebhookVerificationError, verify_and_parse

    try:
        event = verify_and_parse(secret, request.headers, request.body)   # the raw body bytes, before parsing
    except WebhookVerificationError:
        return 400

Signatures (Standard Webhooks style headers): the sender signs `f"{Webhook-Timestamp}.{raw body}"` with
HMAC-SHA256 keyed by the subscription's secret (the whole secret string, UTF-8) and sends
`Webhook-Signature: v1=<hex>` (several space-separated signatures may come; one matching is enough).
De-duplicate deliveries on `Webhook-Id`.

Events (7): `task.created` (TaskCreatedEvent), `task.updated` (TaskUpdatedEvent), `task.deleted` (TaskDeletedEvent), `comment.created` (CommentCreatedEvent), `member.added` (MemberAddedEvent), `member.removed` (MemberRemovedEvent), `ping` (PingEvent).
`parse_event` picks the event from the `event` argument, else from the payload's `type` when it names one,
else the only event there is; it validates the payload against that event's model.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import Any, Literal, TypeAlias, overload

from pydantic import TypeAdapter

from . import models as _models

__all__ = [
    "WEBHOOK_EVENTS",
    "UnknownWebhookEvent",
    "WebhookEvent",
    "WebhookEventName",
    "WebhookVerificationError",
    "parse_event",
    "sign",
    "verify_and_parse",
    "verify_signature",
]


class WebhookVerificationError(Exception):
    """The delivery's signature is missing, malformed, wrong, or its timestamp is outside the tolerance."""


class UnknownWebhookEvent(ValueError):
    """The payload's event could not be told, or is not one the document declares."""


def sign(secret: str, timestamp: int | str, body: bytes | str) -> str:
    """The `Webhook-Signature` value the sender sends for `body` at `timestamp`."""
    raw = body.encode() if isinstance(body, str) else body
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + raw, hashlib.sha256)
    return f"v1={mac.hexdigest()}"


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    raise WebhookVerificationError(f"missing {name} header")


def verify_signature(
    secret: str,
    headers: Mapping[str, str],
    body: bytes | str,
    tolerance: int = 300,
    *,
    now: float | None = None,
) -> None:
    """Raise WebhookVerificationError unless `body` was signed with `secret` within `tolerance` seconds."""
    timestamp = _header(headers, "Webhook-Timestamp").strip()
    signatures = _header(headers, "Webhook-Signature").split()
    if not timestamp.isdigit():
        raise WebhookVerificationError("malformed Webhook-Timestamp header")
    current = time.time() if now is None else now
    if tolerance and abs(current - int(timestamp)) > tolerance:
        raise WebhookVerificationError("Webhook-Timestamp is outside the tolerance (a replay?)")
    expected = sign(secret, timestamp, body)
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise WebhookVerificationError("no signature matches")


WebhookEventName: TypeAlias = Literal["task.created", "task.updated", "task.deleted", "comment.created", "member.added", "member.removed", "ping"]
WebhookEvent: TypeAlias = _models.TaskCreatedEvent | _models.TaskUpdatedEvent | _models.TaskDeletedEvent | _models.CommentCreatedEvent | _models.MemberAddedEvent | _models.MemberRemovedEvent | _models.PingEvent

# Event name -> the payload's model (None: the payload is plain JSON).
WEBHOOK_EVENTS: dict[str, type[Any] | None] = {
    "task.created": _models.TaskCreatedEvent,
    "task.updated": _models.TaskUpdatedEvent,
    "task.deleted": _models.TaskDeletedEvent,
    "comment.created": _models.CommentCreatedEvent,
    "member.added": _models.MemberAddedEvent,
    "member.removed": _models.MemberRemovedEvent,
    "ping": _models.PingEvent,
}

_ADAPTERS: dict[str, TypeAdapter[Any]] = {}


def _event_name(payload: Any, event: str | None) -> str:
    if event is not None:
        if event not in WEBHOOK_EVENTS:
            raise UnknownWebhookEvent(f"{event!r} is not a webhook of the document")
        return event
    kind = payload.get("type") if isinstance(payload, dict) else None
    if isinstance(kind, str) and kind in WEBHOOK_EVENTS:
        return kind
    if len(WEBHOOK_EVENTS) == 1:
        return next(iter(WEBHOOK_EVENTS))
    raise UnknownWebhookEvent("the payload does not say which event it is; pass event=")


@overload
def parse_event(body: bytes | str | Mapping[str, Any], event: Literal["task.created"]) -> _models.TaskCreatedEvent: ...


@overload
def parse_event(body: bytes | str | Mapping[str, Any], event: Literal["task.updated"]) -> _models.TaskUpdatedEvent: ...


@overload
def parse_event(body: bytes | str | Mapping[str, Any], event: Literal["task.deleted"]) -> _models.TaskDeletedEvent: ...


@overload
def parse_event(body: bytes | str | Mapping[str, Any], event: Literal["comment.created"]) -> _models.CommentCreatedEvent: ...


@overload
def parse_event(body: bytes | str | Mapping[str, Any], event: Literal["member.added"]) -> _models.MemberAddedEvent: ...


@overload
def parse_event(body: bytes | str | Mapping[str, Any], event: Literal["member.removed"]) -> _models.MemberRemovedEvent: ...


@overload
def parse_event(body: bytes | str | Mapping[str, Any], event: Literal["ping"]) -> _models.PingEvent: ...


@overload
def parse_event(body: bytes | str | Mapping[str, Any], event: str | None = None) -> WebhookEvent: ...


def parse_event(body: bytes | str | Mapping[str, Any], event: str | None = None) -> Any:
    """The payload (raw bytes, text or already decoded JSON) as its event's model.

    Raises UnknownWebhookEvent when the event cannot be told, pydantic's ValidationError (a ValueError) when
    the payload does not match its model, and ValueError for a body that is not JSON."""
    payload: Any = json.loads(body) if isinstance(body, (bytes, str)) else body
    name = _event_name(payload, event)
    model = WEBHOOK_EVENTS[name]
    if model is None:
        return payload
    if name not in _ADAPTERS:
        _ADAPTERS[name] = TypeAdapter(model)
    return _ADAPTERS[name].validate_python(payload)


def verify_and_parse(
    secret: str,
    headers: Mapping[str, str],
    body: bytes | str,
    event: str | None = None,
    tolerance: int = 300,
    *,
    now: float | None = None,
) -> WebhookEvent:
    """`verify_signature`, then `parse_event`: only a genuine delivery is parsed."""
    verify_signature(secret, headers, body, tolerance, now=now)
    return parse_event(body, event)
