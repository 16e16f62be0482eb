"""Deliveries by real Celery worker processes, on the machine's Redis (broker) and PostgreSQL: gunicorn
records the change and its event in one transaction and enqueues after the commit; a worker POSTs to a
loopback receiver. Latency from commit to receiver, a worker SIGKILLed mid-delivery (nothing lost, same
Webhook-Id), and retries through the broker on 500.

Run by `make test-postgres` (services marker). Prints what it measured (pytest -s shows it)."""

from __future__ import annotations

import itertools
import json
import os
import signal
import statistics
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from projectmgmt_client.webhooks import verify_signature

from server.apps.webhooks.delivery import NO_OUTCOME
from server.common.tests.processes import (
    PYTHON,
    REDIS_URL,
    REPO,
    Server,
    drop_database,
    gunicorn,
    migrate,
    poll,
    recreate_database,
    server_env,
)

from .receiver import Received, Receiver, receiver

pytestmark = [pytest.mark.xdist_group("ops-processes"), pytest.mark.services]

# A Redis database for the broker (not the suite's 15, 14 or 12), and in it a key prefix of this process's own
# (CELERY_BROKER_KEY_PREFIX). Without the prefix two pytest processes running these tests at once (xdist)
# shared one queue: a worker took the other process's deliveries and looked them up in its own database, the
# other's beat fed it sweeps, and each test's flush deleted the other's messages: deliveries never arrived.
BROKER_URL = os.environ.get("WEBHOOKS_TEST_BROKER_URL", "redis://127.0.0.1:6379/11")
BROKER_KEY_PREFIX = f"webhooks-tests-{uuid.uuid4().hex}:"
PASSWORD = "Webhook-Worker-Passw0rd"
LEASE_SECONDS = 4  # short, so a killed worker's delivery is handed on within seconds
TIMEOUT_SECONDS = 3  # below the lease: a live attempt is never handed to a second worker


@dataclass
class Worker:
    process: subprocess.Popen[bytes]
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


@contextmanager
def celery_worker(
    env: dict[str, str], log: Path, *, beat: bool = False, timeout: float = 60
) -> Iterator[Worker]:
    command = [PYTHON, "-m", "celery", "-A", "server.config.celery", "worker", "--loglevel", "INFO"]
    command += ["--concurrency", "1", "--without-gossip", "--without-mingle", "-n", f"{log.stem}@%h"]
    if beat:
        command += ["--beat", "--schedule", str(log.with_suffix(".beat"))]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=out, start_new_session=True)
    worker = Worker(process, log)
    try:
        ready, _ = poll(lambda: process.poll() is not None or " ready." in worker.log_text(), timeout=timeout)
        if process.poll() is not None or not ready:
            raise RuntimeError(f"the celery worker did not start:\n{worker.log_text()[-3000:]}")
        yield worker
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _flush_broker() -> None:
    """Drop this process's queues and unacked messages: nothing a previous test left reaches the next one."""
    import redis

    broker = redis.Redis.from_url(BROKER_URL)
    keys = list(broker.scan_iter(match=f"{BROKER_KEY_PREFIX}*"))
    if keys:
        broker.delete(*keys)


@pytest.fixture(scope="module")
def env() -> Iterator[dict[str, str]]:
    name = f"contractfirst_webhooks_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    url = recreate_database(name)
    environment = server_env(
        DATABASE_URL=url,
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=f"webhooks-{uuid.uuid4().hex}",
        CELERY_BROKER_URL=BROKER_URL,
        CELERY_BROKER_KEY_PREFIX=BROKER_KEY_PREFIX,
        WEBHOOKS_ALLOW_HTTP="true",
        WEBHOOKS_ALLOWED_HOSTS="127.0.0.1",
        WEBHOOKS_TIMEOUT=str(TIMEOUT_SECONDS),
        WEBHOOKS_LEASE_SECONDS=str(LEASE_SECONDS),
        WEBHOOKS_BACKOFF_BASE="0.2",
        WEBHOOKS_SWEEP_SECONDS="1",
        THROTTLE_RATE_REGISTER="100/min",
        THROTTLE_RATE_AUTH="100/min",
    )
    migrate(environment)
    yield environment
    drop_database(name)


