"""The Python SDK's webhook signature helper (clients/python/src/projectmgmt_client/webhooks.py)."""

from __future__ import annotations

import hashlib
import hmac

import pytest
from projectmgmt_client.webhooks import WebhookVerificationError, sign, verify_signature

SECRET = "whsec_test-secret-0123456789abcdefghijklmnopqrstuv"
BODY = b'{"id":"evt_00000000000000000000000000000001","type":"ping","data":{"webhook_id":5}}'
NOW = 1_795_431_600


def _reference(timestamp: int, body: bytes) -> str:
    return "v1=" + hmac.new(SECRET.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def _headers(signature: str, timestamp: int = NOW) -> dict[str, str]:
    return {"Webhook-Timestamp": str(timestamp), "Webhook-Signature": signature}


def test_sign_follows_the_recipe_and_matches_the_server() -> None:
    from server.apps.webhooks.crypto import signature

    assert sign(SECRET, NOW, BODY) == _reference(NOW, BODY) == signature(SECRET, NOW, BODY)


def test_genuine_deliveries_verify() -> None:
    verify_signature(SECRET, _headers(_reference(NOW, BODY)), BODY, now=NOW)
    lower = {k.lower(): v for k, v in _headers(f"v1={'0' * 64} {_reference(NOW, BODY)}").items()}
    verify_signature(SECRET, lower, BODY.decode(), now=NOW + 299)


@pytest.mark.parametrize(
    ("secret", "headers", "body", "now"),
    [
        (SECRET, _headers(_reference(NOW, BODY)), BODY + b" ", NOW),  # tampered body
        (SECRET + "x", _headers(_reference(NOW, BODY)), BODY, NOW),  # wrong secret
        (SECRET, _headers(_reference(NOW, BODY)), BODY, NOW + 301),  # too old: a replay
        (SECRET, {"Webhook-Timestamp": str(NOW)}, BODY, NOW),  # no signature
        (SECRET, _headers(_reference(NOW, BODY), timestamp=NOW + 1), BODY, NOW),  # timestamp changed
        (SECRET, {"Webhook-Timestamp": "soon", "Webhook-Signature": "v1=00"}, BODY, NOW),
    ],
)
def test_forgeries_are_refused(secret: str, headers: dict[str, str], body: bytes, now: int) -> None:
    with pytest.raises(WebhookVerificationError):
        verify_signature(secret, headers, body, now=now)
