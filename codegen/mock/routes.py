"""Match a request path to the contract's paths, under the prefix of the first server URL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from codegen.refs import HTTP_METHODS, Resolver


@dataclass(frozen=True)
class Route:
    template: str
    prefix: str  # the path of the server URL that applies (a path item's own `servers` win)
    pattern: re.Pattern[str]
    item: dict[str, Any]
    literal_segments: int

    def methods(self) -> list[str]:
        return [m for m in HTTP_METHODS if isinstance(self.item.get(m), dict)]


def server_prefix(document: dict[str, Any]) -> str:
    """The path of the first server URL (`/api/v1` for `https://host/api/v1`), without a final `/`."""
    servers = document.get("servers")
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
        return ""
    url = str(servers[0].get("url", ""))
    for name, variable in (servers[0].get("variables") or {}).items():
        url = url.replace("{" + name + "}", str((variable or {}).get("default", "")))
    return urlsplit(url).path.rstrip("/")


def build_routes(document: dict[str, Any]) -> list[Route]:
    resolver = Resolver(document)
    default = server_prefix(document)
    routes = []
    for template, item in (document.get("paths") or {}).items():
        _, item = resolver.deref(item)
        if not isinstance(item, dict):
            continue
        regex = "".join(
            f"(?P<p{i}>[^/]+)" if part.startswith("{") else re.escape(part)
            for i, part in enumerate(re.split(r"(\{[^}/]+\})", template))
        )
        prefix = server_prefix(item) if item.get("servers") else default
        literal = sum(1 for seg in (prefix + template).split("/") if seg and "{" not in seg)
        routes.append(Route(template, prefix, re.compile(f"^{re.escape(prefix)}{regex}/?$"), item, literal))
    # literal segments win over templated ones: /users/me before /users/{id}
    routes.sort(key=lambda r: (-r.literal_segments, r.template.count("{")))
    return routes


def match(routes: list[Route], path: str) -> Route | None:
    for route in routes:
        if route.pattern.match(path):
            return route
    return None
