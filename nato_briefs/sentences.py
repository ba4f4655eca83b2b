"""Split prose into sentences the way a careful reader does, in linear time.

Chosen by measurement over pysbd, syntok and nupunkt (figures in docs/SENTENCES.md):
on the traps our articles contain (``U.S.``, ``Gen.``, ``e.g.``, initials,
``$1.2 billion``, ``?`` inside a quote, ``environment.The NATO``) these rules are
the most accurate and by far the fastest, and they need no model.

How a boundary is decided (abbreviation lists live in ``statement_rules.yaml``):

* a candidate is a run of ``.``, ``?``, ``!`` or ``…`` plus any closing quotes
  or brackets after it (a closing quote belongs to the sentence it closes);
* it ends a sentence when the text ends, a blank line follows, or the next word
  (after white space and opening quotes) starts with a capital or a digit;
* a lowercase next word never starts a sentence (``"Why?" asked the minister``);
* a full stop after a ``never_final`` abbreviation never ends one; after a
  ``before_number`` one (``No.``, also the word *no*) only when no digit follows
  (``No. 5`` stays, ``Frankly, no. We are short`` splits); after a
  ``may_end`` abbreviation or an initial only when a typical sentence starter
  follows (``in Washington, D.C. The talks`` splits, ``U.S. officials`` does not);
* with no space after it, a full stop ends a sentence only between a word of two
  or more letters and a capitalised word (``environment.The``), or after a
  ``may_end`` abbreviation followed by a starter (``U.S.The``); never after a
  ``never_final`` one (``e.g.The``), between digits (``2.5``) or in ``nato.int``.

Linear time: each candidate looks back at most ``MAX_TOKEN`` characters and ahead
over white space that no later candidate re-reads, so hostile input (1 MB with no
full stop, 100k abbreviations in a row) costs O(n); ``SplitStats`` counts the work.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from nato_briefs.config import PACKAGE_DIR

RULES_FILE = PACKAGE_DIR / "statement_rules.yaml"
# libyaml's safe loader when installed (the rules file is long; the pure-Python one takes ~1 s).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_TOKEN = 40  # longest abbreviation or word looked back at, in code points
MAX_LOOKAHEAD = 64  # opening quotes/brackets skipped before the next word

_CLOSERS = "\"'”’)]}»"
_OPENERS = "\"'“‘([{«"
_CANDIDATE = re.compile(r"(?:[.!?…]+)[\"'”’)\]}»]*")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# The word after a terminator: white space (\s is str.isspace), at
# most MAX_LOOKAHEAD opening quotes, then at most MAX_TOKEN letters or digits ([^\W_] is
# str.isalnum). One C call instead of a Python loop per character.
_NEXT_WORD = re.compile(rf"\s*[{re.escape(_OPENERS)}]{{0,{MAX_LOOKAHEAD}}}([^\W_]{{0,{MAX_TOKEN}}})")
# A candidate (group 1: its marks, group 2: the closers after them) and, looked ahead at
# without consuming it, the white space after it (group 3) and the word after it as
# _NEXT_WORD reads it (group 4).
_CANDIDATE_AHEAD = re.compile(
    rf"([.!?…]+)([\"'”’)\]}}»]*)(?=(\s*)[{re.escape(_OPENERS)}]{{0,{MAX_LOOKAHEAD}}}([^\W_]{{0,{MAX_TOKEN}}}))"
)
_TERMINATORS = ".!?…"
_TOKEN_LEAD = _OPENERS + "-–—/"  # stripped from the front of the token before a full stop


@dataclass(frozen=True)
class SentenceRules:
    never_final: frozenset[str]
    before_number: frozenset[str]  # "No. 5" is one sentence, "Frankly, no. We are short" two
    may_end: frozenset[str]
    starters: frozenset[str]


@dataclass
class SplitStats:
    """Work done by one split: candidates examined and characters looked at around them."""

    candidates: int = 0
    inspected: int = 0


@lru_cache(maxsize=4)
def load_sentence_rules(path: str | Path = RULES_FILE) -> SentenceRules:
    """Cached: the rules file is read once per process."""
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=YAML_LOADER)
    abbreviations = data["abbreviations"]
    return SentenceRules(
        never_final=frozenset(a.lower() for a in abbreviations["never_final"]),
        before_number=frozenset(a.lower() for a in abbreviations.get("before_number", [])),
        may_end=frozenset(a.lower() for a in abbreviations["may_end"]),
        starters=frozenset(w.lower() for w in data["sentence_starters"]),
    )


def split_sentences(
    text: str, rules: SentenceRules | None = None, stats: SplitStats | None = None
) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in code points, stripped of white space, in order.

    The decision of the reference helpers (tests/test_sentences.py) written out in one loop: ``str.find`` jumps to each
    candidate; the commonest (a lone full stop, a space, an ASCII capital) is settled
    from the token before it alone, the others by one regex match that reads the
    terminator run, the white space and the word after it. The prose stage splits every
    paragraph of every document, so function calls per candidate were most of its cost;
    the helpers stay as the readable statement of each step (tests hold the two equal).
    """
    rules = rules or load_sentence_rules()
    never_final, may_end, starters = rules.never_final, rules.may_end, rules.starters
    before_number = rules.before_number
    n = len(text)
    cuts: list[int] = []  # candidate ends that end a sentence, increasing
    skips: list[int] = []  # the white space after each (where the next sentence starts)
    n_candidates = inspected = 0
    ahead = {c: at for c in _TERMINATORS if (at := text.find(c)) != -1}
    at = _next_terminator(text, ahead, 0)
    while at != -1:
        n_candidates += 1
        end = at + 1
        if text[at] == "." and text[end : end + 1] == " " and "A" <= text[end + 1 : end + 2] <= "Z":
            # The common case, without the regex: a lone full stop, a space, an ASCII capital.
            token, seen = _token_at(text, at)
            inspected += seen
            key = token.lower() + "."
            if stats is not None:
                inspected += _NEXT_WORD.match(text, end).end() - end
            if key in never_final or (token.isdigit() and numbers_sentence(text, at - seen, token, cuts)):
                pass
            elif key in may_end or (len(token) == 1 and token.isupper()):
                if _NEXT_WORD.match(text, end).group(1).lower() in starters:
                    cuts.append(end)
                    skips.append(1)
            else:
                cuts.append(end)
                skips.append(1)
            at = _next_terminator(text, ahead, end)
            continue
        match = _CANDIDATE_AHEAD.match(text, at)
        end = match.end()
        at = _next_terminator(text, ahead, end)
        if end >= n:
            cuts.append(end)
            skips.append(0)
            continue
        word = match.group(4)
        inspected += match.end(4) - end
        spaced = text[end].isspace()
        first = word[:1]
        if not word or not (first.isupper() or first.isdigit()):
            ends = spaced and not first.islower()  # no word, or one that is neither capitalised nor a digit
        else:
            marks = match.group(1)
            if marks != ".":
                ends = first.isupper() if marks.endswith("..") else spaced or first.isupper()  # "..", ?, !, …
            else:
                token, seen = _token_at(text, match.start())
                inspected += seen
                key = token.lower() + "."
                numbering = token.isdigit() and numbers_sentence(text, match.start() - seen, token, cuts)
                if key in never_final or numbering or (key in before_number and first.isdigit()):
                    ends = False
                elif key in may_end or (len(token) == 1 and token.isupper()):
                    ends = word.lower() in starters
                else:
                    ends = spaced or _glued_boundary(token, word)
        if ends:
            cuts.append(end)
            skips.append(match.end(3) - end)
    if stats is not None:
        stats.candidates += n_candidates
        stats.inspected += inspected
    if "\n" in text and _BLANK_LINE.search(text):
        hard = [m.start() for m in _BLANK_LINE.finditer(text)]
        return _spans(text, sorted([0, *hard, *cuts, n]))
    return _spans_between(text, cuts, skips)


