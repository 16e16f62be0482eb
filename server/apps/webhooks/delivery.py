"""One delivery attempt: claim the delivery, check the target and the payload, POST it signed, record the
attempt, then schedule a retry, finish it, or disable a subscription that keeps failing.

At-least-once: the claim is a lease (`leased_until`) taken with a compare-and-set on the attempt number, and
records the attempt before the request. A worker that dies mid-attempt leaves the delivery pending (and that
attempt without an outcome); when its lease runs out the sweep (`deliver_pending_webhooks`, Celery beat) hands
it to another worker, which sends the same event id again. The attempt number fences the writes: a worker that
outlived its lease records its attempt but leaves the delivery to whoever holds it now ("superseded").

The POST (`_post`) connects to an address the SSRF guard passed (resolved once: no DNS rebinding between the
check and the connection), follows no redirect, reads at most RESPONSE_CAP bytes of the response, and is
bounded as a whole by WEBHOOKS_TIMEOUT (connect, TLS, send, response head and body): a receiver that drips
its answer a byte at a time is cut off at the deadline.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import random
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import orjson
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .crypto import secret_decrypt, signature
from .models import Attempt, Delivery, DeliveryStatus, Webhook
from .payloads import payload_violations
from .targets import TargetRefused, target_addresses

logger = logging.getLogger(__name__)

USER_AGENT = "contractfirst-webhooks/1"


@dataclass(frozen=True)
class Outcome:
    status: str  # "delivered", "retry", "failed", "skipped" (not due / held), "superseded" (lease lost)
    retry_in: float | None = None


RESPONSE_CAP = 65536  # bytes of a response body read (and discarded); the status is what counts


@functools.cache
def _tls() -> ssl.SSLContext:
    """The system's trust store (as urllib used), built once: certificates are checked against the URL's host
    name, which is also the SNI name, though the connection goes to a pinned address."""
    return ssl.create_default_context()


class _Watchdog:
    """Bounds a whole attempt: at the deadline it shuts the connection's socket down, which interrupts what
    the client is blocked on (TLS handshake, send, waiting for or reading the response). httpx's own timeouts
    apply per socket operation, so a receiver sending a byte a second would otherwise never time out.

    The socket comes from httpx's documented `trace` request extension (`connection.connect_tcp.complete`);
    the watchdog keeps a duplicate of it, which stays valid when TLS wraps the original."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            if self._socket is not None:  # an earlier address's connection: done with
                self._socket.close()
            self._socket = sock.dup()
            if self.expired:
                self._shutdown()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            self._shutdown()

    def _shutdown(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):  # already closed by the client
                self._socket.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._timer.cancel()
        with self._lock:
            if self._socket is not None:
                self._socket.close()
                self._socket = None


def backoff(attempt: int) -> float:
    """Seconds before the attempt after `attempt` (1-based): exponential, capped, with jitter (half fixed,
    half random, so retries of many deliveries spread out)."""
    delay: float = min(settings.WEBHOOKS_BACKOFF_MAX, settings.WEBHOOKS_BACKOFF_BASE * 2 ** (attempt - 1))
    return delay / 2 + random.uniform(0, delay / 2)


NO_OUTCOME = "No outcome recorded: the attempt is in progress, or its worker stopped before it finished."


def _claim(delivery_id: int) -> tuple[Delivery, Attempt] | None:
    """Take the delivery for one attempt: a compare-and-set on `attempt_count`, which is then this attempt's
    number and its fencing token (`_finish` only writes while the delivery is still at that number, so a
    worker whose lease ran out cannot overwrite what the next holder did). The attempt is recorded at once,
    without an outcome: if the worker dies mid-request the delivery's history still shows the lost attempt."""
    now = timezone.now()
    claimable = (
        Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
    )
    delivery = claimable.select_related("webhook", "event").first()
    if delivery is None:
        return None
    number = delivery.attempt_count + 1
    with transaction.atomic():
        taken = claimable.filter(attempt_count=delivery.attempt_count).update(
            leased_until=now + timedelta(seconds=settings.WEBHOOKS_LEASE_SECONDS), attempt_count=number
        )
        if not taken:  # another worker took it (or its holder rescheduled it) since the read
            return None
        attempt = Attempt.objects.create(delivery=delivery, number=number, attempted_at=now, error=NO_OUTCOME)
    delivery.attempt_count = number
    return delivery, attempt


