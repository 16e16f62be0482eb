"""The API as the SDK templates see it: operations grouped by tag, with Python types and docs.

Built from the prepared document (see `codegen.generate.prepare`) and the class names datamodel-code-generator
gave each schema, so that the SDKs' signatures use the very models that were generated.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from codegen.findings import Finding, Severity, pointer_join, pointer_tokens
from codegen.generate.naming import camel, dedupe, dedupe_camel, pascal, py_identifier, snake, ts_identifier
from codegen.refs import HTTP_METHODS, Resolver

IDEMPOTENT = {"get", "head", "options", "put", "delete", "trace"}
# The header the SDK runtimes send an idempotency key in (`RetryPolicy.idempotency_header` /
# `retry.idempotencyHeader` default). An operation that declares it as a header parameter gets it through
# the runtime's own `idempotency_key` (Python) / `idempotencyKey` (TypeScript) argument, not a second one.
IDEMPOTENCY_HEADER = "Idempotency-Key"
# Attributes of the generated Python client that tag groups must not shadow.
PY_CLIENT_RESERVED = frozenset(
    {
        "close",
        "aclose",
        "request",
        "paginate",
        "set_token",
        "set_api_key",
        "set_basic_auth",
        "base_url",
        "timeout",
        "retry",
        "default_headers",
        "credentials",
    }
)
PY_METHOD_PARAMS_RESERVED = frozenset({"self", "body", "request_options", "idempotency_key", "cls"})
# Module-level names of the generated client that a method name must not shadow inside its class.
PY_METHOD_RESERVED = frozenset(
    {
        "datetime",
        "models",
        "httpx",
        "builtins",
        "Any",
        "Literal",
        "Mapping",
        "Iterator",
        "AsyncIterator",
        "Callable",
        "RequestOptions",
        "Returns",
        "Operation",
        "ApiResponse",
        "NotModified",
        "modified",
        "with_response",
    }
)
# Builtin types used in annotations: a method called `list` makes `list[...]` mean the method in its class.
PY_BUILTIN_TYPES = frozenset({"list", "dict", "str", "int", "float", "bool", "bytes", "set", "tuple", "type"})
_PY_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
TS_CLIENT_RESERVED = frozenset({"raw", "core", "options", "setToken", "setApiKey", "constructor"})
# Members of every generated TypeScript tag class besides its operations.
TS_GROUP_RESERVED = frozenset({"withResponse", "core", "constructor"})
_MAX_LITERAL = 40
_ABSOLUTE_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_JSON_MEDIA = re.compile(
    r"^application/(.+\+)?json$|^application/json;|^\*/\*$|^application/\*$", re.IGNORECASE
)


@dataclass
class Param:
    name: str  # on the wire
    py_name: str
    location: str  # path | query | header | cookie
    required: bool
    py_type: str
    description: str
    deprecated: bool = False
    # `x-deprecated-at` / `x-sunset` of a deprecated parameter (RFC 3339, as written; "" when absent)
    deprecated_at: str = ""
    sunset: str = ""

    @property
    def deprecation_note(self) -> str:
        return deprecation_note(self.deprecated_at, self.sunset)


@dataclass
class Body:
    kind: str  # json | form | multipart | text | binary
    media_type: str
    required: bool
    py_type: str
    description: str


@dataclass
class Pagination:
    items: tuple[str, str]  # (python attribute, wire name)
    next_link: tuple[str, str]
    item_py_type: str
    cursor_param: str | None  # wire name of the cursor parameter the iterator does not take
    page_py_type: str


@dataclass
class Operation:
    operation_id: str
    method: str
    path: str
    group: str
    py_name: str
    ts_name: str
    summary: str
    description: str
    deprecated: bool
    params: list[Param]
    body: Body | None
    response_kind: str  # json | text | binary | none
    returns_py_type: str
    security: list[str]
    pagination: Pagination | None = None
    py_iter_name: str = ""
    ts_iter_name: str = ""
    # The operation's own server URL (operation > path item `servers`, variables' defaults substituted),
    # only when it differs from the document's: the SDKs send this operation there instead.
    server_url: str | None = None
    # The declared `Idempotency-Key` header parameter (see IDEMPOTENCY_HEADER), kept out of `params`: the
    # SDKs set it through the runtime's idempotency-key argument.
    idempotency_param: Param | None = None
    # The contract declares a `304` (a conditional GET): the with-response call may return `NotModified`.
    not_modified: bool = False
    # `x-deprecated-at` / `x-sunset` of a deprecated operation (RFC 3339, as written; "" when absent)
    deprecated_at: str = ""
    sunset: str = ""

    @property
    def deprecation_note(self) -> str:
        return deprecation_note(self.deprecated_at, self.sunset)

    @property
    def deprecated_params(self) -> list[Param]:
        return [p for p in self.params if p.deprecated]

    @property
    def idempotent(self) -> bool:
        return self.method in IDEMPOTENT

    @property
    def takes_idempotency_key(self) -> bool:
        """Whether the methods take the runtime's idempotency-key argument: every non-idempotent operation,
        and any operation that declares the idempotency header."""
        return not self.idempotent or self.idempotency_param is not None

    @property
    def idempotency_key_required(self) -> bool:
        return self.idempotency_param is not None and self.idempotency_param.required

    @property
    def server_is_absolute(self) -> bool:
        return self.server_url is not None and _ABSOLUTE_URL.match(self.server_url) is not None

    @property
    def path_params(self) -> list[Param]:
        return [p for p in self.params if p.location == "path"]

    def params_in(self, location: str) -> list[Param]:
        return [p for p in self.params if p.location == location]

    @property
    def keyword_params(self) -> list[Param]:
        return [p for p in self.params if p.location != "path"]


@dataclass
class Group:
    tag: str
    py_attr: str
    py_class: str
    ts_attr: str
    ts_class: str
    description: str
    operations: list[Operation] = field(default_factory=list)


@dataclass
class SecurityScheme:
    name: str
    kind: str  # bearer | basic | apiKey | unsupported
    location: str = ""  # header | query | cookie (apiKey)
    param_name: str = ""  # header / query / cookie name (apiKey)
    py_kwarg: str = ""
    ts_key: str = ""
    description: str = ""


@dataclass
class TokenRefresh:
    """The contract's token-refresh operation, which the SDKs call after a 401 when given a refresh token."""

    group: Group
    operation: Operation
    body_field: str  # the request body's refresh-token member
    access_field: str  # the response's access-token member
    refresh_field: str | None  # the response's rotated refresh token, when it has one


