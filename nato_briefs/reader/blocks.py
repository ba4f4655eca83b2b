"""markdown-it as the reader configures it: CommonMark + GFM tables, and a cheaper table rule.

markdown-it-py's GFM table rule is tried at every block start and, as a
paragraph terminator, at every paragraph line; a table row it reads is split
character by character in Python, and each cell costs three tokens. On our
articles (a table in most of them) that rule was a third of the block pass.
``table`` below is the same rule (markdown-it-py 4.3's ``rules_block/table.py``,
MIT, ported check for check, so it accepts and ends exactly the same tables)
with three changes that do not change what it reads:

* the delimiter-row shape is one compiled ``fullmatch`` instead of a Python
  loop over the line's characters;
* a row without a backslash is split with ``str.split("|")`` (what the
  escaped split returns for it);
* a body row is checked against the ``blockquote`` terminator rules only when
  its first character can open one of them (fence, quote, rule, list, HTML,
  heading: each rejects every other first character at once).

It emits one token per table, ``table``, its map markdown-it's ``table_open``
map, its ``meta`` the header's cells and each body row's segmented line and
cells (content as markdown-it sets its ``inline`` tokens): the walker reads a
table as rows of cell texts. markdown-it's stream (``table_open``, ``thead``,
``tr``, ``th``/``td`` and an ``inline`` token per cell) was half of all the
tokens of an article, each built, pushed and walked.

The block parser also runs without the ``text_join`` core rule: inline parsing
is off in the block pass (``walk.parse_inline`` does it where needed), so
there is no text to join, only a loop over every token.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim
from markdown_it.rules_block import StateBlock, lheading, paragraph
from markdown_it.rules_core import StateCore

_HEADER_CELL = re.compile(r"^:?-+:?$")
# First character |, - or :, then |, -, : or a blank ("- " would be a list item), then only those.
_DELIMITER_SHAPE = re.compile(r"(?:[|:][|:\- \t]|-[|:\-])[|:\- \t]*+")
# The first characters with which a line can open a fence, block quote, thematic break, list,
# HTML block or heading: the rules that end a table (markdown-it's "blockquote" terminators).
TERMINATOR_LEADS = frozenset("`~>*-_+<#0123456789")
TERMINATOR_RULES = ("fence", "blockquote", "hr", "list", "html_block", "heading")
# markdown-it-py's bound on the empty cells it fills in for short rows (markdown-it issue 1000).
_MAX_AUTOCOMPLETED_CELLS = 0x10000


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def escaped_split(text: str) -> list[str]:
    """A row's cells: split at every ``|`` not preceded by a backslash; ``\\|`` becomes ``|``."""
    if "\\" not in text:
        return text.split("|")
    result: list[str] = []
    current = ""
    last = 0
    escaped = False
    for pos, ch in enumerate(text):
        if ch == "|":
            if not escaped:
                result.append(current + text[last:pos])
                current = ""
                last = pos + 1
            else:
                current += text[last : pos - 1]
                last = pos
        escaped = ch == "\\"
    result.append(current + text[last:])
    return result


def _aligns(state: StateBlock, line: int) -> list[str] | None:
    """The delimiter row's alignments, or None when the line is no delimiter row."""
    start = state.bMarks[line] + state.tShift[line]
    end = state.eMarks[line]
    if start >= end or _DELIMITER_SHAPE.fullmatch(state.src, start, end) is None:
        return None
    columns = state.src[start:end].split("|")
    aligns: list[str] = []
    last = len(columns) - 1
    for i, column in enumerate(columns):
        cell = mdTrim(column)
        if not cell:
            if i in (0, last):  # empty columns allowed before and after the table, not between
                continue
            return None
        if not _HEADER_CELL.search(cell):
            return None
        if cell[-1] == ":":
            aligns.append("center" if cell[0] == ":" else "right")
        else:
            aligns.append("left" if cell[0] == ":" else "")
    return aligns


def _cells(text: str) -> list[str]:
    columns = escaped_split(text)
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return columns


def _ends_table(state: StateBlock, line: int, end_line: int, terminators: list) -> bool:
    if state.src[state.bMarks[line] + state.tShift[line] : state.bMarks[line] + state.tShift[line] + 1] not in (
        TERMINATOR_LEADS
    ):
        return False
    return any(rule(state, line, end_line, True) for rule in terminators)


