"""The typed model of ``_manifest.json``: what a published version holds, part by part.

The manifest is a file an operator can edit, truncate or delete. It is parsed
into frozen records whose shape is checked field by field: a wrong shape is one
``ManifestError`` naming the field, never a ``KeyError`` deep in a task. Part
paths must stay inside the version folder, so an edited manifest cannot make a
run link an arbitrary file into the outputs. ``publish`` writes ``to_dict()``.
"""

from __future__ import annotations

import json
import posixpath
import time
from dataclasses import dataclass, field
from typing import Any

from nato_briefs.batch import BatchResult
from nato_briefs.publish import INPUT_INDEX_FILE
from nato_briefs.schema import DATASETS


class ManifestError(ValueError):
    """The manifest is not one this code wrote: truncated, hand-edited into another shape, or not JSON."""


# --------------------------------------------------------------------------- manifest model


@dataclass(frozen=True)
class PartRecord:
    """One part file of a published batch: enough to tell, cheaply, that it is still the file written."""

    dataset: str
    path: str  # relative to the version folder, e.g. "priorities/part-00003.parquet"
    rows: int
    size: int
    checksum: str  # "<algorithm>:<hex digest>"


@dataclass(frozen=True)
class BatchRecord:
    index: int
    fingerprint: str  # batch_fingerprint() of its (source_path, doc_id) pairs
    first: str  # first and last published source_path
    last: str
    reusable: bool  # False once the flow rewrote its parts: only its documents' rows are reused
    parts: dict[str, PartRecord]
    stats: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Manifest:
    """What ``_manifest.json`` says about a published version (the typed part; the rest kept as ``extra``)."""

    run_id: str
    config_fingerprint: str
    batches: tuple[BatchRecord, ...]
    counts: dict[str, int]
    inputs_file: str | None = INPUT_INDEX_FILE
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return self.counts.get("documents", 0)

    @classmethod
    def from_json(cls, text: str | bytes) -> Manifest:
        """Parse and check the shape; ``ManifestError`` says what is wrong, in one line."""
        try:
            payload = json.loads(text)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ManifestError(f"not valid JSON (truncated?): {exc}") from None
        return cls.from_dict(payload)

    @classmethod
    def from_dict(cls, payload: object) -> Manifest:
        root = _mapping(payload, "manifest")
        batches = tuple(_batch_record(b, i) for i, b in enumerate(_list(root.get("batches"), "batches")))
        inputs_file = root.get("inputs_file")
        if inputs_file is not None:
            inputs_file = _relative_path(inputs_file, "inputs_file")
        typed = {"run_id", "config_fingerprint", "batches", "counts", "inputs_file"}
        return cls(
            run_id=_text(root.get("run_id"), "run_id"),
            config_fingerprint=_text(root.get("config_fingerprint"), "config_fingerprint"),
            batches=batches,
            counts=_int_map(root.get("counts"), "counts"),
            inputs_file=inputs_file,
            extra={k: v for k, v in root.items() if k not in typed},
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON layout publish() writes: per batch, parts/counts/sizes/checksums keyed by dataset."""
        return {
            **self.extra,
            "run_id": self.run_id,
            "config_fingerprint": self.config_fingerprint,
            "inputs_file": self.inputs_file,
            "counts": dict(self.counts),
            "batches": [_batch_dict(b) for b in self.batches],
        }


def _batch_dict(batch: BatchRecord) -> dict[str, Any]:
    parts = batch.parts.values()
    return {
        "index": batch.index,
        "fingerprint": batch.fingerprint,
        "first": batch.first,
        "last": batch.last,
        "reusable": batch.reusable,
        "parts": {p.dataset: p.path for p in parts},
        "counts": {p.dataset: p.rows for p in parts},
        "sizes": {p.dataset: p.size for p in parts},
        "checksums": {p.dataset: p.checksum for p in parts},
        "stats": batch.stats,
    }


def _batch_record(payload: object, position: int) -> BatchRecord:
    where = f"batches[{position}]"
    batch = _mapping(payload, where)
    paths = _mapping(batch.get("parts"), f"{where}.parts")
    counts = _int_map(batch.get("counts"), f"{where}.counts")
    sizes = _int_map(batch.get("sizes"), f"{where}.sizes")
    checksums = _mapping(batch.get("checksums"), f"{where}.checksums")
    parts = {}
    for name, rel in paths.items():
        if name not in DATASETS:
            raise ManifestError(f"{where}.parts names an unknown dataset {name!r}")
        if name not in counts or name not in sizes or name not in checksums:
            raise ManifestError(f"{where}: part {name!r} lacks its row count, size or checksum")
        parts[name] = PartRecord(
            name,
            _relative_path(rel, f"{where}.parts.{name}"),
            counts[name],
            sizes[name],
            _text(checksums[name], f"{where}.checksums.{name}"),
        )
    reusable = batch.get("reusable", True)
    if not isinstance(reusable, bool):
        raise ManifestError(f"{where}.reusable must be true or false")
    stats = _mapping(batch.get("stats", {}), f"{where}.stats")
    index = batch.get("index")
    if not isinstance(index, int) or isinstance(index, bool) or index < 0:
        raise ManifestError(f"{where}.index must be a non-negative integer")
    return BatchRecord(
        index=index,
        fingerprint=_text(batch.get("fingerprint"), f"{where}.fingerprint"),
        first=_text(batch.get("first"), f"{where}.first", empty=True),
        last=_text(batch.get("last"), f"{where}.last", empty=True),
        reusable=reusable,
        parts=parts,
        stats={k: _int_map(v, f"{where}.stats.{k}") for k, v in stats.items()},
    )


def _mapping(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise ManifestError(f"{where} must be a JSON object, found {type(value).__name__}")
    return value


def _list(value: object, where: str) -> list:
    if not isinstance(value, list):
        raise ManifestError(f"{where} must be a JSON array, found {type(value).__name__}")
    return value


def _text(value: object, where: str, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value):
        raise ManifestError(f"{where} must be a non-empty string")
    return value


def _int_map(value: object, where: str) -> dict[str, int]:
    mapping = _mapping(value, where)
    for key, number in mapping.items():
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            raise ManifestError(f"{where}.{key} must be a non-negative integer, found {number!r}")
    return mapping


def _relative_path(value: object, where: str) -> str:
    """A path inside the version folder: a manifest must never make a run link /etc/passwd into OUT."""
    text = _text(value, where)
    normal = posixpath.normpath(text)
    if normal.startswith(("/", "../")) or normal == ".." or "\\" in text:
        raise ManifestError(f"{where} must be a path inside the version folder, found {text!r}")
    return text


def build_manifest(
    run_id: str,
    fingerprint: str,
    results: list[BatchResult],
    parts: dict[int, dict[str, PartRecord]],
    counts: dict[str, int],
    extra: dict[str, Any],
) -> Manifest:
    batches = tuple(
        BatchRecord(r.index, r.fingerprint, r.first, r.last, r.reusable, parts[r.index], r.stats) for r in results
    )
    created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    return Manifest(run_id, fingerprint, batches, dict(counts), INPUT_INDEX_FILE, {"created_at": created, **extra})
