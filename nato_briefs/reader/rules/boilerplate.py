"""Round 5 line rules (session 9): boilerplate around the article, and markup of a few more dialects.

Page furniture (web page chrome, classification markings, end marks, a wire's slug line, a breadcrumb
trail), contact blocks and sign-offs are never headings; their wordings are data
(``nato_briefs/furniture.yaml``). Endnote references after a full stop end a sentence. Table-of-contents
markers, Markdown Extra abbreviations, org-mode drawers, Jira macros and WordPress shortcodes are markup,
not text. Every pattern is anchored and possessive (``tests/test_reader_linear.py`` audits them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from nato_briefs.config import PACKAGE_DIR
from nato_briefs.reader.rules.pipeline_text import is_agency_slug
from nato_briefs.reader.rules.tables import pipe_cells, table_margin
from nato_briefs.reader.rules.tool_copies import bold_record_field

FURNITURE_FILE = PACKAGE_DIR / "furniture.yaml"
# Longer lines are prose whatever they start with: the tests below look at short lines only.
MAX_FURNITURE_CHARS = 100

# A wire's slug line: capitalised keywords joined by "-" and "/" ("NATO-SUMMIT/SPENDING"), maybe a
# version in brackets ("(UPDATE 2)", "(URGENT)"). ``is_wire_slug`` asks for a "/" as well.
_SLUG = re.compile(r"[A-Z0-9]++(?:[-/][A-Z0-9]++)++(?:[ \t]++\([A-Z0-9 ]{1,20}+\))?+")
# A wire service's version label glued before the headline by a hyphen: "UPDATE 1-", "REFILE-UPDATE 2-", "RPT-".
# The story's kind ("FACTBOX-", "EXCLUSIVE-") is the headline's kicker and stays (130).
_WIRE_HEADLINE_PREFIX = re.compile(r"(?:(?:UPDATE|WRAPUP|REFILE|CORRECTED|RPT)(?:[ \t][0-9]{1,2}+)?+-)++(?=[A-Z0-9])")
# A breadcrumb trail: "Home > News > Press releases", "Home › Newsroom", "Home / Topics / Air defence".
_BREADCRUMB = re.compile(r"home[ \t]*+[>›»/|][^\n]*+", re.IGNORECASE)
# Endnote references closing a sentence: "... will follow.[2]", "... in 2024.\"[3][4]".
_ENDNOTE_END = re.compile(r"[.!?][\"”’)]?+(?:\[[0-9]{1,3}+\])++[ \t]*+$")
# Markdown Extra / MultiMarkdown abbreviation definition: "*[NCIA]: NATO Communications and Information Agency".
_ABBREVIATION = re.compile(r"[ \t]{0,3}+\*\[[^\]\n]{1,40}+\]:")
# An org-mode drawer line: ":PROPERTIES:", ":ID: 7f3a", ":END:".
_ORG_DRAWER = re.compile(r"[ \t]*+:[A-Za-z_-]{1,30}+:(?:[ \t][^\n]*+)?+")
# A Jira / Confluence wiki macro alone on its line: "{panel:title=Summary}", "{panel}", "{noformat}".
_JIRA_MACRO = re.compile(
    r"[ \t]*+\{(panel|noformat|code|quote|info|note|tip|warning|expand|section|column|color)"
    r"(?::([^}\n]{0,200}+))?+\}[ \t]*+"
)
_MACRO_TITLE = re.compile(r"(?:^|\|)title=([^|\n]{1,120}+)")
# A WordPress shortcode's closing tag: "[/caption]", "[/embed]".
# At most this many shortcode names are unwrapped on one line (each costs a pass over the line).
MAX_SHORTCODES = 8
_SHORTCODE_CLOSE = re.compile(r"\[/([a-z][a-z0-9_-]{0,30}+)\]")


@dataclass(frozen=True)
class Furniture:
    """The wordings of ``furniture.yaml``, normalised as lines are (``furniture_key``)."""

    lines: frozenset[str]
    prefixes: tuple[str, ...]
    sign_offs: frozenset[str]
    markup_lines: frozenset[str]
    release_labels: frozenset[str]
    page_chrome: frozenset[str]
    share_bars: frozenset[str]
    heading_suffixes: tuple[str, ...]
    byline_verbs: frozenset[str]
    section_labels: frozenset[str]
    metadata_labels: frozenset[str] = frozenset()
    contents_labels: frozenset[str] = frozenset()
    chrome_labels: frozenset[str] = frozenset()
    breadcrumb_roots: frozenset[str] = frozenset()


def furniture_key(text: str) -> str:
    """How a line is compared with the data: markup and white space trimmed, case-folded, no closing ``.:,``."""
    body = " ".join(text.strip(" \t*_").split()).casefold()
    return body.rstrip(".:,") or body


@lru_cache(maxsize=4)
def load_furniture(path: Path = FURNITURE_FILE) -> Furniture:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    keyed = {
        kind: [furniture_key(str(entry)) for entry in raw.get(kind) or ()]
        for kind in (
            "lines",
            "prefixes",
            "sign_offs",
            "markup_lines",
            "release_labels",
            "page_chrome",
            "share_bars",
            "section_labels",
            "metadata_labels",
            "contents_labels",
            "chrome_labels",
            "breadcrumb_roots",
        )
    }
    suffixes = tuple(" ".join(str(entry).split()).casefold() for entry in raw.get("heading_suffixes") or ())
    return Furniture(
        frozenset(keyed["lines"]),
        tuple(keyed["prefixes"]),
        frozenset(keyed["sign_offs"]),
        frozenset(keyed["markup_lines"]),
        frozenset(keyed["release_labels"]),
        frozenset(keyed["page_chrome"]),
        frozenset(keyed["share_bars"]),
        suffixes,
        frozenset(str(entry).casefold() for entry in raw.get("byline_verbs") or ()),
        frozenset(keyed["section_labels"]),
        frozenset(keyed["metadata_labels"]),
        frozenset(keyed["contents_labels"]),
        frozenset(keyed["chrome_labels"]),
        frozenset(keyed["breadcrumb_roots"]),
    )


def is_furniture(text: str) -> bool:
    """``Skip to main content``, ``NATO UNCLASSIFIED``, ``ENDS``, ``WEBVTT``: boilerplate, never a title (data)."""
    if len(text) > MAX_FURNITURE_CHARS:
        return False
    data = load_furniture()
    key = furniture_key(text)
    return key in data.lines or key.startswith(data.prefixes)


def is_wire_slug(text: str) -> bool:
    """``NATO-SUMMIT/SPENDING (UPDATE 2)``: a wire story's slug over its headline, never the title."""
    body = text.strip(" \t")
    return len(body) <= MAX_FURNITURE_CHARS and "/" in body and _SLUG.fullmatch(body) is not None


