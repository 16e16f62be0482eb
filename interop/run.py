"""`make interop`: the contract and the server against tools this project did not write.

1. Spectral (`spectral:oas`) and Redocly (`recommended`): zero errors, zero warnings.
2. openapi-generator (PyPI `openapi-generator-cli`) generates python, typescript-fetch, kotlin and swift5
   into var/interop/<generator>; every WARN/ERROR line it prints must match interop/generator-warnings.txt.
3. `tsc --strict` on the typescript-fetch output.
4. A live server (gunicorn on a fresh PostgreSQL database, demo data, strict response validation) behind
   Prism's validating proxy; the generated python client, installed into a fresh venv, drives
   interop/scenario.py through Prism; Prism's log must show exactly the violations the scenario meant.

Every process is bounded in time and stopped at the end. Environment: INTEROP_DATABASE_URL
(postgres://postgres@127.0.0.1:5432/contractfirst_interop), INTEROP_PORT (8775), INTEROP_PRISM_PORT (8776).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
INTEROP = REPO / "interop"
OUT = REPO / "var" / "interop"
CONTRACT = REPO / "openapi" / "openapi.yaml"
NODE_BIN = INTEROP / "node_modules" / ".bin"
GENERATOR = Path(sys.executable).parent / "openapi-generator-cli"
ALLOW_FILE = INTEROP / "generator-warnings.txt"
GENERATORS = ("python", "typescript-fetch", "kotlin", "swift5")
# openapi-generator 7.26 writes the 3.1 `webhooks` as a callable API class with the api templates; in
# typescript-fetch its model imports come out empty (`import { type , FromJSON ...}`: 56 tsc errors), and
# no client calls a webhook anyway. Listing the three kinds of files turns the webhook APIs off (the event
# payload models are still generated from components/schemas).
GLOBAL_PROPERTIES = "apis,models,supportingFiles"
PYTHON_PACKAGE = "interop_client"
STAFF = ("alice", "demo-password-123")  # server/config/management/commands/load_demo_data.py
NO_EMAIL_USER = "interop_no_email"
WARNING_LINE = re.compile(r"\b(WARN|WARNING|ERROR|SEVERE)\b")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class InteropFailure(Exception):
    pass


def step(message: str) -> None:
    print(f"interop: {message}", flush=True)


def run(command: Sequence[str | Path], *, timeout: float, cwd: Path = REPO, **kwargs: object) -> str:
    """Run a command to completion (bounded); its combined output, or InteropFailure with it."""
    try:
        result = subprocess.run(
            [str(part) for part in command],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            **kwargs,  # type: ignore[call-overload]
        )
    except subprocess.TimeoutExpired as expired:
        raise InteropFailure(f"{command[0]} did not finish within {timeout:.0f}s") from expired
    output: str = result.stdout
    if result.returncode != 0:
        raise InteropFailure(
            f"{' '.join(map(str, command))} exited with {result.returncode}:\n{output[-6000:]}"
        )
    return output


NODE_ENV = {
    **os.environ,
    "REDOCLY_TELEMETRY": "off",
    "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
    "NO_COLOR": "1",
}


# --- 1. linters -------------------------------------------------------------------------------------------


def lint() -> None:
    run(
        [
            NODE_BIN / "spectral",
            "lint",
            "--ruleset",
            INTEROP / ".spectral.yaml",
            "--fail-severity",
            "hint",
            CONTRACT,
        ],
        timeout=180,
        env=NODE_ENV,
    )
    step("spectral (spectral:oas): no errors, no warnings")
    report = run(
        [NODE_BIN / "redocly", "lint", "--config", INTEROP / "redocly.yaml", "--format", "json", CONTRACT],
        timeout=180,
        env=NODE_ENV,
    )
    totals = json.JSONDecoder().raw_decode(report, report.index('{\n  "totals"'))[0]["totals"]
    if totals["errors"] or totals["warnings"]:
        raise InteropFailure(f"redocly (recommended): {report}")
    step("redocly (recommended): no errors, no warnings")


# --- 2. generators and their warnings ----------------------------------------------------------------------


def allowed_warnings() -> list[re.Pattern[str]]:
    """The allow-file's patterns; each must follow a `# reason` comment."""
    patterns, reason = [], False
    for number, line in enumerate(ALLOW_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            reason = reason or bool(line.strip("# "))
        elif line.strip():
            if not reason:
                raise InteropFailure(
                    f"{ALLOW_FILE}:{number}: a pattern without a `# reason` comment above it"
                )
            patterns.append(re.compile(line.strip()))
        else:
            reason = False
    return patterns


def generate() -> None:
    allowed = allowed_warnings()
    processes = {}
    for generator in GENERATORS:
        target = OUT / generator
        shutil.rmtree(target, ignore_errors=True)
        command = [
            GENERATOR, "generate", "--input-spec", CONTRACT, "--generator-name", generator,
            "--output", target, "--global-property", GLOBAL_PROPERTIES,
        ]  # fmt: skip
        if generator == "python":
            command += ["--package-name", PYTHON_PACKAGE]
        log = (OUT / f"{generator}.log").open("w")
        processes[generator] = (
            subprocess.Popen(list(map(str, command)), cwd=REPO, stdout=log, stderr=subprocess.STDOUT),
            log,
        )
    unexpected: list[str] = []
    deadline = time.monotonic() + 300
    for generator, (process, log) in processes.items():
        try:
            code = process.wait(timeout=max(1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            raise InteropFailure(f"openapi-generator {generator} did not finish in time") from None
        finally:
            log.close()
        output = (OUT / f"{generator}.log").read_text(errors="replace")
        if code != 0:
            raise InteropFailure(f"openapi-generator {generator} exited with {code}:\n{output[-6000:]}")
        warnings = [line for line in output.splitlines() if WARNING_LINE.search(line)]
        unexpected += [
            f"{generator}: {line}" for line in warnings if not any(p.search(line) for p in allowed)
        ]
        allowed_note = f", all in {ALLOW_FILE.name}" if not unexpected else ""
        step(f"openapi-generator {generator}: {len(warnings)} warnings{allowed_note}")
    printed = [
        line for generator in GENERATORS for line in (OUT / f"{generator}.log").read_text().splitlines()
    ]
    for pattern in allowed:
        if not any(pattern.search(line) for line in printed):
            step(f"{ALLOW_FILE.name}: /{pattern.pattern}/ is no longer printed; remove it")
    if unexpected:
        raise InteropFailure(
            f"openapi-generator printed warnings that {ALLOW_FILE.relative_to(REPO)} does not list "
            "(fix the contract, or list them with the reason):\n  " + "\n  ".join(dict.fromkeys(unexpected))
        )


def typecheck_typescript() -> None:
    config = OUT / "tsconfig.typescript-fetch.json"
    config.write_text(
        json.dumps(
            {
                "compilerOptions": {
                    "strict": True,
                    "noEmit": True,
                    "target": "ES2020",
                    "module": "ES2020",
                    "moduleResolution": "node",
                    "lib": ["ES2020", "DOM"],
                },
                "include": ["typescript-fetch/**/*.ts"],
            }
        )
    )
    run([NODE_BIN / "tsc", "--project", config], timeout=240)
    step("tsc --strict: the typescript-fetch output compiles")


def install_python_client() -> Path:
    venv = OUT / "python-venv"
    shutil.rmtree(venv, ignore_errors=True)
    run([sys.executable, "-m", "venv", venv], timeout=120)
    python = venv / "bin" / "python"
    run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", OUT / "python", "PyYAML"],
        timeout=300,
    )
    run([python, "-c", f"import {PYTHON_PACKAGE}, {PYTHON_PACKAGE}.models.problem"], timeout=60)
    step(f"python client: installed into {venv.relative_to(REPO)} and imported")
    return python


# --- 3. the server behind Prism, and the scenario -----------------------------------------------------------


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def server_env(database_url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "CELERY_BROKER_URL")}
    env.update(
        # Development settings: they allow the scenario's plain-http loopback webhook receiver; deliveries
        # run in-process (no broker); the cache is per process.
        DJANGO_SETTINGS_MODULE="server.config.settings.local",
        DJANGO_DEBUG="false",
        DATABASE_URL=database_url,
        CONTRACT_RESPONSE_VALIDATION="strict",  # a response that breaks the contract is a 500
        PYTHONPATH=str(REPO),
        PYTHONDONTWRITEBYTECODE="1",
        **{f"THROTTLE_RATE_{scope}": "100000/min" for scope in
           ("ANON", "USER", "REGISTER", "AUTH", "AUTH_FAILURES", "PASSWORD_FAILURES")},
    )  # fmt: skip
    return env


def wait_for_http(
    url: str, process: subprocess.Popen[bytes], name: str, log: Path, timeout: float = 90
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise InteropFailure(
                f"{name} exited with {process.returncode}:\n{log.read_text(errors='replace')[-4000:]}"
            )
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise InteropFailure(f"{name} did not answer {url} within {timeout:.0f}s; see {log}")


@contextmanager
def background(
    command: Sequence[str | Path], log: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A process in its own process group, stopped (TERM, then KILL) whatever happens."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(part) for part in command], cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    try:
        yield process
    finally:
        for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                break
            try:
                process.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue


REQUEST_LINE = re.compile(r"\[HTTP SERVER\] (\w+) (\S+) .*Request received")
VIOLATION_LINE = re.compile(r"Violation: (.*)$")
PRISM_ERROR_LINE = re.compile(r"Request terminated with error|\[CLI\].*(error|fatal)", re.IGNORECASE)


def prism_requests(log: str) -> list[dict[str, object]]:
    """Prism's log as requests in order, each with the violations logged for it."""
    requests: list[dict[str, object]] = []
    for raw in log.splitlines():
        line = ANSI.sub("", raw)
        if match := REQUEST_LINE.search(line):
            requests.append({"method": match[1].upper(), "path": match[2].split("?")[0], "violations": []})
        elif match := VIOLATION_LINE.search(line):
            if not requests:
                raise InteropFailure(f"a Prism violation before any request: {line}")
            requests[-1]["violations"].append(match[1].strip())  # type: ignore[attr-defined]
        elif PRISM_ERROR_LINE.search(line):
            raise InteropFailure(f"Prism: {line}")
    return requests


def compare_with_prism(record: list[dict[str, object]], log: str) -> None:
    seen = prism_requests(log)
    problems = []
    if len(seen) != len(record):
        problems.append(f"the scenario sent {len(record)} requests, Prism logged {len(seen)}")
    for number, (sent, logged) in enumerate(zip(record, seen, strict=False), 1):
        if (sent["method"], sent["path"]) != (logged["method"], logged["path"]):
            problems.append(f"request {number}: sent {sent['method']} {sent['path']}, Prism logged "
                            f"{logged['method']} {logged['path']}")  # fmt: skip
            break
        expected = [re.compile(pattern) for pattern in sent["violations"]]  # type: ignore[attr-defined]
        violations: list[str] = logged["violations"]  # type: ignore[assignment]
        label = f"request {number} ({sent['operation']}: {sent['method']} {sent['path']})"
        problems += [
            f"{label}: unexpected violation: {v}"
            for v in violations
            if not any(p.search(v) for p in expected)
        ]
        problems += [f"{label}: the deliberate violation /{p.pattern}/ did not happen" for p in expected
                     if not any(p.search(v) for v in violations)]  # fmt: skip
    if problems:
        raise InteropFailure("Prism:\n  " + "\n  ".join(problems))
    deliberate = sum(1 for sent in record if sent["violations"])
    step(f"prism: {len(seen)} requests, no violation but the {deliberate} deliberate bad requests")


def live_scenario(python: Path) -> None:
    database_url = os.environ.get(
        "INTEROP_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/contractfirst_interop"
    )
    port = os.environ.get("INTEROP_PORT", "8775")
    prism_port = os.environ.get("INTEROP_PRISM_PORT", "8776")
    env = server_env(database_url)
    step(f"server: recreating {database_url}, migrating, loading the demo data")
    recreate_database(database_url)
    run([sys.executable, "server/manage.py", "migrate", "--noinput", "-v", "0"], timeout=300, env=env)
    run([sys.executable, "server/manage.py", "load_demo_data"], timeout=300, env=env)
    # An account without an email, as only `createsuperuser` makes one: the client must read it (issue 13.2).
    run(
        [
            sys.executable,
            "server/manage.py",
            "createsuperuser",
            "--noinput",
            "--username",
            NO_EMAIL_USER,
            "--email",
            "",
        ],
        timeout=120,
        env={**env, "DJANGO_SUPERUSER_PASSWORD": STAFF[1]},
    )
    gunicorn_log, prism_log, record = OUT / "gunicorn.log", OUT / "prism.log", OUT / "scenario-requests.json"
    gunicorn = [
        sys.executable, "-m", "gunicorn", "server.config.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", "2", "--timeout", "60", "--access-logfile", "-", "--error-logfile", "-",
    ]  # fmt: skip
    prism = [
        NODE_BIN / "prism", "proxy", CONTRACT, f"http://127.0.0.1:{port}/api/v1",
        "--host", "127.0.0.1", "--port", prism_port, "--errors", "false",
    ]  # fmt: skip
    with background(gunicorn, gunicorn_log, env) as server, background(prism, prism_log, NODE_ENV) as proxy:
        wait_for_http(f"http://127.0.0.1:{port}/api/v1/health/live", server, "gunicorn", gunicorn_log)
        # Prism maps the relative server `/api/v1` to its root: it serves /health/live and forwards it to
        # the upstream URL + the path.
        wait_for_http(f"http://127.0.0.1:{prism_port}/health/live", proxy, "prism", prism_log)
        started = len(prism_requests(prism_log.read_text(errors="replace")))
        step(f"server: gunicorn on :{port} behind prism proxy on :{prism_port}; running interop/scenario.py")
        scenario_env = {
            "PATH": os.environ.get("PATH", ""),
            "INTEROP_BASE_URL": f"http://127.0.0.1:{prism_port}",
            "INTEROP_CONTRACT": str(CONTRACT),
            "INTEROP_RECORD": str(record),
            "INTEROP_STAFF_USERNAME": STAFF[0],
            "INTEROP_STAFF_PASSWORD": STAFF[1],
            "INTEROP_NO_EMAIL_USERNAME": NO_EMAIL_USER,
        }
        failure: InteropFailure | None = None
        try:
            print(run([python, INTEROP / "scenario.py"], timeout=240, env=scenario_env), end="", flush=True)
        except InteropFailure as error:
            failure = error  # Prism's view of what was sent is worth reading too
        finally:
            time.sleep(0.5)  # Prism logs a response's violations just after answering it
            log = prism_log.read_text(errors="replace")
            requests = json.loads(record.read_text()) if record.exists() else []
            errors = [line for line in gunicorn_log.read_text(errors="replace").splitlines()
                      if '" 500 ' in line or "Traceback" in line]  # fmt: skip
            if errors:
                step("from the gunicorn log:\n  " + "\n  ".join(errors[-20:]))
    # The readiness probes run.py itself sent before the scenario are not the scenario's.
    try:
        compare_with_prism(requests, "\n".join(_drop_requests(log, started)))
    except InteropFailure as prism_failure:
        if failure is None:
            raise
        step(f"FAILED: {prism_failure}")
    if failure is not None:
        raise failure


def _drop_requests(log: str, count: int) -> list[str]:
    """The log lines from the (count + 1)-th request on."""
    lines, seen = log.splitlines(), 0
    for index, line in enumerate(lines):
        if REQUEST_LINE.search(ANSI.sub("", line)):
            if seen == count:
                return lines[index:]
            seen += 1
    return []


def main() -> int:
    started = time.monotonic()
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        lint()
        generate()
        typecheck_typescript()
        python = install_python_client()
        live_scenario(python)
    except InteropFailure as failure:
        print(f"interop: FAILED: {failure}", file=sys.stderr, flush=True)
        return 1
    step(f"all checks passed in {time.monotonic() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
