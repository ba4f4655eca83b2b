"""Session 14 rules for the shapes corpus's known losses (``rules/page_copy.py``, ``rules/group_rows.py``,
``slash_number`` in ``numbered_run``): each with its positive and near-miss cases, and end to end."""

from __future__ import annotations

import pytest

from nato_briefs import read_article
from nato_briefs.headers import load_header_synonyms
from nato_briefs.parse import parse_document
from nato_briefs.reader.lines import wrap_width
from nato_briefs.reader.rules import group_rows, page_copy, sequences
from nato_briefs.reader.rules.page_copy import document_margin
from tests.reading import md_article

INDENTED = ["    Allies Agree Steps", "    Ministers met in Brussels on Tuesday to agree new steps.", "    - Radars"]
INDENTED += ["      - Coastal radars", "    | Area | Focus | Outcome |", "    |---|---|---|"]
INDENTED += ["    | Rail | Hubs | Speed |"]


SYN = load_header_synonyms()


def headings(doc) -> list[str]:
    return [s.heading for s in doc.sections if s.heading is not None]


# --------------------------------------------------------------------------- inline reference marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Core defence[^2]", "Core defence"),
        ("rose in 2024.[^1] Most allies now meet it.[^note]", "rose in 2024. Most allies now meet it."),
        ("Key Priorities[^2][^3]", "Key Priorities"),
        # near misses: a definition keeps its label; no caret, a blank or nothing in the label: not a reference
        ("[^2]: Core defence excludes pensions.", "[^2]: Core defence excludes pensions."),
        ("[2] Core defence", "[2] Core defence"),
        ("a [^ b] c", "a [^ b] c"),
        ("x[^]y", "x[^]y"),
    ],
)
def test_footnote_refs_inline(text, expected):
    assert page_copy.strip_footnote_refs_inline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[1]Regional plans: reviewed every year", "Regional plans: reviewed every year"),
        ("the [12]force model was updated", "the force model was updated"),
        ("([3]NATO)", "(NATO)"),
        # near misses: a citation after a word, a reference list's entry, an index, a year or a task box
        ("the regional plans.[1] The", "the regional plans.[1] The"),
        ("[1] NATO, Defence Expenditure", "[1] NATO, Defence Expenditure"),
        ("x[1]y", "x[1]y"),
        ("[12345]Report", "[12345]Report"),
        ("[x] Done", "[x] Done"),
    ],
)
def test_link_numbers(text, expected):
    assert page_copy.strip_link_numbers(text) == expected


def test_reference_marks_leave_cells_items_and_prose():
    doc = parse_document(
        "# Spending\n\nSpending rose.[^1]\n\n| Priority Area | Key Focus | Expected Outcome |\n|---|---|---|\n"
        "| Spending | Core defence[^2] | Credible forces |\n\n* [1]Regional plans: reviewed\n"
        "* [2]Force model: updated\n\n[^1]: Estimates.\n"
    )
    assert doc.tables[0].rows[0].cells == ["Spending", "Core defence", "Credible forces"]
    assert [item.text for item in doc.items] == ["Regional plans: reviewed", "Force model: updated"]
    assert doc.sections[0].text == "Spending rose.\n\n[^1]: Estimates."
    # near miss: inside a code span the marks are the code's text
    assert parse_document("Run `a[^1]` and `[1]b` now.\n").sections[0].text == "Run a[^1] and [1]b now."


# --------------------------------------------------------------------------- a text browser's page margin


LYNX = [
    "                     NATO Chiefs of Defence Meet",
    "",
    "   The Military Committee met in Chiefs of Defence session on 15 January",
    "   to discuss the implementation of the regional plans.",
    "",
    "Next Steps",
    "",
    "     * [1]Regional plans: reviewed every year",
    "     * [2]Force model: updated in the spring",
]


