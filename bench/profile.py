"""Profile one endpoint of one server variant under wrk load with py-spy, and name the hot spots.

    .venv/bin/python -m bench.profile [list|retrieve|create|update] [contract|contract-off|drf|openapi-core]

Needs the data `make bench` seeds (run it once first). Writes bench/results/profile-<variant>-<endpoint>.txt
(collapsed stacks, for flamegraph tools or speedscope) and prints the functions with the most samples, by
self time and by inclusive time, restricted to this repository's code and the libraries it calls.
"""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import threading

from bench import run

SECONDS = float(os.environ.get("BENCH_PROFILE_SECONDS") or 15)


def _frame_name(frame: str) -> str:
    # py-spy's raw format: "function (path/to/file.py:line)"; keep the function and a short path.
    name, _, where = frame.partition(" (")
    where = where.rstrip(")")
    path, _, _line = where.rpartition(":")
    for marker in ("site-packages/", "/work/main/", str(run.REPO) + "/"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{name} ({path})"


def summarize(collapsed: str, top: int = 25) -> str:
    self_counts: collections.Counter[str] = collections.Counter()
    inclusive: collections.Counter[str] = collections.Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [_frame_name(f) for f in stack.split(";") if f and not f.startswith("process ")]
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


def main() -> None:
    endpoint = sys.argv[1] if len(sys.argv) > 1 else "list"
    variant = sys.argv[2] if len(sys.argv) > 2 else "contract"
    config = run.Config()
    engine, note = run.usable_engine(config.engine)
    if note:
        print(f"WARNING: {note}")
    run.setup_django(config, engine)
    from bench import data

    seeded = data.ensure_data(read_tasks=config.read_tasks, scale_tasks=config.scale_tasks)
    token = run.mint_token(seeded.user_id)
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
        spy = subprocess.Popen(
            [
                str(run.VENV_BIN / "py-spy"),
                "record",
                "--subprocesses",
                "--format",
                "raw",
                "--gil",
                "--rate",
                "250",
                "--duration",
                str(int(SECONDS)),
                "--output",
                str(out),
                "--pid",
                str(server.process.pid),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        load = threading.Thread(target=run.wrk, args=(scenario, config, token, SECONDS + 1))
        load.start()
        _, err = spy.communicate()
        load.join()
        if spy.returncode != 0:
            raise SystemExit(f"py-spy failed: {err.decode()[-500:]}")
    print(f"{variant} {endpoint}: {out.relative_to(run.REPO)}\n")
    print(summarize(out.read_text()))


if __name__ == "__main__":
    main()
