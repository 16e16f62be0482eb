"""Authentication for DRF: JWT bearer tokens (no query) and `X-API-Key`.

Every failed authentication counts against the client address's `auth_failures` budget (server.common.
throttling.FailureBudget): past it, a failing request gets 429 instead of 401 until the window ends. Valid
credentials are never refused for it and cost no extra round trip: tokens and keys cannot be guessed (an
HMAC signature, 256 random bits), so the budget is about abuse, not about an oracle, and a client behind the
same address as an abuser keeps working.
"""

from __future__ import annotations

import hmac
from typing import Any

from django.utils import timezone
from django.utils.functional import cached_property
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTStatelessUserAuthentication
from rest_framework_simplejwt.models import TokenUser
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.tokens import Token

from server.common.throttling import FailureBudget, client_address

from .models import ApiKey, User
from .selectors import api_key_get_by_prefix
from .services import api_key_hash, api_key_split, api_key_touch

API_KEY_HEADER = "X-API-Key"
_META_KEY = "HTTP_X_API_KEY"
# Compared against when no key has the presented prefix, so both paths do the same work.
_DUMMY_HASH = api_key_hash("pm_00000000_dummy")
AUTH_FAILURES = FailureBudget("auth_failures")


def authentication_failed(request: Request) -> None:
    """Count a failed authentication against the client address; raises Throttled past its budget."""
    AUTH_FAILURES.fail(request, client_address(request))


class TokenCaller(TokenUser):
    """The caller as their access token names them, with the user's primary key as an int."""

    @cached_property
    def id(self) -> int:  # type: ignore[override]
        return int(self.token[jwt_settings.USER_ID_CLAIM])

    @cached_property
    def pk(self) -> int:  # type: ignore[override]
        return self.id


class AccountCheckedByQuery:
    """For views whose every handler starts with a lookup that joins the caller's account and requires it
    active (the member-access lookups of projects.selectors and tasks.selectors): a JWT caller is then not
    loaded up front, which saves a query on the hot paths. Only views that declare this skip the check; the
    test that sends a deactivated caller's token to every operation keeps the declaration honest."""

    account_checked_by_query = True


def _account_checked_by_query(request: Request) -> bool:
    view = (getattr(request, "parser_context", None) or {}).get("view")
    return bool(getattr(view, "account_checked_by_query", False))


class JWTAuthentication(JWTStatelessUserAuthentication):
    """simplejwt's bearer-token authentication, with the account check where no view can skip it.

    The token names the user; the account must still be active. By default the caller is loaded here (one
    query, the one `accounts.selectors.user_from_request` would make anyway) and a deactivated or deleted
    account is refused with 401 before any handler runs, so a new view is safe without doing anything. Views
    marked AccountCheckedByQuery get a TokenCaller instead (no query): their first lookup joins the account.
    """

    def authenticate(self, request: Request) -> tuple[Any, Token] | None:
        try:
            authenticated = super().authenticate(request)
        except AuthenticationFailed:
            authentication_failed(request)
            raise
        if authenticated is None or _account_checked_by_query(request):
            return authenticated
        caller, token = authenticated
        user = User.objects.filter(pk=caller.pk, is_active=True).first()
        if user is None:
            raise AuthenticationFailed("The account is inactive or no longer exists.")
        return user, token

    # simplejwt types the result as a TypeVar over its user classes; a TokenUser subclass is what it wants.
    def get_user(self, validated_token: Token) -> TokenCaller:  # type: ignore[override]
        claim = validated_token.get(jwt_settings.USER_ID_CLAIM)
        if not str(claim or "").isdigit():
            raise _failed("The token does not name a user.")
        return TokenCaller(validated_token)


def _failed(detail: str = "Invalid API key.") -> AuthenticationFailed:
    return AuthenticationFailed(detail, code="authentication_failed")


class ApiKeyAuthentication(BaseAuthentication):
    """Authenticates `X-API-Key: pm_<prefix>_<random>`; `request.auth` is the ApiKey.

    No header -> None (let other authenticators / the permission check answer). A present but unknown,
    malformed, revoked or expired key, or an inactive user -> AuthenticationFailed (401).
    """

    def authenticate(self, request: Request) -> tuple[User, ApiKey] | None:
        try:
            return self._authenticate(request)
        except AuthenticationFailed:
            authentication_failed(request)
            raise

    def _authenticate(self, request: Request) -> tuple[User, ApiKey] | None:
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
