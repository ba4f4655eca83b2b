"""The Prefect flow: composes the pure stages, adds retries, parallelism and artifacts.

Everything that decides *what* the data is lives in the stage modules
(ingest, parse, normalize, validate, publish, batch); this module decides
*how* it runs: which task runner, which retries, what gets logged and shown
in the Prefect UI.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import re
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.assets import Asset, AssetProperties, add_asset_metadata, materialize
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.runtime import task_run
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from nato_briefs import __version__
from nato_briefs.batch import (
    BatchPlan,
    BatchResult,
    PreviousBatch,
    PreviousInputs,
    PreviousPart,
    batch_target,
    known_doc_ids,
    part_name,
    plan_batches,
    process_batch,
    unchanged_batch,
)
from nato_briefs.config import PACKAGE_DIR, Settings
from nato_briefs.ingest import Rejection, discover
from nato_briefs.publish import (
    INPUT_INDEX_FILE,
    STATE_VERSION,
    OutputRoot,
    append_run_history,
    clean_stale_staging,
    crashpoint,
    publish,
    read_input_index,
    read_manifest,
    version_dir,
    write_input_index,
    writer_lock,
)
from nato_briefs.schema import SCHEMA_VERSION
from nato_briefs.stage import RunValidation, apply_validation, finalize_duplicates
from nato_briefs.summary import RunSummary


class PipelineFailed(RuntimeError):
    """The run published nothing; the previous outputs are untouched."""

    def __init__(self, message: str, summary: RunSummary) -> None:
        super().__init__(message)
        self.summary = summary


def config_fingerprint(settings: Settings) -> str:
    """What makes previous results reusable: code, schema and every rule file."""
    digest = hashlib.sha256(f"{__version__}/{STATE_VERSION}".encode())
    digest.update(repr((settings.parse, settings.ingest)).encode())
    # Every rule file and module of the core: records depend on any of them.
    for path in sorted([*PACKAGE_DIR.rglob("*.py"), *PACKAGE_DIR.rglob("*.yaml")]):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


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
) -> dict:
    """Ingest, parse, validate and publish every article under raw_dir to out_dir."""
    settings = settings or Settings()
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

        fingerprint = config_fingerprint(settings)
        previous_manifest = None if full_refresh else read_manifest(root)
        if previous_manifest and previous_manifest.get("config_fingerprint") != fingerprint:
            logger.info("code or rules changed since the last run: full rebuild")
            previous_manifest = None
        summary.mode = "incremental" if previous_manifest else "full"
        previous = _previous_state(root, previous_manifest)

        plans = _attach_rejections(plan_batches(files, batch_target(len(files), settings.batch_size)), rejected)
        summary.batches = len(plans)
        staging = root.staging_dir(run_id)
        flow_run_id = str(get_run_context().flow_run.id)
        metadata = {"run_id": run_id, "flow_run_id": flow_run_id, "code_version": __version__}
        results = _run_batches(plans, settings, root, staging, metadata, previous)
        crashpoint("after_batches")
        finalize_duplicates(root, staging, results, metadata)
        report = validate_task(root.url, staging, quote(results), metadata, settings.validation_chunk_docs)
        _summarize(summary, results, report)
        if not report.passed:
            root.fs.rm(staging, recursive=True)
            summary.seconds = time.perf_counter() - started
            _artifacts(summary, report)
            raise PipelineFailed("validation failed: nothing published\n" + report.to_text(), summary)
        manifest = _manifest(run_id, flow_run_id, fingerprint, results, summary, report)
        write_input_index(root, staging, [(p, d, r.index, r.signatures.get(p)) for r in results for p, d in r.inputs])
        publish_task(root.url, run_id, manifest)
        summary.published = True
        summary.seconds = time.perf_counter() - started
        append_run_history(root, _history_record(summary))
        _register_assets(root, summary.records, run_id)
    summary.seconds = time.perf_counter() - started
    logger.info("published %s in %.1f s", ", ".join(f"{k} {v:,}" for k, v in summary.records.items()), summary.seconds)
    _artifacts(summary, report)
    return summary.to_dict()


@dataclass(frozen=True)
class PreviousState:
    """What the last published version offers for reuse (its manifest and input index)."""

    batches: list[PreviousBatch]
    inputs: PreviousInputs


def _run_batches(plans, settings, root, staging, metadata, previous) -> list[BatchResult]:
    """Unchanged batches linked in the flow; the others as a few tasks per worker, or in the flow when few.

    Batches stay small (worker memory, reuse granularity) while task runs stay
    few (each costs tens of ms of Prefect bookkeeping). A pool costs seconds to
    start, so a run with little to read (a daily increment) reads and parses in
    the flow's process. The pool's workers, and their memory, are gone before
    validation starts.
    """
    reuse = {plan.index: _previous_for(plan, previous) for plan in plans}
    known = {plan.index: known_doc_ids(plan, reuse[plan.index][1]) for plan in plans}
    unchanged = {plan.index for plan in plans if unchanged_batch(plan, reuse[plan.index][0], known[plan.index])}
    changed = [plan for plan in plans if plan.index not in unchanged]
    results: list[BatchResult] = []
    if unchanged:
        linked = [plan for plan in plans if plan.index in unchanged]
        results += link_unchanged_task(*_batch_args(linked, settings, root, staging, metadata, reuse))
    to_read = sum(len(plan.files) - len(known[plan.index]) for plan in changed)
    groups = _task_groups(changed, settings.workers * TASKS_PER_WORKER)
    if to_read <= settings.inline_max_files:
        states = [
            process_batches_task(*_batch_args(group, settings, root, staging, metadata, reuse), return_state=True)
            for group in groups
        ]
    else:
        runner = get_run_context().task_runner.duplicate()
        with runner:
            futures = [
                runner.submit(
                    process_batches_task, parameters=_batch_parameters(group, settings, root, staging, metadata, reuse)
                )
                for group in groups
            ]
            states = [_final_state(future) for future in futures]
    results += _collect(states, groups, root, staging, metadata, settings)
    return sorted(results, key=lambda r: r.index)


def _batch_args(group, settings, root, staging, metadata, reuse) -> tuple:
    """A task's arguments; quote(): Prefect need not walk 100k file records looking for futures."""
    return (quote(group), settings, root.url, staging, metadata, quote([reuse[plan.index] for plan in group]))


