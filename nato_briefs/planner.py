"""The run planner: what the last published version offers, what this run may reuse, and its manifest.

An incremental run is only as good as the state it trusts. The manifest is a
file an operator can edit, truncate or delete, and the part files it names can
be damaged or swapped on disk, so nothing here is trusted because the manifest
says so: the manifest is parsed into typed records (a wrong shape is a
``ManifestError``, never a ``KeyError`` deep in a task), and every part offered
for reuse is checked against the data (size and footer row count always, the
checksum on request). A batch that fails a check is re-parsed from RAW; the
counts a run reports come from the files it publishes.

Pure Python and pyarrow: the flow composes these functions, the unit tests call
them in milliseconds.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from nato_briefs import __version__
from nato_briefs.batch import (
    BatchPlan,
    BatchResult,
    PreviousBatch,
    PreviousInputs,
    PreviousPart,
    batch_target,
    known_doc_ids,
    part_name,
    plan_batches,
    unchanged_batch,
)
from nato_briefs.config import PACKAGE_DIR, Settings
from nato_briefs.ingest import Rejection, SourceFile
from nato_briefs.manifest import BatchRecord, Manifest, ManifestError, PartRecord, build_manifest
from nato_briefs.publish import (
    MANIFEST,
    RUN_HISTORY,
    STATE_VERSION,
    OutputRoot,
    read_input_index,
    version_dir,
    write_input_index,
)

if TYPE_CHECKING:
    pass

# Measured on a 100 MB part set (bench/verify_reuse.py): blake2b 334 MB/s, xxh3_128 4,300 MB/s.
# At 100k articles (~150 MB of parts) that is 0.45 s against 0.04 s per full hash pass: under
# 0.5% of a full run, and only `--verify` and `validate` hash reused parts. Not worth a dependency.
CHECKSUM_ALGORITHM = "blake2b"
TASKS_PER_WORKER = 6  # enough to balance the cores, few enough that task overhead stays small


# --------------------------------------------------------------------------- fingerprint


def config_fingerprint(settings: Settings) -> str:
    """What makes previous results reusable: code, schema and every rule file."""
    digest = hashlib.sha256(f"{__version__}/{STATE_VERSION}".encode())
    digest.update(repr((settings.parse, settings.ingest)).encode())
    # Every rule file and module of the core: records depend on any of them.
    for path in sorted([*PACKAGE_DIR.rglob("*.py"), *PACKAGE_DIR.rglob("*.yaml")]):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


# --------------------------------------------------------------------------- previous state


@dataclass(frozen=True)
class PreviousRead:
    """The outcome of reading the current version's manifest: a manifest to build on, or why not."""

    manifest: Manifest | None
    note: str | None = None  # why there is nothing to reuse, for the log
    damaged: bool = False  # the note is a warning: state was there but unusable
    documents: int = 0  # documents the current version publishes (for the mass-loss guard)


def read_previous(root: OutputRoot, fingerprint: str) -> PreviousRead:
    """The current version's manifest if this code may build on it; never raises for a bad file."""
    path = root.join(MANIFEST)
    try:
        with root.fs.open(path, "rb") as handle:
            text = handle.read()
    except (FileNotFoundError, NotADirectoryError):
        if _published_before(root):
            note = f"{path} is missing although runs were published here (deleted 'current'?): full refresh"
            return PreviousRead(None, note, damaged=True, documents=_last_published_documents(root))
        return PreviousRead(None)
    except OSError as exc:
        return PreviousRead(None, f"cannot read {path} ({exc}): full refresh", damaged=True)
    try:
        payload = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        note = f"{path} is damaged (not valid JSON, truncated?: {exc}): full refresh"
        return PreviousRead(None, note, damaged=True, documents=_last_published_documents(root))
    if isinstance(payload, dict) and payload.get("config_fingerprint") != fingerprint:
        # Checked before the shape: a manifest of an older layout is expected after an upgrade.
        documents = payload.get("counts", {}).get("documents", 0) if isinstance(payload.get("counts"), dict) else 0
        documents = documents if isinstance(documents, int) else _last_published_documents(root)
        return PreviousRead(None, "code or rules changed since the last run: full rebuild", documents=documents)
    try:
        manifest = Manifest.from_dict(payload)
    except ManifestError as exc:
        note = f"{path} is damaged ({exc}): full refresh"
        return PreviousRead(None, note, damaged=True, documents=_last_published_documents(root))
    return PreviousRead(manifest, documents=manifest.documents)


