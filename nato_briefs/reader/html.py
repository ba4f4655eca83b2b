"""HTML blocks (content-system exports) read with a real HTML parser: lxml (libxml2).

Why lxml: every element carries its ``sourceline``, which gives a ``<tr>`` or
``<li>`` its line in the article; libxml2 is C and linear on malformed input
(1 M characters of ``<a<a<a...`` in 12 ms) and bounds nesting itself. The
stdlib ``html.parser`` of Python 3.11 took 16 s on 80 k characters of
``<a<a<a...`` and raised AssertionError on ``<![<![``; selectolax is faster
still but has no source positions. Nothing is ever executed or fetched:
``<script>``/``<style>`` content is dropped, the network is off.

The reader walks the tree once (``iterwalk``, no recursion) and hands records
to the document walker through the small ``BlockSink`` interface, so HTML
tables and lists count in ``table_index`` / ``list_index`` like markdown ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from lxml import etree

from nato_briefs.config import ParseLimits
from nato_briefs.reader.errors import ParseLimitError
from nato_briefs.reader.lines import looks_like_title
from nato_briefs.reader.records import TableRow
from nato_briefs.reader.rules import (
    BULLET_GLYPHS,
    bullet_item,
    combine_header_rows,
    is_footer_note,
    signs_off,
    strip_bold_markers,
    strip_fenced_code,
    typed_marker_item,
    word_list_level,
    word_list_marker,
)
from nato_briefs.reader.rules.group_rows import is_spanning_label
from nato_briefs.reader.rules.html_elements import (
    QUILL_INDENT_SIGN,
    br_paragraph_title,
    bullet_column_items,
    class_table,
    is_bold_style,
    is_marker_free_wrapper,
    is_permalink_anchor,
    is_reply_fallback,
    is_title_style,
    nest_indented_items,
    superscript_mark,
    tag_name,
)
from nato_briefs.reader.rules.interchange import (
    BOLD_LINE,
    MACRO_SETTINGS,
    XML_VOCABULARY_SIGNS,
    bold_br_line,
    iframe_markup,
    is_chat_chrome,
    is_hidden,
    retag_xml_vocabulary,
)
from nato_briefs.reader.rules.liquid import is_template_output
from nato_briefs.reader.rules.page_copy import is_chrome_list, is_page_landmark
from nato_briefs.reader.rules.pipeline_text import (
    HEADING_ROLE_ELEMENTS,
    aria_element,
    is_mail_header_table,
    unprefixed_xhtml,
)
from nato_briefs.reader.text import clean_text
from nato_briefs.vocab import ReasonCode

_SKIP = frozenset({"script", "style", "template", "noscript", "head", "title", "iframe", "object", "svg", "math"})
# Elements holding one line or paragraph of text when they hold no block (``text_block``): a <div>, and an old
# CMS's <center> and <font> outside any paragraph ("<center><font size=5><b>Title</b></font></center>").
_TEXT_BLOCKS = frozenset({"div", "center", "font"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BREAKS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "figure",
     "figcaption", "address", "details", "summary", "center", "dl", "dt", "dd", "pre", "form", "fieldset", "hr",
     "caption", "br"}
)  # fmt: skip
# Inside a cell or a heading, a list item sets its text apart too (``cell_list_items``: "<td><ul><li>Backup
# power</li><li>Fuel reserves</li></ul></td>" is the cell "Backup power Fuel reserves", no list of initiatives).
_CELL_BREAKS = _BREAKS | {"li"}
# Row and cell tags of a layout table: block breaks between the blocks they hold.
_LAYOUT_CELLS = frozenset({"tr", "td", "th", "tbody", "thead", "tfoot", "caption"})
# Elements that make a table a page layout rather than data: a table or a heading inside it.
_LAYOUT_CONTENT = ("table", "h1", "h2", "h3", "h4", "h5", "h6")
# Elements that make a <div> a container of blocks rather than one line of text.
_DIV_BLOCKS = frozenset(
    {"div", "p", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section",
     "article", "figure", "dl", "header", "footer", "aside", "nav", "main", "form", "hr", "details"}
)  # fmt: skip
# A bold-only <p> longer than this, or ending a sentence, is emphasis, not a heading.
MAX_BOLD_TITLE_CHARS = 120
_TAG = re.compile(r"<[^<>]*+>")  # fallback only: possessive, so linear on a run of "<"
# A feed's entry (RSS <item>, Atom <entry>): its <title> is the entry's headline, not the page's <head> title.
_FEED_ENTRIES = frozenset({"item", "entry"})
# A feed entry's body elements, which may carry the article as escaped HTML (``feed_body``).
_FEED_BODIES = frozenset({"content", "description", "summary"})
# Most attributes one element may carry. libxml2 parses a start tag in linear time but, building the tree, appends
# each attribute to its element after walking the list of those before it: 64,000 attributes on one <p> (1 MB)
# took 4.8 s, 120,000 one a line (600 kB, within the cost budget) 24 s (bench/HOSTILE.md, session 15). Real
# elements carry a few dozen at most (Word's styled cells, a tracking pixel's data- attributes).
MAX_ELEMENT_ATTRIBUTES = 5_000
# Where a <br> broke a paragraph's line, kept until the paragraph is read (``glyph_paragraph``); white space
# to clean_text, so a paragraph that is no list reads as before.
_LINE_MARK = "\x1e"


class BlockSink(Protocol):
    """What the HTML reader needs from the document walker."""

    max_table_columns: int
    limits: ParseLimits
    content_marked: bool  # some HTML block of the page opens a <main> or <article> (``page_landmark``)

    def source_line(self, seg_index: int) -> int: ...
    def start_section(self, heading: str, kind: str, level: int | None, line: int) -> None: ...
    def add_prose(self, text: str, line: int) -> None: ...
    def section_prose(self) -> Sequence[str]: ...
    def open_list(self, ordered: bool) -> None: ...
    def close_list(self) -> None: ...
    def open_item_at(self, line: int) -> None: ...
    def add_item_text(self, text: str) -> None: ...
    def set_bold_lead(self, text: str) -> None: ...
    def close_item(self) -> None: ...
    def add_table(self, headers: list[str], rows: list[TableRow], line: int) -> None: ...


class _Table:
    def __init__(self, line: int) -> None:
        self.line = line
        self.headers: list[str] | None = None
        self.rows: list[TableRow] = []
        self.row: list[str] | None = None
        self.row_line = line
        self.row_all_th = True
        self.in_head = False
        self.in_foot = False
        self.cell_span = 1  # colspan of the open cell
        self.cell_rows = 1  # rowspan of the open cell
        self.spans: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill) of cells spanning down
        self.row_cells = 0  # <td>/<th> elements in the open row (a spanned cell counts once)
        self.title_row: tuple[list[str], int] | None = None  # a lone spanning cell above the header row


class GlyphItem(NamedTuple):
    """An item of a bullet or numbered paragraph (``glyph_paragraph``), held until its run is written as one list."""

    text: str
    line: int
    depth: int  # its Word list level less one (``word_list``), 0 otherwise
    # the whole paragraph as written when it was one line typed "1. ..." (``typed_number_line``)
    as_written: str | None = None


def lone_numbered_paragraph(run: Sequence[GlyphItem]) -> str | None:
    """The prose a run of bullet paragraphs stays: the one paragraph typed "1. ..." of a run of one, else None.

    ``numbered_paragraph`` reads consecutive ``<p>1. Name: detail</p>`` as an ordered list, but one alone
    (an EPUB footnote, ``<p>1. The baseline dates from 2016.</p>``) is no list of one. The item remembers
    its paragraph, so the rule reads only the run it is about.
    """
    return run[0].as_written if len(run) == 1 else None


def typed_number_line(raw: str, word_list: bool) -> str | None:
    """A paragraph's text as written when it is one line typed with a number ("1. ..."), else None.

    A Word list level (``word_list``) or a ``<br>``-broken paragraph is a list as its author made it:
    only the one typed line may be a footnote (``lone_numbered_paragraph``).
    """
    if word_list or _LINE_MARK in raw or not raw.lstrip()[:1].isdigit():
        return None
    return clean_text(raw)


class HtmlBlockReader:
    """One ``html_block``: its tables, lists, headings and prose, in document order."""

    def __init__(self, sink: BlockSink, first_index: int, n_lines: int, nested: bool = False) -> None:
        self.sink = sink
        self.nested = nested  # reading a feed entry's escaped HTML: no further level of it
        self.drop_text = False  # the element just opened was read another way: its text is not added
        self.first_index = first_index
        self.last_index = first_index + max(n_lines, 1) - 1
        self.line = sink.source_line(first_index)
        self.skip = 0
        self.prose: list[str] = []
        self.prose_line = self.line
        self.heading: list[str] | None = None
        self.heading_level = 1
        self.heading_line = self.line
        self.heading_tag = ""  # a heading opened by another element than <h1>-<h6> (Word's MsoTitle <p>)
        self.cell: list[str] | None = None
        self.table: _Table | None = None
        self.table_depth = 0
        self.items: list[list[str]] = []  # text of each open <li>, innermost last
        self.fresh: list[bool] = []  # per open <li>: no text yet (a <strong> now is a bold lead)
        self.lists: list[bool] = []  # each open list: True when opened for a stray <li>
        self.wrappers: list[int] = []  # per open marker-free wrapper <li>: how many <li>s were open around it
        self.bold: list[str] | None = None
        self.after_br = False  # only white space since the last <br>: a second one ends the paragraph
        # the open top-level <p>: its bold text, and whether any text stands outside the bold
        self.para_bold: list[str] | None = None
        self.para_plain = False
        self.in_para = False
        self.in_para_bold = 0
        self.para_line = self.line
        self.para_tag = "p"  # "div" for a line-per-<div> export (Evernote, OneNote, Apple Notes)
        # the open paragraph's line since its last <br>: bold text on it, and text outside the bold
        self.line_bold = False
        self.line_plain = False
        self.layout = 0  # open layout tables (an e-mail's tables that hold headings or tables): read as blocks
        self.glyph_items: list[GlyphItem] = []  # bullet paragraphs read, not yet written as one list
        self.para_level = 0  # the open <p>'s level in a Word list (``word_list``), 0 when it is none
        self.glyph_ordered = False  # whether those paragraphs were numbered ("1. ...<br>2. ...")
        self.tagged_headings = False  # the block marks its headings with <h1>-<h6> (``tagged_headings``)

    # input ----------------------------------------------------------------------
    def read(self, content: str) -> None:
        parser = etree.HTMLParser(
            encoding="utf-8", recover=True, no_network=True, remove_comments=True, remove_pis=True
        )
        content = unprefixed_xhtml(content)  # "<xhtml:table>" in an Atom entry (``xhtml_prefix``)
        data = content.encode("utf-8", "replace")
        most = most_attributes(data)
        if most > MAX_ELEMENT_ATTRIBUTES:
            raise ParseLimitError(
                ReasonCode.TOO_COSTLY,
                f"HTML block at line {self.line} has an element with {most:,} attributes "
                f"(limit {MAX_ELEMENT_ATTRIBUTES:,})",
            )
        try:
            root = etree.fromstring(data, parser)
        except (etree.LxmlError, ValueError):
            root = None
        if any(err.type_name == "ERR_RESOURCE_LIMIT" for err in parser.error_log):
            raise ParseLimitError(ReasonCode.NESTING_TOO_DEEP, f"HTML block at line {self.line} nested too deeply")
        if root is None:  # nothing lxml could build a tree of (a comment alone, a stray tag): its text
            self.add_text(_TAG.sub(" ", without_comments(content)))
        else:
            if "role=" in content:
                _retag_aria_roles(root)
            if "able" in content or "tbl" in content:  # "table", "divTable", "tbl": CSS tables (``class_table``)
                _retag_class_tables(root)
            if QUILL_INDENT_SIGN in content:
                nest_indented_items(root)  # Quill's flat <li class="ql-indent-1">: nested under the item above
            if any(sign in content for sign in XML_VOCABULARY_SIGNS):
                retag_xml_vocabulary(root)  # NITF, DocBook, ENEX: the HTML their elements stand for
            self.tagged_headings = has_tagged_headings(root)
            self.walk(root)
        self.end_paragraphs()

    def walk(self, root: etree._Element) -> None:
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            tag = tag_name(el)
            if event == "start":
                if el.sourceline:
                    self.line = self.sink.source_line(min(self.first_index + el.sourceline - 1, self.last_index))
                if (
                    not self.skip
                    and tag not in _SKIP
                    and (
                        tag in MACRO_SETTINGS
                        or is_hidden(el)
                        or is_chat_chrome(el)
                        or is_reply_fallback(el)
                        or (tag == "a" and is_permalink_anchor(el))  # "<h2>Priorities<a href="#p">¶</a></h2>"
                        or is_page_landmark(el, self.sink.content_marked)  # <nav>, a <footer> outside <main>
                        or is_chrome_list(el)  # "<p>Share this page</p><ul><li><a>Facebook</a></li>..."
                    )
                ):
                    el.tag = tag = "template"  # never shown, or page or chat chrome: skipped as a template
                if tag == "pre" and self.reads_blocks() and is_code_pre(el):
                    self.code_block(el)
                    walker.skip_subtree()  # its text is never read; its end (and tail) still come
                    continue
                self.start(tag, el)
                if el.text and not self.drop_text:
                    self.add_text(el.text)
                self.drop_text = False
            else:
                self.end(tag)
                if el.tail:
                    self.add_text(el.tail)

    # text -----------------------------------------------------------------------
    def add_text(self, text: str) -> None:
        if self.skip:
            return
        if self.after_br and not text.isspace():
            self.after_br = False
        if self.bold is not None:
            self.bold.append(text)
        if self.cell is None and self.heading is None and not self.items:  # a paragraph's text, or loose text
            if self.in_para_bold:
                if self.para_bold is None:
                    self.para_bold = []
                self.para_bold.append(text)
                self.line_bold = self.line_bold or not text.isspace()
            elif not text.isspace():
                self.para_plain = self.line_plain = True
            elif self.para_bold is not None:  # the space between two bold runs
                self.para_bold.append(text)
        if self.cell is not None:
            self.cell.append(text)
        elif self.heading is not None:
            self.heading.append(text)
        elif self.items:
            self.items[-1].append(text)
            if self.bold is None and text.strip():
                self.fresh[-1] = False
        else:
            if not self.prose and text.strip():
                self.prose_line = self.line
            self.prose.append(text)

    def flush_prose(self) -> None:
        self.line_bold = self.line_plain = False  # the next text opens a new line
        if self.prose:
            raw = "".join(self.prose)
            self.prose = []
            if BOLD_LINE in raw and self.bold_line_heads(raw):
                return
            found, rest = glyph_paragraph(raw, self.para_level > 0), ""
            if not found and _LINE_MARK in raw and (split := glyph_lines_then_prose(raw)) is not None:
                found, rest = glyph_paragraph(split[0]), split[1]  # bullet lines, then a paragraph's lines
            if found:
                items, ordered = found
                if ordered != self.glyph_ordered:
                    self.flush_glyph_items()  # bullets then numbers: two lists, as markdown makes them
                self.glyph_ordered = ordered
                depth = max(self.para_level - 1, 0)
                written = typed_number_line(raw, self.para_level > 0)
                self.glyph_items.extend(GlyphItem(text, self.prose_line, depth, written) for text in items)
                if not rest:
                    return
                raw = rest
            text = clean_text(raw)
            if text and not ("{" in text and is_template_output(text)):  # "<p>{{ x }}</p>" (``template_element``)
                self.flush_glyph_items()
                self.sink.add_prose(text, self.prose_line)

    def end_paragraphs(self) -> None:
        """Write the open paragraph and the run of bullet paragraphs read before it: a block of another kind
        (a heading, list, table, item or nested page) starts, and neither runs on into it."""
        self.flush_prose()
        self.flush_glyph_items()

    def paragraph_heads(self, title: str, kind: str) -> None:
        """The paragraph just read is a heading (``title``, read as ``kind``), not prose: its text is dropped
        and the bullet paragraphs before it end as a list above it."""
        self.prose = []
        self.flush_glyph_items()
        self.sink.start_section(title, kind, None, self.para_line)

    def open_heading(self, level: int) -> None:
        """Gather a heading's text from here (``heading_end`` writes it), after the paragraphs before it."""
        self.end_paragraphs()
        self.heading, self.heading_level, self.heading_line = [], level, self.line

    def bold_line_heads(self, raw: str) -> bool:
        """A paragraph's first ``<br>`` line, wholly bold, heads what follows it (``bold_br_line``): a heading
        over bullet lines, or alone before a ``<br><br>``; False (nothing read) for any other paragraph.

        A chat or CMS post writes its title and section labels as bold lines and its lists as ``•`` lines,
        broken by ``<br>`` inside one element (Telegram's ``<div class="text">``); as one paragraph they
        were prose. A bold lead followed by a sentence (``<b>Background</b><br>Allies met ...``) stays prose.
        """
        found = bold_br_line(raw, _LINE_MARK)
        if found is None:
            return False
        title, rest = found
        items = glyph_paragraph(rest) if rest.strip() else None
        after = ""
        if rest.strip() and items is None and (split := glyph_lines_then_prose(rest)) is not None:
            items, after = glyph_paragraph(split[0]), split[1]  # bullet lines, then prose
        if (rest.strip() and items is None) or not is_bold_paragraph_title(title):
            return False
        self.flush_glyph_items()
        self.sink.start_section(title, "bold", None, self.prose_line)
        if items is not None:
            self.glyph_ordered = items[1]
            self.glyph_items.extend(GlyphItem(text, self.prose_line, 0) for text in items[0])
        if clean_text(after):
            self.flush_glyph_items()
            self.sink.add_prose(clean_text(after), self.prose_line)
        return True

    def read_escaped(self, el: etree._Element, markup: str) -> None:
        """A feed entry's body holding escaped HTML (``&lt;h2&gt;Priorities&lt;/h2&gt;``), or an ``<iframe>``'s
        own page (``iframe_markup``): read as the HTML it is.

        An Atom ``<content type="html">`` or RSS ``<description>`` carries its article as text
        whose markup was escaped once; every record it gives is at the element's line.
        """
        self.end_paragraphs()
        index = self.first_index + (el.sourceline or 1) - 1
        nested = HtmlBlockReader(self.sink, min(index, self.last_index), 1, nested=True)
        nested.read(markup)
        self.drop_text = True

    def reads_blocks(self) -> bool:
        """Whether a block element opened now is read as a block: not skipped, nor text of a cell or heading."""
        return not self.skip and self.cell is None and self.heading is None

    def code_block(self, el: etree._Element) -> None:
        """A highlighted code block (``<pre><code>``, ``html_code_block``): ended here and left unread.

        Fenced code is no prose, no item and no table (CONTRACT.md), and the markdown walker drops it;
        a docs site's ``<pre><code>`` pasted as HTML (VitePress/Shiki, highlight.js, Prism) is the same
        code. It ends the paragraph or bullet run before it, as a fence does. ``<pre>`` keeps its white
        space, so the text after it stands its newlines below the ``<pre>``'s line.
        """
        self.block_break()
        if not self.items:
            self.flush_glyph_items()
        end = self.first_index + (el.sourceline or 1) - 1 + "".join(el.itertext()).count("\n")
        self.line = self.sink.source_line(min(end, self.last_index))

    def flush_glyph_items(self) -> None:
        """Write the bullet paragraphs read so far as one list (``glyph_paragraph``), a deeper Word list level
        (``word_list``) as a list nested in the item above it; a level never skips one."""
        if not self.glyph_items:
            return
        items, self.glyph_items = self.glyph_items, []
        prose = lone_numbered_paragraph(items)
        if prose is not None:
            self.sink.add_prose(prose, items[0].line)
            return
        depth = -1
        for text, line, level, _ in items:
            level = min(level, depth + 1)
            while depth > level:
                self.sink.close_item()
                self.sink.close_list()
                depth -= 1
            if depth == level:
                self.sink.close_item()
            else:
                self.sink.open_list(self.glyph_ordered)
                depth = level
            self.sink.open_item_at(line)
            self.sink.add_item_text(text)
        for _ in range(depth + 1):
            self.sink.close_item()
            self.sink.close_list()

    def flush_item(self) -> None:
        if self.items and self.items[-1]:
            text = clean_text("".join(self.items[-1]))
            self.items[-1].clear()
            if text:
                self.sink.add_item_text(text)

    # elements ---------------------------------------------------------------------
    def start(self, tag: str, el: etree._Element) -> None:
        if tag in _FEED_BODIES and not self.skip and not self.nested and is_escaped_html(el):
            self.read_escaped(el, el.text or "")
            return
        if tag == "iframe" and not self.skip and not self.nested and (markup := iframe_markup(el)) is not None:
            self.read_escaped(el, markup)  # an Instant Article's table in its <iframe> (``iframe_markup``)
            return
        if tag == "title" and self.reads_blocks() and is_feed_title(el):
            self.open_heading(1)
            return
        if self.skip or tag in _SKIP:
            self.skip += tag in _SKIP
            return
        if self.cell is not None or self.heading is not None:
            if tag in _CELL_BREAKS:
                self.add_text(" ")
            elif tag == "sup" and self.cell is not None and not len(el):
                el.text = superscript_mark(el.text)  # "Priority Area<sup>1</sup>": "Priority Area¹"
            elif tag == "img":
                self.add_text(el.get("alt") or "")
            return
        if tag == "table" and not self.table_depth and is_layout_table(el):
            self.layout += 1  # its rows and cells are blocks: the headings, tables and lists inside are read
            self.block_break()
        elif tag == "table" or self.table_depth:
            self.table_start(tag, el)
        elif self.layout and tag in ("td", "th") and is_bold_style(el.get("style")) and is_text_div(el):
            self.block_break()  # an e-mail's title cell, bold by its style: read as a bold paragraph (``style_bold``)
            self.open_para(tag, el)
            self.in_para_bold = 1
        elif self.layout and tag in _LAYOUT_CELLS:
            self.block_break()
        elif tag in ("ul", "ol"):
            self.end_paragraphs()
            self.flush_item()
            self.sink.open_list(tag == "ol")
            self.lists.append(False)
        elif tag == "li" and self.lists and is_marker_free_wrapper(el):
            self.flush_item()  # no item: the list inside nests under the item before it (``marker_free_wrapper``)
            self.wrappers.append(len(self.items))
        elif tag == "li":
            self.item_start()
        elif tag in _HEADINGS and not self.items:
            self.open_heading(_HEADINGS[tag])
        elif tag in ("strong", "b") and self.items and self.fresh[-1]:
            self.bold = []
        elif tag in ("strong", "b") and (self.in_para or not self.table_depth):
            # a paragraph's bold, or loose text's (``bold_br_line``): "<b>Priorities</b><br />" straight in a <div>
            self.in_para_bold += 1
        elif tag == "br":
            self.para_plain = True  # "<b>Background</b><br>Allies met ...": a lead, not a heading
            if not self.items:  # a line wholly bold is marked so (``bold_br_line``)
                self.prose.append(BOLD_LINE + _LINE_MARK if self.line_bold and not self.line_plain else _LINE_MARK)
            self.line_bold = self.line_plain = False
            self.line_break()
        elif tag == "p" and not self.items and is_title_paragraph(el):
            self.open_heading(1)  # Word's Title style (``<p class=MsoTitle>``): the document's <h1>
            self.heading_tag = "p"
        elif (tag == "p" or (tag in _TEXT_BLOCKS and not self.in_para and is_text_div(el))) and not self.items:
            self.block_break()
            self.open_para(tag, el)
            if is_bold_style(el.get("style")):
                self.in_para_bold = 1  # "<p style="font-weight:bold">Priorities</p>": bold as <strong> (``style_bold``)
        elif tag in _BREAKS:
            self.block_break()
        elif tag == "img":
            self.add_text(el.get("alt") or "")

    def end(self, tag: str) -> None:
        if self.skip:
            self.skip -= tag in _SKIP
            return
        if self.cell is not None and tag not in ("td", "th"):
            if tag in _CELL_BREAKS:
                self.add_text(" ")
            return
        if self.heading is not None and (tag in _HEADINGS or tag == "title" or tag == self.heading_tag):
            self.heading_tag = ""
            self.heading_end()
        elif tag == "table" and not self.table_depth and self.layout:
            self.layout -= 1
            self.block_break()
        elif self.layout and self.in_para and tag == self.para_tag and tag in ("td", "th"):
            self.para_end()  # the bold layout cell read as a paragraph (``style_bold``)
        elif tag == "table" or self.table_depth:
            self.table_end(tag)
        elif self.layout and tag in _LAYOUT_CELLS:
            self.block_break()
        elif tag in ("ul", "ol") and self.lists:
            self.flush_item()
            self.lists.pop()
            self.sink.close_list()
        elif tag == "li" and self.wrappers and self.wrappers[-1] == len(self.items):
            self.wrappers.pop()
        elif tag == "li" and self.items:
            self.item_end()
        elif tag in ("strong", "b") and self.in_para_bold:
            self.in_para_bold -= 1
        elif self.in_para and (tag in ("p", "div") or (tag in _TEXT_BLOCKS and tag == self.para_tag)):
            self.para_end()
        elif tag in ("strong", "b") and self.bold is not None:
            lead = clean_text("".join(self.bold))
            self.bold = None
            self.fresh[-1] = False
            if lead:
                self.sink.set_bold_lead(lead)
        elif tag in _BREAKS and tag != "br":  # a <br> acted when it opened
            self.block_break()

    def open_para(self, tag: str, el: etree._Element) -> None:
        """Open a paragraph (a ``<p>``, a text ``<div>``, an e-mail's bold layout cell): its bold and plain text
        are counted from here."""
        self.in_para, self.para_bold, self.para_plain, self.in_para_bold = True, None, False, 0
        self.line_bold = self.line_plain = False
        self.para_line, self.para_tag = self.line, tag
        self.para_level = word_list_level(el.get("style") or "") if tag == "p" else 0

    def para_end(self) -> None:
        """A ``<p>`` wholly in bold (``<p><strong>Priorities</strong></p>``) is a heading, as a whole-line
        ``**Priorities**`` is in markdown; any other ``<p>`` is prose."""
        self.in_para, self.in_para_bold = False, 0  # a style's bold ends with its paragraph (``style_bold``)
        title = clean_text("".join(self.para_bold or ())) if not self.para_plain else ""
        if is_bold_paragraph_title(title):
            self.paragraph_heads(title, "bold")
        elif self.para_tag == "div" and self.div_title():
            return
        else:
            self.block_break()

    def div_title(self) -> bool:
        """A ``<div>`` holding one short title line (``<div>Allies Review Baltic Plans</div>``): a bare title.

        Note-taking apps export every line as a ``<div>``; the bare-title rule of a text
        line applies to it as it would to the same line written without the tag.
        """
        raw = "".join(self.prose)
        text = clean_text(raw)
        if not text or self.tagged_headings or BOLD_LINE in raw or not looks_like_title(text, self.sink.limits):
            return False  # a bold <br> line over more lines heads them (``bold_br_line``), as flush_prose reads
        if signs_off(self.sink.section_prose()):
            return False  # "Best regards," over "<div>Anna</div>": the signer's name (``sign_off_lines``)
        self.paragraph_heads(text, "bare")
        return True

    def line_break(self) -> None:
        """``<br>`` breaks a line inside its paragraph (a sentence runs on across it); ``<br><br>``,
        the paragraph break of exports without ``<p>``, ends the paragraph."""
        if self.after_br:
            if br_paragraph_title(self.para_tag if self.in_para else "", bool(self.items)) and self.div_title():
                return  # "<div>Title<br><br>Text ...": the part before is a bare title (``br_paragraph_title``)
            self.block_break()
        else:
            self.add_text(" ")
        self.after_br = True

    def block_break(self) -> None:
        if self.items:
            self.items[-1].append(" ")
        else:
            self.flush_prose()

    def item_start(self) -> None:
        self.end_paragraphs()
        self.flush_item()
        if not self.lists:  # a stray <li>: a list of its own
            self.sink.open_list(False)
            self.lists.append(True)
        self.sink.open_item_at(self.line)
        self.items.append([])
        self.fresh.append(True)

    def item_end(self) -> None:
        self.flush_item()
        self.items.pop()
        self.fresh.pop()
        self.bold = None
        self.sink.close_item()
        if self.lists and self.lists[-1] and not self.items:
            self.lists.pop()
            self.sink.close_list()

    def heading_end(self) -> None:
        text = clean_text("".join(self.heading or ()))
        self.heading = None
        if text and not ("{" in text and is_template_output(text)):  # "<h2>{{ post.title }}</h2>"
            self.sink.start_section(text, "atx", self.heading_level, self.heading_line)

    # tables -------------------------------------------------------------------------
    def table_start(self, tag: str, el: etree._Element) -> None:
        if tag == "table":
            self.table_depth += 1
            if self.table_depth == 1:
                self.end_paragraphs()
                self.flush_item()
                self.table = _Table(self.line)
            return
        table = self.table
        if table is None or self.table_depth > 1:
            return
        if tag == "thead":
            table.in_head = True
        elif tag == "tfoot":
            table.in_foot = True
        elif tag == "tr":
            table.row, table.row_line, table.row_all_th, table.row_cells = [], self.line, True, 0
        elif tag in ("td", "th"):
            if table.row is None:
                table.row, table.row_line, table.row_all_th, table.row_cells = [], self.line, True, 0
            table.row_all_th = table.row_all_th and tag == "th"
            table.row_cells += 1
            table.cell_span = colspan(el.get("colspan"), self.sink.max_table_columns)
            table.cell_rows = colspan(el.get("rowspan"), MAX_ROWSPAN)
            fill_spans(table.row, table.spans)  # the cells spanning down from above come first
            self.cell = []

    def table_end(self, tag: str) -> None:
        table = self.table
        if tag == "table":
            self.table_depth -= 1
            if self.table_depth == 0 and table is not None:
                self.finish_row(table)
                self.emit_table(table)
                self.table = None
            return
        if table is None or self.table_depth > 1:
            return
        if tag in ("td", "th") and self.cell is not None:
            if table.row is not None:
                text = strip_bold_markers(clean_text("".join(self.cell)))  # "**Area**" set in markdown
                if table.cell_rows > 1:  # the rows below hold it too, as pandas.read_html reads rowspan
                    for col in range(len(table.row), len(table.row) + table.cell_span):
                        table.spans[col] = (text, table.cell_rows - 1)
                table.row.extend([text] * table.cell_span)  # as pandas.read_html
            self.cell = None
        elif tag == "tr":
            self.finish_row(table)
        elif tag == "thead":
            table.in_head = False
        elif tag == "tfoot":
            table.in_foot = False

    def finish_row(self, table: _Table) -> None:
        row, table.row = table.row, None
        if row is None:
            return
        fill_spans(row, table.spans)  # spanned cells at the end of the row
        if len(row) > self.sink.max_table_columns:
            raise ParseLimitError(
                ReasonCode.TOO_MANY_COLUMNS,
                f"HTML table at line {table.line} has {len(row)} columns (limit {self.sink.max_table_columns})",
            )
        heads = table.in_head or table.row_all_th
        if table.title_row is not None and table.headers is None and not table.rows:
            if heads:  # the spanning row was a title above the real header: a caption, kept as prose
                self.sink.add_prose(table.title_row[0][0], table.title_row[1])
            else:
                table.headers = table.title_row[0]
            table.title_row = None
        if table.headers is not None and not table.rows and heads and not table.in_foot:
            table.headers = combine_header_rows(table.headers, row)  # a second header row names the columns
            return
        if table.headers is None and not table.rows and heads:
            if is_title_row(row, table.row_cells) and table.title_row is None:
                table.title_row = (row, table.row_line)
                return
            table.headers = row
        elif (table.headers is not None or table.rows) and is_footer_note(row, table.row_cells, table.in_foot):
            self.sink.add_prose(row[0], table.row_line)  # "<tfoot><td colspan=3>Source: ...": a note under it
        else:
            width = len(table.headers) if table.headers is not None else len(table.rows[0].cells) if table.rows else 0
            label = is_spanning_label(table.row_cells, row, width)  # "<td colspan=3>Eastern flank</td>"
            table.rows.append(TableRow(row, table.row_line, label))

    def bullet_list(self, items: list[str], lines: list[int]) -> None:
        """A table laid out as a list (``bullet_column``): written as one unordered list, an item per row."""
        self.flush_glyph_items()
        self.sink.open_list(False)
        for text, line in zip(items, lines, strict=True):
            self.sink.open_item_at(line)
            self.sink.add_item_text(text)
            self.sink.close_item()
        self.sink.close_list()

    def emit_table(self, table: _Table) -> None:
        headers, rows = table.headers, table.rows
        if headers is None and table.title_row is not None:  # a lone spanning row: the only header
            headers = table.title_row[0]
        if headers is None:
            if not rows:
                return
            if (items := bullet_column_items([row.cells for row in rows], BULLET_GLYPHS)) is not None:
                self.bullet_list(items, [row.line for row in rows])  # "<td><img alt="•"></td><td>Name</td>" rows
                return
            headers, rows = rows[0].cells, rows[1:]  # no <th>: the first row heads the table, as in markdown
        if is_mail_header_table([headers, *(row.cells for row in rows)]):
            for row in [TableRow(headers, table.line), *rows]:  # a forward's header fields: prose lines
                self.sink.add_prose(" ".join(row.cells), row.line)
            return
        self.sink.add_table(headers, rows, table.line)


