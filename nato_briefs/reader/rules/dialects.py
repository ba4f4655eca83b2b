"""Other markup dialects pasted as articles: Jira / Confluence / Textile, MediaWiki, AsciiDoc,
reStructuredText, org-mode and BBCode headings, tables, items and emphasis, read as their markdown.
"""

from __future__ import annotations

import re

from nato_briefs.reader.rules.authoring import org_heading_text
from nato_briefs.reader.rules.exports import jira_header_row
from nato_briefs.reader.rules.items import Marker, match_item
from nato_briefs.reader.rules.tables import simple_table_columns
from nato_briefs.reader.rules.titles import has_letter, is_mkdocs_admonition

# A wiki markup heading: Jira, Confluence and Textile "h2. Priorities"; MediaWiki "== Priorities ==";
# AsciiDoc "== Priorities" (a title "= Title"). The text must hold a letter.
_WIKI_HEADING = re.compile(r"h([1-6])\.[ \t]++(\S.*+)|(={1,6}+)[ \t]++([^=\s][^=]*+)(?:=++)?+")

# MediaWiki's heading typed without blanks inside its equals signs ("==Priorities==", "=Title=").
_UNSPACED_WIKI_HEADING = re.compile(r"(={1,6}+)(\w[^=]*+)(={1,6}+)")
# MediaWiki's list markers typed with no blank before the text ("*Name: detail", "#Step").
_TIGHT_MEDIAWIKI_ITEM = re.compile(r"([*#]{1,5}+)(?=[^\s*#])")
# A reST directive's opening line: ".. list-table:: Title", ".. csv-table::", ".. table::".
_RST_DIRECTIVE = re.compile(r"\.\.[ \t]++([a-z][a-z-]{0,30}+)::[ \t]*+(.*+)")
# Its markers nest by repeating, "#" and "*" mixed in Confluence and Jira ("#* bullet under a numbered item").
_WIKI_ITEM = re.compile(r"(#[#*]{0,5}+)[ \t]++(?=\S)")
# AsciiDoc's ordered item: one to five full stops, a blank, the text (". Rotations", ".. Nested").
_ASCIIDOC_ITEM = re.compile(r"(\.{1,5}+)[ \t]++(?=\S)")
# AsciiDoc's column spec in a table's attribute line: cols="1,2,2", cols='3*', cols=3*.
_ASCIIDOC_COLS = re.compile(r"""\bcols=(?:"([^"\n]{1,200}+)"|'([^'\n]{1,200}+)'|([^,\]\s]{1,50}+))""")
_COL_MULTIPLIER = re.compile(r"[ \t]*+(\d{1,3}+)\*")
_ORG_RULE = re.compile(r"\|[-+:]++\|?+")
_ORG_HEADING = re.compile(r"(\*{1,8}+)[ \t]++(\S.*+)")
_ORG_KEYWORD = re.compile(r"#\+[A-Za-z_]{1,30}+:")
_MW_BOLD = re.compile(r"'''(?!')([^'\n]++)'''")
_MW_ITALIC = re.compile(r"(?<!')''(?!')([^'\n]++)''(?!')")
# BBCode (forum posts): the tags read as markup (``bbcode_to_markdown``).
_BB_TAG = re.compile(r"\[(/?+)(b|i|u|s|size|color|colour|font|center|left|right|url)(?:=([^\]\n]{0,200}+))?+\]", re.I)
_BB_CLOSE = re.compile(r"\[/(?:b|i|u|s|size|colou?r|font|center|list|url|quote|table)\]", re.I)
# BBCode's table tags, read as the HTML table they stand for ("[tr][th]Area[/th]" -> "<tr><th>Area</th>").
_BB_TABLE = re.compile(r"\[(/?+)(table|tr|th|td)\]", re.I)
_BB_LIST = re.compile(r"\[/?+list(?:=[1aAiI])?+\]", re.I)


