"""`contract changelog`: every change between two versions of a contract, breaking or not, grouped by
operation, for release notes (text, markdown or JSON)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from codegen.diff import git
from codegen.diff.compare import Change, diff_documents
from codegen.diff.report import summary
from codegen.diff.rules import Level
from codegen.diff.source import load_spec
from codegen.document import load_document
from codegen.findings import CodegenError
from codegen.refs import HTTP_METHODS

_WORDS = {Level.ERROR: "breaking", Level.WARNING: "possibly breaking", Level.INFO: "compatible"}


@dataclass(frozen=True)
class Group:
    endpoint: str  # "METHOD /path", "/path" (a path removed), "webhook NAME [METHOD]", or "" (the whole API)
    operation: str  # its operationId when it has one, else ""
    changes: tuple[Change, ...]

    @property
    def title(self) -> str:
        if not self.endpoint:
            return "Whole API"
        if self.operation and self.operation not in self.endpoint:
            return f"{self.endpoint} ({self.operation})"
        return self.endpoint


def _order(endpoint: str) -> tuple[int, str, int]:
    if not endpoint:
        return (0, "", 0)
    head, _, rest = endpoint.partition(" ")
    if head == "webhook":
        return (2, rest, 0)
    if head.lower() in HTTP_METHODS:
        return (1, rest, HTTP_METHODS.index(head.lower()) + 1)
    return (1, endpoint, 0)  # a whole path


def group(changes: Sequence[Change]) -> list[Group]:
    by_endpoint: dict[str, list[Change]] = {}
    for change in changes:
        by_endpoint.setdefault(change.endpoint, []).append(change)
    groups = []
    for endpoint in sorted(by_endpoint, key=_order):
        items = sorted(by_endpoint[endpoint], key=lambda c: (-c.level, c.pointer, c.id, c.message))
        names = [c.operation for c in items if c.operation and c.operation != endpoint]
        groups.append(Group(endpoint, names[0] if names else "", tuple(items)))
    return groups


def as_text(groups: Sequence[Group]) -> str:
    lines: list[str] = []
    for g in groups:
        lines.append(g.title)
        lines += [f"  {c.level!s:7} {c.id}: {c.message}" for c in g.changes]
    return "\n".join(lines)


def as_markdown(groups: Sequence[Group], title: str, changes: Sequence[Change]) -> str:
    out = [f"# {title}", "", f"{summary(changes)}."]
    if not groups:
        out += ["", "No changes."]
    for g in groups:
        out += ["", f"## {g.title}", ""]
        out += [f"- **{_WORDS[c.level]}** (`{c.id}`): {c.message}" for c in g.changes]
    return "\n".join(out)


def as_json(groups: Sequence[Group], base: str, revision: str, changes: Sequence[Change]) -> str:
    counts = {str(level): sum(1 for c in changes if c.level is level) for level in reversed(Level)}
    payload = {
        "base": base,
        "revision": revision,
        "summary": counts,
        "groups": [
            {
                "endpoint": g.endpoint,
                "operation": g.operation,
                "changes": [c.as_json() for c in g.changes],
            }
            for g in groups
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)


def since_last_release(spec: Path, cwd: Path) -> tuple[str, str]:
    """(base source, what it is): the contract at the last tag; without a tag, at the commit that added it."""
    if not git.is_repository(cwd):
        raise CodegenError(f"--since-last-release: {cwd} is not a git repository")
    relative = git.repository_path(spec, cwd)
    tag = git.last_tag(cwd)
    if tag is not None and git.exists_at(tag, relative, cwd):
        return f"git:{tag}:{relative}", f"since {tag}"
    first = git.first_commit_with(relative, cwd)
    if first is None:
        raise CodegenError(f"--since-last-release: {relative} was never committed")
    return (
        f"git:{first}:{relative}",
        f"since the contract's first commit, {first[:12]} (no release tag yet)",
    )


def run_changelog(args: argparse.Namespace) -> int:
    cwd = Path.cwd()
    if args.since_last_release:
        if args.base or args.revision:
            raise CodegenError("--since-last-release compares with the working copy: give no BASE/REVISION")
        base_source, since = since_last_release(args.spec, cwd)
        base, revision = load_spec(base_source), load_document(args.spec)
        title = f"API changes {since}"
    else:
        if not args.base or not args.revision:
            raise CodegenError("expected BASE and REVISION (files or git:REF:PATH), or --since-last-release")
        base, revision = load_spec(args.base), load_spec(args.revision)
        title = f"API changes: {base.name} -> {revision.name}"
    changes = diff_documents(base.data, revision.data)
    groups = group(changes)
    if args.format == "json":
        print(as_json(groups, base.name, revision.name, changes))
    elif args.format == "markdown":
        print(as_markdown(groups, title, changes))
    else:
        print(f"{title}: {summary(changes)}")
        if groups:
            print(as_text(groups))
    return 0
