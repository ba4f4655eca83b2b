"""The shared builders of the rule engines' regexes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nato_briefs.regexes import bit_mask, char_trie


def _keys(node, prefix=""):
    for char, child in node.items():
        if char == "":
            yield prefix
        else:
            yield from _keys(child, prefix + char)


@given(st.sets(st.text(min_size=1, max_size=8)))
def test_a_trie_holds_exactly_its_keys(keys):
    assert set(_keys(char_trie(keys))) == keys


def test_shared_prefixes_are_one_branch():
    assert char_trie(["nato", "nation"]) == {"n": {"a": {"t": {"o": {"": {}}, "i": {"o": {"n": {"": {}}}}}}}}


@given(st.sets(st.integers(min_value=0, max_value=200)))
def test_bit_mask_sets_exactly_its_positions(positions):
    mask = bit_mask(positions)
    assert {i for i in range(201) if mask >> i & 1} == positions
