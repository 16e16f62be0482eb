"""The registry of error codes (server/common/error_codes.py) against the contract and the code.

* The contract's error table (its description) lists exactly the registered codes, under the same statuses.
* Every problem example an operation declares uses a registered code, under the code's status.
* Every operation declares, at the right status, each code the stack in front of its handler can answer
  (request validation, authentication, throttling, the body limit, the exception handler).
* The server raises no code outside the registry: every literal `code=` handed to a problem, and every
  exception class's `default_code` that a call relies on, is registered.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

from server.common.error_codes import OUTSIDE_OPERATIONS, STATUS, ErrorCode
from server.contract.spec import Operation, get_contract, resolve

SERVER = Path(__file__).resolve().parents[2]
PROBLEM = "application/problem+json"
_TABLE_ROW = re.compile(r"^\|\s*(\d{3})\s*\|(.*)\|\s*$")
_CODE = re.compile(r"`([a-z_]+)`")
# Calls whose `code=` is the problem's `code` (not a validation item's, nor DRF's own).
_PROBLEM_CALLS = {
    "ApiError",
    "BadRequest",
    "NotFound",
    "PermissionDenied",
    "Conflict",
    "Unprocessable",
    "UnsupportedMediaType",
    "PayloadTooLarge",
    "PreconditionFailed",
    "NotAcceptable",
    "RequestRejected",
    "problem_json_response",
    "problem_body",
}


def _contract_table() -> dict[str, int]:
    """code -> status from the `| Status | Codes |` table of the contract's description (the first code
    of each backticked run; parentheses explain, they do not add codes)."""
    table: dict[str, int] = {}
    for line in get_contract().document["info"]["description"].splitlines():
        match = _TABLE_ROW.match(line.strip())
        if match:
            codes = re.sub(r"\([^)]*\)", "", match.group(2))
            for code in _CODE.findall(codes):
                table[code] = int(match.group(1))
    return table


def _contract_examples() -> dict[str, set[int]]:
    """code -> the statuses the contract's problem examples give it, over every operation."""
    found: dict[str, set[int]] = defaultdict(set)
    for operation in get_contract().operations.values():
        for status, codes in _declared_codes(operation).items():
            for code in codes:
                found[code].add(status)
    return found


def test_the_registry_is_what_the_contract_declares() -> None:
    """Both ways: every registered code is declared by some operation (but the few answered before any
    operation is resolved), every declared code is registered, under one status."""
    assert set(STATUS) == set(ErrorCode)
    registered = {code.value: {code.status} for code in ErrorCode if code not in OUTSIDE_OPERATIONS}
    assert dict(_contract_examples()) == registered
    assert set(_contract_table()) >= OUTSIDE_OPERATIONS


def test_the_contracts_error_table_lists_registered_codes() -> None:
    table = _contract_table()
    assert table, "the error table was not found in the contract's description"
    assert {code: ErrorCode(code).status for code in table if code in {c.value for c in ErrorCode}} == table


def _declared_codes(operation: Operation) -> dict[int, set[str]]:
    """status -> the codes the operation's problem responses give as examples."""
    document = get_contract().document
    declared: dict[int, set[str]] = defaultdict(set)
    for status, raw in operation.responses.items():
        media = (resolve(document, raw).get("content") or {}).get(PROBLEM)
        if media is None:
            continue
        examples = dict(media.get("examples") or {})
        if "example" in media:
            examples["example"] = {"value": media["example"]}
        for example in examples.values():
            code = resolve(document, example).get("value", {}).get("code")
            if code is not None:
                declared[int(status)].add(code)
    return declared


OPERATIONS = sorted(get_contract().operations.values(), key=lambda op: op.operation_id)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.operation_id)
def test_every_declared_example_uses_a_registered_code_at_its_status(operation: Operation) -> None:
    declared = _declared_codes(operation)
    assert declared, "no problem response with an example"
    for status, codes in declared.items():
        for code in codes:
            assert code in {c.value for c in ErrorCode}, f"{status} {code} is not registered"
            assert ErrorCode(code).status == status, f"{code} is declared under {status}"


def _stack_codes(operation: Operation) -> set[ErrorCode]:
    """What answers before (and around) the handler of any operation like this one."""
    codes = {ErrorCode.INTERNAL_ERROR}
    if ErrorCode.DEPENDENCY_UNAVAILABLE not in _declared_codes(operation)[503]:
        # (readiness catches an outage itself and names the dependency: dependency_unavailable)
        codes.add(ErrorCode.SERVICE_UNAVAILABLE)
    if operation.parameters or operation.has_request_body:
        codes.add(ErrorCode.VALIDATION_ERROR)
    if operation.has_request_body:
        codes |= {ErrorCode.MALFORMED_JSON, ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE}
    if not operation.public:
        codes |= {ErrorCode.NOT_AUTHENTICATED, ErrorCode.AUTHENTICATION_FAILED, ErrorCode.THROTTLED}
    if operation.throttle_scope:
        codes.add(ErrorCode.THROTTLED)
    return codes


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.operation_id)
def test_every_operation_declares_what_the_stack_answers(operation: Operation) -> None:
    declared = _declared_codes(operation)
    missing = sorted(
        f"{code.status} {code}" for code in _stack_codes(operation) if code not in declared[code.status]
    )
    assert not missing, f"{operation.operation_id} does not declare {missing}"


def _modules() -> list[Path]:
    return [
        path
        for path in sorted(SERVER.rglob("*.py"))
        if not {"tests", "migrations", "generated", "node_modules"} & set(path.relative_to(SERVER).parts)
    ]


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _problem_codes_in_code() -> tuple[dict[str, list[str]], dict[str, str], set[str]]:
    """literal codes handed to problems (code -> where), each class's literal default_code, and the classes
    some call relies on the default of (called without `code=`)."""
    literals: dict[str, list[str]] = defaultdict(list)
    defaults: dict[str, str] = {}
    relied_on: set[str] = set()
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = str(path.relative_to(SERVER.parent))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in _PROBLEM_CALLS:
                keyword = next((k for k in node.keywords if k.arg == "code"), None)
                if keyword is None:
                    relied_on.add(_name(node.func))
                elif isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                    literals[keyword.value.value].append(f"{where}:{node.lineno}")
            if isinstance(node, ast.ClassDef):
                for statement in node.body:
                    if (
                        isinstance(statement, ast.Assign)
                        and [_name(t) for t in statement.targets] == ["default_code"]
                        and isinstance(statement.value, ast.Constant)
                    ):
                        defaults[node.name] = str(statement.value.value)
    return literals, defaults, relied_on


def test_the_server_raises_only_registered_codes() -> None:
    literals, defaults, relied_on = _problem_codes_in_code()
    registered = {code.value for code in ErrorCode}
    assert literals or defaults, "the scan found nothing: it no longer sees how problems are raised"
    unregistered = {code: where for code, where in literals.items() if code not in registered}
    assert not unregistered, f"codes outside server/common/error_codes.py: {unregistered}"
    bad_defaults = {
        cls: code for cls, code in defaults.items() if cls in relied_on and code not in registered
    }
    assert not bad_defaults, f"raised without `code=`, so with an unregistered default: {bad_defaults}"


def test_the_registry_is_used() -> None:
    """Registered codes are referenced by name, not retyped: the apps raise no literal codes."""
    literals, _, _ = _problem_codes_in_code()
    in_apps = {code: [w for w in where if w.startswith("server/apps/")] for code, where in literals.items()}
    assert not {code: where for code, where in in_apps.items() if where}
