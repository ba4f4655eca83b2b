"""The per-document budget: each limit, soundness of the estimate against the real parse, and peak RSS."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hostile_corpus import WIDE_TALL_COLUMNS, WIDE_TALL_ROWS, article, control_text, wide_tall_table
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nato_briefs.budget import check_budget, item_like, title_like
from nato_briefs.config import IngestLimits, ParseLimits
from nato_briefs.ingest import Rejection, decode_bytes
from nato_briefs.parse import ParseLimitError, parse_document
from nato_briefs.reader.rules import BULLET_GLYPHS, TAB_BULLET_GLYPHS, match_item
from tests.conftest import PROJECT

RSS_LIMIT_MB = 500
SMALL = IngestLimits(max_table_cells=40, max_document_cells=60, max_parse_tokens=400, max_nesting_work=20_000)


def test_real_articles_are_within_the_default_budget():
    for path in sorted((PROJECT / "raw").glob("*.txt")):
        assert check_budget(path.read_text(encoding="utf-8"), IngestLimits()) is None, path
    assert check_budget(control_text() * 50, IngestLimits()) is None  # the slow path, same verdict


def test_table_over_the_cells_limit():
    over = check_budget(wide_tall_table(5, 10), SMALL)  # 7 cells a line, 12 lines
    assert over is not None and over.reason_code == "too_many_cells"
    assert "table at line 3 has more than 40 cells" in over.reason
    assert check_budget(wide_tall_table(5, 3), SMALL) is None  # 7 x 5 = 35


def test_rows_without_pipes_count_at_the_header_width():
    """GFM rows need no pipe, and markdown-it pads each row to the header's width."""
    text = "T\n\n|a|b|c|d|e|\n|-|-|-|-|-|\n" + "x\n" * 10
    over = check_budget(text, SMALL)
    assert over is not None and over.reason_code == "too_many_cells"
    assert check_budget(text.replace("|-|-|-|-|-|\n", "|-|-|-|-|-|\n\n"), SMALL) is None  # a blank line ends it


def test_tables_over_the_document_limit_each_within_the_table_limit():
    table = wide_tall_table(5, 3).split("\n", 2)[2]  # 35 cells
    assert check_budget("T\n\n" + table, SMALL) is None
    over = check_budget("T\n\n" + table + "\n" + table, SMALL)
    assert over is not None and over.reason_code == "too_many_cells" and "in all" in over.reason


def test_too_many_tokens():
    assert check_budget("L\n\n" + "- a\n" * 60, SMALL) is None  # 360 tokens
    over = check_budget("L\n\n" + "- a\n" * 80, SMALL)
    assert over is not None and over.reason_code == "too_costly" and "tokens" in over.reason


@pytest.mark.parametrize(
    "item", ["- a", "• a", "◦ a", "(a) x", "iv. x", "viii. x", "(viii) x", "2) x", "# h", "o\ta", "b. x"]
)
def test_lines_the_reader_may_make_items_count_as_items(item):
    """Plain-text bullets and enumerators become list items too (reader/rules/): ~6 tokens, not 1."""
    assert check_budget("L\n\n" + (item + "\n") * 59, SMALL) is None  # 8 (a title) + 1 + 354 tokens + text
    over = check_budget("L\n\n" + (item + "\n") * 70, SMALL)
    assert over is not None and over.reason_code == "too_costly"


_ITEM_SHAPES = st.one_of(
    st.sampled_from(
        [
            *sorted(BULLET_GLYPHS | TAB_BULLET_GLYPHS),
            *["-", "+", "*", "1.", "12)", "(a)", "(viii)", "viii.", "iv.", "b)", "3 -", "b."],
            *["&bull;", "&#8226;", "✔\ufe0f", "1\ufe0f\u20e3", "👉", "🇺🇦"],
        ]
    ),
    st.from_regex(r"\(?[0-9a-zA-Z]{1,6}[.)]", fullmatch=True),
)


