"""What every lint rule reads: the document under lint (`Context`) and the walks over it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from codegen.document import Document
from codegen.findings import pointer_join, pointer_tokens
from codegen.refs import HTTP_METHODS, Resolver, iter_dicts, iter_operations

PATH_VAR = re.compile(r"\{([^{}]+)\}")


@dataclass
class Context:
    """One document under lint, with the resolver every rule shares."""

    doc: Document
    data: Any = field(init=False)
    resolver: Resolver = field(init=False)
    version: str | None = field(init=False)

    def __post_init__(self) -> None:
        self.data = self.doc.data
        self.resolver = Resolver(self.doc.data)
        self.version = self.doc.openapi_version


# Every JSON object under a node, with its pointer (the walk `iter_refs` makes).
dict_nodes = iter_dicts


def inside_example(pointer: str) -> bool:
    """Pointers inside example payloads hold data, not OpenAPI objects (a literal `$ref` key is just data)."""
    tokens = pointer_tokens(pointer)
    for index, token in enumerate(tokens):
        if index and tokens[index - 1] == "properties":
            continue  # a property that happens to be called "example"
        if token == "example" or (token == "value" and index >= 2 and tokens[index - 2] == "examples"):
            return True
    return False


_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SUBSCHEMA_SINGLE = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)


def walk_schema(schema: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (pointer, schema object) inside a schema, itself included; does not follow $refs."""
    stack: list[tuple[str, Any]] = [(pointer, schema)]
    while stack:
        ptr, node = stack.pop()
        if not isinstance(node, dict):
            continue
        yield ptr, node
        for key in _SUBSCHEMA_MAPS:
            sub = node.get(key)
            if isinstance(sub, dict):
                for name, child in sub.items():
                    stack.append((pointer_join(ptr, key, name), child))
        for key in _SUBSCHEMA_LISTS:
            sub = node.get(key)
            if isinstance(sub, list):
                for index, child in enumerate(sub):
                    stack.append((pointer_join(ptr, key, index), child))
        for key in _SUBSCHEMA_SINGLE:
            sub = node.get(key)
            if isinstance(sub, dict):
                stack.append((pointer_join(ptr, key), sub))
            elif key == "items" and isinstance(sub, list):
                for index, child in enumerate(sub):
                    stack.append((pointer_join(ptr, key, index), child))


def all_parameters(data: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every parameter object written out (not a `$ref`): components, path items and operations."""
    for ptr, param in (
        (pointer_join("/components/parameters", n), p)
        for n, p in ((data.get("components") or {}).get("parameters") or {}).items()
    ):
        if isinstance(param, dict):
            yield ptr, param
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for key in ("parameters", *HTTP_METHODS):
            holder = item if key == "parameters" else item.get(key)
            if not isinstance(holder, dict):
                continue
            params = holder.get("parameters")
            base = pointer_join("/paths", path) if key == "parameters" else pointer_join("/paths", path, key)
            if isinstance(params, list):
                for index, param in enumerate(params):
                    if isinstance(param, dict) and "$ref" not in param:
                        yield pointer_join(base, "parameters", index), param


def security_scheme_names(data: Any) -> set[str]:
    """The scheme names security requirements use (top level, operations, webhooks)."""
    names: set[str] = set()
    requirements: list[Any] = [data.get("security")]
    requirements.extend(op.get("security") for _p, _m, op, _ptr, _i in iter_operations(data))
    webhooks = data.get("webhooks")
    if isinstance(webhooks, dict):
        for item in webhooks.values():
            if isinstance(item, dict):
                requirements.extend(
                    op.get("security") for m, op in item.items() if m in HTTP_METHODS and isinstance(op, dict)
                )
    for value in requirements:
        if isinstance(value, list):
            for requirement in value:
                if isinstance(requirement, dict):
                    names.update(str(name) for name in requirement)
    return names