def _token_at(text: str, stop: int) -> tuple[str, int]:
    """The token before a full stop, without stats: (the token before a full stop at ``stop``, characters inspected)."""
    window = text[stop - MAX_TOKEN if stop > MAX_TOKEN else 0 : stop]
    if not window or window[-1].isspace():
        return "", 0
    token = window.rsplit(None, 1)[-1]  # splits at str.isspace characters, as a backward scan would stop
    return token.lstrip(_TOKEN_LEAD), len(token)


def _spans_between(text: str, cuts: list[int], skips: list[int]) -> list[tuple[int, int]]:
    """``_spans`` when every cut is a candidate end: each is preceded by its terminator, followed by ``skip`` spaces."""
    spans = []
    start = len(text) - len(text.lstrip())
    for end, skip in zip(cuts, skips, strict=True):
        spans.append((start, end))  # non-empty: the terminator is at or after start
        start = end + skip
    stop = len(text.rstrip())
    if stop > start:
        spans.append((start, stop))
    return spans


def _next_terminator(text: str, ahead: dict[str, int], pos: int) -> int:
    """Where the next candidate starts at or after ``pos`` (-1: none): the nearest of the marks, found by ``str.find``.

    ``_CANDIDATE_AHEAD.finditer`` would find the same candidates, but the regex engine tests
    a character class at every position; ``str.find`` jumps to the next terminator in C.
    ``ahead`` holds each mark's next position found so far (-1: none left) and is updated: a mark
    is sought again only once ``pos`` has passed it, so each mark's searches read the text once.
    Sought afresh from every candidate, a ``?`` near the start of 400,000 full stops was sought to the
    end of the text 400,000 times (3.6 MB: 13 s, growing with the square of the size).
    """
    nearest = -1
    for mark, at in ahead.items():
        if 0 <= at < pos:
            at = ahead[mark] = text.find(mark, pos)
        if at != -1 and (nearest == -1 or at < nearest):
            nearest = at
    return nearest


