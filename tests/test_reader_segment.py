"""The segmentation pass's modes: one open construct at a time, each ending back in TEXT."""

from __future__ import annotations

import pytest

from nato_briefs.config import ParseLimits
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
