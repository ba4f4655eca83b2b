"""HTML blocks (content-system exports), read with lxml (nato_briefs/reader/html.py via parse_document)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.config import ParseLimits
from nato_briefs.parse import ParseLimitError, parse_document

ARTICLE = """<h1>NATO Summit Opens in Vilnius</h1>
<p>Leaders met &amp; talked&nbsp;today.&#8203;</p>
<table class="data">
  <thead>
    <tr><th>Area</th><th><strong>Action</strong></th><th>Result</th></tr>
  </thead>

  <tbody>
    <tr>
      <td>Cyber</td><td>New centre</td><td>Faster<br>response</td>
    </tr>
    <tr><td>Air</td><td>More jets</td><td>Safer skies</td></tr>
  </tbody>
</table>
<h2>Agreed Measures</h2>
<ol>
  <li><strong>Air policing</strong>: more jets
    <ul><li>nested one</li><li>nested two</li></ul>
  </li>
  <li>Second measure</li>
</ol>
<script>document.write("<li>injected</li>")</script>
After the HTML, markdown again.
- a markdown item
"""


def test_html_article_tables_lists_headings_and_prose():
    doc = parse_document(ARTICLE)
    assert doc.title == "NATO Summit Opens in Vilnius"
    [table] = doc.tables
    assert table.headers == ["Area", "Action", "Result"]
    assert [(r.cells, r.line) for r in table.rows] == [
        (["Cyber", "New centre", "Faster response"], 9),
        (["Air", "More jets", "Safer skies"], 12),
    ]
    assert table.section == "NATO Summit Opens in Vilnius" and table.line == 3
    got = [(i.list_index, i.item_index, i.depth, i.ordered, i.text, i.line, i.bold_lead) for i in doc.items]
    assert got == [
        (0, 0, 0, True, "Air policing: more jets", 17, "Air policing"),
        (0, 1, 0, True, "Second measure", 20, None),
        (1, 0, 1, False, "nested one", 18, None),
        (1, 1, 1, False, "nested two", 18, None),
        (2, 0, 0, False, "a markdown item", 24, None),
    ]
    assert {i.section for i in doc.items} == {"Agreed Measures"}
    assert [(s.heading, s.heading_kind, s.level, s.line) for s in doc.sections] == [
        ("NATO Summit Opens in Vilnius", "atx", 1, 1),
        ("Agreed Measures", "atx", 2, 15),
    ]
    assert doc.sections[0].text == "Leaders met & talked today."
    assert doc.sections[1].text == "After the HTML, markdown again."
    assert "injected" not in str(doc)


def test_html_and_markdown_tables_share_table_index():
    text = "| a | b |\n|---|---|\n| 1 | 2 |\n\n<table><tr><th>x</th></tr><tr><td>y</td></tr></table>\n"
    doc = parse_document(text)
    assert [(t.index, t.headers) for t in doc.tables] == [(0, ["a", "b"]), (1, ["x"])]


def test_table_without_th_takes_its_first_row_as_headers():
    doc = parse_document("<table><tr><td>Area</td><td>Goal</td></tr><tr><td>a</td><td>b</td></tr></table>\n")
    assert doc.tables[0].headers == ["Area", "Goal"] and doc.tables[0].rows[0].cells == ["a", "b"]


def test_stray_li_is_a_list_of_its_own():
    doc = parse_document("<li>alone</li>\n")
    assert [(i.text, i.depth, i.ordered) for i in doc.items] == [("alone", 0, False)]


def test_unterminated_table_ends_at_the_blank_line_and_markdown_resumes():
    doc = parse_document("Title Here\n<table>\n<tr><th>a</th></tr>\n<tr><td>1</td></tr>\n\nAfter.\n- item\n")
    assert [r.cells for r in doc.tables[0].rows] == [["1"]]
    assert doc.sections[0].text == "After." and [i.text for i in doc.items] == ["item"]


def test_script_and_style_content_is_dropped():
    doc = parse_document("<p>Hi<script>alert(1)</script> <style>p{}</style>there</p>\n")
    assert doc.sections[0].text == "Hi there"


def test_ten_thousand_nested_lists_are_a_limit_error():
    with pytest.raises(ParseLimitError) as err:
        parse_document("Deep\n\n" + "<ul><li>x\n" * 10_000)
    assert err.value.reason_code == "nesting_too_deep"


def test_list_depth_limit_applies_to_html_lists():
    text = "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li></ul>\n"
    assert len(parse_document(text).items) == 3
    with pytest.raises(ParseLimitError):
        parse_document(text, ParseLimits(max_list_depth=2))


def test_column_limit_applies_to_html_tables():
    row = "<tr>" + "<td>x</td>" * 20 + "</tr>"
    with pytest.raises(ParseLimitError) as err:
        parse_document(f"<table>{row}{row}</table>\n", ParseLimits(max_table_columns=10))
    assert err.value.reason_code == "too_many_columns"


def test_one_megabyte_html_block_is_read_whole():
    rows = "".join(f"<tr><td>r{i}</td><td>v</td></tr>\n" for i in range(40_000))
    doc = parse_document(f"<table>\n<tr><th>A</th><th>B</th></tr>\n{rows}</table>\n")
    assert len(doc.tables[0].rows) == 40_000 and doc.tables[0].rows[-1].line == 40_002


@settings(max_examples=150)
@given(
    st.lists(
        st.sampled_from(
            [
                "<table>",
                "</table>",
                "<tr>",
                "<td>",
                "</td>",
                "<th>x</th>",
                "<ul>",
                "</ul>",
                "<li>",
                "</li>",
                "<ol>",
                "<h2>",
                "</h2>",
                "<p>",
                "</p>",
                "<strong>",
                "</strong>",
                "text",
                "&amp;",
                "\n",
                "\n\n",
                "<script>",
                "</script>",
                "<!--",
                "-->",
                "<![",
                "<a",
                "- item",
                "| a |",
            ]
        ),
        max_size=60,
    ).map("".join)
)
def test_html_like_text_never_raises_unexpectedly(text):
    try:
        doc = parse_document(text)
    except ParseLimitError:
        return
    n_lines = text.count("\n") + 1
    assert all(1 <= i.line <= n_lines for i in doc.items)
    assert all(1 <= r.line <= n_lines for t in doc.tables for r in t.rows)


@pytest.mark.parametrize(
    ("html", "texts"),
    [
        ("<p>The Chiefs agreed to accelerate the<br>\nimplementation of the plans.</p>\n",
         ["The Chiefs agreed to accelerate the implementation of the plans."]),
        ("<div>Allies met in Riga.<br><br>They agreed to act.<br>\nNew line.</div>\n",
         ["Allies met in Riga.", "They agreed to act. New line."]),
        ("<p>One<br/> <br />Two</p>\n", ["One", "Two"]),
    ],
)  # fmt: skip
def test_br_breaks_a_line_and_two_break_the_paragraph(html, texts):
    """A sentence runs on across one <br>; exports without <p> separate paragraphs with two."""
    doc = parse_document(html)
    assert doc.sections[0].text.split("\n\n") == texts


def test_br_inside_an_item_keeps_one_item():
    doc = parse_document("<ul><li>Item one<br>more</li></ul>\n")
    assert [i.text for i in doc.items] == ["Item one more"]


# --------------------------------------------------------------------------- colspan (tests/shapes_corpus)


@pytest.mark.parametrize(("value", "expected"), [(None, 1), ("2", 2), (" 3 ", 3), ("0", 1), ("x", 1), ("999999", 1)])
def test_colspan(value, expected):
    from nato_briefs.reader.html import colspan

    assert colspan(value, 64) == expected


def test_colspan_is_capped_at_the_column_limit():
    from nato_briefs.reader.html import colspan

    assert colspan("500", 64) == 64


def test_a_spanning_title_row_above_the_header_row_is_a_caption():
    text = (
        '<h2>Plan</h2>\n<table>\n<tr><th colspan="3">Priorities 2025</th></tr>\n'
        "<tr><th>Priority Area</th><th>Key Focus</th><th>Expected Outcome</th></tr>\n"
        "<tr><td>Cyber</td><td>Sharing</td><td>Detection</td></tr>\n</table>\n"
    )
    doc = parse_document(text)
    table = doc.tables[0]
    assert table.headers == ["Priority Area", "Key Focus", "Expected Outcome"]
    assert [(r.cells, r.line) for r in table.rows] == [(["Cyber", "Sharing", "Detection"], 5)]
    assert [(s.heading, s.text) for s in doc.sections] == [("Plan", "Priorities 2025")]


def test_a_spanning_row_without_a_header_below_is_the_header():
    doc = parse_document('<table><tr><th colspan="2">Budget</th></tr><tr><td>a</td><td>b</td></tr></table>\n')
    assert doc.tables[0].headers == ["Budget", "Budget"]
    assert [r.cells for r in doc.tables[0].rows] == [["a", "b"]]


def test_a_spanned_body_cell_fills_the_columns_it_covers():
    text = (
        "<table><tr><th>Area</th><th>Focus</th><th>Outcome</th></tr>"
        '<tr><td colspan="2">Cyber</td><td>Detection</td></tr></table>\n'
    )
    assert parse_document(text).tables[0].rows[0].cells == ["Cyber", "Cyber", "Detection"]


# --------------------------------------------------------------------------- bold-only paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Priorities", True), ("Key outcomes:", True), ("Allies met today.", False), ("", False), ("x" * 121, False)],
)
def test_is_bold_paragraph_title(text, expected):
    from nato_briefs.reader.html import is_bold_paragraph_title

    assert is_bold_paragraph_title(text) is expected


def test_a_bold_only_paragraph_is_a_heading_like_a_whole_line_bold_title():
    text = (
        "<h1>Title</h1>\n<p><strong>Priorities</strong></p>\n"
        "<table><tr><th>Area</th><th>Focus</th><th>Outcome</th></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>\n"
        "<p class=MsoNormal><b><span>Key</span></b> <b>Points</b></p>\n<p>Allies met.</p>\n"
    )
    doc = parse_document(text)
    assert [(s.heading, s.heading_kind, s.text, s.line) for s in doc.sections] == [
        ("Title", "atx", "", 1),
        ("Priorities", "bold", "", 2),
        ("Key Points", "bold", "Allies met.", 4),
    ]
    assert doc.tables[0].section == "Priorities"


@pytest.mark.parametrize(
    "para",
    [
        "<p>Allies <b>met</b> today</p>",
        "<p><b>Background</b><br>Allies met in Brussels</p>",
        "<p><strong>Allies met today.</strong></p>",
        "<p><b>Lead</b> and plain text</p>",
    ],
)
def test_a_paragraph_with_plain_text_or_a_bold_sentence_stays_prose(para):
    doc = parse_document(f"<h1>Title</h1>\n{para}\n")
    assert [s.heading for s in doc.sections] == ["Title"]


def test_a_rowspan_cell_fills_its_column_in_the_rows_below():
    html = (
        "<table>\n<tr><th>Priority Area</th><th>Key Focus</th><th>Expected Outcome</th></tr>\n"
        '<tr><td rowspan="2">Cyber Defence</td><td>Threat sharing</td><td>Faster detection</td></tr>\n'
        "<tr><td>Joint exercises</td><td>Better readiness</td></tr>\n"
        '<tr><td>Space</td><td colspan="2" rowspan="2">Satellite sharing</td></tr>\n'
        "<tr><td>Air</td></tr>\n"
        '<tr><td>Land</td><td>Brigades</td><td rowspan="500">Deterrence</td></tr>\n'
        "</table>\n"
    )
    table = parse_document(html).tables[0]
    assert [(r.cells, r.line) for r in table.rows] == [
        (["Cyber Defence", "Threat sharing", "Faster detection"], 3),
        (["Cyber Defence", "Joint exercises", "Better readiness"], 4),
        (["Space", "Satellite sharing", "Satellite sharing"], 5),
        (["Air", "Satellite sharing", "Satellite sharing"], 6),
        (["Land", "Brigades", "Deterrence"], 7),  # a span past the last row fills nothing more
    ]


@pytest.mark.parametrize("value", ["1", "0", "", "x", "-2"])
def test_a_rowspan_of_one_or_nonsense_spans_nothing(value):
    body = f'<tr><td rowspan="{value}">x</td><td>y</td></tr><tr><td>z</td></tr>'
    html = f"<table><tr><th>A</th><th>B</th></tr>{body}</table>\n"
    assert [r.cells for r in parse_document(html).tables[0].rows] == [["x", "y"], ["z"]]


@settings(max_examples=100)
@given(st.lists(st.lists(st.integers(1, 4), min_size=1, max_size=4), min_size=1, max_size=6))
def test_rowspans_never_lose_a_cell(spans):
    rows = "".join(
        "<tr>" + "".join(f'<td rowspan="{n}">r{i}c{j}</td>' for j, n in enumerate(row)) + "</tr>\n"
        for i, row in enumerate(spans)
    )
    table = parse_document(f"<table>\n<tr><th>H</th></tr>\n{rows}</table>\n").tables[0]
    cells = [c for r in table.rows for c in r.cells]
    for i, row in enumerate(spans):
        for j in range(len(row)):
            assert f"r{i}c{j}" in cells


def test_markdown_cells_set_off_by_blank_lines_stay_in_the_table():
    html = (
        "<table>\n<tr><th>\n\n**Priority Area**\n\n</th><th>Key Focus</th></tr>\n"
        "<tr><td>Cyber</td><td>\n\nThreat sharing\n\n</td></tr>\n</table>\n\nAfter.\n"
    )
    doc = parse_document(html)
    assert doc.tables[0].headers == ["Priority Area", "Key Focus"]
    assert [(r.cells, r.line) for r in doc.tables[0].rows] == [(["Cyber", "Threat sharing"], 7)]
    assert [(s.heading, s.text) for s in doc.sections] == [(None, "After.")]


@pytest.mark.parametrize(
    "gap",
    [
        "\n\nAfter.\n" + "More prose.\n" * 45 + "</table>\n",  # the closing tag too far below: unterminated
        "\n\nAfter.\n<table><tr><td>x</td></tr></table>\n",  # another table opens first
    ],
)
def test_a_table_that_does_not_close_soon_still_ends_at_its_blank_line(gap):
    doc = parse_document("<table>\n<tr><th>a</th></tr>\n<tr><td>1</td></tr>" + gap)
    assert [r.cells for r in doc.tables[0].rows] == [["1"]]
    assert doc.sections[0].text.startswith("After.")


def test_a_tfoot_note_spanning_the_table_is_prose_not_a_row():
    html = (
        "<table><thead><tr><th>Area</th><th>Focus</th><th>Outcome</th></tr></thead>\n"
        "<tbody><tr><td>Air</td><td>Radars</td><td>Warning</td></tr></tbody>\n"
        '<tfoot><tr><td colspan="3">Compiled by the staff</td></tr></tfoot></table>\n'
    )
    doc = parse_document(html)
    assert [r.cells for r in doc.tables[0].rows] == [["Air", "Radars", "Warning"]]
    assert doc.sections[0].text == "Compiled by the staff"


def test_a_spanning_source_row_under_the_body_is_prose_but_totals_stay_rows():
    html = (
        "<table><tr><th>Country</th><th>Jets</th></tr><tr><td>Spain</td><td>4</td></tr>\n"
        '<tr><td colspan="2">Source: NATO</td></tr><tfoot><tr><td>Total</td><td>4</td></tr></tfoot></table>\n'
    )
    doc = parse_document(html)
    assert [r.cells for r in doc.tables[0].rows] == [["Spain", "4"], ["Total", "4"]]
    assert doc.sections[0].text == "Source: NATO"


def test_an_email_layout_table_is_read_as_the_blocks_it_holds():
    html = (
        '<table width="100%"><tr><td><table width="600">\n'
        "<tr><td><h1>Defence Digest</h1></td></tr>\n"
        "<tr><td><p>Allies agreed a plan.</p></td></tr>\n"
        "<tr><td><table><tr><th>Area</th><th>Focus</th></tr><tr><td>Cyber</td><td>Sharing</td></tr></table></td></tr>\n"
        "<tr><td><ul><li>Patrols</li></ul></td></tr>\n"
        "</table></td></tr></table>\n"
    )
    doc = parse_document(html)
    assert doc.title == "Defence Digest" and doc.sections[0].text == "Allies agreed a plan."
    assert [(t.headers, [r.cells for r in t.rows]) for t in doc.tables] == [(["Area", "Focus"], [["Cyber", "Sharing"]])]
    assert [i.text for i in doc.items] == ["Patrols"]


def test_a_data_table_with_paragraphs_in_its_cells_stays_a_table():
    doc = parse_document("<table><tr><th>Area</th></tr><tr><td><p>Cyber</p></td></tr></table>\n")
    assert [r.cells for r in doc.tables[0].rows] == [["Cyber"]]


def test_line_per_div_exports_title_bold_heading_and_prose():
    html = (
        "<div>Allies Review Baltic Plans</div>\n<div><br/></div>\n<div>Ministers met on Tuesday.</div>\n"
        "<div><b>Priorities</b></div>\n<div>Forces will be ready by 2027.</div>\n"
    )
    doc = parse_document(html)
    assert [(s.heading, s.heading_kind, s.text) for s in doc.sections] == [
        ("Allies Review Baltic Plans", "bare", "Ministers met on Tuesday."),
        ("Priorities", "bold", "Forces will be ready by 2027."),
    ]


def test_a_wrapper_div_is_no_paragraph():
    doc = parse_document("<div class='post'>\n<div>Short Title Line</div>\n<p>Allies met.</p>\n</div>\n")
    assert doc.title == "Short Title Line" and doc.sections[0].text == "Allies met."


# --------------------------------------------------------------------------- session 8: feeds, bullet paragraphs


def _headings(doc) -> list[str]:
    return [s.heading for s in doc.sections if s.heading is not None]


def test_a_feed_entry_title_is_its_headline():
    doc = parse_document(
        "<item>\n<title>Allies Agree Plan</title>\n<description><p>Allies met.</p></description>\n</item>\n"
    )
    assert doc.title == "Allies Agree Plan" and _headings(doc) == ["Allies Agree Plan"]


def test_a_page_title_in_the_head_stays_out():
    doc = parse_document(
        "<html><head><title>Site | Page</title></head><body><h1>Allies Agree Plan</h1></body></html>\n"
    )
    assert _headings(doc) == ["Allies Agree Plan"]


def test_an_atom_entry_with_escaped_html_is_read_as_html():
    doc = parse_document(
        '<entry>\n<title>Allies Agree Plan</title>\n<content type="html">&lt;h2&gt;Priorities&lt;/h2&gt;'
        "&lt;ul&gt;&lt;li&gt;Radars&lt;/li&gt;&lt;/ul&gt;</content>\n</entry>\n"
    )
    assert _headings(doc) == ["Allies Agree Plan", "Priorities"] and [i.text for i in doc.items] == ["Radars"]
    assert all(i.line == 3 for i in doc.items)  # the records of the escaped body are at its element's line


def test_escaped_markup_outside_a_feed_entry_stays_text():
    doc = parse_document("<p>Write &lt;h2&gt;Title&lt;/h2&gt; for a heading.</p>\n")
    assert _headings(doc) == [] and doc.sections[0].text == "Write <h2>Title</h2> for a heading."


def test_bullet_lines_broken_by_br_are_a_list():
    doc = parse_document("<p>Intro.</p>\n<p>• Jets: four more<br>• Radars: new sites<br>• Bases: upgrades</p>\n")
    assert [i.text for i in doc.items] == ["Jets: four more", "Radars: new sites", "Bases: upgrades"]
    assert len({i.list_index for i in doc.items}) == 1


def test_word_list_paragraphs_are_items():
    para = "<p class=MsoListParagraph><span>·<span>&nbsp;&nbsp;&nbsp; </span></span>{}</p>\n"
    doc = parse_document("<p>Intro.</p>\n" + para.format("Contracts") + para.format("Capacity") + "<p>After.</p>\n")
    # each line is an HTML block of its own to markdown-it, so each paragraph is a list of its own (a known limit);
    # inside one block the bullet paragraphs make one list
    assert [i.text for i in doc.items] == ["Contracts", "Capacity"]
    assert doc.sections[0].text == "Intro.\n\nAfter."
    doc = parse_document("<div>\n" + para.format("Contracts") + para.format("Capacity") + "</div>\n")
    assert [(i.text, i.list_index) for i in doc.items] == [("Contracts", 0), ("Capacity", 0)]


def test_a_paragraph_with_a_line_that_is_no_bullet_stays_prose():
    doc = parse_document("<p>• Jets: four more<br>and the radars follow.</p>\n")
    assert doc.items == [] and doc.sections[0].text == "• Jets: four more and the radars follow."


def test_two_header_rows_name_the_columns_together():
    doc = parse_document(
        "<table><thead><tr><th rowspan=2>Area</th><th colspan=2>Plan</th></tr>"
        "<tr><th>Focus</th><th>Outcome</th></tr></thead>"
        "<tbody><tr><td>Space</td><td>Satellites</td><td>Warning</td></tr></tbody></table>\n"
    )
    table = doc.tables[0]
    assert table.headers == ["Area", "Plan Focus", "Plan Outcome"] and [r.cells for r in table.rows] == [
        ["Space", "Satellites", "Warning"]
    ]


def test_a_header_row_then_a_body_row_of_th_cells_stays_a_body_row():
    doc = parse_document(
        "<table><tr><th>Area</th><th>Focus</th></tr><tr><td>Space</td><td>Satellites</td></tr>"
        "<tr><th>Total</th><th>2</th></tr></table>\n"
    )
    assert [r.cells for r in doc.tables[0].rows] == [["Space", "Satellites"], ["Total", "2"]]


def test_a_comment_block_holding_tags_and_items_leaves_no_text():
    doc = parse_document(
        "# Plan\n\n<!--\nTargets look like:\n  - ready forces <= 10%\n- <exercise>: <date>\n-->\n\nN/A\n"
    )
    assert doc.items == [] and doc.sections[-1].text == "N/A"


def test_without_comments():
    from nato_briefs.reader.html import without_comments

    assert without_comments("a<!-- x -->b<!-- y") == "ab"  # an unclosed comment runs to the end
    assert without_comments("a <= b") == "a <= b"


# --------------------------------------------------------------------------- session 9 (round 5)


def _headings(doc):
    return [s.heading for s in doc.sections if s.heading is not None]


def test_word_title_paragraph_is_the_title():
    doc = parse_document("<p class=MsoTitle>Allies Agree Logistics Plan<o:p></o:p></p>\n<p class=MsoNormal>Text.</p>\n")
    assert doc.title == "Allies Agree Logistics Plan" and _headings(doc) == ["Allies Agree Logistics Plan"]
    # near miss: Word's normal paragraph stays prose
    doc = parse_document("<p class=MsoNormal>Allies Agree Logistics Plan</p>\n")
    assert _headings(doc) == [] and doc.sections[0].text == "Allies Agree Logistics Plan"


def test_center_and_font_hold_a_bold_title_as_a_div_does():
    doc = parse_document('<center><font size="5"><b>Allies Agree Arctic Plan</b></font></center>\n<p>Text.</p>\n')
    assert _headings(doc) == ["Allies Agree Arctic Plan"]
    # near miss: a centred sentence is prose; a <font> inside a paragraph does not end it
    doc = parse_document("<center>Allies met in Brussels today.</center>\n")
    assert _headings(doc) == [] and doc.sections[0].text == "Allies met in Brussels today."
    doc = parse_document('<p><font color="red">Allies</font> met <b>today</b>.</p>\n')
    assert _headings(doc) == [] and doc.sections[0].text == "Allies met today."


def test_a_grid_table_inside_pre_is_a_table():
    """A CMS's <pre> around an ASCII grid table (shapes 378): the rows are a table, each at its source line."""
    text = (
        "<h2>Priorities</h2>\n<pre>\n+------+-------+\n| Area | Focus |\n+======+=======+\n"
        "| Air  | Radar |\n+------+-------+\n</pre>\n<p>After.</p>\n"
    )
    doc = parse_document(text)
    (table,) = doc.tables
    assert (table.section, table.headers) == ("Priorities", ["Area", "Focus"])
    assert [(r.cells, r.line) for r in table.rows] == [(["Air", "Radar"], 6)]
    assert doc.sections[-1].text == "After."


