"""Writes for comments."""

from __future__ import annotations

from server.apps.accounts.models import User
from server.apps.tasks.models import Task
from server.common.errors import PermissionDenied

from .models import Comment


def comment_require_author(*, comment: Comment, user: User) -> None:
    """Only a comment's author may edit or delete it (403 for other members)."""
    if comment.author_id != user.pk:
        raise PermissionDenied("Only the author of a comment can change or delete it.")


def comment_create(*, task: Task, author: User, body: str) -> Comment:
    return Comment.objects.create(task=task, author=author, body=body)


def comment_update(*, comment: Comment, body: str) -> Comment:
    comment.body = body
    comment.save(update_fields=["body", "updated_at"])
    return comment


def comment_delete(*, comment: Comment) -> None:
    comment.delete()
