"""One place that turns every error into an RFC 9457 problem+json response with a machine-readable `code`."""

from __future__ import annotations

import logging
import sys
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, JsonResponse
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rest_framework import exceptions as drf
from rest_framework.response import Response

from .error_codes import ErrorCode

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://contractfirst.dev/problems/"
# An error is about one request at one moment: no cache may store it (a 404 is heuristically cacheable).
PROBLEM_CACHE_CONTROL = "no-store"

logger = logging.getLogger(__name__)

_TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    409: "Conflict",
    412: "Precondition Failed",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def status_title(status: int) -> str:
    return _TITLES.get(status, "Error")


class ApiError(Exception):
    """An error the API answers on purpose; raised by services, selectors, views and the contract layer."""

    status = 400
    default_code = "bad_request"

    def __init__(
        self,
        *,
        detail: str,
        code: str | None = None,
        status: int | None = None,
        title: str | None = None,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status or self.status
        self.code = code or self.default_code
        self.detail = detail
        self.title = title or _TITLES.get(self.status, "Error")
        self.errors = errors
        self.headers = headers or {}


class BadRequest(ApiError):
    status = 400
    default_code = "validation_error"


class NotFound(ApiError):
    status = 404
    default_code = "not_found"

    def __init__(self, detail: str = "Not found.", **kwargs: Any) -> None:
        super().__init__(detail=detail, **kwargs)


class PermissionDenied(ApiError):
    status = 403
    default_code = "permission_denied"

    def __init__(
        self, detail: str = "You do not have permission to perform this action.", **kwargs: Any
    ) -> None:
        super().__init__(detail=detail, **kwargs)


class Conflict(ApiError):
    status = 409
    default_code = "conflict"


class Unprocessable(ApiError):
    status = 422
    default_code = "unprocessable"


class UnsupportedMediaType(ApiError):
    status = 415
    default_code = "unsupported_media_type"


class PayloadTooLarge(ApiError):
    status = 413
    default_code = "payload_too_large"


def problem_body(
    *,
    status: int,
    code: str,
    detail: str,
    instance: str,
    title: str | None = None,
    errors: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code.replace("_", "-"),
        "title": title or _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": instance,
        "code": code,
    }
    if errors:  # an empty list says nothing (a 415 has no member to point at)
        body["errors"] = errors
    return body


def _from_drf(exc: drf.APIException) -> ApiError:
    detail = exc.detail
    if isinstance(exc, drf.Throttled):
        wait = max(1, int(getattr(exc, "wait", None) or 1))
        return ApiError(
            status=429,
            code="throttled",
            detail=f"Request was throttled. Expected available in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )
    if isinstance(exc, drf.NotAuthenticated):
        return ApiError(status=401, code="not_authenticated", detail=str(detail))
    if isinstance(exc, drf.AuthenticationFailed):
        return ApiError(status=401, code="authentication_failed", detail=_sentence(detail))
    if isinstance(exc, drf.MethodNotAllowed):
        return ApiError(status=405, code="method_not_allowed", detail=str(detail))
    if isinstance(exc, drf.UnsupportedMediaType):
        return ApiError(status=415, code="unsupported_media_type", detail=str(detail))
    if isinstance(exc, drf.ParseError):
        return ApiError(status=400, code="malformed_json", detail=str(detail))
    if isinstance(exc, drf.NotAcceptable):
        return ApiError(status=406, code="not_acceptable", detail=str(detail))
    if isinstance(exc, drf.NotFound):
        return NotFound(str(detail))
    if isinstance(exc, drf.PermissionDenied):
        return PermissionDenied(str(detail))
    if isinstance(exc, drf.ValidationError):
        return BadRequest(detail="The request is invalid.", errors=_field_errors(detail))
    return ApiError(status=exc.status_code, code=str(exc.default_code), detail=_flatten(detail))


def _sentence(detail: Any) -> str:
    """One plain sentence for a client: simplejwt's `InvalidToken` carries a dict of its internals (the token
    classes it tried, their messages) whose top-level `detail` is the sentence."""
    if isinstance(detail, dict) and "detail" in detail:
        detail = detail["detail"]
    text = _flatten(detail).strip()
    return text if text.endswith(".") else text + "."


def _flatten(detail: Any) -> str:
    if isinstance(detail, dict):
        return "; ".join(f"{key}: {_flatten(value)}" for key, value in detail.items())
    if isinstance(detail, list):
        return "; ".join(_flatten(item) for item in detail)
    return str(detail)


def _field_errors(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    items: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            items.extend(_field_errors(value, f"{prefix}/{key}"))
    elif isinstance(detail, list):
        for value in detail:
            items.extend(_field_errors(value, prefix))
    else:
        code = getattr(detail, "code", "invalid")
        items.append({"pointer": prefix, "code": str(code), "message": str(detail)})
    return items


# Exceptions that mean a backing service is unreachable, not a bug: the caller gets 503 and may retry.
REDIS_UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ConnectionInterrupted)


def unavailable_dependency(exc: BaseException) -> str | None:
    """`database` or `cache` when `exc` says that dependency cannot be reached, else None."""
    if isinstance(exc, OperationalError | InterfaceError):
        return "database"
    if isinstance(exc, REDIS_UNAVAILABLE):
        return "cache"
    return None


def service_unavailable(dependency: str) -> ApiError:
    return ApiError(
        status=503,
        code="service_unavailable",
        detail=f"The service is temporarily unavailable ({dependency}). Please retry later.",
    )


def _as_api_error(exc: Exception) -> ApiError | None:
    if isinstance(exc, ApiError):
        return exc
    dependency = unavailable_dependency(exc)
    if dependency is not None:
        # The database or the cache cannot be reached (or gave up: a lost connection, a lock timeout, Redis
        # down under throttling or caching): worth a retry, and never a 500 with a traceback.
        logger.error("%s unavailable while serving a request: %s", dependency, exc)
        return service_unavailable(dependency)
    if isinstance(exc, drf.APIException):
        return _from_drf(exc)
    if isinstance(exc, Http404):
        return NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return PermissionDenied()
    return None


def problem_response(error: ApiError, instance: str) -> Response:
    headers = dict(error.headers)
    headers.setdefault("Cache-Control", PROBLEM_CACHE_CONTROL)
    if error.status == 401:
        headers.setdefault("WWW-Authenticate", 'Bearer realm="api"')
    body = problem_body(
        status=error.status,
        code=error.code,
        detail=error.detail,
        instance=instance,
        title=error.title,
        errors=error.errors,
    )
    return Response(body, status=error.status, headers=headers, content_type=PROBLEM_CONTENT_TYPE)


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's EXCEPTION_HANDLER: every exception a view raises leaves as problem+json."""
    request = context.get("request")
    instance = request.path if request is not None else ""
    error = _as_api_error(exc)
    if error is None:
        logger.exception("Unhandled error while serving %s", instance)
        error = ApiError(status=500, code="internal_error", detail="An unexpected error occurred.")
    response = problem_response(error, instance)
    view = context.get("view")
    auth_header = view.get_authenticate_header(request) if view is not None and request is not None else None
    if error.status == 401 and auth_header:
        response["WWW-Authenticate"] = auth_header
    return response


def problem_json_response(request: HttpRequest, *, status: int, code: str, detail: str) -> JsonResponse:
    """For errors raised outside DRF (URL resolution, middleware): same body, plain Django response."""
    body = problem_body(status=status, code=code, detail=detail, instance=request.path)
    response = JsonResponse(body, status=status, content_type=PROBLEM_CONTENT_TYPE)
    response["Cache-Control"] = PROBLEM_CACHE_CONTROL
    return response


def bad_request_handler(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return problem_json_response(
        request, status=400, code=ErrorCode.VALIDATION_ERROR, detail="The request is malformed."
    )


def permission_denied_handler(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return problem_json_response(
        request,
        status=403,
        code=ErrorCode.PERMISSION_DENIED,
        detail="You do not have permission to perform this action.",
    )


def not_found_handler(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return problem_json_response(request, status=404, code="not_found", detail="No such resource.")


def server_error_handler(request: HttpRequest) -> JsonResponse:
    # An exception outside any view (a middleware): a database or cache outage is still a 503.
    dependency = unavailable_dependency(sys.exc_info()[1] or Exception())
    if dependency is not None:
        error = service_unavailable(dependency)
        return problem_json_response(request, status=error.status, code=error.code, detail=error.detail)
    return problem_json_response(
        request, status=500, code="internal_error", detail="An unexpected error occurred."
    )
