"""Rules from real-world sweep 8 (bench/REALWORLD.md, "Sweep 8"): docs and news sites, translated and templated.

Translated blogs date their posts in the year-month-day form of Chinese, Japanese and Korean
(``2024 年 12 月 05 日 [The React Team](/team)``); MDX pages close a figure component under its
caption (``React tree`` / ``</Diagram>``); prettier wraps a ``name – detail`` item right before its
dash; MkDocs-macros pages end a heading on a template call that renders an anchor
(``## Overview {{ osib_anchor(...) }}``); MkDocs' snippets extension pulls a shared file into the page from a
``--8<-- "path"`` line (sweep 15). A line over what ends its section (a heading, a container's closing fence or
tag) heads nothing (``heads_nothing``, sweep 5). Each rule reads one line or two and is linear in them.
"""

from __future__ import annotations

import re

from nato_briefs.reader.rules.markup import LINK_TARGET  # a link's target: not text a reader sees

# A full date as Chinese, Japanese and Korean write it: "2025 年 6 月 5 日", "2023년 3월 16일", "2024年5月22日".
_CJK_DATE = re.compile(r"[0-9]{4}+[ \t]?+[年년][ \t]?+[0-9]{1,2}+[ \t]?+[月월][ \t]?+[0-9]{1,2}+[ \t]?+[日일]")
# One markdown link: the byline's author.
_LINK = re.compile(r"\[[^\[\]\n]++\]\(")
# "作者" (Chinese), "著者"/"筆者" (Japanese), "작성" (Korean, "written by"), "撰文": a byline's author word.
_AUTHOR_WORDS = ("作者", "著者", "筆者", "撰文", "작성", "글쓴이")
# An ATX heading's opening hashes.
_ATX_OPENING = re.compile(r"[ ]{0,3}+#{1,6}+[ \t]")
# A Jinja / MkDocs-macros call closing a line: "{{ osib_anchor(osib=osib ~ ".overview", id="x") }}" (plus an ATX
# heading's closing hashes). The arguments hold no braces or parentheses outside quoted strings.
_TEMPLATE_CALL = re.compile(
    r"\{\{-?+[ \t]*+[A-Za-z_][\w.]*+\((?:[^\"'(){}\n]|\"[^\"\n]*+\"|'[^'\n]*+')*+\)[ \t]*+-?+\}\}[ \t]*+(?:#++[ \t]*+)?"
)
# A line that closes a block-level HTML or JSX element and holds nothing else: "</Diagram>", "</figure>".
_CLOSING_TAG = re.compile(r"[ \t]{0,3}+</[A-Za-z][\w.-]{0,40}+>[ \t]*+")
# A markdown bullet or number opening an item's line.
_MARKDOWN_ITEM = re.compile(r"[ \t]{0,3}+(?:[-*+]|[0-9]{1,9}+[.)])[ \t]++\S")
# A dash-led line: an en or em dash and a blank.
_DASH_LINE = re.compile(r"([ \t]++)[–—][ \t]++(\S)")
# pymdown-extensions' snippet line: "--8<--" (scissors), then the quoted file it pulls in, if any.
_SNIPPET_INCLUDE = re.compile(r"-{2,}+8<-{2,}+[ \t]*+(?:\"[^\"\n]*+\"|'[^'\n]*+')?+[ \t]*+")


def is_cjk_dated_byline(text: str) -> bool:
    """``2024 年 12 月 05 日 [The Team](/team)``: a translated post's date and author, never a title (``cjk_byline``).

    Chinese, Japanese and Korean blogs write the date year-month-day with its unit signs, then the
    author as links (``2023년 3월 16일, [Dan Abramov](...), [Rachel Nabors](...)``) or after an author word
    (``2025 年 2 月 14 日，作者：...``). Read as a bare title it headed the whole post and, first in the body,
    took the title from the front matter. A date alone (``2024年5月22日`` over a day's minutes) or with an
    event's name (``2024年5月22日 峰会``) stays a title.
    """
    body = text.strip(" \t*_")
    match = _CJK_DATE.match(body)
    if match is None:
        return False
    rest = body[match.end() :]
    return _LINK.search(rest) is not None or any(word in rest for word in _AUTHOR_WORDS)


def closes_container(below: str) -> bool:
    """The line below closes an HTML or JSX element: the candidate is its last line, a caption (``container_end``).

    MDX figures put their caption inside the component (``<Diagram name="tree">`` / ``React tree`` /
    ``</Diagram>``), HTML ``<figure>`` and ``<details>`` blocks likewise: a heading heads something, and a
    line with nothing after it but its container's end heads nothing (``heads_nothing``, as a line over
    ``:::``). A line over an opening tag (``<Diagram ...>``) still heads it.
    """
    return _CLOSING_TAG.fullmatch(below) is not None


