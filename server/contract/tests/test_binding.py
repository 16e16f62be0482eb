"""The spec drives routing: every operation is served by exactly one view, and nothing else is."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import get_resolver, reverse

from server.contract.binding import bind_contract, check_binding, django_route
from server.contract.spec import get_contract
from server.contract.views import ContractAPIView


def test_every_operation_is_routed_to_a_view_with_that_operation() -> None:
    contract = get_contract()
    binding = bind_contract()
    for operation_id, operation in contract.operations.items():
        view = binding.views_by_path[operation.path]
        assert view.operations[operation.method] == operation_id
        kwargs = {name: "1" for name in _path_params(operation.path)}
        # A `servers` override (the health probes) moves the operation out of the document's base path.
        base_path = contract.base_path if operation.base_path is None else operation.base_path
        assert reverse(operation_id, kwargs=kwargs) == base_path + operation.path.format(**kwargs)


def test_the_health_probes_are_declared_under_the_api_prefix_and_aliased_at_the_root() -> None:
    contract = get_contract()
    assert contract.base_path == "/api/v1"
    # No path-level `servers` (generic generators ignore them or misread them as a host): the root copy is
    # the path item's `x-also-served-under`.
    assert [o.operation_id for o in contract.operations.values() if o.base_path is not None] == []
    aliased = {o.operation_id: o.alias_base_paths for o in contract.operations.values() if o.alias_base_paths}
    assert aliased == {"health_live": ("",), "health_ready": ("",)}
    assert reverse("health_live") == "/api/v1/health/live"
    assert reverse("health_live_alias") == "/health/live"
    assert reverse("health_ready_alias") == "/health/ready"


def test_every_api_route_is_in_the_contract() -> None:
    contract = get_contract()
    routes = {
        str(pattern.pattern)
        for pattern in get_resolver().url_patterns
        if str(pattern.pattern).startswith("api/v1/") and "openapi." not in str(pattern.pattern)
    }
    expected = {
        django_route(contract.base_path, op.path)
        for op in contract.operations.values()
        if op.base_path is None
    }
    assert routes == expected


def test_binding_refuses_an_operation_without_a_view_and_a_view_without_an_operation() -> None:
    contract = get_contract()

    class Stray(ContractAPIView):
        operations = {"get": "no_such_operation"}

    views = [v for v in _all_views() if "tasks_list" not in v.operations.values()] + [Stray]
    with pytest.raises(ImproperlyConfigured) as error:
        check_binding(contract, views)
    message = str(error.value)
    assert "(tasks_list) has no view" in message
    assert "binds 'no_such_operation', which the contract does not define" in message
    Stray.operations = {}  # keep the stray class out of later collections


def test_binding_refuses_a_view_bound_to_the_wrong_method() -> None:
    contract = get_contract()

    class Wrong(ContractAPIView):
        operations = {"post": "tasks_retrieve"}

    with pytest.raises(ImproperlyConfigured, match="binds 'tasks_retrieve' to POST, the contract says GET"):
        check_binding(contract, [*_all_views(), Wrong])
    Wrong.operations = {}


def _all_views() -> list[type[ContractAPIView]]:
    return list(dict.fromkeys(bind_contract().views_by_path.values()))


def _path_params(template: str) -> list[str]:
    import re

    return re.findall(r"\{(\w+)\}", template)
