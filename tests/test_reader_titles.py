"""Heading rules of ``rules/titles.py``: a setext underline of autocorrected dashes, a heading framed by
hyphens, a title underlined with tildes no fence closes; each rule with its positive and near-miss cases.
Found by tests/shapes_corpus/741-765 (session 17, shapes16) and 816-835 (shapes19).
"""

from __future__ import annotations

import nato_briefs
from nato_briefs import read_article
from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import titles
from nato_briefs.reader.rules.titles import (
    blank_running_headers,
    numbered_headings,
    pipe_page_turn,
    spaced_field_neighbours,
    starred_heading,
)
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
