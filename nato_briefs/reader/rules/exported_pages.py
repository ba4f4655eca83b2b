"""Shapes of web pages exported to markdown and of long-line docs, found by sweep 6 (bench/REALWORLD.md).

Policy pages archived as markdown (terms of service, privacy policies, community guidelines: an
HTML-to-markdown converter's output), API READMEs, changelogs and meeting minutes. Each rule is a pure
function of one or two lines, anchored or possessive: linear in the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.reader.rules.markup import LINK_TARGET, is_parenthetical

# A URL shown to the reader inside emphasis or as a link's text (``*https://api...*``,
# ``[**https://developer.x.com**](...)``): the scheme right after ``*``, ``_`` or ``[``.
_SHOWN_URL = re.compile(r"[*_\[][A-Za-z][A-Za-z0-9+.-]{1,15}+://")
# An underline of ``-`` or ``=`` characters, up to three spaces in, blanks after.
_UNDERLINE = re.compile(r" {0,3}+(?:-++|=++)[ \t]*+")


def underline_matches(line: str, nxt: str) -> bool:
    """``What are the rules?`` over ``-------------------``: an underline exactly as long as the line above.

    An HTML-to-markdown converter (and a careful author) writes a setext heading with an underline of
    the heading's length, whatever the heading ends on; a separator ruled under a sentence is a short
    ``---`` or a run of its own length. So a question or a sentence with a matched underline is a
    heading (``matched_underline``), and ``---`` under a longer sentence stays a rule.
    """
    body = line.strip()
    under = nxt.strip()
    return len(body) >= 3 and len(under) == len(body) and _UNDERLINE.fullmatch(nxt) is not None


def shows_url(text: str) -> bool:
    """``All URIs are relative to *https://api.nato.int/v1*``: a URL the reader sees, in emphasis or as link text.

    A title is never a URL's pointer (``has_bare_url`` takes the plain ones); a sentence ending on a
    URL leaves its stop off so as not to spoil the URL (``shown_url``). A link whose text is words
    (``[Exercise Calendar](https://...)``) shows no URL and may still be a title.
    """
    return "://" in text and _SHOWN_URL.search(text) is not None


def is_parenthetical_link_line(text: str) -> bool:
    """``([PR #759](https://github.com/...))``: a line wholly in parentheses once its link targets are gone.

    A changelog's reference under an entry, an aside: never a title (``parenthetical_link``), as a
    plain ``(Reporting by ...)`` line is not (``is_parenthetical``).
    """
    if "](" not in text or text.lstrip()[:1] != "(":
        return False  # "[Exercise Calendar](https://...)" is a link, not an aside
    return is_parenthetical(LINK_TARGET.sub("]", text))


def ends_in_space_break(line: str, nxt: str) -> bool:
    """``LY Corporation␣␣`` over ``Attn: Privacy Policy␣␣``: markdown's two-space hard break, a line of one block.

    CommonMark reads two spaces at a line's end, with text on the next line, as a line break inside
    one paragraph: an address, a signature, a poem, as the backslash break is (``ends_in_hard_break``).
    The line runs on into the next, so it is never a title (``space_break``); with nothing below (a
    blank line, the end) the spaces are only trailing white space.
    """
    return line.endswith("  ") and not line.isspace() and bool(nxt.strip())


# A line's closing ``<br>`` tag, as markdown authors type HTML's line break: ``**CVE**<br>``, ``text<br />``.
_BR_TAG = re.compile(r"<br[ \t]*+/?+>", re.IGNORECASE)


def br_as_space_break(line: str, nxt: str) -> str | None:
    """``**CVE**<br>`` over ``CVE-2018-14737``: the line with a two-space hard break for its ``<br>`` (``br_break``).

    A disclosure programme's advisories put each field's bold label over its value with an inline ``<br>``
    (``**Credit**<br>`` / ``An independent researcher ...``); to CommonMark the tag is a line break inside
    one paragraph, as two trailing spaces are. Read as markup and dropped, the label became a bare title over
    an empty section and a short value (``CVE-2018-14737``) a second one. The ``<br>`` is read as the
    two-space break, so the label heads its value as ``**CVE**␣␣`` does (``question_break``, ``space_break``).
    None when nothing stands below (a blank line, the end: the tag breaks nothing), when the tag is all
    the line holds, or when the line opens with a tag (an HTML block's, read by the HTML reader).
    """
    body = line.rstrip(" \t")
    if body[-1:] != ">" or not nxt.strip() or line.lstrip(" \t")[:1] == "<":
        return None
    start = body.rfind("<", max(0, len(body) - 8))  # "<br />" is the longest written
    if start < 0 or _BR_TAG.fullmatch(body, start) is None or not body[:start].strip(" \t"):
        return None
    return body[:start].rstrip(" \t") + "  "


MIN_SENTENCE_WORDS = 6  # "Attn: Data Officer", "1110 Brussels, Belgium.": an address's lines are shorter
_SENTENCE_CLOSE = (".", "!", "?", '."', ".\u201d", ".\u2019")


def breaks_into_sentence(nxt: str) -> bool:
    """``Allies Discuss Energy Security␣␣`` over ``Leaders met in Vilnius on 11 July to discuss supplies.``:
    the spaces end the title's line, not an address's (``space_break_sentence``).

    A two-space break runs a line on into the next (``space_break``), as an address's or a signature's short
    lines run on. When the line below is a whole sentence of its own (a capital, six or more words, its full
    stop), the line above ends where its author ended it: a title over its paragraph, the spaces trailing
    white space an editor left, as on the other lines of a seed-style article.
    """
    body = nxt.strip(" \t")
    return body[:1].isupper() and body.endswith(_SENTENCE_CLOSE) and len(body.split()) >= MIN_SENTENCE_WORDS


def blocks_ending_unbroken(lines: Sequence[str]) -> list[bool]:
    """For each line, whether its block of non-blank lines ends on a line without two trailing spaces.

    Deliberate hard breaks stop at the block's last line (``102-8282 Japan`` closes the address);
    a copy-paste that leaves two spaces after every line leaves them after the last one too, and
    there they break nothing (``space_break`` then reads the lines as written). One backward pass.
    """
    out = [False] * len(lines)
    unbroken = False
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.isspace() or not line:
            continue
        if i + 1 == len(lines) or lines[i + 1].isspace() or not lines[i + 1]:
            unbroken = not line.endswith("  ")
        out[i] = unbroken
    return out


# "4.Location: ..." : a number, its dot, then a capitalised word with no blank between.
_TIGHT_NUMBER = re.compile(r"[ \t]{0,3}+([0-9]{1,3}+)\.(?=[A-Z][a-z])")
# An ordered markdown item's number: "5. Location", "10) Key outcomes".
_ORDERED = re.compile(r"[ \t]{0,3}+([0-9]{1,3}+)[.)][ \t]")


def tight_number_item(line: str, above: str, below: str) -> str | None:
    """``4.Location: ...`` between ``3. Goal`` and ``5. Atmosphere``: an item whose blank after its dot was lost.

    The line as the item reads it (``4. Location: ...``), when the item above is number n-1 or the item
    below number n+1 (``tight_number``). Alone it stays text: ``1.Introduction`` over a setext underline
    is a heading, ``1.5 million`` a number, ``2.Ministers`` under a sentence a typo in prose.
    """
    match = _TIGHT_NUMBER.match(line)
    if match is None:
        return None
    number = int(match.group(1))
    prev, nxt = _ORDERED.match(above), _ORDERED.match(below)
    if (prev is None or int(prev.group(1)) != number - 1) and (nxt is None or int(nxt.group(1)) != number + 1):
        return None
    return f"{line[: match.end()]} {line[match.end() :]}"


# A markdown-it embed directive's opening: "@[youtube](dQw4w9WgXcQ)", "@[phoneFrame](" (its arguments below).
_EMBED_OPEN = re.compile(r"[ \t]{0,3}+@\[[A-Za-z][\w-]{0,40}+\]\(")
# One ``key="value"`` argument of a directive; the keys whose value is text a reader sees.
_EMBED_ARGUMENT = re.compile(r"([A-Za-z][\w-]{0,40}+)[ \t]*+=[ \t]*+\"([^\"\n]*+)\"")
EMBED_TEXT_KEYS = frozenset({"caption", "alt", "title", "description", "label"})
# How far below its opening a directive's closing ")" may stand.
MAX_EMBED_LINES = 20


def embed_directive(lines: Sequence[str], i: int) -> tuple[int, list[str]] | None:
    """``@[phoneFrame](`` / ``screenshot="...", caption="Tap Manage Users."`` / ``)``: a media embed (``embed``).

    markdown-it's embed plugins write a video or a screenshot as ``@[kind](arguments)``; written with
    one argument a line up to a lone ``)``, the arguments are markup (file names, sizes) except those
    a reader sees (``caption``, ``alt``, ``title``): those are returned as text, one per argument, with
    the index of the directive's last line. None when line ``i`` opens no such directive (a one-line
    ``@[Jane](...)`` may be a mention: text as written), or no ``)`` closes it before a blank line or
    within ``MAX_EMBED_LINES``. Read as written, the arguments would reach the prose.
    """
    match = _EMBED_OPEN.match(lines[i])
    if match is None or lines[i][match.end() :].strip():
        return None
    for j in range(i + 1, min(len(lines), i + 1 + MAX_EMBED_LINES)):
        body = lines[j].strip()
        if not body:
            return None  # a blank line: no directive, text
        if body == ")":
            texts = [
                value
                for k in range(i + 1, j)
                for key, value in _EMBED_ARGUMENT.findall(lines[k])
                if key.casefold() in EMBED_TEXT_KEYS and value.strip()
            ]
            return j, texts
    return None


# "Effective: 21 September 2026", "Last revised: 28 April 2026", "Modified: April 28, 2026": a policy's date line.
_POLICY_DATE = re.compile(
    r"(?:effective(?:[ \t]++(?:date|from|as[ \t]++of))?+|(?:last[ \t]++)?+(?:modified|revised|amended)"
    r"|date[ \t]++of[ \t]++last[ \t]++update)[ \t]*+:[ \t]*+[^\n]{0,40}?[0-9]",
    re.IGNORECASE,
)


def is_policy_date_line(text: str) -> bool:
    """``Effective: 21 September 2026``, ``Last revised: 28 April 2026``: when the text took effect, never a title.

    Terms of service, privacy policies and guidelines state their date under the title (``policy_date``),
    as an article states ``Published: ...`` (``is_byline``). The label needs a date (a digit) after it.
    """
    return _POLICY_DATE.match(text.lstrip(" \t*_")) is not None


# A line's indentation up to its first no-break space, and the blanks from there to its text (``nbsp_indent``).
_NBSP_INDENT = re.compile(r"([ \t]*+)\u00a0[ \t\u00a0]*+")


def without_nbsp_indent(text: str) -> str:
    """The text with the indentation of every line after a blank line cut at its first no-break space
    (``nbsp_indent``).

    A legal gazette's pages converted to markdown indent each paragraph with ``&nbsp; &nbsp; &nbsp; ``
    (U+00A0 and spaces). The contract reads a no-break space as a space, so those paragraphs stood six
    columns in and read as indented code, the whole decree's text dropped. CommonMark indents by spaces and
    tabs only: the no-break space is text, and the paragraph opens there. The spaces before it still indent
    the line (four make code, as they do in CommonMark). Near misses: a line right under another keeps its
    no-break spaces as spaces (a sub-item typed under its item, ``nbsp_indented_bullets``: no code opens
    there), and a line of blanks alone stays blank.
    """
    if "\u00a0" not in text:
        return text
    lines = text.split("\n")
    blank_above = True
    for k, line in enumerate(lines):
        found = _NBSP_INDENT.match(line) if blank_above and "\u00a0" in line else None
        if found is not None:
            lines[k] = found.group(1) + line[found.end() :]
        blank_above = not lines[k].strip(" \t\u00a0\r")
    return "\n".join(lines)
