"""Comments on a task. Thin: read validated input, check permissions, call, present."""

from __future__ import annotations

from django.urls import reverse
from rest_framework.request import Request
from rest_framework.response import Response

from server.apps.accounts.authentication import AccountCheckedByQuery
from server.apps.accounts.selectors import caller_id, user_from_request
from server.apps.projects.selectors import EDITOR_ROLES, project_require_role
from server.apps.tasks.selectors import task_get_for_member
from server.common.conditional import if_match
from server.common.pagination import paginate
from server.contract.views import ContractAPIView

from . import selectors, services
from .presenters import present_comment


class CommentListView(AccountCheckedByQuery, ContractAPIView):
    operations = {"get": "comments_list", "post": "comments_create"}

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

    def patch(self, request: Request, project_id: int, task_id: int, comment_id: int) -> Response:
        caller = user_from_request(request)
        task = task_get_for_member(user_id=caller.pk, project_id=project_id, task_id=task_id)
        comment = selectors.comment_get(task=task, comment_id=comment_id)
        services.comment_require_author(comment=comment, user=caller)
        precondition = if_match(request, present_comment)
        comment = services.comment_update(comment=comment, body=self.body["body"], precondition=precondition)
        return Response(present_comment(comment))

    def delete(self, request: Request, project_id: int, task_id: int, comment_id: int) -> Response:
        caller = user_from_request(request)
        task = task_get_for_member(user_id=caller.pk, project_id=project_id, task_id=task_id)
        comment = selectors.comment_get(task=task, comment_id=comment_id)
        services.comment_require_author(comment=comment, user=caller)
        services.comment_delete(comment=comment, precondition=if_match(request, present_comment))
        return Response(status=204)
