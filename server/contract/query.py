"""Typed query parameters for handlers, with the contract's defaults applied."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from .spec import Operation

_TRUE = {"true", "1"}


def _cast(value: str, schema: dict[str, Any]) -> Any:
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        return value.lower() in _TRUE
    return value


def typed_query(operation: Operation, raw: QueryDict) -> dict[str, Any]:
    """Runs after request validation, so every value present already matches its schema."""
    values: dict[str, Any] = {}
    for parameter in operation.query_parameters():
        schema = parameter.schema
        if parameter.name in raw:
            if schema.get("type") == "array":
                item_schema = schema.get("items", {})
                values[parameter.name] = [_cast(v, item_schema) for v in raw.getlist(parameter.name)]
            else:
                values[parameter.name] = _cast(str(raw[parameter.name]), schema)
        else:
            values[parameter.name] = schema.get("default")
    return values
