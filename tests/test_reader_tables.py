"""Table rules (``rules/tables.py``): a chat's glued code fence, a range pasted from column B, a lone title
row over the real header, rules and gaps typed between body rows; each rule with its positive and near-miss
cases. Found by tests/shapes_corpus/766-790 (session 17, shapes17) and 816-835 (shapes19).
"""

from __future__ import annotations

import nato_briefs
from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import tables


def _tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    return [(table.headers, [row.cells for row in table.rows]) for table in parse_document(text).tables]


def _prose(text: str) -> str:
    return "\n".join(s.text for s in parse_document(text).sections)


def _article(text: str, name: str = "x.txt"):
    return nato_briefs.read_article(text.encode(), source_path=name)


def _table_rows(text: str) -> list[list[str]]:
    return [r["cells"] for r in _article(text).rows("table_rows")]


# --------------------------------------------------------------------------- glued_fence_table

SLACK = "Plan\n\nPriorities:\n```| Area | Focus | Outcome |\n|---|---|---|\n| Air | Jets | Cover |```\n\nNext.\n"


def test_glued_fence_table_is_a_table():
    assert _tables(SLACK) == [(["Area", "Focus", "Outcome"], [["Air", "Jets", "Cover"]])]
    assert "Next." in _prose(SLACK)


def test_glued_fence_table_near_misses():
    fenced = SLACK.replace("```|", "```\n|").replace("|```", "|\n```")  # fences on lines of their own: code
    assert _tables(fenced) == []
    lines = ["```| a | b |```", "text"]  # one line: an inline code span
    tables.glued_fence_table(lines)
    assert lines == ["```| a | b |```", "text"]
    prose = ["```| a | b |", "not a row", "| c |```"]
    tables.glued_fence_table(prose)
    assert prose[0] == "```| a | b |"


# --------------------------------------------------------------------------- empty_first_column

RANGE = "Plan\n\nPriorities:\n\tArea\tFocus\tOutcome\t\n\tAir\tJets\tCover\t\n\tSea\tShips\tPatrols\t\n\nNext.\n"


def test_empty_first_column_reads_the_range():
    assert _tables(RANGE) == [(["Area", "Focus", "Outcome"], [["Air", "Jets", "Cover"], ["Sea", "Ships", "Patrols"]])]


def test_empty_first_column_near_misses():
    for lines in (
        ["\tAir\tJets\tCover"],  # one row
        ["\t\u25e6\tGrid operators", "\t\u25e6\tPort operators"],  # tab-indented sub-items: two cells
        ["\t\tReview\tin\tautumn", "\t\tand\tmore\tlater"],  # two tabs: deeper indentation
        ["\tAir\tJets\tCover", "\tSea\tShips"],  # rows of unequal width
    ):
        before = list(lines)
        tables.empty_first_column(lines)
        assert lines == before


# --------------------------------------------------------------------------- lone_title_header

CAPTION = "Plan\n\n| Table 1: Priorities | | |\n|---|---|---|\n| **Area** | **Focus** | **Outcome** |\n"


CAPTION += "| Air | Jets | Cover |\n| Sea | Ships | Patrols |\n"


def test_lone_title_header_gives_way_to_the_real_header():
    assert _tables(CAPTION) == [(["Area", "Focus", "Outcome"], [["Air", "Jets", "Cover"], ["Sea", "Ships", "Patrols"]])]


def test_lone_title_header_near_misses():
    data = [["Poland", "Radars", "2026"], ["Finland", "Jets", "2026"]]
    assert not tables.lone_title_header(["Country", "", ""], data)  # the first row names no roles
    assert not tables.lone_title_header(["Table 1", "Focus", ""], [["Area", "Focus", "Outcome"], ["a", "b", "c"]])
    assert not tables.lone_title_header(["Table 1", "", ""], [["Area", "Focus", "Outcome"]])  # no row below


# --------------------------------------------------------------------------- dash_rule_row, empty_row

TABLE = "Priorities agreed today.\n| Priority Area | Key Focus | Expected Outcome |\n|---|---|---|\n"


ROW1, ROW2 = "| Cyber | Task force | Faster response |\n", "| Readiness | Drills | Cohesion |\n"


BOTH = [["Cyber", "Task force", "Faster response"], ["Readiness", "Drills", "Cohesion"]]


def test_dash_rule_row_is_no_row():
    assert tables.is_rule_row(["------", ":---:", "---"])
    assert _table_rows(TABLE + ROW1 + "|------|------|------|\n" + ROW2) == BOTH


def test_dash_rule_row_near_misses():
    assert not tables.is_rule_row(["Cyber", "---", "Pending"])  # a dash for a blank cell: data
    # a delimiter row under a header row: a second table right under the first, as before
    second = "| Focus Area | Key Initiative | Expected Outcome |\n|---|---|---|\n" + ROW2
    assert len(parse_document(TABLE + ROW1 + second).tables) == 2
    assert _table_rows(TABLE + ROW1 + second) == BOTH
    # a rule under a row of another width: a second table (its header names no role) set right under the first
    other = "| Country | Year |\n|---|---|\n| NO | 2024 |\n"
    assert len(parse_document(TABLE + ROW1 + other).tables) == 2


def test_empty_row_is_no_row():
    assert tables.is_empty_row(["", " ", ""])
    assert _table_rows(TABLE + ROW1 + "|  |  |  |\n" + ROW2) == BOTH


def test_empty_row_near_miss():
    assert not tables.is_empty_row(["Cyber", "", ""])  # one filled cell: data
    assert _table_rows(TABLE + ROW1 + "| Space | | |\n" + ROW2)[1] == ["Space", "", ""]
    assert _table_rows(TABLE + ROW1 + ROW2 + "|  |  |  |\n\nText.\n")[-1] == ["", "", ""]  # at the end: kept