def rst_table_columns(line: str) -> list[int] | None:
    """Start columns of a reST simple table's border (``=====  ======``): two or more runs of ``=``."""
    body = line.rstrip(" \t")
    if body[:3] != "===" or " " not in body or set(body) - {"=", " "}:
        return None
    return simple_table_columns(body.replace("=", "-"))


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


def unspaced_wiki_heading(line: str) -> tuple[int, str] | None:
    """The level and text of a MediaWiki heading typed without blanks (``==Priorities==``), or None.

    MediaWiki needs no blank between the equals signs and the text, and many editors type none; markdown
    reads the line as prose. Only in a MediaWiki document (the caller's gate): in markdown ``==marked==``
    is a highlight. The two runs must match and the text open with a letter or digit (``==> file <==`` and
    ``=SUM(A1)`` are no headings).
    """
    match = _UNSPACED_WIKI_HEADING.fullmatch(line.rstrip(" \t"))
    if match is None or len(match.group(1)) != len(match.group(3)) or match.group(2)[-1:].isspace():
        return None
    return (len(match.group(1)), match.group(2)) if has_letter(match.group(2)) else None


def tight_mediawiki_item(line: str) -> str | None:
    """``*Name: detail`` / ``#Step`` in a MediaWiki document, rewritten ``* Name: detail`` / ``# Step``, or None.

    MediaWiki needs no blank after its list markers; markdown (and ``wiki_ordered_item``) needs one. Only in a
    MediaWiki document (the caller's gate); ``*emphasis*`` and ``**bold**`` close their stars on the line and
    are no items (MediaWiki's own bold is three apostrophes).
    """
    match = _TIGHT_MEDIAWIKI_ITEM.match(line)
    if match is None:
        return None
    markers = match.group(1)
    if markers[-1] == "*" and "*" in line[match.end() :]:
        return None
    return markers + " " + line[match.end() :]


def wiki_table_header(line: str) -> list[str] | None:
    """The header cells of a Jira/Confluence (``||Area||Focus||``), Textile (``|_. Area |_. Focus |``) or
    DokuWiki (``^ Area ^ Focus ^``) header row, or None.

    These wikis mark the header row in the row itself and write no delimiter row under it;
    the rows below are plain ``|a|b|`` rows.
    """
    body = line.strip(" \t")
    if body.startswith("||") and body.endswith("||") and len(body) > 4:
        cells = [cell.strip(" \t") for cell in body[2:-2].split("||")]
    elif body.startswith("^") and body.endswith(("^", "|")) and len(body) > 4:
        cells = [cell.strip(" \t") for cell in body[1:-1].replace("|", "^").split("^")]  # DokuWiki's "^ Area ^"
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
    same line is a heading. The markers' length is the depth; their last character says
    what the item is, so ``#*`` is a bullet under a numbered item (Confluence, Jira).
    """
    match = _WIKI_ITEM.match(line)
    if match is None:
        return None
    markers = match.group(1)
    indent = 4 * (len(markers) - 1)
    if markers[-1] == "*":
        return Marker(indent, False, "bullet", "*", match.end(), indent + 2)
    return Marker(indent, True, "enumerator", "#.", match.end(), indent + 3)


def asciidoc_ordered_item(line: str) -> Marker | None:
    """An AsciiDoc ordered item (``. Rotations: ...``, ``.. nested``), or None (``asciidoc_item``).

    Only in an AsciiDoc document: elsewhere a line opening with a full stop is prose
    (``.NET 8 is out``), and ``.Title`` (no blank) is AsciiDoc's block title.
    """
    match = _ASCIIDOC_ITEM.match(line)
    if match is None:
        return None
    indent = 4 * (len(match.group(1)) - 1)
    return Marker(indent, True, "enumerator", "#.", match.end(), indent + 3)


def rst_directive(line: str) -> tuple[str, str] | None:
    """A reST directive's name and argument (``.. list-table:: Priorities`` -> ``("list-table", "Priorities")``)."""
    if line[:3] != ".. ":
        return None
    match = _RST_DIRECTIVE.fullmatch(line.rstrip(" \t"))
    return (match.group(1), match.group(2).strip(" \t")) if match else None


