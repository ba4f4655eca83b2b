"""Building blocks shared by the rule engines (statements, themes, countries).

Each engine turns an analyst's word list into one regex: a character trie, so
that shared prefixes are tried once and a search costs a few steps per position,
not one per word. Each engine says what a character of the trie matches (a space,
a letter); building the trie, writing it as a regex (``trie_source``) and the bit
masks of rule sets live here. So do a regex's twins (``Twins``): equivalent forms
that search text ``reads_as_ascii`` accepts sooner, and the one choice between them
that statements and themes share.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

Trie = dict[str, "Trie"]  # "" marks the end of a key
# Characters that str.isspace (so Unicode \s) counts as white space but ASCII \s does not.
_UNICODE_ONLY_SPACE = re.compile("[\x1c-\x1f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def char_trie(keys: Iterable[str]) -> Trie:
    """The keys as nested dicts, one level per character; a key ends where a node holds ``""``."""
    trie: Trie = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def trie_source(node: Trie, atom: Callable[[str], str] = re.escape, ordered: bool = True) -> str:
    """The trie as a regex: a branch per next character (written by ``atom``), the rest optional where a key ends.

    Branches in character order, or (``ordered=False``) in the keys' order: countries' atoms overlap (``'`` also
    matches ``’``), so the order its forms were written in decides there.
    """
    items = sorted(node.items()) if ordered else node.items()
    parts = [atom(char) + trie_source(child, atom, ordered) for char, child in items if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in node else body


def bit_mask(positions: Iterable[int]) -> int:
    """A set of small ints as one int (bit i set): unions and tests of rule sets become int operations."""
    mask = 0
    for position in positions:
        mask |= 1 << position
    return mask


# --------------------------------------------------------------------------- lowercase twins


class _Unknown(Exception):
    """A construct ``lowercase_twin`` does not read: no twin."""


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
            out.append(_escape(source, pos, _KNOWN_ESCAPES))
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


def _escape(source: str, pos: int, known: str | frozenset[str]) -> str:
    """The escape at ``pos``, kept as it is: a symbol's, or one of ``known`` (``\\n``, ``\\x41``, ``\\1``: not read)."""
    following = source[pos + 1 : pos + 2]
    if not following or (following.isalnum() and following not in known):
        raise _Unknown("\\" + following)
    return source[pos : pos + 2]


def _lowercased_class(body: str) -> str:
    """A character class with its letters lowercased; a range from a letter to a non-letter is not read."""
    out: list[str] = []
    pos = 0
    while pos < len(body):
        char = body[pos]
        if char == "\\":
            out.append(_escape(body, pos, "sSwWdD"))
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


# --------------------------------------------------------------------------- the twins of a regex


def is_plain_ascii(text: str) -> bool:
    r"""True when ``re.ASCII`` matching gives exactly the Unicode answers on ``text``.

    On ASCII text ``\w``, ``\b``, ``\d`` and case-insensitive letters agree in both modes
    (Unicode case folding only adds non-ASCII look-alikes such as the Kelvin sign); only
    ``\s`` differs, on the four separators 0x1C-0x1F. ASCII mode is about a third faster.
    """
    return text.isascii() and _UNICODE_ONLY_SPACE.search(text) is None


def reads_as_ascii(text: str) -> bool:
    """True when ``re.ASCII`` matching, and a lowercase twin on ``text.lower()``, give exactly the Unicode answers.

    Plain ASCII text (``is_plain_ascii``), and text whose other characters are all inert: neither a word
    character (``str.isalnum``, which is what Unicode ``\\w``, ``\\d`` and ``\\b`` read) nor white space, and
    without case (``str.lower`` and ``str.upper`` leave it), so that both modes match it only as itself and
    ``str.lower`` keeps every position. News copy's typographic punctuation is so: ’ “ ” — – … € (a
    sentence with "NATO’s" was searched by the slower Unicode patterns, about twice the cost).
    """
    if _UNICODE_ONLY_SPACE.search(text) is not None:
        return False
    return text.isascii() or all(map(_inert, set(_NON_ASCII.findall(text))))


