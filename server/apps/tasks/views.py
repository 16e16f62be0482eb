"""Tasks of a project. Thin: read validated input, check permissions, call, present."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from server.apps.accounts.authentication import AccountCheckedByQuery
from server.apps.accounts.selectors import caller_id
from server.apps.idempotency.schema import IDEMPOTENCY_KEY, replayed
from server.apps.projects.selectors import EDITOR_ROLES, project_get_for_member, project_require_role
from server.common.conditional import if_match
from server.common.pagination import paginate
from server.contract.spectacular import (
    ID_SCHEMA,
    SEARCH,
    id_parameter,
    location_header,
    ordering,
    page_parameters,
    problems,
    query,
)
from server.contract.spectacular_http import caching, conditional_get, conditional_write
from server.contract.views import ContractAPIView

from . import selectors, services
from .models import TaskPriority, TaskStatus
from .presenters import present_task
from .schema import TaskCreateSerializer, TaskListSerializer, TaskSerializer, TaskUpdateSerializer

_FILTERS = ("status", "priority", "assignee_id", "due_before", "due_after", "search")
PROJECT_ID = id_parameter("project_id")
TASK_ID = id_parameter("task_id")
NOT_MODIFIED, CONDITIONAL_GET = conditional_get()
PRECONDITION_FAILED, CONDITIONAL_WRITE = conditional_write()
FILTER_PARAMETERS = [
    query("status", str, enum=TaskStatus.values),
    query("priority", str, enum=TaskPriority.values),
    query("assignee_id", ID_SCHEMA),
    query("due_before", OpenApiTypes.DATE),
    query("due_after", OpenApiTypes.DATE),
    SEARCH,
]
assert [p.name for p in FILTER_PARAMETERS] == list(_FILTERS)


class TaskListView(AccountCheckedByQuery, ContractAPIView):
    operations = {"get": "tasks_list", "post": "tasks_create"}

    @extend_schema(
        request=None,
        responses={200: TaskListSerializer, **problems(404)},
        parameters=[
            PROJECT_ID,
            *page_parameters(
                *FILTER_PARAMETERS,
                ordering("created_at", "updated_at", "priority", "title", default="-created_at"),
            ),
            *caching(200),
        ],
    )
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

    @extend_schema(
        request=TaskCreateSerializer,
        responses={201: TaskSerializer, **problems(403, 404, 409, 422)},
        parameters=[PROJECT_ID, location_header(), IDEMPOTENCY_KEY, *caching(201, etag=True), *replayed(201)],
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

    @extend_schema(
        request=None,
        responses={200: TaskSerializer, **NOT_MODIFIED, **problems(404)},
        parameters=[PROJECT_ID, TASK_ID, *CONDITIONAL_GET],
    )
    def get(self, request: Request, project_id: int, task_id: int) -> Response:
        task = selectors.task_get_for_member(
            user_id=caller_id(request), project_id=project_id, task_id=task_id
        )
        return Response(present_task(task))

    @extend_schema(
        request=TaskUpdateSerializer,
        responses={200: TaskSerializer, **problems(403, 404, 422), **PRECONDITION_FAILED},
        parameters=[PROJECT_ID, TASK_ID, *CONDITIONAL_WRITE, *caching(200, etag=True)],
    )
    def patch(self, request: Request, project_id: int, task_id: int) -> Response:
        task = selectors.task_get_for_member(
            user_id=caller_id(request), project_id=project_id, task_id=task_id
        )
        project_require_role(project=task.project, roles=EDITOR_ROLES, action="edit tasks")
        task = services.task_update(task=task, data=self.body, precondition=if_match(request, present_task))
        return Response(present_task(task))

    @extend_schema(
        request=None,
        responses={204: None, **problems(403, 404), **PRECONDITION_FAILED},
        parameters=[PROJECT_ID, TASK_ID, *CONDITIONAL_WRITE],
    )
    def delete(self, request: Request, project_id: int, task_id: int) -> Response:
        task = selectors.task_get_for_member(
            user_id=caller_id(request), project_id=project_id, task_id=task_id
        )
        project_require_role(project=task.project, roles=EDITOR_ROLES, action="delete tasks")
        services.task_delete(task=task, precondition=if_match(request, present_task))
        return Response(status=204)
