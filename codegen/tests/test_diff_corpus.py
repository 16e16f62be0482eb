"""`contract diff` over ../shared/specs-corpus: itself -> nothing; a mutation -> no traceback."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from codegen.diff import diff_documents
from codegen.document import load_document
from codegen.tests.conftest import CORPUS, SPECS, run_contract

DOCUMENTS = sorted(
    p for d in (CORPUS, SPECS) if d.is_dir() for p in d.iterdir() if p.suffix in (".yaml", ".json")
)


def _openapi3(path: Path) -> dict[str, Any] | None:
    try:
        data = load_document(path).data
    except Exception:
        return None
    return data if str(data.get("openapi", "")).startswith("3.") else None


def _mutate(value: Any) -> Any:
    """Every `required` list emptied and every enum shortened, recursively."""
    if isinstance(value, dict):
        out = {k: _mutate(v) for k, v in value.items()}
        if isinstance(out.get("required"), list):
            out["required"] = []
        if isinstance(out.get("enum"), list) and len(out["enum"]) > 1:
            out["enum"] = out["enum"][:-1]
        return out
    if isinstance(value, list):
        return [_mutate(v) for v in value]
    return value


def test_the_corpus_is_there() -> None:
    assert len([p for p in DOCUMENTS if p.parent == CORPUS]) >= 10


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_a_document_against_itself_has_no_changes(path: Path) -> None:
    data = _openapi3(path)
    if data is None:
        pytest.skip("not a readable OpenAPI 3 document (lint reports it)")
    assert diff_documents(data, copy.deepcopy(data)) == []


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_a_mutated_document_is_compared_without_error(path: Path) -> None:
    data = _openapi3(path)
    if data is None:
        pytest.skip("not a readable OpenAPI 3 document")
    mutated = _mutate(data)
    paths = list(mutated.get("paths") or {})
    for removed in paths[::2][:-1] if len(paths) > 1 else []:
        del mutated["paths"][removed]
    changes = diff_documents(data, mutated)
    if len(paths) > 2:
        assert "api-path-removed" in {c.id for c in changes}
    assert all(c.pointer.startswith(("/paths/", "/webhooks/", "/servers", "/components/")) for c in changes)


def test_the_command_line_on_the_largest_document() -> None:
    largest = max((p for p in DOCUMENTS if p.parent == CORPUS), key=lambda p: p.stat().st_size)
    result = run_contract("diff", str(largest), str(largest), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert "Traceback" not in result.stderr
