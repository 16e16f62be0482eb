"""Every operation of the contract, fuzzed by Schemathesis with all of its default checks, three times: as a
member (JWT), as staff (API key) and without credentials.

Per operation and identity Schemathesis runs the contract's examples, its coverage phase (boundary values,
missing and malformed parameters, undeclared methods) and CONTRACT_MAX_EXAMPLES fuzzed cases, positive and
negative. A failure names the operation and the check and ends with a curl command that reproduces it.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from .conftest import World
from .harness import call_kwargs, load_schema

pytestmark = pytest.mark.contract

# Fixtures are per test (one operation), not per generated case: World.isolated() resets the state per case.
SETTINGS = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)

as_member = load_schema("member")
as_staff = load_schema("staff")
anonymous = load_schema("anonymous")


@as_member.parametrize()
@SETTINGS
def test_as_member(case: Any, world: World) -> None:
    with world.isolated():
        case.call_and_validate(**call_kwargs(case))


@as_staff.parametrize()
@SETTINGS
def test_as_staff(case: Any, world: World) -> None:
    with world.isolated():
        case.call_and_validate(**call_kwargs(case))


@anonymous.parametrize()
@SETTINGS
def test_anonymous(case: Any, world: World) -> None:
    with world.isolated():
        case.call_and_validate(**call_kwargs(case))
