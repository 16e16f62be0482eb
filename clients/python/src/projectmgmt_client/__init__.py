# generated from openapi/openapi.yaml (sha256 4e81619cedf6e81cea6f64df3649c5829b5103df5d6fbad514058112dcfa8523), do not edit; regenerate with `contract generate`
"""Project-management API SDK 1.0.0, generated from the OpenAPI contract.

    from projectmgmt_client import ProjectManagementClient, models

    with ProjectManagementClient("https://api.example.com") as client:
        ...

`ProjectManagementClient` is synchronous, `AsyncProjectManagementClient` its asyncio twin; both have one
attribute per tag (`auth`, `users`, `projects`, `members`, `tasks`, `comments`, `health`).
"""

from . import models
from ._client import (
    AsyncProjectManagementClient,
    AsyncAuthApi,
    AsyncUsersApi,
    AsyncProjectsApi,
    AsyncMembersApi,
    AsyncTasksApi,
    AsyncCommentsApi,
    AsyncHealthApi,
    ProjectManagementClient,
    AuthApi,
    UsersApi,
    ProjectsApi,
    MembersApi,
    TasksApi,
    CommentsApi,
    HealthApi,
)
from ._runtime import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ProblemDetails,
    RateLimitError,
    RequestOptions,
    ResponseValidationError,
    RetryEvent,
    RetryPolicy,
    ServerError,
    ServiceUnavailableError,
    UnprocessableEntityError,
)

__version__ = "1.0.0"

__all__ = [
    "ApiError",
    "AsyncProjectManagementClient",
    "AsyncAuthApi",
    "AsyncUsersApi",
    "AsyncProjectsApi",
    "AsyncMembersApi",
    "AsyncTasksApi",
    "AsyncCommentsApi",
    "AsyncHealthApi",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ProjectManagementClient",
    "AuthApi",
    "UsersApi",
    "ProjectsApi",
    "MembersApi",
    "TasksApi",
    "CommentsApi",
    "HealthApi",
    "NotFoundError",
    "PermissionDeniedError",
    "ProblemDetails",
    "RateLimitError",
    "RequestOptions",
    "ResponseValidationError",
    "RetryEvent",
    "RetryPolicy",
    "ServerError",
    "ServiceUnavailableError",
    "UnprocessableEntityError",
    "models",
]
