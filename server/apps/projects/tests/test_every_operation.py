"""One end-to-end session through every operation of the contract, as a newly registered user would use the
API. Guards that no operation is left without a success-path test when the contract grows."""

from __future__ import annotations

from typing import Any

import pytest

from server.common.testing import ContractClient, client_for, user_make
from server.contract.spec import get_contract

pytestmark = pytest.mark.django_db


def test_every_operation_succeeds_in_a_realistic_session() -> None:
    called: dict[str, int] = {}
    client = ContractClient()

    def call(
        operation_id: str, method: str, path: str, body: Any = None, *, status: int, via: Any = None
    ) -> Any:
        response = (via or client).send(method, path, body)
        assert response.status_code == status, (operation_id, response.content)
        called[operation_id] = response.status_code
        operation = get_contract().operations[operation_id]
        assert operation.method == method.lower()
        return response.json() if response.content else None

    password = "Cobol-Compiler-1959"
    me = call(
        "users_register",
        "POST",
        "/users",
        {"username": "grace", "email": "grace@example.com", "password": password},
        status=201,
    )
    pair = call(
        "auth_token_obtain", "POST", "/auth/token", {"username": "grace", "password": password}, status=200
    )
    access = call(
        "auth_token_refresh", "POST", "/auth/token/refresh", {"refresh": pair["refresh"]}, status=200
    )
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access['access']}")
    assert call("users_me_retrieve", "GET", "/users/me", status=200)["id"] == me["id"]
    call("users_me_update", "PATCH", "/users/me", {"full_name": "Grace Hopper"}, status=200)

    key = call("api_keys_create", "POST", "/api-keys", {"name": "CI"}, status=201)
    assert [k["id"] for k in call("api_keys_list", "GET", "/api-keys", status=200)["items"]] == [key["id"]]
    client.credentials(HTTP_X_API_KEY=key["secret"])  # from here on, the API key

    project = call("projects_create", "POST", "/projects", {"name": "Compiler"}, status=201)
    p = f"/projects/{project['id']}"
    call("projects_list", "GET", "/projects", status=200)
    call("projects_retrieve", "GET", p, status=200)
    call("projects_replace", "PUT", p, {"name": "A-0", "description": "The first compiler"}, status=200)
    call("projects_update", "PATCH", p, {"description": "Arithmetic language"}, status=200)

    # A user joins by accepting an invitation; a second one declines, a third is withdrawn.
    colleague = user_make("jean")
    invite = {"user_id": colleague.pk, "role": "viewer"}
    invitation = call("project_invitations_create", "POST", f"{p}/invitations", invite, status=201)
    call("project_invitations_list", "GET", f"{p}/invitations", status=200)
    as_colleague = client_for(colleague)
    mine = call("invitations_list_mine", "GET", "/users/me/invitations", status=200, via=as_colleague)
    assert [i["id"] for i in mine["items"]] == [invitation["id"]]
    accept = f"/users/me/invitations/{invitation['id']}/accept"
    assert call("invitations_accept", "POST", accept, status=201, via=as_colleague)["role"] == "viewer"
    declining = user_make("kay")
    invite = {"user_id": declining.pk, "role": "viewer"}
    declined = call("project_invitations_create", "POST", f"{p}/invitations", invite, status=201)
    decline = f"/users/me/invitations/{declined['id']}/decline"
    call("invitations_decline", "POST", decline, status=204, via=client_for(declining))
    withdrawn = call("project_invitations_create", "POST", f"{p}/invitations", invite, status=201)
    call("project_invitations_revoke", "DELETE", f"{p}/invitations/{withdrawn['id']}", status=204)
    # Someone the caller now works with is added to another project directly.
    other = call("projects_create", "POST", "/projects", {"name": "B-0"}, status=201)
    add = {"user_id": colleague.pk, "role": "viewer"}
    call("project_members_add", "POST", f"/projects/{other['id']}/members", add, status=201)
    call("project_members_list", "GET", f"{p}/members", status=200)
    call("project_members_update", "PATCH", f"{p}/members/{colleague.pk}", {"role": "maintainer"}, status=200)

    task = call(
        "tasks_create",
        "POST",
        f"{p}/tasks",
        {"title": "Write the linker", "assignee_id": colleague.pk},
        status=201,
    )
    t = f"{p}/tasks/{task['id']}"
    call("tasks_list", "GET", f"{p}/tasks", status=200)
    call("tasks_retrieve", "GET", t, status=200)
    call("tasks_update", "PATCH", t, {"status": "in_progress"}, status=200)

    comment = call("comments_create", "POST", f"{t}/comments", {"body": "Started."}, status=201)
    c = f"{t}/comments/{comment['id']}"
    call("comments_list", "GET", f"{t}/comments", status=200)
    call("comments_update", "PATCH", c, {"body": "Half done."}, status=200)
    hook = call(
        "webhooks_create",
        "POST",
        f"{p}/webhooks",
        {"url": "https://hooks.example.com/grace", "events": ["task.updated"]},
        status=201,
    )
    w = f"{p}/webhooks/{hook['id']}"
    call("webhooks_list", "GET", f"{p}/webhooks", status=200)
    call("webhooks_retrieve", "GET", w, status=200)
    call("webhooks_update", "PATCH", w, {"active": False}, status=200)
    delivery = call("webhooks_ping", "POST", f"{w}/ping", status=202)
    call("webhook_deliveries_list", "GET", f"{w}/deliveries", status=200)
    call("webhook_deliveries_redeliver", "POST", f"{w}/deliveries/{delivery['id']}/redeliver", status=202)
    call("webhooks_delete", "DELETE", w, status=204)
    call("comments_delete", "DELETE", c, status=204)
    call("tasks_delete", "DELETE", t, status=204)
    call("project_members_remove", "DELETE", f"{p}/members/{colleague.pk}", status=204)
    call("projects_delete", "DELETE", p, status=204)
    call("api_keys_revoke", "DELETE", f"/api-keys/{key['id']}", status=204)

    admin = client_for(user_make("root", is_staff=True))
    call("users_list", "GET", "/users", status=200, via=admin)

    # The probes, anonymous (declared under /api/v1; the root aliases are tested in ops/tests/test_health.py).
    probes = (("health_live", "/api/v1/health/live"), ("health_ready", "/api/v1/health/ready"))
    for operation_id, path in probes:
        response = ContractClient().get(path)
        assert response.status_code == 200, (operation_id, response.content)
        assert get_contract().operations[operation_id].method == "get"
        called[operation_id] = response.status_code

    assert set(called) == set(get_contract().operations)
