"""System checks for the webhook settings (run by `manage.py check`, and before `runserver` / `migrate`)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register


@register("webhooks")
def lease_outlasts_attempt(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """A delivery's lease must outlast an attempt: WEBHOOKS_TIMEOUT bounds a whole attempt; when the lease
    (WEBHOOKS_LEASE_SECONDS) runs out first the sweep hands the delivery to a second worker while the first is
    still sending it - the same delivery sent twice, on every slow receiver."""
    lease, timeout = settings.WEBHOOKS_LEASE_SECONDS, settings.WEBHOOKS_TIMEOUT
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
