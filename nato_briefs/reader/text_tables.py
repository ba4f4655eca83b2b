"""Plain-text tables the segmentation pass rewrites as pipe tables: pandoc grid, simple and multiline
tables, tab-separated rows (a pasted spreadsheet).

markdown-it reads neither; rewritten as GFM pipe rows, each keeping its first source
line, they become ``table_rows`` and ``priorities`` like any markdown table. A mixin of
the segmenter: it shares its output (``emit``) and its state of the line being read.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from nato_briefs.reader.lines import is_blank, is_block_line
from nato_briefs.reader.modes import Mode
from nato_briefs.reader.rules import (
    aligned_cells,
    aligned_columns,
    aligned_continuation,
    asciidoc_columns,
    crosses_columns,
    csv_delimiter,
    csv_fields,
    grid_border,
    grid_cell_fragment,
    grid_cells,
    is_caption,
    is_dash_line,
    is_empty_tab_row,
    is_solid_rule,
    is_table_row,
    mediawiki_caption,
    opens_pre_table,
    quoted_tab_row,
    row_borders,
    rst_directive,
    rst_directive_body,
    rst_table_columns,
    simple_table_cells,
    simple_table_columns,
    simple_table_runs_out,
    spaced_rows_end,
    spaced_simple_row,
    splits_into_rows,
    tab_fields,
    table_margin,
    tabular_rows,
    title_under_rows,
    wrapped_role_header,
)
from nato_briefs.reader.rules.authoring import (
    MAX_RST_HEADER_LINES,
    Cell,
    asciidoc_cells,
    cell_list_text,
    cells_in_rows,
    dsv_rows,
    is_span_underline,
    markdoc_rows,
    mediawiki_cell,
    spanned_rows,
    stacked_header,
    typst_rows,
)
from nato_briefs.reader.rules.pipeline_text import after_page_turn, is_mail_header_field
from nato_briefs.reader.rules.tables import MIN_SPACED_SIMPLE_ROWS, tab_row_under_item, wrapped_tab_row
from nato_briefs.reader.rules.titles import is_page_turn_furniture
from nato_briefs.reader.rules.tool_copies import overflow_cells


class TextTables:
    """The segmenter's plain-text table states and steps (``_Segmenter`` sets the state up)."""

    mode: Mode
    grid: _Grid | None
    simple: list[int] | None
    simple_rule: bool
    simple_spaced_end: int | None
    tsv_width: int | None
    skip_to: int  # lines before this index were written already (a multiline table, whole)
    in_list: bool
    items: list  # the open list's items (the segmenter's ``_OpenItem``s)
    in_table: bool
    prev: str
    lines: list[str]
    # and the segmenter's own steps: ``emit``, ``blank``, ``at_top_level``, ``end_list``
    emit: Callable[[str, int], None]
    end_list: Callable[[], None]
    blank: Callable[[], None]
    at_top_level: Callable[[], bool]

    def grid_start(self, line: str, nxt: str) -> bool:
        """A ``+---+`` border over a ``| ... |`` line opens a grid table (pandoc's export of multi-line cells)."""
        if grid_border(line) != "-":
            return False
        n_columns = line.rstrip(" \t").count("+") - 1
        if grid_cells(nxt, n_columns) is None:
            return False
        self.mode, self.grid = Mode.GRID, _Grid(n_columns)
        self.prev = line
        return True

    def pre_table_start(self, i: int, line: str, nxt: str) -> bool:
        """``<pre>`` over a grid table (``pre_table``): the line is markup, the grid below opens as a table."""
        if not opens_pre_table(line, nxt):
            return False
        self.blank()
        self.emit("", i + 1)
        self.prev = ""
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
        self.mode = Mode.TEXT
        grid.close_row(header=False)
        rows = grid.rows()
        if rows:
            self.pipe_table(rows)
            self.blank()

    def pipe_table(self, rows: list[tuple[list[str], int]], paged: bool = False) -> None:
        """Write rows (the first the header) as a GFM pipe table after a blank line, each at its source line.

        A table written from another syntax is read as written (``converted``), never split at a row that
        repeats its header, unless it is ``paged``: laid out for print, where a page break repeats the header.
        """
        self.blank()
        (head, head_line), body = rows[0], rows[1:]
        if not paged:
            self.converted.add(len(self.out))
        self.emit(_pipe_row(head), head_line)
        self.emit("|" + "---|" * len(head), head_line)
        for cells, line in body:
            self.emit(_pipe_row(cells), line)
        self.prev = ""

    # pandoc multiline tables --------------------------------------------------------
    def multiline_start(self, i: int, line: str) -> bool:
        """A dash line after a blank line, over header lines and a column rule, opens a pandoc multiline table.

        The table is read whole here (its closing border decides whether it is one),
        written as a pipe table, and its lines are skipped as the pass reaches them.
        """
        if (i and not is_blank(self.lines[i - 1])) or not is_dash_line(line):
            return False  # under a text line the dashes are a setext underline
        table = multiline_table(self.lines, i)
        if table is None:
            return False
        self.pipe_table(table.rows)  # the blank line after the closing border ends it
        self.skip_to = table.end + 1
        return True

    def dashed_table_start(self, i: int, line: str, nxt: str) -> bool:
        """The line opens a pandoc multiline table (a dash line) or simple table (over a column rule)."""
        if "---" in line[:6] and self.at_top_level() and self.multiline_start(i, line):
            return True
        return "---" in nxt and not is_blank(line) and self.at_top_level() and self.simple_start(i, line, nxt)

    def csv_start(self, i: int, line: str) -> bool:
        """A pasted CSV table (``csv_row``): a header and two or more rows, read whole from the header.

        Also an AsciiDoc CSV table (``,===`` or ``|===`` with ``format=csv`` over CSV lines):
        its delimiter lines are markup.
        """
        top = i + 1 if line.rstrip(" \t") in _ASCIIDOC_CSV_FENCE else i
        table = csv_table(self.lines, top)
        if table is None:
            return False
        end = table.end
        if top > i and end + 1 < len(self.lines) and self.lines[end + 1].rstrip(" \t") == line.rstrip(" \t"):
            end += 1  # the closing delimiter
        return self.write_whole(table, end)

    def write_whole(self, table: MultilineTable, end: int | None = None, paged: bool = False) -> bool:
        """Write a table read whole from its first line as a pipe table; the pass skips its lines (to ``end``)."""
        self.pipe_table(table.rows, paged)
        self.blank()
        self.skip_to = (table.end if end is None else end) + 1
        return True

    def aligned_start(self, i: int, line: str) -> bool:
        """A space-aligned table after a blank line or a title (``aligned_table``): a header and two or more rows.

        A bare title line directly above (``Priorities`` over the header, as a PDF's text layer gives it)
        leaves ``prev`` blank: the title stands alone, so the table may start under it (``aligned_under_title``).
        """
        if i and not is_blank(self.lines[i - 1]) and not is_blank(self.prev):
            return False
        table = aligned_table(self.lines, i)
        if table is None:
            return False
        # paged: pdftotext -layout repeats the header row at the top of each page, behind a form feed that
        # cleaning dropped, so the rows run on into it (``aligned_repeated_header``)
        return self.write_whole(table, paged=True)

    def latex_table_start(self, i: int, line: str) -> bool:
        """A LaTeX ``tabular`` read whole (``tabular``): its first row the header, its rules no rows."""
        found = tabular_rows(self.lines, i)
        if found is None:
            return False
        rows, end = found
        return self.write_whole(MultilineTable(rows, end))

    def directive_table_start(self, i: int, line: str) -> bool:
        """A reST ``list-table`` or ``csv-table`` directive read whole (``rst_directive_table``); its title is prose."""
        found = rst_directive_table(self.lines, i)
        if found is None:
            return False
        table, title = found
        if title:
            self.blank()
            self.emit(title, i + 1)
        return self.write_whole(table)

    def wiki_table_start(self, i: int, line: str) -> bool:
        """A MediaWiki ``{|``, AsciiDoc ``|===`` or reST ``===  ===`` table read whole from this line."""
        body = line.strip(" \t")
        if body.startswith("{|"):
            table = mediawiki_table(self.lines, i)
        elif body == "|===":
            table = asciidoc_table(self.lines, i, asciidoc_columns(self.lines[i - 1]) if i else None)
        elif body[:1] in ":{#":  # AsciiDoc's ":===" (DSV), Markdoc's "{% table %}" or Typst's "#table("
            reader = dsv_rows if body == ":===" else (typst_rows if body[:1] == "#" else markdoc_rows)
            found = reader(self.lines, i)
            table = MultilineTable(*found) if found is not None else None
        else:
            table = rst_simple_table(self.lines, i)
        if table is None:
            return False
        if table.caption is not None:
            self.blank()
            self.emit(table.caption[0], table.caption[1])
        return self.write_whole(table)

    # pandoc simple tables -----------------------------------------------------------
    def simple_start(self, i: int, line: str, nxt: str) -> bool:
        """A header line over a ``----- -----`` rule opens a pandoc simple table (columns by position)."""
        starts = simple_table_columns(nxt)
        if starts is None or self.tsv_width is not None or is_table_row(line):
            return False
        header = simple_table_cells(line, starts)
        if sum(1 for cell in header if cell) < 2 or crosses_columns(line, starts):
            return False  # a header word across a column start: prose over a spaced thematic break
        self.blank()
        self.converted.add(len(self.out))  # a table written from another syntax: no repeated-header split
        self.emit(_pipe_row(header), i + 1)
        self.emit("|" + "---|" * len(starts), i + 1)
        self.mode, self.simple, self.simple_rule, self.prev = Mode.SIMPLE, starts, True, line
        self.simple_spaced_end = None
        return True

    def simple_row(self, i: int, line: str) -> bool:
        """A body line of the open simple table; a blank line or a closing rule ends it."""
        starts = self.simple
        assert starts is not None
        if self.simple_rule:
            self.simple_rule = False
            return True
        if self.simple_spaced_end is None:  # the first body line: a blank one measures the double-spaced run
            row = partial(spaced_simple_row, self.lines, starts=starts)
            spaced = is_blank(line)
            self.simple_spaced_end = spaced_rows_end(self.lines, i, row, MIN_SPACED_SIMPLE_ROWS) if spaced else -1
        if is_blank(line) and i < self.simple_spaced_end:
            return True  # a blank under the rule, then rows apart by blanks (``blank_between_rows``): the table goes on
        if simple_table_columns(line) is not None and self.totals_row_follows(i, starts):
            return True  # a rule over a totals row: the table goes on (``totals_row``)
        if is_blank(line) or simple_table_columns(line) is not None:
            self.mode, self.simple = Mode.TEXT, None
            self.emit("", i + 1)
            self.prev = ""
            return True
        below = self.lines[i + 1] if i + 1 < len(self.lines) else ""
        if is_block_line(line) or simple_table_runs_out(line, starts, is_block_line(below)):
            # a heading or an item directly below ends the table, as do a caption, prose and a title
            self.mode, self.simple = Mode.TEXT, None
            self.blank()
            self.prev = ""
            return False
        self.emit(_pipe_row(simple_table_cells(line, starts)), i + 1)
        self.prev = line
        return True

    def totals_row_follows(self, i: int, starts: list[int]) -> bool:
        """Under a simple table's rule, one row and then a blank line (or the end): a totals row (``totals_row``).

        Agate tables in wire copy rule off their ``Total`` line; pandoc would end the table at the rule
        and leave the total as a paragraph.
        """
        below = self.lines[i + 1] if i + 1 < len(self.lines) else ""
        after = self.lines[i + 2] if i + 2 < len(self.lines) else ""
        return (
            not is_blank(below)
            and is_blank(after)
            and simple_table_columns(below) is None
            and not is_block_line(below)
            and not crosses_columns(below, starts)
            and sum(1 for cell in simple_table_cells(below, starts) if cell) >= 2  # a row, not a note under it
        )

    # tab-separated tables -----------------------------------------------------------
    def tab_separated(self, i: int, line: str, nxt: str) -> bool:
        """The line is a row of a tab-separated table (and was emitted as a pipe row)."""
        if self.tsv_width is not None:
            return self.tsv_row(i, line)
        if self.in_table or (self.in_list and self.prev.strip() and not tab_row_under_item(line, nxt)):
            return False  # a tab in an item's wrapped line; after a blank line an unindented row ends the list
        if not self.tsv_start(i, line, nxt):
            return False
        self.end_list()
        return True

    def empty_tab_row(self, i: int, line: str, nxt: str) -> bool:
        """An empty spreadsheet row (tabs only) inside a pasted table: skipped, the table goes on.

        Spreadsheets leave empty rows between a header and its data or between groups; pasted,
        such a row is a line of tabs, which is blank to markdown and would split the table.
        """
        if self.tsv_width is None or not is_empty_tab_row(line):
            return False
        below = tab_fields(nxt)
        if below is None or len(below) != self.tsv_width:
            return False
        self.prev = line
        return True

    def tsv_start(self, i: int, line: str, nxt: str) -> bool:
        """Two rows with the same number of tab-separated cells open a table (a pasted spreadsheet).

        An empty spreadsheet row between them (``empty_tab_row``) is looked over.
        """
        fields = tab_fields(line)
        if fields and is_empty_tab_row(nxt) and i + 2 < len(self.lines):
            nxt = self.lines[i + 2]
        below = tab_fields(nxt) if fields else None
        if fields and (not below or len(below) != len(fields)) and i + 1 < len(self.lines):
            found = quoted_tab_row(self.lines, i + 1, len(fields)) or wrapped_tab_row(self.lines, i + 1, len(fields))
            below = fields if found else None  # a cell with line breaks, or a row an e-mail client wrapped
        if not fields or not below or len(below) != len(fields) or is_mail_header_field(fields):
            return False  # a forwarded message's "From:<TAB>..." fields are no table (``mail_header_fields``)
        joined = wrapped_role_header(fields, below) if tab_fields(self.lines[i + 1]) == below else None
        if joined is not None and i + 2 < len(self.lines) and len(tab_fields(self.lines[i + 2]) or ()) == len(fields):
            fields, self.skip_to = joined, i + 2  # "Priority<TAB>Key" over "Area<TAB>Focus": one header
        self.blank()  # not ``converted``: a spreadsheet's print titles repeat its header row (``tsv_repeated_header``)
        self.emit(_pipe_row(fields), i + 1)
        self.emit("|" + "---|" * len(fields), i + 1)
        self.tsv_width = len(fields)
        self.prev = line
        return True

    def tsv_row(self, i: int, line: str) -> bool:
        fields = tab_fields(line)
        if self.tsv_width is not None:
            # a quoted cell with line breaks, or a row cut by an e-mail's line length (``wrapped_tab_row``)
            quoted = quoted_tab_row(self.lines, i, self.tsv_width) if len(fields or ()) != self.tsv_width else None
            joined = quoted or wrapped_tab_row(self.lines, i, self.tsv_width)
            if joined is not None:
                fields, self.skip_to = joined[0], joined[1] + 1
        if not fields or len(fields) != self.tsv_width:
            return False
        self.emit(_pipe_row(fields), i + 1)
        self.prev = line
        return True


