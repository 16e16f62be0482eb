from collections.abc import Iterable
from typing import Any

from .engine import Violation


def json_pointer(path: Iterable[Any]) -> str:
    """RFC 6901 pointer for a path of object keys and array indexes ("" is the whole document)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def unexpected_property(path: list[Any], name: str) -> Violation:
    return Violation(
        code="additionalProperties",
        message=f"Unknown property {name!r} is not allowed here.",
        pointer=json_pointer([*path, name]),
    )
