"""The issue's hostile prose at full size through ``read_article`` (reader, normalizer, prose stage): a 1 MB
paragraph with no full stop, 100,000 abbreviations in a row, a sentence of only country names.

The unit tests of the splitter, the statement rules and the gazetteer (tests/test_sentences.py,
test_statements.py, test_countries.py, test_prose.py) bound each stage alone; these check the whole path
publishes every word and every mention, and the same files go through a run in tests/test_flow_hostile.py
(tests/hostile_corpus.py, ``prose/``). Time and memory: bench/HOSTILE.md (session 10), never asserted here.
"""

from __future__ import annotations

import pytest

from nato_briefs.api import ArticleError, read_article
from nato_briefs.config import IngestLimits
from tests.hostile_corpus import hostile_prose_texts

TEXTS = hostile_prose_texts()
pytestmark = pytest.mark.slow  # four 0.5-1 MB articles: ~25 CPU s in all


@pytest.fixture(scope="module")
def articles():
    return {name: read_article(text, f"prose/{name}.md") for name, text in TEXTS.items()}


def _all_text(article) -> str:
    sections = article.rows("sections")
    return "\n".join(f"{s['heading'] or ''}\n{s['text']}" for s in sections)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_hostile_prose_is_published_whole(articles, name: str):
    """Every word of the input is in the sections (the body under its title), none dropped on the way."""
    article, text = articles[name], TEXTS[name]
    assert len(text.encode()) >= 460_000  # the sizes, not a sample
    assert article.title == text.split("\n", 1)[0]
    assert _all_text(article).split() == text.split()


def test_a_megabyte_without_a_full_stop_is_one_section_and_at_most_one_statement(articles):
    article = articles["no_full_stop_1mb"]
    assert article.counts()["sections"] == 1  # wrapped lines of one paragraph stay one paragraph
    assert article.counts()["statements"] <= 1
    nato = [m for m in article.rows("mentions") if m["entity_id"] == "nato"]
    assert len(nato) == TEXTS["no_full_stop_1mb"].count("NATO")


def test_100k_abbreviations_are_100k_mentions_of_one_country(articles):
    mentions = articles["abbreviations_100k"].rows("mentions")
    assert len(mentions) == 100_000 and {m["entity_id"] for m in mentions} == {"USA"}
    assert articles["abbreviations_100k"].counts()["statements"] == 0


def test_a_sentence_of_only_country_names_has_every_mention(articles):
    mentions = articles["country_names_only"].rows("mentions")
    n_units = TEXTS["country_names_only"].count("Estonia")
    assert len(mentions) == 3 * n_units
    assert {m["entity_id"] for m in mentions} == {"EST", "LVA", "LTU"}
    assert [m["column"] for m in mentions[:4]] == [1, 9, 16, 26]


def test_the_same_paragraph_on_one_line_over_the_line_limit_is_line_too_long():
    """Just over ``max_line_chars`` on one line: quarantined with the documented reason, never parsed."""
    limit = IngestLimits().max_line_chars
    text = "Hostile Prose Briefing\n\n" + "NATO allies agreed " * (limit // 19 + 1) + "\n"
    with pytest.raises(ArticleError) as raised:
        read_article(text)
    assert raised.value.reason_code == "line_too_long" and f"{limit:,}" in raised.value.reason