@dataclass
class Api:
    title: str
    version: str
    description: str
    server_url: str
    py_client_class: str
    ts_client_class: str
    groups: list[Group]
    security_schemes: list[SecurityScheme]
    has_models: bool
    notes: list[Finding] = field(default_factory=list)
    token_refresh: TokenRefresh | None = None
    # `info.license`: its SPDX `identifier`, else its `name` ("" when the document has none).
    license: str = ""

    @property
    def operations(self) -> list[Operation]:
        return [op for group in self.groups for op in group.operations]

    @property
    def bearer_schemes(self) -> list[str]:
        return [s.name for s in self.security_schemes if s.kind == "bearer"]

    @property
    def basic_schemes(self) -> list[str]:
        return [s.name for s in self.security_schemes if s.kind == "basic"]

    @property
    def api_key_schemes(self) -> list[SecurityScheme]:
        return [s for s in self.security_schemes if s.kind == "apiKey"]


@dataclass(frozen=True)
class ModelInfo:
    class_name: str
    fields: dict[str, str]  # wire name -> python attribute name
    field_types: dict[str, str]  # wire name -> type expression


class TypeMapper:
    """JSON Schema -> Python type expression, naming generated models as `models.<Class>`."""

    def __init__(self, resolver: Resolver, models: dict[str, ModelInfo], model_names: set[str]) -> None:
        self.resolver = resolver
        self.models = models  # schema pointer -> info
        self.model_names = model_names

    def model_for(self, pointer: str) -> ModelInfo | None:
        return self.models.get(pointer)

    def class_for_pointer(self, pointer: str) -> str | None:
        info = self.models.get(pointer)
        if info is not None:
            return info.class_name
        # A $ref into a generated model's property: the property's type, when it is a model of its own.
        tokens = pointer_tokens(pointer)
        if len(tokens) == 5 and tokens[:2] == ["components", "schemas"] and tokens[3] == "properties":
            owner = self.models.get(pointer_join("", *tokens[:3]))
            if owner is not None:
                expr = owner.field_types.get(tokens[4], "")
                expr = expr.removesuffix(" | None").strip()
                if expr in self.model_names:
                    return expr
        return None

    def py_type(self, schema: Any, pointer: str = "", depth: int = 0) -> str:
        if depth > 12 or not isinstance(schema, dict):
            return "Any"
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = self.resolver.ref_target(ref)
            if target is None:
                return "Any"
            target_ptr, target_schema = target
            class_name = self.class_for_pointer(target_ptr)
            if class_name is not None:
                result = f"models.{class_name}"
                return f"{result} | None" if schema.get("nullable") is True else result
            return self.py_type(target_schema, target_ptr, depth + 1)
        nullable = schema.get("nullable") is True
        if "const" in schema:
            literal = _literal([schema["const"]])
            return _union([literal or "Any"], nullable)
        for key in ("anyOf", "oneOf"):
            members = schema.get(key)
            if isinstance(members, list) and members:
                types = []
                for index, member in enumerate(members):
                    if isinstance(member, dict) and (
                        member.get("type") == "null" or member.get("enum") == [None]
                    ):
                        nullable = True
                        continue
                    types.append(self.py_type(member, pointer_join(pointer, key, index), depth + 1))
                if "Any" in types:
                    return "Any"
                return _union(types, nullable) if types else "None"
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            structural = [m for m in all_of if isinstance(m, dict) and _is_structural(m)]
            if len(structural) == 1:
                return _union(
                    [self.py_type(structural[0], pointer_join(pointer, "allOf"), depth + 1)], nullable
                )
            return _union(["dict[str, Any]"], nullable) if _looks_object(schema, all_of) else "Any"
        raw_type = schema.get("type")
        type_list: list[str] = (
            [t for t in raw_type if isinstance(t, str)]
            if isinstance(raw_type, list)
            else [raw_type]
            if isinstance(raw_type, str)
            else []
        )
        if "null" in type_list:
            nullable = True
            type_list = [t for t in type_list if t != "null"]
        enum = schema.get("enum")
        if isinstance(enum, list) and enum:
            values = [v for v in enum if v is not None]
            if None in enum:
                nullable = True
            literal = _literal(values) if len(values) <= _MAX_LITERAL else None
            if literal:
                return _union([literal], nullable)
        if not type_list:
            if "properties" in schema or "additionalProperties" in schema:
                type_list = ["object"]
            elif "items" in schema:
                type_list = ["array"]
            else:
                return "Any"
        singles = [self._single(t, schema, pointer, depth) for t in type_list]
        if "Any" in singles:
            return "Any"
        return _union(singles, nullable)

    def _single(self, type_: str, schema: dict[str, Any], pointer: str, depth: int) -> str:
        fmt = schema.get("format")
        if type_ == "string":
            if fmt == "date":
                return "datetime.date"
            if fmt == "date-time":
                return "datetime.datetime"
            if fmt == "binary":
                return "bytes"
            return "str"
        if type_ == "integer":
            return "int"
        if type_ == "number":
            return "float"
        if type_ == "boolean":
            return "bool"
        if type_ == "array":
            items = schema.get("items")
            item = (
                self.py_type(items, pointer_join(pointer, "items"), depth + 1)
                if isinstance(items, dict)
                else "Any"
            )
            return f"list[{item}]"
        if type_ == "object":
            extra = schema.get("additionalProperties")
            if not schema.get("properties") and isinstance(extra, dict) and extra:
                value = self.py_type(extra, pointer_join(pointer, "additionalProperties"), depth + 1)
                return f"dict[str, {value}]"
            return "dict[str, Any]"
        return "Any"


