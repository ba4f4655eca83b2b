"""Page furniture a PDF's text layer repeats on every page, blanked in one pass before the segmenter reads a line:
running headers (``repeated_running_header``, ``NATO Review          March 2025`` under each page's number) and
letterheads (``repeated_letterhead``, a council's ``GOBIERNO REGIONAL PIURA`` / ``CONSEJO REGIONAL`` at each page's
head). Blanked, never removed, so no line moves. The lines of a pandoc multiline table, border to border, are
cells whatever they look like: the pass finds them once (``tabled``) and exempts them from both kinds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from itertools import pairwise

from nato_briefs.reader.rules.extracted import CLOSING_STOPS, opens_fence
from nato_briefs.reader.rules.titles import RUNNING_HEADER_GAP, is_page_footer, is_running_header


def blank_page_furniture(lines: list[str], text: str, table_lines: Callable[[list[str]], AbstractSet[int]]) -> None:
    """The page-furniture pass: a PDF's running headers, then its repeated letterheads, blanked in ``lines``
    (``text``: the lines joined, for the cheap tests). ``table_lines`` finds the document's pandoc multiline
    tables' lines (``text_tables.multiline_table_lines``), exempt from both: called once at most, and only when
    one kind has something to blank and the text holds a table's border (most documents hold "---" and neither).
    The letterhead's tests see the running headers blanked first.
    """
    found: list[AbstractSet[int]] = []

    def tabled() -> AbstractSet[int]:
        """The multiline tables' lines, found at the first ask (none looked for without a border in the text)."""
        if not found:
            found.append(table_lines(lines) if "---" in text else frozenset())
        return found[0]

    if RUNNING_HEADER_GAP in text:  # a PDF's running header, known under a page number
        blank_running_headers(lines, tabled())
    head = first_sentence_line(lines)
    if may_hold_letterhead(lines, head):  # a PDF's letterhead at every page's head
        blank_repeated_letterheads(lines, tabled(), head)


# Most lines (blank ones) between a page's footer and the next page's running header (``repeated_running_header``).
MAX_FOOTER_GAP = 3


def _under_page_footer(lines: list[str], k: int) -> bool:
    """The text line nearest above line ``k`` (a few blank lines between at most) is a page's footer.

    A bare number counts only set apart from the text above it by a blank line, as a page's number is: one
    glued under a line of text is a cell or a line of that text (``0`` wrapped under its column in a pandoc
    multiline table's row).
    """
    for j in range(k - 1, max(-1, k - 2 - MAX_FOOTER_GAP), -1):
        body = lines[j].strip(" \t")
        if body:
            apart = j == 0 or not lines[j - 1].strip(" \t") or not body.isdigit()
            return apart and is_page_footer(body)
    return False


def blank_running_headers(lines: list[str], tabled: AbstractSet[int] = frozenset()) -> None:
    """Every line of a PDF's running header, blank (``repeated_running_header``): page furniture, never prose.

    Each page of a PDF's text layer opens with the same header (``NATO Review          March 2025``, its parts
    set apart by a wide gap), the first page's at the document's top. One standing right under a page's footer
    (its number) is known for the running header; that text, wherever it stands, is then blanked, so no line
    moves. Near misses: a gapped line under no page number (a dateline, an aligned table's row), a line
    only like the header (another date) and a footer's own gapped line (``... Page 2 of 2``) stay. The lines
    ``tabled`` (a pandoc multiline table's, border to border) are its cells, whatever they look like: none is
    a running header nor blanked as one (a row ``0        P. 0`` is no page's footer, ``0        A`` under it
    no header).
    """
    gapped = [k for k, line in enumerate(lines) if RUNNING_HEADER_GAP in line and k not in tabled]  # one walk
    headers = {
        lines[k].strip(" \t")
        for k in gapped
        if k >= 1
        and is_running_header(lines[k])
        and not is_page_footer(lines[k].strip(" \t"))  # "NATO UNCLASSIFIED      Page 2 of 2": a footer's line
        and _under_page_footer(lines, k)
    }
    if headers:
        for k in gapped:
            if lines[k].strip(" \t") in headers:
                lines[k] = ""


# Longest line of the letterhead a PDF repeats at the head of every page (``repeated_letterhead``).
MAX_LETTERHEAD_CHARS = 80
# Fewest lines between two heads of page: a pair repeated closer is a flattened table's header, no letterhead.
MIN_PAGE_LINES = 12


def _letterhead_line(line: str) -> bool:
    """A line a letterhead may hold: short, at the margin, opening with a capital, no closing stop, no cell."""
    body = line.strip(" \t")
    return (
        0 < len(body) <= MAX_LETTERHEAD_CHARS
        and line[:1] not in (" ", "\t")
        and body[:1].isupper()
        and body[-1] not in CLOSING_STOPS
        and body[-1] not in ",;"
        and "|" not in body
    )


