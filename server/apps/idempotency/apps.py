from django.apps import AppConfig


class IdempotencyConfig(AppConfig):
    name = "server.apps.idempotency"
    label = "idempotency"
    verbose_name = "Idempotency keys"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from server.common.checks import refuse_to_start
        from server.contract.idempotency import runner_register

        from . import checks
        from .service import execute

        refuse_to_start(*checks.CHECKS)
        runner_register(execute)  # every operation that declares Idempotency-Key (server/contract/views.py)