@dataclass(frozen=True, slots=True)
class MultilineTable:
    """A pandoc multiline table read whole: its rows (the header first) and where it ends."""

    rows: list[tuple[list[str], int]]  # each row's cells, its wrapped lines joined, and its first source line
    end: int  # index of the closing border line
    caption: tuple[str, int] | None = None  # a MediaWiki "|+ caption": its text and source line, prose


def multiline_table(lines: list[str], top: int) -> MultilineTable | None:
    """The pandoc multiline table whose top border is ``lines[top]``, or None when it is not one.

    pandoc's layout: a dash line, header lines, a column rule (``----- ------``),
    rows separated by blank lines whose cells wrap across lines, and a closing
    dash line (or rule) followed by a blank line. No line may put a character
    right before a column start: prose between two rules does, a table never.
    Each scan stops at the first blank or dash line, so the pass stays linear.
    """
    rule = _column_rule_below(lines, top)
    if rule is None:
        return None
    starts = simple_table_columns(lines[rule])
    assert starts is not None
    header = range(top + 1, rule)
    if any(crosses_columns(lines[j], starts) for j in header):
        return None
    found = _row_groups(lines, rule + 1, starts)
    if found is None:
        return None
    groups, end = found
    rows = [_joined_row(lines, group, starts) for group in [list(header), *groups]]
    return MultilineTable(rows, end)


