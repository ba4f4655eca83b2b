"""Tests of the rules in ``nato_briefs/reader/rules/wiki_exports.py``: each rule's positive and near-miss cases."""

from __future__ import annotations

import pytest

from nato_briefs.reader import rules


# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
@pytest.mark.parametrize(
    ("prev", "line", "expected"),
    [("-   ✅", '<a href="https://wiki.example.org/~js">Jane Smith</a>', True),
     ('-   🔲 <span class="tasks">', '<a href="x">Anna Kowalska</a></span>', True),
     ('-   ✅ <span class="tasks" style="color: rgb(23,', '43,77);">Marco Rossi</span>', True),
     ("* ☑", "<strong>Pierre Dubois</strong> (chair)", True),
     # near misses: a finished item, a block tag below, a comparison sign, a check mark beside words,
     # no tag below, no item
     ('-   ✅ <a href="x">Pierre Dubois</a>', '<a href="y">Anna Kowalska</a>', False),
     ("-   ✅", "<div>Reviewers</div>", False), ("-   ✅", "<!-- reviewers -->", False),
     ("- Allies spend < 2% on", "<b>Note</b>", False), ("- ✅ Done", '<a href="x">Jane Smith</a>', False),
     ("-   ✅", "Jane Smith", False), ("Reviewed by ✅", '<a href="x">Jane Smith</a>', False)],
)  # fmt: skip
def test_item_runs_onto_tag(prev, line, expected):
    assert rules.item_runs_onto_tag(prev, line) is expected


def test_an_item_takes_the_name_below_its_check_mark():
    from nato_briefs import read_article

    article = read_article('# Review\n\n-   ✅\n<a href="x">Jane Smith</a>\n-   ✅ Marco Rossi\n\n<div>End.</div>\n')
    assert [item.text for item in article.list_items] == ["✅ Jane Smith", "✅ Marco Rossi"]


@pytest.mark.parametrize(
    ("line", "nxt", "expected"),
    [("**Proposal: Exerciser (Maria", "Lopez)**", "**Proposal: Exerciser (Maria Lopez)**"),
     ("__Logistics Exerciser for the", "Surveillance data__", "__Logistics Exerciser for the Surveillance data__"),
     # near misses: bold closed on the first line, bold opened again below, no closing, a space inside the bold
     ("**Agenda**", "- Item", None), ("**Proposal", "**Lopez**", None), ("**Proposal for the", "Lopez)", None),
     ("** Proposal for the", "Lopez)**", None), ("**Proposal for the", "Lopez **", None),
     ("*Proposal for", "Lopez)*", None)],
)  # fmt: skip
def test_wrapped_bold_line(line, nxt, expected):
    assert rules.wrapped_bold_line(line, nxt) == expected


def test_a_wrapped_bold_sentence_stays_prose():
    from nato_briefs import read_article

    article = read_article("# Minutes\n\n**Allies agreed to fund the drill for two more\nyears, with a review.**\n")
    assert [s.heading for s in article.sections] == ["Minutes"]
    assert "two more years, with a review." in article.sections[0].text


@pytest.mark.parametrize(
    ("line", "expected"),
    [('# A01 ![icon](a.png){: style="height:80px;width:80px" align="right"}', "# A01 ![icon](a.png)"),
     ('![Logo](a.png){:class="img-responsive"} text', "![Logo](a.png) text"),
     ("## Prevention {: #prevent .x }", "## Prevention "),
     ("Run `make`{: .language-sh } first.", "Run `make` first."), ("see [x](y){: title='Two words'}", "see [x](y)"),
     # near misses: no colon (a brace group of text), words that are no attributes, kramdown's contents marker
     ("Budget {2025}", "Budget {2025}"), ("Set {: not an attribute}", "Set {: not an attribute}"),
     ("{:toc}", "{:toc}")],
)  # fmt: skip
def test_strip_span_attributes(line, expected):
    assert rules.strip_span_attributes(line) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [(["{{< figure", '  src="/x.png"', '  alt="Cover"', ">}}"], 3), (["  {{% notice info", "Read it. %}}"], 1),
     # near misses: closed on its line, a blank line first, another tag first, text after the closer, no closer
     (['{{< figure src="/x.png" >}}', "Text."], None), (["{{< figure", "", ">}}"], None),
     (["{{< figure", "{{< x >}}", ">}}"], None), (["{{< figure", ">}} and text"], None),
     (["{{< notice", "Text."], None), (["{{ .Title", "}}"], None)],
)  # fmt: skip
def test_shortcode_end(lines, expected):
    assert rules.shortcode_end(lines, 0) == expected


@pytest.mark.parametrize(
    ("nxt", "expected"),
    [("to take a closer look at the findings.", True), ("  and the data set.", True), ("*or* read it online.", True),
     # near misses: a blank line, a capitalised line, an item, a heading, CJK text
     ("", False), ("Allies use shared tools.", False), ("- Publish the data.", False), ("## Next", False),
     ("北约峰会举行", False)],
)  # fmt: skip
def test_bold_runs_on(nxt, expected):
    assert rules.bold_runs_on(nxt) is expected
