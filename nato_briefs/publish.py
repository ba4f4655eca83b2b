"""Staging, atomic publication, the writer lock and the run manifest.

Layout of an output root on a local disk::

    OUT/.lock                     writer lock (flock; released by the OS when a holder dies)
    OUT/.staging/<run_id>/        the run being written; removed when the run refuses to publish, else by the
                                  next run (one that crashed or failed on a full disk leaves it until then)
    OUT/.versions/<run_id>/       published versions, immutable (current, previous, and any superseded
                                  less than VERSION_GRACE_SECONDS ago: readers may still be reading them)
    OUT/<dataset> -> .versions/<run_id>/<dataset>     the stable paths users read, one link per dataset
    OUT/_manifest.json, OUT/validation -> .versions/<run_id>/...
    OUT/current -> .versions/<run_id>                 the whole version: switched last (the commit point)

Part files are named after their run (``part-<run_id>-<batch>.parquet``), so no
two versions share a file name. Each dataset link is switched by one rename(2),
which POSIX makes atomic, straight to an immutable folder. A reader that
resolves ``OUT/<dataset>`` once (``os.path.realpath``) reads exactly one
version; a reader that lists ``OUT/<dataset>/`` and then opens each file
through the link may, if a publish switches the link in between, fail on a
missing file or come back short (Arrow drops files that vanish between its
listing and its stats), but never mixes two versions. Datasets are switched one after
the other: a consistent set of several datasets is read through one resolution
of ``OUT/current``. A run killed at any point leaves the last good version
in place; the next run points every link back at ``current``.

Nothing is written, appended or deleted through a symlink planted under OUT:
``check_output_root()`` refuses the run (``UnsafeOutputError``) before it
touches anything, and every open under OUT uses O_NOFOLLOW.

On object stores (``s3://``, ``memory://`` ... through fsspec) there are no
symlinks and no atomic rename: the new files are copied under
``OUT/<dataset>/`` with run-unique names, then ``OUT/_manifest.json`` (a single
object PUT, atomic) is switched to name them, then the old files are deleted.
Readers that follow the manifest always see one complete version; readers that
list the folder may briefly see both versions while the old files are deleted.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import posixpath
import re
import shutil
import signal
import stat
import time

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from nato_briefs.outroot import (
    MAINTAINED_LINKS,
    MANIFEST,
    RUN_HISTORY,
    OutputRoot,
    check_output_root,
    lstat_or_none,
    open_no_follow,
    real_subdirs,
)

# Re-exported: the output root's names have always been importable from here.
from nato_briefs.outroot import REPORT_DIR as REPORT_DIR
from nato_briefs.outroot import LockHeldError as LockHeldError
from nato_briefs.outroot import UnsafeOutputError as UnsafeOutputError
from nato_briefs.outroot import safe_out_dir as safe_out_dir
from nato_briefs.outroot import writer_lock as writer_lock
from nato_briefs.schema import DATASETS, INPUT_INDEX, SCHEMA_VERSION

INPUT_INDEX_FILE = "_inputs.parquet"  # lineage of every input and the state of incremental runs
# Layout of the state an incremental run reads (manifest batches, input index): part of
# the config fingerprint, so a run never reads a state written in another layout.
STATE_VERSION = "2"
KEEP_VERSIONS = 2
# A superseded version is kept at least this long: a reader that resolved it just
# before the switch (or a long query) still finds every file. Versions share their
# unchanged parts through hard links, so keeping one costs only its new parts.
VERSION_GRACE_SECONDS = 600.0
_STAGED_PART = re.compile(r"part-(\d+)\.parquet")
ROW_GROUP_ROWS = 128 * 1024


def crashpoint(name: str) -> None:
    """Fault injection for the crash tests: SIGKILL this process at a named point.

    Set NATO_BRIEFS_CRASH_AT=<name> to prove that a run killed there leaves the
    last good outputs intact. A no-op otherwise.
    """
    if os.environ.get("NATO_BRIEFS_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


# --------------------------------------------------------------------------- staging


def clean_stale_staging(root: OutputRoot) -> list[str]:
    """Remove what crashed runs left behind. Only called while holding the writer lock."""
    removed: list[str] = []
    staging = root.join(".staging")
    if root.local:
        check_output_root(root)
        for entry in real_subdirs(staging):
            shutil.rmtree(entry)  # fd-based on Linux: links inside are unlinked, never followed
            removed.append(entry)
        _repair_links(root)
        return removed + _gc_versions(root)
    if root.fs.exists(staging):
        for entry in root.fs.ls(staging, detail=False):
            root.fs.rm(entry, recursive=True)
            removed.append(entry)
    return removed


def write_parquet(table: pa.Table, root: OutputRoot, path: str, metadata: dict[str, str]) -> None:
    """Write one Parquet file with the analysis-friendly layout and lineage metadata."""
    schema_meta = dict(table.schema.metadata or {})
    metadata = {"schema_version": SCHEMA_VERSION, **metadata}
    schema_meta.update({f"nato_briefs.{k}".encode(): v.encode() for k, v in metadata.items()})
    table = table.replace_schema_metadata(schema_meta)
    root.fs.makedirs(posixpath.dirname(path) if not root.local else os.path.dirname(path), exist_ok=True)
    # Locally, write beside and rename over: a part hard-linked from the previous
    # version is replaced, never truncated in place (that would change the old version).
    target = f"{path}.tmp-{os.getpid()}" if root.local else path
    pq.write_table(
        table,
        target,
        filesystem=root.fs,
        compression="zstd",
        use_dictionary=True,
        row_group_size=ROW_GROUP_ROWS,
        write_statistics=True,
    )
    if root.local:
        os.replace(target, path)


def read_parquet_files(
    root: OutputRoot,
    paths: list[str],
    name: str,
    placeholders: tuple[str, ...] = (),
    columns: list[str] | None = None,
) -> pa.Table:
    """Part files of one dataset as one table with the dataset's schema (or the chosen columns).

    Columns named in ``placeholders`` are read as "" (nulls kept): same type and
    nullness, none of the bytes. When the footer's statistics say a column has
    no nulls, its pages are not even read: 100k articles' prose would otherwise
    pass through memory (and stay in the allocator) only to be blanked.
    """
    schema = DATASETS[name]
    if columns is not None:
        schema = pa.schema([schema.field(c) for c in columns])
    tables = [_read_part(root, path, schema, placeholders) for path in paths]
    if not tables:
        return schema.empty_table()
    return pa.concat_tables(tables).replace_schema_metadata(None)


def _read_part(root: OutputRoot, path: str, schema: pa.Schema, placeholders: tuple[str, ...]) -> pa.Table:
    blank = set()
    if placeholders:
        metadata = pq.read_metadata(path, filesystem=root.fs)
        blank = {c for c in placeholders if _has_no_nulls(metadata, c)}
    wanted = [f.name for f in schema if f.name not in blank]
    table = pq.read_table(path, filesystem=root.fs, schema=pa.schema([schema.field(c) for c in wanted]), columns=wanted)
    n_rows = table.num_rows
    for column in placeholders:
        if column in blank:
            values = pa.array([""] * n_rows, pa.string())
        else:
            nulls = pc.is_null(table[column])
            values = pc.if_else(nulls, pa.scalar(None, pa.string()), pa.scalar("", pa.string()))
            table = table.drop_columns([column])
        table = table.append_column(schema.field(column), values)
    return table.select(schema.names)


def _has_no_nulls(metadata: pq.FileMetaData, column: str) -> bool:
    """True when every row group's statistics record zero nulls for ``column``."""
    names = [metadata.schema.column(i).name for i in range(metadata.num_columns)]
    if column not in names:
        return False
    index = names.index(column)
    for group in range(metadata.num_row_groups):
        stats = metadata.row_group(group).column(index).statistics
        if stats is None or not stats.has_null_count or stats.null_count != 0:
            return False
    return True


