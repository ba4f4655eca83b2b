"""The token walk's helpers: which inline texts are handed to markdown-it's inline parser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nato_briefs.reader.walk import _INLINE_SYNTAX, _may_hold_syntax


@given(st.text(alphabet="ab &#;x1\\`*_[]!<~>AMP", max_size=30))
def test_prefilter_agrees_with_the_syntax_pattern(text: str) -> None:
    assert _may_hold_syntax(text) == (_INLINE_SYNTAX.search(text) is not None)


def test_prefilter_on_plain_text_and_entities() -> None:
    assert not _may_hold_syntax("NATO allies met in Vilnius; R&D spending rose.")
    assert _may_hold_syntax("AT&amp;T") and _may_hold_syntax("**Bold**") and _may_hold_syntax("a\\|b")


def test_a_pipe_table_with_an_empty_header_row_is_headed_by_its_first_row() -> None:
    from nato_briefs.parse import parse_document

    text = "|  |  |\n|---|---|\n| Area | Focus |\n| Cyber | Sharing |\n| Air | Radars |\n"
    table = parse_document(text).tables[0]
    assert table.headers == ["Area", "Focus"]
    assert [(r.cells, r.line) for r in table.rows] == [(["Cyber", "Sharing"], 4), (["Air", "Radars"], 5)]


def test_an_empty_header_over_one_row_keeps_the_row() -> None:
    from nato_briefs.parse import parse_document

    table = parse_document("|  |  |\n|---|---|\n| Spain | 4 |\n").tables[0]
    assert table.headers == ["", ""] and [r.cells for r in table.rows] == [["Spain", "4"]]


def test_each_image_reads_the_children_after_it_without_copying_them() -> None:
    """A line of images: each looks at the child after it (``image_space``), by index, not by copying the rest
    (a slice per image: x3.9 per doubling, 7.9 s for 16,000 images, bench/HOSTILE.md session 15)."""
    from nato_briefs.parse import BLOCK_PARSER
    from nato_briefs.reader.walk import inline_text, parse_inline
    from tests.counted_text import CountedList

    token = next(t for t in BLOCK_PARSER.parse("Intro " + "![a](b.png)x " * 2_000 + "\n", {}) if t.type == "inline")
    parse_inline(token, {})
    token.children = CountedList(token.children)
    text = inline_text(token)
    assert text.startswith("Intro a x a x") and text.count("a x") == 2_000  # each alt text set apart
    assert token.children.read <= 3 * len(token.children), token.children.read
