"""parse_document on the shapes real sources use (CONTRACT.md "Formats real sources use")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.parse import parse_document


def items(doc):
    return [(i.list_index, i.depth, i.ordered, i.text, i.line) for i in doc.items]


def headings(doc):
    return [s.heading for s in doc.sections if s.heading is not None]


# --------------------------------------------------------------------------- text rules


def test_nbsp_and_zero_width_removed_in_cells_items_headings_and_prose():
    text = (
        "Allied\u00a0Briefing\u200b\n"
        "Prose\u200c with\u00a0no-break.\n"
        "- item\u2060 one\n"
        "| a\u200b | b |\n|---|---|\n| x\ufeffy | \u00a0z\u00a0 |\n"
    )
    doc = parse_document(text)
    assert doc.title == "Allied Briefing"
    assert doc.sections[0].text == "Prose with no-break."
    assert doc.items[0].text == "item one"
    assert doc.tables[0].headers == ["a", "b"] and doc.tables[0].rows[0].cells == ["xy", "z"]


def test_entities_that_decode_to_invisible_characters():
    doc = parse_document("- a&nbsp;b&#8203;c\n")
    assert doc.items[0].text == "a bc"


def test_nbsp_indentation_is_indentation():
    doc = parse_document("• top\n\u00a0\u00a0\u00a0\u00a0• child\n")
    assert [(i.depth, i.text) for i in doc.items] == [(0, "top"), (1, "child")]


# --------------------------------------------------------------------------- bullets and enumerators


def test_unicode_bullets_with_depth_from_indentation():
    doc = parse_document("Intro:\n• one\n    ▪ deeper\n\t▪ tab deeper\n• two\n")
    assert items(doc) == [
        (0, 0, False, "one", 2),
        (0, 0, False, "two", 5),
        (1, 1, False, "deeper", 3),
        (1, 1, False, "tab deeper", 4),
    ]
    assert doc.sections[0].text == "Intro:"


def test_white_bullet_under_black_bullet_is_depth_one_even_unindented():
    doc = parse_document("● top\n◦ sub a\n◦ sub b\n● next\n")
    assert [(i.depth, i.text) for i in doc.items] == [(0, "top"), (0, "next"), (1, "sub a"), (1, "sub b")]


@pytest.mark.parametrize(
    "glyph", ["–", "—", "✅", "✔", "▪", "●", "‣", "·", "\uf0b7", "■", "◆", "❖", "➢", "➤", "►", "→", "☐", "☑", "🔹"]
)
def test_other_bullets(glyph):
    doc = parse_document(f"Done:\n{glyph} first\n{glyph} second\n")
    assert [(i.text, i.ordered) for i in doc.items] == [("first", False), ("second", False)]


def test_word_second_level_circle_nests_under_its_bullet():
    doc = parse_document("\uf0b7 top\n○ sub\n\uf0b7 next\n")
    assert [(i.depth, i.text) for i in doc.items] == [(0, "top"), (0, "next"), (1, "sub")]


def test_bullet_inside_prose_is_not_an_item():
    doc = parse_document("Allies agreed • more troops • more drills.\n")
    assert doc.items == [] and doc.sections[0].text == "Allies agreed • more troops • more drills."


@pytest.mark.parametrize("markers", [("(1)", "(2)"), ("(a)", "(b)"), ("a)", "b)"), ("i.", "ii."), ("1 -", "2 -")])
def test_enumerators_are_ordered_items(markers):
    doc = parse_document(f"Steps:\n{markers[0]} first step\n{markers[1]} second step\n")
    assert [(i.text, i.ordered, i.depth) for i in doc.items] == [("first step", True, 0), ("second step", True, 0)]


def test_letters_indented_under_numbers_nest_at_depth_one():
    doc = parse_document("1. First\n   a) sub one\n   b) sub two\n2. Second\n")
    assert items(doc) == [
        (0, 0, True, "First", 1),
        (0, 0, True, "Second", 4),
        (1, 1, True, "sub one", 2),
        (1, 1, True, "sub two", 3),
    ]


def test_ie_and_decimals_are_never_items():
    doc = parse_document("i.e. the plan holds.\n1.5 percent of GDP was agreed.\n")
    assert doc.items == []


def test_a_change_of_enumerator_starts_a_new_list():
    doc = parse_document("(1) one\n(2) two\ni. three\nii. four\n")
    assert [i.list_index for i in doc.items] == [0, 0, 1, 1]


def test_markdown_syntax_inside_a_rewritten_item_stays_text():
    doc = parse_document("• # not a heading\n• 2. not a list\n• > not a quote\n")
    assert [i.text for i in doc.items] == ["# not a heading", "2. not a list", "> not a quote"]
    assert doc.n_lists == 1


# --------------------------------------------------------------------------- wrapped items and paragraphs


def test_wrapped_items_join_their_lines_and_keep_the_marker_line():
    text = "• Stronger air defence for the\n  eastern flank\n• More exercises in\nthe Baltic region\nAfter the list.\n"
    doc = parse_document(text)
    assert [(i.text, i.line) for i in doc.items] == [
        ("Stronger air defence for the eastern flank", 1),
        ("More exercises in the Baltic region", 3),
    ]
    assert doc.sections[0].text == "After the list."


def test_lowercase_line_continues_a_markdown_item_as_in_gfm():
    doc = parse_document("- Joint exercises with\nallied navies\nNew prose.\n")
    assert [i.text for i in doc.items] == ["Joint exercises with allied navies"]


def test_hard_wrapped_paragraph_lines_are_never_headings():
    text = (
        "Allied Leaders Meet in Vilnius\n"
        "\n"
        "The meeting brought together heads of state and government from all 32\n"
        "Allies. Leaders discussed support for Ukraine and the defence industrial\n"
        "base, and agreed that more investment is needed across the Alliance and\n"
        "Partner Nations Across the Region\n"
        "contributed to the debate on the final day.\n"
        "\n"
        "Next Steps\n"
        "Ministers will meet again in October to review progress on the plans.\n"
    )
    doc = parse_document(text)
    assert headings(doc) == ["Allied Leaders Meet in Vilnius", "Next Steps"]
    assert doc.sections[0].text.startswith("The meeting brought together heads of state")


def test_full_width_wrapped_line_that_runs_on_is_not_a_heading():
    text = (
        "Ministers reviewed the state of the new force model and the readiness of\n"
        "the forces assigned to it, and they agreed to strengthen the deterrence.\n"
        "The meeting brought together defence ministers from all 32 NATO Allies\n"
        "Canada and the United States included, with Ukraine joining the session.\n"
    )
    doc = parse_document(text)
    assert headings(doc) == []


@pytest.mark.parametrize(
    "first",
    [
        "Allies agreed to raise defence spending to 3.5% of GDP by 2035. Ministers expressed concern about",
        "Leaders met in Vilnius on Tuesday. They expressed concern about",
        "The summit closed with a declaration. Leaders Agreed",
    ],
)
def test_a_wrapped_line_holding_a_sentence_end_or_a_dangling_word_is_not_a_heading(first):
    """Two lines of one paragraph, the second capitalised (a name): the first is prose, not a bare title."""
    doc = parse_document(f"<p>Intro.</p>\n\n{first}\nRussia's hybrid attacks against Lithuania.\n")
    assert headings(doc) == []
    assert first in doc.sections[0].text


@pytest.mark.parametrize("title", ["U.S. Forces Arrive in Poland", "Gen. Smith Visits Riga", "Part 1. Background"])
def test_abbreviations_and_numbering_inside_a_title_keep_it_a_title(title):
    doc = parse_document(f"Intro.\n\n{title}\nTroops arrived on Monday.\n")
    assert headings(doc) == [title]


def test_front_matter_is_metadata_and_gives_the_title_when_no_top_heading_does():
    text = '---\ntitle: "Allies Meet in Vilnius"\ndate: 2023-07-12\ntags:\n  - nato\n---\n\nLeaders agreed to act.\n'
    doc = parse_document(text)
    assert doc.title == "Allies Meet in Vilnius"
    assert [(s.heading, s.text, s.line) for s in doc.sections] == [(None, "Leaders agreed to act.", 8)]
    assert doc.items == [] and doc.n_suspect_lines == 0
    with_heading = parse_document(text.replace("\nLeaders", "\n# The Heading\n\nLeaders"))
    assert with_heading.title == "The Heading" and headings(with_heading) == ["The Heading"]
    section_first = parse_document(text.replace("\nLeaders", "\n## Priorities\n\nLeaders"))
    assert section_first.title == "Allies Meet in Vilnius" and headings(section_first) == ["Priorities"]
    bare_first = parse_document(text.replace("\nLeaders", "\nThe Bare Title\n\nLeaders"))
    assert bare_first.title == "The Bare Title"


# --------------------------------------------------------------------------- captions, tables, headings


def test_caption_and_source_lines_are_prose_and_rows_keep_the_real_heading():
    text = (
        "Priority Areas\n"
        "Table 1: Priorities agreed in 2025\n"
        "| Area | Focus | Outcome |\n|---|---|---|\n| Cyber | Centre | Resilience |\n"
        "Source: NATO Public Diplomacy Division\n"
    )
    doc = parse_document(text)
    assert headings(doc) == ["Priority Areas"]
    assert doc.tables[0].section == "Priority Areas"
    assert doc.sections[0].text == "Table 1: Priorities agreed in 2025\n\nSource: NATO Public Diplomacy Division"


def test_indented_pipe_table_and_bold_header_cells():
    doc = parse_document("Intro:\n   | **Theme** | **Goal** |\n  |---|---|\n | a | b |\n")
    assert doc.tables[0].headers == ["Theme", "Goal"] and doc.tables[0].rows[0].cells == ["a", "b"]


def test_blank_line_ends_a_table():
    doc = parse_document("| a | b |\n|---|---|\n| 1 | 2 |\n\n| 3 | 4 |\n")
    assert [r.cells for r in doc.tables[0].rows] == [["1", "2"]]
    assert doc.sections[0].text == "| 3 | 4 |"
    assert doc.n_suspect_lines == 1


def test_all_caps_and_title_case_bare_lines_and_numbered_atx():
    text = "NATO SUMMIT OPENS\nLeaders met.\nKey Outcomes Of The Summit\nThey agreed.\n## 1. Background\nHistory.\n"
    doc = parse_document(text)
    assert headings(doc) == ["NATO SUMMIT OPENS", "Key Outcomes Of The Summit", "1. Background"]


# --------------------------------------------------------------------------- suspect lines


def test_structure_like_lines_read_as_prose_are_counted():
    text = "Intro.\n\n¤ odd bullet one\n¤ odd bullet two\nA. capital enumerator\nPlain prose here.\n"
    doc = parse_document(text)
    assert doc.n_suspect_lines == 3
    assert parse_document("Allies met.\nThey agreed.\n").n_suspect_lines == 0


def test_a_year_starting_a_wrapped_line_continues_the_sentence():
    text = "The plan will remain in force until the end of\n2027. Ministers will then review it.\nSteps:\n2. second\n"
    doc = parse_document(text)
    assert [i.text for i in doc.items] == ["second"]
    assert doc.sections[0].text.startswith("The plan will remain in force until the end of 2027. Ministers")


def test_a_table_directly_under_a_list_ends_it_even_indented():
    doc = parse_document("1) first item\n2) second item\n  Area|Focus|Outcome\n  ---|---|---\n  a|b|c\n")
    assert [i.text for i in doc.items] == ["first item", "second item"]
    assert doc.tables[0].headers == ["Area", "Focus", "Outcome"] and doc.tables[0].rows[0].line == 5


def test_a_heading_directly_after_a_wrapped_item():
    text = "• Expanding supply chains through combined\n  protocols\nBuilding Consensus on Defence\nText.\n"
    doc = parse_document(text)
    assert [s.heading for s in doc.sections] == ["Building Consensus on Defence"]
    assert doc.items[0].text == "Expanding supply chains through combined protocols"


def test_raw_html_blocks_run_to_their_closing_tag_over_blank_lines():
    doc = parse_document("<pre>\nline one\n\n• not an item\n</pre>\nAfter.\n")
    assert doc.items == []
    assert doc.sections[0].text == "line one • not an item\n\nAfter."


# --------------------------------------------------------------------------- export shapes (tests/shapes_corpus)


def test_a_sentence_ending_in_a_footnote_reference_is_prose():
    doc = parse_document("# Plan Agreed\n\nAllies agreed a plan for air defence.[^1]\n\n[^1]: Announced in Brussels\n")
    assert headings(doc) == ["Plan Agreed"]
    # the reference is markup, removed (``footnote_refs_inline``); the definition keeps its label
    assert doc.sections[0].text == "Allies agreed a plan for air defence.\n\n[^1]: Announced in Brussels"


def test_a_footnote_reference_does_not_stop_a_real_title():
    doc = parse_document("Intro text.\n\nKey Priorities[^2]\n\nAllies agreed.\n")
    assert headings(doc) == ["Key Priorities"]  # the heading as written, its reference removed as markup


@pytest.mark.parametrize(
    "caption", ["Photo: NATO Allied Land Command", "Table: Climate priorities by area", "*Photo credit: NATO*"]
)
def test_photo_credits_and_unnumbered_table_captions_are_prose(caption):
    doc = parse_document(f"# Title\n\n![Troops](img.jpg)\n\n{caption}\n\nThe brigade arrived.\n")
    assert headings(doc) == ["Title"]


def test_a_line_under_a_comma_ending_line_continues_it():
    doc = parse_document("DECISIONS\n\nMinisters agreed.\n\nBest regards,\nThe Press Office\n")
    assert headings(doc) == ["DECISIONS"]
    assert doc.sections[0].text == "Ministers agreed.\n\nBest regards, The Press Office"


def test_a_bold_heading_keeps_its_colon():
    doc = parse_document("Intro.\n\n**Key outcomes:**\n\n- Investment: one billion euros\n")
    assert headings(doc) == ["Key outcomes:"]
    assert doc.items[0].section == "Key outcomes:"


def test_lines_ending_in_br_are_prose_when_their_sentence_ends():
    doc = parse_document("# Title\n\nAllies met in Brussels.<br>\nThey agreed.<br />\n\nKey Priorities<br>\n\nText.\n")
    assert headings(doc) == ["Title", "Key Priorities"]
    assert doc.sections[0].text == "Allies met in Brussels. They agreed."


def test_a_setext_underline_under_a_finished_sentence_heads_only_its_own_line():
    doc = parse_document("Intro\n=====\nThe strategy was adopted on Friday.\nPriorities\n----------\nText.\n")
    assert [(s.heading, s.heading_kind, s.text) for s in doc.sections] == [
        ("Intro", "setext", "The strategy was adopted on Friday."),
        ("Priorities", "setext", "Text."),
    ]


def test_a_setext_underline_under_a_running_sentence_stays_commonmark():
    doc = parse_document("Allies met and\nthey said\n---\n")
    assert headings(doc) == ["Allies met and they said"]


def test_pandoc_heading_attributes_are_markup():
    doc = parse_document("# Title {#top}\n\nText.\n\nPriorities {#p}\n----------\n\n## Next {-}\n")
    assert headings(doc) == ["Title", "Priorities", "Next"]
    assert doc.title == "Title"


def test_pandoc_div_fences_and_kramdown_attribute_lines_are_blank_lines():
    text = "# Title\n\n::: {.lead}\nAllies met.\n:::\n\n## Priorities\n{: .x}\n\n- Certification: by 2026\n"
    doc = parse_document(text)
    assert [(s.heading, s.text) for s in doc.sections] == [("Title", "Allies met."), ("Priorities", "")]
    assert [(i.text, i.line) for i in doc.items] == [("Certification: by 2026", 10)]


def test_a_parenthesised_sign_off_is_prose():
    doc = parse_document("MAIN POINTS\n\nAllies agreed.\n\n(Reporting by Jane Doe; Editing by John Roe)\n")
    assert headings(doc) == ["MAIN POINTS"]
    assert doc.sections[0].text == "Allies agreed.\n\n(Reporting by Jane Doe; Editing by John Roe)"


def test_a_pasted_spreadsheet_is_a_table():
    text = (
        "Priorities\n\nPriority Area\tKey Focus\tExpected Outcome\n"
        "Cyber\tSharing\tDetection\nSpace\t\tWarning\nThe end.\n"
    )
    doc = parse_document(text)
    assert headings(doc) == ["Priorities"]
    table = doc.tables[0]
    assert (table.section, table.headers) == ("Priorities", ["Priority Area", "Key Focus", "Expected Outcome"])
    assert [(r.cells, r.line) for r in table.rows] == [
        (["Cyber", "Sharing", "Detection"], 4),
        (["Space", "", "Warning"], 5),
    ]
    assert doc.sections[0].text == "The end."


@pytest.mark.parametrize(
    "text",
    [
        "Intro.\n\nArea\tFocus\tOutcome\n\t\t\nCyber\tSharing\tDetection\nSpace\tSensors\tWarning\n",  # under header
        "Intro.\n\nArea\tFocus\tOutcome\nCyber\tSharing\tDetection\n\t\t\nSpace\tSensors\tWarning\n",  # between groups
        "Intro.\n\nArea\tFocus\tOutcome\n \t \t\nCyber\tSharing\tDetection\nSpace\tSensors\tWarning\n",
    ],
)
def test_an_empty_spreadsheet_row_does_not_split_the_pasted_table(text):
    doc = parse_document(text)
    assert len(doc.tables) == 1
    assert doc.tables[0].headers == ["Area", "Focus", "Outcome"]
    assert [r.cells[0] for r in doc.tables[0].rows] == ["Cyber", "Space"]


@pytest.mark.parametrize(
    "text",
    [
        "Intro.\n\nArea\tFocus\tOutcome\nCyber\tSharing\tDetection\n\t\t\nThe end.\n",  # prose below: it ends
        "Intro.\n\nArea\tFocus\tOutcome\nCyber\tSharing\tDetection\n\t\nSpace\tWarning\n",  # another width
        "Intro.\n\nArea\tFocus\tOutcome\nCyber\tSharing\tDetection\n\nSpace\tSensors\tWarning\n",  # truly blank
    ],
)
def test_a_table_still_ends_at_an_empty_row_not_followed_by_its_rows(text):
    doc = parse_document(text)
    assert [r.cells[0] for r in doc.tables[0].rows] == ["Cyber"]


def test_a_lone_tab_separated_line_is_prose_not_a_title():
    doc = parse_document("Intro.\n\nName:\tJane Doe\n\nText.\n")
    assert headings(doc) == []


def test_star_bullets_without_their_space_are_prose_not_titles():
    doc = parse_document("Steps\n\n*Sensors: buy radars\n*Training: exercises\n")
    assert headings(doc) == ["Steps"]


GRID = """# Plan

