"""The server bound to a multi-file contract: our own contract split into files (codegen/tests/multifile.py,
generated at test time) loads into the same operations, both validation engines answer a representative
request set exactly as on the single file, and the published documents are the bundled form."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.test import override_settings

from codegen.bundle import dump_yaml
from codegen.tests.multifile import split_contract
from server.common.testing import ProjectWorld, client_for
from server.contract.spec import ContractError, load_contract

SINGLE = Path(__file__).resolve().parents[3] / "openapi" / "openapi.yaml"
ENGINES = [
    "server.contract.validation.compiled_engine.CompiledEngine",
    "server.contract.validation.openapi_core_engine.OpenAPICoreEngine",
]


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return split_contract(SINGLE, tmp_path_factory.mktemp("multifile"))


def test_the_multi_file_contract_loads_into_the_same_operations(split: Path) -> None:
    single, multi = load_contract(SINGLE), load_contract(split)
    assert multi.multi_file and len(multi.files) > 50 and multi.files[0] == split
    assert not single.multi_file and single.files == (SINGLE,)
    assert multi.document == single.document
    assert multi.operations == single.operations
    assert multi.base_path == single.base_path


def _requests(world: ProjectWorld) -> list[tuple[str, str, str, Any]]:
    """(who, method, path, body): reads, and writes the contract refuses (they change nothing)."""
    project, missing = world.project.id, world.project.id + 1000
    return [
        ("owner", "GET", "/users/me", None),
        ("owner", "GET", "/projects", None),
        ("owner", "GET", f"/projects/{project}", None),
        ("owner", "GET", f"/projects/{project}/members", None),
        ("owner", "GET", f"/projects/{project}/tasks?ordering=-created_at&page_size=2", None),
        ("owner", "GET", f"/projects/{project}/tasks?page_size=0", None),
        ("owner", "GET", f"/projects/{project}/tasks?ordering=password", None),
        ("owner", "GET", f"/projects/{missing}", None),
        ("outsider", "GET", f"/projects/{project}", None),
        ("anon", "GET", "/projects", None),
        ("owner", "POST", "/projects", {"name": 5}),
        ("owner", "POST", "/projects", {"description": "x"}),
        ("owner", "POST", "/projects", {"name": "A", "role": "owner"}),
        ("owner", "POST", f"/projects/{project}/tasks", {"title": ""}),
        ("viewer", "DELETE", f"/projects/{project}", None),
        ("owner", "GET", "/health/live", None),
    ]


def _answers(world: ProjectWorld) -> list[tuple[int, str, Any]]:
    answers = []
    for who, method, path, body in _requests(world):
        client = client_for(None) if who == "anon" else world.client(who)
        response = client.send(method, path, body)
        content = response.json() if response.content else None
        answers.append((response.status_code, response["Content-Type"], content))
    return answers


@pytest.mark.django_db
@pytest.mark.parametrize("engine", ENGINES, ids=["compiled", "openapi-core"])
def test_both_engines_answer_the_same_on_the_multi_file_contract(
    engine: str, split: Path, world: ProjectWorld
) -> None:
    answers = {}
    for name, spec in (("single", SINGLE), ("multi", split)):
        with override_settings(
            CONTRACT_SPEC_PATH=spec, CONTRACT_VALIDATION_ENGINE=engine, CONTRACT_RESPONSE_VALIDATION="strict"
        ):
            answers[name] = _answers(world)
    assert answers["multi"] == answers["single"]
    statuses = [status for status, _type, _body in answers["multi"]]
    assert 200 in statuses and 400 in statuses and 401 in statuses and 500 not in statuses
    # a successful write, validated both ways on the multi-file contract (strict response validation)
    with override_settings(CONTRACT_SPEC_PATH=split, CONTRACT_VALIDATION_ENGINE=engine):
        created = world.client("owner").send("POST", "/projects", {"name": "Split", "description": "files"})
        assert created.status_code == 201, created.content
        task = world.client("owner").send("POST", f"/projects/{world.project.id}/tasks", {"title": "One"})
        assert task.status_code == 201, task.content


@pytest.mark.django_db
def test_the_published_documents_are_the_bundled_form(split: Path) -> None:
    anon = client_for(None)
    with override_settings(CONTRACT_SPEC_PATH=split):
        as_json = anon.get("/api/v1/openapi.json")
        as_yaml = anon.get("/api/v1/openapi.yaml")
    bundled = load_contract(split).document
    assert as_json.status_code == 200 and json.loads(as_json.content) == bundled
    assert as_yaml.status_code == 200 and as_yaml["Content-Type"] == "application/yaml; charset=utf-8"
    assert as_yaml.content.decode() == dump_yaml(bundled)
    assert yaml.safe_load(as_yaml.content) == bundled
    assert not re.search(r"\$ref: '?\.", as_yaml.content.decode())  # every ref local
    # the single-file contract is still published byte for byte
    assert anon.get("/api/v1/openapi.yaml").content == SINGLE.read_bytes()
    assert json.loads(anon.get("/api/v1/openapi.json").content) == bundled


def test_a_broken_multi_file_contract_is_a_contract_error_naming_file_and_line(tmp_path: Path) -> None:
    root = tmp_path / "openapi.yaml"
    root.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: './paths/a.yaml'\n"
    )
    with pytest.raises(
        ContractError, match=r"openapi\.yaml:5: ref-missing-file: .*no such file paths/a\.yaml"
    ):
        load_contract(root)
