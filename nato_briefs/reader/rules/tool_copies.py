"""Articles as common tools hand them on (round 11, part D): converters' banners, LLM answers, editors' comments.

A converter writes its banner over the text (UnRTF), a chat assistant writes a table's rows as bold
``**Label:** value`` lines, an editor hides a row with an HTML comment between a table's rows. Each rule
looks at one line or the file's first lines, so it is linear in the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.reader.rules.items import Marker
from nato_briefs.reader.rules.pipeline_text import after_page_turn
from nato_briefs.reader.rules.tables import is_delimiter_row, pipe_cells

# UnRTF's text output opens with its banner: "### Translation from RTF performed by UnRTF, version 0.21.10",
# more "### ..." lines (font table, parser), then a rule of dashes over the document's own text.
_UNRTF_BANNER = "### Translation from RTF performed by UnRTF"
_DASH_RULE = re.compile(r"-{5,}+[ \t]*+")
# A bold record label (``bold_record_field``): "**Priority Area:** Cyber", "**Priority Area**: Cyber",
# "__Key Focus:__ Threat sharing"; the label as ``record_blocks`` reads one, the value after it.
_BOLD_FIELD = re.compile(r"(\*\*|__)([A-Z][^*_:\n]{0,80}+)(?::\1|\1:)[ \t]++(\S[^\n]*+)")
# An HTML comment alone on its line: "<!-- | Air Policing | More rotations | -->".
_COMMENT_LINE = re.compile(r"[ ]{0,3}+<!--(?:[^-]|-(?!->))*+-->[ \t]*+")


def unrtf_banner_end(lines: Sequence[str]) -> int:
    """How many of the file's first lines are UnRTF's banner (``unrtf_banner``): none unless line 1 opens it.

    The banner is the converter's, not the author's: read as ATX headings, its ``### font table contains
    4 fonts total`` became the title. It runs over the ``### `` lines below its first and the dash rule
    under them. A document whose first line is another ``###`` heading keeps it.
    """
    if not lines or not lines[0].startswith(_UNRTF_BANNER):
        return 0
    k = 1
    while k < len(lines) and lines[k].startswith("### "):
        k += 1
    if k < len(lines) and _DASH_RULE.fullmatch(lines[k]):
        k += 1
    return k


# RTF's control words for the characters an article's text uses, as RTF writes them (one space after a control word
# is its delimiter, not text): "\\par" ends a paragraph, "\\tab" a tab, "\\bullet" a bullet ...
_RTF_WORDS = {
    "par": "", "line": "", "tab": "\t", "bullet": "\u2022", "emdash": "\u2014", "endash": "\u2013",
    "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
}  # fmt: skip
_RTF_WORD = re.compile(r"\\(par|line|tab|bullet|emdash|endash|lquote|rquote|ldblquote|rdblquote)(?![A-Za-z0-9]) ?+")
# The formatting words RTF writes before a paragraph's text, which stand for no character ("\\pard\\plain\\f0\\fs24 "):
# paragraph and character defaults, bold/italic/underline on and off, alignment, font, size, colour, indents, spacing.
_RTF_FORMAT = re.compile(
    r"\\(?:pard|plain|ulnone|ul|b|i|q[lrcj]|f|fs|cf|li|ri|fi|sa|sb|lang)(?:-?+[0-9]{1,6}+)?+(?![A-Za-z0-9]) ?+"
)
# Most text lines of an RTF residue end in "\\par"; fewest lines that say so.
MIN_RTF_PARS = 3


def rtf_residue_lines(lines: list[str]) -> bool:
    """An RTF body pasted as text, its control words left in (``rtf_residue``): each line read as its text.

    A document whose text lines end in ``\\par`` (three at least, four in five of them) is RTF's body written
    out with its control words: ``\\par`` ends a paragraph, ``\\tab`` separates a table's cells, ``\\bullet``
    opens an item. Left in, the title was ``... for Space\\par``, the table and the list prose (shapes30, 1082).
    RTF's formatting words before a paragraph's text (``\\pard\\plain\\f0\\fs24``, ``\\b``/``\\b0``) stand for no
    character and go. Each line is rewritten in place (no line moves); other backslashes (``\\section``, a path)
    stay as written.
    False, the lines untouched, when the document is no such residue.
    """
    text = [line.rstrip(" \t") for line in lines if line.strip(" \t")]
    ending = sum(1 for line in text if line.endswith("\\par"))
    if ending < MIN_RTF_PARS or 5 * ending < 4 * len(text):
        return False
    for k, line in enumerate(lines):
        if "\\" in line:
            line = _RTF_FORMAT.sub("", line)
            lines[k] = _RTF_WORD.sub(lambda m: _RTF_WORDS[m.group(1)], line.rstrip(" \t"))
    return True


def bold_record_field(line: str) -> str | None:
    """``**Priority Area:** Cyber Defence`` as ``Priority Area: Cyber Defence``, or None (``bold_record_field``).

    A chat assistant or a Google Docs export writes each field of a record with its label in bold; the bold
    is the label's markup, so the field reads as ``record_blocks`` reads ``Label: value``. Only a bold run
    that is a whole label (closing at its colon) counts: ``**Note** that allies agreed: ...`` does not.
    """
    if line[:2] not in ("**", "__"):
        return None
    found = _BOLD_FIELD.fullmatch(line.rstrip(" \t"))
    return None if found is None else f"{found.group(2).strip(' ')}: {found.group(3)}"


def is_comment_row(line: str, below: str) -> bool:
    """An HTML comment alone on its line between two rows of a pipe table (``comment_row``): hidden, no row.

    An editor comments a row out (``<!-- | Air Policing | ... | -->``) or notes something between rows; the
    page shows the table whole. CommonMark ends the table at the comment and the rows below became a
    paragraph. The caller asks only inside a table, with a row below; a comment under the last row ends the
    table as before.
    """
    return below.lstrip(" ")[:1] == "|" and _COMMENT_LINE.fullmatch(line) is not None


# Google Docs' clipboard HTML (``docs_clipboard``): the copied page inside one wrapper,
# '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-...">' ... '</b>', often with
# Chrome's '<br class="Apple-interchange-newline">' after it.
_DOCS_WRAPPER = re.compile(
    r"""(?:<meta[ \t]++charset=["']?+[\w-]{1,20}+["']?+[ \t]*+/?+>)?+[ \t]*+"""
    r"""<b[ \t]++style=["']font-weight:[ \t]*+normal;?+["'][ \t]++id=["']docs-internal-guid-[\w-]{1,80}+["'][ \t]*+>"""
)
_DOCS_WRAPPER_END = re.compile(
    r"""</b>[ \t]*+(?:<br[ \t]++class=["']Apple-interchange-newline["'][ \t]*+/?+>)?+[ \t]*+"""
)


def unwrapped_docs_clipboard(line: str) -> str:
    """The line without Google Docs' clipboard wrapper (``docs_clipboard``), else the line as written.

    Google Docs puts a copied page inside ``<b style="font-weight:normal" id="docs-internal-guid-...">``: a
    bold that is not bold, there only to carry the guid. With it around them the page's ``<h1>``, lists and
    table were inline HTML in one paragraph and the article read as one line of prose. The wrapper opens
    the line; its ``</b>`` is the line's last tag. A ``<b>`` without the guid is bold and stays.
    """
    found = _DOCS_WRAPPER.match(line)
    if found is None:
        return line
    body = line[found.end() :]
    close = body.rfind("</b>")
    if close >= 0 and _DOCS_WRAPPER_END.fullmatch(body, close):
        body = body[:close]
    return body


_GAP = re.compile(r"[ ]{2,}+")
# Longest cell an overflowing row may hold (``overflow_row``): a cell, not a sentence.
MAX_OVERFLOW_CELL = 60


def overflow_cells(line: str, starts: Sequence[int]) -> list[str] | None:
    """A space-aligned row whose long cell pushed the cells after it right (``overflow_row``), or None.

    A web page copied as text, or a monospaced e-mail, sets each row's cells two spaces apart; a cell longer
    than its column (``Critical Infrastructure  Rail and energy protection``) runs past the next column's
    start. Its cells are the runs between gaps of two or more spaces: exactly one per column, none opening
    left of its column (an overflow only pushes right) and none ending a sentence, so double-spaced prose
    (``Allies met.  They agreed.  Work starts.``) stays prose.
    """
    body = line.rstrip(" \t")
    if not body or body[:1] == " " or "\t" in body:
        return None
    cells: list[str] = []
    at = 0
    for gap in [*_GAP.finditer(body), None]:
        end = len(body) if gap is None else gap.start()
        if len(cells) >= len(starts) or at < starts[len(cells)]:
            return None
        cell = body[at:end]
        if len(cell) > MAX_OVERFLOW_CELL or cell[-1:] in (".", "!", "?", ":", ";"):
            return None
        cells.append(cell)
        at = 0 if gap is None else gap.end()
    return cells if len(cells) == len(starts) else None


def is_emoji_lead_in(glyph: str, text: str, above: Marker | None, below: Marker | None) -> bool:
    """``📌 Key priorities:`` over ``🔸 ...`` lines: the run's lead-in, prose, not its first item (``emoji_lead_in``).

    A channel post introduces its emoji-led list with a line of another emoji ending in a colon. It heads the
    run: no emoji-led line above it, and the line below leads with a different glyph. ``👉 Priorities:`` over
    ``👉 Speed: ...`` (one glyph for all) stays an item, as does a colon line inside a run.
    """
    return text.rstrip(" \t").endswith(":") and above is None and below is not None and below.glyph != glyph


_SUMMARY_LINE = re.compile(r"[ ]{0,3}+<summary\b[^<>]{0,300}+>[^<]{0,300}+</summary>[ \t]*+", re.I)


def summary_over_markdown(line: str, below: str) -> bool:
    """``<summary>Priorities agreed</summary>`` right over a pipe row or a list item (``summary_markdown``).

    GitHub needs a blank line after ``<summary>`` for the markdown inside ``<details>`` to render; writers
    leave it out, and CommonMark read the table as the HTML block's text. The author's table or list starts
    below the summary line, as if the blank line were there; ``</details>`` below it ends the table.
    """
    body = below.lstrip(" ")
    opens = body[:1] == "|" or (body[:2] in ("- ", "* ", "+ ") or (body[:1].isdigit() and ". " in body[:4]))
    return opens and _SUMMARY_LINE.fullmatch(line) is not None


# A PDF-to-markdown converter's page markers (Azure Document Intelligence and tools that copy it):
# "<!-- PageBreak -->", '<!-- PageNumber="1" -->', '<!-- PageFooter="NATO Public" -->', '<!-- PageHeader="..." -->'.
_PAGE_MARKER = re.compile(r"[ ]{0,3}+<!--[ \t]*+Page(Break|Number|Footer|Header)\b[^<>]{0,300}?-->[ \t]*+")


def page_break_continuation(lines: Sequence[str], i: int, width: int) -> int | None:
    """The line that goes on with a pipe table across a converter's page break (``page_break_rows``), or None.

    ``lines[i]`` is the blank line under the table's last row. Across blank lines and page markers, crossed as
    ``after_page_turn`` crosses a page's footer and header, one of them ``<!-- PageBreak -->``, a pipe row of as
    many cells over a delimiter row is the table's next page: the converter made its first row a header, but the
    author's header is the one above. A row that maps onto the roles as a header (``Priority Area | ...``) heads
    a table of its own and is no continuation.
    """
    j = after_page_turn(lines, i, lambda line: not _is_page_marker(line), _is_page_marker)  # markers crossed
    if j is None or not any(_is_page_break(line) for line in lines[i:j]):
        return None
    if j + 1 >= len(lines) or not is_delimiter_row(lines[j + 1]):
        return None
    cells = pipe_cells(lines[j])
    if len(cells) != width or len(pipe_cells(lines[j + 1])) != width:
        return None
    return j if map_headers(cells, load_header_synonyms()) is None else None


def _is_page_marker(line: str) -> bool:
    return _PAGE_MARKER.fullmatch(line) is not None


def _is_page_break(line: str) -> bool:
    marker = _PAGE_MARKER.fullmatch(line)
    return marker is not None and marker.group(1) == "Break"


# Most fields a stacked record may have (``stacked_records``): a table's columns.
MAX_STACKED_FIELDS = 6
MAX_STACKED_LINE = 120


def stacked_records(lines: Sequence[str], start: int) -> tuple[list[tuple[list[str], int]], int] | None:
    """A responsive table copied as text (``stacked_records``): its rows (header first, 1-based lines), last index.

    On a phone a page shows each row of a table as a card, every cell under its column's label; copied, a
    card is a block of lines, label over value: ``Priority Area`` / ``Regional Stability`` / ``Key Focus`` /
    ... Two or more blank-separated blocks of label-value pairs with the same labels, the labels mapping as a
    table's header (``header_synonyms.yaml``), are the table: the labels its header, a block a row. Labels
    that name no roles stay lines of prose; a block that differs ends the run (each line read at most twice).
    """
    labels: list[str] | None = None
    rows: list[tuple[list[str], int]] = []
    k, end, limit = start, start, 2 * MAX_STACKED_FIELDS
    while k < len(lines):
        top = k
        while k < len(lines) and lines[k].strip(" \t") and len(lines[k]) <= MAX_STACKED_LINE and k - top <= limit:
            k += 1  # a block longer than a card's fields is none: the scan stops there, so the work stays linear
        block = [line.strip(" \t") for line in lines[top:k]]
        if not 4 <= len(block) <= 2 * MAX_STACKED_FIELDS or len(block) % 2 or (k < len(lines) and lines[k].strip()):
            break
        if labels is None and map_headers(block[0::2], load_header_synonyms()) is None:
            return None
        if labels is not None and block[0::2] != labels:
            break
        labels = block[0::2]
        rows.append((block[1::2], top + 1))
        end, k = k - 1, k + 1
    if labels is None or len(rows) < 2:
        return None
    return [(labels, start + 1), *rows], end
