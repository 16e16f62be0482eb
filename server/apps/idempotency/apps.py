from django.apps import AppConfig


class IdempotencyConfig(AppConfig):
    name = "server.apps.idempotency"
    label = "idempotency"
    verbose_name = "Idempotency keys"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from server.common.checks import refuse_to_start

        from . import checks

        refuse_to_start(*checks.CHECKS)
