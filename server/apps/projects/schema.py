"""The project and member operations as only the code can say (`make drift`): the bodies where the presenters
and models do not tell it all, and what each handler answers and raises (`OPERATIONS`)."""

from __future__ import annotations

from rest_framework import serializers

from server.apps.accounts.schema import UserSummarySerializer
from server.contract.spectacular import (
    SEARCH,
    Doc,
    IdField,
    ResponseSerializer,
    ordering,
    page_of,
    partial,
    presented,
    query,
)

from .models import Invitation, Membership, Project, Role
from .presenters import present_invitation, present_member, present_project

# TextFields have no max_length in the model; the API caps them (and says so in the contract).
DESCRIPTION_MAX_LENGTH = 5000


ProjectSerializer = presented(
    "ProjectSerializer",
    present_project,
    Project,
    description=serializers.CharField(max_length=DESCRIPTION_MAX_LENGTH, allow_blank=True),
    role=serializers.ChoiceField(choices=Role.choices),  # not a column: the caller's, from the selectors
)


class ProjectCreateSerializer(serializers.ModelSerializer[Project]):
    description = serializers.CharField(max_length=DESCRIPTION_MAX_LENGTH, allow_blank=True, default="")

    class Meta:
        model = Project
        fields = ("name", "description")


class ProjectReplaceSerializer(serializers.ModelSerializer[Project]):
    description = serializers.CharField(max_length=DESCRIPTION_MAX_LENGTH, allow_blank=True)

    class Meta:
        model = Project
        fields = ("name", "description")


MemberSerializer = presented("MemberSerializer", present_member, Membership, user=UserSummarySerializer())


class MemberAddSerializer(serializers.ModelSerializer[Membership]):
    user_id = IdField()

    class Meta:
        model = Membership
        fields = ("user_id", "role")


class MemberUpdateSerializer(serializers.ModelSerializer[Membership]):
    class Meta:
        model = Membership
        fields = ("role",)


class ProjectSummarySerializer(ResponseSerializer, serializers.ModelSerializer[Project]):
    id = IdField()

    class Meta:
        model = Project
        fields = ("id", "name")


InvitationSerializer = presented(
    "InvitationSerializer",
    present_invitation,
    Invitation,
    project=ProjectSummarySerializer(),
    user_id=IdField(),  # the invitee's
    invited_by=UserSummarySerializer(),
)


class InvitationCreateSerializer(serializers.ModelSerializer[Invitation]):
    user_id = IdField()

    class Meta:
        model = Invitation
        fields = ("user_id", "role")


OPERATIONS = {
    "projects_list": Doc(
        200,
        page_of(ProjectSerializer),
        query=(SEARCH, ordering("name", "created_at", "updated_at", default="-created_at")),
    ),
    "projects_create": Doc(201, ProjectSerializer, ProjectCreateSerializer, errors=(409, 422)),
    "projects_retrieve": Doc(200, ProjectSerializer, errors=(404,)),
    "projects_replace": Doc(200, ProjectSerializer, ProjectReplaceSerializer, errors=(403, 404, 412)),
    "projects_update": Doc(200, ProjectSerializer, partial(ProjectReplaceSerializer), errors=(403, 404, 412)),
    "projects_delete": Doc(204, errors=(403, 404, 412)),
    "project_members_list": Doc(
        200,
        page_of(MemberSerializer),
        errors=(404,),
        query=(query("role", str, enum=Role.values), ordering("joined_at", default="joined_at")),
    ),
    "project_members_add": Doc(201, MemberSerializer, MemberAddSerializer, errors=(403, 404, 409, 422)),
    "project_members_update": Doc(200, MemberSerializer, MemberUpdateSerializer, errors=(403, 404, 409)),
    "project_members_remove": Doc(204, errors=(403, 404, 409)),
    "project_invitations_list": Doc(200, page_of(InvitationSerializer), errors=(403, 404)),
    "project_invitations_create": Doc(
        201, InvitationSerializer, InvitationCreateSerializer, errors=(403, 404, 409, 422)
    ),
    "project_invitations_revoke": Doc(204, errors=(403, 404)),
    "invitations_list_mine": Doc(200, page_of(InvitationSerializer)),
    "invitations_accept": Doc(201, ProjectSerializer, errors=(404, 409)),
    "invitations_decline": Doc(204, errors=(404,)),
}
