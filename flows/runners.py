"""Which Prefect task runner executes the batches.

Parsing is CPU-bound Python, so threads would share one core: locally the
batches run in a process pool (one worker per core); with ``--dask-address``
they run on an existing Dask cluster through prefect-dask.
"""

from __future__ import annotations

import os
import signal
from typing import Any

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from nato_briefs.processes import pool_worker_init


class ProcessPoolIgnoringCtrlC(ProcessPoolTaskRunner):
    """Prefect's process pool whose workers never see the terminal's Ctrl-C, even while they start.

    A terminal's Ctrl-C reaches the whole foreground process group; a worker
    still importing (seconds) before its initializer runs would print a
    KeyboardInterrupt traceback. A blocked signal is inherited by the threads a
    thread starts and by the processes they spawn, so SIGINT is blocked in the
    calling thread while Prefect starts its submitting threads: the workers are
    born with it blocked. The CLI's own thread gets a pending SIGINT at once
    after ``submit`` returns; the CLI's handler stops the pool.
    """

    def submit(self, *args: Any, **kwargs: Any) -> Any:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            return super().submit(*args, **kwargs)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def task_runner(workers: int, dask_address: str | None = None) -> TaskRunner:
    """A Dask runner for ``dask_address``, else a process pool of ``workers`` (one: the flow's thread)."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers <= 1:
        return ThreadPoolTaskRunner(max_workers=1)
    return ProcessPoolIgnoringCtrlC(max_workers=workers, initializer=pool_worker_init, initargs=(os.getpid(),))
