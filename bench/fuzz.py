"""Mutation fuzzer for ``nato_briefs.read_article``: crashes, misplaced records, and time or memory that outgrow
the input.

``python -m bench.fuzz [--seed 14] [--n 3000] [MUTATION|GROUP ...]`` takes the articles of tests/shapes_corpus,
tests/realworld_corpus, tests/formats_corpus and the seed articles, applies one seeded mutation to each
input (``MUTATIONS``: a line or a markup token repeated, two articles spliced, odd characters of every
kind sprinkled in, tokens without spaces, deep nesting of lists, quotes and HTML, unterminated comments,
CDATA and fences, tables of thousands of columns, pipes everywhere, prose the source writes otherwise,
articles cut short; since session 15 also HTML of many nested or unclosed elements, elements of 100,000
attributes, HTML tables of 50,000 rows or columns and span floods, entity floods, the article re-encoded
(cp1252, UTF-16/32, BOMs), broken UTF-8, mixed encodings, mojibake, quoted-printable mail, control characters
on every line, and long runs of what each reader rule looks for, ``TRIGGERS``; inputs stop at 24 M
characters) and reads each through ``read_article`` in a forked child with a time limit. Naming mutations or
a group of them (``GROUPS``: ``html``, ``decoding``, ``rules``, ``round2``) draws from those only. Per input
it records the outcome (``ok``, a reason code, ``crash`` with the exception, ``timeout``, or ``bad_record``:
a record whose line is outside the source's lines), the child's CPU seconds, CPU microseconds per input
byte and the peak RSS growth. It prints the findings and the costliest inputs per byte;
``--out FILE.jsonl`` keeps every row.

``python -m bench.fuzz --scaling [--bases 3]`` builds every mutation at sizes x1, x2, x4 and x8 on a few
base articles and prints the CPU seconds and the ratio to the previous size: linear work doubles (x2);
super-linear work shows as x3 and more (the table of bench/HOSTILE.md). ``--triggers [--base-size 500]``
builds every rule trigger in every shape (``trigger_block``) at n and 4n: linear is x4, over x7 is flagged.

``python -m bench.fuzz --show ID`` writes the bytes of input ID (``index`` of a row) to stdout, to make a repro.
Everything is deterministic in ``--seed`` and the mutations named: an input is rebuilt from (seed, index)
alone, for one list of ``MUTATIONS`` (adding one changes which input an index is). Findings and runs:
bench/HOSTILE.md, sessions 14 and 15.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import quopri
import random
import resource
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_FORK = multiprocessing.get_context("fork")  # children start with the parent's loaded rules (``_warm``)
CORPORA = ("tests/shapes_corpus", "tests/realworld_corpus", "tests/formats_corpus", "raw")
Mutation = Callable[[str, str, random.Random, int], str]  # (article, another article, rng, size) -> text


def load_articles() -> list[str]:
    """The corpus articles as text, in a stable order (the seeds are in raw/)."""
    paths = sorted(p for corpus in CORPORA for p in (ROOT / corpus).rglob("*") if p.suffix in (".md", ".txt"))
    return [p.read_text("utf-8", "surrogateescape") for p in paths]


# ---------------------------------------------------------------------------------------------- mutations
ODD_CHARS = {
    "bidi": "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
    "zero_width": "\u200b\u200c\u200d\u2060\ufeff\u180e",
    "combining": "\u0301\u0300\u0308\u0327\u20dd\u036f",
    "surrogate_escapes": "\udc80\udcff\udcc3\udca9",
    "controls": "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85",
    "line_seps": "\u2028\u2029\x0c\x0b\x85\r",
    "spaces": "\u00a0\u2000\u2009\u202f\u205f\u3000\u1680",
    "private_use": "\ue000\uf8ff\U000f0000\U0010fffd",
    "noncharacters": "\ufffe\uffff\ufdd0\U0001fffe",
    "astral": "\U0001f600\U0001d400\U00020000\U000e0001",
    "replacement": "\ufffd\ufffc",
}
TOKENS = (
    "|", "**", "*", "_", "__", "`", "```", "~~", "[", "]", "](", "![", "<", "<div>", "</div>", "<br>", "&amp;",
    "&#", "#", ">", "- ", "1. ", "(a) ", "• ", "\\", ":", "---", "===", "+--", "{{", "}}", "[[", "$$", "<!--",
    "-->", "::", "[^1]", "http://x.y/", "{#id}", "[b]", "'''", "==",
)  # fmt: skip
UNTERMINATED = (
    "<!--", "<![CDATA[", "```", "~~~", "<script>", "<pre>", "<style>", "<?php", "<!DOCTYPE", "<table>", "<ul><li>",
    "---\n", "+++\n", "$$", ":::note", "{|", "|===", ".. code::", "#+BEGIN_SRC", "[quote]", "<details>",
    "\\begin{itemize}",
)  # fmt: skip


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _pick_line(lines: list[str], rng: random.Random) -> int:
    full = [i for i, line in enumerate(lines) if line.strip()] or [0]
    return rng.choice(full)


def _sprinkle(text: str, chars: list[str], rng: random.Random) -> str:
    """``chars`` inserted at random points of ``text`` (in one pass: list.insert is quadratic)."""
    points = sorted(rng.randrange(len(text) + 1) for _ in chars)
    out, last = [], 0
    for at, char in zip(points, chars, strict=True):
        out += [text[last:at], char]
        last = at
    return "".join(out) + text[last:]


def _fit(count: int, unit: int) -> int:
    """``count`` copies of ``unit`` characters, fewer where they would pass MAX_INPUT_CHARS (at least one)."""
    return max(1, min(count, MAX_INPUT_CHARS // max(unit, 1)))


def repeat_line(text: str, _other: str, rng: random.Random, size: int) -> str:
    """One line of the article repeated ``size`` times in place."""
    lines = _lines(text)
    i = _pick_line(lines, rng)
    return "\n".join(lines[:i] + [lines[i]] * _fit(size, len(lines[i]) + 1) + lines[i + 1 :])


def repeat_line_blank(text: str, _other: str, rng: random.Random, size: int) -> str:
    """One line repeated ``size`` times, each copy its own block."""
    lines = _lines(text)
    i = _pick_line(lines, rng)
    return "\n".join(lines[:i] + [lines[i] + "\n"] * _fit(size, len(lines[i]) + 2) + lines[i + 1 :])


def repeat_token(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A markup token repeated ``size`` times at one point of a line."""
    token = rng.choice(TOKENS)
    at = rng.randrange(len(text) + 1)
    return text[:at] + token * size + text[at:]


