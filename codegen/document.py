"""Load an OpenAPI document (YAML or JSON) with a JSON-pointer -> line map for findings.

Real documents are messy, so loading is careful about what plain `yaml.safe_load` / `json.loads` get wrong:

* YAML 1.1 turns unquoted dates into `datetime.date` and `200:` into an int key. Timestamps stay strings here
  and every mapping key becomes a string, as JSON (and OpenAPI) mean them.
* JSON (and YAML double-quoted strings) may escape non-BMP characters as surrogate pairs (`\\ud83d\\ude00`);
  pairs are joined into one character and lone surrogates, which no UTF-8 file can hold, become U+FFFD with
  a note.
* Duplicate mapping keys are reported (the last one wins, as in every parser).

A document whose `$ref`s name other files (a multi-file contract: `$ref: './paths/tasks.yaml'`) is bundled
(`codegen/bundle.py`): `data` is the single-file form with local refs only, and `line_of` / `finding` map a
pointer of that form back to the file that holds the node, so findings name `paths/tasks.yaml:12`, not the
root. A document without external refs loads exactly as before.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from codegen.findings import CodegenError, Finding, Severity, pointer_join, pointer_tokens
from codegen.paths import display_path

_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\]:,]|\n')

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe YAML loader that keeps timestamps as strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    path: Path
    name: str  # stable display name used in findings and file headers
    text: str
    sha256: str
    data: dict[str, Any]
    format: str  # "yaml" or "json"
    notes: list[Finding] = field(default_factory=list)
    _lines: dict[str, int] | None = field(default=None, repr=False)
    _line_source: Any = field(default=None, repr=False)
    # A multi-file contract: every file (the root first) and where each bundled node comes from.
    files: list[Document] = field(default_factory=list, repr=False, compare=False)
    _sources: Any = field(default=None, repr=False, compare=False)

    @property
    def multi_file(self) -> bool:
        return self._sources is not None

    def locate(self, pointer: str) -> tuple[str, int]:
        """(file name, 1-based line) of the node at `pointer`: in the file that holds it."""
        if self._sources is None:
            return self.name, self.line_of(pointer)
        source, source_pointer = self._sources.locate(pointer)
        return source.name, source.line_of(source_pointer)

    @property
    def openapi_version(self) -> str:
        """ "3.0", "3.1", or the raw value of `openapi` / `swagger` for anything else."""
        raw = self.data.get("openapi")
        if isinstance(raw, str):
            if raw.startswith("3.0"):
                return "3.0"
            if raw.startswith("3.1"):
                return "3.1"
            return raw
        if "swagger" in self.data:
            return f"swagger {self.data['swagger']}"
        return "unknown"

    def line_of(self, pointer: str) -> int:
        """1-based line of the node at `pointer`, or of its nearest ancestor that has a known line (for a
        multi-file contract: the line in the file that holds the node, `locate` names the file)."""
        if self._sources is not None:
            return self.locate(pointer)[1]
        if self._lines is None:
            self._lines = self._build_lines()
        tokens = pointer_tokens(pointer)
        while tokens:
            line = self._lines.get(pointer_join("", *tokens))
            if line is not None:
                return line
            tokens.pop()
        return 1

    def finding(self, pointer: str, rule: str, message: str, severity: Severity = Severity.ERROR) -> Finding:
        name, line = self.locate(pointer)
        return Finding(name, line, rule, message, severity, pointer)

    def _build_lines(self) -> dict[str, int]:
        if self.format == "yaml":
            lines: dict[str, int] = {}
            if self._line_source is not None:
                _yaml_lines(self._line_source, "", lines)
            return lines
        return _json_lines(self.text)


def load_document(path: Path | str, name: str | None = None) -> Document:
    """The document at `path`; when its `$ref`s name other files, the bundled form of all of them.

    `name` is how findings call the file (default: `display_path`); the other files of a multi-file
    contract are named by their path relative to it (`openapi/paths/tasks.yaml`)."""
    doc = load_single(path, name)
    from codegen.bundle import bundle, has_external_refs

    if not has_external_refs(doc.data):
        return doc
    bundled = bundle(doc)
    if len(bundled.files) == 1:
        return doc  # the external-looking refs were data (inside examples): nothing to bundle
    notes = [note for document in bundled.files for note in document.notes]
    multi = Document(
        path=doc.path,
        name=doc.name,
        text=doc.text,
        sha256=bundled.sha256,
        data=bundled.data,
        format=doc.format,
        notes=notes,
        files=bundled.files,
    )
    multi._sources = bundled.sources
    return multi


def load_single(path: Path | str, name: str | None = None) -> Document:
    """One file, its `$ref`s left as they are (`name`: how findings call it; default: `display_path`)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CodegenError(f"{path}: cannot read the document: {exc.strerror or exc}") from None
    name = name or display_path(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CodegenError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    sha256 = hashlib.sha256(raw).hexdigest()
    notes: list[Finding] = []
    stripped = text.lstrip()
    node = None
    if path.suffix.lower() == ".json" or stripped.startswith("{"):
        fmt = "json"
        duplicates: list[str] = []

        def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
            result: dict[str, Any] = {}
            for key, value in pairs:
                if key in result:
                    duplicates.append(key)
                result[key] = value
            return result

        try:
            data = json.loads(text, object_pairs_hook=pairs_hook)
        except json.JSONDecodeError as exc:
            raise CodegenError(
                f"{name}:{exc.lineno}: parse: invalid JSON: {exc.msg} (column {exc.colno})"
            ) from None
        for key in duplicates[:20]:
            notes.append(Finding(name, 1, "duplicate-key", f"duplicate key {key!r}; the last value wins"))
    else:
        fmt = "yaml"
        try:
            loader = _Loader(text)
            try:
                node = loader.get_single_node()
                data = loader.construct_document(node) if node is not None else None
            finally:
                loader.dispose()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else 1
            raise CodegenError(f"{name}:{line}: parse: invalid YAML: {exc.problem or exc}") from None
        except yaml.YAMLError as exc:
            raise CodegenError(f"{name}:1: parse: invalid YAML: {exc}") from None
        except RecursionError:
            raise CodegenError(
                f"{name}:1: parse: the YAML is nested too deeply (or uses recursive aliases)"
            ) from None
    if not isinstance(data, dict):
        raise CodegenError(f"{name}:1: parse: the document is not a mapping (an OpenAPI object)")
    doc = Document(path=path, name=name, text=text, sha256=sha256, data={}, format=fmt, notes=notes)
    doc._line_source = node
    doc.data = _normalize(data, "", doc)
    if node is not None:
        _yaml_duplicates(node, "", doc)
    return doc


def _normalize(value: Any, pointer: str, doc: Document) -> Any:
    """Stringify keys and repair surrogates, in place where possible."""
    if isinstance(value, dict):
        result: dict[str, Any] = {}
        for key, item in value.items():
            skey = _key_string(key)
            if not skey.isascii() and _SURROGATE.search(skey):
                skey = _fix_surrogates(skey)
            child = pointer_join(pointer, skey)
            result[skey] = _normalize(item, child, doc)
        return result
    if isinstance(value, list):
        return [_normalize(item, pointer_join(pointer, index), doc) for index, item in enumerate(value)]
    if isinstance(value, str):
        if value.isascii() or not _SURROGATE.search(value):
            return value
        fixed = _fix_surrogates(value)
        if "\ufffd" in fixed and "\ufffd" not in value:
            doc.notes.append(
                doc.finding(
                    pointer,
                    "lone-surrogate",
                    "string holds an unpaired UTF-16 surrogate escape; replaced by U+FFFD",
                    Severity.WARNING,
                )
            )
        return fixed
    return value


def _key_string(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    return str(key)


def _fix_surrogates(text: str) -> str:
    """Join surrogate pairs into one character; replace unpaired surrogates by U+FFFD."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _yaml_lines(node: yaml.Node, pointer: str, lines: dict[str, int]) -> None:
    stack: list[tuple[yaml.Node, str]] = [(node, pointer)]
    while stack:
        current, ptr = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                key = _key_string(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
                child = pointer_join(ptr, key)
                lines.setdefault(child, key_node.start_mark.line + 1)
                stack.append((value_node, child))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                child = pointer_join(ptr, index)
                lines.setdefault(child, item.start_mark.line + 1)
                stack.append((item, child))


def _yaml_duplicates(node: yaml.Node, pointer: str, doc: Document) -> None:
    stack: list[tuple[yaml.Node, str]] = [(node, pointer)]
    seen_nodes: set[int] = set()
    while stack:
        current, ptr = stack.pop()
        if id(current) in seen_nodes:
            continue
        seen_nodes.add(id(current))
        if isinstance(current, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value_node in current.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                key = str(key_node.value)
                if key == "<<":
                    continue
                if key in keys:
                    doc.notes.append(
                        Finding(
                            doc.name,
                            key_node.start_mark.line + 1,
                            "duplicate-key",
                            f"duplicate key {key!r}; the last value wins",
                            Severity.ERROR,
                            pointer_join(ptr, key),
                        )
                    )
                keys.add(key)
                stack.append((value_node, pointer_join(ptr, key)))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                stack.append((item, pointer_join(ptr, index)))


def _json_lines(text: str) -> dict[str, int]:
    """Map every object member / array element that starts a structure or string to its line."""
    lines: dict[str, int] = {}
    line = 1
    # Each frame: [pointer, is_object, current_key_or_index, expecting_key]
    stack: list[list[Any]] = []
    pending_pointer: str | None = ""
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
            continue
        if token in "{[":
            ptr = pending_pointer if pending_pointer is not None else ""
            stack.append([ptr, token == "{", 0 if token == "[" else None, token == "{"])
            if token == "[":
                pending_pointer = pointer_join(ptr, 0)
                lines.setdefault(pending_pointer, line)
            else:
                pending_pointer = None
            continue
        if token in "}]":
            if stack:
                stack.pop()
            pending_pointer = None
            continue
        if not stack:
            continue
        frame = stack[-1]
        if token == ",":
            if frame[1]:
                frame[3] = True
            else:
                frame[2] += 1
                pending_pointer = pointer_join(frame[0], frame[2])
                lines.setdefault(pending_pointer, line)
            continue
        if token == ":":
            continue
        # a string token
        if frame[1] and frame[3]:
            try:
                key = json.loads(token)
            except ValueError:
                key = token.strip('"')
            frame[2] = key
            frame[3] = False
            pending_pointer = pointer_join(frame[0], key)
            lines.setdefault(pending_pointer, line)
    return lines


def iter_nodes(value: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """Every (pointer, node) pair of a JSON-like structure, depth first, parents before children."""
    stack: list[tuple[str, Any]] = [(pointer, value)]
    while stack:
        ptr, node = stack.pop()
        yield ptr, node
        if isinstance(node, dict):
            for key in reversed(list(node)):
                stack.append((pointer_join(ptr, key), node[key]))
        elif isinstance(node, list):
            for index in range(len(node) - 1, -1, -1):
                stack.append((pointer_join(ptr, index), node[index]))
