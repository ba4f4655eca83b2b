"""Heading rules of ``rules/titles.py``: a setext underline of autocorrected dashes, a heading framed by
hyphens, a title underlined with tildes no fence closes; each rule with its positive and near-miss cases.
Found by tests/shapes_corpus/741-765 (session 17, shapes16) and 816-835 (shapes19).
"""

from __future__ import annotations

import nato_briefs
from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import titles


def _parsed_headings(text: str) -> list[str]:
    return [s.heading for s in parse_document(text).sections if s.heading is not None]


def _article(text: str, name: str = "x.txt"):
    return nato_briefs.read_article(text.encode(), source_path=name)


def _headings(text: str) -> list[str]:
    return [s.heading for s in _article(text).sections if s.heading is not None]


def _prose(text: str) -> str:
    return "\n".join(s.text for s in _article(text).sections)


# --------------------------------------------------------------------------- dash_underline


def test_dash_underline_makes_a_setext_heading():
    text = "# Allies Agree Plan\n\nText.\n\nSteps agreed by the ministers on Thursday\n\u2014\u2014\u2014\u2014\n\n"
    text += "- Corridors: a map\n"
    assert _parsed_headings(text) == ["Allies Agree Plan", "Steps agreed by the ministers on Thursday"]
    assert titles.dash_underline("\u2013\u2013\u2013", "Priorities for mobility", "")


def test_dash_underline_near_misses():
    assert not titles.dash_underline("\u2014\u2014\u2014", "Ministers agreed the plan.", "")  # a sentence
    assert not titles.dash_underline("\u2014\u2014\u2014", "the plan in detail", "Ministers met")  # a paragraph
    assert not titles.dash_underline("\u2014\u2014\u2014", "- Corridors: a map", "")  # an item
    assert not titles.dash_underline("\u2014 Air defence", "Priorities", "")  # a dash bullet, no underline
    text = "# Allies Agree Plan\n\nMinisters agreed the plan on Thursday.\n\u2014\u2014\u2014\n\nText.\n"
    assert _parsed_headings(text) == ["Allies Agree Plan"]


# --------------------------------------------------------------------------- framed_heading

BODY = "Allies met on Tuesday.\n{}\nThe meeting agreed three steps.\n"


def test_framed_heading():
    assert titles.framed_heading("--- Focused Discussions ---") == (2, "Focused Discussions")
    assert _headings("Summit Opens\n" + BODY.format("--- Focused Discussions ---"))[-1] == "Focused Discussions"


def test_framed_heading_near_misses():
    for line in ("------", "--- 8< ---", "-- Jane", "--- Allies --- agree", "---- Original Message ----"):
        assert titles.framed_heading(line) is None, line
    assert titles.framed_heading("--- Priorities ----") is None  # unequal sides
    lotus = "----- Forwarded by Anna Kowalska/PL/NATO on 05/06/2025 11:02 -----"
    assert titles.framed_heading(lotus) is None  # a mail client's banner


# --------------------------------------------------------------------------- unclosed_tilde_underline


def test_unclosed_tilde_underline_is_a_heading():
    text = "Summit Opens\nAllies met.\nStrategic Recommendations\n~~~~~~~~~~~~~~~~~~~~~~~~~\nTo fortify the work.\n"
    assert "Strategic Recommendations" in _headings(text)
    assert "To fortify the work." in _prose(text)


def test_unclosed_tilde_underline_near_misses():
    assert not titles.unclosed_tilde_underline("~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~", "Strategic")  # longer
    assert not titles.unclosed_tilde_underline("~~~~~~~~~~", "| Area | Focus |")  # under a table row
    # closed further down: a code fence, its text code (no prose)
    text = "Summit Opens\nAllies met.\nSample code\n~~~~~~~~~~~\nx = 1\n~~~~~~~~~~~\nEnd of the note.\n"
    assert "x = 1" not in _prose(text)
