"""The deprecation workflow in `contract diff`: a removal is judged against the `x-sunset` of what was
removed, compared with an injectable "now" (`--date`, `CONTRACT_DIFF_DATE`). Each rule's own fixture pair is
in test_diff.py (test_each_rule_example_yields_exactly_that_rule); these are the dates and the edges."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.diff import diff_documents
from codegen.diff.examples import document, template
from codegen.diff.sunset import now, parse_instant
from codegen.findings import CodegenError
from codegen.paths import REPO_ROOT
from codegen.tests.conftest import run_contract

UTC = dt.UTC


def at(day: str) -> dt.datetime:
    instant = parse_instant(day)
    assert instant is not None
    return instant


def ids(base: dict[str, Any], revision: dict[str, Any], day: str) -> list[str]:
    return [c.id for c in diff_documents(base, revision, at(day))]


def _clear_deprecated(sunset: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """`DELETE /items` deprecated with `sunset`, then removed."""
    extra = {"deprecated": True} | ({} if sunset is None else {"x-sunset": sunset})
    delete = {"operationId": "items_clear", "responses": {"204": {"description": "Gone"}}, **extra}
    base = template()
    base["paths"]["/items"]["delete"] = delete
    return base, template()


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2027-01-30", "api-removed-before-sunset"),
        ("2027-01-30T23:59:59Z", "api-removed-before-sunset"),
        ("2027-01-31", "api-removed-after-sunset"),  # a date alone: reached on that day
        ("2027-02-01T00:00:00+01:00", "api-removed-after-sunset"),
    ],
)
def test_a_removal_is_judged_against_its_sunset_and_the_injected_now(day: str, expected: str) -> None:
    base, revision = _clear_deprecated("2027-01-31")
    [change] = diff_documents(base, revision, at(day))
    assert change.id == expected
    assert "sunset 2027-01-31" in change.message and change.operation == "items_clear"


def test_a_sunset_with_a_time_is_reached_at_that_instant() -> None:
    base, revision = _clear_deprecated("2027-01-31T12:00:00Z")
    assert ids(base, revision, "2027-01-31T11:59:59Z") == ["api-removed-before-sunset"]
    assert ids(base, revision, "2027-01-31T12:00:00Z") == ["api-removed-after-sunset"]


def test_yaml_dates_unquoted_count_like_strings() -> None:
    base, revision = _clear_deprecated(dt.date(2027, 1, 31))
    assert ids(base, revision, "2027-02-01") == ["api-removed-after-sunset"]


@pytest.mark.parametrize("sunset", [None, "soon", "2027-02-30", "2027-01-31T12:00:00"])
def test_deprecated_without_a_readable_sunset_is_removed_before_it(sunset: Any) -> None:
    base, revision = _clear_deprecated(sunset)
    [change] = diff_documents(base, revision, at("2100-01-01"))
    assert change.id == "api-removed-before-sunset"
    assert "never told when" in change.message


def test_a_path_is_removable_only_when_every_operation_is_past_its_sunset() -> None:
    base, revision = template(), template()
    items = base["paths"]["/items"]
    items["get"] |= {"deprecated": True, "x-sunset": "2027-01-31"}
    items["post"] |= {"deprecated": True, "x-sunset": "2027-03-31"}
    del revision["paths"]["/items"]
    assert ids(base, revision, "2027-02-01") == ["api-path-removed-before-sunset"]
    assert ids(base, revision, "2027-03-31") == ["api-path-removed-after-sunset"]
    del items["post"]["deprecated"]
    assert ids(base, revision, "2027-04-01") == ["api-path-removed"]


def test_a_deprecated_parameter_and_a_deprecated_property_referenced_by_ref() -> None:
    parameter = {"name": "q", "in": "query", "schema": {"type": "string"}, "deprecated": True}
    base = document("parameters", [parameter | {"x-sunset": "2027-01-31"}])
    revision = document("parameters", [])
    assert ids(base, revision, "2027-01-01") == ["request-parameter-removed-before-sunset"]
    assert ids(base, revision, "2027-06-01") == ["request-parameter-removed-after-sunset"]
    # a property whose deprecation sits on the referenced component
    legacy = {"type": "string", "deprecated": True, "x-sunset": "2027-01-31"}
    schema = {"type": "object", "properties": {"id": {"type": "string"}, "legacy": {"$ref": "#/c/Legacy"}}}
    base = document("response-schema", schema)
    base["c"] = {"Legacy": legacy}
    revision = document("response-schema", {"type": "object", "properties": {"id": {"type": "string"}}})
    assert ids(base, revision, "2027-01-01") == ["response-optional-property-removed"]
    assert ids(base, revision, "2027-02-01") == ["response-property-removed-after-sunset"]


def test_sunset_changes_later_is_fine_and_x_sunset_alone_is_no_change() -> None:
    def op(extra: dict[str, Any]) -> dict[str, Any]:
        return document("operation", extra)

    later = op({"deprecated": True, "x-sunset": "2027-09-30"})
    assert ids(op({"deprecated": True, "x-sunset": "2027-06-30"}), later, "2027-01-01") == []
    assert ids(op({"x-sunset": "2027-06-30"}), op({}), "2027-01-01") == []  # not deprecated: no promise
    deprecated = [c for c in diff_documents(op({}), later, at("2027-01-01"))]
    assert [c.id for c in deprecated] == ["api-deprecated"]
    assert deprecated[0].message == "operation deprecated, sunset 2027-09-30"


def _write(path: Path, doc: dict[str, Any]) -> str:
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    return str(path)


def test_cli_date_option_and_environment(tmp_path: Path) -> None:
    base, revision = _clear_deprecated("2027-01-31")
    b, r = _write(tmp_path / "b.yaml", base), _write(tmp_path / "r.yaml", revision)

    def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, list[str]]:
        command = [sys.executable, "-m", "codegen", "diff", b, r, "--format", "json", *args]
        environment = {k: v for k, v in os.environ.items() if k != "CONTRACT_DIFF_DATE"} | (env or {})
        result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, env=environment)
        return result.returncode, [e["id"] for e in json.loads(result.stdout or "[]")]

    assert run("--date", "2027-01-30") == (1, ["api-removed-before-sunset"])
    assert run("--date", "2027-01-31") == (0, ["api-removed-after-sunset"])
    assert run(env={"CONTRACT_DIFF_DATE": "2027-02-01"}) == (0, ["api-removed-after-sunset"])
    # --date wins over the environment
    assert run("--date", "2027-01-01", env={"CONTRACT_DIFF_DATE": "2027-02-01"})[1] == [
        "api-removed-before-sunset"
    ]
    bad = run_contract("diff", b, r, "--date", "next tuesday")
    assert bad.returncode == 2 and "not an RFC 3339 date" in bad.stderr and "Traceback" not in bad.stderr


def test_now_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTRACT_DIFF_DATE", "2027-01-31")
    assert now() == dt.datetime(2027, 1, 31, tzinfo=UTC)
    monkeypatch.setenv("CONTRACT_DIFF_DATE", "garbage")
    with pytest.raises(CodegenError):
        now()
    monkeypatch.delenv("CONTRACT_DIFF_DATE")
    assert abs(now() - dt.datetime.now(UTC)) < dt.timedelta(minutes=1)