def _inert(char: str) -> bool:
    """A character ``reads_as_ascii`` allows: no word character, no white space, no case."""
    return not (char.isalnum() or char.isspace()) and char.lower() == char == char.upper()


def ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same regex in ``re.ASCII`` mode: the same matches on text ``reads_as_ascii`` accepts, sooner."""
    return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)


@dataclass(frozen=True, slots=True)
class Twins:
    """A regex with its twins, and which of them a text is searched with: the same spans, found sooner.

    Every engine (statement rules, their actors, themes) makes the same choice; here it is made once.
    On text ``reads_as_ascii`` accepts, the lowercase twin searches the lowercased text (the fastest:
    a case-sensitive regex skips ahead to its literals), else the ASCII twin the text itself; other
    text is searched by the pattern as written.
    """

    pattern: re.Pattern[str]
    ascii: re.Pattern[str] = field(init=False, compare=False, repr=False)  # ``ascii_twin``
    lower: re.Pattern[str] | None = field(init=False, compare=False, repr=False)  # ``lowercase_twin``
    fast: re.Pattern[str] = field(init=False, compare=False, repr=False)  # what ASCII-read text is searched with
    reads_lowered: bool = field(init=False, compare=False, repr=False)  # ``fast`` reads the text lowercased

    def __post_init__(self) -> None:
        lower = lowercase_twin(self.pattern)
        object.__setattr__(self, "ascii", ascii_twin(self.pattern))
        object.__setattr__(self, "lower", lower)
        object.__setattr__(self, "fast", lower or self.ascii)
        object.__setattr__(self, "reads_lowered", lower is not None)

    def choose(self, text: str, ascii: bool, lowered: str) -> tuple[re.Pattern[str], str]:
        """The form to search and the text it reads. ``ascii``: ``reads_as_ascii(text)``; ``lowered``:
        ``text.lower()`` when ``ascii`` (read only then, and only when the lowercase twin exists)."""
        if not ascii:
            return self.pattern, text
        return self.fast, (lowered if self.reads_lowered else text)


# --------------------------------------------------------------------------- required literals

# A necessary condition for a match, as a conjunction of clauses; a clause holds when any of its
# literals (lowercase) occurs in the lowercased text. Empty: no condition known (always try).
Requirement = tuple[tuple[str, ...], ...]
_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(,?)(\d*)\}")
MAX_CLAUSES = 3  # per node while combining, and per rule: the most selective ones are kept
MAX_LITERALS = 12  # per clause
_SCOPED_FLAGS = re.compile(r"\(\?[aiLmsu]*(?:-[imsx]*)?:")  # (?-i:...): a group; its literals are the text's
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_CLASS_ESCAPES = frozenset("sSwWdD")


def required_literals(pattern: re.Pattern[str]) -> Requirement:
    """Literals that every match of ``pattern`` holds, as clauses: each clause names alternatives, one of
    which occurs (lowercased) in ``text.lower()`` wherever ``pattern`` matches ``text`` that ``reads_as_ascii``.

    Derived from the pattern's own source, so a rule an analyst adds or edits gets its condition without
    declaring one; a construct not read here (inline flags, back references, conditionals, escapes other
    than symbols and ``\\b \\B \\A \\Z \\s \\S \\w \\W \\d \\D``, a verbose pattern) gives no condition, and the
    rule is tried on every sentence, as before. A lone letter, digit or space is no literal: it rules out nothing.
    Why sound on such text: lowercasing it keeps every position, and a case-insensitive literal then
    matches exactly its lowercase form (the letters Unicode folding adds, such as the Kelvin sign, are
    word characters, which ``reads_as_ascii`` does not let through).
    """
    if pattern.flags & re.VERBOSE:
        return ()
    try:
        clauses, end = _RequiredReader(pattern.pattern).alternation(0)
    except _Unknown:
        return ()
    return _best(clauses) if end == len(pattern.pattern) else ()


def holds(requirement: Requirement, lowered: str) -> bool:
    """Does lowercased text meet every clause of ``requirement`` (``required_literals``)?
    ``Branches.live`` writes this loop inline (a call per alternative cost time there): change both together."""
    for clause in requirement:
        for literal in clause:
            if literal in lowered:
                break
        else:
            return False
    return True


def _score(clause: tuple[str, ...]) -> float:
    """How likely a clause holds by chance, roughly: short literals occur in most sentences, long ones seldom
    (a punctuation mark, "?" or ":", counts as two letters)."""
    return sum(1.0 / (1 + max(len(literal), 1 if literal.isalnum() else 2)) ** 2 for literal in clause)


def _useful(literal: str) -> bool:
    """Can a literal rule out sentences? Not a lone letter, digit or space: most sentences hold it."""
    return len(literal) > 1 or not (literal.isalnum() or literal.isspace() or literal == "_")


def _clause(literals: set[str] | frozenset[str]) -> tuple[str, ...]:
    """A clause without literals that hold a shorter one of it (a sentence with "deserves" has "deserve")."""
    kept = sorted(literals, key=lambda s: (len(s), s))
    out: list[str] = []
    for literal in kept:
        if not any(shorter in literal for shorter in out):
            out.append(literal)
    return tuple(out)


def _best(clauses: list[tuple[str, ...]]) -> Requirement:
    """The ``MAX_CLAUSES`` most selective clauses, most selective first. A clause goes when a literal of it
    rules out nothing (``_useful``) or it names more than ``MAX_LITERALS`` (testing it would cost about
    as much as the search it spares)."""
    kept = {c for c in clauses if c and len(c) <= MAX_LITERALS and all(map(_useful, c))}
    return tuple(sorted(kept, key=lambda c: (_score(c), c))[:MAX_CLAUSES])


class _RequiredReader:
    """Reads a regex source for ``required_literals``: each part's clauses, from its literal runs and groups."""

    def __init__(self, source: str) -> None:
        self.source = source

    def branch_ends(self) -> list[int]:
        """Where each top-level alternative of the source ends (the last at its end); raises ``_Unknown`` on
        syntax the reader does not read. Read by ``sequence``, the same reading the literals come from."""
        ends: list[int] = []
        pos = -1
        while pos < len(self.source):
            _, pos = self.sequence(pos + 1)
            if pos < len(self.source) and self.source[pos] != "|":
                raise _Unknown(")")  # an unmatched closing parenthesis
            ends.append(pos)
        return ends

    def alternation(self, pos: int) -> tuple[list[tuple[str, ...]], int]:
        """The clauses of the branches from ``pos`` up to an unmatched ``)`` or the end: any branch may match."""
        clauses, pos = self.sequence(pos)
        while pos < len(self.source) and self.source[pos] == "|":
            other, pos = self.sequence(pos + 1)
            if not clauses or not other:
                clauses = []  # a branch that requires nothing: the alternation requires nothing
                continue
            clauses = list(_best([_clause(set(a) | set(b)) for a in clauses for b in other]))
        return clauses, pos

    def sequence(self, pos: int) -> tuple[list[tuple[str, ...]], int]:
        """The clauses of one branch: each run of literal characters, and what its groups require."""
        source, clauses, run = self.source, [], ""
        while pos < len(source) and source[pos] not in "|)":
            kind, value, pos = self.atom(pos)
            low, pos = self.quantifier(pos)
            if kind == "zero":
                continue  # consumes nothing: the literals on both sides stay adjacent
            if kind == "char" and low is None:
                run += value
                continue
            if kind == "char" and low:
                run += value  # at least once: the run up to here is in the text, then a run starts over
            if run:
                clauses.append((run,))
            run = ""
            if kind == "group" and (low is None or low > 0):
                clauses.extend(value)
        if run:
            clauses.append((run,))
        return list(_best(clauses)), pos

    def quantifier(self, pos: int) -> tuple[int | None, int]:
        """(least repetitions, position after) of a quantifier at ``pos``; None: there is none."""
        match = _QUANTIFIER.match(self.source, pos)
        if match is None:
            return None, pos
        text = match.group()
        if text.startswith("{") and not (match.group(1) or match.group(3)):
            raise _Unknown(text)  # "{}" or "{,}": a literal brace in Python's reading
        low = 1 if text == "+" else int(match.group(1) or 0) if text.startswith("{") else 0
        end = match.end()
        if end < len(self.source) and self.source[end] in "?+":
            end += 1  # lazy or possessive: the same least count
        return low, end

    def atom(self, pos: int) -> tuple[str, Any, int]:
        """(kind, value, position after): a literal "char" (lowercased), a "group" and its clauses,
        a "zero"-width assertion, or "other" (one character of a class, ``.``, ``\\w``)."""
        source, char = self.source, self.source[pos]
        if char == "\\":
            following = source[pos + 1 : pos + 2]
            if following in _ZERO_WIDTH_ESCAPES:
                return "zero", None, pos + 2
            if following in _CLASS_ESCAPES:
                return "other", None, pos + 2
            if not following or following.isalnum() or following.isspace():
                raise _Unknown("\\" + following)
            return "char", following.lower(), pos + 2
        if char == "[":
            return "other", None, _class_end(source, pos)
        if char == "(":
            return self.group(pos)
        if char in "^$":
            return "zero", None, pos + 1
        if char == ".":
            return "other", None, pos + 1
        if char in "*+?{":
            raise _Unknown(char)  # a quantifier with nothing before it, or a literal brace
        if not char.isascii():
            return "other", None, pos + 1  # case folding may match it to an ASCII letter (İ and i)
        return "char", char.lower(), pos + 1

    def group(self, pos: int) -> tuple[str, Any, int]:
        """A group: its clauses (a positive look-around's too: its text is in the sentence); a negative
        look-around requires nothing and consumes nothing."""
        source = self.source
        if source.startswith(("(?!", "(?<!"), pos):
            inner = pos + (3 if source[pos + 2] == "!" else 4)
            _, end = self.alternation(inner)
            return "zero", None, self.close(end)
        if source.startswith(("(?=", "(?<="), pos):
            inner = pos + (3 if source[pos + 2] == "=" else 4)
            clauses, end = self.alternation(inner)
            return "group", clauses, self.close(end)  # zero width, but its literals are in the text
        scoped = _SCOPED_FLAGS.match(source, pos)
        if scoped is not None:  # (?:...), or flags for the group: case, dots, anchors, not verbose
            inner = scoped.end()
        elif source.startswith("(?>", pos):
            inner = pos + 3
        elif source.startswith("(?P<", pos):
            inner = source.index(">", pos) + 1
        elif source.startswith("(?", pos):
            raise _Unknown(source[pos : pos + 3])  # inline flags, a back reference, a conditional
        else:
            inner = pos + 1
        clauses, end = self.alternation(inner)
        return "group", clauses, self.close(end)

    def close(self, pos: int) -> int:
        if pos >= len(self.source) or self.source[pos] != ")":
            raise _Unknown("(")
        return pos + 1


