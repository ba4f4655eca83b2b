"""The validation status shown on the report: the published per-suite JSON report, else the documents' column."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from nato_briefs.report.draw import Bars
from nato_briefs.report.stats import counts_of


@dataclass(frozen=True)
class Validation:
    source: str  # where the status comes from, shown to the reader
    overall: str | None
    rows: list[tuple[str, ...]]  # the table shown on the page, under `headers`
    counts: dict[str, int]  # status -> how many `unit` have it, for the chart
    unit: str = "suites"
    headers: tuple[str, ...] = ("suite", "status", "details")


def _suite_status(suite: dict) -> str:
    """Understands nato_briefs.validate's report.json first, and a few common shapes of other reports."""
    for key in ("status", "result"):
        if isinstance(suite.get(key), str):
            return suite[key]
    for key in ("success", "passed", "ok"):
        if isinstance(suite.get(key), bool):
            warnings_ = suite.get("failed_warnings", suite.get("warnings"))
            if not suite[key]:
                return "failed"
            return "passed with warnings" if isinstance(warnings_, int) and warnings_ > 0 else "passed"
    return "unknown"


def _suite_details(suite: dict) -> str:
    numbers = [f"{k}: {v}" for k, v in suite.items() if isinstance(v, int) and not isinstance(v, bool)]
    failures = suite.get("failures") if isinstance(suite.get("failures"), list) else []
    messages = [
        f"[{f.get('severity', '?')}] {f.get('message') or f.get('description') or f.get('expectation_type')}"
        for f in failures[:3]
        if isinstance(f, dict)
    ]
    more = [f"… {len(failures) - 3} more"] if len(failures) > 3 else []
    return "; ".join([", ".join(numbers), *messages, *more]).strip("; ")[:600]


def _suites(payload: object) -> list[tuple[str, str, str]]:
    suites = payload.get("suites", payload.get("results")) if isinstance(payload, dict) else payload
    if isinstance(suites, dict):
        suites = [v | {"name": k} if isinstance(v, dict) else {"name": k, "status": str(v)} for k, v in suites.items()]
    if not isinstance(suites, list):
        return []
    items = [s for s in suites if isinstance(s, dict)]
    return [(_suite_name(s, i), _suite_status(s), _suite_details(s)) for i, s in enumerate(items)]


def _suite_name(suite: dict, position: int) -> str:
    for key in ("name", "dataset", "suite", "suite_name"):
        if suite.get(key):
            return str(suite[key])
    return f"suite {position + 1}"


def _overall(payload: object, suites: list[tuple[str, str, str]]) -> str | None:
    if isinstance(payload, dict):
        status = _suite_status(payload)
        if status != "unknown":
            return status
    if suites:
        return "passed" if all(s[1].startswith("passed") for s in suites) else "failed"
    return None


def _report_files(out: Path) -> list[Path]:
    for base in (out / "validation", out / "current" / "validation"):
        if base.is_dir():
            files = sorted(base.glob("*.json"), key=lambda p: (p.name != "report.json", p.name))
            if files:
                return files
    return []


def read_validation(out: Path, docs: pd.DataFrame) -> Validation | None:
    """The per-suite JSON report when one is published, else the documents' own status column."""
    for path in _report_files(out):
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        suites = _suites(payload)
        if suites or _overall(payload, suites):
            counts = dict(zip(*counts_of(pd.Series([s[1] for s in suites], dtype=object)), strict=True))
            return Validation(f"{path.parent.name}/{path.name}", _overall(payload, suites), suites, counts)
    if "validation_status" in docs and docs["validation_status"].notna().any():
        counts = dict(zip(*counts_of(docs["validation_status"].fillna("(none)").astype(str)), strict=True))
        rows = [(status, str(n)) for status, n in counts.items()]
        source = "the validation_status column of documents"
        return Validation(source, None, rows, counts, "documents", ("status", "documents"))
    return None


def validation_bars(validation: Validation | None) -> Bars:
    if validation is None:
        return Bars("Validation status: see documents", [], {})
    labels = list(validation.counts)
    return Bars(f"Validation status ({validation.source})", labels, {validation.unit: list(validation.counts.values())})
