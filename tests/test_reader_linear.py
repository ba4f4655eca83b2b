"""The reader runs in linear time: no regex can backtrack, and work grows linearly on adversarial lines.

Nothing here is timed. The audit reads each compiled pattern's structure
(``re.DEBUG``) and allows unbounded repeats only when possessive, which never
give characters back. The work test counts the Python lines the reader
executes (``sys.settrace``) on adversarial inputs at two sizes.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import pkgutil
import re
import sys

import pytest

from nato_briefs import normalize, parse
from nato_briefs.api import ArticleError, read_article
from nato_briefs.parse import ParseLimitError, parse_document
from nato_briefs.reader import html, lines, rules, segment, text, text_tables
from nato_briefs.reader.rules import authoring
from tests.hostile_corpus import adversarial_lines

MODULES = (parse, normalize, lines, segment, text_tables, html, text)
# every rule module, found rather than listed, so a new one cannot be left out of the audit
MODULES += tuple(
    importlib.import_module(f"{rules.__name__}.{info.name}") for info in pkgutil.iter_modules(rules.__path__)
)


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
    assert "nato_briefs.reader.rules.tables._DELIMITER_CELL" in names and "nato_briefs.normalize._SEPARATOR" in names
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
    "latex_unclosed_tabulars": lambda k: "\\section{A}\n\\section{B}\n" + "\\begin{tabular}{ll}\na & b \\\\\n" * k,
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


# Session 7's sweep (bench/HOSTILE.md): for each line rule the reader learned, the worst input for it, as
# long runs of what it loops on, near-misses repeated, or one long line of them.
RULE_SHAPES = {
    "entity_bullet_blanks": lambda k: "Intro.\n\n&bull;" + " " * (40 * k) + "\n",
    "entity_near_misses": lambda k: "Intro.\n\n" + "&bull &bul; &#822 x\n" * k,
    "tab_bullet_glyphs": lambda k: "Intro.\n\n" + "o\tSub item\n§\tDeeper\n" * k,
    "glyph_levels": lambda k: "Intro.\n\n" + "• a\n◦ b\no\tc\n§\td\n" * k,
    "symbol_run_line": lambda k: "Intro.\n\n" + "👉" * (10 * k) + " x\n",
    "symbol_alternating": lambda k: "Intro.\n\n" + "👉 item\nplain line\n" * k,
    "lettered_without_a": lambda k: "Intro.\n\n" + "b. item\np. 12 text\n" * k,
    "field_label_near_miss": lambda k: "Intro.\n\nA" + "b c " * (10 * k) + "x\n",
    "chat_stamp_runs": lambda k: "Intro.\n\n" + "[10:02] Jan de Vries\n" * k,
    "chat_stamp_near_miss": lambda k: "Intro.\n\n[" + "1:" * (20 * k) + "\n",
    "release_label_tail": lambda k: "Intro.\n\nFOR IMMEDIATE RELEASE" + " ." * (20 * k) + "x\n",
    "end_mark_blanks": lambda k: "Intro.\n\n-" + " " * (40 * k) + "30 x\n",
    "page_furniture_line": lambda k: "Intro.\n\nTitle " + "Page 1 of " * (4 * k) + "\n",
    "hashtag_near_miss": lambda k: "Leaders met" + " #1" * (10 * k) + "\n\nMore.\n",
    "bracketed_span_opens": lambda k: "Intro.\n\n" + "[a]{" * (10 * k) + "\n",
    "bracketed_span_braces": lambda k: "Intro.\n\n[x]" + "{" * (40 * k) + "\n",
    "star_pairs": lambda k: "Intro.\n\n" + "**" * (20 * k) + " x\n",
    "plain_text_headings": lambda k: "Intro.\n\n" + "** Priorities\n" * k,
    "italic_lines": lambda k: "Intro.\n\n" + "_No response_\n" * k,
    "comment_percent_run": lambda k: "Intro.\n\n%%" + "%" * (40 * k) + "\n",
    "signature_runs": lambda k: "Intro.\n\n" + "--\nAnna Smith | NATO\n" * k,
    "link_targets_line": lambda k: "Intro.\n\n" + "[1](#f)" * (5 * k) + "\n",
    "mdx_import_line": lambda k: "Intro.\n\nimport " + "x" * (40 * k) + "'\n",
    "directive_title_line": lambda k: "Intro.\n\n:::note[" + "a" * (40 * k) + "\n",
    "mkdocs_nested": lambda k: "Intro.\n\n" + "".join("    " * (n % 30) + '!!! note "T"\n' for n in range(k)),
    "mkdocs_body_blanks": lambda k: 'Intro.\n\n!!! note "T"\n' + " \t" * (20 * k) + "x\n",
    "toc_placeholders": lambda k: "Intro.\n\n" + "* TOC\n{:toc}\n" * k,
    "box_border_line": lambda k: "Intro.\n\n├" + "─" * (40 * k) + "x\n",
    "box_tables_stacked": lambda k: "Intro.\n\n" + "┌───┐\n│ a │\n└───┘\n" * k,
    "headerless_tables": lambda k: "Intro.\n\n" + "|   |   |\n|---|---|\n| a | b |\n| c | d |\n\n" * k,
    "html_tfoot_rows": lambda k: (
        "<table><tr><th>a</th><th>b</th></tr>"
        + "<tr><td>1</td><td>2</td></tr>" * k
        + "<tfoot><tr><td colspan=2>Source: x</td></tr></tfoot></table>\n"
    ),
    "html_layout_late_heading": lambda k: (
        "<table><tr><td>" + "<table><tr><td>x</td></tr></table>" * k + "<h1>T</h1></td></tr></table>\n"
    ),
    "html_text_divs": lambda k: "<div>\n" + "<div>Allies Review Plans</div>" * k + "\n</div>\n",
    "title_lead_symbols": lambda k: "Intro.\n\n" + "⚡" * (20 * k) + " x\n",
    "title_lead_openers": lambda k: "Intro.\n\n" + "*_\"'" * (10 * k) + "x\n",
    # session 7, third round: share bars, stage directions, emoji after a sentence's end
    "share_bar_runs": lambda k: "Intro.\n\n" + "Share this page: Facebook | X | Email\n\n" * k,
    "share_bar_names_line": lambda k: "Intro.\n\nShare: " + "a | " * (10 * k) + "\n",
    "stage_direction_runs": lambda k: "Intro.\n\n" + "[Applause]\n\n" * k,
    "emoji_sentence_tail": lambda k: "Intro.\n\nAllies met." + " 🔥" * (20 * k) + "\n",
    "empty_tab_rows": lambda k: "Intro.\n\nA\tB\tC\n" + "\t\t\na\tb\tc\n" * k,
    "empty_tab_row_runs": lambda k: "Intro.\n\nA\tB\tC\n" + "\t\t\n" * k + "a\tb\tc\n",
    "cjk_closing_runs": lambda k: "Intro.\n\nAllies Agree" + "」』）" * (10 * k) + "\n",
    # session 8: each new rule's loop (a run it reads whole, a look-ahead, a line it scans), at its worst
    "csv_table_run": lambda k: "Intro.\n\nArea,Focus,Outcome\n" + "a,b,c\n" * k,
    "csv_near_miss_pairs": lambda k: "Intro.\n\n" + "Area,Focus\na,b\n\n" * k,
    "csv_quoted_line": lambda k: 'Intro.\n\n"A","B"\n' + '"a",' * (10 * k) + '"b"\n"c","d"\n',
    "aligned_table_run": lambda k: "Intro.\n\nArea    Focus    Outcome\n" + "a       b        c\n" * k + "\n",
    "aligned_near_misses": lambda k: "Intro.\n\n" + "\nArea    Focus    Outcome\nAllies met in Brussels.\n" * k,
    "aligned_header_line": lambda k: "Intro.\n\nA" + "  b" * (20 * k) + "\nc  d  e\n",
    "tight_dash_runs": lambda k: "Intro.\n\n" + "-Mobility: rail\n" * k,
    "shortcode_runs": lambda k: "Intro.\n\n" + ":white_check_mark: Done\n:x: Open\n" * k,
    "star_levels": lambda k: "Intro.\n\n* Top\n" + "** Sub\n*** Deeper\n" * k,
    "lone_bullets": lambda k: "Intro.\n\n" + "•\nAir defence: orders\n" * k,
    "lettered_a_without_b": lambda k: "Intro.\n\n" + "a. One option here.\nmore text\n\n" * k,
    "labelled_entries": lambda k: "Intro.\n\n" + "Deterrence:: the threat\n" * k,
    "rst_underlines": lambda k: "Intro.\n\n" + "Priorities\n~~~~~~~~~~\n\n" * k,
    "rst_directive_tables": lambda k: (
        "Intro.\n\n" + ".. list-table:: T\n\n   * - a\n     - b\n   * - c\n     - d\n\n" * k
    ),
    "rst_table_directive_unclosed": lambda k: "Intro.\n\n.. table:: T\n\n" + "   +---+\n   | a |\n" * k,
    "pipe_continuation_rows": lambda k: "| Area | Focus |\n|---|---|\n| Energy | grids and |\n" + "| | pipes |\n" * k,
    "pipe_wrapped_rows": lambda k: "| Area | Focus |\n|---|---|\n" + "| Energy | grids\nand pipes |\n" * k,
    "quoted_tab_cells": lambda k: "Intro.\n\nA\tB\tC\n" + 'a\t"b\nc"\td\n' * k,
    "quoted_tab_unclosed": lambda k: "Intro.\n\nA\tB\tC\n" + 'a\t"b\tc\n' * k,
    "equals_delimiters": lambda k: "Intro.\n\n" + "A | B\n==|==\na | b\n\n" * k,
    "fullwidth_pipe_rows": lambda k: "Intro.\n\n｜A｜B｜\n｜---｜---｜\n" + "｜a｜b｜\n" * k,
    "page_numbers_and_headers": lambda k: "Intro.\n\n" + "- 12 -\n\nNATO Review          June 2026\n\n" * k,
    "template_link_targets": lambda k: "Intro.\n\n" + "* [a]({{ '/x/' | relative_url }})\n" * k,
    "dash_continuations": lambda k: "Intro.\n\n" + "shells and weapons\n— grew by 8 per cent and\n" * k,
    "bare_table_page_breaks": lambda k: "Intro.\n\nA | B\na | b\n" + "   2\n\nc | d\n" * k + "\n",
    "unspaced_sentences": lambda k: "Intro.\n\n" + "有時候，這些關係" * k + "\n",
    "comment_blocks": lambda k: "Intro.\n\n" + "<!--\n- <x>: <y>\n-->\n\n" * k,
    "comment_never_closed": lambda k: "Intro.\n\n<!--\n" + "- <x> <= 1\n" * k,
    "single_tilde_runs": lambda k: "Intro " + "~a" * (20 * k) + "~\n",
    "single_tilde_pairs": lambda k: "Intro " + "~old~ " * k + "\n",
    "paren_continuations": lambda k: "Intro.\n\n" + "There is a gym\n" + "(" * (3 * k) + "\n",
    "dated_entries": lambda k: "Intro.\n\n" + "2020-05-08: plan opened\n" * k,
    "empty_items_under_prose": lambda k: "Intro.\n\n" + "Adopted by:\n* \n\n" * k,
    "two_sentence_lines": lambda k: "Intro.\n\n" + "Re-run it (no login). Opens" * k + "\n",
    "html_bullet_paragraph": lambda k: "<p>" + "• Jets: four<br>" * k + "</p>\n",
    "html_escaped_feed": lambda k: (
        '<entry><title>T</title><content type="html">' + "&lt;p&gt;x&lt;/p&gt;" * k + "</content></entry>\n"
    ),
    "html_long_cell_table": lambda k: "<table>\n<tr><td>a</td><td>\n\n" + "text\n\n" * k + "</td></tr>\n</table>\n",
    # session 9 (round 5): the sign-off look-ahead, the one-pass dialect scan, shortcodes, indented text
    "sign_off_runs": lambda k: "Intro.\n\n" + "Kind regards,\n\nJane Doe\nPress Officer\n\n" * k,
    "sign_off_near_misses": lambda k: "Intro.\n\n" + "Contact:\n- item\n\n" * k,
    "furniture_runs": lambda k: "Intro.\n\n" + "NATO UNCLASSIFIED\nHome > News > Press\nMenu\n" * k,
    "dialect_flag_lines": lambda k: "Intro.\n\n" + "h2. Title\n== Wiki ==\n|===\n[b]x[/b]\n```\n" * k,
    "shortcode_names_line": lambda k: "Intro " + "".join(f"[c{n}]x[/c{n}]" for n in range(10 * k)) + "\n",
    "indented_paragraphs": lambda k: "Intro.\n\n" + "     The Council met today to discuss the\nsituation.\n\n" * k,
    "centred_titles": lambda k: "Intro.\n\n" + "              PRIORITIES\n\nText.\n\n" * k,
    "markup_only_lines": lambda k: "Intro.\n\n" + "[TOC]\n*[NATO]: Alliance\n" * k,
    "typed_dash_delimiters": lambda k: "Intro.\n\n" + "| A | B |\n|—|—|\n| a | b |\n\n" * k,
    "tight_atx_headings": lambda k: "Intro.\n\n" + "##Priorities\n\nText.\n" * k,
    "endnote_refs": lambda k: "Intro.\n\n" + "Allies met.[1]" + "[2]" * (5 * k) + "\n",
    "record_blocks": lambda k: "Intro.\n\n" + "Area: a\nFocus: b\n\n" * k,
    "record_block_near_misses": lambda k: "Intro.\n\n" + "Area: a\nFocus: b\n\nArea: a\nGoal: b\n\n" * k,
    "inline_bold_lines": lambda k: "Intro.\n\n" + "<font size=4><b>T</b></font>" * k + "\n",
    # session 12 (shapes2): numbered runs (each line looks at its neighbours) and one-line records
    "numbered_runs": lambda k: "Intro.\n\n" + "".join(f"{n % 99 + 1}- Item\n" for n in range(k)),
    "numbered_run_near_misses": lambda k: (
        "Intro.\n\n" + "".join(f"{n % 9 + 1}- Item\nStep {n % 9 + 1}: x\n" for n in range(k))
    ),
    "roman_near_misses": lambda k: "Intro.\n\n" + "I. Background\nIII. Findings\n" * k,
    "record_lines": lambda k: "Intro.\n\n" + "Area: a — Focus: b\n" * k,
    "record_line_near_misses": lambda k: "Intro.\n\n" + "Area: a — Focus: b\nArea: a — Goal: b\n" * k,
    # session 13 (shapes9): letter runs (each capital line with a stop looks at its neighbours)
    "letter_runs": lambda k: "Intro.\n\n" + "".join(f"{chr(65 + n % 26)}. Item\n" for n in range(k)),
    "letter_near_misses": lambda k: "Intro.\n\n" + "A. Background\nC. Findings\nU.S. forces\n" * k,
    "psql_tables": lambda k: "Intro.\n\n" + " a | b \n---+---\n x | y\n(1 row)\n\n" * k,
    "psql_rule_near_misses": lambda k: "Intro.\n\n" + "a | b | c\n---+---\n" * k,
    "confluence_tasks": lambda k: "<ac:task-list>\n" + "<ac:task><ac:task-body>T</ac:task-body></ac:task>\n" * k,
    "wrapped_role_headers": lambda k: "Intro.\n\n" + "Priority\tKey\tExpected\nArea\tFocus\tOutcome\na\tb\tc\n\n" * k,
    "name_breaks": lambda k: "Intro.\n\n" + "Ships will patrol in the north and the west of the North\nSea, x.\n\n" * k,
    "ini_sections": lambda k: "Intro.\n\n" + "[Section]\nText.\n\n" * k,
    "ini_near_misses": lambda k: "Intro.\n\n" + "[Applause]\n\n[x] [1]\n" * k,
    "bang_headings": lambda k: "Intro.\n\n" + "!! Section\n\nText.\n\n" * k,
    "bang_tables": lambda k: "Intro.\n\n" + "||border=1\n||!A ||!B ||\n||a ||b ||\n\n" * k,
    "heading_items": lambda k: "- Intro.\n" + "- ## Section\n\t- item\n" * k,
    "word_list_paragraphs": lambda k: (
        "Intro.\n\n" + "<p style='mso-list:l0 level1'>·&nbsp; A</p>\n<p style='mso-list:l0 level2'>o&nbsp; B</p>\n" * k
    ),
    # session 13, round 10 part A (shapes10): custom elements, raw text opened mid-line, div lines beside headings
    "custom_elements": lambda k: "Intro.\n\n" + "<x-wrap><table><tr><td>A</td></tr></table></x-wrap>\n\n" * k,
    "custom_element_near_misses": lambda k: "Intro.\n\n" + "<x-badge>new</x-badge> text\n\n" * k,
    "raw_elements": lambda k: "Intro.\n\n" + "<head><style>\n* { a: b; }\n</style></head>\n\n" * k,
    "div_lines_beside_headings": lambda k: "<article>\n" + "<h2>Part</h2>\n<div>Tags</div>\n" * k + "</article>\n",
    # session 13 (shapes11): rules/plain_shapes.py
    "caps_paragraphs": lambda k: "INTRO\n\n" + "MINISTERS AGREED A NEW\nPLAN TO HOLD THE FLANK,\nNATO SAID.\n\n" * k,
    "document_numbers": lambda k: "Intro.\n\n" + "PO(2025)0123\n\nSUBJECT: X\n\n" * k,
    "colon_titles": lambda k: "Allies agree new rules:\n\n" + "Text.\n\nWhat changes:\n\n" * k,
    "half_piped_rows": lambda k: "| A | B | C |\n|---|---|---|\n" + "| a | b | c\nd | e | f |\n" * k,
    "persian_joiners": lambda k: "Intro.\n\n" + "سریع\u200cتر x\u200cy \u200c\n" * k,
    # session 14 (shapes12b): rules/authoring.py
    "liquid_comments": lambda k: "Intro.\n\n" + "{% comment %}\n| a | b |\n{% endcomment %}\nText.\n" * k,
    "unclosed_liquid_comments": lambda k: "Intro.\n\n" + "{% comment %}\nText.\n" * k,
    "mdx_exports": lambda k: "# T\n\n" + "export const m = {\n  a: 1,\n}\n{/* c */}\n+++\n" * k,
    "unclosed_mdx_exports": lambda k: "# T\n\n" + "export const m = {\n  a: 1,\n" * k,
    "org_documents": lambda k: "#+TITLE: T\n\n* P :x:\n| A | B |\n|---+---|\n" + "| <l> | b |\n|---+---|\n" * k,
    "textile_attributes": lambda k: "h1(#t). T\n\n" + "p(x). Text\n|{a:b}. c | d |\n" * k,
    "mediawiki_spans": lambda k: "== T ==\n{|\n! A !! B\n" + '|-\n| rowspan="900" | a || b\n' * k + "|}\n",
    "asciidoc_spans": lambda k: '= T\n\n[cols="1,1"]\n|===\n|A |B\n' + ".2+|a\n|b\n\n|c\n" * k + "|===\n",
    "markdoc_tables": lambda k: "# T\n\n{% table %}\n* A\n* B\n" + "---\n* a\n* b\n" * k + "{% /table %}\n",
    "typst_tables": lambda k: "= T\n\n" + "#table(\n  columns: 2,\n  [A], [B],\n  [a], [b],\n)\n\n" * k,
    "unclosed_typst_tables": lambda k: "= T\n\n" + "#table(\n  columns: 2,\n  [a], [b],\n" * k,
    "outline_items": lambda k: "# T\n\n1. A\n" + "   1.1. B\n" * k,
    "wikidot_pages": lambda k: "+ T\n\n||~ A ||~ B ||\n" + "|| a || b ||\n" * k + "[[toc]]\n",
    # session 14 (shapes12a): rules/pipeline_text.py
    "banner_rules": lambda k: "Intro.\n\n" + ("=" * 20 + "\nGuild: x\n") * k + "=" * 20 + "\n",
    "one_line_banners": lambda k: "Intro.\n\n" + ("=" * 20 + "\nx\n" + "=" * 20 + "\n\n") * k,
    "cell_lines": lambda k: "Intro.\n\n" + "Priority Area\nKey Focus\nExpected Outcome\na\nb\nc\n\n" * k,
    "cell_line_near_misses": lambda k: "Intro.\n\n" + "Priority Area\nKey Focus\nExpected Outcome\nx\n" * k,
    "role_line_runs": lambda k: "Intro.\n\n" + "Area\nFocus\nOutcome\n" * k,
    "page_turns": lambda k: (
        "Area       Focus      Outcome\n"
        + "a          b          c\n\nx          1/2\n\n" * k
        + "a          b          c\n"
    ),
    "chat_links": lambda k: "Intro.\n\n" + "<https://a.b|x> <https://a.b|y| z\n" * k,
    "aria_roles": lambda k: '<div role="list">\n' + '<div role="listitem">A</div><span role="cell">B</span>\n' * k,
    "xhtml_prefixes": lambda k: '<div xmlns:h="http://www.w3.org/1999/xhtml">\n' + "<h:p>A</h:p>\n" * k,
    "qp_escapes": lambda k: "Content-Transfer-Encoding: quoted-printable\n\n" + "A=20\nB=E2=80=99 =FF=\n" * k,
    "mail_fields": lambda k: "Intro.\n\n" + "From:\tA\nTo:\tB\n" * k,
    # session 14, round 11C
    "boxed_pipe_runs": lambda k: "T\nText.\n" + "| a | b |\n| c | d |\nText.\n" * k + "| a | b |\n" * k,
    "quoted_table_ends": lambda k: "> | A | B |\n> |---|---|\n" + "> | a | b |\n" * k + "> Text.\n" * k,
    "br_cell_lists": lambda k: "| A | B |\n|---|---|\n" + "| • a<br>• b | " + "• c<br>" * k + "d |\n" * k,
    "space_break_sentences": lambda k: "Intro.\n\n" + "Key Dates  \nAllies met in Vilnius on 11 July to talk.\n" * k,
    # session 14, round 11D (rules/tool_copies.py)
    "unrtf_banner": lambda k: "### Translation from RTF performed by UnRTF\n" + "### x\n" * k + "-----\nText.\n",
    "bold_record_fields": lambda k: "Intro.\n\n" + "**Priority Area:** a\n**Key Focus:** b\n\n" * k,
    "comment_rows": lambda k: "| A | B |\n|---|---|\n" + "| a | b |\n<!-- x - -- y -->\n" * k + "| c | d |\n",
    "unclosed_comment_rows": lambda k: "| A | B |\n|---|---|\n" + "| a | b |\n<!-- x - -- y\n" * k,
    "docs_clipboard": lambda k: '<b style="font-weight:normal;" id="docs-internal-guid-1">' + "<p>a</b></p>" * k + "\n",
    "overflow_rows": lambda k: (
        "Area    Focus    Outcome\n" + "a  b  c\n" * k + "Long area name here  b  c\n" * k + "Text.  More.  End.\n"
    ),
    "emoji_lead_ins": lambda k: "Intro.\n\n" + "📌 Key:\n🔸 a\n" * k,
    "summary_lines": lambda k: "<details>\n" + "<summary>x</summary>\n| a |\n" * k + "</details>\n",
    "page_breaks": lambda k: (
        "| Area | Focus | Outcome |\n|---|---|---|\n| a | b | c |\n"
        + "\n<!-- PageBreak -->\n\n| a | b | c |\n|-|-|-|\n" * k
    ),
    "page_break_near_misses": lambda k: (
        "| A | B |\n|---|---|\n| a | b |\n" + "\n<!-- PageBreak -->\n<!-- Page -->\n" * k
    ),
    "stacked_records": lambda k: "Intro.\n\n" + "Priority Area\na\nKey Focus\nb\nExpected Outcome\nc\n\n" * k,
    "stacked_near_misses": lambda k: "Intro.\n\n" + "Priority Area\na\nKey Focus\n" * k,
    # session 15 (shapes13): rules/interchange.py
    "box_rule_titles": lambda k: ("━" * 12 + "\n  TITLE\n" + "━" * 12 + "\n\n1 Part\n══════\n\n  Text.\n\n") * k,
    "box_rule_runs": lambda k: "Intro.\n\n" + ("─" * 20 + "\n") * k,
    "gemtext_links": lambda k: "# T\n\n" + "=> https://a.b/c Text\n=> Item: x\n" * k,
    "alt_text_tables": lambda k: "# T\n\n" + "```Table of x\n| a | b |\n|---|---|\n| c | d |\n```\n" * k,
    "unclosed_alt_text_tables": lambda k: "# T\n\n```Table of x\n" + "| a | b |\n" * k,
    "moin_tables": lambda k: "= T =\n\n||<rowbgcolor='#ddd'>A||B||\n" + "||<(>a||b||\n" * k,
    "moin_attribute_runs": lambda k: "= T =\n\n||" + "<(>" * k + "a||b||\n||c||d||\n",
    "stamp_lines": lambda k: "Intro.\n\n" + "Created Monday 5 May 2025\n\nUpdated 2025-10-14 09:12 +0200\n\n" * k,
    "item_margins": lambda k: "Intro.\n\n" + "  • a\n  • b\n\n  Text.\n\n" * k,
    "namespaced_blocks": lambda k: "<ac:layout><ac:layout-cell><p>T</p>\n" + "<p>x</p>\n" * k + "</ac:layout>\n",
    "xml_vocabularies": lambda k: "<article>\n<section><title>T</title>\n" + "<para>x</para>\n" * k + "</article>\n",
    "bold_br_lines": lambda k: "<div>" + "<b>T</b><br>• a<br>• b<br><br>" * k + "</div>\n",
    "hidden_and_iframes": lambda k: "<div>\n" + "<p style='display:none'>x</p><iframe><p>y</p></iframe>\n" * k,
    # session 16 (shapes15): the wide blanks after a marker, cell lists in HTML (rules/items.py, tables.py, ...)
    "wide_space_markers": lambda k: "Intro.\n\n" + "\u2022\u2003a\n(1)\u3000b\n\uff08\uff11\uff09\u3000c\n" * k,
    "o_space_bullets": lambda k: "\u2212 a\n" + "    o B\n" * k + "    o the end\n",
    "number_wraps": lambda k: "- a by\n2035. B\n" * k,
    "pipe_cut_rows": lambda k: "| A | B | C |\n|---|---|---|\n" + "| a | b\n| c |\n" * k,
    "wrapped_tab_rows": lambda k: "A\tB\tC\n" + "a\tb in the\nc\td\ne\tf\tg of\nh\n" * k,
    "spanning_group_rows": lambda k: "<table><tr><th>A</th><th>B</th></tr>\n" + "<tr><td colspan=2>g</td></tr>\n" * k,
    "cell_lists": lambda k: "<table><tr><th>A</th></tr><tr><td><ul>" + "<li>a</li>" * k + "</ul></td></tr></table>\n",
    # session 16 (rerender): the seeds re-rendered as tools write them (rules/wraps.py, tables.py, ...)
    "unforced_breaks": lambda k: (
        "Allies met in Brussels on Thursday to agree on the next steps.\n" * 3
        + "- Promoting resilience against hybrid and asymmetric threats\nA summary is below:\n" * k
    ),
    "wrapped_name_lines": lambda k: (
        "The visit of NATO Deputy Secretary General to the United\nStates underscores the partnership as before.\n" * k
    ),
    "paren_romans": lambda k: "Plan:\n" + "(i) a\n(ii) b\n(iii) c\n(h) d\n(i) e\n" * k,
    "closing_pipe_rows": lambda k: "| A | B | C |\n|---|---|---|\n" + "| a | b | c\n|\n" * k,
    "cut_header_rows": lambda k: "| A | B | C\n|\n| --- | --- |\n--- |\n| a | b | c |\n\n" * k,
    "glyph_elements": lambda k: "Intro.\n" + "<div>•&nbsp;a</div>\n<p>&bull; b</p>\n" * k + "Text.\n",
    "grid_after_lists": lambda k: "- a\n+---+---+\n| a | b |\n+---+---+\n" * k,
    "tsv_after_items": lambda k: "- a\nA\tB\tC\na\tb\tc\nText.\n" * k,
    "wrapped_runs": lambda k: "Intro:\n" + "I. Joint exercises to\nbolster it.\nII. Tech to\nadvance it.\n" * k,
    # session 17 (shapes16): rules then in shapes16.py, the new bullet glyphs and header abbreviations are data
    "resumed_symbol_runs": lambda k: "Intro.\n\n" + "\u25a1 a\n \u25cb b\n  - c\n\u25a1 d\n" * k,
    "named_bullets": lambda k: "Intro.\n\n" + "\u29bf a\n    \u29be b\n\u2981\tc\n\uf06e\td\n" * k,
    "marker_free_wrappers": lambda k: (
        "<ul><li>a</li>" + '<li style="list-style-type: none"><ul><li>b</li></ul></li>' * k + "</ul>\n"
    ),
    "dash_underlines": lambda k: "# T\n\n" + "Steps agreed\n\u2014\u2014\u2014\n\nText.\n\u2013\u2013\n\n" * k,
    "nested_quotes": lambda k: "Thanks.\n\n> Anna wrote:\n>\n" + ">> Title\n>> - a\n>\n" * k + ">> End\n",
    "attribution_lines": lambda k: "Intro.\n\n" + "Anna wrote:\n> x\n\n" * k,
    # session 17 (shapes17): rules then in shapes17.py, articles pasted between tools; the header wordings are data
    "jira_brace_marks": lambda k: "h2. T\n\n" + "* {*}a{*}: {color:#172b4d}b{color}\n" * k,
    "glued_fence_tables": lambda k: "T\n\n" + "```| a | b |\n|---|---|\n| c | d |```\n" * k,
    "unclosed_glued_fences": lambda k: "T\n\n" + "```| a | b |\n| c | d |\n" * k,
    "ragged_quote_tails": lambda k: (
        "Hi.\n\nOn Tue, Anna <a@b.org> wrote:\n" + ("> " + "word " * 14 + "and\nthe tail\n") * k + "> end\n"
    ),
    "flat_outline_levels": lambda k: "Plan\n" + "1. a\na) b\nb) c\n2. d\ni) e\n3. f\n\n" * k,
    "flat_outline_runs": lambda k: "Plan\n" + "1.\ta\n1.1.\tb\n1.1.1.\tc\n" * k,
    "empty_first_columns": lambda k: "T\n\n" + "\ta\tb\tc\t\n" * k,
    "lone_title_headers": lambda k: (
        "T\n\n| Table 1 | | |\n|---|---|---|\n| Area | Focus | Outcome |\n" + "| a | b | c |\n" * k
    ),
    "reply_fallbacks": lambda k: "<mx-reply><blockquote>x</blockquote></mx-reply>" * k + "<p>y</p>\n",
    "br_paragraph_titles": lambda k: "<div>" + "Allies Agree Plan<br><br>Text of it.<br><br>" * k + "</div>\n",
    # session 17 (shapes18): rules then in shapes18.py: numbering, totals rows, <sup> marks; determiners are data
    "number_colon_runs": lambda k: "Intro.\n\n" + "1: a\n2: b\n\n" * k,
    "hash_number_runs": lambda k: "Intro.\n\n" + "#1 a\n#2 b\n#1 priority is x.\n\n" * k,
    "numero_runs": lambda k: "Intro.\n\n" + "No. 1 a to\n      w\nNo. 2 b\n\n" * k,
    "totals_rows": lambda k: "T\n\n" + (
        "| A | B | C | D |\n|---|---|---|---|\n| a | b | c | 1 |\n| a | b | c | 1 |\n| Total | | | 2 |\n\n" * k
    ),
    "sup_marks": lambda k: "<table><tr><th>A<sup>1</sup></th></tr>" + "<tr><td>a<sup>2</sup></td></tr>" * k,
    # session 18 (shapes20b): mismatched_delimiter, numbered_heading, indented_document
    "mismatched_delimiters": lambda k: "T\n" + "Text:\n| A | B | C |\n|---|---|\n| a | b | c |\n| a | b | c |\n" * k,
    "numbered_headings": lambda k: "T\n" + "".join(f"{n % 99 + 1}. Air Defence\nText of it.\n- a\n" for n in range(k)),
    "lone_number_runs": lambda k: "T\n\nIntro:\n\n" + "1.\nBrigade: in Lithuania\n2.\nAir defence: rotation\n" * k,
    "pasted_org_files": lambda k: "* T\n\n" + "** Plan\n| a | b |\n|---+---|\n| c | d |\n- a :: b\n\n" * k,
    "wrapped_headings": lambda k: "T\n\n" + (
        "Allies Agree Steps in\nThe Hague\n\n" + "The ministers met in Brussels on Tuesday to agree steps.\n" * 2
    ) * k,
    "pipe_page_turns": lambda k: "T\n\n| A | B |\n|---|---|\n" + ("| a | b |\n\n   1\nNATO" + " " * 9 + "May\n\n") * k,
    "indented_documents": lambda k: "    T\n" + "    Allies agreed on the steps they will take next.\n    - a\n" * k,
    # session 18 (shapes21): headlines cut by a hard wrap, Google Docs' title paragraphs
    "wrapped_title": lambda k: "NATO Allies Agree to Strengthen Ties with Jordan,\nMauritania X\n\nText.\n\n" * k,
    "docs_title_class": lambda k: '<p class="c0 title">Allies Agree</p>' + '<p class="c0 subtitle">Note</p>' * k,
    # session 21 (shapes28): Word's "o" bullets at the first level, quoted CSV cells, indented records, closed ATX
    "o_bullet_runs": lambda k: "Intro.\n\n" + "o Air\n" * k + "o the end\n",
    "o_prose_runs": lambda k: "Intro.\n" + "o Governo e\n" * k,
    "quoted_csv_cells": lambda k: "A,B,C\n" + 'a,"b, c",d\n' * k,
    "indented_records": lambda k: "Intro.\n\n" + "  Area: a\n  Focus: b\n\n" * k,
    "closed_tight_atx": lambda k: "Intro.\n\n" + "##Priorities##\n\nText.\n" * k,
    "spaced_simple_rows": lambda k: "A    B    C\n---  ---  ---\n\n" + "a    b    c\n\n" * k + "End of it.\n",
    # session 22 (shapes29): symbol runs hard-wrapped with hanging lines, a typesetter's dot operator as a bullet
    "wrapped_symbol_runs": lambda k: "Intro.\n\n" + "\u27a3 Name: detail\n  wrapped on\n" * k,
    "hanging_symbol_blocks": lambda k: "Intro.\n\n" + "\u27a3 Title\n" + "  indented line\n" * k,
    "operator_bullets": lambda k: "Intro.\n\n" + "\u22c5 Name: detail\n" * k,
    # session 22 (shapes29b): psql's unaligned output over its row count
    "psql_unaligned_runs": lambda k: "Intro.\n\n" + "Area|Focus|Outcome\na|b|c\nd|e|f\n(2 rows)\n\n" * k,
    "psql_long_header": lambda k: "Intro.\n\n" + "Area " * k + "|Focus\na|b\n(1 row)\n",
    "outlook_header_blocks": lambda k: "Intro.\n\nAnna\n\n" + "From: M\nSent: T\nSubject: S\nTitle Here\n\n" * k,
    "header_field_runs": lambda k: "Intro.\n\n" + "To: Desk\n" * k + "Subject: S\nTitle Here\n",
    # session 23 (sweep 19): autolinks behind marks, Romance signing lines, bold speakers' turns, heading items' text
    "opened_autolinks": lambda k: "Intro.\n\n" + "a **<https://x.int>** `<http://y.int>` b\n" * k,
    "glued_targets_behind_marks": lambda k: "Intro.\n\n" + "*" * k + "Envoy**<https://x.int>\n",
    "article_datelines": lambda k: "Intro.\n\n" + "Fait à Bruxelles, le 17 juillet 2026\n\n" * k,
    "bold_speaker_turns": lambda k: "Intro.\n\n" + "**M** - OK  \n**Duncan** - I agree  \n" * k,
    "heading_item_text": lambda k: "Intro.\n\n" + "* #### Term: a request, possibly\n    its text\n" * k,
    # session 23 (readerfix): memo outlines, psql's unaligned runs with prose under, headlines over wrapped paragraphs
    "memo_outlines": lambda k: "Memo\n\n" + "".join(f"{n % 99 + 1}. SECTION\n\n    body line\n\n" for n in range(k)),
    "memo_body": lambda k: "Memo\n\n1. ONE\n\n" + "    body line\n" * k + "\n2. TWO\n\n    end\n",
    "unaligned_runs": lambda k: "Intro.\n\n" + "Area|Focus|Outcome\na|b|c\nd|e|f\nProse under it.\n\n" * k,
    "unaligned_spaced_tail": lambda k: "Intro.\n\nArea|Focus|Outcome\n" + "a|b|c\n" * k + "x | y | z\nProse.\n",
    "headlines_over_wraps": lambda k: (
        "Allies agree to strengthen air defence on the eastern flank\n"
        "NATO defence ministers agreed on Thursday to strengthen air and missile\n"
        "defence along the eastern flank, with new batteries in Poland and Romania\n"
        "and more jets.\n"
    ) * k,
    "step_labels": lambda k: "Intro.\n\n" + "- Step 1: Name - detail\n" * k + "- Step " + "1 " * k + ": x - y\n",
    # session 23 (shapes30): Excel's separator line, pandas' right-aligned print, RTF residue
    "excel_separator_runs": lambda k: "Intro.\n\n" + "sep=;\nArea;Focus\n" * k + "a;b\nc;d\n",
    "right_aligned_runs": lambda k: "Intro.\n\n" + "  Area  Focus  Outcome\n" + "0  a  b  c\n1  aa  bb  cc\n" * k,
    "right_aligned_headers": lambda k: "Intro.\n\n" + "  Area  Focus  Outcome\n0  air  jets  cover\n" * k,
    "named_index_runs": lambda k: "Intro.\n\n" + "      Focus  Outcome\nArea\n" + "air   jets    cover\n" * k,
    "indented_over_words": lambda k: "Intro.\n\n" + "   indented line\nWord line here\n" * k,
    "rtf_residue": lambda k: "Title\\par\n" + "Area\\tab Focus\\tab \\bullet x\\par\n" * k,
}


@pytest.mark.parametrize("shape", sorted(RULE_SHAPES))
def test_work_grows_linearly_on_each_new_line_rule(shape):
    make = RULE_SHAPES[shape]
    small, large = work(parse_and_split, make(200)), work(parse_and_split, make(800))
    assert large <= 4.4 * small + 2_000, (shape, small, large)


def read_whole(text_: str) -> None:
    """The library's whole path for one article: reader, normalizer, prose (sentences, statements, places)."""
    with contextlib.suppress(ArticleError):
        read_article(text_)


