"""Event envelopes; their check against the contract's `webhooks` schemas is the contract layer's
(server.contract.webhooks.payload_violations)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import orjson

from server.contract.webhooks import payload_violations


def event_id_new() -> str:
    return f"evt_{uuid.uuid4().hex}"


def envelope(*, event_id: str, type: str, created_at: datetime, project_id: int, data: Any) -> dict[str, Any]:
    """{id, type, created_at, project_id, data} as JSON-ready values (dates as the API renders them)."""
    raw = {"id": event_id, "type": type, "created_at": created_at, "project_id": project_id, "data": data}
    parsed: dict[str, Any] = orjson.loads(orjson.dumps(raw, option=orjson.OPT_UTC_Z))
    return parsed


__all__ = ["envelope", "event_id_new", "payload_violations"]
