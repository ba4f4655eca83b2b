"""Validation of a published output folder: `nato-briefs validate --out DIR`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as pads

from nato_briefs.config import EXPECTATIONS_DIR
from nato_briefs.schema import DATASETS
from nato_briefs.validation.html_report import write_html_report
from nato_briefs.validation.run import validate_tables
from nato_briefs.validation.suites import SuiteError


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
    2 the out dir or a dataset is missing/unreadable (or a suite file is invalid).

    Integrity first: a published version with a manifest has every part file checked against it
    (size, footer row count, checksum), so a damaged or swapped file is named, not half-validated.
    """
    problems = _integrity_problems(out_dir)
    for problem in problems:
        print(f"nato-briefs validate: integrity: {problem}", file=sys.stderr)
    if problems:
        return 1
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


def _integrity_problems(out_dir: str | Path) -> list[str]:
    from nato_briefs.planner import verify_published
    from nato_briefs.publish import MANIFEST

    if not (Path(out_dir) / MANIFEST).exists():  # datasets copied without their manifest: data checks only
        return []
    return verify_published(str(out_dir))
