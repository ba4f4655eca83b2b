"""The Prefect side of the command line: one flow run, the scheduled deployment, the run's own API.

Options, checks, signals, exit codes and the printed summary are the core's
(``nato_briefs.cli``); nothing here imports Prefect before the CLI has decided
about its own API server, so ``PREFECT_API_URL`` is set before Prefect reads it.
"""

from __future__ import annotations

import argparse
import sys

from flows.api_server import APP
from nato_briefs import cli
from nato_briefs.config import Settings
from nato_briefs.processes import ApiServer


def start_api() -> ApiServer | None:
    """The run's own ephemeral API unless one is configured; in-process (Prefect imported), Prefect decides."""
    if "prefect" not in sys.modules:
        return cli.start_own_api(APP)
    from prefect.settings import get_current_settings

    return None if get_current_settings().api.url else ApiServer(APP)


def run_flow(settings: Settings, full_refresh: bool, allow_shrink: bool, server: ApiServer | None) -> dict:
    """One flow run on the chosen task runner, pointed at ``server`` once it answers."""
    from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    from flows.pipeline import nato_briefs_flow
    from flows.runners import task_runner

    updates = {}
    if server is not None:
        _import_what_the_flow_start_imports()
        server.wait_ready(cli.api_startup_timeout())
        # No flow-run heartbeats: they let a long-lived server notice a crashed run, and our own
        # server dies with the run; their thread also holds the flow's end for up to a second.
        updates = {PREFECT_API_URL: server.api_url, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
    flow = nato_briefs_flow.with_options(task_runner=task_runner(settings.workers, settings.dask_address))
    with temporary_settings(updates=updates):
        parameters = (str(settings.raw_dir), settings.out_dir, full_refresh, settings, settings.wait_lock)
        return flow(*parameters, allow_shrink=allow_shrink)


def _import_what_the_flow_start_imports() -> None:
    """Modules Prefect imports lazily when a flow run starts (~0.7 s), imported while the API boots."""
    try:
        import fastapi.encoders  # noqa: F401  (Flow.serialize_parameters)
        import prefect.utilities.visualization  # noqa: F401  (Flow.__call__)
    except ImportError:
        return


def serve(args: argparse.Namespace) -> int:
    """`nato-briefs serve`: the flow as a scheduled deployment on the Prefect server PREFECT_API_URL names."""
    from prefect.settings import PREFECT_API_URL

    problem = cli.serve_problem(PREFECT_API_URL.value())
    if problem:
        return cli.error(problem.message, problem.exit_code)
    from flows.pipeline import nato_briefs_flow

    options, announcement = cli.deployment(args, PREFECT_API_URL.value())
    print(announcement)
    nato_briefs_flow.serve(**options)
    return 0


COMMANDS = cli.FlowCommands(start_api=start_api, run=run_flow, serve=serve)


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, COMMANDS)


def entry() -> None:
    """The ``nato-briefs`` and ``python -m flows`` entry point (see ``nato_briefs.cli.entry``)."""
    cli.entry(main)
