"""The contract tax in instructions: one request per endpoint, validation on and off, counted by valgrind.

On a shared VM a wall-clock A/B cannot resolve a difference under about 10 %; an instruction count can, since
it does not move with the machine's speed. One Python process runs under callgrind: it sets up Django with the
bench settings (validation on at start-up, so the engine is compiled as the `contract` server compiles it),
sends every endpoint's request through Django's WSGI handler, as gunicorn would, until both modes are warm,
freezes what start-up built (as gunicorn.conf.py's post_worker_init does), switches callgrind's
instrumentation on (start-up and warm-up run without it, several times faster), then counts
BENCH_INSTR_REQUESTS requests per (endpoint, mode) in regions of their own, validation off and on
alternating, BENCH_INSTR_REPEATS times; then the engine alone on what one request of each endpoint handed it.
A region is a call to `PyRun_SimpleStringFlags` (through ctypes): callgrind collects only inside it
(`--toggle-collect`) and writes one profile per region (`--dump-after`). An empty region, measured the same
way, is subtracted (the harness's own instructions).

    .venv/bin/python -m bench.instructions [--top N]   # on the bench data `make bench` seeds

prints instructions per request, the tax (on ÷ off - 1) per endpoint, and with --top the C functions whose
self cost differs most between the two modes (Python code shows as the interpreter's functions; use
bench.profile or cProfile for the Python side). `make bench` and `make bench-smoke` run it, the latter
failing when a tax is over the goal.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

GOAL_PERCENT = 3.0
REQUESTS = int(os.environ.get("BENCH_INSTR_REQUESTS") or 10)
REPEATS = int(os.environ.get("BENCH_INSTR_REPEATS") or 2)
WARMUP = int(os.environ.get("BENCH_INSTR_WARMUP") or 5)
MODES = {
    "on": {"CONTRACT_REQUEST_VALIDATION": "on", "CONTRACT_RESPONSE_VALIDATION": "strict"},
    "off": {"CONTRACT_REQUEST_VALIDATION": "off", "CONTRACT_RESPONSE_VALIDATION": "off"},
}
_REGION_FUNCTION = "PyRun_SimpleStringFlags"


# --------------------------------------------------------------------------------------------------------
# Inside valgrind


def _region(label: str, body: Any, regions: list[str]) -> None:
    """Run `body()` inside a call callgrind collects and dumps on its own (see the module docstring)."""
    import __main__

    __main__.__dict__["__bench_region__"] = body
    regions.append(label)
    gc.collect()  # every region starts at the same point of the collector's cycle
    if ctypes.pythonapi.PyRun_SimpleString(b"__bench_region__()") != 0:
        raise SystemExit(f"region {label} raised (see above)")


def _instrument() -> None:
    """Switch callgrind's instrumentation on (start-up and warm-up ran without it, ~6x faster than with it:
    `--instr-atstart=no`). callgrind_control reaches valgrind through vgdb, which valgrind polls while this
    process runs code, so spin until it answers."""
    control = subprocess.Popen(
        ["callgrind_control", "--instr=on", str(os.getpid())],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    while control.poll() is None:
        sum(range(1000))
    output = control.stdout.read().decode() if control.stdout else ""
    if control.returncode != 0:
        raise SystemExit(f"callgrind_control --instr=on failed: {output}")


def _environ(request: dict[str, Any], token: str) -> dict[str, Any]:
    body = (request.get("body") or "").encode()
    environ = {
        "REQUEST_METHOD": request["method"],
        "PATH_INFO": request["path"],
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "18700",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1:18700",
        "HTTP_AUTHORIZATION": f"Bearer {token}",
        "HTTP_ACCEPT": "*/*",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if body:
        environ["CONTENT_TYPE"] = "application/json"
        environ["CONTENT_LENGTH"] = str(len(body))
    return environ


def _times(body: Any, count: int) -> Any:
    def run() -> None:
        for _ in range(count):
            body()

    return run


def _validator_alone(name: str, call: Any) -> Any:
    """The engine's own work for one of `name`'s requests (validate_request + validate_response on what one
    real request handed it), to set against the whole request's difference: what the tax is made of."""
    from server.contract.validation import get_engine

    engine = get_engine()
    seen: list[tuple[Any, ...]] = []
    original = type(engine).validate_response

    def spy(self: Any, operation: Any, request: Any, response: Any) -> Any:
        seen.append((operation, request, response))
        return original(self, operation, request, response)

    type(engine).validate_response = spy  # type: ignore[method-assign]
    try:
        call(name)
    finally:
        type(engine).validate_response = original  # type: ignore[method-assign]
    operation, request, response = seen[-1]

    def validate() -> None:
        engine.validate_request(operation, request)
        engine.validate_response(operation, request, response)

    return validate


