"""The same article in the shapes other authors and tools give it: named re-renderings of its markdown.

A seed article is written line by line: a bare title line, one paragraph per line, ``- `` items and pipe
tables with no blank lines between them (CONTRACT.md, "Reading the articles as their authors meant
them"). Each ``Rerendering`` rewrites it as another writer or tool would, keeping what the author meant:
unicode bullets and other enumerators, HTML lists and tables as content systems and e-mail clients emit
them, hard wraps, other table-header wordings, other heading and blank-line styles, CRLF, a BOM. The
invariance test (``tests/test_rerender.py``) reads each one and compares its records with the seed's.

Each rendering belongs to a ``family`` (one kind of change) and a ``stage`` (when it applies in a
composition: table headers first, then block markup, headings, blank lines, wrapping and the bytes last),
so 2-3 renderings of different families compose as a document passed from tool to tool would be.
Renderings work on the seed's line shapes and on what earlier stages made of them; a rendering that
finds nothing of its kind returns the text unchanged.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# --- reading the seed's line shapes ------------------------------------------------------------------------

# Every item marker a rendering below writes (the seed's "- " and "1." too), with the blanks after it.
ITEM = re.compile(
    r"(?P<indent>[ \t]*)"
    r"(?P<marker>[-*+•▪◦‣⁃●➤–—·]|&bull;|[0-9]{1,2}[.)]|\([0-9a-z]{1,4}\)|[a-zA-Z][.)]|[ivx]{1,4}[.)]|[IVX]{1,4}\."
    r"|[0-9]{1,2} -)"
    r"(?P<blank>[ \t\u00a0\u2002\u2003]+)(?P<text>\S.*)"
)
ROW = re.compile(r"[ \t]{0,3}(?:\||\+[-=])")  # a pipe row, or a grid table's border
DELIMITER = re.compile(r"[ \t]{0,3}\|?[ \t]*:?-{3,}")
SETEXT = re.compile(r"(?:=+|-+)[ \t]*")
_SENTENCE_END = ".:!?;,"
MAX_HEADING_WORDS = 16


def is_item(line: str) -> bool:
    return ITEM.fullmatch(line) is not None


def is_row(line: str) -> bool:
    """A table line in any form a rendering writes: pipe row, grid border, a row without outer pipes, tab-separated."""
    return ROW.match(line) is not None or " | " in line or line.strip().count("\t") >= 2


def is_bare_heading(line: str) -> bool:
    """A seed's bare title line: short, unpunctuated at its end, not markup (the seeds' headings, no more)."""
    text = line.strip()
    if not text or text[-1] in _SENTENCE_END or is_item(line) or is_row(line) or text[0] in "<#*" or "|" in text:
        return False
    return len(text.split()) <= MAX_HEADING_WORDS and not line[:1].isspace() and "\t" not in line


def is_heading(lines: Sequence[str], i: int) -> bool:
    """A heading in any style a rendering writes: bare, ATX, bold line, ``<hN>``, or a setext underline's text."""
    line = lines[i]
    if is_bare_heading(line) or re.match(r"#{1,6} |\*\*[^*]+\*\*$|<h[1-6]", line):
        return True
    return i + 1 < len(lines) and bool(lines[i].strip()) and SETEXT.fullmatch(lines[i + 1]) is not None


def cells(row: str) -> list[str]:
    """A pipe row's cells (the seed's rows have no escaped pipes)."""
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def pipe_row(values: Sequence[str]) -> str:
    return "| " + " | ".join(values) + " |"


