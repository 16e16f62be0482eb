"""`make bench`: start each server variant under gunicorn, drive it with wrk, print ratios, write JSON.

Variants (one gunicorn each, 1 worker, pinned with taskset to BENCH_SERVER_CPU; wrk to BENCH_CLIENT_CPU):
  contract      our endpoints, request + response validation on (the fast engine unless BENCH_ENGINE says)
  contract-off  our endpoints, CONTRACT_REQUEST_VALIDATION=off, CONTRACT_RESPONSE_VALIDATION=off
  drf           the idiomatic-DRF baseline in bench/baseline (/baseline/api/v1/...)
  openapi-core  our endpoints, our validation off, openapi-core's DjangoOpenAPIMiddleware on

Every (variant, endpoint) is warmed up once, then measured BENCH_ROUNDS times; within a round the variants of
an endpoint run back to back in an order that rotates from round to round. Each side's figures are medians
over the rounds; a ratio is the median of the per-round ratios (A and B of one round ran seconds apart, so
the machine's drift cancels). Settings (env, defaults in brackets): BENCH_ROUNDS [10], BENCH_SECONDS [3],
BENCH_WARMUP [2],
BENCH_CONNECTIONS [16], BENCH_THREADS [1], BENCH_WORKER_CLASS [sync], BENCH_GTHREADS [4, gthread only],
BENCH_TASKS [1000], BENCH_SCALE_TASKS [1000000], BENCH_DATABASE_URL [postgres://postgres@127.0.0.1:5432/bench],
BENCH_ENGINE [the compiled engine], BENCH_PORT [18700], BENCH_SERVER_CPU [0], BENCH_CLIENT_CPU [1],
BENCH_STARTUPS [3], BENCH_SKIP_GENERATE [0], BENCH_PROFILE_SECONDS [15; 0 skips the per-layer CPU budget],
BENCH_OUTPUT [bench/results/latest.json].
"""

from __future__ import annotations

import functools
import http.client
import json
import math
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

from bench import instructions, layers, profile, scaling, serving, verdicts

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
LUA = BENCH / "lua"
VENV_BIN = Path(sys.executable).parent
# Bytecode cache for the servers and start-up timings, outside the source tree (the Makefile exports
# PYTHONDONTWRITEBYTECODE=1, and without a cache every start compiles ~1,900 modules from source, ~2.8 s).
PYCACHE = BENCH / "results" / "pycache"


