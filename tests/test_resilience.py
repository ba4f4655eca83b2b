"""A batch task that keeps failing is retried, then its files are quarantined and the rest published."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from flows.cli import main
from tests.test_incremental import _corpus

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_failing_batch_is_retried_then_quarantined(tmp_path, monkeypatch):
    import nato_briefs.batch  # the batch tasks run nato_briefs.batch.process_batches, which calls process_batch

    real = nato_briefs.batch.process_batch
    calls = []

    def flaky(plan, *args, **kwargs):
        if plan.index == 1 and plan.files:
            calls.append(plan.index)
            raise OSError("disk went away")
        return real(plan, *args, **kwargs)

    monkeypatch.setattr(nato_briefs.batch, "process_batch", flaky)
    raw = _corpus(tmp_path / "raw", 20)
    out = tmp_path / "out"
    summary_file = tmp_path / "summary.json"
    code = main(
        [
            "run",
            "--raw",
            str(raw),
            "--out",
            str(out),
            "--workers",
            "1",
            "--batch-size",
            "4",
            "--no-report",
            "--summary-json",
            str(summary_file),
        ]
    )
    assert code == 0
    assert len(calls) == 3  # the first try and two retries
    summary = json.loads(summary_file.read_text())
    # the failing task's batches (batch 1 and the batches grouped with it) are quarantined, the others published
    assert any(f.startswith("batch 1 ") for f in summary["failed_batches"])
    quarantine = pd.read_parquet(out / "quarantine")
    failed = quarantine[quarantine.reason_code == "batch_failed"]
    assert len(failed) > 0 and failed.reason.str.contains("disk went away").all()
    documents = pd.read_parquet(out / "documents")
    assert len(documents) + len(failed) == 21 and len(documents) > 0
    assert not set(documents.source_path) & set(failed.source_path)
