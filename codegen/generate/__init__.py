"""`contract generate`: Pydantic models, the Python SDK and the TypeScript SDK from one OpenAPI document.

Outputs (default: the repository's own locations; `--out DIR` for anything else):

* python-models: the SDK's `models.py` (lenient where it reads: unknown enum values and properties, see
  `openness.py`) and, in the repository, the server's enums as Django choices
  (`server/contract/generated/choices.py`, `django_choices.py`); with `--out DIR`,
  `DIR/python/src/<pkg>/models.py`;
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
from codegen.generate.emitters import EMITTERS, Job, Layout, OutputFile
from codegen.generate.ir import Api, build_api
from codegen.generate.naming import snake
from codegen.generate.openness import open_for_clients
from codegen.generate.prepare import prepare
from codegen.generate.python_models import generate_models
from codegen.generate.render import environment
from codegen.generate.webhooks import webhook_events

ALL_TARGETS = frozenset(emitter.target for emitter in EMITTERS)


@dataclass
class GenerateOptions:
    spec: Path = paths.DEFAULT_SPEC
    out: Path | None = None
    check: bool = False
    targets: set[str] = field(default_factory=lambda: set(ALL_TARGETS))
    python_package: str | None = None
    npm_package: str | None = None


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
    job = Job(
        doc=doc,
        options=options,
        result=result,
        layout=layout,
        data=data,
        client_data=open_for_clients(data),
        py_header=header_line(doc, "#"),
        ts_header=header_line(doc, "//"),
        lap=lap,
    )
    emitters = [emitter() for emitter in EMITTERS if emitter.target in options.targets]
    for emitter in emitters:
        emitter.start(job)

    # The client models feed the IR whichever targets are asked for.
    job.models = models_result = generate_models(job.client_data, job.py_header, lenient=True)
    for message in models_result.messages:
        result.notes.append(doc.finding("/components/schemas", "generate-models", message, Severity.INFO))
    if models_result.error:
        result.failed["python-models"] = models_result.error
    lap("python models")

    ir_notes: list[Finding] = []

    def note(pointer: str, rule: str, message: str) -> None:
        ir_notes.append(doc.finding(pointer, rule, message, Severity.WARNING))

    job.api = api = build_api(data, models_result.models, ir_notes, note, models_result.class_names)
    result.api = api
    result.notes.extend(ir_notes)
    job.env = environment()
    # `webhooks` modules (signature verification, typed events) only for documents that declare webhooks.
    job.events = events = webhook_events(data, models_result.models)
    job.hooks_context = {
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

    outputs: list[OutputFile] = []
    for emitter in emitters:
        outputs.extend(emitter.emit(job))

    _write(outputs, options.check, result)
    result.notes.sort(key=lambda n: (n.file, n.line, n.rule, n.message))
    lap("write")
    return result


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


__all__ = ["ALL_TARGETS", "GenerateOptions", "GenerateResult", "run_generate"]
