"""Shapes of documents converted from PDFs and of static-site sources (real-world sweep 12, bench/REALWORLD.md).

A council's minutes and agendas run through a PDF-to-markdown converter (a blank line after every line of
the PDF's text layer, an agenda's numbers on lines of their own) and a government site's Jekyll pages (front
matter edited by hand): each writes some lines in a shape its renderer or its reader takes in stride and a
line-oriented reader takes for a title, an empty item or prose. Each rule here says how such a line reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from nato_briefs.reader.rules.items import lead_char, match_item
from nato_briefs.reader.rules.markup import is_title_case
from nato_briefs.reader.rules.wraps import wrapped_title

# Fewest line pairs set apart by one blank line that make a text double-spaced, and fewest of them whose
# sentence visibly runs on across the blank (``double_spaced``).
MIN_SPACED_PAIRS = 10
MIN_RUN_ON_PAIRS = 3
# Fewest words of a prose line, of which a double-spaced text has hardly two touching (``double_spaced``).
MIN_PROSE_WORDS = 4
# A line opening with a lowercase word: the rest of the sentence above (a URL's scheme, ``https:``, is none).
_LOWER_WORD = re.compile(r"[ \t]*+[a-zß-öø-ÿ][a-zß-öø-ÿ'’-]*+[ \t,;.]")
# What a line that leaves its sentence open may end with: a joining mark, not a stop or a colon.
_JOINING_END = frozenset(",;&/")
CLOSING_STOPS = frozenset(".!?…:")
# An agenda's number alone on its line (``10.``, ``3)``), as a PDF's text layer puts it above the item's text.
_LONE_NUMBER = re.compile(r"[ \t]{0,3}+([0-9]{1,9}+)[.)][ \t]*+")
# Digits of an agenda's number; a longer one alone on its line is a year ending a wrapped sentence (``2015.``).
MAX_AGENDA_DIGITS = 3
_FENCE = re.compile(r"[ \t]{0,3}+(?:```|~~~)")
# A word of two letters or more: what an item's text holds and a stray enumerator (``(a)``) does not.
_WORD = re.compile(r"[^\W\d_]{2}")


def opens_fence(line: str) -> bool:
    """A code fence's line (three backticks or tildes, indented three blanks at most), by a cheap test first."""
    return ("`" in line[:6] or "~" in line[:6]) and _FENCE.match(line) is not None


def _is_text_line(line: str) -> bool:
    """A line of paragraph text: not blank, no list marker, heading, quote, fence, table row, HTML or rule."""
    lead = lead_char(line)
    return bool(lead) and lead not in "#>|<`~-=*_" and line[:4] != "    " and line[:1] != "\t" and not match_item(line)


def _leaves_open(line: str) -> bool:
    """The line ends without a stop or a colon, behind closing quotes and brackets."""
    body = line.rstrip(" \t\"'”’)]")
    return bool(body) and body[-1] not in CLOSING_STOPS


def runs_across_blank(line: str, below: str, wraps: Callable[[str, str], bool]) -> bool:
    """The sentence of ``line`` goes on in ``below``, the text line under the blank line after it.

    ``line`` leaves its sentence open (no stop, no colon) and: a lowercase word opens ``below``; or ``line``
    ends in a comma, semicolon or ``&`` (``... the Director, Operations &`` over ``Training, dated ...``); or
    the two would read as one wrapped sentence were they adjacent (``wraps``: the segmenter's wrap tests, a
    full-width sentence-case line, a line ending in ``the``). A title over its text stays apart.
    """
    body = line.rstrip(" \t")
    if not _leaves_open(body):
        return False
    return body[-1] in _JOINING_END or _LOWER_WORD.match(below) is not None or wraps(body, below)


def spaced_pairs(lines: Sequence[str]) -> list[int]:
    """The blank lines standing alone between two text lines (fenced code left out), in order."""
    out: list[int] = []
    fenced = False
    for k in range(1, len(lines) - 1):
        above = lines[k - 1]
        if opens_fence(above):
            fenced = not fenced
        line = lines[k]
        if not fenced and (not line or line.isspace()) and _is_text_line(above) and _is_text_line(lines[k + 1]):
            out.append(k)
    return out