def _runs(lines: Sequence[str], pred: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of every run of consecutive lines that satisfy ``pred``, end exclusive."""
    out, i = [], 0
    while i < len(lines):
        if pred(lines[i]):
            j = i
            while j < len(lines) and pred(lines[j]):
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _replace_runs(text: str, pred: Callable[[str], bool], render: Callable[[list[str]], list[str]]) -> str:
    """The text with every run of ``pred`` lines replaced by ``render(run)``."""
    lines = text.split("\n")
    out, last = [], 0
    for start, end in _runs(lines, pred):
        out += lines[last:start] + render(lines[start:end])
        last = end
    return "\n".join(out + lines[last:])


def _map_lines(text: str, fn: Callable[[list[str], int], str]) -> str:
    lines = text.split("\n")
    return "\n".join(fn(lines, i) for i in range(len(lines)))


def _seed_items(run: list[str]) -> list[str]:
    return [ITEM.fullmatch(line)["text"] for line in run]


def _is_seed_item(line: str) -> bool:
    return line.startswith("- ")


# --- table headers: other wordings and column orders (families columns, headers) -----------------------------------

# Header wordings per role. CONTRACT lists these for each role ("Priority Area, Focus Area, ... Priority", "Key
# Focus, ... Planned Activities", "Expected Outcome, ... Intended Effect"); the others are wordings an analyst
# would expect to map by the role's head word (header_synonyms.yaml: plurals, "X of Y", participles after the noun).
CONTRACT_WORDINGS = {
    "area": [
        "Priority Area", "Focus Area", "Strategic Focus", "Area of Focus", "Domain", "Pillar", "Theme", "Priority",
    ],
    "focus": ["Key Focus", "Key Initiative", "Initiative", "Objective", "Key Measures", "Action", "Planned Activities"],
    "outcome": ["Expected Outcome", "Outcome", "Impact", "Result", "Goal", "Desired Outcome", "Intended Effect"],
}
NEW_WORDINGS = {
    "area": [
        "Focus Areas", "Priority Areas", "Strategic Priority", "Key Area", "Policy Area", "Thematic Area",
        "Area", "Sector", "Line of Effort", "Workstream", "Area of Cooperation", "Capability Area",
    ],
    "focus": [
        "Key Initiatives", "Main Objective", "Key Objectives", "Key Actions", "Measures", "Activities",
        "Planned Action", "Approach", "Key Tasks", "Focus", "Action Agreed", "Initiatives Planned",
    ],
    "outcome": [
        "Expected Outcomes", "Expected Results", "Anticipated Outcome", "Intended Outcome", "Expected Impact",
        "Desired Effect", "Target Outcome", "Anticipated Benefits", "Outcome Sought", "Results", "Goals",
        "Expected Benefit", "End State",
    ],
}
# The seed's header cells, by the role each column takes (seed 004's third table reads its two area-named
# columns left to right as area and focus, the contract's rule).
SEED_HEADER_ROLES = {
    "Priority Area": "area", "Key Focus": "focus", "Expected Outcome": "outcome",
    "Focus Area": "area", "Key Initiative": "focus", "Strategic Focus": "area",
}


def _header_roles(header: list[str]) -> list[str | None]:
    """Each header cell's role; the second area-named column of a table with no focus column is its focus."""
    roles = [SEED_HEADER_ROLES.get(cell) for cell in header]
    if roles.count("area") == 2 and "focus" not in roles:
        roles[len(roles) - 1 - roles[::-1].index("area")] = "focus"
    return roles


def _tables(text: str, render: Callable[[list[str], list[str | None], list[list[str]]], list[str]]) -> str:
    """Every pipe table (header, delimiter, body) replaced by ``render(header, roles, body)``."""

    def table(run: list[str]) -> list[str]:
        if len(run) < 2 or DELIMITER.match(run[1]) is None:
            return run
        header = cells(run[0])
        return render(header, _header_roles(header), [cells(row) for row in run[2:]])

    return _replace_runs(text, is_row, table)


def _markdown_table(header: Sequence[str], body: Sequence[Sequence[str]]) -> list[str]:
    return [pipe_row(header), pipe_row(["---"] * len(header)), *(pipe_row(row) for row in body)]


def reword(role: str, wording: str) -> Callable[[str], str]:
    """Every table's ``role`` column headed ``wording`` instead."""

    def render(header: list[str], roles: list[str | None], body: list[list[str]]) -> list[str]:
        return _markdown_table([wording if r == role else h for h, r in zip(header, roles, strict=True)], body)

    return lambda text: _tables(text, render)


def header_case(fn: Callable[[str], str]) -> Callable[[str], str]:
    """Every header cell rewritten by ``fn`` (upper case, bold, a trailing colon)."""
    return lambda text: _tables(text, lambda header, roles, body: _markdown_table([fn(h) for h in header], body))


def reorder(order: Sequence[str]) -> Callable[[str], str]:
    """Columns reordered by role (``("outcome", "area", "focus")``): the contract maps columns in any order.

    Only orders that keep the area column left of the focus column: a table whose two columns both name an
    area reads the left one as the area, so swapping them would change what the table says."""

    def render(header: list[str], roles: list[str | None], body: list[list[str]]) -> list[str]:
        perm = [roles.index(role) for role in order]
        return _markdown_table([header[k] for k in perm], [[row[k] for k in perm] for row in body])

    return lambda text: _tables(text, render)


def extra_column(name: str, value: str) -> Callable[[str], str]:
    """A column the contract ignores for ``priorities`` (Timeline, Budget) added at the right."""
    def render(header: list[str], roles: list[str | None], body: list[list[str]]) -> list[str]:
        return _markdown_table([*header, name], [[*row, value] for row in body])

    return lambda text: _tables(text, render)


# --- list markers (family lists) -----------------------------------------------------------------------------------

def bullets(glyph: str, blank: str = " ", indent: str = "") -> Callable[[str], str]:
    """Every ``- `` item written ``{indent}{glyph}{blank}`` as word processors, PDFs and CMS text give it."""
    def render(run: list[str]) -> list[str]:
        return [f"{indent}{glyph}{blank}{t}" for t in _seed_items(run)]

    return lambda text: _replace_runs(text, _is_seed_item, render)


def _roman(n: int) -> str:
    return ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][n - 1]