def strip_heading_template_call(line: str) -> str:
    """``## Overview {{ osib_anchor(osib=osib ~ ".overview", ...) }}`` -> ``## Overview`` (``heading_template_call``).

    MkDocs-macros (Jinja) renders a call ending a heading into the page's anchor markup, as it renders
    ``{#anchor}`` or ``{: #id}``: the site shows ``Overview``. Only a call (a name and its argument list)
    that closes an ATX heading goes: a call inside a sentence may render words a reader sees
    (``{{ osib_link(..., text="the fifth position") }}``) and stays, as Liquid output does, and
    ``## Budget {{ year }}`` keeps its variable.
    """
    if "{{" not in line or _ATX_OPENING.match(line) is None:
        return line
    start = line.rfind("{{")
    while start > 0 and line[start - 1] in " \t":
        start -= 1
    if start == 0 or line[start] not in " \t" or _TEMPLATE_CALL.fullmatch(line, line.index("{{", start)) is None:
        return line
    head = line[:start]
    return head if head.strip(" \t#") else line  # a heading that is nothing but the call keeps it


def item_wraps_before_dash(prev: str, line: str, nxt: str) -> bool:
    """An item's line wrapped right before its ``–`` separator: the dash line goes on (``item_dash_wrap``).

    ``- [Server-sent events](https://...)`` over ``  – for one-way traffic, such as news feeds.``: prettier
    broke a ``name – detail`` item before the dash, so the line starts with a dash bullet's glyph. It is
    the item's text, as cmark-gfm reads it, when it is indented under a markdown item whose text ends
    without a stop, the word after the dash is lowercase and no second dash line follows at its indent
    (``– patrols`` / ``– exercises`` under ``- Activities`` stay a nested list).
    """
    dash = _DASH_LINE.match(line)
    if dash is None or not dash.group(2).islower() or _MARKDOWN_ITEM.match(prev) is None:
        return False
    indent = dash.group(1)
    if len(prev) - len(prev.lstrip(" \t")) >= len(indent):
        return False
    below = _DASH_LINE.match(nxt)
    if below is not None and below.group(1) == indent:
        return False
    body = LINK_TARGET.sub("]", prev).rstrip(" \t]*_")
    return body[-1:] not in ".!?:;"


# Sweep 5: what ends the section a line stands in: a markdown heading (``## Next``, ``#`` alone) or the
# closing fence of a pandoc/VitePress container (``:::`` alone), the next non-blank line after it.
_SECTION_END = re.compile(r"[ \t]{0,3}+(?:#{1,6}+(?:[ \t]|$)|:{3,}+[ \t]*+$)")


def heads_nothing(below: str) -> bool:
    """The first non-blank line below a candidate title ends its section: the line titles nothing (``heads_nothing``).

    A heading heads something. Release notes and docs write one sentence without a final stop as a section's
    whole body (``## Alias recursion has been disabled`` / ``Alias recursion is now disabled`` / ``## Empty
    lists``), a cross-reference as a section's last line (``See: Custom Commands`` over ``### When ...``) or
    a caption as a callout's last line (``This is a simple graph`` over ``:::``): as a bare title each made an
    empty section and left its own section without the sentence. It is that section's prose, as the
    article's last line is. A line over an opening container (``::: {.callout}``) or over text still heads it.
    Sweep 8: a caption over its figure component's closing tag (``</Diagram>``) likewise (``container_end``).
    """
    return _SECTION_END.match(below) is not None or closes_container(below)


def is_snippet_include(line: str) -> bool:
    """``--8<-- "docs/_compliance-info-box.partial"``: MkDocs pulls another file's text in here (``snippet_include``).

    The site renders the shared file in place of the line (an info box, a disclaimer repeated on every page);
    the file is not in the page, so the line is markup, read as a blank line as a Jekyll ``{% include %}`` is
    (sweep 15: an AI Act guide's pages, 16 lines). The bare ``--8<--`` that opens and closes a block of file
    names is markup too. Near misses: a rule (``----``), a dash-led line (``-- 8 ships``), ``--8<--`` inside a
    sentence.
    """
    return line.lstrip(" \t")[:2] == "--" and _SNIPPET_INCLUDE.fullmatch(line.strip(" \t")) is not None
