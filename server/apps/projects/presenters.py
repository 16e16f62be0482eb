"""Projects and memberships as the contract's `Project` and `Member`."""

from __future__ import annotations

from typing import Any

from server.apps.accounts.presenters import present_user_summary
from server.common.wire import wire_time

from .models import Invitation, Membership, Project


def present_project(project: Project) -> dict[str, Any]:
    return {
        "id": project.pk,
        "name": project.name,
        "description": project.description,
        "role": project.role,
        "created_at": wire_time(project.created_at),
        "updated_at": wire_time(project.updated_at),
    }


def present_member(membership: Membership) -> dict[str, Any]:
    return {
        "user": present_user_summary(membership.user),
        "role": membership.role,
        "joined_at": wire_time(membership.joined_at),
    }


def present_invitation(invitation: Invitation) -> dict[str, Any]:
    """The invitee by id only: their name is the project's to see once they accept."""
    return {
        "id": invitation.pk,
        "project": {"id": invitation.project.pk, "name": invitation.project.name},
        "user_id": invitation.invitee_id,
        "role": invitation.role,
        "invited_by": present_user_summary(invitation.invited_by),
        "created_at": wire_time(invitation.created_at),
    }
