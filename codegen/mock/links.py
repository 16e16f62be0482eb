"""Links in the mock's answers lead back to the mock, so a client can follow them.

A contract's examples are written for where the API will live: `next: https://pm.example.com/api/v1/projects
?cursor=...` (ours), `https://api.spotify.com/v1/me/shows?offset=1` (spotify). A client of the mock must not
follow those (the SDKs refuse a pagination link to another origin, rightly), so pagination against the mock
would stop after the first page. The rule, for any document:

* an absolute http(s) URL in a JSON body, or in a header value (`Location`, `Link: <...>`), whose path is
  one of the contract's operations (under its server prefix) is rewritten to the origin the request reached
  the mock on (scheme, host and port; query and fragment kept). Any host is rewritten, because the mock cannot
  tell an example host from a production one: both name an operation the mock serves. URLs whose path is not
  an operation (`https://example.com/avatar.png`, documentation links) are left alone, and so are relative
  links, which already resolve against the mock.
* a link in the body that leads to the very request being answered (the example's `next` link, followed) is
  set to `null` where its schema allows `null`, so walking pages ends on the second page instead of looping
  on the same example forever. A `self` link whose schema does not allow `null` is kept.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit, urlunsplit

from werkzeug.wrappers import Request

from codegen.diff.schema import Normalizer
from codegen.mock.routes import Route, match
from codegen.refs import Resolver

_URL = re.compile(r"https?://[^\s<>\"',;]+", re.IGNORECASE)


class LinkRewriter:
    def __init__(self, document: dict[str, Any], routes: list[Route]) -> None:
        self.routes = routes
        self.normalizer = Normalizer(Resolver(document))

    def _to_mock(self, url: str, origin: str) -> str | None:
        """`url` on the mock's origin when it names an operation of the contract, else None."""
        try:
            parts = urlsplit(url)
        except ValueError:  # e.g. an unbalanced `[` in the host
            return None
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            return None
        if match(self.routes, unquote(parts.path)) is None:
            return None
        mock = urlsplit(origin)
        return urlunsplit((mock.scheme, mock.netloc, parts.path, parts.query, parts.fragment))

    def headers(self, headers: dict[str, str], request: Request) -> dict[str, str]:
        origin = request.host_url.rstrip("/")
        return {
            name: _URL.sub(lambda m: self._to_mock(m.group(0), origin) or m.group(0), value)
            for name, value in headers.items()
        }

    def body(self, body: Any, schema: Any, request: Request) -> Any:
        return self._walk(body, schema, request, request.host_url.rstrip("/"))

    def _walk(self, value: Any, schema: Any, request: Request, origin: str) -> Any:
        node = self.normalizer.node(schema) if isinstance(schema, dict) else None
        flat = node.schema if node is not None else {}
        if isinstance(value, str):
            absolute = value[:8].lower().startswith(("http://", "https://"))
            if not absolute and not value.startswith("/"):
                return value
            target = self._to_mock(value if absolute else urljoin(origin + "/", value), origin)
            if target is None:
                return value
            if node is not None and node.nullable and _same_request(target, request):
                return None
            return target if absolute else value
        if isinstance(value, list):
            items = flat.get("items")
            return [self._walk(item, items, request, origin) for item in value]
        if isinstance(value, dict):
            declared = flat.get("properties")
            properties: dict[str, Any] = declared if isinstance(declared, dict) else {}
            extra = flat.get("additionalProperties")
            return {
                key: self._walk(item, properties.get(key, extra), request, origin)
                for key, item in value.items()
            }
        return value


def _same_request(url: str, request: Request) -> bool:
    parts = urlsplit(url)
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return unquote(parts.path) == request.path and query == sorted(request.args.items(multi=True))
