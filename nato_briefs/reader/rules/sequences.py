"""Rules for items that only a numbered run makes, and for records typed one to a line.

``I.``/``II.`` (upper-case roman), ``Step 1:``/``Step 2:``, ``1-``/``2-`` (a hyphen typed onto the number),
``1:``/``2:``, ``#1``/``#2`` and ``No. 1``/``No. 2``, ``1.-``/``2.-`` and ``(1.)``/``(2.)`` (the shapes rounds of
session 17), ``1/``/``2/`` (a slash: a French list,
or a thread's tweets, which a blank line separates), ``1°``/``2°`` (French legal numbering), ``Ⅰ.``/``Ⅱ.`` (the
Unicode roman numerals) and ``A.``/``B.`` (upper-case letters) open list items only when the line above or below
carries the neighbouring number in the same style: alone, ``I. Background`` and ``A. Background`` are headings (a
report's sections), ``Step 1: ...`` a sentence, ``1° Reggimento`` an Italian ordinal and ``J. Smith`` an initial.
``Priority Area: X — Key Focus: Y — Expected Outcome: Z`` lines, two or more with the same labels, are a table written
as records, one to a line. A run of enumerated lines pasted flat at the margin (``1.`` / ``1.1.`` / ``1.1.1.``, or
``1)`` / ``a)`` / ``i)``) is nested by its numbers when its levels are certain (``flat_outline_levels``). A run's
neighbours are sought past its items' wrapped lines (``wrapped_run``), and a number under a line cut mid-phrase
that no open list counts to is the wrapped sentence's (``number_wrap``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.reader.rules.boilerplate import record_field
from nato_briefs.reader.rules.items import Marker, indentation
from nato_briefs.reader.rules.wraps import is_wrapped_item_line

# Numbered-run styles found by the shapes rounds of session 17 (shapes18, shapes19), kept with the others.
# A number and a colon ("1: Intelligence sharing – ..."): alone a reference or a clock ("1:1", "10:30" have no
# blank after the colon; "1: ..." alone may be a transcript's speaker), so only a run of them opens items.
NUMBER_COLON = re.compile(r"[ \t]*+([0-9]{1,2}):[ \t]++(?=\S)")
# A hash and a number ("#1 Cyber Defense: ...", "#2: ..."), as social posts and listicles rank things; alone a
# hashtag-like rank in a sentence ("#1 priority for the Alliance is ..."), so only a run of them opens items.
HASH_NUMBER = re.compile(r"[ \t]*+#([0-9]{1,2})[.:)]?+[ \t]++(?=\S)")
# "No. 1", "No.1", "№ 1" then a blank (the numero sign, abbreviated or as one character): alone the start of a
# name or an address ("No. 10 Downing Street said ..."), so only a run of them (No. 1 over No. 2) opens items.
NUMERO = re.compile(r"[ \t]*+(?:No\.|\u2116)[ \t]*+([0-9]{1,2})[.:)]?+[ \t]++(?=\S)")
# A number, a full stop and a hyphen ("1.- Joint military exercises: ..."), as Spanish and Portuguese writers
# number: alone a score or a list's stray line, so only a run of them (1.- over 2.-) opens items.
NUMBER_DOT_HYPHEN = re.compile(r"[ \t]*+([0-9]{1,2})\.-[ \t]++(?=\S)")
# A number with a full stop in parentheses ("(1.) Cyber Defense Enhancement: ..."), a legal drafter's style: alone
# a reference ("(1.) above"), so only a run of them ((1.) over (2.)) opens items.
PAREN_NUMBER_DOT = re.compile(r"[ \t]*+\(([0-9]{1,2})\.\)[ \t]++(?=\S)")

_UPPER_ROMAN = re.compile(r"[ \t]*+(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.[ \t]++(?=\S)")
_STEP = re.compile(r"[ \t]*+Step[ \t]++([0-9]{1,2})[:.][ \t]++(?=\S)")
_NUMBER_HYPHEN = re.compile(r"[ \t]*+([0-9]{1,2})-[ \t]++(?=\S)")
_DEGREE = re.compile(r"[ \t]*+([0-9]{1,2})\u00b0[ \t]++(?=\S)")
# A number and a slash (``slash_number``): French and Spanish lists ("1/ Interceptors: ..."), and a thread's
# tweet numbers. A thread puts a blank line between its tweets; a run of lines one under the other is a list.
_NUMBER_SLASH = re.compile(r"[ \t]*+([0-9]{1,2})/[ \t]++(?=\S)")
# The Unicode roman numerals Ⅰ-Ⅻ (U+2160-U+216B) of East Asian and Word text: "Ⅰ. Awareness", "Ⅱ．防護".
_NUMERAL_ROMAN = re.compile(r"[ \t]*+([\u2160-\u216b])(?:[.\uff0e][ \t]++|\u3001[ \t]*+)(?=\S)")
# An upper-case letter and a full stop ("A. Government: ..."): alone a lettered heading (``A. Background``)
# or an initial (``J. Smith``), so only a run of them (A. over B.) opens items.
_UPPER_LETTER = re.compile(r"[ \t]*+([A-Z])\.[ \t]++(?=\S)")
_UNICODE_ROMANS = "".join(chr(c) for c in range(0x2160, 0x216C))
_DIGITS = "0123456789"
# One pattern per numbering style (the style's name is the list's style), with the leads it can open with.
_SEQUENCES = (
    ("I.", _UPPER_ROMAN, "IVX"), ("Step", _STEP, "S"), ("1-", _NUMBER_HYPHEN, _DIGITS), ("1°", _DEGREE, _DIGITS),
    ("1/", _NUMBER_SLASH, _DIGITS), ("1:", NUMBER_COLON, _DIGITS), ("#1", HASH_NUMBER, "#"),
    ("No.", NUMERO, "N\u2116"), ("1.-", NUMBER_DOT_HYPHEN, _DIGITS), ("(1.)", PAREN_NUMBER_DOT, "("),
    ("Ⅰ.", _NUMERAL_ROMAN, _UNICODE_ROMANS), ("A.", _UPPER_LETTER, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
)  # fmt: skip
_ROMAN_VALUE = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_ROMAN_VALUE |= {"XI": 11, "XII": 12}
# Leads a sequence item can open with but an upper-case letter's: a roman numeral's first letter, "Step"'s,
# a digit, a hash ("#1"), the numero sign ("№ 1"), a Unicode roman numeral. A letter opens one only before a
# full stop (``letter_may_open``: "No. 1" too).
SEQUENCE_LEADS = frozenset("IVXS#(\u2116" + _DIGITS + _UNICODE_ROMANS)
# The styles of sequence items (``_marker_style`` keeps each run one list).
SEQUENCE_STYLES = frozenset(style for style, _, _ in _SEQUENCES)


def may_open_sequence(line: str, lead: str) -> bool:
    """Whether a line led by ``lead`` can open a numbered run: a cheap test before ``in_numbered_run``.

    An upper-case letter leads most lines of prose, so it passes only with a full stop close after it.
    """
    return lead in SEQUENCE_LEADS or ("A" <= lead <= "Z" and "." in line[:8])


def _value(style: str, number: str) -> int:
    """The number a style's numeral stands for (``II`` 2, ``Ⅲ`` 3, ``C`` 3, ``12`` 12)."""
    if style == "I.":
        return _ROMAN_VALUE[number]
    if style == "Ⅰ.":
        return ord(number) - 0x215F
    if style == "A.":
        return ord(number) - 64
    return int(number)