def test_dash_lines_broken_by_br_are_a_list():
    doc = parse_document("<p>Intro.</p>\n<p>- Patrols: ships<br/>- Sensors: seabed<br>- Drones</p>\n")
    assert [i.text for i in doc.items] == ["Patrols: ships", "Sensors: seabed", "Drones"]
    assert len({i.list_index for i in doc.items}) == 1


def test_numbered_lines_broken_by_br_are_an_ordered_list_and_mixed_lines_stay_prose():
    doc = parse_document("<p>Intro.</p>\n<p>1. Patrols: ships<br>2. Sensors</p>\n<p>- Drones<br>- Jets</p>\n")
    assert [(i.text, i.ordered, i.list_index) for i in doc.items] == [
        ("Patrols: ships", True, 0), ("Sensors", True, 0), ("Drones", False, 1), ("Jets", False, 1)
    ]  # fmt: skip
    # near miss: a numbered line and a dashed one in one paragraph are no list of either kind
    assert parse_document("<p>1. Patrols<br>- Sensors</p>\n").items == []


def test_a_dash_paragraph_without_breaks_or_with_a_prose_line_stays_prose():
    # near misses: one dash line with no <br> (a typed aside), a broken paragraph whose first line is prose
    doc = parse_document("<p>- Patrols: ships</p>\n<p>Patrols:<br>- more ships</p>\n")
    assert doc.items == []
    assert "- more ships" in doc.sections[0].text


