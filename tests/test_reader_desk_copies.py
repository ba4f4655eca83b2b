"""Articles as an analyst's desk tools hand them on (``nato_briefs/reader/rules/desk_copies.py``, session 20).

Each rule: the shape it reads (found by tests/shapes_corpus/935-955) and a near miss it leaves alone.
"""

from __future__ import annotations

import pytest

from nato_briefs import read_article
from nato_briefs.config import ParseLimits
from nato_briefs.reader import rules
from nato_briefs.reader.lines import looks_like_title
from nato_briefs.reader.rules.desk_copies import (
    bylines_reading_time,
    clip_masthead,
    ends_in_edited_mark,
    factiva_fields,
    header_block_end,
    is_chat_export_line,
    is_copyright_line,
    is_digest_end,
    is_reading_time,
    is_thread_chrome,
    is_weekday_date,
    name_over_forward,
    name_over_header_block,
    strip_glued_link_targets,
)
from nato_briefs.reader.rules.exports import is_reply_attribution
from tests.reading import md_article, md_headings

LIMITS = ParseLimits()


def test_glued_link_target_goes():
    line = "Hub for the South<https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Fx&data=05>: a centre"
    assert strip_glued_link_targets(line) == "Hub for the South: a centre"
    assert strip_glued_link_targets("the Special Envoy<mailto:envoy@example.org> said") == "the Special Envoy said"


def test_glued_link_target_near_misses():
    assert strip_glued_link_targets("See <https://www.nato.int> for more.") == "See <https://www.nato.int> for more."
    assert strip_glued_link_targets("<https://www.nato.int>") == "<https://www.nato.int>"
    assert strip_glued_link_targets("a<b> and x<y>") == "a<b> and x<y>"  # no address


@pytest.mark.parametrize(
    "line",
    [
        "`<http://data.nato.int/resource/A> <http://data.nato.int/property/partOf> .`",  # a code span's
        "The portal is **<https://data.nato.int>** today.",
        "The portal is _<https://data.nato.int>_ today.",
        'Its mirror "<https://mirror.data.nato.int>" is read-only.',
        "See (<https://www.nato.int>).",
        "Write `Envoy<https://x.nato.int>` in the form.",  # glued inside a code span: quoted, kept
    ],
)
def test_opened_autolink_stays(line):
    assert strip_glued_link_targets(line) == line
    assert rules.RULES["opened_autolink"] is strip_glued_link_targets


def test_opened_autolink_near_misses_glued_through_marks_go():
    assert strip_glued_link_targets("**Special Envoy**<https://x.nato.int/a> said") == "**Special Envoy** said"
    assert strip_glued_link_targets('the "Hub"<https://x.nato.int> and (the Hub)<https://y.nato.int>') == (
        'the "Hub" and (the Hub)'
    )
    assert strip_glued_link_targets("`code` and Envoy<https://x.nato.int> said") == "`code` and Envoy said"


def test_opened_autolink_in_an_article():
    text = "# Data\n\nOne line:\n\n- `<http://data.nato.int/resource/A> <http://data.nato.int/resource/B> .`\n"
    items = [i.text for i in read_article(text).list_items]
    assert items == ["<http://data.nato.int/resource/A> <http://data.nato.int/resource/B> ."]


def test_glued_link_target_in_an_article():
    text = (
        "NATO Allies Agree Priorities for the South<https://eur03.safelinks.protection.outlook.com/?url=x&"
        + "data=05%7C02" * 20
        + ">\n\nMinisters agreed on Thursday to do more.\n"
    )
    assert md_headings(text) == ["NATO Allies Agree Priorities for the South"]


@pytest.mark.parametrize(
    "line", ["December 2, 2026 Wednesday", "2 December 2026 Wednesday", "Wednesday, 2 December 2026", "Wed, 2 Dec 2026"]
)
def test_weekday_date(line):
    assert is_weekday_date(line)
    assert not looks_like_title(line, LIMITS)


@pytest.mark.parametrize("line", ["Wednesday Briefing", "December Summit 2026", "Wednesday, 2 December 2026 Summit"])
def test_weekday_date_near_misses(line):
    assert not is_weekday_date(line)


