"""Readiness checks: does each dependency answer, right now, and within the probe's budget?

Each check runs in a thread of its own and the probe waits `HEALTH_PROBE_TIMEOUT` seconds for all of them
together: a dependency that hangs (a stalled PostgreSQL or Redis) is reported `unavailable` when the budget
runs out, so `/health/ready` answers within a second whatever hangs. A check still running from an earlier
probe is not started again (reported `unavailable` at once), so a long stall cannot pile up threads; the
database check's own connection is cut off at the budget too (server.common.db_deadline).
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from django.conf import settings
from django.core.cache import caches
from django.db import connections

from server.common.db_deadline import database_deadline

logger = logging.getLogger(__name__)

OK = "ok"
UNAVAILABLE = "unavailable"

# One key per process: concurrent probes of several workers do not race on it.
_CACHE_KEY = f"health:ready:{uuid.uuid4().hex}"


def check_database() -> str:
    connection = connections["default"]
    try:
        with database_deadline(settings.HEALTH_PROBE_TIMEOUT), connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means "not ready"; the reason goes to the log
        logger.warning("readiness: the database did not answer: %s", exc)
        return UNAVAILABLE
    finally:
        # The check's thread is not a request's: nothing else would ever close its connection. (Each probe
        # connects afresh, which is also what a new request may have to do.)
        connection.close()
    return OK


def check_cache() -> str:
    cache = caches["default"]
    try:
        cache.set(_CACHE_KEY, "1", timeout=10)
        if cache.get(_CACHE_KEY) != "1":
            raise RuntimeError("the cache did not return what was just stored")
    except Exception as exc:
        logger.warning("readiness: the cache did not answer: %s", exc)
        return UNAVAILABLE
    return OK


CHECKS: dict[str, Callable[[], str]] = {"database": check_database, "cache": check_cache}

# One single-thread pool per check, per process (rebuilt in a process forked after one was made).
_pools: dict[str, ThreadPoolExecutor] = {}
_running: dict[str, Future[str]] = {}
_pool_pid: int | None = None


def _submit(name: str) -> Future[str] | None:
    global _pool_pid
    if _pool_pid != os.getpid():
        _pools.clear()
        _running.clear()
        _pool_pid = os.getpid()
    previous = _running.get(name)
    if previous is not None and not previous.done():
        return None  # still stuck in the last probe's check
    pool = _pools.get(name)
    if pool is None:
        pool = _pools[name] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"ready-{name}")
    future = _running[name] = pool.submit(CHECKS[name])
    return future


def readiness() -> dict[str, str]:
    deadline = time.monotonic() + settings.HEALTH_PROBE_TIMEOUT
    futures = {name: _submit(name) for name in CHECKS}
    results: dict[str, str] = {}
    for name, future in futures.items():
        if future is None:
            logger.warning("readiness: the %s check of an earlier probe is still running", name)
            results[name] = UNAVAILABLE
            continue
        try:
            results[name] = future.result(timeout=max(0.0, deadline - time.monotonic()))
        except FutureTimeout:
            logger.warning("readiness: the %s check did not finish in time", name)
            results[name] = UNAVAILABLE
    return results
