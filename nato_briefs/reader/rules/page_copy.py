"""Marks and page furniture a copy of a rendered page leaves in the text (session 14, the known losses).

Inline reference marks (a footnote's ``[^2]``, a lynx dump's ``[1]`` link number) are markup, removed
from every record's text as the contract removes inline markdown; a government page's metadata fields
(``From:`` over ``Ministry of Defence``, ``Published`` over its date) and its ``Contents`` list decide
which of its short lines are headings; a text browser's page margin says where indented code starts.
Wordings are data (``furniture.yaml``); the patterns are linear (possessive repeats, audited by
``tests/test_reader_linear.py``).
"""

from __future__ import annotations

import re

from lxml import etree

from nato_briefs.reader.rules.boilerplate import (
    CODE_CHARS,
    MAX_FURNITURE_CHARS,
    furniture_key,
    is_boilerplate,
    load_furniture,
)
from nato_briefs.reader.rules.exports import is_section_label
from nato_briefs.reader.rules.html_elements import tag_name
from nato_briefs.reader.rules.titles import is_page_chrome, is_release_label, is_share_bar

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


def is_metadata_field(text: str) -> bool:
    """``From: National Defence``, ``Date modified: 2026-12-01``: a page's metadata field and its value on one line
    (``metadata_field``), never a title.

    Canada.ca writes the field as one line where GOV.UK stacks label and value (``metadata_label``). The label
    is one of ``metadata_labels`` (data) and a value follows the colon; ``From the Alliance: ...`` is no field.
    """
    label, colon, value = text.strip(" \t").partition(":")
    return colon == ":" and bool(value.strip()) and is_metadata_label(label)


def is_contents_label(text: str) -> bool:
    """``Contents``, ``On this page``: the heading of a page's contents list, over the lines it links (data).

    The links repeat the headings below and stand in a stack of short lines (``line_stack``, which
    keeps such a stack one block); the label over them is still a heading, as the page shows it.
    Wordings: ``contents_labels`` in ``furniture.yaml``.
    """
    return len(text) <= MAX_FURNITURE_CHARS and furniture_key(text) in load_furniture().contents_labels


# A page copy's head (``chrome_head``): at most this many lines of chrome over the headline, each at most this long,
# and at least this many of them chrome by their words (``furniture.yaml``).
MAX_CHROME_HEAD_LINES = 16
MAX_CHROME_LINE_CHARS = 60
MIN_CHROME_EVIDENCE = 2
# Fewest words of the sentence that opens the article under its headline.
MIN_OPENING_WORDS = 4


def is_chrome_line(text: str) -> bool:
    """A line of a web page's chrome by its words: a skip link, a menu, a breadcrumb's root (``Home``), a site
    section (``News``), a document type (``Press release``), a share bar (data, ``furniture.yaml``)."""
    return (
        is_boilerplate(text)
        or is_release_label(text)
        or is_section_label(text)
        or is_share_bar(text)
        or is_page_chrome(text)
        or (len(text) <= MAX_FURNITURE_CHARS and furniture_key(text) in load_furniture().breadcrumb_roots)
    )


def _opens_article(text: str) -> bool:
    """The line under a page's headline: a blank, the standfirst's sentence, or a metadata field (``From:``)."""
    body = text.strip(" \t")
    if not body:
        return True
    if body[-1:] in ".!?" and len(body.split()) >= MIN_OPENING_WORDS:
        return True
    return is_metadata_label(body) or is_metadata_field(body)


def chrome_head_end(lines: list[str], first: int) -> int | None:
    """The index of a page copy's headline under the run of chrome lines that opens the document (``chrome_head``),
    or None.

    A browser's "select all" on a government page copies the site above the article, a line per link with no
    blank between: the skip link, the cookie banner's title, the site's name, the breadcrumb trail as a stack
    of short lines (``Home`` / ``Defence and armed forces``), the document's type (``Press release``), a
    language toggle and menu. Read as a stack of short lines the headline under them was no title (GOV.UK's),
    or the toggle was (Canada.ca's). The headline is the last line of the document's first block over the
    article's opening (its standfirst sentence, a ``From:`` field, a blank line); every line above it is short
    and unpunctuated, two at least, and two or more are chrome by their words (``is_chrome_line``). Near
    misses: an address or a list of attendees over a sentence (no chrome words), a single label over the
    headline (``Press release``: ``section_label`` reads it), a line above that ends a sentence, and chrome
    over the opening (``Share`` / ``Print`` under the headline: the block is left to the other rules).
    """
    if first < 0:
        return None
    evidence = 0
    for k in range(first, min(first + MAX_CHROME_HEAD_LINES + 1, len(lines))):
        text = lines[k].strip(" \t")
        if k > first + 1 and k + 1 < len(lines) and text and _opens_article(lines[k + 1]):
            headline = not (is_chrome_line(text) or is_metadata_label(text) or is_metadata_field(text))
            return k if headline and evidence >= MIN_CHROME_EVIDENCE else None
        if not text or len(text) > MAX_CHROME_LINE_CHARS or text[-1:] in ".!?;":
            return None
        evidence += is_chrome_line(text)
    return None


