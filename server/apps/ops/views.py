"""Liveness and readiness probes: contract operations served at the root (a `servers` override).

Public, not throttled (the throttles need the cache, which readiness is checking), no body, no parameters.
"""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from rest_framework.response import Response

from server.common.error_codes import ErrorCode
from server.common.errors import PROBLEM_CONTENT_TYPE, problem_body
from server.contract.views import ContractAPIView

from . import services


class HealthLiveView(ContractAPIView):
    """The process is up: answers without touching any dependency."""

    operations = {"get": "health_live"}
    throttle_classes: Any = ()

    def get(self, request: Request) -> Response:
        return Response({"status": "ok"})


class HealthReadyView(ContractAPIView):
    """The database and the cache answer; 503 dependency_unavailable naming the one that does not."""

    operations = {"get": "health_ready"}
    throttle_classes: Any = ()

    def get(self, request: Request) -> Response:
        checks = services.readiness()
        failed = [name for name, result in checks.items() if result != services.OK]
        if not failed:
            return Response({"status": "ok", "checks": checks})
        body = problem_body(
            status=503,
            code=ErrorCode.DEPENDENCY_UNAVAILABLE,
            detail=f"Not ready: {', '.join(failed)} unavailable.",
            instance=request.path,
        )
        body["checks"] = checks
        return Response(body, status=503, content_type=PROBLEM_CONTENT_TYPE)
