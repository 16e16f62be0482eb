"""Bind every contract operation to exactly one view, and build the URLconf from the contract's paths.

The spec drives routing (as in Connexion): a path exists on the server because it exists in the contract.
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, path

from .spec import Contract, get_contract
from .views import ContractAPIView

_PATH_PARAM = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class Binding:
    contract: Contract
    views_by_path: dict[str, type[ContractAPIView]]


def _contract_views() -> list[type[ContractAPIView]]:
    for config in apps.get_app_configs():
        try:
            importlib.import_module(f"{config.name}.views")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.views":
                raise
    found: list[type[ContractAPIView]] = []
    pending = list(ContractAPIView.__subclasses__())
    while pending:
        view = pending.pop()
        pending.extend(view.__subclasses__())
        if view.operations:
            found.append(view)
    return sorted(found, key=lambda v: f"{v.__module__}.{v.__qualname__}")


def check_binding(contract: Contract, views: list[type[ContractAPIView]]) -> dict[str, type[ContractAPIView]]:
    """Return path -> view, or raise listing every operation without a view and every view without one."""
    problems: list[str] = []
    owner: dict[str, type[ContractAPIView]] = {}
    for view in views:
        for method, operation_id in view.operations.items():
            name = f"{view.__module__}.{view.__qualname__}"
            operation = contract.operations.get(operation_id)
            if operation is None:
                problems.append(f"{name} binds {operation_id!r}, which the contract does not define")
            elif operation.method != method:
                problems.append(
                    f"{name} binds {operation_id!r} to {method.upper()}, "
                    f"the contract says {operation.method.upper()}"
                )
            elif operation_id in owner:
                problems.append(
                    f"{operation_id!r} is bound twice: {name} and {owner[operation_id].__qualname__}"
                )
            else:
                owner[operation_id] = view
    for operation_id, operation in contract.operations.items():
        if operation_id not in owner:
            problems.append(f"{operation.method.upper()} {operation.path} ({operation_id}) has no view")
    views_by_path: dict[str, type[ContractAPIView]] = {}
    for path_template, methods in contract.operations_by_path().items():
        bound = {owner[op.operation_id] for op in methods.values() if op.operation_id in owner}
        if len(bound) > 1:
            names = ", ".join(sorted(v.__qualname__ for v in bound))
            problems.append(f"{path_template} is split across several views ({names}); use one view per path")
        elif bound:
            views_by_path[path_template] = bound.pop()
    if problems:
        raise ImproperlyConfigured(
            f"The server does not match the contract {contract.source}:\n  - " + "\n  - ".join(problems)
        )
    return views_by_path


@functools.cache
def bind_contract() -> Binding:
    contract = get_contract()
    return Binding(contract=contract, views_by_path=check_binding(contract, _contract_views()))


def django_route(base_path: str, path_template: str) -> str:
    # Path parameters are matched as strings: the contract layer validates them and answers 400, not 404.
    route = _PATH_PARAM.sub(r"<str:\1>", base_path + path_template)
    return route.lstrip("/")


def contract_urlpatterns() -> list[URLPattern]:
    binding = bind_contract()
    patterns: list[URLPattern] = []
    for path_template, view in binding.views_by_path.items():
        operations = binding.contract.operations_by_path()[path_template]
        # A path-level `servers` override (the health probes sit outside `/api/v1`) moves the whole path.
        overrides = {op.base_path for op in operations.values()}
        if len(overrides) > 1:
            raise ImproperlyConfigured(f"{path_template}: its operations declare different servers")
        base_path = overrides.pop()
        route = django_route(binding.contract.base_path if base_path is None else base_path, path_template)
        handler = view.as_view(contract_operations=operations)
        # One entry per operationId so `reverse("tasks_retrieve", ...)` works; all resolve to the same view.
        patterns.extend(
            path(route, handler, name=op_id) for op_id in sorted(o.operation_id for o in operations.values())
        )
        # The further servers of an override answer the same operations (`<operationId>_alias`).
        aliases = {alias for op in operations.values() for alias in op.alias_base_paths}
        for alias_base in sorted(aliases):
            alias = view.as_view(contract_operations=operations)
            alias.contract_alias = True  # one operation, not two, for the drift check (spectacular.py)
            patterns.extend(
                path(django_route(alias_base, path_template), alias, name=f"{op_id}_alias")
                for op_id in sorted(o.operation_id for o in operations.values())
            )
    return patterns
