"""``python -m bench.reader_bench DIR``: the markdown reader's CPU cost, phase by phase, against markdown-it's floor.

The floor is what a bare ``MarkdownIt("commonmark").parse`` costs on the same
documents: the reader cannot be much cheaper than the parser it builds on, so
its cost is quoted as a share of that floor. Each phase is timed on its own over
all documents (its inputs prepared by the earlier phases, outside the timer), and
the whole ``parse_document`` once more, end to end. CPU seconds per 1,000
documents, median of the repeats, in one process: the machine is shared and wall
clock swings with its load.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from nato_briefs.config import ParseLimits
from nato_briefs.parse import parse_document, split_lines
from nato_briefs.reader.segment import segment_blocks
from nato_briefs.reader.text import clean_source
from nato_briefs.reader.walk import BLOCK_PARSER, Walker, parse_inline


def _cpu(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def _each(items: list, fn: Callable[[object], object]) -> None:
    for item in items:
        fn(item)


def _inline_pass(streams: list[list[Token]]) -> None:
    for tokens in streams:
        for token in tokens:
            if token.type == "inline":
                parse_inline(token, {})


def measure(texts: list[str], repeats: int) -> dict[str, float]:
    """CPU seconds per 1,000 documents of the floor, each reader phase and the whole parse.

    The phases are timed round robin, one of each per repeat, so that a change in the
    machine's load shifts them all alike; the median of the repeats is kept.
    """
    limits = ParseLimits()
    floor_md = MarkdownIt("commonmark")
    segs = [segment_blocks(split_lines(clean_source(t)), limits) for t in texts]
    streams = [BLOCK_PARSER.parse(s.text, {}) for s in segs]
    _inline_pass(streams)  # the walker reads inline tokens with their children
    walk_inputs = list(zip(segs, streams, strict=True))
    gc.collect()
    gc.freeze()  # the prepared inputs are not the phases' garbage: keep the collector off them
    # every phase drops its result at once, as the pipeline does: results kept alive in a
    # list would make the garbage collector's full passes, not the phase, the cost
    phases: dict[str, Callable[[], object]] = {
        "floor: MarkdownIt('commonmark').parse": lambda: _each(texts, floor_md.parse),
        "clean + split + segment_blocks": lambda: _each(
            texts, lambda t: segment_blocks(split_lines(clean_source(t)), limits)
        ),
        "block parse (BLOCK_PARSER)": lambda: _each(segs, lambda s: BLOCK_PARSER.parse(s.text, {})),
        "parse_inline": lambda: None,  # timed on a fresh block stream, below
        "Walker.run": lambda: _each(walk_inputs, lambda pair: Walker(pair[0], limits).run(pair[1])),
        "parse_document (end to end)": lambda: _each(texts, parse_document),
    }
    times: dict[str, list[float]] = {name: [] for name in phases}
    for _ in range(repeats):
        for name, fn in phases.items():
            if name == "parse_inline":  # parse_inline skips a token that has its children already
                fresh = [BLOCK_PARSER.parse(s.text, {}) for s in segs]
                times[name].append(_cpu(lambda fresh=fresh: _inline_pass(fresh)))
            else:
                times[name].append(_cpu(fn))
    scale = 1000 / len(texts)
    return {name: statistics.median(seconds) * scale for name, seconds in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of articles (bench.corpus output)")
    parser.add_argument("--n", type=int, default=1000, help="documents to read (sorted by name)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    paths = sorted(p for p in args.corpus.iterdir() if p.suffix in (".txt", ".md"))[: args.n]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    figures = measure(texts, max(args.repeats, 1))
    floor = next(iter(figures.values()))
    print(f"{len(texts)} documents, CPU s per 1,000 documents, median of {args.repeats} repeats")
    print(f"{'phase':<40} {'s/1k':>7} {'% floor':>8}")
    phase_sum = 0.0
    for i, (name, seconds) in enumerate(figures.items()):
        if 0 < i < len(figures) - 1:
            phase_sum += seconds
        print(f"{name:<40} {seconds:7.3f} {100 * seconds / floor:7.0f}%")
    print(f"{'sum of the reader phases':<40} {phase_sum:7.3f} {100 * phase_sum / floor:7.0f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
