"""Event envelopes, and their check against the contract's `webhooks` schemas before they are sent."""

from __future__ import annotations

import functools
import uuid
from datetime import datetime
from typing import Any

import jsonschema_rs
import orjson

from server.contract.spec import get_contract


def event_id_new() -> str:
    return f"evt_{uuid.uuid4().hex}"


def envelope(*, event_id: str, type: str, created_at: datetime, project_id: int, data: Any) -> dict[str, Any]:
    """{id, type, created_at, project_id, data} as JSON-ready values (dates as the API renders them)."""
    raw = {"id": event_id, "type": type, "created_at": created_at, "project_id": project_id, "data": data}
    parsed: dict[str, Any] = orjson.loads(orjson.dumps(raw, option=orjson.OPT_UTC_Z))
    return parsed


@functools.cache
def _validators() -> dict[str, Any]:
    """One compiled validator per event type: the request body schema of `webhooks.<type>.post` (jsonschema-rs
    over the whole document, so `$ref`s resolve as written, like the compiled request engine)."""
    document = get_contract().document
    validators = jsonschema_rs.validator_map_for(document, validate_formats=True)
    found: dict[str, Any] = {}
    for name, item in (document.get("webhooks") or {}).items():
        schema = item["post"]["requestBody"]["content"]["application/json"]["schema"]
        found[name] = validators.get(schema["$ref"])
    return found


def payload_violations(payload: dict[str, Any]) -> list[str]:
    """Where `payload` breaks its event type's schema in the contract; empty when it conforms."""
    validator = _validators().get(payload.get("type", ""))
    if validator is None:
        return [f"the contract declares no webhook {payload.get('type')!r}"]
    return [
        f"{'/'.join(map(str, error.instance_path)) or '(root)'}: {error.message}"
        for error in validator.iter_errors(payload)
    ]
