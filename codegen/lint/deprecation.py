"""Lint rules of the deprecation workflow (docs/evolution.md, "Deprecation"; issue 16 point 4).

A deprecated operation or parameter (`deprecated: true`) must say when it was deprecated (`x-deprecated-at`,
the server's `Deprecation` header) and when it goes (`x-sunset`, the `Sunset` header and the date
`contract diff` allows its removal from), both RFC 3339 dates or date-times; its description must show the
sunset date (Swagger UI strikes deprecated operations through but shows no extension); and every success
or redirect response of the operation declares the headers the server adds
(`#/components/headers/Deprecation`, `Sunset`, and `Link` when the operation has `externalDocs`).
A deprecated schema property should carry an `x-sunset` too (a warning: without one, its removal is never
compatible).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codegen.diff.sunset import DEPRECATED_AT, SUNSET, parse_instant, show
from codegen.document import Document
from codegen.findings import Finding, Severity, pointer_join
from codegen.refs import Resolver, iter_operations

RULES = {
    "deprecation-dates": "a deprecated operation or parameter has x-deprecated-at and x-sunset (RFC 3339)",
    "deprecation-undocumented": "a deprecated operation's or parameter's description shows its sunset date",
    "deprecation-headers-undeclared": "responses of deprecated operations declare Deprecation, Sunset, Link",
}


def _dates(doc: Document, node: dict[str, Any], pointer: str, what: str) -> Iterator[Finding]:
    at = parse_instant(node.get(DEPRECATED_AT))
    sunset = parse_instant(node.get(SUNSET))
    if at is None:
        found = "missing" if DEPRECATED_AT not in node else f"{node[DEPRECATED_AT]!r} is not an RFC 3339 date"
        yield doc.finding(
            pointer,
            "deprecation-dates",
            f"{what} is deprecated: {DEPRECATED_AT} ({found}) gives the Deprecation header its date",
        )
    if sunset is None:
        found = "missing" if SUNSET not in node else f"{node[SUNSET]!r} is not an RFC 3339 date"
        yield doc.finding(
            pointer,
            "deprecation-dates",
            f"{what} is deprecated: {SUNSET} ({found}) says when clients must have stopped using it",
        )
    if at is not None and sunset is not None and sunset < at:
        yield doc.finding(
            pointer_join(pointer, SUNSET), "deprecation-dates", f"{what}: {SUNSET} is before {DEPRECATED_AT}"
        )
    if sunset is not None and show(sunset)[:10] not in str(node.get("description") or ""):
        yield doc.finding(
            pointer,
            "deprecation-undocumented",
            f"{what} is deprecated: its description must give the sunset date {show(sunset)[:10]} (the docs "
            "show descriptions, not extensions)",
        )


def _stray_dates(doc: Document, node: dict[str, Any], pointer: str, what: str) -> Iterator[Finding]:
    for key in (DEPRECATED_AT, SUNSET):
        if key in node:
            yield doc.finding(
                pointer_join(pointer, key),
                "deprecation-dates",
                f"{what} has {key} but is not deprecated: add deprecated: true or drop the date",
                Severity.WARNING,
            )


def check(doc: Document, resolver: Resolver) -> Iterator[Finding]:
    for path, method, operation, pointer, item in iter_operations(doc.data):
        what = f"{method.upper()} {path}"
        deprecated = operation.get("deprecated") is True
        if deprecated:
            yield from _dates(doc, operation, pointer, what)
        else:
            yield from _stray_dates(doc, operation, pointer, what)
        parameters_sunset = False
        deprecated_parameters = False
        for owner, owner_ptr in ((item, pointer_join("/paths", path)), (operation, pointer)):
            raw = owner.get("parameters")
            for index, parameter in enumerate(raw if isinstance(raw, list) else []):
                target_ptr, target = resolver.deref(parameter, pointer_join(owner_ptr, "parameters", index))
                if not isinstance(target, dict):
                    continue
                label = f"{what}: {target.get('in')} parameter {target.get('name')}"
                if target.get("deprecated") is True:
                    deprecated_parameters = True
                    parameters_sunset |= SUNSET in target
                    yield from _dates(doc, target, target_ptr, label)
                else:
                    yield from _stray_dates(doc, target, target_ptr, label)
        if not (deprecated or deprecated_parameters):
            continue
        needed = ["Deprecation"]
        if (deprecated and SUNSET in operation) or parameters_sunset:
            needed.append("Sunset")
        if deprecated and isinstance(operation.get("externalDocs"), dict):
            needed.append("Link")
        responses = operation.get("responses")
        for status, response in (responses if isinstance(responses, dict) else {}).items():
            if str(status)[0] not in "123":
                continue  # errors carry the headers too, but are mostly shared components/responses
            response_ptr, target = resolver.deref(response, pointer_join(pointer, "responses", status))
            headers = target.get("headers") if isinstance(target, dict) else None
            declared = {str(name).lower() for name in (headers if isinstance(headers, dict) else {})}
            missing = [name for name in needed if name.lower() not in declared]
            if missing:
                cause = "is deprecated" if deprecated else "has deprecated parameters"
                yield doc.finding(
                    response_ptr,
                    "deprecation-headers-undeclared",
                    f"{what} {cause}: response {status} must declare the header(s) the server adds: "
                    + ", ".join(missing)
                    + " ($ref #/components/headers/...)",
                )
    yield from _properties(doc, resolver)


def _properties(doc: Document, resolver: Resolver) -> Iterator[Finding]:
    """Deprecated schema properties without a sunset (warning), wherever a schema declares properties."""
    stack: list[tuple[str, Any]] = [("", doc.data)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            properties = node.get("properties")
            for name, schema in (properties if isinstance(properties, dict) else {}).items():
                if (
                    isinstance(schema, dict)
                    and schema.get("deprecated") is True
                    and parse_instant(schema.get(SUNSET)) is None
                ):
                    yield doc.finding(
                        pointer_join(pointer, "properties", name),
                        "deprecation-dates",
                        f"deprecated property {name} has no valid {SUNSET}: its removal will never count "
                        "as compatible",
                        Severity.WARNING,
                    )
            for key, value in node.items():
                if key not in ("example", "examples"):
                    stack.append((pointer_join(pointer, key), value))
        elif isinstance(node, list):
            stack.extend((pointer_join(pointer, i), v) for i, v in enumerate(node))
