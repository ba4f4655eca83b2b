"""PDF text layers and hand-edited static-site pages (``rules/extracted.py``, real-world sweep 12).

The shapes are described in bench/REALWORLD.md; each rule with its positive and near-miss cases.
"""

from __future__ import annotations

import pytest

from nato_briefs import read_article
from nato_briefs.parse import parse_document
from nato_briefs.reader import rules
from nato_briefs.reader.rules import extracted, page_furniture
from nato_briefs.reader.text_tables import multiline_table_lines
from tests.reading import md_headings, md_names

HANGING = ["Ministers agreed:", "", "1.", "Brigade: in Lithuania by 2027", "2.", "Air defence: Patriot rotation"]
HANGING += ["3.", "Corridors: rail links", "", "The next meeting is in Riga."]


WRAPPED = "The ministers met in Brussels on Tuesday to agree the steps set out below, and they\n"
WRAPPED += "agreed to review them at their next meeting in the autumn of this year in Riga.\n"


HEADS = ["Allies Agree New Steps to Strengthen", "Transatlantic Cooperation", "", WRAPPED]
HEADS += ["Next Steps for the Alliance Ahead of the Summit in", "The Hague", "", WRAPPED]


def _lines(text: list[str]) -> list[str]:
    return "\n".join(text).split("\n")


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


# --------------------------------------------------------------------------- lone_number_run (shapes20b)


def test_lone_number_run_goes_on_the_list():
    lines = list(HANGING)
    extracted.lone_number_lines(lines)
    joined = ["1. Brigade: in Lithuania by 2027", "2. Air defence: Patriot rotation", "3. Corridors: rail links"]
    assert lines[3:8:2] == joined
    assert lines[2:8:2] == ["", "", ""]  # the numbers' own lines: blank
    text = "# Allies Agree Steps\n\n" + "\n".join(HANGING) + "\n"
    assert md_names(text, "x.txt") == ["Brigade", "Air defence", "Corridors"]
    assert md_headings(text, "x.txt") == ["Allies Agree Steps"]


def test_lone_number_run_near_misses():
    for above in ("a new backing store of size", "1. Brigade: in Lithuania", "1) Brigade: in Lithuania"):
        lines = [above, "3.", "", "And so on."]  # under prose, or not the next number, or another delimiter
        extracted.lone_number_lines(lines)
        assert lines[1] == "3."
    lines = ["2. Brigade: in Lithuania", "3)", "Air defence"]  # the next number, another delimiter: no run
    extracted.lone_number_lines(lines)
    assert lines[1] == "3)"


# ------------------------------------------------ wrapped_heading (shapes20b): wrapped_title read over the document


def test_wrapped_headings_are_joined():
    lines = _lines(HEADS)
    extracted.wrapped_heading_lines(lines, lambda line: line.endswith(" in"))
    assert lines[0] == "Allies Agree New Steps to Strengthen Transatlantic Cooperation" and lines[1] == ""
    heads = ["Allies Agree New Steps to Strengthen Transatlantic Cooperation"]
    heads.append("Next Steps for the Alliance Ahead of the Summit in The Hague")
    assert md_headings("\n".join(HEADS), "x.txt") == heads


def test_wrapped_heading_near_misses():
    subtitle = ["NATO Annual Report 2025", "Building a Stronger Alliance", "", WRAPPED, "Next Steps Ahead", "", WRAPPED]
    assert md_headings("\n".join(subtitle), "x.txt")[:2] == ["NATO Annual Report 2025", "Building a Stronger Alliance"]
    lines = _lines(subtitle)  # no block breaks mid-phrase: a title over its subtitle
    extracted.wrapped_heading_lines(lines, lambda line: line.endswith(" in"))
    assert lines == _lines(subtitle)
    longer = ["Summit in", "The Hague and Brussels Meetings", "", WRAPPED]  # the second line the longer
    lines = _lines(longer)
    extracted.wrapped_heading_lines(lines, lambda line: line.endswith(" in"))
    assert lines == _lines(longer)
    three = ["Allies Agree New Steps in", "The Hague", "Brussels Plans", "", WRAPPED]  # a block of three
    lines = _lines(three)
    extracted.wrapped_heading_lines(lines, lambda line: line.endswith(" in"))
    assert lines == _lines(three)