def _is_structural(schema: dict[str, Any]) -> bool:
    annotation_only = {
        "description",
        "title",
        "default",
        "example",
        "examples",
        "deprecated",
        "readOnly",
        "writeOnly",
        "nullable",
        "externalDocs",
        "$comment",
    }
    return bool(set(schema) - annotation_only)


def _looks_object(schema: dict[str, Any], members: list[Any]) -> bool:
    return schema.get("type") == "object" or any(
        isinstance(m, dict) and ("properties" in m or m.get("type") == "object" or "$ref" in m)
        for m in members
    )


def _literal(values: list[Any]) -> str | None:
    if not values:
        return None
    parts = []
    for value in values:
        if isinstance(value, bool):
            parts.append("True" if value else "False")
        elif isinstance(value, int):
            parts.append(repr(value))
        elif isinstance(value, str):
            parts.append(json.dumps(value, ensure_ascii=False))
        else:
            return None
    return "Literal[" + ", ".join(dict.fromkeys(parts)) + "]"


def _union(types: list[str], nullable: bool) -> str:
    unique = list(dict.fromkeys(t for t in types if t))
    if nullable and "None" not in unique:
        unique.append("None")
    return " | ".join(unique) if unique else "Any"


def media_kind(media: str) -> str:
    base = media.split(";")[0].strip().lower()
    if _JSON_MEDIA.match(base) or base.endswith("+json") or base.endswith("/json"):
        return "json"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base.startswith("multipart/"):
        return "multipart"
    if base.startswith("text/"):
        return "text"
    return "binary"


def date_text(value: Any) -> str:
    """An `x-sunset` / `x-deprecated-at` as written (a YAML loader turns an unquoted date into a `date`)."""
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def deprecation_note(deprecated_at: str, sunset: str) -> str:
    """ "deprecated since 2026-12-03, sunset 2027-06-30": what the SDKs' warnings and docs say."""
    since = f" since {deprecated_at}" if deprecated_at else ""
    until = f", sunset {sunset}" if sunset else " (no sunset announced)"
    return f"deprecated{since}{until}"


def doc_text(*parts: Any) -> str:
    """Join summary / description text into one clean block (dedented, trailing spaces dropped)."""
    chunks = [textwrap.dedent(p).strip() for p in parts if isinstance(p, str) and p.strip()]
    unique = list(dict.fromkeys(chunks))
    text = "\n\n".join(unique)
    return "\n".join(line.rstrip() for line in text.splitlines())


