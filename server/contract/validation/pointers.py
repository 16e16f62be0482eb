from typing import Any

from ..pointers import json_pointer
from .engine import Violation

__all__ = ["json_pointer", "unexpected_property"]


def unexpected_property(path: list[Any], name: str) -> Violation:
    return Violation(
        code="additionalProperties",
        message=f"Unknown property {name!r} is not allowed here.",
        pointer=json_pointer([*path, name]),
    )
