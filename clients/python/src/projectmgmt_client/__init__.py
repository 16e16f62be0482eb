# generated from openapi/openapi.yaml (sha256 31ca2d6ae43d555c7ae0285503eec5072487205bfda89b71d2ec1b7ebabb04a0), do not edit; regenerate with `contract generate`
"""Project-management API SDK 1.0.0, generated from the OpenAPI contract.

    from projectmgmt_client import ProjectManagementClient, models

    with ProjectManagementClient("https://api.example.com") as client:
        ...

`ProjectManagementClient` is synchronous, `AsyncProjectManagementClient` its asyncio twin; both have one
attribute per tag (`auth`, `users`, `projects`, `members`, `tasks`, `comments`).
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
    ProjectManagementClient,
    AuthApi,
    UsersApi,
    ProjectsApi,
    MembersApi,
    TasksApi,
    CommentsApi,
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
