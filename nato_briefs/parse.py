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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from nato_briefs.config import ParseLimits

_MD = MarkdownIt("commonmark", {"maxNesting": 1000}).enable(["table", "strikethrough"])
# Block structure first; inline syntax is parsed only in text that can hold some.
# Most of an article is plain prose, and inline parsing is a third of markdown-it's time.
_MD_BLOCKS = MarkdownIt("commonmark", {"maxNesting": 1000}).enable(["table", "strikethrough"]).disable("inline")
# "&" only starts an entity reference; "R&D" or "Q&A" is text as written.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]!<~]|&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_BLOCK_START = re.compile(r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|<|`{3,}|~{3,})")
_WHOLE_LINE_BOLD = re.compile(r"^ {0,3}(\*\*|__)(?=\S)(.+?)(?<=\S)\1[ \t]*:?[ \t]*$")
_TASK_MARKER = re.compile(r"^\[([ xX])\]\s+")
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


class ParseLimitError(ValueError):
    """The document exceeds a configured structural limit (columns, nesting)."""

    def __init__(self, reason_code: str, message: str) -> None:
        super().__init__(message)
        self.reason_code = reason_code


# --------------------------------------------------------------------------- segmentation


def _lead(line: str) -> str:
    """First character after the indentation: a cheap test that rules out most block syntax."""
    return line.lstrip(" \t")[:1]


def _is_table_row(line: str) -> bool:
    return "|" in line and _UNESCAPED_PIPE.search(line) is not None


def _is_list_item(line: str, lead: str) -> bool:
    return (lead in "-+*" or lead.isdigit()) and lead != "" and _LIST_ITEM.match(line) is not None


def _is_delimiter_row(line: str) -> bool:
    return "-" in line and _lead(line) in "|:-" and _DELIMITER_ROW.match(line) is not None


def _is_setext_underline(line: str) -> bool:
    return _lead(line) in ("=", "-") and _SETEXT_UNDERLINE.match(line) is not None


def _is_block_line(line: str) -> bool:
    """A line that opens a non-paragraph block, so it never continues prose."""
    lead = _lead(line)
    if not lead or lead.isalpha():  # prose: no list marker, heading, quote, fence, rule or table
        return False
    return bool(
        _LIST_ITEM.match(line) or _BLOCK_START.match(line) or _THEMATIC_BREAK.match(line) or line.startswith("|")
    )


def _strip_closing(text: str) -> str:
    return text.rstrip().rstrip(_CLOSING).rstrip()


def _ends_sentence(line: str) -> bool:
    stripped = _strip_closing(line)
    return not stripped or stripped[-1] in _SENTENCE_END