# --------------------------------------------------------------------------- session 20 (shapes24)


def _furniture(line: str) -> bool:
    return line.strip() in ("NATO UNCLASSIFIED", "2", "PO(2026)0117")


def test_page_turn_run_on():
    """An item's sentence broken by a page turn (shapes 931): the line under the page's foot and the next head goes
    on with it, never a title."""
    lines = ["\u2022 Centre: a new training centre in", "", "NATO UNCLASSIFIED", "2", "", "PO(2026)0117", "", "Greece"]
    assert extracted.text_over_page_turn(lines, 7, _furniture) == "\u2022 Centre: a new training centre in"
    text = "\n".join(["Key initiatives", "", *lines, "\u2022 Ramstein Legacy: a yearly exercise", ""])
    assert "Greece" not in md_headings(text, "x.txt")


def test_page_turn_run_on_near_misses():
    no_turn = ["a new training centre in", "", "Greece"]
    assert extracted.text_over_page_turn(no_turn, 2, _furniture) is None  # blank lines alone
    lines = ["Allies agreed the plan.", "", "NATO UNCLASSIFIED", "2", "", "Next Steps"]
    over = extracted.text_over_page_turn(lines, 5, _furniture)
    assert over == "Allies agreed the plan."  # a finished sentence: the caller keeps the title
    assert "Next Steps" in md_headings("\n".join(["Plan", "", *lines, "", "The review is due."]), "x.txt")


def _paged(head: list[str], pages: int, body_lines: int = 14) -> list[str]:
    """A PDF's text layer: every page opens with ``head``, a blank line, then ``body_lines`` lines of text."""
    out: list[str] = []
    for page in range(pages):
        out += head + [""] + [f"text line {page}.{k} of the agreement and its reasons," for k in range(body_lines)]
        out.append("")
    return out


LETTERHEAD = ["REPÚBLICA DEL PERÚ", "", "GOBIERNO REGIONAL PIURA", "CONSEJO REGIONAL"]


def test_repeated_letterheads_after_the_first_page_are_blanked():
    lines = _paged(LETTERHEAD, 3)
    page_furniture.blank_repeated_letterheads(lines)
    assert lines[:4] == LETTERHEAD  # the document's head stays
    assert [line for line in lines[4:] if line.isupper() or line.startswith("GOBIERNO")] == []
    assert len(lines) == len(_paged(LETTERHEAD, 3))  # blanked, no line moved


@pytest.mark.parametrize(
    "lines",
    [_paged(["Background"], 3),  # one line repeated alone: a heading two parts share
     _paged(["NATO Summit", "Leaders agreed new targets."], 3),  # the second line ends a sentence
     _paged(["ALLIED COMMAND", "OPERATIONS"], 1),  # written once
     _paged(["Peso (Libras)", "Ruido (EPNdb)"], 3, body_lines=2),  # repeated within a page: a flattened table's header
     _paged(["| Area", "| Focus"], 3),  # a table's cells
     # first written below the document's first sentence: a budget decree's blocks, text
     ["The Council transferred the following funds to the Agency:", "", *_paged(["SECCION PRIMERA", "PLIEGO 009"], 3)]],
)  # fmt: skip
def test_repeated_letterhead_near_misses(lines):
    before = list(lines)
    page_furniture.blank_repeated_letterheads(lines)
    assert lines == before


# a pandoc multiline table whose last row repeats its header, wrapped over four lines: the pairs of capitalised lines
# ("Zh0" / "CI8J9rqK") stand twice, a page's length apart, above the first sentence (the hypothesis test of
# test_reader_text_tables found it)
REPEATED_HEAD = ["BGM71ymY wJOep", "Zh0      EzHorOFb", "CI8J9rqK e5q", "38c      RIlx.6", "         S2KmVrOw"]
HEAD_TABLE = ["-" * 17, *REPEATED_HEAD, "-------- --------", "BGM71ymY 0", "Zh0", "CI8J9rqK", "38c", ""]
HEAD_TABLE += ["0        38c", "", "0        e5q", "         RIlx.6", "         S2KmVrOw", "", *REPEATED_HEAD, "-" * 17]