# round 10, part A (shapes 526-550): content-system and office exports


def test_a_custom_element_around_a_table_is_read_as_html():
    """Google Sheets' ``<google-sheets-html-origin>`` wrapper (shapes 532): the table inside is a table."""
    doc = parse_document(
        "Intro.\n\n<google-sheets-html-origin><style>td {border: 1px solid}</style><table><tbody>"
        "<tr><td>Area</td><td>Action</td></tr><tr><td>Cyber</td><td>Centre</td></tr></tbody></table>"
        "</google-sheets-html-origin>\n\nAfter.\n"
    )
    assert [t.headers for t in doc.tables] == [["Area", "Action"]]
    assert [r.cells for r in doc.tables[0].rows] == [["Cyber", "Centre"]]
    assert "border" not in " ".join(s.text for s in doc.sections)
    # near misses: a custom element holding only text stays the line's text; so does an MDX component
    doc = parse_document("Intro.\n\n<my-badge>new</my-badge> plans were agreed.\n")
    assert doc.tables == [] and "new plans were agreed." in doc.sections[0].text


def test_custom_element_block_names_the_element_only_around_a_block():
    from nato_briefs.reader.rules import custom_element_block

    assert custom_element_block("<google-sheets-html-origin><table>") == "google-sheets-html-origin"
    assert custom_element_block('  <x-card class="a"><p>Text</p></x-card>') == "x-card"
    assert custom_element_block("<amp-img src=x.jpg></amp-img>") is None  # no block inside
    assert custom_element_block("<Tabs><table>") is None  # an MDX component, not a custom element
    assert custom_element_block("<div><table>") is None  # a standard tag: html_block's


