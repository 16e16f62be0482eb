"""Every operation on project data, with a request that succeeds for an allowed caller and who is allowed.

Used by the permission matrix and by the request-body tests, which must cover every operation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from server.apps.accounts.tests.support import comment_make, member_add, task_make
from server.common.testing import ProjectWorld, client_for, user_make

CALLERS = ("owner", "maintainer", "viewer", "outsider", "anonymous", "admin")

# Expected status per caller. Non-members (including staff) never learn that a project exists.
_NON_MEMBERS = {"outsider": 404, "anonymous": 401, "admin": 404}


def _allowed(success: int, *allowed: str) -> dict[str, int]:
    members = {role: (success if role in allowed else 403) for role in ("owner", "maintainer", "viewer")}
    return {**members, **_NON_MEMBERS}


@dataclass
class Scene:
    """The `world` project plus: an extra viewer (target of member changes), a user who is not a member yet,
    a task created by the owner and assigned to the maintainer, and a comment on it by the maintainer."""

    world: ProjectWorld
    extra: Any
    newcomer: Any
    task: Any
    comment: Any
    webhook: Any = None  # the owner's webhook subscription, with one delivery
    delivery: Any = None
    invitation: Any = None  # to the project, pending, for a user who shares no project with its owner
    invitation_to_owner: Any = None  # the owner's own pending invitation, to another project

    @property
    def ids(self) -> dict[str, int]:
        return {
            "p": self.world.project.pk,
            "t": self.task.pk,
            "c": self.comment.pk,
            "m": self.extra.pk,
            "n": self.newcomer.pk,
            "w": self.webhook.pk,
            "d": self.delivery.pk,
            "i": self.invitation.pk,
            "j": self.invitation_to_owner.pk,
        }


def scene_make(world: ProjectWorld) -> Scene:
    extra = user_make("mia")
    member_add(world.project, extra, "viewer")
    task = task_make(world.project, world.owner, "Write the spec", assignee=world.maintainer)
    comment = comment_make(task, world.maintainer, "On it.")
    from server.apps.projects.models import Invitation, Project
    from server.apps.webhooks.services import webhook_create, webhook_ping

    webhook, _ = webhook_create(project=world.project, url="https://hooks.example.com/x", events=["ping"])
    delivery = webhook_ping(webhook=webhook)
    # The newcomer already works with the owner elsewhere, so the owner may add them directly.
    newcomer = user_make("nina")
    side = Project.objects.create(name="Side project")
    member_add(side, world.owner, "owner")
    member_add(side, newcomer, "viewer")
    invitation = Invitation.objects.create(
        project=world.project, invitee=user_make("ivan"), role="viewer", invited_by=world.owner
    )
    elsewhere = Project.objects.create(name="Gemini")
    member_add(elsewhere, extra, "owner")
    invitation_to_owner = Invitation.objects.create(
        project=elsewhere, invitee=world.owner, role="maintainer", invited_by=extra
    )
    return Scene(
        world=world,
        extra=extra,
        newcomer=newcomer,
        task=task,
        comment=comment,
        webhook=webhook,
        delivery=delivery,
        invitation=invitation,
        invitation_to_owner=invitation_to_owner,
    )


@dataclass(frozen=True)
class Op:
    operation_id: str
    method: str
    path: str  # with {p} project, {t} task, {c} comment, {m} extra member, {n} newcomer, {i} invitation
    body: Callable[[dict[str, int]], Any] | None
    expected: dict[str, int]

    @property
    def writes(self) -> bool:
        return self.method != "GET"

    def url(self, scene: Scene) -> str:
        return self.path.format(**scene.ids)

    def payload(self, scene: Scene) -> Any:
        return None if self.body is None else self.body(scene.ids)


READ = _allowed(200, "owner", "maintainer", "viewer")
EDIT = "owner", "maintainer"

PROJECT_OPS: tuple[Op, ...] = (
    Op("projects_retrieve", "GET", "/projects/{p}", None, READ),
    Op(
        "projects_replace",
        "PUT",
        "/projects/{p}",
        lambda ids: {"name": "Artemis", "description": "Back to the moon"},
        _allowed(200, *EDIT),
    ),
    Op("projects_update", "PATCH", "/projects/{p}", lambda ids: {"name": "Artemis"}, _allowed(200, *EDIT)),
    Op("projects_delete", "DELETE", "/projects/{p}", None, _allowed(204, "owner")),
    Op("project_members_list", "GET", "/projects/{p}/members", None, READ),
    Op(
        "project_members_add",
        "POST",
        "/projects/{p}/members",
        lambda ids: {"user_id": ids["n"], "role": "viewer"},
        _allowed(201, "owner"),
    ),
    Op(
        "project_members_update",
        "PATCH",
        "/projects/{p}/members/{m}",
        lambda ids: {"role": "maintainer"},
        _allowed(200, "owner"),
    ),
    Op("project_members_remove", "DELETE", "/projects/{p}/members/{m}", None, _allowed(204, "owner")),
    Op("project_invitations_list", "GET", "/projects/{p}/invitations", None, _allowed(200, "owner")),
    Op(
        "project_invitations_create",
        "POST",
        "/projects/{p}/invitations",
        lambda ids: {"user_id": ids["n"], "role": "viewer"},
        _allowed(201, "owner"),
    ),
    Op("project_invitations_revoke", "DELETE", "/projects/{p}/invitations/{i}", None, _allowed(204, "owner")),
    Op("tasks_list", "GET", "/projects/{p}/tasks", None, READ),
    Op("tasks_create", "POST", "/projects/{p}/tasks", lambda ids: {"title": "Review"}, _allowed(201, *EDIT)),
    Op("tasks_retrieve", "GET", "/projects/{p}/tasks/{t}", None, READ),
    Op(
        "tasks_update",
        "PATCH",
        "/projects/{p}/tasks/{t}",
        lambda ids: {"status": "done"},
        _allowed(200, *EDIT),
    ),
    Op("tasks_delete", "DELETE", "/projects/{p}/tasks/{t}", None, _allowed(204, *EDIT)),
    Op("comments_list", "GET", "/projects/{p}/tasks/{t}/comments", None, READ),
    Op(
        "comments_create",
        "POST",
        "/projects/{p}/tasks/{t}/comments",
        lambda ids: {"body": "Looks good"},
        _allowed(201, *EDIT),
    ),
    # The comment's author is the maintainer: only they may edit or delete it.
    Op(
        "comments_update",
        "PATCH",
        "/projects/{p}/tasks/{t}/comments/{c}",
        lambda ids: {"body": "Done."},
        _allowed(200, "maintainer"),
    ),
    Op(
        "comments_delete", "DELETE", "/projects/{p}/tasks/{t}/comments/{c}", None, _allowed(204, "maintainer")
    ),
    # Webhooks: owners only.
    Op("webhooks_list", "GET", "/projects/{p}/webhooks", None, _allowed(200, "owner")),
    Op(
        "webhooks_create",
        "POST",
        "/projects/{p}/webhooks",
        lambda ids: {"url": "https://hooks.example.com/y", "events": ["task.created"]},
        _allowed(201, "owner"),
    ),
    Op("webhooks_retrieve", "GET", "/projects/{p}/webhooks/{w}", None, _allowed(200, "owner")),
    Op(
        "webhooks_update",
        "PATCH",
        "/projects/{p}/webhooks/{w}",
        lambda ids: {"active": False},
        _allowed(200, "owner"),
    ),
    Op("webhooks_delete", "DELETE", "/projects/{p}/webhooks/{w}", None, _allowed(204, "owner")),
    Op("webhooks_ping", "POST", "/projects/{p}/webhooks/{w}/ping", None, _allowed(202, "owner")),
    Op(
        "webhook_deliveries_list",
        "GET",
        "/projects/{p}/webhooks/{w}/deliveries",
        None,
        _allowed(200, "owner"),
    ),
    Op(
        "webhook_deliveries_redeliver",
        "POST",
        "/projects/{p}/webhooks/{w}/deliveries/{d}/redeliver",
        None,
        _allowed(202, "owner"),
    ),
)


def database_state() -> tuple[Any, ...]:
    """Everything an operation on project data could change, for before/after comparisons."""
    from server.apps.accounts.models import ApiKey, User
    from server.apps.comments.models import Comment
    from server.apps.projects.models import Invitation, Membership, Project
    from server.apps.tasks.models import Task
    from server.apps.webhooks.models import Delivery, Webhook

    return (
        list(Webhook.objects.order_by("pk").values_list()),
        list(Delivery.objects.order_by("pk").values_list()),
        list(Project.objects.order_by("pk").values_list()),
        list(Membership.objects.order_by("pk").values_list()),
        list(Invitation.objects.order_by("pk").values_list()),
        list(Task.objects.order_by("pk").values_list()),
        list(Comment.objects.order_by("pk").values_list()),
        list(User.objects.order_by("pk").values_list()),
        list(ApiKey.objects.order_by("pk").values_list()),
    )


# --- one succeeding call per operation, project-scoped or not ----------------------------------------------


@dataclass(frozen=True)
class Call:
    operation_id: str
    method: str
    path: str
    body: Any
    status: int
    caller: str  # "owner", "admin", "anonymous"


def _account_calls(scene: Scene) -> list[Call]:
    from server.apps.accounts.services import api_key_create

    owner = scene.world.owner
    key, _ = api_key_create(user=owner, name="CI")
    login = {"username": owner.username, "password": "s3cret-Passw0rd!"}
    refresh = client_for(None).send("POST", "/auth/token", login).json()["refresh"]
    invited = scene.invitation_to_owner.pk
    registration = {"username": "zoe", "email": "zoe@example.com", "password": "Cobol-Compiler-1959"}
    return [
        Call("auth_token_obtain", "POST", "/auth/token", login, 200, "anonymous"),
        Call("auth_token_refresh", "POST", "/auth/token/refresh", {"refresh": refresh}, 200, "anonymous"),
        Call("api_keys_list", "GET", "/api-keys", None, 200, "owner"),
        Call("api_keys_create", "POST", "/api-keys", {"name": "Deploy"}, 201, "owner"),
        Call("api_keys_revoke", "DELETE", f"/api-keys/{key.pk}", None, 204, "owner"),
        Call("users_list", "GET", "/users", None, 200, "admin"),
        Call("users_register", "POST", "/users", registration, 201, "anonymous"),
        Call("users_me_retrieve", "GET", "/users/me", None, 200, "owner"),
        Call("users_me_update", "PATCH", "/users/me", {"full_name": "Olivia O."}, 200, "owner"),
        Call("invitations_list_mine", "GET", "/users/me/invitations", None, 200, "owner"),
        Call(
            "invitations_accept",
            "POST",
            f"/users/me/invitations/{invited}/accept",
            None,
            201,
            "owner",
        ),
        Call(
            "invitations_decline",
            "POST",
            f"/users/me/invitations/{invited}/decline",
            None,
            204,
            "owner",
        ),
        Call("projects_list", "GET", "/projects", None, 200, "owner"),
        Call("projects_create", "POST", "/projects", {"name": "Gemini"}, 201, "owner"),
        Call("health_live", "GET", "/health/live", None, 200, "anonymous"),
        Call("health_ready", "GET", "/health/ready", None, 200, "anonymous"),
    ]


def calls_for_every_operation(scene: Scene) -> list[Call]:
    """One succeeding request per contract operation, each with a caller allowed to make it."""
    project_calls = []
    for op in PROJECT_OPS:
        caller = next(role for role in ("owner", "maintainer") if op.expected[role] < 300)
        project_calls.append(
            Call(op.operation_id, op.method, op.url(scene), op.payload(scene), op.expected[caller], caller)
        )
    return project_calls + _account_calls(scene)
