"""Celery tasks: deliver one delivery (scheduling its retry), and sweep the pending ones (beat)."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings

from .delivery import deliveries_due, delivery_attempt

logger = logging.getLogger(__name__)


# shared_task: bound to the project's Celery app (server.config.celery, created at start-up by
# ServerConfig.ready), which an app must not import (it is the layer above).
@shared_task(name="server.apps.webhooks.tasks.deliver", acks_late=True, reject_on_worker_lost=True)
def deliver(delivery_id: int) -> str:
    outcome = delivery_attempt(delivery_id)
    if outcome.status == "retry" and outcome.retry_in is not None and not settings.CELERY_TASK_ALWAYS_EAGER:
        # In eager mode (no broker) retries wait for the sweep: `manage.py deliver_pending_webhooks`.
        _enqueue(delivery_id, countdown=outcome.retry_in)
    return outcome.status


@shared_task(name="server.apps.webhooks.tasks.sweep_pending")
def sweep_pending() -> int:
    due = deliveries_due()
    deliveries_enqueue(due)
    return len(due)


def _enqueue(delivery_id: int, *, countdown: float = 0) -> None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        deliver.apply(args=[delivery_id])
        return
    try:
        deliver.apply_async(args=[delivery_id], countdown=countdown)
    except Exception:  # the broker is down: the delivery stays pending, the sweep sends it later
        logger.exception("could not enqueue webhook delivery %s", delivery_id)


def deliveries_enqueue(delivery_ids: list[int]) -> None:
    for delivery_id in delivery_ids:
        _enqueue(delivery_id)
