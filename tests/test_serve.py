"""Schedules that really fire: a served deployment on a real `prefect server` publishes datasets."""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pandas as pd
import pytest

from tests.conftest import RAW


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


@pytest.mark.slow  # starts `python -m flows serve` (Prefect's import: seconds)
def test_serve_without_server_says_what_to_do(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "home")
    proc = subprocess.run(
        [sys.executable, "-m", "flows", "serve", "--cron", "0 6 * * *"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "PREFECT_API_URL is not set" in proc.stderr and "make server" in proc.stderr


@pytest.mark.slow
def test_served_deployment_on_real_server_runs_on_schedule(tmp_path):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "home"),
        "PREFECT_API_URL": api,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    out = tmp_path / "out"
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    served = None
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail("prefect server did not become healthy in 90 s")
        served = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "flows",
                "serve",
                "--interval",
                "5",
                "--raw",
                str(raw),
                "--out",
                str(out),
                "--name",
                "test-interval",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        completed: list = []
        deadline = time.monotonic() + 300  # left as soon as two runs completed (~40 s on a quiet machine)
        while time.monotonic() < deadline and len(completed) < 2:
            time.sleep(2)
            response = httpx.post(
                f"{api}/flow_runs/filter",
                json={
                    "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}},
                    "sort": "EXPECTED_START_TIME_DESC",
                    "limit": 10,
                },
                timeout=10,
            )
            completed = [r for r in response.json() if r.get("deployment_id")]
        assert len(completed) >= 2, "the interval schedule did not produce two completed flow runs in 300 s"
        spans = sorted((run["start_time"], run["end_time"]) for run in completed)
        assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans)), "served runs overlapped"
        assert Path(out / "_manifest.json").exists()
        assert len(pd.read_parquet(out / "priorities")) == 9
    finally:
        if served is not None:
            _stop(served)
        _stop(server)


@pytest.mark.slow  # starts `python -m flows serve` (Prefect's import: seconds)
def test_serve_against_a_dead_server_fails_fast(tmp_path):
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "home"), "PREFECT_API_URL": f"http://127.0.0.1:{port}/api"}
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "flows", "serve", "--cron", "0 6 * * *"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "did not answer its health check" in proc.stderr and "Traceback" not in proc.stderr
    assert time.monotonic() - started < 30  # a Python start with Prefect imported, plus a 3 s check
