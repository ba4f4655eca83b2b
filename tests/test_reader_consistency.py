"""Readers see exactly one version while runs publish (issue 15).

A reader thread runs the README's loading recipes *as written* (extracted from
README.md and executed with ``outputs/`` as the published root: pandas, polars,
DuckDB, pyarrow) in a loop while the main thread publishes 20 versions, each
with its own known row counts spread over several part files. Every read must
succeed and return the counts of one published version; the DuckDB recipe
joins two datasets through one resolution of ``outputs/current`` and must see
both from the same version. A naive reader that lists ``outputs/<name>/`` and
opens each file through the link may fail, or come back short, when a publish
lands mid-read, but never mixes versions.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

from nato_briefs.publish import OutputRoot, publish, write_parquet
from nato_briefs.schema import DATASETS
from tests.test_loading_recipes import RECIPES

N_PUBLISHES = 20
PARTS = 3
RECIPE_LIBRARIES = ("pandas", "polars", "duckdb", "pyarrow.dataset")


def expected(version: int) -> dict[str, int]:
    """Rows per dataset of a version: distinct for every version and dataset."""
    return {"documents": 10 + version, "priorities": 100 + 37 * version, "initiatives": 50 + 11 * version,
            "table_rows": 70 + 13 * version}  # fmt: skip


def _value(field: pa.Field, version: int, i: int, n_docs: int) -> Any:
    """A valid value for any column: doc ids shared across datasets of a version, titles naming it."""
    if field.name == "doc_id":
        return f"{version:08x}{i % n_docs:056x}"
    if field.name == "title":
        return f"version {version}"
    if pa.types.is_list(field.type):
        return []
    if pa.types.is_integer(field.type):
        return i
    return f"v{version}-{field.name}-{i}"


def _table(name: str, version: int, n: int) -> pa.Table:
    schema = DATASETS[name]
    n_docs = expected(version)["documents"]
    rows = [{f.name: _value(f, version, i, n_docs) for f in schema} for i in range(n)]
    return pa.Table.from_pylist(rows, schema=schema)


def stage_and_publish(root: OutputRoot, version: int) -> None:
    run_id = f"run-{version:02d}"
    staging = root.staging_dir(run_id)
    counts = expected(version)
    for name in DATASETS:
        table = _table(name, version, counts.get(name, 0))
        step = max(1, -(-len(table) // PARTS))
        for part in range(PARTS):  # several part files, as a real run writes one per batch
            path = root.sub(staging, name, f"part-{run_id}-{part:05d}.parquet")
            write_parquet(table.slice(part * step, step), root, path, {"run_id": run_id})
    publish(root, run_id, {"batches": []})


def recipes() -> dict[str, str]:
    """The README's recipes, verbatim, by the library each imports."""
    found = {}
    for code in RECIPES:
        (library,) = [lib for lib in RECIPE_LIBRARIES if re.search(rf"^import {re.escape(lib)}\b", code, re.M)]
        found[library] = code
    assert set(found) == set(RECIPE_LIBRARIES), found.keys()
    return found


def run_recipe(library: str, code: str) -> dict[str, Any]:
    """Execute one recipe as written; what it printed and the frames it bound are read from its namespace.

    ``print`` is the recipe's own call, captured: the DuckDB recipe prints a lazy relation,
    fetched here in full (printing would read the same files).
    """
    printed: list[Any] = []
    namespace: dict[str, Any] = {"print": lambda *args: printed.append(args[0]), "__name__": "recipe"}
    exec(compile(code, f"README recipe ({library})", "exec"), namespace)
    if library == "pandas":
        return {"priorities": len(namespace["priorities"])}
    if library == "polars":
        return {"initiatives": namespace["initiatives"].height}
    if library == "pyarrow.dataset":
        return {"table_rows": namespace["table_rows"].num_rows}
    rows = printed[0].fetchall()  # (title, area, focus, outcome): priorities joined to documents
    return {"join": len(rows), "titles": {title for title, *_ in rows}}


def _consistent(library: str, result: dict[str, Any], published: list[dict[str, int]]) -> bool:
    if library != "duckdb":
        ((name, count),) = result.items()
        return any(counts[name] == count for counts in published)
    # One version for both datasets: every priority found its document, and all of one version.
    versions = [v for v, counts in enumerate(published) if counts["priorities"] == result["join"]]
    return len(versions) == 1 and result["titles"] == {f"version {versions[0]}"}


