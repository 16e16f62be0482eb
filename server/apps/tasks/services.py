"""Writes for tasks."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from server.apps.projects.events import EventType, event_outbox
from server.apps.projects.models import Project
from server.apps.projects.selectors import membership_is_member
from server.common.conditional import Precondition, guarded, lock_and_check
from server.common.error_codes import ErrorCode
from server.common.errors import BadRequest, Unprocessable

from .models import Task, TaskPriority, TaskStatus
from .presenters import present_task

TASK_UPDATABLE_FIELDS = ("title", "description", "status", "priority", "assignee_id", "due_date")


def _ensure_assignee_is_member(*, project: Project, assignee_id: int | None) -> None:
    if assignee_id is None or membership_is_member(project=project, user_id=assignee_id):
        return
    raise Unprocessable(
        code=ErrorCode.ASSIGNEE_NOT_MEMBER,
        detail=f"User {assignee_id} is not a member of this project.",
        errors=[
            {
                "pointer": "/assignee_id",
                "code": "assignee_not_member",
                "message": "The assignee must be a member of the project.",
            }
        ],
    )


def _parse_due_date(value: date | str | None) -> date | None:
    # The contract has checked the format (server/contract/validation/formats.py), yet the validated body
    # stays the JSON the client sent: the idempotency fingerprint and the engines' agreement read it as such,
    # and a typed copy would be per-request work for every body. One fromisoformat per write is the cheaper
    # place; the 400 is for CONTRACT_REQUEST_VALIDATION=off.
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(
            detail="The request is invalid.",
            errors=[{"pointer": "/due_date", "code": "invalid", "message": "Not an ISO 8601 date."}],
        ) from None


def task_create(
    *,
    project: Project,
    created_by_id: int,
    title: str,
    description: str = "",
    status: str = TaskStatus.TODO,
    priority: str = TaskPriority.NORMAL,
    assignee_id: int | None = None,
    due_date: date | str | None = None,
) -> Task:
    _ensure_assignee_is_member(project=project, assignee_id=assignee_id)
    with event_outbox(project_id=project.pk, type=EventType.TASK_CREATED) as record:
        task = Task.objects.create(
            project=project,
            created_by_id=created_by_id,
            title=title,
            description=description,
            status=status,
            priority=priority,
            assignee_id=assignee_id,
            due_date=_parse_due_date(due_date),
        )
        record(present_task(task))
    return task


def task_update(*, task: Task, data: Mapping[str, Any], precondition: Precondition | None = None) -> Task:
    """PATCH: `data` holds only the fields sent; `assignee_id` / `due_date` may be null to clear them.
    With `If-Match` (`precondition`) the row is locked and checked first, in the write's transaction."""
    fields = [name for name in TASK_UPDATABLE_FIELDS if name in data]
    outbox = event_outbox(project_id=task.project_id, type=EventType.TASK_UPDATED)
    with guarded(precondition), outbox as record:
        task = lock_and_check(task, precondition, keep=("project",))
        if not fields:
            return task
        if "assignee_id" in data:
            _ensure_assignee_is_member(project=task.project, assignee_id=data["assignee_id"])
        for name in fields:
            value = _parse_due_date(data[name]) if name == "due_date" else data[name]
            setattr(task, name, value)
        task.save(update_fields=[*fields, "updated_at"])
        record(present_task(task))
    return task


def task_delete(*, task: Task, precondition: Precondition | None = None) -> None:
    # Its comments go with it (FK cascade).
    with (
        guarded(precondition),
        event_outbox(project_id=task.project_id, type=EventType.TASK_DELETED) as record,
    ):
        task = lock_and_check(task, precondition, keep=("project",))
        task_id = task.pk
        task.delete()
        record({"id": task_id})
