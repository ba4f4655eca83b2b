"""Text as pipelines deliver it (round 11, part A): wire-service furniture, export banners and stamps.

Wire services, mail clients and chat exporters put lines of their own around the article: a slug with
a word count, a source credit, a machine time stamp, the exporter's banner. None of them is a heading.
Each rule looks at one line (or a short run of lines), so it is linear in the line's length; the
patterns use possessive repeats (the audit in ``tests/test_reader_linear.py`` reads them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from nato_briefs.headers import load_header_synonyms, map_headers, normalize_header

# A news agency's slug line over its story (``agency_slug``): AP's ``AP-NATO-Ministers,0489`` (keyword slug,
# then the word count) and its budget line ``BC-EU-NATO-Defence Ministers``. Capital codes joined by hyphens
# open it; no headline is written so.
_AGENCY_SLUG = re.compile(
    r"(?:AP|BC|APN|APW)-[A-Z][A-Za-z]*+(?:--?+[A-Za-z0-9]++)++(?:[ \t][A-Za-z0-9-]++)*+(?:,[0-9]{3,4}+)?+"
)
# A machine time stamp alone on its line (``clock_stamp``): an ISO date and a clock time, seconds and a
# fraction allowed, then a zone (``2025-06-05 14:12:31.418 GMT``, ``2025-06-05T14:12:31Z``).
_CLOCK_STAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[ \t]++|T)[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6}+)?+)?+"
    r"(?:Z|[ \t]*+[+-][0-9]{2}:?+[0-9]{2}|[ \t]++[A-Z]{2,5}+)?+"
)
# A byline naming two or more authors (``joint_byline``): ``By Jane Doe and John Roe``, ``By A. Smith, B. Jones
# and C. Brown``; every name capitalised, "and" or a comma between them.
_NAME = r"[A-Z][\w'’.-]*+(?:[ \t]++[A-Z][\w'’.-]*+){1,3}+"
_JOINT_BYLINE = re.compile(rf"[Bb]y[ \t]++{_NAME}(?:[ \t]*+,[ \t]*+{_NAME})*+,?+[ \t]++(?:and|&)[ \t]++{_NAME}")
# A chat exporter's message header with a month name (``dated_chat_stamp``): DiscordChatExporter's
# ``[05-Jun-25 10:42 AM] anna.k``, ``[6 Jun 2025 10:42] Jane``. The numeric ``[05/06/2025 10:42]`` is the
# chat_stamp rule's.
_DATED_CHAT_STAMP = re.compile(
    r"\[[0-9]{1,2}[ \t-](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}+[ \t-][0-9]{2,4}+,?+[ \t]++"
    r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?+(?:[ \t]?+[AaPp]\.?+[Mm]\.?+)?+\][ \t]++\S",
    re.IGNORECASE,
)


def is_source_credit(line: str) -> bool:
    """``SOURCE North Atlantic Treaty Organization``: a press-release wire's source credit, never a heading.

    PR Newswire and Business Wire close a release with ``SOURCE`` in capitals and the issuer's name; the
    contract's ``Source:`` caption line written the wire's way. A capitals heading (``SOURCES OF FUNDING``,
    ``SOURCE CODE``) and ``Source Material`` stay possible headings: the issuer's name is not in capitals.
    """
    if "SOURCE " not in line[:12]:
        return False  # most lines: no call at all
    first, _, rest = line.strip(" \t").partition(" ")
    rest = rest.strip(" \t")
    return first == "SOURCE" and rest[:1].isupper() and not rest.isupper()


def is_agency_slug(line: str) -> bool:
    """``AP-NATO-Ministers,0489``, ``BC-EU-NATO-Defence Ministers``: a news agency's slug, never a heading."""
    if "-" not in line[:6]:
        return False  # "AP-", "BC-" open it: most lines fail here without a call
    body = line.strip(" \t")
    return len(body) <= 80 and _AGENCY_SLUG.fullmatch(body) is not None