# Fewest words of a sentence that says the document's text has begun, its head over (``repeated_letterhead``).
MIN_SENTENCE_WORDS = 6


# Fewest characters of a Chinese or Japanese sentence that says the same (its words are not spaced apart).
MIN_CJK_SENTENCE_CHARS = 10
# A Chinese or Japanese sentence's closing stop: "。", "；", "：", "！", "？".
_CJK_STOPS = frozenset("。；：！？")


def first_sentence_line(lines: Sequence[str]) -> int:
    """The index of the document's first line that ends a sentence of six words or more (its length when none).

    A Chinese or Japanese sentence counts too: a full-width stop ending ten characters or more (``cjk_sentence``,
    sweep 18). Counted in words only, a Chinese document had no first sentence, so a template's labels it repeats
    in every task (``Solution name 方案名称`` / ``Description 方案描述``) were read as a letterhead and blanked.
    """
    for k, line in enumerate(lines):
        body = line.rstrip(" \t*_”\"')」』）")
        if body[-1:] in (".", ";", ":", "!", "?") and len(body.split()) >= MIN_SENTENCE_WORDS:
            return k
        if body[-1:] in _CJK_STOPS and len(body.strip(" \t")) >= MIN_CJK_SENTENCE_CHARS:
            return k
    return len(lines)


def letterhead_pairs(
    lines: Sequence[str], tabled: AbstractSet[int] = frozenset()
) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """Where each pair of letterhead lines stands: a line and the next one, right under it or one blank line
    down, outside code fences and the lines ``tabled`` (a table's cells); a text line of another kind between
    them breaks the pair."""
    pairs: dict[tuple[str, str], list[tuple[int, int]]] = {}
    fenced, last = False, -3
    for k, line in enumerate(lines):
        if opens_fence(line):
            fenced = not fenced
        if fenced or k in tabled or not _letterhead_line(line):
            last = -3 if fenced or line.strip(" \t") else last
            continue
        if k - last <= 2:
            pairs.setdefault((lines[last].strip(" \t"), line.strip(" \t")), []).append((last, k))
        last = k
    return pairs


def may_hold_letterhead(lines: Sequence[str], head: int | None = None) -> bool:
    """A pair of letterhead lines above the document's first sentence (``head``, ``first_sentence_line``'s), where a
    letterhead's first copy stands (a pair's lines are two apart at most): the cheap test before
    ``blank_repeated_letterheads`` walks the whole document, and before the page-furniture pass finds the tables'
    lines it needs. Tables aside, so a yes may blank nothing."""
    head = first_sentence_line(lines) if head is None else head
    return bool(letterhead_pairs(lines[: head + 3]))


def blank_repeated_letterheads(
    lines: list[str], tabled: AbstractSet[int] = frozenset(), head: int | None = None
) -> None:
    """Every page's letterhead but the first, blank (``repeated_letterhead``): page furniture, never prose.

    A council's agreement or a ministry's decree printed on letterhead paper and put through a PDF's text layer
    repeats the letterhead at the head of every page (``GOBIERNO REGIONAL PIURA`` / ``CONSEJO REGIONAL`` /
    ``ACUERDO DE CONSEJO REGIONAL N° 2570 - 2025/GRP-CR``), often between the two halves of a sentence; each
    repeat read as bare titles that cut the text into sections. Two such lines, one right under the other (a
    blank line between at most), that stand so again further down are the letterhead: the first time it is the
    document's head and stays; every later time its lines are blanked, so no line moves. Near misses: one line
    repeated alone (``Background`` heading two parts), a pair written once, a pair with text between its lines,
    lines that end a sentence or hold a table's cells, a pair repeated within a page's length (a table
    flattened a cell a line repeats its header ``Peso (Libras)`` / ``Ruido (EPNdb)`` every few lines), and a pair
    first written below the document's first sentence (a budget decree's ``DE LA: En Soles`` and ``A LA: En
    Soles`` blocks both list ``SECCION PRIMERA : Gobierno Central`` / ``PLIEGO 009 : ...``: text, no letterhead).
    The lines ``tabled`` (a pandoc multiline table's, border to border) are cells, never a letterhead: a last row
    repeating the header's wrapped lines stays. ``head``: the document's first sentence (``first_sentence_line``).
    """
    head = first_sentence_line(lines) if head is None else head
    for places in letterhead_pairs(lines, tabled).values():
        if len(places) < 2 or places[0][0] > head or any(b[0] - a[0] < MIN_PAGE_LINES for a, b in pairwise(places)):
            continue
        for above, below in places[1:]:
            lines[above] = lines[below] = ""
