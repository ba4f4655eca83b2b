"""Plain-text tables rewritten as pipe tables: here pandoc multiline tables, read whole from their top border.

``multiline_table`` is a pure function of the lines, tested on its own (pandoc's
manual layouts and the near-misses that must stay prose); ``parse_document``
shows the records it gives. Grid, simple and tab-separated tables are tested in
``test_parse_formats.py``.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nato_briefs.parse import parse_document, split_lines
from nato_briefs.reader import text_tables
from nato_briefs.reader.text_tables import MultilineTable, multiline_table

# pandoc's manual, "multiline_tables": a two-line header, cells wrapping, rows apart by a blank line.
MANUAL = """\
-------------------------------------------------------------
 Centered   Default           Right Left
  Header    Aligned         Aligned Aligned
----------- ------- --------------- -------------------------
   First    row                12.0 Example of a row that
                                    spans multiple lines.

  Second    row                 5.0 Here's another one. Note
                                    the blank line between
                                    rows.
-------------------------------------------------------------

Table: Here's the caption. It, too, may span
multiple lines.
"""


# a row's "P. 0" read as a PDF page's footer, the next row "0        A" as the running header under it, blanked:
# the table's extent wins (``multiline_table_lines``)
PAGE_CELL = "-----------------\n0        0\n-------- --------\n0        P. 0\n\n0        A\n-----------------\n"
# a last row repeating the header's wrapped lines, a page's length below it: read as a PDF's letterhead, blanked
HEAD = "BGM71ymY wJOep\nZh0      EzHorOFb\nCI8J9rqK e5q\n38c      RIlx.6\n         S2KmVrOw\n"
BODY = "BGM71ymY 0\nZh0\nCI8J9rqK\n38c\n\n0        38c\n\n0        e5q\n         RIlx.6\n         S2KmVrOw\n\n"
HEAD_CELLS = ["BGM71ymY Zh0 CI8J9rqK 38c", "wJOep EzHorOFb e5q RIlx.6 S2KmVrOw"]
HEAD_REPEATED = "-" * 17 + "\n" + HEAD + "-------- --------\n" + BODY + HEAD + "-" * 17 + "\n"


def read(text: str, top: int = 0) -> MultilineTable | None:
    return multiline_table(split_lines(text), top)


def test_the_manuals_table_joins_wrapped_cells_and_keeps_each_rows_first_line():
    table = read(MANUAL)
    assert table is not None and table.end == 10
    assert table.rows == [
        (["Centered Header", "Default Aligned", "Right Aligned", "Left Aligned"], 2),
        (["First", "row", "12.0", "Example of a row that spans multiple lines."], 5),
        (["Second", "row", "5.0", "Here's another one. Note the blank line between rows."], 8),
    ]


def test_an_indented_one_row_table_closed_by_a_column_rule_at_the_end_of_the_text():
    text = (
        "  ------------------------\n  Area      Focus\n  --------- --------------\n"
        "  Cyber     Threat sharing\n  --------- --------------"
    )
    table = read(text)
    assert table is not None and table.rows == [(["Area", "Focus"], 2), (["Cyber", "Threat sharing"], 4)]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("----------\n\nAllies met.\n", "a rule between paragraphs: a blank line below it"),
        ("----------\nAllies met on Monday\nand agreed a plan.\n\nMore.\n", "no column rule under the text"),
        ("----------\n---- -----\nCyber Sharing\n----------\n\n", "no header line between border and rule"),
        ("----------\n----------\nArea Focus\n---- -----\n", "two dash lines in a row"),
        ("------------\nThe allies met\n------ -----\nCyber  Sharing\n------------\n\n", "a header word across"),
        ("------------\nArea   Focus\n------ -----\nThe allies met\n------------\n\n", "a body word across"),
        ("------------\nArea   Focus\n------ -----\nCyber  Sharing\n", "no closing border"),
        ("------------\nArea   Focus\n------ -----\nCyber  Sharing\n------------\nMore prose.\n", "no blank after it"),
        ("------------\nArea   Focus\n------ -----\n\n------------\n\n", "no body row"),
    ],
)
def test_near_misses_are_no_multiline_table(text, why):
    assert read(text) is None, why


def test_a_multiline_table_gives_a_table_each_row_at_its_first_source_line():
    doc = parse_document("# Plan\n\nMinisters met.\n\n" + MANUAL + "\nMore text.\n")
    (table,) = doc.tables
    assert table.section == "Plan"
    assert table.headers == ["Centered Header", "Default Aligned", "Right Aligned", "Left Aligned"]
    assert [(r.cells[0], r.cells[3], r.line) for r in table.rows] == [
        ("First", "Example of a row that spans multiple lines.", 9),
        ("Second", "Here's another one. Note the blank line between rows.", 12),
    ]
    assert doc.sections[0].text.startswith("Ministers met.\n\nTable: Here's the caption.")
    assert doc.sections[0].text.endswith("More text.")


def test_a_dashed_rule_between_paragraphs_stays_a_thematic_break():
    doc = parse_document("# Plan\n\nAllies met on Monday.\n\n----------\n\nThey agreed a plan.\n")
    assert doc.tables == [] and doc.sections[0].text == "Allies met on Monday.\n\nThey agreed a plan."


def test_dashes_under_a_text_line_are_its_setext_underline_not_a_border():
    doc = parse_document("Intro.\n\nPriorities\n----------\nArea   Focus\n------ -----\nCyber  Sharing\n----------\n\n")
    assert [s.heading for s in doc.sections if s.heading] == ["Priorities"]
    assert [r.cells for r in doc.tables[0].rows] == [["Cyber", "Sharing"]]  # the simple table under it


def test_a_rows_cell_like_a_page_footer_keeps_the_row_under_it():
    doc = parse_document("Intro.\n\n" + PAGE_CELL + "\nEnd.\n")
    (table,) = doc.tables
    assert table.headers == ["0", "0"]
    assert [(r.cells, r.line) for r in table.rows] == [(["0", "P. 0"], 6), (["0", "A"], 8)]
    assert doc.sections[0].text == "Intro.\n\nEnd."


def test_a_multiline_table_inside_a_code_fence_stays_code():
    doc = parse_document("```\n" + MANUAL + "```\n")
    assert doc.tables == []


# --------------------------------------------------------------------------- generated tables and prose

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.", min_size=1, max_size=8)
CELLS = st.lists(WORDS, min_size=1, max_size=5)


def wrap(words: list[str], width: int) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def render_row(cells: list[list[str]], widths: list[int], indent: str) -> list[str]:
    """One row in pandoc's layout: each cell wrapped to its column, padded, columns one space apart."""
    wrapped = [wrap(words, width) for words, width in zip(cells, widths, strict=True)]
    height = max(len(w) for w in wrapped)
    columns = list(zip(wrapped, widths, strict=True))
    lines = [" ".join((w[k] if k < len(w) else "").ljust(n) for w, n in columns) for k in range(height)]
    return [(indent + line).rstrip() for line in lines]


