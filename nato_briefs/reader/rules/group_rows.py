"""A table's rows about its other rows: group labels (``group_label_row``) and totals (``totals_row``).

Writers group a table's rows under a label of their own: a row whose first cell alone holds text, all of
it bold, the other cells written out empty. It names the rows below (a heading inside the table), not a row of data.
A table's last row may sum the rows above it (``| **Total** | | | **1,250** |``), its first row give the
columns' units (``| | | (EUR million) | (by 2030) |``, ``units_row``). Any such row stays in ``table_rows``
(lossless) and is marked, so that ``priorities`` leaves it out (docs/READING.md, "Group-label rows"). An HTML
table's one cell spanning every column (``<td colspan=3>Eastern flank</td>``) is such a label (``spanning_group_row``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.headers import load_header_synonyms, normalize_header
from nato_briefs.reader.rules.tables import pipe_cells


def is_group_label_row(cells: list[str], bold: list[bool], line: str) -> bool:
    """The row is a group label: two or more cells, all written, the first wholly bold and the only one with text.

    ``bold`` says, cell by cell, whether the cell's text is all one bold span as written; ``line`` is the
    row as written. The empty cells are written out (``| **Eastern flank** | | |``): the label spans the
    table as a row of its own. Near misses: a ragged row that stops after its first cell
    (``| **Cyber Defense** |``) is a row cut short, its cells missing; a row with an area and nothing
    else, not bold (``| Eastern flank | | |``), has its cells still to fill; a bold first cell beside
    text (``| **Air Defence** | Batteries | ... |``) is a bold area.
    """
    if len(cells) < 2 or not cells[0] or not bold[:1] or not bold[0]:
        return False
    return not any(cell.strip() for cell in cells[1:]) and len(pipe_cells(line)) >= len(cells)


# What a totals row's other cells may hold: nothing, or a figure ("1,250", "€1.2bn", "5.5 %", "**165**").
_FIGURE = re.compile(r"[*_]{0,2}+[^\w\s]?+[ \t]?+[0-9][0-9.,\u00a0\u202f' ]{0,20}+[^\W\d_]{0,3}+[ \t]?+%?+[*_]{0,2}+")


def is_totals_row(cells: Sequence[str], total_words: frozenset[str]) -> bool:
    """A table's last row sums the rows above it (``totals_row``): its first cell a totals word, the rest figures.

    ``| **Total** | | | **1,250** |`` under a priorities table with a Budget column, ``<tfoot><th>Total</th>...``:
    the row holds no area, focus or outcome, only the sum of a figures column, so it stays in ``table_rows``
    (lossless) and is marked as a group label is, which ``priorities`` leaves out. Near misses: a row whose
    first cell is an area (``| Total Defence | Civil preparedness | ... |``, Nordic "total defence") holds text
    in the role cells, and a totals word beside words (``| Total | 3 areas | 9 measures |``) is read as written.
    """
    if len(cells) < 2 or normalize_header(cells[0]) not in total_words:
        return False
    rest = [cell.strip() for cell in cells[1:]]
    return any(rest) and all(not cell or _FIGURE.fullmatch(cell) for cell in rest)


def mark_totals_row(rows: Sequence) -> None:
    """Marks a table's last row as no priority when it is a totals row (``is_totals_row``) under two or more rows,
    and its first row when it is a units row (``is_units_row``) over two or more."""
    if len(rows) >= 3 and not rows[-1].about_other_rows:
        rows[-1].about_other_rows = is_totals_row(rows[-1].cells, load_header_synonyms().total_words)
    if len(rows) >= 3 and not rows[0].about_other_rows:
        rows[0].about_other_rows = is_units_row(rows[0].cells)


# A units note in a cell: all of it in parentheses or square brackets ("(EUR million)", "[by 2030]").
_BRACKETED = re.compile(r"\([^()]{1,40}+\)|\[[^\[\]]{1,40}+\]")


def is_units_row(cells: Sequence[str]) -> bool:
    """A table's first body row giving its columns' units (``units_row``): the first cell empty, every
    other cell empty or a bracketed note (``| | | (EUR million) | (by 2030) |``).

    Spreadsheets and reports set a header's units in a row of their own under it; the row names no
    area, focus or outcome, so it stays in ``table_rows`` (lossless) and ``priorities`` leaves it out,
    as a totals row. Near misses: a row with an area (``| Air | (classified) | ... |``) or with any
    cell of plain text (``| | Counter-drone systems | (2027) |``) is a row.
    """
    if len(cells) < 2 or cells[0].strip():
        return False
    rest = [cell.strip() for cell in cells[1:]]
    return any(rest) and all(not cell or _BRACKETED.fullmatch(cell) for cell in rest)


def is_spanning_label(n_cells: int, row: list[str], width: int) -> bool:
    """``<tr><td colspan=3><i>Eastern flank</i></td></tr>`` among a table's body rows: one cell with text spanning
    every column, a label for the rows below (``spanning_group_row``), as ``group_label_row`` reads
    ``| **Eastern flank** | | |``.

    It holds no focus or outcome, only a group's name; it stays in ``table_rows`` and ``priorities`` leaves it
    out. Near misses are rows: a cell spanning some columns beside others (``<td colspan=2>Quantum</td><td>Better
    detection</td>``), an empty spanning cell. A spanning caption (``Source: ...``) is a note (``is_footer_note``).
    """
    return n_cells == 1 and width > 1 and len(row) == width and bool(row[0])