def _looks_like_title(line: str, limits: ParseLimits) -> bool:
    """A short line without closing punctuation that does not end mid-phrase."""
    text = line.strip()
    if not text or len(text) > limits.max_title_chars or line[:1] in " \t":
        return False
    if _is_block_line(text) or _ends_sentence(text):
        return False
    words = text.split()
    if len(words) > limits.max_title_words:
        return False
    first = text.lstrip("*_\"'“‘[(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    last = words[-1].strip(_CLOSING).lower()
    return last not in _CONTINUATION_WORDS


def _starts_like_new_sentence(line: str) -> bool:
    first = line.lstrip().lstrip("*_\"'“‘[(")[:1]
    return not first.isalpha() or first.isupper()


@dataclass(slots=True)
class Segmented:
    text: str
    line_of: list[int]  # 1-based source line of every segmented line
    bare_titles: frozenset[int]  # segmented line indexes that are bare title lines
    bold_titles: frozenset[int]


def segment_blocks(lines: list[str], limits: ParseLimits) -> Segmented:
    """Insert the blank lines our authors imply, mapping every line back to the source.

    Rules (CONTRACT.md): a list ends at the first line that is not a list item or
    an indented continuation; a table ends at the first line that is not a table
    row; a table header may follow a sentence directly; a bare title line or a
    whole-line bold line is a heading of its own. Fenced code and block quotes
    are left exactly as written.
    """
    out: list[str] = []
    line_of: list[int] = []
    bare: set[int] = set()
    bold: set[int] = set()
    fence: str | None = None
    in_list = in_table = False
    prev = ""  # previous source line (top level)

    def emit(text: str, source_line: int) -> None:
        out.append(text)
        line_of.append(source_line)

    def blank() -> None:
        if out and out[-1].strip():
            emit("", line_of[-1])

    n = len(lines)
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < n else ""
        if fence is not None:
            emit(line, i + 1)
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            prev = line
            continue
        lead = _lead(line)
        opening = _FENCE.match(line) if lead in ("`", "~") else None
        if opening:
            if (in_list and not line[:1].isspace()) or in_table:
                blank()
            in_list = in_table = False
            fence = opening.group(1)
            emit(line, i + 1)
            prev = line
            continue
        if not line.strip():
            in_table = False
            emit(line, i + 1)
            prev = line
            continue
        if in_table:
            if _is_table_row(line) and not _is_delimiter_row(nxt):
                emit(line, i + 1)
                prev = line
                continue
            in_table = False
            blank()
        is_item = _is_list_item(line, lead) and not _THEMATIC_BREAK.match(line)
        if in_list and not is_item and not line[:1].isspace():
            in_list = False
            blank()
        if is_item:
            if not in_list and prev.strip() and not _is_block_line(prev):
                blank()  # a list may follow a sentence directly, even "2." items
            in_list = True
            emit(line, i + 1)
            prev = line
            continue
        if in_list:  # indented continuation of an item
            emit(line, i + 1)
            prev = line
            continue
        if _is_table_row(line) and _is_delimiter_row(nxt) and _is_table_row(nxt + line) and not line.startswith(">"):
            blank()
            in_table = True
            emit(line, i + 1)
            prev = line
            continue
        if lead in ("*", "_") and _WHOLE_LINE_BOLD.match(line) and not _is_setext_underline(nxt):
            blank()
            bold.add(len(out))
            emit(line, i + 1)
            blank_after = nxt.strip() and not _is_block_line(nxt)
            if blank_after:
                emit("", i + 1)
            prev = ""
            continue
        starts_block = not prev.strip() or _is_block_line(prev) or _ends_sentence(prev) or _is_table_row(prev)
        if (
            starts_block
            and not _is_setext_underline(nxt)
            and not _is_delimiter_row(nxt)
            and _looks_like_title(line, limits)
            and (not nxt.strip() or _is_block_line(nxt) or _starts_like_new_sentence(nxt))
        ):
            blank()
            bare.add(len(out))
            emit(line, i + 1)
            if nxt.strip():
                emit("", i + 1)
            prev = ""
            continue
        emit(line, i + 1)
        prev = line
    return Segmented("\n".join(out), line_of, frozenset(bare), frozenset(bold))


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
    return " ".join("".join(parts).split())


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

    def source_line(self, token: Token) -> int:
        return self.seg.line_of[token.map[0]] if token.map else 1

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
                    self.start_section(text, kind_name, level, self.source_line(tok))
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
                self.start_section(text.rstrip(":").rstrip(), "bold", None, self.source_line(tok))
                return
            if first in self.seg.bare_titles:
                self.start_section(text, "bare", None, self.source_line(tok))
                return
        self.add_inline_to_item_or_prose(inline, text, self.source_line(tok))

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
        frame = self.lists[-1]
        self.items.append(_ItemFrame(frame, frame.n_items, self.source_line(tok), self.heading))
        frame.n_items += 1

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
                        f"table at line {self.source_line(start)} has {len(headers)} columns "
                        f"(limit {self.limits.max_table_columns})",
                    )
            elif kind == "tr_open":
                cells = []
                row_line = self.source_line(tok)
            elif kind == "inline":
                (headers if in_head else cells).append(inline_text(tok))
            elif kind == "tr_close" and not in_head:
                rows.append(TableRow(cells, row_line))
            i += 1
        self.doc.tables.append(Table(len(self.doc.tables), self.heading, headers, rows, self.source_line(start)))
        self.seen_record = True
        return i + 1


def split_lines(text: str) -> list[str]:
    """Lines as CommonMark counts them: LF, CRLF and a lone CR all end a line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def parse_document(text: str, limits: ParseLimits | None = None) -> ParsedDocument:
    """Parse one article. Raises ParseLimitError for documents beyond the limits."""
    limits = limits or ParseLimits()
    if text.startswith("\ufeff"):
        text = text[1:]
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
