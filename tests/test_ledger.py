"""The run's ledger (RunLedger) without Prefect: opening a run, its plan, failed tasks, the refusal, the manifest.

Real Parquet files on a temporary disk (the ``published`` fixture of ``conftest.py``,
built by ``tests/published_version.py``); no flow run.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nato_briefs import __version__
from nato_briefs.batch import BatchPlan, BatchResult
from nato_briefs.config import Settings
from nato_briefs.ingest import Rejection, SourceFile
from nato_briefs.ledger import RunLedger
from nato_briefs.planner import config_fingerprint
from nato_briefs.publish import MANIFEST, RUN_HISTORY, OutputRoot
from nato_briefs.stage import RunValidation
from nato_briefs.summary import PipelineFailed
from nato_briefs.validation.results import ExpectationOutcome, SuiteResult, ValidationReport
from tests.conftest import PROJECT
from tests.published_version import RUN_ID, damage, source_files

LOG = logging.getLogger("tests.ledger")


def _ledger(tmp_path, out: Path | str, allow_shrink: bool = False) -> RunLedger:
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    return RunLedger.open(str(raw), str(out), Settings(), allow_shrink, "flow-run-1")


def _adopt(root: OutputRoot) -> None:
    """The published version as if this code had written it: its manifest carries today's fingerprint."""
    path = root.join(".versions", RUN_ID, MANIFEST)
    payload = json.loads(Path(path).read_text(encoding="utf-8"))
    payload["config_fingerprint"] = config_fingerprint(Settings())
    Path(path).write_text(json.dumps(payload), encoding="utf-8")


def test_a_run_opens_on_a_raw_folder_only(tmp_path):
    run = _ledger(tmp_path, tmp_path / "out")
    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{8}", run.summary.run_id)
    assert run.metadata == {"run_id": run.summary.run_id, "flow_run_id": "flow-run-1", "code_version": __version__}
    assert run.staging == run.root.staging_dir(run.summary.run_id) and run.summary.mode == "full"
    assert run.settings.max_shrink_share == Settings().max_shrink_share
    lifted = _ledger(tmp_path, tmp_path / "out", allow_shrink=True)
    assert lifted.settings.max_shrink_share == 1.0 and lifted.summary.run_id != run.summary.run_id
    with pytest.raises(PipelineFailed, match=r"raw folder .*nowhere does not exist") as failed:
        RunLedger.open(str(tmp_path / "nowhere"), str(tmp_path / "out"), Settings(), False, "f")
    assert not failed.value.summary.published


def test_the_plan_builds_on_the_published_version_and_says_why_not(published, tmp_path, caplog):
    root, _ = published
    files = [SourceFile(n, n, 10, "sig") for n in ("a.md", "b.md", "c.md", "d.md", "e.md")]
    rejected = [Rejection("z.bin", None, "ingest", "r", "not text")]
    run = _ledger(tmp_path, root.url)
    with caplog.at_level(logging.INFO, logger=LOG.name):
        plan = run.plan(files, rejected, False, LOG)  # written by other code ("fp"): rebuilt, not reused
    assert run.summary.mode == "full" and run.summary.files_found == 6 and run.summary.batches == len(plan.batches)
    assert "found 5 input files under" in caplog.text and "(1 rejected before reading)" in caplog.text
    assert "full rebuild" in caplog.text and run.summary.warnings == []
    _adopt(root)
    damage(root, "garbage")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=LOG.name):
        plan = run.plan(files, [], False, LOG)
    assert run.summary.mode == "incremental" and run.fingerprint == config_fingerprint(Settings())
    assert plan.files_to_read == 2 and len(plan.reuse[0][0]) == 1  # d.md, e.md: their batch is damaged
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warned == run.summary.warnings and "parsed again from RAW" in warned[0]