@pytest.mark.parametrize(
    "line", ["Copyright 2026 Defence Daily Wire All Rights Reserved", "© 2026 NATO", "(c) 2026 Nordic Defence Wire"]
)
def test_copyright_line(line):
    assert is_copyright_line(line)
    assert not looks_like_title(line, LIMITS)


@pytest.mark.parametrize("line", ["Copyright and Licensing", "Copyright Policy", "Cyber Defence 2026"])
def test_copyright_line_near_misses(line):
    assert not is_copyright_line(line)


def test_clip_masthead():
    assert clip_masthead("Defence Daily Wire", "December 2, 2026 Wednesday")
    assert not clip_masthead("NATO Allies Agree Priorities", "Wednesday, 2 December 2026")  # a dateline's order
    assert not clip_masthead("Defence Daily Wire", "Ministers met on Wednesday.")


def test_clip_masthead_in_a_lexisnexis_export():
    text = (
        "NATO Allies Agree Priorities for the Black Sea\n\nDefence Daily Wire\nDecember 2, 2026 Wednesday\n\n"
        "Copyright 2026 Defence Daily Wire All Rights Reserved\n\nLength: 312 words\nByline: Mihai Popescu\n\n"
        "Body\n\n\nNATO Allies agreed on Tuesday to patrol the Black Sea.\n\nPriorities\n\n"
        "Allies will review the plan.\n\nLoad-Date: December 3, 2026\n\n\nEnd of Document\n"
    )
    assert md_headings(text) == ["NATO Allies Agree Priorities for the Black Sea", "Priorities"]


def test_digest_end():
    assert is_digest_end("End of NATO-PRESS Digest - 2 Dec 2026 (#2026-231)")
    assert is_digest_end("End of Defence-L Digest, Vol 12, Issue 4")
    assert not is_digest_end("End of Mission Digest Planning")  # "Digest" not closing the list's name
    assert not is_digest_end("End of the Cold War")


@pytest.mark.parametrize("line", ["3 replies", "1 reply", "Last reply today at 10:02 AM", "View thread"])
def test_thread_chrome(line):
    assert is_thread_chrome(line)
    assert not looks_like_title(line, LIMITS)


@pytest.mark.parametrize("line", ["Replies to Questions", "3 Priorities", "Last Reply from Moscow Expected Soon Now"])
def test_thread_chrome_near_misses(line):
    assert not is_thread_chrome(line)


def test_edited_mark():
    assert ends_in_edited_mark("Sharing the readout as agreed (edited)")
    assert not looks_like_title("Sharing the readout as agreed (edited)", LIMITS)
    assert not ends_in_edited_mark("Key Initiatives (Edited Version)")


def test_chat_export_line():
    assert is_chat_export_line("02/12/2026, 08:43 - Mihai: Readout just in")
    assert is_chat_export_line("12/2/26, 9:43 PM - Anna Kowalska: thanks")
    assert not looks_like_title("02/12/2026, 08:43 - Mihai: Readout just in", LIMITS)


@pytest.mark.parametrize("line", ["02/12/2026 - Ministers Meet", "2026-12-02 Priorities", "12:30 - Lunch: Delegates"])
def test_chat_export_line_near_misses(line):
    assert not is_chat_export_line(line)


def test_chat_export_message_over_the_headline():
    text = (
        "02/12/2026, 08:43 - Mihai: Readout just in\n\nNATO Allies Agree Priorities for Training\n\n"
        "Allies agreed on Monday to train together more often.\n"
    )
    assert md_headings(text) == ["NATO Allies Agree Priorities for Training"]


@pytest.mark.parametrize("line", ["4–5 minutes", "5 minutes", "6 min", "12 mins"])
def test_reading_time(line):
    assert is_reading_time(line)
    assert not looks_like_title(line, LIMITS)


@pytest.mark.parametrize("line", ["5 Minutes to Midnight", "Minutes of the Meeting", "90 minutes of talks"])
def test_reading_time_near_misses(line):
    assert not is_reading_time(line)


