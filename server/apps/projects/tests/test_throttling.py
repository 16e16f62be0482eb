"""Every operation on project data is throttled per user, and a throttled request changes nothing."""

from __future__ import annotations

import pytest

from server.apps.accounts.tests.support import assert_problem, throttle_rates

from .operations import PROJECT_OPS, Op, Scene, database_state

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("op", PROJECT_OPS, ids=lambda op: op.operation_id)
def test_every_project_operation_is_throttled(scene: Scene, op: Op) -> None:
    caller = "maintainer" if op.operation_id.startswith("comments_") else "owner"
    client = scene.world.client(caller)
    before = database_state()
    with throttle_rates(user="0/min"):
        response = client.send(op.method, op.url(scene), op.payload(scene))
    assert_problem(response, 429, "throttled")
    assert response["Retry-After"] == "60"
    assert database_state() == before
    # Once the budget is back, the same request goes through.
    assert client.send(op.method, op.url(scene), op.payload(scene)).status_code == op.expected[caller]
