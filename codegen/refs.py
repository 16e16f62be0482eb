"""Local `$ref` resolution over a loaded document (JSON pointers into the same document)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codegen.findings import pointer_join, pointer_tokens

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
COMPONENT_SECTIONS = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
)


class Resolver:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def lookup(self, pointer: str) -> Any:
        """The node at `pointer` (with or without a leading `#`); raises KeyError when it does not exist."""
        node: Any = self.data
        for token in pointer_tokens(pointer):
            if isinstance(node, dict):
                if token not in node:
                    raise KeyError(pointer)
                node = node[token]
            elif isinstance(node, list):
                try:
                    node = node[int(token)]
                except (ValueError, IndexError):
                    raise KeyError(pointer) from None
            else:
                raise KeyError(pointer)
        return node

    def ref_target(self, ref: Any) -> tuple[str, Any] | None:
        """(pointer, node) for a local `$ref` string, or None when it is external or does not resolve."""
        if not isinstance(ref, str) or not ref.startswith("#"):
            return None
        pointer = ref[1:]
        try:
            return pointer, self.lookup(pointer)
        except KeyError:
            return None

    def deref(self, node: Any, pointer: str = "") -> tuple[str, Any]:
        """Follow `$ref` chains; returns the final (pointer, node). Unresolvable refs yield ({ref}, {})."""
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                return pointer, {}
            seen.add(ref)
            target = self.ref_target(ref)
            if target is None:
                return pointer, {}
            pointer, node = target
        return pointer, node


def iter_operations(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], str, dict[str, Any]]]:
    """(path, method, operation, operation pointer, path item) for every operation under `paths`."""
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield path, method, operation, pointer_join("/paths", path, method), item


def iter_dicts(value: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, object) for every JSON object under `value`, itself included (depth first)."""
    stack: list[tuple[str, Any]] = [(pointer, value)]
    while stack:
        ptr, node = stack.pop()
        if isinstance(node, dict):
            yield ptr, node
            for key, child in node.items():
                if isinstance(child, (dict, list)):
                    stack.append((pointer_join(ptr, key), child))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                if isinstance(child, (dict, list)):
                    stack.append((pointer_join(ptr, index), child))


def iter_refs(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """(pointer of the object holding the $ref, ref) for every `$ref` string under `node`."""
    for ptr, current in iter_dicts(node, pointer):
        ref = current.get("$ref")
        if isinstance(ref, str):
            yield ptr, ref