# The prose stage's new rules: the splitter's "No." before a digit, the gazetteer's ship prefixes,
# not_after phrases and title + given name + surname, Turkish capitals, and the longest statement cues.
PROSE_SHAPES = {
    "no_before_number": lambda k: "Intro " + "No. 5 " * k + ".\n",
    "no_as_a_word": lambda k: "Intro " + "Frankly, no. We " * k + ".\n",
    "ship_prefixes": lambda k: "The " + "USS Georgia " * k + ".\n",
    "ship_near_misses": lambda k: "The " + "SS Georgia HMS Georgia " * k + ".\n",
    "not_after_phrases": lambda k: "Troops at " + "Fort Stewart, Georgia, " * k + ".\n",
    "titled_given_names": lambda k: "The " + "General Mark Jordan, who said " * k + ".\n",
    "titled_heading": lambda k: "General Mark Jordan Visits " * k + "\n",
    "turkish_capitals": lambda k: "TÜRKİYE İ " * k + ".\n",
    "statement_scale_runs": lambda k: ("Russia " * 250 + "x. ") * (k // 100 + 1),
    "statement_target_chain": lambda k: ("It is " + "prime " * 300 + "x. ") * (k // 100 + 1),
    # sentences never found in the source (an entity in the lead): each tried every "NATO" in a 20,000-character
    # window (bench/fuzz.py: 700 kB took 38 s); a section's tries are now bounded by its length
    "unfindable_leads": lambda k: "NATO x&#65; y agreed. " * k + "\n",
}


@pytest.mark.parametrize("shape", sorted(PROSE_SHAPES))
def test_work_grows_linearly_through_the_prose_stage(shape):
    make = PROSE_SHAPES[shape]
    read_whole("Warm Up\n\nNATO met.\n")  # rules and gazetteer loaded once, outside the count
    small = work(read_whole, f"Hostile Briefing\n\n{make(200)}\n")
    large = work(read_whole, f"Hostile Briefing\n\n{make(800)}\n")
    assert large <= 4.4 * small + 2_000, (shape, small, large)


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (":::note[Summary]", "Summary"),  # the sweep's one text loss: a one-word title was read as a div fence
        (":::note[Summary", ":::note[Summary"),  # unclosed: no admonition, the line stays text
        (":::note[Why it matters]", "Why it matters"),
    ],
)
def test_a_directive_title_is_never_dropped_as_markup(line, kept):
    doc = parse_document(f"Hostile Briefing\n\nIntro.\n\n{line}\n\nBody text here.\n:::\n")
    assert kept in "\n".join(section.text for section in doc.sections), line


