"""The output root: where it is, who may write it (the writer lock), and what under it may be touched.

Nothing is written, appended or deleted through a symlink planted under a local
OUT: ``check_output_root()`` refuses the run (``UnsafeOutputError``) before it
touches anything, and every open under OUT uses O_NOFOLLOW. The publisher
(``nato_briefs.publish``) does the writing; this module decides whether it may.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import re
import socket
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import fsspec
from fsspec.implementations.local import LocalFileSystem

from nato_briefs.schema import DATASETS

MANIFEST = "_manifest.json"
RUN_HISTORY = "_runs.jsonl"  # one line per published run, kept across versions (the report's time axis)
# The links the publisher maintains under a local OUT (besides ``current``).
MAINTAINED_LINKS = (*DATASETS, MANIFEST, "validation")
REPORT_DIR = "report"


class LockHeldError(RuntimeError):
    """Another run holds the writer lock of this output root."""


class UnsafeOutputError(RuntimeError):
    """A path the run would create, write or delete under OUT is a symlink (or not what it must be).

    Raised before anything is touched: following it would read, write or
    delete outside the output root.
    """

    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"unsafe output path {path}: {why}; nothing was written (remove it, or choose another --out)")
        self.path = path


@dataclass(frozen=True)
class OutputRoot:
    """An output root on any fsspec filesystem; ``local`` decides the publish strategy."""

    url: str
    fs: fsspec.AbstractFileSystem
    path: str

    @classmethod
    def open(cls, url: str | Path) -> OutputRoot:
        fs, path = fsspec.core.url_to_fs(str(url))
        if isinstance(fs, LocalFileSystem):
            path = os.path.abspath(path)
        return cls(str(url), fs, path.rstrip("/") or "/")

    @property
    def local(self) -> bool:
        return isinstance(self.fs, LocalFileSystem)

    def join(self, *parts: str) -> str:
        """A path under the output root."""
        return self.sub(self.path, *parts)

    def sub(self, base: str, *parts: str) -> str:
        """A path under ``base`` (already a path on this filesystem), with this filesystem's separator."""
        return os.path.join(base, *parts) if self.local else "/".join([base.rstrip("/"), *parts])

    def staging_dir(self, run_id: str) -> str:
        return self.join(".staging", run_id)


# --------------------------------------------------------------------------- lock


