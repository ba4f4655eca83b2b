"""Jekyll's Liquid markup as government and NGO sites write it (real-world sweep 13, bench/REALWORLD.md).

A Jekyll site renders its Liquid before markdown reads the page: a tag spread over several lines
(``{% include gc-complex-img.html`` / ``alt="..."`` / ``%}``), a line of tags only (``{% capture t %}{{ x }}{%
endcapture %}``), a link target written with spaces inside its parentheses (``[Labelling study]( {{ "/x" |
prepend: site.urlalt[ page.language ] }} )``) and a tag closing a line of text (``... step. {% assign
timestamp="1:27" %}``, sweep 15) all leave no text of their own on the published page. Read raw, each put its
tag's words into prose or items. The rules here read them as the site does: markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.reader.rules.markup import TEMPLATE_EXPRESSION, is_template_tag_line

# A Liquid tag opening a line and left open there: ``{% include x.html`` (whitespace control ``{%-`` allowed).
_OPEN_TAG = re.compile(r"\{%-?+[ \t]*+[a-z][\w-]*+")
# The most lines one Liquid tag's arguments are read over before the line is taken as text.
MAX_TAG_LINES = 40
# A line made wholly of template tags and expressions, side by side or spaced: two or more of them.
_TAG_RUN = re.compile(r"(?:" + TEMPLATE_EXPRESSION + r"[ \t]*+){2,}+")
# Liquid's raw tag: what it wraps is printed as written (``{% raw %}{{ updated }}{% endraw %}`` shows "{{ updated }}").
_RAW_TAG = re.compile(r"\{%-?+[ \t]*+raw[ \t]*+-?+%\}")
# A link whose target is one template expression padded with spaces inside its parentheses:
# ``]( {{ "/2020/10/02/labelling-study" | prepend: site.urlalt[ page.language ] }} )``.
_PADDED_TARGET = re.compile(
    r"\]\([ \t]++" + TEMPLATE_EXPRESSION + r"[ \t]*+\)|\]\(" + TEMPLATE_EXPRESSION + r"[ \t]++\)"
)


def liquid_tag_end(lines: Sequence[str], i: int) -> int | None:
    """``{% include figure.html`` / ``alt="..."`` / ``%}``: the index of the line closing the tag opened at ``i``.

    Liquid lets a tag's arguments run over several lines, HTML in a quoted argument included (a figure's long
    description as ``content="<h3>...</h3><ol><li>...</li></ol>"``); the site renders the whole tag away, as it
    does a one-line one (``template_tag_line``), so every line of it is markup (``multiline_liquid_tag``). None
    when line ``i`` opens no tag, closes it itself, or no line ends with the closing ``%}`` before a blank
    line, another tag or ``MAX_TAG_LINES`` lines.
    """
    body = lines[i].strip(" \t")
    if _OPEN_TAG.match(body) is None or "%}" in body:
        return None
    for j in range(i + 1, min(len(lines), i + 1 + MAX_TAG_LINES)):
        below = lines[j].strip(" \t")
        if not below or below.startswith("{%"):
            return None  # a blank line or another tag: text as written
        if "%}" in below:
            return j if below.endswith("%}") and below.count("%}") == 1 else None
    return None


def is_template_tag_run(line: str) -> bool:
    """``{% capture title %}{{ site.data.t.hero.title[page.lang] }}{% endcapture %}``: tags only, markup.

    A line of one tag is markup already (``template_tag_line``); a line of several, side by side or spaced,
    prints nothing of its own either (a capture assigns a variable; an expression alone on its line is the
    site's value, not the author's words), so it reads as a blank line too (``template_tag_run``). A ``{% raw %}``
    tag prints what it wraps as written: that line is text.
    """
    body = line.strip(" \t")
    return body[:1] == "{" and _TAG_RUN.fullmatch(body) is not None and _RAW_TAG.search(body) is None


# One Liquid tag on a line: its name, then arguments without a "%" ("{% assign timestamp=\"1:27\" %}").
_LINE_TAG = re.compile(r"\{%-?+[ \t]*+([a-z][\w-]*+)[^%\n]*+%\}")
# The same tag without its "{": read where a removed comment leaves a "{" just before a "%".
_TAG_AFTER_BRACE = re.compile(_LINE_TAG.pattern.removeprefix(r"\{"))


def strip_liquid_tags(line: str) -> str:
    """``... in a single step. {% assign timestamp="37:15" %}`` -> ``... in a single step.`` (``inline_liquid_tag``).

    A newsletter's Jekyll source sets a variable at the end of each item's paragraph (the podcast time the item
    is discussed at) and keeps a one-line ``{% comment %}...{% endcomment %}`` over a section: the site prints
    neither. A tag after text on the line, and a comment tag with all it wraps, are markup and go; a tag
    opening the line is left to the line rules (``template_tag_line``, ``multiline_liquid_tag``), and a tag
    inside a code span (`` `{% include x %}` ``, a Jekyll tutorial's) is text. A line with ``{% raw %}`` is left
    as written (``template_tag_run``'s reading: the tag prints what it wraps, the line is text).
    """
    line = _strip_liquid_comments(line)
    if "{%" not in line or _RAW_TAG.search(line) is not None:
        return line
    kept: list[str] = []
    end = 0
    indent = len(line) - len(line.lstrip(" \t"))
    ticks = counted = 0  # backticks before ``counted``: counted on as the tags come, not again from 0 for each
    for found in _LINE_TAG.finditer(line):
        before = line[end : found.start()]
        ticks += line.count("`", counted, found.start())
        counted = found.start()
        if found.start() <= indent or ticks % 2:
            continue  # the tag opens the line, or sits in a code span
        kept.append(before.rstrip(" \t") if found.end() == len(line.rstrip(" \t")) else before)
        end = found.end()
    return "".join(kept) + line[end:] if kept else line


# mdBook's directives that put another file's text there: "{{#include ../partials/speak.md:1}}", "{{#playground x.rs}}".
_MDBOOK_INCLUDE = re.compile(r"\{\{#(?:include|rustdoc_include|playground)[ \t]++[^{}\n]{1,500}+\}\}[ \t]*+")


def strip_mdbook_includes(line: str) -> str:
    """``{{#include ../partials/speak.md:1}} 通知カードが廃止され ...`` -> the text after it (``mdbook_include``).

    mdBook (the Rust books, a city councillor's council reports) replaces ``{{#include path}}``,
    ``{{#rustdoc_include path}}`` and ``{{#playground path}}`` with the named file's lines before markdown reads
    the page: the directive's path is no text of the page, the included file is not at hand. Alone on its line it is
    markup already (``template_tag_line``); opening or inside a line of text (a speaker's icon included before
    each of his remarks) its path and name reached the prose. Those directives go, the text around them stays;
    one inside a code span (`` `{{#include file.rs}}` ``, mdBook's own guide) is text, and so are other
    ``{{#...}}`` expressions (Handlebars' ``{{#each items}}``, a template's own).
    """
    kept: list[str] = []
    end = 0
    for found in _MDBOOK_INCLUDE.finditer(line):
        if line.count("`", 0, found.start()) % 2:
            continue  # inside a code span
        kept.append(line[end : found.start()])
        end = found.end()
    return "".join(kept) + line[end:] if kept else line


def _strip_liquid_comments(line: str) -> str:
    """The line without its one-line ``{% comment %}...{% endcomment %}`` spans, what they wrap included.

    Read once from left to right, the kept stretches joined at the end: removing each span and reading the line
    again from its start cost a pass per comment (quadratic in the comments of a line, hostile round 3). Only
    the seam of a removed span can make a tag the line did not hold (``{`` before it, ``%`` after it): that
    one is read across the seam (``_TAG_AFTER_BRACE``), as a second pass over the joined text would read it.
    """
    kept: list[str] = []  # the stretches kept so far, none empty
    done = search = 0  # line[done:] is not kept yet; the next "{%" is looked for from ``search``
    while True:
        if kept and kept[-1][-1] == "{" and line.startswith("%", done) and search == done:
            opener = _TAG_AFTER_BRACE.match(line, done)
            seam = True
        else:
            start = line.find("{%", search)
            opener = _LINE_TAG.match(line, start) if start >= 0 else None
            seam = False
        if opener is None:
            break
        if opener.group(1) != "comment":
            search = opener.end()
            continue
        closer = next((m for m in _LINE_TAG.finditer(line, opener.end()) if m.group(1) == "endcomment"), None)
        if closer is None:
            break
        if seam:
            kept[-1] = kept[-1][:-1]  # the "{" the seam's comment opened with
            if not kept[-1]:
                kept.pop()
        elif opener.start() > done:
            kept.append(line[done : opener.start()])
        done = search = closer.end()
    return "".join(kept) + line[done:] if kept or done else line


def mend_padded_template_links(line: str) -> str:
    """``[Labelling study]( {{ "/x" | prepend: site.urlalt[ page.language ] }} )`` -> ``[Labelling study](#)``.

    Canada.ca's Jekyll posts pad the template expression of a link's target with spaces inside the
    parentheses; Jekyll renders the expression to a path and the link stands. Raw, the spaces make it no link
    to CommonMark, and the brackets, expression and filter stayed in the item's text (``template_link_padded``;
    unpadded targets are ``template_link_target``'s).
    """
    return _PADDED_TARGET.sub("](#)", line) if "]( " in line or " )" in line else line


def is_template_output(text: str) -> bool:
    """``{{ post.title }}`` as an HTML heading's or paragraph's whole text: the site's value (``template_element``).

    A Jekyll page lists its posts with a loop (``{% for post in advisories %}`` / ``<h2><a href="{{ post.url
    }}">{{ post.title }}</a></h2>`` / ``<p>{{ post.excerpt | strip_html }}</p>`` / ``{% endfor %}``): the site
    prints each post's title there, the source holds only the expression. Read raw, the expression became a
    section heading and its filter chain the prose. An element whose text is template tags and expressions
    only holds none of the author's words, as a line of them does (``template_tag_line``, ``template_tag_run``).
    """
    return is_template_tag_line(text) or is_template_tag_run(text)


# Jekyll's code block: "{% highlight text %}" (a language, maybe "linenos") ... "{% endhighlight %}".
_HIGHLIGHT_OPEN = re.compile(r"\{%-?+[ \t]*+highlight[ \t]++([\w+#.-]++)[^%\n]*+%\}")
_HIGHLIGHT_CLOSE = re.compile(r"\{%-?+[ \t]*+endhighlight[ \t]*+-?+%\}")
# The fence a highlight block is kept as: longer than any fence a code sample inside it may hold.
HIGHLIGHT_FENCE = "`````"


def highlight_fence(line: str) -> str | None:
    """``{% highlight text %}``: Jekyll's code block opened, read as a fence of five backticks (``liquid_highlight``).

    Jekyll renders what lies between ``{% highlight lang %}`` and ``{% endhighlight %}`` as a highlighted
    ``<pre>`` (Rouge's), the code block a backtick fence makes: a pasted IRC log, a shell session. Read as text,
    the tags went as markup but every line between them reached the prose, each short one a bare title
    (Bitcoin Core's meeting summaries). The opening line becomes a fence of its own, so the block is code, out of
    the prose as the contract keeps fenced code. None when the line is no highlight tag alone.
    """
    found = _HIGHLIGHT_OPEN.fullmatch(line.strip(" \t"))
    return HIGHLIGHT_FENCE + found.group(1) if found is not None else None


def closes_highlight(line: str) -> bool:
    """``{% endhighlight %}`` alone on its line: the highlight block's end (``liquid_highlight``)."""
    return _HIGHLIGHT_CLOSE.fullmatch(line.strip(" \t")) is not None


LIQUID_RULES = {
    "multiline_liquid_tag": liquid_tag_end,  # "{% include x.html" / 'alt="..."' / "%}": all of it markup
    "template_tag_run": is_template_tag_run,  # "{% capture t %}{{ x }}{% endcapture %}": a line of tags, markup
    "template_link_padded": mend_padded_template_links,  # "[Study]( {{ '/x' | prepend: y }} )": a link
    "inline_liquid_tag": strip_liquid_tags,  # "... step. {% assign timestamp=\"1:27\" %}": the tag goes (sweep 15)
    "template_element": is_template_output,  # "<h2>{{ post.title }}</h2>" in a Jekyll loop: no text (sweep 16)
    "liquid_highlight": highlight_fence,  # "{% highlight text %}" ... "{% endhighlight %}": code (sweep 16)
    "mdbook_include": strip_mdbook_includes,  # "{{#include ../partials/speak.md:1}} Text": the text (sweep 18)
}
