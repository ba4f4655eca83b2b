"""Articles as an analyst's own desk tools hand them on (session 20): clippings, digests, chats, reader views.

A media-monitoring service exports a clip with its own header (publication, a date with its weekday, a
copyright line, ``Load-Date:``), a mailing list wraps the article in a digest (``End of ... Digest``), a chat
client copies its chrome with the message (``02/12/2026, 08:43 - Mihai: ...``, ``(edited)``, ``3 replies``), a
browser's reader view puts the byline and a reading time under the headline, and a mail client's plain text
writes every link as its text with the address glued on (``Hub for the South<https://...>``). None of these
lines is a heading, and the address is no part of the text. Each rule looks at one line (or the line and the
next text line), with anchored patterns of possessive repeats, so it is linear in the line's length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.reader.rules.exports import is_reply_attribution
from nato_briefs.reader.rules.pipeline_text import MAIL_HEADER_FIELDS

# A link's address glued to its text, as mail clients write a link in plain text (``glued_link_target``):
# Outlook's "Special Envoy<https://eur03.safelinks.protection.outlook.com/?url=...>". A word's last character
# or a closing mark, then the address in angle brackets; an autolink set apart by a blank ("see <https://...>")
# is markdown's and stays, and so does one a mark opens (``opened_autolink``, sweep 19): "**<https://...>**",
# a quotation mark's, a code span's "`<http://dbpedia.org/resource/X> ...`" (what a code span holds is quoted).
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^\s<>]{1,2000}+>")
# Marks that may stand between a word and its glued address ("**Envoy**<https://...>") or open an autolink.
_LINK_MARKS = "*_`\"'“”‘’"
# Most marks looked through before the address: bold's two and a quotation mark.
_MAX_LINK_MARKS = 3

# A date with its weekday and nothing else: "December 2, 2026 Wednesday" (LexisNexis writes the weekday after the
# date: ``clip_masthead`` reads that order), "Wednesday, 2 December 2026", "Wed, 2 Dec 2026".
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)(?:[a-z]{0,6}+)\.?+"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}+\.?+"
_DATE = rf"(?:[0-9]{{1,2}}[ \t]++{_MONTH}|{_MONTH}[ \t]++[0-9]{{1,2}}+,?+)[ \t]++[0-9]{{4}}"
_DATE_THEN_WEEKDAY = re.compile(rf"{_DATE}[ \t]++{_WEEKDAY}[ \t]*+", re.IGNORECASE)
_WEEKDAY_THEN_DATE = re.compile(rf"{_WEEKDAY},?+[ \t]++{_DATE}[ \t]*+", re.IGNORECASE)

# A copyright notice: "Copyright 2026 Defence Daily Wire All Rights Reserved", "© 2026 NATO", "(c) 2026 ...".
_COPYRIGHT = re.compile(r"(?:copyright(?:[ \t]*+(?:©|\(c\)))?+|©|\(c\))[ \t]*+(?:[0-9]{4}|©)", re.IGNORECASE)

# A mailing list digest's closing line (LISTSERV, Mailman): "End of NATO-PRESS Digest - 2 Dec 2026 (#2026-231)",
# "End of Defence-L Digest, Vol 12, Issue 4".
_DIGEST_END = re.compile(
    r"end[ \t]++of[ \t]++\S[^\n]{0,80}?[ \t]digest(?:[ \t]*+[-–,(:#][^\n]*+)?+[ \t]*+", re.IGNORECASE
)

# A chat thread's chrome copied under a message: "3 replies", "1 reply", "Last reply today at 10:02 AM",
# "View thread" (``thread_chrome``).
_THREAD_CHROME = re.compile(
    r"(?:[0-9]{1,5}+[ \t]++repl(?:y|ies)|last[ \t]++reply[ \t]++(?:today|yesterday|on|[0-9])\b[^\n]{0,40}+"
    r"|view[ \t]++thread)[ \t]*+",
    re.IGNORECASE,
)

# A message line of a chat exported as text (WhatsApp, Signal on Android): its date, time, a dash, the sender and a
# colon before the message: "02/12/2026, 08:43 - Mihai: Readout just in" (``chat_export_line``).
_CHAT_EXPORT_LINE = re.compile(
    r"[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4},?+[ \t]++[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?+"
    r"(?:[ \t]?+[AaPp]\.?+[Mm]\.?+)?+[ \t]++[-–][ \t]++[^:\n]{1,60}+:[ \t]"
)

# A browser reader view's reading time, alone on its line: "4–5 minutes", "5 minutes", "6 min" (``reading_time``).
_READING_TIME = re.compile(r"[0-9]{1,3}+(?:[ \t]*+[-–][ \t]*+[0-9]{1,3}+)?+[ \t]++min(?:ute)?+s?+\.?+[ \t]*+")

# A person's name alone on its line: one to four capitalised words, a particle between them allowed
# ("Anna Kowalska", "Jan de Vries", "Lars").
_NAME_LINE = re.compile(r"[A-Z][\w'’.-]{0,30}+(?:[ \t]++(?:[a-z]{1,3}+[ \t]++)?+[A-Z][\w'’.-]{0,30}+){0,3}+")

# The line a mail client writes between a note and the message it forwards (``name_over_forward``): Outlook's rule
# of underscores, "-----Original Message-----", "-------- Forwarded Message --------", "Begin forwarded message:".
_FORWARD_RULE = re.compile(
    r"_{10,}+|-{2,}+[ \t]*+(?:original[ \t]++message|forwarded[ \t]++message)[ \t]*+-{2,}+"
    r"|begin[ \t]++forwarded[ \t]++message:?+|-{5,}+[ \t]*+forwarded[ \t]++by\b[^\n]*+",
    re.IGNORECASE,
)

# Most words of the name signing a forwarder's note ("Lars", "Anna Kowalska", "Jan de Vries").
MAX_SIGNATURE_WORDS = 3
# Longest line a rule here reads as chrome: a name, a date, a count.
MAX_CHROME_CHARS = 80


def strip_glued_link_targets(line: str) -> str:
    """The line without the link addresses glued to their text (``glued_link_target``).

    A mail client's plain text writes a link as its text followed by the address in angle brackets, with no
    blank between (``Hub for the South<https://eur03.safelinks.protection.outlook.com/...>: a centre``). The
    reader sees the link's text; the address (a tracking redirect, hundreds of characters) made a headline too
    long to be one and an item's name end in a URL. A markdown autolink set apart by a blank stays.
    """
    if "<" not in line:
        return line
    if "`" not in line:
        return _AUTOLINK.sub(_glued_or_kept, line)
    parts = line.split("`")  # what a code span holds is quoted: only the text between spans is read
    for k in range(0, len(parts) - (len(parts) % 2 == 0), 2):  # an unclosed backtick quotes nothing
        if "<" in parts[k]:
            parts[k] = _AUTOLINK.sub(_glued_or_kept, parts[k])
    if len(parts) % 2 == 0 and "<" in parts[-1]:
        parts[-1] = _AUTOLINK.sub(_glued_or_kept, parts[-1])
    return "`".join(parts)


def _glued_or_kept(match: re.Match[str]) -> str:
    """Nothing for an address glued to a word (through at most three marks), the autolink itself otherwise.

    ``Envoy<https://...>``, ``**Envoy**<https://...>``, ``(the Hub)<https://...>`` are glued; ``see <https://...>``,
    ``**<https://...>**``, ``"<https://...>"``, ``(<https://...>)`` are markdown's autolinks (``opened_autolink``).
    """
    text, start = match.string, match.start()
    k = start
    while k > 0 and start - k < _MAX_LINK_MARKS and text[k - 1] in _LINK_MARKS:
        k -= 1
    if k == 0:
        return match.group(0)
    before = text[k - 1]
    return match.group(0) if before.isspace() or before in "<>([" or before in _LINK_MARKS else ""


def is_weekday_date(text: str) -> bool:
    """``December 2, 2026 Wednesday``, ``Wednesday, 2 December 2026``: a date and its weekday alone (``weekday_date``).

    A clipping service's export and a wire story print the publication date so under the headline; never a title.
    """
    body = text.strip(" \t*_")
    if len(body) > MAX_CHROME_CHARS:
        return False
    return _DATE_THEN_WEEKDAY.fullmatch(body) is not None or _WEEKDAY_THEN_DATE.fullmatch(body) is not None


def is_copyright_line(text: str) -> bool:
    """``Copyright 2026 Defence Daily Wire All Rights Reserved``, ``© 2026 NATO``: a notice, never a title.

    ``Copyright`` (or ``©``, ``(c)``) then a year opens it (``copyright_line``); ``Copyright and Licensing`` stays a
    possible heading.
    """
    body = text.lstrip(" \t*_")
    return body[:1] in "Cc©(" and _COPYRIGHT.match(body) is not None


def clip_masthead(line: str, below: str) -> bool:
    """A short line right over a date written before its weekday is the clip's publication (``clip_masthead``).

    LexisNexis exports a clip as its headline, then the publication (``Defence Daily Wire``) over the date
    written ``December 2, 2026 Wednesday``: that order of date and weekday is the export's own, so the line over
    it names the publication, never a heading of the article.
    """
    body = below.strip(" \t*_")
    return len(line) <= MAX_CHROME_CHARS and _DATE_THEN_WEEKDAY.fullmatch(body) is not None


def is_digest_end(text: str) -> bool:
    """``End of NATO-PRESS Digest - 2 Dec 2026 (#2026-231)``: a mailing list digest's closing line (``digest_end``)."""
    body = text.strip(" \t*_")
    return body[:3].lower() == "end" and len(body) <= 120 and _DIGEST_END.fullmatch(body) is not None


def is_thread_chrome(text: str) -> bool:
    """``3 replies``, ``Last reply today at 10:02 AM``: a chat thread's chrome under a message (``thread_chrome``)."""
    body = text.strip(" \t")
    return len(body) <= MAX_CHROME_CHARS and _THREAD_CHROME.fullmatch(body) is not None


def ends_in_edited_mark(text: str) -> bool:
    """``Sharing the readout as agreed (edited)``: a chat message its sender edited (``edited_mark``).

    Slack and Teams copy the mark with the message's text; a message is no heading, however short.
    """
    return text.rstrip(" \t").endswith("(edited)")


def is_chat_export_line(text: str) -> bool:
    """``02/12/2026, 08:43 - Mihai: Readout just in``: a message line of a chat exported as text (``chat_export_line``).

    WhatsApp (and Signal on Android) export each message as its date, time, a dash, the sender and a colon before
    the text: the line is a message, never a heading, however short its text.
    """
    return text[:1].isdigit() and _CHAT_EXPORT_LINE.match(text) is not None


def is_reading_time(text: str) -> bool:
    """``4–5 minutes``, ``6 min``: the reading time a reader view shows under the byline (``reading_time``)."""
    body = text.strip(" \t*_")
    return body[:1].isdigit() and len(body) <= 20 and _READING_TIME.fullmatch(body) is not None


def bylines_reading_time(line: str, below: str) -> bool:
    """A name right over a reading time is the article's byline (``reading_time_byline``).

    A reader view (Firefox, Safari) shows the site, the headline, the author's name and ``4–5 minutes`` before
    the text; the name is no heading.
    """
    return is_reading_time(below) and _NAME_LINE.fullmatch(line.strip(" \t")) is not None


def name_over_forward(line: str, nxt: str, below: str) -> bool:
    """A name a blank line over a forwarded message's rule is the forwarder's signature (``name_over_forward``).

    ``Please see the item below.`` / ``Lars`` / blank / ``________________________________`` / ``From: ...``: the
    note above a forward is signed with a name of one to three words, never a heading over the message. A rule
    right under the line (``nxt``, no blank between) underlines a heading, as plain text writers do. A reply that
    quotes the article signs its note the same way over the client's attribution line (``name_over_reply``:
    ``Anna`` / blank / ``On Tue, 1 Dec 2026 at 16:42, Mark Evans <...> wrote:`` / ``> ...``).
    """
    body = line.strip(" \t")
    if nxt.strip(" \t") or len(body.split()) > MAX_SIGNATURE_WORDS or _NAME_LINE.fullmatch(body) is None:
        return False
    return _FORWARD_RULE.fullmatch(below.strip(" \t")) is not None or is_reply_attribution(below)


# A mail header field written as Outlook writes it in a reply or forward: ``Sent: Tuesday, December 1, 2026``.
_HEADER_FIELD = re.compile(r"([A-Za-z][A-Za-z-]{1,8}+):[ \t]")


_FROM = frozenset(("from",))
_SUBJECT = frozenset(("subject",))


def is_header_field(line: str, names: frozenset[str] = MAIL_HEADER_FIELDS) -> bool:
    """``Sent: Tuesday, ...``: a line opening with one of ``names``, a colon and a blank."""
    found = _HEADER_FIELD.match(line)
    return found is not None and found.group(1).casefold() in names


def name_over_header_block(line: str, nxt: str, below: str, after: str) -> bool:
    """A name a blank line over Outlook's header block signs the note above it (``name_over_header_block``).

    ``Anna`` / blank / ``From: Mark Evans <...>`` / ``Sent: Tuesday, ...`` / ``To: ...`` / ``Subject: ...``: Outlook
    quotes the message it forwards or answers under such a block with no rule above it, and the one-to-three-word
    name that signs the note was read as a heading over the block. The block is told by its first two lines, a
    ``From:`` line with another header field right under it (``Sent:``, ``Date:``, ``To:``). Near misses: a name
    over a lone ``From:`` line (a field of a form, a quote's source), a line right over the block (no blank).
    """
    body = line.strip(" \t")
    if nxt.strip(" \t") or len(body.split()) > MAX_SIGNATURE_WORDS or _NAME_LINE.fullmatch(body) is None:
        return False
    return is_header_field(below, _FROM) and is_header_field(after, MAIL_HEADER_FIELDS - {"from"})


MAX_HEADER_BLOCK = 8  # the fields of one header block: From, Sent/Date, To, Cc, Bcc, Reply-To, Subject


def header_block_end(lines: Sequence[str], i: int) -> bool:
    """Line ``i`` is the first under Outlook's header block ending on ``Subject:``, with no blank line between
    (``header_block_end``): the quoted message starts there, a block of its own.

    ``From: ...`` / ``Sent: ...`` / ``To: ...`` / ``Subject: Brief: logistics hubs`` / ``NATO Allies Agree ...``:
    written with no blank line under the subject, the quoted article's title was joined onto the header lines'
    paragraph. The block is two or more header fields up to ``MAX_HEADER_BLOCK``, from a ``From:`` line with a
    blank line (or nothing) above it down to the ``Subject:`` line right over line ``i``. Near misses: a
    ``Subject:`` line alone or under prose (a form's field, a sentence's label), a field line under the subject.
    """
    # The line above first: the segmenter asks this of every line opening with a letter, and few follow a subject.
    if i < 2 or not is_header_field(lines[i - 1], _SUBJECT) or not lines[i].strip() or is_header_field(lines[i]):
        return False
    for k in range(i - 2, max(-1, i - 1 - MAX_HEADER_BLOCK), -1):
        if not is_header_field(lines[k]):
            return False
        if is_header_field(lines[k], _FROM):
            return k == 0 or not lines[k - 1].strip()
    return False


# Factiva's export with indexing (``factiva_fields``): a field code of two or three capitals and a tab open each field
# ("HD<TAB>headline", "BY<TAB>By Ingrid Haugen", "LP<TAB>lead paragraph", "TD<TAB>text", "AN<TAB>Document ...").
_FACTIVA_FIELD = re.compile(r"([A-Z]{2,3}+)\t")
# The fields that hold the article itself: its headline, lead paragraphs and text.
FACTIVA_TEXT_FIELDS = frozenset(("HD", "LP", "TD"))


def factiva_fields(lines: list[str]) -> None:
    """Factiva's field codes read as its reader sees them, in place (``factiva_fields``).

    A clip exported from Factiva with its indexing opens with ``HD<TAB>`` and its headline; ``LP<TAB>`` and
    ``TD<TAB>`` open the lead and the text, whose further paragraphs are indented a tab; the other fields (byline,
    word count, date, source, copyright, index codes) are metadata. The article's fields lose their code (the
    headline is the title, its paragraphs prose), a metadata field reads ``BY: By Ingrid Haugen`` (a field line,
    never a heading nor a table's row). Only a document whose first line is a headline field and that holds a lead
    or text field is read so.
    """
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first][:3] != "HD\t" or not any(line[:3] in ("LP\t", "TD\t") for line in lines):
        return
    in_text = False
    for k in range(first, len(lines)):
        line = lines[k]
        field = _FACTIVA_FIELD.match(line)
        if field is not None:
            code, value = field.group(1), line[field.end() :]
            in_text = code in FACTIVA_TEXT_FIELDS
            lines[k] = value if in_text else f"{code}: {value}"
        elif in_text and line[:1] == "\t":
            lines[k] = line[1:]  # a lead's or text's further paragraph, indented under its field
