"""Users and API keys as the contract's `User`, `UserSummary`, `ApiKey` and `ApiKeyWithSecret`."""

from __future__ import annotations

from typing import Any

from server.common.wire import wire_time

from .models import ApiKey, User


def present_user(user: User) -> dict[str, Any]:
    return {
        "id": user.pk,
        "username": user.username,
        "email": user.email,
        "full_name": user.full_name,
        "is_staff": user.is_staff,
        "date_joined": wire_time(user.date_joined),
    }


def present_user_summary(user: User) -> dict[str, Any]:
    return {"id": user.pk, "username": user.username, "full_name": user.full_name}


def present_api_key(api_key: ApiKey) -> dict[str, Any]:
    return {
        "id": api_key.pk,
        "name": api_key.name,
        "prefix": api_key.prefix,
        "created_at": wire_time(api_key.created_at),
        "last_used_at": wire_time(api_key.last_used_at),
        "expires_at": wire_time(api_key.expires_at),
    }


def present_api_key_with_secret(api_key: ApiKey, secret: str) -> dict[str, Any]:
    return {**present_api_key(api_key), "secret": secret}
