"""Great Expectations validation of the datasets: the pure core (no Prefect here).

One expectation suite per dataset lives in ``expectations/<dataset>.json`` (GX 1.x suite JSON, reviewed
by hand), plus one suite per *derived* frame for the checks GX cannot express on a single table:

* ``cross_dataset``: one row per record of the record datasets with flags computed in pyarrow (its
  doc_id exists in documents, its source_path is its document's, a priorities row exists in table_rows);
* ``document_counts``: one row per document, its declared counts next to the counts derived from the
  record datasets;
* ``table_rows_shape``: one row per table row, ``len(headers)`` and ``len(cells)``.

How the data reaches GX: every frame is converted once with ``table.to_pandas(types_mapper=pd.ArrowDtype)``
and validated as one whole-dataframe batch of a cached ephemeral context. ArrowDtype keeps the exact Arrow
types of ``nato_briefs/schema.py`` (``int32[pyarrow]``, nullable ``int8[pyarrow]``, ``bool[pyarrow]`` with nulls,
``list<item: string>[pyarrow]``) where the default conversion would turn a nullable int into float64 and a
list into an object column, and it is near zero-copy. ``expect_column_type_to_be`` therefore names the
exact type (``"int32[pyarrow]"``). pandas cannot parse a nested ArrowDtype name, so list columns are checked
with ``expect_column_values_to_be_of_type(type_="list")``; the element type of table_rows.headers/cells is
enforced by the ``table_rows_shape`` prerequisites (list<string>, else that suite fails). Integer ranges are
regexes on the decimal form (``"^[0-9]+$"``): GX 1.24 evaluates ``expect_column_values_to_be_between`` value
by value in Python unless the column is numpy int64/float64, about 10x slower.

Unexpected rows: the frame has a RangeIndex, so GX's ``partial_unexpected_index_list`` (SUMMARY result format,
20 entries) holds row positions; a quarantinable failure with more rows is re-run alone with
``COMPLETE`` + ``exclude_unexpected_values`` to get every position. The HTML report is a static page of our
own: GX Data Docs need the suites, validation definitions and a checkpoint registered in the context, write a
4 MB multi-file site, and their pages load Bootstrap/Vega from CDNs (unusable offline).

Severity: every expectation carries ``meta = {"severity": "error"|"warning", "quarantine": bool}`` and the
native GX 1.24 ``severity`` field (``critical`` for an error, ``warning``). An error blocks publishing, a
warning is only reported. A failed error check with ``quarantine: true`` is pinned on rows:
``quarantine_failed_records`` moves those rows into the quarantine dataset instead of blocking the run.
Structural checks (columns, types) and the per-document count checks are never quarantinable.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
import math
import os
import re
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads

from nato_briefs.config import EXPECTATIONS_DIR
from nato_briefs.schema import DATASETS, QUARANTINE, sort_rows

# GX reads this when a context is created; GX itself is imported lazily (importing it takes seconds).
os.environ["GX_ANALYTICS_ENABLED"] = "false"

__all__ = [
    "DERIVED_SUITES",
    "RECORD_KEYS",
    "SUITE_NAMES",
    "ExpectationOutcome",
    "SuiteError",
    "SuiteResult",
    "ValidationReport",
    "load_published",
    "load_suite",
    "main_validate",
    "quarantine_failed_records",
    "validate_tables",
    "write_html_report",
]

STAGE = "validate"
UNKNOWN_SOURCE = "<unknown>"
EXAMPLE_ROWS = 5
_PARTIAL = 20  # GX partial_unexpected_count: enough row positions to quarantine small failures without a re-run

RECORD_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "sections": ("doc_id", "section_index"),
    "table_rows": ("doc_id", "table_index", "row_index"),
    "list_items": ("doc_id", "list_index", "item_index"),
    "priorities": ("doc_id", "table_index", "row_index"),
    "initiatives": ("doc_id", "list_index", "item_index"),
    "statements": ("doc_id", "sentence_index"),
    "mentions": ("doc_id", "mention_index"),
    "quarantine": ("source_path", "stage", "reason_code"),
}
RECORD_DATASETS = ("sections", "table_rows", "list_items", "priorities", "initiatives", "statements", "mentions")
DERIVED_SUITES = ("cross_dataset", "document_counts", "table_rows_shape")
SUITE_NAMES = (*DATASETS, *DERIVED_SUITES)

_NATIVE_SEVERITY = {"error": "critical", "warning": "warning"}
_UNIQUENESS = frozenset({"expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"})

log = logging.getLogger(__name__)


class SuiteError(ValueError):
    """An expectation suite file is missing or invalid (a configuration error, not a data error)."""


# --------------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------------


@dataclass
class ExpectationOutcome:
    """The outcome of one expectation of a suite (a *failure* when ``success`` is False)."""

    suite: str
    expectation_type: str
    columns: list[str]
    severity: str  # "error" | "warning"
    quarantine: bool  # marked quarantinable in the suite
    success: bool
    description: str | None = None
    kwargs: dict[str, Any] = field(default_factory=dict)
    element_count: int | None = None
    unexpected_count: int | None = None
    observed: Any = None
    examples: list[Any] = field(default_factory=list)  # up to EXAMPLE_ROWS offending rows (dicts) or values
    message: str | None = None
    # dataset -> 0-based positions of the offending rows in the validated tables (quarantinable failures only)
    rows: dict[str, list[int]] = field(default_factory=dict, repr=False)
    # (dataset, row) -> the checked values of a derived frame's row, for the quarantine reason
    row_values: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict, repr=False)

    @property
    def column(self) -> str:
        return ", ".join(self.columns)

    @property
    def quarantinable(self) -> bool:
        """A failure that quarantine_failed_records resolves by moving rows to the quarantine dataset."""
        return not self.success and self.quarantine and self.severity == "error" and bool(self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "expectation_type": self.expectation_type,
            "columns": list(self.columns),
            "severity": self.severity,
            "quarantine": self.quarantine,
            "success": self.success,
            "description": self.description,
            "kwargs": _jsonable(self.kwargs),
            "element_count": self.element_count,
            "unexpected_count": self.unexpected_count,
            "observed": _jsonable(self.observed),
            "examples": _jsonable(self.examples),
            "message": self.message,
        }

    def headline(self) -> str:
        where = f" on {self.column}" if self.columns else ""
        if self.unexpected_count is not None:
            of = f" of {self.element_count}" if self.element_count is not None else ""
            what = f"{self.unexpected_count}{of} rows"
        else:
            what = self.message or "failed"
        tag = " (quarantinable)" if self.quarantinable else ""
        return f"{self.expectation_type}{where}: {what}{tag}"


@dataclass
class SuiteResult:
    """The outcome of one suite on one dataset (or derived frame)."""

    dataset: str
    kind: str  # "dataset" | "derived"
    row_count: int | None
    outcomes: list[ExpectationOutcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failures(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success]

    @property
    def evaluated(self) -> int:
        return len(self.outcomes)

    @property
    def failed_errors(self) -> int:
        return sum(1 for o in self.failures if o.severity == "error")

    @property
    def failed_warnings(self) -> int:
        return sum(1 for o in self.failures if o.severity == "warning")

    @property
    def success(self) -> bool:
        """No error-severity failure (warnings allowed)."""
        return self.failed_errors == 0

    @property
    def status(self) -> str:
        if not self.success:
            return "failed"
        return "passed with warnings" if self.failed_warnings else "passed"

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "kind": self.kind,
            "rows": self.row_count,
            "success": self.success,
            "status": self.status,
            "evaluated": self.evaluated,
            "failed_errors": self.failed_errors,
            "failed_warnings": self.failed_warnings,
            "seconds": round(self.seconds, 4),
            "failures": [o.to_dict() for o in self.failures],
            "expectations": [o.to_dict() for o in self.outcomes],
        }


@dataclass
class ValidationReport:
    suites: list[SuiteResult]
    seconds: float = 0.0
    row_counts: dict[str, int] = field(default_factory=dict)  # rows of each validated input dataset

    @property
    def passed(self) -> bool:
        """True when no error-severity expectation failed (warnings allowed)."""
        return all(s.success for s in self.suites)

    @property
    def failures(self) -> list[ExpectationOutcome]:
        return [o for s in self.suites for o in s.failures]

    @property
    def errors(self) -> list[ExpectationOutcome]:
        return [o for o in self.failures if o.severity == "error"]

    @property
    def warnings(self) -> list[ExpectationOutcome]:
        return [o for o in self.failures if o.severity == "warning"]

    def suite(self, name: str) -> SuiteResult:
        for s in self.suites:
            if s.dataset == name:
                return s
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "seconds": round(self.seconds, 4),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "expectations": sum(s.evaluated for s in self.suites),
            "suites": [s.to_dict() for s in self.suites],
        }

    def to_table_rows(self) -> list[dict[str, Any]]:
        """One row per suite, flat values only (a Prefect table artifact)."""
        return [
            {
                "suite": s.dataset,
                "kind": s.kind,
                "rows": s.row_count if s.row_count is not None else "",
                "expectations": s.evaluated,
                "errors": s.failed_errors,
                "warnings": s.failed_warnings,
                "status": s.status,
                "failures": "; ".join(f"[{o.severity}] {o.headline()}" for o in s.failures),
            }
            for s in self.suites
        ]

    def to_text(self) -> str:
        verdict = "PASSED" if self.passed else "FAILED"
        n_exp = sum(s.evaluated for s in self.suites)
        lines = [
            f"Data validation {verdict}: {len(self.errors)} error(s), {len(self.warnings)} warning(s) "
            f"in {len(self.suites)} suites ({n_exp} expectations, {self.seconds:.2f} s)",
            "",
        ]
        header = ("suite", "kind", "rows", "checks", "errors", "warnings", "result")
        body = [
            (
                s.dataset,
                s.kind,
                "-" if s.row_count is None else str(s.row_count),
                str(s.evaluated),
                str(s.failed_errors),
                str(s.failed_warnings),
                s.status,
            )
            for s in self.suites
        ]
        widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
        right = {2, 3, 4, 5}

        def fmt(row: Sequence[str]) -> str:
            cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
            return "  ".join(cells).rstrip()

        lines += [fmt(header), fmt(["-" * w for w in widths]), *(fmt(r) for r in body)]
        failures = [(s, o) for s in self.suites for o in s.failures]
        if failures:
            lines += ["", "Failures:"]
            for s, o in sorted(failures, key=lambda so: so[1].severity != "error"):
                level = "ERROR" if o.severity == "error" else "WARN "
                lines.append(f"  [{level}] {s.dataset}: {_abbrev(o.headline())}")
                if o.description and o.unexpected_count is not None:
                    lines.append(f"      {_abbrev(o.description)}")
                for ex in o.examples[:EXAMPLE_ROWS]:
                    lines.append(f"      {_clip(_abbrev(json.dumps(_jsonable(ex), ensure_ascii=False)), 160)}")
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# Suites
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Check:
    index: int
    expectation: Any  # great_expectations Expectation
    type: str
    kwargs: dict[str, Any]
    severity: str
    quarantine: bool
    description: str | None

    @property
    def columns(self) -> list[str]:
        kw = self.kwargs
        if self.type.startswith("expect_table_"):
            return []
        if "column" in kw:
            return [kw["column"]]
        if "column_list" in kw:
            return list(kw["column_list"])
        return [kw[k] for k in ("column_A", "column_B") if k in kw]


@dataclass(frozen=True)
class _LoadedSuite:
    name: str
    suite: Any  # great_expectations ExpectationSuite
    checks: tuple[_Check, ...]
    meta: dict[str, Any]


_SUITE_CACHE: dict[tuple[str, int, int], _LoadedSuite] = {}


def load_suite(path: Path) -> _LoadedSuite:
    """Read one suite file into a GX ExpectationSuite, strictly.

    GX's own ExpectationSuite(expectations=[dict, ...]) logs and *drops* an expectation of an unknown type;
    here every expectation is built explicitly so that a typo fails loudly (SuiteError).
    """
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError as e:
        raise SuiteError(f"expectation suite not found: {path}") from e
    cache_key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    cached = _SUITE_CACHE.get(cache_key)
    if cached is not None:
        return cached
    _gx_init()
    from great_expectations.core import ExpectationSuite
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise SuiteError(f"{path}: not valid JSON: {e}") from e
    name = doc.get("name")
    if name != path.stem:
        raise SuiteError(f"{path}: suite name {name!r} differs from the file name {path.stem!r}")
    specs = doc.get("expectations") or []
    expectations, policies = [], []
    for i, spec in enumerate(specs):
        where = f"{path.name}: expectation #{i} ({spec.get('type')})"
        meta = spec.get("meta") or {}
        severity = meta.get("severity")
        if severity not in _NATIVE_SEVERITY:
            raise SuiteError(f"{where}: meta.severity must be 'error' or 'warning', not {severity!r}")
        native = spec.get("severity", "critical")
        if native != _NATIVE_SEVERITY[severity]:
            raise SuiteError(f"{where}: severity {native!r} contradicts meta.severity {severity!r}")
        quarantine = meta.get("quarantine", False)
        if not isinstance(quarantine, bool) or (quarantine and severity != "error"):
            raise SuiteError(f"{where}: meta.quarantine must be a boolean, true only for an error")
        try:
            expectations.append(ExpectationConfiguration(**spec).to_domain_obj())
        except Exception as e:  # unknown type, bad kwargs (pydantic), ...
            raise SuiteError(f"{where}: invalid expectation: {e}") from e
        policies.append((severity, quarantine, spec.get("description")))
    suite = ExpectationSuite(name=name, expectations=expectations, meta=doc.get("meta"), notes=doc.get("notes"))
    if len(suite.expectations) != len(specs):
        raise SuiteError(f"{path}: GX kept {len(suite.expectations)} of {len(specs)} expectations")
    checks = []
    for i, (exp, (severity, quarantine, description)) in enumerate(zip(suite.expectations, policies, strict=True)):
        exp.id = f"{name}#{i}"  # results carry the id back: maps each result to its check
        kwargs = {k: v for k, v in exp.configuration.kwargs.items() if k != "batch_id"}
        checks.append(_Check(i, exp, exp.expectation_type, kwargs, severity, quarantine, description))
    loaded = _LoadedSuite(name, suite, tuple(checks), dict(doc.get("meta") or {}))
    _SUITE_CACHE[cache_key] = loaded
    return loaded


# --------------------------------------------------------------------------------------------------
# GX context (one per process)
# --------------------------------------------------------------------------------------------------

_GX_LOCK = threading.RLock()
_GX: dict[str, Any] = {}


def _gx_init() -> None:
    with _GX_LOCK:
        if _GX.get("quiet"):
            return
        os.environ["GX_ANALYTICS_ENABLED"] = "false"
        logging.getLogger("great_expectations").setLevel(logging.WARNING)
        # GX 1.24 imports sre_constants/sre_parse (deprecated): noise for our users, not theirs to fix.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"great_expectations(\.|$)")
        _GX["quiet"] = True


def _gx_datasource() -> Any:
    """The pandas data source of the process-wide ephemeral GX context (created once: it is slow-ish).

    In-memory stores only, no data docs site, no analytics, progress bars off: nothing is written to disk.
    """
    with _GX_LOCK:
        ds = _GX.get("datasource")
        if ds is None:
            _gx_init()
            import great_expectations as gx
            from great_expectations.data_context.types.base import (
                DataContextConfig,
                InMemoryStoreBackendDefaults,
                ProgressBarsConfig,
            )

            config = DataContextConfig(
                store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
                analytics_enabled=False,
                progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
            )
            context = gx.get_context(project_config=config, mode="ephemeral")
            # Every batch load hashes the whole dataframe into an informational "pandas_data_fingerprint"
            # batch marker when it is under HASH_THRESHOLD bytes: about 1 s per 500k rows, twice per suite
            # (batch.validate loads the batch again). Nothing here reads the fingerprint: switch it off.
            from great_expectations.execution_engine import pandas_execution_engine

            if hasattr(pandas_execution_engine, "HASH_THRESHOLD"):
                pandas_execution_engine.HASH_THRESHOLD = 0
            ds = context.data_sources.add_pandas(name="nato_briefs")
            _GX.update(context=context, datasource=ds, batch_definitions={})
        return ds


def _batch_definition(name: str) -> Any:
    with _GX_LOCK:
        ds = _gx_datasource()
        bds = _GX["batch_definitions"]
        if name not in bds:
            asset = ds.add_dataframe_asset(name=name)
            bds[name] = asset.add_batch_definition_whole_dataframe(name)
        return bds[name]


def _release_gx_batches() -> None:
    """Drop the dataframes and metrics GX keeps on its cached execution engine after a run."""
    engine = getattr(_GX.get("datasource"), "_execution_engine", None)
    if engine is None:
        return
    try:
        engine.batch_manager.batch_data_cache.clear()
        engine.batch_manager.reset_batch_cache()
        cache = getattr(engine, "_metric_cache", None)
        if isinstance(cache, dict):
            cache.clear()
    except AttributeError:  # GX internals moved: only memory is at stake
        log.debug("could not release GX batch caches", exc_info=True)


# --------------------------------------------------------------------------------------------------
# Frames
# --------------------------------------------------------------------------------------------------


@dataclass
class _Frame:
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
                ex["record"] = _record_key(dataset, tables[dataset], self.table["row"][pos].as_py())
        return picked


def _check_columns(tables: Mapping[str, pa.Table], needs: Mapping[str, Iterable[str]]) -> list[str]:
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


_CROSS_NEEDS = {
    "documents": ("doc_id", "source_path"),
    **{name: ("doc_id", "source_path") for name in RECORD_DATASETS},
    "table_rows": ("doc_id", "source_path", "table_index", "row_index"),
    "priorities": ("doc_id", "source_path", "table_index", "row_index"),
}


def _cross_dataset_table(tables: Mapping[str, pa.Table]) -> pa.Table:
    docs = tables["documents"]
    doc_ids = _combine(docs["doc_id"])
    doc_paths = _combine(docs["source_path"])
    parts = []
    for name in RECORD_DATASETS:
        t = tables[name]
        n = t.num_rows
        idx = pc.index_in(t["doc_id"], value_set=doc_ids, skip_nulls=True)  # first documents row of the doc_id
        exists = pc.is_valid(idx)
        path_ok = pc.equal(t["source_path"], pc.take(doc_paths, idx))  # null when the doc_id is unknown
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
                    "in_table_rows": in_table_rows,
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
    q = q.filter(pc.equal(q["stage"], STAGE))
    if "reason_code" in q.column_names:  # a duplicate is the same record twice: the kept copy already counts
        q = q.filter(pc.invert(pc.fill_null(pc.is_in(q["reason_code"], pa.array(sorted(_UNIQUENESS))), False)))
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


def _document_counts_table(tables: Mapping[str, pa.Table]) -> pa.Table:
    docs = tables["documents"]
    doc_ids = _combine(docs["doc_id"])
    doc_paths = _combine(docs["source_path"])
    quarantined = _quarantined_records(tables)
    known_paths = pc.unique(doc_paths)
    if "documents" in quarantined:
        quarantined_paths = quarantined["documents"]["source_path"].combine_chunks()
        known_paths = pc.unique(pa.concat_arrays([known_paths, quarantined_paths]))

    def attribute(source_path: Any, doc_id: Any) -> pa.Array:
        # A record belongs to the documents row with its source_path; when that path is unknown (a record
        # with a wrong source_path), to the documents row of its doc_id.
        by_id = pc.take(doc_paths, pc.index_in(doc_id, value_set=doc_ids, skip_nulls=True))
        return pc.if_else(pc.is_in(source_path, value_set=known_paths), source_path, by_id)

    out = pa.table(
        {
            "row": pa.array(np.arange(docs.num_rows, dtype=np.int64)),
            "doc_id": docs["doc_id"],
            "source_path": docs["source_path"],
        }
    )
    for name, (index_col, aggs) in _COUNT_SPECS.items():
        t = tables[name]
        first = t[index_col].cast(pa.int64()) if index_col else pa.nulls(t.num_rows, pa.int64())
        parts = [pa.table({"path": attribute(t["source_path"], t["doc_id"]), "first": first})]
        if name in quarantined:
            qt = quarantined[name]
            parts.append(pa.table({"path": attribute(qt["source_path"], qt["doc_id"]), "first": qt["first"]}))
        records = pa.concat_tables(parts)
        grouped = records.group_by("path").aggregate([("path", "count"), ("first", "count_distinct"), ("first", "max")])
        names = {"count": "path_count", "count_distinct": "first_count_distinct", "max": "first_max"}
        grouped = grouped.select(["path", *(names[a] for a, _ in aggs)]).rename_columns(["path", *(c for _, c in aggs)])
        out = out.join(grouped, keys="source_path", right_keys="path", join_type="left outer")
    out = out.sort_by("row")
    columns = {"row": out["row"], "doc_id": out["doc_id"], "source_path": out["source_path"]}

    def derived(col: str) -> pa.Array:
        return pc.fill_null(out[col].cast(pa.int64()), 0)

    pairs = [
        ("n_sections", "n_sections_derived"),
        ("n_table_rows", "n_table_rows_derived"),
        ("n_list_items", "n_list_items_derived"),
        ("n_lists", "n_lists_derived"),
        ("n_priorities", "n_priorities_derived"),
    ]
    for declared, computed in pairs:
        columns[declared] = docs[declared].cast(pa.int64())
        columns[computed] = derived(computed)
    columns["n_tables"] = docs["n_tables"].cast(pa.int64())
    columns["n_tables_min"] = pc.add(pc.fill_null(out["n_tables_min"].cast(pa.int64()), -1), 1)
    columns["n_tables_with_rows"] = derived("n_tables_with_rows")
    columns["n_unmapped_tables"] = docs["n_unmapped_tables"].cast(pa.int64())
    return pa.table(columns).combine_chunks()


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
_DERIVED: dict[str, tuple[Mapping[str, Iterable[str]], Callable[[Mapping[str, pa.Table]], pa.Table], tuple, str | None]]
_DERIVED = {
    "cross_dataset": (_CROSS_NEEDS, _cross_dataset_table, ("dataset", "doc_id"), None),
    "document_counts": (_COUNT_NEEDS, _document_counts_table, ("doc_id", "source_path"), "documents"),
    "table_rows_shape": (
        {"table_rows": ("doc_id", "headers", "cells")},
        _table_rows_shape_table,
        ("doc_id",),
        "table_rows",
    ),
}


# --------------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------------


def validate_tables(tables: Mapping[str, pa.Table], suites_dir: Path = EXPECTATIONS_DIR) -> ValidationReport:
    """Validate every dataset of schema.DATASETS and the derived cross-dataset frames.

    Raises SuiteError when a suite file is missing or invalid. Never raises for bad data: a missing
    dataset, a missing column, a wrong type... are error failures in the report.
    """
    start = time.perf_counter()
    suites_dir = Path(suites_dir)
    suites = {name: load_suite(suites_dir / f"{name}.json") for name in SUITE_NAMES}
    row_counts = {name: tables[name].num_rows for name in DATASETS if name in tables}
    results: list[SuiteResult] = []
    with _GX_LOCK:
        try:
            for name in DATASETS:
                if name not in tables:
                    results.append(_unavailable(name, "dataset", "dataset_present", f"dataset {name} is missing"))
                    continue
                frame = _Frame(name, "dataset", tables[name], RECORD_KEYS[name])
                results.append(_validate_frame(frame, suites[name], tables))
            for name, (needs, build, key, target) in _DERIVED.items():
                problems = _check_columns(tables, needs)
                if problems:
                    message = "not evaluated: " + "; ".join(problems)
                    results.append(_unavailable(name, "derived", "prerequisites_met", message))
                    continue
                frame = _Frame(name, "derived", build(tables), key, target)
                results.append(_validate_frame(frame, suites[name], tables))
        finally:
            _release_gx_batches()
    return ValidationReport(results, time.perf_counter() - start, row_counts)


def _unavailable(name: str, kind: str, check: str, message: str) -> SuiteResult:
    outcome = ExpectationOutcome(name, check, [], "error", False, False, message=message)
    return SuiteResult(name, kind, None, [outcome])


def _validate_frame(frame: _Frame, loaded: _LoadedSuite, tables: Mapping[str, pa.Table]) -> SuiteResult:
    start = time.perf_counter()
    df = frame.table.to_pandas(types_mapper=pd.ArrowDtype, ignore_metadata=True)
    df.index = pd.RangeIndex(len(df))  # GX reports unexpected rows by index label: make them positions
    batch = _batch_definition(frame.name).get_batch(batch_parameters={"dataframe": df})
    result_format = {"result_format": "SUMMARY", "partial_unexpected_count": _PARTIAL}
    result = batch.validate(loaded.suite, result_format=result_format)
    by_id = {r.expectation_config.id: r for r in result.results}
    outcomes = []
    for check in loaded.checks:
        evr = by_id.get(check.expectation.id)
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
        outcomes.append(_outcome(frame, check, evr, batch, tables))
    return SuiteResult(frame.name, frame.kind, frame.table.num_rows, outcomes, time.perf_counter() - start)


def _outcome(frame: _Frame, check: _Check, evr: Any, batch: Any, tables: Mapping[str, pa.Table]) -> ExpectationOutcome:
    res = dict(evr.result or {})
    outcome = ExpectationOutcome(
        suite=frame.name,
        expectation_type=check.type,
        columns=check.columns,
        severity=check.severity,
        quarantine=check.quarantine,
        success=bool(evr.success),
        description=check.description,
        kwargs=_jsonable(check.kwargs),
        element_count=res.get("element_count"),
        unexpected_count=res.get("unexpected_count"),
        observed=_jsonable(res.get("observed_value")),
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
        outcome.examples = _jsonable((res.get("partial_unexpected_list") or [])[:EXAMPLE_ROWS])
    if check.quarantine and check.severity == "error" and not exception and outcome.unexpected_count:
        if outcome.unexpected_count > len(positions):  # the partial list was truncated: fetch every position
            full = batch.validate(
                check.expectation, result_format={"result_format": "COMPLETE", "exclude_unexpected_values": True}
            )
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


# --------------------------------------------------------------------------------------------------
# Quarantine
# --------------------------------------------------------------------------------------------------


def _record_key(dataset: str, table: pa.Table, row: int) -> str:
    """'table_rows[2,0]': the dataset and its key without doc_id (doc_id has its own quarantine column)."""
    key = [c for c in RECORD_KEYS.get(dataset, ()) if c != "doc_id"] or list(RECORD_KEYS.get(dataset, ()))
    values = []
    for c in key:
        v = table[c][row].as_py() if c in table.column_names else None
        values.append("null" if v is None else str(v))
    return f"{dataset}[{','.join(values)}]"


def _reason(outcome: ExpectationOutcome, values: Mapping[str, Any] | None) -> str:
    text = f"{outcome.expectation_type} on {outcome.column or outcome.suite}: {outcome.description or 'failed'}"
    if values:
        got = ", ".join(f"{k}={_clip(json.dumps(_jsonable(v), ensure_ascii=False), 60)}" for k, v in values.items())
        text += f" (got {got})"
    if outcome.expectation_type in _UNIQUENESS:
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
    for name, n in report.row_counts.items():
        if name in tables and tables[name].num_rows != n:
            raise ValueError(f"{name} has {tables[name].num_rows} rows, the report was made on {n}: validate again")
    flagged: dict[str, dict[int, list[ExpectationOutcome]]] = {}
    unique_flags: list[tuple[str, ExpectationOutcome, list[int]]] = []
    for suite in report.suites:
        for outcome in suite.failures:
            if not outcome.quarantinable:
                continue
            for name, rows in outcome.rows.items():
                if name not in tables or name == "quarantine":
                    continue
                if outcome.expectation_type in _UNIQUENESS and suite.kind == "dataset":
                    unique_flags.append((name, outcome, rows))
                    continue
                per_row = flagged.setdefault(name, {})
                for r in rows:
                    per_row.setdefault(r, []).append(outcome)
    for name, outcome, rows in unique_flags:  # keep the first occurrence of each duplicated key
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

    clean = dict(tables)
    new_rows: list[dict[str, Any]] = []
    for name in DATASETS:
        if flagged.get(name):
            new_rows += _remove_rows(clean, name, flagged[name], with_values=True)
    # cascade: records whose document (or table row) was just removed
    for _ in range(3):
        if _check_columns(clean, _CROSS_NEEDS):
            break
        cascade = _cascade_flags(clean)
        if not cascade:
            break
        for name in RECORD_DATASETS:
            if cascade.get(name):
                new_rows += _remove_rows(clean, name, cascade[name], with_values=False)
    existing = clean.get("quarantine")
    if existing is None:
        existing = QUARANTINE.empty_table()
    elif not existing.schema.equals(QUARANTINE):
        existing = existing.select(QUARANTINE.names).cast(QUARANTINE)
    if new_rows:
        combined = pa.concat_tables([existing, pa.Table.from_pylist(new_rows, schema=QUARANTINE)])
        existing = sort_rows("quarantine", combined)
    clean["quarantine"] = existing
    return clean, existing


def _cascade_flags(tables: Mapping[str, pa.Table]) -> dict[str, dict[int, list[ExpectationOutcome]]]:
    cross = _cross_dataset_table(tables)
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
    out: dict[str, dict[int, list[ExpectationOutcome]]] = {}
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
                "stage": STAGE,
                "reason": "; ".join(dict.fromkeys(reasons)),
                "reason_code": per_row[r][0].expectation_type,
                "record": _record_key(name, table, r),
            }
        )
    keep = np.ones(table.num_rows, dtype=bool)
    keep[rows] = False
    tables[name] = table.filter(pa.array(keep))
    return out


# --------------------------------------------------------------------------------------------------
# Published data, CLI, HTML
# --------------------------------------------------------------------------------------------------


def load_published(out_dir: str | Path) -> dict[str, pa.Table]:
    """Read OUT/<name>/ (a directory of Parquet files) for every dataset of schema.DATASETS, as stored."""
    out = Path(out_dir)
    if not out.is_dir():
        raise FileNotFoundError(f"output directory {out} does not exist")
    missing = [name for name in DATASETS if not _has_data_files(out / name)]
    if missing:
        raise FileNotFoundError(
            f"missing dataset(s) under {out}: {', '.join(missing)} (expected {out}/<name>/ with Parquet files)"
        )
    # realpath: OUT/<name> resolved once, so a publish switching the link mid-read cannot split the read
    return {name: pads.dataset(os.path.realpath(out / name), format="parquet").to_table() for name in DATASETS}


def _has_data_files(path: Path) -> bool:
    if not path.is_dir():
        return False
    return any(p.is_file() and not p.name.startswith((".", "_")) for p in path.rglob("*"))


def main_validate(
    out_dir: str | Path,
    *,
    suites_dir: Path = EXPECTATIONS_DIR,
    html_report: str | Path | None = None,
) -> int:
    """`nato-briefs validate --out DIR`: 0 all suites pass (warnings allowed), 1 an error failed,
    2 the out dir or a dataset is missing/unreadable (or a suite file is invalid)."""
    try:
        tables = load_published(out_dir)
    except FileNotFoundError as e:
        print(f"nato-briefs validate: {e}", file=sys.stderr)
        return 2
    except (pa.ArrowException, OSError) as e:
        print(f"nato-briefs validate: cannot read the datasets under {out_dir}: {e}", file=sys.stderr)
        return 2
    try:
        report = validate_tables(tables, suites_dir)
    except SuiteError as e:
        print(f"nato-briefs validate: {e}", file=sys.stderr)
        return 2
    print(report.to_text())
    if html_report is not None:
        write_html_report(report, Path(html_report))
    return 0 if report.passed else 1


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d2330;max-width:90rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #d6dae1;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
th{background:#f2f4f7}td.num{text-align:right}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:.6rem;font-size:.8rem;font-weight:600}
.pass{background:#dcf5e3;color:#17612f}.fail{background:#fde2e1;color:#9b1c1c}.warn{background:#fff2cc;color:#7a5b00}
pre{margin:0;white-space:pre-wrap;word-break:break-all;font-size:.8rem}small{color:#5a6372}
"""


