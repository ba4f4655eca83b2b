"""The GX engine of a validation pass: public GX API only, no state shared between passes or frames."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from nato_briefs.config import PACKAGE_DIR
from nato_briefs.validation.gx import GxEngine


def _row_count(engine: GxEngine, df: pd.DataFrame) -> int:
    import great_expectations as gx

    expectation = gx.expectations.ExpectTableRowCountToBeBetween(min_value=0)
    result = engine.validate(engine.batch("frame", df), expectation, {"result_format": "SUMMARY"})
    return result.result["observed_value"]


@pytest.mark.slow  # a GX context each: seconds
def test_two_frames_of_one_name_on_one_engine_do_not_share_metrics():
    """GX names a dataframe batch after its asset and caches metrics by that name: reusing one would lie."""
    engine = GxEngine()
    assert _row_count(engine, pd.DataFrame({"a": [1, 2, 3]})) == 3
    assert _row_count(engine, pd.DataFrame({"a": [1, 2, 3, 4, 5]})) == 5


@pytest.mark.slow  # a GX context each: seconds
def test_two_engines_are_independent():
    first, second = GxEngine(), GxEngine()
    assert first.context is not second.context
    assert _row_count(first, pd.DataFrame({"a": [1]})) == 1 and _row_count(second, pd.DataFrame({"a": []})) == 0


def test_validation_uses_no_private_gx_attribute_nor_process_global_state():
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted((PACKAGE_DIR / "validation").glob("*.py")))
    assert not re.search(r"great_expectations[\w.]*\._", source)
    assert not re.search(r"\.(_execution_engine|_metric_cache|HASH_THRESHOLD)\b", source)
    assert not re.search(r"^\s*global ", source, re.M)
    assert not Path(PACKAGE_DIR / "validate.py").read_text(encoding="utf-8").count("great_expectations")


def _comparable(report) -> list:
    return [
        [(o.expectation_type, o.column, o.success, o.unexpected_count, o.examples, o.rows) for o in s.outcomes]
        for s in report.suites
    ]


@pytest.mark.slow
def test_large_frames_path_gives_the_same_report(monkeypatch):
    """Frames of SINGLE_LOAD_ROWS rows or more go through a ValidationDefinition: same outcomes, same rows."""
    from nato_briefs.validation import gx as gx_module
    from nato_briefs.validation import validate_tables
    from tests.test_validate import make_tables, setv

    tables = setv("table_rows", 1, doc_id=None)(setv("priorities", 0, area="")(make_tables()))
    small = validate_tables(tables)
    monkeypatch.setattr(gx_module, "SINGLE_LOAD_ROWS", 0)
    large = validate_tables(tables)
    assert not small.passed and _comparable(large) == _comparable(small)
