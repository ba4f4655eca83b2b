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
# Other marks a reader never sees (``invisible_marks``, session 8): the soft hyphen (U+00AD, a PDF's or
# Word's optional break point: "Inter\u00adceptors") and the bidirectional controls right-to-left text
# carries (LRM, RLM, ALM, the embeddings and isolates). Left in, they split words and cells.
INVISIBLE_MARKS = "\u00ad\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# What the source loses before reading: zero-width characters and invisible marks, and the form feed (a page
# break that text exports put on a line of its own or before a page's first line: white space to Python,
# text to CommonMark, so a "\f" line would be blank to the segmenter and a paragraph to markdown-it).
INVISIBLE = ZERO_WIDTH + "\x0c"
# Typographic ligatures a PDF's text layer keeps as one character ("ﬁrst", "Conﬂict"): their letters
# (``ligatures``). A mention's surface is looked up in the source again, so columns stay right.
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_RARE = re.compile("[" + INVISIBLE_MARKS + "\ufb00-\ufb06]")
_RARE_TRANSLATION = {**{ord(ch): None for ch in INVISIBLE_MARKS}, **{ord(k): v for k, v in LIGATURES.items()}}
_SPECIAL = re.compile("[\u00a0" + ZERO_WIDTH + INVISIBLE_MARKS + "\ufb00-\ufb06]")
_TRANSLATION = {
    0x00A0: " ",
    **{ord(ch): None for ch in ZERO_WIDTH + INVISIBLE_MARKS},
    **{ord(k): v for k, v in LIGATURES.items()},
}
# Line breaks a writer means that CommonMark does not count (``line_separators``): Unicode's line and
# paragraph separators (Word's Shift+Enter, JSON and JavaScript exports), and the "\r\r\n" a file
# converted to Windows line ends twice carries (a CR and a CRLF, one break to its author).
_DOUBLED_CR = "\r\r\n"


def clean_source(text: str) -> str:
    """The document with U+00A0 as a space, zero-width characters and invisible marks removed, ligatures spelt out.

    One substring test per character (memchr-fast, ten times a regex class
    search on a whole document) and str.replace for those present: a
    str.translate table costs a dict lookup per character of the document.
    """
    if text.startswith("\ufeff"):  # a BOM: most files with any of these have only that
        text = text[1:]
    for ch in INVISIBLE:
        if ch in text:
            text = text.replace(ch, "")
    if _RARE.search(text) is not None:  # one scan; the translation only for the few documents with any
        text = text.translate(_RARE_TRANSLATION)
    return text.replace("\u00a0", " ") if "\u00a0" in text else text


def unify_line_breaks(text: str) -> str:
    r"""The text with the line breaks its writer meant as ``\n`` (``line_separators``): U+2028, U+2029, "\r\r\n".

    Applied before CommonMark's own (LF, CRLF, CR) are counted, so a record's line
    is the line its writer sees.
    """
    if _DOUBLED_CR in text:
        text = text.replace(_DOUBLED_CR, "\n")
    if "\u2028" in text:
        text = text.replace("\u2028", "\n")
    return text.replace("\u2029", "\n") if "\u2029" in text else text


def clean_text(text: str) -> str:
    """One record's text: the same rules, then white space collapsed (entities may add either)."""
    if _SPECIAL.search(text) is not None:
        text = text.translate(_TRANSLATION)
    return " ".join(text.split())
