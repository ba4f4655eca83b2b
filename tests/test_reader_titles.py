"""Heading rules of ``rules/titles.py``: a setext underline of autocorrected dashes, a heading framed by
hyphens, a title underlined with tildes no fence closes; each rule with its positive and near-miss cases.
Found by tests/shapes_corpus/741-765 (session 17, shapes16) and 816-835 (shapes19).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nato_briefs
from nato_briefs import read_article
from nato_briefs.parse import parse_document
from nato_briefs.reader import rules
from nato_briefs.reader.lines import CONTINUATION_WORDS
from nato_briefs.reader.rules import titles
from nato_briefs.reader.rules.page_furniture import blank_running_headers
from nato_briefs.reader.rules.titles import (
    numbered_headings,
    pipe_page_turn,
    spaced_field_neighbours,
    starred_heading,
)
from nato_briefs.reader.text_tables import multiline_table_lines
from tests.reading import md_article, md_headings, md_names, md_priorities

ROWS = [["Cyber", "Task force", "Faster response"], ["Readiness", "Drills", "Cohesion"]]


SECTIONS = ["Allies Agree Steps", "Ministers met in Brussels on Tuesday.", "1. Air Defence", "Allies will buy more."]
SECTIONS += ["- Patriot batteries", "- Radars", "2. Logistics", "Depots open next year.", "| Area | Focus | Outcome |"]
SECTIONS += ["|---|---|---|", "| Rail | Hubs | Speed |", "| Fuel | Pipes | Stock |", "3. Closing Remarks"]
SECTIONS += ["Ministers will meet again in June."]


RUNNING = "NATO Review" + " " * 40 + "March 2025"


PAGED = [RUNNING, "", "# Allies Agree Steps", "", "Allies agreed these priorities:", ""]
PAGED += ["| Priority Area | Key Focus | Expected Outcome |", "|---|---|---|"]
PAGED += ["| Cyber | Task force | Faster response |"]
PAGED += ["", " " * 60 + "1", RUNNING, "", "| Readiness | Drills | Cohesion |", "", "Ministers meet again in June."]


def _article_headings(text: str) -> list[str | None]:
    return [s.heading for s in read_article(text).sections]


def _article_prose(text: str) -> str:
    return "\n".join(s.text for s in read_article(text).sections)


ADVISORY = [
    "This flaw does not affect the client.",
    "",
    "CWE-613: Insufficient Session Expiration",
    "",
    "Severity: Medium",
    "",
    "AFFECTED VERSIONS",
    "-----------------",
    "",
    "Gateway 4.2.0 to 4.6.1 are affected.",
]


def _article_rows(text: str) -> list[list[str]]:
    return [row.cells for table in read_article(text).tables for row in table.rows]


def _parsed_headings(text: str) -> list[str]:
    return [s.heading for s in parse_document(text).sections if s.heading is not None]


def _article(text: str, name: str = "x.txt"):
    return nato_briefs.read_article(text.encode(), source_path=name)


def _headings(text: str) -> list[str]:
    return [s.heading for s in _article(text).sections if s.heading is not None]


def _prose(text: str) -> str:
    return "\n".join(s.text for s in _article(text).sections)


# --------------------------------------------------------------------------- dash_underline


def test_dash_underline_makes_a_setext_heading():
    text = "# Allies Agree Plan\n\nText.\n\nSteps agreed by the ministers on Thursday\n\u2014\u2014\u2014\u2014\n\n"
    text += "- Corridors: a map\n"
    assert _parsed_headings(text) == ["Allies Agree Plan", "Steps agreed by the ministers on Thursday"]
    assert titles.dash_underline("\u2013\u2013\u2013", "Priorities for mobility", "")


def test_dash_underline_near_misses():
    assert not titles.dash_underline("\u2014\u2014\u2014", "Ministers agreed the plan.", "")  # a sentence
    assert not titles.dash_underline("\u2014\u2014\u2014", "the plan in detail", "Ministers met")  # a paragraph
    assert not titles.dash_underline("\u2014\u2014\u2014", "- Corridors: a map", "")  # an item
    assert not titles.dash_underline("\u2014 Air defence", "Priorities", "")  # a dash bullet, no underline
    text = "# Allies Agree Plan\n\nMinisters agreed the plan on Thursday.\n\u2014\u2014\u2014\n\nText.\n"
    assert _parsed_headings(text) == ["Allies Agree Plan"]


# --------------------------------------------------------------------------- framed_heading

BODY = "Allies met on Tuesday.\n{}\nThe meeting agreed three steps.\n"


def test_framed_heading():
    assert titles.framed_heading("--- Focused Discussions ---") == (2, "Focused Discussions")
    assert _headings("Summit Opens\n" + BODY.format("--- Focused Discussions ---"))[-1] == "Focused Discussions"


def test_framed_heading_near_misses():
    for line in ("------", "--- 8< ---", "-- Jane", "--- Allies --- agree", "---- Original Message ----"):
        assert titles.framed_heading(line) is None, line
    assert titles.framed_heading("--- Priorities ----") is None  # unequal sides
    lotus = "----- Forwarded by Anna Kowalska/PL/NATO on 05/06/2025 11:02 -----"
    assert titles.framed_heading(lotus) is None  # a mail client's banner


# --------------------------------------------------------------------------- unclosed_tilde_underline


def test_unclosed_tilde_underline_is_a_heading():
    text = "Summit Opens\nAllies met.\nStrategic Recommendations\n~~~~~~~~~~~~~~~~~~~~~~~~~\nTo fortify the work.\n"
    assert "Strategic Recommendations" in _headings(text)
    assert "To fortify the work." in _prose(text)


def test_unclosed_tilde_underline_near_misses():
    assert not titles.unclosed_tilde_underline("~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~", "Strategic")  # longer
    assert not titles.unclosed_tilde_underline("~~~~~~~~~~", "| Area | Focus |")  # under a table row
    # closed further down: a code fence, its text code (no prose)
    text = "Summit Opens\nAllies met.\nSample code\n~~~~~~~~~~~\nx = 1\n~~~~~~~~~~~\nEnd of the note.\n"
    assert "x = 1" not in _prose(text)


# --------------------------------------------------------------------------- cell_spaced_bold (sweep 13)


def test_a_cell_bold_with_a_space_before_its_closing_stars_is_bold():
    table = "| Group | Size |\n|---|---|\n| **Income ** | |\n| Under 40K | 1636 |\n"
    assert _article_rows(table) == [["Income", ""], ["Under 40K", "1636"]]
    assert read_article(table).tables[0].rows[0].about_other_rows  # a bold label row, as "**Age**" is


def test_a_cell_with_unpaired_stars_keeps_them():
    table = "| Formula | Value |\n|---|---|\n| 5 ** 2 | 25 |\n| a ** b ** c ** | 1 |\n"
    assert _article_rows(table) == [["5 ** 2", "25"], ["a ** b ** c **", "1"]]


# --------------------------------------------------------------------------- spaced_field_run (sweep 14)


def test_fields_a_blank_line_apart_are_a_run_of_metadata():
    assert spaced_field_neighbours(ADVISORY, 2) == ("This flaw does not affect the client.", "Severity: Medium")
    assert spaced_field_neighbours(ADVISORY, 4) == ("CWE-613: Insufficient Session Expiration", "AFFECTED VERSIONS")
    text = "# Advisory\n\n" + "\n".join(ADVISORY) + "\n"
    assert _article_headings(text) == ["Advisory", "AFFECTED VERSIONS"]
    prose = _article_prose(text)
    assert "CWE-613: Insufficient Session Expiration" in prose and "Severity: Medium" in prose


def test_one_field_line_or_fields_two_blanks_apart_keep_the_title_rule():
    assert spaced_field_neighbours(["Ukraine: Allies Pledge More Aid", "", "", "Brussels: NATO"], 0) == ("", "")
    text = "# Briefing\n\nUkraine: Allies Pledge More Aid\n\nDefence ministers agreed a package of air defence.\n"
    # the field's neighbour is a sentence
    assert _article_headings(text) == ["Briefing", "Ukraine: Allies Pledge More Aid"]


# --------------------------------------------------------------------------- starred_heading (shapes20)


def test_starred_heading():
    assert starred_heading("*** PRIORITIES ***") == (2, "PRIORITIES")
    text = "THE WEEKLY\n\n*** TOP STORY ***\n\nAllies met in Oslo.\n\n*** IN BRIEF ***\n\nSweden hosts next.\n"
    assert md_headings(text, "x.txt") == ["THE WEEKLY", "TOP STORY", "IN BRIEF"]


def test_starred_heading_near_misses():
    near = ("***", "* * *", "***Priorities***", "* Priorities *", "*** Priorities ****", "*** a * b ***", "*** 8 ***")
    for line in near:
        assert starred_heading(line) is None, line


# --------------------------------------------------------------------------- numbered_heading (shapes20b)


def test_numbered_headings_are_headings():
    assert numbered_headings(SECTIONS) == frozenset({2, 6, 12})
    text = "\n".join(SECTIONS) + "\n"
    assert md_headings(text, "x.txt") == ["Allies Agree Steps", "1. Air Defence", "2. Logistics", "3. Closing Remarks"]
    assert md_names(text, "x.txt") == ["Patriot batteries", "Radars"]


def test_numbered_headings_near_misses():
    assert numbered_headings(SECTIONS[:12]) == frozenset()  # two numbers only: no outline
    skipped = [line.replace("2. ", "4. ") for line in SECTIONS]
    assert numbered_headings(skipped) == frozenset()  # 1, 4, 3: numbers that skip are no outline
    over_items = [*SECTIONS[:3], "- Patriot batteries", *SECTIONS[4:]]
    assert numbered_headings(over_items) == frozenset()  # "1. Air Defence" over an item: an outline's item
    sentence = [line.replace("3. Closing Remarks", "3. Ministers closed the meeting.") for line in SECTIONS]
    assert numbered_headings(sentence) == frozenset()  # a sentence after the number: an item
    listed = ["Allies agreed:", "1. Air Defence", "2. Logistics", "3. Cyber", "Ministers will meet again."]
    assert numbered_headings(listed) == frozenset()  # an ordered list: adjacent items
    spaced = "\n\n".join(SECTIONS) + "\n"  # conventional markdown: cmark-gfm's one-item lists
    assert "1. Air Defence" not in md_headings(spaced, "x.md")


# --------------------------------------------------------------------------- memo_outline (session 23, readerfix)
MEMO = [
    "Allies Agree Priorities",
    "",
    "1. PRIORITIES",
    "",
    "    | Priority Area | Key Focus | Expected Outcome |",
    "    |---|---|---|",
    "    | Poland | Patriot batteries | Cover |",
    "",
    "2. KEY INITIATIVES",
    "",
    "    - Sky Shield: joint buying",
    "      - Sensors: shared radars",
    "",
    "Ministers will meet again.",
]


def test_memo_outline_headers_are_headings():
    assert titles.memo_outline_headings(MEMO) == frozenset({2, 8})
    assert rules.RULES["memo_outline"] is titles.memo_outline_headings
    bodies = titles.memo_section_bodies(MEMO, frozenset({2, 8}))
    assert bodies[4] == "| Priority Area | Key Focus | Expected Outcome |"
    assert bodies[11] == "  - Sensors: shared radars"
    assert bodies[13] == MEMO[13] and len(bodies) == len(MEMO)  # the line at the margin ends the body; lines stay
    text = "\n".join(MEMO) + "\n"
    assert md_headings(text, "x.txt") == ["Allies Agree Priorities", "1. PRIORITIES", "2. KEY INITIATIVES"]
    assert md_priorities(text, "x.txt") == [["Poland", "Patriot batteries", "Cover"]]
    assert md_names(text, "x.txt") == ["Sky Shield", "Sensors"]
    roman = [line.replace("1. PRI", "I. PRI").replace("2. KEY", "II) KEY") for line in MEMO]
    assert titles.memo_outline_headings(roman) == frozenset({2, 8})  # roman numbers, a closing parenthesis
    assert md_headings("\n".join(roman) + "\n", "x.txt")[1:] == ["I. PRIORITIES", "II) KEY INITIATIVES"]


def test_memo_outline_near_misses():
    mixed = [line.replace("PRIORITIES", "Priorities").replace("KEY INITIATIVES", "Key Initiatives") for line in MEMO]
    assert titles.memo_outline_headings(mixed) == frozenset()  # mixed case: a loose ordered list, as cmark-gfm reads
    assert titles.memo_outline_headings(MEMO[:8]) == frozenset()  # one header alone
    skipped = [line.replace("2. KEY", "3. KEY") for line in MEMO]
    assert titles.memo_outline_headings(skipped) == frozenset()  # numbers that skip
    roman_skip = [line.replace("1. PRI", "I. PRI").replace("2. KEY", "IV. KEY") for line in MEMO]
    assert titles.memo_outline_headings(roman_skip) == frozenset()
    tight = [line for line in MEMO if line]  # no blank line under the headers: an outline list's items
    assert titles.memo_outline_headings(tight) == frozenset()
    flush = [line.lstrip(" ") for line in MEMO]  # bodies not indented under the headers
    assert titles.memo_outline_headings(flush) == frozenset()
    sentence = [line.replace("1. PRIORITIES", "1. PRIORITIES ARE AGREED.") for line in MEMO]
    assert titles.memo_outline_headings(sentence) == frozenset()
    listed = ["Allies Agree", "", "1. NATO", "2. EU", "", "Done."]
    assert titles.memo_outline_headings(listed) == frozenset()  # adjacent caps items: a list
    assert md_names("\n".join(mixed) + "\n", "x.txt")[:2] == ["Priorities", "Key Initiatives"]


# ------------------------------------------------------------------ pipe_page_turn, repeated_running_header (shapes20b)


def test_pipe_page_turn_goes_on_with_the_table():
    assert pipe_page_turn(PAGED, 9, 3) == 13
    article = md_article("\n".join(PAGED) + "\n")
    assert md_priorities("\n".join(PAGED) + "\n") == ROWS
    assert "NATO Review" not in "\n".join(s.text for s in article.sections)
    lines = list(PAGED)
    blank_running_headers(lines)
    assert lines[0] == lines[11] == ""


def test_pipe_page_turn_near_misses():
    assert pipe_page_turn([*PAGED[:9], "", "", *PAGED[12:]], 9, 3) is None  # blank lines alone end the table
    assert pipe_page_turn([*PAGED[:11], "Text.", *PAGED[12:]], 9, 3) is None  # text between: a paragraph
    assert pipe_page_turn([*PAGED[:13], "| Readiness | Drills |", *PAGED[14:]], 9, 3) is None  # another width
    header = [*PAGED[:13], "| Area | Focus | Outcome |", "|---|---|---|", *PAGED[14:]]
    assert pipe_page_turn(header, 9, 3) is None  # a header over its delimiter row: a table of its own
    dateline = ["NATO Review" + " " * 40 + "March 2025", "", "Text.", "", "NATO Review" + " " * 40 + "March 2025"]
    lines = list(dateline)
    blank_running_headers(lines)  # under no page number: a gapped line stays
    assert lines == dateline
    footers = ["NATO UNCLASSIFIED" + " " * 30 + "Page 1 of 2", "", "NATO UNCLASSIFIED" + " " * 30 + "Page 2 of 2"]
    lines = list(footers)
    blank_running_headers(lines)  # a footer's own gapped line under the last page's: a footer, not a header
    assert lines == footers
    # a pandoc multiline table: a row's cell wrapped to a bare "0" under its column, glued to the row above, is no
    # page number, and a row of figures set apart by a gap is no running header (found by the hypothesis test of
    # test_reader_text_tables after the merge)
    multiline = ["-" * 17, "0        0", "-------- --------", "0        0000000", "         0", ""]
    multiline += ["0        0", "-" * 17]
    lines = list(multiline)
    blank_running_headers(lines)
    assert lines == multiline
    figures = ["", " " * 60 + "1", "2025        2026", "", "2025        2026"]
    lines = list(figures)
    blank_running_headers(lines)  # under a page number, but no word: a row of figures
    assert lines == figures


# a pandoc multiline table whose row's cell "P. 0" reads as a PDF page's footer ("... P. 3") and whose next row
# "0        A", gapped, as the running header under it (the hypothesis test of test_reader_text_tables found it)
PAGE_CELL_TABLE = ["-" * 17, "0        0", "-------- --------", "0        P. 0", "", "0        A", "-" * 17]


def test_a_multiline_tables_lines_are_no_running_header():
    tabled = multiline_table_lines(PAGE_CELL_TABLE)
    assert tabled == frozenset(range(7))
    lines = list(PAGE_CELL_TABLE)
    blank_running_headers(lines, tabled)  # the table's extent wins over what its rows look like
    assert lines == PAGE_CELL_TABLE
    doc = parse_document("Intro.\n\n" + "\n".join(PAGE_CELL_TABLE) + "\n\nEnd.\n")
    assert [doc.tables[0].headers, *(r.cells for r in doc.tables[0].rows)] == [["0", "0"], ["0", "P. 0"], ["0", "A"]]


def test_a_multiline_table_near_miss_the_running_header_outside_it_is_still_blanked():
    lines = list(PAGED)
    blank_running_headers(lines, multiline_table_lines(lines))  # no multiline table: nothing kept
    assert lines[0] == lines[11] == ""
    doc = [*PAGED[:6], *PAGE_CELL_TABLE, "", *PAGED[6:]]  # a table beside a real running header
    lines = list(doc)
    blank_running_headers(lines, multiline_table_lines(lines))
    assert lines[0] == lines[19] == "" and lines[6:13] == PAGE_CELL_TABLE
    cut = [*PAGE_CELL_TABLE[:-1], "", "Text.", ""]  # no closing border: no table, its rows read by their look
    lines = list(cut)
    assert multiline_table_lines(lines) == frozenset()
    blank_running_headers(lines)
    assert lines[5] == ""
# --------------------------------------------------------------------------- bang_admonition (sweep 15)

ADMONITIONS = (
    'Before an incident.\n\n!!! note "Contacts"\n    Put the bridge number at the top of this page.\n\n'
    '!!!warning "Security Incident?"\n    Follow the security process instead.\n\n## Don\'t Panic!\n\nJoin the call.\n'
)


def test_mkdocs_admonition_is_no_tiddlywiki_heading():
    for line in ('!!! note "Contacts"', '!!!warning "Security Incident?"', "!!! tip", '???+ note "Steps"'):
        assert titles.is_mkdocs_admonition(line), line
    assert _headings(ADMONITIONS) == ["Don't Panic!"]
    prose = _prose(ADMONITIONS)
    assert "Put the bridge number at the top of this page." in prose and "Security Incident?" in prose
    assert 'note "Contacts"' not in prose and "!!!" not in prose


def test_mkdocs_admonition_near_misses():
    for line in ("!!! Priorities", "!! Background", "!!!Important", "! 5 killed", "!!! note about plans."):
        assert not titles.is_mkdocs_admonition(line), line
    tiddly = "! Summit\n\nAllies met.\n\n!! Priorities\n\nAir defence.\n\n!!! Outcomes\n\nA plan.\n"
    assert _headings(tiddly) == ["Summit", "Priorities", "Outcomes"]  # TiddlyWiki headings stay headings


# --------------------------------------------------------------------------- speaker_turn (sweep 15)

TURNS = (
    "# Working Group Call\n\n## Topic: Calendar\n\n"
    "ABG: The nations asked for September because of the summit.\n\nELD: No\n\n"
    "ABG: Then we keep the plan as it stands.\n\n[TVL] : I will tell the nations\n\n"
    "ABG: Thank you, that closes the topic.\n\nELD - Yes\n\nABG - Then we move on.\n"
)


def test_speaker_turn_is_no_title():
    for line in ("SFC: No", "[APP] : Any objections?", "ZBI, STA: +1", "EAO - Yes", "[EAO]: we can mark it"):
        assert titles.is_speaker_turn(line), line
    assert _headings(TURNS) == ["Working Group Call", "Topic: Calendar"]
    assert "ELD: No" in _prose(TURNS) and "[TVL] : I will tell the nations" in _prose(TURNS)


def test_speaker_turn_near_misses():
    for line in ("Status: Done", "Q: Will NATO act?", "Anna: yes", "NATO", "ABG:", "EU-US Summit"):
        assert not titles.is_speaker_turn(line), line
    headline = "# Summary\n\nNATO: Allies Agree Plan\n\nMinisters agreed the plan on Thursday in Brussels.\n"
    assert _headings(headline) == ["Summary", "NATO: Allies Agree Plan"]  # a lone turn-like line stays a title


# --------------------------------------------------------------------------- bold_speaker_turn (sweep 19)

BOLD_TURNS = (
    "# Editors meeting\n\n#### Air Policing Rotation  \n"
    "**Frederic** - There was a request for review and the air staff jumped in.  \n"
    "**M** - 102 could be merged as _Active_  \n**D** - Fine with it as active.  \n"
    "__Anna Kowalska__: I have to look at it  \n**Robert** - Active works.  \n"
)


def test_bold_speaker_turn_is_no_title():
    for line in ("**M** - 102 could be merged", "**Frederic** -  I agree", "__Anna Kowalska__: OK", "**D** – OK"):
        assert titles.is_speaker_turn(line), line
    assert rules.RULES["bold_speaker_turn"] is titles.is_speaker_turn
    assert _headings(BOLD_TURNS) == ["Editors meeting", "Air Policing Rotation"]
    assert "M - 102 could be merged as Active" in _prose(BOLD_TURNS)
    assert "Anna Kowalska: I have to look at it" in _prose(BOLD_TURNS)


def test_bold_speaker_turn_near_misses():
    for line in ("**Status:** Done", "**NATO** Allies agree", "**Key Priorities for the Alliance Now** - x", "**M**"):
        assert not titles.is_speaker_turn(line), line
    lone = "# Summary\n\n**Deterrence** - Allies Agree Plan\n\nMinisters agreed the plan on Thursday in Brussels.\n"
    assert _headings(lone) == ["Summary", "Deterrence - Allies Agree Plan"]  # no turn next to it: the title rules


# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Status: In progress", True),
        ("Last edited: November 4, 2025", True),
        ("Core defence: spending on the armed forces", True),
        ("Priorities", False),
        ("Key measures:", False),  # a label alone, no value
        ("The plan, agreed in June: more troops", False),  # more than three words before the colon
    ],
)
def test_field_line(text, expected):
    assert rules.is_field_line(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[10:02] Jan de Vries", True),
        ("[3/4/25 9:12 AM] Maria Rossi", True),
        ("[10:05:33] Ops", True),
        ("[Priorities](#priorities)", False),
        ("[1] Footnote", False),
    ],
)
def test_chat_stamp(text, expected):
    assert rules.is_chat_stamp(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FOR IMMEDIATE RELEASE", True),
        ("**For Immediate Release**", True),
        ("EMBARGOED UNTIL 10:00 CET, 12 June", True),
        ("Media Advisory:", True),
        ("Press Release Sets Out Priorities for 2026", False),
        ("Check against delivery", True),  # a speech's furniture
        ("CHECK AGAINST DELIVERY", True),
        ("As prepared for delivery", True),
        ("As delivered", True),
        ("Check Against Delivery Times for Munitions", False),
        ("Delivered as Promised", False),
    ],
)
def test_release_label(text, expected):
    assert rules.is_release_label(text) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("###", True), ("# # #", True), ("- 30 -", True), ("-30-", True), ("### Priorities", False),
     ("- 30 troops", False), ("---", False)],
)  # fmt: skip
def test_end_mark(line, expected):
    assert rules.is_end_mark(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO Public Diplomacy Division                                    Page 1 of 3", True),
        ("Page 12", True),
        ("Defence Expenditure of NATO Countries", False),
        ("The Homepage 2", False),  # a word ending in "page"
        ("Page Turner Awards", False),
    ],
)
def test_page_furniture(text, expected):
    assert rules.is_page_furniture(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leaders agreed the pledge. #summit #nato", "Leaders agreed the pledge."),
        ("Summit Outcomes #nato", "Summit Outcomes"),
        ("Issue #42 of the brief", "Issue #42 of the brief"),  # not at the end
        ("Figures for #2025", "Figures for #2025"),  # a number, not a hashtag
        ("#nato", "#nato"),  # nothing but the tag: kept
    ],
)
def test_strip_trailing_hashtags(text, expected):
    assert rules.strip_trailing_hashtags(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[Priorities]{.underline}", "Priorities"),
        ("in the [Baltic Sea]{.mark} and", "in the Baltic Sea and"),
        ("[key]{#k .x lang=en}", "key"),
        ("Budget [2025]{the year}", "Budget [2025]{the year}"),  # braces that are not attributes
        ("[link](url){.x}", "[link](url){.x}"),  # a link's attributes: not a span
    ],
)
def test_strip_bracketed_spans(text, expected):
    assert rules.strip_bracketed_spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**Key measures: **", "**Key measures:** "),
        ("** Priorities**", " **Priorities**"),
        ("* **Sensors: **new monitoring", "* **Sensors:** new monitoring"),
        ("cyber defence**, **the Secretary General", "cyber defence, the Secretary General"),
        ("**Bold** and **fine**", "**Bold** and **fine**"),  # well-formed: untouched
        ("2 ** 3 is eight", "2 ** 3 is eight"),  # an odd number of delimiters: untouched
    ],
)
def test_mend_spaced_bold(text, expected):
    assert rules.mend_spaced_bold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("_No response_", True), ("*Photo by the author*", True), ("**Bold**", False), ("***Both***", False),
     ("*one* and *two*", False), ("_x", False)],
)  # fmt: skip
def test_whole_line_italic(text, expected):
    assert rules.is_whole_line_italic(text) is expected


@pytest.mark.parametrize(("line", "expected"), [("%% draft: check %%", True), ("  %%%%", True), ("%% open", False),
                                                ("50%% of GDP%%", False)])  # fmt: skip
def test_comment_line(line, expected):
    assert rules.is_comment_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("** Priorities", "Priorities"), ("** The Alliance Weekly", "The Alliance Weekly"), ("**Bold**", None),
     ("** a ** b", None), ("*** x", None), ("** ", None)],
)  # fmt: skip
def test_plain_text_heading(line, expected):
    assert rules.plain_text_heading(line) == expected


@pytest.mark.parametrize(
    ("line", "nxt", "expected"),
    [
        ("--", "Anna Kowalska", True),
        ("-- ", "Anna", True),
        ("--", "", False),
        ("---", "Anna", False),
        ("--", "| Area | Focus |", False),
        ("--", "- item", False),
    ],
)
def test_signature_separator(line, nxt, expected):
    assert rules.is_signature_separator(line, nxt) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1", False), ("[1](#footnote-anchor-1)", False), ("👍", False), ("- 2 -", False), ("2.1 Key Figures", True),
     ("НАТО", True)],
)  # fmt: skip
def test_has_letter(text, expected):
    assert rules.has_letter(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("[Share](https://x.org/p?a=1)", True), ("**[Subscribe now](https://x.org)**", True),
     ("[Title](https://x.org) and more", False), ("Share", False)],
)  # fmt: skip
def test_link_only(text, expected):
    assert rules.is_link_only(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("⚡️ NATO allies agree", "N"), ("🇺🇦 Slava", "S"), ("**[Title**", "T"), ("🛡️ allies", "a"), ("👍", "")],
)
def test_title_lead(text, expected):
    assert rules.title_lead(text) == expected


@given(st.text(alphabet="ab *,:\t", max_size=40))
def test_mend_spaced_bold_keeps_every_word_and_only_moves_stars_and_blanks(text):
    def letters(line: str) -> str:
        return "".join(ch for ch in line if ch not in "* \t")

    mended = rules.mend_spaced_bold(text)
    assert letters(mended) == letters(text)
    assert mended.count(" ") + mended.count("\t") == text.count(" ") + text.count("\t")


@given(st.text(alphabet="ab# .1", max_size=40))
def test_strip_trailing_hashtags_returns_a_prefix(text):
    stripped = rules.strip_trailing_hashtags(text)
    assert text.startswith(stripped)
    assert stripped == text.rstrip() or text[len(stripped) :].split()[0].startswith("#")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("import Tabs from '@theme/Tabs';", True),
        ('import {Chart} from "../components/Chart"', True),
        ("import './styles.css';", True),
        ("import duties rose from 2 to 3 per cent.", False),
        ("Import Tabs from '@theme/Tabs';", False),
    ],
)
def test_mdx_import(line, expected):
    assert rules.is_mdx_import(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (":::tip Why it matters", "Why it matters"),
        (":::note[Data note]", "Data note"),
        (":::warning", ""),
        ('!!! note "Background"', "Background"),
        ("??? tip", ""),
        ('???+ example "Worked example"', "Worked example"),
        ("!!! Breaking news !!!", None),
        (":: not a directive", None),
        ("What? Really?", None),
    ],
)
def test_admonition_title(line, expected):
    assert rules.admonition_title(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("    text", "text"), ("\ttext", "text"), ("      six", "  six"), ("  two", "two"), ("    ", "")],
)
def test_dedent(line, expected):
    assert rules.dedent(line, 4) == expected


@pytest.mark.parametrize(
    ("line", "nxt", "expected"),
    [("* TOC", "{:toc}", True), ("- Table of Contents", "{:.no_toc}", False), ("* TOC", "", False),
     ("* Air defence", "{:toc}", False), ("1. TOC", "{:toc}", True), ("* TOC", "{: toc }", True)],
)  # fmt: skip
def test_toc_placeholder(line, nxt, expected):
    assert rules.is_toc_placeholder(line, nxt) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO Defence Ministers, June 2025", True),
        ("Published 3 June 2025 | Updated 4 June 2025", True),
        ("By John Doe · 6 min read · Jun 3, 2025", True),
        ("Brussels, 10 June 2025", True),
        ("Summit in June 2025", False),  # a date in a title, not a stamp
        ("Outlook, 2026", False),  # a year alone is no date
        ("Priorities for May 2025 and beyond", False),
    ],
)
def test_dateline(text, expected):
    assert rules.is_dateline(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Jane Smith, Defence Correspondent", True),
        ("By John Doe · 6 min read", True),
        ("By Jane M. Smith", True),
        ("By the Numbers", False),
        ("By Air and Sea", False),
        ("Byline Matters Here", False),
    ],
)
def test_byline_name(text, expected):
    assert rules.is_byline_name(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12.04 BST", True), ("Updated at 12.10 BST", True), ("9:15 a.m. ET", True), ("11:32", True),
     ("2.1 Key Figures", False), ("12.04 BST Leaders agree goal", False), ("1.5 Percent", False)],
)  # fmt: skip
def test_time_stamp(text, expected):
    assert rules.is_time_stamp(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("[Share](https://x.substack.com/p/a?utm=share)", True), ("[Leave a comment](https://x/c)", True),
     ("**[Subscribe now](https://x/s)**", True), ("[Allies Agree Plan](https://x/p)", False),
     ("Share this post with friends", False)],
)  # fmt: skip
def test_button_link(text, expected):
    assert rules.is_button_link(text) is expected


@pytest.mark.parametrize(
    ("line", "expected"), [("[^1]: NATO, 2024", True), ("[^note]: x", True), ("[^1] text", False), ("[1]: /url", False)]
)
def test_footnote_definition(line, expected):
    assert rules.is_footnote_definition(line) is expected


@pytest.mark.parametrize(
    ("text", "below", "expected"),
    [("ANALYSIS", "# Why the model matters", True), ("Opinion", "# A view", True),
     ("ANALYSIS", "## Findings", False), ("ANALYSIS", "The study found ...", False),
     ("Defence", "# Spending", False)],
)  # fmt: skip
def test_kicker(text, below, expected):
    assert rules.is_kicker(text, below) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2 rows in set (0.00 sec)", True), ("1 row in set, 1 warning (0.01 sec)", True), ("(3 rows)", True),
     ("Empty set (0.00 sec)", True), ("2 Rows of Tanks", False), ("Rows in set theory", False)],
)  # fmt: skip
def test_result_footer(text, expected):
    assert rules.is_result_footer(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("long-\nrange fires", "long-range fires"),
        ("their defen-\nce", "their defen-ce"),  # the hyphen stays: no character is dropped
        ("Euro-\nAtlantic", "Euro-\nAtlantic"),  # a capital after the break: left to markdown (a space)
        ("2025-\n2030", "2025-\n2030"),  # digits: a range, not a word
        ("the plan -\nwhich", "the plan -\nwhich"),  # a dash between words
        ("ends-\n", "ends-\n"),
    ],
)
def test_hyphen_break(text, expected):
    assert rules.join_hyphen_breaks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7 min read", True), ("Follow", True), ("Top highlight", True), ("12 claps", True), ("Member-only story", True),
     ("Follow the Money", False), ("7 Lessons to Read", False), ("Listen to Allies", False)],
)  # fmt: skip
def test_page_chrome(text, expected):
    assert rules.is_page_chrome(text) is expected


def test_a_linked_image_is_a_link_alone_on_its_line():
    assert rules.is_link_only("[![Jane Doe](https://x/avatar.png)](https://medium.com/@jane)")
    assert not rules.is_link_only("[![Jane Doe](https://x/a.png)](https://x/p) wrote this")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Share this page:", True), ("Share this page: Facebook | X | LinkedIn | Email", True),
     ("Share: Facebook · X · Email", True), ("Share this article", True), ("Share on Facebook", True),
     ("**Share this story**", True),
     ("Share Prices Rise in Defence Firms", False), ("Shared Priorities", False),
     ("Share of GDP: 2% across allies", False), ("Sharing Intelligence", False)],
)  # fmt: skip
def test_share_bar(text, expected):
    assert rules.is_share_bar(text) is expected


@pytest.mark.parametrize("line", ["- 1 -", "— 12 —", "  - 4 -  ", "– 3 –"])
def test_page_number(line):
    assert rules.is_page_number(line)


@pytest.mark.parametrize("line", ["- 1 item", "- 2025 -ish", "1 -", "- Page -", "- 1 - 2 -"])
def test_page_number_near_misses(line):
    assert not rules.is_page_number(line)


def test_running_header():
    assert rules.is_running_header("NATO Review                      June 2026")
    assert not rules.is_running_header("NATO Review June 2026")
    assert not rules.is_running_header("Allies Agree Plan        ")  # a trailing gap has nothing after it
    assert rules.is_running_header("[NATO Review](https://x.int/review)          2026")  # a name in a link's text
    assert not rules.is_running_header("2025                 2026")  # figures: a table's row, no page's header
    assert not rules.is_running_header("[1](#note-1)                 12")  # a link holding no word


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Jane Doe  10:02 AM", True), ("John Roe 10:05", True), ("Maria Rossi 9:14 p.m.", True), ("[10:02] Jan", True),
     ("Summit at 10:00 AM", False), ("Meeting Notes 10:02 AM Today", False), ("NATO 2030", False)],
)  # fmt: skip
def test_chat_stamp_without_brackets(text, expected):
    assert rules.is_chat_stamp(text) is expected


def test_permalink():
    assert rules.strip_permalink("Priorities¶") == "Priorities"
    assert rules.strip_permalink("Priorities ¶ ") == "Priorities"
    assert rules.strip_permalink("See ¶ 12 of the text.") == "See ¶ 12 of the text."


def test_section_sign_opens_a_numbered_title():
    assert rules.title_lead("§ 2 Priorities") == "2"


def test_page_break():
    lines = ["Air | Radars | Warning", "                 2", "", "Sea | Ships | Patrols"]
    assert rules.page_break_end(lines, 1) == 3
    assert rules.page_break_end(["a | b", "- 3 -", "c | d"], 1) == 2
    assert rules.page_break_end(["a | b", "2025 was a year of change.", "c | d"], 1) is None  # prose, no page number
    assert rules.page_break_end(["a | b", "12345", "c | d"], 1) is None  # five digits: data, not a page
    assert rules.page_break_end(["a | b", "2", "", "", "", "c | d"], 1) is None  # too far to be the next page


@pytest.mark.parametrize(
    ("line", "expected"),
    [("No", True), ("N/A", True), ("*None*", True), ("TBD.", True), ("Not applicable", True),
     # near misses: a real one-word heading, a phrase starting with an answer word
     ("Norway", False), ("None of the Allies objected", False), ("Summary", False)],
)  # fmt: skip
def test_is_answer(line, expected):
    assert rules.is_answer(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Boulevard Leopold III \\", True), ("**NATO Headquarters** \\  ", True),
     # near misses: an escaped backslash, a backslash inside the line
     ("C:\\\\", False), ("Paths like a\\b", False), ("Brussels", False)],
)  # fmt: skip
def test_ends_in_hard_break(line, expected):
    assert rules.ends_in_hard_break(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2020-05-08: plan opened", True), ("2021-01-15 - first rotation", True), ("**2020-06-01:** ready", True),
     # near misses: a date inside a title, a year range, a date alone
     ("Summit of 2025-06-24 in The Hague", False), ("2025-2030 Priorities", False), ("2020-05-08", False)],
)  # fmt: skip
def test_dated_entry(text, expected):
    assert rules.is_dated_entry(text) is expected


def test_unspaced_sentence():
    assert rules.is_unspaced_sentence(
        "有時候，這些關係還會進一步發展成更廣闊的防務合作（意思是你有可能成為那些聯盟的正式成員）"
    )
    assert not rules.is_unspaced_sentence("北約峰會")  # a short heading
    assert not rules.is_unspaced_sentence(
        "北約峰會：盟國同意在明年增加國防開支並加強東翼防禦部署計劃以及聯合演習"
    )  # no clause comma
    assert not rules.is_unspaced_sentence(
        "Allies agree, after long talks, on a new and much larger plan"
    )  # spaced words


@pytest.mark.parametrize(
    ("line", "expected"),
    [("We wish to get to a point where", True), ("For more details, see", True), ("Allies agreed, namely", True),
     # near misses: the word capitalised in a title ("Who Flies Where"), in capitals, or not last
     ("Who Flies Where", False), ("Places to See", False), ("KNOW WHERE", False), ("See also", False)],
)  # fmt: skip
def test_ends_in_lead_in(line, expected):
    assert rules.ends_in_lead_in(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("June 25, 2025 by [The Public Diplomacy Division](/team)", True), ("December 05, 2024 by The React Team", True),
     ("25 June 2025 by Jane Smith", True), ("2025-06-25 by the Press Office", True),
     # near misses: no "by", "By" first, a sentence that holds a date and "by"
     ("June 25, 2025", False), ("By June 25, 2025", False), ("Deadline June 25, 2025 by noon", False),
     ("Allies Stand by the June 2025 Pledge", False)],
)  # fmt: skip
def test_is_dated_byline(text, expected):
    assert titles.is_dated_byline(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("[Back to the minutes](https://example.org/wg#week-2) - [Back to the top](/wg)", True),
     ("[Agenda](a.md) | [Minutes](m.md) | [Actions](x.md)", True), ("[Previous](p.md) · [Next](n.md)", True),
     # near misses: one link alone, words between the links, a sentence around them
     ("[Back to the top](/wg)", False), ("[Agenda](a.md) and then [Minutes](m.md)", False),
     ("Read [Agenda](a.md) - [Minutes](m.md)", False), ("[Agenda](a.md) - [Minutes](m.md) today", False)],
)  # fmt: skip
def test_is_link_row(text, expected):
    assert titles.is_link_row(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("一个开源的地图工具，可以显示北约成员国的位置。（@nato-dev 投稿）", True),
     ("代码开源。官网可以在线压缩图片", True), ("北约峰会在维尔纽斯举行｡成员国同意", True),
     # near misses: a headline with a question mark and a bracketed note, a title with no stop, English
     ("1、Python 语言如何生成随机数？（英文）", False), ("北约峰会：成员国同意新计划", False),
     ("NATO Summit 2025", False)],
)  # fmt: skip
def test_has_ideographic_full_stop(text, expected):
    assert titles.has_ideographic_full_stop(text) is expected


_STACK = ["## Attendees", "Jane Smith, Allied Command", "Marco Rossi, NCIA", "Anna Kowalska, Poland", ""]


@pytest.mark.parametrize(
    ("lines", "i", "expected"),
    [(_STACK, 1, True), (_STACK, 2, True), (_STACK, 3, True),
     # near misses: a title over a subtitle, a title over prose, lines parted by blanks, a heading above
     (["", "Allies Agree Plan", "Ministers Back Spending", ""], 1, False),
     (["", "Allies Agree Plan", "Ministers met on Monday.", "They agreed a plan.", ""], 1, False),
     (["Jane Smith", "", "Marco Rossi", "", "Anna Kowalska"], 2, False),
     (["Jane Smith", "## Attendees", "Marco Rossi", "Anna Kowalska"], 0, False)],
)  # fmt: skip
def test_in_line_stack(lines, i, expected):
    def title_like(j: int) -> bool:
        return bool(lines[j]) and lines[j][0].isupper() and not lines[j].endswith(".")

    assert titles.in_line_stack(len(lines), i, title_like) is expected


def test_a_stack_of_short_lines_is_prose_and_a_title_over_prose_stays():
    from nato_briefs import read_article

    stacked = read_article("# Meeting\n\nIntro.\n\nJane Smith, ACT\nMarco Rossi, NCIA\nAnna Kowalska, Poland\n")
    assert [s.heading for s in stacked.sections] == ["Meeting"]
    assert "Marco Rossi, NCIA" in stacked.sections[0].text
    titled = read_article("# Meeting\n\nIntro.\n\nAllies Agree Plan\n\nMinisters met on Monday.\n")
    assert [s.heading for s in titled.sections] == ["Meeting", "Allies Agree Plan"]


_SHORT_LINE = st.from_regex(r"[A-Z][a-z]{2,8}(?: [A-Z][a-z]{2,8}){0,3}(?:, [A-Z][a-z]{2,8})?", fullmatch=True)


# A line ending on a word that needs a continuation ("Ccc Has") is prose, never a title: a stack's last line
# must stand alone as a title for the run to be one block (``in_line_stack``); with "Aaa / Bbb / Ccc Has" the
# first two read as a title over a subtitle over prose, as the rule says.
_TITLE_LIKE_LINE = _SHORT_LINE.filter(lambda line: line.rsplit(" ", 1)[-1].lower() not in CONTINUATION_WORDS)


@settings(max_examples=60)
@given(st.lists(_TITLE_LIKE_LINE, min_size=1, max_size=6))
def test_stacked_short_lines_keep_every_word(lines):
    from nato_briefs import read_article

    article = read_article("# Meeting\n\nIntro.\n\n" + "\n".join(lines) + "\n")
    text = " ".join(f"{s.heading or ''} {s.text}" for s in article.sections)
    assert all(line in text for line in lines)
    if len(lines) >= 3:  # a run of three or more: one block of lines, no heading per line
        assert [s.heading for s in article.sections] == ["Meeting"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [('=== "Linux"', "Linux"), ('===! "First"', "First"), ('===+ "Selected"  ', "Selected"),
     ('=== "`warn`"', "`warn`"),
     # near misses: a setext underline, a label without quotes, an empty label, text after the label
     ("===", None), ("=== Linux", None), ('=== ""', None), ('=== "Linux" and more', None)],
)  # fmt: skip
def test_content_tab_label(line, expected):
    assert titles.content_tab_label(line) == expected


def test_a_content_tab_is_read_as_an_admonition_and_a_setext_underline_stays():
    from nato_briefs import read_article

    shown = read_article(
        '# Levels\n\nIntro.\n\n=== "Warning"\n\n    ``` yaml\n    - level: warning\n    ```\n\n    Gaps are reported.\n'
    )
    assert [s.heading for s in shown.sections] == ["Levels"]
    assert "Warning\n\nGaps are reported." in shown.sections[0].text and not shown.list_items
    setext = read_article("Levels\n===\n\nAllies agreed.\n")
    assert [s.heading for s in setext.sections] == ["Levels"]

# --------------------------------------------------------------------------- session 20 (shapes24)


def test_centred_page_number_and_marking_page_turn():
    """pdftotext -layout centres a page's number and its classification marking (shapes 932): the number is markup
    wherever it stands, and the marking is a page turn's furniture between two rows of an aligned table."""
    assert titles.is_page_number(" " * 40 + "- 2 -")
    assert titles.is_page_turn_furniture(" " * 33 + "NATO UNCLASSIFIED")
    text = (
        "Priorities\n\n   Priority Area      Key Focus             Expected Outcome\n"
        "   Infrastructure     Stronger bridges      Heavy loads can move\n\n"
        + " " * 33 + "NATO UNCLASSIFIED\n" + " " * 40 + "- 2 -\n" + " " * 33 + "NATO UNCLASSIFIED\n\n"
        "   Ports              Reserved berths       Fast arrival by sea\n\nMinisters will review the plan.\n"
    )
    assert md_priorities(text, "x.txt") == [
        ["Infrastructure", "Stronger bridges", "Heavy loads can move"],
        ["Ports", "Reserved berths", "Fast arrival by sea"],
    ]


