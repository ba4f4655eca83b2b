"""The Prefect flow: composes the core, adds retries, parallelism and artifacts.

Everything that decides *what* the data is, and what a run may reuse, lives in
the core (``nato_briefs``: ingest, parse, normalize, planner, stage, publish);
this module decides *how* it runs: which task runner, which retries, what gets
logged and shown in the Prefect UI.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import replace
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.assets import Asset, AssetProperties, add_asset_metadata, materialize
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.runtime import task_run
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from nato_briefs import __version__, planner
from nato_briefs.batch import (
    BatchPlan,
    BatchResult,
    PreviousBatch,
    PreviousInputs,
    process_batch,
    quarantine_failed_batch,
)
from nato_briefs.config import Settings
from nato_briefs.ingest import Rejection, discover
from nato_briefs.lifeline import terminate_children
from nato_briefs.outroot import dataset_urls
from nato_briefs.publish import OutputRoot, append_run_history, clean_stale_staging, crashpoint, publish, writer_lock
from nato_briefs.schema import SCHEMA_VERSION
from nato_briefs.stage import RunValidation, apply_validation, finalize_duplicates
from nato_briefs.summary import OneLineFailures, PipelineFailed, RunSummary

logging.getLogger("prefect.flow_runs").addFilter(OneLineFailures())  # the logger of Prefect's flow engine

# --------------------------------------------------------------------------- tasks


@task(name="discover", retries=2, retry_delay_seconds=exponential_backoff(1), cache_policy=NO_CACHE)
def discover_task(raw_dir: str, settings: Settings) -> tuple[list, list[Rejection]]:
    return discover(Path(raw_dir), settings.ingest)


def _batches_run_name() -> str:
    plans = task_run.parameters["plans"]
    plans = plans.unquote() if isinstance(plans, quote) else plans
    return f"batches-{plans[0].index}-{plans[-1].index}"


@task(
    name="process-batches",
    retries=2,
    retry_delay_seconds=exponential_backoff(1),
    cache_policy=NO_CACHE,
    task_run_name=lambda: _batches_run_name(),
)
def process_batches_task(
    plans: list[BatchPlan],
    settings: Settings,
    out_url: str,
    staging: str,
    run_metadata: dict[str, str],
    previous: list[tuple[list[PreviousBatch], PreviousInputs]],
) -> list[BatchResult]:
    """A few consecutive batches: one Prefect task run each would cost more than a small batch's work."""
    root = OutputRoot.open(out_url)
    return [
        process_batch(plan, settings, root, staging, run_metadata, *reuse)
        for plan, reuse in zip(plans, previous, strict=True)
    ]


# The same work under its own name: batches whose files all kept their stat signature,
# linked from the previous version without reading a file.
link_unchanged_task = process_batches_task.with_options(
    name="link-unchanged-batches", task_run_name="link-unchanged-batches"
)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(
    out_url: str, staging: str, batches: list[BatchResult], metadata: dict[str, str], chunk_docs: int
) -> RunValidation:
    return apply_validation(OutputRoot.open(out_url), staging, batches, metadata, chunk_docs)


@task(name="publish", retries=2, retry_delay_seconds=exponential_backoff(1), cache_policy=NO_CACHE)
def publish_task(out_url: str, run_id: str, manifest: dict) -> str:
    return publish(OutputRoot.open(out_url), run_id, manifest)


# --------------------------------------------------------------------------- flow


