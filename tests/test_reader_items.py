"""List item rules (``rules/items.py``): bullet glyphs, symbol runs resumed after a sub-list, Word's ``o``
sub-items pasted flat; each rule with its positive and near-miss cases. Found by tests/shapes_corpus/741-765
(session 17, shapes16) and 816-835 (shapes19).
"""

from __future__ import annotations

import pytest

from nato_briefs import read_article
from nato_briefs.parse import parse_document
from nato_briefs.reader import rules
from nato_briefs.reader.rules import items
from nato_briefs.reader.rules.items import glyph_before_bold, is_reference_tail
from tests.reading import md_article, md_headings, md_names

TITLED_INTRO = "# Allies Agree Steps\n\nAllies agreed the following steps on Tuesday.\n\n"


def _article_prose(text: str) -> str:
    return "\n".join(s.text for s in read_article(text).sections)


def _article_items(text: str) -> list[str]:
    return [i.text for i in read_article(text).list_items]


def _item_texts(text: str) -> list[str]:
    return [item.text for item in parse_document(text).items]


def _lists(text: str) -> list[int]:
    return [item.list_index for item in parse_document(text).items]


def _section_headings(text: str) -> list[str | None]:
    return [section.heading for section in parse_document(text).sections]


def _items(text: str) -> list[tuple[int, str]]:
    return [(item.depth, item.text) for item in parse_document(text).items]


def _headings(text: str) -> list[str]:
    return [s.heading for s in parse_document(text).sections if s.heading is not None]


# --------------------------------------------------------------------------- bullet glyphs (data in items.py)


def test_named_bullet_reads_every_glyph_unicode_names_a_bullet():
    assert {"\u29bf", "\u29be", "\u25d8", "\u204c", "\u2022"} <= items.BULLET_GLYPHS
    text = "Agreed steps\n\u29bf Cyber: a centre\n\u29bf Exercises: two a year\n    \u29be Locked Shields\n"
    assert _items(text) == [(0, "Cyber: a centre"), (0, "Exercises: two a year"), (1, "Locked Shields")]
    assert _items("The plan:\n\n\u2981\tStandards: common\n\u2981\tStocks: larger\n") == [
        (0, "Standards: common"),
        (0, "Stocks: larger"),
    ]  # the Z notation spot a converter makes of Word's Symbol bullet


def test_named_bullet_near_misses():
    assert items.bullet_item("\u29bf") is None  # a lone glyph is decoration
    assert items.bullet_item("\u29bfCyber centre") is None  # no blank after it
    assert items.bullet_item("\u2767") is None  # a fleuron alone: a divider
    assert _items("Allies agreed \u29bf to spend more.\n") == []  # a bullet inside a line


def test_symbol_font_bullet_reads_a_pdf_private_use_glyph():
    text = "Main decisions\n\uf06e\tPatrols: more ships\n\uf06e\tPorts: standards\n\t\uf071\tSouthern ports first\n"
    assert _items(text) == [(0, "Patrols: more ships"), (0, "Ports: standards"), (1, "Southern ports first")]


def test_symbol_font_bullet_near_misses():
    assert items.bullet_item("\uf06e") is None  # alone
    assert items.bullet_item("\ue000\tPatrols") is None  # private use outside the symbol fonts' range
    assert _items("Allies \uf06e agreed.\n") == []


# --------------------------------------------------------------------------- symbol_run_resumes


KOREAN = (
    "Main results\n\u25a1 Cyber defence: exercises\n \u25cb Locked Shields: a team\n"
    "\u25a1 Defence industry: standards\n \u25cb Ammunition: quality\n  - 155mm shells first\n"
    "\u25a1 Space: data\n\nThe talks will go on.\n"
)


def test_symbol_run_resumes_after_a_sub_list():
    assert items.symbol_run_resumes("\u25a1", ["\u25a1", "\u25cb", "-"])
    assert [text for _, text in _items(KOREAN)] == [
        "Cyber defence: exercises",
        "Defence industry: standards",
        "Space: data",
        "Locked Shields: a team",
        "Ammunition: quality",
        "155mm shells first",
    ]
    assert _headings(KOREAN) == ["Main results"]


def test_symbol_run_resumes_near_misses():
    assert not items.symbol_run_resumes("\u25a1", ["\u25cb", "-"])
    # a lone symbol-led line after a list of other markers is no item (a title, as before)
    lone = "Steps\n- Air: jets\n- Sea: ships\n\u25a1 Space: data\n"
    assert [text for _, text in _items(lone)] == ["Air: jets", "Sea: ships"]


INTRO = "Allies agreed the following steps on Tuesday.\n\n"


# --------------------------------------------------------------------------- o_under_bullet


def test_o_under_bullet_is_a_sub_item():
    text = INTRO + "• Joint exercises\no Increasing the frequency.\n• Training\no Investing in courses.\n"
    # the nested items follow their list's items (list_index order)
    assert _items(text) == [
        (0, "Joint exercises"),
        (0, "Training"),
        (1, "Increasing the frequency."),
        (1, "Investing in courses."),
    ]


def test_o_under_bullet_near_misses():
    lines = ["Allies met.", "o Captain, my captain.", "Text."]
    assert items.o_under_bullet(lines, 1) is None  # under prose: a word
    lines = ["• Joint exercises", "o Captain said so.", "Text follows here."]
    assert items.o_under_bullet(lines, 1) is None  # one o line, prose below: no run