# Sweep 2's rules (bench/REALWORLD.md): long runs of what each loops on, and one long line of it.
SWEEP2_SHAPES = {
    "dated_bylines": lambda k: "Intro.\n\n" + "June 25, 2025 by [The Team](/team)\n\n" * k,
    "dated_byline_line": lambda k: "Intro.\n\nJune 25, 2025 by " + "x " * (10 * k) + "\n",
    "link_row_line": lambda k: "Intro.\n\n" + "[Back](#a) - " * k + "[Top](/)\n",
    "link_row_near_miss": lambda k: "Intro.\n\n" + "[Back](#a) - " * k + "words\n",
    "sentence_break_line": lambda k: "Intro.\n\n" + "Dienstherrnfähigkeit. Die " * k + "\n",
    "sentence_break_near_miss": lambda k: "Intro.\n\n" + "Capt. Dr. No. 5 " * k + "\n",
    "function_word_lines": lambda k: "Intro.\n\n" + "Der\nBundesminister wird ermächtigt für\n" * k,
    "indented_lists_under_lines": lambda k: "Intro.\n\n" + "ADM: options:\n    1. a fund\n    2. budgets\n" * k,
    "wrapped_items": lambda k: (
        "Intro line that sets the wrap width of the whole document to seventy.\n" * 3
        + "(1) The North Atlantic Council establishes the NATO Support and Procurement\nAgency as provider\n" * k
    ),
}


