"""The seeds re-rendered as other tools write them (session 16, tests/test_rerender.py): wraps, numerals, HTML lines.

Found by the invariance test, which reads each seed rewritten in shapes authors and tools produce and
requires the seed's records back: a hard wrap that ends a line where the next word would still have fit
(the author's line end, not the wrap's), a wrapped line of names that looks like Title Case, hard-wrapped
``I.``/``A.`` items, ``(i)`` opening a roman-numbered list, header, delimiter and body rows an e-mail client
cut where no rule joined them yet, ``<div>•&nbsp;Item</div>`` lines, and a grid or tab-separated table
right under an item. Each rule looks at one line and a few neighbours, so it is linear in the text; the
patterns use possessive repeats (the audit in ``tests/test_reader_linear.py`` reads them).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from nato_briefs.reader.rules.breadth import pipe_cut_row
from nato_briefs.reader.rules.items import BULLET_GLYPHS
from nato_briefs.reader.rules.markup import is_title_case
from nato_briefs.reader.rules.realworld import ITEM_WRAP_MAX_SHARE
from nato_briefs.reader.rules.tables import grid_border, grid_cells, is_delimiter_row, pipe_cells, tab_fields

# Words a Title Case heading leaves lowercase (articles, prepositions, conjunctions), four letters or more;
# shorter ones are never counted. Any other lowercase word is content a Title Case heading capitalises.
# Not ``lines.CONTINUATION_WORDS`` (a line's last word): Title Case capitalises ``would``, ``their``; not ``beyond``.
TITLE_SMALL_WORDS = frozenset(
    "about above across after against along amid amidst among amongst around before behind below beneath "
    "beside besides between beyond despite down during except from inside into like near nor onto "
    "opposite outside over past per since than that then this through throughout till toward towards under "
    "underneath unlike until unto upon versus with within without when where while whether both either "
    "neither".split()
)
# The fewest words of a line a wrap broke short of a long link (``long_word_wrap``): a sentence's, not a label's.
_MIN_WRAPPED_WORDS = 6
# A lowercase word of a Title Case check: letters only, four or more (apostrophes and hyphens inside allowed).
_WORD = re.compile(r"[a-z][a-z'’-]{3,}+")


def next_word_fits(line: str, nxt: str, width: int | None) -> bool:
    """``- Promoting resilience ... threats`` (60 columns) over ``A summary of ...`` in a text wrapped at 64: the
    first word below would still have fit on the line, so no wrap ended it; its author did (``unforced_break``).

    An e-mail client or ``fmt`` breaks a line only before a word that would run past the width. ``width`` is
    the column the wrap broke at (``longest_wrapped_line``), None where the document is not hard-wrapped.
    Near miss: ``... NATO Support and Procurement`` over ``Agency as ...``, which ``Agency`` would have pushed
    past the width: the line was wrapped.
    """
    if width is None:
        return False
    words = nxt.split(None, 1)
    return bool(words) and len(line.rstrip()) + 1 + len(words[0]) <= width


def broken_before_long_word(line: str, nxt: str, width: int | None) -> bool:
    """``This issue is similar to both the earlier issues`` over ``[NCIA-2024-0042](https://...) and``: the
    link below, one word to a wrapping editor, would have run past the width, so the wrap broke the line short
    of it (``long_word_wrap``, sweep 14). The line runs on, however short it looks; a title over a long link
    is sentence-long only when it is a sentence.

    ``width`` is the column the wrap broke at (``longest_wrapped_line``). Only a line of six words or more that
    is no Title Case heading counts: ``Key Documents`` over a long link heads it.
    """
    if width is None or len(line.split()) < _MIN_WRAPPED_WORDS or is_title_case(line):
        return False
    return bool(nxt.strip()) and not next_word_fits(line, nxt, width)


def longest_wrapped_line(lines: Sequence[str], width: int) -> int:
    """The longest line of a hard-wrapped article within ``ITEM_WRAP_MAX_SHARE`` of its ``wrap_width``: the column
    its wrap broke at, as ``next_word_fits`` needs it (``unforced_break``).

    ``wrap_width`` takes a typical long line (the 90th percentile), a column or two short of where the wrap
    broke; a word that fits in those columns was still left on the line. Longer lines (headings and rows
    left whole) are not the wrap's. Never less than ``width``.
    """
    limit = ITEM_WRAP_MAX_SHARE * width
    return max([width, *(n for line in lines if (n := len(line.rstrip(" \t"))) <= limit)])


def has_lowercase_content_word(text: str) -> bool:
    """``The visit of NATO Deputy Secretary General to the United``: a lowercase word of four letters or more
    that Title Case would capitalise (``visit``), so the line is a sentence with names in it, not a heading
    (``lowercase_content_word``). Near miss: ``Commitment to Deepening Partnership Amid Emerging Global Threats``,
    ``Allies Meet with Partners from the Pacific`` (only articles, prepositions and conjunctions in lowercase).
    """
    for token in text.split():
        word = token.strip("\"'“”‘’()[]{},.;:!?*_")
        if _WORD.fullmatch(word) is not None and word not in TITLE_SMALL_WORDS:
            return True
    return False


def wrapped_name_line(line: str, nxt: str, width: int | None) -> bool:
    """A line of a hard-wrapped article that only looks like Title Case, because names fill it: it runs on
    into the line below (``wrapped_name_line``).

    ``The visit of NATO Deputy Secretary General to the United`` over ``States underscores ...`` in a text
    wrapped at 60: most of its long words are capitalised, yet ``visit`` is not, and the first word below
    would have run past the width, so the wrap ended the line. Near misses: a Title Case heading whose
    lowercase words are all small words (``... Partnership Amid Emerging Global Threats``), and a line whose
    next word would have fit (the author ended it: a heading over its paragraph).
    """
    return (
        width is not None
        and bool(nxt.strip())
        and not next_word_fits(line, nxt, width)
        and has_lowercase_content_word(line)
    )


# One roman numeral of one letter in parentheses: "(i)" opens a roman list as "(ii)" goes on with one.
_ONE_LETTER_NUMERALS = ("(i)", "(v)", "(x)")


def paren_numeral_style(glyph: str, sibling_style: str | None) -> str | None:
    """``(i)`` over ``(ii)`` and ``(iii)``: a roman numeral, the same style as ``(ii)`` (``paren_roman``); the
    style (``"(i)"`` or ``"(a)"``) when the glyph is a one-letter numeral, else None.

    Read as a letter, ``(i)`` and ``(ii)`` were two styles, so two lists. As ``i.`` (``lettered_run``): in an
    open lettered list (its last item ``(h)``) ``(i)`` is the next letter. Near miss: ``(h)``, ``(j)`` are
    letters.
    """
    if glyph not in _ONE_LETTER_NUMERALS:
        return None
    return "(a)" if sibling_style == "(a)" else "(i)"


def _delimiter_piece(text: str) -> bool:
    """``------------------------------ |``: the end of a delimiter row an e-mail client cut (dashes, colons, pipes)."""
    body = text.strip(" \t")
    return body[-1:] == "|" and not body.strip("|-: \t")


def cut_header_row(line: str, nxt: str, below: str, after: str) -> str | None:
    """``| Strategic Focus | Priority Area | Expected`` over ``Outcome |`` over ``|---|---|---|``: a header row an
    e-mail client cut, joined (``cut_header_row``), or None.

    Cut inside a cell, before a pipe (``| Priority Area | Key Focus`` over ``| Expected Outcome |``) or before
    the closing pipe (a line holding only ``|``), as ``wrapped_row`` and ``pipe_cut_row``
    read a body row; the joined header has as many cells as the delimiter row under it, counted with the
    delimiter row's own cut end (``after``, dashes and a pipe) when the client cut that too. Near misses: a
    header whose pieces make more or fewer cells than the rule, two whole rows over a delimiter row.
    """
    row, rest = line.strip(" \t"), nxt.strip(" \t")
    if row[:1] != "|" or rest[-1:] != "|" or not is_delimiter_row(below):
        return None
    if row[-1:] == "|" and rest[:1] == "|":
        return None  # two whole rows
    delimiter = f"{below.rstrip()} {after.strip()}" if _delimiter_piece(after) else below
    width = len(pipe_cells(delimiter if is_delimiter_row(delimiter) else below))
    joined = f"{line.rstrip()} {rest}"
    return joined if len(pipe_cells(joined)) == width else None


def cut_delimiter_row(line: str, nxt: str, above: str) -> bool:
    """``| ----- | ----- |`` over ``----- |`` under a header of three cells: a delimiter row an e-mail client cut
    (an aligned table's rule is as long as its widest row), which the row joiners then join as a body row's
    (``cut_delimiter_row``); cut before its closing pipe, the pipe alone below. Near misses: a whole delimiter
    row (as many cells as the header: the table's own, or a new table's under a new header), pieces that add
    up to more or fewer cells.
    """
    if not is_delimiter_row(line) or not _delimiter_piece(nxt) or nxt[:1] in (" ", "\t"):
        return False
    width = len(pipe_cells(above))
    joined = f"{line.rstrip()} {nxt.strip()}"
    cut = len(pipe_cells(line)) < width or (nxt.strip() == "|" and line.rstrip(" \t")[-1:] != "|")
    return cut and is_delimiter_row(joined) and len(pipe_cells(joined)) == width


# The opening tag of a <p> or <div> element at a line's start, attributes and all.
_OPEN_ELEMENT = re.compile(r"[ \t]{0,3}+<(p|div)(?:[ \t][^<>]{0,300}+)?+>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,300}+>")


def glyph_element(line: str) -> str | None:
    """The tag (``p``, ``div``) of a line that is one element whose text opens with a bullet glyph and a blank
    (``<div>•&nbsp;Strengthening ...</div>``, ``<p>&bull; Ports</p>``), or None."""
    match = _OPEN_ELEMENT.match(line)
    if match is None:
        return None
    tag = match.group(1).lower()
    body = line.rstrip(" \t")
    if body[-len(tag) - 3 :].lower() != f"</{tag}>":
        return None
    text = html.unescape(_TAG.sub("", body[match.end() : -len(tag) - 3])).lstrip()
    return tag if text[:1] in BULLET_GLYPHS and text[1:2].isspace() else None


def glyph_elements_run(line: str, nxt: str) -> bool:
    """``<div>•&nbsp;Cyber</div>`` right over ``<div>•&nbsp;Space</div>``: one HTML block, so one list
    (``glyph_element_run``).

    A mail composer's typed bullets (Gmail, Apple Mail) and a Word paragraph with a typed ``·`` are one
    element a line; read one block a line, every item was a list of its own. Elements of one tag, each a
    bullet line, run on, as Word's list paragraphs do (``word_list_run``). Near misses: a bullet element over
    a prose element (``<div>Regards</div>``), a ``<p>`` bullet over a ``<div>`` one.
    """
    tag = glyph_element(line)
    return tag is not None and glyph_element(nxt) == tag


def opens_grid_table(line: str, nxt: str) -> bool:
    """``+-----+-----+`` at the margin over ``| Focus Area | ... |`` right under an item: a grid table's top border,
    which ends the list (``grid_after_list``).

    Pandoc writes a grid table after a list (a blank line between); a line-by-line author pastes one right
    under the last item. The contract's list ends at a line that is no item and does not continue one (not
    indented, not lowercase), and a border is neither. Near misses: an indented border (inside the item), a
    border over a line of other cells than it has columns.
    """
    if line[:1] != "+" or grid_border(line) != "-":
        return False
    return grid_cells(nxt, line.rstrip(" \t").count("+") - 1) is not None


def is_wrapped_item_line(line: str) -> bool:
    """An item's wrapped line by the contract's rule: indented, or opening lowercase (a blank is none).

    The line alone; ``_Segmenter.continues_item`` weighs more (the line above, the lead behind markup).
    """
    return bool(line.strip()) and (line[:1] in (" ", "\t") or line[:1].islower())


def tab_row_under_item(line: str, nxt: str) -> bool:
    """``Focus Area<TAB>Key Initiative<TAB>Expected Outcome`` at the margin right under an item, over a row of as
    many tab-separated cells: a pasted spreadsheet, which ends the list (``tsv_after_item``).

    An item's wrapped line is indented or opens lowercase (the contract's wrapped-item rule), so a
    capitalised tab row at the margin does not continue the item. Near misses: an indented or lowercase tab
    line (the item's), a tab line over a line of other cells.
    """
    if is_wrapped_item_line(line):
        return False
    fields, below = tab_fields(line), tab_fields(nxt)
    return fields is not None and below is not None and len(fields) == len(below)


# Most wrapped lines of one item looked past for the next item of a numbered run (``wrapped_run``).
MAX_WRAPPED_ITEM_LINES = 3


def run_neighbours(lines: Sequence[str], i: int) -> tuple[str, str]:
    """The lines above and below line ``i`` that a numbered run's neighbours are sought in, past wrapped lines
    (``wrapped_run``): ``I. Joint exercises: ... to bolster`` over ``interoperability.`` over ``II. Technological
    ...``, hard-wrapped, is a run of ``I.`` and ``II.`` as it is unwrapped.

    Upward, the first line that is no wrapped line (at most ``MAX_WRAPPED_ITEM_LINES`` up, the item it
    continues); downward, the first line past this item's wrapped lines. '' where none is in reach. Near miss:
    a capitalised line between (a paragraph) stops the search, so ``I.`` over prose over ``II.`` is no run.
    """
    above = ""
    for j in range(i - 1, max(-1, i - 2 - MAX_WRAPPED_ITEM_LINES), -1):
        if not is_wrapped_item_line(lines[j]):
            above = lines[j]
            break
    below = ""
    for j in range(i + 1, min(len(lines), i + 2 + MAX_WRAPPED_ITEM_LINES)):
        if not is_wrapped_item_line(lines[j]):
            below = lines[j]
            break
    return above, below


RERENDERED_RULES = {
    "unforced_break": next_word_fits,  # "- ... threats" over "A summary ...", "A" fitting: the item ends there
    "long_word_wrap": broken_before_long_word,  # "... the earlier issues" over "[NCIA-...](https://...) and"
    "lowercase_content_word": has_lowercase_content_word,  # "The visit of NATO ...": "visit" is no Title Case word
    "wrapped_name_line": wrapped_name_line,  # "The visit of NATO Deputy ... the United" over "States ...": wrapped
    "paren_roman": paren_numeral_style,  # "(i)" over "(ii)": one roman-numbered list
    "closing_pipe_row": pipe_cut_row,  # "| a | b | c" over "|": one row (the last pipe cut off: ``pipe_cut_row``)
    "cut_header_row": cut_header_row,  # "| a | b | Expected" over "Outcome |" over "|---|---|---|": one header
    "cut_delimiter_row": cut_delimiter_row,  # "| --- | --- |" over "--- |" under three cells: one rule
    "wrapped_run": run_neighbours,  # "I. ... to" over "bolster ..." over "II. ...": a numbered run, wrapped
    "glyph_element_run": glyph_elements_run,  # "<div>•&nbsp;a</div>" over "<div>•&nbsp;b</div>": one list
    "grid_after_list": opens_grid_table,  # "- item" over "+---+---+": the list ends, a grid table opens
    "tsv_after_item": tab_row_under_item,  # "- item" over "Area<TAB>Focus<TAB>Outcome": the list ends, a table opens
}