def is_double_spaced(lines: Sequence[str], pairs: Sequence[int]) -> bool:
    """A text written with a blank line after every line (``double_spaced``): a PDF's text layer, as a
    converter exports a council's minutes, each line of the page a paragraph of its own.

    ``pairs`` are its ``spaced_pairs``. At least ten of them; hardly any two text lines touch (a quarter of the
    pairs at most); and in at least three a sentence visibly runs on across the blank (``runs_across_blank``:
    ``... informative presentation and they`` over ``welcomed the initiatives ...``). Lines touching are
    counted among prose lines (four words or more): a converter's ``(Image omitted)`` lines stack. Articles
    written a paragraph a line have blank-separated pairs but never a sentence going on after the blank.
    """
    if len(pairs) < MIN_SPACED_PAIRS:
        return False
    run_ons = sum(1 for k in pairs if _LOWER_WORD.match(lines[k + 1]) and _leaves_open(lines[k - 1]))
    if run_ons < MIN_RUN_ON_PAIRS:
        return False
    touching = sum(1 for k in range(1, len(lines)) if _is_prose_line(lines[k]) and _is_prose_line(lines[k - 1]))
    return touching * 4 <= len(pairs)


def _is_prose_line(line: str) -> bool:
    """A text line of a sentence's words (four or more): not a converter's ``(Image omitted)``, a label or a name."""
    return line.count(" ") >= MIN_PROSE_WORDS - 1 and len(line.split()) >= MIN_PROSE_WORDS and _is_text_line(line)


def lone_number_lines(lines: list[str]) -> None:
    """An agenda's number or a bullet's dash alone on its line reads with its item's text, in place (``lone_number``).

    A PDF's text layer puts ``10.`` on a line of its own and the item's text (``Question submitted by ...``,
    ``**Notice of Motion ...**``) on the next text line, a blank line between: read as written, the number
    is an empty item (an initiative without a name, which validation quarantines) and the text a title.
    The number joins the text's line (its line number the item's); a number with no words under it (the
    next text line another number, ``(a)``, a heading or a list) is a marker without its item, dropped as
    enumerators are, never an empty item. A number over a line indented under it is an item with that
    content, as CommonMark reads it: left alone; so is a number right under a paragraph's line (the end of a
    wrapped sentence, ``... this time of size`` / ``8.``), which CommonMark never reads as an item (a number
    under a blank line, a rule or a heading opens one). A dash alone after a blank line (``-`` / blank /
    ``Rural Tourism.``) is a bullet read the same way; under a line it is a setext underline. Four digits or
    more alone (``2015.``) are no agenda's number but a year ending a wrapped sentence (``... held on 19th
    January,`` / ``2015.``): text, never an empty item.
    """
    fenced = False
    for k, line in enumerate(lines):
        if opens_fence(line):
            fenced = not fenced
        if fenced or not line or line[-1] not in ". )-\t":
            continue
        lone = _LONE_NUMBER.fullmatch(line)
        if lone is not None and len(lone.group(1)) > MAX_AGENDA_DIGITS:
            lines[k] = line.replace(".", "\\.", 1).replace(")", "\\)", 1)  # "... on 19th January," / "2015.": text
            continue
        above = lines[k - 1] if k else ""
        if lone is not None and not _opens_block_under(above) and not numbers_next(above, lone):
            continue  # under a paragraph line a number ends its sentence (``... of size`` / ``8.``)
        if lone is None and (line.strip(" \t") != "-" or above.strip()):
            continue  # a dash under a text line: a setext underline
        below = k + 1 if k + 1 < len(lines) and lines[k + 1].strip() else k + 2
        text = lines[below] if below < len(lines) else ""
        if below == k + 1 and text[:1] in (" ", "\t"):
            continue  # "1." over its content indented under it: an item, as written
        if (_is_text_line(text) or (text[:2] == "**" and text.rstrip()[-2:] == "**")) and _WORD.search(text):
            lines[below] = f"{line.strip()} {text.lstrip()}"
        lines[k] = ""


