"""Command line: `nato-briefs run | validate | report | serve` (also `python -m flows`).

Exit status of `run`: 0 published; 1 nothing published (validation failed or
the run broke; previous outputs untouched); 2 usage error or a wrong setting;
3 another run holds the output lock; 130 / 143 stopped by Ctrl-C / SIGTERM
(nothing published, previous outputs untouched). `validate`: 0 all suites
pass, 1 a suite fails, 2 usage or missing data.

Everything here is Prefect-free: options, checks, signals, exit codes and the
printed summary. The Prefect part of `run` and `serve` is handed in by
``flows.cli`` as :class:`FlowCommands`, so the core never imports Prefect and
the CLI decides about its own API server before anything imports Prefect.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import json
import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

from nato_briefs import preflight
from nato_briefs.config import Settings, add_settings_options, settings_from_args, tunable_values
from nato_briefs.interrupts import Interrupted, stop_on_signals
from nato_briefs.processes import ApiServer, ApiServerError

PUBLISHED, NOT_PUBLISHED = 0, 1  # with preflight.USAGE (2) and preflight.LOCKED (3)

# Set once, at the entry point, before any library reads them. No network here or on
# many user machines: nothing may wait on telemetry. Arrow's default allocator (mimalloc)
# keeps freed pages: validating 20k articles then holds ~180 MB more than it uses;
# glibc's hands large blocks back.
ENVIRONMENT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "GX_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "DASK_LOGGING__DISTRIBUTED": "warning",
    "ARROW_DEFAULT_MEMORY_POOL": "system",
}


@dataclass(frozen=True)
class FlowCommands:
    """What only the Prefect layer can do, supplied by ``flows.cli``.

    ``start_api()``: the run's own API server, or None when one is configured.
    ``run(settings, full_refresh, allow_shrink, server)``: one flow run, returning
    the summary dict; raises what :func:`run_and_report` maps to exit codes.
    ``serve(args)``: the scheduled deployment, returning an exit code.
    """

    start_api: Callable[[], ApiServer | None]
    run: Callable[[Settings, bool, bool, ApiServer | None], dict]
    serve: Callable[[argparse.Namespace], int]


def set_environment_defaults(environ: MutableMapping[str, str] = os.environ) -> None:
    """Apply :data:`ENVIRONMENT_DEFAULTS` where the user set nothing (pool workers inherit them)."""
    for key, value in ENVIRONMENT_DEFAULTS.items():
        environ.setdefault(key, value)


def parser() -> argparse.ArgumentParser:
    """Every command and option; `run`'s tunables are generated from :class:`Settings`."""
    top = argparse.ArgumentParser(prog="nato-briefs", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="one Prefect flow run: ingest, parse, validate, publish")
    add_settings_options(run, Settings)
    run.add_argument("--full-refresh", action="store_true", help="re-parse every file, ignore the previous version")
    run.add_argument(
        "--verify", action="store_true", help="check the checksum of every reused part file, not only size and rows"
    )
    run.add_argument(
        "--allow-shrink", action="store_true", help="publish even if over --max-shrink-share of the documents would go"
    )
    run.add_argument("--allow-out-in-raw", action="store_true", help="accept an --out folder inside --raw")
    run.add_argument("--no-report", action="store_true", help="skip the HTML report under OUT/report")
    run.add_argument("--summary-json", default=None, help="also write the run summary as JSON to this file")

    published = "output root a run published to (default: %(default)s)"
    validate = sub.add_parser("validate", help="re-validate the published datasets with the GX suites")
    validate.add_argument("--out", default="outputs", help=published)

    report = sub.add_parser("report", help="write OUT/report/index.html with charts")
    report.add_argument("--out", default="outputs", help=published)

    serve = sub.add_parser("serve", help="serve the flow as a scheduled deployment on a Prefect server")
    serve.add_argument("--cron", default="0 6 * * *", help="schedule, a cron expression (default: %(default)s)")
    serve.add_argument("--interval", type=float, default=None, help="seconds between runs (instead of --cron)")
    serve.add_argument("--raw", default="raw", help="folder of *.txt / *.md articles (default: %(default)s)")
    serve.add_argument("--out", default="outputs", help="output root, local path or fsspec URL (default: %(default)s)")
    serve.add_argument("--name", default="nato-briefs-daily", help="name of the deployment (default: %(default)s)")
    return top


def quiet_libraries() -> None:
    for name in ("great_expectations", "distributed", "asyncio", "httpx", "uvicorn", "alembic"):
        logging.getLogger(name).setLevel(logging.WARNING)


def say_last(message: str) -> None:
    """Print ``message`` as the command's last line, at interpreter exit.

    Prefect flushes its logs and events from threading's exit hooks, which run
    before atexit's; printed now, an "EventsWorker - Still processing items"
    warning of that flush could follow it and bury what happened.
    """
    atexit.register(print, message, file=sys.stderr, flush=True)


