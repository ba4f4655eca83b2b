"""The shared builders of the rule engines' regexes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.regexes import (
    Branches,
    Twins,
    Unit,
    WordIndex,
    ascii_twin,
    bit_mask,
    branches_of,
    char_trie,
    holds,
    is_plain_ascii,
    lowercase_twin,
    reads_as_ascii,
    required_literals,
    top_level_branches,
)


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


# --------------------------------------------------------------------------- required literals


def _required(source: str) -> set[frozenset[str]]:
    return {frozenset(clause) for clause in required_literals(re.compile(source, re.IGNORECASE))}


@pytest.mark.parametrize(
    ("source", "clauses"),
    [
        (r"\bNATO\b", {frozenset({"nato"})}),
        (r"deserves?", {frozenset({"deserve"})}),  # the optional letter is no part of the run
        (r"\b(agreed|decided) to\b", {frozenset({"agreed", "decided"}), frozenset({" to"})}),
        (r"(?:will|shall) host", {frozenset({"will", "shall"}), frozenset({" host"})}),
        (r"(?=host)\w+ (summit|forum)", {frozenset({"host"}), frozenset({"summit", "forum"})}),  # look-ahead
        (r"\bthe (?!EU\b)\w+ plan", {frozenset({"the "}), frozenset({" plan"})}),  # a negative one requires nothing
        (r"(?-i:[A-Z])\w+ (?-i:Agency)", {frozenset({"agency"})}),  # a case-sensitive group, lowered
        (r"an?\s+(?:old )?pledge", {frozenset({"pledge"})}),  # optional group, class: runs break
        (r"\?[\"”’)]*\s*$", {frozenset({"?"})}),  # a punctuation mark is worth testing; a lone letter is not
        (r"a(bc){2,}d", {frozenset({"bc"})}),
        (r"ab\.cd", {frozenset({"ab.cd"})}),
        (r"Türkiye will", {frozenset({"rkiye will"})}),  # a non-ASCII letter may fold to an ASCII one: a break
    ],
)
def test_required_literals_of_a_pattern(source: str, clauses: set[frozenset[str]]) -> None:
    assert _required(source) == clauses


@pytest.mark.parametrize(
    "source",
    [
        r"(?i)will",  # global inline flags
        r"(?P<x>will) (?P=x)",  # a back reference
        r"\x41gency",  # an escape not read
        r"will|\w+",  # a branch requiring nothing
        r"a{,}b",  # a literal brace in Python's reading
        r"(?x) will",
        r"[a-z]+ ?",
    ],
)
def test_no_requirement_where_the_syntax_is_not_read_or_nothing_is_required(source: str) -> None:
    assert required_literals(re.compile(source, re.IGNORECASE)) == ()


def test_holds_needs_one_literal_of_every_clause() -> None:
    requirement = (("agreed", "decided"), (" to",))
    assert holds(requirement, "allies agreed to act")
    assert not holds(requirement, "allies agreed on a plan")
    assert holds((), "anything")


_REGEX_PIECES = st.sampled_from(
    ["a", "ab", "ba", "xab", " ", "\\b", "\\w", "\\s", ".", "[ab]", "[^a]", "\\.", "-", "?", "(?-i:B)", "AB"]
)
_TEXT = st.lists(st.sampled_from(["ab", "ba", "xab", "AB", "Ab", "a", "x", " ", ".", "-", "?", "’"]), max_size=12)


@st.composite
def _regex(draw: st.DrawFn, depth: int = 0) -> str:
    """A small random regex over the syntax ``required_literals`` reads: runs, classes, groups, quantifiers."""
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.booleans()):
            inner = "|".join(draw(st.lists(_regex(depth + 1), min_size=1, max_size=3)))
            opening = draw(st.sampled_from(["(", "(?:", "(?=", "(?!", "(?<!a)(", "(?-i:"]))
            part = opening + inner + ")"
        else:
            part = draw(_REGEX_PIECES)
            part = "\\?" if part == "?" else part
        part += draw(st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "+?"]))
        parts.append(part)
    return "".join(parts)


@settings(max_examples=500)
@given(_regex(), _TEXT.map("".join))
def test_every_match_meets_the_required_literals(source: str, text: str) -> None:
    """Sound on any text ``reads_as_ascii`` accepts: where the pattern matches, its requirement holds."""
    try:
        pattern = re.compile(source, re.IGNORECASE)
    except re.error:
        return
    assert reads_as_ascii(text)
    if pattern.search(text):
        assert holds(required_literals(pattern), text.lower()), (source, text, required_literals(pattern))


# --------------------------------------------------------------------------- alternatives gated by their literals


@pytest.mark.parametrize(
    ("source", "branches"),
    [
        (r"\bNATO\b|\bAllies\b", (r"\bNATO\b", r"\bAllies\b")),
        (r"a|b(c|d)|[|]|\|x", ("a", "b(c|d)", "[|]", r"\|x")),  # a group's, a class's, an escaped bar: not the top's
        (r"(?:will|shall) host|(?=x)y|", ("(?:will|shall) host", "(?=x)y", "")),
    ],
)
def test_top_level_branches_split_at_the_top_only(source: str, branches: tuple[str, ...]) -> None:
    assert top_level_branches(re.compile(source, re.IGNORECASE)) == branches


@pytest.mark.parametrize(
    "source",
    [
        r"\b(agreed|decided) to\b",  # one alternative (its bars are inside a group)
        r"[a|b]c",
        r"a\|b",
        r"(?P<x>will)|(?P=x)",  # a back reference: an alternative would read another's group
        r"(?i)will|shall",  # global inline flags
    ],
)
def test_no_branches_for_one_alternative_or_syntax_not_read(source: str) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    assert top_level_branches(pattern) == ()
    assert branches_of(pattern) is None


def test_only_the_alternatives_whose_literals_occur_are_searched() -> None:
    branches = Branches(re.compile(r"\bwill host\b|\bplans? to visit\b|\bthe (?:next )?summit\b", re.IGNORECASE))
    assert branches.live("nato will host the summit") == 0b101
    assert branches.live("nato plans to host") == 0
    assert branches.search_ascii("NATO will host the talks", "nato will host the talks")
    assert not branches.search_ascii("NATO will visit", "nato will visit")  # near miss: no alternative's words
    assert branches.live("the summits") == 0b100  # near miss: the words are there, the alternative is searched
    assert not branches.search_ascii("The summits", "the summits")  # and fails


@settings(max_examples=500)
@given(st.lists(_regex(), min_size=2, max_size=4), _TEXT.map("".join))
def test_the_live_alternatives_find_the_patterns_spans(alternatives: list[str], text: str) -> None:
    """On text ``reads_as_ascii`` accepts, the union of the alternatives whose literals occur finds exactly the
    pattern's matches, and no alternative is live where none matches (the gate only skips failing searches)."""
    try:
        pattern = re.compile("|".join(alternatives), re.IGNORECASE)
        branches = branches_of(pattern)
    except re.error:
        return
    if branches is None:
        return
    lowered = text.lower()
    spans = [m.span() for m in pattern.finditer(text)]
    assert branches.search_ascii(text, lowered) == bool(spans)
    live = branches.live(lowered)
    if live:
        search, reads_lowered = branches.union(live)
        union = search.__self__  # the compiled union
        assert [m.span() for m in union.finditer(lowered if reads_lowered else text)] == spans
    else:
        assert not spans


