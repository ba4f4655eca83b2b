"""Operations on the staged version, between the batches and the publish step.

The staged version is a set of part files, one per batch and dataset, whose
order is the contract's order (source_path, then index). Whole-run decisions
that no single batch can take are made here: duplicate files across batches,
and validation with record-level quarantine.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from flows.batch import BatchResult, part_name, rejections_table
from flows.ingest import Rejection
from flows.publish import OutputRoot, read_parquet_dir, write_parquet
from flows.schema import DATASETS
from flows.validate import ValidationReport, quarantine_failed_records, validate_tables, write_html_report

# Free-text columns the suites only check for type and nulls. Validation reads them
# as "" (nulls kept), so a 100k-article corpus does not hold its prose in memory twice.
SLIM_COLUMNS = {"sections": ("text",), "list_items": ("text",), "initiatives": ("text",)}


def load_staged(root: OutputRoot, staging: str, slim: bool = False) -> dict[str, pa.Table]:
    tables = {}
    for name in DATASETS:
        columns = SLIM_COLUMNS.get(name, ()) if slim else ()
        tables[name] = read_parquet_dir(root, root.sub(staging, name), name, placeholders=columns)
    return tables


def rewrite_staged(
    root: OutputRoot, staging: str, results: list[BatchResult], name: str, table: pa.Table, metadata: dict[str, str]
) -> None:
    """Rewrite one dataset's parts from a whole (sorted) table, split at the batch boundaries."""
    starts = [r.start for r in results]
    paths = np.asarray(table["source_path"].to_pylist(), dtype=object)
    cuts = [int(np.searchsorted(paths, s, side="left")) for s in starts[1:]] if len(paths) else []
    bounds = [0, *cuts, len(paths)]
    for r, lo, hi in zip(results, bounds[:-1], bounds[1:], strict=False):
        path = root.sub(staging, name, part_name(r.index))
        write_parquet(table.slice(lo, hi - lo), root, path, {**metadata, "dataset": name})
        r.counts[name] = hi - lo
        r.reusable = False


def finalize_duplicates(root: OutputRoot, staging: str, results: list[BatchResult], metadata: dict[str, str]) -> int:
    """Identical files (same doc_id) at several paths: keep the first path, quarantine the others.

    doc_id is the content hash, so keeping both would publish the same keys
    twice. Rare, so the affected datasets are rewritten whole.
    """
    first_path: dict[str, str] = {}
    duplicates: dict[str, str] = {}
    for r in results:
        for path, doc_id in r.inputs:
            if doc_id in first_path:
                duplicates[path] = first_path[doc_id]
            else:
                first_path[doc_id] = path
    if not duplicates:
        return 0
    tables = load_staged(root, staging)
    drop = pa.array(sorted(duplicates))
    extra = [
        Rejection(path, doc_id, "ingest", "duplicate", f"same bytes as {duplicates[path]}; kept there")
        for r in results
        for path, doc_id in r.inputs
        if path in duplicates
    ]
    for name, table in tables.items():
        kept = table.filter(pc.invert(pc.is_in(table["source_path"], value_set=drop)))
        if name == "quarantine":
            kept = pa.concat_tables([kept, rejections_table(extra)]).sort_by(
                [("source_path", "ascending"), ("stage", "ascending"), ("reason_code", "ascending")]
            )
        rewrite_staged(root, staging, results, name, kept, metadata)
    for r in results:
        r.inputs = [(p, d) for p, d in r.inputs if p not in duplicates]
    return len(duplicates)


def mark_quarantined_documents(documents: pa.Table, quarantine: pa.Table) -> pa.Table:
    """validation_status = records_quarantined for documents that lost records to validation."""
    from_validation = quarantine.filter(pc.equal(quarantine["stage"], "validate"))
    affected = pc.is_in(documents["doc_id"], value_set=pc.unique(from_validation["doc_id"].drop_null()))
    status = pc.if_else(affected, "records_quarantined", documents["validation_status"])
    index = documents.schema.get_field_index("validation_status")
    return documents.set_column(index, documents.schema.field(index), status)


@dataclass
class RunValidation:
    """What the flow needs to know of validation, plus the GX report itself."""

    report: ValidationReport
    counts: dict[str, int] = field(default_factory=dict)
    quarantine_by_reason: dict[str, int] = field(default_factory=dict)
    themes_unassigned_share: dict[str, float] = field(default_factory=dict)
    n_quarantined_records: int = 0

    @property
    def passed(self) -> bool:
        return self.report.passed

    @property
    def status(self) -> str:
        if not self.report.passed:
            return "failed"
        return "passed with warnings" if self.n_warnings else "passed"

    @property
    def n_warnings(self) -> int:
        return sum(s.failed_warnings for s in self.report.suites)

    def to_text(self) -> str:
        return self.report.to_text()

    def to_table_rows(self) -> list[dict]:
        return self.report.to_table_rows()


def apply_validation(
    root: OutputRoot, staging: str, results: list[BatchResult], metadata: dict[str, str]
) -> RunValidation:
    """Validate the staged datasets; quarantine bad records when that is enough to pass."""
    tables = load_staged(root, staging, slim=True)
    report = validate_tables(tables)
    n_quarantined = 0
    if not report.passed:
        full = load_staged(root, staging)  # rare path: the rewritten datasets need their prose
        clean, quarantine = quarantine_failed_records(full, report)
        n_quarantined = quarantine.num_rows - full["quarantine"].num_rows
        if n_quarantined > 0:
            clean["quarantine"] = quarantine
            clean["documents"] = mark_quarantined_documents(clean["documents"], quarantine)
            retry = validate_tables(clean)
            if retry.passed:
                for name, table in clean.items():
                    if table.num_rows != full[name].num_rows or not table.equals(full[name]):
                        rewrite_staged(root, staging, results, name, table, metadata)
                tables, report = clean, retry
    outcome = RunValidation(report, n_quarantined_records=max(0, n_quarantined))
    outcome.counts = {name: t.num_rows for name, t in tables.items()}
    outcome.quarantine_by_reason = dict(sorted(Counter(tables["quarantine"]["reason_code"].to_pylist()).items()))
    for name in ("priorities", "initiatives"):
        n = tables[name].num_rows
        if n:
            outcome.themes_unassigned_share[name] = tables[name]["theme"].null_count / n
    validation_dir = root.sub(staging, "validation")
    root.fs.makedirs(validation_dir, exist_ok=True)
    if root.local:
        write_html_report(report, root.sub(validation_dir, "index.html"))
    with root.fs.open(root.sub(validation_dir, "report.json"), "wb") as handle:
        handle.write(json.dumps(report.to_dict(), indent=1, default=str).encode("utf-8"))
    return outcome
