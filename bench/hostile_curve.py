"""Parse cost of the hostile lines of issue 14 against their size: the curve that shows it is linear.

``python -m bench.hostile_curve`` reads every adversarial article at 8k to 128k characters
(library API: reader, normalizer and prose stage, no Prefect) and prints the median milliseconds and
the ratio to the previous size; linear work doubles (x2), quadratic work quadruples (x4). The tests
assert linearity by counting work (tests/test_reader_linear.py); this is the wall-clock picture.

``python -m bench.hostile_curve --families [NAME ...]`` (session 10) builds each shape of ``FAMILIES`` (a run or a
near miss of what one reader rule family, the segmenter's table scans, the HTML reader or the prose stage loops
over) at 10 KB to 2 MB and prints CPU seconds per size, the ratio to the previous size and the peak RSS.

``python -m bench.hostile_curve --sweep [NAME ...]`` reads each of the session 9 (and 10) hostile files
(``SWEEP``: encodings, floods, nesting, front matter, non-text, size) in a fresh process through
``read_article`` and prints its bytes, CPU seconds, peak RSS and outcome (or reason code).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

from nato_briefs.api import ArticleError, read_article

SIZES = (8_192, 16_384, 32_768, 65_536, 131_072)


def adversarial_lines(k: int = 32_768) -> dict[str, str]:
    """Lines that made a backtracking regex of the reader quadratic (or could), by the rule they target.

    The one list of them: the hostile corpus (tests/hostile_corpus.py) builds its cases from it too.
    """
    blanks = " " * k
    return {
        "delimiter_row": f"{blanks}-x",  # after a table row: the old _DELIMITER_ROW took 38 s at 32k
        "whole_line_bold": f"**Bold**{blanks}x",
        "separator": f"- Name{blanks}x",  # the old "\\s*[—–]\\s*" separator search
        "nested_markers": "-" + " -" * (k // 2) + "x",  # markdown-it rescans the line per nested list
        "setext": "=" * k + " x",
        "enumerator": f"({blanks}",
        "bullet": f"•{blanks}",
        "pipes": "|" * k + "x",
        "colons": ":" * k + "-x",
        "html_lt": "<div>" + "<a" * (k // 2),
    }


def hostile_prose(k: int) -> dict[str, str]:
    """Prose that stresses the sentence splitter, the statement rules and the gazetteer (issue 13)."""
    return {
        "no_full_stop": "NATO allies agreed " * (k // 19),
        "abbreviations": "U.S. " * (k // 5),
        "country_names": "Estonia Latvia Lithuania " * (k // 25),
    }


def hostile_lines(k: int) -> dict[str, str]:
    return {**adversarial_lines(k), **hostile_prose(k)}


def article(line: str) -> str:
    return f"Adversarial Briefing\n| a | b |\n|---|---|\n| 1 | 2 |\n{line}\n- closing item\n"


def cost_ms(text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(ArticleError):  # refused by a limit: its cost is what we measure
            read_article(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


T = "Allied Briefing\n\n"
P = "NATO allies met in Brussels and agreed on the plan for Estonia. "
RU = "Союзники НАТО встретились в Брюсселе и согласовали план.\n"
ZH = "北约盟国在布鲁塞尔举行会议并商定了计划。\n"


def _fill(unit: str, size: int = 700_000) -> bytes:
    return (T + unit * (size // len(unit))).encode()


SWEEP = {  # name -> the file's bytes (built when measured)
    "utf16le_nobom_cyrillic": lambda: ("Брифинг\n\n" + RU * 200).encode("utf-16-le"),
    "utf16be_nobom_chinese": lambda: ("北约简报\n\n" + ZH * 300).encode("utf-16-be"),
    "utf32le_nobom": lambda: (T + P * 50).encode("utf-32-le"),
    "utf16le_bom_lone_surrogate": lambda: b"\xff\xfe" + (T + P).encode("utf-16-le") + b"\x00\xd8A\x00",
    "utf8_encoded_surrogates": lambda: (T + P).encode() + b"\xed\xa0\x80 surrogate\n",
    "overlong_utf8": lambda: (T + P).encode() + b"\xc0\xaf\xe0\x80\xaf overlong\n",
    "ansi_escapes": lambda: (T + (P + "\x1b[31m") * 3000).encode(),
    "bidi_flood": lambda: _fill("\u202e\u202d", 800_000),
    "zero_width_words": lambda: _fill("NATO\u200b\u200c\u200d\ufeff allies ", 800_000),
    "zalgo_one_char": lambda: (T + "a" + "\u0301" * 300_000 + "\n").encode(),
    "line_999999_words": lambda: (T + ("NATO allies agreed " * 60_000)[:999_990] + "\n").encode(),
    "lines_1m_one_char": lambda: (T + "a\n" * 1_000_000).encode(),
    "blank_lines_4m": lambda: (T + "x\n" + "\n" * 4_000_000 + "end\n").encode(),
    "quote_only_lines_50x100k": lambda: (T + (">" * 50 + "\n") * 100_000 + "x\n").encode(),
    "quotes_one_line_10000": lambda: (T + ">" * 10_000 + " x\n").encode(),
    "quote_list_one_line": lambda: (T + "> - " * 10_000 + "x\n").encode(),
    "html_nested_div_50000": lambda: (T + "<div>" * 50_000 + "x" + "</div>" * 50_000 + "\n").encode(),
    "html_nested_span_100000": lambda: (T + "a " + "<span>" * 100_000 + "x\n").encode(),
    "emph_nested_stars": lambda: (T + "*" * 200_000 + "x" + "*" * 200_000 + "\n").encode(),
    "image_openers_200k": lambda: (T + "![" * 200_000 + "x\n").encode(),
    "table_10000_columns": lambda: (T + "|h" * 10_000 + "|\n" + "|-" * 10_000 + "|\n" + "|x" * 10_000 + "|\n").encode(),
    "table_100k_rows": lambda: (T + "|a|b|\n|-|-|\n" + "|x|y|\n" * 100_000).encode(),
    "linkref_defs_50k": lambda: (T + "".join(f"[r{i}]: http://x/{i}\n" for i in range(50_000))).encode(),
    "linkref_same_label_50k": lambda: (T + "[a]: http://x\n" * 50_000 + "\n" + "[a] " * 50_000 + "\n").encode(),
    "emph_a_aa_a": lambda: _fill("*a**a*"),
    "emph_mixed_star_under": lambda: _fill("*_a_* _*a*_ "),
    "entity_named_flood": lambda: _fill("&amp;&lt; "),
    "yaml_billion_laughs": lambda: (
        "---\ntitle: x\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
        + "".join(f"{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
        + "---\n\n"
        + P
    ).encode(),
    "yaml_deep_flow_20k": lambda: ("---\ntitle: x\nk: " + "[" * 9_980 + "]" * 9_980 + "\n---\n\n" + P).encode(),
    "toml_deep": lambda: ('+++\ntitle = "x"\nk = ' + "[" * 5000 + "]" * 5000 + "\n+++\n\n" + P).encode(),
    "pdf_text_only": lambda: b"%PDF-1.4\n" + b"2 0 obj << /Type /Pages /Kids [] >> endobj\n" * 2000 + b"%%EOF\n",
    "prose_paragraphs_8mb": lambda: _fill(P * 3 + "\n\n", 8_000_000),
    "prose_paragraphs_16mb": lambda: _fill(P * 3 + "\n\n", 16_000_000),
    # session 10
    "title_lines_150k": lambda: (T + "NATO\n" * 150_000).encode(),
    "title_lines_60k": lambda: (T + "Allied Readiness Review\n" * 60_000).encode(),
    "prose_no_stop_1mb_wrapped": lambda: (
        T + "NATO allies agreed to act together and the ministers met again in Brussels on\n" * 12_820
    ).encode(),
    "prose_no_stop_999k_line": lambda: (T + ("NATO allies agreed " * 52_632)[:999_000] + "\n").encode(),
    "prose_abbreviations_100k": lambda: (T + "U.S. " * 100_000 + "\n").encode(),
    "prose_country_names_990k": lambda: (T + "Estonia Latvia Lithuania " * 39_600 + "\n").encode(),
}

# --------------------------------------------------------------------------- session 10: rule families, 10 KB .. 2 MB

FAMILY_SIZES = (10_000, 40_000, 160_000, 640_000, 2_000_000)


def _rep(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """``head``, then ``unit`` repeated to about ``size`` characters, then ``tail``, under a title."""
    return "Hostile Family Briefing\n\n" + head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def _one_line(unit: str, size: int, head: str = "") -> str:
    return _rep(unit, min(size, 990_000), head) + "\n"  # one line stays under max_line_chars


# Each shape: (family, builder(size) -> text). Families: the reader's rule modules (items, tables, dialects,
# front_matter, boilerplate, markup, wraps, titles), the segmenter's whole-table scans (text_tables), the
# HTML reader, and the prose stage (sentences, statements, countries). A run of what a rule loops over, or a
# near miss of a multi-line rule that fails only at its end (the shape that makes a per-line retry quadratic).
FAMILIES: dict[str, tuple[str, Callable[[int], str]]] = {
    # items
    "items_mixed_glyphs": ("items", lambda n: _rep("• a\n◦ b\n▪ c\n– d\n", n)),
    "items_enumerators": ("items", lambda n: _rep("(a) x\niv. y\n2) z\nB. w\n", n)),
    "items_star_levels": ("items", lambda n: _rep("*** x\n** y\n* z\n", n)),
    "items_marker_only": ("items", lambda n: _rep("-\n", n)),
    "items_indent_ladder": ("items", lambda n: _rep("".join("  " * i + "- x\n" for i in range(20)), n)),
    # tables (line rules)
    "pipe_rows_no_delimiter_tail": ("tables", lambda n: _rep("a | b | c\n", n, tail="tail line of prose\n")),
    "pipe_rows_width_alternating": ("tables", lambda n: _rep("| a | b |\n| a | b | c |\n", n)),
    "equals_delimiters": ("tables", lambda n: _rep("| a | b |\n====|====\n", n)),
    "dash_delimiters_word": ("tables", lambda n: _rep("| a | b |\n|—|—|\n", n)),
    "grid_unclosed": ("tables", lambda n: _rep("| a | b |\n", n, head="+---+---+\n")),
    "grid_rows": ("tables", lambda n: _rep("+---+---+\n| a | b |\n", n)),
    "box_rows": ("tables", lambda n: _rep("│ a │ b │\n├───┼───┤\n", n, head="┌───┬───┐\n")),
    "tab_rows": ("tables", lambda n: _rep("a\tb\tc\n", n)),
    "tab_rows_quoted_open": ("tables", lambda n: _rep('"a\tb\tc\n', n)),
    "csv_rows_tail": ("tables", lambda n: _rep("a,b,c\n", n, tail="x\n")),
    "csv_rows_alternating": ("tables", lambda n: _rep("a,b\na,b,c\n", n)),
    # text_tables (whole-table scans)
    "aligned_rows_tail": (
        "text_tables",
        lambda n: _rep("Alpha   Beta   Gamma\n", n, tail="crossingwordsacrossthecolumns\n"),
    ),
    "multiline_unclosed": (
        "text_tables",
        lambda n: _rep("row    cell\n\n", n, head="------------\nHead   Head\n-----  -----\n"),
    ),
    "multiline_many_tops": ("text_tables", lambda n: _rep("\n-----------\nHead   Head\n", n)),
    "simple_unclosed": ("text_tables", lambda n: _rep("a      b\n", n, head="Head   Head\n-----  -----\n")),
    "wiki_unclosed": ("text_tables", lambda n: _rep("| a || b\n|-\n", n, head="{|\n")),
    "wiki_openers": ("text_tables", lambda n: _rep("{|\n! a !! b\n", n)),
    "asciidoc_unclosed": ("text_tables", lambda n: _rep("|a |b\n\n", n, head="|===\n")),
    "asciidoc_fences": ("text_tables", lambda n: _rep("|===\n|a|b|c\n", n)),
    "rst_simple_unclosed": (
        "text_tables",
        lambda n: _rep("x      y\n", n, head="=====  =====\nA      B\n=====  =====\n"),
    ),
    "rst_borders": ("text_tables", lambda n: _rep("=====  =====\n", n)),
    "rst_list_table": ("text_tables", lambda n: _rep("   * - a\n     - b\n", n, head=".. list-table::\n\n")),
    "rst_csv_table_open_quote": ("text_tables", lambda n: _rep('   "a, b\n', n, head=".. csv-table::\n\n")),
    "rst_table_directives": ("text_tables", lambda n: _rep(".. table::\n", n)),
    "rst_table_directive_body": ("text_tables", lambda n: _rep("   x   y\n", n, head=".. table::\n\n")),
    "record_blocks": ("text_tables", lambda n: _rep("Name: x\nRole: y\n\n", n)),
    "record_blocks_varying": ("text_tables", lambda n: "".join(f"Name{i}: x\nRole: y\n\n" for i in range(n // 20))),
    "page_breaks_in_pipe_rows": ("text_tables", lambda n: _rep("a | b\nPage 3\n", n)),
    # dialects
    "org_headings": ("dialects", lambda n: _rep("* heading\n** sub\n", n)),
    "org_drawer_unclosed": ("dialects", lambda n: _rep("x: y\n", n, head=":PROPERTIES:\n")),
    "org_keywords": ("dialects", lambda n: _rep("#+KEY: value\n", n)),
    "wiki_headings": ("dialects", lambda n: _rep("== h ==\n# item\n", n)),
    "asciidoc_document": ("dialects", lambda n: _rep("[source]\n----\nx\n", n, head="= Title\n:attr: x\n\n")),
    "bbcode_pairs": ("dialects", lambda n: _one_line("[b]x[/b] ", n)),
    "bbcode_openers": ("dialects", lambda n: _one_line("[b]", n)),
    "rst_directives": ("dialects", lambda n: _rep(".. note::\n", n)),
    "rst_directive_body": ("dialects", lambda n: _rep("   body text\n", n, head=".. note::\n\n")),
    "rst_underlines": ("dialects", lambda n: _rep("Title\n=====\n", n)),
    "rst_overlines": ("dialects", lambda n: _rep("=====\nTitle\n=====\n", n)),
    # front matter
    "mmd_metadata": ("front_matter", lambda n: "".join(f"Key{i}: value\n" for i in range(n // 14)) + "\nBody.\n"),
    "toml_unclosed": ("front_matter", lambda n: "+++\n" + "k = 1\n" * (n // 6)),
    "yaml_dashes": ("front_matter", lambda n: "---\n" * (n // 4)),
    # boilerplate
    "furniture_lines": ("boilerplate", lambda n: _rep("Share this:\nSubscribe\nRead more\n", n)),
    "shortcodes_line": ("boilerplate", lambda n: _one_line("{{< x >}}", n)),
    "jira_macros": ("boilerplate", lambda n: _one_line("{panel}", n)),
    "breadcrumb_line": ("boilerplate", lambda n: _one_line("Home > ", n)),
    "sign_offs": ("boilerplate", lambda n: _rep("— Jane Doe\n", n)),
    "abbreviation_lines": ("boilerplate", lambda n: _rep("NATO\n", n)),
    # markup
    "footnote_refs_line": ("markup", lambda n: _one_line("[^1]", n, head="text")),
    "wikilinks": ("markup", lambda n: _one_line("[[a|b]] ", n)),
    "wikilink_openers": ("markup", lambda n: _one_line("[[", n)),
    "heading_attribute_braces": ("markup", lambda n: _one_line("{", n, head="# H ")),
    "template_links": ("markup", lambda n: _one_line("{{ x }}", n)),
    "code_fences": ("markup", lambda n: _rep("```\n", n)),
    "tag_balance_line": ("markup", lambda n: _one_line("<b><i>", n)),
    "single_tildes": ("markup", lambda n: _one_line("~a ", n)),
    "callouts": ("markup", lambda n: _rep("> [!NOTE]\n", n)),
    "parentheses_open": ("markup", lambda n: _one_line("(", n, head="x ")),
    # wraps, titles (the rules of real-world sweeps 2-3)
    "wrapped_function_words": ("wraps", lambda n: _rep("the allies met again in Brussels and agreed on the\n", n)),
    "hyphen_breaks": ("wraps", lambda n: _rep("defen-\nce ", n)),
    "link_rows": ("titles", lambda n: _rep("[a](x) | [b](y)\n", n)),
    "dated_bylines": ("titles", lambda n: _rep("By Jane Doe | July 4, 2024\n", n)),
    # titles
    "page_of": ("titles", lambda n: _rep("Page 1 of 3\n", n)),
    "datelines": ("titles", lambda n: _one_line("BRUSSELS, July 4 (Reuters) - ", n)),
    "permalinks": ("titles", lambda n: _rep("## H ¶\n", n)),
    "short_title_lines": ("titles", lambda n: _rep("Short Title Line\n", n)),
    "indented_prose": ("titles", lambda n: _rep("    indented prose line\n", n)),
    # html
    "html_table_unclosed": ("html", lambda n: _rep("<tr><td>x", n, head="<table>\n")),
    "html_list_unclosed": ("html", lambda n: _rep("<li>x\n", n, head="<ul>\n")),
    "html_paragraphs": ("html", lambda n: _rep("<p>x</p>\n", n)),
    "html_comment_openers": ("html", lambda n: _rep("<!--\n", n)),
    # prose
    "prose_wrapped_no_stop": ("prose", lambda n: _rep("NATO allies agreed\n", n)),
    "prose_honorifics": ("prose", lambda n: _one_line("Mr. ", n)),
    "prose_ellipses": ("prose", lambda n: _one_line("... ", n)),
    "prose_quotes_open": ("prose", lambda n: _one_line("“a ", n)),
    "prose_new_prefix": ("prose", lambda n: _one_line("New ", n, head="Allies said ")),
    "prose_republic_of": ("prose", lambda n: _one_line("Republic of ", n)),
    "prose_the_united": ("prose", lambda n: _one_line("the United ", n)),
    "prose_demonyms": ("prose", lambda n: _one_line("Estonian ", n)),
    "prose_statement_cues": ("prose", lambda n: _one_line("Secretary General Stoltenberg said that ", n)),
    "prose_cue_sentences": ("prose", lambda n: _rep("The Secretary General said NATO will defend Estonia. ", n)),
    "prose_country_lines": ("prose", lambda n: _rep("Estonia Latvia Lithuania\n", n)),
    "prose_bosnia_and": ("prose", lambda n: _one_line("Bosnia and ", n, head="Allies said ")),
    "prose_republic_of_the": ("prose", lambda n: _one_line("Democratic Republic of the ", n)),
    "prose_saint": ("prose", lambda n: _one_line("Saint ", n, head="Allies met in ")),
    "prose_possessives": ("prose", lambda n: _one_line("Estonia's ", n)),
    "prose_hyphen_chain": ("prose", lambda n: _one_line("Estonia-", n, head="The ")),
    "prose_us_hyphen_chain": ("prose", lambda n: _one_line("U.S.-", n, head="The ")),
    "prose_capitals_chain": ("prose", lambda n: _one_line("Tallinn Riga Vilnius Warsaw ", n)),
    "prose_not_after_runs": ("prose", lambda n: _one_line("not only Estonia but also ", n, head="NATO will defend ")),
    "prose_cue_runs_stops": ("prose", lambda n: _one_line("NATO must act. Allies will act. ", n)),
    "prose_quoted_statements": ("prose", lambda n: _one_line('"We will defend Estonia," he said. ', n)),
}

_FAMILY_CHILD = """
import json, resource, sys, time
from bench.hostile_curve import FAMILIES, FAMILY_SIZES
from nato_briefs.api import ArticleError, read_article
read_article("Warm Up Briefing\\n\\nNATO allies met in Estonia.\\n- a\\n")
build = FAMILIES[sys.argv[1]][1]
for size in FAMILY_SIZES:
    text = build(size)
    before = resource.getrusage(resource.RUSAGE_SELF)
    try:
        read_article(text, "x.md")
        outcome = "ok"
    except ArticleError as exc:
        outcome = exc.reason_code
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    row = {"size": len(text), "cpu": cpu, "rss_mb": after.ru_maxrss // 1024, "outcome": outcome}
    print(json.dumps(row), flush=True)
    if cpu > float(sys.argv[2]):
        break
"""


def families(names: list[str], stop_after: float = 20.0, timeout: float = 300) -> None:
    """Each shape at 10 KB .. 2 MB in one fresh process: CPU seconds, the ratio to the previous size (x4 of
    size: linear work is x4, quadratic x16) and the peak RSS so far; sizes stop after one over ``stop_after``."""
    head = " | ".join(f"{s // 1000:,}K CPU s (ratio)" for s in FAMILY_SIZES)
    print(
        f"| family | shape | {head} | peak RSS MB | last outcome |\n|---|---|"
        + "---:|" * len(FAMILY_SIZES)
        + "---:|---|"
    )
    for name in names or list(FAMILIES):
        try:
            proc = subprocess.run(
                [sys.executable, "-c", _FAMILY_CHILD, name, str(stop_after)],
                capture_output=True,
                text=True,
                timeout=timeout,
            )
            rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
            tail = "" if proc.returncode == 0 else f" died ({proc.returncode}): {proc.stderr.strip().splitlines()[-1:]}"
        except subprocess.TimeoutExpired as exc:
            rows = [json.loads(line) for line in (exc.stdout or b"").decode().splitlines() if line.startswith("{")]
            tail = f" timeout after {timeout:g} s"
        cells, previous = [], None
        for row in rows:
            ratio = f" (x{row['cpu'] / previous:.1f})" if previous and row["outcome"] == "ok" else ""
            mark = "" if row["outcome"] == "ok" else f" {row['outcome']}"
            cells.append(f"{row['cpu']:.2f}{ratio}{mark}")
            previous = max(row["cpu"], 0.005) if row["outcome"] == "ok" else None
        cells += [""] * (len(FAMILY_SIZES) - len(cells))
        rss = rows[-1]["rss_mb"] if rows else ""
        last = (rows[-1]["outcome"] if rows else "") + tail
        print(f"| {FAMILIES[name][0]} | {name} | " + " | ".join(cells) + f" | {rss} | {last} |", flush=True)


_CHILD = """
import json, resource, sys
from pathlib import Path
from nato_briefs.api import ArticleError, read_article
read_article("Warm Up Briefing\\n\\nNATO allies met in Estonia.\\n- a\\n")
data = Path(sys.argv[1]).read_bytes()
before = resource.getrusage(resource.RUSAGE_SELF)
try:
    read_article(data, "x.md")
    outcome = "ok"
except ArticleError as exc:
    outcome = exc.reason_code
after = resource.getrusage(resource.RUSAGE_SELF)
cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
print(json.dumps({"cpu": round(cpu, 2), "rss_mb": after.ru_maxrss // 1024, "outcome": outcome}))
"""


def sweep(names: list[str], timeout: float = 300) -> None:
    """One fresh process per file: CPU seconds and peak RSS of read_article, and its outcome."""
    print("| case | bytes | CPU s | peak RSS MB | outcome |\n|---|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name in names or list(SWEEP):
            path = os.path.join(folder, f"{name}.md")
            with open(path, "wb") as handle:
                handle.write(SWEEP[name]())
            try:
                proc = subprocess.run(
                    [sys.executable, "-c", _CHILD, path], capture_output=True, text=True, timeout=timeout
                )
                result = json.loads(proc.stdout.splitlines()[-1]) if proc.returncode == 0 else None
            except subprocess.TimeoutExpired:
                result = {"cpu": f">{timeout:g}", "rss_mb": "", "outcome": "timeout"}
            result = result or {"cpu": "", "rss_mb": "", "outcome": f"died ({proc.returncode})"}
            size = os.path.getsize(path)
            print(f"| {name} | {size:,} | {result['cpu']} | {result['rss_mb']} | {result['outcome']} |", flush=True)
            os.unlink(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sweep", nargs="*", metavar="NAME", help="the session 9 files (all, or the named ones)")
    parser.add_argument("--families", nargs="*", metavar="NAME", help="session 10: each rule family's shapes, 10K-2M")
    args = parser.parse_args(argv)
    if args.families is not None:
        families(args.families)
        return 0
    if args.sweep is not None:
        sweep(args.sweep)
        return 0
    print("| line | " + " | ".join(f"{k // 1024}k ms (ratio)" for k in SIZES) + " |")
    print("|---|" + "---:|" * len(SIZES))
    for name in hostile_lines(8):
        cells, previous = [], None
        for k in SIZES:
            ms = cost_ms(article(hostile_lines(k)[name]), args.repeat)
            cells.append(f"{ms:.1f}" + (f" (x{ms / previous:.1f})" if previous else ""))
            previous = max(ms, 1e-3)
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
