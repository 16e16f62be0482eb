from django.apps import AppConfig


class IdempotencyConfig(AppConfig):
    name = "server.apps.idempotency"
    label = "idempotency"
    verbose_name = "Idempotency keys"
    default_auto_field = "django.db.models.BigAutoField"