def test_a_style_sheet_opened_after_other_tags_is_raw_text():
    """A page exported whole (Medium, shapes 529): the CSS under ``<head><style>`` is no list item or prose."""
    doc = parse_document(
        "<!DOCTYPE html><html><head><title>T</title><style>\n  * { font-family: Georgia; }\n"
        "  html { margin: 0; }\n</style></head><body>\n<h1>Allies Agree Plan</h1>\n"
        "<ul><li>Permits: one form</li></ul>\n"
    )
    assert [i.text for i in doc.items] == ["Permits: one form"]
    assert "font-family" not in " ".join(s.text for s in doc.sections)
    assert doc.title == "Allies Agree Plan"


def test_unclosed_raw_element_only_when_left_open_after_other_tags():
    from nato_briefs.reader.rules import unclosed_raw_element

    assert unclosed_raw_element("<html><head><style>") == "style"
    assert unclosed_raw_element('<body><script type="application/ld+json">') == "script"
    assert unclosed_raw_element("<head><style>p {}</style></head>") is None  # closed on its line
    assert unclosed_raw_element("<style>") is None  # at the line's start: html_block's
    assert unclosed_raw_element("<p>a <styles> b") is None  # another word


def test_raw_text_blank_keeps_a_style_sheet_with_blank_lines_in_its_block():
    """Notion's HTML export (shapes 888): ``<html><head>...<style>`` on one line, its style sheet's rules parted
    by blank lines, the page on the line of ``</style>``."""
    from nato_briefs.reader.rules import raw_text_blank

    doc = parse_document(
        "<html><head><title>T</title><style>\nhtml {\n\tmargin: 0;\n}\n\n.page-title {\n\tfont-size: 2rem;\n}\n"
        '</style></head><body><h1 class="page-title">Allies Agree Plan</h1><ul><li>Permits: one form</li></ul>'
        "<p>Ministers meet in June.</p></body></html>\n"
    )
    assert doc.title == "Allies Agree Plan" and [i.text for i in doc.items] == ["Permits: one form"]
    assert "margin" not in " ".join(s.text for s in doc.sections)
    assert raw_text_blank("style", "") == "/**/"


