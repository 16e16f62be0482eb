"""Middleware that keeps every answer a problem+json one: oversized bodies refused before anything reads
them (413), and whatever Django itself answers with an HTML error page (an unknown path, a bad `Host`, a
debug page under `make run`) turned into the same problem body the views answer."""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

from .error_codes import ErrorCode
from .errors import PROBLEM_CONTENT_TYPE, problem_json_response, status_title

# The codes for statuses Django (not a view) may answer; a view's errors are problem+json already. Django's
# own 400 (a request it cannot parse: SuspiciousOperation, too many fields) is a validation error to a client.
_DJANGO_ERROR_CODES = {
    400: ErrorCode.VALIDATION_ERROR,
    403: ErrorCode.PERMISSION_DENIED,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    413: ErrorCode.PAYLOAD_TOO_LARGE,
}
# Headers of Django's own error answers that a client still needs.
_KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")


class ProblemResponseMiddleware:
    """Just inside the observability middleware, so the converted answer is the one logged and counted."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        try:
            request.get_host()
        except DisallowedHost:
            return problem_json_response(
                request,
                status=400,
                code=ErrorCode.INVALID_HOST,
                detail="The Host header names no host this server serves.",
            )
        response = self.get_response(request)
        if response.status_code < 400 or response.get("Content-Type", "").startswith(PROBLEM_CONTENT_TYPE):
            return response
        status = response.status_code
        problem = problem_json_response(
            request,
            status=status,
            code=_DJANGO_ERROR_CODES.get(
                status, ErrorCode.INTERNAL_ERROR if status >= 500 else ErrorCode.VALIDATION_ERROR
            ),
            detail=f"{status_title(status)}." if status != 404 else "No such resource.",
        )
        for name in _KEPT_HEADERS:
            if response.has_header(name):
                problem[name] = response[name]
        return problem


class RequestSizeLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit: int = settings.REQUEST_MAX_BODY_BYTES
        if length > limit:
            return problem_json_response(
                request,
                status=413,
                code="payload_too_large",
                detail=f"The request body is {length} bytes; the limit is {limit} bytes.",
            )
        return self.get_response(request)
