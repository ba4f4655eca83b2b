"""Dialect rules (``rules/dialects.py``): Jira Cloud's brace marks, with positive and near-miss cases. Found by
tests/shapes_corpus/766-790 (session 17, shapes17).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.parse import parse_document
from nato_briefs.reader import rules
from nato_briefs.reader.rules import dialects
from nato_briefs.reader.rules.dialects import is_asciidoc_author_line, is_pasted_org
from tests.reading import md_article, md_headings, md_names, md_priorities

ROWS = [["Cyber", "Task force", "Faster response"], ["Readiness", "Drills", "Cohesion"]]


ADOC = "= Allies Agree Plan\n{}\n2025-03-14\n\nMinisters met in Oslo.\n\n== Priorities\n\nText.\n"


ORG = ["* Allies Agree Plan", "", "Ministers met in Oslo.", "", "** Priorities", ""]
ORG += ["| Priority Area | Key Focus | Expected Outcome |", "|---+---+---|", "| Cyber | Task force | Faster response |"]
ORG += ["| Readiness | Drills | Cohesion |", "", "** Initiatives", "", "- Joint orders :: pooled through NSPA"]
ORG += ["- Exercises :: live fire in June", "", "Ministers meet again in October."]


def _items(text: str) -> list[tuple[int, str]]:
    return [(item.depth, item.text) for item in parse_document(text).items]


def _prose(text: str) -> str:
    return "\n".join(s.text for s in parse_document(text).sections)


# --------------------------------------------------------------------------- jira_brace_marks

JIRA = "h2. Plan\n\n{color:#172b4d}Allies agreed a plan.{color}\n\n"


JIRA += "* {*}Space centre{*}: expand it\n* {*}Training{*}: a course\n"


def test_jira_brace_marks_read_as_jira_marks():
    assert dialects.jira_brace_marks("* {*}Space centre{*}: x") == "* *Space centre*: x"
    assert dialects.jira_brace_marks("{color:#172b4d}Text.{color}") == "Text."
    assert [text for _, text in _items(JIRA)] == ["Space centre: expand it", "Training: a course"]
    assert "{color" not in _prose(JIRA)


def test_jira_brace_marks_near_misses():
    markdown = JIRA.replace("h2. Plan", "# Plan")  # no wiki markup: the braces are text
    assert "{color:#172b4d}" in _prose(markdown)
    assert dialects.jira_brace_marks("a {b} c {*x*}") == "a {b} c {*x*}"


# --------------------------------------------------------------------------- asciidoc_author_line (shapes20)


def test_asciidoc_author_line_is_no_heading():
    assert is_asciidoc_author_line("Press Office <press@example.org>", "= Allies Agree Plan")
    assert md_headings(ADOC.format("Press Office <press@example.org>"), "x.txt") == ["Allies Agree Plan", "Priorities"]


def test_asciidoc_author_line_near_misses():
    assert not is_asciidoc_author_line("Press Office", "== Priorities")  # under a section title: its text
    assert not is_asciidoc_author_line(":toc:", "= Allies Agree Plan")  # an attribute entry
    assert not is_asciidoc_author_line("", "= Allies Agree Plan")


# ------------------------------------------------------------------ asciidoc_attribute_entry (session 22, shapes29)

ADOC_ATTRIBUTES = (
    "= Allies Agree Plan\n:doctype: article\n:toc:\n:sectnums!:\n\nAllies agreed a plan.\n\n== Priorities\n\n"
    "|===\n|Priority Area |Key Focus |Expected Outcome\n|Cyber |Task force |Faster\n|===\n"
)


def test_asciidoc_attribute_entry_is_a_setting_no_text():
    """shapes29 1067: ":doctype: article" and ":toc:" under the title opened the lead paragraph."""
    assert dialects.is_asciidoc_attribute_entry(":doctype: article")
    assert dialects.is_asciidoc_attribute_entry(":toc:")
    assert dialects.is_asciidoc_attribute_entry(":!toc:")
    assert _prose(ADOC_ATTRIBUTES).strip() == "Allies agreed a plan."
    assert md_headings(ADOC_ATTRIBUTES, "x.txt") == ["Allies Agree Plan", "Priorities"]


def test_asciidoc_attribute_entry_near_misses():
    assert not dialects.is_asciidoc_attribute_entry(": a note")  # a blank after the colon
    assert not dialects.is_asciidoc_attribute_entry(":see also: the annex")  # a name with a space
    assert not dialects.is_asciidoc_attribute_entry(":toc:left")  # text glued to the closing colon
    assert not dialects.is_asciidoc_attribute_entry(":) thanks")
    markdown = "# Allies Agree Plan\n\n:doctype: article\n\nAllies agreed a plan.\n"  # no AsciiDoc: text
    assert ":doctype: article" in _prose(markdown)


# --------------------------------------------------------------------------- pasted_org (shapes20b)


def test_pasted_org_reads_as_org():
    assert is_pasted_org(ORG, 0)
    text = "\n".join(ORG) + "\n"
    assert md_headings(text) == ["Allies Agree Plan", "Priorities", "Initiatives"]
    assert md_names(text) == ["Joint orders", "Exercises"]
    assert md_priorities(text) == ROWS


def test_pasted_org_near_misses():
    assert not is_pasted_org(["- Allies Agree Plan", *ORG[1:]], 0)  # a dash bullet first: markdown
    only_rule = [line for line in ORG if line[:2] != "**" and " :: " not in line]
    assert not is_pasted_org(only_rule, 0)  # one kind of mark alone (a "+"-jointed rule)
    markdown = ["* Allies met", "* Ministers agreed", "", "** Note ** the rest", "", "Text."]
    assert not is_pasted_org(markdown, 0)  # a "**" line alone
    assert not is_pasted_org(["** Allies Agree Plan", *ORG[1:]], 0)  # two stars first: no one-star title
    assert "Allies Agree Plan" not in md_headings("* Allies Agree Plan\n* Second item\n\nText.\n")
# --------------------------------------------------------------------------- mediawiki_table_open (sweep 15)

LITERAL = (
    "# Placeholders\n\n## Background\n\nA literal to translate:\n\n{|bonjour| @translate=yes}\n\n"
    "## Proposal\n\nKeep it.\n"
)


def test_mediawiki_table_open():
    assert dialects.is_mediawiki_table_open("{|")
    assert dialects.is_mediawiki_table_open('{| class="wikitable" style="width:100%"')
    wiki = '== Plan ==\n\n{| class="wikitable"\n|-\n! Area !! Focus\n|-\n| Air || Patrols\n|}\n'
    assert [s.heading for s in parse_document(wiki).sections if s.heading] == ["Plan"]


def test_mediawiki_table_open_near_misses():
    for line in ("{|bonjour| @translate=yes}", "{|   |}Quoted literals{|   |}", "{||}   Empty literals   {||}"):
        assert not dialects.is_mediawiki_table_open(line), line
    headings = [s.heading for s in parse_document(LITERAL).sections if s.heading]
    assert headings == ["Placeholders", "Background", "Proposal"]  # markdown's headings, no MediaWiki list
    assert "{|bonjour| @translate=yes}" in _prose(LITERAL)


# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("h1. Cyber Defence Centre Review", (1, "Cyber Defence Centre Review")),
        ("h3. Notes", (3, "Notes")),
        ("== Allies Agree Plan ==", (2, "Allies Agree Plan")),
        ("=== Priorities ===", (3, "Priorities")),
        ("= Allies Agree Space Plan", (1, "Allies Agree Space Plan")),
        ("== Next steps", (2, "Next steps")),
        ("h7. Not a level", None),
        ("hi. there", None),
        ("=====", None),  # a rule, no text
        ("== 2025 ==", None),  # no letter
        ("=x", None),  # no space after the signs
    ],
)
def test_wiki_heading(line, expected):
    assert rules.wiki_heading(line) == expected


@pytest.mark.parametrize(
    ("line", "nxt", "after", "expected"),
    [
        ("=========", "Allies Agree Plan", "=========", True),
        ("---------", "Title", "---------", True),
        ("=========", "Allies Agree Plan", "", False),  # no underline: a setext rule of its own
        ("=========", "Allies Agree Plan", "=====", False),  # not the same rule
        ("=========", "", "=========", False),
        ("== x ==", "Title", "== x ==", False),
    ],
)
def test_overline(line, nxt, after, expected):
    assert rules.is_overline(line, nxt, after) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("||Priority Area||Key Focus||Expected Outcome||", ["Priority Area", "Key Focus", "Expected Outcome"]),
        ("|_. Priority Area |_. Key Focus |", ["Priority Area", "Key Focus"]),
        ("|Cyber|Sharing|", None),  # a data row
        ("|_. Area | Focus |", None),  # one header cell, one data cell: not a header row
        ("||a||", None),  # one cell
        ("|| x || || y ||", None),  # an empty header cell
    ],
)
def test_wiki_table_header(line, expected):
    assert rules.wiki_table_header(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("# Funding: who pays", (0, 2)), ("## nested", (4, 3)), ("#hashtag", None), ("#", None)],
)
def test_wiki_ordered_item(line, expected):
    marker = rules.wiki_ordered_item(line)
    assert (None if marker is None else (marker.indent, marker.content)) == expected


def test_wiki_mixed_markers_nest_and_the_last_decides():
    """Confluence/Jira ``#*``: a bullet one level under a numbered item; ``##`` stays numbered (shapes 442)."""
    bullet, numbered = rules.wiki_ordered_item("#* Finland: store kit"), rules.wiki_ordered_item("##* x")
    assert (bullet.indent, bullet.ordered, bullet.content) == (4, False, 3)
    assert (numbered.indent, numbered.ordered) == (8, False)
    assert rules.wiki_ordered_item("#*bold*") is None  # no blank after the markers: text
    assert rules.wiki_ordered_item("*# x") is None  # a star item's lead is not "#": markdown's rules read it


