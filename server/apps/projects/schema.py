"""How the project and member views describe their bodies (documentation only: `make drift`)."""

from __future__ import annotations

from rest_framework import serializers

from server.apps.accounts.schema import UserSummarySerializer
from server.contract.spectacular import IdField, ResponseSerializer, page_of

from .models import Invitation, Membership, Project, Role

# TextFields have no max_length in the model; the API caps them (and says so in the contract).
DESCRIPTION_MAX_LENGTH = 5000


class ProjectSerializer(ResponseSerializer, serializers.ModelSerializer[Project]):
    id = IdField()
    description = serializers.CharField(max_length=DESCRIPTION_MAX_LENGTH, allow_blank=True)
    # Not a column: the caller's membership role, annotated by the selectors.
    role = serializers.ChoiceField(choices=Role.choices)

    class Meta:
        model = Project
        fields = ("id", "name", "description", "role", "created_at", "updated_at")
        extra_kwargs = {"created_at": {"read_only": False}, "updated_at": {"read_only": False}}


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


class ProjectUpdateSerializer(serializers.ModelSerializer[Project]):
    description = serializers.CharField(max_length=DESCRIPTION_MAX_LENGTH, allow_blank=True, required=False)

    class Meta:
        model = Project
        fields = ("name", "description")
        extra_kwargs = {"name": {"required": False}}


ProjectListSerializer = page_of(ProjectSerializer, "ProjectListSerializer")


class MemberSerializer(ResponseSerializer, serializers.ModelSerializer[Membership]):
    user = UserSummarySerializer()

    class Meta:
        model = Membership
        fields = ("user", "role", "joined_at")
        extra_kwargs = {"joined_at": {"read_only": False}}


class MemberAddSerializer(serializers.ModelSerializer[Membership]):
    user_id = IdField()

    class Meta:
        model = Membership
        fields = ("user_id", "role")


class MemberUpdateSerializer(serializers.ModelSerializer[Membership]):
    class Meta:
        model = Membership
        fields = ("role",)


MemberListSerializer = page_of(MemberSerializer, "MemberListSerializer")


class ProjectSummarySerializer(ResponseSerializer, serializers.ModelSerializer[Project]):
    id = IdField()

    class Meta:
        model = Project
        fields = ("id", "name")


class InvitationSerializer(ResponseSerializer, serializers.ModelSerializer[Invitation]):
    id = IdField()
    project = ProjectSummarySerializer()
    user_id = IdField()
    invited_by = UserSummarySerializer()

    class Meta:
        model = Invitation
        fields = ("id", "project", "user_id", "role", "invited_by", "created_at")
        extra_kwargs = {"created_at": {"read_only": False}}


class InvitationCreateSerializer(serializers.ModelSerializer[Invitation]):
    user_id = IdField()

    class Meta:
        model = Invitation
        fields = ("user_id", "role")


InvitationListSerializer = page_of(InvitationSerializer, "InvitationListSerializer")