def test_reading_time_byline():
    assert bylines_reading_time("Anna Kowalska", "4–5 minutes")
    assert bylines_reading_time("Jan de Vries", "6 min")
    assert not bylines_reading_time("Anna Kowalska", "Allies agreed on Tuesday to protect satellites.")
    assert not bylines_reading_time("Allies agreed to act, said the minister", "4–5 minutes")


def test_reader_view_copy_reads_its_headline_only():
    text = (
        "nato.int\n\nNATO Allies Agree Priorities for Space Security\n\nAnna Kowalska\n\n4–5 minutes\n\n"
        "Allies agreed on Tuesday to protect their satellites.\n\nPriorities\n\nMinisters will review the plan.\n"
    )
    assert md_headings(text) == ["NATO Allies Agree Priorities for Space Security", "Priorities"]


def test_name_over_forward():
    rule = "_" * 32
    assert name_over_forward("Lars", "", rule)
    assert name_over_forward("Anna Kowalska", "", "-----Original Message-----")
    assert name_over_forward("Jan de Vries", "", "-------- Forwarded Message --------")


def test_name_over_forward_near_misses():
    rule = "_" * 32
    assert not name_over_forward("NATO Parliamentarians Visit Romania", rule, rule)  # an underlined heading
    assert not name_over_forward("NATO Allies Agree New Priorities", "", rule)  # more words than a name
    assert not name_over_forward("Lars", "", "From: NATO Media Monitoring")
    assert not name_over_forward("Please see below.", "", rule)


def test_name_over_reply_signs_the_note_over_a_quoted_reply():
    """shapes29 1049: a top-posted reply signed "Anna" over the client's "On ... wrote:" line and the article quoted
    with "> ": the name read as the document's title, over the article's own."""
    dated = "On Tue, 1 Dec 2026 at 16:42, Mark Evans <mark.evans@example.org> wrote:"
    assert name_over_forward("Anna", "", dated)
    assert name_over_forward("Mark Evans", "", "Anna Nowak <anna@example.org> wrote:")
    text = "Thanks, see below.\n\nAnna\n\n" + dated + "\n> Allies Agree Steps\n>\n> Allies agreed steps.\n"
    assert md_headings(text) == ["Allies Agree Steps"]


def test_name_over_reply_near_misses():
    dated = "On Tue, 1 Dec 2026 at 16:42, Mark Evans <mark.evans@example.org> wrote:"
    assert not name_over_forward("Anna", dated, dated)  # no blank between: the line right over it
    assert not name_over_forward("NATO Allies Agree New Priorities", "", dated)  # more words than a name
    assert not name_over_forward("Anna", "", "As the Secretary General wrote in his report:")  # prose quoting
    assert not name_over_forward("Anna", "", "On Tuesday the ministers wrote to the Council.")


def test_reply_attribution_languages_open_the_quoted_message():
    """Probe of shapes29 1049: the German client's "Am ... schrieb ...:" over the quoted article; the article stayed a
    quote under the name "Anna", read as the title."""
    german = "Am 01.12.2026 um 16:42 schrieb Mark Evans <mark.evans@example.org>:"
    assert is_reply_attribution(german)
    assert is_reply_attribution("Le 1 déc. 2026 à 16:42, Mark Evans <m@x.org> a écrit :")
    assert is_reply_attribution("Op 1 dec. 2026 om 16:42 schreef Mark Evans <m@x.org>:")
    text = "Thanks, see below.\n\nAnna\n\n" + german + "\n> Allies Agree Steps\n>\n> Allies agreed steps.\n"
    assert md_headings(text) == ["Allies Agree Steps"]


def test_reply_attribution_languages_near_misses():
    assert not is_reply_attribution("Le ministre a écrit :")  # no date: prose introducing a quote
    assert not is_reply_attribution("Am Ende schrieb er:")
    assert not is_reply_attribution("Am 01.12.2026 um 16:42 schrieb Mark Evans")  # no closing colon
    assert not is_reply_attribution("El 1 de diciembre de 2026 los ministros escribieron:")  # another verb


FACTIVA = [
    "HD\tNATO Allies Agree Priorities for Arctic Security",
    "BY\tBy Ingrid Haugen",
    "WC\t298 words",
    "",
    "LP\tNATO Allies agreed on Tuesday to increase their presence in the High North.",
    "",
    "\tMinisters said Russian activity had grown.",
    "",
    "TD\tThe plan was adopted in Brussels.",
    "",
    "Priorities",
    "",
    "Ministers will review progress in October.",
    "",
    "AN\tDocument NDW0000020261202elc2000ab",
]


