"""Numbered-run rules (``rules/sequences.py``): the ordinary numbering styles (``1:``, ``#1``, ``No. 1``,
``1.-``, ``(1.)``) and multilevel numbering pasted flat; each rule with its positive and near-miss cases. Found by
tests/shapes_corpus/766-835 (session 17, shapes17-19).
"""

from __future__ import annotations

import pytest

from nato_briefs.parse import parse_document
from nato_briefs.reader import rules
from nato_briefs.reader.rules import sequences, wraps
from nato_briefs.reader.rules.sequences import line_record, record_lines
from tests.reading import md_names, md_priorities

TITLED_INTRO = "# Allies Agree Steps\n\nAllies agreed the following steps on Tuesday.\n\n"


ROWS = [["Cyber", "Task force", "Faster response"], ["Readiness", "Drills", "Cohesion"]]


def _item_texts(text: str) -> list[str]:
    return [item.text for item in parse_document(text).items]


def _items(text: str) -> list[tuple[int, str]]:
    return [(item.depth, item.text) for item in parse_document(text).items]


def _prose(text: str) -> str:
    return "\n".join(s.text for s in parse_document(text).sections)


# --------------------------------------------------------------------------- flat_outline_levels

DECIMAL = "Measures\n1.\tProduction\n1.1.\tContracts\n1.1.1.\tShells first\n1.2.\tJoint orders\n2.\tStandards\n"


KINDS = "Steps\n1) Pipelines: patrols\na) Baltic Sea\nb) North Sea\n2) Grids: plans\ni) Exercises\n3) Fuel: stocks\n"


def test_flat_outline_levels_nest_by_number_and_kind():
    assert _items(DECIMAL) == [
        (0, "Production"),
        (0, "Standards"),
        (1, "Contracts"),
        (1, "Joint orders"),
        (2, "Shells first"),
    ]
    assert _items(KINDS) == [
        (0, "Pipelines: patrols"),
        (0, "Grids: plans"),
        (0, "Fuel: stocks"),
        (1, "Baltic Sea"),
        (1, "North Sea"),
        (1, "Exercises"),
    ]


def test_flat_outline_levels_near_misses():
    for lines in (
        ["1) Pipelines", "a) Baltic Sea", "b) North Sea"],  # the level above never resumes
        ["1. Forces", "1.5 million troops", "2. Air"],  # 1.5 counts from no 1.1: a number
        ["1. Forces", "2. Air", "3. Sea"],  # one level
        ["a good start", "b) x", "c) y"],  # no enumerator
        ["a) x", "b) y", "c) z", "d) q", "e) r", "f) s", "g) t", "h) u", "i) v"],  # i) after h) is a letter
    ):
        before = list(lines)
        sequences.flat_outline_levels(lines)
        assert lines == before


# --------------------------------------------------------------------------- number_colon_run, hash, numero

INTRO = "Allies agreed the following steps on Tuesday.\n\n"


def test_number_colon_run_is_a_list():
    text = INTRO + "Follow-up\n1: Intelligence sharing – closer cooperation\n2: Training programs – more courses\n"
    assert _items(text) == [(0, "Intelligence sharing – closer cooperation"), (0, "Training programs – more courses")]


def test_number_colon_near_misses():
    assert _items(INTRO + "1: Intelligence sharing – closer cooperation\n\nText.\n") == []  # alone: no run
    assert _items(INTRO + "1: Intelligence sharing\n3: Training\n") == []  # the numbers do not follow on
    assert _items(INTRO + "Meet at 10:30 in room 1:2.\n") == []


def test_hash_number_run_is_a_list():
    text = INTRO + "#1 Cyber Defense: stronger networks\n#2 Intelligence: shared threat pictures\n"
    assert _items(text) == [(0, "Cyber Defense: stronger networks"), (0, "Intelligence: shared threat pictures")]
    assert len(_items(INTRO + "#1: Cyber\n#2: Space\n#3: Land\n")) == 3


def test_hash_number_near_misses():
    text = INTRO + "#1 priority for the Alliance is deterrence, ministers said.\n\nText.\n"
    assert _items(text) == [] and "#1 priority for the Alliance" in _prose(text)  # a rank in a sentence
    assert _items(INTRO + "#NATO #Summit\n#Defence\n") == []  # hashtags


def test_numero_run_is_a_list():
    text = INTRO + "No. 1 Unified Threat Assessment – shared intelligence\nNo. 2 Logistics – joint supply\n"
    assert _items(text) == [(0, "Unified Threat Assessment – shared intelligence"), (0, "Logistics – joint supply")]
    assert len(_items(INTRO + "№ 1 Cyber\n№ 2 Space\n")) == 2


