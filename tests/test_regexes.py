"""The shared builders of the rule engines' regexes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nato_briefs.regexes import bit_mask, char_trie, lowercase_twin


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


@pytest.mark.parametrize(
    "source",
    [r"\bNATO\b", r"[A-Z][a-z]+ (?:will|Shall)\b", r"[^A-Z\s]+", r"\bthe (?!EU\b)\w+", r"(?<![\w-])Allies"],
)
@given(text=st.text(alphabet="NATOnatoEUeuAlies wShl-", max_size=30))
def test_lowercase_twin_finds_the_same_spans(source: str, text: str) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    twin = lowercase_twin(pattern)
    assert twin is not None
    ascii_spans = [m.span() for m in re.compile(source, re.IGNORECASE | re.ASCII).finditer(text)]
    assert [m.span() for m in twin.finditer(text.lower())] == ascii_spans


@pytest.mark.parametrize("source", [r"(?-i:NATO) will", r"[0-Z]", r"\x41", r"(a)\1"])
def test_no_lowercase_twin_where_case_or_syntax_is_not_read(source: str) -> None:
    assert lowercase_twin(re.compile(source, re.IGNORECASE)) is None
    assert lowercase_twin(re.compile("nato")) is None  # not case-insensitive: nothing to gain
