"""Shapes of session 17 (shapes16): a symbol run resumed after a sub-list, editors' HTML list wrappers,
autocorrected setext underlines, and replies quoted in replies.

Found by tests/shapes_corpus/741-765, the seed articles as other tools and writers hand them on: a Korean
government paper's ``□`` items around ``○`` and ``-`` sub-items, TinyMCE's ``<li style="list-style-type:
none">`` holding a nested list, a setext underline a word processor turned into em or en dashes, and an
article quoted two levels deep under a ``NAME wrote:`` line. (The new bullet glyphs, ``named_bullet`` and
``symbol_font_bullet``, are data in ``items.BULLET_GLYPHS``; the header abbreviations are data in
``header_synonyms.yaml``.) Each rule looks at one line, its neighbours or one element, so it is linear in
the text; the patterns use possessive repeats (the audit in ``tests/test_reader_linear.py`` reads them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from nato_briefs.reader.rules.items import match_item


def symbol_run_resumes(glyph: str, open_glyphs: Sequence[str]) -> bool:
    """``□ Space: ...`` after ``  - 155mm shells first``: a symbol-led line whose glyph leads an open item of
    the list being read is that list's next item (``symbol_run_resumes``).

    A symbol (``□``, ``👉``) opens an item only in a run of such lines (``symbol_bullet``), and a sub-list of
    other markers between two of them breaks the run: the item after it read as a title. An open list
    that an item with the same glyph started is the run, resumed. Outside a list, or after a list of
    other glyphs, a lone symbol-led line stays what it was (a title, a line of prose).
    """
    return glyph in open_glyphs


# An inline style that hides an <li>'s marker: "list-style-type: none", "list-style: none".
_NO_MARKER = re.compile(r"list-style(?:-type)?+[ \t]*+:[ \t]*+none", re.IGNORECASE)


def is_marker_free_wrapper(el: etree._Element) -> bool:
    """``<li style="list-style-type: none;"><ul>...</ul></li>``: an editor's wrapper around a nested list, no
    item of its own (``marker_free_wrapper``).

    TinyMCE and CKEditor indent a list so: the wrapper shows no marker and holds no text, only the list
    it nests. Its items nest under the item before it, as a browser shows them. An ``<li>`` with text, or
    with a marker, is an item (an empty ``<li></li>`` too: lossless).
    """
    if _NO_MARKER.search(el.get("style") or "") is None or (el.text or "").strip():
        return False
    children = list(el)
    return bool(children) and all(child.tag in ("ul", "ol") and not (child.tail or "").strip() for child in children)


# A setext underline a word processor autocorrected: a run of em dashes or of en dashes ("———", "–––"),
# typed as "---" under a heading.
_DASH_UNDERLINE = re.compile(r"(?:\u2014{2,}+|\u2013{2,}+)[ \t]*+")
# How a line that heads a section may not end: a sentence, a clause or a lead-in.
_CLOSING = frozenset(".!?:;,")


def dash_underline(line: str, above: str, above_above: str) -> bool:
    """``Steps agreed by the ministers ...`` over ``——————``: the dashes are a setext underline
    (``dash_underline``), the line above a level-2 heading, as ``---`` under it would make it.

    Word, Outlook and Google Docs turn a typed ``---`` into an em dash (``--`` into an en dash), so a
    markdown heading's underline reaches the reader as a row of dashes, read as a divider. Only under one
    line of text (a blank line or the start above it) that is no list item and does not end as a
    sentence does (``.``, ``:``...): a row of dashes under a paragraph or a sentence stays a divider.
    """
    if _DASH_UNDERLINE.fullmatch(line) is None or above_above.strip():
        return False
    text = above.strip()
    if not text or text[-1] in _CLOSING or text.startswith(("|", ">", "#")):
        return False
    return match_item(above) is None


# Longest attribution line a mail client writes over a quote without its date ("Anna Nowak <a@x.org> wrote:").
MAX_ATTRIBUTION_WORDS = 8


def is_attribution_line(line: str) -> bool:
    """``Anna wrote:``, ``Anna Nowak <anna@example.org> wrote:``: a mail client's attribution without its date
    (``attribution_line``), as Thunderbird, Apple Mail and a quote inside a quote write it.

    A name (a capital first) and at most eight words before ``wrote:`` at the line's end; ``On ... wrote:``
    is the dated form ``opens_quoted_message`` reads. Prose that quotes a writer (``As the Secretary
    General wrote in his report:``) does not end so.
    """
    body = line.strip(" \t")
    if not body.endswith(" wrote:") or not body[:1].isupper():
        return False
    return len(body.split()) <= MAX_ATTRIBUTION_WORDS + 1


def quote_opens_with_attribution(lines: Sequence[str], start: int) -> bool:
    """``> Anna wrote:`` over ``>> NATO Allies Agree ...``: the quote from ``start`` opens with its own attribution
    line and quotes the message below it one level deeper (``nested_quoted_message``).

    A reply that quotes a reply carries the inner message's attribution inside the outer quote; the inner
    message is what the e-mail hands on, as a quote under an ``On ... wrote:`` line is (``quoted_message``).
    """
    k = start
    while k < len(lines) and lines[k].lstrip(" \t")[1:].strip() == "":
        k += 1  # ">" lines holding nothing
    if k >= len(lines) or not is_attribution_line(lines[k].lstrip(" \t")[1:]):
        return False
    below = next((line.lstrip(" \t")[1:].lstrip(" ") for line in lines[k + 1 :] if line.lstrip(" \t")[1:].strip()), "")
    return below[:1] == ">"


SHAPES16_RULES = {
    "symbol_run_resumes": symbol_run_resumes,  # "□ Space" after a "○"/"-" sub-list under "□ Defence industry": an item
    "marker_free_wrapper": is_marker_free_wrapper,  # <li style="list-style-type:none"><ul>: no item, its list nests
    "dash_underline": dash_underline,  # "Priorities" over "———" (an autocorrected "---"): a setext heading
    "attribution_line": is_attribution_line,  # "Anna wrote:" over a quote to the end: the quoted message is the article
    "nested_quoted_message": quote_opens_with_attribution,  # "> Anna wrote:" over ">> ...": the inner message
}
