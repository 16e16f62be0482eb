"""The drift check and the Schemathesis harness on a multi-file contract (our own, split into files at test
time by codegen/tests/multifile.py): both read the bundled form and see what they see on the single file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings

from codegen.document import load_document
from codegen.tests.multifile import split_contract

from .drift import compare, contract_document, generated_document
from .harness import _raw_document, load_schema

pytestmark = pytest.mark.contract


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return split_contract(Path(settings.CONTRACT_SPEC_PATH), tmp_path_factory.mktemp("multifile"))


@pytest.fixture(scope="module")
def single() -> dict[str, Any]:
    return load_document(settings.CONTRACT_SPEC_PATH).data


def test_the_drift_check_reads_the_bundled_contract_and_finds_no_drift(
    split: Path, single: dict[str, Any]
) -> None:
    with override_settings(CONTRACT_SPEC_PATH=split):
        contract = contract_document()
    assert contract == single
    problems, counts = compare(contract, generated_document())
    assert not problems, problems
    assert counts["operations"] > 30


def _operations(schema: Any) -> list[str]:
    return sorted(f"{op.ok().method.upper()} {op.ok().path}" for op in schema.get_all_operations())


@pytest.mark.django_db  # the schema is fetched through the application (its middleware may use the database)
def test_the_schemathesis_harness_loads_the_bundled_contract(split: Path, single: dict[str, Any]) -> None:
    expected = _operations(load_schema("anonymous"))
    with override_settings(CONTRACT_SPEC_PATH=split):
        assert _raw_document() == single
        schema = load_schema("anonymous")  # fetched from the server: /api/v1/openapi.json, the bundled form
        assert schema.raw_schema == single
        assert _operations(schema) == expected and len(expected) > 30
