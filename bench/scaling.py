"""Scaling on more axes (BENCH_SCALING_AXES=1): the task list of the large project under each filter,
`search=` and each ordering, a user in 10,000 projects listing projects, a project with 10,000 members
listing them. Each is measured against the same request on small data (latency ratio, goal <= 1.2), and the
plan of every query the request runs is captured with EXPLAIN: a sequential scan is named in the output."""

from __future__ import annotations

import json
from typing import Any

API = "/api/v1"
TASK_QUERIES = (
    "status=todo",
    "priority=high",
    "assignee_id={member}",
    "due_before=2025-03-01",
    "due_after=2025-12-01",
    "search=billing",
    *(f"ordering={o}" for o in ("created_at", "-created_at", "updated_at", "-updated_at")),
    *(f"ordering={o}" for o in ("priority", "-priority", "title", "-title")),
)


def cases(seeded: Any, axes: Any, member_id: int) -> list[dict[str, Any]]:
    """(name, large path, small path, who asks): the large side against its small-data twin."""
    rows = []
    for query in TASK_QUERIES:
        q = query.format(member=member_id)
        rows.append(
            {
                "name": f"tasks?{q}",
                "large": f"{API}/projects/{seeded.scale_project_id}/tasks?{q}",
                "small": f"{API}/projects/{seeded.read_project_id}/tasks?{q}",
                "user": "bench",
            }
        )
    rows.append(
        {"name": "projects", "large": f"{API}/projects", "small": f"{API}/projects", "user": "bench-many"}
    )
    rows.append(
        {
            "name": "members",
            "large": f"{API}/projects/{axes.crowd_project_id}/members",
            "small": f"{API}/projects/{seeded.read_project_id}/members",
            "user": "bench",
        }
    )
    return rows


def _nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    found = [plan]
    for child in plan.get("Plans", []):
        found += _nodes(child)
    return found


def explain(path: str, token: str) -> dict[str, Any]:
    """Every query one GET of `path` runs (Django's test client), with its plan; `seq_scans` names the
    relations read by a sequential scan."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"scaling: GET {path} answered {response.status_code}")
    queries = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT") or sql.strip() == "SELECT 1":
                continue
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
            row = cursor.fetchone()
            plan = row[0] if isinstance(row[0], list) else json.loads(row[0])
            nodes = _nodes(plan[0]["Plan"])
            queries.append(
                {
                    "sql": sql,
                    "nodes": [
                        f"{n['Node Type']} {n.get('Index Name') or n.get('Relation Name') or ''}".strip()
                        for n in nodes
                    ],
                    "seq_scans": sorted({n["Relation Name"] for n in nodes if n["Node Type"] == "Seq Scan"}),
                }
            )
    return {"queries": queries, "seq_scans": sorted({r for q in queries for r in q["seq_scans"]})}