def rst_directive_body(lines: list[str], top: int) -> tuple[dict[str, str], list[tuple[str, int]], int]:
    """A directive's options (``:header-rows: 1``), its body lines dedented with their indexes, and its last index.

    The body is every indented or blank line below the directive, up to the first
    unindented text line; options are the indented ``:name: value`` lines right under it.
    """
    options: dict[str, str] = {}
    body: list[tuple[str, int]] = []
    end = top
    for j in range(top + 1, len(lines)):
        line = lines[j]
        if line.strip() and line[:1] not in (" ", "\t"):
            break
        end = j
        text = line.strip(" \t")
        if not body and text[:1] == ":":
            name, colon, value = text[1:].partition(":")
            if colon and name and " " not in name:
                options[name] = value.strip(" \t")
                continue
        if text or body:
            body.append((line, j))
    while body and not body[-1][0].strip():
        body.pop()
    width = min((len(t) - len(t.lstrip(" \t")) for t, _ in body if t.strip()), default=0)
    return options, [(t[width:], j) for t, j in body], end


def unwrap_table_directive(lines: list[str], top: int) -> int:
    """A reST ``.. table:: Title`` directive unwrapped in place (``rst_table_directive``): the index after it.

    The directive only captions the grid or simple table indented under it; markdown reads
    the indented table as prose. Its title becomes a line of prose, its options blank
    lines and its body is dedented, so the table below reads as any other (no line moves).
    """
    found = rst_directive(lines[top])
    if found is None or found[0] != "table":
        return top + 1
    _, body, end = rst_directive_body(lines, top)
    kept = dict((j, text) for text, j in body)
    for j in range(top + 1, end + 1):
        lines[j] = kept.get(j, "")
    return end + 1


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
    return len(match.group(1)), org_heading_text(match.group(2))


def is_org_keyword(line: str) -> bool:
    """``#+TITLE: ...``, ``#+AUTHOR: ...``: an org file's settings, markup like front matter."""
    return _ORG_KEYWORD.match(line) is not None


# Kinds of org signs (a "** X" heading, a "|---+---|" table rule, a "- X :: y" item) a pasted org file shows.
MIN_ORG_SIGNS = 2


def is_pasted_org(lines: list[str], first: int) -> bool:
    """An org file pasted without its ``#+TITLE:`` keywords: ``* Title`` first, and org's own marks below
    (``pasted_org``).

    A feed that takes markdown receives an org file as it is: its first line ``* Title`` is a bullet to
    markdown, ``** Priorities`` a paragraph, ``- Joint orders :: ...`` an item whose name keeps ``::``. Org
    shows itself by marks markdown never writes: a heading of two stars or more, a table rule with ``+``
    at its joints, a description item's `` :: ``; two kinds of them under a one-star first line make the
    document org. Near misses: a markdown bullet first (``* Allies agreed ...`` over markdown), one kind of
    mark alone (a psql table's rule, a ``**`` line), a first line of two stars.
    """
    if first < 0 or lines[first][:2] != "* " or org_heading(lines[first]) is None:
        return False
    signs: set[str] = set()
    for line in lines[first + 1 :]:
        if line[:2] == "**" and (found := _ORG_HEADING.fullmatch(line.rstrip(" \t"))) and len(found.group(1)) > 1:
            signs.add("heading")
        elif line[:2] == "|-" and is_org_table_rule(line):
            signs.add("rule")
        elif line[:2] in ("- ", "+ ") and " :: " in line:
            signs.add("description")
    return len(signs) >= MIN_ORG_SIGNS


