"""Tests of the rules in ``nato_briefs/reader/rules/exported_pages.py``: each rule's positive and near-miss cases."""

from __future__ import annotations

import pytest

from nato_briefs.reader import rules
from nato_briefs.reader.rules import exported_pages


# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
@pytest.mark.parametrize(
    ("line", "nxt", "expected"),
    [("What are the rules?", "-------------------", True), ("Allies met.", "===========", True),
     ("How are the rules enforced?", "   ---------------------------  ", True),
     # near misses: a short rule, one dash more, an underline of other characters, too short a line
     ("Allies met on Monday.", "---", False), ("What are the rules?", "--------------------", False),
     ("What are the rules?", "*******************", False), ("Ok", "--", False), ("What?", "-- --", False)],
)  # fmt: skip
def test_underline_matches(line, nxt, expected):
    assert rules.underline_matches(line, nxt) is expected


def test_a_question_over_an_underline_of_its_length_is_a_heading_and_a_short_rule_stays_a_rule():
    from nato_briefs import read_article

    faq = read_article("# Rules\n\nIntro.\n\nWhat are the rules?\n-------------------\n\nShare nothing classified.\n")
    assert [s.heading for s in faq.sections] == ["Rules", "What are the rules?"]
    ruled = read_article("# Rules\n\nIntro.\n\nStaff met in Mons on Friday to agree the rules.\n---\n\nText.\n")
    assert [s.heading for s in ruled.sections] == ["Rules"]
    assert "Staff met in Mons on Friday to agree the rules." in ruled.sections[0].text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("All URIs are relative to *https://api.example.org/v1*", True),
     ("“Portal” means the portal at [**https://portal.example.org**](https://portal.example.org)", True),
     ("See [https://nato.int](https://nato.int)", True), ("Base URL: _http://localhost:8080_", True),
     # near misses: a link with words for text, no scheme, a scheme that is not a URL's
     ("[Exercise Calendar](https://example.org/calendar)", False), ("*api.example.org*", False),
     ("Read the [guide](https://x.org) first", False), ("Notes on *https* and TLS", False)],
)  # fmt: skip
def test_shows_url(text, expected):
    assert rules.shows_url(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("([PR #759](https://github.com/org/repo/pull/759))", True), (" ([Source](https://nato.int)) ", True),
     # near misses: a link line, plain parentheses (``is_parenthetical``), two asides, text after the aside
     ("[Exercise Calendar](https://example.org/calendar)", False), ("(Reporting by Jane Smith)", False),
     ("([a](x)) and ([b](y))", False), ("([PR #759](https://x.org)) fixed the dates", False)],
)  # fmt: skip
def test_is_parenthetical_link_line(text, expected):
    assert rules.is_parenthetical_link_line(text) is expected


@pytest.mark.parametrize(
    ("line", "nxt", "expected"),
    [("LY Corporation  ", "Attn: Privacy Policy  ", True), ("Chief Data Officer   ", "Ops", True),
     ("Allies  ", "  indented", True),
     # near misses: nothing below, one space, no trailing space, white space only
     ("Key Dates  ", "", False), ("Key Dates  ", "   ", False), ("Key Dates ", "Text.", False),
     ("Key Dates", "Text.", False), ("    ", "Text.", False)],
)  # fmt: skip
def test_ends_in_space_break(line, nxt, expected):
    assert rules.ends_in_space_break(line, nxt) is expected


def test_an_address_with_two_space_breaks_is_prose_and_a_title_with_trailing_spaces_stays():
    from nato_briefs import read_article

    address = read_article("# Contact\n\nIntro.\n\nNATO Agency  \nAttn: Data Officer  \n1110 Brussels\n")
    assert [s.heading for s in address.sections] == ["Contact"]
    assert "NATO Agency Attn: Data Officer 1110 Brussels" in address.sections[0].text
    titled = read_article("# Contact\n\nIntro.\n\nKey Dates  \n\nThe exercise runs in May.\n")
    assert [s.heading for s in titled.sections] == ["Contact", "Key Dates"]
    listed = read_article("# Contact\n\nIntro.\n\nKey Dates  \n- May: exercise\n- June: review\n")
    assert [s.heading for s in listed.sections] == ["Contact", "Key Dates"]


