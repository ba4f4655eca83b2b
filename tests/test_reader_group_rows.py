"""A table's rows about its other rows (``rules/group_rows.py``): group labels and totals, each rule with its
positive and near-miss cases.
"""

from __future__ import annotations

from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import group_rows

# ---------------------------------------- spanning_group_row: an HTML cell spanning every column (session 16, shapes15)


def test_spanning_group_row_is_a_label_not_a_priority():
    html = (
        "<table><tr><th>Priority Area</th><th>Key Focus</th><th>Expected Outcome</th></tr>\n"
        "<tr><td colspan=3><i>Eastern flank</i></td></tr>\n"
        "<tr><td>Land Forces</td><td>Brigades</td><td>Forward defence</td></tr></table>\n"
    )
    rows = parse_document(html).tables[0].rows
    assert [(row.cells, row.about_other_rows) for row in rows] == [
        (["Eastern flank"] * 3, True),
        (["Land Forces", "Brigades", "Forward defence"], False),
    ]


def test_spanning_group_row_near_misses():
    assert group_rows.is_spanning_label(2, ["Quantum", "Quantum", "Better detection"], 3) is False  # beside a cell
    assert group_rows.is_spanning_label(1, ["", "", ""], 3) is False  # an empty spanning cell
    assert group_rows.is_spanning_label(1, ["Cyber"], 1) is False  # a one-column table's row
    html = "<table><tr><th>Area</th><th>Focus</th></tr><tr><td colspan=2>Cyber</td></tr></table>\n"
    assert [row.about_other_rows for row in parse_document(html).tables[0].rows] == [True]
    html = "<table><tr><th>Area</th><th>Focus</th><th>Outcome</th></tr><tr><td colspan=2>Cyber</td><td>x</td></tr>"
    assert [row.about_other_rows for row in parse_document(html + "</table>\n").tables[0].rows] == [False]


# ---------------------------------------- units_row: a bracketed units row under the header (session 19, shapes23)


def test_units_row_is_no_priority():
    text = (
        "| Priority Area | Key Focus | Funding | Expected Outcome |\n|---|---|---|---|\n"
        "| | | (EUR million) | (by 2030) |\n| Long-range | Interceptors | 950 | Cities |\n"
        "| Short-range | Counter-drone | 320 | Bases |\n"
    )
    rows = parse_document(text).tables[0].rows
    assert [row.about_other_rows for row in rows] == [True, False, False]


def test_units_row_near_misses():
    assert group_rows.is_units_row(["Air", "(classified)", "(2027)"]) is False  # an area: a row
    assert group_rows.is_units_row(["", "Counter-drone systems", "(2027)"]) is False  # plain text beside the note
    assert group_rows.is_units_row(["", "", ""]) is False  # an empty row
    two = "| Area | Focus |\n|---|---|\n| | (EUR m) |\n| Air | Jets |\n"
    assert [row.about_other_rows for row in parse_document(two).tables[0].rows] == [False, False]  # one row under it
