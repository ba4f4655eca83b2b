"""Quarantine of failing records: move the rows of quarantinable failures into the quarantine dataset.

Never lose data silently: a record that fails a row-level error check is not dropped but published in
``quarantine`` with the reason, so the rest of its document can be published.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from nato_briefs.schema import DATASETS, QUARANTINE, RECORD_DATASETS, sort_rows
from nato_briefs.validation.frames import CROSS_NEEDS, check_columns, cross_dataset_table, record_key
from nato_briefs.validation.results import ExpectationOutcome, ValidationReport, clip, jsonable
from nato_briefs.validation.suites import UNIQUENESS
from nato_briefs.vocab import Stage

UNKNOWN_SOURCE = "<unknown>"
Flags = dict[str, dict[int, list[ExpectationOutcome]]]  # dataset -> row -> the failures that flag it


def _reason(outcome: ExpectationOutcome, values: Mapping[str, Any] | None) -> str:
    text = f"{outcome.expectation_type} on {outcome.column or outcome.suite}: {outcome.description or 'failed'}"
    if values:
        got = ", ".join(f"{k}={clip(json.dumps(jsonable(v), ensure_ascii=False), 60)}" for k, v in values.items())
        text += f" (got {got})"
    if outcome.expectation_type in UNIQUENESS:
        text += " [first occurrence kept]"
    return text


def quarantine_failed_records(
    tables: Mapping[str, pa.Table], report: ValidationReport
) -> tuple[dict[str, pa.Table], pa.Table]:
    """Move the rows of quarantinable error failures out of the tables.

    Returns the clean tables and the new quarantine dataset: tables["quarantine"] with one row per removed
    record appended (stage "validate", reason_code = the expectation type), sorted by SORT_KEYS["quarantine"];
    it is also clean["quarantine"]. For a duplicate key the first occurrence that fails nothing else is
    kept. Removing a documents row (or a table row) also quarantines the records that depended on it, so
    that re-validating the clean tables passes every quarantinable expectation. Warnings and structural
    failures are left alone (the latter still fail the re-validation).
    """
    _check_row_counts(tables, report)
    flagged, unique_flags = _flag_failures(tables, report)
    _keep_first_occurrences(tables, flagged, unique_flags)
    clean = dict(tables)
    new_rows: list[dict[str, Any]] = []
    for name in DATASETS:
        if flagged.get(name):
            new_rows += _remove_rows(clean, name, flagged[name], with_values=True)
    new_rows += _remove_dependents(clean)
    clean["quarantine"] = _with_rows(clean.get("quarantine"), new_rows)
    return clean, clean["quarantine"]


def _check_row_counts(tables: Mapping[str, pa.Table], report: ValidationReport) -> None:
    """Row numbers in the report point into the tables it was made on, and no others."""
    for name, n in report.row_counts.items():
        if name in tables and tables[name].num_rows != n:
            raise ValueError(f"{name} has {tables[name].num_rows} rows, the report was made on {n}: validate again")


def _flag_failures(
    tables: Mapping[str, pa.Table], report: ValidationReport
) -> tuple[Flags, list[tuple[str, ExpectationOutcome, list[int]]]]:
    """The rows each quarantinable failure names; a dataset's uniqueness failures apart (one row of each is kept)."""
    flagged: Flags = {}
    unique_flags: list[tuple[str, ExpectationOutcome, list[int]]] = []
    for suite in report.suites:
        for outcome in suite.failures:
            if not outcome.quarantinable:
                continue
            for name, rows in outcome.rows.items():
                if name not in tables or name == "quarantine":
                    continue
                if outcome.expectation_type in UNIQUENESS and suite.kind == "dataset":
                    unique_flags.append((name, outcome, rows))
                    continue
                per_row = flagged.setdefault(name, {})
                for r in rows:
                    per_row.setdefault(r, []).append(outcome)
    return flagged, unique_flags


