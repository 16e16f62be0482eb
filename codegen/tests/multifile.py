"""Split a single-file contract into the multi-file layout designers use (the multi-file tests' fixture).

`split_contract(openapi/openapi.yaml, out)` writes, generated at test time so it never drifts from the
contract:

    out/openapi.yaml                       info, servers, tags, security, components.securitySchemes and
                                           components.headers; every path, webhook and other component is a
                                           `$ref` into a file below
    out/paths/<path>.yaml                  one path item per file   ($ref: './paths/projects_project_id.yaml')
    out/webhooks/<name>.yaml               one webhook per file
    out/components/schemas/<Name>.yaml     one schema per file      ($ref: '../components/schemas/Task.yaml';
                                           between schemas './Other.yaml', to itself '#/...')
    out/components/responses.yaml          responses by name        ($ref: '../components/responses.yaml#/X')
    out/components/parameters.yaml         parameters by name       (inside the file: '#/ProjectId')

Refs to the headers go back into the root (`../openapi.yaml#/components/headers/...`), so every kind of
relative ref is used: a whole file, a node inside a file, a local ref of a split file, a ref to the root.
Bundling the split (`codegen.bundle`) must give back the contract's own data, key for key.
"""

from __future__ import annotations

import copy
import os
import posixpath
import re
from pathlib import Path
from typing import Any

from codegen.bundle import dump_yaml
from codegen.document import load_single
from codegen.findings import pointer_join, pointer_tokens

_ONE_FILE_EACH = {"schemas"}
_ONE_FILE_PER_SECTION = {"responses", "parameters"}


def _slug(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", path).strip("_") or "root"


def split_contract(source: Path, out: Path) -> Path:
    """Write the split form of `source` under `out`; returns the root file."""
    data = load_single(source).data
    files: dict[str, Any] = {}  # relative file name -> content
    root = copy.deepcopy(data)

    def home(section: str, name: str) -> tuple[str, str]:
        """(file, pointer in it) where component `section/name` lives in the split."""
        if section in _ONE_FILE_EACH:
            return f"components/{section}/{name}.yaml", ""
        if section in _ONE_FILE_PER_SECTION:
            return f"components/{section}.yaml", pointer_join("", name)
        return "openapi.yaml", pointer_join("/components", section, name)

    def rewrite(node: Any, file: str) -> Any:
        if isinstance(node, list):
            return [rewrite(item, file) for item in node]
        if not isinstance(node, dict):
            return node
        result = {key: rewrite(value, file) for key, value in node.items()}
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            section, name, *rest = pointer_tokens(ref[1:])[1:]
            target, pointer = home(section, name)
            pointer = pointer_join(pointer, *rest)
            if target == file:
                result["$ref"] = "#" + pointer
            else:
                relative = posixpath.relpath(target, posixpath.dirname(file) or ".")
                if not relative.startswith("../"):
                    relative = "./" + relative
                result["$ref"] = relative + ("#" + pointer if pointer else "")
        return result

    used: set[str] = set()
    for key in ("paths", "webhooks"):
        for name, item in (data.get(key) or {}).items():
            slug = _slug(name)
            while slug in used:
                slug += "_"
            used.add(slug)
            file = f"{key}/{slug}.yaml"
            files[file] = rewrite(item, file)
            root[key][name] = {"$ref": f"./{file}"}
    for section, entries in (data.get("components") or {}).items():
        for name, value in entries.items():
            file, pointer = home(section, name)
            if file == "openapi.yaml":
                continue
            rewritten = rewrite(value, file)
            if pointer:
                files.setdefault(file, {})[name] = rewritten
                root["components"][section][name] = {"$ref": f"./{file}#{pointer}"}
            else:
                files[file] = rewritten
                root["components"][section][name] = {"$ref": f"./{file}"}
    # what stays in the root (headers, security schemes, ...) refers to the split files too
    rest = {k: v for k, v in root.items() if k not in ("paths", "webhooks")}
    root_rewritten = rewrite(rest, "openapi.yaml")
    for key, value in root_rewritten.items():
        if key == "components":
            for section, entries in value.items():
                if home(section, "x")[0] == "openapi.yaml":
                    root["components"][section] = entries
        else:
            root[key] = value
    out.mkdir(parents=True, exist_ok=True)
    for file, content in {"openapi.yaml": root, **files}.items():
        target = out / file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dump_yaml(content), encoding="utf-8")
    return out / "openapi.yaml"


def split_files(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml"))


if __name__ == "__main__":  # pragma: no cover - `python -m codegen.tests.multifile OUT` to look at the split
    import sys

    from codegen.paths import DEFAULT_SPEC

    print(split_contract(DEFAULT_SPEC, Path(sys.argv[1] if len(sys.argv) > 1 else os.getcwd())))
