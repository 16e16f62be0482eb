"""Settings that fail closed: system checks whose errors also stop the process at start-up.

Django runs system checks under `manage.py` only (runserver, migrate, check); gunicorn and Celery never do.
So each layer's settings checks are registered as usual (`manage.py check` lists them) *and* run by that
layer's `AppConfig.ready()` through `refuse_to_start()`: a setting with an unknown value (`true` or `ON`
where `on` is meant) stops every entry point before it serves anything, instead of silently meaning "off".

This module holds the helpers and the checks of the settings `server.common` reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register
from django.core.exceptions import ImproperlyConfigured

# The tag of every settings check (`manage.py check --tag settings`).
SETTINGS_TAG = "settings"

SettingsCheck = Callable[..., list[CheckMessage]]

# DRF's rate syntax, strictly: DRF itself reads only the first letter of the period ("10/mfoo" is 10/min).
_RATE = re.compile(r"[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)")


def refuse_to_start(*checks: SettingsCheck) -> None:
    """Raise ImproperlyConfigured listing every serious message of `checks` (called from `ready()`)."""
    errors = [message for check in checks for message in check(None) if message.is_serious()]
    if errors:
        lines = [f"{e.id}: {e.msg}" + (f" HINT: {e.hint}" if e.hint else "") for e in errors]
        raise ImproperlyConfigured(
            "Refusing to start, the settings are invalid:\n  - " + "\n  - ".join(lines)
        )


def one_of(name: str, allowed: Iterable[str], *, id: str, why: str) -> list[CheckMessage]:
    """`settings.<name>` must be exactly one of `allowed` (no case folding: `ON` is a typo, not `on`)."""
    value = getattr(settings, name, None)
    choices = tuple(allowed)
    if isinstance(value, str) and value in choices:
        return []
    listed = ", ".join(repr(c) for c in choices)
    return [Error(f"{name} is {value!r}; it must be one of {listed}.", hint=why, id=id)]


def positive_int(name: str, *, id: str) -> list[CheckMessage]:
    value = getattr(settings, name, None)
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return []
    return [Error(f"{name} is {value!r}; it must be a positive integer.", id=id)]


@register(SETTINGS_TAG)
def request_size_limit(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """RequestSizeLimitMiddleware compares every Content-Length with it."""
    return positive_int("REQUEST_MAX_BODY_BYTES", id="common.E001")


@register(SETTINGS_TAG)
def throttle_rates(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Every rate parses (DRF would raise on the first request it throttles, or misread `10/mfoo`), and
    NUM_PROXIES is a count: it decides which X-Forwarded-For address identifies an anonymous client."""
    framework = getattr(settings, "REST_FRAMEWORK", {})
    messages: list[CheckMessage] = []
    rates = framework.get("DEFAULT_THROTTLE_RATES") or {}
    for scope, rate in sorted(rates.items()):
        if not (isinstance(rate, str) and _RATE.fullmatch(rate)):
            messages.append(
                Error(
                    f"The throttle rate of scope {scope!r} is {rate!r}.",
                    hint="Write <requests>/<period>: a positive count, and s, sec, second, m, min, minute, "
                    "h, hour, d or day (e.g. 120/min). (THROTTLE_RATE_<SCOPE> in the environment.)",
                    id="common.E002",
                )
            )
    proxies = framework.get("NUM_PROXIES")
    if not (isinstance(proxies, int) and not isinstance(proxies, bool) and proxies >= 0):
        messages.append(
            Error(
                f"REST_FRAMEWORK['NUM_PROXIES'] is {proxies!r}; it must be a count of proxies (0 or more).",
                hint="None (DRF's default) takes X-Forwarded-For as sent: a client could pick a new identity "
                "per request and never be throttled.",
                id="common.E003",
            )
        )
    return messages


CHECKS: tuple[SettingsCheck, ...] = (request_size_limit, throttle_rates)