def test_raw_text_blank_near_misses():
    from nato_briefs.reader.rules import raw_text_blank

    assert raw_text_blank("pre", "") == ""  # a <pre>'s blank line is its text
    assert raw_text_blank("style", "p { margin: 0; }") == "p { margin: 0; }"
    # a blank line ends a <div> block as CommonMark reads it: the markdown below is read as markdown
    doc = parse_document("<div>Note</div>\n\n- Permits: one form\n")
    assert [i.text for i in doc.items] == ["Permits: one form"]


def test_loose_bold_line_heads_what_follows_it():
    """Blogger's compose mode (shapes 890): the post's text straight in a <div> beside its heading and table, its
    labels ``<b>Label</b><br />``, its list ``•`` lines parted by ``<br />``."""
    text = (
        '<div dir="ltr">\n<h2>Allies Agree Plan</h2>\nAllies agreed on Friday.<br />\n<br />\n<b>Priorities</b><br />\n'
        "<table><tr><td><b>Area</b></td><td><b>Focus</b></td><td><b>Outcome</b></td></tr>"
        "<tr><td>Mines</td><td>Task group</td><td>Safe lanes</td></tr></table>\n<br />\n<b>Key initiatives</b><br />\n"
        "\u2022 Task group: mine clearance<br />\n\u2022 Coordination cell: a new cell<br />\n"
        "<br />\nThe end.<br /></div>\n"
    )
    doc = parse_document(text)
    assert [s.heading for s in doc.sections if s.heading] == ["Allies Agree Plan", "Priorities", "Key initiatives"]
    assert [i.text for i in doc.items] == ["Task group: mine clearance", "Coordination cell: a new cell"]


