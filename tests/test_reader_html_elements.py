"""Editor and chat-client HTML elements (``rules/html_elements.py``): list wrappers, Matrix's reply fallback,
Trix's ``<br><br>`` parts, ``<sup>`` footnote marks; each rule with its positive and near-miss cases. Found by
tests/shapes_corpus/741-815 (session 17, shapes16-18).
"""

from __future__ import annotations

import nato_briefs
from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import html_elements
from nato_briefs.reader.rules.html_elements import is_title_style
from tests.reading import md_article


def _items(text: str) -> list[tuple[int, str]]:
    return [(item.depth, item.text) for item in parse_document(text).items]


def _headings(text: str) -> list[str]:
    return [s.heading for s in parse_document(text).sections if s.heading is not None]


def _prose(text: str) -> str:
    return "\n".join(s.text for s in parse_document(text).sections)


def _priorities(text: str) -> list[list[str]]:
    article = nato_briefs.read_article(text.encode(), source_path="x.md")
    return [[r["area"], r["focus"], r["outcome"]] for r in article.rows("priorities")]


# --------------------------------------------------------------------------- marker_free_wrapper (HTML)


def test_marker_free_wrapper_is_no_item_and_its_list_nests():
    html = (
        "<ul>\n<li>Patrols: ships</li>\n<li style=\"list-style-type: none;\">\n<ul>\n<li>Drones</li>\n"
        "<li>Sensors</li>\n</ul>\n</li>\n<li>Repair: ships</li>\n</ul>\n"
    )
    assert _items(html) == [(0, "Patrols: ships"), (0, "Repair: ships"), (1, "Drones"), (1, "Sensors")]


def test_marker_free_wrapper_near_misses():
    with_text = '<ul>\n<li style="list-style: none">Patrols<ul><li>Drones</li></ul></li>\n</ul>\n'
    assert _items(with_text) == [(0, "Patrols"), (1, "Drones")]  # text of its own: an item
    plain = "<ul>\n<li>Patrols</li>\n<li><ul><li>Drones</li></ul></li>\n</ul>\n"
    assert [text for _, text in _items(plain)] == ["Patrols", "", "Drones"]  # a marker shown: an (empty) item


# --------------------------------------------------------------------------- reply_fallback (HTML)

MATRIX = "<mx-reply><blockquote>In reply to <a>@anna</a><br>Can you post it?</blockquote></mx-reply>"


MATRIX += "<h3>Allies Agree Plan</h3>\n<p>Allies agreed a plan.</p>\n"


def test_reply_fallback_is_hidden():
    assert _headings(MATRIX) == ["Allies Agree Plan"]
    assert "Can you post it?" not in _prose(MATRIX)


def test_reply_fallback_near_misses():
    quoted = MATRIX.replace("mx-reply", "div")  # a quote the message shows
    assert "Can you post it?" in _prose(quoted)


# --------------------------------------------------------------------------- br_paragraph_title (HTML)

TRIX = "<div>Allies Agree Innovation Plan<br><br>Allies agreed a plan on Monday.<br><br>Next steps follow.</div>\n"


def test_br_paragraph_title_is_a_bare_title():
    assert _headings(TRIX) == ["Allies Agree Innovation Plan"]
    assert "Allies agreed a plan on Monday." in _prose(TRIX)


def test_br_paragraph_title_near_misses():
    assert _headings(TRIX.replace("div>", "p>")) == []  # a <p> part stays prose
    sentence = "<div>Allies met in Brussels.<br><br>They agreed a plan.</div>\n"
    assert _headings(sentence) == []  # a sentence is no title
    assert not html_elements.br_paragraph_title("div", True)  # inside an item


# --------------------------------------------------------------------------- sup_footnote_mark

SUP = """<h1>Plan</h1>
<table>
<tr><th>Priority Area<sup>1</sup></th><th>Key Focus<sup>2</sup></th><th>Expected Outcome</th></tr>
<tr><td>Land</td><td>Brigades</td><td>Deterrence</td></tr>
</table>
"""


def test_sup_footnote_mark_in_a_header_is_raised():
    assert parse_document(SUP).tables[0].headers == ["Priority Area¹", "Key Focus²", "Expected Outcome"]
    assert _priorities(SUP) == [["Land", "Brigades", "Deterrence"]]
    assert html_elements.superscript_mark("2") == "²"


