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
