"""Cursor pagination over tasks: walking `next` visits every task exactly once in the requested order (ties
broken by id), walking `previous` gives back the same pages, and cursors cannot be forged or reused across
orderings."""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from typing import Any

import pytest
from django.core import signing
from django.utils import timezone

from server.apps.accounts.tests.support import (
    assert_problem,
    cursor_of,
    get_page,
    task_make,
    walk_backward,
    walk_forward,
)
from server.apps.tasks.models import PRIORITY_RANK, Task
from server.common.pagination import CURSOR_SALT
from server.common.testing import ContractClient, ProjectWorld

pytestmark = pytest.mark.django_db

ORDERINGS = [
    "created_at",
    "-created_at",
    "updated_at",
    "-updated_at",
    "priority",
    "-priority",
    "title",
    "-title",
]
PRIORITIES = ["low", "normal", "high", "urgent"]


def _sort_key(ordering: str) -> Any:
    field = ordering.lstrip("-")
    if field == "priority":
        return lambda task: (PRIORITY_RANK[task.priority], task.pk)
    return lambda task: (getattr(task, field), task.pk)


def expected_ids(ordering: str, **filters: Any) -> list[int]:
    tasks = Task.objects.filter(**filters)
    return [task.pk for task in sorted(tasks, key=_sort_key(ordering), reverse=ordering.startswith("-"))]


@pytest.fixture
def tasks45(world: ProjectWorld) -> list[Task]:
    """45 tasks with plenty of ties in every ordered field (and ids that do not follow the other fields)."""
    base = timezone.now().replace(microsecond=0)
    tasks = []
    for n in range(45):
        tasks.append(
            task_make(
                world.project,
                world.owner,
                f"task {(n * 7) % 15:02d}",  # 15 distinct titles, three tasks each
                priority=PRIORITIES[(n * 3) % 4],
                created_at=base - timedelta(minutes=(n * 11) % 9),  # 9 distinct instants
            )
        )
    for n, task in enumerate(tasks):
        Task.objects.filter(pk=task.pk).update(updated_at=base + timedelta(seconds=(n * 5) % 6))
    return tasks


def _url(world: ProjectWorld, query: str) -> str:
    return f"/projects/{world.project.pk}/tasks?{query}"


@pytest.mark.parametrize("ordering", [*ORDERINGS, None])
def test_walking_next_visits_every_task_once_in_order(
    world: ProjectWorld, tasks45: list[Task], ordering: str | None
) -> None:
    client = world.client("viewer")
    query = "page_size=10" + (f"&ordering={ordering}" if ordering else "")

    pages = walk_forward(client, _url(world, query))

    assert [len(page["items"]) for page in pages] == [10, 10, 10, 10, 5]
    ids = [item["id"] for page in pages for item in page["items"]]
    assert len(ids) == len(set(ids)) == 45
    assert set(ids) == {task.pk for task in tasks45}
    assert ids == expected_ids(ordering or "-created_at")
    assert pages[-1]["next"] is None
    for page in pages[1:]:
        assert page["previous"] is not None


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_walking_previous_gives_back_the_same_pages(
    world: ProjectWorld, tasks45: list[Task], ordering: str
) -> None:
    client = world.client("viewer")
    forward = walk_forward(client, _url(world, f"page_size=10&ordering={ordering}"))

    backward = walk_backward(client, forward[-1])

    assert [[i["id"] for i in p["items"]] for p in backward] == [
        [i["id"] for i in p["items"]] for p in forward
    ]
    # Going back to the first page lands on a page with no previous page.
    assert backward[0]["previous"] is None