def test_blocks_ending_unbroken():
    lines = ["Agency  ", "Attn: Officer  ", "Brussels", "", "Key Dates  ", "Text.  ", "", "Last  "]
    assert exported_pages.blocks_ending_unbroken(lines) == [True, True, True, False, False, False, False, False]
    assert exported_pages.blocks_ending_unbroken([]) == []


def test_two_trailing_spaces_on_every_line_break_nothing():
    from nato_briefs import read_article

    pasted = read_article("Allies Meet  \nMinisters met.  \nPriorities  \n- Patrols: start in July  \n")
    assert [s.heading for s in pasted.sections] == ["Allies Meet", "Priorities"]


@pytest.mark.parametrize(
    ("line", "above", "below", "expected"),
    [("4.Location: type it", "3. Goal", "", "4. Location: type it"),
     ("11.Next Steps", "Text", "12) Add", "11. Next Steps"),
     ("  2.Date", "1. Goal", "3. Place", "  2. Date"),
     # near misses: no item around, the wrong numbers, a decimal, a capital alone, a blank after the dot
     ("1.Introduction", "", "--------------", None), ("4.Location", "2. Goal", "6. Atmosphere", None),
     ("2.5 million", "1. Goal", "3. Place", None), ("2.A", "1. Goal", "3. Place", None),
     ("2. Date", "1. Goal", "3. Place", None), ("2.Ministers met", "Allies met.", "Text.", None)],
)  # fmt: skip
def test_tight_number_item(line, above, below, expected):
    assert rules.tight_number_item(line, above, below) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [(["@[phoneFrame](", '  alt="List", top="8%",', '  caption="Tap."', ")"], (3, ["List", "Tap."])),
     (["@[frame](", '  src="/a.png"', "  )  "], (2, [])), (["  @[x-y](", 'Title = "Plan"', ")"], (2, ["Plan"])),
     # near misses: one line (a mention or a video: text), no closing ")", a blank line first, text after "("
     (["@[Jane](user:12)"], None), (["@[phoneFrame](", '  caption="Tap."'], None),
     (["@[phoneFrame](", "", ")"], None), (["@[phoneFrame]( see below", ")"], None), (["[phoneFrame](", ")"], None)],
)  # fmt: skip
def test_embed_directive(lines, expected):
    assert rules.embed_directive(lines, 0) == expected


def test_an_embed_directive_reads_as_its_captions():
    from nato_briefs import read_article

    article = read_article(
        '# Users\n\n@[phoneFrame](\n  src="/a.png", top="8%",\n  caption="Tap Manage Users."\n)\n\nText.\n'
    )
    assert article.sections[0].text == "Tap Manage Users.\n\nText."


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Effective: 21 September 2026", True), ("Modified: April 28, 2026", True), ("**Last revised:** 2026-04-28", True),
     ("Effective date: 1 May 2026", True), ("Date of last update: July 31, 2026", True),
     # near misses: no date after the label, the word inside a title, a label of another kind
     ("Effective: immediately", False), ("Effective Deterrence in 2026", False), ("Revised Force Model", False),
     ("Status: 2026 draft", False)],
)  # fmt: skip
def test_is_policy_date_line(text, expected):
    assert rules.is_policy_date_line(text) is expected


@pytest.mark.parametrize(
    ("nxt", "expected"),
    [("Leaders of NATO member states met in Vilnius on 11 July.", True),
     ("Allies agreed six new targets today!  ", True),
     # near misses: an address's lines, a short sentence, a lowercase run-on, no full stop
     ("Attn: Data Officer  ", False), ("1110 Brussels, Belgium.", False), ("and the talks went on for hours.", False),
     ("Leaders of NATO member states met in Vilnius on 11 July", False)],
)  # fmt: skip
def test_breaks_into_sentence(nxt, expected):
    assert rules.breaks_into_sentence(nxt) is expected


def test_a_title_with_trailing_spaces_over_its_paragraph_stays_a_title():
    from nato_briefs import read_article

    titled = read_article("Leaders Discuss Energy   \nLeaders met in Vilnius on 11 July to discuss energy.\nTalks.\n")
    assert [s.heading for s in titled.sections] == ["Leaders Discuss Energy"]
    # near miss: an address keeps its two-space breaks (one paragraph, no heading)
    address = read_article("# Contact\n\nIntro.\n\nNATO Agency  \nAttn: Data Officer  \n1110 Brussels\n")
    assert [s.heading for s in address.sections] == ["Contact"]


