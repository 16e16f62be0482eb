"""A project's events (its members, tasks and comments changing), announced by the writes that cause them.

The apps that write (projects, tasks, comments) sit below the webhooks app, which depends on projects for
its models and access rules. So the writes do not call webhooks: they announce through this module, and the
webhooks app plugs its outbox in at start-up (WebhooksConfig.ready -> recorder_register). Without a
recorder an announcement costs nothing and goes nowhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol

# The event types of the contract's `webhooks` section, as its `WebhookEventType` lists them.
from server.contract.generated.choices import WebhookEventType as EventType

# `with outbox as record: <write>; record(data)`: the write and its event commit together, or not at all.
Outbox = AbstractContextManager[Callable[[Any], object]]


class EventRecorder(Protocol):
    def outbox(self, *, project_id: int, type: str) -> Outbox:
        """For a write that causes one event; its data is known after the write."""

    def record(self, *, project_id: int, type: str, data: Any) -> object:
        """Inside the caller's transaction: the event of a write that has happened."""


_recorder: EventRecorder | None = None


def recorder_register(recorder: EventRecorder) -> None:
    global _recorder
    _recorder = recorder


@contextmanager
def _discard() -> Iterator[Callable[[Any], object]]:
    yield lambda data: None


def event_outbox(*, project_id: int, type: EventType) -> Outbox:
    return _discard() if _recorder is None else _recorder.outbox(project_id=project_id, type=type)


def event_record(*, project_id: int, type: EventType, data: Any) -> None:
    if _recorder is not None:
        _recorder.record(project_id=project_id, type=type, data=data)
