"""The run summary's figures come from the parts of the staged version, reused ones included."""

from __future__ import annotations

import pyarrow as pa

from nato_briefs.batch import BatchResult, part_stats
from nato_briefs.stage import RunValidation
from nato_briefs.summary import RunSummary
from nato_briefs.validation.results import ValidationReport


def _documents(suspect: list[int], unmapped: list[int]) -> pa.Table:
    return pa.table(
        {"n_suspect_lines": pa.array(suspect, pa.int32()), "n_unmapped_tables": pa.array(unmapped, pa.int32())}
    )


def test_documents_part_stats_count_suspect_lines_and_unmapped_tables():
    stats = part_stats("documents", _documents([0, 3, 1, 0], [1, 0, 0, 2]))
    assert stats == {"unmapped_tables": 3, "suspect_lines": 4, "suspect_documents": 2}
    assert part_stats("documents", _documents([], [])) == {
        "unmapped_tables": 0,
        "suspect_lines": 0,
        "suspect_documents": 0,
    }


def test_summary_counts_batches_reused_whole_as_well_as_parsed_ones():
    parsed = BatchResult(0, stats={"documents": part_stats("documents", _documents([2], [0]))})
    # Linked unchanged from the previous version: nothing parsed, its stats travel with its parts.
    reused = BatchResult(
        1,
        reused_whole_batch=True,
        stats={"documents": {"suspect_lines": 5, "suspect_documents": 2, "unmapped_tables": 1}},
    )
    summary = RunSummary("r", "raw", "out", "incremental")
    summary.add_results([parsed, reused], RunValidation(ValidationReport([])))
    assert (summary.suspect_lines, summary.suspect_documents, summary.unmapped_tables) == (7, 3, 1)
    assert "7 lines in 3 documents" in summary.to_text()
