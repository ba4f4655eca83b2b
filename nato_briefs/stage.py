"""Operations on the staged version, between the batches and the publish step.

The staged version is a set of part files, one per batch and dataset, whose
order is the contract's order (source_path, then index). Whole-run decisions
that no single batch can take are made here: duplicate files across batches,
and validation with record-level quarantine.
"""

from __future__ import annotations

import gc
import json
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from nato_briefs.batch import BatchResult, part_name, part_stats, rejections_table, release_memory
from nato_briefs.ingest import Rejection
from nato_briefs.publish import OutputRoot, read_parquet_files, write_parquet
from nato_briefs.schema import DATASETS, sort_rows
from nato_briefs.validation import (
    ValidationReport,
    Validator,
    merge_reports,
    quarantine_failed_records,
    write_html_report,
)
from nato_briefs.vocab import DocumentStatus, ReasonCode, Stage

# Free-text columns the suites only check for type and nulls. Validation reads them
# as "" (nulls kept), so a 100k-article corpus does not hold its prose in memory twice.
SLIM_COLUMNS = {"sections": ("text",), "list_items": ("text",), "initiatives": ("text",)}


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
        part = table.slice(lo, hi - lo)
        write_parquet(part, root, path, {**metadata, "dataset": name})
        r.counts[name] = hi - lo
        r.stats[name] = part_stats(name, part)
        r.reusable = False


def finalize_duplicates(root: OutputRoot, staging: str, results: list[BatchResult], metadata: dict[str, str]) -> int:
    """Identical files (same doc_id) at several paths: keep the first path, quarantine the others.

    doc_id is the content hash, so keeping both would publish the same keys
    twice. Rare, so the batches holding a duplicate are simply rewritten.
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
    affected = [r for r in results if any(path in duplicates for path, _ in r.inputs)]
    drop = pa.array(sorted(duplicates))
    extra = [
        Rejection(path, doc_id, Stage.INGEST, ReasonCode.DUPLICATE, f"same bytes as {duplicates[path]}; kept there")
        for r in affected
        for path, doc_id in r.inputs
        if path in duplicates
    ]
    for name, table in load_batches(root, staging, affected, slim=False).items():
        kept = table.filter(pc.invert(pc.is_in(table["source_path"], value_set=drop)))
        if name == "quarantine":
            kept = sort_rows("quarantine", pa.concat_tables([kept, rejections_table(extra)]))
        rewrite_staged(root, staging, affected, name, kept, metadata)
    for r in affected:
        r.inputs = [(p, d) for p, d in r.inputs if p not in duplicates]
    return len(duplicates)


def mark_quarantined_documents(documents: pa.Table, quarantine: pa.Table) -> pa.Table:
    """validation_status = records_quarantined for documents that lost records to validation."""
    from_validation = quarantine.filter(pc.equal(quarantine["stage"], Stage.VALIDATE.value))
    affected = pc.is_in(documents["doc_id"], value_set=pc.unique(from_validation["doc_id"].drop_null()))
    status = pc.if_else(affected, DocumentStatus.RECORDS_QUARANTINED.value, documents["validation_status"])
    index = documents.schema.get_field_index("validation_status")
    return documents.set_column(index, documents.schema.field(index), status)


@dataclass
class RunValidation:
    """What the flow needs to know of validation, plus the GX report itself."""

    report: ValidationReport
    reused_batches: int = 0  # validated when first published, not again
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
        if not self.report.suites:
            return f"passed (nothing new: {self.reused_batches} batches reused, validated when first published)"
        return "passed with warnings" if self.n_warnings else "passed"

    @property
    def n_warnings(self) -> int:
        return sum(s.failed_warnings for s in self.report.suites)

    def to_text(self) -> str:
        return self.report.to_text()

    def to_table_rows(self) -> list[dict]:
        return self.report.to_table_rows()


def validation_groups(results: list[BatchResult], max_docs: int) -> list[list[BatchResult]]:
    """Consecutive batches to validate together: at most ``max_docs`` documents per group.

    Batches reused whole from the previous version were validated when they were
    published and are skipped. All record-level checks are per document, and
    duplicates across batches are settled before (finalize_duplicates), so
    validating group by group is as strict as validating everything at once.
    """
    groups: list[list[BatchResult]] = []
    size = 0
    for result in results:
        if result.reused_whole_batch:
            continue
        if not groups or size + len(result.inputs) > max_docs:
            groups.append([])
            size = 0
        groups[-1].append(result)
        size += len(result.inputs)
    return groups


def load_batches(root: OutputRoot, staging: str, group: list[BatchResult], slim: bool) -> dict[str, pa.Table]:
    tables = {}
    for name in DATASETS:
        parts = [root.sub(staging, name, part_name(r.index)) for r in group]
        columns = SLIM_COLUMNS.get(name, ()) if slim else ()
        tables[name] = read_parquet_files(root, parts, name, placeholders=columns)
    return tables


@dataclass
class GroupValidation:
    """One validation group's outcome. ``results`` are the group's batches as validation left them: a
    quarantine rewrites their parts, counts and stats, and in a pool worker these are copies the flow
    must take back (``adopt_validated``)."""

    report: ValidationReport
    n_quarantined: int
    results: list[BatchResult]


def validate_group(
    root: OutputRoot,
    staging: str,
    group: list[BatchResult],
    metadata: dict[str, str],
    validator: Validator | None = None,
) -> GroupValidation:
    """Validate one group; quarantine bad records when that is enough to pass.

    Groups share nothing (record checks are per document, duplicates are settled before), so a run can
    validate them one after the other or side by side in a pool; ``validator`` saves re-reading the suites.
    """
    report, n = _validate_group(validator or Validator(), root, staging, group, metadata)
    # A GX pass leaves reference cycles that hold its frames' Arrow buffers (~170 MB per 20k
    # documents): without a collection each group added its own, 2.5 GB at 100k articles.
    gc.collect()
    release_memory()
    return GroupValidation(report, n, group)


def _validate_group(
    validator: Validator, root: OutputRoot, staging: str, group: list[BatchResult], metadata: dict[str, str]
) -> tuple[ValidationReport, int]:
    """(report, n quarantined): the group validated, and validated again after its bad records went to
    quarantine when that is enough to pass; the rewritten parts staged."""
    report = validator.validate(load_batches(root, staging, group, slim=True))
    if report.passed:
        return report, 0
    full = load_batches(root, staging, group, slim=False)  # rare path: rewritten datasets need their prose
    clean, quarantine = quarantine_failed_records(full, report)
    n_quarantined = quarantine.num_rows - full["quarantine"].num_rows
    if n_quarantined <= 0:
        return report, 0
    clean["quarantine"] = quarantine
    clean["documents"] = mark_quarantined_documents(clean["documents"], quarantine)
    retry = validator.validate(clean)
    if not retry.passed:
        return retry, 0
    for name, table in clean.items():
        if table.num_rows != full[name].num_rows or not table.equals(full[name]):
            rewrite_staged(root, staging, group, name, table, metadata)
    return retry, n_quarantined


def apply_validation(
    root: OutputRoot,
    staging: str,
    results: list[BatchResult],
    groups: list[list[BatchResult]],
    metadata: dict[str, str],
) -> RunValidation:
    """Validate ``groups`` (``validation_groups`` of ``results``) one after the other in this process, then sum
    up the whole staged version.

    Every group is validated, also after one fails, as a pool validates them: the report names every failure.
    """
    validator = Validator() if groups else None  # the run's suites, read once
    done = [validate_group(root, staging, group, metadata, validator) for group in groups]
    return summarize_validation(root, staging, results, done)


def adopt_validated(results: list[BatchResult], done: list[GroupValidation]) -> list[BatchResult]:
    """``results`` with each validated batch replaced by validation's copy (the same object in-process)."""
    validated = {r.index: r for group in done for r in group.results}
    return [validated.get(r.index, r) for r in results]


