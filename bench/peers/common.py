"""What every peer shares with our server, written once: the JWT, the rate-limit counter, the cursor.

Kept free of Django, so the FastAPI peers import nothing of it. The values mirror the bench's settings
(bench/settings.py): the same secret signs the tokens and the cursors, the same Redis database and key hold
the counter, the same rate applies.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import jwt

from bench import defaults

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", defaults.SECRET_KEY)
REDIS_URL = os.environ.get("REDIS_URL", defaults.REDIS_URL)
# The key our throttle counts under (django-redis: KEY_PREFIX:version:key), so peers and ours share it.
_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "contractfirst")
PAGE_SIZE = 20
EDITOR_ROLES = frozenset({"owner", "maintainer"})
TASK_COLUMNS = (
    "id",
    "project_id",
    "title",
    "description",
    "status",
    "priority",
    "assignee_id",
    "created_by_id",
    "due_date",
    "created_at",
    "updated_at",
)

# The same script as server/common/throttling.py: INCR, then PEXPIRE on a window's first hit.
WINDOW_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
"""
_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class Unauthorized(Exception):
    pass


def user_id_from(authorization: str | None) -> int:
    """The caller's id from `Authorization: Bearer <simplejwt access token>`; Unauthorized otherwise."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme != "Bearer" or not token:
        raise Unauthorized("Authentication credentials were not provided.")
    try:
        claims = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])
    except jwt.PyJWTError:
        raise Unauthorized("Given token not valid for any token type.") from None
    user_id = str(claims.get("user_id", ""))
    if claims.get("token_type") != "access" or not user_id.isdigit():
        raise Unauthorized("Given token not valid for any token type.")
    return int(user_id)


@dataclass(frozen=True)
class Rate:
    limit: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:  # DRF's format: "1200/min"
        count, _, period = text.partition("/")
        return cls(int(count), _PERIODS[period[0]])


RATE = Rate.parse(os.environ.get("THROTTLE_RATE_USER", defaults.THROTTLE_RATE))


def rate_limit_key(user_id: int) -> str:
    return f"{_KEY_PREFIX}:1:ratelimit:user:{user_id}"


def rate_limit_headers(count: int, ttl_ms: int) -> dict[str, str]:
    return {
        "RateLimit-Limit": str(RATE.limit),
        "RateLimit-Remaining": str(max(0, RATE.limit - count)),
        "RateLimit-Reset": str(max(1, math.ceil(ttl_ms / 1000))),
    }


# --- the list cursor, as django.core.signing.Signer(salt=...).sign_object writes it -----------------------

_CURSOR_SALT = "server.common.pagination.cursor"
_SIGNING_KEY = hashlib.sha256((_CURSOR_SALT + "signer" + SECRET_KEY).encode()).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def signed_cursor(payload: dict[str, Any]) -> str:
    value = _b64(json.dumps(payload, separators=(",", ":")).encode("latin-1"))
    signature = _b64(hmac.new(_SIGNING_KEY, value.encode(), hashlib.sha256).digest())
    return f"{value}:{signature}"


def next_link(url: str, last: dict[str, Any], path: str) -> str:
    """The first page's `next` link, as server/common/pagination.py builds it (DRF's replace_query_param)."""
    token = signed_cursor(
        {"v": last["created_at"].isoformat(), "id": last["id"], "b": False, "o": "-created_at", "p": path}
    )
    scheme, netloc, link_path, query, fragment = urlsplit(url)
    params = parse_qs(query, keep_blank_values=True)
    params["cursor"] = [token]
    return urlunsplit((scheme, netloc, link_path, urlencode(sorted(params.items()), doseq=True), fragment))