@st.composite
def multiline_tables(draw) -> tuple[str, list[list[str]]]:
    n = draw(st.integers(2, 4))
    rows = draw(st.lists(st.lists(CELLS, min_size=n, max_size=n), min_size=2, max_size=5))  # the header first
    widths = [max(8, *(len(word) for row in rows for word in row[c])) for c in range(n)]
    indent = " " * draw(st.integers(0, 2))
    rule = indent + " ".join("-" * width for width in widths)
    border = indent + "-" * (len(rule) - len(indent))
    body = [line for k, row in enumerate(rows[1:]) for line in ([""] if k else []) + render_row(row, widths, indent)]
    text = "\n".join([border, *render_row(rows[0], widths, indent), rule, *body, border, ""])
    return text, [[" ".join(cell) for cell in row] for row in rows]


@settings(max_examples=150)
@given(multiline_tables())
@example((PAGE_CELL, [["0", "0"], ["0", "P. 0"], ["0", "A"]]))
@example((HEAD_REPEATED, [HEAD_CELLS, [HEAD_CELLS[0], "0"], ["0", "38c"], ["0", "e5q RIlx.6 S2KmVrOw"], HEAD_CELLS]))
def test_any_pandoc_multiline_table_reads_back_its_cells(case):
    text, cells = case
    table = read(text)
    assert table is not None and [row for row, _ in table.rows] == cells
    doc = parse_document("Intro.\n\n" + text + "\nEnd.\n")
    assert [doc.tables[0].headers, *(r.cells for r in doc.tables[0].rows)] == cells


PROSE_WORDS = ["Allies", "met", "in", "Brussels", "on", "Monday", "and", "agreed", "a", "plan."]
PROSE = st.lists(st.sampled_from(PROSE_WORDS), min_size=4, max_size=14).map(" ".join)
RULES = st.sampled_from(["-----", "----------------", "  ------", "--- ---", "---------- ----------", "- - -", "***"])


@settings(max_examples=150)
@given(st.lists(st.tuples(st.lists(PROSE, min_size=1, max_size=3), RULES, st.booleans()), min_size=1, max_size=5))
def test_rules_between_paragraphs_never_make_a_table(parts):
    """A rule under a blank line, with or without one below it, over paragraphs: prose, never a table."""
    text = "".join("\n".join(lines) + f"\n\n{rule}\n" + ("\n" if gap else "") for lines, rule, gap in parts)
    text += "The end.\n"
    assert parse_document(text).tables == []