def multiline_table_lines(lines: list[str]) -> frozenset[int]:
    """The indexes of every line of the document's pandoc multiline tables, top border to closing border.

    A table's extent, read from its borders (``multiline_table``), wins over what a line inside it looks like:
    the whole-document passes that blank lines by their look leave these be (a row ``0        P. 0`` is no
    PDF page's footer, ``0        A`` under it no running header). A border opens a table after a blank line,
    as the segmenter reads it (``TextTables.multiline_start``).
    """
    tabled: set[int] = set()
    k = 0
    while k < len(lines):
        table = multiline_table(lines, k) if is_dash_line(lines[k]) and (not k or is_blank(lines[k - 1])) else None
        if table is None:
            k += 1
            continue
        tabled.update(range(k, table.end + 1))
        k = table.end + 1
    return frozenset(tabled)


def _column_rule_below(lines: list[str], top: int) -> int | None:
    """Index of the column rule under one or more header lines below the top border, or None."""
    for j in range(top + 1, len(lines)):
        line = lines[j]
        if is_blank(line) or is_dash_line(line):
            return None  # a rule between paragraphs, or two in a row
        if simple_table_columns(line) is not None:
            return j if j > top + 1 else None
    return None


def _row_groups(lines: list[str], start: int, starts: list[int]) -> tuple[list[list[int]], int] | None:
    """The body's rows (line indexes, blank-line separated) and the closing border's index, or None."""
    groups: list[list[int]] = []
    current: list[int] = []
    for j in range(start, len(lines)):
        line = lines[j]
        if is_blank(line):
            if current:
                groups.append(current)
                current = []
        elif is_dash_line(line) or simple_table_columns(line) is not None:
            if j + 1 < len(lines) and not is_blank(lines[j + 1]):
                return None  # pandoc: a blank line after the closing border
            if current:
                groups.append(current)
            return (groups, j) if groups else None
        elif crosses_columns(line, starts):
            return None
        else:
            current.append(j)
    return None  # no closing border: not a multiline table


