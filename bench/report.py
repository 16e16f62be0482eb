"""Print bench/results/latest.json (or the file given) as the Markdown tables bench/README.md shows.

.venv/bin/python -m bench.report [path]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench import verdicts

DEFAULT = Path(__file__).resolve().parent / "results" / "latest.json"


def _side(side: dict[str, Any]) -> str:
    return f"{side['p50_ms']:.1f} / {side['p99_ms']:.1f} | {side['rps']:.1f} | {side['cpu_ms']:.2f}"


def _quartiles(record: dict[str, Any]) -> str:
    q1, q3 = record.get("ratio_quartiles") or (record["ratio"], record["ratio"])
    return f"{q1:.2f}-{q3:.2f}"


def _verdict(record: dict[str, Any]) -> str:
    if record.get("goal") is None:
        return ""
    # Runs before bench/verdicts.py recorded only a median-based yes/no: judge them the same way now.
    q1, q3 = record.get("ratio_quartiles") or (record["ratio"], record["ratio"])
    text = record.get("verdict") or verdicts.verdict(
        record["ratio"], q1, q3, record["goal"], record["goal_op"]
    )
    return text if text == verdicts.MET else f"**{text}**"


def markdown(result: dict[str, Any]) -> str:
    m, s, st = result["machine"], result["settings"], result["startup"]
    lines = [
        f"Run of {result['generated_at']}: {s['rounds']} interleaved rounds of {s['seconds']:g} s "
        f"(warm-up {s['warmup_seconds']:g} s), wrk {s['wrk']} on CPU {s['client_cpu']}, gunicorn "
        f"{s['gunicorn']} on CPU {s['server_cpu']}, engine `{s['engine'].rsplit('.', 1)[-1]}`"
        + (f" ({s['engine_note']})" if s.get("engine_note") else "")
        + f"; load average before {s['loadavg_before']}, per round {', '.join(s['loadavg_per_round'])}.",
        "",
        "| machine | |",
        "|---|---|",
        f"| CPUs (nproc) | {m['nproc']}, {m['cpu_model']} ({m.get('hypervisor') or 'bare metal'} guest) |",
        f"| memory | {m['memory_gib']} GiB |",
        f"| PostgreSQL | {m['postgresql']} |",
        f"| kernel, Python | {m['kernel']}, {m['python']} |",
        f"| Django, DRF, openapi-core, gunicorn | {m['django']}, {m['djangorestframework']}, "
        f"{m['openapi_core']}, {m['gunicorn']} |",
        f"| wrk | {m['wrk']} |",
        "",
        "| comparison | ratio | q1-q3 | goal | verdict | cpu ratio | A p50 / p99 ms | A req/s | A cpu ms/req "
        "| B p50 / p99 ms | B req/s | B cpu ms/req |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["comparisons"]:
        goal = "" if r["goal"] is None else f"{r['goal_op']} {r['goal']:.2f}"
        met = _verdict(r)
        lines.append(
            f"| `{r['name']}` | {r['ratio']:.3f} | {_quartiles(r)} | {goal} | {met} | {r['cpu_ratio']:.3f} "
            f"| {_side(r['a'])} | {_side(r['b'])} |"
        )
    q = result["queries_per_request"]
    ours, drf = q["contract"], q["drf"]
    gen = st["make_generate"]
    lines += [
        "",
        "A = our endpoints with validation on, except in `scaling/*` (A = 1,000,000 tasks, B = 1,000 tasks, "
        "both ours); B = validation off (`contract_tax`), idiomatic DRF (`vs_drf`), "
        "openapi-core's middleware (`vs_openapi_core`), the FastAPI and django-ninja peers (`vs_fastapi`, "
        "`vs_fastapi_orm`, `vs_ninja`); in `serving/<model>/*` A = our server served as <model>, "
        "B = gunicorn sync, direct; in `scaling/<case>` A = the large data, B = the small (p50).",
        "",
        "| SQL queries per request | list | retrieve | create | update |",
        "|---|---:|---:|---:|---:|",
        f"| ours | {ours['list']} (1,000 tasks), {ours['list-1m']} (1,000,000 tasks) | {ours['retrieve']} "
        f"| {ours['create']} | {ours['update']} |",
        f"| idiomatic DRF | {drf['list']} | {drf['retrieve']} | {drf['create']} | {drf['update']} |",
        "",
        "| start-up | seconds |",
        "|---|---:|",
    ]
    for name, seconds in st["gunicorn_first_response_seconds"].items():
        lines.append(f"| spawn gunicorn → first 200, `{name}` | {seconds:.2f} |")
    lines += [
        f"| `django.setup(); bind_contract()` (fresh interpreter) | {st['bind_contract_seconds']:.2f} |",
        f"| the same + `get_engine()` | {st['bind_contract_and_engine_seconds']:.2f} |",
    ]
    if "bind_contract_no_bytecode_cache_seconds" in st:
        lines.append(
            f"| `django.setup(); bind_contract()` without a bytecode cache "
            f"| {st['bind_contract_no_bytecode_cache_seconds']:.2f} |"
        )
    lines.append(f"| `make generate` | {gen} |")
    lines += _layers(result.get("layers") or {})
    return "\n".join(lines)


def _layers(budgets: dict[str, Any]) -> list[str]:
    """The per-layer CPU budget: share of py-spy's samples and CPU ms per request, two columns a profile."""
    if not budgets:
        return []
    names = list(budgets)
    lines = [
        "",
        "| layer | " + " | ".join(f"`{name}` % | ms/req" for name in names) + " |",
        "|---|" + "---:|---:|" * len(names),
    ]
    for layer in next(iter(budgets.values()))["layers"]:
        cells = " | ".join(
            f"{b['layers'][layer]['share_percent']:.1f} | {b['layers'][layer]['cpu_ms_per_request']:.3f}"
            for b in budgets.values()
        )
        lines.append(f"| {layer} | {cells} |")
    total = " | ".join(f"100 | {b['cpu_ms_per_request']:.3f}" for b in budgets.values())
    lines.append(f"| **total** (server CPU per request) | {total} |")
    return lines


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    print(markdown(json.loads(path.read_text())))


if __name__ == "__main__":
    main()