def _keep_first_occurrences(
    tables: Mapping[str, pa.Table], flagged: Flags, unique_flags: list[tuple[str, ExpectationOutcome, list[int]]]
) -> None:
    """Flag every duplicate of a key but its first occurrence that fails nothing else."""
    for name, outcome, rows in unique_flags:
        table, per_row = tables[name], flagged.setdefault(name, {})
        keys = table.take(pa.array(rows, pa.int64())).select(outcome.columns).to_pylist()
        groups: dict[tuple, list[int]] = {}
        for r, k in zip(rows, keys, strict=True):
            groups.setdefault(tuple(k.values()), []).append(r)
        for members in groups.values():
            keeper = next((r for r in sorted(members) if r not in per_row), None)
            for r in members:
                if r != keeper:  # a duplicate is first of all a duplicate: its reason_code says so
                    per_row.setdefault(r, []).insert(0, outcome)


def _remove_dependents(clean: dict[str, pa.Table]) -> list[dict[str, Any]]:
    """Remove the records whose document (or table row) was just removed; their quarantine rows."""
    new_rows: list[dict[str, Any]] = []
    for _ in range(3):
        if check_columns(clean, CROSS_NEEDS):
            break
        cascade = _cascade_flags(clean)
        if not cascade:
            break
        for name in RECORD_DATASETS:
            if cascade.get(name):
                new_rows += _remove_rows(clean, name, cascade[name], with_values=False)
    return new_rows


def _with_rows(existing: pa.Table | None, new_rows: list[dict[str, Any]]) -> pa.Table:
    """The quarantine dataset, in the contract's schema, with the new rows added in sort order."""
    if existing is None:
        existing = QUARANTINE.empty_table()
    elif not existing.schema.equals(QUARANTINE):
        existing = existing.select(QUARANTINE.names).cast(QUARANTINE)
    if not new_rows:
        return existing
    combined = pa.concat_tables([existing, pa.Table.from_pylist(new_rows, schema=QUARANTINE)])
    return sort_rows("quarantine", combined)


def _cascade_flags(tables: Mapping[str, pa.Table]) -> Flags:
    cross = cross_dataset_table(tables)
    bad = pc.invert(
        pc.and_(
            pc.and_(
                pc.fill_null(cross["exists_in_documents"], True),
                pc.fill_null(cross["source_path_matches_document"], True),
            ),
            pc.fill_null(cross["in_table_rows"], True),
        )
    )
    picked = cross.filter(bad)
    if picked.num_rows == 0:
        return {}
    checks = [
        ("exists_in_documents", "doc_id is not in documents (its documents row was quarantined)"),
        ("source_path_matches_document", "source_path is not the source_path of its document"),
        ("in_table_rows", "no table_rows row with this key (it was quarantined)"),
    ]
    out: Flags = {}
    for row in picked.to_pylist():
        for column, text in checks:
            if row[column] is False:
                outcome = ExpectationOutcome(
                    "cross_dataset", "expect_column_values_to_be_in_set", [column], "error", True, False, text
                )
                out.setdefault(row["dataset"], {}).setdefault(row["row"], []).append(outcome)
                break
    return out


def _remove_rows(
    tables: dict[str, pa.Table], name: str, per_row: Mapping[int, list[ExpectationOutcome]], *, with_values: bool
) -> list[dict[str, Any]]:
    table = tables[name]
    rows = sorted(per_row)
    picked = table.take(pa.array(rows, pa.int64()))
    names = picked.column_names
    doc_ids = picked["doc_id"].to_pylist() if "doc_id" in names else [None] * len(rows)
    paths = picked["source_path"].to_pylist() if "source_path" in names else [None] * len(rows)
    out = []
    for i, r in enumerate(rows):
        reasons = []
        for outcome in per_row[r]:
            values = outcome.row_values.get((name, r))
            if with_values and outcome.suite == name:
                values = {c: picked[c][i].as_py() for c in outcome.columns if c in names}
            reasons.append(_reason(outcome, values))
        out.append(
            {
                "source_path": paths[i] if paths[i] is not None else UNKNOWN_SOURCE,
                "doc_id": doc_ids[i],
                "stage": Stage.VALIDATE.value,
                "reason": "; ".join(dict.fromkeys(reasons)),
                "reason_code": per_row[r][0].expectation_type,
                "record": record_key(name, table, r),
            }
        )
    keep = np.ones(table.num_rows, dtype=bool)
    keep[rows] = False
    tables[name] = table.filter(pa.array(keep))
    return out
