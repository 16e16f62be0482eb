from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: the health probes (contract operations outside /api/v1) and the Prometheus endpoint."""

    name = "server.apps.ops"
    label = "ops"
    verbose_name = "Operations"
