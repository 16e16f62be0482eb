"""The task operations as only the code can say (`make drift`): the bodies where the presenter and model do
not tell it all, and what each handler answers and raises (`OPERATIONS`)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers

from server.contract.spectacular import (
    ID_SCHEMA,
    SEARCH,
    Doc,
    IdField,
    ordering,
    page_of,
    partial,
    presented,
    query,
)

from .models import Task, TaskPriority, TaskStatus
from .presenters import present_task
from .views import _FILTERS

# A TextField has no max_length in the model; the API caps it (and says so in the contract).
DESCRIPTION_MAX_LENGTH = 10000


def _default(name: str) -> str:
    field: Any = Task._meta.get_field(name)
    default: str = field.default
    return default


TaskSerializer = presented(
    "TaskSerializer",
    present_task,
    Task,
    description=serializers.CharField(max_length=DESCRIPTION_MAX_LENGTH, allow_blank=True),
)


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


# The filters TaskListView reads, typed as task_list() applies them.
FILTERS = (
    query("status", str, enum=TaskStatus.values),
    query("priority", str, enum=TaskPriority.values),
    query("assignee_id", ID_SCHEMA),
    query("due_before", OpenApiTypes.DATE),
    query("due_after", OpenApiTypes.DATE),
    SEARCH,
)
assert [parameter.name for parameter in FILTERS] == list(_FILTERS)
ORDERING = ordering("created_at", "updated_at", "priority", "title", default="-created_at")

OPERATIONS = {
    "tasks_list": Doc(200, page_of(TaskSerializer), errors=(404,), query=(*FILTERS, ORDERING)),
    "tasks_create": Doc(201, TaskSerializer, TaskCreateSerializer, errors=(403, 404, 409, 422)),
    "tasks_retrieve": Doc(200, TaskSerializer, errors=(404,)),
    "tasks_update": Doc(200, TaskSerializer, partial(TaskCreateSerializer), errors=(403, 404, 412, 422)),
    "tasks_delete": Doc(204, errors=(403, 404, 412)),
}
