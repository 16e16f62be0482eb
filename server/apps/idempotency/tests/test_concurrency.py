"""Real concurrency: N requests with one Idempotency-Key at once, each thread on its own database connection.

Runs on every database the suite runs on (SQLite by default, PostgreSQL with DATABASE_URL); on SQLite the
database serialises the writers, on PostgreSQL the requests really overlap.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections

from server.apps.idempotency.models import IdempotencyRecord
from server.apps.projects.models import Project
from server.common.testing import client_for, user_make

N = 8
ROUNDS = 3


def run_at_once(n: int, request: Callable[[int], Any]) -> list[Any]:
    """Call `request(i)` from n threads released together; each thread has (and closes) its own connection."""
    barrier = threading.Barrier(n)
    results: list[Any] = [None] * n

    def worker(i: int) -> None:
        try:
            barrier.wait()
            results[i] = request(i)
        except Exception as exc:  # reported, and failing the test, below
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True)
def test_parallel_requests_with_one_key_create_exactly_one_resource(
    capsys: pytest.CaptureFixture[str],
) -> None:
    user = user_make("racer")
    outcomes: Counter[str] = Counter()
    for round_number in range(ROUNDS):
        key = f"race-{round_number}"
        body = {"name": f"Race {round_number}"}

        def create(i: int, key: str = key, body: dict[str, str] = body) -> Any:
            return client_for(user).send("POST", "/projects", body, HTTP_IDEMPOTENCY_KEY=key)

        responses = run_at_once(N, create)
        errors = [r for r in responses if isinstance(r, Exception)]
        assert not errors, errors
        created = Project.objects.filter(name=body["name"])
        assert created.count() == 1, [r.status_code for r in responses]
        project_id = created.get().pk
        for response in responses:
            if response.status_code == 201:
                # The one that ran, or a replay of it: the same project either way.
                assert response.json()["id"] == project_id
                label = "201 replayed" if response.get("Idempotent-Replayed") == "true" else "201 created"
            else:
                assert response.status_code == 409, response.content
                assert response.json()["code"] == "idempotency_key_in_use"
                assert response["Retry-After"] == "1"
                label = "409 in use"
            outcomes[label] += 1
        assert sum(1 for r in responses if r.status_code == 201 and "Idempotent-Replayed" not in r) == 1
        # Afterwards every retry replays.
        again = client_for(user).send("POST", "/projects", body, HTTP_IDEMPOTENCY_KEY=key)
        assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert Project.objects.count() == ROUNDS
    assert IdempotencyRecord.objects.count() == ROUNDS
    with capsys.disabled():
        print(
            f"\n[{connection.vendor}] {ROUNDS} rounds x {N} parallel requests, one key each: {dict(outcomes)}"
        )


@pytest.mark.django_db(transaction=True)
def test_parallel_requests_with_distinct_keys_all_create() -> None:
    user = user_make("crowd")

    def create(i: int) -> Any:
        return client_for(user).send("POST", "/projects", {"name": "Same"}, HTTP_IDEMPOTENCY_KEY=f"k-{i}")

    responses = run_at_once(N, create)
    assert [getattr(r, "status_code", r) for r in responses] == [201] * N
    assert Project.objects.filter(name="Same").count() == N
