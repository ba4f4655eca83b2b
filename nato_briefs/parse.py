"""Markdown articles -> sections, tables and lists, read as their authors meant them.

markdown-it-py (CommonMark + GFM tables) does the real parsing: inline markup,
entities, escapes, code fences and conventional blank-line-separated markdown.
The articles we receive are line-oriented, though: a title line, a paragraph
line, a bullet and a table row follow each other with no blank line, which
strict CommonMark reads as one lazy paragraph inside the last bullet. The
domain layer here only *re-segments* the text before markdown-it sees it: it
inserts a blank line wherever our authors start a new block (see
``segment_blocks``) and remembers which lines are bare title lines. Conventional
markdown already has those blank lines, so it parses exactly as under cmark-gfm.

Sources that are not markdown (plain-text feeds, content-system exports,
copy-paste) are read by the same pass: the line rules of ``reader/rules/``
turn ``•``/``(a)``/``i.`` items into markdown items at their nesting, keep
captions and hard-wrapped lines from becoming headings and mark HTML blocks,
which ``reader/html.py`` reads with a real HTML parser. Tables that are not
GFM pipe tables (pandoc grid, simple and multiline tables, a pasted tab-separated
spreadsheet) are rewritten as pipe tables, each row keeping its source line. A line that looks like
structure but ends in prose is counted (``n_suspect_lines``), never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from nato_briefs.config import ParseLimits
from nato_briefs.reader.errors import ParseLimitError
from nato_briefs.reader.records import ListItem, ParsedDocument, Section, Table, TableRow
from nato_briefs.reader.rules.exported_pages import without_nbsp_indent
from nato_briefs.reader.segment import Segmented, segment_blocks
from nato_briefs.reader.text import clean_source, unify_line_breaks
from nato_briefs.reader.walk import BLOCK_PARSER, Walker, inline_text, parse_inline
from nato_briefs.vocab import ReasonCode

__all__ = [
    "ListItem",
    "ParseLimitError",
    "ParsedDocument",
    "Section",
    "Segmented",
    "Table",
    "TableRow",
    "inline_text",
    "parse_document",
    "parse_inline",
    "section_bounds",
    "segment_blocks",
    "source_lines",
    "split_lines",
]


def split_lines(text: str) -> list[str]:
    """Lines as CommonMark counts them: LF, CRLF and a lone CR all end a line; and as writers mean them
    (``unify_line_breaks``: U+2028, U+2029 and a doubled CR before LF end one line too)."""
    return unify_line_breaks(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")


def source_lines(text: str) -> list[str]:
    """The lines records point into: ``split_lines`` of the decoded source without a leading BOM.

    Columns count the source's code points (zero-width ones included, unlike the parser's
    cleaned text) but not a BOM, which is no character of line 1. The one place it is dropped.
    """
    return split_lines(text[1:] if text.startswith("\ufeff") else text)


def section_bounds(sections: Sequence[Section], lines: Sequence[str]) -> list[tuple[int, int]]:
    """Each section's text as a 0-based [start, stop) range of the source ``lines``: the lines below its heading
    (from its own line, for a section without one) up to the next section's line.

    A heading with no text line below it before the next section shares a line with its text: its own (an HTML
    block written on one line: ``<h1>Title</h1><p>Allies met ...</p>``) or the next section's (a feed entry's
    ``<title>`` over its escaped body, whose records all stand at the body's line). The range is then the
    heading's line through the next section's. Never a line past the source's: statements and mentions point
    into its lines. The blank lines below a heading are read up to the first with text: each line once in all.
    """
    n_lines = len(lines)
    bounds = []
    for i, section in enumerate(sections):
        head = min(max(0, section.line - 1), max(n_lines - 1, 0))
        stop = min(sections[i + 1].line - 1 if i + 1 < len(sections) else n_lines, n_lines)
        if section.heading is None:
            bounds.append((head, max(stop, min(head + 1, n_lines))))
        elif any(lines[k].strip() for k in range(head + 1, stop)):
            bounds.append((head + 1, stop))
        else:
            bounds.append((head, min(max(stop, head) + 1, n_lines)))
    return bounds


def parse_document(text: str, limits: ParseLimits | None = None) -> ParsedDocument:
    """Parse one article. Raises ParseLimitError for documents beyond the limits."""
    limits = limits or ParseLimits()
    text = clean_source(without_nbsp_indent(text))  # also drops a leading BOM (U+FEFF); nbsp_indent first
    lines = split_lines(text)
    seg = segment_blocks(lines, limits)
    env: dict = {}
    try:
        tokens = BLOCK_PARSER.parse(seg.text, env)
        for token in tokens:
            if token.type == "inline":
                parse_inline(token, env)
        doc = Walker(seg, limits, env).run(tokens)
    except RecursionError:  # markdown-it recurses once per nested container (list item, block quote)
        raise ParseLimitError(ReasonCode.NESTING_TOO_DEEP, "markdown nested too deeply for the parser") from None
    doc.n_lines = len(lines) - (1 if lines and lines[-1] == "" else 0)
    if seg.front_matter_title is not None and not _titled_by_top_heading(doc):
        doc.title = seg.front_matter_title  # as its author wrote it: the page's title, above any "## Section"
    return doc


def _titled_by_top_heading(doc: ParsedDocument) -> bool:
    """The title comes from a heading that can head the page: ``#``/``===``, a bare or a bold title line.

    A static-site post (Jekyll, Hugo) keeps its title in the front matter and
    starts its body with ``## Section`` headings: those are sections, not the title. Nor is a ``#``
    heading below the body's opening prose (an IETF draft's abstract over ``# Introduction``).
    """
    if doc.title is None or (doc.sections and doc.sections[0].heading is None and doc.sections[0].text.strip()):
        return False
    first = next((s for s in doc.sections if s.heading is not None), None)
    return first is None or first.level is None or first.level <= 1
