"""Dialect rules (``rules/dialects.py``): Jira Cloud's brace marks, with positive and near-miss cases. Found by
tests/shapes_corpus/766-790 (session 17, shapes17).
"""

from __future__ import annotations

from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import dialects
from nato_briefs.reader.rules.dialects import is_asciidoc_author_line, is_pasted_org
from tests.reading import md_headings, md_names, md_priorities

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
