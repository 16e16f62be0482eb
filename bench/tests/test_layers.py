"""bench/layers.py on stacks py-spy recorded from the contract server (gunicorn sync, the task list)."""

from __future__ import annotations

import math

import pytest

from bench import layers

# The frames every request's stack starts with, outermost first, as py-spy printed them.
PROCESSES = (
    'process 10276:"/work/main/.venv/bin/python /work/main/.venv/bin/gunicorn server.config.wsgi:app"',
    'process 10277:"/work/main/.venv/bin/python /work/main/.venv/bin/gunicorn server.config.wsgi:app"',
)
WORKER = (
    "<module> (gunicorn:10)",
    "Arbiter.spawn_worker (gunicorn/arbiter.py:752)",
    "Worker.init_process (gunicorn/workers/base.py:146)",
    "SyncWorker.handle_request (gunicorn/workers/sync.py:184)",
    "WSGIHandler.__call__ (django/core/handlers/wsgi.py:124)",
    "BaseHandler.get_response (django/core/handlers/base.py:140)",
    "convert_exception_to_response.<locals>.inner (django/core/handlers/exception.py:55)",
    "ObservabilityMiddleware.__call__ (server/common/observability.py:79)",
    "convert_exception_to_response.<locals>.inner (django/core/handlers/exception.py:55)",
    "DatabaseDeadlineMiddleware.__call__ (server/common/db_deadline.py:100)",
    "convert_exception_to_response.<locals>.inner (django/core/handlers/exception.py:55)",
    "CorsMiddleware.__call__ (corsheaders/middleware.py:53)",
    "convert_exception_to_response.<locals>.inner (django/core/handlers/exception.py:55)",
    "MiddlewareMixin.__call__ (django/utils/deprecation.py:120)",
    "convert_exception_to_response.<locals>.inner (django/core/handlers/exception.py:55)",
)
VIEW = (
    *WORKER,
    "BaseHandler._get_response (django/core/handlers/base.py:197)",
    "csrf_exempt.<locals>._view_wrapper (django/views/decorators/csrf.py:65)",
    "View.as_view.<locals>.view (django/views/generic/base.py:105)",
)
INITIAL = (
    *VIEW,
    "APIView.dispatch (rest_framework/views.py:514)",
    "ContractAPIView.initial (server/contract/views.py:107)",
)
HANDLER = (
    *VIEW,
    "APIView.dispatch (rest_framework/views.py:523)",
    "TaskListView.get (server/apps/tasks/views.py:32)",
)

STACKS: list[tuple[str, tuple[str, ...]]] = [
    (
        "validation",  # inside DRF's dispatch and our finalize_response: the innermost claim wins
        (
            *VIEW,
            "APIView.dispatch (rest_framework/views.py:528)",
            "ContractAPIView.finalize_response (server/contract/views.py:145)",
            "CompiledEngine.validate_response (server/contract/validation/compiled_engine.py:394)",
            "_schema_violations (server/contract/validation/compiled_engine.py:115)",
        ),
    ),
    (
        "authentication",  # the standard library's JSON decoder belongs to PyJWT, which called it
        (
            *INITIAL,
            "APIView.initial (rest_framework/views.py:419)",
            "APIView.perform_authentication (rest_framework/views.py:329)",
            "Request.user (rest_framework/request.py:236)",
            "Request._authenticate (rest_framework/request.py:393)",
            "JWTAuthentication.authenticate (server/apps/accounts/authentication.py:80)",
            "JWTAuthentication.authenticate (rest_framework_simplejwt/authentication.py:49)",
            "TokenBackend.decode (rest_framework_simplejwt/backends.py:160)",
            "PyJWS._verify_signature (jwt/api_jws.py:436)",
            "HMACAlgorithm.prepare_key (jwt/algorithms.py:370)",
            "loads (json/__init__.py:359)",
            "JSONDecoder.raw_decode (json/decoder.py:355)",
        ),
    ),
    (
        "throttle",  # the Redis client and the circuit breaker around it: the throttle's round trip
        (
            *INITIAL,
            "APIView.check_throttles (rest_framework/views.py:364)",
            "CounterThrottleMixin.allow_request (server/common/throttling.py:128)",
            "_hit_redis (server/common/throttling.py:61)",
            "Script.__call__ (redis/commands/core.py:10936)",
            "Redis._send_command_parse_response (redis/client.py:818)",
            "BreakerConnection.send_packed_command (server/common/breaker.py:75)",
            "_guarded (server/common/breaker.py:64)",
        ),
    ),
    (
        "queries",
        (
            *HANDLER,
            "paginate (server/common/pagination.py:94)",
            "QuerySet._fetch_all (django/db/models/query.py:1954)",
            "DatabaseErrorWrapper.__call__.<locals>.inner (django/db/utils.py:98)",
            "Cursor.fetchmany (psycopg/cursor.py:268)",
            "TimestamptzLoader._load_iso (psycopg/types/datetime.py:501)",
        ),
    ),
    (
        "rendering",  # a presenter turning a model into the body, called by the handler's pagination
        (
            *HANDLER,
            "paginate (server/common/pagination.py:118)",
            "paginate.<locals>.<listcomp> (server/common/pagination.py:118)",
            "present_task (server/apps/tasks/presenters.py:11)",
        ),
    ),
    (
        "rendering",
        (
            *VIEW,
            "APIView.dispatch (rest_framework/views.py:528)",
            "Response.rendered_content (rest_framework/response.py:74)",
            "ORJSONRenderer.render (drf_orjson_renderer/renderers.py:143)",
        ),
    ),
    (
        "handler",  # django/http is nobody's: building the next link is the handler's pagination
        (
            *HANDLER,
            "paginate (server/common/pagination.py:121)",
            "paginate.<locals>.link (server/common/pagination.py:107)",
            "HttpRequest.build_absolute_uri (django/http/request.py:262)",
        ),
    ),
    (
        "logging and metrics",
        (
            *WORKER[:8],
            "BoundLogger.info (structlog/stdlib.py:222)",
            "Logger._log (logging/__init__.py:1634)",
            "StreamHandler.emit (logging/__init__.py:1113)",
        ),
    ),
    (
        "DRF request/response",
        (
            *VIEW,
            "APIView.dispatch (rest_framework/views.py:523)",
            "TaskListView.get (server/apps/tasks/views.py:40)",
            "Response.__init__ (rest_framework/response.py:32)",
            "HttpResponseBase.__init__ (django/http/response.py:116)",
        ),
    ),
    ("WSGI and middleware", (*WORKER, "CorsMiddleware.add_response_headers (corsheaders/middleware.py:88)")),
    ("WSGI and middleware", (*WORKER[:4], "close_graceful (gunicorn/util.py:312)")),
    (
        "validation",  # an absolute path (py-spy --full-filenames) is cut back to the module path
        (
            *VIEW,
            f"parse_json ({layers.REPO}/server/contract/validation/json_body.py:40)",
        ),
    ),
    (
        "queries",  # the same for a library under site-packages
        (*HANDLER, "Cursor.execute (/usr/lib/python3/dist-packages/psycopg/cursor.py:97)"),
    ),
    ("other", ("Thread.run (threading.py:982)", "worker (concurrent/futures/thread.py:83)")),
]

