"""Multi-file contracts: our own contract split into files (`codegen/tests/multifile.py`, generated at test
time from openapi/openapi.yaml so it cannot drift) gives every tool the same result as the single file;
bundling keeps refs local with stable names; broken layouts are one `file:line` error, never a traceback."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate as validate_spec
from werkzeug.test import Client

from codegen.bundle import dump_yaml
from codegen.diff.source import load_spec
from codegen.docs_preview.server import DocsApp
from codegen.document import load_document
from codegen.findings import CodegenError
from codegen.lint import lint_document
from codegen.mock.server import MockApp
from codegen.paths import DEFAULT_SPEC
from codegen.tests.conftest import run_contract
from codegen.tests.multifile import split_contract, split_files


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return split_contract(DEFAULT_SPEC, tmp_path_factory.mktemp("multifile"))


@pytest.fixture(scope="module")
def single() -> Any:
    return load_document(DEFAULT_SPEC)


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "openapi.yaml"


# -- the fixture is our contract ---------------------------------------------------------------------------


def test_the_split_is_really_split_and_bundles_back_to_the_contract(split: Path, single: Any) -> None:
    files = split_files(split.parent)
    assert len(files) > 50 and "paths/projects.yaml" in files and "components/responses.yaml" in files
    root = yaml.safe_load(split.read_text())
    assert root["paths"]["/projects"] == {"$ref": "./paths/projects.yaml"}
    assert root["components"]["schemas"]["Task"] == {"$ref": "./components/schemas/Task.yaml"}
    text = "\n".join((split.parent / f).read_text() for f in files)
    for style in ("../components/schemas/", "../components/responses.yaml#/", "../openapi.yaml#/components/"):
        assert style in text, style
    bundled = load_document(split)
    assert bundled.multi_file and len(bundled.files) == len(files)
    # the sync check: equal data, and equal key order (json.dumps keeps it)
    assert bundled.data == single.data
    assert json.dumps(bundled.data) == json.dumps(single.data)


def test_contract_bundle_writes_the_single_file_form_deterministically(split: Path, tmp_path: Path) -> None:
    outputs = []
    for name in ("one.yaml", "two.yaml", "three.json"):
        result = run_contract("bundle", str(split), "-o", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert f"({len(split_files(split.parent))} file(s))" in result.stderr
        outputs.append(tmp_path / name)
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
    contract = load_document(DEFAULT_SPEC).data
    assert yaml.safe_load(outputs[0].read_text()) == contract
    assert json.loads(outputs[2].read_text()) == contract
    assert "$ref: '#/components/schemas/" in outputs[0].read_text()
    assert "./" not in "".join(re.findall(r"\$ref: .*", outputs[0].read_text()))
    to_stdout = run_contract("bundle", str(split))
    assert to_stdout.returncode == 0 and to_stdout.stdout == outputs[0].read_text()


# -- every tool gives the same result ------------------------------------------------------------------------


def _inject_problems(root: Path) -> None:
    """The same mistakes a designer makes, in the split files: a missing summary, a broken example."""
    projects = root / "paths" / "projects.yaml"
    text = projects.read_text()
    assert "  summary: List the caller's projects\n" in text
    projects.write_text(text.replace("  summary: List the caller's projects\n", "", 1))
    schema = root / "components" / "schemas" / "ProjectCreate.yaml"
    data = yaml.safe_load(schema.read_text())
    data["examples"] = [{"name": 42}]
    schema.write_text(dump_yaml(data))


def test_lint_findings_are_the_same_and_name_the_file_that_holds_the_problem(
    split: Path, tmp_path: Path
) -> None:
    root = split_contract(DEFAULT_SPEC, tmp_path / "split")
    _inject_problems(root.parent)
    multi = lint_document(load_document(root))
    bundled = tmp_path / "bundled.yaml"
    assert run_contract("bundle", str(root), "-o", str(bundled)).returncode == 0
    flat = lint_document(load_document(bundled))
    assert multi and [(f.rule, f.message, f.severity, f.pointer) for f in multi] == [
        (f.rule, f.message, f.severity, f.pointer) for f in flat
    ]
    by_rule = {f.rule: f for f in multi}
    summary, example = by_rule["operation-summary"], by_rule["example-invalid"]
    assert summary.file.endswith("paths/projects.yaml") and example.file.endswith(
        "components/schemas/ProjectCreate.yaml"
    )
    assert (root.parent / "paths/projects.yaml").read_text().splitlines()[summary.line - 1] == "get:"
    example_line = (root.parent / "components/schemas/ProjectCreate.yaml").read_text().splitlines()
    assert "examples" in example_line[example.line - 1] or "name: 42" in example_line[example.line - 1]
    # the command line prints the same `file:line: rule: message` lines
    result = run_contract("lint", "--spec", str(root))
    assert result.returncode == 1
    assert f"{summary.file}:{summary.line}: operation-summary:" in result.stdout


def test_generate_output_is_byte_identical(split: Path, tmp_path: Path) -> None:
    outs = {}
    for name, spec in (("single", DEFAULT_SPEC), ("multi", split)):
        out = tmp_path / name
        result = run_contract(
            "generate", "--spec", str(spec), "--out", str(out), "--only", "python-models,python-sdk"
        )
        assert result.returncode == 0, result.stderr
        outs[name] = {
            p.relative_to(out).as_posix(): p.read_text() for p in sorted(out.rglob("*")) if p.is_file()
        }
    assert outs["single"].keys() == outs["multi"].keys() and len(outs["single"]) > 3
    header = re.compile(r"^(#|//) generated from \S+ \(sha256 [0-9a-f]{64}\)", re.MULTILINE)
    for name, text in outs["single"].items():
        other = outs["multi"][name]
        if header.search(text):
            # the provenance header names the source and its hash; all else is the same, byte for byte
            assert split.name in header.search(other).group(0)  # type: ignore[union-attr]
            text, other = header.sub("HEADER", text), header.sub("HEADER", other)
        assert text == other, name


def test_diff_and_changelog_see_no_change(split: Path) -> None:
    diff = run_contract("diff", str(DEFAULT_SPEC), str(split), "--format", "json")
    assert diff.returncode == 0 and json.loads(diff.stdout) == [], diff.stderr
    changelog = run_contract("changelog", str(DEFAULT_SPEC), str(split), "--format", "json")
    assert changelog.returncode == 0 and json.loads(changelog.stdout)["groups"] == []


def test_diff_reads_a_multi_file_contract_from_git(split: Path, tmp_path: Path, single: Any) -> None:
    repo = tmp_path / "repo"
    split_contract(DEFAULT_SPEC, repo / "api")
    (repo / "api" / "elsewhere.txt").write_text("not a contract file")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "split"], cwd=repo, check=True)
    document = load_spec("git:HEAD:api/openapi.yaml", cwd=repo)
    assert document.data == single.data and document.name == "git:HEAD:api/openapi.yaml"
    assert {d.name for d in document.files} >= {"git:HEAD:api/paths/projects.yaml"}
    result = run_contract(
        "diff", "git:HEAD:api/openapi.yaml", str(DEFAULT_SPEC), "--format", "json", cwd=repo
    )
    assert result.returncode == 0 and json.loads(result.stdout) == [], result.stderr


MOCK_REQUESTS: list[tuple[str, str, dict[str, Any]]] = [
    ("GET", "/api/v1/projects", {"headers": {"Authorization": "Bearer x"}}),
    ("GET", "/api/v1/projects", {}),
    ("GET", "/api/v1/projects/7/tasks?page_size=0", {"headers": {"Authorization": "Bearer x"}}),
    ("POST", "/api/v1/projects", {"headers": {"Authorization": "Bearer x"}, "json": {"name": "Apollo"}}),
    ("POST", "/api/v1/projects", {"headers": {"Authorization": "Bearer x"}, "json": {"nom": 1}}),
    ("GET", "/api/v1/users/me", {"headers": {"Authorization": "Bearer x", "Prefer": "code=401"}}),
    ("DELETE", "/api/v1/users/me", {"headers": {"Authorization": "Bearer x"}}),
    ("GET", "/", {}),
]


def test_the_mock_answers_the_same(split: Path) -> None:
    clients = [Client(MockApp(DEFAULT_SPEC)), Client(MockApp(split))]
    for method, url, kwargs in MOCK_REQUESTS:
        one, two = (client.open(url, method=method, **kwargs) for client in clients)
        assert one.status_code == two.status_code, (method, url)
        body_one, body_two = one.get_data(as_text=True), two.get_data(as_text=True)
        if url == "/":  # the page names its source
            body_one = body_one.replace(load_document(DEFAULT_SPEC).name, "SPEC")
            body_two = body_two.replace(load_document(split).name, "SPEC")
        assert body_one == body_two, (method, url)
        drop = {"Date", "X-Request-ID", "Content-Length"}
        assert {k: v for k, v in one.headers if k not in drop} == {
            k: v for k, v in two.headers if k not in drop
        }, (method, url)


def test_the_docs_preview_serves_the_bundle_and_reloads_on_any_file(split: Path, tmp_path: Path) -> None:
    root = split_contract(DEFAULT_SPEC, tmp_path / "split")
    client = Client(DocsApp(root))
    assert client.get("/openapi.json").get_json() == load_document(DEFAULT_SPEC).data
    before = client.get("/version").get_json()["version"]
    task = root.parent / "components" / "schemas" / "Task.yaml"
    task.write_text(task.read_text() + "\n")
    assert client.get("/version").get_json()["version"] != before


def test_the_single_file_document_is_unchanged(single: Any) -> None:
    """No external ref: loading is what it was (same object shape, no bundling, the file's own hash)."""
    assert not single.multi_file and single.files == []
    assert single.locate("/paths/~1projects") == (single.name, single.line_of("/paths/~1projects"))


# -- bundling: names, recursion, refs between files ----------------------------------------------------------

HOISTING = {
    "openapi.yaml": """openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /tasks:
    $ref: './paths/tasks.yaml'
components:
  schemas:
    Item: {type: string}
""",
    "paths/tasks.yaml": """get:
  operationId: tasks_list
  responses:
    '200':
      description: ok
      content:
        application/json:
          schema: {$ref: '../components/schemas/Task.yaml'}
    '404': {$ref: '../components/responses.yaml#/NotFound'}
post:
  operationId: tasks_create
  requestBody:
    content:
      application/json:
        schema: {$ref: '../components/schemas/Task.yaml'}
  responses:
    '201':
      description: ok
      content:
        application/json:
          schema: {$ref: '../components/schemas.yaml#/Tag'}
""",
    "components/schemas/Task.yaml": """type: object
properties:
  tag: {$ref: '../schemas.yaml#/Tag'}
  parent: {$ref: '#'}
  children: {type: array, items: {$ref: './Task.yaml'}}
  item: {$ref: '../schemas.yaml#/Item'}
  root_item: {$ref: '../../openapi.yaml#/components/schemas/Item'}
""",
    "components/schemas.yaml": """Tag:
  type: object
  properties:
    name: {type: string}
    related: {$ref: '#/Tag'}
Item: {type: integer}
""",
    "components/responses.yaml": """NotFound:
  description: not found
  content:
    application/json:
      schema: {$ref: './schemas.yaml#/Tag'}
""",
}


def test_external_targets_are_hoisted_once_under_stable_names(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, HOISTING))
    data = doc.data
    validate_spec(data)
    schemas = data["components"]["schemas"]
    # the root's own Item keeps its name; the other file's Item gets the file's stem
    assert list(schemas) == ["Item", "Task", "Tag", "schemas_Item"]
    assert schemas["Task"]["properties"]["parent"] == {"$ref": "#/components/schemas/Task"}
    assert schemas["Task"]["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Task"}
    assert schemas["Task"]["properties"]["tag"] == {"$ref": "#/components/schemas/Tag"}
    assert schemas["Task"]["properties"]["item"] == {"$ref": "#/components/schemas/schemas_Item"}
    assert schemas["Task"]["properties"]["root_item"] == {"$ref": "#/components/schemas/Item"}
    assert schemas["Tag"]["properties"]["related"] == {"$ref": "#/components/schemas/Tag"}
    operations = data["paths"]["/tasks"]
    assert operations["get"]["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}
    assert data["components"]["responses"]["NotFound"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Tag"
    }
    # every ref is local, and the result lints without unresolved refs
    assert all(ref.startswith("#") for ref in re.findall(r'"\$ref": "([^"]*)"', json.dumps(data)))
    assert not [f for f in lint_document(doc) if f.rule == "ref-unresolved"]
    # the same files give the same bundle, byte for byte
    assert dump_yaml(load_document(write(tmp_path, HOISTING)).data) == dump_yaml(data)
    # findings map back: the hoisted Tag's `related` is line 5 of components/schemas.yaml
    name, line = doc.locate("/components/schemas/Tag/properties/related")
    assert name.endswith("components/schemas.yaml") and line == 5
    assert doc.locate("/paths/~1tasks/post")[0].endswith("paths/tasks.yaml")
    assert doc.locate("/paths/~1tasks/post")[1] == 10


# -- errors: one line naming the file and the line of the $ref -----------------------------------------------

HEAD = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
BROKEN = {
    "escapes": (
        {"openapi.yaml": HEAD + "paths:\n  /a:\n    $ref: '../x.yaml'\n"},
        r"openapi\.yaml:5: ref-escapes-root: \$ref '\.\./x\.yaml' leaves the directory of",
    ),
    "missing": (
        {
            "openapi.yaml": HEAD + "paths:\n  /a: {$ref: './a.yaml'}\n",
            "a.yaml": "get:\n  responses:\n    '200':\n      $ref: './nope.yaml'\n",
        },
        r"a\.yaml:4: ref-missing-file: \$ref './nope\.yaml': no such file nope\.yaml",
    ),
    "cycle": (
        {
            "openapi.yaml": HEAD + "paths: {}\ncomponents:\n  schemas:\n    A: {$ref: './a.yaml'}\n",
            "a.yaml": "$ref: './b.yaml'\n",
            "b.yaml": "$ref: './a.yaml'\n",
        },
        r"b\.yaml:1: ref-cycle: circular \$ref chain: .*a\.yaml# -> .*b\.yaml# -> .*a\.yaml#",
    ),
    "inlined-in-itself": (
        {
            "openapi.yaml": HEAD + "paths:\n  /a: {$ref: './a.yaml'}\n",
            "a.yaml": "post:\n  callbacks:\n    done:\n      '{$request.body#/url}':\n"
            "        $ref: './a.yaml'\n",
        },
        r"a\.yaml:5: ref-cycle: \$ref './a\.yaml' inlines .*a\.yaml# inside itself",
    ),
    "not-a-mapping": (
        {
            "openapi.yaml": HEAD + "paths:\n  /a: {$ref: './a.yaml#/list'}\n",
            "a.yaml": "list:\n  - 1\n",
        },
        r"openapi\.yaml:4: ref-not-mapping: \$ref './a\.yaml#/list' names a list in .*a\.yaml \(line 1\)",
    ),
    "no-such-node": (
        {
            "openapi.yaml": HEAD + "paths:\n  /a: {$ref: './a.yaml#/nope'}\n",
            "a.yaml": "get: {}\n",
        },
        r"openapi\.yaml:4: ref-unresolved: \$ref './a\.yaml#/nope': .*a\.yaml has no node at #/nope",
    ),
    "remote": (
        {
            "openapi.yaml": HEAD + "paths:\n  /a: {$ref: 'https://example.com/a.yaml'}\n",
        },
        r"openapi\.yaml:4: ref-remote: ",
    ),
    "bad-yaml": (
        {
            "openapi.yaml": HEAD + "paths:\n  /a: {$ref: './a.yaml'}\n",
            "a.yaml": "get:\n  responses: [\n",
        },
        r"a\.yaml:3: parse: invalid YAML",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_layouts_are_one_line_with_file_and_line(case: str, tmp_path: Path) -> None:
    files, message = BROKEN[case]
    root = write(tmp_path / "api", files)
    with pytest.raises(CodegenError) as caught:
        load_document(root)
    assert re.search(message, str(caught.value)), str(caught.value)
    if case == "missing":
        result = run_contract("lint", "--spec", str(root))
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert re.search(message, result.stderr) and len(result.stderr.strip().splitlines()) == 1


def test_a_release_of_a_multi_file_contract_records_the_bundle(tmp_path: Path, single: Any) -> None:
    from codegen.diff.gate import release, released_copy

    root = split_contract(DEFAULT_SPEC, tmp_path / "split")
    assert release(root) == 0
    recorded = load_document(released_copy(root))
    assert not recorded.multi_file and recorded.data == single.data  # one file, refs that work where it is


def test_notes_and_structure_findings_of_a_split_file_name_that_file(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        {
            "openapi.yaml": HEAD + "paths:\n  /a: {$ref: './paths/a.yaml'}\n",
            "paths/a.yaml": "get:\n  operationId: a_get\n  operationId: a_get_again\n  responses:\n"
            "    '200': {description: ok}\n  servers: 7\n",
        },
    )
    findings = {f.rule: f for f in lint_document(load_document(root))}
    duplicate, structure = findings["duplicate-key"], findings["structure"]
    assert duplicate.file.endswith("paths/a.yaml") and duplicate.line == 3
    assert structure.file.endswith("paths/a.yaml") and structure.line == 6
