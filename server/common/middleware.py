"""Refuse oversized bodies before anything reads them, as problem+json 413."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .errors import problem_json_response


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
