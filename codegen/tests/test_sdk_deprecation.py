"""The SDKs warn when a call uses something the contract deprecates: Python with `DeprecationWarning`
(attributed to the caller's line), TypeScript through `onDeprecation` (default: one `console.warn`; its
node test is clients/typescript/test/deprecation.test.ts). The generator's part is checked on the real
contract plus the proposed first deprecation (codegen/tests/deprecation-proposal.yaml) and a
deprecated operation."""

from __future__ import annotations

import asyncio
import warnings
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from projectmgmt_client._runtime import AsyncCore, Operation, Returns, SyncCore

from codegen.document import load_document
from codegen.paths import DEFAULT_SPEC
from codegen.tests.conftest import run_contract
from codegen.tests.test_lint_deprecation import with_proposal

OLD = Operation(
    "things_list",
    "GET",
    "/things",
    deprecation="things_list (GET /things) is deprecated since 2026-06-01, sunset 2027-01-31",
    deprecated_params=(("query", "q", "things_list: query parameter q is deprecated, sunset 2027-06-30"),),
)
FINE = Operation(
    "items_list",
    "GET",
    "/items",
    deprecated_params=(("query", "q", "items_list: query parameter q is deprecated, sunset 2027-06-30"),),
)
RETURNS: Returns[Any] = Returns(Any)


def _http() -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(200, json={})))


def test_a_deprecated_operation_warns_at_the_callers_line() -> None:
    core = SyncCore("http://api.test", http_client=_http())
    with pytest.warns(DeprecationWarning) as caught:
        core.request(OLD, RETURNS)
    [warning] = caught.list
    assert (
        str(warning.message) == "things_list (GET /things) is deprecated since 2026-06-01, sunset 2027-01-31"
    )
    assert warning.filename == __file__  # the caller, not the runtime


def test_a_deprecated_parameter_warns_only_when_passed() -> None:
    core = SyncCore("http://api.test", http_client=_http())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        core.request(FINE, RETURNS, query={"q": None, "search": "x"})  # not passed: no warning
    with pytest.warns(DeprecationWarning, match="query parameter q is deprecated, sunset 2027-06-30"):
        core.request(FINE, RETURNS, query={"q": "x"})
    with pytest.warns(DeprecationWarning) as both:
        core.request(OLD, RETURNS, query={"q": "x"})
    assert [str(w.message).split(" ")[0] for w in both.list] == ["things_list", "things_list:"]


def test_async_calls_warn_too() -> None:
    async def run() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(200, json={})))
        core = AsyncCore("http://api.test", http_client=http)
        await core.request(OLD, RETURNS)

    with pytest.warns(DeprecationWarning, match="sunset 2027-01-31") as caught:
        asyncio.run(run())
    assert caught.list[0].filename == __file__


def test_the_generated_sdks_carry_the_deprecations(tmp_path: Path) -> None:
    document = with_proposal(load_document(DEFAULT_SPEC).data)
    document["paths"]["/health/live"]["get"] |= {
        "deprecated": True,
        "x-deprecated-at": "2026-06-01",
        "x-sunset": "2027-01-31",
    }
    spec = tmp_path / "openapi.yaml"
    spec.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    result = run_contract("generate", "--spec", str(spec), "--out", str(out), "--only", "python-sdk")
    assert result.returncode == 0, result.stderr
    [client] = list(out.glob("python/src/*/_client.py"))
    text = client.read_text(encoding="utf-8")
    assert (
        'deprecation="health_live (GET /health/live) is deprecated since 2026-06-01, sunset 2027-01-31",'
        in text
    )
    assert (
        '("query", "q", "tasks_list: query parameter q is deprecated since 2026-12-03, sunset 2027-06-30"),'
        in text
    )
    assert (
        "Deprecated: the contract marks this operation deprecated since 2026-06-01, sunset 2027-01-31" in text
    )