# A teleprinted wire story's header line under "ZCZC": the story number, then priority and routing codes
# ("ANS0423 3 EST 0 ZCZ", "BRU123 4 GEN 0 ANS").
_TELEPRINTER_HEADER = re.compile(r"[A-Z]{2,6}+[0-9]{2,6}+(?:[ \t]++[A-Z0-9]{1,6}+){0,6}+")


def is_teleprinter_header(line: str, above: str) -> bool:
    """``ZCZC`` and the story line under it (``ANS0423 3 EST 0 ZCZ``): a teleprinted wire story's start of message
    and header (``teleprinter_header``), each a paragraph of its own.

    Agencies that still send on the ITA2/IPTC 7901 conventions (ANSA, many national agencies) open a story
    with ``ZCZC`` and a line of codes, the headline right under them with no blank; read as one paragraph the
    headline was lost in the codes. Only the exact mark, and the coded line right under it.
    Some desks print the mark and the codes on one line (``one_line_teleprinter_header``, shapes30:
    ``ZCZC BRU123 4 NATO``, which was the title over the headline): the same codes after the mark.
    """
    body = line.strip(" \t")
    if body == "ZCZC":
        return True
    if body.startswith(("ZCZC ", "ZCZC\t")):  # ``one_line_teleprinter_header``: "ZCZC BRU123 4 NATO"
        codes = body[4:].lstrip(" \t")
        return len(codes) <= 60 and _TELEPRINTER_HEADER.fullmatch(codes) is not None
    return above.strip(" \t") == "ZCZC" and len(body) <= 60 and _TELEPRINTER_HEADER.fullmatch(body) is not None


# A notebook's or IPython's prompt: "In [3]: ...", "Out[3]: ...", "In [ ]:" (a cell not run yet).
_PROMPT = re.compile(r"(?:In \[|Out\[)[0-9 ]{1,5}+\]:(?:[ \t].*+)?+")


def is_prompt_line(line: str) -> bool:
    """``In [3]: print(df.to_string())``: an IPython or notebook prompt and its code, never a heading
    (``notebook_prompt``, shapes30: the prompt over a DataFrame's print was the table's section)."""
    return _PROMPT.fullmatch(line.rstrip(" \t")) is not None


def is_clock_stamp(line: str) -> bool:
    """``2025-06-05 14:12:31.418 GMT`` alone on its line: a terminal's or feed's time stamp, never a heading."""
    if "-" not in line[:8] or ":" not in line[:30]:
        return False  # "2025-06-05 14:12": a date's dashes, a clock's colon
    body = line.strip(" \t")
    return len(body) <= 40 and _CLOCK_STAMP.fullmatch(body) is not None


def is_joint_byline(line: str) -> bool:
    """``By Jane Doe and John Roe``: a byline of several authors, never a heading.

    Every name has two capitalised words at least, so ``By Air and Sea`` and ``By Land, Sea and Air`` stay
    possible titles (the one-author byline is ``byline_name``'s).
    """
    if " and " not in line and " & " not in line:
        return False
    body = line.strip(" \t*_")
    if body[:3].lower() != "by " or len(body) > 120:
        return False
    return _JOINT_BYLINE.fullmatch(body) is not None


def is_dated_chat_stamp(line: str) -> bool:
    """``[05-Jun-25 10:42 AM] anna.k``: a chat export's message header (date, time, author), never a heading."""
    return line[:1] == "[" and len(line) <= 120 and _DATED_CHAT_STAMP.match(line) is not None


# The header fields a mail client writes over a message it forwards or prints (``mail_header_fields``).
MAIL_HEADER_FIELDS = frozenset(("from", "to", "cc", "bcc", "date", "sent", "subject", "reply-to"))


