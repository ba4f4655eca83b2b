"""One validation pass: every dataset of schema.DATASETS and every derived frame, through GX.

How the data reaches GX: every frame is converted once with ``table.to_pandas(types_mapper=pd.ArrowDtype)``
and validated as one whole-dataframe batch. ArrowDtype keeps the exact Arrow types of
``nato_briefs/schema.py`` (``int32[pyarrow]``, nullable ``int8[pyarrow]``, ``bool[pyarrow]`` with nulls,
``list<item: string>[pyarrow]``) where the default conversion would turn a nullable int into float64 and a
list into an object column, and it is near zero-copy. Integer ranges in the suites are regexes on the
decimal form (``"^[0-9]+$"``): GX 1.24 evaluates ``expect_column_values_to_be_between`` value by value in
Python unless the column is numpy int64/float64, about 10x slower.

Unexpected rows: a frame is validated with the BASIC result format (counts and a few values: the cheapest
that still reports every count); the expectations that failed are validated again with SUMMARY. The frame
has a RangeIndex, so GX's ``partial_unexpected_index_list`` (SUMMARY, 20 entries) holds row positions; a
quarantinable failure with more rows is re-run alone with ``COMPLETE`` + ``exclude_unexpected_values`` to
get every position.

Severity: every expectation carries ``meta = {"severity": "error"|"warning", "quarantine": bool}`` and the
native GX ``severity`` field. An error blocks publishing, a warning is only reported; a failed error check
with ``quarantine: true`` is pinned on rows that ``quarantine_failed_records`` can move to quarantine.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from nato_briefs.config import EXPECTATIONS_DIR
from nato_briefs.schema import DATASETS, RECORD_KEYS
from nato_briefs.validation.frames import DERIVED, Frame, check_columns
from nato_briefs.validation.gx import PARTIAL_UNEXPECTED, GxEngine, import_gx
from nato_briefs.validation.results import (
    EXAMPLE_ROWS,
    ExpectationOutcome,
    SuiteResult,
    ValidationReport,
    jsonable,
)
from nato_briefs.validation.suites import Check, LoadedSuite, run_suites

DERIVED_SUITES = tuple(DERIVED)
SUITE_NAMES = (*DATASETS, *DERIVED_SUITES)


class Validator:
    """The suites of a run, read once; each :meth:`validate` pass gets a GX engine of its own.

    A run validates a large corpus group by group (and a group again after quarantine): the suites are
    parsed once per run, while the engine, with the dataframes and metrics GX caches on it, lives for
    one pass only and is dropped with it.
    """

    def __init__(self, suites_dir: Path = EXPECTATIONS_DIR) -> None:
        self.suites_dir = Path(suites_dir)
        self.suites: dict[str, LoadedSuite] = run_suites(self.suites_dir, DATASETS, DERIVED_SUITES)

    def validate(self, tables: Mapping[str, pa.Table]) -> ValidationReport:
        """Validate every dataset and derived frame. Never raises for bad data: a missing dataset, column
        or type is an error failure in the report."""
        start = time.perf_counter()
        engine = GxEngine()
        row_counts = {name: tables[name].num_rows for name in DATASETS if name in tables}
        results: list[SuiteResult] = []
        for name in DATASETS:
            if name not in tables:
                results.append(_unavailable(name, "dataset", "dataset_present", f"dataset {name} is missing"))
                continue
            frame = Frame(name, "dataset", tables[name], RECORD_KEYS.get(name, ()))
            results.append(_validate_frame(engine, frame, self.suites[name], tables))
        for name, (needs, build, key, target) in DERIVED.items():
            problems = check_columns(tables, needs)
            if problems:
                message = "not evaluated: " + "; ".join(problems)
                results.append(_unavailable(name, "derived", "prerequisites_met", message))
                continue
            frame = Frame(name, "derived", build(tables), key, target)
            results.append(_validate_frame(engine, frame, self.suites[name], tables))
        return ValidationReport(results, time.perf_counter() - start, row_counts)


def validate_tables(
    tables: Mapping[str, pa.Table], suites_dir: Path = EXPECTATIONS_DIR, *, validator: Validator | None = None
) -> ValidationReport:
    """Validate every dataset of schema.DATASETS and the derived cross-dataset frames.

    Raises SuiteError when a suite file is missing or invalid. Pass the run's ``validator`` to read the
    suites once per run instead of once per call.
    """
    return (validator or Validator(suites_dir)).validate(tables)


def warm_up(suites_dir: Path = EXPECTATIONS_DIR) -> None:
    """Import GX and parse the suites ahead of time (seconds), e.g. in a thread while the API boots.

    A daily incremental run validates a few hundred documents: GX's import is then most of validation's
    time, and can overlap with work that waits. Problems are left for the real validation to report.
    """
    import_gx()
    with contextlib.suppress(Exception):  # the run reports any problem with the suites
        Validator(suites_dir)


def _unavailable(name: str, kind: str, check: str, message: str) -> SuiteResult:
    outcome = ExpectationOutcome(name, check, [], "error", False, False, message=message)
    return SuiteResult(name, kind, None, [outcome])


# A pass asks GX for counts and a few unexpected values (BASIC): for a column map expectation GX then copies
# the frame twice, where SUMMARY copies it four times to list row positions and build a query string nobody
# reads. The few expectations that fail are asked again, on the same data, for their row positions.
FIRST_PASS = {"result_format": "BASIC", "partial_unexpected_count": PARTIAL_UNEXPECTED}
DETAIL_PASS = {
    "result_format": "SUMMARY",
    "partial_unexpected_count": PARTIAL_UNEXPECTED,
    "return_unexpected_index_query": False,
}
EVERY_ROW = {"result_format": "COMPLETE", "exclude_unexpected_values": True, "return_unexpected_index_query": False}


def _aligned(result: Any, ids: Sequence[str]) -> list[Any]:
    """GX's results in the order of ``ids`` (GX sorts them its own way); None for one GX did not return."""
    by_id = {r.expectation_config.id: r for r in result.results}
    return [by_id.get(i) for i in ids]


