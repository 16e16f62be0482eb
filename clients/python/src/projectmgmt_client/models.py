# generated from openapi/openapi.yaml (sha256 cf29fa4ae0a4dc10b653395c002690c4f4a06c9dba68f7dad68cad4c19c483ed), do not edit; regenerate with `contract generate`

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class ValidationErrorItem(BaseModel):
    """
    One problem with the request. `pointer` locates body members, `field` names parameters.
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    pointer: str | None = None
    """
    JSON Pointer (RFC 6901) into the request body, e.g. `/title`.
    """
    field: str | None = None
    """
    Name of the offending query, path or header parameter, e.g. `page_size`.
    """
    code: str
    """
    Machine-readable reason, e.g. `required`, `max_length`, `enum`.
    """
    message: str
    """
    Human-readable message.
    """


class Status(StrEnum):
    OK = "ok"


class Liveness(BaseModel):
    """
    The process is up.
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    status: Annotated[Status | str, Field(union_mode="left_to_right")]


class CheckResult(StrEnum):
    """
    `ok` when the dependency answered in time, `unavailable` otherwise.
    """

    OK = "ok"
    UNAVAILABLE = "unavailable"


class TokenObtainRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    username: str = Field(..., max_length=150, min_length=1, pattern="^[^\\u0000]*$")
    password: str = Field(..., max_length=128, min_length=1, pattern="^[^\\u0000]*$")


class TokenType(StrEnum):
    BEARER = "Bearer"


