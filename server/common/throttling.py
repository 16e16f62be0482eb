"""Rate limits as atomic fixed-window counters in the cache, with IETF `RateLimit-*` headers.

DRF's throttles keep a list of timestamps per client, read and written back (get + set): two server processes
sharing Redis can both read the same list and lose each other's request, so the combined count is not
enforced under concurrency. These throttles keep DRF's scopes, rates and client identification
(`AnonRateThrottle`, `UserRateThrottle`, `ScopedRateThrottle`) and replace the bookkeeping with one counter
per client and scope: the first request opens a window of the rate's duration, every request increments the
counter atomically (one Lua script, one round trip on Redis; add + incr on other cache backends), and the
window ends when the counter expires.

`FailureBudget` counts failed attempts (bad credentials) on the same counters: per client address for API
keys and tokens, per account for passwords. Only failures are counted, so a client that authenticates costs
nothing more; one that keeps failing gets 429 instead of 401 until its window ends.

Each throttle records its state on the request; `rate_limit_headers()` turns the tightest one into
`RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (draft-ietf-httpapi-ratelimit-headers: the
quota, what is left of it, and the seconds until it resets).
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass
from typing import Any

from django.core.cache import caches
from django.http import HttpRequest
from rest_framework import throttling as drf
from rest_framework.exceptions import Throttled
from rest_framework.settings import api_settings

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


def _hit(key: str, duration: int) -> tuple[int, float]:
    """Count one hit against `key`: the count in the window, and the seconds left in it."""
    backend = caches["default"]
    if _is_django_redis(backend):
        return _hit_redis(backend, key, duration)
    return _hit_generic(backend, key, duration, time.time())


def _peek(key: str, duration: int) -> tuple[int, float]:
    """The count against `key` and the seconds left in its window, without counting."""
    backend: Any = caches["default"]
    if _is_django_redis(backend):
        pipeline = backend.client.get_client(write=False).pipeline(transaction=False)
        real_key = backend.make_key(key)
        count, ttl_ms = pipeline.get(real_key).pttl(real_key).execute()
        return int(count or 0), max(0, int(ttl_ms)) / 1000
    count = backend.get(key, 0)
    start = backend.get(f"{key}:start", time.time())
    return int(count), max(0.0, start + duration - time.time())


def _record(request: Any, state: RateLimit) -> None:
    django_request: HttpRequest = getattr(request, "_request", request)
    recorded: list[RateLimit] | None = getattr(django_request, _REQUEST_ATTRIBUTE, None)
    if recorded is None:
        setattr(django_request, _REQUEST_ATTRIBUTE, [state])
    else:
        recorded.append(state)


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
        count, left = _hit(key, duration)
        state = RateLimit(
            limit=limit,
            remaining=max(0, limit - count),
            reset=max(1, math.ceil(left)),
            allowed=count <= limit,
        )
        self._state = state
        _record(request, state)
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


class FailureBudget:
    """Failed attempts of one kind (the `scope`, its rate in DEFAULT_THROTTLE_RATES), counted per key (a
    client address, an account) in fixed windows. Past the budget, `Throttled` (429 with Retry-After and
    RateLimit-* headers) until the window ends. A scope without a rate counts nothing."""

    def __init__(self, scope: str) -> None:
        self.scope = scope

    def _rate(self) -> tuple[int, int] | None:
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
        if rate is None:
            return None
        limit, duration = drf.SimpleRateThrottle.parse_rate(None, rate)  # type: ignore[arg-type]
        return (int(limit or 0), int(duration or 1)) if limit is not None else None

    def _key(self, ident: str) -> str:
        # Hashed: an account name is any text (cache keys must not be), and stays out of the cache.
        return f"ratelimit:{self.scope}:{hashlib.sha256(ident.encode()).hexdigest()[:32]}"

    def _refuse(self, request: Any, limit: int, left: float) -> Throttled:
        state = RateLimit(limit=limit, remaining=0, reset=max(1, math.ceil(left)), allowed=False)
        _record(request, state)
        return Throttled(wait=state.reset)

    def check(self, request: Any, ident: str) -> None:
        """Raise Throttled when `ident` has spent its budget for this window (counts nothing)."""
        rate = self._rate()
        if rate is None:
            return
        limit, duration = rate
        count, left = _peek(self._key(ident), duration)
        if count >= limit:
            raise self._refuse(request, limit, left)

    def fail(self, request: Any, ident: str) -> None:
        """Count one failure of `ident`; raise Throttled when it is beyond the budget."""
        rate = self._rate()
        if rate is None:
            return
        limit, duration = rate
        count, left = _hit(self._key(ident), duration)
        if count > limit:
            raise self._refuse(request, limit, left)


def client_address(request: Any) -> str:
    """The client's address as the throttles tell anonymous clients apart (NUM_PROXIES, REMOTE_ADDR)."""
    return str(drf.BaseThrottle().get_ident(request))


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
