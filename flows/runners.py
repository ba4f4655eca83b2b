"""Which Prefect task runner executes the batches.

Parsing is CPU-bound Python, so threads would share one core: locally the
batches run in a process pool (one worker per core); with ``--dask-address``
they run on an existing Dask cluster through prefect-dask.
"""

from __future__ import annotations

import os
import threading
import time

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner


def exit_with_parent(parent_pid: int) -> None:
    """Pool-worker initializer: leave when the run that started us is gone.

    A run killed with SIGKILL cannot stop its pool; without this its workers
    would linger, holding memory and maybe writing into a staging folder that
    the next run is about to clean.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def task_runner(workers: int, dask_address: str | None = None) -> TaskRunner:
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers <= 1:
        return ThreadPoolTaskRunner(max_workers=1)
    return ProcessPoolTaskRunner(max_workers=workers, initializer=exit_with_parent, initargs=(os.getpid(),))
