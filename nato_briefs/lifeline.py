"""Child processes of a run leave when the run is gone, even after ``kill -9`` of the run.

A pool worker of a killed run would otherwise live on: it holds memory, may still
write into a staging folder the next run is about to clean, and keeps
multiprocessing's resource tracker alive with it. ``PR_SET_PDEATHSIG`` does not fit
a pool: it follows the *thread* that started the worker, and an executor starts
workers from whichever thread submits. So each worker watches its parent's pid.

The watch must start before the worker's long imports (Prefect alone takes
seconds, 10-20 s on a loaded machine): ``flows/__init__.py`` starts it in any
multiprocessing child as soon as the package is imported, which for a spawned
worker is while unpickling its initializer, before Prefect is imported.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time

POLL_SECONDS = 0.5


def exit_with_parent(parent_pid: int) -> None:
    """Start a daemon thread that kills this process once its parent is no longer ``parent_pid``.

    Idempotent per process: a second call (the pool initializer after the package
    import) only starts a second cheap watch when the pid differs.
    """
    if parent_pid in _watched:
        return
    _watched.add(parent_pid)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(POLL_SECONDS)
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def exit_with_parent_if_child() -> None:
    """In a multiprocessing child (a pool worker), :func:`exit_with_parent` of its current parent."""
    if multiprocessing.current_process().name != "MainProcess":
        exit_with_parent(os.getppid())


def terminate_children() -> None:
    """SIGTERM every multiprocessing child of this process (a process pool's workers), without waiting.

    A pool's orderly shutdown waits for the batches its workers run, or are still
    importing to run: seconds to minutes. An interrupted run publishes nothing, so
    nothing they would finish is needed.
    """
    for child in multiprocessing.active_children():
        with contextlib.suppress(OSError, ValueError):
            child.terminate()


_watched: set[int] = set()