def is_mail_header_field(fields: list[str]) -> bool:
    """``From:<TAB>NATO Press``: a forwarded message's header field laid out with a tab, not a table's row.

    Lotus Notes and Outlook's "print" layout align the fields of a forwarded message with tabs; read as a
    pasted spreadsheet, ``From`` / ``To`` / ``Date`` / ``Subject`` became a two-column table over the
    article (and took its title away). A field name then a colon in the first cell, one value after it.
    """
    name = fields[0]
    return len(fields) == 2 and name[-1:] == ":" and name[:-1].strip(" ").casefold() in MAIL_HEADER_FIELDS


def is_mail_header_table(rows: Sequence[Sequence[str]]) -> bool:
    """A forwarded message's header set as an HTML table, every row a field (``mail_header_table``).

    Thunderbird forwards a message inline under ``-------- Forwarded Message --------`` with its
    ``Subject:`` / ``Date:`` / ``From:`` / ``To:`` in a ``<table class="moz-email-headers-table">``; read as
    data, it was a table over the article and took its title away. Two or more rows, each a field name
    with its colon and one value, as ``mail_header_fields`` reads them laid out with tabs. A table with
    one other row (``Area: | Air``) is data.
    """
    return len(rows) >= 2 and all(is_mail_header_field(list(row)) for row in rows)


# A link in Slack's message markup (``chat_link``): ``<https://www.nato.int/...|The Hague Summit Declaration>``.
_CHAT_LINK = re.compile(r"<(?:https?|mailto):[^\s|<>]{1,2000}+\|([^<>|\n]{1,300}+)>")


def replace_chat_links(text: str) -> str:
    """Slack's ``<url|shown text>`` links as their shown text, as a markdown link ``[t](u)`` reads ``t``.

    Messages taken from Slack's API or an export keep its own link markup; CommonMark sees no autolink
    there (the shown text has spaces) and kept the address, a pipe and the angle brackets in the prose.
    A bare ``<https://...>`` autolink is markdown's and stays its own.
    """
    return _CHAT_LINK.sub(r"\1", text) if "|" in text and "<" in text else text


# Fewest characters of a banner's rule, and most lines a banner frames (``banner_rules``).
MIN_BANNER_RULE = 10
MAX_BANNER_LINES = 6
MAX_TRAILING_BLANKS = 3  # blank lines an export may end with after its closing banner


def is_banner_rule(lines: Sequence[str], i: int) -> bool:
    """Line ``i`` is one of the two rules framing a banner (``banner_rules``): read as a blank line.

    Chat and log exporters (DiscordChatExporter, a mail archive's digest) frame their own notes between two
    equal rules of ``=`` or ``-``: ``====`` / ``Guild: ...`` / ``Channel: ...`` / ``====``. CommonMark makes the
    closing rule a setext underline, and the exporter's notes became the article's title. A banner opens
    after a blank line (or the file's start), frames two to six lines without a blank, and its closing rule
    is followed by a blank line (or the file's end); a setext heading's underline sits right under its text.
    One framed line is a reST title between its overline and underline, unless nothing follows it
    (``Exported 2 message(s)`` closing the export): a heading heads something.
    """
    rule = lines[i].rstrip(" \t")
    if len(rule) < MIN_BANNER_RULE or rule[0] not in "=-" or rule.strip(rule[0]):
        return False
    for step in (1, -1):  # the opening rule looks down for its closing one, the closing rule up
        j = i + step
        while 0 <= j < len(lines) and abs(j - i) <= MAX_BANNER_LINES + 1 and lines[j].strip(" \t"):
            if lines[j].rstrip(" \t") == rule:
                top, bottom = min(i, j), max(i, j)
                return (
                    (bottom - top > 2 or _is_last_text(lines, bottom))
                    and (top == 0 or not lines[top - 1].strip(" \t"))
                    and (bottom + 1 == len(lines) or not lines[bottom + 1].strip(" \t"))
                )
            j += step
    return False


def _is_last_text(lines: Sequence[str], i: int) -> bool:
    """No text follows line ``i``: at most a few blank lines end the file (a bounded look, whatever its length)."""
    return len(lines) - i <= MAX_TRAILING_BLANKS + 1 and all(not line.strip(" \t") for line in lines[i + 1 :])


