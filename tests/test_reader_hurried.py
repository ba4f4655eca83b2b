"""Session 15 rules (``rules/hurried.py``, header wordings): lists and tables as hurried writers type them,
each rule with its positive and near-miss cases. Found by tests/shapes_corpus/691-715.
"""

from __future__ import annotations

from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import hurried


def _headings(text: str) -> list[str | None]:
    return [section.heading for section in parse_document(text).sections]


def _items(text: str) -> list[tuple[int, str]]:
    return [(item.depth, item.text) for item in parse_document(text).items]


def test_tight_marker_reads_markers_typed_onto_words_in_a_list():
    text = "Outcomes\n1)Sentry: more fighters\n2)Drones: jammers\n   a)Quick buys\n   b)Testing\n3)Training: crews\n"
    assert _headings(text) == ["Outcomes"]
    assert _items(text) == [
        (0, "Sentry: more fighters"),
        (0, "Drones: jammers"),
        (0, "Training: crews"),
        (1, "Quick buys"),
        (1, "Testing"),
    ]
    # a run broken by nested items goes on: "▪Partnerships" after "◦Solar", "☐Partners" after "✓ Fund"
    glyphs = "Main initiatives\n▪Cyber: targets\n▪Climate: bases\n  ◦Audits\n  ◦Solar\n▪Partnerships: Japan\n"
    want = ["Cyber: targets", "Climate: bases", "Partnerships: Japan", "Audits", "Solar"]
    assert [t for _, t in _items(glyphs)] == want
    dashes = "Steps\n— DIANA: test centres\n   –Texas\n   –Virginia\n— Fund: start-ups\n—Standards — rules\n"
    want = ["DIANA: test centres", "Fund: start-ups", "Standards — rules", "Texas", "Virginia"]
    assert [t for _, t in _items(dashes)] == want


def test_tight_marker_near_misses_stay_text():
    # alone, a typed-on marker is text: a heading over its underline, a sentence's typo, an attribution
    assert _items("Intro text.\n\n1)Introduction\n--------------\n\nAllies met.\n") == []
    assert _items("The ministers met.\n2.Ministers agreed the plan.\n") == []
    assert _items("“We stand together.”\n—Jens Stoltenberg\n") == []
    # a list of another marker around it does not make it an item
    assert [t for _, t in _items("- Cyber: targets\n▪Climate: bases\n- Space: satellites\n")] == [
        "Cyber: targets",
        "Space: satellites",
    ]
    # after a blank line the open list does not reach it (``1.Introduction`` over its underline)
    assert hurried.tight_marker_item("1.Introduction", ("", "------"), {"1."}, lambda m: "1.") is None
    assert hurried.tight_marker_line("·5%") is None and hurried.tight_marker_line("#Hashtag") is None


def test_plain_language_header_wordings_map():
    synonyms = load_header_synonyms()
    assert map_headers(["Workstream", "What we will do", "What success looks like"], synonyms) is not None
    assert map_headers(["Issue", "Allied Response", "Intended Result", "Lead"], synonyms) is not None
    assert map_headers(["Area", "Key deliverable", "Why it matters"], synonyms) is not None
    # near misses: a wording that names no role still leaves the table unmapped
    assert map_headers(["Workstream", "What we will do", "Who leads"], synonyms) is None
    assert map_headers(["Issue", "Date", "Location"], synonyms) is None


def test_cell_marker_list_drops_cell_list_markers():
    assert hurried.cell_markers("1) Rail capacity<br>2) Port access") == "Rail capacity<br>Port access"
    assert hurried.cell_markers("▪ Backup power<br/>‣ Fuel") == "Backup power<br>Fuel"
    assert hurried.cell_markers("‣ Secure networks") == "Secure networks"
    assert hurried.cell_markers("✓ Continuity of government") == "Continuity of government"
    table = "| Area | Key Focus | Outcome |\n|---|---|---|\n| Transport | a) Rail<br>b) Ports | ✓ Faster |\n"
    rows = [row.cells for t in parse_document(table).tables for row in t.rows]
    assert rows == [["Transport", "Rail Ports", "Faster"]]


def test_cell_marker_list_near_misses_keep_their_text():
    assert hurried.cell_markers("Estonia<br>Finland") is None
    assert hurried.cell_markers("2025<br>2030") is None
    assert hurried.cell_markers("5) Rail<br>9) Ports") is None  # numbering that does not count up from 1
    assert hurried.cell_markers("– 5%") is None  # a dash opening one line: minus or nothing, not a list
    assert hurried.cell_markers("Rail capacity") is None
    table = "| ✅ Expected Outcome | Area | Focus |\n|---|---|---|\n| a | b | c |\n"
    assert parse_document(table).tables[0].headers[0] == "✅ Expected Outcome"  # header cells are kept as written


def test_short_wrapped_row_joins_a_row_cut_after_a_pipe():
    above = "|---|---|---|"
    assert hurried.short_wrapped_row("| Energy | Protection |", "Fewer disruptions |", above) == (
        "| Energy | Protection | Fewer disruptions |"
    )
    table = "| Area | Focus | Outcome |\n|---|---|---|\n| Energy | Protection |\nFewer disruptions |\n"
    table += "| Relief | Planning | Faster |\n"
    rows = [row.cells for t in parse_document(table).tables for row in t.rows]
    assert rows == [["Energy", "Protection", "Fewer disruptions"], ["Relief", "Planning", "Faster"]]


def test_short_wrapped_row_near_misses():
    above = "|---|---|---|"
    assert hurried.short_wrapped_row("| Energy | Protection | Fewer |", "Next steps |", above) is None  # complete
    assert hurried.short_wrapped_row("| Energy |", "Fewer disruptions |", above) is None  # halves do not add up
    assert hurried.short_wrapped_row("| Energy | Protection |", "| Fewer |", above) is None  # a row of its own
    assert hurried.short_wrapped_row("| Energy | Protection |", "Ministers met.", above) is None


def test_short_wrapped_row_joins_a_header_cut_after_a_pipe():
    table = "| Area | Focus | Outcome |\nLead |\n|---|---|---|---|\n| Energy | Protection | Fewer | Norway |\n"
    assert [(t.headers, [r.cells for r in t.rows]) for t in parse_document(table).tables] == [
        (["Area", "Focus", "Outcome", "Lead"], [["Energy", "Protection", "Fewer", "Norway"]])
    ]
    # near miss: a title line over a table is no header half
    assert len(parse_document("| Area | Focus |\nPriorities |\n|---|---|---|\n| a | b | c |\n").tables[0].headers) == 3
