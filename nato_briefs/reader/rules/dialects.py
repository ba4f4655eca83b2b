"""Other markup dialects pasted as articles: Jira / Confluence / Textile, MediaWiki, AsciiDoc,
reStructuredText, org-mode and BBCode headings, tables, items and emphasis, read as their markdown.
"""

from __future__ import annotations

import re

from nato_briefs.reader.rules.items import Marker
from nato_briefs.reader.rules.tables import simple_table_columns
from nato_briefs.reader.rules.titles import has_letter

# A wiki markup heading: Jira, Confluence and Textile "h2. Priorities"; MediaWiki "== Priorities ==";
# AsciiDoc "== Priorities" (a title "= Title"). The text must hold a letter.
_WIKI_HEADING = re.compile(r"h([1-6])\.[ \t]++(\S.*+)|(={1,6}+)[ \t]++([^=\s][^=]*+)(?:=++)?+")

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
