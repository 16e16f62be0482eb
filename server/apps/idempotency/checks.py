"""Checks of the idempotency settings (registered when imported; enforced at start-up by
IdempotencyConfig.ready, see server.common.checks)."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, register

from server.common.checks import SETTINGS_TAG, SettingsCheck, positive_int


@register(SETTINGS_TAG)
def lifetimes(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """How long a key is kept, and how long a claim holds, in seconds."""
    return [
        *positive_int("IDEMPOTENCY_KEY_TTL", id="idempotency.E001"),
        *positive_int("IDEMPOTENCY_LOCK_TIMEOUT", id="idempotency.E002"),
    ]


CHECKS: tuple[SettingsCheck, ...] = (lifetimes,)
