"""``python -m bench.prose_bench``: choose the sentence splitter by measurement, time the prose stage.

Accuracy: share of the hand-written cases in ``tests/prose_corpus/sentence_cases.yaml``
split exactly right. Speed: sentences per second on seed-style prose (the seed
articles' paragraphs). Other splitters are measured only when installed
(pysbd, syntok, nupunkt, sentencex); they are not dependencies of the project.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from nato_briefs.parse import parse_document, split_lines
from nato_briefs.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "prose_corpus" / "sentence_cases.yaml"
SEEDS = sorted((ROOT / "raw").glob("*.txt"))

Splitter = Callable[[str], list[str]]


def _ours(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def _pysbd() -> Splitter:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in seg.segment(text) if s.strip()]


def _syntok() -> Splitter:
    from syntok import segmenter

    def split(text: str) -> list[str]:
        out = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                start = sentence[0].offset - len(sentence[0].spacing)
                end = sentence[-1].offset + len(sentence[-1].value)
                out.append(text[start:end].strip())
        return out

    return split


def _nupunkt() -> Splitter:
    import nupunkt

    return lambda text: [s.strip() for s in nupunkt.sent_tokenize(text) if s.strip()]


def _sentencex() -> Splitter:
    from sentencex import segment

    return lambda text: [s.strip() for s in segment("en", text) if s.strip()]


def splitters() -> dict[str, Splitter]:
    found: dict[str, Splitter] = {"nato_briefs": _ours}
    for name, factory in (("pysbd", _pysbd), ("syntok", _syntok), ("nupunkt", _nupunkt), ("sentencex", _sentencex)):
        try:
            found[name] = factory()
        except ImportError:
            continue
    return found


def accuracy(split: Splitter) -> tuple[int, int, list[str]]:
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    wrong = []
    for case in cases:
        text = case.get("text", " ".join(case["sentences"]))
        if [s.replace("\n", " ") for s in split(text)] != [s.replace("\n", " ") for s in case["sentences"]]:
            wrong.append(text)
    return len(cases) - len(wrong), len(cases), wrong


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in SEEDS:
        doc = parse_document(path.read_text(encoding="utf-8"))
        for section in doc.sections:
            paragraphs.extend(p for p in section.text.split("\n\n") if p)
    return paragraphs


def speed(split: Splitter, paragraphs: list[str], seconds: float) -> float:
    n_sentences = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for p in paragraphs:
            n_sentences += len(split(p))
    return n_sentences / (time.perf_counter() - start)


def prose_stage_speed(seconds: float, cached: bool) -> float:
    """Documents per second through ``read_statements`` (split, classify, locate, theme).

    Uncached: the classifier's and the taxonomy's memos are emptied before every
    document, as if no sentence ever repeated (the worst case).
    """
    from nato_briefs.prose import read_statements
    from nato_briefs.statements import classify_cached
    from nato_briefs.themes import load_taxonomy

    docs = []
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        docs.append((split_lines(text), parse_document(text).sections))
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for lines, sections in docs:
            if not cached:
                classify_cached.cache_clear()
                load_taxonomy().memo.clear()
            read_statements(lines, sections)
            n += 1
    return n / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--show-wrong", action="store_true")
    args = parser.parse_args()
    paragraphs = seed_paragraphs()
    print("| splitter | cases right | accuracy | sentences/s |")
    print("|---|---|---|---|")
    for name, split in splitters().items():
        right, total, wrong = accuracy(split)
        rate = speed(split, paragraphs, args.seconds)
        print(f"| {name} | {right}/{total} | {right / total:.1%} | {rate:,.0f} |")
        if args.show_wrong:
            for text in wrong:
                print(f"    wrong: {text!r} -> {split(text)!r}")
    print()
    for cached in (False, True):
        rate = prose_stage_speed(args.seconds, cached)
        label = "memos warm" if cached else "no memo hits"
        print(f"prose stage (read_statements), {label}: {rate:,.0f} seed documents/s")


if __name__ == "__main__":
    main()
