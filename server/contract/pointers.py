"""JSON pointers (RFC 6901) into the contract: the one place the server escapes and follows them.

The server keeps its own copy of these few lines instead of importing `codegen.findings`: the server reads
the contract through codegen's loader and bundler only (`[tool.importlinter]`, ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def escape_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def json_pointer(path: Iterable[Any]) -> str:
    """RFC 6901 pointer for a path of object keys and array indexes ("" is the whole document)."""
    return "".join("/" + escape_token(str(part)) for part in path)


def follow_ref(document: Any, ref: str) -> Any:
    """The node a local `$ref` (`#/a/b`) names; raises KeyError (or TypeError) when it does not exist."""
    node = document
    for token in ref[2:].split("/"):
        node = node[unescape_token(token)]
    return node