def child(args_path: Path) -> None:
    """The process valgrind runs: warm up, then one region per (endpoint, mode, repeat), then an empty one."""
    args = json.loads(args_path.read_text())
    os.environ.update(MODES["on"])
    import django

    django.setup()
    from django.test.utils import override_settings

    from server.config.wsgi import application

    def call(name: str) -> None:
        request = args["requests"][name]
        statuses: list[str] = []

        def start_response(status: str, headers: Any, exc_info: Any = None) -> Any:
            statuses.append(status)
            return None

        result = application(_environ(request, args["token"]), start_response)
        try:
            b"".join(result)
        finally:
            result.close()  # request_finished, as a WSGI server calls it
        if int(statuses[0].split()[0]) != request["status"]:
            raise SystemExit(f"{name}: {request['method']} {request['path']} answered {statuses[0]}")

    def repeat(name: str, count: int) -> Any:
        def run() -> None:
            for _ in range(count):
                call(name)

        return run

    for name in args["requests"]:
        for mode in ("off", "on"):
            with override_settings(**MODES[mode]):
                repeat(name, args["warmup"])()
    validators = {name: _validator_alone(name, call) for name in args["requests"]}
    gc.freeze()  # as gunicorn.conf.py's post_worker_init: start-up's objects are not walked by the collector
    _instrument()
    regions: list[str] = []
    for number in range(args["repeats"]):
        for name in args["requests"]:
            # Alternate which mode goes first, so neither always follows the other.
            for mode in ("off", "on") if number % 2 == 0 else ("on", "off"):
                with override_settings(**MODES[mode]):
                    _region(f"{name}/{mode}/{number}", repeat(name, args["count"]), regions)
    for name, validate in validators.items():
        _region(f"{name}/validator/0", _times(validate, args["count"]), regions)
    _region("empty", lambda: None, regions)
    Path(args["regions"]).write_text(json.dumps(regions))


# --------------------------------------------------------------------------------------------------------
# Outside: run valgrind, read its profiles


def _totals(profile: Path) -> int:
    match = re.search(r"^totals:\s*(\d+)", profile.read_text(), re.M)
    if match is None:
        raise SystemExit(f"{profile}: no totals line")
    return int(match.group(1))


def _self_costs(profile: Path) -> dict[str, int]:
    """Instructions per C function (self cost), as callgrind_annotate lists them."""
    done = subprocess.run(
        ["callgrind_annotate", "--inclusive=no", "--threshold=100", str(profile)],
        capture_output=True,
        text=True,
        check=True,
    )
    costs: dict[str, int] = {}
    for line in done.stdout.splitlines():
        match = re.match(r"^\s*([\d,]+) \([^)]*\)\s+(.*?)(?: \[.*\])?$", line)
        if match and "PROGRAM TOTALS" not in line:
            name = match.group(2).rsplit("/", 1)[-1]
            costs[name] = costs.get(name, 0) + int(match.group(1).replace(",", ""))
    return costs


