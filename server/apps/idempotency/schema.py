"""How the create handlers that honour `Idempotency-Key` describe themselves to drf-spectacular (the drift
check): the `Idempotency-Key` request header they read, and the `Idempotent-Replayed` marker on a replay."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter

from .service import IDEMPOTENCY_HEADER, REPLAYED_HEADER

# Visible ASCII: what a header value can carry unchanged.
IDEMPOTENCY_KEY_SCHEMA = {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"}

IDEMPOTENCY_KEY = OpenApiParameter(IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_SCHEMA, OpenApiParameter.HEADER)


def replayed(*statuses: int) -> list[OpenApiParameter]:
    """`Idempotent-Replayed: true` on `statuses` when the response is a replay (so not required)."""
    schema = {"type": "string", "const": "true"}
    return [
        OpenApiParameter(
            REPLAYED_HEADER, schema, OpenApiParameter.HEADER, required=False, response=list(statuses)
        )
    ]
