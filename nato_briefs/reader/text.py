"""Text rules that apply everywhere: cells, items, headings and prose.

Copy-paste and content systems leave no-break spaces (U+00A0) and zero-width
characters (U+200B/C/D, U+2060, a U+FEFF inside text) in articles. They are
invisible to a reader but split words and keep cells from matching, so they
are normalised once, on the whole document, before any block is recognised
(an indentation of no-break spaces is an indentation).
"""

from __future__ import annotations

import re

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_SPECIAL = re.compile("[\u00a0" + ZERO_WIDTH + "]")
_TRANSLATION = {0x00A0: " ", **{ord(ch): None for ch in ZERO_WIDTH}}


def clean_source(text: str) -> str:
    """The document with U+00A0 as a space and zero-width characters removed.

    A regex search runs in C over the text, so documents without any of these
    characters (most of them) are returned as they are, without a copy.
    """
    if _SPECIAL.search(text) is None:
        return text
    return text.translate(_TRANSLATION)


def clean_text(text: str) -> str:
    """One record's text: the same rules, then white space collapsed (entities may add either)."""
    if _SPECIAL.search(text) is not None:
        text = text.translate(_TRANSLATION)
    return " ".join(text.split())