def test_sup_footnote_mark_near_misses():
    assert html_elements.superscript_mark("st") == "st"  # "1<sup>st</sup>": letters stay
    assert html_elements.superscript_mark("2026") == "2026"  # more than a mark
    html = "<table><tr><th>Area</th><th>Focus</th></tr><tr><td>1<sup>st</sup> brigade</td><td>x</td></tr></table>\n"
    assert parse_document(html).tables[0].rows[0].cells == ["1st brigade", "x"]


# --------------------------------------------------------------------------- permalink_anchor (session 19, shapes22)

SPHINX = """<section id="priorities">
<h2>Priorities<a class="headerlink" href="#priorities" title="Link to this heading">¶</a></h2>
<p>Allies agreed three priorities.</p>
<h2>Next steps<a class="headerlink" href="#next-steps">#</a></h2>
<p>Ministers meet in June.</p>
</section>
"""


def test_permalink_anchor_leaves_the_heading():
    assert _headings(SPHINX) == ["Priorities", "Next steps"]
    assert "¶" not in _prose(SPHINX)


def test_permalink_anchor_near_misses():
    contents = '<ul><li><a href="#priorities">Priorities</a></li></ul>\n<h2>Priorities</h2>\n<p>Text.</p>\n'
    assert [item.text for item in parse_document(contents).items] == ["Priorities"]  # a contents entry has words
    note = '<p>See the note<a href="https://example.org/notes">¶</a> below.</p>\n'
    assert "¶" in _prose(note)  # a link to another page is no permalink
    footnote = '<p>Budgets rose<a href="#fn1">1</a> again.</p>\n'
    assert "rose1 again" in _prose(footnote)  # a footnote reference is text
# --------------------------------------------------------------------------- docs_title_class (shapes21)


def test_docs_title_class_is_the_title_style():
    assert is_title_style("c0 title")
    assert is_title_style("MsoTitle")
    assert is_title_style("title c12")


def test_docs_title_class_near_misses_are_other_styles():
    assert not is_title_style("c0 subtitle")
    assert not is_title_style("article-title")
    assert not is_title_style("c0")
    assert not is_title_style(None)


def test_a_google_docs_title_paragraph_is_the_title_and_a_subtitle_stays_prose():
    page = (
        '<html><body class="c5 doc-content"><p class="c0 title" id="h.t"><span class="c2">Allies Agree Steps</span></p>'
        '<p class="c0 subtitle"><span class="c2">Brussels meeting</span></p>'
        '<p class="c0"><span class="c2">Allies agreed the steps on Tuesday.</span></p></body></html>\n'
    )
    article = md_article(page, "x.html")
    assert article.title == "Allies Agree Steps"
    assert "Brussels meeting" in "\n".join(s.text for s in article.sections)


# --------------------------------------------------------------------------- indent_class_items (session 19, shapes23)


def test_indent_class_items_nest_under_the_item_above():
    html = (
        '<ol><li>Committee: officials</li><li class="ql-indent-1">first meeting</li>'
        '<li class="ql-indent-2">in March</li><li class="ql-indent-1">second meeting</li>'
        "<li>Exercise: with industry</li></ol>\n"
    )
    assert _items(html) == [(0, "Committee: officials"), (0, "Exercise: with industry"), (1, "first meeting"),
                            (1, "second meeting"), (2, "in March")]  # fmt: skip


def test_indent_class_items_near_misses():
    flat = '<ol><li class="ql-align-center">Committee</li><li class="my-indent-1">Exercise</li></ol>\n'
    assert _items(flat) == [(0, "Committee"), (0, "Exercise")]  # another class: no nesting
    first = '<ul><li class="ql-indent-1">Committee</li><li>Exercise</li></ul>\n'
    assert _items(first) == [(0, "Committee"), (0, "Exercise")]  # nothing above to nest under: as written


# --------------------------------------------------------------------------- HTML e-mail conventions (shapes26)
def test_bold_style():
    assert html_elements.is_bold_style("margin:0;font-size:18px;font-weight:bold;color:#002f6c;")
    assert html_elements.is_bold_style("font-weight: 700")