def error(message: object, code: int) -> int:
    """The one line an operator reads for a failed command; returns its exit status."""
    print(f"error: {message}", file=sys.stderr)
    return code


def check_run_settings(
    args: argparse.Namespace, settings: Settings, environ: Mapping[str, str] = os.environ
) -> preflight.Problem | None:
    """Every check that can fail a run, cheapest first, before anything heavy is imported."""
    checks = [
        lambda: preflight.first_problem(
            *(
                (preflight.check_positive if minimum == 1 else preflight.check_non_negative)(flag, value)
                for flag, value, minimum in tunable_values(args, Settings)
                if minimum is not None
            )
        ),
        lambda: preflight.check_dask_inline(settings.dask_address, args.inline_max_files),
        lambda: preflight.check_raw(str(settings.raw_dir)),
        lambda: preflight.check_out(settings.out_dir, str(settings.raw_dir), args.allow_out_in_raw),
        lambda: None if "://" in settings.out_dir else preflight.check_writable("--out", settings.out_dir),
        lambda: preflight.check_writable("HOME", environ.get("HOME") or Path.home()),
        lambda: preflight.check_writable("PREFECT_HOME", preflight.prefect_home(environ)),
        lambda: None if preflight.configured_api_url(environ) else preflight.check_database_location(environ),
        lambda: None if settings.wait_lock else preflight.check_lock_free(settings.out_dir),
        lambda: preflight.check_dask_address(settings.dask_address) if settings.dask_address else None,
        lambda: preflight.check_api_health(url) if (url := preflight.configured_api_url(environ)) else None,
    ]
    return next((problem for check in checks if (problem := check()) is not None), None)


def start_own_api(factory: str) -> ApiServer | None:
    """Without a configured Prefect API, start the run's own one and point Prefect at it.

    Runs before Prefect is imported: ``PREFECT_API_URL`` in the environment is
    then what Prefect's settings, its log/event forwarding threads and every
    pool worker read (otherwise each would start its own temporary server,
    seconds and ~230 MB each). The server is stopped at exit, after Prefect's
    own exit-time flush of logs and events, which runs first.
    """
    if preflight.configured_api_url(os.environ):
        return None
    server = ApiServer(factory)
    os.environ["PREFECT_API_URL"] = server.api_url
    atexit.register(server.stop)
    return server


def run_settings(args: argparse.Namespace, settings: Settings) -> Settings:
    """The checked settings plus ``--verify``, and no inline mode on a Dask cluster."""
    settings = replace(settings, verify=settings.verify or args.verify)
    if settings.dask_address:  # every batch on the cluster (an explicit --inline-max-files N was refused above)
        settings = replace(settings, inline_max_files=0)
    return settings


def cmd_run(args: argparse.Namespace, flows: FlowCommands) -> int:
    settings = settings_from_args(args, Settings)
    problem = check_run_settings(args, settings)
    if problem:
        return error(problem.message, problem.exit_code)
    settings = run_settings(args, settings)
    server = flows.start_api()  # boots while we import
    try:
        with stop_on_signals(server):
            return run_and_report(args, settings, flows, server)
    except Interrupted as exc:
        if server is not None:
            server.stop_grace = 1.0
        say_last(f"interrupted by {exc.signal_name}: nothing published, previous outputs untouched")
        return exc.exit_code
    finally:
        if server is not None and os.environ.get("PREFECT_API_URL") != server.api_url:
            server.stop()  # in-process: nothing else would stop it


def run_and_report(args: argparse.Namespace, settings: Settings, flows: FlowCommands, server: ApiServer | None) -> int:
    """One flow run, its outcome mapped to the exit status, its summary printed (and written as JSON)."""
    quiet_libraries()
    from nato_briefs.publish import LockHeldError, OutputRoot, UnsafeOutputError, check_output_root
    from nato_briefs.summary import PipelineFailed, RunSummary

    try:  # before the flow starts: a planted link is one line, not a flow-run traceback
        check_output_root(OutputRoot.open(settings.out_dir))
    except UnsafeOutputError as exc:
        return error(exc, NOT_PUBLISHED)
    warm_up = warm_up_validation(args, settings)
    try:
        summary = flows.run(settings, args.full_refresh, args.allow_shrink, server)
    except LockHeldError as exc:
        return error(exc, preflight.LOCKED)
    except ApiServerError as exc:  # a setting behind it is wrong: the exception names it
        return error(exc, preflight.USAGE)
    except UnsafeOutputError as exc:
        return error(exc, NOT_PUBLISHED)
    except PipelineFailed as exc:
        print(exc.summary.to_text(), file=sys.stderr)
        return error(exc, NOT_PUBLISHED)
    except OSError as exc:  # a disk that filled up or turned read-only during the run: one line, no traceback
        return error(
            f"the run stopped: {exc}; {settings.out_dir} keeps the last version whose publication completed "
            "(outputs are switched atomically), and the next run removes what this one left in .staging",
            NOT_PUBLISHED,
        )
    finally:
        if warm_up is not None:
            warm_up.join(timeout=60)  # never leave the interpreter while a thread is importing
    print(RunSummary(**summary).to_text())
    if args.summary_json:
        Path(args.summary_json).write_text(json.dumps(summary, indent=1, sort_keys=True), encoding="utf-8")
    if not args.no_report and "://" not in settings.out_dir:
        from nato_briefs.report import build_report

        print(f"  report: {build_report(settings.out_dir)}")
    return PUBLISHED


