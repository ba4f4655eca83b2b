"""Round 11 part D rules (``rules/tool_copies.py`` and three segmenter rules): articles as common tools hand
them on, each rule with its positive and near-miss cases. Found by tests/shapes_corpus/646-665.
"""

from __future__ import annotations

import pytest

from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import tool_copies
from nato_briefs.reader.rules.items import symbol_bullet_item

HEADER = "Priority Area\tKey Focus\tExpected Outcome"


def _rows(text: str) -> list[list[str]]:
    return [row.cells for table in parse_document(text).tables for row in table.rows]


def _headings(text: str) -> list[str | None]:
    return [section.heading for section in parse_document(text).sections]


def test_tsv_repeated_header_starts_the_next_part():
    sheet = f"T\n\nText.\n\n{HEADER}\nAir\tRadars\tCover\n{HEADER}\nLand\tBrigades\tDefence\n"
    doc = parse_document(sheet)
    assert [t.headers for t in doc.tables] == [HEADER.split("\t")] * 2
    assert _rows(sheet) == [["Air", "Radars", "Cover"], ["Land", "Brigades", "Defence"]]
    near = f"T\n\nText.\n\n{HEADER}\nAir\tRadars\tCover\nPriority Area\tKey Focus\tNone yet\n"
    assert len(parse_document(near).tables) == 1 and len(_rows(near)) == 2  # one cell differs: a row


def test_tsv_table_end_opens_a_block_for_a_title():
    sheet = f"T\n\nText.\n\n{HEADER}\nAir\tRadars\tCover\nLand\tBrigades\tDefence\nClosing Remarks\nThe visit ended.\n"
    assert _headings(sheet) == ["T", "Closing Remarks"]
    near = f"T\n\nText.\n\n{HEADER}\nAir\tRadars\tCover\nLand\tBrigades\tDefence\nThe visit ended on Friday.\n"
    assert _headings(near) == ["T"]


def test_unrtf_banner_is_no_heading():
    head = "### Translation from RTF performed by UnRTF, version 0.21.10\n### font table contains 4 fonts total\n"
    text = head + "-----------------\nAllies Agree Plan\n\nText.\n"
    assert tool_copies.unrtf_banner_end(text.split("\n")) == 3
    assert parse_document(text).title == "Allies Agree Plan" and _headings(text) == ["Allies Agree Plan"]
    near = "### Priorities\n\nText.\n"  # a document opening with a heading of its own keeps it
    assert tool_copies.unrtf_banner_end(near.split("\n")) == 0 and _headings(near) == ["Priorities"]



RTF = (
    "Allies Agree Plan\\par\n\\par\nAllies agreed on Monday.\\par\n\\par\nPriorities\\par\n"
    "Priority Area\\tab Key Focus\\tab Expected Outcome\\par\nAir\\tab Jets\\tab Cover\\par\n"
    "Sea\\tab Ships\\tab Safe routes\\par\n\\par\nKey initiatives\\par\n\\bullet\\tab Sky Shield: joint buying\\par\n"
)


def test_rtf_residue():
    """``rtf_residue`` (shapes30, 1082): RTF's body written out as text reads as its text: ``\\par`` ends a line,
    ``\\tab`` is a tab between cells, ``\\bullet`` opens an item; no line moves."""
    lines = RTF.split("\n")
    assert tool_copies.rtf_residue_lines(lines) and len(lines) == len(RTF.split("\n"))
    assert lines[:2] == ["Allies Agree Plan", ""] and lines[5] == "Priority Area\tKey Focus\tExpected Outcome"
    assert lines[10] == "\u2022\tSky Shield: joint buying"
    doc = parse_document(RTF)
    assert _headings(RTF) == ["Allies Agree Plan", "Priorities", "Key initiatives"]
    assert _rows(RTF) == [["Air", "Jets", "Cover"], ["Sea", "Ships", "Safe routes"]]
    assert [item.text for item in doc.items] == ["Sky Shield: joint buying"]


