"""Notices, forms, proposals, agendas and translated docs (``rules/notices.py``, real-world sweep 11).

The shapes are described in bench/REALWORLD.md; each rule with its positive and near-miss cases.
"""

from __future__ import annotations

import pytest

from nato_briefs import read_article
from nato_briefs.reader import rules


def headings(text: str) -> list[tuple[str | None, str | None]]:
    return [(s.heading, s.heading_kind) for s in read_article(text).sections]


@pytest.mark.parametrize(
    ("one_word", "expected"),
    [([True], True), ([True, False], True), ([False, False], True), ([False, False, False, False], True),
     # near misses: one spaced key alone, no key
     ([False], False), ([], False)],
)  # fmt: skip
def test_names_fields(one_word, expected):
    assert rules.names_fields(one_word) is expected


def test_front_matter_of_spaced_keys_only_is_metadata():
    text = "---\nfeature name: air-policing\nrfc pr: https://x.org/91\n---\n\n# Summary\n\nAllies agreed.\n"
    article = read_article(text)
    assert article.title == "Summary" and [s.heading for s in article.sections] == ["Summary"]
    # near misses: one spaced key alone, or capitalised keys, between rules is a setext heading's text
    assert headings("---\nkey outcome: more troops\n---\n\nText.\n")[0] == ("key outcome: more troops", "setext")
    capitals = "---\nKey outcome: more troops\nNext step: review\n---\n\nText.\n"
    assert headings(capitals)[0] == ("Key outcome: more troops Next step: review", "setext")


@pytest.mark.parametrize(
    ("line", "expected"),
    [("**Have you searched?**  ", True), ("**Physical address:**  ", True), ("**Physical address**:   ", True),
     ("__Why use it?__  ", True),
     # near misses: no hard break, one space only, a bold line that neither asks nor labels
     ("**Have you searched?**", False), ("**Have you searched?** ", False), ("**[Report](x.pdf)**  ", False)],
)  # fmt: skip
def test_breaks_before_answer(line, expected):
    assert rules.breaks_before_answer(line) is expected


def test_a_bold_question_over_its_hard_broken_answer_heads_it():
    text = "Intro.\n\n**Which licence covers it?**  \nthe plan has no licence\n\n**Searched?**  \nNot Searched\n\nEnd."
    sections = read_article(text).sections
    assert [(s.heading, s.text) for s in sections[1:]] == [
        ("Which licence covers it?", "the plan has no licence"),
        ("Searched?", "Not Searched\n\nEnd."),
    ]
    # near miss: a bold line whose sentence runs on without a question's or label's break stays prose
    assert headings("Intro.\n\n**[Read the report](x.pdf)**  \nto see the findings.\n") == [(None, None)]


@pytest.mark.parametrize(
    ("above", "below", "expected"),
    [("**Does your claim involve GitHub?**", "**Please describe the work.**", True),
     ("###### Are there any tests?", "###### What are the risks?", True), ("## Why?", "## Next", True),
     ("**Does it apply?**", ":::", True),
     # near misses: a heading that asks nothing, text below, nothing below
     ("**Key dates**", "**Next**", False), ("**Does it apply?**", "Allies agreed.", False),
     ("## Why?", "", False), ("Why?", "## Next", False)],
)  # fmt: skip
def test_answers_question(above, below, expected):
    assert rules.answers_question(above, below) is expected


def test_a_lone_answer_under_a_question_is_its_text():
    text = "# Plan\n\n**Does it involve the portal?**\n\nAllied Portal\n\n**Describe it.**\n\nA plan.\n"
    sections = read_article(text).sections
    assert (sections[1].heading, sections[1].text) == ("Does it involve the portal?", "Allied Portal")
    # near miss: a title over text under the question still heads it
    titled = "# Plan\n\n**Does it involve the portal?**\n\nAllied Portal\n\nAllies use the portal.\n"
    assert headings(titled)[2] == ("Allied Portal", "bare")


