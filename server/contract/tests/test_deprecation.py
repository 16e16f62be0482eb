"""Deprecation headers (server/contract/deprecation.py): a copy of the contract in which `health_live` is a
deprecated operation and `health_ready` has a deprecated query parameter, served by the real views with
strict response validation, so the headers are also checked against their declarations."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings
from django.test import Client, override_settings
from django.urls import path

from server.apps.ops.views import HealthLiveView, HealthReadyView
from server.contract.deprecation import HEADER_SCHEMAS, deprecation_of, parse_instant
from server.contract.spec import ContractError, load_contract

DEPRECATED_AT = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)  # @1780272000
SUNSET = "Sun, 31 Jan 2027 00:00:00 GMT"
PARAMETER_SUNSET = "Wed, 31 Mar 2027 12:00:00 GMT"
DOCS = "https://docs.example.com/migrations/health-live"

_HEADERS = {
    "Deprecation": {"$ref": "#/components/headers/Deprecation"},
    "Sunset": {"$ref": "#/components/headers/Sunset"},
    "Link": {"$ref": "#/components/headers/DeprecationLink"},
}


def deprecated_contract(document: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(document)
    doc["components"]["headers"] |= {
        "Deprecation": {"description": "RFC 9745", "schema": HEADER_SCHEMAS["Deprecation"]},
        "Sunset": {"description": "RFC 8594", "schema": HEADER_SCHEMAS["Sunset"]},
        "DeprecationLink": {"description": "rel=deprecation", "schema": HEADER_SCHEMAS["Link"]},
    }
    live = doc["paths"]["/health/live"]["get"]
    live |= {
        "deprecated": True,
        "x-deprecated-at": "2026-06-01",
        "x-sunset": "2027-01-31",
        "externalDocs": {"url": DOCS},
    }
    live["responses"]["200"]["headers"] |= _HEADERS
    ready = doc["paths"]["/health/ready"]["get"]
    ready.setdefault("parameters", []).append(
        {
            "name": "legacy",
            "in": "query",
            "deprecated": True,
            "x-deprecated-at": "2026-09-01T00:00:00Z",
            "x-sunset": "2027-03-31T12:00:00Z",
            "schema": {"type": "boolean"},
        }
    )
    ready["responses"]["400"] = {"$ref": "#/components/responses/BadRequest"}  # a bad `legacy`
    for response in ready["responses"].values():
        if "headers" in response:
            response["headers"] |= {k: v for k, v in _HEADERS.items() if k != "Link"}
    return doc


@pytest.fixture(scope="module")
def contract_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("deprecated") / "openapi.yaml"
    target.write_text(yaml.safe_dump(deprecated_contract(real_document()), sort_keys=False), encoding="utf-8")
    return target


def _urlpatterns(contract_path: Path) -> list[Any]:
    contract = load_contract(contract_path)
    operations = contract.operations
    return [
        path("live", HealthLiveView.as_view(contract_operations={"get": operations["health_live"]})),
        path("ready", HealthReadyView.as_view(contract_operations={"get": operations["health_ready"]})),
    ]


urlpatterns: list[Any] = []
REAL_CONTRACT = Path(settings.CONTRACT_SPEC_PATH)


def real_document() -> dict[str, Any]:
    """The contract as the server loads it (bundled, should it be split into several files)."""
    return copy.deepcopy(load_contract(REAL_CONTRACT).document)


@pytest.fixture(autouse=True)
def _deprecated_contract(contract_path: Path) -> Iterator[None]:
    urlpatterns[:] = _urlpatterns(contract_path)
    with override_settings(
        ROOT_URLCONF=__name__, CONTRACT_SPEC_PATH=contract_path, CONTRACT_RESPONSE_VALIDATION="strict"
    ):
        yield


def test_the_contract_parses_the_deprecations(contract_path: Path) -> None:
    operations = load_contract(contract_path).operations
    live = operations["health_live"].deprecation
    assert live is not None and live.deprecated_at == DEPRECATED_AT and live.link == DOCS
    assert live.sunset == dt.datetime(2027, 1, 31, tzinfo=dt.UTC)
    ready = operations["health_ready"]
    assert ready.deprecation is None
    assert [p.name for p in ready.deprecated_parameters] == ["legacy"]
    assert all(op.deprecation is None for op in operations.values() if op.operation_id != "health_live")


def test_a_deprecated_operation_answers_with_deprecation_sunset_and_link() -> None:
    response = Client().get("/live")
    assert response.status_code == 200
    assert response["Deprecation"] == f"@{int(DEPRECATED_AT.timestamp())}" == "@1780272000"
    assert response["Sunset"] == SUNSET
    assert response["Link"] == f'<{DOCS}>; rel="deprecation"; type="text/html"'


def test_errors_of_a_deprecated_operation_carry_them_too() -> None:
    response = Client().get("/live", HTTP_ACCEPT="text/html")  # 406, before the handler runs
    assert response.status_code == 406
    assert response["Content-Type"] == "application/problem+json"
    assert response["Deprecation"] == "@1780272000" and response["Sunset"] == SUNSET


@pytest.mark.django_db
def test_a_deprecated_parameter_is_announced_only_to_requests_that_send_it() -> None:
    plain = Client().get("/ready")
    assert plain.status_code == 200
    assert "Deprecation" not in plain and "Sunset" not in plain
    used = Client().get("/ready?legacy=true")
    assert used.status_code == 200
    assert used["Deprecation"] == "@1788220800"  # 2026-09-01T00:00:00Z
    assert used["Sunset"] == PARAMETER_SUNSET
    assert "Link" not in used  # the operation has no deprecation docs
    refused = Client().get("/ready?legacy=maybe")  # a 400 for the deprecated parameter: still announced
    assert refused.status_code == 400 and refused["Sunset"] == PARAMETER_SUNSET


@pytest.mark.parametrize(
    ("node", "message"),
    [
        ({"deprecated": True}, "needs x-deprecated-at"),
        ({"deprecated": True, "x-deprecated-at": "June"}, "needs x-deprecated-at"),
        ({"deprecated": True, "x-deprecated-at": "2026-06-01", "x-sunset": "soon"}, "x-sunset must be"),
        ({"deprecated": True, "x-deprecated-at": "2026-06-01", "x-sunset": "2026-01-01"}, "is before"),
    ],
)
def test_a_deprecation_without_usable_dates_stops_the_server(
    node: dict[str, Any], message: str, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match=message):
        deprecation_of(node)
    document = real_document()
    document["paths"]["/health/live"]["get"] |= node
    broken = tmp_path / "openapi.yaml"
    broken.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    with pytest.raises(ContractError, match=f"operation 'health_live': .*{message}"):
        load_contract(broken)


def test_dates_and_date_times() -> None:
    assert parse_instant("2027-01-31") == dt.datetime(2027, 1, 31, tzinfo=dt.UTC)
    assert parse_instant("2027-01-31T01:00:00+01:00") == dt.datetime(2027, 1, 31, tzinfo=dt.UTC)
    assert parse_instant(dt.date(2027, 1, 31)) == dt.datetime(2027, 1, 31, tzinfo=dt.UTC)
    assert parse_instant("2027-01-31T00:00:00") is None  # no offset: not RFC 3339
    assert parse_instant("2027-02-30") is None


def test_the_drift_description_declares_the_headers_as_the_contract_does(contract_path: Path) -> None:
    """server/contract/spectacular.py describes what deprecation.apply() sends; the drift check compares
    that description with the contract (here: the copy's declarations of the three headers)."""
    from drf_spectacular.generators import SchemaGenerator

    from contract_tests.drift import Canonical

    generated = json.loads(
        json.dumps(SchemaGenerator(patterns=urlpatterns).get_schema(request=None, public=True), default=str)
    )
    contract = load_contract(contract_path).document
    names = ("deprecation", "sunset", "link")
    for route, source in (("/live", "/health/live"), ("/ready", "/health/ready")):
        code = Canonical(generated).response(generated["paths"][route]["get"]["responses"]["200"])
        ours = Canonical(contract).response(contract["paths"][source]["get"]["responses"]["200"])
        declared = {k: v for k, v in ours["headers"].items() if k in names}
        assert declared and {k: v for k, v in code["headers"].items() if k in names} == declared
    assert generated["paths"]["/live"]["get"]["deprecated"] is True
