"""Comments on a task: list (oldest first by default), create (editors only), edit and delete (author)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from server.apps.accounts.tests.support import (
    assert_created,
    assert_problem,
    comment_make,
    iso,
    member_add,
    parse_ts,
    task_make,
    walk_backward,
    walk_forward,
)
from server.apps.comments.models import Comment
from server.apps.projects.models import Project
from server.apps.tasks.models import Task
from server.common.testing import ProjectWorld

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(world: ProjectWorld) -> Task:
    return task_make(world.project, world.owner, "Launch")


def _url(world: ProjectWorld, task: Task, comment_id: int | None = None) -> str:
    base = f"/projects/{world.project.pk}/tasks/{task.pk}/comments"
    return base if comment_id is None else f"{base}/{comment_id}"


def _present(comment: Comment) -> dict[str, Any]:
    author = comment.author
    return {
        "id": comment.pk,
        "task_id": comment.task_id,
        "author": {"id": author.pk, "username": author.username, "full_name": author.full_name},
        "body": comment.body,
        "created_at": iso(comment.created_at),
        "updated_at": iso(comment.updated_at),
    }


# --- list ------------------------------------------------------------------------------------------------


def test_list_shows_the_tasks_comments_oldest_first(world: ProjectWorld, task: Task) -> None:
    now = timezone.now()
    later = comment_make(task, world.maintainer, "Second", created_at=now)
    earlier = comment_make(task, world.owner, "First", created_at=now - timedelta(hours=1))
    other_task = task_make(world.project, world.owner, "Other")
    comment_make(other_task, world.owner, "Elsewhere")

    response = world.client("viewer").send("GET", _url(world, task))

    assert response.status_code == 200
    assert response.json() == {"items": [_present(earlier), _present(later)], "next": None, "previous": None}


@pytest.mark.parametrize("ordering", ["created_at", "-created_at", None])
def test_list_ordering_and_paging(world: ProjectWorld, task: Task, ordering: str | None) -> None:
    now = timezone.now()
    for n in range(9):
        comment_make(task, world.owner, f"c{n}", created_at=now - timedelta(minutes=(n * 4) % 3))
    descending = ordering == "-created_at"
    expected = [
        c.pk for c in sorted(Comment.objects.all(), key=lambda c: (c.created_at, c.pk), reverse=descending)
    ]
    query = f"?page_size=4&ordering={ordering}" if ordering else "?page_size=4"
    client = world.client("viewer")

    pages = walk_forward(client, _url(world, task) + query)

    assert [len(p["items"]) for p in pages] == [4, 4, 1]
    assert [i["id"] for p in pages for i in p["items"]] == expected
    assert walk_backward(client, pages[-1]) == pages


def test_list_rejects_unknown_ordering(world: ProjectWorld, task: Task) -> None:
    response = world.client("owner").send("GET", _url(world, task) + "?ordering=author")
    problem = assert_problem(response, 400, "validation_error")
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("ordering", "enum")]


# --- create ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "maintainer"])
def test_create_makes_the_caller_the_author(world: ProjectWorld, task: Task, who: str) -> None:
    response = world.client(who).send("POST", _url(world, task), {"body": "On it."})

    comment = Comment.objects.get()
    body = assert_created(response, f"/api/v1{_url(world, task, comment.pk)}")
    assert body == _present(comment)
    assert comment.author == getattr(world, who)
    assert (comment.body, comment.task_id) == ("On it.", task.pk)


def test_viewers_cannot_comment(world: ProjectWorld, task: Task) -> None:
    assert_problem(
        world.client("viewer").send("POST", _url(world, task), {"body": "Hi"}), 403, "permission_denied"
    )
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "body, errors",
    [
        ({}, [("/body", "required")]),
        ({"body": ""}, [("/body", "minLength")]),
        ({"body": "x" * 10001}, [("/body", "maxLength")]),
        ({"body": 42}, [("/body", "type")]),
    ],
)
def test_create_validates_the_body(
    world: ProjectWorld, task: Task, body: dict[str, Any], errors: list[tuple[str, str]]
) -> None:
    problem = assert_problem(
        world.client("owner").send("POST", _url(world, task), body), 400, "validation_error"
    )
    assert sorted((e["pointer"], e["code"]) for e in problem["errors"]) == errors
    assert not Comment.objects.exists()


def test_comments_need_a_task_of_this_project(world: ProjectWorld) -> None:
    other = Project.objects.create(name="Gemini")
    member_add(other, world.owner, "owner")
    foreign = task_make(other, world.owner, "Elsewhere")
    client = world.client("owner")
    base = f"/projects/{world.project.pk}/tasks/{foreign.pk}/comments"
    assert_problem(client.send("GET", base), 404, "not_found")
    assert_problem(client.send("POST", base, {"body": "Hi"}), 404, "not_found")
    assert_problem(
        client.send("GET", f"/projects/{world.project.pk}/tasks/987654/comments"), 404, "not_found"
    )
    assert not Comment.objects.exists()


# --- update / delete -------------------------------------------------------------------------------------


def test_the_author_edits_a_comment(world: ProjectWorld, task: Task) -> None:
    comment = comment_make(task, world.maintainer, "Draft")
    before = _present(comment)

    response = world.client("maintainer").send("PATCH", _url(world, task, comment.pk), {"body": "Final"})

    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.body == "Final"
    body = response.json()
    assert body == _present(comment)
    assert body["created_at"] == before["created_at"]
    assert parse_ts(body["updated_at"]) > parse_ts(before["updated_at"])


@pytest.mark.parametrize("who", ["owner", "viewer"])
def test_other_members_cannot_edit_or_delete_a_comment(world: ProjectWorld, task: Task, who: str) -> None:
    comment = comment_make(task, world.maintainer, "Mine")
    client = world.client(who)
    assert_problem(
        client.send("PATCH", _url(world, task, comment.pk), {"body": "Theirs"}), 403, "permission_denied"
    )
    assert_problem(client.send("DELETE", _url(world, task, comment.pk)), 403, "permission_denied")
    comment.refresh_from_db()
    assert comment.body == "Mine"


def test_update_validates_the_body(world: ProjectWorld, task: Task) -> None:
    comment = comment_make(task, world.owner, "Mine")
    response = world.client("owner").send("PATCH", _url(world, task, comment.pk), {"body": ""})
    problem = assert_problem(response, 400, "validation_error")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/body", "minLength")]
    response = world.client("owner").send("PATCH", _url(world, task, comment.pk), {})
    problem = assert_problem(response, 400, "validation_error")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/body", "required")]
    assert Comment.objects.get(pk=comment.pk).body == "Mine"


def test_the_author_deletes_a_comment(world: ProjectWorld, task: Task) -> None:
    comment = comment_make(task, world.owner, "Oops")
    kept = comment_make(task, world.owner, "Keep")

    response = world.client("owner").send("DELETE", _url(world, task, comment.pk))

    assert response.status_code == 204
    assert response.content == b""
    assert list(Comment.objects.values_list("pk", flat=True)) == [kept.pk]
    assert_problem(world.client("owner").send("DELETE", _url(world, task, comment.pk)), 404, "not_found")


def test_a_comment_of_another_task_is_404(world: ProjectWorld, task: Task) -> None:
    other = task_make(world.project, world.owner, "Other")
    comment = comment_make(other, world.owner, "Elsewhere")
    client = world.client("owner")
    assert_problem(client.send("PATCH", _url(world, task, comment.pk), {"body": "X"}), 404, "not_found")
    assert_problem(client.send("DELETE", _url(world, task, comment.pk)), 404, "not_found")
    assert Comment.objects.get(pk=comment.pk).body == "Elsewhere"
    assert client.send("PATCH", _url(world, other, comment.pk), {"body": "X"}).status_code == 200


def test_an_author_who_left_can_no_longer_edit(world: ProjectWorld, task: Task) -> None:
    comment = comment_make(task, world.maintainer, "Before leaving")
    world.client("maintainer").send("DELETE", f"/projects/{world.project.pk}/members/{world.maintainer.pk}")
    response = world.client("maintainer").send("PATCH", _url(world, task, comment.pk), {"body": "After"})
    assert_problem(response, 404, "not_found")
    # The comment stays, with its author.
    listed = world.client("owner").send("GET", _url(world, task)).json()["items"]
    assert [c["author"]["username"] for c in listed] == ["max"]


@pytest.mark.parametrize("comment_id, code", [("abc", "type"), ("0", "minimum")])
def test_comment_ids_are_validated(world: ProjectWorld, task: Task, comment_id: str, code: str) -> None:
    response = world.client("owner").send("DELETE", f"{_url(world, task)}/{comment_id}")
    problem = assert_problem(response, 400, "validation_error")
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("comment_id", code)]


def test_list_validates_paging_parameters(world: ProjectWorld, task: Task) -> None:
    response = world.client("owner").send("GET", _url(world, task) + "?page_size=101&ordering=oldest")
    problem = assert_problem(response, 400, "validation_error")
    assert sorted((e["field"], e["code"]) for e in problem["errors"]) == [
        ("ordering", "enum"),
        ("page_size", "maximum"),
    ]
