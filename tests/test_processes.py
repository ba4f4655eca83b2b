"""Child processes of a run: the pool's SIGINT mask (the API server has tests/test_api_server.py)."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading

import pytest

from nato_briefs.processes import sigint_blocked


def _blocked() -> set[int]:
    return set(signal.pthread_sigmask(signal.SIG_BLOCK, []))


def test_sigint_is_blocked_inside_and_delivered_on_leaving():
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: received.append(signum))
    try:
        assert signal.SIGINT not in _blocked()
        with sigint_blocked():
            assert signal.SIGINT in _blocked()
            # A Ctrl-C while Prefect starts its pool, sent to this thread: other threads (pytest-xdist's)
            # would take a signal sent to the process.
            signal.pthread_kill(threading.get_ident(), signal.SIGINT)
            assert received == [] and signal.SIGINT in signal.sigpending()
        assert received == [signal.SIGINT] and signal.SIGINT not in _blocked()
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the mask from /proc")
def test_a_process_spawned_by_a_thread_started_inside_is_born_with_sigint_blocked():
    masks: list[int] = []

    def spawn() -> None:
        status = subprocess.run(["cat", "/proc/self/status"], capture_output=True, text=True, check=True).stdout
        masks.append(int(next(line for line in status.splitlines() if line.startswith("SigBlk:")).split()[1], 16))

    with sigint_blocked():
        starter = threading.Thread(target=spawn)
        starter.start()
    starter.join()
    spawn()  # started outside: the mask is the usual one
    assert [bool(mask & (1 << (signal.SIGINT - 1))) for mask in masks] == [True, False]
