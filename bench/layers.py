"""The per-layer CPU budget of a request: each py-spy sample in exactly one layer, so the layers sum to 100 %.

A sample is a stack, outermost frame first, each frame "function (path:line)". Its layer is that of the
innermost frame a rule below claims: validation called from inside DRF's dispatch counts as validation, a
query run by a selector as queries. A frame no rule claims (the standard library, django/utils, django/http,
the Redis client...) belongs to whoever called it: Redis's client is the throttle's cost when the throttle
calls it, JSON decoding is authentication's inside PyJWT.
"""

from __future__ import annotations

import collections
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

OTHER = "other"

# (layer, path patterns) in the order a frame is tried: the first pattern its path matches names its layer, so
# a specific module (rest_framework/renderers.py) comes before a package (rest_framework/). Paths as py-spy
# prints them, relative to sys.path; `*` matches any characters, `/` included.
RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "validation",
        (
            "server/contract/validation/*",
            "server/contract/casting.py",
            "server/contract/query.py",
            "server/contract/pointers.py",
            "jsonschema_rs*",
            "jsonschema/*",
            "openapi_core/*",
            "openapi_schema_validator/*",
            "openapi_spec_validator/*",
            "jsonschema_path/*",
            "referencing/*",
        ),
    ),
    (
        "rendering",
        (
            "drf_orjson_renderer/*",
            "orjson*",
            "rest_framework/renderers.py",
            # model -> dict: what a serializer's to_representation or a response model does elsewhere
            "server/apps/*/presenters.py",
        ),
    ),
    (
        "authentication",
        (
            "server/apps/accounts/authentication.py",
            "rest_framework_simplejwt/*",
            "jwt/*",
            "rest_framework/authentication.py",
            "cryptography/*",
        ),
    ),
    ("throttle", ("server/common/throttling.py", "rest_framework/throttling.py")),
    ("queries", ("django/db/*", "psycopg/*", "psycopg_c/*", "psycopg_pool/*", "psycopg2/*")),
    (
        "logging and metrics",
        (
            "logging/*",
            "structlog/*",
            "prometheus_client/*",
            "server/common/logs.py",
            "server/common/metrics.py",
            "server/common/observability.py",
        ),
    ),
    (
        "handler",
        (
            "server/apps/*",
            "server/common/pagination.py",
            "server/common/conditional.py",
        ),
    ),
    (
        "DRF request/response",
        (
            "rest_framework/*",
            "django/views/*",
            # the contract-bound view's own machinery around the handler: operation lookup, content
            # negotiation (on whatever validation says), caching headers, idempotency, problem+json errors
            "server/contract/*",
            "server/common/errors.py",
            "server/common/error_codes.py",
        ),
    ),
    (
        "WSGI and middleware",
        (
            "gunicorn",  # the console script every worker's stack starts in
            "gunicorn/*",
            "uvicorn/*",
            "django/core/handlers/*",
            "django/middleware/*",
            "django/utils/deprecation.py",  # MiddlewareMixin.__call__
            "corsheaders/*",
            "whitenoise/*",
            "server/common/middleware.py",
            "server/common/proxies.py",
            "server/common/security.py",
            "server/common/db_deadline.py",
            "server/config/*",
        ),
    ),
)

LAYERS: tuple[str, ...] = (
    "WSGI and middleware",
    "DRF request/response",
    "authentication",
    "throttle",
    "queries",
    "validation",
    "rendering",
    "handler",
    "logging and metrics",
    OTHER,
)
assert {layer for layer, _ in RULES} | {OTHER} == set(LAYERS)

# Threads asleep that py-spy still reports as running (it reads a thread's state just before it stops the
# process, racily): the innermost frames of a wait, "function (path)". Their samples are no CPU, so they are
# left out of the budget and counted apart.
IDLE: frozenset[str] = frozenset(
    {
        "_watch (server/common/db_deadline.py)",  # the database-deadline watchdog's time.sleep(_TICK)
        "Arbiter.sleep (gunicorn/arbiter.py)",
        "Arbiter.wait_for_signals (gunicorn/arbiter.py)",
        "EpollSelector.select (selectors.py)",
        "PollSelector.select (selectors.py)",
    }
)

_COMPILED = tuple(
    (layer, re.compile("|".join(re.escape(p).replace(r"\*", ".*") + r"\Z" for p in patterns)))
    for layer, patterns in RULES
)
# py-spy prints paths relative to sys.path; with --full-filenames (or an entry it cannot shorten) they are
# absolute, so cut them back to the module path the rules are written against.
_ROOTS = re.compile(rf"^.*?/(?:site-packages|dist-packages)/|^.*?/lib/python3\.\d+/|^{re.escape(str(REPO))}/")
_FRAME = re.compile(r"^(?P<function>.*) \((?P<path>.+?)(?::\d+)?\)$")