+---------------+----------------+------------------+
| Priority Area | Key Focus      | Expected Outcome |
+===============+================+==================+
| Cyber         | Threat sharing | Faster           |
| Defence       | and exercises  | detection        |
+---------------+----------------+------------------+
| Space         | Satellites     | Early warning    |
+---------------+----------------+------------------+
More text.
"""


def test_a_pandoc_grid_table_is_a_table_with_multi_line_cells_joined():
    doc = parse_document(GRID)
    table = doc.tables[0]
    assert (table.section, table.headers) == ("Plan", ["Priority Area", "Key Focus", "Expected Outcome"])
    assert [(r.cells, r.line) for r in table.rows] == [
        (["Cyber Defence", "Threat sharing and exercises", "Faster detection"], 6),
        (["Space", "Satellites", "Early warning"], 9),
    ]
    assert doc.sections[0].text == "More text."


def test_a_grid_border_inside_a_code_fence_stays_code():
    doc = parse_document("```\n+---+\n| a |\n+---+\n```\n")
    assert doc.tables == []


def test_a_pandoc_simple_table_is_a_table():
    text = (
        "# Plan\n\n  Priority Area   Key Focus        Expected Outcome\n"
        "  --------------- ---------------- ------------------\n"
        "  Cyber           Threat sharing   Faster detection\n  Space           Satellites       Early warning\n\n"
        "More text.\n"
    )
    doc = parse_document(text)
    table = doc.tables[0]
    assert table.headers == ["Priority Area", "Key Focus", "Expected Outcome"]
    assert [(r.cells, r.line) for r in table.rows] == [
        (["Cyber", "Threat sharing", "Faster detection"], 5),
        (["Space", "Satellites", "Early warning"], 6),
    ]
    assert doc.sections[0].text == "More text."


def test_prose_over_a_spaced_thematic_break_is_no_simple_table():
    doc = parse_document("Allies met on Monday.\n--- ---\n\nMore.\n")
    assert doc.tables == []


def test_a_heading_directly_below_a_simple_table_ends_it():
    doc = parse_document("Area    Focus\n------- -------\nCyber   Sharing\n## Next\n- item\n")
    assert [r.cells for r in doc.tables[0].rows] == [["Cyber", "Sharing"]]
    assert headings(doc) == ["Next"] and [i.text for i in doc.items] == ["item"]


# --------------------------------------------------------------------------- real-world markdown (blogs, docs)


def test_a_wrapped_item_line_led_by_code_or_emphasis_continues_the_item():
    text = (
        "Ministers agreed three steps.\n\n"
        "* First, the Alliance will add new variants for a particular\n"
        "`force model` definition.\n"
        "* Second, exercises always either meet the standard,\n"
        "*or* are repeated in the spring.\n"
        "* Third, the plan is reviewed.\n"
        "The review is public.\n"
    )
    doc = parse_document(text)
    assert [i.text for i in doc.items] == [
        "First, the Alliance will add new variants for a particular force model definition.",
        "Second, exercises always either meet the standard, or are repeated in the spring.",
        "Third, the plan is reviewed.",
    ]
    assert doc.sections[-1].text.endswith("The review is public.")  # a capital still ends the list


def test_a_code_span_or_quote_line_that_starts_a_block_is_not_swallowed():
    doc = parse_document("- Patrols rise\n> A quote after the list\n- Next\n# Heading\n")
    assert [i.text for i in doc.items] == ["Patrols rise", "Next"]
    assert headings(doc) == ["Heading"]


def test_a_line_after_a_hard_break_continues_the_item():
    doc = parse_document("1. **Start:** ministers meet on Monday.\\\n**End:** the plan is agreed.\n\nMore.\n")
    assert [i.text for i in doc.items] == ["Start: ministers meet on Monday. End: the plan is agreed."]
    near_miss = parse_document("1. **Start:** ministers meet on Monday.\n**End:** the plan is agreed.\n")
    assert [i.text for i in near_miss.items] == ["Start: ministers meet on Monday."]
    heading = parse_document("- ministers meet\\\n# Outcomes\n")
    assert headings(heading) == ["Outcomes"]  # a heading still interrupts


def test_an_enumerator_after_a_word_that_needs_more_is_the_sentences_lettering():
    text = "The rules are the same, except that (a) an\nimage has a caption, and\n(b) an image may contain links.\n"
    doc = parse_document(text)
    assert doc.items == []
    assert doc.sections[0].text == (
        "The rules are the same, except that (a) an image has a caption, and (b) an image may contain links."
    )
    in_item = parse_document("* Refactored to avoid the old library, which\n    (a) is slow, and (b) is unsafe.\n")
    want = "Refactored to avoid the old library, which (a) is slow, and (b) is unsafe."
    assert [i.text for i in in_item.items] == [want]


def test_enumerated_items_joined_by_and_stay_items():
    doc = parse_document("The conference agreed that:\n(a) targets rise;\n(b) forces grow; and\n(c) stocks double.\n")
    assert [i.text for i in doc.items] == ["targets rise;", "forces grow; and", "stocks double."]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("If you have not read it, see the [Readiness\nAction Plan](https://nato.int) from the summit.\n", None),
        ("Pandoc's website holds a full [User's\nGuide](https://x.y). It is long.\n", None),
        ("**Progress:** The Alliance has made progress since the start of the year\n\nMore.\n", None),
        ("This file was moved to https://nato.int/plan\n\nMore.\n", None),
        ("One step that ministers would welcome is recreating\n`shared-radar`'s picture across the flank.\n", None),
        ("[Thanks to all who took part!](https://nato.int/thanks)\n\nMore.\n", None),  # the link text ends a sentence
        # near misses: still titles
        ("[Allies Agree Cyber Targets](https://nato.int/cyber)\n\nMore.\n", "Allies Agree Cyber Targets"),
        ("[Draft] Allies Agree Cyber Targets\n\nMore.\n", "[Draft] Allies Agree Cyber Targets"),
        ("**Key outcomes:**\n\nMore.\n", "Key outcomes:"),
        ("Allies Agree Cyber Targets\n\nMore.\n", "Allies Agree Cyber Targets"),
    ],
)
def test_hard_wrapped_lines_labels_and_pointers_are_not_titles(text, title):
    assert parse_document(text).title == title


def test_an_html_image_in_a_heading_gives_its_alt_text():
    doc = parse_document('# <img src="logo.svg" height=150 alt="Allied Air Command" />\n\nAllies met.\n')
    assert doc.title == "Allied Air Command" and doc.sections[0].text == "Allies met."
    prose = parse_document('Badge <img src="b.svg" alt="build passing"> here, <img src="x.png"> none.\n')
    assert prose.sections[0].text == "Badge build passing here, none."


def test_alert_and_callout_markers_are_markup():
    text = "# Plan\n\n> [!NOTE]\n> Allies agreed the plan.\n\n> [!info]- Background of the plan\n> It began in 2024.\n"
    doc = parse_document(text)
    assert doc.sections[0].text == "Allies agreed the plan.\n\nBackground of the plan It began in 2024."
    kept = parse_document("# Plan\n\n> [NOTE] is kept\n\nText with [!NOTE] inside.\n")
    assert kept.sections[0].text == "[NOTE] is kept\n\nText with [!NOTE] inside."


def test_a_definition_list_term_is_no_heading_and_its_marker_is_markup():
    text = (
        "# Caches\n\nThe Alliance runs three caches.\n\n"
        "Dynacache\n: An in-memory cache.\n\n"
        "Field Cache\n  ~ Stores data for deployed units.\n\n"
        "Closing words.\n"
    )
    doc = parse_document(text)
    assert headings(doc) == ["Caches"]
    assert doc.sections[0].text == (
        "The Alliance runs three caches.\n\nDynacache\n\nAn in-memory cache.\n\n"
        "Field Cache\n\nStores data for deployed units.\n\nClosing words."
    )
    near = parse_document("# Plan\n\n::: {.note}\nAllies met.\n:::\n\nTerm: definition in one line.\n")
    assert near.sections[0].text == "Allies met.\n\nTerm: definition in one line."


def test_obsidian_wikilinks_read_as_their_shown_text():
    text = (
        "# Plan\n\nSee [[Readiness Action Plan|the plan]] and [[Summit]].\n\n![[map.png]]\n\n"
        "| Area | Link |\n|---|---|\n| Cyber | [[Cyber Centre\\|the centre]] |\n\n- [[Exercises]]: more drills\n"
    )
    doc = parse_document(text)
    assert doc.sections[0].text == "See the plan and Summit."
    assert doc.tables[0].rows[0].cells == ["Cyber", "the centre"]
    assert [i.text for i in doc.items] == ["Exercises: more drills"]


def test_template_tag_lines_are_markup():
    text = '# Plan\n\n{{< figure src="map.png" caption="Map" >}}\n\nAllies met.\n\n{% include note.html %}\n'
    assert parse_document(text).sections[0].text == "Allies met."
    kept = parse_document("# Plan\n\nAllies met {{ today }} in Brussels.\n")
    assert kept.sections[0].text == "Allies met {{ today }} in Brussels."


@pytest.mark.parametrize(
    "text",
    [
        "# Plan\n\nThe plan runs until\n2026. After that ministers review it.\n",
        "# Plan\n\nThe plan holds unless\nministers change it.\n",
    ],
)
def test_a_line_cut_before_a_year_or_after_until_is_no_title(text):
    doc = parse_document(text)
    assert headings(doc) == ["Plan"] and doc.items == []


def test_a_numbered_list_after_a_blank_line_is_still_a_list():
    doc = parse_document("# Plan\n\nMinisters met.\n\n2026. A year of change\n")
    assert [i.text for i in doc.items] == ["A year of change"]  # as cmark-gfm reads it


def test_a_whole_line_bold_italic_title_is_a_heading():
    doc = parse_document("***Allies Agree Plan***\n\nText.\n\n- ***Patrols***: more of them\n")
    assert doc.title == "Allies Agree Plan" and headings(doc) == ["Allies Agree Plan"]
    assert doc.items[0].bold_lead == "Patrols"
    italic_only = parse_document("Intro.\n\n*Allies met in Brussels.*\n\nText.\n")
    assert headings(italic_only) == []


def test_a_loose_definition_loses_its_marker_too():
    doc = parse_document("# Options\n\n`--from` *FORMAT*\n\n:   Specify input format.\n")
    assert doc.sections[0].text.endswith("Specify input format.")
    assert doc.n_suspect_lines == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- Allies will deepen ties with the\nUnited States and Canada.\n",
            ["Allies will deepen ties with the United States and Canada."],
        ),
        (
            "- Ministers from Estonia, Latvia,\nLithuania and Poland met.\n",
            ["Ministers from Estonia, Latvia, Lithuania and Poland met."],
        ),
        (
            "1. Allies spend 2 per cent on defence by\n2024, as pledged in Wales.\n",
            ["Allies spend 2 per cent on defence by 2024, as pledged in Wales."],
        ),
    ],
)
def test_an_item_cut_mid_phrase_runs_on_into_a_capitalised_line(text, expected):
    doc = parse_document(text)
    assert [i.text for i in doc.items] == expected and doc.sections == []


@pytest.mark.parametrize(
    "text",
    [
        "- Strengthening intelligence-sharing frameworks\nA summary of the priorities is outlined below:\n",
        "- Patrols will rise.\nMinisters will meet again in June.\n",
        "- Exercises with the\n## Next Steps\n",  # a heading still ends the list
    ],
)
def test_an_item_that_ends_its_phrase_ends_the_list_before_a_capitalised_line(text):
    doc = parse_document(text)
    assert len(doc.items) == 1 and doc.sections


def test_byline_and_date_lines_are_prose_not_headings():
    doc = parse_document("Allies Agree Plan\n\nBy: Jane Smith\nPublished: 12 June 2025\n\nAllies met on Monday.\n")
    assert headings(doc) == ["Allies Agree Plan"]
    assert doc.sections[0].text.startswith("By: Jane Smith Published: 12 June 2025")


def test_a_sentence_ending_in_a_superscript_marker_is_no_title():
    doc = parse_document("Intro.\n\nAllies met in Brussels.<sup>1</sup>\n\nText.\n")
    assert headings(doc) == []


def test_a_long_sentence_case_line_with_prose_under_it_is_no_title():
    text = (
        "Intro.\n\n"
        "Ministers will no longer require separate monthly reports from the `air`, `land`, `cyber` and `sea` commands\n"
        "NATO headquarters will merge them into one report.\n"
    )
    assert headings(parse_document(text)) == []
    title = "NATO Deputy Secretary General Engages with U.S. Officials to Strengthen Transatlantic Ties"
    assert headings(parse_document(f"Intro.\n\n{title}\nThe visit began.\n")) == [title]
    short = "Intro.\n\nAllies agree new cyber targets\nThe plan was agreed on Monday.\n"
    assert headings(parse_document(short)) == ["Allies agree new cyber targets"]
    long_title = "Nato deputy secretary general engages with officials to strengthen transatlantic ties in Washington"
    assert headings(parse_document(f"Intro.\n\n{long_title}\nThe visit began.\n")) == [long_title]


def test_an_empty_task_item_loses_its_marker():
    doc = parse_document("# Plan\n\n- [ ]\n- [x] done\n- [x]\n")
    assert [(i.text, i.checked) for i in doc.items] == [("", False), ("done", True), ("", True)]
    near = parse_document("- [x]done\n- [link]\n")
    assert [(i.text, i.checked) for i in near.items] == [("[x]done", None), ("[link]", None)]


@pytest.mark.parametrize(
    ("text", "want_headings"),
    [
        ("# T\n\nAllies met on Monday and agreed a plan to expand the force.\n---\n\nMore.\n", ["T"]),
        ("# T\n\nFirst line of a paragraph\nthat ends here!\n---\nMore.\n", ["T"]),
        # near misses: still setext headings
        ("# T\n\nAllies met on Monday.\nPriorities\n---\n\nMore.\n", ["T", "Priorities"]),
        ("# T\n\nWhat Comes Next?\n---\n\nMore.\n", ["T", "What Comes Next?"]),
        ("# T\n\nAllies met on Monday.\n===\n\nMore.\n", ["T", "Allies met on Monday."]),  # === is never a rule
        ("# T\n\nKey outcomes:\n---\n\nMore.\n", ["T", "Key outcomes:"]),
    ],
)
def test_a_dash_line_under_a_finished_sentence_is_a_rule(text, want_headings):
    assert headings(parse_document(text)) == want_headings


@pytest.mark.parametrize("blank", ["\u3000", "\u2003", "\x85", "  \u2003 ", "\u2028"])
def test_a_line_of_unicode_white_space_is_a_blank_line(blank):
    doc = parse_document(f"Allies Agree Plan\n{blank}\nMinisters met in Brussels.\n{blank}\n- Patrols: more\n")
    assert doc.title == "Allies Agree Plan"
    assert doc.sections[0].text == "Ministers met in Brussels." and [i.text for i in doc.items] == ["Patrols: more"]


# U+2028 and U+2029 end a line (``line_separators``), so a line of them is more than one empty line.
_WHITE = [ch for ch in map(chr, range(0x3001)) if ch.isspace() and ch not in "\n\r\x0c\u2028\u2029"]


@settings(max_examples=100)
@given(st.text(alphabet=st.sampled_from(_WHITE), min_size=1, max_size=4))
def test_any_white_space_line_reads_as_an_empty_line(blank):
    def read(sep: str):
        doc = parse_document(
            f"Allies Agree Plan\n{sep}\nMinisters met.\n{sep}\n- Patrols\n{sep}\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        )
        return doc.title, [s.text for s in doc.sections], [i.text for i in doc.items], [t.rows for t in doc.tables]

    assert read(blank) == read("")


def test_a_title_above_year_numbered_items_stays_a_title():
    doc = parse_document("Intro.\n\nKey Milestones\n2024. Summit in Washington\n2025. Summit in The Hague\n")
    assert headings(doc) == ["Key Milestones"]
    assert [i.text for i in doc.items] == ["Summit in Washington", "Summit in The Hague"]


def test_enumerated_items_after_that_without_a_colon_stay_items():
    doc = parse_document("The conference agreed that\n(a) targets rise;\n(b) forces grow; and\n(c) stocks double.\n")
    assert [i.text for i in doc.items] == ["targets rise;", "forces grow; and", "stocks double."]


def test_a_wikilink_quoted_in_a_code_span_stays_as_written():
    doc = parse_document("Write `[[Plan|shown]]` to link, as in [[Plan|the plan]]; `a\\|b` too.\n")
    assert doc.sections[0].text == "Write [[Plan|shown]] to link, as in the plan; a|b too."


# --------------------------------------------------------------------------- session 7: shapes not seen before


def test_lettered_items_with_a_full_stop():
    doc = parse_document("The package has three parts:\na. Air defence\nb. Training\nc. Industry\n")
    assert [(i.text, i.ordered, i.list_index) for i in doc.items] == [
        ("Air defence", True, 0),
        ("Training", True, 0),
        ("Industry", True, 0),
    ]


def test_lettered_items_keep_i_as_a_letter_inside_the_list():
    text = "Steps:\n" + "".join(f"{c}. step {c}\n" for c in "ghij")
    doc = parse_document("Steps:\na. step a\n" + text.split("\n", 1)[1])
    assert {i.list_index for i in doc.items} == {0} and len(doc.items) == 5


def test_a_lone_letter_and_full_stop_mid_text_is_prose():
    doc = parse_document("The figures are in the annex, see\np. 12 for the table.\n")
    assert doc.items == [] and doc.sections[0].text == "The figures are in the annex, see p. 12 for the table."


def test_pandoc_lettered_sub_items_under_a_numbered_item():
    doc = parse_document("1.  Data\n\n2.  Partners\n\n    a.  Launch\n\n    b.  Imagery\n")
    assert [(i.text, i.depth) for i in doc.items] == [("Data", 0), ("Partners", 0), ("Launch", 1), ("Imagery", 1)]


def test_word_pasted_o_and_section_sign_bullets_nest():
    doc = parse_document("Key measures\n1.\tExercises\no\tNordic Response\n§\twith Swedish units\no\tCold Response\n")
    assert [(i.text, i.depth) for i in doc.items] == [
        ("Exercises", 0),
        ("Nordic Response", 1),
        ("Cold Response", 1),
        ("with Swedish units", 2),
    ]


def test_emoji_bullets_with_variation_selector_and_keycaps():
    doc = parse_document("Package:\n✔️ Air defence\n✔️ Artillery\n1️⃣ First tranche\n2️⃣ Second tranche\n")
    assert [(i.text, i.ordered) for i in doc.items] == [
        ("Air defence", False),
        ("Artillery", False),
        ("First tranche", True),
        ("Second tranche", True),
    ]


def test_entity_bullets_are_items():
    doc = parse_document("Measures agreed:\n\n&bull; Fuel\n&#8226; Roads\n")
    assert [i.text for i in doc.items] == ["Fuel", "Roads"]


def test_tab_table_right_after_a_list_keeps_its_header():
    doc = parse_document("Recap:\n•\tone\n•\ttwo\n\nArea\tFocus\tOutcome\nDemining\tShips\tSafe shipping\n")
    assert [i.text for i in doc.items] == ["one", "two"]
    assert doc.tables[0].headers == ["Area", "Focus", "Outcome"]
    assert [r.cells for r in doc.tables[0].rows] == [["Demining", "Ships", "Safe shipping"]]


def test_the_last_line_is_no_heading_but_a_one_line_article_keeps_its_title():
    doc = parse_document("Allies Agree Plan\n\nMinisters met.\n\nLet me know if anything is missing\n")
    assert headings(doc) == ["Allies Agree Plan"]
    assert doc.sections[0].text.endswith("Let me know if anything is missing")
    assert parse_document("Allies Agree Plan\n").title == "Allies Agree Plan"


def test_a_run_of_field_lines_is_no_heading_but_a_headline_with_a_colon_is():
    doc = parse_document("Tracker\n\nStatus: In progress\nOwner: Defence Division\n\nAllies agreed.\n")
    assert headings(doc) == ["Tracker"] and "Status: In progress" in doc.sections[0].text
    doc = parse_document("Ukraine: Allies Pledge More Aid\n\nAllies agreed.\n")
    assert doc.title == "Ukraine: Allies Pledge More Aid"


def test_an_email_signature_is_prose():
    text = "Allies met.\n\nBest regards,\nAnna Kowalska\n--\nAnna Kowalska | Analyst\nCentre for Security\n"
    doc = parse_document(text)
    assert headings(doc) == []
    assert (
        doc.sections[0].text
        == "Allies met.\n\nBest regards, Anna Kowalska\n\nAnna Kowalska | Analyst Centre for Security"
    )
    assert doc.n_suspect_lines == 1  # the signature's pipe looks like a table row: counted


def test_chat_stamps_are_paragraphs_not_titles():
    doc = parse_document("[10:02] Jan de Vries\nNATO Readiness Update\n\nAllies confirmed the targets.\n")
    assert doc.title == "NATO Readiness Update" and doc.sections[0].text == "[10:02] Jan de Vries"


def test_live_blog_time_stamps_over_their_entry_are_paragraphs():
    """A stamp alone on its line is its own paragraph: the entry's first sentence starts below it."""
    doc = parse_document("LIVE: Summit day 2\n\n14:40\nLeaders agreed to act.\n\n12.04 BST\nAllies met.\n")
    assert doc.sections[0].text == "14:40\n\nLeaders agreed to act.\n\n12.04 BST\n\nAllies met."
    # near miss: a stamp opening the entry's own line stays in its sentence, as written
    doc = parse_document("LIVE: Summit day 2\n\n14:40 Leaders agreed to act.\nAllies met.\n")
    assert doc.sections[0].text == "14:40 Leaders agreed to act. Allies met."
    # ... and a time under a date line (a OneNote page's stamp) stays with its date
    doc = parse_document("Site visit\nTuesday, 10 June 2025\n14:32\n\nThe team visited the agency.\n")
    assert doc.sections[0].text == "Tuesday, 10 June 2025 14:32\n\nThe team visited the agency."


