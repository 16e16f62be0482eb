"""`contract generate --target kotlin|swift`: Android and iOS clients from openapi-generator (docs/mobile.md).

The generator is openapi-generator 7.26.0, the jar of the PyPI package `openapi-generator-cli` (pyproject's
`interop` extra; it needs Java), the one `make interop` runs. Each target has a checked-in configuration
(codegen/mobile/kotlin.yaml, swift.yaml). Three things are added around the jar, each for a reason the
generator's own options cannot cover in 7.26:

* The input is the contract with `x-null-encodable: true` on every optional, nullable property of a request
  body (TaskUpdate's `assignee_id`, `due_date` ...): a PATCH must send `null` (clear) apart from leaving the
  property out (unchanged). The swift6 generator turns that extension into its `NullEncodable<T>` wrapper;
  the Kotlin templates below into a `JsonElement?` property.
* Two templates are the jar's own, patched at generation time (under OUT/<target>.templates, never checked
  in): each patch must match the jar's text exactly once, so a different jar fails loudly instead of
  silently generating something else. Kotlin: the `x-null-encodable` property, and `explicitNulls = false`
  (a property left `null` is omitted, not sent as `null`). Swift: a `NullEncodable` property defaults to
  `.encodeNothing` (left out), not `.encodeNull` (which would clear the field on every PATCH).
* Every WARN/ERROR line the generator prints must match codegen/mobile/generator-warnings.txt (a pattern per
  line, a `# reason` above it: interop/generator-warnings.txt's format), or the run fails.

Output (default var/mobile/<target>; `--out DIR`: DIR/<target>) is rewritten from scratch on every run and is
never committed. The same contract and jar give byte-identical files (no timestamps; see
codegen/tests/test_mobile.py).
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codegen import paths
from codegen.document import load_document
from codegen.findings import CodegenError

HERE = Path(__file__).resolve().parent
CONFIGS = {"kotlin": HERE / "kotlin.yaml", "swift": HERE / "swift.yaml"}
TARGETS = tuple(CONFIGS)
ALLOW_FILE = HERE / "generator-warnings.txt"
DEFAULT_OUT = paths.REPO_ROOT / "var" / "mobile"
JAR_VERSION = "7.26.0"
# Webhooks are generated as API classes with the api templates (interop/run.py says why they are left out);
# the generated test stubs are empty bodies to fill in, not tests.
GLOBAL_PROPERTIES = "apis,models,supportingFiles,apiTests=false,modelTests=false"
WARNING_LINE = re.compile(r"\b(WARN|WARNING|ERROR|SEVERE)\b")
TIMEOUT = 300
NULL_ENCODABLE = "x-null-encodable"
REQUEST_MEDIA = re.compile(r"^application/([\w.+-]+\+)?json$")

_KOTLIN_PROPERTY = (
    "{{#vendorExtensions.x-null-encodable}}\n"
    "{{#description}}\n"
    "    /* {{{.}}} */\n"
    "{{/description}}\n"
    "    /* x-null-encodable: `null` (the default) leaves the property out; `JsonNull` sends an explicit "
    "null (clears it); `JsonPrimitive(value)` sends a value. */\n"
    '    @SerialName(value = "{{{vendorExtensions.x-base-name-literal}}}")\n'
    "    {{#isInherited}}override {{/isInherited}}{{>modelMutable}} {{{name}}}: "
    "kotlinx.serialization.json.JsonElement? = null{{/vendorExtensions.x-null-encodable}}"
    "{{^vendorExtensions.x-null-encodable}}\n"
)
# (template path inside the jar, text to find exactly once, replacement); `None` as the text: the whole file.
PATCHES: dict[str, list[tuple[str, str | None, str]]] = {
    "kotlin": [
        (
            "kotlin-client/data_class_opt_var.mustache",
            None,
            _KOTLIN_PROPERTY + "{original}{{/vendorExtensions.x-null-encodable}}",
        ),
        (
            "kotlin-client/jvm-common/infrastructure/Serializer.kt.mustache",
            "            encodeDefaults = true\n",
            "            encodeDefaults = true\n            explicitNulls = false\n",
        ),
    ],
    "swift": [
        (
            "swift6/modelObject.mustache",
            "= {{#vendorExtensions.x-null-encodable}}.encodeNull{{/vendorExtensions.x-null-encodable}}",
            "= {{#vendorExtensions.x-null-encodable}}.encodeNothing{{/vendorExtensions.x-null-encodable}}",
        ),
    ],
}


@dataclass
class TargetResult:
    target: str
    out: Path
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    failure: str = ""


@dataclass
class MobileResult:
    targets: list[TargetResult]
    null_encodable: list[str]  # "Schema.property" given x-null-encodable
    stale_patterns: list[str]  # allow-list patterns no run printed

    @property
    def failed(self) -> bool:
        return any(t.failure or t.unexpected for t in self.targets)


def generator() -> Path:
    """The openapi-generator-cli script next to this Python, else on PATH; CodegenError when it cannot run."""
    script = Path(sys.executable).parent / "openapi-generator-cli"
    found = str(script) if script.exists() else shutil.which("openapi-generator-cli")
    if found is None:
        raise CodegenError(
            f"openapi-generator-cli not found: install pyproject's `interop` extra "
            f"(`uv pip install -e '.[interop]'`, openapi-generator-cli=={JAR_VERSION}) and Java "
            "(default-jre-headless)"
        )
    if shutil.which("java") is None:
        raise CodegenError("openapi-generator needs Java: install default-jre-headless")
    return Path(found)


def jar() -> Path:
    spec = importlib.util.find_spec("openapi_generator_cli")
    if spec is None or spec.origin is None:
        raise CodegenError("the Python package openapi_generator_cli (its jar) is not installed")
    path = Path(spec.origin).parent / "openapi-generator.jar"
    if not path.exists():
        raise CodegenError(f"{path}: the openapi-generator jar is missing")
    return path


def allowed_warnings(allow_file: Path = ALLOW_FILE) -> list[re.Pattern[str]]:
    """The allow-file's patterns; each must follow a `# reason` comment (interop/generator-warnings.txt's
    format)."""
    patterns, reason = [], False
    for number, line in enumerate(allow_file.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            reason = reason or bool(line.strip("# "))
        elif line.strip():
            if not reason:
                raise CodegenError(f"{allow_file}:{number}: a pattern without a `# reason` comment above it")
            patterns.append(re.compile(line.strip()))
        else:
            reason = False
    return patterns


def mark_null_encodable(data: dict[str, Any]) -> list[str]:
    """Add `x-null-encodable: true` to each optional, nullable property of a schema a request body refers
    to (in place); the "Schema.property" names, sorted."""
    schemas = (data.get("components") or {}).get("schemas") or {}
    names: set[str] = set()
    for item in (data.get("paths") or {}).values():
        for operation in (item or {}).values():
            if not isinstance(operation, dict):
                continue
            content = (operation.get("requestBody") or {}).get("content") or {}
            for media, body in content.items():
                ref = ((body or {}).get("schema") or {}).get("$ref", "")
                if REQUEST_MEDIA.match(media) and ref.startswith("#/components/schemas/"):
                    names.add(ref.rsplit("/", 1)[1])
    marked = []
    for name in sorted(names):
        schema = schemas.get(name) or {}
        required = set(schema.get("required") or ())
        for prop, prop_schema in (schema.get("properties") or {}).items():
            if prop in required or not isinstance(prop_schema, dict):
                continue
            types = prop_schema.get("type")
            nullable = prop_schema.get("nullable") is True or (isinstance(types, list) and "null" in types)
            if nullable:
                prop_schema[NULL_ENCODABLE] = True
                marked.append(f"{name}.{prop}")
    return marked


def patched_templates(target: str, into: Path, jar_path: Path) -> Path:
    """The jar's templates `PATCHES[target]` names, patched, under `into` (a templateDir)."""
    shutil.rmtree(into, ignore_errors=True)
    with zipfile.ZipFile(jar_path) as archive:
        for name, old, new in PATCHES[target]:
            original = archive.read(name).decode("utf-8")
            if old is None:
                text = new.replace("{original}", original)
            else:
                if original.count(old) != 1:
                    raise CodegenError(
                        f"{jar_path.name}:{name}: the text codegen/mobile patches is not there exactly once "
                        f"(a jar other than {JAR_VERSION}?): {old!r}"
                    )
                text = original.replace(old, new)
            # templateDir mirrors the generator's template root (kotlin-client/, swift6/): strip it.
            path = into / name.split("/", 1)[1]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return into


