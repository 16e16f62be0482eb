"""Profile one endpoint of one server variant under wrk load with py-spy: hot spots and the per-layer budget.

    .venv/bin/python -m bench.profile [list|retrieve|create|update] [contract|contract-off|drf|openapi-core]

Needs the data `make bench` seeds (run it once first). Writes bench/results/profile-<variant>-<endpoint>.txt
(collapsed stacks, for flamegraph tools or speedscope) and prints the functions with the most samples, by
self time and by inclusive time, then the per-layer CPU budget (bench/layers.py), also written to
bench/results/profile-<variant>-<endpoint>.json. BENCH_PROFILE_SECONDS [15] sets how long py-spy samples.
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import layers

SECONDS = float(os.environ.get("BENCH_PROFILE_SECONDS") or 15)
RATE = 250  # samples a second
PY_SPY = Path(sys.executable).parent / "py-spy"
REPO = Path(__file__).resolve().parents[1]


def _frame_name(frame: str) -> str:
    # py-spy's raw format: "function (path/to/file.py:line)"; keep the function and a short path.
    name, _, where = frame.partition(" (")
    where = where.rstrip(")")
    path, _, _line = where.rpartition(":")
    for marker in ("site-packages/", str(REPO) + "/"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{name} ({path})"


def summarize(collapsed: str, top: int = 25) -> str:
    self_counts: collections.Counter[str] = collections.Counter()
    inclusive: collections.Counter[str] = collections.Counter()
    total = 0
    for stack, count in layers.parse(collapsed):
        frames = [_frame_name(f) for f in stack]
        if not frames:
            continue
        total += count
        self_counts[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
    lines = [f"{total} samples", "", "self time:"]
    lines += [f"  {100 * n / total:5.1f}%  {name}" for name, n in self_counts.most_common(top)]
    lines += ["", "inclusive time:"]
    lines += [f"  {100 * n / total:5.1f}%  {name}" for name, n in inclusive.most_common(top * 2)]
    return "\n".join(lines)


def record(pid: int, out: Path, seconds: float, load: Callable[[float], dict[str, Any]]) -> dict[str, Any]:
    """Sample `pid` and its children with py-spy into `out` (raw collapsed stacks) for `seconds` while `load`
    drives the server for a second longer (so py-spy never samples it idle); returns what `load` returns."""
    duration = max(1, round(seconds))
    spy = subprocess.Popen(
        # Without --gil or --idle: a sample wherever a thread is on CPU, in Python or in a system call
        # (sending a response, reading a query's result), so the shares are shares of the CPU time.
        [
            *(str(PY_SPY), "record", "--subprocesses", "--format", "raw", "--rate", str(RATE)),
            *("--duration", str(duration), "--output", str(out), "--pid", str(pid)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    result: dict[str, Any] = {}
    driver = threading.Thread(target=lambda: result.update(load(duration + 1)))
    driver.start()
    _, err = spy.communicate()
    driver.join()
    if spy.returncode != 0:
        hint = " (py-spy needs ptrace: run as root, or set kernel.yama.ptrace_scope to 0)"
        raise SystemExit(f"py-spy failed{hint}: {err.decode()[-500:]}")
    return result


def main() -> None:
    from bench import run

    endpoint = sys.argv[1] if len(sys.argv) > 1 else "list"
    variant = sys.argv[2] if len(sys.argv) > 2 else "contract"
    config = run.Config()
    engine, seeded, token = run.seeded_process(config)
    servers = {s.name: s for s in run.variant_servers(config, engine)}
    if variant not in servers:
        raise SystemExit(f"variant must be one of {', '.join(servers)}")
    server = servers[variant]
    server.port += 10
    paths = run.endpoint_paths(server.prefix, seeded)
    log_dir = run.BENCH / "results" / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    out = run.BENCH / "results" / f"profile-{variant}-{endpoint}.txt"
    with run.running([server]):
        run.start_server(server, config, paths["retrieve"], token, log_dir)
        assert server.process is not None
        scenario = run.Scenario(server, endpoint, paths[endpoint])
        run.wrk(scenario, config, token, 2)  # warm up
        # The CPU per request the shares divide: measured without the profiler, which slows the server.
        plain = run.wrk(scenario, config, token, max(3.0, SECONDS / 3))
        profiled = record(server.process.pid, out, SECONDS, lambda s: run.wrk(scenario, config, token, s))
    collapsed = out.read_text()
    result = with_load(layers.budget(collapsed, plain["cpu_ms"]), plain, profiled)
    out.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"{variant} {endpoint}: {out.relative_to(run.REPO)}\n")
    print(summarize(collapsed))
    print(f"\nper-layer CPU budget ({out.with_suffix('.json').relative_to(run.REPO)}):")
    print("\n".join(layers.table({f"{variant} {endpoint}": result})))
    print("\n".join(notes(result)))


def with_load(budget: dict[str, Any], plain: dict[str, Any], profiled: dict[str, Any]) -> dict[str, Any]:
    """The budget with the load it was measured under: the run that measured the CPU per request, and the one
    py-spy sampled."""
    return {
        **budget,
        "rate_hz": RATE,
        "measured": {k: plain[k] for k in ("rps", "cpu_ms", "requests")},
        "under_profiler": {k: profiled[k] for k in ("rps", "cpu_ms", "requests")},
    }


def notes(result: dict[str, Any]) -> list[str]:
    plain, profiled = result["measured"], result["under_profiler"]
    return [
        f"ms/req: the layer's share of {plain['cpu_ms']:.3f} ms, the server's CPU per request measured "
        f"without the profiler ({plain['rps']:.0f} req/s; {profiled['rps']:.0f} req/s and "
        f"{profiled['cpu_ms']:.3f} ms under py-spy)",
        "hot spots (the frames that decide most samples of each layer):",
        *(
            f"  {layer:<20} " + "; ".join(f"{t['frame']} {t['share_percent']:.1f}%" for t in row["top"])
            for layer, row in result["layers"].items()
            if row["top"]
        ),
    ]


if __name__ == "__main__":
    main()
