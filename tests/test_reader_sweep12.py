"""Rules of real-world sweep 12 (bench/REALWORLD.md): PDF text layers and hand-edited static-site pages."""

from __future__ import annotations

import pytest

from nato_briefs import read_article
from nato_briefs.reader import rules
from nato_briefs.reader.rules import extracted


def headings(text: str) -> list[tuple[str | None, str | None]]:
    return [(s.heading, s.heading_kind) for s in read_article(text).sections]


def double_spaced(*paragraphs: str) -> str:
    """A text as a PDF converter writes it: every line followed by a blank line."""
    return "\n\n".join(line for paragraph in paragraphs for line in paragraph.split("\n")) + "\n"


MINUTES = double_spaced(
    "MINUTES OF THE DEFENCE POLICY COMMITTEE",
    "Air Policing",
    "The Chair welcomed Colonel Anna Berg, Allied Air Command, to the Committee and\n"
    "acknowledged the proactive approach that the Air Command had taken in the Baltic\n"
    "region. The Colonel stated that, despite public perception, intercepts were down. She\n"
    "outlined, however, that the number of training flights had risen and that the trend\n"
    "was expected to continue into the winter of the coming year.",
    "Members thanked the Colonel for her informative presentation and they\n"
    "welcomed the plans outlined for the rotation of fighter jets in 2026.",
    "Exercise Programme",
    "The Deputy Chair referred to the report of the Director, Operations &\n"
    "Training, dated 3rd June, 2025, in relation to proposals to change the\n"
    "exercise calendar. Members noted the report and agreed its contents.",
)


def test_a_double_spaced_text_reads_its_sentences_across_the_blank_lines():
    sections = read_article(MINUTES).sections
    assert [s.heading for s in sections] == [
        "MINUTES OF THE DEFENCE POLICY COMMITTEE",
        "Air Policing",
        "Exercise Programme",
    ]
    assert "presentation and they welcomed the plans" in sections[1].text
    assert "Operations & Training, dated 3rd June" in sections[2].text
    # a blank line after a finished sentence still parts the paragraphs
    assert "into the winter of the coming year.\n\nMembers thanked" in sections[1].text


def test_a_text_written_a_paragraph_a_line_is_not_double_spaced():
    # near miss: blank lines between whole paragraphs, a short title among them; no sentence runs across a blank
    paragraph = "Ministers agreed to expand the air policing mission over the Baltic states this year."
    text = "Allied Summit\n\n" + "\n\n".join([paragraph] * 12) + "\n\nNext Steps\n\n" + paragraph + "\n"
    lines = text.split("\n")
    assert not extracted.is_double_spaced(lines, extracted.spaced_pairs(lines))
    assert [h for h, _ in headings(text)] == ["Allied Summit", "Next Steps"]


def test_is_double_spaced_wants_run_ons_and_no_touching_lines():
    lines = MINUTES.split("\n")
    pairs = extracted.spaced_pairs(lines)
    assert extracted.is_double_spaced(lines, pairs)
    # near misses: the same lines single-spaced (no blank pairs), or with most lines touching
    single = [line for line in lines if line]
    assert not extracted.is_double_spaced(single, extracted.spaced_pairs(single))
    touching = [x for line in lines for x in ((line, line) if line else ("",))]
    assert not extracted.is_double_spaced(touching, extracted.spaced_pairs(touching))


def never(line: str, below: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("line", "below", "expected"),
    [("Members thanked the Colonel and they", "welcomed the plans.", True),
     ("the report of the Director, Operations &", "Training, dated 3rd June", True),
     ("Ambassadors Berg, Costa,", "Novak and Silva.", True),
     ("the number of flights had risen in the Baltic", "region. The", True),
     # near misses: a finished sentence, a colon, a title over a capitalised sentence, a URL below
     ("Intercepts were down.", "welcomed the plans.", False), ("MEMBERS PRESENT:", "the Ambassadors", False),
     ("Air Policing", "The Chair welcomed Colonel Berg.", False),
     ("Challenges listed", "https://example.org/list", False)],
)  # fmt: skip
def test_runs_across_blank(line, below, expected):
    assert extracted.runs_across_blank(line, below, never) is expected


