"""Values as the JSON on the wire carries them.

Presenters hand responses over in JSON-native values, times included, so that what the response validator
checks (the data) is what the renderer writes, value for value, and it need not parse the body back.
"""

from __future__ import annotations

import datetime
from typing import Any

import orjson

# The renderer's options (settings: ORJSON_RENDERER_OPTIONS): a UTC time ends in "Z".
RENDER_OPTIONS = orjson.OPT_UTC_Z


def wire_time(value: Any) -> Any:
    """A date or an aware datetime as the renderer writes it (RFC 3339; orjson itself, so byte for byte).
    Anything else is left as it is, for the renderer to write and response validation to judge (None, and
    the stand-ins the drift check calls presenters on)."""
    if not isinstance(value, datetime.date):
        return value
    return orjson.dumps(value, option=RENDER_OPTIONS)[1:-1].decode()