@pytest.mark.parametrize("shape", sorted(SWEEP2_SHAPES))
def test_work_grows_linearly_on_sweep2_rules(shape):
    make = SWEEP2_SHAPES[shape]
    small, large = work(parse_and_split, make(200)), work(parse_and_split, make(800))
    assert large <= 4.4 * small + 2_000, (shape, small, large)


# Sweep 3's rules (bench/REALWORLD.md): long runs of stacked short lines, kramdown-rfc markers, Chinese full stops.
SWEEP3_SHAPES = {
    "stacked_lines": lambda k: "Intro.\n\n" + "Jane Smith, Allied Command\n" * k,
    "stacked_lines_parted": lambda k: "Intro.\n\n" + "Jane Smith, Allied Command\nMarco Rossi\n\n" * k,
    "kramdown_rfc_markers": lambda k: "---\ntitle: T\n--- abstract\n\n" + "Text.\n\n--- middle\n\n--- back\n\n" * k,
    "ideographic_full_stops": lambda k: "Intro.\n\n" + "北约峰会举行。（@nato 投稿）\n\n" * k,
    "ideographic_full_stop_line": lambda k: "Intro.\n\n" + "北约峰会举行，" * (10 * k) + "\n",
    "boxed_tables": lambda k: "Intro.\n\n" + "| --- | --- |\n| A | B |\n| --- | --- |\n| 1 | 2 |\n| - | - |\n\n" * k,
    "dash_rows": lambda k: "Intro.\n\n| A | B |\n| --- | --- |\n" + "| --- | --- |\n| 1 | 2 |\n" * k,
    # sweep 4
    "logseq_page_properties": lambda k: "type:: [[Plan]]\n" * k + "\n- Text.\n",
    "math_run_on": lambda k: "Intro.\n\n" + "Thus, if convoys sail apart, we obtain\n\n$$\nP = p^n\n$$\n\n" * k,
    "org_block_markers": lambda k: "- Plan.\n" + "\t- #+BEGIN_NOTE\n\t  Jets rotate.\n\t  #+END_NOTE\n" * k,
    "logseq_block_properties": lambda k: "- Intro.\n" + "  collapsed:: true\n\t- Item.\n\t  id:: 64ab\n" * k,
    # sweep 5
    "final_reference_link": lambda k: "Intro.\n\n" + "[Please submit it here.][f]\n\n[x[y][z]\n\n" * k,
    "content_tabs": lambda k: "Intro.\n\n" + '=== "Warning"\n\n    ```\n    - a: b\n    ```\n\n    Text.\n\n' * k,
    "grid_fenced_cells": lambda k: (
        "+---+---+\n| A | B |\n+===+===+\n" + "| x\\ | ```sh |\n| y | run |\n+---+---+\n" * k
    ),
    "heads_nothing": lambda k: "# Notes\n\n" + "## Air policing\n\nAir policing now runs from the Baltic\n\n" * k,
    # sweep 6
    "matched_underline": lambda k: "Intro.\n\n" + "What are the rules?\n-------------------\n\nText.\n\n" * k,
    "shown_url": lambda k: "Intro.\n\n" + "All URIs are relative to *https://a.example.org*\n\n[**x" * k,
    "parenthetical_link": lambda k: "Intro.\n\n" + "([PR #759](https://example.org/759))\n\n([a](b)(" * k,
    "space_break": lambda k: "Intro.\n\n" + "NATO Agency  \nAttn: Officer  \nBrussels\n\n" * k + "Key  \n" * k,
    # short runs, so the numbers keep their width: one run of 1,600 items crossed into four digits between the
    # two sizes, a change of shape that cost +17% work per line and failed the bound on a cold cache
    "tight_number": lambda k: "Intro.\n\n" + "1.Step one\n2. Step two\n3.Step three\n\nText.\n\n" * k,
    "embed": lambda k: "Intro.\n\n" + '@[frame](\n  caption="Tap."\n)\n\n@[frame](\n' + 'alt="a"\n' * (3 * k),
    "policy_date": lambda k: "Intro.\n\n" + "Effective: " + "x " * (20 * k) + "\n\nText.\n",
    "line_end_conjunctions": lambda k: "Intro.\n\n" + "розглянемо пізніше, оскільки\n[План](x) простіший.\n\n" * k,
    # sweep 7
    "inline_tag_item": lambda k: "Intro.\n\n" + '- ✅ <span class="t">\n<a href="x">Jane Smith</a></span>\n' * k,
    "inline_tag_open": lambda k: "Intro.\n\n- ✅ <span " + 'class="t" ' * (20 * k) + "\n<a>x</a>\n",
    "wrapped_bold": lambda k: "Intro.\n\n" + "**Proposal: Exerciser (Maria\nLopez)**\n\n- Item\n\n" * k,
    "span_attributes": lambda k: "Intro.\n\n" + '![i](a.png){: style="h" align="r"} ' * (10 * k) + "{: x=\n",
    "multiline_shortcode": lambda k: "Intro.\n\n" + '{{< figure\n  src="/x.png"\n>}}\n\n' * k + "{{< x\n" + "a\n" * k,
    "bold_runs_on": lambda k: "Intro.\n\n" + "**[Report](x.pdf)**\nto read it.\n\n**Key**\n\nText.\n\n" * k,
    # sweep 8
    "cjk_byline": lambda k: "Intro.\n\n" + "2024 年 5 月 22 日 [新闻处](/p) 和 [新闻处](/p)\n\nText.\n\n" * k,
    "container_end": lambda k: "Intro.\n\n" + '<Diagram name="x">\n\nSensor layers\n\n</Diagram>\n\n' * k,
    "item_dash_wrap": lambda k: "Intro.\n\n" + "- [Voice](https://x.org/v)\n  – for urgent warnings.\n" * k,
    "heading_template_call": lambda k: "Intro.\n\n" + '## Overview {{ a(b="c" ~ d) }}\n\nText.\n\n' * k
    + "## X {{ f(" + 'a="b", ' * (20 * k) + "\n",
    # sweep 9
    "indented_code_list": lambda k: "Intro.\n\n" + "\t\t* Agenda item - Hanna\n" * k + "\nText.\n",
    "link_text_wrap": lambda k: "Intro.\n\n" + "* [A short guide\n](https://x.org/g)\n" * k + "[" * k + "\n](x)\n",
    "item_figure": lambda k: "Intro.\n\n" + "* Step\n![Shot.](x.png)\n\t* Sub\n" * k + "* ![" + "[" * k + "\n",
    "block_tag_space": lambda k: "| A | B |\n|-|-|\n" + "| x | <ul><li>a</li><li>b</li></ul> |\n" * k,
    # sweep 10
    "image_space": lambda k: "Intro.\n\n" + "[![Logo](x.png)](x.png)The summit</a>![b](y.png)*x*" * k + "\n",
    "item_tag_escape": lambda k: "Intro.\n\n" + "🗓️ <b>14 November</b> <br>\n" * k + "🗓️ <" + "b " * k + "\n",
    "item_label_break": lambda k: "Intro.\n\n" + "* **Air defence**:  \nGermany delivered.\n" * k,
    "excerpt_mark": lambda k: "Intro.\n\n" + "Send the entries:<!-- more -->\n\n" * k + "A<!--" + "-" * k + "-->\n",
    # sweep 11
    "spaced_key_template": lambda k: "---\nfeature name: x\nrfc pr: y\n---\n\n" + "Text.\n\n" * k,
    "question_break": lambda k: "Intro.\n\n" + "**Have you searched?**  \nWe have not searched\n\n" * k,
    "lone_answer": lambda k: "Intro.\n\n" + "**Does it involve GitHub?**\n\nGitHub\n\n" * k,
    "clause_into_items": lambda k: "Intro.\n\n" + "Before removing any content, the office\n- contacted them\n\n" * k,
    "link_text_inside": lambda k: "Intro.\n\n" + "Follow [Reference Model:\nBaltic Air\nPolicing](x.md):\n\n" * k,
    "date_first_byline": lambda k: "Intro.\n\n" + "March 18, 2026 · Allied Air Command\n\nText.\n\n" * k,
    "spaced_cjk": lambda k: "Intro.\n\n" + "其余 9 个盟国（按 2025 年价格）仍低于 GDP 的 2% 目标，因此北约要求\n\n" * k
    + "北约 " * k + "，\n",
    "toc_anchor": lambda k: "Intro.\n\n" + "- [Air Policing {#air-policing}](#air-policing)\n" * k,
    "duration_lead": lambda k: "Intro.\n\n" + "=> 20m: Rotation\n\n== 15m: Venue\n\n" * k + "== " + "1" * k + "\n",
    # sweep 12
    "double_spaced": lambda k: "MINUTES\n\n"
    + "The Chair welcomed Colonel Anna Berg, Allied Air Command, to the Committee and\n\n"
    "acknowledged the proactive approach that the Air Command had taken in the Baltic\n\n"
    "region. Members noted the report of the Director, Operations &\n\nTraining.\n\nAir Policing\n\n" * k,
    "lone_number": lambda k: "Intro.\n\n" + "1.\n\nAdoption of Minutes\n\n2.\n\n" * k,
    "template_link_path": lambda k: "Intro.\n\n" + "* [Report]({{ site.baseurl }}/a/b.pdf)\n" * k
    + "[x]({{ a }}" + "/b" * k + "\n",
    "odd_key": lambda k: "---\nlayout: a\ntitle: T\nslug: s\n<!--date: x -->\n---\n\n" + "Text.\n\n" * k,
    "data_attribute": lambda k: "Intro.\n\n" + "## Requirements { data-search-exclude }\n\nText.\n\n" * k,
    "source_pointer": lambda k: "[Original file](x.pdf)\n\n---\n" + "MINUTES\n\nText.\n\n" * k,
}


