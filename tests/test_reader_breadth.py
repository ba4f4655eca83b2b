"""Session 16 rules (``rules/breadth.py``, the item and HTML extensions, header wordings): shapes real sources
produce, each rule with its positive and near-miss cases. Found by tests/shapes_corpus/716-740.
"""

from __future__ import annotations

from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import breadth, items

SYN = load_header_synonyms()


def _items(text: str) -> list[tuple[int, str]]:
    return [(item.depth, item.text) for item in parse_document(text).items]


def _rows(text: str) -> list[list[str]]:
    return [row.cells for table in parse_document(text).tables for row in table.rows]


def test_wide_space_marker_reads_a_marker_before_an_em_or_ideographic_space():
    assert items.bullet_item("•\u2003Emissions: a common method") is not None
    assert items.enumerator_item("(1)\u3000Cyber defence: exercises") is not None
    text = "Key measures\n•\u2003Emissions: a method\n•\u2002Bases: flood defences\n    ◦\u2009North Sea bases\n"
    assert _items(text) == [(0, "Emissions: a method"), (0, "Bases: flood defences"), (1, "North Sea bases")]


def test_wide_space_marker_near_misses():
    assert items.bullet_item("•\u2003") is None  # a lone bullet: decoration
    assert items.bullet_item("•\u200bEmissions") is None  # a zero-width space is no blank
    assert items.enumerator_item("1.5\u2003per cent of GDP") is None
    assert _items("Allies agreed\u2003• to spend more.\n") == []  # a bullet inside a line


def test_fullwidth_paren_number_opens_an_ordered_item():
    text = "Main points\n（１）\u3000Cyber defence: two exercises\n（２）\u3000Space: shared data\n"
    text += "（3） Industry: standards\n"
    assert [(item.ordered, item.text) for item in parse_document(text).items] == [
        (True, "Cyber defence: two exercises"),
        (True, "Space: shared data"),
        (True, "Industry: standards"),
    ]


def test_fullwidth_paren_number_near_misses():
    assert items.match_item("（注）\u3000数字は暫定値") is None  # a note mark in full-width parentheses
    assert items.match_item("（１）") is None  # a number alone
    assert items.match_item("（ａ）\u3000Cyber") is None  # letters are no number


def test_minus_sign_bullets_make_a_list():
    text = "Agreed steps\n\u2212 Contracts: over ten years\n\u2212 Procurement: common orders\n"
    assert _items(text) == [(0, "Contracts: over ten years"), (0, "Procurement: common orders")]


def test_minus_sign_near_misses_stay_text():
    assert _items("Output changed by\n\u22125% in 2025.\n") == []  # a negative number, no blank after the sign
    assert _items("Growth was 2 \u2212 3% a year.\n") == []


def test_roman_paren_reads_ii_and_iv_with_a_parenthesis():
    assert items.enumerator_item("ii)\tShared stocks") is not None
    text = "Plan\n1)\tAir defence\n\ta)\tBatteries\n\t\ti)\tTwo more\n\t\tii)\tShared stocks\n2)\tDrones\n"
    assert _items(text) == [(0, "Air defence"), (0, "Drones"), (1, "Batteries"), (2, "Two more"), (2, "Shared stocks")]


def test_roman_paren_near_misses():
    assert items.enumerator_item("ivy) league") is None
    assert items.enumerator_item("ii.5 per cent") is None
    assert items.enumerator_item("ii)") is None  # no text after it


def test_o_space_bullet_reads_a_run_of_indented_o_lines_under_an_item():
    text = "Steps\n\u2212 Procurement: common orders\n    o Germany and the Netherlands first\n"
    text += "    o Open to all Allies\n"
    assert _items(text) == [
        (0, "Procurement: common orders"),
        (1, "Germany and the Netherlands first"),
        (1, "Open to all Allies"),
    ]


