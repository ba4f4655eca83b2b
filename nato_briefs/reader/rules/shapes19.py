"""Shapes of session 17 (shapes19): seed 004 with one ordinary shape changed at a time.

Found by tests/shapes_corpus/816-835: items numbered ``1.-`` (a Spanish and Portuguese habit) or ``(1.)``, a row
of dashes typed between a table's body rows as a rule, a row of empty cells left inside a table, and a heading
framed by hyphens (``--- Priorities ---``) or underlined with tildes that no fence closes, and Word's ``o`` sub-items
pasted flat under its ``•`` items. Each rule
looks at one line or one table row, so it is linear in the text; the patterns use possessive repeats (the audit
in ``tests/test_reader_linear.py`` reads them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.reader.rules.exports import opens_quoted_message
from nato_briefs.reader.rules.items import Marker
from nato_briefs.reader.rules.sequences import NUMBER_DOT_HYPHEN, PAREN_NUMBER_DOT
from nato_briefs.reader.rules.tables import is_delimiter_row, pipe_cells

# A cell that is a rule: dashes, with alignment colons ("---", ":---:"), as a delimiter row's cells are.
_RULE_CELL = re.compile(r"[ \t]*+:?+-{3,}+:?+[ \t]*+")


def is_rule_row(cells: Sequence[str]) -> bool:
    """A body row of dashes only (``dash_rule_row``): a rule the writer typed between rows, no row of data.

    ``|------|------|------|`` between two body rows of a pipe table separates groups of rows, as a line does
    on paper; read as cells it would be a row of dashes (a priority ``---``), or, as a second delimiter row,
    it would make the row above it a new table's header. Near miss: a row with a dash in one cell and words in
    another (``| Cyber | --- | Pending |``, a cell left blank) is data.
    """
    return bool(cells) and all(_RULE_CELL.fullmatch(cell) for cell in cells)


def rule_under_body_row(row: str, rule: str, before: str) -> bool:
    """``rule`` is a rule typed under the body row ``row`` (``is_rule_row``), not the delimiter row of a new table.

    A delimiter row under a row whose cells map onto the priorities roles (``Priority Area | Key Focus | ...``)
    opens a second table set right under the first; so does one under a row of another width than the row
    ``before`` it (``| Country | Year |`` under three columns). Under a row of data it can only be a rule.
    """
    if not is_delimiter_row(rule) or not is_rule_row(pipe_cells(rule)):
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


def framed_heading(line: str) -> tuple[int, str] | None:
    """The level and text of a heading framed by hyphens (``--- Priorities ---``, ``framed_heading``), or None.

    Plain-text writers mark a heading as MediaWiki does with ``=`` signs (``=== Priorities ===``, read by
    ``wiki_heading``), but with hyphens: three to six on each side, the same number, a blank inside each. Near
    misses: a rule (``------``), a scissors line (``--- 8< ---``, no letter), ``-- Jane`` (a signature: one side),
    ``--- Allies --- agree`` (not framed) and an e-mail's banners (``---- Original Message ----``, Lotus Notes'
    ``----- Forwarded by Anna/PL/NATO on 05/06/2025 11:02 -----``: a slash, ``@`` or colon) are left as they are.
    """
    body = line.strip(" \t")
    left, right = len(body) - len(body.lstrip("-")), len(body) - len(body.rstrip("-"))
    if not 3 <= left <= 6 or left != right or len(body) <= 2 * left + 2:
        return None
    inside = body[left:-right]
    text = inside.strip(" \t")
    if inside[:1] not in " \t" or inside[-1:] not in " \t" or "--" in text or not any(c.isalpha() for c in text):
        return None
    if opens_quoted_message(body) or any(c in text for c in "/@:"):
        return None  # a mail client's banner: "----- Forwarded by Anna Kowalska/PL/NATO on 05/06/2025 11:02 -----"
    return 2, text


def unclosed_tilde_underline(line: str, above: str) -> bool:
    """A line of tildes under a title, with no ``~~~`` line below it anywhere (``unclosed_tilde_underline``).

    ``Strategic Recommendations ...`` / ``~~~~~~~~`` / prose on the next line: markdown opens a ``~~~`` fence and,
    no fence closing it, reads the rest of the article as code; the writer underlined the title, as reST and
    plain-text writers do (``is_rst_underline`` reads it when a blank line follows). The caller checks that no
    ``~~~`` line follows. The rule is as long as the title or up to four longer, the title one line of text no
    longer than a heading. Near misses: a fence under a sentence of another length, or closed further down, is a
    fence; tildes under a list item or a table row are left as they are.
    """
    rule, title = line.rstrip(" \t"), above.strip(" \t")
    if len(rule) < 3 or rule != "~" * len(rule) or not title or title[0] in "~`|>#-*+":
        return False
    return len(title) <= len(rule) <= len(title) + 4 and any(c.isalpha() for c in title)


# Word's second-level bullet pasted flat, at the margin: "o" and one space before a capital.
_MARGIN_O = re.compile(r"o (?=[A-Z0-9])")
# Word's first-level bullet, as a paste keeps it: "•" and a blank.
_BULLET_LINE = re.compile(r"\u2022[ \t]++\S")


def o_under_bullet(lines: Sequence[str], i: int) -> Marker | None:
    """``o Increasing the frequency ...`` at the margin under ``• Joint military exercises``: Word's second-level
    bullet pasted flat (``o_under_bullet``), a sub-item of the ``•`` item above, or None.

    Word's paste keeps the glyph of each level (``•`` then ``o``) but not the indentation, so the ``o`` item stands
    at the margin right under its ``•`` item. Only in a run: the line above a ``•`` item and another ``o`` line
    two lines up or down (or the next line a ``•`` item again). Near misses: ``o Captain`` under prose, or one
    ``o`` line under a ``•`` item with prose below, is a word (``o_space_bullet`` reads the indented runs).
    """
    match = _MARGIN_O.match(lines[i])
    if match is None or i == 0 or _BULLET_LINE.match(lines[i - 1]) is None:
        return None
    nearby = [lines[k] for k in (i - 2, i + 1, i + 2) if 0 <= k < len(lines)]
    if not any(_MARGIN_O.match(text) or _BULLET_LINE.match(text) for text in nearby if text is not lines[i - 1]):
        return None
    return Marker(0, False, "bullet", "o", match.end(), 2)


SHAPES19_RULES = {
    "number_dot_hyphen_run": NUMBER_DOT_HYPHEN.match,  # "1.- Joint military exercises: ..." over "2.- ...": a run
    "paren_number_dot_run": PAREN_NUMBER_DOT.match,  # "(1.) Cyber Defense Enhancement: ..." over "(2.) ...": a run
    "dash_rule_row": is_rule_row,  # "|------|------|------|" between body rows: a rule, no row
    "empty_row": is_empty_row,  # "|  |  |  |" between body rows: a gap, no row
    "unclosed_tilde_underline": unclosed_tilde_underline,  # "Title" over "~~~~~" and prose, never closed
    "o_under_bullet": o_under_bullet,  # "• Name" over "o Detail" at the margin: Word's sub-item pasted flat
    "framed_heading": framed_heading,  # "--- Priorities ---": a heading, as "=== Priorities ===" is
}
