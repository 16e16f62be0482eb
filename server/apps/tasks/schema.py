"""How the task views describe their bodies (documentation only: `make drift`)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from server.contract.spectacular import IdField, ResponseSerializer, page_of

from .models import Task

# A TextField has no max_length in the model; the API caps it (and says so in the contract).
DESCRIPTION_MAX_LENGTH = 10000


def _default(name: str) -> str:
    field: Any = Task._meta.get_field(name)
    default: str = field.default
    return default


class TaskSerializer(ResponseSerializer, serializers.ModelSerializer[Task]):
    id = IdField()
    project_id = IdField()
    description = serializers.CharField(max_length=DESCRIPTION_MAX_LENGTH, allow_blank=True)
    assignee_id = IdField(allow_null=True)
    created_by_id = IdField()

    class Meta:
        model = Task
        fields = (
            "id",
            "project_id",
            "title",
            "description",
            "status",
            "priority",
            "assignee_id",
            "created_by_id",
            "due_date",
            "created_at",
            "updated_at",
        )
        extra_kwargs = {
            "status": {"required": True},
            "priority": {"required": True},
            "due_date": {"required": True},
            "created_at": {"read_only": False},
            "updated_at": {"read_only": False},
        }


class TaskCreateSerializer(serializers.ModelSerializer[Task]):
    description = serializers.CharField(max_length=DESCRIPTION_MAX_LENGTH, allow_blank=True, default="")
    assignee_id = IdField(allow_null=True, default=None)

    class Meta:
        model = Task
        fields = ("title", "description", "status", "priority", "assignee_id", "due_date")
        extra_kwargs = {
            "status": {"default": _default("status")},
            "priority": {"default": _default("priority")},
            "due_date": {"default": None},
        }


class TaskUpdateSerializer(serializers.ModelSerializer[Task]):
    description = serializers.CharField(max_length=DESCRIPTION_MAX_LENGTH, allow_blank=True, required=False)
    assignee_id = IdField(allow_null=True, required=False)

    class Meta:
        model = Task
        fields = ("title", "description", "status", "priority", "assignee_id", "due_date")
        extra_kwargs = {name: {"required": False} for name in ("title", "status", "priority", "due_date")}


TaskListSerializer = page_of(TaskSerializer, "TaskListSerializer")
