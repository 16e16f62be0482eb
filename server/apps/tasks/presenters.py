"""Tasks as the contract's `Task`."""

from __future__ import annotations

from typing import Any

from server.common.wire import wire_time

from .models import Task


def present_task(task: Task) -> dict[str, Any]:
    return {
        "id": task.pk,
        "project_id": task.project_id,
        "title": task.title,
        "description": task.description,
        "status": task.status,
        "priority": task.priority,
        "assignee_id": task.assignee_id,
        "created_by_id": task.created_by_id,
        "due_date": wire_time(task.due_date),
        "created_at": wire_time(task.created_at),
        "updated_at": wire_time(task.updated_at),
    }