def test_a_multiline_tables_rows_are_no_letterhead():
    lines = list(HEAD_TABLE)
    page_furniture.blank_repeated_letterheads(lines, multiline_table_lines(lines))  # the table's extent wins
    assert lines == HEAD_TABLE
    table = parse_document("Intro.\n\n" + "\n".join(HEAD_TABLE) + "\n\nEnd.\n").tables[0]
    assert table.rows[-1].cells == ["BGM71ymY Zh0 CI8J9rqK 38c", "wJOep EzHorOFb e5q RIlx.6 S2KmVrOw"]


def test_a_multiline_table_near_miss_the_same_lines_without_borders_read_as_a_letterhead():
    lines = HEAD_TABLE[1:-1]  # no borders: no table, the repeated pair read by its look
    assert multiline_table_lines(lines) == frozenset()
    page_furniture.blank_repeated_letterheads(lines)
    assert lines[:5] == REPEATED_HEAD and lines[-5:-2] == ["", "", ""]


def test_a_letterhead_repeated_on_every_page_heads_the_agreement_once():
    pages = ["# Agreement", "", *_paged(["JOINT FORCE COMMAND NAPLES", "REGIONAL COUNCIL"], 3)]
    assert md_headings("\n".join(pages)) == ["Agreement", "JOINT FORCE COMMAND NAPLES", "REGIONAL COUNCIL"]


def test_a_letterhead_pair_above_the_first_sentence_may_hold_a_letterhead():
    """The cheap test the segmenter runs before the letterhead pass and the tables' lines it needs."""
    head = ["GOBIERNO REGIONAL PIURA", "CONSEJO REGIONAL", "", "The council agreed the following measures today."]
    assert page_furniture.may_hold_letterhead(head)
    # near misses: a title over prose (the seeds' layout), a pair only further below the first sentence
    seeds = ["NATO Allies Agree", "", "Allies agreed the plan on Monday in Brussels."]
    assert not page_furniture.may_hold_letterhead(seeds)
    assert not page_furniture.may_hold_letterhead(["Allies agreed the plan on Monday in Brussels.", "", "", *head])


# --------------------------------------------------------------------------- cjk_first_sentence (sweep 18)

TASKS_ZH = [
    "# 北约黑客松任务", "", "## 任务一：数据共享接口", "", "开发者需要提供一份设计文档，用来描述本次任务的方案；", "",
    "Solution name 方案名称", "", "Description 方案描述", "",
    *[f"第{k}条要求说明了接口的范围。" for k in range(12)], "",
    "## 任务二：演习日程接口", "", "Solution name 方案名称", "", "Description 方案描述", "",
]


def test_first_sentence_line_reads_a_chinese_sentence():
    assert page_furniture.first_sentence_line(TASKS_ZH) == 4
    assert rules.RULES["cjk_first_sentence"] is page_furniture.first_sentence_line
    lines = list(TASKS_ZH)
    page_furniture.blank_repeated_letterheads(lines)
    assert lines == TASKS_ZH  # the second task's template labels stay: text, no letterhead
    assert md_headings("\n".join(TASKS_ZH)).count("Solution name 方案名称") == 2


def test_first_sentence_line_near_misses():
    assert page_furniture.first_sentence_line(["北约峰会", "", "会议结束。"]) == 3  # short lines: no sentence yet
    assert page_furniture.first_sentence_line(["NATO", "Allies met.", "这是一个很短的句子"]) == 3  # no stop at the end
    # a letterhead over a Chinese text is still blanked on every later page: its first copy stands above the text
    body = [f"委员会同意了第{k}项措施，并将于下月实施。" for k in range(14)]
    page = ["JOINT FORCE COMMAND NAPLES", "REGIONAL COUNCIL", "", *body, ""]
    headings = md_headings("\n".join(["# 协议", "", *page * 3]))
    assert headings == ["协议", "JOINT FORCE COMMAND NAPLES", "REGIONAL COUNCIL"]
