"""Reads for tasks."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q, QuerySet

from server.apps.accounts.models import User
from server.apps.projects.models import Membership, Project
from server.apps.projects.selectors import project_get_for_member
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


# The task and the caller's role in its project in one query, in SQL for the reason given at
# projects.selectors.project_get_for_member (the ORM join costs more CPU to build than the read itself).
_MEMBER_TASK_SQL = f"""
SELECT t.*, m.role AS caller_role
FROM {Task._meta.db_table} t
JOIN {Membership._meta.db_table} m ON m.project_id = t.project_id
JOIN {User._meta.db_table} u ON u.id = m.user_id AND u.is_active
WHERE t.id = %s AND t.project_id = %s AND m.user_id = %s
"""


def task_get_for_member(*, user_id: int, project_id: int, task_id: int) -> Task:
    """The task, with `task.project` carrying the caller's `role` (its other columns load on first use);
    404 when the project does not exist or the caller is not a member (as project_get_for_member), or when
    the task is not in it; 401 when the caller's account is inactive or gone."""
    for task in Task.objects.raw(_MEMBER_TASK_SQL, [task_id, project_id, user_id]):
        project = Project.from_db(DEFAULT_DB_ALIAS, ["id"], [task.project_id])
        project.role = task.caller_role  # type: ignore[attr-defined]  # a column of the query, not of Task
        task.project = project
        return task
    project_get_for_member(user_id=user_id, project_id=project_id)  # 401, then 404 for the project first
    raise NotFound("No such task in this project.")


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