# A prefix bound to the XHTML namespace (``xhtml_prefix``): ``xmlns:xhtml="http://www.w3.org/1999/xhtml"``.
_XHTML_PREFIX = re.compile(r"""xmlns:([A-Za-z][\w.-]{0,30}+)[ \t]*+=[ \t]*+["']http://www\.w3\.org/1999/xhtml["']""")
# A tag written with a prefix (``<xhtml:li>``, ``</xhtml:li>``): the slash and the prefix.
_PREFIXED_TAG = re.compile(r"<(/?+)([A-Za-z][\w.-]{0,30}+):")


def unprefixed_xhtml(content: str) -> str:
    """An HTML block with its XHTML namespace prefix dropped from the tags (``<xhtml:li>`` -> ``<li>``).

    An Atom entry's ``type="xhtml"`` content, and XML tools generally, may write the XHTML elements with a
    declared prefix; an HTML parser sees ``xhtml:table``, no table. Only a prefix the block binds to the
    XHTML namespace goes (Word's ``<o:p>`` is Office's own element, not a paragraph); no line moves. One pass
    over the tags whatever the number of prefixes bound (a pass per prefix read a block of 8,000 bindings 16,000
    times: bench/HOSTILE.md, session 15).
    """
    if "1999/xhtml" not in content:
        return content
    prefixes = {found.group(1) for found in _XHTML_PREFIX.finditer(content)}
    if not prefixes:
        return content
    return _PREFIXED_TAG.sub(lambda tag: f"<{tag.group(1)}" if tag.group(2) in prefixes else tag.group(0), content)


# The ARIA roles a <div> or <span> takes to stand for a table or list element (``aria_roles``).
ARIA_ELEMENTS = {
    "table": "table",
    "grid": "table",
    "rowgroup": "tbody",
    "row": "tr",
    "columnheader": "th",
    "rowheader": "th",
    "cell": "td",
    "gridcell": "td",
    "list": "ul",
    "listitem": "li",
}
# Elements without meaning of their own, which an ARIA role gives one.
_GENERIC_ELEMENTS = frozenset(("div", "span"))
# Elements a heading role makes a heading: the generic ones and a paragraph (Word for the web's
# ``<p class="Paragraph" role="heading" aria-level="2">``, ``paragraph_heading_role``).
HEADING_ROLE_ELEMENTS = _GENERIC_ELEMENTS | {"p"}


def aria_element(tag: str, role: str | None, level: str | None = None) -> str | None:
    """The HTML element a ``<div role="...">`` stands for (``aria_roles``), or None when it stands for none.

    Accessible widgets and design systems build tables and lists of ``<div role="table">``,
    ``<div role="row">``, ``<span role="cell">``, ``<div role="listitem">``: a screen reader reads them
    as the table and list they are, and so does the reader. Only a generic ``<div>``/``<span>`` takes its
    role's element (a ``<ul role="list">`` is a list already); ``role="heading"`` with its ``aria-level``
    (2 when none) is a heading, on a ``<p>`` too: Word for the web copies its Heading styles as
    ``<p role="heading" aria-level="1">`` (``paragraph_heading_role``), which a screen reader reads as a heading.
    """
    if tag not in HEADING_ROLE_ELEMENTS or not role:
        return None
    role = role.strip().casefold()
    if role == "heading":
        return f"h{level.strip()}" if level and level.strip() in ("1", "2", "3", "4", "5", "6") else "h2"
    return ARIA_ELEMENTS.get(role) if tag in _GENERIC_ELEMENTS else None


# How far below the blank line under a table's last row its next row may stand, that blank line counted: a page
# turn's blank lines, the page's footer, the next page's header (``page_turn``), or a converter's page markers
# (``page_break_rows``: blank lines around ``<!-- PageFooter -->``, ``PageNumber``, ``PageBreak``, ``PageHeader``).
MAX_PAGE_TURN_LINES = 12


