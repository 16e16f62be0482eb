"""`contract generate`: Pydantic models, the Python SDK and the TypeScript SDK from one OpenAPI document.

Outputs (default: the repository's own locations; `--out DIR` for anything else):

* python-models: `server/contract/generated/models.py` (exact: the server enforces the contract) and the
  SDK's `models.py` (lenient where it reads: unknown enum values and properties, see `openness.py`); with
  `--out DIR`, `DIR/python/src/<pkg>/models.py`;
* python-sdk: `clients/python` (`src/projectmgmt_client/_client.py`, `__init__.py`); `DIR/python`;
* typescript: `clients/typescript` (`src/generated/schema.ts`, `src/generated/client.ts`); `DIR/typescript`.

Generated files start with a `generated from <spec> (sha256 ...), do not edit` header and are rewritten only
when their content changes. Scaffolding (pyproject.toml, package.json, tsconfig.json, index.ts, the
hand-written runtime modules) is written once, when missing, and is never overwritten or checked.
Output is deterministic: the same document and tool versions give byte-identical files.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from codegen import paths
from codegen.document import Document, load_document
from codegen.findings import Finding, Severity
from codegen.generate.ir import Api, build_api
from codegen.generate.naming import snake
from codegen.generate.openness import open_for_clients
from codegen.generate.prepare import prepare
from codegen.generate.python_models import generate_models
from codegen.generate.render import environment
from codegen.generate.webhooks import webhook_events

ALL_TARGETS = frozenset({"python-models", "python-sdk", "typescript"})


@dataclass
class GenerateOptions:
    spec: Path = paths.DEFAULT_SPEC
    out: Path | None = None
    check: bool = False
    targets: set[str] = field(default_factory=lambda: set(ALL_TARGETS))
    python_package: str | None = None
    npm_package: str | None = None


@dataclass
class Layout:
    python_root: Path
    python_package: str
    typescript_root: Path
    npm_package: str
    server_models: Path | None  # a second, identical copy of the models (the server's)

    @property
    def package_dir(self) -> Path:
        return self.python_root / "src" / self.python_package


@dataclass
class OutputFile:
    path: Path
    content: str
    scaffold: bool = False  # written once when missing; never checked


@dataclass
class GenerateResult:
    spec_name: str
    files: list[Path] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    api: Api | None = None


def header_line(doc: Document, comment: str) -> str:
    return (
        f"{comment} generated from {doc.name} (sha256 {doc.sha256}), do not edit; "
        "regenerate with `contract generate`"
    )


def layout_for(doc: Document, options: GenerateOptions) -> Layout:
    title = (
        str((doc.data.get("info") or {}).get("title") or "api")
        if isinstance(doc.data.get("info"), dict)
        else "api"
    )
    if options.out is None:
        return Layout(
            python_root=paths.PYTHON_SDK,
            python_package=options.python_package or paths.PYTHON_PACKAGE,
            typescript_root=paths.TYPESCRIPT_SDK,
            npm_package=options.npm_package or "@contractfirst/projectmgmt-client",
            server_models=paths.SERVER_MODELS,
        )
    base = re.sub(r"(?i)\bapi\b", "", title)
    package = options.python_package or (snake(base, "api") + "_client")
    if not package.isidentifier():
        package = "api_client"
    npm = options.npm_package or (snake(base, "api").replace("_", "-") + "-client")
    out = options.out.resolve()
    return Layout(out / "python", package, out / "typescript", npm, None)


def run_generate(options: GenerateOptions) -> GenerateResult:
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = timings.get(stage, 0.0) + now - clock
        clock = now

    doc = load_document(options.spec)
    result = GenerateResult(spec_name=doc.name, timings=timings)
    data, notes = prepare(doc)
    result.notes.extend(n for n in doc.notes if n.severity >= Severity.WARNING)
    result.notes.extend(notes)
    layout = layout_for(doc, options)
    lap("load")

    # The SDKs read what they receive leniently (unknown enum values and properties); the server's models
    # are generated from the document as it is (see codegen/generate/openness.py).
    client_data = open_for_clients(data)
    types_job = None
    if "typescript" in options.targets:
        from codegen.generate.prepare import for_typescript
        from codegen.generate.typescript import start_types

        ts_data, rewritten = for_typescript(client_data)
        for pointer, message in rewritten:
            result.notes.append(doc.finding(pointer, "generate-typescript-ref", message, Severity.INFO))
        types_job = start_types(ts_data)

    py_header = header_line(doc, "#")
    ts_header = header_line(doc, "//")
    outputs: list[OutputFile] = []

    models_result = generate_models(client_data, py_header, lenient=True)
    for message in models_result.messages:
        result.notes.append(doc.finding("/components/schemas", "generate-models", message, Severity.INFO))
    if models_result.error:
        result.failed["python-models"] = models_result.error
    if "python-models" in options.targets:
        outputs.append(OutputFile(layout.package_dir / "models.py", models_result.source))
        if layout.server_models is not None:
            server_result = generate_models(data, py_header)
            if server_result.error:
                result.failed["python-models"] = server_result.error
            outputs.append(OutputFile(layout.server_models / "models.py", server_result.source))
            outputs.append(
                OutputFile(
                    layout.server_models / "__init__.py",
                    f"{py_header}\n"
                    '"""Pydantic models of the contract, exact (the SDK\'s models.py reads leniently)."""\n',
                )
            )
    lap("python models")

    ir_notes: list[Finding] = []

    def note(pointer: str, rule: str, message: str) -> None:
        ir_notes.append(doc.finding(pointer, rule, message, Severity.WARNING))

    api = build_api(data, models_result.models, ir_notes, note, models_result.class_names)
    result.api = api
    result.notes.extend(ir_notes)
    env = environment()
    user_agent = f"{layout.python_package}/{api.version or '0'}"
    # `webhooks` modules (signature verification, typed events) only for documents that declare webhooks.
    events = webhook_events(data, models_result.models)
    hooks_context = {
        "events": events,
        "title": api.title,
        "package": layout.python_package,
        "classes": sorted({e.py_class for e in events if e.py_class}),
        "union": " | ".join(
            [*dict.fromkeys(f"_models.{e.py_class}" for e in events if e.py_class)]
            + (["Any"] if any(e.py_class is None for e in events) else [])
        ),
    }
    lap("model")

    if "python-sdk" in options.targets:
        context = {
            "api": api,
            "header": py_header,
            "package": layout.python_package,
            "user_agent": user_agent,
            "op_index": {op.operation_id: index for index, op in enumerate(api.operations, start=1)},
            "uses_datetime": _uses(api, "datetime."),
            "uses_literal": _uses(api, "Literal["),
            "uses_not_modified": any(op.not_modified for op in api.operations),
            "version": _pep440(api.version),
            "uses_builtins": _uses(api, "builtins."),
        }
        outputs.append(
            OutputFile(
                layout.package_dir / "_client.py", env.get_template("python/_client.py.j2").render(context)
            )
        )
        outputs.append(
            OutputFile(
                layout.package_dir / "__init__.py", env.get_template("python/__init__.py.j2").render(context)
            )
        )
        if events:
            outputs.append(
                OutputFile(
                    layout.package_dir / "webhooks.py",
                    env.get_template("python/webhooks.py.j2").render(hooks_context, header=py_header),
                )
            )
        outputs.append(OutputFile(layout.package_dir / "py.typed", "", scaffold=True))
        outputs.append(_copy(paths.PYTHON_RUNTIME, layout.package_dir / "_runtime.py"))
        outputs.append(
            OutputFile(
                layout.python_root / "pyproject.toml",
                env.get_template("python/pyproject.toml.j2").render(
                    api=api,
                    package=layout.python_package,
                    distribution=layout.python_package.replace("_", "-"),
                ),
                scaffold=True,
            )
        )
        lap("python sdk")

    if types_job is not None:
        from codegen.generate.typescript import keep_known_values, model_aliases, package_versions

        schema, diagnostics = types_job.result()
        lap("typescript types (wait)")
        if schema is None:
            result.failed["typescript"] = f"openapi-typescript failed: {diagnostics}"
        else:
            if diagnostics:
                for line in diagnostics.splitlines()[:10]:
                    result.notes.append(doc.finding("", "generate-typescript", line, Severity.INFO))
            src = layout.typescript_root / "src"
            schema = keep_known_values(schema)
            outputs.append(OutputFile(src / "generated" / "schema.ts", f"{ts_header}\n{schema}"))
            outputs.append(
                OutputFile(
                    src / "generated" / "client.ts",
                    env.get_template("typescript/client.ts.j2").render(api=api, header=ts_header),
                )
            )
            aliases = model_aliases(data, api, ts_header)
            outputs.append(OutputFile(src / "generated" / "models.ts", aliases))
            outputs.append(_copy(paths.TYPESCRIPT_RUNTIME, src / "runtime.ts"))
            if events:
                outputs.append(
                    OutputFile(
                        src / "webhooks.ts",
                        env.get_template("typescript/webhooks.ts.j2").render(hooks_context, header=ts_header),
                    )
                )
            outputs.append(
                OutputFile(
                    src / "index.ts",
                    env.get_template("typescript/index.ts.j2").render(webhooks=bool(events)),
                    scaffold=True,
                )
            )
            outputs.append(
                OutputFile(
                    layout.typescript_root / "tsconfig.json",
                    env.get_template("typescript/tsconfig.json.j2").render(),
                    scaffold=True,
                )
            )
            outputs.append(
                OutputFile(
                    layout.typescript_root / "tsconfig.cjs.json",
                    env.get_template("typescript/tsconfig.cjs.json.j2").render(),
                    scaffold=True,
                )
            )
            outputs.append(
                _package_json(
                    layout.typescript_root / "package.json",
                    env.get_template("typescript/package.json.j2").render(
                        api=api,
                        npm_package=layout.npm_package,
                        version=_semver(api.version),
                        versions=package_versions(),
                    ),
                    _semver(api.version),
                )
            )
        lap("typescript sdk")

    _write(outputs, options.check, result)
    result.notes.sort(key=lambda n: (n.file, n.line, n.rule, n.message))
    lap("write")
    return result


