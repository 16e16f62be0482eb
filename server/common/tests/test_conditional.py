"""ETag, If-None-Match (304) and If-Match (412) on single resources, and two writers racing."""

from __future__ import annotations

from typing import Any

import pytest

from server.apps.comments.models import Comment
from server.apps.idempotency.tests.test_concurrency import run_at_once
from server.apps.projects.models import Membership, Project
from server.apps.tasks.models import Task
from server.common.testing import ProjectWorld, client_for, user_make


def _project_path(world: ProjectWorld) -> str:
    return f"/projects/{world.project.pk}"


def test_get_carries_an_etag_and_revalidates_to_304(world: ProjectWorld) -> None:
    owner = world.client("owner")
    first = owner.send("GET", _project_path(world))
    etag = first["ETag"]
    assert first.status_code == 200 and etag.startswith('"') and len(etag) == 34
    assert first["Cache-Control"] == "private, no-cache"
    not_modified = owner.send("GET", _project_path(world), HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert "Content-Type" not in not_modified
    assert not_modified["ETag"] == etag
    assert not_modified["Cache-Control"] == "private, no-cache"
    assert "Authorization" in not_modified["Vary"]
    # Weak comparison, lists and `*`.
    assert owner.send("GET", _project_path(world), HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    assert owner.send("GET", _project_path(world), HTTP_IF_NONE_MATCH=f'"x", {etag}').status_code == 304
    assert owner.send("GET", _project_path(world), HTTP_IF_NONE_MATCH="*").status_code == 304
    assert owner.send("GET", _project_path(world), HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_the_etag_changes_with_the_representation(world: ProjectWorld) -> None:
    owner = world.client("owner")
    before = owner.send("GET", _project_path(world))["ETag"]
    patched = owner.send("PATCH", _project_path(world), {"name": "Artemis"})
    assert patched["ETag"] != before
    assert owner.send("GET", _project_path(world))["ETag"] == patched["ETag"]
    assert owner.send("GET", _project_path(world), HTTP_IF_NONE_MATCH=before).status_code == 200
    # A project's representation holds the caller's role, so each role sees its own tag.
    assert world.client("viewer").send("GET", _project_path(world))["ETag"] != patched["ETag"]


def test_create_response_etag_is_the_one_get_returns(world: ProjectWorld) -> None:
    owner = world.client("owner")
    created = owner.send("POST", f"/projects/{world.project.pk}/tasks", {"title": "Write"})
    fetched = owner.send("GET", created["Location"])
    assert created["ETag"] == fetched["ETag"]
    me = owner.send("GET", "/users/me")
    assert owner.send("GET", "/users/me", HTTP_IF_NONE_MATCH=me["ETag"]).status_code == 304


def test_if_match_guards_writes(world: ProjectWorld) -> None:
    owner = world.client("owner")
    etag = owner.send("GET", _project_path(world))["ETag"]
    stale = owner.send("PATCH", _project_path(world), {"name": "Mine"}, HTTP_IF_MATCH='"0123"')
    assert stale.status_code == 412
    assert stale["Content-Type"] == "application/problem+json"
    assert stale.json()["code"] == "precondition_failed"
    assert Project.objects.get().name == "Apollo"
    ok = owner.send("PATCH", _project_path(world), {"name": "Mine"}, HTTP_IF_MATCH=etag)
    assert ok.status_code == 200 and ok.json()["name"] == "Mine"
    # The tag it was conditional on is now stale: the same conditional write cannot be applied twice.
    again = owner.send("PUT", _project_path(world), {"name": "Again", "description": ""}, HTTP_IF_MATCH=etag)
    assert again.status_code == 412
    assert owner.send("PATCH", _project_path(world), {"name": "Any"}, HTTP_IF_MATCH="*").status_code == 200
    # A weak tag never matches If-Match (strong comparison).
    current = owner.send("GET", _project_path(world))["ETag"]
    assert owner.send("PATCH", _project_path(world), {}, HTTP_IF_MATCH=f"W/{current}").status_code == 412
    # Checked after the caller's right to write: a viewer gets 403, a non-member 404, whatever the tag.
    assert (
        world.client("viewer").send("PATCH", _project_path(world), {}, HTTP_IF_MATCH='"x"').status_code == 403
    )
    assert (
        world.client("outsider").send("PATCH", _project_path(world), {}, HTTP_IF_MATCH='"x"').status_code
        == 404
    )


def test_if_match_guards_deletes(world: ProjectWorld) -> None:
    owner = world.client("owner")
    task = owner.send("POST", f"/projects/{world.project.pk}/tasks", {"title": "Write"})
    path = task["Location"]
    assert owner.send("DELETE", path, HTTP_IF_MATCH='"0"').status_code == 412
    assert Task.objects.filter(pk=task.json()["id"]).exists()
    assert owner.send("DELETE", path, HTTP_IF_MATCH=task["ETag"]).status_code == 204
    assert owner.send("DELETE", _project_path(world), HTTP_IF_MATCH='"0"').status_code == 412
    assert Project.objects.exists()


def test_if_match_on_comments_and_the_callers_account(world: ProjectWorld) -> None:
    owner = world.client("owner")
    task = Task.objects.create(project=world.project, title="T", created_by=world.owner)
    created = owner.send("POST", f"/projects/{world.project.pk}/tasks/{task.pk}/comments", {"body": "v1"})
    path = created["Location"]
    assert owner.send("PATCH", path, {"body": "v2"}, HTTP_IF_MATCH='"0"').status_code == 412
    edited = owner.send("PATCH", path, {"body": "v2"}, HTTP_IF_MATCH=created["ETag"])
    assert edited.status_code == 200
    assert owner.send("DELETE", path, HTTP_IF_MATCH=created["ETag"]).status_code == 412
    assert owner.send("DELETE", path, HTTP_IF_MATCH=edited["ETag"]).status_code == 204
    assert not Comment.objects.exists()
    me = owner.send("GET", "/users/me")
    assert owner.send("PATCH", "/users/me", {"full_name": "X"}, HTTP_IF_MATCH='"0"').status_code == 412
    assert owner.send("PATCH", "/users/me", {"full_name": "X"}, HTTP_IF_MATCH=me["ETag"]).status_code == 200


@pytest.mark.parametrize("header", ["HTTP_IF_MATCH", "HTTP_IF_NONE_MATCH"])
@pytest.mark.parametrize("garbage", ["abc", '"unterminated', "W/abc", '"a" "b"', "x" * 2000])
def test_garbage_validators_are_a_400(world: ProjectWorld, header: str, garbage: str) -> None:
    owner = world.client("owner")
    method, body = ("PATCH", {"name": "x"}) if header == "HTTP_IF_MATCH" else ("GET", None)
    response = owner.send(method, _project_path(world), body, **{header: garbage})
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "validation_error"
    assert Project.objects.get().name == "Apollo"


@pytest.mark.django_db(transaction=True)
def test_two_writers_racing_with_the_same_etag(capsys: pytest.CaptureFixture[str]) -> None:
    """Both read version 1 and write with If-Match: exactly one write lands, the other gets 412."""
    from django.db import connection

    alice, bob = user_make("alice-racer"), user_make("bob-racer")
    project = Project.objects.create(name="Shared")
    for user in (alice, bob):
        Membership.objects.create(project=project, user=user, role="owner")
    path = f"/projects/{project.pk}"
    outcomes = []
    for round_number in range(5):
        etags = [client_for(u).send("GET", path)["ETag"] for u in (alice, bob)]

        def write(i: int, etags: list[str] = etags, round_number: int = round_number) -> Any:
            body = {"description": f"round {round_number} by writer {i}"}
            return client_for((alice, bob)[i]).send("PATCH", path, body, HTTP_IF_MATCH=etags[i])

        responses = run_at_once(2, write)
        statuses = sorted(getattr(r, "status_code", repr(r)) for r in responses)
        assert statuses == [200, 412], [getattr(r, "content", r) for r in responses]
        winner = next(i for i, r in enumerate(responses) if r.status_code == 200)
        loser = responses[1 - winner]
        assert loser.json()["code"] == "precondition_failed"
        project.refresh_from_db()
        assert project.description == f"round {round_number} by writer {winner}"
        outcomes.append(statuses)
    with capsys.disabled():
        print(f"\n[{connection.vendor}] 5 rounds of 2 racing If-Match writers: {outcomes}")


@pytest.mark.django_db(transaction=True)
def test_writers_racing_without_if_match_are_last_write_wins() -> None:
    """Documents the default: without If-Match both writes are applied (If-Match is optional)."""
    alice = user_make("alice-unguarded")
    project = Project.objects.create(name="Shared")
    Membership.objects.create(project=project, user=alice, role="owner")

    def write(i: int) -> Any:
        return client_for(alice).send("PATCH", f"/projects/{project.pk}", {"description": f"w{i}"})

    assert sorted(r.status_code for r in run_at_once(2, write)) == [200, 200]
    project.refresh_from_db()
    assert project.description in ("w0", "w1")
