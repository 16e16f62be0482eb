"""The permission matrix: every operation on project data, for every kind of caller.

Members get 2xx or 403 by role, non-members (staff included) 404, anonymous callers 401, and a refused
request changes nothing.
"""

from __future__ import annotations

import pytest

from server.apps.accounts.tests.support import assert_problem
from server.common.testing import ContractClient, ProjectWorld
from server.contract.spec import get_contract

from .operations import CALLERS, PROJECT_OPS, Op, Scene, database_state

pytestmark = pytest.mark.django_db

_ERROR_CODES = {401: "not_authenticated", 403: "permission_denied", 404: "not_found"}


def test_the_matrix_covers_every_operation_on_project_data() -> None:
    project_scoped = {
        operation_id
        for operation_id, operation in get_contract().operations.items()
        if operation.path.startswith("/projects/{project_id}")
    }
    assert {op.operation_id for op in PROJECT_OPS} == project_scoped
    for op in PROJECT_OPS:
        assert set(op.expected) == set(CALLERS)


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("op", PROJECT_OPS, ids=lambda op: op.operation_id)
def test_permission_matrix(scene: Scene, op: Op, caller: str) -> None:
    expected = op.expected[caller]
    before = database_state()

    response = scene.world.client(caller).send(op.method, op.url(scene), op.payload(scene))

    after = database_state()
    if expected >= 400:
        assert_problem(response, expected, _ERROR_CODES[expected])
        assert after == before, "a refused request must not write anything"
    else:
        assert response.status_code == expected, response.content
        if op.writes:
            assert after != before, "an accepted write must change something"
        else:
            assert after == before


@pytest.mark.parametrize(
    "caller, expected",
    [
        ("owner", 403),
        ("maintainer", 403),
        ("viewer", 403),
        ("outsider", 403),
        ("anonymous", 401),
        ("admin", 200),
    ],
)
def test_users_list_is_staff_only(world: ProjectWorld, caller: str, expected: int) -> None:
    response = world.client(caller).send("GET", "/users")
    if expected == 200:
        assert response.status_code == 200
        assert {item["username"] for item in response.json()["items"]} == {
            "olivia",
            "max",
            "vera",
            "otto",
            "ada",
        }
    else:
        assert_problem(response, expected, _ERROR_CODES[expected])


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/users/me"),
        ("GET", "/api-keys"),
        ("GET", "/projects"),
    ],
)
@pytest.mark.parametrize("caller", CALLERS)
def test_caller_scoped_operations_need_only_authentication(
    world: ProjectWorld, caller: str, method: str, path: str
) -> None:
    response = world.client(caller).send(method, path)
    if caller == "anonymous":
        assert_problem(response, 401, "not_authenticated")
    else:
        assert response.status_code == 200, response.content


def test_members_may_leave_but_not_remove_others(scene: Scene) -> None:
    world = scene.world
    for caller, target in (("maintainer", world.viewer), ("viewer", world.maintainer)):
        response = world.client(caller).send("DELETE", f"/projects/{world.project.pk}/members/{target.pk}")
        assert_problem(response, 403, "permission_denied")
    for caller in ("viewer", "maintainer"):
        member = getattr(world, caller)
        response = world.client(caller).send("DELETE", f"/projects/{world.project.pk}/members/{member.pk}")
        assert response.status_code == 204
        assert_problem(world.client(caller).send("GET", f"/projects/{world.project.pk}"), 404, "not_found")


def test_a_non_member_cannot_leave_a_project_they_are_not_in(scene: Scene) -> None:
    world = scene.world
    response = world.client("outsider").send(
        "DELETE", f"/projects/{world.project.pk}/members/{world.outsider.pk}"
    )
    assert_problem(response, 404, "not_found")


def test_a_member_of_another_project_sees_nothing_here(scene: Scene) -> None:
    world = scene.world
    other = world.client("outsider").send("POST", "/projects", {"name": "Gemini"}).json()
    # The outsider owns another project: that gives them nothing in this one.
    for op in PROJECT_OPS:
        response = world.client("outsider").send(op.method, op.url(scene), op.payload(scene))
        assert_problem(response, 404, "not_found")
    # And this project's ids do not reach into theirs: the task belongs to the owner's project.
    response = world.client("outsider").send("GET", f"/projects/{other['id']}/tasks/{scene.task.pk}")
    assert_problem(response, 404, "not_found")


@pytest.mark.parametrize("op", PROJECT_OPS, ids=lambda op: op.operation_id)
def test_bad_credentials_are_401_authentication_failed_everywhere(scene: Scene, op: Op) -> None:
    client = ContractClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer not-a-jwt")
    before = database_state()
    response = client.send(op.method, op.url(scene), op.payload(scene))
    assert_problem(response, 401, "authentication_failed")
    assert database_state() == before
