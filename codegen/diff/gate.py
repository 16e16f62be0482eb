"""`make breaking`: the working copy of the contract against the version it must stay compatible with.

Which version (the first that applies):

1. `BREAKING_BASE=<ref>`: that commit or tag (an error if it does not exist).
2. On a branch other than `main`: the merge-base of HEAD and `main` (or `origin/main`).
3. On `main`: the last tag reachable from HEAD (the released contract), else `HEAD~1`.

When there is nothing to compare with (no repository, no commits, a single commit, a shallow clone without the
base, or a contract that did not exist at the base), the gate says so and passes: a clean CI clone must not
fail for want of history. It always prints what it compares.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from codegen.findings import CodegenError


def _git(*args: str, cwd: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60
        )
    except FileNotFoundError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


class Skip(Exception):
    """Nothing to compare with; the reason is printed and the gate passes."""


def choose_base(cwd: Path, explicit: str | None) -> tuple[str, str]:
    """(commit sha, how it was chosen)."""
    if _git("rev-parse", "--is-inside-work-tree", cwd=cwd) != "true":
        if explicit:
            raise CodegenError(f"BREAKING_BASE={explicit}: {cwd} is not a git repository")
        raise Skip("not a git repository")
    if explicit:
        sha = _git("rev-parse", "--verify", "--quiet", f"{explicit}^{{commit}}", cwd=cwd)
        if sha is None:
            raise CodegenError(f"BREAKING_BASE={explicit}: no such commit or tag (fetch it first?)")
        return sha, f"BREAKING_BASE={explicit}"
    head = _git("rev-parse", "--verify", "--quiet", "HEAD", cwd=cwd)
    if head is None:
        raise Skip("the repository has no commits yet")
    for main in ("main", "origin/main"):
        main_sha = _git("rev-parse", "--verify", "--quiet", f"{main}^{{commit}}", cwd=cwd)
        if main_sha is None:
            continue
        if main_sha != head:
            base = _git("merge-base", "HEAD", main, cwd=cwd)
            if base is None:
                raise Skip(
                    f"HEAD and {main} have no merge-base here (a shallow clone? fetch more history, "
                    "or set BREAKING_BASE=<ref>)"
                )
            return base, f"merge-base of HEAD and {main}"
        break
    tag = _git("describe", "--tags", "--abbrev=0", "HEAD", cwd=cwd)
    if tag is not None:
        sha = _git("rev-parse", f"{tag}^{{commit}}", cwd=cwd)
        if sha is not None:
            return sha, f"the last tag, {tag}"
    parent = _git("rev-parse", "--verify", "--quiet", "HEAD~1", cwd=cwd)
    if parent is None:
        raise Skip(
            "HEAD has no parent here (a single commit or a shallow clone) and there is no tag; "
            "set BREAKING_BASE=<ref> to compare with something"
        )
    return parent, "HEAD~1 (on main, no tag)"


def run_gate(spec: Path, cwd: Path, explicit: str | None) -> int:
    from codegen.cli import main as contract

    spec = spec.resolve()
    try:
        sha, how = choose_base(cwd, explicit or None)
        top = _git("rev-parse", "--show-toplevel", cwd=cwd)
        assert top is not None
        relative = spec.relative_to(Path(top).resolve()).as_posix()
        if _git("cat-file", "-e", f"{sha}:{relative}", cwd=cwd) is None:
            raise Skip(f"{relative} does not exist at {sha[:12]} ({how})")
    except Skip as skip:
        print(f"breaking: skipped, nothing to compare with: {skip}")
        return 0
    except ValueError:
        raise CodegenError(f"{spec} is not inside the repository") from None
    print(f"breaking: {relative} (working copy) against {sha[:12]}, {how}")
    previous = Path.cwd()
    try:
        os.chdir(cwd)
        return contract(["diff", f"git:{sha}:{relative}", str(spec)])
    finally:
        os.chdir(previous)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.diff.gate", description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=Path("openapi/openapi.yaml"))
    args = parser.parse_args(argv)
    try:
        return run_gate(args.spec, Path.cwd(), os.environ.get("BREAKING_BASE"))
    except CodegenError as exc:
        print(f"breaking: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