def list_parts(root: OutputRoot, directory: str) -> list[str]:
    if not root.fs.exists(directory):
        return []
    return sorted(p for p in root.fs.ls(directory, detail=False) if p.endswith(".parquet"))


# --------------------------------------------------------------------------- manifest


def read_manifest(root: OutputRoot) -> dict | None:
    """The manifest of the current version, or None when nothing was published yet.

    Locally through ``current`` (the commit point), not ``OUT/_manifest.json``: a
    run killed while switching the links may have switched that one already.
    """
    path = root.join("current", MANIFEST) if root.local else root.join(MANIFEST)
    try:
        with root.fs.open(path, "rb") as handle:
            return json.loads(handle.read().decode("utf-8"))
    except (FileNotFoundError, json.JSONDecodeError, OSError):
        return None


def version_dir(root: OutputRoot, manifest: dict) -> str:
    """Where the files a manifest names live: its own version folder locally, the root on object stores."""
    return root.join(".versions", manifest["run_id"]) if root.local else root.path


def write_input_index(root: OutputRoot, staging: str, rows: list[tuple]) -> None:
    """(source_path, doc_id, batch, stat signature) of every published input, sorted by source_path."""
    rows = sorted(rows, key=lambda row: row[0])
    columns = list(zip(*rows, strict=True)) or [()] * len(INPUT_INDEX)
    table = pa.table(dict(zip(INPUT_INDEX.names, columns, strict=True)), schema=INPUT_INDEX)
    with root.fs.open(root.sub(staging, INPUT_INDEX_FILE), "wb") as handle:
        pq.write_table(table, handle, compression="zstd")