@pytest.mark.parametrize(
    ("lines", "margin"),
    [
        (LYNX, 3),
        (["  One line.", "  Two lines.", "Title"], 2),
        # near misses: text at the margin of 0; most lines at 0, one indented; a tab; indented four (code)
        (["# Options", "", "ADM: use one of three:", "", "    1. a single fund", "    2. national budgets"], 0),
        (["Title", "Text here.", "More text.", "   An indented line."], 0),
        (["Title", "   Text here."], 0),  # half is not most
        (["\tTabbed text.", "\tMore."], 0),
        (["    code line", "    more code", "Text."], 0),
        ([], 0),
    ],
)
def test_page_margin(lines, margin):
    assert page_copy.page_margin(lines) == margin


def test_an_item_within_the_page_margin_is_an_item_not_code():
    doc = read_article("\n".join(LYNX) + "\n")
    expected = ["Regional plans: reviewed every year", "Force model: updated in the spring"]
    assert [i.text for i in doc.list_items] == expected
    assert [i.line for i in doc.list_items] == [8, 9]
    # near miss: no margin, the items indented four after a blank line are an indented code block (CommonMark)
    plain = read_article("Next Steps\n\n     * Regional plans: reviewed\n     * Force model: updated\n")
    assert plain.list_items == []  # the whole run, as cmark reads it (``indented_code_list``)


# --------------------------------------------------------------------------- slash numbers (numbered_run)


@pytest.mark.parametrize(
    ("line", "above", "below", "is_item"),
    [
        ("1/ Interceptors: more production", "Priorities", "2/ Radars: shared data", True),
        ("2/ Radars: shared data", "1/ Interceptors: more production", "3/ Drones", True),
        ("3/ Drones: low-cost defeat", "2/ Radars: shared data", "", True),
        # near misses: a tweet alone between blank lines; numbers that do not follow; no blank after the slash
        ("1/ Allies agreed to spend 5% of GDP.", "", "", False),
        ("1/ Interceptors", "", "3/ Drones", False),
        ("24/7 support for the mission", "", "25/7 more", False),
    ],
)
def test_slash_number(line, above, below, is_item):
    assert (sequences.in_numbered_run(line, above, below) is not None) is is_item


def test_slash_numbered_lines_under_a_title_are_a_list_and_a_thread_stays_prose():
    doc = read_article("Allies agreed targets today.\n\nPriorities\n1/ Interceptors: more\n2/ Radars: shared data\n")
    assert headings(doc) == ["Priorities"]
    assert [r["name"] for r in doc.rows("initiatives")] == ["Interceptors", "Radars"]
    assert [i.ordered for i in doc.list_items] == [True, True]
    thread = read_article("Thread\n\n1/ Allies agreed to spend more.\n\n2/ Of that, most goes to defence.\n")
    assert thread.list_items == []


# --------------------------------------------------------------------------- a government page's copy


@pytest.mark.parametrize(
    ("text", "is_label"),
    [("From:", True), ("Published", True), ("Last updated", True), ("**Updated:**", True),
     # near misses: a sentence or a heading that opens with the word
     ("From the summit", False), ("Published reports", False), ("Update on the plan", False)],
)  # fmt: skip
def test_metadata_label(text, is_label):
    assert page_copy.is_metadata_label(text) is is_label


@pytest.mark.parametrize(
    ("text", "is_label"),
    [("Contents", True), ("Table of contents", True), ("On this page", True),
     ("Contents of the plan", False), ("Content", False), ("Priorities", False)],
)  # fmt: skip
def test_contents_label(text, is_label):
    assert page_copy.is_contents_label(text) is is_label


GOVUK = (
    "Press release\nUK deploys jets to NATO air policing mission in Poland\n"
    "The UK will send four Typhoon jets to Poland in support of NATO's eastern flank.\n"
    "From:\nMinistry of Defence\nPublished\n12 June 2025\n\nContents\nPriorities\nNext steps\n\n"
    "Priorities\nAllies agreed the plan.\n\nNext steps\nThe review follows.\n"
)


def test_a_government_page_reads_its_headline_metadata_and_contents():
    doc = read_article(GOVUK)
    assert doc.title == "UK deploys jets to NATO air policing mission in Poland"
    assert headings(doc) == [doc.title, "Contents", "Priorities", "Next steps"]
    assert "From: Ministry of Defence Published 12 June 2025" in doc.sections[1].text
    assert doc.sections[2].text == "Priorities Next steps"


