"""Parse cost of the hostile lines of issue 14 against their size: the curve that shows it is linear.

``python -m bench.hostile_curve`` reads every adversarial article at 8k to 128k characters
(library API: reader, normalizer and prose stage, no Prefect) and prints the median milliseconds and
the ratio to the previous size; linear work doubles (x2), quadratic work quadruples (x4). The tests
assert linearity by counting work (tests/test_reader_linear.py); this is the wall-clock picture.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
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
