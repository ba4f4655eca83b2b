"""Round 11 part A rules (``rules/pipeline_text.py``, ``qp_escapes``, ``ocr_letters``, ``opens_byline``):
text as pipelines deliver it, each rule with its positive and near-miss cases. Found by tests/shapes_corpus/576-600.
"""

from __future__ import annotations

import pytest

from nato_briefs.headers import load_header_synonyms, map_headers, normalize_header
from nato_briefs.parse import parse_document
from nato_briefs.reader import rules, text
from nato_briefs.reader.lines import opens_byline
from nato_briefs.reader.rules import pipeline_text


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("SOURCE North Atlantic Treaty Organization", True),
        ("SOURCE NATO Support and Procurement Agency", True),
        ("SOURCES OF FUNDING", False),  # a capitals heading
        ("SOURCE CODE", False),
        ("Source Material", False),
        ("SOURCE", False),
    ],
)
def test_source_credit(line, credit):
    assert pipeline_text.is_source_credit(line) is credit


@pytest.mark.parametrize(
    ("line", "slug"),
    [
        ("AP-NATO-Ministers,0489", True),
        ("BC-EU-NATO-Defence Ministers", True),
        ("BC-EU--NATO-Ministers,0512", True),
        ("AP-NATO", False),  # no second part
        ("AP Interview: NATO chief on Ukraine", False),
        ("APPLE-PIE Recipes", False),
    ],
)
def test_agency_slug(line, slug):
    assert pipeline_text.is_agency_slug(line) is slug


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("2025-06-05 14:12:31.418 GMT", True),
        ("2025-06-05T14:12:31Z", True),
        ("2025-06-05 14:12 +02:00", True),
        ("2025-06-05", False),  # a date alone: the dated-entry and dateline rules decide
        ("2025-06-05 14:12 Ministers meet", False),
    ],
)
def test_clock_stamp(line, stamp):
    assert pipeline_text.is_clock_stamp(line) is stamp


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Jane Doe and John Roe", True),
        ("By A. Smith, B. Jones and C. Brown", True),
        ("By Jane Doe & John Roe", True),
        ("By Air and Sea", False),  # a title: one-word "names"
        ("By Land, Sea and Air", False),
        ("By Jane Doe", False),  # one author: byline_name's
        ("Bye Jane Doe and John Roe", False),
    ],
)
def test_joint_byline(line, byline):
    assert pipeline_text.is_joint_byline(line) is byline


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("By LORNE COOK", True),
        ("By Jane Doe and John Roe", True),
        ("by Jane Doe, the chair", False),  # lowercase: a sentence running on
        ("By the end of the year", False),
    ],
)
def test_opens_byline(line, opens):
    assert opens_byline(line) is opens


def test_headline_over_byline_fills_the_width_and_is_still_the_title():
    story = (
        "NATO ministers agree to speed up air defence deliveries to Ukraine\n"
        "By LORNE COOK\n"
        "BRUSSELS (AP) — Ministers agreed Thursday to speed up deliveries of air defense systems before winter.\n"
        "\n"
        "The ministers also endorsed new targets for the alliance's own forces in\n"
        "the east, officials said after the meeting in Brussels on Thursday.\n"
        "Defense Secretary Pete Hegseth did not attend the meeting in Brussels.\n"
    )
    assert parse_document(story).title == "NATO ministers agree to speed up air defence deliveries to Ukraine"


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("[05-Jun-25 10:42 AM] anna.k", True),
        ("[6 June 2025 10:42] Jane", True),
        ("[05-Jun-25] anna.k", False),  # no time
        ("[June 2025 update] Allies", False),
    ],
)
def test_dated_chat_stamp(line, stamp):
    assert pipeline_text.is_dated_chat_stamp(line) is stamp


@pytest.mark.parametrize(
    ("fields", "mail"),
    [
        (["From:", "NATO Press <press@example.org>"], True),
        (["Subject:", "Ministers meet"], True),
        (["From", "To"], False),  # a header row without colons: a table
        (["Date:", "05/06/2025", "Brussels"], False),  # three cells
        (["Priority Area:", "Air defence"], False),
    ],
)
def test_mail_header_fields(fields, mail):
    assert pipeline_text.is_mail_header_field(fields) is mail


