"""``python -m bench.prose_bench``: choose the sentence splitter by measurement, time the prose stage.

Accuracy: share of the hand-written cases in ``tests/prose_corpus/sentence_cases.yaml``
split exactly right. Speed: sentences per second on seed-style prose (the seed
articles' paragraphs). Other splitters are measured only when installed
(pysbd, syntok, nupunkt, sentencex); they are not dependencies of the project.

``--corpus DIR [--n 1000] [--repeats 3]``: the prose stage against the parser on a
``bench.corpus`` corpus instead: documents/s of ``parse_document`` alone, of the prose
stage alone (statements with their countries and theme, and mentions, as
``BatchNormalizer.add`` runs them) and of both, median CPU time of the repeats, with
memos kept for the batch and cleared before every document (figures in docs/SENTENCES.md).
CPU time, not wall clock: the build machine is shared and wall time swings with its load.

``--corpus DIR --against REV``: CPU seconds per 1,000 documents of the two prose steps of
``BatchNormalizer.add`` (``_statements``, ``_mentions``; ``_add_*`` before session 5), the code of git revision REV
("before") against the working tree ("after"), each in its own fresh process, the two
alternating ``--repeats`` times in one run (so both see the same machine load), each child
taking the least of 3 rounds; medians and their ratio. "add": the whole of ``BatchNormalizer.add``
(every dataset's rows), timed apart with memos emptied again. "first pass": one normalizer reads the
documents once, every memo empty at the start, as a batch in a fresh worker; "second pass":
the same normalizer reads them again, every memo warm (a sentence seen before).

``--diff REV --corpus DIR --n N [--root DIR ...] [--max-file-bytes B]``: the differential check of a
speed change. Every dataset ``BatchNormalizer`` builds (``add`` then ``finish``, in batches of
``DIFF_BATCH`` documents) from the first N documents of DIR and all of each further root, by the code
of REV and by the working tree, each in a fresh process; prints the rows that differ per dataset and
exits 1 on any difference. Rows are compared per document, as multisets (an added row moves no other
document); ``--show K`` prints the rows of up to K differing documents per dataset.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    start = time.process_time()
    while time.process_time() - start < seconds:
        for p in paragraphs:
            n_sentences += len(split(p))
    return n_sentences / (time.process_time() - start)


def prose_stage_speed(seconds: float, cached: bool) -> float:
    """Documents per second through ``read_statements`` (split, classify, locate, theme).

    Uncached: the classifier's and the taxonomy's memos are emptied before every
    document, as if no sentence ever repeated (the worst case).
    """
    from nato_briefs.prose import clear_memos, read_statements
    from nato_briefs.themes import load_taxonomy

    docs = []
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        docs.append((split_lines(text), parse_document(text).sections))
    n = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for lines, sections in docs:
            if not cached:
                clear_memos()
                load_taxonomy().memo.clear()
            read_statements(lines, sections)
            n += 1
    return n / (time.process_time() - start)


def _clear_memos() -> None:
    """Forget every sentence, paragraph and theme seen so far: as if nothing ever repeated."""
    from nato_briefs.prose import clear_memos
    from nato_briefs.themes import load_taxonomy

    load_taxonomy().memo.clear()
    clear_memos()


def _corpus_docs(corpus: Path, n: int) -> list[str]:
    files = sorted(p for p in corpus.rglob("*") if p.is_file())[:n]
    return [p.read_text(encoding="utf-8", errors="replace") for p in files]


def _prose_stage(text: str, doc: Any, memo: dict | None) -> int:
    """What ``BatchNormalizer.add`` runs for prose: statements (with their countries) and mentions."""
    from nato_briefs.countries import document_mentions, load_gazetteer, union_countries
    from nato_briefs.prose import read_statements
    from nato_briefs.themes import load_taxonomy

    gazetteer = load_gazetteer()
    records = read_statements(
        split_lines(text),
        doc.sections,
        find_countries=lambda s: list(union_countries(gazetteer.find(s))),
        taxonomy=load_taxonomy(),
    )
    return len(records) + len(document_mentions(doc, text, gazetteer, memo))


def corpus_speed(texts: list[str], repeats: int, cold: bool) -> dict[str, float]:
    """Median documents/s of the parser alone, the prose stage alone, and both, over ``texts``.

    ``cold``: every memo is emptied before each document (no sentence ever seen before, the
    worst case for a corpus with less boilerplate than the benchmark's); otherwise memos
    live for one pass over the corpus, as in a batch.
    """
    parsed = [parse_document(t) for t in texts]
    timings: dict[str, list[float]] = {"parse": [], "prose": [], "both": []}
    for _ in range(repeats):
        start = time.process_time()
        for t in texts:
            parse_document(t)
        timings["parse"].append(time.process_time() - start)
        for label, with_parse in (("prose", False), ("both", True)):
            _clear_memos()
            memo: dict = {}
            start = time.process_time()
            for t, doc in zip(texts, parsed, strict=True):
                if cold:
                    _clear_memos()
                    memo = {}
                _prose_stage(t, parse_document(t) if with_parse else doc, memo)
            timings[label].append(time.process_time() - start)
    return {label: len(texts) / statistics.median(seconds) for label, seconds in timings.items()}


STEPS = ("statements", "mentions")


def _sources(corpus: Path, n: int) -> list[Any]:
    from nato_briefs.config import IngestLimits
    from nato_briefs.ingest import SourceDocument, discover, read_source

    limits = IngestLimits()
    files, _ = discover(corpus, limits)
    read = [read_source(f, limits) for f in files[:n]]
    return [d for d in read if isinstance(d, SourceDocument)]


def _forget_everything() -> None:
    """Empty every process-wide memo of the prose steps, in any version of them: the next pass is a first one."""
    import gc

    import nato_briefs.prose as prose
    import nato_briefs.statements as statements
    from nato_briefs.countries import load_gazetteer
    from nato_briefs.themes import load_taxonomy

    # Revisions before session 6 also kept a classification cache of their own.
    old_cache = getattr(statements, "clear_classify_cache", None) or getattr(
        getattr(statements, "classify_cached", None), "cache_clear", None
    )
    if old_cache is not None:
        old_cache()
    load_taxonomy().memo.clear()
    gazetteer = load_gazetteer()
    # Revisions before session 21 had no forget_surfaces: their memo is emptied by its own name.
    getattr(gazetteer, "forget_surfaces", lambda: gazetteer._by_surface.clear())()
    getattr(prose, "clear_memos", lambda: None)()
    gc.collect()


def step_seconds(corpus: Path, n: int, rounds: int = 3) -> dict[str, float]:
    """CPU seconds per 1,000 documents of each prose step, first and second pass (run in a child).

    The least of ``rounds`` rounds, each with a new normalizer and every memo emptied: the
    machine's load only ever adds time.
    """
    from nato_briefs.normalize import BatchNormalizer

    sources = _sources(corpus, n)
    parsed = [(s, (s.doc_id, s.source_path), parse_document(s.text)) for s in sources]
    best: dict[str, float] = {}
    for _ in range(rounds):
        _forget_everything()
        normalizer = BatchNormalizer()
        for label in ("first", "second"):
            for step in STEPS:
                run = _step(normalizer, step)
                start = time.process_time()
                for source, key, doc in parsed:
                    run(key, source, doc)
                seconds = (time.process_time() - start) * 1000 / len(parsed)
                best[f"{label} {step}"] = min(seconds, best.get(f"{label} {step}", seconds))
        _forget_everything()
        normalizer = BatchNormalizer()  # the whole of ``add`` (rows, items, sections too), memos empty again
        for label in ("first", "second"):
            start = time.process_time()
            for source, _, doc in parsed:
                normalizer.add(source, doc)
            seconds = (time.process_time() - start) * 1000 / len(parsed)
            best[f"{label} add"] = min(seconds, best.get(f"{label} add", seconds))
    return best


def _step(normalizer: Any, step: str) -> Callable[[tuple, Any, Any], object]:
    """One prose step of ``normalizer``, as the code under test names it.

    Since session 5 a step computes its records (``_statements``, ``_mentions``: a document's
    records are added all or none); before, it added them (``_add_statements``, ``_add_mentions``).
    """
    compute = getattr(normalizer, f"_{step}", None)
    if compute is None:
        return getattr(normalizer, f"_add_{step}")
    return lambda _key, source, doc: compute(source, doc, split_lines(source.text))


def _export(rev: str, into: Path) -> Path:
    """The package ``nato_briefs`` as of git revision ``rev``, unpacked under ``into``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "nato_briefs"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _child(code_root: Path, corpus: Path, n: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(code_root), str(ROOT)])}
    out = subprocess.run(
        [sys.executable, "-m", "bench.prose_bench", "--child", "--corpus", str(corpus), "--n", str(n)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=code_root,  # ``-m`` puts the working folder first on sys.path: it must hold the code measured
    ).stdout
    result = json.loads(out.splitlines()[-1])
    if Path(result.pop("package")).parent.resolve() != code_root.resolve():
        raise RuntimeError(f"the child did not import nato_briefs from {code_root}")
    return result


def against(rev: str, corpus: Path, n: int, repeats: int) -> dict[str, dict[str, float]]:
    """Median CPU seconds per 1,000 documents of each step, ``rev`` ("before") vs the working tree ("after")."""
    runs: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory() as tmp:
        before = _export(rev, Path(tmp))
        for _ in range(repeats):
            runs["before"].append(_child(before, corpus, n))
            runs["after"].append(_child(ROOT, corpus, n))
    return {
        version: {key: statistics.median(r[key] for r in results) for key in results[0]}
        for version, results in runs.items()
    }


def print_against(rev: str, corpus: Path, n: int, repeats: int) -> None:
    medians = against(rev, corpus, n, repeats)
    before, after = medians["before"], medians["after"]
    print(f"CPU s per 1,000 documents of {corpus} (first {n}), median of {repeats} alternating runs")
    print(f"before: {rev}; after: the working tree")
    print("| pass | step | before | after | before / after |")
    print("|---|---|---|---|---|")
    for label in ("first", "second"):
        for step in (*STEPS, "both", "add"):
            keys = [f"{label} {s}" for s in STEPS] if step == "both" else [f"{label} {step}"]
            b, a = sum(before[k] for k in keys), sum(after[k] for k in keys)
            print(f"| {label} | {step} | {b:.3f} | {a:.3f} | {b / a:.2f}x |")


# --------------------------------------------------------------------------- differential check

DIFF_BATCH = 500  # documents per normalizer, as a worker's batch; process-wide memos live on across batches


def _diff_sources(roots: list[Path], n: int, limits: Any) -> list[Any]:
    """Readable documents of each root (the first ``n`` of the first root, all of the others)."""
    from nato_briefs.ingest import SourceDocument, discover, read_source

    docs = []
    for i, root in enumerate(roots):
        files, _ = discover(root, limits)
        read = [read_source(f, limits) for f in (files[:n] if i == 0 else files)]
        docs.extend(d for d in read if isinstance(d, SourceDocument))
    return docs


def dump_tables(roots: list[Path], n: int, out: Path, max_file_bytes: int) -> None:
    """``BatchNormalizer`` (``add`` then ``finish``, every dataset) over the documents; an IPC file per dataset."""
    from dataclasses import replace

    import pyarrow as pa

    from nato_briefs.config import IngestLimits
    from nato_briefs.normalize import BatchNormalizer

    sources = _diff_sources(roots, n, replace(IngestLimits(), max_file_bytes=max_file_bytes))
    parts: dict[str, list[pa.Table]] = {}
    skipped = 0
    for at in range(0, len(sources), DIFF_BATCH):
        normalizer = BatchNormalizer()
        for source in sources[at : at + DIFF_BATCH]:
            try:
                doc = parse_document(source.text)
            except Exception:  # a document the parser refuses (limits): refused the same way by both versions
                skipped += 1
                continue
            normalizer.add(source, doc)
        for name, table in normalizer.finish().tables.items():
            parts.setdefault(name, []).append(table)
    out.mkdir(parents=True, exist_ok=True)
    for name, tables in parts.items():
        with pa.OSFile(str(out / f"{name}.arrow"), "wb") as sink, pa.ipc.new_file(sink, tables[0].schema) as writer:
            writer.write_table(pa.concat_tables(tables))
    (out / "count.json").write_text(json.dumps({"documents": len(sources), "skipped": skipped}))


def _dump_child(code_root: Path, roots: list[Path], n: int, out: Path, max_file_bytes: int) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(code_root), str(ROOT)])}
    args = ["--dump", str(out), "--n", str(n), "--max-file-bytes", str(max_file_bytes)]
    subprocess.run(
        [sys.executable, "-m", "bench.prose_bench", *args, *(f"--root={r}" for r in roots)],
        check=True,
        env=env,
        cwd=code_root,
    )


