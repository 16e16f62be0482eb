from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "server.apps.webhooks"
    label = "webhooks"
    verbose_name = "Outgoing webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from server.common.checks import refuse_to_start

        from . import checks

        refuse_to_start(*checks.CHECKS)

        # The writes of projects, tasks and comments announce their events; record them in the outbox.
        from server.apps.projects import events

        from .services import OutboxRecorder

        events.recorder_register(OutboxRecorder())