def test_centred_page_number_and_marking_page_turn_near_misses():
    assert not titles.is_page_number(" " * 40 + "- 2 - 3")
    assert not titles.is_page_turn_furniture("Nato Unclassified")  # a marking is written in capitals
    assert not titles.is_page_turn_furniture("   Ministers agreed the plan.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("agreed to strength-\nen the bases", "agreed to strengthen the bases"),
        ("in Novem-\nber.", "in November."),
        ("military emis-\n  sions", "military emissions"),
        ("closer coopera-\ntion with", "closer cooperation with"),
    ],
)
def test_split_word_ending(text, expected):
    """A word a PDF's line end split at a hyphen (shapes 934): the listed ending shows it was one word."""
    assert titles.join_hyphen_breaks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("long-\nrange fires", "long-range fires"),  # a compound's second word
        ("to enable-\nenable", "to enable-enable"),  # a longer word than any ending
        ("Indo-\nPacific", "Indo-\nPacific"),  # a capital: no break joined
        ("their defen-\nce", "their defen-ce"),  # an ending not listed: the hyphen stays
    ],
)
def test_split_word_ending_near_misses(text, expected):
    assert titles.join_hyphen_breaks(text) == expected


def test_split_word_ending_in_prose():
    text = "# Plan\n\nMinisters agreed to strength-\nen the bases and long-\nrange fires in Novem-\nber.\n"
    assert md_article(text).sections[0].text == (
        "Ministers agreed to strengthen the bases and long-range fires in November."
    )


