"""`contract diff`: one base/revision pair per rule, plus what must not be reported (refs, order, 3.0/3.1)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.diff import RULES, Level, diff_documents
from codegen.diff.examples import document, documents, template
from codegen.diff.report import rules_markdown
from codegen.paths import DEFAULT_SPEC, REPO_ROOT
from codegen.tests.conftest import run_contract


def ids(base: dict[str, Any], revision: dict[str, Any]) -> list[str]:
    return [change.id for change in diff_documents(base, revision)]


@pytest.mark.parametrize("rule_id", list(RULES))
def test_each_rule_example_yields_exactly_that_rule(rule_id: str) -> None:
    rule = RULES[rule_id]
    base, revision = documents(rule.example)
    changes = diff_documents(base, revision)
    assert [(c.id, c.level) for c in changes] == [(rule_id, rule.level)]
    assert changes[0].message
    # the pointer leads to what changed: in the revision, or in the base for what was removed
    assert resolves(revision, changes[0].pointer) or resolves(base, changes[0].pointer), changes[0].pointer


def resolves(doc: Any, pointer: str) -> bool:
    node = doc
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False
    return True


@pytest.mark.parametrize("rule_id", list(RULES))
def test_no_change_no_findings(rule_id: str) -> None:
    base, revision = documents(RULES[rule_id].example)
    assert ids(base, copy.deepcopy(base)) == []
    assert ids(revision, copy.deepcopy(revision)) == []


def _reorder(value: Any) -> Any:
    """Every mapping's keys and every list that is a set in OpenAPI reversed."""
    if isinstance(value, dict):
        out = {}
        for key in reversed(list(value)):
            item = _reorder(value[key])
            if key in ("enum", "required", "parameters", "oneOf", "anyOf", "security", "tags") and isinstance(
                item, list
            ):
                item = list(reversed(item))
            out[key] = item
        return out
    if isinstance(value, list):
        return [_reorder(v) for v in value]
    return value


def test_reordering_only_yields_no_findings() -> None:
    contract = yaml.safe_load(DEFAULT_SPEC.read_text())
    reordered = _reorder(contract)
    assert json.dumps(reordered) != json.dumps(contract)
    assert ids(contract, reordered) == []


def test_the_contract_against_a_copy_of_itself() -> None:
    contract = yaml.safe_load(DEFAULT_SPEC.read_text())
    assert ids(contract, copy.deepcopy(contract)) == []


def _with_components(doc: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    doc["components"]["schemas"] = schemas
    return doc


def test_refs_are_resolved_on_both_sides() -> None:
    inline = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}
    base = document("response-schema", inline)
    moved = _with_components(
        document("response-schema", {"$ref": "#/components/schemas/Item"}), {"Item": inline}
    )
    renamed = _with_components(
        document("response-schema", {"$ref": "#/components/schemas/Thing"}), {"Thing": inline}
    )
    assert ids(base, moved) == []
    assert ids(moved, renamed) == []
    changed = copy.deepcopy(renamed)
    changed["components"]["schemas"]["Thing"]["properties"]["id"]["type"] = "string"
    [change] = diff_documents(moved, changed)
    assert change.id == "response-property-type-changed"
    # the pointer follows the operation, not the component
    assert change.pointer == "/paths/~1items/get/responses/200/content/application~1json/schema/properties/id"
    assert change.operation == "items_list"


def test_a_component_used_by_two_operations_is_reported_for_each() -> None:
    def doc(max_length: int) -> dict[str, Any]:
        d = template()
        body = {"$ref": "#/components/schemas/Name"}
        d["paths"]["/items"]["post"]["requestBody"]["content"]["application/json"]["schema"] = body
        d["paths"]["/other"] = {"put": copy.deepcopy(d["paths"]["/items"]["post"]) | {"operationId": "other"}}
        d["components"]["schemas"] = {"Name": {"type": "string", "maxLength": max_length}}
        return d

    changes = diff_documents(doc(10), doc(5))
    assert sorted((c.operation, c.id) for c in changes) == [
        ("items_create", "request-property-max-length-decreased"),
        ("other", "request-property-max-length-decreased"),
    ]


def _tree(child_type: str) -> dict[str, Any]:
    return {
        "Node": {
            "type": "object",
            "required": ["children"],
            "properties": {
                "name": {"type": child_type},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                "other": {"$ref": "#/components/schemas/Other"},
            },
        },
        "Other": {"type": "object", "properties": {"back": {"$ref": "#/components/schemas/Node"}}},
    }


