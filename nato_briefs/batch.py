"""One batch of files through ingest -> parse -> normalize -> staged Parquet parts.

This is the unit of work the flow distributes (a few batches per Prefect task
run, :func:`process_batches`): plain Python with no Prefect import, so it runs
the same in a thread, a process pool or on a Dask worker, and can be profiled
on its own.

Batches are cut where the source paths say so (content-defined chunking), not
every N files: adding or deleting a file changes only its own batch, so an
incremental run finds every other batch unchanged and reuses its published
part files as they are.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import math
import os
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from nato_briefs.config import Settings
from nato_briefs.ingest import Rejection, Signature, SourceDocument, SourceFile, read_source
from nato_briefs.normalize import BatchNormalizer, document_stats
from nato_briefs.parse import ParseLimitError, parse_document
from nato_briefs.publish import OutputRoot, crashpoint, write_parquet
from nato_briefs.schema import DATASETS, sort_rows
from nato_briefs.vocab import ReasonCode, Stage


@dataclass(frozen=True)
class PreviousPart:
    """A part file of the previous version, as the manifest describes it."""

    dataset: str
    path: str  # absolute path/URL on the output filesystem
    first: str  # first and last source_path it holds
    last: str
    rows: int  # from the file's footer, checked against the manifest before the part is offered


@dataclass(frozen=True)
class PreviousBatch:
    """A batch of the previous version: its parts serve whole-batch reuse and unchanged documents."""

    fingerprint: str
    reusable: bool  # False once the flow rewrote its parts: only its documents' rows are reused
    parts: list[PreviousPart]
    stats: dict[str, dict[str, int]] = field(default_factory=dict)


# source_path -> (doc_id, trusted stat signature or None) of every document the previous version published
PreviousInputs = dict[str, tuple[str, Signature | None]]


@dataclass(frozen=True)
class BatchPlan:
    index: int
    files: list[SourceFile]
    rejections: list[Rejection] = field(default_factory=list)  # files rejected before reading

    @property
    def start(self) -> str:
        return min([f.source_path for f in self.files[:1]] + [r.source_path for r in self.rejections])


@dataclass
class BatchResult:
    index: int
    inputs: list[tuple[str, str]] = field(default_factory=list)  # (source_path, doc_id) published
    fingerprint: str = ""
    start: str = ""  # smallest source_path of the batch, rejected files included
    first: str = ""  # first and last published source_path
    last: str = ""
    reusable: bool = True  # False once the flow rewrote its parts (duplicates, quarantined records)
    failure: str | None = None  # set when the batch task failed after its retries (files quarantined)
    rejections: list[Rejection] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    stats: dict[str, dict[str, int]] = field(default_factory=dict)  # part_stats() of each dataset's part
    signatures: dict[str, Signature | None] = field(default_factory=dict)  # of the inputs, for the next run
    n_read: int = 0
    n_parsed: int = 0
    n_reused: int = 0
    reused_whole_batch: bool = False
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    bytes_read: int = 0


def batch_target(n_files: int, requested: int | None = None) -> int:
    """Average batch size: about 16 batches per corpus, a power of two in [128, 1024].

    Batches large enough that Prefect's per-task cost (tens of ms in a process
    pool) stays negligible, small enough that a worker's memory stays low and
    the last batches do not leave a core idle. A power of two keeps the target,
    and so the batch boundaries, stable when a corpus grows by a few files.
    """
    if requested:
        return requested
    return 1 << min(10, max(7, round(math.log2(max(1, n_files) / 16))))


def plan_batches(files: list[SourceFile], target: int) -> list[BatchPlan]:
    """Cut the sorted file list where crc32(path) % target == 0 (bounded to [target/4, 4*target])."""
    target = max(1, target)
    batches: list[BatchPlan] = []
    current: list[SourceFile] = []
    for f in files:
        current.append(f)
        cut = zlib.crc32(f.source_path.encode("utf-8")) % target == 0
        if (cut and len(current) >= max(1, target // 4)) or len(current) >= 4 * target:
            batches.append(BatchPlan(len(batches), current))
            current = []
    if current:
        batches.append(BatchPlan(len(batches), current))
    return batches


def batch_fingerprint(inputs: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    for path, doc_id in inputs:
        digest.update(f"{path}\0{doc_id}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def process_batch(
    plan: BatchPlan,
    settings: Settings,
    root: OutputRoot,
    staging: str,
    run_metadata: dict[str, str],
    previous: list[PreviousBatch] | None = None,
    previous_inputs: PreviousInputs | None = None,
) -> BatchResult:
    """Read, parse and normalize one batch and write its Parquet parts under ``staging``.

    ``previous`` are the previous version's batches overlapping this one;
    ``previous_inputs`` gives the doc_id and stat signature each of its files
    had, so unchanged files are neither read nor parsed.
    """
    gc_was_enabled = gc.isenabled()
    gc.disable()  # parsing allocates millions of acyclic objects: collection passes only cost time (~10%)
    try:
        return _process_batch(plan, settings, root, staging, run_metadata, previous or [], previous_inputs or {})
    finally:
        if gc_was_enabled:
            gc.enable()
        release_memory()


def process_batches(
    plans: list[BatchPlan],
    settings: Settings,
    out_url: str,
    staging: str,
    run_metadata: dict[str, str],
    previous: list[tuple[list[PreviousBatch], PreviousInputs]],
) -> list[BatchResult]:
    """A few consecutive batches, one after the other: the work of one task run.

    Each task run costs more bookkeeping than a small batch's work, so the flow
    hands a task a group of batches, each with what it may reuse (``previous``,
    in the same order). The output's URL travels to the worker, which opens the
    root there.
    """
    root = OutputRoot.open(out_url)
    return [
        process_batch(plan, settings, root, staging, run_metadata, *reuse)
        for plan, reuse in zip(plans, previous, strict=True)
    ]


def quarantine_failed_batch(
    plan: BatchPlan, error: str, settings: Settings, root: OutputRoot, staging: str, run_metadata: dict[str, str]
) -> BatchResult:
    """A batch whose task failed after its retries: its files quarantined, so the others can be published."""
    names = [f.source_path for f in plan.files]
    failed = [Rejection(n, None, Stage.PARSE, ReasonCode.BATCH_FAILED, f"batch task failed: {error}") for n in names]
    result = process_batch(BatchPlan(plan.index, [], plan.rejections + failed), settings, root, staging, run_metadata)
    result.failure = f"batch {plan.index} ({len(names)} files: {', '.join(names[:3])}...): {error}"
    return result


def release_memory() -> None:
    """Hand freed heap back to the OS: a pool worker runs many batches in a row, the flow many validation groups.

    Two heaps hold freed memory: glibc's (Python objects) and Arrow's own pool (mimalloc here),
    which keeps the buffers of every table a validation group converted unless asked.
    """
    pa.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to do
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def known_doc_ids(plan: BatchPlan, previous_inputs: PreviousInputs) -> dict[str, str]:
    """Files whose stat signature is the one recorded with their doc_id: their bytes are unchanged."""
    known = {}
    for source in plan.files:
        entry = previous_inputs.get(source.source_path)
        if entry is not None and entry[1] is not None and entry[1] == source.signature:
            known[source.source_path] = entry[0]
    return known


def unchanged_batch(plan: BatchPlan, previous: list[PreviousBatch], known: dict[str, str]) -> bool:
    """True when the batch can be linked from the previous version without reading a single file.

    ``known``: the plan's ``known_doc_ids()``.
    """
    if plan.rejections or not plan.files:
        return False
    if len(known) != len(plan.files):
        return False
    fingerprint = batch_fingerprint([(f.source_path, known[f.source_path]) for f in plan.files])
    return any(b.reusable and b.fingerprint == fingerprint for b in previous)


def _process_batch(
    plan: BatchPlan,
    settings: Settings,
    root: OutputRoot,
    staging: str,
    run_metadata: dict[str, str],
    previous: list[PreviousBatch],
    previous_inputs: PreviousInputs,
) -> BatchResult:
    """One batch: read what changed, reuse the previous version's rows of what did not, stage its parts."""
    result = BatchResult(plan.index, start=plan.start, rejections=list(plan.rejections))
    known = known_doc_ids(plan, previous_inputs)
    docs = _read_files(plan, known, settings, result)
    signatures = _accept(plan, known, docs, previous_inputs, result)
    match = next((b for b in previous if b.reusable and b.fingerprint == result.fingerprint), None)
    if match is not None and not result.rejections:
        _reuse_whole_batch(plan, root, staging, match, result)
        result.n_reused = len(result.inputs)
        result.reused_whole_batch = True
        return result
    normalizer = BatchNormalizer()
    reused = _read_changed(docs, known, settings, normalizer, previous_inputs, result)
    result.signatures = {path: signatures[path] for path, _ in result.inputs}
    result.n_reused = len(reused)
    clock = time.thread_time()
    tables = normalizer.finish().tables
    tables["quarantine"] = rejections_table(result.rejections)
    if reused and previous:
        tables = _merge_reused(root, tables, reused, previous)
    result.seconds["normalize"] += time.thread_time() - clock
    _write_parts(tables, plan, root, staging, run_metadata, result)
    if result.inputs:
        result.first, result.last = result.inputs[0][0], result.inputs[-1][0]
    return result


