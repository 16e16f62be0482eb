"""Typed query parameters for handlers, with the contract's defaults applied."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from .casting import cast_parameter
from .spec import Operation


def typed_query(operation: Operation, raw: QueryDict) -> dict[str, Any]:
    """Runs after request validation, so every value present already matches its schema."""
    values: dict[str, Any] = {}
    for parameter in operation.query_parameters():
        schema = parameter.schema
        if parameter.name in raw:
            if schema.get("type") == "array":
                item_schema = schema.get("items", {})
                values[parameter.name] = [cast_parameter(v, item_schema) for v in raw.getlist(parameter.name)]
            else:
                values[parameter.name] = cast_parameter(str(raw[parameter.name]), schema)
        else:
            values[parameter.name] = schema.get("default")
    return values
