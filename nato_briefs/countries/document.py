"""The mentions of a parsed document: each field searched with the gazetteer, each mention given its line and
column in the source (``document_mentions``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from nato_briefs.countries.matching import Gazetteer, Mention, form_key
from nato_briefs.parse import ParsedDocument, section_bounds, source_lines

TITLE, HEADING, PROSE, TABLE_HEADER, TABLE_CELL, LIST_ITEM = (
    "title",
    "heading",
    "prose",
    "table_header",
    "table_cell",
    "list_item",
)
FIELDS = (TITLE, HEADING, PROSE, TABLE_HEADER, TABLE_CELL, LIST_ITEM)
# A surface not found within this many characters of the search start is given its record's line, column 1:
# the published text was rewritten (white space collapsed, an entity decoded) and a longer hunt could make a
# document of many such mentions quadratic.
LOCATE_BUDGET = 20_000
_ITEM_LINES = 20  # a wrapped list item is searched on its marker's line and this many lines below


@dataclass(frozen=True, slots=True)
class LocatedMention:
    """A mention placed in the source file, for provenance (1-based line and column)."""

    mention: Mention
    line: int
    column: int
    field: str
    section: str | None


class _Locator:
    """Finds each surface of one record in the source lines, moving forward only (mentions come in order)."""

    def __init__(self, lines: list[str], line: int, last_line: int, skip: frozenset[int] = frozenset()) -> None:
        self.lines, self.last_line, self.skip = lines, min(last_line, len(lines)), skip
        while line < self.last_line and (line in skip or not lines[line - 1].strip()):
            line += 1  # a record's text starts on its first non-blank line
        self.line = line
        self.cursor = (line, 0)  # (1-based line, 0-based code point) where the next search starts

    def locate(self, surface: str) -> tuple[int, int]:
        line, col = self.cursor
        budget = LOCATE_BUDGET
        while line <= self.last_line and budget > 0:
            text = self.lines[line - 1] if line not in self.skip else ""
            pos = text.find(surface, col, col + budget + len(surface))
            wrapped = self._wrapped_at(surface, text, line, col)
            if pos >= 0 and (wrapped is None or pos < wrapped):
                self.cursor = (line, pos + len(surface))
                return line, pos + 1
            if wrapped is not None:  # "the United" at the end of this line, "States" at the start of the next
                self.cursor = (line + 1, 0)
                return line, wrapped + 1
            budget -= len(text) - col + 1
            line, col = line + 1, 0
        return self.line, 1

    def _wrapped_at(self, surface: str, text: str, line: int, col: int) -> int | None:
        """Where a hard-wrapped surface starts on this line, if it runs on into the next one."""
        words = surface.split()
        if len(words) < 2 or line >= len(self.lines) or len(text) - col > LOCATE_BUDGET:
            return None
        end = len(text.rstrip())  # bounded: the line is at most LOCATE_BUDGET longer than col
        following = self.lines[line].lstrip()
        for k in range(len(words) - 1, 0, -1):
            head = " ".join(words[:k])
            start = end - len(head)
            if start >= col and text.startswith(head, start) and following.startswith(words[k]):
                return start
        return None


def document_mentions(
    doc: ParsedDocument,
    text: str,
    gazetteer: Gazetteer,
    memo: dict | None = None,
    lines: list[str] | None = None,
) -> list[LocatedMention]:
    """Every mention in a parsed document (title, headings, prose, tables, lists), in (line, column) order.

    ``text`` is the decoded source ``doc`` was parsed from: the published texts are normalized (markup
    removed, white space collapsed), so each surface is looked up again in the source lines for its column.
    ``memo`` (text -> mentions) lets a batch find a repeated header or cell once. ``lines``: ``source_lines(text)``,
    when the caller has split them already.
    """
    if lines is None:
        lines = source_lines(text)
    found: list[LocatedMention] = []
    places: set[str] = set()  # forms read as a US place in one piece: that place in every piece
    get = memo.get if memo is not None else {}.get  # the memo's hits without a call of _find
    for record in _records(doc, lines, gazetteer):
        per_piece = []
        for piece in record.pieces:
            mentions, here = _find(gazetteer, piece, memo) if (hit := get(piece)) is None else hit
            per_piece.append(mentions)
            places.update(here)
        for i in record.code_columns:
            if i < len(record.pieces) and not per_piece[i]:
                per_piece[i] = gazetteer.code_cell(record.pieces[i])  # "NO" is Norway in a column of codes only
        if not any(per_piece):  # most cells and items name no country: no locator needed
            continue
        locator = _Locator(lines, *record.where)
        for mentions in per_piece:
            for m in mentions:
                line, column = locator.locate(m.surface)
                found.append(LocatedMention(m, line, column, record.field, record.section))
    if places:
        found = [lm for lm in found if form_key(lm.mention.surface) not in places]
    found.sort(key=attrgetter("line", "column"))
    return found


class _Record(NamedTuple):
    """Texts of one record (a heading, a section's prose, a table row's cells), located by one forward-only
    ``_Locator`` over ``where`` (its ``_Locator`` arguments after the lines)."""

    pieces: Sequence[str]
    where: tuple
    field: str
    section: str | None
    code_columns: frozenset[int] = frozenset()  # the cells of a column of country codes (``Gazetteer.code_columns``)


def _records(doc: ParsedDocument, lines: list[str], gazetteer: Gazetteer) -> Iterator[_Record]:
    """Every record of a document that may name a country, in document order: title and headings, each section's
    prose, then tables (headers, rows) and list items, each with where in the source its text stands."""
    block_lines = _block_lines(doc)
    title_seen = False
    for s, (start, stop) in zip(doc.sections, section_bounds(doc.sections, lines), strict=True):
        if s.heading is not None:
            is_title = not title_seen and s.heading == doc.title
            title_seen = title_seen or is_title
            yield _Record((s.heading,), (s.line, s.line + 1), TITLE if is_title else HEADING, s.heading)
        yield _Record((s.text,), (start + 1, max(start + 1, stop), block_lines), PROSE, s.heading)
    for table in doc.tables:
        yield _Record(table.headers, (table.line, table.line), TABLE_HEADER, table.section)
        code_columns = gazetteer.code_columns(table.headers, (row.cells for row in table.rows))
        for row in table.rows:
            yield _Record(row.cells, (row.line, row.line), TABLE_CELL, table.section, code_columns)
    for item in doc.items:
        yield _Record((item.text,), (item.line, item.line + _ITEM_LINES), LIST_ITEM, item.section)


def _find(gazetteer: Gazetteer, piece: str, memo: dict | None) -> tuple[list[Mention], frozenset[str]]:
    if memo is None or len(piece) > 200:
        return gazetteer.find_with_places(piece)
    hit = memo.get(piece)
    if hit is None:
        if len(memo) > 50_000:
            memo.clear()
        hit = memo[piece] = gazetteer.find_with_places(piece)
    return hit


def _block_lines(doc: ParsedDocument) -> frozenset[int]:
    """Lines of tables and list items: prose is never found there."""
    lines: set[int] = set()
    for table in doc.tables:
        lines.update((table.line, table.line + 1))
        lines.update(row.line for row in table.rows)
    lines.update(item.line for item in doc.items)
    return frozenset(lines)
