from django.apps import AppConfig


class ServerConfig(AppConfig):
    """The project itself (settings, URLconf, entry points): first in INSTALLED_APPS, so its settings are
    checked before any other app starts."""

    name = "server.config"
    label = "server_config"
    verbose_name = "Project configuration"

    def ready(self) -> None:
        from server.common import checks as common_checks

        from . import checks

        common_checks.refuse_to_start(*common_checks.CHECKS, *checks.CHECKS)
        # The Celery app, before any task runs: the apps' tasks are shared_tasks, bound to it.
        from . import celery  # noqa: F401