def sequence_items(line: str) -> list[tuple[Marker, int]]:
    """Each reading of the line as a numbered-run item: its marker and number (``I.`` is a roman one and a letter)."""
    width, n = indentation(line)
    lead = line[n : n + 1]
    found = []
    for style, pattern, leads in _SEQUENCES:
        match = pattern.match(line) if lead and lead in leads else None
        if match is None:
            continue
        content = n if style == "Step" else match.end()
        marker = Marker(width, True, "enumerator", style, content, width + match.end() - n)
        found.append((marker, _value(style, match.group(1))))
    return found


def in_numbered_run(line: str, above: str, below: str) -> Marker | None:
    """The line's sequence marker when a neighbour continues its numbering (``numbered_run``), else None.

    ``II. Findings`` right under ``I. Background`` is the second item; one alone, two whose
    numbers do not follow on (``I.`` over ``III.``) or two of different styles stay what they were.
    ``I.`` between ``H.`` and ``J.`` is the ninth letter.
    """
    for marker, number in sequence_items(line):
        for neighbour, step in ((above, -1), (below, 1)):
            if not may_open_sequence(neighbour.lstrip(" \t"), neighbour.lstrip(" \t")[:1]):
                continue
            if any(o[1] == number + step and o[0].glyph == marker.glyph for o in sequence_items(neighbour)):
                return marker
    return None


