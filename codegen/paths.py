"""Where things live in this repository (the defaults of `--spec` and `--out`)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = REPO_ROOT / "openapi" / "openapi.yaml"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

# The repository's own output locations (`contract generate` without `--out`).
SERVER_MODELS = REPO_ROOT / "server" / "contract" / "generated"
PYTHON_SDK = REPO_ROOT / "clients" / "python"
PYTHON_PACKAGE = "projectmgmt_client"
TYPESCRIPT_SDK = REPO_ROOT / "clients" / "typescript"

# Hand-written SDK runtime modules: the canonical copies live in the repository's own SDKs and are copied
# verbatim into SDKs generated elsewhere (`--out`).
PYTHON_RUNTIME = PYTHON_SDK / "src" / PYTHON_PACKAGE / "_runtime.py"
TYPESCRIPT_RUNTIME = TYPESCRIPT_SDK / "src" / "runtime.ts"
# The TypeScript toolchain (openapi-typescript, tsc) used by the generator.
NODE_MODULES = TYPESCRIPT_SDK / "node_modules"


def display_path(path: Path) -> str:
    """A stable, machine-independent name for `path`: relative to the repository when that is sensible."""
    path = path.resolve()
    try:
        return path.relative_to(REPO_ROOT).as_posix()
    except ValueError:
        pass
    rel = os.path.relpath(path, REPO_ROOT)
    if rel.count("..") <= 2:
        return Path(rel).as_posix()
    return path.name