# A MediaWiki table's opening line: "{|" alone or with its attributes ("{| class=\"wikitable\"").
_MEDIAWIKI_TABLE_OPEN = re.compile(r"\{\|[^|{}\n]*+")


def is_mediawiki_table_open(line: str) -> bool:
    """``{|`` or ``{| class="wikitable"``: a MediaWiki table's opening line (``mediawiki_table_open``, sweep 15).

    One such line makes the whole document MediaWiki (its ``#`` lines numbered items, not headings), so the
    line must be what MediaWiki writes: the marks, then attributes at most. A MessageFormat literal opening a
    line (``{|bonjour| @translate=yes}``, ``{|   |}Quoted literals{|   |}``) holds a pipe or a brace past the
    marks: markdown's text, and the document's ``#`` headings stay headings.
    """
    return line[:2] == "{|" and _MEDIAWIKI_TABLE_OPEN.fullmatch(line.rstrip(" \t")) is not None


def mediawiki_bold(text: str) -> str:
    """MediaWiki's ``'''bold'''`` and ``''italic''`` as markdown's ``**bold**`` and ``_italic_``."""
    return _MW_ITALIC.sub(r"_\1_", _MW_BOLD.sub(r"**\1**", text))


def bbcode_to_markdown(line: str) -> str:
    """A forum post's BBCode line as markdown: ``[b]x[/b]`` bold, ``[i]`` italic, ``[*]`` a bullet,
    ``[list]`` lines blank, link, size, colour and font tags dropped (their text stays), ``[table]``,
    ``[tr]``, ``[th]``, ``[td]`` as the HTML table tags they stand for (``bbcode_table``).

    Only in a post that closes a BBCode tag somewhere (``has_bbcode``): ``[b]`` in markdown is text.
    """
    body = line.strip(" \t")
    if _BB_LIST.fullmatch(body):
        return ""
    if body.startswith("[*]"):
        line = "- " + body[3:].lstrip(" \t")
    if "[t" in line or "[T" in line or "[/t" in line or "[/T" in line:
        line = _BB_TABLE.sub(_bb_table_tag, line)  # ``bbcode_table``: an HTML table, read as one
    return _BB_TAG.sub(_bb_replacement, line)


def _bb_table_tag(match: re.Match[str]) -> str:
    return f"<{match.group(1)}{match.group(2).lower()}>"


def _bb_replacement(match: re.Match[str]) -> str:
    name = match.group(2).lower()
    return "**" if name == "b" else "_" if name == "i" else ""  # a link's text stays, as markdown's does


def has_bbcode(line: str) -> bool:
    """The line closes a BBCode tag (``[/b]``, ``[/list]``, ``[/size]`` ...): the post is written in BBCode."""
    return "[/" in line and _BB_CLOSE.search(line) is not None


def is_asciidoc_block_line(line: str) -> bool:
    """An AsciiDoc block's delimiter (``====``, ``****``, ``____``, ``++++``, ``....``) or attribute line (``[NOTE]``).

    Only in an AsciiDoc document (``= Title`` first, or a ``|===`` table): markdown would read
    ``====`` under a sentence as a setext underline, making the note's text a heading.
    """
    body = line.rstrip(" \t")
    if body[:1] == "[":
        return len(body) <= MAX_ATTRIBUTE_LINE and body[-1:] == "]" and "](" not in body and "[" not in body[1:]
    return len(body) >= 4 and body[0] in "=*_+." and body == body[0] * len(body)


# An AsciiDoc attribute entry (``asciidoc_attribute_entry``): ":doctype: article", ":toc:", ":sectnums!:", ":!toc:".
_ASCIIDOC_ATTRIBUTE_ENTRY = re.compile(r":!?+[A-Za-z0-9_][A-Za-z0-9_-]{0,60}+!?+:(?:[ \t][^\n]{0,500}+)?+")


