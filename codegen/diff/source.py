"""Where `contract diff` reads a contract from: a file, or `git:REF:PATH` (a committed version, no
checkout)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from codegen.document import Document, load_document
from codegen.findings import CodegenError

GIT_PREFIX = "git:"


def load_spec(spec: str, cwd: Path | None = None) -> Document:
    """The document named by `spec` (a file, or git:REF:PATH read in the repository at `cwd`, default: the
    current directory); CodegenError (one line) when it cannot be read or is not OpenAPI 3."""
    if spec.startswith(GIT_PREFIX):
        document = _load_git(spec, cwd)
    else:
        document = load_document(Path(spec) if cwd is None else cwd / spec)
    if not document.openapi_version.startswith("3."):
        raise CodegenError(
            f"{document.name}: not an OpenAPI 3.x document (found {document.openapi_version}); "
            "diff compares OpenAPI 3.0 and 3.1 documents"
        )
    return document


def split_git_spec(spec: str) -> tuple[str, str]:
    rest = spec[len(GIT_PREFIX) :]
    ref, sep, path = rest.rpartition(":")
    if not sep or not ref or not path:
        raise CodegenError(f"{spec}: expected git:REF:PATH, e.g. git:main:openapi/openapi.yaml")
    return ref, path


def git_show(ref: str, path: str, cwd: Path | None = None) -> bytes:
    """The bytes of `path` (relative to the repository root) at `ref`."""
    try:
        result = subprocess.run(
            ["git", "show", f"{ref}:{path}"], cwd=cwd, capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise CodegenError("git is not installed") from None
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        raise CodegenError(f"git:{ref}:{path}: {message[-1] if message else 'git show failed'}")
    return result.stdout


def _load_git(spec: str, cwd: Path | None) -> Document:
    ref, path = split_git_spec(spec)
    content = git_show(ref, path, cwd)
    with tempfile.TemporaryDirectory(prefix="contract-diff-") as tmp:
        file = Path(tmp) / Path(path).name
        file.write_bytes(content)
        try:
            document = load_document(file)
        except CodegenError as exc:
            raise CodegenError(str(exc).replace(str(file), spec).replace(file.name, spec, 1)) from None
    document.name = spec
    return document
