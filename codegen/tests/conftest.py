from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from codegen.paths import REPO_ROOT
from codegen.tests.live_server import LiveServer, live_server, migrated_database

SPECS = Path(__file__).parent / "specs"
# Real documents written by other teams, beside the repository (../shared/specs-corpus).
CORPUS = REPO_ROOT.parent / "shared" / "specs-corpus"

try:  # the SDK is installed (editable) by `make install`; fall back to its source tree
    import projectmgmt_client  # noqa: F401
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(REPO_ROOT / "clients" / "python" / "src"))


def run_contract(*args: str, cwd: Path = REPO_ROOT, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """The `contract` command line, as a user runs it (a fresh process: exit codes and output are real)."""
    return subprocess.run(
        [sys.executable, "-m", "codegen", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="session")
def database_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return migrated_database(tmp_path_factory.mktemp("live-db"))


@pytest.fixture
def server(database_template: Path) -> Iterator[LiveServer]:
    with live_server(database_template) as running:
        yield running
