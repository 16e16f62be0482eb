"""Compare two OpenAPI documents: paths, operations, parameters, bodies, responses, security and webhooks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from codegen.diff.rules import RULES, Level, schema_rule
from codegen.diff.schema import SchemaComparer
from codegen.findings import pointer_join
from codegen.refs import HTTP_METHODS, Resolver


@dataclass(frozen=True, order=True)
class Change:
    id: str
    level: Level
    operation: str  # operationId, or "METHOD /path" when there is none; "" for document-level changes
    pointer: str  # JSON pointer into the revision (into the base for what was removed)
    message: str

    def as_json(self) -> dict[str, str]:
        return {
            "id": self.id,
            "level": str(self.level),
            "operation": self.operation,
            "pointer": self.pointer,
            "message": self.message,
        }


_PROPERTY_RULES = {
    ("request", "new-required"): "new-required-request-property",
    ("request", "new-optional"): "new-optional-request-property",
    ("request", "removed"): "request-property-removed",
    ("request", "became-required"): "request-property-became-required",
    ("request", "became-optional"): "request-property-became-optional",
    ("response", "added"): "response-property-added",
    ("response", "required-removed"): "response-required-property-removed",
    ("response", "optional-removed"): "response-optional-property-removed",
    ("response", "became-optional"): "response-property-became-optional",
}
_TEMPLATE = re.compile(r"\{[^}/]*\}")


def _template_key(path: str) -> str:
    """`/projects/{id}` and `/projects/{project_id}` are the same path to a client."""
    return _TEMPLATE.sub("{}", path)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


class DocumentDiff:
    def __init__(self, base: dict[str, Any], revision: dict[str, Any]) -> None:
        self.base_doc, self.rev_doc = base, revision
        self.base, self.rev = Resolver(base), Resolver(revision)
        self.changes: list[Change] = []

    def emit(self, rule_id: str, operation: str, pointer: str, message: str) -> None:
        self.changes.append(Change(rule_id, RULES[rule_id].level, operation, pointer, message))

    def run(self) -> list[Change]:
        self._paths()
        self._webhooks()
        return sorted(set(self.changes), key=lambda c: (-c.level, c.operation, c.pointer, c.id, c.message))

    # -- paths and operations ----------------------------------------------------------------------------

    def _paths(self) -> None:
        base_paths, rev_paths = _dict(self.base_doc.get("paths")), _dict(self.rev_doc.get("paths"))
        rev_by_key = {_template_key(p): p for p in rev_paths}
        matched: set[str] = set()
        for path, item in base_paths.items():
            rev_path = path if path in rev_paths else rev_by_key.get(_template_key(path))
            pointer = pointer_join("/paths", path)
            if rev_path is None:
                self.emit("api-path-removed", "", pointer, f"path {path} removed")
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
                )

    @staticmethod
    def _operations(item: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        return [(m, item[m]) for m in HTTP_METHODS if isinstance(item.get(m), dict)]

    def _path_item(self, base_path: str, base_item: dict[str, Any], path: str, item: dict[str, Any]) -> None:
        for method, operation in self._operations(base_item):
            name = _name(operation, method, base_path)
            if not isinstance(item.get(method), dict):
                note = " (it was deprecated)" if operation.get("deprecated") else ""
                self.emit(
                    "api-removed",
                    name,
                    pointer_join("/paths", base_path, method),
                    f"operation {method.upper()} {base_path} removed{note}",
                )
                continue
            Operation(self, base_item, operation, item, item[method], method, path, base_path).compare()
        for method, operation in self._operations(item):
            if not isinstance(base_item.get(method), dict):
                self.emit(
                    "api-added",
                    _name(operation, method, path),
                    pointer_join("/paths", path, method),
                    f"operation {method.upper()} {path} added",
                )

    def _webhooks(self) -> None:
        base_hooks, rev_hooks = _dict(self.base_doc.get("webhooks")), _dict(self.rev_doc.get("webhooks"))
        for name in base_hooks:
            if name not in rev_hooks:
                self.emit(
                    "webhook-removed",
                    f"webhook {name}",
                    pointer_join("/webhooks", name),
                    f"webhook {name} removed",
                )
        for name in rev_hooks:
            if name not in base_hooks:
                self.emit(
                    "webhook-added",
                    f"webhook {name}",
                    pointer_join("/webhooks", name),
                    f"webhook {name} added",
                )


def _name(operation: dict[str, Any], method: str, path: str) -> str:
    operation_id = operation.get("operationId")
    return operation_id if isinstance(operation_id, str) and operation_id else f"{method.upper()} {path}"


def _parameter_key(parameter: dict[str, Any], path_names: list[str]) -> tuple[str, str]:
    where, name = str(parameter.get("in", "")), str(parameter.get("name", ""))
    if where == "header":
        return where, name.lower()
    if where == "path" and name in path_names:
        return where, f"#{path_names.index(name)}"  # path parameters match by position: renaming is harmless
    return where, name


class Operation:
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
    ) -> None:
        self.diff = diff
        self.base_item, self.base, self.item, self.rev = base_item, base, item, revision
        self.method, self.path, self.base_path = method, path, base_path
        self.name = _name(revision, method, path)
        self.pointer = pointer_join("/paths", path, method)

    def emit(self, rule_id: str, pointer: str, message: str) -> None:
        self.diff.emit(rule_id, self.name, pointer, message)

    def compare(self) -> None:
        self._metadata()
        self._security()
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
        if self.rev.get("deprecated") is True and self.base.get("deprecated") is not True:
            self.emit("api-deprecated", pointer_join(self.pointer, "deprecated"), "operation deprecated")

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
                    where = pointer_join("/paths", path, *([] if source == "item" else [self.method]))
                    result[_parameter_key(target, names)] = (index, target, where)
        return result

    def _parameters(self) -> None:
        old = self._parameter_map(self.diff.base, self.base_item, self.base, self.base_path)
        new = self._parameter_map(self.diff.rev, self.item, self.rev, self.path)
        for key, (index, parameter, owner) in old.items():
            label = f"{key[0]} parameter {parameter.get('name')}"
            if key not in new:
                self.emit(
                    "request-parameter-removed", pointer_join(owner, "parameters", index), f"{label} removed"
                )
                continue
            new_index, new_parameter, new_owner = new[key]
            pointer = pointer_join(new_owner, "parameters", new_index)
            was, now = parameter.get("required") is True, new_parameter.get("required") is True
            if now and not was:
                self.emit("request-parameter-became-required", pointer, f"{label} became required")
            if was and not now:
                self.emit("request-parameter-became-optional", pointer, f"{label} became optional")
            comparer = SchemaComparer(
                self.diff.base, self.diff.rev, "request", self._schema_emitter("request-parameter")
            )
            comparer.compare(
                _parameter_schema(parameter),
                _parameter_schema(new_parameter),
                pointer_join(pointer, "schema"),
                label,
                properties=False,
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

    def _schema_emitter(self, location: str) -> Any:
        direction = "request" if location.startswith("request") else "response"

        def emit(stem: str, pointer: str, message: str) -> None:
            rule = _PROPERTY_RULES.get((direction, stem)) or schema_rule(location, stem)
            if rule is not None:
                self.emit(rule, pointer, message)

        return emit

    # -- bodies ------------------------------------------------------------------------------------------

    def _request_body(self) -> None:
        _, old = self.diff.base.deref(self.base.get("requestBody"))
        _, new = self.diff.rev.deref(self.rev.get("requestBody"))
        pointer = pointer_join(self.pointer, "requestBody")
        if not isinstance(new, dict) or not new:
            if isinstance(old, dict) and old:
                self.emit("request-body-removed", pointer, "request body removed")
            return
        old = old if isinstance(old, dict) else {}
        if new.get("required") is True and old.get("required") is not True:
            self.emit(
                "request-body-became-required",
                pointer,
                "request body became required" if old else "required request body added",
            )
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
            comparer = SchemaComparer(
                self.diff.base, self.diff.rev, "request", self._schema_emitter("request-property")
            )
            comparer.compare(
                _dict(media).get("schema", {}),
                _dict(new_content[media_type]).get("schema", {}),
                pointer_join(media_pointer, "schema"),
                f"the request body ({media_type})",
            )

    def _responses(self) -> None:
        old, new = _dict(self.base.get("responses")), _dict(self.rev.get("responses"))
        for status, response in old.items():
            pointer = pointer_join(self.pointer, "responses", status)
            if status not in new:
                success = status.startswith("2")
                self.emit(
                    "response-success-status-removed" if success else "response-non-success-status-removed",
                    pointer,
                    f"response {status} removed",
                )
                continue
            _, old_response = self.diff.base.deref(response)
            _, new_response = self.diff.rev.deref(new[status])
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
                comparer = SchemaComparer(
                    self.diff.base, self.diff.rev, "response", self._schema_emitter("response-property")
                )
                comparer.compare(
                    _dict(media).get("schema", {}),
                    _dict(new_content[media_type]).get("schema", {}),
                    pointer_join(media_pointer, "schema"),
                    f"the response {status} body ({media_type})",
                )


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


def diff_documents(base: dict[str, Any], revision: dict[str, Any]) -> list[Change]:
    """Every change from `base` to `revision`, most severe first."""
    return DocumentDiff(base, revision).run()