def summarize_validation(
    root: OutputRoot, staging: str, results: list[BatchResult], done: list[GroupValidation]
) -> RunValidation:
    """The run's validation from its groups' (in group order), written beside the staged version.

    ``results``: every batch of the run, validated ones as ``adopt_validated`` returns them.
    """
    outcome = RunValidation(
        merge_reports([g.report for g in done]), n_quarantined_records=sum(g.n_quarantined for g in done)
    )
    outcome.reused_batches = sum(r.reused_whole_batch for r in results)
    outcome.counts = {name: sum(r.counts.get(name, 0) for r in results) for name in DATASETS}
    reasons: Counter[str] = Counter()
    for r in results:
        reasons.update(r.stats.get("quarantine", {}))
    outcome.quarantine_by_reason = dict(sorted(reasons.items()))
    for name in ("priorities", "initiatives"):
        if outcome.counts[name]:
            nulls = sum(r.stats.get(name, {}).get("theme_null", 0) for r in results)
            outcome.themes_unassigned_share[name] = nulls / outcome.counts[name]
    _write_reports(root, root.sub(staging, "validation"), outcome)
    return outcome


def _write_reports(root: OutputRoot, validation_dir: str, outcome: RunValidation) -> None:
    root.fs.makedirs(validation_dir, exist_ok=True)
    payload = {**outcome.report.to_dict(), "reused_batches": outcome.reused_batches}
    if root.local:
        write_html_report(outcome.report, root.sub(validation_dir, "index.html"))
    with root.fs.open(root.sub(validation_dir, "report.json"), "wb") as handle:
        handle.write(json.dumps(payload, indent=1, default=str).encode("utf-8"))
