"""The run planner without Prefect: manifest shape, part checks, reuse decisions, the mass-loss guard.

Real Parquet files on a temporary disk, written by the same writer the pipeline
uses (the ``published`` fixture, ``tests/published_version.py``; the run's ledger is
tested in ``test_ledger.py``); no flow run, so the module runs in well under a second.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.batch import BatchPlan, BatchResult, part_name
from nato_briefs.config import Settings
from nato_briefs.ingest import Rejection, SourceFile
from nato_briefs.manifest import BatchRecord, PartRecord
from nato_briefs.planner import (
    TASKS_PER_WORKER,
    attach_rejections,
    check_part,
    config_fingerprint,
    file_checksum,
    files_in,
    heaviest_first,
    load_previous,
    plan_run,
    read_previous,
    shrink_refusal,
    staged_parts,
    starting_point,
    task_groups,
    verify_published,
)
from nato_briefs.publish import MANIFEST, RUN_HISTORY, OutputRoot
from tests.conftest import PROJECT
from tests.published_version import RUN_ID, damage, part_path, source_files

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
    path = root.join(".versions", RUN_ID, MANIFEST)
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


@pytest.mark.parametrize("kind", ["garbage", "deleted", "swapped", "edited_count"])
def test_damaged_part_drops_its_batch_and_its_inputs(published, kind):
    root, _ = published
    damage(root, kind)
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
    path = part_path(root, 0)
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
    damage(root, "garbage")
    damaged = starting_point(root, "fp", False, False)
    assert damaged.state is not None and len(damaged.state.batches) == 1
    assert damaged.warnings == damaged.state.warnings and damaged.notes == []
    with open(root.join(RUN_HISTORY), "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"documents": 5}) + "\n")
    os.unlink(root.join("current"))
    lost = starting_point(root, "fp", True, False)
    assert lost.state is None and lost.notes == [] and "missing" in lost.warnings[0]


def test_unchanged_batches_are_linked_and_changed_ones_read(published, tmp_path):
    root, _ = published
    state = load_previous(root, read_previous(root, "fp").manifest)
    # Stat signatures as the index recorded them ("sig"): a.md..c.md unchanged, e.md edited.
    files = [SourceFile(n, n, 10, "sig") for n in ("a.md", "b.md", "c.md", "d.md")] + source_files(tmp_path, ["e.md"])
    plan = plan_run(files, [], Settings(batch_size=1 << 20), state)
    assert len(plan.batches) == 1 and not plan.unchanged and plan.files_to_read == 1
    previous, inputs = plan.reuse[0]
    assert len(previous) == 2 and set(inputs) == {"a.md", "b.md", "c.md", "d.md", "e.md"}


def test_first_run_reads_everything(tmp_path):
    files = source_files(tmp_path, [f"doc{i:03d}.md" for i in range(40)])
    plan = plan_run(files, [], Settings(batch_size=8), None)
    assert plan.files_to_read == 40 and not plan.unchanged
    assert [f for p in plan.batches for f in p.files] == files


def test_changed_batches_go_in_task_groups_and_few_files_are_read_inline(tmp_path):
    files = source_files(tmp_path, [f"doc{i:03d}.md" for i in range(40)])
    plan = plan_run(files, [], Settings(batch_size=2, workers=2, inline_max_files=40), None)
    assert sorted((p for g in plan.groups for p in g), key=lambda p: p.index) == plan.changed == plan.batches
    assert [files_in(g) for g in plan.groups] == sorted((files_in(g) for g in plan.groups), reverse=True)
    assert 1 < len(plan.groups) <= 2 * TASKS_PER_WORKER and plan.inline
    assert not plan_run(files, [], Settings(batch_size=2, workers=2, inline_max_files=39), None).inline


def test_rejections_travel_with_the_batch_covering_their_path(tmp_path):
    plans = [BatchPlan(0, source_files(tmp_path, ["a", "b"])), BatchPlan(1, source_files(tmp_path, ["m", "n"]))]
    rejected = [Rejection(p, None, "ingest", "r", "x") for p in ("0", "c", "z")]
    attached = attach_rejections(plans, rejected)
    assert [[r.source_path for r in p.rejections] for p in attached] == [["0", "c"], ["z"]]
    assert attach_rejections([], rejected)[0].rejections == rejected


def test_task_groups_keep_order_and_cover_every_batch(tmp_path):
    plans = [BatchPlan(i, []) for i in range(10)]
    groups = task_groups(plans, 4)
    assert len(groups) == 4 and [p for g in groups for p in g] == plans
    assert task_groups(plans, 0) == [plans]


def _makespan(groups: list[list[BatchPlan]], workers: int) -> int:
    """When the last worker is done if each takes the next task as it frees up (a pool's order), files as time."""
    free = [0] * workers
    for group in groups:
        free[free.index(min(free))] += files_in(group)
    return max(free)


@settings(max_examples=300)
@given(st.lists(st.integers(min_value=0, max_value=4096), min_size=1, max_size=120), st.integers(1, 4))
def test_task_groups_leave_little_tail(sizes, workers):
    n_tasks = workers * TASKS_PER_WORKER
    plans = [BatchPlan(i, [None] * n) for i, n in enumerate(sizes)]
    groups = task_groups(plans, n_tasks, workers)
    assert [p for g in groups for p in g] == plans and len(groups) <= n_tasks
    weights = [max(1, n) for n in sizes]
    total = sum(weights)
    # The cores finish within a small task's worth of each other: the ideal plus the floor share
    # (1/(2 n_tasks) of all) and the batch that straddles a cut, or a single batch too big to share.
    bound = total / workers + 2 * total / (2 * n_tasks) + max(weights)
    assert _makespan(groups, workers) <= bound


def test_task_groups_shrink_toward_the_end():
    plans = [BatchPlan(i, [None] * 100) for i in range(1000)]  # 100k files in even batches, 2 workers
    weights = [sum(len(p.files) for p in g) for g in task_groups(plans, 12, 2)]
    assert weights == sorted(weights, reverse=True) and len(weights) <= 12
    assert weights[0] == 25_000 and weights[-1] <= 100_000 / 24 + 100
    # Equal shares (the old cut) left one core ~half a share (4,200 files) behind; now at most the last one.
    assert _makespan(task_groups(plans, 12, 2), 2) - 50_000 <= weights[-1]


def test_the_heaviest_groups_go_first():
    # A 20k-file run's batches (session 6): batch 12 (2,584 files) formed a group of its own late in
    # the path order and ran alone for 27 s at the end; submitted by weight, it runs early.
    sizes = [2406, 853, 972, 1841, 622, 379, 2378, 552, 684, 288, 2067, 2584, 2391, 1063, 447, 307, 166]
    plans = [BatchPlan(i, [None] * n) for i, n in enumerate(sizes)]
    groups = task_groups(plans, 12, 2)
    ordered = heaviest_first(groups)
    assert sorted(map(id, ordered)) == sorted(map(id, groups))
    assert [files_in(g) for g in ordered] == sorted((files_in(g) for g in groups), reverse=True)
    assert _makespan(ordered, 2) <= 1.05 * sum(sizes) / 2  # a pool that takes tasks in order, time as files


def test_task_groups_split_a_skewed_corpus():
    # The batch sizes of a real 10k-file run (content-defined cuts, target 512): 12 tasks, 2 workers.
    sizes = [2048, 188, 170, 853, 230, 742, 641, 1015, 185, 622, 238, 141, 1213, 497, 668, 549]
    plans = [BatchPlan(i, [None] * n) for i, n in enumerate(sizes)]
    groups = task_groups(plans, 12, 2)
    assert [p for g in groups for p in g] == plans
    assert _makespan(groups, 2) <= sum(sizes) / 2 + 549  # within the last batch of the ideal


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
    staging = root.join(".versions", RUN_ID)
    os.unlink(part_path(root, 0))  # a carried record is not re-read: proves no hashing of linked parts
    parts = staged_parts(root, staging, [linked, parsed], state)
    assert parts[0] == old.parts
    assert parts[1]["priorities"].checksum == file_checksum(root, part_path(root, 1))
    assert isinstance(manifest.batches[0], BatchRecord) and isinstance(parts[1]["quarantine"], PartRecord)


def test_planner_runs_without_prefect_or_gx():
    code = "import sys, nato_briefs.planner; assert not {'prefect', 'great_expectations'} & set(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": str(PROJECT)})
