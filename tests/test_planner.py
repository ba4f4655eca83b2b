"""The run planner without Prefect: manifest shape, part checks, reuse decisions, the mass-loss guard.

Real Parquet files on a temporary disk, written by the same writer the pipeline
uses; no flow run, so the module runs in well under a second.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs import __version__
from nato_briefs.batch import BatchPlan, BatchResult, batch_fingerprint, part_name, rejections_table
from nato_briefs.config import Settings
from nato_briefs.ingest import Rejection, SourceFile
from nato_briefs.ledger import RunLedger  # its tests live here: they share the published fixture
from nato_briefs.manifest import BatchRecord, Manifest, PartRecord, build_manifest
from nato_briefs.planner import (
    TASKS_PER_WORKER,
    attach_rejections,
    check_part,
    config_fingerprint,
    file_checksum,
    load_previous,
    plan_run,
    read_previous,
    shrink_refusal,
    staged_parts,
    starting_point,
    task_groups,
    verify_published,
)
from nato_briefs.publish import MANIFEST, RUN_HISTORY, OutputRoot, write_input_index, write_parquet
from nato_briefs.schema import DATASETS
from nato_briefs.stage import RunValidation
from nato_briefs.summary import PipelineFailed
from nato_briefs.validation.results import ExpectationOutcome, SuiteResult, ValidationReport
from tests.conftest import PROJECT

VALUES = {"string": "x", "bool": False, "list<item: string>": []}


def _table(name: str, rows: list[tuple[str, str | None]]) -> pa.Table:
    """Rows of dataset ``name`` for (source_path, theme) pairs; every other column a plain value."""
    schema = DATASETS[name]
    records = []
    for source_path, theme in rows:
        record = {f.name: VALUES.get(str(f.type), 0) for f in schema}
        record.update(source_path=source_path, doc_id=f"id-{source_path}")
        if "theme" in record:
            record["theme"] = theme
        records.append(record)
    return pa.Table.from_pylist(records, schema=schema)


def _write_version(root: OutputRoot, run_id: str, batches: dict[int, list[str]]) -> Manifest:
    """A published-looking version: parts per batch, the input index and a manifest naming them."""
    base = root.join(".versions", run_id)
    results, inputs = [], []
    for index, paths in batches.items():
        result = BatchResult(index, inputs=[(p, f"id-{p}") for p in paths], first=paths[0], last=paths[-1])
        result.fingerprint = batch_fingerprint(result.inputs)
        tables = {
            "priorities": _table("priorities", [(p, None if i % 2 else "cyber") for i, p in enumerate(paths)]),
            "quarantine": rejections_table([Rejection(paths[0], None, "ingest", "r", "empty")]),
        }
        for name, table in tables.items():
            write_parquet(table, root, os.path.join(base, name, part_name(index)), {"run_id": run_id})
            result.counts[name] = table.num_rows
        results.append(result)
        inputs += [(p, d, index, "sig") for p, d in result.inputs]
    write_input_index(root, base, inputs)
    parts = staged_parts(root, base, results, None)
    counts = {"documents": len(inputs)}
    manifest = build_manifest(run_id, "fp", results, parts, counts, {})
    with open(os.path.join(base, MANIFEST), "w", encoding="utf-8") as handle:
        json.dump(manifest.to_dict(), handle)
    os.symlink(os.path.join(".versions", run_id), root.join("current"))
    os.symlink(os.path.join("current", MANIFEST), root.join(MANIFEST))
    return manifest


@pytest.fixture
def published(tmp_path):
    root = OutputRoot.open(tmp_path / "out")
    manifest = _write_version(root, "r1", {0: ["a.md", "b.md", "c.md"], 1: ["d.md", "e.md"]})
    return root, manifest


def _part(root: OutputRoot, batch: int, name: str = "priorities") -> str:
    return root.join(".versions", "r1", name, part_name(batch))


# --------------------------------------------------------------------------- previous state


def test_fresh_output_root_has_nothing_to_reuse_and_nothing_to_warn(tmp_path):
    read = read_previous(OutputRoot.open(tmp_path / "empty"), "fp")
    assert (read.manifest, read.note, read.damaged, read.documents) == (None, None, False, 0)


def test_changed_fingerprint_is_a_rebuild_not_a_warning(published):
    root, _ = published
    read = read_previous(root, "other-code")
    assert read.manifest is None and not read.damaged and "full rebuild" in read.note
    assert read.documents == 5


@pytest.mark.parametrize("damage", ["truncate", "wrong_shape", "delete_current"])
def test_damaged_manifest_warns_and_keeps_the_documents_count_from_history(published, damage):
    root, _ = published
    with open(root.join(RUN_HISTORY), "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"documents": 5}) + "\n")
    path = root.join(".versions", "r1", MANIFEST)
    if damage == "truncate":
        with open(path, "r+b") as handle:
            handle.truncate(40)
    elif damage == "wrong_shape":
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"config_fingerprint": "fp", "batches": {"0": []}}, handle)
    else:
        os.unlink(root.join("current"))
    read = read_previous(root, "fp")
    assert read.manifest is None and read.damaged and read.note.endswith("full refresh")
    assert MANIFEST in read.note and read.documents == 5


def test_healthy_version_offers_every_batch_with_rows_and_stats_from_the_files(published):
    root, _ = published
    state = load_previous(root, read_previous(root, "fp").manifest, verify_checksums=True)
    assert state.warnings == [] and len(state.batches) == 2 and state.documents == 5
    first = state.batches[0]
    assert {p.dataset: p.rows for p in first.parts} == {"priorities": 3, "quarantine": 1}
    assert first.stats == {"priorities": {"theme_null": 1}, "quarantine": {"r": 1}}
    assert set(state.inputs) == {"a.md", "b.md", "c.md", "d.md", "e.md"}
    assert verify_published(root.url) == []


def _damage(root: OutputRoot, kind: str) -> None:
    if kind == "garbage":
        size = os.path.getsize(_part(root, 1))
        with open(_part(root, 1), "wb") as handle:
            handle.write(b"\0" * size)
    elif kind == "deleted":
        os.unlink(_part(root, 1))
    elif kind == "swapped":
        os.replace(_part(root, 1), _part(root, 1) + ".x")
        os.replace(_part(root, 0), _part(root, 1))
        os.replace(_part(root, 1) + ".x", _part(root, 0))
    elif kind == "edited_count":
        path = root.join(".versions", "r1", MANIFEST)
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        payload["batches"][1]["counts"]["priorities"] = 7
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(payload, handle)


@pytest.mark.parametrize("kind", ["garbage", "deleted", "swapped", "edited_count"])
def test_damaged_part_drops_its_batch_and_its_inputs(published, kind):
    root, _ = published
    _damage(root, kind)
    state = load_previous(root, read_previous(root, "fp").manifest)
    damaged_batches = {1} if kind != "swapped" else {0, 1}
    assert len(state.batches) == 2 - len(damaged_batches)
    assert state.warnings and all("parsed again from RAW" in w for w in state.warnings)
    assert any(part_name(1) in w for w in state.warnings)
    assert not {"d.md", "e.md"} & set(state.inputs)  # re-read and re-parsed, never taken from the index
    assert state.documents == 5  # the guard's base is what was published, damage or not
    assert verify_published(root.url)


def test_same_size_same_rows_damage_needs_the_checksum(published):
    root, _ = published
    path = _part(root, 0)
    data = bytearray(Path(path).read_bytes())
    data[10] ^= 0xFF  # a flipped bit in a data page: size and footer unchanged
    with open(path, "wb") as handle:
        handle.write(bytes(data))
    manifest = read_previous(root, "fp").manifest
    assert load_previous(root, manifest).warnings == []
    assert "checksum" in load_previous(root, manifest, verify_checksums=True).warnings[0]
    assert "checksum" in verify_published(root.url)[0]


def test_check_part_reports_a_missing_file(published):
    root, manifest = published
    check = check_part(root, root.join("nowhere.parquet"), manifest.batches[0].parts["priorities"])
    assert check.problem.endswith("is missing")


# --------------------------------------------------------------------------- plan


def test_starting_point_logs_a_rebuild_and_warns_of_damage_even_on_a_full_refresh(published, tmp_path):
    root, _ = published
    fresh = starting_point(OutputRoot.open(tmp_path / "empty"), "fp", False, False)
    assert (fresh.state, fresh.documents, fresh.notes, fresh.warnings) == (None, 0, [], [])
    healthy = starting_point(root, "fp", False, True)
    assert healthy.state is not None and len(healthy.state.batches) == 2 and healthy.documents == 5
    assert healthy.notes == healthy.warnings == []
    assert starting_point(root, "fp", True, False).state is None  # a full refresh builds on nothing
    rebuild = starting_point(root, "other-code", False, False)
    assert rebuild.state is None and "full rebuild" in rebuild.notes[0] and rebuild.warnings == []
    assert starting_point(root, "other-code", True, False).notes == []  # asked for: nothing to explain
    _damage(root, "garbage")
    damaged = starting_point(root, "fp", False, False)
    assert damaged.state is not None and len(damaged.state.batches) == 1
    assert damaged.warnings == damaged.state.warnings and damaged.notes == []
    with open(root.join(RUN_HISTORY), "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"documents": 5}) + "\n")
    os.unlink(root.join("current"))
    lost = starting_point(root, "fp", True, False)
    assert lost.state is None and lost.notes == [] and "missing" in lost.warnings[0]


def _files(root, names):
    return [SourceFile(n, os.path.join(str(root), n), 10, f"sig-{n}") for n in names]


def test_unchanged_batches_are_linked_and_changed_ones_read(published, tmp_path):
    root, _ = published
    state = load_previous(root, read_previous(root, "fp").manifest)
    # Stat signatures as the index recorded them ("sig"): a.md..c.md unchanged, e.md edited.
    files = [SourceFile(n, n, 10, "sig") for n in ("a.md", "b.md", "c.md", "d.md")] + _files(tmp_path, ["e.md"])
    plan = plan_run(files, [], Settings(batch_size=1 << 20), state)
    assert len(plan.batches) == 1 and not plan.unchanged and plan.files_to_read == 1
    previous, inputs = plan.reuse[0]
    assert len(previous) == 2 and set(inputs) == {"a.md", "b.md", "c.md", "d.md", "e.md"}


def test_first_run_reads_everything(tmp_path):
    files = _files(tmp_path, [f"doc{i:03d}.md" for i in range(40)])
    plan = plan_run(files, [], Settings(batch_size=8), None)
    assert plan.files_to_read == 40 and not plan.unchanged
    assert [f for p in plan.batches for f in p.files] == files


def test_changed_batches_go_in_task_groups_and_few_files_are_read_inline(tmp_path):
    files = _files(tmp_path, [f"doc{i:03d}.md" for i in range(40)])
    plan = plan_run(files, [], Settings(batch_size=2, workers=2, inline_max_files=40), None)
    assert [p for g in plan.groups for p in g] == plan.changed == plan.batches
    assert 1 < len(plan.groups) <= 2 * TASKS_PER_WORKER and plan.inline
    assert not plan_run(files, [], Settings(batch_size=2, workers=2, inline_max_files=39), None).inline


def test_rejections_travel_with_the_batch_covering_their_path(tmp_path):
    plans = [BatchPlan(0, _files(tmp_path, ["a", "b"])), BatchPlan(1, _files(tmp_path, ["m", "n"]))]
    rejected = [Rejection(p, None, "ingest", "r", "x") for p in ("0", "c", "z")]
    attached = attach_rejections(plans, rejected)
    assert [[r.source_path for r in p.rejections] for p in attached] == [["0", "c"], ["z"]]
    assert attach_rejections([], rejected)[0].rejections == rejected


def test_task_groups_keep_order_and_cover_every_batch(tmp_path):
    plans = [BatchPlan(i, []) for i in range(10)]
    groups = task_groups(plans, 4)
    assert len(groups) == 4 and [p for g in groups for p in g] == plans
    assert task_groups(plans, 0) == [plans]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=4096), min_size=1, max_size=60), st.integers(1, 16))
def test_task_groups_balance_files_not_batches(sizes, n_tasks):
    plans = [BatchPlan(i, [None] * n) for i, n in enumerate(sizes)]
    groups = task_groups(plans, n_tasks)
    assert [p for g in groups for p in g] == plans and len(groups) <= n_tasks
    weights = [max(1, n) for n in sizes]
    share = sum(weights) / n_tasks
    for group in groups:  # no task carries more than its share plus the batch that straddles a cut
        assert sum(max(1, len(p.files)) for p in group) <= share + max(weights)


def test_task_groups_split_a_skewed_corpus_evenly():
    # The batch sizes of a real 10k-file run (content-defined cuts, target 512): 12 tasks.
    sizes = [2048, 188, 170, 853, 230, 742, 641, 1015, 185, 622, 238, 141, 1213, 497, 668, 549]
    groups = task_groups([BatchPlan(i, [None] * n) for i, n in enumerate(sizes)], 12)
    heaviest = max(sum(len(p.files) for p in g) for g in groups)
    assert heaviest == 2048  # the big batch alone; by count (2 per task) it carried 2,236 files


def test_fingerprint_depends_on_the_parse_limits():
    assert config_fingerprint(Settings()) == config_fingerprint(Settings(workers=7, verify=True))
    assert config_fingerprint(Settings()) != config_fingerprint(Settings(batch_size=3, ingest=_small_ingest()))


def _small_ingest():
    from nato_briefs.config import IngestLimits

    return IngestLimits(max_file_bytes=1)


# --------------------------------------------------------------------------- guard and manifest


@pytest.mark.parametrize(
    ("before", "after", "share", "refused"),
    [
        (0, 0, 0.5, False),
        (100, 50, 0.5, False),
        (100, 49, 0.5, True),
        (100, 0, 0.99, True),
        (100, 0, 1.0, False),
        (10, 30, 0.0, False),
        (10, 9, 0.0, True),
    ],
)
def test_shrink_refusal(before, after, share, refused):
    line = shrink_refusal(before, after, share)
    assert (line is not None) == refused
    if line:
        assert "\n" not in line and f"{before - after:,} of the {before:,}" in line and "--allow-shrink" in line


def test_linked_batches_carry_their_records_and_new_parts_are_hashed(published):
    root, manifest = published
    state = load_previous(root, manifest)
    old = manifest.batches[0]
    linked = BatchResult(0, fingerprint=old.fingerprint, reused_whole_batch=True)
    linked.counts = {name: part.rows for name, part in old.parts.items()}
    parsed = BatchResult(1, counts={"priorities": 2, "quarantine": 1}, fingerprint="new")
    staging = root.join(".versions", "r1")
    os.unlink(_part(root, 0))  # a carried record is not re-read: proves no hashing of linked parts
    parts = staged_parts(root, staging, [linked, parsed], state)
    assert parts[0] == old.parts
    assert parts[1]["priorities"].checksum == file_checksum(root, _part(root, 1))
    assert isinstance(manifest.batches[0], BatchRecord) and isinstance(parts[1]["quarantine"], PartRecord)


# --------------------------------------------------------------------------- the run's ledger

LOG = logging.getLogger("tests.ledger")


def _ledger(tmp_path, out: Path | str, allow_shrink: bool = False) -> RunLedger:
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    return RunLedger.open(str(raw), str(out), Settings(), allow_shrink, "flow-run-1")


def _adopt(root: OutputRoot) -> None:
    """The published version as if this code had written it: its manifest carries today's fingerprint."""
    path = root.join(".versions", "r1", MANIFEST)
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
    _damage(root, "garbage")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=LOG.name):
        plan = run.plan(files, [], False, LOG)
    assert run.summary.mode == "incremental" and run.fingerprint == config_fingerprint(Settings())
    assert plan.files_to_read == 2 and len(plan.reuse[0][0]) == 1  # d.md, e.md: their batch is damaged
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warned == run.summary.warnings and "parsed again from RAW" in warned[0]


def test_a_failed_task_has_its_files_quarantined_and_the_others_pass(tmp_path, caplog):
    run = _ledger(tmp_path, tmp_path / "out")
    group = [BatchPlan(3, _files(tmp_path, ["a.md", "b.md"])), BatchPlan(4, _files(tmp_path, ["c.md"]))]
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
    assert run.collect([BatchPlan(5, _files(tmp_path, ["d.md"]))], done, "", LOG) is done


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


def test_planner_runs_without_prefect_or_gx():
    code = "import sys, nato_briefs.planner; assert not {'prefect', 'great_expectations'} & set(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": str(PROJECT)})
