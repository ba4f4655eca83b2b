"""bench/fuzz.py's inputs: every mutation builds text, the same for the same seed, and rule triggers in every shape."""

from __future__ import annotations

import random

import pytest

from bench import fuzz
from nato_briefs.api import read_article

ARTICLE = "Allied Briefing\n\nMinisters agreed on the plan.\n\n| Area | Focus |\n|---|---|\n| Cyber | Sharing |\n"
ARTICLE += "- Zoë\n"


@pytest.mark.parametrize("name", sorted(fuzz.MUTATIONS))
def test_each_mutation_builds_the_same_text_from_the_same_seed(name):
    first = fuzz.MUTATIONS[name](ARTICLE, ARTICLE, random.Random(7), 64)
    again = fuzz.MUTATIONS[name](ARTICLE, ARTICLE, random.Random(7), 64)
    assert isinstance(first, str) and first == again
    assert fuzz._as_bytes(first)  # any byte string: escaped bytes travel as U+DC80..U+DCFF


def test_groups_name_mutations_and_an_input_is_rebuilt_from_its_seed_and_index():
    assert set(fuzz.mutation_names(["round2"])) <= set(fuzz.MUTATIONS)
    assert fuzz.mutation_names(["html", "reencode"]) == sorted({*fuzz.GROUPS["html"], "reencode"})
    articles = [ARTICLE, ARTICLE.upper()]
    names = fuzz.mutation_names(["round2"])
    assert fuzz.build(15, 3, articles, names) == fuzz.build(15, 3, articles, names)


@pytest.mark.parametrize("shape", fuzz.TRIGGER_SHAPES)
def test_every_trigger_builds_in_every_shape(shape):
    assert not set(fuzz.TRIGGERS) & set(fuzz.TRIGGERS_ROUND3)  # round 3's kept apart: round 2's seeds rebuild
    for trigger in fuzz.ALL_TRIGGERS:
        block = fuzz.trigger_block(trigger, shape, 10)
        assert fuzz.ALL_TRIGGERS[trigger][0].split("\n")[0] in block, (trigger, shape)


def test_reencoded_bytes_travel_as_text_and_back():
    forms = set()
    for seed in range(20):
        text = fuzz.reencode(ARTICLE, ARTICLE, random.Random(seed), 64)
        assert fuzz._as_text(fuzz._as_bytes(text)) == text
        forms.add(fuzz._as_bytes(text))
    assert len(forms) > 5  # cp1252, UTF-16/32 with and without BOMs, a BOM doubled ...


def test_a_well_read_article_has_no_misplaced_record():
    data = ARTICLE.encode()
    assert fuzz.misplaced_record(read_article(data), data) == ""
