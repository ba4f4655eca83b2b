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


# --------------------------------------------------------------------------- bang_admonition (sweep 15)

ADMONITIONS = (
    'Before an incident.\n\n!!! note "Contacts"\n    Put the bridge number at the top of this page.\n\n'
    '!!!warning "Security Incident?"\n    Follow the security process instead.\n\n## Don\'t Panic!\n\nJoin the call.\n'
)


def test_mkdocs_admonition_is_no_tiddlywiki_heading():
    for line in ('!!! note "Contacts"', '!!!warning "Security Incident?"', "!!! tip", '???+ note "Steps"'):
        assert titles.is_mkdocs_admonition(line), line
    assert _headings(ADMONITIONS) == ["Don't Panic!"]
    prose = _prose(ADMONITIONS)
    assert "Put the bridge number at the top of this page." in prose and "Security Incident?" in prose
    assert 'note "Contacts"' not in prose and "!!!" not in prose


def test_mkdocs_admonition_near_misses():
    for line in ("!!! Priorities", "!! Background", "!!!Important", "! 5 killed", "!!! note about plans."):
        assert not titles.is_mkdocs_admonition(line), line
    tiddly = "! Summit\n\nAllies met.\n\n!! Priorities\n\nAir defence.\n\n!!! Outcomes\n\nA plan.\n"
    assert _headings(tiddly) == ["Summit", "Priorities", "Outcomes"]  # TiddlyWiki headings stay headings


# --------------------------------------------------------------------------- speaker_turn (sweep 15)

TURNS = (
    "# Working Group Call\n\n## Topic: Calendar\n\n"
    "ABG: The nations asked for September because of the summit.\n\nELD: No\n\n"
    "ABG: Then we keep the plan as it stands.\n\n[TVL] : I will tell the nations\n\n"
    "ABG: Thank you, that closes the topic.\n\nELD - Yes\n\nABG - Then we move on.\n"
)


def test_speaker_turn_is_no_title():
    for line in ("SFC: No", "[APP] : Any objections?", "ZBI, STA: +1", "EAO - Yes", "[EAO]: we can mark it"):
        assert titles.is_speaker_turn(line), line
    assert _headings(TURNS) == ["Working Group Call", "Topic: Calendar"]
    assert "ELD: No" in _prose(TURNS) and "[TVL] : I will tell the nations" in _prose(TURNS)


def test_speaker_turn_near_misses():
    for line in ("Status: Done", "Q: Will NATO act?", "Anna: yes", "NATO", "ABG:", "EU-US Summit"):
        assert not titles.is_speaker_turn(line), line
    headline = "# Summary\n\nNATO: Allies Agree Plan\n\nMinisters agreed the plan on Thursday in Brussels.\n"
    assert _headings(headline) == ["Summary", "NATO: Allies Agree Plan"]  # a lone turn-like line stays a title
