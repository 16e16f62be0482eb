"""JSON bodies nested beyond REQUEST_MAX_JSON_DEPTH are a 400 `malformed_json`, never a 500 (issue 15,
point 2: 256 to 1023 levels crashed jsonschema-rs, anonymously, on /auth/token), whichever path parses them:
the compiled engine, the reference engine, or DRF's parser with validation off."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from server.common.testing import ContractClient
from server.contract.validation.json_body import TooDeep, _nests_deeper, parse_json

pytestmark = pytest.mark.django_db

LIMIT = 32
DEPTHS_TOO_DEEP = [LIMIT + 1, 100, 255, 256, 300, 1000, 1023, 1024, 1025, 5000, 100_000]
MODES = {
    "compiled": {"CONTRACT_VALIDATION_ENGINE": "server.contract.validation.compiled_engine.CompiledEngine"},
    "openapi-core": {
        "CONTRACT_VALIDATION_ENGINE": "server.contract.validation.openapi_core_engine.OpenAPICoreEngine"
    },
    "validation off": {"CONTRACT_REQUEST_VALIDATION": "off"},
}


def _nested(depth: int, *, kind: str = "array") -> str:
    """A value `depth` levels deep (the body object around it adds one more)."""
    if kind == "array":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


def _token(body: str) -> Any:
    return ContractClient().post("/api/v1/auth/token", data=body, content_type="application/json")


@pytest.mark.parametrize("mode", MODES.values(), ids=MODES.keys())
@pytest.mark.parametrize("depth", DEPTHS_TOO_DEEP)
@pytest.mark.parametrize("kind", ["array", "object"])
def test_a_body_nested_too_deep_is_a_400_on_every_path(mode: dict[str, str], depth: int, kind: str) -> None:
    body = '{"username": ' + _nested(depth - 1, kind=kind) + ', "password": "x"}'
    with override_settings(**mode, REQUEST_MAX_JSON_DEPTH=LIMIT):
        response = _token(body)
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "malformed_json"
    assert str(LIMIT) in problem["detail"]


@pytest.mark.parametrize("mode", ["compiled", "openapi-core"])
def test_the_problem_points_at_the_body_with_code_max_depth(mode: str) -> None:
    with override_settings(**MODES[mode], REQUEST_MAX_JSON_DEPTH=LIMIT):
        problem = _token(_nested(300)).json()
    assert problem["errors"] == [
        {
            "pointer": "",
            "code": "max_depth",
            "message": f"The JSON document nests deeper than {LIMIT} levels.",
        }
    ]


@pytest.mark.parametrize("mode", MODES.values(), ids=MODES.keys())
def test_a_body_at_the_limit_is_parsed_and_validated(mode: dict[str, str]) -> None:
    body = '{"username": ' + _nested(LIMIT - 1) + ', "password": "x"}'
    with override_settings(**mode, REQUEST_MAX_JSON_DEPTH=LIMIT):
        response = _token(body)
    # Parsed: the schema (or, validation off, the serializer) refuses a list as the username.
    assert response.status_code in (400, 401), response.content
    assert response.json()["code"] != "malformed_json"


@pytest.mark.parametrize("mode", MODES.values(), ids=MODES.keys())
def test_brackets_inside_strings_do_not_nest(mode: dict[str, str]) -> None:
    body = json.dumps({"username": "[{" * 40 + '\\"]', "password": "x"})
    with override_settings(**mode, REQUEST_MAX_JSON_DEPTH=LIMIT):
        response = _token(body)
    assert (response.status_code, response.json()["code"]) == (401, "invalid_credentials")


def test_the_exact_parser_for_long_integers_is_limited_too() -> None:
    deep = "[" * 5000 + "12345678901234567890" + "]" * 5000
    with pytest.raises(TooDeep):
        parse_json(deep.encode(), limit=LIMIT)
    assert parse_json(b"[[12345678901234567890]]", limit=LIMIT) == [[12345678901234567890]]


def test_malformed_json_is_still_malformed_not_too_deep() -> None:
    with pytest.raises(ValueError) as raised:
        parse_json(b"[" * 100 + b'"unterminated', limit=LIMIT)
    assert not isinstance(raised.value, TooDeep)


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    return 0


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab,:'),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=3), children, max_size=4)
    ),
    max_leaves=60,
)


@settings(max_examples=300, deadline=None, database=None)
@given(document=_JSON, limit=st.integers(min_value=0, max_value=12))
def test_the_depth_scan_agrees_with_the_parsed_document(document: Any, limit: int) -> None:
    raw = json.dumps(document).encode()
    assert _nests_deeper(raw, limit) == (_depth(document) > limit)