def test_near_misses_of_the_government_page():
    # a value line not under a label stays a title; a stack of lines without a contents label stays prose
    doc = read_article("Some text here.\n\nMinistry of Defence\nThe ministry said so.\n")
    assert headings(doc) == ["Ministry of Defence"]
    stack = read_article("Intro.\n\nJane Doe\nJohn Roe\nMary Major\n\nText.\n")
    assert headings(stack) == []
    # a release label below the first line does not open a headline's block
    later = read_article("Intro.\nPress release\nUK deploys jets to Poland\nThe UK will send jets.\n")
    assert headings(later) == []


def test_tab_separated_rows_are_not_prose_for_the_wrap_width():
    rows = ["Air Policing\tQuick reaction alert\tProtected airspace", "Training\tJoint sorties\tBetter interop"]
    lines = ["UK deploys jets to NATO air policing mission in Poland", "The UK will send four jets to Poland.", *rows]
    assert wrap_width(lines) is None
    # near miss: three wrapped prose lines still give the width
    prose = ["The Military Committee met in Chiefs of Defence session on 15 January to", "discuss the plans"]
    assert wrap_width([*prose, prose[0], prose[0]]) is not None


# --------------------------------------------------------------------------- group-label rows


@pytest.mark.parametrize(
    ("cells", "bold", "line", "is_group"),
    [
        (["Eastern flank", "", ""], [True, False, False], "| **Eastern flank** | | |", True),
        (["Eastern flank", ""], [True, False], "**Eastern flank** | |", True),  # no outer pipes
        # near misses: not bold; bold beside text; a ragged row cut after its first cell; one cell only;
        # an empty bold cell; bold in another column
        (["Eastern flank", "", ""], [False, False, False], "| Eastern flank | | |", False),
        (["Air Defence", "Batteries", ""], [True, False, False], "| **Air Defence** | Batteries | |", False),
        (["Cyber Defense", "", ""], [True, False, False], "| **Cyber Defense** |", False),
        (["Eastern flank"], [True], "| **Eastern flank** |", False),
        (["", "", ""], [False, False, False], "| | | |", False),
        (["", "Eastern flank", ""], [False, True, False], "| | **Eastern flank** | |", False),
    ],
)
def test_group_label_row(cells, bold, line, is_group):
    assert group_rows.is_group_label_row(cells, bold, line) is is_group


TABLE = "| Priority Area | Key Focus | Expected Outcome |\n|---|---|---|\n{label}\n| Land | Brigades | Defence |\n"


def test_a_group_label_row_stays_in_table_rows_and_is_no_priority():
    doc = read_article("## Priorities\n\n" + TABLE.format(label="| **Eastern flank** | | |"))
    assert [r["cells"] for r in doc.rows("table_rows")] == [["Eastern flank", "", ""], ["Land", "Brigades", "Defence"]]
    assert [(r["row_index"], r["area"]) for r in doc.rows("priorities")] == [(1, "Land")]
    # near misses: written without bold, or cut short after its first cell, the row is a priorities row
    for label in ("| Eastern flank | | |", "| **Eastern flank** |"):
        plain = read_article("## Priorities\n\n" + TABLE.format(label=label))
        assert [(r["row_index"], r["area"]) for r in plain.rows("priorities")] == [(0, "Eastern flank"), (1, "Land")]


# --------------------------------------------------------------------------- totals rows (``rules/group_rows.py``)
# (session 17: shapes18)


def _priorities(text: str) -> list[list[str]]:
    article = read_article(text.encode(), source_path="x.md")
    return [[r["area"], r["focus"], r["outcome"]] for r in article.rows("priorities")]


def _table_rows(text: str) -> list[list[str]]:
    return [r["cells"] for r in read_article(text.encode(), source_path="x.md").rows("table_rows")]


# --------------------------------------------------------------------------- totals_row

TOTALS = """# Plan

## Priorities

| Priority Area | Key Focus | Expected Outcome | Budget (EUR m) |
|---|---|---|---:|
| Air Defence | Batteries | Layered protection | 600 |
| Missile Defence | Radars | Earlier warning | 450 |
| **Total** | | | **1,050** |
"""


