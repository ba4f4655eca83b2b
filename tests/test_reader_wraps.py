"""Hard-wrapped lines (``rules/wraps.py``): where a wrapped line goes on in the next, each rule with its
positive and near-miss cases.
"""

from __future__ import annotations

import textwrap

from nato_briefs.parse import parse_document
from nato_briefs.reader.rules import wraps

PROSE = (
    "Allied leaders met in Brussels on Thursday to agree on the next steps for the alliance, its partners and "
    "the industry that supplies them. Ministers said the plan would be reviewed every year and reported to the "
    "North Atlantic Council, which will decide on the budget. The Secretary General welcomed the agreement."
)


def _wrapped(width: int, *blocks: str) -> str:
    """The blocks, prose wrapped at ``width`` as an e-mail client does (items and rows as given)."""
    out = []
    for block in blocks:
        out += textwrap.wrap(block, width, break_on_hyphens=False) if block == PROSE else [block]
    return "\n".join(out) + "\n"


def _item_texts(text: str) -> list[str]:
    return [item.text for item in parse_document(text).items]


def _headings(text: str) -> list[str]:
    return [section.heading for section in parse_document(text).sections if section.heading]


# -------------------------- unforced_break, longest_wrapped_line, wrapped_name_line (session 16, the seeds re-rendered)


def test_unforced_break_ends_an_item_whose_next_word_would_have_fit():
    assert wraps.next_word_fits("- Promoting resilience against hybrid threats", "A summary below:", 64)
    item = "- Promoting resilience against hybrid and asymmetric threats"  # 60 columns
    text = _wrapped(64, PROSE, "Ministers listed three steps:", "- Expanding joint exercises", item)
    text += "A summary of the strategic priorities is outlined right below:\n"
    assert _item_texts(text)[-1] == "Promoting resilience against hybrid and asymmetric threats"


def test_unforced_break_near_misses():
    assert not wraps.next_word_fits("- Promoting resilience", "Anything", None)  # a text not hard-wrapped
    item = "(1) The North Atlantic Council establishes the NATO Support and Procurement"  # 76 columns
    text = _wrapped(78, PROSE, "The decision reads:", item, "Agency as the single provider of fuel to the forces.")
    assert _item_texts(text) == [
        "The North Atlantic Council establishes the NATO Support and Procurement Agency as the single provider of "
        "fuel to the forces."
    ]  # "Agency" would have run past the width: the wrap ended the line


def test_longest_wrapped_line_is_where_the_wrap_broke():
    lines = textwrap.wrap(PROSE, 65, break_on_hyphens=False)
    assert wraps.longest_wrapped_line(lines, 62) == max(len(line) for line in lines)
    longest = max(len(line) for line in lines)
    assert wraps.longest_wrapped_line([*lines, "x" * 90], 62) == longest  # a long heading is not the wrap's


def test_wrapped_name_line_is_no_heading():
    closing = (
        "The visit of NATO Deputy Secretary General to the United States underscores the enduring partnership "
        "between the alliance and its key transatlantic ally."
    )
    text = "Closing Remarks\n" + "\n".join(textwrap.wrap(closing, 60)) + "\n" + _wrapped(60, PROSE)
    assert text.split("\n")[1] == "The visit of NATO Deputy Secretary General to the United"
    assert _headings(text) == ["Closing Remarks"]


def test_wrapped_name_line_near_misses():
    heading = "Commitment to Deepening Partnership Amid Emerging Threats"  # Title Case, small words only
    assert _headings(_wrapped(60, PROSE, heading, PROSE)) == [heading]
    # the first word below would have fit: the author ended the line, a heading over its paragraph
    assert not wraps.wrapped_name_line("The visit of NATO Chiefs to the USA", "Talks began.", 60)
    assert not wraps.wrapped_name_line("The visit of NATO Deputy Secretary General to the United", "States", None)


# --------------------------------------------------------------------------- requirement_keyword_wrap (sweep 15)


def test_requirement_keyword_wrap_joins_the_sentence():
    for line in ("MAY be different from the operand.", "MUST NOT fail when", "SHOULD signal a Bad Operand error."):
        assert wraps.opens_with_requirement(line), line
    text = "# Errors\n\nA handler that cannot resolve its operand\nSHOULD signal a Bad Operand error.\n"
    assert _headings(text) == ["Errors"]


def test_requirement_keyword_wrap_near_misses():
    for line in ("MAY 2025 REVIEW", "May be different", "MUSTER ROLL", "MUST", "OPTIONAL: a note"):
        assert not wraps.opens_with_requirement(line), line
    text = "# Plan\n\nReview Schedule\nMAY 2025 REVIEW OF THE PLAN\n"
    assert "Review Schedule" in _headings(text)  # a title over a capitals line stays a title
