"""FastAPI on SQLAlchemy 2 Core (async, asyncpg): the bench's four task endpoints.

uvicorn bench.peers.fastapi_core:app
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, HTTPException, Request, Response
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    MetaData,
    String,
    Table,
    Text,
    and_,
    insert,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from . import common
from .fastapi_common import DATABASE_URL, POOL_SIZE, Caller, http_exception_handler, next_link, problem
from .schemas import Task, TaskCreate, TaskList, TaskUpdate

metadata = MetaData()
tasks = Table(
    "tasks_task",
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("project_id", BigInteger),
    Column("title", String(200)),
    Column("description", Text),
    Column("status", String(20)),
    Column("priority", String(20)),
    Column("assignee_id", BigInteger),
    Column("created_by_id", BigInteger),
    Column("due_date", Date),
    Column("created_at", DateTime(timezone=True)),
    Column("updated_at", DateTime(timezone=True)),
)
memberships = Table(
    "projects_membership",
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("project_id", BigInteger),
    Column("user_id", BigInteger),
    Column("role", String(20)),
)
users = Table(
    "accounts_user", metadata, Column("id", BigInteger, primary_key=True), Column("is_active", Boolean)
)

engine = create_async_engine(DATABASE_URL, pool_size=POOL_SIZE)
app = FastAPI()
app.add_exception_handler(HTTPException, http_exception_handler)  # type: ignore[arg-type, unused-ignore]

_active_member = and_(memberships.c.user_id == users.c.id, users.c.is_active)


async def _role(conn: AsyncConnection, project_id: int, user_id: int) -> str:
    """The caller's role in the project; 404 when it does not exist or the caller is not a member."""
    role = await conn.scalar(
        select(memberships.c.role)
        .join(users, _active_member)
        .where(memberships.c.project_id == project_id, memberships.c.user_id == user_id)
    )
    if role is None:
        raise problem(404, "No such project.")
    return str(role)


async def _task_and_role(conn: AsyncConnection, project_id: int, task_id: int, user_id: int) -> Any:
    row = (
        await conn.execute(
            select(tasks, memberships.c.role)
            .join(memberships, memberships.c.project_id == tasks.c.project_id)
            .join(users, _active_member)
            .where(tasks.c.id == task_id, tasks.c.project_id == project_id, memberships.c.user_id == user_id)
        )
    ).first()
    if row is None:
        await _role(conn, project_id, user_id)  # 404 for the project first
        raise problem(404, "No such task in this project.")
    return row


@app.get("/api/v1/projects/{project_id}/tasks", response_model=TaskList)
async def tasks_list(project_id: int, request: Request, caller: Caller) -> dict[str, Any]:
    async with engine.connect() as conn:
        await _role(conn, project_id, caller)
        result = await conn.execute(
            select(tasks)
            .where(tasks.c.project_id == project_id)
            .order_by(tasks.c.created_at.desc(), tasks.c.id.desc())
            .limit(common.PAGE_SIZE + 1)
        )
        rows = [dict(row._mapping) for row in result]
    more = len(rows) > common.PAGE_SIZE
    rows = rows[: common.PAGE_SIZE]
    return {"items": rows, "next": next_link(request, rows, more), "previous": None}


@app.get("/api/v1/projects/{project_id}/tasks/{task_id}", response_model=Task)
async def tasks_retrieve(project_id: int, task_id: int, caller: Caller) -> Any:
    async with engine.connect() as conn:
        return await _task_and_role(conn, project_id, task_id, caller)


@app.post("/api/v1/projects/{project_id}/tasks", response_model=Task, status_code=201)
async def tasks_create(project_id: int, body: TaskCreate, response: Response, caller: Caller) -> Any:
    async with engine.begin() as conn:
        if await _role(conn, project_id, caller) not in common.EDITOR_ROLES:
            raise problem(403, "Your role does not allow you to create tasks.")
        if body.assignee_id is not None:
            await _require_member(conn, project_id, body.assignee_id)
        now = datetime.now(UTC)
        task = (
            await conn.execute(
                insert(tasks)
                .values(**body.model_dump(), project_id=project_id, created_by_id=caller)
                .values(created_at=now, updated_at=now)
                .returning(tasks)
            )
        ).one()
    response.headers["Location"] = f"/api/v1/projects/{project_id}/tasks/{task.id}"
    return task


@app.patch("/api/v1/projects/{project_id}/tasks/{task_id}", response_model=Task)
async def tasks_update(project_id: int, task_id: int, body: TaskUpdate, caller: Caller) -> Any:
    changes = body.model_dump(exclude_unset=True)
    async with engine.begin() as conn:
        task = await _task_and_role(conn, project_id, task_id, caller)
        if task.role not in common.EDITOR_ROLES:
            raise problem(403, "Your role does not allow you to edit tasks.")
        if changes.get("assignee_id") is not None:
            await _require_member(conn, project_id, changes["assignee_id"])
        return (
            await conn.execute(
                update(tasks)
                .where(tasks.c.id == task_id)
                .values(**changes, updated_at=datetime.now(UTC))
                .returning(tasks)
            )
        ).one()


async def _require_member(conn: AsyncConnection, project_id: int, user_id: int) -> None:
    found = await conn.scalar(
        select(memberships.c.id).where(
            memberships.c.project_id == project_id, memberships.c.user_id == user_id
        )
    )
    if found is None:
        raise problem(422, f"User {user_id} is not a member of this project.")
