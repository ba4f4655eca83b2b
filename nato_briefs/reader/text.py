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
ZWNJ = "\u200c"
# Persian, Urdu and Pashto spell words with the zero-width non-joiner between two letters of Arabic script
# (``script_joiner``, session 13): "سریع‌تر" is one word, and "سریعتر" without it a misspelling. There it is
# a letter's shape, kept; anywhere else (a paste's stray one) it goes like the other zero-width characters.
_ARABIC_LETTER = "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc"
_STRAY_ZWNJ = re.compile(f"(?<![{_ARABIC_LETTER}])\u200c|\u200c(?![{_ARABIC_LETTER}])")
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
# The characters ``_RARE_TRANSLATION`` maps, looked for one substring test each (``clean_source``).
_RARE = INVISIBLE_MARKS + "".join(LIGATURES)
_RARE_TRANSLATION = {**{ord(ch): None for ch in INVISIBLE_MARKS}, **{ord(k): v for k, v in LIGATURES.items()}}
_SPECIAL = re.compile("[\u00a0" + ZERO_WIDTH + INVISIBLE_MARKS + "\ufb00-\ufb06]")
_TRANSLATION = {
    0x00A0: " ",
    **{ord(ch): None for ch in ZERO_WIDTH.replace(ZWNJ, "") + INVISIBLE_MARKS},  # ZWNJ: _without_joiner
    **{ord(k): v for k, v in LIGATURES.items()},
}
# Line breaks a writer means that CommonMark does not count (``line_separators``): Unicode's line and
# paragraph separators (Word's Shift+Enter, JSON and JavaScript exports), and the "\r\r\n" a file
# converted to Windows line ends twice carries (a CR and a CRLF, one break to its author).
_DOUBLED_CR = "\r\r\n"
# The characters that end a line for the reader (``split_lines``). One that a repair below would write (a decoded
# ``=0A``, a restored U+2028) is a space instead: records point into the source's lines, and a line break the
# source does not show would move every record below it.
_AS_SPACE = str.maketrans(dict.fromkeys("\n\r\u2028\u2029", " "))


# UTF-8 decoded as Windows-1252 (``mojibake``): "â€™" for "’", "â€¢" for "•", "Ã©" for "é", "Â " for a no-break
# space. A lead byte (U+00C2-U+00F4 read as Latin-1) then one to three continuation bytes as cp1252 shows them
# (0x80-0xBF: the cp1252 punctuation at 0x80-0x9F, Latin-1 above; 0x81, 0x8D, 0x8F, 0x90 and 0x9D, which cp1252
# leaves undefined, as the C1 controls a lenient decoder keeps).
_CP1252_BYTE = {chr(b).encode("latin-1").decode("cp1252", errors="ignore") or chr(b): b for b in range(0x80, 0xC0)}
_MOJIBAKE = re.compile("[\u00c2-\u00f4][" + "".join(sorted(_CP1252_BYTE)) + "]{1,3}+")
_MOJIBAKE_LEADS = ("â€", "Ã", "Â")


def repair_mojibake(text: str) -> str:
    """UTF-8 text once decoded as cp1252 (``mojibake``), each damaged character restored where the bytes decode.

    A copy through a system that took UTF-8 for Windows-1252 turns "•" into "â€¢" and "–" into "â€“": the
    bullet and the name/detail separator are lost. Only a run whose bytes are one valid UTF-8 character is
    restored, so "Â" or "Ã" in real text (a capital, followed by a letter) stays; line breaks never move (a
    restored line separator, "â€¨", is a space).
    """
    if not any(lead in text for lead in _MOJIBAKE_LEADS):
        return text
    return _MOJIBAKE.sub(_restored, text)


def _restored(found: re.Match[str]) -> str:
    run = found.group()
    raw = bytes([ord(run[0]), *(_CP1252_BYTE[ch] for ch in run[1:])])
    for end in range(len(raw), 1, -1):  # the longest prefix that is one character; the rest as found
        try:
            char = raw[:end].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return char.translate(_AS_SPACE) + run[end:] if len(char) == 1 else run
    return run


# A MIME part's declaration that its body is quoted-printable, and a run of its =XX escapes (``qp_escapes``).
_QP_DECLARED = re.compile(r"^content-transfer-encoding:[ \t]*+quoted-printable[ \t]*+$", re.IGNORECASE | re.MULTILINE)
_QP_ESCAPES = re.compile(r"=[0-9A-F]{2}(?:=[0-9A-F]{2})*+")  # a literal "=" first: the engine skips to each one


def decode_qp_escapes(text: str) -> str:
    """A mail body declared ``Content-Transfer-Encoding: quoted-printable`` with its ``=XX`` escapes decoded.

    Saved mail keeps the transfer encoding: ``Priorities=20`` (a trailing space), ``=E2=80=99`` (``’``),
    ``=3D`` (``=``). Each run of escapes is the UTF-8 bytes it spells; a run that is no valid UTF-8 stays as
    written. A soft line break (``=`` ending a line) is left: joining it would move every line below; for the
    same reason an escaped line break (``=0D=0A``, ``=E2=80=A8``: the bytes of one, not the mail's own) reads as
    a space.
    The declaration is matched in any case (``QUOTED-PRINTABLE``, ``quoted-Printable``); the quick test
    before it is for the ``=`` every escape holds, which no spelling of the header can miss.
    """
    if "=" not in text or _QP_ESCAPES.search(text) is None or _QP_DECLARED.search(text) is None:
        return text  # an escape first: the declaration's ^ (in any case) is tried at every character
    return _QP_ESCAPES.sub(_qp_text, text)


def _qp_text(found: re.Match[str]) -> str:
    raw = bytes(int(found.group()[k + 1 : k + 3], 16) for k in range(0, len(found.group()), 3))
    try:
        return raw.decode("utf-8").translate(_AS_SPACE)
    except UnicodeDecodeError:
        return found.group()


def _without_joiner(text: str) -> str:
    """The text without stray zero-width non-joiners; one between two Arabic-script letters stays (``script_joiner``).

    Between such letters the joiner is spelling (Persian "می‌خواهم"), not an invisible paste artefact.
    """
    return _STRAY_ZWNJ.sub("", text)


def clean_source(text: str) -> str:
    """The document with U+00A0 as a space, zero-width characters and invisible marks removed, ligatures spelt out.

    One substring test per character (memchr-fast, ten times a regex class
    search on a whole document, and a character wider than the text's widest
    is refused without a scan) and str.replace for those present: a
    str.translate table costs a dict lookup per character of the document.
    An ASCII document (``isascii`` reads a flag) can hold only the form feed.
    """
    if text.isascii():
        text = decode_qp_escapes(text)  # saved mail's "=20", "=E2=80=99" (``qp_escapes``): may decode to any
        if text.isascii():
            return text.replace("\x0c", "") if "\x0c" in text else text
    else:
        if text.startswith("\ufeff"):  # a BOM: most files with any of these have only that
            text = text[1:]
        text = decode_qp_escapes(repair_mojibake(text))
    for ch in INVISIBLE:
        if ch in text:
            text = _without_joiner(text) if ch == ZWNJ else text.replace(ch, "")
    if any(ch in text for ch in _RARE):  # the translation only for the few documents with any
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
        text = _without_joiner(text) if ZWNJ in text else text  # a Persian word's joiner stays (``script_joiner``)
        text = text.translate(_TRANSLATION)
    return " ".join(text.split())