def read_input_index(root: OutputRoot, manifest: dict) -> dict[str, tuple[str, str | None]]:
    """source_path -> (doc_id, stat signature or None) from the current version; {} when unreadable."""
    name = manifest.get("inputs_file")
    if not name:
        return {}
    try:
        with root.fs.open(root.sub(version_dir(root, manifest), name), "rb") as handle:
            table = pq.read_table(handle, schema=INPUT_INDEX, columns=["source_path", "doc_id", "stat_signature"])
    except (OSError, pa.ArrowException):
        return {}
    paths, doc_ids, signatures = (table[c].to_pylist() for c in ("source_path", "doc_id", "stat_signature"))
    return dict(zip(paths, zip(doc_ids, signatures, strict=True), strict=True))


def _write_json(root: OutputRoot, path: str, payload: dict) -> None:
    with root.fs.open(path, "wb") as handle:
        handle.write(json.dumps(payload, indent=1, sort_keys=True).encode("utf-8"))


# --------------------------------------------------------------------------- publish


def publish(root: OutputRoot, run_id: str, manifest: dict) -> str:
    """Make the staged version of ``run_id`` the current one, atomically. Returns its location."""
    staging = root.staging_dir(run_id)
    manifest = {**manifest, "schema_version": SCHEMA_VERSION, "run_id": run_id}
    if root.local:
        return _publish_local(root, staging, run_id, manifest)
    return _publish_object_store(root, staging, run_id, manifest)


def _publish_local(root: OutputRoot, staging: str, run_id: str, manifest: dict) -> str:
    check_output_root(root)  # a link planted during the run is not written through either
    versions = root.join(".versions")
    os.makedirs(versions, exist_ok=True)
    renamed = _name_parts_after_run(staging, run_id)
    manifest["files"] = {
        name: [os.path.relpath(p, staging) for p in list_parts(root, os.path.join(staging, name))] for name in DATASETS
    }
    for batch in manifest.get("batches", []):
        batch["parts"] = {name: renamed.get(rel, rel) for name, rel in batch["parts"].items()}
    _write_json(root, os.path.join(staging, MANIFEST), manifest)
    _fsync_tree(staging)
    crashpoint("before_rename")
    version_dir = os.path.join(versions, run_id)
    os.rename(staging, version_dir)
    crashpoint("before_swap")
    target = os.path.join(".versions", run_id)
    _point_links_at(root, target)
    _atomic_symlink(target, root.join("current"))  # the commit point: the version, whole
    crashpoint("after_swap")
    _fsync(root.path)
    _gc_versions(root)
    return version_dir


def _name_parts_after_run(staging: str, run_id: str) -> dict[str, str]:
    """Rename staged ``<name>/part-00003.parquet`` to ``<name>/part-<run_id>-00003.parquet``.

    No file name is then shared by two versions: a reader that listed one
    version's folder and opens a file after the link moved gets "no such file",
    never another version's rows. Returns old -> new relative paths.
    """
    renamed = {}
    for name in DATASETS:
        folder = os.path.join(staging, name)
        if not os.path.isdir(folder):
            continue
        for entry in sorted(os.listdir(folder)):
            match = _STAGED_PART.fullmatch(entry)
            if match:
                new = f"part-{run_id}-{match.group(1)}.parquet"
                os.rename(os.path.join(folder, entry), os.path.join(folder, new))
                renamed[f"{name}/{entry}"] = f"{name}/{new}"
    return renamed


