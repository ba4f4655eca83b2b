"""`nato-briefs serve`: the flow as a scheduled deployment on a real Prefect server.

Prefect's embedded ephemeral API runs no scheduler, so schedules need a
server (`make server`, or `prefect server start`) named by PREFECT_API_URL.
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta

from prefect.settings import PREFECT_API_URL

from nato_briefs.preflight import check_api_health

NO_SERVER = """error: PREFECT_API_URL is not set, so there is no Prefect server to hold the schedule.
Start one and point at it, e.g.:
    make server                      # or: prefect server start --host 127.0.0.1
    export PREFECT_API_URL=http://127.0.0.1:4200/api
    nato-briefs serve --cron "0 6 * * *"
Then watch the runs at http://127.0.0.1:4200 (Deployments -> nato-briefs/nato-briefs-daily)."""


def serve(args: argparse.Namespace) -> int:
    if not PREFECT_API_URL.value():
        print(NO_SERVER, file=sys.stderr)
        return 2
    problem = check_api_health(PREFECT_API_URL.value())
    if problem:  # a dead or silent server would otherwise hang the deployment's start
        print(f"error: {problem.message}", file=sys.stderr)
        return problem.exit_code
    from flows.pipeline import nato_briefs_flow

    schedule = {"interval": timedelta(seconds=args.interval)} if args.interval else {"cron": args.cron}
    print(f"serving deployment nato-briefs/{args.name} ({schedule}) against {PREFECT_API_URL.value()}; Ctrl-C stops")
    nato_briefs_flow.serve(
        name=args.name,
        parameters={"raw_dir": args.raw, "out_dir": args.out, "wait_lock": 600.0},
        **schedule,
    )
    return 0
