"""Everyday shapes the reader missed (session 16, shapes15): sub-bullets, wrapped numbers and rows, group rows.

Found by tests/shapes_corpus/716-740, the seed articles in shapes real sources produce: a PDF's ``o``
sub-bullets with one space after them, a hard wrap that puts ``2035.`` at a line start inside a list,
pipe and tab rows an e-mail client cut at the space before a pipe or inside a cell, and an Outlook table's
spanning group rows. Each rule looks at one line and its
neighbours, so it is linear in the text; the patterns use possessive repeats (the audit in
``tests/test_reader_linear.py`` reads them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.reader.rules.items import Marker, indentation
from nato_briefs.reader.rules.tables import is_table_row, pipe_cells, tab_fields

# Word's second-level bullet as a PDF's text layer or a plain-text paste gives it: "o" and one space before a
# capital ("o Germany and ..."); ``TAB_BULLET_GLYPHS`` reads it before a tab or two spaces only.
_O_BULLET = re.compile(r"[ \t]++o (?=[A-Z0-9])")


def o_space_bullet(line: str, neighbours: tuple[str, str], list_indent: int) -> Marker | None:
    """``    o Germany and the Netherlands first`` under an item, beside another such line: a sub-bullet
    (``o_space_bullet``), or None.

    The ``o`` is a bullet when it stands indented deeper than the open list's first marker, a capital after it, and
    the line above or below is written the same way at the same indentation (a run of them). Alone, or at the
    margin, ``o`` is a word (``o Captain``), and an indented line under an item continues it.
    """
    match = _O_BULLET.match(line)
    if match is None:
        return None
    width, _ = indentation(line)
    if width <= list_indent:
        return None
    for text in neighbours:
        if _O_BULLET.match(text) is not None and indentation(text)[0] == width:
            return Marker(width, False, "bullet", "o", match.end(), width + 2)
    return None


def counts_on(glyph: str, open_glyphs: list[str]) -> bool:
    """``2.`` when the open list holds ``1.``: the number continues an open numbered list (``number_wrap``)."""
    number, delimiter = glyph[:-1], glyph[-1:]
    return number.isdigit() and f"{int(number) - 1}{delimiter}" in open_glyphs


def pipe_cut_row(line: str, nxt: str, above: str) -> str | None:
    """``| Energy Security | Protection of infrastructure`` over ``| Fewer disruptions |``: a row an e-mail
    client cut at the space before a pipe, joined (``pipe_cut_row``), or None.

    ``wrapped_row`` joins a row cut inside a cell and ``short_wrapped_row`` one cut right after a pipe; cut
    before one, the row's first line has no closing pipe and its end opens with one, as a row of its own
    would. Cut at the space before the last pipe, the end is a line holding only ``|`` (``closing_pipe_row``).
    It is one row when the joined row has as many cells as the line above (the delimiter row or a body row).
    Near misses: two rows as wide as the one above (each a row), a closing pipe on the first, a row with
    fewer cells over a lone ``|`` (a row of its own).
    """
    row, below = line.strip(" \t"), nxt.strip(" \t")
    if row[:1] != "|" or row[-1:] == "|" or below[:1] != "|" or below[-1:] != "|" or not is_table_row(above):
        return None
    joined = f"{line.rstrip()} {below}"
    return joined if len(pipe_cells(joined)) == len(pipe_cells(above)) else None


# Most lines one tab-separated row an e-mail client wrapped is spread over (its first line and the pieces).
MAX_WRAPPED_TAB_LINES = 4


def wrapped_tab_row(lines: Sequence[str], j: int, width: int) -> tuple[list[str], int] | None:
    """A tab-separated row an e-mail client wrapped, joined (``wrapped_tab_row``): its cells and last index, or None.

    ``Maritime<TAB>More aircraft in the`` / ``Norwegian Sea<TAB>Secure sea lines`` under a three-column header:
    the row is cut inside a cell, so its first line holds fewer cells than the table and the next line's
    first piece ends the cut cell; the pieces are one row when their cells add up to the table's width. A
    line without a tab that opens lowercase under a whole row (``Earlier warning of`` / ``missiles``) ends
    its last cell, as a wrapped item's lowercase line continues the item. Near misses: pieces that add up to
    more or fewer cells, a capitalised line without a tab under a whole row (the text below the table).
    None when the row is whole and nothing continues it.
    """
    fields = tab_fields(lines[j])
    if fields is None or len(fields) > width:
        return None
    end = j
    while end + 1 < len(lines) and end - j < MAX_WRAPPED_TAB_LINES:
        below = lines[end + 1]
        if len(fields) == width and ("\t" in below or not below[:1].islower()):
            break
        pieces = [piece.strip(" \u00a0") for piece in below.rstrip(" \t").split("\t")]
        if not pieces[0] or len(fields) + len(pieces) - 1 > width:
            return None
        fields = [*fields[:-1], f"{fields[-1]} {pieces[0]}", *pieces[1:]]
        end += 1
    return (fields, end) if end > j and len(fields) == width else None


def is_spanning_label(n_cells: int, row: list[str], width: int) -> bool:
    """``<tr><td colspan=3><i>Eastern flank</i></td></tr>`` among a table's body rows: one cell with text spanning
    every column, a label for the rows below (``spanning_group_row``), as ``group_label_row`` reads
    ``| **Eastern flank** | | |``.

    It holds no focus or outcome, only a group's name; it stays in ``table_rows`` and ``priorities`` leaves it
    out. Near misses are rows: a cell spanning some columns beside others (``<td colspan=2>Quantum</td><td>Better
    detection</td>``), an empty spanning cell. A spanning caption (``Source: ...``) is a note (``is_footer_note``).
    """
    return n_cells == 1 and width > 1 and len(row) == width and bool(row[0])


BREADTH_RULES = {
    "o_space_bullet": o_space_bullet,  # "    o Germany ..." beside another such line, under an item: a sub-bullet
    "number_wrap": counts_on,  # "- ... by" over "2035. National ...": the sentence runs on, no ordered item
    "pipe_cut_row": pipe_cut_row,  # "| a | b" over "| c |" under a three-cell row: one row
    "wrapped_tab_row": wrapped_tab_row,  # "a<TAB>b c" over "d<TAB>e" under three columns: one row "a | b c d | e"
    "spanning_group_row": is_spanning_label,  # "<td colspan=3>Eastern flank</td>" in the body: a group's label
}
