"""Forward-compatible client models: what an SDK reads, it reads leniently; what it sends stays exact.

A server that adds an enum value (a task status `blocked`) or a property must not break clients already in
the field. The SDKs' models are therefore generated from a copy of the document in which every schema a
client *receives* (success and error responses, webhook payloads, callbacks) is opened:

* a string enum in a property or array item becomes "one of the known values, or any other string"
  (`anyOf: [<enum>, {type: string}]`): Python `TaskStatus | str` (known values still parse into the enum),
  TypeScript `"todo" | "done" | (string & {})`;
* `additionalProperties: false` is dropped, so unknown properties are ignored instead of refused.

Request-only schemas (`TaskCreate`, `TaskUpdate`) keep their exact enums, and the server's own models are
generated from the untouched document: the server still enforces the contract. Discriminator properties and
`const` values stay exact (they select a union member). See docs/evolution.md.
"""

from __future__ import annotations

import copy
from typing import Any

from codegen.refs import HTTP_METHODS, Resolver

_ANNOTATIONS = (
    "description",
    "title",
    "default",
    "examples",
    "example",
    "deprecated",
    "readOnly",
    "writeOnly",
)


def open_for_clients(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of the (prepared) document with every schema clients receive opened (see the module doc)."""
    opened = copy.deepcopy(data)
    resolver = Resolver(opened)
    discriminators = _discriminator_properties(opened)
    seen: set[int] = set()
    stack = list(_received_schemas(opened))
    while stack:
        node = stack.pop()
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        ref = node.get("$ref")
        if isinstance(ref, str):
            target = resolver.ref_target(ref)
            if target is not None:
                stack.append(target[1])
        if node.get("additionalProperties") is False:
            del node["additionalProperties"]
        props = node.get("properties")
        if isinstance(props, dict):
            for name, value in list(props.items()):
                if name not in discriminators and _is_string_enum(resolver, value):
                    props[name] = _open(value)
        items = node.get("items")
        if isinstance(items, dict) and _is_string_enum(resolver, items):
            node["items"] = _open(items)
        for key in ("properties", "patternProperties", "$defs", "definitions"):
            if isinstance(node.get(key), dict):
                stack.extend(node[key].values())
        for key in ("items", "additionalProperties", "not", "if", "then", "else", "contains"):
            if isinstance(node.get(key), dict):
                stack.append(node[key])
        for key in ("allOf", "anyOf", "oneOf", "prefixItems"):
            if isinstance(node.get(key), list):
                stack.extend(node[key])
    return opened


def _open(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` (an enum, maybe nullable) or any other string; annotations stay on the outside."""
    inner = {k: v for k, v in schema.items() if k not in _ANNOTATIONS}
    outer = {k: v for k, v in schema.items() if k in _ANNOTATIONS}
    branches = inner.get("anyOf") if set(inner) == {"anyOf"} else None
    if isinstance(branches, list):  # a nullable enum: [<enum>, {type: null}] -> [<enum>, string, null]
        nulls = [b for b in branches if isinstance(b, dict) and b.get("type") == "null"]
        others = [b for b in branches if b not in nulls]
        return {"anyOf": [*others, {"type": "string"}, *nulls], **outer}
    return {"anyOf": [inner, {"type": "string"}], **outer}


def _is_string_enum(resolver: Resolver, schema: Any, depth: int = 0) -> bool:
    """A string enum of two or more values... or of one (a single known value today may grow)."""
    if not isinstance(schema, dict) or depth > 8 or "const" in schema:
        return False
    ref = schema.get("$ref")
    if isinstance(ref, str):
        target = resolver.ref_target(ref)
        return target is not None and _is_string_enum(resolver, target[1], depth + 1)
    branches = schema.get("anyOf") or schema.get("oneOf")
    if isinstance(branches, list) and set(schema) - set(_ANNOTATIONS) in ({"anyOf"}, {"oneOf"}):
        real = [b for b in branches if not (isinstance(b, dict) and b.get("type") == "null")]
        return len(real) == 1 and len(real) < len(branches) and _is_string_enum(resolver, real[0], depth + 1)
    enum = schema.get("enum")
    kind = schema.get("type", "string")
    return (
        isinstance(enum, list)
        and bool(enum)
        and all(isinstance(v, str) for v in enum)
        and kind in ("string", ["string"])
    )


def _discriminator_properties(data: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            disc = node.get("discriminator")
            if isinstance(disc, dict) and isinstance(disc.get("propertyName"), str):
                found.add(disc["propertyName"])
            stack.extend(v for k, v in node.items() if k not in ("example", "examples"))
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _received_schemas(data: dict[str, Any]) -> list[Any]:
    """The schemas of every response, and of every webhook's and callback's request body."""
    resolver = Resolver(data)
    found: list[Any] = []

    def content_schemas(holder: Any) -> None:
        _, resolved = resolver.deref(holder)
        content = resolved.get("content") if isinstance(resolved, dict) else None
        if isinstance(content, dict):
            found.extend(m.get("schema") for m in content.values() if isinstance(m, dict))

    def operations(items: Any, received_bodies: bool) -> None:
        for item in (items or {}).values() if isinstance(items, dict) else ():
            _, path_item = resolver.deref(item)
            if not isinstance(path_item, dict):
                continue
            for method in HTTP_METHODS:
                op = path_item.get(method)
                if not isinstance(op, dict):
                    continue
                if received_bodies:
                    content_schemas(op.get("requestBody"))
                else:
                    for response in (op.get("responses") or {}).values():
                        content_schemas(response)
                for callback in (op.get("callbacks") or {}).values():
                    _, resolved = resolver.deref(callback)
                    operations(resolved, True)

    operations(data.get("paths"), False)
    operations(data.get("webhooks"), True)
    return found
