"""Multi-file contracts: bundle a root document and the files its relative `$ref`s name into one document.

A large contract is often split: `openapi.yaml` holds `info`, `servers`, `tags` and refs such as
`$ref: './paths/tasks.yaml'` (a path item), `$ref: '../components/schemas/Task.yaml'` (a whole file) or
`$ref: 'schemas.yaml#/Task'` (a node inside a file). Every tool of this repository (lint, generate, diff,
changelog, mock, docs, the server binding and both validation engines, the drift check, the Schemathesis
harness) works on the *bundled* form this module builds, so they all see one document whose `$ref`s are
local (`#/components/...`), exactly like a hand-written single file:

* a path item referenced under `paths`, `webhooks` or a callback is inlined there (OpenAPI clients and
  code generators expect the path items themselves);
* a component defined in the root as a ref (`components: {schemas: {Task: {$ref: './schemas/Task.yaml'}}}`)
  is inlined under its own name, so the designer chooses the component names;
* any other external target is hoisted into `components/<section>/<Name>` once, and every ref to it
  (from any file) becomes `#/components/<section>/<Name>`. The section follows from where the ref stands
  (a `schema` -> `schemas`, a response -> `responses`, ...); the name is the last token of the target's
  pointer, or the file's stem for a whole file (`Task.yaml` -> `Task`), then `<stem>_<name>`, then a
  numeric suffix when taken: stable and deterministic (the walk follows document order);
* `$ref`s inside a split file that are local to that file (`#/Task`, `#`) are followed the same way, and a
  ref back into the root file (`../openapi.yaml#/components/schemas/Error`) becomes `#/components/...`.

Keeping the refs local is what keeps recursive schemas finite and the component names the generators turn
into class names. The Python libraries at hand do not bundle that way: prance's `ResolvingParser` and
jsonschema-path / `referencing` *resolve* references (prance inlines external targets at every use and
stops recursive ones at a recursion limit; `referencing` looks targets up but writes nothing), and the
tools that do bundle with local refs (Redocly's `bundle`, json-schema-ref-parser's `bundle()`) are Node
programs. Hence this small bundler by hand; it needs PyYAML and the standard library only.

Every node of the bundled document keeps its origin: `SourceMap.locate(pointer)` answers the file and the
pointer inside that file, so a finding about a bundled pointer reports `file:line` of the file that holds
the node (`Document.finding`).

Errors are `CodegenError`s naming `file:line` of the `$ref` at fault: a ref leaving the root document's
directory, a missing file, a target that does not exist or is not a mapping, a remote (`https:`) ref, a
circular chain of refs or a path item inlined inside itself.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import yaml

from codegen.findings import CodegenError, pointer_join, pointer_tokens
from codegen.refs import COMPONENT_SECTIONS, HTTP_METHODS, iter_refs

if TYPE_CHECKING:
    from codegen.document import Document

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

# What a node is, from where it stands: parent state -> key -> child state ("*": any key).
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_ONE = (
    "items",
    "not",
    "additionalProperties",
    "contains",
    "if",
    "then",
    "else",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
    "additionalItems",
)
_PARAMETER_LIKE = {"schema": "schema", "examples": "examples", "content": "content"}
_STATES: dict[str, dict[str, str]] = {
    "root": {"paths": "paths", "webhooks": "paths", "components": "components"},
    "paths": {"*": "pathItem"},
    "pathItem": {**dict.fromkeys(HTTP_METHODS, "operation"), "parameters": "parameterList"},
    "operation": {
        "parameters": "parameterList",
        "requestBody": "requestBody",
        "responses": "responses",
        "callbacks": "callbacks",
    },
    "parameterList": {"*": "parameter"},
    "callbacks": {"*": "callback"},
    "callback": {"*": "pathItem"},
    "responses": {"*": "response"},
    "response": {"headers": "headers", "content": "content", "links": "links"},
    "headers": {"*": "header"},
    "links": {"*": "link"},
    "requestBody": {"content": "content"},
    "content": {"*": "mediaType"},
    "mediaType": {"schema": "schema", "examples": "examples", "encoding": "encodings"},
    "encodings": {"*": "encoding"},
    "encoding": {"headers": "headers"},
    "examples": {"*": "example"},
    "parameter": _PARAMETER_LIKE,
    "header": _PARAMETER_LIKE,
    "schema": {
        **dict.fromkeys(_SCHEMA_MAPS, "schemaMap"),
        **dict.fromkeys(_SCHEMA_LISTS, "schemaList"),
        **dict.fromkeys(_SCHEMA_ONE, "schema"),
    },
    "schemaMap": {"*": "schema"},
    "schemaList": {"*": "schema"},
}
_SECTION_KIND = {
    "schemas": "schema",
    "responses": "response",
    "parameters": "parameter",
    "examples": "example",
    "requestBodies": "requestBody",
    "headers": "header",
    "securitySchemes": "securityScheme",
    "links": "link",
    "callbacks": "callback",
    "pathItems": "pathItem",
}
_KIND_SECTION = {kind: section for section, kind in _SECTION_KIND.items()}


def _next_state(state: str, key: str) -> str | None:
    if state == "components":
        return f"section:{key}" if key in COMPONENT_SECTIONS else None
    if state.startswith("section:"):
        return _SECTION_KIND.get(state.removeprefix("section:"))
    table = _STATES.get(state)
    if table is None:
        return None
    return table.get(key, table.get("*"))


def has_external_refs(data: Any) -> bool:
    """Whether any `$ref` under `data` names another file (a cheap test before bundling)."""
    return any(not ref.startswith("#") for _pointer, ref in iter_refs(data))


@dataclass
class SourceMap:
    """Where each part of a bundled document comes from: bundled pointer -> (file, pointer in that file)."""

    mounts: dict[str, tuple[Document, str]] = field(default_factory=dict)

    def locate(self, pointer: str) -> tuple[Document, str]:
        tokens = pointer_tokens(pointer)
        for depth in range(len(tokens), -1, -1):
            mount = self.mounts.get(pointer_join("", *tokens[:depth]))
            if mount is not None:
                source, base = mount
                return source, pointer_join(base, *tokens[depth:])
        raise KeyError(pointer)  # pragma: no cover - the root is always mounted at ""


@dataclass
class _Work:
    pointer: str  # in the bundled document
    node: Any
    state: str
    source: Document  # the file the node comes from (its refs are relative to it)
    source_pointer: str
    inlined: tuple[tuple[Path, str], ...]  # path items / components inlined above this node (cycle guard)


class _Bundler:
    def __init__(self, root: Document) -> None:
        self.root = root
        self.root_path = root.path.resolve()
        self.root_dir = self.root_path.parent
        self.files: dict[Path, Document] = {self.root_path: root}
        self.paths: dict[int, Path] = {id(root): self.root_path}
        self.placements: dict[tuple[Path, str], str] = {}
        self.sources = SourceMap({"": (root, "")})
        self.data: dict[str, Any] = copy.deepcopy(root.data)
        self.hoisted: list[_Work] = []  # components hoisted from other files, still to walk
        self.hoisted_at: set[str] = set()

    def _path(self, document: Document) -> Path:
        """The absolute, normalised path of a loaded file (resolved once: `Path.resolve` costs syscalls)."""
        path = self.paths.get(id(document))
        if path is None:
            path = self.paths[id(document)] = document.path.resolve()
        return path

    # -- loading ---------------------------------------------------------------------------------------------
    def _where(self, source: Document, pointer: str) -> str:
        return f"{source.name}:{source.line_of(pointer_join(pointer, '$ref'))}"

    def _file(self, path: Path, ref: str, source: Document, pointer: str) -> Document:
        document = self.files.get(path)
        if document is not None:
            return document
        from codegen.document import load_single

        where = self._where(source, pointer)  # only on the way to an error or a new file
        if not path.is_relative_to(self.root_dir):
            raise CodegenError(
                f"{where}: ref-escapes-root: $ref {ref!r} leaves the directory of {self.root.name} "
                "(every file of a multi-file contract lives under the root document's directory)"
            )
        if not path.is_file():
            raise CodegenError(
                f"{where}: ref-missing-file: $ref {ref!r}: no such file {_display(path, self.root_dir)}"
            )
        # named after the root's name (`openapi/paths/tasks.yaml`), wherever the checkout is
        relative = path.relative_to(self.root_dir).as_posix()
        document = load_single(path, name=posixpath.join(posixpath.dirname(self.root.name), relative))
        self.files[path] = document
        self.paths[id(document)] = path
        return document

    def _target(self, ref: str, source: Document, pointer: str) -> tuple[Document, str]:
        """The (file, pointer) a `$ref` found in `source` at `pointer` names."""
        location, _, fragment = ref.partition("#")
        where = functools.partial(self._where, source, pointer)
        if _SCHEME.match(location) or location.startswith("//"):
            raise CodegenError(
                f"{where()}: ref-remote: $ref {ref!r}: only relative file references are supported in a "
                "multi-file contract (download the file and refer to it by its relative path)"
            )
        fragment = unquote(fragment)
        if fragment and not fragment.startswith("/"):
            raise CodegenError(f"{where()}: ref-fragment: $ref {ref!r}: the fragment must be a JSON pointer")
        if location:
            path = Path(os.path.normpath(self._path(source).parent / unquote(location)))
            target = self._file(path, ref, source, pointer)
        else:
            target = source
        try:
            _lookup(target.data, fragment)
        except KeyError:
            raise CodegenError(
                f"{where()}: ref-unresolved: $ref {ref!r}: {target.name} has no node at #{fragment}"
            ) from None
        return target, fragment

    def _concrete(
        self, ref: str, source: Document, pointer: str, allow_bool: bool
    ) -> tuple[Document, str, Any]:
        """Follow a chain of refs that are nothing but a `$ref` to the node that is something."""
        chain: list[str] = []
        seen: set[tuple[Path, str]] = set()
        while True:
            target, fragment = self._target(ref, source, pointer)
            key = (self._path(target), fragment)
            chain.append(f"{target.name}#{fragment}")
            if key in seen:
                raise CodegenError(
                    f"{self._where(source, pointer)}: ref-cycle: circular $ref chain: {' -> '.join(chain)}"
                )
            seen.add(key)
            node = _lookup(target.data, fragment)
            if isinstance(node, dict) and set(node) == {"$ref"} and isinstance(node["$ref"], str):
                if target is self.root and node["$ref"].startswith("#"):
                    return target, fragment, node  # a local ref of the root stays a local ref
                ref, source, pointer = node["$ref"], target, fragment
                continue
            if not isinstance(node, dict) and not (allow_bool and isinstance(node, bool)):
                raise CodegenError(
                    f"{self._where(source, pointer)}: ref-not-mapping: $ref {ref!r} names a "
                    f"{_type_name(node)} in {target.name} (line {target.line_of(fragment)}), not an "
                    "OpenAPI object or a schema"
                )
            return target, fragment, node

    # -- placing ---------------------------------------------------------------------------------------------
    def _placed(self, target: Document, fragment: str) -> str | None:
        path = self._path(target)
        tokens = pointer_tokens(fragment)
        for depth in range(len(tokens), -1, -1):
            placed = self.placements.get((path, pointer_join("", *tokens[:depth])))
            if placed is not None:
                return pointer_join(placed, *tokens[depth:])
        if target is self.root:
            return fragment
        return None

    def _name(self, section: str, target: Document, fragment: str) -> str:
        taken = self.data.setdefault("components", {}).setdefault(section, {})
        stem = _safe_name(Path(target.path).stem)
        base = _safe_name(pointer_tokens(fragment)[-1]) if fragment else stem
        for candidate in (base, f"{stem}_{base}"):
            if candidate not in taken:
                return candidate
        number = 2
        while f"{base}_{number}" in taken:
            number += 1
        return f"{base}_{number}"

    def _prepare_components(self) -> None:
        """Root component entries that are only a ref take the target's place under their own name."""
        components = self.data.get("components")
        if not isinstance(components, dict):
            return
        for section, entries in components.items():
            if section not in COMPONENT_SECTIONS or not isinstance(entries, dict):
                continue
            for name, entry in entries.items():
                if not (isinstance(entry, dict) and isinstance(entry.get("$ref"), str)):
                    continue
                if entry["$ref"].startswith("#"):
                    continue
                pointer = pointer_join("/components", section, name)
                target, fragment, _node = self._concrete(
                    entry["$ref"], self.root, pointer, section == "schemas"
                )
                self.placements.setdefault((self._path(target), fragment), pointer)

    # -- the walk --------------------------------------------------------------------------------------------
    def bundle(self) -> dict[str, Any]:
        self._prepare_components()
        stack = [_Work("", self.data, "root", self.root, "", ())]
        while stack or self.hoisted:
            if not stack:
                stack.append(self.hoisted.pop(0))
            work = stack.pop()
            children: list[_Work] = []
            for key, child in _items(work.node):
                state = _next_state(work.state, str(key))
                if state is None:
                    continue
                pointer = pointer_join(work.pointer, key)
                if pointer in self.hoisted_at:
                    continue  # a component hoisted from another file: walked on its own, from its file
                item = _Work(
                    pointer,
                    child,
                    state,
                    work.source,
                    pointer_join(work.source_pointer, key),
                    work.inlined,
                )
                if isinstance(child, dict) and isinstance(child.get("$ref"), str):
                    item = self._ref(item, definition=work.state.startswith("section:"))
                    work.node[key] = item.node
                children.append(item)
            stack.extend(reversed(children))
        return self.data

    def _ref(self, work: _Work, definition: bool) -> _Work:
        node: dict[str, Any] = work.node
        ref: str = node["$ref"]
        if work.source is self.root and ref.startswith("#"):
            return work  # a local ref of the root document: nothing to do
        if work.state == "pathItem" or definition:
            return self._inline(work)
        target, fragment, _node = self._concrete(
            ref, work.source, work.source_pointer, work.state == "schema"
        )
        placed = self._placed(target, fragment)
        if placed is None:
            section = _KIND_SECTION.get(work.state)
            if section is None:
                return self._inline(work)
            placed = self._hoist(section, target, fragment)
        return _Work(work.pointer, {**node, "$ref": "#" + placed}, *_rest(work))

    def _hoist(self, section: str, target: Document, fragment: str) -> str:
        """Copy an external target into `components/<section>` once; it is walked later, where it lives."""
        name = self._name(section, target, fragment)
        placed = pointer_join("/components", section, name)
        self.placements[(self._path(target), fragment)] = placed
        self.sources.mounts[placed] = (target, fragment)
        self.hoisted_at.add(placed)
        holder = self.data["components"][section]
        work = _Work(
            placed,
            copy.deepcopy(_lookup(target.data, fragment)),
            _SECTION_KIND[section],
            target,
            fragment,
            (),
        )
        holder[name] = work.node
        if isinstance(work.node, dict) and isinstance(work.node.get("$ref"), str):
            work = self._ref(work, definition=False)  # a ref with siblings (3.1 schemas): rewrite its own ref
            holder[name] = work.node
        self.hoisted.append(work)
        return placed

    def _inline(self, work: _Work) -> _Work:
        node: dict[str, Any] = work.node
        ref: str = node["$ref"]
        target, fragment, value = self._concrete(
            ref, work.source, work.source_pointer, work.state == "schema"
        )
        if target is self.root and isinstance(value, dict) and set(value) == {"$ref"}:
            return _Work(work.pointer, {**node, "$ref": value["$ref"]}, *_rest(work))
        key = (self._path(target), fragment)
        if key in work.inlined:
            raise CodegenError(
                f"{self._where(work.source, work.source_pointer)}: ref-cycle: $ref {ref!r} inlines "
                f"{target.name}#{fragment} inside itself"
            )
        if target is self.root:
            # a path item or component of the root itself: a local ref to it is enough
            return _Work(work.pointer, {**node, "$ref": "#" + fragment}, *_rest(work))
        self.placements.setdefault(key, work.pointer)
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        inlined = copy.deepcopy(value)
        if isinstance(inlined, dict):
            inlined.update(siblings)
        self.sources.mounts[work.pointer] = (target, fragment)
        return _Work(work.pointer, inlined, work.state, target, fragment, (*work.inlined, key))

    def file_list(self) -> list[Document]:
        return list(self.files.values())