def _accept(
    plan: BatchPlan,
    known: dict[str, str],
    docs: dict[str, SourceDocument],
    previous_inputs: PreviousInputs,
    result: BatchResult,
) -> dict[str, Signature | None]:
    """Set the batch's inputs and fingerprint: every file read or vouched for, in the batch's order.

    Returns, for the next run, the signature that vouches for each accepted file's doc_id.
    """
    accepted = []
    for source in plan.files:
        path = source.source_path
        if path in known:
            accepted.append((path, known[path]))
        elif path in docs:
            accepted.append((path, docs[path].doc_id))
    signatures = {path: previous_inputs[path][1] if path in known else docs[path].signature for path, _ in accepted}
    result.fingerprint = batch_fingerprint(accepted)
    result.inputs = accepted
    result.signatures = signatures
    return signatures


def _read_changed(
    docs: dict[str, SourceDocument],
    known: dict[str, str],
    settings: Settings,
    normalizer: BatchNormalizer,
    previous_inputs: PreviousInputs,
    result: BatchResult,
) -> set[str]:
    """Parse and normalize the files whose bytes changed; the paths whose previous rows are kept instead.

    ``result.inputs`` loses the files the parser refused (they are quarantined by ``_read_document``).
    """
    reused: set[str] = set(known)
    inputs = []
    for path, doc_id in result.inputs:
        doc = docs.get(path)
        previous_doc_id = previous_inputs[path][0] if path in previous_inputs else None
        if doc is None or previous_doc_id == doc_id:  # unchanged bytes: its previous rows are kept
            reused.add(path)
            inputs.append((path, doc_id))
        elif _read_document(doc, settings, normalizer, result):
            inputs.append((path, doc_id))
    docs.clear()
    result.inputs = inputs
    return reused


