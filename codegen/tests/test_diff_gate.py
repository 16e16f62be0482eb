"""`make breaking` (python -m codegen.diff.gate) in throwaway repositories: what it picks, when it passes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from codegen.diff import RULES
from codegen.diff.examples import documents
from codegen.paths import REPO_ROOT

SPEC = "openapi/openapi.yaml"
BASE, BREAKING = documents(RULES["api-removed"].example)
COMPATIBLE = {
    **BASE,
    "paths": {
        **BASE["paths"],
        "/tags": {"get": {"operationId": "tags_list", "responses": {"200": {"description": "OK"}}}},
    },
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        [
            "git",
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "advice.detachedHead=false",
            *args,
        ],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def write(repo: Path, doc: dict[str, Any]) -> None:
    path = repo / SPEC
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(doc, sort_keys=False))


def commit(repo: Path, doc: dict[str, Any], message: str) -> None:
    write(repo, doc)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def gate(repo: Path, base: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "BREAKING_BASE"}
    env["PYTHONPATH"] = str(REPO_ROOT)
    if base is not None:
        env["BREAKING_BASE"] = base
    return subprocess.run(
        [sys.executable, "-m", "codegen.diff.gate", "--spec", SPEC],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def new_repo(path: Path) -> Path:
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    return path


def test_a_branch_is_compared_with_its_merge_base_with_main(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    commit(repo, BASE, "base")
    base_sha = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "feature")
    commit(repo, COMPATIBLE, "compatible")
    ok = gate(repo)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert f"against {base_sha[:12]}, merge-base of HEAD and main" in ok.stdout
    assert "api-added" in ok.stdout
    write(repo, BREAKING)  # uncommitted: the working copy is what is checked
    broken = gate(repo)
    assert broken.returncode == 1
    assert "error   api-removed: items_clear" in broken.stdout


def test_on_main_without_a_tag_the_parent_commit_is_the_base(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    commit(repo, BASE, "base")
    commit(repo, BREAKING, "breaking")
    result = gate(repo)
    assert result.returncode == 1
    assert "HEAD~1 (on main, no tag)" in result.stdout


def test_on_main_the_last_tag_is_the_base_and_a_major_bump_allows_breaking(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    commit(repo, BASE, "base")
    git(repo, "tag", "v1.0.0")
    commit(repo, COMPATIBLE, "compatible")
    commit(repo, BREAKING, "breaking")  # HEAD~1 is compatible with HEAD's parent, the tag is what counts
    result = gate(repo)
    assert result.returncode == 1 and "the last tag, v1.0.0" in result.stdout
    bumped = {**BREAKING, "info": {**BREAKING["info"], "version": "2.0.0"}}
    write(repo, bumped)
    allowed = gate(repo)
    assert allowed.returncode == 0 and "major version" in allowed.stderr


def test_breaking_base_overrides_and_a_missing_ref_is_an_error(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    commit(repo, BREAKING, "first")
    git(repo, "tag", "old")
    commit(repo, BASE, "second")
    commit(repo, COMPATIBLE, "third")
    assert gate(repo, "old").returncode == 0  # BASE only adds to "old"
    assert gate(repo, "HEAD~1").returncode == 0
    missing = gate(repo, "no-such-ref")
    assert missing.returncode == 2 and "no such commit or tag" in missing.stderr


def test_nothing_to_compare_with_passes_and_says_why(tmp_path: Path) -> None:
    single = new_repo(tmp_path / "single")
    commit(single, BREAKING, "only commit")
    result = gate(single)
    assert result.returncode == 0 and "skipped" in result.stdout and "no parent" in result.stdout

    empty = new_repo(tmp_path / "empty")
    write(empty, BASE)
    assert "no commits yet" in gate(empty).stdout

    added = new_repo(tmp_path / "added")
    (added / "README").write_text("x")
    git(added, "add", "-A")
    git(added, "commit", "-q", "-m", "no contract yet")
    commit(added, BASE, "contract")
    result = gate(added)
    assert result.returncode == 0 and "does not exist at" in result.stdout

    plain = tmp_path / "plain"
    plain.mkdir()
    write(plain, BASE)
    assert "not a git repository" in gate(plain).stdout


def test_a_shallow_clone_does_not_fail_spuriously(tmp_path: Path) -> None:
    origin = new_repo(tmp_path / "origin")
    commit(origin, BASE, "base")
    commit(origin, BREAKING, "breaking")
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(tmp_path / "clone")], check=True
    )
    result = gate(tmp_path / "clone")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "skipped" in result.stdout
    # a shallow branch clone whose merge-base with main is not fetched
    git(origin, "checkout", "-q", "-b", "feature")
    commit(origin, COMPATIBLE, "feature work")
    subprocess.run(
        [
            "git",
            "clone",
            "-q",
            "--depth",
            "1",
            "--no-single-branch",
            f"file://{origin}",
            str(tmp_path / "branch"),
        ],
        check=True,
    )
    clone = tmp_path / "branch"
    git(clone, "checkout", "-q", "feature")
    result = gate(clone)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "skipped" in result.stdout or "merge-base" in result.stdout
