"""A run that fails validation publishes nothing; bad records are quarantined, not fatal."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from nato_briefs.config import EXPECTATIONS_DIR
from tests.conftest import RAW
from tests.test_crash import snapshot

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]


def _env(suites=None):
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value() or ""}
    if suites:
        env["NATO_BRIEFS_EXPECTATIONS_DIR"] = str(suites)
    return env


def _run(raw, out, suites=None, *extra):
    cmd = [sys.executable, "-m", "flows", "run", "--raw", str(raw), "--out", str(out), "--workers", "1", *extra]
    return subprocess.run(cmd, env=_env(suites), capture_output=True, text=True, timeout=300)


def _suites_with(tmp_path, dataset, expectation):
    suites = tmp_path / "suites"
    shutil.copytree(EXPECTATIONS_DIR, suites)
    path = suites / f"{dataset}.json"
    suite = json.loads(path.read_text())
    suite["expectations"].append(expectation)
    path.write_text(json.dumps(suite, indent=2))
    return suites


def test_failing_suite_publishes_nothing_and_keeps_previous_outputs(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    out = tmp_path / "out"
    assert _run(raw, out).returncode == 0
    before = snapshot(out)
    (raw / "extra.txt").write_text("Extra Title\n- one\n", "utf-8")
    strict = _suites_with(
        tmp_path,
        "documents",
        {
            "type": "expect_table_row_count_to_be_between",
            "kwargs": {"min_value": 0, "max_value": 2},
            "meta": {"severity": "error", "quarantine": False},
            "severity": "critical",
            "description": "at most two documents (a rule this run breaks)",
        },
    )
    proc = _run(raw, out, strict)
    assert proc.returncode == 1
    assert "expect_table_row_count_to_be_between" in proc.stderr and "NOT PUBLISHED" in proc.stderr
    assert snapshot(out) == before
    assert not any((out / ".staging").iterdir())
    validate = subprocess.run(
        [sys.executable, "-m", "flows", "validate", "--out", str(out)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert validate.returncode == 0, validate.stdout


def test_failing_run_validates_every_group_in_the_flow(tmp_path):
    """In the flow as in a pool, validation goes on after a group fails: the report counts every group's rows."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "extra.txt").write_text("Extra Title\n- one\n", "utf-8")
    untitled = _suites_with(
        tmp_path,
        "documents",
        {
            "type": "expect_column_values_to_be_null",
            "kwargs": {"column": "title"},
            "meta": {"severity": "error", "quarantine": False},
            "severity": "critical",
            "description": "no document has a title (a rule every group breaks)",
        },
    )
    proc = _run(raw, tmp_path / "out", untitled, "--validation-chunk-docs", "1", "--batch-size", "1")
    assert proc.returncode == 1 and "NOT PUBLISHED" in proc.stderr
    documents_row = next(line for line in proc.stderr.splitlines() if line.lstrip().startswith("documents "))
    assert documents_row.split()[2] == "3", documents_row  # three groups of one document, all validated


# A pool: the batches and then the validation groups (several: chunks of 2) in worker processes, the
# quarantine rewriting staged parts there; the flow takes the workers' batch records back.
POOL = ("--workers", "2", "--inline-max-files", "0")


@pytest.mark.parametrize("mode", [(), POOL], ids=["in-flow", "pool"])
def test_bad_record_is_quarantined_and_the_rest_published(tmp_path, mode):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    out = tmp_path / "out"
    picky = _suites_with(
        tmp_path,
        "initiatives",
        {
            "type": "expect_column_values_to_not_match_regex",
            "kwargs": {"column": "name", "regex": "^Resource sharing$"},
            "meta": {"severity": "error", "quarantine": True},
            "severity": "critical",
            "description": "a rule that rejects exactly one initiative of the samples",
        },
    )
    for i in range(6):  # more documents, validated in chunks of 2 (as a large corpus would be)
        (raw / f"extra_{i}.txt").write_text(f"Extra Title {i}\n- **Name {i}**: detail\n", "utf-8")
    proc = _run(raw, out, picky, "--validation-chunk-docs", "2", "--batch-size", "2", *mode)
    assert proc.returncode == 0, proc.stderr[-3000:]
    initiatives = pd.read_parquet(out / "initiatives")
    assert len(initiatives) == 13 + 6 and "Resource sharing" not in set(initiatives["name"])
    quarantine = pd.read_parquet(out / "quarantine")
    row = quarantine[quarantine.stage == "validate"].iloc[0]
    assert row.reason_code == "expect_column_values_to_not_match_regex" and row.record.startswith("initiatives[")
    docs = pd.read_parquet(out / "documents").set_index("source_path")
    assert docs.loc["004_664f1cef579698de.txt", "validation_status"] == "records_quarantined"
    assert docs.loc["000_cd744a2011959f1e.txt", "validation_status"] == "passed"
    assert (out / "validation" / "index.html").stat().st_size > 1000
    report = json.loads((out / "validation" / "report.json").read_text())
    assert report["passed"] and report["expectations"] > 0
    manifest = json.loads((out / "_manifest.json").read_text())  # the rewritten parts' counts, as published
    assert sum(batch["counts"]["initiatives"] for batch in manifest["batches"]) == 13 + 6
    integrity = subprocess.run(
        [sys.executable, "-m", "flows", "validate", "--out", str(out)], env=_env(picky), capture_output=True, text=True
    )
    assert integrity.returncode == 0, integrity.stdout + integrity.stderr  # sizes, row counts, checksums