def _run_frame(engine: GxEngine, name: str, df: pd.DataFrame, loaded: LoadedSuite) -> list[Any]:
    """GX's result of every check of ``loaded`` on ``df``, aligned with ``loaded.checks``: a BASIC pass, then
    a SUMMARY pass of the failed expectations alone (their row positions pin the failure on records)."""
    results = _aligned(*engine.run_suite(name, df, loaded.suite, FIRST_PASS))
    failed = [
        i
        for i, evr in enumerate(results)
        if evr is not None and not evr.success and not _exception_message(evr.exception_info)
    ]
    if failed:
        suite = engine.suite_of(f"{name}-failed", [loaded.checks[i].expectation for i in failed])
        for i, evr in zip(failed, _aligned(*engine.run_suite(name, df, suite, DETAIL_PASS)), strict=True):
            results[i] = evr if evr is not None else results[i]
    return results


def _validate_frame(engine: GxEngine, frame: Frame, loaded: LoadedSuite, tables: Mapping[str, pa.Table]) -> SuiteResult:
    start = time.perf_counter()
    df = frame.table.to_pandas(types_mapper=pd.ArrowDtype, ignore_metadata=True)
    df.index = pd.RangeIndex(len(df))  # GX reports unexpected rows by index label: make them positions

    def rerun(expectation: Any, result_format: dict[str, Any]) -> Any:  # rare: a new batch of the same frame
        return engine.validate(engine.batch(frame.name, df), expectation, result_format)

    outcomes = []
    for check, evr in zip(loaded.checks, _run_frame(engine, frame.name, df, loaded), strict=True):
        if evr is None:
            outcomes.append(
                ExpectationOutcome(
                    frame.name,
                    check.type,
                    check.columns,
                    check.severity,
                    check.quarantine,
                    False,
                    check.description,
                    check.kwargs,
                    message="not evaluated by GX",
                )
            )
            continue
        outcomes.append(_outcome(rerun, frame, check, evr, tables))
    return SuiteResult(frame.name, frame.kind, frame.table.num_rows, outcomes, time.perf_counter() - start)


def _outcome(
    rerun: Callable[[Any, dict[str, Any]], Any], frame: Frame, check: Check, evr: Any, tables: Mapping[str, pa.Table]
) -> ExpectationOutcome:
    res = dict(evr.result or {})
    outcome = ExpectationOutcome(
        suite=frame.name,
        expectation_type=check.type,
        columns=check.columns,
        severity=check.severity,
        quarantine=check.quarantine,
        success=bool(evr.success),
        description=check.description,
        kwargs=jsonable(check.kwargs),
        element_count=res.get("element_count"),
        unexpected_count=res.get("unexpected_count"),
        observed=jsonable(res.get("observed_value")),
    )
    if outcome.success:
        return outcome
    exception = _exception_message(evr.exception_info)
    positions = [int(p) for p in res.get("partial_unexpected_index_list") or [] if isinstance(p, (int, np.integer))]
    if exception:
        outcome.message = f"raised: {exception}"
    elif check.type == "expect_table_columns_to_match_ordered_list":
        outcome.message = _column_diff(check.kwargs.get("column_list") or [], frame.table.column_names)
    elif check.type in ("expect_column_type_to_be", "expect_column_values_to_be_of_type"):
        outcome.message = f"observed {outcome.observed}, expected {check.kwargs.get('type_')}"
    elif outcome.unexpected_count is not None:
        outcome.message = f"{outcome.unexpected_count} of {outcome.element_count} rows: {check.description}"
    if positions:
        outcome.examples = frame.examples(positions[:EXAMPLE_ROWS], check.columns, tables)
    else:
        outcome.examples = jsonable((res.get("partial_unexpected_list") or [])[:EXAMPLE_ROWS])
    if check.quarantine and check.severity == "error" and not exception and outcome.unexpected_count:
        if outcome.unexpected_count > len(positions):  # the partial list was truncated: fetch every position
            full = rerun(check.expectation, EVERY_ROW)
            positions = [int(p) for p in (full.result or {}).get("unexpected_index_list") or []]
        outcome.rows, outcome.row_values = frame.targets(positions, check.columns)
    return outcome


def _column_diff(expected: Sequence[str], actual: Sequence[str]) -> str:
    missing = [c for c in expected if c not in actual]
    extra = [c for c in actual if c not in expected]
    parts = []
    if missing:
        parts.append(f"missing column(s) {missing}")
    if extra:
        parts.append(f"unexpected column(s) {extra}")
    if not parts:
        parts.append(f"column order {list(actual)} differs from {list(expected)}")
    return "; ".join(parts)


def _exception_message(info: Any) -> str | None:
    if not info:
        return None
    if isinstance(info, Mapping):
        if info.get("raised_exception"):
            return str(info.get("exception_message") or "exception")
        for value in info.values():
            message = (
                _exception_message(value) if isinstance(value, Mapping) or hasattr(value, "raised_exception") else None
            )
            if message:
                return message
        return None
    if getattr(info, "raised_exception", False):
        return str(getattr(info, "exception_message", None) or "exception")
    return None