def test_recursive_schemas_terminate_and_changes_inside_them_are_found() -> None:
    ref = {"$ref": "#/components/schemas/Node"}
    base = _with_components(document("response-schema", ref), _tree("string"))
    assert ids(base, copy.deepcopy(base)) == []
    changed = _with_components(document("response-schema", ref), _tree("integer"))
    assert ids(base, changed) == ["response-property-type-changed"]
    # and in a request, through the same cycle
    request_base = _with_components(document("request-schema", ref), _tree("string"))
    request_changed = _with_components(document("request-schema", ref), _tree("integer"))
    assert ids(request_base, request_changed) == ["request-property-type-changed"]


def test_self_referencing_allof_terminates() -> None:
    schemas = {
        "A": {"allOf": [{"$ref": "#/components/schemas/B"}]},
        "B": {"allOf": [{"$ref": "#/components/schemas/A"}]},
    }
    doc = _with_components(document("response-schema", {"$ref": "#/components/schemas/A"}), schemas)
    assert ids(doc, copy.deepcopy(doc)) == []


def test_allof_is_flattened() -> None:
    flat = {
        "type": "object",
        "required": ["id", "name"],
        "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
    }
    composed = {
        "allOf": [
            {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}},
            {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
        ]
    }
    assert ids(document("response-schema", flat), document("response-schema", composed)) == []
    dropped = copy.deepcopy(composed)
    del dropped["allOf"][1]
    # what the member said, and that a member went (each is an error in a response)
    assert sorted(ids(document("response-schema", composed), document("response-schema", dropped))) == [
        "response-property-all-of-removed",
        "response-required-property-removed",
    ]


@pytest.mark.parametrize(
    "spelling_30",
    [
        {"type": "string", "nullable": True},
        {"allOf": [{"$ref": "#/components/schemas/Name"}], "nullable": True},
    ],
)
def test_30_nullable_equals_31_null_type(spelling_30: dict[str, Any]) -> None:
    names = {"Name": {"type": "string"}}
    doc30 = _with_components(document("response-property-schema", spelling_30), names)
    doc30["openapi"] = "3.0.3"
    for spelling_31 in (
        {"type": ["string", "null"]},
        {"anyOf": [{"$ref": "#/components/schemas/Name"}, {"type": "null"}]},
    ):
        doc31 = _with_components(document("response-property-schema", spelling_31), names)
        assert ids(doc30, doc31) == []
        assert ids(doc31, doc30) == []


def test_30_nullable_added_to_a_response_is_breaking() -> None:
    base = document("response-property-schema", {"type": "string"})
    revision = document("response-property-schema", {"type": "string", "nullable": True})
    base["openapi"] = revision["openapi"] = "3.0.3"
    assert ids(base, revision) == ["response-property-became-nullable"]


@pytest.mark.parametrize(
    ("location", "old", "new", "expected"),
    [
        # widened request: compatible (info)
        (
            "request-property-schema",
            {"type": "integer"},
            {"type": "number"},
            ["request-property-type-compatible"],
        ),
        (
            "request-property-schema",
            {"type": "number"},
            {"type": "integer"},
            ["request-property-type-changed"],
        ),
        # narrowed response: compatible (info)
        (
            "response-property-schema",
            {"type": "number"},
            {"type": "integer"},
            ["response-property-type-compatible"],
        ),
        (
            "response-property-schema",
            {"type": "integer"},
            {"type": "number"},
            ["response-property-type-changed"],
        ),
        ("request-property-schema", {}, {"type": "string"}, ["request-property-type-changed"]),
        (
            "request-property-schema",
            {"type": "integer", "maximum": 10},
            {"type": "integer", "exclusiveMaximum": 10},
            ["request-property-max-decreased"],
        ),
        (
            "request-property-schema",
            {"type": "integer", "maximum": 10},
            {"type": "integer", "maximum": 20},
            ["request-property-max-increased"],
        ),
        (
            "request-property-schema",
            {"type": "string"},
            {"type": "string", "enum": ["a"]},
            ["request-property-enum-value-removed"],
        ),
        (
            "response-property-schema",
            {"type": "string", "enum": ["a"]},
            {"type": "string"},
            ["response-property-enum-value-added"],
        ),
        (
            "response-property-schema",
            {"type": "string", "enum": ["a", "b"]},
            {"type": "string", "enum": ["b", "a"]},
            [],
        ),
        (
            "request-property-schema",
            {"type": "string", "maxLength": 5},
            {"type": "string"},
            ["request-property-max-length-increased"],
        ),
        (
            "request-property-schema",
            {"type": "string", "default": "x"},
            {"type": "string"},
            ["request-property-default-value-changed"],
        ),
    ],
)
def test_direction_and_boundaries(location: str, old: Any, new: Any, expected: list[str]) -> None:
    assert ids(document(location, old), document(location, new)) == expected


