"""Documents handed from one tool to another (session 15, shapes 666-690): exporters' text and XML.

Org mode's ASCII export rules its titles with box-drawing lines, a Gemini capsule (gemtext) writes its
links as ``=> URL text`` lines and its tables in a preformatted block, Zim opens a page with its own
header block, MoinMoin doubles every row's pipes; wire services (NITF), documentation (DocBook) and
Evernote (ENEX) hand the article on as XML whose elements stand for the HTML ones. Each rule names one
such convention and reads it as its author meant. The line rules run in one pass over the lines, each
looking at a line and its neighbours only, so the pass is linear in the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.reader.rules.dialects import wiki_table_header
from nato_briefs.reader.rules.exports import trac_row
from nato_briefs.reader.rules.html_elements import tag_name
from nato_briefs.reader.rules.tables import fenced_table_end, is_delimiter_row, is_table_row
from nato_briefs.reader.starts import LineStarts

# Box-drawing horizontals an exporter underlines a title with, and the setext underline each stands for:
# Org's ASCII export in UTF-8 underlines a top-level heading with "═", the next level with "─", and frames
# the document's title between two "━" rules.
_BOX_UNDERLINES = {"\u2550": "=", "\u2501": "=", "\u2500": "-"}
# A framed title's rules are a little longer than the title (Org: two more characters).
MAX_FRAME_OVERHANG = 4
# A gemtext link line: "=> gemini://host/path Link text" (the text optional).
_GEMTEXT_LINK = re.compile(r"=>[ \t]*+([a-z][a-z0-9+.-]{0,20}+://\S++)(?:[ \t]++(\S[^\n]*+))?+")
# MoinMoin's cell attributes at a cell's start: "<rowbgcolor="#ddd">", "<(>", "<:>", "<-2>", "<|2>", "<50%>".
_MOIN_ATTRIBUTE = (
    r'(?:[()^v:]|[-|][0-9]{1,3}+|#[0-9a-fA-F]{3,6}+|[0-9]{1,3}+%|[a-z]{2,12}+=(?:"[^"<>\n]{0,200}+"|[^\s<>"]{1,60}+))'
)
_MOIN_ATTRIBUTES = re.compile(r"\|\|[ \t]*+(?:<" + _MOIN_ATTRIBUTE + r"(?:[ \t]++" + _MOIN_ATTRIBUTE + r")*+>)++")
# A tool's time stamp on a line of its own: Zim's "Created Wednesday 14 May 2025" under a page's title,
# Asciidoctor's "Last updated 2025-10-14 09:12:33 +0200" footer; a date (ISO, or day month year) ends it.
_MONTH_NAME = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}+\.?+"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?+[ \t]++"
_ZONE = r"(?:[ \t]*+(?:Z|UTC|GMT|[+-][0-9]{2}:?+[0-9]{2}))?+"
_CLOCK = r"(?:[T \t][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9}+)?+)?+" + _ZONE + ")?+"
_ISO_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}" + _CLOCK
_WRITTEN_DATE = "(?:" + _WEEKDAY + r")?+[0-9]{1,2}(?:st|nd|rd|th)?+[ \t]++" + _MONTH_NAME + r"[ \t]++[0-9]{4}" + _CLOCK
_STAMP_LINE = re.compile(
    r"(?:created|(?:last[ \t]++)?+(?:updated|modified|edited)|generated|exported)(?:[ \t]++(?:on|at))?+:?+[ \t]++"
    "(?:" + _ISO_DATE + "|" + _WRITTEN_DATE + r")[ \t]*+",
    re.IGNORECASE,
)
# MoinMoin's processing instructions, at the top of a page: "#format wiki", "#language en", "#acl ...".
_MOIN_INSTRUCTION = re.compile(r"#(?:format|language|pragma|acl|redirect|refresh|deprecated)[ \t]++\S[^\n]*+")
# Zim's page header: "Content-Type: text/x-zim-wiki" over "Wiki-Format: zim 0.6" and "Creation-Date: ...".
ZIM_HEADER = "Content-Type: text/x-zim-wiki"


def box_rule_heading(lines: list[str], k: int) -> int:
    """Line ``k``, a rule of box-drawing horizontals, as the title rule it is (``box_rule_heading``).

    Org's ASCII export (UTF-8) frames the document's title between two equal ``━`` rules and underlines
    each heading with ``═`` or ``─`` exactly as long as the heading. Markdown reads neither, so the
    rules stayed in the prose and the framed title, centred with spaces, was no heading. A framed title
    becomes a setext title (its overline a blank line); an underline as long as the line above, which
    stands alone after a blank line, a setext underline. A table's rule under its header row spans the
    cells' padding, so it is never exactly as long. Returns the last line the rule used.
    """
    rule = lines[k].strip(" \t")
    if len(rule) < 3 or rule != rule[0] * len(rule) or rule[0] not in _BOX_UNDERLINES:
        return k
    if k + 2 < len(lines) and lines[k + 2].strip(" \t") == rule:
        title = lines[k + 1].strip(" \t")
        if title and any(ch.isalpha() for ch in title) and len(title) <= len(rule) <= len(title) + MAX_FRAME_OVERHANG:
            lines[k], lines[k + 1], lines[k + 2] = "", title, "=" * len(title)
            return k + 2
    above = lines[k - 1].strip(" \t") if k else ""
    stands_alone = k == 1 or (k > 1 and not lines[k - 2].strip(" \t"))
    if len(above) == len(rule) and any(ch.isalpha() for ch in above) and stands_alone:
        lines[k - 1] = above
        lines[k] = _BOX_UNDERLINES[rule[0]] * len(rule)
    return k


def gemtext_link(line: str) -> str | None:
    """``=> https://host/page Link text`` as the markdown link it is (``gemtext_link``), else None.

    A Gemini capsule writes each link on a line of its own; ``=>`` then white space was read as an
    ASCII arrow bullet and the link became an item. Only a URL right after the arrow makes a link
    line: ``=> Brigades: more troops`` stays an item.
    """
    found = _GEMTEXT_LINK.fullmatch(line.rstrip(" \t"))
    if found is None:
        return None
    url, text = found.group(1), found.group(2)
    return f"[{text.strip()}](<{url}>)" if text else f"<{url}>"


def alt_text_table_end(lines: list[str], k: int) -> int | None:
    """The closing fence's line when line ``k`` opens a preformatted block of alt text over a pipe table
    (``alt_text_table``), else None.

    Gemtext has no tables: its authors draw one in a preformatted block, whose opening ```` ``` ```` line
    carries alt text (```` ```Table of priorities agreed in Sofia ````) where markdown puts a language
    name. The block's lines are a pipe table, header and delimiter row first, as a ``<pre>`` grid table
    is (``pre_table``). A fence naming a language or none stays code here (``fenced_table`` reads a
    ```` ```markdown ```` fence's table and a bare fence's simple table).
    """
    info = lines[k].strip(" \t")[3:].strip(" \t")
    if " " not in info or not info[:1].isalpha() or "`" in info:
        return None
    end = k + 1
    while end < len(lines) and lines[end].strip(" \t") != "```":
        if not is_table_row(lines[end]):
            return None
        end += 1
    if end >= len(lines) or end - k < 4 or not is_delimiter_row(lines[k + 2]):
        return None
    return end


def moin_rows(lines: list[str], k: int) -> int:
    """MoinMoin's table at line ``k``: its header as Jira's, its ``||a||b||`` rows as GFM's (``moin_table``).

    MoinMoin doubles the pipes of every row, the header's too, and opens a cell with its attributes
    (``<rowbgcolor="#ddd">``, ``<(>``): read as Jira's header over single-pipe rows, each body row's
    cells ran onto empty ones. The table is a ``||`` row under another, the attributes dropped. Returns
    the table's last line.
    """
    header = _MOIN_ATTRIBUTES.sub("||", lines[k])
    if k + 1 >= len(lines) or wiki_table_header(header) is None:
        return k
    rows = []
    end = k + 1
    while end < len(lines) and lines[end].lstrip(" \t")[:3] not in ("||=", "||!"):
        row = trac_row(_MOIN_ATTRIBUTES.sub("||", lines[end]))
        if row is None:
            break
        rows.append(row)
        end += 1
    if not rows:
        return k
    lines[k:end] = [header, *rows]
    return end - 1


def is_stamp_line(text: str) -> bool:
    """``Created Wednesday 14 May 2025``, ``Last updated 2025-10-14 09:12:33 +0200``: a tool's time stamp
    (``stamp_line``), never a title.

    Zim writes when a page was created under its title, Asciidoctor when the document was last updated
    in its footer: short lines without a stop, read as bare titles. The verb then a whole date, nothing
    after it; ``Created in 1949`` or ``Updated Defence Plans`` stay possible titles.
    """
    return len(text) <= 80 and _STAMP_LINE.fullmatch(text.strip(" \t")) is not None


def is_month_may(line: str) -> bool:
    """The line ends on ``May`` as written, the month (``... submitted by May``), not the verb ``may``
    (``month_may``).

    A line ending on ``may`` runs on into the next (``ends_mid_phrase``); the capital says it is the
    month, as a sentence's capitalised first word never ends its line.
    """
    body = line.rstrip(" \t.,;:!?)\"'\u201d\u2019*_")  # "by May.", "(by **May**)"
    return body.endswith((" May", "\tMay", "*May", "_May", "(May")) or body.lstrip(" \t") == "May"


def spanned_title_header(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """A pipe table headed by one title repeated in every column, its first row naming the priorities'
    columns (``spanned_title_header``): that row heads the table.

    Docling (PDF and Word to markdown) writes a merged cell over the whole table, ``Priorities agreed in
    June 2025``, once per column it spans; the header row the author wrote is the first body row. As an
    HTML title row spanning the columns is (``<th colspan="3">``), the title is no header and no row.
    Only when that first row maps onto area, focus and outcome and at least one row stays below it: a
    table whose header cells merely repeat (``| 0 | 0 |``) keeps its header.
    """
    return (
        len(headers) >= 2
        and any(ch.isalpha() for ch in headers[0])
        and all(header == headers[0] for header in headers)
        and len(rows) >= 2
        and map_headers(list(rows[0]), load_header_synonyms()) is not None
    )


# XML vocabularies whose elements stand for HTML ones (``xml_vocabulary``): NITF (wire stories), DocBook and
# Evernote's ENEX export. Each vocabulary is read only in a document that has one of its own elements.
_NITF_TAGS = {
    "hl1": "h1", "hl2": "h2", "byline": "p", "dateline": "p", "abstract": "p", "tagline": "p",
    "body.head": "header", "body.content": "div", "body.end": "footer",
}  # fmt: skip
_DOCBOOK_TAGS = {
    "para": "p", "simpara": "p", "itemizedlist": "ul", "orderedlist": "ol", "listitem": "li",
    "informaltable": "table", "row": "tr", "info": "header", "articleinfo": "header",
    "ulink": "a", "link": "a", "phrase": "span", "literal": "code",
}  # fmt: skip
_DOCBOOK_SECTIONS = frozenset(
    {"section", "sect1", "sect2", "sect3", "sect4", "sect5", "simplesect", "chapter", "appendix"}
)
_DOCBOOK_DOCUMENTS = frozenset({"article", "book", "info", "articleinfo"})
_DOCBOOK_SIGNS = frozenset({"para", "simpara", "itemizedlist", "orderedlist", "informaltable", "tgroup"})
_DOCBOOK_ROOTS = frozenset({"article", "book", "chapter", "section", "sect1"})
# ENEX's note fields around the note's content: when and where it was written, its tags.
_ENEX_METADATA = frozenset({"created", "updated", "tag", "note-attributes", "resource"})
# NewsML-G2's item parts around the story's content (``newsml_g2``): its management and descriptive metadata
# (versions, provider, headline and slugline, subject codes), the rights block and the catalog references.
_NEWSML_METADATA = frozenset({"itemmeta", "contentmeta", "rightsinfo", "catalogref", "catalog"})
# What the source shows of a markup it never renders: the element is read as a <template>, which is skipped.
_UNRENDERED = "template"
# Where a document names its vocabulary's own elements (a cheap test on the HTML block's text first).
XML_VOCABULARY_SIGNS = (
    "<nitf",
    "<en-export",
    "<en-note",
    "<para",
    "<simpara",
    "<itemizedlist",
    "<orderedlist",
    "<informaltable",
    "<newsItem",
)


def retag_xml_vocabulary(root: etree._Element) -> None:
    """NITF, DocBook and ENEX elements renamed to the HTML elements they stand for (``xml_vocabulary``).

    A wire service hands a story on as NITF (its headline in ``<hl1>``), documentation tools as DocBook
    (``<para>``, ``<itemizedlist>``, CALS tables of ``<row>`` and ``<entry>``, a ``<title>`` in each
    ``<section>``), Evernote a note as ENEX (the note's ``<title>`` over its content, then its dates and
    tags), a newsroom system as NewsML-G2 (metadata parts over an ``<inlineXML>`` XHTML body: the metadata is
    no text of the story). Read as unknown HTML, their headlines, titles, items and cells ran together as
    prose. One pass over the elements; the vocabularies are told apart by their own elements.
    """
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    tags = {el.tag.lower() for el in elements}
    if "nitf" in tags:
        for el in elements:
            el.tag = _NITF_TAGS.get(el.tag.lower(), el.tag)
    if "en-export" in tags or "en-note" in tags:
        for el in elements:
            tag = el.tag.lower()
            if tag in _ENEX_METADATA:
                el.tag = _UNRENDERED
            elif tag == "title" and tag_name(el.getparent()) == "note":
                el.tag = "h1"  # the note's title heads it
            elif tag == "en-note" and el.tail and "]]>" in el.tail:
                el.tail = el.tail.replace("]]>", "")  # the end of the CDATA section the note's markup is in
    if "newsitem" in tags and "contentset" in tags:  # NewsML-G2: the story is the <contentSet>'s inline XHTML
        for el in elements:
            if el.tag.lower() in _NEWSML_METADATA:
                el.tag = _UNRENDERED
    if tags & _DOCBOOK_SIGNS and tags & _DOCBOOK_ROOTS:
        for el, tag in [(el, _docbook_tag(el)) for el in elements]:  # each named by its parents' DocBook tags
            el.tag = tag


def _docbook_tag(el: etree._Element) -> str:
    """The HTML tag a DocBook element stands for (its own tag when it stands for none)."""
    tag = el.tag.lower()
    if tag == "title":
        parent = tag_name(el.getparent())
        if parent in _DOCBOOK_DOCUMENTS:
            return "h1"
        if parent in _DOCBOOK_SECTIONS:
            depth = sum(1 for a in el.iterancestors() if isinstance(a.tag, str) and a.tag.lower() in _DOCBOOK_SECTIONS)
            return f"h{min(depth + 1, 6)}"
        return "caption" if parent in ("table", "informaltable") else "p"
    if tag == "entry":
        return "th" if any(isinstance(a.tag, str) and a.tag.lower() == "thead" for a in el.iterancestors()) else "td"
    if tag == "emphasis":
        return "strong" if (el.get("role") or "").lower() in ("bold", "strong") else "em"
    if tag in _DOCBOOK_SECTIONS:
        return "section"
    return _DOCBOOK_TAGS.get(tag, el.tag)


# Style declarations that hide an element (``hidden_element``): an e-mail's preheader, a Word paragraph
# marked not to print.
_HIDING_STYLE = re.compile(r"(?:^|;)[ \t]*+(?:display[ \t]*+:[ \t]*+none|mso-hide[ \t]*+:[ \t]*+all)", re.IGNORECASE)


def is_hidden(el: etree._Element) -> bool:
    """An element its page never shows (``hidden_element``): ``style="display:none"``, ``hidden``.

    An HTML e-mail opens with a preheader, the teaser an inbox lists beside the subject and the message
    itself hides (``<div style="display:none;...">This week: ...</div>``); read as text, it became the
    newsletter's title. A ``visibility:hidden`` element keeps its place and is left as it is.
    """
    style = el.get("style")
    return el.get("hidden") is not None or (style is not None and _HIDING_STYLE.search(style) is not None)


def iframe_markup(el: etree._Element) -> str | None:
    """The markup an ``<iframe>`` holds as its own page (``iframe_markup``), or None.

    Facebook Instant Articles allow no ``<table>`` in the article: the table goes in an ``<iframe>``
    inside ``<figure class="op-interactive">``, written out between its tags (or in ``srcdoc``). An
    iframe that loads another page (``src``) or holds no markup stays skipped.
    """
    if el.get("src"):
        return None
    text = el.get("srcdoc") or el.text or ""
    return text if "<" in text and ">" in text else None


# Telegram Desktop's HTML export: the chat's name over the history, avatars, senders, times and date
# separators around each message's text (``chat_export_chrome``): class sets, each naming one part.
_CHAT_CHROME = (
    frozenset({"page_header"}), frozenset({"userpic_wrap"}), frozenset({"from_name"}),
    frozenset({"date", "details"}), frozenset({"message", "service"}),
)  # fmt: skip


def is_chat_chrome(el: etree._Element) -> bool:
    """A chat export's furniture around its messages (``chat_export_chrome``), not the messages' text.

    Telegram Desktop writes the chat's name, each sender's initials and name, the time and the day's
    date on lines of their own: read as short lines, they became the article's headings.
    """
    classes = el.get("class")
    if classes is None:
        return False
    names = frozenset(classes.split())
    return any(part <= names for part in _CHAT_CHROME)


# A namespaced element opening a line: Confluence storage format's "<ac:layout>", "<ac:structured-macro ...>".
_NAMESPACED_ELEMENT = re.compile(r" {0,3}+<([a-z][a-z0-9]*+:[a-z][a-z0-9-]*+)(?=[\s/>])")
# A block element we read, anywhere further on the line.
_INNER_BLOCK = re.compile(r"<(?:table|ul|ol|h[1-6]|p|div|section)(?=[\s/>])", re.IGNORECASE)
# Elements whose text is a setting, never shown: a Confluence macro's parameters ("maxLevel" = "2").
MACRO_SETTINGS = frozenset({"ac:parameter"})


def namespaced_element_block(line: str) -> str | None:
    """The element's name when a line opens with a namespaced element holding a block (``namespaced_block``).

    Confluence's storage format lays a page out in ``<ac:layout>`` sections and cells; CommonMark opens an
    HTML block only at a known tag (or a whole tag alone on its line), and its tag names have no colon,
    so the page's headings, table and list ran together as one paragraph. As a custom element is
    (``custom_element``), the line opens an HTML block kept to the element's closing tag.
    """
    match = _NAMESPACED_ELEMENT.match(line)
    if match is None or _INNER_BLOCK.search(line, match.end()) is None:
        return None
    return match.group(1)


# Where a paragraph's <br> line was wholly bold (``bold_br_line``): white space to clean_text, as the line mark is.
BOLD_LINE = "\x1d"


def bold_br_line(raw: str, line_mark: str) -> tuple[str, str] | None:
    """(the line's text, the lines below it) when the first ``<br>`` line of a paragraph's raw text was wholly
    bold (``bold_br_line``: the reader marks such a line with ``BOLD_LINE`` before its line mark), else None.
    Empty lines before it break nothing (``<table>...</table><br /><b>Key initiatives</b><br />``: Blogger)."""
    head, mark, rest = raw.partition(line_mark)
    while mark and not head.strip():
        head, mark, rest = rest.partition(line_mark)
    if not mark or not head.endswith(BOLD_LINE):
        return None
    title = " ".join(head.split())
    return (title, rest) if title else None


def zim_header_end(lines: list[str]) -> int:
    """How many of the file's first lines are Zim's page header (``zim_header``): none unless line 1 opens it.

    Zim opens every page file with ``Content-Type: text/x-zim-wiki``, ``Wiki-Format: zim 0.6`` and
    ``Creation-Date: ...`` up to a blank line: the tool's metadata, not the page's text.
    """
    if not lines or lines[0].rstrip(" \t") != ZIM_HEADER:
        return 0
    k = 0
    while k < len(lines) and lines[k].strip(" \t"):
        k += 1
    return k


def is_moin_instruction(line: str) -> bool:
    """``#format wiki``, ``#language en``: a MoinMoin processing instruction (``moin_instruction``), a setting.

    Only at the top of a page, where MoinMoin reads them (``interchange_lines`` looks no further).
    """
    return line[:1] == "#" and _MOIN_INSTRUCTION.fullmatch(line.rstrip(" \t")) is not None


def may_interchange(starts: LineStarts) -> bool:
    """Whether ``interchange_lines`` can rewrite a line of the document ``starts`` describes: a Zim or MoinMoin
    page's first line, a box-drawn underline (one character anywhere: a C search of the text), or a line
    opening with ``=>``, ``` or ``||``. A necessary condition: most articles skip the pass's loop."""
    lines = starts.lines
    return (
        (bool(lines) and (lines[0][:1] == "#" or lines[0].startswith(ZIM_HEADER)))
        or starts.opens("=>", "``", "||")
        or any(char in starts.text for char in _BOX_UNDERLINES)
    )


def interchange_lines(lines: list[str]) -> None:
    """Rewrite, in place and line for line, the exporters' conventions above (one pass over the lines)."""
    for k in range(zim_header_end(lines)):
        lines[k] = ""
    k = 0
    while k < len(lines) and is_moin_instruction(lines[k]):
        lines[k] = ""
        k += 1
    k = 0
    while k < len(lines):
        line = lines[k]
        lead = line.lstrip(" \t")[:1]
        if lead in _BOX_UNDERLINES:
            k = box_rule_heading(lines, k)
        elif lead == "=" and line[:2] == "=>":
            lines[k] = gemtext_link(line) or line
        elif lead == "`" and line[:3] == "```":
            end = alt_text_table_end(lines, k)
            end = fenced_table_end(lines, k) if end is None else end  # "```markdown" over a table's source
            if end is not None:
                lines[k] = lines[end] = ""
                k = end
        elif lead == "|" and line[:2] == "||" and line[:3] not in ("||=", "||!"):
            k = moin_rows(lines, k)
        k += 1


# This module's rules by name, merged into ``rules.RULES``. Two more of the session are not functions here:
# ``item_margin`` is the segmenter's (``Segmenter.left_of_list``), ``two_outcomes`` the header mapping's
# (``headers.py``); ``zim_checkbox`` is a checkbox of ``ascii_bullet``, ``cjk_bracket_title`` an opener of
# ``title_lead``, ``macro_settings`` the ``MACRO_SETTINGS`` the HTML reader skips.
INTERCHANGE_RULES = {
    "box_rule_heading": box_rule_heading,  # Org's ASCII export: "━━━" / TITLE / "━━━", "1 Background" / "════"
    "gemtext_link": gemtext_link,  # "=> gemini://host/ Back to the index": a link, not an arrow item
    "alt_text_table": alt_text_table_end,  # "```Table of priorities" over a pipe table: the table
    "moin_table": moin_rows,  # MoinMoin's "||<rowbgcolor=...>'''Area'''||...||" over "||a||b||" rows
    "zim_header": zim_header_end,  # "Content-Type: text/x-zim-wiki" ...: the page's metadata, no text
    "moin_instruction": is_moin_instruction,  # "#format wiki", "#language en" at the top: settings, no text
    "stamp_line": is_stamp_line,  # "Created Wednesday 14 May 2025": a tool's time stamp, no title
    "month_may": is_month_may,  # "... submitted by May" over a new sentence: the month, the item ends
    "spanned_title_header": spanned_title_header,  # Docling's merged title repeated per column: row 1 heads
    "xml_vocabulary": retag_xml_vocabulary,  # NITF <hl1>, DocBook <para>/<itemizedlist>/<row>, ENEX <note>
    "hidden_element": is_hidden,  # <div style="display:none">: an e-mail's preheader, never shown
    "iframe_markup": iframe_markup,  # an Instant Article's table inside its <iframe>
    "chat_export_chrome": is_chat_chrome,  # Telegram Desktop's sender, time and date lines
    "namespaced_block": namespaced_element_block,  # "<ac:layout>...<h2>": an HTML block
    "bold_br_line": bold_br_line,  # "<b>Initiatives:</b><br>• a<br>• b": a heading over a list
}