# --------------------------------------------------------------------------- WordIndex

_PIECES = ["to", "to ", " to", "host", "will ", "s ", "ed as", "in 19", "19", "?", ": ", "a-b", "ing", "_x"]
_TEXT = st.lists(
    st.sampled_from(["to", "host", "will", "s", "ed", "as", "in", "1990", "?", ":", "-", "b", "_x", " ", "ing"])
)
_UNITS = st.lists(
    st.tuples(
        st.sets(st.sampled_from(["to", "host", "will", "in", "1990", "as"]), max_size=2),
        st.sets(st.sampled_from(["19", "ho", "wil", "in"]), max_size=2),
        st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map(tuple), max_size=3).map(tuple),
    ),
    min_size=1,
    max_size=12,
)


def _reference(unit: Unit, words: set[str], lowered: str) -> bool:
    """A unit as the rules test it one by one: the word gate, then ``holds``."""
    gated = bool(unit.words or unit.stems)
    admitted = not gated or bool(unit.words & words) or any(w.startswith(unit.stems) for w in words if unit.stems)
    return admitted and holds(unit.requires, lowered)


@settings(max_examples=400, deadline=None)
@given(_UNITS, st.lists(_TEXT.map("".join), min_size=1, max_size=4))
def test_word_index_meets_exactly_the_units_their_gates_and_literals_admit(units, texts) -> None:
    """Random units (gates, stems, literals within and across words, punctuation) and texts: ``WordIndex.met``
    answers for every unit as its gate and ``holds`` do, text after text (the memo of words reused)."""
    index = WordIndex([Unit(frozenset(w), tuple(s), r) for w, s, r in units])
    for text in texts:
        lowered = text.lower()
        words = set(re.findall(r"[a-z0-9_]+", lowered))
        met = index.met(frozenset(words), lowered)
        for u, unit in enumerate(index_units := [Unit(frozenset(w), tuple(s), r) for w, s, r in units]):
            assert bool(met >> u & 1) == _reference(unit, words, lowered), (unit, text)
        assert met >> len(index_units) == 0


def test_word_index_reads_literals_across_words_only_where_they_are() -> None:
    """A literal across words (" will host") is met where its words stand together, not apart (near miss);
    one inside a word ("ing") by any word holding it; a gate stem by a word's start only."""
    index = WordIndex([Unit(requires=(("will host",),)), Unit(requires=(("ing",),)), Unit(stems=("ho",))])

    def met(text: str) -> int:
        lowered = text.lower()
        return index.met(frozenset(re.findall(r"[a-z0-9_]+", lowered)), lowered)

    assert met("NATO will host a briefing") == 0b111
    assert met("host NATO will") == 0b100  # near miss: both words, not together; no "ing"
    assert met("the thing echoes") == 0b010  # "ho" inside "echoes" is no stem's start
    assert not index.refused and WordIndex([Unit(stems=("co-",))]).refused
