"""What a line's markup means (``rules/markup.py``), each rule with its positive and near-miss cases."""

from __future__ import annotations

import pytest

from nato_briefs import read_article
from nato_briefs.reader import rules
from nato_briefs.reader.rules import markup
from nato_briefs.reader.rules.markup import is_label_line

# -------------- lowercase_content_word: a sentence of names or a Title Case heading (session 16, the seeds re-rendered)


def _article_headings(text: str) -> list[str | None]:
    return [s.heading for s in read_article(text).sections]


def _article_prose(text: str) -> str:
    return "\n".join(s.text for s in read_article(text).sections)


def test_lowercase_content_word_tells_a_sentence_of_names_from_title_case():
    assert markup.has_lowercase_content_word("The visit of NATO Deputy Secretary General to the United")


def test_lowercase_content_word_near_misses():
    assert not markup.has_lowercase_content_word("Commitment to Deepening Partnership Amid Emerging Global Threats")
    assert not markup.has_lowercase_content_word("Allies Meet with Partners from the Pacific")


# ------------------------------------------------------------------------ template_link_path, data_attribute (sweep 12)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("See [the directive]({{ site.baseurl }}/assets/ed-25-01.pdf).", "See [the directive](#)."),
     ("* [Guide]({{ site.baseurl }}/{{ page.collection }}/guide.html)", "* [Guide](#)"),
     ("[Plan]({% link _docs/plan.md %})", "[Plan](#)"), ("[Plan]({{ '/x/' | relative_url }})", "[Plan](#)"),
     # near misses: no template at the target's start, a space after the path, no closing parenthesis
     ("[Plan](https://nato.int/{{ x }}/a)", "[Plan](https://nato.int/{{ x }}/a)"),
     ("[Plan]({{ x }}/a b)", "[Plan]({{ x }}/a b)"), ("[Plan]({{ x }}/a", "[Plan]({{ x }}/a")],
)  # fmt: skip
def test_template_link_path(line, expected):
    assert rules.mend_template_links(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Related requirements { data-search-exclude }", "Related requirements"),
     ("Requirements {#req .wide data-toc-label=Req}", "Requirements"), ("Sources {data-search-exclude}", "Sources"),
     # near misses: a year, a word, a bare "data-" in braces
     ("Budget {2025}", "Budget {2025}"), ("Results { database }", "Results { database }"),
     ("Notes { data- }", "Notes { data- }")],
)  # fmt: skip
def test_data_attribute(text, expected):
    assert rules.strip_heading_attributes(text) == expected


# --------------------------------------------------------------------------- question_label (sweep 14)


def test_a_bold_question_with_its_answer_on_the_line_is_a_labelled_answer():
    assert is_label_line("**Is the exploit method known?** Yes")
    assert is_label_line("**Access to the exploit sample?** No")
    text = "# Review\n\nIntro.\n\n**Is the exploit method known?** Yes\n\nThe patch shipped in May.\n"
    assert _article_headings(text) == ["Review"]
    assert "Is the exploit method known? Yes" in _article_prose(text)


def test_a_bold_question_alone_or_without_its_mark_stays_a_title():
    assert not is_label_line("**Is the exploit method known?**")  # a whole-line bold title
    assert not is_label_line("**Why NATO** Matters")  # no question mark, no colon: not a label
    text = "# Review\n\nIntro.\n\n**Is the exploit method known?**\n\nYes, since 2019.\n"
    assert _article_headings(text) == ["Review", "Is the exploit method known?"]
# --------------------------------------------------------------------------- open_span_wrap (sweep 15)


def test_wraps_inside_span():
    assert markup.wraps_inside_span("-   [Understanding and Using the Allied", "Air Policing Handbook for Baltic")
    assert markup.wraps_inside_span("* ... with the title “Baltic Air", "Policing Roster.” If necessary, ...")
    assert markup.wraps_inside_span("Air Policing Handbook for Baltic", "Detachments](https://x.int/h.pdf)")
    text = (
        "# Sources\n\n-   [Understanding and Using the Allied\nAir Policing Handbook for Baltic\n"
        "Detachments](https://x.int/h.pdf)\n-   [Rotation Schedule](https://x.int/r.html)\n"
    )
    names = [i.text for i in read_article(text).list_items]
    handbook = "Understanding and Using the Allied Air Policing Handbook for Baltic Detachments"
    assert names == [handbook, "Rotation Schedule"]


def test_wraps_inside_span_near_misses():
    assert not markup.wraps_inside_span("- [Plans](https://x.int/p)", "Ministers met on Tuesday.")
    assert not markup.wraps_inside_span("the “Plan” stands", "Ministers met on Tuesday.")
    assert not markup.wraps_inside_span("- [A short guide](https://x.org/g)", "](y)")  # no text before "]("
    assert not markup.wraps_inside_span("- [x] done", "Next steps follow.")
    text = "# Plan\n\n- Publish the roster at [the portal](https://x.int).\nMinisters met on Tuesday.\n"
    assert [i.text for i in read_article(text).list_items] == ["Publish the roster at the portal."]
