"""Entity tags and conditional writes (the contract-driven response side is server.contract.caching).

* `ETag`: a strong validator, the hash of the representation (the response body's JSON, keys sorted). A
  representation may depend on the caller (a project's `role`), so the tag is per caller too (`Vary`).
* `If-Match` on PUT/PATCH/DELETE: the view hands `if_match(request, present)` to the service, which re-reads
  the row locked (`SELECT ... FOR UPDATE`) inside the write's transaction and compares (strong comparison);
  a mismatch is `412 precondition_failed`. Check and write are one atomic step, so of two editors who read the
  same version only the first one's write succeeds. `If-Match` is optional: without it the write is
  unconditional (the pre-existing behaviour every client relies on).

Entity-tag parsing reuses Django's (`django.utils.http.parse_etags`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any, TypeVar

import orjson
from django.db import transaction
from django.db.models import Model
from django.utils.http import parse_etags
from rest_framework.request import Request

from .error_codes import ErrorCode
from .errors import ApiError, NotFound

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
    default_code = ErrorCode.PRECONDITION_FAILED


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
