"""The prose datasets' country checks (issue 13): ISO codes, statements within their document, lines in range."""

from __future__ import annotations

import json
import shutil

import pyarrow.compute as pc
import pycountry
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.config import EXPECTATIONS_DIR
from nato_briefs.countries import GAZETTEER_FILE
from nato_briefs.validation import SuiteError, Validator, main_validate, quarantine_failed_records, validate_tables
from nato_briefs.validation.frames import countries_table
from nato_briefs.validation.suites import country_codes
from tests.test_validate import DOC_A, DOC_B, build, failure, make_tables, setv, write_out

IN_SET = "expect_column_values_to_be_in_set"


def test_the_value_set_is_pycountrys_alpha3_plus_the_gazetteers_extra_countries():
    """The drift test: the codes come from pycountry (and the gazetteer's Kosovo), never from a typed list."""
    extra = yaml.safe_load(GAZETTEER_FILE.read_text(encoding="utf-8"))["extra_countries"]
    assert set(country_codes()) == {c.alpha_3 for c in pycountry.countries} | set(extra)
    assert "XKX" in country_codes() and len(country_codes()) == len(set(country_codes()))


def test_every_country_value_set_of_a_run_is_the_generated_one():
    suites = Validator(EXPECTATIONS_DIR).suites
    sets = {
        (name, c.kwargs["column"]): c.kwargs["value_set"]
        for name, s in suites.items()
        for c in s.checks
        if c.type == IN_SET and c.kwargs["column"] in ("country", "entity_id")
    }
    assert sets == {("countries", "country"): country_codes(), ("mentions", "entity_id"): country_codes()}
    for path in EXPECTATIONS_DIR.glob("*.json"):  # nobody pastes the list back into a suite file
        assert '"USA"' not in path.read_text(encoding="utf-8"), path.name


def test_the_countries_frame_has_one_row_per_listed_code():
    tables = make_tables()
    frame = countries_table(tables).to_pylist()
    listed = [
        (name, row, code)
        for name in ("documents", "statements", "mentions")
        for row, codes in enumerate(tables[name]["countries"].to_pylist())
        for code in codes
    ]
    assert [(r["dataset"], r["row"], r["country"]) for r in frame] == listed
    assert {r["in_document_countries"] for r in frame if r["dataset"] == "documents"} == {None}
    assert all(r["in_document_countries"] for r in frame if r["dataset"] != "documents")


@settings(max_examples=40)
@given(
    document=st.sets(st.sampled_from(["EST", "LTU", "LVA", "USA", "XKX"])),
    statement=st.lists(st.text(alphabet="ELSTUVAXK", min_size=0, max_size=4), max_size=5),
)
def test_in_document_countries_is_set_membership(document, statement):
    tables = setv("documents", 0, countries=sorted(document))(make_tables())
    tables = setv("statements", 0, countries=statement)(tables)
    frame = countries_table(tables).to_pylist()
    flags = [r["in_document_countries"] for r in frame if r["dataset"] == "statements" and r["doc_id"] == DOC_A]
    assert flags == [code in document for code in statement]


def test_a_statement_of_an_unknown_document_is_reported_once():
    tables = setv("statements", 1, doc_id="f" * 64)(make_tables())
    frame = countries_table(tables).to_pylist()
    assert {r["in_document_countries"] for r in frame if r["doc_id"] == "f" * 64} == {None}  # cross_dataset's job


NOT_NULL = "expect_column_values_to_not_be_null"
# id: (corrupt, suite, expectation type, column, the one record quarantined)
CASES = {
    "statement code not ISO": (
        setv("statements", 1, countries=["EST", "LTU", "LVX"]),
        "countries",
        IN_SET,
        "country",
        "statements[0]",
    ),
    "mention code not ISO": (
        setv("mentions", 0, countries=["EST", "LTU", "XXX"]),
        "countries",
        IN_SET,
        "country",
        "mentions[0]",
    ),
    "null code in a list": (setv("mentions", 2, countries=[None]), "countries", NOT_NULL, "country", "mentions[0]"),
    "statement country not in its document": (
        setv("statements", 0, countries=["USA"]),
        "countries",
        IN_SET,
        "in_document_countries",
        "statements[0]",
    ),
    "mention country not in its document": (
        setv("mentions", 2, countries=["SRB", "XKX"]),
        "countries",
        IN_SET,
        "in_document_countries",
        "mentions[0]",
    ),
    "statement line beyond n_lines": (
        setv("statements", 1, line=21),
        "cross_dataset",
        IN_SET,
        "line_within_document",
        "statements[0]",
    ),
    "mention line beyond n_lines": (
        setv("mentions", 1, line=99),
        "cross_dataset",
        IN_SET,
        "line_within_document",
        "mentions[1]",
    ),
}


@pytest.mark.slow  # GX validation passes (~5 s each): the fast set checks the frames and value sets only
@pytest.mark.parametrize("case", list(CASES))
def test_each_bad_record_is_caught_and_quarantined_alone(case):
    corrupt, suite, expectation_type, column, record = CASES[case]
    tables = corrupt(make_tables())
    report = validate_tables(tables)
    assert not report.passed
    found = failure(report, suite, expectation_type, column)
    assert found.quarantinable and found.unexpected_count >= 1
    clean, quarantine = quarantine_failed_records(tables, report)
    new = quarantine.filter(pc.equal(quarantine["stage"], "validate")).to_pylist()
    assert [r["record"] for r in new] == [record], new
    assert new[0]["reason_code"] == expectation_type and f"on {column}:" in new[0]["reason"]
    dataset = record.split("[")[0]
    assert clean[dataset].num_rows == tables[dataset].num_rows - 1
    assert validate_tables(clean).passed


@pytest.mark.slow
def test_a_document_with_a_bad_code_is_quarantined_with_its_records():
    tables = setv("documents", 1, countries=["EST", "LTU", "LVA", "QQQ", "XKX"])(make_tables())
    report = validate_tables(tables)
    assert failure(report, "countries", IN_SET, "country").rows == {"documents": [1]}
    clean, _ = quarantine_failed_records(tables, report)
    assert clean["documents"]["doc_id"].to_pylist() == [DOC_A]
    assert DOC_B not in clean["statements"]["doc_id"].to_pylist() + clean["mentions"]["doc_id"].to_pylist()
    assert validate_tables(clean).passed


@pytest.mark.slow
def test_the_published_data_fails_validate_on_a_bad_code(tmp_path, capsys):
    tables = make_tables()
    statements = tables["statements"].to_pylist()
    statements[1]["countries"] = ["EST", "LTU", "LVA", "UKR"]  # a real code, but not one of its document's
    write_out(tmp_path, tables | {"statements": build("statements", statements)})
    assert main_validate(tmp_path) == 1
    out = capsys.readouterr().out
    assert "countries: expect_column_values_to_be_in_set on in_document_countries: 1 of " in out


def test_a_suite_file_pasting_the_country_list_back_is_refused(tmp_path):
    for path in EXPECTATIONS_DIR.glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    doc = json.loads((tmp_path / "countries.json").read_text())
    doc["expectations"].append(
        {
            "type": IN_SET,
            "kwargs": {"column": "country", "value_set": ["EST", "LTU", "LVA"]},
            "meta": {"severity": "error", "quarantine": True},
            "severity": "critical",
            "description": "typed by hand",
        }
    )
    (tmp_path / "countries.json").write_text(json.dumps(doc))
    with pytest.raises(SuiteError, match=r"countries\.json: expectation #3 .*generated value set"):
        Validator(tmp_path)
