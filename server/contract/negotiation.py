"""Content negotiation as the contract declares it.

A client may ask (`Accept`) for any media type the operation declares in any of its responses: generated
clients often send the union of what an operation can answer (openapi-generator sends
`application/problem+json` alone for an operation whose only body is an error). A success without a body
(a 204) ignores `Accept`. Anything else is refused with the contract's `406 not_acceptable` before the
handler runs, so nothing is changed on behalf of a client that could not read the answer.

Accept parsing and quality values are Django's (`HttpRequest.get_preferred_type`, Django 5.2).
"""

from __future__ import annotations

from django.http import HttpRequest

from server.common.error_codes import ErrorCode
from server.common.errors import ApiError

from .spec import Operation


class NotAcceptable(ApiError):
    status = 406
    default_code = ErrorCode.NOT_ACCEPTABLE


def check_acceptable(operation: Operation, request: HttpRequest) -> None:
    if not operation.success_has_body or not operation.media_types:
        return
    header = request.headers.get("Accept", "")
    if not header.strip() or request.get_preferred_type(list(operation.media_types)) is not None:
        return
    raise NotAcceptable(
        detail=f"This operation answers {', '.join(operation.media_types)}; "
        f"the Accept header ({header[:200]}) allows none of them."
    )
