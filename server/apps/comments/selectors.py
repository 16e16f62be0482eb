"""Reads for comments."""

from __future__ import annotations

from django.db.models import QuerySet

from server.apps.tasks.models import Task
from server.common.errors import NotFound

from .models import Comment


def comment_list(*, task: Task) -> QuerySet[Comment]:
    """Comments of `task` with their authors (one query per page, not one per comment)."""
    return Comment.objects.filter(task=task).select_related("author")


def comment_get(*, task: Task, comment_id: int) -> Comment:
    comment = Comment.objects.filter(task=task, pk=comment_id).select_related("author").first()
    if comment is None:
        raise NotFound("No such comment on this task.")
    comment.task = task
    return comment
