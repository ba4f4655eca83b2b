"""What an element of an editor's or a chat client's HTML means: a list wrapper, a hidden reply, a part, a mark.

Rich-text editors (TinyMCE, CKEditor, Trix) and chat clients (Matrix) write elements whose meaning is their
convention, not HTML's: an ``<li>`` that only wraps a nested list, a ``<mx-reply>`` quote that clients hide, a
``<div>`` whose ``<br><br>`` parts are paragraphs, and a ``<sup>`` footnote mark on a header cell. ``html.py``
asks each rule about one element (or its text) as it walks the tree, so each is linear in the element; the
patterns use possessive repeats (the audit in ``tests/test_reader_linear.py`` reads them).
"""

from __future__ import annotations

import re

from lxml import etree


def tag_name(el: etree._Element | None) -> str:
    """An element's tag in lowercase; "" for a comment, a processing instruction or no element (their ``tag`` is
    no string)."""
    return el.tag.lower() if el is not None and isinstance(el.tag, str) else ""


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


# The class Quill's editor gives a list item it indents (``ql-indent-1`` ... ``ql-indent-8``).
_QUILL_INDENT = re.compile(r"(?:^|\s)ql-indent-([1-8])(?=\s|$)")
# What marks a document holding such items: the rule looks at its lists only then.
QUILL_INDENT_SIGN = "ql-indent-"


def _indent_level(el: etree._Element) -> int:
    match = _QUILL_INDENT.search(el.get("class") or "")
    return int(match.group(1)) if match else 0


def nest_indented_items(root: etree._Element) -> None:
    """Each ``<li class="ql-indent-N">`` moved into a list nested in the item above it (``indent_class_items``).

    Quill (Slack's, many CMS's and help desks' editor) writes a nested list flat: one ``<ol>`` whose
    deeper items carry ``class="ql-indent-1"``, which its style sheet indents. A browser shows them
    under the item above, as sub-items; read flat they were items of their own between their parent's
    siblings. Each indented item goes into a list of the same kind under the nearest item above at a
    lower level, as an editor that nests would have written it. An item deeper than any above it opens
    one level only; a list with no indented item is left as it is.
    """
    for lst in list(root.iter("ol", "ul")):
        items = [child for child in lst if child.tag == "li"]
        if not any(_indent_level(li) for li in items):
            continue
        stack: list[tuple[int, etree._Element, etree._Element | None]] = [(0, lst, None)]
        for li in items:
            level = _indent_level(li)
            while len(stack) > 1 and stack[-1][0] > level:
                stack.pop()
            top_level, target, last = stack[-1]
            if level > top_level and last is not None:
                sub = etree.SubElement(last, lst.tag)
                stack.append((level, sub, None))
                target = sub
            target.append(li)
            stack[-1] = (stack[-1][0], target, li)


def is_reply_fallback(el: etree._Element) -> bool:
    """Matrix's ``<mx-reply>``: the quote of the message replied to, which clients hide (``reply_fallback``).

    A Matrix (Element) message's HTML opens with the earlier message in ``<mx-reply><blockquote>`` so that
    clients without replies can show it; the spec has clients strip it. Its text is no part of the article.
    """
    return el.tag == "mx-reply"


def br_paragraph_title(para_tag: str, in_list: bool) -> bool:
    """``<div>NATO Allies Agree ...<br><br>NATO Allies agreed ...</div>``: a ``<div>``'s ``<br><br>`` ends a part
    that may be a bare title (``br_paragraph_title``).

    The Trix editor (Basecamp, HEY) writes a whole message as one ``<div>``, its paragraphs parted by
    ``<br><br>``; its title line was read as the first sentence of the prose. The part is read as a title
    only as a ``<div>`` holding that one line would be (``div_title``); a ``<p>`` or an item is not.
    """
    return para_tag == "div" and not in_list