# --------------------------------------------------------------------------- wrapped_span (session 20, shapes25)


def test_wrapped_span():
    assert titles.wrapped_span("builds on the [Commercial Space", "Strategy]{.underline} adopted") == (
        "builds on the Commercial Space",
        "Strategy adopted",
    )
    text = "# Plan\n\nThe plan builds on the [Commercial Space\nStrategy]{.underline} adopted last year.\n"
    assert read_article(text).sections[0].text == "The plan builds on the Commercial Space Strategy adopted last year."


def test_wrapped_span_near_misses():
    assert titles.wrapped_span("the [Commercial Space", "Strategy]{2025} adopted") is None  # no attributes
    assert titles.wrapped_span("the [Plan] of 2025", "Strategy]{.underline}") is None  # the bracket above is closed
    assert titles.wrapped_span("the plan", "[Strategy]{.underline}") is None  # opened on its own line
    text = "# Plan\n\nSee the [annex\nbelow]{2025} for figures.\n"
    assert "{2025}" in read_article(text).sections[0].text


# --------------------------------------------------------------------------- particle_wrap (sweep 16)

RELEASE_JA = (
    "NATOサイバー防衛演習 2026\n====================\n\n"
    "これは新しいマイナーバージョンリリースで、新しい機能や\n"
    "様々なバグ修正およびパフォーマンス改善、更新された翻訳を含みます。\n"
)