def test_3_0_boolean_exclusive_bounds() -> None:
    base = document("parameter-schema", {"type": "integer", "minimum": 1})
    revision = document("parameter-schema", {"type": "integer", "minimum": 1, "exclusiveMinimum": True})
    base["openapi"] = revision["openapi"] = "3.0.3"
    assert ids(base, revision) == ["request-parameter-min-increased"]


def test_read_only_properties_do_not_count_in_requests() -> None:
    base = document("request-schema", {"type": "object", "properties": {}})
    revision = document(
        "request-schema",
        {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer", "readOnly": True}}},
    )
    assert ids(base, revision) == []


def test_one_of_members_match_by_ref_and_a_changed_member_is_compared() -> None:
    schemas: dict[str, Any] = {
        "Cat": {"type": "object", "properties": {"meow": {"type": "string"}}},
        "Dog": {"type": "object", "properties": {"bark": {"type": "string"}}},
    }
    both = {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}]}
    swapped = {"oneOf": [{"$ref": "#/components/schemas/Dog"}, {"$ref": "#/components/schemas/Cat"}]}
    base = _with_components(document("request-schema", both), schemas)
    assert ids(base, _with_components(document("request-schema", swapped), schemas)) == []
    cat_only = _with_components(
        document("request-schema", {"oneOf": [{"$ref": "#/components/schemas/Cat"}]}), schemas
    )
    [change] = diff_documents(base, cat_only)
    assert (change.id, change.message) == (
        "request-property-one-of-removed",
        "the request body (application/json): oneOf member Dog removed",
    )
    stricter = copy.deepcopy(schemas)
    stricter["Dog"]["properties"]["bark"]["maxLength"] = 3
    assert ids(base, _with_components(document("request-schema", both), stricter)) == [
        "request-property-max-length-decreased"
    ]


def test_renamed_path_parameter_is_not_a_change() -> None:
    def doc(name: str) -> dict[str, Any]:
        d = template()
        d["paths"] = {
            f"/items/{{{name}}}": {
                "get": {
                    "operationId": "items_get",
                    "responses": {"200": {"description": "OK"}},
                    "parameters": [
                        {"name": name, "in": "path", "required": True, "schema": {"type": "integer"}}
                    ],
                }
            }
        }
        return d

    assert ids(doc("id"), doc("item_id")) == []


def test_security_alternatives() -> None:
    base = template()
    base["security"] = [{"bearerAuth": []}]
    more_ways = copy.deepcopy(base)
    more_ways["security"] = [{"bearerAuth": []}, {"apiKeyAuth": []}]
    assert ids(base, more_ways) == []
    both_needed = copy.deepcopy(base)
    both_needed["security"] = [{"bearerAuth": [], "apiKeyAuth": []}]
    assert set(ids(base, both_needed)) == {"api-security-changed"}
    scoped = copy.deepcopy(base)
    scoped["security"] = [{"bearerAuth": ["admin"]}]
    assert set(ids(base, scoped)) == {"api-security-changed"}
    anonymous = template()
    assert ids(anonymous, base) == ["api-security-added", "api-security-added"]  # GET and POST /items


def test_removed_operation_and_path_are_reported_once() -> None:
    base = template()
    revision = template()
    del revision["paths"]["/items"]
    assert ids(base, revision) == ["api-path-removed"]


# -- the docs ------------------------------------------------------------------------------------------------

DOC = REPO_ROOT / "docs" / "breaking-changes.md"


def test_the_rules_doc_lists_exactly_the_rules_and_is_current() -> None:
    text = DOC.read_text()
    headings = [line[4:].strip() for line in text.splitlines() if line.startswith("### ")]
    assert headings == list(RULES)
    assert text == rules_markdown(), (
        "regenerate: contract diff --rules --format markdown > docs/breaking-changes.md"
    )


