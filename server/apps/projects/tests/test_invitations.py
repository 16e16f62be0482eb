"""Invitations: how a user joins a project with their consent, and what each side learns (issue 15.8)."""

from __future__ import annotations

from typing import Any

import pytest

from server.apps.accounts.tests.support import assert_created, assert_problem, member_add
from server.apps.projects.models import Invitation, Membership, Project
from server.common.testing import ProjectWorld, client_for, user_make

pytestmark = pytest.mark.django_db


def _invitations_url(world: ProjectWorld, invitation_id: int | None = None) -> str:
    base = f"/projects/{world.project.pk}/invitations"
    return base if invitation_id is None else f"{base}/{invitation_id}"


def _invite(world: ProjectWorld, user: Any, role: str = "maintainer") -> dict[str, Any]:
    response = world.client("owner").send("POST", _invitations_url(world), {"user_id": user.pk, "role": role})
    invitation = Invitation.objects.get(project=world.project, invitee=user)
    body: dict[str, Any] = assert_created(response, f"/api/v1{_invitations_url(world, invitation.pk)}")
    return body


def test_an_invitation_shows_the_invitee_by_id_only(world: ProjectWorld) -> None:
    invitee = user_make("stella")
    body = _invite(world, invitee)
    assert body["user_id"] == invitee.pk
    assert body["project"] == {"id": world.project.pk, "name": world.project.name}
    assert body["invited_by"]["id"] == world.owner.pk
    assert body["role"] == "maintainer"
    # Neither the invitee's username nor their full name reaches the project before they accept.
    listed = world.client("owner").send("GET", _invitations_url(world)).json()["items"]
    assert [item["id"] for item in listed] == [body["id"]]
    for text in (str(body), str(listed)):
        assert "stella" not in text.lower()
    members = world.client("owner").send("GET", f"/projects/{world.project.pk}/members").json()["items"]
    assert invitee.pk not in [member["user"]["id"] for member in members]


def test_the_invitee_sees_nothing_of_the_project_until_they_accept(world: ProjectWorld) -> None:
    invitee = user_make("stella")
    invitation = _invite(world, invitee)
    as_invitee = client_for(invitee)
    assert as_invitee.send("GET", f"/projects/{world.project.pk}").status_code == 404
    mine = as_invitee.send("GET", "/users/me/invitations").json()
    assert [(i["id"], i["project"]["name"], i["invited_by"]["username"]) for i in mine["items"]] == [
        (invitation["id"], world.project.name, world.owner.username)
    ]

    response = as_invitee.send("POST", f"/users/me/invitations/{invitation['id']}/accept")

    project = assert_created(response, f"/api/v1/projects/{world.project.pk}")
    assert (project["id"], project["role"]) == (world.project.pk, "maintainer")
    assert Membership.objects.get(project=world.project, user=invitee).role == "maintainer"
    assert not Invitation.objects.exists()
    assert as_invitee.send("GET", f"/projects/{world.project.pk}").json()["role"] == "maintainer"
    assert as_invitee.send("GET", "/users/me/invitations").json()["items"] == []


def test_an_invitation_is_used_up_by_accepting(world: ProjectWorld) -> None:
    invitee = user_make("stella")
    invitation = _invite(world, invitee)
    accept = f"/users/me/invitations/{invitation['id']}/accept"
    assert client_for(invitee).send("POST", accept).status_code == 201
    assert_problem(client_for(invitee).send("POST", accept), 404, "not_found")
    assert Membership.objects.filter(project=world.project, user=invitee).count() == 1


def test_declining_leaves_the_invitee_out(world: ProjectWorld) -> None:
    invitee = user_make("stella")
    invitation = _invite(world, invitee)
    response = client_for(invitee).send("POST", f"/users/me/invitations/{invitation['id']}/decline")
    assert response.status_code == 204
    assert not Invitation.objects.exists()
    assert not Membership.objects.filter(user=invitee).exists()
    # The owner may invite again: a declined invitation leaves nothing behind.
    _invite(world, invitee)


