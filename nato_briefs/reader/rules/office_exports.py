"""Shapes of content-system and office HTML exports (round 10, part A: ``tests/shapes_corpus/`` 526-550).

Each rule is a pure function of one line, anchored or possessive: linear in the line.
"""

from __future__ import annotations

import re

from nato_briefs.reader.rules.markup import html_block_tag

# A custom element's opening tag at the line's start (``<google-sheets-html-origin>``): HTML names custom
# elements with a hyphen after a lowercase letter, so no standard tag and no MDX component (``<Tabs>``) matches.
_CUSTOM_ELEMENT = re.compile(r" {0,3}+<([a-z][a-z0-9]*+(?:-[a-z0-9]++)++)(?=[\s/>])")
# A block element we read, anywhere further on the line.
_INNER_BLOCK = re.compile(r"<(?:table|ul|ol|h[1-6]|p|div|section|article)(?=[\s/>])", re.IGNORECASE)


def custom_element_block(line: str) -> str | None:
    """The custom element's name when a line opening with one holds a table, list, heading or paragraph.

    Google Sheets puts a copied range in ``<google-sheets-html-origin>`` and web components wrap content
    the same way; CommonMark reads such a line, whose tag is not alone on it, as a paragraph with inline
    tags, so the table's cells ran together as prose. A browser shows the table, as its author meant,
    so the line opens an HTML block kept to the custom element's closing tag (``custom_element``). A
    custom element holding no block (``<amp-img ...></amp-img>``, ``<my-badge>new</my-badge>`` text) is
    left to the markdown reading.
    """
    match = _CUSTOM_ELEMENT.match(line)
    if match is None or _INNER_BLOCK.search(line, match.end()) is None:
        return None
    return match.group(1)


# A line's leading document tags, "<body lang="en-GB" dir="ltr">" or "<html><body>" (``document_tags_block``).
_DOCUMENT_TAGS = re.compile(r" {0,3}+(?:<(?:html|body)(?=[\s>])[^<>]*+>[ \t]*+)++", re.IGNORECASE)


def document_tags_block(line: str) -> str | None:
    """The block element's name when a line opens with ``<html>``/``<body ...>`` and that element follows.

    LibreOffice Writer writes ``<body lang="en-GB" dir="ltr"><h1 class="western">NATO`` and goes on with the
    heading's text on the next line (it wraps its HTML source at about 80 columns). The reader opens no block
    at ``<body``, so the heading's first word became a heading of its own and the rest another. The line
    opens the block of the element after the document tags, as it would on a line of its own
    (``document_tags_block``); a ``<body>`` line holding only text is left to the markdown reading.
    """
    match = _DOCUMENT_TAGS.match(line)
    return None if match is None else html_block_tag(line[match.end() :])


# Elements whose content is raw text (CSS, JavaScript, JSON-LD), never the article's.
RAW_TEXT_TAGS = ("style", "script")


def unclosed_raw_element(line: str) -> str | None:
    """``style`` or ``script`` when a line of tags opens that element after others and leaves it open.

    A page exported whole (Medium, pandoc, AMP) writes ``<!DOCTYPE html><html><head>...<style>`` on its
    first line and the style sheet on the lines below. CommonMark's raw-text block opens only at the
    line's start, so the CSS rules below (``* { font-family: ... }``) were read as list items and prose.
    The element's lines up to its closing tag are raw text: one HTML block (``raw_element_run``). An
    element opened at the line's start is ``html_block``'s; one closed on its line needs nothing.
    """
    low = line.lower()
    for tag in RAW_TEXT_TAGS:
        at = low.rfind("<" + tag)
        if at > 0 and low[at + len(tag) + 1 : at + len(tag) + 2] in (">", " ", "\t") and low.find("</" + tag, at) < 0:
            return tag
    return None


# A blank line's stand-in inside a style sheet or script: an empty comment in both CSS and JavaScript.
_RAW_TEXT_COMMENT = "/**/"


def raw_text_blank(tag: str, line: str) -> str:
    """A blank line of a ``<style>`` or ``<script>`` element as an empty comment; any other line as it is
    (``raw_text_blank``).

    A page exported whole (Notion, a saved web page) opens ``<html><head>...<style>`` on its first line and
    parts its style sheet's rules by blank lines. That element is read as an HTML block behind a ``<div>``
    (``raw_element_run``), and CommonMark ends such a block at its first blank line: the rest of the style
    sheet and the whole page below became prose. A comment keeps the line, and the block, as a browser reads
    the element to its closing tag; the element's text is never read.
    """
    return _RAW_TEXT_COMMENT if tag in RAW_TEXT_TAGS and not line.strip() else line
