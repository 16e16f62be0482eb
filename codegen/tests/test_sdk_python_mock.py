"""The generated Python SDK against `contract mock`: what client teams get before the backend exists."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from projectmgmt_client import (
    AsyncProjectManagementClient,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    ProjectManagementClient,
    models,
)

from codegen.tests.mock_server import contract_server


@pytest.fixture(scope="module")
def mock_origin() -> Iterator[str]:
    with contract_server("mock") as origin:
        yield origin


def test_sync_calls_parse_the_contracts_examples(mock_origin: str) -> None:
    with ProjectManagementClient(mock_origin, timeout=10) as client:
        pair = client.auth.token_obtain(
            models.TokenObtainRequest(username="bob", password="demo-password-123")
        )
        client.set_token(pair.access)
        me = client.users.me_retrieve()
        assert isinstance(me, models.User) and me.username
        page = client.projects.list(page_size=5)
        assert page.items and all(isinstance(p, models.Project) for p in page.items)
        created = client.projects.create(models.ProjectCreate(name="Launch", description="Ship v1"))
        assert isinstance(created, models.Project)
        task = client.tasks.create(
            created.id, models.TaskCreate(title="Write the docs", priority=models.TaskPriority.HIGH)
        )
        assert isinstance(task, models.Task)


def test_prefer_code_gives_the_typed_errors(mock_origin: str) -> None:
    with ProjectManagementClient(mock_origin, token="any-token", timeout=10) as client:
        with pytest.raises(NotFoundError) as missing:
            client.projects.retrieve(1, request_options={"headers": {"Prefer": "code=404"}})
        assert missing.value.code == "not_found"
        with pytest.raises(ConflictError):
            client.members.add(
                1,
                models.MemberAdd(user_id=2, role=models.Role.VIEWER),
                request_options={"headers": {"Prefer": "code=409"}},
            )


def test_the_mock_validates_like_the_server(mock_origin: str) -> None:
    with ProjectManagementClient(mock_origin, timeout=10) as anonymous:
        with pytest.raises(AuthenticationError) as unauthenticated:
            anonymous.projects.list()
        assert unauthenticated.value.code == "not_authenticated"
    with ProjectManagementClient(mock_origin, token="any-token", timeout=10) as client:
        with pytest.raises(BadRequestError) as invalid:
            client.projects.list(page_size=1000)
        assert invalid.value.code == "validation_error"
        assert invalid.value.problem is not None
        assert invalid.value.problem.extensions["errors"][0]["field"] == "page_size"


def test_iterators_walk_the_mocks_pages(mock_origin: str) -> None:
    """The example's `next` link (https://pm.example.com/...) comes back on the mock's origin, so the SDK
    follows it; the second page (the same example) ends with `next: null`. The runtime's refusal of a link to
    another origin is tested in test_runtime.py."""
    with ProjectManagementClient(mock_origin, token="any-token", timeout=10) as client:
        page = client.projects.list(page_size=2)
        assert page.next is not None and page.next.startswith(mock_origin + "/api/v1/projects?cursor=")
        ids = [project.id for project in client.projects.list_iter(page_size=2)]
        assert ids == [p.id for p in page.items] * 2 and len(ids) >= 4
        users = list(client.users.list_iter(page_size=2))
        assert len(users) == 4 and all(isinstance(u, models.User) for u in users)


def test_async_client_against_the_mock(mock_origin: str) -> None:
    async def flow() -> tuple[models.ProjectList, list[models.Project]]:
        async with AsyncProjectManagementClient(mock_origin, token="any-token", timeout=10) as client:
            page = await client.projects.list(page_size=2)
            walked = [project async for project in client.projects.list_iter(page_size=2)]
            return page, walked

    page, walked = asyncio.run(flow())
    assert page.items and all(isinstance(p, models.Project) for p in page.items)
    assert [p.id for p in walked] == [p.id for p in page.items] * 2