def _published_before(root: OutputRoot) -> bool:
    return root.fs.exists(root.join(RUN_HISTORY))


def _last_published_documents(root: OutputRoot) -> int:
    """From the run history, which outlives versions: the guard still holds when the manifest is gone."""
    try:
        with root.fs.open(root.join(RUN_HISTORY), "rb") as handle:
            lines = handle.read().decode("utf-8").splitlines()
        documents = json.loads(lines[-1]).get("documents", 0) if lines else 0
    except (OSError, ValueError, AttributeError, IndexError):
        return 0
    return documents if isinstance(documents, int) and documents >= 0 else 0


@dataclass(frozen=True)
class PartCheck:
    """What a part file really holds, or why it cannot be reused."""

    problem: str | None
    rows: int = 0
    stats: dict[str, int] = field(default_factory=dict)


def check_part(root: OutputRoot, path: str, record: PartRecord, full: bool = False) -> PartCheck:
    """Size and footer row count (cheap: one stat, one footer read); the checksum too when ``full``."""
    try:
        size = root.fs.size(path)
    except (FileNotFoundError, NotADirectoryError):
        return PartCheck(f"{path} is missing")
    except OSError as exc:
        return PartCheck(f"{path} cannot be read ({exc})")
    if size != record.size:
        return PartCheck(f"{path} has {size:,} bytes, the manifest recorded {record.size:,}")
    try:
        metadata = pq.read_metadata(path, filesystem=root.fs)
        if metadata.num_rows != record.rows:
            return PartCheck(f"{path} holds {metadata.num_rows:,} rows, the manifest recorded {record.rows:,}")
        if full and (actual := file_checksum(root, path)) != record.checksum:
            return PartCheck(f"{path} checksum {actual} differs from the recorded {record.checksum}")
        return PartCheck(None, metadata.num_rows, data_stats(root, path, record.dataset, metadata))
    except (OSError, pa.ArrowException, KeyError) as exc:
        return PartCheck(f"{path} is not a readable Parquet file of {record.dataset} ({exc})")


def file_checksum(root: OutputRoot, path: str) -> str:
    digest = hashlib.new(CHECKSUM_ALGORITHM)
    with root.fs.open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return f"{CHECKSUM_ALGORITHM}:{digest.hexdigest()}"


def data_stats(root: OutputRoot, path: str, dataset: str, metadata: pq.FileMetaData) -> dict[str, int]:
    """batch.part_stats() of a file on disk: quarantine reasons from its (small) column, null themes
    from the footer statistics. A summary never repeats numbers only the manifest vouches for."""
    if dataset == "quarantine":
        codes = pq.read_table(path, columns=["reason_code"], filesystem=root.fs)["reason_code"]
        return {e["values"]: e["counts"] for e in pc.value_counts(codes).to_pylist()} if len(codes) else {}
    if dataset in ("priorities", "initiatives"):
        nulls = _footer_null_count(metadata, "theme")
        if nulls is None:
            nulls = pq.read_table(path, columns=["theme"], filesystem=root.fs)["theme"].null_count
        return {"theme_null": nulls}
    return {}


