"""Docs and news site rules (``rules/docs_sites.py``), each with its positive and near-miss cases."""

from __future__ import annotations

import pytest

from nato_briefs import read_article
from nato_briefs.reader import rules
from nato_briefs.reader.rules import docs_sites


def _prose(text: str) -> str:
    return "\n".join(s.text for s in read_article(text).sections)


# --------------------------------------------------------------------------- snippet_include (sweep 15)

SNIPPET = (
    '# Data documentation\n\n!!! success "Compliance Info"\n\n    --8<-- "docs/_compliance-info-box.partial"\n\n'
    '## Rationale\n\n--8<-- "docs/_shared/rationale-note.md"\n\nData documentation is a key practice.\n'
)


def test_snippet_include_is_markup():
    for line in ('--8<-- "docs/_info-box.partial"', "--8<-- 'x.md'", '    --8<-- "x.md"', "--8<--", "---8<---"):
        assert docs_sites.is_snippet_include(line), line
    prose = _prose(SNIPPET)
    assert "--8<--" not in prose and ".partial" not in prose and "rationale-note" not in prose
    assert "Compliance Info" in prose and "Data documentation is a key practice." in prose


def test_snippet_include_near_misses():
    for line in ("----", "-- 8 ships", 'See --8<-- "x.md" here', "--8<-- docs/x.md", "- 8<"):
        assert not docs_sites.is_snippet_include(line), line
    assert "-- 8 ships sailed." in _prose("# Fleet\n\n-- 8 ships sailed.\n")


# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
@pytest.mark.parametrize(
    ("below", "expected"),
    [("## Empty lists", True), ("### When does it change?", True), ("#", True), ("   ## Next", True),
     (":::", True), ("::::  ", True),
     # near misses: a hashtag, an opening container, text, a fence, nothing (the article's end is asked elsewhere)
     ("#NATO75 was trending", False), ("::: {.callout-note}", False), ("::: tip", False),
     ("The exercise runs in May.", False), ("```", False), ("", False), ("    ## indented code", False)],
)  # fmt: skip
def test_heads_nothing(below, expected):
    assert docs_sites.heads_nothing(below) is expected


def test_a_line_over_the_next_heading_is_its_sections_prose_and_a_line_over_text_a_title():
    from nato_briefs import read_article

    shown = read_article("# Notes\n\n## Air policing\n\nAir policing now runs from the Baltic\n\n## Reviews\n\nText.\n")
    assert [s.heading for s in shown.sections] == ["Notes", "Air policing", "Reviews"]
    assert shown.sections[1].text == "Air policing now runs from the Baltic"
    titled = read_article("# Notes\n\nIntro.\n\nKey Dates\n\nThe exercise runs in May.\n\n## Reviews\n\nText.\n")
    assert [s.heading for s in titled.sections] == ["Notes", "Key Dates", "Reviews"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("2024 年 12 月 05 日 [The Press Office](/team)", True),
     ("2023년 3월 16일, [Jane Smith](https://x.org), [Marco Rossi](https://y.org)", True),
     ("2025 年 2 月 14 日，作者：新闻处", True), ("2024年5月22日 [新闻处](/press)", True),
     # near misses: a date alone, a date and an event's name, an English date, a date inside a sentence
     ("2024年5月22日", False), ("2024年5月22日 北约峰会", False), ("June 5, 2025 [Press](/p)", False),
     ("会议于 2024年5月22日 举行 [详情](/x)", False)],
)  # fmt: skip
def test_is_cjk_dated_byline(line, expected):
    assert rules.is_cjk_dated_byline(line) is expected
    assert "cjk_byline" in rules.RULES


@pytest.mark.parametrize(
    ("below", "expected"),
    [("</Diagram>", True), ("</figure>", True), ("  </details>  ", True),
     # near misses: an opening tag, a closing tag with text, text
     ('<Diagram name="x">', False), ("</b> and more", False), ("Each layer is run by a lead nation.", False)],
)  # fmt: skip
def test_closes_container(below, expected):
    assert rules.closes_container(below) is expected
    assert docs_sites.heads_nothing(below) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [('## Overview {{ osib_anchor(osib=osib ~ ".overview", id=id ~ "-x", name=title ~ ": Overview") }}', "## Overview"),
     ("### Findings {{ anchor(id='findings') }} ##", "### Findings"), ("# Plan {{- mark() -}}", "# Plan"),
     # near misses: a variable, a call inside the heading, a call in prose, a heading that is only the call
     ("## Budget {{ year }}", "## Budget {{ year }}"), ("## {{ name() }} plan", "## {{ name() }} plan"),
     ('Rose {{ osib_link(text="fifth") }}', 'Rose {{ osib_link(text="fifth") }}'),
     ("## {{ title() }}", "## {{ title() }}")],
)  # fmt: skip
def test_strip_heading_template_call(line, expected):
    assert rules.strip_heading_template_call(line) == expected


@pytest.mark.parametrize(
    ("prev", "line", "nxt", "expected"),
    [("- [Air data exchange](https://x.org/asde)", "  – for one-way traffic, such as tracks.", "- [B](y)", True),
     ("1. Secure voice between national", "   — for urgent warnings.", "", True),
     # near misses: a finished item, a capital after the dash, a second dash line (a nested list), not indented,
     # under a dash item, under prose
     ("- Secure voice.", "  – for urgent warnings.", "", False), ("- Channels", "  – Voice", "", False),
     ("- Activities", "  – patrols", "  – exercises", False), ("- Channels", "– voice", "", False),
     ("– Channels", "  – voice", "", False), ("Channels are", "  – voice", "", False)],
)  # fmt: skip
def test_item_wraps_before_dash(prev, line, nxt, expected):
    assert rules.item_wraps_before_dash(prev, line, nxt) is expected