# A bullet item indented as a browser's copy indents a list ("    - North Warning System: new radars").
_INDENTED_BULLET = re.compile(r"( {4,7}+)([-*+])[ \t]++(\S)")
# Fewest items such a run holds.
MIN_INDENTED_ITEMS = 2


def indented_item_run(lines: list[str], i: int) -> bool:
    """Line ``i`` opens a run of bullet items indented four to seven spaces, set apart by blank lines, that a
    page copy indented (``indented_page_items``): items, not indented code.

    A browser's text copy of a government page (Canada.ca) indents a list's items by four under the heading
    above and a blank line; CommonMark read them as an indented code block and they left the article. Two
    items or more, all at one indent with one bullet, each opening with a letter and holding no character of
    code, the blank line above, and the run ending at a blank line or the document's end. The caller asks for
    a title line over the blank above, in a page copy (``chrome_head`` found its headline) without fenced code:
    anywhere else such a run stays CommonMark's indented code (``indented_code_list``). Near misses: one
    indented item, a shell listing (``    - pip install x=1``), items at two indents.
    """
    first = _INDENTED_BULLET.match(lines[i])
    if first is None or i < 1 or lines[i - 1].strip():
        return False
    indent, glyph = first.group(1), first.group(2)
    n = 0
    for line in lines[i:]:
        if not line.strip():
            break
        found = _INDENTED_BULLET.match(line)
        if found is None or found.group(1) != indent or found.group(2) != glyph or not found.group(3).isalpha():
            return False
        if any(ch in CODE_CHARS for ch in line):
            return False
        n += 1
    return n >= MIN_INDENTED_ITEMS


# Most spaces a page margin may be: four open an indented code block in CommonMark.
MAX_PAGE_MARGIN = 3


def page_margin(lines: list[str]) -> int:
    """The margin (1-3 spaces) that most of a document's text lines share, else 0 (``page_margin``).

    A text browser's dump (``lynx -dump``, ``w3m``) sets the page's text three spaces in and its
    bullets deeper (``     * Regional plans``); an item is code only when indented four past that
    margin, as CommonMark counts four past the margin of 0. Text lines are the lines opening with a
    letter after their indentation of 0-3 spaces (items, table rows, code samples and centred titles
    do not); a line holding a tab has no width to count. More than half of them must share the margin.
    """
    counts = [0] * (MAX_PAGE_MARGIN + 1)  # lines at widths 0-3; deeper ones are code or centred titles
    for line in lines:
        body = line.lstrip(" ")
        width = len(line) - len(body)
        if width <= MAX_PAGE_MARGIN and body[:1].isalpha() and "\t" not in line:
            counts[width] += 1
    margin = max(range(1, MAX_PAGE_MARGIN + 1), key=counts.__getitem__)
    return margin if counts[margin] * 2 > sum(counts) else 0


# Fewest text lines, and words in a prose line, a whole document indented as one must hold (``indented_document``).
MIN_INDENTED_LINES = 3
MIN_PROSE_WORDS = 8


def document_margin(lines: list[str]) -> int:
    """The indentation of four spaces or more that every text line of the document shares, else 0
    (``indented_document``).

    A whole article set four spaces in (pasted from a quoting mail client, an editor's indented block, a
    template that indents its body) is indented code to CommonMark from its first line to its last: no
    title, no item, no table, its prose dropped. Nobody sends a news article as one code sample, so the
    shared indentation is the page's margin, and the lines are read without it (their relative indents,
    a nested item's, kept). Near misses: a line at the margin of 0 (then the indented lines are code
    samples or a centred title), a line indented by a tab, fewer than three text lines, and a block with
    no line of prose (a sentence of eight words or more): a code listing stays code.
    """
    margin, n_text, prose = -1, 0, False
    for line in lines:
        body = line.lstrip(" ")
        if not body.strip():
            continue
        width = len(line) - len(body)
        if width < 4 or body[:1] == "\t":
            return 0
        margin = width if margin < 0 else min(margin, width)
        n_text += 1
        prose = prose or (body.rstrip()[-1:] in (".", "!", "?") and body.count(" ") >= MIN_PROSE_WORDS - 1)
    return margin if n_text >= MIN_INDENTED_LINES and prose else 0


# A page's landmarks around its article, by element and by ARIA role (``page_landmark``): the site's navigation,
# banner, footer and sidebars. ``<main>`` and ``<article>`` (or ``role="main"``/``"article"``) hold the article.
_LANDMARK_ROLES = {"navigation": "nav", "banner": "header", "contentinfo": "footer", "complementary": "aside"}
_LANDMARKS = frozenset(_LANDMARK_ROLES.values())
CONTENT_LANDMARKS = frozenset({"main", "article"})
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _landmark(el: etree._Element) -> str | None:
    """The landmark an element is by its role, else by its tag (``<div role="navigation">`` is a ``nav``)."""
    role = _role(el)
    if role in _LANDMARK_ROLES:
        return _LANDMARK_ROLES[role]
    tag = tag_name(el)
    return tag if tag in _LANDMARKS else None