def test_factiva_fields():
    lines = list(FACTIVA)
    factiva_fields(lines)
    assert lines[:3] == ["NATO Allies Agree Priorities for Arctic Security", "BY: By Ingrid Haugen", "WC: 298 words"]
    assert lines[6] == "Ministers said Russian activity had grown."
    assert lines[-1] == "AN: Document NDW0000020261202elc2000ab"
    article = md_article("\n".join(FACTIVA) + "\n", "x.txt")
    assert article.title == "NATO Allies Agree Priorities for Arctic Security"
    assert [s.heading for s in article.sections] == [article.title, "Priorities"]


def test_factiva_fields_near_misses():
    no_text = ["HD\tNATO Allies Agree", "BY\tBy Ingrid Haugen", "WC\t298 words"]  # no lead nor text field
    lines = list(no_text)
    factiva_fields(lines)
    assert lines == no_text
    later = ["Headline", "", "HD\tx", "LP\ty"]  # the headline field must open the document
    lines = list(later)
    factiva_fields(lines)
    assert lines == later


# --------------------------------------------------------------------------- Outlook's header block (shapes29b)
_BLOCK = "From: Mark Evans <mark.evans@example.org>\nSent: Tuesday, December 1, 2026 4:42 PM\nTo: Desk <d@x.org>\n"


def test_name_over_header_block():
    """shapes29b 1072: "Anna" a blank line over Outlook's From:/Sent:/To:/Subject: block read as a heading."""
    assert name_over_header_block("Anna", "", "From: Mark Evans <m@x.org>", "Sent: Tuesday, December 1, 2026")
    assert name_over_header_block("Anna Nowak", "", "From: Mark Evans", "Date: 1 December 2026")
    text = "Thanks, see below.\n\nAnna\n\n" + _BLOCK + "Subject: Steps\n\nAllies Agree Steps\n\nAllies agreed.\n"
    assert md_headings(text) == ["Allies Agree Steps"]


def test_name_over_header_block_near_misses():
    assert not name_over_header_block("Lars", "", "From: NATO Media Monitoring", "")  # a lone From: line
    assert not name_over_header_block("Lars", "", "From: NATO Media Monitoring", "Allies agreed.")
    assert not name_over_header_block("Anna", "From: Mark", "From: Mark", "Sent: Tuesday")  # no blank between
    assert not name_over_header_block("NATO Allies Agree New Priorities", "", "From: Mark", "Sent: Tuesday")
    assert not name_over_header_block("Anna", "", "Sent: Tuesday", "To: Desk")  # no From: line first


def test_header_block_end():
    """shapes29b 1072: with no blank line under "Subject:", the quoted title joined the header block's paragraph."""
    lines = ["Anna", "", *_BLOCK.splitlines(), "Subject: Steps", "Allies Agree Steps", "", "Allies agreed."]
    assert [k for k in range(len(lines)) if header_block_end(lines, k)] == [6]
    text = "Thanks, see below.\n\n" + _BLOCK + "Subject: Steps\nAllies Agree Steps\n\nAllies agreed.\n"
    assert md_headings(text) == ["Allies Agree Steps"]


def test_header_block_end_near_misses():
    assert not header_block_end(["Note", "Subject: Steps", "Allies Agree Steps"], 2)  # a Subject: line alone
    assert not header_block_end(["Allies met.", "Subject: Steps", "Allies Agree Steps"], 2)
    assert not header_block_end(["", "From: Mark", "Subject: Steps", "To: Desk"], 3)  # a field under the subject
    assert not header_block_end(["Allies met.", "From: Mark", "Subject: Steps", "Allies Agree Steps"], 3)  # prose above
    # prose right over the block: the title stays joined to the lines above, as before
    text = "Allies met.\n" + _BLOCK + "Subject: Steps\nAllies Agree Steps\n\nAllies agreed.\n"
    assert "Allies Agree Steps" not in md_headings(text)
