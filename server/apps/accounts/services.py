"""Writes for users and API keys."""

from __future__ import annotations

import hashlib
import secrets
import string
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import jsonschema_rs
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from server.common.conditional import Precondition, guarded, lock_and_check
from server.common.error_codes import ErrorCode
from server.common.errors import BadRequest, Conflict, NotFound, Unprocessable

from .models import ApiKey, User

API_KEY_SCHEME = "pm"
API_KEY_PREFIX_LENGTH = 8
API_KEY_PREFIX_ALPHABET = string.ascii_letters + string.digits  # no "_": the secret splits on it
API_KEY_RANDOM_BYTES = 32
# last_used_at is a hint, not an audit log: refresh it at most this often to avoid a write per request.
API_KEY_TOUCH_INTERVAL = timedelta(minutes=1)


# --- users -----------------------------------------------------------------------------------------------


def _username_taken(*, username: str, exclude_pk: int | None = None) -> bool:
    queryset = User.objects.filter(username__iexact=username)
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return queryset.exists()


def _username_conflict() -> Conflict:
    return Conflict(code=ErrorCode.USERNAME_TAKEN, detail="A user with this username already exists.")


def _password_errors(exc: DjangoValidationError) -> list[dict[str, str]]:
    items = []
    for error in exc.error_list:
        message = error.message % error.params if error.params else error.message
        items.append(
            {"pointer": "/password", "code": error.code or "password_invalid", "message": str(message)}
        )
    return items


# `format: email` as JSON Schema defines it (an RFC 5321 mailbox), checked as clients and test tools check it.
_EMAIL = jsonschema_rs.validator_for({"type": "string", "format": "email"}, validate_formats=True)


def _valid_email(email: str) -> str:
    """The contract layer's `format: email` check only looks for an "@" (openapi-schema-validator's), which
    let `a@b.com*` be stored, and every later response carrying it broke the contract."""
    email = User.objects.normalize_email(email)
    if not _EMAIL.is_valid(email):
        raise BadRequest(
            detail="The request does not match the API contract.",
            errors=[{"pointer": "/email", "code": "format", "message": f"{email!r} is not a 'email'"}],
        )
    return email


def user_register(*, username: str, email: str, password: str, full_name: str = "") -> User:
    email = _valid_email(email)
    candidate = User(username=username, email=email, full_name=full_name)
    try:
        validate_password(password, user=candidate)
    except DjangoValidationError as exc:
        raise Unprocessable(
            code=ErrorCode.WEAK_PASSWORD,
            detail="The password does not satisfy the password policy.",
            errors=_password_errors(exc),
        ) from None
    if _username_taken(username=username):
        raise _username_conflict()
    try:
        with transaction.atomic():
            return User.objects.create_user(
                username=username, email=email, password=password, full_name=full_name
            )
    except IntegrityError:  # lost a race with a concurrent registration of the same username
        raise _username_conflict() from None


def user_update(*, user: User, data: Mapping[str, Any], precondition: Precondition | None = None) -> User:
    """PATCH /users/me: `data` holds only the fields the client sent (email, full_name). With `If-Match`
    (`precondition`) the row is locked and checked first, in the write's transaction."""
    if "email" in data:
        # An invalid address is a 400 whatever If-Match says: the body is checked before the precondition.
        data = {**data, "email": _valid_email(data["email"])}
    with guarded(precondition):
        return _user_update(user=lock_and_check(user, precondition), data=data)


def _user_update(*, user: User, data: Mapping[str, Any]) -> User:
    fields: list[str] = []
    if "email" in data:
        user.email = data["email"]
        fields.append("email")
    if "full_name" in data:
        user.full_name = data["full_name"]
        fields.append("full_name")
    if not fields:
        return user
    user.save(update_fields=fields)
    return user


# --- API keys --------------------------------------------------------------------------------------------


def api_key_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def api_key_split(secret: str) -> str | None:
    """The prefix of a well-formed `pm_<prefix>_<random>` secret, or None."""
    scheme, sep, rest = secret.partition("_")
    prefix, sep2, random_part = rest.partition("_")
    if scheme != API_KEY_SCHEME or not sep or not sep2 or not random_part:
        return None
    if len(prefix) != API_KEY_PREFIX_LENGTH or any(c not in API_KEY_PREFIX_ALPHABET for c in prefix):
        return None
    return prefix


def _new_prefix() -> str:
    return "".join(secrets.choice(API_KEY_PREFIX_ALPHABET) for _ in range(API_KEY_PREFIX_LENGTH))


def api_key_create(*, user: User, name: str, expires_at: datetime | None = None) -> tuple[ApiKey, str]:
    """Create a key; returns it with its secret, which is not stored and cannot be shown again."""
    now = timezone.now()
    if expires_at is not None:
        if timezone.is_naive(expires_at):
            expires_at = expires_at.replace(tzinfo=UTC)
        expires_at = expires_at.astimezone(UTC)  # the API speaks UTC, also in this response
        if expires_at <= now:
            raise Unprocessable(
                code=ErrorCode.EXPIRES_IN_PAST,
                detail="expires_at must be in the future.",
                errors=[
                    {"pointer": "/expires_at", "code": "expires_in_past", "message": "Must be in the future."}
                ],
            )
    for _attempt in range(5):
        prefix = _new_prefix()
        secret = f"{API_KEY_SCHEME}_{prefix}_{secrets.token_urlsafe(API_KEY_RANDOM_BYTES)}"
        try:
            with transaction.atomic():
                api_key = ApiKey.objects.create(
                    user=user,
                    name=name,
                    prefix=prefix,
                    secret_hash=api_key_hash(secret),
                    created_at=now,
                    expires_at=expires_at,
                )
        except IntegrityError:  # prefix collision (36**8 space): draw again
            continue
        return api_key, secret
    raise RuntimeError("could not allocate a unique API key prefix")


def api_key_revoke(*, user: User, api_key_id: int) -> None:
    """Revoke one of the caller's keys; someone else's key or an already revoked one is 404."""
    updated = ApiKey.objects.filter(pk=api_key_id, user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if not updated:
        raise NotFound("No such API key.")


def api_key_touch(*, api_key: ApiKey, now: datetime | None = None) -> None:
    """Record use, at most once per API_KEY_TOUCH_INTERVAL (a conditional UPDATE, so concurrent
    requests do not all write)."""
    now = now or timezone.now()
    if api_key.last_used_at is not None and now - api_key.last_used_at < API_KEY_TOUCH_INTERVAL:
        return
    ApiKey.objects.filter(pk=api_key.pk).exclude(last_used_at__gt=now - API_KEY_TOUCH_INTERVAL).update(
        last_used_at=now
    )
    api_key.last_used_at = now
