"""Serve Swagger UI (drf-spectacular-sidecar's assets: local, no CDN) over the contract file as it is on disk.

`/openapi.json` reads the file on every request; the page polls `/version` (the file's sha256) once a second
and re-renders the document when it changes, so a save in the editor shows up without a manual reload. A file
that does not parse is shown as an error banner until it is fixed.
"""

from __future__ import annotations

import hashlib
import html
import json
import mimetypes
import sys
from pathlib import Path
from typing import Any

import drf_spectacular_sidecar
from werkzeug.wrappers import Request, Response

from codegen.document import load_document
from codegen.findings import CodegenError
from codegen.mock.server import serve
from codegen.paths import display_path

ASSETS = (
    Path(drf_spectacular_sidecar.__file__).parent / "static" / "drf_spectacular_sidecar" / "swagger-ui-dist"
)
_ASSET_NAMES = {
    "swagger-ui.css",
    "swagger-ui-bundle.js",
    "swagger-ui-standalone-preset.js",
    "favicon-32x32.png",
}

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Docs preview: {name}</title>
<link rel="stylesheet" href="/assets/swagger-ui.css">
<style>#problem {{ display: none; background: #fee; color: #900; padding: .6em 1em; font: 14px monospace; }}
</style>
</head><body><div id="problem" role="alert"></div><div id="swagger-ui"></div>
<script src="/assets/swagger-ui-bundle.js"></script>
<script>
let version = null;
const problem = document.getElementById('problem');
async function render() {{
  const response = await fetch('/openapi.json', {{ cache: 'no-store' }});
  const body = await response.json();
  if (!response.ok) {{ problem.textContent = body.error; problem.style.display = 'block'; return; }}
  problem.style.display = 'none';
  window.ui = SwaggerUIBundle({{ spec: body, dom_id: '#swagger-ui', deepLinking: true }});
  document.body.dataset.version = version;
}}
async function poll() {{
  try {{
    const current = (await (await fetch('/version', {{ cache: 'no-store' }})).json()).version;
    if (current !== version) {{ version = current; await render(); }}
  }} catch (error) {{ /* the preview server restarted; keep polling */ }}
  setTimeout(poll, 1000);
}}
poll();
</script></body></html>
"""


class DocsApp:
    def __init__(self, spec: Path) -> None:
        if not spec.is_file():
            raise CodegenError(f"{spec}: no such file")
        self.spec = spec
        self.name = display_path(spec)
        # the files of a multi-file contract, as of the last /openapi.json: an edit to any of them reloads
        self.files: list[Path] = [spec]

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        return self.dispatch(Request(environ))(environ, start_response)

    def dispatch(self, request: Request) -> Response:
        no_store = {"Cache-Control": "no-store"}
        if request.path == "/":
            return Response(
                _PAGE.format(name=html.escape(self.name)), content_type="text/html", headers=no_store
            )
        if request.path == "/version":
            digest_of = hashlib.sha256()
            try:
                for file in self.files:
                    digest_of.update(file.read_bytes())
                digest = digest_of.hexdigest()
            except OSError:
                digest = "unreadable"
            return Response(
                json.dumps({"version": digest}), content_type="application/json", headers=no_store
            )
        if request.path == "/openapi.json":
            try:
                doc = load_document(self.spec)
                data = doc.data
                self.files = [self.spec, *(d.path for d in doc.files[1:])]
            except CodegenError as exc:
                return Response(json.dumps({"error": str(exc)}), 422, content_type="application/json")
            return Response(json.dumps(data), content_type="application/json", headers=no_store)
        name = request.path.removeprefix("/assets/")
        if name in _ASSET_NAMES:
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return Response((ASSETS / name).read_bytes(), content_type=content_type)
        return Response("not found", 404, content_type="text/plain")


def serve_docs(spec: Path, host: str, port: int) -> int:
    app = DocsApp(spec)
    print(f"docs: previewing {app.name}; the page reloads when the file changes", file=sys.stderr)
    return serve(app, host, port, "docs: serving {origin}/")
