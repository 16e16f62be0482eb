"""Projects and who belongs to them, with which role."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from server.contract.generated.choices import Role

__all__ = ["Invitation", "Membership", "Project", "Role"]


class Project(models.Model):
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    # Not a column: the caller's Role, set by the selectors (a Subquery on Membership) and by project_create.
    role: str

    class Meta:
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="projects_project_name_not_blank")]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    # Deleting a project or a user removes the membership.
    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="memberships",
        db_index=False,  # the (project, user) unique constraint and (project, joined_at) index lead with it
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    joined_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="projects_membership_project_user_uniq"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="projects_membership_role_valid"),
        ]
        indexes = [
            models.Index(fields=["project", "joined_at"], name="projects_member_project_joined"),
            models.Index(fields=["project", "role"], name="projects_member_project_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.project_id} as {self.role}"


class Invitation(models.Model):
    """An owner's offer to a user to join a project with a role. The user becomes a member only by accepting:
    no one is added to a project, nor shown to its members, without their consent (issue 15.8). Accepting,
    declining and withdrawing all delete the row: only pending invitations exist."""

    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="invitations",
        db_index=False,  # the (project, invitee) unique constraint leads with it
    )
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    # An invitation from an account that is gone is withdrawn with it.
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "invitee"], name="projects_invitation_project_invitee_uniq"
            ),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="projects_invitation_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.invitee_id} invited to {self.project_id} as {self.role}"
