"""Generic views; a project's tasks are visible to its members (a queryset filter), writable by editors."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from rest_framework import generics
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import SAFE_METHODS, IsAuthenticated
from rest_framework_simplejwt.authentication import JWTAuthentication

from server.apps.projects.models import Project
from server.apps.projects.selectors import EDITOR_ROLES
from server.apps.tasks.models import Task

from .serializers import TaskSerializer


class TaskCursorPagination(CursorPagination):
    ordering = "-created_at"
    page_size = 20


class _ProjectTasksMixin:
    kwargs: dict[str, Any]
    request: Any

    def get_queryset(self) -> QuerySet[Task]:
        # One filter() call: a single join on memberships for both conditions.
        membership: dict[str, Any] = {"project__memberships__user": self.request.user}
        if self.request.method not in SAFE_METHODS:
            membership["project__memberships__role__in"] = EDITOR_ROLES
        return Task.objects.filter(project_id=self.kwargs["project_id"], **membership)


class TaskListCreate(_ProjectTasksMixin, generics.ListCreateAPIView[Task]):
    # simplejwt's authentication as DRF projects configure it: the user loaded from the database.
    authentication_classes = [JWTAuthentication]
    serializer_class = TaskSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = TaskCursorPagination

    def perform_create(self, serializer: Any) -> None:
        project = get_object_or_404(
            Project,
            pk=self.kwargs["project_id"],
            memberships__user=self.request.user,
            memberships__role__in=EDITOR_ROLES,
        )
        serializer.save(project=project, created_by=self.request.user)


class TaskRetrieveUpdate(_ProjectTasksMixin, generics.RetrieveUpdateAPIView[Task]):
    authentication_classes = [JWTAuthentication]
    serializer_class = TaskSerializer
    permission_classes = [IsAuthenticated]
