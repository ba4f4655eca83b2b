"""A published-looking output version on a temporary disk, shared by the planner, ledger and manifest tests.

Real Parquet parts written by the pipeline's own writer, the input index and a
manifest naming them, so the tests read what a run would have left behind. One
copy here: the ``published`` fixture (``conftest.py``) and the damage helpers all
build on it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa

from nato_briefs.batch import BatchResult, batch_fingerprint, part_name, rejections_table
from nato_briefs.ingest import Rejection, SourceFile
from nato_briefs.manifest import Manifest, build_manifest
from nato_briefs.planner import staged_parts
from nato_briefs.publish import MANIFEST, OutputRoot, write_input_index, write_parquet
from nato_briefs.schema import DATASETS

VALUES = {"string": "x", "bool": False, "list<item: string>": []}
# The fixture's version: run r1, batch 0 holds a.md..c.md, batch 1 holds d.md and e.md.
RUN_ID = "r1"
BATCHES = {0: ["a.md", "b.md", "c.md"], 1: ["d.md", "e.md"]}


def dataset_table(name: str, rows: list[tuple[str, str | None]]) -> pa.Table:
    """Rows of dataset ``name`` for (source_path, theme) pairs; every other column a plain value."""
    schema = DATASETS[name]
    records = []
    for source_path, theme in rows:
        record = {f.name: VALUES.get(str(f.type), 0) for f in schema}
        record.update(source_path=source_path, doc_id=f"id-{source_path}")
        if "theme" in record:
            record["theme"] = theme
        records.append(record)
    return pa.Table.from_pylist(records, schema=schema)


def write_version(root: OutputRoot, run_id: str, batches: dict[int, list[str]]) -> Manifest:
    """A published-looking version: parts per batch, the input index and a manifest naming them."""
    base = root.join(".versions", run_id)
    results, inputs = [], []
    for index, paths in batches.items():
        result = BatchResult(index, inputs=[(p, f"id-{p}") for p in paths], first=paths[0], last=paths[-1])
        result.fingerprint = batch_fingerprint(result.inputs)
        tables = {
            "priorities": dataset_table("priorities", [(p, None if i % 2 else "cyber") for i, p in enumerate(paths)]),
            "quarantine": rejections_table([Rejection(paths[0], None, "ingest", "r", "empty")]),
        }
        for name, table in tables.items():
            write_parquet(table, root, os.path.join(base, name, part_name(index)), {"run_id": run_id})
            result.counts[name] = table.num_rows
        results.append(result)
        inputs += [(p, d, index, "sig") for p, d in result.inputs]
    write_input_index(root, base, inputs)
    parts = staged_parts(root, base, results, None)
    counts = {"documents": len(inputs)}
    manifest = build_manifest(run_id, "fp", results, parts, counts, {})
    with open(os.path.join(base, MANIFEST), "w", encoding="utf-8") as handle:
        json.dump(manifest.to_dict(), handle)
    os.symlink(os.path.join(".versions", run_id), root.join("current"))
    os.symlink(os.path.join("current", MANIFEST), root.join(MANIFEST))
    return manifest


def publish_sample(out: Path) -> tuple[OutputRoot, Manifest]:
    """The ``published`` fixture's version under ``out``: two batches, five documents."""
    root = OutputRoot.open(out)
    return root, write_version(root, RUN_ID, BATCHES)


def part_path(root: OutputRoot, batch: int, name: str = "priorities") -> str:
    """Where the fixture's version keeps dataset ``name``'s part of ``batch``."""
    return root.join(".versions", RUN_ID, name, part_name(batch))


def damage(root: OutputRoot, kind: str) -> None:
    """Damage batch 1 of the fixture's version as a disk or a hand edit would (``kind`` names how)."""
    if kind == "garbage":
        size = os.path.getsize(part_path(root, 1))
        with open(part_path(root, 1), "wb") as handle:
            handle.write(b"\0" * size)
    elif kind == "deleted":
        os.unlink(part_path(root, 1))
    elif kind == "swapped":
        os.replace(part_path(root, 1), part_path(root, 1) + ".x")
        os.replace(part_path(root, 0), part_path(root, 1))
        os.replace(part_path(root, 1) + ".x", part_path(root, 0))
    elif kind == "edited_count":
        path = root.join(".versions", RUN_ID, MANIFEST)
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        payload["batches"][1]["counts"]["priorities"] = 7
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(payload, handle)
    else:
        raise ValueError(f"unknown damage {kind!r}")


def source_files(folder: Path | str, names: list[str]) -> list[SourceFile]:
    """Input files named ``names`` under ``folder`` with distinct stat signatures (never "sig", the index's)."""
    return [SourceFile(n, os.path.join(str(folder), n), 10, f"sig-{n}") for n in names]