def test_o_space_bullet_near_misses():
    # one indented "o" line under an item continues it; at the margin "o" is a word
    assert breadth.o_space_bullet("    o Germany first", ("- Orders: joint", ""), 0) is None
    assert breadth.o_space_bullet("o Germany first", ("o Open", "o Later"), 0) is None
    assert breadth.o_space_bullet("    o the Netherlands", ("    o Germany", ""), 0) is None  # lowercase after it
    text = "- Orders: joint orders\n    o Germany first\n"
    assert _items(text) == [(0, "Orders: joint orders o Germany first")]


def test_number_wrap_keeps_a_wrapped_year_in_its_item():
    text = "Main elements\n- Core defence: 3.5% by\n2035. Plans show the path.\n- Review: in\n2029. A report.\n"
    assert _items(text) == [(0, "Core defence: 3.5% by 2035. Plans show the path."), (0, "Review: in 2029. A report.")]


def test_number_wrap_near_misses():
    # a number that counts on from the open list, or follows a finished item, is an item
    assert _items("Steps\n1. Patrols in\n2. Sensors\n") == [(0, "Patrols in"), (0, "Sensors")]
    assert [text for _, text in _items("Steps\n- Review: done.\n2035. A new list\n")] == ["Review: done.", "A new list"]
    assert breadth.counts_on("2.", ["1."]) and not breadth.counts_on("2035.", ["-"])


def test_pipe_cut_row_joins_a_row_cut_before_a_pipe():
    above = "|---|---|---|"
    assert breadth.pipe_cut_row("| Energy | Protection", "| Fewer disruptions |", above) == (
        "| Energy | Protection | Fewer disruptions |"
    )
    table = "| Area | Focus | Outcome |\n|---|---|---|\n| Energy | Protection of cables\n| Fewer cuts |\n"
    table += "| Relief | Planning | Faster |\n"
    assert _rows(table) == [["Energy", "Protection of cables", "Fewer cuts"], ["Relief", "Planning", "Faster"]]


def test_pipe_cut_row_near_misses():
    above = "|---|---|---|"
    assert breadth.pipe_cut_row("| Energy | Protection | Fewer |", "| Relief | Planning | Faster |", above) is None
    assert breadth.pipe_cut_row("| Energy | Protection |", "| Fewer |", above) is None  # closes with a pipe
    assert breadth.pipe_cut_row("| Energy", "| Fewer |", above) is None  # halves do not add up
    assert breadth.pipe_cut_row("| Energy | Protection", "Fewer |", above) is None  # no opening pipe below


def test_wrapped_tab_row_joins_a_row_cut_inside_a_cell():
    lines = ["Maritime\tMore frigates in the", "Norwegian Sea\tSecure sea lines", "Air\tRadars\tEarlier warning of"]
    lines += ["missiles", "Land\tTraining\tReady forces"]
    want = ["Maritime", "More frigates in the Norwegian Sea", "Secure sea lines"]
    assert breadth.wrapped_tab_row(lines, 0, 3) == (want, 1)
    assert breadth.wrapped_tab_row(lines, 2, 3) == (["Air", "Radars", "Earlier warning of missiles"], 3)
    text = "Priorities\nArea\tFocus\tOutcome\n" + "\n".join(lines) + "\n"
    assert [row[2] for row in _rows(text)] == ["Secure sea lines", "Earlier warning of missiles", "Ready forces"]


def test_wrapped_tab_row_near_misses():
    assert breadth.wrapped_tab_row(["Land\tTraining\tReady", "Ministers will meet."], 0, 3) is None  # text below
    assert breadth.wrapped_tab_row(["Air\tRadars", "Land\tTraining\tReady"], 0, 3) is None  # four cells together
    assert breadth.wrapped_tab_row(["Air\tRadars"], 0, 3) is None  # nothing below to end it


def test_spanning_group_row_is_a_label_not_a_priority():
    html = (
        "<table><tr><th>Priority Area</th><th>Key Focus</th><th>Expected Outcome</th></tr>\n"
        "<tr><td colspan=3><i>Eastern flank</i></td></tr>\n"
        "<tr><td>Land Forces</td><td>Brigades</td><td>Forward defence</td></tr></table>\n"
    )
    rows = parse_document(html).tables[0].rows
    assert [(row.cells, row.about_other_rows) for row in rows] == [
        (["Eastern flank"] * 3, True),
        (["Land Forces", "Brigades", "Forward defence"], False),
    ]


