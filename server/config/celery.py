"""The Celery application: webhook deliveries (server.apps.webhooks.tasks) and the periodic purge of expired
idempotency records.

    celery -A server.config.celery worker --loglevel INFO      # needs CELERY_BROKER_URL or REDIS_URL
    celery -A server.config.celery beat                         # one per deployment: the sweeps below

Configured from Django's settings (the CELERY_* names). Without a broker the tasks run eagerly, in-process.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "server.config.settings.local")

app = Celery("contractfirst")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["server.apps.webhooks"])

# Expired idempotency records are deleted lazily when their key comes back; the rest hourly, by beat.
IDEMPOTENCY_PURGE_SECONDS = 3600.0


@app.task(name="server.apps.idempotency.purge_expired")
def purge_expired_idempotency_records() -> int:
    from server.apps.idempotency.service import purge_expired

    return purge_expired()


@app.on_after_configure.connect
def schedule_periodic_tasks(sender: Celery, **kwargs: object) -> None:
    purge = purge_expired_idempotency_records.s()
    sender.add_periodic_task(IDEMPOTENCY_PURGE_SECONDS, purge, name="purge-expired-idempotency-records")
