"""`contract lint`'s deprecation rules (codegen/lint/deprecation.py), and the proposed first deprecation of
the real contract (codegen/tests/deprecation-proposal.yaml) merged into it: lints clean, diffs
compatible."""

from __future__ import annotations

import copy
import textwrap
from pathlib import Path
from typing import Any

import yaml

from codegen.diff import Level, diff_documents
from codegen.diff.sunset import parse_instant
from codegen.document import load_document
from codegen.findings import Severity
from codegen.lint import lint_document
from codegen.paths import DEFAULT_SPEC

# Not under codegen/tests/specs: those are whole documents, run through every tool by test_corpus.py.
PROPOSAL = Path(__file__).parent / "deprecation-proposal.yaml"

DEPRECATED = """\
    openapi: 3.1.0
    info: {title: Deprecated, version: '1'}
    tags: [{name: pets}]
    paths:
      /pets:
        get:
          operationId: pets_list
          tags: [pets]
          summary: List pets
          deprecated: true
          x-deprecated-at: '2026-12-01'
          x-sunset: '2027-06-30'
          description: Deprecated; removed after 2027-06-30.
          externalDocs: {url: 'https://example.com/migrate'}
          parameters:
            - name: q
              in: query
              deprecated: true
              x-deprecated-at: '2026-12-01'
              x-sunset: '2027-03-31'
              description: Use search. Sunset 2027-03-31.
              schema: {type: string}
          responses:
            '200':
              description: ok
              headers:
                Deprecation: {$ref: '#/components/headers/Deprecation'}
                Sunset: {$ref: '#/components/headers/Sunset'}
                Link: {$ref: '#/components/headers/DeprecationLink'}
            '404': {$ref: '#/components/responses/NotFound'}
    components:
      headers:
        Deprecation: {schema: {type: string}}
        Sunset: {schema: {type: string}}
        DeprecationLink: {schema: {type: string}}
      responses:
        NotFound:
          description: not found
          content:
            application/problem+json:
              schema: {type: object}
"""


def lint(tmp_path: Path, text: str) -> list[tuple[str, Severity, str]]:
    path = tmp_path / "api.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return [(f.rule, f.severity, f.message) for f in lint_document(load_document(path))]


def test_a_complete_deprecation_lints_clean(tmp_path: Path) -> None:
    assert lint(tmp_path, DEPRECATED) == []


def test_missing_or_bad_dates(tmp_path: Path) -> None:
    text = DEPRECATED.replace("          x-deprecated-at: '2026-12-01'\n", "", 1)
    text = text.replace("x-sunset: '2027-03-31'", "x-sunset: 'in spring'")
    findings = lint(tmp_path, text)
    assert ("deprecation-dates", Severity.ERROR) in {(r, s) for r, s, _ in findings}
    messages = [m for r, _, m in findings if r == "deprecation-dates"]
    assert any("GET /pets is deprecated: x-deprecated-at (missing)" in m for m in messages)
    assert any("query parameter q is deprecated: x-sunset ('in spring' is not" in m for m in messages)
    early = lint(tmp_path, DEPRECATED.replace("x-sunset: '2027-06-30'", "x-sunset: '2026-01-01'"))
    assert any("x-sunset is before x-deprecated-at" in m for _, _, m in early)


def test_the_description_must_show_the_sunset(tmp_path: Path) -> None:
    findings = lint(tmp_path, DEPRECATED.replace("removed after 2027-06-30", "removed later"))
    assert [(r, s) for r, s, _ in findings] == [("deprecation-undocumented", Severity.ERROR)]
    assert "2027-06-30" in findings[0][2]


def test_responses_must_declare_the_headers(tmp_path: Path) -> None:
    text = DEPRECATED.replace("                Link: {$ref: '#/components/headers/DeprecationLink'}\n", "")
    text = text.replace("                Sunset: {$ref: '#/components/headers/Sunset'}\n", "")
    findings = [f for f in lint(tmp_path, text) if f[0] == "deprecation-headers-undeclared"]
    assert len(findings) == 1  # the 200; the shared 404 is an error response, exempt
    assert findings[0][2].endswith(
        "response 200 must declare the header(s) the server adds: Sunset, Link "
        "($ref #/components/headers/...)"
    )


def test_dates_on_what_is_not_deprecated_and_deprecated_properties_without_a_sunset_warn(
    tmp_path: Path,
) -> None:
    text = DEPRECATED.replace("          deprecated: true\n          x-deprecated-at: '2026-12-01'\n", "", 1)
    text = text.replace("          externalDocs: {url: 'https://example.com/migrate'}\n", "").replace(
        "                Link: {$ref: '#/components/headers/DeprecationLink'}\n", ""
    )
    text += "      schemas:\n        Pet:\n          properties:\n"
    text += "            tag: {type: string, deprecated: true}\n"
    findings = lint(tmp_path, text)
    warnings = [m for r, s, m in findings if r == "deprecation-dates" and s is Severity.WARNING]
    assert any("GET /pets has x-sunset but is not deprecated" in m for m in warnings)
    assert any("deprecated property tag has no valid x-sunset" in m for m in warnings)


# -- the proposal for openapi/openapi.yaml -------------------------------------------------------------------


def with_proposal(contract: dict[str, Any]) -> dict[str, Any]:
    proposal = yaml.safe_load((PROPOSAL).read_text(encoding="utf-8"))
    doc = copy.deepcopy(contract)
    doc["components"]["headers"] |= proposal["components.headers"]
    tasks_list = doc["paths"]["/projects/{project_id}/tasks"]["get"]
    tasks_list["parameters"] += proposal["tasks_list.parameters"]
    tasks_list["responses"]["200"]["headers"] |= proposal["tasks_list.responses.200.headers"]
    return doc


def test_the_proposed_deprecation_lints_clean_and_is_a_compatible_change(tmp_path: Path) -> None:
    contract = load_document(DEFAULT_SPEC).data
    if any(
        isinstance(p, dict) and p.get("name") == "q"
        for p in contract["paths"]["/projects/{project_id}/tasks"]["get"].get("parameters", [])
    ):
        return  # already merged into the contract (then test_lint's clean run covers it)
    proposed = with_proposal(contract)
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(proposed, sort_keys=False, allow_unicode=True), encoding="utf-8")
    findings = lint_document(load_document(path))
    assert [(f.rule, f.message) for f in findings] == []
    changes = diff_documents(contract, proposed, parse_instant("2026-12-03"))
    assert {c.id for c in changes} == {"new-optional-request-parameter", "response-header-added"}
    assert all(c.level is Level.INFO for c in changes)
    # and once its sunset has passed, removing it again is compatible too
    removal = diff_documents(proposed, contract, parse_instant("2027-06-30"))
    assert all(c.level is Level.INFO for c in removal)
    assert {c.id for c in removal} == {
        "request-parameter-removed-after-sunset",
        "response-deprecation-header-removed",
    }
