"""The base view every contract operation is served by.

The order of checks follows Connexion's stack: routing (the URLconf built from the contract), security
(DRF authentication and permissions), throttling, request validation, the handler, response validation.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from typing import Any, ClassVar

from django.conf import settings
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from server.common.observability import response_headers
from server.common.throttling import ScopedRateThrottle

from . import caching, deprecation, idempotency
from .negotiation import check_acceptable
from .spec import Operation
from .validation import ResponseContractViolation, get_engine
from .validation.json_body import DepthLimitedJSONParser
from .validation.request_input import ValidatedRequest, typed_input

logger = logging.getLogger(__name__)
_JSON_PARSER = DepthLimitedJSONParser()


def _parsed_body(request: Request) -> Any:
    """With validation off: the same parse of the same bytes as the engines', so validation on and off
    differ by validation alone (DRF's parsers only for other media types)."""
    raw = request._request.body
    if not raw or request._request.content_type != _JSON_PARSER.media_type:
        return request.data  # {} for no body, 415 for a media type no parser takes
    return _JSON_PARSER.parse(io.BytesIO(raw))


class ContractAPIView(APIView):
    # HTTP method -> operationId, declared by each concrete view.
    operations: ClassVar[dict[str, str]] = {}
    # Filled in by the binding layer through as_view(): HTTP method -> the contract's operation.
    contract_operations: dict[str, Operation] = {}

    # The request's input as validation returned it; `query` and `body` are its parts handlers read.
    input: ValidatedRequest
    query: dict[str, Any]
    body: Any  # the views annotate it as the dict their operation's schema makes it

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Any:
        operations = initkwargs.get("contract_operations") or {}
        # Methods the contract does not declare (HEAD and OPTIONS included) are answered 405 with `Allow`.
        initkwargs.setdefault("http_method_names", [m for m in cls.http_method_names if m in operations])
        return super().as_view(**initkwargs)

    @property
    def operation(self) -> Operation | None:
        # `request` is still None while DRF builds the Request (initialize_request asks for authenticators).
        request = getattr(self, "request", None)
        method = (request.method or "").lower() if request is not None else ""
        return self.contract_operations.get(method)

    # Security and throttling come from the contract: `security: []` makes an operation public (credentials
    # sent anyway are ignored, so a stale token cannot fail a public call), `x-throttle-scope` adds a scope.
    def get_authenticators(self) -> list[BaseAuthentication]:
        operation = self.operation
        return [] if operation is not None and operation.public else super().get_authenticators()

    def get_permissions(self) -> Sequence[Any]:
        operation = self.operation
        return [AllowAny()] if operation is not None and operation.public else super().get_permissions()

    def get_throttles(self) -> list[BaseThrottle]:
        throttles = super().get_throttles()
        if self.throttle_scope:
            throttles.append(ScopedRateThrottle())
        return throttles

    @property
    def throttle_scope(self) -> str | None:  # read by ScopedRateThrottle
        operation = self.operation
        return operation.throttle_scope if operation is not None else None

    def perform_content_negotiation(self, request: Request, force: bool = False) -> tuple[Any, str]:
        # Every body this server writes is JSON (problems set their own Content-Type); what a client may ask
        # for is the contract's business (negotiation.py), not the renderer list's.
        operation = self.operation
        if not force and operation is not None:
            check_acceptable(operation, request._request)
        renderer = self.get_renderers()[0]
        return renderer, renderer.media_type

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        operation = self.operation
        if operation is None:
            # DRF authenticates, checks permissions and throttles before it looks for a handler, so an
            # undeclared method would get 401 on a protected path; the contract promises 405 with `Allow`.
            raise MethodNotAllowed(request.method or "")
        super().initial(request, *args, **kwargs)
        if settings.CONTRACT_REQUEST_VALIDATION != "off":  # fail closed (server.contract.checks)
            self.input = get_engine().validate_request(operation, request._request)
        else:
            body = _parsed_body(request) if operation.has_request_body else None
            self.input = typed_input(operation, request._request, body)
        self.query = self.input.query
        self.body = self.input.body
        # Path parameters reach the handler typed as the contract declares them (an id is an int): DRF passes
        # the handler the same dict it stored as self.kwargs, so they are replaced in place.
        self.kwargs.update(self.input.path)
        key = idempotency.key_of(operation, request)
        if key is not None:
            # DRF calls the handler right after initial(), looking it up by method name on this instance (one
            # per request): shadowing it here runs the handler under the key, with no decorator in the apps.
            method = (request.method or "").lower()
            handler = getattr(self, method)

            def keyed(request: Request, *args: Any, **kwargs: Any) -> Response:
                run = lambda: handler(request, *args, **kwargs)  # noqa: E731
                return idempotency.run(request=request, key=key, body=self.body, handler=run)

            setattr(self, method, keyed)

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        mode = settings.CONTRACT_RESPONSE_VALIDATION
        operation = self.operation
        if operation is not None:  # ETag, 304, Cache-Control and Vary as the contract declares them
            response = caching.apply(operation, request, response)
            # Deprecation / Sunset / Link when the operation, or a parameter the request sends, is deprecated
            if operation.deprecation is not None or operation.deprecated_parameters:
                deprecation.apply(operation, request._request, response)
        # X-Request-ID, and RateLimit-* on successes and 429s, before the response is checked against them.
        response_headers(request._request, response)
        if mode == "off" or operation is None:
            return response
        response.render()
        violations = get_engine().validate_response(operation, request._request, response)
        if violations:
            violation = ResponseContractViolation(operation, response.status_code, violations)
            if mode != "log":  # "strict", and anything unknown: fail closed (server.contract.checks)
                raise violation
            logger.error("%s", violation)
        return response
