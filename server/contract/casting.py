"""Parameter strings to JSON values, the way openapi-core casts them."""

from typing import Any

_BOOLEANS = {"true": True, "false": False}


def cast_parameter(value: str, schema: dict[str, Any]) -> Any:
    """Cast by the schema's type; a string that does not cast is returned as is, so that schema validation
    reports the type error at the parameter."""
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    try:
        if "integer" in kinds:
            return int(value)
        if "number" in kinds:
            return float(value)
    except ValueError:
        return value
    if "boolean" in kinds:
        return _BOOLEANS.get(value.lower(), value)
    return value
