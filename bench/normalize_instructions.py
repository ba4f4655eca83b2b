"""``python -m bench.normalize_instructions DIR``: the normalize stage's instructions per document (callgrind).

CPU time on this shared machine swings with the other sessions' load; instructions do not (repeatable to
~0.1%). The run re-starts itself under ``valgrind --tool=callgrind`` (as ``bench.reader_instructions``
does): the documents are read and parsed unmeasured and lazy loads done, then, every memo emptied
before each phase, the two prose steps of ``BatchNormalizer.add`` (``_statements``, ``_mentions``) run
over all of them, then the whole of ``add`` and ``finish`` with a new normalizer, with a call of
``os.getppid()`` between phases, where callgrind dumps its counts. ``--against REV``: the same for git
revision REV first (its ``nato_briefs`` exported to a temporary folder), and the ratio.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.prose_bench import _export, _forget_everything, _sources
from bench.reader_instructions import _totals

_CHILD = "NORMALIZE_INSTRUCTIONS_CHILD"
PHASES = ("statements", "mentions", "add", "finish")
ROOT = Path(__file__).resolve().parent.parent


def _run_phases(corpus: Path, n: int) -> int:
    """The measured run (under callgrind): each phase once over all documents, a dump marker after each."""
    from nato_briefs.normalize import BatchNormalizer
    from nato_briefs.parse import parse_document, split_lines

    parsed = [(s, parse_document(s.text)) for s in _sources(corpus, n)]
    warm = BatchNormalizer()  # lazy loads (rules, gazetteer, taxonomy, Arrow's kernels) are no phase's
    for source, doc in parsed[:5]:
        warm.add(source, doc)
    warm.finish()
    mark = os.getppid
    gc.collect()
    gc.freeze()
    gc.disable()  # the collector's passes would land in whichever phase runs then
    _forget_everything()
    normalizer = BatchNormalizer()
    mark()
    for source, doc in parsed:
        normalizer._statements(source, doc, split_lines(source.text))
    mark()
    for source, doc in parsed:
        normalizer._mentions(source, doc, split_lines(source.text))
    _forget_everything()
    normalizer = BatchNormalizer()
    mark()
    for source, doc in parsed:
        normalizer.add(source, doc)
    mark()
    normalizer.finish()
    mark()
    return len(parsed)


def measure(code_root: Path, corpus: Path, n: int) -> dict[str, float]:
    """Instructions per document of each phase, of the ``nato_briefs`` under ``code_root``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        command = ["valgrind", "--tool=callgrind", "--dump-before=os_getppid", f"--callgrind-out-file={out}/cg.out"]
        command += [sys.executable, "-m", "bench.normalize_instructions", str(corpus), "--n", str(n)]
        env = {
            **os.environ,
            _CHILD: "1",
            "PYTHONHASHSEED": "0",
            "PYTHONPATH": os.pathsep.join([str(code_root), str(ROOT)]),
        }
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True, cwd=code_root)
        n_docs = int(done.stdout.split()[-1])
        totals = _totals(out)[1:]  # the set-up before the first marker
    return {name: total / n_docs for name, total in zip(PHASES, totals, strict=True)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of articles (bench.corpus output, a test corpus)")
    parser.add_argument("--n", type=int, default=100, help="documents to read (sorted by name)")
    parser.add_argument("--against", metavar="REV", help="also measure git revision REV, and the ratio")
    args = parser.parse_args(argv)
    if os.environ.get(_CHILD):
        print(_run_phases(args.corpus, args.n))
        return 0
    after = measure(ROOT, args.corpus, args.n)
    if not args.against:
        for name, count in after.items():
            print(f"{name:<12} {count / 1e6:8.3f}M instructions per document")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        before = measure(_export(args.against, Path(tmp)), args.corpus, args.n)
    print(f"M instructions per document, first {args.n} of {args.corpus}: {args.against} -> working tree")
    for name in PHASES:
        print(f"{name:<12} {before[name] / 1e6:8.3f} -> {after[name] / 1e6:8.3f}  {before[name] / after[name]:.3f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