# A rowspan beyond the table's rows costs nothing: a spanned cell is filled only as rows come.
MAX_ROWSPAN = 100_000


class _AttributeCount:
    """An lxml parser target that keeps the largest number of attributes an element has; no tree is built."""

    def __init__(self) -> None:
        self.most = 0

    def start(self, _tag: str, attrib: dict[str, str]) -> None:
        self.most = max(self.most, len(attrib))

    def close(self) -> int:
        return self.most


def most_attributes(data: bytes) -> int:
    """The most attributes an element of the HTML ``data`` has, as libxml2 reads them (0 for a short block).

    Read by libxml2 itself, with a target that builds no tree (linear, whatever the attributes), so every
    way of writing an attribute (unquoted, quotes holding ``>``, no space after a value) counts as the
    tree would hold it. A block too short to hold more than ``MAX_ELEMENT_ATTRIBUTES`` (each takes a
    character and a separator at least) is not read twice.
    """
    if len(data) <= 2 * MAX_ELEMENT_ATTRIBUTES:
        return 0
    parser = etree.HTMLParser(encoding="utf-8", recover=True, no_network=True, target=_AttributeCount())
    try:
        return etree.fromstring(data, parser) or 0
    except (etree.LxmlError, ValueError):
        return 0


def fill_spans(row: list[str], spans: dict[int, tuple[str, int]]) -> None:
    """Append the cells that span down into this row at its next columns (``<td rowspan="2">Cyber</td>``).

    A spanned column is filled once per row, until its rows are used up.
    """
    while len(row) in spans:
        col = len(row)
        text, left = spans[col]
        row.append(text)
        if left > 1:
            spans[col] = (text, left - 1)
        else:
            del spans[col]