def test_particle_wrap_is_no_title():
    for line in ("これは新しいマイナーバージョンリリースで、新しい機能や", "演習計画 バージョン 2.1 が",
                 "同盟国の担当者を", "北约成员国，"):
        assert titles.ends_on_particle(line), line
    assert _headings(RELEASE_JA) == ["NATOサイバー防衛演習 2026"]
    assert "新しい機能や" in _prose(RELEASE_JA)


def test_particle_wrap_near_misses():
    for line in ("サイバー防衛とは", "NATOの役割", "北约峰会", "Allied plan", "が"):
        assert not titles.ends_on_particle(line), line
    titled = "# 演習\n\nサイバー防衛とは\n\nサイバー防衛は同盟国の責任です。\n"
    assert _headings(titled) == ["演習", "サイバー防衛とは"]


# --------------------------------------------------------------------------- numbered_contents_link (sweep 16)

CONTENTS = (
    "# Testing Guide\n\n4.1 [Information Gathering](01-Information_Gathering/README.md)\n\n"
    "4.2 [Configuration Testing](02-Configuration_Testing/README.md)\n\n"
    "4.2.1 [Test Network Configuration](02-Configuration_Testing/01-Test_Network.md)\n\n"
    "Appendix E. [History](E-History.md)\n"
)


