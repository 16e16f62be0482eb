"""The targets of `contract generate`, one emitter each behind a common interface.

`run_generate` (codegen/generate/__init__.py) loads and prepares the document, builds the shared state every
target reads (`Job`: the lenient client models, the IR, the webhook events) and asks each selected emitter
for its files; it writes them. An emitter may also `start` work before the shared state is built (the
TypeScript types run in a Node process meanwhile). A document that declares webhooks gets a `webhooks`
module in each SDK: `webhooks_python` and `webhooks_typescript` render them for the SDK emitters.

The mobile clients (`--target kotlin|swift`, codegen/mobile) are not emitters: openapi-generator writes
their whole tree itself (never committed, never checked), from its own pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from jinja2 import Environment

from codegen import paths
from codegen.document import Document
from codegen.findings import Severity
from codegen.generate.django_choices import text_choices
from codegen.generate.ir import Api
from codegen.generate.python_models import ModelsResult
from codegen.generate.webhooks import WebhookEvent

if TYPE_CHECKING:
    from codegen.generate import GenerateOptions, GenerateResult
    from codegen.generate.typescript import TypesJob


@dataclass
class Layout:
    python_root: Path
    python_package: str
    typescript_root: Path
    npm_package: str
    server_models: Path | None  # the server's generated package (its enums: django_choices.py)

    @property
    def package_dir(self) -> Path:
        return self.python_root / "src" / self.python_package


@dataclass
class OutputFile:
    path: Path
    content: str
    scaffold: bool = False  # written once when missing; never checked


@dataclass
class Job:
    """What the emitters share: the document, its prepared forms, the options and the run's result."""

    doc: Document
    options: GenerateOptions
    result: GenerateResult
    layout: Layout
    data: dict[str, Any]  # prepared: what the server's models are generated from
    client_data: dict[str, Any]  # read leniently by the SDKs (openness.py)
    py_header: str
    ts_header: str
    lap: Callable[[str], None]
    # Filled in by run_generate once the client models and the IR are built:
    models: ModelsResult | None = None
    api: Api | None = None
    env: Environment | None = None
    events: list[WebhookEvent] = field(default_factory=list)
    hooks_context: dict[str, Any] = field(default_factory=dict)


class Emitter(Protocol):
    target: ClassVar[str]  # the `--only` name

    def start(self, job: Job) -> None:
        """Work started before the shared state is built (most emitters have none)."""

    def emit(self, job: Job) -> list[OutputFile]:
        """The files of this target (generated ones and scaffolding)."""


class PythonModels:
    """`models.py` of the SDK (lenient) and, in the repository, the server's enums as Django choices."""

    target: ClassVar[str] = "python-models"

    def start(self, job: Job) -> None:
        pass

    def emit(self, job: Job) -> list[OutputFile]:
        assert job.models is not None
        layout, outputs = job.layout, []
        outputs.append(OutputFile(layout.package_dir / "models.py", job.models.source))
        if layout.server_models is not None:
            # The server validates with the contract itself (server/contract/validation); what it needs
            # generated is only what its models store: the enums, from the untouched document.
            outputs.append(
                OutputFile(layout.server_models / "choices.py", text_choices(job.data, job.py_header))
            )
            outputs.append(
                OutputFile(
                    layout.server_models / "__init__.py",
                    f"{job.py_header}\n"
                    '"""The contract\'s string enums as Django choices (the values the server stores)."""\n',
                )
            )
        return outputs


class PythonSdk:
    """The Python client (`_client.py`, `__init__.py`, `webhooks.py`) and its scaffolding."""

    target: ClassVar[str] = "python-sdk"

    def start(self, job: Job) -> None:
        pass

    def emit(self, job: Job) -> list[OutputFile]:
        api, env, layout = job.api, job.env, job.layout
        assert api is not None and env is not None
        context = {
            "api": api,
            "header": job.py_header,
            "package": layout.python_package,
            "user_agent": f"{layout.python_package}/{api.version or '0'}",
            "op_index": {op.operation_id: index for index, op in enumerate(api.operations, start=1)},
            "uses_datetime": _uses(api, "datetime."),
            "uses_literal": _uses(api, "Literal["),
            "uses_not_modified": any(op.not_modified for op in api.operations),
            "version": _pep440(api.version),
            "uses_builtins": _uses(api, "builtins."),
        }
        outputs = [
            OutputFile(
                layout.package_dir / "_client.py", env.get_template("python/_client.py.j2").render(context)
            ),
            OutputFile(
                layout.package_dir / "__init__.py", env.get_template("python/__init__.py.j2").render(context)
            ),
            *webhooks_python(job),
            OutputFile(layout.package_dir / "py.typed", "", scaffold=True),
            _copy(paths.PYTHON_RUNTIME, layout.package_dir / "_runtime.py"),
            OutputFile(
                layout.python_root / "pyproject.toml",
                env.get_template("python/pyproject.toml.j2").render(
                    api=api,
                    package=layout.python_package,
                    distribution=layout.python_package.replace("_", "-"),
                ),
                scaffold=True,
            ),
        ]
        job.lap("python sdk")
        return outputs


