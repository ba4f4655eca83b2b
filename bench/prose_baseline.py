"""``python -m bench.prose_baseline write|compare DIR``: prove a prose-stage speed-up changed no output value.

``write`` runs ``BatchNormalizer`` (the real path of the flow) over a fixed set of sources and
writes the ``statements`` and ``mentions`` tables and ``documents.countries`` to Parquet under
DIR; ``compare`` recomputes them with the code as it is now and checks ``Table.equals``
against what was written, naming the first differing row. The sources: the first 1,000
files of each ``/tmp/c100k/0000..0002`` folder (a ``bench.corpus`` corpus, when present),
the two seed articles, ``tests/prose_corpus`` and the hostile prose of ``bench.hostile_curve``.

Each group is one batch (one normalizer), so memos that live for a batch are exercised with
repeats; ``--batch`` splits a group into smaller batches to exercise clearing between them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from bench.hostile_curve import article, hostile_prose
from nato_briefs.config import IngestLimits
from nato_briefs.ingest import SourceDocument, decode_bytes, discover, read_source
from nato_briefs.normalize import BatchNormalizer
from nato_briefs.parse import parse_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIRS = [Path(f"/tmp/c100k/{i:04d}") for i in range(3)]
TABLES = ("statements", "mentions", "documents_countries")


def _folder_sources(folder: Path) -> list[SourceDocument]:
    limits = IngestLimits()
    files, _ = discover(folder, limits)
    read = [read_source(f, limits) for f in files]
    return [d for d in read if isinstance(d, SourceDocument)]


def _hostile_sources() -> list[SourceDocument]:
    limits = IngestLimits()
    docs = []
    cases = {
        **hostile_prose(64_000),
        "statements_abbreviations": "NATO agreed to act " + "and U.S. Gen. e.g. " * 5_000,
        "repeated_statements": "Allies agreed to act. **Allies** agreed to [act](x) &amp; more. " * 2_000,
    }
    for name, line in cases.items():
        found = decode_bytes(f"hostile/{name}.txt", name, article(line).encode(), limits)
        if isinstance(found, SourceDocument):
            docs.append(found)
    return docs


def source_groups() -> dict[str, list[SourceDocument]]:
    groups = {p.name: _folder_sources(p)[:1000] for p in CORPUS_DIRS if p.is_dir()}
    groups["seeds"] = _folder_sources(ROOT / "raw")
    groups["prose_corpus"] = _folder_sources(ROOT / "tests" / "prose_corpus")
    groups["hostile"] = _hostile_sources()
    return groups


def prose_tables(sources: list[SourceDocument], batch: int = 0) -> dict[str, pa.Table]:
    """The prose outputs of ``sources``, one normalizer per ``batch`` documents (0: all in one)."""
    parts: dict[str, list[pa.Table]] = {name: [] for name in TABLES}
    size = batch or max(1, len(sources))
    for at in range(0, len(sources), size):
        normalizer = BatchNormalizer()
        for source in sources[at : at + size]:
            normalizer.add(source, parse_document(source.text))
        tables = normalizer.finish().tables
        parts["statements"].append(tables["statements"])
        parts["mentions"].append(tables["mentions"])
        parts["documents_countries"].append(tables["documents"].select(["doc_id", "source_path", "countries"]))
    return {name: pa.concat_tables(t) for name, t in parts.items()}


def _first_difference(old: pa.Table, new: pa.Table) -> str:
    if old.schema != new.schema:
        return f"schema differs: {old.schema} vs {new.schema}"
    if old.num_rows != new.num_rows:
        return f"{old.num_rows} rows before, {new.num_rows} now"
    a, b = old.to_pylist(), new.to_pylist()
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x != y:
            return f"row {i}: {x} != {y}"
    return "no row differs (chunking only?)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=("write", "compare"))
    parser.add_argument("dir", type=Path)
    parser.add_argument("--batch", type=int, default=0, help="documents per normalizer (0: one per group)")
    args = parser.parse_args(argv)
    failures = 0
    for group, sources in source_groups().items():
        for name, table in prose_tables(sources, args.batch).items():
            path = args.dir / group / f"{name}.parquet"
            if args.mode == "write":
                path.parent.mkdir(parents=True, exist_ok=True)
                pq.write_table(table, path)
                print(f"{group}/{name}: {table.num_rows} rows written")
                continue
            old = pq.read_table(path).cast(table.schema)
            same = old.equals(table)
            failures += not same
            verdict = "identical" if same else "DIFFERS: " + _first_difference(old, table)
            print(f"{group}/{name}: {table.num_rows} rows {verdict}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
