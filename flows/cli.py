"""Command line: `nato-briefs run | validate | report | serve` (also `python -m flows`).

Exit status of `run`: 0 published; 1 nothing published (validation failed or
the run broke; previous outputs untouched); 2 usage error; 3 another run holds
the output lock. `validate`: 0 all suites pass, 1 a suite fails, 2 usage or
missing data.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import logging
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from flows.api_server import ApiServer

# No network here or on many user machines: nothing may wait on telemetry.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
# Arrow's default allocator (mimalloc) keeps freed pages: validating a group of 20k
# articles then holds ~180 MB more than it uses. glibc's hands large blocks back.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nato-briefs", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="one Prefect flow run: ingest, parse, validate, publish")
    run.add_argument("--raw", default="raw", help="folder of *.txt / *.md articles (default: raw)")
    run.add_argument("--out", default="outputs", help="output root, local path or fsspec URL (default: outputs)")
    run.add_argument("--full-refresh", action="store_true", help="re-parse every file, ignore the previous version")
    run.add_argument("--workers", type=int, default=None, help="parallel batch workers (default: CPU count)")
    run.add_argument(
        "--inline-max-files",
        type=int,
        default=None,
        help="at most this many files to read: batches run in the flow's process, no pool (default: 3000)",
    )
    run.add_argument("--batch-size", type=int, default=None, help="average documents per batch (default: 500)")
    run.add_argument("--dask-address", default=None, help="run batches on an existing Dask cluster tcp://HOST:PORT")
    run.add_argument("--wait-lock", type=float, default=0.0, help="seconds to wait for another run's lock")
    run.add_argument("--max-file-mb", type=float, default=None, help="files above this size are quarantined")
    run.add_argument(
        "--validation-chunk-docs", type=int, default=None, help="documents per validation pass (memory bound)"
    )
    run.add_argument("--no-report", action="store_true", help="skip the HTML report under OUT/report")
    run.add_argument("--summary-json", default=None, help="also write the run summary as JSON to this file")

    validate = sub.add_parser("validate", help="re-validate the published datasets with the GX suites")
    validate.add_argument("--out", default="outputs")

    report = sub.add_parser("report", help="write OUT/report/index.html with charts")
    report.add_argument("--out", default="outputs")

    serve = sub.add_parser("serve", help="serve the flow as a scheduled deployment on a Prefect server")
    serve.add_argument("--cron", default="0 6 * * *")
    serve.add_argument("--interval", type=float, default=None, help="seconds between runs (instead of --cron)")
    serve.add_argument("--raw", default="raw")
    serve.add_argument("--out", default="outputs")
    serve.add_argument("--name", default="nato-briefs-daily")
    return parser


def _settings(args: argparse.Namespace):
    from dataclasses import replace

    from nato_briefs.config import Settings

    settings = Settings()
    if args.workers:
        settings = replace(settings, workers=args.workers)
    if args.batch_size:
        settings = replace(settings, batch_size=args.batch_size)
    if args.inline_max_files is not None:
        settings = replace(settings, inline_max_files=args.inline_max_files)
    if args.validation_chunk_docs:
        settings = replace(settings, validation_chunk_docs=args.validation_chunk_docs)
    if args.max_file_mb:
        settings = replace(settings, ingest=replace(settings.ingest, max_file_bytes=int(args.max_file_mb * 1024**2)))
    return settings


def _quiet_libraries() -> None:
    for name in ("great_expectations", "distributed", "asyncio", "httpx", "uvicorn", "alembic"):
        logging.getLogger(name).setLevel(logging.WARNING)


def cmd_run(args: argparse.Namespace) -> int:
    if not Path(args.raw).is_dir():
        print(f"error: raw folder {args.raw!r} does not exist", file=sys.stderr)
        return 2
    early_api = None if os.environ.get("PREFECT_API_URL") else ApiServer()  # boots while we import
    _quiet_libraries()
    from flows.pipeline import PipelineFailed, nato_briefs_flow, summary_json
    from flows.runners import task_runner
    from nato_briefs.publish import LockHeldError, OutputRoot, UnsafeOutputError, check_output_root

    try:  # before the flow starts: a planted link is one line, not a flow-run traceback
        check_output_root(OutputRoot.open(args.out))
    except UnsafeOutputError as exc:
        if early_api is not None:
            early_api.stop()
        print(f"error: {exc}", file=sys.stderr)
        return 1
    warm_up = _warm_up_validation(args)
    settings = _settings(args)
    flow = nato_briefs_flow.with_options(task_runner=task_runner(settings.workers, args.dask_address))
    try:
        with shared_api(early_api):
            summary = flow(args.raw, args.out, args.full_refresh, settings, args.wait_lock)
    except LockHeldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except UnsafeOutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except PipelineFailed as exc:
        print(exc.summary.to_text(), file=sys.stderr)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if warm_up is not None:
            warm_up.join(timeout=60)  # never leave the interpreter while a thread is importing
    from nato_briefs.summary import RunSummary

    print(RunSummary(**summary).to_text())
    if args.summary_json:
        Path(args.summary_json).write_text(summary_json(summary), encoding="utf-8")
    if not args.no_report and "://" not in args.out:
        from nato_briefs.report import build_report

        print(f"  report: {build_report(args.out)}")
    return 0


def _warm_up_validation(args: argparse.Namespace) -> threading.Thread | None:
    """Start GX in a thread while the API boots, when this is likely a small incremental run.

    Only then: in a full run the pool's workers need the memory more than the
    flow needs GX early, and validation of 100k documents dwarfs its start-up.
    """
    if args.full_refresh or "://" in args.out or not (Path(args.out) / "_manifest.json").exists():
        return None
    from nato_briefs.validate import warm_up

    thread = threading.Thread(target=warm_up, name="gx-warm-up", daemon=True)
    thread.start()
    return thread


@contextlib.contextmanager
def shared_api(server: ApiServer | None = None) -> Iterator[None]:
    """Without a Prefect server, use one ephemeral API and share it with the workers.

    Otherwise every process-pool or Dask worker would start its own temporary
    server (seconds each); with PREFECT_API_URL set (environment or profile),
    that server is used as is and an early-started one is stopped.
    """
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    if PREFECT_API_URL.value():
        if server is not None:
            server.stop()
        yield
        return
    server = server or ApiServer()
    atexit.register(server.stop)  # if the run dies before the finally below
    _import_what_the_flow_start_imports()
    server.wait_ready(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
    # No flow-run heartbeats: they let a long-lived server notice a crashed run, and this
    # server dies with the run; their thread also holds the flow's end for up to a second.
    updates = {PREFECT_API_URL: server.api_url, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
    try:
        with temporary_settings(updates=updates), _process_wide_settings():
            yield
    finally:
        _send_pending_logs_and_events()
        server.stop()


def _send_pending_logs_and_events(timeout: float = 10.0) -> None:
    """Let Prefect's log and event workers finish sending while the API still listens.

    Left to the interpreter's exit, they would try after the API has stopped,
    and wait on it for seconds.
    """
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        with contextlib.suppress(Exception):
            worker.drain_all(timeout=timeout)


def _import_what_the_flow_start_imports() -> None:
    """Modules Prefect imports lazily when a flow run starts (~0.7 s), imported while the API boots."""
    with contextlib.suppress(ImportError):
        import fastapi.encoders  # noqa: F401  (Flow.serialize_parameters)
        import prefect.utilities.visualization  # noqa: F401  (Flow.__call__)


def _process_wide_settings() -> contextlib.AbstractContextManager:
    """The current settings for Prefect's own threads too, as ``prefect_test_harness`` does.

    The threads that forward the pool workers' logs and events read the
    process-global settings, not the context: without the URL there, they
    would start yet another ephemeral server (~230 MB) mid-run.
    """
    import prefect.context

    use_global = getattr(prefect.context, "_temporary_global_settings_context", None)
    if use_global is None:  # a Prefect without it: the extra server costs memory, not correctness
        return contextlib.nullcontext()
    return use_global(prefect.context.SettingsContext.get())


def cmd_validate(args: argparse.Namespace) -> int:
    _quiet_libraries()
    from nato_briefs.validate import main_validate

    return main_validate(args.out)


def cmd_report(args: argparse.Namespace) -> int:
    from nato_briefs.report import build_report

    if not Path(args.out).is_dir():
        print(f"error: output folder {args.out!r} does not exist", file=sys.stderr)
        return 2
    print(build_report(args.out))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from flows.serve import serve

    return serve(args)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {"run": cmd_run, "validate": cmd_validate, "report": cmd_report, "serve": cmd_serve}[args.command]
    return handler(args)


def entry() -> None:
    """The ``nato-briefs`` and ``python -m flows`` entry point: ``main()``, then a quick exit.

    After a run the heap holds hundreds of MB of small objects; tearing the
    interpreter down frees them one by one, over a second: a tenth of a daily
    incremental run. Everything is written, published and closed by then, so
    the exit hooks run (log handlers flush, the API stops) and the process
    leaves without the teardown.
    """
    code = main()
    run_exit_hooks = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_hooks is None:  # not CPython: the ordinary exit
        raise SystemExit(code)
    run_exit_hooks()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
