"""Tasks inside a project."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from server.apps.projects.models import Project
from server.contract.generated.choices import TaskPriority, TaskStatus

__all__ = ["PRIORITY_RANK", "Task", "TaskPriority", "TaskStatus"]


# Sort rank for `ordering=priority` (low < normal < high < urgent); the column stays a readable string.
PRIORITY_RANK: dict[str, int] = {
    TaskPriority.LOW: 0,
    TaskPriority.NORMAL: 1,
    TaskPriority.HIGH: 2,
    TaskPriority.URGENT: 3,
}


class Task(models.Model):
    # Deleting the project deletes its tasks (and, through them, their comments).
    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="tasks",
        db_index=False,  # every (project, ...) index below leads with project_id
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    status = models.CharField(max_length=20, choices=TaskStatus.choices, default=TaskStatus.TODO)
    priority = models.CharField(max_length=20, choices=TaskPriority.choices, default=TaskPriority.NORMAL)
    # A deleted assignee leaves the task unassigned.
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_tasks",
    )
    # PROTECT, not SET_NULL: the contract's `created_by_id` is a non-nullable integer, and authorship is part
    # of the record. Accounts are deactivated (is_active=False), not deleted, once they have created tasks.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="created_tasks"
    )
    due_date = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # `ordering=priority` sorts by rank, not by the string: a column the database computes, so the keyset
    # walk over (project, priority_rank, id) runs straight from an index instead of sorting a CASE per row.
    priority_rank = models.GeneratedField(
        expression=Case(
            *(When(priority=priority, then=Value(rank)) for priority, rank in PRIORITY_RANK.items()),
            default=Value(0),
        ),
        output_field=models.SmallIntegerField(),
        db_persist=True,
    )

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(status__in=TaskStatus.values), name="tasks_task_status_valid"),
            models.CheckConstraint(
                condition=Q(priority__in=TaskPriority.values), name="tasks_task_priority_valid"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="tasks_task_title_not_blank"),
        ]
        indexes = [
            models.Index(fields=["project", "status"], name="tasks_project_status"),
            models.Index(fields=["project", "priority"], name="tasks_project_priority"),
            models.Index(fields=["project", "assignee"], name="tasks_project_assignee"),
            models.Index(fields=["project", "due_date"], name="tasks_project_due_date"),
            # Keyset pagination orders by (field, id): the id makes ties walkable straight from the index.
            models.Index(fields=["project", "created_at", "id"], name="tasks_project_created_at"),
            models.Index(fields=["project", "updated_at", "id"], name="tasks_project_updated_at"),
            models.Index(fields=["project", "priority_rank", "id"], name="tasks_project_priority_rank"),
            models.Index(fields=["project", "title", "id"], name="tasks_project_title"),
        ]

    def __str__(self) -> str:
        return self.title
