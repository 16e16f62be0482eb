"""Hand-written runtime of the generated SDK: transport, auth, retries, errors and pagination.

This module is not generated and knows nothing about any particular API: the generated client (`_client.py`)
describes each operation and calls `SyncCore.request` / `AsyncCore.request`. `contract generate` copies this
file verbatim into SDKs it generates elsewhere, so it imports nothing from its own package.
"""

from __future__ import annotations

import asyncio
import base64
import builtins
import datetime as _dt
import email.utils
import enum
import functools
import json
import os
import random
import sys
import threading
import time
import types
import uuid
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypedDict, TypeVar, cast
from urllib.parse import quote, urljoin, urlsplit

import httpx
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

__all__ = [
    "ApiError",
    "ApiKeyAuth",
    "ApiResponse",
    "ApiTimeoutError",
    "AsyncCore",
    "AuthenticationError",
    "BadGatewayError",
    "BadRequestError",
    "ConflictError",
    "GatewayTimeoutError",
    "GoneError",
    "InternalServerError",
    "MethodNotAllowedError",
    "NotAcceptableError",
    "NotFoundError",
    "NotModified",
    "NotModifiedError",
    "Operation",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "PreconditionRequiredError",
    "ProblemDetails",
    "RateLimit",
    "RateLimitError",
    "RequestOptions",
    "RequestTimeoutError",
    "ResponseValidationError",
    "RetryEvent",
    "RetryPolicy",
    "Returns",
    "ServerError",
    "ServiceUnavailableError",
    "SyncCore",
    "UnprocessableEntityError",
    "UnsupportedMediaTypeError",
    "modified",
    "tokens_of",
    "warn_deprecated",
]

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
PROBLEM_JSON = "application/problem+json"


# ------------------------------------------------------------------------------------------------------------
# operations and options
# ------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Operation:
    """What the generated client knows about one operation of the contract."""

    operation_id: str
    method: str
    path: str
    # Which credentials the operation accepts: scheme names of the contract; empty means public.
    security: tuple[str, ...] = ()
    body_kind: Literal["none", "json", "form", "multipart", "text", "binary"] = "none"
    body_media_type: str | None = None
    # "json" (validated into `Returns`), "text", "binary" or "none" for the success response.
    response_kind: Literal["json", "text", "binary", "none"] = "json"
    # The operation's own server URL when the contract overrides the document's `servers` for it (a path
    # item's or the operation's `servers`): a relative one (`/`) is resolved against the origin of the
    # client's `base_url`, an absolute one is used as is. None: the client's `base_url`.
    server: str | None = None
    # The contract declares the idempotency header for this operation (the server honours it): with
    # retries on, a request sent without a key gets a generated one (`RetryPolicy.auto_idempotency_key`).
    accepts_idempotency_key: bool = False
    # The contract deprecates the operation (`deprecated: true`, `x-sunset`): each call warns with this
    # message (`DeprecationWarning`).
    deprecation: str | None = None
    # Its deprecated parameters, `(location, name, message)`: a call that passes one warns with the message.
    deprecated_params: tuple[tuple[str, str, str], ...] = ()


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def warn_deprecated(
    operation: Operation,
    path_params: Mapping[str, Any] | None = None,
    query: Mapping[str, Any] | None = None,
    headers: Mapping[str, Any] | None = None,
    cookies: Mapping[str, Any] | None = None,
) -> None:
    """`DeprecationWarning` for a deprecated operation, and for each deprecated parameter the call passes,
    attributed to the first caller outside this package (so `-W error::DeprecationWarning`, pytest and
    Python's default filters see the caller's line)."""
    if operation.deprecation is None and not operation.deprecated_params:
        return
    messages = [] if operation.deprecation is None else [operation.deprecation]
    passed = {"path": path_params, "query": query, "header": headers, "cookie": cookies}
    for location, name, message in operation.deprecated_params:
        if (passed.get(location) or {}).get(name) is not None:
            messages.append(message)
    if not messages:
        return
    level, frame = 1, cast("types.FrameType | None", sys._getframe(0))
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE_DIR):
        frame, level = frame.f_back, level + 1
    for message in messages:
        warnings.warn(message, DeprecationWarning, stacklevel=level)


class RequestOptions(TypedDict, total=False):
    """Per-call overrides accepted by every generated method as `request_options=`."""

    timeout: float | httpx.Timeout | None
    headers: Mapping[str, str]
    max_retries: int


class Returns(Generic[T]):
    """How to turn a success response body into `T`; the pydantic adapter is built on first use."""

    __slots__ = ("_adapter", "_type")

    def __init__(self, type_: Any) -> None:
        self._type = type_
        self._adapter: TypeAdapter[T] | None = None

    def parse(self, value: Any) -> T:
        if self._type is None:
            return cast(T, None)
        if self._type is Any:
            return cast(T, value)
        if self._adapter is None:
            self._adapter = TypeAdapter(self._type)
        return self._adapter.validate_python(value)


# ------------------------------------------------------------------------------------------------------------
# response metadata
# ------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RateLimit:
    """The `RateLimit-*` headers of a response (draft-ietf-httpapi-ratelimit-headers); None where absent."""

    limit: int | None
    remaining: int | None
    reset: int | None  # seconds until the window ends


