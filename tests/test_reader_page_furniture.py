"""The page-furniture pass (``rules/page_furniture.py``): a PDF's running headers and repeated letterheads blanked
in one pass, the lines of a pandoc multiline table exempt from both, found once. The two rules' own cases are in
tests/test_reader_titles.py (``repeated_running_header``) and tests/test_reader_extracted.py
(``repeated_letterhead``).
"""

from __future__ import annotations

from nato_briefs.reader.rules import page_furniture
from nato_briefs.reader.text_tables import multiline_table_lines

RUNNING = "NATO Review" + " " * 40 + "March 2025"
LETTERHEAD = ["GOBIERNO REGIONAL PIURA", "CONSEJO REGIONAL"]
# a pandoc multiline table whose row "0        P. 0" reads as a page's footer and "0        A" as a header under it
PAGE_CELL_TABLE = ["-" * 17, "0        0", "-------- --------", "0        P. 0", "", "0        A", "-" * 17]


def _page(n: int) -> list[str]:
    return [f"text line {n}.{k} of the agreement and its reasons," for k in range(14)]


def _document() -> list[str]:
    """Three pages, each under the running header and the letterhead, the last page's number above the next
    page's header, and a multiline table between the first two pages."""
    lines = [RUNNING, "", *LETTERHEAD, "", "The council agreed the following measures today.", *_page(1), ""]
    lines += [*PAGE_CELL_TABLE, "", " " * 60 + "1", RUNNING, "", *LETTERHEAD, "", *_page(2), ""]
    lines += [" " * 60 + "2", RUNNING, "", *LETTERHEAD, "", *_page(3)]
    return lines


class _Counted:
    """``multiline_table_lines``, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, lines: list[str]) -> frozenset[int]:
        self.calls += 1
        return multiline_table_lines(lines)


def test_one_pass_blanks_both_kinds_and_exempts_a_tables_lines_found_once():
    lines, find = _document(), _Counted()
    page_furniture.blank_page_furniture(lines, "\n".join(lines), find)
    assert find.calls == 1  # one table search serves both kinds
    assert lines[0] == "" and lines[2:4] == LETTERHEAD  # the first page's running header is one; its letterhead heads
    assert RUNNING not in lines and lines.count(LETTERHEAD[0]) == lines.count(LETTERHEAD[1]) == 1
    start = lines.index("-" * 17)
    assert lines[start : start + len(PAGE_CELL_TABLE)] == PAGE_CELL_TABLE  # the table's look-alike rows stay
    assert len(lines) == len(_document())  # blanked, no line moved


def test_page_furniture_near_misses_keep_lines_and_skip_the_table_search():
    find = _Counted()
    table = ["-" * 13, "Area   Focus", "-----  ------", "Air    Radars", "", "Sea    Ships", "-" * 13]
    plain = ["NATO Allies Agree", "", "Allies agreed the plan on Monday in Brussels.", "", *table]
    lines = list(plain)
    page_furniture.blank_page_furniture(lines, "\n".join(lines), find)
    assert lines == plain and find.calls == 0  # a table, but no furniture: the tables are never looked for
    gapped = [RUNNING, "", "Allies agreed the plan on Monday in Brussels.", "", RUNNING]  # under no page number
    lines = list(gapped)
    page_furniture.blank_page_furniture(lines, "\n".join(lines), find)
    assert lines == gapped and find.calls == 0  # no "---": no table to look for
    unpaged = [line for line in _document() if line.strip() not in ("1", "2") and line not in LETTERHEAD]
    lines = list(unpaged)  # gapped headers under no page number, no letterhead: a table's search, nothing blanked
    page_furniture.blank_page_furniture(lines, "\n".join(lines), find)
    assert lines == unpaged and find.calls == 1
