"""Round 5's line rules (nato_briefs/reader/rules/boilerplate.py), each with a positive and a near miss,
and the segmentation steps that apply them, read through ``parse_document``.

Found by tests/shapes_corpus/250-311 (press releases, wire copy, web page copies, classified reports,
Jira, org-mode, WordPress and typewritten text).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.parse import parse_document
from nato_briefs.reader import rules
from nato_briefs.reader.rules import boilerplate


def headings(doc):
    return [s.heading for s in doc.sections if s.heading is not None]


def prose(doc):
    return "\n".join(s.text for s in doc.sections)


# --------------------------------------------------------------------------- never titles (data)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Skip to main content", True), ("NATO UNCLASSIFIED", True), ("**ENDS**", True), ("WEBVTT", True),
     ("PUBLICLY DISCLOSED - PDN(2025)0003 - MIS EN LECTURE PUBLIQUE", True), ("Menu", True),
     # near misses: a title holding a furniture word, a longer phrase, a long line
     ("Menu of Options for Air Defence", False), ("Search and Rescue", False), ("NATO Unclassified Report", False),
     ("Skip to main content " + "x" * 120, False)],
)  # fmt: skip
def test_furniture(line, expected):
    assert rules.is_furniture(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("View this email in your browser", True), ("Forward to a friend", True), ("Update your preferences", True),
     ("Unsubscribe from this list", True), ("**Unsubscribe**", True),
     # near misses: a title opening with the same words
     ("View from Brussels", False), ("Forward Presence in the East", False), ("Update on the Summit", False)],
)  # fmt: skip
def test_newsletter_chrome_is_furniture(line, expected):
    assert rules.is_furniture(line) is expected


def test_the_title_under_a_newsletter_header_link():
    doc = parse_document("View this email in your browser\n\nNATO Review Weekly\n\nText.\n\nForward to a friend\n")
    assert headings(doc) == ["NATO Review Weekly"] and "Forward to a friend" in prose(doc)


def test_furniture_wordings_are_data(tmp_path):
    path = tmp_path / "furniture.yaml"
    path.write_text("lines: [Situation Room Feed]\nprefixes: [classified by]\nsign_offs: [cheers]\n", encoding="utf-8")
    data = boilerplate.load_furniture(path)
    assert "situation room feed" in data.lines and data.prefixes == ("classified by",) and "cheers" in data.sign_offs


def test_release_chrome_and_share_wordings_are_data(tmp_path):
    path = tmp_path / "furniture.yaml"
    path.write_text("release_labels: [For Release Upon Delivery]\npage_chrome: [Subscribe]\nshare_bars: [Pass it on]\n")
    data = boilerplate.load_furniture(path)
    assert "for release upon delivery" in data.release_labels and "subscribe" in data.page_chrome
    assert "pass it on" in data.share_bars and not data.lines


@pytest.mark.parametrize("kind", ["release_labels", "page_chrome", "share_bars"])
def test_every_shipped_wording_is_read_as_its_kind(kind):
    rule = {"release_labels": rules.is_release_label, "page_chrome": rules.is_page_chrome,
            "share_bars": rules.is_share_bar}[kind]  # fmt: skip
    wordings = getattr(boilerplate.load_furniture(), kind)
    assert wordings
    for wording in wordings:
        # a bare "share" is a button only before its colon; every other wording stands alone too
        assert rule(wording.upper() + ":"), wording
        assert rule(wording + " of the 2026 Summit Plan") is False, wording  # a title that opens with it


@pytest.mark.parametrize(
    ("line", "expected"),
    [("NATO-SUMMIT/SPENDING (UPDATE 2)", True), ("UKRAINE-CRISIS/NATO", True),
     # near misses: no slash, lowercase, a title with a slash between words
     ("COVID-19", False), ("nato-summit/spending", False), ("Allies / Partners", False)],
)  # fmt: skip
def test_wire_slug(line, expected):
    assert rules.is_wire_slug(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Home > News > Press releases", True), ("Home › Newsroom", True), ("Home / Topics / Air defence", True),
     # near misses: a title starting with "Home", a title with ">" elsewhere
     ("Home Guard Reform", False), ("Defence > Deterrence", False)],
)  # fmt: skip
def test_breadcrumb(line, expected):
    assert rules.is_breadcrumb(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Allies met.[1] More troops will follow.[2]", True), ('He said "ready."[3][4]', True),
     # near misses: a reference not after a stop, a title ending in a bracketed number
     ("Forces in the region[1]", False), ("Annex [2]", False)],
)  # fmt: skip
def test_ends_in_endnote_ref(line, expected):
    assert rules.ends_in_endnote_ref(line) is expected


def test_lines_under_furniture_open_a_title():
    text = "Skip to main content\nHome > News\nAllies Strengthen Cyber Defence\nShare\n\nAllies agreed.\n"
    doc = parse_document(text)
    assert headings(doc) == ["Allies Strengthen Cyber Defence"]
    assert "Skip to main content" in prose(doc) and "Share" in prose(doc)


def test_classification_markings_are_prose_not_headings():
    doc = parse_document("NATO UNCLASSIFIED\n\nAnnual Report\n\nThe Committee met.\n\nNATO UNCLASSIFIED\n")
    assert doc.title == "Annual Report" and headings(doc) == ["Annual Report"]
    assert "NATO UNCLASSIFIED" in prose(doc)


# --------------------------------------------------------------------------- contact blocks


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Kind regards,", True), ("For further information, please contact:", True), ("Media contact:", True),
     # near misses: no closing comma or colon, a sentence, a heading
     ("Kind regards", False), ("Contact the desk for more information:", False), ("Contacts", False)],
)  # fmt: skip
def test_sign_off(line, expected):
    assert rules.is_sign_off(line) is expected


def test_a_contact_block_is_prose():
    doc = parse_document("Priorities\n\nText.\n\nFor more information:\nMedia Relations\n+32 2 707 5041\n")
    assert headings(doc) == ["Priorities"] and "Media Relations +32 2 707 5041" in prose(doc)


def test_a_sign_off_may_have_a_blank_line_before_the_name():
    doc = parse_document("Readout\n\nText.\n\nKind regards,\n\nJohn Smith\nHead of Section\n")
    assert headings(doc) == ["Readout"] and "John Smith Head of Section" in prose(doc)


def test_a_sign_off_over_a_list_or_a_second_paragraph_starts_no_contact_block():
    doc = parse_document("Readout\n\nFor more information:\n- Docs: the handbook\n")
    assert [item.text for item in doc.items] == ["Docs: the handbook"]
    doc = parse_document("Readout\n\nKind regards,\n\nJohn Smith\n\nAnnex\n\nThe annex text.\n")
    assert headings(doc) == ["Readout", "Annex"]


# --------------------------------------------------------------------------- markup, not text


@pytest.mark.parametrize(
    ("line", "expected"),
    [("[TOC]", True), ("[[_TOC_]]", True), ("  {{toc}}", True),
     # near misses: a link, a sentence naming the marker
     ("[TOC](#toc)", False), ("Use [TOC] here", False)],
)  # fmt: skip
def test_markup_marker(line, expected):
    assert rules.is_markup_marker(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("*[NCIA]: NATO Communications and Information Agency", True), ("*[HTML]:", True),
     # near misses: an item with a link, emphasis
     ("* [NCIA](https://ncia.nato.int): the agency", False), ("*[NCIA] is an agency*", False)],
)  # fmt: skip
def test_abbreviation(line, expected):
    assert rules.is_abbreviation(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [(":PROPERTIES:", True), (":ID:       7f3a-22", True), (":END:", True),
     # near misses: a definition marker, a time, a sentence with colons
     (": a definition", False), ("12:30", False), ("Note: the plan: agreed", False)],
)  # fmt: skip
def test_org_drawer_line(line, expected):
    assert rules.is_org_drawer_line(line) is expected


def test_org_drawers_only_in_org_documents():
    org = "#+TITLE: Plan\n\n* Plan\n:PROPERTIES:\n:ID: 1\n:END:\nAllies agreed.\n"
    assert "PROPERTIES" not in prose(parse_document(org))
    assert ":ID: 1" in prose(parse_document("Plan\n\nAllies agreed.\n:ID: 1\n"))


@pytest.mark.parametrize(
    ("line", "expected"),
    [("{panel:title=Summary}", "Summary"), ("{panel}", ""), ("{noformat}", ""),
     ("{panel:bgColor=#eee|title=Key}", "Key"),
     # near misses: a template tag, a sentence in braces, text after the macro
     ("{{ site.title }}", None), ("{the plan}", None), ("{info} The figures", None)],
)  # fmt: skip
def test_jira_macro(line, expected):
    assert rules.jira_macro(line) == expected


def test_jira_macros_only_in_wiki_documents():
    wiki = "h1. Notes\n\n{panel:title=Summary}\nLeaders agreed.\n{panel}\n"
    doc = parse_document(wiki)
    assert "{panel" not in prose(doc) and "Summary" in prose(doc) and headings(doc) == ["Notes"]
    assert "{panel}" in prose(parse_document("Notes\n\nLeaders agreed.\n{panel}\n"))


@pytest.mark.parametrize(
    ("line", "expected"),
    [('[caption id="a" width="800"]<img src="x.jpg" /> Troops arrive[/caption]', '<img src="x.jpg" /> Troops arrive'),
     ("[embed]https://example.org/v[/embed]", "https://example.org/v"),
     # near misses: no closing tag, a footnote number, BBCode-like text without its opener
     ("[caption] Troops arrive", "[caption] Troops arrive"), ("Allies met.[1]", "Allies met.[1]"),
     ("text[/b] more", "text[/b] more")],
)  # fmt: skip
def test_strip_shortcodes(line, expected):
    assert rules.strip_shortcodes(line) == expected


# --------------------------------------------------------------------------- headings and tables


@pytest.mark.parametrize(
    ("line", "expected"),
    [("##Priorities", "## Priorities"), ("#Allies Agree Drone Plan", "# Allies Agree Drone Plan"),
     ("###Next steps", "### Next steps"),
     # near misses: a hashtag, hashtags, a lowercase word, a number, an org keyword
     ("#NATO", None), ("#NATO #Summit", None), ("##priorities", None), ("#1 Priority", None), ("#+TITLE: x", None),
     # shapes28: a closing run as long as the opening one; near misses: a shorter or longer one,
     # a one-word hashtag closed
     ("##Priorities##", "## Priorities"), ("###Key initiatives ###", "### Key initiatives"),
     ("#Allies Agree Drone Plan#", "# Allies Agree Drone Plan"), ("##Support for C#", None), ("##Priorities###", None),
     ("#NATO#", None)],
)  # fmt: skip
def test_atx_without_space(line, expected):
    assert rules.atx_without_space(line) == expected


def test_tight_atx_headings_are_headings():
    doc = parse_document("#Allies Agree Drone Plan\n\nText.\n\n##Priorities\n\nMore text.\n\n#NATO\n")
    assert headings(doc) == ["Allies Agree Drone Plan", "Priorities"] and "#NATO" in prose(doc)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("|—|—|—|", "|---|---|---|"), ("| –––– | :—: |", "| ------------ | :---: |"),
     # near misses: cells with words, one cell, a plain delimiter row
     ("| — | text |", None), ("|—|", None), ("|---|---|", None)],
)  # fmt: skip
def test_dash_delimiter(line, expected):
    assert rules.dash_delimiter(line) == expected


def test_a_typed_dash_delimiter_row_is_no_body_row():
    doc = parse_document("| Priority Area | Key Focus |\n|—|—|\n| Training | Courses |\n")
    assert doc.tables[0].headers == ["Priority Area", "Key Focus"]
    assert [row.cells for row in doc.tables[0].rows] == [["Training", "Courses"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("VILNIUS, Lithuania -- NATO allies pledged more troops on", True),
     # near misses: code, a short line, lowercase
     ("The value = compute(x); print it now", False), ("Allies met today", False),
     ("the allies pledged more troops on", False)],
)  # fmt: skip
def test_indented_paragraph_start(text, expected):
    assert rules.is_indented_paragraph_start(text) is expected


def test_indented_text_in_plain_text_is_not_code():
    text = "                PRIORITIES\n\n     The Council met today to discuss recent damage\nto undersea cables.\n"
    doc = parse_document(text)
    assert headings(doc) == ["PRIORITIES"]
    assert "The Council met today to discuss recent damage to undersea cables." in prose(doc)


def test_indented_code_stays_code():
    readme = "Install\n\n    pip install nato-briefs\n\nRun\n\n        Hello World\n\n```\nx\n```\n"
    doc = parse_document(readme)
    assert "pip install" not in prose(doc) and "Hello World" not in prose(doc)
    doc = parse_document("Install\n\n    Then Run The Tool With This Command\n    and this one\n")
    assert "Then Run" not in prose(doc)  # the next line is indented too: a code block


@settings(max_examples=60)
@given(st.text(alphabet=st.sampled_from("#|—–-:[]*{}/ >Ha1\n"), max_size=80))
def test_round_5_rules_never_raise(line):
    for rule in (rules.is_furniture, rules.is_wire_slug, rules.is_breadcrumb, rules.ends_in_endnote_ref):
        assert rule(line) in (True, False)
    assert rules.atx_without_space(line) in (None,) or rules.atx_without_space(line).startswith("#")
    assert rules.strip_shortcodes(line).count("\n") == line.count("\n")
    assert rules.dash_delimiter(line) is None or "-" in rules.dash_delimiter(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [('<font size="4"><b>Priorities</b></font><br>', "**Priorities**"), ("<b><u>Next Steps</u></b>", "**Next Steps**"),
     # near misses: text outside the bold, no bold, another tag, a link
     ("<b>Priorities</b> for 2025", None), ('<font size="4">Priorities</font>', None), ("<img src=x> <b>T</b>", None),
     ('<a href="x"><b>Priorities</b></a>', None)],
)  # fmt: skip
def test_inline_html_bold(line, expected):
    assert rules.inline_html_bold(line) == expected


def test_an_inline_html_bold_line_is_a_heading():
    doc = parse_document('<p>Ministers agreed.</p>\n<font size="4"><b>Priorities</b></font><br>\n<p>Text.</p>\n')
    assert headings(doc) == ["Priorities"]


_RECORDS = ["Priority Area: Cyber", "Key Focus: Sharing", "", "Priority Area: Training", "Key Focus: Courses", ""]


def test_record_blocks():
    rows, end = rules.record_blocks(_RECORDS, 0)
    assert rows == [(["Priority Area", "Key Focus"], 1), (["Cyber", "Sharing"], 1), (["Training", "Courses"], 4)]
    assert end == 4


@pytest.mark.parametrize(
    "lines",
    [_RECORDS[:3],  # one block: a field list
     ["Area: Cyber", "Focus: Sharing", "", "Area: Training", "Outcome: Staff"],  # other labels
     ["Area: Cyber", "Focus: Sharing", "Allies agreed.", "", "Area: Training", "Focus: Courses"],  # prose under it
     ["Area: Cyber", "", "Area: Training", ""],  # one field a block
     ["From: Jane", "From: John", "", "From: Ann", "From: Bob"]],  # a label twice
)  # fmt: skip
def test_record_blocks_near_misses(lines):
    assert rules.record_blocks(lines, 0) is None


def test_record_blocks_are_a_table():
    doc = parse_document("Priorities\n\n" + "\n".join(_RECORDS) + "\nAllies agreed.\n")
    assert doc.tables[0].headers == ["Priority Area", "Key Focus"]
    rows = [(row.cells, row.line) for row in doc.tables[0].rows]
    assert rows == [(["Cyber", "Sharing"], 3), (["Training", "Courses"], 6)]
    assert "Allies agreed." in prose(doc)


def test_record_blocks_indented_like_a_table_are_a_table():
    """shapes28 (probe t3): an e-mail's record blocks indented two spaces, their values aligned, are the table."""
    lines = ["  " + line if line else "" for line in _RECORDS]
    rows, end = rules.record_blocks(lines, 0)
    assert rows == [(["Priority Area", "Key Focus"], 1), (["Cyber", "Sharing"], 1), (["Training", "Courses"], 4)]
    assert end == 4
    text = "Priorities:\n\n  Area:    Cyber\n  Focus:   Sharing\n  Outcome: Faster\n\n"
    text += "  Area:    Training\n  Focus:   Courses\n  Outcome: Skills\n\nAllies agreed.\n"
    doc = parse_document(text)
    assert [(row.cells, row.line) for row in doc.tables[0].rows] == [
        (["Cyber", "Sharing", "Faster"], 3),
        (["Training", "Courses", "Skills"], 7),
    ]