ENUMERATORS: dict[str, Callable[[int], str]] = {
    "dot": lambda n: f"{n}.",
    "paren": lambda n: f"{n})",
    "parens": lambda n: f"({n})",
    "letter_dot": lambda n: f"{chr(96 + n)}.",
    "letter_paren": lambda n: f"{chr(96 + n)})",
    "letter_parens": lambda n: f"({chr(96 + n)})",
    "roman_dot": lambda n: f"{_roman(n)}.",
    "roman_parens": lambda n: f"({_roman(n)})",
    "upper_roman_dot": lambda n: f"{_roman(n).upper()}.",
    "upper_letter_dot": lambda n: f"{chr(64 + n)}.",
    "upper_letter_paren": lambda n: f"{chr(64 + n)})",
    "number_dash": lambda n: f"{n} -",
}


def numbered(style: str) -> Callable[[str], str]:
    """Every list numbered in ``style`` (``1)``, ``(a)``, ``iv.`` ...), counting from 1 in each list."""
    mark = ENUMERATORS[style]
    return lambda text: _replace_runs(
        text, _is_seed_item, lambda run: [f"{mark(n)} {t}" for n, t in enumerate(_seed_items(run), 1)]
    )


_LEAD = re.compile(r"(?P<name>[^:]{1,80}):[ ](?P<rest>.+)")


def bold_leads(inside: bool) -> Callable[[str], str]:
    """``- **Name:** detail`` (colon inside the bold, as chat assistants write) or ``- **Name**: detail``."""

    def item(text: str) -> str:
        match = _LEAD.fullmatch(text)
        if match is None:
            return f"- {text}"
        name, rest = match["name"], match["rest"]
        return f"- **{name}:** {rest}" if inside else f"- **{name}**: {rest}"

    return lambda text: _replace_runs(text, _is_seed_item, lambda run: [item(t) for t in _seed_items(run)])


def _li(text: str, style: str, p: bool, strong: bool) -> str:
    body = html.escape(text, quote=False)
    match = _LEAD.fullmatch(body) if strong else None
    if match is not None:
        body = f"<strong>{match['name']}:</strong> {match['rest']}"
    if p:
        p_style = ' style="margin:0"' if style else ""
        body = f"<p{p_style}>{body}</p>"
    return f"<li{style}>{body}</li>"


