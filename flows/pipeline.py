"""The Prefect flow: composes the core, adds retries, parallelism and artifacts.

Everything that decides *what* the data is, and what a run may reuse, lives in
the core (``nato_briefs``: ingest, parse, normalize, planner, stage, publish);
this module decides *how* it runs: which task runner, which retries, what gets
logged and shown in the Prefect UI.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from prefect import Task, flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.assets import Asset, AssetProperties, add_asset_metadata, materialize
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.futures import wait
from prefect.states import State
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from nato_briefs.batch import BatchPlan, BatchResult, process_batches
from nato_briefs.config import Settings
from nato_briefs.ingest import Rejection, discover
from nato_briefs.ledger import RunLedger
from nato_briefs.lifeline import terminate_children
from nato_briefs.outroot import dataset_urls
from nato_briefs.planner import RunPlan
from nato_briefs.publish import OutputRoot, crashpoint, publish, writer_lock
from nato_briefs.schema import SCHEMA_VERSION
from nato_briefs.stage import (
    GroupValidation,
    RunValidation,
    adopt_validated,
    apply_validation,
    finalize_duplicates,
    summarize_validation,
    validate_group,
    validation_groups,
)
from nato_briefs.summary import OneLineFailures, PipelineFailed, RunSummary

logging.getLogger("prefect.flow_runs").addFilter(OneLineFailures())  # the logger of Prefect's flow engine

# --------------------------------------------------------------------------- tasks


@task(name="discover", retries=2, retry_delay_seconds=exponential_backoff(1), cache_policy=NO_CACHE)
def discover_task(raw_dir: str, settings: Settings) -> tuple[list, list[Rejection]]:
    return discover(Path(raw_dir), settings.ingest)


def _batches_run_name(parameters: dict) -> str:
    plans = parameters["plans"]
    return f"batches-{plans[0].index}-{plans[-1].index}"


# One task run per group of batches (see nato_briefs.batch.process_batches).
process_batches_task = task(
    process_batches,
    name="process-batches",
    retries=2,
    retry_delay_seconds=exponential_backoff(1),
    cache_policy=NO_CACHE,
    task_run_name=_batches_run_name,
)

# The same work under its own name: batches whose files all kept their stat signature,
# linked from the previous version without reading a file.
link_unchanged_task = process_batches_task.with_options(
    name="link-unchanged-batches", task_run_name="link-unchanged-batches"
)


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(
    out_url: str, staging: str, batches: list[BatchResult], groups: list[list[BatchResult]], metadata: dict[str, str]
) -> RunValidation:
    return apply_validation(OutputRoot.open(out_url), staging, batches, groups, metadata)


def _group_run_name(parameters: dict) -> str:
    group = parameters["group"]
    return f"validate-{group[0].index}-{group[-1].index}"


@task(name="validate-group", cache_policy=NO_CACHE, task_run_name=_group_run_name)
def validate_group_task(
    out_url: str, staging: str, group: list[BatchResult], metadata: dict[str, str]
) -> GroupValidation:
    return validate_group(OutputRoot.open(out_url), staging, group, metadata)


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
    logger = get_run_logger()
    flow_run_id = str(get_run_context().flow_run.id)
    run = RunLedger.open(raw_dir, out_dir, settings or Settings(), allow_shrink, flow_run_id)
    with writer_lock(run.root, wait_lock):
        run.sweep(logger)
        files, rejected = discover_task(str(raw_dir), run.settings)
        plan = run.plan(files, rejected, full_refresh, logger)
        results = _run_batches(plan, run)
        crashpoint("after_batches")
        finalize_duplicates(run.root, run.staging, results, run.metadata)
        results, report = _validate(plan, run, results)
        refusal = run.refusal(results, report)
        if refusal:
            _artifacts(run.summary, report)
            raise PipelineFailed(refusal, run.summary)
        publish_task(run.root.url, run.summary.run_id, run.manifest(results, report))
        run.published()
        _register_assets(run.root, run.summary.records, run.summary.run_id)
    summary = run.clock()
    logger.info("published %s in %.1f s", ", ".join(f"{k} {v:,}" for k, v in summary.records.items()), summary.seconds)
    _artifacts(summary, report)
    return summary.to_dict()


def _run_batches(plan: RunPlan, run: RunLedger) -> list[BatchResult]:
    """Unchanged batches linked in the flow; the others as a few tasks per worker, or in the flow when few.

    Batches stay small (worker memory, reuse granularity) while task runs stay
    few (each costs tens of ms of Prefect bookkeeping). A pool costs seconds to
    start, so a run with little to read (a daily increment) reads and parses in
    the flow's process. The pool's workers, and their memory, are gone before
    validation starts.
    """
    results = link_unchanged_task(**_parameters(plan.unchanged, plan, run)) if plan.unchanged else []
    params = [_parameters(g, plan, run) for g in plan.groups]
    if plan.inline:
        states = [process_batches_task(**p, return_state=True) for p in params]
    else:
        states = _in_pool(process_batches_task, params)
    logger = get_run_logger()
    for state, group in zip(states, plan.groups, strict=True):
        done = state.result() if state.is_completed() else None
        results += run.collect(group, done, str(state.message or "task failed"), logger)
    return sorted(results, key=lambda r: r.index)


# A validation pool's workers import Prefect, the core and GX first (about 7 CPU s each on the 2-core test
# machine, as long as validating a 7k-document group): two workers gain on the flow alone from about four groups on.
POOL_MIN_GROUPS = 4


def _validate(plan: RunPlan, run: RunLedger, results: list[BatchResult]) -> tuple[list[BatchResult], RunValidation]:
    """Validation groups side by side in a pool of their own, or one after the other in the flow.

    Validation is GX in pandas, about 1 ms per document (96 s of passes at 100k articles), and it ran on
    one core after the batches; its groups share nothing, so with a pool they take every core. A run
    that parsed in the flow (few files) or has few groups validates in the flow: no pool to start, GX
    already imported there.
    Either way every group is validated, also after one fails, so the report names every failure.
    """
    groups = validation_groups(results, run.settings.validation_chunk_docs)
    if plan.inline or len(groups) < POOL_MIN_GROUPS:
        return results, validate_task(run.root.url, run.staging, quote(results), quote(groups), run.metadata)
    wrap = _wrap(run)
    params = [dict(out_url=run.root.url, staging=run.staging, group=wrap(g), metadata=run.metadata) for g in groups]
    done = [state.result() for state in _in_pool(validate_group_task, params)]
    results = adopt_validated(results, done)
    return results, summarize_validation(run.root, run.staging, results, done)


def _in_pool(task_: Task, params: list[dict]) -> list[State]:
    """Run ``task_`` once per parameter set in a pool duplicated from the flow's task runner."""
    runner = get_run_context().task_runner.duplicate()
    with runner:
        try:
            futures = [runner.submit(task_, p) for p in params]
            wait(futures)
            return [future.state for future in futures]
        except BaseException:
            # SIGTERM during a flow run reaches Prefect's own handler (TerminationSignal), not the
            # CLI's: the runner's exit would wait for every running task (28 s seen). Stop the
            # workers first; nothing of this run is published anyway.
            terminate_children()
            raise


def _wrap(run: RunLedger) -> Callable[[Any], Any]:
    """quote(): Prefect need not walk 100k file records looking for futures.

    Not on Dask: prefect-dask's submission turns a quote into a plain tuple, so the task
    would receive ``(plans,)``; there the parameters go as they are.
    """
    return (lambda value: value) if run.settings.dask_address else quote


def _parameters(group: list[BatchPlan], plan: RunPlan, run: RunLedger) -> dict:
    """A batch task's parameters, quoted (``_wrap``)."""
    wrap = _wrap(run)
    previous = wrap([plan.reuse[batch.index] for batch in group])
    arguments = (wrap(group), run.settings, run.root.url, run.staging, run.metadata, previous)
    return dict(inspect.signature(process_batches).bind(*arguments).arguments)


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
