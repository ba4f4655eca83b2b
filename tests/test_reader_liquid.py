"""Jekyll's Liquid markup on government and NGO sites (``rules/liquid.py``, real-world sweeps 13 and 15,
bench/REALWORLD.md), each rule with its positive and near-miss cases."""

from __future__ import annotations

from nato_briefs import read_article
from nato_briefs.reader.rules import liquid


def prose(text: str) -> str:
    return "\n".join(s.text for s in read_article(text).sections)


def items(text: str) -> list[str]:
    return [i.text for i in read_article(text).list_items]


INCLUDE = [
    "{% include components/complex-img.html",
    '   alt="A chart of the votes."',
    '   content="<ol>',
    "    <li>Summit programme</li>",
    '  </ol>"',
    "%}",
]


def test_a_liquid_tag_over_several_lines_closes_on_its_last_line():
    assert liquid.liquid_tag_end(INCLUDE, 0) == 5
    text = "Seven tasks led the votes:\n\n" + "\n".join(INCLUDE) + "\n\nThe study closed in June.\n"
    assert items(text) == []
    assert "include" not in prose(text) and "chart" not in prose(text)
    assert "The study closed in June." in prose(text)


def test_an_unclosed_or_one_line_liquid_tag_is_no_multiline_tag():
    assert liquid.liquid_tag_end(["{% include note.html %}", "Text."], 0) is None  # closed on its own line
    assert liquid.liquid_tag_end(["{% include figure.html", 'alt="x"', "", "%}"], 0) is None  # a blank line first
    assert liquid.liquid_tag_end(["{% if site.show", "Text %} goes on"], 0) is None  # "%}" inside a line of text
    assert liquid.liquid_tag_end(["{{ site.title", "}}"], 0) is None  # not a tag
    assert liquid.liquid_tag_end(["The {% raw", "%}"], 0) is None  # not at the line's start


def test_a_line_of_template_tags_only_is_markup():
    line = "{% capture hero_title %}{{ site.data.t.hero.title[page.lang] }}{% endcapture %}"
    assert liquid.is_template_tag_run(line)
    assert liquid.is_template_tag_run("{{ site.data.form.service }} {{ site.data.form.type }}")
    text = f"{line}\n\nThe archive records the terms of service.\n"
    assert prose(text).strip() == "The archive records the terms of service."


def test_a_line_with_words_between_its_tags_is_text():
    assert not liquid.is_template_tag_run("{{ page.title }} was held in {{ page.city }}")
    assert not liquid.is_template_tag_run("{% if a %}")  # one tag: template_tag_line's
    assert not liquid.is_template_tag_run("Budget {2025} {2026}")
    assert not liquid.is_template_tag_run("{% raw %}{{ updated }}{% endraw %}")  # printed as written
    assert "was held in" in prose("{{ page.title }} was held in {{ page.city }}.\n")


def test_a_link_target_padded_around_its_template_expression_is_a_link():
    line = '* [Labelling study]( {{ "/2020/10/02/labelling-study" | prepend: site.urlalt[ page.language ] }} )'
    assert liquid.mend_padded_template_links(line) == "* [Labelling study](#)"
    assert items(line + "\n") == ["Labelling study"]
    assert items('* [Outcomes]({{ "/x" | prepend: site.url }} )\n') == ["Outcomes"]


def test_a_parenthesis_holding_an_expression_and_words_is_no_link():
    line = "See the [annex] ( {{ page.annex }} ) and ( {{ x }} plus text )"
    assert liquid.mend_padded_template_links(line) == line
    assert liquid.mend_padded_template_links("[Plan]( /x/plan.pdf )") == "[Plan]( /x/plan.pdf )"


# --------------------------------------------------------------------------- inline_liquid_tag (sweep 15)

NEWSLETTER = (
    "# News\n\n{% comment %}<!-- https://example.int/search -->{% endcomment %}\n\n"
    '- Signing devices over QR codes were discussed. {% assign timestamp="1:27" %}\n\n'
    'The discussion continues on the mailing list. {% assign timestamp="1:40" %}\n\n'
    'Results of the exercise were posted. {% assign timestamp="1:52" %}\n'
)


def test_inline_liquid_tag_is_markup():
    assert liquid.strip_liquid_tags('in a single step. {% assign timestamp="37:15" %}') == "in a single step."
    assert liquid.strip_liquid_tags("{% comment %}<!-- x -->{% endcomment %}") == ""
    assert liquid.strip_liquid_tags("a {% comment %}draft{% endcomment %} b") == "a  b"
    article = read_article(NEWSLETTER)
    assert [i.text for i in article.list_items] == ["Signing devices over QR codes were discussed."]
    assert [s.heading for s in article.sections] == ["News"]  # "... mailing list." no longer looks like a title
    assert "{%" not in prose(NEWSLETTER) and "comment" not in prose(NEWSLETTER)