def _read_while_publishing(tmp_path: Path, read) -> tuple[list, list, list[dict[str, int]]]:
    root = OutputRoot.open(tmp_path / "outputs")
    stage_and_publish(root, 0)
    published = [expected(0)]
    results: list[tuple[str, Any]] = []
    errors: list[tuple[str, BaseException]] = []
    done = threading.Event()

    def reader() -> None:
        while not done.is_set():
            for library, result in read():
                if isinstance(result, BaseException):
                    errors.append((library, result))
                else:
                    results.append((library, result))

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    try:
        for version in range(1, N_PUBLISHES + 1):
            stage_and_publish(root, version)
            published.append(expected(version))
    finally:
        done.set()
        thread.join(60)
    return results, errors, published


def _attempt(library: str, call) -> tuple[str, Any]:
    try:
        return library, call()
    except Exception as exc:
        return library, exc


@pytest.mark.slow  # builds whole reports / runs processes or 20 publishes: seconds each
def test_readme_recipes_see_exactly_one_version_during_20_publishes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the recipes read "outputs/...", as from the project folder
    code = recipes()

    def read():
        return [_attempt(library, lambda lib=library: run_recipe(lib, code[lib])) for library in RECIPE_LIBRARIES]

    results, errors, published = _read_while_publishing(tmp_path, read)
    per_library = {lib: sum(1 for name, _ in results if name == lib) for lib in RECIPE_LIBRARIES}
    print(f"reads per recipe over {N_PUBLISHES} publishes: {per_library}; errors: {len(errors)}")
    assert errors == []
    assert min(per_library.values()) > 0
    assert len(results) > N_PUBLISHES  # the reads really overlapped the publishes
    mixed = [(lib, result) for lib, result in results if not _consistent(lib, result, published)]
    assert mixed == []
    seen = {result.get("join", 0) for lib, result in results if lib == "duckdb"}
    assert len(seen) > 1  # versions changed under the reader


def _versions_in(frame: pd.DataFrame) -> set[str]:
    """The versions whose rows a frame holds: every string cell starts with ``v<version>-``."""
    return {cell.split("-", 1)[0] for cell in frame["area"]} if "area" in frame else set()


@pytest.mark.slow  # builds whole reports / runs processes or 20 publishes: seconds each
def test_naive_reads_may_fail_or_fall_short_but_never_mix(tmp_path):
    """Part names are unique per version: a read split by a switch misses files, never reads another version's.

    A naive reader lists ``outputs/priorities/`` and then stats and opens each file through
    the link again. A switch between the open and the read fails loudly ("No such file");
    a switch between the listing and the stats makes Arrow drop the vanished files, so the
    read comes back short (seen: an empty frame). Either way no row of a second version.
    """

    def read():
        return [_attempt("naive", lambda: pd.read_parquet(tmp_path / "outputs" / "priorities"))]

    results, errors, published = _read_while_publishing(tmp_path, read)
    assert results
    counts = {len(frame) for _, frame in results}
    assert counts & {counts_of["priorities"] for counts_of in published}  # most reads are whole
    mixed = [sorted(_versions_in(frame)) for _, frame in results if len(_versions_in(frame)) > 1]
    assert mixed == []
    for _, exc in errors:
        assert isinstance(exc, OSError) and "No such file" in str(exc), exc


def test_version_check_can_fail():
    """A frame holding two versions' rows is seen as mixed."""
    frame = pd.concat([_table("priorities", v, 2).to_pandas() for v in (1, 2)])
    assert _versions_in(frame) == {"v1", "v2"}


@pytest.mark.parametrize("library", RECIPE_LIBRARIES)
def test_readme_recipes_resolve_the_link_once(library):
    code = recipes()[library]
    assert 'os.path.realpath("outputs/' in code
    assert code.count("outputs/") == 1  # one resolution, then only paths under the resolved folder


def test_recipe_checker_can_fail():
    """The consistency check rejects a mixed DuckDB read and a count no version had."""
    published = [expected(v) for v in range(3)]
    assert not _consistent("duckdb", {"join": published[1]["priorities"], "titles": {"version 2"}}, published)
    assert not _consistent("pandas", {"priorities": 1}, published)
    assert _consistent("duckdb", {"join": published[2]["priorities"], "titles": {"version 2"}}, published)
