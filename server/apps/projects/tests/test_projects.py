"""Projects: create (the caller becomes owner), list the caller's projects, read, replace, update, delete."""

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
from server.apps.projects.models import Membership, Project
from server.apps.tasks.models import Task
from server.common.testing import ContractClient, ProjectWorld, client_for, user_make

pytestmark = pytest.mark.django_db


# --- create ----------------------------------------------------------------------------------------------


def test_create_makes_the_caller_its_owner(user: Any, client: ContractClient) -> None:
    response = client.send("POST", "/projects", {"name": "Apollo", "description": "Moon shot"})

    body = assert_created(response, f"/api/v1/projects/{response.json()['id']}")
    project = Project.objects.get(pk=body["id"])
    assert body == {
        "id": project.pk,
        "name": "Apollo",
        "description": "Moon shot",
        "role": "owner",
        "created_at": iso(project.created_at),
        "updated_at": iso(project.updated_at),
    }
    assert list(Membership.objects.filter(project=project).values_list("user_id", "role")) == [
        (user.pk, "owner")
    ]
    assert client.send("GET", response["Location"]).json() == body


def test_create_defaults_the_description(client: ContractClient) -> None:
    body = client.send("POST", "/projects", {"name": "Apollo"}).json()
    assert body["description"] == ""
    assert Project.objects.get(pk=body["id"]).description == ""


@pytest.mark.parametrize(
    "body, errors",
    [
        ({}, [("/name", "required")]),
        ({"name": ""}, [("/name", "minLength")]),
        ({"name": "x" * 201}, [("/name", "maxLength")]),
        ({"name": "A", "description": "x" * 5001}, [("/description", "maxLength")]),
        ({"name": "A", "description": None}, [("/description", "type")]),
    ],
)
def test_create_validates_the_body(
    client: ContractClient, body: dict[str, Any], errors: list[tuple[str, str]]
) -> None:
    problem = assert_problem(client.send("POST", "/projects", body), 400, "validation_error")
    assert sorted((e["pointer"], e["code"]) for e in problem["errors"]) == errors
    assert not Project.objects.exists()


def test_create_accepts_the_maximum_lengths(client: ContractClient) -> None:
    response = client.send("POST", "/projects", {"name": "n" * 200, "description": "d" * 5000})
    assert response.status_code == 201


# --- list ------------------------------------------------------------------------------------------------


def test_list_shows_only_the_callers_projects_with_their_role(world: ProjectWorld) -> None:
    mine = Project.objects.create(name="Mine")
    member_add(mine, world.viewer, "owner")
    Project.objects.create(name="Nobody's")

    response = world.client("viewer").send("GET", "/projects")

    assert response.status_code == 200
    items = response.json()["items"]
    assert {(item["name"], item["role"]) for item in items} == {("Apollo", "viewer"), ("Mine", "owner")}
    assert [item["name"] for item in world.client("maintainer").send("GET", "/projects").json()["items"]] == [
        "Apollo"
    ]
    assert world.client("outsider").send("GET", "/projects").json()["items"] == []
    # Staff see only their own projects here, too.
    assert world.client("admin").send("GET", "/projects").json()["items"] == []


def test_list_search_matches_name_and_description(user: Any, client: ContractClient) -> None:
    for name, description in [
        ("Website relaunch", "Marketing site"),
        ("Mobile app", "Offline mode for the WEBSITE users"),
        ("Internal tools", "Refunds console"),
    ]:
        client.send("POST", "/projects", {"name": name, "description": description})

    def names(search: str) -> set[str]:
        return {item["name"] for item in client.send("GET", f"/projects?search={search}").json()["items"]}

    assert names("website") == {"Website relaunch", "Mobile app"}
    assert names("CONSOLE") == {"Internal tools"}
    assert names("app") == {"Mobile app"}
    assert names("zeppelin") == set()


@pytest.mark.parametrize(
    "ordering", ["name", "-name", "created_at", "-created_at", "updated_at", "-updated_at", None]
)
def test_list_ordering(user: Any, client: ContractClient, ordering: str | None) -> None:
    base = timezone.now()
    names = ["delta", "alpha", "echo", "alpha", "charlie", "bravo", "delta"]
    for n, name in enumerate(names):
        project = Project.objects.create(name=name, created_at=base - timedelta(hours=n // 2))
        Project.objects.filter(pk=project.pk).update(updated_at=base - timedelta(minutes=(n * 5) % 3))
        member_add(project, user, "viewer")
    effective = ordering or "-created_at"
    field = effective.lstrip("-")
    expected = [
        p.pk
        for p in sorted(
            Project.objects.all(), key=lambda p: (getattr(p, field), p.pk), reverse=effective[0] == "-"
        )
    ]
    query = f"?page_size=3&ordering={ordering}" if ordering else "?page_size=3"

    pages = walk_forward(client, f"/projects{query}")

    assert [item["id"] for page in pages for item in page["items"]] == expected
    assert walk_backward(client, pages[-1]) == pages


def test_list_rejects_unknown_ordering(client: ContractClient) -> None:
    problem = assert_problem(client.send("GET", "/projects?ordering=role"), 400, "validation_error")
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("ordering", "enum")]


# --- retrieve --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "maintainer", "viewer"])
def test_retrieve_shows_the_callers_role(world: ProjectWorld, who: str) -> None:
    response = world.client(who).send("GET", f"/projects/{world.project.pk}")
    assert response.status_code == 200
    assert response.json() == {
        "id": world.project.pk,
        "name": "Apollo",
        "description": "Moon shot",
        "role": who,
        "created_at": iso(world.project.created_at),
        "updated_at": iso(world.project.updated_at),
    }


def test_retrieve_an_unknown_project_is_404(client: ContractClient) -> None:
    assert_problem(client.send("GET", "/projects/987654"), 404, "not_found")


@pytest.mark.parametrize("project_id, code", [("abc", "type"), ("0", "minimum"), ("-3", "minimum")])
def test_retrieve_validates_the_id(client: ContractClient, project_id: str, code: str) -> None:
    problem = assert_problem(client.send("GET", f"/projects/{project_id}"), 400, "validation_error")
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("project_id", code)]


