"""Session 17 rules (``rules/shapes17.py`` and the header wordings): articles pasted between everyday tools, each
rule with its positive and near-miss cases. Found by tests/shapes_corpus/766-790.
"""

from __future__ import annotations

from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.parse import parse_document
from nato_briefs.reader import rules
from nato_briefs.reader.rules import shapes17

SYN = load_header_synonyms()


def _items(text: str) -> list[tuple[int, str]]:
    return [(item.depth, item.text) for item in parse_document(text).items]


def _headings(text: str) -> list[str]:
    return [s.heading for s in parse_document(text).sections if s.heading is not None]


def _tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    return [(table.headers, [row.cells for row in table.rows]) for table in parse_document(text).tables]


def _prose(text: str) -> str:
    return "\n".join(s.text for s in parse_document(text).sections)


def test_new_rules_are_named():
    assert set(shapes17.SHAPES17_RULES) <= set(rules.RULES)


# --------------------------------------------------------------------------- jira_brace_marks

JIRA = "h2. Plan\n\n{color:#172b4d}Allies agreed a plan.{color}\n\n"
JIRA += "* {*}Space centre{*}: expand it\n* {*}Training{*}: a course\n"


def test_jira_brace_marks_read_as_jira_marks():
    assert shapes17.jira_brace_marks("* {*}Space centre{*}: x") == "* *Space centre*: x"
    assert shapes17.jira_brace_marks("{color:#172b4d}Text.{color}") == "Text."
    assert [text for _, text in _items(JIRA)] == ["Space centre: expand it", "Training: a course"]
    assert "{color" not in _prose(JIRA)


def test_jira_brace_marks_near_misses():
    markdown = JIRA.replace("h2. Plan", "# Plan")  # no wiki markup: the braces are text
    assert "{color:#172b4d}" in _prose(markdown)
    assert shapes17.jira_brace_marks("a {b} c {*x*}") == "a {b} c {*x*}"


# --------------------------------------------------------------------------- glued_fence_table

SLACK = "Plan\n\nPriorities:\n```| Area | Focus | Outcome |\n|---|---|---|\n| Air | Jets | Cover |```\n\nNext.\n"


def test_glued_fence_table_is_a_table():
    assert _tables(SLACK) == [(["Area", "Focus", "Outcome"], [["Air", "Jets", "Cover"]])]
    assert "Next." in _prose(SLACK)


def test_glued_fence_table_near_misses():
    fenced = SLACK.replace("```|", "```\n|").replace("|```", "|\n```")  # fences on lines of their own: code
    assert _tables(fenced) == []
    lines = ["```| a | b |```", "text"]  # one line: an inline code span
    shapes17.glued_fence_table(lines)
    assert lines == ["```| a | b |```", "text"]
    prose = ["```| a | b |", "not a row", "| c |```"]
    shapes17.glued_fence_table(prose)
    assert prose[0] == "```| a | b |"


# --------------------------------------------------------------------------- ragged_quote_tail

LONG = "> NATO foreign ministers met in Brussels on Monday and agreed new steps, which will be paid"


def test_ragged_quote_tail_stays_quoted():
    assert shapes17.is_ragged_tail(LONG, "from the common budget.", "> Agreed steps:")
    text = f"Forwarding.\n\nOn Tue, 14 Oct 2025 at 09:12, Anna <a@b.org> wrote:\n> Allies Agree Steps\n>\n{LONG}\n"
    text += "from the common budget.\n>\n> - Training: more courses\n"
    assert _headings(text) == ["Allies Agree Steps"]
    assert "which will be paid from the common budget." in _prose(text)


def test_ragged_quote_tail_near_misses():
    assert not shapes17.is_ragged_tail(LONG, "That is right, and more.", "> next")  # a reply: a sentence
    assert not shapes17.is_ragged_tail(LONG + ".", "from the budget", "> next")  # the line above ended
    assert not shapes17.is_ragged_tail("> short line", "from the budget", "> next")  # not near the wrap width
    assert not shapes17.is_ragged_tail(LONG, "from the budget", "My notes follow.")  # the quote does not resume


# --------------------------------------------------------------------------- flat_outline_levels

DECIMAL = "Measures\n1.\tProduction\n1.1.\tContracts\n1.1.1.\tShells first\n1.2.\tJoint orders\n2.\tStandards\n"
KINDS = "Steps\n1) Pipelines: patrols\na) Baltic Sea\nb) North Sea\n2) Grids: plans\ni) Exercises\n3) Fuel: stocks\n"