def colspan(value: str | None, limit: int) -> int:
    """A cell's ``colspan`` as a count of columns: 1 when missing or not a number, at most ``limit``."""
    value = (value or "").strip()
    return min(max(int(value), 1), max(limit, 1)) if value.isdigit() and len(value) < 6 else 1


def without_comments(content: str) -> str:
    """The content without its HTML comments (an unclosed one runs to the end, as in CommonMark).

    lxml builds no tree from a block that is one comment; the text fallback must not show it.
    One forward scan with ``str.find``: linear however many comments open and never close.
    """
    parts, at = [], 0
    while (start := content.find("<!--", at)) >= 0:
        parts.append(content[at:start])
        end = content.find("-->", start + 4)
        if end < 0:
            return "".join(parts)
        at = end + 3
    parts.append(content[at:])
    return "".join(parts)


def is_feed_title(el: etree._Element) -> bool:
    """A ``<title>`` of an RSS ``<item>`` or Atom ``<entry>`` (``feed_title``): the entry's headline."""
    return tag_name(el.getparent()) in _FEED_ENTRIES


def is_escaped_html(el: etree._Element) -> bool:
    """A feed body element (``<content type="html">``, ``<description>``) whose text is markup once unescaped."""
    text = el.text or ""
    if "<" not in text or len(el) or el.get("type", "html").lower() not in ("html", "text/html"):
        return False
    return tag_name(el.getparent()) in _FEED_ENTRIES