def test_numbered_contents_link_is_no_title():
    for line in ("4.3 [Identity Management Testing](03/README.md)", "4.11.8 [Cross Site Flashing](08.md)",
                 "Appendix E. [History](E-History.md)", "Annex A [Acronyms](a.md)"):
        assert titles.is_numbered_link(line), line
    assert _headings(CONTENTS) == ["Testing Guide"]
    assert "4.2 Configuration Testing" in _prose(CONTENTS)


def test_numbered_contents_link_near_misses():
    for line in ("4.3 Identity Management Testing", "2026 [Summit](x.md)", "[History](E-History.md)",
                 "4.3 [Identity](x.md) and more", "Read [the guide](x.md)"):
        assert not titles.is_numbered_link(line), line
    lone = "# Guide\n\n4.1 [Information Gathering](01/README.md)\n\nThe chapter lists the sources.\n"
    assert _headings(lone) == ["Guide", "4.1 Information Gathering"]  # alone, no run: the title rules decide


# --------------------------------------------------------------------------- code_span_line (sweep 16)

SQL = (
    "# SQL Injection\n\nConsider the following query:\n\n"
    "`SELECT id, name FROM users WHERE id=1 UNION SELECT 1, version() limit 1,1`\n\n"
    "The database answers with an error such as:\n\n`ORA-00933: SQL command not properly ended`\n\n"
    "Use parameterised queries.\n"
)