def _footer_null_count(metadata: pq.FileMetaData, column: str) -> int | None:
    names = [metadata.schema.column(i).name for i in range(metadata.num_columns)]
    if column not in names:
        return None
    total = 0
    for group in range(metadata.num_row_groups):
        stats = metadata.row_group(group).column(names.index(column)).statistics
        if stats is None or not stats.has_null_count:
            return None
        total += stats.null_count
    return total


@dataclass(frozen=True)
class PreviousState:
    """What the last published version offers for reuse: verified batches and its input index."""

    batches: list[PreviousBatch]
    inputs: PreviousInputs
    records: dict[str, BatchRecord]  # by batch fingerprint: carried into the next manifest when linked
    warnings: list[str] = field(default_factory=list)
    documents: int = 0  # documents the version publishes, by its input index (the mass-loss guard's base)
    seconds: float = 0.0  # spent checking the parts (the price of verified reuse, for the summary)


def load_previous(root: OutputRoot, manifest: Manifest, verify_checksums: bool = False) -> PreviousState:
    """Check every part the manifest offers; a batch with a damaged part is dropped, so its files are
    read and parsed again from RAW (their input-index entries go too, and no row of theirs is merged)."""
    started = time.perf_counter()
    base = version_dir(root, manifest.to_dict())
    inputs = read_input_index(root, manifest.to_dict())
    batches, records, warnings, damaged = [], {}, [], []
    for record in manifest.batches:
        parts, stats, problems = check_batch(root, base, record, verify_checksums)
        if problems:
            warnings += [f"reused part damaged: {p}; batch {record.index} is parsed again from RAW" for p in problems]
            damaged.append(record)
            continue
        batches.append(PreviousBatch(record.fingerprint, record.reusable, parts, stats))
        records[record.fingerprint] = record
    seconds = time.perf_counter() - started
    return PreviousState(batches, _without_batches(inputs, damaged), records, warnings, len(inputs), seconds)


@dataclass(frozen=True)
class StartingPoint:
    """Where a run starts: the verified state to build on (None: full refresh), and what to tell about it."""

    state: PreviousState | None
    documents: int  # documents published now: the mass-loss guard's base
    notes: list[str] = field(default_factory=list)  # why nothing is reused, for the log
    warnings: list[str] = field(default_factory=list)  # damaged state found and repaired: log and summary


def starting_point(root: OutputRoot, fingerprint: str, full_refresh: bool, verify: bool) -> StartingPoint:
    """Read and verify the published version once; a full refresh still counts its documents."""
    read = read_previous(root, fingerprint)
    said = [read.note] if read.note and (read.damaged or not full_refresh) else []
    notes, warnings = ([], said) if read.damaged else (said, [])
    if full_refresh or read.manifest is None:
        return StartingPoint(None, read.documents, notes, warnings)
    state = load_previous(root, read.manifest, verify)
    return StartingPoint(state, state.documents or read.documents, notes, warnings + state.warnings)


def check_batch(
    root: OutputRoot, base: str, record: BatchRecord, full: bool
) -> tuple[list[PreviousPart], dict[str, dict[str, int]], list[str]]:
    """The batch's parts as the data says (rows, stats), and every problem found."""
    parts, stats, problems = [], {}, []
    for part in record.parts.values():
        path = root.sub(base, *part.path.split("/"))
        check = check_part(root, path, part, full)
        if check.problem:
            problems.append(check.problem)
            continue
        parts.append(PreviousPart(part.dataset, path, record.first, record.last, check.rows))
        stats[part.dataset] = check.stats
    return parts, stats, problems


def _without_batches(inputs: PreviousInputs, damaged: list[BatchRecord]) -> PreviousInputs:
    if not damaged:
        return inputs
    ranges = [(b.first, b.last) for b in damaged]
    return {path: entry for path, entry in inputs.items() if not any(lo <= path <= hi for lo, hi in ranges)}


# --------------------------------------------------------------------------- plan


