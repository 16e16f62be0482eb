"""`make reliability`: the topology under load, through nginx, while each fault happens; var/reliability.json.

Scenarios (each under 16 connections of mixed reads and writes, except the soak):
  postgres_cut / redis_cut      a fault proxy drops every connection and refuses new ones, 5 s
  postgres_stall / redis_stall  the fault proxy stops moving bytes (nothing is reset), 5 s
  slow_clients                  40 connections sending headers or a body one byte a second, 10 s
  kill_worker                   kill -9 of one gunicorn worker (its master starts another)
  kill_instance                 kill -9 of a whole instance, started again 5 s later
  rolling_restart               each instance in turn: out of nginx's rotation, SIGTERM, started, back in
  soak                          RELIABILITY_SECONDS (60) at 64 connections, no fault

For each: requests, 2xx, 503, 500, every other status, requests that got no answer, acknowledged writes lost
(a 201 whose task is not in the database afterwards), p99 latency during the fault and after it, and the
time to recover (from the end of the fault to the first success of a request started after it). The run
fails on any 500 or any lost write. Loopback only; bounded (about 6 minutes here).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .faults import FaultProxy, through
from .http import call
from .load import Load, Sample, Target, p99
from .topology import REPO, Settings, Topology, ping

OUTPUT = Path(os.environ.get("RELIABILITY_OUTPUT", str(REPO / "var" / "reliability.json")))
SOAK_SECONDS = float(os.environ.get("RELIABILITY_SECONDS", "60"))
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/contractfirst_reliability"
REDIS_URL = "redis://127.0.0.1:6379/8"  # not 15/14 (tests), 12/11/9 (real-process tests), 10 (make topology)
PASSWORD = "Reliability-Passw0rd-1"


class Run:
    def __init__(self) -> None:
        self.pg = FaultProxy("127.0.0.1", 5432)
        self.redis = FaultProxy("127.0.0.1", 6379)
        self.settings = Settings(
            root=REPO / "var" / "reliability",
            nginx_port=8180,
            api_ports=(8181, 8182, 8183),
            database_url=DATABASE_URL,
            redis_url=REDIS_URL,
            database_route=through(DATABASE_URL, self.pg),
            redis_route=through(REDIS_URL, self.redis),
            env={
                "THROTTLE_RATE_ANON": "1000000/min",
                "THROTTLE_RATE_USER": "1000000/min",
                "THROTTLE_RATE_AUTH": "1000/min",
                "THROTTLE_RATE_REGISTER": "1000/min",
                "DATABASE_REQUEST_DEADLINE": "3",
                "REDIS_BREAKER_SECONDS": "2",
            },
        )
        self.topology = Topology(self.settings)
        self.results: dict[str, Any] = {}
        self.target: Target | None = None

    # --- set-up -------------------------------------------------------------------------------------------

    def setup(self) -> None:
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
        self.topology.start(recreate_database=True, timeout=180)
        base = self.settings.base_url
        tokens, projects = [], []
        for index in range(4):  # four users, each writing into a project of their own
            username = f"load-{index}-{uuid.uuid4().hex[:6]}"
            account = {"username": username, "email": f"{username}@example.com", "password": PASSWORD}
            assert call(base, "POST", "/api/v1/users", body=account).status == 201
            token = call(
                base, "POST", "/api/v1/auth/token", body={"username": username, "password": PASSWORD}
            )
            tokens.append(token.body["access"])
            auth = {"Authorization": f"Bearer {token.body['access']}"}
            project = call(
                base, "POST", "/api/v1/projects", body={"name": f"Reliability {index}"}, headers=auth
            )
            assert project.status == 201, project.body
            projects.append(project.body["id"])
        self.target = Target(base_url=base, tokens=tokens, project_ids=projects)

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while ping(f"{self.settings.base_url}/health/ready") != 200:
            if time.monotonic() > deadline:
                raise RuntimeError("the topology did not become ready again")
            time.sleep(0.2)

    # --- one scenario -------------------------------------------------------------------------------------

    def scenario(
        self,
        name: str,
        inject: Callable[[], None],
        heal: Callable[[], None],
        *,
        during: float = 5,
        before: float = 2,
        after: float = 5,
        connections: int = 16,
    ) -> None:
        assert self.target is not None
        self.wait_healthy()
        print(f"reliability: {name} ...", flush=True)
        load = Load(self.target, connections).start()
        time.sleep(before)
        fault_at = time.monotonic()
        inject()
        remaining = during - (time.monotonic() - fault_at)
        if remaining > 0:
            time.sleep(remaining)
        heal()
        healed_at = time.monotonic()
        time.sleep(after)
        samples = load.stop()
        summary = summarize(samples, fault_at, healed_at)
        summary["acknowledged_writes_lost"] = self.lost_writes(samples)
        self.results[name] = summary
        print(f"reliability: {name}: {json.dumps(summary)}", flush=True)

    def lost_writes(self, samples: list[Sample]) -> int:
        import psycopg

        titles = [sample.written for sample in samples if sample.written]
        if not titles:
            return 0
        url = DATABASE_URL.replace("postgres://", "postgresql://")
        with psycopg.connect(url) as conn:
            rows = conn.execute("SELECT title FROM tasks_task WHERE title = ANY(%s)", (titles,)).fetchall()
        return len(set(titles) - {row[0] for row in rows})

    # --- faults -------------------------------------------------------------------------------------------

    def gunicorn_workers(self, name: str) -> list[int]:
        master = self.topology.pid(name)
        children = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                    children.append(int(entry.name))
        return children

    def kill_worker(self) -> None:
        workers = self.gunicorn_workers("api1")
        if not workers:
            raise RuntimeError("api1 has no workers to kill")
        os.kill(workers[0], signal.SIGKILL)

    def kill_instance(self) -> None:
        self.topology.signal("api2", signal.SIGKILL)

    def restart_instance(self) -> None:
        # As an orchestrator's readiness check does: no traffic until it is ready. (gunicorn listens before
        # its workers have booted; requests sent meanwhile would wait in its backlog.)
        self.topology.reload_nginx(down=(self.topology.api_port("api2"),))
        self.topology.start_api("api2")
        self.topology.wait_api("api2", timeout=120)
        self.topology.reload_nginx()

    def rolling_restart(self) -> None:
        for name in ("api1", "api2", "api3"):
            port = self.topology.api_port(name)
            self.topology.reload_nginx(down=(port,))  # out of rotation: no new request reaches it
            time.sleep(1)
            self.topology.stop_one(name)  # SIGTERM: what it accepted, it finishes
            self.topology.start_api(name)
            self.topology.wait_api(name, timeout=120)
            self.topology.reload_nginx()

    def slow_clients(self) -> Callable[[], None]:
        stop = threading.Event()
        port = self.settings.nginx_port

        def slow(body: bool) -> None:
            try:
                with socket.create_connection(("127.0.0.1", port)) as sock:
                    if body:
                        sock.sendall(
                            b"POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                        )
                    else:
                        sock.sendall(b"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    while not stop.is_set():
                        sock.sendall(b" " if body else b"X-Slow: 1\r\n")
                        time.sleep(1)
            except OSError:
                pass  # nginx dropped it

        threads = [threading.Thread(target=slow, args=(i % 2 == 0,), daemon=True) for i in range(40)]
        for thread in threads:
            thread.start()

        def heal() -> None:
            stop.set()

        return heal

    # --- the run ------------------------------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        started = time.monotonic()
        self.setup()
        nothing = lambda: None  # noqa: E731
        try:
            self.scenario("postgres_cut", self.pg.cut, self.pg.restore)
            self.scenario("postgres_stall", self.pg.stall, self.pg.restore)
            self.scenario("redis_cut", self.redis.cut, self.redis.restore)
            self.scenario("redis_stall", self.redis.stall, self.redis.restore)
            heal_slow: list[Callable[[], None]] = []
            self.scenario(
                "slow_clients",
                lambda: heal_slow.append(self.slow_clients()),
                lambda: heal_slow[0](),
                during=10,
            )
            self.scenario("kill_worker", self.kill_worker, nothing, during=3)
            self.scenario("kill_instance", self.kill_instance, self.restart_instance, during=5)
            self.scenario("rolling_restart", self.rolling_restart, nothing, during=0)
            self.scenario("soak", nothing, nothing, before=0, during=SOAK_SECONDS, after=0, connections=64)
        finally:
            self.topology.stop()
            self.pg.close()
            self.redis.close()
        failures = [
            f"{name}: {result['500']} x 500, {result['acknowledged_writes_lost']} acknowledged writes lost"
            for name, result in self.results.items()
            if result["500"] or result["acknowledged_writes_lost"]
        ]
        return {
            "duration_seconds": round(time.monotonic() - started, 1),
            "topology": {
                "nginx": 1,
                "api_instances": len(self.settings.api_ports),
                "gunicorn_workers_each": self.settings.web_concurrency,
                "celery_workers": self.settings.celery_workers,
            },
            "scenarios": self.results,
            "failures": failures,
            "passed": not failures,
        }


def summarize(samples: list[Sample], fault_at: float, healed_at: float) -> dict[str, Any]:
    statuses = Counter(sample.status for sample in samples)
    during = [s.latency for s in samples if fault_at <= s.started < healed_at]
    after = [s.latency for s in samples if s.started >= healed_at]
    recovered = [s.started + s.latency for s in samples if s.started >= healed_at and 200 <= s.status < 300]
    return {
        "requests": len(samples),
        "2xx": sum(count for status, count in statuses.items() if 200 <= status < 300),
        "503": statuses.get(503, 0),
        "500": statuses.get(500, 0),
        "no_answer": statuses.get(0, 0),
        "errors": dict(Counter(sample.error for sample in samples if sample.error)),
        "other_statuses": {
            str(status): count
            for status, count in sorted(statuses.items())
            if status not in (0, 500, 503) and not 200 <= status < 300
        },
        "acknowledged_writes": sum(1 for s in samples if s.written),
        "p99_during_ms": p99(during),
        "p99_after_ms": p99(after),
        "recover_seconds": round(min(recovered) - healed_at, 2) if recovered else None,
    }


def main() -> int:
    report = Run().run()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(report, indent=2) + "\n")
    verdict = "passed" if report["passed"] else "FAILED"
    print(f"reliability: {verdict} in {report['duration_seconds']} s -> {OUTPUT}")
    for failure in report["failures"]:
        print(f"  {failure}", file=sys.stderr)
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
