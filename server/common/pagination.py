"""Keyset (cursor) pagination over (ordering field, id).

Written by hand because DRF's CursorPagination falls back to OFFSET inside runs of equal values (slow on
large tables, e.g. ordering by priority) and cannot page over ties without the id as a tie-breaker.

Cursors are signed (django.core.signing, keyed by SECRET_KEY): a client cannot forge one, so the values that
reach the keyset filter are values this server wrote. The checks after the signature stay as a second line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, Q, QuerySet
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from .error_codes import ErrorCode
from .errors import BadRequest

CURSOR_PARAM = "cursor"
CURSOR_SALT = "server.common.pagination.cursor"


# A plain Signer, not signing.dumps' TimestampSigner: a cursor names a position, so the same position must
# give the same cursor whenever it is issued (page links are compared and cached as they are).
_SIGNER = signing.Signer(salt=CURSOR_SALT)


def _encode(payload: dict[str, Any]) -> str:
    return _SIGNER.sign_object(payload)


def _invalid_cursor() -> BadRequest:
    return BadRequest(
        code=ErrorCode.INVALID_CURSOR,
        detail="The cursor is not valid for this list; start again without it.",
        errors=[{"field": CURSOR_PARAM, "code": "invalid_cursor", "message": "Invalid cursor."}],
    )


def _decode(cursor: str, ordering: str, list_path: str) -> tuple[Any, int, bool]:
    try:
        payload = _SIGNER.unsign_object(cursor)
        value, pk, backwards = payload["v"], payload["id"], payload["b"]
        made_for, made_on = payload["o"], payload["p"]
    except (signing.BadSignature, ValueError, KeyError, TypeError, UnicodeError):
        raise _invalid_cursor() from None
    # A cursor only continues the list (path) and ordering it was issued for; ordered fields are never null.
    if made_for != ordering or made_on != list_path or value is None:
        raise _invalid_cursor()
    if not isinstance(pk, int) or isinstance(pk, bool) or not isinstance(backwards, bool):
        raise _invalid_cursor()
    return value, pk, backwards


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _after(field: str, value: Any, pk: int, descending: bool) -> Q:
    op = "lt" if descending else "gt"
    return Q(**{f"{field}__{op}": value}) | Q(**{field: value, f"pk__{op}": pk})


def paginate(
    *,
    request: Request,
    queryset: QuerySet[Any],
    ordering: str,
    present: Callable[[Any], dict[str, Any]],
    page_size: int,
    cursor: str | None,
) -> Response:
    field = ordering.lstrip("-")
    descending = ordering.startswith("-")
    backwards = False
    try:
        if cursor:
            value, pk, backwards = _decode(cursor, ordering, request.path)
            # Walking backwards is walking forwards over the reversed order. A value of the wrong type fails
            # here (building the lookup) or when the query runs: either way the cursor is invalid, not a 500.
            queryset = queryset.filter(_after(field, value, pk, descending != backwards))
        scan_descending = descending != backwards
        prefix = "-" if scan_descending else ""
        queryset = queryset.order_by(f"{prefix}{field}", f"{prefix}pk")
        rows: list[Model] = list(queryset[: page_size + 1])
    except (DjangoValidationError, ValueError, TypeError):
        raise _invalid_cursor() from None
    more = len(rows) > page_size
    rows = rows[:page_size]
    if backwards:
        rows.reverse()
    has_next = more if not backwards else True
    has_previous = (more if backwards else bool(cursor)) and bool(rows)

    def link(row: Model, to_previous: bool) -> str:
        token = _encode(
            {
                "v": _plain(getattr(row, field)),
                "id": row.pk,
                "b": to_previous,
                "o": ordering,
                "p": request.path,
            }
        )
        return replace_query_param(request.build_absolute_uri(), CURSOR_PARAM, token)

    return Response(
        {
            "items": [present(row) for row in rows],
            "next": link(rows[-1], False) if has_next and rows else None,
            "previous": link(rows[0], True) if has_previous else None,
        }
    )


def page_of(items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A single, complete page (for lists too small to paginate)."""
    return {"items": list(items), "next": None, "previous": None}
