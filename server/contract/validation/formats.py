"""`date` and `date-time` as the server can use them: RFC 3339, and representable by Python in UTC.

RFC 3339 allows year 0000, a leap second (`23:59:60`), and offsets that carry an instant past year 9999
(`9999-12-31T23:59:59-23:59` is 10000-01-01 in UTC). Python's date and datetime cannot hold those, so a value
the validators passed would fail later, in a handler or when Django converts it to UTC for the database: a
500. Both engines check these two formats with the functions below (both tiers of the compiled engine, and
openapi-core's format checker), so every date a request carries is either usable or a 400 `format` error at
its parameter or member.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from rfc3339_validator import validate_rfc3339

_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def parse_date(value: str) -> date:
    """The date `value` names (RFC 3339 full-date); ValueError when it is not one Python can represent."""
    if _FULL_DATE.fullmatch(value) is None:
        raise ValueError(f"{value!r} is not an RFC 3339 full-date")
    return date.fromisoformat(value)


def parse_date_time(value: str) -> datetime:
    """The instant `value` names (RFC 3339 date-time, `t` and `z` in either case), with its offset;
    ValueError when it is not one, or when that instant is outside what Python can represent in UTC."""
    upper = value.upper()
    if not validate_rfc3339(upper):
        raise ValueError(f"{value!r} is not an RFC 3339 date-time")
    try:
        instant = datetime.fromisoformat(upper)
        instant.astimezone(UTC)  # the database stores it in UTC
    except OverflowError:
        raise ValueError(f"{value!r} is outside the representable range of dates") from None
    return instant


def is_date(instance: object) -> bool:
    """JSON Schema format check (non-strings conform, as the type keyword judges them)."""
    if not isinstance(instance, str):
        return True
    try:
        parse_date(instance)
    except ValueError:
        return False
    return True


def is_date_time(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    try:
        parse_date_time(instance)
    except ValueError:
        return False
    return True


FORMAT_CHECKS: dict[str, Callable[[Any], bool]] = {"date": is_date, "date-time": is_date_time}
