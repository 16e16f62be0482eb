"""Response rules: a 4xx per operation, problem+json error bodies."""

from __future__ import annotations

import re
from collections.abc import Iterator

from codegen.findings import Finding, pointer_join
from codegen.refs import iter_operations

from ._common import Context

_STATUS_4XX = re.compile(r"^4(\d\d|XX)$", re.IGNORECASE)
_STATUS_ERROR = re.compile(r"^[45](\d\d|XX)$", re.IGNORECASE)


def operation_4xx(ctx: Context) -> Iterator[Finding]:
    for path, method, op, ptr, _item in iter_operations(ctx.data):
        responses = op.get("responses")
        if isinstance(responses, dict) and not any(_STATUS_4XX.match(str(code)) for code in responses):
            hint = " ('default' does not say which client errors to expect)" if "default" in responses else ""
            yield ctx.doc.finding(
                pointer_join(ptr, "responses"),
                "operation-4xx",
                f"{method.upper()} {path} declares no 4xx response{hint}",
            )


def problem_json(ctx: Context) -> Iterator[Finding]:
    reported: set[str] = set()
    for path, method, op, ptr, _item in iter_operations(ctx.data):
        responses = op.get("responses")
        if not isinstance(responses, dict):
            continue
        for code, response in responses.items():
            code = str(code)
            if not (_STATUS_ERROR.match(code) or code == "default"):
                continue
            target_ptr, target = ctx.resolver.deref(response, pointer_join(ptr, "responses", code))
            if target_ptr in reported or not isinstance(target, dict):
                continue
            content = target.get("content")
            if not isinstance(content, dict) or not content:
                continue
            reported.add(target_ptr)
            if not any(str(media).split(";")[0].strip() == "application/problem+json" for media in content):
                offered = ", ".join(sorted(str(m) for m in content))
                yield ctx.doc.finding(
                    pointer_join(target_ptr, "content"),
                    "problem-json",
                    f"error response {code} of {method.upper()} {path} is {offered}, "
                    "not application/problem+json (RFC 9457)",
                )
