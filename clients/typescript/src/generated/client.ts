// generated from openapi/openapi.yaml (sha256 cf29fa4ae0a4dc10b653395c002690c4f4a06c9dba68f7dad68cad4c19c483ed), do not edit; regenerate with `contract generate`
/**
 * Typed client for Project-management API 1.0.0: one class per tag, one method
 * per operation. Types come from openapi-typescript (`./schema.js`), requests from openapi-fetch; auth,
 * retries, timeouts, errors and pagination from the hand-written `../runtime.js`.
 */
import type { paths } from "./schema.js";
import {
  ApiCore,
  type ApiResponse,
  type ClientOptions,
  type KeyedOperationInit,
  type NotModified,
  type OperationData,
  type OperationInit,
  type PageItem,
  type SecuritySchemes,
} from "../runtime.js";

const SERVER_PATH = "/api/v1";

const SECURITY: SecuritySchemes = {
  bearer: ["bearerAuth"],
  basic: [],
  apiKeys: {
    "apiKeyAuth": { name: "X-API-Key", in: "header" },
  },
};

/** Each operation as the runtime sends it. */
const OP = {
  "auth_token_obtain": {
    method: "post",
    path: "/auth/token",
    operationId: "auth_token_obtain",
    security: [],
  },
  "auth_token_refresh": {
    method: "post",
    path: "/auth/token/refresh",
    operationId: "auth_token_refresh",
    security: [],
  },
  "api_keys_list": {
    method: "get",
    path: "/api-keys",
    operationId: "api_keys_list",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "api_keys_create": {
    method: "post",
    path: "/api-keys",
    operationId: "api_keys_create",
    security: ["apiKeyAuth", "bearerAuth"],
    acceptsIdempotencyKey: true,
  },
  "api_keys_revoke": {
    method: "delete",
    path: "/api-keys/{api_key_id}",
    operationId: "api_keys_revoke",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "users_list": {
    method: "get",
    path: "/users",
    operationId: "users_list",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "users_register": {
    method: "post",
    path: "/users",
    operationId: "users_register",
    security: [],
  },
  "users_me_retrieve": {
    method: "get",
    path: "/users/me",
    operationId: "users_me_retrieve",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "users_me_update": {
    method: "patch",
    path: "/users/me",
    operationId: "users_me_update",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "invitations_list_mine": {
    method: "get",
    path: "/users/me/invitations",
    operationId: "invitations_list_mine",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "invitations_accept": {
    method: "post",
    path: "/users/me/invitations/{invitation_id}/accept",
    operationId: "invitations_accept",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "invitations_decline": {
    method: "post",
    path: "/users/me/invitations/{invitation_id}/decline",
    operationId: "invitations_decline",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "project_invitations_list": {
    method: "get",
    path: "/projects/{project_id}/invitations",
    operationId: "project_invitations_list",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "project_invitations_create": {
    method: "post",
    path: "/projects/{project_id}/invitations",
    operationId: "project_invitations_create",
    security: ["apiKeyAuth", "bearerAuth"],
    acceptsIdempotencyKey: true,
  },
  "project_invitations_revoke": {
    method: "delete",
    path: "/projects/{project_id}/invitations/{invitation_id}",
    operationId: "project_invitations_revoke",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "projects_list": {
    method: "get",
    path: "/projects",
    operationId: "projects_list",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "projects_create": {
    method: "post",
    path: "/projects",
    operationId: "projects_create",
    security: ["apiKeyAuth", "bearerAuth"],
    acceptsIdempotencyKey: true,
  },
  "projects_retrieve": {
    method: "get",
    path: "/projects/{project_id}",
    operationId: "projects_retrieve",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "projects_replace": {
    method: "put",
    path: "/projects/{project_id}",
    operationId: "projects_replace",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "projects_delete": {
    method: "delete",
    path: "/projects/{project_id}",
    operationId: "projects_delete",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "projects_update": {
    method: "patch",
    path: "/projects/{project_id}",
    operationId: "projects_update",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "project_members_list": {
    method: "get",
    path: "/projects/{project_id}/members",
    operationId: "project_members_list",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "project_members_add": {
    method: "post",
    path: "/projects/{project_id}/members",
    operationId: "project_members_add",
    security: ["apiKeyAuth", "bearerAuth"],
    acceptsIdempotencyKey: true,
  },
  "project_members_remove": {
    method: "delete",
    path: "/projects/{project_id}/members/{user_id}",
    operationId: "project_members_remove",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "project_members_update": {
    method: "patch",
    path: "/projects/{project_id}/members/{user_id}",
    operationId: "project_members_update",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "tasks_list": {
    method: "get",
    path: "/projects/{project_id}/tasks",
    operationId: "tasks_list",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "tasks_create": {
    method: "post",
    path: "/projects/{project_id}/tasks",
    operationId: "tasks_create",
    security: ["apiKeyAuth", "bearerAuth"],
    acceptsIdempotencyKey: true,
  },
  "tasks_retrieve": {
    method: "get",
    path: "/projects/{project_id}/tasks/{task_id}",
    operationId: "tasks_retrieve",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "tasks_delete": {
    method: "delete",
    path: "/projects/{project_id}/tasks/{task_id}",
    operationId: "tasks_delete",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "tasks_update": {
    method: "patch",
    path: "/projects/{project_id}/tasks/{task_id}",
    operationId: "tasks_update",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "comments_list": {
    method: "get",
    path: "/projects/{project_id}/tasks/{task_id}/comments",
    operationId: "comments_list",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "comments_create": {
    method: "post",
    path: "/projects/{project_id}/tasks/{task_id}/comments",
    operationId: "comments_create",
    security: ["apiKeyAuth", "bearerAuth"],
    acceptsIdempotencyKey: true,
  },
  "comments_delete": {
    method: "delete",
    path: "/projects/{project_id}/tasks/{task_id}/comments/{comment_id}",
    operationId: "comments_delete",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "comments_update": {
    method: "patch",
    path: "/projects/{project_id}/tasks/{task_id}/comments/{comment_id}",
    operationId: "comments_update",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "webhooks_list": {
    method: "get",
    path: "/projects/{project_id}/webhooks",
    operationId: "webhooks_list",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "webhooks_create": {
    method: "post",
    path: "/projects/{project_id}/webhooks",
    operationId: "webhooks_create",
    security: ["apiKeyAuth", "bearerAuth"],
    acceptsIdempotencyKey: true,
  },
  "webhooks_retrieve": {
    method: "get",
    path: "/projects/{project_id}/webhooks/{webhook_id}",
    operationId: "webhooks_retrieve",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "webhooks_delete": {
    method: "delete",
    path: "/projects/{project_id}/webhooks/{webhook_id}",
    operationId: "webhooks_delete",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "webhooks_update": {
    method: "patch",
    path: "/projects/{project_id}/webhooks/{webhook_id}",
    operationId: "webhooks_update",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "webhooks_ping": {
    method: "post",
    path: "/projects/{project_id}/webhooks/{webhook_id}/ping",
    operationId: "webhooks_ping",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "webhook_deliveries_list": {
    method: "get",
    path: "/projects/{project_id}/webhooks/{webhook_id}/deliveries",
    operationId: "webhook_deliveries_list",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "webhook_deliveries_redeliver": {
    method: "post",
    path: "/projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver",
    operationId: "webhook_deliveries_redeliver",
    security: ["apiKeyAuth", "bearerAuth"],
  },
  "health_live": {
    method: "get",
    path: "/health/live",
    operationId: "health_live",
    security: [],
  },
  "health_ready": {
    method: "get",
    path: "/health/ready",
    operationId: "health_ready",
    security: [],
  },
} as const;

/**
 * `auth` calls that resolve to the whole response: `ApiResponse` (typed `data`, `status`, `headers`,
 * `etag`, `rateLimit`...).
 */
export class AuthApiWithResponse {
  constructor(private readonly core: ApiCore<paths>) {}

  /** `auth.tokenObtain` with the response's status and headers. */
  tokenObtain(
    ...init: OperationInit<paths, "/auth/token", "post">
  ): Promise<ApiResponse<OperationData<paths, "/auth/token", "post">>> {
    return this.core.respondModified(OP["auth_token_obtain"], init[0]);
  }

  /** `auth.tokenRefresh` with the response's status and headers. */
  tokenRefresh(
    ...init: OperationInit<paths, "/auth/token/refresh", "post">
  ): Promise<ApiResponse<OperationData<paths, "/auth/token/refresh", "post">>> {
    return this.core.respondModified(OP["auth_token_refresh"], init[0]);
  }

  /** `auth.apiKeysList` with the response's status and headers. */
  apiKeysList(
    ...init: OperationInit<paths, "/api-keys", "get">
  ): Promise<ApiResponse<OperationData<paths, "/api-keys", "get">>> {
    return this.core.respondModified(OP["api_keys_list"], init[0]);
  }

  /** `auth.apiKeysCreate` with the response's status and headers. */
  apiKeysCreate(
    ...init: KeyedOperationInit<paths, "/api-keys", "post", "Idempotency-Key">
  ): Promise<ApiResponse<OperationData<paths, "/api-keys", "post">>> {
    return this.core.respondModified(OP["api_keys_create"], init[0]);
  }

  /** `auth.apiKeysRevoke` with the response's status and headers. */
  apiKeysRevoke(
    ...init: OperationInit<paths, "/api-keys/{api_key_id}", "delete">
  ): Promise<ApiResponse<OperationData<paths, "/api-keys/{api_key_id}", "delete">>> {
    return this.core.respondModified(OP["api_keys_revoke"], init[0]);
  }
}

/**
 * JWT token issuance and refresh, and management of the caller's API keys.
 *
 * `withResponse` has the same calls, resolving to the whole response (`ApiResponse`: status, headers, `etag`,
 * `rateLimit`, `requestId`...).
 */
export class AuthApi {
  /** The same calls, resolving to the whole response. */
  readonly withResponse: AuthApiWithResponse;

  constructor(private readonly core: ApiCore<paths>) {
    this.withResponse = new AuthApiWithResponse(core);
  }

  /**
   * Obtain a JWT token pair
   *
   * Exchanges a username and password for a short-lived access token and a longer-lived refresh
   * token. Public; throttled under the `auth` scope. Wrong credentials (or an inactive account)
   * yield `401 invalid_credentials`.
   *
   * `POST /auth/token` (operationId `auth_token_obtain`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  tokenObtain(...init: OperationInit<paths, "/auth/token", "post">): Promise<OperationData<paths, "/auth/token", "post">> {
    return this.core.call(OP["auth_token_obtain"], init[0]);
  }

  /**
   * Refresh an access token
   *
   * Exchanges a valid refresh token for a new access token. Public. A malformed, expired or
   * blacklisted refresh token yields `401 token_not_valid`.
   *
   * `POST /auth/token/refresh` (operationId `auth_token_refresh`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  tokenRefresh(...init: OperationInit<paths, "/auth/token/refresh", "post">): Promise<OperationData<paths, "/auth/token/refresh", "post">> {
    return this.core.call(OP["auth_token_refresh"], init[0]);
  }

  /**
   * List the caller's API keys
   *
   * Lists the caller's active (not revoked) API keys, newest first (ordering is fixed to
   * `-created_at`). Secrets are never returned here, only each key's `prefix`.
   *
   * `GET /api-keys` (operationId `api_keys_list`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  apiKeysList(...init: OperationInit<paths, "/api-keys", "get">): Promise<OperationData<paths, "/api-keys", "get">> {
    return this.core.call(OP["api_keys_list"], init[0]);
  }

  /**
   * Every item of every page of `apiKeysList`, following the `next` links
   * (every page with this call's headers, timeout and retries).
   * @throws {ApiError} for a non-2xx response.
   */
  apiKeysListIter(
    ...init: OperationInit<paths, "/api-keys", "get">
  ): AsyncGenerator<PageItem<OperationData<paths, "/api-keys", "get">, "items">, void, undefined> {
    return this.core.paginate(OP["api_keys_list"], init[0], "items", "next");
  }

  /**
   * Create an API key
   *
   * Creates an API key for the caller. The response is the only time the full `secret` is
   * shown; store it safely. An `expires_at` that is not in the future yields
   * `422 expires_in_past`; omit it (or send `null`) for a key that never expires.
   *
   * `POST /api-keys` (operationId `api_keys_create`)
   *
   * `idempotencyKey`: Makes a create safe to retry: the first request with a key runs, and any later request with
   * the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
   * instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
   * The same key with a different request yields `422 idempotency_key_reused`; while the first
   * request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
   * Sent as `Idempotency-Key` (set only here: it is not in `params.header`); with it the request is retried like an idempotent one.
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  apiKeysCreate(...init: KeyedOperationInit<paths, "/api-keys", "post", "Idempotency-Key">): Promise<OperationData<paths, "/api-keys", "post">> {
    return this.core.call(OP["api_keys_create"], init[0]);
  }

  /**
   * Revoke an API key
   *
   * Revokes one of the caller's API keys; it stops authenticating immediately. Keys that belong
   * to someone else, do not exist or are already revoked yield `404 not_found`.
   *
   * `DELETE /api-keys/{api_key_id}` (operationId `api_keys_revoke`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  apiKeysRevoke(...init: OperationInit<paths, "/api-keys/{api_key_id}", "delete">): Promise<OperationData<paths, "/api-keys/{api_key_id}", "delete">> {
    return this.core.call(OP["api_keys_revoke"], init[0]);
  }
}

/**
 * `users` calls that resolve to the whole response: `ApiResponse` (typed `data`, `status`, `headers`,
 * `etag`, `rateLimit`...), or `NotModified` for a 304.
 */
export class UsersApiWithResponse {
  constructor(private readonly core: ApiCore<paths>) {}

  /** `users.list` with the response's status and headers. */
  list(
    ...init: OperationInit<paths, "/users", "get">
  ): Promise<ApiResponse<OperationData<paths, "/users", "get">>> {
    return this.core.respondModified(OP["users_list"], init[0]);
  }

  /** `users.register` with the response's status and headers. */
  register(
    ...init: OperationInit<paths, "/users", "post">
  ): Promise<ApiResponse<OperationData<paths, "/users", "post">>> {
    return this.core.respondModified(OP["users_register"], init[0]);
  }

  /** `users.meRetrieve` with the response's status and headers; `NotModified` for a 304 (`If-None-Match`). */
  meRetrieve(
    ...init: OperationInit<paths, "/users/me", "get">
  ): Promise<ApiResponse<OperationData<paths, "/users/me", "get">> | NotModified> {
    return this.core.respond(OP["users_me_retrieve"], init[0]);
  }

  /** `users.meUpdate` with the response's status and headers. */
  meUpdate(
    ...init: OperationInit<paths, "/users/me", "patch">
  ): Promise<ApiResponse<OperationData<paths, "/users/me", "patch">>> {
    return this.core.respondModified(OP["users_me_update"], init[0]);
  }
}

/**
 * Self-service registration, the caller's own profile, and the staff-only user directory.
 *
 * `withResponse` has the same calls, resolving to the whole response (`ApiResponse`: status, headers, `etag`,
 * `rateLimit`, `requestId`...), or `NotModified` for a 304 to a conditional GET.
 */
export class UsersApi {
  /** The same calls, resolving to the whole response. */
  readonly withResponse: UsersApiWithResponse;

  constructor(private readonly core: ApiCore<paths>) {
    this.withResponse = new UsersApiWithResponse(core);
  }

  /**
   * List users (staff only)
   *
   * Lists all users. Staff only: other authenticated users get `403 permission_denied`.
   * `search` matches `username`, `email` and `full_name` (case-insensitive substring).
   *
   * `GET /users` (operationId `users_list`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  list(...init: OperationInit<paths, "/users", "get">): Promise<OperationData<paths, "/users", "get">> {
    return this.core.call(OP["users_list"], init[0]);
  }

  /**
   * Every item of every page of `list`, following the `next` links
   * (every page with this call's headers, timeout and retries).
   * @throws {ApiError} for a non-2xx response.
   */
  listIter(
    ...init: OperationInit<paths, "/users", "get">
  ): AsyncGenerator<PageItem<OperationData<paths, "/users", "get">, "items">, void, undefined> {
    return this.core.paginate(OP["users_list"], init[0], "items", "next");
  }

  /**
   * Register a new user
   *
   * Creates a user account. Public; throttled under the `register` scope. A taken username
   * (compared without case) yields `409 username_taken`. An email address is contact data, not an
   * identity: two accounts may share one, so no answer tells whether an address is registered.
   * A password rejected by the password
   * validators (too short, too common, entirely numeric, too similar to the username or email)
   * yields `422 weak_password`. The `Location` header points at `/api/v1/users/me`, the only URL
   * under which a user reads their own account.
   *
   * `POST /users` (operationId `users_register`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  register(...init: OperationInit<paths, "/users", "post">): Promise<OperationData<paths, "/users", "post">> {
    return this.core.call(OP["users_register"], init[0]);
  }

  /**
   * Get the caller's account
   *
   * Returns the authenticated caller's own account.
   *
   * `GET /users/me` (operationId `users_me_retrieve`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   * @throws {NotModifiedError} for a 304 to `If-None-Match`: `withResponse.meRetrieve` resolves to `NotModified` instead.
   */
  meRetrieve(...init: OperationInit<paths, "/users/me", "get">): Promise<OperationData<paths, "/users/me", "get">> {
    return this.core.call(OP["users_me_retrieve"], init[0]);
  }

  /**
   * Update the caller's account
   *
   * Partially updates the caller's `email` and/or `full_name`; omitted fields are left
   * unchanged. Any well-formed address is accepted, whether or not another account uses it: no
   * answer tells whether an address is registered.
   *
   * `PATCH /users/me` (operationId `users_me_update`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  meUpdate(...init: OperationInit<paths, "/users/me", "patch">): Promise<OperationData<paths, "/users/me", "patch">> {
    return this.core.call(OP["users_me_update"], init[0]);
  }
}

/**
 * `invitations` calls that resolve to the whole response: `ApiResponse` (typed `data`, `status`, `headers`,
 * `etag`, `rateLimit`...).
 */
export class InvitationsApiWithResponse {
  constructor(private readonly core: ApiCore<paths>) {}

  /** `invitations.listMine` with the response's status and headers. */
  listMine(
    ...init: OperationInit<paths, "/users/me/invitations", "get">
  ): Promise<ApiResponse<OperationData<paths, "/users/me/invitations", "get">>> {
    return this.core.respondModified(OP["invitations_list_mine"], init[0]);
  }

  /** `invitations.accept` with the response's status and headers. */
  accept(
    ...init: OperationInit<paths, "/users/me/invitations/{invitation_id}/accept", "post">
  ): Promise<ApiResponse<OperationData<paths, "/users/me/invitations/{invitation_id}/accept", "post">>> {
    return this.core.respondModified(OP["invitations_accept"], init[0]);
  }

  /** `invitations.decline` with the response's status and headers. */
  decline(
    ...init: OperationInit<paths, "/users/me/invitations/{invitation_id}/decline", "post">
  ): Promise<ApiResponse<OperationData<paths, "/users/me/invitations/{invitation_id}/decline", "post">>> {
    return this.core.respondModified(OP["invitations_decline"], init[0]);
  }

  /** `invitations.list` with the response's status and headers. */
  list(
    ...init: OperationInit<paths, "/projects/{project_id}/invitations", "get">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/invitations", "get">>> {
    return this.core.respondModified(OP["project_invitations_list"], init[0]);
  }

  /** `invitations.create` with the response's status and headers. */
  create(
    ...init: KeyedOperationInit<paths, "/projects/{project_id}/invitations", "post", "Idempotency-Key">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/invitations", "post">>> {
    return this.core.respondModified(OP["project_invitations_create"], init[0]);
  }

  /** `invitations.revoke` with the response's status and headers. */
  revoke(
    ...init: OperationInit<paths, "/projects/{project_id}/invitations/{invitation_id}", "delete">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/invitations/{invitation_id}", "delete">>> {
    return this.core.respondModified(OP["project_invitations_revoke"], init[0]);
  }
}

/**
 * How a user joins a project: an owner invites them by id, and they accept or decline. Until
 * they accept, the project learns nothing about them but their id.
 *
 * `withResponse` has the same calls, resolving to the whole response (`ApiResponse`: status, headers, `etag`,
 * `rateLimit`, `requestId`...).
 */
export class InvitationsApi {
  /** The same calls, resolving to the whole response. */
  readonly withResponse: InvitationsApiWithResponse;

  constructor(private readonly core: ApiCore<paths>) {
    this.withResponse = new InvitationsApiWithResponse(core);
  }

  /**
   * List the invitations sent to the caller
   *
   * Lists the caller's pending invitations, oldest first: which project, with which role, and
   * who invited them. Accept one to join the project, or decline it.
   *
   * `GET /users/me/invitations` (operationId `invitations_list_mine`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  listMine(...init: OperationInit<paths, "/users/me/invitations", "get">): Promise<OperationData<paths, "/users/me/invitations", "get">> {
    return this.core.call(OP["invitations_list_mine"], init[0]);
  }

  /**
   * Every item of every page of `listMine`, following the `next` links
   * (every page with this call's headers, timeout and retries).
   * @throws {ApiError} for a non-2xx response.
   */
  listMineIter(
    ...init: OperationInit<paths, "/users/me/invitations", "get">
  ): AsyncGenerator<PageItem<OperationData<paths, "/users/me/invitations", "get">, "items">, void, undefined> {
    return this.core.paginate(OP["invitations_list_mine"], init[0], "items", "next");
  }

  /**
   * Accept an invitation
   *
   * Joins the project with the invitation's role; the invitation is used up. An invitation
   * that is not pending for the caller yields `404 not_found`; if the caller became a member
   * meanwhile (added by an owner), `409 already_member`, and the invitation stays pending.
   *
   * `POST /users/me/invitations/{invitation_id}/accept` (operationId `invitations_accept`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  accept(...init: OperationInit<paths, "/users/me/invitations/{invitation_id}/accept", "post">): Promise<OperationData<paths, "/users/me/invitations/{invitation_id}/accept", "post">> {
    return this.core.call(OP["invitations_accept"], init[0]);
  }

  /**
   * Decline an invitation
   *
   * Declines the invitation; the project learns only that it is no longer pending. An
   * invitation that is not pending for the caller yields `404 not_found`.
   *
   * `POST /users/me/invitations/{invitation_id}/decline` (operationId `invitations_decline`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  decline(...init: OperationInit<paths, "/users/me/invitations/{invitation_id}/decline", "post">): Promise<OperationData<paths, "/users/me/invitations/{invitation_id}/decline", "post">> {
    return this.core.call(OP["invitations_decline"], init[0]);
  }

  /**
   * List a project's pending invitations
   *
   * Lists the invitations the project's owners have sent and the invitees have not yet accepted
   * or declined, oldest first. Owners only: other members get `403 permission_denied`,
   * non-members `404 not_found`. An invitation names its invitee by id only: their username
   * and full name become visible to the project when they accept.
   *
   * `GET /projects/{project_id}/invitations` (operationId `project_invitations_list`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  list(...init: OperationInit<paths, "/projects/{project_id}/invitations", "get">): Promise<OperationData<paths, "/projects/{project_id}/invitations", "get">> {
    return this.core.call(OP["project_invitations_list"], init[0]);
  }

  /**
   * Every item of every page of `list`, following the `next` links
   * (every page with this call's headers, timeout and retries).
   * @throws {ApiError} for a non-2xx response.
   */
  listIter(
    ...init: OperationInit<paths, "/projects/{project_id}/invitations", "get">
  ): AsyncGenerator<PageItem<OperationData<paths, "/projects/{project_id}/invitations", "get">, "items">, void, undefined> {
    return this.core.paginate(OP["project_invitations_list"], init[0], "items", "next");
  }

  /**
   * Invite a user to a project
   *
   * Invites a user, by id, to join the project with the given role. Nothing about the invitee is
   * revealed and nothing changes for them until they accept (`invitations_accept`).
   * Owners only: other members get `403 permission_denied`, non-members `404 not_found`. A user
   * who is already a member yields `409 already_member`, one already invited
   * `409 already_invited`; a `user_id` that matches no user yields `422 user_not_found`.
   *
   * `POST /projects/{project_id}/invitations` (operationId `project_invitations_create`)
   *
   * `idempotencyKey`: Makes a create safe to retry: the first request with a key runs, and any later request with
   * the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
   * instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
   * The same key with a different request yields `422 idempotency_key_reused`; while the first
   * request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
   * Sent as `Idempotency-Key` (set only here: it is not in `params.header`); with it the request is retried like an idempotent one.
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  create(...init: KeyedOperationInit<paths, "/projects/{project_id}/invitations", "post", "Idempotency-Key">): Promise<OperationData<paths, "/projects/{project_id}/invitations", "post">> {
    return this.core.call(OP["project_invitations_create"], init[0]);
  }

  /**
   * Withdraw an invitation
   *
   * Withdraws a pending invitation. Owners only: other members get `403 permission_denied`;
   * non-members of the project, and an invitation that is not pending in this project, get
   * `404 not_found`.
   *
   * `DELETE /projects/{project_id}/invitations/{invitation_id}` (operationId `project_invitations_revoke`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  revoke(...init: OperationInit<paths, "/projects/{project_id}/invitations/{invitation_id}", "delete">): Promise<OperationData<paths, "/projects/{project_id}/invitations/{invitation_id}", "delete">> {
    return this.core.call(OP["project_invitations_revoke"], init[0]);
  }
}

/**
 * `projects` calls that resolve to the whole response: `ApiResponse` (typed `data`, `status`, `headers`,
 * `etag`, `rateLimit`...), or `NotModified` for a 304.
 */
export class ProjectsApiWithResponse {
  constructor(private readonly core: ApiCore<paths>) {}

  /** `projects.list` with the response's status and headers. */
  list(
    ...init: OperationInit<paths, "/projects", "get">
  ): Promise<ApiResponse<OperationData<paths, "/projects", "get">>> {
    return this.core.respondModified(OP["projects_list"], init[0]);
  }

  /** `projects.create` with the response's status and headers. */
  create(
    ...init: KeyedOperationInit<paths, "/projects", "post", "Idempotency-Key">
  ): Promise<ApiResponse<OperationData<paths, "/projects", "post">>> {
    return this.core.respondModified(OP["projects_create"], init[0]);
  }

  /** `projects.retrieve` with the response's status and headers; `NotModified` for a 304 (`If-None-Match`). */
  retrieve(
    ...init: OperationInit<paths, "/projects/{project_id}", "get">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}", "get">> | NotModified> {
    return this.core.respond(OP["projects_retrieve"], init[0]);
  }

  /** `projects.replace` with the response's status and headers. */
  replace(
    ...init: OperationInit<paths, "/projects/{project_id}", "put">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}", "put">>> {
    return this.core.respondModified(OP["projects_replace"], init[0]);
  }

  /** `projects.delete` with the response's status and headers. */
  delete(
    ...init: OperationInit<paths, "/projects/{project_id}", "delete">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}", "delete">>> {
    return this.core.respondModified(OP["projects_delete"], init[0]);
  }

  /** `projects.update` with the response's status and headers. */
  update(
    ...init: OperationInit<paths, "/projects/{project_id}", "patch">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}", "patch">>> {
    return this.core.respondModified(OP["projects_update"], init[0]);
  }
}

/**
 * Projects the caller is a member of. The creator becomes the project's first owner.
 *
 * `withResponse` has the same calls, resolving to the whole response (`ApiResponse`: status, headers, `etag`,
 * `rateLimit`, `requestId`...), or `NotModified` for a 304 to a conditional GET.
 */
export class ProjectsApi {
  /** The same calls, resolving to the whole response. */
  readonly withResponse: ProjectsApiWithResponse;

  constructor(private readonly core: ApiCore<paths>) {
    this.withResponse = new ProjectsApiWithResponse(core);
  }

  /**
   * List the caller's projects
   *
   * Lists the projects the caller is a member of, with the caller's `role` in each.
   * `search` matches `name` and `description` (case-insensitive substring).
   *
   * `GET /projects` (operationId `projects_list`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  list(...init: OperationInit<paths, "/projects", "get">): Promise<OperationData<paths, "/projects", "get">> {
    return this.core.call(OP["projects_list"], init[0]);
  }

  /**
   * Every item of every page of `list`, following the `next` links
   * (every page with this call's headers, timeout and retries).
   * @throws {ApiError} for a non-2xx response.
   */
  listIter(
    ...init: OperationInit<paths, "/projects", "get">
  ): AsyncGenerator<PageItem<OperationData<paths, "/projects", "get">, "items">, void, undefined> {
    return this.core.paginate(OP["projects_list"], init[0], "items", "next");
  }

  /**
   * Create a project
   *
   * Creates a project; the caller becomes its first `owner`.
   *
   * `POST /projects` (operationId `projects_create`)
   *
   * `idempotencyKey`: Makes a create safe to retry: the first request with a key runs, and any later request with
   * the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
   * instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
   * The same key with a different request yields `422 idempotency_key_reused`; while the first
   * request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
   * Sent as `Idempotency-Key` (set only here: it is not in `params.header`); with it the request is retried like an idempotent one.
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  create(...init: KeyedOperationInit<paths, "/projects", "post", "Idempotency-Key">): Promise<OperationData<paths, "/projects", "post">> {
    return this.core.call(OP["projects_create"], init[0]);
  }

  /**
   * Get a project
   *
   * Returns a project the caller is a member of. Non-members get `404 not_found`.
   *
   * `GET /projects/{project_id}` (operationId `projects_retrieve`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   * @throws {NotModifiedError} for a 304 to `If-None-Match`: `withResponse.retrieve` resolves to `NotModified` instead.
   */
  retrieve(...init: OperationInit<paths, "/projects/{project_id}", "get">): Promise<OperationData<paths, "/projects/{project_id}", "get">> {
    return this.core.call(OP["projects_retrieve"], init[0]);
  }

  /**
   * Replace a project
   *
   * Replaces the project's `name` and `description` (both required). Owners and maintainers
   * only: viewers get `403 permission_denied`, non-members `404 not_found`.
   *
   * `PUT /projects/{project_id}` (operationId `projects_replace`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  replace(...init: OperationInit<paths, "/projects/{project_id}", "put">): Promise<OperationData<paths, "/projects/{project_id}", "put">> {
    return this.core.call(OP["projects_replace"], init[0]);
  }

  /**
   * Delete a project
   *
   * Deletes the project together with its memberships, tasks and comments. Owners only:
   * maintainers and viewers get `403 permission_denied`, non-members `404 not_found`.
   *
   * `DELETE /projects/{project_id}` (operationId `projects_delete`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  delete(...init: OperationInit<paths, "/projects/{project_id}", "delete">): Promise<OperationData<paths, "/projects/{project_id}", "delete">> {
    return this.core.call(OP["projects_delete"], init[0]);
  }

  /**
   * Update a project
   *
   * Partially updates the project; omitted fields are left unchanged. Owners and maintainers
   * only: viewers get `403 permission_denied`, non-members `404 not_found`.
   *
   * `PATCH /projects/{project_id}` (operationId `projects_update`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  update(...init: OperationInit<paths, "/projects/{project_id}", "patch">): Promise<OperationData<paths, "/projects/{project_id}", "patch">> {
    return this.core.call(OP["projects_update"], init[0]);
  }
}

/**
 * `members` calls that resolve to the whole response: `ApiResponse` (typed `data`, `status`, `headers`,
 * `etag`, `rateLimit`...).
 */
export class MembersApiWithResponse {
  constructor(private readonly core: ApiCore<paths>) {}

  /** `members.list` with the response's status and headers. */
  list(
    ...init: OperationInit<paths, "/projects/{project_id}/members", "get">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/members", "get">>> {
    return this.core.respondModified(OP["project_members_list"], init[0]);
  }

  /** `members.add` with the response's status and headers. */
  add(
    ...init: KeyedOperationInit<paths, "/projects/{project_id}/members", "post", "Idempotency-Key">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/members", "post">>> {
    return this.core.respondModified(OP["project_members_add"], init[0]);
  }

  /** `members.remove` with the response's status and headers. */
  remove(
    ...init: OperationInit<paths, "/projects/{project_id}/members/{user_id}", "delete">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/members/{user_id}", "delete">>> {
    return this.core.respondModified(OP["project_members_remove"], init[0]);
  }

  /** `members.update` with the response's status and headers. */
  update(
    ...init: OperationInit<paths, "/projects/{project_id}/members/{user_id}", "patch">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/members/{user_id}", "patch">>> {
    return this.core.respondModified(OP["project_members_update"], init[0]);
  }
}

/**
 * Project membership and roles. `owner` manages members and everything else, `maintainer`
 * edits the project, tasks and comments, `viewer` is read-only.
 *
 * `withResponse` has the same calls, resolving to the whole response (`ApiResponse`: status, headers, `etag`,
 * `rateLimit`, `requestId`...).
 */
export class MembersApi {
  /** The same calls, resolving to the whole response. */
  readonly withResponse: MembersApiWithResponse;

  constructor(private readonly core: ApiCore<paths>) {
    this.withResponse = new MembersApiWithResponse(core);
  }

  /**
   * List a project's members
   *
   * Lists the project's members and their roles. Any member may list; non-members get
   * `404 not_found`.
   *
   * `GET /projects/{project_id}/members` (operationId `project_members_list`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  list(...init: OperationInit<paths, "/projects/{project_id}/members", "get">): Promise<OperationData<paths, "/projects/{project_id}/members", "get">> {
    return this.core.call(OP["project_members_list"], init[0]);
  }

  /**
   * Every item of every page of `list`, following the `next` links
   * (every page with this call's headers, timeout and retries).
   * @throws {ApiError} for a non-2xx response.
   */
  listIter(
    ...init: OperationInit<paths, "/projects/{project_id}/members", "get">
  ): AsyncGenerator<PageItem<OperationData<paths, "/projects/{project_id}/members", "get">, "items">, void, undefined> {
    return this.core.paginate(OP["project_members_list"], init[0], "items", "next");
  }

  /**
   * Add a member to a project
   *
   * Adds a user who already shares a project with the caller (someone the caller already works
   * with, whose name they can already see) to the project with the given role. Anyone else must
   * be invited (`project_invitations_create`) and accept: adding them directly yields
   * `422 invitation_required`, which tells nothing about them. Owners only: other members get
   * `403 permission_denied`, non-members `404 not_found`. A user who is already a member yields
   * `409 already_member`; a `user_id` that matches no user yields `422 user_not_found`.
   *
   * `POST /projects/{project_id}/members` (operationId `project_members_add`)
   *
   * `idempotencyKey`: Makes a create safe to retry: the first request with a key runs, and any later request with
   * the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
   * instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
   * The same key with a different request yields `422 idempotency_key_reused`; while the first
   * request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
   * Sent as `Idempotency-Key` (set only here: it is not in `params.header`); with it the request is retried like an idempotent one.
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  add(...init: KeyedOperationInit<paths, "/projects/{project_id}/members", "post", "Idempotency-Key">): Promise<OperationData<paths, "/projects/{project_id}/members", "post">> {
    return this.core.call(OP["project_members_add"], init[0]);
  }

  /**
   * Remove a member (or leave a project)
   *
   * Removes a member from the project. Owners may remove anyone; any member may remove
   * themself (leave the project). Other members get `403 permission_denied`; non-members of the
   * project, and a `user_id` that is not a member, get `404 not_found`. Removing the project's
   * last owner yields `409 last_owner`.
   *
   * `DELETE /projects/{project_id}/members/{user_id}` (operationId `project_members_remove`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  remove(...init: OperationInit<paths, "/projects/{project_id}/members/{user_id}", "delete">): Promise<OperationData<paths, "/projects/{project_id}/members/{user_id}", "delete">> {
    return this.core.call(OP["project_members_remove"], init[0]);
  }

  /**
   * Change a member's role
   *
   * Changes a member's role. Owners only: other members get `403 permission_denied`;
   * non-members of the project, and a `user_id` that is not a member, get `404 not_found`.
   * Demoting the project's last owner yields `409 last_owner`.
   *
   * `PATCH /projects/{project_id}/members/{user_id}` (operationId `project_members_update`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  update(...init: OperationInit<paths, "/projects/{project_id}/members/{user_id}", "patch">): Promise<OperationData<paths, "/projects/{project_id}/members/{user_id}", "patch">> {
    return this.core.call(OP["project_members_update"], init[0]);
  }
}

/**
 * `tasks` calls that resolve to the whole response: `ApiResponse` (typed `data`, `status`, `headers`,
 * `etag`, `rateLimit`...), or `NotModified` for a 304.
 */
export class TasksApiWithResponse {
  constructor(private readonly core: ApiCore<paths>) {}

  /** `tasks.list` with the response's status and headers. */
  list(
    ...init: OperationInit<paths, "/projects/{project_id}/tasks", "get">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/tasks", "get">>> {
    return this.core.respondModified(OP["tasks_list"], init[0]);
  }

  /** `tasks.create` with the response's status and headers. */
  create(
    ...init: KeyedOperationInit<paths, "/projects/{project_id}/tasks", "post", "Idempotency-Key">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/tasks", "post">>> {
    return this.core.respondModified(OP["tasks_create"], init[0]);
  }

  /** `tasks.retrieve` with the response's status and headers; `NotModified` for a 304 (`If-None-Match`). */
  retrieve(
    ...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}", "get">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/tasks/{task_id}", "get">> | NotModified> {
    return this.core.respond(OP["tasks_retrieve"], init[0]);
  }

  /** `tasks.delete` with the response's status and headers. */
  delete(
    ...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}", "delete">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/tasks/{task_id}", "delete">>> {
    return this.core.respondModified(OP["tasks_delete"], init[0]);
  }

  /** `tasks.update` with the response's status and headers. */
  update(
    ...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}", "patch">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/tasks/{task_id}", "patch">>> {
    return this.core.respondModified(OP["tasks_update"], init[0]);
  }
}

/**
 * Tasks within a project, with status, priority, assignee and due date.
 *
 * `withResponse` has the same calls, resolving to the whole response (`ApiResponse`: status, headers, `etag`,
 * `rateLimit`, `requestId`...), or `NotModified` for a 304 to a conditional GET.
 */
export class TasksApi {
  /** The same calls, resolving to the whole response. */
  readonly withResponse: TasksApiWithResponse;

  constructor(private readonly core: ApiCore<paths>) {
    this.withResponse = new TasksApiWithResponse(core);
  }

  /**
   * List a project's tasks
   *
   * Lists the project's tasks, optionally filtered. Any member may list; non-members get
   * `404 not_found`. All filters combine with AND. `search` matches `title` and `description`
   * (case-insensitive substring). Ordering by `priority` uses the rank
   * `low` < `normal` < `high` < `urgent`.
   *
   * `GET /projects/{project_id}/tasks` (operationId `tasks_list`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  list(...init: OperationInit<paths, "/projects/{project_id}/tasks", "get">): Promise<OperationData<paths, "/projects/{project_id}/tasks", "get">> {
    return this.core.call(OP["tasks_list"], init[0]);
  }

  /**
   * Every item of every page of `list`, following the `next` links
   * (every page with this call's headers, timeout and retries).
   * @throws {ApiError} for a non-2xx response.
   */
  listIter(
    ...init: OperationInit<paths, "/projects/{project_id}/tasks", "get">
  ): AsyncGenerator<PageItem<OperationData<paths, "/projects/{project_id}/tasks", "get">, "items">, void, undefined> {
    return this.core.paginate(OP["tasks_list"], init[0], "items", "next");
  }

  /**
   * Create a task
   *
   * Creates a task in the project; the caller is recorded as `created_by_id`. Owners and
   * maintainers only: viewers get `403 permission_denied`, non-members `404 not_found`. An
   * `assignee_id` that is not a member of the project yields `422 assignee_not_member`.
   *
   * `POST /projects/{project_id}/tasks` (operationId `tasks_create`)
   *
   * `idempotencyKey`: Makes a create safe to retry: the first request with a key runs, and any later request with
   * the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
   * instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
   * The same key with a different request yields `422 idempotency_key_reused`; while the first
   * request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
   * Sent as `Idempotency-Key` (set only here: it is not in `params.header`); with it the request is retried like an idempotent one.
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  create(...init: KeyedOperationInit<paths, "/projects/{project_id}/tasks", "post", "Idempotency-Key">): Promise<OperationData<paths, "/projects/{project_id}/tasks", "post">> {
    return this.core.call(OP["tasks_create"], init[0]);
  }

  /**
   * Get a task
   *
   * Returns a task of the project. Any member may read; non-members, and tasks that do not
   * belong to the project, get `404 not_found`.
   *
   * `GET /projects/{project_id}/tasks/{task_id}` (operationId `tasks_retrieve`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   * @throws {NotModifiedError} for a 304 to `If-None-Match`: `withResponse.retrieve` resolves to `NotModified` instead.
   */
  retrieve(...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}", "get">): Promise<OperationData<paths, "/projects/{project_id}/tasks/{task_id}", "get">> {
    return this.core.call(OP["tasks_retrieve"], init[0]);
  }

  /**
   * Delete a task
   *
   * Deletes a task and its comments. Owners and maintainers only: viewers get
   * `403 permission_denied`, non-members `404 not_found`.
   *
   * `DELETE /projects/{project_id}/tasks/{task_id}` (operationId `tasks_delete`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  delete(...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}", "delete">): Promise<OperationData<paths, "/projects/{project_id}/tasks/{task_id}", "delete">> {
    return this.core.call(OP["tasks_delete"], init[0]);
  }

  /**
   * Update a task
   *
   * Partially updates a task; omitted fields are left unchanged and `null` clears
   * `assignee_id` / `due_date`. Owners and maintainers only: viewers get
   * `403 permission_denied`, non-members `404 not_found`. An `assignee_id` that is not a
   * member of the project yields `422 assignee_not_member`.
   *
   * `PATCH /projects/{project_id}/tasks/{task_id}` (operationId `tasks_update`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  update(...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}", "patch">): Promise<OperationData<paths, "/projects/{project_id}/tasks/{task_id}", "patch">> {
    return this.core.call(OP["tasks_update"], init[0]);
  }
}

/**
 * `comments` calls that resolve to the whole response: `ApiResponse` (typed `data`, `status`, `headers`,
 * `etag`, `rateLimit`...).
 */
export class CommentsApiWithResponse {
  constructor(private readonly core: ApiCore<paths>) {}

  /** `comments.list` with the response's status and headers. */
  list(
    ...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}/comments", "get">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/tasks/{task_id}/comments", "get">>> {
    return this.core.respondModified(OP["comments_list"], init[0]);
  }

  /** `comments.create` with the response's status and headers. */
  create(
    ...init: KeyedOperationInit<paths, "/projects/{project_id}/tasks/{task_id}/comments", "post", "Idempotency-Key">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/tasks/{task_id}/comments", "post">>> {
    return this.core.respondModified(OP["comments_create"], init[0]);
  }

  /** `comments.delete` with the response's status and headers. */
  delete(
    ...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}/comments/{comment_id}", "delete">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/tasks/{task_id}/comments/{comment_id}", "delete">>> {
    return this.core.respondModified(OP["comments_delete"], init[0]);
  }

  /** `comments.update` with the response's status and headers. */
  update(
    ...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}/comments/{comment_id}", "patch">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/tasks/{task_id}/comments/{comment_id}", "patch">>> {
    return this.core.respondModified(OP["comments_update"], init[0]);
  }
}

/**
 * Discussion comments on a task. Only a comment's author may edit or delete it.
 *
 * `withResponse` has the same calls, resolving to the whole response (`ApiResponse`: status, headers, `etag`,
 * `rateLimit`, `requestId`...).
 */
export class CommentsApi {
  /** The same calls, resolving to the whole response. */
  readonly withResponse: CommentsApiWithResponse;

  constructor(private readonly core: ApiCore<paths>) {
    this.withResponse = new CommentsApiWithResponse(core);
  }

  /**
   * List a task's comments
   *
   * Lists the comments on a task, oldest first by default. Any member may list; non-members,
   * and tasks that do not belong to the project, get `404 not_found`.
   *
   * `GET /projects/{project_id}/tasks/{task_id}/comments` (operationId `comments_list`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  list(...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}/comments", "get">): Promise<OperationData<paths, "/projects/{project_id}/tasks/{task_id}/comments", "get">> {
    return this.core.call(OP["comments_list"], init[0]);
  }

  /**
   * Every item of every page of `list`, following the `next` links
   * (every page with this call's headers, timeout and retries).
   * @throws {ApiError} for a non-2xx response.
   */
  listIter(
    ...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}/comments", "get">
  ): AsyncGenerator<PageItem<OperationData<paths, "/projects/{project_id}/tasks/{task_id}/comments", "get">, "items">, void, undefined> {
    return this.core.paginate(OP["comments_list"], init[0], "items", "next");
  }

  /**
   * Comment on a task
   *
   * Adds a comment to the task; the caller is its author. Owners and maintainers only (viewers
   * are read-only and get `403 permission_denied`); non-members get `404 not_found`.
   *
   * `POST /projects/{project_id}/tasks/{task_id}/comments` (operationId `comments_create`)
   *
   * `idempotencyKey`: Makes a create safe to retry: the first request with a key runs, and any later request with
   * the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
   * instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
   * The same key with a different request yields `422 idempotency_key_reused`; while the first
   * request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
   * Sent as `Idempotency-Key` (set only here: it is not in `params.header`); with it the request is retried like an idempotent one.
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  create(...init: KeyedOperationInit<paths, "/projects/{project_id}/tasks/{task_id}/comments", "post", "Idempotency-Key">): Promise<OperationData<paths, "/projects/{project_id}/tasks/{task_id}/comments", "post">> {
    return this.core.call(OP["comments_create"], init[0]);
  }

  /**
   * Delete a comment
   *
   * Deletes a comment. Only its author may delete it: other members get
   * `403 permission_denied`; non-members, and comments that do not belong to the task, get
   * `404 not_found`.
   *
   * `DELETE /projects/{project_id}/tasks/{task_id}/comments/{comment_id}` (operationId `comments_delete`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  delete(...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}/comments/{comment_id}", "delete">): Promise<OperationData<paths, "/projects/{project_id}/tasks/{task_id}/comments/{comment_id}", "delete">> {
    return this.core.call(OP["comments_delete"], init[0]);
  }

  /**
   * Edit a comment
   *
   * Replaces the text of a comment. Only its author may edit it: other members get
   * `403 permission_denied`; non-members, and comments that do not belong to the task, get
   * `404 not_found`.
   *
   * `PATCH /projects/{project_id}/tasks/{task_id}/comments/{comment_id}` (operationId `comments_update`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  update(...init: OperationInit<paths, "/projects/{project_id}/tasks/{task_id}/comments/{comment_id}", "patch">): Promise<OperationData<paths, "/projects/{project_id}/tasks/{task_id}/comments/{comment_id}", "patch">> {
    return this.core.call(OP["comments_update"], init[0]);
  }
}

/**
 * `webhooks` calls that resolve to the whole response: `ApiResponse` (typed `data`, `status`, `headers`,
 * `etag`, `rateLimit`...).
 */
export class WebhooksApiWithResponse {
  constructor(private readonly core: ApiCore<paths>) {}

  /** `webhooks.list` with the response's status and headers. */
  list(
    ...init: OperationInit<paths, "/projects/{project_id}/webhooks", "get">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/webhooks", "get">>> {
    return this.core.respondModified(OP["webhooks_list"], init[0]);
  }

  /** `webhooks.create` with the response's status and headers. */
  create(
    ...init: KeyedOperationInit<paths, "/projects/{project_id}/webhooks", "post", "Idempotency-Key">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/webhooks", "post">>> {
    return this.core.respondModified(OP["webhooks_create"], init[0]);
  }

  /** `webhooks.retrieve` with the response's status and headers. */
  retrieve(
    ...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}", "get">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}", "get">>> {
    return this.core.respondModified(OP["webhooks_retrieve"], init[0]);
  }

  /** `webhooks.delete` with the response's status and headers. */
  delete(
    ...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}", "delete">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}", "delete">>> {
    return this.core.respondModified(OP["webhooks_delete"], init[0]);
  }

  /** `webhooks.update` with the response's status and headers. */
  update(
    ...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}", "patch">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}", "patch">>> {
    return this.core.respondModified(OP["webhooks_update"], init[0]);
  }

  /** `webhooks.ping` with the response's status and headers. */
  ping(
    ...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}/ping", "post">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}/ping", "post">>> {
    return this.core.respondModified(OP["webhooks_ping"], init[0]);
  }

  /** `webhooks.deliveriesList` with the response's status and headers. */
  deliveriesList(
    ...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}/deliveries", "get">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}/deliveries", "get">>> {
    return this.core.respondModified(OP["webhook_deliveries_list"], init[0]);
  }

  /** `webhooks.deliveriesRedeliver` with the response's status and headers. */
  deliveriesRedeliver(
    ...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver", "post">
  ): Promise<ApiResponse<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver", "post">>> {
    return this.core.respondModified(OP["webhook_deliveries_redeliver"], init[0]);
  }
}

/**
 * Outgoing webhooks: owners subscribe URLs to a project's events; deliveries are signed, retried
 * and listed. Payloads are declared in the top-level `webhooks` section (tag `webhook-events`).
 *
 * `withResponse` has the same calls, resolving to the whole response (`ApiResponse`: status, headers, `etag`,
 * `rateLimit`, `requestId`...).
 */
export class WebhooksApi {
  /** The same calls, resolving to the whole response. */
  readonly withResponse: WebhooksApiWithResponse;

  constructor(private readonly core: ApiCore<paths>) {
    this.withResponse = new WebhooksApiWithResponse(core);
  }

  /**
   * List a project's webhook subscriptions
   *
   * Lists the project's webhook subscriptions, oldest first. Owners only: other members get
   * `403 permission_denied`, non-members `404 not_found`. The signing secret is never listed.
   *
   * `GET /projects/{project_id}/webhooks` (operationId `webhooks_list`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  list(...init: OperationInit<paths, "/projects/{project_id}/webhooks", "get">): Promise<OperationData<paths, "/projects/{project_id}/webhooks", "get">> {
    return this.core.call(OP["webhooks_list"], init[0]);
  }

  /**
   * Every item of every page of `list`, following the `next` links
   * (every page with this call's headers, timeout and retries).
   * @throws {ApiError} for a non-2xx response.
   */
  listIter(
    ...init: OperationInit<paths, "/projects/{project_id}/webhooks", "get">
  ): AsyncGenerator<PageItem<OperationData<paths, "/projects/{project_id}/webhooks", "get">, "items">, void, undefined> {
    return this.core.paginate(OP["webhooks_list"], init[0], "items", "next");
  }

  /**
   * Subscribe a URL to a project's events
   *
   * Creates a webhook subscription. Owners only: other members get `403 permission_denied`,
   * non-members `404 not_found`. The server generates the signing `secret` and shows it only in
   * this response; deliveries are signed with it (see the `webhooks` section of this document).
   * 
   * The target must be `https` (plain `http` only where the server allows it, in development:
   * `422 webhook_url_insecure`) and must not reach a private, loopback, link-local, multicast
   * or reserved address, directly or through what its host name resolves to
   * (`422 webhook_url_not_allowed`; a host name that does not resolve is
   * `422 webhook_url_unresolvable`), unless the server's settings explicitly allow that host.
   *
   * `POST /projects/{project_id}/webhooks` (operationId `webhooks_create`)
   *
   * `idempotencyKey`: Makes a create safe to retry: the first request with a key runs, and any later request with
   * the same key and the same body gets the first response again (with `Idempotent-Replayed: true`)
   * instead of creating a second resource. Keys are scoped to the caller and expire after 24 hours.
   * The same key with a different request yields `422 idempotency_key_reused`; while the first
   * request is still running, `409 idempotency_key_in_use` with `Retry-After`. Use a random UUID.
   * Sent as `Idempotency-Key` (set only here: it is not in `params.header`); with it the request is retried like an idempotent one.
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  create(...init: KeyedOperationInit<paths, "/projects/{project_id}/webhooks", "post", "Idempotency-Key">): Promise<OperationData<paths, "/projects/{project_id}/webhooks", "post">> {
    return this.core.call(OP["webhooks_create"], init[0]);
  }

  /**
   * Get a webhook subscription
   *
   * One subscription, with `disabled_reason` when the server turned it off after repeated
   * failed deliveries. Owners only (`403 permission_denied`); non-members, and a webhook of
   * another project, get `404 not_found`.
   *
   * `GET /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_retrieve`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  retrieve(...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}", "get">): Promise<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}", "get">> {
    return this.core.call(OP["webhooks_retrieve"], init[0]);
  }

  /**
   * Delete a webhook subscription
   *
   * Deletes the subscription and its delivery history; nothing more is sent to it. Owners only
   * (`403 permission_denied`); non-members get `404 not_found`.
   *
   * `DELETE /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_delete`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  delete(...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}", "delete">): Promise<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}", "delete">> {
    return this.core.call(OP["webhooks_delete"], init[0]);
  }

  /**
   * Change a webhook subscription
   *
   * Changes the URL, the events or the `active` flag (the URL is checked as on create).
   * Re-activating a disabled subscription clears `disabled_reason` and its failure count.
   * Owners only (`403 permission_denied`); non-members get `404 not_found`.
   *
   * `PATCH /projects/{project_id}/webhooks/{webhook_id}` (operationId `webhooks_update`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  update(...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}", "patch">): Promise<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}", "patch">> {
    return this.core.call(OP["webhooks_update"], init[0]);
  }

  /**
   * Send a test event to a webhook
   *
   * Queues a `ping` event for this subscription only (even when it is inactive), and answers
   * with its delivery, whose progress `webhook_deliveries_list` shows. Owners only
   * (`403 permission_denied`); non-members get `404 not_found`.
   *
   * `POST /projects/{project_id}/webhooks/{webhook_id}/ping` (operationId `webhooks_ping`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  ping(...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}/ping", "post">): Promise<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}/ping", "post">> {
    return this.core.call(OP["webhooks_ping"], init[0]);
  }

  /**
   * List a webhook's deliveries
   *
   * The events sent (or being sent) to this subscription, newest first, each with its
   * attempts: when, the response status (`null` when no response came), the latency and the
   * error. Owners only (`403 permission_denied`); non-members get `404 not_found`.
   *
   * `GET /projects/{project_id}/webhooks/{webhook_id}/deliveries` (operationId `webhook_deliveries_list`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  deliveriesList(...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}/deliveries", "get">): Promise<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}/deliveries", "get">> {
    return this.core.call(OP["webhook_deliveries_list"], init[0]);
  }

  /**
   * Every item of every page of `deliveriesList`, following the `next` links
   * (every page with this call's headers, timeout and retries).
   * @throws {ApiError} for a non-2xx response.
   */
  deliveriesListIter(
    ...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}/deliveries", "get">
  ): AsyncGenerator<PageItem<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}/deliveries", "get">, "items">, void, undefined> {
    return this.core.paginate(OP["webhook_deliveries_list"], init[0], "items", "next");
  }

  /**
   * Send a delivery again
   *
   * Queues the same event (same `Webhook-Id`, so receivers can de-duplicate it) for delivery
   * again, as a new delivery with fresh attempts. Owners only (`403 permission_denied`);
   * non-members, and a delivery of another webhook, get `404 not_found`.
   *
   * `POST /projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver` (operationId `webhook_deliveries_redeliver`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  deliveriesRedeliver(...init: OperationInit<paths, "/projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver", "post">): Promise<OperationData<paths, "/projects/{project_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver", "post">> {
    return this.core.call(OP["webhook_deliveries_redeliver"], init[0]);
  }
}

/**
 * `health` calls that resolve to the whole response: `ApiResponse` (typed `data`, `status`, `headers`,
 * `etag`, `rateLimit`...).
 */
export class HealthApiWithResponse {
  constructor(private readonly core: ApiCore<paths>) {}

  /** `health.live` with the response's status and headers. */
  live(
    ...init: OperationInit<paths, "/health/live", "get">
  ): Promise<ApiResponse<OperationData<paths, "/health/live", "get">>> {
    return this.core.respondModified(OP["health_live"], init[0]);
  }

  /** `health.ready` with the response's status and headers. */
  ready(
    ...init: OperationInit<paths, "/health/ready", "get">
  ): Promise<ApiResponse<OperationData<paths, "/health/ready", "get">>> {
    return this.core.respondModified(OP["health_ready"], init[0]);
  }
}

/**
 * Liveness and readiness probes (also answered at the root, `/health/live` and `/health/ready`).
 *
 * `withResponse` has the same calls, resolving to the whole response (`ApiResponse`: status, headers, `etag`,
 * `rateLimit`, `requestId`...).
 */
export class HealthApi {
  /** The same calls, resolving to the whole response. */
  readonly withResponse: HealthApiWithResponse;

  constructor(private readonly core: ApiCore<paths>) {
    this.withResponse = new HealthApiWithResponse(core);
  }

  /**
   * Liveness probe
   *
   * `200` while the process is up and serving requests. Checks no dependency, so that an outage of
   * the database or the cache does not get healthy processes restarted. Public and not throttled.
   *
   * `GET /health/live` (operationId `health_live`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  live(...init: OperationInit<paths, "/health/live", "get">): Promise<OperationData<paths, "/health/live", "get">> {
    return this.core.call(OP["health_live"], init[0]);
  }

  /**
   * Readiness probe
   *
   * `200` when the database and the cache both answer; `503 dependency_unavailable` otherwise, with
   * `checks` naming the dependency that failed. Public and not throttled.
   *
   * `GET /health/ready` (operationId `health_ready`)
   * @throws {ApiError} for a non-2xx response (a subclass naming the status, e.g. `NotFoundError`); `problem` holds an `application/problem+json` body.
   */
  ready(...init: OperationInit<paths, "/health/ready", "get">): Promise<OperationData<paths, "/health/ready", "get">> {
    return this.core.call(OP["health_ready"], init[0]);
  }
}

/**
 * Project-management API 1.0.0.
 *
 * Projects, members, tasks and comments for small teams.
 * 
 * Contract-first project-management API. This document is the source of truth: the Django server
 * validates requests and responses against it, client code is generated from it and Schemathesis
 * contract tests are driven by it.
 * 
 * All paths are relative to the server prefix `/api/v1`. IDs are positive 64-bit integers,
 * timestamps are RFC 3339 `date-time` values in UTC (`2026-11-23T09:30:00Z`) and dates are
 * `date` values (`2026-12-01`).
 * 
 * ## Authentication
 * 
 * Every operation requires credentials except `users_register`, `auth_token_obtain` and
 * `auth_token_refresh`. Two schemes are accepted; either one is sufficient:
 * 
 * * **bearerAuth**: `Authorization: Bearer <access>` with a JWT access token obtained from
 *   `POST /auth/token` and renewed with `POST /auth/token/refresh`.
 * * **apiKeyAuth**: `X-API-Key: pm_<prefix>_<random>` with a key created at `POST /api-keys`.
 *   The secret is returned once, at creation; keys can be revoked at any time.
 * 
 * Missing credentials yield `401 not_authenticated`; invalid, expired or revoked credentials yield
 * `401 authentication_failed`. Every 401 response carries a `WWW-Authenticate` header.
 * 
 * ## Errors
 * 
 * Errors are returned as `application/problem+json` ([RFC 9457](https://www.rfc-editor.org/rfc/rfc9457))
 * using the `Problem` schema. `code` is the stable, machine-readable identifier; `type` is
 * `https://contractfirst.dev/problems/<code with dashes>` (e.g. `validation_error` ->
 * `https://contractfirst.dev/problems/validation-error`). For `400 validation_error` the `errors`
 * array lists every problem found, each pointing at the offending body member (`pointer`, a JSON
 * Pointer) or parameter (`field`).
 * 
 * | Status | Codes |
 * |--------|-------|
 * | 400 | `validation_error`, `invalid_cursor`, `malformed_json`; `invalid_host` (a `Host` this server does not serve) |
 * | 401 | `not_authenticated`, `authentication_failed`, `invalid_credentials`, `token_not_valid` |
 * | 403 | `permission_denied` |
 * | 404 | `not_found` |
 * | 405 | `method_not_allowed` (with an `Allow` header) |
 * | 406 | `not_acceptable` (`Accept` allows none of the media types the operation declares) |
 * | 409 | `username_taken`, `already_member`, `already_invited`, `last_owner`, `idempotency_key_in_use` |
 * | 412 | `precondition_failed` |
 * | 413 | `payload_too_large` |
 * | 415 | `unsupported_media_type` |
 * | 422 | `assignee_not_member`, `user_not_found`, `invitation_required`, `expires_in_past`, `weak_password`, `idempotency_key_reused` |
 * | 429 | `throttled` (with a `Retry-After` header, in seconds) |
 * | 500 | `internal_error` |
 * | 503 | `service_unavailable` (the database or the cache unreachable), `dependency_unavailable` (readiness) |
 * 
 * Every error answer is `Cache-Control: no-store`. Any media type an operation declares in any of its
 * responses may be named in `Accept`; a success without a body (`204`) ignores `Accept`.
 * 
 * Project-scoped resources are invisible to non-members: they receive `404 not_found`, never `403`.
 * Members whose role does not allow an action receive `403 permission_denied`.
 * 
 * ## Idempotent creates
 * 
 * The create operations (`projects_create`, `tasks_create`, `comments_create`, `project_members_add`,
 * `api_keys_create`) accept an `Idempotency-Key` header. A request retried with the same key and the
 * same body is not run again: it gets the first response (status, headers, body) with
 * `Idempotent-Replayed: true`. Keys belong to the caller and expire after 24 hours. The same key with a
 * different request yields `422 idempotency_key_reused`; a retry that arrives while the first request is
 * still running yields `409 idempotency_key_in_use` with `Retry-After`. Only successful responses are
 * stored: after an error the same key may be retried. Registration and the token endpoints take no key:
 * they have no caller to scope it to, and a token response is a credential that is never stored.
 * 
 * ## Conditional requests and caching
 * 
 * Single resources (`projects_retrieve`, `tasks_retrieve`, `users_me_retrieve`, and the responses of
 * creates and edits of projects, tasks, comments and the caller's account) carry an `ETag`. Send it in
 * `If-None-Match` to get `304 Not Modified` when nothing changed, and in `If-Match` on `PUT`, `PATCH`
 * and `DELETE` to apply the change only if nobody else changed the resource since you read it
 * (otherwise `412 precondition_failed`). `If-Match` is optional; without it the write is unconditional.
 * Responses for an authenticated caller are `Cache-Control: private, no-cache` with
 * `Vary: Authorization, X-API-Key`; token and API-key-secret responses are `Cache-Control: no-store`.
 * 
 * ## Pagination
 * 
 * List operations use cursor pagination. They accept `cursor` (opaque) and `page_size`
 * (1..100, default 20) and return `{items, next, previous}`; `next` and `previous` are absolute
 * URLs of the adjacent pages, or `null` at either end. Follow them as-is; do not build cursors.
 * Lists with an `ordering` parameter sort by the chosen field (a leading `-` means descending),
 * ties broken by `id`. Unknown or invalid query values are rejected with `400`.
 * 
 * ## Strings
 * 
 * No string in a request (body member or parameter) may contain the NUL character (U+0000): the
 * database cannot store it, so such requests are rejected with `400 validation_error` (`pattern`).
 * 
 * ## Rate limiting
 * 
 * Requests are throttled per user (or per client IP for anonymous requests); registration and
 * token endpoints have stricter limits. Throttled requests get `429 throttled` with `Retry-After`.
 * Successful and throttled responses carry the `RateLimit-Limit`, `RateLimit-Remaining` and
 * `RateLimit-Reset` headers (draft-ietf-httpapi-ratelimit-headers) of the tightest limit that
 * applies: the quota, what is left of it, and the seconds until it resets.
 * Failed authentication has budgets of its own: bad API keys and tokens per client address, wrong
 * passwords per account (from any address). Past a budget the answer is `429 throttled`, even for
 * credentials that would now be right, until `Retry-After` has passed.
 * 
 * ## Request ids
 * 
 * Every response carries `X-Request-ID`. A client may send its own `X-Request-ID` (1 to 128 of
 * `A-Z a-z 0-9 . _ : @ / + = -`) to correlate its logs with the server's; it is echoed back. Any other
 * value is ignored and a fresh id is returned: the header is diagnostic and never fails a request.
 * 
 * ## Health
 * 
 * `GET /health/live` and `GET /health/ready` (under `/api/v1`, like every operation) are public and not
 * throttled. For load balancers and orchestrators the server answers the same two operations at the
 * root too (`/health/live`, `/health/ready`). Readiness checks the database and the cache and
 * answers `503 dependency_unavailable`, naming the failing dependency in `checks`, when one is down.
 */
export class ProjectManagementClient {
  /** Transport shared by the tag groups (auth, retries, timeouts); `core.raw` is the plain openapi-fetch client. */
  readonly core: ApiCore<paths>;
  readonly auth: AuthApi;
  readonly users: UsersApi;
  readonly invitations: InvitationsApi;
  readonly projects: ProjectsApi;
  readonly members: MembersApi;
  readonly tasks: TasksApi;
  readonly comments: CommentsApi;
  readonly webhooks: WebhooksApi;
  readonly health: HealthApi;

  constructor(options: ClientOptions) {
    this.core = new ApiCore<paths>(options, { serverPath: SERVER_PATH, security: SECURITY });
    this.auth = new AuthApi(this.core);
    this.users = new UsersApi(this.core);
    this.invitations = new InvitationsApi(this.core);
    this.projects = new ProjectsApi(this.core);
    this.members = new MembersApi(this.core);
    this.tasks = new TasksApi(this.core);
    this.comments = new CommentsApi(this.core);
    this.webhooks = new WebhooksApi(this.core);
    this.health = new HealthApi(this.core);
    // With `refreshToken`, a 401 refreshes through `auth_token_refresh` and replays the call.
    this.core.setRefresher(async (refreshToken) => {
      const tokens = await this.auth.tokenRefresh({ body: { "refresh": refreshToken } });
      return { accessToken: tokens["access"] };
    });
  }

  /** Use this refresh token from now on: a 401 then refreshes the access token once and replays the call. */
  setRefreshToken(refreshToken: string | undefined): void {
    this.core.setRefreshToken(refreshToken);
  }

  /** Use this bearer token (or a function returning the current one) from now on. */
  setToken(token: ClientOptions["token"]): void {
    this.core.setToken(token);
  }

  /** Use this API key from now on (one string for the only API-key scheme, or keys by scheme name). */
  setApiKey(key: string | Record<string, string>): void {
    this.core.setApiKey(key);
  }
}
