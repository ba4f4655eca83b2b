"""Hard-wrapped lines (``rules/wraps.py``): where a wrapped line goes on in the next, each rule with its
positive and near-miss cases.
"""

from __future__ import annotations

import textwrap

import pytest

from nato_briefs import read_article
from nato_briefs.parse import parse_document
from nato_briefs.reader import rules
from nato_briefs.reader.rules import extracted, wraps
from nato_briefs.reader.rules.wraps import broken_before_long_word, wrapped_title
from tests.reading import md_headings


def _article_headings(text: str) -> list[str | None]:
    return [s.heading for s in read_article(text).sections]


LINK = "[NCIA-2024-0042](https://www.ncia.example.int/advisories/NCIA-2024-0042.html) and"


HEAD = "NATO Allies Agree to Strengthen Partnerships with Jordan,"


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


# --------------------------------------------------------------------------- long_word_wrap (sweep 14)


def test_a_line_broken_before_a_link_too_long_to_fit_runs_on():
    assert broken_before_long_word("This issue is similar to both the earlier issues", LINK, 80)
    text = (
        "# Advisory\n\nThe gateway kept the old proxy credentials when told to clear them, and used\n"
        "them again for later transfers that should neither know nor use them at all.\n\n"
        "This issue is similar to both the earlier issues\n" + LINK + "\nthe one of May.\n\n"
        "It became a separate advisory because the fix for those two did not cover\n"
        "the clearing of credentials, which the review of the patch had missed.\n"
    )
    assert _article_headings(text) == ["Advisory"]


def test_a_short_or_title_case_line_over_a_long_link_stays_a_title():
    assert not broken_before_long_word("Key documents", LINK, 80)  # two words: a label
    assert not broken_before_long_word("Reports of the North Atlantic Council on Readiness", LINK, 80)  # Title Case
    assert not broken_before_long_word("This issue is similar to both the earlier issues", "[A](x) and", 80)  # fits
    assert not broken_before_long_word("This issue is similar to both the earlier issues", LINK, None)  # no wrap


# ------------------------------------------- wrapped_title (shapes21) and its document-wide reading (shapes20b)


def test_wrapped_title_joins_a_title_cut_at_a_comma_or_a_function_word():
    assert wrapped_title(HEAD, "Mauritania and Tunisia", False) == f"{HEAD} Mauritania and Tunisia"
    upper = "Next Steps for the Alliance Ahead of the Summit in"
    assert wrapped_title(upper, "The Hague", True) == f"{upper} The Hague"


def test_wrapped_title_near_misses():
    assert wrapped_title("Jane Smith,", "Defence Correspondent", False) is None  # too short for a wrap
    assert wrapped_title("NATO Summit 2025 Opens in The Hague With Leaders", "Allies Agree Targets", False) is None
    assert wrapped_title(HEAD, "and partners in the south", False) is None  # lowercase: prose runs on
    assert wrapped_title(HEAD, "  Mauritania and Tunisia", False) is None  # indented: a continuation block
    sentence = "The Allies said that they would work closely with Jordan,"  # sentence case: prose
    assert wrapped_title(sentence, "Mauritania And Tunisia", False) is None


def test_a_headline_wrapped_over_two_lines_is_one_title_and_a_wrapped_sentence_stays_prose():
    text = f"{HEAD}\nMauritania and Tunisia in the South\n\nAllies met in Brussels on Tuesday.\n"
    assert md_headings(text, "x.txt") == [f"{HEAD} Mauritania and Tunisia in the South"]
    prose = "Allies met in Brussels on Tuesday and agreed to work with Jordan,\nMauritania and Tunisia.\n\nMore.\n"
    assert md_headings(prose, "x.txt") == []


def test_wrapped_title_read_over_a_hard_wrapped_document_needs_one_cut_title():
    wrapped = "The ministers met in Brussels on Tuesday to agree the steps set out below, and they"
    short = ["Summit Talks in", "The Hague", "", wrapped, "", "Allies Agree New Steps to Strengthen"]
    short += ["Transatlantic Cooperation", "", wrapped]
    lines = list(short)  # "Summit Talks in" ends mid-phrase but is no wrapped line (too short): a title over a subtitle
    extracted.wrapped_heading_lines(lines, lambda line: line.endswith(" in"))
    assert lines == short
    cut = ["Next Steps for the Alliance Ahead of the Summit in", "The Hague", *short[2:]]
    lines = list(cut)  # one cut title: every two-line Title Case block of the document is one heading
    extracted.wrapped_heading_lines(lines, lambda line: line.endswith(" in"))
    assert lines[0] == "Next Steps for the Alliance Ahead of the Summit in The Hague" and lines[1] == ""
    assert lines[5] == "Allies Agree New Steps to Strengthen Transatlantic Cooperation" and lines[6] == ""
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