def glyph_paragraph(raw: str, word_list: bool = False) -> tuple[list[str], bool] | None:
    """The items of a paragraph whose every line opens with a bullet glyph (``glyph_paragraph``), and whether
    they are numbered, or None.

    ``<p>• Jets: four more<br>• Radars: new sites</p>`` (a CMS's list typed as text) and
    Word's ``<p class=MsoListParagraph>·&nbsp;&nbsp; Contracts ...</p>`` are lists to their
    authors; a paragraph with any line that is no bullet stays prose. Lines broken by ``<br>`` may
    open with a typed dash or number instead (``<p>- Patrols<br>- Sensors</p>``, ``<p>1. Patrols<br>2. ...``:
    ``typed_markers``), all of one kind. A Word list paragraph (``word_list``: its style names a list level)
    is an item whatever its marker (``o``, ``§``, ``1.``), up to the no-break spaces after it.
    """
    if word_list and _LINE_MARK not in raw and (found := word_list_marker(raw)) is not None:
        text = clean_text(found[0])
        return ([text], found[1]) if text else None
    broken = _LINE_MARK in raw
    # a paragraph typed "1. Name: detail" is an item as the same line is in markdown (``numbered_paragraph``)
    numbered = not broken and raw.lstrip()[:1].isdigit()
    if not broken and not numbered and raw.lstrip()[:1] not in BULLET_GLYPHS:
        return None
    items, kinds, wrapped = [], set(), False
    for part in raw.split(_LINE_MARK):
        text = clean_text(part)
        if not text:
            continue
        marker = bullet_item(text) or (typed_marker_item(text) if broken or numbered else None)
        if marker is None and items and text[:1].islower():
            items[-1] = f"{items[-1]} {text}"  # "... for each" / "command": wrapped (``wrapped_glyph_line``)
            wrapped = True
            continue
        if marker is None:
            return None
        items.append(text[marker.content :])
        kinds.add(marker.ordered)
    if wrapped and len(items) < 2:
        return None  # "• Jets: four more<br>and the radars follow.": one bullet in a sentence, prose
    return (items, kinds.pop()) if len(kinds) == 1 else None