def _joined_row(lines: list[str], group: list[int], starts: list[int]) -> tuple[list[str], int]:
    """One row: each column's fragments over the row's lines joined by a space, at its first line (1-based)."""
    parts: list[list[str]] = [[] for _ in starts]
    for j in group:
        for part, cell in zip(parts, simple_table_cells(lines[j], starts), strict=True):
            if cell:
                part.append(cell)
    return [" ".join(part) for part in parts], group[0] + 1


class _Grid:
    """A pandoc grid table being read: logical rows, each made of one or more physical lines."""

    def __init__(self, n_columns: int) -> None:
        self.n_columns = n_columns
        self.header: list[tuple[list[str], int]] = []
        self.body: list[tuple[list[str], int]] = []
        self.parts: list[list[str]] | None = None  # fragments per column of the open row
        self.line = 0
        self.physical: list[tuple[list[str], int]] = []  # the open row's lines, as written
        self.ruled = False  # a "+===+" rule set the header off: pandoc's table, whose rows may wrap
        self.blocks: list[list[tuple[list[str], int]]] = []  # without that rule: each bordered block, as written

    def add(self, cells: list[str], line: int) -> None:
        if self.parts is None:
            self.parts, self.line, self.physical = [[] for _ in cells], line, []
        self.physical.append((cells, line))
        for part, cell in zip(self.parts, map(grid_cell_fragment, cells), strict=True):
            if cell:  # a fence line inside the cell is markup (``grid_cell_markup``)
                part.append(cell)

    def close_row(self, header: bool) -> None:
        if self.parts is None:
            return
        row = ([cell_list_text(part) for part in self.parts], self.line)
        self.parts = None
        if header and not self.body and not self.blocks:
            self.header.append(row)
            self.ruled = True
        elif self.ruled:
            self.body.append(row)
        else:
            self.blocks.append(self.physical)

    def rows(self) -> list[tuple[list[str], int]]:
        """The table's rows, the header first.

        Without a ``+===+`` header rule the first bordered block is the header; a body
        with borders between its rows (``row_borders``) is read block by block, each
        block one row of wrapped cells; a single body block of full lines is a
        database client's result, a record a line.
        """
        if self.ruled or not self.blocks:
            return self.header + self.body
        rows = [_joined(self.blocks[0])]
        body = self.blocks[1:]
        for block in body:
            if not row_borders(len(body)) and splits_into_rows([cells for cells, _ in block]):
                rows.extend(block)
            else:
                rows.append(_joined(block))
        return rows


