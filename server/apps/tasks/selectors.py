"""Reads for tasks."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from server.apps.projects.models import Project
from server.common.errors import NotFound

from .models import Task

# The contract's `ordering` values that do not name a column directly.
_ORDERING_FIELDS = {"priority": "priority_rank", "-priority": "-priority_rank"}


def task_ordering_field(ordering: str) -> str:
    """Translate a contract `ordering` value to the queryset field paginate() orders by."""
    return _ORDERING_FIELDS.get(ordering, ordering)


def task_list(*, project: Project, filters: Mapping[str, Any] | None = None) -> QuerySet[Task]:
    """Tasks of `project`. Filters (all optional): status, priority,
    assignee_id, due_before / due_after (inclusive, ISO dates or date objects), search (title/description).
    The Task payload only has foreign-key ids, so no joins are needed."""
    filters = filters or {}
    queryset = Task.objects.filter(project=project)
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("priority"):
        queryset = queryset.filter(priority=filters["priority"])
    if filters.get("assignee_id") is not None:
        queryset = queryset.filter(assignee_id=filters["assignee_id"])
    if filters.get("due_before") is not None:
        queryset = queryset.filter(due_date__lte=_as_date(filters["due_before"]))
    if filters.get("due_after") is not None:
        queryset = queryset.filter(due_date__gte=_as_date(filters["due_after"]))
    if filters.get("search"):
        search = filters["search"]
        queryset = queryset.filter(Q(title__icontains=search) | Q(description__icontains=search))
    return queryset


def task_get(*, project: Project, task_id: int) -> Task:
    task = Task.objects.filter(project=project, pk=task_id).first()
    if task is None:
        raise NotFound("No such task in this project.")
    task.project = project  # already loaded with the caller's role
    return task


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