@settings(max_examples=400)
@given(
    st.sampled_from(["", "  ", "\t", "> ", ">> ", "   > "]),
    _ITEM_SHAPES,
    st.sampled_from([" ", "  ", "\t"]),
    st.text(min_size=1, max_size=12),
)
def test_every_line_the_reader_makes_an_item_counts_as_one(indent, marker, gap, text):
    """The budget's one-regex estimate must stay a superset of the reader's item rules, or it undercounts."""
    line = indent + marker + gap + text
    if match_item(line.lstrip(" \t>")) is not None:
        assert item_like(line.lstrip(" \t>"))


def test_every_one_character_marker_the_reader_takes_counts_as_an_item():
    """Exhaustive over the Basic Multilingual Plane: a marker of one code point that ``match_item`` reads
    (a bullet, an enumerator of any script, an enclosed number) is item-like, in each of its shapes. Hypothesis
    above samples; this found "① ", "⒈ ", "а) " and "β) " undercounted (session 19)."""
    missed = []
    for code in range(0x21, 0x10000):
        glyph = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        for line in (f"{glyph} Air", f"{glyph}. Air", f"{glyph}) Air", f"{glyph}  Air", f"{glyph}\tAir"):
            if match_item(line) is not None and not item_like(line):
                missed.append(line)
    assert not missed, missed[:20]


def test_every_line_counts_as_a_block():
    """The reader gives a line of its own a block: open, inline and close."""
    assert check_budget("L\n\n" + "Allies met.\n" * 100, SMALL) is None  # 4 + 300 tokens, + 75 for 1,203 characters
    over = check_budget("L\n\n" + "Allies met.\n" * 140, SMALL)
    assert over is not None and over.reason_code == "too_costly"


def test_inline_markup_counts_as_tokens():
    over = check_budget("T\n\n" + "*a* " * 300, SMALL)
    assert over is not None and over.reason_code == "too_costly"


def test_nesting_work():
    line = ">" * 50 + " text"
    assert check_budget("Q\n\n" + (line + "\n") * 5, SMALL) is None  # 55 x 51 x 5 = 14,025
    over = check_budget("Q\n\n" + (line + "\n") * 10, SMALL)
    assert over is not None and over.reason_code == "too_costly" and "nesting" in over.reason


def test_indentation_beyond_the_list_depth_limit_is_not_nesting():
    """The issue's adversarial line (k spaces, then '-x'): code-block text, not k/2 list levels."""
    text = "| a | b |\n" + " " * 32_000 + "-x\n"
    assert check_budget(text, IngestLimits()) is None


def test_decode_bytes_quarantines_with_the_reason():
    out = decode_bytes("t.md", "d" * 64, wide_tall_table(300, 200).encode(), IngestLimits())
    assert isinstance(out, Rejection) and (out.stage, out.reason_code) == ("ingest", "too_many_cells")
    assert out.doc_id == "d" * 64


def _actual_cells(text: str) -> tuple[int, int]:
    doc = parse_document(text)
    per_table = [len(t.headers) + sum(len(r.cells) for r in t.rows) for t in doc.tables]
    return max(per_table, default=0), sum(per_table)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            ["|a|b|", "|-|-|", "| x |", "a|b|c|d", "x", "", "- i", "  - j", "> q", "|---|---|---|", "|", "|-|-|-|-|-|"]
        ),
        max_size=30,
    )
)
def test_the_estimate_bounds_what_the_parser_builds(lines):
    text = "Title\n\n" + "\n".join(lines) + "\n"
    limits = IngestLimits(max_table_cells=20, max_document_cells=30)
    try:
        biggest, total = _actual_cells(text)
    except ParseLimitError:
        return
    if check_budget(text, limits) is None:
        assert biggest <= limits.max_table_cells and total <= limits.max_document_cells


# --------------------------------------------------------------------------- peak memory of the batch path

_WORKER = """
import json, sys
from pathlib import Path
from nato_briefs.batch import plan_batches, process_batch
from nato_briefs.config import Settings
from nato_briefs.ingest import discover
from nato_briefs.publish import OutputRoot

settings = Settings()
files, _ = discover(Path(sys.argv[1]), settings.ingest)
root = OutputRoot.open(sys.argv[2])
(plan,) = plan_batches(files, 128)
result = process_batch(plan, settings, root, root.staging_dir("rss"), {"run_id": "rss"})
print(json.dumps({"rejections": [[r.source_path, r.reason_code] for r in result.rejections],
                  "parsed": result.n_parsed, "table_rows": result.counts.get("table_rows", 0)}))
"""
# Runs the worker as its child and reports the child's peak RSS as the OS counted it.
_PARENT = """
import resource, subprocess, sys
proc = subprocess.run([sys.executable, "-c", sys.argv[1], *sys.argv[2:]], capture_output=True, text=True)
sys.stderr.write(proc.stderr)
print(proc.stdout.strip())
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
"""