@pytest.mark.parametrize(
    ("line", "expected"),
    [("|-----+------|", True), ("|---+---+---|", True), ("|---|---|", False), ("|-+", False), ("| a + b |", False)],
)
def test_org_table_rule(line, expected):
    assert rules.is_org_table_rule(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("* Allies Review Plan", (1, "Allies Review Plan")), ("** Priorities", (2, "Priorities")),
     ("**bold** text", None), ("* 2025", None), ("*emphasis*", None)],
)  # fmt: skip
def test_org_heading(line, expected):
    assert rules.org_heading(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"), [("#+TITLE: Plan", True), ("#+author: Desk", True), ("#+ not", False), ("# Title", False)]
)
def test_org_keyword(line, expected):
    assert rules.is_org_keyword(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("* '''Germany''': four jets", "* **Germany**: four jets"),
        ("a ''new'' plan", "a _new_ plan"),
        ("the Allies' plans and ministers' views", "the Allies' plans and ministers' views"),
        ("'''''both'''''", "_**both**_"),  # five apostrophes: bold in italics, as MediaWiki reads them
    ],
)
def test_mediawiki_bold(text, expected):
    assert rules.mediawiki_bold(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[size=5][b]Allies Agree Drone Plan[/b][/size]", "**Allies Agree Drone Plan**"),
        ("[list]", ""),
        ("[/list]", ""),
        ("[*]Orders: pool the first orders", "- Orders: pool the first orders"),
        ("[i]Posted from the forum[/i]", "_Posted from the forum_"),
        ("See [url=https://nato.int]the site[/url].", "See the site."),
        ("[Share](https://x)", "[Share](https://x)"),  # markdown: no BBCode tag
    ],
)
def test_bbcode_to_markdown(line, expected):
    assert rules.bbcode_to_markdown(line) == expected