def _batch_parameters(group, settings, root, staging, metadata, reuse) -> dict:
    names = ("plans", "settings", "out_url", "staging", "run_metadata", "previous")
    return dict(zip(names, _batch_args(group, settings, root, staging, metadata, reuse), strict=True))


TASKS_PER_WORKER = 6  # enough to balance the cores, few enough that task overhead stays small


def _task_groups(plans: list[BatchPlan], n_tasks: int) -> list[list[BatchPlan]]:
    size = max(1, math.ceil(len(plans) / max(1, n_tasks)))
    return [plans[i : i + size] for i in range(0, len(plans), size)]


def _previous_state(root: OutputRoot, manifest: dict | None) -> PreviousState | None:
    if not manifest:
        return None
    base = version_dir(root, manifest)
    batches = []
    for batch in manifest.get("batches", []):
        parts = [
            PreviousPart(name, root.sub(base, rel), batch["first"], batch["last"], batch["counts"][name])
            for name, rel in batch["parts"].items()
        ]
        batches.append(PreviousBatch(batch["fingerprint"], batch.get("reusable", True), parts, batch.get("stats", {})))
    return PreviousState(batches, read_input_index(root, manifest))


def _previous_for(plan: BatchPlan, state: PreviousState | None) -> tuple[list[PreviousBatch], PreviousInputs]:
    """Only what this batch can use: previous batches overlapping its path range, its files' old hashes."""
    if state is None or not plan.files:
        return [], {}
    first, last = plan.files[0].source_path, plan.files[-1].source_path
    overlapping = [b for b in state.batches if b.parts and b.parts[0].first <= last and b.parts[0].last >= first]
    inputs = {f.source_path: state.inputs[f.source_path] for f in plan.files if f.source_path in state.inputs}
    return overlapping, inputs


def _attach_rejections(plans: list[BatchPlan], rejected: list[Rejection]) -> list[BatchPlan]:
    """Files rejected before reading travel with the batch covering their path (keeps output order)."""
    if not rejected:
        return plans
    if not plans:
        return [BatchPlan(0, [], rejected)]
    firsts = [p.files[0].source_path for p in plans]
    extra: dict[int, list[Rejection]] = {}
    for r in rejected:
        extra.setdefault(max(0, bisect.bisect_right(firsts, r.source_path) - 1), []).append(r)
    return [replace(p, rejections=p.rejections + extra.get(p.index, [])) for p in plans]


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
            batch_results = [_quarantine_failed_batch(plan, error, root, staging, metadata, settings) for plan in group]
            logger.error(
                "batches %d-%d failed after retries (%s); their files are quarantined",
                group[0].index,
                group[-1].index,
                error,
            )
        for plan, result in zip(group, batch_results, strict=True):
            results.append(result)
            logger.info(
                "batch %d: %d files, %d parsed, %d reused, %d rejected",
                plan.index,
                len(plan.files),
                result.n_parsed,
                result.n_reused,
                len(result.rejections),
            )
    return results