# ----------------------- wide_space_marker, fullwidth_paren_number, minus signs, roman_paren, o_space_bullet (shapes15)


def test_wide_space_marker_reads_a_marker_before_an_em_or_ideographic_space():
    assert items.bullet_item("•\u2003Emissions: a common method") is not None
    assert items.enumerator_item("(1)\u3000Cyber defence: exercises") is not None
    text = "Key measures\n•\u2003Emissions: a method\n•\u2002Bases: flood defences\n    ◦\u2009North Sea bases\n"
    assert _items(text) == [(0, "Emissions: a method"), (0, "Bases: flood defences"), (1, "North Sea bases")]


def test_wide_space_marker_near_misses():
    assert items.bullet_item("•\u2003") is None  # a lone bullet: decoration
    assert items.bullet_item("•\u200bEmissions") is None  # a zero-width space is no blank
    assert items.enumerator_item("1.5\u2003per cent of GDP") is None
    assert _items("Allies agreed\u2003• to spend more.\n") == []  # a bullet inside a line


def test_fullwidth_paren_number_opens_an_ordered_item():
    text = "Main points\n（１）\u3000Cyber defence: two exercises\n（２）\u3000Space: shared data\n"
    text += "（3） Industry: standards\n"
    assert [(item.ordered, item.text) for item in parse_document(text).items] == [
        (True, "Cyber defence: two exercises"),
        (True, "Space: shared data"),
        (True, "Industry: standards"),
    ]


def test_fullwidth_paren_number_near_misses():
    assert items.match_item("（注）\u3000数字は暫定値") is None  # a note mark in full-width parentheses
    assert items.match_item("（１）") is None  # a number alone
    assert items.match_item("（ａ）\u3000Cyber") is None  # letters are no number


def test_minus_sign_bullets_make_a_list():
    text = "Agreed steps\n\u2212 Contracts: over ten years\n\u2212 Procurement: common orders\n"
    assert _items(text) == [(0, "Contracts: over ten years"), (0, "Procurement: common orders")]


def test_minus_sign_near_misses_stay_text():
    assert _items("Output changed by\n\u22125% in 2025.\n") == []  # a negative number, no blank after the sign
    assert _items("Growth was 2 \u2212 3% a year.\n") == []


def test_roman_paren_reads_ii_and_iv_with_a_parenthesis():
    assert items.enumerator_item("ii)\tShared stocks") is not None
    text = "Plan\n1)\tAir defence\n\ta)\tBatteries\n\t\ti)\tTwo more\n\t\tii)\tShared stocks\n2)\tDrones\n"
    assert _items(text) == [(0, "Air defence"), (0, "Drones"), (1, "Batteries"), (2, "Two more"), (2, "Shared stocks")]


def test_roman_paren_near_misses():
    assert items.enumerator_item("ivy) league") is None
    assert items.enumerator_item("ii.5 per cent") is None
    assert items.enumerator_item("ii)") is None  # no text after it


def test_o_space_bullet_reads_a_run_of_indented_o_lines_under_an_item():
    text = "Steps\n\u2212 Procurement: common orders\n    o Germany and the Netherlands first\n"
    text += "    o Open to all Allies\n"
    assert _items(text) == [
        (0, "Procurement: common orders"),
        (1, "Germany and the Netherlands first"),
        (1, "Open to all Allies"),
    ]


def test_o_space_bullet_near_misses():
    # one indented "o" line under an item continues it; at the margin "o" is a word
    assert items.o_space_bullet("    o Germany first", ("- Orders: joint", ""), 0) is None
    assert items.o_space_bullet("o Germany first", ("o Open", "o Later"), 0) is None
    assert items.o_space_bullet("    o the Netherlands", ("    o Germany", ""), 0) is None  # lowercase after it
    text = "- Orders: joint orders\n    o Germany first\n"
    assert _items(text) == [(0, "Orders: joint orders o Germany first")]


# --------------------------------------------------------------------------- o_bullet_run (shapes28)


def test_o_bullet_run_reads_word_o_bullets_at_the_first_level():
    """Probe t2 of shapes28: a plain-text copy of a list whose first-level bullets are Word's "o"."""
    text = "Key initiatives\n_______________\n\no Eastern Sentry: air defence\no Sky Shield: joint buying\n\nEnd.\n"
    assert _items(text) == [(0, "Eastern Sentry: air defence"), (0, "Sky Shield: joint buying")]
    text = "The steps agreed:\n  o Eastern Sentry: air defence\n  o Sky Shield: joint buying\n"
    assert _items(text) == [(0, "Eastern Sentry: air defence"), (0, "Sky Shield: joint buying")]
    lines = ["", "o Air", "o Sea", "o Land"]
    assert [items.o_bullet_run(lines, i) is not None for i in range(4)] == [False, True, True, True]


def test_o_bullet_run_near_misses():
    lines = ["", "o Captain, my captain.", "Text."]
    assert items.o_bullet_run(lines, 1) is None  # one line alone: a word
    lines = ["O ministro disse que", "o Governo vai investir e", "o Presidente concorda."]
    assert [items.o_bullet_run(lines, i) for i in range(3)] == [None, None, None]  # prose above the run
    lines = ["", "o Air", "  o Sea"]
    assert items.o_bullet_run(lines, 1) is None  # another indentation: no run
    assert _items("Intro.\n\no the Netherlands first\no the others later\n") == []  # lowercase after the o


# --------------------------------------------------- tight_marker: markers typed onto their word (session 15, shapes14)