def test_totals_row_is_no_priority_but_stays_a_row():
    assert _priorities(TOTALS) == [
        ["Air Defence", "Batteries", "Layered protection"],
        ["Missile Defence", "Radars", "Earlier warning"],
    ]
    assert _table_rows(TOTALS)[-1] == ["Total", "", "", "1,050"]
    assert group_rows.is_totals_row(["Grand total", "", "", "€1.2bn"], SYN.total_words)
    assert group_rows.is_totals_row(["Totals:", "", "5.5 %"], SYN.total_words)


def test_totals_row_near_misses():
    assert not group_rows.is_totals_row(["Total Defence", "Civil preparedness", "Resilience"], SYN.total_words)
    assert not group_rows.is_totals_row(["Total", "3 areas", "9 measures"], SYN.total_words)  # words beside it
    assert not group_rows.is_totals_row(["Total", "", ""], SYN.total_words)  # no figure: not a sum
    mid = TOTALS.replace("| **Total** | | | **1,050** |\n", "").replace(
        "| Missile Defence |", "| Total | | | 600 |\n| Missile Defence |"
    )
    assert len(_priorities(mid)) == 3  # not the last row: read as written
    one_row = "| Area | Focus | Outcome | Cost |\n|---|---|---|---|\n| Air | A | B | 1 |\n| Total | | | 1 |\n"
    assert len(_priorities(one_row)) == 2  # a "total" under one row sums nothing


# --------------------------------------------------------------------------- indented_document (shapes20b)


def test_indented_document_is_read_without_its_margin():
    assert document_margin(INDENTED) == 4
    assert document_margin(["", *INDENTED, "  "]) == 4  # blank lines, of any width, are no text lines
    article = md_article("\n".join(INDENTED) + "\n", "x.txt")
    assert [s.heading for s in article.sections if s.heading] == ["Allies Agree Steps"]
    assert [r["name"] for r in article.rows("initiatives")] == ["Radars", "Coastal radars"]
    assert [r["cells"] for r in article.rows("table_rows")] == [["Rail", "Hubs", "Speed"]]


def test_indented_document_near_misses():
    assert document_margin(["Allies Agree Steps", *INDENTED[1:]]) == 0  # a line at the margin: code samples
    assert document_margin(["\tAllies Agree Steps", *INDENTED[1:]]) == 0  # a tab: no width to share
    assert document_margin(INDENTED[:1] + INDENTED[2:]) == 0  # no sentence of prose: a code listing stays code
    assert document_margin(INDENTED[:2]) == 0  # two text lines only
    code = ["    def plan(allies):", "        return [a for a in allies]", "    print(plan(['Poland']))"]
    assert document_margin(code) == 0


# --------------------------------------------------------------------------- page chrome (session 20, chrome)


def _element(html: str, tag: str):
    from lxml import etree

    root = etree.fromstring(html, etree.HTMLParser())
    return next(root.iter(tag))


@pytest.mark.parametrize(
    ("html", "tag", "marked", "is_chrome"),
    [("<nav><ol><li>Home</li></ol></nav>", "nav", False, True),
     ('<div role="navigation"><a>Home</a></div>', "div", True, True),
     ("<header><a>Skip to main content</a></header><main><p>x</p></main>", "header", True, True),
     ("<main><p>x</p></main><footer><h2>Related topics</h2></footer>", "footer", True, True),
     ('<div role="contentinfo"><p>Legal notice</p></div>', "div", True, True),
     ("<main><p>x</p></main><aside><p>Most read</p></aside>", "aside", True, True),
     # near misses: inside the article, a header holding a heading, no <main>/<article> to tell
     ("<article><h1>T</h1><footer><p>Press Office</p></footer></article>", "footer", True, False),
     ("<header><h1>Allies Agree</h1></header><main><p>x</p></main>", "header", True, False),
     ("<aside><p>Allies agreed the plan.</p></aside>", "aside", False, False),
     ("<main><aside><table><tr><td>x</td></tr></table></aside></main>", "aside", True, False),
     ("<section><p>x</p></section>", "section", True, False)],
)  # fmt: skip
def test_page_landmark(html, tag, marked, is_chrome):
    assert page_copy.is_page_landmark(_element(html, tag), marked) is is_chrome