def _int_header(headers: httpx.Headers, name: str) -> int | None:
    value = headers.get(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class _ResponseMeta:
    """What every response says besides its body: status, headers and the API's well-known headers."""

    status_code: int
    headers: httpx.Headers

    def header(self, name: str) -> str | None:
        """One response header (case-insensitive), or None."""
        value = self.headers.get(name)
        return None if value is None else str(value)

    @property
    def etag(self) -> str | None:
        """The `ETag`: send it back as `if_match=` (conditional write) or `if_none_match=` (revalidation)."""
        return self.header("ETag")

    @property
    def request_id(self) -> str | None:
        """`X-Request-ID`: quote it when reporting a problem (the server logs it with the request)."""
        return self.header("X-Request-ID")

    @property
    def rate_limit(self) -> RateLimit | None:
        """`RateLimit-Limit` / `-Remaining` / `-Reset`, or None when the response has none of them."""
        values = [_int_header(self.headers, f"RateLimit-{name}") for name in ("Limit", "Remaining", "Reset")]
        return None if values == [None, None, None] else RateLimit(*values)

    @property
    def idempotent_replayed(self) -> bool:
        """`Idempotent-Replayed: true`: the stored response of an earlier request with the same key."""
        return (self.header("Idempotent-Replayed") or "").strip().lower() == "true"


@dataclass(frozen=True, eq=False)
class ApiResponse(_ResponseMeta, Generic[T]):
    """A success response: the typed body (`data`) with the status and headers it came with."""

    status_code: int
    headers: httpx.Headers
    data: T
    # Tells it apart from `NotModified` (`isinstance` works too).
    not_modified: Literal[False] = field(default=False, init=False)


@dataclass(frozen=True, eq=False)
class NotModified(_ResponseMeta):
    """`304 Not Modified` to a conditional GET (`if_none_match=`): the copy you hold is still current."""

    status_code: int
    headers: httpx.Headers
    operation_id: str | None = None
    not_modified: Literal[True] = field(default=True, init=False)


class NotModifiedError(Exception):
    """A 304 to a plain call, which has no body to return: use the `with_response` form for conditional
    GETs (it returns `NotModified`). Not an `ApiError`: nothing went wrong."""

    def __init__(self, response: NotModified, operation_id: str | None = None) -> None:
        self.response = response
        self.operation_id = operation_id
        super().__init__(
            f"304 Not Modified ({operation_id}): call `with_response.<method>` to get a NotModified result"
        )


# ------------------------------------------------------------------------------------------------------------
# errors
# ------------------------------------------------------------------------------------------------------------
class ProblemDetails(BaseModel):
    """An RFC 9457 `application/problem+json` body; extension members stay available (`extensions`)."""

    model_config = ConfigDict(extra="allow")

    type: str = "about:blank"
    title: str | None = None
    status: int | None = None
    detail: str | None = None
    instance: str | None = None

    @property
    def extensions(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class ApiError(Exception):
    """A non-2xx response. Subclasses name the common statuses; `problem` holds a problem+json body."""

    def __init__(
        self,
        status_code: int,
        *,
        method: str,
        url: str,
        headers: httpx.Headers,
        body: Any,
        problem: ProblemDetails | None,
        operation_id: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.problem = problem
        self.operation_id = operation_id
        summary = problem.title if problem and problem.title else httpx.codes.get_reason_phrase(status_code)
        detail = f": {problem.detail}" if problem and problem.detail else ""
        super().__init__(f"{status_code} {summary}{detail} ({method} {url})")

    @property
    def code(self) -> str | None:
        """The problem's machine-readable `code` extension, when the API sends one."""
        if self.problem is None:
            return None
        value = self.problem.extensions.get("code")
        return value if isinstance(value, str) else None

    def problem_as(self, model: type[M]) -> M:
        """The error body validated into a model of the contract (e.g. its `Problem` schema)."""
        return model.model_validate(self.body)


class BadRequestError(ApiError):
    """400"""


class AuthenticationError(ApiError):
    """401"""


class PermissionDeniedError(ApiError):
    """403"""


class NotFoundError(ApiError):
    """404"""


class MethodNotAllowedError(ApiError):
    """405"""


class NotAcceptableError(ApiError):
    """406"""


class RequestTimeoutError(ApiError):
    """408 (the server gave up waiting for the request; not `ApiTimeoutError`, the client's own timeout)"""


class ConflictError(ApiError):
    """409"""


class GoneError(ApiError):
    """410"""


class PreconditionFailedError(ApiError):
    """412: `If-Match` no longer matches (someone changed the resource); read it again and reapply."""


class PayloadTooLargeError(ApiError):
    """413"""


class UnsupportedMediaTypeError(ApiError):
    """415"""


class UnprocessableEntityError(ApiError):
    """422"""


class PreconditionRequiredError(ApiError):
    """428"""


class RateLimitError(ApiError):
    """429, after the retries the policy allowed; `retry_after` is the server's last hint in seconds."""

    @property
    def retry_after(self) -> float | None:
        return parse_retry_after(self.headers.get("Retry-After"))


class ServerError(ApiError):
    """5xx"""


class InternalServerError(ServerError):
    """500"""


class BadGatewayError(ServerError):
    """502"""


class ServiceUnavailableError(ServerError):
    """503"""


class GatewayTimeoutError(ServerError):
    """504"""


class ApiTimeoutError(builtins.TimeoutError):
    """The request got no (complete) answer within the timeout, after the retries the policy allowed.

    Raised instead of httpx's own timeout exceptions (the original is `__cause__`); a `TimeoutError`, so
    `except TimeoutError` catches it too. The TypeScript SDK raises the class of the same name.
    """

    def __init__(self, method: str, url: str, operation_id: str | None = None) -> None:
        self.method = method
        self.url = url
        self.operation_id = operation_id
        super().__init__(f"request timed out ({method} {url})")


class ResponseValidationError(Exception):
    """A success response whose body does not match the contract."""

    def __init__(self, operation_id: str, status_code: int, error: ValidationError, body: Any) -> None:
        self.operation_id = operation_id
        self.status_code = status_code
        self.error = error
        self.body = body
        super().__init__(f"{operation_id}: the {status_code} response does not match the contract: {error}")


_ERRORS_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    405: MethodNotAllowedError,
    406: NotAcceptableError,
    408: RequestTimeoutError,
    409: ConflictError,
    410: GoneError,
    412: PreconditionFailedError,
    413: PayloadTooLargeError,
    415: UnsupportedMediaTypeError,
    422: UnprocessableEntityError,
    428: PreconditionRequiredError,
    429: RateLimitError,
    500: InternalServerError,
    502: BadGatewayError,
    503: ServiceUnavailableError,
    504: GatewayTimeoutError,
}


def error_for(response: httpx.Response, operation_id: str | None) -> ApiError:
    body: Any = None
    problem: ProblemDetails | None = None
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if response.content:
        if media == PROBLEM_JSON or media.endswith("+json") or media == "application/json":
            try:
                body = response.json()
            except ValueError:
                body = response.text
        else:
            body = response.text
    if isinstance(body, dict) and (media == PROBLEM_JSON or {"title", "status"} <= body.keys()):
        try:
            problem = ProblemDetails.model_validate(body)
        except ValidationError:
            problem = None
    status = response.status_code
    cls = _ERRORS_BY_STATUS.get(status) or (ServerError if status >= 500 else ApiError)
    return cls(
        status,
        method=response.request.method,
        url=str(response.request.url),
        headers=response.headers,
        body=body,
        problem=problem,
        operation_id=operation_id,
    )


# ------------------------------------------------------------------------------------------------------------
# retries
# ------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RetryEvent:
    """Passed to `RetryPolicy.on_retry` before each retry sleeps."""

    operation_id: str | None
    method: str
    url: str
    attempt: int  # 1 for the first retry
    delay: float
    status_code: int | None
    error: BaseException | None


@dataclass(frozen=True)
class RetryPolicy:
    """Retries with exponential backoff and full jitter, honouring `Retry-After`.

    Only idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) and requests that carry an
    idempotency key are retried: a retried POST without one could act twice. Operations whose contract
    declares the idempotency header get a generated key when the caller gives none
    (`auto_idempotency_key`). A `409` is retried only for a
    request with an idempotency key and only when its problem `code` is one of `retry_conflict_codes`
    (by default `idempotency_key_in_use`: the first request with that key is still running); other 409s
    are real conflicts and are raised.
    """

    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    retry_statuses: frozenset[int] = frozenset({429, 503})
    retry_connection_errors: bool = True
    respect_retry_after: bool = True
    # A Retry-After longer than this is not waited for: the error is raised instead.
    max_retry_after: float = 60.0
    idempotency_header: str = "Idempotency-Key"
    # Problem `code`s of a 409 that are retried (with the same idempotency key), like a 429 or a 503.
    retry_conflict_codes: frozenset[str] = frozenset({"idempotency_key_in_use"})
    # With retries on, a request to an operation that accepts an idempotency key but was sent without one
    # gets a generated key (a random UUID), so that it is retried safely, as Stripe's SDKs do.
    auto_idempotency_key: bool = True
    on_retry: Callable[[RetryEvent], None] | None = field(default=None, compare=False)

    def may_retry(self, request: httpx.Request) -> bool:
        return request.method in IDEMPOTENT_METHODS or self.has_idempotency_key(request)

    def has_idempotency_key(self, request: httpx.Request) -> bool:
        return bool(request.headers.get(self.idempotency_header))

    def retries_status(self, request: httpx.Request, response: httpx.Response) -> bool:
        """Whether the response's status is one to retry (its body must have been read for a 409)."""
        if response.status_code in self.retry_statuses:
            return True
        if response.status_code == 409 and self.retry_conflict_codes and self.has_idempotency_key(request):
            return _problem_code(response) in self.retry_conflict_codes
        return False

    def backoff(self, attempt: int) -> float:
        ceiling = min(self.backoff_max, self.backoff_base * (2 ** (attempt - 1)))
        return random.uniform(0, ceiling)

    def delay_for(self, attempt: int, response: httpx.Response | None) -> float | None:
        """Seconds to wait before retry number `attempt`, or None when the response says not to retry."""
        if response is not None and self.respect_retry_after:
            hinted = parse_retry_after(response.headers.get("Retry-After"))
            if hinted is not None:
                if hinted > self.max_retry_after:
                    return None
                # A little jitter on top keeps a crowd of clients from coming back in the same instant.
                return hinted + random.uniform(0, min(0.25, self.backoff_base))
        return self.backoff(attempt)


def _problem_code(response: httpx.Response) -> str | None:
    """The `code` member of a (read) JSON / problem+json error body, if there is one."""
    try:
        body = json.loads(response.content)
    except (httpx.ResponseNotRead, ValueError):
        return None
    code = body.get("code") if isinstance(body, dict) else None
    return code if isinstance(code, str) else None


def parse_retry_after(value: str | None) -> float | None:
    """`Retry-After` as seconds: either delay-seconds or an HTTP-date (RFC 9110, section 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.UTC)
    return max(0.0, (when - _dt.datetime.now(_dt.UTC)).total_seconds())


# ------------------------------------------------------------------------------------------------------------
# auth
# ------------------------------------------------------------------------------------------------------------
@dataclass
class ApiKeyAuth:
    """An `apiKey` security scheme: the key travels in a header, a query parameter or a cookie."""

    name: str
    location: Literal["header", "query", "cookie"]
    value: str | None = None


@dataclass
class _Credentials:
    bearer: str | Callable[[], str] | None = None
    basic: tuple[str, str] | None = None
    api_keys: dict[str, ApiKeyAuth] = field(default_factory=dict)
    # scheme name -> "bearer" | "basic" | the api_keys key
    schemes: dict[str, str] = field(default_factory=dict)

    def apply(self, operation: Operation, headers: dict[str, str], params: list[tuple[str, str]]) -> None:
        """Attach the credentials the operation accepts (all configured ones: the server picks)."""
        kinds = {self.schemes.get(name, name) for name in operation.security}
        if "bearer" in kinds and self.bearer is not None:
            token = self.bearer() if callable(self.bearer) else self.bearer
            headers["Authorization"] = f"Bearer {token}"
        elif "basic" in kinds and self.basic is not None:
            user, password = self.basic
            headers["Authorization"] = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        for kind in sorted(kinds):
            key = self.api_keys.get(kind)
            if key is None or key.value is None:
                continue
            if key.location == "header":
                headers[key.name] = key.value
            elif key.location == "query":
                params.append((key.name, key.value))
            else:
                cookie = f"{key.name}={key.value}"
                headers["Cookie"] = f"{headers['Cookie']}; {cookie}" if "Cookie" in headers else cookie


# ------------------------------------------------------------------------------------------------------------
# encoding
# ------------------------------------------------------------------------------------------------------------
def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return _scalar(value.value)
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return json.dumps(value.model_dump(mode="json", by_alias=True, exclude_unset=True))
    return str(value)


def encode_query(query: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Form style, exploded: lists repeat the name; objects become `name[key]=value` (deepObject)."""
    pairs: list[tuple[str, str]] = []
    for name, value in query.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            pairs.extend((name, _scalar(item)) for item in value)
        elif isinstance(value, Mapping):
            pairs.extend((f"{name}[{key}]", _scalar(item)) for key, item in value.items() if item is not None)
        else:
            pairs.append((name, _scalar(value)))
    return pairs


def encode_path(template: str, values: Mapping[str, Any]) -> str:
    path = template
    for name, value in values.items():
        if isinstance(value, (list, tuple)):
            text = ",".join(_scalar(item) for item in value)
        else:
            text = _scalar(value)
        path = path.replace("{" + name + "}", quote(text, safe=""))
    return path


def to_jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        # exclude_unset: a PATCH sends exactly the fields the caller set (null included), nothing more.
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value)
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    return value


# ------------------------------------------------------------------------------------------------------------
# the cores the generated clients drive
# ------------------------------------------------------------------------------------------------------------
class _CoreBase:
    def __init__(
        self,
        base_url: str,
        *,
        server_path: str = "",
        timeout: float | httpx.Timeout | None = 30.0,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        user_agent: str = "contractfirst-sdk",
    ) -> None:
        if not base_url:
            raise ValueError("base_url is required, e.g. 'https://api.example.com'")
        self.base_url = _join_base(base_url, server_path)
        self.timeout = timeout
        self.retry = retry if retry is not None else RetryPolicy()
        self.default_headers = {"User-Agent": user_agent, **(headers or {})}
        self.credentials = _Credentials()
        self._refresh_token: str | None = None
        self._on_token_refresh: Callable[[str, str | None], None] | None = None

    # -- credentials -----------------------------------------------------------------------------------------
    def set_token(self, token: str | Callable[[], str] | None) -> None:
        """Use this bearer token (or a callable returning the current one) from now on."""
        self.credentials.bearer = token

    def set_refresh_token(
        self, refresh_token: str | None, on_token_refresh: Callable[[str, str | None], None] | None = None
    ) -> None:
        """With a refresh token, a 401 to a bearer-authenticated call refreshes the access token once (one
        refresh shared by concurrent calls) and replays the call. `on_token_refresh(access, refresh)` is
        told the new tokens (`refresh` is None unless the server rotated it), e.g. to store them."""
        self._refresh_token = refresh_token
        if on_token_refresh is not None:
            self._on_token_refresh = on_token_refresh

    @property
    def refresh_token(self) -> str | None:
        return self._refresh_token

    def set_basic_auth(self, username: str, password: str) -> None:
        self.credentials.basic = (username, password)

    def set_api_key(self, value: str | None, scheme: str | None = None) -> None:
        """Use this API key from now on (for the only apiKey scheme, or the one named `scheme`)."""
        keys = self.credentials.api_keys
        if scheme is None:
            if len(keys) != 1:
                raise ValueError(f"the API has {len(keys)} API-key schemes; name one of {sorted(keys)}")
            scheme = next(iter(keys))
        if scheme not in keys:
            raise ValueError(f"unknown API-key scheme {scheme!r}; known: {sorted(keys)}")
        keys[scheme].value = value

    def _register_schemes(
        self, bearer: Sequence[str], basic: Sequence[str], api_keys: Mapping[str, ApiKeyAuth]
    ) -> None:
        for name in bearer:
            self.credentials.schemes[name] = "bearer"
        for name in basic:
            self.credentials.schemes[name] = "basic"
        for name, key in api_keys.items():
            self.credentials.schemes[name] = name
            self.credentials.api_keys[name] = key

    # -- token refresh ---------------------------------------------------------------------------------------
    def _wants_refresh(self, operation: Operation, response: httpx.Response, can_refresh: bool) -> bool:
        """A 401 to an operation that accepts bearer tokens, with a refresh token and a way to use it."""
        if response.status_code != 401 or self._refresh_token is None or not can_refresh:
            return False
        return "bearer" in {self.credentials.schemes.get(name, name) for name in operation.security}

    def _current_authorization(self) -> str | None:
        bearer = self.credentials.bearer
        if bearer is None:
            return None
        return "Bearer " + (bearer() if callable(bearer) else bearer)

    def _store_tokens(self, access: str, refresh: str | None) -> None:
        self.credentials.bearer = access
        if refresh:
            self._refresh_token = refresh
        if self._on_token_refresh is not None:
            self._on_token_refresh(access, refresh)

    def _max_retries(self, options: RequestOptions | None) -> int:
        return options.get("max_retries", self.retry.max_retries) if options else self.retry.max_retries

    def _auto_key(self, operation: Operation, idempotency_key: str | None, max_retries: int) -> str | None:
        """The caller's idempotency key, or a generated one where the operation accepts keys and the request
        may be retried (a retried create without a key could create twice)."""
        if idempotency_key or not operation.accepts_idempotency_key:
            return idempotency_key
        if max_retries > 0 and self.retry.auto_idempotency_key:
            return str(uuid.uuid4())
        return None

    # -- request building ------------------------------------------------------------------------------------
    def _build(
        self,
        client: httpx.Client | httpx.AsyncClient,
        operation: Operation,
        *,
        path_params: Mapping[str, Any] | None,
        query: Mapping[str, Any] | None,
        headers: Mapping[str, Any] | None,
        cookies: Mapping[str, Any] | None,
        body: Any,
        idempotency_key: str | None,
        options: RequestOptions | None,
    ) -> httpx.Request:
        url = self._base_for(operation) + encode_path(operation.path, path_params or {})
        params = encode_query(query or {})
        final_headers = self._headers(operation, headers, params, options)
        if cookies:
            jar = "; ".join(f"{k}={quote(_scalar(v), safe='')}" for k, v in cookies.items() if v is not None)
            if jar:
                final_headers["Cookie"] = jar
        if idempotency_key:
            final_headers[self.retry.idempotency_header] = idempotency_key
        kwargs: dict[str, Any] = {}
        if body is not None:
            kind = operation.body_kind
            media = operation.body_media_type
            if kind == "json":
                kwargs["content"] = json.dumps(to_jsonable(body), ensure_ascii=False).encode()
                final_headers["Content-Type"] = media or "application/json"
            elif kind == "form":
                kwargs["data"] = {k: _scalar(v) for k, v in to_jsonable(body).items() if v is not None}
            elif kind == "multipart":
                files = {
                    k: v for k, v in dict(body).items() if isinstance(v, (bytes, tuple)) or hasattr(v, "read")
                }
                data = {k: _scalar(v) for k, v in dict(body).items() if k not in files and v is not None}
                kwargs["files"] = files
                kwargs["data"] = data
            else:
                kwargs["content"] = body.encode() if isinstance(body, str) else body
                if media:
                    final_headers["Content-Type"] = media
        return client.build_request(
            operation.method,
            url,
            params=httpx.QueryParams(tuple(params)),
            headers=final_headers,
            timeout=self._timeout(options),
            **kwargs,
        )

    def _headers(
        self,
        operation: Operation,
        headers: Mapping[str, Any] | None,
        params: list[tuple[str, str]],
        options: RequestOptions | None,
    ) -> dict[str, str]:
        """Default headers, the operation's header parameters, credentials, then the per-call headers."""
        final_headers: dict[str, str] = dict(self.default_headers)
        for name, value in (headers or {}).items():
            if value is not None:
                final_headers[name] = _scalar(value)
        self.credentials.apply(operation, final_headers, params)
        if options and options.get("headers"):
            final_headers.update(options["headers"])
        return final_headers

    def _timeout(self, options: RequestOptions | None) -> float | httpx.Timeout | None:
        return options["timeout"] if options and "timeout" in options else self.timeout

    def _base_for(self, operation: Operation) -> str:
        """Where `operation` is served: `base_url`, or the operation's own server (see `Operation.server`)."""
        if operation.server is None:
            return self.base_url
        return _server_base(self.base_url, operation.server)

    def _follow(
        self,
        client: httpx.Client | httpx.AsyncClient,
        operation: Operation,
        url: str,
        headers: Mapping[str, Any] | None,
        options: RequestOptions | None,
    ) -> httpx.Request:
        """A GET of a pagination link with the first page's credentials, header parameters, per-call headers
        and timeout; only to the operation's own origin."""
        base = self._base_for(operation)
        absolute = urljoin(base + "/", url)
        if _origin(absolute) != _origin(base):
            raise ValueError(f"refusing to follow a pagination link to another origin: {absolute}")
        params: list[tuple[str, str]] = []
        final_headers = self._headers(operation, headers, params, options)
        query = httpx.QueryParams(tuple(params)) if params else None
        return client.build_request(
            "GET", absolute, params=query, headers=final_headers, timeout=self._timeout(options)
        )

    def _parse(
        self, operation: Operation, response: httpx.Response, returns: Returns[T]
    ) -> ApiResponse[T] | NotModified:
        status = response.status_code
        if status == 304:
            return NotModified(status, response.headers, operation.operation_id)
        if not 200 <= status < 300:
            raise error_for(response, operation.operation_id)
        return ApiResponse(status, response.headers, self._data(operation, response, returns))

    def _data(self, operation: Operation, response: httpx.Response, returns: Returns[T]) -> T:
        if operation.response_kind == "none" or response.status_code == 204 or not response.content:
            return cast(T, None)
        if operation.response_kind == "text":
            return cast(T, response.text)
        if operation.response_kind == "binary":
            return cast(T, response.content)
        try:
            payload = response.json()
        except ValueError:
            return cast(T, response.text)
        try:
            return returns.parse(payload)
        except ValidationError as exc:
            raise ResponseValidationError(
                operation.operation_id, response.status_code, exc, payload
            ) from None

    def _should_retry(self, request: httpx.Request, attempt: int, max_retries: int) -> bool:
        return attempt <= max_retries and self.retry.may_retry(request)

    def _transport_error(
        self, operation: Operation | None, request: httpx.Request, exc: httpx.TransportError
    ) -> BaseException:
        """What to raise for a transport error: timeouts as `ApiTimeoutError`, others as they are."""
        if isinstance(exc, httpx.TimeoutException):
            operation_id = operation.operation_id if operation else None
            return ApiTimeoutError(request.method, str(request.url), operation_id)
        return exc

    def _event(
        self,
        operation: Operation | None,
        request: httpx.Request,
        attempt: int,
        delay: float,
        response: httpx.Response | None,
        error: BaseException | None,
    ) -> None:
        if self.retry.on_retry is not None:
            self.retry.on_retry(
                RetryEvent(
                    operation_id=operation.operation_id if operation else None,
                    method=request.method,
                    url=str(request.url),
                    attempt=attempt,
                    delay=delay,
                    status_code=response.status_code if response is not None else None,
                    error=error,
                )
            )


def tokens_of(tokens: Any, access: str, refresh: str | None) -> tuple[str, str | None]:
    """`(access token, rotated refresh token or None)` from a token-refresh response (model or JSON)."""
    wire = tokens.model_dump(mode="json", by_alias=True) if isinstance(tokens, BaseModel) else tokens
    rotated = wire.get(refresh) if refresh else None
    return str(wire[access]), str(rotated) if rotated else None


def modified(result: ApiResponse[T] | NotModified) -> ApiResponse[T]:
    """The response, or `NotModifiedError` for a 304 (a call that has no not-modified result to give)."""
    if isinstance(result, NotModified):
        raise NotModifiedError(result, result.operation_id)
    return result


class SyncCore(_CoreBase):
    """Blocking transport (httpx.Client) behind the generated synchronous client."""

    def __init__(self, base_url: str, *, http_client: httpx.Client | None = None, **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self._owns_client = http_client is None
        self._http = http_client if http_client is not None else httpx.Client(follow_redirects=False)
        self._refresher: Callable[[str], tuple[str, str | None]] | None = None
        self._refresh_lock = threading.Lock()

    def close(self) -> None:
        if self._owns_client:
            self._http.close()

    def _set_refresher(self, refresher: Callable[[str], tuple[str, str | None]]) -> None:
        """How to trade the refresh token for `(access, rotated refresh or None)` (the generated client's)."""
        self._refresher = refresher

    def respond(
        self,
        operation: Operation,
        returns: Returns[T],
        *,
        path_params: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        cookies: Mapping[str, Any] | None = None,
        body: Any = None,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
    ) -> ApiResponse[T] | NotModified:
        """Send one operation; the typed body with the response's status and headers, or `NotModified`."""
        warn_deprecated(operation, path_params, query, headers, cookies)
        max_retries = self._max_retries(options)
        key = self._auto_key(operation, idempotency_key, max_retries)

        def build() -> httpx.Request:
            return self._build(
                self._http,
                operation,
                path_params=path_params,
                query=query,
                headers=headers,
                cookies=cookies,
                body=body,
                idempotency_key=key,
                options=options,
            )

        return self._parse(operation, self._exchange(operation, build, max_retries), returns)

    def request(self, operation: Operation, returns: Returns[T], **parts: Any) -> T:
        """`respond(...)`'s body alone (`NotModifiedError` for a 304)."""
        return modified(self.respond(operation, returns, **parts)).data

    def paginate(
        self,
        operation: Operation,
        first_page: Callable[[], Any],
        returns: Returns[Any],
        *,
        items: tuple[str, str],
        next_link: tuple[str, str],
        headers: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
    ) -> Iterator[Any]:
        """Yield every item of every page, following the `next` link of each page until it is empty. Every
        page is fetched with the call's header parameters (`headers`) and `options` (headers, timeout,
        retries)."""
        page = first_page()
        while True:
            yield from _attr(page, items) or ()
            link = _attr(page, next_link)
            if not link:
                return
            url = str(link)
            response = self._exchange(
                operation,
                functools.partial(self._follow, self._http, operation, url, headers, options),
                self._max_retries(options),
            )
            page = modified(self._parse(operation, response, returns)).data

    def _exchange(
        self, operation: Operation, build: Callable[[], httpx.Request], max_retries: int
    ) -> httpx.Response:
        """Send with retries; after a 401, refresh the token (once, shared) and replay the request."""
        request = build()
        response = self._send(operation, request, max_retries)
        if self._wants_refresh(operation, response, self._refresher is not None) and self._refresh(
            request.headers.get("Authorization")
        ):
            response = self._send(operation, build(), max_retries)
        return response

    def _refresh(self, used: str | None) -> bool:
        """Whether there is a new access token to replay with: refreshed here, or by a concurrent call while
        this one waited for the lock."""
        with self._refresh_lock:
            if self._current_authorization() != used:
                return True
            refresh_token, refresher = self._refresh_token, self._refresher
            if refresh_token is None or refresher is None:
                return False
            try:
                access, rotated = refresher(refresh_token)
            except ApiError:
                return False  # the refresh token is no good either: the original 401 stands
            self._store_tokens(access, rotated)
            return True

    def _send(self, operation: Operation | None, request: httpx.Request, max_retries: int) -> httpx.Response:
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._http.send(request)
            except httpx.TransportError as exc:
                retryable = self.retry.retry_connection_errors and not isinstance(
                    exc, httpx.UnsupportedProtocol
                )
                if retryable and self._should_retry(request, attempt, max_retries):
                    backoff = self.retry.backoff(attempt)
                    self._event(operation, request, attempt, backoff, None, exc)
                    time.sleep(backoff)
                    continue
                error = self._transport_error(operation, request, exc)
                if error is exc:
                    raise
                raise error from exc
            if response.status_code == 409:
                response.read()  # the problem `code` decides whether a 409 is retried
            if self.retry.retries_status(request, response) and self._should_retry(
                request, attempt, max_retries
            ):
                delay = self.retry.delay_for(attempt, response)
                if delay is not None:
                    response.read()
                    response.close()
                    self._event(operation, request, attempt, delay, response, None)
                    time.sleep(delay)
                    continue
            response.read()
            return response

    def __enter__(self: _SyncSelf) -> _SyncSelf:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncCore(_CoreBase):
    """Non-blocking transport (httpx.AsyncClient) behind the generated asynchronous client."""

    def __init__(self, base_url: str, *, http_client: httpx.AsyncClient | None = None, **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self._owns_client = http_client is None
        self._http = http_client if http_client is not None else httpx.AsyncClient(follow_redirects=False)
        self._refresher: Callable[[str], Awaitable[tuple[str, str | None]]] | None = None
        # One lock per event loop (an asyncio.Lock belongs to the loop it first waits in).
        self._refresh_locks: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}

    async def aclose(self) -> None:
        if self._owns_client:
            await self._http.aclose()

    def _set_refresher(self, refresher: Callable[[str], Awaitable[tuple[str, str | None]]]) -> None:
        """How to trade the refresh token for `(access, rotated refresh or None)` (the generated client's)."""
        self._refresher = refresher

    async def respond(
        self,
        operation: Operation,
        returns: Returns[T],
        *,
        path_params: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        cookies: Mapping[str, Any] | None = None,
        body: Any = None,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
    ) -> ApiResponse[T] | NotModified:
        """Send one operation; the typed body with the response's status and headers, or `NotModified`."""
        warn_deprecated(operation, path_params, query, headers, cookies)
        max_retries = self._max_retries(options)
        key = self._auto_key(operation, idempotency_key, max_retries)

        def build() -> httpx.Request:
            return self._build(
                self._http,
                operation,
                path_params=path_params,
                query=query,
                headers=headers,
                cookies=cookies,
                body=body,
                idempotency_key=key,
                options=options,
            )

        return self._parse(operation, await self._exchange(operation, build, max_retries), returns)

    async def request(self, operation: Operation, returns: Returns[T], **parts: Any) -> T:
        """`respond(...)`'s body alone (`NotModifiedError` for a 304)."""
        return modified(await self.respond(operation, returns, **parts)).data

    async def paginate(
        self,
        operation: Operation,
        first_page: Callable[[], Awaitable[Any]],
        returns: Returns[Any],
        *,
        items: tuple[str, str],
        next_link: tuple[str, str],
        headers: Mapping[str, Any] | None = None,
        options: RequestOptions | None = None,
    ) -> AsyncIterator[Any]:
        page = await first_page()
        while True:
            for item in _attr(page, items) or ():
                yield item
            link = _attr(page, next_link)
            if not link:
                return
            url = str(link)
            response = await self._exchange(
                operation,
                functools.partial(self._follow, self._http, operation, url, headers, options),
                self._max_retries(options),
            )
            page = modified(self._parse(operation, response, returns)).data

    async def _exchange(
        self, operation: Operation, build: Callable[[], httpx.Request], max_retries: int
    ) -> httpx.Response:
        """Send with retries; after a 401, refresh the token (once, shared) and replay the request."""
        request = build()
        response = await self._send(operation, request, max_retries)
        if self._wants_refresh(operation, response, self._refresher is not None) and await self._refresh(
            request.headers.get("Authorization")
        ):
            response = await self._send(operation, build(), max_retries)
        return response

    async def _refresh(self, used: str | None) -> bool:
        loop = asyncio.get_running_loop()
        lock = self._refresh_locks.setdefault(loop, asyncio.Lock())
        async with lock:
            if self._current_authorization() != used:
                return True
            refresh_token, refresher = self._refresh_token, self._refresher
            if refresh_token is None or refresher is None:
                return False
            try:
                access, rotated = await refresher(refresh_token)
            except ApiError:
                return False
            self._store_tokens(access, rotated)
            return True

    async def _send(
        self, operation: Operation | None, request: httpx.Request, max_retries: int
    ) -> httpx.Response:
        attempt = 0
        while True:
            attempt += 1
            try:
                response = await self._http.send(request)
            except httpx.TransportError as exc:
                retryable = self.retry.retry_connection_errors and not isinstance(
                    exc, httpx.UnsupportedProtocol
                )
                if retryable and self._should_retry(request, attempt, max_retries):
                    backoff = self.retry.backoff(attempt)
                    self._event(operation, request, attempt, backoff, None, exc)
                    await asyncio.sleep(backoff)
                    continue
                error = self._transport_error(operation, request, exc)
                if error is exc:
                    raise
                raise error from exc
            if response.status_code == 409:
                await response.aread()  # the problem `code` decides whether a 409 is retried
            if self.retry.retries_status(request, response) and self._should_retry(
                request, attempt, max_retries
            ):
                delay = self.retry.delay_for(attempt, response)
                if delay is not None:
                    await response.aread()
                    await response.aclose()
                    self._event(operation, request, attempt, delay, response, None)
                    await asyncio.sleep(delay)
                    continue
            await response.aread()
            return response

    async def __aenter__(self: _AsyncSelf) -> _AsyncSelf:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


_SyncSelf = TypeVar("_SyncSelf", bound=SyncCore)
_AsyncSelf = TypeVar("_AsyncSelf", bound=AsyncCore)


def _attr(page: Any, names: tuple[str, str]) -> Any:
    """A page member by Python attribute name (models) or wire name (plain JSON)."""
    attribute, wire = names
    if isinstance(page, Mapping):
        return page.get(wire)
    return getattr(page, attribute, None)


def _join_base(base_url: str, server_path: str) -> str:
    """`base_url` plus the contract's relative server path when `base_url` has no path of its own."""
    base = base_url.rstrip("/")
    relative = server_path and not server_path.startswith(("http://", "https://"))
    if relative and urlsplit(base).path in ("", "/"):
        base = base + "/" + server_path.strip("/")
    return base.rstrip("/")


def _server_base(base_url: str, server: str) -> str:
    """The base URL of an operation with its own server: an absolute server URL as is; a relative one
    (`/`, `/probes`) after the origin (scheme://host:port) of `base_url`, whatever path `base_url` has."""
    server = server.strip()
    parts = urlsplit(server)
    if parts.scheme and parts.netloc:
        return server.rstrip("/")
    base = urlsplit(base_url)
    if server.startswith("//"):  # scheme-relative: the client's scheme
        return f"{base.scheme}:{server}".rstrip("/")
    path = server.strip("/")
    return f"{base.scheme}://{base.netloc}" + (f"/{path}" if path else "")


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()
