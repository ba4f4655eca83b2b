"""Rules for items that only a numbered run makes, and for records typed one to a line.

``I.``/``II.``/``III.`` (upper-case roman) and ``Step 1:``/``Step 2:`` open list items only when the
line above or below carries the neighbouring number: alone, ``I. Background`` is a heading (a report's
section) and ``Step 1: ...`` a sentence. ``Priority Area: X — Key Focus: Y — Expected Outcome: Z``
lines, two or more with the same labels, are a table written as records, one to a line.
"""

from __future__ import annotations

import re

from nato_briefs.reader.rules.boilerplate import record_field
from nato_briefs.reader.rules.items import Marker, indentation

# Upper-case roman numerals I-XII then a full stop and a blank ("II. Air defence: ...").
_UPPER_ROMAN = re.compile(r"[ \t]*+(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.[ \t]++(?=\S)")
_ROMAN_VALUE = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_ROMAN_VALUE |= {"XI": 11, "XII": 12}
# "Step 1:", "Step 2." (a how-to's numbering): the word, a number, a colon or full stop, a blank.
_STEP = re.compile(r"[ \t]*+Step[ \t]++([0-9]{1,2})[:.][ \t]++(?=\S)")
# Leads a sequence item can open with: the first letter of a roman numeral or of "Step".
SEQUENCE_LEADS = frozenset("IVXS")


def sequence_item(line: str) -> tuple[Marker, int] | None:
    """The item marker of ``II. Text`` or ``Step 2: Text`` and its number, or None (``numbered_run``).

    A roman item's text follows the numeral; a step keeps its ``Step 2:`` lead in the text (the
    name of a step is its number, as its author wrote it, and no word of the line is lost).
    """
    width, n = indentation(line)
    roman = _UPPER_ROMAN.match(line)
    if roman is not None:
        glyph = roman.group(1) + "."
        return Marker(width, True, "enumerator", glyph, roman.end(), width + len(glyph) + 1), _ROMAN_VALUE[glyph[:-1]]
    step = _STEP.match(line)
    if step is not None:
        return Marker(width, True, "enumerator", "Step", n, width + 2), int(step.group(1))
    return None


def in_numbered_run(line: str, above: str, below: str) -> Marker | None:
    """The line's sequence marker when a neighbour continues its numbering (``numbered_run``), else None.

    ``II. Findings`` under ``I. Background`` (no blank between) is the second item; one alone,
    or two whose numbers do not follow on (``I.`` over ``III.``), stays what it was.
    """
    found = sequence_item(line)
    if found is None:
        return None
    marker, number = found
    for neighbour, step in ((above, -1), (below, 1)):
        other = sequence_item(neighbour) if neighbour.lstrip(" \t")[:1] in SEQUENCE_LEADS else None
        if other is not None and other[1] == number + step and _is_step(other[0]) == _is_step(marker):
            return marker
    return None


def _is_step(marker: Marker) -> bool:
    return marker.glyph == "Step"


def sequence_style(glyph: str) -> str | None:
    """The list style of a sequence marker (``I.`` for any roman numeral, ``Step``), or None for others."""
    if glyph == "Step":
        return glyph
    return "I." if glyph[:-1] in _ROMAN_VALUE and glyph[-1:] == "." else None


# Separators between the fields of a record on one line: a spaced em or en dash, or a semicolon.
_FIELD_SEPARATOR = re.compile(r"[ \t]++[\u2014\u2013][ \t]++|;[ \t]++")
# Lines a one-line record table needs: two records of two or more fields.
MIN_RECORD_LINES, MIN_LINE_FIELDS = 2, 2


def line_record(line: str) -> list[tuple[str, str]] | None:
    """``Priority Area: Sea lanes — Key Focus: Escorts`` as its (label, value) fields, or None (``record_lines``)."""
    if ":" not in line:
        return None
    fields = []
    for part in _FIELD_SEPARATOR.split(line.strip(" \t")):
        found = record_field(part)
        if found is None:
            return None
        fields.append(found)
    return fields if len(fields) >= MIN_LINE_FIELDS else None


def record_lines(lines: list[str], start: int) -> tuple[list[tuple[list[str], int]], int] | None:
    """A table typed as one record a line (``record_lines``): its rows (header first, 1-based lines), last index.

    Consecutive lines of the same labels in the same order (two or more lines, two or more
    labels, no label twice): the labels are the header, each line a row. One such line alone,
    or lines whose labels differ, stay prose.
    """
    labels: tuple[str, ...] | None = None
    rows: list[tuple[list[str], int]] = []
    k = start
    while k < len(lines) and (fields := line_record(lines[k])) is not None:
        block = tuple(label for label, _ in fields)
        if labels is not None and block != labels:
            break
        labels = block
        rows.append(([value for _, value in fields], k + 1))
        k += 1
    if labels is None or len(rows) < MIN_RECORD_LINES or len(set(labels)) != len(labels):
        return None
    return [(list(labels), rows[0][1]), *rows], k - 1
