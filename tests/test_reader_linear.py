"""The reader runs in linear time: no regex can backtrack, and work grows linearly on adversarial lines.

Nothing here is timed. The audit reads each compiled pattern's structure
(``re.DEBUG``) and allows unbounded repeats only when possessive, which never
give characters back. The work test counts the Python lines the reader
executes (``sys.settrace``) on adversarial inputs at two sizes.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys

import pytest

from nato_briefs import normalize, parse
from nato_briefs.parse import ParseLimitError, parse_document
from nato_briefs.reader import html, lines, rules, segment, text, text_tables
from tests.hostile_corpus import adversarial_lines

MODULES = (parse, normalize, rules, lines, segment, text_tables, html, text)


def reader_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for module in MODULES:
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{module.__name__}.{name}", value))
    return found


def unbounded_backtracking_repeats(pattern: re.Pattern[str]) -> list[str]:
    """The greedy or lazy repeats without an upper bound in the pattern's parsed structure."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        re.compile(pattern.pattern, pattern.flags | re.DEBUG)
    tree = out.getvalue().split("\n\n")[0]  # the parsed tree; the opcode listing follows a blank line
    return [line.strip() for line in tree.splitlines() if re.search(r"\b(MAX|MIN)_REPEAT \d+ MAXREPEAT", line)]


def test_the_audit_sees_every_reader_pattern():
    names = {name for name, _ in reader_patterns()}
    assert "nato_briefs.reader.rules._DELIMITER_CELL" in names and "nato_briefs.normalize._SEPARATOR" in names
    assert unbounded_backtracking_repeats(re.compile(r"^[ \t]*\|?[ \t]*:?-+")) != []  # the old delimiter row
    assert unbounded_backtracking_repeats(re.compile(r"[ \t]*+\|?+-++")) == []


@pytest.mark.parametrize(("name", "pattern"), reader_patterns(), ids=[name for name, _ in reader_patterns()])
def test_no_reader_pattern_can_backtrack_over_an_unbounded_repeat(name, pattern):
    assert unbounded_backtracking_repeats(pattern) == [], name


