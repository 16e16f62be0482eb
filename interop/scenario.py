"""The interop scenario: openapi-generator's python client drives every operation of the contract.

Run by interop/run.py with the python of a fresh venv holding the generated package (`interop_client`) and
PyYAML, never with the project's venv: it proves what a team gets from the contract alone. It talks to the
server through Prism's validating proxy (INTEROP_BASE_URL), calls every operation under `paths` at least
once with its successes and its declared errors, reads every answer into the generated models (successes
through the client's own deserialization, errors through its `Problem` model), and asserts statuses and
content. Every HTTP request is recorded, in order, with the Prism violations it is meant to cause (the
deliberate bad requests) in INTEROP_RECORD, so that run.py can hold Prism's log against it.

Environment: INTEROP_BASE_URL (Prism's origin), INTEROP_CONTRACT (openapi.yaml), INTEROP_RECORD (JSON out),
INTEROP_STAFF_USERNAME / INTEROP_STAFF_PASSWORD (a staff user of the demo data), INTEROP_NO_EMAIL_USERNAME
(an account without an email).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import json
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import interop_client as sdk
import yaml
from interop_client.exceptions import ApiException
from interop_client.models.problem import Problem
from interop_client.rest import RESTClientObject
from urllib3.exceptions import LocationValueError

BASE_URL = os.environ["INTEROP_BASE_URL"]
CONTRACT = os.environ["INTEROP_CONTRACT"]
RECORD = os.environ["INTEROP_RECORD"]
STAFF = (os.environ.get("INTEROP_STAFF_USERNAME", "alice"), os.environ.get("INTEROP_STAFF_PASSWORD", ""))

# An id no resource has: large, but within Prism's (JavaScript's) safe integers, 2**53 - 1.
NOT_FOUND_ID = 10**12
API_CLASSES = [
    getattr(sdk, name) for name in dir(sdk) if name.endswith("Api") and isinstance(getattr(sdk, name), type)
]

# Every request the generated client sends, in order: {operation, method, path, violations}.
REQUESTS: list[dict[str, Any]] = []
_current: dict[str, Any] = {"operation": None, "violations": []}
_original_request = RESTClientObject.request


def _recording_request(self: RESTClientObject, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
    REQUESTS.append(
        {
            "operation": _current["operation"],
            "method": method.upper(),
            "path": urlsplit(url).path,
            "violations": list(_current["violations"]),
        }
    )
    try:
        return _original_request(self, method, url, *args, **kwargs)
    except LocationValueError:
        REQUESTS.pop()  # never sent
        raise AssertionError(
            f"{_current['operation']}: the generated client built the URL {url!r} (no host): a relative "
            "`servers` override on the path item or operation replaces the configured host in this client"
        ) from None


RESTClientObject.request = _recording_request  # type: ignore[method-assign]


class Caller:
    """One identity (anonymous, a bearer token or an API key) and every generated API class bound to it."""

    def __init__(self, *, token: str | None = None, api_key: str | None = None) -> None:
        configuration = sdk.Configuration(host=BASE_URL, access_token=token)
        if api_key is not None:
            configuration.api_key = {"apiKeyAuth": api_key}
        self.client = sdk.ApiClient(configuration)
        self.apis = [api_class(self.client) for api_class in API_CLASSES]
        self.called: set[str] = set()

    def _method(self, operation: str) -> Callable[..., Any]:
        for api in self.apis:
            method = getattr(api, f"{operation}_with_http_info", None)
            if method is not None:
                return method  # type: ignore[no-any-return]
        raise AssertionError(f"the generated client has no method for {operation}")

    def ok(self, operation: str, status: int, /, *args: Any, **kwargs: Any) -> sdk.ApiResponse:
        """Call an operation that must succeed with `status`; the client deserializes the body."""
        CALLED.add(operation)
        _current.update(operation=operation, violations=[])
        try:
            response = self._method(operation)(*args, **kwargs)
        except ApiException as error:
            raise AssertionError(
                f"{operation}: expected {status}, got {error.status}: {error.body}"
            ) from None
        assert response.status_code == status, f"{operation}: expected {status}, got {response.status_code}"
        if status != 204:
            assert response.data is not None, f"{operation}: {status} without a deserialized body"
        return response

    def fails(
        self,
        operation: str,
        status: int,
        code: str | None,
        /,
        *args: Any,
        violations: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> Problem | None:
        """Call an operation that must answer the declared error `status` with the problem `code` (None: 304).

        `violations`: the Prism violations this request is meant to cause (regular expressions).
        """
        CALLED.add(operation)
        _current.update(operation=operation, violations=list(violations))
        try:
            response = self._method(operation)(*args, **kwargs)
        except ApiException as error:
            assert error.status == status, f"{operation}: expected {status}, got {error.status}: {error.body}"
            headers = {key.lower(): value for key, value in (error.headers or {}).items()}
            if code is None:  # 304: no body
                assert not error.body, f"{operation}: 304 with a body"
                return None
            assert headers.get("content-type", "").startswith("application/problem+json"), headers
            assert headers.get("cache-control") == "no-store", f"{operation}: {headers.get('cache-control')}"
            problem = Problem.from_json(error.body)
            assert problem is not None
            assert (problem.status, problem.code) == (status, code), f"{operation}: {problem}"
            assert problem.type == "https://contractfirst.dev/problems/" + code.replace("_", "-"), problem
            return problem
        finally:
            _current.update(operation=None, violations=[])
        raise AssertionError(f"{operation}: expected {status} {code}, got {response.status_code}")


CALLED: set[str] = set()


def header(response: sdk.ApiResponse, name: str) -> str | None:
    return {key.lower(): value for key, value in (response.headers or {}).items()}.get(name.lower())


@contextlib.contextmanager
def webhook_receiver() -> Iterator[tuple[str, list[bytes]]]:
    """A loopback HTTP receiver for the deliveries: (its URL, the bodies it received)."""
    received: list[bytes] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.append(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hooks", received
    finally:
        server.shutdown()


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def run() -> None:
    suffix = uuid.uuid4().hex[:10]
    anonymous = Caller()
    password = "Correct-Horse-Battery-7"

    # --- registration and tokens -------------------------------------------------------------------------
    owner_name, member_name = f"owner_{suffix}", f"member_{suffix}"
    registration = sdk.UserRegistration(
        username=owner_name, email=f"{owner_name}@example.com", password=password, full_name="Olive Owner"
    )
    owner_user = anonymous.ok("users_register", 201, registration).data
    assert owner_user.username == owner_name and owner_user.email == f"{owner_name}@example.com"
    member_user = anonymous.ok(
        "users_register",
        201,
        sdk.UserRegistration(username=member_name, email=f"{member_name}@example.com", password=password),
    ).data
    anonymous.fails("users_register", 409, "username_taken", registration)
    anonymous.fails(
        "users_register",
        422,
        "weak_password",
        sdk.UserRegistration(
            username=f"weak_{suffix}", email=f"weak_{suffix}@example.com", password="password"
        ),
    )
    invalid = anonymous.fails(
        "users_register",
        400,
        "validation_error",
        sdk.UserRegistration.model_construct(username=f"bad_{suffix}", password=password),
        violations=(r"^request\.body Request body must have required property 'email'$",),
    )
    assert invalid is not None and invalid.errors and invalid.errors[0].pointer == "/email", invalid

    tokens = anonymous.ok(
        "auth_token_obtain", 200, sdk.TokenObtainRequest(username=owner_name, password=password)
    )
    assert header(tokens, "cache-control") == "no-store"
    anonymous.fails(
        "auth_token_obtain",
        401,
        "invalid_credentials",
        sdk.TokenObtainRequest(username=owner_name, password="x" * 8),
    )
    refreshed = anonymous.ok(
        "auth_token_refresh", 200, sdk.TokenRefreshRequest(refresh=tokens.data.refresh)
    ).data
    assert refreshed.access
    anonymous.fails(
        "auth_token_refresh", 401, "token_not_valid", sdk.TokenRefreshRequest(refresh="not-a-token")
    )

    owner = Caller(token=refreshed.access)
    member_tokens = anonymous.ok(
        "auth_token_obtain", 200, sdk.TokenObtainRequest(username=member_name, password=password)
    ).data
    member = Caller(token=member_tokens.access)
    staff = Caller(
        token=anonymous.ok(
            "auth_token_obtain", 200, sdk.TokenObtainRequest(username=STAFF[0], password=STAFF[1])
        ).data.access
    )

    # --- authentication failures --------------------------------------------------------------------------
    anonymous.fails(
        "projects_list", 401, "not_authenticated", violations=(r"^request Invalid security scheme used$",)
    )
    Caller(token="not.a.jwt").fails("projects_list", 401, "authentication_failed")

    # --- the caller's account: ETags, 304, 412 -----------------------------------------------------------
    me = owner.ok("users_me_retrieve", 200)
    assert me.data.id == owner_user.id
    etag = header(me, "etag")
    assert etag
    owner.fails("users_me_retrieve", 304, None, if_none_match=etag)
    updated_me = owner.ok("users_me_update", 200, sdk.UserUpdate(full_name="Olive O. Owner"), if_match=etag)
    assert updated_me.data.full_name == "Olive O. Owner"
    owner.fails(
        "users_me_update", 412, "precondition_failed", sdk.UserUpdate(full_name="Lost"), if_match=etag
    )
    # An address another account uses is accepted like any other: no answer tells whether it is registered.
    shared = owner.ok("users_me_update", 200, sdk.UserUpdate(email=f"{member_name}@example.com"))
    assert shared.data.email == f"{member_name}@example.com"

    # --- users: staff only ----------------------------------------------------------------------------------
    users = staff.ok("users_list", 200, search=suffix, ordering="username").data
    assert [user.username for user in users.items] == [member_name, owner_name]
    # An account without an email (made outside the API) reads into the generated User model (issue 13.2).
    no_email = staff.ok("users_list", 200, search=os.environ["INTEROP_NO_EMAIL_USERNAME"]).data.items
    assert [(user.username, user.email) for user in no_email] == [
        (os.environ["INTEROP_NO_EMAIL_USERNAME"], "")
    ]
    everyone = staff.ok("users_list", 200, page_size=100).data
    assert len(everyone.items) >= 7 and everyone.next is None  # the demo users, this run's, the one above
    staff.fails("users_list", 400, "invalid_cursor", cursor="not-a-cursor")
    owner.fails("users_list", 403, "permission_denied")

    # --- API keys -------------------------------------------------------------------------------------------
    key = owner.ok("api_keys_create", 201, sdk.ApiKeyCreate(name="interop")).data
    with_key = Caller(api_key=key.secret)
    assert with_key.ok("users_me_retrieve", 200).data.username == owner_name
    assert [item.id for item in owner.ok("api_keys_list", 200).data.items] == [key.id]
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    owner.fails("api_keys_create", 422, "expires_in_past", sdk.ApiKeyCreate(name="late", expires_at=past))
    owner.ok("api_keys_revoke", 204, key.id)
    owner.fails("api_keys_revoke", 404, "not_found", key.id)
    with_key.fails("users_me_retrieve", 401, "authentication_failed")

    # --- projects: idempotent create, conditional writes, 404 for non-members, 406 ------------------------
    idempotency_key = f"interop-{suffix}"
    create = sdk.ProjectCreate(name=f"Interop {suffix}", description="Driven by a generated client.")
    created = owner.ok("projects_create", 201, create, idempotency_key=idempotency_key)
    project = created.data
    assert header(created, "location").endswith(f"/projects/{project.id}")  # type: ignore[union-attr]
    replayed = owner.ok("projects_create", 201, create, idempotency_key=idempotency_key)
    assert header(replayed, "idempotent-replayed") == "true" and replayed.data.id == project.id
    owner.fails(
        "projects_create",
        422,
        "idempotency_key_reused",
        sdk.ProjectCreate(name="Other"),
        idempotency_key=idempotency_key,
    )
    owner.fails(
        "projects_create",
        400,
        "validation_error",
        sdk.ProjectCreate.model_construct(name=""),
        violations=(
            r"^request\.body\.name Request body property name must NOT have fewer than 1 characters$",
        ),
    )
    listed = owner.ok("projects_list", 200, search=suffix, ordering="name", page_size=10).data
    assert [item.id for item in listed.items] == [project.id] and listed.next is None
    owner.fails("projects_list", 406, "not_acceptable", _headers={"Accept": "application/xml"})
    retrieved = owner.ok("projects_retrieve", 200, project.id)
    etag = header(retrieved, "etag")
    owner.fails("projects_retrieve", 304, None, project.id, if_none_match=etag)
    member.fails("projects_retrieve", 404, "not_found", project.id)
    replaced = owner.ok(
        "projects_replace", 200, project.id,
        sdk.ProjectReplace(name=f"Interop {suffix}", description="Replaced."), if_match=etag,
    )  # fmt: skip
    assert replaced.data.description == "Replaced."
    owner.fails(
        "projects_replace", 412, "precondition_failed", project.id,
        sdk.ProjectReplace(name="x", description=""), if_match=etag,
    )  # fmt: skip
    updated = owner.ok("projects_update", 200, project.id, sdk.ProjectUpdate(description="Updated."))
    assert updated.data.description == "Updated."
    owner.fails(
        "projects_update", 412, "precondition_failed", project.id, sdk.ProjectUpdate(name="y"), if_match=etag
    )

    # --- invitations: a stranger joins by accepting; one declines, one is withdrawn ------------------------
    viewer = sdk.Role.VIEWER
    owner.fails(
        "project_members_add",
        422,
        "invitation_required",
        project.id,
        sdk.MemberAdd(user_id=member_user.id, role=viewer),
    )
    invitation = owner.ok(
        "project_invitations_create",
        201,
        project.id,
        sdk.InvitationCreate(user_id=member_user.id, role=viewer),
    ).data
    assert (invitation.user_id, invitation.project.id, invitation.invited_by.id) == (
        member_user.id, project.id, owner_user.id,
    )  # fmt: skip
    owner.fails(
        "project_invitations_create",
        409,
        "already_invited",
        project.id,
        sdk.InvitationCreate(user_id=member_user.id, role=viewer),
    )
    owner.fails(
        "project_invitations_create",
        422,
        "user_not_found",
        project.id,
        sdk.InvitationCreate(user_id=NOT_FOUND_ID, role=viewer),
    )
    member.fails("project_invitations_list", 404, "not_found", project.id)
    assert [i.id for i in owner.ok("project_invitations_list", 200, project.id).data.items] == [invitation.id]
    assert [i.id for i in member.ok("invitations_list_mine", 200).data.items] == [invitation.id]
    joined = member.ok("invitations_accept", 201, invitation.id).data
    assert (joined.id, joined.role) == (project.id, viewer)
    member.fails("invitations_accept", 404, "not_found", invitation.id)
    staff_id = staff.ok("users_me_retrieve", 200).data.id
    to_decline = owner.ok(
        "project_invitations_create", 201, project.id, sdk.InvitationCreate(user_id=staff_id, role=viewer)
    ).data
    staff.ok("invitations_decline", 204, to_decline.id)
    to_withdraw = owner.ok(
        "project_invitations_create", 201, project.id, sdk.InvitationCreate(user_id=staff_id, role=viewer)
    ).data
    owner.ok("project_invitations_revoke", 204, project.id, to_withdraw.id)
    staff.fails("invitations_accept", 404, "not_found", to_withdraw.id)
    assert owner.ok("project_invitations_list", 200, project.id).data.items == []

    # --- members --------------------------------------------------------------------------------------------
    # Someone the owner now works with is added to another project directly.
    second = owner.ok("projects_create", 201, sdk.ProjectCreate(name=f"Interop second {suffix}")).data
    added = owner.ok(
        "project_members_add", 201, second.id, sdk.MemberAdd(user_id=member_user.id, role=viewer)
    )
    assert added.data.role == viewer
    owner.ok("projects_delete", 204, second.id)
    owner.fails(
        "project_members_add",
        409,
        "already_member",
        project.id,
        sdk.MemberAdd(user_id=member_user.id, role=sdk.Role.VIEWER),
    )
    owner.fails(
        "project_members_add",
        422,
        "user_not_found",
        project.id,
        sdk.MemberAdd(user_id=NOT_FOUND_ID, role=sdk.Role.VIEWER),
    )
    members = owner.ok("project_members_list", 200, project.id, ordering="joined_at").data
    assert [m.user.id for m in members.items] == [owner_user.id, member_user.id], members
    assert [
        m.user.id for m in owner.ok("project_members_list", 200, project.id, role=sdk.Role.VIEWER).data.items
    ] == [member_user.id]
    member.fails("projects_update", 403, "permission_denied", project.id, sdk.ProjectUpdate(name="Mine"))
    promoted = owner.ok(
        "project_members_update", 200, project.id, member_user.id, sdk.MemberUpdate(role=sdk.Role.MAINTAINER)
    )
    assert promoted.data.role == sdk.Role.MAINTAINER
    owner.fails("project_members_remove", 409, "last_owner", project.id, owner_user.id)
    member.fails("projects_delete", 403, "permission_denied", project.id)

    # --- tasks ----------------------------------------------------------------------------------------------
    task_create = sdk.TaskCreate(
        title="Write the interop suite",
        priority=sdk.TaskPriority.HIGH,
        assignee_id=member_user.id,
        due_date=dt.date(2026, 12, 24),
    )
    task = member.ok("tasks_create", 201, project.id, task_create, idempotency_key=f"task-{suffix}").data
    assert (task.status, task.priority, task.assignee_id) == (
        sdk.TaskStatus.TODO,
        sdk.TaskPriority.HIGH,
        member_user.id,
    )
    owner.fails(
        "tasks_create",
        422,
        "assignee_not_member",
        project.id,
        sdk.TaskCreate(title="Orphan", assignee_id=STAFF_ID()),
    )
    tasks = owner.ok(
        "tasks_list", 200, project.id, status=sdk.TaskStatus.TODO, priority=sdk.TaskPriority.HIGH,
        assignee_id=member_user.id, due_before=dt.date(2026, 12, 31), due_after=dt.date(2026, 12, 1),
        search="interop", ordering="-priority",
    ).data  # fmt: skip
    assert [item.id for item in tasks.items] == [task.id]
    owner.fails("tasks_list", 404, "not_found", NOT_FOUND_ID)
    task_read = owner.ok("tasks_retrieve", 200, project.id, task.id)
    task_etag = header(task_read, "etag")
    owner.fails("tasks_retrieve", 304, None, project.id, task.id, if_none_match=task_etag)
    done = owner.ok(
        "tasks_update", 200, project.id, task.id, sdk.TaskUpdate(status=sdk.TaskStatus.DONE, due_date=None),
        if_match=task_etag,
    ).data  # fmt: skip
    assert done.status == sdk.TaskStatus.DONE and done.due_date is None
    owner.fails(
        "tasks_update", 412, "precondition_failed", project.id, task.id, sdk.TaskUpdate(title="Stale"),
        if_match=task_etag,
    )  # fmt: skip
    owner.fails(
        "tasks_update",
        422,
        "assignee_not_member",
        project.id,
        task.id,
        sdk.TaskUpdate(assignee_id=STAFF_ID()),
    )

    # --- comments -------------------------------------------------------------------------------------------
    comment = member.ok("comments_create", 201, project.id, task.id, sdk.CommentCreate(body="First!")).data
    assert comment.body == "First!"
    comments = owner.ok("comments_list", 200, project.id, task.id, ordering="created_at").data
    assert [item.id for item in comments.items] == [comment.id]
    edited = member.ok(
        "comments_update", 200, project.id, task.id, comment.id, sdk.CommentUpdate(body="Edited.")
    )
    assert edited.data.body == "Edited."
    owner.fails(
        "comments_update",
        403,
        "permission_denied",
        project.id,
        task.id,
        comment.id,
        sdk.CommentUpdate(body="Not mine"),
    )
    member.fails(
        "comments_delete", 412, "precondition_failed", project.id, task.id, comment.id, if_match='"stale"'
    )
    member.ok("comments_delete", 204, project.id, task.id, comment.id, if_match=header(edited, "etag"))
    member.fails("comments_delete", 404, "not_found", project.id, task.id, comment.id)

    # --- webhooks: a loopback receiver gets the ping and the redelivery -------------------------------------
    with webhook_receiver() as (url, received):
        events = [sdk.WebhookEventType.TASK_DOT_CREATED, sdk.WebhookEventType.PING]
        hook = owner.ok("webhooks_create", 201, project.id, sdk.WebhookCreate(url=url, events=events)).data
        assert hook.secret and hook.url == url
        owner.fails(
            "webhooks_create", 422, "webhook_url_not_allowed", project.id,
            sdk.WebhookCreate(url="http://10.0.0.1/hooks", events=events),
        )  # fmt: skip
        member.fails("webhooks_list", 403, "permission_denied", project.id)
        assert [item.id for item in owner.ok("webhooks_list", 200, project.id).data.items] == [hook.id]
        assert owner.ok("webhooks_retrieve", 200, project.id, hook.id).data.events == events
        owner.fails("webhooks_retrieve", 404, "not_found", project.id, NOT_FOUND_ID)
        paused = owner.ok("webhooks_update", 200, project.id, hook.id, sdk.WebhookUpdate(active=True)).data
        assert paused.active is True
        owner.ok("webhooks_ping", 202, project.id, hook.id)
        wait_for(lambda: len(received) >= 1, "the ping delivery")
        assert json.loads(received[0])["type"] == "ping"
        deliveries = owner.ok("webhook_deliveries_list", 200, project.id, hook.id).data
        assert len(deliveries.items) == 1 and deliveries.items[0].event_type == sdk.WebhookEventType.PING
        owner.ok("webhook_deliveries_redeliver", 202, project.id, hook.id, deliveries.items[0].id)
        wait_for(lambda: len(received) >= 2, "the redelivery")
        owner.fails("webhook_deliveries_redeliver", 404, "not_found", project.id, hook.id, NOT_FOUND_ID)
        owner.ok("webhooks_delete", 204, project.id, hook.id)
        owner.fails("webhooks_delete", 404, "not_found", project.id, hook.id)

    # --- deletes: conditional, then gone --------------------------------------------------------------------
    owner.fails("tasks_delete", 412, "precondition_failed", project.id, task.id, if_match=task_etag)
    owner.ok("tasks_delete", 204, project.id, task.id)
    owner.fails("tasks_retrieve", 404, "not_found", project.id, task.id)
    owner.ok("project_members_remove", 204, project.id, member_user.id)
    owner.fails("project_members_remove", 404, "not_found", project.id, member_user.id)
    owner.fails("projects_delete", 412, "precondition_failed", project.id, if_match=etag)
    owner.ok("projects_delete", 204, project.id)
    owner.fails("projects_delete", 404, "not_found", project.id)

    # --- health: public, 406 for an Accept it cannot satisfy ---------------------------------------------
    assert anonymous.ok("health_live", 200).data.status == "ok"
    ready = anonymous.ok("health_ready", 200).data
    assert ready.status == "ok" and ready.checks is not None
    anonymous.fails("health_live", 406, "not_acceptable", _headers={"Accept": "text/html"})


_staff_id: list[int] = []


def STAFF_ID() -> int:
    """The staff user's id: a user that is no member of the scenario's project."""
    if not _staff_id:
        caller = Caller()
        token = caller.ok(
            "auth_token_obtain", 200, sdk.TokenObtainRequest(username=STAFF[0], password=STAFF[1])
        ).data.access
        _staff_id.append(Caller(token=token).ok("users_me_retrieve", 200).data.id)
    return _staff_id[0]


def contract_operations() -> set[str]:
    with open(CONTRACT, encoding="utf-8") as file:
        contract = yaml.safe_load(file)
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    return {
        operation["operationId"]
        for item in contract["paths"].values()
        for method, operation in item.items()
        if method in methods
    }


def main() -> int:
    try:
        run()
        expected = contract_operations()
        missing, unknown = expected - CALLED, CALLED - expected
        assert not missing and not unknown, (
            f"not called: {sorted(missing)}; not in the contract: {sorted(unknown)}"
        )
        print(f"interop scenario: {len(CALLED)} operations, {len(REQUESTS)} requests, all as expected")
        return 0
    finally:
        with open(RECORD, "w", encoding="utf-8") as file:
            json.dump(REQUESTS, file, indent=1)


if __name__ == "__main__":
    sys.exit(main())
