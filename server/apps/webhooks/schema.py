"""The webhook operations as only the code can say (`make drift`): the bodies where the presenters and models
do not tell it all, and what each handler answers and raises (`OPERATIONS`)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from server.contract.spectacular import Doc, page_of, partial, presented, query

from .models import Attempt, Delivery, DeliveryStatus, EventType, Webhook
from .presenters import present_attempt, present_delivery, present_webhook, present_webhook_with_secret

URL_MIN, URL_MAX = 8, Webhook._meta.get_field("url").max_length  # `http://x`; the column
URL_SCHEMA = {
    "type": "string",
    "format": "uri",
    "pattern": "^[hH][tT][tT][pP][sS]?://[^\\u0000\\s]+$",
    "minLength": URL_MIN,
    "maxLength": URL_MAX,
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
        super().__init__(min_length=URL_MIN, max_length=URL_MAX, **kwargs)


@extend_schema_field(EVENTS_SCHEMA)
class WebhookEventsField(serializers.ListField):
    pass


@extend_schema_field(EVENT_ID_SCHEMA)
class EventIdField(serializers.CharField):
    pass


@extend_schema_field(SECRET_SCHEMA)
class SecretField(serializers.CharField):
    pass


REASON = serializers.CharField(max_length=500, allow_null=True)  # the presenter turns "" into null
WebhookSerializer = presented(
    "WebhookSerializer",
    present_webhook,
    Webhook,
    url=WebhookUrlField(),
    events=WebhookEventsField(),
    disabled_reason=REASON,
    consecutive_failures=serializers.IntegerField(min_value=0),
)
WebhookWithSecretSerializer = presented(
    "WebhookWithSecretSerializer",
    present_webhook_with_secret,
    Webhook,
    url=WebhookUrlField(),
    events=WebhookEventsField(),
    disabled_reason=REASON,
    consecutive_failures=serializers.IntegerField(min_value=0),
    secret=SecretField(),
)


class WebhookCreateSerializer(serializers.Serializer[Any]):
    url = WebhookUrlField()
    events = WebhookEventsField()
    active = serializers.BooleanField(default=True)


WebhookDeliveryAttemptSerializer = presented(
    "WebhookDeliveryAttemptSerializer",
    present_attempt,
    Attempt,
    number=serializers.IntegerField(min_value=1),
    response_status=serializers.IntegerField(min_value=100, max_value=599, allow_null=True),
    latency_ms=serializers.IntegerField(min_value=0),
    error=REASON,
)
WebhookDeliverySerializer = presented(
    "WebhookDeliverySerializer",
    present_delivery,
    Delivery,
    event_id=EventIdField(),  # the event's public id, not its key
    event_type=serializers.ChoiceField(choices=EventType.choices),
    attempt_count=serializers.IntegerField(min_value=0),
    attempts=WebhookDeliveryAttemptSerializer(many=True),
)


OPERATIONS = {
    "webhooks_list": Doc(200, page_of(WebhookSerializer), errors=(403, 404)),
    "webhooks_create": Doc(
        201, WebhookWithSecretSerializer, WebhookCreateSerializer, errors=(403, 404, 409, 422)
    ),
    "webhooks_retrieve": Doc(200, WebhookSerializer, errors=(403, 404)),
    "webhooks_update": Doc(200, WebhookSerializer, partial(WebhookCreateSerializer), errors=(403, 404, 422)),
    "webhooks_delete": Doc(204, errors=(403, 404)),
    "webhooks_ping": Doc(202, WebhookDeliverySerializer, errors=(403, 404)),
    "webhook_deliveries_list": Doc(
        200,
        page_of(WebhookDeliverySerializer),
        errors=(403, 404),
        query=(query("status", str, enum=DeliveryStatus.values),),
    ),
    "webhook_deliveries_redeliver": Doc(202, WebhookDeliverySerializer, errors=(403, 404)),
}
