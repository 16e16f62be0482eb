"""`contract`: lint an OpenAPI document and generate models and SDKs from it.

    contract lint [--spec PATH] [--strict] [--quiet]
    contract generate [--spec PATH] [--out DIR] [--check] [--only python-models,python-sdk,typescript]
    contract generate --target kotlin|swift [--spec PATH] [--out DIR]   (openapi-generator; docs/mobile.md)
    contract diff BASE REVISION [--format text|json] [--fail-on error|warning]   (BASE/REVISION: a file or
        git:REF:PATH; --date DAY: "now" for x-sunset dates);  contract diff --rules [--format text|markdown]
    contract changelog BASE REVISION [--format text|markdown|json];  contract changelog --since-last-release
    contract mock [--spec PATH] [--host HOST] [--port PORT]
    contract docs [--spec PATH] [--host HOST] [--port PORT]
    contract bundle [SRC] [-o OUT]   (a multi-file contract as one file: YAML, or JSON when OUT ends .json)

Exit status: 0 success; 1 lint errors, stale generated files or a failed generator; 2 the command could
not run (bad arguments, unreadable document, missing toolchain); 3 an internal error. Problems are reported as
`file:line: rule: message`, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from codegen.findings import CodegenError, Severity
from codegen.paths import DEFAULT_SPEC, display_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="contract",
        description="Lint an OpenAPI 3.0/3.1 document and generate Pydantic models, a Python SDK and a "
        "TypeScript SDK from it.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_spec(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--spec",
            type=Path,
            default=DEFAULT_SPEC,
            help=f"the OpenAPI document (YAML or JSON; default: {display_path(DEFAULT_SPEC)})",
        )

    lint = sub.add_parser("lint", help="structural validation plus API-design rules")
    add_spec(lint)
    lint.add_argument("--strict", action="store_true", help="warnings fail the run too")
    lint.add_argument("--quiet", action="store_true", help="print errors only, not warnings")
    lint.add_argument("--rules", action="store_true", help="list the rules and exit")

    gen = sub.add_parser("generate", help="write Pydantic models, the Python SDK and the TypeScript SDK")
    add_spec(gen)
    gen.add_argument(
        "--out",
        type=Path,
        default=None,
        help="output directory (models.py, python/, typescript/ inside it); default: the repository's own "
        "locations (server/contract/generated, clients/python, clients/typescript)",
    )
    gen.add_argument("--check", action="store_true", help="write nothing; exit 1 naming every stale file")
    gen.add_argument(
        "--only",
        default="",
        help="comma-separated subset of targets: python-models, python-sdk, typescript (default: all)",
    )
    gen.add_argument(
        "--target",
        action="append",
        choices=("kotlin", "swift"),
        default=[],
        help="instead: a mobile client from openapi-generator (needs pyproject's `interop` extra and Java), "
        "with codegen/mobile/<target>.yaml, into var/mobile/<target> (--out DIR: DIR/<target>); repeatable; "
        "see docs/mobile.md",
    )
    gen.add_argument("--python-package", default=None, help="import name of the Python SDK package")
    gen.add_argument("--npm-package", default=None, help="name of the TypeScript SDK npm package")
    gen.add_argument("--timings", action="store_true", help="print how long each stage took")

    diff = sub.add_parser("diff", help="classify the changes between two versions of a contract")
    diff.add_argument(
        "base",
        nargs="?",
        help="the base version: a file, or git:REF:PATH (e.g. git:main:openapi/openapi.yaml)",
    )
    diff.add_argument("revision", nargs="?", help="the revised version: a file, or git:REF:PATH")
    diff.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="text (default) or json; with --rules: text or markdown",
    )
    diff.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        default="error",
        help="the lowest level that fails the run (default: error)",
    )
    diff.add_argument("--rules", action="store_true", help="list the rules and exit")
    diff.add_argument(
        "--date",
        default=None,
        help="the day (RFC 3339 date or date-time) x-sunset dates are compared with (default: "
        "$CONTRACT_DIFF_DATE, else now)",
    )

    changelog = sub.add_parser(
        "changelog", help="every change between two versions, breaking or not, grouped by operation"
    )
    changelog.add_argument("base", nargs="?", help="the base version: a file, or git:REF:PATH")
    changelog.add_argument("revision", nargs="?", help="the revised version: a file, or git:REF:PATH")
    changelog.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    changelog.add_argument(
        "--since-last-release",
        action="store_true",
        help="compare the working copy of --spec with the last tag (without a tag: with the commit that "
        "added the contract)",
    )
    add_spec(changelog)

    bundle = sub.add_parser(
        "bundle",
        help="write a multi-file contract as one file (external $refs become local #/components/... refs)",
    )
    bundle.add_argument(
        "src",
        nargs="?",
        type=Path,
        default=DEFAULT_SPEC,
        help=f"the root document (default: {display_path(DEFAULT_SPEC)})",
    )
    bundle.add_argument(
        "-o",
        "--out",
        type=Path,
        default=None,
        help="the file to write (YAML; JSON when it ends in .json); default: standard output",
    )

    for name, what in (
        ("mock", "serve the contract as a mock API"),
        ("docs", "serve the contract's documentation, reloading when the file changes"),
    ):
        server = sub.add_parser(name, help=what)
        add_spec(server)
        server.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
        server.add_argument(
            "--port",
            type=int,
            default=4010 if name == "mock" else 8001,
            help=f"port (default: {4010 if name == 'mock' else 8001}; 0 picks a free one)",
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "lint":
            return _lint(args)
        if args.command == "diff":
            from codegen.diff.command import run_diff

            return run_diff(args)
        if args.command == "changelog":
            from codegen.diff.changelog import run_changelog

            return run_changelog(args)
        if args.command == "bundle":
            return _bundle(args)
        if args.command == "mock":
            from codegen.mock.server import serve_mock

            return serve_mock(args.spec, args.host, args.port)
        if args.command == "docs":
            from codegen.docs_preview.server import serve_docs

            return serve_docs(args.spec, args.host, args.port)
        return _generate(args)
    except CodegenError as exc:
        print(f"contract {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug in the tool: one line, not a traceback (CONTRACT_DEBUG=1 shows it)
        if os.environ.get("CONTRACT_DEBUG"):
            raise
        print(
            f"contract {args.command}: internal error ({type(exc).__name__}: {exc}); "
            "rerun with CONTRACT_DEBUG=1 for the traceback and report it",
            file=sys.stderr,
        )
        return 3


def _lint(args: argparse.Namespace) -> int:
    from codegen.document import load_document
    from codegen.lint import RULES, lint_document

    if args.rules:
        for rule, description in RULES.items():
            print(f"{rule:20} {description}")
        return 0
    doc = load_document(args.spec)
    findings = lint_document(doc)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings = [f for f in findings if f.severity is Severity.WARNING]
    for finding in findings:
        if args.quiet and finding.severity is not Severity.ERROR:
            continue
        print(finding.format())
    print(
        f"{doc.name}: {len(errors)} error(s), {len(warnings)} warning(s) (OpenAPI {doc.openapi_version})",
        file=sys.stderr,
    )
    if errors or (args.strict and warnings):
        return 1
    return 0


def _bundle(args: argparse.Namespace) -> int:
    from codegen.bundle import dump_json, dump_yaml
    from codegen.document import load_document

    doc = load_document(args.src)
    as_json = args.out is not None and args.out.suffix.lower() == ".json"
    text = dump_json(doc.data) if as_json else dump_yaml(doc.data)
    if args.out is None:
        sys.stdout.write(text)
    else:
        try:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CodegenError(f"{args.out}: cannot write: {exc.strerror or exc}") from None
    files = len(doc.files) or 1
    where = "standard output" if args.out is None else display_path(args.out)
    print(f"bundled {doc.name} ({files} file(s)) into {where}", file=sys.stderr)
    return 0


def _generate(args: argparse.Namespace) -> int:
    from codegen.generate import GenerateOptions, run_generate

    if args.target:
        if args.check or args.only:
            raise CodegenError("--target (a mobile client, never committed) takes neither --check nor --only")
        from codegen.mobile import run_mobile

        return run_mobile(args.target, args.spec, args.out)
    targets = {t.strip() for t in args.only.split(",") if t.strip()}
    unknown = targets - {"python-models", "python-sdk", "typescript"}
    if unknown:
        raise CodegenError(f"unknown --only target(s): {', '.join(sorted(unknown))}")
    options = GenerateOptions(
        spec=args.spec,
        out=args.out,
        check=args.check,
        targets=targets or {"python-models", "python-sdk", "typescript"},
        python_package=args.python_package,
        npm_package=args.npm_package,
    )
    started = time.perf_counter()
    result = run_generate(options)
    elapsed = time.perf_counter() - started
    for note in result.notes:
        print(note.format(), file=sys.stderr)
    if args.timings:
        for stage, seconds in result.timings.items():
            print(f"  {stage:24} {seconds:6.2f}s", file=sys.stderr)
    if args.check:
        if result.stale:
            for path in result.stale:
                print(f"stale: {path}")
            print(
                f"{len(result.stale)} generated file(s) are out of date with {result.spec_name}; "
                "run `make generate` (or `contract generate`)",
                file=sys.stderr,
            )
            return 1
        print(f"{len(result.files)} generated file(s) up to date with {result.spec_name}", file=sys.stderr)
    else:
        rewritten = len([p for p in result.written if p in result.files])
        scaffolded = len(result.written) - rewritten
        extra = f", {scaffolded} scaffolding file(s) created" if scaffolded else ""
        print(
            f"generated {len(result.files)} file(s) from {result.spec_name} in {elapsed:.1f}s "
            f"({rewritten} rewritten{extra})",
            file=sys.stderr,
        )
    if result.failed:
        for target, message in result.failed.items():
            print(f"{result.spec_name}:1: generate-{target}: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
