"""Idempotency-Key on the create operations: replay, reuse, scope, expiry, errors, in-flight claims."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from server.apps.accounts.models import ApiKey
from server.apps.accounts.tests.support import member_add
from server.apps.idempotency.models import IdempotencyRecord
from server.apps.idempotency.service import key_digest, request_fingerprint
from server.apps.projects.models import Invitation, Membership, Project
from server.apps.tasks.models import Task
from server.common.testing import ProjectWorld, client_for, user_make

KEY = "3c1f9a52-8d7e-4b0a-9f6e-2a1b3c4d5e6f"


def _post(client: Any, path: str, body: Any, key: str | None = KEY, **extra: Any) -> Any:
    if key is not None:
        extra["HTTP_IDEMPOTENCY_KEY"] = key
    return client.send("POST", path, body, **extra)


def test_same_key_and_body_replays_the_first_response_without_creating(client: Any, user: Any) -> None:
    first = _post(client, "/projects", {"name": "Apollo", "description": "Moon"})
    second = _post(client, "/projects", {"name": "Apollo", "description": "Moon"})
    assert first.status_code == second.status_code == 201
    assert "Idempotent-Replayed" not in first
    assert second["Idempotent-Replayed"] == "true"
    assert second.content == first.content
    for header in ("Location", "ETag", "Content-Type", "Cache-Control"):
        assert second[header] == first[header], header
    assert Project.objects.filter(memberships__user=user).count() == 1


def test_same_key_with_another_body_is_refused(client: Any, user: Any) -> None:
    assert _post(client, "/projects", {"name": "Apollo"}).status_code == 201
    response = _post(client, "/projects", {"name": "Gemini"})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "idempotency_key_reused"
    assert problem["errors"][0]["field"] == "Idempotency-Key"
    assert list(Project.objects.values_list("name", flat=True)) == ["Apollo"]


def test_same_key_on_another_operation_is_refused(world: ProjectWorld) -> None:
    owner = world.client("owner")
    assert _post(owner, "/projects", {"name": "Apollo"}).status_code == 201
    response = _post(owner, f"/projects/{world.project.pk}/tasks", {"name": "Apollo"})
    # The body does not even fit tasks_create: the contract refuses it before the key is looked at.
    assert response.status_code == 400
    response = _post(owner, f"/projects/{world.project.pk}/tasks", {"title": "Apollo"})
    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_key_reused"


def test_keys_are_scoped_per_user(world: ProjectWorld) -> None:
    mine = _post(world.client("owner"), "/projects", {"name": "Same"})
    theirs = _post(world.client("maintainer"), "/projects", {"name": "Same"})
    assert mine.status_code == theirs.status_code == 201
    assert "Idempotent-Replayed" not in theirs
    assert mine.json()["id"] != theirs.json()["id"]
    assert Project.objects.filter(name="Same").count() == 2


def test_api_key_and_jwt_of_one_user_share_the_scope(client: Any, user: Any) -> None:
    created = _post(client, "/api-keys", {"name": "ci"})
    assert created.status_code == 201
    via_key = client_for(None)
    via_key.credentials(HTTP_X_API_KEY=created.json()["secret"])
    replay = _post(via_key, "/api-keys", {"name": "ci"})
    assert replay.status_code == 201 and replay["Idempotent-Replayed"] == "true"
    assert ApiKey.objects.filter(user=user).count() == 1


def test_replayed_api_key_secret_works_and_is_not_stored_in_clear(client: Any, user: Any) -> None:
    first = _post(client, "/api-keys", {"name": "deploy"})
    again = _post(client, "/api-keys", {"name": "deploy"})
    secret = first.json()["secret"]
    assert again.json()["secret"] == secret
    record = IdempotencyRecord.objects.get(user=user)
    assert secret.encode() not in bytes(record.response_body or b"")
    assert KEY not in str(record.__dict__)  # only the key's digest is kept
    usable = client_for(None)
    usable.credentials(HTTP_X_API_KEY=secret)
    assert usable.send("GET", "/users/me").status_code == 200


@pytest.mark.parametrize(
    "operation",
    ["tasks_create", "comments_create", "project_members_add", "project_invitations_create"],
)
def test_every_project_scoped_create_replays(world: ProjectWorld, operation: str) -> None:
    from server.apps.comments.models import Comment

    task = Task.objects.create(project=world.project, title="T", created_by=world.owner)
    elsewhere = Project.objects.create(name="Elsewhere")  # the owner works with the colleague there
    colleague = user_make("colleague")
    member_add(elsewhere, world.owner, "owner")
    member_add(elsewhere, colleague, "viewer")
    cases: dict[str, tuple[str, dict[str, Any], Any]] = {
        "tasks_create": (f"/projects/{world.project.pk}/tasks", {"title": "Write"}, Task),
        "comments_create": (
            f"/projects/{world.project.pk}/tasks/{task.pk}/comments",
            {"body": "Hi"},
            Comment,
        ),
        "project_members_add": (
            f"/projects/{world.project.pk}/members",
            {"user_id": colleague.pk, "role": "viewer"},
            Membership,
        ),
        "project_invitations_create": (
            f"/projects/{world.project.pk}/invitations",
            {"user_id": world.outsider.pk, "role": "viewer"},
            Invitation,
        ),
    }
    path, body, model = cases[operation]
    before = model.objects.count()
    owner = world.client("owner")
    first, second = _post(owner, path, body), _post(owner, path, body)
    assert (first.status_code, second.status_code) == (201, 201)
    assert second["Idempotent-Replayed"] == "true" and second.content == first.content
    assert model.objects.count() == before + 1


def test_an_error_is_not_stored_and_the_key_can_be_retried(world: ProjectWorld) -> None:
    owner = world.client("owner")
    path = f"/projects/{world.project.pk}/invitations"
    newcomer_id = world.outsider.pk + 1000
    failed = _post(owner, path, {"user_id": newcomer_id, "role": "viewer"})
    assert failed.status_code == 422 and failed.json()["code"] == "user_not_found"
    assert not IdempotencyRecord.objects.exists()
    user_make("newcomer").__class__.objects.filter(username="newcomer").update(id=newcomer_id)
    retried = _post(owner, path, {"user_id": newcomer_id, "role": "viewer"})
    assert retried.status_code == 201 and "Idempotent-Replayed" not in retried


def _record(user: Any, body: Any, *, path: str = "/api/v1/projects", **fields: Any) -> IdempotencyRecord:
    now = timezone.now()
    values: dict[str, Any] = {
        "created_at": now,
        "expires_at": now + timedelta(hours=24),
        "locked_until": now + timedelta(seconds=60),
    }
    values.update(fields)
    return IdempotencyRecord.objects.create(
        user=user, key_digest=key_digest(KEY), fingerprint=request_fingerprint("POST", path, body), **values
    )


def test_a_key_still_in_flight_gets_409_with_retry_after(client: Any, user: Any) -> None:
    _record(user, {"name": "Apollo"})
    response = _post(client, "/projects", {"name": "Apollo"})
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_key_in_use"
    assert response["Retry-After"] == "1"
    assert not Project.objects.exists()


def test_a_claim_left_by_a_dead_worker_is_taken_over(client: Any, user: Any) -> None:
    _record(user, {"name": "Apollo"}, locked_until=timezone.now() - timedelta(seconds=1))
    response = _post(client, "/projects", {"name": "Apollo"})
    assert response.status_code == 201 and "Idempotent-Replayed" not in response
    assert _post(client, "/projects", {"name": "Apollo"})["Idempotent-Replayed"] == "true"
    assert Project.objects.count() == 1


def test_keys_expire(client: Any, user: Any, settings: Any) -> None:
    assert _post(client, "/projects", {"name": "Apollo"}).status_code == 201
    IdempotencyRecord.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    again = _post(client, "/projects", {"name": "Apollo"})
    assert again.status_code == 201 and "Idempotent-Replayed" not in again
    assert Project.objects.count() == 2
    settings.IDEMPOTENCY_KEY_TTL = 5
    _post(client, "/projects", {"name": "Gemini"}, key="other-key")
    record = IdempotencyRecord.objects.get(key_digest=key_digest("other-key"))
    assert timedelta(seconds=4) < record.expires_at - record.created_at <= timedelta(seconds=5)


def test_purge_command_deletes_expired_records_only(user: Any) -> None:
    _record(user, {"name": "old"}, expires_at=timezone.now() - timedelta(minutes=1))
    IdempotencyRecord.objects.create(
        user=user,
        key_digest=key_digest("fresh"),
        fingerprint="x",
        created_at=timezone.now(),
        expires_at=timezone.now() + timedelta(hours=1),
    )
    out = StringIO()
    call_command("purge_idempotency_records", stdout=out)
    assert "Deleted 1 expired" in out.getvalue()
    assert list(IdempotencyRecord.objects.values_list("key_digest", flat=True)) == [key_digest("fresh")]


@pytest.mark.parametrize("bad", ["", "has space", "x" * 256, "caf\u00e9"])
def test_a_malformed_key_is_a_400(client: Any, bad: str) -> None:
    extra = {"HTTP_IDEMPOTENCY_KEY": bad.encode().decode("latin-1")}
    response = client.send("POST", "/projects", {"name": "Apollo"}, **extra)
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "validation_error"
    assert response.json()["errors"][0]["field"] == "Idempotency-Key"
    assert not Project.objects.exists()


def test_without_a_key_nothing_is_stored(client: Any) -> None:
    assert _post(client, "/projects", {"name": "A"}, key=None).status_code == 201
    assert _post(client, "/projects", {"name": "A"}, key=None).status_code == 201
    assert Project.objects.count() == 2 and not IdempotencyRecord.objects.exists()


def test_the_operations_declaring_the_header_are_the_authenticated_creates() -> None:
    """Which operations honour a key is the contract's business (server/contract/idempotency.py): every
    authenticated create declares it, and no decorator in the apps restates it."""
    from server.contract.spec import get_contract

    declared = {op.operation_id for op in get_contract().operations.values() if op.idempotency_key}
    assert declared == {
        "projects_create",
        "tasks_create",
        "comments_create",
        "project_members_add",
        "project_invitations_create",
        "api_keys_create",
        "webhooks_create",
    }
