"""Table line rules: pipe rows and delimiter rows, tab-separated rows, pandoc grid and simple
tables, box-drawn and database-client tables, header and footer rows; rules and gaps typed between body
rows, a table in a chat's glued code fence, a spreadsheet range pasted from its second column. Rows an e-mail
client cut (after or before a pipe, inside a tab-separated cell; a header or delimiter row cut), a table boxed by
delimiter rows, a list's markers in a pipe cell, a grid cell's block markup, a grid or tab-separated table
right under an item, which ends the list, and a quoted table's marker written on its header line alone.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence

from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.reader.rules.items import BULLET_GLYPHS, lead_char, match_item, symbol_bullet_item
from nato_briefs.reader.rules.markup import UNESCAPED_PIPE, is_caption
from nato_briefs.reader.rules.wraps import is_wrapped_item_line

# A delimiter row's cell, blanks stripped: dashes with alignment colons ("-", ":---:"); a rule row's cells too.
_DELIMITER_CELL = re.compile(r":?+-++:?+")


def is_table_row(line: str) -> bool:
    """A line with an unescaped pipe: a row candidate (a table needs a delimiter row below its header)."""
    return "|" in line and UNESCAPED_PIPE.search(line) is not None


def is_delimiter_row(line: str) -> bool:
    """A GFM delimiter row (``| :--- | ---: |``), by a linear scan of its cells.

    The single-regex version (``[ \\t]*`` on both sides of an optional ``\\|?``)
    backtracked quadratically on a long run of blanks: 38 s on a 32 KB line.
    """
    if "-" not in line or lead_char(line) not in ("|", ":", "-"):  # before strip() copies a long prose line
        return False
    body = line.strip(" \t")
    if body[:1] not in ("|", ":", "-"):
        return False
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    if not body.strip(" \t"):
        return False
    return all(_DELIMITER_CELL.fullmatch(cell.strip(" \t")) for cell in body.split("|"))


# Fewest dashes in each cell of a rule typed between body rows ("|------|"); a delimiter row's cell needs one.
MIN_RULE_DASHES = 3


def is_rule_row(cells: Sequence[str]) -> bool:
    """A body row of dashes only (``dash_rule_row``): a rule the writer typed between rows, no row of data.

    ``|------|------|------|`` between two body rows of a pipe table separates groups of rows, as a line does
    on paper; read as cells it would be a row of dashes (a priority ``---``), or, as a second delimiter row,
    it would make the row above it a new table's header. Near miss: a row with a dash in one cell and words in
    another (``| Cyber | --- | Pending |``, a cell left blank) is data.
    """
    return bool(cells) and all(
        _DELIMITER_CELL.fullmatch(cell.strip(" \t")) and cell.count("-") >= MIN_RULE_DASHES for cell in cells
    )  # a delimiter row's cell (``is_delimiter_row``'s test), of three dashes or more


def rule_under_body_row(row: str, rule_cells: Sequence[str], before: str) -> bool:
    """The delimiter row of ``rule_cells`` (the caller has checked ``is_delimiter_row``) is a rule typed under the
    body row ``row`` (``is_rule_row``), not the delimiter row of a new table.

    A delimiter row under a row whose cells map onto the priorities roles (``Priority Area | Key Focus | ...``)
    opens a second table set right under the first; so does one under a row of another width than the row
    ``before`` it (``| Country | Year |`` under three columns). Under a row of data it can only be a rule.
    """
    if not is_rule_row(rule_cells):
        return False
    cells = pipe_cells(row)
    if len(cells) != len(pipe_cells(before)):
        return False
    return map_headers(cells, load_header_synonyms()) is None


def is_empty_row(cells: Sequence[str]) -> bool:
    """A body row whose every cell is empty (``empty_row``): a blank line of a table, no row of data.

    ``|  |  |  |`` between body rows is where a writer left a gap; it holds no area, focus or outcome, so it is no
    row of ``table_rows`` and no priority. Near misses: a row with one filled cell (``| Cyber | | |``) is data, and
    the segmenter keeps an empty row at a table's end, as cmark-gfm does (shapes corpus 65).
    """
    return bool(cells) and all(not cell.strip() for cell in cells)


# Body rows of the header's width a mismatched delimiter row needs below it (``mismatched_delimiter``).
MIN_MATCHED_ROWS = 2


def mismatched_delimiter(lines: Sequence[str], k: int) -> str | None:
    """The delimiter row at ``k`` as wide as the header above it, when the rows agree (``mismatched_delimiter``).

    A hand-typed ``|---|---|`` under a three-cell header (or one cell too many) is a slip: cmark-gfm and
    markdown-it read no table at all, and the table's rows become a paragraph. The header and the two rows
    below it, all of one width, say what the author meant. Only in the line-oriented layout (the header
    glued to a text line above it): where a blank line opens the table, the markdown is conventional and
    agrees with cmark-gfm. Near misses: rows of the delimiter's width or of mixed widths, a header under a
    blank line or under another row (a header wrapped over two rows), a delimiter as wide as its header.
    """
    if k < 2 or not is_delimiter_row(lines[k]):
        return None
    above, header = lines[k - 2], lines[k - 1]
    if not above.strip(" \t") or is_table_row(above) or not is_table_row(header) or is_delimiter_row(header):
        return None
    width, cells = len(pipe_cells(header)), pipe_cells(lines[k])
    if len(cells) == width:
        return None
    rows = lines[k + 1 : k + 1 + MIN_MATCHED_ROWS]
    if len(rows) < MIN_MATCHED_ROWS or not all(
        is_table_row(row) and not is_delimiter_row(row) and len(pipe_cells(row)) == width for row in rows
    ):
        return None
    margin = lines[k][: len(lines[k]) - len(lines[k].lstrip(" \t"))]
    return margin + "| " + " | ".join([*cells[:width], *["---"] * (width - len(cells))]) + " |"


def tab_fields(line: str) -> list[str] | None:
    """The cells of a tab-separated row (a spreadsheet pasted into the article), or None.

    A row starts unindented and has at least two cells, its first and one other non-empty;
    a tab that indents a line (a nested bullet) never separates cells, nor do the
    tabs of a pipe table row (``|\tCyber\t|``) or after a list marker (``-\tGermany``). A symbol and a tab before
    the line's only other field is a bullet, as Word's plain-text copy writes every bullet (``⇨\tToxic Valley – an
    exercise``: ``tab_after_symbol``); a row of three or more fields keeps a symbol cell (a status column).
    """
    if "\t" not in line or line[:1] in (" ", "\t") or is_table_row(line) or match_item(line) is not None:
        return None  # a pipe row or a list item ("-\tGermany") with tabs in it is no spreadsheet row
    fields = [cell.strip(" \u00a0") for cell in without_hard_break(line.rstrip(" \t")).split("\t")]
    if len(fields) < 2 or not fields[0] or not any(fields[1:]):
        return None
    if len(fields) == 2 and symbol_bullet_item(line) is not None:
        return None  # "⇨\tToxic Valley: ...": a bullet's tab (``tab_after_symbol``)
    return fields


def without_hard_break(row: str) -> str:
    """``01:08:27<TAB>Anna Lind:<TAB>scikit-learn  \\`` -> its cells without the ``\\`` (``tab_row_hard_break``).

    A chat log pasted into markdown (Zoom's saved chat: time, sender, message, tab-separated) ends each line with a
    backslash hard break so that the page keeps the lines apart. As a spreadsheet row the break means nothing, and
    it stayed at the end of the last cell. Only a backslash after a space goes: ``C:\\Temp\\`` is a path, and a
    backslash alone after a tab is a cell of its own.
    """
    return row[:-1].rstrip(" ") if row[-1:] == "\\" and row[-2:-1] == " " else row


def is_empty_tab_row(line: str) -> bool:
    """A line of tabs and spaces only, with a tab: an empty row of a pasted spreadsheet."""
    return "\t" in line and line.isspace()


def grid_border(line: str) -> str | None:
    """A pandoc grid-table border: ``+---+---+`` gives ``-``, the header separator ``+===+===+`` gives ``=``."""
    body = line.rstrip(" \t")
    if len(body) < 3 or body[0] != "+" or body[-1] != "+" or body[1] not in "-=:":
        return None
    kind = "=" if "=" in body else "-"
    allowed = {"+", ":", kind}
    return kind if all(ch in allowed for ch in body) else None


# A line that only opens an HTML <pre> block ("<pre>", "<pre class=\"ascii\">").
_PRE_OPEN = re.compile(r"[ \t]{0,3}+<pre(?:[ \t][^<>\n]{0,200}+)?+>[ \t]*+$", re.IGNORECASE)


def opens_pre_table(line: str, nxt: str) -> bool:
    """``<pre>`` alone on its line over a grid table's top border (``pre_table``): a CMS kept an ASCII table
    preformatted; its author meant the table, so the ``<pre>`` line is markup and the grid is read."""
    return line.lstrip(" \t")[:4].lower() == "<pre" and grid_border(nxt) == "-" and _PRE_OPEN.match(line) is not None


def simple_table_columns(line: str) -> list[int] | None:
    """Start columns of a pandoc simple-table rule (``------- ---------- -----``): two or more runs of
    three or more dashes separated by spaces, and nothing else; None otherwise."""
    body = line.rstrip(" \t")
    if "-" not in body[:8] or "\t" in body or set(body) - {"-", " "}:
        return None
    starts, runs, pos = [], body.split(" "), 0
    for run in runs:
        if run:
            if len(run) < 3:
                return None
            starts.append(pos)
        pos += len(run) + 1
    return starts if len(starts) >= 2 else None


# A code fence's info string naming markdown itself: the block shows markdown source meant to be pasted.
MARKDOWN_FENCE_INFO = frozenset({"markdown", "md", "gfm"})
# Body rows a fenced table needs below its header (and rule): two, so one code line is never a table.
MIN_FENCED_ROWS = 2


def fenced_table_end(lines: Sequence[str], k: int) -> int | None:
    """The closing fence's line when the fence at line ``k`` holds a table and nothing else (``fenced_table``).

    Two writers hand a table over in a code block: a chat assistant asked for markdown shows its table's source
    in a ```` ```markdown ```` fence, which the user pastes whole (a pipe table, header and delimiter row
    first); and Medium, which has no tables, leaves its writers a code block for a space-aligned one (a header
    over a simple-table rule ``-------  ------``, then its rows). Either is the author's table. Near misses: a
    fence naming another language (```` ```python ````), a bare fence over pipe rows or code, a block with a
    blank line or a line that is no row, and a table of one body row stay code.
    """
    info = lines[k].strip(" \t")[3:].strip(" \t").lower()
    if info and info not in MARKDOWN_FENCE_INFO:
        return None
    starts = None
    if not info:  # a bare fence: a simple table's rule right under its header, or code
        starts = simple_table_columns(lines[k + 2]) if k + 2 < len(lines) else None
        if starts is None:
            return None
    end = k + 1
    # each line is a row, so a scan stops at the first line of code: linear however many fences open
    while end < len(lines) and lines[end].strip(" \t") != "```":
        line = lines[end]
        if not line.strip(" \t") or (crosses_columns(line, starts) if starts else not is_table_row(line)):
            return None
        end += 1
    if end >= len(lines) or end - k < 3 + MIN_FENCED_ROWS:
        return None
    return end if starts or is_delimiter_row(lines[k + 2]) else None


def is_dash_line(line: str) -> bool:
    """Dashes alone on their line (up to three spaces before): a pandoc multiline table's top or bottom border.

    Between paragraphs the same line is a thematic break; only header lines and a
    column rule directly below it make it a border (``text_tables.multiline_table``).
    """
    body = line.rstrip(" \t")
    dashes = body.lstrip(" ")
    return len(dashes) >= 3 and len(body) - len(dashes) <= 3 and not dashes.strip("-")


def crosses_columns(line: str, starts: list[int]) -> bool:
    """A character right before a column start: a word across two columns, as prose has and a table never."""
    return any(line[k - 1 : k] not in ("", " ") for k in starts[1:])


def simple_table_runs_out(line: str, starts: list[int], block_below: bool) -> bool:
    """A line right under a simple table's rows, no blank line between, that is no row of it
    (``simple_table_run_out``, shapes28): pandoc ends the table only at a blank line, but a writer who leaves none
    (the seeds' style) puts the caption, a paragraph or the next section's title right under the last row.

    Such a line opens left of the table's first column, is a caption (``Table: ...``, ``Source: ...``), is a
    title over an item or a heading (``title_under_rows``), or runs a word across a column start (prose).
    ``block_below``: the line below is an item or a heading.
    """
    text = line.strip(" \t")
    if line[: starts[0]].strip(" \t") or is_caption(text) or title_under_rows(text, block_below):
        return True
    return crosses_columns(line, starts)


# Longest title ``title_under_rows`` reads right under a table's last row.
MAX_TITLE_UNDER_ROWS = 60


def title_under_rows(text: str, block_below: bool) -> bool:
    """``Key initiatives`` right under a table's last row, over an item or a heading (``block_below``): one run of
    words (a row sets its cells apart by two spaces or more), short, opening with a capital and ending on no
    punctuation: the next section's title, which ends the table (``simple_table_run_out``)."""
    return (
        block_below
        and 0 < len(text) <= MAX_TITLE_UNDER_ROWS
        and text[:1].isupper()
        and "  " not in text
        and text[-1] not in ".,;:!?"
    )


def simple_table_cells(line: str, starts: list[int]) -> list[str]:
    """A simple-table line cut at the rule's column starts (text overflowing a column stays in it)."""
    ends = [*starts[1:], len(line)]
    cells = [line[start:end].strip(" \t") for start, end in zip([0, *starts[1:]], ends, strict=True)]
    return cells


def grid_cells(line: str, n_columns: int) -> list[str] | None:
    """The cell fragments of one physical line of a grid-table row (``| Cyber | Threat sharing |``)."""
    body = line.rstrip(" \t")
    if len(body) < 2 or body[0] != "|" or body[-1] != "|":
        return None
    cells = [cell.strip(" \t") for cell in body[1:-1].split("|")]
    return cells if len(cells) == n_columns else None


MIN_BARE_PIPE_ROWS = 3  # a header and two rows: one "Published ... | Updated ..." line is no table


def bare_pipe_cells(line: str) -> list[str] | None:
    """The cells of a pipe row in a table written without a delimiter row, or None (``bare_pipe_table``).

    ``Capability | Current holdings | Needed by 2030`` over rows of as many cells: a
    plain-text author's table. Markdown reads each line as a paragraph (and each short one
    as a bare title); a run of ``MIN_BARE_PIPE_ROWS`` such lines with the same number of
    non-empty cells, standing alone, is a table. A list item with a pipe in its text
    (``- Eastern flank | four battlegroups``, a Liquid filter in a link) is an item, as cmark-gfm reads it,
    and a line quoted with ``>`` is a block quote's, which markdown reads with any GFM table in it.
    """
    body = line.strip(" \t")
    if "|" not in body or len(body) > 2000 or body[:1] == ">" or match_item(line) is not None:
        return None  # "- Eastern flank | four battlegroups": a list item with a pipe in its text
    cells = pipe_cells(body)
    return cells if len(cells) >= 2 and all(cells) else None


def is_boxed_row(line: str) -> bool:
    """``| Detection | Sensors | Earlier warning |``: a pipe row written between outer pipes (``boxed_pipe_run``).

    The line-oriented articles write each block on its own line with no blank line around it; a run of
    pipe rows without a delimiter row, right under a paragraph line and over the next, is still the table
    its author meant when every row is boxed so, as no prose line is (``Published 10 June | Updated`` is not).
    """
    body = line.strip(" \t")
    return len(body) > 2 and body[0] == "|" and body[-1] == "|" and body[-2] != "\\"


# A block quote's markers at a line's start: "> ", ">> ", "> > ".
_QUOTE_MARKERS = re.compile(r"[ ]{0,3}+(?:>[ ]?+)++")


def quoted_header_only(line: str, below: str) -> str | None:
    """``>Requirement | *Description*`` over an unquoted ``------ | -----``: the header row without its quote
    marker, or None (``quoted_header_only``, sweep 15).

    A policy page's author quoted a table by marking its first line only, as kramdown lets a quote's lines go
    on unmarked; to GFM the marked header is a quoted paragraph and the delimiter row below no table's, so the
    rows became lines of text (bold ones headings). The delimiter row right under the header, with as many
    cells, says the quote marker is the table's: the header is read without it and the table as a table.
    Near misses: a quoted delimiter row (a table quoted whole, read as it is), a quoted line of prose with a
    pipe over a rule of another width.
    """
    found = _QUOTE_MARKERS.match(line)
    if found is None or lead_char(below) == ">" or "|" not in below or not is_delimiter_row(below):
        return None
    header = line[found.end() :]
    if not is_table_row(header) or len(pipe_cells(header)) != len(pipe_cells(below)):
        return None
    return header


def quoted_table_end(lines: list[str], i: int) -> str | None:
    """``> The chiefs also agreed to:`` right under a quoted table's last row: the quote's empty line (``>``)
    that ends the table before it, else None (``quoted_table_end``).

    The contract ends a table at the first line that is no table row; inside a block quote markdown reads
    the line as one more row (GFM ends a table only at a blank line or another block). The scan goes back
    over the quoted rows above, at the same quote depth, to the table's delimiter row: a pipe in a quoted
    paragraph (``> Land | Sea``) opens no table, and nothing is inserted under it.
    """
    found = _QUOTE_MARKERS.match(lines[i])
    if found is None or not lines[i][found.end() :].strip() or is_table_row(lines[i][found.end() :]):
        return None
    depth = found.group().count(">")
    for k in range(i - 1, -1, -1):
        above = _QUOTE_MARKERS.match(lines[k])
        if above is None or above.group().count(">") != depth:
            return None
        row = lines[k][above.end() :]
        if is_delimiter_row(row):
            return ">" * depth if "|" in row else None  # "> ---" is a rule or an underline, no table's
        if not is_table_row(row):
            return None
    return None


# Box-drawing characters (a table pasted from a terminal, tabulate or a PDF): vertical bars, the characters that
# open a border line, and its horizontal fill.
_BOX_VERTICAL = frozenset("│┃║")
_BOX_BORDER_START = frozenset("┌┍┎┏╒╓╔╭├┞┟┠┡┢└┕┖┗╘╙╚╰╞╠┝┣")
_BOX_HORIZONTAL = frozenset("─━═┄┅┈┉╌╍")


def box_table_line(line: str) -> str:
    """A line of a box-drawn table as grid-table syntax (``│ a │`` -> ``| a |``, ``├──┼──┤`` -> ``+--+--+``).

    Every border is ``+---+``, the rule under the header too (``╞═══╪═══╡``, ``╠═══╬═══╣``: ``box_records``):
    box-drawn tables come from terminal tools (prettytable, tabulate, psql), which, as a database client's
    ``+---+`` table does, write a record a line unless they draw a rule between the rows; pandoc's own
    ``+===+`` header rule, under which a row's cells wrap over its lines, is ASCII. Any other line is
    returned as it is.
    """
    first = line[:1]
    if first in _BOX_VERTICAL:
        return "".join("|" if ch in _BOX_VERTICAL else ch for ch in line)
    if first not in _BOX_BORDER_START:
        return line
    body = line.rstrip(" \t")
    out = []
    for ch in body:
        if ch in _BOX_HORIZONTAL:
            out.append("-")
        elif "\u2500" <= ch <= "\u257f":
            out.append("+")
        else:
            return line  # text on a border line: not a table's border
    return "".join(out)


def splits_into_rows(lines: Sequence[Sequence[str]]) -> bool:
    """A grid-table "row" of several lines, each with every cell filled: one record per line (a MySQL result).

    pandoc joins the lines of a row between two borders into multi-line cells; a database
    client or a box-drawn table without row rules writes one record per line instead.
    """
    return len(lines) > 1 and all(all(cell for cell in cells) for cells in lines)


def row_borders(n_body_blocks: int) -> bool:
    """A grid table whose body has borders between its rows (two or more bordered blocks): pandoc's layout.

    Each block between two ``+---+`` borders is then one row whose cells wrap over its lines;
    only a body in one block (a database client's result) holds a record a line.
    """
    return n_body_blocks >= 2


def header_from_first_row(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """A pipe table whose header cells are all empty heads itself with its first row (pandoc's headerless table).

    pandoc writes a table without a header row as a pipe table with empty header cells; its
    first row is what a reader takes as the header. Only when that row is full and at least
    one row stays below it, so no row's text leaves ``table_rows``.
    """
    return (
        bool(headers)
        and not any(h.strip() for h in headers)
        and len(rows) >= 2
        and all(cell.strip() for cell in rows[0])
    )


def is_footer_note(row: Sequence[str], n_cells: int, in_foot: bool) -> bool:
    """A lone cell spanning the table under its body (``<tfoot><td colspan="3">Source: ...``): a note, not a row."""
    return n_cells == 1 and len(row) > 1 and bool(row[0]) and (in_foot or is_caption(row[0]))


# A pasted CSV row's cells are short; a longer field is a sentence with commas in it.
MAX_CSV_CELL = 80
# Widest CSV row read (a longer line is prose or data no reader means as a table).
MAX_CSV_LINE = 2000


def csv_fields(line: str, delimiter: str) -> list[str] | None:
    """The cells of a comma- or semicolon-separated row (Excel's CSV pasted as text), or None.

    A CSV row puts no blank after its separator (``Priority Area,Key Focus``) unless every
    cell is quoted (``"Artillery", "Shell production"``); prose puts one after each comma
    or semicolon. Two or more cells, none longer than a short phrase, the row not ending
    a sentence and holding no pipe or tab (other tables' rows). Excel quotes only the cells
    that hold the separator (``Sensors,"Radars, satellites",One picture``): what such a cell
    holds is no sign of prose (``quoted_csv_field``).
    """
    body = line.rstrip(" \t")
    if delimiter not in body or len(body) > MAX_CSV_LINE or body[:1] in (" ", "\t", "|") or "\t" in body:
        return None
    quoted = body[:1] == '"'
    bare = body if quoted else without_quoted_fields(body, delimiter)
    if not quoted and (f"{delimiter} " in bare or bare[-1] in ".!?:" or "|" in bare):
        return None
    try:
        fields = next(csv.reader([body], delimiter=delimiter, skipinitialspace=quoted, strict=True))
    except csv.Error:
        return None
    fields = [field.strip(" ") for field in fields]
    if len(fields) < 2 or not any(fields) or any(len(field) > MAX_CSV_CELL for field in fields):
        return None
    return fields


def without_quoted_fields(body: str, delimiter: str) -> str:
    """A CSV row with each quoted field emptied to ``""`` (``quoted_csv_field``): the commas, blanks and full stops
    inside one are the cell's text, not the row's punctuation. A quote opening inside a field (``He said "yes",
    then``) quotes no field and stays. One pass over the row."""
    out: list[str] = []
    in_quote, field_start, i = False, True, 0
    while i < len(body):
        ch = body[i]
        if in_quote and ch == '"' and body[i + 1 : i + 2] == '"':
            i += 2  # an escaped quote inside the field
            continue
        if in_quote:
            in_quote = ch != '"'
            out.append("" if in_quote else '""')
        elif ch == '"' and field_start:
            in_quote = True
        else:
            out.append(ch)
        field_start = not in_quote and ch == delimiter
        i += 1
    return "".join(out)


def csv_delimiter(line: str) -> str | None:
    """The separator a CSV header row uses (``,`` or ``;``), or None when the line is no header.

    A header names its columns: two or more filled cells, each opening with a letter
    (``1) 100,000 troops`` is a numbered line with a thousands separator), and no list item.
    """
    if match_item(line) is not None:
        return None
    for delimiter in (",", ";"):
        fields = csv_fields(line, delimiter)
        if fields is not None and all(field[:1].isalpha() and len(field) <= MAX_CSV_HEADER for field in fields):
            return delimiter
    return None


# Longest CSV header cell: a column's name is a few words.
MAX_CSV_HEADER = 40


def excel_separator(line: str) -> str | None:
    """The separator Excel's ``sep=;`` first line names (``excel_separator``), or None when the line is none.

    Excel writes ``sep=;`` (or ``sep=,``) over a CSV it saves for another locale, and reads it as no row; pasted
    under a title it was prose, and it joined the title's paragraph (shapes30, 1085). Only the exact directive:
    ``sep = ;``, ``sep=;;`` and ``Sep=`` in prose stay as they are.
    """
    if not line.startswith("sep="):
        return None
    body = line.rstrip(" \t")
    return body[4] if len(body) == 5 and body[4] in ",;" else None


def combine_header_rows(upper: list[str], lower: list[str]) -> list[str]:
    """One header from two header rows (``header_rows``): each column's names joined, top first.

    ``Priority Area`` spanning both rows over ``Plan`` / ``Key Focus`` gives ``Priority Area``
    and ``Plan Key Focus``: a column group's name and its column's, as ``pandas.read_html``
    keeps both levels. A row of another width leaves the upper header as it was. Where that join names
    no roles (``Plan for 2026 Key Focus``: the group's words first) and the column's own name with the
    group's as a note does (``Key Focus (Plan for 2026)``), the noted one is the header (``group_header_note``,
    lossless: both names kept).
    """
    if len(upper) != len(lower):
        return upper
    joined = [
        top if not bottom or bottom == top else f"{top} {bottom}".strip()
        for top, bottom in zip(upper, lower, strict=True)
    ]
    synonyms = load_header_synonyms()
    if map_headers(joined, synonyms) is not None:
        return joined
    noted = [
        top if not bottom or bottom == top else f"{bottom} ({top})" if top else bottom
        for top, bottom in zip(upper, lower, strict=True)
    ]
    return noted if map_headers(noted, synonyms) is not None else joined


_EQUALS_CELL = re.compile(r":?+=++:?+")
# Full-width vertical line (U+FF5C): the pipe a Chinese or Japanese input method types.
FULLWIDTH_PIPE = "\uff5c"


def spaced_rows_end(lines: Sequence[str], i: int, is_row: Callable[[int], bool], least: int) -> int:
    """Where a table written double-spaced ends (``blank_between_rows``): the index of its last row, or ``i``.

    ``i`` is the blank line right under a table's delimiter row (a pipe table) or rule (a pandoc simple table).
    Some editors and converters, a typewritten or PDF copy too, put a blank line between EVERY pair of rows, the
    first under the delimiter row or rule: markdown (cmark-gfm, pandoc) reads a header-only table and then
    paragraphs, but the author wrote one table. The layout of the whole run decides, never one gap: ``least``
    rows or more, each a row of the table alone under a blank line (``is_row(j)``: the table kind's own test of
    ``lines[j]``, ``spaced_pipe_row`` or ``spaced_simple_row``), and no row of a pipe table right under the last
    one. The run is measured once, at the blank line under the delimiter row or rule; each later gap costs
    nothing. A table whose rows start right under its delimiter row or rule still ends at its first blank line.
    """
    end, rows = i, 0
    while end + 1 < len(lines) and not lines[end].strip() and is_row(end + 1):
        rows += 1
        end += 2
    if rows < least or (end < len(lines) and is_table_row(lines[end])):  # too few rows, or a row adjacent to the last
        return i
    return end - 1


# Fewest rows of a pipe table set double-spaced (``blank_between_rows``): one blank line and one row under the
# delimiter row is how cmark-gfm reads a table and a paragraph, kept. A simple table's one row is enough (shapes28).
MIN_SPACED_PIPE_ROWS = 2
MIN_SPACED_SIMPLE_ROWS = 1


def spaced_pipe_row(lines: Sequence[str], j: int, width: int) -> bool:
    """``lines[j]`` is a row of a pipe table ``width`` cells wide set double-spaced (``blank_between_rows``): a boxed
    row as wide as the delimiter row, over no delimiter row (that is a second table's header)."""
    return (
        is_boxed_row(lines[j])
        and len(pipe_cells(lines[j])) == width
        and not (j + 1 < len(lines) and is_delimiter_row(lines[j + 1]))
    )


def spaced_simple_row(lines: Sequence[str], j: int, starts: list[int]) -> bool:
    """``lines[j]`` is a row of a pandoc simple table set double-spaced (``spaced_simple_rows``, shapes28: a
    typewritten or PDF copy's rows; the run is ``blank_between_rows``'s), a blank line under it: within the
    columns (no word across a column start, nothing left of the first), two cells or more, no list item and no
    rule."""
    below = lines[j]
    after = lines[j + 1] if j + 1 < len(lines) else ""
    return (
        bool(below.strip(" \t"))
        and not after.strip(" \t")
        and simple_table_columns(below) is None
        and match_item(below) is None
        and not below[: starts[0]].strip(" \t")
        and not crosses_columns(below, starts)
        and sum(1 for cell in simple_table_cells(below, starts) if cell) >= 2
    )


def pipe_cells(line: str) -> list[str]:
    """The cells of a pipe row, outer pipes dropped, empty cells kept (``| | pipelines | |`` -> 3 cells)."""
    body = line.strip(" \t")
    if body[:1] == "|":
        body = body[1:]
    if body[-1:] == "|" and body[-2:] != "\\|":
        body = body[:-1]
    return [cell.strip(" \t") for cell in UNESCAPED_PIPE.split(body)]


def equals_delimiter(line: str) -> str | None:
    """A delimiter row drawn with ``=`` (``====|====|====``) as GFM's dashes, or None (``equals_delimiter``).

    Authors who underline a header with equals signs in a plain-text pipe table mean the
    delimiter row; GFM reads it as a body row of equals signs.
    """
    if "|" not in line or "=" not in line or lead_char(line) not in ("|", ":", "="):
        return None
    cells = pipe_cells(line)
    if len(cells) < 2 or not all(_EQUALS_CELL.fullmatch(cell) for cell in cells):
        return None
    return line.replace("=", "-")


def fullwidth_pipes(line: str) -> str:
    """A row written with full-width pipes (``｜Area｜Focus｜``) with ASCII ones (``fullwidth_pipes``).

    Two or more on the line: one full-width bar inside CJK prose stays as written.
    """
    return line.replace(FULLWIDTH_PIPE, "|") if line.count(FULLWIDTH_PIPE) >= 2 else line


def continuation_row(above: list[str], cells: list[str]) -> list[str] | None:
    """A row continuing the one above (``continuation_row``): the cells joined, or None.

    Hand-formatted tables wrap a long cell onto a row of its own whose first cell is
    empty (``|        | pipelines |        |``); every text it holds starts in lower case,
    as the rest of a cut phrase does. A row with a capitalised cell is a row of its own, unless that
    cell is one word beside a lowercase one (``| | all NATO commands | Allies |``: the name that ends
    the cut phrase above it, ``capitalised_continuation_cell``).
    """
    if len(cells) != len(above) or cells[0] or not above[0] or not any(cells):
        return None
    texts = [cell for cell in cells if cell]
    if not any(cell[:1].islower() for cell in texts):
        return None
    if not all(cell[:1].islower() or (cell[:1].isupper() and " " not in cell) for cell in texts):
        return None
    return [f"{top} {bottom}".strip() for top, bottom in zip(above, cells, strict=True)]


def wrapped_row(line: str, nxt: str) -> str | None:
    """A pipe row cut by an e-mail's line length (``| ... | Better`` / ``coverage |``), joined, or None.

    The row opens with a pipe and does not close with one; the next line does not open
    with a pipe but closes with one (``wrapped_row``).
    """
    row, below = line.strip(" \t"), nxt.strip(" \t")
    if row[:1] != "|" or row[-1:] == "|" or not below or below[:1] == "|" or below[-1:] != "|":
        return None
    return f"{line.rstrip()} {below}"


def is_note_row(cells: Sequence[str]) -> bool:
    """A body row holding only a caption in its first cell (``| *Source: NATO, 2026* | | |``): a note, no row."""
    if len(cells) < 2 or any(cells[1:]):
        return False
    return is_caption(cells[0].strip("*_ \t"))


# Longest header line of a space-aligned table, and its longest column name.
MAX_ALIGNED_HEADER = 200
MAX_ALIGNED_NAME = 40


def aligned_columns(line: str) -> list[int] | None:
    """Column starts of a space-aligned table's header (``aligned_table``), or None.

    ``Priority Area      Key Focus        Expected Outcome``: names of a few words, each
    column set off by two or more spaces; three columns at least, every name opening with
    a letter. One wide gap (``NATO Review      June 2026``) is a running header, not a table.
    """
    body = line.rstrip(" \t")
    if not body or body[:1] in (" ", "\t") or "\t" in body or len(body) > MAX_ALIGNED_HEADER:
        return None
    starts = [0] + [k for k in range(2, len(body)) if body[k] != " " and body[k - 2 : k] == "  "]
    if len(starts) < 3:
        return None
    names = simple_table_cells(body, starts)
    if not all(name[:1].isalpha() and len(name) <= MAX_ALIGNED_NAME for name in names):
        return None
    return starts


# Fewest body rows of a right-aligned table: as for a left-aligned one.
MIN_RIGHT_ALIGNED_ROWS = 2


def _word_ends(line: str) -> set[int]:
    """The positions where a word of the line ends (its last character's index plus one)."""
    return {k + 1 for k in range(len(line)) if line[k] != " " and (k + 1 == len(line) or line[k + 1] == " ")}


def right_aligned_table(lines: list[str], top: int) -> tuple[list[tuple[list[str], int]], int] | None:
    """A table printed with its columns right-aligned beside an index (``right_aligned_table``), or None: pandas'
    ``DataFrame.to_string()`` and ``print(df)``, R's ``print(data.frame)``.

    The header line opens with the index column's blank; every row under it opens with its index label at the
    margin and is exactly as long as the header, and the columns end where a word ends on every one of these lines
    (three at least, each header name opening with a letter). The rows run to the first line that is none; two at
    least. The index label (up to two spaces) is the first cell, under an empty header, so no text is lost; a named
    index prints its name alone on the line under the header (``named_index``), the first column's header then.
    Left-aligned columns were read (``aligned_table``); these were prose, "Priority Area" standing at no cell's
    start (shapes30, 1096).
    """
    header = lines[top].rstrip(" \t")
    width = len(header)
    if header[:1] != " " or not header.strip(" ") or "\t" in header or width > MAX_ALIGNED_HEADER:
        return None
    index_name = ""
    if top + 1 < len(lines):  # a named index: its name alone on the line under the header (``named_index``)
        below = lines[top + 1].rstrip(" \t")
        if below[:1].isalpha() and "  " not in below and len(below) + 2 <= len(header) - len(header.lstrip(" ")):
            index_name = below
    first = top + 2 if index_name else top + 1
    j = first
    while j < len(lines) and lines[j][:1] not in ("", " ", "\t") and len(lines[j].rstrip(" \t")) == width:
        j += 1
    body = [lines[k].rstrip(" \t") for k in range(first, j)]
    if len(body) < MIN_RIGHT_ALIGNED_ROWS or any("\t" in row for row in body):
        return None
    ends = _word_ends(header)
    for row in body:
        ends &= _word_ends(row)
    columns = sorted(ends)
    if len(columns) + bool(index_name) < 3:  # three named columns at least, a named index one of them
        return None
    starts = [0, *columns[:-1]]
    names = [header[a:b].strip(" ") for a, b in zip(starts, columns, strict=True)]
    if not all(name[:1].isalpha() and len(name) <= MAX_ALIGNED_NAME for name in names):
        return None
    rows: list[tuple[list[str], int]] = [([index_name, *names], top + 1)]
    for k, row in enumerate(body, start=first + 1):
        cells = [row[a:b].strip(" ") for a, b in zip(starts, columns, strict=True)]
        label, gap, cell = cells[0].partition("  ")  # the index label is set off by two spaces or more
        if not gap or not cell.strip(" ") or not all(cells):
            return None  # no index label apart from the first cell, or an empty cell: no such print
        rows.append(([label, cell.strip(" "), *cells[1:]], k))
    return rows, j - 1


def aligned_cells(line: str, starts: list[int]) -> list[str] | None:
    """A row of a space-aligned table: its cells at the header's columns, or None when text crosses a gap."""
    body = line.rstrip(" \t")
    if not body or body[:1] in (" ", "\t") or "\t" in body:
        return None
    if any(body[k - 2 : k].strip(" ") for k in starts[1:] if k < len(body)):
        return None  # a word runs across a column's start: prose, not a row
    cells = simple_table_cells(body, starts)
    return cells if sum(1 for cell in cells if cell) >= 2 else None


def aligned_continuation(line: str, starts: list[int]) -> list[str] | None:
    """A space-aligned row's wrapped text (``aligned_continuation``): cells to append to the row above, or None.

    pdftotext's layout mode wraps a long cell onto the next line at its column, the first
    column left empty (``                 artillery shells``); the author's row is the two lines.
    """
    body = line.rstrip(" \t")
    if body[:1] != " " or "\t" in body or not body.strip(" "):
        return None
    if any(body[k - 2 : k].strip(" ") for k in starts[1:] if k < len(body)):
        return None  # a word runs across a column's start
    cells = simple_table_cells(body, starts)
    return None if cells[0] else cells


def table_margin(line: str) -> int:
    """How many spaces (up to 3) a plain-text table's line is indented by (``table_margin``): a PDF's text
    layer keeps the page's margin, and markdown reads a line indented by 1-3 spaces as not indented."""
    n = 0
    while n < len(line) and n <= MAX_TABLE_MARGIN and line[n] == " ":
        n += 1
    return n if n <= MAX_TABLE_MARGIN else 0


# Most spaces a table's lines may be indented by and still read as a table (4 open an indented code block).
MAX_TABLE_MARGIN = 3


# Most lines one quoted spreadsheet cell may span when pasted (a cell with a few line breaks).
MAX_QUOTED_LINES = 6


def quoted_tab_row(lines: Sequence[str], j: int, width: int) -> tuple[list[str], int] | None:
    """A tab-separated row whose quoted cell holds line breaks (Excel's copy), joined: its cells and last index.

    ``Air Defence<TAB>"Interceptors`` / ``and radars"<TAB>Better coverage`` is one row of three
    cells to its author (``quoted_tab_row``); the cell's lines are joined by a space.
    """
    line = lines[j]
    if "\t" not in line or line.count('"') % 2 == 0:
        return None
    end, quotes = j, line.count('"')
    while quotes % 2 and end + 1 < len(lines) and end - j < MAX_QUOTED_LINES:
        end += 1
        quotes += lines[end].count('"')
    if quotes % 2:
        return None
    try:
        fields = next(csv.reader([f"{text}\n" for text in lines[j : end + 1]], delimiter="\t", strict=True))
    except (csv.Error, StopIteration):
        return None
    fields = [" ".join(field.split()) for field in fields]
    return (fields, end) if len(fields) == width and fields[0] else None


# A cell of a header wrapped over two lines: a word or two, no digit (``wrapped_role_header``).
MAX_HEADER_PART_CHARS = 30
MAX_HEADER_PART_WORDS = 2


def _header_part(cell: str) -> bool:
    """A cell that can be half of a wrapped header: a short run of words, starting with a letter, no digit."""
    return (
        0 < len(cell) <= MAX_HEADER_PART_CHARS
        and cell[0].isalpha()
        and len(cell.split()) <= MAX_HEADER_PART_WORDS
        and not any(ch.isdigit() for ch in cell)
    )


def wrapped_role_header(upper: list[str], lower: list[str]) -> list[str] | None:
    """The header of a table whose header is wrapped over its first two rows with no rule under them
    (``Priority | Key | Expected`` over ``Area | Focus | Outcome``), joined per column; else None
    (``wrapped_role_header``).

    Without a rule, only the header's words tell its second line from a body row: the rows join when
    the first alone names no area, focus and outcome and the two joined do (``header_synonyms.yaml``,
    as normalize maps them). Asked only at a tab-separated or space-aligned table's first row.
    """
    if len(upper) != len(lower) or len(upper) < 3 or not all(map(_header_part, (*upper, *lower))):
        return None
    synonyms = load_header_synonyms()
    joined = [f"{top} {bottom}" for top, bottom in zip(upper, lower, strict=True)]
    if map_headers(list(upper), synonyms) is not None or map_headers(joined, synonyms) is None:
        return None
    return joined


# A Slack code block copied out of a message: its fence glued to the first row ("```| Area | Focus |").
_GLUED_OPEN = re.compile(r"```(?=\|)")
# Longest table a glued fence is sought over (rows to its closing "|```").
MAX_GLUED_ROWS = 200


def glued_fence_table(lines: list[str]) -> None:
    """A table inside a code block whose fences are glued to its first and last rows, unfenced in place
    (``glued_fence_table``).

    Slack copies a message's code block with its fences on the text's own lines (three backticks glued to
    the first row, ``| Priority Area | ... |``, and to the last): the writer put the table in a code block
    to align it, and markdown read one fence to the end of the article. Only when every line from the
    opening to the closing fence is a pipe row; a fence on a line of its own stays code.
    """
    k = 0
    while k < len(lines):
        if lines[k][:4] == "```|" and _GLUED_OPEN.match(lines[k]) is not None:
            end = _glued_close(lines, k)
            if end is not None:
                lines[k] = lines[k][3:]
                lines[end] = lines[end].rstrip(" \t")[:-3]
                k = end
        k += 1


def _glued_close(lines: list[str], start: int) -> int | None:
    """The line ending a glued fence opened at ``start`` (``| ... |```), all lines between pipe rows; else None."""
    for k in range(start, min(len(lines), start + MAX_GLUED_ROWS)):
        body = lines[k].rstrip(" \t")
        if body[:1] != "|" and k > start:
            return None
        if k > start and body.endswith("|```"):
            return k
        if k == start and body.endswith("|```") and len(body) > 7:
            return None  # one line: an inline code span
    return None


def empty_first_column(lines: list[str]) -> None:
    """A spreadsheet range pasted from its second column: each row's leading tab (the empty column A) dropped in
    place (``empty_first_column``).

    Excel and Google Sheets copy a range starting at column B as rows opening with a tab; markdown reads
    lines opening with a tab as code, and the table was lost. Only a run of two lines or more, each a tab
    then three cells or more (the same number), the first holding text: a tab-indented sub-item
    (``\\t◦\\tGrid``) has two.
    """
    k = 0
    while k < len(lines):
        end, width = k, _tab_row_width(lines[k])
        while width and end < len(lines) and _tab_row_width(lines[end]) == width:
            end += 1
        if end - k >= 2:
            for j in range(k, end):
                lines[j] = lines[j][1:]
        k = max(end, k + 1)


def _tab_row_width(line: str) -> int:
    """How many cells a row opening with a tab holds after it (0 when it is no such row)."""
    if line[:1] != "\t" or line[1:2] in ("\t", " ", ""):
        return 0
    cells = line[1:].rstrip("\t \r").split("\t")
    return len(cells) if len(cells) >= 3 and cells[0][:1].isalnum() else 0


def lone_title_header(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """A pipe table headed by a merged title written once (``| Table 1: Priorities agreed | | |``), its first
    row naming the priorities' columns: that row heads the table (``lone_title_header``).

    pandoc and Word-to-markdown converters write a caption row merged across the table as its first cell and
    empty ones; the header row the author wrote is the first body row. As ``spanned_title_header`` reads
    Docling's title repeated per column. Only when that first row maps onto area, focus and outcome and a
    row stays below it: ``| Country | | |`` over data keeps its header.
    """
    return (
        len(headers) >= 2
        and any(ch.isalpha() for ch in headers[0])
        and not any(header.strip() for header in headers[1:])
        and len(rows) >= 2
        and map_headers(list(rows[0]), load_header_synonyms()) is not None
    )


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
        # each line of a pasted chat ends in its own hard break (``tab_row_hard_break``)
        pieces = [piece.strip(" \u00a0") for piece in without_hard_break(below.rstrip(" \t")).split("\t")]
        if not pieces[0] or len(fields) + len(pieces) - 1 > width:
            return None
        fields = [*fields[:-1], f"{fields[-1]} {pieces[0]}", *pieces[1:]]
        end += 1
    return (fields, end) if end > j and len(fields) == width else None


# An HTML line break in a pipe table cell: ``<br>``, ``<br/>``, ``<BR />``.
_CELL_BREAK = re.compile(r"<br[ \t]*+/?>", re.IGNORECASE)


# A numbered line in a table cell: "1) Rail", "2. Ports", "(3) Depots", "a) Fuel", then a blank.
_CELL_NUMBER = re.compile(r"[ \t]*+\(?+([0-9]{1,2}+|[a-z])[.)][ \t]++(?=\S)")


# Dashes open no one-line cell list: "– 5%" or a lone "—" say nothing or minus, not a list of one.
_DASHES = frozenset("–—")


def cell_markers(content: str) -> str | None:
    """``‣ Secure networks``, ``1) Rail<br>2) Ports``: a pipe cell written as a list, without its markers.

    Extends ``br_cell_list`` (``•``/``-`` before every ``<br>`` line) to every bullet glyph and to
    numbering (``1)``, ``2.``, ``(3)``, ``a)``) that counts up from the first line; and a cell that a
    bullet glyph opens is a list of one (``✓ Continuity of government``). The markers are markup, as in a
    grid table's cell list (``cell_marker_list``). Near misses keep theirs: ``Estonia<br>Finland``, a
    number that does not count up (``2025<br>2030``, ``5) ...<br>9) ...``), a dash opening one line (``– 5%``).
    """
    fragments = _CELL_BREAK.split(content) if "<" in content else [content]
    first = fragments[0].lstrip(" \t")[:1]
    if first.isalnum() and _CELL_NUMBER.match(fragments[0]) is None:
        return None  # most cells: a word or a number
    if len(fragments) == 1:
        text = _bulleted(fragments[0]) if first not in _DASHES else None
        return None if text is None else text.rstrip(" \t")
    bare = [_bulleted(part) for part in fragments]
    if all(text is not None for text in bare):
        return "<br>".join(text for text in bare if text is not None)
    numbers = [_CELL_NUMBER.match(part) for part in fragments]
    if any(found is None for found in numbers) or not _counts_up([m.group(1) for m in numbers if m]):
        return None
    return "<br>".join(part[m.end() :] for part, m in zip(fragments, numbers, strict=True) if m)


def _bulleted(part: str) -> str | None:
    """A cell line's text after its bullet glyph and blank, or None when no glyph opens it."""
    text = part.lstrip(" \t")
    if text[:1] not in BULLET_GLYPHS or text[1:2] not in (" ", "\t"):
        return None
    return text[1:].lstrip(" \t")


def _counts_up(labels: list[str]) -> bool:
    """``1``, ``2``, ``3`` or ``a``, ``b``, ``c``: the numbering of one list, from its start."""
    start = "1" if labels[0].isdigit() else "a"
    if labels[0] != start:
        return False
    values = [int(label) if label.isdigit() else ord(label) - ord("a") + 1 for label in labels]
    return values == list(range(1, len(values) + 1))


def short_wrapped_row(line: str, nxt: str, above: str) -> str | None:
    """``| Energy | Protection of infrastructure |`` over ``Fewer disruptions |``: a row an e-mail client
    wrapped right after a pipe, joined (``short_wrapped_row``), or None.

    ``wrapped_row`` joins a row cut inside a cell; cut after a pipe, the row closes with one and is a
    cell short. It is one row when the line above (the delimiter row or a body row) has as many cells as
    this row and the next line's together, and the next line opens with no pipe but closes with one.
    Near misses: a row as wide as the one above (complete: the line below is text), or halves that do not
    add up to the width above.
    """
    below = nxt.strip(" \t")
    if not below or below[:1] == "|" or below[-1:] != "|" or not is_table_row(above):
        return None
    width, have = len(pipe_cells(above)), len(pipe_cells(line))
    if have >= width or have + len(pipe_cells(f"| {below}")) != width:
        return None
    return f"{line.rstrip()} {below}"


def is_table_border(lines: Sequence[str], i: int) -> bool:
    """A delimiter row boxing a pipe table, above its header or under its last row (``table_border``).

    kramdown-rfc's IANA tables (and hand-drawn ones) put ``| --- | --- |`` over the header row and under
    the last row. Read as GFM, the top border became the header (the real one a row of the body) and the
    bottom border made the last row a new, empty table's header. Top: no row above, a row below, then a
    delimiter row. Bottom: a body row above (a row over it too), no row below. A header-only table's
    delimiter row (prose over its header) is neither.
    """
    if "|" not in lines[i] or not is_delimiter_row(lines[i]):  # a setext underline has no pipe
        return False
    above = lines[i - 1] if i > 0 else ""
    below = lines[i + 1] if i + 1 < len(lines) else ""
    if not is_table_row(above):
        after = lines[i + 2] if i + 2 < len(lines) else ""
        return is_table_row(below) and not is_delimiter_row(below) and is_delimiter_row(after)
    over = lines[i - 2] if i > 1 else ""
    return not is_delimiter_row(above) and is_table_row(over) and not is_table_row(below)


# Sweep 5: a code fence's line inside a grid table's cell (Quarto: ```` ```{.bash filename="Terminal"} ````).
_CELL_FENCE = re.compile(r"(?:`{3,}+|~{3,}+)[^`\n]{0,200}+")


def grid_cell_fragment(fragment: str) -> str:
    """One physical line of a grid table's cell without its block markup (``grid_cell_markup``).

    Pandoc and Quarto grid tables hold blocks in their cells: a fenced code block (```` ```{.bash
    filename="Terminal"} ````, then the command, then ```` ``` ````) and hard line breaks (``Windows\\`` over
    ``(Command)``). Joined as written, the fence and its info string reached the cell's text
    (``{.bash filename="Terminal"} py -m venv env``). The fence lines are markup, a final backslash a
    line break; the code itself is what the cell shows and stays.
    """
    if fragment[:3] in ("```", "~~~") and _CELL_FENCE.fullmatch(fragment):
        return ""
    return fragment[:-1].rstrip(" \t") if fragment.endswith("\\") and not fragment.endswith("\\\\") else fragment


def _delimiter_piece(text: str) -> bool:
    """``------------------------------ |``: the end of a delimiter row an e-mail client cut (dashes, colons, pipes)."""
    body = text.strip(" \t")
    return body[-1:] == "|" and not body.strip("|-: \t")


def cut_header_row(line: str, nxt: str, below: str, after: str) -> str | None:
    """``| Strategic Focus | Priority Area | Expected`` over ``Outcome |`` over ``|---|---|---|``: a header row an
    e-mail client cut, joined (``cut_header_row``), or None.

    Cut inside a cell, before a pipe (``| Priority Area | Key Focus`` over ``| Expected Outcome |``) or before
    the closing pipe (a line holding only ``|``), as ``wrapped_row`` and ``pipe_cut_row``
    read a body row; the joined header has as many cells as the delimiter row under it, counted with the
    delimiter row's own cut end (``after``, dashes and a pipe) when the client cut that too. Near misses: a
    header whose pieces make more or fewer cells than the rule, two whole rows over a delimiter row.
    """
    row, rest = line.strip(" \t"), nxt.strip(" \t")
    if row[:1] != "|" or rest[-1:] != "|" or not is_delimiter_row(below):
        return None
    if row[-1:] == "|" and rest[:1] == "|":
        return None  # two whole rows
    delimiter = f"{below.rstrip()} {after.strip()}" if _delimiter_piece(after) else below
    width = len(pipe_cells(delimiter if is_delimiter_row(delimiter) else below))
    joined = f"{line.rstrip()} {rest}"
    return joined if len(pipe_cells(joined)) == width else None


def cut_delimiter_row(line: str, nxt: str, above: str) -> bool:
    """``| ----- | ----- |`` over ``----- |`` under a header of three cells: a delimiter row an e-mail client cut
    (an aligned table's rule is as long as its widest row), which the row joiners then join as a body row's
    (``cut_delimiter_row``); cut before its closing pipe, the pipe alone below. Near misses: a whole delimiter
    row (as many cells as the header: the table's own, or a new table's under a new header), pieces that add
    up to more or fewer cells.
    """
    if not is_delimiter_row(line) or not _delimiter_piece(nxt) or nxt[:1] in (" ", "\t"):
        return False
    width = len(pipe_cells(above))
    joined = f"{line.rstrip()} {nxt.strip()}"
    cut = len(pipe_cells(line)) < width or (nxt.strip() == "|" and line.rstrip(" \t")[-1:] != "|")
    return cut and is_delimiter_row(joined) and len(pipe_cells(joined)) == width


def opens_grid_table(line: str, nxt: str) -> bool:
    """``+-----+-----+`` at the margin over ``| Focus Area | ... |`` right under an item: a grid table's top border,
    which ends the list (``grid_after_list``).

    Pandoc writes a grid table after a list (a blank line between); a line-by-line author pastes one right
    under the last item. The contract's list ends at a line that is no item and does not continue one (not
    indented, not lowercase), and a border is neither. Near misses: an indented border (inside the item), a
    border over a line of other cells than it has columns.
    """
    if line[:1] != "+" or grid_border(line) != "-":
        return False
    return grid_cells(nxt, line.rstrip(" \t").count("+") - 1) is not None


def tab_row_under_item(line: str, nxt: str) -> bool:
    """``Focus Area<TAB>Key Initiative<TAB>Expected Outcome`` at the margin right under an item, over a row of as
    many tab-separated cells: a pasted spreadsheet, which ends the list (``tsv_after_item``).

    An item's wrapped line is indented or opens lowercase (the contract's wrapped-item rule), so a
    capitalised tab row at the margin does not continue the item. Near misses: an indented or lowercase tab
    line (the item's), a tab line over a line of other cells.
    """
    if is_wrapped_item_line(line):
        return False
    fields, below = tab_fields(line), tab_fields(nxt)
    return fields is not None and below is not None and len(fields) == len(below)


def pipe_run_ends_apart(below: str | None, is_title: Callable[[str], bool]) -> bool:
    """A run of bare pipe rows ends apart from what follows (``pipe_run_before_title``): at the end, over a blank
    line, or right over the next section's title line.

    A wire story sent without blank lines (ANSA, many agencies' teleprinted copy) writes the table between its
    section title and the next one; the title below ends the table as a blank would. Prose right under the
    run (``Allies agreed | ...`` ran on) does not.
    """
    return below is None or not below.strip() or is_title(below)


# psql's footer under a result: "(3 rows)", "(1 row)".
_ROW_COUNT_FOOTER = re.compile(r"[ \t]{0,3}+\(([0-9]{1,7}+) rows?\)[ \t]*+")


_WORDS_CELL = re.compile(r"[^\W\d_][\w]*+(?:[ _][\w]++)*+")


def row_count_footer(below: str | None, header: Sequence[str], n_body_rows: int) -> bool:
    """``(3 rows)`` right under a run of bare pipe rows that holds three rows under its header: psql's footer, which
    ends the table as a blank line would (``psql_unaligned``).

    psql's unaligned output (``\\a``: ``Area|Focus|Outcome`` rows, no spaces, no rule line, the header first)
    pasted under a section's title ends at its row count; read as prose running on, the run was refused and its
    first and last rows became headings. The count must be the run's own (the header is not counted), and the
    header must be column names (words, ``priority_area``): a parenthesis saying another number, or words, is no
    footer of this run, and shell pipelines (``ps aux|grep nato|wc -l``) have no header of words.
    """
    if below is None or not all(_WORDS_CELL.fullmatch(cell) for cell in header):
        return False
    found = _ROW_COUNT_FOOTER.fullmatch(below)
    return found is not None and int(found.group(1)) == n_body_rows


# A pipe with a blank beside it: psql's unaligned output writes none.
_SPACED_PIPE = re.compile(r"[ \t]\||\|[ \t]")


def unaligned_run(lines: Sequence[str], header: Sequence[str]) -> bool:
    """A run of bare pipe rows written as psql's unaligned output writes them, no blank beside any pipe, under a
    header of column names: a table whatever follows it (``unaligned_run``).

    ``Area|Focus|Outcome`` over ``Baltic Sea|Mine hunters|Safe lanes`` rows is psql's ``\\a`` output pasted with
    its footer cut (``psql_unaligned`` reads it over its ``(3 rows)``); prose right under the run refused it, and
    its first and last rows became headings. A writer's prose puts blanks round a pipe (``Published 10 June |
    Updated``), a run with one such pipe, a header that is no column names (``wc -l``, a number) and a run that
    does not stand apart above stay as before.
    """
    if not all(_WORDS_CELL.fullmatch(cell) for cell in header):
        return False
    return not any(_SPACED_PIPE.search(line.strip(" \t")) for line in lines)
