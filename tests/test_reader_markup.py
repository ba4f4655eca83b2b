"""What a line's markup means (``rules/markup.py``), each rule with its positive and near-miss cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs import read_article
from nato_briefs.reader import rules
from nato_briefs.reader.rules import markup
from nato_briefs.reader.rules.markup import is_label_line
from tests.reading import md_headings

# -------------- lowercase_content_word: a sentence of names or a Title Case heading (session 16, the seeds re-rendered)


def _article_headings(text: str) -> list[str | None]:
    return [s.heading for s in read_article(text).sections]


def _article_prose(text: str) -> str:
    return "\n".join(s.text for s in read_article(text).sections)


def test_lowercase_content_word_tells_a_sentence_of_names_from_title_case():
    assert markup.has_lowercase_content_word("The visit of NATO Deputy Secretary General to the United")


def test_lowercase_content_word_near_misses():
    assert not markup.has_lowercase_content_word("Commitment to Deepening Partnership Amid Emerging Global Threats")
    assert not markup.has_lowercase_content_word("Allies Meet with Partners from the Pacific")


# ------------------------------------------------------------------------ template_link_path, data_attribute (sweep 12)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("See [the directive]({{ site.baseurl }}/assets/ed-25-01.pdf).", "See [the directive](#)."),
     ("* [Guide]({{ site.baseurl }}/{{ page.collection }}/guide.html)", "* [Guide](#)"),
     ("[Plan]({% link _docs/plan.md %})", "[Plan](#)"), ("[Plan]({{ '/x/' | relative_url }})", "[Plan](#)"),
     # near misses: no template at the target's start, a space after the path, no closing parenthesis
     ("[Plan](https://nato.int/{{ x }}/a)", "[Plan](https://nato.int/{{ x }}/a)"),
     ("[Plan]({{ x }}/a b)", "[Plan]({{ x }}/a b)"), ("[Plan]({{ x }}/a", "[Plan]({{ x }}/a")],
)  # fmt: skip
def test_template_link_path(line, expected):
    assert rules.mend_template_links(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Related requirements { data-search-exclude }", "Related requirements"),
     ("Requirements {#req .wide data-toc-label=Req}", "Requirements"), ("Sources {data-search-exclude}", "Sources"),
     # near misses: a year, a word, a bare "data-" in braces
     ("Budget {2025}", "Budget {2025}"), ("Results { database }", "Results { database }"),
     ("Notes { data- }", "Notes { data- }")],
)  # fmt: skip
def test_data_attribute(text, expected):
    assert rules.strip_heading_attributes(text) == expected


# --------------------------------------------------------------------------- question_label (sweep 14)


def test_a_bold_question_with_its_answer_on_the_line_is_a_labelled_answer():
    assert is_label_line("**Is the exploit method known?** Yes")
    assert is_label_line("**Access to the exploit sample?** No")
    text = "# Review\n\nIntro.\n\n**Is the exploit method known?** Yes\n\nThe patch shipped in May.\n"
    assert _article_headings(text) == ["Review"]
    assert "Is the exploit method known? Yes" in _article_prose(text)


def test_a_bold_question_alone_or_without_its_mark_stays_a_title():
    assert not is_label_line("**Is the exploit method known?**")  # a whole-line bold title
    assert not is_label_line("**Why NATO** Matters")  # no question mark, no colon: not a label
    text = "# Review\n\nIntro.\n\n**Is the exploit method known?**\n\nYes, since 2019.\n"
    assert _article_headings(text) == ["Review", "Is the exploit method known?"]
# --------------------------------------------------------------------------- open_span_wrap (sweep 15)


def test_wraps_inside_span():
    assert markup.wraps_inside_span("-   [Understanding and Using the Allied", "Air Policing Handbook for Baltic")
    assert markup.wraps_inside_span("* ... with the title “Baltic Air", "Policing Roster.” If necessary, ...")
    assert markup.wraps_inside_span("Air Policing Handbook for Baltic", "Detachments](https://x.int/h.pdf)")
    text = (
        "# Sources\n\n-   [Understanding and Using the Allied\nAir Policing Handbook for Baltic\n"
        "Detachments](https://x.int/h.pdf)\n-   [Rotation Schedule](https://x.int/r.html)\n"
    )
    names = [i.text for i in read_article(text).list_items]
    handbook = "Understanding and Using the Allied Air Policing Handbook for Baltic Detachments"
    assert names == [handbook, "Rotation Schedule"]


def test_wraps_inside_span_near_misses():
    assert not markup.wraps_inside_span("- [Plans](https://x.int/p)", "Ministers met on Tuesday.")
    assert not markup.wraps_inside_span("the “Plan” stands", "Ministers met on Tuesday.")
    assert not markup.wraps_inside_span("- [A short guide](https://x.org/g)", "](y)")  # no text before "]("
    assert not markup.wraps_inside_span("- [x] done", "Next steps follow.")
    text = "# Plan\n\n- Publish the roster at [the portal](https://x.int).\nMinisters met on Tuesday.\n"
    assert [i.text for i in read_article(text).list_items] == ["Publish the roster at the portal."]


# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Table 1: Priorities", True),
        ("**Figure 2.** Map", True),
        ("Chart 3 – Spending", True),
        ("Source: NATO", True),
        ("Sources: NATO, EU", True),
        ("Notes: provisional", True),
        ("Note : provisional", True),
        ("Table: Climate priorities by area", True),
        ("Photo: NATO Allied Land Command", True),
        ("*Photo credit: NATO*", True),
        ("Image: a convoy in Poland", True),
        ("Table Talk at the Summit", False),
        ("Sourcing Ammunition", False),
        ("Photographers at the Summit", False),
    ],
)
def test_caption(text, expected):
    assert rules.is_caption(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("defence.[^1]", "defence."),
        ("defence. [^1] [^note-2] ", "defence."),
        ("Priorities", "Priorities"),
        ("See [the plan]", "See [the plan]"),
        ("a [^ b]", "a [^ b]"),
        ("x[^]", "x[^]"),
        ("done.[^1] more", "done.[^1] more"),
    ],
)
def test_strip_footnote_refs(text, expected):
    assert rules.strip_footnote_refs(text) == expected


@given(st.text(alphabet="[^]1 a.", max_size=60))
@settings(max_examples=200)
def test_strip_footnote_refs_only_removes_a_suffix(text):
    out = rules.strip_footnote_refs(text)
    assert text.startswith(out)
    assert len(out) == len(out.rstrip()) or not out.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Allies met.<br>", "Allies met."),
        ("Allies met.<br />  ", "Allies met."),
        ("They agreed.</span></p>", "They agreed."),
        ("defence.[^1]<br>", "defence."),
        ("5 > 3", "5 > 3"),
        ("a < b >", "a < b >"),
        ("x <br", "x <br"),
    ],
)
def test_strip_trailing_markup(text, expected):
    assert rules.strip_trailing_markup(text) == expected


def test_strip_trailing_tags_leaves_footnotes_and_vice_versa():
    assert rules.strip_trailing_tags("met.[^1]<br>") == "met.[^1]"
    assert rules.strip_footnote_refs("met.<br>[^1]") == "met.<br>"


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Best regards,", True), ("the first; ", True), ("Dear colleagues.", False), ("Priorities", False)],
)
def test_leaves_sentence_open(line, expected):
    assert rules.leaves_sentence_open(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Allied Ministers Agree on New Plans", True),
        ("ALLIED MINISTERS MEET", True),
        ("The meeting brought together ministers from all", False),
        ("NATO", True),
    ],
)
def test_title_case(text, expected):
    assert rules.is_title_case(text) is expected


@pytest.mark.parametrize(
    ("line", "tag"),
    [("<table>", "table"), ('<TABLE class="x">', "table"), ("   <ul>", "ul"), ("<h2>T</h2>", "h2"), ("<p>", "p")],
)
def test_html_block_tag(line, tag):
    assert rules.html_block_tag(line) == tag


@pytest.mark.parametrize("line", ["<br>", "<span>x</span>", "    <table>", "<tablex>", "text <table>"])
def test_html_block_tag_rejects(line):
    assert rules.html_block_tag(line) is None


def test_tag_balance():
    assert rules.tag_balance("<ul><li>a</li><ul>", "ul") == 2
    assert rules.tag_balance("</ul></UL>", "ul") == -2
    assert rules.tag_balance("<p>x</p><pre>", "p") == 0
    assert rules.tag_balance('<table border="1">', "table") == 1


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("» an odd bullet", True),
        ("→ arrow item", True),
        ("A. Capital enumerator", True),
        ("Home | News | About", True),
        ("<li>stray", True),
        ("o ", False),
        ("Allies met on Monday.", False),
        ("U.S. officials said", False),
        ('"Quoted," he said.', False),
        ("2024 was a year of change.", False),
        ("Allies write `a | b` in the cell", False),  # a pipe quoted in a code span
        ("See the [[Readiness Plan|plan]] here", False),  # a wiki link's pipe
        ("For instance, `<table>` is a tag", False),
        ("Quoted `<li>` but then <li>stray", True),
        ("Unclosed `quote | then pipe", True),
    ],
)
def test_looks_like_structure(line, expected):
    assert rules.looks_like_structure(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Priorities {#priorities}", "Priorities"),
        ("Priorities {#p .unnumbered key=value}", "Priorities"),
        ("Next Steps {-}", "Next Steps"),
        ("Budget {2025}", "Budget {2025}"),
        ("{#only}", "{#only}"),
        ("Set {a, b}", "Set {a, b}"),
        ("Priorities", "Priorities"),
    ],
)
def test_strip_heading_attributes(text, expected):
    assert rules.strip_heading_attributes(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (":::", True),
        ("::: {.note}", True),
        (":::: warning", True),
        ("{: .lead}", True),
        ("::: Allies met in Brussels", False),
        (": Table caption", False),
        ("{: x} y", False),
        ("{2025}", False),
    ],
)
def test_is_attribute_line(line, expected):
    assert rules.is_attribute_line(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Reporting by Jane Doe; Editing by John Roe)", True),
        ("(Updated)", True),
        ("(a) Cyber", False),
        ("Cyber (and Space)", False),
        ("(NATO) and (EU)", False),
        ("[Applause]", True),  # a transcript's stage direction
        ("[Laughter]", True),
        ("[Priorities](#priorities)", False),  # a link, not a bracketed aside
        ("[Baltic Sea]{.mark}", False),  # a pandoc span
        ("[x] and [y]", False),
        ("[Applause)", False),
    ],
)
def test_is_parenthetical(text, expected):
    assert rules.is_parenthetical(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("*Sensors: buy radars", True), ("**Bold Title**", False), ("*Italic Title*", False), ("Plain", False)],
)
def test_is_unclosed_star_line(text, expected):
    assert rules.is_unclosed_star_line(text) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("the next five years.", True),
        ("`enum` definition.", True),  # a code span never opens a sentence of news prose
        ("`>` character.", True),
        ("`<![CDATA[`.", True),
        ("*or* jump elsewhere", True),
        ("[detailed notes](https://x.y) for it", True),
        ("  (b) an image description", True),
        ("“quoted” words", True),
        ("“Quoted” words", False),
        ("The Alliance agreed.", False),
        ("**Allies** agreed.", False),
        ("[NATO](https://nato.int) agreed.", False),
        ("> for a block quote", False),  # a block quote, not a continuation
        ("```", False),  # a fence
        ("2026 budget", False),
        ("*** ", False),
        ("", False),
    ],
)
def test_opens_mid_sentence(line, expected):
    assert rules.opens_mid_sentence(line) is expected


@given(st.text(alphabet="`*_[(\"' aAbB1>#", max_size=30))
@settings(max_examples=300)
def test_opens_mid_sentence_follows_the_first_letter_behind_markup(line):
    body = line.lstrip(" \t")
    got = rules.opens_mid_sentence(line)
    if body[:1] == "`" and not body.startswith("```"):
        assert got
    elif body[:1] in ("*", "_", "[", "(", '"', "'"):
        first = next((ch for ch in body if ch.isalnum()), "")
        assert got is (first.isalpha() and first.islower())
    elif body[:1].isalpha():
        assert got is body[0].islower()
    else:
        assert not got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pandoc's website contains a full [User's", True),
        ("We are thrilled to announce that [Alex", True),
        ("[Draft] Allies Agree Cyber Targets", False),
        ("Allies Agree [Cyber] Targets", False),
        ("Allies Agree Cyber Targets", False),
        ("] closing only", False),
    ],
)
def test_leaves_link_open(text, expected):
    assert rules.leaves_link_open(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**Progress:** The Rust project has made progress", True),
        ("**Progress**: The project has made progress", True),
        ("__Goals:__ More capable forces by 2030", True),
        ("**Key outcomes:**", False),  # a bold title alone
        ("**Key outcomes**:", False),
        ("**Key Outcomes** of the Summit", False),  # no colon: not a label
        ("Progress: the project", False),  # not bold
        ("**unclosed: text", False),
        ("****: x", False),
    ],
)
def test_is_label_line(text, expected):
    assert rules.is_label_line(text) is expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ('<img src="logo.svg" height=150 alt="Keep a Changelog" />', "Keep a Changelog"),
        ("<IMG SRC='x.png' ALT='NATO emblem'>", "NATO emblem"),
        ("<img src=x.png alt=Emblem>", "Emblem"),
        ('<img src="x.png">', ""),  # an image without alt text: nothing
        ('<img data-alt="no" src="x.png">', ""),
        ("<br>", None),
        ("<imgx alt='no'>", None),
        ("<span alt='no'>", None),
    ],
)
def test_image_alt(tag, expected):
    assert rules.image_alt(tag) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("> [!NOTE]", "> "),
        ("> [!NOTE] Allies agreed.", "> Allies agreed."),
        ("> [!info]- Screenshot of the plan", "> Screenshot of the plan"),
        ("> > [!tip]+ Nested", "> > Nested"),
        ("   >[!warning]", "   >"),
        ("> [NOTE] not an alert", "> [NOTE] not an alert"),
        ("> Allies [!NOTE] inside", "> Allies [!NOTE] inside"),
        ("[!NOTE] outside a quote", "[!NOTE] outside a quote"),
        ("    > [!NOTE] indented code", "    > [!NOTE] indented code"),
    ],
)
def test_strip_callout_marker(line, expected):
    assert rules.strip_callout_marker(line) == expected


@given(st.text(alphabet="> [!]Nab+-\t", max_size=40))
@settings(max_examples=300)
def test_strip_callout_marker_only_removes_the_marker(line):
    out = rules.strip_callout_marker(line)
    if out == line:
        return
    # one piece cut out, right behind the quote markers: "[!" + a name + "]" (+ "+"/"-", blanks)
    quotes = line[: len(line) - len(line.lstrip(" >\t"))]
    cut = line[len(quotes) : len(line) - (len(out) - len(quotes))]
    assert out == quotes + line[len(quotes) + len(cut) :]
    assert cut.startswith("[!") and "]" in cut and set(quotes) <= {" ", ">", "\t"} and ">" in quotes


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (": An in-memory cache.", 2),
        ("  ~ It will appear verbatim", 4),
        (":   Specify input format.", 4),
        ("::: {.note}", None),  # a fenced div
        (":", None),
        (": ", None),
        ("    : indented code", None),
        ("Term: definition", None),
        ("~~strike~~", None),
    ],
)
def test_definition_start(line, expected):
    assert rules.definition_start(line) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See [[Readiness Action Plan]] now", "See Readiness Action Plan now"),
        ("See [[Readiness Action Plan|the plan]] now", "See the plan now"),
        ("[[#Customize callouts]]", "Customize callouts"),
        ("[[Plan#Air Defence]]", "Plan > Air Defence"),
        ("[[Plan#^37066d]]", "Plan"),
        ("A map ![[eastern-flank.png]] here", "A map  here"),
        ("A map ![[eastern-flank.png|300]] here", "A map  here"),
        ("[not a wiki link]", "[not a wiki link]"),
        ("[[unclosed", "[[unclosed"),
        ("[[a]b]]", "[[a]b]]"),
    ],
)
def test_replace_wikilinks(text, expected):
    assert rules.replace_wikilinks(text) == expected


@given(st.text(alphabet="[]|!#^ab \n", max_size=40))
@settings(max_examples=300)
def test_replace_wikilinks_leaves_no_link_and_keeps_other_text(text):
    out = rules.replace_wikilinks(text)
    assert rules.replace_wikilinks(out) == out or "[[" in out  # a link only forms anew from what was around one
    if "[[" not in text:
        assert out == text
    assert len(out) <= len(text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{{< figure src="map.png" caption="Eastern flank" >}}', True),
        ("{{% note %}}", True),
        ("  {% include briefing.html %}", True),
        ("{{ .Title }}", True),
        ("{{< /highlight >}}", True),
        ("{{< a >}} text {{< b >}}", False),  # two tags and text: not markup alone
        ("{{< a >}}{{< b >}}", False),
        ("{2025} budget", False),
        ("{: .lead}", False),  # a kramdown attribute list (its own rule)
        ("Allies met {{ today }}", False),
        ("{{", False),
        ("{%}", False),
    ],
)
def test_is_template_tag_line(line, expected):
    assert rules.is_template_tag_line(line) is expected


@given(st.text(alphabet="{}<>%/ ab.", max_size=30))
@settings(max_examples=300)
def test_a_template_tag_line_is_braces_around_one_tag(line):
    if rules.is_template_tag_line(line):
        body = line.strip(" \t")
        assert body[:2] in ("{{", "{%") and body[-2:] in ("}}", "%}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a `b` c `d` e", "a  c  e"),
        ("a `b` c `d", "a  c `d"),
        ("no code", "no code"),
        ("`only`", ""),
        ("`", "`"),
    ],
)
def test_without_code_spans(text, expected):
    assert rules.without_code_spans(text) == expected


@given(st.text(alphabet="`ab| <", max_size=40))
@settings(max_examples=300)
def test_without_code_spans_keeps_what_no_pair_quotes(text):
    out = rules.without_code_spans(text)
    assert out.count("`") <= 1 and len(out) <= len(text)
    if text.count("`") < 2:
        assert out == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By: Jane Smith", True),
        ("Published: 12 June 2025", True),
        ("Last updated: 13 June 2025 10:00 CET", True),
        ("**Posted:** 12 June", True),
        ("Reporting by: NATO Public Diplomacy Division", True),
        ("Tags: cyber, air defence", True),
        ("By Land and Sea", False),  # no colon: a title
        ("Bylines Matter", False),
        ("Updates on the Summit", False),
        ("Byzantine Heritage: A Talk", False),
    ],
)
def test_is_byline(text, expected):
    assert rules.is_byline(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Allies met.<sup>1</sup>", "Allies met."),
        ("Allies met.<sup>[a]</sup> ", "Allies met."),
        ("Allies met<sup>two words</sup>", "Allies met<sup>two words"),  # not a marker: only the closing tag goes
        ("x<sup>12345678</sup>", "x<sup>12345678"),  # too long for a marker
        ("Allies met.</sup>", "Allies met."),  # a stray closing tag is a trailing tag
    ],
)
def test_strip_trailing_markup_drops_a_superscript_marker(text, expected):
    assert rules.strip_trailing_markup(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This file was moved to https://nato.int/plan", True),
        ("https://nato.int/plan", True),
        ("See <https://nato.int/plan>", True),
        ("[Allies Agree Plan](https://nato.int/plan)", False),  # a link's destination: the title may be a link
        ("Allies Agree Plan", False),
        ("Ratio 3://4", False),
    ],
)
def test_has_bare_url(text, expected):
    assert rules.has_bare_url(text) is expected


def test_original_author_is_a_byline():
    assert rules.is_byline("Original author: Jane Smith <jane@example.org>")


@pytest.mark.parametrize(
    ("glyph", "line", "above", "expected"),
    [
        ("(b)", "(b) an image may contain links.", ["image has a caption, and", "except that (a) an"], True),
        ("(a)", "(a) is slow, and (b) does not handle it.", ["the old library, which"], True),
        ("b)", "b) the second", ["first a) the first and"], True),
        ("(2)", "(2) the second", ["as (1) the first and"], True),
        ("(a)", "(a) the targets rise;", ["The conference agreed that"], False),  # a list after "that"
        ("(b)", "(b) forces grow", ["(a) targets rise; and"], False),  # the letter before opens its line: a list
        ("(iv)", "(iv) more", ["and (iii) less and"], False),  # roman numerals: not lettering
    ],
)
def test_letters_inline(glyph, line, above, expected):
    assert rules.letters_inline(glyph, line, above) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**Priority Area**", "Priority Area"),
        ("__Focus__", "Focus"),
        ("**a** and **b**", "**a** and **b**"),  # two spans: not one bold cell
        ("****", "****"),
        ("Plain", "Plain"),
    ],
)
def test_strip_bold_markers(text, expected):
    assert rules.strip_bold_markers(text) == expected


@given(st.text(alphabet="*_ab ", max_size=20))
@settings(max_examples=200)
def test_strip_bold_markers_removes_only_an_outer_pair(text):
    out = rules.strip_bold_markers(text)
    assert out == text or (text[:2] == text[-2:] and out == text[2:-2].strip())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers at the ceremony in Vilnius. Photo: Bundeswehr", True),
        ("Jets over Estonia (Image: NATO)", False),  # no sentence end before the credit
        ("Jets over Estonia. (Image: NATO)", True),
        ("Allies met. Photo ops followed", False),  # no colon: prose
        ("Photo: NATO", True),
    ],
)
def test_caption_with_a_credit_tail(text, expected):
    assert rules.is_caption(text) is expected


def test_dash_continuation():
    assert rules.dash_continues("stockpiles of shells and anti-tank weapons", "grew 8 per cent a year")
    assert not rules.dash_continues("Key measures", "Patrols: more ships")  # an item under a title
    assert not rules.dash_continues("The plan has two parts.", "more ships")  # after a finished sentence
    assert not rules.dash_continues("", "grew")


@pytest.mark.parametrize(
    ("line", "expected"),
    [("* [Plan]({{ '/docs/x/' | relative_url }})", "* [Plan](#)"),
     ("[Plan]({% link _docs/x.md %}) and more", "[Plan](#) and more"),
     # near misses: an ordinary link, a brace in a normal target, an unclosed expression
     ("[Plan](https://nato.int/{id})", "[Plan](https://nato.int/{id})"), ("[Plan]({{ x )", "[Plan]({{ x )")],
)  # fmt: skip
def test_mend_template_links(line, expected):
    assert rules.mend_template_links(line) == expected


def test_comment_block():
    assert rules.opens_comment_block("<!--") and rules.opens_comment_block("  <!-- List the exercises:")
    assert not rules.opens_comment_block("<!-- one line -->")  # closed on its line: markdown reads it
    assert not rules.opens_comment_block("    <!--")  # indented four: code
    assert not rules.opens_comment_block("Text <!-- x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("~(R) must be tested~ (Not applicable)", "(R) must be tested (Not applicable)"), ("an ~old~ plan", "an old plan"),
     # near misses: approximations, a tilde inside a word, doubled tildes (markdown's own), blanks inside
     ("~5 km to ~10 km", "~5 km to ~10 km"), ("x~y~z", "x~y~z"), ("a ~~b~~ c", "a ~~b~~ c"), ("~ a ~", "~ a ~")],
)  # fmt: skip
def test_single_tilde(text, expected):
    assert rules.strip_single_tildes(text) == expected


@pytest.mark.parametrize(
    ("nxt", "expected"),
    [("(Federal Fitness Centre). To gain access", True), ("([Centre](https://x.org/gym)). To gain", True),
     ("(FFC), which opens at six", True), ("(Threads) uses replies as a fallback", True),
     # near misses: a bracketed subtitle alone, a line opening with text, a bracket never closed, a capital after
     ("(as agreed in June)", False), ("Federal Fitness Centre).", False), ("(an aside that never closes", False),
     ("(Reuters) - Allies met", False), ("(Updated) Allies met", False)],
)  # fmt: skip
def test_paren_continuation(nxt, expected):
    assert rules.parenthetical_runs_on(nxt) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("<Tabs>\n  ```shell\n  X=1\n  ```\n</Tabs>", "<Tabs>\n\n\n\n</Tabs>"),
     ("<div>\n~~~~\ncode\n~~~\n~~~~\nafter", "<div>\n\n\n\n\nafter"), ("<div>\n```\nnever closed", "<div>\n\n"),
     # near misses: a code span at a line start, two backticks, a tilde strikethrough
     ("```x``` here\ntext", "```x``` here\ntext"), ("``a``\ntext", "``a``\ntext"), ("~~old~~ new", "~~old~~ new")],
)  # fmt: skip
def test_strip_fenced_code(text, expected):
    assert rules.strip_fenced_code(text) == expected


@pytest.mark.parametrize(
    ("line", "nxt", "below", "expected"),
    [("Thus, if we take logarithms we obtain", "", "$$", True),
     ("and the loss then reads", "", "\\begin{aligned}", True),
     ("Recall that the rate of interest", "$\\lambda$", "$\\lambda$", True),
     ("For instance, on the northern route", ":cite:`Smith.2024` the losses fell", ":cite:`Smith.2024`", True),
     ("as the survey shows in", "{cite}`Smith.2024` for every route", "{cite}`Smith.2024`", True),
     # near misses: a short label over a formula, a Title Case title, money below, prose below, a finished line
     ("Expected loss", "", "$$", False), ("Convoy Loss Estimates", "", "$$", False),
     ("Allies pledged more in", "$5 billion was pledged in June.", "$5 billion", False),
     ("Recall that the rate of interest", "Allies met.", "Allies met.", False),
     ("Allies agreed the plan.", "", "$$", False)],
)  # fmt: skip
def test_runs_on_into_math(line, nxt, below, expected):
    assert markup.runs_on_into_math(line, nxt, below) is expected


def test_a_sentence_running_on_into_an_equation_is_prose_and_a_title_over_one_stays():
    from nato_briefs import read_article

    runs_on = read_article("# Losses\n\nIntro.\n\nThus, if convoys sail apart, we obtain\n\n$$\nP = p^n\n$$\n")
    assert [s.heading for s in runs_on.sections] == ["Losses"]
    assert "we obtain" in runs_on.sections[0].text
    titled = read_article("# Losses\n\nIntro.\n\nConvoy Loss Estimates\n\n$$\nP = p^n\n$$\n")
    assert [s.heading for s in titled.sections] == ["Losses", "Convoy Loss Estimates"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("[Please submit your proposal here.][form]", "[Please submit your proposal here."),
     ("Read [the plan.][]", "Read [the plan."), ("[Thanks!](https://example.org)", "[Thanks!"),
     # near misses: a link inside the line, no link, brackets that open no link
     ("See [the plan][p] for dates", "See [the plan][p] for dates"), ("Allies met.", "Allies met."),
     ("x][y]", "x][y]"), ("[a [b] c.][d]", "[a [b] c.][d]")],
)  # fmt: skip
def test_final_link_text(text, expected):
    assert markup.final_link_text(text) == expected


def test_a_sentence_in_a_reference_link_is_prose_and_a_link_without_a_stop_a_title():
    from nato_briefs import read_article

    shown = read_article(
        "# Call\n\nIntro.\n\n[Please submit your proposal here.][form]\n\nMore text.\n\n[form]: https://example.org\n"
    )
    assert [s.heading for s in shown.sections] == ["Call"]
    assert "Please submit your proposal here." in shown.sections[0].text
    titled = read_article("# Call\n\nIntro.\n\n[Exercise Calendar][cal]\n\nMore text.\n\n[cal]: https://example.org\n")
    assert [s.heading for s in titled.sections] == ["Call", "Exercise Calendar"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Table 1 (continued)", True), ("Table 2 (cont'd)", True), ("Figure 3 (cont.)", True),
     # near misses: another parenthesis, the word without a number, a title that names a table
     ("Table 1 (draft figures)", False), ("Table (continued)", False), ("Table 12 Priorities", False)],
)  # fmt: skip
def test_continued_table_caption(text, expected):
    assert rules.is_caption(text) is expected


# --------------------------------------------------------------------------- notes apps (session 20, shapes25)


def _prose(text: str) -> str:
    return "\n".join(s.text for s in read_article(text).sections)


def test_highlight_marks():
    marked = "Allies agreed to ==increase support== today."
    assert markup.strip_note_marks(marked) == "Allies agreed to increase support today."
    assert _prose("# Plan\n\nAllies agreed to ==increase support== to Romania.\n") == (
        "Allies agreed to increase support to Romania."
    )


def test_highlight_marks_near_misses():
    assert markup.strip_note_marks("if x==y then a == b") == "if x==y then a == b"  # touching words, spaced signs
    assert markup.strip_note_marks("== Priorities ==") == "== Priorities =="  # a wiki heading's signs, spaced
    assert markup.strip_note_marks("==Priorities==") == "==Priorities=="  # MediaWiki's heading, unspaced: the line
    assert markup.strip_note_marks("Title\n=====") == "Title\n====="


def test_block_id():
    assert markup.strip_note_marks("Allies met in Bucharest. ^intro") == "Allies met in Bucharest."
    assert markup.is_block_id_line("^priorities-2026")
    text = "# Plan\n\n| Area | Focus | Outcome |\n|---|---|---|\n| Ports | Patrols | Trade |\n\n^table-1\n\n"
    text += "End. ^a1b2\n"
    assert _prose(text) == "End."
    assert [i.text for i in read_article("# Plan\n\n- Ports: patrols ^fwd\n").list_items] == ["Ports: patrols"]


def test_block_id_near_misses():
    assert markup.strip_note_marks("The yield grew 10 ^2 times") == "The yield grew 10 ^2 times"  # no letter: no id
    assert markup.strip_note_marks("a ^caret inside the line") == "a ^caret inside the line"  # not at the end
    assert not markup.is_block_id_line("^ Area ^ Focus ^")  # DokuWiki's header row
    assert not markup.is_block_id_line("^2026")


def test_percent_comment_block():
    lines = ["%%", "Draft: ask the press office.", "", "Check figures. %%", "Allies met."]
    assert markup.comment_block_end(lines, 0) == 3
    assert _prose("# Plan\n\nAllies met.\n\n%%\nDraft: ask the press office.\n%%\n\nThey agreed.\n") == (
        "Allies met.\n\nThey agreed."
    )


def test_percent_comment_block_near_misses():
    assert markup.comment_block_end(["%% one line %%", "Allies met."], 0) is None  # closed on its line
    assert markup.comment_block_end(["%%", "Allies met.", "They agreed."], 0) is None  # never closed: text
    assert markup.comment_block_end(["50%% of the budget", "%%"], 0) is None  # no "%%" opening the line
    assert "Allies met." in _prose("# Plan\n\n%%\nAllies met.\n")


def test_task_status_marker():
    items = read_article("# Tasks\n\n- [/] Drone Wall: sensors\n- [-] Study: dropped\n- [x] Standard: agreed\n")
    assert [i.text for i in items.list_items] == ["Drone Wall: sensors", "Study: dropped", "Standard: agreed"]
    assert markup.task_marker("[/] Drone Wall").group(1) == "/"


def test_task_status_marker_near_misses():
    assert markup.task_marker("[a] Annex") is None  # a letter in brackets: a label, no task box
    assert markup.task_marker("[/]Drone") is None  # no space after the box
    items = read_article("# Notes\n\n- [!] Check the figures\n- [A] Annex one\n")
    assert [i.text for i in items.list_items] == ["[!] Check the figures", "[A] Annex one"]


def test_loose_definition_term():
    text = "# Plan\n\nAllies met.\n\n## Glossary\n\nARF\n\n:   Allied Reaction Force\n\n"
    text += "SACEUR\n\n:   Supreme Allied Commander\n"
    assert [s.heading for s in read_article(text).sections] == ["Plan", "Glossary"]
    assert "Allied Reaction Force" in _prose(text)


def test_loose_definition_term_near_misses():
    text = "# Plan\n\nAllies met.\n\nGlossary\n\nARF stands for the Allied Reaction Force.\n"
    assert [s.heading for s in read_article(text).sections] == ["Plan", "Glossary"]  # no definition below: a title
    text = "# Plan\n\nAllies met.\n\nGlossary\n\n\n:   Allied Reaction Force\n"  # two blank lines: the term is apart
    assert "Glossary" in [s.heading for s in read_article(text).sections]


# --------------------------------------------------------------------------- a container left open (shapes26)
def test_container_left_open():
    assert markup.container_left_open('<h2 id="p">Priorities</h2><!--kg-card-begin: html--><table>') == ("table", 1)
    assert markup.container_left_open("<p>Intro</p><ul class=x>") == ("ul", 1)


def test_container_left_open_near_misses():
    assert markup.container_left_open("<h2>Priorities</h2><table><tr><td>a</td></tr></table>") is None
    assert markup.container_left_open("Allies met in Oslo.") is None
    assert markup.container_left_open("<p>a <tablet> b</p>") is None


def test_one_line_post_then_table_rows_below():
    rows = "<tr><th>Priority Area</th><th>Key Focus</th><th>Expected Outcome</th></tr>\n"
    rows += "<tr><td>Cyber</td><td>Task force</td><td>Faster</td></tr>\n</table><p>Allies meet in June.</p>\n"
    text = "<h1>Allies Agree Plan</h1><p>Allies met.</p><h2>Priorities</h2><table>\n" + rows
    article = read_article(text.encode(), source_path="x.md")
    rows = [[r["area"], r["focus"], r["outcome"]] for r in article.rows("priorities")]
    assert rows == [["Cyber", "Task force", "Faster"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("del Reglamento.**(\\*)**", "del Reglamento."), ("en las NIIF.(*)", "en las NIIF."),
     ("las NIIF._**(\\*)**", "las NIIF."), ("lo siguiente:_**(\\*)**", "lo siguiente:"),
     ("is not suspended.(\\*\\*)", "is not suspended."),
     # near misses: no stop before the mark, a parenthesised word, a mark inside the line
     ("Disposiciones finales (*)", "Disposiciones finales (*)"), ("Regime (UE)", "Regime (UE)"),
     ("Article 5.(*) was amended", "Article 5.(*) was amended")],
)  # fmt: skip
def test_strip_amendment_mark(text, expected):
    assert markup.strip_amendment_mark(text) == expected


def test_a_sentence_closed_by_an_amendment_mark_is_prose_and_a_title_with_a_mark_stays():
    text = "# Regulations\n\n**Article 16.- Time limits**\n\nThe time limit is not suspended.**(\\*)**\n\nNext.\n"
    assert md_headings(text) == ["Regulations", "Article 16.- Time limits"]
    # near miss: a short title marked without a stop before the mark stays a title
    assert md_headings("# Regulations\n\nIntro.\n\nFinal Provisions (\\*)\n\nText.\n") == [
        "Regulations",
        "Final Provisions (*)",
    ]
