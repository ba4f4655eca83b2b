"""What validation found: one outcome per expectation, one result per suite, one report per run.

Plain dataclasses with no GX object inside, so a report can be merged, turned
into JSON, text or a Prefect table, and sent between processes.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

EXAMPLE_ROWS = 5


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
            "kwargs": jsonable(self.kwargs),
            "element_count": self.element_count,
            "unexpected_count": self.unexpected_count,
            "observed": jsonable(self.observed),
            "examples": jsonable(self.examples),
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
                lines.append(f"  [{level}] {s.dataset}: {abbrev(o.headline())}")
                if o.description and o.unexpected_count is not None:
                    lines.append(f"      {abbrev(o.description)}")
                for ex in o.examples[:EXAMPLE_ROWS]:
                    lines.append(f"      {clip(abbrev(json.dumps(jsonable(ex), ensure_ascii=False)), 160)}")
        return "\n".join(lines)


def jsonable(value: Any) -> Any:
    """GX results hold numpy scalars, pd.NA, tuples, enums...: make them plain JSON values."""
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, np.generic):
        return jsonable(value.item())
    if isinstance(value, pa.Scalar):
        return jsonable(value.as_py())
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        return [jsonable(v) for v in value]
    if value is pd.NA or value is pd.NaT:
        return None
    return str(value)


_HEX = re.compile(r"\b([0-9a-f]{10})[0-9a-f]{54}\b")


def abbrev(text: str) -> str:
    """Shorten SHA-256 digests for the terminal."""
    return _HEX.sub(r"\1…", text)


def clip(text: str, width: int) -> str:
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
