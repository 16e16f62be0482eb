"""Forwarded headers are believed from one hop only: the reverse proxy in front (`TRUSTED_PROXIES`).

nginx replaces whatever `X-Forwarded-For` / `-Proto` / `-Host` a client sent with what it saw itself. A
request that reaches an instance some other way (a misrouted port, another host on the network) could carry
made-up ones, choosing the address the throttles count it under or claiming HTTPS. So these headers are
dropped unless the connection comes from a trusted proxy; behind one, DRF reads the client's address from
`X-Forwarded-For` (`THROTTLE_NUM_PROXIES` hops) and Django the scheme from `X-Forwarded-Proto`
(`SECURE_PROXY_SSL_HEADER`).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase

FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_FORWARDED",
)

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in trusted)


def is_trusted_proxy(address: str) -> bool:
    return _is_trusted(address, tuple(settings.TRUSTED_PROXIES))


@lru_cache(maxsize=256)
def _is_trusted(address: str, trusted: tuple[str, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(trusted))


class ForwardedHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        meta = request.META
        if any(name in meta for name in FORWARDED_HEADERS) and not is_trusted_proxy(
            meta.get("REMOTE_ADDR", "")
        ):
            for name in FORWARDED_HEADERS:
                meta.pop(name, None)
        return self.get_response(request)
