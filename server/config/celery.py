"""The Celery application: webhook deliveries (server.apps.webhooks.tasks).

    celery -A server.config.celery worker --loglevel INFO      # needs CELERY_BROKER_URL or REDIS_URL
    celery -A server.config.celery beat                         # the periodic sweep of pending deliveries

Configured from Django's settings (the CELERY_* names). Without a broker the tasks run eagerly, in-process.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "server.config.settings.local")

app = Celery("contractfirst")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["server.apps.webhooks"])
