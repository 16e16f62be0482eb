"""Compare two OpenAPI documents: paths, operations, parameters, bodies, responses, security and webhooks."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from codegen.diff import sunset
from codegen.diff.rules import RULES, Level, schema_rule
from codegen.diff.schema import SchemaComparer
from codegen.diff.sunset import Lifecycle
from codegen.findings import pointer_join
from codegen.refs import HTTP_METHODS, Resolver


@dataclass(frozen=True, order=True)
class Change:
    id: str
    level: Level
    operation: str  # operationId, or "METHOD /path" when there is none; "" for document-level changes
    pointer: str  # JSON pointer into the revision (into the base for what was removed)
    message: str
    endpoint: str = ""  # "METHOD /path", "webhook NAME METHOD", or "" for document-level changes

    def as_json(self) -> dict[str, str]:
        return {
            "id": self.id,
            "level": str(self.level),
            "operation": self.operation,
            "pointer": self.pointer,
            "message": self.message,
        }


# property-level stems of the schema comparer, per location (those not listed are not reported there)
_PROPERTY_RULES = {
    ("request-property", "new-required"): "new-required-request-property",
    ("request-property", "new-optional"): "new-optional-request-property",
    ("request-property", "removed"): "request-property-removed",
    ("request-property", "removed-after-sunset"): "request-property-removed-after-sunset",
    ("request-property", "became-required"): "request-property-became-required",
    ("request-property", "became-optional"): "request-property-became-optional",
    ("response-property", "added"): "response-property-added",
    ("response-property", "required-removed"): "response-required-property-removed",
    ("response-property", "optional-removed"): "response-optional-property-removed",
    ("response-property", "removed-after-sunset"): "response-property-removed-after-sunset",
    ("response-property", "became-optional"): "response-property-became-optional",
    ("response-property", "became-readable"): "response-write-only-property-became-readable",
    ("request-parameter", "new-required"): "new-required-request-parameter-property",
    ("request-parameter", "became-required"): "request-parameter-property-became-required",
}
_PROPERTY_STEMS = frozenset(stem for _, stem in _PROPERTY_RULES) | {
    "new-optional",
    "removed",
    "became-optional",
}
_TEMPLATE = re.compile(r"\{[^}/]*\}")
# Sent only while the operation, or a parameter a request sends, is deprecated (contract/deprecation.py):
# no client can count on them, so dropping their declaration when the deprecation ends breaks nothing.
_DEPRECATION_HEADERS = frozenset({"deprecation", "sunset"})


def _template_key(path: str) -> str:
    """`/projects/{id}` and `/projects/{project_id}` are the same path to a client."""
    return _TEMPLATE.sub("{}", path)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


class DocumentDiff:
    def __init__(self, base: dict[str, Any], revision: dict[str, Any], at: dt.datetime | None = None) -> None:
        self.base_doc, self.rev_doc = base, revision
        self.base, self.rev = Resolver(base), Resolver(revision)
        self.changes: list[Change] = []
        # "now" for sunsets (codegen.diff.sunset: --date, $CONTRACT_DIFF_DATE or the clock)
        self.at = at if at is not None else sunset.now()

    def emit(self, rule_id: str, operation: str, pointer: str, message: str, endpoint: str = "") -> None:
        self.changes.append(Change(rule_id, RULES[rule_id].level, operation, pointer, message, endpoint))

    def run(self) -> list[Change]:
        self._servers(self.base_doc.get("servers"), self.rev_doc.get("servers"), "", "/servers", "")
        self._security_schemes()
        self._paths()
        self._webhooks()
        return sorted(set(self.changes), key=lambda c: (-c.level, c.operation, c.pointer, c.id, c.message))

    # -- document level ----------------------------------------------------------------------------------

    def _servers(self, old: Any, new: Any, operation: str, pointer: str, endpoint: str) -> None:
        old_urls, new_urls = _server_urls(old), _server_urls(new)
        now = ", ".join(new_urls) or "none declared"
        where = f" (for {endpoint}; now: {now})" if endpoint else ""
        for url, index in old_urls.items():
            if url not in new_urls:
                self.emit(
                    "server-removed",
                    operation,
                    pointer_join(pointer, index),
                    f"server {url} removed{where}",
                    endpoint,
                )
        for url, index in new_urls.items():
            if url not in old_urls:
                self.emit(
                    "server-added",
                    operation,
                    pointer_join(pointer, index),
                    f"server {url} added{where}",
                    endpoint,
                )

    def _security_schemes(self) -> None:
        old = _dict(_dict(self.base_doc.get("components")).get("securitySchemes"))
        new = _dict(_dict(self.rev_doc.get("components")).get("securitySchemes"))
        for name in [*old, *(n for n in new if n not in old)]:
            pointer = pointer_join("/components/securitySchemes", name)
            if name not in new:
                self.emit("security-scheme-removed", "", pointer, f"security scheme {name} removed")
            elif name not in old:
                self.emit("security-scheme-added", "", pointer, f"security scheme {name} added")
            else:
                _, before = self.base.deref(old[name])
                _, after = self.rev.deref(new[name])
                SecurityScheme(self, name, pointer, _dict(before), _dict(after)).compare()

    # -- paths and operations ----------------------------------------------------------------------------

    def _paths(self) -> None:
        base_paths, rev_paths = _dict(self.base_doc.get("paths")), _dict(self.rev_doc.get("paths"))
        rev_by_key = {_template_key(p): p for p in rev_paths}
        matched: set[str] = set()
        for path, item in base_paths.items():
            rev_path = path if path in rev_paths else rev_by_key.get(_template_key(path))
            pointer = pointer_join("/paths", path)
            if rev_path is None:
                self._path_removed(path, _dict(self.base.deref(item)[1]), pointer)
                continue
            matched.add(rev_path)
            self._path_item(
                path, _dict(self.base.deref(item)[1]), rev_path, _dict(self.rev.deref(rev_paths[rev_path])[1])
            )
        for path, item in rev_paths.items():
            if path in matched:
                continue
            for method, operation in self._operations(_dict(self.rev.deref(item)[1])):
                self.emit(
                    "api-added",
                    _name(operation, method, path),
                    pointer_join("/paths", path, method),
                    f"operation {method.upper()} {path} added",
                    f"{method.upper()} {path}",
                )

    def _path_removed(self, path: str, item: dict[str, Any], pointer: str) -> None:
        """A removed path is judged by its operations: removable only when every one of them is
        deprecated and past its sunset (the deprecation workflow); otherwise as oasdiff judges it."""
        lifecycles = [Lifecycle.of(operation) for _, operation in self._operations(item)]
        if lifecycles and all(lc.removable(self.at) for lc in lifecycles):
            rule, note = (
                "api-path-removed-after-sunset",
                f" (every operation {lifecycles[0].removal_note(self.at)})",
            )
        elif lifecycles and all(lc.deprecated for lc in lifecycles):
            late = next(lc for lc in lifecycles if not lc.removable(self.at))
            rule, note = "api-path-removed-before-sunset", f" (an operation {late.removal_note(self.at)})"
        else:
            rule, note = "api-path-removed", ""
        self.emit(rule, "", pointer, f"path {path} removed{note}", path)

    def _operation_removed(self, name: str, method: str, path: str, operation: dict[str, Any]) -> None:
        lifecycle = Lifecycle.of(operation)
        if not lifecycle.deprecated:
            rule, note = "api-removed", ""
        else:
            late = not lifecycle.removable(self.at)
            rule = "api-removed-before-sunset" if late else "api-removed-after-sunset"
            note = f" ({lifecycle.removal_note(self.at)})"
        self.emit(
            rule,
            name,
            pointer_join("/paths", path, method),
            f"operation {method.upper()} {path} removed{note}",
            f"{method.upper()} {path}",
        )

    @staticmethod
    def _operations(item: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        return [(m, item[m]) for m in HTTP_METHODS if isinstance(item.get(m), dict)]

    def _path_item(self, base_path: str, base_item: dict[str, Any], path: str, item: dict[str, Any]) -> None:
        for method, operation in self._operations(base_item):
            name = _name(operation, method, base_path)
            if not isinstance(item.get(method), dict):
                self._operation_removed(name, method, base_path, operation)
                continue
            Operation(self, base_item, operation, item, item[method], method, path, base_path).compare()
        for method, operation in self._operations(item):
            if not isinstance(base_item.get(method), dict):
                self.emit(
                    "api-added",
                    _name(operation, method, path),
                    pointer_join("/paths", path, method),
                    f"operation {method.upper()} {path} added",
                    f"{method.upper()} {path}",
                )

    def _webhooks(self) -> None:
        base_hooks, rev_hooks = _dict(self.base_doc.get("webhooks")), _dict(self.rev_doc.get("webhooks"))
        for name, hook in base_hooks.items():
            label = f"webhook {name}"
            if name not in rev_hooks:
                self.emit(
                    "webhook-removed", label, pointer_join("/webhooks", name), f"{label} removed", label
                )
                continue
            base_item, item = _dict(self.base.deref(hook)[1]), _dict(self.rev.deref(rev_hooks[name])[1])
            for method, operation in self._operations(base_item):
                endpoint = f"{label} {method.upper()}"
                if not isinstance(item.get(method), dict):
                    self.emit(
                        "webhook-removed",
                        label,
                        pointer_join("/webhooks", name, method),
                        f"{endpoint} removed",
                        endpoint,
                    )
                    continue
                Operation(
                    self, base_item, operation, item, item[method], method, name, name, webhook=True
                ).compare()
            for method in (m for m, _ in self._operations(item) if not isinstance(base_item.get(m), dict)):
                endpoint = f"{label} {method.upper()}"
                self.emit(
                    "webhook-added",
                    label,
                    pointer_join("/webhooks", name, method),
                    f"{endpoint} added",
                    endpoint,
                )
        for name in rev_hooks:
            if name not in base_hooks:
                label = f"webhook {name}"
                self.emit("webhook-added", label, pointer_join("/webhooks", name), f"{label} added", label)


def _name(operation: dict[str, Any], method: str, path: str) -> str:
    operation_id = operation.get("operationId")
    return operation_id if isinstance(operation_id, str) and operation_id else f"{method.upper()} {path}"


def _also_served_under(item: dict[str, Any]) -> list[str]:
    also = item.get("x-also-served-under")
    return [url for url in also if isinstance(url, str)] if isinstance(also, list) else []


def _server_urls(servers: Any) -> dict[str, int]:
    """Server URLs (a trailing slash does not count) and their index."""
    result: dict[str, int] = {}
    for index, server in enumerate(servers if isinstance(servers, list) else []):
        if isinstance(server, dict) and isinstance(server.get("url"), str):
            result.setdefault(server["url"].rstrip("/") or "/", index)
    return result


def _parameter_key(parameter: dict[str, Any], path_names: list[str]) -> tuple[str, str]:
    where, name = str(parameter.get("in", "")), str(parameter.get("name", ""))
    if where == "header":
        return where, name.lower()
    if where == "path" and name in path_names:
        return where, f"#{path_names.index(name)}"  # path parameters match by position: renaming is harmless
    return where, name


class SecurityScheme:
    """One scheme of `components.securitySchemes` in both versions."""

    def __init__(
        self, diff: DocumentDiff, name: str, pointer: str, old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        self.diff, self.name, self.pointer, self.old, self.new = diff, name, pointer, old, new

    def emit(self, rule_id: str, pointer: str, message: str) -> None:
        self.diff.emit(rule_id, "", pointer, f"security scheme {self.name}: {message}")

    def compare(self) -> None:
        old_type, new_type = self.old.get("type"), self.new.get("type")
        if old_type != new_type:
            self.emit(
                "security-scheme-type-changed",
                pointer_join(self.pointer, "type"),
                f"type {old_type} -> {new_type}",
            )
            return
        for key in ("in", "name", "scheme"):
            before, after = self.old.get(key), self.new.get(key)
            if key == "scheme" or (key == "name" and self.old.get("in") == "header"):
                before, after = _lower(before), _lower(after)  # HTTP schemes and header names ignore case
            if before != after:
                self.emit(
                    "security-scheme-changed", pointer_join(self.pointer, key), f"{key} {before} -> {after}"
                )
        if self.old.get("openIdConnectUrl") != self.new.get("openIdConnectUrl"):
            self.emit(
                "security-scheme-url-changed",
                pointer_join(self.pointer, "openIdConnectUrl"),
                f"openIdConnectUrl {self.old.get('openIdConnectUrl')} -> {self.new.get('openIdConnectUrl')}",
            )
        self._flows(_dict(self.old.get("flows")), _dict(self.new.get("flows")))

    def _flows(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        for flow in [*old, *(f for f in new if f not in old)]:
            pointer = pointer_join(self.pointer, "flows", flow)
            if flow not in new:
                self.emit("security-scheme-flow-removed", pointer, f"OAuth2 flow {flow} removed")
                continue
            if flow not in old:
                self.emit("security-scheme-flow-added", pointer, f"OAuth2 flow {flow} added")
                continue
            before, after = _dict(old[flow]), _dict(new[flow])
            for key in ("authorizationUrl", "tokenUrl", "refreshUrl"):
                if before.get(key) != after.get(key):
                    self.emit(
                        "security-scheme-url-changed",
                        pointer_join(pointer, key),
                        f"{flow} {key} {before.get(key)} -> {after.get(key)}",
                    )
            old_scopes, new_scopes = _dict(before.get("scopes")), _dict(after.get("scopes"))
            for scope in old_scopes:
                if scope not in new_scopes:
                    self.emit(
                        "security-scheme-scope-removed",
                        pointer_join(pointer, "scopes", scope),
                        f"{flow} scope {scope} removed",
                    )
            for scope in new_scopes:
                if scope not in old_scopes:
                    self.emit(
                        "security-scheme-scope-added",
                        pointer_join(pointer, "scopes", scope),
                        f"{flow} scope {scope} added",
                    )


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


class Operation:
    """One operation in both versions. A webhook operation (`webhook=True`) is compared in reverse: our server
    sends its request (the payload is judged like a response, its headers like response headers) and reads
    what the receiver answers (judged like a request)."""

    def __init__(
        self,
        diff: DocumentDiff,
        base_item: dict[str, Any],
        base: dict[str, Any],
        item: dict[str, Any],
        revision: dict[str, Any],
        method: str,
        path: str,
        base_path: str,
        webhook: bool = False,
    ) -> None:
        self.diff = diff
        self.base_item, self.base, self.item, self.rev = base_item, base, item, revision
        self.method, self.path, self.base_path = method, path, base_path
        self.webhook = webhook
        self.root = "/webhooks" if webhook else "/paths"
        self.endpoint = f"webhook {path} {method.upper()}" if webhook else f"{method.upper()} {path}"
        self.name = _name(revision, method, f"webhook {path}" if webhook else path)
        self.pointer = pointer_join(self.root, path, method)

    def emit(self, rule_id: str, pointer: str, message: str) -> None:
        self.diff.emit(rule_id, self.name, pointer, message, self.endpoint)

    def compare(self) -> None:
        self._metadata()
        if self.webhook:
            self._webhook_headers()
            self._webhook_payload()
            self._receiver_answers()
            return
        self._security()
        self._operation_servers()
        self._parameters()
        self._request_body()
        self._responses()

    def _metadata(self) -> None:
        old_id, new_id = self.base.get("operationId"), self.rev.get("operationId")
        if old_id and old_id != new_id:
            change = f"changed from {old_id} to {new_id}" if new_id else f"{old_id} removed"
            self.emit(
                "api-operation-id-changed", pointer_join(self.pointer, "operationId"), f"operationId {change}"
            )
        self._lifecycle("api", self.base, self.rev, self.pointer, "operation")

    def _lifecycle(
        self, kind: str, base: dict[str, Any], rev: dict[str, Any], pointer: str, label: str
    ) -> None:
        """Deprecation and sunset of an operation (`kind` api) or a parameter (request-parameter): marked
        deprecated, no longer deprecated, its `x-sunset` deleted or moved earlier (a promise withdrawn)."""
        old, new = Lifecycle.of(base), Lifecycle.of(rev)
        if new.deprecated and not old.deprecated:
            when = f", {new.show_sunset()}" if new.sunset is not None else " (no x-sunset yet)"
            self.emit(f"{kind}-deprecated", pointer_join(pointer, "deprecated"), f"{label} deprecated{when}")
        elif old.deprecated and not new.deprecated:
            self.emit(f"{kind}-reactivated", pointer, f"{label} no longer deprecated")
        elif old.deprecated and new.deprecated and old.sunset is not None:
            if new.raw is None:
                self.emit(
                    f"{kind}-sunset-removed",
                    pointer,
                    f"{label}: x-sunset {sunset.show(old.sunset)} removed (clients planned on it)",
                )
            elif new.sunset is None or new.sunset < old.sunset:
                self.emit(
                    f"{kind}-sunset-moved-earlier",
                    pointer_join(pointer, sunset.SUNSET),
                    f"{label}: sunset moved earlier, from {sunset.show(old.sunset)} to "
                    f"{sunset.show(new.sunset) if new.sunset else repr(new.raw)}",
                )

    def _operation_servers(self) -> None:
        """Servers declared on the path or the operation (the document's are compared once, at the top)."""

        def effective(item: dict[str, Any], operation: dict[str, Any], doc: dict[str, Any]) -> Any:
            # `x-also-served-under` (a path item's further base paths, which the server answers under too)
            # keeps an address a client may still use: moving a probe from `servers: [/]` to the document's
            # server with `x-also-served-under: [/]` removes nothing.
            also = [{"url": url} for url in _also_served_under(item)]
            for owner in (operation, item):
                if isinstance(owner.get("servers"), list) and owner["servers"]:
                    return [*owner["servers"], *also]
            return [*(doc.get("servers") or []), *also]

        own = any(
            isinstance(owner.get("servers"), list) and owner["servers"]
            for owner in (self.base, self.base_item, self.rev, self.item)
        ) or bool(_also_served_under(self.base_item) or _also_served_under(self.item))
        if own:
            self.diff._servers(
                effective(self.base_item, self.base, self.diff.base_doc),
                effective(self.item, self.rev, self.diff.rev_doc),
                self.name,
                pointer_join(self.pointer, "servers"),
                self.endpoint,
            )

    # -- security ----------------------------------------------------------------------------------------

    def _security(self) -> None:
        old = _alternatives(self.base.get("security", self.diff.base_doc.get("security")))
        new = _alternatives(self.rev.get("security", self.diff.rev_doc.get("security")))
        pointer = pointer_join(self.pointer, "security")
        old_anonymous, new_anonymous = frozenset() in old, frozenset() in new
        if old_anonymous and not new_anonymous:
            self.emit("api-security-added", pointer, f"credentials now required: {_show_security(new)}")
            return
        if new_anonymous and not old_anonymous:
            self.emit("api-security-removed", pointer, "credentials no longer required")
            return
        for alternative in old:
            if not any(_satisfies(alternative, candidate) for candidate in new):
                self.emit(
                    "api-security-changed",
                    pointer,
                    f"clients authenticating with {_show_security([alternative])} are no longer accepted "
                    f"(now: {_show_security(new)})",
                )

    # -- parameters --------------------------------------------------------------------------------------

    def _parameter_map(
        self, resolver: Resolver, item: dict[str, Any], operation: dict[str, Any], path: str
    ) -> dict[tuple[str, str], tuple[int, dict[str, Any], str]]:
        names = [m[1:-1] for m in _TEMPLATE.findall(path)]
        result: dict[tuple[str, str], tuple[int, dict[str, Any], str]] = {}
        for source, parameters in (
            ("item", item.get("parameters")),
            ("operation", operation.get("parameters")),
        ):
            for index, parameter in enumerate(parameters if isinstance(parameters, list) else []):
                _, target = resolver.deref(parameter)
                if isinstance(target, dict):
                    where = pointer_join(self.root, path, *([] if source == "item" else [self.method]))
                    result[_parameter_key(target, names)] = (index, target, where)
        return result

    def _parameters(self) -> None:
        old = self._parameter_map(self.diff.base, self.base_item, self.base, self.base_path)
        new = self._parameter_map(self.diff.rev, self.item, self.rev, self.path)
        for key, (index, parameter, owner) in old.items():
            label = f"{key[0]} parameter {parameter.get('name')}"
            if key not in new:
                lifecycle = Lifecycle.of(parameter)
                rule, note = "request-parameter-removed", ""
                if lifecycle.deprecated:
                    late = not lifecycle.removable(self.diff.at)
                    rule = (
                        "request-parameter-removed-before-sunset"
                        if late
                        else "request-parameter-removed-after-sunset"
                    )
                    note = f" ({lifecycle.removal_note(self.diff.at)})"
                self.emit(rule, pointer_join(owner, "parameters", index), f"{label} removed{note}")
                continue
            new_index, new_parameter, new_owner = new[key]
            pointer = pointer_join(new_owner, "parameters", new_index)
            self._lifecycle("request-parameter", parameter, new_parameter, pointer, label)
            was, now = parameter.get("required") is True, new_parameter.get("required") is True
            if now and not was:
                self.emit("request-parameter-became-required", pointer, f"{label} became required")
            if was and not now:
                self.emit("request-parameter-became-optional", pointer, f"{label} became optional")
            self._serialization(key[0], parameter, new_parameter, pointer, label)
            self._compare_schema(
                "request-parameter",
                _parameter_schema(parameter),
                _parameter_schema(new_parameter),
                pointer_join(pointer, "schema"),
                label,
            )
        for key, (index, parameter, owner) in new.items():
            if key in old:
                continue
            required = parameter.get("required") is True
            rule = "new-required-request-parameter" if required else "new-optional-request-parameter"
            self.emit(
                rule,
                pointer_join(owner, "parameters", index),
                f"{'required' if required else 'optional'} {key[0]} parameter {parameter.get('name')} added",
            )

    def _serialization(
        self, where: str, old: dict[str, Any], new: dict[str, Any], pointer: str, label: str
    ) -> None:
        """How a parameter is written on the wire: style, explode (for arrays and objects), allowReserved."""
        if "schema" in old and "schema" in new:
            old_style, old_explode = _style(where, old)
            new_style, new_explode = _style(where, new)
            if old_style != new_style:
                self.emit(
                    "request-parameter-style-changed",
                    pointer,
                    f"{label}: style changed from {old_style} to {new_style}",
                )
            elif old_explode != new_explode and not (
                self._scalar(self.diff.base, old["schema"]) and self._scalar(self.diff.rev, new["schema"])
            ):
                self.emit(
                    "request-parameter-explode-changed",
                    pointer,
                    f"{label}: explode changed from {str(old_explode).lower()} to {str(new_explode).lower()}",
                )
        if where == "query" and old.get("allowReserved") is True and new.get("allowReserved") is not True:
            self.emit(
                "request-parameter-allow-reserved-removed",
                pointer,
                f"{label}: reserved characters must now be percent-encoded",
            )
        if where == "query" and new.get("allowReserved") is True and old.get("allowReserved") is not True:
            self.emit(
                "request-parameter-allow-reserved-added",
                pointer,
                f"{label}: reserved characters are now accepted unencoded",
            )

    @staticmethod
    def _scalar(resolver: Resolver, schema: Any) -> bool:
        """Whether every value is a single one (explode changes nothing on the wire then)."""
        _, target = resolver.deref(schema)
        if not isinstance(target, dict) or any(k in target for k in ("oneOf", "anyOf", "allOf")):
            return False
        types = target.get("type")
        types = [types] if isinstance(types, str) else types
        scalar = {"string", "number", "integer", "boolean", "null"}
        return isinstance(types, list) and bool(types) and all(t in scalar for t in types)

    def _webhook_headers(self) -> None:
        """The headers our server sends with a webhook (its `in: header` parameters): receivers read them."""
        old = self._parameter_map(self.diff.base, self.base_item, self.base, self.base_path)
        new = self._parameter_map(self.diff.rev, self.item, self.rev, self.path)
        for key, (index, parameter, owner) in old.items():
            label = f"header {parameter.get('name')}"
            if key not in new:
                self.emit(
                    "webhook-header-removed", pointer_join(owner, "parameters", index), f"{label} removed"
                )
                continue
            new_index, new_parameter, new_owner = new[key]
            pointer = pointer_join(new_owner, "parameters", new_index)
            if parameter.get("required") is True and new_parameter.get("required") is not True:
                self.emit("webhook-header-became-optional", pointer, f"{label} may now be missing")
            self._compare_schema(
                "response-header",
                _parameter_schema(parameter),
                _parameter_schema(new_parameter),
                pointer_join(pointer, "schema"),
                label,
            )
        for key, (index, parameter, owner) in new.items():
            if key not in old:
                self.emit(
                    "webhook-header-added",
                    pointer_join(owner, "parameters", index),
                    f"header {parameter.get('name')} added",
                )

    def _compare_schema(self, location: str, old: Any, new: Any, pointer: str, label: str) -> None:
        direction = "request" if location.startswith("request") else "response"
        comparer = SchemaComparer(
            self.diff.base, self.diff.rev, direction, self._schema_emitter(location), self.diff.at
        )
        comparer.compare(old, new, pointer, label, properties=location != "response-header")

    def _schema_emitter(self, location: str) -> Any:
        def emit(stem: str, pointer: str, message: str) -> None:
            if stem in _PROPERTY_STEMS or (location, stem) in _PROPERTY_RULES:
                rule = _PROPERTY_RULES.get((location, stem))
            else:
                rule = schema_rule(location, stem)
            if rule is not None:
                self.emit(rule, pointer, message)

        return emit

    # -- bodies ------------------------------------------------------------------------------------------

    def _request_body(self) -> None:
        _, old = self.diff.base.deref(self.base.get("requestBody"))
        _, new = self.diff.rev.deref(self.rev.get("requestBody"))
        pointer = pointer_join(self.pointer, "requestBody")
        old = old if isinstance(old, dict) and old else {}
        if not isinstance(new, dict) or not new:
            if old:
                self.emit("request-body-removed", pointer, "request body removed")
            return
        if new.get("required") is True and old.get("required") is not True:
            self.emit(
                "request-body-became-required",
                pointer,
                "request body became required" if old else "required request body added",
            )
        elif not old:
            self.emit("request-body-added", pointer, "optional request body added")
        elif old.get("required") is True and new.get("required") is not True:
            self.emit("request-body-became-optional", pointer, "request body became optional")
        if not old:
            return
        old_content, new_content = _dict(old.get("content")), _dict(new.get("content"))
        for media_type, media in old_content.items():
            media_pointer = pointer_join(pointer, "content", media_type)
            if media_type not in new_content:
                self.emit(
                    "request-body-media-type-removed",
                    media_pointer,
                    f"request media type {media_type} no longer accepted",
                )
                continue
            if "schema" not in _dict(media) and "schema" in _dict(new_content[media_type]):
                self.emit(
                    "request-body-schema-added",
                    pointer_join(media_pointer, "schema"),
                    f"request media type {media_type}: any content was accepted, now a schema applies",
                )
                continue
            self._compare_schema(
                "request-property",
                _dict(media).get("schema", {}),
                _dict(new_content[media_type]).get("schema", {}),
                pointer_join(media_pointer, "schema"),
                f"the request body ({media_type})",
            )
        for media_type in new_content:
            if media_type not in old_content:
                self.emit(
                    "request-body-media-type-added",
                    pointer_join(pointer, "content", media_type),
                    f"request media type {media_type} now accepted",
                )

    def _webhook_payload(self) -> None:
        """The body our server sends to receivers: judged like a response."""
        _, old = self.diff.base.deref(self.base.get("requestBody"))
        _, new = self.diff.rev.deref(self.rev.get("requestBody"))
        pointer = pointer_join(self.pointer, "requestBody")
        old_content = _dict(_dict(old).get("content"))
        new_content = _dict(_dict(new).get("content"))
        if old_content and not new_content:
            self.emit("webhook-payload-removed", pointer, "the webhook no longer sends a body")
            return
        for media_type, media in old_content.items():
            media_pointer = pointer_join(pointer, "content", media_type)
            if media_type not in new_content:
                self.emit(
                    "webhook-payload-media-type-removed",
                    media_pointer,
                    f"payload media type {media_type} removed",
                )
                continue
            if "schema" in _dict(media) and "schema" not in _dict(new_content[media_type]):
                self.emit(
                    "response-body-schema-removed",
                    pointer_join(media_pointer, "schema"),
                    f"the payload ({media_type}) has no schema any more: it may hold anything",
                )
                continue
            self._compare_schema(
                "response-property",
                _dict(media).get("schema", {}),
                _dict(new_content[media_type]).get("schema", {}),
                pointer_join(media_pointer, "schema"),
                f"the payload ({media_type})",
            )
        for media_type in new_content:
            if old_content and media_type not in old_content:
                self.emit(
                    "webhook-payload-media-type-added",
                    pointer_join(pointer, "content", media_type),
                    f"the payload may now be sent as {media_type}",
                )

    def _receiver_answers(self) -> None:
        """What receivers answer, which our server reads: judged like a request body."""
        old, new = _dict(self.base.get("responses")), _dict(self.rev.get("responses"))
        for status, response in old.items():
            if status not in new:
                continue
            pointer = pointer_join(self.pointer, "responses", status)
            old_content = _dict(_dict(self.diff.base.deref(response)[1]).get("content"))
            new_content = _dict(_dict(self.diff.rev.deref(new[status])[1]).get("content"))
            for media_type, media in old_content.items():
                if media_type in new_content:
                    self._compare_schema(
                        "request-property",
                        _dict(media).get("schema", {}),
                        _dict(new_content[media_type]).get("schema", {}),
                        pointer_join(pointer, "content", media_type, "schema"),
                        f"the receiver's {status} answer ({media_type})",
                    )

    def _responses(self) -> None:
        old, new = _dict(self.base.get("responses")), _dict(self.rev.get("responses"))
        for status, response in old.items():
            pointer = pointer_join(self.pointer, "responses", status)
            success = status.startswith("2")
            if status not in new:
                self.emit(
                    "response-success-status-removed" if success else "response-non-success-status-removed",
                    pointer,
                    f"response {status} removed",
                )
                continue
            _, old_response = self.diff.base.deref(response)
            _, new_response = self.diff.rev.deref(new[status])
            self._headers(
                status,
                pointer,
                _dict(_dict(old_response).get("headers")),
                _dict(_dict(new_response).get("headers")),
            )
            old_content = _dict(_dict(old_response).get("content"))
            new_content = _dict(_dict(new_response).get("content"))
            for media_type, media in old_content.items():
                media_pointer = pointer_join(pointer, "content", media_type)
                if media_type not in new_content:
                    self.emit(
                        "response-media-type-removed",
                        media_pointer,
                        f"response {status}: media type {media_type} removed",
                    )
                    continue
                if "schema" in _dict(media) and "schema" not in _dict(new_content[media_type]):
                    self.emit(
                        "response-body-schema-removed",
                        pointer_join(media_pointer, "schema"),
                        f"response {status} ({media_type}): no schema any more, it may hold anything",
                    )
                    continue
                self._compare_schema(
                    "response-property",
                    _dict(media).get("schema", {}),
                    _dict(new_content[media_type]).get("schema", {}),
                    pointer_join(media_pointer, "schema"),
                    f"the response {status} body ({media_type})",
                )
            for media_type in new_content:
                if old_content and media_type not in old_content:
                    self.emit(
                        "response-media-type-added",
                        pointer_join(pointer, "content", media_type),
                        f"response {status}: media type {media_type} added",
                    )
        for status in new:
            if status not in old:
                success = status.startswith("2")
                self.emit(
                    "response-success-status-added" if success else "response-non-success-status-added",
                    pointer_join(self.pointer, "responses", status),
                    f"response {status} added",
                )

    def _headers(self, status: str, pointer: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        old_by_name = {name.lower(): (name, h) for name, h in old.items()}
        new_by_name = {name.lower(): (name, h) for name, h in new.items()}
        for key, (name, header) in old_by_name.items():
            _, old_header = self.diff.base.deref(header)
            old_header = _dict(old_header)
            required = old_header.get("required") is True
            if key not in new_by_name and not required and key in _DEPRECATION_HEADERS:
                self.emit(
                    "response-deprecation-header-removed",
                    pointer_join(pointer, "headers", name),
                    f"response {status}: optional header {name} removed (sent only while something is "
                    "deprecated)",
                )
                continue
            if key not in new_by_name:
                self.emit(
                    "response-required-header-removed" if required else "response-optional-header-removed",
                    pointer_join(pointer, "headers", name),
                    f"response {status}: {'required' if required else 'optional'} header {name} removed",
                )
                continue
            new_name, header_new = new_by_name[key]
            new_header = _dict(self.diff.rev.deref(header_new)[1])
            header_pointer = pointer_join(pointer, "headers", new_name)
            if required and new_header.get("required") is not True:
                self.emit(
                    "response-header-became-optional",
                    header_pointer,
                    f"response {status}: header {name} may now be missing",
                )
            self._compare_schema(
                "response-header",
                _parameter_schema(old_header),
                _parameter_schema(new_header),
                pointer_join(header_pointer, "schema"),
                f"response {status} header {new_name}",
            )
        for key, (name, _) in new_by_name.items():
            if key not in old_by_name:
                self.emit(
                    "response-header-added",
                    pointer_join(pointer, "headers", name),
                    f"response {status}: header {name} added",
                )


def _style(where: str, parameter: dict[str, Any]) -> tuple[str, bool]:
    """The style and explode in effect (the specification's defaults when not written)."""
    style = parameter.get("style")
    if not isinstance(style, str):
        style = "form" if where in ("query", "cookie") else "simple"
    explode = parameter.get("explode")
    return style, explode if isinstance(explode, bool) else style == "form"


def _parameter_schema(parameter: dict[str, Any]) -> Any:
    if "schema" in parameter:
        return parameter["schema"]
    for media in _dict(parameter.get("content")).values():
        return _dict(media).get("schema", {})
    return {}


Alternative = frozenset[tuple[str, frozenset[str]]]


def _alternatives(security: Any) -> list[Alternative]:
    """Security requirements as alternatives (OR) of sets of (scheme, scopes) (AND); [] or {}: anonymous."""
    if not isinstance(security, list) or not security:
        return [frozenset()]
    result: list[Alternative] = []
    for requirement in security:
        if isinstance(requirement, dict):
            result.append(frozenset((name, frozenset(scopes or [])) for name, scopes in requirement.items()))
    return result or [frozenset()]


def _satisfies(held: Alternative, required: Alternative) -> bool:
    """Whether credentials that met `held` also meet `required` (no new scheme, no new scope)."""
    held_map = dict(held)
    return all(name in held_map and scopes <= held_map[name] for name, scopes in required)


def _show_security(alternatives: list[Alternative]) -> str:
    def one(alternative: Alternative) -> str:
        if not alternative:
            return "anonymous"
        return " + ".join(
            name + (f" [{', '.join(sorted(scopes))}]" if scopes else "")
            for name, scopes in sorted(alternative)
        )

    return " or ".join(one(a) for a in alternatives)


def diff_documents(
    base: dict[str, Any], revision: dict[str, Any], at: dt.datetime | None = None
) -> list[Change]:
    """Every change from `base` to `revision`, most severe first; sunsets are compared with `at` (default:
    `codegen.diff.sunset.now()`)."""
    return DocumentDiff(base, revision, at).run()
