"""The mock API as a WSGI application (werkzeug), and `contract mock` serving it."""

from __future__ import annotations

import copy
import json
import sys
from http import HTTPStatus
from pathlib import Path
from typing import Any

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from codegen.document import load_document
from codegen.findings import CodegenError
from codegen.generate.prepare import fix_discriminators
from codegen.mock.links import LinkRewriter
from codegen.mock.page import render_page
from codegen.mock.responses import Unsatisfiable, build_answer, parse_prefer
from codegen.mock.routes import build_routes, match, server_prefix
from codegen.mock.validation import Rejection, build_validator, validate
from codegen.paths import display_path
from codegen.refs import Resolver

PAGE = "/_mock/"


def problem(
    status: int,
    code: str,
    detail: str,
    instance: str,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": f"https://contractfirst.dev/problems/{code.replace('_', '-')}",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": instance,
        "code": code,
    }
    if errors is not None:
        body["errors"] = errors
    return Response(json.dumps(body), status, headers=headers, content_type="application/problem+json")


def read_like_generate(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The document as `contract generate` reads it, so the mock answers what the SDKs' types expect.

    A discriminator without a mapping implies the schema names as its values (`TrackObject`); when the
    members' own enums contradict them (spotify's `type: [track]`) no value can satisfy both, and
    openapi-core would refuse every such body. `contract generate` maps the enum values instead (the
    `generate-discriminator` note); the mock applies the same repair to validate requests and to generate
    values, and says so on start-up.
    """
    document = copy.deepcopy(data)
    notes: list[str] = []
    fix_discriminators(
        document, Resolver(document), lambda where, rule, message: notes.append(f"{where}: {rule}: {message}")
    )
    return document, sorted(notes)


class MockApp:
    def __init__(self, spec: Path) -> None:
        doc = load_document(spec)
        if not doc.openapi_version.startswith("3."):
            raise CodegenError(f"{doc.name}: not an OpenAPI 3.x document (found {doc.openapi_version})")
        self.name = doc.name
        self.document, self.notes = read_like_generate(doc.data)
        self.prefix = server_prefix(self.document)
        self.routes = build_routes(self.document)
        self.validator = build_validator(self.document, self.prefix)
        self.links = LinkRewriter(self.document, self.routes)
        self.page_paths = {PAGE, PAGE.rstrip("/")}
        if match(self.routes, "/") is None:
            self.page_paths.add("/")

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        response = self.dispatch(request)
        self._cors(request, response)
        return response(environ, start_response)

    def dispatch(self, request: Request) -> Response:
        if request.path in self.page_paths and request.method in ("GET", "HEAD"):
            return Response(render_page(self.document, self.prefix, self.name), content_type="text/html")
        route = match(self.routes, request.path)
        if route is None:
            where = f" under {self.prefix}" if self.prefix else ""
            return problem(
                404, "not_found", f"No path of the contract matches {request.path}{where}.", request.path
            )
        allowed = [m.upper() for m in route.methods()]
        if request.method == "OPTIONS" and request.headers.get("Access-Control-Request-Method"):
            return Response(
                status=204, headers={"Access-Control-Allow-Methods": ", ".join([*allowed, "OPTIONS"])}
            )
        operation = route.item.get(request.method.lower())
        if not isinstance(operation, dict):
            return problem(
                405,
                "method_not_allowed",
                f"{request.method} is not declared for {route.template}.",
                request.path,
                headers={"Allow": ", ".join(allowed)},
            )
        rejection: Rejection | None = validate(self.validator, request)
        if rejection is not None:
            headers = {"WWW-Authenticate": 'Bearer realm="mock"'} if rejection.status == 401 else None
            errors = rejection.errors if rejection.status == 400 else None
            return problem(rejection.status, rejection.code, rejection.detail, request.path, errors, headers)
        prefer = parse_prefer(request.headers.get("Prefer"))
        try:
            answer = build_answer(self.document, operation, prefer, request.headers.get("Accept"))
        except Unsatisfiable as exc:
            return problem(400, "mock_unsatisfiable_prefer", f"Prefer: {exc}", request.path)
        headers = self.links.headers(answer.headers, request)
        applied = [f"{k}={v}" for k, v in prefer.items() if k in ("code", "example", "dynamic")]
        if applied:
            headers["Preference-Applied"] = ", ".join(applied)
        if not answer.has_body:
            return Response(status=answer.status, headers=headers)
        media = answer.media_type or "application/json"
        is_json = media == "application/json" or media.endswith("+json")
        if is_json:
            data = json.dumps(self.links.body(answer.body, answer.schema, request), ensure_ascii=False)
        else:
            data = answer.body if isinstance(answer.body, str) else json.dumps(answer.body)
        return Response(data, answer.status, headers=headers, content_type=media)

    @staticmethod
    def _cors(request: Request, response: Response) -> None:
        """Any origin may call the mock (a frontend on its own dev server): reflected origin, every header."""
        origin = request.headers.get("Origin")
        response.headers["Access-Control-Allow-Origin"] = origin or "*"
        response.headers["Vary"] = "Origin"
        requested = request.headers.get("Access-Control-Request-Headers")
        if requested:
            response.headers["Access-Control-Allow-Headers"] = requested
            response.headers["Access-Control-Max-Age"] = "600"
        exposed = [
            h for h, _ in response.headers.items() if h.lower() not in ("content-type", "content-length")
        ]
        if exposed:
            response.headers["Access-Control-Expose-Headers"] = ", ".join(sorted(set(exposed)))


def serve(app: Any, host: str, port: int, banner: str) -> int:
    try:
        server = make_server(host, port, app, threaded=True)
    except OSError as exc:
        raise CodegenError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    origin = f"http://{host}:{server.server_port}"
    print(banner.format(origin=origin), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def serve_mock(spec: Path, host: str, port: int) -> int:
    app = MockApp(spec)
    print(
        f"mock: {len(app.routes)} path(s) of {display_path(spec)}; Prefer: code=404 | example=NAME | "
        "dynamic=true",
        file=sys.stderr,
    )
    for note in app.notes:
        print(f"mock: {note}", file=sys.stderr)
    return serve(app, host, port, "mock: serving {origin}" + app.prefix + " (operations: {origin}/)")
