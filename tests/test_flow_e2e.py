"""The real flow, on the embedded Prefect API, over temp folders; Parquet read back."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from flows.cli import main
from nato_briefs.schema import DATASETS, SCHEMA_VERSION

pytestmark = pytest.mark.usefixtures("prefect_harness")

DOC_004 = "004_664f1cef579698de.txt"
DOC_000 = "000_cd744a2011959f1e.txt"


def run(raw, out, *extra) -> int:
    return main(["run", "--raw", str(raw), "--out", str(out), "--workers", "1", "--no-report", *extra])


def read(out, name) -> pd.DataFrame:
    return pd.read_parquet(out / name)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    import shutil

    from tests.conftest import RAW

    base = tmp_path_factory.mktemp("e2e")
    shutil.copytree(RAW, base / "raw")
    assert run(base / "raw", base / "out") == 0
    return base / "out"


def test_every_dataset_published_with_schema_and_version(published):
    for name, schema in DATASETS.items():
        table = ds.dataset(published / name, format="parquet").to_table()
        assert table.schema.remove_metadata().equals(schema.remove_metadata()), name
        for fragment in (published / name).glob("*.parquet"):
            meta = pq.read_schema(fragment).metadata
            assert meta[b"nato_briefs.schema_version"] == SCHEMA_VERSION.encode()
            assert meta[b"nato_briefs.run_id"]


def test_sample_004_records(published):
    prio = read(published, "priorities")
    prio = prio[prio.source_path == DOC_004]
    assert len(prio) == 9
    first = prio[(prio.table_index == 0) & (prio.row_index == 0)].iloc[0]
    assert (first.area, first.focus, first.outcome, first.line) == (
        "Defense Modernization",
        "Upgrading joint military equipment",
        "Improved interoperability",
        11,
    )
    t2 = prio[(prio.table_index == 2) & (prio.row_index == 0)].iloc[0]
    assert (t2.area, t2.focus, t2.outcome, t2.line) == (
        "Command & Control",
        "Integrated Systems",
        "Enhanced Decision-Making",
        34,
    )
    rows = read(published, "table_rows")
    rows = rows[rows.source_path == DOC_004]
    assert len(rows) == 9 and rows.table_index.nunique() == 3
    assert list(rows[rows.table_index == 2].iloc[0].headers) == ["Strategic Focus", "Priority Area", "Expected Outcome"]
    items = read(published, "list_items")
    assert len(items[items.source_path == DOC_004]) == 14
    init = read(published, "initiatives")
    init = init[init.source_path == DOC_004]
    assert len(init) == 14 and init.list_index.nunique() == 4
    list0 = init[init.list_index == 0]
    assert len(list0) == 3 and list0.detail.isna().all() and (list0.name == list0.text).all()
    l1 = init[(init.list_index == 1) & (init.item_index == 0)].iloc[0]
    assert (l1["name"], l1.detail, l1.line) == (
        "Joint military exercises",
        "Increasing the frequency and complexity to bolster interoperability.",
        17,
    )
    title = "NATO Deputy Secretary General Engages with U.S. Officials to Strengthen Transatlantic Ties"
    assert init[init.list_index == 0].section.unique().tolist() == [title]
    assert prio[prio.table_index == 0].section.unique().tolist() == [title]
    assert prio[prio.table_index == 2].section.unique().tolist() == [
        "Strategic Recommendations for Enhancing NATO-US Joint Operations"
    ]
    assert init[init.list_index == 3].section.unique().tolist() == [
        "Commitment to Deepening Partnership Amid Emerging Global Threats"
    ]
    sections = read(published, "sections")
    closing = sections[(sections.source_path == DOC_004) & (sections.heading == "Closing Remarks")]
    assert len(closing) == 1 and closing.iloc[0].text.startswith("The visit of NATO Deputy Secretary General")
    docs = read(published, "documents").set_index("source_path")
    assert docs.loc[DOC_004, "title"] == title
    assert (docs.loc[DOC_004, "n_tables"], docs.loc[DOC_004, "n_list_items"]) == (3, 14)


def test_sample_000_records(published):
    docs = read(published, "documents").set_index("source_path")
    assert docs.loc[DOC_000, "title"] == "NATO Leadership Meeting: Responding to Global Security Challenges"
    sections = read(published, "sections")
    sections = sections[sections.source_path == DOC_000]
    assert len(sections) == 1 and len(sections.iloc[0].text) > 2500
    for name in ("table_rows", "list_items", "priorities", "initiatives"):
        frame = read(published, name)
        assert (frame.source_path == DOC_000).sum() == 0


def test_rerun_is_identical_and_parses_nothing(published, tmp_path, capsys):
    before = {name: read(published, name) for name in DATASETS}
    raw = published.parent / "raw"
    assert run(raw, published) == 0
    assert "0 parsed" in capsys.readouterr().out
    for name, frame in before.items():
        pd.testing.assert_frame_equal(read(published, name), frame, obj=name)
    history = [json.loads(line) for line in (published / "_runs.jsonl").read_text().splitlines()]
    assert [(h["mode"], h["files_parsed"], h["files_reused"]) for h in history[-2:]] == [
        ("full", 2, 0),
        ("incremental", 0, 2),
    ]


def test_missing_raw_dir_is_a_usage_error(tmp_path):
    assert run(tmp_path / "nope", tmp_path / "out") == 2
