"""Round 11 part B rules (``rules/authoring.py``): authoring tools' markup, each with positive and near-miss cases."""

from __future__ import annotations

import pytest

from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import authoring
from nato_briefs.reader.rules.front_matter import front_matter


def _doc(text: str):
    return parse_document(text)


def _prose(text: str) -> str:
    return "\n".join(section.text for section in _doc(text).sections)


def _blanked(lines: list[str]) -> list[str]:
    copy = list(lines)
    authoring.markup_lines(copy)
    return copy


# --- markup that renders to nothing -----------------------------------------------------------------------


def test_liquid_comment_hides_its_block():
    lines = ["Intro.", "{% comment %}", "| A | B |", "{%- endcomment -%}", "After."]
    assert authoring.liquid_closers(lines, 4) == [3]
    assert authoring.liquid_comment_end(lines, 1, [3]) == 3
    assert _blanked(lines) == ["Intro.", "", "", "", "After."]


def test_liquid_comment_near_misses():
    assert authoring.liquid_comment_end(["{% comment %}", "never closed"], 0, []) is None  # unclosed: hides nothing
    assert authoring.liquid_comment_end(["{% comment %} inline {% endcomment %}", "x"], 0, []) is None
    assert authoring.liquid_closers(["{% endcomment x %}", "  {% endcomment %}"], 1) == [1]  # a near miss closes none
    assert _blanked(["{% include toc.html %}"]) == ["{% include toc.html %}"]  # other tags: the older rules


@pytest.mark.parametrize(
    ("lines", "end"),
    [
        (["export const metadata = {", "  title: 'Plan',", "}", "# Plan"], 2),
        (["export default function Page() {", "  return null", "};"], 2),
        (["export const title = 'Plan';"], 0),
        (["export const meta = {", "Allies agreed a plan.", "}"], None),  # text at the margin: not an object
        (["exported goods rose in 2025."], None),
        (["export controls were discussed"], None),  # no declaration keyword
    ],
)
def test_mdx_export_end(lines, end):
    assert authoring.mdx_export_end(lines, 0) == end


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("{/* to be checked by the press office */}", True),
        ("  {/* indented */}", True),
        ("{/* unclosed", False),
        ("{Allies} met", False),
    ],
)
def test_jsx_comment(line, found):
    assert authoring.is_jsx_comment(line) is found


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("+++", True),
        ('+++ {"tags": ["summary"]}', True),
        ('+++ {"a": {"b": 1}}', True),
        ("+++ more", False),
        ("++ Priorities", False),
    ],
)
def test_myst_break(line, found):
    assert authoring.is_myst_break(line) is found


def test_toml_front_matter_delimiters_are_left_to_its_reader():
    lines = ["+++", 'title = "Plan"', "+++", "", "Text.", "+++", "More."]
    assert _blanked(lines) == ["+++", 'title = "Plan"', "+++", "", "Text.", "", "More."]


@pytest.mark.parametrize(
    ("line", "found"),
    [
        (".. _maritime-plan:", True),
        (".. _NATO: https://www.nato.int", True),
        (".. note:: Text", False),  # a directive
        ("... _and so on:", False),
        (".. _:", False),
    ],
)
def test_rst_target(line, found):
    assert authoring.is_rst_target(line) is found


def test_txt2tags_settings_and_comments_only_in_a_txt2tags_document():
    assert _blanked(["Title", "", "%!target: html", "% a note", "Text."]) == ["Title", "", "", "", "Text."]
    assert _blanked(["% Title", "% Author", "", "Text."]) == ["% Title", "% Author", "", "Text."]  # pandoc's
    assert authoring.is_txt2tags_setting("%!encoding: utf-8")
    assert not authoring.is_txt2tags_setting("%! not a setting")


def test_txt2tags_preamble_is_its_title_and_metadata():
    lines = ["Allies Agree Steps", "Press Office", "2026-08-04", "", "%!target: html", "", "Text."]
    assert authoring.txt2tags_preamble(lines) == (5, "Allies Agree Steps")
    assert authoring.txt2tags_preamble(["Allies Agree Steps", "", "Text."]) is None  # no settings: no header area


