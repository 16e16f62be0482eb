"""Fixtures for the contract tests, and the end-of-run report (cases generated, failures with curl)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from .harness import MAX_EXAMPLES, RUN_LOG, STATEFUL_EXAMPLES, STATEFUL_STEPS, enabled_checks, is_live
from .seed import delete_created_since, high_water_marks, seed_world


class World:
    """The seeded objects, and a way to run test cases against them without leaving a trace.

    In-process, `isolated()` is a savepoint rolled back at the end: each case starts from the seed. Against a
    live server it deletes, at the end, every row created meanwhile (and with `reseed`, restores the seeded
    rows too), so that what a case or a stateful scenario does is not seen by the next one - Hypothesis
    replays sequences, and a replay that meets different data makes a stateful run inconsistent.
    """

    def __init__(self, *, db_blocker: Any = None) -> None:
        self._db_blocker = db_blocker

    @contextmanager
    def isolated(self, *, reseed: bool = False) -> Iterator[None]:
        if self._db_blocker is None:
            from django.db import transaction

            with transaction.atomic():
                yield
                transaction.set_rollback(True)
            return
        with self._db_blocker.unblock():
            marks = high_water_marks()
        try:
            yield
        finally:
            with self._db_blocker.unblock():
                delete_created_since(marks)
                if reseed:
                    seed_world()


@contextmanager
def _requests_keep_the_test_connection() -> Iterator[None]:
    """Calling the WSGI handler directly fires request_started/finished, whose close_old_connections would
    drop the connection that holds the test transaction; Django's own test client disconnects it too."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


if is_live():

    @pytest.fixture
    def world(django_db_blocker: Any) -> Iterator[World]:
        # The live server's database: restore the seeded rows the previous operation's test changed.
        with django_db_blocker.unblock():
            seed_world()
        yield World(db_blocker=django_db_blocker)

else:

    @pytest.fixture
    def world(db: Any) -> Iterator[World]:
        # `db` is requested statically: pytest-django creates the test database only for the aliases the
        # collected tests declare, and a dynamically requested `db` would run against the real one.
        seed_world()
        with _requests_keep_the_test_connection():
            yield World()


# --- the report ------------------------------------------------------------------------------------------

_STARTED = time.monotonic()


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: hand the log to the controller
        workeroutput["contract_run_log"] = json.dumps(RUN_LOG.as_dict())


@pytest.hookimpl(optionalhook=True)  # an xdist hook: absent when xdist is not in use (the live run)
def pytest_testnodedown(node: Any, error: Any) -> None:
    data = getattr(node, "workeroutput", {}).get("contract_run_log")
    if data:
        RUN_LOG.merge(json.loads(data))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not RUN_LOG.cases and not RUN_LOG.failures and not RUN_LOG.notes:
        return
    write = terminalreporter.write_line
    terminalreporter.section("contract tests")
    target = "live server" if is_live() else "in-process WSGI app"
    write(
        f"target: {target}; CONTRACT_MAX_EXAMPLES={MAX_EXAMPLES}, CONTRACT_STATEFUL_EXAMPLES="
        f"{STATEFUL_EXAMPLES}, CONTRACT_STATEFUL_STEPS={STATEFUL_STEPS}"
    )
    phases = sorted({phase for _, phase in RUN_LOG.cases})
    variants = sorted({variant for variant, _ in RUN_LOG.cases})
    write(f"{'generated cases':<16}" + "".join(f"{p:>11}" for p in phases) + f"{'total':>11}")
    for variant in variants:
        row = [RUN_LOG.cases.get((variant, p), 0) for p in phases]
        write(f"{variant:<16}" + "".join(f"{n:>11}" for n in row) + f"{sum(row):>11}")
    total = sum(RUN_LOG.cases.values())
    write(f"{'total':<16}{'':>{11 * len(phases)}}{total:>11}")
    write(f"wall time: {time.monotonic() - _STARTED:.0f}s")
    write("checks: " + ", ".join(enabled_checks()))
    for note in RUN_LOG.notes:
        write(note)
    if RUN_LOG.scenarios:
        write(
            "coverage probes: " + ", ".join(f"{n} x {name}" for name, n in sorted(RUN_LOG.scenarios.items()))
        )
    report = os.environ.get("CONTRACT_REPORT_JSON")
    if report:
        with open(report, "w", encoding="utf-8") as fh:
            json.dump(RUN_LOG.as_dict(), fh, indent=1)
        write(f"run log written to {report}")
    operations = sorted({op for (_, op, _) in RUN_LOG.statuses})
    for variant in ("member", "staff"):
        never = [
            op
            for op in operations
            if (variant, op, "2xx") not in RUN_LOG.statuses
            and any(key[:2] == (variant, op) for key in RUN_LOG.statuses)
        ]
        if never:
            write(f"{variant}: no 2xx response from {', '.join(never)}")
    if RUN_LOG.failures:
        terminalreporter.section("contract failures (operation, check, reproduction)", red=True)
        if not is_live():
            write("(in-process: the curl targets http://localhost; the ids are the seeded ones - replay it")
            write(" against a server seeded with `python -m contract_tests.seed`, e.g. `make contract-live`)")
            write("")
        for item in sorted(RUN_LOG.failures.values(), key=lambda i: (i["operation"], i["variant"])):
            write(f"{item['operation']}  [{item['variant']}]  {item['check']}: {item['title']}", red=True)
            for line in item["message"].splitlines()[:6]:
                write(f"    {line}")
            write(f"    {item['curl']}")
            write("")