def warm_up_validation(args: argparse.Namespace, settings: Settings) -> threading.Thread | None:
    """Start GX in a thread while the API boots, when this is likely a small incremental run.

    Only then: in a full run the pool's workers need the memory more than the
    flow needs GX early, and validation of 100k documents dwarfs its start-up.
    """
    out = settings.out_dir
    if args.full_refresh or "://" in out or not (Path(out) / "_manifest.json").exists():
        return None
    from nato_briefs.validate import warm_up

    thread = threading.Thread(target=warm_up, name="gx-warm-up", daemon=True)
    thread.start()
    return thread


NO_SERVER = """PREFECT_API_URL is not set, so there is no Prefect server to hold the schedule.
Start one and point at it, e.g.:
    make server                      # or: prefect server start --host 127.0.0.1
    export PREFECT_API_URL=http://127.0.0.1:4200/api
    nato-briefs serve --cron "0 6 * * *"
Then watch the runs at http://127.0.0.1:4200 (Deployments -> nato-briefs/nato-briefs-daily)."""


def serve_problem(api_url: str | None) -> preflight.Problem | None:
    """`serve` needs a Prefect server that answers: the ephemeral API runs no scheduler, and a dead
    or silent server would hang the deployment's start."""
    return preflight.check_api_health(api_url) if api_url else preflight.Problem(NO_SERVER)


def deployment(args: argparse.Namespace, api_url: str) -> tuple[dict, str]:
    """`serve`'s options for the flow's ``serve()``, and the line announcing them.

    A run every ``--interval`` seconds if given, else on ``--cron``. Scheduled
    runs wait up to 10 minutes for the output lock instead of failing at once.
    The runner starts one run at a time (``limit=1``): runs publish to one output
    folder under one lock, so a second process would only wait for the first, and on
    a short interval or a slow machine such waiters piled up and starved the run
    holding the lock; a run due meanwhile starts when the current one ends.
    """
    schedule = {"interval": timedelta(seconds=args.interval)} if args.interval else {"cron": args.cron}
    parameters = {"raw_dir": args.raw, "out_dir": args.out, "wait_lock": 600.0}
    line = f"serving deployment nato-briefs/{args.name} ({schedule}) against {api_url}, one run at a time; Ctrl-C stops"
    return {"name": args.name, "parameters": parameters, "limit": 1, **schedule}, line


def api_startup_timeout(environ: Mapping[str, str] = os.environ) -> float:
    """Seconds to wait for the run's own API; in-process callers skip :func:`entry`'s environment defaults."""
    key = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
    return float(environ.get(key, ENVIRONMENT_DEFAULTS[key]))


def cmd_validate(args: argparse.Namespace) -> int:
    quiet_libraries()
    from nato_briefs.validate import main_validate

    return main_validate(args.out)


def cmd_report(args: argparse.Namespace) -> int:
    from nato_briefs.report import build_report

    if not Path(args.out).is_dir():
        return error(f"output folder {args.out!r} does not exist", preflight.USAGE)
    print(build_report(args.out))
    return 0


def main(argv: list[str] | None, flows: FlowCommands) -> int:
    args = parser().parse_args(argv)
    if args.command == "run":
        return cmd_run(args, flows)
    if args.command == "serve":
        return flows.serve(args)
    return {"validate": cmd_validate, "report": cmd_report}[args.command](args)


def entry(main: Callable[[], int]) -> None:
    """The ``nato-briefs`` and ``python -m flows`` entry point: environment defaults once, ``main()``, exit.

    Before exiting, the heap is frozen out of the garbage collector: after a run
    it holds hundreds of MB of small objects, and the interpreter's final
    collection over them took seconds (0.8 s instead of 3.4 s after a Ctrl-C on
    a loaded machine), the same order as the whole of a daily incremental run.
    Objects are still released and finalized as usual; only the cycle search is
    skipped, and every output is written, closed and published by then.
    """
    set_environment_defaults()
    code = main()
    gc.freeze()
    gc.disable()
    sys.exit(code)
