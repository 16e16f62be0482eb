"""The contract's `webhooks` section: each event type's payload schema (the request body of
`webhooks.<type>.post`), compiled once, to check an event before it is sent."""

from __future__ import annotations

import functools
from typing import Any

import jsonschema_rs

from .spec import Contract, get_contract


@functools.cache
def _validators(contract: Contract) -> dict[str, Any]:
    """One compiled validator per event type (jsonschema-rs over the whole document, so `$ref`s resolve as
    written, like the compiled request engine)."""
    document = contract.document
    validators = jsonschema_rs.validator_map_for(document, validate_formats=True)
    found: dict[str, Any] = {}
    for name, item in (document.get("webhooks") or {}).items():
        schema = item["post"]["requestBody"]["content"]["application/json"]["schema"]
        found[name] = validators.get(schema["$ref"])
    return found


def payload_violations(payload: dict[str, Any]) -> list[str]:
    """Where `payload` breaks its event type's schema in the contract; empty when it conforms."""
    validator = _validators(get_contract()).get(payload.get("type", ""))
    if validator is None:
        return [f"the contract declares no webhook {payload.get('type')!r}"]
    return [
        f"{'/'.join(map(str, error.instance_path)) or '(root)'}: {error.message}"
        for error in validator.iter_errors(payload)
    ]
