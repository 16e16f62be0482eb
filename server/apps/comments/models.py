"""Comments on tasks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from server.apps.tasks.models import Task


class Comment(models.Model):
    # Deleting a task (or its project) deletes its comments.
    task = models.ForeignKey(
        Task,
        on_delete=models.CASCADE,
        related_name="comments",
        db_index=False,  # covered by the (task, created_at) index
    )
    # PROTECT: the contract's `author` is a required UserSummary, so a comment cannot outlive its author;
    # accounts with history are deactivated rather than deleted.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=~Q(body=""), name="comments_comment_body_not_blank")]
        indexes = [models.Index(fields=["task", "created_at"], name="comments_task_created_at")]

    def __str__(self) -> str:
        return f"Comment {self.pk} on task {self.task_id}"
