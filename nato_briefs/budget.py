"""A cost budget per document, checked on the decoded text before markdown-it sees it.

markdown-it builds a Python object per token: about 1 kB of heap per table
cell once the domain layer has copied it. A 4 MB table of 1,000 columns x
2,000 rows peaked at 2.25 GB, and a worker may take one such file at a time.
A cheap pre-scan (C-level ``str.count`` over the text, then one pass over its
lines when the text is large enough to matter) estimates what the parse would
build, and a document over the budget is quarantined instead:

- ``too_many_cells``: a table, or all tables of the document, with more cells
  than ``max_table_cells`` / ``max_document_cells``. A table starts at a line
  holding a ``|`` and runs to the next blank line (GFM rows need no pipe, and
  markdown-it pads every row to the header's width); a row counts as
  max(its pipes + 1, the first line's pipes + 1) cells: an upper bound of
  what markdown-it builds (escaped pipes count too).
- ``too_costly``: more estimated tokens than ``max_parse_tokens`` (every non-blank
  line at least three: the reader makes most lines a block of their own, open,
  inline and close; a line the reader may read as a list item about six,
  whether markdown's ``-``/``1.`` or a ``•``/``(a)``/``iv.`` of plain text;
  a short line it may read as a bare title eight;
  a blank line one; each inline marker one, an image opener ``![`` four; and
  one per 16 characters of text, for the prose stage after the parse), or
  more nesting work than ``max_nesting_work`` (characters x the container
  depth of their line: markdown-it re-reads a line once per enclosing list or
  quote).

The estimates are upper bounds for the memory and time the parse costs, not
exact counts; the defaults sit far above any real article (the largest sample
is about 4,000 tokens) and well below what takes a worker past 500 MB.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nato_briefs.config import IngestLimits, ParseLimits
from nato_briefs.reader.rules.items import TAB_BULLET_GLYPHS
from nato_briefs.vocab import ReasonCode

_INLINE_MARKERS = "*_`[<~\\&!"  # each may open an inline token (emphasis, code, link, html, entity...)
# An image opener "![" (two markers) costs markdown-it about four tokens' work: its label scan re-reads
# up to 20 nested labels. At two, 250,000 of them (500 kB) passed the budget, and 100,000 took 6.4 CPU s.
_IMAGE_EXTRA_TOKENS = 2
# Text itself costs work after the parse (sentences, statements, places: ~1.2 us and ~40 bytes a character),
# whatever its lines: one token's worth (~18 us, ~800 bytes) per 16 characters. Uncounted, plain prose passed
# up to max_file_bytes: 16 MB of paragraphs took 19.8 CPU s and 658 MB; now at most ~8 MB, ~9 s.
_CHARS_PER_TOKEN = 16
_LIST_ITEM_TOKENS = 6  # list_item_open, paragraph_open, inline, paragraph_close, list_item_close, + list open/close
_CELL_TOKENS = 3  # td_open, inline, td_close
# A blank line (or one of quote markers only) builds no token, but markdown-it and the segmenter still
# walk it: ~6 us and ~200 bytes each. Skipped uncounted, 4,000,000 of them (4 MB) passed the budget and
# took 23 CPU s and 863 MB; counted as one token each, at most 500,000 pass (~3 s).
_BLANK_TOKENS = 1
_BLOCK_TOKENS = 3  # paragraph or heading: open, inline, close (the reader gives most lines a block of their own)
# A short line that does not start in lower case nor end a sentence is tried as a bare title (``looks_like_title``
# and its ~20 never-a-title rules) and, as one, becomes a heading and a section record of its own: ~115 us and
# ~2.5 kB each, against ~40 us for a prose line. Counted at a block's 3 tokens, 150,000 "NATO" lines (750 kB)
# passed the budget and took 15.6 CPU s and 440 MB; at 8, at most ~62,000 pass (~7 s).
_TITLE_TOKENS = 8
_SENTENCE_ENDS = ".!?…"
_MOST_TOKENS_A_LINE = max(_LIST_ITEM_TOKENS, _TITLE_TOKENS, _BLOCK_TOKENS)
# A line the reader may turn into a list item: a markdown marker, any other leading symbol (•, ◦, –, ▪...)
# or an enumerator of plain text ("(a) ", "viii. ", "2) "), or a bullet the reader takes only before a tab or two
# spaces (``TAB_BULLET_GLYPHS``: Word's pasted "o", its Wingdings "Ø" and "ü"), read from the reader's own set.
# Counting these at a block's 3 tokens let 480,000 "• a" lines (2.9 MB) through the budget: 1.1 GB peak RSS
# and 35 s in one worker. A superset of the reader's item rules (reader/rules/items.py ``match_item``), kept to one
# C-level match per line; a test fails when the reader learns an item shape this does not count.
# Enumerators of any script ("а) ", "β. ") and the enclosed numbers Unicode counts as word characters ("① ", "⒈ ",
# "❶ ": Enclosed Alphanumerics, Dingbats, Enclosed CJK) count too.
_ITEM_LIKE = re.compile(
    r"\d|[^\w\s]|\(?+\w{1,5}+[.)](?:[ \t]|$)|[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]"
    + f"|[{re.escape(''.join(sorted(TAB_BULLET_GLYPHS)))}](?:\\t|  )"
)
# Indentation opens at most this many list levels (the parser's own limit, ParseLimits.max_list_depth):
# deeper indentation is code-block text, read once.
_MAX_INDENT_DEPTH = 100
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")  # CommonMark's line ends; lazily, one line at a time


@dataclass(frozen=True)
class OverBudget:
    reason_code: str  # too_many_cells | too_costly
    reason: str


def check_budget(text: str, limits: IngestLimits, parse_limits: ParseLimits | None = None) -> OverBudget | None:
    """None when parsing ``text`` stays within the budget, else why not (stops at the first excess).

    ``parse_limits`` are those the parse will use: a line up to their ``max_title_chars`` may become a
    bare title, so a run configured with longer titles counts longer lines at a title's tokens.
    """
    n_chars, n_lines, pipes = len(text), text.count("\n") + text.count("\r") + 1, text.count("|")
    prose = n_chars // _CHARS_PER_TOKEN
    if _surely_within(n_chars, n_lines, pipes, n_chars + prose, limits):
        return None  # a typical article (tens of kB): three counts, ~1% of its parse
    if prose > limits.max_parse_tokens:
        return _too_costly(f"{prose:,} tokens' work for {n_chars:,} characters of text", limits)
    markers = sum(text.count(c) for c in _INLINE_MARKERS) + _IMAGE_EXTRA_TOKENS * text.count("![")
    if _surely_within(n_chars, n_lines, pipes, markers + prose, limits):
        return None  # no line-by-line pass
    if markers + prose > limits.max_parse_tokens:
        return _too_costly(f"{markers:,} inline markup characters in {n_chars:,} characters of text", limits)
    return _scan_lines(text, markers + prose, limits, (parse_limits or ParseLimits()).max_title_chars)


def _surely_within(n_chars: int, n_lines: int, pipes: int, markers: int, limits: IngestLimits) -> bool:
    """Bounds that hold whatever the lines look like.

    A table needs a pipe in its header line, and no row is wider than the widest
    header (pipes + 1), whatever its own pipes: at most ``n_lines`` rows of that.
    """
    cells = 0 if not pipes else n_lines * (pipes + 1)
    tokens = n_lines * _MOST_TOKENS_A_LINE + cells * _CELL_TOKENS + markers
    nesting = n_chars * (1 + n_chars // 2)  # depth is at most half the characters before a line's text
    return (
        cells <= min(limits.max_table_cells, limits.max_document_cells)
        and tokens <= limits.max_parse_tokens
        and nesting <= limits.max_nesting_work
    )


def _scan_lines(text: str, tokens: int, limits: IngestLimits, title_chars: int) -> OverBudget | None:
    table_cells = document_cells = nesting = header_cells = 0
    table_line = 0
    for number, match in enumerate(_LINE.finditer(text), start=1):
        line = match.group(1)
        body = line.lstrip(" \t>")
        prefix = len(line) - len(body)
        quotes = line.count(">", 0, prefix)
        depth = quotes + min((prefix - quotes) // 2, _MAX_INDENT_DEPTH)
        nesting += len(line) * (1 + depth)
        if not body.strip():
            table_cells = table_line = 0  # a blank line ends any table
            tokens += _BLANK_TOKENS
        else:
            pipes = line.count("|")
            if pipes and not table_line:
                table_line, header_cells = number, pipes + 1
            if table_line:  # every non-blank line after a table's first is a row, padded to the header's width
                cells = max(pipes + 1, header_cells)
                table_cells += cells
                document_cells += cells
                tokens += cells * _CELL_TOKENS
                over = _over_cells(table_cells, document_cells, table_line, number, limits)
                if over is not None:
                    return over
            tokens += _line_tokens(body, title_chars)
        if tokens > limits.max_parse_tokens:
            return _too_costly(
                f"more than {limits.max_parse_tokens:,} markdown tokens by line {number}, "
                f"counting lines, markup and {len(text):,} characters of text",
                limits,
            )
        if nesting > limits.max_nesting_work:
            return OverBudget(
                ReasonCode.TOO_COSTLY,
                f"nesting work over {limits.max_nesting_work:,} (characters x list/quote depth) by line "
                f"{number}; not parsed",
            )
    return None


def _line_tokens(body: str, title_chars: int) -> int:
    """Tokens the reader may build of one non-blank line (its blanks and quote markers stripped)."""
    return _LIST_ITEM_TOKENS if item_like(body) else _TITLE_TOKENS if title_like(body, title_chars) else _BLOCK_TOKENS


def item_like(body: str) -> bool:
    """Whether the budget counts a line (its blanks and quote markers stripped) at a list item's tokens."""
    return _ITEM_LIKE.match(body) is not None


