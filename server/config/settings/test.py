"""Tests: fast hashing, strict contract checks, throttling relaxed except where a test tightens it."""

from .base import *  # noqa: F403
from .base import REST_FRAMEWORK

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CONTRACT_RESPONSE_VALIDATION = "strict"
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        "anon": "10000/min",
        "user": "10000/min",
        "register": "10000/min",
        "auth": "10000/min",
    },
}
