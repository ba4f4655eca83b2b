"""Incremental runs: only new or changed files are parsed; the result equals a full refresh."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from flows.cli import main
from flows.schema import DATASETS
from tests.conftest import RAW

pytestmark = pytest.mark.usefixtures("prefect_harness")


def _corpus(path, n):
    path.mkdir()
    shutil.copy(RAW / "000_cd744a2011959f1e.txt", path)
    text = (RAW / "004_664f1cef579698de.txt").read_text(encoding="utf-8")
    for i in range(n):
        sub = path / f"part{i % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc_{i:03d}.md").write_text(text.replace("Closing Remarks", f"Closing Remarks {i}"), "utf-8")
    return path


def run(raw, out, tmp_path, *extra):
    summary = tmp_path / "summary.json"
    code = main(
        [
            "run",
            "--raw",
            str(raw),
            "--out",
            str(out),
            "--no-report",
            "--batch-size",
            "8",
            "--summary-json",
            str(summary),
            *extra,
        ]
    )
    assert code == 0
    return json.loads(summary.read_text())


def datasets(out):
    return {name: pd.read_parquet(out / name) for name in DATASETS}


def assert_same(a, b):
    for name in DATASETS:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def test_incremental_equals_full_refresh(tmp_path):
    raw = _corpus(tmp_path / "raw", 60)
    out = tmp_path / "out"
    first = run(raw, out, tmp_path, "--workers", "1")
    assert first["mode"] == "full" and first["files_parsed"] == 61

    second = run(raw, out, tmp_path, "--workers", "1")
    assert second["mode"] == "incremental" and second["files_parsed"] == 0
    assert second["batches_reused"] == second["batches"]

    (raw / "part1" / "doc_new.md").write_text("New Article Title\n- **Cyber**: new nets\n", "utf-8")
    (raw / "part0" / "doc_003.md").unlink()
    (raw / "part2" / "doc_005.md").write_text("Edited Title\nOnly prose now.\n", "utf-8")
    third = run(raw, out, tmp_path, "--workers", "1")
    assert third["mode"] == "incremental"
    assert third["files_parsed"] == 2  # the new file and the edited one
    assert third["files_reused"] == 59
    incremental = datasets(out)
    docs = incremental["documents"].set_index("source_path")
    assert "part0/doc_003.md" not in docs.index and docs.loc["part1/doc_new.md", "title"] == "New Article Title"

    full_out = tmp_path / "full"
    run(raw, full_out, tmp_path, "--workers", "1", "--full-refresh")
    assert_same(incremental, datasets(full_out))


def test_full_refresh_flag_reparses_everything(tmp_path):
    raw = _corpus(tmp_path / "raw", 5)
    out = tmp_path / "out"
    run(raw, out, tmp_path, "--workers", "1")
    again = run(raw, out, tmp_path, "--workers", "1", "--full-refresh")
    assert again["mode"] == "full" and again["files_parsed"] == 6


def test_process_pool_gives_the_same_datasets(tmp_path):
    raw = _corpus(tmp_path / "raw", 20)
    run(raw, tmp_path / "a", tmp_path, "--workers", "1")
    run(raw, tmp_path / "b", tmp_path, "--workers", "2")
    assert_same(datasets(tmp_path / "a"), datasets(tmp_path / "b"))