def test_code_span_line_is_no_title():
    for line in ("`SELECT id FROM users WHERE id=1`", "``echo `date` now``", "`ORA-00933: SQL command not ended`"):
        assert titles.is_code_span_line(line), line
    assert _headings(SQL) == ["SQL Injection"]
    assert "ORA-00933: SQL command not properly ended" in _prose(SQL)


def test_code_span_line_near_misses():
    for line in ("`read_article`", "`a` and `b`", "Run `make test` first", "NATO Summit", "``"):
        assert not titles.is_code_span_line(line), line
    documented = "# API\n\n`ReadArticle`\n\nReads one article into its datasets.\n"
    assert _headings(documented) == ["API", "ReadArticle"]  # one name: left to the title rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Lima, 16 de mayo de 2002", True), ("San Miguel de Piura, 04 JULIO 2025", True),
     ("Tumbes, 14 de junio del 2024", True), ("Lucía Torres - 1 abril, 2026", True),
     ("Lisboa, 3 de março de 2026", True), ("Paris, 3 juin 2025", True), ("Roma, 12 settembre 2025", True),
     # near misses: no day, no separator before the date, a date inside the line, an English title with a year
     ("Cumbre de Madrid, mayo 2025", False), ("Reunión del 16 de mayo de 2002", False),
     ("Lima, 16 de mayo de 2002: acuerdos", False), ("Mission to Mars 2030", False)],
)  # fmt: skip
def test_romance_dateline(text, expected):
    assert rules.is_dateline(text) is expected
    assert rules.RULES["romance_dateline"] is rules.is_dateline


