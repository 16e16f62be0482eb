"""Members: list (role filter, ordering), add, change role, remove / leave, and the last-owner rule."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from server.apps.accounts.tests.support import (
    assert_created,
    assert_problem,
    iso,
    member_add,
    task_make,
    walk_backward,
    walk_forward,
)
from server.apps.projects.models import Membership, Project
from server.apps.tasks.models import Task
from server.common.testing import ProjectWorld, client_for, user_make

pytestmark = pytest.mark.django_db


def _members_url(world: ProjectWorld, user_id: int | None = None) -> str:
    base = f"/projects/{world.project.pk}/members"
    return base if user_id is None else f"{base}/{user_id}"


def _roles(world: ProjectWorld) -> dict[str, str]:
    return dict(Membership.objects.filter(project=world.project).values_list("user__username", "role"))


# --- list ------------------------------------------------------------------------------------------------


def test_list_shows_each_member_with_role(world: ProjectWorld) -> None:
    response = world.client("viewer").send("GET", _members_url(world))

    assert response.status_code == 200
    body = response.json()
    assert body["next"] is None and body["previous"] is None
    memberships = {m.user_id: m for m in Membership.objects.filter(project=world.project)}
    assert body["items"] == [
        {
            "user": {"id": user.pk, "username": user.username, "full_name": user.full_name},
            "role": role,
            "joined_at": iso(memberships[user.pk].joined_at),
        }
        for user, role in (
            (world.owner, "owner"),
            (world.maintainer, "maintainer"),
            (world.viewer, "viewer"),
        )
    ]


@pytest.mark.parametrize(
    "role, expected", [("owner", ["olivia"]), ("maintainer", ["max"]), ("viewer", ["vera", "zed"])]
)
def test_list_filters_by_role(world: ProjectWorld, role: str, expected: list[str]) -> None:
    member_add(world.project, user_make("zed"), "viewer")
    response = world.client("owner").send("GET", f"{_members_url(world)}?role={role}")
    assert [item["user"]["username"] for item in response.json()["items"]] == expected


def test_list_rejects_an_unknown_role(world: ProjectWorld) -> None:
    response = world.client("owner").send("GET", f"{_members_url(world)}?role=admin")
    problem = assert_problem(response, 400, "validation_error")
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("role", "enum")]


@pytest.mark.parametrize("ordering", ["joined_at", "-joined_at", None])
def test_list_ordering(world: ProjectWorld, ordering: str | None) -> None:
    base = timezone.now()
    for n in range(8):
        membership = member_add(world.project, user_make(f"member{n}"), "viewer")
        # Pairs join at the same instant: ties are broken by id.
        Membership.objects.filter(pk=membership.pk).update(joined_at=base - timedelta(days=n // 2))
    descending = ordering == "-joined_at"
    expected = [
        m.user_id
        for m in sorted(
            Membership.objects.filter(project=world.project),
            key=lambda m: (m.joined_at, m.pk),
            reverse=descending,
        )
    ]
    query = f"?page_size=4&ordering={ordering}" if ordering else "?page_size=4"
    client = world.client("owner")

    pages = walk_forward(client, _members_url(world) + query)

    assert [len(page["items"]) for page in pages] == [4, 4, 3]
    assert [item["user"]["id"] for page in pages for item in page["items"]] == expected
    assert walk_backward(client, pages[-1]) == pages


# --- add -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["owner", "maintainer", "viewer"])
def test_add_a_member(world: ProjectWorld, role: str) -> None:
    """Someone the owner already works with (here, on another project) is added directly."""
    newcomer = user_make("nina")
    elsewhere = Project.objects.create(name="Elsewhere")
    member_add(elsewhere, world.owner, "viewer")
    member_add(elsewhere, newcomer, "viewer")

    response = world.client("owner").send("POST", _members_url(world), {"user_id": newcomer.pk, "role": role})

    body = assert_created(response, f"/api/v1/projects/{world.project.pk}/members/{newcomer.pk}")
    membership = Membership.objects.get(project=world.project, user=newcomer)
    assert body == {
        "user": {"id": newcomer.pk, "username": "nina", "full_name": "Nina"},
        "role": role,
        "joined_at": iso(membership.joined_at),
    }
    assert membership.role == role
    project = client_for(newcomer).send("GET", f"/projects/{world.project.pk}")
    assert project.status_code == 200
    assert project.json()["role"] == role


@pytest.mark.parametrize("who", ["owner", "maintainer", "viewer"])
def test_adding_an_existing_member_is_409(world: ProjectWorld, who: str) -> None:
    user = getattr(world, who)
    response = world.client("owner").send("POST", _members_url(world), {"user_id": user.pk, "role": "viewer"})
    assert_problem(response, 409, "already_member")
    assert _roles(world) == {"olivia": "owner", "max": "maintainer", "vera": "viewer"}


def test_adding_a_stranger_directly_is_refused_without_revealing_them(world: ProjectWorld) -> None:
    """A user who shares no project with the owner must be invited and accept (issue 15.8): the refusal names
    no username or full name, and nothing changes for the stranger."""
    stranger = user_make("stella")
    response = world.client("owner").send(
        "POST", _members_url(world), {"user_id": stranger.pk, "role": "viewer"}
    )
    problem = assert_problem(response, 422, "invitation_required")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/user_id", "invitation_required")]
    assert "stella" not in response.content.decode().lower()
    assert not Membership.objects.filter(user=stranger).exists()


def test_adding_an_unknown_user_is_422(world: ProjectWorld) -> None:
    response = world.client("owner").send("POST", _members_url(world), {"user_id": 987654, "role": "viewer"})
    problem = assert_problem(response, 422, "user_not_found")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/user_id", "user_not_found")]
    assert Membership.objects.filter(project=world.project).count() == 3


@pytest.mark.parametrize(
    "body, errors",
    [
        ({"user_id": 1}, [("/role", "required")]),
        ({"role": "viewer"}, [("/user_id", "required")]),
        ({"user_id": 0, "role": "viewer"}, [("/user_id", "minimum")]),
        ({"user_id": "1", "role": "viewer"}, [("/user_id", "type")]),
        ({"user_id": 1, "role": "admin"}, [("/role", "enum")]),
    ],
)
def test_add_validates_the_body(
    world: ProjectWorld, body: dict[str, Any], errors: list[tuple[str, str]]
) -> None:
    response = world.client("owner").send("POST", _members_url(world), body)
    problem = assert_problem(response, 400, "validation_error")
    assert sorted((e["pointer"], e["code"]) for e in problem["errors"]) == errors


# --- change role -----------------------------------------------------------------------------------------


def test_change_a_members_role(world: ProjectWorld) -> None:
    response = world.client("owner").send(
        "PATCH", _members_url(world, world.viewer.pk), {"role": "maintainer"}
    )

    assert response.status_code == 200
    membership = Membership.objects.get(project=world.project, user=world.viewer)
    assert response.json() == {
        "user": {"id": world.viewer.pk, "username": "vera", "full_name": "Vera"},
        "role": "maintainer",
        "joined_at": iso(membership.joined_at),
    }
    assert membership.role == "maintainer"
    # The new role takes effect: the former viewer can now create tasks.
    created = world.client("viewer").send("POST", f"/projects/{world.project.pk}/tasks", {"title": "Mine"})
    assert created.status_code == 201


def test_setting_the_same_role_is_a_no_op(world: ProjectWorld) -> None:
    response = world.client("owner").send(
        "PATCH", _members_url(world, world.maintainer.pk), {"role": "maintainer"}
    )
    assert response.status_code == 200
    assert response.json()["role"] == "maintainer"


def test_the_last_owner_cannot_be_demoted(world: ProjectWorld) -> None:
    for role in ("maintainer", "viewer"):
        response = world.client("owner").send("PATCH", _members_url(world, world.owner.pk), {"role": role})
        assert_problem(response, 409, "last_owner")
    assert _roles(world)["olivia"] == "owner"


def test_an_owner_can_step_down_once_there_is_another_owner(world: ProjectWorld) -> None:
    client = world.client("owner")
    assert (
        client.send("PATCH", _members_url(world, world.maintainer.pk), {"role": "owner"}).status_code == 200
    )

    response = client.send("PATCH", _members_url(world, world.owner.pk), {"role": "viewer"})

    assert response.status_code == 200
    assert _roles(world) == {"olivia": "viewer", "max": "owner", "vera": "viewer"}
    # Now max is the last owner.
    response = world.client("maintainer").send(
        "PATCH", _members_url(world, world.maintainer.pk), {"role": "viewer"}
    )
    assert_problem(response, 409, "last_owner")


def test_changing_the_role_of_a_non_member_is_404(world: ProjectWorld) -> None:
    response = world.client("owner").send("PATCH", _members_url(world, world.outsider.pk), {"role": "viewer"})
    assert_problem(response, 404, "not_found")
    assert not Membership.objects.filter(user=world.outsider).exists()
    response = world.client("owner").send("PATCH", _members_url(world, 987654), {"role": "viewer"})
    assert_problem(response, 404, "not_found")


def test_change_role_validates_the_body(world: ProjectWorld) -> None:
    response = world.client("owner").send("PATCH", _members_url(world, world.viewer.pk), {"role": "boss"})
    problem = assert_problem(response, 400, "validation_error")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/role", "enum")]
    response = world.client("owner").send("PATCH", _members_url(world, world.viewer.pk), {})
    problem = assert_problem(response, 400, "validation_error")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/role", "required")]


# --- remove / leave --------------------------------------------------------------------------------------


def test_remove_a_member_clears_their_assignments_in_that_project_only(world: ProjectWorld) -> None:
    assigned = task_make(world.project, world.owner, "Assigned", assignee=world.maintainer)
    someone_else = task_make(world.project, world.owner, "Other", assignee=world.viewer)
    unassigned = task_make(world.project, world.owner, "Nobody")
    elsewhere = Project.objects.create(name="Gemini")
    member_add(elsewhere, world.maintainer, "owner")
    kept = task_make(elsewhere, world.maintainer, "Theirs", assignee=world.maintainer)
    before = Task.objects.get(pk=assigned.pk).updated_at

    response = world.client("owner").send("DELETE", _members_url(world, world.maintainer.pk))

    assert response.status_code == 204
    assert response.content == b""
    assert _roles(world) == {"olivia": "owner", "vera": "viewer"}
    assigned.refresh_from_db()
    assert assigned.assignee_id is None
    assert assigned.updated_at > before
    assert Task.objects.get(pk=someone_else.pk).assignee_id == world.viewer.pk
    assert Task.objects.get(pk=unassigned.pk).assignee_id is None
    assert Task.objects.get(pk=kept.pk).assignee_id == world.maintainer.pk
    # Their tasks and memberships elsewhere are untouched; here they see nothing any more.
    assert Task.objects.filter(project=world.project).count() == 3
    assert_problem(world.client("maintainer").send("GET", f"/projects/{world.project.pk}"), 404, "not_found")
    assert client_for(world.maintainer).send("GET", f"/projects/{elsewhere.pk}").status_code == 200


def test_the_api_reflects_cleared_assignments(world: ProjectWorld) -> None:
    task = task_make(world.project, world.owner, "Assigned", assignee=world.viewer)
    client = world.client("owner")
    client.send("DELETE", _members_url(world, world.viewer.pk))
    body = client.send("GET", f"/projects/{world.project.pk}/tasks/{task.pk}").json()
    assert body["assignee_id"] is None
    listed = client.send("GET", f"/projects/{world.project.pk}/tasks?assignee_id={world.viewer.pk}").json()
    assert listed["items"] == []


@pytest.mark.parametrize("who", ["maintainer", "viewer"])
def test_a_member_can_leave(world: ProjectWorld, who: str) -> None:
    member = getattr(world, who)
    response = world.client(who).send("DELETE", _members_url(world, member.pk))
    assert response.status_code == 204
    assert member.username not in _roles(world)


def test_the_last_owner_can_neither_leave_nor_be_removed(world: ProjectWorld) -> None:
    response = world.client("owner").send("DELETE", _members_url(world, world.owner.pk))
    assert_problem(response, 409, "last_owner")
    assert _roles(world)["olivia"] == "owner"


def test_an_owner_can_leave_when_another_owner_remains(world: ProjectWorld) -> None:
    second = user_make("sam")
    member_add(world.project, second, "owner")
    assert world.client("owner").send("DELETE", _members_url(world, world.owner.pk)).status_code == 204
    assert _roles(world) == {"sam": "owner", "max": "maintainer", "vera": "viewer"}
    # And an owner may remove another owner while one remains.
    third = user_make("tia")
    member_add(world.project, third, "owner")
    assert client_for(third).send("DELETE", _members_url(world, second.pk)).status_code == 204
    assert_problem(client_for(third).send("DELETE", _members_url(world, third.pk)), 409, "last_owner")


def test_removing_a_non_member_is_404(world: ProjectWorld) -> None:
    assert_problem(
        world.client("owner").send("DELETE", _members_url(world, world.outsider.pk)), 404, "not_found"
    )
    assert_problem(world.client("owner").send("DELETE", _members_url(world, 987654)), 404, "not_found")


def test_member_ids_are_validated(world: ProjectWorld) -> None:
    problem = assert_problem(
        world.client("owner").send("DELETE", _members_url(world, 0)), 400, "validation_error"
    )
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("user_id", "minimum")]
