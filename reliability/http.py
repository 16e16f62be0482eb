"""One HTTP call, answered with its status, headers (lower-case names) and parsed body."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: Any


def call(
    base: str,
    method: str,
    path: str,
    *,
    body: Any = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> Reply:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{base}{path}", data=data, method=method)
    for name, value in {**({"Content-Type": "application/json"} if data else {}), **(headers or {})}.items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw, reply_headers = response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        status, raw, reply_headers = error.code, error.read(), error.headers
    content_type = reply_headers.get("Content-Type", "")
    parsed = json.loads(raw) if raw and "json" in content_type else raw.decode(errors="replace")
    return Reply(status=status, headers={k.lower(): v for k, v in reply_headers.items()}, body=parsed)