# A numbered item's line (``1. Brigade Lithuania: ...``), as ``lone_number`` leaves one it joined.
_NUMBERED_ITEM = re.compile(r"[ \t]{0,3}+([0-9]{1,3}+)([.)])[ \t]++\S")


def numbers_next(above: str, lone: re.Match[str]) -> bool:
    """The lone number is the next of the numbered item right above it (``lone_number_run``).

    ``pdftotext -raw`` of a hanging-indent list puts every number on its own line over its text, with no
    blank line between the items: ``1.`` / ``Brigade Lithuania: ...`` / ``2.`` / ``Air defence ...``. Once
    the first number has joined its text, ``2.`` stands under ``1. Brigade Lithuania: ...``; it goes on the
    list (the same delimiter, the next number), where under a paragraph line a lone number ends a sentence.
    """
    found = _NUMBERED_ITEM.match(above)
    number = lone.group(0).strip(" \t")
    return found is not None and number == f"{int(found.group(1)) + 1}{found.group(2)}"


def _title_block_line(line: str) -> bool:
    """A line of a two-line title block: Title Case text without a closing stop, colon or comma, no markup."""
    body = line.strip(" \t")
    return (
        bool(body)
        and body[-1] not in CLOSING_STOPS
        and body[-1] not in ",;"
        and _is_text_line(line)
        and line[:1] not in (" ", "\t")
        and is_title_case(body)
    )


def wrapped_heading_lines(lines: list[str], ends_mid: Callable[[str], bool]) -> None:
    """A hard-wrapped document's headings wrapped over two lines, each joined on its first line: ``wrapped_title``
    read over the whole document.

    A heading set in a larger font (a PDF's text layer) wraps at the column's width: ``Next Steps for the Alliance
    Ahead of the Summit in`` / ``The Hague``, a block of two Title Case lines, blank lines around it. Alone, such a
    block is as often a title over its subtitle: ``wrapped_title`` joins it only on its own sign (the upper line
    ends where no title ends: a comma, or a word that needs the next, ``ends_mid``). Here the document says which:
    when one of its two-line title blocks is such a cut title, its headings wrap, and every such block whose first
    line is the longer is one heading, with or without its own sign (``Allies Agree New Steps to Strengthen`` /
    ``Transatlantic Cooperation``). That evidence is the document's, so this reading runs once over its lines, before
    the segmenter, which asks ``wrapped_title`` block by block in its place. Called on hard-wrapped text only. The
    second line is left blank, so no line moves. Near misses: no block is a cut title (a title over its subtitle), a
    second line longer than the first, a line ending in a stop or a colon, a block of three.
    """
    blocks = [
        k
        for k in range(len(lines) - 1)
        if (k == 0 or not lines[k - 1].strip())
        and (k + 2 >= len(lines) or not lines[k + 2].strip())
        and _title_block_line(lines[k])
        and _title_block_line(lines[k + 1])
        and len(lines[k].rstrip()) >= len(lines[k + 1].rstrip())
    ]
    if not any(wrapped_title(lines[k], lines[k + 1], ends_mid(lines[k])) for k in blocks):
        return
    for k in blocks:
        lines[k] = f"{lines[k].rstrip()} {lines[k + 1].strip()}"
        lines[k + 1] = ""


def _opens_block_under(above: str) -> bool:
    """A list may open under ``above``: a blank line, a rule (a converter's ``---`` page break) or an ATX heading."""
    body = above.strip(" \t")
    if not body or body[0] == "#":
        return True
    marks = body.replace(" ", "")
    return len(marks) >= 3 and marks[0] in "-*_" and marks == marks[0] * len(marks)


# Fewest one-word field names (``layout``, ``title``, ``permalink``) that make a mapping front matter whatever
# its other keys, and the share of the keys they must hold (``odd_key``).
MIN_FIELD_KEYS = 3
FIELD_KEY_SHARE = 2 / 3


