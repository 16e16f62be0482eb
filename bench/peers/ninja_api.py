"""django-ninja on the bench's Django project: the same four task endpoints, on the same models.

Ninja's idioms: Schema (Pydantic v2) in and out, an HttpBearer auth class, the ORM, a `response` parameter
for headers, and the documented orjson renderer (Django's JSON encoder would cut microseconds to
milliseconds, so the JSON would not be ours).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import orjson
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django_redis import get_redis_connection
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.renderers import BaseRenderer
from ninja.security import HttpBearer
from rest_framework.utils.urls import replace_query_param

from server.apps.projects.models import Membership
from server.apps.tasks.models import Task

from . import common
from .schemas import Priority, Status, TaskCreate, TaskUpdate

_SIGNER = signing.Signer(salt="server.common.pagination.cursor")
_TASK_FIELDS = list(common.TASK_COLUMNS)
_window: Any = None


class ORJSONRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> bytes:
        return orjson.dumps(data, option=orjson.OPT_UTC_Z)


class JWTBearer(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> int | None:
        try:
            return common.user_id_from(f"Bearer {token}")
        except common.Unauthorized:
            return None


api = NinjaAPI(auth=JWTBearer(), renderer=ORJSONRenderer(), docs_url=None, openapi_url=None)


class TaskOut(Schema):
    id: int
    project_id: int
    title: str
    description: str
    status: Status
    priority: Priority
    assignee_id: int | None
    created_by_id: int
    due_date: date | None
    created_at: datetime
    updated_at: datetime


class TaskListOut(Schema):
    items: list[TaskOut]
    next: str | None
    previous: str | None


def _rate_limit(request: HttpRequest, response: HttpResponse) -> None:
    """One atomic counter per user in Redis, as ours counts (the same script), with its headers."""
    global _window
    if _window is None:
        _window = get_redis_connection("default").register_script(common.WINDOW_SCRIPT)
    count, ttl_ms = _window(keys=[common.rate_limit_key(_caller(request))], args=[common.RATE.seconds * 1000])
    headers = common.rate_limit_headers(int(count), int(ttl_ms))
    if int(count) > common.RATE.limit:
        raise HttpError(429, "Request was throttled.")
    for name, value in headers.items():
        response[name] = value


def _caller(request: HttpRequest) -> int:
    user_id: int = request.auth  # type: ignore[attr-defined]  # what JWTBearer.authenticate returned
    return user_id


def _role(project_id: int, user_id: int) -> str:
    role = (
        Membership.objects.filter(project_id=project_id, user_id=user_id, user__is_active=True)
        .values_list("role", flat=True)
        .first()
    )
    if role is None:
        raise HttpError(404, "No such project.")
    return role


def _task(project_id: int, task_id: int, user_id: int) -> Task:
    _role(project_id, user_id)
    task = Task.objects.filter(pk=task_id, project_id=project_id).only(*_TASK_FIELDS).first()
    if task is None:
        raise HttpError(404, "No such task in this project.")
    return task


def _require_member(project_id: int, user_id: int | None) -> None:
    if user_id is not None and not Membership.objects.filter(project_id=project_id, user_id=user_id).exists():
        raise HttpError(422, f"User {user_id} is not a member of this project.")


@api.get("/projects/{project_id}/tasks", response=TaskListOut)
def tasks_list(request: HttpRequest, response: HttpResponse, project_id: int) -> dict[str, Any]:
    _rate_limit(request, response)
    _role(project_id, _caller(request))
    rows = list(
        Task.objects.filter(project_id=project_id)
        .only(*_TASK_FIELDS)
        .order_by("-created_at", "-id")[: common.PAGE_SIZE + 1]
    )
    more, rows = len(rows) > common.PAGE_SIZE, rows[: common.PAGE_SIZE]
    next_link = None
    if more and rows:
        payload = {"v": rows[-1].created_at.isoformat(), "id": rows[-1].pk, "b": False, "o": "-created_at"}
        token = _SIGNER.sign_object({**payload, "p": request.path})
        next_link = replace_query_param(request.build_absolute_uri(), "cursor", token)
    return {"items": rows, "next": next_link, "previous": None}


@api.get("/projects/{project_id}/tasks/{task_id}", response=TaskOut)
def tasks_retrieve(request: HttpRequest, response: HttpResponse, project_id: int, task_id: int) -> Task:
    _rate_limit(request, response)
    return _task(project_id, task_id, _caller(request))


@api.post("/projects/{project_id}/tasks", response={201: TaskOut})
def tasks_create(request: HttpRequest, response: HttpResponse, project_id: int, body: TaskCreate) -> Any:
    _rate_limit(request, response)
    if _role(project_id, _caller(request)) not in common.EDITOR_ROLES:
        raise HttpError(403, "Your role does not allow you to create tasks.")
    _require_member(project_id, body.assignee_id)
    task = Task.objects.create(project_id=project_id, created_by_id=_caller(request), **body.model_dump())
    response["Location"] = f"/api/v1/projects/{project_id}/tasks/{task.pk}"
    return 201, task


@api.patch("/projects/{project_id}/tasks/{task_id}", response=TaskOut)
def tasks_update(
    request: HttpRequest, response: HttpResponse, project_id: int, task_id: int, body: TaskUpdate
) -> Task:
    _rate_limit(request, response)
    if _role(project_id, _caller(request)) not in common.EDITOR_ROLES:
        raise HttpError(403, "Your role does not allow you to edit tasks.")
    changes = body.model_dump(exclude_unset=True)
    _require_member(project_id, changes.get("assignee_id"))
    task = Task.objects.filter(pk=task_id, project_id=project_id).only(*_TASK_FIELDS).first()
    if task is None:
        raise HttpError(404, "No such task in this project.")
    for name, value in changes.items():
        setattr(task, name, value)
    task.updated_at = timezone.now()
    task.save(update_fields=[*changes, "updated_at"])
    return task
