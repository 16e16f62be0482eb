"""The document's webhooks (OpenAPI 3.1 top-level `webhooks`), as the SDKs' `webhooks` modules see them.

Each event is a webhook name with the JSON payload its request body declares: the Python SDK parses it into
the payload's model (a `components.schemas` class) or, for an inline schema, plain JSON; the TypeScript SDK
types it as openapi-typescript's `webhooks[name][method]` request body. A document without webhooks gets no
webhooks module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from codegen.generate.ir import ModelInfo
from codegen.refs import HTTP_METHODS, Resolver


@dataclass(frozen=True)
class WebhookEvent:
    name: str  # the key under `webhooks` (`task.created`, `newPet`)
    method: str  # the method whose request body is the payload (`post`)
    summary: str
    py_class: str | None  # the payload's model class, None when the schema is not a component
    ts_payload: str  # the payload's TypeScript type


def webhook_events(data: dict[str, Any], models: dict[str, ModelInfo]) -> list[WebhookEvent]:
    hooks = data.get("webhooks")
    if not isinstance(hooks, dict):
        return []
    events: list[WebhookEvent] = []
    for name, item in hooks.items():
        if not isinstance(name, str) or not isinstance(item, dict):
            continue
        first: tuple[str, dict[str, Any]] | None = None
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            first = first or (method, operation)
            media, schema = _json_schema(operation.get("requestBody"), data)
            if media is not None:
                ref = schema.get("$ref") if isinstance(schema, dict) else None
                info = models.get(ref[1:]) if isinstance(ref, str) and ref.startswith("#/") else None
                events.append(_event(name, method, operation, media, info))
                break
        else:
            if first is not None:
                events.append(_event(name, first[0], first[1], None, None))
    return events


def _event(
    name: str, method: str, operation: dict[str, Any], media: str | None, info: ModelInfo | None
) -> WebhookEvent:
    summary = operation.get("summary") or operation.get("description") or ""
    summary = str(summary).strip().splitlines()[0] if str(summary).strip() else ""
    key = _ts_key(name)
    if media is None:
        ts_payload = "unknown"
    else:
        ts_payload = (
            f'NonNullable<NonNullable<webhooks[{key}]["{method}"]>["requestBody"]>'
            f'["content"][{_ts_key(media)}]'
        )
    return WebhookEvent(name, method, summary, info.class_name if info else None, ts_payload)


def _ts_key(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _json_schema(body: Any, data: dict[str, Any]) -> tuple[str | None, Any]:
    """The JSON media type of a request body (`application/json`, else the first `+json`) and its schema."""
    _, body = Resolver(data).deref(body)  # a cycle or an unresolvable $ref gives {}: no JSON media type
    if not isinstance(body, dict) or not isinstance(body.get("content"), dict):
        return None, None
    content: dict[str, Any] = body["content"]
    candidates = [m for m in content if m.split(";")[0].strip() == "application/json"]
    candidates += [m for m in content if m.split(";")[0].strip().endswith("+json")]
    for media in candidates:
        entry = content[media]
        if isinstance(entry, dict):
            return media, entry.get("schema")
    return None, None
