"""Reading a published output root for the report: only the columns it shows, never failing on old or odd data.

The prose datasets (``statements``, ``mentions``, ``documents.countries``) came
with contract v1.1: an output root published before has none of them, and the
report then says "no prose datasets in this version" instead of counting them
as missing data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from nato_briefs.schema import DATASETS

DATE_COLUMNS = ("first_seen", "first_seen_at", "ingested_at", "ingest_date", "ingest_time")
PROSE_DATASETS = ("statements", "mentions")

# Only these columns are read: a report over millions of rows should not load the text columns.
# The statements' text is read later, and only for the documents that get a brief.
WANTED: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id",
        "source_path",
        "title",
        "n_tables",
        "n_priorities",
        "n_list_items",
        "size_bytes",
        "validation_status",
        *DATE_COLUMNS,
    ),
    "table_rows": ("doc_id", "source_path", "table_index"),
    "priorities": ("doc_id", "source_path", "area", "focus", "outcome", "theme", "line"),
    "initiatives": ("doc_id", "source_path", "name", "detail", "theme", "line"),
    "quarantine": ("source_path", "stage", "reason_code", "reason", "record"),  # small: every row is listed
    "statements": ("source_path", "kind", "theme"),
    "mentions": (),  # counted; its countries are read as a list below
}


@dataclass
class Published:
    """What could be read of one output root, with the reasons for whatever could not.

    ``frames`` hold the flat columns as pandas; ``countries`` the list columns as Arrow
    tables (``source_path``, ``country``, one row per element), because exploding lists
    row by row in pandas would dominate the report's time on a large corpus.
    """

    out: Path
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    countries: dict[str, pa.Table] = field(default_factory=dict)  # "statements" / "mentions" / "documents"
    prose: set[str] = field(default_factory=set)  # the prose datasets this root has
    unreadable: set[str] = field(default_factory=set)  # datasets found but not read (a note says why)

    def has(self, name: str) -> bool:
        return name in self.prose


def dataset_dir(out: Path, name: str) -> Path | None:
    for base in (out / name, out / "current" / name):
        if base.is_dir():
            return base.resolve()
    return None


def _schema(directory: Path) -> pa.Schema | None:
    # No exclude_invalid_files: a corrupt part file must show on the page, not silently lower the counts.
    schemas = [fragment.physical_schema for fragment in ds.dataset(directory, format="parquet").get_fragments()]
    # Older part files may lack newer columns (theme): unify so they read as nulls.
    return pa.unify_schemas(schemas, promote_options="permissive") if schemas else None


def read_table(directory: Path, columns: Sequence[str], where: pc.Expression | None = None) -> pa.Table:
    """The columns of ``columns`` that exist, rows matching ``where`` (every row when None)."""
    schema = _schema(directory)
    if schema is None:
        return pa.table({c: pa.array([], pa.string()) for c in columns})
    present = [c for c in columns if c in schema.names]
    return ds.dataset(directory, schema=schema, format="parquet").to_table(columns=present, filter=where)


def exploded_countries(directory: Path, keep: Sequence[str] = ()) -> pa.Table | None:
    """(*keep, country) for every element of a ``countries`` list column; None without such a list.

    Only the columns a caller needs are carried along: repeating ``source_path`` for each of
    a million mentions' countries cost more than the rest of the report's reading.
    """
    schema = _schema(directory)
    if schema is None or "countries" not in schema.names:
        return None
    list_type = schema.field("countries").type
    if not pa.types.is_list(list_type) and not pa.types.is_large_list(list_type):
        return None
    keep = [c for c in keep if c in schema.names]
    table = ds.dataset(directory, schema=schema, format="parquet").to_table(columns=[*keep, "countries"])
    lists = table["countries"].combine_chunks() if table.num_rows else pa.array([], list_type)
    flat = pc.list_flatten(lists)
    flat = flat if flat.type == pa.string() else pc.cast(flat, pa.string())
    columns = {c: table[c].take(pc.list_parent_indices(lists)) for c in keep} if keep else {}
    exploded = pa.table({**columns, "country": flat})
    return exploded.filter(pc.is_valid(exploded["country"]))


_COUNTRY_COLUMNS = {"documents": ("source_path",), "statements": ("theme",), "mentions": ()}


def _read_one(published: Published, name: str) -> None:
    wanted = WANTED.get(name, ())
    published.frames[name], published.rows[name] = pd.DataFrame(columns=list(wanted)), 0
    directory = dataset_dir(published.out, name)
    prose = name in PROSE_DATASETS
    if directory is None:
        if not prose:  # absent prose is an older version, said once in its own section
            published.notes.append(f"dataset {name!r} not found under the output root: counted as empty")
        return
    try:
        table = read_table(directory, wanted)
        published.frames[name], published.rows[name] = table.to_pandas(), table.num_rows
        if prose:
            published.prose.add(name)
        if name in ("documents", *PROSE_DATASETS):
            countries = exploded_countries(directory, _COUNTRY_COLUMNS[name])
            if countries is not None:
                published.countries[name] = countries
    except (pa.ArrowException, OSError, ValueError) as exc:
        published.unreadable.add(name)
        published.notes.append(f"dataset {name!r} could not be read ({type(exc).__name__}): counted as empty")


def read_published(out: Path) -> Published:
    published = Published(out)
    for name in dict.fromkeys([*DATASETS, *PROSE_DATASETS]):
        _read_one(published, name)
    return published


def rows_of(out: Path, name: str, columns: Sequence[str], source_paths: Sequence[str]) -> pd.DataFrame:
    """Every row of ``name`` belonging to the given documents (the briefs' full records, text included)."""
    directory = dataset_dir(out, name)
    if directory is None or not source_paths:
        return pd.DataFrame(columns=list(columns))
    where = pc.field("source_path").isin(pa.array(list(source_paths), pa.string()))
    return read_table(directory, columns, where).to_pandas()