@pytest.fixture(scope="module")
def api(
    env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Server, dict[str, str]]]:
    with gunicorn(env, tmp_path_factory.mktemp("webhooks-api") / "gunicorn.log") as server:
        yield server, server.sign_up("hooks", PASSWORD)


@pytest.fixture(autouse=True)
def _empty_broker() -> None:
    _flush_broker()


@dataclass
class Setup:
    server: Server
    auth: dict[str, str]
    project: int
    hook: dict[str, Any]

    def task(self, title: str) -> dict[str, Any]:
        reply = self.server.request(
            "POST", f"/api/v1/projects/{self.project}/tasks", body={"title": title}, headers=self.auth
        )
        assert reply.status == 201, reply.body
        body: dict[str, Any] = reply.body
        return body

    def deliveries(self) -> list[dict[str, Any]]:
        path = f"/api/v1/projects/{self.project}/webhooks/{self.hook['id']}/deliveries"
        reply = self.server.request("GET", path, headers=self.auth)
        assert reply.status == 200, reply.body
        items: list[dict[str, Any]] = reply.body["items"]
        return items


def _subscribe(api: tuple[Server, dict[str, str]], target: Receiver) -> Setup:
    server, auth = api
    project = server.request(
        "POST", "/api/v1/projects", body={"name": f"P {uuid.uuid4().hex[:6]}"}, headers=auth
    )
    assert project.status == 201, project.body
    hook = server.request(
        "POST",
        f"/api/v1/projects/{project.body['id']}/webhooks",
        body={"url": target.url, "events": ["task.created"]},
        headers=auth,
    )
    assert hook.status == 201, hook.body
    return Setup(server, auth, project.body["id"], hook.body)


def _event_created_at(database_url: str, event_id: str) -> float:
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as conn:
        row = conn.execute("SELECT created_at FROM webhooks_event WHERE event_id = %s", [event_id]).fetchone()
    assert row is not None, event_id
    created: float = row[0].timestamp()
    return created


def _wait_for(check: Any, timeout: float, what: str) -> Any:
    value, _ = poll(check, timeout=timeout, interval=0.05)
    assert value, what
    return value


def _traceback_free(worker: Worker) -> None:
    assert "Traceback" not in worker.log_text(), worker.log_text()[-3000:]


def test_a_worker_delivers_signed_events_after_the_commit(
    env: dict[str, str], api: tuple[Server, dict[str, str]], tmp_path: Path
) -> None:
    latencies: list[float] = []
    with celery_worker(env, tmp_path / "worker-a.log") as worker, receiver() as target:
        setup = _subscribe(api, target)
        for n in range(10):
            task = setup.task(f"Task {n}")
            [*_, got] = _wait_for(
                lambda n=n: len(target.received) > n and target.received, 20, "not delivered"
            )
            payload = json.loads(got.body)
            assert payload["type"] == "task.created" and payload["data"]["id"] == task["id"]
            assert got.headers["webhook-id"] == payload["id"]
            verify_signature(setup.hook["secret"], got.headers, got.body)  # raises when it does not verify
            latencies.append(got.at - _event_created_at(env["DATABASE_URL"], payload["id"]))
        time.sleep(0.3)
        assert len(target.received) == 10  # once each
        _traceback_free(worker)
    items = setup.deliveries()
    assert len(items) == 10 and {item["status"] for item in items} == {"delivered"}
    assert all(len(item["attempts"]) == 1 for item in items)
    print(
        f"\nwebhook latency, event recorded in the change's transaction -> receiver, real worker: "
        f"median {statistics.median(latencies) * 1000:.1f} ms, min {min(latencies) * 1000:.1f} ms, "
        f"max {max(latencies) * 1000:.1f} ms over {len(latencies)} events"
    )
    assert statistics.median(latencies) < 2.0


