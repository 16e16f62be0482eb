"""tasks_list filters: status, priority, assignee_id, due_before / due_after (inclusive, undated tasks never
match), search over title and description; all combine with AND. Invalid values are 400."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from server.apps.accounts.tests.support import assert_problem, task_make, walk_forward
from server.apps.projects.models import Project
from server.common.testing import ProjectWorld

pytestmark = pytest.mark.django_db


@dataclass
class Board:
    world: ProjectWorld
    ids: dict[str, int]

    def titles(self, query: str) -> set[str]:
        pages = walk_forward(self.world.client("viewer"), f"/projects/{self.world.project.pk}/tasks?{query}")
        titles = [item["title"] for page in pages for item in page["items"]]
        assert len(titles) == len(set(titles))
        return set(titles)


@pytest.fixture
def board(world: ProjectWorld) -> Board:
    owner, maintainer, viewer = world.owner, world.maintainer, world.viewer
    rows: list[tuple[str, dict[str, Any]]] = [
        ("alpha", dict(status="todo", priority="low", assignee=maintainer, due_date=date(2026, 12, 1))),
        ("bravo", dict(status="todo", priority="high", assignee=viewer, due_date=date(2026, 12, 10))),
        ("charlie", dict(status="in_progress", priority="high", assignee=maintainer, due_date=None)),
        ("delta", dict(status="done", priority="urgent", assignee=None, due_date=date(2026, 12, 5))),
        ("echo", dict(status="done", priority="normal", assignee=maintainer, due_date=date(2026, 11, 30))),
        ("foxtrot", dict(status="in_progress", priority="normal", assignee=None, due_date=None)),
        (
            "golf",
            dict(
                status="todo",
                priority="urgent",
                assignee=viewer,
                due_date=date(2026, 12, 31),
                description="Ship the HOMEPAGE",
            ),
        ),
        ("Homepage hero", dict(status="done", priority="low", assignee=None, due_date=date(2027, 1, 1))),
    ]
    ids = {title: task_make(world.project, owner, title, **fields).pk for title, fields in rows}
    # A task in another project never shows up.
    other = Project.objects.create(name="Elsewhere")
    task_make(other, owner, "alpha elsewhere", status="todo", priority="low", due_date=date(2026, 12, 1))
    return Board(world, ids)


ALL = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "Homepage hero"}


def test_no_filter_lists_every_task_of_the_project(board: Board) -> None:
    assert board.titles("page_size=3") == ALL


@pytest.mark.parametrize(
    "status, expected",
    [
        ("todo", {"alpha", "bravo", "golf"}),
        ("in_progress", {"charlie", "foxtrot"}),
        ("done", {"delta", "echo", "Homepage hero"}),
    ],
)
def test_filter_by_status(board: Board, status: str, expected: set[str]) -> None:
    assert board.titles(f"status={status}") == expected


@pytest.mark.parametrize(
    "priority, expected",
    [
        ("low", {"alpha", "Homepage hero"}),
        ("normal", {"echo", "foxtrot"}),
        ("high", {"bravo", "charlie"}),
        ("urgent", {"delta", "golf"}),
    ],
)
def test_filter_by_priority(board: Board, priority: str, expected: set[str]) -> None:
    assert board.titles(f"priority={priority}") == expected


def test_filter_by_assignee(board: Board) -> None:
    world = board.world
    assert board.titles(f"assignee_id={world.maintainer.pk}") == {"alpha", "charlie", "echo"}
    assert board.titles(f"assignee_id={world.viewer.pk}") == {"bravo", "golf"}
    assert board.titles(f"assignee_id={world.owner.pk}") == set()
    assert board.titles("assignee_id=987654") == set()


@pytest.mark.parametrize(
    "query, expected",
    [
        # Inclusive bounds; undated tasks (charlie, foxtrot) never match.
        ("due_before=2026-12-01", {"alpha", "echo"}),
        ("due_before=2026-11-30", {"echo"}),
        ("due_before=2026-11-29", set()),
        ("due_after=2026-12-31", {"golf", "Homepage hero"}),
        ("due_after=2027-01-01", {"Homepage hero"}),
        ("due_after=2027-01-02", set()),
        ("due_after=2026-12-01&due_before=2026-12-10", {"alpha", "bravo", "delta"}),
        ("due_after=2026-12-05&due_before=2026-12-05", {"delta"}),
        ("due_after=2026-12-10&due_before=2026-12-01", set()),
        ("due_after=2000-01-01", {"alpha", "bravo", "delta", "echo", "golf", "Homepage hero"}),
    ],
)
def test_filter_by_due_date(board: Board, query: str, expected: set[str]) -> None:
    assert board.titles(query) == expected


@pytest.mark.parametrize(
    "search, expected",
    [
        ("homepage", {"golf", "Homepage hero"}),  # description of golf, title of the other
        ("HOMEPAGE", {"golf", "Homepage hero"}),
        ("rav", {"bravo"}),
        ("o", {"bravo", "echo", "foxtrot", "golf", "Homepage hero"}),
        ("zulu", set()),
    ],
)
def test_search_matches_title_and_description(board: Board, search: str, expected: set[str]) -> None:
    assert board.titles(f"search={search}") == expected


def test_filters_combine_with_and(board: Board) -> None:
    world = board.world
    assert board.titles(f"status=todo&assignee_id={world.viewer.pk}") == {"bravo", "golf"}
    assert board.titles(f"status=todo&assignee_id={world.viewer.pk}&priority=urgent") == {"golf"}
    assert board.titles("status=done&due_before=2026-12-31") == {"delta", "echo"}
    assert board.titles("search=o&status=in_progress") == {"foxtrot"}
    assert board.titles("priority=high&due_after=2026-01-01") == {"bravo"}


def test_filters_are_kept_while_paging(board: Board) -> None:
    client = board.world.client("owner")
    url = f"/projects/{board.world.project.pk}/tasks?status=todo&page_size=1&ordering=title"
    pages = walk_forward(client, url)
    assert [page["items"][0]["title"] for page in pages] == ["alpha", "bravo", "golf"]
    assert all("status=todo" in page["next"] for page in pages[:-1])


@pytest.mark.parametrize(
    "query, field, code",
    [
        ("status=open", "status", "enum"),
        ("priority=critical", "priority", "enum"),
        ("assignee_id=abc", "assignee_id", "type"),
        ("assignee_id=0", "assignee_id", "minimum"),
        ("due_before=2026-02-30", "due_before", "format"),
        ("due_after=yesterday", "due_after", "format"),
        ("search=" + "x" * 201, "search", "maxLength"),
        ("ordering=due_date", "ordering", "enum"),
        ("page_size=0", "page_size", "minimum"),
        ("page_size=101", "page_size", "maximum"),
    ],
)
def test_invalid_filter_values_are_400(board: Board, query: str, field: str, code: str) -> None:
    response = board.world.client("owner").send("GET", f"/projects/{board.world.project.pk}/tasks?{query}")
    problem = assert_problem(response, 400, "validation_error")
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [(field, code)]
