"""Whole-run steps on the staged version: validation groups and merged reports."""

from __future__ import annotations

import pyarrow as pa
import pytest

from nato_briefs.batch import BatchResult
from nato_briefs.schema import DATASETS
from nato_briefs.stage import mark_quarantined_documents, validation_groups
from nato_briefs.validation import merge_reports, validate_tables
from tests.test_validate import make_tables, with_rows


def _result(index, n_docs, reused=False):
    return BatchResult(index, inputs=[(f"{index}-{i}", "x") for i in range(n_docs)], reused_whole_batch=reused)


def test_validation_groups_skip_reused_batches_and_bound_documents():
    results = [_result(0, 5), _result(1, 5, reused=True), _result(2, 4), _result(3, 3), _result(4, 9)]
    groups = validation_groups(results, max_docs=8)
    assert [[r.index for r in g] for g in groups] == [[0], [2, 3], [4]]
    assert validation_groups([_result(0, 3, reused=True)], 10) == []


@pytest.mark.slow
def test_merged_report_of_slices_adds_up():
    tables = make_tables()
    good = validate_tables(tables)
    bad = validate_tables(with_rows(tables, "initiatives", lambda rows: rows[0].update(name="")))
    merged = merge_reports([good, bad])
    assert not merged.passed and good.passed
    assert merged.row_counts["initiatives"] == 2 * tables["initiatives"].num_rows
    failure = next(o for o in merged.failures if "name" in o.columns)
    assert failure.unexpected_count == 1 and failure.examples
    assert merge_reports([good]) is good and merge_reports([]).passed


def test_mark_quarantined_documents():
    docs = make_tables()["documents"]
    quarantine = pa.table(
        {
            "source_path": ["x"],
            "doc_id": [docs["doc_id"][0].as_py()],
            "stage": ["validate"],
            "reason": ["r"],
            "reason_code": ["c"],
            "record": ["initiatives[0,0]"],
        },
        schema=DATASETS["quarantine"],
    )
    marked = mark_quarantined_documents(docs, quarantine)["validation_status"].to_pylist()
    assert marked[0] == "records_quarantined" and set(marked[1:]) <= {"passed"}
