"""The segmenter's whole-document passes run only where a line opens as they look for (``reader/starts.py``).

Each gate must be a necessary condition: a document it refuses is one its pass would leave as it is.
Checked on documents drawn from lines of every dialect the passes read, and their near misses, and on
each rule's shape whole.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nato_briefs.reader.rules.authoring import markup_lines, may_markup
from nato_briefs.reader.rules.interchange import interchange_lines, may_interchange
from nato_briefs.reader.starts import LineStarts

# Lines the passes rewrite or blank, and lines that only look like them.
_LINES = [
    "{% comment %}", "{% endcomment %}", "{/* note */}", "export const x = 1", "};", ".. _maritime-plan:", "+++",
    '+++ {"tags": []}', "#set text(size: 11pt)", "#let x = 1", "#import x", "#show heading: x", "%!target: html",
    "% comment", "Content-Type: text/x-zim-wiki", "Wiki-Format: zim 0.6", "#format wiki", "#language en",
    "=> gemini://host/ Back", "```Table of priorities", "```", "| a | b |", "|---|---|", "||<(>Area||Focus||",
    "||a||b||", "━━━━━━━━", "TITLE", "════════", "1 Background", "────────", "# Heading", "## Heading", "Prose line.",
    "", "   ", "export", "+ item", "- item", "=", "=>", "%", ".", "{", "e",
]  # fmt: skip


@settings(max_examples=600)
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=10))
@example(["{% comment %}", "x", "{% endcomment %}"])
@example(["{/* note */}"])
@example(["export const x = 1"])
@example([".. _maritime-plan:"])
@example(["Prose line.", '+++ {"tags": []}'])
@example(["#set text(size: 11pt)", "#let x = 1", "#import x"])
@example(["%!target: html", "% comment"])
def test_markup_lines_changes_nothing_the_gate_refuses(lines: list[str]) -> None:
    out = list(lines)
    markup_lines(out)
    assert out == lines or may_markup(LineStarts(lines))


@settings(max_examples=600)
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=10))
@example(["```Table of priorities", "| a | b |", "|---|---|", "| 1 | 2 |", "```"])
@example(["=> gemini://host/ Back"])
@example(["||<(>Area||Focus||", "||a||b||"])
@example(["━━━━━━━━", "TITLE", "━━━━━━━━"])
@example(["", "1 Background", "────────────", ""])
@example(["#format wiki", "Prose line."])
@example(["Content-Type: text/x-zim-wiki", "Wiki-Format: zim 0.6", "", "Prose line."])
def test_interchange_lines_changes_nothing_the_gate_refuses(lines: list[str]) -> None:
    out = list(lines)
    interchange_lines(out)
    assert out == lines or may_interchange(LineStarts(lines))


def test_line_starts_tells_which_starts_open_a_line() -> None:
    lines = ["||= Area =||", "h2. Title", "", "prose"]
    starts = LineStarts(lines)
    assert starts.opens("|") and starts.opens("||") and starts.opens("||=") and starts.opens("h")
    assert starts.opens("", "x")  # an empty line opens with ""
    assert not starts.opens("|!") and not starts.opens("x") and not starts.opens("h3")
    assert starts.opens("||!")  # longer starts by their first two characters: a necessary condition only
    assert starts.text == "\n".join(lines) and starts.describes(lines)
    lines[2] = "|! Area"  # a pass rewrote a line: the snapshot no longer describes the lines
    assert not starts.describes(lines)