def _joined(block: list[tuple[list[str], int]]) -> tuple[list[str], int]:
    """One row of a grid table: each column's fragments over the block's lines joined by a space."""
    parts: list[list[str]] = [[] for _ in block[0][0]]
    for cells, _ in block:
        for part, cell in zip(parts, cells, strict=True):
            if cell:
                part.append(cell)
    return [" ".join(part) for part in parts], block[0][1]


def _pipe_row(cells: list[str]) -> str:
    """Cells as a GFM table row, their own pipes escaped."""
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


# wiki markup tables, read whole from their opening line ---------------------------------
def mediawiki_table(lines: list[str], top: int) -> MultilineTable | None:
    """The MediaWiki table opened by ``{|`` at ``lines[top]``, or None (``mediawiki_table`` rule).

    ``!`` lines hold header cells (split on ``!!``), ``|`` lines data cells (split on
    ``||``), ``|-`` ends a row and ``|}`` the table. The scan stops at a blank line or
    another ``{|``, so no line is read twice whatever the outcome.
    """
    rows: list[tuple[list[Cell], int]] = []
    cells: list[str] = []
    first = 0
    caption: tuple[str, int] | None = None
    for j in range(top + 1, len(lines)):
        body = lines[j].strip(" \t")
        if j == top + 1 and body[:2] == "|+" and mediawiki_caption(body) is not None:
            caption = (mediawiki_caption(body) or "", j + 1)  # the table's title, prose
            continue
        if not body or body.startswith(("{|", "|+")):
            return None  # a later caption, a nested table or a blank line: left as written
        if body.startswith(("|-", "|}")):
            if cells:
                rows.append(([mediawiki_cell(cell) for cell in cells], first))
                cells = []
            if body.startswith("|}"):
                return MultilineTable(spanned_rows(rows), j, caption) if len(rows) >= 2 else None
            continue
        if body[0] in "!|":
            if not cells:
                first = j + 1
            sep = "!!" if body[0] == "!" else "||"
            cells.extend(body[1:].split(sep))  # a cell's attributes and spans are read with its row
        elif cells:
            cells[-1] = f"{cells[-1]} {body}"  # a cell's text wrapped onto the next line
        else:
            return None
    return None


