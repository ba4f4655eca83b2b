"""Statement rules cost linear work on hostile sentences (session 20, hostile round 3): counted, not timed.

``bench/rule_probe.py`` times every pattern of statement_rules.yaml on sentences made of its own literals; the
patterns it found growing faster than the text, or costing ~100 steps a character, are checked here by
``tests/counted_regex.steps`` (the nodes a backtracking matcher visits, in ``re``'s order of trial) at n and 4n.
Each test fails on the rule as it was before session 20.
"""

from __future__ import annotations

import re

import pytest

from nato_briefs.statements import load_statement_rules
from tests.counted_regex import matches, steps

LINEAR = 5.0  # x4 of text may cost at most x5 of steps (a quadratic pattern gives x9-x16 at these sizes)
N = 100


def rule(cue: str) -> re.Pattern[str]:
    found = [r.pattern for _, r in load_statement_rules().ordered if r.cue == cue]
    assert len(found) == 1, cue
    return found[0]


def forms(pattern: re.Pattern[str]) -> list[re.Pattern[str]]:
    """The pattern and the twin ``classify`` searches an ASCII sentence with (it inherits the pattern's shape)."""
    from nato_briefs.regexes import Twins

    return [pattern, Twins(pattern).fast]


CLAUSE_BREAK = "clause_break"
FUTURE_MEETING = "future meeting, visit or press event"
EXPERT_VIEW = "an analyst's or expert's view (commentary)"

# (what is checked, the rule, a hostile sentence of about n characters)
GROWTH = {
    "a run of spaces before no `since`": (CLAUSE_BREAK, lambda n: "x" + " " * n + "x"),
    "`, which has since since ...` then a comma": (
        CLAUSE_BREAK,
        lambda n: ", which has " + "since " * (n // 6) + "x, y",
    ),
    "a hyphen chain before no `is set to arrive`": (FUTURE_MEETING, lambda n: "a-" * (n // 2) + " will"),
}


def _pattern(name: str) -> re.Pattern[str]:
    return load_statement_rules().clause_break if name == CLAUSE_BREAK else rule(name)


@pytest.mark.parametrize("case", list(GROWTH))
def test_hostile_sentences_cost_linear_steps(case):
    name, sentence = GROWTH[case]
    for form in forms(_pattern(name)) if name != CLAUSE_BREAK else [_pattern(name)]:
        small, large = steps(form, sentence(N)), steps(form, sentence(4 * N))
        assert large <= LINEAR * small, (case, small, large)


def test_a_run_of_non_word_characters_is_read_once_before_an_experts_view():
    """`^\\W*` over 2,000 commas gave each split to a 60-character lazy scan: ~700 steps a character, 34 ms a
    sentence (x1,000 the possessive form). Now a few steps a character."""
    sentence = ", " * 200 + "experts"
    for form in forms(rule(EXPERT_VIEW)):
        assert steps(form, sentence) <= 5 * len(sentence)


# Rules that opened `^\W*(?:[^,;:]{0,60},\s*)?` or `^\W*` then a lazy scan: `\W*` gave each split of a leading run
# of non-word characters to that scan (or to the 60-character one of the optional clause). Steps on 400
# characters before (main at 45b9534) -> after: spaces / commas. `\W*+` where what follows must start at a word;
# the two rules whose words may start with a hyphen read `(?:\W*+(?:...,\s*)?|\W*)` (the same first match).
OPENINGS = {
    "a past event (a sentence opening In 2022": 40,  # 99,148 -> 3,269
    "Microsoft and Google said they would": 5,  # 120,312 -> 907
    "such visits will remain important": 5,  # 221,690 -> 814
    "The EU and NATO signed their joint declaration": 5,  # 137,714 -> 829
    "a force or programme will (do)": 150,  # 134,709 -> 45,037
    "divers / sappers will": 200,  # 169,891 -> 56,761
}
OPENING_RUNS = {"spaces": " " * 400 + "x", "commas": ", " * 200 + "x"}


@pytest.mark.parametrize("cue", list(OPENINGS))
def test_a_leading_run_of_non_word_characters_is_split_once(cue):
    """Bounded steps a character on a run of spaces or commas (the old openings cost 150-550)."""
    found = [r.pattern for _, r in load_statement_rules().ordered if r.cue.startswith(cue)]
    assert len(found) == 1, cue
    for name, sentence in OPENING_RUNS.items():
        assert steps(found[0], sentence) <= OPENINGS[cue] * len(sentence), (cue, name)


SAMPLES = [
    "Analysts said the plan was late.",
    ", , experts said the plan was late",
    "— , Experts at the institute argued that Allies must spend more.",
    "Tokyo will send two more cyber experts to the centre, a Japanese official told reporters.",
    "The summit will take place in July.",
    "Two frigates are set to arrive next week.",
    "The anti-drone systems are expected to arrive in May.",
    "Allies met, which has since grown, and agreed.",
    "NATO met, which has grown since 2014 into a forum",
    "It has grown  since the alliance was founded in 1949.",
    "Leaders met; and they agreed",
    "a-" * 40 + "b are set to arrive",
]


@pytest.mark.parametrize("name", [CLAUSE_BREAK, FUTURE_MEETING, EXPERT_VIEW])
def test_the_counting_matcher_finds_what_re_finds(name):
    """Its counts stand for ``re``'s only if it matches as ``re`` does: same verdict on every sample."""
    pattern = _pattern(name)
    for sentence in SAMPLES + [build(N) for build in (g[1] for g in GROWTH.values())]:
        assert matches(pattern, sentence) == (pattern.search(sentence) is not None), sentence
