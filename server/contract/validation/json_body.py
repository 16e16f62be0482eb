"""JSON request bodies: parsed exactly, and only up to a bounded nesting depth.

Every recursive consumer of a parsed body has a limit of its own, and none answers a clear 400: Python's json
raises RecursionError at about 1000 levels, orjson refuses at 1024, jsonschema-rs at 255 ("Recursion limit
reached"), python-jsonschema exhausts the stack sooner. So the server sets one limit below all of them,
REQUEST_MAX_JSON_DEPTH (RFC 8259, section 9, lets a parser limit nesting), checked wherever a body is parsed:
the compiled engine, the reference engine, and DRF's parser (validation off). A deeper body is 400
`malformed_json`: it is not JSON this server accepts.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson
from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from .engine import RequestRejected, Violation

# Every digit becomes "9", everything else a space: a run of 19 digits is then a plain substring search.
_DIGITS_ONLY = bytes(57 if 48 <= byte <= 57 else 32 for byte in range(256))
_LONG_NUMBER = b"9" * 19
# A JSON string, escapes included. Only ever run on a document that parsed, where every quote pairs up, so
# each match attempt succeeds and the scan is linear.
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
# One pass removes the pairs present before it (not those it uncovers: `{[]}` keeps its `{}`): one level.
_INNERMOST_PAIR = re.compile(rb"\[\]|\{\}")
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")


class TooDeep(ValueError):
    def __init__(self, limit: int) -> None:
        super().__init__(f"The JSON document nests deeper than {limit} levels.")
        self.limit = limit

    def rejection(self) -> RequestRejected:
        return RequestRejected(
            status=400,
            code="malformed_json",
            detail=str(self),
            violations=[Violation(code="max_depth", message=str(self), pointer="")],
        )


def max_depth() -> int:
    limit: int = settings.REQUEST_MAX_JSON_DEPTH
    return limit


def _nests_deeper(raw: bytes, limit: int) -> bool:
    """Whether the valid JSON document `raw` has more than `limit` levels of arrays and objects."""
    # A document cannot nest deeper than it has opening brackets: the common case costs two C-level scans.
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    # Balanced and well nested: each pass removes the innermost pairs, one level, in C.
    for _ in range(limit):
        if not brackets:
            return False
        brackets = _INNERMOST_PAIR.sub(b"", brackets)
    return bool(brackets)


def parse_json(raw: bytes, *, limit: int | None = None) -> Any:
    """The document in `raw`; TooDeep beyond `limit` levels (default REQUEST_MAX_JSON_DEPTH), ValueError
    when it is not JSON."""
    limit = max_depth() if limit is None else limit
    try:
        # orjson turns integers beyond 64 bits into floats, silently; a 64-bit integer has at most 19
        # digits, so only documents with a run of 19+ digits take the exact (slower) parser.
        if _LONG_NUMBER in raw.translate(_DIGITS_ONLY):
            document = json.loads(raw.decode())  # UTF-8 only, as orjson (RFC 8259, section 8.1)
        else:
            document = orjson.loads(raw)
    except RecursionError:
        raise TooDeep(limit) from None
    except orjson.JSONDecodeError as exc:
        if str(exc).startswith("depth limit exceeded"):
            raise TooDeep(limit) from None
        raise
    if _nests_deeper(raw, limit):
        raise TooDeep(limit)
    return document


class DepthLimitedJSONParser(JSONParser):
    """DRF's JSON parser through `parse_json`: the same limit when contract validation is off."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        raw = stream.read() if stream is not None else b""
        try:
            return parse_json(raw)
        except TooDeep as exc:
            raise ParseError(str(exc)) from None
        except (ValueError, UnicodeDecodeError) as exc:
            raise ParseError(f"JSON parse error - {exc}") from None
