from django.apps import AppConfig


class ContractConfig(AppConfig):
    name = "server.contract"
    label = "contract"
    verbose_name = "Contract binding"

    def ready(self) -> None:
        # Load, validate and bind the contract at start-up so a broken spec or an unbound operation stops
        # the process before it serves anything.
        from .binding import bind_contract

        bind_contract()