def test_loose_bold_line_near_misses():
    # a bold phrase inside loose text's line is emphasis, and a bold lead over a sentence stays the lead
    text = (
        "<div>\n<h2>Plan</h2>\nAllies agreed a <b>new</b> plan.<br />\n<b>Background</b><br />\n"
        "Allies met.<br /></div>\n"
    )
    doc = parse_document(text)
    assert [s.heading for s in doc.sections if s.heading] == ["Plan"]
    assert "Background Allies met." in "\n".join(s.text for s in doc.sections)


def test_a_div_line_is_no_title_where_the_block_tags_its_headings():
    """Drupal's field wrappers (shapes 527): with <h1>/<h2> in the block, a short <div> line is prose."""
    doc = parse_document(
        '<article>\n<h1>Allies Agree Cyber Plan</h1>\n<div class="meta">Tue, 03/06/2025 - 10:15</div>\n'
        "<p>Allies agreed a plan.</p>\n<div>Tags</div>\n<div><a href='/t/4'>Cyber</a></div>\n</article>\n"
    )
    assert _headings(doc) == ["Allies Agree Cyber Plan"]
    assert "Tags" in doc.sections[0].text
    # near miss: a note export writing every line as a <div>, with no heading tag, keeps its bare titles
    doc = parse_document("<div>Allies Review Baltic Plans</div>\n<div>Ministers met in Riga on Monday.</div>\n")
    assert _headings(doc) == ["Allies Review Baltic Plans"]


