"""Shapes of meeting notes, weeknotes and link digests (real-world sweep 9, bench/REALWORLD.md).

W3C and IETF minutes, government teams' weeknotes, a threat-sharing community's handbook and
weekly link digests are typed fast, in whatever editor was at hand: a link's text wrapped
right before its target, HTML lists pasted into a pipe table's cells. Each rule here says
how such a line or fragment reads, as its author's renderer showed it.
"""

from __future__ import annotations

import re

# An inline HTML tag of a block element, opening or closing (``<li>``, ``</p>``, ``<ul class="x">``).
_BLOCK_TAG = re.compile(
    r"</?+(?:p|div|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|table|thead|tbody|tr|td|th|section|article|figure"
    r"|figcaption|address|details|summary|center|pre|hr)(?![\w-])",
    re.I,
)


def is_block_tag(tag: str) -> bool:
    """The inline HTML ``tag`` opens or closes a block element (``block_tag_space``).

    A pipe table's cell can only hold one line, so writers paste HTML into it:
    ``<ul><li>Share indicators</li><li>Find relationships</li></ul>``, ``<p>a</p><p>b</p>``. A
    browser shows each item or paragraph on a line of its own; dropping the tags as inline
    markup joined the words (``indicatorsFind``). Such a tag counts as a space, as ``<br>``
    does; inline tags (``<span>``, ``<b>``, ``<a>``) still join what they wrap (``intelli<span>gence``).
    """
    return _BLOCK_TAG.match(tag) is not None


def closes_open_link(prev: str, line: str) -> bool:
    """``line`` closes a link whose text ``prev`` opened: ``[... a short guide`` / ``](https://...)``.

    ``link_text_wrap``: an editor (or a writer copying a title with its line break) wrapped the
    link's text right before its target. CommonMark reads one link across the two lines; the
    line below opens with ``](`` and can only finish the link above, so it continues that line's
    block (a list item, a paragraph), whatever its first character says. ``prev`` must hold a
    ``[`` left open: a ``](`` under a finished line stays as written.
    """
    if not line.lstrip(" \t").startswith("]("):
        return False
    return prev.rfind("[") > prev.rfind("]")


# A markdown image alone on its line (a trailing hard break's spaces allowed): ``![alt](src "title")``.
_FIGURE_LINE = re.compile(r"!\[[^\[\]\n]*+\]\([^()\n]*+\)[ \t]*+")


def is_figure_line(line: str) -> bool:
    """``line`` is one image and nothing else, at the margin: a screenshot under a list item (``item_figure``).

    How-to handbooks put a screenshot right under the step it shows (``* **Reset Password:** ...`` /
    ``![Reset password.](figures/reset.png)`` / ``	* **Edit the user:** ...``). CommonMark reads the image
    line as the item's lazy continuation, its alt text part of the item, and the list goes on; read as the
    end of the list, the alt text became a paragraph and the nested items after it a new list at depth 0.
    An image inside a sentence, or after a blank line, is not such a line.
    """
    return _FIGURE_LINE.fullmatch(line) is not None
