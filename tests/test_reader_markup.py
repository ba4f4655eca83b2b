"""What a line's markup means (``rules/markup.py``), each rule with its positive and near-miss cases."""

from __future__ import annotations

from nato_briefs import read_article
from nato_briefs.reader.rules import markup

# -------------- lowercase_content_word: a sentence of names or a Title Case heading (session 16, the seeds re-rendered)


def test_lowercase_content_word_tells_a_sentence_of_names_from_title_case():
    assert markup.has_lowercase_content_word("The visit of NATO Deputy Secretary General to the United")


def test_lowercase_content_word_near_misses():
    assert not markup.has_lowercase_content_word("Commitment to Deepening Partnership Amid Emerging Global Threats")
    assert not markup.has_lowercase_content_word("Allies Meet with Partners from the Pacific")


# --------------------------------------------------------------------------- open_span_wrap (sweep 15)


def test_wraps_inside_span():
    assert markup.wraps_inside_span("-   [Understanding and Using the Allied", "Air Policing Handbook for Baltic")
    assert markup.wraps_inside_span("* ... with the title “Baltic Air", "Policing Roster.” If necessary, ...")
    assert markup.wraps_inside_span("Air Policing Handbook for Baltic", "Detachments](https://x.int/h.pdf)")
    text = (
        "# Sources\n\n-   [Understanding and Using the Allied\nAir Policing Handbook for Baltic\n"
        "Detachments](https://x.int/h.pdf)\n-   [Rotation Schedule](https://x.int/r.html)\n"
    )
    names = [i.text for i in read_article(text).list_items]
    handbook = "Understanding and Using the Allied Air Policing Handbook for Baltic Detachments"
    assert names == [handbook, "Rotation Schedule"]


def test_wraps_inside_span_near_misses():
    assert not markup.wraps_inside_span("- [Plans](https://x.int/p)", "Ministers met on Tuesday.")
    assert not markup.wraps_inside_span("the “Plan” stands", "Ministers met on Tuesday.")
    assert not markup.wraps_inside_span("- [A short guide](https://x.org/g)", "](y)")  # no text before "]("
    assert not markup.wraps_inside_span("- [x] done", "Next steps follow.")
    text = "# Plan\n\n- Publish the roster at [the portal](https://x.int).\nMinisters met on Tuesday.\n"
    assert [i.text for i in read_article(text).list_items] == ["Publish the roster at the portal."]
