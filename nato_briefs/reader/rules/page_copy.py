"""Marks and page furniture a copy of a rendered page leaves in the text (session 14, the known losses).

Inline reference marks (a footnote's ``[^2]``, a lynx dump's ``[1]`` link number) are markup, removed
from every record's text as the contract removes inline markdown; a government page's metadata fields
(``From:`` over ``Ministry of Defence``, ``Published`` over its date) and its ``Contents`` list decide
which of its short lines are headings; a text browser's page margin says where indented code starts.
Wordings are data (``furniture.yaml``); the patterns are linear (possessive repeats, audited by
``tests/test_reader_linear.py``).
"""

from __future__ import annotations

import re

from nato_briefs.reader.rules.boilerplate import MAX_FURNITURE_CHARS, furniture_key, load_furniture

# A footnote reference (``defence[^2]``, ``guideline.[^note]``): a label without blanks or brackets in
# ``[^...]``. Followed by a colon it is the footnote's definition (``[^2]: Core defence ...``), whose label
# stays: it is what ties the note to the text it annotates.
_FOOTNOTE_REF = re.compile(r"\[\^[^\s\[\]]{1,40}+\](?!:)")
# A lynx dump's link number glued onto the link's text (``[1]Regional plans``, ``the [12]force model``):
# digits in brackets directly before a letter, not inside a word (``x[1]y`` is an index).
_LINK_NUMBER = re.compile(r"(?<![\w\]])\[[0-9]{1,4}+\](?=[^\W\d_])")


def strip_footnote_refs_inline(text: str) -> str:
    """The text without its footnote references, wherever they stand (``Core defence[^2]`` -> ``Core defence``).

    Pandoc and GitHub render ``[^2]`` as a superscript link to the note: markup, like a link's
    brackets, so a cell or an item reads as its words. A definition's label (``[^2]:``) stays.
    """
    return _FOOTNOTE_REF.sub("", text) if "[^" in text else text


def strip_link_numbers(text: str) -> str:
    """The text without the link numbers ``lynx -dump`` puts before each link's text (``[1]Regional plans``).

    The number points into the dump's reference list at its end; glued onto the word, it would
    become part of an item's name. A bracketed number after a word (``plans.[1]``) or followed
    by a blank (``[1] NATO``, a reference list's entry) is not one.
    """
    return _LINK_NUMBER.sub("", text) if "[" in text else text


def is_metadata_label(text: str) -> bool:
    """``From:``, ``Published``, ``Last updated`` alone on a line: a page's metadata field, its value below (data).

    GOV.UK and other government pages list a document's metadata as label and value on lines of
    their own (``From:`` / ``Ministry of Defence``, ``Published`` / ``12 June 2025``): neither the
    label nor the value under it is a heading. Wordings: ``metadata_labels`` in ``furniture.yaml``.
    """
    return len(text) <= MAX_FURNITURE_CHARS and furniture_key(text) in load_furniture().metadata_labels


def is_contents_label(text: str) -> bool:
    """``Contents``, ``On this page``: the heading of a page's contents list, over the lines it links (data).

    The links repeat the headings below and stand in a stack of short lines (``line_stack``, which
    keeps such a stack one block); the label over them is still a heading, as the page shows it.
    Wordings: ``contents_labels`` in ``furniture.yaml``.
    """
    return len(text) <= MAX_FURNITURE_CHARS and furniture_key(text) in load_furniture().contents_labels


# Most spaces a page margin may be: four open an indented code block in CommonMark.
MAX_PAGE_MARGIN = 3


def page_margin(lines: list[str]) -> int:
    """The margin (1-3 spaces) that most of a document's text lines share, else 0 (``page_margin``).

    A text browser's dump (``lynx -dump``, ``w3m``) sets the page's text three spaces in and its
    bullets deeper (``     * Regional plans``); an item is code only when indented four past that
    margin, as CommonMark counts four past the margin of 0. Text lines are the lines opening with a
    letter after their indentation of 0-3 spaces (items, table rows, code samples and centred titles
    do not); a line holding a tab has no width to count. More than half of them must share the margin.
    """
    counts = [0] * (MAX_PAGE_MARGIN + 1)  # lines at widths 0-3; deeper ones are code or centred titles
    for line in lines:
        body = line.lstrip(" ")
        width = len(line) - len(body)
        if width <= MAX_PAGE_MARGIN and body[:1].isalpha() and "\t" not in line:
            counts[width] += 1
    margin = max(range(1, MAX_PAGE_MARGIN + 1), key=counts.__getitem__)
    return margin if counts[margin] * 2 > sum(counts) else 0


# Fewest text lines, and words in a prose line, a whole document indented as one must hold (``indented_document``).
MIN_INDENTED_LINES = 3
MIN_PROSE_WORDS = 8


def document_margin(lines: list[str]) -> int:
    """The indentation of four spaces or more that every text line of the document shares, else 0
    (``indented_document``).

    A whole article set four spaces in (pasted from a quoting mail client, an editor's indented block, a
    template that indents its body) is indented code to CommonMark from its first line to its last: no
    title, no item, no table, its prose dropped. Nobody sends a news article as one code sample, so the
    shared indentation is the page's margin, and the lines are read without it (their relative indents,
    a nested item's, kept). Near misses: a line at the margin of 0 (then the indented lines are code
    samples or a centred title), a line indented by a tab, fewer than three text lines, and a block with
    no line of prose (a sentence of eight words or more): a code listing stays code.
    """
    margin, n_text, prose = -1, 0, False
    for line in lines:
        body = line.lstrip(" ")
        if not body.strip():
            continue
        width = len(line) - len(body)
        if width < 4 or body[:1] == "\t":
            return 0
        margin = width if margin < 0 else min(margin, width)
        n_text += 1
        prose = prose or (body.rstrip()[-1:] in (".", "!", "?") and body.count(" ") >= MIN_PROSE_WORDS - 1)
    return margin if n_text >= MIN_INDENTED_LINES and prose else 0