def _spans(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    spans = []
    for start, end in itertools.pairwise(cuts):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def numbers_sentence(text: str, token_start: int, token: str, cuts: list[int]) -> bool:
    """Is ``token`` (digits before a full stop) its sentence's numbering, as in "4. Shipbuilding is a bottleneck."?

    One or two digits with nothing but white space between them and the end of the sentence
    before (``cuts``: the ends found so far) number the sentence: a numbered bold lead,
    ``**4. Shipbuilding ...**``, reads so once markup is gone. After a word ("... rose by 4.",
    "25 vs. 7.") the full stop still ends the sentence. The look-back crosses white space only.
    """
    if len(token) > 2:
        return False
    at = token_start - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return at < (cuts[-1] if cuts else 0)


def _full_stop_ends(token: str, word: str, spaced: bool, rules: SentenceRules) -> bool:
    """A single full stop after ``token``, followed by ``word`` (capitalised or a digit)."""
    key = token.lower() + "."
    if key in rules.never_final or (key in rules.before_number and word[0].isdigit()):
        return False
    starter = word.lower() in rules.starters
    if key in rules.may_end or (len(token) == 1 and token.isupper()):
        return starter
    if not spaced:
        return _glued_boundary(token, word)
    return True


def _glued_boundary(token: str, word: str) -> bool:
    """``environment.The`` ends a sentence; ``U.S.Army``, ``e.g.The``, ``1.5`` and ``nato.int`` don't."""
    if word[0].isdigit() or len(word) < 2 or not any(c.islower() for c in word):
        return False
    last = token.rsplit(".", 1)[-1]
    return len(last) >= 2 and (last[-1].isalpha() or last[-1] in "%)")