def is_asciidoc_attribute_entry(line: str) -> bool:
    """``:doctype: article``, ``:toc:``, ``:sectnums!:``: an AsciiDoc attribute entry (``asciidoc_attribute_entry``).

    The document header sets attributes a line each under the title (and a section may set more): settings of
    the document, which AsciiDoc renders as nothing; read as prose they opened the lead paragraph with
    ``:doctype: article :toc:``. The caller asks only in an AsciiDoc document. Near misses: a line that opens
    with a colon and a blank or a symbol (``:) ...``, ``: note``), a name with a space (``:see also: ...``), and
    text glued to the closing colon (``:toc:left``) stay text.
    """
    return _ASCIIDOC_ATTRIBUTE_ENTRY.fullmatch(line.rstrip(" \t")) is not None


def is_asciidoc_author_line(line: str, above: str) -> bool:
    """The line right under an AsciiDoc document's ``= Title`` (``asciidoc_author_line``): its author line.

    AsciiDoc's document header is the title, then (no blank line between) the author line, ``Press Office
    <press@example.org>``, and the revision line: attributes of the document, never a heading, however short
    and unpunctuated. The caller asks only in an AsciiDoc document. Near miss: a line under a section title
    (``== Priorities``) or after a blank line is the section's text.
    """
    return above[:2] == "= " and above[2:3] not in ("", " ", "=") and bool(line.strip()) and line[:1] not in ":="


def asciidoc_columns(line: str) -> int | None:
    """How many columns an AsciiDoc table's attribute line declares (``[cols="1,2,2"]`` -> 3), or None.

    With ``cols`` set, a table may give its cells one a line, the header's too: the rows are
    then cut by this count, not by the first line's cells. ``3*`` stands for three columns.
    """
    if "cols=" not in line or not is_asciidoc_block_line(line):
        return None
    found = _ASCIIDOC_COLS.search(line)
    if found is None:
        return None
    spec = found.group(1) or found.group(2) or found.group(3)
    count = 0
    for entry in spec.split(","):
        repeat = _COL_MULTIPLIER.match(entry)
        count += int(repeat.group(1)) if repeat else 1
    return count if count >= 2 else None


# Longest AsciiDoc attribute line read as markup ("[NOTE]", "[source,python]", "[cols=\"1,2\"]").
MAX_ATTRIBUTE_LINE = 120


def is_asciidoc_document(lines: list[str], first_text: int) -> bool:
    """An AsciiDoc document: its first text line is a ``= Title`` (one equals sign), or it has a ``|===`` table."""
    first = lines[first_text] if first_text >= 0 else ""
    return (first[:2] == "= " and wiki_heading(first) is not None) or any(
        line[:4] == "|===" and line.rstrip(" \t") == "|===" for line in lines
    )


# Info strings of a fence that wraps a whole article written in markdown (a chat assistant's answer copied
# with its code block, a snippet exported from a notes app).
MARKDOWN_FENCE_INFO = frozenset({"markdown", "md", "gfm", "commonmark", "mdx"})


def wraps_document(first: str, last: str) -> bool:
    """The article's first text line opens a ```` ```markdown ```` fence and its last closes it (``fenced_document``).

    Its author means the markdown inside, not a code sample; a fence of any other
    language, or one that closes before the end, stays code.
    """
    opening, closing = first.strip(" \t"), last.strip(" \t")
    if opening[:3] not in ("```", "~~~") or len(opening) > MAX_FENCE_LINE:
        return False
    marks = len(opening) - len(opening.lstrip(opening[0]))
    if opening[marks:].strip(" \t").lower() not in MARKDOWN_FENCE_INFO:
        return False
    return len(closing) >= marks and closing == opening[0] * len(closing)


# Longest opening fence line read for a wrapped article ("```markdown" and a few blanks).
MAX_FENCE_LINE = 40