def test_mailchimp_plain_text_headings():
    doc = parse_document("** Priorities\n" + "-" * 20 + "\n\nAllies agreed.\n\n** Next steps\n\n* Orders\n")
    assert headings(doc) == ["Priorities", "Next steps"] and [i.text for i in doc.items] == ["Orders"]


def test_press_release_furniture():
    text = "FOR IMMEDIATE RELEASE\n\nALLIES LAUNCH INITIATIVE\n\nAllies agreed.\n\nMedia contact: a@b.org\n\n###\n\n"
    text += "- 30 -\n"
    doc = parse_document(text)
    assert headings(doc) == ["ALLIES LAUNCH INITIATIVE"] and doc.items == []
    assert "FOR IMMEDIATE RELEASE" in doc.sections[0].text


def test_a_run_of_link_lines_is_no_heading_but_a_lone_link_title_is():
    doc = parse_document(
        "Allies agreed.\n\n[Subscribe now](https://x.org/s)\n\n[Share](https://x.org/p?a=1)\n\nMore.\n"
    )
    assert headings(doc) == []
    doc = parse_document("[Allies Agree Plan](https://x.org/a)\n\nMinisters met.\n")
    assert doc.title == "Allies Agree Plan"


def test_obsidian_comment_lines_are_dropped_and_hashtags_end_a_sentence():
    doc = parse_document("# Outcomes\n\n%% check figures %%\n\nLeaders met in The Hague. #summit #nato\n\nMore.\n")
    assert headings(doc) == ["Outcomes"]
    assert doc.sections[0].text == "Leaders met in The Hague. #summit #nato\n\nMore."


