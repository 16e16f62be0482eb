"""Where `contract diff` reads a contract from: a file, or `git:REF:PATH` (a committed version, no
checkout)."""

from __future__ import annotations

import posixpath
import subprocess
import tempfile
from pathlib import Path

from codegen.bundle import has_external_refs
from codegen.document import Document, load_document, load_single
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
        if has_external_refs(load_single(file, name=spec).data):
            # a multi-file contract: the files under the root's directory at REF, where its $refs find them
            file = _checkout_directory(ref, path, cwd, Path(tmp) / "tree")
        try:
            # the files of a multi-file contract are named git:REF:<their path> after the root's name
            document = load_document(file, name=spec)
        except CodegenError as exc:
            raise CodegenError(str(exc).replace(str(file), spec).replace(file.name, spec, 1)) from None
    document.name = spec
    return document


def _checkout_directory(ref: str, path: str, cwd: Path | None, into: Path) -> Path:
    """Write every YAML/JSON file under the directory of `path` at `ref` into `into`; the root's copy."""
    directory = posixpath.dirname(path) or "."
    try:
        listing = subprocess.run(
            ["git", "ls-tree", "-r", "--name-only", "--full-tree", ref, "--", directory],
            cwd=cwd,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except FileNotFoundError:
        raise CodegenError("git is not installed") from None
    if listing.returncode != 0:
        raise CodegenError(f"git:{ref}:{directory}: {listing.stderr.decode(errors='replace').strip()}")
    prefix = "" if directory == "." else directory + "/"
    for name in listing.stdout.decode().splitlines():
        if not name.endswith((".yaml", ".yml", ".json")) or not name.startswith(prefix):
            continue
        target = into / name[len(prefix) :]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(git_show(ref, name, cwd))
    return into / path[len(prefix) :]
