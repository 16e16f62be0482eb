"""Per-request operations: the request id, the access log line and the Prometheus samples.

`ObservabilityMiddleware` is the outermost middleware: it times everything, sees the final status, and
answers for whatever the layers inside it answer (413s, 404s, CORS preflights, static files). Inside a
contract view `response_headers()` sets `X-Request-ID` and the `RateLimit-*` headers before the response is
validated, so the contract check sees them.

The hot path does no parsing and compiles nothing: one precompiled regex match on the incoming id, a
uuid4, two dict lookups for the labels, two metric updates and one log record.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable

import structlog
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from . import metrics
from .errors import problem_json_response, service_unavailable, unavailable_dependency
from .throttling import rate_limit_headers

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID_META = "HTTP_X_REQUEST_ID"
# A client's id is kept when it is short and made of characters that are safe in logs and headers.
REQUEST_ID_PATTERN = "^[A-Za-z0-9._:@/+=-]{1,128}$"
REQUEST_ID_SCHEMA = {"type": "string", "pattern": REQUEST_ID_PATTERN}
_valid_request_id = re.compile(REQUEST_ID_PATTERN.rstrip("$").lstrip("^")).fullmatch

_KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"})

access_log = structlog.get_logger("server.access")


def request_id_for(request: HttpRequest) -> str:
    given = request.META.get(_REQUEST_ID_META)
    if given and _valid_request_id(given):
        return str(given)
    return uuid.uuid4().hex


def response_headers(request: HttpRequest, response: HttpResponseBase) -> None:
    """`X-Request-ID` on every response; on successes and 429s the tightest throttle's `RateLimit-*`."""
    request_id = getattr(request, "request_id", None)
    if request_id is not None:
        response[REQUEST_ID_HEADER] = request_id
    status = response.status_code
    if 200 <= status < 300 or status == 429:
        for name, value in rate_limit_headers(request).items():
            response[name] = value


def operation_label(request: HttpRequest) -> str:
    """The contract's operationId; a route's name outside the contract (docs, metrics); else `unrouted`."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unrouted"
    operations = getattr(match.func, "view_initkwargs", {}).get("contract_operations")
    if operations:
        operation = operations.get((request.method or "").lower())
        return operation.operation_id if operation is not None else "method_not_allowed"
    return match.url_name or "unrouted"


class ObservabilityMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        request_id = request_id_for(request)
        request.request_id = request_id  # type: ignore[attr-defined]
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            duration = time.perf_counter() - started
            method = request.method if request.method in _KNOWN_METHODS else "OTHER"
            operation_id = operation_label(request)
            metrics.observe(operation_id, str(method), response.status_code, duration)
            user = getattr(request, "user", None)
            access_log.info(
                "request",
                method=method,
                path=request.path,
                operation_id=operation_id,
                status=response.status_code,
                duration_ms=round(duration * 1000, 3),
                user_id=user.pk if user is not None and user.is_authenticated else None,
            )
            return response
        finally:
            structlog.contextvars.clear_contextvars()

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """Outside DRF views (whose exception handler does this itself): a database or cache outage is a
        503 problem, not a 500 with a traceback."""
        dependency = unavailable_dependency(exception)
        if dependency is None:
            return None
        error = service_unavailable(dependency)
        access_log.error("dependency unavailable", dependency=dependency, error=str(exception))
        return problem_json_response(request, status=error.status, code=error.code, detail=error.detail)