def test_every_level_is_used() -> None:
    assert {rule.level for rule in RULES.values()} == set(Level)


# -- the command line ----------------------------------------------------------------------------------------


def _write(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    return path


def test_cli_json_output_and_exit_status(tmp_path: Path) -> None:
    base, revision = documents(RULES["request-property-max-length-decreased"].example)
    b, r = _write(tmp_path / "base.yaml", base), _write(tmp_path / "rev.yaml", revision)
    result = run_contract("diff", str(b), str(r), "--format", "json")
    assert result.returncode == 1, result.stderr
    [entry] = json.loads(result.stdout)
    assert set(entry) == {"id", "level", "operation", "pointer", "message"}
    assert entry["id"] == "request-property-max-length-decreased" and entry["level"] == "error"
    assert entry["operation"] == "items_create"
    text = run_contract("diff", str(b), str(r))
    assert text.returncode == 1
    assert "error   request-property-max-length-decreased: items_create: value: maxLength" in text.stdout
    assert "1 breaking (error)" in text.stderr
    # the same change with a new major version passes, and says why
    revision["info"]["version"] = "2.0.0"
    bumped = run_contract("diff", str(b), str(_write(tmp_path / "v2.yaml", revision)))
    assert bumped.returncode == 0 and "major version" in bumped.stderr
    # a warning fails only with --fail-on warning
    base, revision = documents(RULES["request-parameter-removed"].example)
    b, r = _write(tmp_path / "b2.yaml", base), _write(tmp_path / "r2.yaml", revision)
    assert run_contract("diff", str(b), str(r)).returncode == 0
    assert run_contract("diff", str(b), str(r), "--fail-on", "warning").returncode == 1
    assert run_contract("diff", str(b), str(b), "--format", "json").stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read the document"),
        ("openapi: [unclosed", "invalid YAML"),
        ("swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n", "not an OpenAPI 3.x document"),
        ("- a list\n", "not a mapping"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: str | None, message: str) -> None:
    good = _write(tmp_path / "good.yaml", template())
    bad = tmp_path / "bad.yaml"
    if content is not None:
        bad.write_text(content)
    result = run_contract("diff", str(bad), str(good))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_reads_git_revisions(tmp_path: Path) -> None:
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    git("init", "-q", "-b", "main")
    base, revision = documents(RULES["api-removed"].example)
    (tmp_path / "api").mkdir()
    spec = _write(tmp_path / "api" / "spec.yaml", base)
    git("add", ".")
    git("commit", "-q", "-m", "base")
    _write(spec, revision)
    result = run_contract("diff", "git:HEAD:api/spec.yaml", "api/spec.yaml", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert [e["id"] for e in json.loads(result.stdout)] == ["api-removed"]
    assert result.stderr.startswith("git:HEAD:api/spec.yaml -> ")
    missing = run_contract("diff", "git:HEAD:api/nope.yaml", "api/spec.yaml", cwd=tmp_path)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    malformed = run_contract("diff", "git:nocolon", "api/spec.yaml", cwd=tmp_path)
    assert malformed.returncode == 2 and "git:REF:PATH" in malformed.stderr


def test_cli_rules_listing() -> None:
    result = run_contract("diff", "--rules")
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(RULES)
    assert run_contract("diff", "only-one.yaml").returncode == 2


# -- parity with oasdiff -------------------------------------------------------------------------------------


@pytest.mark.parametrize("rule_id", [r for r in RULES if RULES[r].oasdiff])
def test_no_rule_is_laxer_than_oasdiff_and_stricter_ones_say_why(rule_id: str) -> None:
    rule = RULES[rule_id]
    for check, level in rule.oasdiff:
        assert rule.level >= level, f"{rule_id} ({rule.level}) is laxer than oasdiff's {check} ({level})"
        if rule.level > level:
            assert rule.stricter, f"{rule_id} is stricter than oasdiff's {check}: say why (Rule.stricter)"


@pytest.mark.parametrize(
    ("rule_id", "check"),
    [
        ("request-body-removed", "request-body-removed"),
        ("request-parameter-default-value-changed", "request-parameter-default-value-changed"),
        ("response-property-max-length-increased", "response-property-max-length-unset"),
        ("response-property-min-items-decreased", "response-property-min-items-decreased"),
        ("response-property-pattern-removed", "response-property-pattern-removed"),
        ("request-parameter-format-changed", "request-parameter-type-changed"),
        ("response-header-became-optional", "response-header-became-optional"),
        ("api-security-removed", "api-security-removed"),
    ],
)
def test_verdicts_that_were_laxer_than_oasdiff_are_errors_now(rule_id: str, check: str) -> None:
    rule = RULES[rule_id]
    assert rule.level is Level.ERROR
    assert (check, Level.ERROR) in rule.oasdiff
    base, revision = documents(rule.example)
    assert [(c.id, c.level) for c in diff_documents(base, revision)] == [(rule_id, Level.ERROR)]


def test_the_parity_table_lists_every_mapped_check() -> None:
    text = DOC.read_text()
    for rule in RULES.values():
        for check, level in rule.oasdiff:
            assert f"| [`{rule.id}`](#{rule.id}) | {rule.level} | `{check}` | {level} |" in text


def test_every_rule_has_its_own_example_and_all_are_distinct() -> None:
    # a new rule cannot be added without a fixture pair that yields it (test_each_rule_example_...)
    pairs = [
        (
            r.example.slot,
            json.dumps(r.example.base, sort_keys=True),
            json.dumps(r.example.revision, sort_keys=True),
        )
        for r in RULES.values()
    ]
    assert all(r.example.base != r.example.revision for r in RULES.values())
    slots_by_pair: dict[tuple[str, str, str], list[str]] = {}
    for rule_id, pair in zip(RULES, pairs, strict=True):
        slots_by_pair.setdefault(pair, []).append(rule_id)
    # a fragment pair may serve one rule per location (the same change in a parameter and in a body)
    assert all(len(ids) == 1 for ids in slots_by_pair.values()), [
        i for i in slots_by_pair.values() if len(i) > 1
    ]


# -- what is compared since issue 16 ------------------------------------------------------------------------


def _webhook_doc(schema: dict[str, Any]) -> dict[str, Any]:
    doc = template()
    doc["webhooks"]["itemCreated"]["post"]["requestBody"]["content"]["application/json"]["schema"] = schema
    return doc


def test_a_webhook_payload_is_judged_like_a_response() -> None:
    narrow: dict[str, Any] = {
        "type": "object",
        "required": ["status"],
        "properties": {"status": {"type": "string", "enum": ["a"]}},
    }
    wide = copy.deepcopy(narrow)
    wide["properties"]["status"]["enum"] = ["a", "b"]
    [added] = diff_documents(_webhook_doc(narrow), _webhook_doc(wide))
    assert (added.id, added.level, added.endpoint) == (
        "response-property-enum-value-added",
        Level.ERROR,
        "webhook itemCreated POST",
    )
    assert added.pointer.startswith("/webhooks/itemCreated/post/requestBody/content/application~1json/schema")
    # the same change in an operation's request body is compatible
    assert ids(document("request-schema", narrow), document("request-schema", wide)) == [
        "request-property-enum-value-added"
    ]
    dropped = copy.deepcopy(narrow)
    del dropped["properties"]["status"]
    assert ids(_webhook_doc(narrow), _webhook_doc(dropped)) == ["response-required-property-removed"]


def test_a_receivers_answer_is_judged_like_a_request() -> None:
    def doc(max_length: int) -> dict[str, Any]:
        d = template()
        d["webhooks"]["itemCreated"]["post"]["responses"]["200"]["content"] = {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"note": {"type": "string", "maxLength": max_length}},
                }
            }
        }
        return d

    assert ids(doc(100), doc(10)) == ["request-property-max-length-decreased"]


