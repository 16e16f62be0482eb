"""Reads for webhooks. Every view first checks the caller is an owner of the project (projects.selectors)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from server.apps.projects.models import Project
from server.common.errors import NotFound

from .models import Attempt, Delivery, Webhook


def webhook_list(*, project: Project) -> QuerySet[Webhook]:
    return Webhook.objects.filter(project=project)


def webhook_get(*, project: Project, webhook_id: int) -> Webhook:
    webhook = Webhook.objects.filter(project=project, pk=webhook_id).first()
    if webhook is None:
        raise NotFound("No such webhook in this project.")
    return webhook


def delivery_list(*, webhook: Webhook, status: str | None = None) -> QuerySet[Delivery]:
    queryset = (
        Delivery.objects.filter(webhook=webhook)
        .select_related("event")
        .prefetch_related(Prefetch("attempts", queryset=Attempt.objects.order_by("number")))
    )
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def delivery_get(*, webhook: Webhook, delivery_id: int) -> Delivery:
    delivery = Delivery.objects.filter(webhook=webhook, pk=delivery_id).select_related("event").first()
    if delivery is None:
        raise NotFound("No such delivery of this webhook.")
    return delivery
