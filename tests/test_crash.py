"""Runs killed with SIGKILL at every stage leave the last good outputs readable and complete.

Each scenario publishes a good version, then starts a second run (in a
subprocess, on the session's Prefect API) that is killed at a named point
(NATO_BRIEFS_CRASH_AT) or by the test during parsing; the published datasets
must still be the first version, byte for byte, and a third run must succeed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from nato_briefs.schema import DATASETS
from tests.conftest import RAW

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]


def _env(**extra: str) -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value() or "", **extra}
    env.pop("NATO_BRIEFS_CRASH_AT", None)
    env.update(extra)
    return env


def _cmd(raw: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "flows", "run", "--raw", str(raw), "--out", str(out), "--no-report", *extra]


def snapshot(out: Path) -> dict[str, str]:
    """Digest of every file a reader of OUT/<dataset> sees (following the symlinks)."""
    digests = {}
    for name in DATASETS:
        for path in sorted((out / name).glob("*.parquet")):
            digests[f"{name}/{path.name}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def _corpus(tmp_path: Path, extra_docs: int) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    text = (RAW / "004_664f1cef579698de.txt").read_text(encoding="utf-8")
    for i in range(extra_docs):
        (raw / f"gen_{i:04d}.txt").write_text(text.replace("Closing Remarks", f"Closing Remarks {i}"), "utf-8")
    return raw


@pytest.fixture(scope="module")
def first_version(tmp_path_factory):
    """The corpus published once (a CLI run: ~9 CPU s), then changed so the next run has real work to do."""
    base = tmp_path_factory.mktemp("crash")
    raw = _corpus(base, 40)
    out = base / "out"
    subprocess.run(_cmd(raw, out, "--workers", "1"), env=_env(), check=True, capture_output=True, timeout=300)
    (raw / "gen_0000.txt").write_text("Changed Title\n- one\n- two\n", "utf-8")
    (raw / "gen_0001.txt").unlink()
    return raw, out


@pytest.fixture
def published_once(first_version, tmp_path):
    """A copy of the first version and its changed corpus for one test (the links are relative: copied as links)."""
    raw, out = (shutil.copytree(path, tmp_path / path.name, symlinks=True) for path in first_version)
    return raw, out, snapshot(out), pd.read_parquet(out / "documents")


@pytest.mark.parametrize("point", ["after_batches", "mid_write", "before_rename", "before_swap"])
def test_kill_at_named_point_keeps_previous_version(published_once, point):
    raw, out, before, documents = published_once
    proc = subprocess.run(
        _cmd(raw, out, "--workers", "1"), env=_env(NATO_BRIEFS_CRASH_AT=point), capture_output=True, timeout=300
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    assert snapshot(out) == before
    pd.testing.assert_frame_equal(pd.read_parquet(out / "documents"), documents)
    rerun = subprocess.run(_cmd(raw, out, "--workers", "1"), env=_env(), capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert not any((out / ".staging").iterdir())
    docs = pd.read_parquet(out / "documents")
    assert "gen_0001.txt" not in set(docs.source_path)
    assert docs.set_index("source_path").loc["gen_0000.txt", "title"] == "Changed Title"


def test_kill_after_swap_publishes_the_new_version_whole(published_once):
    raw, out, before, _ = published_once
    proc = subprocess.run(
        _cmd(raw, out, "--workers", "1"),
        env=_env(NATO_BRIEFS_CRASH_AT="after_swap"),
        capture_output=True,
        timeout=300,
    )
    assert proc.returncode == -signal.SIGKILL
    docs = pd.read_parquet(out / "documents")
    assert "gen_0001.txt" not in set(docs.source_path)  # the new version, complete
    assert snapshot(out) != before


def test_kill_during_parse_by_signal(published_once):
    raw, out, before, _ = published_once
    for i in range(200, 600):  # enough work that the kill lands mid-run
        (raw / f"more_{i}.txt").write_text(f"More Title {i}\n- item {i}\n", "utf-8")
    proc = subprocess.Popen(
        _cmd(raw, out, "--workers", "2", "--batch-size", "20"),
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    staging = out / ".staging"
    while time.monotonic() < deadline and not (staging.exists() and any(staging.rglob("*.parquet"))):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert snapshot(out) == before
    rerun = subprocess.run(_cmd(raw, out), env=_env(), capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert len(pd.read_parquet(out / "documents")) == 2 + 39 + 400


def test_run_exits_clearly_while_another_holds_the_lock(tmp_path):
    from nato_briefs.publish import OutputRoot, writer_lock

    raw = _corpus(tmp_path, 2)
    out = tmp_path / "out"
    with writer_lock(OutputRoot.open(out)):
        proc = subprocess.run(_cmd(raw, out), env=_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 3
    assert "another nato-briefs run is writing to" in proc.stderr and f"pid {os.getpid()}" in proc.stderr
    assert not (out / "documents").exists()


def test_lock_of_a_killed_holder_is_not_stuck(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time; from nato_briefs.publish import OutputRoot, writer_lock\n"
            "with writer_lock(OutputRoot.open(sys.argv[1])):\n print('held', flush=True); time.sleep(600)",
            str(out),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    raw = _corpus(tmp_path, 1)
    proc = subprocess.run(_cmd(raw, out), env=_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_second_run_waits_for_the_lock_when_asked(tmp_path):
    raw = _corpus(tmp_path, 100)
    out = tmp_path / "out"
    procs = [
        subprocess.Popen(
            _cmd(raw, out, "--workers", "1", "--wait-lock", "240"),
            env=_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    assert [p.wait(timeout=400) for p in procs] == [0, 0]
    assert len(pd.read_parquet(out / "documents")) == 102