def test_txt2tags_header_row_reads_as_a_table():
    doc = _doc("Plan\n\n%!target: html\n\n|| Priority Area | Key Focus | Expected Outcome |\n| A | B | C |\n")
    assert doc.tables[0].headers == ["Priority Area", "Key Focus", "Expected Outcome"]


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ('#set page(paper: "a4")', True),
        ("#show heading: set text(navy)", True),
        ("#show heading.where(level: 1): it => it", True),
        ('#import "@preview/cetz:0.2": canvas', True),
        ("#let title = [Plan]", True),
        ("#show your support for Ukraine: now", False),  # a hashtag line
        ("#set the agenda", False),
        ("#NATO summit", False),
    ],
)
def test_typst_rule(line, found):
    assert authoring.is_typst_rule(line) is found


def test_typst_table_call():
    lines = ["#table(", "  columns: 3,", "  table.header[*A*][*B*][*C*],", "  [a], [b], [c],", ")"]
    assert authoring.typst_rows(lines, 0) == ([(["*A*", "*B*", "*C*"], 3), (["a", "b", "c"], 4)], 4)
    assert authoring.typst_rows(["#table(", "  [a], [b], [c],", ")"], 0) is None  # no column count
    assert authoring.typst_rows(["#table(columns: 2, [a], [b], [c])"], 0) is None  # a row left short


# --- org-mode -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("TODO Follow-up actions   :nato:review:", "Follow-up actions"),
        ("Priorities                    :plan:", "Priorities"),
        ("DONE [#A] Contracts", "Contracts"),
        ("Ratio 3:2 agreed", "Ratio 3:2 agreed"),  # a colon inside the text: no tags
        ("TODO", "TODO"),  # the keyword alone is the text
        ("Todo list for ministers", "Todo list for ministers"),
    ],
)
def test_org_heading_text(text, heading):
    assert authoring.org_heading_text(text) == heading


def test_org_planning_line():
    assert authoring.is_org_planning_line("  SCHEDULED: <2026-07-01 Wed>")
    assert authoring.is_org_planning_line("DEADLINE: <2026-07-01> SCHEDULED: <2026-06-01>")
    assert not authoring.is_org_planning_line("SCHEDULED: the summit for June")


def test_org_cookie_row():
    assert authoring.is_org_cookie_row([" <l13> ", " <r> ", " "])
    assert not authoring.is_org_cookie_row([" ", " "])  # an empty row is a row
    assert not authoring.is_org_cookie_row([" <l13> ", " Munitions "])


def test_org_title_only_when_no_heading_repeats_it():
    lines = ["#+TITLE: Allies Review Plan", "", "* Priorities"]
    assert authoring.org_title(lines, 0) == "Allies Review Plan"
    assert authoring.org_title(["#+TITLE: Allies Review Plan", "* Allies Review Plan"], 0) is None
    assert authoring.org_title(["#+AUTHOR: Desk", "* Priorities"], 0) is None


def test_org_document_reads_title_tags_and_table_groups():
    doc = _doc(
        "#+TITLE: Allies Review Plan\n\nText.\n\n* Priorities   :plan:\n| A | B |\n|---+---|\n| <l> | <r> |\n"
        "| a | b |\n|---+---|\n| c | d |\n\n* TODO Steps :x:\n  SCHEDULED: <2026-07-01 Wed>\n  - [-] Stocks :: report\n"
    )
    assert [s.heading for s in doc.sections if s.heading] == ["Allies Review Plan", "Priorities", "Steps"]
    assert [row.cells for row in doc.tables[0].rows] == [["a", "b"], ["c", "d"]]
    assert [item.text for item in doc.items] == ["Stocks: report"]


