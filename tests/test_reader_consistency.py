"""Readers see exactly one version while runs publish (issue 15).

A reader thread loops over the README's read recipes (pandas, polars, DuckDB:
the dataset link resolved once) while the main thread publishes 20 versions,
each with its own known row counts spread over several part files. Every read
must succeed and return the counts of one published version; reading two
datasets through one resolution of ``OUT/current`` gives a pair from the same
version. A naive reader that lists ``OUT/<name>/`` and opens each file through
the link may fail when a publish lands mid-read, but never mixes versions.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa

from nato_briefs.publish import OutputRoot, publish, write_parquet
from nato_briefs.schema import DATASETS, SCHEMA_VERSION
from tests.conftest import PROJECT

N_PUBLISHES = 20
PARTS = 3


def _documents(version: int, n: int) -> pa.Table:
    rows = [
        dict(doc_id=f"{version:08x}{i:056x}", source_path=f"v{version}/d{i:05d}.txt", title=None, n_tables=0,
             n_list_items=0, schema_version=SCHEMA_VERSION, n_sections=0, n_table_rows=0, n_priorities=0,
             n_unmapped_tables=0, n_lists=0, encoding="utf-8", size_bytes=1, n_lines=1, n_suspect_lines=0,
             countries=[], validation_status="passed")
        for i in range(n)
    ]  # fmt: skip
    return pa.Table.from_pylist(rows, schema=DATASETS["documents"])


def _quarantine(n: int) -> pa.Table:
    rows = [dict(source_path=f"q{i}", doc_id=None, stage="ingest", reason="r", reason_code="empty", record=None)
            for i in range(n)]  # fmt: skip
    return pa.Table.from_pylist(rows, schema=DATASETS["quarantine"])


def expected(version: int) -> tuple[int, int]:
    """(documents, quarantine) rows of a version: distinct for every version."""
    return 100 + 37 * version, version


def stage_and_publish(root: OutputRoot, version: int) -> None:
    run_id = f"run-{version:02d}"
    staging = root.staging_dir(run_id)
    n_docs, n_quarantined = expected(version)
    docs = _documents(version, n_docs)
    step = -(-n_docs // PARTS)
    for part in range(PARTS):  # several part files, as a real run writes one per batch
        path = root.sub(staging, "documents", f"part-{part:05d}.parquet")
        write_parquet(docs.slice(part * step, step), root, path, {"run_id": run_id})
    write_parquet(_quarantine(n_quarantined), root, root.sub(staging, "quarantine", "part-00000.parquet"), {})
    for name in DATASETS:
        if name not in ("documents", "quarantine"):
            write_parquet(DATASETS[name].empty_table(), root, root.sub(staging, name, "part-00000.parquet"), {})
    publish(root, run_id, {"batches": []})


# The README's recipes, with the output root as a parameter.
def read_pandas(out: Path) -> tuple[int, None]:
    return len(pd.read_parquet(os.path.realpath(f"{out}/documents"))), None


def read_polars(out: Path) -> tuple[int, None]:
    return pl.read_parquet(os.path.realpath(f"{out}/documents") + "/*.parquet").height, None


def read_duckdb_pair(out: Path) -> tuple[int, int]:
    current = os.path.realpath(f"{out}/current")  # one version for both datasets
    with duckdb.connect() as con:
        return con.sql(f"""
            SELECT (SELECT count(*) FROM read_parquet('{current}/documents/*.parquet')),
                   (SELECT count(*) FROM read_parquet('{current}/quarantine/*.parquet'))
        """).fetchall()[0]


def read_naive(out: Path) -> tuple[int, None]:
    """Through the link for every file (a reader that does not resolve first)."""
    return len(pd.read_parquet(out / "documents")), None


READERS = (read_pandas, read_polars, read_duckdb_pair)


def _read_while_publishing(tmp_path: Path, readers) -> tuple[list, list, set[tuple[int, int]]]:
    root = OutputRoot.open(tmp_path / "out")
    stage_and_publish(root, 0)
    published = {expected(0)}
    results: list[tuple[str, int, int | None]] = []
    errors: list[tuple[str, BaseException]] = []
    done = threading.Event()

    def reader() -> None:
        while not done.is_set():
            for read in readers:
                try:
                    n_docs, n_quarantined = read(tmp_path / "out")
                    results.append((read.__name__, n_docs, n_quarantined))
                except Exception as exc:
                    errors.append((read.__name__, exc))

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    try:
        for version in range(1, N_PUBLISHES + 1):
            stage_and_publish(root, version)
            published.add(expected(version))
    finally:
        done.set()
        thread.join(60)
    return results, errors, published


def test_recipe_reads_see_exactly_one_version_during_20_publishes(tmp_path):
    results, errors, published = _read_while_publishing(tmp_path, READERS)
    assert errors == []
    assert {name for name, *_ in results} == {r.__name__ for r in READERS}
    assert len(results) > N_PUBLISHES  # the reads really overlapped the publishes
    docs_counts = {docs for docs, _ in published}
    for name, n_docs, n_quarantined in results:
        if n_quarantined is None:
            assert n_docs in docs_counts, (name, n_docs)
        else:
            assert (n_docs, n_quarantined) in published, (name, n_docs, n_quarantined)
    assert len({n for _, n, _ in results}) > 1  # versions changed under the reader


def test_naive_reads_may_fail_but_never_mix(tmp_path):
    """Part names are unique per version: a read split by a switch finds no file, never another version's."""
    results, errors, published = _read_while_publishing(tmp_path, (read_naive,))
    docs_counts = {docs for docs, _ in published}
    assert results and all(n in docs_counts for _, n, _ in results)
    for _, exc in errors:
        assert isinstance(exc, (FileNotFoundError, OSError)) and "No such file" in str(exc), exc


def test_readme_recipes_resolve_the_link_once():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Loading the datasets", 1)[1].split("\n## ", 1)[0]
    assert 'pd.read_parquet(os.path.realpath("outputs/priorities"))' in section
    assert 'pl.read_parquet(os.path.realpath("outputs/initiatives") + "/*.parquet")' in section
    assert 'os.path.realpath("outputs/current")' in section and "read_parquet('{current}/" in section
