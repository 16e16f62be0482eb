"""Make a loaded document safe to hand to the generators, noting every repair.

Generation is for any designer's document, valid or not, so what is unsound is cut out (with a note saying
where and why) instead of stopping the run:

* a `$ref` that does not resolve (or points outside the document) becomes an empty schema (any value);
* a `default` outside its own `enum` is dropped (kubernetes does this);
* a non-object `paths` / `components` / `components.schemas` is ignored;
* a discriminator without a mapping whose implied values (the schema names) contradict the discriminating
  property's own enum gets the mapping those enums spell out (spotify's `type: [episode]` vs `EpisodeObject`),
  or is dropped when no mapping can be derived.

`for_typescript` additionally rewrites `$ref`s into another component's content (a response's
`content/<media>/schema`, a path's schema...), which openapi-typescript turns into invalid indexed types: ref
chains are followed to their end and what is still not a component is inlined.

Everything else (dotted schema names, enum values that collide as identifiers, nullable `anyOf` with `null`,
`$ref`s into another component's content) is handled by the generators and the SDK type mapping.
"""

from __future__ import annotations

import copy
from typing import Any

from codegen.document import Document
from codegen.findings import CodegenError, Finding, Severity, pointer_join
from codegen.refs import Resolver


def prepare(doc: Document) -> tuple[dict[str, Any], list[Finding]]:
    version = doc.openapi_version
    if version not in ("3.0", "3.1"):
        raise CodegenError(
            f"{doc.name}:{doc.line_of('/openapi')}: structure: not an OpenAPI 3.0 or 3.1 document "
            f"(openapi: {version}); convert it first (Swagger 2.0 documents are not supported)"
        )
    data = copy.deepcopy(doc.data)
    notes: list[Finding] = []

    def note(pointer: str, rule: str, message: str) -> None:
        notes.append(doc.finding(pointer, rule, message, Severity.WARNING))

    for key in ("paths", "components"):
        if key in data and not isinstance(data[key], dict):
            note(f"/{key}", "generate-skip", f"`{key}` is not an object; ignored")
            data[key] = {}
    components = data.get("components")
    if (
        isinstance(components, dict)
        and "schemas" in components
        and not isinstance(components["schemas"], dict)
    ):
        note("/components/schemas", "generate-skip", "`components.schemas` is not an object; ignored")
        components["schemas"] = {}

    resolver = Resolver(data)
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not _inside_example(pointer):
                if not ref.startswith("#"):
                    note(
                        pointer,
                        "generate-ref",
                        f"external $ref {ref!r} is not followed; treated as any value",
                    )
                    _replace_ref(node)
                elif resolver.ref_target(ref) is None:
                    note(pointer, "generate-ref", f"$ref {ref!r} does not resolve; treated as any value")
                    _replace_ref(node)
            enum = node.get("enum")
            bad_default = "default" in node and isinstance(enum, list) and node["default"] not in enum
            null_allowed = node.get("default") is None and (node.get("nullable") is True or _null_type(node))
            if bad_default and not null_allowed:
                note(
                    pointer_join(pointer, "default"),
                    "generate-default",
                    f"default {node['default']!r} is not one of the enum values; the default is dropped",
                )
                del node["default"]
            for key, value in node.items():
                if isinstance(value, (dict, list)) and key not in ("example", "examples"):
                    stack.append((pointer_join(pointer, key), value))
                elif key == "examples" and isinstance(value, dict):
                    # Example objects may $ref components.examples; their values are data.
                    for name, example in value.items():
                        if isinstance(example, dict) and "$ref" in example:
                            stack.append((pointer_join(pointer, key, name), example))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    stack.append((pointer_join(pointer, index), value))
    fix_discriminators(data, resolver, note)
    return data, notes


def fix_discriminators(data: dict[str, Any], resolver: Resolver, note: Any) -> None:
    """Repair discriminators in place (under components and paths), as `contract generate` reads them.

    Where a member's schema name (the implicit mapping value) contradicts the single enum/const value of
    its discriminator property, the mapping is derived from those values; a discriminator that cannot be
    mapped is dropped. Each repair is reported through `note(pointer, "generate-discriminator", message)`.
    The mock applies the same repair, so it validates and generates what the SDKs' types expect.
    """
    stack: list[tuple[str, Any]] = [("/components", data.get("components")), ("/paths", data.get("paths"))]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, list):
            stack.extend(
                (pointer_join(pointer, i), v) for i, v in enumerate(node) if isinstance(v, (dict, list))
            )
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            if isinstance(value, (dict, list)) and key not in ("example", "examples", "discriminator"):
                stack.append((pointer_join(pointer, key), value))
        disc = node.get("discriminator")
        members = node.get("oneOf") or node.get("anyOf")
        if (
            not isinstance(disc, dict)
            or not isinstance(disc.get("propertyName"), str)
            or not isinstance(members, list)
        ):
            continue
        prop = disc["propertyName"]
        raw_mapping = disc.get("mapping")
        mapping: dict[str, Any] = raw_mapping if isinstance(raw_mapping, dict) else {}
        mapped = set(mapping.values())
        derived: dict[str, str] = {}
        sound = True
        for member in members:
            ref = member.get("$ref") if isinstance(member, dict) else None
            if not isinstance(ref, str):
                sound = False
                break
            if ref in mapped:
                continue
            values = _enum_values(resolver, ref, prop, 0)
            if values is None or ref.rsplit("/", 1)[-1] in values:
                continue  # the implicit mapping (the schema name) is allowed
            if len(values) == 1 and isinstance(values[0], str):
                derived[values[0]] = ref
            else:
                sound = False
        where = pointer_join(pointer, "discriminator")
        if not sound:
            note(where, "generate-discriminator", f"discriminator on {prop!r} cannot be mapped; dropped")
            del node["discriminator"]
        elif derived:
            disc["mapping"] = {**mapping, **dict(sorted(derived.items()))}
            pairs = ", ".join(f"{k} -> {v.rsplit('/', 1)[-1]}" for k, v in sorted(derived.items()))
            note(
                where, "generate-discriminator", f"schema names contradict the {prop!r} enums; mapped {pairs}"
            )


