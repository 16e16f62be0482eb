"""The contract's Task, TaskList, TaskCreate and TaskUpdate as Pydantic v2 models (the FastAPI peers')."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["todo", "in_progress", "done"]
Priority = Literal["low", "normal", "high", "urgent"]
Title = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00]*$")]
Description = Annotated[str, Field(max_length=10000, pattern=r"^[^\x00]*$")]
MemberId = Annotated[int, Field(ge=1)]


class Task(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    project_id: int
    title: str
    description: str
    status: Status
    priority: Priority
    assignee_id: int | None
    created_by_id: int
    due_date: date | None
    created_at: datetime
    updated_at: datetime


class TaskList(BaseModel):
    items: list[Task]
    next: str | None
    previous: str | None


class TaskCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title
    description: Description = ""
    status: Status = "todo"
    priority: Priority = "normal"
    assignee_id: MemberId | None = None
    due_date: date | None = None


class TaskUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    description: Description | None = None
    status: Status | None = None
    priority: Priority | None = None
    assignee_id: MemberId | None = None
    due_date: date | None = None
