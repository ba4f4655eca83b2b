"""Session 17 rules (``rules/shapes19.py``): seed 004 with one ordinary shape changed, each rule with its
positive and near-miss cases. Found by tests/shapes_corpus/816-835.
"""

from __future__ import annotations

import nato_briefs
from nato_briefs.parse import parse_document
from nato_briefs.reader import rules
from nato_briefs.reader.rules import shapes19


def _items(text: str) -> list[tuple[int, str]]:
    return [(item.depth, item.text) for item in parse_document(text).items]


def _article(text: str, name: str = "x.txt"):
    return nato_briefs.read_article(text.encode(), source_path=name)


def _headings(text: str) -> list[str]:
    return [s.heading for s in _article(text).sections if s.heading is not None]


def _prose(text: str) -> str:
    return "\n".join(s.text for s in _article(text).sections)


def _table_rows(text: str) -> list[list[str]]:
    return [r["cells"] for r in _article(text).rows("table_rows")]


def test_new_rules_are_named():
    assert set(shapes19.SHAPES19_RULES) <= set(rules.RULES)


INTRO = "Allies agreed the following steps on Tuesday.\n\n"

# --------------------------------------------------------------------------- number_dot_hyphen_run, paren_number_dot


def test_number_dot_hyphen_run_is_a_list():
    text = INTRO + "Steps\n1.- Joint exercises: more drills\n2.- Training: more courses\n"
    assert _items(text) == [(0, "Joint exercises: more drills"), (0, "Training: more courses")]


def test_number_dot_hyphen_near_misses():
    assert _items(INTRO + "1.- Joint exercises: more drills\n\nText.\n") == []  # alone: no run
    assert _items(INTRO + "1.- Joint exercises\n3.- Training\n") == []  # the numbers do not follow on


def test_paren_number_dot_run_is_a_list():
    text = INTRO + "Steps\n(1.) Cyber Defense: resilience\n(2.) Intelligence: assessment\n"
    assert _items(text) == [(0, "Cyber Defense: resilience"), (0, "Intelligence: assessment")]


def test_paren_number_dot_near_misses():
    assert _items(INTRO + "(1.) Cyber Defense: resilience\n\nText.\n") == []  # alone: a reference
    assert _items(INTRO + "(1.) Cyber Defense\n(3.) Intelligence\n") == []


# --------------------------------------------------------------------------- dash_rule_row, empty_row

TABLE = "Priorities agreed today.\n| Priority Area | Key Focus | Expected Outcome |\n|---|---|---|\n"
ROW1, ROW2 = "| Cyber | Task force | Faster response |\n", "| Readiness | Drills | Cohesion |\n"
BOTH = [["Cyber", "Task force", "Faster response"], ["Readiness", "Drills", "Cohesion"]]


def test_dash_rule_row_is_no_row():
    assert shapes19.is_rule_row(["------", ":---:", "---"])
    assert _table_rows(TABLE + ROW1 + "|------|------|------|\n" + ROW2) == BOTH


def test_dash_rule_row_near_misses():
    assert not shapes19.is_rule_row(["Cyber", "---", "Pending"])  # a dash for a blank cell: data
    # a delimiter row under a header row: a second table right under the first, as before
    second = "| Focus Area | Key Initiative | Expected Outcome |\n|---|---|---|\n" + ROW2
    assert len(parse_document(TABLE + ROW1 + second).tables) == 2
    assert _table_rows(TABLE + ROW1 + second) == BOTH
    # a rule under a row of another width: a second table (its header names no role) set right under the first
    other = "| Country | Year |\n|---|---|\n| NO | 2024 |\n"
    assert len(parse_document(TABLE + ROW1 + other).tables) == 2


def test_empty_row_is_no_row():
    assert shapes19.is_empty_row(["", " ", ""])
    assert _table_rows(TABLE + ROW1 + "|  |  |  |\n" + ROW2) == BOTH


def test_empty_row_near_miss():
    assert not shapes19.is_empty_row(["Cyber", "", ""])  # one filled cell: data
    assert _table_rows(TABLE + ROW1 + "| Space | | |\n" + ROW2)[1] == ["Space", "", ""]
    assert _table_rows(TABLE + ROW1 + ROW2 + "|  |  |  |\n\nText.\n")[-1] == ["", "", ""]  # at the end: kept


# --------------------------------------------------------------------------- framed_heading

BODY = "Allies met on Tuesday.\n{}\nThe meeting agreed three steps.\n"


def test_framed_heading():
    assert shapes19.framed_heading("--- Focused Discussions ---") == (2, "Focused Discussions")
    assert _headings("Summit Opens\n" + BODY.format("--- Focused Discussions ---"))[-1] == "Focused Discussions"


def test_framed_heading_near_misses():
    for line in ("------", "--- 8< ---", "-- Jane", "--- Allies --- agree", "---- Original Message ----"):
        assert shapes19.framed_heading(line) is None, line
    assert shapes19.framed_heading("--- Priorities ----") is None  # unequal sides
    lotus = "----- Forwarded by Anna Kowalska/PL/NATO on 05/06/2025 11:02 -----"
    assert shapes19.framed_heading(lotus) is None  # a mail client's banner


# --------------------------------------------------------------------------- unclosed_tilde_underline


def test_unclosed_tilde_underline_is_a_heading():
    text = "Summit Opens\nAllies met.\nStrategic Recommendations\n~~~~~~~~~~~~~~~~~~~~~~~~~\nTo fortify the work.\n"
    assert "Strategic Recommendations" in _headings(text)
    assert "To fortify the work." in _prose(text)


def test_unclosed_tilde_underline_near_misses():
    assert not shapes19.unclosed_tilde_underline("~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~", "Strategic")  # longer
    assert not shapes19.unclosed_tilde_underline("~~~~~~~~~~", "| Area | Focus |")  # under a table row
    # closed further down: a code fence, its text code (no prose)
    text = "Summit Opens\nAllies met.\nSample code\n~~~~~~~~~~~\nx = 1\n~~~~~~~~~~~\nEnd of the note.\n"
    assert "x = 1" not in _prose(text)


# --------------------------------------------------------------------------- o_under_bullet


def test_o_under_bullet_is_a_sub_item():
    text = INTRO + "• Joint exercises\no Increasing the frequency.\n• Training\no Investing in courses.\n"
    # the nested items follow their list's items (list_index order)
    assert _items(text) == [
        (0, "Joint exercises"),
        (0, "Training"),
        (1, "Increasing the frequency."),
        (1, "Investing in courses."),
    ]


def test_o_under_bullet_near_misses():
    lines = ["Allies met.", "o Captain, my captain.", "Text."]
    assert shapes19.o_under_bullet(lines, 1) is None  # under prose: a word
    lines = ["• Joint exercises", "o Captain said so.", "Text follows here."]
    assert shapes19.o_under_bullet(lines, 1) is None  # one o line, prose below: no run