# --- Textile, MediaWiki, AsciiDoc, Wikidot, Markdoc ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("h2(#priorities){color:navy}. Priorities", "h2. Priorities"),
        ("p(lead). Allies agreed a plan.", "Allies agreed a plan."),
        ("p>. _Reporting._", "_Reporting._"),
        ("table(priorities).", ""),
        ("|{font-weight:bold}. Satellites | Backup | Service |", "| Satellites | Backup | Service |"),
        ("|_{color:red}. Area |_. Focus |", "|_. Area |_. Focus |"),
        ("|=. Agreed priorities", None),  # a one-cell row: the caption
        ("h2. Priorities", "h2. Priorities"),
        ("p.s. thanks", None),  # no space after the full stop
        ("Hello world", None),
    ],
)
def test_textile_line(line, read):
    assert authoring.textile_line(line) == read


def test_textile_lines_only_in_a_textile_document():
    lines = ["p(lead). Text", "| a | b |"]
    assert not authoring.textile_lines(lines) and lines == ["p(lead). Text", "| a | b |"]
    lines = ["h1(#top). Title", "p(lead). Text"]
    assert authoring.textile_lines(lines) and lines == ["h1. Title", "Text"]


@pytest.mark.parametrize(
    ("raw", "cell"),
    [
        (' rowspan="2" | Air Defence ', ("Air Defence", 2, 1)),
        (' scope="col" | Priority Area', ("Priority Area", 1, 1)),
        (" colspan=3 style='x' | Total", ("Total", 1, 3)),
        (" Interceptor stocks ", ("Interceptor stocks", 1, 1)),
        (" a = b | c ", ("a = b | c", 1, 1)),  # spaces in a value: not attributes
    ],
)
def test_mediawiki_cell(raw, cell):
    assert authoring.mediawiki_cell(raw) == cell


def test_spanned_rows_fill_down():
    rows = [([("A", 2, 1), ("b", 1, 1)], 1), ([("c", 1, 1)], 2), ([("d", 1, 1), ("e", 1, 1)], 3)]
    assert authoring.spanned_rows(rows) == [(["A", "b"], 1), (["A", "c"], 2), (["d", "e"], 3)]
    assert authoring.spanned_rows([([("x", 1, 2)], 1)]) == [(["x", "x"], 1)]


@pytest.mark.parametrize(
    ("body", "cells"),
    [
        (".2+|Maritime Security", [("Maritime Security", 2, 1)]),
        ("|Priority Area |Key Focus", [("Priority Area", 1, 1), ("Key Focus", 1, 1)]),
        ("a|Energy links", [("Energy links", 1, 1)]),
        ("2+|x |y", [("x", 1, 2), ("y", 1, 1)]),
        ("3*|z", [("z", 1, 1)] * 3),
        ("Energy links", None),  # a continuation line
        ("Allies|NATO", None),  # a pipe inside a word opens no cell
    ],
)
def test_asciidoc_cells(body, cells):
    assert authoring.asciidoc_cells(body) == cells


def test_cells_in_rows():
    cells = [(("A", 1, 1), 1), (("B", 1, 1), 1), (("x", 2, 1), 2), (("y", 1, 1), 3), (("z", 1, 1), 4)]
    assert authoring.cells_in_rows(cells, 2) == [(["A", "B"], 1), (["x", "y"], 2), (["x", "z"], 4)]
    assert authoring.cells_in_rows(cells[:3], 2) is None  # the last row left short
    assert authoring.cells_in_rows([(("w", 1, 3), 1)], 2) is None  # a row overflows


def test_asciidoc_table_with_spans_and_dsv():
    doc = _doc(
        "= T\n\n[cols=\"1,1\"]\n|===\n|Area |Focus\n\n.2+|Air\n|Radars\n\n|Jets\n|===\n\n"
        "[format=\"dsv\"]\n:===\nArea:Focus\nSea:Ships\n:===\n"
    )
    assert [row.cells for row in doc.tables[0].rows] == [["Air", "Radars"], ["Air", "Jets"]]
    assert [row.cells for row in doc.tables[1].rows] == [["Sea", "Ships"]]
    assert authoring.dsv_rows([":===", "a:b", "c:d:e", ":==="], 0) is None  # rows of different widths
    assert authoring.dsv_rows([":===", "a:b", "c:d"], 0) is None  # never closed


