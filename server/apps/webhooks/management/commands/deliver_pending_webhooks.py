"""Hand pending deliveries that are due to the workers (or, without a broker, deliver them here): retries,
deliveries whose enqueue was lost, and those whose worker died mid-attempt. Run it from cron, or `--loop`."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from server.apps.webhooks.delivery import deliveries_due
from server.apps.webhooks.tasks import deliveries_enqueue


class Command(BaseCommand):
    help = "Enqueue (or, in eager mode, attempt) every pending webhook delivery that is due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", type=float, default=0, help="repeat every N seconds")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            due = deliveries_due()
            deliveries_enqueue(due)
            if due:
                self.stdout.write(f"deliver_pending_webhooks: {len(due)} delivery(ies) handed on")
            if not options["loop"]:
                return
            time.sleep(options["loop"])