# --- replace / update ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "maintainer"])
def test_replace_sets_both_fields(world: ProjectWorld, who: str) -> None:
    before = world.project.updated_at
    response = world.client(who).send(
        "PUT", f"/projects/{world.project.pk}", {"name": "Artemis", "description": ""}
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["name"], body["description"], body["role"]) == ("Artemis", "", who)
    world.project.refresh_from_db()
    assert (world.project.name, world.project.description) == ("Artemis", "")
    assert world.project.updated_at > before
    assert body["updated_at"] == iso(world.project.updated_at)
    assert body["created_at"] == iso(world.project.created_at)


@pytest.mark.parametrize(
    "body, errors",
    [
        ({"name": "Artemis"}, [("/description", "required")]),
        ({"description": "x"}, [("/name", "required")]),
        ({"name": "", "description": "x"}, [("/name", "minLength")]),
    ],
)
def test_replace_needs_every_field(
    world: ProjectWorld, body: dict[str, Any], errors: list[tuple[str, str]]
) -> None:
    response = world.client("owner").send("PUT", f"/projects/{world.project.pk}", body)
    problem = assert_problem(response, 400, "validation_error")
    assert sorted((e["pointer"], e["code"]) for e in problem["errors"]) == errors
    world.project.refresh_from_db()
    assert world.project.name == "Apollo"


def test_update_changes_only_the_fields_sent(world: ProjectWorld) -> None:
    client = world.client("maintainer")
    response = client.send("PATCH", f"/projects/{world.project.pk}", {"description": "Mars next"})
    assert response.status_code == 200
    assert (response.json()["name"], response.json()["description"]) == ("Apollo", "Mars next")

    response = client.send("PATCH", f"/projects/{world.project.pk}", {"name": "Ares"})
    assert (response.json()["name"], response.json()["description"]) == ("Ares", "Mars next")
    world.project.refresh_from_db()
    assert (world.project.name, world.project.description) == ("Ares", "Mars next")


def test_update_with_an_empty_body_changes_nothing(world: ProjectWorld) -> None:
    before = world.project.updated_at
    response = world.client("owner").send("PATCH", f"/projects/{world.project.pk}", {})
    assert response.status_code == 200
    assert response.json()["name"] == "Apollo"
    world.project.refresh_from_db()
    assert world.project.updated_at == before


def test_update_validates_the_body(world: ProjectWorld) -> None:
    response = world.client("owner").send("PATCH", f"/projects/{world.project.pk}", {"name": ""})
    problem = assert_problem(response, 400, "validation_error")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/name", "minLength")]


def test_updated_at_moves_forward_on_update(world: ProjectWorld) -> None:
    client = world.client("owner")
    first = client.send("PATCH", f"/projects/{world.project.pk}", {"name": "One"}).json()
    second = client.send("PATCH", f"/projects/{world.project.pk}", {"name": "Two"}).json()
    assert parse_ts(second["updated_at"]) >= parse_ts(first["updated_at"]) > parse_ts(first["created_at"])
    assert second["created_at"] == first["created_at"]


# --- delete ----------------------------------------------------------------------------------------------


def test_delete_cascades_to_members_tasks_and_comments(world: ProjectWorld) -> None:
    task = task_make(world.project, world.owner, "Launch", assignee=world.maintainer)
    comment_make(task, world.maintainer, "Ready")
    other = Project.objects.create(name="Gemini")
    member_add(other, world.owner, "owner")
    other_task = task_make(other, world.owner, "Orbit")
    other_comment = comment_make(other_task, world.owner, "Go")

    response = world.client("owner").send("DELETE", f"/projects/{world.project.pk}")

    assert response.status_code == 204
    assert response.content == b""
    assert not Project.objects.filter(pk=world.project.pk).exists()
    assert not Membership.objects.filter(project_id=world.project.pk).exists()
    assert not Task.objects.filter(project_id=world.project.pk).exists()
    assert list(Task.objects.values_list("pk", flat=True)) == [other_task.pk]
    assert list(Comment.objects.values_list("pk", flat=True)) == [other_comment.pk]
    assert list(Membership.objects.values_list("project_id", flat=True)) == [other.pk]
    assert_problem(world.client("owner").send("GET", f"/projects/{world.project.pk}"), 404, "not_found")
    # The users themselves stay.
    assert client_for(world.maintainer).send("GET", "/users/me").status_code == 200


def test_delete_an_unknown_project_is_404(client: ContractClient) -> None:
    assert_problem(client.send("DELETE", "/projects/987654"), 404, "not_found")


@pytest.mark.parametrize("deleter", [0, 1, 2], ids=["first-owner", "second-owner", "third-owner"])
def test_a_project_can_have_several_owners_who_may_all_delete_it(world: ProjectWorld, deleter: int) -> None:
    owners = [world.owner, user_make("sam"), user_make("tess")]
    for owner in owners[1:]:
        member_add(world.project, owner, "owner")

    response = client_for(owners[deleter]).send("DELETE", f"/projects/{world.project.pk}")

    assert response.status_code == 204, response.content
    assert not Project.objects.filter(pk=world.project.pk).exists()
