"""gunicorn's configuration (`make serve`, the Dockerfile): everything from the environment.

WEB_CONCURRENCY  worker processes (default 2)     GUNICORN_BIND  address (default $HOST:$PORT, 127.0.0.1:8000)
GUNICORN_WORKER_CLASS  gthread (default) or sync     GUNICORN_THREADS  threads per gthread worker (default 4)
GUNICORN_TIMEOUT / GUNICORN_GRACEFUL_TIMEOUT / GUNICORN_KEEPALIVE  seconds (30 / 30 / 5)
PROMETHEUS_MULTIPROC_DIR  set: every worker writes its metrics there and /metrics sums them (emptied here at
start-up; a dead worker's gauges are dropped).

gunicorn's access log is off: the application writes one structured line per request (server.common.logs),
with the request id, operationId, status, duration and user. Its error log goes to stderr.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

wsgi_app = "server.config.wsgi:application"
_default_bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
bind = os.environ.get("GUNICORN_BIND") or _default_bind
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# gthread, not gunicorn's default sync worker: threads overlap one request's waits on PostgreSQL and Redis
# with another's work, and connections are kept alive. In make bench's serving rows (bench/README.md,
# "Serving models") it served 1.3-1.8x the requests of sync on the same CPU, behind nginx too; ASGI fewer.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# SIGTERM is graceful: the master stops accepting and each worker finishes the request it holds, for up to
# this long (a rolling restart takes the instance out of the proxy's rotation first; docs/operations.md).
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then (jittered, so they do not all restart at once): bounds any slow leak.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "1000"))
# Trust X-Forwarded-* only from these addresses (the reverse proxy in front; "*" behind a private network).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# Headers, paths and lines stay within sane bounds (gunicorn answers 400 itself beyond them).
limit_request_line = 8190
limit_request_fields = 100


def on_starting(server: Any) -> None:
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        # Samples of a previous run would be added to this one's.
        shutil.rmtree(directory, ignore_errors=True)
        Path(directory).mkdir(parents=True, exist_ok=True)


def post_worker_init(worker: Any) -> None:
    # What start-up built (Django, the URLconf, the contract and its compiled validators) lives as long as the
    # worker. Frozen, the cyclic GC stops walking those ~140,000 objects on every full collection (~70 ms on
    # the bench machine, a pause every few hundred requests that showed in p99).
    import gc

    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (imported now, not on the first request, so it is frozen too)
    gc.freeze()


def child_exit(server: Any, worker: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
