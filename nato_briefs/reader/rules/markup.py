"""What a line's markup means, and which lines are prose rather than structure.

Captions, bylines, footnote references and trailing tags, heading attributes, template tags,
wiki links, callouts, HTML block tags, lines that leave a sentence or a link open (or run on into an equation),
a line's final link read as its text, a link's target (``LINK_TARGET``: no text a reader sees), and the lowercase
word that makes a line with names in it a sentence, not a Title Case heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.reader.rules.items import lead_char

_CAPTION = re.compile(
    r"(?:(?:table|figure|fig\.|chart|graph|exhibit|map)[ \t]++[0-9]{1,3}+[a-z]?+"
    r"(?:[ \t]*+[:.–—-]|[ \t]++\((?:continued|cont(?:'d|’d|\.)?+)\))"  # "Table 1 (continued)": a paged table's caption
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
# GFM's single-tilde strikethrough ("~(R) must be tested~"), which cmark-gfm reads and markdown-it does not:
# a tilde before a non-blank, up to 300 characters, a non-blank and a tilde, neither tilde touching a word.
_SINGLE_TILDE = re.compile(r"(?<![~\w])~(?=[^\s~])([^~\n]{1,300}+)(?<=\S)~(?![~\w])")
# The pipe first, then the look back at the character before it: a pattern opening with its literal lets the
# engine skip to each pipe; opening with the look-behind, it tried every position of the line.
UNESCAPED_PIPE = re.compile(r"\|(?<!\\\|)")
# A link's destination (``](https://...)``, ``](#footnote-1)``): not text a reader sees.
LINK_TARGET = re.compile(r"\]\([^()\s]*+\)")

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

# A photo credit closing a caption line: "... in Vilnius. Photo: Bundeswehr", "... (Image: NATO)".
_CREDIT_TAIL = re.compile(
    r"[.!?)][ \t]++\(?+(?:photo(?:graph)?+|image|picture|credits?+|copyright)(?:[ \t]++credit)?+[ \t]*+[:©]",
    re.IGNORECASE,
)


def is_byline(text: str) -> bool:
    """``By: Jane Smith``, ``Published: 12 June 2025``, ``Updated:`` ...: article metadata, never a heading."""
    return _BYLINE.match(text.lstrip(" \t*_")) is not None


def is_caption(text: str) -> bool:
    """``Table 1:``, ``Figure 2.``, ``Chart 3 –``, ``Source:``, ``Notes:`` ...: a caption, never a heading.

    A photo caption ending in its credit (``Soldiers at the ceremony. Photo: Bundeswehr``) is one too.
    """
    body = text.lstrip(" \t*_")
    return _CAPTION.match(body) is not None or _CREDIT_TAIL.search(body, max(0, len(body) - 80)) is not None


def rstrip_end(text: str, end: int) -> int:
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _footnote_refs_start(text: str, end: int) -> int:
    """Where the footnote references ending ``text[:end]`` start (``end`` when none)."""
    end = rstrip_end(text, end)
    while end and text[end - 1] == "]":  # one pass from the end: linear however many references
        start = text.rfind("[^", 0, end)
        label = text[start + 2 : end - 1] if start >= 0 else ""
        if not label or "]" in label or " " in label or "[" in label:
            break
        end = rstrip_end(text, start)
    return end


def _trailing_tags_start(text: str, end: int) -> int:
    """Where the inline HTML tags ending ``text[:end]`` start (``end`` when none)."""
    end = rstrip_end(text, end)
    while end and text[end - 1] == ">":  # one pass from the end: linear however many tags
        start = text.rfind("<", 0, end)
        if start < 0 or _INLINE_TAG.fullmatch(text, start, end) is None:
            break
        end = rstrip_end(text, _sup_marker_start(text, start))
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


# The mark a consolidated legal text puts after an amended provision's last stop: "...Reglamento.**(\*)**", ".(*)".
_AMENDMENT_MARK = re.compile(r"[.;:!?][*_]{0,3}+\((?:\\?+\*){1,3}+\)[*_]{0,3}+\Z")
# Longest such mark after its stop ("._**(\*\*)**").
MAX_AMENDMENT_MARK = 16


def _amendment_mark_start(text: str, end: int) -> int:
    """Where the amendment mark ending ``text[:end]`` starts, right after its stop (``end`` when none)."""
    end = rstrip_end(text, end)
    if not end or text[end - 1] not in "*_)":
        return end
    found = _AMENDMENT_MARK.search(text, max(0, end - MAX_AMENDMENT_MARK - 1), end)
    return found.start() + 1 if found is not None else end


def strip_amendment_mark(text: str) -> str:
    """The text without the amendment mark that ends it (``amendment_mark``): ``... Reglamento.**(\\*)**`` ->
    ``... Reglamento.``.

    A legal gazette's consolidated text marks each amended or repealed provision with ``(*)`` after its last
    sentence's stop, bold or escaped as its converter wrote it, and explains the mark in the next paragraph. The
    sentence still ends at its stop: a one-sentence paragraph so marked is prose, never a bare title. Near
    misses: a mark with no stop before it (``Disposiciones finales (*)``) and a parenthesised word (``(UE)``).
    """
    return text[: _amendment_mark_start(text, len(text))]


def strip_trailing_markup(text: str) -> str:
    """The text without the footnote references, inline tags and amendment marks that end it, in any order."""
    end = len(text)
    while True:
        new_end = _amendment_mark_start(text, _trailing_tags_start(text, _footnote_refs_start(text, end)))
        if new_end == end:
            return text[:end]
        end = new_end


def is_attribute(word: str) -> bool:
    """``#id``, ``.class``, ``key=value``, ``-``, or a bare HTML data attribute (``data_attribute``, sweep 12:
    MkDocs Material's ``## Requirements { data-search-exclude }``, which Python-Markdown's attr_list sets)."""
    return (
        word == "-"
        or (len(word) > 1 and word[0] in "#.")
        or ("=" in word and not word.startswith("="))
        or (word[:5] == "data-" and len(word) > 5)
    )


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
    if start <= 0 or not words or not all(is_attribute(w) for w in words):
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


# A link whose target is a Jekyll/Liquid expression or tag (``[Plan]({{ '/x/' | relative_url }})``,
# ``[Plan]({% link _docs/x.md %})``), or opens with one before a path (``({{ site.baseurl }}/assets/x.pdf)``,
# sweep 12: ``template_link_path``): the spaces inside make it no link to CommonMark.
TEMPLATE_EXPRESSION = r"(?:\{\{[^}\n]{0,500}+\}\}|\{%[^%\n]{0,500}+%\})"
_TEMPLATE_LINK_TARGET = re.compile(r"\]\(" + TEMPLATE_EXPRESSION + r"(?:[^\s(){}]++|" + TEMPLATE_EXPRESSION + r")*+\)")


def mend_template_links(line: str) -> str:
    """A link whose target a site template computes, as a link (its text is what the reader sees).

    Jekyll renders the target before markdown reads the page; read raw, the link's
    brackets, the expression and a ``|`` filter stayed in the item's text (and the
    pipe made bullet lines look like table rows). A target that opens with the expression and
    goes on with a path (``({{ site.baseurl }}/assets/report/ed-20-03.pdf)``, as a government
    site's Jekyll pages write every link) is one too (``template_link_path``).
    """
    return _TEMPLATE_LINK_TARGET.sub("](#)", line) if "]({" in line else line


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


def is_unclosed_star_line(text: str) -> bool:
    """``*Sensors: buy radars``: a star bullet without its space, read as literal text, never a title."""
    return text[:1] == "*" and text[1:2] not in ("*", "") and "*" not in text[1:]


def is_parenthetical(text: str) -> bool:
    """A line wholly in parentheses or brackets: an aside or a stage direction, never a title.

    ``(Reporting by ...; Editing by ...)`` under a wire story; ``[Applause]``, ``[Laughter]``
    in a speech transcript. One pair only: ``(NATO) and (EU)`` is text.
    """
    body = text.strip()
    if len(body) <= 2:
        return False
    pair = {"(": ")", "[": "]"}.get(body[0])
    return pair is not None and body[-1] == pair and body.count(body[0]) == 1


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


# A line whose words run to a link's "](" before any "[": it closes a link text opened on a line above.
_CLOSES_LINK_TEXT = re.compile(r"([^\[\]\n]*+)\]\(")


def wraps_inside_span(prev: str, line: str) -> bool:
    """``line`` goes on with a link text or a quotation that a line above left open (``open_span_wrap``, sweep 15).

    ``-   [Understanding and Using the Allied`` / ``Air Policing Handbook for Baltic`` / ``Detachments](x.pdf)``;
    ``* ... with the title “Baltic Air`` / ``Policing Roster.” If necessary, ...``: the capital below is the
    title's own, not a new sentence, so the item (or paragraph) goes on. ``prev`` leaves a ``[`` or a ``“``
    unclosed, or ``line``'s words run to a link's ``](`` before any ``[`` (the last line of a link text wrapped
    over three). Near misses: ``[x]`` and ``“Plan”`` closed on their line, a ``](`` after a ``[``, a bare
    ``](y)`` under a finished item (``link_text_wrap`` asks for the ``[`` left open above).
    """
    if "[" in prev and leaves_link_open(prev):
        return True
    if "\u201c" in prev and prev.count("\u201c") > prev.count("\u201d"):
        return True
    closing = _CLOSES_LINK_TEXT.match(line.lstrip(" \t")) if "](" in line else None
    return closing is not None and any(c.isalpha() for c in closing.group(1))


# What closes a bold label: a colon, or a question mark (``question_label``).
_LABEL_ENDS = frozenset(":?？")


def is_label_line(text: str) -> bool:
    """A bold label and its colon, then text on the same line (``**Progress:** The project has ...``).

    A labelled paragraph, not a heading: a bold title stands alone (``**Key outcomes:**``). A bold question
    is a label too, its answer the text after it (``**Is the exploit method known?** Yes``, a root-cause
    report's field; sweep 14's ``question_label``), however short the answer.
    """
    body = text.lstrip(" \t")
    delim = body[:2]
    if delim not in ("**", "__"):
        return False
    close = body.find(delim, 2)
    if close < 3:
        return False
    after = body[close + 2 :]
    has_colon = body[close - 1] in _LABEL_ENDS or after[:1] == ":"
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


def strip_fenced_code(text: str) -> str:
    """The text with each fenced code block's lines emptied: code inside an MDX/JSX container (``<Tabs>``).

    MDX renders a fence inside a component as code, which is never prose; read as HTML its fences and
    code became a paragraph. A fence opens on a line of three or more backticks or tildes (any indent,
    as the component indents it) and closes on a line of at least as many of the same; an unclosed one
    runs to the end. Lines stay, emptied, so the lines below keep their numbers.
    """
    out = []
    fence = ""
    for line in text.split("\n"):
        body = line.strip()
        if fence:
            if body.startswith(fence) and not body.strip(fence[0]):
                fence = ""
            line = ""
        elif body[:3] in ("```", "~~~"):
            fence = body[: len(body) - len(body.lstrip(body[0]))]
            if fence[0] == "`" and "`" in body[len(fence) :]:
                fence = ""  # "```x``` here": a code span (a backtick fence's info string holds no backtick)
            else:
                line = ""
        out.append(line)
    return "\n".join(out)


def tag_balance(line: str, tag: str) -> int:
    """Opening minus closing tags named ``tag`` on the line (case-insensitive), by substring counts."""
    low = line.lower()
    opened = low.count("<" + tag + ">") + low.count("<" + tag + " ") + low.count("<" + tag + "\t")
    return opened - low.count("</" + tag + ">") - low.count("</" + tag + " ")


# Container elements a line may leave open after closing the one that opened its block, the likeliest first.
_OPENED_CONTAINERS = ("table", "ul", "ol", "dl", "figure", "blockquote", "section", "article", "main", "div")


def container_left_open(line: str) -> tuple[str, int] | None:
    """``<h2>Priorities</h2><table>``: the container the line opens and leaves open, and how deep, or None
    (``container_left_open``).

    A CMS that writes a post on one line (Ghost, a minified export) closes the element that opened the HTML
    block and opens a table at the line's end, its rows on the lines below; the block goes on to that
    container's close. A line closing all it opens leaves none.
    """
    if "<" not in line:
        return None
    for tag in _OPENED_CONTAINERS:
        depth = tag_balance(line, tag)
        if depth > 0:
            return tag, depth
    return None


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
        if "|" in body and UNESCAPED_PIPE.search(body) is not None:
            return True
        if "<" in body and _STRUCTURE_TAG.search(body) is not None:
            return True
    if lead.isalpha() and lead.isupper():
        second = line[1:2] if line[:1] == lead else line.lstrip(" \t")[1:2]
        if second not in (".", ")"):
            return False
    return _STRUCTURE_START.match(line) is not None


def dash_continues(prev: str, text: str) -> bool:
    """A dash-led line that continues the sentence above (``dash_continuation``): no list item.

    ``... stockpiles of shells and anti-tank weapons`` / ``— grew 8–11 per cent a year``: a
    hard-wrapped paragraph put its dash at the line start. The line above is prose that
    ends mid-sentence and the text after the dash starts in lower case; an item under a
    title (``Key measures`` / ``— Patrols``) or after a finished sentence stays an item.
    """
    above = prev.rstrip(" \t")
    return bool(above) and above[-1:] not in ".!?:;)]" and text[:1].islower() and above[:1] not in "-*+#>|<•"


def opens_comment_block(line: str) -> bool:
    """``<!--`` opening a comment that closes on a later line (``comment_block``): hidden text to its ``-->``.

    A template's comment holds example lists, tables and tags (``- <exercise>: <date>``); read
    line by line they would leave the comment and open blocks of their own.
    """
    body = line.lstrip(" ")
    return len(line) - len(body) <= 3 and body[:4] == "<!--" and "-->" not in body[4:]


def strip_single_tildes(text: str) -> str:
    """The text without GFM's single-tilde strikethrough markers (``single_tilde``): ``~old~`` -> ``old``.

    cmark-gfm (GitHub) reads one tilde on each side as strikethrough, as it reads two; the
    contract keeps struck text without its markers. ``~5 km to ~10 km`` (approximations) stays.
    """
    return _SINGLE_TILDE.sub(r"\1", text)


# Longest parenthetical read at a line's start when deciding whether the sentence above runs on into it.
MAX_PARENTHETICAL = 300
# A blank and a lowercase word right after a parenthetical's closing bracket: the sentence goes on.
_LOWERCASE_WORD_AFTER = re.compile(r"[ \t]++[a-z]")


def parenthetical_runs_on(nxt: str) -> bool:
    """The next line opens with a parenthetical that the sentence goes on after (``paren_continuation``).

    ``There is a gym in the basement area`` / ``(Federal Fitness Centre). To gain access ...``:
    the bracket closes and a full stop or comma follows, or a lowercase word (``(Threads) uses
    replies ...``), so the line above is a wrapped sentence, not a title. A subtitle in brackets
    (``(as agreed in June)``) ends its line.
    """
    body = nxt.lstrip(" \t")
    if body[:1] != "(":
        return False
    depth, close = 0, -1
    for k, ch in enumerate(body[:MAX_PARENTHETICAL]):  # the bracket that closes the first (a link inside nests)
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            close = k
            break
    if close <= 0:
        return False
    rest = body[close + 1 :]
    # sweep 4: "(Threads) uses replies ...": a lowercase word after the bracket goes on with the sentence too
    stop_then_text = rest[:1] in (".", ",", ";", ":") and bool(rest[1:].strip())
    return stop_then_text or _LOWERCASE_WORD_AFTER.match(rest) is not None


# Sweep 4: what opens an equation or a citation that a sentence runs on into. Display math on a line of its
# own (``$$``, ``\[``, ``\begin{align}``), and, on the line right below, inline math (``$\lambda$``; a
# ``$`` then a digit is money) or a Sphinx/MyST role (``:cite:`Deng.2009```, ``{cite}`Deng.2009```).
_DISPLAY_MATH = re.compile(r"[ \t]{0,3}+(?:\$\$|\\\[|\\begin\{)")


_INLINE_MATH_OR_ROLE = re.compile(
    r"[ \t]{0,3}+(?:\$(?![\d\s$])[^$\n]{1,200}?(?<![\s\\])\$(?!\d)"
    r"|:[a-z][\w-]{0,30}+(?::[\w-]{1,30}+)?+:`|\{[a-z][\w:-]{0,30}+\}`)"
)


# Fewest words of a line that runs on into an equation: a label over a formula is shorter.
MIN_MATH_LEAD_WORDS = 3


def runs_on_into_math(line: str, nxt: str, below: str) -> bool:
    """``Thus, if we take logarithms we obtain`` over ``$$``: the sentence goes on in the equation (``math_run_on``).

    Textbooks exported from notebooks (d2l) write the equation a sentence leads into as display math
    under a blank line, or break the line before inline math or a citation role (``Recall that the
    variable of interest`` / ``$\\mathbf{1}(f(X) \\neq Y)$``); such a line is prose, not a bare title.
    ``nxt`` is the line right below, ``below`` the first non-blank one. Only a line of three or more words
    ending on a lowercase word, with no final stop, runs on: ``Expected Loss`` over a formula stays a title.
    """
    words = line.split()
    if len(words) < MIN_MATH_LEAD_WORDS or not words[-1][:1].islower() or words[-1][-1] in ".!?":
        return False
    return _DISPLAY_MATH.match(below) is not None or _INLINE_MATH_OR_ROLE.match(nxt) is not None


# Sweep 5: a reference link closing a line (``[Please submit your proposal here.][submit]``, ``[Read it.][]``).
_FINAL_REFERENCE_LINK = re.compile(r"\[[^\[\]\n]{1,500}+\]\[[^\[\]\n]{0,100}+\]")


def final_link_text(text: str) -> str:
    """The line with a final link cut to its text, so the text's own stop ends the line (``final_link_text``).

    ``[Thanks!](https://...)`` ends on the link's text; so does a reference-style link (``[Please submit
    your proposal here.][submit-proposal]``, Jekyll news posts write them so): read up to its ``]``, the
    line's stop hid behind the label and the sentence became a bare title. ``[NATO Summit][summit]``
    without a stop still ends without one.
    """
    if text.endswith(")") and "](" in text:  # an inline link
        return text[: text.rfind("](")]
    if text.endswith("]") and "][" in text:
        start = text.rfind("][")
        opening = text.rfind("[", 0, start)
        if opening >= 0 and _FINAL_REFERENCE_LINK.fullmatch(text, opening) is not None:
            return text[:start]
    return text


# Words a Title Case heading leaves lowercase (articles, prepositions, conjunctions), four letters or more;
# shorter ones are never counted. Any other lowercase word is content a Title Case heading capitalises.
# Not ``lines.CONTINUATION_WORDS`` (a line's last word): Title Case capitalises ``would``, ``their``; not ``beyond``.
TITLE_SMALL_WORDS = frozenset(
    "about above across after against along amid amidst among amongst around before behind below beneath "
    "beside besides between beyond despite down during except from inside into like near nor onto "
    "opposite outside over past per since than that then this through throughout till toward towards under "
    "underneath unlike until unto upon versus with within without when where while whether both either "
    "neither".split()
)


# A lowercase word of a Title Case check: letters only, four or more (apostrophes and hyphens inside allowed).
_WORD = re.compile(r"[a-z][a-z'’-]{3,}+")


def has_lowercase_content_word(text: str) -> bool:
    """``The visit of NATO Deputy Secretary General to the United``: a lowercase word of four letters or more
    that Title Case would capitalise (``visit``), so the line is a sentence with names in it, not a heading
    (``lowercase_content_word``). Near miss: ``Commitment to Deepening Partnership Amid Emerging Global Threats``,
    ``Allies Meet with Partners from the Pacific`` (only articles, prepositions and conjunctions in lowercase).
    """
    for token in text.split():
        word = token.strip("\"'“”‘’()[]{},.;:!?*_")
        if _WORD.fullmatch(word) is not None and word not in TITLE_SMALL_WORDS:
            return True
    return False


# Notes apps' markup (session 20, shapes25: Obsidian vaults handed on as markdown).
# A highlight: "==text==", the signs touching the text inside and no word outside ("x==y", "a == b" stay).
_HIGHLIGHT = re.compile(r"(?<![=\w])==(?=[^\s=])([^=\n]{1,300}+)(?<=[^\s=])==(?![=\w])")
# A block id closing a paragraph, item or line ("... for shipping. ^intro"): a letter in it, so "10 ^2" stays.
_BLOCK_ID = re.compile(r"\^(?=[0-9-]{0,63}+[A-Za-z])[A-Za-z0-9-]{1,64}+")
# A task item's box: GFM's "[ ]" / "[x]", and the in-progress "[/]" and cancelled "[-]" of Obsidian's Tasks.
_TASK_MARKER = re.compile(r"\[([ xX/-])\](?:\s|$)")
# How far below its "%%" an Obsidian comment may close; beyond it the signs are text as written.
MAX_COMMENT_LINES = 100


def strip_note_marks(line: str) -> str:
    """The line without a notes app's highlight signs and closing block id (``highlight_marks``, ``block_id``).

    Obsidian shows ``==increase support==`` as highlighted words and hides the ``^intro`` that closes a block
    (the anchor other notes link to): neither is a word of the article. A whole line between the signs is
    left as written: MediaWiki's heading ``==Priorities==`` looks the same.
    """
    body = line.strip(" \t")
    if "==" in line and not (body[:2] == "==" and body[-2:] == "=="):
        line = _HIGHLIGHT.sub(r"\1", line)
    at = line.rfind(" ^")
    if at >= 0:
        match = _BLOCK_ID.match(line, at + 1)
        if match is not None and not line[match.end() :].strip(" \t"):
            line = line[:at].rstrip(" \t")
    return line


def is_block_id_line(line: str) -> bool:
    """``^priorities-2026`` alone on its line: Obsidian's id for the table or list above (``block_id``), markup."""
    body = line.strip(" \t")
    return body[:1] == "^" and _BLOCK_ID.fullmatch(body) is not None


def comment_block_end(lines: Sequence[str], i: int) -> int | None:
    """The index of the line closing an Obsidian comment opened by ``%%`` at line ``i`` (``percent_comment_block``).

    ``%%`` / ``Draft: ask ...`` / ``%%``: Obsidian hides all of it, blank lines inside too, as it hides a
    one-line ``%% ... %%`` (``is_comment_line``). None when line ``i`` opens none, closes it itself, or no line
    ending in ``%%`` follows within ``MAX_COMMENT_LINES``: then the signs are text as written.
    """
    body = lines[i].strip(" \t")
    if body[:2] != "%%" or (len(body) >= 4 and body.endswith("%%")):
        return None
    for j in range(i + 1, min(len(lines), i + 1 + MAX_COMMENT_LINES)):
        if lines[j].rstrip(" \t").endswith("%%"):
            return j
    return None


def task_marker(text: str) -> re.Match[str] | None:
    """An item's task box at its start (``task_status_marker``): ``[ ]``, ``[x]``, ``[/]`` or ``[-]``, or None.

    The contract removes task-list markers; Obsidian's Tasks plugin writes two more states into the same
    box (in progress, cancelled), and a reader sees a checkbox either way, not the brackets.
    """
    return _TASK_MARKER.match(text)