def test_a_spanish_dateline_is_prose_and_a_spanish_title_stays():
    dated = read_article("# Decisión\n\nBruselas, 16 de mayo de 2026\n\nQue el Consejo acordó el plan.\n")
    assert [s.heading for s in dated.sections] == ["Decisión"]
    titled = read_article("# Decisión\n\nIntro.\n\nReunión del 16 de mayo de 2026\n\nQue el Consejo acordó el plan.\n")
    assert [s.heading for s in titled.sections] == ["Decisión", "Reunión del 16 de mayo de 2026"]


# --------------------------------------------------------------------------- article_dateline (sweep 19)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Fait à Genas, le 17 juillet 2025", True), ("Bruxelles, le 4 avril 2026", True),
     ("Fait à Paris, le 1er septembre 2025", True), ("Madrid, el 5 de mayo de 2024", True),
     ("Roma, il 3 giugno 2025", True), ("Lisboa, em 5 de maio de 2024", True),
     # near misses: no comma before the article, a word between, no year, an English month
     ("Sommet le 17 juillet 2025", False), ("Fait à Genas le 17 juillet 2025", False),
     ("Ukraine, le soutien 17 juillet 2025", False), ("Réunion, le 17 juillet", False),
     ("Brussels, le 4 April 2026", False)],
)  # fmt: skip
def test_article_dateline(text, expected):
    assert rules.is_dateline(text) is expected
    assert rules.RULES["article_dateline"] is rules.is_dateline


