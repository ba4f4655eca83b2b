"""Markdown articles -> sections, tables and lists, read as their authors meant them.

markdown-it-py (CommonMark + GFM tables) does the real parsing: inline markup,
entities, escapes, code fences and conventional blank-line-separated markdown.
The articles we receive are line-oriented, though: a title line, a paragraph
line, a bullet and a table row follow each other with no blank line, which
strict CommonMark reads as one lazy paragraph inside the last bullet. The
domain layer here only *re-segments* the text before markdown-it sees it: it
inserts a blank line wherever our authors start a new block (see
``segment_blocks``) and remembers which lines are bare title lines. Conventional
markdown already has those blank lines, so it parses exactly as under cmark-gfm.

Sources that are not markdown (plain-text feeds, content-system exports,
copy-paste) are read by the same pass: the line rules of ``reader/rules.py``
turn ``•``/``(a)``/``i.`` items into markdown items at their nesting, keep
captions and hard-wrapped lines from becoming headings and mark HTML blocks,
which ``reader/html.py`` reads with a real HTML parser. A line that looks like
structure but ends in prose is counted (``n_suspect_lines``), never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from nato_briefs.config import ParseLimits
from nato_briefs.reader.errors import ParseLimitError
from nato_briefs.reader.html import read_html_block
from nato_briefs.reader.rules import (
    SUB_BULLET_GLYPHS,
    Marker,
    indentation,
    is_caption,
    is_delimiter_row,
    is_title_case,
    looks_like_structure,
    markdown_marker_end,
    match_item,
)
from nato_briefs.reader.rules import html_block_tag as _html_block_tag
from nato_briefs.reader.rules import tag_balance as _tag_balance
from nato_briefs.reader.text import clean_source, clean_text

_MD = MarkdownIt("commonmark", {"maxNesting": 1000}).enable(["table", "strikethrough"])
# Block structure first; inline syntax is parsed only in text that can hold some.
# Most of an article is plain prose, and inline parsing is a third of markdown-it's time.
_MD_BLOCKS = MarkdownIt("commonmark", {"maxNesting": 1000}).enable(["table", "strikethrough"]).disable("inline")
# "&" only starts an entity reference; "R&D" or "Q&A" is text as written.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]!<~]|&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_FENCE = re.compile(r" {0,3}(`{3,}+|~{3,}+)")

_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*+\1){2,}+[ \t]*+$")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=++|-++)[ \t]*+$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_BLOCK_START = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|>|<|`{3}|~{3})")
_TASK_MARKER = re.compile(r"\[([ xX])\]\s")
# A rewritten item's text that would open a block of its own ("# x", "> x", "- x", "2. x") is escaped.
_ORDERED_START = re.compile(r"[0-9]{1,9}(?=[.)])")
_CLOSING = "\"'”’)]}*_`»"
_SENTENCE_END = ".,;:!?…"
# A bare title never ends on a word that needs a continuation; a wrapped prose
# line often does, which is how we tell them apart.
_CONTINUATION_WORDS = frozenset(
    "a an the and or but nor of to in on at by for with from as into onto than that which who whose "
    "is are was were be been will would can could should may might must has have had this these those "
    "its their our his her".split()
)


@dataclass(slots=True)
class Section:
    index: int
    heading: str | None
    heading_kind: str | None  # atx | setext | bold | bare
    level: int | None
    text: str
    line: int


@dataclass(slots=True)
class TableRow:
    cells: list[str]
    line: int


@dataclass(slots=True)
class Table:
    index: int
    section: str | None
    headers: list[str]
    rows: list[TableRow]
    line: int


@dataclass(slots=True)
class ListItem:
    list_index: int
    item_index: int
    depth: int
    ordered: bool
    text: str
    bold_lead: str | None  # text of a leading **bold** span, if the item starts with one
    checked: bool | None
    section: str | None
    line: int
    parent_list_index: int | None


@dataclass(slots=True)
class ParsedDocument:
    title: str | None = None
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    items: list[ListItem] = field(default_factory=list)
    n_lists: int = 0
    n_lines: int = 0
    # lines that look like a list item, table row or HTML block but were read as prose
    n_suspect_lines: int = 0


# --------------------------------------------------------------------------- segmentation

# HTML elements whose block may hold blank lines (a CMS exports a table with blank lines between rows).
_HTML_CONTAINERS = frozenset({"table", "ul", "ol", "dl", "div", "section", "article", "blockquote", "main", "figure"})
# HTML elements whose content is raw text: their block runs to the closing tag, as in CommonMark.
_HTML_RAW = frozenset({"script", "style", "pre"})
# A hard-wrapped article has most of its prose lines this long (characters), and few longer ones.
_WRAP_MIN, _WRAP_MAX = 50, 100


def _is_blank(line: str) -> bool:
    """Empty or only white space, without copying the line as strip() would."""
    return not line or line.isspace()


def _lead(line: str) -> str:
    """First character after the indentation: a cheap test that rules out most block syntax."""
    first = line[:1]
    return first if first not in (" ", "\t") else line.lstrip(" \t")[:1]  # no copy of an unindented line


def _is_table_row(line: str) -> bool:
    return "|" in line and _UNESCAPED_PIPE.search(line) is not None


def _is_delimiter_row(line: str) -> bool:
    return _lead(line) in ("|", ":", "-") and is_delimiter_row(line)


def _is_setext_underline(line: str) -> bool:
    return _lead(line) in ("=", "-") and _SETEXT_UNDERLINE.match(line) is not None


def _is_whole_line_bold(line: str) -> bool:
    """``**Title**`` or ``__Title:__`` alone on its line (a colon after it allowed), by string tests."""
    text = line.rstrip(" \t")
    if text.endswith(":"):
        text = text[:-1].rstrip(" \t")
    body = text.lstrip(" ")
    delim = body[:2]
    if len(text) - len(body) > 3 or delim not in ("**", "__") or len(body) < 5 or not body.endswith(delim):
        return False
    inner = body[2:-2]
    return not inner[0].isspace() and not inner[-1].isspace()


def _is_block_line(line: str) -> bool:
    """A line that opens a non-paragraph block, so it never continues prose."""
    lead = _lead(line)
    if not lead or lead.isupper():  # prose: no list marker, heading, quote, fence, rule or table
        return False
    if lead.isalpha():
        return match_item(line) is not None
    return bool(match_item(line) or _BLOCK_START.match(line) or _THEMATIC_BREAK.match(line) or line.startswith("|"))


def _strip_closing(text: str) -> str:
    return text.rstrip().rstrip(_CLOSING).rstrip()


def _ends_sentence(line: str) -> bool:
    stripped = _strip_closing(line)
    return not stripped or stripped[-1] in _SENTENCE_END


def _looks_like_title(line: str, limits: ParseLimits) -> bool:
    """A short line without closing punctuation that does not end mid-phrase, nor a caption."""
    if not line or line[:1] in " \t" or (len(line) > limits.max_title_chars and not line[-1].isspace()):
        return False  # without copying a long prose line
    text = line.strip()
    if not text or len(text) > limits.max_title_chars or _ends_sentence(text) or _is_block_line(text):
        return False
    words = text.split()
    if len(words) > limits.max_title_words:
        return False
    first = text.lstrip("*_\"'“‘[(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    last = words[-1].strip(_CLOSING).lower()
    return last not in _CONTINUATION_WORDS and not is_caption(text)


def _starts_like_new_sentence(line: str) -> bool:
    first = line.lstrip().lstrip("*_\"'“‘[(")[:1]
    return not first.isalpha() or first.isupper()


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped article is broken at, or None when its paragraphs are one line each.

    Plain-text feeds break lines at 70-80 columns: most non-blank lines are then
    50-100 characters long and hardly any is longer (tables and HTML aside).
    """
    # prose lines only: not items, tables, HTML or indented lines
    prose = [len(line) for line in lines if line[:1].isalpha() and "|" not in line]
    widths = sorted(n for n in prose if _WRAP_MIN <= n <= _WRAP_MAX)
    if len(widths) < 3:
        return None
    longer = sum(1 for n in prose if n > _WRAP_MAX)
    return widths[(len(widths) - 1) * 9 // 10] if longer * 4 <= len(widths) else None


def runs_on(line: str, nxt: str, width: int | None) -> bool:
    """In a hard-wrapped article, a full-width line directly followed by prose continues into it.

    A title is short, or written in Title Case / ALL CAPS; a wrapped sentence
    fills the line and runs on, whatever its last word.
    """
    if width is None or _is_blank(nxt) or _is_block_line(nxt):
        return False
    return len(line.rstrip()) >= 0.7 * width and not is_title_case(line)


@dataclass(slots=True)
class Segmented:
    text: str
    line_of: list[int]  # 1-based source line of every segmented line
    bare_titles: frozenset[int]  # segmented line indexes that are bare title lines
    bold_titles: frozenset[int]
    lines: list[str] = field(default_factory=list)  # the segmented lines (text split)


@dataclass(slots=True)
class _OpenItem:
    """An item of the list being segmented: where its marker was and where its text now starts."""

    indent: int  # visual indentation of the marker in the source
    col: int  # column of the item's text in the emitted line: markdown nests a child there
    verbatim: bool  # emitted as written (markdown, and every parent too)
    glyph: str
    style: str  # what the author's marker looks like: a change of style at one depth starts a new list
    emitted: str  # the markdown marker written for it ("-", "*", "1.", "1)")


def _check_markers_on_line(line: str, marker: Marker, limit: int) -> None:
    """Refuse a line of list markers nested deeper than the limit ("- - - - ... x").

    markdown-it opens one nested list per marker and rescans the line for each:
    quadratic (2,000 markers took 1.2 s before the recursion limit stopped it).
    """
    rest, depth = line[marker.content :], 1
    while rest[:1] in ("-", "+", "*") or rest[:1].isdigit():
        end = markdown_marker_end(rest)
        if end is None:
            return
        rest, depth = rest[end:], depth + 1
        if depth > limit:
            raise ParseLimitError("nesting_too_deep", f"a line holds more than {limit} nested list markers")


def _escape_block_start(text: str) -> str:
    """The text with a backslash before a start that markdown would read as a block, so it stays text."""
    if not (_BLOCK_START.match(text) or markdown_marker_end(text) is not None or _THEMATIC_BREAK.match(text)):
        return text
    digits = _ORDERED_START.match(text)
    cut = digits.end() if digits else 0
    return f"{text[:cut]}\\{text[cut:]}"


def _marker_style(marker: Marker) -> str:
    """``•``, ``(1)``, ``(a)``, ``a)``, ``i.``, ``1 -``, ``1.`` ...: the marker, its letters and digits generalised."""
    glyph = marker.glyph
    if not marker.ordered:
        return glyph
    if glyph[:1] == "(" and glyph[1:2].isdigit():
        return "(1)"
    if glyph[:1] == "(":
        return "(i)" if len(glyph) > 3 else "(a)"
    if glyph[:1].isdigit():
        return "1" + glyph[-1]
    return "a)" if glyph.endswith(")") else "i."


def _markdown_marker(ordered: bool, style: str, sibling: _OpenItem | None) -> str:
    """The markdown marker for a rewritten item: the sibling's when it looks the same, else the other one.

    Markdown starts a new list when the bullet character or the number's
    delimiter changes; an author who switches from ``(1)`` to ``i.`` means that too.
    """
    first, second = ("1.", "1)") if ordered else ("-", "*")
    if sibling is None:
        return first
    if sibling.style == style:
        return sibling.emitted
    return second if sibling.emitted in ("1.", "-", ".") else first


class _Segmenter:
    """Insert the blank lines our authors imply, mapping every line back to the source.

    Rules (CONTRACT.md): a list ends at the first line that is not a list item or
    a continuation (indented, or starting lowercase); a table ends at the first
    line that is not a table row; a table header may follow a sentence directly;
    a bare title line or a whole-line bold line is a heading of its own; items
    that are not markdown are rewritten as markdown items at their depth; an
    HTML block is kept whole, blank lines inside a container dropped. Fenced
    code and block quotes are left exactly as written.
    """

    def __init__(self, lines: list[str], limits: ParseLimits) -> None:
        self.lines = lines
        self.limits = limits
        self.out: list[str] = []
        self.line_of: list[int] = []
        self.bare: set[int] = set()
        self.bold: set[int] = set()
        self.fence: str | None = None
        self.in_table = False
        self.in_list = False
        self.items: list[_OpenItem] = []
        self.html_tag: str | None = None
        self.html_depth = 0
        self.html_next = -1  # index of the next non-blank line, while inside an HTML container
        self.prev = ""  # previous source line (top level)
        self.width = wrap_width(lines)

    def emit(self, text: str, source_line: int) -> None:
        self.out.append(text)
        self.line_of.append(source_line)

    def blank(self) -> None:
        if self.out and not _is_blank(self.out[-1]):
            self.emit("", self.line_of[-1])

    def run(self) -> Segmented:
        lines = self.lines
        for i, (line, nxt) in enumerate(zip(lines, [*lines[1:], ""], strict=True)):
            self.step(i, line, nxt)
        return Segmented("\n".join(self.out), self.line_of, frozenset(self.bare), frozenset(self.bold), self.out)

    def step(self, i: int, line: str, nxt: str) -> None:
        if self.fence is not None:
            self.fenced(i, line)
            return
        if self.html_tag is not None:
            self.html_line(i, line)
            return
        lead = _lead(line)
        opening = _FENCE.match(line) if lead in ("`", "~") else None
        if opening:
            self.open_fence(i, line, opening.group(1))
        elif not line or line.isspace():
            self.in_table = False
            self.emit(line, i + 1)
            self.prev = line
        elif self.in_table and _is_table_row(line) and not _is_delimiter_row(nxt):
            self.keep(i, line)
        else:
            if self.in_table:
                self.in_table = False
                self.blank()
            self.block(i, line, nxt, lead)

    def keep(self, i: int, line: str) -> None:
        self.out.append(line)
        self.line_of.append(i + 1)
        self.prev = line

    def block(self, i: int, line: str, nxt: str, lead: str) -> None:
        tag = _html_block_tag(line) if lead == "<" else None
        if tag is not None:
            self.open_html(i, line, tag)
            return
        marker = match_item(line) if lead and not lead.isupper() else None
        if marker is not None and not self.in_list and self.runs_into(marker):
            marker = None
        starts_table = _is_table_row(line) and _is_delimiter_row(nxt) and _is_table_row(nxt + line) and lead != ">"
        if self.in_list and marker is None and (starts_table or not self.continues_item(line, lead)):
            self.in_list = False
            self.items.clear()
            self.blank()
            self.prev = ""  # the list ended: this line starts a block, whatever its wrapped last item said
        if marker is not None:
            self.list_item(i, line, marker)
        elif self.in_list:
            self.continuation(i, line)
        elif starts_table:  # a table ends a list even when indented: markdown-it nests it by its indentation
            self.blank()
            self.in_table = True
            self.keep(i, line)
        elif lead in ("*", "_") and self.is_bold_title(line, nxt):
            self.bold_title(i, line, nxt)
        elif self.is_bare_title(line, nxt):
            self.bare_title(i, line, nxt)
        else:
            self.keep(i, line)

    def runs_into(self, marker: Marker) -> bool:
        """A number other than 1 after a sentence that runs on continues it ("... until\n2027. The ...").

        Hard-wrapped text puts years at line starts; CommonMark too lets only
        "1." interrupt a paragraph. After a finished sentence ("include:") a
        "2." still starts a list, as the sample articles write them.
        """
        if marker.kind != "markdown" or not marker.ordered or marker.glyph[:-1] == "1":
            return False
        prev = self.prev
        return not _is_blank(prev) and not _ends_sentence(prev) and not _is_block_line(prev)

    # fences and HTML ------------------------------------------------------------
    def fenced(self, i: int, line: str) -> None:
        self.keep(i, line)
        stripped = line.strip()
        if self.fence and stripped.startswith(self.fence) and not stripped.strip(self.fence[0]):
            self.fence = None

    def open_fence(self, i: int, line: str, fence: str) -> None:
        if (self.in_list and not line[:1].isspace()) or self.in_table:
            self.blank()
        self.in_list = self.in_table = False
        self.items.clear()
        self.fence = fence
        self.keep(i, line)

    def open_html(self, i: int, line: str, tag: str) -> None:
        self.in_list = False
        self.items.clear()
        self.blank()
        self.keep(i, line)
        self.html_tag, self.html_depth = tag, _tag_balance(line, tag)
        if self.html_depth <= 0:
            self.close_html(i)

    def html_line(self, i: int, line: str) -> None:
        if not line.strip():
            if self.html_tag in _HTML_RAW:  # markdown-it reads these up to their closing tag, blank lines included
                self.keep(i, line)
                return
            if i < self.html_next or (self.html_tag in _HTML_CONTAINERS and self.next_is_tag(i)):
                return  # a blank line inside an open container: markdown-it would end the block here
            self.close_html(i)
            return
        self.keep(i, line)
        self.html_depth += _tag_balance(line, self.html_tag or "")
        if self.html_depth <= 0:
            self.close_html(i)

    def next_is_tag(self, i: int) -> bool:
        j = i + 1
        while j < len(self.lines) and not self.lines[j].strip():
            j += 1
        self.html_next = j if j < len(self.lines) and _lead(self.lines[j]) == "<" else -1
        return self.html_next > 0

    def close_html(self, i: int) -> None:
        self.html_tag, self.html_next = None, -1
        self.emit("", i + 1)
        self.prev = ""

    # lists --------------------------------------------------------------------------
    def continues_item(self, line: str, lead: str) -> bool:
        """A line directly under an item belongs to it when indented, or when it starts lowercase (as in GFM)."""
        return line[:1].isspace() or (lead.islower() and not _is_blank(self.prev))

    def list_item(self, i: int, line: str, marker: Marker) -> None:
        if not self.in_list:
            if not _is_blank(self.prev) and not _is_block_line(self.prev):
                self.blank()  # a list may follow a sentence directly, even "2." items
            self.in_list = True
            self.items.clear()
        stack = self.items
        indent = marker.indent
        if marker.glyph in SUB_BULLET_GLYPHS and stack:
            top = stack[-1]
            if top.glyph in SUB_BULLET_GLYPHS:
                indent = max(indent, top.indent)  # a sibling of the "◦" above
            elif indent <= top.indent:
                indent = top.indent + 1  # "◦" under "•" nests, even unindented
        sibling = None
        while stack and stack[-1].indent >= indent:
            sibling = stack.pop()
        parent = stack[-1] if stack else None
        style = _marker_style(marker)
        if marker.kind == "markdown" and all(open_item.verbatim for open_item in (parent, sibling) if open_item):
            _check_markers_on_line(line, marker, self.limits.max_list_depth)
            self.keep(i, line)
            stack.append(_OpenItem(indent, marker.content_col, True, marker.glyph, style, marker.glyph[-1]))
            return
        base = parent.col if parent else 0
        md_marker = _markdown_marker(marker.ordered, style, sibling)
        text = _escape_block_start(line[marker.content :].strip())
        self.emit(f"{' ' * base}{md_marker} {text}", i + 1)
        self.prev = line
        stack.append(_OpenItem(indent, base + len(md_marker) + 1, False, marker.glyph, style, md_marker))

    def continuation(self, i: int, line: str) -> None:
        stack = self.items
        if not stack or stack[-1].verbatim:
            self.keep(i, line)
            return
        width, _ = indentation(line)
        if width:
            while len(stack) > 1 and stack[-1].indent >= width:
                stack.pop()
        self.emit(" " * stack[-1].col + line.strip(), i + 1)
        self.prev = line

    # headings -----------------------------------------------------------------------
    @staticmethod
    def is_bold_title(line: str, nxt: str) -> bool:
        return _is_whole_line_bold(line) and not _is_setext_underline(nxt) and not is_caption(line)

    def bold_title(self, i: int, line: str, nxt: str) -> None:
        self.blank()
        self.bold.add(len(self.out))
        self.emit(line, i + 1)
        if not _is_blank(nxt) and not _is_block_line(nxt):
            self.emit("", i + 1)
        self.prev = ""

    def is_bare_title(self, line: str, nxt: str) -> bool:
        prev = self.prev
        starts_block = _is_blank(prev) or _is_block_line(prev) or _ends_sentence(prev) or _is_table_row(prev)
        return (
            starts_block
            and _looks_like_title(line, self.limits)
            and not _is_setext_underline(nxt)
            and not _is_delimiter_row(nxt)
            and (_is_blank(nxt) or _is_block_line(nxt) or _starts_like_new_sentence(nxt))
            and not runs_on(line, nxt, self.width)
        )

    def bare_title(self, i: int, line: str, nxt: str) -> None:
        self.blank()
        self.bare.add(len(self.out))
        self.emit(line, i + 1)
        if not _is_blank(nxt):
            self.emit("", i + 1)
        self.prev = ""


def segment_blocks(lines: list[str], limits: ParseLimits) -> Segmented:
    """Re-segment the lines so that markdown-it reads every block as its author meant it."""
    return _Segmenter(lines, limits).run()


# --------------------------------------------------------------------------- inline text


def parse_inline(token: Token, env: dict) -> None:
    """Give an inline token its children, unless its text holds no inline syntax at all.

    Without any of \\ ` * _ [ ] ! < ~ or an entity reference (&amp; &#38; ...)
    markdown-it would return the text as is (line breaks aside, which
    inline_text turns into spaces anyway).
    """
    if token.children or not _INLINE_SYNTAX.search(token.content):
        return
    # The inline parser itself, not parseInline(): that reruns the core chain per call
    # (normalize: done by the block pass; text_join: inline_text reads text_special as text).
    token.children = _MD.inline.parse(token.content, _MD, env, [])


def inline_text(token: Token) -> str:
    """Plain text of an inline token under the contract's text rules."""
    if not token.children:
        return " ".join(token.content.split())
    parts: list[str] = []
    for child in token.children:
        kind = child.type
        if kind in ("text", "text_special", "code_inline"):
            parts.append(child.content.replace("\\|", "|") if kind == "code_inline" else child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "image":
            parts.append(inline_text(child))
        elif kind == "html_inline" and child.content.lower().startswith("<br"):
            parts.append(" ")
    return clean_text("".join(parts))  # an entity may decode to a no-break or zero-width space


def _bold_lead(token: Token) -> str | None:
    children = [c for c in token.children or () if not (c.type == "text" and not c.content)]
    if len(children) < 3 or children[0].type != "strong_open":
        return None
    lead: list[str] = []
    for child in children[1:]:
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


class _Walker:
    """Turns markdown-it's token stream into the document model, in one pass."""

    def __init__(self, seg: Segmented, limits: ParseLimits) -> None:
        self.seg = seg
        self.limits = limits
        self.doc = ParsedDocument()
        self.heading: str | None = None
        self.heading_kind: str | None = None
        self.level: int | None = None
        self.heading_line = 1
        self.prose: list[str] = []
        self.seen_heading = False
        self.seen_record = False
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

    def add_prose(self, text: str, line: int) -> None:
        if not text:
            return
        if self.heading is None and not self.prose:
            self.heading_line = line
        self.prose.append(text)

    # walk ---------------------------------------------------------------------
    def run(self, tokens: list[Token]) -> ParsedDocument:
        i = 0
        n = len(tokens)
        while i < n:
            tok = tokens[i]
            kind = tok.type
            if kind == "heading_open":
                inline = tokens[i + 1]
                text = inline_text(inline)
                level = int(tok.tag[1])
                kind_name = "atx" if tok.markup.startswith("#") else "setext"
                if self.items or not text:
                    self.add_inline_to_item_or_prose(inline, text)
                else:
                    self.start_section(text, kind_name, level, self.token_line(tok))
                i += 3
                continue
            if kind == "paragraph_open":
                inline = tokens[i + 1]
                self.paragraph(tok, inline)
                i += 3
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.open_list(ordered=kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                self.open_item(tok)
            elif kind == "list_item_close":
                self.close_item()
            elif kind == "table_open":
                i = self.table(tokens, i)
                continue
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
                self.start_section(text.rstrip(":").rstrip(), "bold", None, self.token_line(tok))
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
            raise ParseLimitError("nesting_too_deep", f"list nested deeper than {self.limits.max_list_depth} levels")
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

    def add_table(self, headers: list[str], rows: list[tuple[list[str], int]], line: int) -> None:
        table_rows = [TableRow(cells, row_line) for cells, row_line in rows]
        self.doc.tables.append(Table(len(self.doc.tables), self.heading, headers, table_rows, line))
        self.seen_record = True

    def close_item(self) -> None:
        item = self.items.pop()
        text = " ".join(item.parts)
        checked = None
        marker = _TASK_MARKER.match(text)
        if marker:
            checked = marker.group(1) != " "
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

    def table(self, tokens: list[Token], i: int) -> int:
        start = tokens[i]
        headers: list[str] = []
        rows: list[TableRow] = []
        cells: list[str] = []
        row_line = 0
        in_head = False
        i += 1
        while tokens[i].type != "table_close":
            tok = tokens[i]
            kind = tok.type
            if kind == "thead_open":
                in_head = True
            elif kind == "thead_close":
                in_head = False
                if len(headers) > self.limits.max_table_columns:
                    raise ParseLimitError(
                        "too_many_columns",
                        f"table at line {self.token_line(start)} has {len(headers)} columns "
                        f"(limit {self.limits.max_table_columns})",
                    )
            elif kind == "tr_open":
                cells = []
                row_line = self.token_line(tok)
            elif kind == "inline":
                (headers if in_head else cells).append(inline_text(tok))
            elif kind == "tr_close" and not in_head:
                rows.append(TableRow(cells, row_line))
            i += 1
        self.doc.tables.append(Table(len(self.doc.tables), self.heading, headers, rows, self.token_line(start)))
        self.seen_record = True
        return i + 1


def split_lines(text: str) -> list[str]:
    """Lines as CommonMark counts them: LF, CRLF and a lone CR all end a line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def parse_document(text: str, limits: ParseLimits | None = None) -> ParsedDocument:
    """Parse one article. Raises ParseLimitError for documents beyond the limits."""
    limits = limits or ParseLimits()
    text = clean_source(text)  # also drops a leading BOM (U+FEFF)
    lines = split_lines(text)
    seg = segment_blocks(lines, limits)
    env: dict = {}
    try:
        tokens = _MD_BLOCKS.parse(seg.text, env)
        for token in tokens:
            if token.type == "inline":
                parse_inline(token, env)
        doc = _Walker(seg, limits).run(tokens)
    except RecursionError:  # markdown-it recurses once per nested container (list item, block quote)
        raise ParseLimitError("nesting_too_deep", "markdown nested too deeply for the parser") from None
    doc.n_lines = len(lines) - (1 if lines and lines[-1] == "" else 0)
    return doc
