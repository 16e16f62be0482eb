"""Only the canonical spelling of an id addresses it (issue 15, point 7).

The contract declares every id path parameter `type: integer`; `01`, `+1`, ` 1`, `1_0` or an Arabic-Indic
one are not integers in JSON, so they are a 400 `type` error at the parameter, exactly like `abc` - never a
second URL for id 1 that caches and rules keyed on the path would not recognise. Checked for every path
parameter of every operation, under both validation engines.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from django.test import override_settings

from server.common.testing import ContractClient
from server.contract.casting import canonical_integer, cast_parameter
from server.contract.spec import Operation, get_contract

pytestmark = pytest.mark.django_db

NON_CANONICAL = {
    "leading zero": "01",
    "plus sign": "+1",
    "leading space": " 1",
    "trailing space": "1 ",
    "underscore": "1_0",
    "arabic-indic digit": "\u0661",
    "full-width digit": "\uff11",
    "devanagari digit": "\u0967",
    "tab": "\t1",
    "newline": "1\n",
}
ENGINES = {
    "compiled": "server.contract.validation.compiled_engine.CompiledEngine",
    "openapi-core": "server.contract.validation.openapi_core_engine.OpenAPICoreEngine",
}


def _integer_path_parameters() -> list[Any]:
    cases = []
    for operation in sorted(get_contract().operations.values(), key=lambda op: op.operation_id):
        for parameter in operation.parameters:
            if parameter.location == "path" and parameter.schema.get("type") == "integer":
                cases.append(
                    pytest.param(operation, parameter.name, id=f"{operation.operation_id}.{parameter.name}")
                )
    return cases


def _url(operation: Operation, values: dict[str, str]) -> str:
    contract = get_contract()
    base = contract.base_path if operation.base_path is None else operation.base_path
    return base + operation.path.format(**{name: quote(value, safe="") for name, value in values.items()})


def test_every_id_parameter_is_covered() -> None:
    assert len(_integer_path_parameters()) >= 20


@pytest.mark.parametrize("engine", ENGINES.values(), ids=ENGINES.keys())
@pytest.mark.parametrize("operation, name", _integer_path_parameters())
def test_a_non_canonical_id_is_a_type_error_at_the_parameter(
    client: ContractClient, operation: Operation, name: str, engine: str
) -> None:
    ids = {p.name: "1" for p in operation.parameters if p.location == "path"}
    with override_settings(CONTRACT_VALIDATION_ENGINE=engine):
        for spelling in NON_CANONICAL.values():
            url = _url(operation, {**ids, name: spelling})
            extra: dict[str, Any] = {"data": "{}", "content_type": "application/json"}
            response = client.generic(
                operation.method.upper(), url, **(extra if operation.has_request_body else {})
            )
            assert response.status_code == 400, (spelling, url, response.content)
            problem = response.json()
            assert problem["code"] == "validation_error"
            assert {"field": name, "code": "type"} in [
                {"field": e.get("field"), "code": e["code"]} for e in problem["errors"]
            ], (spelling, problem)


@pytest.mark.parametrize("engine", ENGINES.values(), ids=ENGINES.keys())
def test_the_canonical_id_still_addresses_the_resource(client: ContractClient, engine: str) -> None:
    project = client.send("POST", "/projects", {"name": "Apollo"}).json()
    with override_settings(CONTRACT_VALIDATION_ENGINE=engine):
        assert client.send("GET", f"/projects/{project['id']}").status_code == 200
        for spelling in ("0" + str(project["id"]), "+" + str(project["id"])):
            assert client.send("GET", f"/projects/{quote(spelling)}").status_code == 400


@pytest.mark.parametrize("spelling", NON_CANONICAL.values(), ids=NON_CANONICAL.keys())
def test_casting_keeps_non_canonical_spellings_as_strings(spelling: str) -> None:
    assert cast_parameter(spelling, {"type": "integer"}) == spelling
    assert cast_parameter(spelling, {"type": "number"}) == spelling
    with pytest.raises(ValueError):
        canonical_integer(spelling)


@pytest.mark.parametrize(
    "spelling, value", [("0", 0), ("7", 7), ("-3", -3), ("9223372036854775807", 2**63 - 1)]
)
def test_canonical_integers_cast(spelling: str, value: int) -> None:
    assert cast_parameter(spelling, {"type": "integer"}) == value


@pytest.mark.parametrize("spelling", ["nan", "inf", "-Infinity", "1.", ".5", "1e", "+1.5"])
def test_numbers_cast_from_their_json_spelling_only(spelling: str) -> None:
    assert cast_parameter(spelling, {"type": "number"}) == spelling
    assert cast_parameter("1.5e3", {"type": "number"}) == 1500.0