def test_tab_laid_out_mail_fields_are_no_table():
    mail = "From:\tNATO Press\nTo:\tDelegations\nSubject:\tMobility\n\nAllies Agree Mobility Steps\n\nText.\n"
    doc = parse_document(mail)
    assert doc.tables == [] and doc.title == "Allies Agree Mobility Steps"
    sheet = "Country\tTroops\nPoland\t1000\nEstonia\t500\n"
    assert len(parse_document(sheet).tables) == 1


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("Text: <https://www.nato.int/x.htm|The Hague Summit Declaration>", "Text: The Hague Summit Declaration"),
        ("Write to <mailto:press@nato.int|the press office>.", "Write to the press office."),
        ("See <https://www.nato.int/x.htm> now", "See <https://www.nato.int/x.htm> now"),  # markdown's autolink
        ("a <b|c> d", "a <b|c> d"),  # no address
    ],
)
def test_chat_links(line, shown):
    assert pipeline_text.replace_chat_links(line) == shown


def test_chat_link_reads_as_its_text_in_prose():
    doc = parse_document("Intro.\n\nRead <https://www.nato.int/x.htm|the declaration> today.\n")
    assert doc.sections[0].text == "Intro.\n\nRead the declaration today."


BANNER = ["=" * 20, "Guild: Watchers", "Channel: news", "=" * 20, ""]


@pytest.mark.parametrize(
    ("lines", "i", "banner"),
    [
        (BANNER, 0, True),
        (BANNER, 3, True),
        (["Text.", "", *BANNER], 2, True),
        (["Intro", "", "=" * 20, "Exported 2 message(s)", "=" * 20, ""], 4, True),  # one line, nothing after it
        (["=" * 20, "Allies Agree Plan", "=" * 20, "", "Text."], 0, False),  # a reST title over its text
        (["Priorities", "=" * 12, "Text.", "Next", "=" * 12, ""], 1, False),  # two setext headings
        (["Priorities", "=" * 12, "Text.", "Next", "=" * 12, ""], 4, False),
        (["", "=====", "a", "b", "=====", ""], 1, False),  # too short a rule
        (["", "=" * 20, "a", "b", "-" * 20, ""], 1, False),  # different rules
    ],
)
def test_banner_rules(lines, i, banner):
    assert pipeline_text.is_banner_rule(lines, i) is banner


def test_exporter_banner_is_no_heading():
    export = "=" * 30 + "\nGuild: Watchers\nChannel: news\n" + "=" * 30 + "\n\n**Allies Agree Plan**\nText.\n"
    doc = parse_document(export)
    assert doc.title == "Allies Agree Plan"


@pytest.mark.parametrize(
    ("content", "unprefixed"),
    [
        (
            '<div xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:ul><xhtml:li>A</xhtml:li></xhtml:ul></div>',
            '<div xmlns:xhtml="http://www.w3.org/1999/xhtml"><ul><li>A</li></ul></div>',
        ),
        ('<p class="MsoNormal">Text<o:p></o:p></p>', '<p class="MsoNormal">Text<o:p></o:p></p>'),  # Office's own
        ('<x:ul xmlns:x="urn:other"><x:li>A</x:li></x:ul>', '<x:ul xmlns:x="urn:other"><x:li>A</x:li></x:ul>'),
    ],
)
def test_xhtml_prefix(content, unprefixed):
    assert pipeline_text.unprefixed_xhtml(content) == unprefixed


def test_many_xhtml_prefixes_are_dropped_in_one_pass():
    """A block binding 300 prefixes: each dropped where it stands, the block read once, not once per prefix."""
    from tests.counted_text import CountedText

    bindings = " ".join(f'xmlns:p{i}="http://www.w3.org/1999/xhtml"' for i in range(300))
    tags = "".join(f"<p{i}:p>x</p{i}:p>" for i in range(300))
    content = CountedText(f"<div {bindings}>{tags}<q:p>y</q:p></div>")
    out = pipeline_text.unprefixed_xhtml(content)
    assert out.count("<p>x</p>") == 300 and "<q:p>y</q:p>" in out  # an unbound prefix stays
    assert getattr(out, "read", 0) + content.read <= 2 * len(content)


