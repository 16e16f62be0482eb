"""X-Forwarded-* are believed from TRUSTED_PROXIES only (server.common.proxies): from anyone else they are
dropped, so a client cannot pick the address the throttles count it under, nor claim HTTPS."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings
from rest_framework.request import Request

from server.common.proxies import ForwardedHeadersMiddleware
from server.common.throttling import AnonRateThrottle

FORWARDED = {
    "HTTP_X_FORWARDED_FOR": "198.51.100.7",
    "HTTP_X_FORWARDED_PROTO": "https",
    "HTTP_X_FORWARDED_HOST": "evil.example",
    "HTTP_FORWARDED": "for=198.51.100.7",
}


def _through_middleware(remote_addr: str) -> HttpRequest:
    seen: list[HttpRequest] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(request)
        return HttpResponse()

    request = RequestFactory().get("/health/live", REMOTE_ADDR=remote_addr)
    request.META.update(FORWARDED)
    ForwardedHeadersMiddleware(view)(request)
    return seen[0]


@override_settings(
    TRUSTED_PROXIES=["127.0.0.1", "10.0.0.0/8"],
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    REST_FRAMEWORK={"NUM_PROXIES": 1},
)
def test_forwarded_headers_from_a_trusted_proxy_are_kept() -> None:
    for proxy in ("127.0.0.1", "10.1.2.3"):
        request = _through_middleware(proxy)
        for name in FORWARDED:
            assert request.META[name] == FORWARDED[name]
        assert request.is_secure()
        assert AnonRateThrottle().get_ident(Request(request)) == "198.51.100.7"


@override_settings(
    TRUSTED_PROXIES=["127.0.0.1", "10.0.0.0/8"],
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    REST_FRAMEWORK={"NUM_PROXIES": 1},
)
def test_forwarded_headers_from_anyone_else_are_dropped() -> None:
    for client in ("203.0.113.9", "11.0.0.1", "::1", "not-an-address"):
        request = _through_middleware(client)
        assert not set(FORWARDED) & set(request.META), client
        assert not request.is_secure()
        assert AnonRateThrottle().get_ident(Request(request)) == client
