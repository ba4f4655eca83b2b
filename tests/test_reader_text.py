"""The text rules: no-break and zero-width spaces (nato_briefs/reader/text.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nato_briefs.reader.text import ZERO_WIDTH, clean_source, clean_text, repair_mojibake


def test_clean_source_keeps_lines_and_drops_invisible_characters():
    text = "Air\u00a0defence\u200b here\n\ufeffsecond\u2060 line\u200c\u200d\n"
    assert clean_source(text) == "Air defence here\nsecond line\n"


def test_clean_source_returns_plain_text_unchanged():
    text = "Allies met.\n- item\n"
    assert clean_source(text) is text


def test_clean_text_collapses_white_space():
    assert clean_text("  a\u00a0\u00a0b \u200b c\t") == "a b c"


@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "\u00a0", "\x0c", *ZERO_WIDTH]), max_size=60))
def test_clean_source_keeps_line_count_and_leaves_no_special_character(text):
    out = clean_source(text)
    assert out.count("\n") == text.count("\n")
    assert not set(out) & set("\u00a0\x0c" + ZERO_WIDTH)


def test_clean_source_drops_form_feeds_and_keeps_lines():
    assert clean_source("Title\n\x0c\nText.\n\x0cNext page\n") == "Title\n\nText.\nNext page\n"


def test_a_form_feed_line_separates_blocks_as_a_blank_line_does():
    from nato_briefs.parse import parse_document

    doc = parse_document("Allies Agree Plan\n\x0c\nMinisters met in Brussels.\n\x0c\n- Patrols: more\n")
    assert doc.title == "Allies Agree Plan"
    assert doc.sections[0].text == "Ministers met in Brussels." and [i.text for i in doc.items] == ["Patrols: more"]
    assert [i.line for i in doc.items] == [5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("â€¢ Air defence â€“ more systems", "• Air defence – more systems"),
     ("the Allianceâ€™s plan", "the Alliance’s plan"),
     ("Ã©tÃ©", "été"), ("Â°C", "°C"),
     # near misses: real capitals and a run whose bytes are no UTF-8 character
     ("ÂGE ET SÃO PAULO", "ÂGE ET SÃO PAULO"), ("répété» Ã", "répété» Ã"), ("plain text", "plain text"),
     # a line or paragraph separator restored is a space: the source's lines stay the lines records point into
     ("Allies â€¨met", "Allies  met"), ("aâ€©b", "a b")],
)  # fmt: skip
def test_repair_mojibake(text, expected):
    assert repair_mojibake(text) == expected


def test_mojibake_keeps_line_breaks_and_reads_bullets():
    from nato_briefs.parse import parse_document

    doc = parse_document("Key measures\nâ€¢ Air defence â€“ more systems\nâ€¢ Logistics â€“ rail\n")
    assert [item.text for item in doc.items] == ["Air defence – more systems", "Logistics – rail"]
    assert [item.line for item in doc.items] == [2, 3]


def test_a_restored_line_separator_moves_no_record():
    from nato_briefs.parse import parse_document

    doc = parse_document("Key measures\n\nAllies met.â€¨â€¨ They agreed.\n\n- Air defence\n- Logistics\n")
    assert [item.line for item in doc.items] == [5, 6]
