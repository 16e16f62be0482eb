"""A deactivated account is refused by every operation, whatever its view does (issue 17.5).

The JWT authentication loads the caller and refuses an inactive account unless the view declares that its
first lookup joins the account (AccountCheckedByQuery, which saves that query on the hot paths). This test
sends a still-valid token of a just-deactivated caller to every operation of the contract
(calls_for_every_operation fails when an operation is missing), so a view that declares the check falsely, or
a lookup that stops joining the account, fails here: 401, and nothing written.
"""

from __future__ import annotations

import pytest

from server.apps.accounts.tests.support import assert_problem
from server.common.testing import ContractClient
from server.contract.spec import get_contract

from .operations import Scene, calls_for_every_operation, database_state

pytestmark = pytest.mark.django_db

AUTHENTICATED = sorted(
    operation_id
    for operation_id, operation in get_contract().operations.items()
    if get_contract().document["paths"][operation.path][operation.method].get("security") != []
)


def test_every_authenticated_operation_is_covered(scene: Scene) -> None:
    called = {call.operation_id for call in calls_for_every_operation(scene) if call.caller != "anonymous"}
    assert called == set(AUTHENTICATED)


@pytest.mark.parametrize("operation_id", AUTHENTICATED)
@pytest.mark.parametrize("credentials", ["jwt", "api_key"])
def test_a_deactivated_caller_is_refused_by_every_operation(
    scene: Scene, operation_id: str, credentials: str
) -> None:
    from server.apps.accounts.services import api_key_create

    call = next(c for c in calls_for_every_operation(scene) if c.operation_id == operation_id)
    caller = getattr(scene.world, call.caller)
    client: ContractClient = scene.world.client(call.caller)  # a token issued while the account was active
    if credentials == "api_key":
        _, secret = api_key_create(user=caller, name="doomed")
        client = ContractClient()
        client.credentials(HTTP_X_API_KEY=secret)
    caller.is_active = False
    caller.save(update_fields=["is_active"])
    before = database_state()

    response = client.send(call.method, call.path, call.body)

    assert_problem(response, 401, "authentication_failed")
    assert database_state() == before