def test_tight_marker_reads_markers_typed_onto_words_in_a_list():
    text = "Outcomes\n1)Sentry: more fighters\n2)Drones: jammers\n   a)Quick buys\n   b)Testing\n3)Training: crews\n"
    assert _section_headings(text) == ["Outcomes"]
    assert _items(text) == [
        (0, "Sentry: more fighters"),
        (0, "Drones: jammers"),
        (0, "Training: crews"),
        (1, "Quick buys"),
        (1, "Testing"),
    ]
    # a run broken by nested items goes on: "▪Partnerships" after "◦Solar", "☐Partners" after "✓ Fund"
    glyphs = "Main initiatives\n▪Cyber: targets\n▪Climate: bases\n  ◦Audits\n  ◦Solar\n▪Partnerships: Japan\n"
    want = ["Cyber: targets", "Climate: bases", "Partnerships: Japan", "Audits", "Solar"]
    assert [t for _, t in _items(glyphs)] == want
    dashes = "Steps\n— DIANA: test centres\n   –Texas\n   –Virginia\n— Fund: start-ups\n—Standards — rules\n"
    want = ["DIANA: test centres", "Fund: start-ups", "Standards — rules", "Texas", "Virginia"]
    assert [t for _, t in _items(dashes)] == want


def test_tight_marker_near_misses_stay_text():
    # alone, a typed-on marker is text: a heading over its underline, a sentence's typo, an attribution
    assert _items("Intro text.\n\n1)Introduction\n--------------\n\nAllies met.\n") == []
    assert _items("The ministers met.\n2.Ministers agreed the plan.\n") == []
    assert _items("“We stand together.”\n—Jens Stoltenberg\n") == []
    # a list of another marker around it does not make it an item
    assert [t for _, t in _items("- Cyber: targets\n▪Climate: bases\n- Space: satellites\n")] == [
        "Cyber: targets",
        "Space: satellites",
    ]
    # after a blank line the open list does not reach it (``1.Introduction`` over its underline)
    assert items.tight_marker_item("1.Introduction", ("", "------"), {"1."}, lambda m: "1.") is None
    assert items.tight_marker_line("·5%") is None and items.tight_marker_line("#Hashtag") is None


# --------------------------------------------------- paren_roman, glyph_element_run (session 16, the seeds re-rendered)


def test_paren_roman_reads_i_ii_iii_as_one_list():
    text = "Ministers agreed to:\n(i) Strengthen intelligence sharing\n(ii) Expand exercises\n(iii) Build resilience\n"
    assert _lists(text) == [0, 0, 0]
    assert items.paren_numeral_style("(i)", None) == "(i)"


def test_paren_roman_near_misses():
    letters = "".join(f"({chr(96 + n)}) Item {n}\n" for n in range(1, 11))  # (a) ... (h), (i), (j)
    assert _lists("Ministers agreed to:\n" + letters) == [0] * 10  # "(i)" after "(h)" is the ninth letter
    assert items.paren_numeral_style("(i)", "(a)") == "(a)"
    assert items.paren_numeral_style("(h)", None) is None


def test_glyph_element_run_reads_typed_bullet_lines_as_one_list():
    text = "Steps:\n<div>•&nbsp;Cyber</div>\n<div>•&nbsp;Space</div>\n<div>&bull; Ports</div>\nText.\n"
    assert _item_texts(text) == ["Cyber", "Space", "Ports"] and _lists(text) == [0, 0, 0]


def test_glyph_element_run_near_misses():
    assert not items.glyph_elements_run("<div>•&nbsp;Cyber</div>", "<div>Regards</div>")  # prose below
    assert not items.glyph_elements_run("<p>•&nbsp;Cyber</p>", "<div>•&nbsp;Space</div>")  # another tag
    assert items.glyph_element("<div>Allies • partners</div>") is None  # a bullet inside the text


# --------------------------------------------------------------------------- wingdings_letter_bullet, ring_sub_bullet
# (session 19, shapes22)


def test_wingdings_letter_bullet_before_a_tab_or_two_spaces():
    text = (
        "Key initiatives\n\nØ  Hub for the South: more staff\nØ\tCapacity building: new packages\n\n"
        "Next\n\nü  Ministers review the plan\n"
    )
    assert _items(text) == [(0, "Hub for the South: more staff"), (0, "Capacity building: new packages"),
                            (0, "Ministers review the plan")]  # fmt: skip
    assert items.match_item("Ø  Hub for the South") is not None


def test_wingdings_letter_bullet_near_misses():
    assert items.match_item("Ø 12 mm pipes were laid") is None  # a diameter before one space
    assert items.match_item("Øresund Bridge: traffic") is None  # a word
    assert _items("Dimensions\n\nØ 12 mm\nü ber alles\n") == []


def test_ring_sub_bullet_nests_under_its_item():
    text = "Key initiatives\n\n\u279c Steadfast Defender: the largest exercise\n   \u2218 Land phase: brigades\n" \
        "   \u2218 Maritime phase: carriers\n\u279c Simulation centre: a new centre\n"
    # items in list order: the top list, then its sub-list
    assert _items(text) == [(0, "Steadfast Defender: the largest exercise"), (0, "Simulation centre: a new centre"),
                            (1, "Land phase: brigades"), (1, "Maritime phase: carriers")]  # fmt: skip


