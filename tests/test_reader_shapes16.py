"""Session 17 rules (``rules/shapes16.py``, the new bullet glyphs and header wordings): shapes real sources
produce, each rule with its positive and near-miss cases. Found by tests/shapes_corpus/741-765.
"""

from __future__ import annotations

from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.parse import parse_document
from nato_briefs.reader import rules
from nato_briefs.reader.rules import items, shapes16

SYN = load_header_synonyms()


def _items(text: str) -> list[tuple[int, str]]:
    return [(item.depth, item.text) for item in parse_document(text).items]


def _headings(text: str) -> list[str]:
    return [s.heading for s in parse_document(text).sections if s.heading is not None]


def test_new_rules_are_named():
    assert set(shapes16.SHAPES16_RULES) <= set(rules.RULES)


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
    assert shapes16.symbol_run_resumes("\u25a1", ["\u25a1", "\u25cb", "-"])
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
    assert not shapes16.symbol_run_resumes("\u25a1", ["\u25cb", "-"])
    # a lone symbol-led line after a list of other markers is no item (a title, as before)
    lone = "Steps\n- Air: jets\n- Sea: ships\n\u25a1 Space: data\n"
    assert [text for _, text in _items(lone)] == ["Air: jets", "Sea: ships"]


# --------------------------------------------------------------------------- marker_free_wrapper (HTML)


def test_marker_free_wrapper_is_no_item_and_its_list_nests():
    html = (
        "<ul>\n<li>Patrols: ships</li>\n<li style=\"list-style-type: none;\">\n<ul>\n<li>Drones</li>\n"
        "<li>Sensors</li>\n</ul>\n</li>\n<li>Repair: ships</li>\n</ul>\n"
    )
    assert _items(html) == [(0, "Patrols: ships"), (0, "Repair: ships"), (1, "Drones"), (1, "Sensors")]


def test_marker_free_wrapper_near_misses():
    with_text = '<ul>\n<li style="list-style: none">Patrols<ul><li>Drones</li></ul></li>\n</ul>\n'
    assert _items(with_text) == [(0, "Patrols"), (1, "Drones")]  # text of its own: an item
    plain = "<ul>\n<li>Patrols</li>\n<li><ul><li>Drones</li></ul></li>\n</ul>\n"
    assert [text for _, text in _items(plain)] == ["Patrols", "", "Drones"]  # a marker shown: an (empty) item


# --------------------------------------------------------------------------- dash_underline


def test_dash_underline_makes_a_setext_heading():
    text = "# Allies Agree Plan\n\nText.\n\nSteps agreed by the ministers on Thursday\n\u2014\u2014\u2014\u2014\n\n"
    text += "- Corridors: a map\n"
    assert _headings(text) == ["Allies Agree Plan", "Steps agreed by the ministers on Thursday"]
    assert shapes16.dash_underline("\u2013\u2013\u2013", "Priorities for mobility", "")


def test_dash_underline_near_misses():
    assert not shapes16.dash_underline("\u2014\u2014\u2014", "Ministers agreed the plan.", "")  # a sentence
    assert not shapes16.dash_underline("\u2014\u2014\u2014", "the plan in detail", "Ministers met")  # a paragraph
    assert not shapes16.dash_underline("\u2014\u2014\u2014", "- Corridors: a map", "")  # an item
    assert not shapes16.dash_underline("\u2014 Air defence", "Priorities", "")  # a dash bullet, no underline
    text = "# Allies Agree Plan\n\nMinisters agreed the plan on Thursday.\n\u2014\u2014\u2014\n\nText.\n"
    assert _headings(text) == ["Allies Agree Plan"]


# --------------------------------------------------------------------------- quotes: attribution_line, nested


def test_attribution_line():
    assert shapes16.is_attribution_line("Anna wrote:")
    assert shapes16.is_attribution_line("Anna Nowak <anna@example.org> wrote:")
    assert rules.opens_quoted_message("Jan de Vries wrote:")


def test_attribution_line_near_misses():
    assert not shapes16.is_attribution_line("As the Secretary General wrote in his report:")
    assert not shapes16.is_attribution_line("the minister wrote:")  # no name
    assert not shapes16.is_attribution_line("The paper that the ministers of the Allies agreed last year wrote:")


NESTED = "Thanks.\n\n> Anna wrote:\n>\n>> Allies Agree Plan\n>>\n>> Text of it.\n>>\n>> Priorities\n"
NESTED += ">> - Air: more jets\n"


def test_nested_quoted_message_is_the_article():
    doc = parse_document(NESTED)
    assert _headings(NESTED) == ["Allies Agree Plan", "Priorities"] and doc.items[0].line == 10


def test_nested_quoted_message_near_misses():
    assert _headings(NESTED + "\nMy notes follow.\n") == []  # a quote inside a reply stays a quote
    lines = ["Thanks.", "", "> Anna wrote:", "> Great news, see below."]  # no message quoted under it
    assert rules.quoted_message_start(lines) is None


# --------------------------------------------------------------------------- header wordings


def test_header_abbreviations_map():
    assert map_headers(["Prio.", "Obj.", "Exp. Res."], SYN) == (0, 1, 2)
    assert map_headers(["Pillar", "Key Activity", "KPI"], SYN) == (0, 1, 2)
    assert map_headers(["Handlungsfeld", "Maßn.", "erw. Ergebnis"], SYN) == (0, 1, 2)
    assert map_headers(["Ser", "Prio. Area", "Action", "Exp. Result", "OPR"], SYN) == (1, 2, 3)


def test_header_abbreviations_near_misses():
    assert map_headers(["Area", "Focus", "Exp."], SYN) is None  # "expected" alone names nothing
    assert map_headers(["Prio.", "Obj.", "Res. Owner"], SYN) is None  # the owner of a result is no outcome


def test_plain_language_and_french_wordings_map():
    assert map_headers(["Challenge", "What we will do", "Why it helps", "Who leads"], SYN) == (0, 1, 2)
    assert map_headers(["Axe", "Action", "Effet attendu"], SYN) == (0, 1, 2)
    assert map_headers(["Domaine prioritaire", "Axe principal", "Résultat attendu"], SYN) == (0, 1, 2)


def test_plain_language_and_french_wordings_near_misses():
    assert map_headers(["Area", "Focus", "Attendu"], SYN) is None  # a participle alone
    assert map_headers(["Area", "Focus", "Who leads"], SYN) is None
    assert map_headers(["Challenge", "Country", "Year"], SYN) is None