@functools.lru_cache(maxsize=8192)
def _function_and_path(frame: str) -> tuple[str, str] | None:
    match = _FRAME.match(frame)
    if match is None:
        return None
    return match["function"], _ROOTS.sub("", match["path"], count=1)


def frame_layer(frame: str) -> str | None:
    """The layer a rule gives this frame ("function (path:line)"), or None when no rule claims it."""
    parsed = _function_and_path(frame)
    if parsed is None:
        return None
    for layer, pattern in _COMPILED:
        if pattern.match(parsed[1]):
            return layer
    return None


def is_idle(frames: list[str]) -> bool:
    parsed = _function_and_path(frames[-1]) if frames else None
    return parsed is not None and f"{parsed[0]} ({parsed[1]})" in IDLE


def deciding_frame(frames: list[str]) -> tuple[str, str | None]:
    """The layer of the sample and the frame that decides it: the innermost frame a rule claims (`other` and
    None when none does)."""
    for frame in reversed(frames):
        layer = frame_layer(frame)
        if layer is not None:
            return layer, frame
    return OTHER, None


def stack_layer(frames: list[str]) -> str:
    return deciding_frame(frames)[0]


def parse(collapsed: str) -> Iterator[tuple[list[str], int]]:
    """(frames outermost first, sample count) of each line of py-spy's raw (collapsed) output; the
    "process <pid>:<command>" frames --subprocesses adds are dropped."""
    for line in collapsed.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        yield [f for f in stack.split(";") if f and not f.startswith("process ")], int(count)


def _short(frame: str) -> str:
    parsed = _function_and_path(frame)
    return frame if parsed is None else f"{parsed[0]} ({parsed[1]})"


def budget(collapsed: str, cpu_ms_per_request: float, top: int = 3) -> dict[str, Any]:
    """Each layer's share of the samples, its CPU per request (that share of `cpu_ms_per_request`, measured
    without the profiler) and the frames that decided most of its samples (its hot spots)."""
    counts = dict.fromkeys(LAYERS, 0)
    deciders: dict[str, collections.Counter[str]] = {layer: collections.Counter() for layer in LAYERS}
    idle = 0
    for frames, count in parse(collapsed):
        if not frames:
            continue
        if is_idle(frames):
            idle += count
            continue
        layer, frame = deciding_frame(frames)
        counts[layer] += count
        deciders[layer][_short(frame) if frame else _short(frames[-1])] += count
    total = sum(counts.values())
    layers = {
        layer: {
            "samples": n,
            "share_percent": 100 * n / total if total else 0.0,
            "cpu_ms_per_request": cpu_ms_per_request * n / total if total else 0.0,
            "top": [
                {"frame": name, "share_percent": 100 * k / total}
                for name, k in deciders[layer].most_common(top)
            ],
        }
        for layer, n in counts.items()
    }
    return {
        "samples": total,
        "idle_samples": idle,
        "cpu_ms_per_request": cpu_ms_per_request,
        "layers": layers,
    }


def table(budgets: dict[str, dict[str, Any]]) -> list[str]:
    """One row per layer, two columns (share %, CPU ms per request) per budget, keyed by a short title."""
    width = max(len(layer) for layer in LAYERS)
    head = f"{'layer':<{width}}" + "".join(f"  {title:>22}" for title in budgets)
    sub = f"{'':<{width}}" + "".join(f"  {'%':>10} {'ms/req':>11}" for _ in budgets)
    lines = [head, sub, "-" * len(head)]
    for layer in LAYERS:
        cells = "".join(
            f"  {b['layers'][layer]['share_percent']:9.1f}% {b['layers'][layer]['cpu_ms_per_request']:11.3f}"
            for b in budgets.values()
        )
        lines.append(f"{layer:<{width}}{cells}")
    lines.append("-" * len(head))
    total = "".join(
        f"  {sum(row['share_percent'] for row in b['layers'].values()):9.1f}% {b['cpu_ms_per_request']:11.3f}"
        for b in budgets.values()
    )
    lines.append(f"{'total':<{width}}{total}")
    counts = "".join(f"  {b['samples']:>13} ({b['idle_samples']:>6})" for b in budgets.values())
    lines.append(f"{'samples (idle)':<{width}}{counts}")
    return lines
