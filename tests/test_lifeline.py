"""Children of a run leave with it: the parent watch and the termination of pool workers (real processes)."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import time

import pytest

from nato_briefs.lifeline import terminate_children
from tests.conftest import PROJECT

psutil = pytest.importorskip("psutil")

# A parent that starts a watching child, prints the child's pid, then waits to be killed.
PARENT = """
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c",
    "import os, time; from nato_briefs.lifeline import exit_with_parent; "
    "exit_with_parent(os.getppid()); print('watching', flush=True); time.sleep(600)"],
    stdout=subprocess.PIPE, text=True)
child.stdout.readline()
print(child.pid, flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_a_watching_child_leaves_within_a_second_of_its_parents_kill_9():
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT],
        stdout=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(PROJECT), "PATH": "/usr/bin:/bin"},
    )
    child = int(parent.stdout.readline())
    try:
        assert _alive(child)
        parent.kill()
        parent.wait()
        killed = time.monotonic()
        while _alive(child) and time.monotonic() - killed < 5:
            time.sleep(0.05)
        assert not _alive(child), "the child outlived its killed parent by 5 s"
        assert time.monotonic() - killed < 2  # polls every 0.5 s
    finally:
        if _alive(child):
            psutil.Process(child).kill()


def _sleep() -> None:
    time.sleep(600)


def test_terminate_children_stops_pool_like_workers_without_waiting():
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_sleep, daemon=True) for _ in range(2)]
    for worker in workers:
        worker.start()
    started = time.monotonic()
    terminate_children()
    for worker in workers:
        worker.join(10)
    assert all(not worker.is_alive() for worker in workers)
    assert time.monotonic() - started < 10
