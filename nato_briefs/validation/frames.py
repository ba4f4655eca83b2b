"""The frames GX validates: a dataset as it is, or a *derived* frame for checks GX cannot express on one table.

* ``cross_dataset``: one row per record of the record datasets with flags computed in pyarrow (its
  doc_id exists in documents, its source_path is its document's, its line is within its document's
  ``n_lines``, a priorities row exists in table_rows);
* ``countries``: one row per code of a ``countries`` list (documents, statements, mentions), exploded in
  pyarrow because GX checks scalar values: the code itself (an ISO alpha-3 value set) and, for a statement
  or a mention, whether its document's ``countries`` holds it;
* ``document_counts``: one row per document, its declared counts next to the counts derived from the
  record datasets;
* ``table_rows_shape``: one row per table row, ``len(headers)`` and ``len(cells)``.

A derived frame's ``row`` column points back into the dataset it was built from, so a failure found on
the frame is pinned on (and can quarantine) the dataset's rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from nato_briefs.schema import DATASETS, RECORD_DATASETS, RECORD_KEYS
from nato_briefs.validation.suites import UNIQUENESS
from nato_briefs.vocab import Stage


def record_key(dataset: str, table: pa.Table, row: int) -> str:
    """'table_rows[2,0]': the dataset and its key without doc_id (doc_id has its own quarantine column)."""
    key = [c for c in RECORD_KEYS.get(dataset, ()) if c != "doc_id"] or list(RECORD_KEYS.get(dataset, ()))
    values = []
    for c in key:
        v = table[c][row].as_py() if c in table.column_names else None
        values.append("null" if v is None else str(v))
    return f"{dataset}[{','.join(values)}]"


@dataclass
class Frame:
    name: str
    kind: str
    table: pa.Table
    key: tuple[str, ...]  # columns shown with every example row
    target: str | None = None  # derived frames: the dataset their "row" column points into (None: "dataset" column)

    def targets(
        self, positions: Sequence[int], columns: Sequence[str]
    ) -> tuple[dict[str, list[int]], dict[tuple[str, int], dict[str, Any]]]:
        """Frame positions -> rows of the validated datasets (and, for a derived frame, the checked values)."""
        if self.kind == "dataset":
            return {self.name: sorted(set(positions))}, {}
        picked = self.table.take(pa.array(positions, pa.int64()))
        rows = picked["row"].to_pylist()
        names = picked["dataset"].to_pylist() if self.target is None else [self.target] * len(rows)
        checked = picked.select([c for c in columns if c in picked.column_names]).to_pylist()
        out: dict[str, set[int]] = {}
        values: dict[tuple[str, int], dict[str, Any]] = {}
        for name, row, vals in zip(names, rows, checked, strict=True):
            out.setdefault(name, set()).add(row)
            values[(name, row)] = vals
        return {name: sorted(r) for name, r in out.items()}, values

    def examples(self, positions: Sequence[int], columns: Sequence[str], tables: Mapping[str, pa.Table]) -> list:
        if not positions:
            return []
        names = self.table.column_names
        cols = [c for c in dict.fromkeys([*self.key, *columns]) if c in names]
        picked = self.table.take(pa.array(list(positions), pa.int64())).select(cols).to_pylist()
        if self.kind == "derived" and "row" in names:
            for pos, ex in zip(positions, picked, strict=True):
                dataset = self.target or self.table["dataset"][pos].as_py()
                ex["record"] = record_key(dataset, tables[dataset], self.table["row"][pos].as_py())
        return picked


def check_columns(tables: Mapping[str, pa.Table], needs: Mapping[str, Iterable[str]]) -> list[str]:
    """Problems that prevent building a derived frame (missing dataset, column or schema type)."""
    problems = []
    for name, columns in needs.items():
        table = tables.get(name)
        if table is None:
            problems.append(f"dataset {name} is missing")
            continue
        for col in columns:
            expected = DATASETS[name].field(col).type
            if col not in table.column_names:
                problems.append(f"{name}.{col} is missing")
            elif not table.schema.field(col).type.equals(expected):
                problems.append(f"{name}.{col} is {table.schema.field(col).type}, not {expected}")
    return problems


def _combine(values: pa.ChunkedArray | pa.Array) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _keys_in(left: pa.Table, right: pa.Table, keys: Sequence[str]) -> pa.Array:
    """Boolean per left row: its key exists in right (a null key never matches)."""
    lk = pa.table({k: left[k] for k in keys}).append_column("__row", pa.array(np.arange(left.num_rows)))
    rk = pa.table({k: right[k] for k in keys}).group_by(list(keys)).aggregate([])
    rk = rk.append_column("__hit", pa.repeat(pa.scalar(True), rk.num_rows))
    joined = lk.join(rk, keys=list(keys), join_type="left outer").sort_by("__row")
    return _combine(pc.is_valid(joined["__hit"]))


CROSS_NEEDS = {
    "documents": ("doc_id", "source_path", "n_lines"),
    **{name: ("doc_id", "source_path", "line") for name in RECORD_DATASETS},
    "table_rows": ("doc_id", "source_path", "table_index", "row_index"),
    "priorities": ("doc_id", "source_path", "table_index", "row_index"),
}


def cross_dataset_table(tables: Mapping[str, pa.Table]) -> pa.Table:
    docs = tables["documents"]
    doc_ids = _combine(docs["doc_id"])
    doc_paths = _combine(docs["source_path"])
    doc_lines = _combine(docs["n_lines"])
    parts = []
    for name in RECORD_DATASETS:
        t = tables[name]
        n = t.num_rows
        idx = pc.index_in(t["doc_id"], value_set=doc_ids, skip_nulls=True)  # first documents row of the doc_id
        exists = pc.is_valid(idx)
        path_ok = pc.equal(t["source_path"], pc.take(doc_paths, idx))  # null when the doc_id is unknown
        # null when the doc_id is unknown (exists_in_documents says so) or a value is null (not-null checks do)
        line_ok = pc.less_equal(t["line"], pc.take(doc_lines, idx))
        if name == "priorities":
            in_table_rows = _keys_in(t, tables["table_rows"], RECORD_KEYS["priorities"])
        else:
            in_table_rows = pa.nulls(n, pa.bool_())
        parts.append(
            pa.table(
                {
                    "dataset": pa.repeat(pa.scalar(name), n),
                    "row": pa.array(np.arange(n, dtype=np.int64)),
                    "doc_id": t["doc_id"],
                    "exists_in_documents": exists,
                    "source_path_matches_document": path_ok,
                    "line_within_document": line_ok,
                    "in_table_rows": in_table_rows,
                }
            )
        )
    return pa.concat_tables(parts).combine_chunks()


# The datasets with a list<string> ``countries`` column; documents' lists are the reference of the others.
COUNTRY_LISTS = ("documents", "statements", "mentions")
COUNTRY_NEEDS = {name: ("doc_id", "countries") for name in COUNTRY_LISTS}


def _exploded_countries(table: pa.Table) -> pa.Table:
    """One row per element of ``countries``: (row, doc_id, country); empty and null lists give no row.

    ``list_flatten`` and ``list_parent_indices`` run in Arrow: no list becomes a Python object.
    """
    lists = _combine(table["countries"])
    rows = pc.list_parent_indices(lists)
    return pa.table(
        {
            "row": rows.cast(pa.int64()),
            "doc_id": pc.take(_combine(table["doc_id"]), rows),
            "country": pc.list_flatten(lists),
        }
    )


def countries_table(tables: Mapping[str, pa.Table]) -> pa.Table:
    """The ``countries`` frame: every listed code, and whether its document's ``countries`` holds it.

    ``in_document_countries`` is null for a documents row, for a null code (its not-null check reports it)
    and for a record whose doc_id is not in documents (``cross_dataset`` reports it): one fault, one report.
    """
    documents = _exploded_countries(tables["documents"])
    known = _combine(tables["documents"]["doc_id"])
    parts = []
    for name in COUNTRY_LISTS:
        t = documents if name == "documents" else _exploded_countries(tables[name])
        n = t.num_rows
        if name == "documents":
            in_document = pa.nulls(n, pa.bool_())
        else:
            held = _keys_in(t, documents, ("doc_id", "country"))
            judged = pc.and_(pc.is_in(t["doc_id"], value_set=known), pc.is_valid(t["country"]))
            in_document = pc.if_else(judged, held, pa.nulls(n, pa.bool_()))
        parts.append(
            pa.table(
                {
                    "dataset": pa.repeat(pa.scalar(name), n),
                    "row": t["row"],
                    "doc_id": t["doc_id"],
                    "country": t["country"],
                    "in_document_countries": in_document,
                }
            )
        )
    return pa.concat_tables(parts).combine_chunks()


_RECORD_RE = re.compile(r"^(?P<dataset>\w+)\[(?P<key>.*)\]$")


def _quarantined_records(tables: Mapping[str, pa.Table]) -> dict[str, pa.Table]:
    """Records moved to quarantine at stage 'validate', per dataset: source_path, doc_id, first key part.

    They still belong to their document, so the per-document counts include them (except duplicates).
    """
    q = tables.get("quarantine")
    out: dict[str, dict[str, list]] = {}
    if q is None or not {"stage", "record", "source_path", "doc_id"} <= set(q.column_names):
        return {}
    q = q.filter(pc.equal(q["stage"], Stage.VALIDATE.value))
    if "reason_code" in q.column_names:  # a duplicate is the same record twice: the kept copy already counts
        q = q.filter(pc.invert(pc.fill_null(pc.is_in(q["reason_code"], pa.array(sorted(UNIQUENESS))), False)))
    columns = (q["record"].to_pylist(), q["source_path"].to_pylist(), q["doc_id"].to_pylist())
    for rec, path, doc_id in zip(*columns, strict=True):
        m = _RECORD_RE.match(rec or "")
        if not m:
            continue
        first = m["key"].split(",")[0]
        d = out.setdefault(m["dataset"], {"source_path": [], "doc_id": [], "first": []})
        d["source_path"].append(path)
        d["doc_id"].append(doc_id)
        d["first"].append(int(first) if re.fullmatch(r"-?\d+", first) else None)
    return {
        name: pa.table(
            {
                "source_path": pa.array(d["source_path"], pa.string()),
                "doc_id": pa.array(d["doc_id"], pa.string()),
                "first": pa.array(d["first"], pa.int64()),
            }
        )
        for name, d in out.items()
    }


_COUNT_NEEDS = {
    "documents": (
        "doc_id",
        "source_path",
        "n_sections",
        "n_table_rows",
        "n_list_items",
        "n_lists",
        "n_priorities",
        "n_tables",
        "n_unmapped_tables",
    ),
    "sections": ("doc_id", "source_path"),
    "table_rows": ("doc_id", "source_path", "table_index"),
    "list_items": ("doc_id", "source_path", "list_index"),
    "priorities": ("doc_id", "source_path"),
}
# dataset -> (index column or None, [(aggregate, derived column)])
_COUNT_SPECS: dict[str, tuple[str | None, list[tuple[str, str]]]] = {
    "sections": (None, [("count", "n_sections_derived")]),
    "table_rows": (
        "table_index",
        [("count", "n_table_rows_derived"), ("count_distinct", "n_tables_with_rows"), ("max", "n_tables_min")],
    ),
    "list_items": ("list_index", [("count", "n_list_items_derived"), ("count_distinct", "n_lists_derived")]),
    "priorities": (None, [("count", "n_priorities_derived")]),
}


_DECLARED_VS_DERIVED = ("n_sections", "n_table_rows", "n_list_items", "n_lists", "n_priorities")


def _document_counts_table(tables: Mapping[str, pa.Table]) -> pa.Table:
    """Each document's declared counts next to the counts its records (and quarantined records) give."""
    docs = tables["documents"]
    quarantined = _quarantined_records(tables)
    out = _derived_counts(tables, quarantined, _record_owner(docs, quarantined))
    columns = {"row": out["row"], "doc_id": out["doc_id"], "source_path": out["source_path"]}

    def derived(col: str) -> pa.Array:
        return pc.fill_null(out[col].cast(pa.int64()), 0)

    for declared in _DECLARED_VS_DERIVED:
        columns[declared] = docs[declared].cast(pa.int64())
        columns[f"{declared}_derived"] = derived(f"{declared}_derived")
    columns["n_tables"] = docs["n_tables"].cast(pa.int64())
    columns["n_tables_min"] = pc.add(pc.fill_null(out["n_tables_min"].cast(pa.int64()), -1), 1)
    columns["n_tables_with_rows"] = derived("n_tables_with_rows")
    columns["n_unmapped_tables"] = docs["n_unmapped_tables"].cast(pa.int64())
    return pa.table(columns).combine_chunks()


