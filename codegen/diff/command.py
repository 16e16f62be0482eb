"""`contract diff`: load both versions, compare, print, and decide the exit status."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from codegen.diff.compare import diff_documents
from codegen.diff.report import as_json, as_text, major_bumped, rules_markdown, rules_text, summary
from codegen.diff.rules import Level
from codegen.diff.source import load_spec
from codegen.diff.sunset import now
from codegen.document import Document
from codegen.findings import CodegenError


def run_diff(args: argparse.Namespace) -> int:
    if args.rules:
        if args.format == "json":
            raise CodegenError("--rules prints text or markdown")
        print(rules_markdown() if args.format == "markdown" else rules_text() + "\n", end="")
        return 0
    if not args.base or not args.revision:
        raise CodegenError("expected BASE and REVISION (files or git:REF:PATH), or --rules")
    if args.format == "markdown":
        raise CodegenError("--format markdown is for --rules; use text or json")
    at = now(getattr(args, "date", None))  # --date, else $CONTRACT_DIFF_DATE, else the clock
    return judge(load_spec(args.base), load_spec(args.revision), args.format, args.fail_on, at=at)


def judge(
    base: Document,
    revision: Document,
    fmt: str = "text",
    fail_on: str = "error",
    show: Level = Level.INFO,
    at: dt.datetime | None = None,
) -> int:
    """Print the changes from `base` to `revision` at level `show` or above (stdout) and a summary of all of
    them (stderr); 1 when one fails the run. Sunsets are compared with `at` (default: sunset.now())."""
    changes = diff_documents(base.data, revision.data, at)
    shown = [c for c in changes if c.level >= show]
    if fmt == "json":
        print(as_json(shown))
    elif shown:
        print(as_text(shown))
    threshold = Level.ERROR if fail_on == "error" else Level.WARNING
    failing = [c for c in changes if c.level >= threshold]
    print(f"{base.name} -> {revision.name}: {summary(changes)}", file=sys.stderr)
    if failing and major_bumped(base.data, revision.data):
        print(
            f"breaking changes allowed: the major version of info.version was raised "
            f"({base.data['info']['version']} -> {revision.data['info']['version']})",
            file=sys.stderr,
        )
        return 0
    return 1 if failing else 0
