"""TypeScript SDK: openapi-typescript for the types, a Jinja2 template for the per-tag client classes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codegen.findings import CodegenError
from codegen.generate.ir import Api
from codegen.generate.naming import TS_RESERVED, dedupe_camel, pascal
from codegen.paths import NODE_MODULES

OPENAPI_TYPESCRIPT_CLI = NODE_MODULES / "openapi-typescript" / "bin" / "cli.js"


@dataclass
class TypesJob:
    """openapi-typescript running in the background while the Python side is generated."""

    process: subprocess.Popen[bytes]
    workdir: tempfile.TemporaryDirectory[str]
    output: Path

    def result(self, timeout: float = 600) -> tuple[str | None, str]:
        """(schema source or None on failure, diagnostics)."""
        try:
            _stdout, stderr = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            self.workdir.cleanup()
            return None, f"openapi-typescript did not finish within {timeout:.0f}s"
        diagnostics = _clean(stderr.decode("utf-8", "replace"))
        try:
            if self.process.returncode != 0 or not self.output.exists():
                return None, diagnostics or f"openapi-typescript exited with status {self.process.returncode}"
            return self.output.read_text(encoding="utf-8"), diagnostics
        finally:
            self.workdir.cleanup()


_OPEN_ENUM = re.compile(r'(["\]]) \| string(?=[;)\],|\s])')


def keep_known_values(schema: str) -> str:
    """`"todo" | "done" | string` -> `"todo" | "done" | (string & {})`: the same values, but editors still
    offer the known ones (a plain `| string` absorbs them). The open enums come from `open_for_clients`."""
    return _OPEN_ENUM.sub(r"\1 | (string & {})", schema)


def node_executable() -> str:
    node = shutil.which("node")
    if node is None:
        raise CodegenError(
            "node is not installed; the TypeScript SDK needs Node 18+ "
            "(or pass --only python-models,python-sdk)"
        )
    return node


def start_types(data: dict[str, Any]) -> TypesJob:
    if not OPENAPI_TYPESCRIPT_CLI.exists():
        raise CodegenError(
            f"openapi-typescript is not installed in {NODE_MODULES.parent}: run `make install-ts` "
            "(npm ci there), or pass --only python-models,python-sdk"
        )
    node = node_executable()
    workdir = tempfile.TemporaryDirectory(prefix="contract-ts-")
    source = Path(workdir.name) / "openapi.json"
    output = Path(workdir.name) / "schema.ts"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"}
    process = subprocess.Popen(
        [
            node,
            str(OPENAPI_TYPESCRIPT_CLI),
            str(source),
            "--output",
            str(output),
            "--default-non-nullable=false",
        ],
        cwd=workdir.name,  # keep any redocly.yaml of the caller's directory out of it
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    return TypesJob(process, workdir, output)


def _clean(text: str) -> str:
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("🚀") or ("openapi-typescript" in line and "→" in line):
            continue
        lines.append(line)
    return "\n".join(lines[:20])


def package_versions() -> dict[str, str]:
    """Exact versions of the TypeScript toolchain in use, for scaffolded package.json files."""
    versions: dict[str, str] = {}
    for name in ("openapi-fetch", "openapi-typescript-helpers", "openapi-typescript", "typescript"):
        manifest = NODE_MODULES / name / "package.json"
        try:
            versions[name] = str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
        except (OSError, ValueError, KeyError):
            versions[name] = "*"
    return versions


# Names the TypeScript package exports besides the model types (runtime, webhooks, generated classes).
_EXPORTED = frozenset(
    {
        "ApiCore",
        "ApiError",
        "ApiResponse",
        "ApiTimeoutError",
        "AuthenticationError",
        "BadGatewayError",
        "BadRequestError",
        "ConflictError",
        "ERRORS_BY_STATUS",
        "GatewayTimeoutError",
        "GoneError",
        "InternalServerError",
        "MethodNotAllowedError",
        "NotAcceptableError",
        "NotFoundError",
        "NotModified",
        "NotModifiedError",
        "PayloadTooLargeError",
        "PermissionDeniedError",
        "PreconditionFailedError",
        "PreconditionRequiredError",
        "RateLimitError",
        "RequestTimeoutError",
        "ServerError",
        "ServiceUnavailableError",
        "TimeoutError",
        "UnprocessableEntityError",
        "UnsupportedMediaTypeError",
        "errorFor",
        "parseRetryAfter",
        "CallOptions",
        "ClientOptions",
        "OperationData",
        "OperationInit",
        "PageItem",
        "ProblemDetails",
        "RateLimit",
        "RefreshedTokens",
        "RetryEvent",
        "RetryOptions",
        "components",
        "operations",
        "paths",
        "WebhookVerificationError",
        "signWebhook",
        "verifySignature",
        "VerifyOptions",
        "WebhookHeaders",
    }
)


def model_aliases(data: dict[str, Any], api: Api, header: str) -> str:
    """`src/generated/models.ts`: `export type Task = components["schemas"]["Task"];` for every schema, named
    as in the contract where that is a free TypeScript identifier (else its PascalCase form, deduplicated).
    """
    components = data.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    taken = set(_EXPORTED) | {api.ts_client_class}
    for group in api.groups:
        taken |= {group.ts_class, group.ts_class + "WithResponse"}
    lines = [
        header,
        '/** The contract\'s schemas by name: `Task` is `components["schemas"]["Task"]`. */',
        'import type { components } from "./schema.js";',
        "",
    ]
    for name in schemas if isinstance(schemas, dict) else {}:
        free = re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", name) and name not in TS_RESERVED
        ident = dedupe_camel(name if free else pascal(name), taken)
        key = json.dumps(name, ensure_ascii=False)
        lines.append(f'export type {ident} = components["schemas"][{key}];')
    if len(lines) == 4:
        lines.append("export {};")
    return "\n".join(lines) + "\n"
