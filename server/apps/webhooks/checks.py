"""System checks for the webhook settings (run by `manage.py check`, and at start-up by WebhooksConfig.ready:
see server.common.checks)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from server.common.checks import SETTINGS_TAG, SettingsCheck, positive_int


@register(SETTINGS_TAG)
def numbers(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    messages = [
        *positive_int("WEBHOOKS_MAX_ATTEMPTS", id="webhooks.E002"),
        *positive_int("WEBHOOKS_DISABLE_AFTER", id="webhooks.E003"),
        *positive_int("WEBHOOKS_LEASE_SECONDS", id="webhooks.E004"),
    ]
    for name in ("WEBHOOKS_TIMEOUT", "WEBHOOKS_BACKOFF_BASE", "WEBHOOKS_BACKOFF_MAX"):
        value = getattr(settings, name, None)
        if not (isinstance(value, int | float) and not isinstance(value, bool) and value > 0):
            messages.append(Error(f"{name} is {value!r}; it must be a positive number.", id="webhooks.E005"))
    return messages


@register(SETTINGS_TAG, "webhooks")
def lease_outlasts_attempt(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """A delivery's lease must outlast an attempt: WEBHOOKS_TIMEOUT bounds a whole attempt; when the lease
    (WEBHOOKS_LEASE_SECONDS) runs out first the sweep hands the delivery to a second worker while the first is
    still sending it - the same delivery sent twice, on every slow receiver."""
    lease, timeout = settings.WEBHOOKS_LEASE_SECONDS, settings.WEBHOOKS_TIMEOUT
    if numbers():
        return []  # not numbers: reported by numbers()
    if lease <= timeout:
        return [
            Error(
                f"WEBHOOKS_LEASE_SECONDS ({lease:g}) must be greater than WEBHOOKS_TIMEOUT ({timeout:g}).",
                hint="A lease shorter than an attempt lets two workers send the same delivery. Raise "
                "WEBHOOKS_LEASE_SECONDS (leave room for the claim and for recording the outcome) or lower "
                "WEBHOOKS_TIMEOUT.",
                id="webhooks.E001",
            )
        ]
    return []


CHECKS: tuple[SettingsCheck, ...] = (numbers, lease_outlasts_attempt)
