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
from .models import Membership, Project, Role
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


def membership_add(*, project: Project, user_id: int, role: str) -> Membership:
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        raise Unprocessable(
            code=ErrorCode.USER_NOT_FOUND,
            detail=f"There is no user with id {user_id}.",
            errors=[{"pointer": "/user_id", "code": "user_not_found", "message": "No such user."}],
        )
    if Membership.objects.filter(project=project, user=user).exists():
        raise Conflict(code=ErrorCode.ALREADY_MEMBER, detail="This user is already a member of the project.")
    try:
        with transaction.atomic():
            membership = Membership.objects.create(project=project, user=user, role=role)
            event_record(project_id=project.pk, type=EventType.MEMBER_ADDED, data=present_member(membership))
    except IntegrityError:  # a concurrent add won the race
        raise Conflict(
            code=ErrorCode.ALREADY_MEMBER, detail="This user is already a member of the project."
        ) from None
    return membership


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
