"""Webhook subscriptions of a project, their deliveries, ping and redeliver. Owners only (404 for
non-members, 403 for other members, as every project-scoped view)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework.request import Request
from rest_framework.response import Response

from server.apps.accounts.authentication import AccountCheckedByQuery
from server.apps.accounts.selectors import caller_id
from server.apps.projects import selectors as project_selectors
from server.apps.projects.models import Project
from server.apps.projects.selectors import OWNER_ROLES
from server.common.pagination import paginate
from server.contract.views import ContractAPIView

from . import selectors, services
from .models import Attempt, Delivery, Webhook
from .presenters import present_delivery, present_webhook, present_webhook_with_secret


def _owned_project(request: Request, project_id: int) -> Project:
    project = project_selectors.project_get_for_member(user_id=caller_id(request), project_id=project_id)
    project_selectors.project_require_role(project=project, roles=OWNER_ROLES, action="manage webhooks")
    return project


def _webhook(request: Request, project_id: int, webhook_id: int) -> Webhook:
    return selectors.webhook_get(project=_owned_project(request, project_id), webhook_id=webhook_id)


def _delivery_now(delivery_id: int) -> dict[str, Any]:
    """The delivery as it is now (in eager mode its first attempt already ran, after the commit)."""
    delivery = Delivery.objects.select_related("event").get(pk=delivery_id)
    return present_delivery(delivery, attempts=list(Attempt.objects.filter(delivery_id=delivery_id)))


class WebhookListView(AccountCheckedByQuery, ContractAPIView):
    operations = {"get": "webhooks_list", "post": "webhooks_create"}

    def get(self, request: Request, project_id: int) -> Response:
        project = _owned_project(request, project_id)
        return paginate(
            request=request,
            queryset=selectors.webhook_list(project=project),
            ordering="created_at",
            present=present_webhook,
            page_size=self.query["page_size"],
            cursor=self.query.get("cursor"),
        )

    def post(self, request: Request, project_id: int) -> Response:
        project = _owned_project(request, project_id)
        body: dict[str, Any] = self.body
        webhook, secret = services.webhook_create(
            project=project, url=body["url"], events=body["events"], active=body.get("active", True)
        )
        location = reverse("webhooks_retrieve", kwargs={"project_id": project.pk, "webhook_id": webhook.pk})
        return Response(
            present_webhook_with_secret(webhook, secret), status=201, headers={"Location": location}
        )


class WebhookDetailView(AccountCheckedByQuery, ContractAPIView):
    operations = {"get": "webhooks_retrieve", "patch": "webhooks_update", "delete": "webhooks_delete"}

    def get(self, request: Request, project_id: int, webhook_id: int) -> Response:
        return Response(present_webhook(_webhook(request, project_id, webhook_id)))

    def patch(self, request: Request, project_id: int, webhook_id: int) -> Response:
        webhook = services.webhook_update(webhook=_webhook(request, project_id, webhook_id), data=self.body)
        return Response(present_webhook(webhook))

    def delete(self, request: Request, project_id: int, webhook_id: int) -> Response:
        services.webhook_delete(webhook=_webhook(request, project_id, webhook_id))
        return Response(status=204)


class WebhookPingView(AccountCheckedByQuery, ContractAPIView):
    operations = {"post": "webhooks_ping"}

    def post(self, request: Request, project_id: int, webhook_id: int) -> Response:
        delivery = services.webhook_ping(webhook=_webhook(request, project_id, webhook_id))
        return Response(_delivery_now(delivery.pk), status=202)


class WebhookDeliveryListView(AccountCheckedByQuery, ContractAPIView):
    operations = {"get": "webhook_deliveries_list"}

    def get(self, request: Request, project_id: int, webhook_id: int) -> Response:
        webhook = _webhook(request, project_id, webhook_id)
        return paginate(
            request=request,
            queryset=selectors.delivery_list(webhook=webhook, status=self.query.get("status")),
            ordering="-created_at",
            present=present_delivery,
            page_size=self.query["page_size"],
            cursor=self.query.get("cursor"),
        )


class WebhookRedeliverView(AccountCheckedByQuery, ContractAPIView):
    operations = {"post": "webhook_deliveries_redeliver"}

    def post(self, request: Request, project_id: int, webhook_id: int, delivery_id: int) -> Response:
        webhook = _webhook(request, project_id, webhook_id)
        delivery = selectors.delivery_get(webhook=webhook, delivery_id=delivery_id)
        again = services.delivery_redeliver(delivery=delivery)
        return Response(_delivery_now(again.pk), status=202)
