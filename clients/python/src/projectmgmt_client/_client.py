# generated from openapi/openapi.yaml (sha256 cf29fa4ae0a4dc10b653395c002690c4f4a06c9dba68f7dad68cad4c19c483ed), do not edit; regenerate with `contract generate`
"""Typed clients for Project-management API 1.0.0: one class per tag, sync and async.

Every method sends one request through the hand-written runtime (`_runtime.py`): authentication, retries
with backoff that honour `Retry-After`, timeouts, typed errors and pagination live there.
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any, Literal

import httpx

from . import models
from ._runtime import (
    ApiKeyAuth,
    ApiResponse,
    AsyncCore,
    NotModified,
    Operation,
    RequestOptions,
    RetryPolicy,
    Returns,
    SyncCore,
    modified,
    tokens_of,
)

__all__ = [
    "ProjectManagementClient",
    "AsyncProjectManagementClient",
    "AuthApi",
    "AsyncAuthApi",
    "AuthApiWithResponse",
    "AsyncAuthApiWithResponse",
    "UsersApi",
    "AsyncUsersApi",
    "UsersApiWithResponse",
    "AsyncUsersApiWithResponse",
    "InvitationsApi",
    "AsyncInvitationsApi",
    "InvitationsApiWithResponse",
    "AsyncInvitationsApiWithResponse",
    "ProjectsApi",
    "AsyncProjectsApi",
    "ProjectsApiWithResponse",
    "AsyncProjectsApiWithResponse",
    "MembersApi",
    "AsyncMembersApi",
    "MembersApiWithResponse",
    "AsyncMembersApiWithResponse",
    "TasksApi",
    "AsyncTasksApi",
    "TasksApiWithResponse",
    "AsyncTasksApiWithResponse",
    "CommentsApi",
    "AsyncCommentsApi",
    "CommentsApiWithResponse",
    "AsyncCommentsApiWithResponse",
    "WebhooksApi",
    "AsyncWebhooksApi",
    "WebhooksApiWithResponse",
    "AsyncWebhooksApiWithResponse",
    "HealthApi",
    "AsyncHealthApi",
    "HealthApiWithResponse",
    "AsyncHealthApiWithResponse",
]

_SERVER_PATH = "/api/v1"
_USER_AGENT = "projectmgmt_client/1.0.0"

_OP_1 = Operation(
    "auth_token_obtain",
    "POST",
    "/auth/token",
    security=(),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
)
_RET_1: Returns[models.TokenPair] = Returns(models.TokenPair)
_OP_2 = Operation(
    "auth_token_refresh",
    "POST",
    "/auth/token/refresh",
    security=(),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
)
_RET_2: Returns[models.AccessToken] = Returns(models.AccessToken)
_OP_3 = Operation(
    "api_keys_list",
    "GET",
    "/api-keys",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_3: Returns[models.ApiKeyList] = Returns(models.ApiKeyList)
_OP_4 = Operation(
    "api_keys_create",
    "POST",
    "/api-keys",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
    accepts_idempotency_key=True,
)
_RET_4: Returns[models.ApiKeyWithSecret] = Returns(models.ApiKeyWithSecret)
_OP_5 = Operation(
    "api_keys_revoke",
    "DELETE",
    "/api-keys/{api_key_id}",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="none",
)
_RET_5: Returns[None] = Returns(None)
_OP_6 = Operation(
    "users_list",
    "GET",
    "/users",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_6: Returns[models.UserList] = Returns(models.UserList)
_OP_7 = Operation(
    "users_register",
    "POST",
    "/users",
    security=(),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
)
_RET_7: Returns[models.User] = Returns(models.User)
_OP_8 = Operation(
    "users_me_retrieve",
    "GET",
    "/users/me",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_8: Returns[models.User] = Returns(models.User)
_OP_9 = Operation(
    "users_me_update",
    "PATCH",
    "/users/me",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
)
_RET_9: Returns[models.User] = Returns(models.User)
_OP_10 = Operation(
    "invitations_list_mine",
    "GET",
    "/users/me/invitations",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_10: Returns[models.InvitationList] = Returns(models.InvitationList)
_OP_11 = Operation(
    "invitations_accept",
    "POST",
    "/users/me/invitations/{invitation_id}/accept",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_11: Returns[models.Project] = Returns(models.Project)
_OP_12 = Operation(
    "invitations_decline",
    "POST",
    "/users/me/invitations/{invitation_id}/decline",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="none",
)
_RET_12: Returns[None] = Returns(None)
_OP_13 = Operation(
    "project_invitations_list",
    "GET",
    "/projects/{project_id}/invitations",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_13: Returns[models.InvitationList] = Returns(models.InvitationList)
_OP_14 = Operation(
    "project_invitations_create",
    "POST",
    "/projects/{project_id}/invitations",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
    accepts_idempotency_key=True,
)
_RET_14: Returns[models.Invitation] = Returns(models.Invitation)
_OP_15 = Operation(
    "project_invitations_revoke",
    "DELETE",
    "/projects/{project_id}/invitations/{invitation_id}",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="none",
)
_RET_15: Returns[None] = Returns(None)
_OP_16 = Operation(
    "projects_list",
    "GET",
    "/projects",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_16: Returns[models.ProjectList] = Returns(models.ProjectList)
_OP_17 = Operation(
    "projects_create",
    "POST",
    "/projects",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
    accepts_idempotency_key=True,
)
_RET_17: Returns[models.Project] = Returns(models.Project)
_OP_18 = Operation(
    "projects_retrieve",
    "GET",
    "/projects/{project_id}",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_18: Returns[models.Project] = Returns(models.Project)
_OP_19 = Operation(
    "projects_replace",
    "PUT",
    "/projects/{project_id}",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
)
_RET_19: Returns[models.Project] = Returns(models.Project)
_OP_20 = Operation(
    "projects_delete",
    "DELETE",
    "/projects/{project_id}",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="none",
)
_RET_20: Returns[None] = Returns(None)
_OP_21 = Operation(
    "projects_update",
    "PATCH",
    "/projects/{project_id}",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
)
_RET_21: Returns[models.Project] = Returns(models.Project)
_OP_22 = Operation(
    "project_members_list",
    "GET",
    "/projects/{project_id}/members",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_22: Returns[models.MemberList] = Returns(models.MemberList)
_OP_23 = Operation(
    "project_members_add",
    "POST",
    "/projects/{project_id}/members",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
    accepts_idempotency_key=True,
)
_RET_23: Returns[models.Member] = Returns(models.Member)
_OP_24 = Operation(
    "project_members_remove",
    "DELETE",
    "/projects/{project_id}/members/{user_id}",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="none",
)
_RET_24: Returns[None] = Returns(None)
_OP_25 = Operation(
    "project_members_update",
    "PATCH",
    "/projects/{project_id}/members/{user_id}",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
)
_RET_25: Returns[models.Member] = Returns(models.Member)
_OP_26 = Operation(
    "tasks_list",
    "GET",
    "/projects/{project_id}/tasks",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_26: Returns[models.TaskList] = Returns(models.TaskList)
_OP_27 = Operation(
    "tasks_create",
    "POST",
    "/projects/{project_id}/tasks",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
    accepts_idempotency_key=True,
)
_RET_27: Returns[models.Task] = Returns(models.Task)
_OP_28 = Operation(
    "tasks_retrieve",
    "GET",
    "/projects/{project_id}/tasks/{task_id}",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_28: Returns[models.Task] = Returns(models.Task)
_OP_29 = Operation(
    "tasks_delete",
    "DELETE",
    "/projects/{project_id}/tasks/{task_id}",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="none",
)
_RET_29: Returns[None] = Returns(None)
_OP_30 = Operation(
    "tasks_update",
    "PATCH",
    "/projects/{project_id}/tasks/{task_id}",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
)
_RET_30: Returns[models.Task] = Returns(models.Task)
_OP_31 = Operation(
    "comments_list",
    "GET",
    "/projects/{project_id}/tasks/{task_id}/comments",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_31: Returns[models.CommentList] = Returns(models.CommentList)
_OP_32 = Operation(
    "comments_create",
    "POST",
    "/projects/{project_id}/tasks/{task_id}/comments",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
    accepts_idempotency_key=True,
)
_RET_32: Returns[models.Comment] = Returns(models.Comment)
_OP_33 = Operation(
    "comments_delete",
    "DELETE",
    "/projects/{project_id}/tasks/{task_id}/comments/{comment_id}",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="none",
)
_RET_33: Returns[None] = Returns(None)
_OP_34 = Operation(
    "comments_update",
    "PATCH",
    "/projects/{project_id}/tasks/{task_id}/comments/{comment_id}",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
)
_RET_34: Returns[models.Comment] = Returns(models.Comment)
_OP_35 = Operation(
    "webhooks_list",
    "GET",
    "/projects/{project_id}/webhooks",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_35: Returns[models.WebhookList] = Returns(models.WebhookList)
_OP_36 = Operation(
    "webhooks_create",
    "POST",
    "/projects/{project_id}/webhooks",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
    accepts_idempotency_key=True,
)
_RET_36: Returns[models.WebhookWithSecret] = Returns(models.WebhookWithSecret)
_OP_37 = Operation(
    "webhooks_retrieve",
    "GET",
    "/projects/{project_id}/webhooks/{webhook_id}",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_37: Returns[models.Webhook] = Returns(models.Webhook)
_OP_38 = Operation(
    "webhooks_delete",
    "DELETE",
    "/projects/{project_id}/webhooks/{webhook_id}",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="none",
)
_RET_38: Returns[None] = Returns(None)
_OP_39 = Operation(
    "webhooks_update",
    "PATCH",
    "/projects/{project_id}/webhooks/{webhook_id}",
    security=("apiKeyAuth", "bearerAuth"),
    body_kind="json",
    body_media_type="application/json",
    response_kind="json",
)
_RET_39: Returns[models.Webhook] = Returns(models.Webhook)
_OP_40 = Operation(
    "webhooks_ping",
    "POST",
    "/projects/{project_id}/webhooks/{webhook_id}/ping",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_40: Returns[models.WebhookDelivery] = Returns(models.WebhookDelivery)
_OP_41 = Operation(
    "webhook_deliveries_list",
    "GET",
    "/projects/{project_id}/webhooks/{webhook_id}/deliveries",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_41: Returns[models.WebhookDeliveryList] = Returns(models.WebhookDeliveryList)
_OP_42 = Operation(
    "webhook_deliveries_redeliver",
    "POST",
    "/projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver",
    security=("apiKeyAuth", "bearerAuth"),
    response_kind="json",
)
_RET_42: Returns[models.WebhookDelivery] = Returns(models.WebhookDelivery)
_OP_43 = Operation(
    "health_live",
    "GET",
    "/health/live",
    security=(),
    response_kind="json",
)
_RET_43: Returns[models.Liveness] = Returns(models.Liveness)
_OP_44 = Operation(
    "health_ready",
    "GET",
    "/health/ready",
    security=(),
    response_kind="json",
)
_RET_44: Returns[models.Readiness] = Returns(models.Readiness)


class AuthApiWithResponse:
    """`auth` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...)."""

    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def token_obtain(
        self,
        body: models.TokenObtainRequest | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.TokenPair]:
        """`auth.token_obtain` with the response's status and headers.

        `POST /auth/token` (operationId `auth_token_obtain`)
        """
        return modified(
            self._core.respond(
                _OP_1,
                _RET_1,
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def token_refresh(
        self,
        body: models.TokenRefreshRequest | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.AccessToken]:
        """`auth.token_refresh` with the response's status and headers.

        `POST /auth/token/refresh` (operationId `auth_token_refresh`)
        """
        return modified(
            self._core.respond(
                _OP_2,
                _RET_2,
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def api_keys_list(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.ApiKeyList]:
        """`auth.api_keys_list` with the response's status and headers.

        `GET /api-keys` (operationId `api_keys_list`)
        """
        return modified(
            self._core.respond(
                _OP_3,
                _RET_3,
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                },
                options=request_options,
            )
        )

    def api_keys_create(
        self,
        body: models.ApiKeyCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.ApiKeyWithSecret]:
        """`auth.api_keys_create` with the response's status and headers.

        `POST /api-keys` (operationId `api_keys_create`)
        """
        return modified(
            self._core.respond(
                _OP_4,
                _RET_4,
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def api_keys_revoke(
        self,
        api_key_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`auth.api_keys_revoke` with the response's status and headers.

        `DELETE /api-keys/{api_key_id}` (operationId `api_keys_revoke`)
        """
        return modified(
            self._core.respond(
                _OP_5,
                _RET_5,
                path_params={"api_key_id": api_key_id},
                options=request_options,
            )
        )