@pytest.mark.parametrize(
    ("tag", "role", "level", "element"),
    [
        ("div", "table", None, "table"),
        ("div", "row", None, "tr"),
        ("span", "columnheader", None, "th"),
        ("span", "Cell", None, "td"),
        ("div", "listitem", None, "li"),
        ("div", "heading", "3", "h3"),
        ("div", "heading", None, "h2"),
        ("ul", "list", None, None),  # a list already
        ("table", "presentation", None, None),
        ("div", "navigation", None, None),
        ("div", None, None, None),
    ],
)
def test_aria_roles(tag, role, level, element):
    assert pipeline_text.aria_element(tag, role, level) == element


def test_aria_table_and_list_read_as_table_and_list():
    html = (
        '<div role="table"><div role="row"><span role="columnheader">Area</span><span role="columnheader">Focus'
        '</span></div><div role="row"><span role="cell">Cyber</span><span role="cell">Sharing</span></div></div>\n'
        '<div role="list"><div role="listitem">Sensors: radars</div><div role="listitem">Ships</div></div>\n'
    )
    doc = parse_document(html)
    tables = [(t.headers, [r.cells for r in t.rows]) for t in doc.tables]
    assert tables == [(["Area", "Focus"], [["Cyber", "Sharing"]])]
    assert [item.text for item in doc.items] == ["Sensors: radars", "Ships"]
    near = parse_document('<div role="navigation"><div>Home</div><div>News</div></div>\n')
    assert near.tables == [] and near.items == []


ROWS = ["Air Defence          Batteries          Protection", "Space                Satellites         Warning"]
FURNITURE = {"https://www.nato.int/news.htm                 1/2", "6/5/25, 2:31 PM            Allies agree - NATO"}


@pytest.mark.parametrize(
    ("lines", "resume"),
    [
        (["", "https://www.nato.int/news.htm                 1/2", "", ROWS[1]], 3),
        (["", *sorted(FURNITURE), "", ROWS[1]], 4),
        (["", ROWS[1]], None),  # a blank line alone ends the table
        (["", "https://www.nato.int/news.htm                 1/2", "", "Next steps"], None),  # no row after it
        (["", "Leaders met on Monday.", ROWS[1]], None),  # prose is no furniture
        (["", "https://www.nato.int/news.htm                 1/2", *[""] * 9, ROWS[1]], 11),  # within the window
        (["", "https://www.nato.int/news.htm                 1/2", *[""] * 10, ROWS[1]], None),  # past it
    ],
)
def test_page_turn(lines, resume):
    found = pipeline_text.after_page_turn(lines, 0, lambda line: line in ROWS, lambda line: line in FURNITURE)
    assert found == resume


def test_aligned_table_goes_on_after_a_page_turn():
    page = (
        "Priorities\n\nPriority Area        Key Focus          Expected Outcome\n"
        "Air Defence          Batteries          Protection\nMissile Defence      Radars             Detection\n\n"
        "https://www.nato.int/news.htm                                  1/2\n\n"
        "6/5/25, 2:31 PM                Allies agree new targets - NATO\n\n"
        "Space                Satellites         Warning\nCyber                Sharing            Detection\n\n"
        "Next steps\n"
    )
    assert [len(t.rows) for t in parse_document(page).tables] == [4]
    two_tables = page.replace("https://www.nato.int/news.htm                                  1/2\n\n", "").replace(
        "6/5/25, 2:31 PM                Allies agree new targets - NATO\n\n", ""
    )
    assert [len(t.rows) for t in parse_document(two_tables).tables] != [4]  # no page turn: the blank line ends it


CELLS = ["Priority Area", "Key Focus", "Expected Outcome", "Pipelines", "Seabed sensors", "Early warning"]


@pytest.mark.parametrize(
    ("lines", "rows"),
    [
        ([*CELLS, ""], [CELLS[:3], CELLS[3:]]),
        ([*CELLS, "Grids", "Backup", "Fewer cuts"], [CELLS[:3], CELLS[3:], ["Grids", "Backup", "Fewer cuts"]]),
        ([*CELLS, "Grids", ""], None),  # a row short
        ([*CELLS[:3], ""], None),  # a header alone
        (["Tallinn", "Riga", "Vilnius", "Warsaw", ""], None),  # short lines naming no role
        ([*CELLS, "Leaders will check progress in 2027 and report to the summit in The Hague next year.", ""], None),
        ([*CELLS, *CELLS[:3], "a", "b", "c", ""], None),  # another header's words in the run
    ],
)
def test_cell_lines(lines, rows):
    found = pipeline_text.cell_line_table(lines, 0)
    assert (None if found is None else [cells for cells, _ in found[0]]) == rows


