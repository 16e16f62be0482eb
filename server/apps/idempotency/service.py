"""`Idempotency-Key` on create operations: the first request with a key runs, the others replay its response.

Which operations: those whose contract declares the header; the contract layer runs their handlers through
`execute` (registered in IdempotencyConfig.ready, see server/contract/idempotency.py), no decorator needed.

How one key is made race-free, on PostgreSQL as on SQLite:

1. **Claim.** The first request inserts its record (committed at once, outside any transaction); the unique
   constraint on (user, key digest) lets exactly one concurrent request succeed. The others read the record:
   another request (fingerprint) -> 422 `idempotency_key_reused`; completed -> replay; still in flight ->
   409 `idempotency_key_in_use` with `Retry-After` (the server does not hold a worker waiting on it).
2. **Run and store atomically.** The handler runs inside a transaction that also writes the response into the
   record, with a compare-and-set on the claim (`locked_until`): the resource and the stored response commit
   together or not at all. A claim held by a worker that died is taken over once `locked_until` has passed;
   the late worker (if it was only slow) then fails its compare-and-set and rolls its work back.
3. **Errors are not stored.** A handler that fails created nothing (every service is atomic), so the claim is
   released and the same key may be retried.

Only 2xx responses are stored, encrypted (their body may hold a secret: `api_keys_create`). Records expire
after `IDEMPOTENCY_KEY_TTL` seconds: an expired record is deleted when its key comes back, and
`manage.py purge_idempotency_records` deletes the rest.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import orjson
from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from rest_framework.request import Request
from rest_framework.response import Response

from server.common.error_codes import ErrorCode
from server.common.errors import ApiError, Conflict, Unprocessable

from .models import IdempotencyRecord

logger = logging.getLogger(__name__)

IDEMPOTENCY_HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
# Seconds a client is told to wait before retrying a key that is still in flight.
IN_USE_RETRY_AFTER = 1


def ttl() -> timedelta:
    return timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL)


def lock_timeout() -> timedelta:
    return timedelta(seconds=settings.IDEMPOTENCY_LOCK_TIMEOUT)


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def request_fingerprint(method: str, path: str, body: Any) -> str:
    canonical = orjson.dumps(body, option=orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z)
    return hashlib.sha256(f"{method} {path}\n".encode() + canonical).hexdigest()


def _fernet(key: str) -> Fernet:
    secret = hmac.new(settings.SECRET_KEY.encode(), b"idempotency-response:" + key.encode(), hashlib.sha256)
    return Fernet(base64.urlsafe_b64encode(secret.digest()))


def _reused() -> ApiError:
    message = "This Idempotency-Key was already used with a different request."
    return Unprocessable(
        code=ErrorCode.IDEMPOTENCY_KEY_REUSED,
        detail=f"{message} Use a new key for a new request.",
        errors=[{"field": IDEMPOTENCY_HEADER, "code": "idempotency_key_reused", "message": message}],
    )


def _in_use() -> ApiError:
    return Conflict(
        code=ErrorCode.IDEMPOTENCY_KEY_IN_USE,
        detail="A request with this Idempotency-Key is still being processed. Retry after a moment.",
        headers={"Retry-After": str(IN_USE_RETRY_AFTER)},
    )


@dataclass
class _Claim:
    record: IdempotencyRecord
    locked_until: datetime


def execute(*, request: Request, key: str, body: Any, run: Callable[[], Response]) -> Response:
    fingerprint = request_fingerprint(request.method or "", request.path, body)
    # Keys are per caller. The decorated handlers run behind IsAuthenticated: the primary key is known
    # from the credentials (JWT or API key) without a query.
    user_id: Any = request.user.pk
    outcome = _claim(user_id=int(user_id), digest=key_digest(key), fingerprint=fingerprint)
    if isinstance(outcome, IdempotencyRecord):
        return _replay(outcome, key)
    return _run(outcome, key, run)


def _claim(*, user_id: int, digest: str, fingerprint: str) -> _Claim | IdempotencyRecord:
    """A claim on the key for this request, or the completed record to replay; raises 409 / 422."""
    for _ in range(3):
        now = timezone.now()
        locked_until = now + lock_timeout()
        try:
            with transaction.atomic():
                record = IdempotencyRecord.objects.create(
                    user_id=user_id,
                    key_digest=digest,
                    fingerprint=fingerprint,
                    created_at=now,
                    expires_at=now + ttl(),
                    locked_until=locked_until,
                )
            return _Claim(record, locked_until)
        except IntegrityError:
            pass  # the key is taken: look at who holds it
        existing = IdempotencyRecord.objects.filter(user_id=user_id, key_digest=digest).first()
        if existing is None:
            continue  # released (its request failed) or purged in the meantime: claim again
        if existing.expires_at <= now:
            IdempotencyRecord.objects.filter(pk=existing.pk, expires_at__lte=now).delete()
            continue
        if existing.fingerprint != fingerprint:
            raise _reused()
        if existing.response_status is not None:
            return existing
        if existing.locked_until is not None and existing.locked_until > now:
            raise _in_use()
        # The worker holding the claim is gone (or far too slow): take it over, compare-and-set.
        taken = IdempotencyRecord.objects.filter(
            pk=existing.pk, response_status__isnull=True, locked_until=existing.locked_until
        ).update(locked_until=locked_until)
        if taken:
            return _Claim(existing, locked_until)
        raise _in_use()
    raise _in_use()


def _run(claim: _Claim, key: str, run: Callable[[], Response]) -> Response:
    try:
        with transaction.atomic():
            response = run()
            if 200 <= response.status_code < 300:
                if not _complete(claim, key, response):
                    raise _in_use()  # the claim was taken over: roll this request's work back
                return response
    except BaseException:
        _release(claim)
        raise
    _release(claim)
    return response


def _complete(claim: _Claim, key: str, response: Response) -> bool:
    body = orjson.dumps(response.data, option=orjson.OPT_UTC_Z)
    headers = {name: value for name, value in response.items() if name.lower() != "content-type"}
    stored = IdempotencyRecord.objects.filter(
        pk=claim.record.pk, response_status__isnull=True, locked_until=claim.locked_until
    ).update(
        response_status=response.status_code,
        response_headers=headers,
        response_body=_fernet(key).encrypt(body),
        locked_until=None,
    )
    return stored == 1


def _release(claim: _Claim) -> None:
    """Forget a claim whose request failed, so that the key can be retried."""
    try:
        IdempotencyRecord.objects.filter(
            pk=claim.record.pk, response_status__isnull=True, locked_until=claim.locked_until
        ).delete()
    except DatabaseError:  # the claim then simply expires (IDEMPOTENCY_LOCK_TIMEOUT)
        logger.warning("Could not release idempotency claim %s", claim.record.pk, exc_info=True)


def _replay(record: IdempotencyRecord, key: str) -> Response:
    try:
        body = _fernet(key).decrypt(bytes(record.response_body or b""))
    except InvalidToken:
        # Encrypted under another SECRET_KEY: the response cannot be given back, and running the request
        # again could create a second resource.
        raise Unprocessable(
            code=ErrorCode.IDEMPOTENCY_KEY_REUSED,
            detail="The response stored for this Idempotency-Key can no longer be read; use a new key.",
        ) from None
    headers = {**record.response_headers, REPLAYED_HEADER: "true"}
    return Response(orjson.loads(body), status=record.response_status, headers=headers)


def purge_expired(*, now: datetime | None = None) -> int:
    deleted, _ = IdempotencyRecord.objects.filter(expires_at__lte=now or timezone.now()).delete()
    return deleted
