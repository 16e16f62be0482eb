"""Structure rules: the OpenAPI schema itself (`structure`) and `$ref`s that resolve (`ref-unresolved`)."""

from __future__ import annotations

from collections.abc import Iterator

from codegen.findings import Finding, pointer_join
from codegen.refs import iter_refs

from ._common import Context, dict_nodes, inside_example

_MAX_STRUCTURE_FINDINGS = 200


def structure(ctx: Context) -> Iterator[Finding]:
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
    from openapi_spec_validator.validation.exceptions import (
        DuplicateOperationIDError,
        UnresolvableParameterError,
    )

    validator_cls = OpenAPIV31SpecValidator if ctx.version == "3.1" else OpenAPIV30SpecValidator
    ids: dict[int, str] | None = None
    seen: set[tuple[str, str]] = set()
    count = 0
    try:
        errors = validator_cls(ctx.data).iter_errors()
        for error in errors:
            # Covered, with better locations, by operation-id and path-params.
            if isinstance(error, (DuplicateOperationIDError, UnresolvableParameterError)):
                continue
            pointer = pointer_join("", *error.absolute_path) if error.absolute_path else None
            if pointer is None:
                if ids is None:
                    ids = {id(node): ptr for ptr, node in dict_nodes(ctx.data)}
                pointer = ids.get(id(error.schema), "")
                if pointer and error.validator in ("enum", "type", "format") and "default" in error.schema:
                    pointer = pointer_join(pointer, "default")
            message = error.message.splitlines()[0] if error.message else str(error)
            if len(message) > 300:
                message = message[:297] + "..."
            if pointer.endswith("/default") and error.validator in ("enum", "type", "format"):
                message = f"default value does not match its schema: {message}"
            key = (pointer, message)
            if key in seen:
                continue
            seen.add(key)
            count += 1
            if count > _MAX_STRUCTURE_FINDINGS:
                yield ctx.doc.finding("", "structure", "more structural errors follow; fix these first")
                return
            yield ctx.doc.finding(pointer, "structure", message)
    except RecursionError:
        yield ctx.doc.finding(
            "", "structure", "validation stopped: the document nests (or recurses) too deeply"
        )
    except Exception as exc:
        yield ctx.doc.finding("", "structure", f"validation stopped: {type(exc).__name__}: {exc}")


def ref_unresolved(ctx: Context) -> Iterator[Finding]:
    for pointer, ref in iter_refs(ctx.data):
        if inside_example(pointer):
            continue
        if not ref.startswith("#"):
            yield ctx.doc.finding(
                pointer,
                "ref-unresolved",
                f"external reference {ref!r} is not followed; bundle the document",
            )
        elif ctx.resolver.ref_target(ref) is None:
            yield ctx.doc.finding(pointer, "ref-unresolved", f"$ref {ref!r} does not resolve")
