"""Plain-text and markdown-dialect shapes (round 10, part B): teletext capitals, document numbers, half-piped rows.

Each rule looks at a line and its neighbour only, so it is linear in the line's length; the patterns use
possessive repeats (the audit in ``tests/test_reader_linear.py`` reads them).
"""

from __future__ import annotations

import re

from nato_briefs.reader.rules.tables import pipe_cells

# A NATO or UN document number standing alone on its line (``document_number``): committee letters, a year in
# parentheses and a serial (``PO(2025)0123``, ``C-M(2024)0045``, ``AC/35-D(2023)0007``), or the UN's
# slashed symbols (``S/RES/2334(2016)``). A reference for the record, never a heading.
_DOCUMENT_NUMBER = re.compile(
    r"(?:[A-Z]{1,5}+[-/]?+){1,4}+(?:\d{1,4}+[-/]?+[A-Z]?+)?+\(\d{4}\)(?:\d{2,5}+)?+(?:-[A-Z0-9]{1,6}+)?+"
)
# Words a sentence runs on with: a capitals line opening with one continues the line above (``caps_runs_on``).
_RUN_ON_OPENERS = frozenset(
    "AND OR BUT NOR OF TO IN ON AT BY FOR FROM WITH THAT WHICH WHO AS THAN INTO OVER AFTER BEFORE".split()
)
# ... and a capitals line ending in one runs on into the next.
_RUN_ON_ENDINGS = frozenset("A AN THE AND OR OF TO IN ON AT BY FOR FROM WITH THAT WHICH AS".split())
# Fewest cells each of two rows needs to be read as two rows rather than one cut by a line break.
MIN_HALF_PIPED_CELLS = 3


def is_document_number(line: str) -> bool:
    """A NATO/UN document number alone on its line (``PO(2025)0123``): a reference, never a heading."""
    return _DOCUMENT_NUMBER.fullmatch(line.strip(" \t")) is not None


def caps_runs_on(line: str, nxt: str) -> bool:
    """An ALL-CAPS line whose sentence runs on into the ALL-CAPS line below (``caps_runs_on``).

    Teletext and old wire systems write whole paragraphs in capitals, broken at 40 columns:
    ``DEFENCE MINISTERS HAVE AGREED A NEW`` over ``PLAN TO STRENGTHEN THE EASTERN FLANK,``. The bare-title
    rule takes a capitals line for a heading; here the sentence is open across the break: the line ends in
    a joining word (``A``, ``THE``, ``OF``), or the line below opens with one (``AND ROMANIA ...``) or ends in
    a comma or semicolon (the sentence still open). A capitals headline over its first sentence
    (``ALLIES BACK PLAN`` over ``MINISTERS AGREED IT TONIGHT.``) stays a heading.
    """
    below = nxt.strip(" \t")
    if not below or not line.isupper() or not below.isupper():
        return False
    words, under = line.split(), below.split()
    if len(words) < 2:
        return False
    return words[-1] in _RUN_ON_ENDINGS or under[0] in _RUN_ON_OPENERS or below[-1] in ",;"


def half_piped_rows(line: str, nxt: str) -> bool:
    """Two table rows, the first without its closing pipe and the second without its opening one
    (``half_piped_rows``): ``| Deterrence | Regional plans | Credible defence`` over
    ``Industry | Munitions production | Larger stocks |``.

    GFM reads each as a row. A row cut by an e-mail's line length (``wrapped_row``) leaves a piece without
    inner pipes (``coverage |``) or pieces of uneven width; here each line holds as many cells as the other,
    three at least.
    """
    if "|" not in nxt.strip(" \t")[:-1]:
        return False
    above, below = pipe_cells(line), pipe_cells(nxt)
    return len(above) >= MIN_HALF_PIPED_CELLS and len(above) == len(below)


# The header fields of a diplomatic cable (``cable_field``): ``SUBJECT: ...``, ``REF: A. USNATO 123``. Written in
# capitals before a colon, they label the cable's record; none is a heading, whatever follows the colon.
CABLE_FIELDS = frozenset(
    ("SUBJECT", "SUBJ", "REF", "REFS", "REFERENCE", "TAGS", "E.O.", "CLASSIFIED BY", "REASON", "DECL", "CAPTION")
)


def is_cable_field(line: str) -> bool:
    """A cable's header field (``SUBJECT: NATO MINISTERS AGREE ...``, ``REF: A. USNATO 123``): never a heading."""
    key, colon, value = line.strip(" \t").partition(":")
    return bool(colon and value.strip(" \t")) and key.rstrip(" ") in CABLE_FIELDS  # "REFERENCE:" alone heads


def colon_title(line: str, below: str, is_block: bool) -> str | None:
    """The first line's text without its closing colon when it is the article's title (``colon_title``), or None.

    A sentence-case headline written with a trailing colon (``Allies agree new cyber rules:``) over a blank
    line and a paragraph titles the article. A colon line that introduces a list or table below it
    (``The ministers agreed:`` over ``- Reporting ...``) is prose, and so is one with a colon inside.
    ``below`` is the first text line after the blank, ``is_block`` whether it opens a list, table or other block.
    """
    text = line.strip(" \t")
    if text[-1:] != ":" or text[-2:-1] in (":", " ") or ":" in text[:-1] or not below.strip() or is_block:
        return None
    return text[:-1]
