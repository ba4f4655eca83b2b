"""`nato-briefs serve`: the flow as a scheduled deployment on a real Prefect server.

Prefect's embedded ephemeral API runs no scheduler, so schedules need a
server (`make server`, or `prefect server start`) named by PREFECT_API_URL.
"""

from __future__ import annotations

import argparse
from datetime import timedelta

from prefect.settings import PREFECT_API_URL

from nato_briefs.cli import error, serve_problem


def serve(args: argparse.Namespace) -> int:
    problem = serve_problem(PREFECT_API_URL.value())
    if problem:
        return error(problem.message, problem.exit_code)
    from flows.pipeline import nato_briefs_flow

    schedule = {"interval": timedelta(seconds=args.interval)} if args.interval else {"cron": args.cron}
    print(f"serving deployment nato-briefs/{args.name} ({schedule}) against {PREFECT_API_URL.value()}; Ctrl-C stops")
    nato_briefs_flow.serve(
        name=args.name,
        parameters={"raw_dir": args.raw, "out_dir": args.out, "wait_lock": 600.0},
        **schedule,
    )
    return 0