def test_wikidot_page():
    lines = ["+ Title", "||~ Area ||~ Focus ||", "|| a || b ||", "[[footnoteblock]]", "++ Next"]
    assert authoring.wikidot_lines(lines)
    assert lines == ["# Title", "||Area||Focus||", "| a | b |", "", "## Next"]
    plain = ["+ Readiness", "+ Mobility", "[[Warsaw]]"]  # markdown "+" bullets and a wiki link: no Wikidot
    assert not authoring.wikidot_lines(plain) and plain == ["+ Readiness", "+ Mobility", "[[Warsaw]]"]
    assert authoring.wikidot_header("|| a || b ||") is None


def test_markdoc_table():
    lines = ["{% table %}", "* Area", "* Focus", "---", "* Cyber", "* Sharing", "  threat data", "{% /table %}"]
    assert authoring.markdoc_rows(lines, 0) == ([(["Area", "Focus"], 2), (["Cyber", "Sharing threat data"], 5)], 7)
    assert authoring.markdoc_rows(["{% table %}", "* Area", "---", "* a", "* b", "{% /table %}"], 0) is None
    assert authoring.markdoc_rows(["{% callout %}", "* a", "{% /callout %}"], 0) is None


# --- tables and items ----------------------------------------------------------------------------------------


def test_cell_list_text():
    assert authoring.cell_list_text(["- Backup power", "- Fuel reserves"]) == "Backup power Fuel reserves"
    assert authoring.cell_list_text(["2025", "- 2030"]) == "2025 - 2030"  # a wrapped hyphen: kept
    assert authoring.cell_list_text(["- 5% more"]) == "- 5% more"  # one line: as written


def test_stacked_header_and_span_underline():
    assert authoring.stacked_header([["Priority Area", "Plan", ""], ["\\", "Key Focus", "Outcome"]]) == [
        "Priority Area",
        "Key Focus",
        "Outcome",
    ]
    assert authoring.is_span_underline("-----  ----------")
    assert not authoring.is_span_underline("=====  =====")
    assert not authoring.is_span_underline("- item")


@pytest.mark.parametrize(
    ("line", "parents", "glyph"),
    [
        ("   1.1. Brigades: two more", ["1."], "1.1."),
        ("   1.2 Air: more jets", ["1.", "1.1."], "1.2"),
        ("      2.1.3. Depth", ["2.", "2.1."], "2.1.3."),
        ("   2.1. Customs", ["1."], None),  # not under item 2
        ("1.5 million troops arrived", [], None),  # no open item: prose
        ("   1.5 million troops", ["2."], None),
    ],
)
def test_outline_item(line, parents, glyph):
    marker = authoring.outline_item(line, parents)
    assert (marker.glyph if marker else None) == glyph


def test_pandoc_title_block():
    meta = front_matter(["% Allies Agree Plan", "% Press Office", "% 30 January 2026", "", "Text."])
    assert meta is not None and (meta.end, meta.title) == (2, "Allies Agree Plan")
    assert front_matter(["% Allies Agree Plan", "Text right below."]) is None  # no blank line: not a title block
    assert front_matter(["% a", "% b", "% c", "% d", ""]) is None  # more than three fields


def test_documents_read_as_their_authors_meant():
    assert "Draft" not in _prose("Intro.\n\n{% comment %}\nDraft plan.\n{% endcomment %}\n\nText.\n")
    assert "export" not in _prose("export const meta = {\n  a: 1,\n}\n\n# Plan\n\nText.\n")
    assert _doc("# Plan\n\n- Air\n   1.1. Not an outline\n").items[-1].text.endswith("Not an outline")