def test_emoji_led_title_italic_note_and_footnote_number():
    doc = parse_document("⚡️ NATO allies agree new aid\n\nMinisters met.\n\n_No response_\n\n[1](#fn-1)\n\nThe end.\n")
    assert headings(doc) == ["⚡️ NATO allies agree new aid"]
    assert doc.sections[0].text == "Ministers met.\n\nNo response\n\n1\n\nThe end."


def test_google_docs_spaced_bold():
    doc = parse_document(
        "**Cyber Targets **\n\nAllies agreed new targets**, **the chief said.\n\n* **Sensors: **new ones\n"
    )
    assert doc.title == "Cyber Targets"
    assert doc.sections[0].text == "Allies agreed new targets, the chief said."
    assert doc.items[0].text == "Sensors: new ones" and doc.items[0].bold_lead == "Sensors:"


def test_pandoc_bracketed_spans_read_as_their_text():
    doc = parse_document("**[Allies Adopt Plan]{.underline}**\n\nPatrols in the [Baltic Sea]{.mark}.\n")
    assert doc.title == "Allies Adopt Plan" and doc.sections[0].text == "Patrols in the Baltic Sea."


def test_a_title_with_a_colon_over_question_and_answer_lines_stays_a_title():
    doc = parse_document("Press Conference: Questions and Answers\nQ: Will NATO send troops?\nA: There are no plans.\n")
    assert doc.title == "Press Conference: Questions and Answers"


