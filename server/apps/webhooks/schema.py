"""How the webhook views describe their bodies (documentation only: `make drift`)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from server.contract.spectacular import Doc, IdField, ResponseSerializer, page_of, query

from .models import DeliveryStatus, EventType

URL_SCHEMA = {
    "type": "string",
    "format": "uri",
    "pattern": "^[hH][tT][tT][pP][sS]?://[^\\u0000\\s]+$",
    "minLength": 8,
    "maxLength": 2000,
}
EVENTS_SCHEMA = {
    "type": "array",
    "minItems": 1,
    "maxItems": len(EventType.values),
    "uniqueItems": True,
    "items": {"type": "string", "enum": EventType.values},
}
EVENT_ID_SCHEMA = {"type": "string", "pattern": "^evt_[0-9a-f]{32}$"}
SECRET_SCHEMA = {"type": "string", "pattern": "^whsec_[A-Za-z0-9_-]{43}$"}


@extend_schema_field(URL_SCHEMA)
class WebhookUrlField(serializers.CharField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_length=8, max_length=2000, **kwargs)


@extend_schema_field(EVENTS_SCHEMA)
class WebhookEventsField(serializers.ListField):
    pass


@extend_schema_field(EVENT_ID_SCHEMA)
class EventIdField(serializers.CharField):
    pass


@extend_schema_field(SECRET_SCHEMA)
class SecretField(serializers.CharField):
    pass


class WebhookSerializer(ResponseSerializer):
    id = IdField()
    project_id = IdField()
    url = WebhookUrlField()
    events = WebhookEventsField()
    active = serializers.BooleanField()
    disabled_reason = serializers.CharField(max_length=500, allow_null=True)
    consecutive_failures = serializers.IntegerField(min_value=0)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class WebhookWithSecretSerializer(WebhookSerializer):
    secret = SecretField()


class WebhookCreateSerializer(serializers.Serializer[Any]):
    url = WebhookUrlField()
    events = WebhookEventsField()
    active = serializers.BooleanField(default=True)


class WebhookUpdateSerializer(serializers.Serializer[Any]):
    url = WebhookUrlField(required=False)
    events = WebhookEventsField(required=False)
    active = serializers.BooleanField(required=False)


WebhookListSerializer = page_of(WebhookSerializer, "WebhookListSerializer")


class WebhookDeliveryAttemptSerializer(ResponseSerializer):
    number = serializers.IntegerField(min_value=1)
    attempted_at = serializers.DateTimeField()
    response_status = serializers.IntegerField(min_value=100, max_value=599, allow_null=True)
    latency_ms = serializers.IntegerField(min_value=0)
    error = serializers.CharField(max_length=500, allow_null=True)


class WebhookDeliverySerializer(ResponseSerializer):
    id = IdField()
    webhook_id = IdField()
    event_id = EventIdField()
    event_type = serializers.ChoiceField(choices=EventType.choices)
    status = serializers.ChoiceField(choices=DeliveryStatus.choices)
    attempt_count = serializers.IntegerField(min_value=0)
    next_attempt_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    delivered_at = serializers.DateTimeField(allow_null=True)
    attempts = WebhookDeliveryAttemptSerializer(many=True)


WebhookDeliveryListSerializer = page_of(WebhookDeliverySerializer, "WebhookDeliveryListSerializer")


OPERATIONS = {
    "webhooks_list": Doc(200, WebhookListSerializer, errors=(403, 404)),
    "webhooks_create": Doc(
        201, WebhookWithSecretSerializer, WebhookCreateSerializer, errors=(403, 404, 409, 422)
    ),
    "webhooks_retrieve": Doc(200, WebhookSerializer, errors=(403, 404)),
    "webhooks_update": Doc(200, WebhookSerializer, WebhookUpdateSerializer, errors=(403, 404, 422)),
    "webhooks_delete": Doc(204, errors=(403, 404)),
    "webhooks_ping": Doc(202, WebhookDeliverySerializer, errors=(403, 404)),
    "webhook_deliveries_list": Doc(
        200,
        WebhookDeliveryListSerializer,
        errors=(403, 404),
        query=(query("status", str, enum=DeliveryStatus.values),),
    ),
    "webhook_deliveries_redeliver": Doc(202, WebhookDeliverySerializer, errors=(403, 404)),
}
