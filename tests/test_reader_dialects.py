"""Dialect rules (``rules/dialects.py``): Jira Cloud's brace marks, with positive and near-miss cases. Found by
tests/shapes_corpus/766-790 (session 17, shapes17).
"""

from __future__ import annotations

from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import dialects


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