def write_html_report(report: ValidationReport, path: Path) -> Path:
    """Write a static, self-contained HTML page of the report (no scripts, no external assets)."""
    path = Path(path)
    esc = html.escape

    def badge(text: str, cls: str) -> str:
        return f'<span class="badge {cls}">{esc(text)}</span>'

    def suite_badge(s: SuiteResult) -> str:
        return badge(s.status, "fail" if not s.success else "warn" if s.failed_warnings else "pass")

    verdict = badge("PASSED", "pass") if report.passed else badge("FAILED", "fail")
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>nato-briefs data validation</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Data validation {verdict}</h1>",
        f"<p><small>{len(report.errors)} error(s), {len(report.warnings)} warning(s); "
        f"{sum(s.evaluated for s in report.suites)} expectations in {len(report.suites)} suites; "
        f"{report.seconds:.2f} s; generated {esc(generated)}. Errors block publishing, warnings are reported "
        "only; quarantinable failures move their rows to the quarantine dataset.</small></p>",
        "<table><tr><th>suite</th><th>kind</th><th>rows</th><th>expectations</th><th>errors</th>"
        "<th>warnings</th><th>result</th></tr>",
    ]
    for s in report.suites:
        parts.append(
            f'<tr><td><a href="#suite-{esc(s.dataset)}">{esc(s.dataset)}</a></td><td>{esc(s.kind)}</td>'
            f'<td class="num">{"" if s.row_count is None else s.row_count}</td><td class="num">{s.evaluated}</td>'
            f'<td class="num">{s.failed_errors}</td><td class="num">{s.failed_warnings}</td>'
            f"<td>{suite_badge(s)}</td></tr>"
        )
    parts.append("</table>")
    for s in report.suites:
        rows = "-" if s.row_count is None else str(s.row_count)
        parts += [
            f'<h2 id="suite-{esc(s.dataset)}">{esc(s.dataset)} {suite_badge(s)}</h2>',
            f"<p><small>{esc(s.kind)}; {rows} rows; {s.evaluated} expectations; {s.seconds:.3f} s</small></p>",
            "<table><tr><th>status</th><th>severity</th><th>expectation</th><th>column(s)</th>"
            "<th>unexpected</th><th>details</th></tr>",
        ]
        for o in s.outcomes:
            if o.success:
                status = badge("pass", "pass")
            else:
                status = badge("FAIL", "fail") if o.severity == "error" else badge("warn", "warn")
            sev = o.severity + (" (quarantine)" if o.quarantine else "")
            unexpected = ""
            if o.unexpected_count is not None:
                unexpected = f"{o.unexpected_count} / {o.element_count}"
            details = [esc(o.description or "")]
            if not o.success and o.message and o.message != o.description:
                details.append(f"<br><b>{esc(o.message)}</b>")
            if o.observed is not None and not o.success:
                observed = _clip(json.dumps(o.observed, ensure_ascii=False), 300)
                details.append(f"<br>observed: <code>{esc(observed)}</code>")
            if o.examples:
                shown = "\n".join(_clip(json.dumps(_jsonable(e), ensure_ascii=False), 400) for e in o.examples)
                details.append(f"<pre>{esc(shown)}</pre>")
            parts.append(
                f"<tr><td>{status}</td><td>{esc(sev)}</td><td><code>{esc(o.expectation_type)}</code></td>"
                f'<td>{esc(o.column)}</td><td class="num">{unexpected}</td><td>{"".join(details)}</td></tr>'
            )
        parts.append("</table>")
    parts.append("</body></html>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    """GX results hold numpy scalars, pd.NA, tuples, enums...: make them plain JSON values."""
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, np.generic):
        return _jsonable(value.item())
    if isinstance(value, pa.Scalar):
        return _jsonable(value.as_py())
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        return [_jsonable(v) for v in value]
    if value is pd.NA or value is pd.NaT:
        return None
    return str(value)


_HEX = re.compile(r"\b([0-9a-f]{10})[0-9a-f]{54}\b")


def _abbrev(text: str) -> str:
    """Shorten SHA-256 digests for the terminal."""
    return _HEX.sub(r"\1…", text)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def merge_reports(reports: Sequence[ValidationReport]) -> ValidationReport:
    """One report from the reports of disjoint slices of the data (same suites, same order).

    The pipeline validates large corpora slice by slice to bound memory: counts
    add up, an expectation fails when it fails on any slice, examples are
    pooled. Row positions are slice-local, so the merged report cannot drive
    quarantine_failed_records (each slice was quarantined on its own).
    """
    if not reports:
        return ValidationReport([])
    if len(reports) == 1:
        return reports[0]
    merged_suites = []
    for suites in zip(*(r.suites for r in reports), strict=True):
        outcomes = [_merge_outcomes(group) for group in zip(*(s.outcomes for s in suites), strict=True)]
        rows = [s.row_count for s in suites]
        merged_suites.append(
            SuiteResult(
                dataset=suites[0].dataset,
                kind=suites[0].kind,
                row_count=None if any(r is None for r in rows) else sum(rows),
                outcomes=outcomes,
                seconds=sum(s.seconds for s in suites),
            )
        )
    row_counts: dict[str, int] = {}
    for report in reports:
        for name, n in report.row_counts.items():
            row_counts[name] = row_counts.get(name, 0) + n
    return ValidationReport(merged_suites, sum(r.seconds for r in reports), row_counts)


def _merge_outcomes(outcomes: Sequence[ExpectationOutcome]) -> ExpectationOutcome:
    first = outcomes[0]
    failed = [o for o in outcomes if not o.success]

    def total(attr: str) -> int | None:
        values = [getattr(o, attr) for o in outcomes]
        return None if any(v is None for v in values) else sum(values)

    return ExpectationOutcome(
        suite=first.suite,
        expectation_type=first.expectation_type,
        columns=first.columns,
        severity=first.severity,
        quarantine=first.quarantine,
        success=not failed,
        description=first.description,
        kwargs=first.kwargs,
        element_count=total("element_count"),
        unexpected_count=total("unexpected_count"),
        observed=(failed[0] if failed else first).observed,
        examples=[e for o in failed for e in o.examples][:EXAMPLE_ROWS],
        message=failed[0].message if failed else first.message,
    )


def warm_up(suites_dir: Path = EXPECTATIONS_DIR) -> None:
    """Import GX, read the suites and create the context ahead of time (~3 s), e.g. in a thread.

    A daily incremental run validates a few hundred documents: GX's start-up
    is then most of validation's time, and can overlap with work that waits.
    """
    with contextlib.suppress(Exception):  # the real validation reports any problem
        for name in SUITE_NAMES:
            load_suite(Path(suites_dir) / f"{name}.json")
        for name in (*DATASETS, *_DERIVED):
            _batch_definition(name)