def test_a_worker_killed_mid_delivery_loses_nothing(
    env: dict[str, str], api: tuple[Server, dict[str, str]], tmp_path: Path
) -> None:
    with receiver(script=[("sleep", 3.0, 200)]) as target:
        setup = _subscribe(api, target)
        with celery_worker(env, tmp_path / "worker-b1.log") as doomed:
            setup.task("Mid-flight")
            _wait_for(lambda: target.received, 20, "the first worker never reached the receiver")
            killed_at = time.time()
            os.killpg(doomed.process.pid, signal.SIGKILL)  # the worker and its pool: no chance to clean up
            doomed.process.wait(timeout=10)
        [pending] = setup.deliveries()  # the lost attempt is on record, without an outcome
        assert pending["status"] == "pending" and pending["attempt_count"] == 1
        assert [(a["number"], a["response_status"], a["error"]) for a in pending["attempts"]] == [
            (1, None, NO_OUTCOME)
        ]
        # A new worker, with the sweep (beat): once the dead worker's lease runs out it hands the delivery on.
        with celery_worker(env, tmp_path / "worker-b2.log", beat=True) as successor:
            _wait_for(lambda: len(target.received) >= 2, LEASE_SECONDS + 30, "not redelivered after the kill")
            recovered_at = time.time()
            [item] = _wait_for(
                lambda: [i for i in setup.deliveries() if i["status"] == "delivered"], 10, "not delivered"
            )
            time.sleep(LEASE_SECONDS + 2)  # nothing more arrives: the sweep does not send it again
            _traceback_free(successor)
        received: list[Received] = list(target.received)
    ids = {r.headers["webhook-id"] for r in received}
    assert len(ids) == 1 and ids == {json.loads(received[0].body)["id"]}
    assert len(received) == 2, [r.at for r in received]
    for copy in received:
        verify_signature(setup.hook["secret"], copy.headers, copy.body)
    assert [(a["number"], a["response_status"]) for a in item["attempts"]] == [(1, None), (2, 200)]
    assert item["attempts"][0]["error"] == NO_OUTCOME and item["attempts"][1]["error"] is None
    print(
        f"\nkill test: {len(received)} copies received, one Webhook-Id {ids.pop()}; worker SIGKILLed "
        f"{killed_at - received[0].at:.2f}s into the first request, redelivered "
        f"{recovered_at - killed_at:.1f}s after the kill (lease {LEASE_SECONDS}s), status {item['status']}, "
        f"attempts "
        f"{[(a['number'], a['response_status'], a['error']) for a in item['attempts']]}"
    )


def test_retried_through_the_broker_on_500_then_delivered(
    env: dict[str, str], api: tuple[Server, dict[str, str]], tmp_path: Path
) -> None:
    with celery_worker(env, tmp_path / "worker-c.log") as worker, receiver(script=[500, 500]) as target:
        setup = _subscribe(api, target)
        setup.task("Flaky receiver")
        _wait_for(lambda: len(target.received) >= 3, 30, "not retried to success")
        [item] = _wait_for(
            lambda: [i for i in setup.deliveries() if i["status"] == "delivered"], 10, "not delivered"
        )
        time.sleep(1.0)
        received = list(target.received)
        _traceback_free(worker)
    assert len(received) == 3
    assert len({r.headers["webhook-id"] for r in received}) == 1
    assert [(a["number"], a["response_status"]) for a in item["attempts"]] == [(1, 500), (2, 500), (3, 200)]
    assert item["attempts"][0]["error"] == "HTTP 500" and item["attempts"][2]["error"] is None
    gaps = [later.at - earlier.at for earlier, later in itertools.pairwise(received)]
    print(
        f"\nretry test: 3 attempts (500, 500, 200), gaps {[round(g, 2) for g in gaps]} s (backoff base 0.2 s)"
    )
    assert all(
        gap >= 0.1 for gap in gaps
    )  # half the backoff at least: a real countdown, not an immediate loop
