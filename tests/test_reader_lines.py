"""Line tests of the reader's block pass (nato_briefs/reader/lines.py): where a sentence ends, what is a title."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nato_briefs.config import ParseLimits
from nato_briefs.parse import parse_document
from nato_briefs.reader import lines
from nato_briefs.reader.lines import wrap_width

PROSE = (
    "Allied leaders met in Brussels on Thursday to agree on the next steps for the alliance, its partners and "
    "the industry that supplies them. Ministers said the plan would be reviewed every year and reported to the "
    "North Atlantic Council, which will decide on the budget. The Secretary General welcomed the agreement."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Allies pledged new air defence systems on Wednesday. 🔥", True),  # a post's closing emoji
        ("Allies met today! 🇺🇦🇺🇦", True),
        ("Allies met today. ✅️", True),  # an emoji with a variation selector
        ("Allies Pledge More Air Defence 🔥", False),  # a title ending in an emoji
        ("🇺🇦 Allies Pledge More Air Defence for Ukraine", False),
    ],
)
def test_ends_sentence_behind_closing_emoji(line, expected):
    assert lines.ends_sentence(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("अयं निर्णयः शिखरसम्मेलने स्वीकृतः।", True), ("नाटो ॥", True), ("یہ فیصلہ ہوا۔", True), ("ውሳኔው ተወስዷል።", True),
     ("Որոշումը կայացվեց։", True), ("ဆုံးဖြတ်ခဲ့သည်။", True),
     # near miss: a Devanagari heading without its danda
     ("प्रक्रियाणां दस्तावेजकरणम्", False)],
)  # fmt: skip
def test_sentence_ends_of_other_scripts(line, expected):
    """A danda (Devanagari), the Urdu, Ethiopic, Armenian and Myanmar full stops end a sentence: never a title."""
    assert lines.ends_sentence(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Allies pledged new air defence systems on Wednesday. 🔥", False),
        ("[Applause]", False),
        ("Check against delivery", False),
        ("Share this page: Facebook | X | LinkedIn | Email", False),
        ("🇺🇦 Allies Pledge More Air Defence for Ukraine", True),  # near-misses stay titles
        ("Allies Pledge More Air Defence 🔥", True),
        ("Shared Priorities", True),
    ],
)
def test_looks_like_title(line, expected):
    assert lines.looks_like_title(line, ParseLimits()) is expected


@given(st.text(alphabet="ab. 🔥)\u200d\ufe0f", max_size=40))
def test_trailing_emoji_never_changes_the_verdict_of_the_text_before_them(text):
    assert lines.ends_sentence(text + " 🔥") is lines.ends_sentence(text)


@pytest.mark.parametrize(
    ("line", "nxt", "runs"),
    [("Allied navies will step up patrols in the Baltic Sea and the North", "Atlantic, ministers agreed.", True),
     ("Troops from nine allies will train together in the south of the United", "States, officials said.", True),
     # near misses: a headline over its first sentence, a name ending the line over a sentence adverb's comma
     # under a line that ends in no name, a lower-case word after the break
     ("Allies agree to boost patrols in the Baltic Sea with help from Finland", "The plan starts now.", False),
     ("Allies agree to boost patrols in the Baltic Sea with new ships and drones", "However, some doubt it.", False),
     ("Allied navies will step up patrols in the Baltic Sea and the North", "atlantic, ministers agreed.", False)],
)  # fmt: skip
def test_name_runs_over(line, nxt, runs):
    assert lines.name_runs_over(line, nxt) is runs


def test_a_name_broken_over_the_line_end_makes_no_title():
    text = "Maritime Plan\n\nAllied navies will step up patrols in the Baltic Sea and the North\nAtlantic, they said.\n"
    assert [s.heading for s in parse_document(text).sections] == ["Maritime Plan"]
    short = "Maritime Plan\n\nPatrols in the North\nAtlantic, they said.\n"  # near miss: a short title stays one
    assert "Patrols in the North" in [s.heading for s in parse_document(short).sections]


@pytest.mark.parametrize(
    ("line", "nxt", "alone"),
    [("Source: NATO Support and Procurement Agency", "Common standards were named a priority.", True),
     ("Table 2: Spending commitments agreed at the summit", "The second line covers ports.", True),
     # near misses: a caption wrapped over two lines, one going on in lowercase, one with its full stop (the
     # sentence ends there anyway), a prose line that is no caption, a caption over a blank line or over markup
     ("Source: NATO Support and", "Procurement Agency, 2025", False),
     ("Source: NATO Support and Procurement Agency", "figures for 2025.", False),
     ("Source: NATO Support and Procurement Agency.", "Common standards were named a priority.", False),
     ("Allies agreed new targets", "Common standards were named a priority.", False),
     ("Source: NATO", "", False), (".. image:: /images/satellite.png", ":alt: A satellite", False)],
)  # fmt: skip
def test_caption_stands_alone(line, nxt, alone):
    assert lines.caption_stands_alone(line, nxt, None) is alone


def test_a_caption_under_a_table_is_no_part_of_the_sentence_below():
    """Line-oriented articles put the prose right under a table's source line: two sentences, not one."""
    table = "| Area | Focus | Outcome |\n|---|---|---|\n| Cyber | Centre | Resilience |\n"
    source = "Source: NATO Support and Procurement Agency\n"
    doc = parse_document("Priorities\n" + table + source + "Cyber was named a priority.\n")
    assert doc.sections[0].text == "Source: NATO Support and Procurement Agency\n\nCyber was named a priority."
    wrapped = parse_document("Priorities\n" + table + "Source: NATO Support and\nProcurement Agency\n")  # near miss
    assert wrapped.sections[0].text == "Source: NATO Support and Procurement Agency"


# ----------------------------------------- wrap_width: trailing blanks are no width (session 16, the seeds re-rendered)


def test_wrap_width_is_measured_without_trailing_blanks():
    lines = textwrap.wrap(PROSE, 64, break_on_hyphens=False)
    assert wrap_width([line + " \t" for line in lines]) == wrap_width(lines) is not None