def test_ring_sub_bullet_near_misses():
    assert items.match_item("\u2218\u00a0") is None  # a lone glyph is no item
    assert _items("Composition\n\nf \u2218 g is the composition of f and g.\n") == []  # inside a line: an operator
# --------------------------------------------------------------------------- item_reference_tail (sweep 14)


def test_an_issue_reference_under_an_item_goes_on_with_it():
    assert is_reference_tail("[#1037](https://github.com/example/wg/issues/1037)")
    assert is_reference_tail("#1037 and #1040")
    text = "## Agenda\n\n* Audit build process for dependencies\n[#1037](https://x.org/1037)\n* Permission model\n"
    assert _article_items(text) == ["Audit build process for dependencies #1037", "Permission model"]
    assert "#1037" not in _article_prose(text)


def test_a_hash_word_or_a_heading_under_an_item_is_no_reference():
    assert not is_reference_tail("#1 priority for the Alliance")
    assert not is_reference_tail("# 1037 Summary")
    assert not is_reference_tail("[Report 1037](https://x.org/1037)")
    text = "## Agenda\n\n* Audit build process for dependencies\n[Read the report](https://x.org/r) first.\n"
    assert _article_items(text) == ["Audit build process for dependencies"]


# --------------------------------------------------------------------------- glyph_bold_lead (shapes20)


def test_glyph_before_bold_lead_is_no_part_of_the_name():
    assert glyph_before_bold("✅ **Patriot batteries** – two") == 2
    text = TITLED_INTRO + "- ✅ **Patriot batteries** – two more systems\n- 🔹 **Repairs** – hubs in Poland\n"
    assert md_names(text) == ["Patriot batteries", "Repairs"]


def test_glyph_bold_lead_near_misses():
    assert glyph_before_bold("🇺🇦 Ukraine: support") == 0  # no bold after the glyph: the flag stays
    assert glyph_before_bold("A **bold** claim") == 0  # a word, no glyph
    names = md_names(TITLED_INTRO + "- 🇺🇦 Ukraine: more air defence\n- 🇵🇱 Poland: a new base\n")
    assert names == ["🇺🇦 Ukraine", "🇵🇱 Poland"]


# --------------------------------------------------------------------------- double_guillemet_bullet
# (session 19, shapes23)


def test_double_guillemet_bullet_items_and_their_sub_items():
    text = (
        "Key initiatives\n\n» Steadfast Defender: the largest exercise\n   – 90,000 troops\n"
        "» Cold Response: winter\n"
    )
    assert _items(text) == [(0, "Steadfast Defender: the largest exercise"), (0, "Cold Response: winter"),
                            (1, "90,000 troops")]  # fmt: skip


def test_double_guillemet_bullet_near_misses():
    assert items.match_item("»Wir sind bereit«, sagte er.") is None  # a German quote touches its word
    assert items.match_item("»") is None  # a lone glyph
    assert _items("News\n\nHome » News » Articles\n") == []  # a breadcrumb: the glyph inside the line


# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- item", (0, False, "-", 2)),
        ("   * item", (3, False, "*", 5)),
        ("12. item", (0, True, "12.", 4)),
        ("1) item", (0, True, "1)", 3)),
        ("\t- tab", (4, False, "-", 6)),
        ("-     five spaces", (0, False, "-", 2)),
    ],
)
def test_markdown_item(line, expected):
    marker = rules.markdown_item(line)
    assert marker is not None
    assert (marker.indent, marker.ordered, marker.glyph, marker.content_col) == expected


@pytest.mark.parametrize("line", ["- - -", "***", "text - no", "1.5 percent", "-item"])
def test_markdown_item_rejects(line):
    assert rules.markdown_item(line) is None


@pytest.mark.parametrize("glyph", sorted(rules.BULLET_GLYPHS))
def test_bullet_item_every_glyph(glyph):
    marker = rules.bullet_item(f"{glyph} Air defence")
    assert marker is not None and not marker.ordered and marker.glyph == glyph
    assert f"{glyph} Air defence"[marker.content :] == "Air defence"


@pytest.mark.parametrize(
    ("line", "indent"),
    [("  • two spaces", 2), ("\t• a tab", 4), ("  \t• two spaces and a tab", 4), ("    ◦ four", 4)],
)
def test_bullet_item_indentation_tab_to_next_multiple_of_four(line, indent):
    marker = rules.bullet_item(line)
    assert marker is not None and marker.indent == indent


@pytest.mark.parametrize("line", ["The • is not an item", "•no space", "•", "• ", "– "])
def test_bullet_item_rejects(line):
    assert rules.bullet_item(line) is None


@pytest.mark.parametrize(
    ("line", "glyph"),
    [
        ("(1) Readiness", "(1)"),
        ("(a) Readiness", "(a)"),
        ("(iv) Readiness", "(iv)"),
        ("a) Readiness", "a)"),
        ("i. Readiness", "i."),
        ("viii. Readiness", "viii."),
        ("x. Readiness", "x."),
        ("1 - Readiness", "1 -"),
        ("2 – Readiness", "2 –"),
        ("   b) nested", "b)"),
    ],
)
def test_enumerator_item(line, glyph):
    marker = rules.enumerator_item(line)
    assert marker is not None and marker.ordered and marker.glyph == glyph


@pytest.mark.parametrize("line", ["i.e. not an item", "1.5 percent", "a)b", "xi. not roman here", "(1)x", "e.g. no"])
def test_enumerator_item_rejects(line):
    assert rules.enumerator_item(line) is None


