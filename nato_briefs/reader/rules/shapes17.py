"""Shapes of session 17 (shapes17): articles pasted between everyday tools.

Found by tests/shapes_corpus/766-790, the seed articles as Jira Cloud, Slack, mail clients, Word and Google
Docs, Matrix clients and the Trix editor hand them on: Jira's ``{*}bold{*}`` and ``{color}`` marks, a Slack
code block's fences glued to a table's first and last rows, a quoted article whose lines the replying client
rewrapped, multilevel numbering pasted flat at the margin, a spreadsheet range pasted from its second column,
a converted table's caption row over its real header, Matrix's reply fallback, and Trix's ``<br><br>``
paragraphs. (The header wordings are data in ``header_synonyms.yaml``: ``question_header``,
``camel_case_header``.) Each rule looks at one line, its neighbours, one run of lines or one element, so it
is linear in the text; the patterns use possessive repeats (the audit in ``tests/test_reader_linear.py``
reads them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.reader.starts import LineStarts

# Jira Cloud's wiki markup writes an emphasis mark next to punctuation or a word in braces ("{*}Name{*}:",
# "{_}x{_}"), and the new editor wraps text in its default colour ("{color:#172b4d}...{color}").
_JIRA_BRACE_MARK = re.compile(r"\{([*_+\-^~?])\}")
_JIRA_COLOR = re.compile(r"\{colou?+r(?::[^{}\n]{0,40}+)?+\}")


def jira_brace_marks(line: str) -> str:
    """``* {*}Space centre{*}: expand ...`` -> ``* *Space centre*: expand ...`` (``jira_brace_marks``).

    Jira Cloud writes ``*bold*`` as ``{*}bold{*}`` where the mark touches punctuation or a word, and wraps
    paragraphs in ``{color:#172b4d}...{color}``: the braces and colour tokens are markup, read as the
    plain marks Jira means (a ``*bold*`` lead then names the item). Only in a document written in wiki
    markup (it has ``h2.`` headings); elsewhere ``{*}`` is text.
    """
    if "{" not in line:
        return line
    return _JIRA_COLOR.sub("", _JIRA_BRACE_MARK.sub(r"\1", line))


# A Slack code block copied out of a message: its fence glued to the first row ("```| Area | Focus |").
_GLUED_OPEN = re.compile(r"```(?=\|)")
# Longest table a glued fence is sought over (rows to its closing "|```").
MAX_GLUED_ROWS = 200


def glued_fence_table(lines: list[str]) -> None:
    """A table inside a code block whose fences are glued to its first and last rows, unfenced in place
    (``glued_fence_table``).

    Slack copies a message's code block with its fences on the text's own lines (three backticks glued to
    the first row, ``| Priority Area | ... |``, and to the last): the writer put the table in a code block
    to align it, and markdown read one fence to the end of the article. Only when every line from the
    opening to the closing fence is a pipe row; a fence on a line of its own stays code.
    """
    k = 0
    while k < len(lines):
        if lines[k][:4] == "```|" and _GLUED_OPEN.match(lines[k]) is not None:
            end = _glued_close(lines, k)
            if end is not None:
                lines[k] = lines[k][3:]
                lines[end] = lines[end].rstrip(" \t")[:-3]
                k = end
        k += 1


def _glued_close(lines: list[str], start: int) -> int | None:
    """The line ending a glued fence opened at ``start`` (``| ... |```), all lines between pipe rows; else None."""
    for k in range(start, min(len(lines), start + MAX_GLUED_ROWS)):
        body = lines[k].rstrip(" \t")
        if body[:1] != "|" and k > start:
            return None
        if k > start and body.endswith("|```"):
            return k
        if k == start and body.endswith("|```") and len(body) > 7:
            return None  # one line: an inline code span
    return None


# Shortest quoted line a client rewrapped: the line its tail broke off ran near the wrap width.
MIN_RAGGED_WIDTH = 60
# Longest tail the rewrap leaves on a line of its own.
MAX_RAGGED_TAIL = 40


def ragged_quote_tails(lines: list[str]) -> None:
    """A quoted line's tail that the replying client wrapped onto a line of its own, quoted again in place
    (``ragged_quote_tail``).

    A client that rewraps a reply at 72 columns breaks a ``> `` line of 76 and leaves its last words at the
    margin without the ``>``: the quote looked ended, so the article it forwards was read as a quote. The
    tail is short, opens in lowercase, sits between two quoted lines, and the line above runs near the wrap
    width without ending its sentence. A reply written between quoted lines opens as a sentence does.
    """
    for k in range(1, len(lines) - 1):
        if is_ragged_tail(lines[k - 1], lines[k], lines[k + 1]):
            lines[k] = "> " + lines[k]


def is_ragged_tail(above: str, line: str, below: str) -> bool:
    """``line`` is the tail of the quoted line ``above``, broken off by a rewrap (``ragged_quote_tail``)."""
    body = line.strip(" \t")
    if not body or len(body) > MAX_RAGGED_TAIL or not body[:1].islower() or body[:1] == ">":
        return False
    quoted = above.lstrip(" \t")
    if quoted[:1] != ">" or below.lstrip(" \t")[:1] != ">" or len(above.rstrip()) < MIN_RAGGED_WIDTH:
        return False
    return quoted.rstrip()[-1:] not in ".!?:;"


# An enumerator opening a line at the margin and the blank after: a decimal outline number ("1.1.", "1.2.3",
# group 1), or a number, a letter or a roman numeral closed by "." or ")" ("1.", "a)", "iv.": group 2).
_FLAT_ENUMERATOR = re.compile(r"(?:(\d{1,3}+(?:\.\d{1,3}+){1,3}+)\.?+|(\d{1,3}+|[a-z]|[ivx]{1,4}+)[.)])[ \t]++(?=\S)")
_ROMAN_VALUES = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
# Indentation per level the rewritten run gets: deeper than any marker of the level above.
LEVEL_INDENT = 4


def flat_outline_levels(lines: list[str]) -> None:
    """A multilevel list pasted flat at the margin, each line indented as its level in place
    (``flat_outline_levels``).

    Word's and Google Docs' multilevel numbering loses its indentation when pasted as plain text: ``1.`` /
    ``1.1.`` / ``1.1.1.`` (the number's depth is its level), or ``1)`` / ``a)`` / ``i)`` (each kind a level
    down). Read flat, the sub-items were lists of their own or a tab table. A run of enumerated lines at
    the margin is re-indented only when its levels are certain: each sub-number extends an item above and
    counts from 1 (``1.5 million`` never does), and a lettered or roman sub-run opens at ``a``/``i`` and the
    level above resumes after it with its next number.
    """
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and _FLAT_ENUMERATOR.match(lines[end]) is not None:
            end += 1
        if end - k >= 3:
            depths = outline_depths([_FLAT_ENUMERATOR.match(lines[j]) for j in range(k, end)])
            if depths is not None:
                for j, depth in zip(range(k, end), depths, strict=True):
                    match = _FLAT_ENUMERATOR.match(lines[j])
                    marker = match.group(0).rstrip(" \t")
                    lines[j] = " " * (LEVEL_INDENT * depth) + marker + " " + lines[j][match.end() :]
        k = end + 1


def outline_depths(matches: Sequence[re.Match[str] | None]) -> list[int] | None:
    """Each enumerated line's level in a flat run, or None when the levels are not certain or all are one."""
    numbers = [m.group(1) or m.group(2) for m in matches if m is not None]
    if len(numbers) != len(matches):
        return None
    if any("." in number for number in numbers):
        return _decimal_depths(numbers)
    return _kind_depths(numbers)


def _decimal_depths(numbers: list[str]) -> list[int] | None:
    """``1`` / ``1.1`` / ``1.1.1`` / ``1.2`` / ``2``: each number's depth, when each extends the one above."""
    seen: set[tuple[str, ...]] = set()
    for number in numbers:
        parts = tuple(number.split("."))
        parent, last = parts[:-1], parts[-1]
        sibling = (*parent, str(int(last) - 1)) if last.isdigit() and int(last) > 1 else None
        if (parent and parent not in seen) or (last != "1" and sibling not in seen):
            return None
        seen.add(parts)
    return [number.count(".") for number in numbers]


def _kind_depths(numbers: list[str]) -> list[int] | None:
    """``1)`` / ``a)`` / ``b)`` / ``2)`` / ``i)`` / ``3)``: a new kind of enumerator opens a level down, which
    the level above resumes after with its next value; None when nothing nests or a level does not resume."""
    stack: list[tuple[str, int]] = []  # (kind, last value) per open level
    depths: list[int] = []
    for number in numbers:
        kind, value = _kind_value(number, stack)
        levels = [level for level, (open_kind, _) in enumerate(stack) if open_kind == kind]
        if levels:
            level = levels[0]
            if value != stack[level][1] + 1:
                return None
            del stack[level + 1 :]
        else:
            if value != 1 or (stack and not depths):
                return None
            level = len(stack)
            stack.append((kind, 0))
        stack[level] = (kind, value)
        depths.append(level)
    if max(depths) == 0 or depths[-1] != 0:
        return None  # flat, or a sub-run the list never came back from
    return depths


def _kind_value(number: str, stack: list[tuple[str, int]]) -> tuple[str, int]:
    """The enumerator's kind (digit, letter, roman) and value; ``i``, ``v``, ``x`` are letters only where an
    open lettered level comes to them (``i)`` right after ``h)``)."""
    if number.isdigit():
        return "digit", int(number)
    as_letter = ord(number) - ord("a") + 1 if len(number) == 1 else 0
    letter = next((value for kind, value in stack if kind == "letter"), 0)
    if number in _ROMAN_VALUES and not (letter and as_letter == letter + 1):
        return "roman", _ROMAN_VALUES[number]
    return "letter", as_letter


def empty_first_column(lines: list[str]) -> None:
    """A spreadsheet range pasted from its second column: each row's leading tab (the empty column A) dropped in
    place (``empty_first_column``).

    Excel and Google Sheets copy a range starting at column B as rows opening with a tab; markdown reads
    lines opening with a tab as code, and the table was lost. Only a run of two lines or more, each a tab
    then three cells or more (the same number), the first holding text: a tab-indented sub-item
    (``\\t◦\\tGrid``) has two.
    """
    k = 0
    while k < len(lines):
        end, width = k, _tab_row_width(lines[k])
        while width and end < len(lines) and _tab_row_width(lines[end]) == width:
            end += 1
        if end - k >= 2:
            for j in range(k, end):
                lines[j] = lines[j][1:]
        k = max(end, k + 1)


def _tab_row_width(line: str) -> int:
    """How many cells a row opening with a tab holds after it (0 when it is no such row)."""
    if line[:1] != "\t" or line[1:2] in ("\t", " ", ""):
        return 0
    cells = line[1:].rstrip("\t \r").split("\t")
    return len(cells) if len(cells) >= 3 and cells[0][:1].isalnum() else 0


def lone_title_header(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """A pipe table headed by a merged title written once (``| Table 1: Priorities agreed | | |``), its first
    row naming the priorities' columns: that row heads the table (``lone_title_header``).

    pandoc and Word-to-markdown converters write a caption row merged across the table as its first cell and
    empty ones; the header row the author wrote is the first body row. As ``spanned_title_header`` reads
    Docling's title repeated per column. Only when that first row maps onto area, focus and outcome and a
    row stays below it: ``| Country | | |`` over data keeps its header.
    """
    return (
        len(headers) >= 2
        and any(ch.isalpha() for ch in headers[0])
        and not any(header.strip() for header in headers[1:])
        and len(rows) >= 2
        and map_headers(list(rows[0]), load_header_synonyms()) is not None
    )


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


def shapes17_lines(lines: list[str], starts: LineStarts, wiki: bool) -> None:
    """The line passes of this module, in place, each only where a line opens as it looks for."""
    if wiki and "{" in starts.text:
        lines[:] = [jira_brace_marks(line) for line in lines]
    if starts.opens("```"):
        glued_fence_table(lines)
    if starts.opens(">"):
        ragged_quote_tails(lines)
    if starts.opens("\t"):
        empty_first_column(lines)
    if starts.opens("1.", "1)"):
        flat_outline_levels(lines)


SHAPES17_RULES = {
    "jira_brace_marks": jira_brace_marks,  # "{*}Space centre{*}:", "{color:#172b4d}...{color}": Jira Cloud markup
    "glued_fence_table": glued_fence_table,  # "```| Area | ... |" ... "| ... |```": a Slack code block's table
    "ragged_quote_tail": is_ragged_tail,  # "> ... will be paid" / "from the common budget." / "> ...": still quoted
    "flat_outline_levels": flat_outline_levels,  # "1." / "1.1." / "1.1.1." or "1)" / "a)" / "i)" at the margin
    "empty_first_column": empty_first_column,  # "\tArea\tFocus\tOutcome\t": a range pasted from column B
    "lone_title_header": lone_title_header,  # "| Table 1: ... | | |" over "| **Priority Area** | ...": row 1 heads
    "reply_fallback": is_reply_fallback,  # <mx-reply>: the message replied to, hidden by Matrix clients
    "br_paragraph_title": br_paragraph_title,  # "<div>Title<br><br>Text ...": the title part is a bare title
}
