"""Which Prefect task runner executes the batches.

Parsing is CPU-bound Python, so threads would share one core: locally the
batches run in a process pool (one worker per core); with ``--dask-address``
they run on an existing Dask cluster through prefect-dask.
"""

from __future__ import annotations

import os
from typing import Any

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from nato_briefs.processes import pool_worker_init, sigint_blocked


class ProcessPoolIgnoringCtrlC(ProcessPoolTaskRunner):
    """Prefect's process pool whose workers never see the terminal's Ctrl-C, even while they start.

    Prefect starts its submitting threads, and they the workers, in ``submit``:
    there SIGINT is blocked (``sigint_blocked``), so the workers are born with it
    blocked. The CLI's handler gets the pending SIGINT after ``submit`` and stops the pool.
    """

    def submit(self, *args: Any, **kwargs: Any) -> Any:
        with sigint_blocked():
            return super().submit(*args, **kwargs)


def task_runner(workers: int, dask_address: str | None = None) -> TaskRunner:
    """A Dask runner for ``dask_address``, else a process pool of ``workers`` (one: the flow's thread)."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers <= 1:
        return ThreadPoolTaskRunner(max_workers=1)
    return ProcessPoolIgnoringCtrlC(max_workers=workers, initializer=pool_worker_init, initargs=(os.getpid(),))