WATCHDOG = (
    "Thread._bootstrap (threading.py:1002)",
    "Thread.run (threading.py:982)",
    "_watch (server/common/db_deadline.py:56)",
)


def _collapsed(stacks: list[tuple[tuple[str, ...], int]]) -> str:
    return "\n".join(";".join((*PROCESSES, *frames)) + f" {count}" for frames, count in stacks) + "\n"


@pytest.mark.parametrize(("expected", "frames"), STACKS, ids=[f"{i}-{e}" for i, (e, _) in enumerate(STACKS)])
def test_a_sample_belongs_to_the_innermost_frame_a_rule_claims(
    expected: str, frames: tuple[str, ...]
) -> None:
    parsed = next(iter(layers.parse(_collapsed([(frames, 1)]))))[0]
    assert layers.stack_layer(parsed) == expected


def test_the_layers_sum_to_every_sample_and_to_the_cpu_per_request() -> None:
    stacks = [(frames, 3 + i) for i, (_, frames) in enumerate(STACKS)]
    result = layers.budget(_collapsed(stacks), cpu_ms_per_request=2.5)

    assert result["samples"] == sum(count for _, count in stacks)
    assert list(result["layers"]) == list(layers.LAYERS)
    assert math.isclose(sum(row["share_percent"] for row in result["layers"].values()), 100.0)
    assert math.isclose(sum(row["cpu_ms_per_request"] for row in result["layers"].values()), 2.5)
    expected: dict[str, int] = {}
    for (layer, _), (_, count) in zip(STACKS, stacks, strict=True):
        expected[layer] = expected.get(layer, 0) + count
    assert {k: v["samples"] for k, v in result["layers"].items() if v["samples"]} == expected


def test_a_sleeping_watchdog_is_no_cpu() -> None:
    request = STACKS[0][1]
    result = layers.budget(_collapsed([(request, 4), (WATCHDOG, 6)]), cpu_ms_per_request=1.0)

    assert (result["samples"], result["idle_samples"]) == (4, 6)
    assert result["layers"]["validation"]["share_percent"] == 100.0


def test_the_hot_spots_name_the_deciding_frame() -> None:
    result = layers.budget(_collapsed([(STACKS[2][1], 5)]), cpu_ms_per_request=1.0)

    top = result["layers"]["throttle"]["top"]
    assert top == [{"frame": "_hit_redis (server/common/throttling.py)", "share_percent": 100.0}]


def test_the_table_has_a_row_per_layer_and_a_total() -> None:
    result = layers.budget(_collapsed([(frames, 1) for _, frames in STACKS]), cpu_ms_per_request=1.0)
    lines = layers.table({"contract/list": result, "contract-off/list": result})

    rows = {line.split("  ")[0].strip() for line in lines}
    assert set(layers.LAYERS) <= rows
    total = next(line for line in lines if line.startswith("total"))
    assert total.split() == ["total", "100.0%", "1.000", "100.0%", "1.000"]


def test_no_samples_is_an_empty_budget_not_a_division_by_zero() -> None:
    result = layers.budget("", cpu_ms_per_request=1.0)

    assert result["samples"] == 0
    assert all(row["share_percent"] == 0.0 for row in result["layers"].values())