def _rest(work: _Work) -> tuple[str, Document, str, tuple[tuple[Path, str], ...]]:
    return work.state, work.source, work.source_pointer, work.inlined


def _items(node: Any) -> Iterator[tuple[Any, Any]]:
    if isinstance(node, dict):
        yield from list(node.items())
    elif isinstance(node, list):
        yield from enumerate(node)


def _lookup(data: Any, fragment: str) -> Any:
    node = data
    for token in pointer_tokens(fragment):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(fragment)
    return node


def _safe_name(name: str) -> str:
    return _NAME_UNSAFE.sub("_", name).strip("_") or "Component"


def _type_name(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return "number"


def _display(path: Path, root_dir: Path) -> str:
    try:
        return path.relative_to(root_dir).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass
class Bundle:
    data: dict[str, Any]
    files: list[Document]  # the root first, then every file in the order the walk loaded it
    sources: SourceMap
    sha256: str  # over every file's relative path and bytes: changes when any file changes


def bundle(root: Document) -> Bundle:
    """Bundle `root` (a loaded single file) with the files its `$ref`s name. Raises CodegenError."""
    bundler = _Bundler(root)
    try:
        data = bundler.bundle()
    except RecursionError:  # pragma: no cover - the walk is iterative; deepcopy of absurd nesting
        raise CodegenError(f"{root.name}:1: bundle: the documents are nested too deeply") from None
    files = bundler.file_list()
    digest = hashlib.sha256()
    for document in files:
        digest.update(f"{_display(document.path.resolve(), bundler.root_dir)}\0{document.sha256}\n".encode())
    return Bundle(data=data, files=files, sources=bundler.sources, sha256=digest.hexdigest())


class _Dumper(yaml.SafeDumper):
    """Plain YAML: no anchors or aliases for shared nodes, keys in document order."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # multi-line text as a literal block, as people write descriptions (PyYAML falls back to quotes when a
    # block cannot hold the value, e.g. trailing spaces)
    style = "|" if "\n" in value.rstrip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: dict[str, Any]) -> str:
    """The bundled document as YAML (what `contract bundle` writes and the server publishes)."""
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )


def dump_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
