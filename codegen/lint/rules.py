"""Lint rules over an OpenAPI 3.0/3.1 document.

Every finding names its rule (`contract lint --rules` lists them). Errors fail the run; warnings do not
unless `--strict`:

* errors: parse, duplicate-key, structure (openapi-spec-validator: the OpenAPI 3.0/3.1 schema and its
  semantic checks), ref-unresolved, operation-id (present and unique), operation-tags, operation-summary,
  operation-4xx (`default` alone is not enough), problem-json (4xx/5xx/default bodies offer
  `application/problem+json`), example-invalid (media type, parameter, header and schema examples validate
  against their schema), path-params (`{name}` <-> a required `in: path` parameter, both ways),
  security-scheme (requirements name declared schemes);
* errors for other clients (interop.py): oneof-format-only;
* errors of the deprecation workflow (deprecation.py): deprecation-dates (x-deprecated-at and x-sunset on
  every deprecated operation and parameter; a warning for a deprecated property without x-sunset),
  deprecation-undocumented (the description gives the sunset date), deprecation-headers-undeclared;
* warnings: webhook-tag-shared, tag-undeclared, unused-component (nothing reachable from paths/webhooks
  references it), naming
  (operationIds, schema names, properties, parameters and path segments follow the document's dominant
  convention, judged on multi-word names only).

`unused-component` is a warning, not an error: a component can be deliberately published without a `$ref`
(our contract keeps `components.responses.MethodNotAllowed` because it is what the server answers for any
undeclared method, which no operation can reference). `--strict` makes warnings fail the run too.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

from codegen.document import Document
from codegen.findings import Finding, Severity, pointer_join, pointer_tokens
from codegen.refs import COMPONENT_SECTIONS, HTTP_METHODS, Resolver, iter_operations, iter_refs

from . import deprecation, interop

RULES: dict[str, str] = {
    "parse": "the file parses as YAML or JSON",
    "duplicate-key": "no mapping repeats a key",
    "structure": "valid against the OpenAPI 3.0/3.1 specification (openapi-spec-validator)",
    "ref-unresolved": "every $ref resolves inside the document",
    "operation-id": "every operation has a unique operationId",
    "operation-tags": "every operation has at least one tag",
    "tag-undeclared": "operation tags are declared in the top-level tags list",
    "operation-summary": "every operation has a summary",
    "operation-4xx": "every operation declares a 4xx response",
    "problem-json": "error responses use application/problem+json",
    "example-invalid": "examples validate against their schemas",
    "path-params": "path template variables and path parameters match",
    "security-scheme": "security requirements name declared schemes",
    "unused-component": "every component is referenced",
    "naming": "names follow the document's dominant convention",
    **interop.RULES,
    **deprecation.RULES,
}

_PATH_VAR = re.compile(r"\{([^{}]+)\}")
_STATUS_4XX = re.compile(r"^4(\d\d|XX)$", re.IGNORECASE)
_STATUS_ERROR = re.compile(r"^[45](\d\d|XX)$", re.IGNORECASE)
_MAX_STRUCTURE_FINDINGS = 200


def lint_document(doc: Document) -> list[Finding]:
    """Every finding for `doc`, sorted by line. Never raises for a loaded document."""
    findings: list[Finding] = list(doc.notes)
    version = doc.openapi_version
    if version not in ("3.0", "3.1"):
        findings.append(
            doc.finding(
                "/openapi",
                "structure",
                f"not an OpenAPI 3.0 or 3.1 document (openapi: {version}); "
                "only 3.0.x and 3.1.x are supported",
            )
        )
        return sorted(set(findings), key=_sort_key)
    linter = _Linter(doc)
    for check in (
        linter.structure,
        linter.refs,
        linter.operations,
        linter.problem_json,
        linter.path_params,
        linter.security,
        linter.examples,
        linter.unused_components,
        linter.naming,
        linter.interop,
        linter.deprecation,
    ):
        try:
            findings.extend(check())
        except Exception as exc:  # a rule must never take the whole run down
            findings.append(
                doc.finding(
                    "",
                    "internal",
                    f"rule {check.__name__} stopped early on this document: {type(exc).__name__}: {exc}",
                    Severity.WARNING,
                )
            )
    return sorted(set(findings), key=_sort_key)


def _sort_key(finding: Finding) -> tuple[int, str, str]:
    return (finding.line, finding.rule, finding.message)


class _Linter:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.data = doc.data
        self.resolver = Resolver(doc.data)
        self.version = doc.openapi_version

    # -- the deprecation workflow (deprecation.py) -----------------------------------------------------------
    def deprecation(self) -> Iterator[Finding]:
        yield from deprecation.check(self.doc, self.resolver)

    # -- what third-party generators and validators make of the document (interop.py) ------------------------
    def interop(self) -> Iterator[Finding]:
        yield from interop.webhook_tags_shared(self.doc)
        schemas = (
            (ptr, node)
            for ptr, node in _dict_nodes(self.data)
            if isinstance(node.get("oneOf"), list) and not _inside_example(ptr)
        )
        yield from interop.oneof_format_only(self.doc, schemas)

    # -- structure -------------------------------------------------------------------------------------------
    def structure(self) -> Iterator[Finding]:
        from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
        from openapi_spec_validator.validation.exceptions import (
            DuplicateOperationIDError,
            UnresolvableParameterError,
        )

        validator_cls = OpenAPIV31SpecValidator if self.version == "3.1" else OpenAPIV30SpecValidator
        ids: dict[int, str] | None = None
        seen: set[tuple[str, str]] = set()
        count = 0
        try:
            errors = validator_cls(self.data).iter_errors()
            for error in errors:
                # Covered, with better locations, by operation-id and path-params.
                if isinstance(error, (DuplicateOperationIDError, UnresolvableParameterError)):
                    continue
                pointer = pointer_join("", *error.absolute_path) if error.absolute_path else None
                if pointer is None:
                    if ids is None:
                        ids = {id(node): ptr for ptr, node in _dict_nodes(self.data)}
                    pointer = ids.get(id(error.schema), "")
                    if (
                        pointer
                        and error.validator in ("enum", "type", "format")
                        and "default" in error.schema
                    ):
                        pointer = pointer_join(pointer, "default")
                message = error.message.splitlines()[0] if error.message else str(error)
                if len(message) > 300:
                    message = message[:297] + "..."
                if pointer.endswith("/default") and error.validator in ("enum", "type", "format"):
                    message = f"default value does not match its schema: {message}"
                key = (pointer, message)
                if key in seen:
                    continue
                seen.add(key)
                count += 1
                if count > _MAX_STRUCTURE_FINDINGS:
                    yield self.doc.finding("", "structure", "more structural errors follow; fix these first")
                    return
                yield self.doc.finding(pointer, "structure", message)
        except RecursionError:
            yield self.doc.finding(
                "", "structure", "validation stopped: the document nests (or recurses) too deeply"
            )
        except Exception as exc:
            yield self.doc.finding("", "structure", f"validation stopped: {type(exc).__name__}: {exc}")

    # -- $ref ------------------------------------------------------------------------------------------------
    def refs(self) -> Iterator[Finding]:
        for pointer, ref in iter_refs(self.data):
            if _inside_example(pointer):
                continue
            if not ref.startswith("#"):
                yield self.doc.finding(
                    pointer,
                    "ref-unresolved",
                    f"external reference {ref!r} is not followed; bundle the document",
                )
            elif self.resolver.ref_target(ref) is None:
                yield self.doc.finding(pointer, "ref-unresolved", f"$ref {ref!r} does not resolve")

    # -- operations ------------------------------------------------------------------------------------------
    def operations(self) -> Iterator[Finding]:
        first_seen: dict[str, str] = {}
        declared_tags = {t.get("name") for t in self.data.get("tags") or [] if isinstance(t, dict)}
        reported_tags: set[str] = set()
        for path, method, op, ptr, _item in iter_operations(self.data):
            where = f"{method.upper()} {path}"
            op_id = op.get("operationId")
            if not isinstance(op_id, str) or not op_id.strip():
                yield self.doc.finding(ptr, "operation-id", f"{where} has no operationId")
            elif op_id in first_seen:
                first_line = self.doc.line_of(first_seen[op_id])
                yield self.doc.finding(
                    pointer_join(ptr, "operationId"),
                    "operation-id",
                    f"operationId {op_id!r} of {where} is already used (line {first_line})",
                )
            else:
                first_seen[op_id] = pointer_join(ptr, "operationId")
            tags = op.get("tags")
            if not isinstance(tags, list) or not [t for t in tags if isinstance(t, str) and t]:
                yield self.doc.finding(ptr, "operation-tags", f"{where} has no tags")
            else:
                for index, tag in enumerate(tags):
                    if isinstance(tag, str) and tag not in declared_tags and tag not in reported_tags:
                        reported_tags.add(tag)
                        yield self.doc.finding(
                            pointer_join(ptr, "tags", index),
                            "tag-undeclared",
                            f"tag {tag!r} is not declared in the top-level tags list",
                            Severity.WARNING,
                        )
            summary = op.get("summary")
            if not isinstance(summary, str) or not summary.strip():
                yield self.doc.finding(ptr, "operation-summary", f"{where} has no summary")
            responses = op.get("responses")
            if isinstance(responses, dict) and not any(_STATUS_4XX.match(str(code)) for code in responses):
                hint = (
                    " ('default' does not say which client errors to expect)"
                    if "default" in responses
                    else ""
                )
                yield self.doc.finding(
                    pointer_join(ptr, "responses"),
                    "operation-4xx",
                    f"{where} declares no 4xx response{hint}",
                )

    def problem_json(self) -> Iterator[Finding]:
        reported: set[str] = set()
        for path, method, op, ptr, _item in iter_operations(self.data):
            responses = op.get("responses")
            if not isinstance(responses, dict):
                continue
            for code, response in responses.items():
                code = str(code)
                if not (_STATUS_ERROR.match(code) or code == "default"):
                    continue
                target_ptr, target = self.resolver.deref(response, pointer_join(ptr, "responses", code))
                if target_ptr in reported or not isinstance(target, dict):
                    continue
                content = target.get("content")
                if not isinstance(content, dict) or not content:
                    continue
                reported.add(target_ptr)
                if not any(
                    str(media).split(";")[0].strip() == "application/problem+json" for media in content
                ):
                    offered = ", ".join(sorted(str(m) for m in content))
                    yield self.doc.finding(
                        pointer_join(target_ptr, "content"),
                        "problem-json",
                        f"error response {code} of {method.upper()} {path} is {offered}, "
                        "not application/problem+json (RFC 9457)",
                    )

    # -- path parameters -------------------------------------------------------------------------------------
    def path_params(self) -> Iterator[Finding]:
        paths = self.data.get("paths")
        if not isinstance(paths, dict):
            return
        for path, item in paths.items():
            if not isinstance(item, dict):
                continue
            item_ptr = pointer_join("/paths", path)
            template = _PATH_VAR.findall(path)
            common = self._path_parameters(item.get("parameters"), pointer_join(item_ptr, "parameters"))
            for method in HTTP_METHODS:
                op = item.get(method)
                if not isinstance(op, dict):
                    continue
                op_ptr = pointer_join(item_ptr, method)
                declared = dict(common)
                declared.update(
                    self._path_parameters(op.get("parameters"), pointer_join(op_ptr, "parameters"))
                )
                for name in template:
                    if name not in declared:
                        yield self.doc.finding(
                            op_ptr,
                            "path-params",
                            f"{method.upper()} {path}: path variable {{{name}}} has no `in: path` parameter",
                        )
                for name, (param_ptr, param) in declared.items():
                    if name not in template:
                        yield self.doc.finding(
                            param_ptr,
                            "path-params",
                            f"{method.upper()} {path}: path parameter {name!r} is not in the path template",
                        )
                    elif param.get("required") is not True:
                        yield self.doc.finding(
                            param_ptr,
                            "path-params",
                            f"{method.upper()} {path}: path parameter {name!r} must be `required: true`",
                        )

    def _path_parameters(self, params: Any, pointer: str) -> dict[str, tuple[str, dict[str, Any]]]:
        result: dict[str, tuple[str, dict[str, Any]]] = {}
        if not isinstance(params, list):
            return result
        for index, raw in enumerate(params):
            _, param = self.resolver.deref(raw, pointer_join(pointer, index))
            if isinstance(param, dict) and param.get("in") == "path" and isinstance(param.get("name"), str):
                result[param["name"]] = (pointer_join(pointer, index), param)
        return result

    # -- security --------------------------------------------------------------------------------------------
    def security(self) -> Iterator[Finding]:
        schemes = (self.data.get("components") or {}).get("securitySchemes") or {}
        requirements: list[tuple[str, Any]] = [("/security", self.data.get("security"))]
        for _path, _method, op, ptr, _item in iter_operations(self.data):
            if "security" in op:
                requirements.append((pointer_join(ptr, "security"), op.get("security")))
        for ptr, value in requirements:
            if not isinstance(value, list):
                continue
            for index, requirement in enumerate(value):
                if not isinstance(requirement, dict):
                    continue
                for name in requirement:
                    if name not in schemes:
                        yield self.doc.finding(
                            pointer_join(ptr, index, name),
                            "security-scheme",
                            f"security requirement names {name!r}, "
                            "which components.securitySchemes does not declare",
                        )

    # -- examples --------------------------------------------------------------------------------------------
    def examples(self) -> Iterator[Finding]:
        checker = _ExampleChecker(self.doc, self.resolver)
        for holder_ptr, holder, direction in self._example_holders():
            schema = holder.get("schema")
            if not isinstance(schema, dict):
                continue
            schema_ptr = pointer_join(holder_ptr, "schema")
            if "example" in holder:
                yield from checker.check(
                    holder["example"], pointer_join(holder_ptr, "example"), schema_ptr, direction
                )
            examples = holder.get("examples")
            if isinstance(examples, dict):
                for name, example in examples.items():
                    ex_ptr = pointer_join(holder_ptr, "examples", name)
                    _, resolved = self.resolver.deref(example, ex_ptr)
                    if isinstance(resolved, dict) and "value" in resolved:
                        yield from checker.check(resolved["value"], ex_ptr, schema_ptr, direction)
        schemas = (self.data.get("components") or {}).get("schemas")
        if isinstance(schemas, dict):
            for name, schema in schemas.items():
                for ptr, sub in _walk_schema(schema, pointer_join("/components/schemas", name)):
                    if "example" in sub:
                        yield from checker.check(sub["example"], pointer_join(ptr, "example"), ptr, "any")
                    if self.version == "3.1" and isinstance(sub.get("examples"), list):
                        for index, value in enumerate(sub["examples"]):
                            yield from checker.check(value, pointer_join(ptr, "examples", index), ptr, "any")

    def _example_holders(self) -> Iterator[tuple[str, dict[str, Any], str]]:
        """(pointer, media type / parameter / header object, "read"|"write") for all that hold examples."""
        components = self.data.get("components") or {}
        for _path, _method, op, ptr, _item in iter_operations(self.data):
            yield from self._parameter_holders(op.get("parameters"), pointer_join(ptr, "parameters"))
            body = op.get("requestBody")
            if isinstance(body, dict) and "$ref" not in body:
                yield from _media_holders(
                    body.get("content"), pointer_join(ptr, "requestBody", "content"), "write"
                )
            responses = op.get("responses")
            if isinstance(responses, dict):
                for code, response in responses.items():
                    if isinstance(response, dict) and "$ref" not in response:
                        yield from self._response_holders(response, pointer_join(ptr, "responses", code))
        paths = self.data.get("paths")
        if isinstance(paths, dict):
            for path, item in paths.items():
                if isinstance(item, dict):
                    yield from self._parameter_holders(
                        item.get("parameters"), pointer_join("/paths", path, "parameters")
                    )
        for name, param in (components.get("parameters") or {}).items():
            if isinstance(param, dict) and "$ref" not in param:
                yield pointer_join("/components/parameters", name), param, "write"
        for name, body in (components.get("requestBodies") or {}).items():
            if isinstance(body, dict):
                yield from _media_holders(
                    body.get("content"), pointer_join("/components/requestBodies", name, "content"), "write"
                )
        for name, response in (components.get("responses") or {}).items():
            if isinstance(response, dict) and "$ref" not in response:
                yield from self._response_holders(response, pointer_join("/components/responses", name))
        for name, header in (components.get("headers") or {}).items():
            if isinstance(header, dict) and "$ref" not in header:
                yield pointer_join("/components/headers", name), header, "read"

    def _parameter_holders(self, params: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any], str]]:
        if isinstance(params, list):
            for index, param in enumerate(params):
                if isinstance(param, dict) and "$ref" not in param:
                    yield pointer_join(pointer, index), param, "write"

    def _response_holders(
        self, response: dict[str, Any], pointer: str
    ) -> Iterator[tuple[str, dict[str, Any], str]]:
        yield from _media_holders(response.get("content"), pointer_join(pointer, "content"), "read")
        headers = response.get("headers")
        if isinstance(headers, dict):
            for name, header in headers.items():
                if isinstance(header, dict) and "$ref" not in header:
                    yield pointer_join(pointer, "headers", name), header, "read"

    # -- unused components -----------------------------------------------------------------------------------
    def unused_components(self) -> Iterator[Finding]:
        components = self.data.get("components")
        if not isinstance(components, dict):
            return
        used: set[tuple[str, str]] = set()
        queue: list[Any] = []
        roots = {key: value for key, value in self.data.items() if key != "components"}
        queue.append(roots)
        visited: set[tuple[str, str]] = set()
        while queue:
            node = queue.pop()
            for ptr, ref in iter_refs(node):
                if _inside_example(ptr) or not ref.startswith("#/components/"):
                    continue
                tokens = pointer_tokens(ref[1:])
                if len(tokens) < 3:
                    continue
                key = (tokens[1], tokens[2])
                used.add(key)
                if key not in visited:
                    visited.add(key)
                    section = components.get(key[0])
                    if isinstance(section, dict) and key[1] in section:
                        queue.append(section[key[1]])
        # Security schemes are used by name from security requirements.
        for name in self._security_scheme_names():
            used.add(("securitySchemes", name))
        # Discriminator mappings reference schemas by name or ref.
        for _ptr, node in _dict_nodes(components.get("schemas") or {}):
            mapping = (
                node.get("discriminator", {}).get("mapping")
                if isinstance(node.get("discriminator"), dict)
                else None
            )
            if isinstance(mapping, dict):
                for target in mapping.values():
                    if isinstance(target, str):
                        used.add(("schemas", target.rsplit("/", 1)[-1]))
        unused = [
            (section, name)
            for section in COMPONENT_SECTIONS
            if isinstance(components.get(section), dict)
            for name in components[section]
            if (section, name) not in used
        ]
        # Who references each unused component (only other unused components can).
        referrers: dict[tuple[str, str], list[str]] = defaultdict(list)
        for section, name in unused:
            for _ptr, ref in iter_refs(components[section][name]):
                tokens = pointer_tokens(ref[1:]) if ref.startswith("#/components/") else []
                if len(tokens) >= 3:
                    referrers[(tokens[1], tokens[2])].append(f"components.{section}.{name}")
        for section, name in unused:
            by = referrers.get((section, name))
            reason = (
                f"only referenced from unused {', '.join(sorted(set(by)))}"
                if by
                else "not referenced from any path, webhook or used component"
            )
            yield self.doc.finding(
                pointer_join("/components", section, name),
                "unused-component",
                f"components.{section}.{name} is {reason}",
                Severity.WARNING,
            )

    def _security_scheme_names(self) -> set[str]:
        names: set[str] = set()
        requirements: list[Any] = [self.data.get("security")]
        requirements.extend(op.get("security") for _p, _m, op, _ptr, _i in iter_operations(self.data))
        webhooks = self.data.get("webhooks")
        if isinstance(webhooks, dict):
            for item in webhooks.values():
                if isinstance(item, dict):
                    requirements.extend(
                        op.get("security")
                        for m, op in item.items()
                        if m in HTTP_METHODS and isinstance(op, dict)
                    )
        for value in requirements:
            if isinstance(value, list):
                for requirement in value:
                    if isinstance(requirement, dict):
                        names.update(str(name) for name in requirement)
        return names

    # -- naming ----------------------------------------------------------------------------------------------
    def naming(self) -> Iterator[Finding]:
        categories: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for path, _method, op, ptr, _item in iter_operations(self.data):
            if isinstance(op.get("operationId"), str):
                categories["operationId"].append((op["operationId"], pointer_join(ptr, "operationId")))
            for segment in path.strip("/").split("/"):
                if segment and not _PATH_VAR.search(segment):
                    categories["path segment"].append((segment, pointer_join("/paths", path)))
        components = self.data.get("components") or {}
        raw_schemas = components.get("schemas")
        schemas: dict[str, Any] = raw_schemas if isinstance(raw_schemas, dict) else {}
        for name, schema in schemas.items():
            categories["schema name"].append((name, pointer_join("/components/schemas", name)))
            for ptr, sub in _walk_schema(schema, pointer_join("/components/schemas", name)):
                props = sub.get("properties")
                if isinstance(props, dict):
                    for prop in props:
                        categories["property"].append((prop, pointer_join(ptr, "properties", prop)))
        for ptr, param in self._all_parameters():
            if param.get("in") in ("query", "path") and isinstance(param.get("name"), str):
                categories["parameter"].append((param["name"], ptr))
        for category, names in categories.items():
            yield from self._naming_category(category, names)

    def _all_parameters(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for ptr, param in (
            (pointer_join("/components/parameters", n), p)
            for n, p in ((self.data.get("components") or {}).get("parameters") or {}).items()
        ):
            if isinstance(param, dict):
                yield ptr, param
        paths = self.data.get("paths")
        if not isinstance(paths, dict):
            return
        for path, item in paths.items():
            if not isinstance(item, dict):
                continue
            for key in ("parameters", *HTTP_METHODS):
                holder = item if key == "parameters" else item.get(key)
                if not isinstance(holder, dict):
                    continue
                params = holder.get("parameters")
                base = (
                    pointer_join("/paths", path) if key == "parameters" else pointer_join("/paths", path, key)
                )
                if isinstance(params, list):
                    for index, param in enumerate(params):
                        if isinstance(param, dict) and "$ref" not in param:
                            yield pointer_join(base, "parameters", index), param

    def _naming_category(self, category: str, names: list[tuple[str, str]]) -> Iterator[Finding]:
        unique: dict[str, str] = {}
        for name, ptr in names:
            unique.setdefault(name, ptr)
        compatible = {name: _styles(name) for name in unique}
        # One lowercase word ("items") fits snake_case, camelCase and kebab-case alike: only names of several
        # words say which convention a document follows.
        telling = [name for name, styles in compatible.items() if styles != _ONE_WORD]
        if len(telling) < 3:
            return
        counts: Counter[str] = Counter()
        for name in telling:
            counts.update(compatible[name])
        if not counts:
            return
        dominant, dominant_count = max(counts.items(), key=lambda kv: (kv[1], -_STYLE_ORDER.index(kv[0])))
        # A convention needs a clear majority before deviations are worth reporting.
        if dominant_count * 2 <= len(telling):
            return
        for name, ptr in unique.items():
            if dominant not in compatible[name]:
                yield self.doc.finding(
                    ptr,
                    "naming",
                    f"{category} {name!r} is not {dominant}, unlike {dominant_count} of the {len(telling)} "
                    f"multi-word {category} names in this document",
                    Severity.WARNING,
                )


_STYLE_PATTERNS = {
    "snake_case": re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"),
    "camelCase": re.compile(r"^[a-z][a-z0-9]*([A-Z][a-z0-9]*)*$"),
    "kebab-case": re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"),
    "PascalCase": re.compile(r"^[A-Z][a-z0-9]*([A-Z][a-z0-9]*)*$"),
    "dotted.names": re.compile(r"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$"),
}
_STYLE_ORDER = list(_STYLE_PATTERNS)
_ONE_WORD = {"snake_case", "camelCase", "kebab-case"}


def _styles(name: str) -> set[str]:
    return {style for style, pattern in _STYLE_PATTERNS.items() if pattern.match(name)}


def _dict_nodes(value: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    stack: list[tuple[str, Any]] = [(pointer, value)]
    while stack:
        ptr, node = stack.pop()
        if isinstance(node, dict):
            yield ptr, node
            for key, child in node.items():
                if isinstance(child, (dict, list)):
                    stack.append((pointer_join(ptr, key), child))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                if isinstance(child, (dict, list)):
                    stack.append((pointer_join(ptr, index), child))


def _inside_example(pointer: str) -> bool:
    """Pointers inside example payloads hold data, not OpenAPI objects (a literal `$ref` key is just data)."""
    tokens = pointer_tokens(pointer)
    for index, token in enumerate(tokens):
        if index and tokens[index - 1] == "properties":
            continue  # a property that happens to be called "example"
        if token == "example" or (token == "value" and index >= 2 and tokens[index - 2] == "examples"):
            return True
    return False


_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SUBSCHEMA_SINGLE = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)


def _walk_schema(schema: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (pointer, schema object) inside a schema, itself included; does not follow $refs."""
    stack: list[tuple[str, Any]] = [(pointer, schema)]
    while stack:
        ptr, node = stack.pop()
        if not isinstance(node, dict):
            continue
        yield ptr, node
        for key in _SUBSCHEMA_MAPS:
            sub = node.get(key)
            if isinstance(sub, dict):
                for name, child in sub.items():
                    stack.append((pointer_join(ptr, key, name), child))
        for key in _SUBSCHEMA_LISTS:
            sub = node.get(key)
            if isinstance(sub, list):
                for index, child in enumerate(sub):
                    stack.append((pointer_join(ptr, key, index), child))
        for key in _SUBSCHEMA_SINGLE:
            sub = node.get(key)
            if isinstance(sub, dict):
                stack.append((pointer_join(ptr, key), sub))
            elif key == "items" and isinstance(sub, list):
                for index, child in enumerate(sub):
                    stack.append((pointer_join(ptr, key, index), child))


