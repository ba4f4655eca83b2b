"""Round 10 part B rules (``rules/plain_shapes.py``, ``script_joiner``): each with its positive and near-miss cases."""

from __future__ import annotations

import pytest

from nato_briefs.parse import parse_document
from nato_briefs.reader import text
from nato_briefs.reader.rules import plain_shapes


@pytest.mark.parametrize(
    ("line", "nxt", "runs"),
    [
        ("DEFENCE MINISTERS HAVE AGREED A NEW", "PLAN TO STRENGTHEN THE EASTERN FLANK,", True),  # below still open
        ("THE PLAN WILL ADD TROOPS IN POLAND", "AND ROMANIA FROM NEXT YEAR.", True),  # below opens with AND
        ("MINISTERS AGREED ON THE", "PLAN TONIGHT.", True),  # the line ends on THE
        ("ALLIES BACK PLAN", "MINISTERS AGREED IT TONIGHT.", False),  # a headline over its first sentence
        ("Allies agreed a new", "plan to strengthen the flank,", False),  # not capitals: the older rules decide
        ("KEY MEASURES", "", False),
        ("NATO", "AND PARTNERS,", False),  # one word: a heading's name
    ],
)
def test_caps_runs_on(line, nxt, runs):
    assert plain_shapes.caps_runs_on(line, nxt) is runs


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("PO(2025)0123", True),
        ("C-M(2024)0045", True),
        ("AC/35-D(2023)0007", True),
        ("  PO(2025)0123-REV1", True),
        ("NATO(2025)", True),
        ("PO 2025 0123", False),
        ("Priorities (2025)", False),  # a heading with a year
        ("Defence Plan(2025) Review", False),
    ],
)
def test_document_number(line, number):
    assert plain_shapes.is_document_number(line) is number


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("SUBJECT: NATO MINISTERS AGREE AIR DEFENCE PLAN", True),
        ("REF: A. USNATO 123 B. STATE 4567", True),
        ("CLASSIFIED BY: J. DOE", True),
        ("SUBJECT MATTER EXPERTS", False),  # no colon: a capitals title
        ("PRIORITIES:", False),  # a heading's colon, not a cable's field
        ("REFERENCE:", False),  # a field name alone: a heading over its references
        ("Subject: the plan", False),  # an e-mail's field, written in sentence case: older rules decide
    ],
)
def test_cable_field(line, field):
    assert plain_shapes.is_cable_field(line) is field


@pytest.mark.parametrize(
    ("line", "below", "block", "title"),
    [
        ("Allies agree new cyber rules:", "Defence ministers agreed new rules.", False, "Allies agree new cyber rules"),
        ("The ministers agreed:", "- Reporting: within 24 hours", True, None),  # introduces a list
        ("Summit: key decisions:", "Text.", False, None),  # a colon inside: a label line
        ("Allies agree new rules", "Text.", False, None),  # no colon: looks_like_title decides
        ("Allies agree::", "Text.", False, None),
        ("Allies agree new cyber rules:", "", False, None),  # nothing below
    ],
)
def test_colon_title(line, below, block, title):
    assert plain_shapes.colon_title(line, below, block) == title


def test_colon_title_in_a_document():
    doc = parse_document("Allies agree new cyber rules:\n\nMinisters agreed new rules.\n\nWhat changes:\n\n- A: b\n")
    assert doc.title == "Allies agree new cyber rules:"
    listed = parse_document("The ministers agreed:\n\n- Reporting: within 24 hours\n- Drills: twice a year\n")
    assert listed.title is None


@pytest.mark.parametrize(
    ("line", "nxt", "rows"),
    [
        ("| Deterrence | Regional plans | Credible defence", "Industry | Munitions production | Larger stocks |", True),
        ("| Air | Interceptors | Better", "coverage |", False),  # a row cut by the line length (wrapped_row)
        ("| Air | Interceptors | Better", "stocks | coverage |", False),  # uneven pieces of one row
        ("| a | b", "c | d |", False),  # two cells each: a four-column row cut in half, as likely
    ],
)
def test_half_piped_rows(line, nxt, rows):
    assert plain_shapes.half_piped_rows(line, nxt) is rows


def test_half_piped_rows_are_two_rows():
    source = "| A | B | C |\n|---|---|---|\n| a | b | c\nd | e | f |\n"
    assert [r.cells for t in parse_document(source).tables for r in t.rows] == [["a", "b", "c"], ["d", "e", "f"]]


@pytest.mark.parametrize(
    ("source", "cleaned"),
    [
        ("سریع\u200cتر", "سریع\u200cتر"),  # Persian: between two Arabic-script letters, spelling
        ("Air\u200cdefence", "Airdefence"),  # Latin letters: a paste's stray joiner
        ("سریع\u200c tar", "سریع tar"),  # before a space
        ("\u200cتر", "تر"),  # at the start
    ],
)
def test_script_joiner(source, cleaned):
    assert text.clean_source(source) == cleaned


def test_script_joiner_in_a_record():
    assert text.clean_text("<b>سریع\u200cتر</b>") == "<b>سریع\u200cتر</b>"
    assert text.clean_text("Air\u200c defence\u200b") == "Air defence"