def test_a_signing_dateline_is_prose_and_a_dated_title_stays():
    signed = read_article(
        "# Règlement\n\nIl entre en vigueur.\n\nFait à Bruxelles, le 17 juillet 2026\n\nLe Président\n"
    )
    assert [s.heading for s in signed.sections] == ["Règlement"]
    assert "Fait à Bruxelles, le 17 juillet 2026" in signed.sections[0].text
    titled = read_article("# Règlement\n\nIntro.\n\nSommet le 17 juillet 2026\n\nLes Alliés ont adopté le plan.\n")
    assert [s.heading for s in titled.sections] == ["Règlement", "Sommet le 17 juillet 2026"]


# --------------------------------------------------------------------------- cjk_lead_in (sweep 18)

DESIGN_ZH = (
    "# 北约数据共享接口设计\n\n## 实现方案\n\n代码如下\n\n```python\nshare(x, allies)\n```\n\n"
    "相关的 API 如下所示\n\n- nato.share\n\n## 性能表现\n\n共享速度提高了一倍。\n"
)


def test_cjk_lead_in_is_no_title():
    for line in ("代码如下", "Pytorch中相关实现如下", "相关的 API 如下所示", "**具体样例如下**"):
        assert titles.ends_in_cjk_lead_in(line), line
    assert rules.RULES["cjk_lead_in"] is titles.ends_in_cjk_lead_in
    assert _headings(DESIGN_ZH) == ["北约数据共享接口设计", "实现方案", "性能表现"]
    assert "代码如下" in _prose(DESIGN_ZH) and "相关的 API 如下所示" in _prose(DESIGN_ZH)


def test_cjk_lead_in_near_misses():
    for line in ("性能表现", "如下图所示的架构", "北约峰会", "The code is as follows", "如下文"):
        assert not titles.ends_in_cjk_lead_in(line), line
    titled = "# 设计\n\n## 背景\n\n性能表现\n\n共享速度提高了一倍。\n\n## 性能表现如下\n\n速度翻倍。\n"
    assert _headings(titled) == ["设计", "背景", "性能表现", "性能表现如下"]  # a title alone; an ATX heading stays


# --------------------------------------------------------------------------- aligned_field (sweep 18)

ALIGNED = (
    "# Advisory EGI-SVG-2026-13\n\n## IDs AND CVSS SCORE\n\nNCIA ID : NCIA-2026-13\n    \n"
    "CVE ID     : CVE-2026-6387\n\nCVSS Score : 8.1\n\n## ACTIONS REQUIRED\n\nSites must update the client.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("CVE ID     : CVE-2026-6387", True), ("NCIA ID : NCIA-2026-13", True), ("Date : 16 mai 2026", True),
     # near misses: a label alone, four words before the colon, lowercase first, a colon glued on both sides
     ("Key measures :", False), ("The plan agreed in June : more troops", False), ("see below : x", False),
     ("Ratio 3:1", False)],
)  # fmt: skip
def test_aligned_field(text, expected):
    assert titles.is_field_line(text) is expected
    assert rules.RULES["aligned_field"] is titles.is_field_line


def test_aligned_fields_a_blank_line_apart_are_metadata_and_one_stays_the_title_rules():
    assert _headings(ALIGNED) == ["Advisory EGI-SVG-2026-13", "IDs AND CVSS SCORE", "ACTIONS REQUIRED"]
    assert "CVE ID : CVE-2026-6387" in _prose(ALIGNED)
    # near miss: one French headline with a spaced colon over a sentence stays a title (no field beside it)
    alone = "# Revue\n\nUkraine : les Alliés promettent plus d'aide\n\nLes ministres ont adopté un paquet.\n"
    assert _headings(alone) == ["Revue", "Ukraine : les Alliés promettent plus d'aide"]