def _quarantine_failed_batch(plan, error, root, staging, metadata, settings) -> BatchResult:
    names = [f.source_path for f in plan.files]
    failed = [Rejection(n, None, "parse", "batch_failed", f"batch task failed: {error}") for n in names]
    result = process_batch(BatchPlan(plan.index, [], plan.rejections + failed), settings, root, staging, metadata)
    result.failure = f"batch {plan.index} ({len(names)} files: {', '.join(names[:3])}...): {error}"
    return result


def _summarize(summary: RunSummary, results: list[BatchResult], report) -> None:
    summary.files_read = sum(r.n_read for r in results)
    summary.files_parsed = sum(r.n_parsed for r in results)
    summary.files_reused = sum(r.n_reused for r in results)
    summary.batches_reused = sum(r.reused_whole_batch for r in results)
    summary.failed_batches = [r.failure for r in results if r.failure]
    summary.unmapped_tables = sum(r.n_unmapped_tables for r in results)
    summary.suspect_lines = sum(r.n_suspect_lines for r in results)
    summary.suspect_documents = sum(r.n_suspect_documents for r in results)
    summary.bytes_read = sum(r.bytes_read for r in results)
    stage: dict[str, float] = {}
    for r in results:
        for k, v in r.seconds.items():
            stage[k] = stage.get(k, 0.0) + v
    summary.stage_seconds = {k: round(v, 3) for k, v in stage.items()}
    summary.records = report.counts
    summary.quarantine_by_reason = report.quarantine_by_reason
    summary.themes_unassigned_share = report.themes_unassigned_share
    summary.validation = report.status
    summary.validation_warnings = report.n_warnings


def _manifest(run_id, flow_run_id, fingerprint, results, summary, report) -> dict:
    return {
        "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "flow_run_id": flow_run_id,
        "code_version": __version__,
        "config_fingerprint": fingerprint,
        "raw_dir": summary.raw_dir,
        "inputs_file": INPUT_INDEX_FILE,
        "batches": [
            {
                "index": r.index,
                "fingerprint": r.fingerprint,
                "first": r.first,
                "last": r.last,
                "reusable": r.reusable,
                "parts": {name: f"{name}/{part_name(r.index)}" for name in r.counts},
                "counts": r.counts,
                "stats": r.stats,
            }
            for r in results
        ],
        "counts": summary.records,
        "validation": report.status,
        "summary": summary.to_dict(),
    }


_BAD_ASSET_KEY = re.compile(r"[\s#?&%\"'<>\[\]{}|\\^`]")


def _register_assets(root: OutputRoot, counts: dict[str, int], run_id: str) -> None:
    """Each published dataset as a Prefect asset (events on the OSS server: lineage in the UI)."""
    base = f"file://{root.path}" if root.local else root.url.rstrip("/")
    keys = {name: f"{base}/{name}" for name in counts}
    if any(_BAD_ASSET_KEY.search(k) or len(k) > 512 for k in keys.values()):
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


def _history_record(summary: RunSummary) -> dict:
    return {
        "run_id": summary.run_id,
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "mode": summary.mode,
        "files_found": summary.files_found,
        "files_parsed": summary.files_parsed,
        "files_reused": summary.files_reused,
        "documents": summary.records.get("documents", 0),
        "quarantined": summary.records.get("quarantine", 0),
        "validation": summary.validation,
        "seconds": round(summary.seconds, 2),
    }


def _artifacts(summary: RunSummary, report) -> None:
    try:
        create_markdown_artifact(summary.to_markdown(), key="nato-briefs-run-summary", description="Run summary")
        create_table_artifact(report.to_table_rows(), key="nato-briefs-validation", description="Validation per suite")
    except Exception:
        get_run_logger().warning("could not create Prefect artifacts", exc_info=True)


def summary_json(summary: dict) -> str:
    return json.dumps(summary, indent=1, sort_keys=True)
