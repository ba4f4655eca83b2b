"""bench/analysis.py on the data of a real small measurement (`python -m bench --sizes 50 --repeat 1`).

tests/data/bench_measurement_50.json is one size result of such a run, as ``bench/measure.py`` recorded it
(raw Prefect flow and task runs included; RSS samples and log paths dropped). The breakdown once lost the
batch phase when the flow renamed its task runs: these tests fail when that happens again.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.analysis import (
    TASK_PHASES,
    TILES,
    aggregate,
    med,
    ratio,
    retime,
    stats,
    summarize,
    task_phase,
    timeline,
)

MEASUREMENT = Path(__file__).parent / "data" / "bench_measurement_50.json"
PHASES = {"discover", "batch", "validate", "publish", "record"}


@pytest.fixture(scope="module")
def size_result() -> dict:
    return json.loads(MEASUREMENT.read_text(encoding="utf-8"))


def _runs(size_result: dict) -> list[dict]:
    record = size_result["repeats"][0]
    return [record[kind] for kind in ("full", "incremental") if record.get(kind, {}).get("ok")]


def test_the_measurement_is_a_real_successful_run(size_result):
    runs = _runs(size_result)
    assert len(runs) == 2, "the fixture holds a full and an incremental run"
    for run in runs:
        assert run["prefect_runs"]["flow"] and run["prefect_runs"]["tasks"]


def test_every_task_run_of_the_flow_belongs_to_a_phase(size_result):
    for run in _runs(size_result):
        for name, _, _ in run["prefect_runs"]["tasks"]:
            assert task_phase(name) in PHASES, f"task run {name!r} is in no phase of the breakdown"


def test_the_batch_phase_is_found(size_result):
    full = _runs(size_result)[0]
    line = timeline(
        full["prefect_runs"]["flow"], full["prefect_runs"]["tasks"], full["started_epoch"], full["ended_epoch"]
    )
    assert line["batch_tasks"] >= 1
    assert line["batches"] > 0 and "plan" in line and "finalize" in line


@pytest.mark.parametrize("kind", [0, 1], ids=["full", "incremental"])
def test_the_segments_tile_the_wall_time(size_result, kind):
    run = _runs(size_result)[kind]
    line = timeline(run["prefect_runs"]["flow"], run["prefect_runs"]["tasks"], run["started_epoch"], run["ended_epoch"])
    missing = [k for k in TILES if k not in line]
    assert not missing, f"segments missing from the breakdown: {missing}"
    total, wall = sum(line[k] for k in TILES), run["ended_epoch"] - run["started_epoch"]
    assert 0.95 * wall <= total <= wall + 0.01  # only the flow's start before its first task is not a segment


def test_retime_reproduces_the_recorded_breakdown(size_result):
    for run in _runs(size_result):
        again = copy.deepcopy(run)
        again["timeline"], again["stage_wall"] = {}, {}
        retime(again)
        assert again["timeline"] == run["timeline"] and again["stage_wall"] == run["stage_wall"]


def test_the_old_run_names_still_count_as_batches():
    assert task_phase("batch-0007") == "batch"
    assert task_phase("batches-0-3") == task_phase("link-unchanged-batches") == "batch"
    assert task_phase("validate-8f2") == "validate" and task_phase("something-else-1a2") == "something-else"
    assert {phase for _, phase in TASK_PHASES} == PHASES


def test_aggregate_and_summary_of_the_measurement(size_result):
    agg = aggregate(size_result)
    assert agg["repeats_ok"] == 1 and agg["docs"] == 50
    assert agg["timeline"]["batches"]["median"] > 0
    assert agg["incremental_timeline"]["batches"]["median"] is not None
    assert agg["stage_seconds"]["validate"]["median"] > 0
    doc = {"config": {"min_bytes": 3000, "max_bytes": 8000}, "results": [copy.deepcopy(size_result)]}
    summarize(doc)
    assert doc["results"][0]["aggregate"]["timeline"] == agg["timeline"]
    assert isinstance(doc["targets"], list) and doc["linearity"] == []


@given(st.lists(st.one_of(st.none(), st.floats(0, 1e6)), max_size=20))
def test_stats_ignore_unknown_values(values):
    known = [v for v in values if v is not None]
    summary = stats(values)
    if not known:
        assert summary is None and med(values) is None
    else:
        assert summary["min"] <= summary["median"] <= summary["max"]
        assert med(values) == summary["median"]


def test_ratio_of_unknowns_is_unknown():
    assert ratio(None, 2.0) is None and ratio(1.0, None) is None and ratio(3.0, 2.0) == 1.5