@pytest.mark.parametrize(
    ("text", "marked"),
    [("<main id=x>", True), ("<ARTICLE class=a>", True), ('<div role="main">', True),
     ("<mainframe>", False), ("<p>the main article</p>", False), ("no markup at all", False)],
)  # fmt: skip
def test_marks_content(text, marked):
    assert page_copy.marks_content(text) is marked


SHARE = '<div><p>Share this page</p><ul><li><a href="#">Facebook</a></li><li><a href="#">X</a></li></ul></div>'


@pytest.mark.parametrize(
    ("html", "tag", "is_chrome"),
    [(SHARE, "ul", True), (SHARE, "p", True),
     ('<ul aria-label="Share"><li>Facebook</li></ul>', "ul", True),
     ('<ol aria-label="Breadcrumb"><li>Home</li></ol>', "ol", True),
     # near misses: links under another line, items with words beside their link, a share line over no list
     ('<div><p>Further reading</p><ul><li><a href="#">Facebook</a></li></ul></div>', "ul", False),
     ('<div><p>Share this page</p><ul><li><a href="#">Radars</a>: new sites</li></ul></div>', "ul", False),
     ("<div><p>Share this page</p><p>Allies met.</p></div>", "p", False),
     ('<ul aria-label="Key initiatives"><li>Radars</li></ul>', "ul", False)],
)  # fmt: skip
def test_chrome_list(html, tag, is_chrome):
    assert page_copy.is_chrome_list(_element(html, tag)) is is_chrome


EUROPA = (
    '<header class="site"><a href="#main">Skip to main content</a><nav aria-label="You are here:"><ol>'
    '<li><a href="/">Home</a></li><li>Press release</li></ol></nav></header>\n<main id="main">\n'
    "<p>Press release | 1 December 2026 | Brussels</p>\n<h1>EU and NATO Agree Priorities</h1>\n"
    "<p>The EU and NATO agreed on Monday to work more closely.</p>\n<h2>Key initiatives</h2>\n"
    "<ul><li>Task Force: joint work</li></ul>\n"
    '<div><p>Share this page</p><ul><li><a href="#">Facebook</a></li><li><a href="#">X</a></li></ul></div>\n'
    "</main>\n<footer><h2>Related topics</h2><ul><li><a>Security and Defence</a></li></ul></footer>\n"
)


def test_a_europa_page_reads_without_its_chrome():
    doc = read_article(EUROPA, source_path="page.md")
    assert doc.title == "EU and NATO Agree Priorities"
    assert headings(doc) == ["EU and NATO Agree Priorities", "Key initiatives"]
    assert [r["name"] for r in doc.rows("initiatives")] == ["Task Force"]
    assert "Press release | 1 December 2026 | Brussels" in doc.sections[0].text


def test_near_misses_of_the_europa_page():
    # without a <main>/<article> the footer and header stay (a fragment's own), a <nav> never does
    doc = read_article(
        "<nav><ul><li>Home</li></ul></nav>\n<h1>Allies Agree</h1>\n<p>Allies met.</p>\n"
        "<footer><p>Press Office, 1 June 2025</p></footer>\n",
        source_path="page.md",
    )
    assert doc.title == "Allies Agree"
    assert doc.rows("initiatives") == []
    assert "Press Office, 1 June 2025" in doc.sections[0].text
    # an article's own footer stays
    inside = read_article("<article><h1>Allies Agree</h1><footer><p>Press Office</p></footer></article>\n")
    assert "Press Office" in inside.sections[0].text


@pytest.mark.parametrize(
    ("text", "is_field"),
    [("From: National Defence", True), ("Date modified: 2026-12-01", True), ("Last updated: 12 June 2025", True),
     # near misses: a label alone, a phrase that opens with the word, another label
     ("From:", False), ("From the Alliance: a new plan", False), ("Area: Cyber", False)],
)  # fmt: skip
def test_metadata_field(text, is_field):
    assert page_copy.is_metadata_field(text) is is_field


HEAD = ["Skip to main content", "GOV.UK", "Home", "Defence and armed forces", "Press release"]
HEADLINE = "UK and Allies Agree Priorities"