def test_has_bbcode():
    assert rules.has_bbcode("[b]Title[/b]") and rules.has_bbcode("[/list]")
    assert not rules.has_bbcode("[b]") and not rules.has_bbcode("[link](/x) and [/path]")


@pytest.mark.parametrize(
    ("line", "expected"),
    [("=============  ===============", [0, 15]), ("=====", None), ("=== --- ===", None), ("---  ---", None)],
)
def test_rst_table_columns(line, expected):
    assert rules.rst_table_columns(line) == expected


@given(st.text(alphabet="h=.#|_[]*'/:+- abcBST0123456789\t", max_size=60))
@settings(max_examples=300)
def test_dialect_rules_never_raise(text):
    rules.wiki_heading(text)
    rules.wiki_table_header(text)
    rules.org_heading(text)
    rules.bbcode_to_markdown(text)
    rules.mediawiki_bold(text)
    rules.is_dateline(text)
    rules.is_time_stamp(text)
    rules.is_byline_name(text)
    rules.is_result_footer(text)


def test_asciidoc_lines():
    assert rules.is_asciidoc_block_line("====") and rules.is_asciidoc_block_line("[NOTE]")
    assert rules.is_asciidoc_block_line("[%header,format=csv]")
    assert not rules.is_asciidoc_block_line("===") and not rules.is_asciidoc_block_line("[Share](https://x)")
    assert not rules.is_asciidoc_block_line("==== Title")
    assert rules.asciidoc_ordered_item(". Rotations: four months") is not None
    assert rules.asciidoc_ordered_item(".. Nested").indent == 4
    assert rules.asciidoc_ordered_item(".Agreed priorities") is None  # a block title
    assert rules.is_asciidoc_document(["= Allies Agree Plan", "", "text"], 0)
    assert not rules.is_asciidoc_document(["== Priorities ==", "text"], 0)  # MediaWiki