def html_lists(
    tag: str = "ul", *, one_line: bool = False, styled: bool = False, p: bool = False, strong: bool = False,
    blank_around: bool = False,
) -> Callable[[str], str]:
    """Every list as an HTML ``<ul>``/``<ol>`` block, as a content system or an e-mail client emits it.

    ``styled`` writes the inline styles Gmail and Outlook put on lists; ``p`` wraps each item's text in
    ``<p>`` (Outlook, Word's HTML); ``strong`` makes a ``Name:`` lead ``<strong>``; ``blank_around`` sets
    the block apart by blank lines, as a careful author pasting HTML into markdown does."""
    ul_style = ' style="margin-top:0;margin-bottom:0;padding-left:20px"' if styled else ""
    li_style = ' style="margin-left:15px;font-family:Arial,sans-serif;font-size:11pt"' if styled else ""

    def render(run: list[str]) -> list[str]:
        items = [_li(t, li_style, p, strong) for t in _seed_items(run)]
        block = [f"<{tag}{ul_style}>", *items, f"</{tag}>"]
        if one_line:
            block = ["".join(block)]
        return ["", *block, ""] if blank_around else block

    return lambda text: _replace_runs(text, _is_seed_item, render)


def html_br_bullets(text: str) -> str:
    """Every list as one ``<p>`` of ``•&nbsp;Item<br>`` lines, as a rich-text editor's soft line breaks give it."""
    return _replace_runs(
        text, _is_seed_item, lambda run: ["<p>" + "<br>\n".join(f"•&nbsp;{t}" for t in _seed_items(run)) + "</p>"]
    )


def html_div_bullets(text: str) -> str:
    """Every item as a ``<div>•&nbsp;Item</div>`` line, as Gmail's composer writes typed bullets."""
    return _replace_runs(text, _is_seed_item, lambda run: [f"<div>•&nbsp;{t}</div>" for t in _seed_items(run)])


# --- tables as HTML (family tables) --------------------------------------------------------------------------------

def html_tables(
    *, thead: bool = True, one_line: bool = False, styled: bool = False, pretty: bool = False
) -> Callable[[str], str]:
    """Every pipe table as an HTML ``<table>``: ``<thead>``/``<th>`` headers (``thead=False``: ``<th>`` cells in
    the first ``<tr>``, as older content systems write), e-mail clients' inline styles, one line (a minified
    export) or pretty-printed with nested indentation."""
    tstyle = ' border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;width:100%"' if styled else ""
    cstyle = ' style="padding:4px 8px;border:1px solid #cccccc;vertical-align:top"' if styled else ""

    def render(header: list[str], roles: list[str | None], body: list[list[str]]) -> list[str]:
        def tr(row: Sequence[str], cell: str, depth: int) -> list[str]:
            inner = [f"<{cell}{cstyle}>{html.escape(v, quote=False)}</{cell}>" for v in row]
            if not pretty:
                return ["<tr>" + "".join(inner) + "</tr>"]
            pad = "  " * depth
            return [f"{pad}<tr>", *(f"{pad}  {c}" for c in inner), f"{pad}</tr>"]

        depth = 2 if thead else 1
        head = tr(header, "th", depth)
        rows = [line for row in body for line in tr(row, "td", depth)]
        if thead:
            pad = "  " if pretty else ""
            lines = [f"<table{tstyle}>", f"{pad}<thead>", *head, f"{pad}</thead>"]
            lines += [f"{pad}<tbody>", *rows, f"{pad}</tbody>", "</table>"]
        else:
            lines = [f"<table{tstyle}>", *head, *rows, "</table>"]
        return ["".join(line.strip() for line in lines)] if one_line else lines

    return lambda text: _tables(text, render)


# --- pipe tables as other tools format them (family tables) --------------------------------------------------------

def _aligned(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]))]
    return [[cell.ljust(widths[k]) for k, cell in enumerate(row)] for row in rows]


def table_aligned(text: str) -> str:
    """Cells padded to their column's width and dashes to match, as prettier and editors' table modes write."""

    def render(header: list[str], roles: list[str | None], body: list[list[str]]) -> list[str]:
        head, *rows = _aligned([header, *body])
        rule = ["-" * len(cell) for cell in head]
        return [pipe_row(head), pipe_row(rule), *(pipe_row(row) for row in rows)]

    return _tables(text, render)