def test_flat_outline_levels_nest_by_number_and_kind():
    assert _items(DECIMAL) == [
        (0, "Production"),
        (0, "Standards"),
        (1, "Contracts"),
        (1, "Joint orders"),
        (2, "Shells first"),
    ]
    assert _items(KINDS) == [
        (0, "Pipelines: patrols"),
        (0, "Grids: plans"),
        (0, "Fuel: stocks"),
        (1, "Baltic Sea"),
        (1, "North Sea"),
        (1, "Exercises"),
    ]


def test_flat_outline_levels_near_misses():
    for lines in (
        ["1) Pipelines", "a) Baltic Sea", "b) North Sea"],  # the level above never resumes
        ["1. Forces", "1.5 million troops", "2. Air"],  # 1.5 counts from no 1.1: a number
        ["1. Forces", "2. Air", "3. Sea"],  # one level
        ["a good start", "b) x", "c) y"],  # no enumerator
        ["a) x", "b) y", "c) z", "d) q", "e) r", "f) s", "g) t", "h) u", "i) v"],  # i) after h) is a letter
    ):
        before = list(lines)
        shapes17.flat_outline_levels(lines)
        assert lines == before


# --------------------------------------------------------------------------- empty_first_column

RANGE = "Plan\n\nPriorities:\n\tArea\tFocus\tOutcome\t\n\tAir\tJets\tCover\t\n\tSea\tShips\tPatrols\t\n\nNext.\n"


def test_empty_first_column_reads_the_range():
    assert _tables(RANGE) == [(["Area", "Focus", "Outcome"], [["Air", "Jets", "Cover"], ["Sea", "Ships", "Patrols"]])]


def test_empty_first_column_near_misses():
    for lines in (
        ["\tAir\tJets\tCover"],  # one row
        ["\t\u25e6\tGrid operators", "\t\u25e6\tPort operators"],  # tab-indented sub-items: two cells
        ["\t\tReview\tin\tautumn", "\t\tand\tmore\tlater"],  # two tabs: deeper indentation
        ["\tAir\tJets\tCover", "\tSea\tShips"],  # rows of unequal width
    ):
        before = list(lines)
        shapes17.empty_first_column(lines)
        assert lines == before


# --------------------------------------------------------------------------- lone_title_header

CAPTION = "Plan\n\n| Table 1: Priorities | | |\n|---|---|---|\n| **Area** | **Focus** | **Outcome** |\n"
CAPTION += "| Air | Jets | Cover |\n| Sea | Ships | Patrols |\n"


def test_lone_title_header_gives_way_to_the_real_header():
    assert _tables(CAPTION) == [(["Area", "Focus", "Outcome"], [["Air", "Jets", "Cover"], ["Sea", "Ships", "Patrols"]])]


def test_lone_title_header_near_misses():
    data = [["Poland", "Radars", "2026"], ["Finland", "Jets", "2026"]]
    assert not shapes17.lone_title_header(["Country", "", ""], data)  # the first row names no roles
    assert not shapes17.lone_title_header(["Table 1", "Focus", ""], [["Area", "Focus", "Outcome"], ["a", "b", "c"]])
    assert not shapes17.lone_title_header(["Table 1", "", ""], [["Area", "Focus", "Outcome"]])  # no row below


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
    assert not shapes17.br_paragraph_title("div", True)  # inside an item


# --------------------------------------------------------------------------- header wordings


def test_question_headers_map():
    assert map_headers(["Area of work", "What Allies agreed", "What it should achieve"], SYN) == (0, 1, 2)
    questions = ["ID", "Start time", "Which priority area?", "What is the key focus?", "What outcome do you expect?"]
    assert map_headers(questions, SYN) == (2, 3, 4)


def test_question_headers_near_misses():
    assert map_headers(["Area", "Focus", "What happened"], SYN) is None  # a question naming no role
    assert map_headers(["Area", "Focus", "Who leads?"], SYN) is None
    assert map_headers(["Country", "What Allies agreed", "Year"], SYN) is None


def test_camel_case_headers_and_success_looks_like_map():
    assert map_headers(["priorityArea", "keyFocus", "expectedOutcome"], SYN) == (0, 1, 2)
    assert map_headers(["Priority", "Deliverable", "Success looks like"], SYN) == (0, 1, 2)


def test_camel_case_headers_near_misses():
    assert map_headers(["countryName", "keyFocus", "expectedOutcome"], SYN) is None  # no area
    assert map_headers(["teamLead", "keyFocus", "expectedOutcome"], SYN) is None  # a lead is no area