@dataclass(frozen=True)
class RunPlan:
    """The batches of a run and, for each, what it may reuse; unchanged batches are linked unread.

    The changed batches go as ``groups``, one task run each (see :func:`task_groups`).
    ``inline``: few files to read (a daily increment), so they are read in the flow's
    process; a pool costs seconds to start.
    """

    batches: list[BatchPlan]
    reuse: dict[int, tuple[list[PreviousBatch], PreviousInputs]]
    unchanged: list[BatchPlan]
    changed: list[BatchPlan]
    files_to_read: int
    groups: list[list[BatchPlan]] = field(default_factory=list)
    inline: bool = True


def plan_run(
    files: list[SourceFile], rejected: list[Rejection], settings: Settings, previous: PreviousState | None
) -> RunPlan:
    plans = attach_rejections(plan_batches(files, batch_target(len(files), settings.batch_size)), rejected)
    reuse = {plan.index: previous_for(plan, previous) for plan in plans}
    known = {plan.index: known_doc_ids(plan, reuse[plan.index][1]) for plan in plans}
    unchanged = [p for p in plans if unchanged_batch(p, reuse[p.index][0], known[p.index])]
    linked = {p.index for p in unchanged}
    changed = [p for p in plans if p.index not in linked]
    to_read = sum(len(p.files) - len(known[p.index]) for p in changed)
    groups = heaviest_first(task_groups(changed, settings.workers * TASKS_PER_WORKER, settings.workers))
    return RunPlan(plans, reuse, unchanged, changed, to_read, groups, to_read <= settings.inline_max_files)


def previous_for(plan: BatchPlan, state: PreviousState | None) -> tuple[list[PreviousBatch], PreviousInputs]:
    """Only what this batch can use: previous batches overlapping its path range, its files' old hashes."""
    if state is None or not plan.files:
        return [], {}
    first, last = plan.files[0].source_path, plan.files[-1].source_path
    overlapping = [b for b in state.batches if b.parts and b.parts[0].first <= last and b.parts[0].last >= first]
    inputs = {f.source_path: state.inputs[f.source_path] for f in plan.files if f.source_path in state.inputs}
    return overlapping, inputs


def attach_rejections(plans: list[BatchPlan], rejected: list[Rejection]) -> list[BatchPlan]:
    """Files rejected before reading travel with the batch covering their path (keeps output order)."""
    if not rejected:
        return plans
    if not plans:
        return [BatchPlan(0, [], rejected)]
    firsts = [p.files[0].source_path for p in plans]
    extra: dict[int, list[Rejection]] = {}
    for r in rejected:
        extra.setdefault(max(0, bisect.bisect_right(firsts, r.source_path) - 1), []).append(r)
    return [replace(p, rejections=p.rejections + extra.get(p.index, [])) for p in plans]


def task_groups(plans: list[BatchPlan], n_tasks: int, workers: int = 1) -> list[list[BatchPlan]]:
    """Consecutive batches per task run, in shrinking groups: at most ``n_tasks`` of them.

    Each task run costs tens of ms of Prefect bookkeeping, so groups are few; and the cores
    idle at the end while the last task finishes, so the last groups are small. Guided
    scheduling: a group takes 1/(2 x workers) of the files still left, never less than
    1/(2 x n_tasks) of all: the pool takes tasks in order, the large ones first, and the
    small ones at the end fill in whichever core frees up first (at 100k files, equal shares
    left one core idle for ~40 s while the other finished a 1/12 share).

    Batch sizes vary (content-defined cuts: from a quarter to four times the target), so groups
    are cut on the running file count, not on the number of batches.
    """
    n_tasks = max(1, n_tasks)
    workers = max(1, min(workers, n_tasks))
    weights = [_weight(plan) for plan in plans]
    left = sum(weights)
    least = left / (2 * n_tasks)
    groups: list[list[BatchPlan]] = []
    current: list[BatchPlan] = []
    size = 0
    for plan, weight in zip(plans, weights, strict=True):
        share = max(least, left / (2 * workers))
        if current and size + weight / 2 > share and len(groups) < n_tasks - 1:
            groups.append(current)
            left -= size
            current, size = [], 0
        current.append(plan)
        size += weight
    if current:
        groups.append(current)
    return groups


