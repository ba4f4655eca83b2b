"""Shapes of session 17 (shapes18): the users' four gaps in their most ordinary forms, combined.

Found by tests/shapes_corpus/791-815, seed-like articles whose bullets, numbering, HTML, wraps and header
wordings change one ordinary shape at a time: items numbered ``1:``, ``#1`` or ``No. 1`` (numbered runs, as
``Step 1:`` is), a table's totals row under its priorities (``| **Total** | | | **1,250** |``), and an HTML
header cell's footnote mark in ``<sup>`` (``Priority Area<sup>1</sup>``). (The header wordings are data in
``header_synonyms.yaml``: ``header_determiners``; the totals wordings are data there too.) Each rule looks at
one line and its neighbours, one table's last row or one element, so it is linear in the text; the patterns
use possessive repeats (the audit in ``tests/test_reader_linear.py`` reads them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.headers import load_header_synonyms, normalize_header
from nato_briefs.reader.rules.sequences import HASH_NUMBER, NUMBER_COLON, NUMERO

# What a totals row's other cells may hold: nothing, or a figure ("1,250", "€1.2bn", "5.5 %", "**165**").
_FIGURE = re.compile(r"[*_]{0,2}+[^\w\s]?+[ \t]?+[0-9][0-9.,\u00a0\u202f' ]{0,20}+[^\W\d_]{0,3}+[ \t]?+%?+[*_]{0,2}+")


def is_totals_row(cells: Sequence[str], total_words: frozenset[str]) -> bool:
    """A table's last row sums the rows above it (``totals_row``): its first cell a totals word, the rest figures.

    ``| **Total** | | | **1,250** |`` under a priorities table with a Budget column, ``<tfoot><th>Total</th>...``:
    the row holds no area, focus or outcome, only the sum of a figures column, so it stays in ``table_rows``
    (lossless) and is marked as a group label is, which ``priorities`` leaves out. Near misses: a row whose
    first cell is an area (``| Total Defence | Civil preparedness | ... |``, Nordic "total defence") holds text
    in the role cells, and a totals word beside words (``| Total | 3 areas | 9 measures |``) is read as written.
    """
    if len(cells) < 2 or normalize_header(cells[0]) not in total_words:
        return False
    rest = [cell.strip() for cell in cells[1:]]
    return any(rest) and all(not cell or _FIGURE.fullmatch(cell) for cell in rest)


def mark_totals_row(rows: Sequence) -> None:
    """Marks a table's last row as no priority when it is a totals row (``is_totals_row``) under two or more rows."""
    if len(rows) >= 3 and not rows[-1].group_label:
        rows[-1].group_label = is_totals_row(rows[-1].cells, load_header_synonyms().total_words)


# A superscript footnote mark's digits, as Unicode writes them raised ("1" -> "¹").
_SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def superscript_mark(text: str | None) -> str | None:
    """The text of an HTML cell's ``<sup>`` written raised when it is digits (``sup_footnote_mark``), else as is.

    ``<th>Priority Area<sup>1</sup></th>`` is ``Priority Area¹``, as it shows, not ``Priority Area1``: the
    header mapping drops a raised footnote mark (``Priority Area¹`` names the area) but cannot tell a mark
    run into a word from the word. ``km<sup>2</sup>`` is ``km²``. Near miss: ``1<sup>st</sup>`` (letters)
    and a ``<sup>`` of more than three characters are left as they are.
    """
    if text is None or not text.strip().isdigit() or len(text.strip()) > 3:
        return text
    return text.strip().translate(_SUPERSCRIPT)


SHAPES18_RULES = {
    "number_colon_run": NUMBER_COLON.match,  # "1: Intelligence sharing – ..." over "2: ...": a numbered run
    "hash_number_run": HASH_NUMBER.match,  # "#1 Cyber Defense: ..." over "#2 ...": a numbered run
    "numero_run": NUMERO.match,  # "No. 1 Unified Threat Assessment – ..." over "No. 2 ...": a numbered run
    "totals_row": is_totals_row,  # "| **Total** | | | **1,250** |" last: no priority, kept in table_rows
    "sup_footnote_mark": superscript_mark,  # "<th>Priority Area<sup>1</sup></th>": "Priority Area¹"
}
