"""Git look-ups shared by the gate and the changelog: which committed version of the contract to compare
with."""

from __future__ import annotations

import subprocess
from pathlib import Path

from codegen.findings import CodegenError


def git(*args: str, cwd: Path) -> str | None:
    """The trimmed output of `git ARGS` in `cwd`, or None when it fails (or git is missing)."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60
        )
    except FileNotFoundError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def is_repository(cwd: Path) -> bool:
    return git("rev-parse", "--is-inside-work-tree", cwd=cwd) == "true"


def commit_of(ref: str, cwd: Path) -> str | None:
    return git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=cwd)


def last_tag(cwd: Path) -> str | None:
    """The most recent tag reachable from HEAD (the last release), or None."""
    return git("describe", "--tags", "--abbrev=0", "HEAD", cwd=cwd)


def is_shallow(cwd: Path) -> bool:
    return git("rev-parse", "--is-shallow-repository", cwd=cwd) == "true"


def first_commit_with(path: str, cwd: Path) -> str | None:
    """The commit that first added `path` (relative to the repository root), or None."""
    out = git("log", "--diff-filter=A", "--format=%H", "--reverse", "--", path, cwd=cwd)
    return out.splitlines()[0] if out else None


def exists_at(commit: str, path: str, cwd: Path) -> bool:
    return git("cat-file", "-e", f"{commit}:{path}", cwd=cwd) is not None


def repository_path(file: Path, cwd: Path) -> str:
    """`file` relative to the top of the repository that holds `cwd` (what `git show REF:PATH` wants)."""
    top = git("rev-parse", "--show-toplevel", cwd=cwd)
    if top is None:
        raise CodegenError(f"{cwd} is not inside a git repository")
    try:
        return file.resolve().relative_to(Path(top).resolve()).as_posix()
    except ValueError:
        raise CodegenError(f"{file} is not inside the repository {top}") from None