class AuthApi:
    """JWT token issuance and refresh, and management of the caller's API keys.

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...).
    """

    def __init__(self, core: SyncCore) -> None:
        self._core = core
        self.with_response = AuthApiWithResponse(core)

    def token_obtain(
        self,
        body: models.TokenObtainRequest | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.TokenPair:
        """Obtain a JWT token pair

        Exchanges a username and password for a short-lived access token and a longer-lived refresh
        token. Public; throttled under the `auth` scope. Wrong credentials (or an inactive account)
        yield `401 invalid_credentials`.

        `POST /auth/token` (operationId `auth_token_obtain`)

        Args:
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.TokenPair

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_1,
            _RET_1,
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def token_refresh(
        self,
        body: models.TokenRefreshRequest | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.AccessToken:
        """Refresh an access token

        Exchanges a valid refresh token for a new access token. Public. A malformed, expired or
        blacklisted refresh token yields `401 token_not_valid`.

        `POST /auth/token/refresh` (operationId `auth_token_refresh`)

        Args:
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.AccessToken

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_2,
            _RET_2,
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def api_keys_list(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.ApiKeyList:
        """List the caller's API keys

        Lists the caller's active (not revoked) API keys, newest first (ordering is fixed to
        `-created_at`). Secrets are never returned here, only each key's `prefix`.

        `GET /api-keys` (operationId `api_keys_list`)

        Args:
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.ApiKeyList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_3,
            _RET_3,
            query={
                "cursor": cursor,
                "page_size": page_size,
            },
            options=request_options,
        )

    def api_keys_list_iter(
        self,
        *,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Iterator[models.ApiKey]:
        """Iterate over every item of every page of `api_keys_list`, following the `next` links.

        List the caller's API keys

        Lists the caller's active (not revoked) API keys, newest first (ordering is fixed to
        `-created_at`). Secrets are never returned here, only each key's `prefix`.

        `GET /api-keys` (operationId `api_keys_list`)

        Args:
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.ApiKey

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_3,
            lambda: self.api_keys_list(page_size=page_size, request_options=request_options),
            _RET_3,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    def api_keys_create(
        self,
        body: models.ApiKeyCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.ApiKeyWithSecret:
        """Create an API key

        Creates an API key for the caller. The response is the only time the full `secret` is
        shown; store it safely. An `expires_at` that is not in the future yields
        `422 expires_in_past`; omit it (or send `null`) for a key that never expires.

        `POST /api-keys` (operationId `api_keys_create`)

        Args:
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.ApiKeyWithSecret

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_4,
            _RET_4,
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def api_keys_revoke(
        self,
        api_key_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Revoke an API key

        Revokes one of the caller's API keys; it stops authenticating immediately. Keys that belong
        to someone else, do not exist or are already revoked yield `404 not_found`.

        `DELETE /api-keys/{api_key_id}` (operationId `api_keys_revoke`)

        Args:
            api_key_id: ID of the API key.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_5,
            _RET_5,
            path_params={"api_key_id": api_key_id},
            options=request_options,
        )


class UsersApiWithResponse:
    """`users` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...), or `NotModified` for a 304."""

    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def list(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        search: str | None = None,
        ordering: Literal["username", "-username", "date_joined", "-date_joined"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.UserList]:
        """`users.list` with the response's status and headers.

        `GET /users` (operationId `users_list`)
        """
        return modified(
            self._core.respond(
                _OP_6,
                _RET_6,
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                    "search": search,
                    "ordering": ordering,
                },
                options=request_options,
            )
        )

    def register(
        self,
        body: models.UserRegistration | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.User]:
        """`users.register` with the response's status and headers.

        `POST /users` (operationId `users_register`)
        """
        return modified(
            self._core.respond(
                _OP_7,
                _RET_7,
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def me_retrieve(
        self,
        *,
        if_none_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.User] | NotModified:
        """`users.me_retrieve` with the response's status and headers; `NotModified` for a 304 (`if_none_match`).

        `GET /users/me` (operationId `users_me_retrieve`)
        """
        return self._core.respond(
            _OP_8,
            _RET_8,
            headers={
                "If-None-Match": if_none_match,
            },
            options=request_options,
        )

    def me_update(
        self,
        body: models.UserUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.User]:
        """`users.me_update` with the response's status and headers.

        `PATCH /users/me` (operationId `users_me_update`)
        """
        return modified(
            self._core.respond(
                _OP_9,
                _RET_9,
                headers={
                    "If-Match": if_match,
                },
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )


class UsersApi:
    """Self-service registration, the caller's own profile, and the staff-only user directory.

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...), or `NotModified` for a 304 to a conditional GET.
    """

    def __init__(self, core: SyncCore) -> None:
        self._core = core
        self.with_response = UsersApiWithResponse(core)

    def list(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        search: str | None = None,
        ordering: Literal["username", "-username", "date_joined", "-date_joined"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.UserList:
        """List users (staff only)

        Lists all users. Staff only: other authenticated users get `403 permission_denied`.
        `search` matches `username`, `email` and `full_name` (case-insensitive substring).

        `GET /users` (operationId `users_list`)

        Args:
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            search: Case-insensitive substring search; the searched fields are listed on each operation.
            ordering: Sort order; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.UserList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_6,
            _RET_6,
            query={
                "cursor": cursor,
                "page_size": page_size,
                "search": search,
                "ordering": ordering,
            },
            options=request_options,
        )

    def list_iter(
        self,
        *,
        page_size: int | None = None,
        search: str | None = None,
        ordering: Literal["username", "-username", "date_joined", "-date_joined"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> Iterator[models.User]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List users (staff only)

        Lists all users. Staff only: other authenticated users get `403 permission_denied`.
        `search` matches `username`, `email` and `full_name` (case-insensitive substring).

        `GET /users` (operationId `users_list`)

        Args:
            page_size: Maximum number of items per page.
            search: Case-insensitive substring search; the searched fields are listed on each operation.
            ordering: Sort order; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.User

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_6,
            lambda: self.list(page_size=page_size, search=search, ordering=ordering, request_options=request_options),
            _RET_6,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    def register(
        self,
        body: models.UserRegistration | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.User:
        """Register a new user

        Creates a user account. Public; throttled under the `register` scope. A taken username
        (compared without case) yields `409 username_taken`. An email address is contact data, not an
        identity: two accounts may share one, so no answer tells whether an address is registered.
        A password rejected by the password
        validators (too short, too common, entirely numeric, too similar to the username or email)
        yields `422 weak_password`. The `Location` header points at `/api/v1/users/me`, the only URL
        under which a user reads their own account.

        `POST /users` (operationId `users_register`)

        Args:
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.User

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_7,
            _RET_7,
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def me_retrieve(
        self,
        *,
        if_none_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.User:
        """Get the caller's account

        Returns the authenticated caller's own account.

        `GET /users/me` (operationId `users_me_retrieve`)

        Args:
            if_none_match: Revalidates a cached copy: when the resource's current `ETag` is one of these entity tags (weak
                comparison), the answer is `304 Not Modified` with no body.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.User

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
            NotModifiedError: a 304 to `if_none_match`; `with_response.me_retrieve` returns it as
                `NotModified` instead.
        """
        return self._core.request(
            _OP_8,
            _RET_8,
            headers={
                "If-None-Match": if_none_match,
            },
            options=request_options,
        )

    def me_update(
        self,
        body: models.UserUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.User:
        """Update the caller's account

        Partially updates the caller's `email` and/or `full_name`; omitted fields are left
        unchanged. Any well-formed address is accepted, whether or not another account uses it: no
        answer tells whether an address is registered.

        `PATCH /users/me` (operationId `users_me_update`)

        Args:
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.User

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_9,
            _RET_9,
            headers={
                "If-Match": if_match,
            },
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )


class InvitationsApiWithResponse:
    """`invitations` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...)."""

    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def list_mine(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.InvitationList]:
        """`invitations.list_mine` with the response's status and headers.

        `GET /users/me/invitations` (operationId `invitations_list_mine`)
        """
        return modified(
            self._core.respond(
                _OP_10,
                _RET_10,
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                },
                options=request_options,
            )
        )

    def accept(
        self,
        invitation_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Project]:
        """`invitations.accept` with the response's status and headers.

        `POST /users/me/invitations/{invitation_id}/accept` (operationId `invitations_accept`)
        """
        return modified(
            self._core.respond(
                _OP_11,
                _RET_11,
                path_params={"invitation_id": invitation_id},
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def decline(
        self,
        invitation_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`invitations.decline` with the response's status and headers.

        `POST /users/me/invitations/{invitation_id}/decline` (operationId `invitations_decline`)
        """
        return modified(
            self._core.respond(
                _OP_12,
                _RET_12,
                path_params={"invitation_id": invitation_id},
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.InvitationList]:
        """`invitations.list` with the response's status and headers.

        `GET /projects/{project_id}/invitations` (operationId `project_invitations_list`)
        """
        return modified(
            self._core.respond(
                _OP_13,
                _RET_13,
                path_params={"project_id": project_id},
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                },
                options=request_options,
            )
        )

    def create(
        self,
        project_id: int,
        body: models.InvitationCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Invitation]:
        """`invitations.create` with the response's status and headers.

        `POST /projects/{project_id}/invitations` (operationId `project_invitations_create`)
        """
        return modified(
            self._core.respond(
                _OP_14,
                _RET_14,
                path_params={"project_id": project_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def revoke(
        self,
        project_id: int,
        invitation_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`invitations.revoke` with the response's status and headers.

        `DELETE /projects/{project_id}/invitations/{invitation_id}` (operationId `project_invitations_revoke`)
        """
        return modified(
            self._core.respond(
                _OP_15,
                _RET_15,
                path_params={"project_id": project_id, "invitation_id": invitation_id},
                options=request_options,
            )
        )


class InvitationsApi:
    """How a user joins a project: an owner invites them by id, and they accept or decline. Until
    they accept, the project learns nothing about them but their id.

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...).
    """

    def __init__(self, core: SyncCore) -> None:
        self._core = core
        self.with_response = InvitationsApiWithResponse(core)

    def list_mine(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.InvitationList:
        """List the invitations sent to the caller

        Lists the caller's pending invitations, oldest first: which project, with which role, and
        who invited them. Accept one to join the project, or decline it.

        `GET /users/me/invitations` (operationId `invitations_list_mine`)

        Args:
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.InvitationList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_10,
            _RET_10,
            query={
                "cursor": cursor,
                "page_size": page_size,
            },
            options=request_options,
        )

    def list_mine_iter(
        self,
        *,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Iterator[models.Invitation]:
        """Iterate over every item of every page of `list_mine`, following the `next` links.

        List the invitations sent to the caller

        Lists the caller's pending invitations, oldest first: which project, with which role, and
        who invited them. Accept one to join the project, or decline it.

        `GET /users/me/invitations` (operationId `invitations_list_mine`)

        Args:
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Invitation

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_10,
            lambda: self.list_mine(page_size=page_size, request_options=request_options),
            _RET_10,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    def accept(
        self,
        invitation_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Project:
        """Accept an invitation

        Joins the project with the invitation's role; the invitation is used up. An invitation
        that is not pending for the caller yields `404 not_found`; if the caller became a member
        meanwhile (added by an owner), `409 already_member`, and the invitation stays pending.

        `POST /users/me/invitations/{invitation_id}/accept` (operationId `invitations_accept`)

        Args:
            invitation_id: ID of the invitation.
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Project

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_11,
            _RET_11,
            path_params={"invitation_id": invitation_id},
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def decline(
        self,
        invitation_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Decline an invitation

        Declines the invitation; the project learns only that it is no longer pending. An
        invitation that is not pending for the caller yields `404 not_found`.

        `POST /users/me/invitations/{invitation_id}/decline` (operationId `invitations_decline`)

        Args:
            invitation_id: ID of the invitation.
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_12,
            _RET_12,
            path_params={"invitation_id": invitation_id},
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.InvitationList:
        """List a project's pending invitations

        Lists the invitations the project's owners have sent and the invitees have not yet accepted
        or declined, oldest first. Owners only: other members get `403 permission_denied`,
        non-members `404 not_found`. An invitation names its invitee by id only: their username
        and full name become visible to the project when they accept.

        `GET /projects/{project_id}/invitations` (operationId `project_invitations_list`)

        Args:
            project_id: ID of the project.
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.InvitationList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_13,
            _RET_13,
            path_params={"project_id": project_id},
            query={
                "cursor": cursor,
                "page_size": page_size,
            },
            options=request_options,
        )

    def list_iter(
        self,
        project_id: int,
        *,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Iterator[models.Invitation]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List a project's pending invitations

        Lists the invitations the project's owners have sent and the invitees have not yet accepted
        or declined, oldest first. Owners only: other members get `403 permission_denied`,
        non-members `404 not_found`. An invitation names its invitee by id only: their username
        and full name become visible to the project when they accept.

        `GET /projects/{project_id}/invitations` (operationId `project_invitations_list`)

        Args:
            project_id: ID of the project.
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Invitation

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_13,
            lambda: self.list(project_id, page_size=page_size, request_options=request_options),
            _RET_13,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    def create(
        self,
        project_id: int,
        body: models.InvitationCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Invitation:
        """Invite a user to a project

        Invites a user, by id, to join the project with the given role. Nothing about the invitee is
        revealed and nothing changes for them until they accept (`invitations_accept`).
        Owners only: other members get `403 permission_denied`, non-members `404 not_found`. A user
        who is already a member yields `409 already_member`, one already invited
        `409 already_invited`; a `user_id` that matches no user yields `422 user_not_found`.

        `POST /projects/{project_id}/invitations` (operationId `project_invitations_create`)

        Args:
            project_id: ID of the project.
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Invitation

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_14,
            _RET_14,
            path_params={"project_id": project_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def revoke(
        self,
        project_id: int,
        invitation_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Withdraw an invitation

        Withdraws a pending invitation. Owners only: other members get `403 permission_denied`;
        non-members of the project, and an invitation that is not pending in this project, get
        `404 not_found`.

        `DELETE /projects/{project_id}/invitations/{invitation_id}` (operationId `project_invitations_revoke`)

        Args:
            project_id: ID of the project.
            invitation_id: ID of the invitation.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_15,
            _RET_15,
            path_params={"project_id": project_id, "invitation_id": invitation_id},
            options=request_options,
        )


class ProjectsApiWithResponse:
    """`projects` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...), or `NotModified` for a 304."""

    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def list(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        search: str | None = None,
        ordering: Literal["name", "-name", "created_at", "-created_at", "updated_at", "-updated_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.ProjectList]:
        """`projects.list` with the response's status and headers.

        `GET /projects` (operationId `projects_list`)
        """
        return modified(
            self._core.respond(
                _OP_16,
                _RET_16,
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                    "search": search,
                    "ordering": ordering,
                },
                options=request_options,
            )
        )

    def create(
        self,
        body: models.ProjectCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Project]:
        """`projects.create` with the response's status and headers.

        `POST /projects` (operationId `projects_create`)
        """
        return modified(
            self._core.respond(
                _OP_17,
                _RET_17,
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def retrieve(
        self,
        project_id: int,
        *,
        if_none_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Project] | NotModified:
        """`projects.retrieve` with the response's status and headers; `NotModified` for a 304 (`if_none_match`).

        `GET /projects/{project_id}` (operationId `projects_retrieve`)
        """
        return self._core.respond(
            _OP_18,
            _RET_18,
            path_params={"project_id": project_id},
            headers={
                "If-None-Match": if_none_match,
            },
            options=request_options,
        )

    def replace(
        self,
        project_id: int,
        body: models.ProjectReplace | Mapping[str, Any],
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Project]:
        """`projects.replace` with the response's status and headers.

        `PUT /projects/{project_id}` (operationId `projects_replace`)
        """
        return modified(
            self._core.respond(
                _OP_19,
                _RET_19,
                path_params={"project_id": project_id},
                headers={
                    "If-Match": if_match,
                },
                body=body,
                options=request_options,
            )
        )

    def delete(
        self,
        project_id: int,
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`projects.delete` with the response's status and headers.

        `DELETE /projects/{project_id}` (operationId `projects_delete`)
        """
        return modified(
            self._core.respond(
                _OP_20,
                _RET_20,
                path_params={"project_id": project_id},
                headers={
                    "If-Match": if_match,
                },
                options=request_options,
            )
        )

    def update(
        self,
        project_id: int,
        body: models.ProjectUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Project]:
        """`projects.update` with the response's status and headers.

        `PATCH /projects/{project_id}` (operationId `projects_update`)
        """
        return modified(
            self._core.respond(
                _OP_21,
                _RET_21,
                path_params={"project_id": project_id},
                headers={
                    "If-Match": if_match,
                },
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )


class ProjectsApi:
    """Projects the caller is a member of. The creator becomes the project's first owner.

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...), or `NotModified` for a 304 to a conditional GET.
    """

    def __init__(self, core: SyncCore) -> None:
        self._core = core
        self.with_response = ProjectsApiWithResponse(core)

    def list(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        search: str | None = None,
        ordering: Literal["name", "-name", "created_at", "-created_at", "updated_at", "-updated_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.ProjectList:
        """List the caller's projects

        Lists the projects the caller is a member of, with the caller's `role` in each.
        `search` matches `name` and `description` (case-insensitive substring).

        `GET /projects` (operationId `projects_list`)

        Args:
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            search: Case-insensitive substring search; the searched fields are listed on each operation.
            ordering: Sort order; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.ProjectList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_16,
            _RET_16,
            query={
                "cursor": cursor,
                "page_size": page_size,
                "search": search,
                "ordering": ordering,
            },
            options=request_options,
        )

    def list_iter(
        self,
        *,
        page_size: int | None = None,
        search: str | None = None,
        ordering: Literal["name", "-name", "created_at", "-created_at", "updated_at", "-updated_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> Iterator[models.Project]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List the caller's projects

        Lists the projects the caller is a member of, with the caller's `role` in each.
        `search` matches `name` and `description` (case-insensitive substring).

        `GET /projects` (operationId `projects_list`)

        Args:
            page_size: Maximum number of items per page.
            search: Case-insensitive substring search; the searched fields are listed on each operation.
            ordering: Sort order; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Project

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_16,
            lambda: self.list(page_size=page_size, search=search, ordering=ordering, request_options=request_options),
            _RET_16,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    def create(
        self,
        body: models.ProjectCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Project:
        """Create a project

        Creates a project; the caller becomes its first `owner`.

        `POST /projects` (operationId `projects_create`)

        Args:
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Project

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_17,
            _RET_17,
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def retrieve(
        self,
        project_id: int,
        *,
        if_none_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Project:
        """Get a project

        Returns a project the caller is a member of. Non-members get `404 not_found`.

        `GET /projects/{project_id}` (operationId `projects_retrieve`)

        Args:
            project_id: ID of the project.
            if_none_match: Revalidates a cached copy: when the resource's current `ETag` is one of these entity tags (weak
                comparison), the answer is `304 Not Modified` with no body.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Project

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
            NotModifiedError: a 304 to `if_none_match`; `with_response.retrieve` returns it as
                `NotModified` instead.
        """
        return self._core.request(
            _OP_18,
            _RET_18,
            path_params={"project_id": project_id},
            headers={
                "If-None-Match": if_none_match,
            },
            options=request_options,
        )

    def replace(
        self,
        project_id: int,
        body: models.ProjectReplace | Mapping[str, Any],
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Project:
        """Replace a project

        Replaces the project's `name` and `description` (both required). Owners and maintainers
        only: viewers get `403 permission_denied`, non-members `404 not_found`.

        `PUT /projects/{project_id}` (operationId `projects_replace`)

        Args:
            project_id: ID of the project.
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            body: request body (application/json)
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Project

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_19,
            _RET_19,
            path_params={"project_id": project_id},
            headers={
                "If-Match": if_match,
            },
            body=body,
            options=request_options,
        )

    def delete(
        self,
        project_id: int,
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a project

        Deletes the project together with its memberships, tasks and comments. Owners only:
        maintainers and viewers get `403 permission_denied`, non-members `404 not_found`.

        `DELETE /projects/{project_id}` (operationId `projects_delete`)

        Args:
            project_id: ID of the project.
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_20,
            _RET_20,
            path_params={"project_id": project_id},
            headers={
                "If-Match": if_match,
            },
            options=request_options,
        )

    def update(
        self,
        project_id: int,
        body: models.ProjectUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Project:
        """Update a project

        Partially updates the project; omitted fields are left unchanged. Owners and maintainers
        only: viewers get `403 permission_denied`, non-members `404 not_found`.

        `PATCH /projects/{project_id}` (operationId `projects_update`)

        Args:
            project_id: ID of the project.
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Project

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_21,
            _RET_21,
            path_params={"project_id": project_id},
            headers={
                "If-Match": if_match,
            },
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )


class MembersApiWithResponse:
    """`members` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...)."""

    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        role: models.Role | None = None,
        ordering: Literal["joined_at", "-joined_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.MemberList]:
        """`members.list` with the response's status and headers.

        `GET /projects/{project_id}/members` (operationId `project_members_list`)
        """
        return modified(
            self._core.respond(
                _OP_22,
                _RET_22,
                path_params={"project_id": project_id},
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                    "role": role,
                    "ordering": ordering,
                },
                options=request_options,
            )
        )

    def add(
        self,
        project_id: int,
        body: models.MemberAdd | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Member]:
        """`members.add` with the response's status and headers.

        `POST /projects/{project_id}/members` (operationId `project_members_add`)
        """
        return modified(
            self._core.respond(
                _OP_23,
                _RET_23,
                path_params={"project_id": project_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def remove(
        self,
        project_id: int,
        user_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`members.remove` with the response's status and headers.

        `DELETE /projects/{project_id}/members/{user_id}` (operationId `project_members_remove`)
        """
        return modified(
            self._core.respond(
                _OP_24,
                _RET_24,
                path_params={"project_id": project_id, "user_id": user_id},
                options=request_options,
            )
        )

    def update(
        self,
        project_id: int,
        user_id: int,
        body: models.MemberUpdate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Member]:
        """`members.update` with the response's status and headers.

        `PATCH /projects/{project_id}/members/{user_id}` (operationId `project_members_update`)
        """
        return modified(
            self._core.respond(
                _OP_25,
                _RET_25,
                path_params={"project_id": project_id, "user_id": user_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )


class MembersApi:
    """Project membership and roles. `owner` manages members and everything else, `maintainer`
    edits the project, tasks and comments, `viewer` is read-only.

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...).
    """

    def __init__(self, core: SyncCore) -> None:
        self._core = core
        self.with_response = MembersApiWithResponse(core)

    def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        role: models.Role | None = None,
        ordering: Literal["joined_at", "-joined_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.MemberList:
        """List a project's members

        Lists the project's members and their roles. Any member may list; non-members get
        `404 not_found`.

        `GET /projects/{project_id}/members` (operationId `project_members_list`)

        Args:
            project_id: ID of the project.
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            role: Only members with this role.
            ordering: Sort order by join time; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.MemberList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_22,
            _RET_22,
            path_params={"project_id": project_id},
            query={
                "cursor": cursor,
                "page_size": page_size,
                "role": role,
                "ordering": ordering,
            },
            options=request_options,
        )

    def list_iter(
        self,
        project_id: int,
        *,
        page_size: int | None = None,
        role: models.Role | None = None,
        ordering: Literal["joined_at", "-joined_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> Iterator[models.Member]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List a project's members

        Lists the project's members and their roles. Any member may list; non-members get
        `404 not_found`.

        `GET /projects/{project_id}/members` (operationId `project_members_list`)

        Args:
            project_id: ID of the project.
            page_size: Maximum number of items per page.
            role: Only members with this role.
            ordering: Sort order by join time; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Member

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_22,
            lambda: self.list(project_id, page_size=page_size, role=role, ordering=ordering, request_options=request_options),
            _RET_22,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    def add(
        self,
        project_id: int,
        body: models.MemberAdd | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Member:
        """Add a member to a project

        Adds a user who already shares a project with the caller (someone the caller already works
        with, whose name they can already see) to the project with the given role. Anyone else must
        be invited (`project_invitations_create`) and accept: adding them directly yields
        `422 invitation_required`, which tells nothing about them. Owners only: other members get
        `403 permission_denied`, non-members `404 not_found`. A user who is already a member yields
        `409 already_member`; a `user_id` that matches no user yields `422 user_not_found`.

        `POST /projects/{project_id}/members` (operationId `project_members_add`)

        Args:
            project_id: ID of the project.
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Member

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_23,
            _RET_23,
            path_params={"project_id": project_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def remove(
        self,
        project_id: int,
        user_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Remove a member (or leave a project)

        Removes a member from the project. Owners may remove anyone; any member may remove
        themself (leave the project). Other members get `403 permission_denied`; non-members of the
        project, and a `user_id` that is not a member, get `404 not_found`. Removing the project's
        last owner yields `409 last_owner`.

        `DELETE /projects/{project_id}/members/{user_id}` (operationId `project_members_remove`)

        Args:
            project_id: ID of the project.
            user_id: ID of the user whose membership is addressed.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_24,
            _RET_24,
            path_params={"project_id": project_id, "user_id": user_id},
            options=request_options,
        )

    def update(
        self,
        project_id: int,
        user_id: int,
        body: models.MemberUpdate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Member:
        """Change a member's role

        Changes a member's role. Owners only: other members get `403 permission_denied`;
        non-members of the project, and a `user_id` that is not a member, get `404 not_found`.
        Demoting the project's last owner yields `409 last_owner`.

        `PATCH /projects/{project_id}/members/{user_id}` (operationId `project_members_update`)

        Args:
            project_id: ID of the project.
            user_id: ID of the user whose membership is addressed.
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Member

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_25,
            _RET_25,
            path_params={"project_id": project_id, "user_id": user_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )


class TasksApiWithResponse:
    """`tasks` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...), or `NotModified` for a 304."""

    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        status: models.TaskStatus | None = None,
        priority: models.TaskPriority | None = None,
        assignee_id: int | None = None,
        due_before: datetime.date | None = None,
        due_after: datetime.date | None = None,
        search: str | None = None,
        ordering: Literal["created_at", "-created_at", "updated_at", "-updated_at", "priority", "-priority", "title", "-title"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.TaskList]:
        """`tasks.list` with the response's status and headers.

        `GET /projects/{project_id}/tasks` (operationId `tasks_list`)
        """
        return modified(
            self._core.respond(
                _OP_26,
                _RET_26,
                path_params={"project_id": project_id},
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                    "status": status,
                    "priority": priority,
                    "assignee_id": assignee_id,
                    "due_before": due_before,
                    "due_after": due_after,
                    "search": search,
                    "ordering": ordering,
                },
                options=request_options,
            )
        )

    def create(
        self,
        project_id: int,
        body: models.TaskCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Task]:
        """`tasks.create` with the response's status and headers.

        `POST /projects/{project_id}/tasks` (operationId `tasks_create`)
        """
        return modified(
            self._core.respond(
                _OP_27,
                _RET_27,
                path_params={"project_id": project_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def retrieve(
        self,
        project_id: int,
        task_id: int,
        *,
        if_none_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Task] | NotModified:
        """`tasks.retrieve` with the response's status and headers; `NotModified` for a 304 (`if_none_match`).

        `GET /projects/{project_id}/tasks/{task_id}` (operationId `tasks_retrieve`)
        """
        return self._core.respond(
            _OP_28,
            _RET_28,
            path_params={"project_id": project_id, "task_id": task_id},
            headers={
                "If-None-Match": if_none_match,
            },
            options=request_options,
        )

    def delete(
        self,
        project_id: int,
        task_id: int,
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`tasks.delete` with the response's status and headers.

        `DELETE /projects/{project_id}/tasks/{task_id}` (operationId `tasks_delete`)
        """
        return modified(
            self._core.respond(
                _OP_29,
                _RET_29,
                path_params={"project_id": project_id, "task_id": task_id},
                headers={
                    "If-Match": if_match,
                },
                options=request_options,
            )
        )

    def update(
        self,
        project_id: int,
        task_id: int,
        body: models.TaskUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Task]:
        """`tasks.update` with the response's status and headers.

        `PATCH /projects/{project_id}/tasks/{task_id}` (operationId `tasks_update`)
        """
        return modified(
            self._core.respond(
                _OP_30,
                _RET_30,
                path_params={"project_id": project_id, "task_id": task_id},
                headers={
                    "If-Match": if_match,
                },
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )


class TasksApi:
    """Tasks within a project, with status, priority, assignee and due date.

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...), or `NotModified` for a 304 to a conditional GET.
    """

    def __init__(self, core: SyncCore) -> None:
        self._core = core
        self.with_response = TasksApiWithResponse(core)

    def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        status: models.TaskStatus | None = None,
        priority: models.TaskPriority | None = None,
        assignee_id: int | None = None,
        due_before: datetime.date | None = None,
        due_after: datetime.date | None = None,
        search: str | None = None,
        ordering: Literal["created_at", "-created_at", "updated_at", "-updated_at", "priority", "-priority", "title", "-title"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.TaskList:
        """List a project's tasks

        Lists the project's tasks, optionally filtered. Any member may list; non-members get
        `404 not_found`. All filters combine with AND. `search` matches `title` and `description`
        (case-insensitive substring). Ordering by `priority` uses the rank
        `low` < `normal` < `high` < `urgent`.

        `GET /projects/{project_id}/tasks` (operationId `tasks_list`)

        Args:
            project_id: ID of the project.
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            status: Only tasks with this status.
            priority: Only tasks with this priority.
            assignee_id: Only tasks assigned to this user.
            due_before: Only tasks due on or before this date (inclusive). Tasks without a due date never match.
            due_after: Only tasks due on or after this date (inclusive). Tasks without a due date never match.
            search: Case-insensitive substring search; the searched fields are listed on each operation.
            ordering: Sort order; a leading `-` means descending. `priority` sorts by rank
                (`low` < `normal` < `high` < `urgent`). Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.TaskList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_26,
            _RET_26,
            path_params={"project_id": project_id},
            query={
                "cursor": cursor,
                "page_size": page_size,
                "status": status,
                "priority": priority,
                "assignee_id": assignee_id,
                "due_before": due_before,
                "due_after": due_after,
                "search": search,
                "ordering": ordering,
            },
            options=request_options,
        )

    def list_iter(
        self,
        project_id: int,
        *,
        page_size: int | None = None,
        status: models.TaskStatus | None = None,
        priority: models.TaskPriority | None = None,
        assignee_id: int | None = None,
        due_before: datetime.date | None = None,
        due_after: datetime.date | None = None,
        search: str | None = None,
        ordering: Literal["created_at", "-created_at", "updated_at", "-updated_at", "priority", "-priority", "title", "-title"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> Iterator[models.Task]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List a project's tasks

        Lists the project's tasks, optionally filtered. Any member may list; non-members get
        `404 not_found`. All filters combine with AND. `search` matches `title` and `description`
        (case-insensitive substring). Ordering by `priority` uses the rank
        `low` < `normal` < `high` < `urgent`.

        `GET /projects/{project_id}/tasks` (operationId `tasks_list`)

        Args:
            project_id: ID of the project.
            page_size: Maximum number of items per page.
            status: Only tasks with this status.
            priority: Only tasks with this priority.
            assignee_id: Only tasks assigned to this user.
            due_before: Only tasks due on or before this date (inclusive). Tasks without a due date never match.
            due_after: Only tasks due on or after this date (inclusive). Tasks without a due date never match.
            search: Case-insensitive substring search; the searched fields are listed on each operation.
            ordering: Sort order; a leading `-` means descending. `priority` sorts by rank
                (`low` < `normal` < `high` < `urgent`). Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Task

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_26,
            lambda: self.list(project_id, page_size=page_size, status=status, priority=priority, assignee_id=assignee_id, due_before=due_before, due_after=due_after, search=search, ordering=ordering, request_options=request_options),
            _RET_26,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    def create(
        self,
        project_id: int,
        body: models.TaskCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Task:
        """Create a task

        Creates a task in the project; the caller is recorded as `created_by_id`. Owners and
        maintainers only: viewers get `403 permission_denied`, non-members `404 not_found`. An
        `assignee_id` that is not a member of the project yields `422 assignee_not_member`.

        `POST /projects/{project_id}/tasks` (operationId `tasks_create`)

        Args:
            project_id: ID of the project.
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Task

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_27,
            _RET_27,
            path_params={"project_id": project_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def retrieve(
        self,
        project_id: int,
        task_id: int,
        *,
        if_none_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Task:
        """Get a task

        Returns a task of the project. Any member may read; non-members, and tasks that do not
        belong to the project, get `404 not_found`.

        `GET /projects/{project_id}/tasks/{task_id}` (operationId `tasks_retrieve`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            if_none_match: Revalidates a cached copy: when the resource's current `ETag` is one of these entity tags (weak
                comparison), the answer is `304 Not Modified` with no body.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Task

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
            NotModifiedError: a 304 to `if_none_match`; `with_response.retrieve` returns it as
                `NotModified` instead.
        """
        return self._core.request(
            _OP_28,
            _RET_28,
            path_params={"project_id": project_id, "task_id": task_id},
            headers={
                "If-None-Match": if_none_match,
            },
            options=request_options,
        )

    def delete(
        self,
        project_id: int,
        task_id: int,
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a task

        Deletes a task and its comments. Owners and maintainers only: viewers get
        `403 permission_denied`, non-members `404 not_found`.

        `DELETE /projects/{project_id}/tasks/{task_id}` (operationId `tasks_delete`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_29,
            _RET_29,
            path_params={"project_id": project_id, "task_id": task_id},
            headers={
                "If-Match": if_match,
            },
            options=request_options,
        )

    def update(
        self,
        project_id: int,
        task_id: int,
        body: models.TaskUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Task:
        """Update a task

        Partially updates a task; omitted fields are left unchanged and `null` clears
        `assignee_id` / `due_date`. Owners and maintainers only: viewers get
        `403 permission_denied`, non-members `404 not_found`. An `assignee_id` that is not a
        member of the project yields `422 assignee_not_member`.

        `PATCH /projects/{project_id}/tasks/{task_id}` (operationId `tasks_update`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Task

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_30,
            _RET_30,
            path_params={"project_id": project_id, "task_id": task_id},
            headers={
                "If-Match": if_match,
            },
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )


class CommentsApiWithResponse:
    """`comments` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...)."""

    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def list(
        self,
        project_id: int,
        task_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        ordering: Literal["created_at", "-created_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.CommentList]:
        """`comments.list` with the response's status and headers.

        `GET /projects/{project_id}/tasks/{task_id}/comments` (operationId `comments_list`)
        """
        return modified(
            self._core.respond(
                _OP_31,
                _RET_31,
                path_params={"project_id": project_id, "task_id": task_id},
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                    "ordering": ordering,
                },
                options=request_options,
            )
        )

    def create(
        self,
        project_id: int,
        task_id: int,
        body: models.CommentCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Comment]:
        """`comments.create` with the response's status and headers.

        `POST /projects/{project_id}/tasks/{task_id}/comments` (operationId `comments_create`)
        """
        return modified(
            self._core.respond(
                _OP_32,
                _RET_32,
                path_params={"project_id": project_id, "task_id": task_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def delete(
        self,
        project_id: int,
        task_id: int,
        comment_id: int,
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`comments.delete` with the response's status and headers.

        `DELETE /projects/{project_id}/tasks/{task_id}/comments/{comment_id}` (operationId `comments_delete`)
        """
        return modified(
            self._core.respond(
                _OP_33,
                _RET_33,
                path_params={"project_id": project_id, "task_id": task_id, "comment_id": comment_id},
                headers={
                    "If-Match": if_match,
                },
                options=request_options,
            )
        )

    def update(
        self,
        project_id: int,
        task_id: int,
        comment_id: int,
        body: models.CommentUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Comment]:
        """`comments.update` with the response's status and headers.

        `PATCH /projects/{project_id}/tasks/{task_id}/comments/{comment_id}` (operationId `comments_update`)
        """
        return modified(
            self._core.respond(
                _OP_34,
                _RET_34,
                path_params={"project_id": project_id, "task_id": task_id, "comment_id": comment_id},
                headers={
                    "If-Match": if_match,
                },
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )


class CommentsApi:
    """Discussion comments on a task. Only a comment's author may edit or delete it.

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...).
    """

    def __init__(self, core: SyncCore) -> None:
        self._core = core
        self.with_response = CommentsApiWithResponse(core)

    def list(
        self,
        project_id: int,
        task_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        ordering: Literal["created_at", "-created_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.CommentList:
        """List a task's comments

        Lists the comments on a task, oldest first by default. Any member may list; non-members,
        and tasks that do not belong to the project, get `404 not_found`.

        `GET /projects/{project_id}/tasks/{task_id}/comments` (operationId `comments_list`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            ordering: Sort order by creation time; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.CommentList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_31,
            _RET_31,
            path_params={"project_id": project_id, "task_id": task_id},
            query={
                "cursor": cursor,
                "page_size": page_size,
                "ordering": ordering,
            },
            options=request_options,
        )

    def list_iter(
        self,
        project_id: int,
        task_id: int,
        *,
        page_size: int | None = None,
        ordering: Literal["created_at", "-created_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> Iterator[models.Comment]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List a task's comments

        Lists the comments on a task, oldest first by default. Any member may list; non-members,
        and tasks that do not belong to the project, get `404 not_found`.

        `GET /projects/{project_id}/tasks/{task_id}/comments` (operationId `comments_list`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            page_size: Maximum number of items per page.
            ordering: Sort order by creation time; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Comment

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_31,
            lambda: self.list(project_id, task_id, page_size=page_size, ordering=ordering, request_options=request_options),
            _RET_31,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    def create(
        self,
        project_id: int,
        task_id: int,
        body: models.CommentCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Comment:
        """Comment on a task

        Adds a comment to the task; the caller is its author. Owners and maintainers only (viewers
        are read-only and get `403 permission_denied`); non-members get `404 not_found`.

        `POST /projects/{project_id}/tasks/{task_id}/comments` (operationId `comments_create`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Comment

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_32,
            _RET_32,
            path_params={"project_id": project_id, "task_id": task_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def delete(
        self,
        project_id: int,
        task_id: int,
        comment_id: int,
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a comment

        Deletes a comment. Only its author may delete it: other members get
        `403 permission_denied`; non-members, and comments that do not belong to the task, get
        `404 not_found`.

        `DELETE /projects/{project_id}/tasks/{task_id}/comments/{comment_id}` (operationId `comments_delete`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            comment_id: ID of the comment (on the task).
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_33,
            _RET_33,
            path_params={"project_id": project_id, "task_id": task_id, "comment_id": comment_id},
            headers={
                "If-Match": if_match,
            },
            options=request_options,
        )

    def update(
        self,
        project_id: int,
        task_id: int,
        comment_id: int,
        body: models.CommentUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Comment:
        """Edit a comment

        Replaces the text of a comment. Only its author may edit it: other members get
        `403 permission_denied`; non-members, and comments that do not belong to the task, get
        `404 not_found`.

        `PATCH /projects/{project_id}/tasks/{task_id}/comments/{comment_id}` (operationId `comments_update`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            comment_id: ID of the comment (on the task).
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Comment

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_34,
            _RET_34,
            path_params={"project_id": project_id, "task_id": task_id, "comment_id": comment_id},
            headers={
                "If-Match": if_match,
            },
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )


class WebhooksApiWithResponse:
    """`webhooks` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...)."""

    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.WebhookList]:
        """`webhooks.list` with the response's status and headers.

        `GET /projects/{project_id}/webhooks` (operationId `webhooks_list`)
        """
        return modified(
            self._core.respond(
                _OP_35,
                _RET_35,
                path_params={"project_id": project_id},
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                },
                options=request_options,
            )
        )

    def create(
        self,
        project_id: int,
        body: models.WebhookCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.WebhookWithSecret]:
        """`webhooks.create` with the response's status and headers.

        `POST /projects/{project_id}/webhooks` (operationId `webhooks_create`)
        """
        return modified(
            self._core.respond(
                _OP_36,
                _RET_36,
                path_params={"project_id": project_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def retrieve(
        self,
        project_id: int,
        webhook_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Webhook]:
        """`webhooks.retrieve` with the response's status and headers.

        `GET /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_retrieve`)
        """
        return modified(
            self._core.respond(
                _OP_37,
                _RET_37,
                path_params={"project_id": project_id, "webhook_id": webhook_id},
                options=request_options,
            )
        )

    def delete(
        self,
        project_id: int,
        webhook_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`webhooks.delete` with the response's status and headers.

        `DELETE /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_delete`)
        """
        return modified(
            self._core.respond(
                _OP_38,
                _RET_38,
                path_params={"project_id": project_id, "webhook_id": webhook_id},
                options=request_options,
            )
        )

    def update(
        self,
        project_id: int,
        webhook_id: int,
        body: models.WebhookUpdate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Webhook]:
        """`webhooks.update` with the response's status and headers.

        `PATCH /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_update`)
        """
        return modified(
            self._core.respond(
                _OP_39,
                _RET_39,
                path_params={"project_id": project_id, "webhook_id": webhook_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def ping(
        self,
        project_id: int,
        webhook_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.WebhookDelivery]:
        """`webhooks.ping` with the response's status and headers.

        `POST /projects/{project_id}/webhooks/{webhook_id}/ping` (operationId `webhooks_ping`)
        """
        return modified(
            self._core.respond(
                _OP_40,
                _RET_40,
                path_params={"project_id": project_id, "webhook_id": webhook_id},
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    def deliveries_list(
        self,
        project_id: int,
        webhook_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        status: models.WebhookDeliveryStatus | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.WebhookDeliveryList]:
        """`webhooks.deliveries_list` with the response's status and headers.

        `GET /projects/{project_id}/webhooks/{webhook_id}/deliveries` (operationId `webhook_deliveries_list`)
        """
        return modified(
            self._core.respond(
                _OP_41,
                _RET_41,
                path_params={"project_id": project_id, "webhook_id": webhook_id},
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                    "status": status,
                },
                options=request_options,
            )
        )

    def deliveries_redeliver(
        self,
        project_id: int,
        webhook_id: int,
        delivery_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.WebhookDelivery]:
        """`webhooks.deliveries_redeliver` with the response's status and headers.

        `POST /projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver` (operationId `webhook_deliveries_redeliver`)
        """
        return modified(
            self._core.respond(
                _OP_42,
                _RET_42,
                path_params={"project_id": project_id, "webhook_id": webhook_id, "delivery_id": delivery_id},
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )


class WebhooksApi:
    """Outgoing webhooks: owners subscribe URLs to a project's events; deliveries are signed, retried
    and listed. Payloads are declared in the top-level `webhooks` section (tag `webhook-events`).

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...).
    """

    def __init__(self, core: SyncCore) -> None:
        self._core = core
        self.with_response = WebhooksApiWithResponse(core)

    def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.WebhookList:
        """List a project's webhook subscriptions

        Lists the project's webhook subscriptions, oldest first. Owners only: other members get
        `403 permission_denied`, non-members `404 not_found`. The signing secret is never listed.

        `GET /projects/{project_id}/webhooks` (operationId `webhooks_list`)

        Args:
            project_id: ID of the project.
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.WebhookList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_35,
            _RET_35,
            path_params={"project_id": project_id},
            query={
                "cursor": cursor,
                "page_size": page_size,
            },
            options=request_options,
        )

    def list_iter(
        self,
        project_id: int,
        *,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Iterator[models.Webhook]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List a project's webhook subscriptions

        Lists the project's webhook subscriptions, oldest first. Owners only: other members get
        `403 permission_denied`, non-members `404 not_found`. The signing secret is never listed.

        `GET /projects/{project_id}/webhooks` (operationId `webhooks_list`)

        Args:
            project_id: ID of the project.
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Webhook

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_35,
            lambda: self.list(project_id, page_size=page_size, request_options=request_options),
            _RET_35,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    def create(
        self,
        project_id: int,
        body: models.WebhookCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.WebhookWithSecret:
        """Subscribe a URL to a project's events

        Creates a webhook subscription. Owners only: other members get `403 permission_denied`,
        non-members `404 not_found`. The server generates the signing `secret` and shows it only in
        this response; deliveries are signed with it (see the `webhooks` section of this document).

        The target must be `https` (plain `http` only where the server allows it, in development:
        `422 webhook_url_insecure`) and must not reach a private, loopback, link-local, multicast
        or reserved address, directly or through what its host name resolves to
        (`422 webhook_url_not_allowed`; a host name that does not resolve is
        `422 webhook_url_unresolvable`), unless the server's settings explicitly allow that host.

        `POST /projects/{project_id}/webhooks` (operationId `webhooks_create`)

        Args:
            project_id: ID of the project.
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.WebhookWithSecret

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_36,
            _RET_36,
            path_params={"project_id": project_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def retrieve(
        self,
        project_id: int,
        webhook_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> models.Webhook:
        """Get a webhook subscription

        One subscription, with `disabled_reason` when the server turned it off after repeated
        failed deliveries. Owners only (`403 permission_denied`); non-members, and a webhook of
        another project, get `404 not_found`.

        `GET /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_retrieve`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Webhook

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_37,
            _RET_37,
            path_params={"project_id": project_id, "webhook_id": webhook_id},
            options=request_options,
        )

    def delete(
        self,
        project_id: int,
        webhook_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a webhook subscription

        Deletes the subscription and its delivery history; nothing more is sent to it. Owners only
        (`403 permission_denied`); non-members get `404 not_found`.

        `DELETE /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_delete`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_38,
            _RET_38,
            path_params={"project_id": project_id, "webhook_id": webhook_id},
            options=request_options,
        )

    def update(
        self,
        project_id: int,
        webhook_id: int,
        body: models.WebhookUpdate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Webhook:
        """Change a webhook subscription

        Changes the URL, the events or the `active` flag (the URL is checked as on create).
        Re-activating a disabled subscription clears `disabled_reason` and its failure count.
        Owners only (`403 permission_denied`); non-members get `404 not_found`.

        `PATCH /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_update`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Webhook

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_39,
            _RET_39,
            path_params={"project_id": project_id, "webhook_id": webhook_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def ping(
        self,
        project_id: int,
        webhook_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.WebhookDelivery:
        """Send a test event to a webhook

        Queues a `ping` event for this subscription only (even when it is inactive), and answers
        with its delivery, whose progress `webhook_deliveries_list` shows. Owners only
        (`403 permission_denied`); non-members get `404 not_found`.

        `POST /projects/{project_id}/webhooks/{webhook_id}/ping` (operationId `webhooks_ping`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.WebhookDelivery

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_40,
            _RET_40,
            path_params={"project_id": project_id, "webhook_id": webhook_id},
            idempotency_key=idempotency_key,
            options=request_options,
        )

    def deliveries_list(
        self,
        project_id: int,
        webhook_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        status: models.WebhookDeliveryStatus | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.WebhookDeliveryList:
        """List a webhook's deliveries

        The events sent (or being sent) to this subscription, newest first, each with its
        attempts: when, the response status (`null` when no response came), the latency and the
        error. Owners only (`403 permission_denied`); non-members get `404 not_found`.

        `GET /projects/{project_id}/webhooks/{webhook_id}/deliveries` (operationId `webhook_deliveries_list`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            status: Only deliveries in this state.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.WebhookDeliveryList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_41,
            _RET_41,
            path_params={"project_id": project_id, "webhook_id": webhook_id},
            query={
                "cursor": cursor,
                "page_size": page_size,
                "status": status,
            },
            options=request_options,
        )

    def deliveries_list_iter(
        self,
        project_id: int,
        webhook_id: int,
        *,
        page_size: int | None = None,
        status: models.WebhookDeliveryStatus | None = None,
        request_options: RequestOptions | None = None,
    ) -> Iterator[models.WebhookDelivery]:
        """Iterate over every item of every page of `deliveries_list`, following the `next` links.

        List a webhook's deliveries

        The events sent (or being sent) to this subscription, newest first, each with its
        attempts: when, the response status (`null` when no response came), the latency and the
        error. Owners only (`403 permission_denied`); non-members get `404 not_found`.

        `GET /projects/{project_id}/webhooks/{webhook_id}/deliveries` (operationId `webhook_deliveries_list`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            page_size: Maximum number of items per page.
            status: Only deliveries in this state.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.WebhookDelivery

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_41,
            lambda: self.deliveries_list(project_id, webhook_id, page_size=page_size, status=status, request_options=request_options),
            _RET_41,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    def deliveries_redeliver(
        self,
        project_id: int,
        webhook_id: int,
        delivery_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.WebhookDelivery:
        """Send a delivery again

        Queues the same event (same `Webhook-Id`, so receivers can de-duplicate it) for delivery
        again, as a new delivery with fresh attempts. Owners only (`403 permission_denied`);
        non-members, and a delivery of another webhook, get `404 not_found`.

        `POST /projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver` (operationId `webhook_deliveries_redeliver`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            delivery_id: ID of the delivery (of the webhook).
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.WebhookDelivery

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_42,
            _RET_42,
            path_params={"project_id": project_id, "webhook_id": webhook_id, "delivery_id": delivery_id},
            idempotency_key=idempotency_key,
            options=request_options,
        )


class HealthApiWithResponse:
    """`health` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...)."""

    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def live(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Liveness]:
        """`health.live` with the response's status and headers.

        `GET /health/live` (operationId `health_live`)
        """
        return modified(
            self._core.respond(
                _OP_43,
                _RET_43,
                options=request_options,
            )
        )

    def ready(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Readiness]:
        """`health.ready` with the response's status and headers.

        `GET /health/ready` (operationId `health_ready`)
        """
        return modified(
            self._core.respond(
                _OP_44,
                _RET_44,
                options=request_options,
            )
        )


class HealthApi:
    """Liveness and readiness probes (also answered at the root, `/health/live` and `/health/ready`).

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...).
    """

    def __init__(self, core: SyncCore) -> None:
        self._core = core
        self.with_response = HealthApiWithResponse(core)

    def live(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> models.Liveness:
        """Liveness probe

        `200` while the process is up and serving requests. Checks no dependency, so that an outage of
        the database or the cache does not get healthy processes restarted. Public and not throttled.

        `GET /health/live` (operationId `health_live`)

        Returns:
            models.Liveness

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_43,
            _RET_43,
            options=request_options,
        )

    def ready(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> models.Readiness:
        """Readiness probe

        `200` when the database and the cache both answer; `503 dependency_unavailable` otherwise, with
        `checks` naming the dependency that failed. Public and not throttled.

        `GET /health/ready` (operationId `health_ready`)

        Returns:
            models.Readiness

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.request(
            _OP_44,
            _RET_44,
            options=request_options,
        )


class ProjectManagementClient(SyncCore):
    """Project-management API 1.0.0 (sync).

    Projects, members, tasks and comments for small teams.

    Contract-first project-management API. This document is the source of truth: the Django server
    validates requests and responses against it, client code is generated from it and Schemathesis
    contract tests are driven by it.

    All paths are relative to the server prefix `/api/v1`. IDs are positive 64-bit integers,
    timestamps are RFC 3339 `date-time` values in UTC (`2026-11-23T09:30:00Z`) and dates are
    `date` values (`2026-12-01`).

    ## Authentication

    Every operation requires credentials except `users_register`, `auth_token_obtain` and
    `auth_token_refresh`. Two schemes are accepted; either one is sufficient:

    * **bearerAuth**: `Authorization: Bearer <access>` with a JWT access token obtained from
      `POST /auth/token` and renewed with `POST /auth/token/refresh`.
    * **apiKeyAuth**: `X-API-Key: pm_<prefix>_<random>` with a key created at `POST /api-keys`.
      The secret is returned once, at creation; keys can be revoked at any time.

    Missing credentials yield `401 not_authenticated`; invalid, expired or revoked credentials yield
    `401 authentication_failed`. Every 401 response carries a `WWW-Authenticate` header.

    ## Errors

    Errors are returned as `application/problem+json` ([RFC 9457](https://www.rfc-editor.org/rfc/rfc9457))
    using the `Problem` schema. `code` is the stable, machine-readable identifier; `type` is
    `https://contractfirst.dev/problems/<code with dashes>` (e.g. `validation_error` ->
    `https://contractfirst.dev/problems/validation-error`). For `400 validation_error` the `errors`
    array lists every problem found, each pointing at the offending body member (`pointer`, a JSON
    Pointer) or parameter (`field`).

    | Status | Codes |
    |--------|-------|
    | 400 | `validation_error`, `invalid_cursor`, `malformed_json`; `invalid_host` (a `Host` this server does not serve) |
    | 401 | `not_authenticated`, `authentication_failed`, `invalid_credentials`, `token_not_valid` |
    | 403 | `permission_denied` |
    | 404 | `not_found` |
    | 405 | `method_not_allowed` (with an `Allow` header) |
    | 406 | `not_acceptable` (`Accept` allows none of the media types the operation declares) |
    | 409 | `username_taken`, `already_member`, `already_invited`, `last_owner`, `idempotency_key_in_use` |
    | 412 | `precondition_failed` |
    | 413 | `payload_too_large` |
    | 415 | `unsupported_media_type` |
    | 422 | `assignee_not_member`, `user_not_found`, `invitation_required`, `expires_in_past`, `weak_password`, `idempotency_key_reused` |
    | 429 | `throttled` (with a `Retry-After` header, in seconds) |
    | 500 | `internal_error` |
    | 503 | `service_unavailable` (the database or the cache unreachable), `dependency_unavailable` (readiness) |

    Every error answer is `Cache-Control: no-store`. Any media type an operation declares in any of its
    responses may be named in `Accept`; a success without a body (`204`) ignores `Accept`.

    Project-scoped resources are invisible to non-members: they receive `404 not_found`, never `403`.
    Members whose role does not allow an action receive `403 permission_denied`.

    ## Idempotent creates

    The create operations (`projects_create`, `tasks_create`, `comments_create`, `project_members_add`,
    `api_keys_create`) accept an `Idempotency-Key` header. A request retried with the same key and the
    same body is not run again: it gets the first response (status, headers, body) with
    `Idempotent-Replayed: true`. Keys belong to the caller and expire after 24 hours. The same key with a
    different request yields `422 idempotency_key_reused`; a retry that arrives while the first request is
    still running yields `409 idempotency_key_in_use` with `Retry-After`. Only successful responses are
    stored: after an error the same key may be retried. Registration and the token endpoints take no key:
    they have no caller to scope it to, and a token response is a credential that is never stored.

    ## Conditional requests and caching

    Single resources (`projects_retrieve`, `tasks_retrieve`, `users_me_retrieve`, and the responses of
    creates and edits of projects, tasks, comments and the caller's account) carry an `ETag`. Send it in
    `If-None-Match` to get `304 Not Modified` when nothing changed, and in `If-Match` on `PUT`, `PATCH`
    and `DELETE` to apply the change only if nobody else changed the resource since you read it
    (otherwise `412 precondition_failed`). `If-Match` is optional; without it the write is unconditional.
    Responses for an authenticated caller are `Cache-Control: private, no-cache` with
    `Vary: Authorization, X-API-Key`; token and API-key-secret responses are `Cache-Control: no-store`.

    ## Pagination

    List operations use cursor pagination. They accept `cursor` (opaque) and `page_size`
    (1..100, default 20) and return `{items, next, previous}`; `next` and `previous` are absolute
    URLs of the adjacent pages, or `null` at either end. Follow them as-is; do not build cursors.
    Lists with an `ordering` parameter sort by the chosen field (a leading `-` means descending),
    ties broken by `id`. Unknown or invalid query values are rejected with `400`.

    ## Strings

    No string in a request (body member or parameter) may contain the NUL character (U+0000): the
    database cannot store it, so such requests are rejected with `400 validation_error` (`pattern`).

    ## Rate limiting

    Requests are throttled per user (or per client IP for anonymous requests); registration and
    token endpoints have stricter limits. Throttled requests get `429 throttled` with `Retry-After`.
    Successful and throttled responses carry the `RateLimit-Limit`, `RateLimit-Remaining` and
    `RateLimit-Reset` headers (draft-ietf-httpapi-ratelimit-headers) of the tightest limit that
    applies: the quota, what is left of it, and the seconds until it resets.
    Failed authentication has budgets of its own: bad API keys and tokens per client address, wrong
    passwords per account (from any address). Past a budget the answer is `429 throttled`, even for
    credentials that would now be right, until `Retry-After` has passed.

    ## Request ids

    Every response carries `X-Request-ID`. A client may send its own `X-Request-ID` (1 to 128 of
    `A-Z a-z 0-9 . _ : @ / + = -`) to correlate its logs with the server's; it is echoed back. Any other
    value is ignored and a fresh id is returned: the header is diagnostic and never fails a request.

    ## Health

    `GET /health/live` and `GET /health/ready` (under `/api/v1`, like every operation) are public and not
    throttled. For load balancers and orchestrators the server answers the same two operations at the
    root too (`/health/live`, `/health/ready`). Readiness checks the database and the cache and
    answers `503 dependency_unavailable`, naming the failing dependency in `checks`, when one is down.

    Args:
        base_url: where the API is served, e.g. `https://api.example.com`; the contract's server path
            `/api/v1` is appended when `base_url` has no path of its own.
        token: bearer token (or a callable returning the current one) for bearerAuth.
        refresh_token: with it, a 401 to a bearer-authenticated call refreshes the access token once
            (`auth_token_refresh`; one refresh shared by concurrent calls) and replays the call.
        on_token_refresh: called with `(access, rotated refresh or None)` after each refresh (store them).
        api_key: API key for `apiKeyAuth`, sent in the header `X-API-Key`.
        timeout: seconds (or an `httpx.Timeout`) for every request; `request_options` overrides per call.
        retry: retry policy; by default 3 retries of idempotent (or idempotency-keyed) requests on 429/503,
            and of idempotency-keyed ones on a 409 `idempotency_key_in_use`.
        headers: extra headers sent with every request.
        http_client: an `httpx.Client` to use (proxies, transports); it is not closed for you.
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str | Callable[[], str] | None = None,
        refresh_token: str | None = None,
        on_token_refresh: Callable[[str, str | None], None] | None = None,
        api_key: str | None = None,
        timeout: float | httpx.Timeout | None = 30.0,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            base_url,
            server_path=_SERVER_PATH,
            timeout=timeout,
            retry=retry,
            headers=headers,
            user_agent=_USER_AGENT,
            http_client=http_client,
        )
        self._register_schemes(
            bearer=("bearerAuth",),
            basic=(),
            api_keys={
                "apiKeyAuth": ApiKeyAuth("X-API-Key", "header", api_key),
            },
        )
        if token is not None:
            self.set_token(token)
        self.auth = AuthApi(self)
        self.users = UsersApi(self)
        self.invitations = InvitationsApi(self)
        self.projects = ProjectsApi(self)
        self.members = MembersApi(self)
        self.tasks = TasksApi(self)
        self.comments = CommentsApi(self)
        self.webhooks = WebhooksApi(self)
        self.health = HealthApi(self)
        self._set_refresher(self._refresh_tokens)
        self.set_refresh_token(refresh_token, on_token_refresh)

    def _refresh_tokens(self, refresh_token: str) -> tuple[str, str | None]:
        """Trade the refresh token for `(access, rotated refresh or None)`: `auth_token_refresh`."""
        tokens = self.auth.token_refresh({"refresh": refresh_token})
        return tokens_of(tokens, "access", None)


class AsyncAuthApiWithResponse:
    """`auth` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...) (async)."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    async def token_obtain(
        self,
        body: models.TokenObtainRequest | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.TokenPair]:
        """`auth.token_obtain` with the response's status and headers.

        `POST /auth/token` (operationId `auth_token_obtain`)
        """
        return modified(
            await self._core.respond(
                _OP_1,
                _RET_1,
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def token_refresh(
        self,
        body: models.TokenRefreshRequest | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.AccessToken]:
        """`auth.token_refresh` with the response's status and headers.

        `POST /auth/token/refresh` (operationId `auth_token_refresh`)
        """
        return modified(
            await self._core.respond(
                _OP_2,
                _RET_2,
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def api_keys_list(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.ApiKeyList]:
        """`auth.api_keys_list` with the response's status and headers.

        `GET /api-keys` (operationId `api_keys_list`)
        """
        return modified(
            await self._core.respond(
                _OP_3,
                _RET_3,
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                },
                options=request_options,
            )
        )

    async def api_keys_create(
        self,
        body: models.ApiKeyCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.ApiKeyWithSecret]:
        """`auth.api_keys_create` with the response's status and headers.

        `POST /api-keys` (operationId `api_keys_create`)
        """
        return modified(
            await self._core.respond(
                _OP_4,
                _RET_4,
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def api_keys_revoke(
        self,
        api_key_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`auth.api_keys_revoke` with the response's status and headers.

        `DELETE /api-keys/{api_key_id}` (operationId `api_keys_revoke`)
        """
        return modified(
            await self._core.respond(
                _OP_5,
                _RET_5,
                path_params={"api_key_id": api_key_id},
                options=request_options,
            )
        )


class AsyncAuthApi:
    """JWT token issuance and refresh, and management of the caller's API keys. (async)

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...).
    """

    def __init__(self, core: AsyncCore) -> None:
        self._core = core
        self.with_response = AsyncAuthApiWithResponse(core)

    async def token_obtain(
        self,
        body: models.TokenObtainRequest | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.TokenPair:
        """Obtain a JWT token pair

        Exchanges a username and password for a short-lived access token and a longer-lived refresh
        token. Public; throttled under the `auth` scope. Wrong credentials (or an inactive account)
        yield `401 invalid_credentials`.

        `POST /auth/token` (operationId `auth_token_obtain`)

        Args:
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.TokenPair

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_1,
            _RET_1,
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def token_refresh(
        self,
        body: models.TokenRefreshRequest | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.AccessToken:
        """Refresh an access token

        Exchanges a valid refresh token for a new access token. Public. A malformed, expired or
        blacklisted refresh token yields `401 token_not_valid`.

        `POST /auth/token/refresh` (operationId `auth_token_refresh`)

        Args:
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.AccessToken

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_2,
            _RET_2,
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def api_keys_list(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.ApiKeyList:
        """List the caller's API keys

        Lists the caller's active (not revoked) API keys, newest first (ordering is fixed to
        `-created_at`). Secrets are never returned here, only each key's `prefix`.

        `GET /api-keys` (operationId `api_keys_list`)

        Args:
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.ApiKeyList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_3,
            _RET_3,
            query={
                "cursor": cursor,
                "page_size": page_size,
            },
            options=request_options,
        )

    def api_keys_list_iter(
        self,
        *,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> AsyncIterator[models.ApiKey]:
        """Iterate over every item of every page of `api_keys_list`, following the `next` links.

        List the caller's API keys

        Lists the caller's active (not revoked) API keys, newest first (ordering is fixed to
        `-created_at`). Secrets are never returned here, only each key's `prefix`.

        `GET /api-keys` (operationId `api_keys_list`)

        Args:
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.ApiKey

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_3,
            lambda: self.api_keys_list(page_size=page_size, request_options=request_options),
            _RET_3,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    async def api_keys_create(
        self,
        body: models.ApiKeyCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.ApiKeyWithSecret:
        """Create an API key

        Creates an API key for the caller. The response is the only time the full `secret` is
        shown; store it safely. An `expires_at` that is not in the future yields
        `422 expires_in_past`; omit it (or send `null`) for a key that never expires.

        `POST /api-keys` (operationId `api_keys_create`)

        Args:
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.ApiKeyWithSecret

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_4,
            _RET_4,
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def api_keys_revoke(
        self,
        api_key_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Revoke an API key

        Revokes one of the caller's API keys; it stops authenticating immediately. Keys that belong
        to someone else, do not exist or are already revoked yield `404 not_found`.

        `DELETE /api-keys/{api_key_id}` (operationId `api_keys_revoke`)

        Args:
            api_key_id: ID of the API key.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_5,
            _RET_5,
            path_params={"api_key_id": api_key_id},
            options=request_options,
        )


class AsyncUsersApiWithResponse:
    """`users` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...), or `NotModified` for a 304 (async)."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    async def list(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        search: str | None = None,
        ordering: Literal["username", "-username", "date_joined", "-date_joined"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.UserList]:
        """`users.list` with the response's status and headers.

        `GET /users` (operationId `users_list`)
        """
        return modified(
            await self._core.respond(
                _OP_6,
                _RET_6,
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                    "search": search,
                    "ordering": ordering,
                },
                options=request_options,
            )
        )

    async def register(
        self,
        body: models.UserRegistration | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.User]:
        """`users.register` with the response's status and headers.

        `POST /users` (operationId `users_register`)
        """
        return modified(
            await self._core.respond(
                _OP_7,
                _RET_7,
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def me_retrieve(
        self,
        *,
        if_none_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.User] | NotModified:
        """`users.me_retrieve` with the response's status and headers; `NotModified` for a 304 (`if_none_match`).

        `GET /users/me` (operationId `users_me_retrieve`)
        """
        return await self._core.respond(
            _OP_8,
            _RET_8,
            headers={
                "If-None-Match": if_none_match,
            },
            options=request_options,
        )

    async def me_update(
        self,
        body: models.UserUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.User]:
        """`users.me_update` with the response's status and headers.

        `PATCH /users/me` (operationId `users_me_update`)
        """
        return modified(
            await self._core.respond(
                _OP_9,
                _RET_9,
                headers={
                    "If-Match": if_match,
                },
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )


class AsyncUsersApi:
    """Self-service registration, the caller's own profile, and the staff-only user directory. (async)

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...), or `NotModified` for a 304 to a conditional GET.
    """

    def __init__(self, core: AsyncCore) -> None:
        self._core = core
        self.with_response = AsyncUsersApiWithResponse(core)

    async def list(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        search: str | None = None,
        ordering: Literal["username", "-username", "date_joined", "-date_joined"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.UserList:
        """List users (staff only)

        Lists all users. Staff only: other authenticated users get `403 permission_denied`.
        `search` matches `username`, `email` and `full_name` (case-insensitive substring).

        `GET /users` (operationId `users_list`)

        Args:
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            search: Case-insensitive substring search; the searched fields are listed on each operation.
            ordering: Sort order; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.UserList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_6,
            _RET_6,
            query={
                "cursor": cursor,
                "page_size": page_size,
                "search": search,
                "ordering": ordering,
            },
            options=request_options,
        )

    def list_iter(
        self,
        *,
        page_size: int | None = None,
        search: str | None = None,
        ordering: Literal["username", "-username", "date_joined", "-date_joined"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> AsyncIterator[models.User]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List users (staff only)

        Lists all users. Staff only: other authenticated users get `403 permission_denied`.
        `search` matches `username`, `email` and `full_name` (case-insensitive substring).

        `GET /users` (operationId `users_list`)

        Args:
            page_size: Maximum number of items per page.
            search: Case-insensitive substring search; the searched fields are listed on each operation.
            ordering: Sort order; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.User

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_6,
            lambda: self.list(page_size=page_size, search=search, ordering=ordering, request_options=request_options),
            _RET_6,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    async def register(
        self,
        body: models.UserRegistration | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.User:
        """Register a new user

        Creates a user account. Public; throttled under the `register` scope. A taken username
        (compared without case) yields `409 username_taken`. An email address is contact data, not an
        identity: two accounts may share one, so no answer tells whether an address is registered.
        A password rejected by the password
        validators (too short, too common, entirely numeric, too similar to the username or email)
        yields `422 weak_password`. The `Location` header points at `/api/v1/users/me`, the only URL
        under which a user reads their own account.

        `POST /users` (operationId `users_register`)

        Args:
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.User

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_7,
            _RET_7,
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def me_retrieve(
        self,
        *,
        if_none_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.User:
        """Get the caller's account

        Returns the authenticated caller's own account.

        `GET /users/me` (operationId `users_me_retrieve`)

        Args:
            if_none_match: Revalidates a cached copy: when the resource's current `ETag` is one of these entity tags (weak
                comparison), the answer is `304 Not Modified` with no body.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.User

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
            NotModifiedError: a 304 to `if_none_match`; `with_response.me_retrieve` returns it as
                `NotModified` instead.
        """
        return await self._core.request(
            _OP_8,
            _RET_8,
            headers={
                "If-None-Match": if_none_match,
            },
            options=request_options,
        )

    async def me_update(
        self,
        body: models.UserUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.User:
        """Update the caller's account

        Partially updates the caller's `email` and/or `full_name`; omitted fields are left
        unchanged. Any well-formed address is accepted, whether or not another account uses it: no
        answer tells whether an address is registered.

        `PATCH /users/me` (operationId `users_me_update`)

        Args:
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.User

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_9,
            _RET_9,
            headers={
                "If-Match": if_match,
            },
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )


class AsyncInvitationsApiWithResponse:
    """`invitations` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...) (async)."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    async def list_mine(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.InvitationList]:
        """`invitations.list_mine` with the response's status and headers.

        `GET /users/me/invitations` (operationId `invitations_list_mine`)
        """
        return modified(
            await self._core.respond(
                _OP_10,
                _RET_10,
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                },
                options=request_options,
            )
        )

    async def accept(
        self,
        invitation_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Project]:
        """`invitations.accept` with the response's status and headers.

        `POST /users/me/invitations/{invitation_id}/accept` (operationId `invitations_accept`)
        """
        return modified(
            await self._core.respond(
                _OP_11,
                _RET_11,
                path_params={"invitation_id": invitation_id},
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def decline(
        self,
        invitation_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`invitations.decline` with the response's status and headers.

        `POST /users/me/invitations/{invitation_id}/decline` (operationId `invitations_decline`)
        """
        return modified(
            await self._core.respond(
                _OP_12,
                _RET_12,
                path_params={"invitation_id": invitation_id},
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.InvitationList]:
        """`invitations.list` with the response's status and headers.

        `GET /projects/{project_id}/invitations` (operationId `project_invitations_list`)
        """
        return modified(
            await self._core.respond(
                _OP_13,
                _RET_13,
                path_params={"project_id": project_id},
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                },
                options=request_options,
            )
        )

    async def create(
        self,
        project_id: int,
        body: models.InvitationCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Invitation]:
        """`invitations.create` with the response's status and headers.

        `POST /projects/{project_id}/invitations` (operationId `project_invitations_create`)
        """
        return modified(
            await self._core.respond(
                _OP_14,
                _RET_14,
                path_params={"project_id": project_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def revoke(
        self,
        project_id: int,
        invitation_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`invitations.revoke` with the response's status and headers.

        `DELETE /projects/{project_id}/invitations/{invitation_id}` (operationId `project_invitations_revoke`)
        """
        return modified(
            await self._core.respond(
                _OP_15,
                _RET_15,
                path_params={"project_id": project_id, "invitation_id": invitation_id},
                options=request_options,
            )
        )


class AsyncInvitationsApi:
    """How a user joins a project: an owner invites them by id, and they accept or decline. Until
    they accept, the project learns nothing about them but their id. (async)

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...).
    """

    def __init__(self, core: AsyncCore) -> None:
        self._core = core
        self.with_response = AsyncInvitationsApiWithResponse(core)

    async def list_mine(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.InvitationList:
        """List the invitations sent to the caller

        Lists the caller's pending invitations, oldest first: which project, with which role, and
        who invited them. Accept one to join the project, or decline it.

        `GET /users/me/invitations` (operationId `invitations_list_mine`)

        Args:
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.InvitationList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_10,
            _RET_10,
            query={
                "cursor": cursor,
                "page_size": page_size,
            },
            options=request_options,
        )

    def list_mine_iter(
        self,
        *,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> AsyncIterator[models.Invitation]:
        """Iterate over every item of every page of `list_mine`, following the `next` links.

        List the invitations sent to the caller

        Lists the caller's pending invitations, oldest first: which project, with which role, and
        who invited them. Accept one to join the project, or decline it.

        `GET /users/me/invitations` (operationId `invitations_list_mine`)

        Args:
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Invitation

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_10,
            lambda: self.list_mine(page_size=page_size, request_options=request_options),
            _RET_10,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    async def accept(
        self,
        invitation_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Project:
        """Accept an invitation

        Joins the project with the invitation's role; the invitation is used up. An invitation
        that is not pending for the caller yields `404 not_found`; if the caller became a member
        meanwhile (added by an owner), `409 already_member`, and the invitation stays pending.

        `POST /users/me/invitations/{invitation_id}/accept` (operationId `invitations_accept`)

        Args:
            invitation_id: ID of the invitation.
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Project

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_11,
            _RET_11,
            path_params={"invitation_id": invitation_id},
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def decline(
        self,
        invitation_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Decline an invitation

        Declines the invitation; the project learns only that it is no longer pending. An
        invitation that is not pending for the caller yields `404 not_found`.

        `POST /users/me/invitations/{invitation_id}/decline` (operationId `invitations_decline`)

        Args:
            invitation_id: ID of the invitation.
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_12,
            _RET_12,
            path_params={"invitation_id": invitation_id},
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.InvitationList:
        """List a project's pending invitations

        Lists the invitations the project's owners have sent and the invitees have not yet accepted
        or declined, oldest first. Owners only: other members get `403 permission_denied`,
        non-members `404 not_found`. An invitation names its invitee by id only: their username
        and full name become visible to the project when they accept.

        `GET /projects/{project_id}/invitations` (operationId `project_invitations_list`)

        Args:
            project_id: ID of the project.
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.InvitationList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_13,
            _RET_13,
            path_params={"project_id": project_id},
            query={
                "cursor": cursor,
                "page_size": page_size,
            },
            options=request_options,
        )

    def list_iter(
        self,
        project_id: int,
        *,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> AsyncIterator[models.Invitation]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List a project's pending invitations

        Lists the invitations the project's owners have sent and the invitees have not yet accepted
        or declined, oldest first. Owners only: other members get `403 permission_denied`,
        non-members `404 not_found`. An invitation names its invitee by id only: their username
        and full name become visible to the project when they accept.

        `GET /projects/{project_id}/invitations` (operationId `project_invitations_list`)

        Args:
            project_id: ID of the project.
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Invitation

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_13,
            lambda: self.list(project_id, page_size=page_size, request_options=request_options),
            _RET_13,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    async def create(
        self,
        project_id: int,
        body: models.InvitationCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Invitation:
        """Invite a user to a project

        Invites a user, by id, to join the project with the given role. Nothing about the invitee is
        revealed and nothing changes for them until they accept (`invitations_accept`).
        Owners only: other members get `403 permission_denied`, non-members `404 not_found`. A user
        who is already a member yields `409 already_member`, one already invited
        `409 already_invited`; a `user_id` that matches no user yields `422 user_not_found`.

        `POST /projects/{project_id}/invitations` (operationId `project_invitations_create`)

        Args:
            project_id: ID of the project.
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Invitation

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_14,
            _RET_14,
            path_params={"project_id": project_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def revoke(
        self,
        project_id: int,
        invitation_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Withdraw an invitation

        Withdraws a pending invitation. Owners only: other members get `403 permission_denied`;
        non-members of the project, and an invitation that is not pending in this project, get
        `404 not_found`.

        `DELETE /projects/{project_id}/invitations/{invitation_id}` (operationId `project_invitations_revoke`)

        Args:
            project_id: ID of the project.
            invitation_id: ID of the invitation.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_15,
            _RET_15,
            path_params={"project_id": project_id, "invitation_id": invitation_id},
            options=request_options,
        )


class AsyncProjectsApiWithResponse:
    """`projects` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...), or `NotModified` for a 304 (async)."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    async def list(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        search: str | None = None,
        ordering: Literal["name", "-name", "created_at", "-created_at", "updated_at", "-updated_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.ProjectList]:
        """`projects.list` with the response's status and headers.

        `GET /projects` (operationId `projects_list`)
        """
        return modified(
            await self._core.respond(
                _OP_16,
                _RET_16,
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                    "search": search,
                    "ordering": ordering,
                },
                options=request_options,
            )
        )

    async def create(
        self,
        body: models.ProjectCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Project]:
        """`projects.create` with the response's status and headers.

        `POST /projects` (operationId `projects_create`)
        """
        return modified(
            await self._core.respond(
                _OP_17,
                _RET_17,
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def retrieve(
        self,
        project_id: int,
        *,
        if_none_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Project] | NotModified:
        """`projects.retrieve` with the response's status and headers; `NotModified` for a 304 (`if_none_match`).

        `GET /projects/{project_id}` (operationId `projects_retrieve`)
        """
        return await self._core.respond(
            _OP_18,
            _RET_18,
            path_params={"project_id": project_id},
            headers={
                "If-None-Match": if_none_match,
            },
            options=request_options,
        )

    async def replace(
        self,
        project_id: int,
        body: models.ProjectReplace | Mapping[str, Any],
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Project]:
        """`projects.replace` with the response's status and headers.

        `PUT /projects/{project_id}` (operationId `projects_replace`)
        """
        return modified(
            await self._core.respond(
                _OP_19,
                _RET_19,
                path_params={"project_id": project_id},
                headers={
                    "If-Match": if_match,
                },
                body=body,
                options=request_options,
            )
        )

    async def delete(
        self,
        project_id: int,
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`projects.delete` with the response's status and headers.

        `DELETE /projects/{project_id}` (operationId `projects_delete`)
        """
        return modified(
            await self._core.respond(
                _OP_20,
                _RET_20,
                path_params={"project_id": project_id},
                headers={
                    "If-Match": if_match,
                },
                options=request_options,
            )
        )

    async def update(
        self,
        project_id: int,
        body: models.ProjectUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Project]:
        """`projects.update` with the response's status and headers.

        `PATCH /projects/{project_id}` (operationId `projects_update`)
        """
        return modified(
            await self._core.respond(
                _OP_21,
                _RET_21,
                path_params={"project_id": project_id},
                headers={
                    "If-Match": if_match,
                },
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )


class AsyncProjectsApi:
    """Projects the caller is a member of. The creator becomes the project's first owner. (async)

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...), or `NotModified` for a 304 to a conditional GET.
    """

    def __init__(self, core: AsyncCore) -> None:
        self._core = core
        self.with_response = AsyncProjectsApiWithResponse(core)

    async def list(
        self,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        search: str | None = None,
        ordering: Literal["name", "-name", "created_at", "-created_at", "updated_at", "-updated_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.ProjectList:
        """List the caller's projects

        Lists the projects the caller is a member of, with the caller's `role` in each.
        `search` matches `name` and `description` (case-insensitive substring).

        `GET /projects` (operationId `projects_list`)

        Args:
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            search: Case-insensitive substring search; the searched fields are listed on each operation.
            ordering: Sort order; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.ProjectList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_16,
            _RET_16,
            query={
                "cursor": cursor,
                "page_size": page_size,
                "search": search,
                "ordering": ordering,
            },
            options=request_options,
        )

    def list_iter(
        self,
        *,
        page_size: int | None = None,
        search: str | None = None,
        ordering: Literal["name", "-name", "created_at", "-created_at", "updated_at", "-updated_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> AsyncIterator[models.Project]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List the caller's projects

        Lists the projects the caller is a member of, with the caller's `role` in each.
        `search` matches `name` and `description` (case-insensitive substring).

        `GET /projects` (operationId `projects_list`)

        Args:
            page_size: Maximum number of items per page.
            search: Case-insensitive substring search; the searched fields are listed on each operation.
            ordering: Sort order; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Project

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_16,
            lambda: self.list(page_size=page_size, search=search, ordering=ordering, request_options=request_options),
            _RET_16,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    async def create(
        self,
        body: models.ProjectCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Project:
        """Create a project

        Creates a project; the caller becomes its first `owner`.

        `POST /projects` (operationId `projects_create`)

        Args:
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Project

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_17,
            _RET_17,
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def retrieve(
        self,
        project_id: int,
        *,
        if_none_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Project:
        """Get a project

        Returns a project the caller is a member of. Non-members get `404 not_found`.

        `GET /projects/{project_id}` (operationId `projects_retrieve`)

        Args:
            project_id: ID of the project.
            if_none_match: Revalidates a cached copy: when the resource's current `ETag` is one of these entity tags (weak
                comparison), the answer is `304 Not Modified` with no body.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Project

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
            NotModifiedError: a 304 to `if_none_match`; `with_response.retrieve` returns it as
                `NotModified` instead.
        """
        return await self._core.request(
            _OP_18,
            _RET_18,
            path_params={"project_id": project_id},
            headers={
                "If-None-Match": if_none_match,
            },
            options=request_options,
        )

    async def replace(
        self,
        project_id: int,
        body: models.ProjectReplace | Mapping[str, Any],
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Project:
        """Replace a project

        Replaces the project's `name` and `description` (both required). Owners and maintainers
        only: viewers get `403 permission_denied`, non-members `404 not_found`.

        `PUT /projects/{project_id}` (operationId `projects_replace`)

        Args:
            project_id: ID of the project.
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            body: request body (application/json)
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Project

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_19,
            _RET_19,
            path_params={"project_id": project_id},
            headers={
                "If-Match": if_match,
            },
            body=body,
            options=request_options,
        )

    async def delete(
        self,
        project_id: int,
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a project

        Deletes the project together with its memberships, tasks and comments. Owners only:
        maintainers and viewers get `403 permission_denied`, non-members `404 not_found`.

        `DELETE /projects/{project_id}` (operationId `projects_delete`)

        Args:
            project_id: ID of the project.
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_20,
            _RET_20,
            path_params={"project_id": project_id},
            headers={
                "If-Match": if_match,
            },
            options=request_options,
        )

    async def update(
        self,
        project_id: int,
        body: models.ProjectUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Project:
        """Update a project

        Partially updates the project; omitted fields are left unchanged. Owners and maintainers
        only: viewers get `403 permission_denied`, non-members `404 not_found`.

        `PATCH /projects/{project_id}` (operationId `projects_update`)

        Args:
            project_id: ID of the project.
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Project

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_21,
            _RET_21,
            path_params={"project_id": project_id},
            headers={
                "If-Match": if_match,
            },
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )


class AsyncMembersApiWithResponse:
    """`members` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...) (async)."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    async def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        role: models.Role | None = None,
        ordering: Literal["joined_at", "-joined_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.MemberList]:
        """`members.list` with the response's status and headers.

        `GET /projects/{project_id}/members` (operationId `project_members_list`)
        """
        return modified(
            await self._core.respond(
                _OP_22,
                _RET_22,
                path_params={"project_id": project_id},
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                    "role": role,
                    "ordering": ordering,
                },
                options=request_options,
            )
        )

    async def add(
        self,
        project_id: int,
        body: models.MemberAdd | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Member]:
        """`members.add` with the response's status and headers.

        `POST /projects/{project_id}/members` (operationId `project_members_add`)
        """
        return modified(
            await self._core.respond(
                _OP_23,
                _RET_23,
                path_params={"project_id": project_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def remove(
        self,
        project_id: int,
        user_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`members.remove` with the response's status and headers.

        `DELETE /projects/{project_id}/members/{user_id}` (operationId `project_members_remove`)
        """
        return modified(
            await self._core.respond(
                _OP_24,
                _RET_24,
                path_params={"project_id": project_id, "user_id": user_id},
                options=request_options,
            )
        )

    async def update(
        self,
        project_id: int,
        user_id: int,
        body: models.MemberUpdate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Member]:
        """`members.update` with the response's status and headers.

        `PATCH /projects/{project_id}/members/{user_id}` (operationId `project_members_update`)
        """
        return modified(
            await self._core.respond(
                _OP_25,
                _RET_25,
                path_params={"project_id": project_id, "user_id": user_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )


class AsyncMembersApi:
    """Project membership and roles. `owner` manages members and everything else, `maintainer`
    edits the project, tasks and comments, `viewer` is read-only. (async)

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...).
    """

    def __init__(self, core: AsyncCore) -> None:
        self._core = core
        self.with_response = AsyncMembersApiWithResponse(core)

    async def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        role: models.Role | None = None,
        ordering: Literal["joined_at", "-joined_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.MemberList:
        """List a project's members

        Lists the project's members and their roles. Any member may list; non-members get
        `404 not_found`.

        `GET /projects/{project_id}/members` (operationId `project_members_list`)

        Args:
            project_id: ID of the project.
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            role: Only members with this role.
            ordering: Sort order by join time; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.MemberList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_22,
            _RET_22,
            path_params={"project_id": project_id},
            query={
                "cursor": cursor,
                "page_size": page_size,
                "role": role,
                "ordering": ordering,
            },
            options=request_options,
        )

    def list_iter(
        self,
        project_id: int,
        *,
        page_size: int | None = None,
        role: models.Role | None = None,
        ordering: Literal["joined_at", "-joined_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> AsyncIterator[models.Member]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List a project's members

        Lists the project's members and their roles. Any member may list; non-members get
        `404 not_found`.

        `GET /projects/{project_id}/members` (operationId `project_members_list`)

        Args:
            project_id: ID of the project.
            page_size: Maximum number of items per page.
            role: Only members with this role.
            ordering: Sort order by join time; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Member

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_22,
            lambda: self.list(project_id, page_size=page_size, role=role, ordering=ordering, request_options=request_options),
            _RET_22,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    async def add(
        self,
        project_id: int,
        body: models.MemberAdd | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Member:
        """Add a member to a project

        Adds a user who already shares a project with the caller (someone the caller already works
        with, whose name they can already see) to the project with the given role. Anyone else must
        be invited (`project_invitations_create`) and accept: adding them directly yields
        `422 invitation_required`, which tells nothing about them. Owners only: other members get
        `403 permission_denied`, non-members `404 not_found`. A user who is already a member yields
        `409 already_member`; a `user_id` that matches no user yields `422 user_not_found`.

        `POST /projects/{project_id}/members` (operationId `project_members_add`)

        Args:
            project_id: ID of the project.
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Member

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_23,
            _RET_23,
            path_params={"project_id": project_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def remove(
        self,
        project_id: int,
        user_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Remove a member (or leave a project)

        Removes a member from the project. Owners may remove anyone; any member may remove
        themself (leave the project). Other members get `403 permission_denied`; non-members of the
        project, and a `user_id` that is not a member, get `404 not_found`. Removing the project's
        last owner yields `409 last_owner`.

        `DELETE /projects/{project_id}/members/{user_id}` (operationId `project_members_remove`)

        Args:
            project_id: ID of the project.
            user_id: ID of the user whose membership is addressed.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_24,
            _RET_24,
            path_params={"project_id": project_id, "user_id": user_id},
            options=request_options,
        )

    async def update(
        self,
        project_id: int,
        user_id: int,
        body: models.MemberUpdate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Member:
        """Change a member's role

        Changes a member's role. Owners only: other members get `403 permission_denied`;
        non-members of the project, and a `user_id` that is not a member, get `404 not_found`.
        Demoting the project's last owner yields `409 last_owner`.

        `PATCH /projects/{project_id}/members/{user_id}` (operationId `project_members_update`)

        Args:
            project_id: ID of the project.
            user_id: ID of the user whose membership is addressed.
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Member

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_25,
            _RET_25,
            path_params={"project_id": project_id, "user_id": user_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )


class AsyncTasksApiWithResponse:
    """`tasks` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...), or `NotModified` for a 304 (async)."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    async def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        status: models.TaskStatus | None = None,
        priority: models.TaskPriority | None = None,
        assignee_id: int | None = None,
        due_before: datetime.date | None = None,
        due_after: datetime.date | None = None,
        search: str | None = None,
        ordering: Literal["created_at", "-created_at", "updated_at", "-updated_at", "priority", "-priority", "title", "-title"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.TaskList]:
        """`tasks.list` with the response's status and headers.

        `GET /projects/{project_id}/tasks` (operationId `tasks_list`)
        """
        return modified(
            await self._core.respond(
                _OP_26,
                _RET_26,
                path_params={"project_id": project_id},
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                    "status": status,
                    "priority": priority,
                    "assignee_id": assignee_id,
                    "due_before": due_before,
                    "due_after": due_after,
                    "search": search,
                    "ordering": ordering,
                },
                options=request_options,
            )
        )

    async def create(
        self,
        project_id: int,
        body: models.TaskCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Task]:
        """`tasks.create` with the response's status and headers.

        `POST /projects/{project_id}/tasks` (operationId `tasks_create`)
        """
        return modified(
            await self._core.respond(
                _OP_27,
                _RET_27,
                path_params={"project_id": project_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def retrieve(
        self,
        project_id: int,
        task_id: int,
        *,
        if_none_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Task] | NotModified:
        """`tasks.retrieve` with the response's status and headers; `NotModified` for a 304 (`if_none_match`).

        `GET /projects/{project_id}/tasks/{task_id}` (operationId `tasks_retrieve`)
        """
        return await self._core.respond(
            _OP_28,
            _RET_28,
            path_params={"project_id": project_id, "task_id": task_id},
            headers={
                "If-None-Match": if_none_match,
            },
            options=request_options,
        )

    async def delete(
        self,
        project_id: int,
        task_id: int,
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`tasks.delete` with the response's status and headers.

        `DELETE /projects/{project_id}/tasks/{task_id}` (operationId `tasks_delete`)
        """
        return modified(
            await self._core.respond(
                _OP_29,
                _RET_29,
                path_params={"project_id": project_id, "task_id": task_id},
                headers={
                    "If-Match": if_match,
                },
                options=request_options,
            )
        )

    async def update(
        self,
        project_id: int,
        task_id: int,
        body: models.TaskUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Task]:
        """`tasks.update` with the response's status and headers.

        `PATCH /projects/{project_id}/tasks/{task_id}` (operationId `tasks_update`)
        """
        return modified(
            await self._core.respond(
                _OP_30,
                _RET_30,
                path_params={"project_id": project_id, "task_id": task_id},
                headers={
                    "If-Match": if_match,
                },
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )


class AsyncTasksApi:
    """Tasks within a project, with status, priority, assignee and due date. (async)

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...), or `NotModified` for a 304 to a conditional GET.
    """

    def __init__(self, core: AsyncCore) -> None:
        self._core = core
        self.with_response = AsyncTasksApiWithResponse(core)

    async def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        status: models.TaskStatus | None = None,
        priority: models.TaskPriority | None = None,
        assignee_id: int | None = None,
        due_before: datetime.date | None = None,
        due_after: datetime.date | None = None,
        search: str | None = None,
        ordering: Literal["created_at", "-created_at", "updated_at", "-updated_at", "priority", "-priority", "title", "-title"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.TaskList:
        """List a project's tasks

        Lists the project's tasks, optionally filtered. Any member may list; non-members get
        `404 not_found`. All filters combine with AND. `search` matches `title` and `description`
        (case-insensitive substring). Ordering by `priority` uses the rank
        `low` < `normal` < `high` < `urgent`.

        `GET /projects/{project_id}/tasks` (operationId `tasks_list`)

        Args:
            project_id: ID of the project.
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            status: Only tasks with this status.
            priority: Only tasks with this priority.
            assignee_id: Only tasks assigned to this user.
            due_before: Only tasks due on or before this date (inclusive). Tasks without a due date never match.
            due_after: Only tasks due on or after this date (inclusive). Tasks without a due date never match.
            search: Case-insensitive substring search; the searched fields are listed on each operation.
            ordering: Sort order; a leading `-` means descending. `priority` sorts by rank
                (`low` < `normal` < `high` < `urgent`). Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.TaskList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_26,
            _RET_26,
            path_params={"project_id": project_id},
            query={
                "cursor": cursor,
                "page_size": page_size,
                "status": status,
                "priority": priority,
                "assignee_id": assignee_id,
                "due_before": due_before,
                "due_after": due_after,
                "search": search,
                "ordering": ordering,
            },
            options=request_options,
        )

    def list_iter(
        self,
        project_id: int,
        *,
        page_size: int | None = None,
        status: models.TaskStatus | None = None,
        priority: models.TaskPriority | None = None,
        assignee_id: int | None = None,
        due_before: datetime.date | None = None,
        due_after: datetime.date | None = None,
        search: str | None = None,
        ordering: Literal["created_at", "-created_at", "updated_at", "-updated_at", "priority", "-priority", "title", "-title"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> AsyncIterator[models.Task]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List a project's tasks

        Lists the project's tasks, optionally filtered. Any member may list; non-members get
        `404 not_found`. All filters combine with AND. `search` matches `title` and `description`
        (case-insensitive substring). Ordering by `priority` uses the rank
        `low` < `normal` < `high` < `urgent`.

        `GET /projects/{project_id}/tasks` (operationId `tasks_list`)

        Args:
            project_id: ID of the project.
            page_size: Maximum number of items per page.
            status: Only tasks with this status.
            priority: Only tasks with this priority.
            assignee_id: Only tasks assigned to this user.
            due_before: Only tasks due on or before this date (inclusive). Tasks without a due date never match.
            due_after: Only tasks due on or after this date (inclusive). Tasks without a due date never match.
            search: Case-insensitive substring search; the searched fields are listed on each operation.
            ordering: Sort order; a leading `-` means descending. `priority` sorts by rank
                (`low` < `normal` < `high` < `urgent`). Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Task

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_26,
            lambda: self.list(project_id, page_size=page_size, status=status, priority=priority, assignee_id=assignee_id, due_before=due_before, due_after=due_after, search=search, ordering=ordering, request_options=request_options),
            _RET_26,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    async def create(
        self,
        project_id: int,
        body: models.TaskCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Task:
        """Create a task

        Creates a task in the project; the caller is recorded as `created_by_id`. Owners and
        maintainers only: viewers get `403 permission_denied`, non-members `404 not_found`. An
        `assignee_id` that is not a member of the project yields `422 assignee_not_member`.

        `POST /projects/{project_id}/tasks` (operationId `tasks_create`)

        Args:
            project_id: ID of the project.
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Task

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_27,
            _RET_27,
            path_params={"project_id": project_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def retrieve(
        self,
        project_id: int,
        task_id: int,
        *,
        if_none_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Task:
        """Get a task

        Returns a task of the project. Any member may read; non-members, and tasks that do not
        belong to the project, get `404 not_found`.

        `GET /projects/{project_id}/tasks/{task_id}` (operationId `tasks_retrieve`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            if_none_match: Revalidates a cached copy: when the resource's current `ETag` is one of these entity tags (weak
                comparison), the answer is `304 Not Modified` with no body.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Task

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
            NotModifiedError: a 304 to `if_none_match`; `with_response.retrieve` returns it as
                `NotModified` instead.
        """
        return await self._core.request(
            _OP_28,
            _RET_28,
            path_params={"project_id": project_id, "task_id": task_id},
            headers={
                "If-None-Match": if_none_match,
            },
            options=request_options,
        )

    async def delete(
        self,
        project_id: int,
        task_id: int,
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a task

        Deletes a task and its comments. Owners and maintainers only: viewers get
        `403 permission_denied`, non-members `404 not_found`.

        `DELETE /projects/{project_id}/tasks/{task_id}` (operationId `tasks_delete`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_29,
            _RET_29,
            path_params={"project_id": project_id, "task_id": task_id},
            headers={
                "If-Match": if_match,
            },
            options=request_options,
        )

    async def update(
        self,
        project_id: int,
        task_id: int,
        body: models.TaskUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Task:
        """Update a task

        Partially updates a task; omitted fields are left unchanged and `null` clears
        `assignee_id` / `due_date`. Owners and maintainers only: viewers get
        `403 permission_denied`, non-members `404 not_found`. An `assignee_id` that is not a
        member of the project yields `422 assignee_not_member`.

        `PATCH /projects/{project_id}/tasks/{task_id}` (operationId `tasks_update`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Task

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_30,
            _RET_30,
            path_params={"project_id": project_id, "task_id": task_id},
            headers={
                "If-Match": if_match,
            },
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )


class AsyncCommentsApiWithResponse:
    """`comments` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...) (async)."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    async def list(
        self,
        project_id: int,
        task_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        ordering: Literal["created_at", "-created_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.CommentList]:
        """`comments.list` with the response's status and headers.

        `GET /projects/{project_id}/tasks/{task_id}/comments` (operationId `comments_list`)
        """
        return modified(
            await self._core.respond(
                _OP_31,
                _RET_31,
                path_params={"project_id": project_id, "task_id": task_id},
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                    "ordering": ordering,
                },
                options=request_options,
            )
        )

    async def create(
        self,
        project_id: int,
        task_id: int,
        body: models.CommentCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Comment]:
        """`comments.create` with the response's status and headers.

        `POST /projects/{project_id}/tasks/{task_id}/comments` (operationId `comments_create`)
        """
        return modified(
            await self._core.respond(
                _OP_32,
                _RET_32,
                path_params={"project_id": project_id, "task_id": task_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def delete(
        self,
        project_id: int,
        task_id: int,
        comment_id: int,
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`comments.delete` with the response's status and headers.

        `DELETE /projects/{project_id}/tasks/{task_id}/comments/{comment_id}` (operationId `comments_delete`)
        """
        return modified(
            await self._core.respond(
                _OP_33,
                _RET_33,
                path_params={"project_id": project_id, "task_id": task_id, "comment_id": comment_id},
                headers={
                    "If-Match": if_match,
                },
                options=request_options,
            )
        )

    async def update(
        self,
        project_id: int,
        task_id: int,
        comment_id: int,
        body: models.CommentUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Comment]:
        """`comments.update` with the response's status and headers.

        `PATCH /projects/{project_id}/tasks/{task_id}/comments/{comment_id}` (operationId `comments_update`)
        """
        return modified(
            await self._core.respond(
                _OP_34,
                _RET_34,
                path_params={"project_id": project_id, "task_id": task_id, "comment_id": comment_id},
                headers={
                    "If-Match": if_match,
                },
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )


class AsyncCommentsApi:
    """Discussion comments on a task. Only a comment's author may edit or delete it. (async)

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...).
    """

    def __init__(self, core: AsyncCore) -> None:
        self._core = core
        self.with_response = AsyncCommentsApiWithResponse(core)

    async def list(
        self,
        project_id: int,
        task_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        ordering: Literal["created_at", "-created_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.CommentList:
        """List a task's comments

        Lists the comments on a task, oldest first by default. Any member may list; non-members,
        and tasks that do not belong to the project, get `404 not_found`.

        `GET /projects/{project_id}/tasks/{task_id}/comments` (operationId `comments_list`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            ordering: Sort order by creation time; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.CommentList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_31,
            _RET_31,
            path_params={"project_id": project_id, "task_id": task_id},
            query={
                "cursor": cursor,
                "page_size": page_size,
                "ordering": ordering,
            },
            options=request_options,
        )

    def list_iter(
        self,
        project_id: int,
        task_id: int,
        *,
        page_size: int | None = None,
        ordering: Literal["created_at", "-created_at"] | None = None,
        request_options: RequestOptions | None = None,
    ) -> AsyncIterator[models.Comment]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List a task's comments

        Lists the comments on a task, oldest first by default. Any member may list; non-members,
        and tasks that do not belong to the project, get `404 not_found`.

        `GET /projects/{project_id}/tasks/{task_id}/comments` (operationId `comments_list`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            page_size: Maximum number of items per page.
            ordering: Sort order by creation time; a leading `-` means descending. Ties are broken by `id`.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Comment

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_31,
            lambda: self.list(project_id, task_id, page_size=page_size, ordering=ordering, request_options=request_options),
            _RET_31,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    async def create(
        self,
        project_id: int,
        task_id: int,
        body: models.CommentCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Comment:
        """Comment on a task

        Adds a comment to the task; the caller is its author. Owners and maintainers only (viewers
        are read-only and get `403 permission_denied`); non-members get `404 not_found`.

        `POST /projects/{project_id}/tasks/{task_id}/comments` (operationId `comments_create`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Comment

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_32,
            _RET_32,
            path_params={"project_id": project_id, "task_id": task_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def delete(
        self,
        project_id: int,
        task_id: int,
        comment_id: int,
        *,
        if_match: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a comment

        Deletes a comment. Only its author may delete it: other members get
        `403 permission_denied`; non-members, and comments that do not belong to the task, get
        `404 not_found`.

        `DELETE /projects/{project_id}/tasks/{task_id}/comments/{comment_id}` (operationId `comments_delete`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            comment_id: ID of the comment (on the task).
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_33,
            _RET_33,
            path_params={"project_id": project_id, "task_id": task_id, "comment_id": comment_id},
            headers={
                "If-Match": if_match,
            },
            options=request_options,
        )

    async def update(
        self,
        project_id: int,
        task_id: int,
        comment_id: int,
        body: models.CommentUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Comment:
        """Edit a comment

        Replaces the text of a comment. Only its author may edit it: other members get
        `403 permission_denied`; non-members, and comments that do not belong to the task, get
        `404 not_found`.

        `PATCH /projects/{project_id}/tasks/{task_id}/comments/{comment_id}` (operationId `comments_update`)

        Args:
            project_id: ID of the project.
            task_id: ID of the task (within the project).
            comment_id: ID of the comment (on the task).
            if_match: Makes the write conditional: it is applied only if the resource's current `ETag` is one of these
                entity tags (strong comparison), otherwise `412 precondition_failed` and nothing changes. Send
                the `ETag` of the representation you edited so that concurrent edits are never silently lost.
                `*` matches any current representation.
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Comment

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_34,
            _RET_34,
            path_params={"project_id": project_id, "task_id": task_id, "comment_id": comment_id},
            headers={
                "If-Match": if_match,
            },
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )


class AsyncWebhooksApiWithResponse:
    """`webhooks` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...) (async)."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    async def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.WebhookList]:
        """`webhooks.list` with the response's status and headers.

        `GET /projects/{project_id}/webhooks` (operationId `webhooks_list`)
        """
        return modified(
            await self._core.respond(
                _OP_35,
                _RET_35,
                path_params={"project_id": project_id},
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                },
                options=request_options,
            )
        )

    async def create(
        self,
        project_id: int,
        body: models.WebhookCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.WebhookWithSecret]:
        """`webhooks.create` with the response's status and headers.

        `POST /projects/{project_id}/webhooks` (operationId `webhooks_create`)
        """
        return modified(
            await self._core.respond(
                _OP_36,
                _RET_36,
                path_params={"project_id": project_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def retrieve(
        self,
        project_id: int,
        webhook_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Webhook]:
        """`webhooks.retrieve` with the response's status and headers.

        `GET /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_retrieve`)
        """
        return modified(
            await self._core.respond(
                _OP_37,
                _RET_37,
                path_params={"project_id": project_id, "webhook_id": webhook_id},
                options=request_options,
            )
        )

    async def delete(
        self,
        project_id: int,
        webhook_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[None]:
        """`webhooks.delete` with the response's status and headers.

        `DELETE /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_delete`)
        """
        return modified(
            await self._core.respond(
                _OP_38,
                _RET_38,
                path_params={"project_id": project_id, "webhook_id": webhook_id},
                options=request_options,
            )
        )

    async def update(
        self,
        project_id: int,
        webhook_id: int,
        body: models.WebhookUpdate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Webhook]:
        """`webhooks.update` with the response's status and headers.

        `PATCH /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_update`)
        """
        return modified(
            await self._core.respond(
                _OP_39,
                _RET_39,
                path_params={"project_id": project_id, "webhook_id": webhook_id},
                body=body,
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def ping(
        self,
        project_id: int,
        webhook_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.WebhookDelivery]:
        """`webhooks.ping` with the response's status and headers.

        `POST /projects/{project_id}/webhooks/{webhook_id}/ping` (operationId `webhooks_ping`)
        """
        return modified(
            await self._core.respond(
                _OP_40,
                _RET_40,
                path_params={"project_id": project_id, "webhook_id": webhook_id},
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )

    async def deliveries_list(
        self,
        project_id: int,
        webhook_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        status: models.WebhookDeliveryStatus | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.WebhookDeliveryList]:
        """`webhooks.deliveries_list` with the response's status and headers.

        `GET /projects/{project_id}/webhooks/{webhook_id}/deliveries` (operationId `webhook_deliveries_list`)
        """
        return modified(
            await self._core.respond(
                _OP_41,
                _RET_41,
                path_params={"project_id": project_id, "webhook_id": webhook_id},
                query={
                    "cursor": cursor,
                    "page_size": page_size,
                    "status": status,
                },
                options=request_options,
            )
        )

    async def deliveries_redeliver(
        self,
        project_id: int,
        webhook_id: int,
        delivery_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.WebhookDelivery]:
        """`webhooks.deliveries_redeliver` with the response's status and headers.

        `POST /projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver` (operationId `webhook_deliveries_redeliver`)
        """
        return modified(
            await self._core.respond(
                _OP_42,
                _RET_42,
                path_params={"project_id": project_id, "webhook_id": webhook_id, "delivery_id": delivery_id},
                idempotency_key=idempotency_key,
                options=request_options,
            )
        )


class AsyncWebhooksApi:
    """Outgoing webhooks: owners subscribe URLs to a project's events; deliveries are signed, retried
    and listed. Payloads are declared in the top-level `webhooks` section (tag `webhook-events`). (async)

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...).
    """

    def __init__(self, core: AsyncCore) -> None:
        self._core = core
        self.with_response = AsyncWebhooksApiWithResponse(core)

    async def list(
        self,
        project_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.WebhookList:
        """List a project's webhook subscriptions

        Lists the project's webhook subscriptions, oldest first. Owners only: other members get
        `403 permission_denied`, non-members `404 not_found`. The signing secret is never listed.

        `GET /projects/{project_id}/webhooks` (operationId `webhooks_list`)

        Args:
            project_id: ID of the project.
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.WebhookList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_35,
            _RET_35,
            path_params={"project_id": project_id},
            query={
                "cursor": cursor,
                "page_size": page_size,
            },
            options=request_options,
        )

    def list_iter(
        self,
        project_id: int,
        *,
        page_size: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> AsyncIterator[models.Webhook]:
        """Iterate over every item of every page of `list`, following the `next` links.

        List a project's webhook subscriptions

        Lists the project's webhook subscriptions, oldest first. Owners only: other members get
        `403 permission_denied`, non-members `404 not_found`. The signing secret is never listed.

        `GET /projects/{project_id}/webhooks` (operationId `webhooks_list`)

        Args:
            project_id: ID of the project.
            page_size: Maximum number of items per page.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.Webhook

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_35,
            lambda: self.list(project_id, page_size=page_size, request_options=request_options),
            _RET_35,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    async def create(
        self,
        project_id: int,
        body: models.WebhookCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.WebhookWithSecret:
        """Subscribe a URL to a project's events

        Creates a webhook subscription. Owners only: other members get `403 permission_denied`,
        non-members `404 not_found`. The server generates the signing `secret` and shows it only in
        this response; deliveries are signed with it (see the `webhooks` section of this document).

        The target must be `https` (plain `http` only where the server allows it, in development:
        `422 webhook_url_insecure`) and must not reach a private, loopback, link-local, multicast
        or reserved address, directly or through what its host name resolves to
        (`422 webhook_url_not_allowed`; a host name that does not resolve is
        `422 webhook_url_unresolvable`), unless the server's settings explicitly allow that host.

        `POST /projects/{project_id}/webhooks` (operationId `webhooks_create`)

        Args:
            project_id: ID of the project.
            body: request body (application/json)
            idempotency_key: Makes a create safe to retry: the first request with a key runs, and any later request with
                the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
                instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
                The same key with a different request yields `422 idempotency_key_reused`; while the first
                request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
                Sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.WebhookWithSecret

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_36,
            _RET_36,
            path_params={"project_id": project_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def retrieve(
        self,
        project_id: int,
        webhook_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> models.Webhook:
        """Get a webhook subscription

        One subscription, with `disabled_reason` when the server turned it off after repeated
        failed deliveries. Owners only (`403 permission_denied`); non-members, and a webhook of
        another project, get `404 not_found`.

        `GET /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_retrieve`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Webhook

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_37,
            _RET_37,
            path_params={"project_id": project_id, "webhook_id": webhook_id},
            options=request_options,
        )

    async def delete(
        self,
        project_id: int,
        webhook_id: int,
        *,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Delete a webhook subscription

        Deletes the subscription and its delivery history; nothing more is sent to it. Owners only
        (`403 permission_denied`); non-members get `404 not_found`.

        `DELETE /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_delete`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            None

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_38,
            _RET_38,
            path_params={"project_id": project_id, "webhook_id": webhook_id},
            options=request_options,
        )

    async def update(
        self,
        project_id: int,
        webhook_id: int,
        body: models.WebhookUpdate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.Webhook:
        """Change a webhook subscription

        Changes the URL, the events or the `active` flag (the URL is checked as on create).
        Re-activating a disabled subscription clears `disabled_reason` and its failure count.
        Owners only (`403 permission_denied`); non-members get `404 not_found`.

        `PATCH /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_update`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            body: request body (application/json)
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.Webhook

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_39,
            _RET_39,
            path_params={"project_id": project_id, "webhook_id": webhook_id},
            body=body,
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def ping(
        self,
        project_id: int,
        webhook_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.WebhookDelivery:
        """Send a test event to a webhook

        Queues a `ping` event for this subscription only (even when it is inactive), and answers
        with its delivery, whose progress `webhook_deliveries_list` shows. Owners only
        (`403 permission_denied`); non-members get `404 not_found`.

        `POST /projects/{project_id}/webhooks/{webhook_id}/ping` (operationId `webhooks_ping`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.WebhookDelivery

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_40,
            _RET_40,
            path_params={"project_id": project_id, "webhook_id": webhook_id},
            idempotency_key=idempotency_key,
            options=request_options,
        )

    async def deliveries_list(
        self,
        project_id: int,
        webhook_id: int,
        *,
        cursor: str | None = None,
        page_size: int | None = None,
        status: models.WebhookDeliveryStatus | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.WebhookDeliveryList:
        """List a webhook's deliveries

        The events sent (or being sent) to this subscription, newest first, each with its
        attempts: when, the response status (`null` when no response came), the latency and the
        error. Owners only (`403 permission_denied`); non-members get `404 not_found`.

        `GET /projects/{project_id}/webhooks/{webhook_id}/deliveries` (operationId `webhook_deliveries_list`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            cursor: Opaque pagination cursor, taken from the `next` or `previous` URL of a previous page.
                Omit it for the first page. A malformed or foreign cursor yields `400 invalid_cursor`.
            page_size: Maximum number of items per page.
            status: Only deliveries in this state.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.WebhookDeliveryList

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_41,
            _RET_41,
            path_params={"project_id": project_id, "webhook_id": webhook_id},
            query={
                "cursor": cursor,
                "page_size": page_size,
                "status": status,
            },
            options=request_options,
        )

    def deliveries_list_iter(
        self,
        project_id: int,
        webhook_id: int,
        *,
        page_size: int | None = None,
        status: models.WebhookDeliveryStatus | None = None,
        request_options: RequestOptions | None = None,
    ) -> AsyncIterator[models.WebhookDelivery]:
        """Iterate over every item of every page of `deliveries_list`, following the `next` links.

        List a webhook's deliveries

        The events sent (or being sent) to this subscription, newest first, each with its
        attempts: when, the response status (`null` when no response came), the latency and the
        error. Owners only (`403 permission_denied`); non-members get `404 not_found`.

        `GET /projects/{project_id}/webhooks/{webhook_id}/deliveries` (operationId `webhook_deliveries_list`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            page_size: Maximum number of items per page.
            status: Only deliveries in this state.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Yields:
            models.WebhookDelivery

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return self._core.paginate(
            _OP_41,
            lambda: self.deliveries_list(project_id, webhook_id, page_size=page_size, status=status, request_options=request_options),
            _RET_41,
            items=("items", "items"),
            next_link=("next", "next"),
            options=request_options,
        )

    async def deliveries_redeliver(
        self,
        project_id: int,
        webhook_id: int,
        delivery_id: int,
        *,
        idempotency_key: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> models.WebhookDelivery:
        """Send a delivery again

        Queues the same event (same `Webhook-Id`, so receivers can de-duplicate it) for delivery
        again, as a new delivery with fresh attempts. Owners only (`403 permission_denied`);
        non-members, and a delivery of another webhook, get `404 not_found`.

        `POST /projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver` (operationId `webhook_deliveries_redeliver`)

        Args:
            project_id: ID of the project.
            webhook_id: ID of the webhook subscription (within the project).
            delivery_id: ID of the delivery (of the webhook).
            idempotency_key: sent as `Idempotency-Key`; with it the request is retried like an idempotent one.
            request_options: per-call `timeout`, extra `headers` and `max_retries`.

        Returns:
            models.WebhookDelivery

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_42,
            _RET_42,
            path_params={"project_id": project_id, "webhook_id": webhook_id, "delivery_id": delivery_id},
            idempotency_key=idempotency_key,
            options=request_options,
        )


class AsyncHealthApiWithResponse:
    """`health` calls that return the whole response: `ApiResponse` (typed `data`, `status_code`, `headers`, `etag`, `rate_limit`...) (async)."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    async def live(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Liveness]:
        """`health.live` with the response's status and headers.

        `GET /health/live` (operationId `health_live`)
        """
        return modified(
            await self._core.respond(
                _OP_43,
                _RET_43,
                options=request_options,
            )
        )

    async def ready(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> ApiResponse[models.Readiness]:
        """`health.ready` with the response's status and headers.

        `GET /health/ready` (operationId `health_ready`)
        """
        return modified(
            await self._core.respond(
                _OP_44,
                _RET_44,
                options=request_options,
            )
        )


class AsyncHealthApi:
    """Liveness and readiness probes (also answered at the root, `/health/live` and `/health/ready`). (async)

    `with_response` has the same calls, returning the whole response (`ApiResponse`: status, headers, `etag`,
    `rate_limit`, `request_id`...).
    """

    def __init__(self, core: AsyncCore) -> None:
        self._core = core
        self.with_response = AsyncHealthApiWithResponse(core)

    async def live(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> models.Liveness:
        """Liveness probe

        `200` while the process is up and serving requests. Checks no dependency, so that an outage of
        the database or the cache does not get healthy processes restarted. Public and not throttled.

        `GET /health/live` (operationId `health_live`)

        Returns:
            models.Liveness

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_43,
            _RET_43,
            options=request_options,
        )

    async def ready(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> models.Readiness:
        """Readiness probe

        `200` when the database and the cache both answer; `503 dependency_unavailable` otherwise, with
        `checks` naming the dependency that failed. Public and not throttled.

        `GET /health/ready` (operationId `health_ready`)

        Returns:
            models.Readiness

        Raises:
            ApiError: for a non-2xx response; the subclass names the status (e.g. `NotFoundError`) and
                `problem` holds an `application/problem+json` body.
            ApiTimeoutError: no answer within the timeout.
        """
        return await self._core.request(
            _OP_44,
            _RET_44,
            options=request_options,
        )


class AsyncProjectManagementClient(AsyncCore):
    """Project-management API 1.0.0 (async).

    Projects, members, tasks and comments for small teams.

    Contract-first project-management API. This document is the source of truth: the Django server
    validates requests and responses against it, client code is generated from it and Schemathesis
    contract tests are driven by it.

    All paths are relative to the server prefix `/api/v1`. IDs are positive 64-bit integers,
    timestamps are RFC 3339 `date-time` values in UTC (`2026-11-23T09:30:00Z`) and dates are
    `date` values (`2026-12-01`).

    ## Authentication

    Every operation requires credentials except `users_register`, `auth_token_obtain` and
    `auth_token_refresh`. Two schemes are accepted; either one is sufficient:

    * **bearerAuth**: `Authorization: Bearer <access>` with a JWT access token obtained from
      `POST /auth/token` and renewed with `POST /auth/token/refresh`.
    * **apiKeyAuth**: `X-API-Key: pm_<prefix>_<random>` with a key created at `POST /api-keys`.
      The secret is returned once, at creation; keys can be revoked at any time.

    Missing credentials yield `401 not_authenticated`; invalid, expired or revoked credentials yield
    `401 authentication_failed`. Every 401 response carries a `WWW-Authenticate` header.

    ## Errors

    Errors are returned as `application/problem+json` ([RFC 9457](https://www.rfc-editor.org/rfc/rfc9457))
    using the `Problem` schema. `code` is the stable, machine-readable identifier; `type` is
    `https://contractfirst.dev/problems/<code with dashes>` (e.g. `validation_error` ->
    `https://contractfirst.dev/problems/validation-error`). For `400 validation_error` the `errors`
    array lists every problem found, each pointing at the offending body member (`pointer`, a JSON
    Pointer) or parameter (`field`).

    | Status | Codes |
    |--------|-------|
    | 400 | `validation_error`, `invalid_cursor`, `malformed_json`; `invalid_host` (a `Host` this server does not serve) |
    | 401 | `not_authenticated`, `authentication_failed`, `invalid_credentials`, `token_not_valid` |
    | 403 | `permission_denied` |
    | 404 | `not_found` |
    | 405 | `method_not_allowed` (with an `Allow` header) |
    | 406 | `not_acceptable` (`Accept` allows none of the media types the operation declares) |
    | 409 | `username_taken`, `already_member`, `already_invited`, `last_owner`, `idempotency_key_in_use` |
    | 412 | `precondition_failed` |
    | 413 | `payload_too_large` |
    | 415 | `unsupported_media_type` |
    | 422 | `assignee_not_member`, `user_not_found`, `invitation_required`, `expires_in_past`, `weak_password`, `idempotency_key_reused` |
    | 429 | `throttled` (with a `Retry-After` header, in seconds) |
    | 500 | `internal_error` |
    | 503 | `service_unavailable` (the database or the cache unreachable), `dependency_unavailable` (readiness) |

    Every error answer is `Cache-Control: no-store`. Any media type an operation declares in any of its
    responses may be named in `Accept`; a success without a body (`204`) ignores `Accept`.

    Project-scoped resources are invisible to non-members: they receive `404 not_found`, never `403`.
    Members whose role does not allow an action receive `403 permission_denied`.

    ## Idempotent creates

    The create operations (`projects_create`, `tasks_create`, `comments_create`, `project_members_add`,
    `api_keys_create`) accept an `Idempotency-Key` header. A request retried with the same key and the
    same body is not run again: it gets the first response (status, headers, body) with
    `Idempotent-Replayed: true`. Keys belong to the caller and expire after 24 hours. The same key with a
    different request yields `422 idempotency_key_reused`; a retry that arrives while the first request is
    still running yields `409 idempotency_key_in_use` with `Retry-After`. Only successful responses are
    stored: after an error the same key may be retried. Registration and the token endpoints take no key:
    they have no caller to scope it to, and a token response is a credential that is never stored.

    ## Conditional requests and caching

    Single resources (`projects_retrieve`, `tasks_retrieve`, `users_me_retrieve`, and the responses of
    creates and edits of projects, tasks, comments and the caller's account) carry an `ETag`. Send it in
    `If-None-Match` to get `304 Not Modified` when nothing changed, and in `If-Match` on `PUT`, `PATCH`
    and `DELETE` to apply the change only if nobody else changed the resource since you read it
    (otherwise `412 precondition_failed`). `If-Match` is optional; without it the write is unconditional.
    Responses for an authenticated caller are `Cache-Control: private, no-cache` with
    `Vary: Authorization, X-API-Key`; token and API-key-secret responses are `Cache-Control: no-store`.

    ## Pagination

    List operations use cursor pagination. They accept `cursor` (opaque) and `page_size`
    (1..100, default 20) and return `{items, next, previous}`; `next` and `previous` are absolute
    URLs of the adjacent pages, or `null` at either end. Follow them as-is; do not build cursors.
    Lists with an `ordering` parameter sort by the chosen field (a leading `-` means descending),
    ties broken by `id`. Unknown or invalid query values are rejected with `400`.

    ## Strings

    No string in a request (body member or parameter) may contain the NUL character (U+0000): the
    database cannot store it, so such requests are rejected with `400 validation_error` (`pattern`).

    ## Rate limiting

    Requests are throttled per user (or per client IP for anonymous requests); registration and
    token endpoints have stricter limits. Throttled requests get `429 throttled` with `Retry-After`.
    Successful and throttled responses carry the `RateLimit-Limit`, `RateLimit-Remaining` and
    `RateLimit-Reset` headers (draft-ietf-httpapi-ratelimit-headers) of the tightest limit that
    applies: the quota, what is left of it, and the seconds until it resets.
    Failed authentication has budgets of its own: bad API keys and tokens per client address, wrong
    passwords per account (from any address). Past a budget the answer is `429 throttled`, even for
    credentials that would now be right, until `Retry-After` has passed.

    ## Request ids

    Every response carries `X-Request-ID`. A client may send its own `X-Request-ID` (1 to 128 of
    `A-Z a-z 0-9 . _ : @ / + = -`) to correlate its logs with the server's; it is echoed back. Any other
    value is ignored and a fresh id is returned: the header is diagnostic and never fails a request.

    ## Health

    `GET /health/live` and `GET /health/ready` (under `/api/v1`, like every operation) are public and not
    throttled. For load balancers and orchestrators the server answers the same two operations at the
    root too (`/health/live`, `/health/ready`). Readiness checks the database and the cache and
    answers `503 dependency_unavailable`, naming the failing dependency in `checks`, when one is down.

    Args:
        base_url: where the API is served, e.g. `https://api.example.com`; the contract's server path
            `/api/v1` is appended when `base_url` has no path of its own.
        token: bearer token (or a callable returning the current one) for bearerAuth.
        refresh_token: with it, a 401 to a bearer-authenticated call refreshes the access token once
            (`auth_token_refresh`; one refresh shared by concurrent calls) and replays the call.
        on_token_refresh: called with `(access, rotated refresh or None)` after each refresh (store them).
        api_key: API key for `apiKeyAuth`, sent in the header `X-API-Key`.
        timeout: seconds (or an `httpx.Timeout`) for every request; `request_options` overrides per call.
        retry: retry policy; by default 3 retries of idempotent (or idempotency-keyed) requests on 429/503,
            and of idempotency-keyed ones on a 409 `idempotency_key_in_use`.
        headers: extra headers sent with every request.
        http_client: an `httpx.AsyncClient` to use (proxies, transports); it is not closed for you.
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str | Callable[[], str] | None = None,
        refresh_token: str | None = None,
        on_token_refresh: Callable[[str, str | None], None] | None = None,
        api_key: str | None = None,
        timeout: float | httpx.Timeout | None = 30.0,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            base_url,
            server_path=_SERVER_PATH,
            timeout=timeout,
            retry=retry,
            headers=headers,
            user_agent=_USER_AGENT,
            http_client=http_client,
        )
        self._register_schemes(
            bearer=("bearerAuth",),
            basic=(),
            api_keys={
                "apiKeyAuth": ApiKeyAuth("X-API-Key", "header", api_key),
            },
        )
        if token is not None:
            self.set_token(token)
        self.auth = AsyncAuthApi(self)
        self.users = AsyncUsersApi(self)
        self.invitations = AsyncInvitationsApi(self)
        self.projects = AsyncProjectsApi(self)
        self.members = AsyncMembersApi(self)
        self.tasks = AsyncTasksApi(self)
        self.comments = AsyncCommentsApi(self)
        self.webhooks = AsyncWebhooksApi(self)
        self.health = AsyncHealthApi(self)
        self._set_refresher(self._refresh_tokens)
        self.set_refresh_token(refresh_token, on_token_refresh)

    async def _refresh_tokens(self, refresh_token: str) -> tuple[str, str | None]:
        """Trade the refresh token for `(access, rotated refresh or None)`: `auth_token_refresh`."""
        tokens = await self.auth.token_refresh({"refresh": refresh_token})
        return tokens_of(tokens, "access", None)
