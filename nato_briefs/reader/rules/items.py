"""List item rules: which lines open a list item, of what kind and at what nesting.

Markdown markers, Unicode bullets (``•``, Word's ``o``/``§``, emoji), enumerators (``(a)``, ``iv.``, ``a.``)
and runs of symbol-led lines; ``match_item`` applies them in order, the first match wins. Beside them, the item
rules that weigh a line's neighbours: a marker typed onto its word (``▪Partnerships``, ``1)Eastern``) in a run of
that marker, a PDF's ``o`` sub-bullets, ``(i)`` opening a roman-numbered list, and lines that are each one HTML
element of a typed bullet (``<div>•&nbsp;Item</div>``), which make one list.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Unicode bullets that plain-text feeds and word processors use: the contract's (•◦▪●‣–—✅✔), then
# what Word and slide exports write (· and U+F0B7 from the Symbol font, ○ as the second level,
# squares, diamonds, arrows, check boxes, the small blue/orange diamond emoji).
BULLET_GLYPHS = (
    frozenset(
        "•◦▪●‣–—✅✔·\uf0b7○■◆❖➢➤►▶▸→☐☑🔹🔸▫◽◾◻◼➖✓"
        # session 8: more arrows, crosses and stars typed as bullets, and the Wingdings bullets a PDF's text
        # layer keeps as private-use code points (U+F0A7 square, U+F0D8 arrow, U+F076 diamond, U+F0FC tick,
        # U+F0E8 arrow)
        "⇒➔➜➝➞➙➛✗✘★✦✧\uf0a7\uf0d8\uf076\uf0fc\uf0e8"
        # session 9: the bullet operator and hyphen bullet (U+2219, U+2043), ballot boxes and diamonds
        "∙⁃☒❑❏◊"
        # session 12 (shapes2): the single guillemet of web copy ("› Logistics: ...")
        "›"
        # session 13 (shapes9): the katakana middle dot of Japanese writers ("・Training"), the heavy angle
        # bracket of slide decks ("❯ Sensors"), the white small triangle ("▹") and the down-right arrow that marks
        # a sub-item ("↳ Rail: ...")
        "・❯▹↳"
        # session 16 (shapes15): the minus sign a PDF's text layer or a typesetter gives for a dash bullet (U+2212)
        "\u2212"
        # session 17 (shapes16): the Z notation spot a converter makes of Word's Symbol-font bullet (U+2981, "⦁\tText")
        "\u2981"
        # session 19 (shapes22): the ring operator a PDF's text layer or a converter gives for a white sub-bullet
        # (U+2218, "   ∘ Land phase" under "➜ Steadfast Defender": ``ring_sub_bullet``, a second level as "◦" is)
        "\u2218"
        # session 19 (shapes23): the double guillemet of German and French writers' lists ("» Cold Response: ...",
        # ``double_guillemet_bullet``; a quote opened with it touches its word: "»Wir ...«")
        "»"
    )
    | frozenset(
        # ``named_bullet``: every character Unicode names a bullet (CIRCLED BULLET "⦿", CIRCLED WHITE BULLET "⦾",
        # INVERSE BULLET "◘", the floral heart bullets "❧" ...), whichever block a font took it from
        ch
        for ch in map(chr, range(0x2000, 0x2C00))
        if "BULLET" in unicodedata.name(ch, "")
    )
    | frozenset(
        # ``symbol_font_bullet``: the private-use code points of the Symbol, Wingdings and Webdings fonts
        # (U+F021-U+F0FF), as a PDF's text layer keeps whatever glyph its author picked for a bullet ("\uf06e\tPort
        # security", Wingdings' black square; "\uf071", its shadowed box): the six named above and their neighbours
        map(chr, range(0xF021, 0xF100))
    )
)
# The blanks a marker may stand before: a space or a tab, and the wide spaces word processors and
# typesetters put after a bullet or a number (en, em, thin, narrow no-break, ideographic; ``wide_space_marker``:
# "•\u2003Emissions", "(1)\u3000Cyber"). A no-break space is a space already (``clean_source``).
MARKER_BLANKS = " \t\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Word's plain-text paste of a bulleted list: "o" (Courier New, the second level) and "§" (Wingdings'
# square, the third), each followed by a tab (Outlook: two or more spaces); before one space they are
# words ("o boy", "§ 5"). Word's Wingdings arrow and check-mark bullets come out as the Latin-1 letters of
# their code points, "Ø" and "ü" (``wingdings_letter_bullet``; "Ø 12 mm" is a diameter, "ü" a letter).
TAB_BULLET_GLYPHS = frozenset("o§Øü")
# How deep a glyph's level is in the lists that use it ("•" 0, "◦"/"○"/"o" 1, "§" 2): a deeper glyph
# written at its parent's indentation still nests under it.
GLYPH_LEVEL = {"◦": 1, "○": 1, "o": 1, "§": 2, "↳": 1, "⦾": 1, "\u2218": 1}
SUB_BULLET_GLYPHS = frozenset(GLYPH_LEVEL)
# An emoji bullet is often written with the emoji variation selector after it ("✔️", "▫️").
_VARIATION_SELECTOR = "\ufe0f"
# A bullet written as an HTML entity in pasted CMS text ("&bull; Fuel", "&#8226; Roads").
_ENTITY_BULLET = re.compile(
    r"&(?:bull|middot|#8226|#x2022|#183|#xb7|#9679|#x25cf|#9642|#x25aa);(?:[ \t]|&(?:nbsp|#160|#xa0);)++(?=\S)", re.I
)
# No-break spaces written as entities after a bullet ("•&#160;Name", pdftohtml; "•&nbsp;Name", e-mail HTML).
_ENTITY_BLANKS = re.compile(r"(?:&(?:nbsp|#160|#xa0);[ \t]*+)++(?=\S)", re.I)

_MARKDOWN_ITEM = re.compile(r"([ \t]*+)([-+*]|[0-9]{1,9}[.)])([ \t]++|$)")
THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*+\1){2,}+[ \t]*+$")
# Roman numerals close with "." or, as "a)" letters do, with ")" ("ii)", "iv)": ``roman_paren``).
_ENUMERATOR = re.compile(
    r"(?:\((?:[0-9]{1,3}|[a-z]|[ivx]{2,5}|[A-Z])\)|[a-z\u0430-\u044f\u03b1-\u03c9]\)"
    r"|(?:viii|vii|iii|ix|iv|vi|ii|i|v|x)[.)]|[0-9]{1,3}[ \t]++[-–]"
    r"|[a-z]\.|[0-9]\ufe0f?+\u20e3|\#\.|[0-9]{1,3}\.\)|[0-9]{1,2}\.?+[\u00ba\u00aa]|[A-Z]\)|[\u2460-\u24b5\u2776-\u2793])"
    f"[{MARKER_BLANKS}]++(?=\\S)"
)
# Typed bullets of plain text: ASCII arrows ("-> Item", "--> Item", "=> Item") and checkbox lines
# ("[x] Done", "[ ] Open", Zim's "[*] Done"), each then white space and text.
_ASCII_BULLET = re.compile(r"[ \t]*+(?:-{1,2}+>|=>|\[[ xX*]\])[ \t]++(?=\S)")
# A Slack or GitHub emoji shortcode used as a bullet (":white_check_mark: Readiness ...").
_SHORTCODE_BULLET = re.compile(r"[ \t]*+(:[a-z0-9_+-]{1,40}+:)[ \t]++(?=\S)")
# A dash typed straight onto the item's first word ("-Mobility: ..."), the word capitalised.
_TIGHT_DASH = re.compile(r"[ \t]*+-(?=[A-Z][a-z])")
# AsciiDoc's labelled list entry ("Deterrence:: the threat of force ..."): a term, "::", then its text.
_LABELLED_ENTRY = re.compile(r"([A-Za-z][A-Za-z0-9 '-]{0,60}+)::[ \t]++(?=\S)")


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
    elif glyph in BULLET_GLYPHS and line[after : after + 1] == "&":
        return entity_space_bullet(line, width, glyph, after)
    elif glyph not in BULLET_GLYPHS or not line[after : after + 1] or line[after] not in MARKER_BLANKS:
        return None
    content = after + 1
    while content < len(line) and line[content] in MARKER_BLANKS:
        content += 1
    if content == len(line) or is_divider(line[content:]):
        return None  # a lone bullet, or a row of them ("• • •"), is a decoration, not an item
    return Marker(width, False, "bullet", glyph, content, width + 2)


def typed_marker_item(line: str) -> Marker | None:
    """``- Patrols: ships``, ``2. Sensors``: a markdown marker and a blank opening a line of text (``typed_markers``).

    Where markdown does not read the line (a ``<br>``-broken line of an HTML paragraph), its
    typed dash or number is still a list marker; ``-5%``, ``2025.`` and ``- - -`` (a rule) are not.
    """
    found = markdown_item(line)
    return found if found is not None and line[found.content :].strip() else None


def lone_bullet(line: str, nxt: str) -> str | None:
    """A bullet alone on its line and its text on the next (a PDF's text layer), as one item's line, or None.

    ``•`` / ``Air defence: joint orders`` -> ``• Air defence: joint orders``; a blank line
    or another bullet below leaves the bullet a decoration.
    """
    glyph = line.strip(" \t")
    if len(glyph) != 1 or glyph not in BULLET_GLYPHS or not nxt.strip() or lead_char(nxt) in BULLET_GLYPHS:
        return None
    return f"{line.rstrip()} {nxt.strip()}"


def is_divider(text: str) -> bool:
    """``• • •`` (after its first bullet): bullets and blanks only, a section divider drawn with bullets."""
    return all(ch in BULLET_GLYPHS or ch in " \t" for ch in text[:MAX_DIVIDER]) and len(text) <= MAX_DIVIDER


# Longest rest of a divider line ("• • • • •") after its first bullet.
MAX_DIVIDER = 40


def ascii_bullet_item(line: str) -> Marker | None:
    """``-> Item``, ``=> Item``, ``[x] Done``, ``[ ] Open``, Zim's ``[*] Done``: typed bullets (``ascii_bullet``).

    A checkbox is one bullet style whether ticked or not, so a checklist stays one list.
    """
    match = _ASCII_BULLET.match(line)
    if match is None:
        return None
    width, n = indentation(line)
    glyph = line[n : match.end()].strip()
    return Marker(width, False, "bullet", "[ ]" if glyph[:1] == "[" else glyph, match.end(), width + 2)


def shortcode_bullet_item(line: str) -> Marker | None:
    """``:white_check_mark: Readiness``: an emoji shortcode (Slack, GitHub) leading the line (``shortcode_bullet``).

    An item only in a run of lines led by the same shortcode (the segmentation pass checks):
    a reST field list (``:Date: ...``) names a different field on every line.
    """
    match = _SHORTCODE_BULLET.match(line)
    if match is None:
        return None
    width, _ = indentation(line)
    return Marker(width, False, "bullet", match.group(1), match.end(), width + 2)


def tight_dash_item(line: str) -> Marker | None:
    """``-Mobility: rail capacity``: a dash typed onto a capitalised word (``tight_dash``), in a run of them.

    Alone it is no item (``-Based on ...`` may be a fragment); ``-5%`` and ``--`` never match.
    """
    match = _TIGHT_DASH.match(line)
    if match is None:
        return None
    width, _ = indentation(line)
    return Marker(width, False, "bullet", "-", match.end(), width + 2)


# A bullet glyph typed onto a capitalised word ("•Detection: faster"): Word and Notes paste it so, and
# Japanese writers type the katakana middle dot so (U+30FB, "・Training").
_TIGHT_GLYPH = re.compile(r"[ \t]*+([\u2022\u25aa\u25cf\u25e6\u30fb])(?=[^\W\d_][^\W\d_])")


# Chinese and Japanese numbering: "一、", "二、" (an ideographic comma) and full-width digits "１．", "２、",
# or in full-width parentheses ("（１）", "（2）": ``fullwidth_paren_number``).
# No blank after them: CJK text is written without spaces.
_CJK_ENUMERATOR = re.compile(
    r"[ \t]*+(?:[\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341]{1,3}+\u3001"
    r"|[\uff10-\uff19]{1,2}+[\uff0e\u3001]|\uff08(?:[\uff10-\uff19]{1,2}+|[0-9]{1,2}+)\uff09)[ \t\u3000]*+(?=\S)"
)


# A full-width parenthesised number ("（２）", "（2）") inside a line: an enumeration running in the sentence.
_CJK_PAREN_NUMBER = re.compile(r"\uff08(?:[\uff10-\uff19]{1,2}+|[0-9]{1,2}+)\uff09")


def is_cjk_inline_enumeration(line: str) -> bool:
    """``（１）コインコントロール機能を有効にし、（２）複数のウォレットを使用している``: a sentence counting its
    conditions in the running text, not an item (``cjk_inline_enumeration``, sweep 16).

    It opens with a parenthesised number as an item would (``fullwidth_paren_number``); the second one on the
    same line makes it that sentence, a paragraph as markdown reads it. Near miss: ``（１）サイバー防衛`` alone.
    """
    body = line.lstrip(" \t\u3000")
    opening = _CJK_PAREN_NUMBER.match(body)
    return opening is not None and _CJK_PAREN_NUMBER.search(body, opening.end()) is not None


def cjk_enumerator_item(line: str) -> Marker | None:
    """``一、能力目标``, ``１．サイバー防衛``: a Chinese or Japanese numbered item (``cjk_enumerator``), ordered."""
    match = _CJK_ENUMERATOR.match(line)
    if match is None or is_cjk_inline_enumeration(line):
        return None
    width, n = indentation(line)
    glyph = line[n : match.end()].strip(" \t\u3000")
    return Marker(width, True, "enumerator", glyph, match.end(), width + len(glyph) + 1)


def tight_glyph_item(line: str) -> Marker | None:
    """``•Detection: faster``: a bullet glyph typed onto a word, in a run of them (``tight_glyph``).

    Alone it is no item (a lone ``•Note`` may be decoration); a digit after it (``•5%``) never matches.
    """
    match = _TIGHT_GLYPH.match(line)
    if match is None:
        return None
    width, _ = indentation(line)
    return Marker(width, False, "bullet", match.group(1), match.end(), width + 2)


def labelled_entry(line: str) -> str | None:
    """``Deterrence:: the threat ...`` (AsciiDoc's labelled list): the entry as ``Term: text``, or None."""
    match = _LABELLED_ENTRY.match(line)
    if match is None:
        return None
    return f"{match.group(1).strip()}: {line[match.end() :].strip()}"


# Longest run of symbol code points a pictographic bullet may be (a flag is two, a ZWJ sequence more).
MAX_SYMBOL_BULLET = 8
# ``operator_bullet``: the math operators a typesetter or a LaTeX-to-text converter leaves for a list's bullets
# (``\cdot`` "⋅", ``\star`` "⋆", ``\diamond`` "⋄", ``\rhd`` "⊳", ``\odot`` "⊙", ``\ast`` "∗"). Unicode files them as
# math symbols (Sm), not as the other symbols (So) emoji and dingbats are: they lead an item, as a symbol does, only
# in a run.
OPERATOR_BULLETS = frozenset("\u22c5\u22c6\u22c4\u22b3\u2299\u2217")
# ``wrapped_symbol_run``: the most lines an item of a symbol run may wrap onto (hanging, indented under its text)
# before the run's next item; a longer block under one symbol-led line is a paragraph, not a wrap.
MAX_SYMBOL_WRAP = 6


def symbol_bullet_item(line: str) -> Marker | None:
    """``👉 Faster contracts``, ``🇺🇦 Ukraine: ...``: a line opening with an emoji or other symbol, then a blank.

    Not an item alone (``⚡️ NATO allies agree ...`` may be a title): the segmentation
    pass reads it as one only in a run of such lines, as social posts list things.
    """
    width, n = indentation(line)
    if n < len(line) and line[n] in OPERATOR_BULLETS:  # ``operator_bullet``: "⋅ Name", a typesetter's dot
        end = n + 1
    else:
        end = n
        while end < len(line) and end - n < MAX_SYMBOL_BULLET and unicodedata.category(line[end]) in SYMBOL_CATEGORIES:
            end += 1
        if end > n and unicodedata.category(line[n]) != "So":
            return None
    if end == n or end >= len(line) or line[end] not in " \t":
        return None
    if "\u2500" <= line[n] <= "\u259f":
        return None  # box drawing: a table's border or column rule, not a bullet
    content = end
    while content < len(line) and line[content] in " \t":
        content += 1
    if content == len(line):
        return None
    return Marker(width, False, "bullet", line[n:end], content, width + 2)


def wrapped_symbol_run(lines: Sequence[str], i: int, marker: Marker) -> bool:
    """``➣ Resilience Committee: national targets ...`` whose item above or below is past hanging lines: the run of
    symbol-led items, wrapped (``wrapped_symbol_run``).

    A symbol opens an item only in a run of such lines (``symbol_bullet``), and a run was a line directly above
    or below: hard-wrapped at 72 with hanging indents, no two items of a run touch, and the whole list was read
    as a paragraph. An item of the same glyph at the same indentation past up to ``MAX_SYMBOL_WRAP`` lines,
    each indented deeper than the marker or opening in lowercase (its wrap, as the contract's wrapped items are),
    makes the run. A symbol-led line over an indented paragraph
    and nothing more, another glyph, a blank line or an unindented line between stay as they were.
    """
    for step in (1, -1):
        k = i + step
        for _ in range(MAX_SYMBOL_WRAP + 1):
            if not 0 <= k < len(lines) or not lines[k].strip():
                break
            found = symbol_bullet_item(lines[k])
            if found is not None:
                if found.glyph == marker.glyph and found.indent == marker.indent and k != i + step:
                    return True
                break
            if indentation(lines[k])[0] <= marker.indent and not lines[k].lstrip(" \t")[:1].islower():
                break
            k += step
    return False


def glyph_before_bold(text: str) -> int:
    """Where an item's text resumes after a pictograph that opens it before a bold lead (``glyph_bold_lead``), else 0.

    Chat assistants decorate their markdown items with an emoji after the marker, ``- ✅ **Patriot batteries** –
    two more systems``: the emoji is a second bullet glyph (the contract's ``✅``), so the bold span after it is
    the item's lead, its name. Only before a bold lead: ``- 🇺🇦 Ukraine: support`` keeps its flag in the name,
    and a word (``- A **bold** claim``) is no glyph.
    """
    start = glyph_prefix(text)
    return start if text[start : start + 2] in ("**", "__") else 0


def glyph_prefix(text: str) -> int:
    """Where a text resumes after the pictograph and blank opening it (``✅ Patriot batteries``), else 0."""
    marker = symbol_bullet_item(text)
    return 0 if marker is None or marker.indent else marker.content


def symbol_run_resumes(glyph: str, open_glyphs: Sequence[str]) -> bool:
    """``□ Space: ...`` after ``  - 155mm shells first``: a symbol-led line whose glyph leads an open item of
    the list being read is that list's next item (``symbol_run_resumes``).

    A symbol (``□``, ``👉``) opens an item only in a run of such lines (``symbol_bullet``), and a sub-list of
    other markers between two of them breaks the run: the item after it read as a title. An open list
    that an item with the same glyph started is the run, resumed. Outside a list, or after a list of
    other glyphs, a lone symbol-led line stays what it was (a title, a line of prose).
    """
    return glyph in open_glyphs


def entity_space_bullet(line: str, width: int, glyph: str, after: int) -> Marker | None:
    """``•&#160;Gender Advisers Network``: a bullet whose blank is a no-break space written as an entity
    (``entity_space_bullet``), or None.

    PDF-to-HTML converters (poppler's pdftohtml) and HTML e-mail write the blank after a typed bullet as
    ``&#160;`` / ``&nbsp;``; the line is an item as ``• Gender ...`` is. ``•&amp;`` or an entity glued to a
    word after it (``•&#160;``, the line's end) is none.
    """
    match = _ENTITY_BLANKS.match(line, after)
    if match is None or is_divider(line[match.end() :]):
        return None
    return Marker(width, False, "bullet", glyph, match.end(), width + 2)


def entity_bullet_item(line: str, width: int, n: int) -> Marker | None:
    """``&bull; Fuel``: a bullet written as an HTML entity (pasted CMS source), read as ``•``."""
    match = _ENTITY_BULLET.match(line, n)
    return Marker(width, False, "bullet", "•", match.end(), width + 2) if match else None


def enumerator_item(line: str) -> Marker | None:
    """``(1)``, ``(a)``, ``(iv)``, ``a)``, roman ``i.``-``x.``, ``1 -``, ``1 –``, reST's ``#.``, then a space: ordered.

    Also the ordinal indicators of Portuguese, Spanish and Italian numbering (``1º``, ``2ª``, ``1.º``:
    ``ordinal_item``) and Cyrillic or Greek lowercase letters (``а)``, ``α)``: ``letter_item``).

    ``i.e.`` and ``1.5`` never match: the marker must be followed by white space.
    """
    width, n = indentation(line)
    match = _ENUMERATOR.match(line, n)
    if match is None:
        return None
    glyph = line[n : match.end()].strip()
    return Marker(width, True, "enumerator", glyph, match.end(), width + len(glyph) + 1)


def is_lettered(marker: Marker) -> bool:
    """``a.``, ``b.``, ``A)``, ``B)``, ``(A)``: a letter and a full stop, or a capital and a parenthesis.

    (``i.``, ``v.``, ``x.`` are roman numerals, items on their own.) Only ``a.`` and ``A)``
    open a lettered list; ``b.``, ``B)`` and on are items inside one (a line opening
    ``p. 12`` is prose, so is ``B) ...`` out of the blue).
    """
    glyph = marker.glyph
    if marker.kind == "enumerator" and len(glyph) == 3 and glyph[0] == "(":
        return glyph[1].isupper()  # "(A)": upper-case lettering; "(U) text" alone is a portion marking
    if marker.kind != "enumerator" or len(glyph) != 2 or glyph[1] not in ".)":
        return False
    if glyph[1] == ")":
        return glyph[0].isupper()  # "a)" is an enumerator on its own (CONTRACT); "A)" is upper-case lettering
    return glyph[0].isalpha() and glyph[0] not in "ivx"  # not reST's "#.", which numbers


def opens_sub_lettering(marker: Marker, parent_indent: int, parent_glyph: str) -> bool:
    """``a.`` indented under a numbered item opens that item's lettered sub-list, even with no ``b.`` below it
    (``sub_lettering``, shapes28).

    ``lettered_run`` asks for a ``b.`` so that a paragraph opening ``a.`` stays prose; under ``2. Trident
    Juncture: ...`` an indented ``a. cold-weather training`` is the outline's one sub-point (its siblings had
    ``a.`` and ``b.``), which was glued onto the item's text. The item above must be numbered (``1.``, ``2)``)
    and the letter indented deeper than its marker; ``p. 12`` and ``b.`` out of the blue stay as they were.
    """
    opener = is_lettered(marker) and marker.glyph[marker.glyph[0] == "("] in "aA"
    return opener and marker.indent > parent_indent and parent_glyph[:1].isdigit()


def empty_item_after_prose(line: str, marker: Marker, prev: str) -> bool:
    """An empty markdown item (``* ``) right under a prose line (``empty_item``): a template's placeholder.

    CommonMark lets no empty item interrupt a paragraph (cmark-gfm reads the marker as the
    paragraph's text), and an item with no text would be an initiative without a name.
    """
    if marker.kind != "markdown" or line[marker.content :].strip(" \t"):
        return False
    lead = lead_char(prev)
    return bool(lead) and match_item(prev) is None and lead not in "#>|<"


def starts_letter_item(text: str, delimiter: str) -> bool:
    """``b. Training``: a letter, the delimiter, a blank (``lettered_run``: ``a.`` opens a list only over one).

    The delimiter ``()`` stands for a letter in parentheses (``(B) Reporting``).
    """
    if delimiter == "()":
        return text[:1] == "(" and text[1:2].isalpha() and text[2:3] == ")" and text[3:4] in (" ", "\t")
    return text[:1].isalpha() and text[1:2] == delimiter and text[2:3] in (" ", "\t")


# Deepest Textile/AsciiDoc star level read as nesting ("***** item").
MAX_STAR_LEVEL = 5


def _stars(line: str) -> int:
    n = 0
    while n < len(line) and n <= MAX_STAR_LEVEL and line[n] == "*":
        n += 1
    return n


def star_level_item(line: str, above: str) -> Marker | None:
    """``** Poland: ...`` right under ``* Sensors: ...`` (or another star item): an item one level deeper.

    Textile and AsciiDoc nest by repeating the star (``star_level``); markdown reads ``**`` as
    the start of bold text, and Mailchimp's ``** Heading`` (a blank line above it) is a heading.
    """
    stars, above_stars = _stars(line), _stars(above)
    if not 2 <= stars <= MAX_STAR_LEVEL or line[stars : stars + 1] != " ":
        return None
    if not 1 <= above_stars <= MAX_STAR_LEVEL or above[above_stars : above_stars + 1] != " ":
        return None
    indent = 2 * (stars - 1)
    return Marker(indent, False, "bullet", "*" * stars, stars + 1, indent + 2)


def upper_lettered_item(line: str) -> Marker | None:
    """``A) Air defence``: a capital and a closing parenthesis, then text (``upper_lettered``)."""
    _, n = indentation(line)
    return enumerator_item(line) if line[n + 1 : n + 2] == ")" else None


# Applied in order; the first that matches wins. The lead character decides
# cheaply which rules can match, so prose lines cost one dict lookup.
ITEM_RULES: tuple[tuple[str, Callable[[str], Marker | None]], ...] = (
    ("markdown_item", markdown_item),
    ("bullet_item", bullet_item),
    ("enumerator_item", enumerator_item),
    ("ascii_bullet", ascii_bullet_item),
    ("upper_lettered", upper_lettered_item),
)


def _is_letter_enumerator_lead(lead: str) -> bool:
    """A lowercase Cyrillic or Greek letter: ``а)``, ``б)`` and ``α)``, ``β)`` enumerate as ``a)`` does."""
    return "\u0430" <= lead <= "\u044f" or "\u03b1" <= lead <= "\u03c9"


def match_item(line: str) -> Marker | None:
    """The list item this line opens, by the first rule that matches, else None."""
    lead = lead_char(line)
    if not lead:
        return None
    if lead.isupper() and lead not in TAB_BULLET_GLYPHS:  # only "A) text" (most lines open with a capital: no regex)
        return upper_lettered_item(line) if "A" <= lead <= "Z" and line.lstrip(" \t")[1:2] == ")" else None
    if "\u4e00" <= lead <= "\u9fff" or "\uff10" <= lead <= "\uff19" or lead == "\uff08":
        return cjk_enumerator_item(line)  # no markdown marker is a CJK character or a full-width digit
    if lead in "-+*" or lead.isdigit():
        found = markdown_item(line)
        if found is not None:
            return found
    if lead in "-=[":
        found = ascii_bullet_item(line)
        if found is not None:
            return found
    if lead in BULLET_GLYPHS or lead in TAB_BULLET_GLYPHS or lead == "&":
        found = bullet_item(line)
        if found is not None or lead != "o":
            return found
    if lead in "(#" or lead.isdigit() or ("a" <= lead <= "z") or "\u2460" <= lead <= "\u2793":
        return enumerator_item(line)
    if _is_letter_enumerator_lead(lead):
        return enumerator_item(line)
    return None


# Word's second-level bullet pasted flat, at the margin: "o" and one space before a capital.
_MARGIN_O = re.compile(r"o (?=[A-Z0-9])")
# Word's first-level bullet, as a paste keeps it: "•" and a blank.
_BULLET_LINE = re.compile(r"\u2022[ \t]++\S")


def o_under_bullet(lines: Sequence[str], i: int) -> Marker | None:
    """``o Increasing the frequency ...`` at the margin under ``• Joint military exercises``: Word's second-level
    bullet pasted flat (``o_under_bullet``), a sub-item of the ``•`` item above, or None.

    Word's paste keeps the glyph of each level (``•`` then ``o``) but not the indentation, so the ``o`` item stands
    at the margin right under its ``•`` item. Only in a run: the line above a ``•`` item and another ``o`` line
    two lines up or down (or the next line a ``•`` item again). Near misses: ``o Captain`` under prose, or one
    ``o`` line under a ``•`` item with prose below, is a word (``o_space_bullet`` reads the indented runs).
    """
    match = _MARGIN_O.match(lines[i])
    if match is None or i == 0 or _BULLET_LINE.match(lines[i - 1]) is None:
        return None
    nearby = [lines[k] for k in (i - 2, i + 1, i + 2) if 0 <= k < len(lines)]
    if not any(_MARGIN_O.match(text) or _BULLET_LINE.match(text) for text in nearby if text is not lines[i - 1]):
        return None
    return Marker(0, False, "bullet", "o", match.end(), 2)


# Word's bullet "o" at a list's first level, at the margin or indented by up to three spaces (``o_bullet_run``).
_RUN_O = re.compile(r" {0,3}+o (?=[A-Z0-9])")
# Most lines above an "o" line ``o_bullet_run`` walks to find where its run opens.
MAX_O_RUN = 40


def o_bullet_run(lines: Sequence[str], i: int) -> Marker | None:
    """``o Eastern Sentry: ...`` in a run of such lines opening under a blank line or a colon: a first-level
    bullet (``o_bullet_run``, shapes28), or None.

    A plain-text copy of a list whose bullets are Word's "o" (Courier New) keeps the letter: the items stand
    at the margin, under a heading, each opening ``o`` and a capital. Only in a run of two or more at one
    indentation whose line above is blank or ends on a colon: a line of prose that happens to open with the word
    ``o`` (Portuguese "o Governo", Italian "o", ``o Captain``) follows another line of prose.
    """
    match = _RUN_O.match(lines[i])
    if match is None:
        return None
    width = indentation(lines[i])[0]

    def in_run(k: int) -> bool:
        return 0 <= k < len(lines) and _RUN_O.match(lines[k]) is not None and indentation(lines[k])[0] == width

    top = i
    while top > 0 and i - top < MAX_O_RUN and in_run(top - 1):
        top -= 1
    above = lines[top - 1].rstrip(" \t") if top else ""
    if (above and not above.endswith(":")) or not (top < i or in_run(i + 1)):
        return None
    return Marker(width, False, "bullet", "o", match.end(), width + 2)


SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Mn", "Me", "Cf"})


# An issue or pull request's reference (``#1037``, ``GH-1037``), as a link's text or bare, and what joins two.
_REFERENCE = re.compile(r"(?:#|GH-)[0-9]{1,7}+")
_REFERENCE_LINK = re.compile(r"\[((?:#|GH-)[0-9]{1,7}+)\]\([^()\s]*+\)")
_REFERENCE_JOINS = frozenset(("and", "or", "&", ","))


def is_reference_tail(line: str) -> bool:
    """``[#1037](https://github.com/...)`` under ``* Audit build process for dependencies``: the item's reference,
    wrapped onto a line of its own, goes on with the item (``item_reference_tail``, sweep 14).

    Meeting minutes list agenda issues as ``title [#123](url)``; where the editor broke the line before the
    reference, the line opens with neither a capital nor a lowercase letter, which the wrapped-item rule asks.
    Only a line of references (``[#1037](...)``, ``#1037 and #1040``) counts: ``#1 priority for ...`` opens a
    sentence of its own, ``# 1037`` is a heading.
    """
    tokens = _REFERENCE_LINK.sub(r" \1 ", line).replace(",", " , ").split()
    return (
        bool(tokens)
        and _REFERENCE.fullmatch(tokens[0]) is not None
        and all(_REFERENCE.fullmatch(token) is not None or token in _REFERENCE_JOINS for token in tokens)
    )


# Word's second-level bullet as a PDF's text layer or a plain-text paste gives it: "o" and one space before a
# capital ("o Germany and ..."); ``TAB_BULLET_GLYPHS`` reads it before a tab or two spaces only.
_O_BULLET = re.compile(r"[ \t]++o (?=[A-Z0-9])")


def o_space_bullet(line: str, neighbours: tuple[str, str], list_indent: int) -> Marker | None:
    """``    o Germany and the Netherlands first`` under an item, beside another such line: a sub-bullet
    (``o_space_bullet``), or None.

    The ``o`` is a bullet when it stands indented deeper than the open list's first marker, a capital after it, and
    the line above or below is written the same way at the same indentation (a run of them). Alone, or at the
    margin, ``o`` is a word (``o Captain``), and an indented line under an item continues it.
    """
    match = _O_BULLET.match(line)
    if match is None:
        return None
    width, _ = indentation(line)
    if width <= list_indent:
        return None
    for text in neighbours:
        if _O_BULLET.match(text) is not None and indentation(text)[0] == width:
            return Marker(width, False, "bullet", "o", match.end(), width + 2)
    return None


# A marker typed straight onto a word of two letters or more: a number or a letter with ")" or ".",
# in parentheses or not ("1)Eastern", "3.Resource", "(2)Cyber", "a)Quick"), or any bullet glyph ("▪Cyber",
# "—Standards", "☐Partnerships"); the glyph is checked against BULLET_GLYPHS by the rule.
_TIGHT_MARKER = re.compile(r"[ \t]*+(\([0-9]{1,3}+\)|\([a-z]\)|[0-9]{1,3}+[.)]|[a-z]\)|[^\w\s])(?=[^\W\d_]{2})")


def tight_marker_line(line: str) -> str | None:
    """The line with a blank after its typed-on marker (``▪Cyber: ...`` -> ``▪ Cyber: ...``), or None."""
    match = _TIGHT_MARKER.match(line)
    if match is None:
        return None
    glyph = match.group(1)
    if len(glyph) == 1 and glyph not in BULLET_GLYPHS:
        return None
    return f"{line[: match.end()]} {line[match.end() :]}"


def tight_marker_item(
    line: str, neighbours: tuple[str, str], open_styles: set[str], style_of: Callable[[Marker], str]
) -> str | None:
    """``▪Partnerships: ...`` after ``◦Solar power``, ``1)Eastern`` over ``2)Counter``: an item (``tight_marker``).

    A marker typed onto the item's first word, the line as the item reads it (a blank put after the
    marker), when a list of that marker stands there: the line above or below carries a marker of the
    same style, typed either way, or the open list already holds one and the line above is no blank
    (nested items broke the run).
    Alone it stays text: ``·Note``, ``1)Introduction`` or ``2.Ministers`` under a sentence, ``—Jens``.
    ``style_of`` gives a marker's style (``a)``, ``1.``, the glyph itself).
    """
    spaced = tight_marker_line(line)
    marker = match_item(spaced) if spaced is not None else None
    if marker is None:
        return None
    style = style_of(marker)
    if style in open_styles and neighbours[0].strip():
        return spaced  # right under the list's lines: a blank line above may close it (``1.Introduction``)
    for text in neighbours:
        found = _neighbour_marker(text)
        if found is not None and style_of(found) == style:
            return spaced
    return None


def _neighbour_marker(text: str) -> Marker | None:
    """The marker opening a neighbouring line, written with or without its blank."""
    found = match_item(text) if text.strip() else None
    if found is not None:
        return found
    spaced = tight_marker_line(text)
    return match_item(spaced) if spaced is not None else None


# One roman numeral of one letter in parentheses: "(i)" opens a roman list as "(ii)" goes on with one.
_ONE_LETTER_NUMERALS = ("(i)", "(v)", "(x)")


def paren_numeral_style(glyph: str, sibling_style: str | None) -> str | None:
    """``(i)`` over ``(ii)`` and ``(iii)``: a roman numeral, the same style as ``(ii)`` (``paren_roman``); the
    style (``"(i)"`` or ``"(a)"``) when the glyph is a one-letter numeral, else None.

    Read as a letter, ``(i)`` and ``(ii)`` were two styles, so two lists. As ``i.`` (``lettered_run``): in an
    open lettered list (its last item ``(h)``) ``(i)`` is the next letter. Near miss: ``(h)``, ``(j)`` are
    letters.
    """
    if glyph not in _ONE_LETTER_NUMERALS:
        return None
    return "(a)" if sibling_style == "(a)" else "(i)"


# The opening tag of a <p> or <div> element at a line's start, attributes and all.
_OPEN_ELEMENT = re.compile(r"[ \t]{0,3}+<(p|div)(?:[ \t][^<>]{0,300}+)?+>", re.IGNORECASE)


_TAG = re.compile(r"<[^<>]{0,300}+>")


def glyph_element(line: str) -> str | None:
    """The tag (``p``, ``div``) of a line that is one element whose text opens with a bullet glyph and a blank
    (``<div>•&nbsp;Strengthening ...</div>``, ``<p>&bull; Ports</p>``), or None."""
    match = _OPEN_ELEMENT.match(line)
    if match is None:
        return None
    tag = match.group(1).lower()
    body = line.rstrip(" \t")
    if body[-len(tag) - 3 :].lower() != f"</{tag}>":
        return None
    text = html.unescape(_TAG.sub("", body[match.end() : -len(tag) - 3])).lstrip()
    return tag if text[:1] in BULLET_GLYPHS and text[1:2].isspace() else None


def glyph_elements_run(line: str, nxt: str) -> bool:
    """``<div>•&nbsp;Cyber</div>`` right over ``<div>•&nbsp;Space</div>``: one HTML block, so one list
    (``glyph_element_run``).

    A mail composer's typed bullets (Gmail, Apple Mail) and a Word paragraph with a typed ``·`` are one
    element a line; read one block a line, every item was a list of its own. Elements of one tag, each a
    bullet line, run on, as Word's list paragraphs do (``word_list_run``). Near misses: a bullet element over
    a prose element (``<div>Regards</div>``), a ``<p>`` bullet over a ``<div>`` one.
    """
    tag = glyph_element(line)
    return tag is not None and glyph_element(nxt) == tag


# A markdown item holding a date's or a number's label and nothing after it: "* **2015-08-25:** ", "- 14:30:".
_LABEL_ONLY_ITEM = re.compile(
    r"[ \t]{0,3}+(?:[-*+]|[0-9]{1,9}+[.)])[ \t]++"
    r"(?:([*_]{2})(?P<bold>[^*_:\n]{1,40}+)(?::\1|\1:)|(?P<plain>[^*_:\n]{1,40}+):)[ \t]*+\Z"
)


def is_label_only_item(line: str) -> bool:
    """The item line holds a date's or a number's label ending in a colon and nothing after it (``label_only_item``).

    A disclosure timeline writes each date as an item and the event on the line under it, at the margin:
    ``* **2015-08-25:** `` over ``Google pide el código fuente del APK``. The colon says the text follows and
    a date is no text of its own; CommonMark reads the line under it as the item's (a lazy continuation), where
    the contract's wrapped-item rule ended the item at the capital and the event stood as a bare title. Near
    misses: a label with its text on the line (``* **2015-08-25:** Google asks ...``), a label of words
    (``* **Air defence**:`` over a capitalised line: the line rule's, prose unless a hard break joins them,
    ``item_label_break``), a label item over a blank line.
    """
    if line[-1:] not in (":", "*", "_", " ", "\t"):
        return False
    found = _LABEL_ONLY_ITEM.match(line)
    label = found and (found.group("bold") or found.group("plain"))
    return bool(label) and any(ch.isdigit() for ch in label) and not any(ch.isalpha() for ch in label)


# ``step_label``: the numbering words a writer types before an item's name, "Step 1:", "Phase II -", "STAGE 3:",
# "Step One:" (a word, a number, a roman numeral, one capital or a number word, then a colon or a spaced dash).
# One anchored match with possessive runs: linear on any text.
_STEP_LABEL = re.compile(
    r"(?i:step|phase|stage|part|tranche|line[ \t]of[ \t]effort|LOE)[ \t]++"
    r"(?:[0-9]{1,3}+|[IVX]{1,5}+|[A-Z]|(?i:one|two|three|four|five|six|seven|eight|nine|ten))(?![\w.])"
    r"[ \t]*+(?::|[-–—](?=[ \t]))[ \t]++(?=\S)"
)


def step_label(text: str) -> int:
    """Where an item's own text starts after a typed step label (``step_label``), else 0.

    ``- Step 1: Military Mobility Pledge - national plans``: the label is numbering, as a ``1.`` marker is, and the
    item's name is the lead phrase after it. Only the label's width is returned; the caller splits the rest with
    the contract's separators and keeps the label as the name when the rest has none (``Step 1: Agree the plans``).
    A word that is no step word (``Pledge 1: ...``), a number run on into a word (``Step 1a:``) and a label with
    nothing after it stay as they were.
    """
    match = _STEP_LABEL.match(text)
    return match.end() if match else 0