def test_rtf_residue_near_misses():
    """Two ``\\par`` lines, or a few among many lines, are no RTF body (a LaTeX or a path's backslashes stay);
    other control words are left as written."""
    two = ["Allies Agree Plan\\par", "Text.\\par", "More text.", "And more."]
    assert not tool_copies.rtf_residue_lines(two) and two[0] == "Allies Agree Plan\\par"
    some = ["a\\par", "b\\par", "c\\par", "d", "e", "f"]
    assert not tool_copies.rtf_residue_lines(some)
    lines = ["\\section{A}\\par", "\\partial x\\par", "C:\\tables\\par", "\\tabular\\par"]
    assert tool_copies.rtf_residue_lines(lines)
    assert lines == ["\\section{A}", "\\partial x", "C:\\tables", "\\tabular"]


def test_rtf_residue_formatting_words():
    """RTF's formatting words before a paragraph's text stand for no character (shapes30 probe: ``\\pard\\plain``
    before a title kept it from being one); a word that is no RTF formatting word, or a word run on, stays."""
    text = RTF.replace("Priorities\\par", "\\pard\\plain\\f0\\fs24 Priorities\\par")
    text = text.replace("Air\\tab", "\\b Air\\b0\\tab")
    assert _headings(text) == ["Allies Agree Plan", "Priorities", "Key initiatives"]
    assert _rows(text)[0] == ["Air", "Jets", "Cover"]
    lines = ["\\bold x\\par", "\\fancy y\\par", "\\b2x z\\par", "\\pardon\\par"]
    assert tool_copies.rtf_residue_lines(lines)
    assert lines == ["\\bold x", "\\fancy y", "\\b2x z", "\\pardon"]

@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("**Priority Area:** Maritime Security  ", "Priority Area: Maritime Security"),
        ("**Key Focus**: Joint exercises", "Key Focus: Joint exercises"),
        ("__Expected Outcome:__ Safer sea lanes", "Expected Outcome: Safer sea lanes"),
        ("**Note** that allies agreed: more ships", None),  # the bold is no label
        ("Priority Area: Cyber", None),  # no bold: record_field reads it as written
        ("**Priorities:**", None),  # a bold heading, no value
    ],
)
def test_bold_record_field(line, field):
    assert tool_copies.bold_record_field(line) == field


def test_bold_record_blocks_are_a_table():
    block = "**Priority Area:** {}  \n**Key Focus:** {}  \n**Expected Outcome:** {}\n"
    text = "T\n\nText.\n\n" + block.format("Sea", "Patrols", "Safer") + "\n" + block.format("Cyber", "Sharing", "Fast")
    assert _rows(text) == [["Sea", "Patrols", "Safer"], ["Cyber", "Sharing", "Fast"]]
    near = "T\n\nText.\n\n" + block.format("Sea", "Patrols", "Safer")  # one block: a field list, prose
    assert _rows(near) == []


def test_comment_row_is_hidden_and_the_table_goes_on():
    table = "# T\n\n| A | B |\n|---|---|\n| a | b |\n{}\n| c | d |\n"
    assert _rows(table.format("<!-- | x | y | (moved) -->")) == [["a", "b"], ["c", "d"]]
    assert tool_copies.is_comment_row("<!-- note -->", "| c | d |")
    assert not tool_copies.is_comment_row("<!-- a --> text <!-- b -->", "| c | d |")  # text between comments
    assert not tool_copies.is_comment_row("<!-- note -->", "Text.")  # under the last row: the table ends
    near = "# T\n\n| A | B |\n|---|---|\n| a | b |\n<!-- end -->\nText.\n"
    assert _rows(near) == [["a", "b"]]


def test_docs_clipboard_wrapper_is_no_bold():
    guid = '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-6c1f2a7e-7fff">'
    page = guid + "<h1><span>Allies Meet</span></h1><p><span>Text.</span></p><ul><li><p>Radars</p></li></ul></b>"
    assert tool_copies.unwrapped_docs_clipboard(page).startswith("<h1>")
    doc = parse_document(page + '<br class="Apple-interchange-newline">\n')
    assert doc.title == "Allies Meet" and [item.text for item in doc.items] == ["Radars"]
    near = "<b>Allies Meet</b> in Brussels.\n"  # a bold without the guid stays bold
    assert tool_copies.unwrapped_docs_clipboard(near) == near


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        (
            "Critical Infrastructure  Rail and energy protection       Fewer disruptions",
            ["Critical Infrastructure", "Rail and energy protection", "Fewer disruptions"],
        ),
        ("Allies met in Brussels.  They agreed a plan.  Work starts soon.", None),  # double-spaced prose
        ("Air  Radars", None),  # two cells for three columns
        ("Air Defence  Radars  Cover  Extra", None),  # four cells
    ],
)
def test_overflow_row(line, cells):
    assert tool_copies.overflow_cells(line, [0, 23, 58]) == cells


