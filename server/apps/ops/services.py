"""Readiness checks: does each dependency answer, right now?"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import caches
from django.db import connections

logger = logging.getLogger(__name__)

OK = "ok"
UNAVAILABLE = "unavailable"

# One key per process: concurrent probes of several workers do not race on it.
_CACHE_KEY = f"health:ready:{uuid.uuid4().hex}"


def check_database() -> str:
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means "not ready"; the reason goes to the log
        logger.warning("readiness: the database did not answer: %s", exc)
        # A broken persistent connection must not outlive the outage: the next request reconnects.
        connection.close_if_unusable_or_obsolete()
        return UNAVAILABLE
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


def readiness() -> dict[str, str]:
    return {"database": check_database(), "cache": check_cache()}