_VERSION_FIELD = re.compile(r'^(\s*"version":\s*)"[^"]*"', re.MULTILINE)


def _package_json(path: Path, scaffold: str, version: str) -> OutputFile:
    """package.json is scaffolded once, but its `version` follows the contract's `info.version`: an existing
    file is rewritten with that one field changed (and `--check` reports it when it differs)."""
    try:
        current = path.read_text(encoding="utf-8")
    except OSError:
        return OutputFile(path, scaffold, scaffold=True)
    return OutputFile(path, _VERSION_FIELD.sub(lambda m: f'{m.group(1)}"{version}"', current, count=1))


def _copy(source: Path, target: Path) -> OutputFile:
    """A hand-written runtime module, copied into SDKs generated elsewhere (never over the canonical copy)."""
    return OutputFile(target, source.read_text(encoding="utf-8"), scaffold=True)


def _uses(api: Api, needle: str) -> bool:
    for op in api.operations:
        types = [op.returns_py_type, *(p.py_type for p in op.params)]
        if op.body:
            types.append(op.body.py_type)
        if op.pagination:
            types.append(op.pagination.item_py_type)
        if any(needle in t for t in types):
            return True
    return False


def _write(outputs: list[OutputFile], check: bool, result: GenerateResult) -> None:
    for output in outputs:
        path = output.path
        if output.scaffold:
            if path.exists() or check:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(output.content, encoding="utf-8", newline="\n")
            result.written.append(path)
            continue
        result.files.append(path)
        try:
            current = path.read_bytes()
        except OSError:
            current = None
        wanted = output.content.encode("utf-8")
        if current == wanted:
            continue
        if check:
            result.stale.append(paths.display_path(path))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        # Per process: two `contract generate` runs into one directory must not rename each other's file.
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(wanted)
        tmp.replace(path)
        result.written.append(path)


def _pep440(version: str) -> str:
    return version if re.fullmatch(r"\d+(\.\d+)*", version or "") else "0.0.0"


def _semver(version: str) -> str:
    return version if re.fullmatch(r"\d+\.\d+\.\d+", version or "") else "0.0.0"


__all__ = ["ALL_TARGETS", "GenerateOptions", "GenerateResult", "run_generate"]