# --------------------------------------------------------------- narrow_wrapped_title (session 19, shapes23)


def test_narrow_wrapped_title_ending_mid_phrase():
    text = "NATO Allies Agree Priorities for\nChemical and Nuclear Defence\n\nNATO Allies agreed on\nFriday to act.\n"
    assert _headings(text) == ["NATO Allies Agree Priorities for Chemical and Nuclear Defence"]
    assert wrapped_title("NATO Allies Agree Plan for", "Chemical Defence", True) == (
        "NATO Allies Agree Plan for Chemical Defence"
    )


def test_narrow_wrapped_title_near_misses():
    assert wrapped_title("Jane Smith,", "Defence Correspondent", False) is None  # a byline: a short line, a comma
    assert wrapped_title("Allies Plan for", "Chemical Defence", True) is None  # shorter than any wrapped line
    assert wrapped_title("NATO Allies Agree Priorities", "Chemical Defence", False) is None  # ends as a title may


# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
_WRAPPED = "NATO data link for fighters, ships and ground stations, allowing allies to avoid"


@pytest.mark.parametrize(
    ("line", "nxt", "expected"),
    [("The tracker now supports pre-building force pictures using Link 16, a common", _WRAPPED, True),
     # near misses: a Title Case headline, a finished sentence below, a short title, a much longer line below
     ("NATO Allies Agree New Targets for Air and Missile Defence in Brussels", _WRAPPED, False),
     ("The tracker now supports pre-building force pictures using Link 16, a common", _WRAPPED + ".", False),
     ("Allies agree new targets", _WRAPPED, False),
     ("The tracker now supports pre-building force pictures", _WRAPPED, False)],
)  # fmt: skip
def test_wraps_with_next(line, nxt, expected):
    assert rules.wraps_with_next(line, nxt) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Die Unfallkasse Post und Telekom und die Berufsgenossenschaft für", True), ("Der", True),
     ("Dieses Gesetz sowie", True), ("le rapport annuel de la", True), ("Оборона и", True),
     ("Für die genannten Angelegenheiten kann die", True),
     # near misses: the word capitalised in a title, not last, or an English word ("Die", "MIT")
     ("Research at MIT", False), ("Why Democracies Die", False), ("Tour de France", False),
     ("Der Spiegel", False), ("Allies Und", False)],
)  # fmt: skip
def test_ends_on_function_word(text, expected):
    assert wraps.ends_on_function_word(text) is expected


_ITEM_LINE = "(1) The North Atlantic Council establishes the NATO Support and Procurement"


@pytest.mark.parametrize(
    ("prev", "width", "expected"),
    [(_ITEM_LINE, 74, True), ("- Reducing the release cadence. While this wasn't the only reason for having", 76, True),
     # near misses: a document not hard-wrapped, a short line, a finished sentence, a long link target
     (_ITEM_LINE, None, False), ("(1) The Council meets.", 74, False), (_ITEM_LINE + ".", 74, False),
     ("- [Structured Logging](https://git.k8s.io/enhancements/keps/sig-instrumentation/1602-log) v1.23", 74, False)],
)  # fmt: skip
def test_wraps_at_width(prev, width, expected):
    assert wraps.wraps_at_width(prev, width) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Der Haushaltsplan der Berufsgenossenschaft Verkehrswirtschaft Post-", True), ("Allies agreed a long-", True),
     # near misses: a dash set apart, a lone dash, a hyphen after a digit, no hyphen
     ("Allies -", False), ("-", False), ("Agenda 2030-", False), ("Post-Logistik", False)],
)  # fmt: skip
def test_ends_in_word_hyphen(text, expected):
    assert wraps.ends_in_word_hyphen(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Telekommunikation hat Dienstherrnfähigkeit. Die Beamtinnen und Beamten", True),
     ("RJE: July 24-56 in Redmond. Register early", True), ("Оборона обороны. Министры", True),
     # near misses: abbreviations and numbers before the stop, a question in a title, no stop
     ("U.S. Army Europe", False), ("Dr. Smith Visits", False), ("Capt. Jones Speaks", False),
     ("No. 5 Squadron", False), ("Why? Because", False), ("NATO Summit 2025", False)],
)  # fmt: skip
def test_has_sentence_break(text, expected):
    assert wraps.has_sentence_break(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("але розглянемо її пізніше, оскільки", True), ("сначала проверим, который", True),
     ("سنستعمل النموذج `supply` الذي", True), ("نعمل في", True),
     # near misses: the word inside the line, a Ukrainian title, an Arabic title ending on a noun
     ("оскільки план простіший", False), ("Логістика Альянсу", False), ("التخطيط العسكري", False)],
)  # fmt: skip
def test_other_language_conjunctions_run_on(text, expected):
    assert wraps.ends_on_function_word(text) is expected