def generate_mobile(
    targets: Iterable[str], spec: Path = paths.DEFAULT_SPEC, out: Path | None = None
) -> MobileResult:
    """Generate each target (in parallel) into OUT/<target>; the result says what the generator printed."""
    targets = [t for t in TARGETS if t in set(targets)]
    command_path, jar_path = generator(), jar()
    allowed = allowed_warnings()
    root = (out or DEFAULT_OUT).resolve()
    root.mkdir(parents=True, exist_ok=True)
    doc = load_document(spec)
    data = json.loads(json.dumps(doc.data))
    marked = mark_null_encodable(data)
    source = root / "openapi.mobile.json"
    source.write_text(
        json.dumps(data, indent=1, sort_keys=False, ensure_ascii=False) + "\n", encoding="utf-8"
    )

    running: dict[str, tuple[subprocess.Popen[bytes], TargetResult, float]] = {}
    for target in targets:
        result = TargetResult(target, root / target)
        shutil.rmtree(result.out, ignore_errors=True)
        templates = patched_templates(target, root / f"{target}.templates", jar_path)
        command = [
            command_path, "generate", "--config", CONFIGS[target], "--input-spec", source,
            "--output", result.out, "--template-dir", templates, "--global-property", GLOBAL_PROPERTIES,
        ]  # fmt: skip
        with (root / f"{target}.log").open("wb") as log:
            process = subprocess.Popen(
                [str(part) for part in command],
                cwd=root,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        running[target] = (process, result, time.perf_counter())

    results, printed = [], []
    deadline = time.monotonic() + TIMEOUT
    for target, (process, result, started) in running.items():
        try:
            code = process.wait(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            code = None
        result.seconds = time.perf_counter() - started
        output = (root / f"{target}.log").read_text(encoding="utf-8", errors="replace")
        lines = output.splitlines()
        printed += lines
        if code is None:
            result.failure = f"openapi-generator did not finish within {TIMEOUT}s"
        elif code != 0:
            result.failure = f"openapi-generator exited with {code}:\n{output[-4000:]}"
        result.warnings = [line for line in lines if WARNING_LINE.search(line)]
        result.unexpected = list(
            dict.fromkeys(w for w in result.warnings if not any(p.search(w) for p in allowed))
        )
        results.append(result)
    stale = (
        [p.pattern for p in allowed if not any(p.search(line) for line in printed)]
        if set(targets) == set(TARGETS)
        else []
    )
    return MobileResult(results, marked, stale)


def run_mobile(targets: Iterable[str], spec: Path, out: Path | None) -> int:
    """The command line's side: report, and the exit status (1: a generator failed or printed an unlisted
    warning)."""
    result = generate_mobile(targets, spec, out)
    allow = paths.display_path(ALLOW_FILE)
    for target in result.targets:
        where = paths.display_path(target.out)
        if target.failure:
            print(f"contract generate --target {target.target}: {target.failure}", file=sys.stderr)
            continue
        print(
            f"generated {target.target} into {where} in {target.seconds:.1f}s "
            f"({len(target.warnings)} generator warning(s), {len(target.unexpected)} not in {allow})",
            file=sys.stderr,
        )
        for line in target.unexpected:
            print(f"{allow}: not listed: {target.target}: {line}", file=sys.stderr)
    if result.null_encodable:
        print(f"null-encodable (explicit null apart from omitted): {', '.join(result.null_encodable)}",
              file=sys.stderr)  # fmt: skip
    for pattern in result.stale_patterns:
        print(f"{allow}: /{pattern}/ is no longer printed; remove it", file=sys.stderr)
    return 1 if result.failed else 0


__all__ = ["TARGETS", "MobileResult", "TargetResult", "generate_mobile", "mark_null_encodable", "run_mobile"]