def table_no_outer_pipes(text: str) -> str:
    """``Priority Area | Key Focus | Expected Outcome``: GFM rows without their outer pipes."""

    def render(header: list[str], roles: list[str | None], body: list[list[str]]) -> list[str]:
        rows = [header, ["---"] * len(header), *body]
        return [" | ".join(row) for row in rows]

    return _tables(text, render)


def table_colons(text: str) -> str:
    """An alignment row ``|:---|:---:|---:|``."""

    def render(header: list[str], roles: list[str | None], body: list[list[str]]) -> list[str]:
        rule = [":---", ":---:", "---:"] + [":---"] * (len(header) - 3)
        return [pipe_row(header), pipe_row(rule[: len(header)]), *(pipe_row(row) for row in body)]

    return _tables(text, render)


def table_indented(text: str) -> str:
    """Every table row indented by two spaces (the contract: 1-3 spaces keep a pipe table a table)."""
    return _tables(text, lambda header, roles, body: ["  " + line for line in _markdown_table(header, body)])


def table_grid(text: str) -> str:
    """A pandoc grid table: ``+---+`` borders, ``+===+`` under the header."""

    def render(header: list[str], roles: list[str | None], body: list[list[str]]) -> list[str]:
        head, *rows = _aligned([header, *body])

        def border(fill: str) -> str:
            return "+" + "+".join(fill * (len(cell) + 2) for cell in head) + "+"

        out = [border("-"), pipe_row(head), border("=")]
        for row in rows:
            out += [pipe_row(row), border("-")]
        return out

    return _tables(text, render)


def table_tsv(text: str) -> str:
    """Tab-separated rows, as a table copied out of a spreadsheet and pasted as plain text."""
    return _tables(text, lambda header, roles, body: ["\t".join(row) for row in [header, *body]])


# --- headings (families heading_case, headings) --------------------------------------------------------------------

def _headings(text: str, render: Callable[[str, bool], list[str]]) -> str:
    """Every bare heading line replaced by ``render(text, is_first_heading)``."""
    lines = text.split("\n")
    out, first = [], True
    for line in lines:
        if is_bare_heading(line):
            out += render(line.strip(), first)
            first = False
        else:
            out.append(line)
    return "\n".join(out)


def atx(text: str) -> str:
    """``# Title`` then ``## Heading``, the headings' lines otherwise where they were (no blank lines)."""
    return _headings(text, lambda h, first: [f"{'#' if first else '##'} {h}"])


def atx_closed(text: str) -> str:
    """``## Heading ##`` (closing hashes, as some converters write)."""
    return _headings(text, lambda h, first: [f"{'#' if first else '##'} {h} {'#' if first else '##'}"])


def setext(text: str) -> str:
    """``Title`` over ``=====``, headings over ``-----``, set apart by blank lines as setext writers do."""
    return _headings(text, lambda h, first: ["", h, ("=" if first else "-") * len(h), ""])


def upper_headings(text: str) -> str:
    """Headings in capitals (wire copy, plain-text newsletters): the contract's ALL-CAPS bare lines."""
    return _headings(text, lambda h, first: [h.upper()])


def bold_headings(text: str) -> str:
    """``**Heading**`` alone on its line: a heading written in bold by a writer without heading styles."""
    return _headings(text, lambda h, first: [f"**{h}**"])


def html_headings(text: str) -> str:
    """``<h1>``/``<h2>`` lines, as a content system's body with markdown around it."""
    return _headings(text, lambda h, first: [f"<h1>{h}</h1>" if first else f"<h2>{h}</h2>"])


# --- the whole article as HTML (family document, alone with the block markup) --------------------------------------

def html_document(*, styled: bool = False) -> Callable[[str], str]:
    """The whole article as a content system's HTML body: ``<h1>``/``<h2>``, ``<p>``, ``<ul>``, ``<table>``."""
    lists, tables = html_lists(styled=styled), html_tables(styled=styled)
    p_style = ' style="margin:0 0 12px 0"' if styled else ""

    def paragraph(lines: list[str], i: int) -> str:
        line = lines[i]
        if not line.strip() or line.startswith("<"):
            return line
        return f"<p{p_style}>{html.escape(line, quote=False)}</p>"

    return lambda text: _map_lines(html_headings(lists(tables(text))), paragraph)


