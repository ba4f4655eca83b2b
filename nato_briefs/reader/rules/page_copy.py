"""Marks and page furniture a copy of a rendered page leaves in the text (session 14, the known losses).

Inline reference marks (a footnote's ``[^2]``, a lynx dump's ``[1]`` link number) are markup, removed
from every record's text as the contract removes inline markdown; a government page's metadata fields
(``From:`` over ``Ministry of Defence``, ``Published`` over its date) and its ``Contents`` list decide
which of its short lines are headings. Wordings are data (``furniture.yaml``); the patterns are linear
(possessive repeats, audited by ``tests/test_reader_linear.py``).
"""

from __future__ import annotations

import re

from nato_briefs.reader.rules.boilerplate import MAX_FURNITURE_CHARS, furniture_key, load_furniture
from nato_briefs.reader.rules.items import Marker, match_item

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


def indented_list_run(marker: Marker, below: str) -> bool:
    """A markdown item indented four or more whose sibling follows on the next line (``indented_list_run``).

    A text browser's dump (``lynx -dump``, ``w3m``) and plain-text mail indent a list under the page's
    margin (``     * Regional plans``); after a blank line CommonMark reads the first item as an indented
    code block, and its text left the article while the next line was read as an item. Two items of
    the same marker at the same indentation, one under the other, are a list; one such line alone stays code.
    """
    if marker.kind != "markdown" or marker.indent < 4:
        return False
    sibling = match_item(below)
    return sibling is not None and sibling.indent == marker.indent and sibling.glyph[-1] == marker.glyph[-1]