def cached_bytecode_env(env: dict[str, str]) -> dict[str, str]:
    env = {**env, "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cold_env(env: dict[str, str]) -> dict[str, str]:
    env = {**env, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONPYCACHEPREFIX", None)
    return env


FAST_ENGINE = "server.contract.validation.compiled_engine.CompiledEngine"
REFERENCE_ENGINE = "server.contract.validation.openapi_core_engine.OpenAPICoreEngine"
ENDPOINTS = ("list", "retrieve", "create", "update")
EXPECTED_STATUS = {"list": 200, "list-1m": 200, "retrieve": 200, "create": 201, "update": 200}
SCRIPTS = {"list": "get.lua", "list-1m": "get.lua", "retrieve": "get.lua", "create": "create.lua"}
SCRIPTS["update"] = "update.lua"


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def _env_float(name: str, default: float) -> float:
    return float(os.environ.get(name) or default)


@dataclass(frozen=True)
class Config:
    rounds: int = field(default_factory=lambda: _env_int("BENCH_ROUNDS", 10))
    seconds: float = field(default_factory=lambda: _env_float("BENCH_SECONDS", 3))
    warmup: float = field(default_factory=lambda: _env_float("BENCH_WARMUP", 2))
    connections: int = field(default_factory=lambda: _env_int("BENCH_CONNECTIONS", 16))
    threads: int = field(default_factory=lambda: _env_int("BENCH_THREADS", 1))
    worker_class: str = field(default_factory=lambda: os.environ.get("BENCH_WORKER_CLASS") or "sync")
    gthreads: int = field(default_factory=lambda: _env_int("BENCH_GTHREADS", 4))
    read_tasks: int = field(default_factory=lambda: _env_int("BENCH_TASKS", 1000))
    scale_tasks: int = field(default_factory=lambda: _env_int("BENCH_SCALE_TASKS", 1_000_000))
    database_url: str = field(
        default_factory=lambda: (
            os.environ.get("BENCH_DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/bench"
        )
    )
    engine: str = field(default_factory=lambda: os.environ.get("BENCH_ENGINE") or FAST_ENGINE)
    port: int = field(default_factory=lambda: _env_int("BENCH_PORT", 18700))
    server_cpu: str = field(default_factory=lambda: os.environ.get("BENCH_SERVER_CPU") or "0")
    client_cpu: str = field(default_factory=lambda: os.environ.get("BENCH_CLIENT_CPU") or "1")
    startups: int = field(default_factory=lambda: _env_int("BENCH_STARTUPS", 3))
    skip_generate: bool = field(default_factory=lambda: os.environ.get("BENCH_SKIP_GENERATE") == "1")
    # The serving-model rows (bench/serving.py): six more servers.
    serving: bool = field(default_factory=lambda: os.environ.get("BENCH_SERVING") == "1")
    # The scaling axes (bench/scaling.py): filters, search, orderings, 10,000 projects, 10,000 members.
    scaling_axes: bool = field(default_factory=lambda: os.environ.get("BENCH_SCALING_AXES") == "1")
    axes_projects: int = field(default_factory=lambda: _env_int("BENCH_AXES_PROJECTS", 10_000))
    axes_members: int = field(default_factory=lambda: _env_int("BENCH_AXES_MEMBERS", 10_000))
    # py-spy's seconds on each of PROFILES after the rounds, for the per-layer CPU budget (0: none).
    profile_seconds: float = field(default_factory=lambda: _env_float("BENCH_PROFILE_SECONDS", 15))
    # Fail the run when the instruction-count tax misses its goal (make bench-smoke).
    check_instructions: bool = field(
        default_factory=lambda: os.environ.get("BENCH_CHECK_INSTRUCTIONS") == "1"
    )
    output: Path = field(
        default_factory=lambda: Path(os.environ.get("BENCH_OUTPUT") or BENCH / "results" / "latest.json")
    )


# --------------------------------------------------------------------------------------------------------
# Django in this process: database, data, token, query counts


def setup_django(config: Config, engine: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DATABASE_URL"] = config.database_url
    os.environ.setdefault("JWT_ACCESS_MINUTES", str(7 * 24 * 60))
    # This process measures query counts through the contract-bound views with validation on.
    os.environ["CONTRACT_VALIDATION_ENGINE"] = engine
    os.environ["CONTRACT_REQUEST_VALIDATION"] = "on"
    os.environ["CONTRACT_RESPONSE_VALIDATION"] = "strict"
    import django

    django.setup()


def ensure_database(database_url: str) -> None:
    """CREATE DATABASE if it does not exist (connecting to the server's `postgres` database)."""
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')


def usable_engine(wanted: str) -> tuple[str, str | None]:
    """The engine to benchmark, and why another one was used (None when `wanted` works)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    code = (
        "import django; django.setup(); "
        "from django.utils.module_loading import import_string; "
        "from server.contract.spec import get_contract; "
        f"import_string({wanted!r})(get_contract())"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)
    if done.returncode == 0:
        return wanted, None
    reason = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
    return REFERENCE_ENGINE, f"{wanted} is not usable ({reason}); measured {REFERENCE_ENGINE} instead"


def mint_token(user_id: int) -> str:
    from rest_framework_simplejwt.tokens import AccessToken

    from server.apps.accounts.models import User

    return str(AccessToken.for_user(User.objects.get(pk=user_id)))


def seeded_process(config: Config) -> tuple[str, Any, str]:
    """Django set up in this process on the bench data, for the tools that measure one endpoint outside a full
    run (bench.instructions, bench.profile): the engine measured, the seeded ids and a token."""
    engine, note = usable_engine(config.engine)
    if note:
        print(f"WARNING: {note}")
    setup_django(config, engine)
    from bench import data

    seeded = data.ensure_data(read_tasks=config.read_tasks, scale_tasks=config.scale_tasks)
    return engine, seeded, mint_token(seeded.user_id)


def _bodies() -> dict[str, dict[str, Any]]:
    """The bodies the Lua scripts send, for the in-process query counts."""

    def body_of(script: str) -> dict[str, Any]:
        text = (LUA / script).read_text()
        match = re.search(r"wrk\.body = (.*?)\n(?!\s*\.\.)", text, re.S)
        assert match, script
        literal = "".join(re.findall(r"'([^']*)'", match.group(1)))
        parsed: dict[str, Any] = json.loads(literal)
        return parsed

    return {"create": body_of("create.lua"), "update": body_of("update.lua")}


def query_counts(paths: dict[str, dict[str, str]], token: str) -> dict[str, dict[str, int]]:
    """SQL queries per request, through Django's test client (CaptureQueriesContext)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    bodies = _bodies()
    counts: dict[str, dict[str, int]] = {}
    for variant, endpoints in paths.items():
        counts[variant] = {}
        for endpoint, path in endpoints.items():
            with CaptureQueriesContext(connection) as ctx:
                if endpoint == "create":
                    response = client.post(path, bodies["create"], content_type="application/json")
                elif endpoint == "update":
                    response = client.patch(path, bodies["update"], content_type="application/json")
                else:
                    response = client.get(path)
            if response.status_code != EXPECTED_STATUS[endpoint]:
                raise SystemExit(f"query count: {variant} {endpoint} {path} answered {response.status_code}")
            counts[variant][endpoint] = len(ctx.captured_queries)
    return counts


# --------------------------------------------------------------------------------------------------------
# Servers


@dataclass
class Server:
    name: str
    label: str
    port: int
    prefix: str
    env: dict[str, str]
    # How it is served: "gunicorn" (WSGI, BENCH_WORKER_CLASS), "gthread" (gunicorn's threaded worker), or
    # "uvicorn" (ASGI); `app` is the import path of the application.
    serve: str = "gunicorn"
    app: str = "server.config.wsgi:application"
    # Another process in front (nginx): requests go to `port`, the server itself listens on `upstream_port`.
    upstream_port: int | None = None
    process: subprocess.Popen[bytes] | None = None
    proxy: subprocess.Popen[bytes] | None = None
    startup_seconds: float | None = None


API = "/api/v1"
BASELINE = "/baseline/api/v1"


def endpoint_paths(prefix: str, seeded: Any) -> dict[str, str]:
    """list and retrieve in the read project; create and update (a fixed task) in the write project."""
    read, write = seeded.read_project_id, seeded.write_project_id
    return {
        "list": f"{prefix}/projects/{read}/tasks",
        "retrieve": f"{prefix}/projects/{read}/tasks/{seeded.read_task_id}",
        "create": f"{prefix}/projects/{write}/tasks",
        "update": f"{prefix}/projects/{write}/tasks/{seeded.write_task_id}",
    }


def instruction_requests(paths: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The bench's four requests as bench.instructions sends them in-process."""
    bodies = _bodies()
    methods = {"create": "POST", "update": "PATCH"}
    return {
        endpoint: {
            "method": methods.get(endpoint, "GET"),
            "path": path,
            "body": json.dumps(bodies[endpoint]) if endpoint in bodies else None,
            "status": EXPECTED_STATUS[endpoint],
        }
        for endpoint, path in paths.items()
    }


def instruction_env(config: Config, engine: str) -> dict[str, str]:
    return cached_bytecode_env(
        {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": config.database_url,
            "CONTRACT_VALIDATION_ENGINE": engine,
        }
    )


def variant_servers(config: Config, engine: str) -> list[Server]:
    """contract (validation on), contract-off, drf (the baseline), openapi-core (its middleware, ours off)."""
    off = {"CONTRACT_REQUEST_VALIDATION": "off", "CONTRACT_RESPONSE_VALIDATION": "off"}
    on = {
        "CONTRACT_VALIDATION_ENGINE": engine,
        "CONTRACT_REQUEST_VALIDATION": "on",
        "CONTRACT_RESPONSE_VALIDATION": "strict",
    }
    engine_name = engine.rsplit(".", 1)[-1]
    return [
        Server("contract", f"contract on ({engine_name})", config.port, API, on),
        Server("contract-off", "contract off", config.port + 1, API, dict(off)),
        Server("drf", "idiomatic DRF", config.port + 2, BASELINE, dict(off)),
        Server(
            "openapi-core",
            "openapi-core middleware",
            config.port + 3,
            API,
            {**off, "BENCH_OPENAPI_CORE_MIDDLEWARE": "1"},
        ),
    ]


def peer_servers(config: Config) -> list[Server]:
    """The same endpoints in other stacks (bench/peers/): FastAPI on SQLAlchemy Core and on its ORM (uvicorn,
    as FastAPI is deployed), django-ninja on the bench's Django settings (gunicorn, as ours)."""
    return [
        Server(
            "fastapi",
            "FastAPI + SQLAlchemy Core (asyncpg)",
            config.port + 4,
            API,
            {},
            serve="uvicorn",
            app="bench.peers.fastapi_core:app",
        ),
        Server(
            "fastapi-orm",
            "FastAPI + SQLAlchemy async ORM",
            config.port + 5,
            API,
            {},
            serve="uvicorn",
            app="bench.peers.fastapi_orm:app",
        ),
        Server(
            "ninja",
            "django-ninja",
            config.port + 6,
            API,
            {"DJANGO_SETTINGS_MODULE": "bench.peers.ninja_settings"},
        ),
    ]


def serving_servers(config: Config, engine: str) -> list[Server]:
    """Our server (validation on) served each way of bench/serving.py; `contract` is the sync one, direct."""
    on = variant_servers(config, engine)[0].env
    servers = []
    port = config.port + 7
    for name, serve, app in serving.MODELS:
        if name != "sync":
            servers.append(
                Server(f"contract-{name}", f"contract on, {name}", port, API, on, serve=serve, app=app)
            )
            port += 1
        if serving.nginx() is not None:
            servers.append(
                Server(
                    f"contract-{name}-nginx",
                    f"contract on, {name} behind nginx",
                    port,
                    API,
                    on,
                    serve=serve,
                    app=app,
                    upstream_port=port + 1,
                )
            )
            port += 2
    return servers


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def _request(port: int, method: str, path: str, token: str, body: str | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    try:
        conn.connect()
        assert conn.sock is not None
        if conn.sock.getsockname() == conn.sock.getpeername():
            # A probe to a port in the ephemeral range, before the server listens, can connect to itself
            # (TCP simultaneous open) and read its own request back as the "response".
            raise ConnectionRefusedError(f"port {port}: connected to itself, nothing listens yet")
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def server_command(server: Server, config: Config, port: int) -> list[str]:
    """One worker process on the server's CPU, as the variant says it is served."""
    pinned = ["taskset", "-c", config.server_cpu]
    if server.serve == "uvicorn":
        # uvicorn's defaults pick uvloop and httptools when installed (`uvicorn[standard]`), as deployed.
        return [
            *pinned,
            str(VENV_BIN / "uvicorn"),
            server.app,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--backlog",
            "2048",
            "--no-access-log",
            "--log-level",
            "warning",
        ]
    worker_class = "gthread" if server.serve == "gthread" else config.worker_class
    command = [
        *pinned,
        str(VENV_BIN / "gunicorn"),
        server.app,
        "--config",  # as `make serve` runs it; the flags below override what the bench sets differently
        str(REPO / "server" / "config" / "gunicorn.conf.py"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--worker-class",
        worker_class,
        "--backlog",
        "2048",
        "--log-level",
        "warning",
    ]
    if worker_class == "gthread":
        command += ["--threads", str(config.gthreads)]
    return command


def start_server(server: Server, config: Config, probe_path: str, token: str, log_dir: Path) -> None:
    if not _port_free(server.port):
        raise SystemExit(f"port {server.port} is in use; set BENCH_PORT to another base port")
    command = server_command(server, config, server.upstream_port or server.port)
    env = cached_bytecode_env(
        {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": config.database_url,
            # No worker recycling mid-measurement (production recycles every ~10,000 requests).
            "GUNICORN_MAX_REQUESTS": "0",
            **server.env,
        }
    )
    log = (log_dir / f"{server.name}.log").open("wb")
    started = time.perf_counter()
    server.process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    if server.upstream_port is not None:
        server.proxy = serving.start_nginx(server.name, server.port, server.upstream_port, config.server_cpu)
    deadline = started + 120
    while time.perf_counter() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"{server.name}: gunicorn exited; see {log.name}")
        try:
            status, _ = _request(server.port, "GET", probe_path, token)
        except OSError:
            time.sleep(0.005)
            continue
        if status == 200:
            server.startup_seconds = time.perf_counter() - started
            return
        if server.proxy is not None and status in (502, 503, 504):  # nginx is up, the server not yet
            time.sleep(0.005)
            continue
        raise SystemExit(f"{server.name}: GET {probe_path} answered {status}; see {log.name}")
    raise SystemExit(f"{server.name}: no answer within 120 s; see {log.name}")


def stop_servers(servers: list[Server]) -> None:
    processes = [p for s in servers for p in (s.process, s.proxy) if p is not None]
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def running(servers: list[Server]) -> Iterator[None]:
    try:
        yield
    finally:
        stop_servers(servers)


# --------------------------------------------------------------------------------------------------------
# Load


@dataclass(frozen=True)
class Scenario:
    server: Server
    endpoint: str
    path: str
    token: str | None = None  # another caller's (the scaling axes); else the bench user's

    @property
    def key(self) -> str:
        return f"{self.server.name}/{self.endpoint}"


def _process_tree(pid: int) -> list[int]:
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return pids
    for child in children:
        pids.extend(_process_tree(int(child)))
    return pids


def server_cpu_seconds(server: Server) -> float:
    """CPU time (user + system) used so far by the server's gunicorn master and workers."""
    if server.process is None:
        return 0.0
    ticks = 0
    roots = [p.pid for p in (server.process, server.proxy) if p is not None]  # nginx in front counts too
    for pid in (pid for root in roots for pid in _process_tree(root)):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return ticks / os.sysconf("SC_CLK_TCK")


def settle(server: Server, *, window: float = 0.2, limit: float = 10.0) -> None:
    """Wait until `server` has answered what wrk left in flight (its CPU time stops moving). A slow server
    (openapi-core's list: over a second a request) otherwise keeps the server CPU busy for seconds into the
    next measurement, and biases whichever variant the rotation puts after it."""
    deadline = time.monotonic() + limit
    before = server_cpu_seconds(server)
    while time.monotonic() < deadline:
        time.sleep(window)
        now = server_cpu_seconds(server)
        if now - before < 0.05 * window:
            return
        before = now


def wrk(scenario: Scenario, config: Config, token: str, seconds: float) -> dict[str, Any]:
    command = [
        "taskset",
        "-c",
        config.client_cpu,
        "wrk",
        f"-t{config.threads}",
        f"-c{config.connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA / SCRIPTS.get(scenario.endpoint, "get.lua")),
        "-H",
        f"Authorization: Bearer {scenario.token or token}",
        f"http://127.0.0.1:{scenario.server.port}{scenario.path}",
    ]
    cpu_before = server_cpu_seconds(scenario.server)
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    cpu = server_cpu_seconds(scenario.server) - cpu_before
    settle(scenario.server)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("BENCH_JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk printed no result for {scenario.key}:\n{done.stdout}\n{done.stderr}")
    raw: dict[str, Any] = json.loads(line.removeprefix("BENCH_JSON "))
    errors = sum(raw[k] for k in raw if k.startswith("errors_"))
    return {
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "requests": raw["requests"],
        "errors": errors,
        "non_2xx": raw["errors_status"],
        # No request completed in the whole measurement: the server stalled (or the window was too short).
        "stalled": 0 if raw["requests"] else 1,
        # Connections refused or reset, reads and writes that failed, requests past wrk's --timeout: each is a
        # request the figures leave out, so a run with any fails as one with a non-2xx answer does.
        "socket_errors": sum(raw[f"errors_{kind}"] for kind in ("connect", "read", "write", "timeout")),
        # Server CPU per request: much less sensitive than req/s to other work on the machine.
        "cpu_ms": 1000 * cpu / raw["requests"] if raw["requests"] else float("nan"),
        "raw": raw,
    }


# (variant, endpoint) profiled for the per-layer CPU budget: the two reads with validation on, and the list
# with it off, whose validation layer keeps only the typing of parameters.
PROFILES = (("contract", "list"), ("contract", "retrieve"), ("contract-off", "list"))


def layer_budgets(
    scenarios: list[Scenario], runs: dict[str, list[dict[str, Any]]], config: Config, token: str
) -> dict[str, dict[str, Any]]:
    """Each of PROFILES sampled by py-spy under wrk load (bench/profile.py) and split into layers
    (bench/layers.py); the CPU per request the shares divide is the scenario's median over the rounds."""
    if config.profile_seconds <= 0:
        return {}
    by_key = {s.key: s for s in scenarios}
    budgets = {}
    print(f"\nprofiling with py-spy ({config.profile_seconds:g} s each) for the per-layer CPU budget ...")
    for variant, endpoint in PROFILES:
        scenario = by_key[f"{variant}/{endpoint}"]
        assert scenario.server.process is not None
        out = BENCH / "results" / f"profile-{variant}-{endpoint}.txt"
        profiled = profile.record(
            scenario.server.process.pid,
            out,
            config.profile_seconds,
            functools.partial(wrk, scenario, config, token),
        )
        measured = summarize(runs[scenario.key])
        budget = layers.budget(out.read_text(), measured["cpu_ms"])
        budgets[scenario.key] = {
            **profile.with_load(budget, measured, profiled),
            "collapsed": str(out.relative_to(REPO)),
        }
    return budgets


def summarize(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "rps": _median_finite([r["rps"] for r in runs]),
        "p50_ms": _median_finite([r["p50_ms"] for r in runs if r["requests"]]),
        "p99_ms": _median_finite([r["p99_ms"] for r in runs if r["requests"]]),
        "cpu_ms": _median_finite([r["cpu_ms"] for r in runs]),
        "requests": sum(r["requests"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
        "non_2xx": sum(r["non_2xx"] for r in runs),
        "socket_errors": sum(r["socket_errors"] for r in runs),
        "stalled": sum(r["stalled"] for r in runs),
        "rounds": [
            {k: r[k] for k in ("rps", "p50_ms", "p90_ms", "p99_ms", "cpu_ms", "requests", "errors")}
            for r in runs
        ],
    }


# --------------------------------------------------------------------------------------------------------
# Machine, start-up, codegen


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def _run(command: list[str], **kwargs: Any) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs).stdout.strip()
    except OSError:
        return ""


def _lscpu_field(name: str) -> str | None:
    match = re.search(rf"^{re.escape(name)}:\s*(.+)$", _run(["lscpu"]), re.M)
    return match.group(1).strip() if match else None


def machine(database_url: str) -> dict[str, Any]:
    import django
    import gunicorn
    import openapi_core
    import psycopg
    import rest_framework

    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    mem_kb = re.search(r"^MemTotal:\s*(\d+)", meminfo, re.M)
    with psycopg.connect(database_url) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    wrk_version = (
        _run(["wrk", "--version"])
        or subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False).stderr
    )
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model.group(1).strip() if model else platform.processor(),
        "memory_gib": round(int(mem_kb.group(1)) / 1024 / 1024, 1) if mem_kb else None,
        "postgresql": row[0] if row else None,
        "hypervisor": _lscpu_field("Hypervisor vendor"),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "django": django.__version__,
        "djangorestframework": rest_framework.__version__,
        "openapi_core": openapi_core.__version__,
        "gunicorn": gunicorn.__version__,
        "wrk": wrk_version.strip().splitlines()[0] if wrk_version.strip() else None,
    }


def warm_bytecode_cache() -> None:
    """Fill PYCACHE so that start-up is timed as a deployed app starts: from bytecode."""
    env = cached_bytecode_env({**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"})
    code = "import django; django.setup(); import server.config.wsgi, bench.urls"
    subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, check=True)


def bind_contract_seconds(engine: str, repeats: int = 3) -> dict[str, float]:
    """Fresh interpreters: django.setup() + bind_contract(), that plus compiling the engine (median of
    `repeats`, bytecode cached), and the former once without a bytecode cache (everything compiled)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "CONTRACT_VALIDATION_ENGINE": engine}
    bind = "import django; django.setup(); from server.contract.binding import bind_contract; bind_contract()"
    with_engine = bind + "; from server.contract.validation import get_engine; get_engine()"

    def timed(code: str, run_env: dict[str, str]) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=REPO, env=run_env, check=True)
        return time.perf_counter() - started

    result = {}
    for name, code in (("bind_contract", bind), ("bind_contract_and_engine", with_engine)):
        result[name] = statistics.median(timed(code, cached_bytecode_env(env)) for _ in range(repeats))
    result["bind_contract_no_bytecode_cache"] = timed(bind, cold_env(env))
    return result


def make_generate_seconds() -> tuple[float | None, str]:
    probe = subprocess.run(["make", "-n", "generate"], cwd=REPO, capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        return None, "n/a (no `generate` make target)"
    started = time.perf_counter()
    done = subprocess.run(["make", "generate"], cwd=REPO, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        return None, f"failed (exit {done.returncode}): {(done.stderr or done.stdout).strip()[-300:]}"
    return elapsed, f"{elapsed:.2f} s"


# --------------------------------------------------------------------------------------------------------
# Report


def _fmt_side(side: dict[str, Any]) -> str:
    return f"{side['p50_ms']:7.2f} {side['p99_ms']:7.2f} {side['rps']:8.1f}"


def print_table(records: list[dict[str, Any]], extras: list[str]) -> None:
    head = f"{'comparison':<26} {'ratio':>6} {'q1-q3':>11} {'goal':>7} {'verdict':>12} {'cpu':>6}"
    head += f"   {'A p50':>7} {'A p99':>7} {'A req/s':>8}   {'B p50':>7} {'B p99':>7} {'B req/s':>8}"
    print()
    print(head)
    print("-" * len(head))
    for r in records:
        goal = "" if r["goal"] is None else f"{r['goal_op']}{r['goal']:.2f}"
        verdict = r["verdict"] or ""
        q1, q3 = r["ratio_quartiles"]
        ratios = f"{r['ratio']:6.3f} {q1:5.2f}-{q3:<5.2f} {goal:>7} {verdict:>12} {r['cpu_ratio']:6.3f}"
        print(f"{r['name']:<26} {ratios}   {_fmt_side(r['a'])}   {_fmt_side(r['b'])}")
    print("ratio: A ÷ B of requests/s (scaling: of latency, 1,000,000 ÷ 1,000 tasks), the median of the")
    print("       per-round ratios; q1-q3: their quartiles; latencies in ms")
    print("cpu: the same ratio from the server's CPU time per request (B ÷ A; scaling A ÷ B), which other")
    print("     work on the machine disturbs less than requests/s")
    print(
        "verdict: met = median and the far quartile (q1; q3 for latency) meet the goal; within noise = only"
    )
    print("     the median does; missed = the median does not")
    for line in extras:
        print(line)


def _divide(a: float, b: float) -> float:
    return a / b if b and math.isfinite(a) and math.isfinite(b) else math.nan


def _median_finite(values: list[float]) -> float:
    finite = [v for v in values if math.isfinite(v)]
    return statistics.median(finite) if finite else math.nan


def _record(
    name: str,
    a: tuple[str, dict[str, Any]],
    b: tuple[str, dict[str, Any]],
    *,
    goal: float | None,
    metric: str = "rps",
) -> dict[str, Any]:
    (a_label, a_sum), (b_label, b_sum) = a, b
    # Paired: A and B of one round ran seconds apart, so their ratio cancels the machine's drift (a VM's speed
    # moves by up to 2x over minutes), which a ratio of the two sides' medians would not.
    pairs = list(zip(a_sum["rounds"], b_sum["rounds"], strict=True))
    if metric == "rps":
        rounds = [_divide(x["rps"], y["rps"]) for x, y in pairs]
        cpu_rounds = [_divide(y["cpu_ms"], x["cpu_ms"]) for x, y in pairs]
        goal_op, description = ">=", "requests/s of A ÷ requests/s of B (higher is better)"
    else:
        rounds = [_divide(x[metric], y[metric]) for x, y in pairs]
        cpu_rounds = [_divide(x["cpu_ms"], y["cpu_ms"]) for x, y in pairs]
        goal_op, description = "<=", f"{metric} of A ÷ {metric} of B (lower is better)"
    # A round where a side completed no request has no ratio (that run fails: fail_on_errors, `stalled`).
    measured = [r for r in rounds if math.isfinite(r)]
    ratio = statistics.median(measured) if measured else math.nan
    cpu_ratio = _median_finite(cpu_rounds)
    spread = statistics.quantiles(measured, n=4) if len(measured) > 1 else [ratio, ratio, ratio]
    verdict = None if goal is None else verdicts.verdict(ratio, spread[0], spread[2], goal, goal_op)

    def side(label: str, s: dict[str, Any]) -> dict[str, Any]:
        keys = (
            "p50_ms",
            "p99_ms",
            "rps",
            "cpu_ms",
            "requests",
            "errors",
            "non_2xx",
            "socket_errors",
            "stalled",
            "rounds",
        )
        return {"label": label, **{k: s[k] for k in keys}}

    return {
        "name": name,
        "ratio": ratio,
        "metric": description,
        "goal": goal,
        "goal_op": goal_op,
        # `met` only when the quartile on the goal's far side meets it too (bench/verdicts.py).
        "met": None if verdict is None else verdict == verdicts.MET,
        "verdict": verdict,
        "ratio_per_round": rounds,
        "ratio_quartiles": [spread[0], spread[2]],
        # Server CPU ms per request, B ÷ A (A ÷ B for latency ratios): the ratio in the same direction.
        "cpu_ratio": cpu_ratio,
        "cpu_ratio_per_round": cpu_rounds,
        "a": side(a_label, a_sum),
        "b": side(b_label, b_sum),
    }


# --------------------------------------------------------------------------------------------------------


@dataclass
class World:
    """What the servers are measured against: the seeded data, the bench user's token and the scaling axes'
    cases (with their callers' tokens and the EXPLAIN of each large side)."""

    engine: str
    engine_note: str | None
    seeded: Any
    token: str
    axes_cases: list[dict[str, Any]] = field(default_factory=list)
    axes_tokens: dict[str, str] = field(default_factory=dict)
    plans: dict[str, Any] = field(default_factory=dict)

    def paths(self, prefix: str) -> dict[str, str]:
        return endpoint_paths(prefix, self.seeded)

    @property
    def scale_list(self) -> str:
        return f"{API}/projects/{self.seeded.scale_project_id}/tasks"


def announce(config: Config) -> str:
    """Print the run's settings; the load average before it starts."""
    print(f"bench: {config.rounds} rounds x {config.seconds:g} s (warmup {config.warmup:g} s)")
    print(f"  wrk -t{config.threads} -c{config.connections} on CPU {config.client_cpu}")
    print(f"  gunicorn, 1 {config.worker_class} worker, on CPU {config.server_cpu}")
    before = loadavg()
    print(f"  {config.database_url}; load average before: {before}")
    if before[:1].isdigit() and float(before.split()[0]) > 1.0:
        print("  NOTE: the machine is busy with other work; expect noisy numbers (see the load per round)")
    return before


def prepare(config: Config) -> World:
    """The database migrated and seeded, Django set up in this process, the scaling axes' data and plans."""
    ensure_database(config.database_url)
    os.environ["DATABASE_URL"] = config.database_url
    engine, engine_note = usable_engine(config.engine)
    if engine_note:
        print(f"WARNING: {engine_note}")
    setup_django(config, engine)
    from bench import data

    data.migrate()
    seeded = data.ensure_data(read_tasks=config.read_tasks, scale_tasks=config.scale_tasks)
    world = World(engine, engine_note, seeded, mint_token(seeded.user_id))
    world.axes_tokens["bench"] = world.token
    if config.scaling_axes:
        explain_axes(config, world)
    return world


def explain_axes(config: Config, world: World) -> None:
    from bench import data
    from server.apps.accounts.models import User

    axes = data.ensure_axes(
        owner_id=world.seeded.user_id, projects=config.axes_projects, members=config.axes_members
    )
    world.axes_tokens["bench-many"] = mint_token(axes.many_projects_user_id)
    member_id = User.objects.get(username="bench-member-01").pk
    world.axes_cases = scaling.cases(world.seeded, axes, member_id)
    print("\nEXPLAIN of every query of the large side (scaling axes):")
    for case in world.axes_cases:
        world.plans[case["name"]] = scaling.explain(case["large"], world.axes_tokens[case["user"]])
        scans = world.plans[case["name"]]["seq_scans"]
        print(
            f"  {case['name']:<28} " + (f"SEQUENTIAL SCAN of {', '.join(scans)}" if scans else "no seq scan")
        )


def count_queries(config: Config, world: World) -> dict[str, dict[str, int]]:
    from bench import data

    print("\nSQL queries per request (CaptureQueriesContext, Django test client):")
    counts = query_counts(
        {"contract": {**world.paths(API), "list-1m": world.scale_list}, "drf": world.paths(BASELINE)},
        world.token,
    )
    for variant, per_endpoint in counts.items():
        print(f"  {variant:<10} " + "  ".join(f"{k}={v}" for k, v in per_endpoint.items()))
    # The in-process creates above left rows behind; empty the write project again.
    world.seeded = data.ensure_data(read_tasks=config.read_tasks, scale_tasks=config.scale_tasks)
    return counts


def start_all(servers: list[Server], config: Config, world: World, log_dir: Path) -> dict[str, list[float]]:
    """Start every server; the seconds from spawning each to its first 200 (the contract server's
    BENCH_STARTUPS times, the others once)."""
    warm_bytecode_cache()
    print("\nstarting servers (time from spawning gunicorn to the first 200, bytecode cached):")
    contract = servers[0]
    startup_times: dict[str, list[float]] = {}
    for server in servers:
        for attempt in range(config.startups if server is contract else 1):
            if attempt:
                stop_servers([server])
            start_server(server, config, world.paths(server.prefix)["retrieve"], world.token, log_dir)
            assert server.startup_seconds is not None
            startup_times.setdefault(server.name, []).append(server.startup_seconds)
        server.startup_seconds = statistics.median(startup_times[server.name])
        times = ", ".join(f"{t:.3f}" for t in startup_times[server.name])
        print(f"  {server.name:<13} :{server.port}  {server.startup_seconds:.3f} s  ({times})")
    return startup_times


def build_scenarios(servers: list[Server], world: World) -> dict[str, list[Scenario]]:
    """Every (server, endpoint), grouped by endpoint; the list group adds the contract server's large list
    and each scaling axis, large and small."""
    contract = servers[0]
    scenarios: dict[str, list[Scenario]] = {endpoint: [] for endpoint in ENDPOINTS}
    for server in servers:
        for endpoint, path in world.paths(server.prefix).items():
            scenarios[endpoint].append(Scenario(server, endpoint, path))
    scenarios["list"].append(Scenario(contract, "list-1m", world.scale_list))
    for case in world.axes_cases:
        case_token = world.axes_tokens[case["user"]]
        for size in ("large", "small"):
            scenarios["list"].append(Scenario(contract, f"{size}:{case['name']}", case[size], case_token))
    return scenarios


def check_answers(scenarios: dict[str, list[Scenario]], token: str) -> None:
    """Every scenario must answer as expected before it is measured."""
    bodies = _bodies()
    for group in scenarios.values():
        for s in group:
            method = {"create": "POST", "update": "PATCH"}.get(s.endpoint, "GET")
            body = json.dumps(bodies[s.endpoint]) if s.endpoint in bodies else None
            status, content = _request(s.server.port, method, s.path, s.token or token, body)
            if status != EXPECTED_STATUS.get(s.endpoint, 200):
                raise SystemExit(f"{s.key}: {method} {s.path} answered {status}: {content[:500]!r}")


def measure_rounds(
    scenarios: dict[str, list[Scenario]], config: Config, token: str
) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """Each scenario's measurement in every round; the load average at the start of each round."""
    all_scenarios = [s for group in scenarios.values() for s in group]
    if config.warmup > 0:
        print(f"\nwarming up {len(all_scenarios)} scenarios ({config.warmup:g} s each)")
        for s in all_scenarios:
            wrk(s, config, token, config.warmup)
    runs: dict[str, list[dict[str, Any]]] = {s.key: [] for s in all_scenarios}
    round_loadavg = []
    for round_number in range(config.rounds):
        round_loadavg.append(loadavg())
        print(f"\nround {round_number + 1}/{config.rounds} (load average {round_loadavg[-1]})")
        for endpoint in ENDPOINTS:
            group = scenarios[endpoint]
            shift = round_number % len(group)
            order = group[shift:] + group[:shift]
            # Rotated, and reversed every other round, so no variant always follows the same one.
            for s in order if round_number % 2 == 0 else order[::-1]:
                result = wrk(s, config, token, config.seconds)
                runs[s.key].append(result)
                flag = (
                    f"  ({result['errors']} errors, {result['non_2xx']} non-2xx)" if result["errors"] else ""
                )
                print(
                    f"  {s.key:<24} {result['rps']:8.1f} req/s  p50 {result['p50_ms']:7.2f} ms"
                    f"  p99 {result['p99_ms']:7.2f} ms  cpu {result['cpu_ms']:6.2f} ms/req{flag}"
                )
    return runs, round_loadavg


def comparisons(
    summary: dict[str, dict[str, Any]],
    labels: dict[str, str],
    servers: list[Server],
    counts: dict[str, dict[str, int]],
    config: Config,
    world: World,
) -> list[dict[str, Any]]:
    """Every comparison's record, in the order the table prints them."""

    def side(key: str) -> tuple[str, dict[str, Any]]:
        return labels[key], summary[key]

    def versus(name: str, other: str, endpoint: str, goal: float | None) -> dict[str, Any]:
        return _record(name, side(f"contract/{endpoint}"), side(f"{other}/{endpoint}"), goal=goal)

    records = [versus(f"contract_tax/{e}", "contract-off", e, 0.95) for e in ENDPOINTS]
    records += [versus(f"vs_drf/{e}", "drf", e, 1.4 if e == "create" else 1.0) for e in ENDPOINTS]
    records += [versus(f"vs_openapi_core/{e}", "openapi-core", e, None) for e in ENDPOINTS]
    for peer, goal in (("fastapi", 0.8), ("fastapi-orm", 0.8), ("ninja", 1.0)):
        records += [versus(f"vs_{peer.replace('-', '_')}/{e}", peer, e, goal) for e in ENDPOINTS]
    for server in servers:
        if server.name.startswith("contract-") and server.name != "contract-off":
            for endpoint in ENDPOINTS:
                records.append(
                    _record(
                        f"serving/{server.name.removeprefix('contract-')}/{endpoint}",
                        side(f"{server.name}/{endpoint}"),
                        side(f"contract/{endpoint}"),
                        goal=None,
                    )
                )
    for metric in ("p50_ms", "p99_ms"):
        record = _record(
            f"scaling/list_{metric.removesuffix('_ms')}",
            side("contract/list-1m"),
            side("contract/list"),
            goal=1.2,
            metric=metric,
        )
        record["queries_per_request"] = {
            f"{config.scale_tasks:,} tasks": counts["contract"]["list-1m"],
            f"{config.read_tasks:,} tasks": counts["contract"]["list"],
        }
        records.append(record)
    for case in world.axes_cases:
        record = _record(
            f"scaling/{case['name']}",
            side(f"contract/large:{case['name']}"),
            side(f"contract/small:{case['name']}"),
            goal=1.2,
            metric="p50_ms",
        )
        record["seq_scans"] = world.plans[case["name"]]["seq_scans"]
        records.append(record)
    return records


def startup_and_codegen(engine: str, config: Config) -> tuple[dict[str, float], float | None, str]:
    print("\nmeasuring start-up (fresh interpreters, median of 3) and codegen ...", flush=True)
    bind = bind_contract_seconds(engine)
    if config.skip_generate:
        return bind, None, "skipped (BENCH_SKIP_GENERATE=1)"
    return bind, *make_generate_seconds()


def report_extras(
    config: Config,
    counts: dict[str, dict[str, int]],
    servers: list[Server],
    bind: dict[str, float],
    generate_note: str,
    budgets: dict[str, dict[str, Any]],
    engine_note: str | None,
    summary: dict[str, dict[str, Any]],
) -> list[str]:
    """The lines printed under the table: query counts, start-up, codegen, the per-layer budget, warnings."""
    extras = [
        "",
        f"SQL queries per request, task list: {counts['contract']['list']} with {config.read_tasks:,} tasks, "
        f"{counts['contract']['list-1m']} with {config.scale_tasks:,} tasks "
        f"({'constant' if counts['contract']['list'] == counts['contract']['list-1m'] else 'NOT constant'})",
        "SQL queries per request, ours vs DRF: "
        + ", ".join(f"{e} {counts['contract'][e]} vs {counts['drf'][e]}" for e in ENDPOINTS),
        "start-up, spawn gunicorn -> first 200: "
        + ", ".join(f"{s.name} {s.startup_seconds:.2f} s" for s in servers),
        f"start-up, python -c 'django.setup(); bind_contract()': {bind['bind_contract']:.2f} s; "
        f"+ get_engine(): {bind['bind_contract_and_engine']:.2f} s; "
        f"without a bytecode cache: {bind['bind_contract_no_bytecode_cache']:.2f} s",
        f"make generate: {generate_note}",
    ]
    if budgets:
        extras += [
            "",
            "per-layer CPU budget (py-spy under load; ms/req: the share of the median CPU per request):",
        ]
        extras += layers.table(budgets)
    if engine_note:
        extras.append(f"WARNING: {engine_note}")
    errors = {k: v["errors"] for k, v in summary.items() if v["errors"]}
    if errors:
        extras.append(f"WARNING: wrk reported errors/non-2xx responses: {errors}")
    return extras


def run_settings(
    config: Config, world: World, servers: list[Server], loadavg_before: str, round_loadavg: list[str]
) -> dict[str, Any]:
    return {
        "rounds": config.rounds,
        "seconds": config.seconds,
        "warmup_seconds": config.warmup,
        "wrk": f"-t{config.threads} -c{config.connections}",
        "gunicorn": f"1 worker, {config.worker_class}"
        + (f" ({config.gthreads} threads)" if config.worker_class == "gthread" else ""),
        "servers": {server.name: f"{server.label}: {server.serve} {server.app}" for server in servers},
        "serving_rows": config.serving,
        "server_cpu": config.server_cpu,
        "client_cpu": config.client_cpu,
        "engine": world.engine,
        "engine_note": world.engine_note,
        "response_validation": "strict",
        "tasks": config.read_tasks,
        "scale_tasks": config.scale_tasks,
        "statistic": "sides: median over rounds; ratios: median of the per-round (paired) ratios",
        "loadavg_before": loadavg_before,
        "loadavg_per_round": round_loadavg,
        "loadavg_after": loadavg(),
    }


def startup_result(
    servers: list[Server],
    startup_times: dict[str, list[float]],
    bind: dict[str, float],
    generate_seconds: float | None,
    generate_note: str,
) -> dict[str, Any]:
    return {
        "gunicorn_first_response_seconds": {s.name: s.startup_seconds for s in servers},
        "gunicorn_first_response_all_seconds": startup_times,
        "bind_contract_seconds": bind["bind_contract"],
        "bind_contract_and_engine_seconds": bind["bind_contract_and_engine"],
        "bind_contract_no_bytecode_cache_seconds": bind["bind_contract_no_bytecode_cache"],
        "bytecode": "cached (PYTHONPYCACHEPREFIX=bench/results/pycache) except where named",
        "make_generate_seconds": generate_seconds,
        "make_generate": generate_note,
    }


def main() -> None:
    config = Config()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (make bench installs it: apt-get install wrk)")
    loadavg_before = announce(config)
    world = prepare(config)
    servers = [*variant_servers(config, world.engine), *peer_servers(config)]
    if config.serving:
        servers += serving_servers(config, world.engine)
    counts = count_queries(config, world)

    log_dir = BENCH / "results" / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    with running(servers):
        startup_times = start_all(servers, config, world, log_dir)
        scenarios = build_scenarios(servers, world)
        check_answers(scenarios, world.token)
        runs, round_loadavg = measure_rounds(scenarios, config, world.token)
        all_scenarios = [s for group in scenarios.values() for s in group]
        budgets = layer_budgets(all_scenarios, runs, config, world.token)

    summary = {key: summarize(r) for key, r in runs.items()}
    labels = {s.key: f"{s.server.label} {s.endpoint}" for s in all_scenarios}
    records = comparisons(summary, labels, servers, counts, config, world)

    print("\ncounting instructions per request under valgrind (bench/instructions.py) ...", flush=True)
    instruction_tax = instructions.measure(
        instruction_requests(world.paths(API)), world.token, instruction_env(config, world.engine)
    )
    print("\n".join(instructions.report_lines(instruction_tax)))
    bind, generate_seconds, generate_note = startup_and_codegen(world.engine, config)
    print_table(
        records,
        report_extras(config, counts, servers, bind, generate_note, budgets, world.engine_note, summary),
    )

    result = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(config.database_url),
        "settings": run_settings(config, world, servers, loadavg_before, round_loadavg),
        "comparisons": records,
        "instructions": instruction_tax,
        "layers": budgets,
        "scaling_plans": world.plans,
        "queries_per_request": counts,
        "startup": startup_result(servers, startup_times, bind, generate_seconds, generate_note),
        "scenarios": {key: {"label": labels[key], **value} for key, value in summary.items()},
    }
    config.output.parent.mkdir(parents=True, exist_ok=True)
    config.output.write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"\nwrote {config.output.relative_to(REPO) if config.output.is_relative_to(REPO) else config.output}"
    )
    fail_on_errors(summary)
    if config.check_instructions:
        check_instruction_tax(instruction_tax["endpoints"])


# While the tax misses its goal, a ratchet: no endpoint's tax may rise above its recorded ceiling.
INSTRUCTION_CEILING = BENCH / "instruction-ceiling.json"


def check_instruction_tax(endpoints: dict[str, dict[str, Any]]) -> None:
    taxes = {name: round(row["tax_percent"], 2) for name, row in endpoints.items()}
    missed = {name: tax for name, tax in taxes.items() if not endpoints[name]["met"]}
    if not missed:
        return
    goal = f"contract tax in instructions over {instructions.GOAL_PERCENT:g} % (percent): {missed}"
    if not INSTRUCTION_CEILING.exists():
        raise SystemExit(goal)
    ceiling = {k: v for k, v in json.loads(INSTRUCTION_CEILING.read_text()).items() if not k.startswith("_")}
    over = {name: (tax, ceiling.get(name)) for name, tax in missed.items() if tax > ceiling.get(name, 0.0)}
    if over:
        raise SystemExit(
            f"contract tax in instructions rose above its ceiling ({INSTRUCTION_CEILING.name}): {over}"
        )
    print(f"goal missed, within the ceilings of {INSTRUCTION_CEILING.name}: {goal}")


def fail_on_errors(summary: dict[str, dict[str, Any]]) -> None:
    """A non-2xx answer under load (a 500 from strict response validation, say), a socket error or a timeout
    means that scenario did not measure what it claims to: fail the run (after its figures are written)."""
    failed = {
        key: {kind: value[kind] for kind in ("non_2xx", "socket_errors", "stalled") if value[kind]}
        for key, value in summary.items()
        if value["non_2xx"] or value["socket_errors"] or value["stalled"]
    }
    if failed:
        raise SystemExit(f"errors under load: {failed}; see bench/results/logs/")


if __name__ == "__main__":
    main()
