"""Projects and their members. Thin: read validated input, check permissions, call, present."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework.request import Request
from rest_framework.response import Response

from server.apps.accounts.authentication import AccountCheckedByQuery
from server.apps.accounts.selectors import caller_id, user_from_request
from server.common.conditional import if_match
from server.common.pagination import paginate
from server.contract.views import ContractAPIView

from . import selectors, services
from .models import Project
from .presenters import present_invitation, present_member, present_project
from .selectors import EDITOR_ROLES, OWNER_ROLES


def _project(request: Request, project_id: int) -> Project:
    """The project with the caller's role; 404 for non-members."""
    return selectors.project_get_for_member(user_id=caller_id(request), project_id=project_id)


class ProjectListView(ContractAPIView):
    operations = {"get": "projects_list", "post": "projects_create"}

    def get(self, request: Request) -> Response:
        return paginate(
            request=request,
            queryset=selectors.project_list(user=user_from_request(request), search=self.query.get("search")),
            ordering=self.query["ordering"],
            present=present_project,
            page_size=self.query["page_size"],
            cursor=self.query.get("cursor"),
        )

    def post(self, request: Request) -> Response:
        body: dict[str, Any] = self.body
        project = services.project_create(
            owner=user_from_request(request), name=body["name"], description=body.get("description", "")
        )
        location = reverse("projects_retrieve", kwargs={"project_id": project.pk})
        return Response(present_project(project), status=201, headers={"Location": location})


class ProjectDetailView(AccountCheckedByQuery, ContractAPIView):
    operations = {
        "get": "projects_retrieve",
        "put": "projects_replace",
        "patch": "projects_update",
        "delete": "projects_delete",
    }

    def get(self, request: Request, project_id: int) -> Response:
        project = _project(request, project_id)
        return Response(present_project(project))

    def put(self, request: Request, project_id: int) -> Response:
        return self._update(request, project_id)

    def patch(self, request: Request, project_id: int) -> Response:
        return self._update(request, project_id)

    def _update(self, request: Request, project_id: int) -> Response:
        project = _project(request, project_id)
        selectors.project_require_role(project=project, roles=EDITOR_ROLES, action="edit this project")
        precondition = if_match(request, present_project)
        project = services.project_update(project=project, data=self.body, precondition=precondition)
        return Response(present_project(project))

    def delete(self, request: Request, project_id: int) -> Response:
        project = _project(request, project_id)
        selectors.project_require_role(project=project, roles=OWNER_ROLES, action="delete this project")
        services.project_delete(project=project, precondition=if_match(request, present_project))
        return Response(status=204)


class ProjectMemberListView(AccountCheckedByQuery, ContractAPIView):
    operations = {"get": "project_members_list", "post": "project_members_add"}

    def get(self, request: Request, project_id: int) -> Response:
        project = _project(request, project_id)
        return paginate(
            request=request,
            queryset=selectors.membership_list(project=project, role=self.query.get("role")),
            ordering=self.query["ordering"],
            present=present_member,
            page_size=self.query["page_size"],
            cursor=self.query.get("cursor"),
        )

    def post(self, request: Request, project_id: int) -> Response:
        project = _project(request, project_id)
        selectors.project_require_role(project=project, roles=OWNER_ROLES, action="add members")
        body: dict[str, Any] = self.body
        membership = services.membership_add(
            project=project, actor=user_from_request(request), user_id=body["user_id"], role=body["role"]
        )
        location = reverse(
            "project_members_update", kwargs={"project_id": project.pk, "user_id": membership.user_id}
        )
        return Response(present_member(membership), status=201, headers={"Location": location})


class ProjectMemberDetailView(AccountCheckedByQuery, ContractAPIView):
    operations = {"patch": "project_members_update", "delete": "project_members_remove"}

    def patch(self, request: Request, project_id: int, user_id: int) -> Response:
        project = _project(request, project_id)
        selectors.project_require_role(project=project, roles=OWNER_ROLES, action="change member roles")
        membership = selectors.membership_get(project=project, user_id=user_id)
        membership = services.membership_update(membership=membership, role=self.body["role"])
        return Response(present_member(membership))

    def delete(self, request: Request, project_id: int, user_id: int) -> Response:
        caller = user_from_request(request)
        project = selectors.project_get_for_member(user_id=caller.pk, project_id=project_id)
        if user_id != caller.pk:  # anyone may leave; only owners remove others
            selectors.project_require_role(project=project, roles=OWNER_ROLES, action="remove members")
        membership = selectors.membership_get(project=project, user_id=user_id)
        services.membership_remove(membership=membership)
        return Response(status=204)


class ProjectInvitationListView(AccountCheckedByQuery, ContractAPIView):
    operations = {"get": "project_invitations_list", "post": "project_invitations_create"}

    def get(self, request: Request, project_id: int) -> Response:
        project = _project(request, project_id)
        selectors.project_require_role(project=project, roles=OWNER_ROLES, action="see invitations")
        return paginate(
            request=request,
            queryset=selectors.invitation_list_for_project(project=project),
            ordering="created_at",
            present=present_invitation,
            page_size=self.query["page_size"],
            cursor=self.query.get("cursor"),
        )

    def post(self, request: Request, project_id: int) -> Response:
        project = _project(request, project_id)
        selectors.project_require_role(project=project, roles=OWNER_ROLES, action="invite members")
        body: dict[str, Any] = self.body
        invitation = services.invitation_create(
            project=project, invited_by=user_from_request(request), user_id=body["user_id"], role=body["role"]
        )
        location = reverse(
            "project_invitations_revoke", kwargs={"project_id": project.pk, "invitation_id": invitation.pk}
        )
        return Response(present_invitation(invitation), status=201, headers={"Location": location})


class ProjectInvitationDetailView(AccountCheckedByQuery, ContractAPIView):
    operations = {"delete": "project_invitations_revoke"}

    def delete(self, request: Request, project_id: int, invitation_id: int) -> Response:
        project = _project(request, project_id)
        selectors.project_require_role(project=project, roles=OWNER_ROLES, action="withdraw invitations")
        invitation = selectors.invitation_get_for_project(project=project, invitation_id=invitation_id)
        services.invitation_revoke(invitation=invitation)
        return Response(status=204)


class MyInvitationListView(ContractAPIView):
    operations = {"get": "invitations_list_mine"}

    def get(self, request: Request) -> Response:
        return paginate(
            request=request,
            queryset=selectors.invitation_list_for_invitee(user_id=user_from_request(request).pk),
            ordering="created_at",
            present=present_invitation,
            page_size=self.query["page_size"],
            cursor=self.query.get("cursor"),
        )


class MyInvitationAcceptView(ContractAPIView):
    operations = {"post": "invitations_accept"}

    def post(self, request: Request, invitation_id: int) -> Response:
        invitation = selectors.invitation_get_for_invitee(
            user_id=user_from_request(request).pk, invitation_id=invitation_id
        )
        project = services.invitation_accept(invitation=invitation)
        location = reverse("projects_retrieve", kwargs={"project_id": project.pk})
        return Response(present_project(project), status=201, headers={"Location": location})


class MyInvitationDeclineView(ContractAPIView):
    operations = {"post": "invitations_decline"}

    def post(self, request: Request, invitation_id: int) -> Response:
        invitation = selectors.invitation_get_for_invitee(
            user_id=user_from_request(request).pk, invitation_id=invitation_id
        )
        services.invitation_decline(invitation=invitation)
        return Response(status=204)
