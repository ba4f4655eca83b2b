"""The shared builders of the rule engines' regexes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nato_briefs.regexes import Twins, ascii_twin, bit_mask, char_trie, is_plain_ascii, lowercase_twin, reads_as_ascii


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


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("NATO allies\tmet\n", True),
        ("", True),
        ("café", False),
        ("a\x1cb", False),
        ("a\x1fb", False),
        ("K\u212a", False),
    ],
)
def test_plain_ascii_is_ascii_without_the_unicode_only_separators(text: str, plain: bool) -> None:
    assert is_plain_ascii(text) is plain


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("NATO allies met", True),
        ("NATO’s “eastern flank” — 2025…", True),  # typographic punctuation: inert
        ("a price in €", True),
        ("café", False),  # a letter
        ("NATO\u00a0allies", False),  # a no-break space: Unicode \s only
        ("x²", False),  # a digit to Unicode \w
        ("Ⓐ", False),  # a symbol with case
        ("a\u0345", False),  # a combining mark with an upper case
        ("NATO’s\x1callies", False),
    ],
)
def test_reads_as_ascii_allows_inert_punctuation_only(text: str, reads: bool) -> None:
    assert reads_as_ascii(text) is reads
    assert reads_as_ascii(text) >= is_plain_ascii(text)


def test_the_ascii_twin_is_the_pattern_in_ascii_mode() -> None:
    pattern = re.compile(r"\bNATO\s+\w+", re.IGNORECASE)
    twin = ascii_twin(pattern)
    assert twin.pattern == pattern.pattern and twin.flags & re.ASCII and twin.flags & re.IGNORECASE
    assert pattern.search("NATO\x1cplans") and not twin.search("NATO\x1cplans")  # why text must be plain ASCII


_TWIN_SOURCES = [
    r"\bNATO\s+\w+",
    r"(?<![\w-])Allies\b",
    r"(?-i:NATO) will",
    r"\x41\s",
    r"[^A-Z\s]+",
    r"\bAllies[’'-]\w*",
    r"[^.;]{0,3}\bNATO\W",
]


@pytest.mark.parametrize("source", _TWIN_SOURCES)
@given(text=st.text(alphabet="NATOnatoAaLlIiEeSs wW-\x1c\u212aé’“—…\u00a0²Ⓐ", max_size=30))
def test_the_chosen_twin_finds_the_patterns_spans(source: str, text: str) -> None:
    """Whatever form ``choose`` picks for a text, it finds the spans the pattern as written finds there."""
    pattern = re.compile(source, re.IGNORECASE)
    twins = Twins(pattern)
    ascii = reads_as_ascii(text)
    chosen, read = twins.choose(text, ascii, text.lower() if ascii else "")
    assert [m.span() for m in chosen.finditer(read)] == [m.span() for m in pattern.finditer(text)]


def test_choose_prefers_the_lowercase_twin_then_the_ascii_twin() -> None:
    both = Twins(re.compile(r"\bNATO\b", re.IGNORECASE))
    assert both.choose("NATO met", True, "nato met") == (both.lower, "nato met")
    assert both.choose("NATO à", False, "") == (both.pattern, "NATO à")
    no_lower = Twins(re.compile(r"\x41", re.IGNORECASE))  # an escape lowercase_twin does not read
    assert no_lower.lower is None
    assert no_lower.choose("A", True, "a") == (no_lower.ascii, "A")
    case_sensitive = Twins(re.compile("NATO"))
    assert case_sensitive.lower is None and case_sensitive.choose("NATO", True, "nato") == (
        case_sensitive.ascii,
        "NATO",
    )
