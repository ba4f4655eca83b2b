"""List item rules (``rules/items.py``): bullet glyphs, symbol runs resumed after a sub-list, Word's ``o``
sub-items pasted flat; each rule with its positive and near-miss cases. Found by tests/shapes_corpus/741-765
(session 17, shapes16) and 816-835 (shapes19).
"""

from __future__ import annotations

from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import items


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