def test_cell_line_table_under_its_title():
    doc = parse_document("Intro.\n\nPriorities\n" + "\n".join(CELLS) + "\n\nNext\n\nText.\n")
    assert [s.heading for s in doc.sections] == [None, "Priorities", "Next"]
    assert [r.cells for t in doc.tables for r in t.rows] == [CELLS[3:]]


@pytest.mark.parametrize(
    ("source", "decoded"),
    [
        (
            "Content-Transfer-Encoding: quoted-printable\n\nPriorities=20\nUkraine=E2=80=99s =3D x\n",
            "Content-Transfer-Encoding: quoted-printable\n\nPriorities \nUkraine’s = x\n",
        ),
        ("Content-Transfer-Encoding: quoted-printable\n\nair def=\nence=FF\n", None),  # soft break, no UTF-8: kept
        ("Priorities=20\nE=3DMC2\n", None),  # no declaration: not mail
        ("We discussed quoted-printable mail.\nPriorities=20\n", None),  # the words in a sentence
        (  # the header in mixed case, as some mail clients write it
            "Content-Transfer-Encoding: quoted-Printable\n\nUkraine=E2=80=99s\n",
            "Content-Transfer-Encoding: quoted-Printable\n\nUkraine’s\n",
        ),
        ("Our client sends Quoted-Printable bodies.\nUkraine=E2=80=99s\n", None),  # near miss: prose naming it
        (  # an escaped line break is a space: the line breaks are the source's (records point into its lines)
            "Content-Transfer-Encoding: quoted-printable\n\nA=0D=0AB=E2=80=A8C=0Ad\n",
            "Content-Transfer-Encoding: quoted-printable\n\nA  B C d\n",
        ),
    ],
)
def test_qp_escapes(source, decoded):
    assert text.decode_qp_escapes(source) == (source if decoded is None else decoded)


def test_escaped_line_breaks_move_no_record():
    head = "Content-Transfer-Encoding: quoted-printable\n\nAllies Agree=0A=0APlan\n\n"
    mail = head + "Text=0A.\n" * 50 + "- Patrols\n"
    doc = parse_document(mail)
    assert [item.line for item in doc.items] == [55]  # the item's line in the mail as saved
    assert doc.n_lines == len(mail.split("\n")) - 1


def test_a_mixed_case_qp_declaration_is_decoded_in_the_document():
    mail = "Subject: Plan\nContent-Transfer-Encoding: Quoted-printable\n\nUkraine=E2=80=99s allies met=2E\n"
    assert "Ukraine’s allies met." in parse_document(mail).sections[-1].text


@pytest.mark.parametrize(
    ("header", "normalized"),
    [
        ("Expected 0utcome", "expected outcome"),
        ("Ro1e", "role"),
        ("Pri0rity Area", "priority area"),
        ("A400M Fleet", "a400m fleet"),  # other digits: a name
        ("Phase 1", "phase"),
        ("Outcome (2030)", "outcome"),
    ],
)
def test_ocr_letters(header, normalized):
    assert normalize_header(header) == normalized


def test_ocr_header_maps_and_a_model_number_does_not_become_a_role():
    synonyms = load_header_synonyms()
    assert map_headers(["Priority Area", "Key Focus", "Expected 0utcome"], synonyms) == (0, 1, 2)
    assert map_headers(["Area", "Focus", "F-35 0rder"], synonyms) is None


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Begin forwarded message:", True),
        ("Begin Forwarded Message", True),
        ("Begin the forwarded plan", False),
    ],
)
def test_forwarded_message_lead_is_furniture(line, furniture):
    assert rules.is_furniture(line) is furniture


@pytest.mark.parametrize(
    ("line", "sign_off"),
    [
        ("To contact the reporters on this story:", True),
        ("To contact the editor responsible for this story:", True),
        ("To contact the reporters on this story", False),  # no colon: no contact block opens
        ("To contact NATO about the story:", False),
    ],
)
def test_wire_contact_lines_are_sign_offs(line, sign_off):
    assert rules.is_sign_off(line) is sign_off


# --------------------------------------------------------------------------- mail_header_table (session 19, shapes23)


