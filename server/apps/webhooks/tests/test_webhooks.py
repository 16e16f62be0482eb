"""Subscriptions API, the outbox and delivery against a real HTTP receiver on loopback."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from projectmgmt_client.webhooks import WebhookVerificationError, verify_signature

from server.apps.accounts.tests.support import member_add
from server.apps.tasks.models import Task
from server.apps.tasks.services import task_create
from server.apps.webhooks import delivery as delivery_module
from server.apps.webhooks.crypto import secret_decrypt
from server.apps.webhooks.delivery import deliveries_due, delivery_attempt
from server.apps.webhooks.models import Delivery, Event, Webhook
from server.apps.webhooks.tasks import deliveries_enqueue
from server.common.testing import ProjectWorld, client_for, user_make

from .receiver import receiver

pytestmark = pytest.mark.django_db

LOOPBACK = override_settings(WEBHOOKS_ALLOWED_HOSTS=["127.0.0.1"])


def _hooks(world: ProjectWorld) -> str:
    return f"/projects/{world.project.pk}/webhooks"


def _subscribe(world: ProjectWorld, url: str, events: list[str] | None = None) -> dict[str, Any]:
    response = world.client("owner").send(
        "POST", _hooks(world), {"url": url, "events": events or ["task.created", "task.updated"]}
    )
    assert response.status_code == 201, response.content
    body: dict[str, Any] = response.json()
    return body


def _create_task(world: ProjectWorld, captured: Any, title: str = "Ship it") -> dict[str, Any]:
    with captured(execute=True):
        response = world.client("owner").send("POST", f"/projects/{world.project.pk}/tasks", {"title": title})
    assert response.status_code == 201, response.content
    body: dict[str, Any] = response.json()
    return body


def _sweep_now() -> None:
    """What the periodic sweep does, with every pending retry made due."""
    Delivery.objects.filter(status="pending").update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    deliveries_enqueue(deliveries_due())


# --- the API ----------------------------------------------------------------------------------------------


def test_secret_is_shown_once_and_stored_encrypted(world: ProjectWorld) -> None:
    created = _subscribe(world, "https://hooks.example.com/x")
    assert created["secret"].startswith("whsec_")
    stored = Webhook.objects.get(pk=created["id"])
    assert created["secret"] not in stored.secret_encrypted
    assert secret_decrypt(stored.secret_encrypted) == created["secret"]
    retrieved = world.client("owner").send("GET", f"{_hooks(world)}/{created['id']}").json()
    assert "secret" not in retrieved
    listed = world.client("owner").send("GET", _hooks(world)).json()
    assert [item["id"] for item in listed["items"]] == [created["id"]]


@pytest.mark.parametrize(
    ("who", "status"),
    [("owner", 200), ("maintainer", 403), ("viewer", 403), ("outsider", 404), ("anonymous", 401)],
)
def test_permission_matrix(world: ProjectWorld, who: str, status: int) -> None:
    hook = _subscribe(world, "https://hooks.example.com/x")
    client = world.client(who)
    base = f"{_hooks(world)}/{hook['id']}"
    expectations = [
        ("GET", _hooks(world), None, status),
        ("POST", _hooks(world), {"url": "https://hooks.example.com/y", "events": ["ping"]}, 201),
        ("GET", base, None, status),
        ("PATCH", base, {"active": True}, status),
        ("GET", f"{base}/deliveries", None, status),
        ("POST", f"{base}/ping", None, 202),
        ("DELETE", base, None, 204),
    ]
    for method, path, body, expected in expectations:
        expected = expected if status == 200 else status
        response = client.send(method, path, body)
        assert response.status_code == expected, (method, path, response.content)
        if expected >= 400:
            assert response.json()["code"] in ("permission_denied", "not_found", "not_authenticated")


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://10.1.2.3/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://localhost/hook",  # a host name that resolves to loopback
        "https://224.0.0.1/hook",
        "https://0.0.0.0/hook",
    ],
)
def test_ssrf_targets_are_refused(world: ProjectWorld, url: str) -> None:
    response = world.client("owner").send("POST", _hooks(world), {"url": url, "events": ["task.created"]})
    assert response.status_code == 422, response.content
    problem = response.json()
    assert problem["code"] == "webhook_url_not_allowed"
    assert problem["errors"][0]["pointer"] == "/url"


def test_ssrf_targets_allowed_when_settings_say_so(world: ProjectWorld) -> None:
    with override_settings(WEBHOOKS_ALLOWED_HOSTS=["10.1.2.3"]):
        _subscribe(world, "https://10.1.2.3/hook")
    with override_settings(WEBHOOKS_ALLOW_PRIVATE=True):
        _subscribe(world, "https://127.0.0.1/hook")


def test_http_is_refused_unless_allowed_and_unresolvable_hosts_are_refused(world: ProjectWorld) -> None:
    with override_settings(WEBHOOKS_ALLOW_HTTP=False):
        response = world.client("owner").send(
            "POST", _hooks(world), {"url": "http://hooks.example.com/x", "events": ["ping"]}
        )
    assert (response.status_code, response.json()["code"]) == (422, "webhook_url_insecure")
    response = world.client("owner").send(
        "POST", _hooks(world), {"url": "https://no-such-host.invalid/x", "events": ["ping"]}
    )
    assert (response.status_code, response.json()["code"]) == (422, "webhook_url_unresolvable")


# --- delivery -----------------------------------------------------------------------------------------------


@LOOPBACK
def test_delivery_is_signed_and_matches_the_contract(
    world: ProjectWorld, django_capture_on_commit_callbacks: Any
) -> None:
    with receiver() as target:
        hook = _subscribe(world, target.url)
        committed = time.time()
        task = _create_task(world, django_capture_on_commit_callbacks)
        [got] = target.wait(1)
    print(f"\nwebhook latency (commit -> receiver, eager): {(got.at - committed) * 1000:.1f} ms")
    payload = json.loads(got.body)
    assert payload["type"] == "task.created" and payload["data"]["id"] == task["id"]
    assert payload["project_id"] == world.project.pk
    assert got.headers["webhook-id"] == payload["id"]
    verify_signature(hook["secret"], got.headers, got.body)  # raises when it does not verify
    with pytest.raises(WebhookVerificationError):
        verify_signature("whsec_" + "x" * 43, got.headers, got.body)
    with pytest.raises(WebhookVerificationError):
        verify_signature(hook["secret"], got.headers, got.body + b" ")
    deliveries = world.client("owner").send("GET", f"{_hooks(world)}/{hook['id']}/deliveries").json()
    [delivery] = deliveries["items"]
    assert delivery["status"] == "delivered" and delivery["attempts"][0]["response_status"] == 200


@LOOPBACK
def test_nothing_is_delivered_for_a_rolled_back_change(
    world: ProjectWorld, django_capture_on_commit_callbacks: Any
) -> None:
    with receiver() as target:
        _subscribe(world, target.url)
        with (
            django_capture_on_commit_callbacks(execute=True) as callbacks,
            pytest.raises(RuntimeError),
            transaction.atomic(),
        ):
            task_create(project=world.project, created_by_id=world.owner.pk, title="Doomed")
            raise RuntimeError("roll it back")
        assert callbacks == []
        assert Delivery.objects.count() == 0
        time.sleep(0.2)
    assert target.received == []


@LOOPBACK
def test_retried_on_500_then_delivered(world: ProjectWorld, django_capture_on_commit_callbacks: Any) -> None:
    with receiver(script=[500, 500]) as target:
        hook = _subscribe(world, target.url)
        _create_task(world, django_capture_on_commit_callbacks)
        target.wait(1)
        delivery = Delivery.objects.get()
        assert (delivery.status, delivery.attempt_count) == ("pending", 1)
        assert delivery.next_attempt_at is not None and delivery.next_attempt_at > timezone.now() - timedelta(
            1
        )
        _sweep_now()
        _sweep_now()
        received = target.wait(3)
    assert len({r.headers["webhook-id"] for r in received}) == 1  # one event, three attempts
    page = world.client("owner").send("GET", f"{_hooks(world)}/{hook['id']}/deliveries").json()
    [item] = page["items"]
    assert item["status"] == "delivered"
    assert [a["response_status"] for a in item["attempts"]] == [500, 500, 200]
    assert item["attempts"][0]["error"] == "HTTP 500" and item["attempts"][2]["error"] is None


@LOOPBACK
@override_settings(WEBHOOKS_TIMEOUT=0.3)
def test_retried_on_timeout(world: ProjectWorld, django_capture_on_commit_callbacks: Any) -> None:
    with receiver(script=[("sleep", 1.0, 200)]) as target:
        _subscribe(world, target.url)
        _create_task(world, django_capture_on_commit_callbacks)
        delivery = Delivery.objects.get()
        [attempt] = delivery.attempts.all()
        assert attempt.response_status is None and "No response within" in attempt.error
        _sweep_now()
        target.wait(2)
    delivery.refresh_from_db()
    assert delivery.status == "delivered" and delivery.attempt_count == 2


@LOOPBACK
@override_settings(WEBHOOKS_MAX_ATTEMPTS=2, WEBHOOKS_DISABLE_AFTER=2)
def test_auto_disabled_after_consecutive_failures_then_redelivered(
    world: ProjectWorld, django_capture_on_commit_callbacks: Any
) -> None:
    with receiver(default=500) as target:
        hook = _subscribe(world, target.url)
        for title in ("one", "two"):
            _create_task(world, django_capture_on_commit_callbacks, title)
            _sweep_now()
        shown = world.client("owner").send("GET", f"{_hooks(world)}/{hook['id']}").json()
        assert shown["active"] is False and shown["consecutive_failures"] == 2
        assert "2 consecutive failed deliveries" in shown["disabled_reason"]
        _create_task(world, django_capture_on_commit_callbacks, "three")  # disabled: nothing recorded
        assert Delivery.objects.count() == 2
        target.default = 200
        failed = Delivery.objects.filter(status="failed").order_by("pk").first()
        assert failed is not None
        with django_capture_on_commit_callbacks(execute=True):
            again = world.client("owner").send(
                "POST", f"{_hooks(world)}/{hook['id']}/deliveries/{failed.pk}/redeliver"
            )
        assert again.status_code == 202, again.content
        assert again.json()["event_id"] == failed.event.event_id
        redelivered = Delivery.objects.get(pk=again.json()["id"])
        assert redelivered.status == "delivered" and redelivered.event_id == failed.event_id
        enabled = (
            world.client("owner").send("PATCH", f"{_hooks(world)}/{hook['id']}", {"active": True}).json()
        )
        assert enabled["disabled_reason"] is None and enabled["consecutive_failures"] == 0


@LOOPBACK
def test_ping_and_event_filtering(world: ProjectWorld, django_capture_on_commit_callbacks: Any) -> None:
    with receiver() as target:
        hook = _subscribe(world, target.url, events=["member.added", "comment.created"])
        _create_task(world, django_capture_on_commit_callbacks)  # not subscribed
        with django_capture_on_commit_callbacks(execute=True):
            pinged = world.client("owner").send("POST", f"{_hooks(world)}/{hook['id']}/ping")
        assert pinged.status_code == 202 and pinged.json()["event_type"] == "ping"
        newcomer = user_make("newcomer")
        invitation = world.client("owner").send(
            "POST", f"/projects/{world.project.pk}/invitations", {"user_id": newcomer.pk, "role": "viewer"}
        )
        with django_capture_on_commit_callbacks(execute=True):  # joining, by accepting, is the event
            client_for(newcomer).send("POST", f"/users/me/invitations/{invitation.json()['id']}/accept")
        received = target.wait(2)
    assert [json.loads(r.body)["type"] for r in received] == ["ping", "member.added"]


def test_member_helper_still_works(world: ProjectWorld) -> None:
    member_add(world.project, user_make("plain"), "viewer")  # no webhook: no event, no delivery
    assert Delivery.objects.count() == 0


@override_settings(
    WEBHOOKS_MAX_ATTEMPTS=1, WEBHOOKS_DISABLE_AFTER=1, WEBHOOKS_ALLOWED_HOSTS=["hooks.example.com"]
)
def test_an_attempt_that_outlived_its_lease_does_not_overwrite_the_next_one(
    world: ProjectWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker stalls past its lease; another takes the delivery and delivers it; then the stalled one fails
    (its last attempt). It records its attempt but must not mark the delivered delivery failed, nor count a
    failure against (and disable) the subscription."""
    hook = _subscribe(world, "https://hooks.example.com/in")
    world.client("owner").send("POST", f"/projects/{world.project.pk}/tasks", {"title": "Stalled"})
    delivery = Delivery.objects.get()  # (the enqueue waits for a commit that never comes in this test)
    calls: list[int] = []

    def post(
        url: str, body: bytes, headers: dict[str, str], addresses: list[str]
    ) -> tuple[int | None, str | None]:
        calls.append(1)
        if len(calls) == 1:  # the stalled worker: its lease runs out, a second worker delivers meanwhile
            Delivery.objects.filter(pk=delivery.pk).update(leased_until=timezone.now() - timedelta(seconds=1))
            assert delivery_attempt(delivery.pk).status == "delivered"
            return None, "No response within 5s."
        return 200, None

    monkeypatch.setattr(delivery_module, "_post", post)
    monkeypatch.setattr(delivery_module, "target_addresses", lambda url: ["192.0.2.1"])  # (no DNS here)
    assert delivery_attempt(delivery.pk).status == "superseded"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempt_count) == ("delivered", 2)
    assert [(a.number, a.response_status, a.error) for a in delivery.attempts.all()] == [
        (1, None, "No response within 5s."),
        (2, 200, ""),
    ]
    webhook = Webhook.objects.get(pk=hook["id"])
    assert webhook.active and webhook.consecutive_failures == 0
    assert delivery_attempt(delivery.pk).status == "skipped"  # done: nothing more to claim


# --- the outbox around a write ----------------------------------------------------------------------------


def test_a_write_nothing_subscribes_to_runs_alone(
    world: ProjectWorld, django_assert_num_queries: Any
) -> None:
    # The project with the caller's role, the subscriptions, the INSERT: no BEGIN/COMMIT, no event.
    with django_assert_num_queries(3):
        response = world.client("owner").send(
            "POST", f"/projects/{world.project.pk}/tasks", {"title": "Solo"}
        )
    assert response.status_code == 201
    assert Event.objects.count() == 0


@LOOPBACK
@pytest.mark.django_db(transaction=True)  # autocommit, as in production: the outbox opens the transaction
def test_a_write_and_its_event_commit_together_or_not_at_all(
    world: ProjectWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    with receiver() as target:
        _subscribe(world, target.url)

        def broken_bulk_create(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("the outbox write failed")

        monkeypatch.setattr(Delivery.objects, "bulk_create", broken_bulk_create)
        with pytest.raises(RuntimeError):
            task_create(project=world.project, created_by_id=world.owner.pk, title="Half-written?")
    # The event failed, so the task that caused it was rolled back with it: nothing half-written.
    assert not Task.objects.filter(title="Half-written?").exists()
    assert Event.objects.count() == 0
