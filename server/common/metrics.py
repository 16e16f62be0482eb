"""Prometheus metrics: request count and latency by operationId, method and status.

Under gunicorn with several workers set PROMETHEUS_MULTIPROC_DIR (server/config/gunicorn.conf.py empties it at
start-up and marks dead workers): each worker writes its samples there and /metrics aggregates all of them.
"""

from __future__ import annotations

import hmac
import os
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from .error_codes import ErrorCode
from .errors import problem_json_response

LABELS = ("operation_id", "method", "status")

REQUESTS = Counter("http_requests", "HTTP requests served, by operationId, method and status.", LABELS)
LATENCY = Histogram(
    "http_request_duration_seconds",
    "Time to serve a request (middleware included), by operationId, method and status.",
    LABELS,
    buckets=(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0),
)

# The labelled children, made once per label set: labels() takes a lock and validates on every call.
_children: dict[tuple[str, str, str], tuple[Any, Any]] = {}


def observe(operation_id: str, method: str, status: int, seconds: float) -> None:
    key = (operation_id, method, str(status))
    children = _children.get(key)
    if children is None:
        children = _children[key] = (REQUESTS.labels(*key), LATENCY.labels(*key))
    children[0].inc()
    children[1].observe(seconds)


def _registry() -> Any:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return REGISTRY


def metrics_view(request: HttpRequest) -> HttpResponse:
    """GET /metrics in Prometheus' text format. With METRICS_TOKEN set it takes `Authorization: Bearer
    <token>`; without one it is served only where METRICS_PUBLIC is on (not in production)."""
    token: str = settings.METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            response = problem_json_response(
                request,
                status=401,
                code=ErrorCode.NOT_AUTHENTICATED,
                detail="The metrics need a bearer token.",
            )
            response["WWW-Authenticate"] = 'Bearer realm="metrics"'
            return response
    elif not settings.METRICS_PUBLIC:
        return problem_json_response(
            request, status=404, code=ErrorCode.NOT_FOUND, detail="No such resource."
        )
    if request.method not in ("GET", "HEAD"):
        response = problem_json_response(
            request,
            status=405,
            code=ErrorCode.METHOD_NOT_ALLOWED,
            detail=f'Method "{request.method}" not allowed.',
        )
        response["Allow"] = "GET, HEAD"
        return response
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