@pytest.mark.parametrize(
    ("line", "above", "below", "expected"),
    [("~~~~~~~~~~", "Priorities", "", True), ("^^^^^", "Goals", "", True), ("~~~~~~~~~~~~", "Priorities", "", True),
     ("~~~", "Code:", "print(1)", False), ("~~~", "Priorities", "", False), ("~~~~~~~~~~", "Priorities", "code", False),
     ("~~~~~~~~~~~~~~~~~~~~", "Priorities", "", False), ("~~~~", "", "", False)],
)  # fmt: skip
def test_rst_underline(line, above, below, expected):
    assert rules.is_rst_underline(line, above, below) is expected


def test_fenced_document():
    assert rules.wraps_document("```markdown", "```") and rules.wraps_document("~~~md", "~~~~")
    assert not rules.wraps_document("```python", "```")  # a code sample
    assert not rules.wraps_document("````markdown", "```")  # the closing fence is shorter
    assert not rules.wraps_document("```markdown", "Text.")


def test_rst_directive():
    assert rules.rst_directive(".. list-table:: Agreed priorities") == ("list-table", "Agreed priorities")
    assert rules.rst_directive(".. note::") == ("note", "")
    assert rules.rst_directive(".. _label:") is None and rules.rst_directive("..  not one") is None
    options, body, end = rules.rst_directive_body(
        [".. table:: T", "   :widths: 1 2", "", "   +---+", "   | a |", "x"], 0
    )
    assert options == {"widths": "1 2"} and [text for text, _ in body] == ["+---+", "| a |"] and end == 4


def test_rst_table_directive_unwraps_in_place():
    lines = [".. table:: Caption", "   :name: t", "", "   +---+", "   | a |", "   +---+", "", "Next."]
    assert rules.unwrap_table_directive(lines, 0) == 7
    assert lines == [".. table:: Caption", "", "", "+---+", "| a |", "+---+", "", "Next."]
    assert rules.unwrap_table_directive([".. note:: x", "   y"], 0) == 1  # not a table directive: untouched


def test_asciidoc_columns():
    """An AsciiDoc table's declared column count (shapes 407): entries counted, ``N*`` multiplied."""
    assert rules.asciidoc_columns('[cols="1,1,1",options="header"]') == 3
    assert rules.asciidoc_columns("[%header,cols='2,3*']") == 4
    assert rules.asciidoc_columns("[cols=3*]") == 3
    assert rules.asciidoc_columns('[cols="<2,^3,>1a"]') == 3
    assert rules.asciidoc_columns('[cols="1"]') is None  # one column: no table to cut
    assert rules.asciidoc_columns("[NOTE]") is None
    assert rules.asciidoc_columns("Set cols=3 in the file.") is None  # prose, not an attribute line


@pytest.mark.parametrize(
    ("line", "name"),
    [("[Priorities]", "Priorities"), ("[Next steps]", "Next steps"), (" [Host nation] ", "Host nation"),
     # near misses: a table of contents marker, a checkbox, a footnote, a link, a line with more text
     ("[TOC]", None), ("[x]", None), ("[1]", None), ("[Photo](https://example.org/p.jpg)", None),
     ("[Priorities] were agreed", None), ("[[Wikilink]]", None)],
)  # fmt: skip
def test_ini_section(line, name):
    assert rules.ini_section(line) == name