def test_a_failed_task_has_its_files_quarantined_and_the_others_pass(tmp_path, caplog):
    run = _ledger(tmp_path, tmp_path / "out")
    group = [BatchPlan(3, source_files(tmp_path, ["a.md", "b.md"])), BatchPlan(4, source_files(tmp_path, ["c.md"]))]
    with caplog.at_level(logging.INFO, logger=LOG.name):
        results = run.collect(group, None, "disk went away", LOG)
    assert [r.index for r in results] == [3, 4] and [r.counts["quarantine"] for r in results] == [2, 1]
    assert all(r.failure.startswith(f"batch {r.index} (") and "disk went away" in r.failure for r in results)
    assert "batches 3-4 failed after retries (disk went away)" in caplog.records[0].getMessage()
    assert caplog.records[0].levelno == logging.ERROR
    assert [r.getMessage() for r in caplog.records[1:]] == [
        "batch 3: 2 files, 0 parsed, 0 reused, 2 rejected",
        "batch 4: 1 files, 0 parsed, 0 reused, 1 rejected",
    ]
    done = [BatchResult(5, n_parsed=1)]
    assert run.collect([BatchPlan(5, source_files(tmp_path, ["d.md"]))], done, "", LOG) is done


def _report(passed: bool, documents: int) -> RunValidation:
    outcome = ExpectationOutcome("documents", "expect_column_values_to_be_unique", ["doc_id"], "error", False, passed)
    report = ValidationReport([SuiteResult("documents", "dataset", documents, [outcome])])
    return RunValidation(report, counts={"documents": documents})


@pytest.mark.parametrize(
    ("passed", "documents", "allow_shrink", "refused"),
    [
        (True, 5, False, None),
        (True, 1, False, "refusing to publish: 4 of the 5"),
        (True, 1, True, None),
        (False, 5, False, "validation failed: nothing published\n"),
    ],
)
def test_refusal_keeps_the_figures_and_drops_the_staging(published, tmp_path, passed, documents, allow_shrink, refused):
    root, _ = published
    _adopt(root)
    run = _ledger(tmp_path, root.url, allow_shrink)
    run.plan([SourceFile(n, n, 10, "sig") for n in ("a.md", "b.md", "c.md", "d.md", "e.md")], [], False, LOG)
    root.fs.makedirs(run.staging)
    refusal = run.refusal([BatchResult(0, n_parsed=documents)], _report(passed, documents))
    assert run.summary.files_parsed == documents and run.summary.records == {"documents": documents}
    assert "check_reuse" in run.summary.stage_seconds
    if refused is None:
        assert refusal is None and root.fs.exists(run.staging)
    else:
        assert refusal.startswith(refused) and not root.fs.exists(run.staging) and run.summary.seconds > 0


def test_the_manifest_carries_the_summary_and_publishing_goes_into_the_history(tmp_path):
    run = _ledger(tmp_path, tmp_path / "out")
    run.plan([], [], False, LOG)
    root = run.root
    root.fs.makedirs(run.staging)
    report = _report(True, 0)
    assert run.refusal([], report) is None
    manifest = run.manifest([], report)
    assert manifest["run_id"] == run.summary.run_id and manifest["config_fingerprint"] == run.fingerprint
    assert manifest["flow_run_id"] == "flow-run-1" and manifest["code_version"] == __version__
    assert manifest["validation"] == "passed" and manifest["summary"]["run_id"] == run.summary.run_id
    assert root.fs.exists(root.sub(run.staging, manifest["inputs_file"]))
    run.published()
    history = [json.loads(line) for line in Path(root.join(RUN_HISTORY)).read_text(encoding="utf-8").splitlines()]
    assert [h["run_id"] for h in history] == [run.summary.run_id] and run.summary.published
    assert history[0]["documents"] == 0 and history[0]["seconds"] <= round(run.clock().seconds, 2)


def test_ledger_runs_without_prefect_or_gx():
    code = "import sys, nato_briefs.ledger; assert not {'prefect', 'great_expectations'} & set(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": str(PROJECT)})