# A superscript footnote mark's digits, as Unicode writes them raised ("1" -> "¹").
_SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def superscript_mark(text: str | None) -> str | None:
    """The text of an HTML cell's ``<sup>`` written raised when it is digits (``sup_footnote_mark``), else as is.

    ``<th>Priority Area<sup>1</sup></th>`` is ``Priority Area¹``, as it shows, not ``Priority Area1``: the
    header mapping drops a raised footnote mark (``Priority Area¹`` names the area) but cannot tell a mark
    run into a word from the word. ``km<sup>2</sup>`` is ``km²``. Near miss: ``1<sup>st</sup>`` (letters)
    and a ``<sup>`` of more than three characters are left as they are.
    """
    if text is None or not text.strip().isdigit() or len(text.strip()) > 3:
        return text
    return text.strip().translate(_SUPERSCRIPT)


# A word processor's paragraph style for the document's title, as its HTML export writes it in ``class``:
# Word's ``MsoTitle``; Google Docs' ``title`` beside its generated classes (``<p class="c0 title">``).
TITLE_STYLE_CLASSES = frozenset({"msotitle", "title"})


def is_title_style(class_attr: str | None) -> bool:
    """A ``<p>`` whose class names the Title paragraph style: the document's heading (``title_paragraph``,
    ``docs_title_class``).

    Google Docs' "Download as HTML" writes no ``<h1>`` for a headline in the Title style, only ``<p class="c0
    title">``; read as a ``<p>`` the headline was the first line of prose. A class token, not a substring:
    ``subtitle``, ``title-meta`` and ``article-title`` are other styles.
    """
    return any(token in TITLE_STYLE_CLASSES for token in (class_attr or "").casefold().split())


# The glyphs a documentation generator shows as a heading's permalink: Sphinx and MkDocs "¶", Hugo and
# Docusaurus "#", AsciiDoc and others "§", emoji links "🔗"/"⚓" (a zero-width space, Docusaurus', is no glyph).
PERMALINK_GLYPHS = frozenset("¶#§🔗⚓")


def is_permalink_anchor(el: etree._Element) -> bool:
    """``<a class="headerlink" href="#priorities">¶</a>``: a heading's permalink, no word of the page
    (``permalink_anchor``).

    Sphinx, MkDocs and other documentation generators end each heading with a link to itself whose text is a
    glyph (``¶``, ``#``, ``§``); the browser shows it only on hover, so the heading read ``Priorities¶``. An
    in-page link (``href="#..."``) whose text is one such glyph, or nothing visible, is markup; a link with
    words (``<a href="#priorities">Priorities</a>``, a contents entry) is text.
    """
    if el.tag != "a" or not (el.get("href") or "").startswith("#"):
        return False
    text = "".join(el.itertext()).strip(" \t\n\u200b\ufe0f")
    return len(text) <= 1 and all(ch in PERMALINK_GLYPHS for ch in text)


# An inline style that sets a bold weight: "font-weight:bold", "font-weight: 700" (600-900), "font-weight:bolder".
_BOLD_STYLE = re.compile(r"(?:^|;)[ \t]*+font-weight[ \t]*+:[ \t]*+(?:bold(?:er)?+|[6-9]00)\b", re.IGNORECASE)


def is_bold_style(style: str | None) -> bool:
    """``<p style="font-weight:bold">``: an element its inline style sets in bold (``style_bold``).

    HTML e-mail (newsletter builders, hand-coded campaigns) marks its title and section headings by inline
    styles, not ``<strong>`` or ``<h2>``: to a reader the paragraph is as bold as ``<p><strong>`` is. Only the
    element's own ``font-weight`` declaration counts (``font-weight:normal``, ``400`` and other properties
    ending in ``-weight`` do not).
    """
    return bool(style) and _BOLD_STYLE.search(style) is not None


def bullet_column_items(rows: list[list[str]], bullets: frozenset[str]) -> list[str] | None:
    """The items of a table whose every row is a bullet cell and a text cell (``bullet_column``), or None.

    HTML e-mail lays a list out as a table, for the bullet to sit apart from the wrapped text: ``<td><img
    alt="•"></td><td>Name: detail</td>`` per row (or the glyph typed in the cell). To its reader it is a list,
    not a table with a column of bullets. Two rows at least, every first cell one bullet glyph, every second
    cell text.
    """
    if len(rows) < 2 or any(len(row) != 2 or row[0].strip() not in bullets or not row[1].strip() for row in rows):
        return None
    return [row[1].strip() for row in rows]
