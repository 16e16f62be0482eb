"""Webhooks and deliveries as the contract's `Webhook`, `WebhookWithSecret` and `WebhookDelivery`."""

from __future__ import annotations

from typing import Any

from server.common.wire import wire_time

from .models import Attempt, Delivery, Webhook


def present_webhook(webhook: Webhook) -> dict[str, Any]:
    return {
        "id": webhook.pk,
        "project_id": webhook.project_id,
        "url": webhook.url,
        "events": list(webhook.events),
        "active": webhook.active,
        "disabled_reason": webhook.disabled_reason or None,
        "consecutive_failures": webhook.consecutive_failures,
        "created_at": wire_time(webhook.created_at),
        "updated_at": wire_time(webhook.updated_at),
    }


def present_webhook_with_secret(webhook: Webhook, secret: str) -> dict[str, Any]:
    return {**present_webhook(webhook), "secret": secret}


def present_attempt(attempt: Attempt) -> dict[str, Any]:
    return {
        "number": attempt.number,
        "attempted_at": wire_time(attempt.attempted_at),
        "response_status": attempt.response_status,
        "latency_ms": attempt.latency_ms,
        "error": attempt.error or None,
    }


def present_delivery(delivery: Delivery, *, attempts: list[Attempt] | None = None) -> dict[str, Any]:
    if attempts is None:
        attempts = list(delivery.attempts.all()) if delivery.pk else []
    return {
        "id": delivery.pk,
        "webhook_id": delivery.webhook_id,
        "event_id": delivery.event.event_id,
        "event_type": delivery.event.type,
        "status": delivery.status,
        "attempt_count": delivery.attempt_count,
        "next_attempt_at": wire_time(delivery.next_attempt_at) if delivery.status == "pending" else None,
        "created_at": wire_time(delivery.created_at),
        "delivered_at": wire_time(delivery.delivered_at),
        "attempts": [present_attempt(attempt) for attempt in attempts],
    }