def test_runs_across_blank_asks_the_wrap_tests_last():
    always = lambda a, b: True  # noqa: E731
    assert extracted.runs_across_blank("If repairs are needed, the Area Roads", "Engineer will report.", always)
    assert not extracted.runs_across_blank("If repairs are needed.", "Engineer will report.", always)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [(["1.", "", "Adoption of Minutes"], ["", "", "1. Adoption of Minutes"]),
     (["10.", "Question submitted by Ambassador Berg"], ["", "10. Question submitted by Ambassador Berg"]),
     (["", "10.", "", "Question"], ["", "", "", "10. Question"]),
     (["3)", "", "**Notice of Motion**"], ["", "", "3) **Notice of Motion**"]),
     # a number with no words under it is a marker without its item, dropped, never an empty item
     (["4.", "", "5."], ["", "", ""]), (["4.", "", "## Next"], ["", "", "## Next"]),
     (["4.", "", "(a)"], ["", "", "(a)"]),
     # a dash alone after a blank line is a bullet read the same way; under a text line, a setext underline
     (["", "-", "", "Rural Tourism."], ["", "", "", "- Rural Tourism."]), (["-", "", "-"], ["", "", ""]),
     (["Allied Plans", "-", "", "Text."], ["Allied Plans", "-", "", "Text."]),
     (["**Allied Plans**", "-", "", "Text."], ["**Allied Plans**", "-", "", "Text."]),
     # a year alone ends a wrapped sentence: text
     (["held on 19th January,", "", "2015."], ["held on 19th January,", "", "2015\\."]),
     # near misses: a number over its content indented under it, a numbered line, code
     (["1.", "   Adoption of Minutes"], ["1.", "   Adoption of Minutes"]),
     (["1. Adoption of Minutes", "", "Text."], ["1. Adoption of Minutes", "", "Text."]),
     (["a new backing store of size", "8.", "", "And so on."], ["a new backing store of size", "8.", "", "And so on."]),
     (["**Agenda**", "3.", "", "Text."], ["**Agenda**", "3.", "", "Text."]),
     # under a rule (a page break) or a heading a number opens its item; a year anywhere is text
     (["---", "6.", "", "Any Other Business"], ["---", "", "", "6. Any Other Business"]),
     (["allocations for", "2023."], ["allocations for", "2023\\."]),
     (["```", "1.", "", "x = 2", "```"], ["```", "1.", "", "x = 2", "```"])],
)  # fmt: skip
def test_lone_number_lines(lines, expected):
    lines = list(lines)
    extracted.lone_number_lines(lines)
    assert lines == expected


def test_an_agenda_of_lone_numbers_reads_as_named_items():
    text = "# Agenda\n\nThe business is set out below.\n\n1.\n\nAdoption of Minutes\n\n2.\n\n3.\n\nAny Other Business\n"
    article = read_article(text)
    assert [r["name"] for r in article.rows("initiatives")] == ["Adoption of Minutes", "Any Other Business"]
    assert [s.heading for s in article.sections] == ["Agenda"]


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
    ("one_word", "expected"),
    [([True, True, True, False], True), ([True] * 8 + [False], True), ([True, True, True, True, False, False], True),
     # near misses: two field names, odd keys holding more than a third
     ([True, True, False], False), ([True, True, True, False, False], False), ([False, False], False)],
)  # fmt: skip
def test_mostly_fields(one_word, expected):
    assert extracted.mostly_fields(one_word) is expected


def test_front_matter_with_a_commented_field_is_metadata():
    text = (
        "---\nlayout: report\npermalink: /reports/forum/\ntitle: Allied Public Forum\n<!--date: May 31, 2025 -->\n"
        "summary: Watch here\nRelated documents:\n  - slug: forum\n---\n\nThe Committee held a public forum.\n"
    )
    article = read_article(text)
    assert article.title == "Allied Public Forum" and "layout" not in article.sections[0].text
    # near miss: two field names beside a spaced capitalised key is no template's header: a setext heading
    near = "---\nDate: 12 June\nVenue: Brussels\nKey outcome: more troops\n---\n\nText.\n"
    assert headings(near)[0] == ("Date: 12 June Venue: Brussels Key outcome: more troops", "setext")


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


@pytest.mark.parametrize(
    ("line", "expected"),
    [("[Original file](https://x.org/minutes.pdf)", True), ("[View original](x.pdf)", True),
     ("**[Download PDF](x.pdf)**", True), ("[PDF version](x.pdf)", True), ("[Original](x)", True),
     # near misses: a title that opens with the word, a report's own name, no link
     ("[Original sin of procurement](x)", False), ("[Allied Summit Report](x.pdf)", False), ("Original file", False)],
)  # fmt: skip
def test_is_source_pointer(line, expected):
    assert extracted.is_source_pointer(line) is expected


def test_a_source_pointer_over_the_minutes_is_no_title():
    text = "[Original file](https://x.org/m.pdf)\n\n---\nMINUTES OF THE COMMITTEE\n\nThe Committee met in Brussels.\n"
    assert read_article(text).title == "MINUTES OF THE COMMITTEE"
    # near miss: a linked report name alone over the text is still the title
    report = "[Allied Summit Report](x.pdf)\n\nThe Committee met in Brussels.\n"
    assert read_article(report).title == "Allied Summit Report"