def work(fn, *args) -> int:
    """Python lines executed by fn(*args): a deterministic measure of work, unlike time."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        fn(*args)
    except ParseLimitError:
        pass
    finally:
        sys.settrace(None)
    return count


def parse_and_split(text_: str) -> None:
    doc = parse_document(text_)
    for item in doc.items:
        normalize.split_initiative(item.text, item.bold_lead)


def article(line: str) -> str:
    return f"Adversarial Briefing\n| a | b |\n|---|---|\n| 1 | 2 |\n{line}\n- closing item\n"


@pytest.mark.parametrize("family", sorted(adversarial_lines(16)))
def test_work_grows_linearly_on_adversarial_lines(family):
    small = work(parse_and_split, article(adversarial_lines(2_000)[family]))
    large = work(parse_and_split, article(adversarial_lines(8_000)[family]))
    assert large <= 4.4 * small + 2_000, (family, small, large)


def test_the_32_kb_adversarial_lines_parse_with_the_right_records():
    for family, line in adversarial_lines().items():
        doc_text = article(line)
        if family == "nested_markers":
            with pytest.raises(ParseLimitError):
                parse_document(doc_text)
            continue
        doc = parse_document(doc_text)
        assert doc.title == "Adversarial Briefing" and doc.tables[0].rows[0].cells == ["1", "2"], family


MULTILINE_SHAPES = {
    # every candidate reads on to its closing border, which a text line then disqualifies
    "stacked_candidates": lambda k: "Intro.\n" + "\n------\nAa   Bb\n---- ----\nCc   Dd\n\nEe   Ff\n------\nx\n" * k,
    # one candidate whose body never closes: read to the end once, then read as prose
    "unclosed_body": lambda k: "Intro.\n\n------\nAa   Bb\n---- ----\n" + "Cc   Dd\n\n" * k,
}


WILD_SHAPES = {
    # real-world markdown rules (wild corpus): each scans its line once, whatever the line holds
    "wikilink_brackets": lambda k: "Intro.\n\n" + "[[a|" * k + "\n\n" + "[[" * k + "]]\n",
    "unclosed_link_lines": lambda k: "Intro.\n\n" + "Allies Agree [Plan\n" * k,
    "code_led_continuations": lambda k: "- item of a\n" + "`code` continues the item\n" * k,
    "callout_quotes": lambda k: "> " + "[!NOTE]" * k + "\n\n" + "> [!tip]- Title\n" * k,
    "definition_terms": lambda k: "Intro.\n\n" + "Term\n: definition\n" * k,
    "img_alt_attributes": lambda k: "Intro <img" + ' alt="x' * k + "> end.\n",
    "enumerators_after_and": lambda k: "Intro.\n\n" + "the plan is ready and\n(b) more is done and\n" * k,
    "html_table_blank_cells": lambda k: "<table>\n" + "<tr><td>\n\n**x**\n\n</td></tr>\n" * k + "</table>\n",
    "html_table_never_closed": lambda k: "<table>\n<tr><td>x</td></tr>\n" + "\ncell\n" * k,
    # unclosed link labels: each "[" rescanned the rest of the paragraph, 1,000 labels deep (under
    # the RecursionError that then quarantined the file); the inline parser stops at 20
    "bracket_runs": lambda k: "Intro.\n\n" + "[" * (k // 3) + "\n\n" + "![" * (k // 6) + "\n",
    # session 7's shapes: each rule reads its line once, or a bounded neighbourhood of it
    "spaced_bold_pairs": lambda k: "Intro.\n\n" + "** a **b " * k + "\n",
    "hashtag_tails": lambda k: "Leaders met " + "#nato " * k + "\n\nMore.\n",
    "field_runs": lambda k: "Intro.\n\n" + "Status: In progress\n" * k,
    "link_button_runs": lambda k: "Intro.\n\n" + "[Share](https://x.org/p?a=1)\n\n" * k,
    "emoji_bullet_runs": lambda k: "Intro.\n\n" + "👉 item\n" * k,
    "box_table_rows": lambda k: "Intro.\n\n┌───┬───┐\n│ a │ b │\n├───┼───┤\n" + "│ c │ d │\n" * k + "└───┴───┘\n",
    "lettered_items": lambda k: "Intro:\n" + "".join(f"{c}. item\n" for c in "abcdefgh" * (k // 8)),
    "mkdocs_admonitions": lambda k: "Intro.\n\n" + '!!! note "T"\n    body\n\n' * k,
    "layout_tables": lambda k: "<table><tr><td>" * 8 + "<h1>T</h1>" + "<p>x</p>" * k + "</td></tr></table>" * 8 + "\n",
    # session 7, second round: dialects read line by line, wiki tables read whole once from their opening
    "wiki_headings": lambda k: "h1. Review\n\n" + "h2. Part\n||A||B||\n|a|b|\n# item\n" * k,
    "mediawiki_tables": lambda k: "== T ==\n\n" + "{|\n! A !! B\n|-\n| a || b\n|}\n\n" * k,
    "mediawiki_unclosed": lambda k: "Intro.\n\n" + "{|\n! A !! B\n|-\n" * k,
    "asciidoc_tables": lambda k: "= T\n\n" + "|===\n|A |B\n\n|a\n|b\n|===\n\n" * k,
    "asciidoc_unclosed": lambda k: "Intro.\n\n|===\n|A |B\n" + "|a\ncontinued\n" * k,
    "rst_simple_tables": lambda k: "Intro.\n\n" + "===  ===\nAa   Bb\n===  ===\nCc   Dd\n===  ===\n\n" * k,
    "rst_unclosed": lambda k: "Intro.\n\n===  ===\nAa   Bb\n===  ===\n" + "Cc   Dd\n" * k,
    "org_documents": lambda k: "#+TITLE: T\n\n" + "** Part\n| a | b |\n|---+---|\n| c | d |\n- X :: y\n\n" * k,
    "bbcode_posts": lambda k: "[b]T[/b]\n\n" + "[list]\n[*]item [i]x[/i]\n[/list]\n" * k,
    "footnote_paragraphs": lambda k: "Text.[^1]\n\n[^1]: First.\n" + "\n    More text.\n" * k,
    "grid_row_borders": lambda k: "Intro.\n\n+---+---+\n| a | b |\n+---+---+\n" + "| c | d |\n| e |\n+---+---+\n" * k,
    "bare_pipe_tables": lambda k: "Intro.\n\n" + "A | B\nc | d\ne | f\n\n" * k,
    "bare_pipe_runs_of_two": lambda k: "Intro.\n\n" + "A | B\nc | d\n\n" * k,
    "page_chrome_and_image_links": lambda k: "Intro.\n\n" + "[![a](b)](c)\n\n7 min read\n\nFollow\n\n" * k,
    "datelines_and_stamps": lambda k: "Intro.\n\n" + "NATO Ministers, June 2025\n\n12.04 BST\n\nBy Jane Smith\n\n" * k,
}


@pytest.mark.parametrize("shape", sorted(MULTILINE_SHAPES | WILD_SHAPES))
def test_work_grows_linearly_on_real_world_shapes(shape):
    """Pandoc multiline tables are read whole from the top border (each look-ahead stops at a blank or
    dash line); the real-world rules scan their line once."""
    make = (MULTILINE_SHAPES | WILD_SHAPES)[shape]
    small, large = work(parse_and_split, make(200)), work(parse_and_split, make(800))
    assert large <= 4.4 * small + 2_000, (shape, small, large)
