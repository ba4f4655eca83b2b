"""How many steps a backtracking regex engine takes: work done inside ``re``, which neither line counts nor
``CountedText`` see.

``re`` exposes no step count, and a statement rule's cost is all inside one ``search``. ``steps`` runs the
pattern's parsed form (``re._parser``) through a small backtracking matcher with ``re``'s order of trial
(greedy repeats try one more first, lazy ones one fewer, possessive repeats and atomic groups never give
back, branches left to right) and counts the nodes it visits over a ``finditer`` of the text. It skips
``re``'s shortcuts (literal prefixes, charset scans), which save a constant factor, never a power: a
pattern whose steps grow x16 per x4 of text backtracks quadratically in ``re`` too. Enough of the syntax
for the statement rules; anything else raises ``NotImplementedError`` rather than counting wrong.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

Cont = Callable[[int], bool]


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


class _Counter:
    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.flags = pattern.flags
        self.fold = bool(pattern.flags & re.IGNORECASE)
        self.text = text.lower() if self.fold else text
        self.tree = P.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
        self.steps = 0

    def _char_in(self, items, char: str) -> bool:
        negate = bool(items) and items[0][0] is C.NEGATE
        found = False
        for op, arg in items[1:] if negate else items:
            if op is C.LITERAL:
                found = char == (chr(arg).lower() if self.fold else chr(arg))
            elif op is C.RANGE:
                found = arg[0] <= ord(char) <= arg[1] or (self.fold and arg[0] <= ord(char.upper()) <= arg[1])
            elif op is C.CATEGORY:
                found = _CATEGORY[arg](char)
            else:
                raise NotImplementedError(op)
            if found:
                break
        return found != negate

    def _at(self, code, pos: int) -> bool:
        text, n = self.text, len(self.text)
        multiline = self.flags & re.MULTILINE
        if code is C.AT_BEGINNING:
            return pos == 0 or bool(multiline and text[pos - 1] == "\n")
        if code is C.AT_BEGINNING_STRING:
            return pos == 0
        if code is C.AT_END:
            return pos == n or (pos == n - 1 and text[pos] == "\n") or bool(multiline and text[pos] == "\n")
        if code is C.AT_END_STRING:
            return pos == n
        if code in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY):
            before = pos > 0 and _is_word(text[pos - 1])
            after = pos < n and _is_word(text[pos])
            return (before != after) == (code is C.AT_BOUNDARY)
        raise NotImplementedError(code)

    def seq(self, items, idx: int, pos: int, k: Cont) -> bool:
        if idx == len(items):
            return k(pos)
        op, arg = items[idx]
        return self.node(op, arg, pos, lambda p: self.seq(items, idx + 1, p, k))

    def node(self, op, arg, pos: int, k: Cont) -> bool:
        self.steps += 1
        text = self.text
        if op in (C.LITERAL, C.NOT_LITERAL):
            char = chr(arg).lower() if self.fold else chr(arg)
            return pos < len(text) and (text[pos] == char) == (op is C.LITERAL) and k(pos + 1)
        if op is C.IN:
            return pos < len(text) and self._char_in(arg, text[pos]) and k(pos + 1)
        if op is C.ANY:
            return pos < len(text) and text[pos] != "\n" and k(pos + 1)
        if op is C.AT:
            return self._at(arg, pos) and k(pos)
        if op is C.SUBPATTERN:
            if arg[1] or arg[2]:
                raise NotImplementedError("scoped flags")
            return self.seq(arg[3], 0, pos, k)
        if op is C.BRANCH:
            return any(self.seq(alternative, 0, pos, k) for alternative in arg[1])
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            return self._repeat(op, arg, 0, pos, k)
        if op is C.POSSESSIVE_REPEAT:
            return self._possessive(arg, pos, k)
        if op is C.ATOMIC_GROUP:
            end = self._first_end(arg, pos)
            return end is not None and k(end)
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = arg
            if direction == 1:
                ok = self.seq(sub, 0, pos, lambda _p: True)
            else:
                start = pos - sub.getwidth()[0]
                ok = start >= 0 and self.seq(sub, 0, start, lambda p: p == pos)
            return ok == (op is C.ASSERT) and k(pos)
        raise NotImplementedError(op)

    def _repeat(self, op, arg, count: int, pos: int, k: Cont) -> bool:
        low, high, item = arg

        def more() -> bool:
            return count < high and self.seq(
                item, 0, pos, lambda p: (p != pos or count < low) and self._repeat(op, arg, count + 1, p, k)
            )

        if op is C.MAX_REPEAT:
            return more() or (count >= low and k(pos))
        return (count >= low and k(pos)) or more()

    def _first_end(self, items, pos: int) -> int | None:
        found: list[int] = []
        self.seq(items, 0, pos, lambda p: found.append(p) or True)
        return found[0] if found else None

    def _possessive(self, arg, pos: int, k: Cont) -> bool:
        low, high, item = arg
        count = 0
        while count < high:
            end = self._first_end(item, pos)
            if end is None or end == pos:
                break
            pos, count = end, count + 1
        return count >= low and k(pos)

    def finditer_steps(self) -> int:
        pos, n = 0, len(self.text)
        while pos <= n:
            end = self._first_end(self.tree, pos)
            pos = pos + 1 if end is None or end == pos else end
        return self.steps


_CATEGORY = {
    C.CATEGORY_WORD: _is_word,
    C.CATEGORY_NOT_WORD: lambda c: not _is_word(c),
    C.CATEGORY_SPACE: str.isspace,
    C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    C.CATEGORY_DIGIT: str.isdigit,
    C.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
}


def steps(pattern: re.Pattern[str], text: str) -> int:
    """Nodes a backtracking matcher visits finding every match of ``pattern`` in ``text``, as ``finditer`` does."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 50_000))
    try:
        return _Counter(pattern, text).finditer_steps()
    finally:
        sys.setrecursionlimit(limit)


def matches(pattern: re.Pattern[str], text: str) -> bool:
    """Does the counting matcher find a match? (Its agreement with ``re`` is what makes its counts ``re``'s.)"""
    counter = _Counter(pattern, text)
    return any(counter._first_end(counter.tree, pos) is not None for pos in range(len(counter.text) + 1))
