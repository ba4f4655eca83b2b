"""Shared fixtures: one Prefect test harness per session, telemetry off, sample corpus; an honest `slow` marker.

`pytest -m "not slow"` must start no Prefect API: a test that uses the Prefect harness is slow by
definition (marked here at collection), and a test not marked slow that leaves a Prefect API server
process behind fails (``_no_prefect_server_unless_slow``). Its subprocesses cannot start an ephemeral
API either: PREFECT_SERVER_EPHEMERAL_ENABLED=false makes Prefect refuse instead.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import psutil
import pytest
from hypothesis import settings

# Speed is measured in bench/, never asserted in a unit test: hypothesis's per-example deadline (200 ms) is a
# timing assertion, and on a shared 2-core machine a loaded moment failed a trie test at 302 ms (0.02 ms on
# replay). The profile drops the deadline for every property test; what each test checks is unchanged.
settings.register_profile("nato_briefs", deadline=None)
settings.load_profile("nato_briefs")

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

PROJECT = Path(__file__).resolve().parents[1]
RAW = PROJECT / "raw"


@pytest.fixture(scope="session")
def prefect_harness():
    """A throwaway Prefect API (SQLite in a temp PREFECT_HOME) shared by the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that need the Prefect harness (a Prefect API server) are slow, whatever their module says."""
    for item in items:
        if "prefect_harness" in getattr(item, "fixturenames", ()) and item.get_closest_marker("slow") is None:
            item.add_marker(pytest.mark.slow)


def _has_children() -> bool:
    """Has this process any child (running or not yet reaped)? One system call: ``WNOWAIT`` reaps nothing.

    Walking the descendants reads every process of the machine (~2 ms); most tests start no process at
    all, and with no child there is no descendant.
    """
    if not hasattr(os, "waitid"):
        return True
    try:
        os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return False
    return True


def _prefect_servers() -> set[int]:
    """Descendant processes of this one that serve a Prefect API (Prefect's ephemeral server is uvicorn)."""
    found: set[int] = set()
    if not _has_children():
        return found
    for proc in psutil.Process().children(recursive=True):
        try:
            cmdline = " ".join(proc.cmdline())
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
        if "prefect" in cmdline and ("uvicorn" in cmdline or " server start" in cmdline):
            found.add(proc.pid)
    return found


@pytest.fixture(autouse=True)
def _no_prefect_server_unless_slow(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    if request.node.get_closest_marker("slow") is not None:
        yield
        return
    monkeypatch.setenv("PREFECT_SERVER_EPHEMERAL_ENABLED", "false")  # subprocesses: refuse, don't start one
    before = _prefect_servers()
    yield
    started = _prefect_servers() - before
    if started:
        pytest.fail(f"a test not marked slow started a Prefect API server (pids {sorted(started)}): mark it slow")


@pytest.fixture
def sample_raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    return raw


@pytest.fixture
def published(tmp_path: Path):
    """A published version (``tests/published_version.py``): run r1, two batches, five documents."""
    from tests.published_version import publish_sample  # pyarrow only for the tests that ask for it

    return publish_sample(tmp_path / "out")