def repeat_token_spaced(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A markup token and a word repeated ``size`` times on one line."""
    token = rng.choice(TOKENS)
    at = rng.randrange(len(text) + 1)
    return text[:at] + f"{token}a " * size + text[at:]


def repeat_token_lines(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size`` lines each starting with a markup token, then a word."""
    token = rng.choice(TOKENS)
    return text + "\n" + f"{token}x\n" * size


def splice(text: str, other: str, rng: random.Random, size: int) -> str:
    """Head of one article, tail of another, ``size // 64`` times over (at least once)."""
    parts = []
    for _ in range(_fit(size // 64, len(text) + len(other))):
        a, b = rng.randrange(len(text) + 1), rng.randrange(len(other) + 1)
        parts.append(text[:a] + other[b:])
    return "".join(parts)


def duplicate_article(text: str, _other: str, _rng: random.Random, size: int) -> str:
    """The whole article ``size // 64`` times (at least twice), with no blank line between copies."""
    return "\n".join([text] * max(2, _fit(size // 64, len(text) + 1)))


def odd_chars(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size`` odd characters of one kind sprinkled at random points."""
    chars = ODD_CHARS[rng.choice(sorted(ODD_CHARS))]
    return _sprinkle(text, [rng.choice(chars) for _ in range(size)], rng)


def odd_char_run(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A run of ``size`` odd characters of one kind at one point (a Zalgo mark run, a bidi flood...)."""
    chars = ODD_CHARS[rng.choice(sorted(ODD_CHARS))]
    at = rng.randrange(len(text) + 1)
    return text[:at] + "".join(rng.choice(chars) for _ in range(size)) + text[at:]


def odd_line_ends(text: str, _other: str, rng: random.Random, _size: int) -> str:
    """Every line end replaced by one odd line end (CR only, form feed, U+2028, NEL, CR CR LF...)."""
    return text.replace("\n", rng.choice(["\r", "\r\r\n", "\x0c\n", "\u2028", "\x85", "\x0b", "\n\x00"]))


def long_token(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A token of ``size * 8`` characters without a space (letters, a URL, dots, digits, dashes...)."""
    unit = rng.choice(["a", "ab.", "1.", "-", "a-", "/a", "_a", "a|", "U.S.", "%20", "&amp;", "\u05d0", "\u4e00"])
    token = (unit * (size * 8 // len(unit) + 1))[: size * 8]
    lines = _lines(text)
    i = _pick_line(lines, rng)
    lines[i] = lines[i] + " " + token + " end."
    return "\n".join(lines)


def nested_lists(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A list ladder ``min(size, 1500)`` levels deep (marker and indentation per level chosen at random)."""
    size = min(size, 1_500)  # the indentation grows with the square of the depth
    marker = rng.choice(["- ", "* ", "1. ", "• ", "(a) ", "o\t", "> - ", "- > "])
    step = rng.choice([2, 3, 4])
    ladder = "\n".join(" " * (step * i) + marker + f"level {i}" for i in range(size))
    return text + "\n\n" + ladder + "\n"


def nested_one_line(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size`` nested openers on one line (``>``, ``- ``, ``[``, ``(``, ``*``, ``<div>``...), optionally closed."""
    opener, closer = rng.choice([
        (">", ""), ("> ", ""), ("- ", ""), ("1. ", ""), ("[", "]"), ("(", ")"), ("*", "*"), ("**", "**"),
        ("_", "_"), ("<div>", "</div>"), ("<span>", "</span>"), ("<b>", "</b>"), ("[[", "]]"), ("{", "}"),
        ("![", "](x)"), ("`", "`"), ("<ul><li>", "</li></ul>"), ("<blockquote>", "</blockquote>"),
    ])  # fmt: skip
    closed = rng.random() < 0.5
    line = opener * size + "text" + (closer * size if closed else "")
    at = rng.randrange(len(text) + 1)
    return text[:at] + "\n" + line + "\n" + text[at:]


def nested_html(text: str, _other: str, rng: random.Random, size: int) -> str:
    """HTML nested ``size`` deep, one tag a line, as content systems export it."""
    tag = rng.choice(["div", "ul><li", "table><tr><td", "blockquote", "section", "p", "span", "ol><li", "details"])
    opens = [f"<{tag}>level {i}" for i in range(size)]
    closes = [f"</{t}>" for t in reversed(tag.split("><"))] * size if rng.random() < 0.5 else []
    return text + "\n\n" + "\n".join(opens + closes) + "\n"


def unterminated(text: str, _other: str, rng: random.Random, size: int) -> str:
    """An unterminated comment, CDATA, fence or block at a random line, ``size // 64`` times (at least once)."""
    lines = _lines(text)
    for _ in range(max(1, size // 64)):
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(UNTERMINATED))
    return "\n".join(lines)


def wide_table(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A pipe table of ``size`` columns and a few rows (with or without the delimiter row)."""
    header = "| " + " | ".join(f"H{i}" for i in range(size)) + " |"
    delimiter = "|" + "---|" * size
    rows = ["| " + " | ".join("x" for _ in range(size)) + " |" for _ in range(3)]
    block = [header, delimiter, *rows] if rng.random() < 0.7 else [header, *rows]
    return text + "\n\n" + "\n".join(block) + "\n"


def pipes_everywhere(text: str, _other: str, rng: random.Random, _size: int) -> str:
    """Every space (or every word boundary) of the article turned into a pipe."""
    return text.replace(" ", rng.choice(["|", " | ", "||", " \\| "]))


def join_lines(text: str, _other: str, rng: random.Random, _size: int) -> str:
    """The whole article on one line (its line ends as spaces, tabs or nothing)."""
    return text.replace("\n", rng.choice([" ", "\t", "", "  "]))


def indent_ladder(text: str, _other: str, rng: random.Random, _size: int) -> str:
    """Each line indented one (or two, four) more blanks than the line above, up to 200 steps."""
    step = rng.choice([1, 2, 4])
    return "\n".join(" " * (step * min(i, 200)) + line for i, line in enumerate(_lines(text)))


def quote_everything(text: str, _other: str, rng: random.Random, size: int) -> str:
    """Every line behind ``min(size, 200)`` quote markers."""
    prefix = rng.choice([">", "> ", ">>"]) * min(size, 200)
    return "\n".join(prefix + line for line in _lines(text))


def bytes_noise(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size // 8`` random characters below U+0100 (any control, latin-1) inserted at random points."""
    return _sprinkle(text, [chr(rng.randrange(0x100)) for _ in range(max(1, size // 8))], rng)


def truncate(text: str, _other: str, rng: random.Random, _size: int) -> str:
    """The article cut at a random point (inside a construct, no final line break), or before its last line break."""
    return text[: rng.randrange(len(text) + 1)] if rng.random() < 0.7 else text.rstrip("\n")


def entity_letters(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size // 8`` letters written as numeric entities (``&#65;``): the prose differs from its source."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    chosen = sorted(rng.sample(letters, min(len(letters), max(1, size // 8))))
    out, last = [], 0
    for at in chosen:
        out += [text[last:at], f"&#{ord(text[at])};"]
        last = at + 1
    return "".join(out) + text[last:]


def terminators(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size // 8`` sentence ends (``. ? ! …``, ``..``, ``?!``) sprinkled at random points."""
    return _sprinkle(text, [rng.choice([".", "?", "!", "…", "..", "?!", ". ", "? "]) for _ in range(size // 8)], rng)


def repeat_sentence(text: str, _other: str, rng: random.Random, size: int) -> str:
    """One sentence of the article (or a rare-ended one) repeated ``size // 4`` times, wrapped at 78 columns."""
    sentences = [s for s in text.replace("\n", " ").split(". ") if len(s.split()) > 3] or ["NATO allies agreed"]
    sentence = rng.choice(sentences).strip() + rng.choice([". ", "? ", "! ", "… ", ".", " "])
    body = rng.choice(["", "Why? ", "Wow! "]) + sentence * max(1, size // 4)
    lines = [body[i : i + 78] for i in range(0, len(body), 78)]
    at = rng.randrange(len(text) + 1)
    return text[:at] + "\n\n" + "\n".join(lines) + "\n\n" + text[at:]


# ------------------------------------------------------------- round 2 (session 15): HTML, decoding, line rules
# Raw bytes travel as text with U+DC80..U+DCFF for the bytes UTF-8 rejects (``_as_text``): the child encodes
# every input with ``surrogateescape``, so any byte string is an input, a BOM, UTF-16 or broken UTF-8 too.
HTML_TAGS = (
    "div", "p", "span", "b", "strong", "font size=4", "center", "a href=x", "li", "ul", "ol", "table", "tr", "td",
    "th", "thead", "tbody", "tfoot", "h2", "blockquote", "section", "details", "summary", "pre", "code", "i",
    "div role=row", "span role=cell", "div role=table", "div role=listitem", "div role=heading aria-level=3",
    "p class=MsoListParagraph style='mso-list:l0 level3 lfo1'", "p class=MsoTitle", "item", "entry", "title",
    "description", "content type=html", "xhtml:p", "o:p", "template", "noscript", "svg", "math", "br", "img alt=x",
)  # fmt: skip
ENTITIES = (
    "&amp;", "&nbsp;", "&lt;", "&gt;", "&#8203;", "&#x200B;", "&bull;", "&#8226;", "&#0;", "&#xD800;", "&#1114112;",
    "&#99999999999;", "&unknown;", "&amp;amp;", "&lt;p&gt;", "&lt;td&gt;", "&#x2028;", "&#10;", "&#13;", "&#x85;",
    "&#xFEFF;", "&#173;", "&#x202E;", "&", "&#", "&#x", "&a", "&;",
)  # fmt: skip
INVALID_UTF8 = (
    b"\x80", b"\xbf", b"\xc3", b"\xe2\x80", b"\xf0\x9f\x98", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80", b"\xf5", b"\xfe", b"\xff", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\x81", b"\x8d",
    b"\x9d", b"\x00",
)  # fmt: skip
ENCODINGS = ("cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-8-sig", "mac-roman")
# What each reader rule of rounds 11-14 (reader/rules/pipeline_text.py, authoring.py, tool_copies.py, page_copy.py,
# group_rows.py, wiki_exports.py, docs_sites.py, notes.py, posts.py) and the dialects look for: (an opening
# line, a line it reads on, a closing line or its near miss). ``rule_triggers`` repeats them in several shapes.
TRIGGERS = {
    "page_marker": ("<!-- PageBreak -->", "| a | b |\n|---|---|\n| c | d |", '<!-- PageNumber="1" -->'),
    "page_footer": ('<!-- PageFooter="NATO Public" -->', "| a | b |", "<!-- PageBreak"),
    "jira_pipes": ("||Area||Focus||", "|a|b|", "||"),
    "wikidot": ("||~ A ||~ B ||", "|| a || b ||", "[[toc]]"),
    "org": ("#+TITLE: Plan", "* TODO Part [#A] :x:y:", "SCHEDULED: <2026-07-01 Wed>"),
    "org_table": ("| A | B |\n|---+---|", "| <l> | <r13> |", "#+BEGIN_SRC"),
    "rst_underline": ("Priorities", "==========", "~~~~~~~~~~"),
    "rst_target": (".. _maritime-plan:", ".. _NATO: https://www.nato.int", ".. table:: T"),
    "colon_fence": (":::note", "text", ":::"),
    "mediawiki": ("{|", "|-\n| a || b", "|}"),
    "wiki_cells": ('{|\n! A !! B', '|-\n| rowspan="900" | a || colspan="50" | b', "|}"),
    "mail_header": ("From: NATO Press <press@nato.int>", "Subject: Allies agree", "Content-Type: text/plain"),
    "mail_tabs": ("From:\tNATO Press", "To:\tAllies", "Subject:\tPlan"),
    "qp_header": ("Content-Transfer-Encoding: quoted-printable", "=E2=80=99=20=3D", "=FF=FE=0A"),
    "qp_breaks": ("Content-Transfer-Encoding: QUOTED-PRINTABLE", "Text=0A=0D=E2=80=A8", "=E2=80=A9"),
    "liquid": ("{% comment %}", "Text.", "{% endcomment x %}"),
    "markdoc": ("{% table %}", "* a\n---", "{% /table x %}"),
    "typst": ("#table(", "  columns: 2, [a], [b], (", ")"),
    "typst_rule": ("#set text(size: 11pt)", "#show heading: it => it", "#let x = ("),
    "dsv": (":===", "a:b", ":=== x"),
    "mdx_export": ("export const m = {", "  a: 1,", "}"),
    "jsx_comment": ("{/* note", "*/}", "{/* x */}"),
    "myst": ("+++", '+++ {"a": {"b": 1}}', "+++ {"),
    "shortcode": ("{{< figure", 'src="/x.png"', ">}} x"),
    "textile": ("h1(#t). T", "p(x). Text\n|{a:b}. c | d |", "h2{color:red"),
    "banner": ("=" * 20, "Guild: x", "-" * 20),
    "wire": ("AP-NATO-Ministers,0489", "SOURCE North Atlantic Treaty Organization", "2025-06-05 14:12:31.418 GMT"),
    "byline": ("By Jane Doe and John Roe", "By A. Smith, B. Jones and C. Brown", "By Air and Sea"),
    "chat": ("[05-Jun-25 10:42 AM] anna.k", "<https://a.b|x> <https://c.d|y| z", "[6 Jun 2025 10:42] Jane"),
    "details": ("<details>", "<summary>x</summary>\n| a |", "</details>"),
    "asciidoc": ("|===", ".2+|a\n|b\n3*|c", "|==="),
    "cell_lines": ("Priority Area\nKey Focus\nExpected Outcome", "x", "Area"),
    "stacked": ("Priority Area\na\nKey Focus\nb", "Expected Outcome\nc", "Priority Area"),
    "unrtf": ("### Translation from RTF performed by UnRTF, version 0.21", "### font table contains 4 fonts", "-----"),
    "docs_clipboard": ('<b style="font-weight:normal;" id="docs-internal-guid-1">', "<p>a</b></p>", "</b>"),
    "aria": ('<div role="table">', '<div role="row"><span role="cell">a</span><span role="columnheader">b</span>',
             "</div>"),
    "xhtml": ('<div xmlns:h="http://www.w3.org/1999/xhtml">', "<h:p>A</h:p><h:li>b", "</div>"),
    "feed": ("<item><title>T</title><description>", "&lt;h2&gt;P&lt;/h2&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;a",
             "</description></item>"),
    "txt2tags": ("%!target: html", "|| A | B |", "% comment"),
    "bold_fields": ("**Priority Area:** a", "**Key Focus:** b", "**Note** that:"),
    "comment_rows": ("| A | B |\n|---|---|", "| a | b |\n<!-- x - -- y -->", "<!-- x"),
    "br_cells": ("| A | B |\n|---|---|", "| • a<br>• b | • c<br>• d |", "| a<br>- b |"),
    "link_wrap": ("- [Short guide to", "](https://x.y)", "]("),
    "excerpt": ("Lead text:<!-- more -->", "<!-- a --><!-- b -->", "<!-- x"),
    "label_break": ("* **Label**:  ", "Text under it", "*"),
    "cjk_byline": ("2024 年 12 月 05 日 [The Team](/team)", "2024年5月22日", "作者："),
    "template_call": ('## Overview {{ osib_anchor(osib=osib ~ ".o", id="x") }}', "{{ a(", "## {{"),
    "dash_wrap": ("- [a](https://x)", "  – for one-way traffic", "  – b"),
    "closing_tag": ("Caption", "</Diagram>", "<Diagram>"),
    "page_margin": ("   Text at a margin", "     * bullet", "   "),
    "footnote_refs": ("Text[^1][^note]", "[1]Regional [12]plans", "[^"),
    "metadata": ("From:", "Ministry of Defence\nPublished\n12 June 2025", "Contents"),
    "group_rows": ("| A | B | C |\n|---|---|---|", "| **Eastern flank** | | |", "| **x** |"),
    "figure_items": ("* **Reset:** step", "![Reset.](figures/r.png)", "\t* **Edit:** x"),
    "inline_tag_item": ('- ✅ <span class="x">', '<a href="y">Anna</a></span>', "-   🔲"),
    "wrapped_bold": ("**Proposal: a plan (Maria", "Lopez)**", "**"),
    "span_attrs": ('![i](x.png){: style="h" align="r"}', "{: #id .c k=v", '{: x="'),
    "outline": ("1. A", "   1.1. B", "   1.1.1.1.1.1 C"),
    "emoji_lead": ("📌 Key priorities:", "🔸 a", "👉 b:"),
    "overflow_row": ("Priority Area  Key Focus  Expected Outcome", "Critical Infrastructure  Rail  Safer", "a  b"),
}  # fmt: skip
# What the reader rules of sessions 16-20 look for (hostile round 3: reader/rules/desk_copies.py, wraps.py,
# docs_sites.py, liquid.py, exported_pages.py, group_rows.py, notices.py, extracted.py, html_elements.py,
# office_exports.py, exports.py, markup.py, titles.py, tables.py, items.py, sequences.py, dialects.py: the
# rules ROUND_RULES of tests/test_reader_rules.py names for shapes15-25 and sweeps 12-15). Kept apart from
# ``TRIGGERS`` so that ``rule_triggers`` rebuilds round 2's seeds unchanged; ``rule_triggers_round3`` draws these.
TRIGGERS_ROUND3 = {
    "glued_link": ("Readout<https://www.nato.int/a>", "See the plan<https://x.y/b> and<mailto:a@b.c>", "text <https://x"),
    "weekday_date": ("December 2, 2026 Wednesday", "Wednesday, 2 December 2026", "Wednesday 2"),
    "copyright": ("Copyright 2026 Defence Daily Wire All Rights Reserved", "© 2026 NATO", "Copyright and Licensing"),
    "clip_masthead": ("Defence Daily Wire", "December 2, 2026 Wednesday", "Defence Daily"),
    "digest_end": ("End of NATO-PRESS Digest - 2 Dec 2026 (#2026-231)", "*" * 34, "End of"),
    "thread_chrome": ("3 replies", "Last reply today at 10:02 AM", "replies"),
    "edited_mark": ("Sharing the readout as agreed (edited)", "(edited)", "Readout (edit"),
    "chat_export": ("02/12/2026, 08:43 - Mihai: Readout just in", "02/12/2026, 08:44 - Anna: ok",
                    "02/12/2026, 08:45 -"),
    "reading_time": ("Anna Nowak", "4–5 minutes", "6 min read"),
    "forward_name": ("Please see the item below.\n\nLars", "________________________________\nFrom: NATO Press",
                     "Lars"),
    "factiva": ("HD\tAllies agree", "LP\tNATO Allies agreed the plan.\nTD\tThe ministers met.", "XX\tx"),
    "wrapped_title": ("NATO Allies Agree to Strengthen Partnerships with Jordan,",
                      "Mauritania and Tunisia in the Southern Neighbourhood", "Allies Agree"),
    "unforced_break": ("- Promoting resilience against hybrid threats", "A summary of the plan is below and it is",
                       "x"),
    "long_word_wrap": ("This issue is similar to both the earlier issues", "[NCIA-2024-0042](https://x.y/z) and",
                       "[x]("),
    "requirement_wrap": ("The resolved value returned by a function handler", "MAY be different from the value",
                         "MUST"),
    "snippet_include": ('--8<-- "docs/_info.partial"', "--8<--", '--8<-- "'),
    "inline_liquid": ('In a single step. {% assign timestamp="37:15" %}', "{% capture t %}{{ site.x }}{% endcapture %}",
                      "{% assign x"),
    "liquid_multiline": ("{% include figure.html", 'alt="A <b>figure</b> of %"', "%}"),
    "liquid_link_padded": ('[Study]( {{ "/x" | prepend: site.u[ page.l ] }} )', "[a]({{ x }})", "[b]( {{"),
    "question_heading": ("###### Are there any tests?", "**Does it involve GitHub?**", "Yes:"),
    "date_first_byline": ("March 18, 2026 · AWS CDK Team", "12 June 2025 | NATO Press Office", "March 18, 2026 ·"),
    "duration_lead": ("=> 20m: Air policing rotation", "== 15m: Venue", "=>"),
    "exact_underline": ("What are the rules?", "-------------------", "=" * 30),
    "embed": ("@[phoneFrame](", 'screenshot="a.png", caption="Tap Manage Users."', ")"),
    "policy_date": ("Effective: 21 September 2026", "Last revised: 28 April 2026", "Effective:"),
    "tight_number": ("3. Goal", "4.Location: Brussels", "5. Atmosphere"),
    "bang_admonition": ('!!! note "Contacts"', "    Text of the note.", "!!!"),
    "speaker_turn": ("SFC: No", "[APP] : Any objections?", "EAO - Yes"),
    "open_span": ("-   [Understanding and Using the Allied", "Air Policing Handbook for Baltic", "States](https://x.y)"),
    "quoted_header": (">Requirement | *Description*", "------ | -----", ">a | b"),
    "wrapped_span": ("[Commercial Space", "Strategy]{.underline} adopted", "]{"),
    "converter_alert": ('<p style="color: red; font-weight: bold">>>>>>  gd2md-html alert: x</p>',
                        ">>>>>  gd2md-html alert: y", '<p style="color: red'),
    "page_separator": ("{0}" + "-" * 48, "{12}----", "{0}--"),
    "highlight_marks": ("==increase support== ^intro", "^priorities-2026", "=="),
    "percent_comment": ("%%", "Draft: ask the desk", "%% x"),
    "task_status": ("- [/] Audit", "- [-] Drop", "- ["),
    "definition_term": ("Cache", ": An in-memory cache", "  ~ It will appear"),
    "spanning_group": ("<table><tr><th>A</th><th>B</th><th>C</th></tr>",
                       "<tr><td colspan=3><i>Eastern flank</i></td></tr>\n<tr><td>a</td><td>b</td><td>c</td></tr>",
                       "</table>"),
    "units_row": ("| A | B | C |\n|---|---|---|", "| | (EUR million) | (by 2030) |", "| a | b | c |"),
    "lone_title_header": ("| Table 1: Priorities agreed | | |\n|---|---|---|", "| Area | Focus | Outcome |",
                          "| a | | |"),
    "glued_fence": ("```| A | B |", "|---|---|\n| a | b |", "| c | d |```"),
    "flat_outline": ("1. A", "1.1. B\n1.1.1. C", "2. D"),
    "empty_first_column": ("\tA\tB", "\ta\tb", "x\ty"),
    "jira_brace": ("* {*}Space centre{*}: expand", "{color:#172b4d}text{color}", "{*}"),
    "attribution": ("Anna wrote:", "> Anna Nowak <anna@example.org> wrote:\n>> NATO Allies Agree", "> x"),
    "mx_reply": ("<mx-reply><blockquote>", '<a href="x">In reply to</a> text', "</blockquote></mx-reply>"),
    "br_paragraph": ("<div>NATO Allies Agree<br><br>NATO Allies agreed", "more<br>", "</div>"),
    "ql_indent": ('<ol><li class="ql-indent-1">a</li>', '<li class="ql-indent-3">b</li>', "</ol>"),
    "docs_title": ('<p class="title">NATO</p>', '<p class="c1 title">x</p>', '<p class="t'),
    "permalink": ('<h2>Priorities<a class="headerlink" href="#p">¶</a></h2>', "¶", '<a class="headerlink"'),
    "raw_text_blank": ("<html><head><style>", "p { color: red }\n", "</style></head>"),
    "document_tags": ('<body lang="en-GB" dir="ltr"><h1 class="western">NATO', "<p>Text</p>", "</body>"),
    "mail_header_table": ("-------- Forwarded Message --------", "<table><tr><th>Subject:</th><td>x</td></tr>",
                          "</table>"),
    "box_records": ("┌──┬──┐", "│ a │ b │", "└──┴──┘"),
    "sign_off_lines": ("Best regards,", "Anna", "Best"),
    "running_header": ("NATO Review          March 2025", "Text of the page.", "NATO Review"),
    "numbered_heading": ("1. Focused Discussions", "Text of the part.", "2. More"),
    "pipe_page_turn": ("| a | b |", "\nPage 2 of 5\n", "| c | d |"),
    "piped_records": ("Priority Area: Sea lanes — Key Focus: Escorts", "- Priority Area: x | Key Focus: y",
                      "Priority Area:"),
    "o_bullet": ("- Item", "    o Germany and the Netherlands first", "o"),
    "paren_roman": ("(i) a", "(ii) b", "(iii"),
    "number_runs": ("1: a", "#2 b", "No. 3 c"),
    "indented_document": ("    Text of the page.", "        more", "x"),
    "lone_number": ("10.", "Question submitted by the delegation", "–"),
    "double_spaced": ("Minutes of the council\n", "Text of a line\n", "end"),
    "source_pointer": ("[Original file](minutes.pdf)", "---", "[Original"),
    "symbol_resumes": ("□ Space: a", "  - 155mm shells first", "□ Land: b"),
    "dash_underline": ("Steps agreed by the ministers", "——————", "—"),
}  # fmt: skip
ALL_TRIGGERS = {**TRIGGERS, **TRIGGERS_ROUND3}


def _as_text(data: bytes) -> str:
    """Bytes as the fuzz's text: the child's ``encode("utf-8", "surrogateescape")`` gives them back unchanged."""
    return data.decode("utf-8", "surrogateescape")


def _as_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _at_line(text: str, block: str, rng: random.Random) -> str:
    """``block`` put at a random line break of ``text`` (or at its end), on lines of its own."""
    lines = _lines(text)
    at = rng.randrange(len(lines) + 1)
    return "\n".join([*lines[:at], block, *lines[at:]])


def html_nested_mixed(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size`` HTML elements of many kinds nested in one block (a line each, or all on one line), closed or not."""
    tags = [rng.choice(HTML_TAGS) for _ in range(min(size, 20))]
    opens = [f"<{tags[i % len(tags)]}>x{i}" for i in range(size)]
    closes = [f"</{tags[i % len(tags)].split()[0]}>" for i in reversed(range(size))] if rng.random() < 0.5 else []
    return _at_line(text, rng.choice(["\n", ""]).join(opens + closes), rng)


def html_unclosed(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size`` elements of one kind opened and never closed, each with text, in one HTML block (no blank line)."""
    tag = rng.choice(HTML_TAGS)
    block = "<div>\n" + "\n".join(f"<{tag}>item {i} of the block" for i in range(size))
    return _at_line(text, block, rng)


def html_attributes(text: str, _other: str, rng: random.Random, size: int) -> str:
    """One element with ``size * 2`` attributes (distinct, repeated, spans, roles, classes, XHTML prefixes bound)
    or one endless value."""
    kinds = ["distinct", "repeated", "spans", "roles", "classes", "open_quote", "no_values", "xhtml_prefixes"]
    kind = rng.choice(kinds)
    n = size * 2
    attrs = {
        "distinct": lambda: " ".join(f'a{i}="v{i}"' for i in range(n)),
        "repeated": lambda: ' colspan="3"' * n,
        "spans": lambda: " ".join(f'colspan="{i}" rowspan="{i}"' for i in range(n // 2)),
        "roles": lambda: ' role="row" aria-level="2"' * (n // 2),
        "classes": lambda: 'class="' + " ".join(f"language-x{i} shiki highlight MsoTitle" for i in range(n // 4)) + '"',
        "open_quote": lambda: 'title="' + "a " * n,
        "no_values": lambda: " x" * n,
        "xhtml_prefixes": lambda: " ".join(f'xmlns:p{i}="http://www.w3.org/1999/xhtml"' for i in range(n // 4)),
    }[kind]()
    tag = rng.choice(["div", "td", "table", "p", "pre", "li", "span", "img", "th"])
    block = f"<table><tr><{tag} {attrs}>cell text</{tag.split()[0]}></tr></table>" if tag in ("td", "th") else (
        f"<div>\n<{tag} {attrs}>text of it</{tag}>\n</div>"
    )  # fmt: skip
    return _at_line(text, block, rng)


def html_table(text: str, _other: str, rng: random.Random, size: int) -> str:
    """An HTML table of ``size`` columns or ``size`` rows (th/td, thead rows, colspan and rowspan floods)."""
    kind = rng.choice(["columns", "rows", "head_rows", "rowspans", "colspans", "aria_rows", "nested_cells"])
    if kind == "columns":
        rows = ["<tr>" + "".join(f"<td>c{i}</td>" for i in range(size)) + "</tr>" for _ in range(3)]
    elif kind == "rows":
        rows = [f"<tr><td>r{i}</td><td>x</td><td>y</td></tr>" for i in range(size)]
    elif kind == "head_rows":  # every row a header row: its names joined to the one above (combine_header_rows)
        rows = [f"<tr><th>h{i}</th><th>g{i}</th></tr>" for i in range(size)] + ["<tr><td>a</td><td>b</td></tr>"]
    elif kind == "rowspans":
        rows = [f'<tr><td rowspan="99999">a{i}</td><td>b</td></tr>' for i in range(size)]
    elif kind == "colspans":
        rows = [f'<tr><td colspan="{i % 900 + 1}">a</td><td colspan="99999">b</td></tr>' for i in range(size)]
    elif kind == "aria_rows":
        rows = ['<div role="row"><span role="cell">a</span><span role="cell">b</span></div>' for _ in range(size)]
        return _at_line(text, '<div role="table">\n' + "\n".join(rows) + "\n</div>", rng)
    else:
        rows = ["<tr><td><table><tr><td>" * 3 + f"x{i}" + "</td></tr></table></td></tr>" * 3 for i in range(size)]
    sep = rng.choice(["\n", ""])
    return _at_line(text, "<table>" + sep + sep.join(rows) + sep + ("</table>" if rng.random() < 0.7 else ""), rng)


def entity_flood(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size`` character references (named, numeric, invalid, out of range, escaped markup) in prose, a <p>,
    a pipe cell or a feed entry's escaped HTML."""
    run = "".join(rng.choice(ENTITIES) + rng.choice(["", " ", "x"]) for _ in range(size))
    where = rng.choice(["prose", "p", "cell", "feed", "wrapped"])
    block = {
        "prose": f"Allies agreed {run} on the plan.",
        "p": f"<p>{run}</p>",
        "cell": f"| Area | Focus |\n|---|---|\n| {run} | x |",
        "feed": f"<item><title>T</title><description>{run}&lt;table&gt;&lt;tr&gt;&lt;td&gt;a</description></item>",
        "wrapped": "\n".join(run[i : i + 78] for i in range(0, len(run), 78)),
    }[where]
    return _at_line(text, block, rng)


def reencode(text: str, _other: str, rng: random.Random, _size: int) -> str:
    """The whole article in another encoding (cp1252, UTF-16/32 with or without a BOM, a BOM doubled...)."""
    encoding = rng.choice(ENCODINGS)
    data = _as_bytes(text).decode("utf-8", "replace").encode(encoding, "replace")
    extra = rng.choice([b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xef\xbb\xbf\xef\xbb\xbf"])
    return _as_text(extra + data)


def invalid_utf8(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size // 8`` broken UTF-8 sequences (stray continuations, cut leads, overlongs, surrogates, BOMs) sprinkled,
    or one run of them."""
    chosen = [_as_text(rng.choice(INVALID_UTF8)) for _ in range(max(1, size // 8))]
    if rng.random() < 0.5:
        return _sprinkle(text, chosen, rng)
    at = rng.randrange(len(text) + 1)
    return text[:at] + "".join(chosen) + text[at:]


def mixed_encodings(text: str, other: str, rng: random.Random, _size: int) -> str:
    """One part of the text in UTF-8, another in cp1252 or latin-1, or UTF-16 inside UTF-8, cut at a random point."""
    a, b = rng.randrange(len(text) + 1), rng.randrange(len(other) + 1)
    encoding = rng.choice(["cp1252", "latin-1", "utf-16-le", "mac-roman"])
    tail = _as_bytes(other[b:]).decode("utf-8", "replace").encode(encoding, "replace")
    return text[:a] + _as_text(tail)


def mojibake(text: str, _other: str, rng: random.Random, size: int) -> str:
    """The article's UTF-8 read as cp1252 (``â€™`` for ``’``), or ``size`` mojibake leads in a run."""
    if rng.random() < 0.5:
        return _as_bytes(text).decode("cp1252", "replace")
    unit = rng.choice(["â€", "Ã", "Â", "â€¨", "â€©", "Â\x85", "Ã©", "â€¢", "Ã\u0192Ã¢â‚¬Å¡"])
    at = rng.randrange(len(text) + 1)
    return text[:at] + unit * size + text[at:]


def quoted_printable(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A mail body declared quoted-printable: the article encoded so (soft breaks and all), or a run of ``=XX``."""
    header = rng.choice(["Content-Transfer-Encoding: quoted-printable", "content-transfer-encoding:QUOTED-PRINTABLE"])
    if rng.random() < 0.5:
        body = quopri.encodestring(_as_bytes(text)).decode("ascii")
        return header + "\n\n" + body
    escapes = ["=20", "=3D", "=E2=80=99", "=FF", "=0A", "=0D", "=E2=80=A8", "=00", "=C3", "=", "=\n", "=ZZ"]
    run = "".join(rng.choice(escapes) for _ in range(size))
    return header + "\n\n" + _at_line(text, run, rng)


# Control characters that end no line for CommonMark; U+2028, which ends one for the reader; a stray BOM.
CONTROLS = (*(chr(c) for c in (1, 7, 8, 0x0B, 0x0C, 0x1B, 0x1C, 0x1E, 0x7F, 0x85, 0x9B)), "\u2028", "\ufeff")


def control_lines(text: str, _other: str, rng: random.Random, _size: int) -> str:
    """A control character (C0, C1, DEL) at the start or end of every line, or doubling every line break."""
    char = rng.choice(CONTROLS)
    where = rng.choice(["start", "end", "break"])
    if where == "break":
        return text.replace("\n", "\n" + char + "\n")
    return "\n".join((char + line) if where == "start" else (line + char) for line in _lines(text))


TRIGGER_SHAPES = ("openers", "pairs", "blocks", "open_many", "open_long", "interleave", "one_line")


def trigger_block(trigger: str, shape: str, size: int) -> str:
    """Lines of what the rule ``trigger`` looks for, ``size`` times in ``shape`` (``TRIGGER_SHAPES``)."""
    opener, body, closer = ALL_TRIGGERS[trigger]
    n = _fit(size, len(opener) + len(body) + len(closer) + 3)
    return {
        "openers": lambda: "\n".join([opener] * n),  # the opener alone, again and again
        "pairs": lambda: "\n".join([f"{opener}\n{body}"] * n),  # opener and the line it reads on
        "blocks": lambda: "\n\n".join([f"{opener}\n{body}\n{closer}"] * n),  # whole constructs
        "open_many": lambda: "\n".join([opener] * n + [closer]),  # all opened, then one (near-)closer
        "open_long": lambda: "\n".join([opener] + [body] * n + [closer]),  # one opener over a long body
        "interleave": lambda: "\n".join([f"{opener}\nText of a line.\n{closer}"] * n),
        "one_line": lambda: " ".join([f"{opener} {body}".replace("\n", " ")] * n),
    }[shape]()


def rule_triggers(text: str, _other: str, rng: random.Random, size: int) -> str:
    """What one line rule looks for (``TRIGGERS``) repeated ``size`` times at a random line (``trigger_block``)."""
    block = trigger_block(rng.choice(sorted(TRIGGERS)), rng.choice(TRIGGER_SHAPES), size)
    return _at_line(text, block, rng)


def rule_triggers_round3(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``rule_triggers`` for the rules of sessions 16-20 (``TRIGGERS_ROUND3``)."""
    block = trigger_block(rng.choice(sorted(TRIGGERS_ROUND3)), rng.choice(TRIGGER_SHAPES), size)
    return _at_line(text, block, rng)


MUTATIONS: dict[str, Mutation] = {
    fn.__name__: fn
    for fn in (
        repeat_line, repeat_line_blank, repeat_token, repeat_token_spaced, repeat_token_lines, splice,
        duplicate_article, odd_chars, odd_char_run, odd_line_ends, long_token, nested_lists, nested_one_line,
        nested_html, unterminated, wide_table, pipes_everywhere, join_lines, indent_ladder, quote_everything,
        bytes_noise, entity_letters, terminators, repeat_sentence, truncate,
        # round 2 (session 15)
        html_nested_mixed, html_unclosed, html_attributes, html_table, entity_flood, reencode, invalid_utf8,
        mixed_encodings, mojibake, quoted_printable, control_lines, rule_triggers,
        # round 3 (session 20)
        rule_triggers_round3,
    )
}  # fmt: skip
# Named sets of mutations, to aim a run (``python -m bench.fuzz html decoding``): the layers round 2 went after.
GROUPS = {
    "html": ["html_nested_mixed", "html_unclosed", "html_attributes", "html_table", "entity_flood", "nested_html"],
    "decoding": ["reencode", "invalid_utf8", "mixed_encodings", "mojibake", "quoted_printable", "control_lines"],
    "rules": ["rule_triggers"],
}
GROUPS["round2"] = GROUPS["html"][:-1] + GROUPS["decoding"] + GROUPS["rules"]
GROUPS["round3"] = ["rule_triggers_round3"]
# Mutations without a size knob: the scaling check grows their article instead (copies of it, blank line between).
SIZE_FREE = {"odd_line_ends", "pipes_everywhere", "join_lines", "indent_ladder", "quote_everything", "unterminated"}
SIZE_FREE |= {"entity_letters", "terminators", "truncate"}  # their size is bounded by the letters of the article
SIZE_FREE |= {"reencode", "mixed_encodings", "control_lines"}
CHILD_MEMORY_BYTES = 4 * 1024**3  # address space a read may take
MAX_INPUT_CHARS = 24_000_000  # above max_file_bytes (20 MB): larger inputs only test the size check again
SIZES = (64, 256, 1_000, 4_000, 16_000, 50_000)  # the size knob of a mutation, drawn per input


def mutation_names(wanted: list[str]) -> list[str]:
    """The mutations named, a group (``GROUPS``) standing for its members; all of them when none is named."""
    names = sorted({n for w in wanted for n in GROUPS.get(w, [w])}) if wanted else sorted(MUTATIONS)
    unknown = [n for n in names if n not in MUTATIONS]
    if unknown:
        raise SystemExit(f"unknown mutations {unknown}: choose from {sorted(MUTATIONS)} or {sorted(GROUPS)}")
    return names


def build(seed: int, index: int, articles: list[str], names: list[str] | None = None) -> tuple[str, int, int, str]:
    """Input ``index`` of the run with ``seed``: (mutation, its size, the article's number, the text).

    ``names`` are the mutations drawn from (all by default: a run's inputs are then those of session 14's
    numbering only for the same list of ``MUTATIONS``).
    """
    names = names or sorted(MUTATIONS)
    rng = random.Random(f"{seed}:{index}")
    name = rng.choice(names)
    size = rng.choice(SIZES)
    k = rng.randrange(len(articles))
    text = MUTATIONS[name](articles[k], articles[rng.randrange(len(articles))], rng, size)
    if rng.random() < 0.2:  # a second mutation on top, small
        text = MUTATIONS[rng.choice(sorted(MUTATIONS))](text, articles[k], rng, rng.choice(SIZES[:3]))
    return name, size, k, text[:MAX_INPUT_CHARS]


# -------------------------------------------------------------------------------------------- measurement
def _rss_kb() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


def _child(text: str, conn: Connection) -> None:
    """Read ``text`` as bytes of a file would be (UTF-8, escaped bytes kept) and report through ``conn``."""
    # a runaway read ends as a MemoryError crash here, not in the machine's OOM killer
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES))
    from nato_briefs.api import ArticleError, read_article

    data = text.encode("utf-8", "surrogateescape")
    base = _rss_kb()
    before = resource.getrusage(resource.RUSAGE_SELF)
    try:
        article = read_article(data, "fuzz.md")
        outcome, detail = "ok", {k: v for k, v in article.counts().items() if v}
    except ArticleError as exc:
        outcome, detail = exc.reason_code, exc.reason[:200]
    except BaseException as exc:  # a crash is what we look for
        outcome, detail = "crash", f"{type(exc).__name__}: {str(exc)[:300]}"
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if outcome == "ok":  # outside the CPU figure: a record pointing past the source's lines is a defect too
        bad = misplaced_record(article, data)
        if bad:
            outcome, detail = "bad_record", bad
    with open("/proc/self/status") as f:
        peak = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    conn.send({"outcome": outcome, "detail": detail, "cpu": round(cpu, 4), "rss_mb": round((peak - base) / 1024, 1)})
    conn.close()


def misplaced_record(article, data: bytes) -> str:
    """The first record whose line is outside the source's lines, or a table row not as wide as its header ("" if none).

    Records point into ``source_lines`` of the decoded source (docs/DATASETS.md): a rule that adds or drops a line
    break while reading (a decoded escape, a repaired character) moves every record below it.
    """
    from nato_briefs.config import IngestLimits
    from nato_briefs.ingest import decode_bytes
    from nato_briefs.parse import source_lines

    decoded = decode_bytes("fuzz.md", article.doc_id, data, IngestLimits())
    n_lines = len(source_lines(decoded.text))
    for name in ("sections", "table_rows", "list_items", "priorities", "initiatives", "statements", "mentions"):
        for row in article.rows(name):
            if not 1 <= row["line"] <= n_lines:
                return f"{name} record at line {row['line']} of {n_lines}"
            if name == "table_rows" and len(row["cells"]) != len(row["headers"]):
                return f"table row at line {row['line']}: {len(row['cells'])} cells, {len(row['headers'])} headers"
    return ""


def measure(text: str, timeout: float) -> dict:
    """Outcome, CPU seconds and peak RSS growth of ``read_article`` on ``text``, in a forked child.

    A forked ``multiprocessing`` child, so it starts with the parent's loaded rules (``_warm``) and ends
    through the library's own exit path.
    """
    receive, send = _FORK.Pipe(duplex=False)
    child = _FORK.Process(target=_child, args=(text, send))
    child.start()
    send.close()
    in_time = receive.poll(timeout)  # a row, or the pipe closed by a child that died
    try:
        row = receive.recv() if in_time else None
    except EOFError:
        row = None
    if not in_time:
        child.kill()  # our own child, over its time
    child.join()
    receive.close()
    if row is not None:
        return row
    if not in_time:
        return {"outcome": "timeout", "detail": f"over {timeout} s", "cpu": timeout, "rss_mb": None}
    return {"outcome": "crash", "detail": f"child died, exit code {child.exitcode}", "cpu": None, "rss_mb": None}


def _warm() -> None:
    """Load the rules, gazetteer and parser in the parent once, so children fork with them loaded."""
    from nato_briefs.api import read_article

    read_article((ROOT / "raw" / "004_664f1cef579698de.txt").read_bytes())


def fuzz(seed: int, n: int, timeout: float, out: Path | None, names: list[str] | None = None) -> list[dict]:
    articles = load_articles()
    _warm()
    rows = []
    sink = out.open("w") if out else None
    start = time.time()
    for index in range(n):
        name, size, k, text = build(seed, index, articles, names)
        nbytes = len(_as_bytes(text))
        row = {"index": index, "mutation": name, "size": size, "article": k, "bytes": nbytes, **measure(text, timeout)}
        row["us_per_byte"] = round(row["cpu"] * 1e6 / max(nbytes, 1), 2) if row["cpu"] is not None else None
        rows.append(row)
        if sink:
            sink.write(json.dumps(row) + "\n")
            sink.flush()
        if row["outcome"] in ("crash", "timeout", "bad_record"):
            print(f"!! {index} {name} size={size} bytes={nbytes}: {row['outcome']} {row['detail']}", flush=True)
        if (index + 1) % 100 == 0:
            print(f"{index + 1}/{n} inputs, {time.time() - start:.0f} s", file=sys.stderr, flush=True)
    if sink:
        sink.close()
    return rows


def summarize(rows: list[dict], top: int = 15) -> None:
    outcomes: dict[str, int] = {}
    for row in rows:
        outcomes[row["outcome"]] = outcomes.get(row["outcome"], 0) + 1
    total = sum(row["bytes"] for row in rows)
    print(f"{len(rows)} inputs, {total / 1e6:.1f} MB; outcomes: {json.dumps(outcomes, sort_keys=True)}")
    measured = [r for r in rows if r["cpu"] is not None and r["bytes"] >= 20_000]
    print(f"costliest per byte (inputs of 20 kB and more), of {len(measured)}:")
    print("| index | mutation | size | bytes | CPU s | us/byte | RSS MB | outcome |")
    print("|---:|---|---:|---:|---:|---:|---:|---|")
    for r in sorted(measured, key=lambda r: -r["us_per_byte"])[:top]:
        print(f"| {r['index']} | {r['mutation']} | {r['size']} | {r['bytes']:,} | {r['cpu']} | {r['us_per_byte']} "
              f"| {r['rss_mb']} | {r['outcome']} |")  # fmt: skip
    heavy = sorted((r for r in rows if r["rss_mb"] is not None), key=lambda r: -r["rss_mb"])[:5]
    print("largest RSS growth: " + ", ".join(f"{r['index']} {r['mutation']} {r['rss_mb']} MB" for r in heavy))


# ---------------------------------------------------------------------------------------------- scaling
def scaling(seed: int, bases: int, base_size: int, timeout: float, names: list[str]) -> None:
    """Each mutation at x1, x2, x4, x8 of ``base_size`` on ``bases`` articles: CPU seconds and ratios."""
    articles = load_articles()
    _warm()
    picks = random.Random(seed).sample(range(len(articles)), bases)
    print("| mutation | article | x1 CPU s (bytes) | x2 (ratio) | x4 (ratio) | x8 (ratio) | x8 us/byte | outcome x8 |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name in names:
        for k in picks:
            cells, previous, row = [], None, {}
            for factor in (1, 2, 4, 8):
                rng = random.Random(f"{seed}:{name}:{k}")  # the same choices at every size
                base = "\n\n".join([articles[k]] * factor * 4) if name in SIZE_FREE else articles[k]
                text = MUTATIONS[name](base, articles[(k + 1) % len(articles)], rng, base_size * factor)
                row = measure(text, timeout)
                nbytes = len(text.encode("utf-8", "surrogateescape"))
                cpu = row["cpu"]
                ratio = f" (x{cpu / previous:.1f})" if previous and cpu and row["outcome"] == "ok" else ""
                cells.append(f"{cpu:.3f}{ratio}" if factor > 1 else f"{cpu:.3f} ({nbytes:,})")
                previous = cpu if row["outcome"] == "ok" else None
                row["bytes"] = nbytes
            per_byte = row["cpu"] * 1e6 / row["bytes"] if row["cpu"] else 0
            print(f"| {name} | {k} | {' | '.join(cells)} | {per_byte:.1f} | {row['outcome']} |", flush=True)


def trigger_scaling(base_size: int, timeout: float, triggers: list[str]) -> None:
    """Every rule trigger in every shape at n and 4n (``trigger_block``, after the first seed article's text):
    CPU seconds and their ratio; linear work is about x4, and a ratio over x7 is flagged ``!!``."""
    _warm()
    base = (ROOT / "raw" / "004_664f1cef579698de.txt").read_text("utf-8")
    print("| trigger | shape | n CPU s (bytes) | 4n CPU s (bytes) | ratio | outcome 4n |")
    print("|---|---|---:|---:|---:|---|")
    wanted = [t for name in triggers for t in (sorted(TRIGGERS_ROUND3) if name == "round3" else [name])]
    for trigger in wanted or sorted(ALL_TRIGGERS):
        for shape in TRIGGER_SHAPES:
            cells, cpus, outcome = [], [], ""
            for size in (base_size, 4 * base_size):
                text = base + "\n" + trigger_block(trigger, shape, size) + "\n\nClosing text.\n"
                row = measure(text, timeout)
                cells.append(f"{row['cpu']:.3f} ({len(_as_bytes(text)):,})")
                cpus.append(row["cpu"] if row["outcome"] == "ok" else None)
                outcome = row["outcome"]
            ratio = cpus[1] / cpus[0] if cpus[0] and cpus[1] else None
            flag = " !!" if ratio and ratio > 7 and cpus[1] > 0.2 else ""
            shown = f"x{ratio:.1f}{flag}" if ratio else "-"
            print(f"| {trigger} | {shape} | {cells[0]} | {cells[1]} | {shown} | {outcome} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--n", type=int, default=3_000, help="inputs to fuzz")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds one input may take")
    parser.add_argument("--out", type=Path, help="write every row as JSON lines here")
    parser.add_argument("--scaling", action="store_true", help="the x1..x8 size check instead of the fuzz")
    parser.add_argument("--bases", type=int, default=3, help="articles per mutation in --scaling")
    parser.add_argument("--base-size", type=int, default=2_000, help="a mutation's size knob at x1 in --scaling")
    parser.add_argument("--triggers", action="store_true", help="every rule trigger and shape at n and 4n")
    parser.add_argument("--show", type=int, help="write input INDEX's bytes to stdout and stop")
    parser.add_argument(
        "mutations",
        nargs="*",
        help="only these mutations or groups (GROUPS); --triggers: triggers, round3 for TRIGGERS_ROUND3",
    )
    args = parser.parse_args(argv)
    if args.triggers:
        trigger_scaling(args.base_size, args.timeout, args.mutations)
        return 0
    names = mutation_names(args.mutations)
    if args.show is not None:
        sys.stdout.buffer.write(_as_bytes(build(args.seed, args.show, load_articles(), names)[3]))
        return 0
    if args.scaling:
        scaling(args.seed, args.bases, args.base_size, args.timeout, names)
        return 0
    summarize(fuzz(args.seed, args.n, args.timeout, args.out, names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
