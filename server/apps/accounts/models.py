"""Users and their API keys."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class UserManager(DjangoUserManager["User"]):
    """Usernames are unique case-insensitively, so logging in is case-insensitive too."""

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    full_name = models.CharField(max_length=150, blank=True, default="")

    objects: ClassVar[UserManager] = UserManager()

    class Meta:
        constraints = [
            # AbstractUser's `unique=True` on username is case-sensitive; the API promises "Alice" == "alice".
            models.UniqueConstraint(Lower("username"), name="accounts_user_username_ci_uniq"),
            # No constraint on email: an address is contact data, not an identity (sign-in is by username),
            # and a unique address would let anyone ask "is this address registered?" (issue 15.8).
        ]

    def __str__(self) -> str:
        return self.username


class ApiKey(models.Model):
    """A long-lived credential for scripts. Only a SHA-256 hash of the secret is stored.

    The secret (`pm_<prefix>_<random>`) is shown once, at creation. `prefix` is public and unique: it finds
    the row, then the hash of the presented secret is compared in constant time.
    """

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="api_keys",
        db_index=False,  # covered by the (user, created_at) index below
    )
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=8, unique=True)
    secret_hash = models.CharField(max_length=64)  # hex SHA-256 of the whole secret
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "created_at"], name="accounts_apikey_user_created")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    def is_active(self, *, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