class TokenPair(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    access: str
    """
    JWT access token; send it as `Authorization: Bearer <access>`.
    """
    refresh: str
    """
    JWT refresh token for `POST /auth/token/refresh`.
    """
    token_type: Annotated[TokenType | str, Field(union_mode="left_to_right")]
    expires_in: int
    """
    Lifetime of the access token, in seconds.
    """


class TokenRefreshRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    refresh: str = Field(..., min_length=1, pattern="^[^\\u0000]*$")


class AccessToken(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    access: str
    """
    JWT access token; send it as `Authorization: Bearer <access>`.
    """
    token_type: Annotated[TokenType | str, Field(union_mode="left_to_right")]
    expires_in: int
    """
    Lifetime of the access token, in seconds.
    """


class ApiKey(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., ge=1)
    name: str = Field(..., max_length=100)
    prefix: str = Field(..., max_length=8, min_length=8)
    """
    Public, non-secret part of the key; identifies it in listings.
    """
    created_at: AwareDatetime
    last_used_at: AwareDatetime | None
    """
    When the key last authenticated a request; `null` if never used.
    """
    expires_at: AwareDatetime | None
    """
    When the key stops working; `null` if it never expires.
    """


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    name: str = Field(..., max_length=100, min_length=1, pattern="^[^\\u0000]*$")
    expires_at: AwareDatetime | None = None
    """
    Must be in the future (`422 expires_in_past` otherwise); omit or `null` for no expiry.
    """


class ApiKeyWithSecret(ApiKey):
    """
    A newly created API key, including its secret. The secret is never shown again.
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    secret: str = Field(..., pattern="^pm_[A-Za-z0-9]{8}_[A-Za-z0-9_-]+$")
    """
    The full key, `pm_<prefix>_<random>`; send it as `X-API-Key`.
    """


class ApiKeyList(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: list[ApiKey] = Field(..., max_length=100)
    next: str | None
    """
    Absolute URL of the next page, or `null` on the last page.
    """
    previous: str | None
    """
    Absolute URL of the previous page, or `null` on the first page.
    """


class User(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., ge=1)
    username: str = Field(..., max_length=150)
    email: str = Field(..., max_length=254, pattern="^$|^[^@ ]+@[^@ ]+$")
    """
    The account's email address; an empty string for an account created outside the API without
    one (e.g. by an administrator with `createsuperuser`). Registration always requires one.

    """
    full_name: str = Field(..., max_length=150)
    is_staff: bool
    date_joined: AwareDatetime


class UserSummary(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., ge=1)
    username: str = Field(..., max_length=150)
    full_name: str = Field(..., max_length=150)


class UserRegistration(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    username: str = Field(
        ..., max_length=150, min_length=3, pattern="^[A-Za-z0-9_.-]+$"
    )
    email: str = Field(..., max_length=254, pattern="^[^\\u0000]*$")
    password: str = Field(..., max_length=128, min_length=8, pattern="^[^\\u0000]*$")
    """
    Checked against the password validators (`422 weak_password`).
    """
    full_name: str = Field(default="", max_length=150, pattern="^[^\\u0000]*$")


class UserUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    email: str | None = Field(default=None, max_length=254, pattern="^[^\\u0000]*$")
    full_name: str | None = Field(default=None, max_length=150, pattern="^[^\\u0000]*$")


class UserList(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: list[User] = Field(..., max_length=100)
    next: str | None
    """
    Absolute URL of the next page, or `null` on the last page.
    """
    previous: str | None
    """
    Absolute URL of the previous page, or `null` on the first page.
    """


class Role(StrEnum):
    """
    A member's role in a project. `owner`: everything, including members and deletion;
    `maintainer`: edit the project, tasks and comments; `viewer`: read-only.

    """

    OWNER = "owner"
    MAINTAINER = "maintainer"
    VIEWER = "viewer"


class Project(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., ge=1)
    name: str = Field(..., max_length=200)
    description: str = Field(..., max_length=5000)
    role: Annotated[Role | str, Field(union_mode="left_to_right")]
    """
    The caller's role in this project.
    """
    created_at: AwareDatetime
    updated_at: AwareDatetime


class ProjectCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    name: str = Field(..., max_length=200, min_length=1, pattern="^[^\\u0000]*$")
    description: str = Field(default="", max_length=5000, pattern="^[^\\u0000]*$")


class ProjectReplace(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    name: str = Field(..., max_length=200, min_length=1, pattern="^[^\\u0000]*$")
    description: str = Field(..., max_length=5000, pattern="^[^\\u0000]*$")


class ProjectUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    name: str | None = Field(
        default=None, max_length=200, min_length=1, pattern="^[^\\u0000]*$"
    )
    description: str | None = Field(
        default=None, max_length=5000, pattern="^[^\\u0000]*$"
    )


class ProjectList(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: list[Project] = Field(..., max_length=100)
    next: str | None
    """
    Absolute URL of the next page, or `null` on the last page.
    """
    previous: str | None
    """
    Absolute URL of the previous page, or `null` on the first page.
    """


class Member(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    user: UserSummary
    role: Annotated[Role | str, Field(union_mode="left_to_right")]
    joined_at: AwareDatetime


class MemberAdd(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    user_id: int = Field(..., ge=1)
    """
    ID of a user who shares a project with the caller (`422 invitation_required` for anyone
    else, `422 user_not_found` for no user).

    """
    role: Role


class MemberUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    role: Role


class MemberList(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: list[Member] = Field(..., max_length=100)
    next: str | None
    """
    Absolute URL of the next page, or `null` on the last page.
    """
    previous: str | None
    """
    Absolute URL of the previous page, or `null` on the first page.
    """


class ProjectSummary(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., ge=1)
    name: str = Field(..., max_length=200)


class Invitation(BaseModel):
    """
    A pending invitation to join a project. The invitee appears by id only; their username and
    full name become visible to the project when they accept.

    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., ge=1)
    project: ProjectSummary
    user_id: int = Field(..., ge=1)
    """
    The invitee.
    """
    role: Annotated[Role | str, Field(union_mode="left_to_right")]
    invited_by: UserSummary
    created_at: AwareDatetime


class InvitationCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    user_id: int = Field(..., ge=1)
    """
    ID of an existing user (`422 user_not_found` otherwise).
    """
    role: Role


class InvitationList(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: list[Invitation] = Field(..., max_length=100)
    next: str | None
    """
    Absolute URL of the next page, or `null` on the last page.
    """
    previous: str | None
    """
    Absolute URL of the previous page, or `null` on the first page.
    """


class TaskStatus(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class TaskPriority(StrEnum):
    """
    Ranked `low` < `normal` < `high` < `urgent` when ordering by priority.
    """

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class Task(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., ge=1)
    project_id: int = Field(..., ge=1)
    title: str = Field(..., max_length=200)
    description: str = Field(..., max_length=10000)
    status: Annotated[TaskStatus | str, Field(union_mode="left_to_right")]
    priority: Annotated[TaskPriority | str, Field(union_mode="left_to_right")]
    assignee_id: int | None = Field(..., ge=1)
    """
    ID of the assigned project member; `null` if unassigned.
    """
    created_by_id: int = Field(..., ge=1)
    """
    ID of the user who created the task.
    """
    due_date: date | None
    created_at: AwareDatetime
    updated_at: AwareDatetime


class TaskCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    title: str = Field(..., max_length=200, min_length=1, pattern="^[^\\u0000]*$")
    description: str = Field(default="", max_length=10000, pattern="^[^\\u0000]*$")
    status: TaskStatus = TaskStatus.TODO
    priority: TaskPriority = TaskPriority.NORMAL
    assignee_id: int | None = Field(default=None, ge=1)
    """
    Must be a member of the project (`422 assignee_not_member` otherwise).
    """
    due_date: date | None = None


class TaskUpdate(BaseModel):
    """
    Partial update; omitted fields are unchanged, `null` clears `assignee_id` / `due_date`.
    """

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    title: str | None = Field(
        default=None, max_length=200, min_length=1, pattern="^[^\\u0000]*$"
    )
    description: str | None = Field(
        default=None, max_length=10000, pattern="^[^\\u0000]*$"
    )
    status: TaskStatus | None = None
    priority: TaskPriority | None = None
    assignee_id: int | None = Field(default=None, ge=1)
    """
    Must be a member of the project (`422 assignee_not_member` otherwise).
    """
    due_date: date | None = None


class TaskList(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: list[Task] = Field(..., max_length=100)
    next: str | None
    """
    Absolute URL of the next page, or `null` on the last page.
    """
    previous: str | None
    """
    Absolute URL of the previous page, or `null` on the first page.
    """


class Comment(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., ge=1)
    task_id: int = Field(..., ge=1)
    author: UserSummary
    body: str = Field(..., max_length=10000)
    created_at: AwareDatetime
    updated_at: AwareDatetime


class CommentCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    body: str = Field(..., max_length=10000, min_length=1, pattern="^[^\\u0000]*$")


class CommentUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    body: str = Field(..., max_length=10000, min_length=1, pattern="^[^\\u0000]*$")


class CommentList(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: list[Comment] = Field(..., max_length=100)
    next: str | None
    """
    Absolute URL of the next page, or `null` on the last page.
    """
    previous: str | None
    """
    Absolute URL of the previous page, or `null` on the first page.
    """


class WebhookEventType(StrEnum):
    """
    An event a subscription can receive; each one's payload is declared in this document's
    `webhooks` section. `ping` is sent on request (`webhooks_ping`) whatever the subscription lists.

    """

    TASK_CREATED = "task.created"
    TASK_UPDATED = "task.updated"
    TASK_DELETED = "task.deleted"
    COMMENT_CREATED = "comment.created"
    MEMBER_ADDED = "member.added"
    MEMBER_REMOVED = "member.removed"
    PING = "ping"


class WebhookEventId(RootModel[str]):
    root: str = Field(
        ...,
        examples=["evt_7d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a"],
        pattern="^evt_[0-9a-f]{32}$",
    )
    """
    Unique id of the event, also sent as the `Webhook-Id` header. A redelivery, or a retry after a
    worker died mid-delivery, repeats it: receivers de-duplicate on it.

    """


class WebhookUrl(RootModel[str]):
    root: str = Field(
        ...,
        max_length=2000,
        min_length=8,
        pattern="^[hH][tT][tT][pP][sS]?://[^\\u0000\\s]+$",
    )
    """
    Where deliveries are POSTed: `https` (plain `http` only where the server allows it, in
    development), not a private, loopback, link-local, multicast or reserved address.

    """


class WebhookEvents(RootModel[list[Annotated[WebhookEventType | str, Field(union_mode="left_to_right")]]]):
    """
    The event types to send to this URL.
    """

    root: list[Annotated[WebhookEventType | str, Field(union_mode="left_to_right")]] = Field(..., max_length=7, min_length=1)
    """
    The event types to send to this URL.
    """


class Webhook(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., ge=1)
    project_id: int = Field(..., ge=1)
    url: WebhookUrl
    events: WebhookEvents
    active: bool
    """
    Only active subscriptions receive events.
    """
    disabled_reason: str | None = Field(..., max_length=500)
    """
    Why the server disabled the subscription (repeated failed deliveries), or `null`.
    """
    consecutive_failures: int = Field(..., ge=0)
    """
    Deliveries in a row that failed every attempt; reset by a successful delivery.
    """
    created_at: AwareDatetime
    updated_at: AwareDatetime


class WebhookWithSecret(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., ge=1)
    project_id: int = Field(..., ge=1)
    url: WebhookUrl
    events: WebhookEvents
    active: bool
    disabled_reason: str | None = Field(..., max_length=500)
    consecutive_failures: int = Field(..., ge=0)
    created_at: AwareDatetime
    updated_at: AwareDatetime
    secret: str = Field(..., pattern="^whsec_[A-Za-z0-9_-]{43}$")
    """
    The signing secret (HMAC-SHA256 key, the whole string as UTF-8 bytes). Shown only in this
    response; the server keeps it encrypted.

    """


class WebhookCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    url: WebhookUrl
    events: WebhookEvents
    active: bool = True


class WebhookUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
    )
    url: WebhookUrl | None = None
    events: WebhookEvents | None = None
    active: bool | None = None
    """
    `true` re-enables a disabled subscription (clearing `disabled_reason`).
    """


class WebhookList(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: list[Webhook] = Field(..., max_length=100)
    next: str | None
    """
    Absolute URL of the next page, or `null` on the last page.
    """
    previous: str | None
    """
    Absolute URL of the previous page, or `null` on the first page.
    """


class WebhookDeliveryStatus(StrEnum):
    """
    `pending` until an attempt gets a 2xx (`delivered`) or every attempt failed (`failed`).
    """

    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


class WebhookDeliveryAttempt(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    number: int = Field(..., ge=1)
    attempted_at: AwareDatetime
    response_status: int | None = Field(..., ge=100, le=599)
    """
    The receiver's HTTP status, or `null` when no response came (timeout, refused).
    """
    latency_ms: int = Field(..., ge=0)
    error: str | None = Field(..., max_length=500)
    """
    Why the attempt failed, or `null` when it succeeded.
    """


class WebhookDelivery(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., ge=1)
    webhook_id: int = Field(..., ge=1)
    event_id: WebhookEventId
    event_type: Annotated[WebhookEventType | str, Field(union_mode="left_to_right")]
    status: Annotated[WebhookDeliveryStatus | str, Field(union_mode="left_to_right")]
    attempt_count: int = Field(..., ge=0)
    next_attempt_at: AwareDatetime | None
    """
    When the next attempt is due while `pending`, otherwise `null`.
    """
    created_at: AwareDatetime
    delivered_at: AwareDatetime | None
    attempts: list[WebhookDeliveryAttempt]


class WebhookDeliveryList(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    items: list[WebhookDelivery] = Field(..., max_length=100)
    next: str | None
    """
    Absolute URL of the next page, or `null` on the last page.
    """
    previous: str | None
    """
    Absolute URL of the previous page, or `null` on the first page.
    """


class WebhookDeletedTask(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: int = Field(..., ge=1)


class WebhookRemovedMember(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    user_id: int = Field(..., ge=1)


class WebhookPing(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True,
    )
    webhook_id: int = Field(..., ge=1)


class TaskCreatedEvent(BaseModel):
    """
    `task.created`: A task was created.
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: WebhookEventId
    type: Literal["task.created"]
    created_at: AwareDatetime
    """
    When the change happened.
    """
    project_id: int = Field(..., ge=1)
    data: Task


class TaskUpdatedEvent(BaseModel):
    """
    `task.updated`: A task was changed (its new state).
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: WebhookEventId
    type: Literal["task.updated"]
    created_at: AwareDatetime
    """
    When the change happened.
    """
    project_id: int = Field(..., ge=1)
    data: Task


class TaskDeletedEvent(BaseModel):
    """
    `task.deleted`: A task was deleted.
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: WebhookEventId
    type: Literal["task.deleted"]
    created_at: AwareDatetime
    """
    When the change happened.
    """
    project_id: int = Field(..., ge=1)
    data: WebhookDeletedTask


class CommentCreatedEvent(BaseModel):
    """
    `comment.created`: A comment was posted on a task.
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: WebhookEventId
    type: Literal["comment.created"]
    created_at: AwareDatetime
    """
    When the change happened.
    """
    project_id: int = Field(..., ge=1)
    data: Comment


class MemberAddedEvent(BaseModel):
    """
    `member.added`: A user was added to the project.
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: WebhookEventId
    type: Literal["member.added"]
    created_at: AwareDatetime
    """
    When the change happened.
    """
    project_id: int = Field(..., ge=1)
    data: Member


class MemberRemovedEvent(BaseModel):
    """
    `member.removed`: A member was removed from (or left) the project.
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: WebhookEventId
    type: Literal["member.removed"]
    created_at: AwareDatetime
    """
    When the change happened.
    """
    project_id: int = Field(..., ge=1)
    data: WebhookRemovedMember


class PingEvent(BaseModel):
    """
    `ping`: A test event, sent on request (`webhooks_ping`).
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    id: WebhookEventId
    type: Literal["ping"]
    created_at: AwareDatetime
    """
    When the change happened.
    """
    project_id: int = Field(..., ge=1)
    data: WebhookPing


class Problem(BaseModel):
    """
    An RFC 9457 problem details object.
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    type: str
    """
    `https://contractfirst.dev/problems/<code with dashes>`; identifies the problem type.
    """
    title: str
    """
    Short, human-readable summary of the problem type.
    """
    status: int = Field(..., ge=400, le=599)
    """
    The HTTP status code of the response.
    """
    detail: str | None = None
    """
    Human-readable explanation of this occurrence.
    """
    instance: str | None = None
    """
    The request path, e.g. `/api/v1/projects/12`.
    """
    code: str
    """
    Stable machine-readable error code (see the table in the API description).
    """
    errors: list[ValidationErrorItem] | None = None
    """
    Individual problems, for validation errors and some business-rule errors.
    """


class HealthChecks(BaseModel):
    """
    Each dependency readiness checks, and whether it answered.
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    database: Annotated[CheckResult | str, Field(union_mode="left_to_right")]
    cache: Annotated[CheckResult | str, Field(union_mode="left_to_right")]


class ReadinessProblem(Problem):
    """
    A problem (`dependency_unavailable`) with the result of each check.
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    checks: HealthChecks


class Readiness(BaseModel):
    """
    Every dependency answered.
    """

    model_config = ConfigDict(
        populate_by_name=True,
    )
    status: Annotated[Status | str, Field(union_mode="left_to_right")]
    checks: HealthChecks