def after_page_turn(
    lines: Sequence[str], j: int, is_row: Callable[[str], bool], is_furniture: Callable[[str], bool]
) -> int | None:
    """Where a table goes on after a page turn that starts at line ``j`` (``page_turn``), or None.

    A PDF's or a browser print's text layer puts the page's footer (``https://.../news.htm    1/2``, ``- 2 -``)
    and the next page's running header (``6/5/25, 2:31 PM    Allies agree ... - NATO``) between two rows
    of one table, with blank lines around them. Blank lines and such furniture (one line at least: a blank
    line alone ends a table) are crossed; the first other line must be one of the table's rows.
    """
    crossed = False
    for k in range(j, min(len(lines), j + MAX_PAGE_TURN_LINES)):
        line = lines[k]
        if not line.strip(" \t"):
            continue
        if is_row(line):
            return k if crossed else None
        if not is_furniture(line):
            return None
        crossed = True
    return None


# A cell-a-line table (``cell_lines``): most columns, and longest cell line.
MAX_CELL_LINE_COLUMNS = 6
MAX_CELL_LINE_CHARS = 80
MAX_HEADER_CELL_CHARS = 40  # a header cell is a few words: longer lines are never looked up


def cell_line_table(lines: Sequence[str], i: int) -> tuple[list[tuple[list[str], int]], int] | None:
    """A table whose every cell is a line of its own (``cell_lines``): its rows (header first, 1-based lines)
    and its last line's index, or None.

    ``pdftotext`` without ``-layout`` (and a copy from some PDF viewers) writes a table cell by cell:
    ``Priority Area`` / ``Key Focus`` / ``Expected Outcome`` / ``Pipelines`` / ``Seabed sensors`` / ...
    The header is told by its words: three to six consecutive lines from ``i``, each naming a role of
    ``header_synonyms.yaml``, that map as a table's header; then the short lines up to the next blank line
    (or the end), none naming a role, must fill whole rows of as many cells, one row at least. A run of
    short lines that names no roles, or whose count leaves a row short, stays prose. Each body line is
    looked at from at most the few header lines above it, so the work stays linear.
    """
    roles: set[str] = set()
    width = 0
    while width < MAX_CELL_LINE_COLUMNS and i + width < len(lines) and lines[i + width][:1].isalpha():
        role = _role_named(lines[i + width])  # a header's words open with a letter (a cell may be "155mm ...")
        if role is None:
            break
        roles.add(role)
        width += 1
    if width < 3 or len(roles) < 2:  # one role named again and again ("Step 1", "Step 2"): no header
        return None
    header = [lines[k].strip(" \t") for k in range(i, i + width)]
    if map_headers(header, load_header_synonyms()) is None:
        return None
    end = i + width
    while end < len(lines) and _is_cell_line(lines[end]) and _role_named(lines[end]) is None:
        end += 1
    cells = end - i - width
    if cells == 0 or cells % width or (end < len(lines) and lines[end].strip(" \t")):
        return None  # a row short, or the run goes on (another header's words, a long line): no clean table
    rows = [(header, i + 1)]
    for top in range(i + width, end, width):
        rows.append(([lines[k].strip(" \t") for k in range(top, top + width)], top + 1))
    return rows, end - 1


def _is_cell_line(line: str) -> bool:
    """A short line of text at the margin: a cell of a cell-a-line table."""
    body = line.strip(" \t")
    return bool(body) and len(body) <= MAX_CELL_LINE_CHARS and line[:1] not in (" ", "\t") and "|" not in body


def _role_named(line: str) -> str | None:
    """The role (area, focus, outcome) the short line names as a table header (``header_synonyms.yaml``), or None."""
    return _text_role(line.strip(" \t")) if len(line) <= MAX_HEADER_CELL_CHARS and "|" not in line else None


@lru_cache(maxsize=4096)
def _text_role(text: str) -> str | None:
    found = load_header_synonyms().role(normalize_header(text))
    return None if found is None else found[0]
