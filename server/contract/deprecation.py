"""Deprecation headers from the contract (issue 16 point 4; docs/evolution.md, "Deprecation").

An operation or a parameter marked `deprecated: true` carries two dates as extensions, each an RFC 3339 date
or date-time (a date alone is its first instant, 00:00 UTC):

* `x-deprecated-at` (required with `deprecated: true`): when it was deprecated. Sent as
  `Deprecation: @<unix seconds>` (RFC 9745: a structured-field Date; the header has no "true" form, so the
  contract must say when, and the server refuses to start on a deprecated operation or parameter without it);
* `x-sunset` (optional here, required by `contract lint`): when it may be removed. Sent as
  `Sunset: <HTTP-date>` (RFC 8594).

A deprecated **operation** gets both headers on every response it answers, errors (problem+json) included,
and `Link: <url>; rel="deprecation"; type="text/html"` when it has `externalDocs` (the migration guide).
A deprecated **parameter** gets them only on responses to requests that send it (a query parameter present
in the query string, a header or cookie present); the client that does not use it is not bothered. When
several apply (a deprecated operation called with a deprecated parameter), the earliest deprecation and
the earliest sunset are sent: the first date the client must act on.

The contract declares the headers (`components.headers.Deprecation`, `Sunset`, `Link`) on every response of
such an operation (`contract lint`: deprecation-headers-undeclared), so response validation and the
conformance checks accept them. Requests refused before the view (413 by the body-size middleware, an
unknown path) carry none: no operation was reached.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.http import http_date

from codegen.dates import parse_instant

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponseBase

    from .spec import Operation, Parameter

DEPRECATED_AT = "x-deprecated-at"
SUNSET = "x-sunset"

# The schemas of the response headers as the contract declares them (`components.headers`; the drift check
# compares server/contract/spectacular.py's description, which uses these, with the contract).
_DAY = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
HEADER_SCHEMAS: dict[str, dict[str, Any]] = {
    "Deprecation": {"type": "string", "pattern": "^@-?[0-9]{1,15}$"},
    "Sunset": {
        "type": "string",
        "pattern": f"^{_DAY}, [0-9]{{2}} {_MONTH} [0-9]{{4}} [0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}} GMT$",
    },
    "Link": {"type": "string", "pattern": '^<[^>]+>; rel="deprecation"'},
}


@dataclass(frozen=True)
class Deprecation:
    deprecated_at: dt.datetime
    sunset: dt.datetime | None = None
    link: str | None = None  # the operation's externalDocs.url


def deprecation_of(node: dict[str, Any]) -> Deprecation | None:
    """The deprecation of an operation or a parameter object, None when it is not deprecated. ValueError
    names what is wrong with its dates."""
    if node.get("deprecated") is not True:
        return None
    deprecated_at = parse_instant(node.get(DEPRECATED_AT))
    if deprecated_at is None:
        raise ValueError(
            f"deprecated: true needs {DEPRECATED_AT}, an RFC 3339 date or date-time (the Deprecation "
            f"header's date), not {node.get(DEPRECATED_AT)!r}"
        )
    sunset = None
    if SUNSET in node:
        sunset = parse_instant(node[SUNSET])
        if sunset is None:
            raise ValueError(f"{SUNSET} must be an RFC 3339 date or date-time, not {node[SUNSET]!r}")
        if sunset < deprecated_at:
            raise ValueError(f"{SUNSET} {node[SUNSET]} is before {DEPRECATED_AT} {node[DEPRECATED_AT]}")
    docs = node.get("externalDocs")
    link = docs.get("url") if isinstance(docs, dict) and isinstance(docs.get("url"), str) else None
    return Deprecation(deprecated_at, sunset, link)


def _sent(parameter: Parameter, request: HttpRequest) -> bool:
    if parameter.location == "query":
        return parameter.name in request.GET
    if parameter.location == "header":
        return parameter.name in request.headers
    if parameter.location == "cookie":
        return parameter.name in request.COOKIES
    return True  # a path parameter is always sent


def in_effect(operation: Operation, request: HttpRequest) -> list[Deprecation]:
    """What the request uses that is deprecated: the operation, and each deprecated parameter it sends."""
    found = [] if operation.deprecation is None else [operation.deprecation]
    for parameter in operation.deprecated_parameters:
        if parameter.deprecation is not None and _sent(parameter, request):
            found.append(parameter.deprecation)
    return found


def apply(operation: Operation, request: HttpRequest, response: HttpResponseBase) -> None:
    """Set `Deprecation`, `Sunset` and `Link` on the response when the request uses something deprecated."""
    if operation.deprecation is None and not operation.deprecated_parameters:
        return  # the hot path: two attribute reads
    notices = in_effect(operation, request)
    if not notices:
        return
    response["Deprecation"] = f"@{int(min(n.deprecated_at for n in notices).timestamp())}"
    sunsets = [n.sunset for n in notices if n.sunset is not None]
    if sunsets:
        response["Sunset"] = http_date(min(sunsets).timestamp())
    if operation.deprecation is not None and operation.deprecation.link:
        response["Link"] = f'<{operation.deprecation.link}>; rel="deprecation"; type="text/html"'
