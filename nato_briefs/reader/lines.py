"""Line predicates of the segmentation pass: what a line looks like, read alone or with its neighbour.

Pure functions of the text (no state), so each is tested on its own and the
segmentation pass (``segment.py``) reads as the decisions it makes. Like the
rules in ``rules.py``, every pattern is anchored or possessive: linear in the line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from nato_briefs.config import ParseLimits
from nato_briefs.reader.rules import (
    THEMATIC_BREAK,
    ends_in_endnote_ref,
    ends_in_hard_break,
    ends_in_lead_in,
    has_bare_url,
    has_letter,
    is_answer,
    is_breadcrumb,
    is_byline,
    is_byline_name,
    is_caption,
    is_chat_stamp,
    is_dated_entry,
    is_dateline,
    is_furniture,
    is_label_line,
    is_lettered,
    is_page_chrome,
    is_page_furniture,
    is_parenthetical,
    is_release_label,
    is_result_footer,
    is_running_header,
    is_share_bar,
    is_time_stamp,
    is_title_case,
    is_unclosed_star_line,
    is_unspaced_sentence,
    is_whole_line_italic,
    is_wire_slug,
    lead_char,
    leaves_link_open,
    match_item,
    opens_mid_sentence,
    strip_trailing_hashtags,
    strip_trailing_markup,
    title_lead,
)
from nato_briefs.reader.rules.desk_copies import (
    ends_in_edited_mark,
    is_chat_export_line,
    is_copyright_line,
    is_digest_end,
    is_reading_time,
    is_thread_chrome,
    is_weekday_date,
)
from nato_briefs.reader.rules.docs_sites import is_cjk_dated_byline
from nato_briefs.reader.rules.exported_pages import (
    is_parenthetical_link_line,
    is_policy_date_line,
    shows_url,
    underline_matches,
)
from nato_briefs.reader.rules.exports import is_credit_byline
from nato_briefs.reader.rules.interchange import is_month_may, is_stamp_line
from nato_briefs.reader.rules.items import SYMBOL_CATEGORIES
from nato_briefs.reader.rules.markup import final_link_text
from nato_briefs.reader.rules.notices import is_date_first_byline, is_date_first_dateline, is_spaced_cjk_sentence
from nato_briefs.reader.rules.pipeline_text import (
    is_agency_slug,
    is_clock_stamp,
    is_dated_chat_stamp,
    is_joint_byline,
    is_source_credit,
)
from nato_briefs.reader.rules.plain_shapes import is_cable_field, is_document_number
from nato_briefs.reader.rules.posts import without_trailing_comment
from nato_briefs.reader.rules.titles import (
    ends_in_cjk_lead_in,
    ends_on_particle,
    has_ideographic_full_stop,
    is_code_span_line,
    is_dated_byline,
    is_link_row,
)
from nato_briefs.reader.rules.wraps import (
    ends_in_word_hyphen,
    ends_on_function_word,
    has_sentence_break,
    wrapped_name_line,
)

FENCE = re.compile(r" {0,3}(`{3,}+|~{3,}+)")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=++|-++)[ \t]*+$")
BLOCK_START = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|>|<|`{3}|~{3})")
# A rewritten item's text that would open a block of its own ("# x", "> x", "- x", "2. x") is escaped.
ORDERED_START = re.compile(r"[0-9]{1,9}(?=[.)])")
_CLOSING = "\"'”’)]}*_`»」』）"
# Sentence and clause ends: Western, CJK (full-width), Arabic, Urdu, Devanagari (danda), Ethiopic,
# Armenian, Myanmar, Tibetan.
_SENTENCE_END = ".,;:!?…。！？，；：、؟،؛।॥۔።։။།"
# A bare title never ends on a word that needs a continuation; a wrapped prose
# line often does, which is how we tell them apart.
# Not ``rerendered.TITLE_SMALL_WORDS`` (what Title Case leaves lowercase): a line's last word, auxiliaries too.
CONTINUATION_WORDS = frozenset(
    "a an the and or but nor of to in on at by for with from as into onto than that which who whose "
    "is are was were be been will would can could should may might must has have had this these those "
    "its their our his her about over under against between through during after before within without "
    "toward towards upon across among amid amidst including such like via whether if while because since "
    "so not also both either neither very more most further each every until unless till whereas although though "
    "per versus vs".split()
)
# A sentence that ends inside the line ("... by 2035. Ministers ...") marks prose: a title
# has no full stop between a lowercase word (or a year) and the next capitalised word.
_INNER_SENTENCE_END = re.compile(r"(?:\b[a-z]{2,}+|\b[0-9]{4}|[a-z]\))[.!?][\"'”’)]?[ \t]++[\"'“‘(]?[A-Z]")


# HTML elements whose block may hold blank lines (a CMS exports a table with blank lines between rows).
HTML_CONTAINERS = frozenset({"table", "ul", "ol", "dl", "div", "section", "article", "blockquote", "main", "figure"})
# HTML elements whose content is raw text: their block runs to the closing tag, as in CommonMark.
HTML_RAW = frozenset({"script", "style", "pre"})
# A title in sentence case ("Allies agree new cyber targets") has at most 15 words; a longer sentence-case
# line with prose directly under it is a wrapped sentence, even where no wrap width shows.
MAX_SENTENCE_CASE_TITLE_WORDS = 15
# A sentence-case line of more words than this that ends in a name the next line finishes ("... and the North"
# over "Atlantic, defence ministers ...") is a wrapped sentence (``name_runs_over``).
MIN_NAME_BREAK_WORDS = 12
# A hard-wrapped article has most of its prose lines this long (characters), and few longer ones.
_WRAP_MIN, _WRAP_MAX = 50, 100


def is_blank(line: str) -> bool:
    """Empty or only white space, without copying the line as strip() would."""
    return not line or line.isspace()


def is_setext_underline(line: str) -> bool:
    return lead_char(line) in ("=", "-") and _SETEXT_UNDERLINE.match(line) is not None


def is_whole_line_bold(line: str) -> bool:
    """``**Title**`` or ``__Title:__`` alone on its line (a colon after it allowed), by string tests."""
    text = line.rstrip(" \t")
    if text.endswith(":"):
        text = text[:-1].rstrip(" \t")
    body = text.lstrip(" ")
    delim = body[:2]
    if len(text) - len(body) > 3 or delim not in ("**", "__") or len(body) < 5 or not body.endswith(delim):
        return False
    inner = body[2:-2]
    return not inner[0].isspace() and not inner[-1].isspace()


def is_block_line(line: str) -> bool:
    """A line that opens a non-paragraph block, so it never continues prose."""
    lead = lead_char(line)
    if not lead or lead.isupper():  # prose: no list marker, heading, quote, fence, rule or table
        return False
    if lead.isalpha():
        marker = match_item(line)
        return marker is not None and (not is_lettered(marker) or lead == "a")  # "p. 12 ..." continues prose
    return bool(match_item(line) or BLOCK_START.match(line) or THEMATIC_BREAK.match(line) or line.startswith("|"))


def _strip_closing(text: str) -> str:
    text = strip_trailing_markup(strip_trailing_hashtags(text) if "#" in text else text).rstrip()
    if text.endswith((")", "]")):  # a final link: its text ends the line ("[Thanks!](https://...)", "[Submit.][form]")
        text = final_link_text(text)
    return _strip_closing_and_emoji(text)


def _strip_closing_and_emoji(text: str) -> str:
    """The text without the closing marks, spaces and emoji that end it (``... Wednesday. 🔥`` -> ``... Wednesday.``).

    Social-media posts close a sentence with an emoji; its full stop still ends the sentence.
    One backward pass over the tail, however the marks and emoji alternate.
    """
    end = len(text)
    while end and (
        text[end - 1] in _CLOSING or text[end - 1].isspace() or unicodedata.category(text[end - 1]) in SYMBOL_CATEGORIES
    ):
        end -= 1
    return text[:end]


def ends_sentence(line: str) -> bool:
    stripped = _strip_closing(line)
    return not stripped or stripped[-1] in _SENTENCE_END


def is_rule_under_sentence(line: str, nxt: str, limits: ParseLimits) -> bool:
    """``---`` directly under a finished sentence: a horizontal rule, not a setext underline.

    CommonMark makes the paragraph above a heading; authors who end a sentence
    with a full stop, ``!`` or ``?`` and rule a line under it mean a separator.
    A short Title Case line keeps its underline (``What Comes Next?`` / ``---``);
    so does anything underlined with ``===``, which is never a rule, and an underline
    exactly as long as the line (``matched_underline``: ``What are the rules?`` exported as a heading).
    """
    if lead_char(nxt) != "-" or not is_setext_underline(nxt):
        return False
    stripped = _strip_closing(line)
    if not stripped or stripped[-1] not in ".!?…" or underline_matches(line, nxt):
        return False  # an underline of the line's own length: a heading (``matched_underline``)
    return not (is_title_case(line) and len(line.split()) <= limits.max_title_words)


def looks_like_title(line: str, limits: ParseLimits) -> bool:
    """A short line without closing punctuation that does not end mid-phrase, nor a caption."""
    if not line or line[:1] in " \t" or (len(line) > limits.max_title_chars and not line[-1].isspace()):
        return False  # without copying a long prose line
    text = line.strip()
    if text[-3:] == "-->":
        text = without_trailing_comment(text)  # "... the following entries:<!-- more -->" (``excerpt_mark``)
    if not text or len(text) > limits.max_title_chars or ends_sentence(text) or is_block_line(text):
        return False
    words = text.split()
    if len(words) > limits.max_title_words:
        return False
    first = title_lead(text)  # behind opening markup and emoji ("⚡️ NATO allies agree ...")
    if not (first.isupper() or first.isdigit() or is_caseless_letter(first)) or not has_letter(text):
        return False
    last = words[-1].strip(_CLOSING).lower()
    if last in CONTINUATION_WORDS or "\t" in text:  # a tab: cells of a pasted spreadsheet row, not a title
        return False
    for rule in NEVER_TITLES:  # a loop: a generator in any() costs a resumption per rule
        if rule(text):
            return False
    return not _INNER_SENTENCE_END.search(text)


# Short lines without closing punctuation that are still never a title: one named rule each, tried in order.
NEVER_TITLES: tuple[Callable[[str], bool], ...] = (
    is_caption,
    is_byline,  # "By: Jane Smith", "Published: 12 June 2025"
    is_parenthetical,
    is_unclosed_star_line,
    leaves_link_open,  # "... contains a full [User's" runs on into the link's end
    is_label_line,  # "**Progress:** The project has ..." is a labelled paragraph
    has_bare_url,  # "This file was moved to https://...": a pointer, not a title
    shows_url,  # "All URIs are relative to *https://api.nato.int*": a sentence ending on its URL
    is_parenthetical_link_line,  # "([PR #759](https://...))": a changelog entry's reference
    is_policy_date_line,  # "Effective: 21 September 2026": when a policy took effect
    is_whole_line_italic,  # "_No response_", "*Photo by the author*": a note
    is_chat_stamp,  # "[10:02] Jan de Vries": a pasted message's header
    is_release_label,  # "FOR IMMEDIATE RELEASE"
    is_page_furniture,  # "NATO ... Page 1 of 3", copied from a PDF
    is_dateline,  # "NATO Defence Ministers, June 2025", "Published 3 June 2025 | ..."
    is_date_first_dateline,  # "December 1, 2026 – Ottawa, Ontario – National Defence"
    is_byline_name,  # "By Jane Smith, Defence Correspondent"
    is_time_stamp,  # "12.04 BST": a live blog's entry stamp
    is_share_bar,  # "Share this page: Facebook | X | Email": a share bar
    is_page_chrome,  # "7 min read", "Follow", "Top highlight": Medium's furniture
    is_result_footer,  # "2 rows in set (0.00 sec)" under a database client's table
    is_answer,  # "No", "N/A", "TBD": a questionnaire's answer under its question
    ends_in_hard_break,  # "Boulevard Leopold III \\": a line of an address block
    is_running_header,  # "NATO Review          June 2026": a PDF page's header
    is_dated_entry,  # "2020-05-08: plan opened": a log line
    is_unspaced_sentence,  # "有時候，這些關係還會進一步發展成..." (no final stop): a Chinese sentence
    ends_in_lead_in,  # "We wish to get to a point where": runs on into the list below
    ends_on_function_word,  # "Die Unfallkasse ... für", "Der": a German or French line runs on
    is_dated_byline,  # "June 25, 2025 by [The Team](/team)": a post's byline
    is_cjk_dated_byline,  # "2024 年 12 月 05 日 [The React Team](/team)": a translated post's byline
    is_link_row,  # "[Back to the minutes](#w2) - [Back to the top](/)": navigation
    ends_in_word_hyphen,  # "... Verkehrswirtschaft Post-": the compound goes on below
    has_sentence_break,  # "... Dienstherrnfähigkeit. Die Beamtinnen": a sentence ends inside (any script)
    is_document_number,  # "PO(2025)0123": a NATO document's number, for the record
    is_cable_field,  # "SUBJECT: NATO MINISTERS AGREE ...": a cable's header field
    is_stamp_line,  # "Created Wednesday 14 May 2025", "Last updated 2025-10-14 09:12:33 +0200": a tool's stamp
    has_ideographic_full_stop,  # "……的位置。（@nato-dev 投稿）": a Chinese sentence and its attribution
    # session 9 (round 5): boilerplate around the article (wordings in nato_briefs/furniture.yaml)
    is_furniture,  # "Skip to main content", "NATO UNCLASSIFIED", "ENDS", "WEBVTT"
    is_wire_slug,  # "NATO-SUMMIT/SPENDING (UPDATE 2)" over a wire story's headline
    is_breadcrumb,  # "Home > News > Press releases"
    ends_in_endnote_ref,  # "... More troops will follow.[2]": a sentence
    # session 10 (round 6): credit verbs in nato_briefs/furniture.yaml
    is_credit_byline,  # "Recorded by Jane Doe", "Compiled by the Press Office"
    # session 14 (round 11 part A): text as pipelines deliver it (``rules/pipeline_text.py``)
    is_source_credit,  # "SOURCE North Atlantic Treaty Organization": a press-release wire's credit
    is_agency_slug,  # "AP-NATO-Ministers,0489": a news agency's slug over its story
    is_clock_stamp,  # "2025-06-05 14:12:31.418 GMT": a terminal's time stamp
    is_joint_byline,  # "By Jane Doe and John Roe": a byline of several authors
    is_dated_chat_stamp,  # "[05-Jun-25 10:42 AM] anna.k": a chat export's message header
    # session 15, real-world sweep 11 (``rules/notices.py``)
    is_date_first_byline,  # "March 18, 2026 · AWS CDK Team": a post's date and author
    is_spaced_cjk_sentence,  # "其余 9 个盟国 ... GDP 的 2% ...，因此 ...": a Chinese sentence without its stop
    # session 20 (shapes24): an analyst's desk tools (``rules/desk_copies.py``)
    is_weekday_date,  # "December 2, 2026 Wednesday": a clip's date
    is_copyright_line,  # "Copyright 2026 Defence Daily Wire All Rights Reserved"
    is_digest_end,  # "End of NATO-PRESS Digest - 2 Dec 2026 (#2026-231)"
    is_thread_chrome,  # "3 replies", "Last reply today at 10:02 AM"
    ends_in_edited_mark,  # "Sharing the readout as agreed (edited)": a chat message
    is_chat_export_line,  # "02/12/2026, 08:43 - Mihai: Readout just in": an exported chat's message
    is_reading_time,  # "4–5 minutes" under a reader view's byline
    # session 20, real-world sweep 16
    ends_on_particle,  # "... 新しい機能や" over "様々なバグ修正 ...": a Japanese line wrapped after a particle
    ends_in_cjk_lead_in,  # "代码如下" over a code block (sweep 18): a Chinese lead-in, the block completes it
    is_code_span_line,  # "`SELECT id, name FROM users WHERE id=1`": a code example alone on its line
)


def is_caseless_letter(ch: str) -> bool:
    """A letter of a script without capitals (Arabic, Hebrew, Chinese, Japanese ...): it may start a title.

    The capital test of a bare title says nothing about such scripts; the other tests
    (no closing punctuation, short, standing alone) still apply.
    """
    return ch.isalpha() and not ch.isupper() and not ch.islower()


def ends_mid_phrase(line: str) -> bool:
    """The line's last word needs a continuation (``... except that``, ``... library, which``)."""
    words = line.rsplit(None, 1)
    if not words:
        return False
    last = words[-1].strip(_CLOSING).lower()
    if last == "may" and is_month_may(line):
        return False  # "... submitted by May": the month (``month_may``)
    return last in CONTINUATION_WORDS or ends_on_function_word(line) or ends_in_word_hyphen(line)


