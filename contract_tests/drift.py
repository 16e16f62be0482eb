"""Drift check: the schema the code derives for itself (drf-spectacular over the real views) against the
hand-authored contract. `python -m contract_tests.drift` (`make drift`) prints every difference and exits 1.

Compared, per operation (matched by path and method): the operationId; the effective security
requirements; every parameter (location, name, required, schema); the request body (required, media types,
schema); every response status, its media types and schema, and its headers (required, schema); and the
security schemes' definitions.

Both documents are first brought to one canonical form, so that spelling differences do not count and
real differences are not hidden:

* `$ref`s are resolved (component names are spelling: `TaskCreate` vs `TaskCreateRequest`);
* `allOf` is merged into one schema (the contract's `allOf: [$ref]` + `default`, `ApiKeyWithSecret`);
* nullability: OpenAPI 3.0's `nullable: true`, 3.1's `type: [X, "null"]`, and `oneOf`/`anyOf` with a
  `{type: null}` branch all become a set of types that includes "null";
* `type: X` and `type: [X]` are the same set; `enum` and `required` are sets (their order means nothing);
* `minLength: 1` next to a format no empty string satisfies (`email`, `date`, `date-time`, `uri`) is implied;
* OpenAPI's defaults are written out or dropped the same way on both sides (`required: false` parameters,
  `additionalProperties: true`, `style: form`, an empty `required` list);
* annotations are dropped: `description`, `title`, `summary`, `example(s)`, and `readOnly`/`writeOnly`,
  which are vacuous here because every schema is used in one direction only (request or response);
* `security: []` and `security: [{}]` both mean "public"; an operation without `security` inherits the
  document's.

Everything else - every type, format, bound, length, pattern, enum value, default, property,
`additionalProperties`, `maxItems` - must be equal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from codegen.document import load_document

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
NON_EMPTY_FORMATS = {"email", "date", "date-time", "uri"}
ANNOTATIONS = {"description", "title", "summary", "example", "examples", "readOnly", "writeOnly", "$comment"}


# --- the two documents ----------------------------------------------------------------------------------


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "server.config.settings.test")
    import django

    django.setup()


def contract_document() -> dict[str, Any]:
    _django()
    from django.conf import settings

    # a fresh copy (a multi-file contract in its bundled form: codegen/bundle.py)
    document: dict[str, Any] = load_document(settings.CONTRACT_SPEC_PATH).data
    return document


def generated_document() -> dict[str, Any]:
    """What drf-spectacular derives from the views (`manage.py spectacular` gives the same document)."""
    _django()
    from drf_spectacular.generators import SchemaGenerator

    document: dict[str, Any] = SchemaGenerator().get_schema(request=None, public=True)
    # Round-trip through JSON: plain types only (lazy strings, OrderedDicts), as a file would have them.
    loaded: dict[str, Any] = json.loads(json.dumps(document, default=str))
    return loaded


# --- canonical form ---------------------------------------------------------------------------------------


class Canonical:
    """Schemas and operations of one document, in the canonical form described above."""

    def __init__(self, document: dict[str, Any], *, base_path: str = "") -> None:
        self.document = document
        self.base_path = base_path

    def resolve(self, node: Any, seen: frozenset[str] = frozenset()) -> tuple[Any, frozenset[str]]:
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                raise ValueError(f"recursive $ref {ref}")
            seen = seen | {ref}
            target: Any = self.document
            for part in ref.lstrip("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            node = {"allOf": [target], **siblings} if siblings else target
        return node, seen

    def schema(self, node: Any, seen: frozenset[str] = frozenset()) -> Any:
        node, seen = self.resolve(node, seen)
        if not isinstance(node, dict):
            return node
        node = {k: v for k, v in node.items() if k not in ANNOTATIONS}
        if node.pop("nullable", False):
            node["type"] = [*_types(node), "null"] if "type" in node else None
            if node["type"] is None:  # `nullable` next to a `$ref`/`allOf`: the null branch of a union
                del node["type"]
                node = {"anyOf": [node, {"type": "null"}]}
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in node:
                node[keyword] = [self.schema(sub, seen) for sub in node[keyword]]
        if "allOf" in node:
            node = _merge([{k: v for k, v in node.items() if k != "allOf"}, *node.pop("allOf")])
        for keyword in ("anyOf", "oneOf"):
            branches = node.get(keyword)
            if branches and any(branch == {"type": ["null"]} for branch in branches):
                rest = [branch for branch in branches if branch != {"type": ["null"]}]
                if len(rest) == 1:
                    del node[keyword]
                    merged = _merge([node, rest[0]])
                    merged["type"] = sorted({*_types(merged), "null"})
                    node = merged
        if "properties" in node:
            node["properties"] = {name: self.schema(sub, seen) for name, sub in node["properties"].items()}
        for keyword in ("items", "additionalProperties", "not"):
            if isinstance(node.get(keyword), dict):
                node[keyword] = self.schema(node[keyword], seen)
        if node.get("additionalProperties") is True:
            del node["additionalProperties"]
        if "type" in node:
            node["type"] = sorted(set(_types(node)))
        if "enum" in node:  # a set of values (null is in `type`); sorted by their JSON, so it is idempotent
            unique = {json.dumps(v, sort_keys=True): v for v in node["enum"] if v is not None}
            node["enum"] = [unique[key] for key in sorted(unique)]
        if node.get("minLength") == 1 and node.get("format") in NON_EMPTY_FORMATS:
            del node["minLength"]  # implied: no empty string is an email address, a date or a URI
        if "required" in node:
            node["required"] = sorted(set(node["required"]))
            if not node["required"]:
                del node["required"]
        return node

    def operations(self) -> dict[tuple[str, str], dict[str, Any]]:
        result = {}
        default_security = self.document.get("security")
        for path, item in (self.document.get("paths") or {}).items():
            item, _ = self.resolve(item)
            shared = item.get("parameters", [])
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                raw = item[method]
                # A `servers` override (operation, then path item) moves the operation out of the document's
                # base path, as the binding routes it: the health probes are served at `/health/...`.
                override = raw.get("servers") or item.get("servers")
                base_path = override[0]["url"].rstrip("/") if override else self.base_path
                result[(base_path + path, method)] = {
                    "operationId": raw.get("operationId"),
                    "security": _security(raw.get("security", default_security)),
                    "parameters": self.parameters([*shared, *raw.get("parameters", [])]),
                    "requestBody": self.request_body(raw.get("requestBody")),
                    "responses": {
                        str(status): self.response(response) for status, response in raw["responses"].items()
                    },
                }
        return result

    def parameters(self, raw: list[Any]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for item in raw:
            parameter, _ = self.resolve(item)
            location = parameter["in"]
            style = parameter.get("style", "form" if location in ("query", "cookie") else "simple")
            explode = parameter.get("explode", style == "form")
            result[f"{location}:{parameter['name']}"] = {
                "required": bool(parameter.get("required", False)),
                "schema": self.schema(parameter.get("schema", {})),
                "style": style,
                "explode": explode,
            }
        return result

    def request_body(self, raw: Any) -> Any:
        if raw is None:
            return None
        body, _ = self.resolve(raw)
        return {"required": bool(body.get("required", False)), "content": self.content(body.get("content"))}

    def response(self, raw: Any) -> dict[str, Any]:
        response, _ = self.resolve(raw)
        headers = {}
        for name, header in (response.get("headers") or {}).items():
            header, _ = self.resolve(header)
            headers[name.lower()] = {
                "required": bool(header.get("required", False)),
                "schema": self.schema(header.get("schema", {})),
            }
        return {"content": self.content(response.get("content")), "headers": headers}

    def content(self, raw: Any) -> dict[str, Any]:
        return {
            media_type: self.schema(media["schema"]) if "schema" in media else None
            for media_type, media in (raw or {}).items()
        }

    def security_schemes(self) -> dict[str, Any]:
        schemes = (self.document.get("components") or {}).get("securitySchemes") or {}
        return {
            name: {k: v for k, v in scheme.items() if k not in ANNOTATIONS}
            for name, scheme in schemes.items()
        }


def _types(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type", [])
    return list(kind) if isinstance(kind, list) else [kind]


def _merge(schemas: list[dict[str, Any]]) -> dict[str, Any]:
    """allOf of object schemas (and of one schema with sibling keywords) as one schema."""
    merged: dict[str, Any] = {}
    for schema in schemas:
        for key, value in schema.items():
            if key == "properties":
                merged.setdefault("properties", {}).update(value)
            elif key == "required":
                merged["required"] = sorted({*merged.get("required", []), *value})
            elif key == "type" and "type" in merged:
                common = set(_types(merged)) & set(value if isinstance(value, list) else [value])
                merged["type"] = sorted(common)
            elif key in merged and merged[key] != value:
                merged.setdefault("allOf", []).append({key: value})  # a real conflict stays visible
            else:
                merged[key] = value
    return merged


def _security(requirements: Any) -> Any:
    if not requirements or any(not requirement for requirement in requirements):
        return "public"
    return sorted(sorted(requirement) for requirement in requirements)


# --- the comparison ---------------------------------------------------------------------------------------


def _diff(contract: Any, code: Any, where: str) -> Iterator[str]:
    if isinstance(contract, dict) and isinstance(code, dict):
        for key in sorted(set(contract) | set(code), key=str):
            if key not in code:
                yield f"{where}/{key}: the contract has {_show(contract[key])}, the code has nothing"
            elif key not in contract:
                yield f"{where}/{key}: the code has {_show(code[key])}, the contract has nothing"
            else:
                yield from _diff(contract[key], code[key], f"{where}/{key}")
    elif contract != code:
        yield f"{where}: the contract has {_show(contract)}, the code has {_show(code)}"


def _show(value: Any) -> str:
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= 160 else text[:157] + "..."


def compare(contract: dict[str, Any], generated: dict[str, Any]) -> tuple[list[str], dict[str, int]]:
    """Every difference, one line each, and what was compared."""
    servers = contract.get("servers") or [{"url": ""}]
    ours = Canonical(contract, base_path=servers[0]["url"].rstrip("/")).operations()
    theirs = Canonical(generated).operations()
    problems: list[str] = []
    for key in sorted(set(ours) - set(theirs)):
        problems.append(f"{key[1].upper()} {key[0]}: in the contract, not served by any view")
    for key in sorted(set(theirs) - set(ours)):
        problems.append(f"{key[1].upper()} {key[0]}: served by a view, not in the contract")
    counts = {"operations": 0, "parameters": 0, "responses": 0, "bodies": 0}
    for key in sorted(set(ours) & set(theirs)):
        label = f"{key[1].upper()} {key[0]} ({ours[key]['operationId']})"
        problems.extend(_diff(ours[key], theirs[key], label))
        counts["operations"] += 1
        counts["parameters"] += len(ours[key]["parameters"])
        counts["responses"] += len(ours[key]["responses"])
        counts["bodies"] += ours[key]["requestBody"] is not None
    schemes_ours = Canonical(contract).security_schemes()
    schemes_theirs = Canonical(generated).security_schemes()
    problems.extend(_diff(schemes_ours, schemes_theirs, "components/securitySchemes"))
    return problems, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", metavar="PATH", help="also write the code-derived schema here (YAML)")
    args = parser.parse_args(argv)
    contract = contract_document()
    generated = generated_document()
    if args.write:
        Path(args.write).write_text(yaml.safe_dump(generated, sort_keys=False), encoding="utf-8")
    problems, counts = compare(contract, generated)
    summary = (
        f"{counts['operations']} operations, {counts['parameters']} parameters, {counts['bodies']} request "
        f"bodies and {counts['responses']} responses compared"
    )
    if problems:
        print(f"Drift between openapi/openapi.yaml and the code ({len(problems)} differences; {summary}):")
        for line in problems:
            print(f"  - {line}")
        return 1
    print(f"No drift: {summary}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
