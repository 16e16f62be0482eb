"""Documentation serializers of the health probes (drift check); see server.contract.spectacular."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from server.contract.spectacular import ProblemSerializer, ResponseSerializer


@extend_schema_field({"type": "string", "enum": ["ok", "unavailable"]})
class CheckResultField(serializers.CharField):
    """server.apps.ops.services.OK or UNAVAILABLE."""


@extend_schema_field({"type": "string", "enum": ["ok"]})
class StatusOkField(serializers.CharField):
    pass


class LivenessSerializer(ResponseSerializer):
    status = StatusOkField()


class HealthChecksSerializer(ResponseSerializer):
    database = CheckResultField()
    cache = CheckResultField()


class ReadinessSerializer(ResponseSerializer):
    status = StatusOkField()
    checks = HealthChecksSerializer()


class ReadinessProblemSerializer(ProblemSerializer):
    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        fields["checks"] = HealthChecksSerializer()
        return fields
