"""Webhook subscriptions, the events recorded for them (the outbox) and their deliveries and attempts."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from server.apps.projects.events import EventType
from server.apps.projects.models import Project
from server.contract.generated.choices import WebhookDeliveryStatus as DeliveryStatus

__all__ = ["Attempt", "Delivery", "DeliveryStatus", "Event", "EventType", "Webhook"]


class Webhook(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="webhooks")
    url = models.CharField(max_length=2000)
    events = models.JSONField(default=list)
    active = models.BooleanField(default=True)
    # Fernet token of the signing secret (server.apps.webhooks.crypto): recoverable, to sign, never in clear.
    secret_encrypted = models.TextField()
    disabled_reason = models.CharField(max_length=500, blank=True, default="")
    consecutive_failures = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["project", "active"], name="webhooks_project_active")]

    def __str__(self) -> str:
        return f"{self.url} ({self.project_id})"


class Event(models.Model):
    """An event recorded in the same transaction as the change that caused it (the outbox)."""

    event_id = models.CharField(max_length=36, unique=True)  # evt_ + 32 hex: Webhook-Id
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="webhook_events")
    type = models.CharField(max_length=40, choices=EventType.choices)
    payload = models.JSONField()  # the whole envelope, as sent
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    def __str__(self) -> str:
        return self.event_id


class Delivery(models.Model):
    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempt_count = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # A worker attempting the delivery holds it until then; a dead worker's lease runs out and the sweep
    # hands the delivery to another (at-least-once).
    leased_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["webhook", "created_at"], name="webhooks_delivery_hook_created"),
            models.Index(
                fields=["next_attempt_at"], name="webhooks_delivery_due", condition=Q(status="pending")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} -> {self.webhook_id} ({self.status})"


class Attempt(models.Model):
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveIntegerField()
    attempted_at = models.DateTimeField(default=timezone.now)
    response_status = models.PositiveIntegerField(null=True, blank=True)
    latency_ms = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.delivery_id} #{self.number}"
