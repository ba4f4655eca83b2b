"""Mutation fuzzer for ``nato_briefs.read_article``: crashes, and time or memory that outgrow the input.

``python -m bench.fuzz [--seed 14] [--n 3000]`` takes the articles of tests/shapes_corpus,
tests/realworld_corpus, tests/formats_corpus and the seed articles, applies one seeded mutation to each
input (``MUTATIONS``: a line or a markup token repeated, two articles spliced, odd characters of every
kind sprinkled in, tokens without spaces, deep nesting of lists, quotes and HTML, unterminated comments,
CDATA and fences, tables of thousands of columns, pipes everywhere, prose the source writes otherwise,
articles cut short; inputs stop at 24 M characters) and reads each through
``read_article`` in a forked child with a time limit. Per input it records the outcome (``ok``, a reason
code, ``crash`` with the exception, or ``timeout``), the child's CPU seconds, CPU microseconds per input
byte and the peak RSS growth. It prints the crashes and the costliest inputs per byte;
``--out FILE.jsonl`` keeps every row.

``python -m bench.fuzz --scaling [--bases 3]`` builds every mutation at sizes x1, x2, x4 and x8 on a few
base articles and prints the CPU seconds and the ratio to the previous size: linear work doubles (x2);
super-linear work shows as x3 and more (the table of bench/HOSTILE.md).

``python -m bench.fuzz --show ID`` writes input ID (``index`` of a row) to stdout, to make a repro of it.
Everything is deterministic in ``--seed``: an input is rebuilt from (seed, index) alone, for one list of
``MUTATIONS`` (adding one changes which input an index is). Findings and runs: bench/HOSTILE.md, session 14.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_FORK = multiprocessing.get_context("fork")  # children start with the parent's loaded rules (``_warm``)
CORPORA = ("tests/shapes_corpus", "tests/realworld_corpus", "tests/formats_corpus", "raw")
Mutation = Callable[[str, str, random.Random, int], str]  # (article, another article, rng, size) -> text


def load_articles() -> list[str]:
    """The corpus articles as text, in a stable order (the seeds are in raw/)."""
    paths = sorted(p for corpus in CORPORA for p in (ROOT / corpus).rglob("*") if p.suffix in (".md", ".txt"))
    return [p.read_text("utf-8", "surrogateescape") for p in paths]


# ---------------------------------------------------------------------------------------------- mutations
ODD_CHARS = {
    "bidi": "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
    "zero_width": "\u200b\u200c\u200d\u2060\ufeff\u180e",
    "combining": "\u0301\u0300\u0308\u0327\u20dd\u036f",
    "surrogate_escapes": "\udc80\udcff\udcc3\udca9",
    "controls": "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85",
    "line_seps": "\u2028\u2029\x0c\x0b\x85\r",
    "spaces": "\u00a0\u2000\u2009\u202f\u205f\u3000\u1680",
    "private_use": "\ue000\uf8ff\U000f0000\U0010fffd",
    "noncharacters": "\ufffe\uffff\ufdd0\U0001fffe",
    "astral": "\U0001f600\U0001d400\U00020000\U000e0001",
    "replacement": "\ufffd\ufffc",
}
TOKENS = (
    "|", "**", "*", "_", "__", "`", "```", "~~", "[", "]", "](", "![", "<", "<div>", "</div>", "<br>", "&amp;",
    "&#", "#", ">", "- ", "1. ", "(a) ", "• ", "\\", ":", "---", "===", "+--", "{{", "}}", "[[", "$$", "<!--",
    "-->", "::", "[^1]", "http://x.y/", "{#id}", "[b]", "'''", "==",
)  # fmt: skip
UNTERMINATED = (
    "<!--", "<![CDATA[", "```", "~~~", "<script>", "<pre>", "<style>", "<?php", "<!DOCTYPE", "<table>", "<ul><li>",
    "---\n", "+++\n", "$$", ":::note", "{|", "|===", ".. code::", "#+BEGIN_SRC", "[quote]", "<details>",
    "\\begin{itemize}",
)  # fmt: skip


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _pick_line(lines: list[str], rng: random.Random) -> int:
    full = [i for i, line in enumerate(lines) if line.strip()] or [0]
    return rng.choice(full)


def _sprinkle(text: str, chars: list[str], rng: random.Random) -> str:
    """``chars`` inserted at random points of ``text`` (in one pass: list.insert is quadratic)."""
    points = sorted(rng.randrange(len(text) + 1) for _ in chars)
    out, last = [], 0
    for at, char in zip(points, chars, strict=True):
        out += [text[last:at], char]
        last = at
    return "".join(out) + text[last:]


def _fit(count: int, unit: int) -> int:
    """``count`` copies of ``unit`` characters, fewer where they would pass MAX_INPUT_CHARS (at least one)."""
    return max(1, min(count, MAX_INPUT_CHARS // max(unit, 1)))


def repeat_line(text: str, _other: str, rng: random.Random, size: int) -> str:
    """One line of the article repeated ``size`` times in place."""
    lines = _lines(text)
    i = _pick_line(lines, rng)
    return "\n".join(lines[:i] + [lines[i]] * _fit(size, len(lines[i]) + 1) + lines[i + 1 :])


def repeat_line_blank(text: str, _other: str, rng: random.Random, size: int) -> str:
    """One line repeated ``size`` times, each copy its own block."""
    lines = _lines(text)
    i = _pick_line(lines, rng)
    return "\n".join(lines[:i] + [lines[i] + "\n"] * _fit(size, len(lines[i]) + 2) + lines[i + 1 :])


def repeat_token(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A markup token repeated ``size`` times at one point of a line."""
    token = rng.choice(TOKENS)
    at = rng.randrange(len(text) + 1)
    return text[:at] + token * size + text[at:]


