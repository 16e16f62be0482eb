"""The data the contract tests run against: a small, fixed world whose primary keys are known in advance.

The keys are fixed (not taken from the sequences) because Schemathesis builds part of its test cases while
pytest collects them, before any fixture runs: the path-parameter hook and the JWT must already know which
ids exist. They sit far above anything a sequence hands out during a run, so API-created rows never collide.

`seed_world()` is idempotent: it brings every seeded row back to its initial state (a revoked key is
un-revoked, a deleted project is re-created, a changed email is restored), so the live run can reset the
world before each operation's test. `python -m contract_tests.seed` does that against DATABASE_URL.

    alice  owner of Apollo, viewer of Zeus; writes a comment; has two API keys          (identity "member")
    sam    staff; maintainer of Apollo, owner of Zeus; writes a comment; has an API key (identity "staff")
    max    maintainer of Apollo, owner of Zeus; writes comments alice may not edit
    vera   viewer of Apollo
    nia    member of nothing (someone to add to a project)
    ada    the contract's own example credentials for `POST /auth/token` (ada.lovelace)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Any

BASE = 9_000_000
PASSWORD = "contract-Passw0rd!"
WEBHOOK_SECRET = "whsec_contract-tests-webhook-secret-000000000000"


@dataclass(frozen=True)
class SeedIds:
    alice: int = BASE + 1
    sam: int = BASE + 2
    max: int = BASE + 3
    vera: int = BASE + 4
    nia: int = BASE + 5
    ada: int = BASE + 6
    apollo: int = BASE + 11
    zeus: int = BASE + 12
    hera: int = BASE + 13
    apollo_task: int = BASE + 21
    zeus_task: int = BASE + 22
    apollo_task_2: int = BASE + 23
    alice_comment: int = BASE + 31
    max_comment: int = BASE + 32
    zeus_comment: int = BASE + 33
    sam_comment: int = BASE + 34
    alice_key: int = BASE + 41
    sam_key: int = BASE + 42
    alice_key_2: int = BASE + 43
    apollo_webhook: int = BASE + 51
    apollo_event: int = BASE + 61
    apollo_delivery: int = BASE + 71
    nia_invitation: int = BASE + 81  # to Apollo, from Alice
    alice_invitation: int = BASE + 82  # to Hera, from Max


IDS = SeedIds()

# Consistent (project, task, comment) paths, and the members of each project, for path parameters.
RESOURCE_PATHS: tuple[dict[str, int], ...] = (
    {"project_id": IDS.apollo, "task_id": IDS.apollo_task, "comment_id": IDS.alice_comment},
    {"project_id": IDS.apollo, "task_id": IDS.apollo_task, "comment_id": IDS.max_comment},
    {"project_id": IDS.apollo, "task_id": IDS.apollo_task, "comment_id": IDS.sam_comment},
    {"project_id": IDS.apollo, "task_id": IDS.apollo_task_2, "comment_id": IDS.alice_comment},
    {"project_id": IDS.zeus, "task_id": IDS.zeus_task, "comment_id": IDS.zeus_comment},
)
MEMBERS: dict[int, tuple[int, ...]] = {
    IDS.apollo: (IDS.alice, IDS.sam, IDS.max, IDS.vera),
    IDS.zeus: (IDS.max, IDS.sam, IDS.alice, IDS.nia),
    IDS.hera: (IDS.max,),
}
# Every seeded id per parameter name, for independent (and so sometimes mismatched) picks.
PATH_PARAMETER_POOLS: dict[str, tuple[int, ...]] = {
    "project_id": (IDS.apollo, IDS.zeus),
    "task_id": (IDS.apollo_task, IDS.apollo_task_2, IDS.zeus_task),
    "comment_id": (IDS.alice_comment, IDS.max_comment, IDS.zeus_comment, IDS.sam_comment),
    "user_id": (IDS.alice, IDS.sam, IDS.max, IDS.vera, IDS.nia),
    "api_key_id": (IDS.alice_key, IDS.alice_key_2, IDS.sam_key),
    "webhook_id": (IDS.apollo_webhook,),
    "delivery_id": (IDS.apollo_delivery,),
    "invitation_id": (IDS.nia_invitation, IDS.alice_invitation),
}
# Body members that name a user: someone who may be added to a project, or assigned a task.
USER_REFERENCES: dict[str, tuple[int, ...]] = {
    "user_id": (IDS.nia, IDS.ada, IDS.vera),
    "assignee_id": (IDS.alice, IDS.max, IDS.vera, IDS.sam),
}

# Fixed secrets (`pm_<prefix>_<random>`), so the API-key run can authenticate without reading the database.
API_KEYS = {
    IDS.alice_key: (IDS.alice, "Ct4Alice", "pm_Ct4Alice_contract-tests-alice-secret-0000000000"),
    IDS.alice_key_2: (IDS.alice, "Ct4Alic2", "pm_Ct4Alic2_contract-tests-alice-secret-2222222222"),
    IDS.sam_key: (IDS.sam, "Ct4SamSt", "pm_Ct4SamSt_contract-tests-sam-secret-00000000000000"),
}

USERS: dict[int, dict[str, Any]] = {
    IDS.alice: {"username": "ct-alice", "full_name": "Alice Contract", "is_staff": False},
    IDS.sam: {"username": "ct-sam", "full_name": "Sam Staff", "is_staff": True},
    IDS.max: {"username": "ct-max", "full_name": "Max Maintainer", "is_staff": False},
    IDS.vera: {"username": "ct-vera", "full_name": "Vera Viewer", "is_staff": False},
    IDS.nia: {"username": "ct-nia", "full_name": "Nia Newcomer", "is_staff": False},
    IDS.ada: {
        "username": "ada.lovelace",
        "email": "ada.lovelace@contract.example.com",
        "full_name": "Ada Lovelace",
        "is_staff": False,
        "password": "correct-horse-battery-staple",
    },
}


def seed_world() -> SeedIds:
    """Create or restore every seeded row (in one transaction); rows the API created are left alone."""
    from django.db import transaction
    from django.utils import timezone

    from server.apps.accounts.models import ApiKey, User
    from server.apps.accounts.services import api_key_hash
    from server.apps.comments.models import Comment
    from server.apps.projects.models import Invitation, Membership, Project, Role
    from server.apps.tasks.models import Task, TaskPriority, TaskStatus
    from server.apps.webhooks.crypto import secret_encrypt
    from server.apps.webhooks.models import Delivery, Event, Webhook

    now = timezone.now()
    with transaction.atomic():
        for pk, spec in USERS.items():
            user = User.objects.filter(pk=pk).first() or User(pk=pk)
            user.username = spec["username"]
            user.email = spec.get("email", f"{spec['username']}@contract.example.com")
            user.full_name = spec["full_name"]
            user.is_staff = spec["is_staff"]
            user.is_active = True
            user.set_password(spec.get("password", PASSWORD))
            user.save()
        _upsert(Project, IDS.apollo, name="Apollo", description="Seeded for the contract tests.")
        _upsert(Project, IDS.zeus, name="Zeus", description="Alice is only a viewer here.")
        _upsert(Project, IDS.hera, name="Hera", description="Alice is invited here.")
        roles = {
            IDS.apollo: {
                IDS.alice: Role.OWNER,
                IDS.sam: Role.MAINTAINER,
                IDS.max: Role.MAINTAINER,
                IDS.vera: Role.VIEWER,
            },
            # Nia shares Zeus with Alice, so Alice may add her to Apollo directly; Ada shares no project.
            IDS.zeus: {
                IDS.max: Role.OWNER,
                IDS.sam: Role.OWNER,
                IDS.alice: Role.VIEWER,
                IDS.nia: Role.VIEWER,
            },
            IDS.hera: {IDS.max: Role.OWNER},
        }
        assert {p: tuple(m) for p, m in roles.items()} == MEMBERS
        for project_id, members in roles.items():
            Membership.objects.filter(project_id=project_id).exclude(user_id__in=members).delete()
            for user_id, role in members.items():
                Membership.objects.update_or_create(
                    project_id=project_id, user_id=user_id, defaults={"role": role}
                )
        Invitation.objects.filter(project_id__in=roles).exclude(
            pk__in=(IDS.nia_invitation, IDS.alice_invitation)
        ).delete()
        for pk, project_id, invitee_id, inviter_id in (
            (IDS.nia_invitation, IDS.apollo, IDS.nia, IDS.alice),
            (IDS.alice_invitation, IDS.hera, IDS.alice, IDS.max),
        ):
            _upsert(
                Invitation,
                pk,
                project_id=project_id,
                invitee_id=invitee_id,
                invited_by_id=inviter_id,
                role=Role.MAINTAINER,
                created_at=now,
            )
        task_defaults: dict[str, Any] = {
            "description": "",
            "status": TaskStatus.TODO,
            "priority": TaskPriority.NORMAL,
            "due_date": date(2030, 1, 15),
        }
        _upsert(
            Task,
            IDS.apollo_task,
            project_id=IDS.apollo,
            title="Land on the moon",
            assignee_id=IDS.max,
            created_by_id=IDS.alice,
            **task_defaults,
        )
        _upsert(
            Task,
            IDS.apollo_task_2,
            project_id=IDS.apollo,
            title="Come back",
            assignee_id=None,
            created_by_id=IDS.max,
            **{**task_defaults, "due_date": None, "priority": TaskPriority.HIGH},
        )
        _upsert(
            Task,
            IDS.zeus_task,
            project_id=IDS.zeus,
            title="Throw a thunderbolt",
            assignee_id=None,
            created_by_id=IDS.max,
            **task_defaults,
        )
        for pk, task_id, author_id in (
            (IDS.alice_comment, IDS.apollo_task, IDS.alice),
            (IDS.max_comment, IDS.apollo_task, IDS.max),
            (IDS.zeus_comment, IDS.zeus_task, IDS.max),
            (IDS.sam_comment, IDS.apollo_task, IDS.sam),
        ):
            _upsert(Comment, pk, task_id=task_id, author_id=author_id, body="Seeded comment.")
        for pk, (user_id, prefix, secret) in API_KEYS.items():
            _upsert(
                ApiKey,
                pk,
                user_id=user_id,
                name="contract tests",
                prefix=prefix,
                secret_hash=api_key_hash(secret),
                created_at=now,
                last_used_at=None,
                expires_at=None,
                revoked_at=None,
            )
        # Alice's (Apollo owner) webhook: inactive, so runs against a live server send nothing; ping and
        # redeliver still address it. Its URL passes the SSRF rules under the test settings (allowed host).
        _upsert(
            Webhook,
            IDS.apollo_webhook,
            project_id=IDS.apollo,
            url="https://hooks.example.com/contract-tests",
            events=["task.created", "comment.created"],
            active=False,
            secret_encrypted=secret_encrypt(WEBHOOK_SECRET),
            disabled_reason="",
            consecutive_failures=0,
        )
        event_id = "evt_" + "0" * 24 + "c0ffee00"
        _upsert(
            Event,
            IDS.apollo_event,
            event_id=event_id,
            project_id=IDS.apollo,
            type="task.created",
            payload={
                "id": event_id,
                "type": "task.created",
                "created_at": "2030-01-01T00:00:00Z",
                "project_id": IDS.apollo,
                "data": {"id": IDS.apollo_task},  # only what a redelivery's checks need to refuse it
            },
        )
        _upsert(
            Delivery,
            IDS.apollo_delivery,
            webhook_id=IDS.apollo_webhook,
            event_id=IDS.apollo_event,
            status="failed",
            attempt_count=1,
            next_attempt_at=None,
            leased_until=None,
            delivered_at=None,
        )
    return IDS


def _written_by_the_api() -> list[Any]:
    from server.apps.accounts.models import ApiKey, User
    from server.apps.comments.models import Comment
    from server.apps.idempotency.models import IdempotencyRecord
    from server.apps.projects.models import Invitation, Membership, Project
    from server.apps.tasks.models import Task
    from server.apps.webhooks.models import Attempt, Delivery, Event, Webhook

    # Children before parents. Idempotency records too: a key a case sent must not make a later case's
    # identical request a replay (or a 422), or the same generated steps would meet different answers.
    return [
        IdempotencyRecord,
        Attempt,
        Delivery,
        Event,
        Webhook,
        Comment,
        Task,
        Invitation,
        Membership,
        ApiKey,
        Project,
        User,
    ]


def high_water_marks() -> dict[str, int]:
    """The largest primary key each table has below the seeded range (rows the API creates get larger
    ones). One query: it runs around every generated case of a live run."""
    from django.db import connection

    models = _written_by_the_api()
    quote = connection.ops.quote_name
    columns = ", ".join(
        f"(SELECT MAX({quote(m._meta.pk.column)}) FROM {quote(m._meta.db_table)} "
        f"WHERE {quote(m._meta.pk.column)} < %s)"
        for m in models
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}", [BASE] * len(models))
        row = cursor.fetchone()
    return {model.__name__: top or 0 for model, top in zip(models, row, strict=True)}


def delete_created_since(marks: dict[str, int]) -> None:
    """Delete the rows created after `marks` were taken: a live server's stand-in for a rollback."""
    now = high_water_marks()
    for model in _written_by_the_api():
        if now[model.__name__] > marks[model.__name__]:
            model.objects.filter(pk__gt=marks[model.__name__], pk__lt=BASE).delete()


def _upsert(model: Any, pk: int, **values: Any) -> None:
    updated = model.objects.filter(pk=pk).update(**values)
    if not updated:
        model.objects.create(pk=pk, **values)


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "server.config.settings.test")
    django.setup()
    seed_world()
    print(f"contract_tests.seed: seeded world with ids from {BASE + 1}")


if __name__ == "__main__":
    main()
