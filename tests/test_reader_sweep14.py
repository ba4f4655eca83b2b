"""Rules of real-world sweep 14 (bench/REALWORLD.md): security advisories, root-cause reports, minutes."""

from __future__ import annotations

from nato_briefs import read_article
from nato_briefs.reader.rules.items import is_reference_tail
from nato_briefs.reader.rules.markup import is_label_line
from nato_briefs.reader.rules.titles import spaced_field_neighbours
from nato_briefs.reader.rules.wraps import broken_before_long_word


def headings(text: str) -> list[str | None]:
    return [s.heading for s in read_article(text).sections]


def prose(text: str) -> str:
    return "\n".join(s.text for s in read_article(text).sections)


def items(text: str) -> list[str]:
    return [i.text for i in read_article(text).list_items]


# question_label ------------------------------------------------------------------------------------------
def test_a_bold_question_with_its_answer_on_the_line_is_a_labelled_answer():
    assert is_label_line("**Is the exploit method known?** Yes")
    assert is_label_line("**Access to the exploit sample?** No")
    text = "# Review\n\nIntro.\n\n**Is the exploit method known?** Yes\n\nThe patch shipped in May.\n"
    assert headings(text) == ["Review"]
    assert "Is the exploit method known? Yes" in prose(text)


def test_a_bold_question_alone_or_without_its_mark_stays_a_title():
    assert not is_label_line("**Is the exploit method known?**")  # a whole-line bold title
    assert not is_label_line("**Why NATO** Matters")  # no question mark, no colon: not a label
    text = "# Review\n\nIntro.\n\n**Is the exploit method known?**\n\nYes, since 2019.\n"
    assert headings(text) == ["Review", "Is the exploit method known?"]


# spaced_field_run ----------------------------------------------------------------------------------------
ADVISORY = [
    "This flaw does not affect the client.",
    "",
    "CWE-613: Insufficient Session Expiration",
    "",
    "Severity: Medium",
    "",
    "AFFECTED VERSIONS",
    "-----------------",
    "",
    "Gateway 4.2.0 to 4.6.1 are affected.",
]


def test_fields_a_blank_line_apart_are_a_run_of_metadata():
    assert spaced_field_neighbours(ADVISORY, 2) == ("This flaw does not affect the client.", "Severity: Medium")
    assert spaced_field_neighbours(ADVISORY, 4) == ("CWE-613: Insufficient Session Expiration", "AFFECTED VERSIONS")
    text = "# Advisory\n\n" + "\n".join(ADVISORY) + "\n"
    assert headings(text) == ["Advisory", "AFFECTED VERSIONS"]
    assert "CWE-613: Insufficient Session Expiration" in prose(text) and "Severity: Medium" in prose(text)


def test_one_field_line_or_fields_two_blanks_apart_keep_the_title_rule():
    assert spaced_field_neighbours(["Ukraine: Allies Pledge More Aid", "", "", "Brussels: NATO"], 0) == ("", "")
    text = "# Briefing\n\nUkraine: Allies Pledge More Aid\n\nDefence ministers agreed a package of air defence.\n"
    assert headings(text) == ["Briefing", "Ukraine: Allies Pledge More Aid"]  # the field's neighbour is a sentence


# item_reference_tail -------------------------------------------------------------------------------------
def test_an_issue_reference_under_an_item_goes_on_with_it():
    assert is_reference_tail("[#1037](https://github.com/example/wg/issues/1037)")
    assert is_reference_tail("#1037 and #1040")
    text = "## Agenda\n\n* Audit build process for dependencies\n[#1037](https://x.org/1037)\n* Permission model\n"
    assert items(text) == ["Audit build process for dependencies #1037", "Permission model"]
    assert "#1037" not in prose(text)


def test_a_hash_word_or_a_heading_under_an_item_is_no_reference():
    assert not is_reference_tail("#1 priority for the Alliance")
    assert not is_reference_tail("# 1037 Summary")
    assert not is_reference_tail("[Report 1037](https://x.org/1037)")
    text = "## Agenda\n\n* Audit build process for dependencies\n[Read the report](https://x.org/r) first.\n"
    assert items(text) == ["Audit build process for dependencies"]


# long_word_wrap ------------------------------------------------------------------------------------------
LINK = "[NCIA-2024-0042](https://www.ncia.example.int/advisories/NCIA-2024-0042.html) and"


def test_a_line_broken_before_a_link_too_long_to_fit_runs_on():
    assert broken_before_long_word("This issue is similar to both the earlier issues", LINK, 80)
    text = (
        "# Advisory\n\nThe gateway kept the old proxy credentials when told to clear them, and used\n"
        "them again for later transfers that should neither know nor use them at all.\n\n"
        "This issue is similar to both the earlier issues\n" + LINK + "\nthe one of May.\n\n"
        "It became a separate advisory because the fix for those two did not cover\n"
        "the clearing of credentials, which the review of the patch had missed.\n"
    )
    assert headings(text) == ["Advisory"]


def test_a_short_or_title_case_line_over_a_long_link_stays_a_title():
    assert not broken_before_long_word("Key documents", LINK, 80)  # two words: a label
    assert not broken_before_long_word("Reports of the North Atlantic Council on Readiness", LINK, 80)  # Title Case
    assert not broken_before_long_word("This issue is similar to both the earlier issues", "[A](x) and", 80)  # fits
    assert not broken_before_long_word("This issue is similar to both the earlier issues", LINK, None)  # no wrap
