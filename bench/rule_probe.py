"""Adversarial sentences for every regex the prose stage searches sentences with: does any grow super-linearly?

``python -m bench.rule_probe`` builds, for each pattern of statement_rules.yaml (every rule, as written and as
the lowercase/ASCII twin ``classify`` searches ASCII text with, ``finditer`` as the clause and actor checks do),
the authors-voice patterns, the themes' patterns and the gazetteer's scan, sentences made of the pattern's own
literal pieces (read off its parsed form): each piece repeated, all pieces cycled with spaces or with commas,
the pieces of one path through the pattern without its last (a match that fails late), and long runs of one
word class. Each sentence at n and 4n code points (4n = ``statements.MAX_CHARS``: ``classify`` cuts a sentence
there, so a longer one is never searched by a statement rule), timed by thread CPU, best of 3. A pattern whose
time grows more than x6 per x4, or over ``--slow`` ms at 4n, is listed. ``--paragraph`` also reads a 1 MB
paragraph made of every rule's pieces through ``read_article`` (the whole stage: split, classify, locate,
themes, mentions). Figures are for bench/HOSTILE.md; tests count work instead (tests/test_statements.py).
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections.abc import Iterator
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

from nato_briefs.statements import MAX_CHARS, load_statement_rules

MAX_PIECES = 40  # per pattern: a word class or the actor trie has hundreds; an even sample is kept
_CATEGORY_CHAR = {
    C.CATEGORY_WORD: "a",
    C.CATEGORY_NOT_WORD: ",",
    C.CATEGORY_SPACE: " ",
    C.CATEGORY_NOT_SPACE: "x",
    C.CATEGORY_DIGIT: "1",
    C.CATEGORY_NOT_DIGIT: "a",
}


def _class_char(items: list) -> str:
    """A character an ``IN`` class accepts (a negated class: a letter it is unlikely to exclude)."""
    if items and items[0][0] is C.NEGATE:
        return "a" if not any(op is C.LITERAL and arg == ord("a") for op, arg in items) else "b"
    for op, arg in items:
        if op is C.LITERAL:
            return chr(arg)
        if op is C.RANGE:
            return chr(arg[0])
        if op is C.CATEGORY:
            return _CATEGORY_CHAR.get(arg, "a")
    return "a"


class _Pieces:
    """The literal runs of a parsed pattern (``pieces``) and one path through it (``path``: first branches)."""

    def __init__(self, source: str, flags: int) -> None:
        self.pieces: list[str] = []
        self.path: list[str] = []
        self._run: list[str] = []
        self._walk(P.parse(source, flags), on_path=True)
        self._cut(True)

    def _cut(self, on_path: bool) -> None:
        run = "".join(self._run)
        self._run = []
        if run.strip():
            self.pieces.append(run)
            if on_path:
                self.path.append(run)

    def _walk(self, tree, on_path: bool) -> None:
        for op, arg in tree:
            if op is C.LITERAL:
                self._run.append(chr(arg))
            elif op is C.NOT_LITERAL:
                self._run.append("a" if arg != ord("a") else "b")
            elif op is C.IN:
                self._run.append(_class_char(arg))
            elif op is C.ANY:
                self._run.append("x")
            elif op is C.SUBPATTERN:
                self._walk(arg[-1], on_path)
            elif op is C.BRANCH:
                self._cut(on_path)
                for i, alternative in enumerate(arg[1]):
                    self._walk(alternative, on_path and i == 0)
                    self._cut(on_path and i == 0)
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                self._cut(on_path)
                self._walk(arg[2], on_path and arg[0] > 0)
                self._cut(on_path and arg[0] > 0)
            elif op is C.ATOMIC_GROUP:
                self._walk(arg, on_path)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                self._cut(on_path)
            # AT (anchors), GROUPREF and the rest add no character


def pieces(pattern: re.Pattern[str]) -> tuple[list[str], list[str]]:
    """(sampled distinct literal pieces, the first-branch path's pieces) of ``pattern``."""
    found = _Pieces(pattern.pattern, pattern.flags & ~re.UNICODE)
    distinct = list(dict.fromkeys(p.strip() or p for p in found.pieces))
    if len(distinct) > MAX_PIECES:
        step = len(distinct) / MAX_PIECES
        distinct = [distinct[int(i * step)] for i in range(MAX_PIECES)]
    return distinct, found.path


def _fill(unit: str, size: int) -> str:
    return (unit * (size // max(1, len(unit)) + 1))[:size]


def shapes(pattern: re.Pattern[str], size: int) -> Iterator[tuple[str, str]]:
    """(shape name, sentence of ``size`` code points) for ``pattern``."""
    distinct, path = pieces(pattern)
    if distinct:
        yield "cycle", _fill(" ".join(distinct) + " ", size)
        yield "commas", _fill(", ".join(distinct) + ", ", size)
        yield "nospace", _fill("".join(distinct), size)
    if len(path) > 1:
        yield "path_but_last", _fill(" ".join(path[:-1]) + " ", size)
        yield "path_but_last_tight", _fill("".join(path[:-1]), size)
    for i, piece in enumerate(distinct[:8]):
        yield f"piece{i}", _fill(piece.strip() + " ", size)
        yield f"piece{i}_glued", _fill(piece.strip(), size)
    for name, unit in (
        ("words", "word "),
        ("letters", "a"),
        ("spaces", " "),
        ("commas_only", ", "),
        ("digits", "1 "),
        ("the", "the "),
        ("hyphens", "a-"),
        ("stops", "a. "),
    ):
        yield name, _fill(unit, size)


def cpu(fn, *args) -> float:
    """Seconds of thread CPU per call, best of 3 (calls repeated to at least 1 ms a measure)."""
    loops = 1
    while True:
        best = float("inf")
        for _ in range(3):
            start = time.thread_time()
            for _ in range(loops):
                fn(*args)
            best = min(best, time.thread_time() - start)
        if best >= 0.001 or loops >= 4096:
            return best / loops
        loops *= 4


def _scan(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def sentence_patterns(include_others: bool) -> list[tuple[str, re.Pattern[str], bool]]:
    """(name, pattern, reads lowercased text) of every regex the prose stage searches sentences with."""
    rules = load_statement_rules()
    found: list[tuple[str, re.Pattern[str], bool]] = []
    for position, (kind, rule) in enumerate(rules.ordered):
        name = f"{position:03d} {kind or 'not'}: {rule.cue[:60].rstrip()}"
        found.append((name, rule.pattern, False))
        found.append((name + " [fast]", rule.twins.fast, rule.twins.reads_lowered))
    found.append(("actor", rules.actor, False))
    found.append(("actor [fast]", rules.actor_twins.fast, rules.actor_twins.reads_lowered))
    found.append(("clause_break", rules.clause_break, False))
    voice = rules.voice
    for key in ("heading", "line", "actor_byline", "recommendation", "reported", "worry"):
        found.append((f"voice.{key}", getattr(voice, key), False))
    if include_others:
        from nato_briefs.countries.loading import load_gazetteer
        from nato_briefs.themes import load_taxonomy

        for theme in load_taxonomy().themes:
            found.append((f"theme {theme.id}", theme.pattern, False))
        gazetteer = load_gazetteer()
        found.append(("gazetteer.pattern", gazetteer.pattern, False))
    return found


def probe(size: int, slow_ms: float, include_others: bool, only: str | None, part: tuple[int, int]) -> list[dict]:
    """Every pattern on every shape at ``size`` and 4 x ``size``: the rows over x6 or ``slow_ms``.
    ``part``: (i, k), the i-th of k interleaved shares of the patterns (k processes on k cores)."""
    flagged = []
    patterns = sentence_patterns(include_others)[part[0] :: part[1]]
    for name, pattern, lowered in patterns:
        if only and only not in name:
            continue
        worst = None
        for (shape, small), (_, large) in zip(shapes(pattern, size), shapes(pattern, 4 * size), strict=True):
            if lowered:
                small, large = small.lower(), large.lower()
            t1, t4 = cpu(_scan, pattern, small), cpu(_scan, pattern, large)
            ratio = t4 / t1 if t1 > 0 else 0.0
            row = {"pattern": name, "shape": shape, "n_ms": t1 * 1e3, "4n_ms": t4 * 1e3, "ratio": ratio}
            if worst is None or t4 > worst["4n_ms"] / 1e3:
                worst = row
            if (ratio > 6 and t4 > 50e-6) or t4 * 1e3 > slow_ms:
                flagged.append(row)
                print(f"FLAG {name} | {shape} | {t1 * 1e3:.3f} ms -> {t4 * 1e3:.3f} ms (x{ratio:.1f})", flush=True)
        if worst:
            print(f"ok   {name} | worst {worst['shape']} {worst['4n_ms']:.3f} ms (x{worst['ratio']:.1f})", flush=True)
    return flagged


def ladder(pattern: re.Pattern[str], lowered: bool, shape: str, size: int, steps: int = 5) -> list[float]:
    """Seconds per search of ``shape`` at size, 2 x size, ... (``steps`` sizes, past ``MAX_CHARS`` too: the growth
    is what is asked): a flag at two sizes on a loaded machine is confirmed or dismissed by the whole curve."""
    out = []
    for k in range(steps):
        text = dict(shapes(pattern, size << k))[shape]
        out.append(cpu(_scan, pattern, text.lower() if lowered else text))
    return out


def confirm(flag_lines: list[str]) -> None:
    """Each ``FLAG name | shape | ...`` line of a probe's output measured again on a ladder of sizes: per-doubling
    ratios; a super-linear pattern keeps them over ~x2.4 (x6 per x4) throughout, noise does not."""
    by_name = {name: (pattern, lowered) for name, pattern, lowered in sentence_patterns(True)}
    for line in dict.fromkeys(flag_lines):
        name, shape = (part.strip() for part in line.removeprefix("FLAG ").split("|")[:2])
        pattern, lowered = by_name[name]
        times = ladder(pattern, lowered, shape, MAX_CHARS // 8)
        ratios = [b / a for a, b in itertools.pairwise(times) if a > 0]
        verdict = "SUPER-LINEAR" if min(ratios) > 2.4 else "linear"
        shown = " ".join(f"{t * 1e3:.3f}" for t in times)
        print(f"{verdict} {name} | {shape} | ms {shown} | x{' x'.join(f'{r:.2f}' for r in ratios)}", flush=True)


def paragraph(size: int = 1_000_000, stops: bool = True) -> str:
    """A paragraph of every statement rule's pieces, wrapped at 78 columns; ``stops``: a full stop every
    ~``MAX_CHARS`` code points (sentences as long as ``classify`` reads), else none."""
    units = []
    for _, pattern, _ in sentence_patterns(False):
        units += pieces(pattern)[0]
    text = " ".join(u.strip() for u in units if u.strip())
    if stops:
        text = " ".join(text[i : i + MAX_CHARS - 10].strip() + "." for i in range(0, len(text), MAX_CHARS - 10))
    text = _fill(text + " ", size)
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 78:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines) + "\n"


def read_paragraph(size: int, stops: bool) -> None:
    import resource

    from nato_briefs.api import ArticleError, read_article
    from nato_briefs.countries.loading import load_gazetteer
    from nato_briefs.themes import load_taxonomy

    load_statement_rules()
    load_taxonomy()
    load_gazetteer()
    text = "# Probe\n\n" + paragraph(size, stops)
    start = time.process_time()
    try:
        article = read_article(text.encode("utf-8"))
        outcome = f"ok: {len(article.rows('statements'))} statements, {len(article.rows('mentions'))} mentions"
    except ArticleError as error:
        outcome = error.reason_code
    seconds = time.process_time() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"paragraph {len(text):,} chars, stops={stops}: {seconds:.2f} CPU s, peak RSS {rss:.0f} MB, {outcome}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=MAX_CHARS // 4, help="n; 4n is searched too")
    parser.add_argument("--slow", type=float, default=2.0, help="ms at 4n over which a row is listed")
    parser.add_argument("--others", action="store_true", help="the themes' and the gazetteer's patterns too")
    parser.add_argument("--only", help="patterns whose name holds this")
    parser.add_argument("--part", default="0/1", help="i/k: the i-th of k interleaved shares of the patterns")
    parser.add_argument("--paragraph", type=int, default=0, help="also read a paragraph of this many bytes")
    parser.add_argument("--no-stops", action="store_true", help="the paragraph without full stops")
    parser.add_argument("--confirm", help="a probe's output: measure its FLAG rows again on a ladder of sizes")
    args = parser.parse_args(argv)
    if args.confirm:
        with open(args.confirm, encoding="utf-8") as flags:
            confirm([line.strip() for line in flags if line.startswith("FLAG ")])
        return 0
    i, k = (int(x) for x in args.part.split("/"))
    flagged = probe(args.size, args.slow, args.others, args.only, (i, k))
    print(f"{len(flagged)} rows flagged")
    if args.paragraph:
        read_paragraph(args.paragraph, not args.no_stops)
    return 0


if __name__ == "__main__":
    sys.exit(main())