def test_match_item_order_and_prose_fast_path():
    assert rules.match_item("- x").kind == "markdown"
    assert rules.match_item("• x").kind == "bullet"
    assert rules.match_item("(2) x").kind == "enumerator"
    assert rules.match_item("1 - x").kind == "enumerator"
    assert rules.match_item("Allies met.") is None
    assert rules.match_item("") is None


@pytest.mark.parametrize(
    ("line", "glyph", "text"),
    [
        ("✔️ Air defence", "✔", "Air defence"),  # the emoji variation selector after the bullet
        ("▫️ Training", "▫", "Training"),
        ("➖ Demining", "➖", "Demining"),
        ("o\tNordic Response", "o", "Nordic Response"),  # Word's pasted second level, before a tab
        ("§\twith Swedish units", "§", "with Swedish units"),
        ("&bull; Fuel stocks", "•", "Fuel stocks"),  # the bullet as an HTML entity
        ("&#8226; Roads", "•", "Roads"),
        ("&#x2022;\tShelters", "•", "Shelters"),
    ],
)
def test_bullet_item_new_glyphs(line, glyph, text):
    marker = rules.match_item(line)
    assert marker is not None and marker.kind == "bullet" and marker.glyph == glyph
    assert line[marker.content :] == text


@pytest.mark.parametrize("line", ["o boy, what a week", "§ 5 of the treaty", "&bull;", "&amp; more", "&bull;x", "✔️"])
def test_bullet_item_new_glyphs_near_misses(line):
    assert rules.match_item(line) is None


@pytest.mark.parametrize(("line", "glyph"), [("a. Air defence", "a."), ("c. Industry", "c."), ("1️⃣ First", "1️⃣")])
def test_enumerator_lettered_and_keycap(line, glyph):
    marker = rules.enumerator_item(line)
    assert marker is not None and marker.ordered and marker.glyph == glyph


@pytest.mark.parametrize("line", ["a.m. briefing", "e.g. air defence", "p.12 of the report", "1️⃣"])
def test_enumerator_lettered_near_misses(line):
    assert rules.enumerator_item(line) is None


def test_markdown_item_tab_after_marker_reaches_column_four():
    assert rules.markdown_item("1.\tExercises").content_col == 4
    assert rules.markdown_item("-\tItem").content_col == 4
    assert rules.markdown_item("10.\tItem").content_col == 4


@pytest.mark.parametrize(
    ("line", "glyph", "text"),
    [("👉 Faster contracts", "👉", "Faster contracts"), ("🇺🇦 Ukraine", "🇺🇦", "Ukraine"), ("  ➡️\tNext", "➡️", "Next")],
)
def test_symbol_bullet_item(line, glyph, text):
    marker = rules.symbol_bullet_item(line)
    assert marker is not None and marker.glyph == glyph and line[marker.content :] == text


@pytest.mark.parametrize("line", ["👍", "NATO 👉 allies", "👉", "👉    ", "%% x", "1 apple", "\u200d x"])
def test_symbol_bullet_item_rejects(line):
    assert rules.symbol_bullet_item(line) is None


def test_box_drawing_is_no_symbol_bullet():
    assert rules.symbol_bullet_item("│ Estonia │ Cyber range │") is None
    assert rules.symbol_bullet_item("├── Air defence") is None


def test_rest_auto_numbered_item_is_ordered_but_no_lettering():
    marker = rules.match_item("#. Data: share satellite data")
    assert marker is not None and marker.ordered and marker.glyph == "#."
    assert not rules.is_lettered(marker)
    assert rules.match_item("#.Data") is None and rules.match_item("# Heading") is None


@pytest.mark.parametrize(
    ("line", "glyph"),
    [("-> Brigades: more", "->"), ("--> Funding", "-->"), ("=> Funding: a fund", "=>"), ("[x] Done", "[ ]"),
     ("[ ] Open", "[ ]"), ("[X] Done", "[ ]")],
)  # fmt: skip
def test_ascii_bullet(line, glyph):
    marker = rules.ascii_bullet_item(line)
    assert marker is not None and marker.glyph == glyph and not marker.ordered


@pytest.mark.parametrize("line", ["->", "-> ", "x -> y", "[1] https://nato.int", "[x]Done", "=>x", "- > quoted"])
def test_ascii_bullet_near_misses(line):
    assert rules.ascii_bullet_item(line) is None


@pytest.mark.parametrize(
    ("line", "glyph"),
    [("① Air defence", "①"), ("⑳ Twentieth", "⑳"), ("❶ One", "❶"), ("1.) Report", "1.)"), ("12.) Review", "12.)"),
     ("A) Air defence", "A)")],
)  # fmt: skip
def test_more_enumerators(line, glyph):
    marker = rules.match_item(line)
    assert marker is not None and marker.ordered and marker.glyph == glyph


@pytest.mark.parametrize("line", ["①no space", "1.)x", "A)no space", "AB) two letters", "A. Background", "A) "])
def test_more_enumerators_near_misses(line):
    assert rules.match_item(line) is None


def test_upper_lettering_opens_only_at_a():
    assert rules.is_lettered(rules.match_item("B) Mobility"))  # an item only inside an "A)" list
    assert not rules.is_lettered(rules.match_item("b) Mobility"))  # "a)"-style enumerators are items alone