def asciidoc_table(lines: list[str], top: int, width: int | None = None) -> MultilineTable | None:
    """The AsciiDoc table between ``|===`` at ``lines[top]`` and the next ``|===``, or None.

    The first row is the header; it sets the number of columns unless the attribute line
    declares them (``width``, from ``[cols="1,1,1"]``: then the header's cells too may stand
    one a line). The body's cells may stand one a line (``|Space``), blank lines between
    rows. A line without a leading ``|`` continues the cell above. A table without its
    closing ``|===`` is left as written.
    """
    cells: list[tuple[Cell, int]] = []  # every cell in order, the header's first, with its spans and line
    for j in range(top + 1, len(lines)):
        body = lines[j].strip(" \t")
        if body == "|===":
            return _asciidoc_rows(cells, width, j)
        if not body:
            continue
        parts = asciidoc_cells(body) if body[0] == "|" or "|" in body[:12] else None
        if parts is None:
            if not cells:
                return None
            (text, down, across), at = cells[-1]
            cells[-1] = ((f"{text} {body}", down, across), at)
            continue
        if width is None:
            width = sum(across for _, _, across in parts)  # no declared width: the header line's cells set it
        cells.extend((cell, j + 1) for cell in parts)
    return None


def _asciidoc_rows(cells: list[tuple[Cell, int]], width: int | None, end: int) -> MultilineTable | None:
    """The table's rows: its cells in order, ``width`` a row (the first the header), each at its first cell's line.

    None unless there are two columns at least, a body row, and no row left short (``cells_in_rows``).
    """
    if width is None or width < 2:
        return None
    rows = cells_in_rows(cells, width)
    return MultilineTable(rows, end) if rows is not None and len(rows) >= 2 else None


# AsciiDoc's table delimiters that may hold CSV lines (``,===`` and ``;===`` always do).
_ASCIIDOC_CSV_FENCE = frozenset({"|===", ",===", ";===", ":==="})
# Fewest rows (the header included) a pasted CSV table has: one row alone is a sentence with commas.
MIN_CSV_ROWS = 3


def csv_table(lines: list[str], top: int) -> MultilineTable | None:
    """The CSV table whose header row is ``lines[top]``, or None (``csv_row``).

    A header with every cell filled, then rows of the same number of cells up to the first
    line that is none; three rows at least. The header is checked before any scan, and a
    scan stops at the first line that is no row: each line is read once in a run.
    """
    if top >= len(lines):
        return None
    delimiter = csv_delimiter(lines[top])
    if delimiter is None:
        return None
    header = csv_fields(lines[top], delimiter)
    assert header is not None
    rows = [(header, top + 1)]
    j = top + 1
    while j < len(lines):
        cells = csv_fields(lines[j], delimiter)
        if cells is None or len(cells) != len(header):
            break
        rows.append((cells, j + 1))
        j += 1
    return MultilineTable(rows, j - 1) if len(rows) >= MIN_CSV_ROWS else None


