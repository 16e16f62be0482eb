"""The generated Python SDK against a live server: the whole flow through the SDK, no hand-written HTTP."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from projectmgmt_client import (
    AsyncProjectManagementClient,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    ProjectManagementClient,
    RateLimitError,
    RetryEvent,
    RetryPolicy,
    UnprocessableEntityError,
    models,
)

from codegen.tests.live_server import LiveServer, live_server

PASSWORD = "Correct-Horse-Battery-42"
TASKS = 45
# The flows push a burst through an 8/s throttle on purpose; with several requests waiting out the same
# window, a request can be throttled more than the default 3 times in a row on a loaded machine, which is
# not what they test.
BURST_RETRIES = 10


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def register(client: ProjectManagementClient, name: str) -> models.User:
    return client.users.register(
        models.UserRegistration(
            username=name, email=f"{name}@example.com", password=PASSWORD, full_name=name.title()
        )
    )


def burst(call: Callable[[], object], size: int = 20) -> list[object]:
    """`size` concurrent calls; each outcome is the result or the exception raised."""

    def attempt(_: int) -> object:
        try:
            return call()
        except Exception as error:
            return error

    with ThreadPoolExecutor(max_workers=size) as pool:
        return list(pool.map(attempt, range(size)))


def test_sync_flow(server: LiveServer) -> None:
    events: list[RetryEvent] = []
    with ProjectManagementClient(
        server.origin, retry=RetryPolicy(max_retries=BURST_RETRIES, on_retry=events.append), timeout=10
    ) as client:
        # The probes are served at the root (their path-level `servers: [{url: /}]`), outside /api/v1.
        assert client.health.live().status is models.Status.OK
        ready = client.health.ready()
        assert ready.status is models.Status.OK and ready.checks.database is models.CheckResult.OK
        assert client.base_url == server.origin.rstrip("/") + "/api/v1"

        owner = register(client, unique("owner"))
        member = register(client, unique("member"))

        # Log in: the token pair from the SDK becomes the client's bearer token.
        with pytest.raises(AuthenticationError) as bad_login:
            client.auth.token_obtain(
                models.TokenObtainRequest(username=owner.username, password="wrong-password")
            )
        assert bad_login.value.code == "invalid_credentials"
        pair = client.auth.token_obtain(models.TokenObtainRequest(username=owner.username, password=PASSWORD))
        assert pair.token_type is models.TokenType.BEARER
        client.set_token(pair.access)
        assert client.users.me_retrieve().id == owner.id

        project = client.projects.create(models.ProjectCreate(name="Launch", description="Ship v1"))
        assert project.role is models.Role.OWNER

        # A stranger joins by accepting an invitation (a direct add is refused with a typed 422).
        with pytest.raises(UnprocessableEntityError) as refused:
            client.members.add(project.id, models.MemberAdd(user_id=member.id, role=models.Role.MAINTAINER))
        assert refused.value.code == "invitation_required"
        invitation = client.invitations.create(
            project.id, models.InvitationCreate(user_id=member.id, role=models.Role.MAINTAINER)
        )
        member_pair = client.auth.token_obtain(
            models.TokenObtainRequest(username=member.username, password=PASSWORD)
        )
        with ProjectManagementClient(server.origin, token=member_pair.access) as as_member:
            assert [i.id for i in as_member.invitations.list_mine_iter()] == [invitation.id]
            joined = as_member.invitations.accept(invitation.id)
        assert (joined.id, joined.role) == (project.id, models.Role.MAINTAINER)
        roles = {m.user.username: m.role for m in client.members.list_iter(project.id)}
        assert roles == {owner.username: models.Role.OWNER, member.username: models.Role.MAINTAINER}

        # 45 tasks, fast enough to be throttled: an idempotency key makes each POST safe to retry.
        created = [
            client.tasks.create(
                project.id,
                models.TaskCreate(
                    title=f"Task {n:02d}",
                    priority=models.TaskPriority.HIGH if n % 3 == 0 else models.TaskPriority.NORMAL,
                    assignee_id=member.id if n % 2 else None,
                ),
                idempotency_key=str(uuid.uuid4()),
            )
            for n in range(TASKS)
        ]
        assert len({t.id for t in created}) == TASKS

        # Page through them: one page by hand, then the iterator that follows `next`.
        first = client.tasks.list(project.id, page_size=10, ordering="title")
        assert [t.title for t in first.items] == [f"Task {n:02d}" for n in range(10)]
        assert first.next is not None and first.previous is None
        walked = list(client.tasks.list_iter(project.id, page_size=10, ordering="title"))
        assert [t.title for t in walked] == [f"Task {n:02d}" for n in range(TASKS)]
        high = list(client.tasks.list_iter(project.id, priority=models.TaskPriority.HIGH, page_size=4))
        assert len(high) == 15 and all(t.priority is models.TaskPriority.HIGH for t in high)

        # A request that breaks the contract: a typed error carrying the problem+json body.
        with pytest.raises(BadRequestError) as invalid:
            client.tasks.create(project.id, {"title": "", "priority": "critical"})
        error = invalid.value
        assert error.status_code == 400 and error.code == "validation_error"
        assert error.problem is not None and error.problem.status == 400
        problem = error.problem_as(models.Problem)
        assert {item.pointer for item in problem.errors or []} == {"/title", "/priority"}
        with pytest.raises(NotFoundError):
            client.tasks.retrieve(project.id, 999_999)

        # API keys: the secret authenticates a second client.
        key = client.auth.api_keys_create(models.ApiKeyCreate(name="ci"))
        with ProjectManagementClient(server.origin, api_key=key.secret) as by_key:
            assert by_key.users.me_retrieve().username == owner.username

        # Rate limited: a burst of 20 concurrent reads (the rate is 8/s) is throttled (429 + Retry-After: 1)
        # and every read succeeds after the SDK waited and retried.
        before = len(events)
        started = time.monotonic()
        assert burst(lambda: client.projects.retrieve(project.id).id) == [project.id] * 20
        throttled = [e for e in events[before:] if e.status_code == 429]
        assert throttled, "the burst was never throttled"
        assert all(e.delay >= 1.0 for e in throttled)  # DRF's Retry-After: 1 for a per-second rate
        assert time.monotonic() - started >= 1.0

    # Without retries the 429 surfaces as a typed error with the server's hint.
    time.sleep(1.1)
    with ProjectManagementClient(
        server.origin, token=pair.access, retry=RetryPolicy(max_retries=0)
    ) as no_retry:
        limited = [e for e in burst(lambda: no_retry.users.me_retrieve()) if isinstance(e, RateLimitError)]
    assert limited, "20 concurrent reads at 8/s were never throttled"
    assert all(e.retry_after is not None and e.retry_after >= 1 and e.code == "throttled" for e in limited)

    # A POST without an idempotency key is never retried: the 429 is raised, not replayed.
    time.sleep(1.1)
    post_events: list[RetryEvent] = []
    policy = RetryPolicy(on_retry=post_events.append, auto_idempotency_key=False)
    with ProjectManagementClient(server.origin, token=pair.access, retry=policy) as commenter:
        outcomes = burst(
            lambda: commenter.comments.create(project.id, created[0].id, models.CommentCreate(body="hello"))
        )
    assert any(isinstance(o, RateLimitError) for o in outcomes)
    assert post_events == []

    # By default the SDK gives each create an idempotency key of its own, so the throttled ones are retried
    # and every comment is created exactly once.
    time.sleep(1.1)
    keyed_events: list[RetryEvent] = []
    policy = RetryPolicy(max_retries=BURST_RETRIES, on_retry=keyed_events.append)
    with ProjectManagementClient(server.origin, token=pair.access, retry=policy) as commenter:
        comments = burst(
            lambda: commenter.comments.create(project.id, created[1].id, models.CommentCreate(body="hi"))
        )
        assert all(isinstance(c, models.Comment) for c in comments), comments
        assert len({c.id for c in comments if isinstance(c, models.Comment)}) == 20
        assert any(e.status_code == 429 for e in keyed_events), "the burst was never throttled"
        listed = list(commenter.comments.list_iter(project.id, created[1].id, page_size=50))
        assert len(listed) == 20


def test_async_flow(server: LiveServer) -> None:
    asyncio.run(_async_flow(server))


async def _async_flow(server: LiveServer) -> None:
    events: list[RetryEvent] = []
    async with AsyncProjectManagementClient(
        server.origin, retry=RetryPolicy(max_retries=BURST_RETRIES, on_retry=events.append)
    ) as client:
        live, ready = await asyncio.gather(client.health.live(), client.health.ready())
        assert live.status is models.Status.OK and ready.status is models.Status.OK

        owner_name, member_name = unique("aowner"), unique("amember")
        owner, member = await asyncio.gather(
            *(
                client.users.register(
                    models.UserRegistration(username=name, email=f"{name}@example.com", password=PASSWORD)
                )
                for name in (owner_name, member_name)
            )
        )
        pair = await client.auth.token_obtain(
            models.TokenObtainRequest(username=owner_name, password=PASSWORD)
        )
        client.set_token(pair.access)

        project = await client.projects.create(models.ProjectCreate(name="Async launch"))
        invitation = await client.invitations.create(
            project.id, models.InvitationCreate(user_id=member.id, role=models.Role.VIEWER)
        )
        member_pair = await client.auth.token_obtain(
            models.TokenObtainRequest(username=member_name, password=PASSWORD)
        )
        async with AsyncProjectManagementClient(server.origin, token=member_pair.access) as as_member:
            await as_member.invitations.accept(invitation.id)

        # Concurrent creates, five at a time: throttled and retried (each carries an idempotency key).
        limit = asyncio.Semaphore(5)

        async def create(n: int) -> models.Task:
            async with limit:
                return await client.tasks.create(
                    project.id, models.TaskCreate(title=f"Async {n:02d}"), idempotency_key=str(uuid.uuid4())
                )

        created = await asyncio.gather(*(create(n) for n in range(TASKS)))
        assert len({t.id for t in created}) == TASKS

        # A burst of 20 concurrent reads at 8/s: throttled, retried after Retry-After, all succeed.
        before = len(events)
        projects = await asyncio.gather(*(client.projects.retrieve(project.id) for _ in range(20)))
        assert {p.id for p in projects} == {project.id}
        assert any(e.status_code == 429 and e.delay >= 1 for e in events[before:]), "never throttled"

        titles = [t.title async for t in client.tasks.list_iter(project.id, page_size=7, ordering="-title")]
        assert titles == [f"Async {n:02d}" for n in reversed(range(TASKS))]

        with pytest.raises(BadRequestError) as invalid:
            await client.tasks.list(project.id, page_size=1000)
        problem = invalid.value.problem_as(models.Problem)
        assert problem.code == "validation_error"
        assert [(e.field, e.code) for e in problem.errors or []] == [("page_size", "maximum")]
        assert owner.username == owner_name


def readme_program(readme: str, heading: str, fence: str) -> str:
    """The first `fence` code block after `heading` in a README."""
    section = readme.split(heading, 1)[1]
    return section.split(fence + "\n", 1)[1].split("```\n", 1)[0]


def test_the_readme_program(database_template: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """clients/python/README.md's complete program, verbatim but for its first line (where the server is and
    who logs in), against a live server (throttled at a production-like rate, not the flows' 8/s): ETag,
    If-Match, the typed 412, NotModified, RateLimit-Remaining, pages with per-call headers, an unknown enum
    value."""
    from codegen.paths import PYTHON_SDK

    with live_server(database_template, user_rate="100/sec") as server:
        _run_readme_program(server, PYTHON_SDK / "README.md", capsys)


def _run_readme_program(server: LiveServer, readme_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = readme_path.read_text(encoding="utf-8")
    program = readme_program(readme, "## A complete program", "```python")
    first_line = 'BASE_URL, USERNAME, PASSWORD = "http://127.0.0.1:8000", "bob", "demo-password-123"'
    assert first_line in program
    with ProjectManagementClient(server.origin) as setup:
        user = register(setup, unique("reader"))
    program = program.replace(
        first_line, f"BASE_URL, USERNAME, PASSWORD = {server.origin!r}, {user.username!r}, {PASSWORD!r}"
    )
    exec(compile(program, "clients/python/README.md", "exec"), {"__name__": "readme"})
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith('read Draft etag "') and len(lines[0]) == len('read Draft etag ""') + 32
    remaining = lines[1].removeprefix("RateLimit-Remaining ")
    assert remaining.isdigit(), lines[1]
    assert lines[2:5] == ["not modified", "updated, new etag True", "412 precondition_failed"]
    assert lines[5:8] == [
        "page item Draft done",
        "page item Publish todo",
        "page item Review todo",
    ]
    assert lines[8:] == ["unknown status blocked"]