def wire_headline_prefix(line: str) -> str | None:
    """``UPDATE 1-NATO allies agree ...``: the headline without the wire's label glued before it, or None.

    Reuters-style services glue the story's version (an update, a refile, a correction) to its headline with a
    hyphen and no blank; the label is no part of the title. Its kind (``FACTBOX-``) is a kicker, kept. Only
    capitals and a digit, glued (``UPDATE - NATO ...`` and ``Update-proof`` are left as written); the caller
    applies it to the article's first line only.
    """
    match = _WIRE_HEADLINE_PREFIX.match(line)
    return line[match.end() :] if match is not None else None


def is_breadcrumb(text: str) -> bool:
    """``Home > News > Press releases``: a web page's breadcrumb trail, never a title."""
    body = text.strip(" \t")
    return len(body) <= MAX_FURNITURE_CHARS * 2 and _BREADCRUMB.fullmatch(body) is not None


def ends_in_endnote_ref(text: str) -> bool:
    """``... More troops will follow.[2]``: a sentence whose endnote references follow its full stop."""
    body = text.rstrip(" \t")
    tail = body[-40:]  # the references sit at the line's end: a bounded search
    return _ENDNOTE_END.search(tail) is not None


def is_sign_off(line: str) -> bool:
    """``Kind regards,``, ``For further information, please contact:``: the contact block's lead line."""
    body = line.rstrip(" \t")
    if body[-1:] not in (",", ":") or len(body) > MAX_FURNITURE_CHARS:
        return False
    return furniture_key(body) in load_furniture().sign_offs


# Most lines a signer's block under a sign-off holds (name, role, division, telephone, address ...).
MAX_CONTACT_LINES = 6
# Longest line of a signer's block; a longer one is a paragraph again.
MAX_CONTACT_CHARS = 80


def signs_off(paragraphs: Sequence[str]) -> bool:
    """The last paragraphs are a sign-off (``Best regards,``) and a few short lines under it (``sign_off_lines``):
    a line read next is the signer's, no title.

    A mail client writes every line of a message as a ``<div>``, so the name, role and division under the
    sign-off were each read as a bare title; in plain text the same lines are a contact block (``sign_off``).
    Only the last few paragraphs are looked at, each under ``MAX_CONTACT_CHARS``: a sentence or a long line
    between the sign-off and the line ends the block.
    """
    for text in reversed(paragraphs[-MAX_CONTACT_LINES:]):
        if is_sign_off(text):
            return True
        if len(text) > MAX_CONTACT_CHARS or text[-1:] in ".!?":
            return False
    return False


