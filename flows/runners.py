"""Which Prefect task runner executes the batches.

Parsing is CPU-bound Python, so threads would share one core: locally the
batches run in a process pool (one worker per core); with ``--dask-address``
they run on an existing Dask cluster through prefect-dask.
"""

from __future__ import annotations

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner


def task_runner(workers: int, dask_address: str | None = None) -> TaskRunner:
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers <= 1:
        return ThreadPoolTaskRunner(max_workers=1)
    return ProcessPoolTaskRunner(max_workers=workers)
