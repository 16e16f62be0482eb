"""Load the hand-authored contract once and index its operations by operationId."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from openapi_spec_validator import validate as validate_spec

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    schema: dict[str, Any]


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
    # A path-level or operation-level `servers` override (e.g. `/` for the health probes outside `/api/v1`):
    # the base path this operation is served under; None means the document's own server.
    base_path: str | None = None

    def query_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "query")


@dataclass(frozen=True, eq=False)
class Contract:
    source: Path
    document: dict[str, Any] = field(repr=False)
    base_path: str
    operations: dict[str, Operation]

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
        node = document
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
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
            )
        )
    return result


def _operations(document: dict[str, Any]) -> dict[str, Operation]:
    operations: dict[str, Operation] = {}
    default_security = document.get("security") or []
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
                base_path=_server_path(raw.get("servers") or path_item.get("servers")),
            )
    return operations


def _server_path(servers: list[dict[str, Any]] | None) -> str | None:
    """The path of the first server of a `servers` override (relative URLs only: one application)."""
    if not servers:
        return None
    url = str(servers[0]["url"])
    if "://" in url or "{" in url:
        raise ContractError(f"a servers override must be a relative path without variables, not {url!r}")
    return ("/" + url.strip("/")).rstrip("/")


@functools.cache
def load_contract(source: Path) -> Contract:
    try:
        document = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ContractError(f"cannot read the contract at {source}: {exc}") from exc
    try:
        validate_spec(document)
    except Exception as exc:  # the validator raises several unrelated types
        raise ContractError(f"{source} is not a valid OpenAPI document: {exc}") from exc
    servers = document.get("servers") or [{"url": "/"}]
    base_path = "/" + servers[0]["url"].strip("/")
    return Contract(
        source=source, document=document, base_path=base_path.rstrip("/"), operations=_operations(document)
    )


def get_contract() -> Contract:
    return load_contract(Path(settings.CONTRACT_SPEC_PATH))