@pytest.mark.parametrize("glyph", ["⇒", "➔", "✗", "★", "\uf0a7", "\uf0d8"])
def test_more_bullet_glyphs(glyph):
    marker = rules.bullet_item(f"{glyph} Patrols: more ships")
    assert marker is not None and f"{glyph} Patrols: more ships"[marker.content :] == "Patrols: more ships"


@pytest.mark.parametrize(("line", "expected"), [("• • •", None), ("• •", None), ("•  •  •  •", None)])
def test_bullet_divider_is_no_item(line, expected):
    assert rules.bullet_item(line) is expected
    assert rules.is_divider(line[1:])
    assert not rules.is_divider(" • Patrols")  # "• • Patrols": words after the bullets


def test_shortcode_bullet():
    marker = rules.shortcode_bullet_item(":white_check_mark: Readiness: certify forces")
    assert marker is not None and marker.glyph == ":white_check_mark:"
    assert rules.shortcode_bullet_item(":Date: 12 June") is None  # reST field: capital, and the name differs per line
    assert rules.shortcode_bullet_item("Note: text") is None


def test_tight_dash():
    assert rules.tight_dash_item("-Mobility: rail capacity") is not None
    for line in ("-5% on last year", "--Jane", "-based on", "- Mobility", "-M"):
        assert rules.tight_dash_item(line) is None, line


def test_labelled_entry():
    assert rules.labelled_entry("Deterrence:: the threat of force") == "Deterrence: the threat of force"
    for line in ("std::vector holds", "Deterrence::", "::x y", "Deterrence::the threat"):
        assert rules.labelled_entry(line) is None, line


def test_lone_bullet():
    assert rules.lone_bullet("•", "Air defence: joint orders") == "• Air defence: joint orders"
    assert rules.lone_bullet("•", "") is None  # a decoration
    assert rules.lone_bullet("•", "• Mobility") is None
    assert rules.lone_bullet("• Patrols", "text") is None


def test_star_level():
    marker = rules.star_level_item("** Poland: first sites", "* Sensors: acoustic")
    assert marker is not None and marker.indent == 2 and marker.glyph == "**"
    assert rules.star_level_item("** Priorities", "") is None  # Mailchimp's heading after a blank line
    assert rules.star_level_item("**Bold** text", "* Sensors") is None
    assert rules.star_level_item("** Poland", "Sensors are new.") is None


def test_lettered_run():
    assert rules.starts_letter_item("b. Training", ".") and rules.starts_letter_item("B) Mobility", ")")
    assert not rules.starts_letter_item("be. Training", ".") and not rules.starts_letter_item("b.Training", ".")


def test_sub_lettering_opens_a_lone_letter_under_a_numbered_item():
    """``sub_lettering`` (shapes28, probe q02): "   a." under "2." with no "b." below is the item's sub-point."""
    text = "Steps:\n\n1. Steadfast Defender: a large exercise\n   a. land forces\n   b. ships\n"
    text += "2. Trident Juncture: a live exercise\n   a. cold-weather training in Norway\n3. Cyber Coalition\n"
    assert _items(text) == [
        (0, "Steadfast Defender: a large exercise"),
        (0, "Trident Juncture: a live exercise"),
        (0, "Cyber Coalition"),
        (1, "land forces"),
        (1, "ships"),
        (1, "cold-weather training in Norway"),
    ]
    marker = rules.match_item("   a. cold-weather training")
    assert rules.opens_sub_lettering(marker, 0, "2.") and rules.opens_sub_lettering(marker, 0, "12)")


def test_sub_lettering_near_misses():
    marker = rules.match_item("   a. cold-weather training")
    assert not rules.opens_sub_lettering(marker, 0, "-")  # under a bullet: no outline
    assert not rules.opens_sub_lettering(marker, 3, "2.")  # not indented deeper than the item's marker
    assert not rules.opens_sub_lettering(rules.match_item("   p. 12 of the report"), 0, "2.")
    text = "Steps:\n\n- Steadfast Defender: a large exercise\n  a. land forces\n"
    assert _items(text) == [(0, "Steadfast Defender: a large exercise a. land forces")]


def test_empty_item():
    marker = rules.match_item("* ")
    assert rules.empty_item_after_prose("* ", marker, "_The allies adopted it:_")  # a placeholder under prose
    assert not rules.empty_item_after_prose("* ", marker, "")  # after a blank line: an empty item, as CommonMark
    assert not rules.empty_item_after_prose("* ", marker, "- Review")  # inside a list
    assert not rules.empty_item_after_prose("* Review", rules.match_item("* Review"), "Intro:")


def test_paren_upper_letters_are_lettered():
    assert rules.is_lettered(rules.enumerator_item("(A) Targets"))
    assert rules.starts_letter_item("(B) Reporting", "()") and not rules.starts_letter_item("(B)Reporting", "()")
    assert not rules.is_lettered(rules.enumerator_item("(a) targets"))  # "(a)" is an enumerator on its own


@pytest.mark.parametrize(
    ("line", "item"),
    [("› Logistics: supply", True), ("  › Cyber", True),
     # near misses: a breadcrumb, the glyph onto a word, a glyph alone
     ("Home › News › Articles", False), ("›Logistics", False), ("›", False)],
)  # fmt: skip
def test_single_guillemet_bullet(line, item):
    assert (rules.match_item(line) is not None) is item


