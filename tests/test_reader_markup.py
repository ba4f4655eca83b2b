"""What a line's markup means (``rules/markup.py``), each rule with its positive and near-miss cases."""

from __future__ import annotations

from nato_briefs.reader.rules import markup

# -------------- lowercase_content_word: a sentence of names or a Title Case heading (session 16, the seeds re-rendered)


def test_lowercase_content_word_tells_a_sentence_of_names_from_title_case():
    assert markup.has_lowercase_content_word("The visit of NATO Deputy Secretary General to the United")


def test_lowercase_content_word_near_misses():
    assert not markup.has_lowercase_content_word("Commitment to Deepening Partnership Amid Emerging Global Threats")
    assert not markup.has_lowercase_content_word("Allies Meet with Partners from the Pacific")