def mostly_fields(one_word: Sequence[bool]) -> bool:
    """Front matter whose keys are nearly all one-word field names, an odd key among them (``odd_key``).

    ``one_word`` says, key by key, whether it is a one-word field name. Pages edited by hand keep a field
    commented out the HTML way (``<!--date: May 31, 2019 -->``, a key ``<!--date`` to YAML) or a field named
    in words (``Related documents:``); Jekyll reads the block as metadata all the same. Three or more field
    names holding two thirds of the keys mark it; ``Key outcome: more troops`` alone between rules is a
    heading's text, and a block of capitalised phrases is no template's.
    """
    fields = sum(one_word)
    return fields >= MIN_FIELD_KEYS and fields >= FIELD_KEY_SHARE * len(one_word)


# The text of a link to the document a page was made from (``source_pointer``): "Original file", "View original",
# "Download PDF", "PDF version", "Source document".
_SOURCE_POINTER = re.compile(
    r"[*_]{0,2}+\[[ \t]*+(?:original(?:[ \t]++(?:file|document|article|pdf|version))?+|view[ \t]++original"
    r"|download(?:[ \t]++the)?+[ \t]++pdf|pdf[ \t]++version|source[ \t]++(?:file|document))[ \t]*+\]\(",
    re.IGNORECASE,
)


def is_source_pointer(text: str) -> bool:
    """A link to the file the page was converted from (``[Original file](...pdf)``), never a title.

    A converter of a council's PDFs to markdown opens every page with it, above a rule and the minutes'
    own heading: read as a bare title it became every document's title. The caller checks that the line
    is one link and nothing else (``is_link_only``).
    """
    return text[:1] in "[*_" and _SOURCE_POINTER.match(text) is not None


# Sweep 12's rules by name (``rules.RULES`` spreads them in); ``template_link_path`` and ``data_attribute`` extend
# ``template_link_target`` and ``heading_attributes`` (``rules/markup.py``), ``double_spaced``'s reading is the
# segmenter's (``Segmenter.sentence_blanks``). ``wrapped_heading_lines`` (shapes20b) is ``wrapped_title``'s reading of
# a whole hard-wrapped document and goes by that name (``rules/wraps.py``).
EXTRACTED_RULES = {
    "double_spaced": is_double_spaced,  # a blank line after every line (a PDF's text layer): a text's shape
    "double_spaced_run_on": runs_across_blank,  # "... presentation and they" / blank / "welcomed ...": one sentence
    "lone_number": lone_number_lines,  # "10." alone over "Question submitted by ...": one item
    "odd_key": mostly_fields,  # "<!--date: ...-->", "Related documents:" among field names: still front matter
    "source_pointer": is_source_pointer,  # "[Original file](x.pdf)" opening a converted page: never a title
}


# How far above a line its sentence's start may stand across a page turn: blank lines, the page's footer (marking,
# number) and the next page's header (marking, document number) (``page_turn_run_on``).
MAX_PAGE_TURN_REACH = 10


def text_over_page_turn(lines: Sequence[str], i: int, is_furniture: Callable[[str], bool]) -> str | None:
    """The text line above line ``i`` across a page turn, or None when no page furniture stands between them.

    A PDF's text copied whole keeps the foot of one page and the head of the next (``NATO UNCLASSIFIED``, ``2``,
    ``PO(2026)0117``) between the two halves of a sentence: ``... a new training centre in`` / furniture /
    ``Greece``. The caller asks whether the line found leaves its sentence open (``page_turn_run_on``): the
    line under the furniture then goes on with it, never a title. Blank lines alone are no page turn.
    """
    crossed = False
    for k in range(i - 1, max(-1, i - 1 - MAX_PAGE_TURN_REACH), -1):
        line = lines[k]
        if not line.strip(" \t"):
            continue
        if is_furniture(line):
            crossed = True
            continue
        return line if crossed else None
    return None