def test_a_withdrawn_invitation_cannot_be_accepted(world: ProjectWorld) -> None:
    invitee = user_make("stella")
    invitation = _invite(world, invitee)
    response = world.client("owner").send("DELETE", _invitations_url(world, invitation["id"]))
    assert response.status_code == 204
    accepted = client_for(invitee).send("POST", f"/users/me/invitations/{invitation['id']}/accept")
    assert_problem(accepted, 404, "not_found")
    assert not Membership.objects.filter(user=invitee).exists()


@pytest.mark.parametrize("action", ["accept", "decline"])
def test_someone_elses_invitation_is_a_404_like_a_missing_one(world: ProjectWorld, action: str) -> None:
    invitation = _invite(world, user_make("stella"))
    for caller in (world.viewer, world.outsider, world.owner):
        theirs = client_for(caller).send("POST", f"/users/me/invitations/{invitation['id']}/{action}")
        missing = client_for(caller).send("POST", f"/users/me/invitations/{invitation['id'] + 1000}/{action}")
        assert_problem(theirs, 404, "not_found")
        assert theirs.json()["detail"] == missing.json()["detail"]
    assert Invitation.objects.count() == 1
    assert not Membership.objects.filter(user__username="stella").exists()


def test_an_invitation_of_another_project_is_a_404_to_revoke(world: ProjectWorld) -> None:
    elsewhere = Project.objects.create(name="Elsewhere")
    member_add(elsewhere, world.maintainer, "owner")
    other = Invitation.objects.create(
        project=elsewhere, invitee=user_make("stella"), role="viewer", invited_by=world.maintainer
    )
    assert_problem(world.client("owner").send("DELETE", _invitations_url(world, other.pk)), 404, "not_found")
    assert Invitation.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize("who", ["owner", "maintainer", "viewer"])
def test_inviting_a_member_is_409(world: ProjectWorld, who: str) -> None:
    user = getattr(world, who)
    response = world.client("owner").send(
        "POST", _invitations_url(world), {"user_id": user.pk, "role": "viewer"}
    )
    assert_problem(response, 409, "already_member")
    assert not Invitation.objects.exists()


def test_inviting_twice_is_409(world: ProjectWorld) -> None:
    invitee = user_make("stella")
    _invite(world, invitee, role="viewer")
    again = world.client("owner").send(
        "POST", _invitations_url(world), {"user_id": invitee.pk, "role": "owner"}
    )
    assert_problem(again, 409, "already_invited")
    assert list(Invitation.objects.values_list("role", flat=True)) == ["viewer"]


def test_inviting_an_unknown_user_is_422(world: ProjectWorld) -> None:
    response = world.client("owner").send(
        "POST", _invitations_url(world), {"user_id": 987654, "role": "viewer"}
    )
    problem = assert_problem(response, 422, "user_not_found")
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/user_id", "user_not_found")]


def test_accepting_after_being_added_meanwhile_is_409_and_uses_nothing_up(world: ProjectWorld) -> None:
    """Added directly by another owner after the invitation was sent: accepting conflicts, and the
    membership the owner gave stays as it was."""
    invitee = user_make("stella")
    invitation = _invite(world, invitee, role="owner")
    member_add(world.project, invitee, "viewer")
    response = client_for(invitee).send("POST", f"/users/me/invitations/{invitation['id']}/accept")
    assert_problem(response, 409, "already_member")
    assert Membership.objects.get(project=world.project, user=invitee).role == "viewer"
    assert Invitation.objects.filter(pk=invitation["id"]).exists()


def test_accepting_records_the_member_added_event(world: ProjectWorld) -> None:
    from server.apps.webhooks.models import Event
    from server.apps.webhooks.services import webhook_create

    webhook_create(project=world.project, url="https://hooks.example.com/x", events=["member.added"])
    invitee = user_make("stella")
    invitation = _invite(world, invitee)
    client_for(invitee).send("POST", f"/users/me/invitations/{invitation['id']}/accept")
    events = list(Event.objects.filter(project_id=world.project.pk).values_list("type", "payload"))
    assert [(t, p["data"]["user"]["id"], p["data"]["role"]) for t, p in events] == [
        ("member.added", invitee.pk, "maintainer")
    ]


def test_a_gone_invitee_takes_their_invitations_with_them(world: ProjectWorld) -> None:
    invitee = user_make("stella")
    _invite(world, invitee)
    invitee.delete()
    assert world.client("owner").send("GET", _invitations_url(world)).json()["items"] == []
