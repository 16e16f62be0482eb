"""`make breaking`: the working copy of the contract against the release it must stay compatible with.

Which version (the first that applies):

1. `BREAKING_BASE=<ref>`: that commit or tag (an error if it, or the contract in it, does not exist).
2. The released contract kept in the repository: `released/<name>` beside the contract
   (`openapi/released/openapi.yaml`, written by `make release-contract` at a release). It needs no history,
   so a shallow clone, a branch without `main` and a fresh CI clone all compare with the same release.
3. The last tag reachable from HEAD (a release), when the contract exists in it.
4. Outside CI only: on a branch, the merge-base with `main` (or `origin/main`); on `main`, `HEAD~1`.

When none applies the gate fails (exit 2) and says what to do: it never passes without comparing. In CI
(`CI` set) step 4 is not taken: CI must compare with a release, not with whatever history the clone has.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from codegen.bundle import dump_yaml
from codegen.diff import git
from codegen.diff.command import judge
from codegen.diff.rules import Level
from codegen.diff.source import load_spec
from codegen.document import load_document
from codegen.findings import CodegenError


@dataclass(frozen=True)
class Base:
    source: str  # a file, or git:SHA:PATH
    how: str  # why this version, for the log line


def released_copy(spec: Path) -> Path:
    return spec.parent / "released" / spec.name


def choose_base(spec: Path, cwd: Path, explicit: str | None, ci: bool) -> Base:
    """The version to compare `spec` with; CodegenError naming what is missing when there is none."""
    if explicit:
        if not git.is_repository(cwd):
            raise CodegenError(f"BREAKING_BASE={explicit}: {cwd} is not a git repository")
        sha = git.commit_of(explicit, cwd)
        if sha is None:
            raise CodegenError(f"BREAKING_BASE={explicit}: no such commit or tag (fetch it first?)")
        relative = git.repository_path(spec, cwd)
        if not git.exists_at(sha, relative, cwd):
            raise CodegenError(f"BREAKING_BASE={explicit}: {relative} does not exist at {sha[:12]}")
        return Base(f"git:{sha}:{relative}", f"BREAKING_BASE={explicit}")
    released = released_copy(spec)
    if released.is_file():
        return Base(os.path.relpath(released, cwd), "the released contract")
    if not git.is_repository(cwd):
        raise CodegenError(_missing(spec, "this is not a git repository"))
    relative = git.repository_path(spec, cwd)
    tag = git.last_tag(cwd)
    if tag is not None:
        sha = git.commit_of(tag, cwd)
        if sha is not None and git.exists_at(sha, relative, cwd):
            return Base(f"git:{sha}:{relative}", f"the last tag, {tag}")
    if ci:
        shallow = " (a shallow clone: fetch the tags)" if git.is_shallow(cwd) else ""
        raise CodegenError(_missing(spec, f"no tag reachable from HEAD holds {relative}{shallow}"))
    sha, how = _local_base(cwd)
    if sha is None or not git.exists_at(sha, relative, cwd):
        reason = how if sha is None else f"{relative} does not exist at {sha[:12]} ({how})"
        raise CodegenError(_missing(spec, reason))
    return Base(f"git:{sha}:{relative}", how)


def _local_base(cwd: Path) -> tuple[str | None, str]:
    head = git.commit_of("HEAD", cwd)
    if head is None:
        return None, "the repository has no commits yet"
    for main in ("main", "origin/main"):
        main_sha = git.commit_of(main, cwd)
        if main_sha is None:
            continue
        if main_sha != head:
            base = git.git("merge-base", "HEAD", main, cwd=cwd)
            if base is None:
                return None, f"HEAD and {main} have no merge-base here (a shallow clone?)"
            return base, f"merge-base of HEAD and {main} (no release recorded)"
        break
    parent = git.commit_of("HEAD~1", cwd)
    if parent is None:
        return None, "HEAD has no parent here (a single commit or a shallow clone)"
    return parent, "HEAD~1 (no release recorded)"


def _missing(spec: Path, reason: str) -> str:
    return (
        f"no released contract to compare with: {reason}. Record the release with `make release-contract` "
        f"(writes {released_copy(spec).name} under {released_copy(spec).parent}), tag it, or set "
        "BREAKING_BASE=<ref>"
    )


def run_gate(spec: Path, cwd: Path, explicit: str | None, ci: bool) -> int:
    spec = spec if spec.is_absolute() else (cwd / spec)
    base = choose_base(spec, cwd, explicit or None, ci)
    print(f"breaking: {spec.name} (working copy) against {base.source}, {base.how}")
    # compatible changes are not shown here (`make changelog` lists them): the gate is about what breaks
    return judge(load_spec(base.source, cwd), load_document(spec), show=Level.WARNING)


def release(spec: Path) -> int:
    """Record the working copy as the released contract (at a release; the gate compares with it). A
    multi-file contract is recorded bundled: one file, whose refs do not depend on where it is kept."""
    target = released_copy(spec)
    target.parent.mkdir(parents=True, exist_ok=True)
    document = load_document(spec)
    target.write_bytes(dump_yaml(document.data).encode() if document.multi_file else spec.read_bytes())
    print(f"released contract recorded: {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.diff.gate", description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=Path("openapi/openapi.yaml"))
    parser.add_argument(
        "--release", action="store_true", help="record the working copy as the released contract and exit"
    )
    args = parser.parse_args(argv)
    try:
        if args.release:
            return release(args.spec)
        ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
        return run_gate(args.spec, Path.cwd(), os.environ.get("BREAKING_BASE"), ci)
    except CodegenError as exc:
        print(f"breaking: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