def test_a_run_of_emoji_led_lines_is_a_list_but_one_emoji_led_line_is_not():
    doc = parse_document("Here is what it means:\n\n👉 Faster contracts\n👉 Shared ranges\n🇺🇦 Support for Ukraine\n")
    assert [i.text for i in doc.items] == ["Faster contracts", "Shared ranges", "Support for Ukraine"]
    doc = parse_document("⚡️ NATO allies agree new aid\n\nMinisters met today.\n")
    assert doc.items == [] and doc.title == "⚡️ NATO allies agree new aid"


def test_outlook_pasted_bullets_with_spaces():
    doc = parse_document("Readout:\n\n·         Allies agreed.\no   Staffed from January\n·         A report is due.\n")
    assert [(i.text, i.depth) for i in doc.items] == [
        ("Allies agreed.", 0),
        ("A report is due.", 0),
        ("Staffed from January", 1),
    ]


def test_mkdocs_admonition_body_is_prose_under_its_title():
    doc = parse_document(
        'Allies met.\n\n!!! note "Background"\n    The pledge dates from 2016.\n\n    - one item\n\nAfter.\n'
    )
    assert doc.sections[0].text == "Allies met.\n\nBackground\n\nThe pledge dates from 2016.\n\nAfter."
    assert [i.text for i in doc.items] == ["one item"]


