"""Rules for items that only a numbered run makes, and for records typed one to a line.

``I.``/``II.`` (upper-case roman), ``Step 1:``/``Step 2:``, ``1-``/``2-`` (a hyphen typed onto the
number) and ``1°``/``2°`` (French legal numbering) open list items only when the line above or below
carries the neighbouring number in the same style: alone, ``I. Background`` is a heading (a report's
section), ``Step 1: ...`` a sentence and ``1° Reggimento`` an Italian ordinal.
``Priority Area: X — Key Focus: Y — Expected Outcome: Z`` lines, two or more with the same labels,
are a table written as records, one to a line.
"""

from __future__ import annotations

import re

from nato_briefs.reader.rules.boilerplate import record_field
from nato_briefs.reader.rules.items import Marker, indentation

_UPPER_ROMAN = re.compile(r"[ \t]*+(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.[ \t]++(?=\S)")
_STEP = re.compile(r"[ \t]*+Step[ \t]++([0-9]{1,2})[:.][ \t]++(?=\S)")
_NUMBER_HYPHEN = re.compile(r"[ \t]*+([0-9]{1,2})-[ \t]++(?=\S)")
_DEGREE = re.compile(r"[ \t]*+([0-9]{1,2})\u00b0[ \t]++(?=\S)")
# One pattern per numbering style, each then a blank and text; the style's name is the list's style.
_SEQUENCES = (("I.", _UPPER_ROMAN), ("Step", _STEP), ("1-", _NUMBER_HYPHEN), ("1°", _DEGREE))
_ROMAN_VALUE = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_ROMAN_VALUE |= {"XI": 11, "XII": 12}
# Leads a sequence item can open with: a roman numeral's first letter, "Step"'s, a digit.
SEQUENCE_LEADS = frozenset("IVXS0123456789")
# The styles of sequence items (``_marker_style`` keeps each run one list).
SEQUENCE_STYLES = frozenset(style for style, _ in _SEQUENCES)


def sequence_item(line: str) -> tuple[Marker, int] | None:
    """The item marker of ``II. Text``, ``Step 2: Text``, ``2- Text`` or ``2° Text`` and its number, or None.

    The marker's glyph is its style (``I.``, ``Step``, ``1-``, ``1°``). A step keeps its
    ``Step 2:`` lead in the item's text (a step's name is its number, as its author wrote it);
    the other numbers are markers, as ``2.`` is.
    """
    width, n = indentation(line)
    lead = line[n : n + 1]
    for style, pattern in _SEQUENCES:
        if (lead == "S") != (style == "Step") or lead.isdigit() != (style[0] == "1"):
            continue
        found = pattern.match(line)
        if found is None:
            continue
        number = found.group(1)
        value = _ROMAN_VALUE[number] if style == "I." else int(number)
        content = n if style == "Step" else found.end()
        return Marker(width, True, "enumerator", style, content, width + found.end() - n), value
    return None


def in_numbered_run(line: str, above: str, below: str) -> Marker | None:
    """The line's sequence marker when a neighbour continues its numbering (``numbered_run``), else None.

    ``II. Findings`` right under ``I. Background`` is the second item; one alone, two whose
    numbers do not follow on (``I.`` over ``III.``) or two of different styles stay what they were.
    """
    found = sequence_item(line)
    if found is None:
        return None
    marker, number = found
    for neighbour, step in ((above, -1), (below, 1)):
        other = sequence_item(neighbour) if neighbour.lstrip(" \t")[:1] in SEQUENCE_LEADS else None
        if other is not None and other[1] == number + step and other[0].glyph == marker.glyph:
            return marker
    return None


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