def _batch_peak_rss(tmp_path: Path, text: str) -> tuple[dict, int]:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "big.md").write_text(text, encoding="utf-8")
    (raw / "small.md").write_text(article("Small"), encoding="utf-8")
    cmd = [sys.executable, "-c", _PARENT, _WORKER, str(raw), str(tmp_path / "out")]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=PROJECT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result, peak_mb = proc.stdout.strip().splitlines()[-2:]
    return json.loads(result), int(peak_mb)


def test_wide_tall_table_is_quarantined_and_the_worker_stays_small(tmp_path):
    text = wide_tall_table(WIDE_TALL_COLUMNS, WIDE_TALL_ROWS)
    assert len(text) > 4_000_000
    result, peak_mb = _batch_peak_rss(tmp_path, text)
    assert result["rejections"] == [["big.md", "too_many_cells"]]
    assert result["parsed"] == 1  # the other file of the batch is published
    assert peak_mb < RSS_LIMIT_MB, peak_mb


@pytest.mark.slow
def test_most_glyph_items_within_the_budget_parse_under_the_rss_limit(tmp_path):
    """Before the item-like count, 480,000 '• a' lines passed the budget and peaked at 1.1 GB."""
    limits = IngestLimits()
    n = int(limits.max_parse_tokens / (6 + 4 / 16)) - 10  # six tokens a line, one per 16 characters of text
    text = "Glyph List\n\n" + "• a\n" * n
    assert check_budget(text, limits) is None
    assert check_budget(text + "• a\n" * 20, limits) is not None
    result, peak_mb = _batch_peak_rss(tmp_path, text)
    assert result["rejections"] == [] and result["parsed"] == 2
    assert peak_mb < RSS_LIMIT_MB, peak_mb


@pytest.mark.slow
def test_largest_table_within_the_budget_parses_under_the_rss_limit(tmp_path):
    limits = IngestLimits()
    columns = 200
    rows = limits.max_table_cells // (columns + 2) - 3  # just within max_table_cells
    text = wide_tall_table(columns, rows)
    assert check_budget(text, limits) is None
    assert check_budget(wide_tall_table(columns, rows + 3), replace(limits)) is not None
    result, peak_mb = _batch_peak_rss(tmp_path, text)
    assert result["rejections"] == [] and result["parsed"] == 2
    assert peak_mb < RSS_LIMIT_MB, peak_mb


# --------------------------------------------------------------------------- session 9: lines the scan skipped


@pytest.mark.parametrize("filler", ["\n", " \n", "\t\n", "\r", ">\n", ">" * 5 + "\n"])
def test_blank_lines_count_against_the_budget(filler: str):
    """The line scan skipped a line whose body is blank (empty, blanks, or '>' quote markers only) uncounted,
    though markdown-it and the segmenter pay for every line: now one token each (and its nesting work)."""
    assert check_budget("B\n\nx\n" + filler * 100, SMALL) is None
    over = check_budget("B\n\nx\n" + filler * 1_000, SMALL)
    assert over is not None and over.reason_code == "too_costly"


def test_four_million_blank_lines_are_too_costly():
    """Before: 4,000,000 blank lines (4 MB) passed the budget and took 23 CPU s and 863 MB in read_article."""
    over = check_budget("Blank Lines\n\nx\n" + "\n" * 4_000_000 + "end\n", IngestLimits())
    assert over is not None and over.reason_code == "too_costly"


def test_image_openers_count_their_label_scans():
    """An image opener '![' counted as two markers, but markdown-it re-reads up to 20 nested labels for
    each: 100,000 of them (200 kB) took 6.4 CPU s in read_article, and 250,000 (500 kB) passed the budget."""
    over = check_budget("Images\n\n" + "![" * 150_000 + "x\n", IngestLimits())
    assert over is not None and over.reason_code == "too_costly"
    assert check_budget("Images\n\n" + "![a](b.png) " * 2_000 + "\n", IngestLimits()) is None