def _media_holders(content: Any, pointer: str, direction: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    if isinstance(content, dict):
        for media, media_object in content.items():
            if isinstance(media_object, dict):
                yield pointer_join(pointer, media), media_object, direction


class _ExampleChecker:
    """Validates example values against schemas of the document, with the document as the $ref root."""

    def __init__(self, doc: Document, resolver: Resolver) -> None:
        import jsonschema
        import referencing
        from openapi_schema_validator import (
            OAS30ReadValidator,
            OAS30Validator,
            OAS30WriteValidator,
            OAS31Validator,
        )
        from referencing.jsonschema import DRAFT4, DRAFT202012

        self.doc = doc
        self.resolver = resolver
        self.version = doc.openapi_version
        spec = DRAFT202012 if self.version == "3.1" else DRAFT4
        resource: Any = referencing.Resource(contents=doc.data, specification=spec)  # type: ignore[call-arg]
        self.registry: Any = referencing.Registry().with_resource("urn:contract", resource)
        self.classes: dict[str, Any] = (
            {"read": OAS31Validator, "write": OAS31Validator, "any": OAS31Validator}
            if self.version == "3.1"
            else {"read": OAS30ReadValidator, "write": OAS30WriteValidator, "any": OAS30Validator}
        )
        self.best_match: Callable[..., Any] = jsonschema.exceptions.best_match
        self.cache: dict[tuple[str, str], Any] = {}

    def check(self, value: Any, example_ptr: str, schema_ptr: str, direction: str) -> Iterator[Finding]:
        if isinstance(value, dict) and "$ref" in value and len(value) == 1:
            return  # an example given as a reference (to an external value): not checkable here
        # `schema` is itself often a $ref; validating through the ref keeps sibling semantics of the version.
        key = (schema_ptr, direction)
        validator = self.cache.get(key)
        try:
            if validator is None:
                cls = self.classes[direction]
                validator = cls(
                    {"$ref": "urn:contract#" + quote(schema_ptr, safe="/~-._")},
                    registry=self.registry,
                    format_checker=cls.FORMAT_CHECKER,
                )
                self.cache[key] = validator
            error = self.best_match(validator.iter_errors(value))
        except RecursionError:
            yield self.doc.finding(example_ptr, "example-invalid", "the schema recurses too deeply to check")
            return
        except Exception as exc:
            yield self.doc.finding(
                example_ptr,
                "example-invalid",
                f"example could not be checked against {schema_ptr}: {type(exc).__name__}: {exc}",
                Severity.WARNING,
            )
            return
        if error is not None:
            where = (
                "/" + "/".join(str(p) for p in error.absolute_path) if error.absolute_path else "the value"
            )
            message = error.message.splitlines()[0]
            if len(message) > 200:
                message = message[:197] + "..."
            yield self.doc.finding(
                example_ptr,
                "example-invalid",
                f"example does not match its schema at {where}: {message}",
            )
