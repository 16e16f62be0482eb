"""`X-API-Key` authentication for DRF."""

from __future__ import annotations

import hmac
from typing import Any

from django.utils import timezone
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from .models import ApiKey, User
from .selectors import api_key_get_by_prefix
from .services import api_key_hash, api_key_split, api_key_touch

API_KEY_HEADER = "X-API-Key"
_META_KEY = "HTTP_X_API_KEY"
# Compared against when no key has the presented prefix, so both paths do the same work.
_DUMMY_HASH = api_key_hash("pm_00000000_dummy")


def _failed(detail: str = "Invalid API key.") -> AuthenticationFailed:
    return AuthenticationFailed(detail, code="authentication_failed")


class ApiKeyAuthentication(BaseAuthentication):
    """Authenticates `X-API-Key: pm_<prefix>_<random>`; `request.auth` is the ApiKey.

    No header -> None (let other authenticators / the permission check answer). A present but unknown,
    malformed, revoked or expired key, or an inactive user -> AuthenticationFailed (401).
    """

    def authenticate(self, request: Request) -> tuple[User, ApiKey] | None:
        raw: Any = request.META.get(_META_KEY)
        if raw is None:
            return None
        secret = str(raw).strip()
        if not secret:
            raise _failed()
        prefix = api_key_split(secret)
        api_key = api_key_get_by_prefix(prefix=prefix) if prefix else None
        expected = api_key.secret_hash if api_key is not None else _DUMMY_HASH
        matches = hmac.compare_digest(api_key_hash(secret), expected)
        if api_key is None or not matches:
            raise _failed()
        now = timezone.now()
        if api_key.revoked_at is not None:
            raise _failed("This API key has been revoked.")
        if api_key.expires_at is not None and api_key.expires_at <= now:
            raise _failed("This API key has expired.")
        user = api_key.user
        if not user.is_active:
            raise _failed("User is inactive.")
        api_key_touch(api_key=api_key, now=now)
        return user, api_key

    def authenticate_header(self, request: Request) -> str:
        return f'ApiKey realm="api", header="{API_KEY_HEADER}"'
