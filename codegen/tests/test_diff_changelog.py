"""`contract changelog`: every change, breaking or not, grouped by operation (text, markdown, JSON), from
files, git revisions, or since the last release."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.diff import diff_documents
from codegen.diff.changelog import group
from codegen.diff.examples import template
from codegen.tests.conftest import run_contract

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]


def _pair() -> tuple[dict[str, Any], dict[str, Any]]:
    """Changes in two operations, a webhook and the whole API, at every level."""
    base = template()
    revision = copy.deepcopy(base)
    items = revision["paths"]["/items"]
    items["get"]["parameters"] = [{"name": "team", "in": "query", "schema": {"type": "string"}}]  # info
    items["get"]["operationId"] = "list_items"  # warning
    items["post"]["requestBody"]["content"]["application/json"]["schema"] = {
        "type": "object",
        "required": ["name"],
        "properties": {"name": {"type": "string"}},
    }  # error: a required property
    revision["servers"] = [{"url": "https://eu.api.example.com/v1"}]  # info, whole API
    revision["webhooks"]["itemCreated"]["post"]["parameters"] = [
        {"name": "X-Signature", "in": "header", "schema": {"type": "string"}}
    ]  # info
    return base, revision


def _write(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    return path


def test_changes_are_grouped_by_operation_in_a_stable_order() -> None:
    groups = group(diff_documents(*_pair()))
    assert [(g.endpoint, g.title) for g in groups] == [
        ("", "Whole API"),
        ("GET /items", "GET /items (list_items)"),
        ("POST /items", "POST /items (items_create)"),
        ("webhook itemCreated POST", "webhook itemCreated POST (item_created)"),
    ]
    get = groups[1]
    assert [c.id for c in get.changes] == ["api-operation-id-changed", "new-optional-request-parameter"]
    assert [c.id for c in groups[2].changes] == ["new-required-request-property"]


def test_markdown_lists_every_change_with_its_verdict(tmp_path: Path) -> None:
    base, revision = _pair()
    b, r = _write(tmp_path / "base.yaml", base), _write(tmp_path / "rev.yaml", revision)
    result = run_contract("changelog", str(b), str(r), "--format", "markdown")
    assert result.returncode == 0, result.stderr  # a changelog reports; it does not judge
    text = result.stdout
    assert text.startswith("# API changes: ")
    assert "1 breaking (error), 1 possibly breaking (warning), 3 compatible (info)." in text
    assert (
        "## POST /items (items_create)\n\n"
        "- **breaking** (`new-required-request-property`): required property name added" in text
    )
    assert (
        "- **possibly breaking** (`api-operation-id-changed`): "
        "operationId changed from items_list to list_items" in text
    )
    assert (
        "## Whole API\n\n- **compatible** (`server-added`): server https://eu.api.example.com/v1 added"
        in text
    )
    assert "## webhook itemCreated POST (item_created)\n\n- **compatible** (`webhook-header-added`)" in text


def test_text_and_json(tmp_path: Path) -> None:
    base, revision = _pair()
    b, r = _write(tmp_path / "base.yaml", base), _write(tmp_path / "rev.yaml", revision)
    text = run_contract("changelog", str(b), str(r))
    assert text.returncode == 0
    assert "GET /items (list_items)\n  warning api-operation-id-changed: operationId changed" in text.stdout
    data = json.loads(run_contract("changelog", str(b), str(r), "--format", "json").stdout)
    assert data["summary"] == {"error": 1, "warning": 1, "info": 3}
    assert [g["endpoint"] for g in data["groups"]] == [
        "",
        "GET /items",
        "POST /items",
        "webhook itemCreated POST",
    ]
    change = data["groups"][2]["changes"][0]
    assert set(change) == {"id", "level", "operation", "pointer", "message"}
    assert change["level"] == "error" and change["operation"] == "items_create"
    same = json.loads(run_contract("changelog", str(b), str(b), "--format", "json").stdout)
    assert same["groups"] == [] and same["summary"] == {"error": 0, "warning": 0, "info": 0}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["only-one.yaml"], "expected BASE and REVISION"),
        (["missing.yaml", "missing.yaml"], "cannot read the document"),
        (["git:nocolon", "x.yaml"], "git:REF:PATH"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_contract("changelog", *args, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "openapi").mkdir(parents=True)
    subprocess.run([*GIT, "init", "-q", "-b", "main"], cwd=repo, check=True)
    return repo


def _commit(repo: Path, doc: dict[str, Any], message: str) -> None:
    _write(repo / "openapi" / "openapi.yaml", doc)
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", message], cwd=repo, check=True)


def test_git_revisions_and_since_the_last_release(tmp_path: Path) -> None:
    _, revision = _pair()
    repo = _repo(tmp_path)
    _commit(repo, template(), "first")
    first_only = copy.deepcopy(template())
    first_only["paths"]["/items"]["get"]["deprecated"] = True
    _commit(repo, first_only, "before any release")
    # no tag yet: everything since the contract's first commit, and it says so
    untagged = run_contract("changelog", "--since-last-release", "--spec", "openapi/openapi.yaml", cwd=repo)
    assert untagged.returncode == 0, untagged.stderr
    assert "since the contract's first commit" in untagged.stdout and "no release tag yet" in untagged.stdout
    assert "api-deprecated" in untagged.stdout
    subprocess.run([*GIT, "tag", "v1.0.0"], cwd=repo, check=True)
    _write(repo / "openapi" / "openapi.yaml", revision)  # the working copy, uncommitted
    tagged = run_contract(
        "changelog",
        "--since-last-release",
        "--spec",
        "openapi/openapi.yaml",
        "--format",
        "markdown",
        cwd=repo,
    )
    assert tagged.returncode == 0, tagged.stderr
    assert tagged.stdout.startswith("# API changes since v1.0.0")
    assert "new-required-request-property" in tagged.stdout
    committed = run_contract(
        "changelog",
        "git:HEAD~1:openapi/openapi.yaml",
        "git:HEAD:openapi/openapi.yaml",
        "--format",
        "json",
        cwd=repo,
    )
    assert [c["id"] for g in json.loads(committed.stdout)["groups"] for c in g["changes"]] == [
        "api-deprecated"
    ]


def test_since_the_last_release_outside_a_repository_fails_clearly(tmp_path: Path) -> None:
    _write(tmp_path / "openapi.yaml", template())
    result = run_contract("changelog", "--since-last-release", "--spec", "openapi.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "not a git repository" in result.stderr
