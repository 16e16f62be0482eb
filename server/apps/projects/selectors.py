"""Reads for projects and memberships, plus the role checks every project-scoped view uses."""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import OuterRef, Q, QuerySet, Subquery

from server.apps.accounts.models import User
from server.apps.accounts.selectors import caller_refuse_if_inactive
from server.common.errors import NotFound, PermissionDenied

from .models import Invitation, Membership, Project, Role

EDITOR_ROLES: frozenset[str] = frozenset({Role.OWNER, Role.MAINTAINER})
OWNER_ROLES: frozenset[str] = frozenset({Role.OWNER})


def _with_caller_role(queryset: QuerySet[Project], *, user: User) -> QuerySet[Project]:
    """Only the projects `user` belongs to, each annotated with `role` (the caller's role)."""
    role = Membership.objects.filter(project=OuterRef("pk"), user=user).values("role")[:1]
    # `role` is declared on Project (for typing); the plugin reads the annotation as a redefinition.
    return queryset.filter(memberships__user=user).annotate(role=Subquery(role))  # type: ignore[no-redef]


def project_list(*, user: User, search: str | None = None) -> QuerySet[Project]:
    queryset = _with_caller_role(Project.objects.all(), user=user)
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(description__icontains=search))
    return queryset


# Every project-scoped request starts with this lookup, so it is written in SQL: building and compiling the
# same join through the ORM (filter on memberships + annotate) costs ~2 ms of CPU per request, more than the
# rest of a task read, against ~0.3 ms for a raw query. tests/test_member_access.py checks that it answers as
# the ORM query it replaces. The join on the user is the account check the JWT authentication leaves to the
# query that needs it (see accounts.authentication.JWTAuthentication).
_MEMBER_PROJECT_SQL = f"""
SELECT p.*, m.role
FROM {Project._meta.db_table} p
JOIN {Membership._meta.db_table} m ON m.project_id = p.id
JOIN {User._meta.db_table} u ON u.id = m.user_id AND u.is_active
WHERE p.id = %s AND m.user_id = %s
"""


def project_get_for_member(*, user_id: int, project_id: int) -> Project:
    """The project with the caller's `role`; 404 when it does not exist *or* the caller is not a member
    (non-members must not learn that it exists); 401 when the caller's account is inactive or gone."""
    for project in Project.objects.raw(_MEMBER_PROJECT_SQL, [project_id, user_id]):
        return project
    caller_refuse_if_inactive(user_id=user_id)
    raise NotFound("No such project.")


def project_require_role(*, project: Project, roles: Collection[str], action: str) -> None:
    """403 unless the caller's role on `project` (from project_get_for_member) is one of `roles`."""
    if project.role not in roles:
        raise PermissionDenied(f"Your role ({project.role}) does not allow you to {action}.")


def membership_list(*, project: Project, role: str | None = None) -> QuerySet[Membership]:
    queryset = Membership.objects.filter(project=project).select_related("user")
    if role:
        queryset = queryset.filter(role=role)
    return queryset


def membership_get(*, project: Project, user_id: int) -> Membership:
    membership = Membership.objects.filter(project=project, user_id=user_id).select_related("user").first()
    if membership is None:
        raise NotFound("No such member in this project.")
    membership.project = project  # already loaded (with the caller's role); saves a query later
    return membership


def membership_is_member(*, project: Project, user_id: int) -> bool:
    return Membership.objects.filter(project=project, user_id=user_id).exists()


def invitation_list_for_project(*, project: Project) -> QuerySet[Invitation]:
    return Invitation.objects.filter(project=project).select_related("project", "invited_by")


def invitation_get_for_project(*, project: Project, invitation_id: int) -> Invitation:
    invitation = Invitation.objects.filter(project=project, pk=invitation_id).first()
    if invitation is None:
        raise NotFound("No such invitation in this project.")
    return invitation


def invitation_list_for_invitee(*, user_id: int) -> QuerySet[Invitation]:
    return Invitation.objects.filter(invitee_id=user_id).select_related("project", "invited_by")


def invitation_get_for_invitee(*, user_id: int, invitation_id: int) -> Invitation:
    """The caller's own pending invitation; 404 for anyone else's (they must not learn it exists)."""
    invitation = (
        Invitation.objects.filter(invitee_id=user_id, pk=invitation_id)
        .select_related("project", "invitee")
        .first()
    )
    if invitation is None:
        raise NotFound("No such invitation.")
    return invitation
