"""Lint rules for what clients we did not write do with a document: generators and validators that read it
differently from our own tools.

* `oneof-format-only` (error): a `oneOf` whose branches only `format` tells apart. JSON Schema 2020-12
  makes `format` an annotation by default, and generated clients do not assert it either: there, a value
  matches several branches and `oneOf` (exactly one) refuses it. Found by trying witness values (the
  branches' examples, consts, enums, and values at their length and range bounds) against every branch, with
  and without format assertion: a value two branches accept without it, but not with it, is the proof.
* `webhook-tag-shared` (warning): a tag used by both the top-level `webhooks` section and `paths`.
  Generators that emit one API class per tag (openapi-generator's python, typescript-fetch, kotlin and
  swift5) write the event class over the operations' class.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from typing import Any
from urllib.parse import quote

from codegen.document import Document
from codegen.findings import Finding, Severity, pointer_join
from codegen.refs import HTTP_METHODS, Resolver

RULES: dict[str, str] = {
    "oneof-format-only": "oneOf branches are told apart by more than `format`",
    "webhook-tag-shared": "webhook events and path operations use different tags",
}

# A value valid for each format, so a branch that only accepts that format still gets a witness.
_FORMAT_SAMPLES: dict[str, Any] = {
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "date": "2026-12-01",
    "date-time": "2026-12-01T09:30:00Z",
    "time": "09:30:00Z",
    "uri": "https://example.com/a",
    "uri-reference": "/a",
    "iri": "https://example.com/a",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
    "duration": "P1D",
}
_PLAIN = ("", "a", "x" * 8, 0, 1, -1, 2**31, 0.5, True, None)


def webhook_tags_shared(doc: Document) -> Iterator[Finding]:
    path_tags: set[str] = set()
    for item in (doc.data.get("paths") or {}).values():
        for method in HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if isinstance(operation, dict):
                path_tags.update(t for t in operation.get("tags") or [] if isinstance(t, str))
    for name, item in (doc.data.get("webhooks") or {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            if not isinstance(operation, dict):
                continue
            for index, tag in enumerate(operation.get("tags") or []):
                if tag in path_tags:
                    yield doc.finding(
                        pointer_join("/webhooks", name, method, "tags", index),
                        "webhook-tag-shared",
                        f"webhook {name!r} uses tag {tag!r}, which path operations use too: generators that "
                        "write one API class per tag overwrite the operations with the events",
                        Severity.WARNING,
                    )


def oneof_format_only(doc: Document, schemas: Iterator[tuple[str, dict[str, Any]]]) -> Iterator[Finding]:
    checker = _BranchChecker(doc)
    for pointer, schema in schemas:
        branches = schema.get("oneOf")
        if not isinstance(branches, list) or len(branches) < 2:
            continue
        for (i, first), (j, second) in combinations(enumerate(branches), 2):
            witness = checker.ambiguous_without_format(pointer, i, first, j, second)
            if witness is not _NONE:
                yield doc.finding(
                    pointer_join(pointer, "oneOf"),
                    "oneof-format-only",
                    f"oneOf branches {i} and {j} are told apart only by `format`: {witness!r} matches both "
                    "where `format` is an annotation (JSON Schema 2020-12's default, generated clients), "
                    "so oneOf refuses it; use one schema (a pattern), or anyOf",
                )
                break


_NONE = object()


class _BranchChecker:
    def __init__(self, doc: Document) -> None:
        import referencing
        from jsonschema import Draft4Validator, Draft202012Validator
        from referencing.jsonschema import DRAFT4, DRAFT202012

        version = doc.openapi_version
        spec = DRAFT202012 if version == "3.1" else DRAFT4
        resource: Any = referencing.Resource(contents=doc.data, specification=spec)  # type: ignore[call-arg]
        self.registry: Any = referencing.Registry().with_resource("urn:contract", resource)
        self.cls: Any = Draft202012Validator if version == "3.1" else Draft4Validator
        self.resolver = Resolver(doc.data)

    def _validators(self, pointer: str) -> tuple[Any, Any]:
        schema = {"$ref": "urn:contract#" + quote(pointer, safe="/~-._")}
        lax = self.cls(schema, registry=self.registry)
        strict = self.cls(schema, registry=self.registry, format_checker=self.cls.FORMAT_CHECKER)
        return lax, strict

    def ambiguous_without_format(self, pointer: str, i: int, first: Any, j: int, second: Any) -> Any:
        try:
            lax_a, strict_a = self._validators(pointer_join(pointer, "oneOf", i))
            lax_b, strict_b = self._validators(pointer_join(pointer, "oneOf", j))
            for value in _witnesses(self.resolver, first) + _witnesses(self.resolver, second):
                both_lax = lax_a.is_valid(value) and lax_b.is_valid(value)
                if both_lax and not (strict_a.is_valid(value) and strict_b.is_valid(value)):
                    return value
        except Exception:  # a schema our checker cannot compile is the structure rule's business
            return _NONE
        return _NONE


def _witnesses(resolver: Resolver, branch: Any) -> list[Any]:
    _, schema = resolver.deref(branch)
    if not isinstance(schema, dict):
        return []
    values: list[Any] = list(_PLAIN)
    for key in ("const", "default", "example"):
        if key in schema:
            values.append(schema[key])
    for key in ("enum", "examples"):
        if isinstance(schema.get(key), list):
            values.extend(schema[key])
    if isinstance(schema.get("format"), str) and schema["format"] in _FORMAT_SAMPLES:
        values.append(_FORMAT_SAMPLES[schema["format"]])
    for key in ("minLength", "maxLength"):
        if isinstance(schema.get(key), int) and 0 <= schema[key] <= 10_000:
            values.append("x" * schema[key])
    for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        if isinstance(schema.get(key), int | float) and not isinstance(schema.get(key), bool):
            values.append(schema[key])
    return values
