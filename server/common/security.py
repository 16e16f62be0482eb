"""Content-Security-Policy (Django 5.2 has no built-in one): the same policy on every response.

The policy allows the interactive docs (Swagger UI from drf-spectacular-sidecar, served locally, its start-up
script a separate file: SpectacularSwaggerSplitView) and nothing from elsewhere; API responses are JSON and
are not rendered by browsers anyway.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

HEADER = "Content-Security-Policy"


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.policy: str = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if self.policy and HEADER not in response:
            response[HEADER] = self.policy
        return response