def table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """The GFM table rule: a header row, a delimiter row, then rows until a blank line or another block."""
    if start_line + 2 > end_line:
        return False
    next_line = start_line + 1
    if state.sCount[next_line] < state.blkIndent or state.is_code_block(next_line):
        return False
    aligns = _aligns(state, next_line)
    if aligns is None:
        return False
    header = mdTrim(_line(state, start_line))
    if "|" not in header or state.is_code_block(start_line):
        return False
    columns = _cells(header)
    n_columns = len(columns)
    if n_columns == 0 or n_columns != len(aligns):
        return False
    if silent:
        return True
    _emit_table(state, start_line, end_line, columns)
    return True


def _emit_table(state: StateBlock, start_line: int, end_line: int, headers: list[str]) -> None:
    """The ``table`` token: ``meta["header"]`` the header's cells, ``meta["rows"]`` each body row's line and cells."""
    old_parent = state.parentType
    state.parentType = "table"
    terminators = state.md.block.ruler.getRules("blockquote")
    n_columns = len(headers)
    rows: list[tuple[int, list[str]]] = []
    autocompleted = 0
    line = start_line + 2
    while line < end_line:
        if state.sCount[line] < state.blkIndent or _ends_table(state, line, end_line, terminators):
            break
        text = mdTrim(_line(state, line))
        if not text or state.is_code_block(line):
            break
        columns = _cells(text)
        autocompleted += n_columns - len(columns)
        if autocompleted > _MAX_AUTOCOMPLETED_CELLS:
            break
        rows.append((line, _row_cells(columns, n_columns)))
        line += 1
    token = state.push("table", "table", 0)
    token.map = [start_line, line]
    token.meta = {"header": _row_cells(headers, n_columns), "rows": rows}
    state.parentType = old_parent
    state.line = line


def _row_cells(columns: list[str], n_columns: int) -> list[str]:
    """A row's cells as markdown-it's ``inline`` tokens hold them: one per header column, trimmed, missing ones ''."""
    cells = [mdTrim(column) if column else "" for column in columns[:n_columns]]
    return cells + [""] * (n_columns - len(cells)) if len(cells) < n_columns else cells


def normalize(state: StateCore) -> None:
    """markdown-it's ``normalize`` core rule (CR LF and CR to LF, NUL to U+FFFD), by substring tests first.

    The stock rule runs two regex substitutions over the whole text, and its newline
    pattern matches (and rewrites) every LF; the segmented text rarely holds a CR or a NUL.
    """
    src = state.src
    if "\r" in src:
        src = src.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in src:
        src = src.replace("\0", "\ufffd")
    state.src = src


def prose(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A block whose first character is a letter: only a setext heading or a paragraph can start there.

    Code (an indentation of four), fence, quote, rule, list, reference, HTML block and ATX
    heading each open only at an indentation or one of ```~>*-_+0-9[<#``, and each rule
    tells so only after a call and a debug log line of its own; most blocks of an
    article are prose. Placed after ``table``, which a letter can start. (A failed
    ``lheading`` leaves ``state.parentType`` at "paragraph"; only silent list checks read
    it, and every caller of those sets it first, so skipping that call changes nothing.)
    """
    pos = state.bMarks[start_line] + state.tShift[start_line]
    if silent or not state.src[pos : pos + 1].isalpha() or state.is_code_block(start_line):
        return False
    # a setext heading needs an underline: a one-line block (blank or no line next) is a paragraph
    after = start_line + 1
    if after < end_line and not state.isEmpty(after) and lheading(state, start_line, end_line, False):
        return True
    return paragraph(state, start_line, end_line, False)


def block_parser() -> MarkdownIt:
    """CommonMark + GFM tables and strikethrough, block structure only (inline syntax is parsed on demand)."""
    md = MarkdownIt("commonmark", {"maxNesting": 1000}).enable(["table", "strikethrough"])
    md.disable(["inline", "text_join"])
    md.core.ruler.at("normalize", normalize)
    md.block.ruler.after("table", "prose", prose)
    md.block.ruler.at("table", table, {"alt": ["paragraph", "reference"]})
    return md


# Inline nesting (a link label inside a link label...) markdown-it follows before it reads the rest of
# the paragraph as text; CommonMark's preset sets 20. At 1,000, the block parser's bound (deep lists
# need it), each unclosed "[" rescanned the rest of its paragraph: 300 of them cost 70 ms, 330 raised
# RecursionError (the file quarantined as nesting_too_deep, its text lost). Only labels nested over
# 20 deep read differently: their brackets stay text.
INLINE_MAX_NESTING = 20


def inline_parser() -> MarkdownIt:
    """The same configuration with inline parsing: ``walk.parse_inline`` runs its inline rules."""
    return MarkdownIt("commonmark", {"maxNesting": INLINE_MAX_NESTING}).enable(["table", "strikethrough"])
