"""Create, migrate and seed a bench database; print the seeded ids and a token as JSON (for the tests).

BENCH_DATABASE_URL=... BENCH_TASKS=50 BENCH_SCALE_TASKS=50 .venv/bin/python -m bench.prepare
"""

from __future__ import annotations

import json
from dataclasses import asdict

from bench import run


def main() -> None:
    config = run.Config()
    run.ensure_database(config.database_url)
    run.setup_django(config, run.FAST_ENGINE)
    from bench import data

    data.migrate()
    seeded = data.ensure_data(read_tasks=config.read_tasks, scale_tasks=config.scale_tasks)
    print(json.dumps({**asdict(seeded), "token": run.mint_token(seeded.user_id)}))


if __name__ == "__main__":
    main()
