"""The deployment's settings fail closed: Error-level checks, enforced at start-up by every entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.checks import CheckMessage
from django.test import override_settings

from server.common import checks as common_checks
from server.config import checks

REPO_ROOT = Path(__file__).resolve().parents[3]
STRONG_KEY = "k3y-" + "abcdefghij" * 6


def _ids(messages: list[CheckMessage]) -> list[str]:
    return [str(m.id) for m in messages]


def test_the_test_settings_pass() -> None:
    for check in (*checks.CHECKS, *common_checks.CHECKS):
        assert check() == [], check.__name__


@pytest.mark.parametrize("value", ["prod", "Production", "", None])
def test_an_unknown_deployment_is_refused(value: object) -> None:
    with override_settings(DEPLOYMENT=value):
        assert _ids(checks.deployment()) == ["config.E001"]


@pytest.mark.parametrize("value", ["false", "True", 0, 1])
def test_debug_must_be_a_boolean(value: object) -> None:
    with override_settings(DEBUG=value):
        assert _ids(checks.deployment()) == ["config.E002"]


def _production(**overrides: object) -> override_settings:
    values = {
        "DEPLOYMENT": "production",
        "DEBUG": False,
        "SECRET_KEY": STRONG_KEY,
        "SIMPLE_JWT": {**settings.SIMPLE_JWT, "SIGNING_KEY": STRONG_KEY},
        "ALLOWED_HOSTS": ["api.example.com"],
    }
    return override_settings(**{**values, **overrides})


def test_a_sound_production_configuration_passes() -> None:
    with _production():
        assert checks.production() == []


def test_production_refuses_debug() -> None:
    with _production(DEBUG=True):
        assert _ids(checks.production()) == ["config.E010"]


@pytest.mark.parametrize(
    "key",
    [checks.DEVELOPMENT_SECRET_KEY, "django-insecure-" + "x1y2z3" * 10, "short-key", "ab" * 40],
)
def test_production_refuses_a_weak_secret_key(key: str) -> None:
    with _production(SECRET_KEY=key, SIMPLE_JWT={**settings.SIMPLE_JWT, "SIGNING_KEY": key}):
        assert _ids(checks.production()) == ["config.E011"]


def test_production_refuses_a_weak_jwt_signing_key_of_its_own() -> None:
    with _production(SIMPLE_JWT={**settings.SIMPLE_JWT, "SIGNING_KEY": "jwt"}):
        [error] = checks.production()
    assert error.id == "config.E011" and "SIGNING_KEY" in error.msg


@pytest.mark.parametrize("hosts", [[], [""], ["api.example.com", " "]])
def test_production_needs_host_names(hosts: list[str]) -> None:
    with _production(ALLOWED_HOSTS=hosts):
        assert _ids(checks.production()) == ["config.E012"]


def test_production_warns_about_any_host() -> None:
    with _production(ALLOWED_HOSTS=["*"]):
        [warning] = checks.production()
    assert warning.id == "config.W013" and not warning.is_serious()


def test_outside_production_the_development_key_is_allowed() -> None:
    assert settings.DEPLOYMENT == "test"
    with override_settings(SECRET_KEY=checks.DEVELOPMENT_SECRET_KEY):
        assert checks.production() == []


@pytest.mark.parametrize("value", [0, -1, "1048576", True, None, 1.5])
def test_the_body_limit_must_be_a_positive_integer(value: object) -> None:
    with override_settings(REQUEST_MAX_BODY_BYTES=value):
        assert _ids(common_checks.request_size_limit()) == ["common.E001"]


@pytest.mark.parametrize("rate", ["10/mfoo", "ten/min", "0/min", "10", "10/ min", "10/week", None, 10])
def test_a_throttle_rate_that_does_not_parse_is_refused(rate: object) -> None:
    framework = settings.REST_FRAMEWORK
    rates = {**framework["DEFAULT_THROTTLE_RATES"], "auth": rate}
    with override_settings(REST_FRAMEWORK={**framework, "DEFAULT_THROTTLE_RATES": rates}):
        [error] = common_checks.throttle_rates()
    assert error.id == "common.E002" and "'auth'" in error.msg


@pytest.mark.parametrize("proxies", [None, -1, "1", True])
def test_the_proxy_count_must_be_a_count(proxies: object) -> None:
    with override_settings(REST_FRAMEWORK={**settings.REST_FRAMEWORK, "NUM_PROXIES": proxies}):
        assert _ids(common_checks.throttle_rates()) == ["common.E003"]


@pytest.mark.parametrize(
    ("variable", "value", "error"),
    [
        ("CONTRACT_REQUEST_VALIDATION", "true", "contract.E001"),
        ("CONTRACT_REQUEST_VALIDATION", "ON", "contract.E001"),
        ("REQUEST_MAX_BODY_BYTES", "0", "common.E001"),
    ],
)
def test_the_wsgi_entry_point_refuses_to_start(variable: str, value: str, error: str) -> None:
    """gunicorn never runs system checks: the app configs' ready() refuse the settings instead."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "server.config.settings.test", variable: value}
    result = subprocess.run(
        [sys.executable, "-c", "from server.config.wsgi import application"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "Refusing to start" in result.stderr and error in result.stderr