def test_numero_run_wrapped_with_a_hanging_indent():
    text = INTRO + "No. 1 Cyber Defense Enhancement – Strengthening cyber resilience against\n"
    text += "      state and non-state actors\nNo. 2 Intelligence Coordination – Streamlining threat\n"
    text += "      assessment capabilities\n"
    assert [t for _, t in _items(text)] == [
        "Cyber Defense Enhancement – Strengthening cyber resilience against state and non-state actors",
        "Intelligence Coordination – Streamlining threat assessment capabilities",
    ]


def test_numero_near_misses():
    text = INTRO + "No. 10 Downing Street said the plan was welcome.\n\nText.\n"
    assert _items(text) == [] and "No. 10 Downing Street" in _prose(text)
    assert _items(INTRO + "No. 1 Cyber\nNo. 3 Space\n") == []  # the numbers do not follow on


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


# ------------------------------------------------- number_wrap: a wrapped year at a line start inside a list (shapes15)


def test_number_wrap_keeps_a_wrapped_year_in_its_item():
    text = "Main elements\n- Core defence: 3.5% by\n2035. Plans show the path.\n- Review: in\n2029. A report.\n"
    assert _items(text) == [(0, "Core defence: 3.5% by 2035. Plans show the path."), (0, "Review: in 2029. A report.")]


def test_number_wrap_near_misses():
    # a number that counts on from the open list, or follows a finished item, is an item
    assert _items("Steps\n1. Patrols in\n2. Sensors\n") == [(0, "Patrols in"), (0, "Sensors")]
    assert [text for _, text in _items("Steps\n- Review: done.\n2035. A new list\n")] == ["Review: done.", "A new list"]
    assert sequences.counts_on("2.", ["1."]) and not sequences.counts_on("2035.", ["-"])


# ----------------------------------------------------- wrapped_run: a numbered run hard-wrapped (the seeds re-rendered)


def test_wrapped_run_reads_hard_wrapped_roman_items():
    text = "Points:\nI. Joint exercises: more of them to\nbolster readiness.\nII. Technology: invest in\ncyber tools.\n"
    assert _item_texts(text) == [
        "Joint exercises: more of them to bolster readiness.",
        "Technology: invest in cyber tools.",
    ]


def test_wrapped_run_near_misses():
    lines = ["I. Background", "Allies met in June.", "II. Findings"]
    assert sequences.run_neighbours(lines, 0) == ("", "Allies met in June.")  # a paragraph stops the search
    assert not wraps.is_wrapped_item_line("Allies met.") and not wraps.is_wrapped_item_line("   ")


# --------------------------------------------------------------------------- bulleted_records, piped_records (shapes20)


def test_bulleted_records_are_a_table():
    lines = ["- **Area:** Cyber — **Focus:** Task force — **Outcome:** Faster response"]
    lines.append("- **Area:** Readiness — **Focus:** Drills — **Outcome:** Cohesion")
    found = record_lines([*lines, ""], 0)
    assert found is not None and found[0][0] == (["Area", "Focus", "Outcome"], 1)
    assert md_priorities(TITLED_INTRO + "\n".join(lines) + "\n\nText.\n") == ROWS
    assert md_names(TITLED_INTRO + "\n".join(lines) + "\n\nText.\n") == []


def test_bulleted_records_near_misses():
    items = ["- Cyber: faster response", "- Readiness: more drills"]  # one field an item: items
    assert record_lines([*items, ""], 0) is None
    assert md_names(TITLED_INTRO + "\n".join(items) + "\n") == ["Cyber", "Readiness"]
    mixed = ["- **Area:** Cyber — **Focus:** Task force", "* **Area:** Readiness — **Focus:** Drills"]
    assert record_lines([*mixed, ""], 0) is None  # another bullet: not one run


def test_piped_records():
    assert line_record("**Priority Area:** Munitions | **Key Focus:** Shells") == [
        ("Priority Area", "Munitions"),
        ("Key Focus", "Shells"),
    ]
    lines = ["**Priority Area:** Cyber | **Key Focus:** Task force | **Expected Outcome:** Faster response  "]
    lines.append("**Priority Area:** Readiness | **Key Focus:** Drills | **Expected Outcome:** Cohesion")
    assert md_priorities(TITLED_INTRO + "\n".join(lines) + "\n\nText.\n") == ROWS


def test_piped_records_near_miss():
    assert line_record("Allies | Partners") is None  # no labels
    assert line_record("Lead nation: Poland | 2025") is None  # one field and a bare value


# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
@pytest.mark.parametrize(
    ("line", "above", "below", "glyph"),
    [("II. Air defence: radars", "I. Forward defence: brigades", "", "I."),
     ("I. Forward defence: brigades", "Measures", "II. Air defence: radars", "I."),
     ("Step 2: Consult allies.", "Step 1: Assess.", "", "Step"),
     ("1- Brigades: more", "Changes", "2- Stocks: prepositioned", "1-"),
     ("2° Logistique : dépôts", "1° Défense : radars", "", "1°"),
     # near misses: a numeral alone (a report's section heading), numbers that skip, styles that differ,
     # an Italian ordinal alone, a hyphenated range, a roman numeral with no blank after it
     ("I. Background", "", "", None), ("I. Background", "", "III. Findings", None),
     ("2- Stocks", "1. Brigades", "", None), ("1° Reggimento arrived", "Troops", "", None),
     ("1-2 brigades will rotate", "", "2-3 more", None), ("II.Findings", "I. Background", "", None)],
)  # fmt: skip
def test_in_numbered_run(line, above, below, glyph):
    found = rules.in_numbered_run(line, above, below)
    assert (found.glyph if found else None) == glyph


def test_a_step_keeps_its_number_in_the_text_and_roman_items_drop_theirs():
    doc = parse_document(
        "Process\nStep 1: Assess.\nStep 2: Consult.\n\nMeasures\nI. Air: radars.\nII. Land: brigades.\n"
    )
    assert [(i.text, i.ordered) for i in doc.items] == [
        ("Step 1: Assess.", True), ("Step 2: Consult.", True), ("Air: radars.", True), ("Land: brigades.", True)
    ]  # fmt: skip
    assert len({i.list_index for i in doc.items}) == 2  # each run one list, whatever its numerals' lengths


@pytest.mark.parametrize(
    ("line", "above", "below", "glyph"),
    [("Ⅱ. Protection: ground stations", "Ⅰ. Awareness: tracking", "", "Ⅰ."),
     ("Ⅰ、宇宙監視", "計画", "Ⅱ、防護", "Ⅰ."),
     ("B. Energy: supplies", "A. Government: continuity", "C. Transport: moves", "A."),
     ("I. Intelligence: sharing", "H. Health: hospitals", "", "A."),  # the ninth letter, not a roman one
     # near misses: a letter alone (a heading, an initial), letters that skip, a letter over a roman numeral,
     # an abbreviation, a Unicode numeral alone
     ("A. Background", "Report", "", None), ("J. Smith said the plan was agreed.", "", "K-9 units", None),
     ("A. Energy", "", "C. Transport", None), ("B. Energy", "I. Background", "", None),
     ("U.S. forces will rotate", "T. Readiness", "", None), ("Ⅰ. Background", "", "", None)],
)  # fmt: skip
def test_in_numbered_run_letters_and_unicode_romans(line, above, below, glyph):
    found = rules.in_numbered_run(line, above, below)
    assert (found.glyph if found else None) == glyph


def test_lettered_run_is_a_list_and_lettered_headings_stay():
    doc = parse_document("Requirements\nA. Energy: supplies\nB. Transport: moves\n\nA. Background\n\nAllies met.\n")
    assert [(i.text, i.ordered) for i in doc.items] == [("Energy: supplies", True), ("Transport: moves", True)]
    assert "A. Background" in [s.heading for s in doc.sections]


def test_a_lone_numbered_line_stays_what_it_was():
    doc = parse_document("Report\n\nI. Background\n\nAllies met.\n\n1° Reggimento arrived in Riga today.\n")
    assert doc.items == [] and "I. Background" in [s.heading for s in doc.sections]


@pytest.mark.parametrize(
    ("lines", "header", "n_rows"),
    [(["Priority Area: Sea — Key Focus: Escorts", "Priority Area: Seabed — Key Focus: Cables"],
      ["Priority Area", "Key Focus"], 2),
     (["Area: Sea; Focus: Escorts; Outcome: Safe", "Area: Air; Focus: Jets; Outcome: Cover", "Text."],
      ["Area", "Focus", "Outcome"], 2),
     # near misses: one line alone, labels that differ, a label twice, one field a line, a dash inside a value
     (["Priority Area: Sea — Key Focus: Escorts", "Allies met."], None, 0),
     (["Area: Sea — Focus: Escorts", "Area: Air — Goal: Cover"], None, 0),
     (["Area: Sea — Area: Air", "Area: Land — Area: Sea"], None, 0),
     (["Area: Sea", "Area: Air"], None, 0),
     (["Date: 2025–2026", "Date: 2027–2028"], None, 0)],
)  # fmt: skip
def test_record_lines(lines, header, n_rows):
    found = rules.record_lines(lines, 0)
    assert (found[0][0][0] if found else None) == header
    assert (len(found[0]) - 1 if found else 0) == n_rows


def test_record_lines_are_a_table_and_a_lone_one_stays_prose():
    doc = parse_document("Intro.\n\nArea: Sea — Focus: Escorts\nArea: Air — Focus: Jets\n\nArea: Land — Focus: Tanks\n")
    assert [r.cells for t in doc.tables for r in t.rows] == [["Sea", "Escorts"], ["Air", "Jets"]]
    assert [t.rows[0].line for t in doc.tables] == [3]
    assert "Area: Land — Focus: Tanks" in doc.sections[-1].text
