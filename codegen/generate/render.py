"""The Jinja2 environment the generators render with (codegen/templates)."""

from __future__ import annotations

import json
from typing import Any

import jinja2

from codegen.paths import TEMPLATES_DIR


def _pyrepr(value: Any) -> str:
    if isinstance(value, str):
        # A JSON string literal is a valid Python literal, always double-quoted (repr() picks by content).
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple):
        return "(" + ", ".join(_pyrepr(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    return repr(value)


def _pytuple(values: Any) -> str:
    return _pyrepr(tuple(values))


def _pystr(text: Any) -> str:
    return _pydoc(str(text))


def _pydoc(text: Any) -> str:
    """Text safe inside a triple-quoted docstring."""
    value = str(text).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if value.endswith('"'):
        value += " "
    return value


def _tsdoc(text: Any) -> str:
    """Text safe inside a /** */ comment."""
    return str(text).replace("*/", "*\\/")


def _optional(type_expr: str) -> str:
    parts = [p.strip() for p in type_expr.split("|")]
    if "None" in parts or type_expr == "Any":
        return type_expr
    return f"{type_expr} | None"


def _tomlstr(text: Any) -> str:
    return json.dumps(str(text), ensure_ascii=False)[1:-1]


def _tojson(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(
        pyrepr=_pyrepr,
        pytuple=_pytuple,
        pystr=_pystr,
        pydoc=_pydoc,
        tsdoc=_tsdoc,
        optional=_optional,
        tomlstr=_tomlstr,
        tojson=_tojson,
    )
    return env