@flow(name="nato-briefs", log_prints=False, validate_parameters=False)
def nato_briefs_flow(
    raw_dir: str = "raw",
    out_dir: str = "outputs",
    full_refresh: bool = False,
    settings: Settings | None = None,
    wait_lock: float = 0.0,
    allow_shrink: bool = False,
) -> dict:
    """Ingest, parse, validate and publish every article under raw_dir to out_dir.

    ``allow_shrink``: publish even when more than ``settings.max_shrink_share`` of the documents go.
    ``settings.verify``: check the checksum of every reused part, not only its size and row count.
    """
    settings = settings or Settings()
    settings = replace(settings, **({"max_shrink_share": 1.0} if allow_shrink else {}))
    logger = get_run_logger()
    started = time.perf_counter()
    root = OutputRoot.open(out_dir)
    run_id = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + uuid.uuid4().hex[:8]
    summary = RunSummary(run_id, str(raw_dir), str(out_dir), "full")
    if not Path(raw_dir).is_dir():
        raise PipelineFailed(f"raw folder {raw_dir} does not exist", summary)
    with writer_lock(root, wait_lock):
        stale = clean_stale_staging(root)
        if stale:
            logger.info("removed %d stale staging/version folder(s) left by earlier runs", len(stale))
        files, rejected = discover_task(str(raw_dir), settings)
        summary.files_found = len(files) + len(rejected)
        logger.info("found %d input files under %s (%d rejected before reading)", len(files), raw_dir, len(rejected))
        fingerprint = planner.config_fingerprint(settings)
        start = planner.starting_point(root, fingerprint, full_refresh, settings.verify)
        for note, log in [(n, logger.info) for n in start.notes] + [(w, logger.warning) for w in start.warnings]:
            log("%s", note)
        summary.warnings += start.warnings
        previous, previous_documents = start.state, start.documents
        summary.mode = "incremental" if previous else "full"
        plan = planner.plan_run(files, rejected, settings, previous)
        summary.batches = len(plan.batches)
        staging = root.staging_dir(run_id)
        flow_run_id = str(get_run_context().flow_run.id)
        metadata = {"run_id": run_id, "flow_run_id": flow_run_id, "code_version": __version__}
        results = _run_batches(plan, settings, root, staging, metadata)
        crashpoint("after_batches")
        finalize_duplicates(root, staging, results, metadata)
        report = validate_task(root.url, staging, quote(results), metadata, settings.validation_chunk_docs)
        summary.add_results(results, report)
        summary.stage_seconds["check_reuse"] = round(previous.seconds, 3) if previous else 0.0
        documents = summary.records.get("documents", 0)
        refusal = planner.shrink_refusal(previous_documents, documents, settings.max_shrink_share)
        if not report.passed or refusal:
            root.fs.rm(staging, recursive=True)
            summary.seconds = time.perf_counter() - started
            _artifacts(summary, report)
            raise PipelineFailed(refusal or "validation failed: nothing published\n" + report.to_text(), summary)
        extra = {"flow_run_id": flow_run_id, "code_version": __version__, "raw_dir": summary.raw_dir}
        extra |= {"validation": report.status, "summary": summary.to_dict()}
        manifest = planner.stage_manifest(root, staging, run_id, fingerprint, results, previous, summary.records, extra)
        publish_task(root.url, run_id, manifest)
        summary.published = True
        summary.seconds = time.perf_counter() - started
        append_run_history(root, summary.history_record())
        _register_assets(root, summary.records, run_id)
    summary.seconds = time.perf_counter() - started
    logger.info("published %s in %.1f s", ", ".join(f"{k} {v:,}" for k, v in summary.records.items()), summary.seconds)
    _artifacts(summary, report)
    return summary.to_dict()