def glyph_lines_then_prose(raw: str) -> tuple[str, str] | None:
    """A ``<br>``-broken run of bullet lines and the prose lines after it, as two parts (``glyph_lines_then_prose``),
    or None.

    A PDF converter (poppler's pdftohtml) writes every line of a page as text ending in ``<br/>``, no paragraph
    around them: the bullets of a list and the sentence after it are one run of lines. Two bullet lines or more
    first (wrapped lines opening in lowercase go with them), then lines none of which opens with a bullet.
    """
    parts = raw.split(_LINE_MARK)
    bullets = cut = 0
    for k, part in enumerate(parts):
        text = clean_text(part)
        if not text or (bullets and not cut and text[:1].islower()):
            continue
        if bullet_item(text) is not None:
            if cut:
                return None  # a bullet after the prose: no list then prose
            bullets += 1
        elif not bullets:
            return None
        elif not cut:
            cut = k
    if bullets < 2 or not cut:
        return None
    return _LINE_MARK.join(parts[:cut]), _LINE_MARK.join(parts[cut:])


# Class names a syntax highlighter gives a code block's <pre> or its wrapper (``html_code_block``):
# Shiki's "shiki", Pygments'/Rouge's/GitHub's "highlight", Prism's and VitePress's "language-sh".
CODE_CLASSES = frozenset({"shiki", "highlight"})
CODE_CLASS_PREFIX = "language-"


