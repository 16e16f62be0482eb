"""Findings: what lint reports and what generation notes about a document, as `file:line: rule: message`."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    rule: str
    message: str
    severity: Severity = Severity.ERROR
    pointer: str = ""

    def format(self) -> str:
        """`file:line: rule: message`; warnings and notes say so before the message."""
        prefix = "" if self.severity is Severity.ERROR else f"{self.severity}: "
        return f"{self.file}:{self.line}: {self.rule}: {prefix}{self.message}"


class CodegenError(Exception):
    """A problem the user can fix (bad arguments, unreadable document, missing toolchain).

    The command line prints it without a traceback and exits with status 2.
    """


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer_join(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape_pointer_token(str(t)) for t in tokens)


def pointer_tokens(pointer: str) -> list[str]:
    if pointer in ("", "#"):
        return []
    pointer = pointer.removeprefix("#")
    return [unescape_pointer_token(t) for t in pointer.lstrip("/").split("/")]
