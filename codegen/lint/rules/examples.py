"""Example rules: media type, parameter, header and schema examples validate against their schema."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

from codegen.document import Document
from codegen.findings import Finding, Severity, pointer_join
from codegen.refs import Resolver, iter_operations

from ._common import Context, walk_schema


def example_invalid(ctx: Context) -> Iterator[Finding]:
    checker = _ExampleChecker(ctx.doc, ctx.resolver)
    for holder_ptr, holder, direction in _example_holders(ctx.data):
        schema = holder.get("schema")
        if not isinstance(schema, dict):
            continue
        schema_ptr = pointer_join(holder_ptr, "schema")
        if "example" in holder:
            yield from checker.check(
                holder["example"], pointer_join(holder_ptr, "example"), schema_ptr, direction
            )
        examples = holder.get("examples")
        if isinstance(examples, dict):
            for name, example in examples.items():
                ex_ptr = pointer_join(holder_ptr, "examples", name)
                _, resolved = ctx.resolver.deref(example, ex_ptr)
                if isinstance(resolved, dict) and "value" in resolved:
                    yield from checker.check(resolved["value"], ex_ptr, schema_ptr, direction)
    schemas = (ctx.data.get("components") or {}).get("schemas")
    if isinstance(schemas, dict):
        for name, schema in schemas.items():
            for ptr, sub in walk_schema(schema, pointer_join("/components/schemas", name)):
                if "example" in sub:
                    yield from checker.check(sub["example"], pointer_join(ptr, "example"), ptr, "any")
                if ctx.version == "3.1" and isinstance(sub.get("examples"), list):
                    for index, value in enumerate(sub["examples"]):
                        yield from checker.check(value, pointer_join(ptr, "examples", index), ptr, "any")


def _example_holders(data: Any) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(pointer, media type / parameter / header object, "read"|"write") for all that hold examples."""
    components = data.get("components") or {}
    for _path, _method, op, ptr, _item in iter_operations(data):
        yield from _parameter_holders(op.get("parameters"), pointer_join(ptr, "parameters"))
        body = op.get("requestBody")
        if isinstance(body, dict) and "$ref" not in body:
            yield from _media_holders(
                body.get("content"), pointer_join(ptr, "requestBody", "content"), "write"
            )
        responses = op.get("responses")
        if isinstance(responses, dict):
            for code, response in responses.items():
                if isinstance(response, dict) and "$ref" not in response:
                    yield from _response_holders(response, pointer_join(ptr, "responses", code))
    paths = data.get("paths")
    if isinstance(paths, dict):
        for path, item in paths.items():
            if isinstance(item, dict):
                yield from _parameter_holders(
                    item.get("parameters"), pointer_join("/paths", path, "parameters")
                )
    for name, param in (components.get("parameters") or {}).items():
        if isinstance(param, dict) and "$ref" not in param:
            yield pointer_join("/components/parameters", name), param, "write"
    for name, body in (components.get("requestBodies") or {}).items():
        if isinstance(body, dict):
            yield from _media_holders(
                body.get("content"), pointer_join("/components/requestBodies", name, "content"), "write"
            )
    for name, response in (components.get("responses") or {}).items():
        if isinstance(response, dict) and "$ref" not in response:
            yield from _response_holders(response, pointer_join("/components/responses", name))
    for name, header in (components.get("headers") or {}).items():
        if isinstance(header, dict) and "$ref" not in header:
            yield pointer_join("/components/headers", name), header, "read"


def _parameter_holders(params: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    if isinstance(params, list):
        for index, param in enumerate(params):
            if isinstance(param, dict) and "$ref" not in param:
                yield pointer_join(pointer, index), param, "write"


def _response_holders(response: dict[str, Any], pointer: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    yield from _media_holders(response.get("content"), pointer_join(pointer, "content"), "read")
    headers = response.get("headers")
    if isinstance(headers, dict):
        for name, header in headers.items():
            if isinstance(header, dict) and "$ref" not in header:
                yield pointer_join(pointer, "headers", name), header, "read"


def _media_holders(content: Any, pointer: str, direction: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    if isinstance(content, dict):
        for media, media_object in content.items():
            if isinstance(media_object, dict):
                yield pointer_join(pointer, media), media_object, direction


class _ExampleChecker:
    """Validates example values against schemas of the document, with the document as the $ref root."""

    def __init__(self, doc: Document, resolver: Resolver) -> None:
        import jsonschema
        import referencing
        from openapi_schema_validator import (
            OAS30ReadValidator,
            OAS30Validator,
            OAS30WriteValidator,
            OAS31Validator,
        )
        from referencing.jsonschema import DRAFT4, DRAFT202012

        self.doc = doc
        self.resolver = resolver
        self.version = doc.openapi_version
        spec = DRAFT202012 if self.version == "3.1" else DRAFT4
        resource: Any = referencing.Resource(contents=doc.data, specification=spec)  # type: ignore[call-arg]
        self.registry: Any = referencing.Registry().with_resource("urn:contract", resource)
        self.classes: dict[str, Any] = (
            {"read": OAS31Validator, "write": OAS31Validator, "any": OAS31Validator}
            if self.version == "3.1"
            else {"read": OAS30ReadValidator, "write": OAS30WriteValidator, "any": OAS30Validator}
        )
        self.best_match: Callable[..., Any] = jsonschema.exceptions.best_match
        self.cache: dict[tuple[str, str], Any] = {}

    def check(self, value: Any, example_ptr: str, schema_ptr: str, direction: str) -> Iterator[Finding]:
        if isinstance(value, dict) and "$ref" in value and len(value) == 1:
            return  # an example given as a reference (to an external value): not checkable here
        # `schema` is itself often a $ref; validating through the ref keeps sibling semantics of the version.
        key = (schema_ptr, direction)
        validator = self.cache.get(key)
        try:
            if validator is None:
                cls = self.classes[direction]
                validator = cls(
                    {"$ref": "urn:contract#" + quote(schema_ptr, safe="/~-._")},
                    registry=self.registry,
                    format_checker=cls.FORMAT_CHECKER,
                )
                self.cache[key] = validator
            error = self.best_match(validator.iter_errors(value))
        except RecursionError:
            yield self.doc.finding(example_ptr, "example-invalid", "the schema recurses too deeply to check")
            return
        except Exception as exc:
            yield self.doc.finding(
                example_ptr,
                "example-invalid",
                f"example could not be checked against {schema_ptr}: {type(exc).__name__}: {exc}",
                Severity.WARNING,
            )
            return
        if error is not None:
            where = (
                "/" + "/".join(str(p) for p in error.absolute_path) if error.absolute_path else "the value"
            )
            message = error.message.splitlines()[0]
            if len(message) > 200:
                message = message[:197] + "..."
            yield self.doc.finding(
                example_ptr,
                "example-invalid",
                f"example does not match its schema at {where}: {message}",
            )