def is_code_pre(el: etree._Element) -> bool:
    """A ``<pre>`` that holds code (``html_code_block``): its content is ``<code>`` elements, or a highlighter
    classed it or its wrapper (``<div class="language-sh"><pre>``, ``<pre class="shiki">``).

    A bare ``<pre>`` of text is no code: content-system exports keep plain text and ASCII grid
    tables preformatted (``pre_table``), and those stay read.
    """
    parent = el.getparent()
    for owner in (el, parent):
        classes = (owner.get("class") or "").split() if owner is not None else []
        if any(c in CODE_CLASSES or c.startswith(CODE_CLASS_PREFIX) for c in classes):
            return True
    children = [child for child in el if isinstance(child.tag, str)]
    return (
        bool(children)
        and not (el.text or "").strip()
        and all(child.tag.lower() == "code" and not (child.tail or "").strip() for child in children)
    )


def is_layout_table(el: etree._Element) -> bool:
    """A ``<table>`` that lays a page out (HTML e-mail): a table or a heading inside it, not data in its cells.

    The first such descendant answers, so a chain of nested layout tables costs little.
    """
    return next(el.iterdescendants(*_LAYOUT_CONTENT), None) is not None


def has_tagged_headings(root: etree._Element) -> bool:
    """Whether the block marks its headings with ``<h1>``-``<h6>`` (``tagged_headings``).

    A page that tags its headings leaves none to a bare ``<div>`` line: a CMS's field wrappers (Drupal's
    ``<div class="field__label">Tags</div>``, a date ``<div>``) are page furniture or prose there. Only a
    note export that writes every line as a ``<div>`` and tags no heading reads a short div line as a bare
    title (``div_title``). The first heading found answers.
    """
    return next(root.iterdescendants(*_HEADINGS), None) is not None