# Fewest body rows of a space-aligned table: one aligned line under a header may be two sentences' ends.
MIN_ALIGNED_ROWS = 2


def aligned_table(lines: list[str], top: int) -> MultilineTable | None:
    """The space-aligned table whose header is ``lines[top]`` (``aligned_table``), or None.

    Rows follow up to the first blank line or line that is none (a word across a column
    start); the scan stops there, so each line is read once in a run. A line with its first
    column empty continues the row above (``aligned_continuation``); the table may be
    indented by up to three spaces, its rows by as many (``table_margin``).
    """
    margin = table_margin(lines[top])
    starts = aligned_columns(lines[top][margin:])
    if starts is None:
        return None
    rows = [(simple_table_cells(lines[top][margin:].rstrip(" \t"), starts), top + 1)]
    j = top + 1
    if j < len(lines) and is_solid_rule(lines[j]):
        j += 1  # pdftotext's rule under the header (``solid_rule``): no row
    while j < len(lines) and lines[j][:margin].strip(" ") == "":
        body = lines[j][margin:]
        cells = aligned_cells(body, starts) or overflow_cells(body, starts)  # a long cell pushed the rest right
        if cells is not None:
            rows.append((cells, j + 1))
        elif len(rows) > 1 and (more := aligned_continuation(body, starts)) is not None:
            above, at = rows[-1]
            rows[-1] = ([f"{cell} {extra}".strip(" ") for cell, extra in zip(above, more, strict=True)], at)
        elif len(rows) > 1 and (turn := _page_turn(lines, j, starts, margin)) is not None:
            j = turn  # the rows go on under the next page's header (``page_turn``)
            continue
        else:
            break
        j += 1
    if len(rows) > MIN_ALIGNED_ROWS + 1 and (joined := wrapped_role_header(rows[0][0], rows[1][0])) is not None:
        rows = [(joined, rows[0][1]), *rows[2:]]  # "Priority  Key" over "Area  Focus" with no rule: one header
    if len(rows) - 1 < MIN_ALIGNED_ROWS or (j < len(lines) and not is_blank(lines[j]) and not _titled_end(lines, j)):
        return None
    return MultilineTable(wrapped_header(rows), j - 1)


def _titled_end(lines: list[str], j: int) -> bool:
    """The line under an aligned table's last row, no blank between, is the table's caption or the next section's
    title over an item, a heading or a blank (``simple_table_run_out``: ``Key initiatives`` over ``- Name: ...``), so
    the table ends there as at a blank line; any other line keeps the table unread (prose set in columns)."""
    below = lines[j + 1] if j + 1 < len(lines) else ""
    text = lines[j].strip(" \t")
    return is_caption(text) or title_under_rows(text, is_blank(below) or is_block_line(below))


def _page_turn(lines: list[str], j: int, starts: list[int], margin: int) -> int | None:
    """The line where an aligned table's rows go on after a page's footer and the next page's header, or None."""
    if lines[j].strip(" \t"):
        return None  # a page turn opens with a blank line under the last row
    return after_page_turn(
        lines,
        j,
        lambda line: line[:margin].strip(" ") == "" and aligned_cells(line[margin:], starts) is not None,
        is_page_turn_furniture,
    )


# How many lines a wrapped header may take above its rule (``wrapped_header``).
MAX_HEADER_LINES = 3
_RULE_CHARS = frozenset("-=:+")


def wrapped_header(rows: list[tuple[list[str], int]]) -> list[tuple[list[str], int]]:
    """An aligned table's header written over two or three lines above a dash rule, joined per column
    (``wrapped_header``: "Priority / Area" -> "Priority Area"); the rule is no row. Else the rows as found."""
    for r in range(1, min(MAX_HEADER_LINES, len(rows) - 2) + 1):
        if all(cell and set(cell) <= _RULE_CHARS for cell in rows[r][0]):
            header = [
                " ".join(part for part in parts if part) for parts in zip(*(rows[k][0] for k in range(r)), strict=True)
            ]
            return [(header, rows[0][1]), *rows[r + 1 :]]
    return rows


