"""Rate limits as atomic fixed-window counters in the cache, with IETF `RateLimit-*` headers.

DRF's throttles keep a list of timestamps per client, read and written back (get + set): two server processes
sharing Redis can both read the same list and lose each other's request, so the combined count is not
enforced under concurrency. These throttles keep DRF's scopes, rates and client identification
(`AnonRateThrottle`, `UserRateThrottle`, `ScopedRateThrottle`) and replace the bookkeeping with one counter
per client and scope: the first request opens a window of the rate's duration, every request increments the
counter atomically (one Lua script, one round trip on Redis; add + incr on other cache backends), and the
window ends when the counter expires.

Each throttle records its state on the request; `rate_limit_headers()` turns the tightest one into
`RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (draft-ietf-httpapi-ratelimit-headers: the
quota, what is left of it, and the seconds until it resets).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from django.core.cache import caches
from django.http import HttpRequest
from rest_framework import throttling as drf

# INCR, and on the first hit of a window PEXPIRE; returns the count and the milliseconds left in the window.
_WINDOW_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
"""

_REQUEST_ATTRIBUTE = "rate_limits"


@dataclass(frozen=True, slots=True)
class RateLimit:
    limit: int
    remaining: int
    reset: int  # seconds until the window ends (at least 1)
    allowed: bool


def _hit_redis(backend: Any, key: str, duration: int) -> tuple[int, float]:
    client = backend.client.get_client(write=True)
    script = _scripts.get(id(client))
    if script is None:
        script = _scripts[id(client)] = client.register_script(_WINDOW_SCRIPT)
    count, ttl_ms = script(keys=[backend.make_key(key)], args=[duration * 1000])
    return int(count), int(ttl_ms) / 1000


_scripts: dict[int, Any] = {}


def _hit_generic(backend: Any, key: str, duration: int, now: float) -> tuple[int, float]:
    start_key = f"{key}:start"
    for _ in range(3):
        if backend.add(key, 0, duration):
            backend.set(start_key, now, duration)
        try:
            count = int(backend.incr(key))
        except ValueError:  # the window expired between add and incr: open a new one
            continue
        start = backend.get(start_key, now)
        return count, max(0.0, start + duration - now)
    raise RuntimeError(f"could not count a request against {key}")


def _is_django_redis(backend: Any) -> bool:
    return type(backend).__module__.startswith("django_redis")


class CounterThrottleMixin(drf.SimpleRateThrottle):
    """SimpleRateThrottle's allow_request/wait on an atomic fixed-window counter (see the module doc)."""

    cache_format = "ratelimit:%(scope)s:%(ident)s"

    def allow_request(self, request: Any, view: Any) -> bool:
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        limit, duration = int(getattr(self, "num_requests", 0) or 0), int(getattr(self, "duration", 1) or 1)
        backend = caches["default"]
        if _is_django_redis(backend):
            count, left = _hit_redis(backend, key, duration)
        else:
            count, left = _hit_generic(backend, key, duration, time.time())
        state = RateLimit(
            limit=limit,
            remaining=max(0, limit - count),
            reset=max(1, math.ceil(left)),
            allowed=count <= limit,
        )
        self._state = state
        django_request: HttpRequest = getattr(request, "_request", request)
        recorded: list[RateLimit] | None = getattr(django_request, _REQUEST_ATTRIBUTE, None)
        if recorded is None:
            setattr(django_request, _REQUEST_ATTRIBUTE, [state])
        else:
            recorded.append(state)
        return state.allowed

    def wait(self) -> float | None:
        state: RateLimit | None = getattr(self, "_state", None)
        return None if state is None else float(state.reset)


class AnonRateThrottle(drf.AnonRateThrottle, CounterThrottleMixin):
    """Anonymous calls, per client address (DRF's ident: REMOTE_ADDR, or X-Forwarded-For per NUM_PROXIES)."""


class UserRateThrottle(drf.UserRateThrottle, CounterThrottleMixin):
    """Authenticated calls, per user (anonymous ones per client address)."""


class ScopedRateThrottle(drf.ScopedRateThrottle, CounterThrottleMixin):
    """The operation's `x-throttle-scope` (stricter rates on the token and registration endpoints)."""


def rate_limit_headers(request: HttpRequest) -> dict[str, str]:
    """The tightest policy the request was counted against: a refused one (the longest wait, as DRF's
    Retry-After), else the one with the least left."""
    recorded: list[RateLimit] | None = getattr(request, _REQUEST_ATTRIBUTE, None)
    if not recorded:
        return {}
    refused = [state for state in recorded if not state.allowed]
    if refused:
        state = max(refused, key=lambda s: s.reset)
    else:
        state = min(recorded, key=lambda s: (s.remaining, -s.reset))
    return {
        "RateLimit-Limit": str(state.limit),
        "RateLimit-Remaining": str(state.remaining),
        "RateLimit-Reset": str(state.reset),
    }
