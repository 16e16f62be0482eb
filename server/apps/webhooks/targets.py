"""Which URLs a webhook may target: the SSRF guard.

Checked when a subscription is created or changed, and again before every attempt (DNS may have changed since:
a host that resolved to a public address may now resolve to 127.0.0.1). Refused: plain http (unless
WEBHOOKS_ALLOW_HTTP), port 0, and any address that is private, loopback, link-local, multicast, reserved,
unspecified or otherwise not globally routable - of an IP literal, or of any address the host name resolves
to - unless WEBHOOKS_ALLOW_PRIVATE, or the host is listed in WEBHOOKS_ALLOWED_HOSTS. An IPv6 address that
carries an IPv4 address (IPv4-mapped or -compatible, 6to4, Teredo, NAT64) is judged by that IPv4 address too:
`[2002:7f00:1::]` reaches 127.0.0.1 through any 6to4 relay.

An attempt resolves the host once (`target_addresses`) and connects to an address that passed the check: the
HTTP client never resolves the name again, so a DNS answer that changes between the check and the connection
(DNS rebinding) cannot steer the request to an internal address.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings

from server.common.errors import Unprocessable


class TargetRefused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def as_problem(self) -> Unprocessable:
        return Unprocessable(
            code=self.code,
            detail=f"The webhook URL is refused: {self.message}",
            errors=[{"pointer": "/url", "code": self.code, "message": self.message}],
        )


# NAT64 (RFC 6052, RFC 8215) and IPv4-compatible (RFC 4291, deprecated) addresses: the IPv4 address is the
# last 32 bits. ipaddress has properties for the mapped, 6to4 and Teredo forms only.
_LAST_32_BITS = (
    ipaddress.IPv6Network("64:ff9b::/96"),
    ipaddress.IPv6Network("64:ff9b:1::/48"),
    ipaddress.IPv6Network("::/96"),
)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (and may be routed to), in any of the standard forms."""
    embedded: list[ipaddress.IPv4Address] = []
    if address.sixtofour is not None:
        embedded.append(address.sixtofour)
    if address.teredo is not None:
        embedded.extend(address.teredo)  # (server, client): the client is where packets go
    if any(address in network for network in _LAST_32_BITS):
        embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return embedded


def _kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """What makes `address` an internal target, or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return _kind(address.ipv4_mapped)  # the socket connects to the IPv4 address itself
    kind = _own_kind(address)
    if kind is None and isinstance(address, ipaddress.IPv6Address):
        for ipv4 in _embedded_ipv4(address):
            embedded = _kind(ipv4)
            if embedded is not None:
                return f"an IPv6 address carrying {embedded} ({ipv4})"
    return kind


def _own_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    for attribute, kind in (
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_unspecified", "an unspecified address"),
        ("is_reserved", "a reserved address"),
        ("is_private", "a private address"),
    ):
        if getattr(address, attribute):
            return kind
    if not address.is_global:
        return "not a globally routable address"
    return None


def _resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError):
        raise TargetRefused("webhook_url_unresolvable", f"{host} does not resolve.") from None
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def target_check(url: str) -> list[str]:
    """Raise TargetRefused, or return the addresses to connect to (empty: let the HTTP client resolve)."""
    try:
        parts = urlsplit(url)
        port = parts.port or _default_port(parts.scheme)
    except ValueError:
        raise TargetRefused("webhook_url_not_allowed", "The URL cannot be parsed.") from None
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    if scheme not in ("https", "http") or not host:
        raise TargetRefused("webhook_url_not_allowed", "The URL must be http(s) with a host.")
    if parts.username or parts.password:
        raise TargetRefused("webhook_url_not_allowed", "The URL must not carry credentials.")
    if parts.port == 0:  # `parts.port or default` would silently turn it into 443 or 80
        raise TargetRefused("webhook_url_not_allowed", "The URL's port must be 1 to 65535.")
    if scheme == "http" and not settings.WEBHOOKS_ALLOW_HTTP:
        raise TargetRefused("webhook_url_insecure", "The URL must use https.")
    allowed = {h.lower().strip("[]") for h in settings.WEBHOOKS_ALLOWED_HOSTS}
    if settings.WEBHOOKS_ALLOW_PRIVATE or host.lower() in allowed:
        return []
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        addresses = _resolve(host, port)
    for address in addresses:
        kind = _kind(address)
        if kind is not None:
            shown = host if str(address) == host else f"{host} ({address})"
            raise TargetRefused("webhook_url_not_allowed", f"{shown} is {kind}.")
    return list(dict.fromkeys(str(a) for a in addresses))


def target_addresses(url: str) -> list[str]:
    """The addresses one delivery attempt may connect to, in resolver order: those `target_check` passed, or
    for a host exempt from the check (WEBHOOKS_ALLOWED_HOSTS, WEBHOOKS_ALLOW_PRIVATE) its addresses. The host
    is resolved once; the attempt connects to these addresses only (see delivery._post). Raises
    TargetRefused."""
    addresses = target_check(url)
    if addresses:
        return addresses
    parts = urlsplit(url)  # target_check parsed it: valid, with a host
    host = parts.hostname or ""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        return list(dict.fromkeys(str(a) for a in _resolve(host, parts.port or _default_port(parts.scheme))))


def _default_port(scheme: str) -> int:
    return 443 if scheme.lower() == "https" else 80
