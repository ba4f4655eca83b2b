"""Line rules: how one line of an article starts a block, named and tested one by one.

markdown-it's ``rules_block`` is the model: each rule is a small function that
looks at one line and says whether (and how) it opens a block. ``parse.py``
applies them in the segmentation pass, before markdown-it sees the text, and
rewrites list items that are not markdown (``•``, ``(a)``, ``i.`` ...) as
markdown items at the right nesting, keeping the source line of every line.

Every pattern here is anchored and uses possessive repeats only (no repeat can
give characters back), so each match is linear in the line's length; the
audit test in ``tests/test_reader_linear.py`` checks that on the compiled
patterns themselves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import yaml

# Unicode bullets that plain-text feeds and word processors use: the contract's (•◦▪●‣–—✅✔), then
# what Word and slide exports write (· and U+F0B7 from the Symbol font, ○ as the second level,
# squares, diamonds, arrows, check boxes, the small blue/orange diamond emoji).
BULLET_GLYPHS = frozenset("•◦▪●‣–—✅✔·\uf0b7○■◆❖➢➤►▶▸→☐☑🔹🔸▫◽◾◻◼➖✓")
# Word's plain-text paste of a bulleted list: "o" (Courier New, the second level) and "§" (Wingdings'
# square, the third), each followed by a tab (Outlook: two or more spaces); before one space they are
# words ("o boy", "§ 5").
TAB_BULLET_GLYPHS = frozenset("o§")
# How deep a glyph's level is in the lists that use it ("•" 0, "◦"/"○"/"o" 1, "§" 2): a deeper glyph
# written at its parent's indentation still nests under it.
GLYPH_LEVEL = {"◦": 1, "○": 1, "o": 1, "§": 2}
SUB_BULLET_GLYPHS = frozenset(GLYPH_LEVEL)
# An emoji bullet is often written with the emoji variation selector after it ("✔️", "▫️").
_VARIATION_SELECTOR = "\ufe0f"
# A bullet written as an HTML entity in pasted CMS text ("&bull; Fuel", "&#8226; Roads").
_ENTITY_BULLET = re.compile(r"&(?:bull|middot|#8226|#x2022|#183|#xb7|#9679|#x25cf|#9642|#x25aa);[ \t]++(?=\S)", re.I)

_MARKDOWN_ITEM = re.compile(r"([ \t]*+)([-+*]|[0-9]{1,9}[.)])([ \t]++|$)")
THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*+\1){2,}+[ \t]*+$")
_ENUMERATOR = re.compile(
    r"(?:\((?:[0-9]{1,3}|[a-z]|[ivx]{2,5})\)|[a-z]\)|(?:viii|vii|iii|ix|iv|vi|ii|i|v|x)\.|[0-9]{1,3}[ \t]++[-–]"
    r"|[a-z]\.|[0-9]\ufe0f?+\u20e3|\#\.)"
    r"[ \t]++(?=\S)"
)
_CAPTION = re.compile(
    r"(?:(?:table|figure|fig\.|chart|graph|exhibit|map)[ \t]++[0-9]{1,3}+[a-z]?+[ \t]*+[:.–—-]"
    r"|(?:sources?|notes?|table|figure|photo(?:graph)?+|image|picture|caption"
    r"|(?:photo[ \t]++|image[ \t]++)?+credits?)[ \t]*+:)",
    re.IGNORECASE,
)
# Metadata lines news exports put above or below the article (a byline, dates, credits).
_BYLINE = re.compile(
    r"(?:by|published|updated|last[ \t]++updated|posted|date[ds]?+|authors?+|written[ \t]++by|reporting[ \t]++by"
    r"|editing[ \t]++by|reported[ \t]++by|original[ \t]++authors?+|contact|tags|categories|filed[ \t]++under"
    r"|(?:media|press)[ \t]++(?:contacts?+|enquiries|inquiries))[ \t]*+:",
    re.IGNORECASE,
)
_HTML_BLOCK_TAG = re.compile(
    r" {0,3}<(address|article|aside|blockquote|center|details|div|dl|figure|footer|h[1-6]|header|main|nav"
    r"|ol|p|pre|script|section|style|table|ul)(?=[\s/>]|$)",
    re.IGNORECASE,
)
_STRUCTURE_START = re.compile(r"[ \t]*+(?:[^\w\s\"'“‘(\[<>*]{1,2}+[ \t]|\(?+[0-9A-Za-z]{1,3}+[.)][ \t])")
_STRUCTURE_TAG = re.compile(r"</?(?:table|tr|td|th|thead|tbody|ul|ol|li|h[1-6]|p|div)(?=[\s/>])", re.IGNORECASE)
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER_CELL = re.compile(r":?+-++:?+")
# An inline HTML tag as CMS exports end lines with (``<br>``, ``<br />``, ``</span>``).
_INLINE_TAG = re.compile(r"</?+[A-Za-z][A-Za-z0-9]*+(?:[ \t/][^<>]*+)?+>")
# The ``alt`` attribute of an inline ``<img>`` tag, quoted either way or bare.
_IMG_ALT = re.compile(r"""[\s"'/]alt[ \t\r\n]*+=[ \t\r\n]*+(?:"([^"]*+)"|'([^']*+)'|([^\s"'=<>`]++))""", re.IGNORECASE)
# An Obsidian / wiki link: ``[[Page]]``, ``[[Page#Heading|shown text]]``; an embed ``![[file.png]]``.
_WIKILINK = re.compile(r"(!?+)\[\[([^\[\]|\n]*+)(?:\|([^\[\]\n]*+))?+\]\]")
# A bare URL (not a markdown link's destination): at the line start, after a blank or an opening "<".
_BARE_URL = re.compile(r"(?:^|[\s<]|(?<!\])\()[A-Za-z][A-Za-z0-9+.-]{1,15}+://")
# A definition of a definition list (pandoc, PHP Markdown Extra, Hugo): ``:`` or ``~`` then spaces and text.
_DEFINITION = re.compile(r" {0,3}[:~][ \t]++(?=\S)")
# A GitHub alert or Obsidian callout marker opening a block quote (``> [!NOTE]``, ``> > [!tip]-``).
_CALLOUT = re.compile(r"((?: {0,3}>[ \t]?+)++)\[![A-Za-z][A-Za-z0-9_-]{0,30}+\][+-]?+[ \t]*+")

# A "Label: value" line (``Status: In progress``, ``Owner: Defence Investment Division``): a field.
_FIELD = re.compile(r"[A-Z][\w'’-]*+(?:[ \t][\w'’-]++){0,2}+:[ \t]++\S")
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
# A wiki markup heading: Jira, Confluence and Textile "h2. Priorities"; MediaWiki "== Priorities ==";
# AsciiDoc "== Priorities" (a title "= Title"). The text must hold a letter.
_WIKI_HEADING = re.compile(r"h([1-6])\.[ \t]++(\S.*+)|(={1,6}+)[ \t]++([^=\s][^=]*+)(?:=++)?+")
# A photo credit closing a caption line: "... in Vilnius. Photo: Bundeswehr", "... (Image: NATO)".
_CREDIT_TAIL = re.compile(
    r"[.!?)][ \t]++\(?+(?:photo(?:graph)?+|image|picture|credits?+|copyright)(?:[ \t]++credit)?+[ \t]*+[:©]",
    re.IGNORECASE,
)
_WIKI_ITEM = re.compile(r"(#{1,6}+)[ \t]++(?=\S)")
_ORG_RULE = re.compile(r"\|[-+:]++\|?+")
_ORG_HEADING = re.compile(r"(\*{1,8}+)[ \t]++(\S.*+)")
_ORG_KEYWORD = re.compile(r"#\+[A-Za-z_]{1,30}+:")
_MW_BOLD = re.compile(r"'''(?!')([^'\n]++)'''")
_MW_ITALIC = re.compile(r"(?<!')''(?!')([^'\n]++)''(?!')")
# BBCode (forum posts): the tags read as markup (``bbcode_to_markdown``).
_BB_TAG = re.compile(r"\[(/?+)(b|i|u|s|size|color|colour|font|center|left|right|url)(?:=([^\]\n]{0,200}+))?+\]", re.I)
_BB_CLOSE = re.compile(r"\[/(?:b|i|u|s|size|colou?r|font|center|list|url|quote)\]", re.I)
_BB_LIST = re.compile(r"\[/?+list(?:=[1aAiI])?+\]", re.I)
_FOOTNOTE_DEFINITION = re.compile(r"\[\^[^\]\s]{1,40}+\]:")
# A database client's footer under a result table: "2 rows in set (0.00 sec)", "(3 rows)", "Empty set".
_RESULT_FOOTER = re.compile(
    r"(?:[0-9]{1,12}+[ \t]++rows?+[ \t]++in[ \t]++set|empty[ \t]++set|\([0-9]{1,12}+[ \t]++rows?+\))"
    r"(?:,?+[ \t]*+[0-9]{1,6}+[ \t]++warnings?+)?+(?:[ \t]*+\([0-9.]{1,12}+[ \t]*+sec\))?+[ \t]*+",
    re.IGNORECASE,
)
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*+\n[ \t]*+(?=[a-z])")
# A blogging platform's page furniture copied with the article (Medium, Substack): a whole line.
_PAGE_CHROME = re.compile(
    r"(?:[0-9]{1,3}+[ \t]++min(?:ute)?+s?+[ \t]++read|follow|top[ \t]++highlight|listen|member-only[ \t]++story"
    r"|sign[ \t]++(?:up|in)|[0-9]{1,6}+[ \t]++(?:claps?+|likes?+|comments?+|responses?+|restacks?+))",
    re.IGNORECASE,
)
# Press-release furniture above the headline: never the article's title.
_RELEASE_LABEL = re.compile(
    r"(?:for[ \t]++immediate[ \t]++release|immediate[ \t]++release|embargoed\b[^\n]*+|news[ \t]++release"
    r"|press[ \t]++release|media[ \t]++advisory)[ \t.:]*+",
    re.IGNORECASE,
)
# A press release's end mark alone on its line: "###", "# # #", "-30-", "- 30 -".
_END_MARK = re.compile(r"[ \t]*+(?:#[ \t]?+#[ \t]?+#|[-–—][ \t]*+30[ \t]*+[-–—])[ \t]*+")
# A page's running header or footer copied from a PDF: "... Page 2 of 5", "Page 3", "- 4 -".
# Matched on the line's last few characters only (``is_page_furniture``).
_PAGE_FURNITURE = re.compile(r"(?:page|p\.)[ \t]*+[0-9]{1,4}+(?:[ \t]++of[ \t]++[0-9]{1,4}+)?+[ \t]*+$", re.I)
# A hashtag ending a social-media line (``... the new pledge. #summit #nato``).
_HASHTAG = re.compile(r"#[^\W\d_][\w-]*+")
# A pandoc bracketed span (``[Baltic Sea]{.mark}``, ``[Priorities]{.underline}``): its text, not its attributes.
_BRACKETED_SPAN = re.compile(r"\[([^\[\]\n]*+)\]\{([^{}\n]*+)\}")

# A link's destination (``](https://...)``, ``](#footnote-1)``): not text a reader sees.
_LINK_TARGET = re.compile(r"\]\([^()\s]*+\)")
# A line that is one link and nothing else (``[Subscribe now](https://...)``), bold or not.
_LINK_ONLY = re.compile(
    r"[*_]{0,2}+\[(?:[^\[\]\n]++|!\[[^\[\]\n]*+\]\([^()\s]*+\))\]\([^()\s]*+\)[*_]{0,2}+"
)  # a linked image too: "[![Jane Doe](avatar.png)](profile)"

# An admonition's opening line: Docusaurus / remark ``:::tip Title`` or ``:::note[Title]``, MkDocs
# ``!!! note "Title"`` or a collapsible ``??? tip`` / ``???+ tip``.
_DIRECTIVE = re.compile(r" {0,3}:::[ \t]*+([A-Za-z][\w-]{0,30}+)(?:\[([^\]\n]*+)\]|[ \t]++(.*+))?+")
_MKDOCS_ADMONITION = re.compile(r"(?:!!!|\?\?\?\+?+)[ \t]++[A-Za-z][\w-]{0,30}+(?:[ \t]++\"([^\"\n]*+)\")?+[ \t]*+")

# Patterns the linear-time audit checks (every one of this module's).
PATTERNS: tuple[re.Pattern[str], ...] = (
    _MARKDOWN_ITEM,
    THEMATIC_BREAK,
    _ENUMERATOR,
    _CAPTION,
    _BYLINE,
    _HTML_BLOCK_TAG,
    _STRUCTURE_START,
    _STRUCTURE_TAG,
    _UNESCAPED_PIPE,
    _DELIMITER_CELL,
    _INLINE_TAG,
    _IMG_ALT,
    _CALLOUT,
    _DEFINITION,
    _WIKILINK,
    _BARE_URL,
    _ENTITY_BULLET,
    _FIELD,
    _CHAT_STAMP,
    _RELEASE_LABEL,
    _END_MARK,
    _PAGE_FURNITURE,
    _HASHTAG,
    _BRACKETED_SPAN,
    _LINK_TARGET,
    _LINK_ONLY,
    _DIRECTIVE,
    _MKDOCS_ADMONITION,
)


@dataclass(frozen=True, slots=True)
class Marker:
    """A list item's marker: where it is and what it means."""

    indent: int  # visual indentation, a tab counting to the next multiple of 4
    ordered: bool
    kind: str  # markdown | bullet | enumerator
    glyph: str  # the marker as written ("•", "(a)", "1.")
    content: int  # index in the line where the item's text starts
    content_col: int  # visual column of the text (where markdown nests a child)


def indentation(line: str) -> tuple[int, int]:
    """(visual width, number of characters) of the line's leading blanks; a tab goes to the next multiple of 4."""
    width = 0
    for n, ch in enumerate(line):
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            return width, n
    return width, len(line)


def lead_char(line: str) -> str:
    """First character after the indentation ('' for a blank line)."""
    first = line[:1]
    return first if first not in (" ", "\t") else line.lstrip(" \t")[:1]  # no copy of an unindented line


# --------------------------------------------------------------------------- list item rules


def markdown_item(line: str) -> Marker | None:
    """A CommonMark list item (``-``, ``+``, ``*``, ``1.``, ``1)``), not a thematic break (``- - -``)."""
    match = _MARKDOWN_ITEM.match(line)
    if match is None:
        return None
    indent, glyph, spaces = match.groups()
    if glyph in ("-", "*") and THEMATIC_BREAK.match(line):
        return None
    width = indentation(indent)[0] if "\t" in indent else len(indent)
    start = width + len(glyph)
    gap = len(spaces) if "\t" not in spaces else _tab_gap(start, spaces)  # "1.\tText": the tab reaches column 4
    content_col = start + (gap if 1 <= gap <= 4 else 1)
    return Marker(width, glyph[-1] in ".)", "markdown", glyph, match.end(), content_col)


def _tab_gap(col: int, blanks: str) -> int:
    """How many columns the blanks after a marker at column ``col`` span, a tab going to the next multiple of 4."""
    end = col
    for ch in blanks:
        end = end + 1 if ch == " " else end + 4 - end % 4
    return end - col


def markdown_marker_end(line: str) -> int | None:
    """Where the text after a markdown list marker starts (a thematic break not excluded), or None: a cheap probe."""
    match = _MARKDOWN_ITEM.match(line)
    return match.end() if match else None


def bullet_item(line: str) -> Marker | None:
    """A line whose first non-blank character is a unicode bullet (``•``, ``◦``, ``▪``, ``–`` ...) then white space.

    A bullet inside a prose line is not an item: only the line's first character counts.
    An emoji bullet may carry its variation selector (``✔️``); Word's ``o`` and ``§``
    count before a tab only; ``&bull;`` and its kin are the bullet written as an entity.
    """
    width, n = indentation(line)
    if n + 2 > len(line):
        return None
    glyph = line[n]
    if glyph == "&":
        return entity_bullet_item(line, width, n)
    after = n + 1 + (line[n + 1] == _VARIATION_SELECTOR)
    if glyph in TAB_BULLET_GLYPHS:
        if line[n + 1 : n + 2] != "\t" and line[n + 1 : n + 3] != "  ":
            return None  # "o\tSub" (Word), "o   Sub" (Outlook); "o boy" is a word
    elif glyph not in BULLET_GLYPHS or line[after : after + 1] not in (" ", "\t"):
        return None
    content = after + 1
    while content < len(line) and line[content] in " \t":
        content += 1
    if content == len(line):
        return None  # a lone bullet is a decoration, not an item
    return Marker(width, False, "bullet", glyph, content, width + 2)


# Longest run of symbol code points a pictographic bullet may be (a flag is two, a ZWJ sequence more).
MAX_SYMBOL_BULLET = 8


def symbol_bullet_item(line: str) -> Marker | None:
    """``👉 Faster contracts``, ``🇺🇦 Ukraine: ...``: a line opening with an emoji or other symbol, then a blank.

    Not an item alone (``⚡️ NATO allies agree ...`` may be a title): the segmentation
    pass reads it as one only in a run of such lines, as social posts list things.
    """
    width, n = indentation(line)
    end = n
    while end < len(line) and end - n < MAX_SYMBOL_BULLET and unicodedata.category(line[end]) in _SYMBOL_CATEGORIES:
        end += 1
    if end == n or end >= len(line) or line[end] not in " \t" or unicodedata.category(line[n]) != "So":
        return None
    if "\u2500" <= line[n] <= "\u259f":
        return None  # box drawing: a table's border or column rule, not a bullet
    content = end
    while content < len(line) and line[content] in " \t":
        content += 1
    if content == len(line):
        return None
    return Marker(width, False, "bullet", line[n:end], content, width + 2)


def entity_bullet_item(line: str, width: int, n: int) -> Marker | None:
    """``&bull; Fuel``: a bullet written as an HTML entity (pasted CMS source), read as ``•``."""
    match = _ENTITY_BULLET.match(line, n)
    return Marker(width, False, "bullet", "•", match.end(), width + 2) if match else None


def enumerator_item(line: str) -> Marker | None:
    """``(1)``, ``(a)``, ``(iv)``, ``a)``, roman ``i.``-``x.``, ``1 -``, ``1 –``, reST's ``#.``, then a space: ordered.

    ``i.e.`` and ``1.5`` never match: the marker must be followed by white space.
    """
    width, n = indentation(line)
    match = _ENUMERATOR.match(line, n)
    if match is None:
        return None
    glyph = line[n : match.end()].strip()
    return Marker(width, True, "enumerator", glyph, match.end(), width + len(glyph) + 1)


def is_lettered(marker: Marker) -> bool:
    """``a.``, ``b.``: a letter and a full stop (``i.``, ``v.``, ``x.`` are roman numerals, items on their own).

    Only ``a.`` opens a lettered list; ``b.`` and on are items inside one (a line opening ``p. 12`` is prose).
    """
    glyph = marker.glyph
    if marker.kind != "enumerator" or len(glyph) != 2 or glyph[1] != ".":
        return False
    return glyph[0].isalpha() and glyph[0] not in "ivx"  # not reST's "#.", which numbers


# Applied in order; the first that matches wins. The lead character decides
# cheaply which rules can match, so prose lines cost one dict lookup.
ITEM_RULES: tuple[tuple[str, Callable[[str], Marker | None]], ...] = (
    ("markdown_item", markdown_item),
    ("bullet_item", bullet_item),
    ("enumerator_item", enumerator_item),
)


def match_item(line: str) -> Marker | None:
    """The list item this line opens, by the first rule that matches, else None."""
    lead = lead_char(line)
    if not lead or lead.isupper():
        return None
    if lead in "-+*" or lead.isdigit():
        found = markdown_item(line)
        if found is not None:
            return found
    if lead in BULLET_GLYPHS or lead in TAB_BULLET_GLYPHS or lead == "&":
        found = bullet_item(line)
        if found is not None or lead != "o":
            return found
    if lead in "(#" or lead.isdigit() or ("a" <= lead <= "z"):
        return enumerator_item(line)
    return None


# --------------------------------------------------------------------------- other line rules


def is_table_row(line: str) -> bool:
    """A line with an unescaped pipe: a row candidate (a table needs a delimiter row below its header)."""
    return "|" in line and _UNESCAPED_PIPE.search(line) is not None


def is_delimiter_row(line: str) -> bool:
    """A GFM delimiter row (``| :--- | ---: |``), by a linear scan of its cells.

    The single-regex version (``[ \\t]*`` on both sides of an optional ``\\|?``)
    backtracked quadratically on a long run of blanks: 38 s on a 32 KB line.
    """
    if "-" not in line or lead_char(line) not in ("|", ":", "-"):  # before strip() copies a long prose line
        return False
    body = line.strip(" \t")
    if body[:1] not in ("|", ":", "-"):
        return False
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    if not body.strip(" \t"):
        return False
    return all(_DELIMITER_CELL.fullmatch(cell.strip(" \t")) for cell in body.split("|"))


def is_byline(text: str) -> bool:
    """``By: Jane Smith``, ``Published: 12 June 2025``, ``Updated:`` ...: article metadata, never a heading."""
    return _BYLINE.match(text.lstrip(" \t*_")) is not None


def is_caption(text: str) -> bool:
    """``Table 1:``, ``Figure 2.``, ``Chart 3 –``, ``Source:``, ``Notes:`` ...: a caption, never a heading.

    A photo caption ending in its credit (``Soldiers at the ceremony. Photo: Bundeswehr``) is one too.
    """
    body = text.lstrip(" \t*_")
    return _CAPTION.match(body) is not None or _CREDIT_TAIL.search(body, max(0, len(body) - 80)) is not None


def _rstrip_end(text: str, end: int) -> int:
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _footnote_refs_start(text: str, end: int) -> int:
    """Where the footnote references ending ``text[:end]`` start (``end`` when none)."""
    end = _rstrip_end(text, end)
    while end and text[end - 1] == "]":  # one pass from the end: linear however many references
        start = text.rfind("[^", 0, end)
        label = text[start + 2 : end - 1] if start >= 0 else ""
        if not label or "]" in label or " " in label or "[" in label:
            break
        end = _rstrip_end(text, start)
    return end


def _trailing_tags_start(text: str, end: int) -> int:
    """Where the inline HTML tags ending ``text[:end]`` start (``end`` when none)."""
    end = _rstrip_end(text, end)
    while end and text[end - 1] == ">":  # one pass from the end: linear however many tags
        start = text.rfind("<", 0, end)
        if start < 0 or _INLINE_TAG.fullmatch(text, start, end) is None:
            break
        end = _rstrip_end(text, _sup_marker_start(text, start))
    return end


def _sup_marker_start(text: str, close: int) -> int:
    """Where a superscript footnote marker closed at ``close`` opens (``met.<sup>1</sup>``), else ``close``."""
    if not text.startswith("</sup>", close):
        return close
    opening = text.rfind("<sup>", max(0, close - 9), close)
    marker = text[opening + 5 : close] if opening >= 0 else ""
    return opening if marker and "<" not in marker and not any(ch.isspace() for ch in marker) else close


def strip_footnote_refs(text: str) -> str:
    """The text without the footnote references that end it (``defence.[^1][^2]`` -> ``defence.``).

    Pandoc and GitHub put ``[^label]`` after a sentence's full stop; the
    sentence still ends there, so such a line is prose, never a bare title.
    """
    return text[: _footnote_refs_start(text, len(text))]


def strip_trailing_tags(text: str) -> str:
    """The text without the inline HTML tags that end it (``met.<br>`` -> ``met.``, ``x.</span>`` -> ``x.``).

    Content-system exports end lines with ``<br>``; the sentence still ends at its
    full stop, so such a line is prose, never a bare title.
    """
    return text[: _trailing_tags_start(text, len(text))]


def strip_trailing_markup(text: str) -> str:
    """The text without the footnote references and inline tags that end it, in any order."""
    end = len(text)
    while True:
        new_end = _trailing_tags_start(text, _footnote_refs_start(text, end))
        if new_end == end:
            return text[:end]
        end = new_end


def _is_attribute(word: str) -> bool:
    return word == "-" or (len(word) > 1 and word[0] in "#.") or ("=" in word and not word.startswith("="))


def strip_heading_attributes(text: str) -> str:
    """A heading's text without pandoc/kramdown attributes (``Priorities {#priorities .unnumbered}`` -> ``Priorities``).

    Only a final brace group made wholly of ``#id``, ``.class``, ``key=value`` or ``-``
    is markup; ``Budget {2025}`` keeps its braces.
    """
    body = text.rstrip()
    if not body.endswith("}"):
        return text
    start = body.rfind("{")
    words = body[start + 1 : -1].split()
    if start <= 0 or not words or not all(_is_attribute(w) for w in words):
        return text
    return body[:start].rstrip() or text


def is_attribute_line(line: str) -> bool:
    """A pandoc fenced-div fence (``::: {.note}``, ``:::``) or a kramdown attribute list (``{: .lead}``).

    Both are markup on a line of their own: read as a blank line, so they never end up in prose.
    """
    body = line.strip(" \t")
    if body.startswith(":::"):
        rest = body.lstrip(":").strip(" \t")
        # one bare word is a class (``::: note``); ``:::note[Summary]`` is an admonition with its title
        return (
            not rest
            or (rest[0] == "{" and rest[-1] == "}")
            or (len(rest.split()) == 1 and rest.isascii() and "[" not in rest)
        )
    return body.startswith("{:") and body.endswith("}") and "{" not in body[1:]


# Static-site template tags alone on a line: Hugo shortcodes and Go templates, Jekyll/Liquid tags.
_TEMPLATE_TAGS = (("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"), ("{{", "}}"))


def is_template_tag_line(line: str) -> bool:
    """One template tag and nothing else (``{{< figure src="map.png" >}}``, ``{% include note.html %}``).

    Hugo and Jekyll sources keep them; the site renders them away. Read as a
    blank line, like an attribute line, so they never end up in prose.
    """
    body = line.strip(" \t")
    for opening, closing in _TEMPLATE_TAGS:
        if body.startswith(opening) and body.endswith(closing) and len(body) >= len(opening) + len(closing):
            inner = body[len(opening) : len(body) - len(closing)]
            return opening[:2] not in inner and closing[-2:] not in inner  # exactly one tag
    return False


def tab_fields(line: str) -> list[str] | None:
    """The cells of a tab-separated row (a spreadsheet pasted into the article), or None.

    A row starts unindented and has at least two cells, its first and one other non-empty;
    a tab that indents a line (a nested bullet) never separates cells, nor do the
    tabs of a pipe table row (``|\tCyber\t|``) or after a list marker (``-\tGermany``).
    """
    if "\t" not in line or line[:1] in (" ", "\t") or is_table_row(line) or match_item(line) is not None:
        return None  # a pipe row or a list item ("-\tGermany") with tabs in it is no spreadsheet row
    fields = [cell.strip(" \u00a0") for cell in line.rstrip(" \t").split("\t")]
    if len(fields) < 2 or not fields[0] or not any(fields[1:]):
        return None
    return fields


def is_unclosed_star_line(text: str) -> bool:
    """``*Sensors: buy radars``: a star bullet without its space, read as literal text, never a title."""
    return text[:1] == "*" and text[1:2] not in ("*", "") and "*" not in text[1:]


def grid_border(line: str) -> str | None:
    """A pandoc grid-table border: ``+---+---+`` gives ``-``, the header separator ``+===+===+`` gives ``=``."""
    body = line.rstrip(" \t")
    if len(body) < 3 or body[0] != "+" or body[-1] != "+" or body[1] not in "-=:":
        return None
    kind = "=" if "=" in body else "-"
    allowed = {"+", ":", kind}
    return kind if all(ch in allowed for ch in body) else None


def simple_table_columns(line: str) -> list[int] | None:
    """Start columns of a pandoc simple-table rule (``------- ---------- -----``): two or more runs of
    three or more dashes separated by spaces, and nothing else; None otherwise."""
    body = line.rstrip(" \t")
    if "-" not in body[:8] or "\t" in body or set(body) - {"-", " "}:
        return None
    starts, runs, pos = [], body.split(" "), 0
    for run in runs:
        if run:
            if len(run) < 3:
                return None
            starts.append(pos)
        pos += len(run) + 1
    return starts if len(starts) >= 2 else None


def rst_table_columns(line: str) -> list[int] | None:
    """Start columns of a reST simple table's border (``=====  ======``): two or more runs of ``=``."""
    body = line.rstrip(" \t")
    if body[:3] != "===" or " " not in body or set(body) - {"=", " "}:
        return None
    return simple_table_columns(body.replace("=", "-"))


def is_dash_line(line: str) -> bool:
    """Dashes alone on their line (up to three spaces before): a pandoc multiline table's top or bottom border.

    Between paragraphs the same line is a thematic break; only header lines and a
    column rule directly below it make it a border (``text_tables.multiline_table``).
    """
    body = line.rstrip(" \t")
    dashes = body.lstrip(" ")
    return len(dashes) >= 3 and len(body) - len(dashes) <= 3 and not dashes.strip("-")


def crosses_columns(line: str, starts: list[int]) -> bool:
    """A character right before a column start: a word across two columns, as prose has and a table never."""
    return any(line[k - 1 : k] not in ("", " ") for k in starts[1:])


def simple_table_cells(line: str, starts: list[int]) -> list[str]:
    """A simple-table line cut at the rule's column starts (text overflowing a column stays in it)."""
    ends = [*starts[1:], len(line)]
    cells = [line[start:end].strip(" \t") for start, end in zip([0, *starts[1:]], ends, strict=True)]
    return cells


def grid_cells(line: str, n_columns: int) -> list[str] | None:
    """The cell fragments of one physical line of a grid-table row (``| Cyber | Threat sharing |``)."""
    body = line.rstrip(" \t")
    if len(body) < 2 or body[0] != "|" or body[-1] != "|":
        return None
    cells = [cell.strip(" \t") for cell in body[1:-1].split("|")]
    return cells if len(cells) == n_columns else None


def is_parenthetical(text: str) -> bool:
    """A line wholly in parentheses (``(Reporting by ...; Editing by ...)``): an aside, never a title."""
    body = text.strip()
    return len(body) > 2 and body[0] == "(" and body[-1] == ")" and body.count("(") == 1


def leaves_sentence_open(line: str) -> bool:
    """A line ending in a comma or semicolon: its sentence runs on into the next line (``Best regards,``)."""
    return line.rstrip().endswith((",", ";"))


# What may open a line's first word without being a word: code spans, emphasis, links, quotes.
_INLINE_OPENERS = frozenset("*_[\"'“‘(~")


def opens_mid_sentence(line: str) -> bool:
    """The line starts as the rest of a sentence does: a lowercase word, or a code span.

    Lowercase behind any opening emphasis, link or quote counts (``*or* jump``,
    ``[detailed notes](u)``), and a line led by a code span (```enum` definition``,
    ```<![CDATA[`.``) never starts a sentence of news prose: such a line continues
    the one above it. A line opening with anything else (``>``, ``#``, ``<``, a
    digit, a capital) does not.
    """
    body = line.lstrip(" \t")
    first = body[:1]
    if first.isalpha():
        return first.islower()
    if first == "`":
        return not body.startswith("```")  # a fence is a block, not a code span
    if first not in _INLINE_OPENERS:
        return False
    for ch in body:  # the first letter or digit, behind the markup
        if ch.isalnum():
            return ch.isalpha() and ch.islower()
    return False


def letters_inline(glyph: str, line: str, above: Sequence[str]) -> bool:
    """An enumerator that letters a sentence's parts inline (``... except that (a) an`` / ``(b) an image``).

    The letter before it stands inside a line of the paragraph above (not at a
    line's start, where it would be an item), or the letter after it inside its
    own line (``(a) is slow, and (b) is unsafe``): a sentence's own lettering, not
    a list. Single letters and digits only (``(a)``, ``b)``, ``(2)``).
    """
    body = glyph[1:-1] if glyph[:1] == "(" else glyph[:-1]
    if len(body) != 1 or not body.isalnum():
        return False
    opening = "(" if glyph[:1] == "(" else " "
    if f"{opening}{chr(ord(body) + 1)})" in line[len(glyph) :]:
        return True
    if body in "a1":
        return False
    before = f"{opening}{chr(ord(body) - 1)})"
    return any(before in text and not text.lstrip().startswith(before.lstrip()) for text in above)


def strip_bold_markers(text: str) -> str:
    """A cell wholly in markdown bold, as raw text (``**Area**`` inside an HTML ``<td>``), without the markers.

    Markdown set in an HTML table's cell reaches the HTML reader as raw text; a
    bold header is plain text, as in a pipe table.
    """
    delim = text[:2]
    if delim in ("**", "__") and len(text) > 4 and text.endswith(delim) and delim not in text[2:-2]:
        return text[2:-2].strip()
    return text


def has_bare_url(text: str) -> bool:
    """A URL written out in the line (``moved to https://...``, ``<https://...>``), not hidden in a link.

    Such a line points elsewhere; it is never a title. A title may still be a link (``[Title](https://...)``).
    """
    return "://" in text and _BARE_URL.search(text) is not None


def leaves_link_open(text: str) -> bool:
    """A ``[`` that no ``]`` closes on the line: the link text runs on into the next line (``... a full [User's``).

    A line cut inside a link is a hard-wrapped sentence, never a title.
    """
    return text.rfind("[") > text.rfind("]")


def is_label_line(text: str) -> bool:
    """A bold label and its colon, then text on the same line (``**Progress:** The project has ...``).

    A labelled paragraph, not a heading: a bold title stands alone (``**Key outcomes:**``).
    """
    body = text.lstrip(" \t")
    delim = body[:2]
    if delim not in ("**", "__"):
        return False
    close = body.find(delim, 2)
    if close < 3:
        return False
    after = body[close + 2 :]
    has_colon = body[close - 1] == ":" or after[:1] == ":"
    return has_colon and bool(after.lstrip(": \t"))


def definition_start(line: str) -> int | None:
    """Where a definition's text starts (``: An in-memory cache ...``, ``  ~ It will appear ...``), or None.

    The line above it is the term: a word or two standing alone, which the
    bare-title rule would otherwise make a heading, and the marker is markup.
    """
    match = _DEFINITION.match(line) if lead_char(line) in (":", "~") else None
    return match.end() if match else None


def _wikilink_text(match: re.Match[str]) -> str:
    embed, target, shown = match.groups()
    if embed:
        return ""  # an embedded file or note: no words of this article
    if shown is not None:
        return shown
    parts = [part for part in target.split("#") if part and not part.startswith("^")]
    return " > ".join(parts)  # as Obsidian shows "[[Page#Heading]]"


def replace_wikilinks(text: str) -> str:
    """Wiki links as the text a reader sees (``[[Plan|the plan]]`` -> ``the plan``, ``[[Plan]]`` -> ``Plan``).

    Obsidian and wiki exports link notes with double brackets; like a markdown
    link (``[t](u)`` -> ``t``) only the shown text is the article's. An embed
    (``![[map.png]]``) shows a file, as an image without alt text: nothing.
    """
    return _WIKILINK.sub(_wikilink_text, text) if "[[" in text else text


def image_alt(tag: str) -> str | None:
    """The ``alt`` text of an inline ``<img ...>`` tag (an image counts as its alt text), or None for other tags."""
    if tag[:4].lower() != "<img" or tag[4:5] not in (" ", "\t", "\n", "\r", "/", ">"):
        return None
    match = _IMG_ALT.search(tag)
    if match is None:
        return ""
    return next(group for group in match.groups() if group is not None)


def strip_callout_marker(line: str) -> str:
    """A block quote line without the alert marker that opens it (``> [!NOTE] Text`` -> ``> Text``).

    GitHub alerts and Obsidian callouts tag a quote's type in brackets: markup,
    not words of the article. The quote markers and the callout's title stay.
    """
    match = _CALLOUT.match(line)
    if match is None:
        return line
    return match.group(1) + line[match.end() :]


def is_title_case(text: str) -> bool:
    """ALL CAPS or Title Case: most words of four letters or more start with a capital."""
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    if not words:
        return True
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def html_block_tag(line: str) -> str | None:
    """The tag name when the line opens an HTML block we read (``<table>``, ``<ul>``, ``<h1>``, ``<p>`` ...)."""
    if lead_char(line) != "<":
        return None
    match = _HTML_BLOCK_TAG.match(line)
    return match.group(1).lower() if match else None


def tag_balance(line: str, tag: str) -> int:
    """Opening minus closing tags named ``tag`` on the line (case-insensitive), by substring counts."""
    low = line.lower()
    opened = low.count("<" + tag + ">") + low.count("<" + tag + " ") + low.count("<" + tag + "\t")
    return opened - low.count("</" + tag + ">") - low.count("</" + tag + " ")


def without_code_spans(text: str) -> str:
    """The text without what single-backtick code spans hold (```|``` and ```<table>``` are quoted, not used).

    An unclosed backtick keeps the rest of the line: only pairs quote.
    """
    if "`" not in text:
        return text
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an odd number of backticks: the last one quotes nothing
        last = parts.pop()
        parts[-1] += "`" + last
    return "".join(parts[0::2])


def looks_like_structure(line: str) -> bool:
    """A line that looks like a list item, a table row or an HTML block: counted when it ends up in prose.

    A pipe or tag quoted in a code span, or a wiki link's ``|``, is not structure.
    """
    lead = lead_char(line)
    if "|" in line or "<" in line:
        body = replace_wikilinks(without_code_spans(line))
        if "|" in body and _UNESCAPED_PIPE.search(body) is not None:
            return True
        if "<" in body and _STRUCTURE_TAG.search(body) is not None:
            return True
    if lead.isalpha() and lead.isupper():
        second = line[1:2] if line[:1] == lead else line.lstrip(" \t")[1:2]
        if second not in (".", ")"):
            return False
    return _STRUCTURE_START.match(line) is not None


# --------------------------------------------------------------------------- lines that are never titles


def is_field_line(text: str) -> bool:
    """``Status: In progress``: a label of one to three words, a colon, then its value on the same line.

    One such line may be a headline (``Ukraine: Allies Pledge More Aid``); a run of them is
    metadata (Notion properties, e-mail headers, a glossary), never a heading.
    """
    return _FIELD.match(text.lstrip(" \t")) is not None


def is_chat_stamp(text: str) -> bool:
    """``[10:02] Jan de Vries``: the header of a message pasted from Teams or Slack, never a title."""
    return text[:1] == "[" and _CHAT_STAMP.match(text) is not None


def is_dateline(text: str) -> bool:
    """``NATO Defence Ministers, June 2025``, ``Published 3 June 2025 | Updated ...``: a date stamp, never a title.

    The date must end the line and follow a separator (``,`` ``·`` ``|`` a dash) or a
    publishing verb: ``Summit in June 2025`` may still be a title.
    """
    body = text.strip(" \t*_")
    if len(body) > 200:
        return False
    match = _DATE_END.search(body, max(0, len(body) - 40))
    if match is None or (match.start() and body[match.start() - 1] not in " \t"):
        return False
    before = body[: match.start()].rstrip(" \t")
    return not before or before[-1] in ",·|–—-" or _DATE_LEAD.match(body) is not None


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


def wiki_heading(line: str) -> tuple[int, str] | None:
    """The level and text of a wiki markup heading (``h2. Priorities``, ``== Priorities ==``), or None.

    Jira, Confluence and Textile write headings as ``h1.``-``h6.``; MediaWiki wraps them in
    ``=`` signs and AsciiDoc opens them with ``=`` (a document title) or ``==``. Markdown reads
    them as prose; their authors mean headings.
    """
    body = line.rstrip(" \t")
    if body[:1] not in ("h", "=") or len(body) > 300:
        return None
    match = _WIKI_HEADING.fullmatch(body)
    if match is None:
        return None
    level = int(match.group(1)) if match.group(1) else len(match.group(3))
    text = (match.group(2) or match.group(4)).strip(" \t")
    return (level, text) if has_letter(text) else None


def wiki_table_header(line: str) -> list[str] | None:
    """The header cells of a Jira/Confluence (``||Area||Focus||``) or Textile (``|_. Area |_. Focus |``) row, or None.

    These wikis mark the header row in the row itself and write no delimiter row under it;
    the rows below are plain ``|a|b|`` rows.
    """
    body = line.strip(" \t")
    if body.startswith("||") and body.endswith("||") and len(body) > 4:
        cells = [cell.strip(" \t") for cell in body[2:-2].split("||")]
    elif body.startswith("|_.") and body.endswith("|"):
        parts = [cell.strip(" \t") for cell in body[1:-1].split("|")]
        if not all(part.startswith("_.") for part in parts):
            return None
        cells = [part[2:].strip(" \t") for part in parts]
    else:
        return None
    return cells if len(cells) >= 2 and all(cells) else None


def wiki_ordered_item(line: str) -> Marker | None:
    """A Textile/Jira/Confluence ordered item (``# Funding: ...``, ``## nested``), or None.

    Only in an article written in wiki markup (it has ``h2.`` headings): in markdown the
    same line is a heading.
    """
    match = _WIKI_ITEM.match(line)
    if match is None:
        return None
    indent = 4 * (len(match.group(1)) - 1)
    return Marker(indent, True, "enumerator", "#.", match.end(), indent + 3)


def is_org_table_rule(line: str) -> bool:
    """An org-mode table rule (``|-----+------|``): GFM's delimiter row written with ``+`` at the joints."""
    body = line.rstrip(" \t")
    return len(body) >= 5 and body[:2] == "|-" and "+" in body and _ORG_RULE.fullmatch(body) is not None


def org_heading(line: str) -> tuple[int, str] | None:
    """The level and text of an org-mode heading (``* Title``, ``** Priorities``), or None.

    Only in an org document (its first line an ``#+TITLE:``-style keyword): in markdown
    ``* Title`` is a bullet.
    """
    match = _ORG_HEADING.fullmatch(line.rstrip(" \t"))
    if match is None or not has_letter(match.group(2)):
        return None
    return len(match.group(1)), match.group(2)


def is_org_keyword(line: str) -> bool:
    """``#+TITLE: ...``, ``#+AUTHOR: ...``: an org file's settings, markup like front matter."""
    return _ORG_KEYWORD.match(line) is not None


def mediawiki_bold(text: str) -> str:
    """MediaWiki's ``'''bold'''`` and ``''italic''`` as markdown's ``**bold**`` and ``_italic_``."""
    return _MW_ITALIC.sub(r"_\1_", _MW_BOLD.sub(r"**\1**", text))


def bbcode_to_markdown(line: str) -> str:
    """A forum post's BBCode line as markdown: ``[b]x[/b]`` bold, ``[i]`` italic, ``[*]`` a bullet,
    ``[list]`` lines blank, link, size, colour and font tags dropped (their text stays).

    Only in a post that closes a BBCode tag somewhere (``has_bbcode``): ``[b]`` in markdown is text.
    """
    body = line.strip(" \t")
    if _BB_LIST.fullmatch(body):
        return ""
    if body.startswith("[*]"):
        line = "- " + body[3:].lstrip(" \t")
    return _BB_TAG.sub(_bb_replacement, line)


def _bb_replacement(match: re.Match[str]) -> str:
    name = match.group(2).lower()
    return "**" if name == "b" else "_" if name == "i" else ""  # a link's text stays, as markdown's does


def has_bbcode(line: str) -> bool:
    """The line closes a BBCode tag (``[/b]``, ``[/list]``, ``[/size]`` ...): the post is written in BBCode."""
    return "[/" in line and _BB_CLOSE.search(line) is not None


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


MIN_BARE_PIPE_ROWS = 3  # a header and two rows: one "Published ... | Updated ..." line is no table


def bare_pipe_cells(line: str) -> list[str] | None:
    """The cells of a pipe row in a table written without a delimiter row, or None (``bare_pipe_table``).

    ``Capability | Current holdings | Needed by 2030`` over rows of as many cells: a
    plain-text author's table. Markdown reads each line as a paragraph (and each short one
    as a bare title); a run of ``MIN_BARE_PIPE_ROWS`` such lines with the same number of
    non-empty cells, standing alone, is a table.
    """
    body = line.strip(" \t")
    if "|" not in body or len(body) > 2000:
        return None
    if body[:1] == "|":
        body = body[1:]
    if body[-1:] == "|" and body[-2:] != "\\|":
        body = body[:-1]
    cells = [cell.strip(" \t") for cell in _UNESCAPED_PIPE.split(body)]
    return cells if len(cells) >= 2 and all(cells) else None


def join_hyphen_breaks(text: str) -> str:
    """Lines broken after a hyphen inside a word (``long-\\nrange``, ``defen-\\nce``) joined without a space.

    Text copied from a PDF or wrapped by hand splits words at line ends; markdown reads the
    line break as a space (``long- range``). The hyphen stays: no character is dropped, and
    a compound (``long-range``) is right; a split word keeps its hyphen (``ac-cording``).
    Only a letter before the hyphen and a lowercase letter after the break.
    """
    return _HYPHEN_BREAK.sub("-", text)


def is_overline(line: str, nxt: str, after: str) -> bool:
    """A reStructuredText title's overline: ``=====`` over a text line underlined with the same rule.

    Markdown would join the overline to the title as one paragraph; the author means one title.
    """
    rule = line.rstrip(" \t")
    return (
        len(rule) >= 3
        and rule[0] in "=-~*#+^"
        and rule == rule[0] * len(rule)
        and after.rstrip(" \t") == rule
        and bool(nxt.strip())
        and nxt.strip()[0] != rule[0]
    )


def is_result_footer(text: str) -> bool:
    """``2 rows in set (0.00 sec)``, ``(3 rows)``: a database client's footer under its table, never a title."""
    body = text.strip(" \t")
    return len(body) <= 60 and _RESULT_FOOTER.fullmatch(body) is not None


def is_page_chrome(text: str) -> bool:
    """``7 min read``, ``Follow``, ``Top highlight``, ``12 claps``: a platform's furniture, never a title."""
    body = text.strip(" \t*_")
    return len(body) <= 30 and _PAGE_CHROME.fullmatch(body) is not None


def is_release_label(text: str) -> bool:
    """``FOR IMMEDIATE RELEASE``, ``EMBARGOED UNTIL ...``, ``MEDIA ADVISORY``: furniture above the headline."""
    return _RELEASE_LABEL.fullmatch(text.strip(" \t*_")) is not None


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
    end = _rstrip_end(text, len(text))
    while end:
        start = text.rfind(" ", 0, end) + 1
        if start == 0 or _HASHTAG.fullmatch(text, start, end) is None:
            break
        end = _rstrip_end(text, start)
    return text[:end]


def _keep_span_text(match: re.Match[str]) -> str:
    words = match.group(2).split()
    return match.group(1) if words and all(_is_attribute(w) for w in words) else match.group(0)


def strip_bracketed_spans(text: str) -> str:
    """Pandoc's bracketed spans as their text (``[Baltic Sea]{.mark}`` -> ``Baltic Sea``).

    Word documents converted by pandoc mark underlined and highlighted text so; the
    attributes are markup. A brace group that is not attributes (``[x]{2025}``) stays.
    """
    return _BRACKETED_SPAN.sub(_keep_span_text, text) if "]{" in text else text


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
        text = _LINK_TARGET.sub("]", text)
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


# What may stand before a title's first letter: opening markup, quotes, and emoji or other symbols.
_TITLE_OPENERS = frozenset("*_\"'“‘[( \t")
_SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Mn", "Me", "Cf"})


def title_lead(text: str) -> str:
    """The first character of a title after opening markup and emoji (``⚡️ NATO allies ...`` -> ``N``).

    Social-media and newsletter titles open with an emoji; its capital comes after it.
    """
    for ch in text:
        if ch not in _TITLE_OPENERS and unicodedata.category(ch) not in _SYMBOL_CATEGORIES:
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
        return None if match is None else (match.group(1) or "").strip()
    return None


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


# --------------------------------------------------------------------------- table rules

# Box-drawing characters (a table pasted from a terminal, tabulate or a PDF): vertical bars and, per kind of
# border line, what its horizontal fill means in a pandoc grid table ("=" under the header, "-" elsewhere).
_BOX_VERTICAL = frozenset("│┃║")
_BOX_HEADER_RULE_START = frozenset("╞╠┝┣")
_BOX_BORDER_START = frozenset("┌┍┎┏╒╓╔╭├┞┟┠┡┢└┕┖┗╘╙╚╰") | _BOX_HEADER_RULE_START
_BOX_HORIZONTAL = frozenset("─━═┄┅┈┉╌╍")


def box_table_line(line: str) -> str:
    """A line of a box-drawn table as pandoc grid-table syntax (``│ a │`` -> ``| a |``, ``├──┼──┤`` -> ``+--+--+``).

    ``╞═══╪═══╡`` (or ``╠``) separates the header: ``+===+===+``. Any other line is returned as it is.
    """
    first = line[:1]
    if first in _BOX_VERTICAL:
        return "".join("|" if ch in _BOX_VERTICAL else ch for ch in line)
    if first not in _BOX_BORDER_START:
        return line
    body = line.rstrip(" \t")
    fill = "=" if first in _BOX_HEADER_RULE_START else "-"
    out = []
    for ch in body:
        if ch in _BOX_HORIZONTAL:
            out.append(fill)
        elif "\u2500" <= ch <= "\u257f":
            out.append("+")
        else:
            return line  # text on a border line: not a table's border
    return "".join(out)


def splits_into_rows(lines: Sequence[Sequence[str]]) -> bool:
    """A grid-table "row" of several lines, each with every cell filled: one record per line (a MySQL result).

    pandoc joins the lines of a row between two borders into multi-line cells; a database
    client or a box-drawn table without row rules writes one record per line instead.
    """
    return len(lines) > 1 and all(all(cell for cell in cells) for cells in lines)


def row_borders(n_body_blocks: int) -> bool:
    """A grid table whose body has borders between its rows (two or more bordered blocks): pandoc's layout.

    Each block between two ``+---+`` borders is then one row whose cells wrap over its lines;
    only a body in one block (a database client's result) holds a record a line.
    """
    return n_body_blocks >= 2


def header_from_first_row(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """A pipe table whose header cells are all empty heads itself with its first row (pandoc's headerless table).

    pandoc writes a table without a header row as a pipe table with empty header cells; its
    first row is what a reader takes as the header. Only when that row is full and at least
    one row stays below it, so no row's text leaves ``table_rows``.
    """
    return (
        bool(headers)
        and not any(h.strip() for h in headers)
        and len(rows) >= 2
        and all(cell.strip() for cell in rows[0])
    )


def is_footer_note(row: Sequence[str], n_cells: int, in_foot: bool) -> bool:
    """A lone cell spanning the table under its body (``<tfoot><td colspan="3">Source: ...``): a note, not a row."""
    return n_cells == 1 and len(row) > 1 and bool(row[0]) and (in_foot or is_caption(row[0]))


# The named rules, for documentation and their tests.
RULES: dict[str, Callable[[str], object]] = {
    **dict(ITEM_RULES),
    "table_row": is_table_row,
    "delimiter_row": is_delimiter_row,
    "caption": is_caption,
    "byline": is_byline,
    "footnote_refs": strip_footnote_refs,
    "trailing_tags": strip_trailing_tags,
    "heading_attributes": strip_heading_attributes,
    "parenthetical": is_parenthetical,
    "attribute_line": is_attribute_line,
    "template_tag_line": is_template_tag_line,
    "tab_row": tab_fields,
    "grid_border": grid_border,
    "simple_table_rule": simple_table_columns,
    "rst_table_border": rst_table_columns,
    "multiline_border": is_dash_line,
    "unclosed_star": is_unclosed_star_line,
    "sentence_open": leaves_sentence_open,
    "mid_sentence": opens_mid_sentence,
    "link_open": leaves_link_open,
    "bold_cell": strip_bold_markers,
    "inline_lettering": letters_inline,
    "bare_url": has_bare_url,
    "label_line": is_label_line,
    "image_alt": image_alt,
    "wikilinks": replace_wikilinks,
    "definition": definition_start,
    "callout_marker": strip_callout_marker,
    "title_case": is_title_case,
    "html_block": html_block_tag,
    "suspect_structure": looks_like_structure,
    "code_spans": without_code_spans,
    "entity_bullet": bullet_item,
    "symbol_bullet": symbol_bullet_item,
    "field_line": is_field_line,
    "chat_stamp": is_chat_stamp,
    "release_label": is_release_label,
    "dateline": is_dateline,
    "byline_name": is_byline_name,
    "time_stamp": is_time_stamp,
    "wiki_heading": wiki_heading,
    "overline": is_overline,
    "wiki_table_header": wiki_table_header,
    "wiki_ordered_item": wiki_ordered_item,
    "org_table_rule": is_org_table_rule,
    "org_heading": org_heading,
    "org_keyword": is_org_keyword,
    "mediawiki_bold": mediawiki_bold,
    "bbcode": bbcode_to_markdown,
    "footnote_continuation": is_footnote_definition,
    "kicker": is_kicker,
    "page_chrome": is_page_chrome,
    "hyphen_break": join_hyphen_breaks,
    "bare_pipe_table": bare_pipe_cells,
    "result_footer": is_result_footer,
    "end_mark": is_end_mark,
    "page_furniture": is_page_furniture,
    "trailing_hashtags": strip_trailing_hashtags,
    "bracketed_spans": strip_bracketed_spans,
    "spaced_bold": mend_spaced_bold,
    "whole_line_italic": is_whole_line_italic,
    "comment_line": is_comment_line,
    "plain_text_heading": plain_text_heading,
    "signature_separator": is_signature_separator,
    "has_letter": has_letter,
    "link_only": is_link_only,
    "button_link": is_button_link,
    "mdx_import": is_mdx_import,
    "admonition": admonition_title,
    "lettered": is_lettered,
    "title_lead": title_lead,
    "headerless_table": header_from_first_row,
    "footer_note": is_footer_note,
    "box_table": box_table_line,
    "toc_placeholder": is_toc_placeholder,
    "result_rows": splits_into_rows,
    "row_borders": row_borders,
}


# YAML front matter (static-site and CMS exports): ``---`` on the first line, ``key: value``
# lines, then ``---`` or ``...``. Read as markdown it is a thematic break and a setext heading
# made of the metadata, which would become the article's title.
_FRONT_MATTER_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*+")
MAX_FRONT_MATTER_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class FrontMatter:
    end: int  # index of the closing line
    title: str | None  # its ``title``, when that is a non-empty string


def front_matter(lines: list[str]) -> FrontMatter | None:
    """The YAML front matter opening the article, or None.

    Only a real mapping counts (parsed with PyYAML's safe loader, keys like ``title``,
    ``date``, ``tags``): a thematic break followed by prose stays markdown.
    """
    if not lines or lines[0].rstrip() != "---":
        return None
    size = 0
    for end in range(1, len(lines)):
        line = lines[end]
        size += len(line) + 1
        if size > MAX_FRONT_MATTER_CHARS:
            return None
        if line.rstrip() in ("---", "..."):
            return _mapping(lines[1:end], end)
    return None


def _mapping(body: list[str], end: int) -> FrontMatter | None:
    try:
        data = yaml.safe_load("\n".join(body))
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return None  # not YAML (a date like 2025-13-45 raises ValueError, deep nesting RecursionError)
    if not isinstance(data, dict) or not data:
        return None
    if not all(isinstance(k, str) and _FRONT_MATTER_KEY.fullmatch(k) for k in data):
        return None
    title = data.get("title")
    return FrontMatter(end, " ".join(title.split()) if isinstance(title, str) and title.strip() else None)
