"""Structured logs: structlog, rendered as one JSON object per line (LOG_FORMAT=console for development).

Every record - structlog's and the standard library's (Django, gunicorn's error log, `logging.getLogger`) -
goes through the same formatter, so each line carries the timestamp, level, logger and, while a request is
being served, its `request_id` (bound in contextvars by server.common.observability).
"""

from __future__ import annotations

from typing import Any

import orjson
import structlog

SHARED_PROCESSORS: list[Any] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True, key="ts"),
]


def _orjson_dumps(event: Any, **kwargs: Any) -> str:
    return orjson.dumps(event, default=str).decode()


def renderer(log_format: str) -> Any:
    if log_format == "console":
        return structlog.dev.ConsoleRenderer(colors=False)
    return structlog.processors.JSONRenderer(serializer=_orjson_dumps)


def formatter(log_format: str = "json") -> structlog.stdlib.ProcessorFormatter:
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=SHARED_PROCESSORS,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            renderer(log_format),
        ],
    )


def configure(*, level: str = "INFO", log_format: str = "json") -> dict[str, Any]:
    """Configure structlog and return the LOGGING dict for Django's settings."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *SHARED_PROCESSORS,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"structured": {"()": formatter, "log_format": log_format}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.request": {"level": "ERROR"},
            # runserver's own access lines: the access log below has one line per request already.
            "django.server": {"level": "WARNING"},
            "server.access": {"level": "INFO"},
        },
    }
