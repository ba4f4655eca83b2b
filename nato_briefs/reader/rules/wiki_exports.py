"""Shapes of wiki pages exported to markdown and of static sites, found by sweep 7 (bench/REALWORLD.md).

Confluence pages put through pandoc (a governance body's quarterly reports and minutes: task
lists of reviewers, hard-wrapped bold headings), MkDocs / kramdown pages that style an image
with an attribute list, and Hugo pages that write a shortcode over several lines. Each rule is a
pure function of one or two lines (or a bounded run of them), anchored or possessive: linear in
the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.reader.rules.items import markdown_marker_end
from nato_briefs.reader.rules.markup import opens_mid_sentence

# HTML's phrasing elements: tags that sit inside a line of text, never open a block of their own.
_PHRASING = "a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|img|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var"
# A line opening with such a tag, opening or closing (``<a href=...>Jane Smith</a>``, ``</span>``).
_LEADING_PHRASING_TAG = re.compile(rf"</?+(?:{_PHRASING})(?=[\s>/])", re.IGNORECASE)
# Such tags anywhere in a line; ``img`` is void (it never closes) so it is not counted as left open.
_OPENING_TAG = re.compile(rf"<(?:{_PHRASING})(?=[\s>/])", re.IGNORECASE)
_CLOSING_TAG = re.compile(rf"</(?:{_PHRASING})[ \t]*+>", re.IGNORECASE)
_VOID_TAG = re.compile(r"<img(?=[\s>/])", re.IGNORECASE)
# Hugo's shortcode delimiters, opening and closing (``{{< figure`` ... ``>}}``, ``{{% notice`` ... ``%}}``).
_SHORTCODE_CLOSERS = {"{{<": ">}}", "{{%": "%}}"}
# The most lines one shortcode's arguments are read over before the line is taken as text.
MAX_SHORTCODE_LINES = 20
# kramdown's span attribute list after an image, a link or a code span: ``{: style="height:80px" align="right"}``,
# ``{:class="img-responsive"}``, ``{: #prevention }`` (an id, classes, key=value pairs; quoted values may hold spaces).
_SPAN_ATTRIBUTES = re.compile(
    r"\{:[ \t]*+(?:(?:[.#][\w-]++|[\w-]++=(?:\"[^\"\n]*+\"|'[^'\n]*+'|[^\s\"'{}]++))[ \t]*+)*+\}"
)


def opens_with_inline_tag(line: str) -> bool:
    """``<a href="...">Jane Smith</a>``: the line opens with a phrasing tag, the inside of a line of text.

    Such a line starts no block (``<div>``, ``<table>`` and ``<!--`` do): the text runs on from the line
    above, as markdown's lazy continuation reads it.
    """
    return _LEADING_PHRASING_TAG.match(line) is not None


def leaves_inline_tag_open(line: str) -> bool:
    """``- ✅ <span class="placeholder-inline-tasks">``: the line opens a phrasing tag it does not close.

    pandoc wraps a Confluence task's line inside its ``<span>``, or inside the tag itself (``style="color:
    rgb(23,`` / ``43,77);">``): the text the tag holds is on the next line, so the line runs on.
    """
    if "<" not in line:
        return False
    last = line.rfind("<")
    if last > line.rfind(">") and _OPENING_TAG.match(line, last):
        return True  # a tag cut inside its attributes
    opened = len(_OPENING_TAG.findall(line)) - len(_VOID_TAG.findall(line))
    return opened > len(_CLOSING_TAG.findall(line))


def is_glyph_only_item(line: str) -> bool:
    """``-   ✅``: an item whose text holds no letter or digit (a check mark, a task box) — its words come below."""
    body = line.rstrip()
    end = markdown_marker_end(body)
    text = body[end:] if end else ""
    return bool(text) and not any(c.isalnum() for c in text)


def item_runs_onto_tag(prev: str, line: str) -> bool:
    """``-   🔲 <span ...>`` over ``<a href="...">Anna Kowalska</a></span>``: the item's text is on the next line.

    A Confluence task list exported by pandoc (``inline_tag_item``): the line above leaves an inline tag
    open (the tag's text is below it, whatever that starts with), or is an item holding only its check
    mark over a line that opens with an inline tag. That line belongs to the item (its name), not to the
    prose under the list. A line opening with ``<div>`` or a comment, and a tag line under a finished
    item (``- ✅ Pierre Dubois``), keep their reading.
    """
    return leaves_inline_tag_open(prev) or (is_glyph_only_item(prev) and opens_with_inline_tag(line))


def wrapped_bold_line(line: str, nxt: str) -> str | None:
    """``**Proposal: ... (Maria`` over ``Lopez)**``: one whole-line bold cut in two by a hard wrap, joined.

    pandoc wraps a page at 72 columns, a bold heading too: the first line opens the bold and the next
    closes it. Joined, the two are the bold line the author wrote (``wrapped_bold``); the caller still
    asks whether it is a title. A line closing bold it opened, or a next line opening bold again, is not
    such a pair.
    """
    body, below = line.strip(), nxt.strip()
    delim = body[:2]
    if delim not in ("**", "__") or len(body) < 3 or body[2:3].isspace() or delim in body[2:]:
        return None
    if not below.endswith(delim) or delim in below[:-2] or below[-3:-2].isspace():
        return None
    return f"{body} {below}"


def strip_span_attributes(line: str) -> str:
    """``![icon](x.png){: style="height:80px" align="right"}`` -> ``![icon](x.png)``: kramdown's attribute list dropped.

    MkDocs (attr_list) and kramdown style the element just before a ``{:`` group; the site shows no
    such text (``span_attributes``). Only a group made wholly of ids, classes and ``key=value`` pairs
    goes; ``{: not an attribute}`` stays.
    """
    return _SPAN_ATTRIBUTES.sub("", line) if "{:" in line else line


def bold_runs_on(nxt: str) -> bool:
    """``**[Download the report](x.pdf)**`` over ``to take a closer look ...``: the bold line's sentence goes on.

    A line directly below that starts as the rest of a sentence does (lowercase, ``opens_mid_sentence``)
    makes the bold line the start of a hard-wrapped paragraph, never a bold title (``bold_runs_on``); a
    capitalised line, an item or a blank line below leave the title alone.
    """
    return bool(nxt.strip()) and opens_mid_sentence(nxt)


def shortcode_end(lines: Sequence[str], i: int) -> int | None:
    """``{{< figure`` / ``src="/x.png"`` / ``>}}``: the index of the line closing a shortcode opened at ``i``.

    Hugo lets a shortcode's arguments run over several lines; the site renders the whole tag away, as
    it does a one-line one (``is_template_tag_line``), so every line of it is markup
    (``multiline_shortcode``). None when line ``i`` opens no such tag, closes it itself, or no line
    closes it (alone, at its end) before a blank line or within ``MAX_SHORTCODE_LINES``.
    """
    body = lines[i].strip(" \t")
    closer = _SHORTCODE_CLOSERS.get(body[:3])
    if closer is None or closer in body:
        return None
    for j in range(i + 1, min(len(lines), i + 1 + MAX_SHORTCODE_LINES)):
        below = lines[j].strip(" \t")
        if not below or below[:3] in _SHORTCODE_CLOSERS:
            return None  # a blank line or another tag: text as written
        if closer in below:
            return j if below.endswith(closer) and below.count(closer) == 1 else None
    return None
