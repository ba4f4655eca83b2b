"""Child processes of a run that must not outlive it: the ephemeral API server and the pool's workers.

No Prefect import here: the parent only starts and stops processes. The API
server is uvicorn running an app factory named by the caller
(``flows.api_server:ephemeral_app``: Prefect's own ``create_app(ephemeral=True,
final=True)``, the public factory ``SubprocessASGIServer`` serves too), imported
in the child only. Three things differ from ``SubprocessASGIServer``, each for
a reason:

* it starts before Prefect is imported (~3 s of a 2-file run overlap the
  server's boot), so the CLI can put ``PREFECT_API_URL`` in the environment
  that Prefect and every pool worker read once;
* the listening socket is bound here and handed over (``uvicorn --fd``): the
  URL is final before the server starts, no port race, no restart loop;
* the server gets its own session (a terminal Ctrl-C reaches the CLI only, which
  stops the server after the run has reported) and ``PR_SET_PDEATHSIG`` (it
  dies with the CLI even on SIGKILL); its stderr is kept so a start-up failure
  reports its own first error line.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

from nato_briefs.lifeline import exit_with_parent

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit)\b.*")


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Ask Linux to send ``sig`` to this process when the thread that started it dies.

    Runs between fork and exec (``Popen(preexec_fn=...)``) or in a pool worker's
    initializer. Elsewhere than Linux it does nothing: the parent's handlers still
    stop children on Ctrl-C and SIGTERM, only SIGKILL of the parent is uncovered.
    """
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)


class ApiServerError(RuntimeError):
    """The ephemeral API did not start; the message is the server's own first error line."""


class ApiServer:
    """A uvicorn process serving the app ``factory`` (``module:function``) on a socket bound here.

    Create it from the main thread: the death signal follows the thread that
    started the process, and the main thread lives as long as the CLI.
    """

    def __init__(self, factory: str) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind(("127.0.0.1", 0))
        listener.listen(128)
        self.port: int = listener.getsockname()[1]
        self.stop_grace = 5.0  # an interrupted run shortens it: the operator is waiting
        self.stderr = tempfile.TemporaryFile(mode="w+b")  # noqa: SIM115  (closed in stop())
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            factory,
            "--fd",
            str(listener.fileno()),
            "--log-level",
            "error",
            "--lifespan",
            "on",
        ]
        env = {**os.environ, "PREFECT_UI_ENABLED": "0"}
        self.process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self.stderr,
            pass_fds=(listener.fileno(),),
            start_new_session=True,
            preexec_fn=die_with_parent,
        )
        listener.close()  # the server holds its own copy

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait_ready(self, timeout: float) -> None:
        """Return once ``/health`` answers; raise with the server's own error if it exits first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ApiServerError(
                    f"the ephemeral Prefect API failed to start: {self.first_error_line()}; "
                    "fix the Prefect setting behind it, or set PREFECT_API_URL to a running server"
                )
            with (
                contextlib.suppress(OSError, urllib.error.URLError),
                urllib.request.urlopen(f"{self.api_url}/health", timeout=1) as response,
            ):
                if response.status == 200:
                    return
            time.sleep(0.05)
        output = self.first_error_line()
        self.stop()
        raise ApiServerError(f"the ephemeral Prefect API did not answer within {timeout:.0f} s; its output: {output}")

    def first_error_line(self) -> str:
        """The server's first exception line (the root cause of a chain), else its last line of output."""
        if self.stderr.closed:
            return "no output kept"
        self.stderr.seek(0)
        lines = [line.strip() for line in self.stderr.read().decode("utf-8", "replace").splitlines() if line.strip()]
        if not lines:
            return f"exit status {self.process.returncode}, no output"
        errors = [line for line in lines if EXCEPTION_LINE.match(line)]
        return errors[0] if errors else lines[-1]

    def stop(self, grace: float | None = None) -> None:
        """Stop the server (idempotent): SIGTERM, then SIGKILL after ``grace`` (default :attr:`stop_grace`) s."""
        grace = self.stop_grace if grace is None else grace
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        with contextlib.suppress(OSError, ValueError):
            self.stderr.close()


@contextlib.contextmanager
def sigint_blocked() -> Iterator[None]:
    """SIGINT blocked in the calling thread, for the threads it starts and the processes they spawn.

    A terminal's Ctrl-C reaches the whole foreground process group; a pool
    worker still importing (seconds) before its initializer runs would print a
    KeyboardInterrupt traceback. A blocked signal is inherited by the threads a
    thread starts and by the processes they spawn, so workers started in here
    are born with it blocked. The calling thread gets a pending SIGINT at once
    on leaving.
    """
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def pool_worker_init(parent_pid: int) -> None:
    """Pool-worker initializer: ignore the terminal's Ctrl-C, and leave when the run is gone.

    A terminal Ctrl-C reaches the whole process group: each worker would print
    its own KeyboardInterrupt traceback, while the CLI's handler already stops
    the pool. A run killed with SIGKILL cannot stop its pool: the worker watches
    the run's pid (``nato_briefs.lifeline``; the package import started the same
    watch earlier, this one also covers a run that died before that import).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(parent_pid)