def _read_files(
    plan: BatchPlan, known: dict[str, str], settings: Settings, result: BatchResult
) -> dict[str, SourceDocument]:
    """Every file of the batch not vouched for by its signature, read and decoded (or rejected)."""
    docs: dict[str, SourceDocument] = {}
    clock = time.perf_counter()
    for source in plan.files:
        if source.source_path in known:
            continue
        outcome = read_source(source, settings.ingest, settings.parse)
        result.n_read += 1
        if isinstance(outcome, Rejection):
            result.rejections.append(outcome)
        else:
            docs[source.source_path] = outcome
            result.bytes_read += outcome.size_bytes
    result.seconds["ingest"] += time.perf_counter() - clock
    return docs


def _read_document(doc: SourceDocument, settings: Settings, normalizer: BatchNormalizer, result: BatchResult) -> bool:
    """Parse one document and add its records; False when it was quarantined instead (the batch goes on)."""

    def reject(code: ReasonCode, reason: str) -> bool:
        result.rejections.append(Rejection(doc.source_path, doc.doc_id, Stage.PARSE, code, reason))
        return False

    clock = time.thread_time()
    try:
        parsed = parse_document(doc.text, settings.parse)
    except ParseLimitError as exc:
        return reject(exc.reason_code, str(exc))
    except RecursionError:
        return reject(ReasonCode.NESTING_TOO_DEEP, "markdown nested too deeply")
    except Exception as exc:
        return reject(ReasonCode.PARSE_ERROR, f"{type(exc).__name__}: {exc}")
    clock2 = time.thread_time()
    result.seconds["parse"] += clock2 - clock
    try:
        normalizer.add(doc, parsed)  # all of a document's records or none
    except Exception as exc:  # a bug met by one document: it is quarantined, its batch published
        return reject(ReasonCode.PARSE_ERROR, f"reading its records failed: {type(exc).__name__}: {exc}")
    result.seconds["normalize"] += time.thread_time() - clock2
    result.n_parsed += 1
    return True


