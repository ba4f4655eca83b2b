"""The segmentation pass's modes: one open construct at a time, each ending back in TEXT."""

from __future__ import annotations

import pytest

from nato_briefs.config import ParseLimits
from nato_briefs.parse import parse_document
from nato_briefs.reader.modes import Mode
from nato_briefs.reader.segment import _Segmenter, segment_blocks

# Each construct, then a plain line: after the construct ends the pass reads text again.
CONSTRUCTS = {
    Mode.FENCE: ["```", "code", "```"],
    Mode.HTML: ["<div>", "<p>Allies met.</p>", "</div>"],
    Mode.GRID: ["+------+------+", "| Area | Goal |", "+======+======+", "| Air  | More |", "+------+------+"],
    Mode.SIMPLE: ["Area   Goal", "-----  -----", "Air    More", ""],
    Mode.SIGNATURE: ["Regards,", "-- ", "Jan de Vries", "Press Office", ""],
    Mode.FOOTNOTE: ["Text.[^1]", "", "[^1]: A note.", "", "    More of the note."],
}


def _modes(lines: list[str]) -> list[Mode]:
    """The mode after each line."""
    seg = _Segmenter([*lines], ParseLimits())
    seen = []
    for i, (line, nxt) in enumerate(zip(lines, [*lines[1:], ""], strict=True)):
        seg.step(i, line, nxt)
        seen.append(seg.mode)
    return seen


@pytest.mark.parametrize("mode", list(CONSTRUCTS), ids=lambda m: m.value)
def test_each_construct_opens_its_mode(mode: Mode) -> None:
    assert mode in _modes(CONSTRUCTS[mode])


@pytest.mark.parametrize("mode", [m for m in CONSTRUCTS if m is not Mode.FOOTNOTE], ids=lambda m: m.value)
def test_each_construct_ends_back_in_text(mode: Mode) -> None:
    lines = [*CONSTRUCTS[mode], "", "Allies agreed to act."]
    assert _modes(lines)[-1] is Mode.TEXT


def test_a_footnote_ends_at_an_unindented_line() -> None:
    assert _modes([*CONSTRUCTS[Mode.FOOTNOTE], "", "Allies agreed to act."])[-1] is Mode.TEXT


def test_org_settings_inside_a_fence_stay_code() -> None:
    """A fence keeps its lines as written, even a line that is an org setting elsewhere in the document."""
    lines = ["#+TITLE: Notes", "", "```", "#+OPTIONS: toc:nil", "```"]
    assert "#+OPTIONS: toc:nil" in segment_blocks(lines, ParseLimits()).lines


def test_a_signature_is_prose_even_where_a_table_would_start() -> None:
    """Below "-- " lines are prose to a blank line: a grid border there opens no table."""
    lines = ["Regards,", "-- ", "Jan de Vries", "+----+", "| Jan |", ""]
    modes = _modes(lines)
    assert modes[2:5] == [Mode.SIGNATURE] * 3
    assert Mode.GRID not in modes


def test_upper_letters_in_parentheses_are_lettering_only_in_a_run():
    """``(A)`` over ``(B)`` opens a lettered list (shapes 397); ``(U) text`` alone is a portion marking, prose."""
    doc = parse_document("Decisions\n(A) Targets: accepted\n(B) Reporting: annual\n(C) Review: in 2027\n")
    assert [(item.text, item.ordered) for item in doc.items] == [
        ("Targets: accepted", True),
        ("Reporting: annual", True),
        ("Review: in 2027", True),
    ]
    marked = parse_document("Report\n\n(U) The committee met on 12 March.\n\n(C) 2025 NATO. All rights reserved.\n")
    assert doc.n_lists == 1 and marked.items == []
    assert "(U) The committee met on 12 March." in marked.sections[-1].text


@pytest.mark.parametrize("end", ["", "\n"])
@pytest.mark.parametrize("meta", ["---\ntitle: X\n---", '+++\ntitle = "X"\n+++', "title:: X"])
def test_a_file_of_front_matter_only_is_read_without_a_body(meta: str, end: str) -> None:
    """Found by bench/fuzz.py: front matter ending on the file's last line, with no line break after it,
    raised ``ValueError: zip() argument 2 is longer than argument 1`` out of ``read_article``."""
    doc = parse_document(meta + end)
    assert (doc.title, doc.sections, doc.items, doc.tables) == ("X", [], [], [])


def test_a_body_line_after_front_matter_without_a_line_break_is_kept() -> None:
    doc = parse_document("---\ntitle: X\n---\nAllies agreed to act.")
    assert doc.title == "X" and [s.text for s in doc.sections] == ["Allies agreed to act."]


# Moved from tests/test_reader_rules.py (session 20): indented_list_under_line, read end to end.
def test_a_list_indented_four_under_a_paragraph_line_stays_a_list():
    from nato_briefs import read_article

    under_line = read_article("# Options\n\nADM: use one of three:\n    1. a single fund\n    2. national budgets\n")
    assert [i.text for i in under_line.list_items] == ["a single fund", "national budgets"]
    # near miss: after a blank line the indented lines are an indented code block, as in CommonMark
    after_blank = read_article("# Options\n\nADM: use one of three:\n\n    1. a single fund\n    2. national budgets\n")
    assert after_blank.list_items == []
