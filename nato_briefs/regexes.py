"""Building blocks shared by the rule engines (statements, themes, countries).

Each engine turns an analyst's word list into one regex: a character trie, so
that shared prefixes are tried once and a search costs a few steps per position,
not one per word. Each engine renders the trie its own way (what a space or a
letter may match); building it, and the bit masks of rule sets, live here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

Trie = dict[str, "Trie"]  # "" marks the end of a key


def char_trie(keys: Iterable[str]) -> Trie:
    """The keys as nested dicts, one level per character; a key ends where a node holds ``""``."""
    trie: Trie = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def bit_mask(positions: Iterable[int]) -> int:
    """A set of small ints as one int (bit i set): unions and tests of rule sets become int operations."""
    mask = 0
    for position in positions:
        mask |= 1 << position
    return mask


# --------------------------------------------------------------------------- required literals
#
# A regex's required literals: a cheap, exact-where-it-says-no gate before its search. The
# source is read by a small parser of the syntax the rule files use; any construct it does
# not know gives no gate (never a wrong one). The answer is a conjunction of clauses, each a
# tuple of lowercase strings of which a match must contain at least one: a text (lowercased)
# holding none of a clause's strings cannot match. Only ASCII literals are kept, so the gate
# is exact on ASCII text, where case-insensitive matching and ``str.lower`` agree.

Literals = tuple[tuple[str, ...], ...]
_ZERO_WIDTH = frozenset("bB")  # \b, \B: consume nothing, so literals on both sides stay adjacent
_ANY_CHAR = frozenset("sSwWdDAZ")  # one character (or an anchor) the gate does not read
_MAX_CLAUSES = 64  # while combining alternatives
_KEPT_CLAUSES = 4  # per rule: each clause costs a few substring searches
_MIN_LITERAL = 3  # shorter strings are in almost every sentence: their clause is dropped
_MAX_ALTERNATIVES = 6  # a clause of more strings costs about what the search it would save does


class _Unknown(Exception):
    """A construct the reader of ``required_literals`` does not know: no gate."""


def required_literals(source: str) -> Literals:
    """Clauses of lowercase strings every match of ``source`` contains (one string of each clause).

    Empty when nothing is known to be required, or the source uses syntax not read here.
    """
    try:
        node, end = _alternation(source, 0)
        if end != len(source):
            raise _Unknown(source[end:])
    except _Unknown:
        return ()
    clauses = [c for c in _cnf(node) if len(c) <= _MAX_ALTERNATIVES]
    clauses.sort(key=lambda c: (-min(map(len, c)), len(c), sorted(c)))
    return tuple(tuple(sorted(c)) for c in clauses[:_KEPT_CLAUSES])


def literals_admit(literals: Literals, lowered: str) -> bool:
    """Could a text (lowercased, ASCII) match? False only when some clause has none of its strings in it."""
    for clause in literals:
        for literal in clause:
            if literal in lowered:
                break
        else:
            return False
    return True


# A node: a string (a required literal), True (nothing required), ("and", nodes) or ("or", nodes).
_Node = Any


def _alternation(source: str, pos: int) -> tuple[_Node, int]:
    branches = []
    node, pos = _sequence(source, pos)
    branches.append(node)
    while pos < len(source) and source[pos] == "|":
        node, pos = _sequence(source, pos + 1)
        branches.append(node)
    return (branches[0] if len(branches) == 1 else ("or", branches)), pos


def _sequence(source: str, pos: int) -> tuple[_Node, int]:
    """Items up to ``|`` or ``)``: runs of single literal characters become required strings."""
    required: list[_Node] = []
    run: list[str] = []
    while pos < len(source) and source[pos] not in "|)":
        kind, value, pos = _atom(source, pos)
        low, quantified, pos = _quantifier(source, pos)
        if kind == "zero":
            continue
        if kind == "char" and not quantified:
            run.append(value)
            continue
        if run:
            required.append("".join(run))
            run = []
        if kind in ("group", "char") and low >= 1:
            required.append(value)
    if run:
        required.append("".join(run))
    return ("and", required), pos


def _atom(source: str, pos: int) -> tuple[str, _Node, int]:
    """(kind, value, next position): "char" (a literal character), "any", "zero", "break" or "group"."""
    char = source[pos]
    if char == "\\":
        return _escape(source, pos)
    if char == "[":
        return "any", None, _class_end(source, pos)
    if char == "(":
        return _group(source, pos)
    if char in ".^$":
        return "any", None, pos + 1
    if char in "*+?{":
        raise _Unknown(char)  # a quantifier with nothing before it, or a literal brace
    if not char.isascii():
        return "any", None, pos + 1
    return "char", char.lower(), pos + 1


def _escape(source: str, pos: int) -> tuple[str, _Node, int]:
    if pos + 1 >= len(source):
        raise _Unknown("\\")
    char = source[pos + 1]
    if char in _ZERO_WIDTH:
        return "zero", None, pos + 2
    if char in _ANY_CHAR:
        return "any", None, pos + 2
    if char.isalnum() or not char.isascii():
        raise _Unknown("\\" + char)  # \n, \x41, \1 ...: not read here
    return "char", char, pos + 2


def _class_end(source: str, pos: int) -> int:
    """The position after the character class opening at ``pos``."""
    i = pos + 1
    if i < len(source) and source[i] == "^":
        i += 1
    if i < len(source) and source[i] == "]":
        i += 1
    while i < len(source) and source[i] != "]":
        if source[i] == "[":
            raise _Unknown("[")  # a nested set
        i += 2 if source[i] == "\\" else 1
    if i >= len(source):
        raise _Unknown("[")
    return i + 1


_FLAGS = re.compile(r"\?[aimsuL]*(?:-[imsx]+)?:")


def _group(source: str, pos: int) -> tuple[str, _Node, int]:
    """A group; a lookaround or a named back reference requires nothing and is not read into."""
    head = pos + 1
    lookaround = source.startswith(("?=", "?!", "?<=", "?<!"), head)
    if lookaround:
        head += 3 if source.startswith("?<", head) else 2
    elif source.startswith("?P<", head):
        head = source.index(">", head) + 1
    elif source.startswith("?", head):
        flags = _FLAGS.match(source, head)
        if flags is None or "x" in flags.group():
            raise _Unknown(source[head : head + 4])
        head = flags.end()
    node, end = _alternation(source, head)
    if end >= len(source) or source[end] != ")":
        raise _Unknown("(")
    return ("break" if lookaround else "group"), node, end + 1


_COUNT = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")


def _quantifier(source: str, pos: int) -> tuple[int, bool, int]:
    """(least number of repetitions, whether a quantifier was read, next position)."""
    if pos >= len(source):
        return 1, False, pos
    char = source[pos]
    if char in "*?+":
        low, pos = (1 if char == "+" else 0), pos + 1
    elif char == "{":
        count = _COUNT.match(source, pos)
        if count is None:
            raise _Unknown("{")
        low, pos = int(count.group(1) or 0), count.end()
    else:
        return 1, False, pos
    if pos < len(source) and source[pos] in "?+":  # lazy or possessive
        pos += 1
    return low, True, pos


def _cnf(node: _Node) -> list[frozenset[str]]:
    """The node as clauses (a match holds one string of each), strongest first; weak ones dropped.

    Dropping a clause only ever lets more texts through, so every cap here keeps the gate exact.
    """
    if isinstance(node, str):
        return _strongest([frozenset([node])])
    if not isinstance(node, tuple):
        return []
    op, children = node
    parts = [_cnf(child) for child in children]
    if op == "and":
        return _strongest([clause for part in parts for clause in part])
    if not all(parts):
        return []  # a branch that requires nothing: the alternation requires nothing
    clauses = [frozenset[str]()]
    for part in parts:  # "a or b" where a = a1 & a2: (a1 | b) & (a2 | b)
        clauses = _strongest([clause | other for clause in clauses for other in part])[:_MAX_CLAUSES]
    return clauses


def _strongest(clauses: list[frozenset[str]]) -> list[frozenset[str]]:
    """Clauses without redundant strings ("hope" makes "hopes" redundant), short ones dropped, strongest first."""
    kept = set()
    for clause in clauses:
        if min(map(len, clause)) < _MIN_LITERAL:
            continue
        kept.add(frozenset(s for s in clause if not any(t != s and t in s for t in clause)))
    return sorted(kept, key=lambda c: (-min(map(len, c)), len(c), sorted(c)))


# --------------------------------------------------------------------------- lowercase twins

_KNOWN_ESCAPES = frozenset("bBsSwWdDAZ")
_GROUP_OPENINGS = ("?:", "?=", "?!", "?<=", "?<!", "?P<")


def lowercase_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive ASCII regex that matches ``text.lower()`` exactly where ``pattern`` matches ASCII ``text``.

    ``pattern`` is case-insensitive; on ASCII text lowercasing keeps every position, so the
    twin's spans are the pattern's. The engine skips ahead to a literal prefix or first
    characters only in a case-sensitive regex: the twin is searched several times faster.
    None when the pattern is not case-insensitive or uses syntax not read here (inline flags,
    back references, escapes other than ``\\b \\B \\s \\S \\w \\W \\d \\D \\A \\Z``).
    """
    if not pattern.flags & re.IGNORECASE or pattern.flags & re.VERBOSE:
        return None
    try:
        source = _lowercased(pattern.pattern)
    except _Unknown:
        return None
    return re.compile(source, (pattern.flags & ~(re.IGNORECASE | re.UNICODE)) | re.ASCII)


