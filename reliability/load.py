"""A small closed-loop load generator: N threads, each on its own keep-alive connection, send a mix of reads
and writes as fast as they are answered, and record every request (start, latency, status; 0 when the
connection failed before any answer) and every acknowledged write (a 201, with the title it created)."""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Sample:
    started: float  # time.monotonic()
    latency: float
    status: int  # 0: no answer (connection refused, reset or timed out)
    written: str | None = None  # the title of an acknowledged write
    error: str | None = None  # why there was no answer, or the problem answered


@dataclass
class Target:
    """Who the load acts as: a bearer token per thread (round robin), and the project each one writes into."""

    base_url: str
    tokens: list[str]
    project_ids: list[int]
    write_share: float = 0.3


@dataclass
class Load:
    target: Target
    connections: int
    samples: list[Sample] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> Load:
        for index in range(self.connections):
            thread = threading.Thread(target=self._run, args=(index,), daemon=True, name=f"load-{index}")
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> list[Sample]:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)
        return self.samples

    def _run(self, index: int) -> None:
        parts = urlsplit(self.target.base_url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
        who = index % len(self.target.tokens)
        headers = {"Authorization": f"Bearer {self.target.tokens[who]}"}
        tasks = f"/api/v1/projects/{self.target.project_ids[who]}/tasks"
        rng = random.Random(index)
        connection: http.client.HTTPConnection | None = None
        while not self._stop.is_set():
            written = None
            request: tuple[str, str, str | None, dict[str, str]]
            if rng.random() < self.target.write_share:
                title = f"load-{uuid.uuid4().hex}"
                body = json.dumps({"title": title})
                request = ("POST", tasks, body, {**headers, "Content-Type": "application/json"})
            else:
                title = None
                request = ("GET", f"{tasks}?page_size=10", None, headers)
            started = time.monotonic()
            status, failure = 0, None
            for attempt in range(2):
                fresh = connection is None
                if connection is None:
                    connection = http.client.HTTPConnection(host, port, timeout=30)
                current = connection
                try:
                    current.request(request[0], request[1], body=request[2], headers=request[3])
                    response = current.getresponse()
                    payload = response.read()
                    status = response.status
                    # Which error: the problem's code and detail (a stale connection retried is no error).
                    failure = _problem(payload) if status >= 400 else None
                    if response.getheader("Connection", "").lower() == "close":
                        current.close()
                        connection = None
                    break
                except (OSError, http.client.HTTPException) as error:
                    failure = type(error).__name__
                    current.close()
                    connection = None
                    # A kept-alive connection the server closed while idle (nginx reloading): the request
                    # never reached it, so it is sent again on a new connection, as HTTP clients do.
                    stale = isinstance(error, http.client.RemoteDisconnected | BrokenPipeError)
                    if fresh or not stale or attempt:
                        time.sleep(0.05)  # a refused connection is instant: do not spin
                        break
            if status == 201:
                written = title
            latency = time.monotonic() - started
            sample = Sample(started, latency, status, written, failure)
            with self._lock:
                self.samples.append(sample)
        if connection is not None:
            connection.close()


def _problem(payload: bytes) -> str:
    try:
        body = json.loads(payload)
        return f"{body['status']} {body['code']}: {body.get('detail', '')}"
    except (ValueError, KeyError, TypeError):
        return payload[:100].decode(errors="replace")


def p99(latencies: list[float]) -> float | None:
    if not latencies:
        return None
    ordered = sorted(latencies)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1)
