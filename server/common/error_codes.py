"""Every `code` a problem+json response of this API can carry, with its HTTP status: the one registry.

The contract declares the same codes in the examples of its error responses (and lists them in its
description's error table); `server/common/tests/test_error_codes.py` holds registry and contract together
both ways, checks that each operation declares what the stack can answer it, and that the server raises no
code outside this registry.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    # 400
    VALIDATION_ERROR = "validation_error"
    INVALID_CURSOR = "invalid_cursor"
    MALFORMED_JSON = "malformed_json"
    INVALID_HOST = "invalid_host"
    # 401
    NOT_AUTHENTICATED = "not_authenticated"
    AUTHENTICATION_FAILED = "authentication_failed"
    INVALID_CREDENTIALS = "invalid_credentials"
    TOKEN_NOT_VALID = "token_not_valid"
    # 403, 404, 405, 406
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    NOT_ACCEPTABLE = "not_acceptable"
    # 409
    USERNAME_TAKEN = "username_taken"
    ALREADY_MEMBER = "already_member"
    ALREADY_INVITED = "already_invited"
    LAST_OWNER = "last_owner"
    IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use"
    # 412, 413, 415
    PRECONDITION_FAILED = "precondition_failed"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    # 422
    ASSIGNEE_NOT_MEMBER = "assignee_not_member"
    USER_NOT_FOUND = "user_not_found"
    INVITATION_REQUIRED = "invitation_required"
    EXPIRES_IN_PAST = "expires_in_past"
    WEAK_PASSWORD = "weak_password"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    WEBHOOK_URL_NOT_ALLOWED = "webhook_url_not_allowed"
    # 429, 500, 503
    THROTTLED = "throttled"
    INTERNAL_ERROR = "internal_error"
    SERVICE_UNAVAILABLE = "service_unavailable"
    DEPENDENCY_UNAVAILABLE = "dependency_unavailable"

    @property
    def status(self) -> int:
        return STATUS[self]


STATUS: dict[ErrorCode, int] = {
    **dict.fromkeys(
        [
            ErrorCode.VALIDATION_ERROR,
            ErrorCode.INVALID_CURSOR,
            ErrorCode.MALFORMED_JSON,
            ErrorCode.INVALID_HOST,
        ],
        400,
    ),
    **dict.fromkeys(
        [
            ErrorCode.NOT_AUTHENTICATED,
            ErrorCode.AUTHENTICATION_FAILED,
            ErrorCode.INVALID_CREDENTIALS,
            ErrorCode.TOKEN_NOT_VALID,
        ],
        401,
    ),
    ErrorCode.PERMISSION_DENIED: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.METHOD_NOT_ALLOWED: 405,
    ErrorCode.NOT_ACCEPTABLE: 406,
    **dict.fromkeys(
        [
            ErrorCode.USERNAME_TAKEN,
            ErrorCode.ALREADY_MEMBER,
            ErrorCode.ALREADY_INVITED,
            ErrorCode.LAST_OWNER,
            ErrorCode.IDEMPOTENCY_KEY_IN_USE,
        ],
        409,
    ),
    ErrorCode.PRECONDITION_FAILED: 412,
    ErrorCode.PAYLOAD_TOO_LARGE: 413,
    ErrorCode.UNSUPPORTED_MEDIA_TYPE: 415,
    **dict.fromkeys(
        [
            ErrorCode.ASSIGNEE_NOT_MEMBER,
            ErrorCode.USER_NOT_FOUND,
            ErrorCode.INVITATION_REQUIRED,
            ErrorCode.EXPIRES_IN_PAST,
            ErrorCode.WEAK_PASSWORD,
            ErrorCode.IDEMPOTENCY_KEY_REUSED,
            ErrorCode.WEBHOOK_URL_NOT_ALLOWED,
        ],
        422,
    ),
    ErrorCode.THROTTLED: 429,
    ErrorCode.INTERNAL_ERROR: 500,
    ErrorCode.SERVICE_UNAVAILABLE: 503,
    ErrorCode.DEPENDENCY_UNAVAILABLE: 503,
}

# Answered before any operation is resolved (a Host this server does not serve): listed in the contract's
# error table, declared by no operation.
OUTSIDE_OPERATIONS = frozenset({ErrorCode.INVALID_HOST})
