"""Ctrl-C / SIGTERM handling of the CLI, in a real process: quiet unwinding, and the hard stop when it hangs."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from nato_briefs.interrupts import GRACE_SECONDS
from tests.conftest import PROJECT

# Enters stop_on_signals, says so, then unwinds either at once or never (a hung clean-up).
SCRIPT = """
import sys, time
from nato_briefs.interrupts import Interrupted, stop_on_signals
hang = sys.argv[1] == "hang"
wrapped = sys.argv[1] == "wrapped"
try:
    with stop_on_signals():
        try:
            print("ready", flush=True)  # inside the try: a signal right after it is caught here too
            time.sleep(600)
        except Interrupted as exc:
            if hang:
                time.sleep(600)  # a clean-up that never ends
            if wrapped:  # as C code that wraps the interrupt does (pydantic: "Interrupted: 2")
                raise RuntimeError(f"Interrupted: {exc.signum}") from None
            raise
except Interrupted as exc:
    print(f"interrupted by {exc.signal_name}", flush=True)
    sys.exit(exc.exit_code)
"""


def _interrupt(mode: str, signum: int) -> tuple[subprocess.CompletedProcess, float]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(PROJECT), "PATH": "/usr/bin:/bin"},
    )
    assert proc.stdout.readline().strip() == "ready"
    sent = time.monotonic()
    proc.send_signal(signum)
    try:
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()  # no-op once it exited; a hung one must not outlive the test
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), time.monotonic() - sent


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("mode", ["quick", "wrapped"])
def test_signal_unwinds_with_its_exit_status(signum, mode):
    """``wrapped``: the signal surfaced as another error, as a Ctrl-C while Prefect was imported came
    back as pydantic's (exit 1 and a traceback, before): it still ends the run as the signal."""
    proc, took = _interrupt(mode, signum)
    assert proc.returncode == 128 + signum, proc.stderr
    assert proc.stdout.strip() == f"interrupted by {signal.Signals(signum).name}"
    assert "Traceback" not in proc.stderr
    assert took < GRACE_SECONDS + 5


@pytest.mark.slow  # builds whole reports / runs processes or 20 publishes: seconds each
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_hung_unwinding_dies_of_the_signal_after_the_grace(signum):
    """The timer's hard stop used to raise ValueError (signal.signal outside the main thread): a 600 s hang."""
    proc, took = _interrupt("hang", signum)
    assert proc.returncode == -signum, proc.stderr  # the shell reports 128 + signum
    assert "Traceback" not in proc.stderr, proc.stderr
    assert GRACE_SECONDS <= took < GRACE_SECONDS + 5