def test_docusaurus_admonition_and_mdx_imports():
    doc = parse_document("import Tabs from '@theme/Tabs';\n\n:::tip Why it matters\nLayered defences.\n:::\n")
    assert doc.sections[0].text == "Why it matters\n\nLayered defences."


def test_caseless_scripts_have_bare_titles_and_full_width_stops_end_sentences():
    doc = parse_document("北约峰会成果\n盟国同意提高国防开支。\n\nالأولويات\n\nاتفق الوزراء على خطة.\n")
    assert headings(doc) == ["北约峰会成果", "الأولويات"]
    doc = parse_document("Intro line.\n\n盟国同意提高国防开支。\n\nMore.\n")
    assert headings(doc) == []


def test_kramdown_toc_placeholder_is_no_item():
    doc = parse_document("* TOC\n{:toc}\n\n## Next Steps\n\n- Sensors\n")
    assert [i.text for i in doc.items] == ["Sensors"]


# --------------------------------------------------------------------------- session 7, second round: dialects


def test_jira_and_confluence_wiki_headings_and_header_rows():
    doc = parse_document(
        "h1. Centre Review\n\nThe review covers a year.\n\nh2. Priorities\n\n"
        "||Priority Area||Key Focus||Expected Outcome||\n|Cyber|Sharing|Detection|\n\nh2. Open questions\n\n"
        "# Funding: who pays\n# Timing: when\n"
    )
    assert headings(doc) == ["Centre Review", "Priorities", "Open questions"]
    assert doc.tables[0].headers == ["Priority Area", "Key Focus", "Expected Outcome"]
    assert [r.cells for r in doc.tables[0].rows] == [["Cyber", "Sharing", "Detection"]]
    assert [(i.text, i.ordered) for i in doc.items] == [("Funding: who pays", True), ("Timing: when", True)]