def _post(
    url: str, body: bytes, headers: dict[str, str], addresses: list[str]
) -> tuple[int | None, str | None]:
    """POST `body` to `url`, connecting only to `addresses` (checked by the SSRF guard; tried in order while
    they refuse the connection) with the URL's host name as Host header, TLS server name and the name the
    certificate must match. Returns (status or None, error or None)."""
    timeout: float = settings.WEBHOOKS_TIMEOUT
    timed_out = f"No response within {timeout:g}s."
    deadline = time.monotonic() + timeout
    target = httpx.URL(url)
    host = target.raw_host.decode("ascii")
    headers = {**headers, "Host": target.netloc.decode("ascii")}
    watchdog = _Watchdog(timeout)
    status: int | None = None
    error: str | None = "Connection failed: no address to connect to."
    try:
        with httpx.Client(
            timeout=timeout, follow_redirects=False, trust_env=False, verify=_tls(), http1=True
        ) as client:
            for address in addresses:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or watchdog.expired:
                    return None, timed_out
                request = client.build_request(
                    "POST",
                    target.copy_with(host=address),
                    content=body,
                    headers=headers,
                    timeout=remaining,
                    extensions={"sni_hostname": host, "trace": watchdog.trace},
                )
                try:
                    response = client.send(request, stream=True)
                    try:
                        read = 0
                        for chunk in response.iter_raw():
                            read += len(chunk)
                            if time.monotonic() >= deadline:
                                return None, timed_out
                            if read >= RESPONSE_CAP:
                                break
                        status = response.status_code
                    finally:
                        response.close()
                except httpx.ConnectError as failed:  # refused / unreachable: the next address, if any
                    if watchdog.expired:
                        return None, timed_out
                    error = f"Connection failed: {failed}"[:500]
                    continue
                break
            else:
                return None, error
    except httpx.TimeoutException:
        return None, timed_out
    except (httpx.HTTPError, OSError) as failed:
        if watchdog.expired:
            return None, timed_out
        return None, f"Connection failed: {failed}"[:500]
    finally:
        watchdog.close()
    if status is None:  # (not reached: a response has a status)
        return None, timed_out
    if 200 <= status < 300:
        return status, None
    return status, f"HTTP {status}"


def delivery_attempt(delivery_id: int) -> Outcome:
    claimed = _claim(delivery_id)
    if claimed is None:
        return Outcome("skipped")
    delivery, attempt = claimed
    webhook, event = delivery.webhook, delivery.event
    body = orjson.dumps(event.payload)
    started = time.monotonic()
    status: int | None = None
    violations = payload_violations(event.payload)
    if violations:
        error: str | None = "The payload does not match the contract: " + "; ".join(violations)
        logger.error("webhook payload breaks the contract", extra={"event_id": event.event_id})
    else:
        try:
            addresses = target_addresses(webhook.url)  # resolved once: the POST connects to these only
        except TargetRefused as refused:
            error = f"Refused target: {refused.message}"
        else:
            timestamp = str(int(time.time()))
            headers = {
                "Content-Type": "application/json",
                "User-Agent": USER_AGENT,
                "Webhook-Id": event.event_id,
                "Webhook-Timestamp": timestamp,
                "Webhook-Signature": signature(secret_decrypt(webhook.secret_encrypted), timestamp, body),
            }
            status, error = _post(webhook.url, body, headers, addresses)
    latency_ms = int((time.monotonic() - started) * 1000)
    return _finish(delivery, attempt, webhook, status=status, error=error, latency_ms=latency_ms)


def _finish(
    delivery: Delivery,
    attempt: Attempt,
    webhook: Webhook,
    *,
    status: int | None,
    error: str | None,
    latency_ms: int,
) -> Outcome:
    now = timezone.now()
    with transaction.atomic():
        Attempt.objects.filter(pk=attempt.pk).update(
            response_status=status, latency_ms=latency_ms, error=(error or "")[:500]
        )
        # Still ours? Only while the delivery is pending at this attempt's number (see _claim).
        held = Delivery.objects.filter(
            pk=delivery.pk, status=DeliveryStatus.PENDING, attempt_count=delivery.attempt_count
        )
        if error is None:
            if not held.update(
                status=DeliveryStatus.DELIVERED, delivered_at=now, next_attempt_at=None, leased_until=None
            ):
                return Outcome("superseded")
            Webhook.objects.filter(pk=webhook.pk).update(consecutive_failures=0)
            return Outcome("delivered")
        if delivery.attempt_count < settings.WEBHOOKS_MAX_ATTEMPTS:
            delay = backoff(delivery.attempt_count)
            if not held.update(next_attempt_at=now + timedelta(seconds=delay), leased_until=None):
                return Outcome("superseded")
            return Outcome("retry", retry_in=delay)
        if not held.update(status=DeliveryStatus.FAILED, next_attempt_at=None, leased_until=None):
            return Outcome("superseded")
        current = Webhook.objects.select_for_update().filter(pk=webhook.pk).first()
        if current is not None:
            current.consecutive_failures += 1
            fields = ["consecutive_failures"]
            if current.active and current.consecutive_failures >= settings.WEBHOOKS_DISABLE_AFTER:
                current.active = False
                current.disabled_reason = (
                    f"Disabled after {current.consecutive_failures} consecutive failed deliveries "
                    f"(last: {error})."
                )[:500]
                fields += ["active", "disabled_reason", "updated_at"]
            current.save(update_fields=fields)
        return Outcome("failed")


def deliveries_due(*, limit: int = 500) -> list[int]:
    """Pending deliveries whose attempt is due and that no live worker holds: new ones whose enqueue was
    lost, retries, and deliveries whose worker died (lease run out)."""
    now = timezone.now()
    return list(
        Delivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
