"""Development: `make run` on the embedded defaults (SQLite, local-memory cache)."""

from .base import *  # noqa: F403

DEBUG = True