def test_hash_lines_stay_markdown_headings_without_wiki_headings():
    doc = parse_document("# Funding\n\nText.\n\n# Timing\n\nMore.\n")
    assert headings(doc) == ["Funding", "Timing"] and doc.items == []


def test_textile_header_row_and_mediawiki_table_with_bold():
    doc = parse_document("h1. Plan\n\n|_. Area |_. Focus |\n| Air | Radars |\n")
    assert doc.tables[0].headers == ["Area", "Focus"] and doc.tables[0].rows[0].cells == ["Air", "Radars"]
    doc = parse_document(
        '== Plan ==\n\nText.\n\n{| class="wikitable"\n! Area !! Focus\n|-\n| Air || Radars\n'
        "|-\n| Land\n| Brigades\n|}\n\n"
        "* '''Germany''': four jets\n"
    )
    assert headings(doc) == ["Plan"]
    assert doc.tables[0].headers == ["Area", "Focus"]
    assert [r.cells for r in doc.tables[0].rows] == [["Air", "Radars"], ["Land", "Brigades"]]
    assert [i.text for i in doc.items] == ["Germany: four jets"]


def test_an_unclosed_mediawiki_table_stays_as_written():
    doc = parse_document("Intro.\n\n{|\n! Area !! Focus\n|-\n| Air || Radars\n\nAfter.\n")
    assert doc.tables == [] and "Air || Radars" in doc.sections[0].text


def test_asciidoc_title_sections_and_table():
    doc = parse_document(
        '= Space Plan\n\nText.\n\n== Priorities\n\n[cols="1,1",options="header"]\n|===\n|Area |Focus\n\n'
        "|Space\n|Sharing\n\n|Launch\n|Access\n|===\n"
    )
    assert doc.title == "Space Plan" and headings(doc) == ["Space Plan", "Priorities"]
    assert [r.cells for r in doc.tables[0].rows] == [["Space", "Sharing"], ["Launch", "Access"]]
    assert "cols" not in "".join(s.text for s in doc.sections)


def test_rest_overline_title_simple_table_and_auto_numbers():
    doc = parse_document(
        "=====\nPlan\n=====\n\nText.\n\n=====  =====\nArea   Focus\n=====  =====\nAir    Radars\nLand   Brigades\n"
        "=====  =====\n\n#. Data: share\n#. Partners: work\n"
    )
    assert doc.title == "Plan"
    assert doc.tables[0].headers == ["Area", "Focus"]
    assert [r.cells for r in doc.tables[0].rows] == [["Air", "Radars"], ["Land", "Brigades"]]
    assert [(i.text, i.ordered) for i in doc.items] == [("Data: share", True), ("Partners: work", True)]


def test_org_mode_headings_table_rule_and_description_items():
    doc = parse_document(
        "#+TITLE: Plan\n\n* Plan\nText.\n\n** Priorities\n| Area | Focus |\n|------+-------|\n| Air | Radars |\n\n"
        "- Orders :: pool orders\n"
    )
    assert headings(doc) == ["Plan", "Priorities"]
    assert doc.tables[0].rows[0].cells == ["Air", "Radars"]
    assert [i.text for i in doc.items] == ["Orders: pool orders"]


def test_star_lines_stay_bullets_outside_org_documents():
    doc = parse_document("Intro.\n\n* Allies Review Plan\n* Second item\n")
    assert [i.text for i in doc.items] == ["Allies Review Plan", "Second item"]


def test_bbcode_post():
    doc = parse_document(
        "[b]Drone Plan[/b]\n\nAllies agreed.\n\n[b]Steps[/b]\n[list]\n[*]Orders: pool\n[*]Training\n[/list]\n"
    )
    assert headings(doc) == ["Drone Plan", "Steps"]
    assert [i.text for i in doc.items] == ["Orders: pool", "Training"]


