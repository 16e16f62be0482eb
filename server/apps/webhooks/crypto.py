"""Signing secrets: generated here, kept encrypted at rest (Fernet, as server.apps.idempotency does), and
the signature every delivery carries."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from cryptography.fernet import Fernet
from django.conf import settings

SECRET_PREFIX = "whsec_"


def secret_generate() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)  # 43 characters


def _fernet() -> Fernet:
    key = hmac.new(settings.SECRET_KEY.encode(), b"webhook-signing-secret", hashlib.sha256)
    return Fernet(base64.urlsafe_b64encode(key.digest()))


def secret_encrypt(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def secret_decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def signature(secret: str, timestamp: int | str, body: bytes) -> str:
    """`v1=<hex HMAC-SHA256 of "{timestamp}.{body}">`, the Webhook-Signature header."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"v1={mac.hexdigest()}"
