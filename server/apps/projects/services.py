"""Writes for projects and memberships. Every multi-row write is atomic."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from server.apps.accounts.models import User
from server.common.conditional import Precondition, guarded, lock_and_check
from server.common.error_codes import ErrorCode
from server.common.errors import Conflict, NotFound, Unprocessable

from .events import EventType, event_record
from .models import Invitation, Membership, Project, Role
from .presenters import present_member

PROJECT_UPDATABLE_FIELDS = ("name", "description")


def project_create(*, owner: User, name: str, description: str = "") -> Project:
    """Create a project; its creator becomes its first owner."""
    with transaction.atomic():
        project = Project.objects.create(name=name, description=description)
        Membership.objects.create(project=project, user=owner, role=Role.OWNER)
    project.role = Role.OWNER
    return project


def project_update(
    *, project: Project, data: Mapping[str, Any], precondition: Precondition | None = None
) -> Project:
    """PUT sends every field, PATCH a subset: `data` holds what was sent. With `If-Match` (`precondition`)
    the row is locked and checked first, in the same transaction as the write."""
    fields = [name for name in PROJECT_UPDATABLE_FIELDS if name in data]
    with guarded(precondition):
        project = lock_and_check(project, precondition, keep=("role",))
        if not fields:
            return project
        for name in fields:
            setattr(project, name, data[name])
        project.save(update_fields=[*fields, "updated_at"])
    return project


def project_delete(*, project: Project, precondition: Precondition | None = None) -> None:
    # Cascades in the database schema: memberships, tasks and their comments go with it.
    with transaction.atomic():
        project = lock_and_check(project, precondition, keep=("role",))
        project.delete()


def _last_owner() -> Conflict:
    return Conflict(code=ErrorCode.LAST_OWNER, detail="A project must keep at least one owner.")


def _locked_owner_ids(*, project: Project) -> list[int]:
    """Owner user ids, with their rows locked until the end of the transaction, so two concurrent demotions
    cannot both see "there is another owner"."""
    return list(
        Membership.objects.select_for_update()
        .filter(project=project, role=Role.OWNER)
        .order_by("pk")
        .values_list("user_id", flat=True)
    )


def _existing_user(user_id: int) -> User:
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        raise Unprocessable(
            code=ErrorCode.USER_NOT_FOUND,
            detail=f"There is no user with id {user_id}.",
            errors=[{"pointer": "/user_id", "code": "user_not_found", "message": "No such user."}],
        )
    return user


def _already_member() -> Conflict:
    return Conflict(code=ErrorCode.ALREADY_MEMBER, detail="This user is already a member of the project.")


def _shares_a_project(*, user: User, other: User) -> bool:
    return Membership.objects.filter(
        user=user, project__in=Membership.objects.filter(user=other).values("project")
    ).exists()


def _join(*, project: Project, user: User, role: str) -> Membership:
    """The membership row and its `member.added` event, in one transaction; 409 if it already exists."""
    try:
        with transaction.atomic():
            membership = Membership.objects.create(project=project, user=user, role=role)
            event_record(project_id=project.pk, type=EventType.MEMBER_ADDED, data=present_member(membership))
    except IntegrityError:  # a concurrent add won the race
        raise _already_member() from None
    return membership


def membership_add(*, project: Project, actor: User, user_id: int, role: str) -> Membership:
    """Add someone the actor already works with. Anyone else must be invited: adding a stranger would show
    the project their name and put them in it without their consent (issue 15.8)."""
    user = _existing_user(user_id)
    if Membership.objects.filter(project=project, user=user).exists():
        raise _already_member()
    if not _shares_a_project(user=user, other=actor):
        raise Unprocessable(
            code=ErrorCode.INVITATION_REQUIRED,
            detail=(
                f"User {user_id} shares no project with you; invite them instead "
                f"(POST /projects/{project.pk}/invitations)."
            ),
            errors=[
                {"pointer": "/user_id", "code": "invitation_required", "message": "Invite this user instead."}
            ],
        )
    return _join(project=project, user=user, role=role)


# --- invitations -------------------------------------------------------------------------------------------


def invitation_create(*, project: Project, invited_by: User, user_id: int, role: str) -> Invitation:
    user = _existing_user(user_id)
    if Membership.objects.filter(project=project, user=user).exists():
        raise _already_member()
    already_invited = Conflict(
        code=ErrorCode.ALREADY_INVITED, detail="This user already has a pending invitation to the project."
    )
    if Invitation.objects.filter(project=project, invitee=user).exists():
        raise already_invited
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                project=project, invitee=user, role=role, invited_by=invited_by
            )
    except IntegrityError:  # a concurrent invitation won the race
        raise already_invited from None
    invitation.project = project
    return invitation


def invitation_revoke(*, invitation: Invitation) -> None:
    invitation.delete()


def invitation_accept(*, invitation: Invitation) -> Project:
    """Join the project with the invitation's role; the invitation is used up in the same transaction, so an
    accept raced by a withdrawal or a second accept joins once or not at all."""
    with transaction.atomic():
        deleted, _ = Invitation.objects.filter(pk=invitation.pk).delete()
        if not deleted:
            raise NotFound("No such invitation.")
        _join(project=invitation.project, user=invitation.invitee, role=invitation.role)
    project = invitation.project
    project.role = invitation.role
    return project


def invitation_decline(*, invitation: Invitation) -> None:
    invitation.delete()


def membership_update(*, membership: Membership, role: str) -> Membership:
    with transaction.atomic():
        owner_ids = _locked_owner_ids(project=membership.project)
        current = (
            Membership.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=membership.pk)
            .first()
        )
        if current is None:
            raise NotFound("No such member in this project.")
        if current.role == role:
            return current
        if current.role == Role.OWNER and owner_ids == [current.user_id]:
            raise _last_owner()
        current.role = role
        current.save(update_fields=["role"])
    return current


def membership_remove(*, membership: Membership) -> None:
    """Remove a member (or let them leave). Their open assignments in this project are cleared, keeping the
    rule that a task's assignee is a member."""
    with transaction.atomic():
        owner_ids = _locked_owner_ids(project=membership.project)
        current = Membership.objects.select_for_update().filter(pk=membership.pk).first()
        if current is None:
            raise NotFound("No such member in this project.")
        if current.role == Role.OWNER and owner_ids == [current.user_id]:
            raise _last_owner()
        membership.project.tasks.filter(assignee_id=current.user_id).update(
            assignee=None, updated_at=timezone.now()
        )
        current.delete()
        event_record(
            project_id=membership.project_id, type=EventType.MEMBER_REMOVED, data={"user_id": current.user_id}
        )
