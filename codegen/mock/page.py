"""The mock's human page: every operation, with a button that sends a valid request to the mock."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from codegen.mock.routes import server_prefix
from codegen.mock.sample import Sampler
from codegen.refs import Resolver, iter_operations

_SCRIPT = """
document.querySelectorAll('tr.operation').forEach((row) => {
  const op = JSON.parse(row.dataset.op);
  row.querySelector('button.send').addEventListener('click', async () => {
    const out = row.querySelector('pre.result');
    const headers = {};
    const code = row.querySelector('select.status').value;
    if (code) headers.Prefer = `code=${code}`;
    if (op.secured) headers.Authorization = 'Bearer mock-token';
    const init = { method: op.method, headers };
    if (op.body !== null) { headers['Content-Type'] = op.contentType; init.body = JSON.stringify(op.body); }
    out.textContent = '...';
    try {
      const response = await fetch(op.url, init);
      const text = await response.text();
      out.dataset.status = String(response.status);
      out.textContent = `${response.status}\\n${text}`;
    } catch (error) {
      out.textContent = `failed: ${error}`;
    }
  });
});
"""

_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; width: 100%; } td, th { padding: .3em .6em; border-bottom: 1px solid #ddd;
vertical-align: top; text-align: left; } .method { font-weight: bold; text-transform: uppercase; }
pre.result { margin: .3em 0 0; max-height: 12em; overflow: auto; background: #f6f6f6; }
pre.result:empty { display: none; } code { background: #f3f3f3; padding: 0 .2em; }
"""


def _operations(document: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    """Each operation with a valid request to send: URL (path parameters filled in), body, credentials."""
    resolver = Resolver(document)
    sampler = Sampler(document)
    global_security = document.get("security") or []
    operations = []
    for path, method, operation, _, item in iter_operations(document):
        parameters = [
            resolver.deref(p)[1]
            for p in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]
        ]
        url = path
        for parameter in parameters:
            if isinstance(parameter, dict) and parameter.get("in") == "path":
                value = parameter.get("example", sampler.sample(parameter.get("schema", {}), "request"))
                url = url.replace("{" + str(parameter.get("name")) + "}", str(value))
        url = re.sub(r"\{[^}]+\}", "1", url)
        body = None
        content_type = "application/json"
        _, request_body = resolver.deref(operation.get("requestBody"))
        if isinstance(request_body, dict):
            for media_type, media in (request_body.get("content") or {}).items():
                if "json" in media_type:
                    content_type = media_type
                    media = media or {}
                    body = media.get("example", sampler.sample(media.get("schema", {}), "request"))
                    break
        security = operation.get("security", global_security)
        secured = bool(security) and {} not in security
        own = server_prefix(item) if item.get("servers") else prefix
        operations.append(
            {
                "method": method.upper(),
                "path": path,
                "url": own + url,
                "prefix": own,
                "body": body,
                "contentType": content_type,
                "secured": secured,
                "operationId": operation.get("operationId", ""),
                "summary": operation.get("summary", ""),
                "statuses": list(operation.get("responses") or {}),
            }
        )
    return operations


def render_page(document: dict[str, Any], prefix: str, name: str) -> str:
    info = document.get("info") or {}
    title = html.escape(f"{info.get('title', 'API')} {info.get('version', '')}".strip())
    rows = []
    for op in _operations(document, prefix):
        options = "".join(
            f'<option value="{html.escape(s)}">{html.escape(s)}</option>'
            for s in op["statuses"]
            if s[:1].isdigit()
        )
        rows.append(
            f'<tr class="operation" data-op="{html.escape(json.dumps(op))}">'
            f'<td class="method">{op["method"]}</td>'
            f"<td><code>{html.escape(op['prefix'] + op['path'])}</code></td>"
            f"<td>{html.escape(op['operationId'])}</td><td>{html.escape(op['summary'])}</td>"
            f'<td><select class="status" aria-label="status"><option value="">default</option>{options}'
            "</select> "
            f'<button class="send">Send</button><pre class="result"></pre></td></tr>'
        )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mock: {title}</title><style>{_STYLE}</style></head>
<body><h1>Mock: {title}</h1>
<p>Serving <code>{html.escape(name)}</code> under <code>{html.escape(prefix or "/")}</code>. Requests are
validated against the contract (problem+json 400 with pointers); answers come from the examples, or are
generated from the schemas. Choose with <code>Prefer: code=404</code>, <code>Prefer: example=NAME</code>,
<code>Prefer: dynamic=true</code>. Any credentials are accepted; missing ones get 401.</p>
<table><thead><tr><th>method</th><th>path</th><th>operationId</th><th>summary</th><th>try it</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table>
<script>{_SCRIPT}</script></body></html>
"""