# An enumerator opening a line at the margin and the blank after: a decimal outline number ("1.1.", "1.2.3",
# group 1), or a number, a letter or a roman numeral closed by "." or ")" ("1.", "a)", "iv.": group 2).
_FLAT_ENUMERATOR = re.compile(r"(?:(\d{1,3}+(?:\.\d{1,3}+){1,3}+)\.?+|(\d{1,3}+|[a-z]|[ivx]{1,4}+)[.)])[ \t]++(?=\S)")
_ROMAN_VALUES = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
# Indentation per level the rewritten run gets: deeper than any marker of the level above.
LEVEL_INDENT = 4


def flat_outline_levels(lines: list[str]) -> None:
    """A multilevel list pasted flat at the margin, each line indented as its level in place
    (``flat_outline_levels``).

    Word's and Google Docs' multilevel numbering loses its indentation when pasted as plain text: ``1.`` /
    ``1.1.`` / ``1.1.1.`` (the number's depth is its level), or ``1)`` / ``a)`` / ``i)`` (each kind a level
    down). Read flat, the sub-items were lists of their own or a tab table. A run of enumerated lines at
    the margin is re-indented only when its levels are certain: each sub-number extends an item above and
    counts from 1 (``1.5 million`` never does), and a lettered or roman sub-run opens at ``a``/``i`` and the
    level above resumes after it with its next number.
    """
    k = 0
    while k < len(lines):
        run: list[re.Match[str]] = []  # each line's enumerator, matched once
        while k + len(run) < len(lines) and (match := _FLAT_ENUMERATOR.match(lines[k + len(run)])) is not None:
            run.append(match)
        depths = outline_depths(run) if len(run) >= 3 else None
        for j, (match, depth) in enumerate(zip(run, depths or (), strict=False), start=k):
            marker = match.group(0).rstrip(" \t")
            lines[j] = " " * (LEVEL_INDENT * depth) + marker + " " + lines[j][match.end() :]
        k += len(run) + 1


def outline_depths(matches: Sequence[re.Match[str] | None]) -> list[int] | None:
    """Each enumerated line's level in a flat run, or None when the levels are not certain or all are one."""
    numbers = [m.group(1) or m.group(2) for m in matches if m is not None]
    if len(numbers) != len(matches):
        return None
    if any("." in number for number in numbers):
        return _decimal_depths(numbers)
    return _kind_depths(numbers)


def _decimal_depths(numbers: list[str]) -> list[int] | None:
    """``1`` / ``1.1`` / ``1.1.1`` / ``1.2`` / ``2``: each number's depth, when each extends the one above."""
    seen: set[tuple[str, ...]] = set()
    for number in numbers:
        parts = tuple(number.split("."))
        parent, last = parts[:-1], parts[-1]
        sibling = (*parent, str(int(last) - 1)) if last.isdigit() and int(last) > 1 else None
        if (parent and parent not in seen) or (last != "1" and sibling not in seen):
            return None
        seen.add(parts)
    return [number.count(".") for number in numbers]


def _kind_depths(numbers: list[str]) -> list[int] | None:
    """``1)`` / ``a)`` / ``b)`` / ``2)`` / ``i)`` / ``3)``: a new kind of enumerator opens a level down, which
    the level above resumes after with its next value; None when nothing nests or a level does not resume."""
    stack: list[tuple[str, int]] = []  # (kind, last value) per open level
    depths: list[int] = []
    for number in numbers:
        kind, value = _kind_value(number, stack)
        levels = [level for level, (open_kind, _) in enumerate(stack) if open_kind == kind]
        if levels:
            level = levels[0]
            if value != stack[level][1] + 1:
                return None
            del stack[level + 1 :]
        else:
            if value != 1 or (stack and not depths):
                return None
            level = len(stack)
            stack.append((kind, 0))
        stack[level] = (kind, value)
        depths.append(level)
    if max(depths) == 0 or depths[-1] != 0:
        return None  # flat, or a sub-run the list never came back from
    return depths


