"""Session 16 rules (``rules/rerendered.py``): the seeds re-rendered as tools write them, each rule with its positive
and near-miss cases. Found by tests/test_rerender.py (the seeds' records must survive a re-rendering).
"""

from __future__ import annotations

import textwrap

from nato_briefs.parse import parse_document
from nato_briefs.reader.lines import wrap_width
from nato_briefs.reader.rules import rerendered
from nato_briefs.reader.rules.breadth import pipe_cut_row

PROSE = (
    "Allied leaders met in Brussels on Thursday to agree on the next steps for the alliance, its partners and "
    "the industry that supplies them. Ministers said the plan would be reviewed every year and reported to the "
    "North Atlantic Council, which will decide on the budget. The Secretary General welcomed the agreement."
)


def _wrapped(width: int, *blocks: str) -> str:
    """The blocks, prose wrapped at ``width`` as an e-mail client does (items and rows as given)."""
    out = []
    for block in blocks:
        out += textwrap.wrap(block, width, break_on_hyphens=False) if block == PROSE else [block]
    return "\n".join(out) + "\n"


def _items(text: str) -> list[str]:
    return [item.text for item in parse_document(text).items]


def _lists(text: str) -> list[int]:
    return [item.list_index for item in parse_document(text).items]


def _rows(text: str) -> list[list[str]]:
    return [row.cells for table in parse_document(text).tables for row in table.rows]


def _headings(text: str) -> list[str]:
    return [section.heading for section in parse_document(text).sections if section.heading]


def test_unforced_break_ends_an_item_whose_next_word_would_have_fit():
    assert rerendered.next_word_fits("- Promoting resilience against hybrid threats", "A summary below:", 64)
    item = "- Promoting resilience against hybrid and asymmetric threats"  # 60 columns
    text = _wrapped(64, PROSE, "Ministers listed three steps:", "- Expanding joint exercises", item)
    text += "A summary of the strategic priorities is outlined right below:\n"
    assert _items(text)[-1] == "Promoting resilience against hybrid and asymmetric threats"


def test_unforced_break_near_misses():
    assert not rerendered.next_word_fits("- Promoting resilience", "Anything", None)  # a text not hard-wrapped
    item = "(1) The North Atlantic Council establishes the NATO Support and Procurement"  # 76 columns
    text = _wrapped(78, PROSE, "The decision reads:", item, "Agency as the single provider of fuel to the forces.")
    assert _items(text) == [
        "The North Atlantic Council establishes the NATO Support and Procurement Agency as the single provider of "
        "fuel to the forces."
    ]  # "Agency" would have run past the width: the wrap ended the line


def test_longest_wrapped_line_is_where_the_wrap_broke():
    lines = textwrap.wrap(PROSE, 65, break_on_hyphens=False)
    assert rerendered.longest_wrapped_line(lines, 62) == max(len(line) for line in lines)
    longest = max(len(line) for line in lines)
    assert rerendered.longest_wrapped_line([*lines, "x" * 90], 62) == longest  # a long heading is not the wrap's


def test_lowercase_content_word_tells_a_sentence_of_names_from_title_case():
    assert rerendered.has_lowercase_content_word("The visit of NATO Deputy Secretary General to the United")


def test_lowercase_content_word_near_misses():
    assert not rerendered.has_lowercase_content_word("Commitment to Deepening Partnership Amid Emerging Global Threats")
    assert not rerendered.has_lowercase_content_word("Allies Meet with Partners from the Pacific")


def test_wrapped_name_line_is_no_heading():
    closing = (
        "The visit of NATO Deputy Secretary General to the United States underscores the enduring partnership "
        "between the alliance and its key transatlantic ally."
    )
    text = "Closing Remarks\n" + "\n".join(textwrap.wrap(closing, 60)) + "\n" + _wrapped(60, PROSE)
    assert text.split("\n")[1] == "The visit of NATO Deputy Secretary General to the United"
    assert _headings(text) == ["Closing Remarks"]


def test_wrapped_name_line_near_misses():
    heading = "Commitment to Deepening Partnership Amid Emerging Threats"  # Title Case, small words only
    assert _headings(_wrapped(60, PROSE, heading, PROSE)) == [heading]
    # the first word below would have fit: the author ended the line, a heading over its paragraph
    assert not rerendered.wrapped_name_line("The visit of NATO Chiefs to the USA", "Talks began.", 60)
    assert not rerendered.wrapped_name_line("The visit of NATO Deputy Secretary General to the United", "States", None)


def test_paren_roman_reads_i_ii_iii_as_one_list():
    text = "Ministers agreed to:\n(i) Strengthen intelligence sharing\n(ii) Expand exercises\n(iii) Build resilience\n"
    assert _lists(text) == [0, 0, 0]
    assert rerendered.paren_numeral_style("(i)", None) == "(i)"


def test_paren_roman_near_misses():
    letters = "".join(f"({chr(96 + n)}) Item {n}\n" for n in range(1, 11))  # (a) ... (h), (i), (j)
    assert _lists("Ministers agreed to:\n" + letters) == [0] * 10  # "(i)" after "(h)" is the ninth letter
    assert rerendered.paren_numeral_style("(i)", "(a)") == "(a)"
    assert rerendered.paren_numeral_style("(h)", None) is None


HEADER = "| Priority Area | Key Focus | Expected Outcome |"


