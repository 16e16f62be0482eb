"""The POST itself: pinned to the address the SSRF guard checked (no DNS rebinding between the check and the
connection), bounded as a whole by WEBHOOKS_TIMEOUT (a receiver dripping its answer is cut off), and the
system check that keeps a delivery's lease longer than an attempt."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.core.checks import Error
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from server.apps.webhooks.checks import lease_outlasts_attempt
from server.apps.webhooks.delivery import _post
from server.apps.webhooks.models import Delivery
from server.apps.webhooks.targets import target_addresses
from server.common.testing import ProjectWorld

from .receiver import receiver
from .test_webhooks import _create_task, _subscribe

HEADERS = {"Content-Type": "application/json", "Webhook-Id": "evt_test"}


class Rebinding:
    """socket.getaddrinfo for `name` answers `first`, then `later` (a rebinding DNS server); other names (the
    IP literals the HTTP client connects to) go to the real resolver."""

    def __init__(self, name: str, first: str, later: str) -> None:
        self.name, self.first, self.later = name, first, later
        self.lookups = 0
        self.real = socket.getaddrinfo

    def __call__(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != self.name:
            return self.real(host, port, *args, **kwargs)
        self.lookups += 1
        address = self.first if self.lookups == 1 else self.later
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, int(port or 80)))]


@pytest.mark.django_db
def test_an_allowed_host_is_resolved_once_and_the_post_goes_to_that_address(
    world: ProjectWorld, django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """hooks.example.com is in WEBHOOKS_ALLOWED_HOSTS (test settings): its first answer is the loopback
    receiver; every later lookup would answer an address where nothing listens. The whole delivery resolves
    the name once and the request reaches the receiver, with the original Host header."""
    dns = Rebinding("hooks.example.com", first="127.0.0.1", later="10.255.255.1")
    monkeypatch.setattr(socket, "getaddrinfo", dns)
    with receiver() as target:
        port = target.url.split(":")[2].split("/")[0]
        _subscribe(world, f"http://hooks.example.com:{port}/hook")
        _create_task(world, django_capture_on_commit_callbacks)
        [got] = target.wait(1)
    assert got.headers["host"] == f"hooks.example.com:{port}"
    assert Delivery.objects.get().status == "delivered"
    assert dns.lookups == 1


def test_the_connection_goes_to_the_checked_address_not_to_a_second_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A host outside WEBHOOKS_ALLOWED_HOSTS: the guard checks its first answer (a public address); the POST
    connects to exactly that address, although the name now resolves to 127.0.0.1. (The TCP connection to the
    public address is redirected to the loopback receiver, so the test needs no network.)"""
    dns = Rebinding("rebind.example.net", first="93.184.215.14", later="127.0.0.1")
    monkeypatch.setattr(socket, "getaddrinfo", dns)
    with receiver() as target:
        port = int(target.url.split(":")[2].split("/")[0])
        connected: list[tuple[str, int]] = []
        real_connect = socket.create_connection

        def create_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
            connected.append(address)
            return real_connect(("127.0.0.1", port), *args, **kwargs)

        monkeypatch.setattr(socket, "create_connection", create_connection)
        url = f"http://rebind.example.net:{port}/hook"
        addresses = target_addresses(url)
        assert addresses == ["93.184.215.14"]
        assert _post(url, b"{}", HEADERS, addresses) == (200, None)
        [got] = target.wait(1)
    assert connected == [("93.184.215.14", port)]
    assert got.headers["host"] == f"rebind.example.net:{port}" and got.body == b"{}"
    assert dns.lookups == 1


def test_a_rebinding_answer_at_the_check_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", Rebinding("rebind.example.net", "127.0.0.1", "93.184.215.14"))
    with pytest.raises(Exception, match="loopback"):
        target_addresses("http://rebind.example.net/hook")


@contextmanager
def dripping(head_complete: bool) -> Iterator[str]:
    """A receiver that reads the request, then answers one byte every 0.1s, for ever: its status line and
    headers (`head_complete` False) or, after a complete head, its body."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def serve() -> None:
        connection, _ = server.accept()
        with connection:
            connection.recv(65536)
            if head_complete:
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
            answer = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"x" * 100000
            for byte in answer:
                if stop.is_set():
                    return
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    return  # the client gave up
                time.sleep(0.1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/hook"
    finally:
        stop.set()
        thread.join(5)
        server.close()


@pytest.mark.parametrize("head_complete", [False, True], ids=["dripped-head", "dripped-body"])
@override_settings(WEBHOOKS_TIMEOUT=0.5)
def test_a_dripping_receiver_is_cut_off_at_the_timeout(head_complete: bool) -> None:
    """Each byte comes well within the timeout, so per-operation socket timeouts would wait for ever:
    WEBHOOKS_TIMEOUT bounds the attempt as a whole."""
    with dripping(head_complete) as url:
        started = time.monotonic()
        status, error = _post(url, b"{}", HEADERS, ["127.0.0.1"])
        elapsed = time.monotonic() - started
    assert (status, error) == (None, "No response within 0.5s.")
    assert 0.45 <= elapsed < 1.0, elapsed


def test_a_lease_not_longer_than_an_attempt_is_a_system_check_error() -> None:
    assert lease_outlasts_attempt() == []  # the test settings: 60s lease, 2s timeout
    with override_settings(WEBHOOKS_LEASE_SECONDS=5, WEBHOOKS_TIMEOUT=5.0):
        [error] = lease_outlasts_attempt()
        assert isinstance(error, Error) and error.id == "webhooks.E001"
        with pytest.raises(SystemCheckError, match=r"webhooks\.E001"):
            call_command("check")
    with override_settings(WEBHOOKS_LEASE_SECONDS=4, WEBHOOKS_TIMEOUT=3.0):
        assert lease_outlasts_attempt() == []