def test_response_headers_are_compared_case_insensitively_with_their_schemas() -> None:
    def doc(name: str, schema: dict[str, Any]) -> dict[str, Any]:
        d = template()
        d["paths"]["/items"]["get"]["responses"]["200"]["headers"] = {
            name: {"required": True, "schema": schema}
        }
        return d

    assert ids(doc("X-Rate", {"type": "integer"}), doc("x-rate", {"type": "integer"})) == []
    assert ids(doc("X-Rate", {"type": "integer"}), doc("X-Rate", {"type": "string"})) == [
        "response-header-type-changed"
    ]


def test_additional_properties_schema_narrowing_is_compared_inside() -> None:
    def doc(slot: str, max_length: int) -> dict[str, Any]:
        return document(
            slot, {"type": "object", "additionalProperties": {"type": "string", "maxLength": max_length}}
        )

    assert ids(doc("request-schema", 10), doc("request-schema", 5)) == [
        "request-property-max-length-decreased"
    ]
    assert ids(doc("response-schema", 5), doc("response-schema", 10)) == [
        "response-property-max-length-increased"
    ]
    [change] = diff_documents(doc("request-schema", 10), doc("request-schema", 5))
    assert change.pointer.endswith("/schema/additionalProperties")


def test_servers_match_whatever_the_trailing_slash_and_order() -> None:
    base = template()
    base["servers"] = [{"url": "https://a.example.com/v1"}, {"url": "https://b.example.com/v1/"}]
    revision = copy.deepcopy(base)
    revision["servers"] = [{"url": "https://b.example.com/v1"}, {"url": "https://a.example.com/v1/"}]
    assert ids(base, revision) == []
    moved = copy.deepcopy(base)
    moved["paths"]["/items"]["servers"] = [{"url": "/"}]
    assert sorted(ids(base, moved)) == [
        "server-added",
        "server-added",
        "server-removed",
        "server-removed",
        "server-removed",
        "server-removed",
    ]


