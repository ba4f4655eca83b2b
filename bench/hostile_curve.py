"""Parse cost of the hostile lines of issue 14 against their size: the curve that shows it is linear.

``python -m bench.hostile_curve`` reads every adversarial article at 8k to 128k characters
(library API: reader, normalizer and prose stage, no Prefect) and prints the median milliseconds and
the ratio to the previous size; linear work doubles (x2), quadratic work quadruples (x4). The tests
assert linearity by counting work (tests/test_reader_linear.py); this is the wall-clock picture.

``python -m bench.hostile_curve --sweep [NAME ...]`` reads each of the session 9 hostile files
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
}

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
    args = parser.parse_args(argv)
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