def is_title_paragraph(el: etree._Element) -> bool:
    """``<p class=MsoTitle>``, ``<p class="c0 title">``: Word's or Google Docs' Title style, the document's heading
    (``title_paragraph``, ``docs_title_class``)."""
    return is_title_style(el.get("class"))


def is_text_div(el: etree._Element) -> bool:
    """A ``<div>`` holding only text and inline elements: one line or paragraph, as a ``<p>`` is."""
    return not any(isinstance(child.tag, str) and child.tag.lower() in _DIV_BLOCKS for child in el)


def is_bold_paragraph_title(text: str) -> bool:
    """The text of a bold-only paragraph that reads as a title: short and not a finished sentence."""
    return bool(text) and len(text) <= MAX_BOLD_TITLE_CHARS and text[-1] not in ".!?"


def is_title_row(row: list[str], n_cells: int) -> bool:
    """A header-like row made of one cell spanning several columns (``<th colspan="3">Priorities 2025</th>``)."""
    return n_cells == 1 and len(row) > 1 and bool(row[0])


def _retag_aria_roles(root: etree._Element) -> None:
    """Each ``<div>``/``<span>`` with a table or list role renamed to the element it stands for (``aria_roles``)."""
    for el in root.iter(*HEADING_ROLE_ELEMENTS):
        name = aria_element(el.tag, el.get("role"), el.get("aria-level"))
        if name is not None:
            el.tag = name


def _retag_class_tables(root: etree._Element) -> None:
    """Each CSS table of ``<div>``s renamed to the table elements it stands for (``class_table``)."""
    for el in list(root.iter("div")):
        plan = class_table(el) if el.tag == "div" else None
        for part, name in plan or ():
            part.tag = name


def read_html_block(sink: BlockSink, content: str, first_index: int, n_lines: int) -> None:
    """Read one ``html_block`` token's content into the sink."""
    if "```" in content or "~~~" in content:
        content = strip_fenced_code(content)  # MDX: a fence inside a component is code
    HtmlBlockReader(sink, first_index, n_lines).read(content)