@dataclass
class _Names:
    """The identifiers handed out so far, so that every group and method gets a unique one in both SDKs."""

    tag_docs: dict[str, str]
    groups: dict[str, Group] = field(default_factory=dict)
    operation_ids: set[str] = field(default_factory=set)
    py_attrs: set[str] = field(default_factory=lambda: set(PY_CLIENT_RESERVED))
    ts_attrs: set[str] = field(default_factory=lambda: set(TS_CLIENT_RESERVED))
    py_classes: set[str] = field(default_factory=set)
    ts_classes: set[str] = field(default_factory=set)
    py_methods: dict[str, set[str]] = field(default_factory=dict)
    ts_methods: dict[str, set[str]] = field(default_factory=dict)

    def group(self, tag: str) -> Group:
        group = self.groups.get(tag)
        if group is None:
            py_attr = dedupe(py_identifier(snake(tag, "default"), PY_CLIENT_RESERVED), self.py_attrs)
            ts_attr = dedupe_camel(ts_identifier(camel(tag, "default")), self.ts_attrs)
            py_class = dedupe_camel(pascal(tag, "Default") + "Api", self.py_classes)
            ts_class = dedupe_camel(pascal(tag, "Default") + "Api", self.ts_classes)
            group = Group(tag, py_attr, py_class, ts_attr, ts_class, self.tag_docs.get(tag, ""))
            self.groups[tag] = group
            self.py_methods[tag] = set()
            self.ts_methods[tag] = set(TS_GROUP_RESERVED)
        return group

    def operation_id(self, raw_op: dict[str, Any], method: str, path: str, op_ptr: str, note: Any) -> str:
        op_id = raw_op.get("operationId")
        if not isinstance(op_id, str) or not op_id.strip():
            op_id = snake(f"{method} {re.sub(r'[{}]', ' ', path)}")
            note(
                op_ptr,
                "generate-operation-id",
                f"{method.upper()} {path} has no operationId; named {op_id!r}",
            )
        if op_id in self.operation_ids:
            new_id = dedupe(op_id, set(self.operation_ids))
            note(op_ptr, "generate-operation-id", f"duplicate operationId {op_id!r}; generated as {new_id!r}")
            op_id = new_id
        self.operation_ids.add(op_id)
        return op_id

    def methods(self, op_id: str, tag: str, all_tags: set[str]) -> tuple[str, str]:
        base = strip_tag_prefix(snake(op_id, "call"), tag, all_tags)
        py_name = dedupe(py_identifier(base, PY_METHOD_RESERVED), self.py_methods[tag])
        # A method may be called `delete` in TypeScript (reserved words are legal member names).
        ts_name = dedupe_camel(camel(base, "call"), self.ts_methods[tag])
        return py_name, ts_name

    def iterators(self, op: Operation) -> None:
        op.py_iter_name = dedupe(op.py_name.rstrip("_") + "_iter", self.py_methods[op.group])
        op.ts_iter_name = dedupe_camel(op.ts_name.rstrip("_") + "Iter", self.ts_methods[op.group])


@dataclass(frozen=True)
class _Document:
    """What every operation reads from the document around it."""

    resolver: Resolver
    types: TypeMapper
    server_url: str
    scheme_names: set[str]
    root_security: Any
    all_tags: set[str]


def _path_items(document: _Document, paths: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str, Any]]:
    """(path, path item with its $ref followed, its pointer, the `servers` URL its operations inherit)."""
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        item_ptr = pointer_join("/paths", path)
        item_servers = item.get("servers")
        if "$ref" in item:
            _, resolved_item = document.resolver.deref(item, item_ptr)
            if isinstance(resolved_item, dict):
                item = resolved_item
        # A path item's own `servers` apply to its operations (a $ref'd item's, unless it has its own).
        item_server = first_server_url(item_servers)
        if item_server is None:
            item_server = first_server_url(item.get("servers"))
        yield path, item, item_ptr, item_server


def _operation(
    document: _Document,
    names: _Names,
    location: tuple[str, str, dict[str, Any], str, Any],
    raw_op: dict[str, Any],
    note: Any,
) -> Operation:
    path, method, item, item_ptr, item_server = location
    op_ptr = pointer_join(item_ptr, method)
    op_id = names.operation_id(raw_op, method, path, op_ptr, note)
    tags = [t for t in raw_op.get("tags") or [] if isinstance(t, str) and t]
    tag = tags[0] if tags else "default"
    names.group(tag)
    py_name, ts_name = names.methods(op_id, tag, document.all_tags)
    resolver, types = document.resolver, document.types
    params = _parameters(resolver, types, path, item, raw_op, item_ptr, op_ptr, note)
    idempotency_param = next((p for p in params if is_idempotency_header(p)), None)
    if idempotency_param is not None:
        params.remove(idempotency_param)
    response_kind, returns = _success(resolver, types, raw_op)
    security_value = raw_op.get("security") if "security" in raw_op else None
    op = Operation(
        operation_id=op_id,
        method=method,
        path=path,
        group=tag,
        py_name=py_name,
        ts_name=ts_name,
        summary=doc_text(raw_op.get("summary")),
        description=doc_text(raw_op.get("description")),
        deprecated=raw_op.get("deprecated") is True,
        deprecated_at=date_text(raw_op.get("x-deprecated-at")),
        sunset=date_text(raw_op.get("x-sunset")),
        params=params,
        body=_body(resolver, types, raw_op, op_ptr),
        response_kind=response_kind,
        returns_py_type=returns,
        security=(
            _security_names(security_value, document.scheme_names)
            if security_value is not None
            else document.root_security
        ),
        idempotency_param=idempotency_param,
        not_modified=_declares(raw_op, "304"),
    )
    # The most specific `servers` wins: operation, then path item, then the document.
    own_server = first_server_url(raw_op.get("servers"))
    if own_server is None:
        own_server = item_server
    if own_server is not None and not same_server(own_server, document.server_url):
        op.server_url = own_server
    if method == "get" and response_kind == "json":
        op.pagination = _pagination(resolver, types, raw_op, params)
        if op.pagination is not None:
            names.iterators(op)
    return op