# --- blank lines (family blanks) -----------------------------------------------------------------------------------

_OPEN = re.compile(r"<(ul|ol|table)\b", re.I)
_CLOSE = re.compile(r"</(ul|ol|table)>", re.I)


def _block_starts(lines: Sequence[str]) -> list[bool]:
    """Whether each line opens a block: not a blank, not the next item of a list or row of a table, not inside
    an HTML list or table, not a setext underline."""
    starts, depth = [], 0
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else ""
        inside = depth > 0
        depth += len(_OPEN.findall(line)) - len(_CLOSE.findall(line))
        same_run = (is_item(line) and is_item(prev)) or (is_row(line) and is_row(prev))
        underline = bool(prev.strip()) and SETEXT.fullmatch(line) is not None and not is_row(prev)
        starts.append(bool(line.strip()) and not inside and not same_run and not underline)
    return starts


def blank_lines(gap: Sequence[str] = ("",), *, loose: bool = False) -> Callable[[str], str]:
    """``gap`` (one blank line, two, or one holding spaces) before every block after the first, as conventional
    markdown writes; ``loose`` also sets list items apart (a loose list)."""

    def render(text: str) -> str:
        lines = text.split("\n")
        starts = _block_starts(lines)
        out: list[str] = []
        for i, line in enumerate(lines):
            opens = starts[i] or (loose and i > 0 and is_item(line) and is_item(lines[i - 1]))
            if opens and out and out[-1].strip():
                out += gap
            out.append(line)
        return "\n".join(out)

    return render


# --- hard wrapping (family wrap) -----------------------------------------------------------------------------------

def _wrap(text: str, width: int, first: str = "", hang: str = "") -> list[str]:
    """``text`` broken at spaces as an e-mail client or an editor's fill does: no word split, no hyphen break."""
    return textwrap.wrap(
        text, width, initial_indent=first, subsequent_indent=hang, break_long_words=False, break_on_hyphens=False
    ) or [first + text]


def wrap(width: int, *, items: str = "flush", rows: bool = False, soft_space: bool = False) -> Callable[[str], str]:
    """Long lines hard-wrapped at ``width`` columns; headings and HTML lines are left whole.

    Prose continues flush left. ``items``: ``"flush"`` (an e-mail client: every line broken where it runs past
    the width, continuations at the margin), ``"hang"`` (pandoc and editors' fill: continuations indented
    under the item's text), ``"tab"`` (the hanging indent typed as a tab), ``"none"`` (items left whole).
    ``rows``: pipe rows wrapped too (an e-mail client wraps every long line), in two pieces at most, and only
    rows with an opening pipe: the contract promises no wrapped row, and the reader joins a pipe row's two
    pieces wherever the cut falls (READING.md: ``wrapped_row``, ``short_wrapped_row``, ``pipe_cut_row``,
    ``closing_pipe_row``, ``cut_header_row``, ``cut_delimiter_row``); a row cut in three, or one without
    pipes cut anywhere, is a guess no rule makes. ``soft_space``: format=flowed, every soft break keeps a
    trailing space (RFC 3676)."""

    def line_wrap(lines: list[str], i: int) -> str:
        line = lines[i]
        if len(line) <= width or line.startswith("<") or is_heading(lines, i):
            return line
        match = ITEM.fullmatch(line)
        if is_row(line):
            if not rows or line[:1] != "|":
                return line
            head, *rest = _wrap(line, width)
            pieces = [head, " ".join(rest)] if rest else [head]
        elif match is not None:
            if items == "none":
                return line
            lead = line[: match.start("text")]
            hang = {"flush": "", "hang": " " * len(lead), "tab": "\t"}[items]
            pieces = _wrap(match["text"], width, lead, hang)
        else:
            pieces = _wrap(line, width)
        return (" \n" if soft_space else "\n").join(pieces)

    return lambda text: _map_lines(text, line_wrap)


# --- bytes (family bytes) ------------------------------------------------------------------------------------------

