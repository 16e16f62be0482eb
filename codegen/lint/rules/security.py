"""Security rules: requirements name declared schemes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codegen.findings import Finding, pointer_join
from codegen.refs import iter_operations

from ._common import Context


def security_scheme(ctx: Context) -> Iterator[Finding]:
    schemes = (ctx.data.get("components") or {}).get("securitySchemes") or {}
    requirements: list[tuple[str, Any]] = [("/security", ctx.data.get("security"))]
    for _path, _method, op, ptr, _item in iter_operations(ctx.data):
        if "security" in op:
            requirements.append((pointer_join(ptr, "security"), op.get("security")))
    for ptr, value in requirements:
        if not isinstance(value, list):
            continue
        for index, requirement in enumerate(value):
            if not isinstance(requirement, dict):
                continue
            for name in requirement:
                if name not in schemes:
                    yield ctx.doc.finding(
                        pointer_join(ptr, index, name),
                        "security-scheme",
                        f"security requirement names {name!r}, "
                        "which components.securitySchemes does not declare",
                    )