@pytest.mark.parametrize("page_size", [1, 7, 44, 45, 100])
def test_any_page_size_covers_everything(world: ProjectWorld, tasks45: list[Task], page_size: int) -> None:
    client = world.client("owner")
    pages = walk_forward(client, _url(world, f"page_size={page_size}&ordering=-priority"))
    assert [i["id"] for p in pages for i in p["items"]] == expected_ids("-priority")
    assert all(len(p["items"]) == page_size for p in pages[:-1])
    assert len(pages) == -(-45 // page_size)


def test_default_page_size_is_20(world: ProjectWorld, tasks45: list[Task]) -> None:
    pages = walk_forward(world.client("owner"), _url(world, "ordering=title"))
    assert [len(p["items"]) for p in pages] == [20, 20, 5]


def test_next_and_previous_are_absolute_urls_keeping_the_query(
    world: ProjectWorld, tasks45: list[Task]
) -> None:
    client = world.client("owner")
    first = get_page(client, _url(world, "page_size=10&ordering=title&status=todo"))
    second = get_page(client, first["next"])
    prefix = f"http://testserver/api/v1/projects/{world.project.pk}/tasks?"
    for link in (first["next"], second["previous"]):
        assert link.startswith(prefix)
        assert "page_size=10" in link and "ordering=title" in link and "status=todo" in link
    assert first["previous"] is None


def test_an_empty_list_has_no_links(world: ProjectWorld) -> None:
    page = get_page(world.client("owner"), _url(world, "page_size=10"))
    assert page == {"items": [], "next": None, "previous": None}


def test_a_list_that_fits_one_page_has_no_links(world: ProjectWorld, tasks45: list[Task]) -> None:
    page = get_page(world.client("owner"), _url(world, "page_size=45"))
    assert len(page["items"]) == 45
    assert (page["next"], page["previous"]) == (None, None)


def test_new_tasks_do_not_shift_a_walk_in_progress(world: ProjectWorld, tasks45: list[Task]) -> None:
    client = world.client("owner")
    first = get_page(client, _url(world, "page_size=10&ordering=-created_at"))
    # Newer than everything: it belongs before the first page, so the rest of the walk is unaffected.
    task_make(world.project, world.owner, "late arrival", created_at=timezone.now() + timedelta(days=1))
    pages = [first]
    while pages[-1]["next"]:
        pages.append(get_page(client, pages[-1]["next"]))
    ids = [i["id"] for p in pages for i in p["items"]]
    assert ids == [t.pk for t in sorted(tasks45, key=lambda t: (t.created_at, t.pk), reverse=True)]


def test_a_deleted_boundary_task_does_not_break_the_cursor(world: ProjectWorld, tasks45: list[Task]) -> None:
    client = world.client("owner")
    first = get_page(client, _url(world, "page_size=10&ordering=priority"))
    Task.objects.filter(pk=first["items"][-1]["id"]).delete()
    second = get_page(client, first["next"])
    assert [i["id"] for i in second["items"]] == expected_ids("priority")[9:19]


# --- cursors that are not valid for this list ------------------------------------------------------------


def _encode(payload: Any) -> str:
    """Signed as the server signs cursors: what is tested below is the check behind the signature."""
    return signing.Signer(salt=CURSOR_SALT).sign_object(payload)


def _with_signature_of(genuine: str) -> str:
    """Another payload carrying `genuine`'s signature: a forgery that kept a real signature."""
    _, signature = genuine.rsplit(":", 1)
    return f"{_unsigned({**_SOUND, 'id': 5})}:{signature}"


def _unsigned(payload: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def _tasks_path(world: ProjectWorld) -> str:
    return f"/api/v1/projects/{world.project.pk}/tasks"


def _assert_invalid_cursor(client: ContractClient, url: str) -> None:
    problem = assert_problem(
        client.get(url if url.startswith("http") else f"/api/v1{url}"), 400, "invalid_cursor"
    )
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("cursor", "invalid_cursor")]


def test_a_well_formed_cursor_is_accepted(world: ProjectWorld, tasks45: list[Task]) -> None:
    """The baseline for the forgeries below: the same shape with sound values pages normally."""
    last = Task.objects.order_by("-created_at", "-pk")[9]
    cursor = _encode(
        {
            "v": last.created_at.isoformat(),
            "id": last.pk,
            "b": False,
            "o": "-created_at",
            "p": _tasks_path(world),
        }
    )
    page = get_page(world.client("owner"), _url(world, f"page_size=10&cursor={cursor}"))
    assert [i["id"] for i in page["items"]] == expected_ids("-created_at")[10:20]


_SOUND = {"v": "2026-01-01T00:00:00+00:00", "id": 3, "b": False, "o": "-created_at"}


@pytest.mark.parametrize(
    "cursor",
    [
        pytest.param(lambda path: "not-a-cursor!!", id="not-base64"),
        pytest.param(lambda path: "Zm9v", id="base64-not-json"),
        pytest.param(lambda path: _encode([1, 2, 3]), id="json-not-an-object"),
        pytest.param(lambda path: _encode({"v": _SOUND["v"], "id": 3, "p": path}), id="missing-keys"),
        pytest.param(lambda path: _encode({**_SOUND, "id": "3", "p": path}), id="id-not-int"),
        pytest.param(lambda path: _encode({**_SOUND, "id": True, "p": path}), id="id-bool"),
        pytest.param(lambda path: _encode({**_SOUND, "b": "no", "p": path}), id="b-not-bool"),
        pytest.param(lambda path: _encode({**_SOUND, "v": "yesterday", "p": path}), id="value-not-a-date"),
        pytest.param(lambda path: _encode({**_SOUND, "v": None, "p": path}), id="value-null"),
        pytest.param(lambda path: _encode({**_SOUND, "v": 12, "p": path}), id="value-a-number"),
        pytest.param(lambda path: _encode({**_SOUND, "v": [1], "p": path}), id="value-a-list"),
        pytest.param(lambda path: _encode({**_SOUND, "o": "title", "p": path}), id="other-ordering"),
        pytest.param(lambda path: _encode(_SOUND), id="no-list"),
        pytest.param(lambda path: _encode({**_SOUND, "p": "/api/v1/projects"}), id="other-list"),
        pytest.param(lambda path: _unsigned({**_SOUND, "p": path}), id="unsigned"),
        pytest.param(lambda path: _with_signature_of(_encode({**_SOUND, "p": path, "id": 4})), id="tampered"),
        pytest.param(
            lambda path: signing.Signer(salt="other").sign_object({**_SOUND, "p": path}), id="other-salt"
        ),
    ],
)
def test_a_forged_or_tampered_cursor_is_400(world: ProjectWorld, tasks45: list[Task], cursor: Any) -> None:
    _assert_invalid_cursor(world.client("owner"), _url(world, f"cursor={cursor(_tasks_path(world))}"))


def test_a_truncated_cursor_is_400(world: ProjectWorld, tasks45: list[Task]) -> None:
    client = world.client("owner")
    link = get_page(client, _url(world, "page_size=10"))["next"]
    cursor = cursor_of(link)
    _assert_invalid_cursor(client, _url(world, f"cursor={cursor[: len(cursor) // 2]}"))


@pytest.mark.parametrize(
    "made_for, used_with",
    [
        ("title", "priority"),
        ("priority", "-priority"),
        ("created_at", "updated_at"),
        ("-created_at", "title"),
    ],
)
def test_a_cursor_made_for_another_ordering_is_400(
    world: ProjectWorld, tasks45: list[Task], made_for: str, used_with: str
) -> None:
    client = world.client("owner")
    link = get_page(client, _url(world, f"page_size=10&ordering={made_for}"))["next"]
    _assert_invalid_cursor(client, _url(world, f"page_size=10&ordering={used_with}&cursor={cursor_of(link)}"))


def test_a_cursor_made_for_another_list_is_400(world: ProjectWorld, tasks45: list[Task]) -> None:
    client = world.client("owner")
    other = client.send("POST", "/projects", {"name": "Gemini"}).json()
    for n in range(3):
        client.send("POST", f"/projects/{other['id']}/tasks", {"title": f"other {n}"})
    # Same ordering, but another project's task list...
    link = get_page(client, _url(world, "page_size=10"))["next"]
    _assert_invalid_cursor(client, f"/projects/{other['id']}/tasks?page_size=10&cursor={cursor_of(link)}")
    # ...or another kind of list.
    _assert_invalid_cursor(client, f"/projects?page_size=10&cursor={cursor_of(link)}")
    projects_link = get_page(client, "/projects?page_size=1")["next"]
    _assert_invalid_cursor(client, _url(world, f"page_size=1&cursor={cursor_of(projects_link)}"))


@pytest.mark.parametrize(
    "ordering, value",
    [("priority", "high"), ("-priority", {"x": 1}), ("created_at", 12), ("updated_at", [1]), ("title", None)],
)
def test_a_cursor_value_of_the_wrong_type_is_400(
    world: ProjectWorld, tasks45: list[Task], ordering: str, value: Any
) -> None:
    cursor = _encode({"v": value, "id": 3, "b": False, "o": ordering, "p": _tasks_path(world)})
    _assert_invalid_cursor(world.client("owner"), _url(world, f"ordering={ordering}&cursor={cursor}"))
