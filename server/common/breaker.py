"""A circuit breaker around Redis: a stalled Redis costs one timeout per interval, not one per request.

Without it, every request of every worker waits out `REDIS_SOCKET_TIMEOUT` while Redis accepts connections
but never answers (the throttles count each request there), so a stall turns the whole API into a queue of
one-second waits. With it, the first timeout opens the circuit for `REDIS_BREAKER_SECONDS`: until then every
cache call fails at once with `RedisCircuitOpen` (a redis `ConnectionError`, so the caller gets the usual fast
`503 service_unavailable` naming the cache), and after it one call is let through to try Redis again. A call
that succeeds closes the circuit.

Only timeouts open it. A refused or reset connection already fails in milliseconds, and keeping the circuit
closed then means the first request after Redis comes back succeeds (no interval to wait out).

Throttling fails closed: with Redis unreachable a request is refused (503), not served unthrottled. The
rate limits guard the token and registration endpoints against guessing and abuse; a limit that disappears
whenever its store is slow could be switched off by whoever can slow the store down.

The state is per process (each gunicorn worker, each Celery worker process), kept by `circuitbreaker`'s
`CircuitBreaker`; it is wired in as the connection class of django-redis' pool (base settings, `CACHES`).
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any, TypeVar

from circuitbreaker import CircuitBreaker
from django.conf import settings
from redis.connection import AbstractConnection, Connection, ConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

T = TypeVar("T")


class RedisCircuitOpen(RedisConnectionError):
    """Redis was not tried: it timed out recently and the circuit is open."""


def _is_stall(exc_type: type[BaseException], exc: BaseException | None) -> bool:
    return issubclass(exc_type, RedisTimeoutError | socket.timeout | TimeoutError)


_breaker: CircuitBreaker | None = None


def redis_breaker() -> CircuitBreaker:
    """The process's breaker (built on first use, from the settings)."""
    global _breaker
    if _breaker is None:
        _breaker = CircuitBreaker(
            failure_threshold=1,
            recovery_timeout=settings.REDIS_BREAKER_SECONDS,
            expected_exception=_is_stall,
            name="redis",
        )
    return _breaker


def _guarded(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    breaker = redis_breaker()
    if breaker.opened:
        raise RedisCircuitOpen(f"Redis timed out; not tried again for {breaker.open_remaining} s")
    result: T = breaker.call(call, *args, **kwargs)
    return result


class BreakerConnection(Connection):
    """redis-py's TCP connection, each socket operation passed through the breaker."""

    def _connect(self) -> Any:
        return _guarded(super()._connect)

    def send_packed_command(self, command: Any, check_health: bool = True) -> None:
        _guarded(super().send_packed_command, command, check_health)

    def read_response(self, *args: Any, **kwargs: Any) -> Any:
        return _guarded(super().read_response, *args, **kwargs)


class BreakerConnectionPool(ConnectionPool):
    """django-redis' `CONNECTION_POOL_CLASS`: its TCP connections are `BreakerConnection`s."""

    def __init__(self, connection_class: type[AbstractConnection] = BreakerConnection, **kwargs: Any) -> None:
        if connection_class is Connection:
            connection_class = BreakerConnection
        super().__init__(connection_class=connection_class, **kwargs)
