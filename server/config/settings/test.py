"""Tests: fast hashing, strict contract checks, throttling relaxed except where a test tightens it."""

import os
from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL, REST_FRAMEWORK

# pytest-xdist workers share REDIS_URL; the throttle tests clear the cache (FLUSHDB), so each worker gets a
# Redis database of its own (gw0 the configured one, gw1 the one below it, ...), as each has its own test DB.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):
    _url = urlsplit(REDIS_URL)
    _db = (int(_url.path.strip("/") or 0) - int(_worker[2:])) % 16
    CACHES["default"]["LOCATION"] = _url._replace(path=f"/{_db}").geturl()

DEPLOYMENT = "test"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CONTRACT_RESPONSE_VALIDATION = "strict"
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        "anon": "10000/min",
        "user": "10000/min",
        "register": "10000/min",
        "auth": "10000/min",
        "auth_failures": "10000/min",
        "password_failures": "10000/min",
    },
}

# Plain http for the loopback receivers the tests start (which allow 127.0.0.1 per test); the contract's
# example host is allowed without DNS, so the tests stay hermetic.
WEBHOOKS_ALLOW_HTTP = True
WEBHOOKS_ALLOWED_HOSTS = ["hooks.example.com"]
WEBHOOKS_BACKOFF_BASE = 0.05
WEBHOOKS_TIMEOUT = 2.0

# Deliveries run in-process after the commit; the real-worker tests start their own worker processes.
CELERY_TASK_ALWAYS_EAGER = True
