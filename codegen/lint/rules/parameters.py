"""Parameter rules: path template variables and `in: path` parameters match."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from codegen.findings import Finding, pointer_join
from codegen.refs import HTTP_METHODS, Resolver

from ._common import PATH_VAR, Context


def path_params(ctx: Context) -> Iterator[Finding]:
    paths = ctx.data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        item_ptr = pointer_join("/paths", path)
        template = PATH_VAR.findall(path)
        common = _path_parameters(ctx.resolver, item.get("parameters"), pointer_join(item_ptr, "parameters"))
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            op_ptr = pointer_join(item_ptr, method)
            declared = dict(common)
            declared.update(
                _path_parameters(ctx.resolver, op.get("parameters"), pointer_join(op_ptr, "parameters"))
            )
            for name in template:
                if name not in declared:
                    yield ctx.doc.finding(
                        op_ptr,
                        "path-params",
                        f"{method.upper()} {path}: path variable {{{name}}} has no `in: path` parameter",
                    )
            for name, (param_ptr, param) in declared.items():
                if name not in template:
                    yield ctx.doc.finding(
                        param_ptr,
                        "path-params",
                        f"{method.upper()} {path}: path parameter {name!r} is not in the path template",
                    )
                elif param.get("required") is not True:
                    yield ctx.doc.finding(
                        param_ptr,
                        "path-params",
                        f"{method.upper()} {path}: path parameter {name!r} must be `required: true`",
                    )


def _path_parameters(resolver: Resolver, params: Any, pointer: str) -> dict[str, tuple[str, dict[str, Any]]]:
    result: dict[str, tuple[str, dict[str, Any]]] = {}
    if not isinstance(params, list):
        return result
    for index, raw in enumerate(params):
        _, param = resolver.deref(raw, pointer_join(pointer, index))
        if isinstance(param, dict) and param.get("in") == "path" and isinstance(param.get("name"), str):
            result[param["name"]] = (pointer_join(pointer, index), param)
    return result
