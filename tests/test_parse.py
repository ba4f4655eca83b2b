"""The parser over the formatting variants users write."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.config import ParseLimits
from nato_briefs.parse import ParseLimitError, parse_document

RAW = Path(__file__).resolve().parents[1] / "raw"


def cells(doc, table=0):
    return [row.cells for row in doc.tables[table].rows]


def texts(doc):
    return [item.text for item in doc.items]


# --------------------------------------------------------------------------- the sample articles


def test_sample_004_tables_lists_sections():
    doc = parse_document((RAW / "004_664f1cef579698de.txt").read_text(encoding="utf-8"))
    assert len(doc.tables) == 3
    assert sum(len(t.rows) for t in doc.tables) == 9
    assert doc.tables[0].rows[0].cells == [
        "Defense Modernization",
        "Upgrading joint military equipment",
        "Improved interoperability",
    ]
    assert doc.tables[0].rows[0].line == 11
    assert doc.tables[2].headers == ["Strategic Focus", "Priority Area", "Expected Outcome"]
    assert doc.tables[2].rows[0].line == 34
    assert doc.n_lists == 4 and len(doc.items) == 14
    assert [i.text for i in doc.items if i.list_index == 0] == [
        "Strengthening intelligence-sharing frameworks",
        "Expanding joint military exercises and training programs",
        "Promoting resilience against hybrid and asymmetric threats",
    ]
    first = next(i for i in doc.items if i.list_index == 1)
    assert first.line == 17 and first.text.startswith("Joint military exercises: Increasing")
    title = "NATO Deputy Secretary General Engages with U.S. Officials to Strengthen Transatlantic Ties"
    assert doc.title == title
    assert doc.tables[0].section == title and doc.items[0].section == title
    assert doc.tables[2].section == "Strategic Recommendations for Enhancing NATO-US Joint Operations"
    assert {i.section for i in doc.items if i.list_index == 3} == {
        "Commitment to Deepening Partnership Amid Emerging Global Threats"
    }
    closing = doc.sections[-1]
    assert closing.heading == "Closing Remarks" and closing.text.startswith("The visit of NATO")
    assert doc.sections[0].heading is None and doc.sections[0].line == 1


def test_sample_000_title_and_single_section():
    doc = parse_document((RAW / "000_cd744a2011959f1e.txt").read_text(encoding="utf-8"))
    assert doc.title == "NATO Leadership Meeting: Responding to Global Security Challenges"
    assert len(doc.sections) == 1
    assert doc.sections[0].text.startswith("The NATO Leadership Meeting, which took place")
    assert doc.sections[0].text.endswith("uncertain environment.")
    assert not doc.tables and not doc.items


# --------------------------------------------------------------------------- tables


def test_table_without_outer_pipes_and_alignment_colons():
    doc = parse_document("Intro sentence:\nArea | Focus | Outcome\n:--- | :---: | ---:\nA | B | C\n")
    assert doc.tables[0].headers == ["Area", "Focus", "Outcome"]
    assert cells(doc) == [["A", "B", "C"]]
    assert doc.tables[0].rows[0].line == 4


def test_escaped_pipe_inline_markup_and_entities_in_cells():
    doc = parse_document(
        "| a | b | c |\n|---|---|---|\n"
        "| x \\| y | **bold** [link](http://x) `co\\|de` | R&amp;D ~~old~~ ![alt](i.png)<br>z |\n"
    )
    assert cells(doc) == [["x | y", "bold link co|de", "R&D old alt z"]]


def test_ragged_rows_are_padded_or_cut_to_header_width():
    doc = parse_document("| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 |\n")
    assert cells(doc) == [["1", "", ""], ["1", "2", "3"]]


def test_table_right_after_a_sentence_and_ending_at_a_prose_line():
    doc = parse_document("Below:\n| a | b |\n|---|---|\n| 1 | 2 |\nAfter the table.\n")
    assert cells(doc) == [["1", "2"]]
    assert doc.sections[0].text == "Below:\n\nAfter the table."


def test_table_right_after_a_bullet():
    doc = parse_document("- item one\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert texts(doc) == ["item one"] and cells(doc) == [["1", "2"]]


def test_header_and_delimiter_of_different_width_is_not_a_table():
    assert parse_document("| a | b |\n|---|\n| 1 | 2 |\n").tables == []


def test_code_fence_holding_a_table_and_a_list_yields_nothing():
    doc = parse_document("Text\n\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n- item\n```\n\n~~~md\n- x\n~~~\n")
    assert doc.tables == [] and doc.items == []


def test_too_many_columns_raises_limit_error():
    header = "|" + "|".join(f"c{i}" for i in range(20)) + "|\n|" + "---|" * 20 + "\n"
    with pytest.raises(ParseLimitError) as err:
        parse_document(header, ParseLimits(max_table_columns=10))
    assert err.value.reason_code == "too_many_columns"


# --------------------------------------------------------------------------- lists


@pytest.mark.parametrize("bullet", ["-", "*", "+"])
def test_bullets(bullet):
    doc = parse_document(f"Intro:\n{bullet} one\n{bullet} two\nProse after.\n")
    assert texts(doc) == ["one", "two"] and not doc.items[0].ordered
    assert doc.sections[0].text == "Intro:\n\nProse after."


@pytest.mark.parametrize("marker", ["1.", "1)"])
def test_numbered(marker):
    second = marker.replace("1", "2")
    doc = parse_document(f"Steps:\n{marker} first\n{second} second\n")
    assert texts(doc) == ["first", "second"] and doc.items[0].ordered


def test_nested_items_get_their_own_list_and_depth():
    doc = parse_document("- top\n  - child a\n  - child b\n    - grandchild\n- second top\n")
    got = [(i.list_index, i.item_index, i.depth, i.text, i.parent_list_index) for i in doc.items]
    assert got == [
        (0, 0, 0, "top", None),
        (0, 1, 0, "second top", None),
        (1, 0, 1, "child a", 0),
        (1, 1, 1, "child b", 0),
        (2, 0, 2, "grandchild", 1),
    ]
    assert doc.n_lists == 3
    assert [i.line for i in doc.items] == [1, 5, 2, 3, 4]


def test_four_space_nesting():
    doc = parse_document("1. top\n    - child\n")
    assert [(i.depth, i.text, i.ordered) for i in doc.items] == [(0, "top", True), (1, "child", False)]


def test_bold_lead_and_task_markers():
    doc = parse_document("- **Cyber Defense**: stronger nets\n- [x] done thing\n- [ ] open thing\n")
    assert doc.items[0].bold_lead == "Cyber Defense" and doc.items[0].text == "Cyber Defense: stronger nets"
    assert [(i.text, i.checked) for i in doc.items[1:]] == [("done thing", True), ("open thing", False)]


def test_list_ends_at_unindented_line_but_keeps_indented_continuation():
    doc = parse_document("- item starts\n  and continues\nNew paragraph here.\n")
    assert texts(doc) == ["item starts and continues"]
    assert doc.sections[0].text == "New paragraph here."


def test_blank_line_separated_loose_list_stays_one_list():
    doc = parse_document("- a\n\n- b\n\n- c\n")
    assert doc.n_lists == 1 and texts(doc) == ["a", "b", "c"]


# --------------------------------------------------------------------------- headings and sections


def test_atx_setext_bold_and_bare_headings():
    text = (
        "# Main Title\nIntro text.\n\nSecond Part\n===========\nMore text.\n\n"
        "**Bold Heading**\nBold text.\nBare Title Line\nBare text.\n"
    )
    doc = parse_document(text)
    assert [(s.heading, s.heading_kind, s.level, s.line) for s in doc.sections] == [
        ("Main Title", "atx", 1, 1),
        ("Second Part", "setext", 1, 4),
        ("Bold Heading", "bold", None, 8),
        ("Bare Title Line", "bare", None, 10),
    ]
    assert doc.title == "Main Title"
    assert doc.sections[2].text == "Bold text."


def test_title_is_null_when_a_list_comes_first():
    doc = parse_document("- item\n\n# Heading\n")
    assert doc.title is None and doc.items[0].section is None


def test_wrapped_prose_is_not_a_title():
    doc = parse_document("The summit was held in\nBrussels on Monday and ended late.\n")
    assert doc.title is None and len(doc.sections) == 1
    assert doc.sections[0].text == "The summit was held in Brussels on Monday and ended late."


def test_sentence_with_period_is_not_a_title():
    doc = parse_document("Leaders met today.\nThey agreed on a plan.\n")
    assert doc.title is None


# --------------------------------------------------------------------------- line endings and encodings


def test_crlf_and_bom_keep_line_numbers():
    text = "\ufeffTitle Line\r\nIntro:\r\n- one\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n"
    doc = parse_document(text)
    assert doc.title == "Title Line"
    assert doc.items[0].line == 3 and doc.tables[0].rows[0].line == 6
    assert cells(doc) == [["1", "2"]]


def test_lone_cr_line_endings():
    doc = parse_document("- one\r- two\r")
    assert texts(doc) == ["one", "two"] and doc.items[1].line == 2


def test_html_entities_and_br_in_items():
    doc = parse_document("- Research &amp; Development<br>today &#8212; now\n")
    assert texts(doc) == ["Research & Development today — now"]


# --------------------------------------------------------------------------- robustness


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_parser_never_raises_on_arbitrary_text(text):
    doc = parse_document(text)
    for item in doc.items:
        assert item.line >= 1
    for table in doc.tables:
        for row in table.rows:
            assert row.line >= 1


_MARKDOWNISH = st.lists(
    st.sampled_from(
        [
            "- a",
            "* b",
            "1. c",
            "  - d",
            "| x | y |",
            "|---|---|",
            "| 1 | 2 |",
            "Title Here",
            "Prose line.",
            "",
            "```",
            "# H",
            "===",
            "---",
            "> q",
            "**Bold**",
            "a | b",
            "    code",
            "\t- t",
            "[x] y",
        ]
    ),
    max_size=40,
).map("\n".join)


@settings(max_examples=300)
@given(_MARKDOWNISH)
def test_parser_never_raises_on_markdown_like_text(text):
    doc = parse_document(text)
    n_lines = text.count("\n") + 1
    assert all(1 <= item.line <= n_lines for item in doc.items)
    assert all(1 <= row.line <= n_lines for t in doc.tables for row in t.rows)


def test_a_run_of_unclosed_brackets_is_text_not_nesting():
    """markdown-it followed 1,000 nested link labels: 330 "[" raised RecursionError (nesting_too_deep)."""
    for run in ("[" * 2_000, "![" * 1_000, "[a](" * 500):
        doc = parse_document(f"Bracket Briefing\n\n{run}\n")
        assert doc.title == "Bracket Briefing" and doc.sections[0].text == run


# docs/DATASETS.md "Conventions": the line breaks a record's ``line`` counts.
_SEPARATOR_LINES = {
    "\n": 4, "\r\n": 4, "\r": 4, "\u2028": 4, "\u2029": 4, "\r\r\n": 4,  # one break each, so line 4
    "\x0b": 3, "\x0c": 3, "\x85": 3,  # none at all: the item stays on line 3
}


@pytest.mark.parametrize(("separator", "line"), _SEPARATOR_LINES.items(), ids=repr)
def test_which_characters_end_a_line(separator: str, line: int):
    text = f"# Plan\n\nAllies met in Brussels to agree the plan for the year ahead.{separator}- Air policing\n"
    doc = parse_document(text)
    lines = [item.line for item in doc.items]
    prose = " ".join(section.text for section in doc.sections)
    if line == 4:
        assert lines == [4]
    else:  # no break: the bullet is text of the paragraph's line
        assert lines == [] and "Air policing" in prose


def test_section_bounds_are_the_lines_below_each_heading():
    from nato_briefs.parse import section_bounds, source_lines

    text = "# Title\n\nAllies met.\n\n## Next\nMore.\n"
    assert section_bounds(parse_document(text).sections, source_lines(text)) == [(1, 4), (5, 7)]


def test_a_heading_with_its_text_on_its_line_bounds_the_text_to_that_line():
    """An HTML block on one line (bench/HOSTILE.md, session 15: a mention at line 2 of a one-line file)."""
    from nato_briefs.api import read_article
    from nato_briefs.parse import section_bounds, source_lines

    text = "<h1>Allies Meet</h1><p>NATO will strengthen its presence in Estonia.</p>"
    assert section_bounds(parse_document(text).sections, source_lines(text)) == [(0, 1)]
    article = read_article(text)
    assert [(r["line"], r["column"]) for r in article.rows("statements")] == [(1, 24)]
    assert [(r["line"], r["column"], r["surface"]) for r in article.rows("mentions")] == [
        (1, 24, "NATO"),
        (1, 61, "Estonia"),
    ]
    two = "<h1>A</h1><p>x.</p>\n\n\n<h2>B</h2><p>Allies met in Estonia.</p>\n"  # blank lines below: no text there
    assert section_bounds(parse_document(two).sections, source_lines(two))[1] == (3, 5)
    assert [(r["line"], r["column"]) for r in read_article(two).rows("mentions")] == [(4, 28)]
    feed = (  # the entry's records all stand at its body's line, the next section's
        "<entry>\n<title>Allies Agree Plan</title>\n"
        '<content type="html">&lt;p&gt;Allies agreed to defend Estonia.&lt;/p&gt;&lt;h2&gt;Next&lt;/h2&gt;</content>\n'
        "</entry>\n"
    )
    assert [(r["line"], r["column"]) for r in read_article(feed).rows("statements")] == [(3, 31)]