def is_markup_marker(line: str) -> bool:
    """``[TOC]``, ``[[_TOC_]]``, ``{{TOC}}`` alone on a line: a contents marker, markup (data)."""
    return len(line) <= 40 and line.strip(" \t").casefold() in load_furniture().markup_lines


def is_abbreviation(line: str) -> bool:
    """``*[NCIA]: NATO Communications and Information Agency``: a Markdown Extra abbreviation, markup."""
    return line[:6].lstrip(" \t")[:2] == "*[" and _ABBREVIATION.match(line) is not None


def is_org_drawer_line(line: str) -> bool:
    """``:PROPERTIES:``, ``:ID: 7f3a``, ``:END:`` in an org-mode document: a drawer's metadata, markup."""
    return _ORG_DRAWER.fullmatch(line) is not None


def jira_macro(line: str) -> str | None:
    """A Jira macro alone on its line: None when the line is none, else the panel's title ("" when untitled).

    ``{panel:title=Summary}`` opens a titled box: its title is kept as a paragraph, the braces are markup.
    """
    if line.lstrip(" \t")[:1] != "{":
        return None
    found = _JIRA_MACRO.fullmatch(line)
    if found is None:
        return None
    title = _MACRO_TITLE.search(found.group(2) or "")
    return title.group(1).strip() if title else ""


def strip_shortcodes(line: str) -> str:
    """WordPress shortcodes closed on the line (``[caption ...]text[/caption]``, ``[embed]url[/embed]``): their text.

    Only a tag whose ``[/name]`` closes it on the same line is markup; ``[1]`` or ``[Reuters]`` stays.
    """
    for name in list(dict.fromkeys(_SHORTCODE_CLOSE.findall(line)))[:MAX_SHORTCODES]:
        opener = re.compile(r"\[" + re.escape(name) + r"(?:[ \t][^\]\n]*+)?+\]")
        if opener.search(line) is not None:
            line = opener.sub("", line).replace(f"[/{name}]", "")
    return line


# A delimiter cell drawn with dashes Word's autocorrect typed (``|—|—|``, ``| –––– |``), alignment colons kept.
_TYPED_DASH_CELL = re.compile(r":?+[-—–]++:?+")
# An ATX heading written without the space after its hashes ("##Priorities", "#Allies Agree Drone Plan").
_TIGHT_ATX = re.compile(r"(#{1,6}+)([^\s#][^\n]*+)")


def dash_delimiter(line: str) -> str | None:
    """A delimiter row of em or en dashes as GFM's hyphens (``dash_delimiter``), or None.

    Word and Outlook turn a typed ``---`` into ``—``: the author's delimiter row, read by GFM
    as a body row of dashes (and its table's first priorities row).
    """
    if "|" not in line or ("—" not in line and "–" not in line):
        return None
    cells = pipe_cells(line)
    if len(cells) < 2 or not all(_TYPED_DASH_CELL.fullmatch(cell) for cell in cells):
        return None
    return line.replace("—", "---").replace("–", "---")


def atx_without_space(line: str) -> str | None:
    """``##Priorities`` as ``## Priorities`` (``tight_atx``), or None; a ``#hashtag`` stays text.

    CommonMark needs the space; sloppy editors and pasted notes leave it out. One ``#`` needs a
    title of two or more words (``#NATO`` is a hashtag), and a ``#`` inside the rest (``#NATO #summit``)
    marks hashtags. A closing run as long as the opening one is the heading's own (``##Priorities##``,
    as wiki-minded writers close it, shapes28); a shorter one is the text's (``##Support for C#``).
    """
    found = _TIGHT_ATX.fullmatch(line.rstrip(" \t"))
    if found is None:
        return None
    hashes, rest = found.groups()
    if rest.endswith(hashes) and not rest.endswith("#" + hashes):
        rest = rest.removesuffix(hashes).rstrip(" \t")  # "##Priorities##": the closing run goes
    if not rest[:1].isupper() or "#" in rest or (len(hashes) == 1 and " " not in rest):
        return None
    return f"{hashes} {rest}"


# Characters of code, never of a wire story's first line: an indented line holding one is code.
CODE_CHARS = frozenset("=;{}<>$`\\")


def is_indented_paragraph_start(text: str) -> bool:
    """A first-line-indented paragraph's opening line (``indented_text``), already dedented.

    Typewritten and wire copy indent a paragraph's first line by four or five spaces and wrap the rest
    to the margin; CommonMark reads that first line as indented code, so it left the prose. Five or more
    words opening with a capital, no character of code.
    """
    return (
        len(text) <= 120 and text[:1].isupper() and len(text.split()) >= 5 and not any(ch in CODE_CHARS for ch in text)
    )


