"""Idempotency as the contract declares it: an operation that declares the `Idempotency-Key` header runs at
most once per key, with no decorator on its handler (as `x-throttle-scope` drives throttling).

The contract layer knows which operations and which request; how a key is claimed, stored and replayed is
the idempotency app's (server.apps.idempotency.service.execute), which registers itself at start-up: apps
sit above the contract layer, so the contract cannot import them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from rest_framework.request import Request
from rest_framework.response import Response

from .spec import IDEMPOTENCY_KEY_HEADER, Operation


class IdempotencyRunner(Protocol):
    def __call__(self, *, request: Request, key: str, body: Any, run: Callable[[], Response]) -> Response:
        """Run `run` once for this caller's `key`; replay its stored response after that."""


_runner: IdempotencyRunner | None = None


def runner_register(runner: IdempotencyRunner) -> None:
    global _runner
    _runner = runner


def key_of(operation: Operation, request: Request) -> str | None:
    """The key to honour, or None (the operation declares no key, or the request sends none)."""
    if not operation.idempotency_key:
        return None
    key: str | None = request.headers.get(IDEMPOTENCY_KEY_HEADER)
    return key


def run(*, request: Request, key: str, body: Any, handler: Callable[[], Response]) -> Response:
    if _runner is None:  # the contract promises at most once: never run a keyed request unguarded
        raise ImproperlyConfigured(
            "an operation declares Idempotency-Key but no idempotency runner is registered"
        )
    return _runner(request=request, key=key, body=body, run=handler)