def _lowercased(source: str) -> str:
    """The source with every ASCII letter that stands for itself lowercased (in classes too)."""
    out: list[str] = []
    pos = 0
    while pos < len(source):
        char = source[pos]
        if char == "\\":
            following = source[pos + 1 : pos + 2]
            if not following or (following.isalnum() and following not in _KNOWN_ESCAPES):
                raise _Unknown("\\" + following)
            out.append(source[pos : pos + 2])
            pos += 2
        elif char == "[":
            end = _class_end(source, pos)
            out.append(_lowercased_class(source[pos:end]))
            pos = end
        elif char == "(" and source.startswith("?", pos + 1):
            opening = next((o for o in _GROUP_OPENINGS if source.startswith(o, pos + 1)), None)
            if opening is None:
                raise _Unknown(source[pos : pos + 4])  # inline flags: a case-sensitive part
            if opening == "?P<":
                end = source.index(">", pos) + 1
                out.append(source[pos:end])
                pos = end
            else:
                out.append("(" + opening)
                pos += 1 + len(opening)
        else:
            out.append(char.lower() if "A" <= char <= "Z" else char)
            pos += 1
    return "".join(out)


def _lowercased_class(body: str) -> str:
    """A character class with its letters lowercased; a range from a letter to a non-letter is not read."""
    out: list[str] = []
    pos = 0
    while pos < len(body):
        char = body[pos]
        if char == "\\":
            following = body[pos + 1 : pos + 2]
            if not following or (following.isalnum() and following not in "sSwWdD"):
                raise _Unknown("\\" + following)
            out.append(body[pos : pos + 2])
            pos += 2
            continue
        if body.startswith("-", pos + 1) and pos + 2 < len(body) - 1 and pos > 0:
            low, high = char, body[pos + 2]
            if (low.isalpha() or high.isalpha()) and not _same_case_letters(low, high):
                raise _Unknown(body[pos : pos + 3])
        out.append(char.lower() if "A" <= char <= "Z" else char)
        pos += 1
    return "".join(out)


def _same_case_letters(low: str, high: str) -> bool:
    """Are both ends of a range ASCII letters of one case (``a-z``, ``A-F``): a range lowercasing keeps?"""
    if not (low.isascii() and high.isascii()):
        return False
    return (low.islower() and high.islower()) or (low.isupper() and high.isupper())