SHIKI = (
    '<div class="language-sh"><pre><code><span style="color:green;">✔</span> <span>Project name: planner</span>\n'
    '<span style="color:green;">✔</span> <span>Add TypeScript? No / Yes</span>\n<span>Done.</span></code></pre></div>\n'
)


@pytest.mark.parametrize(
    "block",
    [
        SHIKI,  # VitePress/Shiki: a <code> inside a <pre> inside a classed <div>
        '<pre class="shiki"><span>✔ Project name: planner</span>\n<span>Done.</span></pre>\n',
        '<div class="highlight"><pre><span></span>✔ Project name: planner\nDone.</pre></div>\n',  # Pygments
        '<pre><code class="hljs">✔ Project name: planner\nDone.</code></pre>\n',  # highlight.js
    ],
)
def test_an_html_code_block_is_code_not_prose_or_items(block):
    doc = parse_document("# Setup\n\nRun the command:\n\n" + block + "\nAllies then open the planner.\n")
    assert doc.items == [] and doc.tables == []
    assert doc.sections[0].text == "Run the command:\n\nAllies then open the planner."


def test_the_text_after_an_html_code_block_keeps_its_line():
    doc = parse_document("<div>\n<pre><code>one\ntwo\nthree\n</code></pre>After the code.\n<p>Next.</p>\n</div>\n")
    assert [(s.text, s.line) for s in doc.sections] == [("After the code.\n\nNext.", 5)]


def test_an_html_code_block_ends_a_run_of_bullet_paragraphs():
    code = "<pre><code>x</code></pre>\n"
    doc = parse_document("<div>\n<p>• Jets<br>• Radars</p>\n" + code + "<p>• Bases<br>• Ships</p>\n</div>\n")
    assert [(i.text, i.list_index) for i in doc.items] == [("Jets", 0), ("Radars", 0), ("Bases", 1), ("Ships", 1)]


@pytest.mark.parametrize(
    ("block", "text"),
    [
        ("<pre>Allies met in Brussels.\nThey agreed.</pre>\n", "Allies met in Brussels. They agreed."),  # bare <pre>
        ("<pre>Run <code>planner init</code> first.</pre>\n", "Run planner init first."),  # text beside the code
        ('<pre class="notice">Allies met.</pre>\n', "Allies met."),  # a class no highlighter gives
    ],
)
def test_a_pre_of_text_stays_prose(block, text):
    assert parse_document(block).sections[0].text == text


def test_a_code_block_in_a_table_cell_stays_the_cell_text():
    cell = "<td><pre><code>planner init</code></pre></td>"
    doc = parse_document("<table><tr><th>Step</th></tr><tr>" + cell + "</tr></table>\n")
    assert [r.cells for r in doc.tables[0].rows] == [["planner init"]]


def test_an_element_with_more_attributes_than_the_limit_is_refused_before_its_tree_is_built():
    """libxml2 appends each attribute after walking those before it: 120,000 on one <p> took 24 s (session 15)."""
    from nato_briefs.reader.html import MAX_ELEMENT_ATTRIBUTES

    many = "\n".join(f"a{i}" for i in range(MAX_ELEMENT_ATTRIBUTES + 1))
    with pytest.raises(ParseLimitError) as refused:
        parse_document(f"Intro.\n\n<div><p {many}>Allies met.</p></div>\n")
    assert refused.value.reason_code == "too_costly"
    assert f"{MAX_ELEMENT_ATTRIBUTES + 1:,} attributes" in str(refused.value)
    fewer = "\n".join(f"a{i}" for i in range(2_000))  # near miss: many, under the limit, read as ever
    doc = parse_document(f"Intro.\n\n<div><p {fewer}>Allies met.</p></div>\n")
    assert [s.text for s in doc.sections] == ["Intro.\n\nAllies met."]


def test_attributes_are_counted_as_libxml2_reads_them():
    from nato_briefs.reader.html import MAX_ELEMENT_ATTRIBUTES, most_attributes

    pad = b"<p>" + b"x" * 2 * MAX_ELEMENT_ATTRIBUTES + b"</p>"  # long enough to be counted
    assert most_attributes(pad + b'<p a=">" b c=1 d="x"e>t</p>') == 5  # a ">" in quotes, no space after a value
    assert most_attributes(pad + b"<p a a a b>t</p>") == 2  # a repeated name is one attribute
    assert most_attributes(b"<p a b c>t</p>") == 0  # a short block: too short to hold too many, not read twice


# ----------------------------------------- a list inside a table cell: the cell's text, no items (session 16, shapes15)


def test_cell_list_items_set_a_cell_list_apart_and_make_no_items():
    html = (
        "<table><tr><th>Area</th><th>Focus</th></tr>\n"
        "<tr><td>Energy</td><td><ul><li>Backup power</li><li>Fuel reserves</li></ul></td></tr></table>\n"
    )
    doc = parse_document(html)
    assert [row.cells for row in doc.tables[0].rows] == [["Energy", "Backup power Fuel reserves"]]
    assert doc.items == []