def repeat_token_spaced(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A markup token and a word repeated ``size`` times on one line."""
    token = rng.choice(TOKENS)
    at = rng.randrange(len(text) + 1)
    return text[:at] + f"{token}a " * size + text[at:]


def repeat_token_lines(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size`` lines each starting with a markup token, then a word."""
    token = rng.choice(TOKENS)
    return text + "\n" + f"{token}x\n" * size


def splice(text: str, other: str, rng: random.Random, size: int) -> str:
    """Head of one article, tail of another, ``size // 64`` times over (at least once)."""
    parts = []
    for _ in range(_fit(size // 64, len(text) + len(other))):
        a, b = rng.randrange(len(text) + 1), rng.randrange(len(other) + 1)
        parts.append(text[:a] + other[b:])
    return "".join(parts)


def duplicate_article(text: str, _other: str, _rng: random.Random, size: int) -> str:
    """The whole article ``size // 64`` times (at least twice), with no blank line between copies."""
    return "\n".join([text] * max(2, _fit(size // 64, len(text) + 1)))


def odd_chars(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size`` odd characters of one kind sprinkled at random points."""
    chars = ODD_CHARS[rng.choice(sorted(ODD_CHARS))]
    return _sprinkle(text, [rng.choice(chars) for _ in range(size)], rng)


def odd_char_run(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A run of ``size`` odd characters of one kind at one point (a Zalgo mark run, a bidi flood...)."""
    chars = ODD_CHARS[rng.choice(sorted(ODD_CHARS))]
    at = rng.randrange(len(text) + 1)
    return text[:at] + "".join(rng.choice(chars) for _ in range(size)) + text[at:]


def odd_line_ends(text: str, _other: str, rng: random.Random, _size: int) -> str:
    """Every line end replaced by one odd line end (CR only, form feed, U+2028, NEL, CR CR LF...)."""
    return text.replace("\n", rng.choice(["\r", "\r\r\n", "\x0c\n", "\u2028", "\x85", "\x0b", "\n\x00"]))


def long_token(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A token of ``size * 8`` characters without a space (letters, a URL, dots, digits, dashes...)."""
    unit = rng.choice(["a", "ab.", "1.", "-", "a-", "/a", "_a", "a|", "U.S.", "%20", "&amp;", "\u05d0", "\u4e00"])
    token = (unit * (size * 8 // len(unit) + 1))[: size * 8]
    lines = _lines(text)
    i = _pick_line(lines, rng)
    lines[i] = lines[i] + " " + token + " end."
    return "\n".join(lines)


def nested_lists(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A list ladder ``min(size, 1500)`` levels deep (marker and indentation per level chosen at random)."""
    size = min(size, 1_500)  # the indentation grows with the square of the depth
    marker = rng.choice(["- ", "* ", "1. ", "• ", "(a) ", "o\t", "> - ", "- > "])
    step = rng.choice([2, 3, 4])
    ladder = "\n".join(" " * (step * i) + marker + f"level {i}" for i in range(size))
    return text + "\n\n" + ladder + "\n"


def nested_one_line(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size`` nested openers on one line (``>``, ``- ``, ``[``, ``(``, ``*``, ``<div>``...), optionally closed."""
    opener, closer = rng.choice([
        (">", ""), ("> ", ""), ("- ", ""), ("1. ", ""), ("[", "]"), ("(", ")"), ("*", "*"), ("**", "**"),
        ("_", "_"), ("<div>", "</div>"), ("<span>", "</span>"), ("<b>", "</b>"), ("[[", "]]"), ("{", "}"),
        ("![", "](x)"), ("`", "`"), ("<ul><li>", "</li></ul>"), ("<blockquote>", "</blockquote>"),
    ])  # fmt: skip
    closed = rng.random() < 0.5
    line = opener * size + "text" + (closer * size if closed else "")
    at = rng.randrange(len(text) + 1)
    return text[:at] + "\n" + line + "\n" + text[at:]


def nested_html(text: str, _other: str, rng: random.Random, size: int) -> str:
    """HTML nested ``size`` deep, one tag a line, as content systems export it."""
    tag = rng.choice(["div", "ul><li", "table><tr><td", "blockquote", "section", "p", "span", "ol><li", "details"])
    opens = [f"<{tag}>level {i}" for i in range(size)]
    closes = [f"</{t}>" for t in reversed(tag.split("><"))] * size if rng.random() < 0.5 else []
    return text + "\n\n" + "\n".join(opens + closes) + "\n"


def unterminated(text: str, _other: str, rng: random.Random, size: int) -> str:
    """An unterminated comment, CDATA, fence or block at a random line, ``size // 64`` times (at least once)."""
    lines = _lines(text)
    for _ in range(max(1, size // 64)):
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(UNTERMINATED))
    return "\n".join(lines)


def wide_table(text: str, _other: str, rng: random.Random, size: int) -> str:
    """A pipe table of ``size`` columns and a few rows (with or without the delimiter row)."""
    header = "| " + " | ".join(f"H{i}" for i in range(size)) + " |"
    delimiter = "|" + "---|" * size
    rows = ["| " + " | ".join("x" for _ in range(size)) + " |" for _ in range(3)]
    block = [header, delimiter, *rows] if rng.random() < 0.7 else [header, *rows]
    return text + "\n\n" + "\n".join(block) + "\n"


def pipes_everywhere(text: str, _other: str, rng: random.Random, _size: int) -> str:
    """Every space (or every word boundary) of the article turned into a pipe."""
    return text.replace(" ", rng.choice(["|", " | ", "||", " \\| "]))


def join_lines(text: str, _other: str, rng: random.Random, _size: int) -> str:
    """The whole article on one line (its line ends as spaces, tabs or nothing)."""
    return text.replace("\n", rng.choice([" ", "\t", "", "  "]))


def indent_ladder(text: str, _other: str, rng: random.Random, _size: int) -> str:
    """Each line indented one (or two, four) more blanks than the line above, up to 200 steps."""
    step = rng.choice([1, 2, 4])
    return "\n".join(" " * (step * min(i, 200)) + line for i, line in enumerate(_lines(text)))


def quote_everything(text: str, _other: str, rng: random.Random, size: int) -> str:
    """Every line behind ``min(size, 200)`` quote markers."""
    prefix = rng.choice([">", "> ", ">>"]) * min(size, 200)
    return "\n".join(prefix + line for line in _lines(text))


def bytes_noise(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size // 8`` random characters below U+0100 (any control, latin-1) inserted at random points."""
    return _sprinkle(text, [chr(rng.randrange(0x100)) for _ in range(max(1, size // 8))], rng)


def truncate(text: str, _other: str, rng: random.Random, _size: int) -> str:
    """The article cut at a random point (inside a construct, no final line break), or before its last line break."""
    return text[: rng.randrange(len(text) + 1)] if rng.random() < 0.7 else text.rstrip("\n")


def entity_letters(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size // 8`` letters written as numeric entities (``&#65;``): the prose differs from its source."""
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    chosen = sorted(rng.sample(letters, min(len(letters), max(1, size // 8))))
    out, last = [], 0
    for at in chosen:
        out += [text[last:at], f"&#{ord(text[at])};"]
        last = at + 1
    return "".join(out) + text[last:]


def terminators(text: str, _other: str, rng: random.Random, size: int) -> str:
    """``size // 8`` sentence ends (``. ? ! …``, ``..``, ``?!``) sprinkled at random points."""
    return _sprinkle(text, [rng.choice([".", "?", "!", "…", "..", "?!", ". ", "? "]) for _ in range(size // 8)], rng)


def repeat_sentence(text: str, _other: str, rng: random.Random, size: int) -> str:
    """One sentence of the article (or a rare-ended one) repeated ``size // 4`` times, wrapped at 78 columns."""
    sentences = [s for s in text.replace("\n", " ").split(". ") if len(s.split()) > 3] or ["NATO allies agreed"]
    sentence = rng.choice(sentences).strip() + rng.choice([". ", "? ", "! ", "… ", ".", " "])
    body = rng.choice(["", "Why? ", "Wow! "]) + sentence * max(1, size // 4)
    lines = [body[i : i + 78] for i in range(0, len(body), 78)]
    at = rng.randrange(len(text) + 1)
    return text[:at] + "\n\n" + "\n".join(lines) + "\n\n" + text[at:]


MUTATIONS: dict[str, Mutation] = {
    fn.__name__: fn
    for fn in (
        repeat_line, repeat_line_blank, repeat_token, repeat_token_spaced, repeat_token_lines, splice,
        duplicate_article, odd_chars, odd_char_run, odd_line_ends, long_token, nested_lists, nested_one_line,
        nested_html, unterminated, wide_table, pipes_everywhere, join_lines, indent_ladder, quote_everything,
        bytes_noise, entity_letters, terminators, repeat_sentence, truncate,
    )
}  # fmt: skip
# Mutations without a size knob: the scaling check grows their article instead (copies of it, blank line between).
SIZE_FREE = {"odd_line_ends", "pipes_everywhere", "join_lines", "indent_ladder", "quote_everything", "unterminated"}
SIZE_FREE |= {"entity_letters", "terminators", "truncate"}  # their size is bounded by the letters of the article
CHILD_MEMORY_BYTES = 4 * 1024**3  # address space a read may take
MAX_INPUT_CHARS = 24_000_000  # above max_file_bytes (20 MB): larger inputs only test the size check again
SIZES = (64, 256, 1_000, 4_000, 16_000, 50_000)  # the size knob of a mutation, drawn per input


def build(seed: int, index: int, articles: list[str]) -> tuple[str, str, int, str]:
    """Input ``index`` of the run with ``seed``: (mutation, its size, the article's number, the text)."""
    rng = random.Random(f"{seed}:{index}")
    name = rng.choice(sorted(MUTATIONS))
    size = rng.choice(SIZES)
    k = rng.randrange(len(articles))
    text = MUTATIONS[name](articles[k], articles[rng.randrange(len(articles))], rng, size)
    if rng.random() < 0.2:  # a second mutation on top, small
        text = MUTATIONS[rng.choice(sorted(MUTATIONS))](text, articles[k], rng, rng.choice(SIZES[:3]))
    return name, size, k, text[:MAX_INPUT_CHARS]


# -------------------------------------------------------------------------------------------- measurement
def _rss_kb() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


def _child(text: str, conn: Connection) -> None:
    """Read ``text`` as bytes of a file would be (UTF-8, escaped bytes kept) and report through ``conn``."""
    # a runaway read ends as a MemoryError crash here, not in the machine's OOM killer
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES))
    from nato_briefs.api import ArticleError, read_article

    data = text.encode("utf-8", "surrogateescape")
    base = _rss_kb()
    before = resource.getrusage(resource.RUSAGE_SELF)
    try:
        article = read_article(data, "fuzz.md")
        outcome, detail = "ok", {k: v for k, v in article.counts().items() if v}
    except ArticleError as exc:
        outcome, detail = exc.reason_code, exc.reason[:200]
    except BaseException as exc:  # a crash is what we look for
        outcome, detail = "crash", f"{type(exc).__name__}: {str(exc)[:300]}"
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    with open("/proc/self/status") as f:
        peak = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    conn.send({"outcome": outcome, "detail": detail, "cpu": round(cpu, 4), "rss_mb": round((peak - base) / 1024, 1)})
    conn.close()


def measure(text: str, timeout: float) -> dict:
    """Outcome, CPU seconds and peak RSS growth of ``read_article`` on ``text``, in a forked child.

    A forked ``multiprocessing`` child, so it starts with the parent's loaded rules (``_warm``) and ends
    through the library's own exit path.
    """
    receive, send = _FORK.Pipe(duplex=False)
    child = _FORK.Process(target=_child, args=(text, send))
    child.start()
    send.close()
    in_time = receive.poll(timeout)  # a row, or the pipe closed by a child that died
    try:
        row = receive.recv() if in_time else None
    except EOFError:
        row = None
    if not in_time:
        child.kill()  # our own child, over its time
    child.join()
    receive.close()
    if row is not None:
        return row
    if not in_time:
        return {"outcome": "timeout", "detail": f"over {timeout} s", "cpu": timeout, "rss_mb": None}
    return {"outcome": "crash", "detail": f"child died, exit code {child.exitcode}", "cpu": None, "rss_mb": None}


def _warm() -> None:
    """Load the rules, gazetteer and parser in the parent once, so children fork with them loaded."""
    from nato_briefs.api import read_article

    read_article((ROOT / "raw" / "004_664f1cef579698de.txt").read_bytes())


def fuzz(seed: int, n: int, timeout: float, out: Path | None) -> list[dict]:
    articles = load_articles()
    _warm()
    rows = []
    sink = out.open("w") if out else None
    start = time.time()
    for index in range(n):
        name, size, k, text = build(seed, index, articles)
        nbytes = len(text.encode("utf-8", "surrogateescape"))
        row = {"index": index, "mutation": name, "size": size, "article": k, "bytes": nbytes, **measure(text, timeout)}
        row["us_per_byte"] = round(row["cpu"] * 1e6 / max(nbytes, 1), 2) if row["cpu"] is not None else None
        rows.append(row)
        if sink:
            sink.write(json.dumps(row) + "\n")
            sink.flush()
        if row["outcome"] in ("crash", "timeout"):
            print(f"!! {index} {name} size={size} bytes={nbytes}: {row['outcome']} {row['detail']}", flush=True)
        if (index + 1) % 100 == 0:
            print(f"{index + 1}/{n} inputs, {time.time() - start:.0f} s", file=sys.stderr, flush=True)
    if sink:
        sink.close()
    return rows


def summarize(rows: list[dict], top: int = 15) -> None:
    outcomes: dict[str, int] = {}
    for row in rows:
        outcomes[row["outcome"]] = outcomes.get(row["outcome"], 0) + 1
    total = sum(row["bytes"] for row in rows)
    print(f"{len(rows)} inputs, {total / 1e6:.1f} MB; outcomes: {json.dumps(outcomes, sort_keys=True)}")
    measured = [r for r in rows if r["cpu"] is not None and r["bytes"] >= 20_000]
    print(f"costliest per byte (inputs of 20 kB and more), of {len(measured)}:")
    print("| index | mutation | size | bytes | CPU s | us/byte | RSS MB | outcome |")
    print("|---:|---|---:|---:|---:|---:|---:|---|")
    for r in sorted(measured, key=lambda r: -r["us_per_byte"])[:top]:
        print(f"| {r['index']} | {r['mutation']} | {r['size']} | {r['bytes']:,} | {r['cpu']} | {r['us_per_byte']} "
              f"| {r['rss_mb']} | {r['outcome']} |")  # fmt: skip
    heavy = sorted((r for r in rows if r["rss_mb"] is not None), key=lambda r: -r["rss_mb"])[:5]
    print("largest RSS growth: " + ", ".join(f"{r['index']} {r['mutation']} {r['rss_mb']} MB" for r in heavy))


# ---------------------------------------------------------------------------------------------- scaling
def scaling(seed: int, bases: int, base_size: int, timeout: float, names: list[str]) -> None:
    """Each mutation at x1, x2, x4, x8 of ``base_size`` on ``bases`` articles: CPU seconds and ratios."""
    articles = load_articles()
    _warm()
    picks = random.Random(seed).sample(range(len(articles)), bases)
    print("| mutation | article | x1 CPU s (bytes) | x2 (ratio) | x4 (ratio) | x8 (ratio) | x8 us/byte | outcome x8 |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name in names or sorted(MUTATIONS):
        for k in picks:
            cells, previous, row = [], None, {}
            for factor in (1, 2, 4, 8):
                rng = random.Random(f"{seed}:{name}:{k}")  # the same choices at every size
                base = "\n\n".join([articles[k]] * factor * 4) if name in SIZE_FREE else articles[k]
                text = MUTATIONS[name](base, articles[(k + 1) % len(articles)], rng, base_size * factor)
                row = measure(text, timeout)
                nbytes = len(text.encode("utf-8", "surrogateescape"))
                cpu = row["cpu"]
                ratio = f" (x{cpu / previous:.1f})" if previous and cpu and row["outcome"] == "ok" else ""
                cells.append(f"{cpu:.3f}{ratio}" if factor > 1 else f"{cpu:.3f} ({nbytes:,})")
                previous = cpu if row["outcome"] == "ok" else None
                row["bytes"] = nbytes
            per_byte = row["cpu"] * 1e6 / row["bytes"] if row["cpu"] else 0
            print(f"| {name} | {k} | {' | '.join(cells)} | {per_byte:.1f} | {row['outcome']} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--n", type=int, default=3_000, help="inputs to fuzz")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds one input may take")
    parser.add_argument("--out", type=Path, help="write every row as JSON lines here")
    parser.add_argument("--scaling", action="store_true", help="the x1..x8 size check instead of the fuzz")
    parser.add_argument("--bases", type=int, default=3, help="articles per mutation in --scaling")
    parser.add_argument("--base-size", type=int, default=2_000, help="a mutation's size knob at x1 in --scaling")
    parser.add_argument("--show", type=int, help="write input INDEX to stdout and stop")
    parser.add_argument("mutations", nargs="*", help="--scaling: only these mutations")
    args = parser.parse_args(argv)
    if args.show is not None:
        sys.stdout.write(build(args.seed, args.show, load_articles())[3])
        return 0
    if args.scaling:
        scaling(args.seed, args.bases, args.base_size, args.timeout, args.mutations)
        return 0
    summarize(fuzz(args.seed, args.n, args.timeout, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
