"""Load the hand-authored contract once and index its operations by operationId.

The contract may be one file or several (a root with relative `$ref`s into `paths/` and `components/`
files): it is loaded through `codegen.document.load_document`, which bundles a multi-file contract into the
single-file form with local refs only (`codegen/bundle.py`). Everything bound to the contract (routes, both
validation engines, caching headers, the published `/api/v1/openapi.json|yaml`) sees that one document.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from openapi_spec_validator import validate as validate_spec

from codegen.document import load_document
from codegen.findings import CodegenError

from .deprecation import Deprecation, deprecation_of
from .pointers import follow_ref

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


IDEMPOTENCY_KEY_HEADER = "Idempotency-Key"


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    schema: dict[str, Any]
    # `deprecated: true` with `x-deprecated-at` / `x-sunset` (server/contract/deprecation.py)
    deprecation: Deprecation | None = None


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    parameters: tuple[Parameter, ...]
    has_request_body: bool
    # No security requirement (`security: []`, or an empty requirement `{}`): callable without credentials.
    public: bool
    # `x-throttle-scope`: the DRF throttle scope (rate in settings) applied on top of the default throttles.
    throttle_scope: str | None
    responses: dict[str, Any] = field(repr=False)
    # Every media type any of its responses declares (what `Accept` may ask for), and whether a success
    # answer can carry a body at all (when none can, `Accept` is irrelevant: a 204 is never refused).
    media_types: tuple[str, ...] = ()
    success_has_body: bool = True
    # A path-level or operation-level `servers` override: the base path this operation is served under
    # (the first server; None when that is the document's own); and further base paths the same operation
    # answers under (the other servers of an override, or the path item's `x-also-served-under`: the health
    # probes at the root, for orchestrators).
    base_path: str | None = None
    alias_base_paths: tuple[str, ...] = ()
    # `deprecated: true` on the operation, and its deprecated parameters (server/contract/deprecation.py).
    deprecation: Deprecation | None = None
    deprecated_parameters: tuple[Parameter, ...] = ()
    # It declares the `Idempotency-Key` request header: a request that sends one runs at most once per key
    # (server/contract/idempotency.py; the runner is the idempotency app's).
    idempotency_key: bool = False

    def query_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "query")

    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")


@dataclass(frozen=True, eq=False)
class Contract:
    source: Path
    document: dict[str, Any] = field(repr=False)
    base_path: str
    operations: dict[str, Operation]
    # Every file of the contract, the root first (one for a single-file contract).
    files: tuple[Path, ...] = ()

    @property
    def multi_file(self) -> bool:
        return len(self.files) > 1

    def operations_by_path(self) -> dict[str, dict[str, Operation]]:
        paths: dict[str, dict[str, Operation]] = {}
        for operation in self.operations.values():
            paths.setdefault(operation.path, {})[operation.method] = operation
        return paths


class ContractError(Exception):
    """The contract document cannot be used."""


def resolve(document: dict[str, Any], node: Any) -> Any:
    """Follow local `$ref`s (`#/a/b`) until a concrete node is reached."""
    seen: set[str] = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/") or ref in seen:
            raise ContractError(f"unsupported or circular $ref: {ref}")
        seen.add(ref)
        node = follow_ref(document, ref)
    return node


def _parameters(document: dict[str, Any], raw: list[Any]) -> list[Parameter]:
    result = []
    for item in raw:
        param = resolve(document, item)
        schema = resolve(document, param.get("schema", {}))
        result.append(
            Parameter(
                name=param["name"],
                location=param["in"],
                required=bool(param.get("required", param["in"] == "path")),
                schema=schema,
                deprecation=_deprecation(param, f"parameter {param['name']!r} ({param['in']})"),
            )
        )
    return result


def _operations(document: dict[str, Any]) -> dict[str, Operation]:
    operations: dict[str, Operation] = {}
    default_security = document.get("security") or []
    document_base = _document_base_path(document)
    for path, path_item in (document.get("paths") or {}).items():
        shared = _parameters(document, path_item.get("parameters", []))
        for method in HTTP_METHODS:
            raw = path_item.get(method)
            if raw is None:
                continue
            operation_id = raw.get("operationId")
            if not operation_id:
                raise ContractError(f"{method.upper()} {path} has no operationId")
            if operation_id in operations:
                raise ContractError(f"operationId {operation_id!r} is used twice")
            own = _parameters(document, raw.get("parameters", []))
            own_keys = {(p.name, p.location) for p in own}
            merged = [p for p in shared if (p.name, p.location) not in own_keys] + own
            security = raw.get("security", default_security)
            operations[operation_id] = Operation(
                operation_id=operation_id,
                method=method,
                path=path,
                parameters=tuple(merged),
                has_request_body="requestBody" in raw,
                public=not security or any(not requirement for requirement in security),
                throttle_scope=raw.get("x-throttle-scope"),
                responses=raw.get("responses", {}),
                media_types=_media_types(document, raw.get("responses", {})),
                success_has_body=_success_has_body(document, raw.get("responses", {})),
                **_server_paths(raw.get("servers") or path_item.get("servers"), document_base),
                **_also_served_under(path_item.get("x-also-served-under")),
                deprecation=_deprecation(raw, f"operation {operation_id!r}"),
                deprecated_parameters=tuple(p for p in merged if p.deprecation is not None),
                idempotency_key=any(
                    p.location == "header" and p.name.lower() == IDEMPOTENCY_KEY_HEADER.lower()
                    for p in merged
                ),
            )
    return operations


def _deprecation(node: dict[str, Any], where: str) -> Deprecation | None:
    try:
        return deprecation_of(node)
    except ValueError as exc:
        raise ContractError(f"{where}: {exc}") from exc


def _media_types(document: dict[str, Any], responses: dict[str, Any]) -> tuple[str, ...]:
    types: dict[str, None] = {}
    for response in responses.values():
        types.update(dict.fromkeys(resolve(document, response).get("content") or {}))
    return tuple(types)


def _success_has_body(document: dict[str, Any], responses: dict[str, Any]) -> bool:
    return any(
        str(status).startswith("2") and resolve(document, response).get("content")
        for status, response in responses.items()
    )


def _server_paths(servers: list[dict[str, Any]] | None, document_base: str) -> dict[str, Any]:
    """`base_path` and `alias_base_paths` of a `servers` override (relative URLs only: one application)."""
    if not servers:
        return {}
    paths = []
    for server in servers:
        url = str(server["url"])
        if "://" in url or "{" in url:
            raise ContractError(f"a servers override must be a relative path without variables, not {url!r}")
        paths.append(("/" + url.strip("/")).rstrip("/"))
    first, *others = paths
    return {"base_path": None if first == document_base else first, "alias_base_paths": tuple(others)}


def _also_served_under(base_paths: Any) -> dict[str, Any]:
    """`x-also-served-under` on a path item: further base paths the same operations answer under (the
    health probes at the root), without a `servers` list that generated clients would misread."""
    if base_paths is None:
        return {}
    if not isinstance(base_paths, list) or not all(
        isinstance(p, str) and p.startswith("/") for p in base_paths
    ):
        raise ContractError(f"x-also-served-under must be a list of absolute paths, not {base_paths!r}")
    return {"alias_base_paths": tuple(("/" + p.strip("/")).rstrip("/") for p in base_paths)}


def _document_base_path(document: dict[str, Any]) -> str:
    servers = document.get("servers") or [{"url": "/"}]
    return ("/" + servers[0]["url"].strip("/")).rstrip("/")


@functools.cache
def load_contract(source: Path) -> Contract:
    try:
        loaded = load_document(source)
    except CodegenError as exc:  # `file:line: ...` of the file at fault, parse errors and bad $refs alike
        raise ContractError(f"cannot read the contract at {source}: {exc}") from exc
    document = loaded.data
    try:
        validate_spec(document)
    except Exception as exc:  # the validator raises several unrelated types
        raise ContractError(f"{source} is not a valid OpenAPI document: {exc}") from exc
    return Contract(
        source=source,
        document=document,
        base_path=_document_base_path(document),
        operations=_operations(document),
        files=tuple(d.path for d in loaded.files) or (source,),
    )


def get_contract() -> Contract:
    return load_contract(Path(settings.CONTRACT_SPEC_PATH))
