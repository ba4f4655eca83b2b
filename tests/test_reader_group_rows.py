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
