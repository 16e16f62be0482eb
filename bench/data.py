"""The bench database: created and migrated if needed, seeded once with set-based SQL, reused across runs.

- user `bench` (owner of every bench project) and 20 members who appear as assignees;
- `bench-read`: BENCH_TASKS tasks (1,000), the list and retrieve target;
- `bench-write`: the create target (emptied at the start of each run) and the task every PATCH updates;
- `bench-scale`: BENCH_SCALE_TASKS tasks (1,000,000), the scaling comparison's list target.

Tasks are inserted with one INSERT ... SELECT FROM generate_series per project (about half a minute for a
million rows), not through the ORM; a project whose count is already right is left alone.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.management import call_command
from django.db import connection, transaction

from server.apps.accounts.models import User
from server.apps.projects.models import Membership, Project, Role
from server.apps.tasks.models import Task

MEMBERS = 20


@dataclass(frozen=True)
class BenchData:
    user_id: int
    read_project_id: int
    read_task_id: int
    write_project_id: int
    write_task_id: int
    scale_project_id: int
    read_tasks: int
    scale_tasks: int


def migrate() -> None:
    call_command("migrate", interactive=False, verbosity=0)


def _user(username: str) -> User:
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@bench.example", "full_name": username.title()}
    )
    if created:
        user.set_unusable_password()  # the bench authenticates with minted JWTs
        user.save(update_fields=["password"])
    return user


def _project(name: str, owner: User, members: list[User]) -> Project:
    project = Project.objects.filter(name=name).order_by("pk").first()
    if project is None:
        project = Project.objects.create(name=name, description=f"Benchmark project {name}")
    Membership.objects.get_or_create(project=project, user=owner, defaults={"role": Role.OWNER})
    for index, member in enumerate(members):
        role = Role.MAINTAINER if index % 2 else Role.VIEWER
        Membership.objects.get_or_create(project=project, user=member, defaults={"role": role})
    return project


_INSERT_TASKS = """
INSERT INTO {table} (project_id, title, description, status, priority, assignee_id, created_by_id,
                     due_date, created_at, updated_at)
SELECT %(project)s,
       'Task ' || i || ': '
         || (ARRAY['Draft', 'Review', 'Ship', 'Fix', 'Plan', 'Test', 'Document', 'Refactor'])[1 + i %% 8]
         || ' '
         || (ARRAY['the homepage copy', 'the billing flow', 'onboarding emails', 'the search index',
                   'the API docs', 'the release notes', 'the mobile layout', 'the CI pipeline']
            )[1 + (i * 7) %% 8],
       CASE WHEN i %% 3 = 0 THEN ''
            ELSE repeat('Context, acceptance criteria and links for whoever picks this up. ', 1 + i %% 4) END,
       (ARRAY['todo', 'in_progress', 'done'])[1 + i %% 3],
       (ARRAY['low', 'normal', 'high', 'urgent'])[1 + (i * 5) %% 4],
       CASE WHEN i %% 4 = 0 THEN NULL ELSE (%(members)s::bigint[])[1 + i %% %(member_count)s] END,
       %(creator)s,
       CASE WHEN i %% 5 = 0 THEN NULL ELSE date '2026-01-01' + (i %% 365) END,
       timestamptz '2025-01-01 00:00:00+00' + i * (interval '365 days' / %(count)s),
       timestamptz '2025-01-01 00:00:00+00' + i * (interval '365 days' / %(count)s)
         + (i %% 1000) * interval '1 minute'
