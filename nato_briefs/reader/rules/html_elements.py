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


# ``class_table``: the class tokens a CSS table of <div>s is built with. The container's ("table", divtable.com's
# "divTable"), a row's ("table-row", "divTableRow", "tr", "row"), a cell's ("table-cell", "divTableCell", "td") and
# a row group's ("table-body", "divTableBody", "divTableHeading"); a header row or cell says "head" or "heading".
CLASS_TABLE_TOKENS = frozenset(("table", "div-table", "divtable", "css-table", "tbl"))
_ROW_ENDS = ("-row", "_row", "tablerow")
_CELL_ENDS = ("-cell", "_cell", "tablecell", "tablehead", "-td", "-th")
_GROUP_ENDS = ("body", "heading", "-head", "_head", "thead", "header", "footer", "foot")
_HEAD_ENDS = ("head", "heading", "header")


def _class_tokens(el: etree._Element) -> list[str]:
    return (el.get("class") or "").casefold().split()


def class_table_part(el: etree._Element) -> str:
    """What a ``<div>``'s class tokens make it in a CSS table (``class_table``): "table", "row", "cell", "group"
    or ""."""
    tokens = _class_tokens(el)
    if any(t in CLASS_TABLE_TOKENS for t in tokens):
        return "table"
    if any(t in ("tr", "row") or t.endswith(_ROW_ENDS) for t in tokens):
        return "row"
    if any(t in ("td", "th", "cell") or t.endswith(_CELL_ENDS) for t in tokens):
        return "cell"
    if any(t in ("tbody", "thead") or t.endswith(_GROUP_ENDS) for t in tokens):
        return "group"
    return ""


def _is_head(el: etree._Element) -> bool:
    return any(t == "th" or t.endswith(_HEAD_ENDS) for t in _class_tokens(el))


def _element_children(el: etree._Element) -> list[etree._Element] | None:
    """The element's child elements, or None when text stands between them (no row or group holds text)."""
    if (el.text or "").strip():
        return None
    children = []
    for child in el:
        if (child.tail or "").strip():
            return None
        if isinstance(child.tag, str):
            children.append(child)
    return children


def class_table(el: etree._Element) -> list[tuple[etree._Element, str]] | None:
    """The elements of a CSS table of ``<div>``s and the table elements they stand for (``class_table``), or None.

    Site builders and HTML generators (divtable.com, page builders' "table" widgets) lay a table out in
    ``<div class="table">`` / ``<div class="table-row">`` / ``<div class="table-cell">`` with no ARIA roles
    (``aria_roles`` reads those): read as blocks, every cell became a heading of its own and the table was lost.
    Only a ``<div>`` whose class is a table's, holding nothing but row divs (or row groups of them, a body and a
    heading), at least two rows of the same number (two or more) of cell divs, each row's cells nothing but
    divs. A header row says so ("table-head", a heading group, "divTableHead" cells); without one the first row
    is read as any table's first row is. Near misses: Bootstrap's ``<div class="row"><div class="col-6">`` (no
    table container), ``<div class="table-responsive"><table>`` (another class), a container holding text or a
    paragraph, rows of different widths.
    """
    if el.tag != "div" or class_table_part(el) != "table":
        return None
    children = _element_children(el)
    if not children:
        return None
    plan: list[tuple[etree._Element, str]] = [(el, "table")]
    rows: list[tuple[etree._Element, bool]] = []
    for child in children:
        part = class_table_part(child) if child.tag == "div" else ""
        if part == "row":
            rows.append((child, _is_head(child)))
        elif part == "group":
            members = _element_children(child)
            if not members or any(m.tag != "div" or class_table_part(m) != "row" for m in members):
                return None
            head = _is_head(child)
            plan.append((child, "thead" if head else "tbody"))
            rows.extend((m, head or _is_head(m)) for m in members)
        else:
            return None
    widths = set()
    for row, head in rows:
        cells = _element_children(row)
        if not cells or any(c.tag != "div" for c in cells):
            return None
        widths.add(len(cells))
        heads = head or all(_is_head(c) for c in cells)
        plan.append((row, "tr"))
        plan.extend((c, "th" if heads else "td") for c in cells)
    if len(rows) < 2 or len(widths) != 1 or min(widths) < 2:
        return None
    return plan