def title_like(body: str, max_chars: int = ParseLimits().max_title_chars) -> bool:
    """Whether the budget counts a line (not item-like) at a heading's tokens: the reader may try it as a bare
    title. A superset of ``reader.lines.looks_like_title``'s cheap tests; a test fails when a title escapes it."""
    text = body.rstrip()
    return len(text) <= max_chars and not text[:1].islower() and text[-1:] not in _SENTENCE_ENDS


def _over_cells(table: int, document: int, first_line: int, line: int, limits: IngestLimits) -> OverBudget | None:
    if table > limits.max_table_cells:
        return OverBudget(
            ReasonCode.TOO_MANY_CELLS,
            f"table at line {first_line} has more than {limits.max_table_cells:,} cells "
            f"({table:,} by line {line}); not parsed",
        )
    if document > limits.max_document_cells:
        return OverBudget(
            ReasonCode.TOO_MANY_CELLS,
            f"tables hold more than {limits.max_document_cells:,} cells in all ({document:,} by line {line}); "
            "not parsed",
        )
    return None


def _too_costly(what: str, limits: IngestLimits) -> OverBudget:
    limit = f"limit {limits.max_parse_tokens:,} tokens"
    return OverBudget(ReasonCode.TOO_COSTLY, f"parsing would build {what} ({limit}); not parsed")