@pytest.mark.parametrize("shape", sorted(SWEEP3_SHAPES))
def test_work_grows_linearly_on_sweep3_rules(shape):
    make = SWEEP3_SHAPES[shape]
    small, large = work(parse_and_split, make(200)), work(parse_and_split, make(800))
    assert large <= 4.4 * small + 2_000, (shape, small, large)


# Session 15's second fuzz round (bench/HOSTILE.md): the inputs it found super-linear, at two sizes, through the
# function that looped (the whole parse's fixed costs hide a quadratic term at these sizes): (function, input).
FUZZ2_SHAPES = {
    # every unclosed "{% comment %}" read the lines below it to a line that only looks like a closer: x15.8
    "liquid_openers_over_a_near_miss": (
        lambda text_: authoring.markup_lines(text_.split("\n")),
        lambda k: "Intro.\n\n" + "{% comment %}\nText.\n" * k + "{% endcomment x %}\n",
    ),
}


@pytest.mark.parametrize("shape", sorted(FUZZ2_SHAPES))
def test_work_grows_linearly_on_fuzz_round_2_inputs(shape):
    fn, make = FUZZ2_SHAPES[shape]
    small, large = work(fn, make(200)), work(fn, make(800))
    assert large <= 4.4 * small + 2_000, (shape, small, large)


