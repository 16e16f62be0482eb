"""Stateful sequences: Schemathesis chains operations through the contract's OpenAPI links (create ->
retrieve -> update -> delete; project -> task -> comment; project -> member; API key -> revoke), plus the
links it infers itself: from the `Location` headers of a first round of creations, and from dependency
analysis of the schemas (`id` of one response feeding a path parameter of another operation).

Every default check runs on every step, including the two that only make sense in sequences:
`use_after_free` (a deleted resource must be gone) and `ensure_resource_availability` (a created one must be
there). Each scenario starts from the seeded world (World.isolated()).
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from schemathesis.engine.observations import LocationHeaderEntry, Observations

from .conftest import World
from .harness import (
    RUN_LOG,
    STATEFUL_EXAMPLES,
    STATEFUL_STEPS,
    call_kwargs,
    is_live,
    load_schema,
    member_token,
)
from .seed import IDS

pytestmark = pytest.mark.contract

# One creation per operation that answers 201 + Location, from the contract's own request examples.
# Path parameters and references point at the seeded world; `user_id` names someone not yet a member.
WARM_UP: dict[str, tuple[dict[str, int], dict[str, Any]]] = {
    "projects_create": ({}, {}),
    "tasks_create": ({"project_id": IDS.apollo}, {"assignee_id": IDS.max}),
    "comments_create": ({"project_id": IDS.apollo, "task_id": IDS.apollo_task}, {}),
    "project_members_add": ({"project_id": IDS.apollo}, {"user_id": IDS.nia}),
    "api_keys_create": ({}, {}),
    "users_register": (
        {},
        {"username": f"grace.{uuid.uuid4().hex[:8]}", "email": f"{uuid.uuid4().hex[:8]}@x.io"},
    ),
}


def _observe_locations(schema: Any) -> Observations:
    observations = Observations()
    for operation_id, (path_parameters, body_overrides) in WARM_UP.items():
        operation = schema.find_operation_by_id(operation_id)
        raw = operation.definition.raw
        example = raw["requestBody"]["content"]["application/json"]["example"]
        case = operation.Case(path_parameters=path_parameters, body={**example, **body_overrides})
        response = case.call(headers={"Authorization": f"Bearer {member_token()}"})
        assert response.status_code == 201, (operation_id, response.status_code, response.text)
        location = response.headers["location"][0]
        observations.location_headers.setdefault(operation, []).append(
            LocationHeaderEntry(status_code=response.status_code, value=location)
        )
    return observations


def test_stateful_sequences(world: World) -> None:
    schema = load_schema("member")
    with world.isolated():
        inference = schema.apply_stateful_inference(_observe_locations(schema))
    RUN_LOG.note(f"stateful: {inference.total} transitions, {inference.inferred} inferred by Schemathesis")
    machine = schema.as_state_machine()

    class Workflow(machine):  # type: ignore[misc, valid-type]
        def setup(self) -> None:
            self._scenario = world.isolated(reseed=True)
            self._scenario.__enter__()

        def teardown(self) -> None:
            self._scenario.__exit__(None, None, None)

        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {**super().get_call_kwargs(case), **call_kwargs(case)}

    Workflow.run(
        settings=settings(
            max_examples=STATEFUL_EXAMPLES,
            stateful_step_count=STATEFUL_STEPS,
            deadline=None,
            phases=[Phase.generate] if is_live() else [Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            database=None,
        )
    )
