"""Conditional requests and caching, for the drift check's view of the code (server.contract.spectacular).

Derived, not declared per handler: server.contract.caching.apply() sets the `ETag`, `Cache-Control` and
`Vary` the contract declares on each status and answers 304 to a GET whose 200 carries an `ETag`, so what
the code can get wrong on its own is the values it computes - the entity tag (`etag_of`), the `Vary` list
(`VARY_ON`) and the entity-tag lists it parses - and whether a handler checks `If-Match` (412).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter

from server.common.conditional import VARY_ON

from .caching import declared_headers
from .spec import Operation

# An entity-tag list (RFC 9110 8.8.3), or `*`: what django.utils.http.parse_etags() understands.
ENTITY_TAGS = {"type": "string", "maxLength": 1024, "pattern": '^(\\*|(W/)?"[!#-~]*"( *, *(W/)?"[!#-~]*")*)$'}
# server.common.conditional.etag_of(): a 128-bit BLAKE2b hash, hex, quoted.
ETAG = {"type": "string", "pattern": '^"[0-9a-f]{32}"$'}
IF_MATCH = OpenApiParameter("If-Match", ENTITY_TAGS, OpenApiParameter.HEADER)
IF_NONE_MATCH = OpenApiParameter("If-None-Match", ENTITY_TAGS, OpenApiParameter.HEADER)


def answers_not_modified(operation: Operation) -> bool:
    """caching.apply(): a GET whose 200 carries an `ETag` answers 304 to a matching `If-None-Match`."""
    declared = declared_headers(operation).get("200")
    return operation.method == "get" and declared is not None and declared.etag


def caching_headers(operation: Operation) -> list[OpenApiParameter]:
    """The response headers caching.apply() sets, per status, with the values the code computes."""
    headers = []
    for status, declared in declared_headers(operation).items():
        if declared.cache_control:
            headers.append(
                _header("Cache-Control", {"type": "string", "const": declared.cache_control}, status)
            )
        if declared.vary:
            headers.append(_header("Vary", {"type": "string", "pattern": ", ".join(VARY_ON)}, status))
        if declared.etag:
            headers.append(_header("ETag", ETAG, status))
    return headers


def _header(name: str, schema: dict[str, Any], status: str) -> OpenApiParameter:
    return OpenApiParameter(name, schema, OpenApiParameter.HEADER, required=True, response=[int(status)])
