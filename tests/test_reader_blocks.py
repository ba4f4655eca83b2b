"""The reader's markdown-it configuration reads exactly what stock markdown-it-py reads.

Differential against stock markdown-it-py (CommonMark + GFM tables, inline off): the
token stream of ``block_parser`` (its table rule, its prose shortcut, its normalize),
each ``table`` token written out as the stream markdown-it emits for it, must be the
stock stream without the per-cell ``th``/``td`` and ``tbody`` tokens, type for type,
map for map, content for content.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit

from nato_briefs.reader.blocks import TERMINATOR_LEADS, TERMINATOR_RULES, block_parser, escaped_split

_STOCK = MarkdownIt("commonmark", {"maxNesting": 1000}).enable(["table", "strikethrough"]).disable("inline")
_OURS = block_parser()
_DROPPED = frozenset({"th_open", "th_close", "td_open", "td_close", "tbody_open", "tbody_close"})

# Lines that make and break tables, in and out of lists and block quotes.
_LINES = [
    "| a | b |", "|---|---|", "| 1 | 2 |", "a | b", "--- | ---", ":-: | -:", "|x|", "| - |", "|-", "-|-",
    "| --- |", "|:-|", "--", "- | a |", "- item", "* item", "1. one", "  - nested", "    | code | x |",
    "> | q | r |", "> |---|---|", "> quote", "# Head", "Title", "prose line.", "", "   ", "```", "~~~",
    "<div>", "</div>", "***", "===", "| a \\| b | c |", "| `x\\|y` | z |", "\\|a|b", "|  |  |", "| 1 |",
    "| 1 | 2 | 3 |", "  |--|--|", " | a | b |", "\t| a | b |", "- [ ] | a |", "|:--|--:|:-:|", "| é | ü |",
]  # fmt: skip


def _stock_view(text: str) -> list[tuple]:
    return _view(t for t in _STOCK.parse(text) if t.type not in _DROPPED)


def _view(tokens) -> list[tuple]:
    out, depth = [], 0
    for t in tokens:
        if t.type == "table":
            out.extend(_table_view(t))
            continue
        depth -= t.type == "table_close"
        # levels inside a table differ by the dropped th/td nesting; outside it they must agree
        out.append((t.type, t.tag, t.nesting, t.map, t.content, t.markup, t.info, None if depth else t.level))
        depth += t.type == "table_open"
    return out


def _table_view(t) -> list[tuple]:
    """Our ``table`` token as markdown-it's table, thead and tr tokens and an inline token per cell."""
    start, end = t.map
    out = [("table_open", "table", 1, [start, end], "", "", "", t.level)]
    rows = [(start, t.meta["header"]), *t.meta["rows"]]
    for k, (line, cells) in enumerate(rows):
        if k == 0:
            out.append(("thead_open", "thead", 1, [start, start + 1], "", "", "", None))
        out.append(("tr_open", "tr", 1, [line, line + 1], "", "", "", None))
        out.extend(("inline", "", 0, [line, line + 1], cell, "", "", None) for cell in cells)
        out.append(("tr_close", "tr", -1, None, "", "", "", None))
        if k == 0:
            out.append(("thead_close", "thead", -1, None, "", "", "", None))
    out.append(("table_close", "table", -1, None, "", "", "", t.level))
    return out


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=14), st.sampled_from(["", "\n"]))
def test_block_parser_reads_tables_as_markdown_it_does(lines: list[str], end: str) -> None:
    text = "\n".join(lines) + end
    assert _view(_OURS.parse(text)) == _stock_view(text)


def test_a_table_in_a_list_item_and_a_quote() -> None:
    text = "- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n> | q | r |\n> |---|---|\n> | 3 | 4 |\n| x |\n"
    assert _view(_OURS.parse(text)) == _stock_view(text)
    assert sum(t.type == "table" for t in _OURS.parse(text)) == 2


def test_short_rows_get_empty_cells_and_extra_cells_are_dropped() -> None:
    tokens = _OURS.parse("| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 |\n")
    table = next(t for t in tokens if t.type == "table")
    assert table.meta["header"] == ["a", "b", "c"]
    assert [cells for _, cells in table.meta["rows"]] == [["1", "", ""], ["1", "2", "3"]]


@given(st.text(alphabet="ab|\\ `", max_size=40))
def test_escaped_split_is_markdown_its(text: str) -> None:
    assert escaped_split(text) == escapedSplit(text)


def test_the_table_terminators_are_the_rules_whose_leads_we_list() -> None:
    """A body row skips the terminator rules when its first character opens none: those six rules."""
    ours = [rule.__name__ for rule in _OURS.block.ruler.getRules("blockquote")]
    assert ours == [rule.__name__ for rule in _STOCK.block.ruler.getRules("blockquote")]
    assert ours == ["_fence_rule", "blockquote", "hr", "list_block", "html_block", "heading"]
    assert len(TERMINATOR_RULES) == len(ours)
    for lead in "`~>*-_+<#7":
        assert lead in TERMINATOR_LEADS


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r\n\x00"), max_size=12))
def test_any_row_after_a_table_ends_it_or_not_as_markdown_it_decides(row: str) -> None:
    """A row opening with any character: the cheap lead test must never skip a terminator that fires."""
    text = f"| a | b |\n|---|---|\n{row}\n| c | d |\n"
    assert _view(_OURS.parse(text)) == _stock_view(text)


# Every character that decides a block rule, letters (one non-ASCII), CR, NUL and blanks.
_BLOCK_ALPHABET = "aZé|-:>*_+#`~<[]!(0123456789.) \t\n\r\x00\\"


@pytest.mark.slow  # hundreds of generated documents: seconds; make test and CI run it
@settings(max_examples=1500)
@given(st.text(alphabet=_BLOCK_ALPHABET, max_size=80))
def test_block_parser_reads_any_text_as_markdown_it_does(text: str) -> None:
    assert _view(_OURS.parse(text)) == _stock_view(text)


def test_prose_shortcut_leaves_indented_code_and_setext_headings_alone() -> None:
    text = "Title\n===\n\n    code line\nprose\n- item\n\n  Lazy\n  ---\n[ref]: /url\n"
    assert _view(_OURS.parse(text)) == _stock_view(text)
    kinds = [t.type for t in _OURS.parse(text)]
    assert kinds.count("heading_open") == 2 and "code_block" in kinds
