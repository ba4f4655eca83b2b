"""Suites a run uses: structure generated from nato_briefs/schema.py, semantics from expectations/*.json."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.config import EXPECTATIONS_DIR, PROJECT_DIR
from nato_briefs.schema import DATASETS, RECORD_DATASETS
from nato_briefs.validation import SuiteError, Validator, dataset_suite, structural_specs, validate_tables
from nato_briefs.validation.suites import NOT_NULL, STRUCTURAL_TYPES, vocabulary_specs
from tests.test_validate import make_tables


def _structure(checks) -> tuple[list[str] | None, dict[str, str], set[str]]:
    columns, types, not_null = None, {}, set()
    for c in checks:
        if c.type == "expect_table_columns_to_match_ordered_list":
            columns = c.kwargs["column_list"]
        elif c.type in ("expect_column_type_to_be", "expect_column_values_to_be_of_type"):
            types[c.kwargs["column"]] = c.kwargs["type_"]
        elif c.type == NOT_NULL:
            not_null.add(c.kwargs["column"])
    return columns, types, not_null


def _expected_type(field: pa.Field) -> str:
    return "list" if pa.types.is_list(field.type) else f"{field.type}[pyarrow]"


@pytest.fixture(scope="module")
def run_suites():
    return Validator(EXPECTATIONS_DIR).suites


@pytest.mark.parametrize("name", list(DATASETS))
def test_the_suite_a_run_uses_checks_every_schema_field(run_suites, name):
    """The drift test: whatever the schema says, the run's suite checks; nobody restates it by hand."""
    schema = DATASETS[name]
    columns, types, not_null = _structure(run_suites[name].checks)
    assert columns == schema.names
    assert types == {f.name: _expected_type(f) for f in schema}
    assert not_null == {f.name for f in schema if not f.nullable}


@pytest.mark.parametrize("path", sorted(EXPECTATIONS_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_hand_written_suites_hold_only_semantic_checks(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    if path.stem not in DATASETS:
        return  # a derived frame has no schema: its columns check is its own
    schema = DATASETS[path.stem]
    for spec in doc["expectations"]:
        assert spec["type"] not in STRUCTURAL_TYPES
        if spec["type"] == NOT_NULL:
            assert schema.field(spec["kwargs"]["column"]).nullable, spec


def test_a_schema_change_reaches_the_suite_without_touching_a_suite_file():
    schema = DATASETS["sections"].append(pa.field("word_count", pa.int32(), nullable=False))
    columns, types, not_null = _structure(dataset_suite("sections", EXPECTATIONS_DIR, schema).checks)
    assert columns[-1] == "word_count" and types["word_count"] == "int32[pyarrow]" and "word_count" in not_null


@pytest.mark.slow
def test_a_dataset_without_a_suite_file_gets_its_structural_suite(tmp_path):
    for path in EXPECTATIONS_DIR.glob("*.json"):
        if path.stem != "initiatives":
            shutil.copy(path, tmp_path / path.name)
    suite = Validator(tmp_path).suites["initiatives"]
    generated = structural_specs("initiatives", DATASETS["initiatives"]) + vocabulary_specs(DATASETS["initiatives"])
    assert len(suite.checks) == len(generated)
    tables = make_tables()
    assert validate_tables(tables, tmp_path).passed
    broken = tables | {"initiatives": tables["initiatives"].drop_columns(["detail"])}
    report = validate_tables(broken, tmp_path)
    failed = {(o.expectation_type, o.column) for o in report.suite("initiatives").failures}
    assert failed == {("expect_table_columns_to_match_ordered_list", ""), ("expect_column_type_to_be", "detail")}


def test_a_new_dataset_schema_gets_a_structural_suite():
    schema = pa.schema([pa.field("doc_id", pa.string(), nullable=False), pa.field("score", pa.float64())])
    checks = dataset_suite("statements_like", EXPECTATIONS_DIR, schema).checks
    assert _structure(checks) == (
        ["doc_id", "score"],
        {"doc_id": "string[pyarrow]", "score": "double[pyarrow]"},
        {"doc_id"},
    )
    assert all(c.quarantine for c in checks if c.type == NOT_NULL)


def test_the_quarantine_dataset_is_never_quarantinable(run_suites):
    assert not any(c.quarantine for c in run_suites["quarantine"].checks)


def test_a_suite_file_restating_the_schema_is_refused(tmp_path):
    for path in EXPECTATIONS_DIR.glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    doc = json.loads((tmp_path / "sections.json").read_text())
    doc["expectations"].append(structural_specs("sections", DATASETS["sections"])[3])
    (tmp_path / "sections.json").write_text(json.dumps(doc))
    with pytest.raises(SuiteError, match=r"sections\.json: expectation #7 .*restates the schema"):
        Validator(tmp_path)


def test_expectations_dir_comes_from_the_environment(tmp_path):
    env = {**os.environ, "NATO_BRIEFS_EXPECTATIONS_DIR": str(tmp_path)}
    code = "from nato_briefs.config import EXPECTATIONS_DIR; print(EXPECTATIONS_DIR)"
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=PROJECT_DIR, capture_output=True, text=True)
    assert out.stdout.strip() == str(tmp_path), out.stderr


@pytest.mark.slow
def test_a_theme_outside_the_taxonomy_is_quarantined_with_its_record():
    """The allowed themes come from themes.yaml, generated into every suite with a theme column."""
    tables = make_tables()
    priorities = tables["priorities"]
    themes = priorities["theme"].to_pylist()
    themes[0] = "not_a_theme_id"
    column = pa.array(themes, pa.string())
    broken = tables | {"priorities": priorities.set_column(priorities.schema.get_field_index("theme"), "theme", column)}
    report = validate_tables(broken, EXPECTATIONS_DIR)
    failed = {(o.expectation_type, o.column) for o in report.suite("priorities").failures}
    assert ("expect_column_values_to_be_in_set", "theme") in failed


def _source_path_regexes() -> dict[str, str]:
    regexes = {}
    for path in sorted(EXPECTATIONS_DIR.glob("*.json")):
        for spec in json.loads(path.read_text(encoding="utf-8"))["expectations"]:
            if spec["kwargs"].get("column") == "source_path" and "regex" in spec["kwargs"]:
                assert spec["type"] == "expect_column_values_to_not_match_regex", path.name
                regexes[path.stem] = spec["kwargs"]["regex"]
    return regexes


def test_every_record_dataset_checks_its_source_path_with_one_regex():
    regexes = _source_path_regexes()
    assert set(regexes) == {"documents", *RECORD_DATASETS} and len(set(regexes.values())) == 1


@settings(max_examples=300)
@given(st.lists(st.text(alphabet="./a\nb", max_size=8), min_size=1, max_size=20))
def test_the_source_path_regex_rejects_exactly_empty_absolute_and_dotdot_paths(paths):
    """The rule, stated plainly; and pandas (RE2 through pyarrow) agrees with Python's re on it."""
    regex = next(iter(_source_path_regexes().values()))
    bad = [p == "" or p.startswith("/") or ".." in p.split("/") for p in paths]
    assert [re.search(regex, p) is not None for p in paths] == bad
    column = pd.Series(paths, dtype=pd.ArrowDtype(pa.string())).astype(str)  # as GX's regex metric sees it
    assert column.str.contains(regex).tolist() == bad
