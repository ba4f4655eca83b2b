"""Text rules that apply everywhere: cells, items, headings and prose.

Copy-paste and content systems leave no-break spaces (U+00A0) and zero-width
characters (U+200B/C/D, U+2060, a U+FEFF inside text) in articles. They are
invisible to a reader but split words and keep cells from matching, so they
are normalised once, on the whole document, before any block is recognised
(an indentation of no-break spaces is an indentation). A form feed (page break) goes too.
"""

from __future__ import annotations

import re

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# What the source loses before reading: zero-width characters, and the form feed (a page break that
# text exports put on a line of its own or before a page's first line: white space to Python,
# text to CommonMark, so a "\f" line would be blank to the segmenter and a paragraph to markdown-it).
INVISIBLE = ZERO_WIDTH + "\x0c"
_SPECIAL = re.compile("[\u00a0" + ZERO_WIDTH + "]")
_TRANSLATION = {0x00A0: " ", **{ord(ch): None for ch in ZERO_WIDTH}}


def clean_source(text: str) -> str:
    """The document with U+00A0 as a space and zero-width characters removed.

    One substring test per character (memchr-fast, ten times a regex class
    search on a whole document) and str.replace for those present: a
    str.translate table costs a dict lookup per character of the document.
    """
    if text.startswith("\ufeff"):  # a BOM: most files with any of these have only that
        text = text[1:]
    for ch in INVISIBLE:
        if ch in text:
            text = text.replace(ch, "")
    return text.replace("\u00a0", " ") if "\u00a0" in text else text


def clean_text(text: str) -> str:
    """One record's text: the same rules, then white space collapsed (entities may add either)."""
    if _SPECIAL.search(text) is not None:
        text = text.translate(_TRANSLATION)
    return " ".join(text.split())
