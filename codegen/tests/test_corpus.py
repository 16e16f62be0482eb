"""Lint and generate over real documents (../shared/specs-corpus) and our trap documents (specs/).

Every document must lint without crashing and generate models and SDKs that import and type-check (mypy
--strict for Python, tsc --strict for TypeScript); where a document is invalid, generation says so in
`file:line: rule: message` notes and still produces what is sound. The whole module shares one run (it is one
xdist group): documents are generated two at a time, then type-checked in one mypy and one tsc invocation.

Outputs live in `var/codegen-corpus/<document>/` (git-ignored) and are reused while nothing that shapes them
changed (the document, codegen's sources and templates, the runtimes, the tool versions); mypy and tsc keep
their own incremental caches there. The type checks and the import always run.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from codegen.paths import NODE_MODULES, PYTHON_RUNTIME, REPO_ROOT, TYPESCRIPT_RUNTIME
from codegen.tests.conftest import CORPUS, SPECS, run_contract

pytestmark = pytest.mark.xdist_group("corpus")

DOCUMENTS = sorted(
    [*CORPUS.glob("*.json"), *CORPUS.glob("*.yaml"), *SPECS.glob("*.yaml"), *SPECS.glob("*.json")]
)
FINDING_LINE = re.compile(r"^[^\s:][^:]*:\d+: [a-z0-9-]+: .+$")

# What needed special handling, and the note that says so.
EXPECTED_NOTES = {
    "kubernetes-apps-v1": ["generate-default: warning: default '' is not one of the enum values"],
    "spotify": ["generate-discriminator: warning: schema names contradict the 'type' enums"],
    "oai-callback-example": ["generate-operation-id: warning: POST /streams has no operationId"],
    "traps-31": ["generate-typescript-ref: info: $ref '#/components/responses/PetResponse/content"],
    "surrogates-30": ["lone-surrogate: warning"],
    "discriminator-alias-31": [
        "generate-discriminator: warning: union members that only alias another schema are replaced by it"
    ],
    "schema-keywords-30": ["generate-schema: warning: `required: true` on a property (Swagger 2 style)"],
}


CACHE = REPO_ROOT / "var" / "codegen-corpus"


@dataclass
class Run:
    name: str
    spec: Path
    out: Path
    lint: subprocess.CompletedProcess[str]
    generate: subprocess.CompletedProcess[str]
    seconds: float
    cached: bool = False

    @property
    def package_dir(self) -> Path:
        (package,) = (self.out / "python" / "src").iterdir()
        return package


def tool_key() -> str:
    """Everything besides the document that shapes lint and generate output."""
    digest = hashlib.sha256()
    codegen = REPO_ROOT / "codegen"
    sources = [p for p in codegen.rglob("*") if p.suffix in (".py", ".j2") and "tests" not in p.parts]
    for path in sorted(
        [*sources, PYTHON_RUNTIME, TYPESCRIPT_RUNTIME, NODE_MODULES.parent / "package-lock.json"]
    ):
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    for dist in ("datamodel-code-generator", "pydantic", "openapi-spec-validator", "jsonschema", "PyYAML"):
        digest.update(f"{dist}={importlib.metadata.version(dist)}".encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def _completed(data: dict[str, object]) -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess(
        [], int(str(data["returncode"])), stdout=str(data["stdout"]), stderr=str(data["stderr"])
    )


@pytest.fixture(scope="module")
def corpus() -> dict[str, Run]:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside the repository ({CORPUS})")
    CACHE.mkdir(parents=True, exist_ok=True)
    tools = tool_key()

    def one(spec: Path) -> Run:
        name = spec.stem
        out = CACHE / name
        stamp = CACHE / ".stamps" / f"{name}.json"
        key = hashlib.sha256(tools.encode() + spec.read_bytes()).hexdigest()
        if stamp.exists() and out.is_dir():
            saved = json.loads(stamp.read_text(encoding="utf-8"))
            if saved.get("key") == key:
                return Run(
                    name,
                    spec,
                    out,
                    _completed(saved["lint"]),
                    _completed(saved["generate"]),
                    0.0,
                    cached=True,
                )
        shutil.rmtree(out, ignore_errors=True)
        started = time.perf_counter()
        lint = run_contract("lint", "--spec", str(spec))
        generate = run_contract("generate", "--spec", str(spec), "--out", str(out))
        seconds = time.perf_counter() - started
        record = {
            "key": key,
            "seconds": round(seconds, 1),
            **{
                step: {"returncode": r.returncode, "stdout": r.stdout, "stderr": r.stderr}
                for step, r in (("lint", lint), ("generate", generate))
            },
        }
        stamp.parent.mkdir(exist_ok=True)
        stamp.write_text(json.dumps(record), encoding="utf-8")
        return Run(name, spec, out, lint, generate, seconds)

    # Two pytest processes can reach this fixture at once (xdist, or make test beside make test-postgres):
    # one generates, the other waits and then reads the cache, instead of deleting what the first is writing.
    with (CACHE / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with ThreadPoolExecutor(max_workers=2) as pool:
            return {run.name: run for run in pool.map(one, DOCUMENTS)}


def test_the_corpus_is_there() -> None:
    assert CORPUS.is_dir(), f"expected the shared corpus at {CORPUS}"
    assert len([d for d in DOCUMENTS if d.parent == CORPUS]) >= 10


@pytest.mark.parametrize("spec", DOCUMENTS, ids=lambda p: p.stem)
def test_lint_reports_without_crashing(corpus: dict[str, Run], spec: Path) -> None:
    run = corpus[spec.stem]
    assert run.lint.returncode in (0, 1), run.lint.stderr
    assert "Traceback" not in run.lint.stderr + run.lint.stdout
    for line in run.lint.stdout.splitlines():
        assert FINDING_LINE.match(line), line
    assert re.search(r"\d+ error\(s\), \d+ warning\(s\)", run.lint.stderr)


@pytest.mark.parametrize("spec", DOCUMENTS, ids=lambda p: p.stem)
def test_generate_writes_models_and_sdks(corpus: dict[str, Run], spec: Path) -> None:
    run = corpus[spec.stem]
    assert run.generate.returncode == 0, run.generate.stderr
    assert "Traceback" not in run.generate.stderr
    for line in run.generate.stderr.splitlines()[:-1]:
        assert FINDING_LINE.match(line), line
    package = run.package_dir
    generated = [
        package / "models.py",
        package / "_client.py",
        package / "__init__.py",
        run.out / "typescript" / "src" / "generated" / "schema.ts",
        run.out / "typescript" / "src" / "generated" / "client.ts",
    ]
    for path in generated:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert re.match(r"^(#|//) generated from .+ \(sha256 [0-9a-f]{64}\), do not edit", first), (
            path,
            first,
        )
    for note in EXPECTED_NOTES.get(spec.stem, []):
        assert note in run.generate.stderr


def test_invalid_documents_are_reported_by_lint(corpus: dict[str, Run]) -> None:
    kubernetes = corpus["kubernetes-apps-v1"].lint.stdout
    assert "structure: default value does not match its schema: '' is not one of" in kubernetes
    assert corpus["oai-webhook-example-31"].lint.returncode == 0


def test_python_sdks_import(corpus: dict[str, Run]) -> None:
    packages = {run.package_dir.name: run.package_dir.parent for run in corpus.values()}
    script = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    module = importlib.import_module(name)\n"
        "    client_cls = next(getattr(module, n) for n in module.__all__ if n.endswith('Client') "
        "and not n.startswith('Async'))\n"
        "    client = client_cls('http://127.0.0.1:9')\n"
        "    client.close()\n"
        "print('ok')\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in packages.values())}
    result = subprocess.run(
        [sys.executable, "-c", script, *packages],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_python_sdks_type_check(corpus: dict[str, Run]) -> None:
    packages = {run.package_dir.name: run.package_dir.parent for run in corpus.values()}
    args = [sys.executable, "-m", "mypy", "--strict", "--python-version", "3.11"]
    args += ["--cache-dir", str(CACHE / ".mypy_cache"), "--config-file", os.devnull]
    for name in packages:
        args += ["-p", name]
    env = {**os.environ, "MYPYPATH": os.pathsep.join(str(p) for p in packages.values())}
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-5000:]


def test_typescript_sdks_type_check(corpus: dict[str, Run]) -> None:
    root = CACHE
    link = root / "node_modules"
    if not link.exists():
        link.symlink_to(NODE_MODULES, target_is_directory=True)
    config = {
        "extends": str(next(iter(corpus.values())).out / "typescript" / "tsconfig.json"),
        "compilerOptions": {
            "noEmit": True,
            "rootDir": str(root),
            "strict": True,
            "incremental": True,
            "tsBuildInfoFile": str(root / ".tsbuildinfo"),
        },
        "include": [f"{run.name}/typescript/src" for run in corpus.values()],
    }
    (root / "tsconfig.json").write_text(json.dumps(config))
    tsc = NODE_MODULES / "typescript" / "bin" / "tsc"
    result = subprocess.run(
        ["node", str(tsc), "-p", str(root / "tsconfig.json")],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-5000:]


def test_traps_python(corpus: dict[str, Run]) -> None:
    run = corpus["traps-31"]
    sys.path.insert(0, str(run.package_dir.parent))
    try:
        sdk = importlib.import_module(run.package_dir.name)
    finally:
        sys.path.remove(str(run.package_dir.parent))
    models = sdk.models
    # Dotted schema names become one flat module of classes.
    pet = models.ComExamplePet(id=1, name="Rex", owner=None)
    assert models.ComExampleV1Pet(name="Rex").name == "Rex"
    # Enum values that collapse to one identifier still get distinct members.
    kind = models.ComExampleKind
    assert sorted(m.value for m in kind) == sorted(["a-b", "a_b", "A B", "+1", "-1", "1", "", "class"])
    assert len({m.name for m in kind}) == 8
    # Nullable through anyOf with null.
    assert pet.owner is None
    assert (
        models.ComExamplePet.model_validate({"id": 1, "name": "x", "owner": {"name": "Ada"}}).owner.name
        == "Ada"
    )
    # The $ref into another component's content is typed with the model it reaches.
    source = (run.package_dir / "_client.py").read_text(encoding="utf-8")
    assert "-> models.ComExamplePet:" in source  # createPet: a ref into components.responses...content
    assert "-> models.Address:" in source  # getOwnerAddress: a ref into Owner's properties
    # Pagination is recognised from the page shape (items + next link).
    assert "def list_pets_iter(" in source


def test_surrogates_python(corpus: dict[str, Run]) -> None:
    run = corpus["surrogates-30"]
    sys.path.insert(0, str(run.package_dir.parent))
    try:
        sdk = importlib.import_module(run.package_dir.name)
    finally:
        sys.path.remove(str(run.package_dir.parent))
    assert {m.value for m in sdk.models.Mood} == {"\U0001f600", "\U0001f622"}
    assert "\U0001f44b" in (run.package_dir / "_client.py").read_text(encoding="utf-8")


def test_operation_level_servers(corpus: dict[str, Run]) -> None:
    """github uploads release assets to `{origin}` (https://uploads.github.com), not api.github.com."""
    run = corpus["github"]
    source = (run.package_dir / "_client.py").read_text(encoding="utf-8")
    assert source.count('server="https://uploads.github.com",') == 1
    client_ts = (run.out / "typescript" / "src" / "generated" / "client.ts").read_text(encoding="utf-8")
    assert client_ts.count('    server: "https://uploads.github.com",') == 1
    servers = corpus["servers-31"]
    source = (servers.package_dir / "_client.py").read_text(encoding="utf-8")
    assert source.count('server="/",') == 2 and 'server="https://eu.probes.test/p/",' in source
