"""Hurried writers' lists and tables (session 15, shapes14): markers typed onto words, markers in cells, wraps.

Found by tests/shapes_corpus/691-715, the seed articles written the way people in a hurry and ordinary
tools write them: ``▪Partnerships: ...`` and ``1)Eastern Sentry: ...`` (no blank after the marker), a
``‣``/``1)`` list in a table cell, and pipe rows an e-mail client wrapped. Each rule looks at one line and
its neighbours, so it is linear in the text; the patterns use possessive repeats (the audit in
``tests/test_reader_linear.py`` reads them).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nato_briefs.reader.rules.items import BULLET_GLYPHS, Marker, match_item
from nato_briefs.reader.rules.tables import is_table_row, pipe_cells

# An HTML line break in a pipe table cell: ``<br>``, ``<br/>``, ``<BR />``.
_CELL_BREAK = re.compile(r"<br[ \t]*+/?>", re.IGNORECASE)
# A marker typed straight onto a word of two letters or more: a number or a letter with ")" or ".",
# in parentheses or not ("1)Eastern", "3.Resource", "(2)Cyber", "a)Quick"), or any bullet glyph ("▪Cyber",
# "—Standards", "☐Partnerships"); the glyph is checked against BULLET_GLYPHS by the rule.
_TIGHT_MARKER = re.compile(r"[ \t]*+(\([0-9]{1,3}+\)|\([a-z]\)|[0-9]{1,3}+[.)]|[a-z]\)|[^\w\s])(?=[^\W\d_]{2})")


def tight_marker_line(line: str) -> str | None:
    """The line with a blank after its typed-on marker (``▪Cyber: ...`` -> ``▪ Cyber: ...``), or None."""
    match = _TIGHT_MARKER.match(line)
    if match is None:
        return None
    glyph = match.group(1)
    if len(glyph) == 1 and glyph not in BULLET_GLYPHS:
        return None
    return f"{line[: match.end()]} {line[match.end() :]}"


def tight_marker_item(
    line: str, neighbours: tuple[str, str], open_styles: set[str], style_of: Callable[[Marker], str]
) -> str | None:
    """``▪Partnerships: ...`` after ``◦Solar power``, ``1)Eastern`` over ``2)Counter``: an item (``tight_marker``).

    A marker typed onto the item's first word, the line as the item reads it (a blank put after the
    marker), when a list of that marker stands there: the line above or below carries a marker of the
    same style, typed either way, or the open list already holds one and the line above is no blank
    (nested items broke the run).
    Alone it stays text: ``·Note``, ``1)Introduction`` or ``2.Ministers`` under a sentence, ``—Jens``.
    ``style_of`` gives a marker's style (``a)``, ``1.``, the glyph itself).
    """
    spaced = tight_marker_line(line)
    marker = match_item(spaced) if spaced is not None else None
    if marker is None:
        return None
    style = style_of(marker)
    if style in open_styles and neighbours[0].strip():
        return spaced  # right under the list's lines: a blank line above may close it (``1.Introduction``)
    for text in neighbours:
        found = _neighbour_marker(text)
        if found is not None and style_of(found) == style:
            return spaced
    return None


def _neighbour_marker(text: str) -> Marker | None:
    """The marker opening a neighbouring line, written with or without its blank."""
    found = match_item(text) if text.strip() else None
    if found is not None:
        return found
    spaced = tight_marker_line(text)
    return match_item(spaced) if spaced is not None else None


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


HURRIED_RULES = {
    "tight_marker": tight_marker_line,  # "▪Partnerships: ...", "1)Eastern Sentry: ..." in a list of that marker
    "short_wrapped_row": short_wrapped_row,  # "| a | b |" over "c |" under a three-cell row: one row
    "cell_marker_list": cell_markers,  # "1) Rail<br>2) Ports", "‣ Secure networks" in a pipe cell: markers dropped
}