@contextlib.contextmanager
def writer_lock(root: OutputRoot, wait_seconds: float = 0.0) -> Iterator[None]:
    """One writer per output root. flock dies with its holder, so a crash never leaves it stuck."""
    check_output_root(root)  # before the lock file itself is created
    lock_path = _lock_path(root)
    os.makedirs(os.path.dirname(lock_path), exist_ok=True)
    fd = open_no_follow(lock_path, os.O_RDWR | os.O_CREAT)
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 512, 0).decode("utf-8", "replace").strip() or "unknown holder"
                    raise LockHeldError(
                        f"another nato-briefs run is writing to {root.url} ({holder}); "
                        f"wait for it to finish or pass --wait-lock SECONDS"
                    ) from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        holder = f"pid {os.getpid()} on {socket.gethostname()} since {time.strftime('%Y-%m-%dT%H:%M:%S%z')}"
        os.pwrite(fd, holder.encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the flock


def _lock_path(root: OutputRoot) -> str:
    if root.local:
        os.makedirs(root.path, exist_ok=True)
        return os.path.join(root.path, ".lock")
    digest = hashlib.sha256(root.url.encode()).hexdigest()[:16]
    return os.path.join(os.path.expanduser("~"), ".cache", "nato-briefs", "locks", f"{digest}.lock")


# --------------------------------------------------------------------------- no links followed under OUT


def lstat_or_none(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _is_version_link(target: str, suffix: str = "") -> bool:
    """``.versions/<run_id>`` (+ ``/suffix``): a link the publisher itself writes."""
    head, _, rest = target.partition("/")
    run_id, _, tail = rest.partition("/")
    return head == ".versions" and run_id not in ("", ".", "..") and tail == suffix


def _maintained_link_ok(name: str, target: str) -> bool:
    if name == "current":
        return _is_version_link(target)
    return target == f"current/{name}" or _is_version_link(target, name)  # the former layout, or this one


def check_output_root(root: OutputRoot) -> None:
    """Refuse (UnsafeOutputError) when a path the run touches under a local OUT is, or passes through, a link
    the publisher did not make: ``.staging``, ``.versions`` and their entries, ``.lock``, ``_runs.jsonl``,
    ``report/`` and its files must be real; ``current``, ``_manifest.json``, ``validation`` and the dataset
    links must point where the publisher points them."""
    if not root.local or lstat_or_none(root.path) is None:
        return
    kinds = {".staging": stat.S_ISDIR, ".versions": stat.S_ISDIR, REPORT_DIR: stat.S_ISDIR}
    kinds |= {".lock": stat.S_ISREG, RUN_HISTORY: stat.S_ISREG}
    for name, is_kind in kinds.items():
        path = root.join(name)
        info = lstat_or_none(path)
        if info is None:
            continue
        if stat.S_ISLNK(info.st_mode):
            raise UnsafeOutputError(path, "is a symlink, and the run would write or delete through it")
        if not is_kind(info.st_mode):
            raise UnsafeOutputError(path, "is not a " + ("folder" if is_kind is stat.S_ISDIR else "regular file"))
        if is_kind is stat.S_ISDIR:
            for entry in os.scandir(path):
                if entry.is_symlink():
                    raise UnsafeOutputError(entry.path, "is a symlink, and the run would write or delete through it")
    for name in ("current", *MAINTAINED_LINKS):
        path = root.join(name)
        info = lstat_or_none(path)
        if info is not None and stat.S_ISLNK(info.st_mode) and not _maintained_link_ok(name, os.readlink(path)):
            raise UnsafeOutputError(path, f"is a symlink to {os.readlink(path)}, not one the publisher made")


def safe_out_dir(root: str | os.PathLike, name: str) -> str:
    """OUT/<name> as a real folder with no symlink in it, created if needed (for report/ and the like)."""
    path = os.path.join(os.fspath(root), name)
    info = lstat_or_none(path)
    if info is not None and not stat.S_ISDIR(info.st_mode):
        raise UnsafeOutputError(path, "is a symlink" if stat.S_ISLNK(info.st_mode) else "is not a folder")
    os.makedirs(path, exist_ok=True)
    for entry in os.scandir(path):
        if entry.is_symlink():
            raise UnsafeOutputError(entry.path, "is a symlink, and the run would write through it")
    return path


def open_no_follow(path: str, flags: int) -> int:
    """open(2) of a regular file under OUT that is never a symlink (nor a FIFO, device...)."""
    try:
        fd = os.open(path, flags | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeOutputError(path, "is a symlink, and the run would write through it") from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UnsafeOutputError(path, "is not a regular file")
    os.set_blocking(fd, True)
    return fd


def real_subdirs(folder: str) -> list[str]:
    """Entries of a real folder under OUT (none when absent); a symlink among them is refused."""
    info = lstat_or_none(folder)
    if info is None:
        return []
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeOutputError(folder, "is not a folder")
    entries = []
    for entry in os.scandir(folder):
        if entry.is_symlink():
            raise UnsafeOutputError(entry.path, "is a symlink, and the run would delete through it")
        entries.append(entry.path)
    return sorted(entries)


UNSAFE_ASSET_KEY = re.compile(r"[\s#?&%\"'<>\[\]{}|\\^`]")


def dataset_urls(root: OutputRoot, names: list[str]) -> dict[str, str] | None:
    """Each dataset's URL, a key the Prefect UI's asset lineage accepts; None when the path cannot be one
    (spaces or special characters, or over 512 characters)."""
    base = f"file://{root.path}" if root.local else root.url.rstrip("/")
    urls = {name: f"{base}/{name}" for name in names}
    return None if any(UNSAFE_ASSET_KEY.search(u) or len(u) > 512 for u in urls.values()) else urls