def build_api(
    data: dict[str, Any],
    models: dict[str, ModelInfo],
    notes: list[Finding],
    note: Any,
    class_names: set[str] | None = None,
) -> Api:
    """`note(pointer, rule, message)` records a Finding for what had to be worked around."""
    resolver = Resolver(data)
    model_names = {info.class_name for info in models.values()} | (class_names or set())
    raw_info = data.get("info")
    info: dict[str, Any] = raw_info if isinstance(raw_info, dict) else {}
    title = str(info.get("title") or "API")
    base_name = pascal(re.sub(r"(?i)\bapi\b", "", title)) or "Api"
    if base_name == "Value":
        base_name = "Api"
    schemes = _security_schemes(data)
    scheme_names = {s.name for s in schemes}
    raw_paths = data.get("paths")
    paths: dict[str, Any] = raw_paths if isinstance(raw_paths, dict) else {}
    document = _Document(
        resolver=resolver,
        types=TypeMapper(resolver, models, model_names),
        server_url=first_server_url(data.get("servers")) or "",
        scheme_names=scheme_names,
        root_security=_security_names(data.get("security"), scheme_names),
        all_tags=_operation_tags(paths),
    )
    names = _Names(
        tag_docs={
            tag["name"]: doc_text(tag.get("description"))
            for tag in data.get("tags") or []
            if isinstance(tag, dict) and isinstance(tag.get("name"), str)
        }
    )
    token_refresh: TokenRefresh | None = None
    for path, item, item_ptr, item_server in _path_items(document, paths):
        for method in HTTP_METHODS:
            raw_op = item.get(method)
            if not isinstance(raw_op, dict):
                continue
            op = _operation(document, names, (path, method, item, item_ptr, item_server), raw_op, note)
            group = names.groups[op.group]
            group.operations.append(op)
            if token_refresh is None and not op.security:
                fields = _token_refresh_fields(resolver, method, op.operation_id, raw_op)
                if fields is not None:
                    token_refresh = TokenRefresh(group, op, *fields)

    for group in names.groups.values():
        shadowed = {n for op in group.operations for n in (op.py_name, op.py_iter_name)} & PY_BUILTIN_TYPES
        if shadowed:
            for op in group.operations:
                _qualify_operation(op, shadowed)

    return Api(
        title=title,
        version=str(info.get("version") or ""),
        description=doc_text(info.get("summary"), info.get("description")),
        server_url=document.server_url,
        py_client_class=base_name + "Client",
        ts_client_class=base_name + "Client",
        groups=list(names.groups.values()),
        security_schemes=schemes,
        has_models=bool(models),
        notes=notes,
        token_refresh=token_refresh if token_refresh is not None and api_bearer(schemes) else None,
        license=_license(info.get("license")),
    )


def _operation_tags(paths: dict[str, Any]) -> set[str]:
    """The first tag of every operation (the groups the SDKs have)."""
    tags: set[str] = set()
    for item in paths.values():
        for method in HTTP_METHODS:
            op = item.get(method) if isinstance(item, dict) else None
            names = op.get("tags") if isinstance(op, dict) else None
            if isinstance(names, list) and names and isinstance(names[0], str) and names[0]:
                tags.add(names[0])
    return tags


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _forms(name: str) -> set[tuple[str, ...]]:
    """A tag's words, plural and singular: `webhooks` -> (webhooks,), (webhook,)."""
    words = tuple(snake(name).split("_"))
    return {words, (*words[:-1], _singular(words[-1]))}


def strip_tag_prefix(method: str, tag: str, all_tags: set[str]) -> str:
    """A method name without what its group already says: the operationId's leading words up to the tag's
    name (plural or singular) are dropped when the tag opens the id, or follows one word naming another tag
    (a parent resource): `project_members_list` in `members` -> `list`, `webhook_deliveries_list` in
    `webhooks` -> `deliveries_list`. Verb-first ids (`get_task_by_id`) and ids that would be left empty or
    start with a digit are kept as they are."""
    words = method.split("_")
    parents = {form for other in all_tags - {tag} for form in _forms(other) if len(form) == 1}
    for start in (0, 1):
        if start == 1 and (words[0],) not in parents:
            break
        for form in sorted(_forms(tag), key=len, reverse=True):
            end = start + len(form)
            if tuple(words[start:end]) == form and end < len(words) and not words[end][:1].isdigit():
                return "_".join(words[end:])
    return method


def _license(value: Any) -> str:
    if not isinstance(value, dict):
        return ""
    for key in ("identifier", "name"):
        if isinstance(value.get(key), str) and value[key].strip():
            return str(value[key]).strip()
    return ""


def api_bearer(schemes: list[SecurityScheme]) -> bool:
    return any(s.kind == "bearer" for s in schemes)


_ACCESS_FIELDS = ("access", "access_token", "accessToken")


