"""Compare two JSON Schemas (OpenAPI 3.0 or 3.1) in one direction: what a request accepts or a response
returns.

Both sides are compared resolved: `$ref`s are followed on each side, `allOf` is flattened, and nullability is
normalised (3.0 `nullable: true`, 3.1 `type: [.., "null"]`, a `null` member of `anyOf`/`oneOf`, `null` in an
`enum`). A pair of referenced schemas is compared once per location, so recursive schemas terminate.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from codegen.diff import sunset
from codegen.diff.sunset import Lifecycle
from codegen.findings import pointer_join
from codegen.refs import Resolver

Emit = Callable[[str, str, str], None]  # (stem, pointer, message); the caller turns the stem into a rule id
_MAX_DEPTH = 64


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


@dataclass
class Node:
    """A schema resolved, flattened and with its nullability made explicit."""

    schema: dict[str, Any]
    ref: str | None  # the pointer of the first `$ref` followed, identifying the schema for cycle detection
    nullable: bool
    types: frozenset[str] | None  # without "null"; None when unconstrained
    members: dict[str, list[Any]] = field(default_factory=dict)  # "oneOf"/"anyOf" -> non-null members
    # `allOf` members that say more than annotations, before flattening (None: no allOf)
    constraining_all_of: int | None = None


def _types(schema: dict[str, Any]) -> tuple[frozenset[str] | None, bool]:
    raw = schema.get("type")
    if isinstance(raw, str):
        types: set[str] | None = {raw}
    elif isinstance(raw, list):
        types = {t for t in raw if isinstance(t, str)}
    else:
        types = None
    nullable = schema.get("nullable") is True
    if types is not None and "null" in types:
        nullable = True
        types.discard("null")
    enum = schema.get("enum")
    if isinstance(enum, list) and None in enum:
        nullable = True
    if "const" in schema and schema["const"] is None:
        nullable = True
    return (frozenset(types) if types is not None else None), nullable


def _is_null_schema(resolver: Resolver, member: Any) -> bool:
    _, target = resolver.deref(member)
    if not isinstance(target, dict):
        return False
    types, _ = _types(target)
    return target.get("type") == "null" or (types == frozenset() and target.get("type") == ["null"])


class Normalizer:
    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver

    def node(self, schema: Any) -> Node:
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        pointer, target = self.resolver.deref(schema)
        flat = self._flatten(target if isinstance(target, dict) else {}, set())
        types, nullable = _types(flat)
        members: dict[str, list[Any]] = {}
        for keyword in ("oneOf", "anyOf"):
            value = flat.get(keyword)
            if not isinstance(value, list):
                continue
            non_null = [m for m in value if not _is_null_schema(self.resolver, m)]
            if len(non_null) < len(value):
                nullable = True
                if len(non_null) == 1 and not _structural(flat, keyword):
                    # `anyOf: [X, {type: null}]` is X, nullable (the 3.1 spelling of 3.0's nullable X)
                    inner = self.node(non_null[0])
                    inner.nullable = True
                    return inner
            members[keyword] = non_null
        all_of = target.get("allOf") if isinstance(target, dict) else None
        constraining = sum(not self._annotation_only(m) for m in all_of) if isinstance(all_of, list) else None
        return Node(flat, pointer if isinstance(ref, str) else None, nullable, types, members, constraining)

    def _annotation_only(self, member: Any) -> bool:
        _, target = self.resolver.deref(member)
        return isinstance(target, dict) and all(key in _ANNOTATIONS for key in target)

    def _flatten(self, schema: dict[str, Any], seen: set[str]) -> dict[str, Any]:
        all_of = schema.get("allOf")
        if not isinstance(all_of, list):
            return schema
        merged = {k: v for k, v in schema.items() if k != "allOf"}
        properties = dict(merged.get("properties") or {})
        required = list(merged.get("required") or [])
        for member in all_of:
            ref = member.get("$ref") if isinstance(member, dict) else None
            if isinstance(ref, str):
                if ref in seen:
                    continue
                seen = seen | {ref}
            _, target = self.resolver.deref(member)
            if not isinstance(target, dict):
                continue
            flat = self._flatten(target, seen)
            properties.update(
                {k: v for k, v in (flat.get("properties") or {}).items() if k not in properties}
            )
            required.extend(r for r in flat.get("required") or [] if r not in required)
            for key, value in flat.items():
                if key not in ("properties", "required"):
                    merged.setdefault(key, value)
        if properties:
            merged["properties"] = properties
        if required:
            merged["required"] = required
        return merged


def _structural(schema: dict[str, Any], keyword: str) -> bool:
    """Whether `schema` says more than its `keyword` composition (then it is not unwrapped)."""
    ignored = {keyword, "description", "title", "nullable", "example", "examples", "deprecated", "default"}
    ignored |= {sunset.SUNSET, sunset.DEPRECATED_AT}
    return any(key not in ignored for key in schema)


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _bound(schema: dict[str, Any], upper: bool) -> tuple[float, bool] | None:
    """(value, exclusive) of the upper or lower bound, from the 3.0 or the 3.1 spelling."""
    plain, exclusive = ("maximum", "exclusiveMaximum") if upper else ("minimum", "exclusiveMinimum")
    value, excl = schema.get(plain), schema.get(exclusive)
    candidates: list[tuple[float, bool]] = []
    if isinstance(value, int | float) and not isinstance(value, bool):
        candidates.append((value, excl is True))
    if isinstance(excl, int | float) and not isinstance(excl, bool):
        candidates.append((excl, True))
    if not candidates:
        return None
    # the tightest of the two
    key = (lambda c: (c[0], not c[1])) if upper else (lambda c: (-c[0], not c[1]))
    return min(candidates, key=key)


def _tighter(new: tuple[float, bool] | None, old: tuple[float, bool] | None, upper: bool) -> bool:
    if new is None:
        return False
    if old is None:
        return True
    if new[0] != old[0]:
        return new[0] < old[0] if upper else new[0] > old[0]
    return new[1] and not old[1]


def _number(schema: dict[str, Any], key: str) -> int | None:
    value = schema.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _show(bound: tuple[float, bool] | None) -> str:
    if bound is None:
        return "none"
    return f"{bound[0]:g}" + (" (exclusive)" if bound[1] else "")


class SchemaComparer:
    """Compares one base schema with one revision schema in one direction and reports through `emit`."""

    def __init__(
        self, base: Resolver, revision: Resolver, direction: str, emit: Emit, at: dt.datetime | None = None
    ) -> None:
        assert direction in ("request", "response")
        self.base_resolver = base
        self.at = at if at is not None else sunset.now()
        self.base = Normalizer(base)
        self.revision = Normalizer(revision)
        self.request = direction == "request"
        self.emit = emit
        self.compared: set[tuple[str | None, str | None]] = set()

    def compare(self, base: Any, revision: Any, pointer: str, label: str, properties: bool = True) -> None:
        self._compare(base, revision, pointer, label, properties, 0)

    def _compare(
        self, base: Any, revision: Any, pointer: str, label: str, properties: bool, depth: int
    ) -> None:
        b, r = self.base.node(base), self.revision.node(revision)
        if b.ref is not None or r.ref is not None:
            key = (b.ref, r.ref)
            if key in self.compared:
                return
            self.compared.add(key)
        if depth > _MAX_DEPTH:
            return
        self._types(b, r, pointer, label)
        self._nullable(b, r, pointer, label)
        self._constraints(b.schema, r.schema, pointer, label)
        self._enum(b.schema, r.schema, pointer, label)
        self._default(b.schema, r.schema, pointer, label)
        if properties:
            self._properties(b.schema, r.schema, pointer, label, depth)
            self._additional_properties(b.schema, r.schema, pointer, label, depth)
        b_items, r_items = b.schema.get("items"), r.schema.get("items")
        if isinstance(b_items, dict) and isinstance(r_items, dict):
            self._compare(
                b_items, r_items, pointer_join(pointer, "items"), f"{label}[]", properties, depth + 1
            )
        for keyword in ("oneOf", "anyOf"):
            self._members(keyword, b, r, pointer, label, properties, depth)
        # allOf is flattened, so what its members say is compared above; a member more, or fewer, in an allOf
        # is reported too (each one can only constrain), counted so that renaming a component is not a
        # change; writing a schema as an allOf, or the reverse, is not
        if b.constraining_all_of is None or r.constraining_all_of is None:
            return
        if r.constraining_all_of > b.constraining_all_of:
            self.emit("all-of-added", pointer_join(pointer, "allOf"), f"{label}: an allOf member was added")
        elif r.constraining_all_of < b.constraining_all_of:
            self.emit(
                "all-of-removed", pointer_join(pointer, "allOf"), f"{label}: an allOf member was removed"
            )

    def _types(self, b: Node, r: Node, pointer: str, label: str) -> None:
        if self.request:
            narrowed = r.types is not None and (b.types is None or not _covers(r.types, b.types))
        elif b.types is not None and r.types is None:
            # the revision no longer says what it returns (a schema dropped, or reduced to annotations)
            narrowed = not (r.members or "enum" in r.schema or "const" in r.schema)
        else:
            narrowed = b.types is not None and r.types is not None and not _covers(b.types, r.types)
        if narrowed:
            verb = "narrowed" if self.request else "changed"
            self.emit(
                "type-changed",
                pointer,
                f"{label}: type {verb} from {_show_types(b.types)} to {_show_types(r.types)}",
            )
        elif b.types is not None and r.types is not None and b.types != r.types:
            self.emit(
                "type-compatible",
                pointer,
                f"{label}: type changed compatibly from {_show_types(b.types)} to {_show_types(r.types)}",
            )
        b_format, r_format = b.schema.get("format"), r.schema.get("format")
        if b_format == r_format:
            return
        message = f"{label}: format changed from {b_format or 'none'} to {r_format or 'none'}"
        if (b_format and r_format) or (self.request and r_format) or (not self.request and b_format):
            self.emit("format-changed", pointer, message)
        else:
            self.emit("type-compatible", pointer, message)

    def _nullable(self, b: Node, r: Node, pointer: str, label: str) -> None:
        if b.nullable and not r.nullable:
            self.emit("became-not-nullable", pointer, f"{label}: null is no longer allowed")
        if r.nullable and not b.nullable:
            self.emit("became-nullable", pointer, f"{label}: may now be null")

    def _constraints(self, b: dict[str, Any], r: dict[str, Any], pointer: str, label: str) -> None:
        for key, stem in (("maxLength", "max-length"), ("maxItems", "max-items")):
            old, new = _number(b, key), _number(r, key)
            if new is not None and (old is None or new < old):
                change = "set to" if old is None else f"lowered from {old} to"
                self.emit(f"{stem}-decreased", pointer, f"{label}: {key} {change} {new}")
            elif old is not None and (new is None or new > old):
                change = "removed" if new is None else f"raised from {old} to {new}"
                self.emit(f"{stem}-increased", pointer, f"{label}: {key} {change}")
        for key, stem in (("minLength", "min-length"), ("minItems", "min-items")):
            low, high = _number(b, key) or 0, _number(r, key) or 0
            if high > low:
                self.emit(f"{stem}-increased", pointer, f"{label}: {key} raised from {low} to {high}")
            elif high < low:
                self.emit(f"{stem}-decreased", pointer, f"{label}: {key} lowered from {low} to {high}")
        for upper, stem_tight, stem_loose, word in (
            (True, "max-decreased", "max-increased", "maximum"),
            (False, "min-increased", "min-decreased", "minimum"),
        ):
            old_bound, new_bound = _bound(b, upper), _bound(r, upper)
            if _tighter(new_bound, old_bound, upper):
                self.emit(
                    stem_tight,
                    pointer,
                    f"{label}: {word} tightened from {_show(old_bound)} to {_show(new_bound)}",
                )
            elif _tighter(old_bound, new_bound, upper):
                self.emit(
                    stem_loose,
                    pointer,
                    f"{label}: {word} loosened from {_show(old_bound)} to {_show(new_bound)}",
                )
        old_pattern, new_pattern = b.get("pattern"), r.get("pattern")
        if new_pattern is not None and old_pattern is None:
            self.emit("pattern-added", pointer, f"{label}: pattern {new_pattern!r} added")
        elif old_pattern is not None and new_pattern is None:
            self.emit("pattern-removed", pointer, f"{label}: pattern {old_pattern!r} removed")
        elif new_pattern != old_pattern:
            self.emit(
                "pattern-changed",
                pointer,
                f"{label}: pattern changed from {old_pattern!r} to {new_pattern!r}",
            )
        self._keywords(b, r, pointer, label)

    def _keywords(self, b: dict[str, Any], r: dict[str, Any], pointer: str, label: str) -> None:
        """The assertions without a rule of their own: tightened, relaxed, or changed either way."""
        for key in _KEYWORDS:
            if key not in b and key not in r:
                continue
            old, new = b.get(key), r.get(key)
            if canonical(old) == canonical(new):
                continue
            if key in _UPPER_BOUNDS or key in _LOWER_BOUNDS:
                old_n, new_n = _number(b, key), _number(r, key)
                looser = new_n is None or (old_n is not None and (new_n > old_n) == (key in _UPPER_BOUNDS))
                stem = "constraint-relaxed" if looser else "constraint-tightened"
            elif key in _ANY_CHANGE or (key in b and key in r and key != "uniqueItems"):
                stem = "constraint-changed"
            elif key == "uniqueItems":
                stem = "constraint-tightened" if new is True else "constraint-relaxed"
            else:
                stem = "constraint-tightened" if key in r else "constraint-relaxed"
            word = {"constraint-tightened": "added or tightened", "constraint-relaxed": "removed or loosened"}
            self.emit(
                stem, pointer, f"{label}: {key} {word.get(stem, 'changed')} ({_brief(old)} -> {_brief(new)})"
            )

    def _additional_properties(
        self, b: dict[str, Any], r: dict[str, Any], pointer: str, label: str, depth: int
    ) -> None:
        if "additionalProperties" not in b and "additionalProperties" not in r:
            return
        old, new = b.get("additionalProperties", True), r.get("additionalProperties", True)
        child = pointer_join(pointer, "additionalProperties")
        if isinstance(old, dict) and isinstance(new, dict):
            self._compare(old, new, child, f"{label}{{*}}", True, depth + 1)
        elif (new is False and old is not False) or (isinstance(new, dict) and old is True):
            self.emit(
                "additional-properties-narrowed",
                child,
                f"{label}: additionalProperties narrowed from {_brief(old)} to {_brief(new)}",
            )
        elif (old is False and new is not False) or (isinstance(old, dict) and new is True):
            self.emit(
                "additional-properties-widened",
                child,
                f"{label}: additionalProperties widened from {_brief(old)} to {_brief(new)}",
            )

    def _enum(self, b: dict[str, Any], r: dict[str, Any], pointer: str, label: str) -> None:
        old, new = _enum_values(b), _enum_values(r)
        if old is None and new is None:
            return
        if old is None and new is not None:
            self.emit("enum-value-removed", pointer, f"{label}: now restricted to {_show_values(new)}")
            return
        if new is None and old is not None:
            self.emit("enum-value-added", pointer, f"{label}: no longer restricted to {_show_values(old)}")
            return
        assert old is not None and new is not None
        removed = [old[k] for k in old if k not in new]
        added = [new[k] for k in new if k not in old]
        if removed:
            self.emit("enum-value-removed", pointer, f"{label}: enum value(s) {_show_list(removed)} removed")
        if added:
            self.emit("enum-value-added", pointer, f"{label}: enum value(s) {_show_list(added)} added")

    def _default(self, b: dict[str, Any], r: dict[str, Any], pointer: str, label: str) -> None:
        if "default" in b and ("default" not in r or canonical(b["default"]) != canonical(r["default"])):
            new = f"to {json.dumps(r['default'])}" if "default" in r else "removed"
            self.emit("default-value-changed", pointer, f"{label}: default {json.dumps(b['default'])} {new}")
        elif "default" in r and "default" not in b:
            self.emit("default-value-changed", pointer, f"{label}: default set to {json.dumps(r['default'])}")

    def _lifecycle(self, schema: Any) -> Lifecycle:
        """`deprecated` / `x-sunset` on the property (next to a `$ref` too) or on what it refers to."""
        lifecycle = Lifecycle.of(schema)
        if not lifecycle.deprecated and isinstance(schema, dict) and "$ref" in schema:
            lifecycle = Lifecycle.of(self.base_resolver.deref(schema)[1])
        return lifecycle

    def _properties(self, b: dict[str, Any], r: dict[str, Any], pointer: str, label: str, depth: int) -> None:
        b_props, r_props = b.get("properties"), r.get("properties")
        if not isinstance(b_props, dict) and not isinstance(r_props, dict):
            return
        b_props, r_props = b_props or {}, r_props or {}
        b_req, r_req = set(b.get("required") or []), set(r.get("required") or [])
        hidden = "readOnly" if self.request else "writeOnly"
        for name in [*b_props, *(n for n in r_props if n not in b_props)]:
            child = pointer_join(pointer, "properties", name)
            child_label = name if label.startswith("the ") else f"{label}.{name}"
            old, new = b_props.get(name), r_props.get(name)
            # hidden in this direction (readOnly in a request, writeOnly in a response): absent here
            was_hidden = self._flag(old, hidden, self.base)
            if was_hidden:
                old = None
            if self._flag(new, hidden, self.revision):
                new = None
            if old is None and new is None:
                continue
            if old is None and was_hidden and not self.request and name in r_req:
                self.emit(
                    "became-readable",
                    child,
                    f"required property {child_label} is no longer write-only: now returned{_in(label)}",
                )
                continue
            if old is None:
                if self.request:
                    stem = "new-required" if name in r_req else "new-optional"
                    self.emit(
                        stem,
                        child,
                        f"{'required' if name in r_req else 'optional'} property "
                        f"{child_label} added{_in(label)}",
                    )
                else:
                    self.emit("added", child, f"property {child_label} added{_in(label)}")
                continue
            if new is None:
                lifecycle = self._lifecycle(old)
                note = f" ({lifecycle.removal_note(self.at)})" if lifecycle.deprecated else ""
                if lifecycle.removable(self.at):
                    self.emit(
                        "removed-after-sunset", child, f"property {child_label} removed{_in(label)}{note}"
                    )
                elif self.request:
                    self.emit("removed", child, f"property {child_label} removed{_in(label)}{note}")
                else:
                    stem = "required-removed" if name in b_req else "optional-removed"
                    self.emit(
                        stem,
                        child,
                        f"{'required' if name in b_req else 'optional'} property "
                        f"{child_label} removed{_in(label)}{note}",
                    )
                continue
            if self.request and name in r_req and name not in b_req:
                self.emit("became-required", child, f"property {child_label} became required{_in(label)}")
            if self.request and name in b_req and name not in r_req:
                self.emit("became-optional", child, f"property {child_label} became optional{_in(label)}")
            if not self.request and name in b_req and name not in r_req:
                self.emit(
                    "became-optional", child, f"property {child_label} is no longer required{_in(label)}"
                )
            self._compare(old, new, child, child_label, True, depth + 1)

    @staticmethod
    def _flag(schema: Any, flag: str, normalizer: Normalizer) -> bool:
        if schema is None:
            return False
        return normalizer.node(schema).schema.get(flag) is True

    def _members(
        self, keyword: str, b: Node, r: Node, pointer: str, label: str, properties: bool, depth: int
    ) -> None:
        old, new = b.members.get(keyword), r.members.get(keyword)
        if old is None and new is None:
            return
        old_keyed = {_member_key(m): (i, m) for i, m in enumerate(old or [])}
        new_keyed = {_member_key(m): (i, m) for i, m in enumerate(new or [])}
        removed = [k for k in old_keyed if k not in new_keyed]
        added = [k for k in new_keyed if k not in old_keyed]
        stem = "one-of" if keyword == "oneOf" else "any-of"
        if old is None and keyword == "oneOf" and self.request:
            self.emit("wrapped-in-one-of", pointer_join(pointer, keyword), f"{label}: became a oneOf")
            return
        if old is not None and new is not None and len(removed) == len(added):
            # the same number of members changed: compare them pairwise, in order, as modified members
            pairs = [(old_keyed[k], new_keyed[k]) for k in old_keyed if k in new_keyed]
            pairs += list(zip((old_keyed[k] for k in removed), (new_keyed[k] for k in added), strict=True))
        else:
            pairs = [(old_keyed[k], new_keyed[k]) for k in old_keyed if k in new_keyed]
            for key in removed:
                index = old_keyed[key][0]
                self.emit(
                    f"{stem}-removed",
                    pointer_join(pointer, keyword, index),
                    f"{label}: {keyword} member {_describe(old_keyed[key][1])} removed",
                )
            for key in added:
                index = new_keyed[key][0]
                self.emit(
                    f"{stem}-added",
                    pointer_join(pointer, keyword, index),
                    f"{label}: {keyword} member {_describe(new_keyed[key][1])} added",
                )
        for (_, old_member), (index, new_member) in pairs:
            self._compare(
                old_member, new_member, pointer_join(pointer, keyword, index), label, properties, depth + 1
            )


_ANNOTATIONS = frozenset(
    {
        "description",
        "title",
        "example",
        "examples",
        "deprecated",
        sunset.SUNSET,
        sunset.DEPRECATED_AT,
        "default",
        "$comment",
        "readOnly",
        "writeOnly",
    }
)
# JSON Schema assertions without a rule of their own (see _keywords)
_UPPER_BOUNDS = frozenset({"maxProperties", "maxContains"})
_LOWER_BOUNDS = frozenset({"minProperties", "minContains"})
_ANY_CHANGE = frozenset({"prefixItems", "contentMediaType", "contentEncoding"})
_KEYWORDS = (
    "if",
    "then",
    "else",
    "not",
    "contains",
    "minContains",
    "maxContains",
    "dependentRequired",
    "dependentSchemas",
    "patternProperties",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
    "contentMediaType",
    "contentEncoding",
    "prefixItems",
    "multipleOf",
    "uniqueItems",
    "minProperties",
    "maxProperties",
)


def _brief(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str) if value is not None else "none"
    return text if len(text) <= 60 else text[:57] + "..."


def _member_key(member: Any) -> str:
    if isinstance(member, dict) and isinstance(member.get("$ref"), str):
        return "ref:" + member["$ref"].rsplit("/", 1)[-1]
    return canonical(member)


def _describe(member: Any) -> str:
    if isinstance(member, dict) and isinstance(member.get("$ref"), str):
        return member["$ref"].rsplit("/", 1)[-1]
    return canonical(member)


def _enum_values(schema: dict[str, Any]) -> dict[str, Any] | None:
    if "const" in schema:
        values = [schema["const"]]
    elif isinstance(schema.get("enum"), list):
        values = schema["enum"]
    else:
        return None
    return {canonical(v): v for v in values if v is not None}


def _show_types(types: frozenset[str] | None) -> str:
    if types is None:
        return "any"
    return "/".join(sorted(types)) or "null"


def _show_values(values: dict[str, Any]) -> str:
    return _show_list(list(values.values()))


def _show_list(values: list[Any]) -> str:
    return ", ".join(json.dumps(v) for v in values)


def _in(label: str) -> str:
    return "" if label.startswith("the ") else f" (in {label})"