def test_spanning_group_row_near_misses():
    assert breadth.is_spanning_label(2, ["Quantum", "Quantum", "Better detection"], 3) is False  # beside a cell
    assert breadth.is_spanning_label(1, ["", "", ""], 3) is False  # an empty spanning cell
    assert breadth.is_spanning_label(1, ["Cyber"], 1) is False  # a one-column table's row
    html = "<table><tr><th>Area</th><th>Focus</th></tr><tr><td colspan=2>Cyber</td></tr></table>\n"
    assert [row.about_other_rows for row in parse_document(html).tables[0].rows] == [True]
    html = "<table><tr><th>Area</th><th>Focus</th><th>Outcome</th></tr><tr><td colspan=2>Cyber</td><td>x</td></tr>"
    assert [row.about_other_rows for row in parse_document(html + "</table>\n").tables[0].rows] == [False]


def test_cell_list_items_set_a_cell_list_apart_and_make_no_items():
    html = (
        "<table><tr><th>Area</th><th>Focus</th></tr>\n"
        "<tr><td>Energy</td><td><ul><li>Backup power</li><li>Fuel reserves</li></ul></td></tr></table>\n"
    )
    doc = parse_document(html)
    assert [row.cells for row in doc.tables[0].rows] == [["Energy", "Backup power Fuel reserves"]]
    assert doc.items == []


def test_cell_list_items_near_miss_inline_markup_joins():
    html = "<table><tr><th>Area</th><th>Focus</th></tr><tr><td>Energy</td><td>Back<b>up</b> power</td></tr></table>\n"
    assert [row.cells for row in parse_document(html).tables[0].rows] == [["Energy", "Backup power"]]


def test_header_aside_and_parts_map():
    assert map_headers(["LINE OF EFFORT (LOE)", "KEY DELIVERABLES", "MEASURE OF SUCCESS", "LEAD"], SYN) == (0, 1, 2)
    assert map_headers(["Thematic Area", "Deliverables & Milestones", "Impact on Readiness"], SYN) == (0, 1, 2)
    assert map_headers(["Pillar", "Objectives and Timelines", "Expected Outcome (qualitative)"], SYN) == (0, 1, 2)


def test_header_aside_and_parts_near_misses():
    assert map_headers(["Lead (LoE)", "Key Focus", "Expected Outcome"], SYN) is None  # the aside stripped, no role
    assert map_headers(["Country and Region", "Key Focus", "Expected Outcome"], SYN) is None
    assert map_headers(["Command & Control", "Key Focus", "Expected Outcome"], SYN) is None


def test_postpositive_participle_and_head_before_preposition():
    assert map_headers(["Policy area", "Action agreed", "Outcome sought"], SYN) == (0, 1, 2)
    assert map_headers(["Area", "Measures planned", "Results expected"], SYN) == (0, 1, 2)
    assert map_headers(["Domain", "Task", "Benefit for Allies"], SYN) == (0, 1, 2)


def test_postpositive_participle_and_head_before_preposition_near_misses():
    assert map_headers(["Area", "Focus", "Funding required"], SYN) is None  # "funding" names no role
    assert map_headers(["Area", "Focus", "Expected"], SYN) is None  # a participle alone
    assert map_headers(["Lead for Area", "Key Focus", "Expected Outcome"], SYN) is None  # who leads, not the area
    assert map_headers(["Area", "Focus", "Timeline for Outcome"], SYN) is None


def test_success_measures_and_work_packages_map():
    assert map_headers(["Key Focus Area", "Deliverable", "Success Measure"], SYN) == (0, 1, 2)
    assert map_headers(["Work Package", "Task", "Expected Result", "Lead"], SYN) == (0, 1, 2)


def test_success_measures_and_work_packages_near_misses():
    assert map_headers(["Area", "Key Measure", "Outcome"], SYN) == (0, 1, 2)  # a measure alone is still a focus
    assert map_headers(["Package", "Task", "Expected Result"], SYN) is None  # a package alone names no area