@pytest.mark.parametrize(
    "lines",
    [["    Area: Cyber", "    Focus: Sharing", "", "    Area: Training", "    Focus: Courses"],  # four: indented code
     ["  Area: Cyber", "    Focus: Sharing", "", "  Area: Training", "    Focus: Courses"],  # ragged: no block
     ["  Area: Cyber", "Focus: Sharing", "", "  Area: Training", "Focus: Courses"]],
)  # fmt: skip
def test_record_blocks_indented_near_misses(lines):
    assert rules.record_blocks(lines, 0) is None


# --------------------------------------------------------------------------- sign_off_lines (session 19, shapes22)

OWA_SIGNATURE = """<div>The chiefs will meet again in the autumn.</div>
<div><br></div>
<div>Best regards,</div>
<div>Anna Berg</div>
<div>Press Officer</div>
"""


def test_sign_off_lines_are_no_titles():
    doc = parse_document(OWA_SIGNATURE)
    assert [s.heading for s in doc.sections if s.heading is not None] == []
    assert "Anna Berg" in "\n".join(s.text for s in doc.sections)
    assert boilerplate.signs_off(["Allies met.", "Kind regards,", "Anna Berg"])


def test_sign_off_lines_near_misses():
    # a sentence after the signer's block ends it: a title line below is a title again
    titled = (
        "<div>Best regards,</div>\n<div>Anna</div>\n<div>The forces will deploy next week as agreed.</div>\n"
        "<div>Baltic Air Policing</div>\n<div>Jets rotate every four months.</div>\n"
    )
    assert [s.heading for s in parse_document(titled).sections if s.heading is not None] == ["Baltic Air Policing"]
    assert not boilerplate.signs_off(["Kind regards,", "Anna", "The forces will deploy next week as agreed."])
    assert boilerplate.signs_off(["Kind regards,", "Anna"])  # still the signer's block below the name
    lines = "<div>Allies met in Riga.</div>\n<div>Baltic Air Policing</div>\n<div>Jets rotate every month.</div>\n"
    assert [s.heading for s in parse_document(lines).sections if s.heading is not None] == ["Baltic Air Policing"]