def test_a_box_drawn_table_is_a_grid_table():
    text = (
        "Targets:\n\n╒══════╤═══════╕\n│ Area │ Focus │\n╞══════╪═══════╡\n│ Cyber│ Share │\n"
        "├──────┼───────┤\n│ Air  │ Radar │\n╘══════╧═══════╛\n"
    )
    table = parse_document(text).tables[0]
    assert table.headers == ["Area", "Focus"]
    assert [(r.cells, r.line) for r in table.rows] == [(["Cyber", "Share"], 6), (["Air", "Radar"], 8)]


def test_a_database_result_table_has_a_record_per_line():
    text = (
        "Result:\n\n+-----------+---------+\n| Area      | Focus   |\n+-----------+---------+\n"
        "| Logistics | Fuel    |\n| Mobility  | Permits |\n+-----------+---------+\n"
    )
    table = parse_document(text).tables[0]
    assert table.headers == ["Area", "Focus"]
    assert [(r.cells, r.line) for r in table.rows] == [(["Logistics", "Fuel"], 6), (["Mobility", "Permits"], 7)]


def test_a_grid_row_with_a_wrapped_cell_stays_one_row():
    text = (
        "+----------------+-----------+\n| Area           | Focus     |\n+================+===========+\n"
        "| Critical       | Cable and |\n| Infrastructure | pipelines |\n+----------------+-----------+\n"
    )
    # every cell filled on both lines, but under a header rule: pandoc's multi-line row
    rows = parse_document(text).tables[0].rows
    assert [r.cells for r in rows] == [["Critical Infrastructure", "Cable and pipelines"]]


def test_wrapped_header_joins_header_lines_above_a_rule():
    rows = [(["Priority", "Key", "Expected"], 5), (["Area", "Focus", "Outcome"], 6), (["----", "---", "---"], 7),
            (["Readiness", "Rotation", "Response"], 8)]  # fmt: skip
    assert text_tables.wrapped_header(rows) == [(["Priority Area", "Key Focus", "Expected Outcome"], 5),
                                                (["Readiness", "Rotation", "Response"], 8)]  # fmt: skip
    # near misses: no rule; a rule with a word in a cell; a rule with no row under it
    plain = [(["A", "B"], 1), (["a", "b"], 2), (["c", "d"], 3)]
    assert text_tables.wrapped_header(plain) == plain
    worded = [(["A", "B"], 1), (["a", "b"], 2), (["---", "total"], 3), (["c", "d"], 4)]
    assert text_tables.wrapped_header(worded) == worded
    last = [(["A", "B"], 1), (["a", "b"], 2), (["---", "---"], 3)]
    assert text_tables.wrapped_header(last) == last


def test_a_totals_row_under_a_simple_tables_rule_stays_in_the_table():
    text = "Spending\n\nCountry   2024\n-------   ----\nPoland    4.1\nEstonia   3.4\n"
    text += "-------   ----\nTotal     3.8\n\nEnd.\n"
    doc = parse_document(text)
    assert [row.cells for row in doc.tables[0].rows] == [["Poland", "4.1"], ["Estonia", "3.4"], ["Total", "3.8"]]
    # near misses: a note under the closing rule, a blank line under the rule
    doc = parse_document(text.replace("Total     3.8", "Provisional."))
    assert [row.cells for row in doc.tables[0].rows] == [["Poland", "4.1"], ["Estonia", "3.4"]]
    assert "Provisional." in doc.sections[-1].text
    doc = parse_document(text.replace("-------   ----\nTotal", "-------   ----\n\nTotal"))
    assert [row.cells for row in doc.tables[0].rows] == [["Poland", "4.1"], ["Estonia", "3.4"]]


# AsciiDoc tables whose attribute line declares the columns (shapes 407): the header's cells one a line
ASCIIDOC_CELL_PER_LINE = [
    '[cols="1,1,1",options="header"]',
    "|===",
    "|Priority Area",
    "|Key Focus",
    "|Expected Outcome",
    "",
    "|Space",
    "|Shared sensors",
    "|Early warning",
    "|===",
]


def test_asciidoc_cols_cut_a_header_given_one_cell_a_line():
    table = text_tables.asciidoc_table(ASCIIDOC_CELL_PER_LINE, 1, 3)
    assert table is not None and table.end == 9
    assert table.rows == [
        (["Priority Area", "Key Focus", "Expected Outcome"], 3),
        (["Space", "Shared sensors", "Early warning"], 7),
    ]
    assert text_tables.asciidoc_table(ASCIIDOC_CELL_PER_LINE, 1) is None  # a one-cell header: no table
    assert text_tables.asciidoc_table(ASCIIDOC_CELL_PER_LINE, 1, 4) is None  # 6 cells do not fill 4 columns