def rst_directive_table(lines: list[str], top: int) -> tuple[MultilineTable, str] | None:
    """The table of a reST ``.. list-table::`` or ``.. csv-table::`` directive at ``lines[top]``, and its title.

    Sphinx and docutils render these as tables; markdown reads a list-table's rows as nested
    lists and a csv-table's as prose. The first row (or a csv-table's ``:header:``) heads it.
    """
    found = rst_directive(lines[top])
    if found is None or found[0] not in ("list-table", "csv-table"):
        return None
    options, body, end = rst_directive_body(lines, top)
    rows = _list_table_rows(body) if found[0] == "list-table" else _csv_table_rows(options, body)
    if rows is None or len(rows) < 2 or len({len(cells) for cells, _ in rows}) != 1 or len(rows[0][0]) < 2:
        return None
    return MultilineTable(rows, end), found[1]


def _list_table_rows(body: list[tuple[str, int]]) -> list[tuple[list[str], int]] | None:
    """A list-table's rows: ``* - cell`` opens a row, ``  - cell`` adds a cell, other lines continue the cell."""
    rows: list[tuple[list[str], int]] = []
    for line, j in body:
        text = line.strip(" \t")
        if not text:
            continue
        if text[:2] == "* " and text[2:].lstrip(" \t")[:1] == "-":
            rows.append(([text[2:].lstrip(" \t")[1:].strip(" \t")], j + 1))
        elif text[:2] == "- " or text == "-":
            if not rows:
                return None
            rows[-1][0].append(text[1:].strip(" \t"))
        elif rows and rows[-1][0]:
            rows[-1][0][-1] = f"{rows[-1][0][-1]} {text}".strip()
        else:
            return None
    return rows


def _csv_table_rows(options: dict[str, str], body: list[tuple[str, int]]) -> list[tuple[list[str], int]] | None:
    """A csv-table's rows: its ``:header:`` option, then its body lines read as CSV (quoted cells may wrap)."""
    if "file" in options or "url" in options:
        return None  # the data lives elsewhere
    delimiter = options.get("delim", ",")[:1] or ","
    try:
        read = csv.reader([line for line, _ in body], delimiter=delimiter, skipinitialspace=True, strict=True)
        records = [([cell.strip() for cell in record], read.line_num) for record in read if record]
        header = next(csv.reader([options["header"]], skipinitialspace=True)) if options.get("header") else None
    except csv.Error:
        return None
    lines_of = [j for _, j in body]
    rows = [(cells, lines_of[min(at, len(lines_of)) - 1] + 1) for cells, at in records]
    if header is not None:
        rows.insert(0, ([cell.strip() for cell in header], body[0][1] if body else 0))
    return rows


def _rst_header(written: list[str], starts: list[int]) -> list[str] | None:
    """A reST simple table's header from its lines: one row, or rows stacked with span underlines
    (``stacked_header``); a line whose first column is empty continues the row above. None when a line
    is blank or crosses the columns (a group label over a span underline may)."""
    rows: list[list[str]] = []
    for k, line in enumerate(written):
        if rows and is_span_underline(line):
            continue
        spanned = k + 1 < len(written) and is_span_underline(written[k + 1])  # a group label may cross columns
        if is_blank(line) or (crosses_columns(line, starts) and not spanned):
            return None
        cells = simple_table_cells(line, starts)
        if rows and not cells[0]:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return stacked_header(rows) if rows else None


def rst_simple_table(lines: list[str], top: int) -> MultilineTable | None:
    """The reStructuredText simple table whose ``=====  =====`` border is ``lines[top]``, or None.

    The border, one header line, the same border, body lines, and the border again; a
    body line with an empty first column continues the row above. The scan stops at
    the first blank line or border, so it stays linear.
    """
    starts = rst_table_columns(lines[top])
    if starts is None:
        return None
    border = lines[top].rstrip(" \t")
    reach = range(top + 2, min(len(lines), top + 2 + MAX_RST_HEADER_LINES))
    below = next((j for j in reach if lines[j].rstrip(" \t") == border), None)
    if below is None:
        return None
    header = _rst_header(lines[top + 1 : below], starts)
    if header is None:
        return None
    rows = [(header, top + 2)]
    for j in range(below + 1, len(lines)):
        line = lines[j]
        if line.rstrip(" \t") == border:
            return MultilineTable(rows, j) if len(rows) >= 2 else None
        if is_blank(line) or crosses_columns(line, starts):
            return None
        cells = simple_table_cells(line, starts)
        if not cells[0] and len(rows) > 1:
            rows[-1] = ([f"{a} {b}".strip() for a, b in zip(rows[-1][0], cells, strict=True)], rows[-1][1])
        else:
            rows.append((cells, j + 1))
    return None
