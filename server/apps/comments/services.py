"""Writes for comments."""

from __future__ import annotations

from server.apps.accounts.models import User
from server.apps.projects.events import EventType, event_outbox
from server.apps.tasks.models import Task
from server.common.conditional import Precondition, guarded, lock_and_check
from server.common.errors import PermissionDenied

from .models import Comment
from .presenters import present_comment


def comment_require_author(*, comment: Comment, user: User) -> None:
    """Only a comment's author may edit or delete it (403 for other members)."""
    if comment.author_id != user.pk:
        raise PermissionDenied("Only the author of a comment can change or delete it.")


def comment_create(*, task: Task, author: User, body: str) -> Comment:
    with event_outbox(project_id=task.project_id, type=EventType.COMMENT_CREATED) as record:
        comment = Comment.objects.create(task=task, author=author, body=body)
        record(present_comment(comment))
    return comment


def comment_update(*, comment: Comment, body: str, precondition: Precondition | None = None) -> Comment:
    """With `If-Match` (`precondition`) the row is locked and checked first, in the write's transaction."""
    with guarded(precondition):
        comment = lock_and_check(comment, precondition, keep=("author", "task"))
        comment.body = body
        comment.save(update_fields=["body", "updated_at"])
    return comment


def comment_delete(*, comment: Comment, precondition: Precondition | None = None) -> None:
    with guarded(precondition):
        comment = lock_and_check(comment, precondition, keep=("author", "task"))
        comment.delete()