def _enum_values(resolver: Resolver, ref: str, prop: str, depth: int) -> list[Any] | None:
    target = resolver.ref_target(ref)
    if target is None or depth > 8:
        return None
    _, schema = target
    if not isinstance(schema, dict):
        return None
    props = schema.get("properties")
    if isinstance(props, dict) and prop in props:
        _, prop_schema = resolver.deref(props[prop])
        if isinstance(prop_schema, dict):
            if "const" in prop_schema:
                return [prop_schema["const"]]
            if isinstance(prop_schema.get("enum"), list):
                return list(prop_schema["enum"])
        return None
    for member in schema.get("allOf") or []:
        if isinstance(member, dict) and isinstance(member.get("$ref"), str):
            values = _enum_values(resolver, member["$ref"], prop, depth + 1)
            if values is not None:
                return values
        elif (
            isinstance(member, dict)
            and isinstance(member.get("properties"), dict)
            and prop in member["properties"]
        ):
            _, prop_schema = resolver.deref(member["properties"][prop])
            if isinstance(prop_schema, dict) and isinstance(prop_schema.get("enum"), list):
                return list(prop_schema["enum"])
    return None


def for_typescript(data: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """A copy of `data` whose `$ref`s all point at whole components (or schema properties)."""
    data = copy.deepcopy(data)
    resolver = Resolver(data)
    rewritten: list[tuple[str, str]] = []
    stack: list[tuple[str, Any, int]] = [("", data, 0)]
    while stack:
        pointer, node, depth = stack.pop()
        if isinstance(node, list):
            stack.extend(
                (pointer_join(pointer, i), v, depth)
                for i, v in enumerate(node)
                if isinstance(v, (dict, list))
            )
            continue
        if not isinstance(node, dict):
            continue
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#") and not _ts_addressable(ref):
            final_ref, target = _follow(resolver, ref)
            if final_ref is not None and _ts_addressable(final_ref):
                node["$ref"] = final_ref
                rewritten.append(
                    (pointer, f"$ref {ref!r} points into another component; rewritten to {final_ref!r}")
                )
            elif isinstance(target, dict) and depth < 8:
                inlined = copy.deepcopy(target)
                node.pop("$ref")
                for key, value in inlined.items():
                    node.setdefault(key, value)
                rewritten.append((pointer, f"$ref {ref!r} points into another component; inlined"))
                stack.append((pointer, node, depth + 1))
                continue
        for key, value in node.items():
            if isinstance(value, (dict, list)) and key not in ("example", "examples"):
                stack.append((pointer_join(pointer, key), value, depth))
    return data, rewritten


def _ts_addressable(ref: str) -> bool:
    """Refs openapi-typescript turns into valid types: whole components, and schema properties."""
    tokens = ref[1:].strip("/").split("/")
    if len(tokens) == 3 and tokens[0] == "components":
        return True
    return len(tokens) == 5 and tokens[:2] == ["components", "schemas"] and tokens[3] == "properties"


def _follow(resolver: Resolver, ref: str) -> tuple[str | None, Any]:
    seen: set[str] = set()
    current: str = ref
    node: Any = None
    while current not in seen:
        seen.add(current)
        target = resolver.ref_target(current)
        if target is None:
            return None, None
        _, node = target
        if isinstance(node, dict) and isinstance(node.get("$ref"), str) and len(node) == 1:
            current = node["$ref"]
            continue
        return current, node
    return None, None


def _replace_ref(node: dict[str, Any]) -> None:
    description = node.get("description")
    node.clear()
    if isinstance(description, str):
        node["description"] = description


def _null_type(node: dict[str, Any]) -> bool:
    type_ = node.get("type")
    return type_ == "null" or (isinstance(type_, list) and "null" in type_)


def _inside_example(pointer: str) -> bool:
    return "/example/" in pointer + "/" or "/value/" in pointer + "/"