NBSP = "\u00a0 \u00a0 \u00a0 "


@pytest.mark.parametrize(
    ("text", "expected"),
    [(NBSP + "Que, the Council agreed.\n", "Que, the Council agreed.\n"), ("\u00a0Text\n", "Text\n"),
     ("  \u00a0 Two spaces indent it.\n", "  Two spaces indent it.\n"), (NBSP + "\n", "\n"),
     ("A\n\n" + NBSP + "B\n", "A\n\nB\n"), (NBSP + "A\n" + NBSP + "\n" + NBSP + "B\n", "A\n" + NBSP + "\nB\n"),
     # near misses: a line right under another (a sub-item under its item), a no-break space inside the line,
     # plain spaces (indented code stays), none at all
     ("- Air defence\n\u00a0\u00a0\u00a0\u00a0- Poland\n", "- Air defence\n\u00a0\u00a0\u00a0\u00a0- Poland\n"),
     ("Allies met in\u00a0Brussels.\n", "Allies met in\u00a0Brussels.\n"), ("      code\n", "      code\n"),
     ("Text\n", "Text\n")],
)  # fmt: skip
def test_without_nbsp_indent(text, expected):
    assert exported_pages.without_nbsp_indent(text) == expected
    assert rules.RULES["nbsp_indent"] is exported_pages.without_nbsp_indent


def test_paragraphs_indented_with_no_break_spaces_are_prose_and_spaces_still_make_code():
    from nato_briefs import read_article

    whereas = "Whereas the Council agreed to strengthen air policing;"
    decree = read_article(f"# Decision\n\n{NBSP}{whereas}\n\n{NBSP}SE RESUELVE:\n")
    assert decree.sections[0].text == "Whereas the Council agreed to strengthen air policing;\n\nSE RESUELVE:"
    # near miss: six plain spaces after a blank line are CommonMark's indented code, left out of the prose
    code = read_article("# Decision\n\nIntro.\n\n      Whereas the Council agreed to strengthen air policing;\n")
    assert code.sections[0].text == "Intro."


@pytest.mark.parametrize(
    ("line", "nxt", "expected"),
    [("**CVE**<br>", "CVE-2018-14737", "**CVE**  "), ("**Credit**<br />", "Found by NCIA.", "**Credit**  "),
     ("Boulevard Leopold III <BR/>  ", "1110 Brussels", "Boulevard Leopold III  "),
     # near misses: nothing below, the tag alone, an HTML block's line, a tag inside the line, another tag
     ("**CVE**<br>", "", None), ("**CVE**<br>", "   ", None), ("<br>", "Text.", None),
     ("<p>Allied leaders met<br>", "in Brussels.</p>", None), ("Met<br>in Brussels", "Text.", None),
     ("**CVE**</b>", "CVE-2018-14737", None), ("**CVE**<brief>", "Text.", None)],
)  # fmt: skip
def test_br_as_space_break(line, nxt, expected):
    assert exported_pages.br_as_space_break(line, nxt) == expected
    assert rules.RULES["br_break"] is exported_pages.br_as_space_break


def test_a_bold_label_broken_by_br_heads_its_value_and_a_paragraph_of_html_keeps_its_reading():
    from nato_briefs import read_article

    advisory = read_article(
        "# Advisory\n\n**Vulnerability Summary**<br>\nA flaw in the parser lets a crafted file crash the client."
        "\n\n**CVE**<br>\nCVE-2026-14737\n\n**Credit**<br>\nThe NATO Communications and Information Agency.\n"
    )
    assert [(s.heading, s.text) for s in advisory.sections[1:]] == [
        ("Vulnerability Summary", "A flaw in the parser lets a crafted file crash the client."),
        ("CVE", "CVE-2026-14737"),
        ("Credit", "The NATO Communications and Information Agency."),
    ]
    # near misses: a <br> before a blank line breaks nothing (the label stays a title over its paragraph), and a
    # <br> inside an HTML paragraph is the HTML reader's (one sentence across it)
    apart = read_article("# Advisory\n\nIntro.\n\n**CVE**<br>\n\nCVE-2026-14737 was assigned in May.\n")
    assert [s.heading for s in apart.sections] == ["Advisory", "CVE"]
    html = read_article("# Advisory\n\n<p>Allied leaders met<br>\nin Brussels today.</p>\n")
    assert html.sections[0].text == "Allied leaders met in Brussels today."
