"""The CONTRACT_* settings fail closed: an unknown value is an error, and stops start-up."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.checks import CheckMessage
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from server.common.checks import refuse_to_start
from server.contract import checks


def _ids(messages: list[CheckMessage]) -> list[str]:
    return [str(m.id) for m in messages]


def test_the_test_settings_pass() -> None:
    for check in checks.CHECKS:
        assert check() == [], check.__name__


@pytest.mark.parametrize("value", ["on", "off"])
def test_request_validation_accepts_its_modes(value: str) -> None:
    with override_settings(CONTRACT_REQUEST_VALIDATION=value):
        assert checks.validation_modes() == []


@pytest.mark.parametrize("value", ["true", "ON", "On", "1", "yes", "", " on", True, None])
def test_request_validation_refuses_anything_else(value: object) -> None:
    with override_settings(CONTRACT_REQUEST_VALIDATION=value):
        [error] = checks.validation_modes()
    assert error.id == "contract.E001" and error.is_serious()
    assert repr(value) in error.msg


@pytest.mark.parametrize("value", ["strict", "log", "off"])
def test_response_validation_accepts_its_modes(value: str) -> None:
    with override_settings(CONTRACT_RESPONSE_VALIDATION=value):
        assert checks.validation_modes() == []


@pytest.mark.parametrize("value", ["STRICT", "true", "on", "warn", "Log", False])
def test_response_validation_refuses_anything_else(value: object) -> None:
    with override_settings(CONTRACT_RESPONSE_VALIDATION=value):
        assert _ids(checks.validation_modes()) == ["contract.E002"]


@pytest.mark.parametrize(
    "engine",
    [
        "server.contract.validation.compiled_engine.Missing",
        "server.contract.validation.nowhere.Engine",
        "compiled",
        "server.contract.validation.engine.get_engine",  # importable, but not a class
        None,
    ],
)
def test_an_unusable_engine_is_refused(engine: object) -> None:
    with override_settings(CONTRACT_VALIDATION_ENGINE=engine):
        assert _ids(checks.spec_and_engine()) == ["contract.E004"]


def test_both_engines_are_accepted() -> None:
    for engine in (
        "server.contract.validation.compiled_engine.CompiledEngine",
        "server.contract.validation.openapi_core_engine.OpenAPICoreEngine",
    ):
        with override_settings(CONTRACT_VALIDATION_ENGINE=engine):
            assert checks.spec_and_engine() == []


def test_a_missing_spec_is_refused(tmp_path: object) -> None:
    with override_settings(CONTRACT_SPEC_PATH=f"{tmp_path}/nothing.yaml"):
        assert _ids(checks.spec_and_engine()) == ["contract.E003"]


def test_every_throttle_scope_of_the_contract_needs_a_rate() -> None:
    framework = settings.REST_FRAMEWORK
    rates = dict(framework["DEFAULT_THROTTLE_RATES"])
    del rates["register"]
    with override_settings(REST_FRAMEWORK={**framework, "DEFAULT_THROTTLE_RATES": rates}):
        errors = checks.throttle_scopes()
    assert errors and set(_ids(errors)) == {"contract.E005"}
    assert all("'register'" in e.msg for e in errors)


def test_start_up_refuses_bad_values_listing_all_of_them() -> None:
    with (
        override_settings(CONTRACT_REQUEST_VALIDATION="true", CONTRACT_RESPONSE_VALIDATION="ON"),
        pytest.raises(ImproperlyConfigured) as refused,
    ):
        refuse_to_start(*checks.CHECKS)
    assert "contract.E001" in str(refused.value) and "contract.E002" in str(refused.value)