def test_dutch_line_end_runs_on():
    assert wraps.ends_on_function_word("Het plan is gebouwd bovenop het")
    assert wraps.ends_on_function_word("De planners werken met satellietbeelden en")
    # near misses: English words left out of the Dutch list, a capitalised name
    assert not wraps.ends_on_function_word("The war is over")
    assert not wraps.ends_on_function_word("Allied Maritime Command Het")


# --------------------------------------------------------------------------- scribe_continuation (sweep 16)

SCRIBE_MINUTES = (
    "# Working Group Call\n\n### Proofreader API\n\n"
    "Kenji: this is now behind a flag in a developer trial\n\n"
    "... if the quality is good we want to run a trial with the national teams\n\n"
    "... feedback is very welcome\n\nDomenic: I feel like leaving this option out is better\n\n"
    "... a partner wanted to display a character counter\n\nAnssi: thanks, we will look at it next week.\n"
)


def test_scribe_continuation_runs_on():
    assert wraps.opens_scribe_continuation("... feedback is very welcome")
    assert wraps.opens_scribe_continuation("… if the quality is good")
    assert md_headings(SCRIBE_MINUTES) == ["Working Group Call", "Proofreader API"]


def test_scribe_continuation_near_misses():
    for below in ("...", "....", "…and then the Allies agreed", "...and more", "Feedback is welcome"):
        assert not wraps.opens_scribe_continuation(below), below
    titled = "# Summit\n\nAllied Air Policing\n\nThe Allies flew 300 sorties.\n"
    assert md_headings(titled) == ["Summit", "Allied Air Policing"]


# --------------------------------------------------------------------------- headline_over_wrap (session 23, readerfix)
HEADLINE = "Allies agree to strengthen air defence on the eastern flank"  # 59 columns, sentence case
LEAD = (
    "NATO defence ministers agreed on Thursday to strengthen air and missile defence along the eastern flank, with "
    "new batteries in Poland and Romania and more jets on alert in the Baltic states."
)


def _no_blank(width: int) -> str:
    return "\n".join([HEADLINE, *textwrap.wrap(LEAD, width), "Priorities", "- Sky Shield: joint buying"]) + "\n"


def test_headline_over_wrap():
    below = textwrap.wrap(LEAD, 73)[0]
    assert wraps.headline_over_wrap(HEADLINE, below, 73, 73)
    assert wraps.headline_over_wrap(HEADLINE, below, 73, 90)  # a longer title or row elsewhere: the typical width
    assert rules.RULES["headline_over_wrap"] is wraps.headline_over_wrap
    assert _headings(_no_blank(73)) == [HEADLINE, "Priorities"]


def test_headline_over_wrap_near_misses():
    below = textwrap.wrap(LEAD, 73)[0]
    assert not wraps.headline_over_wrap(HEADLINE, below, None, None)  # a text not hard-wrapped
    assert not wraps.headline_over_wrap(HEADLINE, "NATO defence ministers agreed.", 73, 73)  # a short line below
    ends = "NATO defence ministers agreed on Thursday to strengthen their air defence."  # 74: ends its sentence
    assert not wraps.headline_over_wrap(HEADLINE, ends, 73, 73)
    assert not wraps.headline_over_wrap(HEADLINE, "  " + below, 73, 73)  # an indented line below
    assert not wraps.headline_over_wrap(HEADLINE, "Ministerially agreed on Thursday", 60, 60)  # would not have fit
    # wrapped at 60, the 59-column line is one the next word ("NATO") would have pushed past the width: wrapped
    assert _headings(_no_blank(60)) == ["Priorities"]
    # a sentence-case line ending mid-phrase stays the paragraph's
    mid = "\n".join(["Allies agree to strengthen air defence on the eastern flank of", *textwrap.wrap(LEAD, 73)])
    assert _headings(mid + "\n") == []
