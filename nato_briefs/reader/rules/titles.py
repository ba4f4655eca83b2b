"""Lines that are never titles, and export furniture that is not text.

Field runs, chat stamps, release labels, end marks, page furniture, hashtags, whole-line italics,
signatures, link-only lines; spaced Google Docs bold, pandoc bracketed spans, MDX imports, admonitions.
And plain-text headings: Mailchimp's ``** Heading``, a heading framed by hyphens (``--- Priorities ---``), or
underlined with dashes a word processor autocorrected or with tildes that no fence closes. Never titles either: a
post's dated byline, a row of navigation links, a line holding an ideographic full stop, a run of short lines (the
attendees of a meeting, an address: one block of lines); a content tab's label reads as an admonition's title.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from nato_briefs.reader.rules.boilerplate import MAX_FURNITURE_CHARS, furniture_key, load_furniture
from nato_briefs.reader.rules.exports import opens_quoted_message
from nato_briefs.reader.rules.items import SYMBOL_CATEGORIES, indentation, lead_char, match_item
from nato_briefs.reader.rules.markup import LINK_TARGET, is_attribute, rstrip_end
from nato_briefs.reader.rules.pipeline_text import after_page_turn
from nato_briefs.reader.rules.tables import is_delimiter_row, is_table_row, pipe_cells

# A "Label: value" line (``Status: In progress``, ``Owner: Defence Investment Division``): a field.
_FIELD = re.compile(r"[A-Z][\w'’-]*+(?:[ \t][\w'’-]++){0,2}+:[ \t]++\S")
# The same with white space before its colon: aligned labels (``CVE ID     : CVE-2024-6387``), French spacing.
_ALIGNED_FIELD = re.compile(r"[A-Z][\w'’-]*+(?:[ \t][\w'’-]++){0,2}+[ \t]++:[ \t]++\S")
# A chat client's time stamp opening a pasted message header (``[10:02] Jan de Vries``, ``[3/4/25 9:12 AM]``).
_CHAT_STAMP = re.compile(
    r"\[(?:[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4},?+[ \t]++)?+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?+"
    r"(?:[ \t]?+[AaPp]\.?+[Mm]\.?+)?+\]"
)
# A dateline or date stamp ending the line: "NATO Defence Ministers, June 2025", "... · Jun 3, 2025",
# "Published 3 June 2025 | Updated 4 June 2025". The date follows a comma, a middle dot, a pipe or a
# dash, or the line opens with a publishing verb; "Summit in June 2025" stays a possible title.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_END = re.compile(
    r"(?:[0-9]{1,2}[ \t]++)?+"
    + _MONTH
    + r"(?:[ \t]++[0-9]{1,2}(?:st|nd|rd|th)?+,?+(?=[ \t]))?+[ \t]++[0-9]{4}[ \t]*+$",
    re.IGNORECASE,
)
_DATE_LEAD = re.compile(r"(?:published|updated|posted|last[ \t]++updated)[ \t]++[0-9A-Za-z]", re.IGNORECASE)
# A day, month and year in Spanish, Portuguese, French or Italian ending a dateline (``romance_dateline``): "Lima, 16
# de mayo de 2002", "San Miguel de Piura, 04 JULIO 2025", "Lizbeth Ubillus - 1 abril, 2026", "Paris, 3 juin 2025".
ROMANCE_MONTH = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?+tiembre|octubre|noviembre|diciembre"
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)"
)
_ROMANCE_DATE_END = re.compile(
    r"[0-9]{1,2}+(?:º|°|er)?+[ \t]++(?:de[ \t]++)?+" + ROMANCE_MONTH + r",?+[ \t]++(?:del?+[ \t]++)?+[0-9]{4}[ \t]*+$",
    re.IGNORECASE,
)
# A byline without a colon: "By Jane Smith, Defence Correspondent", "By John Doe · 6 min read".
_BYLINE_NAME = re.compile(
    r"[Bb]y[ \t]++[A-Z][\w'’.-]*+[ \t]++(?:[A-Z]\.?+[ \t]++)?+[A-Z][\w'’-]*+(?:[ \t]*+[,·|]|[ \t]*+$)"
)
# A live blog's or a wire's time stamp alone on its line: "12.04 BST", "Updated at 12.10 BST", "9:15 a.m. ET".
_TIME_STAMP = re.compile(
    r"(?:(?:updated|posted|first[ \t]++published)(?:[ \t]++at)?+[ \t]++)?+[0-9]{1,2}[.:][0-9]{2}"
    r"(?:[ \t]*+(?:[ap]\.?+m\.?+))?+(?:[ \t]++(?:[A-Z]{2,4}|local(?:[ \t]++time)?+))?+",
    re.IGNORECASE,
)

# Lowercase words that open the clause or pointer the next block completes ("We wish to get to a point where",
# "For more details, see"): a line ending on one runs on into the list below it.
_LEAD_IN_WORDS = frozenset({"where", "whereby", "wherein", "when", "whenever", "see", "namely"})

_FOOTNOTE_DEFINITION = re.compile(r"\[\^[^\]\s]{1,40}+\]:")
# A database client's footer under a result table: "2 rows in set (0.00 sec)", "(3 rows)", "Empty set".
_RESULT_FOOTER = re.compile(
    r"(?:[0-9]{1,12}+[ \t]++rows?+[ \t]++in[ \t]++set|empty[ \t]++set|\([0-9]{1,12}+[ \t]++rows?+\))"
    r"(?:,?+[ \t]*+[0-9]{1,6}+[ \t]++warnings?+)?+(?:[ \t]*+\([0-9.]{1,12}+[ \t]*+sec\))?+[ \t]*+",
    re.IGNORECASE,
)
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*+\n[ \t]*+(?=[a-z])")
# A blogging platform's counted furniture copied with the article (Medium, Substack): a whole line.
# Its fixed wordings ("Follow", "Top highlight") are data: ``page_chrome`` in ``nato_briefs/furniture.yaml``.
_PAGE_CHROME = re.compile(
    r"(?:[0-9]{1,3}+[ \t]++min(?:ute)?+s?+[ \t]++read"
    r"|[0-9]{1,6}+[ \t]++(?:claps?+|likes?+|comments?+|responses?+|restacks?+))",
    re.IGNORECASE,
)
# A questionnaire's one-word answers (Kubernetes KEPs, CNCF proposals, issue templates): under a
# question heading, "No" or "N/A" is the answer, never a heading of its own.
ANSWER_WORDS = frozenset(
    ("yes", "no", "none", "n/a", "na", "tbd", "tba", "todo", "nil", "unknown", "pending", "not applicable", "not yet")
)
# Press-release furniture above the headline carrying a time of its own ("EMBARGOED UNTIL 10:00 CET, 12
# June"); the fixed labels ("FOR IMMEDIATE RELEASE") are data: ``release_labels`` in ``furniture.yaml``.
_EMBARGO_LABEL = re.compile(r"embargoed\b[^\n]*+", re.IGNORECASE)
# A web page's share bar copied with the article: "Share this page:", "Share: Facebook | X | LinkedIn",
# "Share on Facebook". The lead words are data (``share_bars`` in ``furniture.yaml``); the site names after
# the colon, or after "on"/"via", are a pattern.
_SHARE_NAMES = re.compile(r"[A-Za-z][\w.+-]{0,20}+(?:[ \t]*+[|·,/][ \t]*+[A-Za-z][\w.+-]{0,20}+)*+[ \t]*+")
_SHARE_ON = re.compile(r"share[ \t]++(?:on|via)[ \t]++", re.IGNORECASE)
# A press release's end mark alone on its line: "###", "# # #", "-30-", "- 30 -".
# A page number a PDF's text layer keeps between dashes, alone on its line ("- 4 -", "— 12 —").
_PAGE_NUMBER = re.compile(r"[ \t]*+[-–—][ \t]*+[0-9]{1,4}+[ \t]*+[-–—][ \t]*+")
# A chat export's message header without brackets (Slack, Teams): a name of one to four capitalised
# words, a particle between them allowed ("Jan de Vries"), blanks, a time ("Jane Doe  10:02 AM", "John Roe 10:05").
_NAME_TIME_STAMP = re.compile(
    r"[A-Z][\w'.-]{0,30}+(?:[ \t](?:[a-z]{1,3}+[ \t])?+[A-Z][\w'.-]{0,30}+){0,3}+[ \t]++[0-9]{1,2}:[0-9]{2}"
    r"(?:[ \t]?+[AaPp]\.?+[Mm]\.?+)?+"
)
# A dated log entry: an ISO date, a colon or a dash, then its note ("2020-05-08: plan opened").
_DATED_ENTRY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[ \t]*+(?::|[-–—][ \t])[ \t]*+\S")
# The gap between a PDF running header's parts ("NATO Review          June 2026"): page layout, not text.
RUNNING_HEADER_GAP = " " * 8
_END_MARK = re.compile(r"[ \t]*+(?:#[ \t]?+#[ \t]?+#|[-–—][ \t]*+30[ \t]*+[-–—])[ \t]*+")
# A page's running header or footer copied from a PDF: "... Page 2 of 5", "Page 3", "- 4 -".
# Matched on the line's last few characters only (``is_page_furniture``).
_PAGE_FURNITURE = re.compile(r"(?:page|p\.)[ \t]*+[0-9]{1,4}+(?:[ \t]++of[ \t]++[0-9]{1,4}+)?+[ \t]*+$", re.I)
# A hashtag ending a social-media line (``... the new pledge. #summit #nato``).
_HASHTAG = re.compile(r"#[^\W\d_][\w-]*+")
# A pandoc bracketed span (``[Baltic Sea]{.mark}``, ``[Priorities]{.underline}``): its text, not its attributes.
_BRACKETED_SPAN = re.compile(r"\[([^\[\]\n]*+)\]\{([^{}\n]*+)\}")

# A line that is one link and nothing else (``[Subscribe now](https://...)``), bold or not.
_LINK_ONLY = re.compile(
    r"[*_]{0,2}+\[(?:[^\[\]\n]++|!\[[^\[\]\n]*+\]\([^()\s]*+\))\]\([^()\s]*+\)[*_]{0,2}+"
)  # a linked image too: "[![Jane Doe](avatar.png)](profile)"

# An admonition's opening line: Docusaurus / remark ``:::tip Title`` or ``:::note[Title]``, MkDocs
# ``!!! note "Title"`` or a collapsible ``??? tip`` / ``???+ tip``; Python-Markdown also takes the type right after
# the marks when a quoted title follows (``!!!tip "Deep knowledge not required!"``), as PagerDuty's docs write it.
_DIRECTIVE = re.compile(r" {0,3}:::[ \t]*+([A-Za-z][\w-]{0,30}+)(?:\[([^\]\n]*+)\]|[ \t]++(.*+))?+")
_MKDOCS_ADMONITION = re.compile(
    r"(?:!!!|\?\?\?\+?+)(?:[ \t]++([A-Za-z][\w-]{0,30}+)(?:[ \t]++\"([^\"\n]*+)\")?+"
    r"|([A-Za-z][\w-]{0,30}+)[ \t]++\"([^\"\n]*+)\")[ \t]*+"
)


def starred_heading(line: str) -> tuple[int, str] | None:
    """The level and text of a heading framed by asterisks (``*** PRIORITIES ***``, ``starred_heading``), or None.

    Plain-text newsletters and mailing lists, which have no bold, head their sections with three to five
    asterisks on each side of the words, the same number, a blank inside each; markdown reads the line as
    literal stars around bold. Near misses: a rule (``***``, ``* * *``), bold italics (``***Priorities***``, no
    blank inside), a list item (``* Priorities *``, one star), unequal sides and a star inside are left as they are.
    """
    text = framed_text(line.strip(" \t"), "*", 5)
    return None if text is None or "*" in text else (2, text)


def framed_text(body: str, mark: str, most: int) -> str | None:
    """The words of a line framed by 3..``most`` ``mark`` characters on each side, the same number, a blank
    inside each (``*** PRIORITIES ***``, ``--- Priorities ---``), or None; the text has a letter."""
    left, right = len(body) - len(body.lstrip(mark)), len(body) - len(body.rstrip(mark))
    if not 3 <= left <= most or left != right or len(body) <= 2 * left + 2:
        return None
    inside = body[left:-right]
    text = inside.strip(" \t")
    if inside[:1] not in " \t" or inside[-1:] not in " \t" or not any(c.isalpha() for c in text):
        return None
    return text


# "1. Background": a section number, its full stop, a blank and a capital (``numbered_heading``).
_SECTION_NUMBER = re.compile(r"([1-9][0-9]?+)\.[ \t]++[A-Z]")
# Fewest numbered headings that make a document's outline, and most words one of them holds.
MIN_NUMBERED_HEADINGS = 3
MAX_NUMBERED_HEADING_WORDS = 14


def _numbered_heading(lines: list[str], k: int) -> int | None:
    """The number of line ``k`` when it could be a numbered section heading in a blank-free layout, else None.

    ``1. Background`` alone between two text lines (neither blank, neither an item of a numbered list),
    its text a title (no closing punctuation, short), over a line of prose opening with a capital.
    """
    found = _SECTION_NUMBER.match(lines[k])
    if found is None or k == 0 or k + 1 >= len(lines):
        return None
    text, above, below = lines[k].rstrip(" \t"), lines[k - 1], lines[k + 1]
    if text[-1:] in ".!?:;," or text.count(" ") >= MAX_NUMBERED_HEADING_WORDS:
        return None
    if not above.strip(" \t") or not below[:1].isupper() or is_table_row(below) or match_item(below) is not None:
        return None
    marker = match_item(above)
    return None if marker is not None and marker.ordered else int(found.group(1))


def numbered_headings(lines: list[str]) -> frozenset[int]:
    """The lines of a document's numbered section headings (``1.`` to ``n.``, spread over it), or none.

    Seed 004's layout with its section headings numbered (``1. Focused Discussions ...`` between a table's
    last row and the section's first paragraph): cmark-gfm reads each as a one-item ordered list and the
    paragraph below as its lazy continuation. The numbers' spread says what they are: each number stands
    alone, prose under it, the next one sections further down, and together they count 1, 2, 3 ... from
    one, three or more. Near misses: an ordered list (its items adjacent), a number over an item or a
    lowercase line (a wrapped item), a sentence after the number, numbers that skip or repeat, and
    numbered lines between blank lines (conventional markdown: cmark-gfm's lists).
    """
    found: list[int] = []
    for k, line in enumerate(lines):
        if not line[:1].isdigit():
            continue
        number = _numbered_heading(lines, k)
        if number is None:
            continue
        if number != len(found) + 1:
            return frozenset()
        found.append(k)
    return frozenset(found) if len(found) >= MIN_NUMBERED_HEADINGS else frozenset()


# "1. PRIORITIES" at the margin: a memo's numbered section header in capitals (``memo_outline``).
_MEMO_HEADER = re.compile(r"([1-9][0-9]?+|[IVX]{1,4}+)[.)][ \t]++[A-Z][A-Z0-9&/'-]*+(?:[ \t]++[A-Z0-9&/'-]++)*+[ \t]*+")
_MEMO_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
# Fewest such headers that make a memo's outline.
MIN_MEMO_HEADERS = 2


def memo_outline_headings(lines: list[str]) -> frozenset[int]:
    """The lines of a memo's numbered section headers (``1. PRIORITIES``, ``2) INITIATIVES``, ``III. REVIEW``), or
    none (``memo_outline``).

    A staff memo numbers its sections in capitals and indents each section's body under its header, a blank line
    between: ``1. PRIORITIES`` / blank / ``   | Priority Area | ... |``. cmark-gfm reads the headers as a loose
    ordered list holding the table and the items, so the table had the memo's first heading as its section and
    the headers were initiatives. Every such line must stand at the margin with a blank (or nothing) above, a blank
    line under it and an indented line under that, and together they count 1, 2 ... from one, two or more (the
    same text numbered the same way). Near misses: a header in mixed case (``1. Priorities``: an ordinary loose
    list, as cmark-gfm reads it), items adjacent or not indented under, a sentence after the number, numbers that
    skip, one header alone.
    """
    found: list[int] = []
    for k, line in enumerate(lines):
        if not (line[:1].isdigit() or line[:1] in "IVX") or (header := _MEMO_HEADER.fullmatch(line)) is None:
            continue
        number = header.group(1)
        if _MEMO_ROMAN.get(number, 0 if number[0] in "IVX" else int(number)) != len(found) + 1:
            return frozenset()
        if k and lines[k - 1].strip(" \t"):
            return frozenset()
        if k + 2 >= len(lines) or lines[k + 1].strip(" \t") or lines[k + 2][:1] not in (" ", "\t"):
            return frozenset()
        if not lines[k + 2].strip(" \t"):
            return frozenset()
        found.append(k)
    return frozenset(found) if len(found) >= MIN_MEMO_HEADERS else frozenset()


def memo_section_bodies(lines: list[str], headers: frozenset[int]) -> list[str]:
    """The lines with each memo section's body set back to the margin (``memo_outline``): the lines under a header
    found by ``memo_outline_headings``, down to the next header or the first line at the margin, lose their common
    indentation (a tab counting to the next multiple of 4), so a body indented four spaces (a memo's usual) is the
    table, items and prose it was, not code. Nested items keep their relative indentation; line numbers stay."""
    out = list(lines)
    for k in sorted(headers):
        end = k + 1
        while end < len(lines) and end not in headers and (not lines[end].strip(" \t") or lines[end][:1] in " \t"):
            end += 1
        body = [indentation(line)[0] for line in lines[k + 1 : end] if line.strip(" \t")]
        width = min(body, default=0)
        out[k + 1 : end] = [dedent(line, width) if line.strip(" \t") else line for line in lines[k + 1 : end]]
    return out


def is_field_line(text: str) -> bool:
    """``Status: In progress``: a label of one to three words, a colon, then its value on the same line.

    One such line may be a headline (``Ukraine: Allies Pledge More Aid``); a run of them is
    metadata (Notion properties, e-mail headers, a glossary), never a heading. The colon may stand after white
    space (``aligned_field``, sweep 18): a plain-text advisory aligns its labels' colons (``EGI SVG ID :
    EGI-SVG-2024-13`` / ``CVE ID     : CVE-2024-6387``), French typography spaces it (``Date : 16 mai 2026``).
    """
    body = text.lstrip(" \t")
    return _FIELD.match(body) is not None or (" :" in body and _ALIGNED_FIELD.match(body) is not None)


# A speaker's initials opening a transcript's turn: "EAO: ...", "[APP] : ...", "ZBI, STA: +1", "APP - Yes".
_SPEAKER_TURN = re.compile(
    r"\[?+[A-Z]{2,4}+\]?+(?:(?:,|/|[ \t]&)[ \t]*+\[?+[A-Z]{2,4}+\]?+)*+(?:[ \t]*+:|[ \t]++[-–])[ \t]++\S"
)


# A speaker's name in bold opening a minute's turn (``bold_speaker_turn``, sweep 19): "**M** - 102 could be merged",
# "**Frederic** - There was a request ...", "__Anna Kowalska__: OK". One to three capitalised words, a dash or a colon.
_BOLD_SPEAKER_TURN = re.compile(
    r"(\*\*|__)[A-Z](?:[^\W_]|['’.-]){0,30}+(?:[ \t][A-Z](?:[^\W_]|['’.-]){0,30}+){0,2}+\1"
    r"(?:[ \t]*+:|[ \t]++[-–])[ \t]++\S"
)


def is_speaker_turn(text: str) -> bool:
    """``SFC: No``, ``[APP] : Any objections?``, ``EAO - Yes``: a turn of a meeting's notes, its speaker's initials
    first (``speaker_turn``, sweep 15).

    Working groups minute a call as turns, one paragraph each, the speaker named by the initials the attendees
    list gives. A short turn without a closing stop (``APP: I don't hear any objection to making the change``)
    reads as a bare title over the next turns; the caller asks for another turn one line or one blank line
    away, so a lone ``NATO: Allies Agree Plan`` headline stays a title. Near misses: a field (``Status: Done``,
    not initials), ``Q: ...`` (one letter), a name (``Anna: ...``). A name in bold is a speaker's whatever its
    length (``bold_speaker_turn``, sweep 19: a CIP editors' meeting minutes each turn ``**M** - OK``, ``**Duncan**
    - I agree ...``; the short ones without a stop read as bare titles); a bold label over its text stays the
    label rules' (``**Status:** Done``, the colon inside the bold).
    """
    body = text.lstrip(" \t")
    if body[:1] in "*_":
        return _BOLD_SPEAKER_TURN.match(body) is not None
    return (body[:1] == "[" or body[:1].isupper()) and _SPEAKER_TURN.match(body) is not None


def spaced_field_neighbours(lines: Sequence[str], i: int) -> tuple[str, str]:
    """The text lines one blank line above and below line ``i`` ('' where the gap is not exactly one blank).

    Fields written a paragraph each (``CWE-613: Insufficient Session Expiration`` / blank / ``Severity:
    Medium``, a security advisory's) are a run of fields as much as fields on adjacent lines are; the caller
    asks whether a neighbour is one (``spaced_field_run``, sweep 14).
    """
    above = lines[i - 2] if i >= 2 and not lines[i - 1].strip() else ""
    below = lines[i + 2] if i + 2 < len(lines) and not lines[i + 1].strip() else ""
    return above, below


def is_chat_stamp(text: str) -> bool:
    """``[10:02] Jan de Vries``, ``Jane Doe  10:02 AM``: a pasted Teams or Slack message header, never a title."""
    if text[:1] == "[":
        return _CHAT_STAMP.match(text) is not None
    body = text.strip(" \t")
    return len(body) <= 80 and body[-1:] in "0123456789Mm." and _NAME_TIME_STAMP.fullmatch(body) is not None


def is_dated_entry(text: str) -> bool:
    """``2020-05-08: plan opened``: a log's dated entry (an ISO date, a colon or dash, its note), never a title."""
    body = text.strip(" \t*_")
    return _DATED_ENTRY.match(body) is not None


# A heading in a script written without spaces is short; a longer line with a clause comma is a sentence.
MAX_UNSPACED_TITLE_CHARS = 30
CLAUSE_COMMAS = frozenset("，、；")  # also ``is_spaced_cjk_sentence``'s (``rules/notices.py``)


def is_unspaced_sentence(text: str) -> bool:
    """``有時候，這些關係還會進一步發展成更廣闊的防務合作``: a Chinese or Japanese sentence without its final stop.

    Word counts say nothing where words are not spaced (``unspaced_sentence``): a line of more than
    30 characters holding a clause comma (``，``, ``、``, ``；``) and no blank is a sentence, never a title.
    """
    body = text.strip(" \t")
    return len(body) > MAX_UNSPACED_TITLE_CHARS and " " not in body and any(ch in CLAUSE_COMMAS for ch in body)


# What a Japanese or Chinese line never ends on when its sentence is finished: the object, subject, listing and
# genitive particles (を, が, や, の) and a clause comma (、, ，). A heading ends on a noun ("...とは" is one).
_RUN_ON_ENDS = frozenset("をがやの、，")
# Kana or a CJK ideograph before the last character: the line is Japanese or Chinese text.
_CJK_TEXT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def ends_on_particle(text: str) -> bool:
    """``複数の改善および修正を含む演習計画 バージョン 2.1 が``: a hard-wrapped Japanese line, never a title.

    Japanese and Chinese release notes wrap their paragraphs at a fixed width like any plain text, and the
    break falls where it falls: after a particle (``... 新しい機能や`` / ``様々なバグ修正 ...``) or a clause comma.
    Shorter than 30 characters, such a line passed ``unspaced_sentence``'s length test and read as a bare title
    over the rest of its sentence (``particle_wrap``, sweep 16). A sentence never stops on a particle or a comma.
    """
    body = text.rstrip(" \t")
    return len(body) >= 2 and body[-1] in _RUN_ON_ENDS and _CJK_TEXT.search(body, 0, len(body) - 1) is not None


# How a Chinese line hands over to the block below it: "代码如下" (the code is as follows), "... API 如下所示".
_CJK_LEAD_IN_ENDS = ("如下", "如下所示")


def ends_in_cjk_lead_in(text: str) -> bool:
    """``代码如下`` over a code block, ``Pytorch中相关实现如下``: a Chinese lead-in, never a title (``cjk_lead_in``).

    Chinese design documents (an open-source project's API proposals and meeting notes) introduce a code block,
    a table or a list with a line ending on 如下 ("as follows") or 如下所示 ("as shown below"), mostly without the
    colon an English writer puts there. Short and unpunctuated, the line read as a bare title over an empty
    section; it is the sentence the block below completes, as a line ending in ``:`` is. A line that only holds
    如下 inside (``如下图所示的架构``) is left to the title rules, and an ATX heading stays a heading.
    """
    return text.rstrip(" \t*_").endswith(_CJK_LEAD_IN_ENDS)


def is_running_header(text: str) -> bool:
    """``NATO Review          June 2026``: a PDF page's header, its parts set apart by a wide gap, never a title.

    A header holds words (a publication's name, a date): a gapped line of figures (``2025        2026``) is a
    table's row or a column of numbers, not a page's header.
    """
    body = text.strip(" \t")
    gap = body.find(RUNNING_HEADER_GAP)
    return gap > 0 and bool(body[gap:].strip(" \t")) and has_letter(body)


def is_page_number(line: str) -> bool:
    """``- 4 -``: a page number between dashes alone on its line (a PDF's footer), markup like a rule; centred on
    the page too, as ``pdftotext -layout`` keeps it (``centred_page_number``)."""
    return len(line) <= MAX_CENTRED_CHARS and _PAGE_NUMBER.fullmatch(line) is not None


# Longest line a centred page number or marking stands on: the indentation of a page 80 columns wide, then it.
MAX_CENTRED_CHARS = 80


def is_page_footer(body: str) -> bool:
    """``2``, ``- 2 -``, ``Page 2 of 3``: a PDF page's number or footer, the stripped line alone.

    Four digits at most: a longer number is data, not a page. The page break (``page_break_end``) and an
    aligned table's page turn (``page_turn``) both cross it.
    """
    return (body.isdigit() and len(body) <= 4) or is_page_number(body) or is_page_furniture(body)


def page_break_end(lines: list[str], j: int, reach: int = 3) -> int | None:
    """Where the next page's text starts when ``lines[j]`` is a page's footer (``page_break``), or None.

    A PDF's text layer puts the page number on a line of its own (``2``, ``- 2 -``, ``Page 2 of 3``)
    between the last line of one page and the first of the next; a blank line or two may follow.
    """
    if not is_page_footer(lines[j].strip(" \t")):
        return None
    for k in range(j + 1, min(len(lines), j + 1 + reach)):
        if lines[k].strip():
            return k
    return None


def is_page_turn_furniture(line: str) -> bool:
    """A page's footer or running header line (its number, ``Page 2 of 5``, parts set apart by a wide gap): what
    a page turn puts between two rows of a table, an aligned one's (``page_turn``) or a pipe one's; and the
    classification marking a NATO document prints centred at the foot and head of every page (``NATO
    UNCLASSIFIED``, a ``furniture.yaml`` line: ``marking_page_turn``)."""
    body = line.strip(" \t")
    return is_page_footer(body) or is_running_header(line) or _is_marking(body)


def _is_marking(body: str) -> bool:
    """A whole line of ``furniture.yaml``'s (``NATO UNCLASSIFIED``), written in capitals as markings are."""
    return body.isupper() and len(body) <= MAX_FURNITURE_CHARS and furniture_key(body) in load_furniture().lines


def pipe_page_turn(lines: list[str], i: int, width: int) -> int | None:
    """The line where a pipe table of ``width`` cells goes on after a PDF's page turn (``pipe_page_turn``), or None.

    ``lines[i]`` is the blank line under the table's last row on the page. A PDF's text layer puts the
    page's number (``1``, ``- 1 -``, ``Page 1 of 2``) and the next page's running header (``NATO Review   ...
    March 2025``) between two rows of one table, blank lines around them: crossed, as ``page_turn`` crosses
    them in an aligned table, the next row of as many cells is the table's. Near misses: a blank line alone
    (it ends a table), a line of text between (a new paragraph), a row of another width or a new header over
    its delimiter row (a table of its own).
    """
    j = after_page_turn(lines, i, is_table_row, is_page_turn_furniture)
    if j is None or len(pipe_cells(lines[j])) != width or is_delimiter_row(lines[j]):
        return None
    return None if j + 1 < len(lines) and is_delimiter_row(lines[j + 1]) else j


def strip_permalink(line: str) -> str:
    """The line without the pilcrow a documentation site puts after each heading (``Priorities¶``)."""
    return line.rstrip(" \t")[:-1].rstrip(" \t") if line.rstrip(" \t").endswith("¶") else line


def is_dateline(text: str) -> bool:
    """``NATO Defence Ministers, June 2025``, ``Published 3 June 2025 | Updated ...``: a date stamp, never a title.

    The date must end the line and follow a separator (``,`` ``·`` ``|`` a dash) or a
    publishing verb: ``Summit in June 2025`` may still be a title. A day, month and year written in Spanish,
    Portuguese, French or Italian count too (``romance_dateline``, sweep 17: a Peruvian decree's ``Lima, 16 de
    mayo de 2002`` and a council's ``San Miguel de Piura, 04 JULIO 2025`` read as bare titles); without the day
    (``Cumbre, mayo 2025``) such a line keeps the title rules. So do a comma and the article French, Spanish,
    Italian or Portuguese put before such a date (``article_dateline``, sweep 19: a club's rules signed ``Fait à
    Genas, le 17 juillet 2025`` over its president's name read as a bare title; ``Bruxelles, le 4 avril 2026``);
    without the comma (``Sommet le 17 juillet 2025``) the title rules stay.
    """
    body = text.strip(" \t*_")
    if len(body) > 200:
        return False
    tail = max(0, len(body) - 40)
    match = _DATE_END.search(body, tail)
    romance = match is None and (match := _ROMANCE_DATE_END.search(body, tail)) is not None
    if match is None or (match.start() and body[match.start() - 1] not in " \t"):
        return False
    before = body[: match.start()].rstrip(" \t")
    if romance and _after_comma_article(before):
        return True
    return not before or before[-1] in ",·|–—-" or _DATE_LEAD.match(body) is not None


# The article a Romance dateline puts between its place's comma and the date: "Fait à Genas, le 17 juillet 2025",
# "Madrid, el 5 de mayo de 2024", "Roma, il 3 giugno 2025", "Lisboa, em 5 de maio de 2024" (``article_dateline``).
_DATE_ARTICLES = frozenset(("le", "el", "il", "em"))


def _after_comma_article(before: str) -> bool:
    """``Fait à Genas, le``: the text before a Romance date ends on a comma and a date's article."""
    head, _, last = before.rpartition(" ")
    return last.casefold() in _DATE_ARTICLES and head.rstrip(" \t").endswith(",")


def is_byline_name(text: str) -> bool:
    """``By Jane Smith, Defence Correspondent``, ``By John Doe · 6 min read``: a byline, never a title.

    ``By`` then a capitalised name of two words (a middle initial allowed), ending the line or
    followed by ``,`` ``·`` ``|``. ``By the Numbers`` and ``By Air and Sea`` stay possible titles.
    """
    body = text.strip(" \t*_")
    return body[:3].lower() == "by " and _BYLINE_NAME.match(body) is not None


def is_time_stamp(text: str) -> bool:
    """``12.04 BST``, ``Updated at 12.10 BST``: a live blog's time stamp alone on its line, never a title."""
    body = text.strip(" \t*_")
    return len(body) <= 40 and _TIME_STAMP.fullmatch(body) is not None


def ends_in_lead_in(text: str) -> bool:
    """``We wish to get to a point where``, ``For more details, see``: the sentence runs on into the block below.

    Only the lowercase word counts: ``Who Flies Where``, ``Places to See`` or ``SEE`` in a Title Case or
    ALL CAPS title stays a title.
    """
    words = text.rsplit(None, 1)
    return bool(words) and words[-1].rstrip("*_") in _LEAD_IN_WORDS


def is_footnote_definition(line: str) -> bool:
    """``[^1]: text``, ``[^note]: text``: a footnote's definition, whose indented paragraphs below are its own."""
    return line[:2] == "[^" and _FOOTNOTE_DEFINITION.match(line) is not None


# A news site's section label over the headline ("ANALYSIS", "Opinion", "EXPLAINER").
KICKERS = frozenset(
    {"analysis", "opinion", "comment", "commentary", "explainer", "exclusive", "factbox", "breaking",
     "breaking news", "live", "update", "interview", "editorial", "fact check", "in depth", "long read",
     "special report"}
)  # fmt: skip


def is_kicker(text: str, below: str) -> bool:
    """A section label (``ANALYSIS``) right above the headline (``# Why ...``): a kicker, never the title.

    Alone, the same word may head a section; only a level-one heading right below (a
    blank line between) makes it the label over the headline.
    """
    body = text.strip(" \t*_")
    return len(body) <= 20 and body.lower() in KICKERS and below.lstrip(" ")[:2] == "# "


def join_hyphen_breaks(text: str) -> str:
    """Lines broken after a hyphen inside a word (``long-\\nrange``, ``defen-\\nce``) joined without a space.

    Text copied from a PDF or wrapped by hand splits words at line ends; markdown reads the
    line break as a space (``long- range``). The hyphen stays: no character is dropped, and
    a compound (``long-range``) is right; a split word keeps its hyphen (``ac-cording``).
    Only a letter before the hyphen and a lowercase letter after the break. A word whose second part is one of
    ``SPLIT_WORD_ENDINGS`` was split by the line end, and loses the hyphen (``split_word_ending``).
    """
    return _HYPHEN_BREAK.sub(_break_hyphen, text)


def _break_hyphen(match: re.Match[str]) -> str:
    return "" if ends_split_word(match.string[match.end() : match.end() + _LONGEST_ENDING + 1]) else "-"


# The endings of a word a line end split at its hyphen, as a PDF's text layer and a justified text keep it
# (``split_word_ending``): "strength-" / "en", "Novem-" / "ber", "emis-" / "sions", "coopera-" / "tion". No word a
# compound joins is one of them, so the hyphen goes with the break; a compound's second word keeps it
# ("long-" / "range" -> "long-range"), and so does any split the list does not name ("defen-" / "ce").
SPLIT_WORD_ENDINGS = frozenset(
    "tion tions sion sions ment ments ness ities ity ing ings ed er ers en ence ences ance ances ly al ally ous "
    "ure ures able ible ism ist ists ise ised ize ized ber bers ic ical ive ives ary ory ories aries".split()
)
_LONGEST_ENDING = max(map(len, SPLIT_WORD_ENDINGS))
_WORD_OPENING = re.compile(r"[^\W\d_]++")


def ends_split_word(after: str) -> bool:
    """The text after a line end's hyphen opens with a split word's ending (``split_word_ending``): ``ber.``, ``en
    the``; a whole word (``range``), a longer one (``enable``) or a capital (``Pacific``) is a compound's part."""
    word = _WORD_OPENING.match(after)
    return word is not None and word.group() in SPLIT_WORD_ENDINGS


def is_result_footer(text: str) -> bool:
    """``2 rows in set (0.00 sec)``, ``(3 rows)``: a database client's footer under its table, never a title."""
    body = text.strip(" \t")
    return len(body) <= 60 and _RESULT_FOOTER.fullmatch(body) is not None


def is_page_chrome(text: str) -> bool:
    """``7 min read``, ``Follow``, ``Top highlight``, ``12 claps``: a platform's furniture, never a title.

    Fixed wordings from ``furniture.yaml`` (``page_chrome``, up to ``MAX_FURNITURE_CHARS``: a government page's
    ``Report a problem on this page``), counted ones from ``_PAGE_CHROME`` (up to 30 characters).
    """
    body = text.strip(" \t*_")
    if len(body) > MAX_FURNITURE_CHARS:
        return False
    if furniture_key(body) in load_furniture().page_chrome:
        return True
    return len(body) <= 30 and _PAGE_CHROME.fullmatch(body) is not None


def is_answer(text: str) -> bool:
    """``No``, ``N/A``, ``TBD``: a one-word answer standing alone, never a title (``ANSWER_WORDS``)."""
    body = text.strip(" \t*_.")
    return len(body) <= 14 and body.casefold() in ANSWER_WORDS


def ends_in_hard_break(text: str) -> bool:
    """A line ending in a backslash, CommonMark's hard line break (an address block): it runs on, never a title."""
    body = text.rstrip(" \t")
    return body[-1:] == "\\" and body[-2:] != "\\\\"


def is_release_label(text: str) -> bool:
    """``FOR IMMEDIATE RELEASE``, ``EMBARGOED UNTIL ...``, ``MEDIA ADVISORY``: furniture above the headline.

    Fixed labels from ``furniture.yaml`` (``release_labels``); an embargo line, whatever its time, by pattern.
    """
    body = text.strip(" \t*_")
    if len(body) <= MAX_FURNITURE_CHARS and furniture_key(body) in load_furniture().release_labels:
        return True
    return _EMBARGO_LABEL.fullmatch(body) is not None


def is_share_bar(text: str) -> bool:
    """``Share this page: Facebook | X | Email``: a page's share buttons as text, never a title.

    Kept as prose (nothing is dropped); only the title test must not take it.
    """
    body = text.strip(" \t*_")
    if len(body) > 120:
        return False
    leads = load_furniture().share_bars
    lead, colon, names = body.partition(":")
    if furniture_key(lead) in leads and (not names.strip() or _SHARE_NAMES.fullmatch(names.strip(" \t"))):
        return colon == ":" or furniture_key(lead) != "share"  # bare "Share" is a button, by its colon only
    found = _SHARE_ON.match(body)
    return found is not None and _SHARE_NAMES.fullmatch(body, found.end()) is not None


def is_end_mark(line: str) -> bool:
    """A press release's end mark alone on its line (``###``, ``# # #``, ``- 30 -``): markup, like a rule."""
    return _END_MARK.fullmatch(line) is not None


def is_page_furniture(text: str) -> bool:
    """A PDF page's running header or footer copied with the text (``NATO ... Page 1 of 3``): never a title."""
    body = text.rstrip()
    offset = max(0, len(body) - 24)  # the label sits in the line's last few characters
    for start in range(offset, len(body)):
        if (start == 0 or body[start - 1] in " \t") and _PAGE_FURNITURE.match(body, start):
            return True
    return False


def strip_trailing_hashtags(text: str) -> str:
    """The text without the hashtags that end it (``... the new pledge. #summit #nato`` -> ``... pledge.``).

    One pass from the end, no copies: linear however many tags the line holds.
    """
    end = rstrip_end(text, len(text))
    while end:
        start = text.rfind(" ", 0, end) + 1
        if start == 0 or _HASHTAG.fullmatch(text, start, end) is None:
            break
        end = rstrip_end(text, start)
    return text[:end]


def _keep_span_text(match: re.Match[str]) -> str:
    words = match.group(2).split()
    return match.group(1) if words and all(is_attribute(w) for w in words) else match.group(0)


def strip_bracketed_spans(text: str) -> str:
    """Pandoc's bracketed spans as their text (``[Baltic Sea]{.mark}`` -> ``Baltic Sea``).

    Word documents converted by pandoc mark underlined and highlighted text so; the
    attributes are markup. A brace group that is not attributes (``[x]{2025}``) stays.
    """
    return _BRACKETED_SPAN.sub(_keep_span_text, text) if "]{" in text else text


def wrapped_span(above: str, line: str) -> tuple[str, str] | None:
    """A bracketed span cut by pandoc's 72-column wrap, both lines without its markup (``wrapped_span``).

    ``[Commercial Space`` over ``Strategy]{.underline} adopted ...``: each line alone holds half the
    span, so ``strip_bracketed_spans`` leaves both brackets and the attributes in the text. None unless
    ``line`` closes a bracket it never opened with attributes only and ``above`` leaves one open.
    """
    close = line.find("]{")
    end = line.find("}", close + 2) if close >= 0 else -1
    opener = above.rfind("[")
    if end < 0 or "[" in line[:close] or opener < 0 or "]" in above[opener:]:
        return None
    words = line[close + 2 : end].split()
    if not words or not all(is_attribute(word) for word in words):
        return None
    return above[:opener] + above[opener + 1 :], line[:close] + line[end + 1 :]


def mend_spaced_bold(text: str) -> str:
    """Bold whose delimiters have a space inside, as Google Docs exports it, made markdown bold again.

    ``**Key measures: **`` and ``** Priorities**`` are literal stars to CommonMark; the
    spaces move outside the pair (``**Key measures:** ``), and a pair around nothing but
    punctuation and spaces (``defence**, **the``) is dropped. Only a line whose ``**``
    pair up is touched, and only pairs with such a space.
    """
    parts = text.split("**")
    if len(parts) < 3 or len(parts) % 2 == 0:
        return text
    out = [parts[0]]
    for k in range(1, len(parts) - 1, 2):
        inner, after = parts[k], parts[k + 1]
        body = inner.strip(" \t\u00a0")
        if body == inner or not body:
            out.append(f"**{inner}**{after}")
        elif not any(ch.isalnum() for ch in body):
            out.append(f"{inner}{after}")
        else:
            lead, trail = inner[: inner.index(body)], inner[inner.index(body) + len(body) :]
            out.append(f"{lead}**{body}**{trail}{after}")
    return "".join(out)


def is_whole_line_italic(text: str) -> bool:
    """``_No response_``, ``*Photo by the author*``: a line wholly in single-delimiter emphasis.

    Italics mark notes, captions and placeholders; a title is bold or a heading, never only italic.
    """
    body = text.strip()
    delim = body[:1]
    return (
        delim in ("*", "_")
        and len(body) > 2
        and body[1] != delim
        and body.endswith(delim)
        and body[-2] != delim
        and delim not in body[1:-1]
    )


def is_comment_line(line: str) -> bool:
    """An Obsidian comment alone on its line (``%% draft: check figures %%``): hidden, read as a blank line."""
    body = line.strip(" \t")
    return len(body) >= 4 and body.startswith("%%") and body.endswith("%%")


def plain_text_heading(line: str) -> str | None:
    """The heading's text of a Mailchimp plain-text heading (``** Priorities``), or None.

    Mailchimp's text version writes each ``<h1>``-``<h4>`` as two stars, a space and
    the heading; no closing stars follow, so markdown would read the stars as text.
    """
    if not line.startswith("** ") or "**" in line[3:] or "*" in line[3:4]:
        return None
    text = line[3:].strip()
    return text or None


# A setext underline a word processor autocorrected: a run of em dashes or of en dashes ("———", "–––"),
# typed as "---" under a heading.
_DASH_UNDERLINE = re.compile(r"(?:\u2014{2,}+|\u2013{2,}+)[ \t]*+")
# How a line that heads a section may not end: a sentence, a clause or a lead-in.
_CLOSING = frozenset(".!?:;,")


def dash_underline(line: str, above: str, above_above: str) -> bool:
    """``Steps agreed by the ministers ...`` over ``——————``: the dashes are a setext underline
    (``dash_underline``), the line above a level-2 heading, as ``---`` under it would make it.

    Word, Outlook and Google Docs turn a typed ``---`` into an em dash (``--`` into an en dash), so a
    markdown heading's underline reaches the reader as a row of dashes, read as a divider. Only under one
    line of text (a blank line or the start above it) that is no list item and does not end as a
    sentence does (``.``, ``:``...): a row of dashes under a paragraph or a sentence stays a divider.
    """
    if _DASH_UNDERLINE.fullmatch(line) is None or above_above.strip():
        return False
    text = above.strip()
    if not text or text[-1] in _CLOSING or text.startswith(("|", ">", "#")):
        return False
    return match_item(above) is None


def framed_heading(line: str) -> tuple[int, str] | None:
    """The level and text of a heading framed by hyphens (``--- Priorities ---``, ``framed_heading``), or None.

    Plain-text writers mark a heading as MediaWiki does with ``=`` signs (``=== Priorities ===``, read by
    ``wiki_heading``), but with hyphens: three to six on each side, the same number, a blank inside each. Near
    misses: a rule (``------``), a scissors line (``--- 8< ---``, no letter), ``-- Jane`` (a signature: one side),
    ``--- Allies --- agree`` (not framed) and an e-mail's banners (``---- Original Message ----``, Lotus Notes'
    ``----- Forwarded by Anna/PL/NATO on 05/06/2025 11:02 -----``: a slash, ``@`` or colon) are left as they are.
    """
    body = line.strip(" \t")
    text = framed_text(body, "-", 6)
    if text is None or "--" in text:
        return None
    if opens_quoted_message(body) or any(c in text for c in "/@:"):
        return None  # a mail client's banner: "----- Forwarded by Anna Kowalska/PL/NATO on 05/06/2025 11:02 -----"
    return 2, text


def unclosed_tilde_underline(line: str, above: str) -> bool:
    """A line of tildes under a title, with no ``~~~`` line below it anywhere (``unclosed_tilde_underline``).

    ``Strategic Recommendations ...`` / ``~~~~~~~~`` / prose on the next line: markdown opens a ``~~~`` fence and,
    no fence closing it, reads the rest of the article as code; the writer underlined the title, as reST and
    plain-text writers do (``is_rst_underline`` reads it when a blank line follows). The caller checks that no
    ``~~~`` line follows. The rule is as long as the title or up to four longer, the title one line of text no
    longer than a heading. Near misses: a fence under a sentence of another length, or closed further down, is a
    fence; tildes under a list item or a table row are left as they are.
    """
    rule, title = line.rstrip(" \t"), above.strip(" \t")
    if len(rule) < 3 or rule != "~" * len(rule) or not title or title[0] in "~`|>#-*+":
        return False
    return len(title) <= len(rule) <= len(title) + 4 and any(c.isalpha() for c in title)


def is_signature_separator(line: str, nxt: str) -> bool:
    """``-- `` alone on its line with the signature right under it (RFC 3676): not a setext underline.

    CommonMark would make the sign-off above it (``Best regards, Anna``) a heading. A table,
    list or heading right under it is markdown's (``Priorities`` / ``--`` / ``| a | b |``); a
    signature's ``Name | Title`` line is no table.
    """
    return line.rstrip(" \t") == "--" and bool(nxt.strip()) and lead_char(nxt) not in "#>-*+|"


def has_letter(text: str) -> bool:
    """Any letter a reader sees: a line of digits and signs (``1``, ``[1](#footnote-1)``, ``👍``) is never a title."""
    if "](" in text:
        text = LINK_TARGET.sub("]", text)
    return any(ch.isalpha() for ch in text)


# What a newsletter's or blog's buttons say: a link alone on its line with one of these texts is a button.
_BUTTON_TEXT = re.compile(
    r"[*_]{0,2}+\[[ \t]*+(?:share(?:[ \t]++this[ \t]++post)?+|subscribe(?:[ \t]++now)?+|leave[ \t]++a[ \t]++comment"
    r"|comments?+|read[ \t]++more|sign[ \t]++up|donate|follow|listen|watch|like|repost|restack|tweet)[ \t]*+\]",
    re.IGNORECASE,
)


def is_button_link(text: str) -> bool:
    """``[Share](https://...)``, ``[Leave a comment](...)``: a button, even alone, never a title."""
    body = text.strip()
    return is_link_only(body) and _BUTTON_TEXT.match(body) is not None


def is_link_only(text: str) -> bool:
    """A line that is one markdown link and nothing else (``[Share](https://...)``): a button when in a run."""
    return _LINK_ONLY.fullmatch(text.strip()) is not None


# A contents entry's number: "4.3", "4.11.8", "Appendix E.", "Annex A" (a label word, then a number or a capital).
_ENTRY_NUMBER = re.compile(
    r"(?:[A-Z][a-z]{2,11}+[ \t]++(?:[A-Z]|[0-9]{1,3}+)|[0-9]{1,3}+(?:\.[0-9]{1,3}+)++)\.?+[ \t]++"
)


def is_numbered_link(text: str) -> bool:
    """``4.3 [Identity Management Testing](03-Identity_Management_Testing/README.md)``: a contents entry, a section's
    number before one link to its page (``numbered_contents_link``, sweep 16).

    A guide's contents page (OWASP's testing guide, a handbook's README) lists its chapters a paragraph each;
    like a link alone (``link_run``) such a line heads nothing, and in a run of them each read as a bare title
    over an empty section. The caller asks for another entry or link within a blank line or two. Near misses:
    ``4.3 Identity Management`` (no link), ``2026 [Summit](x)`` (a year, no section number).
    """
    body = text.strip()
    found = _ENTRY_NUMBER.match(body)
    return found is not None and is_link_only(body[found.end() :])


# A run of backticks: a code span opens and closes with runs of one length.
_BACKTICKS = re.compile(r"`++")


def is_code_span_line(text: str) -> bool:
    """```SELECT id, name FROM users WHERE id=1``` alone on its line: code, never a title (``code_span_line``).

    Security guides and how-tos set a query, a command or an error message as a paragraph of its own, one inline
    code span (``ORA-00933: SQL command not properly ended``); cmark-gfm reads it as a paragraph of code, but
    short and unpunctuated it read as a bare title over the explanation below (sweep 16). A span holding a space
    is a statement or a message; one word (```ReadArticle```) may name what a section documents and is left
    to the title rules.
    """
    body = text.strip(" \t")
    runs = list(_BACKTICKS.finditer(body)) if body[:1] == "`" and body[-1:] == "`" else []
    if len(runs) < 2 or runs[0].start() != 0 or runs[-1].end() != len(body):
        return False
    width = runs[0].end()
    inner = body[width : runs[-1].start()]
    # one span: closed by the last run only, as long as the opening one, and holding a space between words
    closes_early = any(run.end() - run.start() == width for run in runs[1:-1])
    return runs[-1].end() - runs[-1].start() == width and not closes_early and " " in inner.strip()


# What may stand before a title's first letter: opening markup, quotes, and emoji or other symbols.
# "§ 2 Priorities": a numbered section; "【主な優先事項】": a Japanese release's section line (``cjk_bracket_title``)
CJK_OPENING_BRACKETS = frozenset("【「『〔［（〈《〖〘〚")
_TITLE_OPENERS = frozenset("*_\"'“‘[( \t§") | CJK_OPENING_BRACKETS


def title_lead(text: str) -> str:
    """The first character of a title after opening markup and emoji (``⚡️ NATO allies ...`` -> ``N``).

    Social-media and newsletter titles open with an emoji; its capital comes after it.
    """
    for ch in text:
        if ch not in _TITLE_OPENERS and unicodedata.category(ch) not in SYMBOL_CATEGORIES:
            return ch
    return ""


def is_mdx_import(line: str) -> bool:
    """An MDX module line (``import Tabs from '@theme/Tabs';``): code of the page, not its text."""
    body = line.rstrip(" \t")
    if not body.startswith("import "):
        return False
    body = body[:-1] if body.endswith(";") else body
    return body[-1:] in ("'", '"') and (" from " in body or body[7:8] in ("'", '"'))


def admonition_title(line: str) -> str | None:
    """The title of an admonition's opening line ('' when it has none), or None for any other line.

    The marker and its type are markup; a title the author wrote (``Why it matters``) is text.
    """
    lead = lead_char(line)
    if lead == ":":
        match = _DIRECTIVE.fullmatch(line.rstrip(" \t"))
        return None if match is None else (match.group(2) or match.group(3) or "").strip()
    if lead in ("!", "?"):
        match = _MKDOCS_ADMONITION.fullmatch(line.rstrip(" \t"))
        return None if match is None else (match.group(2) or match.group(4) or "").strip()
    return None


def is_mkdocs_admonition(line: str) -> bool:
    """``!!! note "Contacts"``, ``!!!warning "Security Incident?"``, ``!!! tip``: an MkDocs admonition's opening
    line, never a TiddlyWiki heading (``bang_admonition``, sweep 15).

    TiddlyWiki writes ``!!! Priorities`` for a third-level heading, and a page with two such lines reads its
    ``!`` lines as headings (``bang_heading``); an MkDocs page with two admonitions then lost them to headings
    (``note "Contacts"``, the page's title) and their bodies, indented as code. A quoted title or a lowercase
    type (the admonition's CSS class) says MkDocs; ``!!! Priorities`` and ``!! Background`` stay headings.
    """
    if line[:1] not in ("!", "?"):
        return False
    match = _MKDOCS_ADMONITION.fullmatch(line.rstrip(" \t"))
    if match is None:
        return False
    kind = match.group(1) or match.group(3)
    return match.group(2) is not None or match.group(4) is not None or kind.islower()


def dedent(line: str, width: int) -> str:
    """The line without up to ``width`` columns of its indentation (a tab counting to the next multiple of 4)."""
    col = 0
    for n, ch in enumerate(line):
        if col >= width or ch not in " \t":
            return line[n:] if col <= width else " " * (col - width) + line[n:]
        col = col + 1 if ch == " " else col + 4 - col % 4
    return ""


def is_toc_placeholder(line: str, nxt: str) -> bool:
    """kramdown's table-of-contents placeholder (``* TOC`` over ``{:toc}``): the site renders a contents list there."""
    body = line.strip(" \t")
    return body[:2] in ("* ", "- ", "1.") and body[2:].strip() in ("TOC", "Table of Contents") and is_toc_marker(nxt)


def is_toc_marker(line: str) -> bool:
    """``{:toc}``: kramdown's attribute list that turns the list item above into the contents list."""
    return line.strip(" \t").replace(" ", "").lower() == "{:toc}"


# A post's date as its byline prints it: "June 25, 2025", "Jun. 25 2025", "25 June 2025", "2025-06-25" (an
# alternation: wrap it in a group). Also the date of ``is_date_first_byline`` (``rules/notices.py``).
POST_DATE = (
    r"(?:[A-Z][a-z]{2,8}+\.?+[ \t]++[0-9]{1,2}+,?+|[0-9]{1,2}+\.?+[ \t]++[A-Z][a-z]{2,8}+\.?+)[ \t]++[0-9]{4}"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}"
)


# "June 25, 2025 by [The Team](/team)", "25 June 2025 by Jane Smith", "2025-06-25 by ...": a blog post's byline.
_DATED_BYLINE = re.compile(rf"(?:{POST_DATE})[ \t]++by[ \t]++\S")


# One markdown link: its text has no brackets, its target no blanks or parentheses.
_LINK = re.compile(r"\[[^\[\]\n]*+\]\([^()\s]*+\)")


# What may stand between the links of a navigation row: blanks and separators.
_LINK_SEPARATORS = frozenset(" \t-–—|·•/")


def is_dated_byline(text: str) -> bool:
    """``June 25, 2025 by [The Team](/team)``: a post's date and author above it, never a title (``dated_byline``)."""
    return _DATED_BYLINE.match(text.strip(" \t*_")) is not None


def is_link_row(text: str) -> bool:
    """``[Back to the minutes](#w2) - [Back to the top](/)``: two or more links and separators only (``link_row``).

    A page's navigation, never a title; one link alone is left to the button and link-run rules.
    """
    body = text.strip(" \t")
    if body[:1] != "[" or body[-1:] != ")":
        return False
    links, end = 0, 0
    for match in _LINK.finditer(body):
        if any(ch not in _LINK_SEPARATORS for ch in body[end : match.start()]):
            return False
        links, end = links + 1, match.end()
    return links >= 2 and end == len(body)


# The ideographic full stop (Chinese, Japanese) and its halfwidth form.
_IDEOGRAPHIC_FULL_STOPS = ("。", "｡")


# This many title-like lines in a row, no blank between, are one block of lines (``in_line_stack``).
MIN_STACKED_LINES = 3


def has_ideographic_full_stop(text: str) -> bool:
    """``……成员国的位置。（@nato-dev 投稿）``: a line holding ``。`` is prose (``ideographic_full_stop``).

    A Chinese or Japanese title holds no full stop; an attribution or a second sentence after it
    (``。（@user 投稿）``, ``代码开源。官网……``) hides it from the line-end test. A question or an
    exclamation mark inside stays allowed: ``1、Python 语言如何生成随机数？（英文）`` is a digest's headline.
    """
    return any(stop in text for stop in _IDEOGRAPHIC_FULL_STOPS)


def in_line_stack(n_lines: int, i: int, title_like: Callable[[int], bool]) -> bool:
    """Line ``i`` lies in a run of ``MIN_STACKED_LINES`` or more title-like lines, no blank between (``line_stack``).

    Attendees of a meeting (``Jane Smith, Allied Command Transformation (chair)`` / ``Marco Rossi, ...``),
    an address (``NATO Public Diplomacy Division`` / ``Boulevard Leopold III`` / ``1110 Brussels``): one
    block of short lines, as markdown reads it, not one heading per line over an empty section. A title
    over a subtitle (two lines) or over prose stays a title; ``title_like`` (asked of the line numbers
    around ``i``, at most two each way) says which neighbours would stand alone as titles.
    """
    reach = MIN_STACKED_LINES - 1
    above = 0
    while above < reach and i - above - 1 >= 0 and title_like(i - above - 1):
        above += 1
    below = 0
    while above + below < reach and i + below + 1 < n_lines and title_like(i + below + 1):
        below += 1
    return above + below >= reach


# Sweep 5: a content tab's opening line (pymdownx.tabbed, MkDocs Material: ``=== "Linux"``, ``===! "A"``,
# ``===+ "B"``); its body is indented by four, as an admonition's.
_CONTENT_TAB = re.compile(r"===[!+]?+[ \t]++\"([^\"\n]{1,200}+)\"[ \t]*+")


def content_tab_label(line: str) -> str | None:
    """The label of a content tab's opening line (``=== "Linux"`` -> ``Linux``), else None (``content_tab``).

    MkDocs Material docs put alternatives in tabs whose body is indented by four: read as written the
    marker line leaked into the prose (``=== "warn"``), the body became an indented code block (its text
    lost) and the YAML in a fence inside it list items (``social: log_level: warn``). The tab is read as
    an admonition: its label a paragraph of its own, its body dedented. A setext underline (``===``) has
    no label and stays one.
    """
    found = _CONTENT_TAB.fullmatch(line.rstrip(" \t"))
    return None if found is None else found.group(1).strip()
