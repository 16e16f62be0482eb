"""Every list and retrieve runs a fixed number of queries, however many rows there are (no N+1).

A JWT costs no query: the account check is part of the member-access lookup (project-scoped operations) or
of loading the user (the others). The counts below are exact, so a regression that adds a query per row (or
per request) fails here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from server.apps.accounts.models import ApiKey
from server.apps.accounts.tests.support import comment_make, member_add, task_make
from server.apps.projects.models import Project
from server.common.testing import ContractClient, ProjectWorld, user_make

pytestmark = pytest.mark.django_db


@dataclass
class Populated:
    world: ProjectWorld
    task_id: int
    rows: int


@pytest.fixture(params=[5, 30], ids=lambda n: f"{n}-rows")
def populated(request: Any, world: ProjectWorld) -> Populated:
    n: int = request.param
    owner = world.owner
    members = [world.maintainer, world.viewer]
    for i in range(n):
        user = user_make(f"member{i:02d}")
        member_add(world.project, user, ["maintainer", "viewer"][i % 2])
        members.append(user)
        project = Project.objects.create(name=f"Side project {i}")
        member_add(project, owner, ["owner", "maintainer", "viewer"][i % 3])
        ApiKey.objects.create(user=owner, name=f"k{i}", prefix=f"k{i:07d}", secret_hash="0" * 64)
    first = None
    for i in range(n):
        task = task_make(world.project, owner, f"Task {i}", assignee=members[i % len(members)])
        first = first or task
        for j in range(3):
            comment_make(task, members[(i + j) % len(members)], f"Comment {j}")
    assert first is not None
    for j in range(n):
        comment_make(first, members[j % len(members)], f"Thread {j}")
    return Populated(world, first.pk, n)


def _get(client: ContractClient, url: str, expected_items: int | None = None) -> None:
    response = client.send("GET", url)
    assert response.status_code == 200, response.content
    if expected_items is not None:
        assert len(response.json()["items"]) == expected_items


CASES: list[tuple[str, str, int, Callable[[Populated], int | None]]] = [
    # (name, url template, queries, expected items on the page)
    # user + projects with the caller's role as a subquery
    ("projects_list", "/projects?page_size=100", 2, lambda p: p.rows + 1),
    # project (with the caller's role) + members joined with their users
    ("project_members_list", "/projects/{p}/members?page_size=100", 2, lambda p: p.rows + 3),
    ("project_members_list_filtered", "/projects/{p}/members?page_size=100&role=viewer", 2, lambda p: None),
    # project (with the caller's role) + tasks (assignee and creator are ids: no join)
    ("tasks_list", "/projects/{p}/tasks?page_size=100", 2, lambda p: p.rows),
    ("tasks_list_by_priority", "/projects/{p}/tasks?page_size=100&ordering=-priority", 2, lambda p: p.rows),
    ("tasks_list_filtered", "/projects/{p}/tasks?page_size=100&status=todo&search=Task", 2, lambda p: p.rows),
    # the task joined with the caller's membership + comments joined with their authors
    ("comments_list", "/projects/{p}/tasks/{t}/comments?page_size=100", 2, lambda p: p.rows + 3),
    ("api_keys_list", "/api-keys?page_size=100", 2, lambda p: p.rows),
    ("projects_retrieve", "/projects/{p}", 1, lambda p: None),
    # the task joined with the caller's membership
    ("tasks_retrieve", "/projects/{p}/tasks/{t}", 1, lambda p: None),
    ("users_me_retrieve", "/users/me", 1, lambda p: None),
]


@pytest.mark.parametrize("name, url, queries, items", CASES, ids=[c[0] for c in CASES])
def test_query_count_does_not_grow_with_rows(
    populated: Populated, django_assert_num_queries: Any, name: str, url: str, queries: int, items: Any
) -> None:
    client = populated.world.client("owner")
    path = url.format(p=populated.world.project.pk, t=populated.task_id)
    with django_assert_num_queries(queries):
        _get(client, path, items(populated))


def test_users_list_query_count(populated: Populated, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(2):
        _get(populated.world.client("admin"), "/users?page_size=100", populated.rows + 5)


def test_following_a_cursor_costs_no_extra_query(
    populated: Populated, django_assert_num_queries: Any
) -> None:
    client = populated.world.client("owner")
    first = client.send(
        "GET", f"/projects/{populated.world.project.pk}/tasks?page_size=2&ordering=title"
    ).json()
    with django_assert_num_queries(2):
        response = client.get(first["next"])
    assert response.status_code == 200


def test_api_key_authentication_costs_one_query(populated: Populated, django_assert_num_queries: Any) -> None:
    created = populated.world.client("owner").send("POST", "/api-keys", {"name": "probe"}).json()
    client = ContractClient()
    client.credentials(HTTP_X_API_KEY=created["secret"])
    client.send("GET", "/users/me")  # first use records last_used_at (one UPDATE)
    with django_assert_num_queries(2):  # the key with its user, then the project with the caller's role
        _get(client, f"/projects/{populated.world.project.pk}")
