"""HTTP caching as the contract declares it, per operation and response status.

* `ETag` (server.common.conditional.etag_of) on every response whose contract declares an `ETag` header.
* `If-None-Match` on a GET whose 200 carries an `ETag` -> 304 with no body (weak comparison, RFC 9110 13.1.2).
* `Cache-Control` and `Vary`: the value of a declared `Cache-Control` header is the `const` of its schema in
  the contract; a declared `Vary` gets the credentials headers (`Authorization`, `X-API-Key`).

(`If-Match` on writes is the services' business: server.common.conditional.)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from rest_framework.request import Request
from rest_framework.response import Response

from server.common.conditional import VARY_ON, etag_of

from .spec import Contract, Operation, get_contract, resolve


@dataclass(frozen=True)
class DeclaredHeaders:
    etag: bool
    cache_control: str | None
    vary: bool


def declared_headers(operation: Operation) -> dict[str, DeclaredHeaders]:
    """status -> the caching headers the contract declares on that response of `operation`."""
    return _declared_headers(get_contract(), operation.path, operation.method)


@functools.cache
def _declared_headers(contract: Contract, path: str, method: str) -> dict[str, DeclaredHeaders]:
    document = contract.document
    raw_operation = document["paths"][path][method]
    declared: dict[str, DeclaredHeaders] = {}
    for status, raw_response in (raw_operation.get("responses") or {}).items():
        headers = resolve(document, raw_response).get("headers") or {}
        names = {name.lower(): name for name in headers}
        cache_control = None
        if "cache-control" in names:
            header = resolve(document, headers[names["cache-control"]])
            cache_control = resolve(document, header.get("schema", {})).get("const")
        declared[str(status)] = DeclaredHeaders(
            etag="etag" in names, cache_control=cache_control, vary="vary" in names
        )
    return declared


def apply(operation: Operation, request: Request, response: Response) -> Response:
    """Set the caching headers the contract declares for this response; answer 304 to a matching
    `If-None-Match`. Called on every response of a contract operation, before it is validated."""
    declared = declared_headers(operation).get(str(response.status_code))
    if declared is None:
        return response
    if declared.cache_control and not response.has_header("Cache-Control"):
        response["Cache-Control"] = declared.cache_control
    if declared.vary:
        patch_vary_headers(response, VARY_ON)
    if declared.etag and not response.has_header("ETag") and response.data is not None:
        response["ETag"] = etag_of(response.data)
    if request.method == "GET" and response.status_code == 200 and response.has_header("ETag"):
        header = request.headers.get("If-None-Match")
        if header is not None and _none_match_fails(parse_etags(header), response["ETag"]):
            response.status_code = 304
            response.data = None  # rendered empty; DRF then drops Content-Type
    return response


def _none_match_fails(tags: list[str], etag: str) -> bool:
    """Weak comparison: W/"x" and "x" match."""
    if tags == ["*"]:
        return True
    bare = etag.removeprefix("W/")
    return any(tag.removeprefix("W/") == bare for tag in tags)