def _token_refresh_fields(
    resolver: Resolver, method: str, op_id: str, op: dict[str, Any]
) -> tuple[str, str, str | None] | None:
    """(body member, access member, rotated refresh member) when `op` is a public POST whose operationId says
    "refresh", whose JSON body requires one string member named like a refresh token and whose success
    response has a string access-token member; else None."""
    if method != "post" or "refresh" not in op_id.lower():
        return None
    body = _json_schema(resolver, resolver.deref(op.get("requestBody"))[1])
    required = body.get("required") if body else None
    props = body.get("properties") if body else None
    if not isinstance(required, list) or not isinstance(props, dict):
        return None
    refresh_members = [n for n in required if isinstance(n, str) and "refresh" in n.lower()]
    if len(required) != 1 or len(refresh_members) != 1:
        return None
    if _schema_type(resolver, props.get(refresh_members[0])) != "string":
        return None
    responses = op.get("responses")
    success = next((c for c in sorted(map(str, responses or {})) if c in ("200", "201")), None)
    if not isinstance(responses, dict) or success is None:
        return None
    answer = _json_schema(resolver, resolver.deref(responses.get(success, responses.get(int(success))))[1])
    answer_props = answer.get("properties") if answer else None
    if not isinstance(answer_props, dict):
        return None
    access = next(
        (f for f in _ACCESS_FIELDS if _schema_type(resolver, answer_props.get(f)) == "string"), None
    )
    if access is None:
        return None
    rotated = next(
        (
            n
            for n in answer_props
            if "refresh" in n.lower() and _schema_type(resolver, answer_props[n]) == "string"
        ),
        None,
    )
    return refresh_members[0], access, rotated


def _json_schema(resolver: Resolver, holder: Any) -> dict[str, Any] | None:
    """The resolved JSON schema of a request body or response object."""
    content = holder.get("content") if isinstance(holder, dict) else None
    if not isinstance(content, dict):
        return None
    media = next((m for m in content if media_kind(m) == "json"), None)
    if media is None or not isinstance(content[media], dict):
        return None
    _, schema = resolver.deref(content[media].get("schema"))
    return schema if isinstance(schema, dict) else None


def _declares(op: dict[str, Any], status: str) -> bool:
    responses = op.get("responses")
    return isinstance(responses, dict) and any(str(code) == status for code in responses)


def is_idempotency_header(param: Param) -> bool:
    """A header parameter named like the runtimes' idempotency header (case-insensitive)."""
    return param.location == "header" and param.name.lower() == IDEMPOTENCY_HEADER.lower()


def first_server_url(servers: Any) -> str | None:
    """The URL of the first Server Object of a `servers` list, variables' defaults substituted.

    None when the list is missing, empty or malformed (the next level's servers apply then).
    """
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
        return None
    url = servers[0].get("url")
    if not isinstance(url, str):
        return None
    variables = servers[0].get("variables")
    for var, spec in (variables if isinstance(variables, dict) else {}).items():
        if isinstance(spec, dict) and "default" in spec:
            url = url.replace("{" + str(var) + "}", str(spec["default"]))
    return url


def same_server(url: str, document_url: str) -> bool:
    """Whether two server URLs name the same base (a missing document server means `/`)."""
    return url.strip().rstrip("/") == document_url.strip().rstrip("/")


