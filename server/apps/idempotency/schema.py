"""`Idempotency-Key` for the drift check: a drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS).

The contract says which operations honour a key (server.contract.idempotency runs them through this app's
service), so no handler declares it; what this app decides - the key it accepts, and the
`Idempotent-Replayed` marker on the successes (2xx) it stores and replays - is described here.
"""

from __future__ import annotations

from typing import Any

from server.contract.spec import get_contract

from .service import IDEMPOTENCY_HEADER, REPLAYED_HEADER

# Visible ASCII: what a header value can carry unchanged.
IDEMPOTENCY_KEY_SCHEMA = {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"}


def document_keys(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    keyed = {op.operation_id for op in get_contract().operations.values() if op.idempotency_key}
    for item in (result.get("paths") or {}).values():
        for operation in item.values():
            if not isinstance(operation, dict) or operation.get("operationId") not in keyed:
                continue
            key = {"in": "header", "name": IDEMPOTENCY_HEADER, "schema": IDEMPOTENCY_KEY_SCHEMA}
            operation.setdefault("parameters", []).append(key)
            for status, response in operation["responses"].items():
                if status.startswith("2"):  # service._run() stores successes only; a replay is marked
                    marker = {"schema": {"type": "string", "const": "true"}, "required": False}
                    response.setdefault("headers", {})[REPLAYED_HEADER] = marker
    return result
