from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "server.apps.webhooks"
    label = "webhooks"
    verbose_name = "Outgoing webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