def _role(el: etree._Element) -> str:
    return (el.get("role") or "").strip().casefold()


# Where a page marks its article: a <main> or <article> opened, or an element given the role of one.
_CONTENT_MARK = re.compile(r"<(?:main|article)\b|\brole[ \t]*+=[ \t]*+[\"']?+(?:main|article)\b", re.IGNORECASE)


def marks_content(html: str) -> bool:
    """Whether a page's HTML marks where its article is (a ``<main>``, an ``<article>``, ``role="main"``).

    Asked of every HTML block of the document: the segmenter cuts a page into blocks, so the ``<footer>`` under
    the ``<main>`` may be read in a block of its own.
    """
    return "<" in html and _CONTENT_MARK.search(html) is not None


def _in_content(el: etree._Element) -> bool:
    """Whether an element lies inside the page's ``<main>`` or ``<article>`` (by tag or role)."""
    return any(tag_name(up) in CONTENT_LANDMARKS or _role(up) in CONTENT_LANDMARKS for up in el.iterancestors())


def is_page_landmark(el: etree._Element, content_marked: bool) -> bool:
    """A page's navigation, banner, footer or sidebar: page chrome by its semantics, no article text
    (``page_landmark``).

    A web page saved or copied as HTML keeps the site around the article: a ``<nav>`` of breadcrumbs or menus
    (``role="navigation"``), a ``<header>`` banner with the skip link and logo, a ``<footer>`` of related
    topics and legal links, an ``<aside>`` sidebar. Its breadcrumb became a list of initiatives (``Home``,
    ``Press corner``) and its footer's ``Related topics`` a heading. A ``<nav>`` is navigation wherever it
    stands. A header, footer or sidebar is the page's only outside the ``<main>``/``<article>`` a page marks
    (inside one it is the article's own: its byline, its credits, a fact box), and a header holding a heading
    may hold the headline: kept. With no ``<main>``/``<article>`` to tell, they are kept (a Notion callout is an
    ``<aside>`` of the article's text).
    """
    kind = _landmark(el)
    if kind == "nav":
        return True
    if kind is None or not content_marked or _in_content(el):
        return False
    return kind != "header" or next(el.iterdescendants(*_HEADING_TAGS), None) is None


# Most characters of a link in a share list's item ("Facebook", "LinkedIn", "E-mail").
MAX_SHARE_LINK_CHARS = 40


def _link_list(el: etree._Element) -> bool:
    """A ``<ul>``/``<ol>`` whose every item is one short link and nothing else."""
    items = [child for child in el if isinstance(child.tag, str)]
    if not items or any(child.tag.lower() != "li" for child in items):
        return False
    for li in items:
        links = [child for child in li if isinstance(child.tag, str)]
        if (li.text or "").strip() or len(links) != 1 or links[0].tag.lower() != "a" or (links[0].tail or "").strip():
            return False
        if len("".join(links[0].itertext()).strip()) > MAX_SHARE_LINK_CHARS:
            return False
    return True


def _names_chrome(label: str) -> bool:
    """An ARIA label or a lead line naming a share bar or a breadcrumb (``share_bars``, ``chrome_labels``)."""
    key = furniture_key(label)
    return bool(key) and (key in load_furniture().chrome_labels or is_share_bar(label))


def _element_text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def is_chrome_list(el: etree._Element) -> bool:
    """A share bar or breadcrumb written as a list, or the line that names it: page chrome (``chrome_list``).

    ``<ul aria-label="Share">``, ``<ol aria-label="Breadcrumb">``: the label says what the list is. Without one,
    a list of lone short links right under a ``Share this page`` line (europa.eu's, GOV.UK's share links) is
    the site's buttons, and the line is their label; both were read as the article's (the networks as
    initiatives). Near misses: a list of links under any other line (a ``Related`` reading list, sources), a
    list whose items hold words beside their link, and a ``Share this page`` line over no such list (kept).
    """
    tag = tag_name(el)
    label = el.get("aria-label")
    if label is not None and _names_chrome(label):
        return True
    if tag in ("ul", "ol"):
        before = el.getprevious()
        return before is not None and _is_chrome_label(before) and _link_list(el)
    after = el.getnext()
    return tag_name(after) in ("ul", "ol") and _is_chrome_label(el) and _link_list(after)


def _is_chrome_label(el: etree._Element) -> bool:
    """An element of text only (a ``<p>``, a heading) that names a share bar (``Share this page``)."""
    if not isinstance(el.tag, str) or any(isinstance(child.tag, str) for child in el):
        return False
    text = _element_text(el)
    return 0 < len(text) <= MAX_FURNITURE_CHARS and _names_chrome(text)