def test_cell_list_items_near_miss_inline_markup_joins():
    html = "<table><tr><th>Area</th><th>Focus</th></tr><tr><td>Energy</td><td>Back<b>up</b> power</td></tr></table>\n"
    assert [row.cells for row in parse_document(html).tables[0].rows] == [["Energy", "Backup power"]]


# --------------------------------------------------------------------------- document_tags_block (session 19, shapes23)


def test_document_tags_block_reads_the_element_after_body():
    from nato_briefs.reader.rules import document_tags_block

    text = '<body lang="en-GB" dir="ltr"><h1 class="western">NATO\nAllies Agree Air Plan</h1>\n<p>Allies met.</p>\n'
    doc = parse_document(text)
    assert doc.title == "NATO Allies Agree Air Plan"
    assert document_tags_block('<html><body><table border="1">') == "table"


def test_document_tags_block_near_misses():
    from nato_briefs.reader.rules import document_tags_block

    assert document_tags_block("<body>Allies met on Monday.") is None  # no block after the tags
    assert document_tags_block("<bodyguard><h1>x</h1>") is None  # another tag
    assert document_tags_block("<div><h1>x</h1>") is None  # a block tag first: html_block's


# --------------------------------------------------------------------------- paragraph_heading_role (shapes23)


def test_paragraph_heading_role_is_a_heading():
    text = (
        '<div><p class="Paragraph" role="heading" aria-level="1"><span>NATO Allies Agree Arctic Plan</span></p>'
        '<p class="Paragraph"><span>Allies met.</span></p><p role="heading" aria-level="2">Priorities</p></div>\n'
    )
    doc = parse_document(text)
    assert doc.title == "NATO Allies Agree Arctic Plan"
    assert [s.heading for s in doc.sections] == ["NATO Allies Agree Arctic Plan", "Priorities"]


def test_paragraph_heading_role_near_misses():
    from nato_briefs.reader.rules import aria_element

    assert aria_element("p", "note") is None  # another role leaves a paragraph a paragraph
    assert aria_element("p", "listitem") is None  # only div/span take a list or table role
    assert aria_element("td", "heading", "2") is None  # a cell stays a cell
    assert aria_element("p", "heading", "3") == "h3"


# --------------------------------------------------------------------------- paragraphs written as items (shapes26)
def test_numbered_paragraphs_are_ordered_items():
    doc = parse_document("<div>\n<p>1. Corridors: five routes</p>\n<p>2. Pledge: yearly reports</p>\n</div>\n")
    assert [item.text for item in doc.items] == ["Corridors: five routes", "Pledge: yearly reports"]


def test_lone_numbered_paragraph_stays_prose():
    doc = parse_document("<p>Allies met.</p>\n<p>1. The baseline dates from 2016.</p>\n")
    assert doc.items == [] and "1. The baseline dates from 2016." in " ".join(s.text for s in doc.sections)


def test_lone_numbered_paragraph_rule():
    from nato_briefs.reader.html import GlyphItem, lone_numbered_paragraph, typed_number_line

    footnote = typed_number_line("1. The baseline dates from 2016.", word_list=False)
    assert footnote == "1. The baseline dates from 2016."
    assert lone_numbered_paragraph([GlyphItem("The baseline dates from 2016.", 3, 0, footnote)]) == footnote
    # near misses: two typed paragraphs are a list; a bullet, a Word list level or a <br>-broken line is no footnote
    assert lone_numbered_paragraph([GlyphItem("A", 3, 0, "1. A"), GlyphItem("B", 4, 0, "2. B")]) is None
    assert lone_numbered_paragraph([GlyphItem("Jets", 3, 0, typed_number_line("• Jets", word_list=False))]) is None
    assert typed_number_line("1. Contracts", word_list=True) is None
    assert typed_number_line("1. Patrols\x1e2. Sensors", word_list=False) is None


def test_a_numbered_line_under_a_bold_line_after_a_numbered_list_is_its_item():
    """The one item under "<b>Title</b><br>1. ..." is that heading's list, whatever list came before it.

    The footnote exception once lived in reader state that a list of two left set: the item was dropped and
    the earlier list's last paragraph written again as this section's prose.
    """
    text = "<div>\n<p>1. Alpha one</p>\n<p>2. Beta two</p>\n<h2>Next</h2>\n"
    text += "<p><b>Title here</b><br>1. Gamma three</p>\n</div>\n"
    doc = parse_document(text)
    assert [item.text for item in doc.items] == ["Alpha one", "Beta two", "Gamma three"]
    assert [(s.heading, s.text) for s in doc.sections] == [("Next", ""), ("Title here", "")]


def test_bullet_lines_then_prose_lines():
    text = "<div><b>Key initiatives</b><br/>• Network: advisers<br/>• Panel: talks with<br/>groups<br/>"
    text += "Allies meet.<br/></div>\n"
    doc = parse_document(text)
    assert [item.text for item in doc.items] == ["Network: advisers", "Panel: talks with groups"]
    assert "Allies meet." in " ".join(s.text for s in doc.sections)


def test_bullet_lines_then_prose_near_miss():
    doc = parse_document("<div>• Network: advisers<br/>Allies meet.<br/>• Panel: talks<br/></div>\n")  # mixed
    assert doc.items == []