@pytest.mark.parametrize(
    ("line", "item"),
    [("・ Training: joint courses", True), ("❯ Sensors: a common picture", True), ("▹ Exercises", True),
     ("   ↳ Rail: a new railhead", True),
     # near misses: the glyph inside a line, the glyph alone, an arrow onto a word
     ("Tokyo・Brussels talks", False), ("Next ❯ Page 2", False), ("↳", False), ("↳Rail", False)],
)  # fmt: skip
def test_shapes9_bullet_glyphs(line, item):
    assert (rules.match_item(line) is not None) is item


def test_down_right_arrow_nests_under_its_bullet():
    doc = parse_document("Hubs\n• Poland: a hub\n• Romania: a hub\n↳ Port: deeper berths\n")
    assert [(i.text, i.depth) for i in doc.items] == [
        ("Poland: a hub", 0), ("Romania: a hub", 0), ("Port: deeper berths", 1)
    ]  # fmt: skip


def test_katakana_middle_dot_typed_onto_words_in_a_run():
    doc = parse_document("Areas\n・Exercises: joint\n・Training: courses\n\nTokyo ・Brussels talks.\n")
    assert [i.text for i in doc.items] == ["Exercises: joint", "Training: courses"]
    assert rules.tight_glyph_item("・Exercises") is not None and rules.tight_glyph_item("・5 ships") is None


@pytest.mark.parametrize(
    ("line", "item"),
    [("- Patrols: ships", True), ("* Sensors", True), ("2. Drones", True),
     # near misses: a number, a year, a rule, a dash alone
     ("-5% on last year", False), ("2025.", False), ("- - -", False), ("- ", False)],
)  # fmt: skip
def test_typed_marker_item(line, item):
    assert (rules.typed_marker_item(line) is not None) is item


# --------------------------------------------------------------------------- cjk_inline_enumeration (sweep 16)

KNOWN_ISSUES_JA = (
    "既知の問題\n----------\n\n（１）コインコントロール機能を有効にし、（２）複数のウォレットを使用している\n"
    "上級ユーザーの場合：選択ダイアログが誤った状態を保持することがあります。\n"
)


def test_cjk_inline_enumeration_is_prose():
    assert items.is_cjk_inline_enumeration("（１）機能を有効にし、（２）複数のウォレットを使用している")
    assert items.is_cjk_inline_enumeration("（1）防衛計画を更新し、（2）演習を実施する")
    assert _article_items(KNOWN_ISSUES_JA) == []
    assert "（１）コインコントロール機能を有効にし、（２）" in _article_prose(KNOWN_ISSUES_JA)


def test_cjk_inline_enumeration_near_misses():
    assert not items.is_cjk_inline_enumeration("（１）サイバー防衛の強化")  # one number: an item
    assert not items.is_cjk_inline_enumeration("１．サイバー防衛（２０２６年）")
    assert _article_items("（１）サイバー防衛の強化\n（２）演習の実施\n") == ["サイバー防衛の強化", "演習の実施"]


# --------------------------------------------------------------------------- entity blanks after a bullet (shapes26)
@pytest.mark.parametrize(
    ("line", "text"),
    [("•&#160;Gender Advisers: in every mission", "Gender Advisers: in every mission"),
     ("•&nbsp;&nbsp;Baltic Sentry: ships", "Baltic Sentry: ships"), ("&bull;&nbsp;Digital Ocean", "Digital Ocean")],
)
def test_entity_space_bullet(line, text):
    marker = items.bullet_item(line)
    assert marker is not None and line[marker.content :] == text


@pytest.mark.parametrize("line", ["•&amp;Co", "•&#160;", "•&#160;• • •", "•Gender"])
def test_entity_space_bullet_near_misses(line):
    assert items.bullet_item(line) is None


def test_entity_space_bullet_lines_are_items():
    text = "# Plan\n\nKey initiatives:\n\n•&#160;Gender&#160;Advisers:&#160;in missions<br/>\n"
    text += "•&#160;Panel:&#160;talks<br/>\n"
    assert md_names(text) == ["Gender Advisers", "Panel"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("* **2015-08-25:** ", True), ("- **2026**:", True), ("1. 2026-01-21:", True), ("* __25.08.2015:__\t", True),
     ("- 2.4.1:", True),
     # near misses: the label's text on its line, a label of words, a sentence, no colon, no item marker
     ("* **2015-08-25:** Google asks for the code", False), ("* **Air defence**:", False), ("- Participants:", False),
     ("- The Council agreed the following measures for the coming year:", False), ("* **2015-08-25**", False),
     ("**2015-08-25:**", False), ("2015-08-25:", False)],
)  # fmt: skip
def test_is_label_only_item(line, expected):
    assert items.is_label_only_item(line) is expected


def test_a_label_only_item_takes_the_line_under_it_as_its_text():
    timeline = "# Timeline\n\n* **2026-01-25:** \nVendor asks for the source code\n\n* **2026-01-26:** \nCode sent\n"
    assert md_headings(timeline) == ["Timeline"]
    assert [r["text"] for r in md_article(timeline).rows("list_items")] == [
        "2026-01-25: Vendor asks for the source code",
        "2026-01-26: Code sent",
    ]
    # near miss: a blank line between the label and the text ends the item, and the text is prose
    apart = md_article("# Timeline\n\n* **2026-01-25:**\n\nVendor asks for the source code.\n")
    assert [r["text"] for r in apart.rows("list_items")] == ["2026-01-25:"]


# ----------------------------------------------------- operator_bullet, wrapped_symbol_run (session 22, shapes29)