def _write_parts(
    tables: dict[str, pa.Table],
    plan: BatchPlan,
    root: OutputRoot,
    staging: str,
    run_metadata: dict[str, str],
    result: BatchResult,
) -> None:
    clock = time.perf_counter()
    for name, table in tables.items():
        path = root.sub(staging, name, part_name(plan.index))
        write_parquet(table, root, path, {**run_metadata, "dataset": name})
        result.counts[name] = table.num_rows
        result.stats[name] = part_stats(name, table)
        crashpoint("mid_write")
    result.seconds["write"] += time.perf_counter() - clock


def part_stats(name: str, table: pa.Table) -> dict[str, int]:
    """What the run summary needs of a part, kept in the manifest so reused parts are never re-read."""
    if name == "quarantine":
        counts = pc.value_counts(table["reason_code"]).to_pylist() if table.num_rows else []
        return {entry["values"]: entry["counts"] for entry in counts}
    if name in ("priorities", "initiatives"):
        return {"theme_null": table["theme"].null_count}
    if name == "documents":  # of every document of the part: its unchanged ones merged back in too
        return document_stats(table)
    return {}


def rejections_table(rejections: list[Rejection]) -> pa.Table:
    table = pa.table(
        {
            "source_path": [r.source_path for r in rejections],
            "doc_id": [r.doc_id for r in rejections],
            "stage": [r.stage for r in rejections],
            "reason": [r.reason for r in rejections],
            "reason_code": [r.reason_code for r in rejections],
            "record": [None] * len(rejections),
        },
        schema=DATASETS["quarantine"],
    )
    return sort_rows("quarantine", table)


def _reuse_whole_batch(
    plan: BatchPlan, root: OutputRoot, staging: str, previous: PreviousBatch, result: BatchResult
) -> None:
    """The batch is byte-for-byte the same documents: link (or copy) its previous part files."""
    clock = time.perf_counter()
    for part in previous.parts:
        target = root.sub(staging, part.dataset, part_name(plan.index))
        root.fs.makedirs(root.sub(staging, part.dataset), exist_ok=True)
        if root.local:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)  # left by an attempt of this task that failed: a retry links again
            os.link(part.path, target)
        else:
            root.fs.copy(part.path, target)
        result.counts[part.dataset] = part.rows
        result.stats[part.dataset] = previous.stats.get(part.dataset, {})
    result.first, result.last = plan.files[0].source_path, plan.files[-1].source_path
    result.seconds["write"] += time.perf_counter() - clock


def _merge_reused(
    root: OutputRoot, tables: dict[str, pa.Table], reused: set[str], previous: list[PreviousBatch]
) -> dict[str, pa.Table]:
    """Add the previous rows of unchanged documents to the freshly parsed ones, in contract order."""
    first, last = min(reused), max(reused)
    overlapping: dict[str, list[str]] = defaultdict(list)
    for batch in previous:
        for part in batch.parts:
            if part.first <= last and part.last >= first:
                overlapping[part.dataset].append(part.path)
    keep = pa.array(sorted(reused))
    merged: dict[str, pa.Table] = {}
    for name, table in tables.items():
        pieces = [table]
        for path in overlapping.get(name, []):
            old = pq.read_table(path, schema=DATASETS[name], filesystem=root.fs).replace_schema_metadata(None)
            pieces.append(old.filter(pc.is_in(old["source_path"], value_set=keep)))
        combined = pa.concat_tables(pieces)
        merged[name] = sort_rows(name, combined) if len(pieces) > 1 else combined
    return merged
