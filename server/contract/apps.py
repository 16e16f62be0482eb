from django.apps import AppConfig


class ContractConfig(AppConfig):
    name = "server.contract"
    label = "contract"
    verbose_name = "Contract binding"

    def ready(self) -> None:
        # Load, validate and bind the contract at start-up so a broken spec or an unbound operation stops
        # the process before it serves anything.
        from django.conf import settings

        from .binding import bind_contract
        from .validation import get_engine

        bind_contract()
        if settings.CONTRACT_REQUEST_VALIDATION != "off" or settings.CONTRACT_RESPONSE_VALIDATION != "off":
            get_engine()  # compiled now, not on the first request; a schema it cannot compile stops start-up