def test_ini_sections_are_titles_and_a_transcripts_stage_directions_stay_prose():
    doc = parse_document("Notes\n\n[Summary]\nPlanners met.\n\n[Actions]\n- Plan: by July\n")
    assert [s.heading for s in doc.sections] == ["Notes", "Summary", "Actions"]
    doc = parse_document("Remarks\n\nThank you.\n\n[Applause]\n\nAllies must spend more.\n\n[Laughter]\n\nThanks.\n")
    assert [s.heading for s in doc.sections] == ["Remarks"]
    doc = parse_document("Notes\n\n[Summary]\nPlanners met.\n")  # one alone: not a section
    assert [s.heading for s in doc.sections] == ["Notes"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("! Allies Agree Space Plan", (1, "Allies Agree Space Plan")), ("!!Priorities", (2, "Priorities")),
     # near misses: marks alone, a number after them, a finished exclamation
     ("!!!", None), ("! 5 killed in the attack", None), ("!Warning! Read this.", None), ("Priorities", None)],
)  # fmt: skip
def test_bang_heading(line, expected):
    assert rules.bang_heading(line) == expected


def test_bang_headings_need_two_of_them():
    doc = parse_document("! Allies Agree Plan\n\nAllies met.\n\n!! Steps\n\n* Centre: Ramstein\n")
    assert [s.heading for s in doc.sections] == ["Allies Agree Plan", "Steps"]
    doc = parse_document("Allies Agree Plan\n\n!Important update for all staff\n\nAllies met.\n")
    assert "!Important update for all staff" not in [s.heading for s in doc.sections]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("|!Priority Area |!Key Focus |", "||Priority Area||Key Focus||"), ("||!Area ||!Focus ||", "||Area||Focus||"),
     # near misses: a cell without its mark, a Jira header, a body row, one cell
     ("|!Area |Focus |", None), ("||Area||Focus||", None), ("| a | b |", None), ("|!Area |", None)],
)  # fmt: skip
def test_bang_table_header(line, expected):
    assert rules.bang_table_header(line) == expected


def test_pmwiki_table_reads_with_its_attribute_line_dropped():
    doc = parse_document("Intro.\n\n||border=1\n||!Area ||!Focus ||\n||Land ||Brigades ||\n")
    assert [(t.headers, [r.cells for r in t.rows]) for t in doc.tables] == [(["Area", "Focus"], [["Land", "Brigades"]])]
    assert rules.is_pmwiki_table_attributes("||border=1 width=100%") and not rules.is_pmwiki_table_attributes("||a||")


@pytest.mark.parametrize(
    ("text", "heading"),
    [("## Measures", "## Measures"), ("# Title  ", "# Title"),
     # near misses: a tag, a heading mark alone, more marks than a heading has
     ("#measures", None), ("##", None), ("####### Deep", None)],
)  # fmt: skip
def test_heading_item(text, heading):
    assert rules.heading_item(text) == heading


def test_logseq_heading_blocks_are_headings_over_their_children():
    doc = parse_document("- Intro block.\n- ## Measures\n\t- Jets: four\n\t- Radars: two\n- #tag block\n")
    assert [s.heading for s in doc.sections if s.heading] == ["Measures"]
    assert [i.text for i in doc.items] == ["Intro block.", "Jets: four", "Radars: two", "#tag block"]


@pytest.mark.parametrize(
    ("line", "content", "text"),
    [("    including payment type, amount", 2, "including payment type, amount"), ("  information.", 2, "information."),
     # near misses: a blank line, a line less indented than the bullet's text, a nested bullet (an item)
     ("", 2, None), ("including", 2, None), ("   * A node between two others.", 2, None)],
)  # fmt: skip
def test_heading_item_text(line, content, text):
    assert rules.heading_item_text(line, content) == text
    assert rules.RULES["heading_item_text"] is dialects.heading_item_text


def test_a_heading_items_indented_text_is_read_and_its_children_stay_items():
    doc = parse_document(
        "# Glossary\n\n* #### *Invoice*: A request for funds on the Allied network, possibly\n"
        "    including the amount and expiry.\n\n* #### *Hop*:\n   * A node between two others.\n\n"
        "#### Code\n\n    share(x, allies)\n"
    )
    invoice = next(s for s in doc.sections if s.heading and s.heading.startswith("Invoice"))
    assert invoice.text == "including the amount and expiry."
    assert [i.text for i in doc.items] == ["A node between two others."]
    assert "share(x, allies)" not in " ".join(s.text for s in doc.sections)  # indented code at the margin stays code