def test_operator_bullet_reads_a_typesetters_dot_in_a_run():
    """shapes29 1053: the dot operator (U+22C5) a LaTeX-to-text converter or a PDF gives for a bullet; Unicode files
    it as a math symbol, so the symbol runs skipped it and the list was one paragraph."""
    text = "Key initiatives\n\n  \u22c5 Group 1: northern waters\n  \u22c5 Group 2: the Mediterranean\n\nEnd.\n"
    assert _items(text) == [(0, "Group 1: northern waters"), (0, "Group 2: the Mediterranean")]
    stars = "Steps\n\u22c6 Sentry: air defence\n\u22c6 Shield: joint buying\n"
    assert _items(stars) == [(0, "Sentry: air defence"), (0, "Shield: joint buying")]
    asterisks = "Steps\n\u2217 Sentry: air defence\n\u2217 Shield: joint buying\n"  # probe: the asterisk operator
    assert _items(asterisks) == [(0, "Sentry: air defence"), (0, "Shield: joint buying")]


def test_operator_bullet_near_misses():
    assert _items("Intro.\n\n\u22c5 Sentry: air defence\n\nEnd.\n") == []  # one line alone: no run
    assert _items("The sum:\n\u2211 all costs\n\u2211 all gains\n") == []  # another operator: math, no bullet
    assert items.symbol_bullet_item("\u22c5x") is None  # typed onto its word: no blank after it
    assert items.symbol_bullet_item("a \u22c5 b") is None  # inside a line


def test_wrapped_symbol_run_reads_a_run_hard_wrapped_with_hanging_lines():
    """shapes29 1052: "➣" items hard-wrapped at 72 with hanging indents: no two items touched, so none made a run
    and the whole list (its wraps too) was read as one paragraph."""
    text = (
        "Key initiatives\n\u27a3 Undersea Network: navies and operators\n  share information on threats\n"
        "\u27a3 Resilience Committee: national targets,\n  reviewed every year\n"
        "\u27a3 Protection Cell: advice\n\nEnd.\n"
    )
    assert _items(text) == [
        (0, "Undersea Network: navies and operators share information on threats"),
        (0, "Resilience Committee: national targets, reviewed every year"),
        (0, "Protection Cell: advice"),
    ]
    # probe: the wraps unindented, each opening in lowercase (the contract's wrapped item)
    unindented = "Steps\n\u27a3 Network: navies\nshare information\n\u27a3 Committee: targets,\nreviewed yearly\n"
    assert _items(unindented) == [(0, "Network: navies share information"), (0, "Committee: targets, reviewed yearly")]
    lines = ["\u27a3 A: one", "  wrap", "  wrap", "\u27a3 B: two"]
    assert [items.wrapped_symbol_run(lines, i, items.symbol_bullet_item(lines[0])) for i in (0, 3)] == [True, True]


def test_wrapped_symbol_run_near_misses():
    marker = items.symbol_bullet_item("\u27a3 A: one")
    assert not items.wrapped_symbol_run(["\u27a3 A: one", "  a paragraph", "  indented under it"], 0, marker)
    assert not items.wrapped_symbol_run(["\u27a3 A: one", "  wrap", "\u2b50 B: two"], 0, marker)  # another glyph
    assert not items.wrapped_symbol_run(["\u27a3 A: one", "  wrap", "", "\u27a3 B: two"], 0, marker)  # a blank
    assert not items.wrapped_symbol_run(["\u27a3 A: one", "Prose at the margin.", "\u27a3 B: two"], 0, marker)
    assert not items.wrapped_symbol_run(["\u27a3 A: one", "  \u27a3 B: two"], 0, marker)  # another indentation
    hanging = ["\u27a3 A: one"] + ["  wrap"] * (items.MAX_SYMBOL_WRAP + 1) + ["\u27a3 B: two"]
    assert not items.wrapped_symbol_run(hanging, 0, marker)  # a block too long for a wrap
    assert _items("\u27a3 Title of a post\n  with an indented paragraph under it.\n\nText.\n") == []


# --------------------------------------------------------------------------- step_label (session 23, readerfix)


def test_step_label():
    assert items.step_label("Step 1: Military Mobility Pledge - plans") == len("Step 1: ")
    assert items.step_label("PHASE IV – Host Nation Support: depots") == len("PHASE IV – ")
    assert items.step_label("Line of Effort 2: Resilience - civil preparedness") == len("Line of Effort 2: ")
    assert items.step_label("Step Two: Connecting Europe Facility - EU funds") == len("Step Two: ")
    assert rules.RULES["step_label"] is items.step_label
    names = md_names("# Plan\n\n- Step 1: Rail Pledge - wider tunnels\n- Step 2: Road Pledge - heavier loads\n")
    assert names == ["Rail Pledge", "Road Pledge"]


def test_step_label_near_misses():
    assert items.step_label("Pledge 1: Rail - wider tunnels") == 0  # no step word
    assert items.step_label("Step 1a: Rail - wider tunnels") == 0  # a number run on into a word
    assert items.step_label("Step 1.2: Rail - wider tunnels") == 0
    assert items.step_label("Step 1:") == 0  # nothing after the label
    assert items.step_label("Stepping 1: Rail") == 0
    assert items.step_label("Part of the plan: rail") == 0
    assert items.step_label("Step Twofold: Rail - wider") == 0  # a word that opens with a number word
    names = md_names("# Plan\n\n- Step 1: Agree the national plans\n- Step 2: Fund the corridors\n")
    assert names == ["Step 1", "Step 2"]  # no name after the label: the contract's earliest separator
