"""Make a loaded document safe to hand to the generators, noting every repair.

Generation is for any designer's document, valid or not, so what is unsound is cut out (with a note saying
where and why) instead of stopping the run:

* a `$ref` that does not resolve (or points outside the document) becomes an empty schema (any value);
* a `default` outside its own `enum` is dropped (kubernetes does this);
* a non-object `paths` / `components` / `components.schemas` is ignored;
* a discriminator without a mapping whose implied values (the schema names) contradict the discriminating
  property's own enum gets the mapping those enums spell out (spotify's `type: [episode]` vs `EpisodeObject`),
  or is dropped when no mapping can be derived;
* a discriminated union member that only aliases another component (`HouseCat: {$ref: Cat}`) is replaced by
  that component (the alias became a wrapper model without a `Literal` discriminator field, and the models
  module failed to import: "needs field 'type' to be of type Literal"); a discriminator one of whose members
  declares no such property is dropped ("needs a discriminator field"), the members tried in turn;
* a schema keyword whose value has the wrong type (`maxLength: 2.5`, `enum: null`, `description: 42`, a
  property that is not a schema...) is dropped: datamodel-code-generator refuses the whole document over one
  ("ValidationError ... for JsonSchemaObject"). `required: true` on a property (Swagger 2 style) puts the
  property in its parent's `required`; `customBasePath` / `customTypePath` (generator extensions that make
  the generated module import what they name) are always dropped.

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
    fix_schema_keywords(data, note)
    fix_discriminators(data, resolver, note)
    return data, notes


_STRING_KEYWORDS = ("$ref", "title", "description", "format", "pattern", "$id", "$anchor", "$comment")
_COUNT_KEYWORDS = ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties")
_NUMBER_KEYWORDS = ("minimum", "maximum", "multipleOf")
_BOOL_KEYWORDS = ("nullable", "readOnly", "writeOnly", "uniqueItems", "deprecated")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_SLOTS = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames")
_NAME_LISTS = ("x-enum-varnames", "x-enumNames", "x-enum-descriptions")


def fix_schema_keywords(data: dict[str, Any], note: Any) -> None:
    """Drop schema keywords whose value has the wrong type, which the model generator refuses outright
    (`ValidationError ... for JsonSchemaObject`): the rest of the document still generates.

    `required: true` on a property (Swagger 2 style) becomes the property's name in its parent's `required`.
    Every schema of the document is visited: `components.schemas`, and each `schema` of a parameter, header
    or media type wherever it is (paths, webhooks, components)."""
    roots: list[tuple[str, Any]] = []
    components = data.get("components")
    if isinstance(components, dict) and isinstance(components.get("schemas"), dict):
        roots.extend(
            (pointer_join("/components/schemas", name), schema)
            for name, schema in components["schemas"].items()
        )
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("example", "examples") or (pointer == "/components" and key == "schemas"):
                    continue
                if key == "schema" and isinstance(value, dict):
                    roots.append((pointer_join(pointer, key), value))
                elif isinstance(value, (dict, list)):
                    stack.append((pointer_join(pointer, key), value))
        elif isinstance(node, list):
            stack.extend(
                (pointer_join(pointer, i), v) for i, v in enumerate(node) if isinstance(v, (dict, list))
            )
    seen: set[int] = set()
    while roots:
        pointer, schema = roots.pop()
        if not isinstance(schema, dict) or id(schema) in seen:
            continue
        seen.add(id(schema))
        for child_pointer, child in _fix_schema(pointer, schema, note):
            roots.append((child_pointer, child))


def _fix_schema(pointer: str, schema: dict[str, Any], note: Any) -> list[tuple[str, Any]]:
    def drop(key: str, why: str) -> None:
        note(pointer_join(pointer, key), "generate-schema", f"`{key}` {why}; ignored")
        del schema[key]

    for key in _STRING_KEYWORDS:
        if key in schema and not isinstance(schema[key], str):
            drop(key, "is not a string")
    for key in _COUNT_KEYWORDS:
        value = schema.get(key)
        if key in schema and not (
            not isinstance(value, bool)
            and isinstance(value, (int, float))
            and value >= 0
            and float(value).is_integer()
        ):
            drop(key, "is not a non-negative integer")
    for key in _NUMBER_KEYWORDS:
        if key in schema and (isinstance(schema[key], bool) or not isinstance(schema[key], (int, float))):
            drop(key, "is not a number")
    for key in ("exclusiveMinimum", "exclusiveMaximum"):
        if key in schema and not isinstance(schema[key], (int, float)):
            drop(key, "is neither a number nor a boolean")
    for key in _BOOL_KEYWORDS:
        if key in schema and not isinstance(schema[key], bool):
            drop(key, "is not a boolean")
    for key in ("customBasePath", "customTypePath"):
        if key in schema:  # the generator would import what they name: a document must not choose code
            drop(key, "names Python code for the generator to import")
    if "enum" in schema and not isinstance(schema["enum"], list):
        drop("enum", "is not a list")
    kind = schema.get("type")
    if "type" in schema and not (
        isinstance(kind, str) or (isinstance(kind, list) and all(isinstance(k, str) for k in kind))
    ):
        drop("type", "is neither a type name nor a list of them")
    required = schema.get("required")
    if "required" in schema and not isinstance(required, list):
        drop("required", "is not a list of property names")
    elif isinstance(required, list) and not all(isinstance(r, str) for r in required):
        note(
            pointer_join(pointer, "required"), "generate-schema", "`required` lists a non-string; dropped it"
        )
        schema["required"] = [r for r in required if isinstance(r, str)]
    for key in _NAME_LISTS:
        names = schema.get(key)
        if key in schema and not (
            isinstance(names, list) and all(isinstance(n, (str, type(None))) for n in names)
        ):
            drop(key, "is not a list of names")
    disc = schema.get("discriminator")
    if (
        "discriminator" in schema
        and disc is not None
        and not (
            isinstance(disc, str) or (isinstance(disc, dict) and isinstance(disc.get("propertyName"), str))
        )
    ):
        drop("discriminator", "has no propertyName")
    children: list[tuple[str, Any]] = []
    for key in _SCHEMA_LISTS:
        if key not in schema:
            continue
        if not isinstance(schema[key], list):
            drop(key, "is not a list of schemas")
            continue
        if not all(isinstance(m, (dict, bool)) for m in schema[key]):
            note(pointer_join(pointer, key), "generate-schema", f"`{key}` holds a non-schema; dropped it")
            schema[key] = [m for m in schema[key] if isinstance(m, (dict, bool))]
        children.extend((pointer_join(pointer, key, i), m) for i, m in enumerate(schema[key]))
    for key in _SCHEMA_MAPS:
        if key not in schema:
            continue
        if not isinstance(schema[key], dict):
            drop(key, "is not an object of schemas")
            continue
        for name, member in list(schema[key].items()):
            where = pointer_join(pointer, key, name)
            if not isinstance(member, (dict, bool)):
                note(where, "generate-schema", f"`{name}` is not a schema; ignored")
                del schema[key][name]
                continue
            if key == "properties" and isinstance(member, dict) and isinstance(member.get("required"), bool):
                flag = member.pop("required")
                parent = schema.setdefault("required", [])
                if flag and isinstance(parent, list) and name not in parent:
                    parent.append(name)
                note(
                    pointer_join(where, "required"),
                    "generate-schema",
                    f"`required: {str(flag).lower()}` on a property (Swagger 2 style): "
                    + ("the parent's `required` lists it" if flag else "dropped (optional is the default)"),
                )
            children.append((where, member))
    for key in _SCHEMA_SLOTS:
        if key not in schema or schema[key] is None:
            continue
        value = schema[key]
        if key == "items" and isinstance(value, list):
            children.extend((pointer_join(pointer, key, i), m) for i, m in enumerate(value))
        elif isinstance(value, (dict, bool)):
            children.append((pointer_join(pointer, key), value))
        else:
            drop(key, "is not a schema")
    return children


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
        _unalias_members(pointer, node, members, mapping, prop, resolver, note)
        if mapping and not isinstance(raw_mapping, dict):
            disc["mapping"] = mapping
        mapped = set(mapping.values())
        derived: dict[str, str] = {}
        sound = True
        missing = [
            m["$ref"].rsplit("/", 1)[-1]
            for m in members
            if isinstance(m, dict) and isinstance(m.get("$ref"), str) and _lacks(resolver, m["$ref"], prop, 0)
        ]
        if missing:
            # pydantic refuses the union ("needs a discriminator field"); the members are tried in turn.
            note(
                pointer_join(pointer, "discriminator"),
                "generate-discriminator",
                f"{', '.join(missing)} declare(s) no {prop!r} property; the discriminator is dropped",
            )
            del node["discriminator"]
            continue
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


# Keywords that do not change what a schema accepts: a component made of a `$ref` and these is an alias.
_ANNOTATIONS = frozenset(
    {
        "description",
        "title",
        "deprecated",
        "readOnly",
        "writeOnly",
        "example",
        "examples",
        "externalDocs",
        "$comment",
    }
)


def _alias_target(resolver: Resolver, ref: str) -> str | None:
    """The component `ref` stands for when it is only an alias (`Cat2: {$ref: Cat}`), else None."""
    current, seen = ref, {ref}
    while True:
        target = resolver.ref_target(current)
        schema = target[1] if target is not None else None
        if not isinstance(schema, dict) or not isinstance(schema.get("$ref"), str):
            break
        if any(key not in _ANNOTATIONS and not key.startswith("x-") for key in schema if key != "$ref"):
            break
        following = schema["$ref"]
        if following in seen or not following.startswith("#/"):
            return None
        seen.add(following)
        current = following
    return current if current != ref else None


def _unalias_members(
    pointer: str,
    node: dict[str, Any],
    members: list[Any],
    mapping: dict[str, Any],
    prop: str,
    resolver: Resolver,
    note: Any,
) -> None:
    """Point a discriminated union's members (and mapping) past alias components to the schemas they name.

    A member that is an alias (`Cat2: {$ref: Cat}`) becomes a wrapper model whose discriminator property is
    not a `Literal` (pydantic refuses to build the union: "needs field 'type' to be of type Literal"); the
    schema it names is the member. A member the mapping did not name keeps its implicit value (the alias's
    name) where the schema allows it."""
    mapped = set(mapping.values())
    rewritten: list[str] = []
    for member in members:
        ref = member.get("$ref") if isinstance(member, dict) else None
        if not isinstance(ref, str) or not ref.startswith("#/"):
            continue
        final = _alias_target(resolver, ref)
        if final is None:
            continue
        member["$ref"] = final
        rewritten.append(f"{ref.rsplit('/', 1)[-1]} -> {final.rsplit('/', 1)[-1]}")
        if ref not in mapped:
            name = ref.rsplit("/", 1)[-1]
            values = _enum_values(resolver, final, prop, 0)
            if values is None or name in values:
                mapping.setdefault(name, final)
    for key, value in list(mapping.items()):
        if isinstance(value, str) and value.startswith("#/"):
            final = _alias_target(resolver, value)
            if final is not None:
                mapping[key] = final
                rewritten.append(f"{value.rsplit('/', 1)[-1]} -> {final.rsplit('/', 1)[-1]}")
    if rewritten:
        pairs = ", ".join(sorted(set(rewritten)))
        note(
            pointer_join(pointer, "discriminator"),
            "generate-discriminator",
            f"union members that only alias another schema are replaced by it: {pairs}",
        )


def _lacks(resolver: Resolver, ref: str, prop: str, depth: int) -> bool:
    """True when the object schema at `ref` certainly declares no property `prop` (itself or through allOf);
    a schema that is a union, or anything not understood, is given the benefit of the doubt."""
    target = resolver.ref_target(ref)
    if target is None or depth > 8 or not isinstance(target[1], dict):
        return False
    schema = target[1]
    if any(key in schema for key in ("oneOf", "anyOf", "$ref", "not", "if")):
        return False
    props = schema.get("properties")
    if isinstance(props, dict) and prop in props:
        return False
    for member in schema.get("allOf") or []:
        if not isinstance(member, dict):
            return False
        if isinstance(member.get("$ref"), str):
            if not _lacks(resolver, member["$ref"], prop, depth + 1):
                return False
        elif any(key in member for key in ("oneOf", "anyOf", "allOf", "not", "if")) or (
            isinstance(member.get("properties"), dict) and prop in member["properties"]
        ):
            return False
    return True


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
