"""Plain-text tables the segmentation pass rewrites as pipe tables: pandoc grid and simple tables,
tab-separated rows (a pasted spreadsheet).

markdown-it reads neither; rewritten as GFM pipe rows, each keeping its first source
line, they become ``table_rows`` and ``priorities`` like any markdown table. A mixin of
the segmenter: it shares its output (``emit``) and its state of the line being read.
"""

from __future__ import annotations

from collections.abc import Callable

from nato_briefs.reader.lines import is_blank, is_block_line
from nato_briefs.reader.rules import (
    grid_border,
    grid_cells,
    is_table_row,
    simple_table_cells,
    simple_table_columns,
    tab_fields,
)


class TextTables:
    """The segmenter's plain-text table states and steps (``_Segmenter`` sets the state up)."""

    grid: _Grid | None
    simple: list[int] | None
    simple_rule: bool
    tsv_width: int | None
    in_list: bool
    in_table: bool
    prev: str
    # and the segmenter's own steps: ``emit``, ``blank``, ``at_top_level``
    emit: Callable[[str, int], None]
    blank: Callable[[], None]
    at_top_level: Callable[[], bool]

    def grid_start(self, line: str, nxt: str) -> bool:
        """A ``+---+`` border over a ``| ... |`` line opens a grid table (pandoc's export of multi-line cells)."""
        if grid_border(line) != "-":
            return False
        n_columns = line.rstrip(" \t").count("+") - 1
        if grid_cells(nxt, n_columns) is None:
            return False
        self.grid = _Grid(n_columns)
        self.prev = line
        return True

    def grid_line(self, i: int, line: str) -> bool:
        """Take one line of the open grid table; False when the line is not part of it."""
        grid = self.grid
        assert grid is not None
        border = grid_border(line)
        if border is not None:
            grid.close_row(header=border == "=")
            return True
        cells = grid_cells(line, grid.n_columns)
        if cells is None:
            return False
        grid.add(cells, i + 1)
        return True

    def grid_end(self) -> None:
        """Write the grid table read so far as a GFM pipe table, each row at its first line."""
        grid, self.grid = self.grid, None
        if grid is None:
            return
        grid.close_row(header=False)
        rows = grid.header + grid.body
        if not rows:
            return
        self.blank()
        (head, head_line), body = rows[0], rows[1:]
        self.emit(_pipe_row(head), head_line)
        self.emit("|" + "---|" * grid.n_columns, head_line)
        for cells, line in body:
            self.emit(_pipe_row(cells), line)
        self.blank()
        self.prev = ""

    # pandoc simple tables -----------------------------------------------------------
    def simple_start(self, i: int, line: str, nxt: str) -> bool:
        """A header line over a ``----- -----`` rule opens a pandoc simple table (columns by position)."""
        starts = simple_table_columns(nxt)
        if starts is None or self.tsv_width is not None or is_table_row(line):
            return False
        header = simple_table_cells(line, starts)
        if sum(1 for cell in header if cell) < 2 or any(line[k - 1 : k] not in ("", " ") for k in starts[1:]):
            return False  # a header word across a column start: prose over a spaced thematic break
        self.blank()
        self.emit(_pipe_row(header), i + 1)
        self.emit("|" + "---|" * len(starts), i + 1)
        self.simple, self.simple_rule, self.prev = starts, True, line
        return True

    def simple_row(self, i: int, line: str) -> bool:
        """A body line of the open simple table; a blank line or a closing rule ends it."""
        starts = self.simple
        assert starts is not None
        if self.simple_rule:
            self.simple_rule = False
            return True
        if is_blank(line) or simple_table_columns(line) is not None:
            self.simple = None
            self.emit("", i + 1)
            self.prev = ""
            return True
        if is_block_line(line):  # a heading or an item directly below ends the table
            self.simple = None
            self.blank()
            self.prev = ""
            return False
        self.emit(_pipe_row(simple_table_cells(line, starts)), i + 1)
        self.prev = line
        return True

    # tab-separated tables -----------------------------------------------------------
    def tab_separated(self, i: int, line: str, nxt: str) -> bool:
        """The line is a row of a tab-separated table (and was emitted as a pipe row)."""
        if self.tsv_width is not None:
            return self.tsv_row(i, line)
        return not self.in_list and not self.in_table and self.tsv_start(i, line, nxt)

    def tsv_start(self, i: int, line: str, nxt: str) -> bool:
        """Two rows with the same number of tab-separated cells open a table (a pasted spreadsheet)."""
        fields = tab_fields(line)
        below = tab_fields(nxt) if fields else None
        if not fields or not below or len(below) != len(fields):
            return False
        self.blank()
        self.emit(_pipe_row(fields), i + 1)
        self.emit("|" + "---|" * len(fields), i + 1)
        self.tsv_width = len(fields)
        self.prev = line
        return True

    def tsv_row(self, i: int, line: str) -> bool:
        fields = tab_fields(line)
        if not fields or len(fields) != self.tsv_width:
            return False
        self.emit(_pipe_row(fields), i + 1)
        self.prev = line
        return True


class _Grid:
    """A pandoc grid table being read: logical rows, each made of one or more physical lines."""

    def __init__(self, n_columns: int) -> None:
        self.n_columns = n_columns
        self.header: list[tuple[list[str], int]] = []
        self.body: list[tuple[list[str], int]] = []
        self.parts: list[list[str]] | None = None  # fragments per column of the open row
        self.line = 0

    def add(self, cells: list[str], line: int) -> None:
        if self.parts is None:
            self.parts, self.line = [[] for _ in cells], line
        for part, cell in zip(self.parts, cells, strict=True):
            if cell:
                part.append(cell)

    def close_row(self, header: bool) -> None:
        if self.parts is None:
            return
        row = ([" ".join(part) for part in self.parts], self.line)
        self.parts = None
        if header and not self.body:
            self.header.append(row)
        else:
            self.body.append(row)


def _pipe_row(cells: list[str]) -> str:
    """Cells as a GFM table row, their own pipes escaped."""
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
