"""RFC 3339 dates as the contract's extensions carry them (`x-sunset`, `x-deprecated-at`): read by
`contract lint` and `contract diff`, and by the server, which sends them as Deprecation and Sunset headers."""

from __future__ import annotations

import datetime as dt
from typing import Any


def parse_instant(value: Any) -> dt.datetime | None:
    """An RFC 3339 date or date-time as an aware UTC datetime; None when it is not one. YAML loaders hand
    over unquoted dates as `date` / `datetime` objects, which count too."""
    if isinstance(value, dt.datetime):
        instant = value
    elif isinstance(value, dt.date):
        instant = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str) and len(value) == 10:
        try:
            instant = dt.datetime.combine(dt.date.fromisoformat(value), dt.time())
        except ValueError:
            return None
    elif isinstance(value, str) and len(value) > 10 and value[10] in "Tt":
        try:
            instant = dt.datetime.fromisoformat(value.replace("z", "Z"))
        except ValueError:
            return None
        if instant.tzinfo is None:
            return None  # RFC 3339 requires an offset (or Z)
    else:
        return None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    return instant.astimezone(dt.UTC)
