"""Reads for users and API keys."""

from __future__ import annotations

from typing import cast

from django.db.models import Q, QuerySet
from django.http import HttpRequest

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


def user_from_request(request: HttpRequest) -> User:
    """The authenticated caller (views run behind IsAuthenticated, so this is always a real User)."""
    return cast(User, request.user)
