"""`manage.py load_demo_data`: idempotent, and its users can log in and see their projects."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from server.apps.accounts.models import User
from server.apps.comments.models import Comment
from server.apps.projects.models import Membership, Project
from server.apps.tasks.models import Task
from server.common.testing import ContractClient
from server.config.management.commands.load_demo_data import DEMO_PASSWORD, PROJECTS, USERS

pytestmark = pytest.mark.django_db


def _load() -> str:
    out = StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def _snapshot() -> dict[str, Any]:
    return {
        "users": sorted(User.objects.values_list("username", "email", "full_name", "is_staff")),
        "projects": sorted(Project.objects.values_list("pk", "name", "description")),
        "memberships": sorted(Membership.objects.values_list("project_id", "user__username", "role")),
        "tasks": sorted(
            Task.objects.values_list(
                "pk", "project_id", "title", "status", "priority", "assignee_id", "created_by_id", "due_date"
            )
        ),
        "comments": sorted(Comment.objects.values_list("pk", "task_id", "author_id", "body")),
    }


def test_loads_the_demo_data() -> None:
    output = _load()

    assert User.objects.count() == len(USERS)
    assert Project.objects.count() == len(PROJECTS)
    assert Task.objects.count() == sum(len(spec["tasks"]) for spec in PROJECTS)
    assert Membership.objects.count() == sum(len(spec["members"]) for spec in PROJECTS)
    assert Comment.objects.exists()
    assert f"{len(PROJECTS)} projects" in output
    for spec in PROJECTS:
        project = Project.objects.get(name=spec["name"])
        roles = dict(Membership.objects.filter(project=project).values_list("user__username", "role"))
        assert roles == {name: str(role) for name, role in spec["members"].items()}
        # Every task's assignee is a member; every comment's author may comment (not a viewer).
        members = set(Membership.objects.filter(project=project).values_list("user_id", flat=True))
        editors = set(
            Membership.objects.filter(project=project)
            .exclude(role="viewer")
            .values_list("user_id", flat=True)
        )
        for task in Task.objects.filter(project=project):
            assert task.assignee_id is None or task.assignee_id in members
            assert task.created_by_id in editors
        assert (
            set(Comment.objects.filter(task__project=project).values_list("author_id", flat=True)) <= editors
        )


def test_running_it_twice_changes_nothing() -> None:
    _load()
    first = _snapshot()

    output = _load()

    assert _snapshot() == first
    assert "(0 projects, 0 tasks and 0 comments created this run)" in output


def test_it_repairs_changed_demo_users_and_roles() -> None:
    _load()
    User.objects.filter(username="bob").update(full_name="Robert", is_active=False)
    Membership.objects.filter(user__username="carol", project__name="Website relaunch").update(role="owner")
    first_snapshot_users = User.objects.count()

    _load()

    bob = User.objects.get(username="bob")
    assert (bob.full_name, bob.is_active) == ("Bob Brennan", True)
    assert Membership.objects.get(user__username="carol", project__name="Website relaunch").role == "viewer"
    assert User.objects.count() == first_snapshot_users


@pytest.mark.parametrize("demo", USERS, ids=lambda demo: demo.username)
def test_demo_users_can_log_in_and_see_their_projects(demo: Any) -> None:
    _load()
    client = ContractClient()

    token = client.send("POST", "/auth/token", {"username": demo.username, "password": DEMO_PASSWORD})

    assert token.status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.json()['access']}")
    me = client.send("GET", "/users/me").json()
    assert (me["username"], me["full_name"], me["is_staff"]) == (demo.username, demo.full_name, demo.is_staff)
    projects = client.send("GET", "/projects").json()["items"]
    expected = {
        spec["name"]: str(spec["members"][demo.username])
        for spec in PROJECTS
        if demo.username in spec["members"]
    }
    assert {p["name"]: p["role"] for p in projects} == expected
    # Their data is served within the contract (responses are validated in tests).
    for project in projects:
        tasks = client.send("GET", f"/projects/{project['id']}/tasks?page_size=100")
        assert tasks.status_code == 200
        for task in tasks.json()["items"][:3]:
            assert (
                client.send("GET", f"/projects/{project['id']}/tasks/{task['id']}/comments").status_code
                == 200
            )