@pytest.mark.parametrize(
    ("lines", "headline"),
    [([*HEAD, HEADLINE, "The Defence Secretary welcomed the agreement.", ""], 5),
     (["Language selection", "Français", "Search", "Menu", "News", HEADLINE, "From: National Defence", ""], 5),
     # near misses: no chrome words (an address), one label only, chrome under the headline, a sentence above
     (["NATO HQ", "Boulevard Leopold III", "1110 Brussels", HEADLINE, "Allies met on Monday.", ""], None),
     (["Press release", HEADLINE, "The Defence Secretary welcomed the agreement.", ""], None),
     (["Menu", "Search", HEADLINE, "Share", "Print", "", "Allies met on Monday."], None),
     (["Skip to main content", "Allies met on Monday.", "Menu", HEADLINE, "Text here now.", ""], None)],
)  # fmt: skip
def test_chrome_head(lines, headline):
    assert page_copy.chrome_head_end(lines, 0) == headline


GOVUK_COPY = "\n".join([*HEAD, HEADLINE, "The Defence Secretary welcomed the agreement.", "From:", "Ministry"])
GOVUK_COPY += "\nContents\nPriorities\nShare this page\nThe Allies agreed on Monday.\n\nPriorities\nAllies met.\n"


def test_a_govuk_page_copy_reads_its_headline_under_the_chrome():
    doc = read_article(GOVUK_COPY)
    assert doc.title == HEADLINE
    assert headings(doc) == [HEADLINE, "Priorities"]
    assert doc.sections[0].text.startswith("Skip to main content GOV.UK Home")  # chrome stays prose


@pytest.mark.parametrize(
    ("lines", "at", "is_run"),
    [(["Key initiatives", "", "    - Radars: new sites", "    - Office: in Canada", ""], 2, True),
     (["Key initiatives", "", "     * Radars", "     * Office"], 2, True),
     # near misses: one item, a shell listing, two indents, two bullets, no blank above
     (["Key initiatives", "", "    - Radars: new sites", ""], 2, False),
     (["Install", "", "    - pip install x=1", "    - make all;", ""], 2, False),
     (["Key initiatives", "", "    - Radars", "      - Coastal", ""], 2, False),
     (["Key initiatives", "", "    - Radars", "    * Office", ""], 2, False),
     (["Key initiatives", "    - Radars", "    - Office", ""], 1, False)],
)  # fmt: skip
def test_indented_page_items(lines, at, is_run):
    assert page_copy.indented_item_run(lines, at) is is_run


ITEMS = "\n\nKey initiatives\n\n    - Radars: new sites\n    - Office: in Canada\n\nEnd.\n"


def test_indented_items_under_a_heading_of_a_page_copy_are_a_list():
    doc = read_article("Menu\nSearch\nNews\nAllies Agree Arctic Plan\nFrom: National Defence" + ITEMS)
    assert doc.title == "Allies Agree Arctic Plan"
    assert [r["name"] for r in doc.rows("initiatives")] == ["Radars", "Office"]
    # near misses: in a document that is no page copy, or under a sentence, they stay CommonMark's code block
    assert read_article("Intro text here." + ITEMS).rows("initiatives") == []
    under_sentence = "Menu\nSearch\nNews\nAllies Agree Arctic Plan\nFrom: X\n\nRun this." + ITEMS[17:]
    assert read_article(under_sentence).list_items == []


def test_chrome_labels_and_breadcrumb_roots_are_data(tmp_path):
    from nato_briefs.reader.rules import boilerplate

    path = tmp_path / "furniture.yaml"
    path.write_text("chrome_labels: [Fil d'Ariane]\nbreadcrumb_roots: [Hjem]\n", encoding="utf-8")
    data = boilerplate.load_furniture(path)
    assert "fil d'ariane" in data.chrome_labels and "hjem" in data.breadcrumb_roots and not data.lines
    shipped = boilerplate.load_furniture()
    assert {"breadcrumb", "you are here", "share"} <= shipped.chrome_labels and "home" in shipped.breadcrumb_roots
    assert "date modified" in shipped.metadata_labels and "report a problem on this page" in shipped.page_chrome
