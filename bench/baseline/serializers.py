from __future__ import annotations

from rest_framework import serializers

from server.apps.accounts.models import User
from server.apps.projects.models import Membership
from server.apps.tasks.models import Task


class TaskSerializer(serializers.ModelSerializer[Task]):
    class Meta:
        model = Task
        fields = [
            "id",
            "project",
            "title",
            "description",
            "status",
            "priority",
            "assignee",
            "created_by",
            "due_date",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "project", "created_by", "created_at", "updated_at"]

    def validate_assignee(self, assignee: User | None) -> User | None:
        project_id = self.context["view"].kwargs["project_id"]
        if (
            assignee is not None
            and not Membership.objects.filter(project_id=project_id, user=assignee).exists()
        ):
            raise serializers.ValidationError("The assignee must be a member of the project.")
        return assignee
