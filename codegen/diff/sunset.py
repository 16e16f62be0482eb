"""The deprecation workflow's dates: `deprecated: true` with `x-sunset` (an RFC 3339 date or date-time: the
moment the operation, parameter or property may be removed), and what "now" is for `contract diff`.

"Now" is injectable so verdicts are reproducible: `contract diff --date`, or the environment variable
`CONTRACT_DIFF_DATE` (an RFC 3339 date or date-time); otherwise the current UTC time. A date alone means
its first instant (00:00 UTC), for the sunset as for "now": a sunset of 2027-01-31 is reached on that day.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

from codegen.dates import parse_instant
from codegen.findings import CodegenError

DATE_VARIABLE = "CONTRACT_DIFF_DATE"
SUNSET = "x-sunset"
DEPRECATED_AT = "x-deprecated-at"


def now(value: str | None = None) -> dt.datetime:
    """`value` (else `$CONTRACT_DIFF_DATE`, else the clock) as the instant sunsets are compared with."""
    value = value if value is not None else os.environ.get(DATE_VARIABLE) or None
    if value is None:
        return dt.datetime.now(dt.UTC)
    instant = parse_instant(value)
    if instant is None:
        raise CodegenError(f"the diff date {value!r} is not an RFC 3339 date or date-time (e.g. 2027-01-31)")
    return instant


@dataclass(frozen=True)
class Lifecycle:
    """Where a node (an operation, a parameter, a schema property) stands in the deprecation workflow."""

    deprecated: bool
    sunset: dt.datetime | None  # None: no `x-sunset`, or one that is not a date (`raw` says which)
    raw: Any = None

    @classmethod
    def of(cls, node: Any) -> Lifecycle:
        if not isinstance(node, dict):
            return cls(False, None)
        raw = node.get(SUNSET)
        return cls(node.get("deprecated") is True, parse_instant(raw), raw)

    def removable(self, at: dt.datetime) -> bool:
        """Deprecated, with a sunset that `at` has reached: removing it breaks no promise."""
        return self.deprecated and self.sunset is not None and self.sunset <= at

    def show_sunset(self) -> str:
        if self.sunset is None:
            return "no x-sunset" if self.raw is None else f"x-sunset {self.raw!r} is not an RFC 3339 date"
        return f"sunset {show(self.sunset)}"

    def removal_note(self, at: dt.datetime) -> str:
        """Why a removal of this deprecated node is (or is not) on time, for messages."""
        if self.sunset is None:
            return f"deprecated, but with {self.show_sunset()}: clients were never told when"
        if self.sunset <= at:
            return f"deprecated, {self.show_sunset()} reached (now {show(at)})"
        return f"deprecated, but its {self.show_sunset()} is not reached (now {show(at)})"


def show(instant: dt.datetime) -> str:
    if instant.time() == dt.time() and instant.tzinfo is not None:
        return instant.date().isoformat()
    return instant.isoformat().replace("+00:00", "Z")