def measure(
    requests: dict[str, dict[str, Any]],
    token: str,
    env: dict[str, str],
    *,
    count: int = REQUESTS,
    repeats: int = REPEATS,
    warmup: int = WARMUP,
    top: int = 0,
    keep: Path | None = None,
) -> dict[str, Any]:
    """Instructions per request of each endpoint, validation on and off, and the tax; `requests` maps an
    endpoint to {method, path, body, status}. `env` is the child's environment (settings, database)."""
    if shutil.which("valgrind") is None:
        raise SystemExit(
            "valgrind is not installed (make bench-services installs it: apt-get install valgrind)"
        )
    with tempfile.TemporaryDirectory(prefix="bench-instr-") as tmp:
        work = Path(tmp)
        args = {
            "requests": requests,
            "token": token,
            "count": count,
            "repeats": repeats,
            "warmup": warmup,
            "regions": str(work / "regions.json"),
        }
        (work / "args.json").write_text(json.dumps(args))
        command = [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            "--collect-atstart=no",
            f"--toggle-collect={_REGION_FUNCTION}",
            f"--dump-after={_REGION_FUNCTION}",
            f"--callgrind-out-file={work / 'callgrind.out'}",
            # The venv's interpreter itself (not a wrapper script), so valgrind instruments Python.
            str(Path(sys.executable)),
            "-m",
            "bench.instructions",
            "--child",
            str(work / "args.json"),
        ]
        repo = Path(__file__).resolve().parents[1]
        done = subprocess.run(
            command, cwd=repo, env={**env, "PYTHONHASHSEED": "0"}, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise SystemExit(f"valgrind run failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
        regions = json.loads((work / "regions.json").read_text())
        if keep is not None:  # for callgrind_annotate / kcachegrind
            keep.mkdir(parents=True, exist_ok=True)
            for n, label in enumerate(regions, start=1):
                shutil.copy(work / f"callgrind.out.{n}", keep / f"callgrind.{label.replace('/', '-')}.out")
        profiles = {label: work / f"callgrind.out.{n}" for n, label in enumerate(regions, start=1)}
        empty = _totals(profiles["empty"])
        per_request: dict[str, dict[str, list[float]]] = {}
        for label, profile in profiles.items():
            if label == "empty":
                continue
            name, mode, _ = label.split("/")
            per_request.setdefault(name, {}).setdefault(mode, []).append((_totals(profile) - empty) / count)
        result: dict[str, Any] = {
            "method": f"callgrind, {count} requests per region, {repeats} regions per (endpoint, mode), "
            f"after {warmup} warm-up requests each; Django's WSGI handler in one process",
            "goal_percent": GOAL_PERCENT,
            "endpoints": {},
        }
        for name, modes in per_request.items():
            on, off = statistics.mean(modes["on"]), statistics.mean(modes["off"])
            tax = 100 * (on / off - 1)
            entry: dict[str, Any] = {
                "on": round(on),
                "off": round(off),
                "on_per_region": [round(x) for x in modes["on"]],
                "off_per_region": [round(x) for x in modes["off"]],
                "tax_percent": tax,
                "met": tax <= GOAL_PERCENT,
                # The engine alone (validate_request + validate_response of one such request), in instructions
                # and as a share of the request without validation: the rest of the tax is paid elsewhere.
                "validator": round(modes["validator"][0]),
                "validator_percent": 100 * modes["validator"][0] / off,
            }
            if top:
                on_costs = _self_costs(profiles[f"{name}/on/0"])
                off_costs = _self_costs(profiles[f"{name}/off/0"])
                diff = {f: on_costs.get(f, 0) - off_costs.get(f, 0) for f in {*on_costs, *off_costs}}
                ranked = sorted(diff.items(), key=lambda item: -abs(item[1]))[:top]
                entry["top_differences"] = [(f, round(d / count)) for f, d in ranked]
            result["endpoints"][name] = entry
    return result


def report_lines(result: dict[str, Any]) -> list[str]:
    lines = [f"contract tax in instructions per request ({result['method']}; goal <= {GOAL_PERCENT:g} %):"]
    for name, entry in result["endpoints"].items():
        verdict = "met" if entry["met"] else "MISSED"
        lines.append(
            f"  {name:<9} on {entry['on']:>12,}  off {entry['off']:>12,}  tax {entry['tax_percent']:+6.2f} %"
            f"  {verdict:<6}  (the validator alone {entry['validator']:>10,},"
            f" {entry['validator_percent']:.2f} %)"
        )
        for function, delta in entry.get("top_differences", []):
            lines.append(f"      {delta:+12,}  {function}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--top", type=int, default=0, help="list the N C functions that differ most")
    parser.add_argument("--keep", type=Path, help="copy every region's callgrind profile to this directory")
    options = parser.parse_args()
    if options.child:
        child(options.child)
        return
    from bench import run

    config = run.Config()
    engine, seeded, token = run.seeded_process(config)
    result = measure(
        run.instruction_requests(run.endpoint_paths(run.API, seeded)),
        token,
        run.instruction_env(config, engine),
        top=options.top,
        keep=options.keep,
    )
    print("\n".join(report_lines(result)))


if __name__ == "__main__":
    main()