def test_closing_pipe_row_joins_a_row_cut_before_its_last_pipe():
    text = f"Below:\n{HEADER}\n|---|---|---|\n| Technology | AI & Cyber Tools | Superior Threat Detection\n|\nText.\n"
    assert _rows(text) == [["Technology", "AI & Cyber Tools", "Superior Threat Detection"]]


def test_closing_pipe_row_near_misses():
    assert pipe_cut_row("| Technology | AI tools", "|", HEADER) is None  # fewer cells: a row of its own
    assert pipe_cut_row("| Technology | AI | Detection |", "|", HEADER) is None  # a whole row


def test_cut_header_row_joins_a_header_cut_by_a_mail_client():
    cut_in_cell = "| Strategic Focus | Priority Area | Expected\nOutcome |\n|---|---|---|\n| C2 | Systems | Fast |\n"
    assert _rows("Below:\n" + cut_in_cell) == [["C2", "Systems", "Fast"]]
    before_pipe = "| Priority Area | Key Focus\n| Expected Outcome |\n|---|---|---|\n| Cyber | Drills | Speed |\n"
    assert _rows("Below:\n" + before_pipe) == [["Cyber", "Drills", "Speed"]]
    over_cut_rule = "| Priority Area | Key Focus | Outcome\n|\n| --- | --- |\n--- |\n| Cyber | Drills | Speed |\n"
    assert _rows("Below:\n" + over_cut_rule) == [["Cyber", "Drills", "Speed"]]


def test_cut_header_row_near_misses():
    assert rerendered.cut_header_row("| Area | Key", "Focus | Outcome |", "|---|---|", "") is None  # 3 cells, rule 2
    assert rerendered.cut_header_row(HEADER, "| Extra |", "|---|---|---|", "") is None  # two whole rows


def test_cut_delimiter_row_joins_an_aligned_tables_rule():
    text = f"Below:\n{HEADER}\n| ------------- | --------- |\n---------------- |\n| Cyber | Drills | Speed |\n"
    assert _rows(text) == [["Cyber", "Drills", "Speed"]]
    assert rerendered.cut_delimiter_row("| --- | --- | ---", "|", HEADER)


def test_cut_delimiter_row_near_misses():
    assert not rerendered.cut_delimiter_row("| --- | --- | --- |", "--- |", HEADER)  # whole: the piece is no part
    assert not rerendered.cut_delimiter_row("| --- |", "--- |", HEADER)  # two cells of three


def test_glyph_element_run_reads_typed_bullet_lines_as_one_list():
    text = "Steps:\n<div>•&nbsp;Cyber</div>\n<div>•&nbsp;Space</div>\n<div>&bull; Ports</div>\nText.\n"
    assert _items(text) == ["Cyber", "Space", "Ports"] and _lists(text) == [0, 0, 0]


def test_glyph_element_run_near_misses():
    assert not rerendered.glyph_elements_run("<div>•&nbsp;Cyber</div>", "<div>Regards</div>")  # prose below
    assert not rerendered.glyph_elements_run("<p>•&nbsp;Cyber</p>", "<div>•&nbsp;Space</div>")  # another tag
    assert rerendered.glyph_element("<div>Allies • partners</div>") is None  # a bullet inside the text


GRID = "+------+------+\n| Area | Focus |\n+======+======+\n| Cyber | Drills |\n+------+------+\n"


def test_grid_after_list_ends_the_list():
    assert _rows("Steps:\n- Resource sharing: more assets\n" + GRID + "Text.\n") == [["Cyber", "Drills"]]
    assert _items("Steps:\n- Resource sharing: more assets\n" + GRID) == ["Resource sharing: more assets"]


def test_grid_after_list_near_misses():
    assert not rerendered.opens_grid_table("  +------+------+", "  | Area | Focus |")  # indented: the item's
    assert not rerendered.opens_grid_table("+------+------+", "| Area | Focus | Outcome |")  # other cells


def test_tsv_after_item_ends_the_list():
    text = "Steps:\n- Resource sharing: more assets\nArea\tFocus\tOutcome\nCyber\tDrills\tSpeed\nText.\n"
    assert _rows(text) == [["Cyber", "Drills", "Speed"]]


def test_tsv_after_item_near_misses():
    assert not rerendered.tab_row_under_item("\tArea\tFocus", "Cyber\tDrills")  # indented: the item's wrapped line
    assert not rerendered.tab_row_under_item("more\tassets", "Cyber\tDrills")  # lowercase: the item goes on
    assert not rerendered.tab_row_under_item("Area\tFocus\tOutcome", "Cyber\tDrills")  # other cells below


def test_wrapped_run_reads_hard_wrapped_roman_items():
    text = "Points:\nI. Joint exercises: more of them to\nbolster readiness.\nII. Technology: invest in\ncyber tools.\n"
    assert _items(text) == ["Joint exercises: more of them to bolster readiness.", "Technology: invest in cyber tools."]


def test_wrapped_run_near_misses():
    lines = ["I. Background", "Allies met in June.", "II. Findings"]
    assert rerendered.run_neighbours(lines, 0) == ("", "Allies met in June.")  # a paragraph stops the search
    assert not rerendered.is_wrapped_item_line("Allies met.") and not rerendered.is_wrapped_item_line("   ")


def test_wrap_width_is_measured_without_trailing_blanks():
    lines = textwrap.wrap(PROSE, 64, break_on_hyphens=False)
    assert wrap_width([line + " \t" for line in lines]) == wrap_width(lines) is not None
