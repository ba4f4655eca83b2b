"""The run summary: one screen for people, one JSON document for machines."""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nato_briefs.batch import BatchResult
    from nato_briefs.stage import RunValidation


@dataclass
class RunSummary:
    """The figures of one run, as the CLI prints them and the manifest and Prefect artifacts keep them."""

    run_id: str
    raw_dir: str
    out_dir: str
    mode: str  # full | incremental
    published: bool = False
    files_found: int = 0
    files_read: int = 0  # read and hashed; the others kept their stat signature
    files_parsed: int = 0
    files_reused: int = 0
    batches: int = 0
    batches_reused: int = 0
    records: dict[str, int] = field(default_factory=dict)
    quarantine_by_reason: dict[str, int] = field(default_factory=dict)
    unmapped_tables: int = 0
    suspect_lines: int = 0  # look like list items, table rows or HTML but were read as prose
    suspect_documents: int = 0
    themes_unassigned_share: dict[str, float] = field(default_factory=dict)
    validation: str = "not run"
    validation_warnings: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    bytes_read: int = 0
    failed_batches: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # damaged state found and repaired, one line each
    error: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    def add_results(self, results: list[BatchResult], report: RunValidation) -> None:
        """Figures of the staged version: counts from the parts written or verified, never the manifest's."""
        self.files_read = sum(r.n_read for r in results)
        self.files_parsed = sum(r.n_parsed for r in results)
        self.files_reused = sum(r.n_reused for r in results)
        self.batches_reused = sum(r.reused_whole_batch for r in results)
        self.failed_batches = [r.failure for r in results if r.failure]
        documents = [r.stats.get("documents", {}) for r in results]  # reused parts included
        self.unmapped_tables = sum(d.get("unmapped_tables", 0) for d in documents)
        self.suspect_lines = sum(d.get("suspect_lines", 0) for d in documents)
        self.suspect_documents = sum(d.get("suspect_documents", 0) for d in documents)
        self.bytes_read = sum(r.bytes_read for r in results)
        stage: dict[str, float] = {}
        for r in results:
            for k, v in r.seconds.items():
                stage[k] = stage.get(k, 0.0) + v
        self.stage_seconds = {k: round(v, 3) for k, v in stage.items()}
        self.records = report.counts
        self.quarantine_by_reason = report.quarantine_by_reason
        self.themes_unassigned_share = report.themes_unassigned_share
        self.validation = report.status
        self.validation_warnings = report.n_warnings

    def history_record(self) -> dict:
        """The line of OUT/_runs.jsonl: the report's time axis."""
        return {
            "run_id": self.run_id,
            "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "mode": self.mode,
            "files_found": self.files_found,
            "files_parsed": self.files_parsed,
            "files_reused": self.files_reused,
            "documents": self.records.get("documents", 0),
            "quarantined": self.records.get("quarantine", 0),
            "validation": self.validation,
            "seconds": round(self.seconds, 2),
        }

    def to_text(self) -> str:
        status = "PUBLISHED" if self.published else "NOT PUBLISHED (previous outputs untouched)"
        lines = [
            f"nato-briefs run {self.run_id}: {status}",
            f"  raw {self.raw_dir} -> out {self.out_dir}  ({self.mode} run, {self.seconds:.1f} s)",
            f"  files: {self.files_found} found, {self.files_read} read, {self.files_parsed} parsed, "
            f"{self.files_reused} unchanged "
            f"(reused), {sum(self.quarantine_by_reason.values())} quarantined; "
            f"{self.batches} batches ({self.batches_reused} reused whole)",
            "  records: " + ", ".join(f"{k} {v:,}" for k, v in self.records.items()),
            f"  tables not mapped to priorities: {self.unmapped_tables}",
        ]
        if self.suspect_lines:
            lines.append(
                f"  {self.suspect_lines} lines in {self.suspect_documents} documents look like list items, table rows "
                "or HTML but were read as prose; see documents.n_suspect_lines"
            )
        if self.themes_unassigned_share:
            lines.append("  no theme: " + ", ".join(f"{k} {v:.0%}" for k, v in self.themes_unassigned_share.items()))
        if self.quarantine_by_reason:
            lines.append("  quarantine: " + ", ".join(f"{k} {v}" for k, v in self.quarantine_by_reason.items()))
        lines.append(
            f"  validation: {self.validation}"
            + (f" ({self.validation_warnings} warnings)" if self.validation_warnings else "")
        )
        if self.stage_seconds:
            lines.append(
                "  stage time (s summed over workers; parse and normalize in CPU s): "
                + ", ".join(f"{k} {v:.2f}" for k, v in self.stage_seconds.items())
            )
        if self.failed_batches:
            lines.append("  failed batches (files quarantined): " + "; ".join(self.failed_batches))
        lines += [f"  warning: {w}" for w in self.warnings]
        if self.error:
            lines.append(f"  error: {self.error}")
        return "\n".join(lines)

    def to_markdown(self) -> str:
        rows = "\n".join(f"| {k} | {v:,} |" for k, v in self.records.items())
        quarantine = "\n".join(f"| {k} | {v} |" for k, v in self.quarantine_by_reason.items()) or "| none | 0 |"
        return (
            f"# nato-briefs run `{self.run_id}`\n\n"
            f"**{'Published' if self.published else 'Not published'}** - {self.mode} run in {self.seconds:.1f} s; "
            f"{self.files_found} files found, {self.files_parsed} parsed, {self.files_reused} reused.\n\n"
            f"Validation: **{self.validation}**\n\n| dataset | rows |\n|---|---|\n{rows}\n\n"
            f"| quarantine reason | files/records |\n|---|---|\n{quarantine}\n"
        )


class PipelineFailed(RuntimeError):
    """The run published nothing; the previous outputs are untouched (exit status 1)."""

    def __init__(self, message: str, summary: RunSummary) -> None:
        super().__init__(message)
        self.summary = summary


class OneLineFailures(logging.Filter):
    """Drop the traceback Prefect logs for a flow that stopped on purpose (``logger.exception`` in its engine).

    A refusal (mass loss, failed validation, a held lock, an unsafe output path) is
    reported by the CLI in one ``error:`` line; the traceback of the ``raise`` that
    ends the flow run says nothing more and buried that line. The record is kept
    (its message names the refusal) and the flow run still ends Failed.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info:
            from nato_briefs.outroot import LockHeldError, UnsafeOutputError

            if isinstance(record.exc_info[1], (PipelineFailed, LockHeldError, UnsafeOutputError)):
                record.exc_info = None
                record.exc_text = None
        return True
