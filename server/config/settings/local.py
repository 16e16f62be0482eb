"""Development: `make run` on the embedded defaults (SQLite, local-memory cache)."""

from .base import *  # noqa: F403

DEBUG = True

WEBHOOKS_ALLOW_HTTP = env.bool("WEBHOOKS_ALLOW_HTTP", default=True)  # noqa: F405
# The README tour's receiver runs on this machine: development allows loopback targets explicitly.
WEBHOOKS_ALLOWED_HOSTS = env.list("WEBHOOKS_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])  # noqa: F405
