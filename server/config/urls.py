from django.urls import path
from drf_spectacular.views import SpectacularSwaggerSplitView

from server.common.metrics import metrics_view
from server.contract.binding import contract_urlpatterns
from server.contract.documents import contract_json, contract_yaml

handler400 = "server.common.errors.bad_request_handler"
handler403 = "server.common.errors.permission_denied_handler"
handler404 = "server.common.errors.not_found_handler"
handler500 = "server.common.errors.server_error_handler"

urlpatterns = [
    path("api/v1/openapi.yaml", contract_yaml, name="contract-yaml"),
    path("api/v1/openapi.json", contract_json, name="contract-json"),
    # The docs render the hand-authored contract, not a schema derived from the code. Swagger UI only:
    # Redoc's bundle fetches fonts and its logo from CDNs, and these docs must work offline. The split view
    # serves Swagger UI's start-up script as a file, so the Content-Security-Policy needs no inline scripts.
    path("api/docs", SpectacularSwaggerSplitView.as_view(url_name="contract-json"), name="docs"),
    # Prometheus, outside the public contract (see README, "Metrics"); the health probes are in the contract.
    path("metrics", metrics_view, name="metrics"),
    *contract_urlpatterns(),
]