# round 11C (session 14, shapes12c): seed-style articles written the inconsistent ways writers do


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("• Backup power<br>• Fuel reserves", "Backup power<br>Fuel reserves"),
        ("- Civil rail<br/>- Port access<BR />- Depots", "Civil rail<br>Port access<br>Depots"),
        ("* Sensors <br> * Radars", "Sensors <br>Radars"),
        # near misses: one line, a line without a bullet, a bullet only inside the text
        ("• Backup power", None),
        ("Estonia<br>Finland", None),
        ("• Backup power<br>Fuel reserves", None),
        ("5%<br>- 2%", None),
        ("Sensors • Radars<br>Jammers", None),
    ],
)
def test_br_cell_list(content, expected):
    assert authoring.br_cell_list(content) == expected


def test_a_br_list_in_a_pipe_cell_reads_as_its_items():
    doc = _doc("| Area | Focus | Outcome |\n|---|---|---|\n| Energy | • Backup power<br>• Fuel | Fewer outages |\n")
    assert doc.tables[0].rows[0].cells == ["Energy", "Backup power Fuel", "Fewer outages"]
    doc = _doc("| Area | Focus | Outcome |\n|---|---|---|\n| Energy | Power<br>• Fuel | Fewer outages |\n")
    assert doc.tables[0].rows[0].cells[1] == "Power • Fuel"  # near miss: not every line a bullet


def test_unclosed_liquid_comments_over_a_near_miss_hide_nothing():
    lines = ["{% comment %}", "{% endcomment %}", "{% comment %}", "Text.", "{% comment %}", "{% endcomment x %}"]
    assert _blanked(lines) == ["", "", *lines[2:]]  # the openers below the last closer hide nothing


# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
@pytest.mark.parametrize(
    ("line", "expected"),
    [("  collapsed:: true", True), ("\t  id:: 646c1b4d-9cf2-4c8c-bb05-7f336e027ea1", True),
     ("\t\theading:: 2", True), ("  logseq.order-list-type:: number", True),
     # near misses: a shown property, not indented, no blank after the colons, a C++ scope in code
     ("  later:: review in June", False), ("collapsed:: true", False), ("  id::x", False),
     ("  std::vector holds them", False)],
)  # fmt: skip
def test_is_logseq_hidden_property(line, expected):
    assert authoring.is_logseq_hidden_property(line) is expected


def test_logseq_properties_leave_the_title_and_the_items_clean():
    from nato_briefs import read_article

    page = "title:: Air Policing\ntype:: [[Plan]]\n\n- Jets rotate.\n  collapsed:: true\n\t- Every four months.\n"
    article = read_article(page)
    assert article.title == "Air Policing"
    assert [i.text for i in article.list_items] == ["Jets rotate.", "Every four months."]
    # near miss: a property Logseq shows stays the item's text, and a property line outside a list is prose
    shown = read_article("- Jets rotate.\n  later:: review in June\n")
    assert [i.text for i in shown.list_items] == ["Jets rotate. later:: review in June"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("#+BEGIN_NOTE", True), ("  #+END_NOTE", True), ("#+begin_src clojure", True), ("\t#+BEGIN_QUERY", True),
     # near misses: an org keyword (its own rule), a hashtag, prose naming a marker, an unnamed marker
     ("#+TITLE: Plan", False), ("#BEGIN_NOTE", False), ("Use #+BEGIN_NOTE for notes", False), ("#+BEGIN_", False)],
)  # fmt: skip
def test_is_org_block_marker(text, expected):
    assert authoring.is_org_block_marker(text) is expected


def test_org_block_markers_leave_items_and_prose_and_keep_the_text_inside():
    from nato_briefs import read_article

    page = "- Plan.\n\t- #+BEGIN_NOTE\n\t  Jets rotate.\n\t  #+END_NOTE\n\n#+BEGIN_TIP\nIt is public.\n#+END_TIP\n"
    article = read_article(page)
    assert sorted(i.text for i in article.list_items) == ["Jets rotate.", "Plan."]
    assert "It is public." in article.sections[0].text and "#+" not in article.sections[0].text
    # an empty block under a bullet holds no text: no item; the items around it stay
    empty = read_article("- Plan.\n- #+BEGIN_NOTE\n  #+END_NOTE\n- Review.\n")
    assert [i.text for i in empty.list_items] == ["Plan.", "Review."]
