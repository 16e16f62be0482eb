"""Verify the signature of a webhook delivery (hand-written; import it as `projectmgmt_client.webhooks`).

    from projectmgmt_client.webhooks import WebhookVerificationError, verify_signature

    try:
        verify_signature(secret, request.headers, request.body)   # the raw body bytes, before any parsing
    except WebhookVerificationError:
        return 400

The server signs `f"{Webhook-Timestamp}.{raw body}"` with HMAC-SHA256 keyed by the subscription's secret
(the whole `whsec_...` string, UTF-8) and sends `Webhook-Signature: v1=<hex>` (several space-separated
signatures may come; one matching is enough). De-duplicate deliveries on `Webhook-Id`.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping

__all__ = ["WebhookVerificationError", "sign", "verify_signature"]


class WebhookVerificationError(Exception):
    """The delivery's signature is missing, malformed, wrong, or its timestamp is outside the tolerance."""


def sign(secret: str, timestamp: int | str, body: bytes | str) -> str:
    """The `Webhook-Signature` value the server sends for `body` at `timestamp`."""
    raw = body.encode() if isinstance(body, str) else body
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + raw, hashlib.sha256)
    return f"v1={mac.hexdigest()}"


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    raise WebhookVerificationError(f"missing {name} header")


def verify_signature(
    secret: str,
    headers: Mapping[str, str],
    body: bytes | str,
    tolerance: int = 300,
    *,
    now: float | None = None,
) -> None:
    """Raise WebhookVerificationError unless `body` was signed with `secret` within `tolerance` seconds."""
    timestamp = _header(headers, "Webhook-Timestamp").strip()
    signatures = _header(headers, "Webhook-Signature").split()
    if not timestamp.isdigit():
        raise WebhookVerificationError("malformed Webhook-Timestamp header")
    current = time.time() if now is None else now
    if tolerance and abs(current - int(timestamp)) > tolerance:
        raise WebhookVerificationError("Webhook-Timestamp is outside the tolerance (a replay?)")
    expected = sign(secret, timestamp, body)
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise WebhookVerificationError("no signature matches")
