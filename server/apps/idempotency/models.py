"""One row per (user, Idempotency-Key): the claim while the first request runs, then its stored response."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class IdempotencyRecord(models.Model):
    # Keys are scoped per user: the same key sent by two users names two different requests.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # SHA-256 of the key as sent; the key itself is not stored (it also derives the body's encryption key).
    key_digest = models.CharField(max_length=64)
    # SHA-256 of method, path and canonical JSON body: the same key with another request is refused.
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    # While the first request runs: until when its claim holds (a crashed worker's claim can be taken over).
    locked_until = models.DateTimeField(null=True)
    # Once it has completed (2xx only: an error creates nothing and releases the key).
    response_status = models.PositiveSmallIntegerField(null=True)
    response_headers = models.JSONField(default=dict)
    # The rendered JSON body, encrypted (Fernet) with a key derived from SECRET_KEY and the idempotency key:
    # a create response may hold a secret (api_keys_create) that must not sit in the database in clear.
    response_body = models.BinaryField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key_digest"], name="idempotency_record_user_key_uniq"),
            models.CheckConstraint(
                condition=Q(response_status__isnull=True)
                | Q(response_status__gte=200, response_status__lt=300),
                name="idempotency_record_status_2xx",
            ),
        ]
        indexes = [models.Index(fields=["expires_at"], name="idempotency_record_expires")]

    def __str__(self) -> str:
        state = "in flight" if self.response_status is None else f"stored {self.response_status}"
        return f"idempotency key {self.key_digest[:8]} of user {self.user_id} ({state})"