def trailing(blank: str) -> Callable[[str], str]:
    """Every non-blank line ending in ``blank`` (editors that keep trailing white space)."""
    return lambda text: "\n".join(line + blank if line.strip() else line for line in text.split("\n"))


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def bom(text: str) -> str:
    return "\ufeff" + text


def leading_blanks(text: str) -> str:
    """Two blank lines before the first line, as content-system exports often begin."""
    return "\n\n" + text


def final_newlines(text: str) -> str:
    """The text ending in one newline, as editors save it."""
    return text.rstrip("\n") + "\n"


# --- the catalogue ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rerendering:
    """One named shape: ``family`` says what kind of change it is (the fields it may change), ``stage`` when it
    applies in a composition."""

    name: str
    family: str
    stage: int
    apply: Callable[[str], str]


# Columns are reordered before their headers are reworded (the reordering finds the roles by the seed's wordings).
# Headings are put in capitals before they are marked up.
STAGES = {
    "columns": 0, "headers": 1, "lists": 2, "tables": 2, "document": 2, "heading_case": 3, "headings": 4, "blanks": 5,
    "wrap": 6, "bytes": 7,
}
# The whole-document HTML body leaves no markdown for these to work on.
CONFLICTS = {"document": {"lists", "tables", "headings", "blanks", "wrap"}}

GLYPHS = {
    "bullet": "•", "square": "▪", "white_bullet": "◦", "triangle": "‣", "hyphen_bullet": "⁃", "black_circle": "●",
    "arrowhead": "➤", "en_dash": "–", "em_dash": "—",
}
BLANKS = {"space": " ", "nbsp": "\u00a0", "em_space": "\u2003"}
# Hard-wrap widths: e-mail clients' 72 and 76 (RFC 2646), editors' 80, narrower mobile and list-server widths.
WIDTHS = (60, 64, 68, 72, 76, 80)


