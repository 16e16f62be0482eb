"""The server's enums: a Django `TextChoices` class for every string enum in `components/schemas`.

The server stores these values in columns (a task's status, a membership's role), so its models' choices
and the contract's enums are one declaration: this module's output. Members are named as the SDK's
models name them (upper case, characters other than ASCII letters and digits as `_`: `task.created` ->
`TASK_CREATED`), so `TaskStatus.DONE` reads the same on both sides; labels are Django's default, from the
member's name.
"""

from __future__ import annotations

import json
import re
from typing import Any

from codegen.generate.naming import dedupe, pascal

_NOT_IDENTIFIER = re.compile(r"[^0-9A-Za-z]+")


def member_name(value: str) -> str:
    name = _NOT_IDENTIFIER.sub("_", value).strip("_").upper() or "VALUE"
    if name[0].isdigit():
        name = f"V_{name}"
    # Upper case: never a keyword, nor an attribute of str or of Django's choices (`label`, `values`).
    return name


def string_enums(data: dict[str, Any]) -> dict[str, list[str]]:
    schemas = (data.get("components") or {}).get("schemas") or {}
    return {
        name: list(schema["enum"])
        for name, schema in schemas.items()
        if isinstance(schema, dict)
        and schema.get("type") == "string"
        and isinstance(schema.get("enum"), list)
        and schema["enum"]
        and all(isinstance(value, str) for value in schema["enum"])
    }


def text_choices(data: dict[str, Any], header: str) -> str:
    lines = [header, "", "from django.db.models import TextChoices", ""]
    classes: set[str] = set()
    for schema, values in string_enums(data).items():
        members: set[str] = set()
        lines += ["", f"class {dedupe(pascal(schema), classes)}(TextChoices):"]
        lines += [f"    {dedupe(member_name(value), members)} = {json.dumps(value)}" for value in values]
        lines.append("")
    return "\n".join(lines)
