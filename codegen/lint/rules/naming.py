"""Naming rule: operationIds, schema names, properties, parameters and path segments follow the document's
dominant convention, judged on multi-word names only."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from codegen.document import Document
from codegen.findings import Finding, Severity, pointer_join
from codegen.refs import iter_operations

from ._common import PATH_VAR, Context, all_parameters, walk_schema


def naming(ctx: Context) -> Iterator[Finding]:
    categories: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path, _method, op, ptr, _item in iter_operations(ctx.data):
        if isinstance(op.get("operationId"), str):
            categories["operationId"].append((op["operationId"], pointer_join(ptr, "operationId")))
        for segment in path.strip("/").split("/"):
            if segment and not PATH_VAR.search(segment):
                categories["path segment"].append((segment, pointer_join("/paths", path)))
    components = ctx.data.get("components") or {}
    raw_schemas = components.get("schemas")
    schemas: dict[str, Any] = raw_schemas if isinstance(raw_schemas, dict) else {}
    for name, schema in schemas.items():
        categories["schema name"].append((name, pointer_join("/components/schemas", name)))
        for ptr, sub in walk_schema(schema, pointer_join("/components/schemas", name)):
            props = sub.get("properties")
            if isinstance(props, dict):
                for prop in props:
                    categories["property"].append((prop, pointer_join(ptr, "properties", prop)))
    for ptr, param in all_parameters(ctx.data):
        if param.get("in") in ("query", "path") and isinstance(param.get("name"), str):
            categories["parameter"].append((param["name"], ptr))
    for category, names in categories.items():
        yield from _naming_category(ctx.doc, category, names)


def _naming_category(doc: Document, category: str, names: list[tuple[str, str]]) -> Iterator[Finding]:
    unique: dict[str, str] = {}
    for name, ptr in names:
        unique.setdefault(name, ptr)
    compatible = {name: _styles(name) for name in unique}
    # One lowercase word ("items") fits snake_case, camelCase and kebab-case alike: only names of several
    # words say which convention a document follows.
    telling = [name for name, styles in compatible.items() if styles != _ONE_WORD]
    if len(telling) < 3:
        return
    counts: Counter[str] = Counter()
    for name in telling:
        counts.update(compatible[name])
    if not counts:
        return
    dominant, dominant_count = max(counts.items(), key=lambda kv: (kv[1], -_STYLE_ORDER.index(kv[0])))
    # A convention needs a clear majority before deviations are worth reporting.
    if dominant_count * 2 <= len(telling):
        return
    for name, ptr in unique.items():
        if dominant not in compatible[name]:
            yield doc.finding(
                ptr,
                "naming",
                f"{category} {name!r} is not {dominant}, unlike {dominant_count} of the {len(telling)} "
                f"multi-word {category} names in this document",
                Severity.WARNING,
            )


_STYLE_PATTERNS = {
    "snake_case": re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"),
    "camelCase": re.compile(r"^[a-z][a-z0-9]*([A-Z][a-z0-9]*)*$"),
    "kebab-case": re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"),
    "PascalCase": re.compile(r"^[A-Z][a-z0-9]*([A-Z][a-z0-9]*)*$"),
    "dotted.names": re.compile(r"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$"),
}
_STYLE_ORDER = list(_STYLE_PATTERNS)
_ONE_WORD = {"snake_case", "camelCase", "kebab-case"}


def _styles(name: str) -> set[str]:
    return {style for style, pattern in _STYLE_PATTERNS.items() if pattern.match(name)}
