"""Reads for users and API keys."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from rest_framework.exceptions import AuthenticationFailed

from .models import ApiKey, User


def user_list(*, search: str | None = None) -> QuerySet[User]:
    queryset = User.objects.all()
    if search:
        queryset = queryset.filter(
            Q(username__icontains=search) | Q(email__icontains=search) | Q(full_name__icontains=search)
        )
    return queryset


def user_get(*, user_id: int) -> User | None:
    return User.objects.filter(pk=user_id).first()


def api_key_list(*, user: User) -> QuerySet[ApiKey]:
    """The caller's active (not revoked) keys. Expired ones stay listed, with their `expires_at`, so they
    can be seen and revoked."""
    return ApiKey.objects.filter(user=user, revoked_at__isnull=True)


def api_key_get_by_prefix(*, prefix: str) -> ApiKey | None:
    """The key with this public prefix and its user, in one query (used on every API-key request)."""
    return ApiKey.objects.select_related("user").filter(prefix=prefix).first()


def caller_id(request: Any) -> int:
    """The authenticated caller's primary key, known without a query (from the JWT or the API key). Whether
    the account is still active is checked by the query that uses it (see accounts.authentication)."""
    return int(request.user.pk)


def _account_gone() -> AuthenticationFailed:
    return AuthenticationFailed("The account is inactive or no longer exists.")


def caller_refuse_if_inactive(*, user_id: int) -> None:
    """401 unless `user_id` is an active account: for lookups that found nothing, to tell a deactivated
    or deleted caller (401) from a caller without access (404)."""
    if not User.objects.filter(pk=user_id, is_active=True).exists():
        raise _account_gone()


def user_from_request(request: Any) -> User:
    """The authenticated caller as a User (views run behind IsAuthenticated). A JWT caller is loaded here,
    once per request; a deactivated or deleted account is refused (401)."""
    user = request.user
    if isinstance(user, User):
        return user
    loaded = User.objects.filter(pk=caller_id(request), is_active=True).first()
    if loaded is None:
        raise _account_gone()
    request.user = loaded  # DRF's Request sets it on the Django request too
    return loaded
