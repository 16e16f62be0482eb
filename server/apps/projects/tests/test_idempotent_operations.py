"""Every operation whose contract declares `Idempotency-Key` runs once per key, replays the same answer, and
writes nothing the second time: driven by the contract, so an operation that declares the header and a view
that does not honour it (or the reverse) cannot both pass."""

from __future__ import annotations

import pytest

from server.contract.spec import get_contract

from .operations import Scene, calls_for_every_operation, database_state

pytestmark = pytest.mark.django_db

DECLARING = sorted(op.operation_id for op in get_contract().operations.values() if op.idempotency_key)


@pytest.mark.parametrize("operation_id", DECLARING)
def test_a_keyed_request_runs_once_and_replays(scene: Scene, operation_id: str) -> None:
    call = next(c for c in calls_for_every_operation(scene) if c.operation_id == operation_id)
    client = scene.world.client(call.caller)
    key = {"HTTP_IDEMPOTENCY_KEY": f"once-{operation_id}"}

    first = client.send(call.method, call.path, call.body, **key)
    after_first = database_state()
    second = client.send(call.method, call.path, call.body, **key)

    assert (first.status_code, second.status_code) == (call.status, call.status), first.content
    assert "Idempotent-Replayed" not in first and second["Idempotent-Replayed"] == "true"
    assert second.content == first.content
    assert database_state() == after_first  # the replay wrote nothing