# Hostile round 3 (session 20): a run of pipe lines that is no table (a template link's `| filter` on each, the
# run ending on a text line) was read again from each of its lines by ``bare_pipe_table``: x12 per x4 on the old code
FUZZ3_SHAPES = {
    "template_link_filters_over_text": (
        lambda text_: parse_document(text_),
        lambda k: "# T\n\nText.\n\n" + '[Study]( {{ "/x" | prepend: site.u[ page.l ] }} )\n' * k + "[b]( {{\n",
    ),
}


@pytest.mark.parametrize("shape", sorted(FUZZ3_SHAPES))
def test_work_grows_linearly_on_fuzz_round_3_inputs(shape):
    fn, make = FUZZ3_SHAPES[shape]
    small, large = work(fn, make(100)), work(fn, make(400))
    assert large <= 4.4 * small + 2_000, (shape, small, large)


def test_one_line_liquid_comments_are_read_once_per_line(monkeypatch):
    """``_strip_liquid_comments`` read the line again from its start after each comment it removed, matching
    every tag before it once more: x16 tag reads per x4 of comments on one line. One pass now (x4)."""
    from nato_briefs.reader.rules import liquid

    class CountedTag:
        """``_LINE_TAG``, counting the tags it is asked to read (one per match, one per finditer hit)."""

        def __init__(self, pattern):
            self.pattern, self.reads = pattern, 0

        def match(self, *args):
            self.reads += 1
            return self.pattern.match(*args)

        def finditer(self, *args):
            for found in self.pattern.finditer(*args):
                self.reads += 1
                yield found

    reads = []
    for k in (100, 400):
        counted = CountedTag(liquid._LINE_TAG)
        monkeypatch.setattr(liquid, "_LINE_TAG", counted)
        line = " ".join(["a {% assign t = 1 %} b {% comment %}draft{% endcomment %}"] * k)
        assert liquid.strip_liquid_tags(line).split() == ["a", "b"] * k
        reads.append(counted.reads)
    assert reads[1] <= 4.4 * reads[0], reads


def test_inline_liquid_tags_are_read_once_per_line():
    """``strip_liquid_tags`` counted a line's backticks from its start again for every tag (and copied the text
    before it): 110,000 tags on one line (750 kB) took 4.5 s, x4 per x2. Each stretch is read once now."""
    from nato_briefs.reader.rules.liquid import strip_liquid_tags
    from tests.counted_text import CountedText

    reads = []
    for k in (200, 800):
        line = CountedText(" ".join(['In a single step. {% assign timestamp="37:15" %} {% capture t %}x'] * k))
        strip_liquid_tags(line)
        reads.append(line.read)
    assert reads[1] <= 4.4 * reads[0] + 2_000, reads
