from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from codegen.document import load_document
from codegen.findings import Severity
from codegen.lint import lint_document
from codegen.paths import DEFAULT_SPEC
from codegen.tests.conftest import run_contract

FINDING_LINE = re.compile(r"^[^\s:][^:]*:\d+: [a-z0-9-]+: .+$")


def line_no(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle` in the dedented document."""
    lines = [i for i, line in enumerate(textwrap.dedent(text).splitlines(), 1) if needle in line]
    return lines[occurrence - 1]


def lint_text(tmp_path: Path, text: str, name: str = "api.yaml") -> list[tuple[int, str, Severity, str]]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return [(f.line, f.rule, f.severity, f.message) for f in lint_document(load_document(path))]


GOOD = """\
    openapi: 3.1.0
    info: {title: Good, version: '1'}
    tags: [{name: pets}]
    paths:
      /pets/{pet_id}:
        get:
          operationId: pets_retrieve
          tags: [pets]
          summary: Get a pet
          parameters:
            - {name: pet_id, in: path, required: true, schema: {type: integer}}
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Pet'}
                  example: {id: 1, name: Rex}
            '404': {$ref: '#/components/responses/NotFound'}
    components:
      responses:
        NotFound:
          description: not found
          content:
            application/problem+json:
              schema: {type: object}
      schemas:
        Pet:
          type: object
          required: [id, name]
          properties:
            id: {type: integer}
            name: {type: string}
"""


def test_our_contract_lints_clean() -> None:
    findings = lint_document(load_document(DEFAULT_SPEC))
    errors = [f.format() for f in findings if f.severity is Severity.ERROR]
    assert errors == []
    # The one deliberate exception: what the server answers for undeclared methods (and the header it uses).
    unused = {f.pointer for f in findings if f.rule == "unused-component"}
    assert unused <= {"/components/responses/MethodNotAllowed", "/components/headers/Allow"}
    assert all(f.severity is Severity.WARNING for f in findings)


def test_cli_lint_our_contract_exits_zero() -> None:
    result = run_contract("lint")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s)" in result.stderr
    assert "Traceback" not in result.stderr
    for line in result.stdout.splitlines():
        assert FINDING_LINE.match(line), line
    # Our contract is clean even when warnings count (--strict).
    strict = run_contract("lint", "--strict")
    assert strict.returncode == 0, strict.stdout + strict.stderr
    assert "0 warning(s)" in strict.stderr


def test_clean_document_has_no_findings(tmp_path: Path) -> None:
    assert lint_text(tmp_path, GOOD) == []


def test_operation_rules(tmp_path: Path) -> None:
    text = GOOD.replace(
        "          operationId: pets_retrieve\n          tags: [pets]\n          summary: Get a pet\n", ""
    )
    text = text.replace("'404': {$ref: '#/components/responses/NotFound'}", "'500': {description: boom}")
    rules = {rule for _, rule, _, _ in lint_text(tmp_path, text)}
    assert {"operation-id", "operation-tags", "operation-summary", "operation-4xx"} <= rules


def test_duplicate_operation_id_points_at_both(tmp_path: Path) -> None:
    text = GOOD.replace(
        "      /pets/{pet_id}:",
        """\
      /pets:
        get:
          operationId: pets_retrieve
          tags: [pets]
          summary: List
          responses:
            '400': {$ref: '#/components/responses/NotFound'}
      /pets/{pet_id}:""",
    )
    findings = [f for f in lint_text(tmp_path, text) if f[1] == "operation-id"]
    assert len(findings) == 1
    line, _, severity, message = findings[0]
    assert severity is Severity.ERROR
    assert f"already used (line {line_no(text, 'operationId: pets_retrieve')})" in message
    assert line == line_no(text, "operationId: pets_retrieve", 2)


def test_problem_json_and_invalid_example(tmp_path: Path) -> None:
    text = GOOD.replace("application/problem+json:", "application/json:").replace(
        "example: {id: 1, name: Rex}", "example: {id: one, name: Rex}"
    )
    findings = lint_text(tmp_path, text)
    rules = {rule: (line, message) for line, rule, _, message in findings}
    assert "problem-json" in rules
    line, message = rules["example-invalid"]
    assert line == line_no(text, "example: {id: one")
    assert "at /id" in message and "'one' is not of type 'integer'" in message


def test_path_parameters_both_ways(tmp_path: Path) -> None:
    text = GOOD.replace("{name: pet_id, in: path", "{name: id, in: path")
    messages = [m for _, rule, _, m in lint_text(tmp_path, text) if rule == "path-params"]
    assert any("{pet_id} has no `in: path` parameter" in m for m in messages)
    assert any("'id' is not in the path template" in m for m in messages)


def test_unused_component_is_a_warning(tmp_path: Path) -> None:
    text = GOOD + "        Unused: {type: string}\n"
    findings = [f for f in lint_text(tmp_path, text) if f[1] == "unused-component"]
    assert [(f[2], f[3]) for f in findings] == [
        (
            Severity.WARNING,
            "components.schemas.Unused is not referenced from any path, webhook or used component",
        )
    ]


def test_naming_reports_the_odd_one_out(tmp_path: Path) -> None:
    text = GOOD.replace(
        "            name: {type: string}",
        "            name: {type: string}\n            created_at: {type: string}\n"
        "            owner_id: {type: integer}\n            birthDate: {type: string}",
    )
    findings = [f for f in lint_text(tmp_path, text) if f[1] == "naming"]
    assert len(findings) == 1
    assert findings[0][2] is Severity.WARNING
    assert "'birthDate' is not snake_case" in findings[0][3]


def test_structure_and_refs(tmp_path: Path) -> None:
    text = GOOD.replace("$ref: '#/components/schemas/Pet'", "$ref: '#/components/schemas/Missing'").replace(
        "info: {title: Good, version: '1'}", "info: {title: Good}"
    )
    findings = lint_text(tmp_path, text)
    rules = {rule for _, rule, _, _ in findings}
    assert "structure" in rules  # info.version is required
    assert "ref-unresolved" in rules


def test_duplicate_yaml_keys_are_errors(tmp_path: Path) -> None:
    text = GOOD.replace(
        "          summary: Get a pet\n", "          summary: Get a pet\n          summary: Again\n"
    )
    findings = [f for f in lint_text(tmp_path, text) if f[1] == "duplicate-key"]
    assert findings and findings[0][0] == line_no(text, "summary: Again")


def test_swagger_2_is_reported_not_crashed(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text('{"swagger": "2.0", "info": {"title": "x", "version": "1"}, "paths": {}}')
    result = run_contract("lint", "--spec", str(path))
    assert result.returncode == 1
    assert "not an OpenAPI 3.0 or 3.1 document (openapi: swagger 2.0)" in result.stdout
    gen = run_contract("generate", "--spec", str(path), "--out", str(tmp_path / "out"))
    assert gen.returncode == 2
    assert "Traceback" not in gen.stderr and "Swagger 2.0" in gen.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("openapi: [unclosed\n", ":2: parse: invalid YAML"),
        ("- just\n- a list\n", ":1: parse: the document is not a mapping"),
    ],
)
def test_unparseable_documents(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    result = run_contract("lint", "--spec", str(path))
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_json_lines_and_surrogates(tmp_path: Path) -> None:
    doc = load_document(Path(__file__).parent / "specs" / "surrogates-30.json")
    assert doc.data["info"]["title"] == "Surrogates \U0001f600 (3.0)"
    assert "\ufffd" in doc.data["info"]["description"]  # the lone surrogate, replaced
    assert [n.rule for n in doc.notes] == ["lone-surrogate"]
    text = doc.text.splitlines()
    assert '"summary"' in text[doc.line_of("/paths/~1greetings/get/summary") - 1]


# --- what other clients make of the document (codegen/lint/interop.py) -------------------------------------

EMAIL_ONEOF = """\
    openapi: 3.1.0
    info: {title: T, version: '1'}
    tags: [{name: users}]
    paths:
      /users/me:
        get:
          operationId: users_me
          tags: [users]
          summary: Me
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/User'}
            '404':
              description: no
              content:
                application/problem+json:
                  schema: {type: object}
    components:
      schemas:
        User:
          type: object
          properties:
            email:
              oneOf:
                - {type: string, format: email, maxLength: 254}
                - {type: string, maxLength: 0}
            when:
              oneOf:
                - {type: string, format: date}
                - {type: integer}
"""


def test_oneof_branches_that_only_format_tells_apart_are_an_error(tmp_path: Path) -> None:
    findings = [f for f in lint_text(tmp_path, EMAIL_ONEOF) if f[1] == "oneof-format-only"]
    # `email`: "" matches both branches where format is an annotation. `when`: a string or an integer, told
    # apart by type, is fine.
    assert [(line, severity) for line, _, severity, _ in findings] == [
        (line_no(EMAIL_ONEOF, "oneOf:"), Severity.ERROR)
    ]
    assert "''" in findings[0][3]


def test_a_oneof_told_apart_by_format_alone_is_flagged_too(tmp_path: Path) -> None:
    text = EMAIL_ONEOF.replace("{type: string, maxLength: 0}", "{type: string, format: date-time}")
    rules = [f[1] for f in lint_text(tmp_path, text)]
    assert rules.count("oneof-format-only") == 1


def test_a_single_string_schema_with_a_pattern_is_clean(tmp_path: Path) -> None:
    text = EMAIL_ONEOF.replace(
        """oneOf:
                - {type: string, format: email, maxLength: 254}
                - {type: string, maxLength: 0}""",
        """{type: string, maxLength: 254, pattern: '^$|^[^@]+@[^@]+$'}""",
    )
    assert "oneof-format-only" not in [f[1] for f in lint_text(tmp_path, text)]


def test_webhooks_sharing_a_tag_with_path_operations_warn(tmp_path: Path) -> None:
    text = EMAIL_ONEOF + textwrap.indent(
        textwrap.dedent("""\
        webhooks:
          user.created:
            post:
              operationId: user_created_event
              tags: [users]
              summary: A user was created
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
              responses:
                '200': {description: ok}
                '400': {description: no, content: {application/problem+json: {schema: {type: object}}}}
        """),
        "    ",
    )
    shared = [f for f in lint_text(tmp_path, text) if f[1] == "webhook-tag-shared"]
    assert [(severity, "'users'" in message) for _, _, severity, message in shared] == [
        (Severity.WARNING, True)
    ]
    separate = text.replace(
        "tags: [users]\n          summary: A user was created",
        "tags: [user-events]\n          summary: A user was created",
    )
    assert "webhook-tag-shared" not in [f[1] for f in lint_text(tmp_path, separate)]
