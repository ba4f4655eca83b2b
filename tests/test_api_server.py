"""The run's own ephemeral Prefect API: started before the imports, one per run, gone after it."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from flows.api_server import APP
from nato_briefs.processes import EXCEPTION_LINE, ApiServer, ApiServerError
from tests.conftest import RAW

psutil = pytest.importorskip("psutil")
pytestmark = pytest.mark.slow


def _own_api_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_")}
    return {**env, "PREFECT_HOME": str(tmp_path / "prefect_home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def _api_servers(root: psutil.Process) -> set[int]:
    found = set()
    for proc in root.children(recursive=True):
        try:
            if "uvicorn" in " ".join(proc.cmdline()):
                found.add(proc.pid)
        except psutil.Error:
            continue
    return found


def test_a_pooled_run_starts_exactly_one_api_server_and_leaves_none(tmp_path):
    """Prefect's log and event forwarding threads once started a second server (~230 MB) mid-run."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    text = (RAW / "004_664f1cef579698de.txt").read_text(encoding="utf-8")
    for i in range(40):
        (raw / f"gen_{i:03d}.txt").write_text(text.replace("Closing Remarks", f"Closing Remarks {i}"), "utf-8")
    cmd = [
        sys.executable,
        "-m",
        "flows",
        "run",
        "--raw",
        str(raw),
        "--out",
        str(tmp_path / "out"),
        "--no-report",
        "--workers",
        "2",
        "--batch-size",
        "8",
        "--inline-max-files",
        "0",
    ]
    proc = subprocess.Popen(cmd, env=_own_api_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    root = psutil.Process(proc.pid)
    seen: set[int] = set()
    while proc.poll() is None:
        seen |= _api_servers(root)
        time.sleep(0.05)
    output = proc.stdout.read().decode()
    assert proc.returncode == 0, output[-3000:]
    assert "PUBLISHED" in output and "42 parsed" in output
    assert len(seen) == 1, f"API server processes during the run: {sorted(seen)}"
    assert not any(psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE for pid in seen)


def test_api_server_answers_then_stops(tmp_path, monkeypatch):
    for key in [k for k in os.environ if k.startswith("PREFECT_API_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect_home"))
    server = ApiServer(APP)
    try:
        server.wait_ready(timeout=90)
        with urllib.request.urlopen(f"{server.api_url}/health", timeout=5) as response:
            assert response.status == 200
    finally:
        server.stop()
    assert server.process.poll() is not None


def test_api_server_is_in_its_own_session(tmp_path, monkeypatch):
    """A terminal's Ctrl-C reaches the CLI's process group only: the API must outlive it to record the crash."""
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect_home"))
    server = ApiServer(APP)
    try:
        assert os.getsid(server.process.pid) == server.process.pid != os.getsid(0)
    finally:
        server.stop()


def test_start_up_failure_reports_the_servers_own_error(tmp_path, monkeypatch):
    (tmp_path / "afile").write_text("x")
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "afile" / "home"))  # cannot hold a database
    server = ApiServer(APP)
    started = time.monotonic()
    with pytest.raises(ApiServerError) as failure:
        server.wait_ready(timeout=90)
    assert time.monotonic() - started < 60
    message = str(failure.value)
    assert "failed to start" in message and "did not answer" not in message
    assert EXCEPTION_LINE.match(message.split("failed to start: ", 1)[1]), message


KILLED_PARENT = """
import sys, time
from flows.api_server import APP
from nato_briefs.processes import ApiServer
server = ApiServer(APP)
print(server.process.pid, flush=True)
time.sleep(600)
"""


def test_api_server_dies_with_a_killed_cli(tmp_path):
    """SIGKILL of the CLI cannot stop the server: PR_SET_PDEATHSIG does."""
    env = {**_own_api_env(tmp_path), "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    parent = subprocess.Popen([sys.executable, "-c", KILLED_PARENT], env=env, stdout=subprocess.PIPE, text=True)
    server_pid = int(parent.stdout.readline())
    assert psutil.pid_exists(server_pid)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and psutil.pid_exists(server_pid):
        with contextlib.suppress(psutil.Error):
            if psutil.Process(server_pid).status() == psutil.STATUS_ZOMBIE:
                break
        time.sleep(0.1)
    alive = psutil.pid_exists(server_pid) and psutil.Process(server_pid).status() != psutil.STATUS_ZOMBIE
    assert not alive, "the API server outlived its killed parent"