def paragraph_indent(line: str) -> int | None:
    """How far a line's first-line indentation reaches: its leading spaces, or 4 for one leading tab (a wire
    story's, ``tab_indented_text``); None when it holds another tab (a tab-separated row) or a tab and spaces.

    Wire services and typewritten copy open each paragraph with a tab as often as with spaces; ``indented_text``
    read only spaces, so a tab-opened paragraph stayed indented code and left the prose.
    """
    if line[:1] == "\t":
        return 4 if line[1:2] not in (" ", "\t") and "\t" not in line[1:] else None
    return None if "\t" in line else len(line) - len(line.lstrip(" "))


def is_boilerplate(text: str) -> bool:
    """Furniture, a wire slug or a breadcrumb: a block of its own, so the line under it may open a title."""
    return bool(text) and (is_furniture(text) or is_wire_slug(text) or is_breadcrumb(text) or is_agency_slug(text))


# One tag of a line of inline HTML (``inline_html_bold``): its closing slash, its name.
_INLINE_TAG = re.compile(r"<(/?+)([A-Za-z]{1,10}+)(?:[ \t][^<>\n]{0,300}+)?+/?+>")
# Inline elements an old CMS wraps a title in; any other tag makes the line something else.
_FORMATTING_TAGS = frozenset({"font", "span", "b", "strong", "u", "big", "br"})
_BOLD_TAGS = frozenset({"b", "strong"})


def inline_html_bold(line: str) -> str | None:
    """``<font size="4"><b>Priorities</b></font><br>`` as ``**Priorities**`` (``inline_html_bold``), or None.

    A line of formatting tags whose text is all inside ``<b>``/``<strong>``: an old CMS's title, a heading as
    a whole-line bold line is; markdown keeps the tags as raw inline HTML and the text as a paragraph.
    """
    if len(line) > 600 or line.lstrip(" \t")[:1] != "<":
        return None
    depth, text, pos = 0, [], 0
    for found in _INLINE_TAG.finditer(line):
        between = line[pos : found.start()]
        if between.strip() and depth == 0:
            return None  # text outside the bold
        text.append(between)
        closing, name = found.group(1), found.group(2).lower()
        if name not in _FORMATTING_TAGS:
            return None
        if name in _BOLD_TAGS:
            depth = max(0, depth - 1) if closing else depth + 1
        pos = found.end()
    title = " ".join("".join(text).split())
    if line[pos:].strip() or not title or "*" in title:
        return None
    return f"**{title}**"


# A field of a record block: a capitalised label of one to four words, a colon, a value.
_RECORD_FIELD = re.compile(r"([A-Z][\w'’()/-]{0,40}+(?:[ \t][\w'’()/-]{1,40}+){0,3}+)[ \t]*+:[ \t]++(\S[^\n]{0,300}+)")
# Blocks a record table needs: two records of two or more fields each.
MIN_RECORDS, MIN_FIELDS = 2, 2


def record_field(line: str) -> tuple[str, str] | None:
    """``Priority Area: Cyber Defence`` as (label, value), or None (``record_blocks``); a bold label too."""
    found = _RECORD_FIELD.fullmatch((bold_record_field(line) or line).rstrip(" \t"))
    return None if found is None else (found.group(1).strip(" \t"), found.group(2))


def record_blocks(lines: list[str], start: int) -> tuple[list[tuple[list[str], int]], int] | None:
    """A table written as records (``record_blocks``): its rows (header first, each with its 1-based line), last index.

    Two or more blocks of ``Label: value`` lines, apart by one blank line, each with the same labels in the
    same order (two or more): the labels are the header, each block a row. A block whose labels differ ends
    the run there (so each line is read at most twice); one block alone is a field list, prose. The blocks
    may stand indented by one to three spaces, as a table may (an e-mail's or a form's margin, shapes28):
    every field line by as many as the first.
    """
    labels: tuple[str, ...] | None = None
    rows: list[tuple[list[str], int]] = []
    k, end = start, start
    margin = table_margin(lines[start]) if start < len(lines) else 0
    while k < len(lines):
        first, fields = k, []
        while (
            k < len(lines)
            and table_margin(lines[k]) == margin
            and (found := record_field(lines[k][margin:])) is not None
        ):
            fields.append(found)
            k += 1
        block = tuple(label for label, _ in fields)
        closed = k >= len(lines) or not lines[k].strip()
        if len(fields) < MIN_FIELDS or not closed or (labels is not None and block != labels):
            break
        labels = block
        rows.append(([value for _, value in fields], first + 1))
        end, k = k - 1, k + 1
    if labels is None or len(rows) < MIN_RECORDS or len(set(labels)) != len(labels):
        return None
    return [(list(labels), rows[0][1]), *rows], end
