"""The whole flow over the hostile corpus: every bad file quarantined with its reason, the rest published."""

from __future__ import annotations

import pandas as pd
import pytest

from flows.cli import main
from tests.hostile_corpus import HOSTILE_MAX_FILE_BYTES, build_hostile_corpus

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]


def test_hostile_corpus_publishes_good_files_and_quarantines_the_rest(tmp_path):
    raw = tmp_path / "raw"
    cases = build_hostile_corpus(raw, big=True)
    out = tmp_path / "out"
    max_mb = HOSTILE_MAX_FILE_BYTES / 1024**2
    assert main(["run", "--raw", str(raw), "--out", str(out), "--max-file-mb", str(max_mb), "--workers", "2"]) == 0

    documents = pd.read_parquet(out / "documents").set_index("source_path")
    quarantine = pd.read_parquet(out / "quarantine")
    by_path = quarantine.groupby("source_path").reason_code.apply(set).to_dict()
    for path, expect in cases.items():
        if expect.outcome == "ok":
            assert path in documents.index, path
            assert documents.loc[path, "encoding"] in expect.accepted_encodings, path
            if expect.title:
                assert documents.loc[path, "title"] == expect.title, path
        elif expect.outcome == "quarantine":
            assert path not in documents.index, path
            assert expect.reason_code in by_path.get(path, set()), (path, by_path.get(path))
        else:
            assert path not in documents.index and path not in by_path, path
    assert quarantine.reason.str.len().min() > 10  # every reason says something precise
    assert documents.index.is_monotonic_increasing
    # the datasets are readable and the record datasets only hold published documents
    for name in ("table_rows", "list_items", "priorities", "initiatives", "sections"):
        frame = pd.read_parquet(out / name)
        assert set(frame.source_path) <= set(documents.index), name
    assert main(["validate", "--out", str(out)]) == 0
