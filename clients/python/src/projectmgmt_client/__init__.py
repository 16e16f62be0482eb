# generated from openapi/openapi.yaml (sha256 f072d6df1faa9820c6a4f2ed0b1945c09d41baaa1af96bde5f5ac64dcebe9af3), do not edit; regenerate with `contract generate`
"""Project-management API SDK 1.0.0, generated from the OpenAPI contract.

    from projectmgmt_client import ProjectManagementClient, models

    with ProjectManagementClient("https://api.example.com") as client:
        ...

`ProjectManagementClient` is synchronous, `AsyncProjectManagementClient` its asyncio twin; both have one
attribute per tag (`auth`, `users`, `projects`, `members`, `tasks`, `comments`, `webhooks`, `health`).
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
    AsyncWebhooksApi,
    AsyncHealthApi,
    ProjectManagementClient,
    AuthApi,
    UsersApi,
    ProjectsApi,
    MembersApi,
    TasksApi,
    CommentsApi,
    WebhooksApi,
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
    "AsyncWebhooksApi",
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
    "WebhooksApi",
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