def _kind_value(number: str, stack: list[tuple[str, int]]) -> tuple[str, int]:
    """The enumerator's kind (digit, letter, roman) and value; ``i``, ``v``, ``x`` are letters only where an
    open lettered level comes to them (``i)`` right after ``h)``)."""
    if number.isdigit():
        return "digit", int(number)
    as_letter = ord(number) - ord("a") + 1 if len(number) == 1 else 0
    letter = next((value for kind, value in stack if kind == "letter"), 0)
    if number in _ROMAN_VALUES and not (letter and as_letter == letter + 1):
        return "roman", _ROMAN_VALUES[number]
    return "letter", as_letter


# Separators between the fields of a record on one line: a spaced em or en dash, a spaced pipe
# (``piped_records``: ``**Priority Area:** Munitions | **Key Focus:** Shells``, a chat assistant's), or a semicolon.
_FIELD_SEPARATOR = re.compile(r"[ \t]++[\u2014\u2013|][ \t]++|;[ \t]++")
# Lines a one-line record table needs: two records of two or more fields.
MIN_RECORD_LINES, MIN_LINE_FIELDS = 2, 2
# Markdown bullets a run of one-line records may stand behind (``bulleted_records``).
RECORD_BULLETS = ("- ", "* ", "+ ")


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
    or lines whose labels differ, stay prose. Chat assistants bullet each record (``bulleted_records``:
    ``- **Area:** Port Security — **Focus:** Grain ports — **Outcome:** Secure exports``): a run of records
    behind the same markdown bullet is the same table, its lines no items; an item of one field
    (``- Cyber: faster response``) is an item.
    """
    labels: tuple[str, ...] | None = None
    rows: list[tuple[list[str], int]] = []
    k = start
    marker = lines[start][:2] if lines[start][:2] in RECORD_BULLETS else ""  # ``bulleted_records``
    while k < len(lines) and lines[k].startswith(marker) and (fields := line_record(lines[k][len(marker) :])):
        block = tuple(label for label, _ in fields)
        if labels is not None and block != labels:
            break
        labels = block
        rows.append(([value for _, value in fields], k + 1))
        k += 1
    if labels is None or len(rows) < MIN_RECORD_LINES or len(set(labels)) != len(labels):
        return None
    return [(list(labels), rows[0][1]), *rows], k - 1


def counts_on(glyph: str, open_glyphs: list[str]) -> bool:
    """``2.`` when the open list holds ``1.``: the number continues an open numbered list (``number_wrap``)."""
    number, delimiter = glyph[:-1], glyph[-1:]
    return number.isdigit() and f"{int(number) - 1}{delimiter}" in open_glyphs


# Most wrapped lines of one item looked past for the next item of a numbered run (``wrapped_run``).
MAX_WRAPPED_ITEM_LINES = 3


def run_neighbours(lines: Sequence[str], i: int) -> tuple[str, str]:
    """The lines above and below line ``i`` that a numbered run's neighbours are sought in, past wrapped lines
    (``wrapped_run``): ``I. Joint exercises: ... to bolster`` over ``interoperability.`` over ``II. Technological
    ...``, hard-wrapped, is a run of ``I.`` and ``II.`` as it is unwrapped.

    Upward, the first line that is no wrapped line (at most ``MAX_WRAPPED_ITEM_LINES`` up, the item it
    continues); downward, the first line past this item's wrapped lines. '' where none is in reach. Near miss:
    a capitalised line between (a paragraph) stops the search, so ``I.`` over prose over ``II.`` is no run.
    """
    above = ""
    for j in range(i - 1, max(-1, i - 2 - MAX_WRAPPED_ITEM_LINES), -1):
        if not is_wrapped_item_line(lines[j]):
            above = lines[j]
            break
    below = ""
    for j in range(i + 1, min(len(lines), i + 2 + MAX_WRAPPED_ITEM_LINES)):
        if not is_wrapped_item_line(lines[j]):
            below = lines[j]
            break
    return above, below
