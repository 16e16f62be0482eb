"""Delete expired idempotency records (run it from cron; expired keys met again are deleted lazily anyway)."""

from typing import Any

from django.core.management.base import BaseCommand

from server.apps.idempotency.service import purge_expired


class Command(BaseCommand):
    help = "Delete idempotency records older than IDEMPOTENCY_KEY_TTL."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = purge_expired()
        self.stdout.write(f"Deleted {deleted} expired idempotency record(s).")
