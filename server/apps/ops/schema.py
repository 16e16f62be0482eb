"""The health probes as only the code can say (`make drift`; see server.contract.spectacular)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from server.contract.spectacular import Doc, ProblemSerializer, ResponseSerializer

from . import services


@extend_schema_field({"type": "string", "enum": [services.OK, services.UNAVAILABLE]})
class CheckResultField(serializers.CharField):
    """What services.readiness() reports for each dependency."""


@extend_schema_field({"type": "string", "enum": [services.OK]})
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


# 405: the probes answer any method the contract does not declare for them with the problem and `Allow`.
OPERATIONS = {
    "health_live": Doc(200, LivenessSerializer, errors=(405,)),
    "health_ready": Doc(200, ReadinessSerializer, errors=(405, (503, ReadinessProblemSerializer))),
}
