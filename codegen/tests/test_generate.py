"""`contract generate`: freshness of the repository's outputs, `--check`, determinism and headers."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from codegen.paths import DEFAULT_SPEC, PYTHON_SDK, REPO_ROOT, SERVER_MODELS, TYPESCRIPT_SDK
from codegen.tests.conftest import SPECS, run_contract

# One worker runs these in order: one test edits a generated file of the repository (and restores it).
pytestmark = pytest.mark.xdist_group("generate")

GENERATED = [
    SERVER_MODELS / "models.py",
    SERVER_MODELS / "__init__.py",
    PYTHON_SDK / "src" / "projectmgmt_client" / "models.py",
    PYTHON_SDK / "src" / "projectmgmt_client" / "_client.py",
    PYTHON_SDK / "src" / "projectmgmt_client" / "__init__.py",
    TYPESCRIPT_SDK / "src" / "generated" / "schema.ts",
    TYPESCRIPT_SDK / "src" / "generated" / "client.ts",
]


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "node_modules" not in path.parts
    }


def test_repository_outputs_are_up_to_date() -> None:
    result = run_contract("generate", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_files_carry_the_header() -> None:
    digest = hashlib.sha256(DEFAULT_SPEC.read_bytes()).hexdigest()
    for path in GENERATED:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        comment = "//" if path.suffix == ".ts" else "#"
        assert first == (
            f"{comment} generated from openapi/openapi.yaml (sha256 {digest}), do not edit; "
            "regenerate with `contract generate`"
        ), path


def test_server_and_sdk_get_identical_models() -> None:
    server = (SERVER_MODELS / "models.py").read_bytes()
    assert server == (PYTHON_SDK / "src" / "projectmgmt_client" / "models.py").read_bytes()


def test_output_is_deterministic(tmp_path: Path) -> None:
    outs = [tmp_path / "one", tmp_path / "two"]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda out: run_contract("generate", "--out", str(out)), outs))
    for result in results:
        assert result.returncode == 0, result.stderr
    first, second = (tree(out) for out in outs)
    assert first == second
    # ...and the same as the repository's own copies of the generated files.
    package = "python/src/project_management_client"
    assert first[f"{package}/models.py"] == (SERVER_MODELS / "models.py").read_bytes()
    assert (
        first["typescript/src/generated/schema.ts"]
        == (TYPESCRIPT_SDK / "src/generated/schema.ts").read_bytes()
    )


def test_check_names_hand_edited_and_missing_files(tmp_path: Path) -> None:
    spec = SPECS / "traps-31.yaml"
    out = tmp_path / "out"
    assert run_contract("generate", "--spec", str(spec), "--out", str(out)).returncode == 0
    clean = run_contract("generate", "--spec", str(spec), "--out", str(out), "--check")
    assert clean.returncode == 0, clean.stdout + clean.stderr

    client = out / "python" / "src" / "traps_3_1_client" / "_client.py"
    client.write_text(client.read_text(encoding="utf-8") + "\n# a hand edit\n", encoding="utf-8")
    schema = out / "typescript" / "src" / "generated" / "schema.ts"
    schema.unlink()
    stale = run_contract("generate", "--spec", str(spec), "--out", str(out), "--check")
    assert stale.returncode == 1
    named = {line.removeprefix("stale: ") for line in stale.stdout.splitlines()}
    assert {Path(p).name for p in named} == {"_client.py", "schema.ts"}
    assert "2 generated file(s) are out of date" in stale.stderr

    # Regenerating repairs exactly those files; scaffolding (pyproject, package.json...) is left alone.
    pyproject = out / "python" / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + "\n# edited by hand\n", encoding="utf-8")
    assert run_contract("generate", "--spec", str(spec), "--out", str(out)).returncode == 0
    assert run_contract("generate", "--spec", str(spec), "--out", str(out), "--check").returncode == 0
    assert pyproject.read_text(encoding="utf-8").endswith("# edited by hand\n")


def test_check_fails_on_a_hand_edited_repository_file(tmp_path: Path) -> None:
    """The repository's own layout: edit a generated file in a copy of the tree and `--check` names it."""
    target = PYTHON_SDK / "src" / "projectmgmt_client" / "_client.py"
    original = target.read_bytes()
    try:
        target.write_bytes(original.replace(b'"""Typed clients', b'"""Hand-edited typed clients', 1))
        result = run_contract("generate", "--check", "--only", "python-sdk")
        assert result.returncode == 1
        assert result.stdout.strip() == "stale: clients/python/src/projectmgmt_client/_client.py"
    finally:
        target.write_bytes(original)
    assert run_contract("generate", "--check", "--only", "python-sdk").returncode == 0


def test_generate_reports_bad_arguments_without_traceback(tmp_path: Path) -> None:
    missing = run_contract("generate", "--spec", str(tmp_path / "nope.yaml"), "--out", str(tmp_path))
    assert missing.returncode == 2
    assert "cannot read the document" in missing.stderr and "Traceback" not in missing.stderr
    unknown = run_contract("generate", "--only", "java")
    assert unknown.returncode == 2 and "unknown --only target" in unknown.stderr
    assert REPO_ROOT.joinpath("openapi", "openapi.yaml").exists()