def test_aligned_table_after_a_list_ends_the_list():
    text = (
        "T\n\nText.\n\n• Air: radars\n• Land: brigades\n\n"
        "Priority Area    Key Focus    Expected Outcome\nAir Defence      Radars       Better cover\n"
        "Land Forces      Brigades     Stronger defence\n\nThe end.\n"
    )
    assert _rows(text) == [["Air Defence", "Radars", "Better cover"], ["Land Forces", "Brigades", "Stronger defence"]]
    assert [item.text for item in parse_document(text).items] == ["Air: radars", "Land: brigades"]
    near = "T\n\n- Air: radars\n\n  Note  that  this  is  indented\n  and  so  is  this\n"  # the item's paragraph
    assert _rows(near) == []


def test_emoji_lead_in_is_prose():
    post = "T\n\nText.\n\n📌 Key priorities:\n🔸 Cyber → sharing\n🔸 Air → radars\n"
    assert [item.text for item in parse_document(post).items] == ["Cyber → sharing", "Air → radars"]
    same = "T\n\nText.\n\n👉 Priorities:\n👉 Cyber: sharing\n👉 Air: radars\n"  # one glyph for all: items
    assert len(parse_document(same).items) == 3
    below = symbol_bullet_item("🔸 Cyber")
    assert tool_copies.is_emoji_lead_in("📌", "📌 Key priorities:", None, below)
    assert not tool_copies.is_emoji_lead_in("📌", "📌 Key priorities: cyber", None, below)


def test_summary_right_over_a_table_leaves_markdown_below():
    text = "# T\n\n<details>\n<summary>Agreed</summary>\n| A | B |\n|---|---|\n| a | b |\n</details>\n\nEnd.\n"
    assert _rows(text) == [["a", "b"]]
    assert tool_copies.summary_over_markdown("<summary>Agreed</summary>", "- item")
    near = "# T\n\n<details>\n<summary>Agreed</summary>\nSome text | with a pipe.\n</details>\n\nEnd.\n"
    assert _rows(near) == [] and not tool_copies.summary_over_markdown("<summary>Agreed</summary>", "Some text")


def test_page_break_rows_continue_the_table():
    part = "# T\n\n| Priority Area | Key Focus | Expected Outcome |\n|---|---|---|\n| Air | Radars | Cover |\n\n"
    text = part + '<!-- PageNumber="1" -->\n<!-- PageBreak -->\n\n| Land | Brigades | Defence |\n|---|---|---|\n'
    doc = parse_document(text + "| Sea | Ships | Lanes |\n")
    assert len(doc.tables) == 1 and _rows(text + "| Sea | Ships | Lanes |\n") == [
        ["Air", "Radars", "Cover"],
        ["Land", "Brigades", "Defence"],
        ["Sea", "Ships", "Lanes"],
    ]
    rest = "| Land | Brigades | Defence |\n|---|---|---|\n| Sea | Ships | Lanes |\n"
    no_break = part + '<!-- PageNumber="1" -->\n\n' + rest
    assert len(parse_document(no_break).tables) == 2  # no PageBreak marker: two tables
    own = part + "<!-- PageBreak -->\n\n| Domain | Action | Result |\n|---|---|---|\n| Sea | Ships | Lanes |\n"
    assert len(parse_document(own).tables) == 2  # a header naming the roles heads a table of its own


def test_stacked_records_are_a_table():
    card = "Priority Area\n{}\nKey Focus\n{}\nExpected Outcome\n{}\n"
    text = "T\n\nText.\n\nPriorities\n\n" + card.format("Stability", "KFOR", "Safety") + "\n" + card.format(
        "Reform", "Institutions", "Modern forces"
    )
    assert _rows(text) == [["Stability", "KFOR", "Safety"], ["Reform", "Institutions", "Modern forces"]]
    people = "T\n\nText.\n\nName\nAnna\nRole\nEditor\n\nName\nTom\nRole\nReporter\n"  # labels name no roles
    assert _rows(people) == []
    one = "T\n\nText.\n\n" + card.format("Stability", "KFOR", "Safety")  # one card: no table
    assert _rows(one) == []
