"""Tasks: create (defaults, assignee rule), read, partial update (null clears), delete (with comments)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from server.apps.accounts.tests.support import (
    assert_created,
    assert_problem,
    comment_make,
    iso,
    member_add,
    parse_ts,
    task_make,
)
from server.apps.comments.models import Comment
from server.apps.projects.models import Project
from server.apps.tasks.models import Task
from server.common.testing import ProjectWorld, user_make

pytestmark = pytest.mark.django_db


def _tasks_url(world: ProjectWorld, task_id: int | None = None) -> str:
    base = f"/projects/{world.project.pk}/tasks"
    return base if task_id is None else f"{base}/{task_id}"


def _present(task: Task) -> dict[str, Any]:
    return {
        "id": task.pk,
        "project_id": task.project_id,
        "title": task.title,
        "description": task.description,
        "status": task.status,
        "priority": task.priority,
        "assignee_id": task.assignee_id,
        "created_by_id": task.created_by_id,
        "due_date": task.due_date.isoformat() if task.due_date else None,
        "created_at": iso(task.created_at),
        "updated_at": iso(task.updated_at),
    }


# --- create ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "maintainer"])
def test_create_with_defaults_records_the_creator(world: ProjectWorld, who: str) -> None:
    response = world.client(who).send("POST", _tasks_url(world), {"title": "Draft homepage copy"})

    task = Task.objects.get()
    body = assert_created(response, f"/api/v1/projects/{world.project.pk}/tasks/{task.pk}")
    assert body == _present(task)
    assert (task.title, task.description, task.status, task.priority) == (
        "Draft homepage copy",
        "",
        "todo",
        "normal",
    )
    assert (task.assignee_id, task.due_date, task.project_id) == (None, None, world.project.pk)
    assert task.created_by_id == getattr(world, who).pk
    assert world.client("viewer").send("GET", response["Location"]).json() == body


def test_create_with_every_field(world: ProjectWorld) -> None:
    payload = {
        "title": "Launch",
        "description": "Count down from ten.",
        "status": "in_progress",
        "priority": "urgent",
        "assignee_id": world.viewer.pk,
        "due_date": "2026-12-01",
    }

    response = world.client("maintainer").send("POST", _tasks_url(world), payload)

    assert response.status_code == 201
    task = Task.objects.get()
    assert {k: response.json()[k] for k in payload} == payload
    assert (task.status, task.priority, task.assignee_id, task.due_date) == (
        "in_progress",
        "urgent",
        world.viewer.pk,
        date(2026, 12, 1),
    )
    assert task.created_by_id == world.maintainer.pk


def test_create_with_explicit_nulls(world: ProjectWorld) -> None:
    response = world.client("owner").send(
        "POST", _tasks_url(world), {"title": "T", "assignee_id": None, "due_date": None}
    )
    assert response.status_code == 201
    assert (response.json()["assignee_id"], response.json()["due_date"]) == (None, None)


@pytest.mark.parametrize("who", ["outsider", "admin"])
def test_the_assignee_must_be_a_member(world: ProjectWorld, who: str) -> None:
    response = world.client("owner").send(
        "POST", _tasks_url(world), {"title": "T", "assignee_id": getattr(world, who).pk}
    )
    problem = assert_problem(response, 422, "assignee_not_member")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/assignee_id", "assignee_not_member")]
    assert not Task.objects.exists()


def test_an_unknown_assignee_is_not_a_member(world: ProjectWorld) -> None:
    response = world.client("owner").send("POST", _tasks_url(world), {"title": "T", "assignee_id": 987654})
    assert_problem(response, 422, "assignee_not_member")
    assert not Task.objects.exists()


def test_a_member_of_another_project_is_not_a_member_here(world: ProjectWorld) -> None:
    other = Project.objects.create(name="Gemini")
    member_add(other, world.outsider, "owner")
    response = world.client("owner").send(
        "POST", _tasks_url(world), {"title": "T", "assignee_id": world.outsider.pk}
    )
    assert_problem(response, 422, "assignee_not_member")


@pytest.mark.parametrize(
    "body, errors",
    [
        ({}, [("/title", "required")]),
        ({"title": ""}, [("/title", "minLength")]),
        ({"title": "x" * 201}, [("/title", "maxLength")]),
        ({"title": "T", "description": "x" * 10001}, [("/description", "maxLength")]),
        ({"title": "T", "status": "blocked"}, [("/status", "enum")]),
        ({"title": "T", "priority": "critical"}, [("/priority", "enum")]),
        ({"title": "T", "assignee_id": 0}, [("/assignee_id", "minimum")]),
        ({"title": "T", "assignee_id": "5"}, [("/assignee_id", "type")]),
        ({"title": "T", "due_date": "2026-02-30"}, [("/due_date", "format")]),
        ({"title": "T", "due_date": "2026-12-01T10:00:00Z"}, [("/due_date", "format")]),
        ({"title": "x" * 201, "priority": "critical"}, [("/priority", "enum"), ("/title", "maxLength")]),
    ],
)
def test_create_validates_the_body(
    world: ProjectWorld, body: dict[str, Any], errors: list[tuple[str, str]]
) -> None:
    problem = assert_problem(
        world.client("owner").send("POST", _tasks_url(world), body), 400, "validation_error"
    )
    assert sorted((e["pointer"], e["code"]) for e in problem["errors"]) == errors
    assert not Task.objects.exists()


def test_create_in_an_unknown_project_is_404(world: ProjectWorld) -> None:
    assert_problem(
        world.client("owner").send("POST", "/projects/987654/tasks", {"title": "T"}), 404, "not_found"
    )


# --- retrieve --------------------------------------------------------------------------------------------


def test_retrieve(world: ProjectWorld) -> None:
    task = task_make(
        world.project,
        world.owner,
        "Launch",
        assignee=world.viewer,
        due_date=date(2026, 12, 1),
        priority="high",
    )
    response = world.client("viewer").send("GET", _tasks_url(world, task.pk))
    assert response.status_code == 200
    assert response.json() == _present(task)


def test_a_task_of_another_project_is_404(world: ProjectWorld) -> None:
    other = Project.objects.create(name="Gemini")
    member_add(other, world.owner, "owner")
    foreign = task_make(other, world.owner, "Elsewhere")
    client = world.client("owner")
    assert_problem(client.send("GET", _tasks_url(world, foreign.pk)), 404, "not_found")
    assert_problem(client.send("PATCH", _tasks_url(world, foreign.pk), {"title": "X"}), 404, "not_found")
    assert_problem(client.send("DELETE", _tasks_url(world, foreign.pk)), 404, "not_found")
    foreign.refresh_from_db()
    assert foreign.title == "Elsewhere"
    assert client.send("GET", f"/projects/{other.pk}/tasks/{foreign.pk}").status_code == 200


def test_an_unknown_task_is_404(world: ProjectWorld) -> None:
    assert_problem(world.client("owner").send("GET", _tasks_url(world, 987654)), 404, "not_found")


# --- update ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "maintainer"])
def test_update_changes_only_the_fields_sent(world: ProjectWorld, who: str) -> None:
    task = task_make(world.project, world.owner, "Launch", description="Ten", assignee=world.viewer)
    before = _present(task)

    response = world.client(who).send(
        "PATCH", _tasks_url(world, task.pk), {"status": "done", "priority": "low"}
    )

    assert response.status_code == 200
    task.refresh_from_db()
    body = response.json()
    assert body == _present(task)
    assert (task.status, task.priority) == ("done", "low")
    unchanged = (
        "title",
        "description",
        "assignee_id",
        "due_date",
        "created_by_id",
        "created_at",
        "project_id",
    )
    assert {k: body[k] for k in unchanged} == {k: before[k] for k in unchanged}
    assert parse_ts(body["updated_at"]) > parse_ts(before["updated_at"])


def test_update_every_field(world: ProjectWorld) -> None:
    task = task_make(world.project, world.owner, "Launch")
    payload = {
        "title": "Land",
        "description": "Gently.",
        "status": "in_progress",
        "priority": "high",
        "assignee_id": world.maintainer.pk,
        "due_date": "2027-01-31",
    }
    body = world.client("owner").send("PATCH", _tasks_url(world, task.pk), payload).json()
    assert {k: body[k] for k in payload} == payload
    task.refresh_from_db()
    assert (task.title, task.assignee_id, task.due_date) == ("Land", world.maintainer.pk, date(2027, 1, 31))


def test_null_clears_the_assignee_and_due_date(world: ProjectWorld) -> None:
    task = task_make(world.project, world.owner, "Launch", assignee=world.viewer, due_date=date(2026, 12, 1))

    body = (
        world.client("owner")
        .send("PATCH", _tasks_url(world, task.pk), {"assignee_id": None, "due_date": None})
        .json()
    )

    assert (body["assignee_id"], body["due_date"]) == (None, None)
    task.refresh_from_db()
    assert (task.assignee_id, task.due_date) == (None, None)


def test_update_to_a_non_member_assignee_is_422_and_changes_nothing(world: ProjectWorld) -> None:
    task = task_make(world.project, world.owner, "Launch", assignee=world.viewer)

    response = world.client("owner").send(
        "PATCH", _tasks_url(world, task.pk), {"title": "Changed", "assignee_id": world.outsider.pk}
    )

    problem = assert_problem(response, 422, "assignee_not_member")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/assignee_id", "assignee_not_member")]
    task.refresh_from_db()
    assert (task.title, task.assignee_id) == ("Launch", world.viewer.pk)


def test_update_with_an_empty_body_changes_nothing(world: ProjectWorld) -> None:
    task = task_make(world.project, world.owner, "Launch")
    response = world.client("owner").send("PATCH", _tasks_url(world, task.pk), {})
    assert response.status_code == 200
    assert response.json() == _present(task)
    assert Task.objects.get(pk=task.pk).updated_at == task.updated_at


@pytest.mark.parametrize(
    "body, errors",
    [
        ({"title": ""}, [("/title", "minLength")]),
        ({"title": None}, [("/title", "type")]),
        ({"status": None}, [("/status", "enum"), ("/status", "type")]),
        ({"priority": "URGENT"}, [("/priority", "enum")]),
        ({"due_date": "tomorrow"}, [("/due_date", "format")]),
    ],
)
def test_update_validates_the_body(
    world: ProjectWorld, body: dict[str, Any], errors: list[tuple[str, str]]
) -> None:
    task = task_make(world.project, world.owner, "Launch")
    response = world.client("owner").send("PATCH", _tasks_url(world, task.pk), body)
    problem = assert_problem(response, 400, "validation_error")
    assert sorted((e["pointer"], e["code"]) for e in problem["errors"]) == errors
    assert Task.objects.get(pk=task.pk).title == "Launch"


# --- delete ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "maintainer"])
def test_delete_takes_its_comments_along(world: ProjectWorld, who: str) -> None:
    task = task_make(world.project, world.owner, "Launch")
    comment_make(task, world.owner, "One")
    comment_make(task, world.maintainer, "Two")
    other = task_make(world.project, world.owner, "Stays")
    kept = comment_make(other, world.owner, "Kept")

    response = world.client(who).send("DELETE", _tasks_url(world, task.pk))

    assert response.status_code == 204
    assert response.content == b""
    assert list(Task.objects.values_list("pk", flat=True)) == [other.pk]
    assert list(Comment.objects.values_list("pk", flat=True)) == [kept.pk]
    assert_problem(world.client("owner").send("GET", _tasks_url(world, task.pk)), 404, "not_found")
    assert_problem(world.client("owner").send("DELETE", _tasks_url(world, task.pk)), 404, "not_found")


def test_tasks_of_a_removed_creator_stay(world: ProjectWorld) -> None:
    creator = user_make("carl")
    member_add(world.project, creator, "maintainer")
    task = task_make(world.project, creator, "Legacy")
    world.client("owner").send("DELETE", f"/projects/{world.project.pk}/members/{creator.pk}")
    body = world.client("owner").send("GET", _tasks_url(world, task.pk)).json()
    assert body["created_by_id"] == creator.pk


@pytest.mark.parametrize("task_id, code", [("abc", "type"), ("0", "minimum"), ("1.5", "type")])
def test_task_ids_are_validated(world: ProjectWorld, task_id: str, code: str) -> None:
    response = world.client("owner").send("GET", f"/projects/{world.project.pk}/tasks/{task_id}")
    problem = assert_problem(response, 400, "validation_error")
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("task_id", code)]
