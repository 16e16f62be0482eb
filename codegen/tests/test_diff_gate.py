"""`make breaking` (python -m codegen.diff.gate) in throwaway repositories: what it compares with, and that it
never passes without comparing (shallow clones, branches without `main`, CI)."""

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
RELEASED = "openapi/released/openapi.yaml"
BASE, BREAKING = documents(RULES["api-removed"].example)
COMPATIBLE = {
    **BASE,
    "paths": {
        **BASE["paths"],
        "/tags": {"get": {"operationId": "tags_list", "responses": {"200": {"description": "OK"}}}},
    },
}
COMPATIBLE_BREAKING = {**BREAKING, "paths": {**BREAKING["paths"], "/tags": COMPATIBLE["paths"]["/tags"]}}


GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "advice.detachedHead=false"]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        [*GIT, *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def write(repo: Path, doc: dict[str, Any], path: str = SPEC) -> None:
    file = repo / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(yaml.safe_dump(doc, sort_keys=False))


def commit(repo: Path, doc: dict[str, Any], message: str) -> None:
    write(repo, doc)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def gate(
    repo: Path, base: str | None = None, ci: bool = False, *extra: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("BREAKING_BASE", "CI")}
    env["PYTHONPATH"] = str(REPO_ROOT)
    if base is not None:
        env["BREAKING_BASE"] = base
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "codegen.diff.gate", "--spec", SPEC, *extra],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def new_repo(path: Path, branch: str = "main") -> Path:
    path.mkdir()
    git(path, "init", "-q", "-b", branch)
    return path


def shallow_clone(origin: Path, target: Path, *args: str) -> Path:
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", *args, f"file://{origin}", str(target)],
        check=True,
        capture_output=True,
    )
    return target


def released_history(repo: Path) -> None:
    """A release, then a breaking change, then two compatible-looking commits on top of it."""
    write(repo, BASE, RELEASED)
    commit(repo, BASE, "release 1.0")
    commit(repo, BREAKING, "breaking, two commits before HEAD")
    commit(repo, COMPATIBLE_BREAKING, "compatible with its parent")


# -- the released contract -------------------------------------------------------------------------------


def test_a_breaking_change_two_commits_ago_is_caught_against_the_release(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    released_history(repo)
    result = gate(repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "the released contract" in result.stdout
    assert "error   api-removed: items_clear" in result.stdout
    # HEAD~1 alone would have let it through: that is what the gate compared with before
    assert gate(repo, "HEAD~1").returncode == 0


def test_a_depth_1_clone_in_ci_compares_with_the_release(tmp_path: Path) -> None:
    origin = new_repo(tmp_path / "origin")
    released_history(origin)
    clone = shallow_clone(origin, tmp_path / "clone")
    assert git(clone, "rev-parse", "--is-shallow-repository") == "true"
    result = gate(clone, ci=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "error   api-removed" in result.stdout


def test_a_branch_without_main_compares_with_the_release(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo", branch="trunk")
    released_history(repo)
    git(repo, "checkout", "-q", "-b", "feature")
    commit(repo, COMPATIBLE_BREAKING | {"info": {**BASE["info"], "description": "x"}}, "feature work")
    result = gate(repo, ci=True)
    assert result.returncode == 1 and "error   api-removed" in result.stdout, result.stdout + result.stderr


def test_a_major_bump_allows_breaking_changes_against_the_release(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    released_history(repo)
    write(repo, {**BREAKING, "info": {**BREAKING["info"], "version": "2.0.0"}})
    allowed = gate(repo)
    assert allowed.returncode == 0 and "major version" in allowed.stderr


def test_release_records_the_working_copy(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    released_history(repo)
    assert gate(repo, None, False, "--release").returncode == 0
    assert yaml.safe_load((repo / RELEASED).read_text()) == COMPATIBLE_BREAKING
    assert gate(repo, ci=True).returncode == 0


# -- no release recorded: tags, then (outside CI only) history ------------------------------------------


def test_without_a_release_a_tag_is_the_base(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    commit(repo, BASE, "base")
    git(repo, "tag", "v1.0.0")
    commit(repo, BREAKING, "breaking")
    commit(repo, COMPATIBLE_BREAKING, "compatible with its parent")
    result = gate(repo, ci=True)
    assert result.returncode == 1 and "the last tag, v1.0.0" in result.stdout, result.stdout + result.stderr


def test_outside_ci_a_branch_falls_back_to_its_merge_base_with_main(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    commit(repo, BASE, "base")
    base_sha = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "feature")
    commit(repo, COMPATIBLE, "compatible")
    ok = gate(repo)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert f"git:{base_sha}:{SPEC}, merge-base of HEAD and main" in ok.stdout
    write(repo, BREAKING)  # uncommitted: the working copy is what is checked
    broken = gate(repo)
    assert broken.returncode == 1 and "error   api-removed: items_clear" in broken.stdout


def test_in_ci_history_is_not_a_release_and_the_gate_fails_loudly(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    commit(repo, BASE, "base")
    commit(repo, COMPATIBLE, "compatible")
    local = gate(repo)
    assert local.returncode == 0 and "HEAD~1 (no release recorded)" in local.stdout
    result = gate(repo, ci=True)
    assert result.returncode == 2
    assert "no released contract to compare with" in result.stderr
    assert "make release-contract" in result.stderr


def test_a_shallow_clone_without_a_release_fails_instead_of_skipping(tmp_path: Path) -> None:
    origin = new_repo(tmp_path / "origin")
    commit(origin, BASE, "base")
    commit(origin, BREAKING, "breaking")
    clone = shallow_clone(origin, tmp_path / "clone")
    for ci in (False, True):
        result = gate(clone, ci=ci)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "no released contract to compare with" in result.stderr
    assert "shallow" in gate(clone, ci=True).stderr


def test_breaking_base_overrides_and_a_missing_ref_is_an_error(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    commit(repo, BREAKING, "first")
    git(repo, "tag", "old")
    commit(repo, BASE, "second")
    commit(repo, COMPATIBLE, "third")
    write(repo, BREAKING, RELEASED)  # the override wins over the released contract
    assert gate(repo, "old").returncode == 0  # BASE only adds to "old"
    assert gate(repo, "HEAD~1").returncode == 0
    missing = gate(repo, "no-such-ref")
    assert missing.returncode == 2 and "no such commit or tag" in missing.stderr


def test_nothing_to_compare_with_fails_and_says_why(tmp_path: Path) -> None:
    single = new_repo(tmp_path / "single")
    commit(single, BREAKING, "only commit")
    result = gate(single)
    assert result.returncode == 2 and "no parent" in result.stderr

    empty = new_repo(tmp_path / "empty")
    write(empty, BASE)
    assert "no commits yet" in gate(empty).stderr

    added = new_repo(tmp_path / "added")
    (added / "README").write_text("x")
    git(added, "add", "-A")
    git(added, "commit", "-q", "-m", "no contract yet")
    commit(added, BASE, "contract")
    result = gate(added)
    assert result.returncode == 2 and "does not exist at" in result.stderr

    plain = tmp_path / "plain"
    plain.mkdir()
    write(plain, BASE)
    result = gate(plain)
    assert result.returncode == 2 and "not a git repository" in result.stderr
    assert "Traceback" not in result.stderr


def test_this_repository_keeps_its_released_contract() -> None:
    released = REPO_ROOT / RELEASED
    assert released.is_file(), "make release-contract records it; the CI gate compares with it"
    assert yaml.safe_load(released.read_text())["openapi"].startswith("3.")
