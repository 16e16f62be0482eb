"""How the views describe conditional requests and caching to drf-spectacular (drift check).

What each piece derives from: server.contract.caching.apply() sets `ETag`, `Cache-Control` and `Vary` and
answers 304; server.common.conditional's `if_match()` / `lock_and_check()` answer 412. (Idempotency is the
idempotency app's to describe: server.apps.idempotency.schema.)
"""

from __future__ import annotations

from typing import Any, Literal

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from server.common.conditional import CACHE_NO_STORE, CACHE_PRIVATE

from .spectacular import problems

# An entity-tag list (RFC 9110 8.8.3), or `*`: what django.utils.http.parse_etags() understands.
ENTITY_TAGS = {"type": "string", "maxLength": 1024, "pattern": '^(\\*|(W/)?"[!#-~]*"( *, *(W/)?"[!#-~]*")*)$'}
# server.common.conditional.etag_of(): a 128-bit BLAKE2b hash, hex, quoted.
ETAG = {"type": "string", "pattern": '^"[0-9a-f]{32}"$'}
IF_MATCH = OpenApiParameter("If-Match", ENTITY_TAGS, OpenApiParameter.HEADER)
IF_NONE_MATCH = OpenApiParameter("If-None-Match", ENTITY_TAGS, OpenApiParameter.HEADER)


def _header(
    name: str, schema: dict[str, Any], statuses: list[int], *, required: bool = True
) -> OpenApiParameter:
    return OpenApiParameter(name, schema, OpenApiParameter.HEADER, required=required, response=statuses)


def caching(
    *statuses: int,
    cache: Literal["private", "no-store"] = "private",
    vary: bool = True,
    etag: bool = False,
) -> list[OpenApiParameter]:
    """The response headers caching.apply() sets on `statuses`."""
    codes = list(statuses)
    value = CACHE_PRIVATE if cache == "private" else CACHE_NO_STORE
    headers = [_header("Cache-Control", {"type": "string", "const": value}, codes)]
    if vary:
        headers.append(_header("Vary", {"type": "string", "pattern": "Authorization, X-API-Key"}, codes))
    if etag:
        headers.append(_header("ETag", ETAG, codes))
    return headers


def conditional_get() -> tuple[dict[Any, Any], list[OpenApiParameter]]:
    """A single-resource GET: `If-None-Match`, and a 304 with the 200's validators."""
    return {304: OpenApiResponse(description="Not modified.")}, [IF_NONE_MATCH, *caching(200, 304, etag=True)]


def conditional_write() -> tuple[dict[Any, Any], list[OpenApiParameter]]:
    """A PUT/PATCH/DELETE: `If-Match`, and 412 when it does not match."""
    return problems(412), [IF_MATCH]
