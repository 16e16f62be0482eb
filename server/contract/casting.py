"""Parameter strings to JSON values, the way openapi-core casts them, but only from canonical numerals.

Python's int() and float() also accept `01`, `+1`, ` 1`, `1_0` and non-ASCII (Arabic-Indic, full-width)
digits: every one of them would address id 1, so caches and rules keyed on the path could be bypassed. A
parameter whose schema is an integer or a number casts only from its JSON spelling (RFC 8259: ASCII digits,
no leading zero, no plus sign, no space); anything else stays a string, and schema validation reports a type
error at the parameter. The reference engine casts by the same rule (openapi_core_engine.STRICT_CASTERS).
"""

import re
from typing import Any

_BOOLEANS = {"true": True, "false": False}
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)", re.ASCII)
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?", re.ASCII)


def canonical_integer(value: str) -> int:
    """The integer `value` spells in JSON; ValueError for any other spelling."""
    if _INTEGER.fullmatch(value) is None:
        raise ValueError(f"{value!r} is not an integer")
    return int(value)


def canonical_number(value: str) -> float:
    """The number `value` spells in JSON; ValueError for any other spelling (`nan`, `inf` included)."""
    if _NUMBER.fullmatch(value) is None:
        raise ValueError(f"{value!r} is not a number")
    return float(value)


def cast_parameter(value: str, schema: dict[str, Any]) -> Any:
    """Cast by the schema's type; a string that does not cast is returned as is, so that schema validation
    reports the type error at the parameter."""
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    try:
        if "integer" in kinds:
            return canonical_integer(value)
        if "number" in kinds:
            return canonical_number(value)
    except ValueError:
        return value
    if "boolean" in kinds:
        return _BOOLEANS.get(value.lower(), value)
    return value
