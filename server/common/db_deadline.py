"""A deadline on a request's database work: a PostgreSQL that accepts bytes but never answers costs a bounded
wait and a 503, not a worker pinned until gunicorn kills it.

libpq's own bounds cover connecting (`connect_timeout`), a peer gone without a reset (keepalives,
`tcp_user_timeout`) and slow queries (`statement_timeout`, enforced by the server). None of them ends the
wait for an answer from a server that is frozen, or behind a proxy that stopped forwarding: the kernel still
acknowledges every byte, and libpq has no client-side query timeout. So a watchdog thread (one per process)
looks at the requests in flight every `_TICK` seconds; one still running `DATABASE_REQUEST_DEADLINE` seconds
after it started gets its database sockets shut down. The blocked call then fails at once with
`OperationalError`, which the error handler answers as `503 service_unavailable` (database), and Django
discards the broken connection at the end of the request.

A request past its deadline that is not waiting on the database loses its connection all the same; its next
query fails the same way. That is deliberate: nothing this API serves legitimately runs that long.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest
from django.http.response import HttpResponseBase

_TICK = 0.1

# thread id -> (monotonic deadline, the database wrappers that thread uses)
_watched: dict[int, tuple[float, list[Any]]] = {}
_lock = threading.Lock()
_watchdog_pid: int | None = None


def _shut_down(wrapper: Any) -> None:
    connection = getattr(wrapper, "connection", None)
    if connection is None:
        return
    with contextlib.suppress(Exception):  # closed meanwhile, or not a socket-backed connection
        fd = connection.fileno()
        sock = socket.socket(fileno=os.dup(fd))
        try:
            sock.shutdown(socket.SHUT_RDWR)  # the descriptor libpq holds now reads end-of-file
        finally:
            sock.close()


def _watch() -> None:
    while True:
        time.sleep(_TICK)
        now = time.monotonic()
        with _lock:
            expired = [(key, wrappers) for key, (deadline, wrappers) in _watched.items() if deadline <= now]
            for key, _ in expired:
                _watched.pop(key, None)
        for _, wrappers in expired:
            for wrapper in wrappers:
                _shut_down(wrapper)


def _ensure_watchdog() -> None:
    global _watchdog_pid
    if _watchdog_pid != os.getpid():  # first use in this process (or in a child forked from it)
        with _lock:
            if _watchdog_pid != os.getpid():
                threading.Thread(target=_watch, daemon=True, name="db-deadline").start()
                _watchdog_pid = os.getpid()


@contextmanager
def database_deadline(seconds: float) -> Iterator[None]:
    """Within the block, the calling thread's database work is cut off `seconds` from now."""
    _ensure_watchdog()
    key = threading.get_ident()
    wrappers = [connections[alias] for alias in connections]
    with _lock:
        _watched[key] = (time.monotonic() + seconds, wrappers)
    try:
        yield
    finally:
        with _lock:
            _watched.pop(key, None)


class DatabaseDeadlineMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.seconds: float = settings.DATABASE_REQUEST_DEADLINE

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if self.seconds <= 0:
            return self.get_response(request)
        with database_deadline(self.seconds):
            return self.get_response(request)