def test_bold_style_near_misses():
    assert not html_elements.is_bold_style("font-weight:normal")
    assert not html_elements.is_bold_style("font-weight:400;color:red")
    assert not html_elements.is_bold_style("x-font-weight:bold")
    assert not html_elements.is_bold_style(None)


def test_style_bold_paragraphs_and_layout_cell_head_sections():
    data = "<table><tr><td>Area</td><td>Focus</td></tr><tr><td>Cyber</td><td>Drills</td></tr></table>"
    text = (
        '<table role="presentation" width="600"><tr><td style="font-size:22px;font-weight:bold;">Allies Agree Plan</td>'
        f'</tr><tr><td><p>Allies met in Oslo.</p><p style="font-weight:bold">Priorities</p>{data}'
        '<p style="font-weight:normal">Ministers meet in June.</p></td></tr></table>\n'
    )
    assert _headings(text) == ["Allies Agree Plan", "Priorities"]


def test_bullet_column_items():
    rows = [["•", "Baltic Sentry: ships"], ["•", "Digital Ocean: sensors"]]
    assert html_elements.bullet_column_items(rows, frozenset("•")) == ["Baltic Sentry: ships", "Digital Ocean: sensors"]


def test_bullet_column_items_near_misses():
    bullets = frozenset("•")
    assert html_elements.bullet_column_items([["•", "Only one"]], bullets) is None
    assert html_elements.bullet_column_items([["Cyber", "Task force"], ["Air", "Jets"]], bullets) is None
    assert html_elements.bullet_column_items([["•", "a", "b"], ["•", "c", "d"]], bullets) is None


def test_image_bullet_table_is_a_list():
    cell = '<td><img src="b.png" alt="•"></td>'
    rows = f"<tr>{cell}<td>Sentry: ships</td></tr><tr>{cell}<td>Ocean: sensors</td></tr>"
    text = f'<table role="presentation">{rows}</table>\n'
    assert _items(text) == [(0, "Sentry: ships"), (0, "Ocean: sensors")]


# ------------------------------------------------------------------------------ class_table (session 22, shapes29)


def _div_table(container: str, row: str, cell: str, head_row: str = "", body: str = "") -> str:
    def line(cls: str, cells: tuple[str, ...]) -> str:
        return f'<div class="{cls}">' + "".join(f'<div class="{cell}">{c}</div>' for c in cells) + "</div>\n"

    rows = line(head_row or row, ("Priority Area", "Key Focus", "Expected Outcome"))
    rows += line(row, ("Cyber", "Task force", "Faster")) + line(row, ("Space", "Satellites", "Warning"))
    if body:
        rows = f'<div class="{body}">\n{rows}</div>\n'
    return f'<h2>Priorities</h2>\n<div class="{container}">\n{rows}</div>\n<p>Ministers meet in June.</p>\n'


WANT = [["Cyber", "Task force", "Faster"], ["Space", "Satellites", "Warning"]]


def test_class_table_reads_a_css_table_of_divs():
    """shapes29 1054: <div class="table"> rows and cells without ARIA roles; every cell was a heading."""
    assert _priorities(_div_table("table", "table-row", "table-cell", head_row="table-row table-head")) == WANT
    assert _priorities(_div_table("divTable", "divTableRow", "divTableCell", body="divTableBody")) == WANT
    assert _headings(_div_table("table", "table-row", "table-cell")) == ["Priorities"]
    assert _priorities(_div_table("tbl", "tbl-row", "tbl-cell")) == WANT  # probe: the short class names


def test_class_table_near_misses():
    bootstrap = _div_table("container", "row", "col-md-4")  # a page grid: no table container
    assert _priorities(bootstrap) == []
    assert "Task force" in _prose(bootstrap) or "Task force" in _headings(bootstrap)
    assert _priorities(_div_table("table-responsive", "table-row", "table-cell")) == []  # another class
    ragged = _div_table("table", "table-row", "table-cell").replace('<div class="table-cell">Warning</div>', "")
    assert _priorities(ragged) == []  # rows of different widths
    plain = _div_table("table", "table-row", "table-cell")
    texty = plain.replace('<div class="table">\n', '<div class="table">\nNote\n')
    assert _priorities(texty) == []  # text in the container