@pytest.mark.parametrize(
    ("line", "nxt", "expected"),
    [("Before removing any content named in this request, the Secretariat", "- contacted the authors", True),
     ("When the detachment arrives in Vilnius, the commander", "* reports to the centre", True),
     # near misses: a Title Case line, no comma, another opener, a capitalised item, a short line, no item
     ("Before Removing Any Content Named In This Request, The Secretariat", "- contacted", False),
     ("Before removing any content named in this request the Secretariat", "- contacted", False),
     ("Deterrence, defence and resilience of the eastern flank", "- more troops", False),
     ("Before removing any content named in this request, the Secretariat", "- Contacted the authors", False),
     ("Before removal, the Secretariat", "- contacted", False),
     ("Before removing any content named in this request, the Secretariat", "contacted the authors", False)],
)  # fmt: skip
def test_runs_into_items(line, nxt, expected):
    assert rules.runs_into_items(line, nxt) is expected


def test_a_clause_line_over_verb_items_is_prose():
    text = "Before removing any content named here, the Secretariat\n- contacted the authors, and\n- replied.\n\nEnd.\n"
    article = read_article(text)
    assert article.title is None and article.sections[0].heading is None
    assert [i.text for i in article.list_items] == ["contacted the authors, and", "replied."]
    # near miss: a title over capitalised items stays a title
    titled = "Intro.\n\nBefore the summit, ministers will meet\n- Ministers meet\n- Leaders sign\n"
    assert headings(titled)[1] == ("Before the summit, ministers will meet", "bare")


def test_a_colon_inside_a_wrapped_link_text_starts_no_block():
    text = "Detachments follow [Reference Architecture:\nBaltic Air\nPolicing](g.md): it rotates.\n"
    article = read_article(text)
    assert [s.heading for s in article.sections] == [None]
    assert article.sections[0].text == "Detachments follow Reference Architecture: Baltic Air Policing: it rotates."
    # near miss: after a closed link and its colon the next line may stand alone as a title
    closed = "Detachments follow the [guide](g.md):\nBaltic Air\nPolicing rotates every quarter.\n"
    assert headings(closed) == [(None, None), ("Baltic Air", "bare")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("March 18, 2026 · AWS CDK Team", True), ("12 June 2025 | NATO Press Office", True),
     ("2025-06-12 · 5 min read", True), ("*Mar. 18, 2026 • Jane Doe*", True),
     # near misses: a dash (a dated headline), no day, the date not first, a date alone
     ("12 June 2025 – Ministers meet in Vilnius", False), ("March 2026 · Update", False),
     ("Summit report · March 18, 2026", False), ("March 18, 2026", False)],
)  # fmt: skip
def test_is_date_first_byline(text, expected):
    assert rules.is_date_first_byline(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("December 1, 2026 – Ottawa, Ontario – National Defence", True),
     ("1 December 2026 | Brussels | European Commission", True),
     # near misses: a dated headline (one field), a date alone, a date not opening the line
     ("12 June 2025 – Ministers Meet in Vilnius", False), ("December 1, 2026", False),
     ("Ottawa – December 1, 2026 – National Defence", False)],
)  # fmt: skip
def test_is_date_first_dateline(text, expected):
    assert rules.is_date_first_dateline(text) is expected


def test_a_date_first_dateline_is_no_title():
    text = "# Arctic Plan\n\nDecember 1, 2026 – Ottawa, Ontario – National Defence\n\nAllies agreed today.\n"
    assert headings(text) == [("Arctic Plan", "atx")]


