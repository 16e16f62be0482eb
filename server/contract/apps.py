from django.apps import AppConfig


class ContractConfig(AppConfig):
    name = "server.contract"
    label = "contract"
    verbose_name = "Contract binding"

    def ready(self) -> None:
        # Check the CONTRACT_* settings, then load, validate and bind the contract at start-up, so a bad
        # setting, a broken spec or an unbound operation stops the process before it serves anything.
        from django.conf import settings

        from server.common.checks import refuse_to_start

        from . import checks
        from .binding import bind_contract
        from .validation import get_engine

        refuse_to_start(*checks.CHECKS)
        bind_contract()
        if settings.CONTRACT_REQUEST_VALIDATION != "off" or settings.CONTRACT_RESPONSE_VALIDATION != "off":
            get_engine()  # compiled now, not on the first request; a schema it cannot compile stops start-up