def starts_like_new_sentence(line: str) -> bool:
    """Not a lowercase start, behind any opening markup (```pernos.co`'s ...`` continues the line above)."""
    return not opens_mid_sentence(line)


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped article is broken at, or None when its paragraphs are one line each.

    Plain-text feeds break lines at 70-80 columns: most non-blank lines are then
    50-100 characters long and hardly any is longer (tables and HTML aside).
    """
    # prose lines only: not items, tables (a pipe or a tab-separated row: ``tab_row``), HTML or indented lines;
    # measured without trailing blanks, which an editor may leave on every line (``trailing_blanks``)
    bodies = (line.rstrip(" \t") for line in lines if line[:1].isalpha() and "|" not in line)
    prose = [len(body) for body in bodies if "\t" not in body]
    widths = sorted(n for n in prose if _WRAP_MIN <= n <= _WRAP_MAX)
    if len(widths) < 3:
        return None
    longer = sum(1 for n in prose if n > _WRAP_MAX)
    return widths[(len(widths) - 1) * 9 // 10] if longer * 4 <= len(widths) else None


def name_runs_over(line: str, nxt: str) -> bool:
    """A name broken over the line end: the line ends in a capitalised word and the next opens with one and a
    comma (``the North`` over ``Atlantic, defence ministers agreed``), the sentence going on (``name_runs_over``).

    A headline over its article's first sentence opens that sentence with a word and a blank (``The visit
    began.``), not with a name's second word and a comma.
    """
    last = line.rstrip(" \t").rsplit(None, 1)[-1]
    first = nxt.lstrip(" \t").split(None, 1)[0] if nxt.strip() else ""
    return last[:1].isupper() and last.isalpha() and first[-1:] == "," and first[:1].isupper() and first[:-1].isalpha()


def opens_byline(line: str) -> bool:
    """``By Lorne Cook``, ``By Jane Doe and John Roe``: a capitalised byline, which no sentence runs on into.

    A wire headline fills the width of the story below it; the byline under it shows it ends there.
    """
    body = line.lstrip(" \t")
    return body[:3] == "By " and (is_byline_name(body) or is_joint_byline(body))


def caption_stands_alone(line: str, nxt: str, width: int | None) -> bool:
    """``Source: NSPA`` over ``Common standards were named a priority.``: the caption is a paragraph of its own.

    A caption or source line (``is_caption``) carries no closing full stop, so run together with the prose
    line under it the two would read as one sentence (``Source: NSPA Common standards were ...``). A line
    under it that opens a new sentence (a capital or a digit) ends the caption; one wrapped over two lines
    (``Source: NATO Support and`` / ``Procurement Agency``, a full-width line of a hard-wrapped article)
    goes on, and so does markup under it (an reST image's ``:alt:`` option).
    """
    if not is_caption(line) or ends_sentence(line) or ends_mid_phrase(line):
        return False
    lead = title_lead(nxt.lstrip())
    return (lead.isupper() or lead.isdigit()) and not runs_on(line, nxt, width)


def runs_on(line: str, nxt: str, width: int | None) -> bool:
    """A line directly followed by prose continues into it: full-width in a hard-wrapped article, or long.

    A title is short, or written in Title Case / ALL CAPS; a wrapped sentence
    fills the line and runs on, whatever its last word.
    """
    if is_blank(nxt) or is_block_line(nxt) or opens_byline(nxt):
        return False
    if is_title_case(line) and not wrapped_name_line(line, nxt, width):  # names fill a wrapped line
        return False
    words = len(line.split())
    if words > MAX_SENTENCE_CASE_TITLE_WORDS:
        return True  # a long sentence-case line with prose right under it: wrapped, whatever the width
    if words >= MIN_NAME_BREAK_WORDS and name_runs_over(line, nxt):
        return True
    return width is not None and len(line.rstrip()) >= 0.7 * width
