"""Smoke test of the benchmark harness: `python -m bench` runs the real pipeline end to end and prints its table.

No timing assertions: the numbers depend on the machine; this only checks that the harness, the CLI it drives
and the report hold together (30 documents, one repeat, one worker, RESULTS.md left alone).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_bench_smoke_prints_the_table() -> None:
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "GX_ANALYTICS_ENABLED": "false"}
    results_md = ROOT / "bench" / "RESULTS.md"
    before = results_md.stat().st_mtime_ns if results_md.exists() else None
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "30", "--repeat", "1", "--no-results", "--workers", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = proc.stdout
    assert proc.returncode == 0, f"exit {proc.returncode}\nstdout:\n{output[-3000:]}\nstderr:\n{proc.stderr[-5000:]}"
    assert "### 30 documents" in output
    assert "| stage | seconds | docs/s | MB/s | vs floor |" in output
    for row in ("| ingest |", "| parse |", "| normalize |", "| validate |", "| publish |", "**end to end**"):
        assert row in output, row
    assert "floor, 1 process" in output and "incremental (+1 new docs" in output
    assert "Peak RSS, whole process tree" in output
    assert "## Targets" in output and "peak RSS (process tree) < 1.5 GB" in output
    assert "FAILED" not in output
    after = results_md.stat().st_mtime_ns if results_md.exists() else None
    assert after == before, "--no-results must not write bench/RESULTS.md"


def test_results_keep_the_hand_written_analysis_and_render_again(tmp_path: Path) -> None:
    """``--render`` rewrites RESULTS.md from the recorded results.json and keeps the hand-written analysis.

    It renders the committed measurements (bench/results.json) rather than measuring again: the smoke
    test above already runs the harness end to end.
    """
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "GX_ANALYTICS_ENABLED": "false"}

    def render() -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "bench", "--results-dir", str(tmp_path), "--render"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        return (tmp_path / "RESULTS.md").read_text()

    shutil.copy(ROOT / "bench" / "results.json", tmp_path / "results.json")
    largest = max(r["size"] for r in json.loads((tmp_path / "results.json").read_text())["results"])
    heading = f"### {largest:,} documents"  # the largest size the committed run measured
    measured = render()
    assert heading in measured and "## Analysis" not in measured
    results = tmp_path / "RESULTS.md"
    results.write_text(measured + "\n## Analysis (written by hand after this run)\n\nWhere the time goes.\n")
    rendered = render()
    assert rendered.startswith(measured) and rendered.count(heading) == 1
    assert rendered.endswith("## Analysis (written by hand after this run)\n\nWhere the time goes.\n")
