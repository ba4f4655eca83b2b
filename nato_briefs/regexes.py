"""Building blocks shared by the rule engines (statements, themes, countries).

Each engine turns an analyst's word list into one regex: a character trie, so
that shared prefixes are tried once and a search costs a few steps per position,
not one per word. Each engine renders the trie its own way (what a space or a
letter may match); building it, and the bit masks of rule sets, live here.
"""

from __future__ import annotations

from collections.abc import Iterable

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
