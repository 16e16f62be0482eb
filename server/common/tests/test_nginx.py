"""nginx in front of the API instances (deploy/nginx/api.conf.template, rendered by reliability.topology):
slow clients never hold a worker (issue 15, point 1), the body limit agrees with the API's, X-Forwarded-For
cannot be forged through it, and what nginx answers itself is problem+json with a `code`."""

from __future__ import annotations

import json
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from reliability.faults import FaultProxy
from reliability.http import Reply, call
from reliability.topology import REPO, Settings, Topology, setting

from .processes import free_port

pytestmark = [pytest.mark.xdist_group("ops-processes"), pytest.mark.services]


def _problem_schema() -> dict[str, Any]:
    spec = yaml.safe_load((REPO / "openapi" / "openapi.yaml").read_text())
    schema: dict[str, Any] = spec["components"]["schemas"]["Problem"]
    return schema


def _assert_problem(status: int, content_type: str, body: Any, expected: int, code: str) -> None:
    assert status == expected, (status, body)
    assert content_type == "application/problem+json", content_type
    assert isinstance(body, dict), body
    jsonschema.validate(body, _problem_schema())
    assert body["status"] == expected
    assert body["code"] == code


def _raw(port: int, data: bytes, timeout: float = 10) -> tuple[int, dict[str, str], Any]:
    """Send raw bytes, read the whole answer (nginx closes after an error)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    parsed = json.loads(body) if body else None
    return int(lines[0].split()[1]), headers, parsed


# --- slow clients -------------------------------------------------------------------------------------------


def _slow_header(port: int, closed: list[float], stop: threading.Event) -> None:
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        try:
            while not stop.is_set():
                sock.sendall(b"X-Slow: 1\r\n")  # one header line a second, never the end of the headers
                time.sleep(1)
        except OSError:
            closed.append(time.monotonic() - started)


def _slow_body(port: int, closed: list[float], stop: threading.Event) -> None:
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            b"POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100000\r\n\r\n"
        )
        try:
            while not stop.is_set():
                sock.sendall(b" ")  # one byte a second of the 100,000 announced
                time.sleep(1)
        except OSError:
            closed.append(time.monotonic() - started)


def test_slow_clients_never_hold_a_worker(topology: Topology) -> None:
    port = topology.settings.nginx_port
    # 3 instances x 1 worker here: 40 slow connections would have stopped all service without nginx.
    closed: list[float] = []
    stop = threading.Event()
    slow = [threading.Thread(target=_slow_header, args=(port, closed, stop)) for _ in range(20)]
    slow += [threading.Thread(target=_slow_body, args=(port, closed, stop)) for _ in range(20)]
    for thread in slow:
        thread.start()
    try:
        time.sleep(2)
        latencies = []
        for _ in range(30):
            started = time.monotonic()
            assert call(topology.settings.base_url, "GET", "/health/ready", timeout=5).status == 200
            latencies.append(time.monotonic() - started)
        assert max(latencies) < 2.0, latencies
        # nginx drops the slow headers itself after client_header_timeout (10 s for the whole header). A body
        # trickling one byte a second stays within client_body_timeout (10 s between two reads): nginx keeps
        # buffering it, which costs it a connection, and no worker anything.
        deadline = time.monotonic() + 20
        while len(closed) < 20 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(closed) >= 20, f"only {len(closed)} slow connections were dropped"
        assert min(closed) > 8 and sorted(closed)[19] < 16, closed
    finally:
        stop.set()
        for thread in slow:
            thread.join()
    assert call(topology.settings.base_url, "GET", "/health/ready").status == 200


# --- limits and nginx's own answers -------------------------------------------------------------------------


def test_the_body_limit_is_the_apis(topology: Topology) -> None:
    limit = int(setting(topology.app_env(), "REQUEST_MAX_BODY_BYTES"))
    api = (topology.nginx_prefix / "api.conf").read_text()
    assert f"client_max_body_size {limit};" in api
    port = topology.settings.nginx_port
    head = "POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    over = f"{head}Content-Length: {limit + 1}\r\nConnection: close\r\n\r\n".encode() + b" " * (limit + 1)
    _assert_problem(*_problem_reply(_raw(port, over)), 413, "payload_too_large")
    # Exactly at the limit nginx passes it on: the API answers (the JSON is bad, not too large).
    prefix, suffix = b'{"username": "x", "password": "', b'"}'
    body = prefix + b"y" * (limit - len(prefix) - len(suffix)) + suffix
    assert len(body) == limit
    at = f"{head}Content-Length: {limit}\r\nConnection: close\r\n\r\n".encode() + body
    status, headers, parsed = _raw(port, at)
    assert status != 413 and parsed["code"] != "payload_too_large", (status, parsed)
    assert headers["content-type"] == "application/problem+json"


def _problem_reply(reply: tuple[int, dict[str, str], Any]) -> tuple[int, str, Any]:
    status, headers, body = reply
    return status, headers.get("content-type", ""), body


def test_what_nginx_refuses_itself_is_problem_json(topology: Topology) -> None:
    port = topology.settings.nginx_port
    _assert_problem(*_problem_reply(_raw(port, b"NONSENSE\r\n\r\n")), 400, "bad_request")
    long_path = "/api/v1/" + "a" * 9000
    uri = f"GET {long_path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    _assert_problem(*_problem_reply(_raw(port, uri)), 414, "uri_too_long")
    big = f"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {'a' * 9000}\r\n\r\n".encode()
    _assert_problem(*_problem_reply(_raw(port, big)), 431, "headers_too_large")
    # The API's own errors pass through untouched.
    missing = call(topology.settings.base_url, "GET", "/api/v1/nowhere")
    _assert_problem(missing.status, missing.headers["content-type"], missing.body, 404, "not_found")
    assert missing.headers.get("x-request-id")


@contextmanager
def _nginx_in_front_of(port: int, root: Path, read_timeout: str = "35s") -> Iterator[Topology]:
    settings = Settings(
        root=root, nginx_port=free_port(), api_ports=(port,), nginx_proxy_read_timeout=read_timeout
    )
    edge = Topology(settings)
    edge.start_nginx()
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", settings.nginx_port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield edge
    finally:
        edge.stop_one("nginx")


def test_no_instance_answering_is_502_and_a_hung_one_504(tmp_path: Path) -> None:
    with _nginx_in_front_of(free_port(), tmp_path / "dead") as edge:  # nothing listens there
        reply: Reply = call(edge.settings.base_url, "GET", "/api/v1/projects")
        _assert_problem(reply.status, reply.headers["content-type"], reply.body, 502, "bad_gateway")
        assert reply.headers["cache-control"] == "no-store"
        assert reply.headers["x-request-id"]
    hung = FaultProxy("127.0.0.1", free_port())
    hung.stall()  # accepts the connection, never answers
    try:
        with _nginx_in_front_of(hung.port, tmp_path / "hung", read_timeout="1s") as edge:
            reply = call(edge.settings.base_url, "GET", "/api/v1/projects")
            _assert_problem(reply.status, reply.headers["content-type"], reply.body, 504, "gateway_timeout")
    finally:
        hung.close()


def test_x_forwarded_for_cannot_be_forged_through_nginx(topology: Topology) -> None:
    # The token endpoints allow 20 a minute per client here. Each request claims another address; nginx
    # replaces the claim with the real one, so the 21st is refused all the same.
    statuses = []
    for _ in range(22):
        forged = {"X-Forwarded-For": f"203.0.113.{uuid.uuid4().int % 250}"}
        reply = call(
            topology.settings.base_url,
            "POST",
            "/api/v1/auth/token/refresh",
            body={"refresh": "not-a-token"},
            headers=forged,
        )
        statuses.append(reply.status)
    assert statuses.count(429) >= 2, statuses
