"""Comments on a task. Thin: read validated input, check permissions, call, present."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from server.apps.accounts.authentication import AccountCheckedByQuery
from server.apps.accounts.selectors import caller_id, user_from_request
from server.apps.idempotency.schema import IDEMPOTENCY_KEY, replayed
from server.apps.projects.selectors import EDITOR_ROLES, project_require_role
from server.apps.tasks.selectors import task_get_for_member
from server.common.conditional import if_match
from server.common.pagination import paginate
from server.contract.spectacular import id_parameter, location_header, ordering, page_parameters, problems
from server.contract.spectacular_http import caching, conditional_write
from server.contract.views import ContractAPIView

from . import selectors, services
from .presenters import present_comment
from .schema import (
    CommentCreateSerializer,
    CommentListSerializer,
    CommentSerializer,
    CommentUpdateSerializer,
)

PATH = [id_parameter("project_id"), id_parameter("task_id")]
COMMENT_ID = id_parameter("comment_id")
PRECONDITION_FAILED, CONDITIONAL_WRITE = conditional_write()


class CommentListView(AccountCheckedByQuery, ContractAPIView):
    operations = {"get": "comments_list", "post": "comments_create"}

    @extend_schema(
        request=None,
        responses={200: CommentListSerializer, **problems(404)},
        parameters=[*PATH, *page_parameters(ordering("created_at", default="created_at")), *caching(200)],
    )
    def get(self, request: Request, project_id: int, task_id: int) -> Response:
        task = task_get_for_member(user_id=caller_id(request), project_id=project_id, task_id=task_id)
        return paginate(
            request=request,
            queryset=selectors.comment_list(task=task),
            ordering=self.query["ordering"],
            present=present_comment,
            page_size=self.query["page_size"],
            cursor=self.query.get("cursor"),
        )

    @extend_schema(
        request=CommentCreateSerializer,
        responses={201: CommentSerializer, **problems(403, 404, 409, 422)},
        parameters=[*PATH, location_header(), IDEMPOTENCY_KEY, *caching(201, etag=True), *replayed(201)],
    )
    def post(self, request: Request, project_id: int, task_id: int) -> Response:
        caller = user_from_request(request)
        task = task_get_for_member(user_id=caller.pk, project_id=project_id, task_id=task_id)
        project_require_role(project=task.project, roles=EDITOR_ROLES, action="comment")
        comment = services.comment_create(task=task, author=caller, body=self.body["body"])
        location = reverse(
            "comments_update",
            kwargs={"project_id": task.project_id, "task_id": task.pk, "comment_id": comment.pk},
        )
        return Response(present_comment(comment), status=201, headers={"Location": location})


class CommentDetailView(ContractAPIView):
    operations = {"patch": "comments_update", "delete": "comments_delete"}

    @extend_schema(
        request=CommentUpdateSerializer,
        responses={200: CommentSerializer, **problems(403, 404), **PRECONDITION_FAILED},
        parameters=[*PATH, COMMENT_ID, *CONDITIONAL_WRITE, *caching(200, etag=True)],
    )
    def patch(self, request: Request, project_id: int, task_id: int, comment_id: int) -> Response:
        caller = user_from_request(request)
        task = task_get_for_member(user_id=caller.pk, project_id=project_id, task_id=task_id)
        comment = selectors.comment_get(task=task, comment_id=comment_id)
        services.comment_require_author(comment=comment, user=caller)
        precondition = if_match(request, present_comment)
        comment = services.comment_update(comment=comment, body=self.body["body"], precondition=precondition)
        return Response(present_comment(comment))

    @extend_schema(
        request=None,
        responses={204: None, **problems(403, 404), **PRECONDITION_FAILED},
        parameters=[*PATH, COMMENT_ID, *CONDITIONAL_WRITE],
    )
    def delete(self, request: Request, project_id: int, task_id: int, comment_id: int) -> Response:
        caller = user_from_request(request)
        task = task_get_for_member(user_id=caller.pk, project_id=project_id, task_id=task_id)
        comment = selectors.comment_get(task=task, comment_id=comment_id)
        services.comment_require_author(comment=comment, user=caller)
        services.comment_delete(comment=comment, precondition=if_match(request, present_comment))
        return Response(status=204)
