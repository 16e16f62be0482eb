"""What the contract layer needs from a validation engine, independent of the library behind it."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.http import HttpRequest, HttpResponseBase
from django.utils.module_loading import import_string

from server.common.errors import ApiError

from ..spec import Operation, load_contract
from .request_input import ValidatedRequest


@dataclass(frozen=True)
class Violation:
    """One way a request or response breaks the contract.

    `pointer` locates it in a JSON body (RFC 6901, "" for the whole body); `field` names a parameter.
    """

    code: str
    message: str
    pointer: str | None = None
    field: str | None = None

    def as_problem_item(self) -> dict[str, str]:
        item = {"code": self.code, "message": self.message}
        if self.pointer is not None:
            item["pointer"] = self.pointer
        if self.field is not None:
            item["field"] = self.field
        return item


class RequestRejected(ApiError):
    """A request the contract does not allow: 400 (invalid), 415 (media type)."""

    def __init__(self, *, status: int, code: str, detail: str, violations: list[Violation]) -> None:
        super().__init__(
            status=status, code=code, detail=detail, errors=[v.as_problem_item() for v in violations]
        )
        self.violations = violations


class ResponseContractViolation(Exception):
    """The server produced a response its own contract does not allow: a server bug."""

    def __init__(self, operation: Operation, status: int, violations: list[Violation]) -> None:
        self.operation = operation
        self.status = status
        self.violations = violations
        details = "; ".join(
            f"{v.pointer or v.field or '(response)'}: {v.code}: {v.message}" for v in violations
        )
        super().__init__(f"response {status} of {operation.operation_id} breaks the contract: {details}")


class ValidationEngine(Protocol):
    def validate_request(self, operation: Operation, request: HttpRequest) -> ValidatedRequest:
        """Raise RequestRejected when the request breaks the contract; else its input, typed."""

    def validate_response(
        self, operation: Operation, request: HttpRequest, response: HttpResponseBase
    ) -> list[Violation]:
        """Return every way the (rendered) response breaks the contract."""


@functools.cache
def _engine_for(spec_path: str, dotted_path: str) -> ValidationEngine:
    engine: ValidationEngine = import_string(dotted_path)(load_contract(Path(spec_path)))
    return engine


def get_engine() -> ValidationEngine:
    """The engine the settings name, compiled once. Called twice per request: one dict lookup on two strings
    (resolving the contract's Path each time cost as much as validating a small response)."""
    from django.conf import settings

    return _engine_for(str(settings.CONTRACT_SPEC_PATH), settings.CONTRACT_VALIDATION_ENGINE)
