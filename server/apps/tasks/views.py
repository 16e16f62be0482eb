"""Tasks of a project. Thin: read validated input, check permissions, call, present."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework.request import Request
from rest_framework.response import Response

from server.apps.accounts.authentication import AccountCheckedByQuery
from server.apps.accounts.selectors import caller_id
from server.apps.projects.selectors import EDITOR_ROLES, project_get_for_member, project_require_role
from server.common.conditional import if_match
from server.common.pagination import paginate
from server.contract.views import ContractAPIView

from . import selectors, services
from .models import TaskPriority, TaskStatus
from .presenters import present_task

_FILTERS = ("status", "priority", "assignee_id", "due_before", "due_after", "search")


class TaskListView(AccountCheckedByQuery, ContractAPIView):
    operations = {"get": "tasks_list", "post": "tasks_create"}

    def get(self, request: Request, project_id: int) -> Response:
        project = project_get_for_member(user_id=caller_id(request), project_id=project_id)
        filters = {name: self.query[name] for name in _FILTERS if self.query.get(name) is not None}
        ordering = self.query["ordering"]
        return paginate(
            request=request,
            queryset=selectors.task_list(project=project, filters=filters),
            ordering=selectors.task_ordering_field(ordering),
            present=present_task,
            page_size=self.query["page_size"],
            cursor=self.query.get("cursor"),
        )

    def post(self, request: Request, project_id: int) -> Response:
        caller = caller_id(request)
        project = project_get_for_member(user_id=caller, project_id=project_id)
        project_require_role(project=project, roles=EDITOR_ROLES, action="create tasks")
        body: dict[str, Any] = self.body
        task = services.task_create(
            project=project,
            created_by_id=caller,
            title=body["title"],
            description=body.get("description", ""),
            status=body.get("status", TaskStatus.TODO),
            priority=body.get("priority", TaskPriority.NORMAL),
            assignee_id=body.get("assignee_id"),
            due_date=body.get("due_date"),
        )
        location = reverse("tasks_retrieve", kwargs={"project_id": project.pk, "task_id": task.pk})
        return Response(present_task(task), status=201, headers={"Location": location})


class TaskDetailView(AccountCheckedByQuery, ContractAPIView):
    operations = {"get": "tasks_retrieve", "patch": "tasks_update", "delete": "tasks_delete"}

    def get(self, request: Request, project_id: int, task_id: int) -> Response:
        task = selectors.task_get_for_member(
            user_id=caller_id(request), project_id=project_id, task_id=task_id
        )
        return Response(present_task(task))

    def patch(self, request: Request, project_id: int, task_id: int) -> Response:
        task = selectors.task_get_for_member(
            user_id=caller_id(request), project_id=project_id, task_id=task_id
        )
        project_require_role(project=task.project, roles=EDITOR_ROLES, action="edit tasks")
        task = services.task_update(task=task, data=self.body, precondition=if_match(request, present_task))
        return Response(present_task(task))

    def delete(self, request: Request, project_id: int, task_id: int) -> Response:
        task = selectors.task_get_for_member(
            user_id=caller_id(request), project_id=project_id, task_id=task_id
        )
        project_require_role(project=task.project, roles=EDITOR_ROLES, action="delete tasks")
        services.task_delete(task=task, precondition=if_match(request, present_task))
        return Response(status=204)