def is_rst_underline(line: str, above: str, below: str) -> bool:
    """A reST section underline of ``~`` (or ``^``, ``"``, ``+``, ``#``) under its title: no code fence.

    ``Priorities`` / ``~~~~~~~~~~`` / a blank line: markdown opens a ``~~~`` fence there and
    reads the rest of the article as code. The rule is as long as the title or longer,
    the title one short line, and a blank line follows (a fence's code never starts blank
    under a title of exactly its length).
    """
    rule = line.rstrip(" \t")
    title = above.strip(" \t")
    return (
        len(rule) >= 3
        and rule[0] in RST_ADORNMENTS
        and rule == rule[0] * len(rule)
        and 0 < len(title) <= len(rule) <= len(title) + 4
        and rule[0] not in title[:1]
        and not below.strip()
    )


# Characters reST section titles are underlined with that markdown does not read as a setext underline.
RST_ADORNMENTS = frozenset("~^\"+#'`:.*_")


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


# An INI file's section line: "[Priorities]", "[Next steps]" (a letter first; no link, checkbox or footnote).
_INI_SECTION = re.compile(r"\[([^\W\d_][\w .&/'-]{0,58}+)\]")
# Section lines a document needs for its bracketed lines to be sections (one alone is a caption, a link text).
MIN_INI_SECTIONS = 2
# TiddlyWiki's and PmWiki's headings: "! Title", "!! Priorities" (one to six marks, then the text).
_BANG_HEADING = re.compile(r"(!{1,6}+)[ \t]*+([^\W\d_].*+)")
# Heading lines a document needs for "!" lines to be headings ("!Important" alone is a shout).
MIN_BANG_HEADINGS = 2
# PmWiki's table attribute line ("||border=1 width=100%"): markup above the table.
_PMWIKI_TABLE_ATTRIBUTES = re.compile(r"\|\|(?:[ \t]*+[a-z-]{1,20}+=[^ \t|]{1,40}+)++[ \t]*+")


def ini_section(line: str) -> str | None:
    """The name of an INI-style section line (``[Priorities]``, ``ini_section``), or None.

    Notes exported from INI-like tools and config-style plain text open each section with its name in
    square brackets on a line of its own. A document with ``MIN_INI_SECTIONS`` such lines (counted by the
    caller) reads them as headings; ``[TOC]``, ``[x]``, ``[1]`` and ``[Photo](url)`` are no section lines.
    """
    body = line.strip(" \t")
    if body[:1] != "[" or body[-1:] != "]" or body.upper() == "[TOC]":
        return None
    found = _INI_SECTION.fullmatch(body)
    return found.group(1).strip(" ") if found and len(found.group(1).strip(" ")) > 1 else None


def bang_heading(line: str) -> tuple[int, str] | None:
    """The level and text of a TiddlyWiki / PmWiki heading (``!! Priorities``, ``bang_heading``), or None.

    Read as headings only in a document with ``MIN_BANG_HEADINGS`` of them (counted by the caller); the
    text must start with a letter (``!!!`` and ``! 5 killed`` are none) and not end a sentence.
    """
    if line[:1] != "!" or len(line) > 300 or is_mkdocs_admonition(line):  # ``bang_admonition``
        return None
    found = _BANG_HEADING.fullmatch(line.rstrip(" \t"))
    if found is None or found.group(2)[-1:] in ".!?":
        return None
    return len(found.group(1)), found.group(2).strip(" \t")


def bang_table_header(line: str) -> str | None:
    """A TiddlyWiki (``|!Area |!Focus |``) or PmWiki (``||!Area ||!Focus ||``) header row in Jira's form
    (``||Area||Focus||``), every cell marked with ``!``; else None (``bang_table``)."""
    body = line.strip(" \t")
    if body[:2] not in ("|!", "||") or body[-1:] != "|":
        return None
    double = body[:2] == "||"
    inner = body[2:-2] if double and body[-2:] == "||" else body[1:-1]
    cells = [cell.strip(" \t") for cell in inner.split("||" if double else "|")]
    if len(cells) < 2 or not all(cell[:1] == "!" and cell[1:].strip(" \t") for cell in cells):
        return None
    return jira_header_row([cell[1:].strip(" \t") for cell in cells])


