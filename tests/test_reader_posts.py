"""Blog and news posts of organisations and projects (``rules/posts.py``, real-world sweep 10, bench/REALWORLD.md)."""

from __future__ import annotations

import pytest

from nato_briefs import read_article
from nato_briefs.reader import rules


@pytest.mark.parametrize(
    ("alt", "before", "after", "expected"),
    [("Logo", "", "The summit", "Logo "), ("Chart", "target", "", " Chart"), ("Chart", "shows:", "rose", " Chart "),
     # near misses: white space, an opening bracket before, closing punctuation after, no alt text
     ("Logo", "the ", " opened", "Logo"), ("Map", "(", ")", "Map"), ("Map", "the", ".", " Map"), ("", "a", "b", "")],
)  # fmt: skip
def test_set_image_apart(alt, before, after, expected):
    assert rules.set_image_apart(alt, before, after) == expected


def test_an_image_against_a_word_is_set_apart_in_the_prose():
    text = "Intro.\n\n[![Summit logo](/l.png)](/l.png)The summit opened in Vilnius.\n"
    assert "Summit logo The summit opened" in read_article(text).sections[0].text
    # near miss: an image in running text keeps its spaces and the full stop after it stays attached
    spaced = "Intro.\n\nThe summit opened ![in Vilnius](/v.png).\n"
    assert "The summit opened in Vilnius." in read_article(spaced).sections[0].text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("<div>Agenda</div>", True), ("<!-- note -->", True), ('<img src="x.png">', True), ("<script>", True),
     # near misses: inline tags with text behind them, a "<" that is no tag
     ("<b>14 November</b> <br>", False), ("<i>at</i> 17:30", False), ("<10 km from the border", False),
     ("Agenda <div>", False)],
)  # fmt: skip
def test_opens_html_block(text, expected):
    assert rules.opens_html_block(text) is expected


def test_emoji_items_opening_with_an_inline_tag_lose_the_tag():
    article = read_article("Open day\n\n🗓️ <b>14 November</b> <br>\n📍 <b>Main square</b> (gate)<br>\n\nCome.\n")
    assert [i.text for i in article.list_items] == ["14 November", "Main square (gate)"]
    # near miss: a "<" that opens no tag stays text
    assert [i.text for i in read_article("Ranges\n\n• <10 km\n• <20 km\n").list_items] == ["<10 km", "<20 km"]


@pytest.mark.parametrize(
    ("prev", "expected"),
    [("* **Air defence**:  ", True), ("* **Air defence:**   ", True), ("- Logistics:  ", True),
     # near misses: a colon without the hard break, two spaces without the colon, one space
     ("* **Air defence**:", False), ("* **Air defence**  ", False), ("* Air defence: ", False)],
)  # fmt: skip
def test_breaks_after_label(prev, expected):
    assert rules.breaks_after_label(prev) is expected


def test_an_item_label_over_a_hard_break_keeps_its_text():
    text = "Update\n\n* **Air defence**:  \nGermany delivered two systems.\n* **Logistics**: Rails.\n\nEnd.\n"
    assert [i.text for i in read_article(text).list_items] == ["Air defence: Germany delivered two systems.",
                                                               "Logistics: Rails."]
    # near miss: without the hard break the capitalised line is prose, as the line rule reads it
    plain = "Update\n\n* **Air defence**:\nGermany delivered two systems.\n\nEnd of the update.\n"
    article = read_article(plain)
    assert [i.text for i in article.list_items] == ["Air defence:"]
    assert "Germany delivered two systems." in article.sections[0].text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("with the following entries:<!-- more -->", "with the following entries:"),
     ("Allies met in Vilnius. <!--truncate-->", "Allies met in Vilnius."),
     # near misses: a whole-line comment, a comment inside the line, no comment
     ("<!-- more -->", "<!-- more -->"), ("Allies <!-- x --> met", "Allies <!-- x --> met"),
     ("Allies met", "Allies met")],
)  # fmt: skip
def test_without_trailing_comment(text, expected):
    assert rules.without_trailing_comment(text) == expected


def test_an_excerpt_mark_after_a_colon_makes_no_title():
    text = "# Call\n\nAllies met.\n\nPlease send your design with these entries:<!-- more -->\n\n* Name\n* Note\n"
    assert [s.heading for s in read_article(text).sections] == ["Call"]
    # near miss: a short title line with an excerpt mark is still a title
    titled = "# Call\n\nAllies met.\n\nDeadline Extended<!-- more -->\n\nThe office waits.\n"
    assert [s.heading for s in read_article(titled).sections] == ["Call", "Deadline Extended"]
