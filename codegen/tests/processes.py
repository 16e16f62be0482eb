"""What the test servers (live_server, mock_server) share: stopping a child process, and the
`python -m <module> -- COMMAND [ARGS...]` form that runs a command against a server started for it."""

from __future__ import annotations

import subprocess
import sys


def stop(process: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    """Terminate, and kill if it has not exited within 10 s."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def command_after_dashes(argv: list[str], module: str) -> list[str] | None:
    """The command after `--`, or None (with the usage printed) when there is none."""
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        print(f"usage: python -m {module} -- COMMAND [ARGS...]", file=sys.stderr)
        return None
    return argv