# --------------------------------------------------------------------------- tab_indented_text (session 19, shapes22)

WIRE = (
    "Allies Expand Air Policing\n\n"
    "\tBRUSSELS (AP) -- NATO allies agreed on Tuesday to expand air\n"
    "policing over the Baltic states after a rise in Russian flights.\n\n"
    "Key initiatives\n\n"
    "- Air Policing: more jets from April\n"
    "- Air base upgrades: new shelters\n\n"
    "\tThe ministers will meet again in October to review the plan.\n"
)


def test_tab_indented_text_opens_paragraphs():
    doc = parse_document(WIRE)
    prose = "\n".join(s.text for s in doc.sections)
    assert "BRUSSELS (AP) -- NATO allies agreed on Tuesday to expand air policing" in prose
    assert "The ministers will meet again in October" in prose
    assert [item.text for item in doc.items] == [
        "Air Policing: more jets from April",
        "Air base upgrades: new shelters",
    ]
    assert boilerplate.paragraph_indent("\tBRUSSELS (AP) -- NATO allies") == 4
    assert boilerplate.paragraph_indent("    NATO allies") == 4


def test_tab_indented_text_near_misses():
    assert boilerplate.paragraph_indent("\tArea\tFocus\tOutcome") is None  # a tab-separated row
    assert boilerplate.paragraph_indent("\t  NATO allies") is None
    # no paragraph opened so above: a tab-indented line after a list and a blank stays the item's paragraph
    markdown = "Intro.\n\n- Air Policing: more jets\n\n\tThe rotation starts in April with four jets.\n"
    items = parse_document(markdown).items
    assert items[0].text.startswith("Air Policing: more jets")
    assert "The rotation starts in April" in items[0].text


# --------------------------------------------------------------------------- wire headline labels (shapes26)
@pytest.mark.parametrize(
    ("line", "expected"),
    [("UPDATE 1-NATO Allies Agree Priorities", "NATO Allies Agree Priorities"),
     ("REFILE-UPDATE 2-Allies agree plan", "Allies agree plan"), ("CORRECTED-NATO to add ships", "NATO to add ships")],
)
def test_wire_headline_prefix(line, expected):
    assert boilerplate.wire_headline_prefix(line) == expected


@pytest.mark.parametrize(
    "line", ["FACTBOX-What is in NATO's plan", "UPDATE - NATO allies agree", "Update-proof systems", "UPDATE 1-"]
)
def test_wire_headline_prefix_near_misses(line):
    assert boilerplate.wire_headline_prefix(line) is None


def test_wire_headline_prefix_leaves_the_title():
    text = "UPDATE 1-NATO Allies Agree Priorities\n\nBRUSSELS, Dec 1 (Reuters) - Allies met.\n"
    assert [s.heading for s in parse_document(text).sections if s.heading] == ["NATO Allies Agree Priorities"]