def test_a_date_first_byline_is_no_title():
    text = "# Handovers Are Faster\n\nMarch 18, 2026 · Allied Air Command\n\nToday the command announced it.\n"
    assert headings(text) == [("Handovers Are Faster", "atx")]
    # near miss: a dated headline with a dash stays a title
    dated = "# Timeline\n\n12 June 2025 – Ministers Meet\n\nThey met in Vilnius.\n"
    assert headings(dated) == [("Timeline", "atx"), ("12 June 2025 – Ministers Meet", "bare")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("其余 9 个盟国的开支（按 2025 年价格）仍低于 GDP 的 2% 这一目标，因此北约要求它们提交新的国家计划", True),
     ("平均每秒 400 次写操作（峰值将会更高）可能对于单个 **SQL 写主-从** 模式来说比较困难，因此还需要更多的技术", True),
     # near misses: a short heading, no clause comma, no blank (``unspaced_sentence``'s), Korean's spaced words
     ("北约 2025 年峰会，海牙", False),
     ("其余 9 个盟国的开支（按 2025 年价格）仍低于 GDP 的 2% 这一目标因此北约要求它们提交", False),
     ("其余九个盟国的开支仍低于这一目标，因此北约要求它们提交新的国家计划并在明年审议", False),
     ("북대서양 조약 기구는 2025 년에 새로운 목표를 정했고，동맹국들은 더 많은 예산을 약속했다", False)],
)  # fmt: skip
def test_is_spaced_cjk_sentence(text, expected):
    assert rules.is_spaced_cjk_sentence(text) is expected


def test_a_spaced_chinese_sentence_is_prose():
    sentence = "其余 9 个盟国的开支（按 2025 年价格）仍低于 GDP 的 2% 目标，因此北约要求提交新计划"
    text = f"# 国防开支\n\n{sentence}\n\n各国计划：\n"
    assert headings(text) == [("国防开支", "atx")]
    # near miss: a short heading with a Latin word set apart stays a title
    assert headings("# 国防\n\n北约 2025 年峰会\n\n盟国在海牙开会。\n")[1] == ("北约 2025 年峰会", "bare")


@pytest.mark.parametrize(
    ("text", "href", "expected"),
    [("Air Policing {#air-policing}", "#air-policing-air-policing", "Air Policing"),
     ("Scheduling {#scheduling .unnumbered}", "#scheduling", "Scheduling"),
     # near misses: a link elsewhere, braces that are no attribute list, nothing but the attributes
     ("Air Policing {#air-policing}", "https://x.org/a", "Air Policing {#air-policing}"),
     ("Budget {2025}", "#budget", "Budget {2025}"), ("{#x}", "#x", "{#x}")],
)  # fmt: skip
def test_in_page_link_text(text, href, expected):
    assert rules.in_page_link_text(text, href) == expected


def test_a_contents_entry_reads_as_its_heading():
    text = "# Minutes\n\n- [Air Policing {#air-policing}](#air-policing)\n- [Plan {#p}](https://x.org/p)\n\n## Air\n"
    assert [i.text for i in read_article(text).list_items] == ["Air Policing", "Plan {#p}"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("=> 20m: Air policing rotation", True), ("== 15m: Venue", True), ("<= 1h 15m: Review", True),
     ("== 5 min break", True), ("~ 40 minutes: Charter", True),
     # near misses: an arrow item, an AsciiDoc heading, a number that is no duration, indented code
     ("=> Allies agree", False), ("== Priorities", False), ("=> 20 brigades", False), ("    => 20m: x", False)],
)  # fmt: skip
def test_opens_with_duration(line, expected):
    assert rules.opens_with_duration(line) is expected


def test_agenda_lines_led_by_durations_are_text():
    text = "# Agenda\n\n<= 10m: Welcome\n\n=> 20m: Air policing\n\n== 15m: Venue\n"
    article = read_article(text)
    assert headings(text) == [("Agenda", "atx")] and article.list_items == []
    # near misses: an arrow item and an AsciiDoc-style heading without a duration keep their markup
    marked = "# Agenda\n\n=> Allies agree\n=> Ministers sign\n\n== Priorities\n\nText.\n"
    assert [i.text for i in read_article(marked).list_items] == ["Allies agree", "Ministers sign"]
    assert headings(marked)[-1] == ("Priorities", "atx")