def _catalogue() -> list[Rerendering]:
    made: list[tuple[str, str, Callable[[str], str]]] = []
    for role in ("area", "focus", "outcome"):
        for k, wording in enumerate(CONTRACT_WORDINGS[role]):
            made.append((f"header_{role}_contract_{k}", "headers", reword(role, wording)))
        for k, wording in enumerate(NEW_WORDINGS[role]):
            made.append((f"header_{role}_new_{k}", "headers", reword(role, wording)))
    made += [
        ("header_upper", "headers", header_case(str.upper)),
        ("header_lower", "headers", header_case(str.lower)),
        ("header_bold", "headers", header_case(lambda h: f"**{h}**")),
        ("header_colon", "headers", header_case(lambda h: f"{h}:")),
        ("columns_outcome_first", "columns", reorder(("outcome", "area", "focus"))),
        ("columns_outcome_middle", "columns", reorder(("area", "outcome", "focus"))),
        ("columns_extra_timeline", "columns", extra_column("Timeline", "2025–2026")),
        ("columns_extra_budget", "columns", extra_column("Budget (EUR m)", "120")),
    ]
    for gname, glyph in GLYPHS.items():
        for bname, blank in BLANKS.items():
            made.append((f"bullet_{gname}_{bname}", "lists", bullets(glyph, blank)))
    made += [
        ("bullet_bullet_tab", "lists", bullets("•", "\t")),  # Word's plain-text paste: glyph, tab
        ("bullet_bullet_tab_indented", "lists", bullets("•", " ", "\t")),  # plain-text e-mail, items indented
        ("bullet_bullet_indented_two", "lists", bullets("•", " ", "  ")),  # plain-text e-mail
        ("bullet_middle_dot_tab", "lists", bullets("·", "\t")),  # Word's Symbol-font bullet pasted as text
        ("bullet_middle_dot_nbsp_run", "lists", bullets("·", "\u00a0" * 7 + " ")),  # the same from Word's HTML
        ("bullet_entity", "lists", bullets("&bull;")),  # a CMS's text field holding the entity
        ("bullet_star", "lists", bullets("*")),
        ("bullet_plus", "lists", bullets("+")),
        ("dash_indented_two", "lists", bullets("-", " ", "  ")),
        ("dash_two_spaces_after", "lists", bullets("-", "  ")),
        ("dash_tab", "lists", bullets("-", "\t")),
        ("bold_lead_colon_inside", "lists", bold_leads(inside=True)),
        ("bold_lead_colon_outside", "lists", bold_leads(inside=False)),
        *((f"numbered_{style}", "lists", numbered(style)) for style in ENUMERATORS),
        ("html_ul", "lists", html_lists()),
        ("html_ol", "lists", html_lists("ol")),
        ("html_ul_one_line", "lists", html_lists(one_line=True)),
        ("html_ul_styled", "lists", html_lists(styled=True)),
        ("html_ul_p", "lists", html_lists(p=True)),
        ("html_ul_styled_p_strong", "lists", html_lists(styled=True, p=True, strong=True)),
        ("html_ul_blank_around", "lists", html_lists(blank_around=True)),
        ("html_br_bullets", "lists", html_br_bullets),
        ("html_div_bullets", "lists", html_div_bullets),
        ("table_aligned", "tables", table_aligned),
        ("table_no_outer_pipes", "tables", table_no_outer_pipes),
        ("table_colons", "tables", table_colons),
        ("table_indented", "tables", table_indented),
        ("table_grid", "tables", table_grid),
        ("table_tsv", "tables", table_tsv),
        ("html_table", "tables", html_tables()),
        ("html_table_no_thead", "tables", html_tables(thead=False)),
        ("html_table_one_line", "tables", html_tables(one_line=True)),
        ("html_table_styled", "tables", html_tables(styled=True)),
        ("html_table_pretty", "tables", html_tables(pretty=True)),
        ("html_document", "document", html_document()),
        ("html_document_styled", "document", html_document(styled=True)),
        ("headings_atx", "headings", atx),
        ("headings_atx_closed", "headings", atx_closed),
        ("headings_setext", "headings", setext),
        ("headings_bold", "headings", bold_headings),
        ("headings_upper", "heading_case", upper_headings),
        ("headings_html", "headings", html_headings),
        ("blank_between_blocks", "blanks", blank_lines()),
        ("blank_double", "blanks", blank_lines(("", ""))),
        ("blank_with_spaces", "blanks", blank_lines(("  ",))),
        ("blank_loose_lists", "blanks", blank_lines(loose=True)),
    ]
    for width in WIDTHS:
        made += [
            (f"wrap_email_{width}", "wrap", wrap(width)),
            (f"wrap_hanging_{width}", "wrap", wrap(width, items="hang")),
            (f"wrap_prose_{width}", "wrap", wrap(width, items="none")),
            (f"wrap_email_rows_{width}", "wrap", wrap(width, rows=True)),
        ]
    made += [
        ("wrap_tab_hang_72", "wrap", wrap(72, items="tab")),
        ("wrap_flowed_72", "wrap", wrap(72, soft_space=True)),
        ("crlf", "bytes", crlf),
        ("bom", "bytes", bom),
        ("bom_crlf", "bytes", lambda text: bom(crlf(text))),
        ("trailing_space", "bytes", trailing(" ")),
        ("trailing_spaces_tab", "bytes", trailing(" \t")),
        ("final_newline", "bytes", final_newlines),
        ("leading_blank_lines", "bytes", leading_blanks),
    ]
    return [Rerendering(name, family, STAGES[family], fn) for name, family, fn in made]


RERENDERINGS: dict[str, Rerendering] = {r.name: r for r in _catalogue()}


def compose(renderings: Sequence[Rerendering]) -> Callable[[str], str]:
    """The renderings applied in stage order, as a document passes from tool to tool."""
    ordered = sorted(renderings, key=lambda r: r.stage)

    def apply(text: str) -> str:
        for rendering in ordered:
            text = rendering.apply(text)
        return text

    return apply


def composable(renderings: Sequence[Rerendering]) -> bool:
    """Whether the renderings can be applied together: one per family, none conflicting."""
    families = [r.family for r in renderings]
    if len(set(families)) != len(families):
        return False
    return not any(CONFLICTS.get(f, set()) & set(families) for f in families)
