"""Authoring tools' markup that renders to nothing (round 11, part B): template comments, page code, cell breaks.

Static-site generators, notebook tools and component frameworks keep lines in an article's source that the
published page never shows: a Liquid ``{% comment %}`` block (a draft table inside it was not published), an
MDX ``export const metadata = {...}`` object and ``{/* ... */}`` comment, a MyST notebook's ``+++`` cell break,
a reST ``.. _label:`` target, txt2tags' ``%!target`` settings and ``%`` comments. Their authors mean them as
nothing: ``markup_lines`` reads them as blank lines, in place, so no line moves. Logseq's hidden block properties
(``collapsed:: true``) and the org block fences it writes in markdown (``#+BEGIN_NOTE``) are such markup too; the
segmenter drops them where it reads an item's lines.

Each rule looks at one line (a block rule, at the lines down to its end), so it is linear in the text; the
patterns use possessive repeats (the audit in ``tests/test_reader_linear.py`` reads them).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from nato_briefs.reader.rules.exports import jira_header_row, trac_row
from nato_briefs.reader.rules.items import Marker, indentation
from nato_briefs.reader.starts import LineStarts

# Liquid's comment tags (Jekyll, Shopify, Eleventy), whitespace-control dashes allowed: ``{%- comment -%}``.
_LIQUID_COMMENT = re.compile(r"\{%-?+[ \t]*+comment[ \t]*+-?+%\}")
_LIQUID_END_COMMENT = re.compile(r"\{%-?+[ \t]*+endcomment[ \t]*+-?+%\}")
# An MDX module statement at the margin: ``export const metadata = {``, ``export default function Page() {``.
_MDX_EXPORT = re.compile(r"export[ \t]++(?:const|let|var|function|default|async)\b.*+")
# A JSX comment alone on its line: ``{/* to be checked by the press office */}``.
_JSX_COMMENT = re.compile(r"\{/\*.*+")
# A MyST notebook's cell break: ``+++`` alone or with the next cell's metadata (``+++ {"tags": ["hide"]}``).
_MYST_BREAK = re.compile(r"\+\+\+(?:[ \t]++\{[^{}]*+(?:\{[^{}]*+\}[^{}]*+)*+\})?+")
# A reST hyperlink target (``.. _maritime-plan:``, ``.. _NATO: https://www.nato.int``).
_RST_TARGET = re.compile(r"\.\.[ \t]++_[^:`\s][^:`]{0,80}+:(?:[ \t]++\S.*+)?+")
# txt2tags' settings line (``%!target: html``, ``%!encoding: utf-8``).
_TXT2TAGS_SETTING = re.compile(r"%![a-zA-Z]{2,20}+(?:\([a-z0-9]{1,20}+\))?+[ \t]*+:.*+")
# Closing brackets that end an exported object or function at the margin (``}``, ``};``, ``})``, ``]``).
_CLOSER = re.compile(r"[}\])][}\]);, \t]*+")
# The characters the rules of ``markup_lines`` open with.
_MARKUP_LEADS = frozenset("{e+.#%")
# Lines read for a multi-line MDX export's closing bracket before the statement is taken for prose.
MAX_EXPORT_LINES = 60


def liquid_closers(lines: list[str], last: int) -> list[int]:
    """The indexes of the lines up to ``last`` that close a Liquid comment (``{% endcomment %}``), in order.

    Found once for the document, so that every comment opened looks its closer up instead of reading the
    lines below it again: a thousand unclosed openers over a line that only looks like a closer read each
    line below them a thousand times.
    """
    return [
        k
        for k in range(last + 1)
        if "endcomment" in lines[k] and _LIQUID_END_COMMENT.fullmatch(lines[k].strip(" \t")) is not None
    ]


def liquid_comment_end(lines: list[str], top: int, closers: list[int]) -> int | None:
    """The index of the ``{% endcomment %}`` closing the Liquid comment opened on ``top``, or None.

    A Jekyll author keeps drafts and notes in a ``{% comment %}`` block; the site renders none of it, so a
    table or list inside was not published (``liquid_comment``). An unclosed comment hides nothing. ``closers``
    are the document's closing lines (``liquid_closers``): the first one below ``top`` closes it.
    """
    if _LIQUID_COMMENT.fullmatch(lines[top].strip(" \t")) is None:
        return None
    at = bisect_right(closers, top)
    return closers[at] if at < len(closers) else None


def mdx_export_end(lines: list[str], top: int) -> int | None:
    """The last index of the MDX ``export ...`` statement opening on ``top``, or None (``mdx_export``).

    An MDX page's exports (``export const metadata = { title: ... }``) are code of the page, as its
    imports are: a statement that opens a bracket it does not close ends at the first line at the margin
    that opens with a closing bracket; one on a single line ends there.
    """
    line = lines[top].rstrip(" \t")
    if _MDX_EXPORT.fullmatch(line) is None:
        return None
    if line[-1:] not in "{[(":
        return top if line[-1:] in (";", "}", ")", "]", "'", '"') else None
    for end in range(top + 1, min(len(lines), top + MAX_EXPORT_LINES)):
        if _CLOSER.fullmatch(lines[end].rstrip(" \t")):
            return end
        if lines[end][:1] not in (" ", "\t", "") and lines[end].strip():
            return None  # text at the margin before the closing bracket: not an object literal
    return None


def is_jsx_comment(line: str) -> bool:
    """``{/* ... */}`` alone on its line: an MDX comment, rendered as nothing (``jsx_comment``)."""
    body = line.strip(" \t")
    return body.endswith("*/}") and len(body) >= 7 and _JSX_COMMENT.fullmatch(body) is not None


def is_myst_break(line: str) -> bool:
    """A MyST notebook's ``+++`` cell break, with or without the next cell's JSON metadata (``myst_break``)."""
    return _MYST_BREAK.fullmatch(line.rstrip(" \t")) is not None


def is_rst_target(line: str) -> bool:
    """A reST hyperlink target line (``.. _maritime-plan:``): a link anchor, not text (``rst_target``)."""
    return _RST_TARGET.fullmatch(line.rstrip(" \t")) is not None


def is_txt2tags_setting(line: str) -> bool:
    """txt2tags' ``%!target: html`` settings line (``txt2tags_setting``): the document's settings."""
    return _TXT2TAGS_SETTING.fullmatch(line.rstrip(" \t")) is not None


def may_markup(starts: LineStarts) -> bool:
    """Whether ``markup_lines`` can blank a line of a document opening as ``starts`` tells: a Liquid or JSX comment
    (``{``), an MDX export (``e``), a reST target (``.``), a MyST break (``++``), a Typst rule (``#s``, ``#i``,
    ``#l``) or txt2tags' settings (``%!``, without which its ``%`` lines are text). Each rule below opens so."""
    return starts.opens("{", "e", ".", "++", "#s", "#i", "#l", "%!")


def markup_lines(lines: list[str]) -> None:
    """Blank, in place, the lines of authoring-tool markup that render to nothing (see the module's docstring).

    The TOML front matter's own ``+++`` lines are left to the front-matter reader; txt2tags' ``%`` comment
    lines are markup only in a document with ``%!`` settings, since elsewhere ``% Title`` is pandoc's. Only
    lines opening with one of the rules' characters are looked at (one pass in a comprehension).
    """
    candidates = [k for k, line in enumerate(lines) if line[:1] in _MARKUP_LEADS]
    if not candidates:
        return
    txt2tags = any(lines[k][:2] == "%!" and is_txt2tags_setting(lines[k]) for k in candidates if lines[k][:1] == "%")
    if txt2tags:
        txt2tags_lines(lines)
    last_end = max((k for k in candidates if "endcomment" in lines[k]), default=-1)  # closers open with "{"
    closers = liquid_closers(lines, last_end) if last_end > 0 else []
    toml_end = -1
    if lines[0].rstrip(" \t") == "+++":
        toml_end = next((k for k in range(1, len(lines)) if lines[k].rstrip(" \t") == "+++"), len(lines))
    done = -1
    for k in candidates:
        line = lines[k]
        lead = line[:1]
        end: int | None = None
        if k <= done:
            continue
        if lead == "{":
            end = liquid_comment_end(lines, k, closers) if "comment" in line else (k if is_jsx_comment(line) else None)
        elif lead == "e":
            end = mdx_export_end(lines, k)
        elif lead == "+" and k > toml_end and line[:3] == "+++":
            end = k if is_myst_break(line) else None
        elif lead == ".":
            end = k if is_rst_target(line) else None
        elif lead == "#" and line[1:2] in ("s", "i", "l"):
            end = k if is_typst_rule(line) else None
        elif lead == "%" and txt2tags:
            end = k if line[:2] == "%!" or line[1:2] in (" ", "\t", "") else None
        if end is not None:
            for j in range(k, end + 1):
                lines[j] = ""
            done = end


# Org-mode's heading decorations: a TODO-state keyword first, a priority cookie, and ``:tag:tag:`` last.
_ORG_TODO = re.compile(r"(?:TODO|DONE|NEXT|WAITING|HOLD|CANCELLED|CANCELED)[ \t]++(?:\[#[A-Z0-9]\][ \t]++)?+")
_ORG_TAGS = re.compile(r"[ \t]++:(?:[\w@#%]++:)++")
# Org's planning line under a heading (``SCHEDULED: <2026-07-01 Wed>``, ``DEADLINE:``, ``CLOSED:``).
_ORG_PLANNING = re.compile(r"[ \t]*+(?:(?:SCHEDULED|DEADLINE|CLOSED):[ \t]*+[<\[][^>\]]{1,60}+[>\]][ \t]*+)++")
# A table cell holding only org's alignment / width cookie (``<l>``, ``<r13>``, ``<c>``, ``<10>``) or nothing.
_ORG_COOKIE = re.compile(r"[ \t]*+(?:<[lrc]?+\d{0,3}+>)?+[ \t]*+")


def org_heading_text(text: str) -> str:
    """An org heading's text without its TODO keyword, priority cookie and tags (``org_heading_text``).

    ``* TODO Follow-up actions   :nato:review:`` is the heading "Follow-up actions" in a TODO state with two
    tags: org renders the state and tags apart from the title, and exports drop them by default.
    """
    found = _ORG_TODO.match(text)
    body = text[found.end() :] if found and found.end() < len(text) else text
    tags = _ORG_TAGS.search(body) if body.endswith(":") else None
    while tags is not None and tags.end() < len(body):  # the tags are the last run on the line
        tags = _ORG_TAGS.search(body, tags.end())
    return body[: tags.start()] if tags is not None and tags.start() else body


def is_org_planning_line(line: str) -> bool:
    """Org's ``SCHEDULED: <date>`` / ``DEADLINE:`` line under a heading: the task's dates, markup."""
    return _ORG_PLANNING.fullmatch(line.rstrip(" \t")) is not None


def is_org_cookie_row(cells: list[str]) -> bool:
    """An org table row of alignment / width cookies only (``| <l13> | <r> | |``): layout, not a row."""
    return any(cell.strip(" \t") for cell in cells) and all(_ORG_COOKIE.fullmatch(cell) for cell in cells)


def org_title(lines: list[str], top: int) -> str | None:
    """The title an org file's ``#+TITLE:`` line on ``top`` gives it, when no heading repeats it (``org_title``).

    Org exports ``#+TITLE: Allies Review ...`` as the document's title; many files repeat it as their first
    ``*`` heading, and then the keyword adds nothing. One whose headings are its sections only (``* Priorities``)
    has its title on the keyword line alone.
    """
    key, colon, value = lines[top].partition(":")
    title = " ".join(value.split())
    if not colon or key.upper() != "#+TITLE" or not title:
        return None
    first = next((line for line in lines if line[:2] in ("* ", "*\t")), "")
    return None if org_heading_text(first[1:].strip(" \t")) == title else title


# A bullet opening a grid table cell's line: ``- Backup power``, ``* Fuel``, ``+ Depots``, ``• Ports``.
_CELL_BULLET = re.compile(r"[ \t]*+[-*+•◦▪●‣][ \t]++(?=\S)")
# An HTML line break in a pipe table cell: ``<br>``, ``<br/>``, ``<BR />``.
_CELL_BREAK = re.compile(r"<br[ \t]*+/?>", re.IGNORECASE)


def cell_list_text(fragments: list[str]) -> str:
    """A grid table cell's lines as its text, a bullet list in it read as its items (``cell_list``).

    Pandoc's grid tables hold block content: a cell of ``- Backup power`` over ``- Fuel reserves`` is a list
    of two items, shown as bullets in the cell. Its text is the items' text joined by a space, as a line
    break in a cell reads; the markers are markup. Only when every line opens with a bullet: a wrapped
    line that happens to open with a hyphen (``- 2030``, under ``2025``) keeps it.
    """
    if len(fragments) > 1 and all(_CELL_BULLET.match(part) for part in fragments):
        return " ".join(_CELL_BULLET.sub("", part, count=1) for part in fragments)
    return " ".join(fragments)


def br_cell_list(content: str) -> str | None:
    """A pipe cell written as a list, one ``<br>`` between items (``• Backup power<br>• Fuel reserves``): the
    cell without its markers, else None (``br_cell_list``).

    A pipe cell holds one line, so writers and content systems break it with ``<br>`` and put a bullet before
    each line: a list in the cell, shown as one. Its markers are markup, as in a grid table's cell list
    (``cell_list``): only when every line opens with a bullet (``Estonia<br>Finland``, ``5%<br>- 2%`` keep theirs).
    """
    fragments = _CELL_BREAK.split(content)
    if len(fragments) < 2 or not all(_CELL_BULLET.match(part) for part in fragments):
        return None
    return "<br>".join(_CELL_BULLET.sub("", part, count=1) for part in fragments)


# A decimal outline number opening an item: ``1.1.``, ``2.1``, ``1.2.3.``, then white space and text.
_OUTLINE_NUMBER = re.compile(r"([ \t]*+)(\d{1,3}+(?:\.\d{1,3}+)++)\.?+[ \t]++(?=\S)")


def outline_item(line: str, parents: list[str]) -> Marker | None:
    """``1.1. Brigades: ...`` under the open item ``1.``: an ordered item one level down (``outline_item``).

    Word and legal drafting number sub-items by their parent's number (``1.``, ``1.1.``, ``1.1.1.``). Such a
    number is an item only under the item it extends (``parents``: the open items' markers, outermost
    first): at the margin, ``1.5 million troops`` opens prose (CONTRACT: ``1.5`` is never an item).
    """
    match = _OUTLINE_NUMBER.match(line)
    if match is None or not parents:
        return None
    prefix = match.group(2).rpartition(".")[0]
    if all(parent.rstrip(".)") != prefix for parent in parents):  # "1.2." under "1." (its sibling "1.1." open)
        return None
    width = indentation(line)[0]
    glyph = line[len(match.group(1)) : match.end()].strip(" \t")
    return Marker(width, True, "enumerator", glyph, match.end(), width + len(glyph) + 1)


# Textile's block attributes: a class or id in parentheses, a style in braces, a language in brackets, and
# alignment or padding marks (``h2(#steps){color:navy}.``, ``p(lead).``, ``p>.``, ``|{font-weight:bold}. x``).
_TEXTILE_ATTRIBUTES = r"(?:\([^()\n]{0,60}+\)|\{[^{}\n]{0,200}+\}|\[[a-z-]{1,10}+\]|<>|[<>=~^()])*+"
_TEXTILE_BLOCK = re.compile(r"(h[1-6]|p|bq|table|div)(" + _TEXTILE_ATTRIBUTES + r")\.(?:[ \t]++|$)")
_TEXTILE_CELL = re.compile(r"\|(_?+)(?:[\\/]\d++)?+(" + _TEXTILE_ATTRIBUTES + r")\.[ \t]")


def textile_line(line: str) -> str | None:
    """A Textile line with attributes, as the line its author meant without them, or None (``textile_attributes``).

    ``h2(#priorities){color:navy}. Priorities`` is the heading ``h2. Priorities`` styled; ``p(lead). text``
    and ``p>. text`` are paragraphs of ``text``; ``table(priorities).`` only styles the table below; a row's
    ``|{font-weight:bold}. Satellites |`` and ``|<. Ground stations |`` are cells of the text (``|_. Area |``
    keeps its header mark). A row of one cell (``|=. Agreed priorities``) is the table's caption: left alone.
    """
    if line[:1] == "|":
        if line.count("|") < 3 or ". " not in line:
            return None
        rewritten = _TEXTILE_CELL.sub(lambda m: f"|{m.group(1)}{'. ' if m.group(1) else ' '}", line)
        return rewritten if rewritten != line else None
    match = _TEXTILE_BLOCK.match(line)
    if match is None:
        return None
    kind, rest = match.group(1), line[match.end() :]
    if kind[0] == "h":
        return f"{kind}. {rest}"
    return rest if kind in ("p", "bq") else ("" if not rest.strip() else rest)


def textile_lines(lines: list[str]) -> bool:
    """In a Textile document (a heading with attributes, ``h1(#top). Title``), every line read without its
    attributes (``textile_line``), in place; True when the document is one."""
    heads = [k for k, line in enumerate(lines) if line[:1] == "h" and line[2:3] in ("(", "{", "[", "<", ">", "=")]
    if not any(_TEXTILE_BLOCK.match(lines[k]) for k in heads):
        return False
    for k, line in enumerate(lines):
        if line[:1] in ("h", "p", "b", "t", "d", "|") and (rewritten := textile_line(line)) is not None:
            lines[k] = rewritten
    return True


# A wiki table cell's attributes before its text (``rowspan="2" | Air Defence``, ``scope="col" | Area``):
# one or more ``name=value`` pairs, then a single pipe.
_WIKI_CELL_ATTRIBUTES = re.compile(
    r"[ \t]*+(?:[a-z-]{2,20}+[ \t]*+=[ \t]*+(?:\"[^\"\n]{0,200}+\"|'[^'\n]{0,200}+'|[^\s|\"']{1,40}+)[ \t]*+)++\|"
)
_SPAN_ATTRIBUTE = re.compile(r"\b(rowspan|colspan)[ \t]*+=[ \t]*+[\"']?+(\d{1,4}+)")
# AsciiDoc's cell separator: a pipe, maybe after a specifier at the line's start or after a blank: ``3*``
# (the cell three times), ``2+`` (two columns), ``.2+`` (two rows), ``2.3+``, alignment (``^``, ``.>``) and a
# style letter (``a``, ``h``, ``s`` ...).
_ASCIIDOC_SEPARATOR = re.compile(
    r"(?:(?<![^ \t])(?:(\d{1,3}+)\*)?+(?:(\d{1,3}+)?+(?:\.(\d{1,3}+))?+\+)?+[<^>]?+(?:\.[<^>])?+[adehlmsv]?+)?+\|"
)
# Most columns or rows one cell spans: a bigger number is a typo, not a table 10,000 cells wide.
MAX_CELL_SPAN = 50

# A cell as written: its text, how many rows and how many columns it spans.
Cell = tuple[str, int, int]


def mediawiki_cell(raw: str) -> Cell:
    """A MediaWiki cell's text and spans (``rowspan="2" | Air Defence`` -> ``("Air Defence", 2, 1)``).

    The attributes before the single pipe style the cell (``style=...``, ``scope="col"``) or span it; they
    are markup, not the cell's text (``wiki_cell_attributes``).
    """
    found = _WIKI_CELL_ATTRIBUTES.match(raw)
    if found is None or raw[found.end() : found.end() + 1] == "|":
        return raw.strip(" \t"), 1, 1
    spans = {name: min(int(count), MAX_CELL_SPAN) for name, count in _SPAN_ATTRIBUTE.findall(found.group(0))}
    return raw[found.end() :].strip(" \t"), max(spans.get("rowspan", 1), 1), max(spans.get("colspan", 1), 1)


def asciidoc_cells(body: str) -> list[Cell] | None:
    """The cells of an AsciiDoc table line, each with its spans, or None when the line opens no cell.

    A cell opens at a pipe, maybe after a specifier (``.2+|Maritime Security`` spans two rows, ``2+|`` two
    columns, ``a|`` holds AsciiDoc, ``3*|`` repeats the cell): the specifier is markup (``asciidoc_cell_spec``).
    """
    if _ASCIIDOC_SEPARATOR.match(body) is None:
        return None
    separators = list(_ASCIIDOC_SEPARATOR.finditer(body))
    cells: list[Cell] = []
    for k, found in enumerate(separators):
        repeat, across, down = (min(int(n), MAX_CELL_SPAN) if n else 1 for n in found.groups())
        end = separators[k + 1].start() if k + 1 < len(separators) else len(body)
        cells.extend([(body[found.end() : end].strip(" \t"), down, across)] * repeat)
    return cells


def spanned_rows(rows: list[tuple[list[Cell], int]]) -> list[tuple[list[str], int]]:
    """Rows of cells with spans as rows of texts: a cell spanning rows stands in each, as pandas reads HTML.

    A ``rowspan="2"`` area names the rows of both its foci (``cell_spans``); a column span repeats the text.
    """
    below: dict[int, tuple[str, int]] = {}  # column -> (text, rows it still spans)
    out: list[tuple[list[str], int]] = []
    for cells, line in rows:
        row: list[str] = []
        for cell in cells:
            _fill_spans(row, below)
            _place(row, below, cell)
        _fill_spans(row, below)
        out.append((row, line))
    return out


def _place(row: list[str], below: dict[int, tuple[str, int]], cell: Cell) -> None:
    """Append the cell to the row, once a column it spans, noting in ``below`` the rows it spans down into."""
    text, down, across = cell
    for _ in range(across):
        if down > 1:
            below[len(row)] = (text, down - 1)
        row.append(text)


def _fill_spans(row: list[str], below: dict[int, tuple[str, int]]) -> None:
    """Append to the row the cells spanning down into its next columns, using one row of each span."""
    while len(row) in below:
        text, left = below.pop(len(row))
        if left > 1:
            below[len(row)] = (text, left - 1)
        row.append(text)


def cells_in_rows(cells: list[tuple[Cell, int]], width: int) -> list[tuple[list[str], int]] | None:
    """Cells given in reading order (each with its line), cut into rows of ``width`` columns, spans honoured.

    AsciiDoc writes a table's cells one after another, a row ending when its columns are full; a cell
    spanning rows fills its column in the rows below (``cell_spans``). None when a row overflows or the
    last one is left short. Each row's line is its first written cell's.
    """
    below: dict[int, tuple[str, int]] = {}
    rows: list[tuple[list[str], int]] = []
    row: list[str] = []
    first = 0
    for cell, line in cells:
        _fill_spans(row, below)
        if len(row) >= width:  # a row made full by cells spanning into it
            rows.append((row, first or line))
            row, first = [], 0
            _fill_spans(row, below)
        first = first or line
        _place(row, below, cell)
        _fill_spans(row, below)
        if len(row) > width:
            return None
        if len(row) == width:
            rows.append((row, first))
            row, first = [], 0
    return None if row else rows


def dsv_rows(lines: list[str], top: int) -> tuple[list[tuple[list[str], int]], int] | None:
    """The rows of an AsciiDoc delimiter-separated table opened by ``:===`` on ``top``, and its closing index.

    ``[format="dsv"]`` tables write a row a line with colons between cells (``Detection:Shared data:Faster``)
    and close with ``:===`` (``asciidoc_dsv``); the first row heads the table. None unless every row has the
    header's two or more cells and the table closes.
    """
    rows: list[tuple[list[str], int]] = []
    for j in range(top + 1, len(lines)):
        body = lines[j].strip(" \t")
        if body == ":===":
            return (rows, j) if len(rows) >= 2 else None
        if not body:
            continue
        cells = [cell.strip(" \t") for cell in body.split(":")]
        if len(cells) < 2 or (rows and len(cells) != len(rows[0][0])):
            return None
        rows.append((cells, j + 1))
    return None


# Wikidot's heading: one to six plus signs, a blank, the text (``+ Title``, ``++ Priorities``).
_WIKIDOT_HEADING = re.compile(r"(\+{1,6}+)[ \t]++(\S.*+)")
# Wikidot's module lines, rendered as page furniture (``[[toc]]``, ``[[footnoteblock]]``, ``[[module Rate]]``).
_WIKIDOT_MODULE = re.compile(
    r"\[\[/?+(?:f?+toc|footnoteblock|bibliography|module|include|div|collapsible)\b[^\]]*+\]\]"
)


def wikidot_header(line: str) -> str | None:
    """A Wikidot header row ``||~ Area ||~ Focus ||`` in Jira's form (``||Area||Focus||``), else None."""
    body = line.strip(" \t")
    if len(body) < 8 or body[:3] != "||~" or body[-2:] != "||":
        return None
    return jira_header_row([cell.strip(" \t").removeprefix("~").strip(" \t") for cell in body[2:-2].split("||")])


# The line openings that make a page Wikidot's (``wikidot_lines``: a header row, a module line): a page without
# any is not read as one (the segmenter tests them on the whole text first).
WIKIDOT_MARKS = ("||~", "[[t", "[[f", "[[m")


def wikidot_lines(lines: list[str]) -> bool:
    """A Wikidot page read as its markdown, in place (``wikidot``): True when the page is one.

    A page is one when it has a ``||~`` header row or a module line (``[[footnoteblock]]``): then its ``+``
    lines are headings (markdown would read ``+ Title`` as a bullet), its ``||~ Area ||`` header and
    ``|| a ||`` rows a table, and its module lines nothing.
    """
    marks = [k for k, line in enumerate(lines) if line[:3] in WIKIDOT_MARKS]
    if not any(wikidot_header(lines[k]) or _WIKIDOT_MODULE.fullmatch(lines[k].rstrip(" \t")) for k in marks):
        return False
    for k, line in enumerate(lines):
        lead = line[:1]
        if lead == "+" and (heading := _WIKIDOT_HEADING.fullmatch(line.rstrip(" \t"))):
            lines[k] = f"{'#' * len(heading.group(1))} {heading.group(2)}"
        elif lead == "|" and line[:2] == "||":
            lines[k] = wikidot_header(line) or trac_row(line) or line
        elif lead == "[" and _WIKIDOT_MODULE.fullmatch(line.rstrip(" \t")):
            lines[k] = ""
    return True


def txt2tags_lines(lines: list[str]) -> None:
    """txt2tags' header row (`` || Area | Focus | Outcome |``: two pipes open it) in Jira's form, in place.

    Called on a document with ``%!`` settings (``txt2tags_setting``); its body rows are pipe rows as written.
    """
    for k, line in enumerate(lines):
        body = line.strip(" \t")
        if body[:3] == "|| " and body.count("|") >= 4:
            lines[k] = jira_header_row([cell.strip(" \t") for cell in body[2:].rstrip("|").split("|")]) or line


def txt2tags_preamble(lines: list[str]) -> tuple[int, str] | None:
    """txt2tags' header area and settings (``Title`` / author / date, a blank, ``%!target: html`` lines).

    The index of its last line and the title, or None (``txt2tags_header``). txt2tags renders the first line
    as the document's title and the next two as its byline; the settings configure the converter. None
    unless settings follow the header area.
    """
    head = next((k for k in range(min(len(lines), 4)) if not lines[k].strip()), None)
    if not head or not lines[0].strip():
        return None
    end = head
    for k in range(head + 1, min(len(lines), head + 40)):
        if lines[k].strip() and not is_txt2tags_setting(lines[k]):
            break
        end = k
    if not any(is_txt2tags_setting(lines[k]) for k in range(head + 1, end + 1)):
        return None
    return end, " ".join(lines[0].split())


# A reST simple table's column-span underline inside its header (``-----  ---------------``).
_SPAN_UNDERLINE = re.compile(r"-++(?:[ \t]++-++)*+")
# Most header lines a reST simple table is read with (rows, continuations and span underlines).
MAX_RST_HEADER_LINES = 6


def is_span_underline(line: str) -> bool:
    """``-----  -------------``: the underline that spans a reST simple table's header cell over columns."""
    return _SPAN_UNDERLINE.fullmatch(line.strip(" \t")) is not None


def stacked_header(rows: list[list[str]]) -> list[str]:
    """A header written in stacked rows as one: each column named by its lowest non-empty cell (``stacked_header``).

    A reST simple table's upper header row may hold a group label spanning columns (``Plan for 2026-2030`` over
    ``Key Focus`` and ``Expected Outcome``); the row under it names the columns, and a column it leaves empty
    (``\\``, reST's empty cell) keeps the label above (``Priority Area``).
    """
    names = ["" for _ in rows[0]]
    for row in rows:
        for k, cell in enumerate(row):
            if cell and cell != "\\":
                names[k] = cell
    return names


# Markdoc's table tags, alone on their lines (``{% table %}``, ``{% /table %}``), attributes allowed.
_MARKDOC_TABLE = re.compile(r"\{%[ \t]*+table\b[^%]*+%\}")
_MARKDOC_END = re.compile(r"\{%[ \t]*+/table[ \t]*+%\}")
# A Markdoc cell: a list item's marker and its text (``* Key Focus``, ``- Cyber``).
_MARKDOC_CELL = re.compile(r"[*-][ \t]++(.*+)")


def markdoc_rows(lines: list[str], top: int) -> tuple[list[tuple[list[str], int]], int] | None:
    """The rows of the Markdoc table opened by ``{% table %}`` on ``top``, and its closing index (``markdoc_table``).

    Markdoc writes a table as a list: each item a cell, a ``---`` line between rows, the first row the header.
    Read as markdown it was one list, its cells initiatives. An indented line continues the cell above. None
    unless the table closes with ``{% /table %}``, has a body row and rows as wide as its header.
    """
    if _MARKDOC_TABLE.fullmatch(lines[top].strip(" \t")) is None:
        return None
    rows: list[tuple[list[str], int]] = []
    row: list[str] = []
    first = 0
    for j in range(top + 1, len(lines)):
        body = lines[j].strip(" \t")
        if body in ("---", "") or _MARKDOC_END.fullmatch(body):
            if row:
                rows.append((row, first))
                row, first = [], 0
            if body[:2] == "{%":
                ok = len(rows) >= 2 and all(len(cells) == len(rows[0][0]) for cells, _ in rows)
                return (rows, j) if ok else None
            continue
        cell = _MARKDOC_CELL.fullmatch(body) if lines[j][:1] in "*-" else None
        if cell is not None:
            first = first or j + 1
            row.append(cell.group(1).strip(" \t"))
        elif row:
            row[-1] = f"{row[-1]} {body}"
        else:
            return None
    return None


# Typst's set, show, import and let rules at a line's start: styling and code, never text.
# Written as code: ``#set text(...)``, ``#show heading: ...``, ``#import "x.typ"``, ``#let name = ...``
# (a hashtag line such as ``#show your support`` is none of these).
_TYPST_RULE = re.compile(
    r"#(?:set[ \t]++[a-z][a-z.]{0,30}+\(.*+|(?:import|include)[ \t]++\".*+"
    r"|show[ \t]++(?:[a-z][a-z.]{0,30}+(?:\([^()\n]{0,80}+\))?+|\"[^\"\n]{1,80}+\"|<[^>\n]{1,40}+>)[ \t]*+:.*+"
    r"|let[ \t]++[a-z_][a-z0-9_-]{0,30}+[ \t]*+[=(].*+)"
)
# The column count of a Typst table: ``columns: 3`` or ``columns: (1fr, 2fr, 1fr)``.
_TYPST_COLUMNS = re.compile(r"columns:[ \t]*+(?:(\d{1,3}+)|\(([^()]{0,400}+)\))")
# Most lines a Typst table call is read over before it is taken for something else.
MAX_TYPST_TABLE_LINES = 400


def is_typst_rule(line: str) -> bool:
    """``#set text(size: 11pt)``, ``#show heading: ...``, ``#import "x.typ"``: Typst code (``typst_rule``)."""
    return _TYPST_RULE.fullmatch(line.rstrip(" \t")) is not None


def typst_rows(lines: list[str], top: int) -> tuple[list[tuple[list[str], int]], int] | None:
    """The rows of the Typst ``#table(...)`` call opening on ``top``, and the index of its closing line.

    Typst writes a table as a call: ``columns: 3``, then its cells as content blocks in reading order
    (``[Awareness], [Shared sensors], [Early warning],``), the header's inside ``table.header[...]``
    (``typst_table``). The cells are cut into rows by the column count, each row at its first cell's line.
    None unless the call closes (before a line at the margin opens another call or a heading), declares its
    columns and fills a header and a body row.
    """
    if not lines[top].lstrip(" \t").startswith("#table("):
        return None
    depth, cells, width = 0, [], None
    for j in range(top, min(len(lines), top + MAX_TYPST_TABLE_LINES)):
        line = lines[j]
        if j > top and line[:1] in ("#", "="):
            return None  # a call or heading at the margin: the table never closed
        found = _TYPST_COLUMNS.search(line) if width is None else None
        if found is not None:
            width = int(found.group(1)) if found.group(1) else found.group(2).count(",") + 1
        k = 0
        while k < len(line):
            char = line[k]
            if char == "[":
                close = line.find("]", k)
                if close < 0:
                    return None
                cells.append((line[k + 1 : close].strip(" \t"), j + 1))
                k = close
            elif char in "()":
                depth += 1 if char == "(" else -1
                if depth == 0:
                    if width is None or width < 2 or len(cells) < 2 * width or len(cells) % width:
                        return None
                    rows = [([c for c, _ in cells[n : n + width]], cells[n][1]) for n in range(0, len(cells), width)]
                    return rows, j
            k += 1
    return None


# Sweep 4: Logseq's block properties that Logseq itself never shows (its hidden built-in ones), kept as
# data. ``collapsed:: true`` under an item is outline state, ``id:: 646c...`` a block's reference target.
LOGSEQ_HIDDEN_PROPERTIES = frozenset(
    "id custom-id collapsed heading background-color background_color created-at updated-at "
    "last-modified-at query-table query-properties query-sort-by query-sort-desc ls-type hl-type hl-page "
    "hl-stamp hl-color logseq.order-list-type logseq.color logseq.macro-name logseq.macro-arguments "
    "logseq.tldraw.page logseq.tldraw.shape card-last-interval card-repeats card-ease-factor "
    "card-next-schedule card-last-reviewed card-last-score".split()
)


_BLOCK_PROPERTY = re.compile(r"[ \t]++([a-z][a-z0-9_.-]{0,40}+)::(?:[ \t]|$)")


def is_logseq_hidden_property(line: str) -> bool:
    """``  collapsed:: true`` under a Logseq item: outline state, not the item's text (``logseq_block_property``).

    Logseq writes a block's properties as indented ``key:: value`` lines under its bullet and shows
    none of the hidden built-in ones; read as a wrapped line they ran into the item's text
    (``The plan adds ... units. collapsed:: true``). Other properties are shown, so they stay text.
    """
    match = _BLOCK_PROPERTY.match(line)
    return match is not None and match.group(1) in LOGSEQ_HIDDEN_PROPERTIES


# Sweep 4: an org block's fence as Logseq writes it in markdown (``#+BEGIN_NOTE`` ... ``#+END_NOTE``,
# ``#+BEGIN_QUOTE``, ``#+begin_src clojure``), alone on its line or right after an item's bullet.
_ORG_BLOCK_MARKER = re.compile(r"#\+(?:BEGIN|END)_[A-Za-z]{1,20}+(?:[ \t][^\n]{0,200}+)?+", re.I)


def is_org_block_marker(text: str) -> bool:
    """``#+BEGIN_NOTE`` / ``#+END_NOTE``: an admonition's or quote's fence, markup (``org_block_marker``).

    Logseq pages put org-mode blocks in markdown, under a bullet or alone; read as text the fences
    ran into the item (``#+BEGIN_NOTE It's not supported yet. #+END_NOTE``). The text inside stays,
    as for a ``:::`` container.
    """
    return _ORG_BLOCK_MARKER.fullmatch(text.strip(" \t")) is not None