def _point_links_at(root: OutputRoot, version: str) -> None:
    """Each dataset link (and the manifest's, validation's) straight at ``version``'s folder, one rename each.

    A real folder or file where a link would go (not made by the publisher) is left alone.
    """
    for name in MAINTAINED_LINKS:
        link, target = root.join(name), os.path.join(version, name)
        info = lstat_or_none(link)
        if (info is None or stat.S_ISLNK(info.st_mode)) and (info is None or os.readlink(link) != target):
            _atomic_symlink(target, link)


def _repair_links(root: OutputRoot) -> None:
    """After a run killed mid-switch: every link back on ``current`` (the last committed version)."""
    current = root.join("current")
    info = lstat_or_none(current)
    if info is not None and stat.S_ISLNK(info.st_mode) and os.path.isdir(current):
        _point_links_at(root, os.readlink(current))


def _atomic_symlink(target: str, link: str) -> None:
    tmp = f"{link}.tmp-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _fsync_tree(path: str) -> None:
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            _fsync(os.path.join(dirpath, name))
        _fsync(dirpath)


def _fsync(path: str) -> None:
    """Flush a file's data, or a directory's entries, to disk (both opened read-only)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _gc_versions(root: OutputRoot, now: float | None = None) -> list[str]:
    """Keep the current version, the one before it, and any superseded less than VERSION_GRACE_SECONDS ago.

    A version is superseded when the next one is published (that one's mtime):
    readers that resolved it just before still find every file for that long.
    """
    versions = root.join(".versions")
    entries = real_subdirs(versions)
    if not entries:
        return []
    now = time.time() if now is None else now
    current = os.path.realpath(root.join("current"))
    newest_first = sorted(entries, key=lambda e: os.lstat(e).st_mtime, reverse=True)
    current = next((e for e in newest_first if os.path.realpath(e) == current), current)
    keep = {current, *[e for e in newest_first if e != current][: KEEP_VERSIONS - 1]}
    for newer, older in itertools.pairwise(newest_first):
        if now - os.lstat(newer).st_mtime < VERSION_GRACE_SECONDS:
            keep.add(older)
    removed = []
    for entry in newest_first:
        if entry not in keep:
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def _publish_object_store(root: OutputRoot, staging: str, run_id: str, manifest: dict) -> str:
    fs = root.fs
    old = read_manifest(root) or {}
    files: dict[str, list[str]] = {}
    renamed: dict[str, str] = {}
    for name in DATASETS:
        files[name] = []
        for part in list_parts(root, posixpath.join(staging, name)):
            rel = f"{name}/part-{run_id}-{posixpath.basename(part).removeprefix('part-')}"
            fs.copy(part, posixpath.join(root.path, rel))
            files[name].append(rel)
            renamed[f"{name}/{posixpath.basename(part)}"] = rel
    for batch in manifest.get("batches", []):
        batch["parts"] = {name: renamed.get(rel, rel) for name, rel in batch["parts"].items()}
    if fs.exists(posixpath.join(staging, "validation")):
        fs.copy(posixpath.join(staging, "validation"), posixpath.join(root.path, "validation"), recursive=True)
    if fs.exists(posixpath.join(staging, INPUT_INDEX_FILE)):
        manifest["inputs_file"] = f"_inputs/{run_id}.parquet"
        fs.copy(posixpath.join(staging, INPUT_INDEX_FILE), posixpath.join(root.path, manifest["inputs_file"]))
    manifest["files"] = files
    _write_json(root, posixpath.join(root.path, MANIFEST), manifest)  # the atomic switch
    if old.get("inputs_file") and old["inputs_file"] != manifest.get("inputs_file"):
        with contextlib.suppress(FileNotFoundError):
            fs.rm(posixpath.join(root.path, old["inputs_file"]))
    for name, paths in (old.get("files") or {}).items():
        for rel in set(paths) - set(files.get(name, [])):
            with contextlib.suppress(FileNotFoundError):
                fs.rm(posixpath.join(root.path, rel))
    fs.rm(staging, recursive=True)
    return root.path


def append_run_history(root: OutputRoot, record: dict) -> None:
    """One JSON line per published run; never part of a version, never rewritten on local disks."""
    line = json.dumps(record, sort_keys=True) + "\n"
    path = root.join(RUN_HISTORY)
    if root.local:
        fd = open_no_follow(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        with open(fd, "a", encoding="utf-8") as handle:
            handle.write(line)
        return
    old = root.fs.cat_file(path).decode("utf-8") if root.fs.exists(path) else ""
    with root.fs.open(path, "wb") as handle:
        handle.write((old + line).encode("utf-8"))