def _run_batches(plan: planner.RunPlan, settings, root, staging, metadata) -> list[BatchResult]:
    """Unchanged batches linked in the flow; the others as a few tasks per worker, or in the flow when few.

    Batches stay small (worker memory, reuse granularity) while task runs stay
    few (each costs tens of ms of Prefect bookkeeping). A pool costs seconds to
    start, so a run with little to read (a daily increment) reads and parses in
    the flow's process. The pool's workers, and their memory, are gone before
    validation starts.
    """
    reuse = plan.reuse
    results: list[BatchResult] = []
    if plan.unchanged:
        results += link_unchanged_task(*_batch_args(plan.unchanged, settings, root, staging, metadata, reuse))
    groups = planner.task_groups(plan.changed, settings.workers * planner.TASKS_PER_WORKER)
    if plan.files_to_read <= settings.inline_max_files:
        states = [
            process_batches_task(*_batch_args(group, settings, root, staging, metadata, reuse), return_state=True)
            for group in groups
        ]
    else:
        runner = get_run_context().task_runner.duplicate()
        with runner:
            try:
                futures = [
                    runner.submit(
                        process_batches_task,
                        parameters=_batch_parameters(group, settings, root, staging, metadata, reuse),
                    )
                    for group in groups
                ]
                states = [_final_state(future) for future in futures]
            except BaseException:
                # SIGTERM during a flow run reaches Prefect's own handler (TerminationSignal), not the
                # CLI's: the runner's exit would wait for every running batch (28 s seen). Stop the
                # workers first; nothing of this run is published anyway.
                terminate_children()
                raise
    results += _collect(states, groups, root, staging, metadata, settings)
    return sorted(results, key=lambda r: r.index)


def _batch_args(group, settings, root, staging, metadata, reuse) -> tuple:
    """A task's arguments; quote(): Prefect need not walk 100k file records looking for futures.

    Not on Dask: prefect-dask's submission turns a quote into a plain tuple, so the task
    would receive ``(plans,)``; there the parameters go as they are.
    """
    wrap = (lambda value: value) if settings.dask_address else quote
    return (wrap(group), settings, root.url, staging, metadata, wrap([reuse[plan.index] for plan in group]))


def _batch_parameters(group, settings, root, staging, metadata, reuse) -> dict:
    names = ("plans", "settings", "out_url", "staging", "run_metadata", "previous")
    return dict(zip(names, _batch_args(group, settings, root, staging, metadata, reuse), strict=True))


def _final_state(future):
    future.wait()
    return future.state


def _collect(states, groups, root, staging, metadata, settings) -> list[BatchResult]:
    """The batches of each finished task run, or their files quarantined when the task failed."""
    logger = get_run_logger()
    results: list[BatchResult] = []
    for state, group in zip(states, groups, strict=True):
        if state.is_completed():
            batch_results = state.result()
        else:
            # The task failed after its retries: quarantine its files, publish the others.
            error = str(state.message or "task failed")
            batch_results = [quarantine_failed_batch(plan, error, settings, root, staging, metadata) for plan in group]
            span = f"{group[0].index}-{group[-1].index}"
            logger.error("batches %s failed after retries (%s); their files are quarantined", span, error)
        for plan, result in zip(group, batch_results, strict=True):
            results.append(result)
            counts = (len(plan.files), result.n_parsed, result.n_reused, len(result.rejections))
            logger.info("batch %d: %d files, %d parsed, %d reused, %d rejected", plan.index, *counts)
    return results


def _register_assets(root: OutputRoot, counts: dict[str, int], run_id: str) -> None:
    """Each published dataset as a Prefect asset (events on the OSS server: lineage in the UI)."""
    keys = dataset_urls(root, list(counts))
    if keys is None:
        get_run_logger().info("output path cannot be an asset key (spaces or special characters): assets skipped")
        return
    assets = {
        name: Asset(key=key, properties=AssetProperties(name=f"nato-briefs {name}", description=f"{name} dataset"))
        for name, key in keys.items()
    }

    @materialize(*assets.values(), by="nato-briefs")
    def record_datasets() -> None:
        for name, asset in assets.items():
            add_asset_metadata(asset, {"rows": counts[name], "run_id": run_id, "schema_version": SCHEMA_VERSION})

    try:
        record_datasets()
    except Exception:
        get_run_logger().warning("could not register assets", exc_info=True)


def _artifacts(summary: RunSummary, report) -> None:
    try:
        create_markdown_artifact(summary.to_markdown(), key="nato-briefs-run-summary", description="Run summary")
        create_table_artifact(report.to_table_rows(), key="nato-briefs-validation", description="Validation per suite")
    except Exception:
        get_run_logger().warning("could not create Prefect artifacts", exc_info=True)
