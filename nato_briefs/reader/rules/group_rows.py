"""A table's group-label rows: ``| **Eastern flank** | | |`` over the rows of that group (``group_label_row``).

Writers group a table's rows under a label of their own: a row whose first cell alone holds text, all of
it bold, the other cells written out empty. It names the rows below (a heading inside the table), not a row of data:
the row stays in ``table_rows`` (lossless) and is marked, so that ``priorities`` leaves it out
(docs/READING.md, "Group-label rows").
"""

from __future__ import annotations

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
