"""HTTP caching and conditional requests, as the contract declares them per operation and response.

* `ETag`: a strong validator, the hash of the representation (the response body's JSON, keys sorted). Set on
  every response whose contract declares an `ETag` header. A representation may depend on the caller (a
  project's `role`), so the tag is per caller too, like the response (`Vary`).
* `If-None-Match` on a GET whose 200 carries an `ETag` -> 304 with no body (weak comparison, RFC 9110 13.1.2).
* `If-Match` on PUT/PATCH/DELETE: the view hands `if_match(request, present)` to the service, which re-reads
  the row locked (`SELECT ... FOR UPDATE`) inside the write's transaction and compares (strong comparison);
  a mismatch is `412 precondition_failed`. Check and write are one atomic step, so of two editors who read the
  same version only the first one's write succeeds. `If-Match` is optional: without it the write is
  unconditional (the pre-existing behaviour every client relies on).
* `Cache-Control` and `Vary`: the value of a declared `Cache-Control` header is the `const` of its schema in
  the contract; a declared `Vary` gets the credentials headers (`Authorization`, `X-API-Key`).

Entity-tag parsing and comparison reuse Django's (`django.utils.http.parse_etags`, `django.utils.cache`).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
from django.db import transaction
from django.db.models import Model
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from rest_framework.request import Request
from rest_framework.response import Response

from .errors import ApiError, NotFound

if TYPE_CHECKING:
    from server.contract.spec import Contract, Operation

# The credentials headers: a response to one caller must never be served to another.
VARY_ON = ("Authorization", "X-API-Key")
# The two Cache-Control policies the contract uses (the server takes the value from the contract's `const`).
CACHE_PRIVATE = "private, no-cache"
CACHE_NO_STORE = "no-store"

M = TypeVar("M", bound=Model)


def etag_of(data: Any) -> str:
    """The strong entity tag of a representation: the same JSON, the same tag."""
    canonical = orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z)
    return '"' + hashlib.blake2b(canonical, digest_size=16).hexdigest() + '"'


class PreconditionFailed(ApiError):
    status = 412
    default_code = "precondition_failed"


@dataclass(frozen=True)
class Precondition:
    """`If-Match`: the tags the client's write is conditional on, and how to represent the current row."""

    tags: tuple[str, ...]
    present: Callable[[Any], Any]

    def check(self, current: Any) -> None:
        if self.tags == ("*",):
            return  # any current representation will do: the resource exists
        tag = etag_of(self.present(current))
        # Strong comparison: a weak tag never matches.
        if not any(candidate == tag for candidate in self.tags if not candidate.startswith("W/")):
            raise PreconditionFailed(
                detail="The resource has changed since you read it (If-Match does not match its ETag). "
                "Read it again and reapply your change.",
                headers={"ETag": tag},
            )


def if_match(request: Request, present: Callable[[Any], Any]) -> Precondition | None:
    header = request.headers.get("If-Match")
    if header is None:
        return None
    # The contract's pattern has already refused what is not an entity-tag list.
    return Precondition(tuple(parse_etags(header)), present)


def guarded(precondition: Precondition | None) -> AbstractContextManager[Any]:
    """The transaction `lock_and_check` and the write need; none (no extra queries) without `If-Match`."""
    return transaction.atomic() if precondition is not None else nullcontext()


def lock_and_check(instance: M, precondition: Precondition | None, *, keep: tuple[str, ...] = ()) -> M:
    """Inside the write's transaction: re-read `instance` with its row locked and check `If-Match` on that
    state, so nothing can change it between the check and the write. Without a precondition: `instance`.

    `keep` names attributes the re-read does not load (annotations such as the caller's `role`, relations
    the presenter reads), copied over from `instance`.
    """
    if precondition is None:
        return instance
    model = type(instance)
    current = model._default_manager.select_for_update().filter(pk=instance.pk).first()
    if current is None:
        raise NotFound()
    for name in keep:
        setattr(current, name, getattr(instance, name))
    precondition.check(current)
    return current


# --- what the contract declares ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DeclaredHeaders:
    etag: bool
    cache_control: str | None
    vary: bool


def declared_headers(operation: Operation) -> dict[str, DeclaredHeaders]:
    """status -> the caching headers the contract declares on that response of `operation`."""
    from server.contract.spec import get_contract

    return _declared_headers(get_contract(), operation.path, operation.method)


@functools.cache
def _declared_headers(contract: Contract, path: str, method: str) -> dict[str, DeclaredHeaders]:
    from server.contract.spec import resolve

    document = contract.document
    raw_operation = document["paths"][path][method]
    declared: dict[str, DeclaredHeaders] = {}
    for status, raw_response in (raw_operation.get("responses") or {}).items():
        headers = resolve(document, raw_response).get("headers") or {}
        names = {name.lower(): name for name in headers}
        cache_control = None
        if "cache-control" in names:
            header = resolve(document, headers[names["cache-control"]])
            cache_control = resolve(document, header.get("schema", {})).get("const")
        declared[str(status)] = DeclaredHeaders(
            etag="etag" in names, cache_control=cache_control, vary="vary" in names
        )
    return declared


def apply(operation: Operation, request: Request, response: Response) -> Response:
    """Set the caching headers the contract declares for this response; answer 304 to a matching
    `If-None-Match`. Called on every response of a contract operation, before it is validated."""
    declared = declared_headers(operation).get(str(response.status_code))
    if declared is None:
        return response
    if declared.cache_control and not response.has_header("Cache-Control"):
        response["Cache-Control"] = declared.cache_control
    if declared.vary:
        patch_vary_headers(response, VARY_ON)
    if declared.etag and not response.has_header("ETag") and response.data is not None:
        response["ETag"] = etag_of(response.data)
    if request.method == "GET" and response.status_code == 200 and response.has_header("ETag"):
        header = request.headers.get("If-None-Match")
        if header is not None and _none_match_fails(parse_etags(header), response["ETag"]):
            response.status_code = 304
            response.data = None  # rendered empty; DRF then drops Content-Type
    return response


def _none_match_fails(tags: list[str], etag: str) -> bool:
    """Weak comparison: W/"x" and "x" match."""
    if tags == ["*"]:
        return True
    bare = etag.removeprefix("W/")
    return any(tag.removeprefix("W/") == bare for tag in tags)