PROSE = "NATO allies met in Brussels and agreed on the plan for Estonia. "


def test_prose_counts_by_its_characters():
    """The budget counted lines and markup, not characters, so plain prose up to max_file_bytes (20 MB)
    passed it: 16 MB of paragraphs took 19.8 CPU s and 658 MB in read_article, 8 MB 9.5 s and 401 MB."""
    over = check_budget("Prose\n\n" + (PROSE * 3 + "\n\n") * 42_000, IngestLimits())  # 8 MB
    assert over is not None and over.reason_code == "too_costly" and "characters" in over.reason
    assert check_budget("Prose\n\n" + (PROSE * 3 + "\n\n") * 5_000, IngestLimits()) is None  # 1 MB


# --------------------------------------------------------------------------- session 10: lines read as titles


def test_title_lines_count_as_headings():
    """A short line not in lower case and without a closing stop is tried as a bare title (~20 rules) and, as
    one, is a heading and a section of its own: ~115 us a line, three times a prose line's. At a block's 3
    tokens, 150,000 "NATO" lines (750 kB) passed the budget and took 15.6 CPU s and 440 MB in read_article."""
    over = check_budget("Titles\n\n" + "NATO\n" * 150_000, IngestLimits())
    assert over is not None and over.reason_code == "too_costly"
    assert check_budget("L\n\n" + "Allied Readiness\n" * 40, SMALL) is None  # 8 + 1 + 40 x 8 tokens + 42 of text
    over = check_budget("L\n\n" + "Allied Readiness\n" * 50, SMALL)
    assert over is not None and over.reason_code == "too_costly"
    # near misses: prose lines, and lower-case lines, stay at a block's tokens
    assert check_budget("L\n\n" + "Allies met.\n" * 100, SMALL) is None
    assert check_budget("L\n\n" + "allied readiness\n" * 90, SMALL) is None  # 9 + 270 + 96 of text


def test_titles_are_sized_by_the_parse_limits_of_the_run():
    """A run configured with longer bare titles reads longer lines as headings: the budget counts them so too
    (it read the default 120 characters whatever the run's ``max_title_chars``, and undercounted)."""
    line = (
        "Allied Readiness And Resilience Planning For The Eastern Flank In The Coming Decade And The Southern"
        " Neighbourhood Of The Alliance Across Every Domain Of Warfare"
    )
    assert 120 < len(line) <= 200
    text = "Allies met in Brussels.\n\n" + (line + "\n\n") * 24
    longer = ParseLimits(max_title_chars=200, max_title_words=40)
    assert [s.heading_kind for s in parse_document(text, longer).sections].count("bare") >= 23  # one is the title
    assert [s.heading_kind for s in parse_document(text).sections] == [None]
    assert check_budget(text, SMALL) is None  # 24 lines at a block's 3 tokens + 24 blank + 24 x 10 of text
    assert check_budget(text, SMALL, ParseLimits()) is None
    over = check_budget(text, SMALL, longer)  # 24 lines at a title's 8
    assert over is not None and over.reason_code == "too_costly"


_TITLE_WORDS = st.sampled_from(["NATO", "Allied", "Readiness", "2030", "Defence", "north", "the", "Ⅳ", "北约", "É"])


@settings(max_examples=300)
@given(st.lists(_TITLE_WORDS, min_size=1, max_size=8).map(" ".join), st.sampled_from(["", ":", ")", "”", " —"]))
def test_every_line_the_reader_makes_a_bare_title_counts_as_one(words: str, tail: str):
    """The budget's estimate must stay a superset of the lines the reader reads as bare titles, or it undercounts."""
    line = words + tail
    parsed = parse_document(f"Allies met in Brussels.\n\n{line}\n\nThe ministers agreed on the plan.\n")
    if any(s.heading_kind == "bare" and s.line == 3 for s in parsed.sections):
        body = line.lstrip(" \t>")
        assert item_like(body) or title_like(body), line