class TypeScript:
    """The TypeScript client: openapi-typescript's `schema.ts` (started first, in Node), `client.ts`,
    `models.ts`, `webhooks.ts`, and the scaffolding."""

    target: ClassVar[str] = "typescript"

    def __init__(self) -> None:
        self.types_job: TypesJob | None = None

    def start(self, job: Job) -> None:
        from codegen.generate.prepare import for_typescript
        from codegen.generate.typescript import start_types

        ts_data, rewritten = for_typescript(job.client_data)
        for pointer, message in rewritten:
            job.result.notes.append(
                job.doc.finding(pointer, "generate-typescript-ref", message, Severity.INFO)
            )
        self.types_job = start_types(ts_data)

    def emit(self, job: Job) -> list[OutputFile]:
        from codegen.generate.typescript import keep_known_values, model_aliases, package_versions

        api, env, layout, doc = job.api, job.env, job.layout, job.doc
        assert api is not None and env is not None and self.types_job is not None
        schema, diagnostics = self.types_job.result()
        job.lap("typescript types (wait)")
        if schema is None:
            job.result.failed[self.target] = f"openapi-typescript failed: {diagnostics}"
            job.lap("typescript sdk")
            return []
        if diagnostics:
            for line in diagnostics.splitlines()[:10]:
                job.result.notes.append(doc.finding("", "generate-typescript", line, Severity.INFO))
        src = layout.typescript_root / "src"
        version = _semver(api.version)
        outputs = [
            OutputFile(src / "generated" / "schema.ts", f"{job.ts_header}\n{keep_known_values(schema)}"),
            OutputFile(
                src / "generated" / "client.ts",
                env.get_template("typescript/client.ts.j2").render(api=api, header=job.ts_header),
            ),
            OutputFile(src / "generated" / "models.ts", model_aliases(job.data, api, job.ts_header)),
            _copy(paths.TYPESCRIPT_RUNTIME, src / "runtime.ts"),
            *webhooks_typescript(job),
            OutputFile(
                src / "index.ts",
                env.get_template("typescript/index.ts.j2").render(webhooks=bool(job.events)),
                scaffold=True,
            ),
            OutputFile(
                layout.typescript_root / "tsconfig.json",
                env.get_template("typescript/tsconfig.json.j2").render(),
                scaffold=True,
            ),
            OutputFile(
                layout.typescript_root / "tsconfig.cjs.json",
                env.get_template("typescript/tsconfig.cjs.json.j2").render(),
                scaffold=True,
            ),
            _package_json(
                layout.typescript_root / "package.json",
                env.get_template("typescript/package.json.j2").render(
                    api=api, npm_package=layout.npm_package, version=version, versions=package_versions()
                ),
                version,
            ),
        ]
        job.lap("typescript sdk")
        return outputs


def webhooks_python(job: Job) -> list[OutputFile]:
    """The Python SDK's `webhooks.py` (signature verification, typed events), for documents with webhooks."""
    if not job.events:
        return []
    assert job.env is not None
    template = job.env.get_template("python/webhooks.py.j2")
    return [
        OutputFile(
            job.layout.package_dir / "webhooks.py", template.render(job.hooks_context, header=job.py_header)
        )
    ]


def webhooks_typescript(job: Job) -> list[OutputFile]:
    """The TypeScript SDK's `webhooks.ts`, for documents with webhooks."""
    if not job.events:
        return []
    assert job.env is not None
    template = job.env.get_template("typescript/webhooks.ts.j2")
    src = job.layout.typescript_root / "src"
    return [OutputFile(src / "webhooks.ts", template.render(job.hooks_context, header=job.ts_header))]


# In the order their files are written (and `--check` lists stale ones).
EMITTERS: tuple[type[Emitter], ...] = (
    PythonModels,
    PythonSdk,
    TypeScript,
)


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


def _pep440(version: str) -> str:
    return version if re.fullmatch(r"\d+(\.\d+)*", version or "") else "0.0.0"


def _semver(version: str) -> str:
    return version if re.fullmatch(r"\d+\.\d+\.\d+", version or "") else "0.0.0"