def test_grid_table_rows_wrapped_between_row_borders():
    doc = parse_document(
        "Intro.\n\n+------+---------+\n| Area | Focus   |\n+------+---------+\n| Mil. | Rail    |\n| Mob. | roads   |\n"
        "+------+---------+\n| Log. | Depots  |\n+------+---------+\n"
    )
    assert [r.cells for r in doc.tables[0].rows] == [["Mil. Mob.", "Rail roads"], ["Log.", "Depots"]]


def test_bylines_datelines_time_stamps_and_captions_are_no_headings():
    doc = parse_document(
        "# Plan Agreed\n## Forces ready in 30 days\nBy Jane Smith, Defence Correspondent\n"
        "Published 3 June 2025 | Updated 4 June 2025\n\nAllies agreed.\n\n12.04 BST\n\n**Leaders agree goal**\n\n"
        "The text was agreed.\n\n![Soldiers](x.jpg)\n\nSoldiers in Vilnius. Photo: Bundeswehr\n\n[Share](https://x/s)\n\nEnd.\n"
    )
    assert headings(doc) == ["Plan Agreed", "Forces ready in 30 days", "Leaders agree goal"]


def test_kicker_over_the_headline_is_no_title():
    doc = parse_document("ANALYSIS\n\n# Why the model matters\n\nText.\n")
    assert doc.title == "Why the model matters" and doc.sections[0].text == "ANALYSIS"
    doc = parse_document("Analysis\n\nThe study found more.\n")
    assert doc.title == "Analysis"  # no headline below: a heading of its own


def test_footnote_second_paragraph_is_prose():
    doc = parse_document("Text.[^1]\n\n[^1]: First part.\n\n    Second part.\n\n    more of the footnote\n\nAfter.\n")
    assert "Second part." in doc.sections[0].text and "more of the footnote" in doc.sections[0].text


def test_result_footer_under_a_mysql_table_is_no_heading():
    doc = parse_document(
        "Report\n\n+------+-------+\n| Area | Focus |\n+------+-------+\n| Air  | Radar |\n| Land | Tanks |\n"
        "+------+-------+\n2 rows in set (0.00 sec)\n\nEnd.\n"
    )
    assert headings(doc) == ["Report"] and len(doc.tables[0].rows) == 2


def test_pipe_rows_without_a_delimiter_row_standing_alone_are_a_table():
    doc = parse_document("Intro.\n\nArea | Focus | Outcome\nAir | Radars | Warning\nLand | Tanks | Defence\n\nEnd.\n")
    assert doc.tables[0].headers == ["Area", "Focus", "Outcome"] and len(doc.tables[0].rows) == 2
    assert headings(doc) == []


@pytest.mark.parametrize(
    "text",
    [
        "Intro.\n\nArea | Focus\nAir | Radars\n\nEnd.\n",  # two lines: a header and one row are not enough
        "Intro.\nArea | Focus\nAir | Radars\nLand | Tanks\n\nEnd.\n",  # under prose: the paragraph's lines
        "Intro.\n\nArea | Focus\nAir | Radars | Warning\nLand | Tanks\n\nEnd.\n",  # uneven rows
        "Intro.\n\nArea | Focus\nAir | Radars\nLand | Tanks\nmore text\n\nEnd.\n",  # prose runs on below
    ],
)
def test_pipe_lines_that_are_no_bare_table(text):
    assert parse_document(text).tables == []


def test_a_word_hyphenated_across_a_line_break_is_one_word():
    doc = parse_document("On long-\nrange fires and **air** defen-\nce rose, the Euro-\nAtlantic plan -\nsaid.\n")
    text = doc.sections[0].text
    assert text == "On long-range fires and air defen-ce rose, the Euro- Atlantic plan - said."


# --------------------------------------------------------------------------- session 8: a fourth round of shapes


def test_run_only_rules_need_a_run():
    assert parse_document("Intro.\n\n-Mobility: rail capacity was too low\n").items == []
    assert [i.text for i in parse_document("Intro.\n\n-Mobility: rail\n-Logistics: fuel\n").items] == [
        "Mobility: rail",
        "Logistics: fuel",
    ]
    assert parse_document(":Date: 12 June 2026\n:Location: Brussels\n\nText.\n").items == []  # a reST field list
    assert parse_document("Intro.\n\nDeterrence:: the threat of force\n").items == []


def test_a_pasted_csv_is_a_table_and_prose_with_commas_is_not():
    doc = parse_document("Priorities\nArea,Focus,Outcome\nAir,Radars,Warning\nSea,Ships,Patrols\n")
    assert doc.tables[0].headers == ["Area", "Focus", "Outcome"] and [r.line for r in doc.tables[0].rows] == [3, 4]
    doc = parse_document(
        "Intro.\n\nAllies met in Brussels, Riga and Oslo\nto agree plans, targets and funds\nfor 2026, 2027\n"
    )
    assert doc.tables == []


def test_a_space_aligned_table_and_a_two_column_bleed():
    doc = parse_document(
        "Intro.\n\nArea       Focus       Outcome\nAir        Radars      Warning\nSea        Ships       Patrols\n"
    )
    assert doc.tables[0].headers == ["Area", "Focus", "Outcome"] and len(doc.tables[0].rows) == 2
    doc = parse_document(
        "Brief\n\nLeaders agreed to raise        The summit also agreed\n"
        "spending by 2035.              a plan for air defence.\n"
    )
    assert doc.tables == []


def test_line_separators_and_doubled_carriage_returns_end_one_line():
    doc = parse_document("Allies Agree Plan\u2028Allies met.\u2029- Radars\n")
    assert doc.title == "Allies Agree Plan" and [(i.text, i.line) for i in doc.items] == [("Radars", 3)]
    doc = parse_document("# Plan\r\r\n| a | b |\r\r\n|---|---|\r\r\n| 1 | 2 |\r\r\n")
    assert [(r.cells, r.line) for r in doc.tables[0].rows] == [(["1", "2"], 4)]


def test_invisible_marks_and_ligatures_leave_the_text():
    doc = parse_document("# Plan\u200e\n\nThe \ufb01rst inter\u00adceptors.\n")
    assert doc.title == "Plan" and doc.sections[0].text == "The first interceptors."


def test_a_lettered_paragraph_without_a_next_letter_is_prose():
    doc = parse_document("Options\n\na. The user could list the formats.\n\n`code`\n\nb. Or combine them.\n")
    assert doc.items == []
    doc = parse_document("Options:\na. List the formats\nb. Combine them\n")
    assert [i.text for i in doc.items] == ["List the formats", "Combine them"]


def test_a_markdown_fence_around_the_whole_article_is_unwrapped():
    doc = parse_document("```markdown\n# Plan\n\n- Radars\n```\n")
    assert doc.title == "Plan" and [i.text for i in doc.items] == ["Radars"]
    doc = parse_document("```python\nprint(1)\n```\n")
    assert doc.title is None and doc.items == []


def test_a_title_line_holding_two_sentences_is_prose():
    doc = parse_document("# Examples\n\nRe-run it with other settings (no login). Opens the report\n\nMore.\n")
    assert headings(doc) == ["Examples"]
