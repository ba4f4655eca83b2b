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
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

from nato_briefs.config import ParseLimits
from nato_briefs.parse import parse_document, split_lines
from nato_briefs.reader.segment import segment_blocks
from nato_briefs.reader.text import clean_source
from nato_briefs.reader.walk import _MD_BLOCKS, _Walker, parse_inline


def _cpu(fn: Callable[[], object], repeats: int) -> float:
    """Median CPU seconds of ``fn`` over the repeats."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def measure(texts: list[str], repeats: int) -> dict[str, float]:
    """CPU seconds per 1,000 documents of the floor, each reader phase and the whole parse."""
    limits = ParseLimits()
    floor_md = MarkdownIt("commonmark")
    segs = [segment_blocks(split_lines(clean_source(t)), limits) for t in texts]
    streams = [_MD_BLOCKS.parse(s.text, {}) for s in segs]
    for tokens in streams:
        for token in tokens:
            if token.type == "inline":
                parse_inline(token, {})

    def block() -> None:
        for s in segs:
            _MD_BLOCKS.parse(s.text, {})

    def inline() -> None:
        # a fresh block stream each repeat would time the block pass too; parse_inline skips
        # tokens that have children, so the inline pass is re-run on copies of the tokens
        for tokens in fresh:
            for token in tokens:
                if token.type == "inline":
                    parse_inline(token, {})

    fresh = [_MD_BLOCKS.parse(s.text, {}) for s in segs]
    inline_times = []
    for _ in range(repeats):
        fresh = [_MD_BLOCKS.parse(s.text, {}) for s in segs]
        inline_times.append(_cpu(inline, 1))

    phases = {
        "floor: MarkdownIt('commonmark').parse": _cpu(lambda: [floor_md.parse(t) for t in texts], repeats),
        "clean + split + segment_blocks": _cpu(
            lambda: [segment_blocks(split_lines(clean_source(t)), limits) for t in texts], repeats
        ),
        "block parse (_MD_BLOCKS)": _cpu(block, repeats),
        "parse_inline": statistics.median(inline_times),
        "_Walker.run": _cpu(lambda: [_Walker(s, limits).run(tk) for s, tk in zip(segs, streams, strict=True)], repeats),
        "parse_document (end to end)": _cpu(lambda: [parse_document(t) for t in texts], repeats),
    }
    scale = 1000 / len(texts)
    return {name: seconds * scale for name, seconds in phases.items()}


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