def test_a_security_scheme_used_by_an_operation_changing_type_is_reported_once_per_scheme() -> None:
    base, revision = documents(RULES["security-scheme-type-changed"].example)
    for doc in (base, revision):
        doc["paths"]["/items"]["get"]["security"] = [{"auth": []}]
    assert ids(base, revision) == ["security-scheme-type-changed"]


def test_serialization_defaults_written_out_and_explode_on_a_scalar_are_not_changes() -> None:
    tags = {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}}
    spelled = {**tags, "style": "form", "explode": True}
    assert ids(document("parameters", [tags]), document("parameters", [spelled])) == []
    scalar = {"name": "q", "in": "query", "schema": {"type": "string"}}
    assert ids(document("parameters", [scalar]), document("parameters", [{**scalar, "explode": False}])) == []
    untyped = {"name": "filter", "in": "query", "schema": {}}
    assert ids(
        document("parameters", [untyped]), document("parameters", [{**untyped, "explode": False}])
    ) == ["request-parameter-explode-changed"]


def test_read_only_and_write_only_transitions_count_as_the_property_appearing_or_vanishing() -> None:
    def doc(slot: str, required: list[str], **flags: bool) -> dict[str, Any]:
        schema = {"type": "object", "required": required, "properties": {"p": {"type": "string", **flags}}}
        return document(slot, schema)

    # a required property that stops being readOnly must now be sent
    assert ids(doc("request-schema", ["p"], readOnly=True), doc("request-schema", ["p"])) == [
        "new-required-request-property"
    ]
    # a property that becomes readOnly is no longer accepted from clients
    assert ids(doc("request-schema", []), doc("request-schema", [], readOnly=True)) == [
        "request-property-removed"
    ]
    # a required response property that becomes writeOnly is no longer returned
    assert ids(doc("response-schema", ["p"]), doc("response-schema", ["p"], writeOnly=True)) == [
        "response-required-property-removed"
    ]


def test_setting_a_default_is_reported_like_changing_it() -> None:
    base = document("parameter-schema", {"type": "integer"})
    assert ids(base, document("parameter-schema", {"type": "integer", "default": 20})) == [
        "request-parameter-default-value-changed"
    ]


def test_an_operation_still_served_under_its_old_server_through_x_also_served_under_loses_nothing() -> None:
    from codegen.diff.compare import DocumentDiff

    def document(path_item_extra: dict[str, Any]) -> dict[str, Any]:
        operation = {"operationId": "health_live", "responses": {"200": {"description": "up"}}}
        return {
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "servers": [{"url": "/api/v1"}],
            "paths": {"/health/live": {**path_item_extra, "get": operation}},
        }

    base = document({"servers": [{"url": "/"}]})
    moved_with_alias = document({"x-also-served-under": ["/"]})
    moved = document({})
    assert [c.id for c in DocumentDiff(base, moved_with_alias).run()] == ["server-added"]
    assert "server-removed" in [c.id for c in DocumentDiff(base, moved).run()]