def rows_by_document(rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    """A dataset's rows grouped by document, each row as a sorted, printable key.

    Why per document: a positional comparison reports every row after one added or removed
    row as different; grouping by document names exactly the documents that moved.
    """
    grouped: dict[str, list[str]] = {}
    for row in rows:
        key = str(row.get("source_path") or row.get("doc_id") or "")
        grouped.setdefault(key, []).append(repr(sorted(row.items())))
    return {key: sorted(found) for key, found in grouped.items()}


def document_differences(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> dict[str, dict[str, list[str]]]:
    """Per document whose rows differ (as multisets): the rows only ``before`` has and those only ``after`` has."""
    old, new = rows_by_document(before), rows_by_document(after)
    changed: dict[str, dict[str, list[str]]] = {}
    for key in sorted(set(old) | set(new)):
        gone, came = old.get(key, []), new.get(key, [])
        if gone != came:
            lost, gained = Counter(gone) - Counter(came), Counter(came) - Counter(gone)
            changed[key] = {"-": sorted(lost.elements()), "+": sorted(gained.elements())}
    return changed


def differential(rev: str, roots: list[Path], n: int, max_file_bytes: int) -> dict[str, Any]:
    """Every dataset ``BatchNormalizer`` builds from ``roots``, by ``rev`` and by the working tree, per document."""
    import pyarrow as pa

    report: dict[str, Any] = {"datasets": {}}
    with tempfile.TemporaryDirectory() as tmp:
        before_code = _export(rev, Path(tmp) / "code")
        outs = {"before": Path(tmp) / "before", "after": Path(tmp) / "after"}
        _dump_child(before_code, roots, n, outs["before"], max_file_bytes)
        _dump_child(ROOT, roots, n, outs["after"], max_file_bytes)
        counts = [json.loads((o / "count.json").read_text()) for o in outs.values()]
        report["documents"] = counts[1]
        report["same_documents"] = counts[0] == counts[1]
        for path in sorted(outs["before"].glob("*.arrow")):
            before, after = (pa.ipc.open_file(str(o / path.name)).read_all().to_pylist() for o in outs.values())
            report["datasets"][path.stem] = {"rows": len(after), "changed": document_differences(before, after)}
    return report


def print_differential(rev: str, roots: list[Path], n: int, max_file_bytes: int, show: int) -> int:
    report = differential(rev, roots, n, max_file_bytes)
    docs = report["documents"]
    print(f"before: {rev}; after: the working tree; {docs['documents']:,} documents", end="")
    print(f" ({docs['skipped']} refused by the parser)")
    print("| dataset | rows | documents that differ |")
    print("|---|---|---|")
    total = 0 if report["same_documents"] else 1
    for name, row in report["datasets"].items():
        total += len(row["changed"])
        print(f"| {name} | {row['rows']:,} | {len(row['changed']):,} |")
    for name, row in report["datasets"].items():
        for key, change in list(row["changed"].items())[:show]:
            print(f"\n{name}: {key}")
            print("\n".join([*(f"  - {r}" for r in change["-"]), *(f"  + {r}" for r in change["+"])]))
    print("identical" if total == 0 else f"DIFFERENT: {total} (dataset, document) pairs")
    return 1 if total else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--show-wrong", action="store_true")
    parser.add_argument("--corpus", type=Path, help="time parser vs prose stage on this corpus (bench.corpus output)")
    parser.add_argument("--n", type=int, default=1000, help="documents of --corpus to use")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--against", metavar="REV", help="with --corpus: this git revision vs the working tree")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--diff", metavar="REV", help="every dataset from --corpus (first --n) and each --root, REV vs the working tree"
    )
    parser.add_argument("--root", type=Path, action="append", default=[], help="with --diff: a further raw folder")
    parser.add_argument("--max-file-bytes", type=int, default=20 * 1024 * 1024)
    parser.add_argument("--show", type=int, default=5, help="with --diff: documents shown per dataset")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        dump_tables(args.root, args.n, args.dump, args.max_file_bytes)
        return
    if args.diff:
        roots = [r.resolve() for r in ([args.corpus, *args.root] if args.corpus else args.root)]
        raise SystemExit(print_differential(args.diff, roots, args.n, args.max_file_bytes, args.show))
    if args.child:
        import nato_briefs

        print(json.dumps({**step_seconds(args.corpus, args.n), "package": str(Path(nato_briefs.__file__).parent)}))
        return
    if args.corpus and args.against:
        print_against(args.against, args.corpus, args.n, args.repeats)
        return
    if args.corpus:
        texts = _corpus_docs(args.corpus, args.n)
        print(f"{len(texts)} documents of {args.corpus}, median of {args.repeats}")
        print("| memos | parse docs/s | prose docs/s | both docs/s | prose / parse time |")
        print("|---|---|---|---|---|")
        for cold in (False, True):
            rate = corpus_speed(texts, args.repeats, cold)
            label = "cleared per document" if cold else "one batch"
            print(
                f"| {label} | {rate['parse']:,.1f} | {rate['prose']:,.1f} | {rate['both']:,.1f} "
                f"| {rate['parse'] / rate['prose']:.0%} |"
            )
        return
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
