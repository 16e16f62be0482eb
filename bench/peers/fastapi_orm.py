"""FastAPI on SQLAlchemy 2's async ORM (AsyncSession, mapped classes), as most FastAPI code is written.

uvicorn bench.peers.fastapi_orm:app
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from sqlalchemy import BigInteger, DateTime, ForeignKey, String, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from . import common
from .fastapi_common import DATABASE_URL, POOL_SIZE, Caller, http_exception_handler, next_link, problem
from .schemas import Task as TaskOut
from .schemas import TaskCreate, TaskList, TaskUpdate


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "accounts_user"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    is_active: Mapped[bool]


class Membership(Base):
    __tablename__ = "projects_membership"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    project_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id"))
    role: Mapped[str] = mapped_column(String(20))


class Task(Base):
    __tablename__ = "tasks_task"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    project_id: Mapped[int] = mapped_column(BigInteger)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str]
    status: Mapped[str] = mapped_column(String(20))
    priority: Mapped[str] = mapped_column(String(20))
    assignee_id: Mapped[int | None] = mapped_column(BigInteger)
    created_by_id: Mapped[int] = mapped_column(BigInteger)
    due_date: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


engine = create_async_engine(DATABASE_URL, pool_size=POOL_SIZE)
Sessions = async_sessionmaker(engine, expire_on_commit=False)
app = FastAPI()
app.add_exception_handler(HTTPException, http_exception_handler)  # type: ignore[arg-type, unused-ignore]


async def session() -> AsyncIterator[AsyncSession]:
    async with Sessions() as db:
        yield db


Session = Annotated[AsyncSession, Depends(session)]


def _active_member(project_id: Any, user_id: int) -> Any:
    return (
        select(Membership.role)
        .join(User, (User.id == Membership.user_id) & User.is_active)
        .where(Membership.project_id == project_id, Membership.user_id == user_id)
    )


async def _role(db: AsyncSession, project_id: int, user_id: int) -> str:
    role = await db.scalar(_active_member(project_id, user_id))
    if role is None:
        raise problem(404, "No such project.")
    return role


async def _task_and_role(db: AsyncSession, project_id: int, task_id: int, user_id: int) -> tuple[Task, str]:
    query = (
        select(Task, Membership.role)
        .join(Membership, Membership.project_id == Task.project_id)
        .join(User, (User.id == Membership.user_id) & User.is_active)
        .where(Task.id == task_id, Task.project_id == project_id, Membership.user_id == user_id)
    )
    row = (await db.execute(query)).first()
    if row is None:
        await _role(db, project_id, user_id)
        raise problem(404, "No such task in this project.")
    return row[0], row[1]


async def _require_member(db: AsyncSession, project_id: int, user_id: int) -> None:
    query = select(Membership.id).where(Membership.project_id == project_id, Membership.user_id == user_id)
    if await db.scalar(query) is None:
        raise problem(422, f"User {user_id} is not a member of this project.")


@app.get("/api/v1/projects/{project_id}/tasks", response_model=TaskList)
async def tasks_list(project_id: int, request: Request, caller: Caller, db: Session) -> dict[str, Any]:
    await _role(db, project_id, caller)
    found = await db.scalars(
        select(Task)
        .where(Task.project_id == project_id)
        .order_by(Task.created_at.desc(), Task.id.desc())
        .limit(common.PAGE_SIZE + 1)
    )
    rows = list(found)
    more = len(rows) > common.PAGE_SIZE
    items = [TaskOut.model_validate(task) for task in rows[: common.PAGE_SIZE]]
    last = [{"created_at": items[-1].created_at, "id": items[-1].id}] if items else []
    return {"items": items, "next": next_link(request, last, more), "previous": None}


@app.get("/api/v1/projects/{project_id}/tasks/{task_id}", response_model=TaskOut)
async def tasks_retrieve(project_id: int, task_id: int, caller: Caller, db: Session) -> Task:
    task, _ = await _task_and_role(db, project_id, task_id, caller)
    return task


@app.post("/api/v1/projects/{project_id}/tasks", response_model=TaskOut, status_code=201)
async def tasks_create(
    project_id: int, body: TaskCreate, response: Response, caller: Caller, db: Session
) -> Task:
    if await _role(db, project_id, caller) not in common.EDITOR_ROLES:
        raise problem(403, "Your role does not allow you to create tasks.")
    if body.assignee_id is not None:
        await _require_member(db, project_id, body.assignee_id)
    now = datetime.now(UTC)
    task = Task(
        **body.model_dump(), project_id=project_id, created_by_id=caller, created_at=now, updated_at=now
    )
    db.add(task)
    await db.commit()
    response.headers["Location"] = f"/api/v1/projects/{project_id}/tasks/{task.id}"
    return task


@app.patch("/api/v1/projects/{project_id}/tasks/{task_id}", response_model=TaskOut)
async def tasks_update(project_id: int, task_id: int, body: TaskUpdate, caller: Caller, db: Session) -> Task:
    task, role = await _task_and_role(db, project_id, task_id, caller)
    if role not in common.EDITOR_ROLES:
        raise problem(403, "Your role does not allow you to edit tasks.")
    changes = body.model_dump(exclude_unset=True)
    if changes.get("assignee_id") is not None:
        await _require_member(db, project_id, changes["assignee_id"])
    for name, value in changes.items():
        setattr(task, name, value)
    task.updated_at = datetime.now(UTC)
    await db.commit()
    return task
