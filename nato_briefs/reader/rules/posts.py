"""Shapes of blog and news posts (real-world sweep 10, bench/REALWORLD.md).

Organisations' newsrooms, project blogs and activist groups' event pages are written in a
CMS or a static-site generator's editor and migrated between them: a WordPress image left
against the first word of the paragraph, an event's date lines bolded with ``<b>`` behind
emoji, an excerpt mark (``<!-- more -->``) typed at the end of the lead's last line. Each rule
here says how such a line reads, as the author's renderer showed it.
"""

from __future__ import annotations

import re

from markdown_it.rules_block.html_block import HTML_SEQUENCES

# What may touch an image's alt text without a space: an opening bracket or quote before it,
# closing punctuation after it ("... the map![Map](m.png).").
_OPENS = frozenset("([{\"'\u201c\u2018\u00ab")
_CLOSES = frozenset(".,;:!?)]}\"'\u201d\u2019\u00bb\u2026")


def set_image_apart(alt: str, before: str, after: str) -> str:
    """The image's ``alt`` text with a space on a side where it would touch text (``image_space``).

    ``before`` is the text just before the image, ``after`` just after it (the next text run,
    behind a closing link). A browser shows an image as a box of its own: a WordPress export's
    ``[![logo](x.png)](x.png)The summit opened`` shows the logo, then the sentence. Read as
    its alt text, the image glued its last word to the sentence's first (``logoThe``). A space
    goes between them, unless the neighbour is white space, an opening bracket before the
    image or closing punctuation after it.
    """
    if not alt:
        return alt
    last, first = before[-1:], after[:1]
    if last and not last.isspace() and last not in _OPENS:
        alt = " " + alt
    if first and not first.isspace() and first not in _CLOSES:
        alt += " "
    return alt


def opens_html_block(text: str) -> bool:
    """``text``, written at the start of a markdown block, would open an HTML block (``item_tag_escape``).

    A rewritten item (``🗓️ <b>14 November</b> <br>`` as ``- <b>14 November</b> <br>``) is
    escaped when its text would start a block of its own. CommonMark starts an HTML block at a
    ``<`` only for the seven kinds markdown-it lists (``<div``, ``<!--``, ``<script`` ..., or a
    whole tag alone on its line); an inline tag with text behind it (``<b>``, ``<i>``, ``<a
    href>``) stays inline markup, which the reader drops. Escaping its ``<`` kept ``<b>`` as text.
    """
    return text[:1] == "<" and any(sequence[0].search(text) for sequence in HTML_SEQUENCES)


# Closing emphasis, then markdown's hard break of two spaces, ending the line (also ``question_break``'s).
HARD_BREAK_END = r"[*_]{0,3}+ {2,}+\Z"
# A label's end and a hard break: "**Air defence**:␣␣", "**Air defence:**␣␣".
_LABEL_BREAK = re.compile(":" + HARD_BREAK_END)


def breaks_after_label(prev: str) -> bool:
    """The item line ``prev`` is a label whose text the author put on the next line (``item_label_break``).

    ``* **KDE Plasma 6.2.3**:␣␣`` over ``Bluedevil improves PIN entry ...``: the colon says
    the text follows, the two spaces are a hard line break, which CommonMark allows only inside
    one block. The line below is the item's text, whatever its first letter. Two trailing spaces
    without the colon are often white space an editor left, and stay as the line rule reads them.
    """
    return prev[-2:] == "  " and _LABEL_BREAK.search(prev) is not None


# A comment closing the line: WordPress's and Jekyll's "<!-- more -->", Docusaurus's "<!--truncate-->".
_TRAILING_COMMENT = re.compile(r"[ \t]*+<!--(?:(?!-->).)*+-->[ \t]*+\Z")


def without_trailing_comment(text: str) -> str:
    """``text`` without an HTML comment at its end (``excerpt_mark``).

    Blogs mark where a post's excerpt ends with a comment, often typed at the end of the lead's
    last line: ``... with the following entries:<!-- more -->``. The comment is hidden; the line
    ends, for the title rule, where the reader sees it end (on the colon, a sentence).
    """
    if text[-3:] != "-->":
        return text
    match = _TRAILING_COMMENT.search(text)
    return text[: match.start()] if match and match.start() > 0 else text
