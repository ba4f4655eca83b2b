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


# --------------------------------------------------------------------------- notes apps (session 20, shapes25)


def _prose(text: str) -> str:
    return "\n".join(s.text for s in read_article(text).sections)


def test_highlight_marks():
    marked = "Allies agreed to ==increase support== today."
    assert markup.strip_note_marks(marked) == "Allies agreed to increase support today."
    assert _prose("# Plan\n\nAllies agreed to ==increase support== to Romania.\n") == (
        "Allies agreed to increase support to Romania."
    )


def test_highlight_marks_near_misses():
    assert markup.strip_note_marks("if x==y then a == b") == "if x==y then a == b"  # touching words, spaced signs
    assert markup.strip_note_marks("== Priorities ==") == "== Priorities =="  # a wiki heading's signs, spaced
    assert markup.strip_note_marks("==Priorities==") == "==Priorities=="  # MediaWiki's heading, unspaced: the line
    assert markup.strip_note_marks("Title\n=====") == "Title\n====="


def test_block_id():
    assert markup.strip_note_marks("Allies met in Bucharest. ^intro") == "Allies met in Bucharest."
    assert markup.is_block_id_line("^priorities-2026")
    text = "# Plan\n\n| Area | Focus | Outcome |\n|---|---|---|\n| Ports | Patrols | Trade |\n\n^table-1\n\n"
    text += "End. ^a1b2\n"
    assert _prose(text) == "End."
    assert [i.text for i in read_article("# Plan\n\n- Ports: patrols ^fwd\n").list_items] == ["Ports: patrols"]


def test_block_id_near_misses():
    assert markup.strip_note_marks("The yield grew 10 ^2 times") == "The yield grew 10 ^2 times"  # no letter: no id
    assert markup.strip_note_marks("a ^caret inside the line") == "a ^caret inside the line"  # not at the end
    assert not markup.is_block_id_line("^ Area ^ Focus ^")  # DokuWiki's header row
    assert not markup.is_block_id_line("^2026")


def test_percent_comment_block():
    lines = ["%%", "Draft: ask the press office.", "", "Check figures. %%", "Allies met."]
    assert markup.comment_block_end(lines, 0) == 3
    assert _prose("# Plan\n\nAllies met.\n\n%%\nDraft: ask the press office.\n%%\n\nThey agreed.\n") == (
        "Allies met.\n\nThey agreed."
    )


def test_percent_comment_block_near_misses():
    assert markup.comment_block_end(["%% one line %%", "Allies met."], 0) is None  # closed on its line
    assert markup.comment_block_end(["%%", "Allies met.", "They agreed."], 0) is None  # never closed: text
    assert markup.comment_block_end(["50%% of the budget", "%%"], 0) is None  # no "%%" opening the line
    assert "Allies met." in _prose("# Plan\n\n%%\nAllies met.\n")


def test_task_status_marker():
    items = read_article("# Tasks\n\n- [/] Drone Wall: sensors\n- [-] Study: dropped\n- [x] Standard: agreed\n")
    assert [i.text for i in items.list_items] == ["Drone Wall: sensors", "Study: dropped", "Standard: agreed"]
    assert markup.task_marker("[/] Drone Wall").group(1) == "/"


def test_task_status_marker_near_misses():
    assert markup.task_marker("[a] Annex") is None  # a letter in brackets: a label, no task box
    assert markup.task_marker("[/]Drone") is None  # no space after the box
    items = read_article("# Notes\n\n- [!] Check the figures\n- [A] Annex one\n")
    assert [i.text for i in items.list_items] == ["[!] Check the figures", "[A] Annex one"]


def test_loose_definition_term():
    text = "# Plan\n\nAllies met.\n\n## Glossary\n\nARF\n\n:   Allied Reaction Force\n\n"
    text += "SACEUR\n\n:   Supreme Allied Commander\n"
    assert [s.heading for s in read_article(text).sections] == ["Plan", "Glossary"]
    assert "Allied Reaction Force" in _prose(text)


def test_loose_definition_term_near_misses():
    text = "# Plan\n\nAllies met.\n\nGlossary\n\nARF stands for the Allied Reaction Force.\n"
    assert [s.heading for s in read_article(text).sections] == ["Plan", "Glossary"]  # no definition below: a title
    text = "# Plan\n\nAllies met.\n\nGlossary\n\n\n:   Allied Reaction Force\n"  # two blank lines: the term is apart
    assert "Glossary" in [s.heading for s in read_article(text).sections]