def test_asciidoc_cols_reach_the_records():
    doc = parse_document("= Plan\n\nIntro.\n\n" + "\n".join(ASCIIDOC_CELL_PER_LINE) + "\n")
    (table,) = doc.tables
    assert table.headers == ["Priority Area", "Key Focus", "Expected Outcome"]
    assert [(r.cells, r.line) for r in table.rows] == [(["Space", "Shared sensors", "Early warning"], 11)]


def test_asciidoc_header_cell_wrapped_onto_the_next_line():
    lines = ["|===", "|Priority |Key Focus |Expected", "Outcome", "|Space |Sensors |Warning", "|==="]
    table = text_tables.asciidoc_table(lines, 0)
    assert table is not None
    assert table.rows[0] == (["Priority", "Key Focus", "Expected Outcome"], 2)


# pdftotext -layout (shapes 429): the page margin indents the table, a long cell wraps at its column
PDF_LAYOUT = [
    "  Priority Area     Key Focus               Expected Outcome",
    "  Ammunition        Multi-year contracts    Larger stocks",
    "                    for shells",
    "  Air Defence       Joint orders            Better coverage",
    "",
]


def test_an_aligned_table_indented_with_wrapped_cells():
    table = text_tables.aligned_table(PDF_LAYOUT, 0)
    assert table is not None and table.end == 3
    assert table.rows == [
        (["Priority Area", "Key Focus", "Expected Outcome"], 1),
        (["Ammunition", "Multi-year contracts for shells", "Larger stocks"], 2),
        (["Air Defence", "Joint orders", "Better coverage"], 4),
    ]


def test_an_aligned_table_ends_at_a_line_less_indented_or_running_across_columns():
    assert text_tables.aligned_table([*PDF_LAYOUT[:4], "Ministers will meet again in June to review it."], 0) is None
    crossing = [*PDF_LAYOUT[:2], "                    the contracts were signed in May", *PDF_LAYOUT[3:]]
    assert text_tables.aligned_table(crossing, 0) is None  # a sentence under the table, not a wrapped cell
    assert text_tables.aligned_table(["    " + line for line in PDF_LAYOUT], 0) is None  # indented code


def test_a_wrapped_line_under_the_header_is_no_continuation():
    lines = [PDF_LAYOUT[0], PDF_LAYOUT[2], *PDF_LAYOUT[1:2], *PDF_LAYOUT[3:]]
    assert text_tables.aligned_table(lines, 0) is None  # only a body row can continue


def test_a_latex_tabular_reaches_the_records_at_its_rows_lines():
    text = (
        "\\section{Plan}\n\nAllies met.\n\n\\begin{tabular}{ll}\n\\toprule\nArea & Focus \\\\\n\\midrule\n"
        "Cyber & Sharing \\\\\nSpace & Sensors \\\\\n\\bottomrule\n\\end{tabular}\n\n"
        "\\begin{itemize}\n\\item Next\n\\end{itemize}\n"
    )
    doc = parse_document(text)
    (table,) = doc.tables
    assert (table.section, table.headers) == ("Plan", ["Area", "Focus"])
    assert [(r.cells, r.line) for r in table.rows] == [(["Cyber", "Sharing"], 9), (["Space", "Sensors"], 10)]
    assert [(item.text, item.line) for item in doc.items] == [("Next", 15)]


# --------------------------------------------------------------------------- aligned_repeated_header (shapes23)

ALIGNED_PAGES = (
    "Priorities\n\n"
    "Priority Area        Key Focus               Expected Outcome\n"
    "Maritime Patrol      More patrol aircraft    Early detection\n"
    "Undersea Cables      Seabed sensors          Protected links\n"
    "\fPriority Area        Key Focus               Expected Outcome\n"
    "Ports                Common security plans   Open ports\n"
)


def test_aligned_repeated_header_after_a_page_break_is_no_row():
    doc = parse_document(ALIGNED_PAGES)
    assert [row.cells[0] for table in doc.tables for row in table.rows] == [
        "Maritime Patrol", "Undersea Cables", "Ports"]  # fmt: skip


def test_aligned_repeated_header_near_miss_a_grid_table_keeps_its_rows():
    grid = (
        "+------+------+\n| Area | Plan |\n+======+======+\n| Air  | Jets |\n+------+------+\n"
        "| Area | Plan |\n+------+------+\n"
    )
    assert [row.cells for table in parse_document(grid).tables for row in table.rows] == [
        ["Air", "Jets"], ["Area", "Plan"]]  # fmt: skip: a table converted from another syntax is read as written
