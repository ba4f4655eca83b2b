"""Ctrl-C and SIGTERM stop a run within seconds, quietly, leaving the previous outputs as they were.

On the first signal the handler terminates the pool's worker processes (they
ignore the terminal's SIGINT themselves, see ``nato_briefs.processes.pool_worker_init``) and raises
:class:`Interrupted` in the main thread: the flow unwinds, the writer lock is
released by its ``with`` block, nothing is published (publishing is one atomic
switch at the very end). The ephemeral API keeps running meanwhile (own
session: a terminal Ctrl-C does not reach it), so Prefect records the crash
at once instead of retrying against a dead server. If unwinding takes longer
than :data:`GRACE_SECONDS`, a timer stops the API and lets the signal's default
action end the process (the shell still sees 130 / 143; the kernel drops the flock).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from typing import Any

from nato_briefs.lifeline import terminate_children

GRACE_SECONDS = 3.0
HANDLED = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """Raised in the main thread by SIGINT or SIGTERM; a KeyboardInterrupt so every framework unwinds for it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def signal_name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def _hard_stop(signum: int, server: Any, expired: list[bool]) -> None:
    """The run did not unwind in time: stop the API at once and die of the signal itself.

    Runs in the timer's thread, where ``signal.signal`` raises: the signal is sent
    again and the handler, in the main thread, restores the default action.
    """
    if server is not None:
        server.stop(grace=0.5)
    expired.append(True)
    os.kill(os.getpid(), signum)


@contextlib.contextmanager
def stop_on_signals(server: Any = None) -> Iterator[None]:
    """Within the block, SIGINT/SIGTERM raise :class:`Interrupted` (once) and a grace timer starts."""
    received: list[int] = []
    expired: list[bool] = []
    timers: list[threading.Timer] = []

    def handle(signum: int, _frame: object) -> None:
        if expired:  # sent again by _hard_stop: die of it
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        if received:
            return  # already stopping: a second Ctrl-C must not interrupt the unwinding
        received.append(signum)
        timers.append(threading.Timer(GRACE_SECONDS, _hard_stop, (signum, server, expired)))
        timers[0].daemon = True
        timers[0].start()
        terminate_children()
        raise Interrupted(signum)

    if threading.current_thread() is not threading.main_thread():  # signal handlers live in the main thread
        yield
        return
    previous = {signum: signal.signal(signum, handle) for signum in HANDLED}
    try:
        yield
    except Exception as exc:
        # The signal surfaced as another error: raised inside C code that wraps it (pydantic's
        # serializer, met while Prefect is imported, reports "Interrupted: 2"). The signal wins.
        if received:
            raise Interrupted(received[0]) from exc
        raise
    finally:
        for timer in timers:  # unwound in time: no hard stop after the block
            timer.cancel()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