def _record_owner(docs: pa.Table, quarantined: Mapping[str, pa.Table]) -> Callable[[Any, Any], pa.Array]:
    """Which documents row a record counts for: the one with its source_path, else (a record
    with a wrong source_path) the one with its doc_id, so a bad path shows as a count mismatch."""
    doc_ids = _combine(docs["doc_id"])
    doc_paths = _combine(docs["source_path"])
    known_paths = pc.unique(doc_paths)
    if "documents" in quarantined:
        quarantined_paths = quarantined["documents"]["source_path"].combine_chunks()
        known_paths = pc.unique(pa.concat_arrays([known_paths, quarantined_paths]))

    def owner(source_path: Any, doc_id: Any) -> pa.Array:
        by_id = pc.take(doc_paths, pc.index_in(doc_id, value_set=doc_ids, skip_nulls=True))
        return pc.if_else(pc.is_in(source_path, value_set=known_paths), source_path, by_id)

    return owner


def _derived_counts(
    tables: Mapping[str, pa.Table], quarantined: Mapping[str, pa.Table], owner: Callable[[Any, Any], pa.Array]
) -> pa.Table:
    """One row per documents row (in its order) with the aggregates of _COUNT_SPECS over its records."""
    docs = tables["documents"]
    out = pa.table(
        {
            "row": pa.array(np.arange(docs.num_rows, dtype=np.int64)),
            "doc_id": docs["doc_id"],
            "source_path": docs["source_path"],
        }
    )
    names = {"count": "path_count", "count_distinct": "first_count_distinct", "max": "first_max"}
    for name, (index_col, aggs) in _COUNT_SPECS.items():
        t = tables[name]
        first = t[index_col].cast(pa.int64()) if index_col else pa.nulls(t.num_rows, pa.int64())
        parts = [pa.table({"path": owner(t["source_path"], t["doc_id"]), "first": first})]
        if name in quarantined:
            qt = quarantined[name]
            parts.append(pa.table({"path": owner(qt["source_path"], qt["doc_id"]), "first": qt["first"]}))
        grouped = (
            pa.concat_tables(parts)
            .group_by("path")
            .aggregate([("path", "count"), ("first", "count_distinct"), ("first", "max")])
        )
        grouped = grouped.select(["path", *(names[a] for a, _ in aggs)]).rename_columns(["path", *(c for _, c in aggs)])
        out = out.join(grouped, keys="source_path", right_keys="path", join_type="left outer")
    return out.sort_by("row")


def _table_rows_shape_table(tables: Mapping[str, pa.Table]) -> pa.Table:
    t = tables["table_rows"]
    return pa.table(
        {
            "row": pa.array(np.arange(t.num_rows, dtype=np.int64)),
            "doc_id": t["doc_id"],
            "n_headers": pc.list_value_length(t["headers"]),
            "n_cells": pc.list_value_length(t["cells"]),
        }
    ).combine_chunks()


# name -> (columns needed, builder, key columns for examples, target dataset of "row")
DERIVED: dict[str, tuple[Mapping[str, Iterable[str]], Callable[[Mapping[str, pa.Table]], pa.Table], tuple, str | None]]
DERIVED = {
    "cross_dataset": (CROSS_NEEDS, cross_dataset_table, ("dataset", "doc_id"), None),
    "document_counts": (_COUNT_NEEDS, _document_counts_table, ("doc_id", "source_path"), "documents"),
    "table_rows_shape": (
        {"table_rows": ("doc_id", "headers", "cells")},
        _table_rows_shape_table,
        ("doc_id",),
        "table_rows",
    ),
    "countries": (COUNTRY_NEEDS, countries_table, ("dataset", "doc_id"), None),
}
