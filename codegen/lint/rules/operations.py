"""Operation rules: operationId, tags, summary."""

from __future__ import annotations

from collections.abc import Iterator

from codegen.findings import Finding, Severity, pointer_join
from codegen.refs import iter_operations

from ._common import Context


def operation_id(ctx: Context) -> Iterator[Finding]:
    first_seen: dict[str, str] = {}
    for path, method, op, ptr, _item in iter_operations(ctx.data):
        where = f"{method.upper()} {path}"
        op_id = op.get("operationId")
        if not isinstance(op_id, str) or not op_id.strip():
            yield ctx.doc.finding(ptr, "operation-id", f"{where} has no operationId")
        elif op_id in first_seen:
            first_line = ctx.doc.line_of(first_seen[op_id])
            yield ctx.doc.finding(
                pointer_join(ptr, "operationId"),
                "operation-id",
                f"operationId {op_id!r} of {where} is already used (line {first_line})",
            )
        else:
            first_seen[op_id] = pointer_join(ptr, "operationId")


def _has_tags(tags: object) -> bool:
    return isinstance(tags, list) and bool([t for t in tags if isinstance(t, str) and t])


def operation_tags(ctx: Context) -> Iterator[Finding]:
    for path, method, op, ptr, _item in iter_operations(ctx.data):
        if not _has_tags(op.get("tags")):
            yield ctx.doc.finding(ptr, "operation-tags", f"{method.upper()} {path} has no tags")


def tag_undeclared(ctx: Context) -> Iterator[Finding]:
    declared_tags = {t.get("name") for t in ctx.data.get("tags") or [] if isinstance(t, dict)}
    reported_tags: set[str] = set()
    for _path, _method, op, ptr, _item in iter_operations(ctx.data):
        tags = op.get("tags")
        if not isinstance(tags, list) or not _has_tags(tags):
            continue
        for index, tag in enumerate(tags):
            if isinstance(tag, str) and tag not in declared_tags and tag not in reported_tags:
                reported_tags.add(tag)
                yield ctx.doc.finding(
                    pointer_join(ptr, "tags", index),
                    "tag-undeclared",
                    f"tag {tag!r} is not declared in the top-level tags list",
                    Severity.WARNING,
                )


def operation_summary(ctx: Context) -> Iterator[Finding]:
    for path, method, op, ptr, _item in iter_operations(ctx.data):
        summary = op.get("summary")
        if not isinstance(summary, str) or not summary.strip():
            yield ctx.doc.finding(ptr, "operation-summary", f"{method.upper()} {path} has no summary")
