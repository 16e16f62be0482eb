"""`contract mock` / `contract docs` as real processes on free ports, for the SDK tests.

Used by the pytest fixtures, and from the command line to run the TypeScript SDK's mock test against it:

    python -m codegen.tests.mock_server -- npm run test:mock      # MOCK_BASE_URL is set for the command
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from codegen.paths import DEFAULT_SPEC, REPO_ROOT
from codegen.tests.processes import command_after_dashes, stop


@contextlib.contextmanager
def contract_server(command: str = "mock", spec: Path = DEFAULT_SPEC) -> Iterator[str]:
    """Start `contract COMMAND --port 0`; yields its origin (http://127.0.0.1:PORT)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "codegen", command, "--spec", str(spec), "--port", "0"],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+", line)
        if found is None:
            raise RuntimeError(f"contract {command} did not start: {line!r} (exit {process.poll()})")
        yield found.group(0)
    finally:
        stop(process)


def main(argv: list[str]) -> int:
    command = command_after_dashes(argv, "codegen.tests.mock_server")
    if command is None:
        return 2
    with contract_server("mock") as origin:
        return subprocess.call(command, env={**os.environ, "MOCK_BASE_URL": origin})


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