def test_mail_header_table_is_prose_and_leaves_the_title():
    html = (
        "<p>FYI.</p>\n<table class=\"moz-email-headers-table\"><tr><th>Subject: </th><td>Story</td></tr>"
        "<tr><th>Date: </th><td>Tue, 10 Mar 2026</td></tr><tr><th>From: </th><td>Press</td></tr></table>\n"
        "<h1>NATO Allies Agree Drone Plan</h1>\n<p>Allies met.</p>\n"
    )
    doc = parse_document(html)
    assert doc.title == "NATO Allies Agree Drone Plan" and doc.tables == []
    assert "Subject: Story" in doc.sections[0].text


def test_mail_header_table_near_misses():
    assert pipeline_text.is_mail_header_table([["Subject:", "Story"]]) is False  # one row
    assert pipeline_text.is_mail_header_table([["Subject:", "Story"], ["Area:", "Air"]]) is False  # a data row
    assert pipeline_text.is_mail_header_table([["Subject:", "Story", "x"], ["Date:", "Tue", "y"]]) is False
    html = "<table><tr><th>Area:</th><td>Air</td></tr><tr><th>Focus:</th><td>Jets</td></tr></table>\n"
    assert len(parse_document(html).tables) == 1


# --------------------------------------------------------------------------- teleprinted wire header (shapes26)
def test_teleprinter_header():
    assert pipeline_text.is_teleprinter_header("ZCZC", "")
    assert pipeline_text.is_teleprinter_header("ANS0423 3 EST 0 ZCZ", "ZCZC")


def test_teleprinter_header_near_misses():
    assert not pipeline_text.is_teleprinter_header("ANS0423 3 EST 0 ZCZ", "Allies met.")  # not under ZCZC
    assert not pipeline_text.is_teleprinter_header("NATO Allies Agree Priorities", "ZCZC")  # the headline
    assert not pipeline_text.is_teleprinter_header("ZCZC please", "")


def test_one_line_teleprinter_header():
    """shapes30 (1083): the mark and the story's codes on one line, over the headline."""
    assert pipeline_text.is_teleprinter_header("ZCZC BRU123 4 NATO", "")
    assert pipeline_text.is_teleprinter_header("ZCZC\tANS0423 3 EST 0 ZCZ", "")
    doc = parse_document("ZCZC BRU123 4 NATO\nNATO ALLIES AGREE PRIORITIES\n\nALLIES MET ON MONDAY.\n")
    assert [s.heading for s in doc.sections if s.heading] == ["NATO ALLIES AGREE PRIORITIES"]


def test_one_line_teleprinter_header_near_misses():
    assert not pipeline_text.is_teleprinter_header("ZCZC NATO Allies Agree Priorities", "")  # words, no codes
    assert not pipeline_text.is_teleprinter_header("ZCZCBRU123 4 NATO", "")  # no space after the mark
    assert not pipeline_text.is_teleprinter_header("ZCZC " + "AB12 " * 13, "")  # codes past 60 characters
    doc = parse_document("ZCZC THE CODE WORD\n\nAllies met on Monday.\n")
    assert [s.heading for s in doc.sections if s.heading] == ["ZCZC THE CODE WORD"]



def test_notebook_prompt():
    """``notebook_prompt`` (shapes30, 1096): an IPython prompt and its code are no heading, even over a table."""
    assert pipeline_text.is_prompt_line("In [3]: print(df.to_string())")
    assert pipeline_text.is_prompt_line("Out[12]: ")
    assert pipeline_text.is_prompt_line("In [ ]:")
    text = "Allies Agree\n\nAllies met.\n\nIn [3]: df.head()\n| Area | Focus |\n|---|---|\n| Air | Jets |\n"
    assert [s.heading for s in parse_document(text).sections if s.heading] == ["Allies Agree"]


@pytest.mark.parametrize("line", ["In [Brussels]: Allies met", "In 2025: Allies met", "In [3] the Allies", "Out[3]x"])
def test_notebook_prompt_near_misses(line):
    assert not pipeline_text.is_prompt_line(line)


def test_teleprinted_story_headline_is_the_title():
    text = "ZCZC\nANS0423 3 EST 0 ZCZ\nNATO Allies Agree Priorities\n(ANSA) - ROME, DEC 1 - Allies met.\n"
    headings = [s.heading for s in parse_document(text).sections if s.heading]
    assert headings == ["NATO Allies Agree Priorities"]
