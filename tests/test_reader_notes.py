"""Meeting notes, weeknotes and link digests (``rules/notes.py``, real-world sweep 9, bench/REALWORLD.md)."""

from __future__ import annotations

import pytest

from nato_briefs import read_article
from nato_briefs.reader import rules


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("<li>", True), ("</li>", True), ("<p>", True), ("</P>", True), ('<ul class="x">', True), ("<h3>", True),
     ("<td>", True), ("</div>", True),
     # near misses: inline elements, a tag whose name only starts like a block's
     ("<span>", False), ("<b>", False), ('<a href="x">', False), ("<param>", False), ("<li-x>", False),
     ("<picture>", False), ("<thing>", False)],
)  # fmt: skip
def test_is_block_tag(tag, expected):
    assert rules.is_block_tag(tag) is expected


def test_block_tags_in_a_cell_part_words_inline_tags_do_not():
    text = "| Need | Actions |\n|-|-|\n| Cyber | <ul><li>Share data</li><li>Find links</li></ul> |\n"
    assert read_article(text).tables[0].rows[0].cells == ["Cyber", "Share data Find links"]
    # near miss: an inline tag inside a word joins it, as the browser shows it
    inline = "| Need | Actions |\n|-|-|\n| Cyber | intelli<span>gence</span> sharing |\n"
    assert read_article(inline).tables[0].rows[0].cells == ["Cyber", "intelligence sharing"]


@pytest.mark.parametrize(
    ("prev", "line", "expected"),
    [("* [A short guide", "](https://x.org/g)", True), ("The [summit declaration of the", "  ](https://x.org/d)", True),
     ("* [Plans] and [a guide", "](x) for allies", True),
     # near misses: the link above already closed, no "](" opening the line, no bracket above
     ("* [A guide](https://x.org/g)", "](y)", False), ("* [A short guide", "Allies](x)", False),
     ("* A short guide", "](x)", False), ("* [A short guide", "] (x)", False)],
)  # fmt: skip
def test_closes_open_link(prev, line, expected):
    assert rules.closes_open_link(prev, line) is expected


def test_link_wrapped_before_its_target_stays_one_item():
    article = read_article("# Links\n\n* [A short guide to deterrence\n](https://x.org/g)\n\n* [Plans](y)\n")
    assert [i.text for i in article.list_items] == ["A short guide to deterrence", "Plans"]
    # near miss: a finished item over a "](" line: the line is not glued to it
    finished = read_article("# Links\n\n* [A short guide](https://x.org/g)\n](y)\n")
    assert [i.text for i in finished.list_items] == ["A short guide"]


def test_a_list_indented_four_after_a_blank_is_one_code_block():
    tabs = read_article("# Agenda\n\nThe chair set the agenda.\n\n\t\t* Readiness - Hanna\n\t\t* Patrols - Piet\n")
    assert tabs.list_items == []
    assert tabs.sections[0].text == "The chair set the agenda."
    numbered = read_article("# Agenda\n\nPoints:\n\n    1. demultiplexing\n    2. deal with intermediaries\n")
    assert numbered.list_items == []
    assert "intermediaries" not in numbered.sections[0].text
    # near misses: the same list right under its paragraph line stays a list (``indented_list_under_line``);
    # nested under an item at the margin, the indented items are that item's children
    under = read_article("# Agenda\n\nPoints:\n    1. demultiplexing\n    2. deal with intermediaries\n")
    assert [i.text for i in under.list_items] == ["demultiplexing", "deal with intermediaries"]
    nested = read_article("# Agenda\n\n- Points\n\n    - demultiplexing\n    - intermediaries\n")
    want = [(0, "Points"), (1, "demultiplexing"), (1, "intermediaries")]
    assert [(i.depth, i.text) for i in nested.list_items] == want


@pytest.mark.parametrize(
    ("line", "expected"),
    [("![Reset password.](figures/reset_pwd.png)", True), ("![Shot](x.png)  ", True), ('![](a.png "Title")', True),
     # near misses: text beside the image, an indented line (a continuation already), a link, a broken image
     ("![Shot](x.png) shows the button.", False), ("See ![Shot](x.png)", False), ("  ![Shot](x.png)", False),
     ("[Shot](x.png)", False), ("![Shot](x.png", False)],
)  # fmt: skip
def test_is_figure_line(line, expected):
    assert rules.is_figure_line(line) is expected


def test_a_screenshot_under_an_item_keeps_the_list_going():
    text = "# Steps\n\n* Alert\n\t* Recall: back to base.\n![Recall button.](r.png)\n\t* Divert: elsewhere.\n* Log\n"
    got = [(i.depth, i.text) for i in read_article(text).list_items]
    want = [(0, "Alert"), (0, "Log"), (1, "Divert: elsewhere."), (1, "Recall: back to base. Recall button.")]
    assert sorted(got) == want
    # near miss: after a blank line the image is a paragraph of its own and the list ends before it
    apart = read_article("# Steps\n\n* Recall: back to base.\n\n![Recall button.](r.png)\n\nAllies log it.\n")
    assert [i.text for i in apart.list_items] == ["Recall: back to base."]
    assert "Recall button." in apart.sections[0].text
