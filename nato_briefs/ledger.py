"""The run's ledger: what one run knows between the flow's steps, Prefect-free.

The flow (``flows/pipeline.py``) decides how each step runs; the figures, the
decisions (where the run starts, whether it may publish) and the records it
leaves (manifest, run history) are kept here, on top of the planner.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from nato_briefs import __version__
from nato_briefs.batch import BatchPlan, BatchResult, quarantine_failed_batch
from nato_briefs.config import Settings
from nato_briefs.ingest import Rejection, SourceFile
from nato_briefs.planner import (
    RunPlan,
    StartingPoint,
    config_fingerprint,
    plan_run,
    shrink_refusal,
    stage_manifest,
    starting_point,
)
from nato_briefs.publish import OutputRoot, append_run_history, clean_stale_staging
from nato_briefs.summary import PipelineFailed, RunSummary

if TYPE_CHECKING:
    from nato_briefs.stage import RunValidation

Log = logging.Logger | logging.LoggerAdapter


def new_run_id() -> str:
    """UTC time first, so run ids (and the version folders named after them) sort by start time."""
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + uuid.uuid4().hex[:8]


@dataclass
class RunLedger:
    """What one run knows between the flow's steps: its ids, where it starts, its summary.

    The flow decides how the steps run (tasks, retries, runners, artifacts) and
    hands in its logger; every figure and decision is kept here, Prefect-free.
    """

    root: OutputRoot
    settings: Settings
    summary: RunSummary
    metadata: dict[str, str]  # written into every part: run_id, flow_run_id, code_version
    started: float = field(default_factory=time.perf_counter)
    fingerprint: str = ""
    start: StartingPoint = field(default_factory=lambda: StartingPoint(None, 0))

    @classmethod
    def open(cls, raw_dir: str, out_dir: str, settings: Settings, allow_shrink: bool, flow_run_id: str) -> RunLedger:
        """A new run; ``allow_shrink`` lifts the mass-loss guard. No raw folder: PipelineFailed."""
        started = time.perf_counter()
        root = OutputRoot.open(out_dir)
        run_id = new_run_id()
        summary = RunSummary(run_id, str(raw_dir), str(out_dir), "full")
        if not Path(raw_dir).is_dir():
            raise PipelineFailed(f"raw folder {raw_dir} does not exist", summary)
        settings = replace(settings, max_shrink_share=1.0) if allow_shrink else settings
        metadata = {"run_id": run_id, "flow_run_id": flow_run_id, "code_version": __version__}
        return cls(root, settings, summary, metadata, started)

    @property
    def staging(self) -> str:
        return self.root.staging_dir(self.summary.run_id)

    def sweep(self, log: Log) -> None:
        """Remove what crashed runs left behind (under the writer lock)."""
        stale = clean_stale_staging(self.root)
        if stale:
            log.info("removed %d stale staging/version folder(s) left by earlier runs", len(stale))

    def plan(self, files: list[SourceFile], rejected: list[Rejection], full_refresh: bool, log: Log) -> RunPlan:
        """Where the run starts (the verified published version, or nothing) and its batches."""
        self.summary.files_found = len(files) + len(rejected)
        found = (len(files), self.summary.raw_dir, len(rejected))
        log.info("found %d input files under %s (%d rejected before reading)", *found)
        self.fingerprint = config_fingerprint(self.settings)
        self.start = starting_point(self.root, self.fingerprint, full_refresh, self.settings.verify)
        for note in self.start.notes:
            log.info("%s", note)
        for warning in self.start.warnings:
            log.warning("%s", warning)
        self.summary.warnings += self.start.warnings
        self.summary.mode = "incremental" if self.start.state else "full"
        plan = plan_run(files, rejected, self.settings, self.start.state)
        self.summary.batches = len(plan.batches)
        return plan

    def collect(
        self, group: list[BatchPlan], done: list[BatchResult] | None, error: str, log: Log
    ) -> list[BatchResult]:
        """A task's batches (``done``), or, when it failed after its retries (None), its files quarantined
        with ``error``: the other batches are still published."""
        if done is None:
            done = [
                quarantine_failed_batch(plan, error, self.settings, self.root, self.staging, self.metadata)
                for plan in group
            ]
            span = f"{group[0].index}-{group[-1].index}"
            log.error("batches %s failed after retries (%s); their files are quarantined", span, error)
        for plan, result in zip(group, done, strict=True):
            counts = (len(plan.files), result.n_parsed, result.n_reused, len(result.rejections))
            log.info("batch %d: %d files, %d parsed, %d reused, %d rejected", plan.index, *counts)
        return done

    def refusal(self, results: list[BatchResult], report: RunValidation) -> str | None:
        """The staged version's figures into the summary; why it must not be published (its staging then
        removed), or None."""
        self.summary.add_results(results, report)
        previous = self.start.state
        self.summary.stage_seconds["check_reuse"] = round(previous.seconds, 3) if previous else 0.0
        documents = self.summary.records.get("documents", 0)
        refusal = shrink_refusal(self.start.documents, documents, self.settings.max_shrink_share)
        if report.passed and not refusal:
            return None
        self.root.fs.rm(self.staging, recursive=True)
        self.clock()
        return refusal or "validation failed: nothing published\n" + report.to_text()

    def manifest(self, results: list[BatchResult], report: RunValidation) -> dict:
        """The new version's manifest, with this run's summary in it (see :func:`stage_manifest`)."""
        summary = self.summary
        extra = {"flow_run_id": self.metadata["flow_run_id"], "code_version": __version__, "raw_dir": summary.raw_dir}
        extra |= {"validation": report.status, "summary": summary.to_dict()}
        return stage_manifest(
            self.root, self.staging, summary.run_id, self.fingerprint, results, self.start.state, summary.records, extra
        )

    def published(self) -> None:
        """The version is live: the run goes into the run history."""
        self.summary.published = True
        append_run_history(self.root, self.clock().history_record())

    def clock(self) -> RunSummary:
        """The summary, with the seconds since the run started."""
        self.summary.seconds = time.perf_counter() - self.started
        return self.summary