def is_pmwiki_table_attributes(line: str) -> bool:
    """``||border=1 width=100%``: PmWiki's attribute line over a table, markup (``bang_table``)."""
    return line[:2] == "||" and _PMWIKI_TABLE_ATTRIBUTES.fullmatch(line.rstrip(" \t")) is not None


# An ATX heading as a bullet's whole text ("- ## Measures"): Logseq's and Roam's heading blocks.
_HEADING_ITEM = re.compile(r"(#{1,6}+)[ \t]++([^\s#].*+)")


def heading_item(text: str) -> str | None:
    """The heading a bullet's whole text is (``## Measures`` of ``- ## Measures``, ``heading_item``), or None.

    Outliners (Logseq, Roam) write every block as a bullet, a heading too; cmark-gfm reads a heading
    inside the item, and the author meant the heading over the blocks nested under it. A ``#tag``
    (no blank after the marks) is no heading.
    """
    found = _HEADING_ITEM.fullmatch(text.rstrip(" \t"))
    return None if found is None else f"{found.group(1)} {found.group(2)}"


def heading_item_text(line: str, content: int) -> str | None:
    """A line under a heading written as a bullet, indented to the bullet's text (``content``): that text's next
    line, dedented (``heading_item_text``, sweep 19); None where the heading's lines end.

    ``* #### *Invoice*: A request for funds ..., possibly`` over ``    including payment type, ...`` (a
    protocol's glossary): cmark-gfm reads the indented lines as a paragraph inside the item, under its heading;
    with the heading lifted out of the list (``heading_item``) they stood four spaces deep at the margin, an
    indented code block, and their words left the article. A blank line, a line less indented and a nested
    bullet (Logseq's children, read as items) end the heading's lines.
    """
    body = line.lstrip(" \t")
    if not body or len(line) - len(body) < content or match_item(line) is not None:
        return None
    return body


# psql's rule under its header: dashes with "+" at the joints and no outer pipes ("------+------").
_PSQL_RULE = re.compile(r"-++(?:\+-++)++")


def psql_rule(line: str, above: str) -> str | None:
    """psql's ``-----+-----`` rule under a header of as many ``|``-separated cells, as GFM's delimiter row
    (``-----|-----``), or None (``psql_rule``).

    The header and the rows have no outer pipes (`` area | focus ``), so the joints must match the
    header's pipes one for one; a ``---+---`` line under prose stays what it was.
    """
    body = line.strip(" \t")
    if body[:1] != "-" or _PSQL_RULE.fullmatch(body) is None or body.count("+") != above.count("|"):
        return None
    return body.replace("+", "|")


# Jira Cloud's wiki markup writes an emphasis mark next to punctuation or a word in braces ("{*}Name{*}:",
# "{_}x{_}"), and the new editor wraps text in its default colour ("{color:#172b4d}...{color}").
_JIRA_BRACE_MARK = re.compile(r"\{([*_+\-^~?])\}")
_JIRA_COLOR = re.compile(r"\{colou?+r(?::[^{}\n]{0,40}+)?+\}")


def jira_brace_marks(line: str) -> str:
    """``* {*}Space centre{*}: expand ...`` -> ``* *Space centre*: expand ...`` (``jira_brace_marks``).

    Jira Cloud writes ``*bold*`` as ``{*}bold{*}`` where the mark touches punctuation or a word, and wraps
    paragraphs in ``{color:#172b4d}...{color}``: the braces and colour tokens are markup, read as the
    plain marks Jira means (a ``*bold*`` lead then names the item). Only in a document written in wiki
    markup (it has ``h2.`` headings); elsewhere ``{*}`` is text.
    """
    if "{" not in line:
        return line
    return _JIRA_COLOR.sub("", _JIRA_BRACE_MARK.sub(r"\1", line))