FROM generate_series(1, %(count)s) AS i
"""


def _fill(project: Project, count: int, creator: User, members: list[User]) -> bool:
    """Give `project` exactly `count` seeded tasks; False when it already had them."""
    if Task.objects.filter(project=project).count() == count:
        return False
    started = time.perf_counter()
    print(f"  seeding {count:,} tasks into {project.name} ...", flush=True)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Task._meta.db_table} WHERE project_id = %s", [project.pk])
        cursor.execute(
            _INSERT_TASKS.format(table=Task._meta.db_table),
            {
                "project": project.pk,
                "members": [m.pk for m in [creator, *members]],
                "member_count": len(members) + 1,
                "creator": creator.pk,
                "count": count,
            },
        )
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {Task._meta.db_table}")
    print(f"  ... done in {time.perf_counter() - started:.1f} s", flush=True)
    return True


def _without_statement_timeout() -> None:
    """Seeding a million rows takes longer than the server's statement_timeout (DATABASE_STATEMENT_TIMEOUT_MS,
    which the bench's own connection shares with the servers' settings): lift it for this session only."""
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")


def ensure_data(*, read_tasks: int, scale_tasks: int) -> BenchData:
    _without_statement_timeout()
    owner = _user("bench")
    members = [_user(f"bench-member-{n:02d}") for n in range(1, MEMBERS + 1)]
    read = _project("bench-read", owner, members)
    write = _project("bench-write", owner, members)
    scale = _project("bench-scale", owner, members)
    _fill(read, read_tasks, owner, members)
    _fill(scale, scale_tasks, owner, members)

    # The read project's middle task is the retrieve target.
    read_ids = list(Task.objects.filter(project=read).order_by("pk").values_list("pk", flat=True))
    read_task_id = read_ids[len(read_ids) // 2]

    # The write project starts every run with only its PATCH target, so creates never pile up across runs.
    target = Task.objects.filter(project=write).order_by("pk").first()
    if target is None:
        target = Task.objects.create(
            project=write, created_by=owner, title="Benchmark target", description="PATCHed by the bench."
        )
    deleted, _ = Task.objects.filter(project=write).exclude(pk=target.pk).delete()
    if deleted:
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {Task._meta.db_table}")
    return BenchData(
        user_id=owner.pk,
        read_project_id=read.pk,
        read_task_id=read_task_id,
        write_project_id=write.pk,
        write_task_id=target.pk,
        scale_project_id=scale.pk,
        read_tasks=read_tasks,
        scale_tasks=scale_tasks,
    )


# --- the scaling axes beyond task count (issue 18, point 4) ------------------------------------------------


@dataclass(frozen=True)
class AxesData:
    many_projects_user_id: int  # a member of `projects` projects
    crowd_project_id: int  # a project with `members` members (the bench user owns it)
    projects: int
    members: int


def ensure_axes(*, owner_id: int, projects: int, members: int) -> AxesData:
    """User `bench-many` in `projects` projects, project `bench-crowd` with `members` members (users
    `bench-crowd-N`), inserted with set-based SQL once and reused while the counts are right."""
    _without_statement_timeout()
    many = _user("bench-many")
    owner = User.objects.get(pk=owner_id)
    crowd = _project("bench-crowd", owner, [])
    memberships, users, projects_table = (
        Membership._meta.db_table,
        User._meta.db_table,
        Project._meta.db_table,
    )
    with transaction.atomic(), connection.cursor() as cursor:
        if Membership.objects.filter(user=many).count() != projects:
            print(f"  seeding {projects:,} projects for bench-many ...", flush=True)
            Membership.objects.filter(user=many).delete()
            Project.objects.filter(name__startswith="bench-many-").delete()
            cursor.execute(
                f"""
                WITH made AS (
                    INSERT INTO {projects_table} (name, description, created_at, updated_at)
                    SELECT 'bench-many-' || i, 'One of many', now() - i * interval '1 minute',
                           now() - i * interval '1 minute'
                    FROM generate_series(1, %(count)s) AS i RETURNING id
                )
                INSERT INTO {memberships} (project_id, user_id, role, joined_at)
                SELECT id, %(user)s, 'viewer', now() FROM made
                """,
                {"count": projects, "user": many.pk},
            )
        if Membership.objects.filter(project=crowd).count() != members + 1:
            print(f"  seeding {members:,} members into bench-crowd ...", flush=True)
            Membership.objects.filter(project=crowd).exclude(user=owner).delete()
            cursor.execute(
                f"""
                INSERT INTO {users} (password, is_superuser, username, first_name, last_name, email,
                                     is_staff, is_active, date_joined, full_name)
                SELECT '!', false, 'bench-crowd-' || i, '', '', 'bench-crowd-' || i || '@bench.example',
                       false, true, now(), 'Crowd ' || i
                FROM generate_series(1, %(count)s) AS i
                ON CONFLICT (username) DO NOTHING
                """,
                {"count": members},
            )
            cursor.execute(
                f"""
                INSERT INTO {memberships} (project_id, user_id, role, joined_at)
                SELECT %(project)s, id, 'viewer', now() - id * interval '1 second'
                FROM {users} WHERE username LIKE 'bench-crowd-%%'
                ORDER BY id LIMIT %(count)s
                """,
                {"project": crowd.pk, "count": members},
            )
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {memberships}")
        cursor.execute(f"VACUUM ANALYZE {projects_table}")
    return AxesData(
        many_projects_user_id=many.pk, crowd_project_id=crowd.pk, projects=projects, members=members
    )
