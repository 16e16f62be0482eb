"""What both FastAPI peers share: the app's dependencies for the caller and the rate limit, and errors."""

from __future__ import annotations

import os
from typing import Annotated

import redis.asyncio as redis
from fastapi import Depends, Header, HTTPException, Request, Response
from fastapi.responses import JSONResponse

from . import common

# postgres://... (the bench's DATABASE_URL) as SQLAlchemy's asyncpg URL.
DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench").replace(
    "postgres://", "postgresql+asyncpg://", 1
)
POOL_SIZE = int(os.environ.get("PEER_POOL_SIZE") or 10)
_redis = redis.Redis.from_url(common.REDIS_URL)
_window = _redis.register_script(common.WINDOW_SCRIPT)


def problem(status: int, detail: str) -> HTTPException:
    return HTTPException(status_code=status, detail=detail)


async def rate_limited_caller(
    response: Response, authorization: Annotated[str | None, Header()] = None
) -> int:
    """The caller's user id (401 without a valid token), counted against the per-user rate (429 beyond it);
    the RateLimit-* headers go on the response either way."""
    try:
        user_id = common.user_id_from(authorization)
    except common.Unauthorized as exc:
        raise problem(401, str(exc)) from None
    count, ttl_ms = await _window(keys=[common.rate_limit_key(user_id)], args=[common.RATE.seconds * 1000])
    headers = common.rate_limit_headers(int(count), int(ttl_ms))
    if int(count) > common.RATE.limit:
        raise HTTPException(status_code=429, detail="Request was throttled.", headers=headers)
    response.headers.update(headers)
    return user_id


Caller = Annotated[int, Depends(rate_limited_caller)]


def next_link(request: Request, rows: list[dict[str, object]], more: bool) -> str | None:
    if not more or not rows:
        return None
    return common.next_link(str(request.url), rows[-1], request.url.path)


async def http_exception_handler(request: Request, exc: HTTPException) -> JSONResponse:
    return JSONResponse({"status": exc.status_code, "detail": exc.detail}, exc.status_code, exc.headers)