def heaviest_first(groups: list[list[BatchPlan]]) -> list[list[BatchPlan]]:
    """The groups in the order to submit them: most files first (the pool takes tasks in order).

    Guided cuts shrink the groups along the path order, but one batch can hold four times the
    target (a content-defined cut): late in the order it ran alone while the other cores idled
    (27 s of a 20k run). Results are put back in batch order once collected.
    """
    return sorted(groups, key=lambda group: -files_in(group))


def files_in(plans: list[BatchPlan]) -> int:
    """A group's weight: the sum of its batches'."""
    return sum(_weight(plan) for plan in plans)


def _weight(plan: BatchPlan) -> int:
    """A batch's weight: its files (a batch of rejected files only still costs a task)."""
    return max(1, len(plan.files))


# --------------------------------------------------------------------------- guard and manifest


def shrink_refusal(previous_documents: int, documents: int, max_share: float) -> str | None:
    """One line when publishing would drop more than ``max_share`` of the published documents."""
    if previous_documents <= 0 or documents >= previous_documents:
        return None
    lost = previous_documents - documents
    if lost / previous_documents <= max_share:
        return None
    return (
        f"refusing to publish: {lost:,} of the {previous_documents:,} published documents "
        f"({lost / previous_documents:.0%}) would be dropped (allowed: {max_share:.0%}); inputs vanished or "
        f"became unreadable? If intended, rerun with --allow-shrink"
    )


def staged_parts(
    root: OutputRoot, staging: str, results: list[BatchResult], previous: PreviousState | None
) -> dict[int, dict[str, PartRecord]]:
    """Size, rows and checksum of every staged part. A batch linked unchanged keeps its previous records
    (same files, so a damage that slipped past the cheap checks still fails the next full verify);
    every other part is hashed as written."""
    records = previous.records if previous else {}
    described: dict[int, dict[str, PartRecord]] = {}
    for result in results:
        carried = records.get(result.fingerprint) if result.reused_whole_batch and result.reusable else None
        parts = {}
        for name, rows in result.counts.items():
            rel = f"{name}/{part_name(result.index)}"
            old = carried.parts.get(name) if carried else None
            if old is not None and old.rows == rows:
                parts[name] = replace(old, path=rel)
                continue
            path = root.sub(staging, name, part_name(result.index))
            parts[name] = PartRecord(name, rel, rows, root.fs.size(path), file_checksum(root, path))
        described[result.index] = parts
    return described


def stage_manifest(
    root: OutputRoot,
    staging: str,
    run_id: str,
    fingerprint: str,
    results: list[BatchResult],
    previous: PreviousState | None,
    records: dict[str, int],
    extra: dict,
) -> dict:
    """The new version's manifest, every staged part described, and its input index written into staging."""
    parts = staged_parts(root, staging, results, previous)
    manifest = build_manifest(run_id, fingerprint, results, parts, records, extra)
    write_input_index(root, staging, [(p, d, r.index, r.signatures.get(p)) for r in results for p, d in r.inputs])
    return manifest.to_dict()


def verify_published(out: str, full: bool = True) -> list[str]:
    """Integrity of the current version against its manifest (for ``validate``): one line per problem."""
    root = OutputRoot.open(out)
    path = root.join(MANIFEST)
    try:
        with root.fs.open(path, "rb") as handle:
            manifest = Manifest.from_json(handle.read())
    except (FileNotFoundError, NotADirectoryError):
        return [f"{path} is missing"]
    except (OSError, ManifestError) as exc:
        return [f"{path} is damaged: {exc}"]
    base = version_dir(root, manifest.to_dict())
    return [problem for record in manifest.batches for problem in check_batch(root, base, record, full)[2]]
