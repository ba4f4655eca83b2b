"""``python -m bench.reader_instructions DIR``: the reader's instructions per document, phase by phase (callgrind).

CPU time on a machine shared by several sessions swings with their load; the instructions a phase executes
do not (repeatable to ~0.1%). The run re-starts itself under ``valgrind --tool=callgrind``: the documents are
parsed once unmeasured (lazy loads; documents over the limits dropped), then each phase runs over all of them
(its inputs prepared by the phases before it), with a call of ``os.getppid()`` between phases, the C function
callgrind is told to dump its counts at. The floor is a bare ``MarkdownIt("commonmark").parse``, as in
``bench.reader_bench``. Slow: ~50x the CPU time of the phases themselves.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = "READER_INSTRUCTIONS_CHILD"
PHASES = ("clean_source", "split_lines", "segment_blocks", "block parse", "parse_inline", "Walker.run")
ENDS = ("parse_document (end to end)", "floor: MarkdownIt('commonmark').parse")


def _documents(corpus: Path, n: int) -> list[str]:
    paths = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))[:n]
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def _run_phases(texts: list[str]) -> int:
    """The measured run (under callgrind): each phase once over all documents, a dump marker after each."""
    from markdown_it import MarkdownIt

    from nato_briefs.config import ParseLimits
    from nato_briefs.parse import parse_document, split_lines
    from nato_briefs.reader.errors import ParseLimitError
    from nato_briefs.reader.segment import segment_blocks
    from nato_briefs.reader.text import clean_source
    from nato_briefs.reader.walk import BLOCK_PARSER, Walker, parse_inline

    limits, floor = ParseLimits(), MarkdownIt("commonmark")
    kept = []
    for text in texts:
        try:
            parse_document(text, limits)
        except (ParseLimitError, RecursionError):
            continue
        kept.append(text)
    gc.collect()
    gc.freeze()
    gc.disable()  # the collector's passes would land in whichever phase runs then
    mark = os.getppid
    mark()
    cleaned = [clean_source(text) for text in kept]
    mark()
    lines = [split_lines(text) for text in cleaned]
    mark()
    segs = [segment_blocks(doc, limits) for doc in lines]
    mark()
    envs: list[dict] = [{} for _ in segs]
    streams = [BLOCK_PARSER.parse(seg.text, env) for seg, env in zip(segs, envs, strict=True)]
    mark()
    for tokens, env in zip(streams, envs, strict=True):
        for token in tokens:
            if token.type == "inline":
                parse_inline(token, env)
    mark()
    for seg, tokens, env in zip(segs, streams, envs, strict=True):
        Walker(seg, limits, env).run(tokens)
    mark()
    del cleaned, lines, segs, streams  # their freeing is no phase's
    mark()
    for text in kept:
        parse_document(text, limits)
    mark()
    for text in kept:
        floor.parse(text)
    mark()
    return len(kept)


def _totals(out: Path) -> list[int]:
    """Instructions in each dump callgrind wrote, in order (the first is the set-up before the first marker)."""
    dumps = sorted(out.glob("cg.out.*"), key=lambda p: int(p.suffix[1:]))
    totals = []
    for dump in dumps:
        for line in dump.read_text().splitlines():
            if line.startswith(("totals:", "summary:")):
                totals.append(int(line.split()[1]))
                break
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of articles (bench.corpus output, a test corpus)")
    parser.add_argument("--n", type=int, default=1000, help="documents to read (sorted by name)")
    args = parser.parse_args(argv)
    texts = _documents(args.corpus, args.n)
    if os.environ.get(_CHILD):
        print(_run_phases(texts))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        command = ["valgrind", "--tool=callgrind", "--dump-before=os_getppid", f"--callgrind-out-file={out}/cg.out"]
        command += [sys.executable, "-m", "bench.reader_instructions", str(args.corpus), "--n", str(args.n)]
        env = {**os.environ, _CHILD: "1", "PYTHONHASHSEED": "0"}
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        n_docs = int(done.stdout.split()[-1])
        totals = _totals(out)[1:]
    names = (*PHASES, "freeing the phases' results", *ENDS)
    print(f"{n_docs} documents, instructions per document (callgrind)")
    for name, total in zip(names, totals, strict=True):
        print(f"{name:<40} {total / n_docs / 1e6:8.3f}M")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