def test_inline_liquid_tag_near_misses():
    assert liquid.strip_liquid_tags("{% include note.html %}") == "{% include note.html %}"  # the line rules' own
    code = "Write `{% include note.html %}` in the page."
    assert liquid.strip_liquid_tags(code) == code  # a code span: a tutorial's example, text
    assert liquid.strip_liquid_tags("A 50% share {% if x %}") == "A 50% share"
    assert liquid.strip_liquid_tags('{% assign x = "50%" %} rest') == '{% assign x = "50%" %} rest'
    assert liquid.strip_liquid_tags("{% comment %} left open") == "{% comment %} left open"
    raw = "{% raw %}{{ updated }}{% endraw %}"
    assert liquid.strip_liquid_tags(raw) == raw  # raw prints what it wraps: the line as sweep 13 reads it


# --------------------------------------------------------------------------- template_element (sweep 16)

ADVISORIES = (
    "---\ntitle: Security Advisories\n---\n\n## Past Security Advisories\n\n"
    "{% for post in advisories %}\n  <article>\n"
    '    <h2><a href="{{ post.url }}">{{ post.title }}</a></h2>\n'
    "    <p>{{ post.excerpt | markdownify | strip_html | truncate: 200 }}</p>\n"
    "  </article>\n{% endfor %}\n"
)


def test_template_element_holds_no_text():
    assert liquid.is_template_output("{{ post.title }}")
    assert liquid.is_template_output("{{ post.excerpt | strip_html }} {{ post.date }}")
    article = read_article(ADVISORIES)
    assert [s.heading for s in article.sections if s.heading] == ["Past Security Advisories"]
    assert "{{" not in prose(ADVISORIES)


def test_template_element_near_misses():
    assert not liquid.is_template_output("Published on {{ post.date }}")  # the author's words around it
    assert not liquid.is_template_output("Allied advisories")
    page = "## Advisories\n\n<h2>Allied advisories</h2>\n<p>Published on {{ post.date }}</p>\n"
    assert [s.heading for s in read_article(page).sections if s.heading] == ["Advisories", "Allied advisories"]
    assert "Published on {{ post.date }}" in prose(page)


# --------------------------------------------------------------------------- liquid_highlight (sweep 16)

HIGHLIGHT = (
    "## Comic relief\n\n{% highlight text %}\ngmaxwell:  okay, we're going on a tangent.\n"
    "sipa:      going on a tangent is a sin\nmorcos:    oh no\n{% endhighlight %}\n\n"
    "## Participants\n\nEveryone present agreed to meet again.\n"
)


def test_liquid_highlight_is_code():
    assert liquid.highlight_fence("{% highlight text %}") == liquid.HIGHLIGHT_FENCE + "text"
    assert liquid.highlight_fence("{% highlight ruby linenos %}") == liquid.HIGHLIGHT_FENCE + "ruby"
    assert liquid.closes_highlight("{% endhighlight %}") and liquid.closes_highlight("{%- endhighlight -%}")
    article = read_article(HIGHLIGHT)
    assert [s.heading for s in article.sections] == ["Comic relief", "Participants"]
    assert "tangent" not in prose(HIGHLIGHT) and "Everyone present agreed to meet again." in prose(HIGHLIGHT)


def test_liquid_highlight_near_misses():
    assert liquid.highlight_fence("{% highlight %}") is None  # no language: no tag Jekyll knows
    assert liquid.highlight_fence("Use {% highlight text %} for logs.") is None  # inside a sentence
    assert not liquid.closes_highlight("{% endhighlight %} and more")
    unclosed = "## Notes\n\n{% highlight text %}\nThe Allies met again.\n"
    assert "The Allies met again." in prose(unclosed)  # no closing tag: Jekyll would refuse it, the text stays


# --------------------------------------------------------------------------- mdbook_include (sweep 18)

COUNCIL_REPORT = (
    "# Ordinance 38: reissue fees\n\n{{#include ../partials/councillor-speaks.md:1}} The ordinance removes the fee "
    "for reissuing the notification card.\n\n{{#include ../partials/voting-notes.md}}\n\n"
    "The committee approved it {{#playground ../listings/vote.rs}} without a vote against.\n"
)


def test_mdbook_include_goes_and_its_text_stays():
    assert liquid.strip_mdbook_includes("{{#include ../partials/speak.md:1}} Allies met.") == "Allies met."
    assert liquid.strip_mdbook_includes("Text {{#rustdoc_include ../src/main.rs:2:4}} more") == "Text more"
    assert liquid.LIQUID_RULES["mdbook_include"] is liquid.strip_mdbook_includes
    text = prose(COUNCIL_REPORT)
    assert "The ordinance removes the fee for reissuing the notification card." in text
    assert "The committee approved it without a vote against." in text
    assert "include" not in text and "partials" not in text and "playground" not in text


def test_mdbook_include_near_misses():
    code = "Write `{{#include file.rs}}` to pull the listing in."
    assert liquid.strip_mdbook_includes(code) == code  # in a code span: mdBook's own guide, text
    for kept in ("{{#each allies}} stays", "The {{ site.title }} page", "{{#include}} alone, no path"):
        assert liquid.strip_mdbook_includes(kept) == kept  # other expressions: a template's, not an include
    assert "{{#each allies}} are listed." in prose("# Allies\n\n{{#each allies}} are listed.\n")