@pytest.mark.parametrize(
    ("line", "above", "expected"),
    [("------+-------", " area | focus ", "------|-------"), ("---+---+---", "a | b | c", "---|---|---"),
     # near misses: joints that do not match the header's pipes, a rule with outer pipes (org's), no joints
     ("---+---+---", "a | b", None), ("|---+---|", "| a | b |", None), ("-------", "a | b", None)],
)  # fmt: skip
def test_psql_rule(line, above, expected):
    assert rules.psql_rule(line, above) == expected


def test_psql_output_is_a_table_and_its_footer_prose():
    doc = parse_document("Intro.\n\n area | focus \n------+-------\n Land | Tanks\n(1 row)\n\nEnd.\n")
    assert [(t.headers, [r.cells for r in t.rows]) for t in doc.tables] == [(["area", "focus"], [["Land", "Tanks"]])]
    assert "(1 row)" in "\n".join(s.text for s in doc.sections)


# --------------------------------------------------------------------------- MediaWiki typed without blanks (shapes26)
MW_TABLE = ["{|class=\"wikitable\"", "!Priority Area!!Key Focus!!Expected Outcome", "|-", "|Cyber||Task force||Faster"]
MW_TABLE += ["|-", "|Readiness||Drills||Cohesion", "|}"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("==Priorities==", (2, "Priorities")), ("=Allies Agree Plan=", (1, "Allies Agree Plan")),
     ("===See also===", (3, "See also")), ("==Priorités / Priorities==  ", (2, "Priorités / Priorities"))],
)
def test_unspaced_wiki_heading(line, expected):
    assert dialects.unspaced_wiki_heading(line) == expected


@pytest.mark.parametrize(
    "line", ["==> notes.txt <==", "=SUM(A1:B2)", "==Priorities=", "==Priorities ==", "====", "==2025=="]
)
def test_unspaced_wiki_heading_near_misses(line):
    assert dialects.unspaced_wiki_heading(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [("*Counter-drone week: trials", "* Counter-drone week: trials"), ("#NATO Force Model", "# NATO Force Model"),
     ("**Nested item", "** Nested item"), ("*'''Bold lead''': detail", "* '''Bold lead''': detail")],
)
def test_tight_mediawiki_item(line, expected):
    assert dialects.tight_mediawiki_item(line) == expected


@pytest.mark.parametrize("line", ["* Spaced item", "*emphasis* opens the line", "**bold** lead", "Plain text", "*"])
def test_tight_mediawiki_item_near_misses(line):
    assert dialects.tight_mediawiki_item(line) is None


def test_mediawiki_article_typed_without_blanks_reads_headings_table_and_items():
    text = "\n".join(["=Allies Agree Plan=", "Allies met in Oslo.", "", "==Priorities==", *MW_TABLE, ""])
    text += "\n==Key initiatives==\n*Joint orders: pooled\n*Exercises: in June\n\n==See also==\n*[[NATO]]\n"
    article = md_article(text, "x.txt")
    assert [s.heading for s in article.sections if s.heading] == [
        "Allies Agree Plan", "Priorities", "Key initiatives", "See also"]
    assert md_priorities(text, "x.txt") == [["Cyber", "Task force", "Faster"], ["Readiness", "Drills", "Cohesion"]]
    assert md_names(text, "x.txt") == ["Joint orders", "Exercises", "NATO"]


def test_unspaced_equals_line_outside_mediawiki_stays_prose():
    text = "# Allies Agree Plan\n\n==Priorities==\n\nAllies met in Oslo.\n"  # no wiki table: no MediaWiki
    assert md_headings(text) == ["Allies Agree Plan"]


def test_mediawiki_bang_header_cells_one_a_line_are_no_headings():
    table = ["{| class=\"wikitable\"", "|-", "! Priority Area", "! Key Focus", "! Expected Outcome", "|-"]
    table += ["| Cyber", "| Task force", "| Faster", "|-", "| Readiness", "| Drills", "| Cohesion", "|}"]
    text = "\n".join(["==Allies Agree Plan==", "Allies met in Oslo.", "", "===Priorities===", *table, ""])
    assert md_priorities(text, "x.txt") == [["Cyber", "Task force", "Faster"], ["Readiness", "Drills", "Cohesion"]]
    assert md_names(text, "x.txt") == []
