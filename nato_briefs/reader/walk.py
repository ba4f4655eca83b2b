"""The token walk: markdown-it's token stream turned into the document model, in one pass.

``nato_briefs.parse`` parses the segmented text block by block (``MD_BLOCKS``,
configured in ``reader/blocks.py``),
gives inline tokens their children only where their text holds inline syntax
(``parse_inline``), and hands the tokens to ``Walker``, which parses a table's
cells the same way (``Walker.cell``); HTML blocks go to ``reader/html.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from nato_briefs.config import ParseLimits
from nato_briefs.reader.blocks import block_parser, inline_parser
from nato_briefs.reader.errors import ParseLimitError
from nato_briefs.reader.html import read_html_block
from nato_briefs.reader.records import ListItem, ParsedDocument, Section, Table, TableRow
from nato_briefs.reader.rules import (
    br_cell_list,
    ends_split_word,
    header_from_first_row,
    image_alt,
    join_hyphen_breaks,
    looks_like_structure,
    replace_wikilinks,
    strip_heading_attributes,
    strip_single_tildes,
    task_marker,
)
from nato_briefs.reader.rules.exports import split_at_repeated_headers
from nato_briefs.reader.rules.group_rows import is_group_label_row, mark_totals_row
from nato_briefs.reader.rules.interchange import spanned_title_header
from nato_briefs.reader.rules.items import glyph_before_bold
from nato_briefs.reader.rules.notes import is_block_tag
from nato_briefs.reader.rules.notices import in_page_link_text
from nato_briefs.reader.rules.page_copy import marks_content, strip_footnote_refs_inline, strip_link_numbers
from nato_briefs.reader.rules.pipeline_text import replace_chat_links
from nato_briefs.reader.rules.posts import set_image_apart
from nato_briefs.reader.rules.tables import cell_markers, lone_title_header
from nato_briefs.reader.rules.titles import mend_spaced_bold
from nato_briefs.reader.segment import Segmented
from nato_briefs.reader.text import clean_text
from nato_briefs.vocab import ReasonCode

_MD = inline_parser()
# Block structure first; inline syntax is parsed only in text that can hold some.
# Most of an article is plain prose, and inline parsing is a third of markdown-it's time.
BLOCK_PARSER = block_parser()
# "&" only starts an entity reference; "R&D" or "Q&A" is text as written.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]!<~]|&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")


def _may_hold_syntax(text: str) -> bool:
    """Inline syntax in the text: substring tests first, as nine in ten texts hold none of its characters.

    A ``str`` substring test is a C scan; the regex's search tries its alternatives at every position. The
    tests are every character ``_INLINE_SYNTAX`` can start with, the most frequent first, written out: a loop
    over them cost a third more (callgrind, bench texts of every length).
    """
    if (
        "*" in text
        or "`" in text
        or "[" in text
        or "_" in text
        or "\\" in text
        or "!" in text
        or "<" in text
        or "~" in text
        or "]" in text
        or "&" in text
    ):
        return _INLINE_SYNTAX.search(text) is not None
    return False


def parse_inline(token: Token, env: dict) -> None:
    """Give an inline token its children, unless its text holds no inline syntax at all.

    Without any of \\ ` * _ [ ] ! < ~ or an entity reference (&amp; &#38; ...)
    markdown-it would return the text as is (line breaks aside, which
    inline_text turns into spaces anyway).
    """
    if token.children or not _may_hold_syntax(token.content):
        return
    # The inline parser itself, not parseInline(): that reruns the core chain per call
    # (normalize: done by the block pass; text_join: inline_text reads text_special as text).
    token.children = _MD.inline.parse(token.content, _MD, env, [])


def _plain(parts: list[str]) -> str:
    """Text runs outside code spans: wiki and Slack links read as their text, single-tilde strikethrough unmarked,
    footnote references and lynx link numbers removed (``footnote_refs_inline``, ``link_numbers``)."""
    text = replace_wikilinks("".join(parts))
    if "[" in text:
        text = strip_link_numbers(strip_footnote_refs_inline(text))
    if "|" in text and "<" in text:  # Slack's "<url|text>" (``chat_link``); most text holds neither
        text = replace_chat_links(text)
    return strip_single_tildes(text) if "~" in text else text


def inline_text(token: Token) -> str:
    """Plain text of an inline token under the contract's text rules."""
    if not token.children:
        content = token.content
        return " ".join((join_hyphen_breaks(content) if "-\n" in content else content).split())
    parts: list[str] = []
    done: list[str] = []  # the text before the last code span, its wiki links read: a "[[x]]" quoted in code stays
    children = token.children
    href = ""  # the open link's target
    for at, child in enumerate(children):
        kind = child.type
        if kind in ("text", "text_special"):
            parts.append(child.content)
        elif kind == "link_open":
            href = str(child.attrGet("href") or "")
        elif kind == "link_close" and href[:1] == "#" and parts:
            parts[-1] = in_page_link_text(parts[-1], href)  # a contents entry's "{#id}" (``toc_anchor``)
        elif kind == "code_inline":
            done.append(_plain(parts))
            done.append(child.content.replace("\\|", "|"))
            parts = []
        elif kind in ("softbreak", "hardbreak"):
            if kind == "softbreak" and _breaks_word(parts, children, at):
                if ends_split_word(children[at + 1].content):
                    parts[-1] = parts[-1][:-1]  # "strength-" / "en": one word (``split_word_ending``)
                parts.append("")
            else:
                parts.append(" ")
        elif kind == "image":
            parts.append(_image_text(inline_text(child), parts, done, children, at))
        elif kind == "html_inline":
            tag = child.content
            if tag[:3].lower() == "<br" or is_block_tag(tag):  # "</li><li>" in a cell too (``block_tag_space``)
                parts.append(" ")
            else:
                alt = image_alt(tag)  # an <img> counts as its alt text, as a markdown image does
                if alt:
                    parts.append(_image_text(alt, parts, done, children, at))
    done.append(_plain(parts))
    return clean_text("".join(done))  # an entity may decode to a no-break or zero-width space


def _image_text(alt: str, parts: list[str], done: list[str], children: list[Token], at: int) -> str:
    """An image's alt text, set apart from a word it touches (``image_space``).

    The text around it is read only when there is alt text to set apart: ``_text_before`` walks back over
    the empty runs of alt-less images, so reading it for each of them was quadratic (16,000 ``![](x)`` on
    one line: 2.1 s, 0.33 s with alt text).
    """
    return set_image_apart(alt, _text_before(parts, done), _text_after(children, at)) if alt else ""


def _text_before(parts: list[str], done: list[str]) -> str:
    """The last text run read so far (``image_space`` looks at its last character)."""
    for run in reversed(parts):
        if run:
            return run
    return done[-1] if done else ""


def _text_after(children: list[Token], at: int) -> str:
    """The text right after ``children[at]``, behind closing markup (``](url)The``, ``*)**x``): ``image_space``.

    Read by index, not from a slice: a slice copied every child after each image, so a line of 16,000 images
    copied 128 million (bench/HOSTILE.md, session 15).
    """
    for k in range(at + 1, len(children)):
        child = children[k]
        if child.type in ("text", "text_special", "code_inline"):
            return child.content
        if child.type in ("softbreak", "hardbreak"):
            return " "
        if child.type == "html_inline" and not is_block_tag(child.content) and child.content[:3].lower() != "<br":
            continue  # "</a>", "</b>": inline markup a reader does not see
        if not child.type.endswith("_close"):
            return ""
    return ""


def _breaks_word(parts: list[str], children: list[Token], at: int) -> bool:
    """The soft line break ``children[at]`` splits a hyphenated word (``long-`` / ``range``): ``hyphen_break``."""
    before = parts[-1] if parts else ""
    if len(before) < 2 or before[-1] != "-" or not before[-2].isalpha():
        return False
    after = children[at + 1] if at + 1 < len(children) else None
    return after is not None and after.type == "text" and after.content[:1].islower()


def _bold_lead(token: Token) -> str | None:
    """The text of the bold span opening the inline (``**Name**: ...``; ``***Name***`` too, bold in italics)."""
    children = [c for c in token.children or () if not (c.type == "text" and not c.content)]
    start = 1 if children[:1] and children[0].type == "em_open" else 0
    if start == 0 and children[:1] and children[0].type == "text" and glyph_before_bold(children[0].content + "**"):
        start = 1  # "✅ **Name** – detail": the emoji is a second bullet glyph, the bold its lead (``glyph_bold_lead``)
    if len(children) < start + 3 or children[start].type != "strong_open":
        return None
    lead: list[str] = []
    for child in children[start + 1 :]:
        if child.type == "strong_close":
            return " ".join("".join(lead).split()) or None
        if child.type in ("text", "text_special", "code_inline"):
            lead.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            lead.append(" ")
    return None


# --------------------------------------------------------------------------- token walk


@dataclass(slots=True)
class _ListFrame:
    list_index: int
    depth: int
    ordered: bool
    parent: int | None
    n_items: int = 0


@dataclass(slots=True)
class _ItemFrame:
    list_frame: _ListFrame
    item_index: int
    line: int
    section: str | None
    parts: list[str] = field(default_factory=list)
    bold_lead: str | None = None
    first_inline: bool = True


class Walker:
    """Turns markdown-it's token stream into the document model, in one pass."""

    def __init__(self, seg: Segmented, limits: ParseLimits, env: dict | None = None) -> None:
        self.seg = seg
        self.limits = limits
        self.env = {} if env is None else env  # the block pass's (link reference definitions): table cells read it
        self.doc = ParsedDocument()
        self.heading: str | None = None
        self.heading_kind: str | None = None
        self.level: int | None = None
        self.heading_line = 1
        self.prose: list[str] = []
        self.seen_heading = False
        self.seen_record = False
        self.content_marked = False  # some HTML block of the page opens a <main> or <article> (``page_landmark``)
        self.lists: list[_ListFrame] = []
        self.items: list[_ItemFrame] = []
        self.items_out: list[tuple[int, ListItem]] = []
        self.n_lists = 0

    def token_line(self, token: Token) -> int:
        return self.seg.line_of[token.map[0]] if token.map else 1

    def source_line(self, seg_index: int) -> int:
        return self.seg.line_of[seg_index] if 0 <= seg_index < len(self.seg.line_of) else 1

    @property
    def max_table_columns(self) -> int:
        return self.limits.max_table_columns

    # sections -----------------------------------------------------------------
    def flush_section(self) -> None:
        if self.heading is None and not self.prose:
            return
        self.doc.sections.append(
            Section(
                index=len(self.doc.sections),
                heading=self.heading,
                heading_kind=self.heading_kind,
                level=self.level,
                text="\n\n".join(self.prose),
                line=self.heading_line,
            )
        )
        self.prose = []

    def start_section(self, heading: str, kind: str, level: int | None, line: int) -> None:
        self.flush_section()
        self.heading, self.heading_kind, self.level, self.heading_line = heading, kind, level, line
        if not self.seen_heading and not self.seen_record:
            self.doc.title = heading
        self.seen_heading = True

    def section_prose(self) -> list[str]:
        """The paragraphs of the open section read so far (the HTML reader's ``sign_off_lines`` looks back)."""
        return self.prose

    def add_prose(self, text: str, line: int) -> None:
        if not text:
            return
        if self.heading is None and not self.prose:
            self.heading_line = line
        self.prose.append(text)

    # walk ---------------------------------------------------------------------
    def run(self, tokens: list[Token]) -> ParsedDocument:
        self.content_marked = any(tok.type == "html_block" and marks_content(tok.content) for tok in tokens)
        i = 0
        n = len(tokens)
        while i < n:  # the cases by frequency: paragraphs, list items, then the rest
            tok = tokens[i]
            kind = tok.type
            if kind == "paragraph_open":
                inline = tokens[i + 1]
                self.paragraph(tok, inline)
                i += 3
                continue
            if kind == "heading_open":
                inline = tokens[i + 1]
                text = strip_heading_attributes(inline_text(inline))  # pandoc's "## Title {#id}"
                level = int(tok.tag[1])
                kind_name = "atx" if tok.markup.startswith("#") else "setext"
                if self.items or not text:
                    self.add_inline_to_item_or_prose(inline, text)
                else:
                    self.start_section(text, kind_name, level, self.token_line(tok))
                i += 3
                continue
            if kind == "list_item_open":
                self.open_item(tok)
            elif kind == "list_item_close":
                self.close_item()
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.open_list(ordered=kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "table":
                self.table(tok)
            elif kind == "html_block" and tok.map:
                read_html_block(self, tok.content, tok.map[0], tok.map[1] - tok.map[0])
            i += 1
        self.flush_section()
        self.doc.items = [item for _, item in sorted(self.items_out, key=lambda pair: pair[0])]
        self.doc.n_lists = self.n_lists
        return self.doc

    def paragraph(self, tok: Token, inline: Token) -> None:
        text = inline_text(inline)
        top_level = not self.items and tok.level == 0
        if top_level and tok.map and tok.map[1] - tok.map[0] == 1 and text:
            first = tok.map[0]
            if first in self.seg.bold_titles and _bold_lead(inline) is not None:
                self.start_section(text, "bold", None, self.token_line(tok))  # "Key outcomes:" keeps its colon
                return
            if first in self.seg.bare_titles:
                self.start_section(text, "bare", None, self.token_line(tok))
                return
        if not self.items and tok.map:
            self.count_suspects(tok.map[0], tok.map[1])
        self.add_inline_to_item_or_prose(inline, text, self.token_line(tok))

    def count_suspects(self, start: int, end: int) -> None:
        """Count the prose lines that look like structure: the next unseen format shows on its first run."""
        lines = self.seg.lines
        self.doc.n_suspect_lines += sum(1 for k in range(start, min(end, len(lines))) if looks_like_structure(lines[k]))

    def add_inline_to_item_or_prose(self, inline: Token, text: str, line: int = 1) -> None:
        if self.items:
            item = self.items[-1]
            if item.first_inline:
                item.bold_lead = _bold_lead(inline)
                item.first_inline = False
            if text:
                item.parts.append(text)
        else:
            self.add_prose(text, line)

    def open_list(self, ordered: bool) -> None:
        depth = len(self.lists)
        if depth >= self.limits.max_list_depth:
            raise ParseLimitError(
                ReasonCode.NESTING_TOO_DEEP, f"list nested deeper than {self.limits.max_list_depth} levels"
            )
        parent = self.lists[-1].list_index if self.lists else None
        self.lists.append(_ListFrame(self.n_lists, depth, ordered, parent))
        self.n_lists += 1
        self.seen_record = True

    def open_item(self, tok: Token) -> None:
        self.open_item_at(self.token_line(tok))

    def open_item_at(self, line: int) -> None:
        frame = self.lists[-1]
        self.items.append(_ItemFrame(frame, frame.n_items, line, self.heading))
        frame.n_items += 1

    def close_list(self) -> None:
        self.lists.pop()

    def add_item_text(self, text: str) -> None:
        self.items[-1].parts.append(text)
        self.items[-1].first_inline = False

    def set_bold_lead(self, text: str) -> None:
        if self.items[-1].bold_lead is None:
            self.items[-1].bold_lead = text

    def add_table(self, headers: list[str], rows: list[TableRow], line: int) -> None:
        self.append_tables(headers, rows, line)

    def append_tables(self, headers: list[str], rows: list[TableRow], line: int, split: bool = True) -> None:
        """The table, split where a row repeats its header (``repeated_header``): each part a table of its own.

        Not a table the segmenter wrote from another syntax (``split`` False): a pandoc or spreadsheet
        table has no page breaks to repeat its header at, so a row equal to the header is data.
        """
        mark_totals_row(rows)  # "| **Total** | | | **1,250** |" last: no priority (``totals_row``)
        parts = split_at_repeated_headers(headers, rows) if split else [(headers, rows, None)]
        for part_headers, part_rows, at in parts:
            table = Table(len(self.doc.tables), self.heading, part_headers, part_rows, line if at is None else at)
            self.doc.tables.append(table)
        self.seen_record = True

    def close_item(self) -> None:
        item = self.items.pop()
        text = " ".join(item.parts)
        checked = None
        marker = task_marker(text)  # "[ ] text", an empty "[ ]", Obsidian's "[/]" and "[-]" (``task_status_marker``)
        if marker:
            checked = marker.group(1) in "xX"
            text = text[marker.end() :]
        frame = item.list_frame
        self.items_out.append(
            (
                # document order: (list_index, item_index) sorts as the contract defines
                frame.list_index * 1_000_000_000 + item.item_index,
                ListItem(
                    list_index=frame.list_index,
                    item_index=item.item_index,
                    depth=frame.depth,
                    ordered=frame.ordered,
                    text=text,
                    bold_lead=item.bold_lead,
                    checked=checked,
                    section=item.section,
                    line=item.line,
                    parent_list_index=frame.parent,
                ),
            )
        )

    def table(self, tok: Token) -> None:
        """A pipe table (``blocks.table``): its header's cells, then each body row's, read as text."""
        headers: list[str] = []
        head_blank = True  # every header cell blank as written (pandoc's headerless table), not "<br>" or "&nbsp;"
        for content in tok.meta["header"]:
            text, content, _ = self.cell(content, True)
            headers.append(text)
            head_blank = head_blank and not content.strip()
        if len(headers) > self.limits.max_table_columns:
            raise ParseLimitError(
                ReasonCode.TOO_MANY_COLUMNS,
                f"table at line {self.token_line(tok)} has {len(headers)} columns "
                f"(limit {self.limits.max_table_columns})",
            )
        rows: list[TableRow] = []
        line_of = self.seg.line_of
        for row_at, contents in tok.meta["rows"]:
            cells: list[str] = []
            bold: list[bool] = []  # per cell: its text all one bold span (``group_label_row``)
            for content in contents:
                text, _, whole_bold = self.cell(content, False)
                cells.append(text)
                bold.append(whole_bold)
            group = is_group_label_row(cells, bold, self.seg.lines[row_at])
            rows.append(TableRow(cells, line_of[row_at], group))
        first_rows = [row.cells for row in rows[:2]]
        # pandoc's headerless table, Docling's title spanning the columns (``spanned_title_header``): row 1 heads it
        if (
            (head_blank and header_from_first_row(headers, first_rows))
            or spanned_title_header(headers, first_rows)
            or lone_title_header(headers, first_rows)  # a caption row merged across, written once
        ):
            headers, rows = rows[0].cells, rows[1:]
        converted = tok.map[0] in self.seg.converted_tables
        self.append_tables(headers, rows, self.token_line(tok), split=not converted)

    def cell(self, content: str, head: bool) -> tuple[str, str, bool]:
        """A table cell's text, its content as read, and whether its text is all one bold span.

        A list in a cell ("• a<br>• b", "1) a<br>2) b", "‣ a": ``br_cell_list``, ``cell_marker_list``) is read as
        its items' lines; inline syntax is parsed only where the content holds some (``parse_inline``), with the
        document's link definitions, as markdown-it's inline pass would (a cell read as a list: without them).
        """
        env = self.env
        listed = br_cell_list(content) if "<" in content else None
        if listed is None and not head and ("<" in content or not content[:1].isalnum()):
            listed = cell_markers(content) or None
        if listed is not None:
            content, env = listed, {}
        if "**" in content:
            content = mend_spaced_bold(content)  # Word via pandoc: "**Income **" (``cell_spaced_bold``)
        if not _may_hold_syntax(content):
            return " ".join(content.split()), content, False
        token = Token("inline", "", 0, content=content)
        parse_inline(token, env)
        text = inline_text(token) if token.children else " ".join(content.split())
        return text, content, bool(text) and token.children is not None and _bold_lead(token) == text
