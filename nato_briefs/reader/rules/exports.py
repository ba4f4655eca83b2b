"""Round 6 line rules (session 10): markup that mail clients, site generators and converters leave.

Found by ``tests/shapes_corpus/312-362``: a paged export repeats a table's header row inside the
table, mammoth (Word to markdown) puts an empty anchor before every heading, kramdown and PHP
Markdown Extra wrap markdown in ``<div markdown="1">``, and people wrap a pipe table's header over
two rows; a forwarded or replied-to message has its attribution line (``Anna wrote:``, in a quote inside a
quote too), and the tails a replying client's rewrap left unquoted. Each rule is a pure function of a line
or two; every pattern is anchored and possessive (``tests/test_reader_linear.py`` audits them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.reader.rules.boilerplate import MAX_FURNITURE_CHARS, furniture_key, load_furniture

# Empty anchors opening a line: "<a id="_Toc1"></a>", "<a name="x"></a>", "<span id="h.1"></span>" (no text).
_EMPTY_ANCHOR = re.compile(
    r"[ \t]{0,3}+(?:<(a|span)[ \t]++(?:id|name)=(?:\"[^\"<>\n]{0,200}+\"|'[^'<>\n]{0,200}+'|[^\s<>\"']{1,200}+)"
    r"[ \t]*+>[ \t]*+</\1[ \t]*+>[ \t]*+)++"
)
# A kramdown / PHP Markdown Extra wrapper whose content is markdown: "<div markdown="1">",
# "<section class="x" markdown="block">". Attributes of at most 300 characters.
_MARKDOWN_DIV = re.compile(
    r"[ \t]{0,3}+<(div|section|article|aside)(?:[ \t]++[\w:-]{1,40}+(?:=(?:\"[^\"<>\n]{0,200}+\"|'[^'<>\n]{0,200}+'"
    r"|[^\s<>\"']{1,200}+))?+){0,8}+[ \t]*+>[ \t]*+"
)
_MARKDOWN_ATTRIBUTE = re.compile(r"[ \t]markdown=(?:\"(?:1|block)\"|'(?:1|block)'|1|block)[ \t/>]")
_CLOSING_WRAPPER = re.compile(r"[ \t]{0,3}+</(?:div|section|article|aside)[ \t]*+>[ \t]*+")
# Longest line either rule looks at: an anchor or a wrapper's opening tag is short.
MAX_WRAPPER_LINE = 400


def strip_empty_anchors(line: str) -> str:
    """The line without the empty anchors opening it (``<a id="_Toc1"></a>__Priorities__`` -> ``__Priorities__``).

    mammoth and Word's HTML put a bookmark before each heading; it holds no text (the text rules
    drop it anyway), but as the line's first characters it hid the bold title behind it. A line
    that is only anchors is left as written, as is one whose anchor holds text (a link).
    """
    if line[:8].lstrip(" \t")[:1] != "<":
        return line
    found = _EMPTY_ANCHOR.match(line[:MAX_WRAPPER_LINE])
    if found is None or not line[found.end() :].strip(" \t"):
        return line
    return line[found.end() :]


def opens_markdown_wrapper(line: str) -> bool:
    """``<div class="table-responsive" markdown="1">`` alone on its line: kramdown's wrapper, markdown inside.

    CommonMark opens an HTML block there that swallows the table or list below it up to a blank
    line; its author (kramdown, PHP Markdown Extra) meant the content read as markdown.
    Needs the ``markdown="1"`` (or ``"block"``) attribute: any other ``<div>`` stays an HTML block.
    """
    if len(line) > MAX_WRAPPER_LINE or "markdown" not in line:
        return False
    return _MARKDOWN_DIV.fullmatch(line) is not None and _MARKDOWN_ATTRIBUTE.search(line) is not None


def closes_markdown_wrapper(line: str) -> bool:
    """``</div>`` alone on its line, closing a wrapper ``opens_markdown_wrapper`` opened."""
    return len(line) <= 40 and _CLOSING_WRAPPER.fullmatch(line) is not None


def repeats_header(headers: Sequence[str], cells: Sequence[str]) -> bool:
    """A body row that is the header row again (case and spacing aside): a paged export's repeated header.

    Word, PDF converters and spreadsheets repeat the header at each page break; the row is the
    header of the rows below it, never a row of data. Two non-empty cells at least, so a
    one-word table's row (``| Yes |``) never counts.
    """
    if len(cells) != len(headers) or sum(1 for cell in headers if cell.strip()) < 2:
        return False
    return all(_cell_key(a) == _cell_key(b) for a, b in zip(headers, cells, strict=True))


def split_at_repeated_headers(headers: list[str], rows: list) -> list[tuple[list[str], list, int | None]]:
    """The table as (headers, rows, line of the header row) parts: a row repeating the header starts a new part.

    Lossless: the repeated row becomes the next part's header row (``repeats_header``); the
    first part's header line is the caller's (None). ``rows`` hold ``.cells`` and ``.line``.
    """
    parts: list[tuple[list[str], list, int | None]] = []
    start, at = 0, None
    first = _cell_key(headers[0]) if headers else ""  # a cheap first test per row; the whole row only then
    for k, row in enumerate(rows):
        cells = row.cells
        if k > start and cells and _cell_key(cells[0]) == first and repeats_header(headers, cells):
            parts.append((headers, rows[start:k], at))
            start, at, headers = k + 1, row.line, cells
            first = _cell_key(headers[0])
    parts.append((headers, rows[start:], at))
    return parts


def _cell_key(cell: str) -> str:
    """A cell as ``repeats_header`` compares it: case and spacing aside."""
    return " ".join(cell.split()).casefold()


def two_row_header(upper: Sequence[str], lower: Sequence[str]) -> bool:
    """Two pipe rows over a delimiter row, the lower one a wrapped header (``| Priority |`` over ``| Area |``).

    As many cells each, every cell of both short (a header's words, not a sentence) and none a number:
    the author wrapped each header over two rows; GFM reads the upper row as a paragraph.
    """
    if len(upper) != len(lower) or len(upper) < 2:
        return False
    cells = [*upper, *lower]
    return all(len(cell) <= 30 and not cell.strip().replace(".", "").isdigit() for cell in cells) and all(
        cell.strip() for cell in upper
    )


# Longest attribution line a mail client writes over a quote without its date ("Anna Nowak <a@x.org> wrote:").
MAX_ATTRIBUTION_WORDS = 8


def is_attribution_line(line: str) -> bool:
    """``Anna wrote:``, ``Anna Nowak <anna@example.org> wrote:``: a mail client's attribution without its date
    (``attribution_line``), as Thunderbird, Apple Mail and a quote inside a quote write it.

    A name (a capital first) and at most eight words before ``wrote:`` at the line's end; ``On ... wrote:``
    is the dated form ``opens_quoted_message`` reads. Prose that quotes a writer (``As the Secretary
    General wrote in his report:``) does not end so.
    """
    body = line.strip(" \t")
    if not body.endswith(" wrote:") or not body[:1].isupper():
        return False
    return len(body.split()) <= MAX_ATTRIBUTION_WORDS + 1


def quote_opens_with_attribution(lines: Sequence[str], start: int) -> bool:
    """``> Anna wrote:`` over ``>> NATO Allies Agree ...``: the quote from ``start`` opens with its own attribution
    line and quotes the message below it one level deeper (``nested_quoted_message``).

    A reply that quotes a reply carries the inner message's attribution inside the outer quote; the inner
    message is what the e-mail hands on, as a quote under an ``On ... wrote:`` line is (``quoted_message``).
    """
    k = start
    while k < len(lines) and lines[k].lstrip(" \t")[1:].strip() == "":
        k += 1  # ">" lines holding nothing
    if k >= len(lines) or not is_attribution_line(lines[k].lstrip(" \t")[1:]):
        return False
    below = next((line.lstrip(" \t")[1:].lstrip(" ") for line in lines[k + 1 :] if line.lstrip(" \t")[1:].strip()), "")
    return below[:1] == ">"


# The line that ends an e-mail's header block: "Subject: RE: Summit", "-----Original Message-----",
# "---------- Forwarded message ---------". An "On ... wrote:" line is told by its two ends.
_MESSAGE_HEAD = re.compile(
    r"(?:subject:[ \t]++\S[^\n]*+|-{3,}+[ \t]*+(?:original[ \t]++message|forwarded[ \t]++message)[ \t]*+-{3,}+)",
    re.IGNORECASE,
)
# At most this many lines are looked at above the quote for the header block's last line.
MAX_HEADER_GAP = 3


def opens_quoted_message(line: str) -> bool:
    """``Subject: ...``, ``-----Original Message-----``, ``On ... wrote:``: the quoted message below is the article."""
    body = line.strip(" \t")
    if len(body) > 400:
        return False
    return is_reply_attribution(body) or _MESSAGE_HEAD.fullmatch(body) is not None


# The dated attribution line of mail clients in other languages (``reply_attribution_languages``): how it opens,
# a word it holds, how it ends. "Am 01.12.2026 um 16:42 schrieb Mark Evans <m@x.org>:", "Le 1 déc. 2026 à 16:42,
# Mark Evans a écrit :", "El 1 dic 2026, a las 16:42, Mark Evans escribió:", "Em 1 de dez. de 2026, Mark escreveu:",
# "Il giorno 1 dic 2026, alle ore 16:42, Mark ha scritto:", "Op 1 dec. 2026 om 16:42 schreef Mark:", "W dniu
# 1.12.2026 o 16:42, Mark pisze:".
REPLY_ATTRIBUTIONS = (
    ("am ", " schrieb ", ":"),
    ("le ", " a écrit", ":"),
    ("el ", " escribió", ":"),
    ("em ", " escreveu", ":"),
    ("il giorno ", " ha scritto", ":"),
    ("op ", " schreef ", ":"),
    ("w dniu ", " pisze", ":"),
)


def is_reply_attribution(line: str) -> bool:
    """``On Tue, 10 Jun 2025 at 09:14, Jane Doe <jane@x.org> wrote:`` or ``Anna Nowak wrote:``: the line a mail
    client writes over the message a reply quotes (dated, or ``attribution_line``); in German, French, Spanish,
    Portuguese, Italian, Dutch and Polish clients' wording too, with a date in it (``reply_attribution_languages``:
    "Le ministre a écrit :" is prose)."""
    body = line.strip(" \t")
    if len(body) > 400:
        return False
    folded = body.casefold()
    if folded.startswith("on ") and folded.endswith(" wrote:") and len(body) >= 14:
        return True  # "On Tue, 10 Jun 2025 at 09:14, Jane Doe <jane@x.org> wrote:"
    if folded[-1:] == ":" and any(ch.isdigit() for ch in folded):
        for opening, word, end in REPLY_ATTRIBUTIONS:
            if folded.startswith(opening) and folded.endswith(end) and word in folded:
                return True
    return is_attribution_line(body)  # "Anna Nowak wrote:" (``attribution_line``)


def quoted_message_start(lines: Sequence[str]) -> int | None:
    """Where a forwarded or replied-to message quoted to the end of the e-mail starts (``quoted_message``), or None.

    An e-mail that forwards an article quotes it whole with ``>`` under the header block (``From:``,
    ``Sent:``, ``Subject:``) or an ``On ... wrote:`` line; its author meant the article, with its title
    and headings, not a quotation. Only a quote that runs to the end of the file (blank lines
    aside) and sits right under such a line; a quote inside a reply stays a quote.
    """
    start = None
    for k in range(len(lines) - 1, -1, -1):  # the trailing run of quoted (or blank) lines
        body = lines[k].lstrip(" \t")
        if body[:1] == ">":
            start = k
        elif body:
            break
    if start is None:
        return None
    above = [k for k in range(max(0, start - MAX_HEADER_GAP), start) if lines[k].strip()]
    if above and opens_quoted_message(lines[above[-1]]):
        return start
    return start if quote_opens_with_attribution(lines, start) else None  # ``nested_quoted_message``


def unquote(line: str) -> str:
    """The line without one level of ``>`` quoting (and the one space after it)."""
    body = line.lstrip(" \t")
    if body[:1] != ">":
        return line
    return body[2:] if body[1:2] == " " else body[1:]


# Shortest quoted line a client rewrapped: the line its tail broke off ran near the wrap width.
MIN_RAGGED_WIDTH = 60
# Longest tail the rewrap leaves on a line of its own.
MAX_RAGGED_TAIL = 40


def ragged_quote_tails(lines: list[str]) -> None:
    """A quoted line's tail that the replying client wrapped onto a line of its own, quoted again in place
    (``ragged_quote_tail``).

    A client that rewraps a reply at 72 columns breaks a ``> `` line of 76 and leaves its last words at the
    margin without the ``>``: the quote looked ended, so the article it forwards was read as a quote. The
    tail is short, opens in lowercase, sits between two quoted lines, and the line above runs near the wrap
    width without ending its sentence. A reply written between quoted lines opens as a sentence does.
    """
    for k in range(1, len(lines) - 1):
        if is_ragged_tail(lines[k - 1], lines[k], lines[k + 1]):
            lines[k] = "> " + lines[k]


def is_ragged_tail(above: str, line: str, below: str) -> bool:
    """``line`` is the tail of the quoted line ``above``, broken off by a rewrap (``ragged_quote_tail``)."""
    body = line.strip(" \t")
    if not body or len(body) > MAX_RAGGED_TAIL or not body[:1].islower() or body[:1] == ">":
        return False
    quoted = above.lstrip(" \t")
    if quoted[:1] != ">" or below.lstrip(" \t")[:1] != ">" or len(above.rstrip()) < MIN_RAGGED_WIDTH:
        return False
    return quoted.rstrip()[-1:] not in ".!?:;"


def chat_bold(line: str) -> str | None:
    """``*Priorities*`` written as chat and plain-text mail write bold, as markdown's ``**Priorities**``; else None.

    Slack, WhatsApp and Gmail's plain-text part mark bold with single stars; markdown reads them as
    italics (a note, never a title). Only in a document written that way (``is_chat_bold_document``).
    """
    body = line.strip(" \t")
    if len(body) < 3 or len(body) > 200 or body[0] != "*" or body[-1] != "*" or "*" in body[1:-1]:
        return None
    inner = body[1:-1]
    if inner != inner.strip() or not inner[:1].isalnum():
        return None
    return f"**{inner}**"


def is_chat_bold_document(lines: Sequence[str]) -> bool:
    """Two or more whole-line ``*Title*`` lines and no ``**`` or ``__`` bold anywhere: chat-style bold."""
    singles = 0
    for line in lines:
        if "**" in line or "__" in line:
            return False
        if line[:1] == "*" and chat_bold(line) is not None:
            singles += 1
    return singles >= 2


def mediawiki_caption(line: str) -> str | None:
    """The caption of a MediaWiki table (``|+ Agreed priorities``), or None: the table's title, read as prose.

    Only the line right under ``{|`` (``mediawiki_table``); a caption used to leave the whole table unread.
    """
    body = line.strip(" \t")
    if body[:2] != "|+":
        return None
    caption = body[2:].strip(" \t")
    return caption or None


def strip_heading_suffix(line: str) -> str:
    """The line without a wiki's edit link at its end (``Priorities[edit]`` -> ``Priorities``); else the line.

    A copied Wikipedia page keeps each section's ``[edit]`` link glued to its heading; the link is
    page chrome. The wordings are data (``heading_suffixes`` in ``furniture.yaml``); only a line with
    text before the link and at most 120 characters.
    """
    body = line.rstrip(" \t")
    if body[-1:] != "]" or len(body) > 120:
        return line
    folded = body.casefold()
    for suffix in load_furniture().heading_suffixes:
        if folded.endswith(suffix) and body[: len(body) - len(suffix)].strip(" \t"):
            return body[: len(body) - len(suffix)].rstrip(" \t")
    return line


# "Recorded by Jane Doe", "Compiled by the Press Office": a credit verb, "by", one to five words.
_CREDIT_BYLINE = re.compile(r"([A-Za-z]{3,15}+)[ \t]++by[ \t]++[^\W\d_][\w'’.-]*+(?:[ \t]++[\w'’.-]++){0,4}+[ \t]*+")


def is_credit_byline(text: str) -> bool:
    """``Recorded by Jane Doe``, ``Compiled by the Press Office``: a credit line, never a title.

    The verb comes from ``byline_verbs`` in ``furniture.yaml``; "Backed by Allies" (another verb) stays a
    possible title.
    """
    body = text.strip(" \t*_")
    if len(body) > 80:
        return False
    found = _CREDIT_BYLINE.fullmatch(body)
    return found is not None and found.group(1).casefold() in load_furniture().byline_verbs


# Word's outline numbering pasted as text: the number, a tab, the heading ("1\tBackground", "2.3\tScope").
# No full stop after the number: "1.\tText" is a list item (Word's numbered list).
_OUTLINE_HEADING = re.compile(r"([0-9]{1,2}+(?:\.[0-9]{1,2}+){0,3}+)\t++([^\t\n]{1,120}+)")


def outline_heading(line: str) -> str | None:
    """``1<TAB>Background`` -> ``1 Background``: a heading of Word's outline numbering, else None.

    Only a line standing alone (the caller checks the blank lines around it) whose text could be a
    title; a tab-separated row (``1\\tAir\\tJets``) has a second tab and is never one.
    """
    found = _OUTLINE_HEADING.fullmatch(line.rstrip(" \t"))
    if found is None:
        return None
    return f"{found.group(1)} {found.group(2).strip()}"


def is_solid_rule(line: str) -> bool:
    """``__________`` or ``----------`` alone: the rule pdftotext draws under a table's header, no row."""
    body = line.strip(" \t")
    return len(body) >= 10 and body[0] in "_-=\u2500\u2014" and body == body[0] * len(body)


def jira_header_row(cells: Sequence[str]) -> str | None:
    """Header cells as Jira's header row (``||Area||Focus||``), or None when fewer than two or one is empty.

    Wikis that mark a header row in their own way (Trac, Wikidot, txt2tags, TiddlyWiki, PmWiki) are
    rewritten to this form, so that one reader, Jira's (``wiki_table_header``), reads all their tables.
    """
    return "||" + "||".join(cells) + "||" if len(cells) >= 2 and all(cells) else None


def trac_header(line: str) -> str | None:
    """A Trac wiki header row ``||= Area =||= Focus =||`` in Jira's form (``||Area||Focus||``), else None.

    Trac marks header cells with ``=`` inside the double pipes and writes body rows with double
    pipes too (``trac_row``); Jira's header reader then reads the table (``trac_table``).
    """
    body = line.strip(" \t")
    if len(body) < 8 or body[:3] != "||=" or body[-3:] != "=||":
        return None
    return jira_header_row([cell.strip(" \t=") for cell in body[2:-2].split("||")])


def trac_row(line: str) -> str | None:
    """A Trac body row ``|| a || b ||`` as a pipe row ``| a | b |``, else None (only under a ``trac_header``)."""
    body = line.strip(" \t")
    if len(body) < 5 or body[:2] != "||" or body[-2:] != "||" or body[:3] == "||=":
        return None
    return "| " + " | ".join(cell.strip(" \t") for cell in body[2:-2].split("||")) + " |"


def is_section_label(text: str) -> bool:
    """``News``, ``NATO News`` on a page's first line: the site's section, above the headline (data).

    The caller asks for it on the first text line, over a line that could be a title: then the
    label is navigation and the headline under it is the title. Wordings: ``section_labels``.
    """
    return len(text) <= MAX_FURNITURE_CHARS and furniture_key(text) in load_furniture().section_labels


# Word's list paragraph: ``style='...;mso-list:l0 level2 lfo1'`` names the list and the item's level.
_WORD_LIST_LEVEL = re.compile(r"mso-list:[ \t]*+l[0-9]++[ \t]++level([0-9]{1,2})")
# The longest marker Word writes before a list paragraph's text ("·", "o", "§", "1.", "iv.", "12.3.").
MAX_WORD_MARKER = 6


def word_list_level(style: str) -> int:
    """The level (1 = top) of a Word list paragraph from its ``style`` attribute, 0 for any other (``word_list``).

    Word's HTML writes each list item as ``<p class=MsoListParagraph...>`` whose style names its
    level; the nesting is nowhere else (the indentation is a margin in points).
    """
    if "mso-list" not in style:
        return 0
    found = _WORD_LIST_LEVEL.search(style)
    return int(found.group(1)) if found else 0


def word_list_marker(raw: str) -> tuple[str, bool] | None:
    """A Word list paragraph's text without its marker, and whether the marker numbers it (``word_list``); or None.

    Word writes the marker (``·``, ``o``, ``§``, ``1.``, ``a)``), then no-break spaces, then the text; its
    glyphs ``o`` and ``§`` are words anywhere else, so only a paragraph whose style names a list level
    is read so. A marker longer than a numeral or with a space in it is no marker: None.
    """
    body = raw.lstrip(" \t\r\n")
    end = body.find("\xa0")
    marker = body[:end].strip(" \t\r\n") if end > 0 else ""
    if not 0 < len(marker) <= MAX_WORD_MARKER or " " in marker:
        return None
    return body[end:].lstrip(" \t\xa0"), marker[-1] in ".)" and marker[0].isalnum() and len(marker) > 1


def continues_word_list(line: str, nxt: str) -> bool:
    """A Word list paragraph's line right over another (``word_list``): one HTML block, so one list with its levels.

    Each ``<p class=MsoListParagraph...>`` closes on its own line; read one block a line, every item
    would be a list of its own and a level-2 item could not nest under the level-1 item above it.
    """
    return "mso-list" in line and nxt[:2] == "<p" and word_list_level(nxt[: nxt.find(">") + 1]) > 0


# Confluence's storage format (its REST API and space exports): a task list as the HTML list it renders as,
# its task's id and status dropped (the status is a checkbox's state; CONTRACT removes task markers).
_CONFLUENCE_TASK_TAGS = {
    "ac:task-list": ("<ul>", "</ul>"), "ac:task": ("<li>", "</li>"), "ac:task-body": ("", ""),
}  # fmt: skip
_CONFLUENCE_TASK_META = re.compile(r"<ac:task-(?:id|uuid|status)>[^<]{0,80}+</ac:task-(?:id|uuid|status)>")
_CONFLUENCE_TASK_TAG = re.compile(r"<(/?+)(ac:task(?:-list|-body)?+)>")


def confluence_tasks(line: str) -> str:
    """A line of Confluence storage markup with its task list as ``<ul>``/``<li>`` (``confluence_tasks``).

    ``<ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body>Report: ...``: the
    ``ac:`` tags are no HTML tags to markdown (a colon in the name), so the list read as prose with its
    tags in it. Other ``ac:`` markup is left as it is.
    """
    line = _CONFLUENCE_TASK_META.sub("", line)
    return _CONFLUENCE_TASK_TAG.sub(lambda m: _CONFLUENCE_TASK_TAGS[m.group(2)][1 if m.group(1) else 0], line)


# Converter furniture (session 20, shapes25: markdown as content pipelines hand it over).
# marker's (PDF to markdown) page separator with --paginate_output: "{3}" then a rule of dashes.
_PAGE_SEPARATOR = re.compile(r"\{[0-9]{1,5}+\}-{8,}+[ \t]*+")
# gd2md-html ("Docs to Markdown" for Google Docs) writes its alerts in red bold HTML over and into the page.
_CONVERTER_ALERTS = ("gd2md-html alert", "gdcalert", ">>>>> PLEASE check and correct alert")


def is_page_separator(line: str) -> bool:
    """``{0}------------------------------------------------``: marker's page break, markup (``page_separator``)."""
    return line[:1] == "{" and _PAGE_SEPARATOR.fullmatch(line) is not None


def is_converter_alert(line: str) -> bool:
    """gd2md-html's alert paragraph or list (``<p style="color: red; ...">>>>>>  gd2md-html alert: ...``).

    The converter asks whoever pastes its output to delete these lines: its notices, no words of the
    article, and its ``<ul>`` of instructions no list of it (``converter_alert``). Only an HTML paragraph
    or list line holding the converter's own marker words.
    """
    body = line.lstrip(" ")
    return body[:3] in ("<p ", "<p>", "<ul") and any(alert in body for alert in _CONVERTER_ALERTS)
