"""Sentence splitting: the contract's traps, structural properties and hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.sentences import (
    _CLOSERS,
    _NEXT_WORD,
    _TOKEN_LEAD,
    MAX_TOKEN,
    SentenceRules,
    SplitStats,
    _full_stop_ends,
    load_sentence_rules,
    numbers_sentence,
    split_sentences,
)
from tests.counted_text import CountedText

CASES = yaml.safe_load((Path(__file__).parent / "prose_corpus" / "sentence_cases.yaml").read_text(encoding="utf-8"))[
    "cases"
]


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["sentences"][0][:40])
def test_hand_written_cases(case: dict) -> None:
    text = case.get("text", " ".join(case["sentences"]))
    assert _texts(text) == case["sentences"]


def test_case_set_is_large_enough() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("environment.The NATO summit", ["environment.", "The NATO summit"]),
        ("see e.g.The Hague", ["see e.g.The Hague"]),
        ("the U.S.The talks", ["the U.S.", "The talks"]),
        ("the U.S.Army", ["the U.S.Army"]),
        ("rose 2.5%.Then", ["rose 2.5%.", "Then"]),
    ],
)
def test_missing_space_after_full_stop(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_spans_are_code_points() -> None:
    text = "NATO’s allies met. “Good,” they said. Next."
    assert [text[a:b] for a, b in split_sentences(text)] == ["NATO’s allies met.", "“Good,” they said.", "Next."]


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\t ") == []


def test_rules_come_from_the_yaml() -> None:
    rules = load_sentence_rules()
    assert "gen." in rules.never_final and "u.s." in rules.may_end and "the" in rules.starters


def _check_structure(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    covered = set()
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered.update(range(start, end))
        previous_end = end
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


_PROSE_ALPHABET = st.sampled_from([*list("aAbZ .?!…\"'”’“()\n\t5$%-e.g.U.S."), "U.S.", "e.g.", " The ", "Gen. ", "..."])


@settings(max_examples=300)
@given(st.lists(_PROSE_ALPHABET, max_size=60).map("".join))
def test_structure_on_prose_like_text(text: str) -> None:
    _check_structure(text)


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_structure_on_any_text(text: str) -> None:
    _check_structure(text)


@pytest.mark.parametrize(
    "text",
    [
        "word " * 200_000,  # 1 MB paragraph, no full stop
        "U.S. " * 100_000,  # 100k abbreviations in a row
        "e.g." * 100_000,  # no spaces at all
        "." * 1_000_000,
        "a." * 500_000,
        " " * 500_000 + "." + " " * 500_000,
        "“" * 500_000 + "x. " * 1000,
    ],
    ids=["no-stop", "abbrevs", "eg-nospace", "dots", "a-dot", "spaces", "openers"],
)
def test_hostile_input_is_linear(text: str) -> None:
    """Work is bounded by a constant times the input size, whatever the text."""
    stats = SplitStats()
    spans = split_sentences(text, stats=stats)
    assert stats.candidates <= len(text)
    assert stats.inspected <= 100 * len(text)
    assert sum(end - start for start, end in spans) <= len(text)


@pytest.mark.parametrize("rare", ["?", "!", "…"])
@pytest.mark.parametrize("where", ["first", "last"])
def test_each_terminator_is_sought_through_the_text_once(rare: str, where: str) -> None:
    """A ``?`` before (or after) 400,000 full stops was sought from every candidate to the end of the text:
    3.6 MB took 13 s in ``read_article`` (found by bench/fuzz.py). ``find`` now reads the text at most once
    per kind of terminator, ``. ! ? …`` (CountedText adds up what each call may read)."""
    body = "Estonia. " * 20_000
    text = CountedText(f"Why{rare} {body}" if where == "first" else f"{body}Why{rare}")
    spans = split_sentences(text)
    assert len(spans) == 20_001
    assert text.read <= 4 * len(text) + 100, text.read


def _next_word_by_loop(text: str, end: int) -> tuple[str, int]:
    """Reference: the character loop the regex in ``_next_word`` replaces (word, characters inspected)."""
    from nato_briefs.sentences import _OPENERS, MAX_LOOKAHEAD, MAX_TOKEN

    i = end
    while i < len(text) and text[i].isspace():
        i += 1
    skipped = 0
    while i < len(text) and text[i] in _OPENERS and skipped < MAX_LOOKAHEAD:
        i, skipped = i + 1, skipped + 1
    j = i
    while j < len(text) and j - i < MAX_TOKEN and text[j].isalnum():
        j += 1
    return text[i:j], j - end


def _token_before_by_loop(text: str, stop: int) -> tuple[str, int]:
    """Reference: the backward character scan ``_token_before`` replaces (token, characters inspected)."""
    from nato_briefs.sentences import _OPENERS, MAX_TOKEN

    i = stop
    while i > max(0, stop - MAX_TOKEN) and not text[i - 1].isspace():
        i -= 1
    return text[i:stop].lstrip(_OPENERS + "-–—/"), stop - i


@settings(max_examples=400)
@given(
    st.lists(
        st.sampled_from(
            ["aZ9é" * 12, "A_b", " ", ".", '"', "“(«", "\u00a0\u2003", "\x1c", "\n\t", "٣Ⅻ", "-/", "'" * 70]
        ),
        max_size=20,
    ).map("".join),
    st.data(),
)
def test_word_lookups_equal_the_character_loops(text: str, data: st.DataObject) -> None:

    at = data.draw(st.integers(min_value=0, max_value=len(text)))
    stats = SplitStats()
    assert (_next_word(text, at, stats), stats.inspected) == _next_word_by_loop(text, at)
    stats = SplitStats()
    assert (_token_before(text, at, stats), stats.inspected) == _token_before_by_loop(text, at)


# --------------------------------------------------------------------------- reference decision
# The splitter's decision written helper by helper, one candidate at a time: the oracle the
# one-loop ``split_sentences`` is checked against (same cuts, same work counted).


def _is_boundary(
    text: str, start: int, end: int, rules: SentenceRules, stats: SplitStats, ends: list[int] | None = None
) -> bool:
    """Does the terminator run ``text[start:end]`` end a sentence? ``ends``: the sentence ends found before it."""
    if end >= len(text):
        return True
    marks = text[start:end].rstrip(_CLOSERS)
    spaced = text[end].isspace()
    word = _next_word(text, end, stats)
    if not word:
        return spaced  # "... said." followed by a dash, a digit-less symbol, or nothing usable
    first = word[0]
    if first.islower():
        return False
    if not (first.isupper() or first.isdigit()):
        return spaced
    if marks != "." and not marks.endswith(".."):  # ?, !, …, ?! and ellipses
        return spaced or first.isupper()
    if marks.endswith(".."):
        return first.isupper()
    token = _token_before(text, start, stats)
    if token.isdigit():  # a sentence's numbering ("4. Shipbuilding ...") ends nothing
        window = text[max(0, start - MAX_TOKEN) : start]
        if numbers_sentence(text, start - len(window.rsplit(None, 1)[-1]), token, ends or []):
            return False
    return _full_stop_ends(token, word, spaced, rules)


def _token_before(text: str, stop: int, stats: SplitStats) -> str:
    """The word just before a full stop (at most MAX_TOKEN code points), without opening punctuation."""
    window = text[max(0, stop - MAX_TOKEN) : stop]
    if not window or window[-1].isspace():
        return ""
    token = window.rsplit(None, 1)[-1]  # splits at str.isspace characters, as a backward scan would stop
    stats.inspected += len(token)
    return token.lstrip(_TOKEN_LEAD)


def _next_word(text: str, end: int, stats: SplitStats) -> str:
    """The word after a terminator: skip white space and opening quotes, take letters/digits."""
    match = _NEXT_WORD.match(text, end)
    stats.inspected += match.end() - end
    return match.group(1)


def _split_by_helpers(text: str) -> tuple[list[tuple[int, int]], int, int]:
    """Reference: ``_is_boundary`` decides at every ``_CANDIDATE`` match (spans, candidates, characters inspected)."""
    from nato_briefs.sentences import _BLANK_LINE, _CANDIDATE, _spans

    rules, stats = load_sentence_rules(), SplitStats()
    cuts = [0, *sorted({m.start() for m in _BLANK_LINE.finditer(text)})]
    ends: list[int] = []
    for match in _CANDIDATE.finditer(text):
        stats.candidates += 1
        if _is_boundary(text, match.start(), match.end(), rules, stats, ends):
            ends.append(match.end())
    cuts += ends
    return _spans(text, sorted([*cuts, len(text)])), stats.candidates, stats.inspected


_PROSE_PIECES = st.sampled_from(
    [
        "NATO", "Allies", "agreed", "the", "The", "U.S.", "Gen.", "e.g.", "etc.", "J.", "2.5", "No.", "nato.int",
        " ", "  ", "\n", "\n\n", "\n \n", "\u00a0", ".", "..", "...", "…", "?", "!", "?!", '"', "“", "”", "’", ")",
        "(", "«", "»", "-", "—", "/", "x" * 45, "é", "Été", "٣", "_", "a.", "A.", "%", "Z",
    ]
)  # fmt: skip


@settings(max_examples=600)
@given(st.lists(_PROSE_PIECES, max_size=40).map("".join))
def test_split_equals_the_helpers_decision(text: str) -> None:
    """The one-loop splitter cuts exactly where ``_is_boundary`` does, and counts the same work."""
    stats = SplitStats()
    spans = split_sentences(text, stats=stats)
    assert (spans, stats.candidates, stats.inspected) == _split_by_helpers(text)
    assert split_sentences(text) == spans  # without stats: the same cuts


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_split_equals_the_helpers_decision_on_any_text(text: str) -> None:
    stats = SplitStats()
    spans = split_sentences(text, stats=stats)
    assert (spans, stats.candidates, stats.inspected) == _split_by_helpers(text)


def test_split_on_the_seeds_equals_the_helpers_decision() -> None:
    from nato_briefs.parse import parse_document

    root = Path(__file__).resolve().parent.parent
    paragraphs = [
        p
        for path in sorted([*(root / "raw").glob("*.txt"), *(Path(__file__).parent / "prose_corpus").glob("*.txt")])
        for section in parse_document(path.read_text(encoding="utf-8")).sections
        for p in section.text.split("\n\n")
    ]
    assert len(paragraphs) > 40
    for paragraph in paragraphs:
        assert split_sentences(paragraph) == _split_by_helpers(paragraph)[0], paragraph


# --------------------------------------------------------------------------- "No." the word and the number
# `before_number` (statement_rules.yaml): "No." / "Nos." abbreviate "number" only before a digit; before a
# capitalised word they are the word no, and a careful reader starts a new sentence there.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A: Frankly, no. We are short of frigates.", ["A: Frankly, no.", "We are short of frigates."]),
        ('"No. Our systems worked," he said.', ['"No.', 'Our systems worked," he said.']),
        ('Was it a failure? "No." The minister smiled.', ["Was it a failure?", '"No."', "The minister smiled."]),
        ("The answer was no. Ministers moved on.", ["The answer was no.", "Ministers moved on."]),
        ("No. I do not think so.", ["No.", "I do not think so."]),
        # the number: a digit follows, with or without a space
        ("Resolution No. 5 was adopted.", ["Resolution No. 5 was adopted."]),
        ("Under Order No. 5 of it, it waits.", ["Under Order No. 5 of it, it waits."]),
        ("Decisions Nos. 3 and 4 stand.", ["Decisions Nos. 3 and 4 stand."]),
        ("Paper No.41 appeared.", ["Paper No.41 appeared."]),
        ("Resolution No 5 was adopted. It binds.", ["Resolution No 5 was adopted.", "It binds."]),
        # the near misses: other abbreviations keep their own rules
        ("Gen. Smith said no.", ["Gen. Smith said no."]),
        ("See Art. 5 of the treaty.", ["See Art. 5 of the treaty."]),
        ("no. the talks went on.", ["no. the talks went on."]),
    ],
)
def test_no_is_a_number_only_before_a_digit(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_no_is_read_from_the_rules_file() -> None:
    rules = load_sentence_rules()
    assert {"no.", "nos."} <= rules.before_number and not {"no.", "nos."} & rules.never_final


_CAPITALISED = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12).map(str.capitalize)


@settings(max_examples=200)
@given(
    lead=st.sampled_from(["Frankly, no", "The answer is no", '"No', "No", "Nos", "Say no"]),
    number=st.integers(min_value=0, max_value=10**6),
    gap=st.sampled_from([" ", "", "  ", "\u00a0"]),
    word=_CAPITALISED,
)
def test_no_before_a_digit_never_ends_before_a_word_always_does(lead: str, number: int, gap: str, word: str) -> None:
    """Trap pairs: the same "No." ends nothing before any number and ends the sentence before any capitalised word."""
    assert len(_texts(f"{lead}.{gap}{number} was adopted.")) == 1
    split = _texts(f"{lead}. {word} said more.")
    assert len(split) == 2 and split[1] == f"{word} said more."