def qualify_builtins(type_expr: str, shadowed: set[str]) -> str:
    """`list[int] | str` -> `builtins.list[int] | builtins.str` for shadowed names, outside strings."""
    pattern = re.compile(r"(?<![\w.])(" + "|".join(sorted(shadowed)) + r")\b")
    parts: list[str] = []
    last = 0
    for match in _PY_STRING.finditer(type_expr):
        parts.append(pattern.sub(r"builtins.\1", type_expr[last : match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(pattern.sub(r"builtins.\1", type_expr[last:]))
    return "".join(parts)


def _qualify_operation(op: Operation, shadowed: set[str]) -> None:
    op.returns_py_type = qualify_builtins(op.returns_py_type, shadowed)
    for param in op.params:
        param.py_type = qualify_builtins(param.py_type, shadowed)
    if op.body is not None:
        op.body.py_type = qualify_builtins(op.body.py_type, shadowed)
    if op.pagination is not None:
        op.pagination.item_py_type = qualify_builtins(op.pagination.item_py_type, shadowed)
        op.pagination.page_py_type = qualify_builtins(op.pagination.page_py_type, shadowed)


def _security_schemes(data: dict[str, Any]) -> list[SecurityScheme]:
    raw = (
        (data.get("components") or {}).get("securitySchemes")
        if isinstance(data.get("components"), dict)
        else None
    )
    if not isinstance(raw, dict):
        return []
    resolver = Resolver(data)
    result: list[SecurityScheme] = []
    for name, value in raw.items():
        _, scheme = resolver.deref(value)
        if not isinstance(scheme, dict):
            continue
        kind = str(scheme.get("type", ""))
        http_scheme = str(scheme.get("scheme", "")).lower()
        if kind == "http" and http_scheme == "basic":
            result.append(SecurityScheme(name, "basic", description=doc_text(scheme.get("description"))))
        elif kind in ("http", "oauth2", "openIdConnect"):
            result.append(SecurityScheme(name, "bearer", description=doc_text(scheme.get("description"))))
        elif kind == "apiKey" and scheme.get("in") in ("header", "query", "cookie"):
            result.append(
                SecurityScheme(
                    name,
                    "apiKey",
                    location=str(scheme["in"]),
                    param_name=str(scheme.get("name") or name),
                    description=doc_text(scheme.get("description")),
                )
            )
    api_keys = [s for s in result if s.kind == "apiKey"]
    taken: set[str] = {
        "token",
        "username",
        "password",
        "base_url",
        "timeout",
        "retry",
        "headers",
        "http_client",
    }
    ts_taken: set[str] = {"token", "baseUrl", "retry", "headers", "fetch", "timeoutMs", "basic"}
    for scheme in api_keys:
        py = (
            "api_key"
            if len(api_keys) == 1
            else snake(scheme.name) + ("" if "key" in scheme.name.lower() else "_key")
        )
        scheme.py_kwarg = dedupe(py_identifier(py), taken)
        ts = (
            "apiKey"
            if len(api_keys) == 1
            else camel(scheme.name) + ("" if "key" in scheme.name.lower() else "Key")
        )
        scheme.ts_key = dedupe_camel(ts, ts_taken)
    return result


def _security_names(value: Any, known: set[str]) -> list[str]:
    if not isinstance(value, list):
        return sorted(known)
    names: list[str] = []
    for requirement in value:
        if isinstance(requirement, dict):
            names.extend(str(n) for n in requirement if str(n) in known)
    return sorted(dict.fromkeys(names))


def _parameters(
    resolver: Resolver,
    types: TypeMapper,
    path: str,
    item: dict[str, Any],
    op: dict[str, Any],
    item_ptr: str,
    op_ptr: str,
    note: Any,
) -> list[Param]:
    merged: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    for holder, ptr in ((item, item_ptr), (op, op_ptr)):
        raw = holder.get("parameters")
        if not isinstance(raw, list):
            continue
        for index, value in enumerate(raw):
            param_ptr, param = resolver.deref(value, pointer_join(ptr, "parameters", index))
            if not isinstance(param, dict) or not isinstance(param.get("name"), str):
                continue
            location = param.get("in")
            if location not in ("path", "query", "header", "cookie"):
                continue
            if location == "header" and param["name"].lower() in ("accept", "content-type", "authorization"):
                continue  # the transport owns these
            merged[(param["name"], location)] = (param_ptr, param)
    path_vars = re.findall(r"\{([^{}]+)\}", path)
    taken: set[str] = set(PY_METHOD_PARAMS_RESERVED)
    params: list[Param] = []
    ordered = sorted(
        merged.items(),
        key=lambda kv: (
            {"path": 0, "query": 1, "header": 2, "cookie": 3}[kv[0][1]],
            path_vars.index(kv[0][0]) if kv[0][1] == "path" and kv[0][0] in path_vars else 0,
        ),
    )
    for (name, location), (param_ptr, param) in ordered:
        if location == "path" and name not in path_vars:
            note(param_ptr, "generate-path-params", f"path parameter {name!r} is not in the path; ignored")
            continue
        schema = param.get("schema")
        if not isinstance(schema, dict):
            content = param.get("content")
            if isinstance(content, dict) and content:
                first = next(iter(content.values()))
                schema = first.get("schema") if isinstance(first, dict) else None
        py_type = (
            types.py_type(schema, pointer_join(param_ptr, "schema")) if isinstance(schema, dict) else "Any"
        )
        py_name = dedupe(py_identifier(snake(name, "param"), PY_METHOD_PARAMS_RESERVED), taken)
        params.append(
            Param(
                name=name,
                py_name=py_name,
                location=location,
                required=location == "path" or param.get("required") is True,
                py_type=py_type,
                description=doc_text(param.get("description")),
                deprecated=param.get("deprecated") is True,
                deprecated_at=date_text(param.get("x-deprecated-at")),
                sunset=date_text(param.get("x-sunset")),
            )
        )
    for var in path_vars:
        if not any(p.location == "path" and p.name == var for p in params):
            py_name = dedupe(py_identifier(snake(var, "param"), PY_METHOD_PARAMS_RESERVED), taken)
            note(op_ptr, "generate-path-params", f"path variable {{{var}}} is not declared; typed as str")
            params.insert(
                len([p for p in params if p.location == "path"]),
                Param(var, py_name, "path", True, "str", ""),
            )
    return params


def _body(resolver: Resolver, types: TypeMapper, op: dict[str, Any], op_ptr: str) -> Body | None:
    body_ptr, body = resolver.deref(op.get("requestBody"), pointer_join(op_ptr, "requestBody"))
    if not isinstance(body, dict):
        return None
    content = body.get("content")
    if not isinstance(content, dict) or not content:
        return None
    ranked = sorted(
        content, key=lambda m: ("json", "form", "multipart", "text", "binary").index(media_kind(m))
    )
    media = ranked[0]
    kind = media_kind(media)
    media_obj = content.get(media) if isinstance(content.get(media), dict) else {}
    schema = media_obj.get("schema") if isinstance(media_obj, dict) else None
    if kind == "json":
        py_type = types.py_type(schema, pointer_join(body_ptr, "content", media, "schema"))
        if py_type.startswith("models.") and " " not in py_type:
            py_type = f"{py_type} | Mapping[str, Any]"
        elif py_type.startswith("dict["):
            py_type = "Mapping[str, Any]"
    elif kind in ("form", "multipart"):
        py_type = "Mapping[str, Any]"
    elif kind == "text":
        py_type = "str"
    else:
        py_type = "bytes"
    return Body(kind, media, body.get("required") is True, py_type, doc_text(body.get("description")))


def _success(resolver: Resolver, types: TypeMapper, op: dict[str, Any]) -> tuple[str, str]:
    responses = op.get("responses")
    if not isinstance(responses, dict):
        return "none", "None"
    codes = sorted(str(c) for c in responses if re.match(r"^2(\d\d|XX)$", str(c), re.IGNORECASE))
    if not codes and "default" in responses:
        codes = []
    chosen: tuple[str, str] | None = None
    empty_alternative = False
    for code in codes:
        ptr, response = resolver.deref(responses[code])
        content = response.get("content") if isinstance(response, dict) else None
        if not isinstance(content, dict) or not content:
            empty_alternative = True
            continue
        if chosen is not None:
            continue
        ranked = sorted(
            content, key=lambda m: ("json", "text", "binary", "form", "multipart").index(media_kind(m))
        )
        media = ranked[0]
        kind = media_kind(media)
        if kind == "json":
            media_obj = content[media] if isinstance(content[media], dict) else {}
            schema = media_obj.get("schema")
            py_type = (
                types.py_type(schema, pointer_join(ptr, "content", media, "schema")) if schema else "Any"
            )
            chosen = ("json", py_type)
        elif kind == "text":
            chosen = ("text", "str")
        else:
            chosen = ("binary", "bytes")
    if chosen is None:
        return "none", "None"
    kind, py_type = chosen
    if empty_alternative and py_type != "Any" and not py_type.endswith("| None"):
        py_type = f"{py_type} | None"
    return kind, py_type


_ITEM_FIELDS = ("items", "data", "results", "values", "entries", "records", "content")
_NEXT_URL_FIELDS = ("next", "next_url", "nextUrl", "next_page_url", "nextPageUrl", "next_link", "nextLink")


def _pagination(
    resolver: Resolver, types: TypeMapper, op: dict[str, Any], params: list[Param]
) -> Pagination | None:
    """Cursor pagination: the page object lists items in an array and links the next page by URL."""
    responses = op.get("responses") or {}
    codes = sorted(str(c) for c in responses if str(c) in ("200", "2XX", "2xx"))
    if not codes:
        return None
    _, response = resolver.deref(responses[codes[0]])
    content = response.get("content") if isinstance(response, dict) else None
    if not isinstance(content, dict):
        return None
    media = next((m for m in content if media_kind(m) == "json"), None)
    if media is None or not isinstance(content[media], dict):
        return None
    raw_schema = content[media].get("schema")
    schema_ptr, schema = resolver.deref(raw_schema)
    if isinstance(schema, dict) and isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1:
        schema_ptr, schema = resolver.deref(schema["allOf"][0])
    if not isinstance(schema, dict):
        return None
    props = schema.get("properties")
    if not isinstance(props, dict):
        return None
    arrays = [name for name, value in props.items() if _schema_type(resolver, value) == "array"]
    items_field = next((f for f in _ITEM_FIELDS if f in arrays), arrays[0] if len(arrays) == 1 else None)
    next_field = next(
        (f for f in _NEXT_URL_FIELDS if f in props and _schema_type(resolver, props[f]) == "string"), None
    )
    if items_field is None or next_field is None:
        return None
    model = types.model_for(schema_ptr)
    page_type = types.py_type(raw_schema)

    def attr(wire: str) -> tuple[str, str]:
        return (model.fields.get(wire, wire) if model else wire, wire)

    _, items_schema = resolver.deref(props[items_field])
    item_type = "Any"
    if isinstance(items_schema, dict) and isinstance(items_schema.get("items"), dict):
        item_type = types.py_type(items_schema["items"])
    cursor = next(
        (p.name for p in params if p.location == "query" and p.name in ("cursor", "page_token", "pageToken")),
        None,
    )
    return Pagination(attr(items_field), attr(next_field), item_type, cursor, page_type)


def _schema_type(resolver: Resolver, schema: Any) -> str | None:
    _, resolved = resolver.deref(schema)
    if not isinstance(resolved, dict):
        return None
    type_ = resolved.get("type")
    if isinstance(type_, list):
        non_null = [t for t in type_ if t != "null"]
        return non_null[0] if len(non_null) == 1 else None
    if isinstance(type_, str):
        return type_
    for key in ("anyOf", "oneOf"):
        members = resolved.get(key)
        if isinstance(members, list):
            kinds = {_schema_type(resolver, m) for m in members} - {"null", None}
            if len(kinds) == 1:
                return kinds.pop()
    if "items" in resolved:
        return "array"
    return None


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


__all__ = ["Api", "Finding", "ModelInfo", "Operation", "Severity", "build_api", "media_kind"]