# --------------------------------------------------------------------------- alternatives gated by their literals


def top_level_branches(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The sources of the pattern's top-level alternatives (``a|b(c|d)`` -> ``a``, ``b(c|d)``), as
    ``required_literals`` reads the syntax; () when there is one, or the syntax is not read (a verbose
    pattern, inline flags, a back reference: an alternative could then depend on another's groups)."""
    source = pattern.pattern
    if pattern.flags & re.VERBOSE:
        return ()
    try:
        ends = _RequiredReader(source).branch_ends()
    except _Unknown:
        return ()
    starts = [0, *(end + 1 for end in ends[:-1])]
    return tuple(source[a:b] for a, b in zip(starts, ends, strict=True)) if len(ends) > 1 else ()


MAX_FORMS = 64  # compiled unions of alternatives kept per pattern; past that a union is searched as the whole


@dataclass(frozen=True)
class Branches:
    """A pattern as its top-level alternatives, each with the literals its matches require (``required_literals``).

    On text ``reads_as_ascii`` accepts, an alternative whose literals are absent matches nowhere, so the
    pattern's matches are exactly those of the union of the other alternatives, in the pattern's order: at
    every position the engine tries the alternatives in turn, and the absent ones fail there anyway (an
    alternative reads no other's groups: ``top_level_branches`` refuses back references). ``search_ascii``
    searches that union (compiled once per set of alternatives, with its fastest twin): a rule's pattern is
    often one long alternation of which a sentence holds one alternative's words, the rest need no search.
    """

    pattern: re.Pattern[str]
    # ``top_level_branches(pattern)`` when the caller has read them (``branches_of``); else read here.
    sources: tuple[str, ...] = field(default=(), repr=False, compare=False)
    # Per alternative, in order: its requirement.
    requires: tuple[Requirement, ...] = field(init=False, repr=False, compare=False)
    # Bit mask of live alternatives (bit i: alternative i) -> (search of the union's fast twin, whether that
    # twin reads the lowered text); filled as sentences ask, at most MAX_FORMS of them.
    forms: dict[int, tuple[Callable[[str], Any], bool]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sources = self.sources or top_level_branches(self.pattern)
        requires = tuple(required_literals(re.compile(s, self.pattern.flags)) for s in sources)
        whole = Twins(self.pattern)
        setattr_ = object.__setattr__
        setattr_(self, "sources", sources)
        setattr_(self, "requires", requires)
        setattr_(self, "forms", {(1 << len(sources)) - 1: (whole.fast.search, whole.reads_lowered)})

    def live(self, lowered: str) -> int:
        """The alternatives whose every clause holds in ``lowered`` (``holds``), as a bit mask."""
        live, bit = 0, 1
        for requires in self.requires:
            # ``holds``, inline: calling it here cost classify 38.1 -> 39.6 us per distinct sentence (session 23:
            # 109,433 sentences of the first 2,000 /tmp/c100k articles, 7 alternating passes, medians), so the
            # loop is written twice; change both together.
            for clause in requires:
                for literal in clause:
                    if literal in lowered:
                        break
                else:
                    break
            else:
                live |= bit
            bit <<= 1
        return live

    def union(self, live: int) -> tuple[Callable[[str], Any], bool]:
        """(search, reads the lowered text) of the fast twin of the alternatives of the bit mask ``live``."""
        form = self.forms.get(live)
        if form is None:
            if len(self.forms) >= MAX_FORMS:
                return self.forms[(1 << len(self.sources)) - 1]
            chosen = "|".join(s for i, s in enumerate(self.sources) if live >> i & 1)
            twins = Twins(re.compile(chosen, self.pattern.flags))
            form = self.forms[live] = (twins.fast.search, twins.reads_lowered)
        return form

    def search_ascii(self, text: str, lowered: str) -> bool:
        """Does the pattern match ``text``? ``text`` must read as ASCII (``reads_as_ascii``); ``lowered``: its
        ``text.lower()``. Only the alternatives whose literals ``lowered`` holds are searched, as one union."""
        return self.search_live(text, lowered, self.live(lowered))

    def search_live(self, text: str, lowered: str, live: int) -> bool:
        """``search_ascii`` with the live alternatives known already (``live``: the bit mask ``live`` gives,
        e.g. from a ``WordIndex`` of the alternatives' requirements)."""
        if not live:
            return False
        search, reads_lowered = self.union(live)
        return search(lowered if reads_lowered else text) is not None


def branches_of(pattern: re.Pattern[str]) -> Branches | None:
    """``Branches`` of a pattern with two or more alternatives the reader reads, each a regex of its own;
    else None (the caller searches the pattern whole)."""
    sources = top_level_branches(pattern)  # read once: ``Branches`` takes the reading
    if len(sources) < 2:
        return None
    try:
        return Branches(pattern, sources)
    except re.error:
        return None


# --------------------------------------------------------------------------- gates and literals at once

_WORD_CHARS = re.compile(r"[a-z0-9_]+")  # a word of lowercased text ``reads_as_ascii`` accepts (its ``\w`` run)
MAX_MEMO_WORDS = 1 << 17  # distinct words remembered by a ``WordIndex``; past that the memo starts over


@dataclass(frozen=True)
class Unit:
    """What a unit (a rule, or one alternative of a rule's pattern) asks of a sentence before it is searched.

    ``words``/``stems``: a word gate, met by a word of the sentence in ``words`` or starting with a stem of
    ``stems`` (both empty: no gate). ``requires``: a ``required_literals`` requirement of the lowered sentence.
    """

    words: frozenset[str] = frozenset()
    stems: tuple[str, ...] = ()
    requires: Requirement = ()


def refuses_stems(stems: Iterable[str]) -> bool:
    """Would a ``WordIndex`` refuse these gate stems (one not of word characters: its prefix test cannot read it)?"""
    return any(_WORD_CHARS.fullmatch(stem) is None for stem in stems)


class WordIndex:
    """Which units of a list a sentence read as ASCII meets, all at once, from a memo of its distinct words.

    A unit is met when its word gate lets one of the sentence's words through and its every literal clause
    holds (``holds``) in the lowered sentence. Derived from the units alone, at load: nothing is declared.
    Per unit up to ``MAX_CLAUSES`` literal clauses and its gate are "slots", each a bit of its own in one wide
    int (slot k of unit u: bit ``k * width + u``); a slot a unit does not have is set from the start. Each
    distinct word maps (once, remembered) to the slots its literals and gate meet; a sentence ORs its words'
    ints, and a unit is met when all its slots are set. Exact, not approximate:

    - a literal of word characters only (``[a-z0-9_]``, most of them) occurs in the lowered sentence exactly
      when it occurs inside one of its words (a run of word characters lies within one word), so its slots
      come from the words' memo;
    - a literal with other characters (" will ", "in 19") is searched in the sentence, but only when its
      anchor is there: its longest inner run of word characters is a whole word of the sentence, else its
      leading run ends a word or its trailing run starts one (how such a literal can occur); one with no
      word character at all ("?") is searched in every sentence;
    - a gate word is met by the word itself, a stem by the word's prefixes (gate stems of word characters
      only; ``refused`` is True otherwise, and callers keep their own gate test).
    """

    def __init__(self, units: list[Unit]) -> None:
        self.width = width = len(units)
        self.slots = slots = 1 + max((len(u.requires) for u in units), default=0)  # slot 0: the gate
        full = (1 << width) - 1
        base = 0
        inner: dict[str, int] = {}  # literal of word characters -> its slot bits
        spanning: dict[str, int] = {}  # any other literal -> its slot bits
        gate_words: dict[str, int] = {}
        gate_stems: dict[str, int] = {}
        self.refused = refuses_stems(s for u in units for s in u.stems)
        for u, unit in enumerate(units):
            bit = 1 << u
            if not unit.words and not unit.stems:
                base |= bit
            for word in unit.words:
                gate_words[word] = gate_words.get(word, 0) | bit
            for stem in unit.stems:
                gate_stems[stem] = gate_stems.get(stem, 0) | bit
            for k in range(1, slots):
                if k > len(unit.requires):
                    base |= bit << (k * width)
                    continue
                for literal in unit.requires[k - 1]:
                    table = inner if _WORD_CHARS.fullmatch(literal) else spanning
                    table[literal] = table.get(literal, 0) | bit << (k * width)
        self.base, self.full = base, full
        self.open = 0  # the slots whose clause names a literal of other characters: still open after the words
        for bits in spanning.values():
            self.open |= bits
        self.inner, self.gate_words, self.gate_stems = inner, gate_words, gate_stems
        self.longest_inner = max(map(len, inner), default=0)
        self.longest_stem = max(map(len, gate_stems), default=0)
        # Anchors of the spanning literals: word -> literals (whole word), suffix -> ..., prefix -> ...
        self.whole: dict[str, tuple[tuple[str, int, int], ...]] = {}
        self.suffix: dict[str, tuple[tuple[str, int, int], ...]] = {}
        self.prefix: dict[str, tuple[tuple[str, int, int], ...]] = {}
        self.always: tuple[tuple[str, int, int], ...] = ()
        for literal, bits in spanning.items():
            table, anchor = self._anchor(literal)
            entry = (literal, self._all_units(bits), bits)
            if table is None:
                self.always += (entry,)
            else:
                table[anchor] = (*table.get(anchor, ()), entry)
        self.memo: dict[str, tuple[int, tuple[tuple[str, int, int], ...]]] = {}

    def _anchor(self, literal: str) -> tuple[dict[str, tuple[tuple[str, int, int], ...]] | None, str]:
        """Where a literal with other characters than word characters is looked for (``WordIndex``)."""
        # (length, how selective, the table, the run): the longest run, a whole word before an edge
        choices: list[tuple[int, int, dict[str, tuple[tuple[str, int, int], ...]], str]] = []
        for match in _WORD_CHARS.finditer(literal):
            run = match.group()
            if match.start() > 0 and match.end() < len(literal):
                choices.append((len(run), 2, self.whole, run))  # between two other characters: a whole word
            elif match.start() == 0:
                choices.append((len(run), 1, self.suffix, run))  # at the literal's start: it ends a word
            else:
                choices.append((len(run), 0, self.prefix, run))  # at its end: it starts a word
        if not choices:
            return None, ""
        _, _, table, run = max(choices, key=lambda c: c[:2])
        return table, run

    def _word(self, word: str) -> tuple[int, tuple[tuple[str, int, int], ...]]:
        """(the slots a word meets, the spanning literals it is an anchor of): computed once per distinct word."""
        bits = self.gate_words.get(word, 0)
        inner, stems, n = self.inner, self.gate_stems, len(word)
        for j in range(1, min(n, self.longest_stem) + 1):
            bits |= stems.get(word[:j], 0)
        for i in range(n):
            for j in range(i + 1, min(n, i + self.longest_inner) + 1):
                bits |= inner.get(word[i:j], 0)
        pending = self.whole.get(word, ())
        for i in range(n):
            pending += self.suffix.get(word[i:], ())
            pending += self.prefix.get(word[: i + 1], ())
        if len(self.memo) >= MAX_MEMO_WORDS:
            self.memo.clear()
        found = self.memo[word] = (bits, pending)
        return found

    def met(self, words: frozenset[str], lowered: str) -> int:
        """The units (bit u: unit u) that ``lowered`` meets; ``words``: its words, ``_WORD_CHARS.findall(lowered)``
        as a set (for ``statements.sentence_words(text, lowered)`` they are). ``lowered`` must be ``text.lower()``
        of a text ``reads_as_ascii`` accepts."""
        bits, memo, pending = self.base, self.memo, []
        for word in words:
            found = memo.get(word) or self._word(word)
            bits |= found[0]
            if found[1]:
                pending += found[1]
        if pending or self.always:
            # Units still alive (gate met, every clause met or open): only their literals are looked for.
            alive = self._all_slots(bits | self.open)
            for literal, units, more in (*self.always, *pending):
                if units & alive and literal in lowered:
                    bits |= more
        return self._all_slots(bits)

    def _all_units(self, bits: int) -> int:
        """The units with any slot set in ``bits``."""
        units = 0
        while bits:
            units |= bits & self.full
            bits >>= self.width
        return units

    def _all_slots(self, bits: int) -> int:
        """The units whose every slot is set in ``bits``."""
        width, met = self.width, bits
        for _ in range(1, self.slots):
            bits >>= width
            met &= bits
        return met & self.full
