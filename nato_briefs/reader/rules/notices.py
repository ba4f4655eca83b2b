"""Shapes of notices, forms and proposals (real-world sweep 11, bench/REALWORLD.md).

Legal notices filed through a web form (GitHub's DMCA and government takedown notices), RFC and
design-proposal collections written from a template, meeting agendas, a newsroom's blog posts and
docs translated into Chinese: each writes some lines in a shape its renderer shows plainly and a
line-oriented reader takes for a title. Each rule here says how such a line reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.reader.rules.docs_sites import heads_nothing
from nato_briefs.reader.rules.items import match_item
from nato_briefs.reader.rules.markup import is_title_case, opens_mid_sentence, strip_heading_attributes
from nato_briefs.reader.rules.posts import HARD_BREAK_END
from nato_briefs.reader.rules.titles import CLAUSE_COMMAS, MAX_UNSPACED_TITLE_CHARS, POST_DATE

# Fewest keys written as words (``feature name``, ``rfc pr``) that make a template's header on their own.
MIN_SPACED_KEYS = 2


def names_fields(one_word: Sequence[bool]) -> bool:
    """Front matter whose keys name metadata fields, by which of them are one word (``spaced_key_template``).

    ``one_word`` says, key by key, whether it is a one-word field name (``author``, ``date``); the
    others are lowercase names of two or three words. A one-word key among them marks metadata. An RFC
    collection's template has none: every proposal opens with ``feature name:``, ``start date:``,
    ``rfc pr:`` and ``related issue:`` between ``---`` lines (aws-cdk-rfcs), which its site reads as
    metadata. One spaced key alone (``key outcome: more troops`` between rules) may be a heading's
    text; two or more, a ``key: value`` a line, are a template's fields.
    """
    return any(one_word) or len(one_word) >= MIN_SPACED_KEYS


# A question's or label's end, its closing emphasis, then markdown's two-space hard break.
_ANSWER_BREAK = re.compile("[?:？：]" + HARD_BREAK_END)


def breaks_before_answer(line: str) -> bool:
    """A bold question or label ends the line with a hard break: its answer is the next line (``question_break``).

    A web form's submission, as GitHub publishes its DMCA notices and an RFC's PR/FAQ is written:
    ``**Have you searched for copies of the plan?**␣␣`` over ``We have not searched``. The question is
    finished, so a lowercase answer (``the plan is released under no licence``) does not continue its
    sentence: the bold line stays a heading. (Under any whole-line bold line closed by a hard break, the
    segmenter reads the next line as its text, never a title: the break keeps both in one paragraph.)
    """
    return line[-2:] == "  " and _ANSWER_BREAK.search(line) is not None


def answers_question(above: str, below: str) -> bool:
    """A line alone between a question heading and the next heading is the question's answer (``lone_answer``).

    A form's submission written as ``**Does your claim involve content on GitHub?**`` / blank / ``GitHub`` /
    blank / ``**Please describe ...?**`` (GitHub's DMCA notices), or a KEP's ``###### Are there any tests?``
    over ``Not yet``: ``above`` is the first text line above, a heading (ATX or whole-line bold) ending in a
    question mark; ``below`` the first one below, a heading or a container's end (``heads_nothing``) or
    another whole-line bold line. The line is the question's answer, never a title over an empty section.
    A line over text, or under a heading that asks nothing, is left to the title rules.
    """
    return is_question_heading(above) and (heads_nothing(below) or _is_bold_line(below))


def _is_bold_line(line: str) -> bool:
    body = line.strip(" \t")
    return len(body) > 4 and body[:2] in ("**", "__") and body.rstrip(":")[-2:] == body[:2]


def is_question_heading(line: str) -> bool:
    """``###### Are there any tests?``, ``**Does it involve GitHub?**``: an ATX or whole-line bold heading that asks."""
    body = line.strip(" \t")
    if body[:1] == "#":
        text = body.lstrip("#")
        return text[:1] in (" ", "\t") and text.rstrip(" \t#")[-1:] in ("?", "？")
    return _is_bold_line(body) and body.rstrip(":*_")[-1:] in ("?", "？")


# Words that open a subordinate clause: the sentence's main clause comes after the comma.
CLAUSE_OPENERS = frozenset(
    "after although as because before if once since though unless until upon when whenever where whereas "
    "while following".split()
)
# Fewest words of a line read as a clause and its subject: "Before disabling any content, GitHub".
MIN_CLAUSE_LINE_WORDS = 6


def runs_into_items(line: str, nxt: str) -> bool:
    """A clause and its subject over items that carry the verbs: one sentence (``clause_into_items``).

    ``Before disabling any content in relation to this takedown notice, GitHub`` over ``- contacted
    the owners ...`` and ``- provided information ...``: the line opens with a subordinate clause, its
    comma, then the main clause's subject; the item right below (``nxt``) goes on as the rest of a
    sentence (lowercase). The line is the sentence's start, never a title. A Title Case line, a line
    opening otherwise (``Deterrence, defence and resilience``) or an item opening with a capital leave
    the title.
    """
    words = line.split()
    if len(words) < MIN_CLAUSE_LINE_WORDS or words[0].lower() not in CLAUSE_OPENERS or ", " not in line:
        return False
    marker = match_item(nxt)
    return marker is not None and not is_title_case(line) and opens_mid_sentence(nxt[marker.content :])


# A date opening the line (behind emphasis), then a byline's separator and a name: "March 18, 2026 · AWS CDK Team".
_DATE_FIRST_BYLINE = re.compile(rf"[ \t*_]{{0,4}}+(?:{POST_DATE})[ \t]++[·|•][ \t]++\S")


def is_date_first_byline(text: str) -> bool:
    """``March 18, 2026 · AWS CDK Team``, ``12 June 2025 | NATO Press Office``: a post's date and author.

    Blogs print the date first, a middle dot or a bar, then the author or the reading time, under the
    headline (``date_first_byline``): never a title. A dash after the date may open a dated headline
    (``12 June 2025 – Ministers meet``) and is left to the title rules.
    """
    return _DATE_FIRST_BYLINE.match(text) is not None


# A release's dateline opening with its date, its place and issuer after spaced dashes or bars: "December 1, 2026 –
# Ottawa, Ontario – National Defence" (Canada.ca), "1 December 2026 | Brussels | European Commission".
_DATE_FIRST_DATELINE = re.compile(rf"[ \t*_]{{0,4}}+(?:{POST_DATE})[ \t]++[–—|-][ \t]++[^–—|\n]++[–—|-][ \t]++\S")


def is_date_first_dateline(text: str) -> bool:
    """``December 1, 2026 – Ottawa, Ontario – National Defence``: a news release's dateline, never a title
    (``date_first_dateline``).

    Government releases (Canada.ca, the EU's press corner) open with the date, then the place and the issuing
    department, set apart by spaced dashes or bars; alone between blank lines it was read as a heading. Two
    fields after the date: one (``12 June 2025 – Ministers meet``) may be a dated headline and is left to the
    title rules, as ``date_first_byline`` leaves it.
    """
    return len(text) <= 200 and _DATE_FIRST_DATELINE.match(text) is not None


# A blank between two characters outside ASCII: words set apart (Korean), not a Latin word set in.
_SPACE_BETWEEN_WORDS = re.compile(r"[^\x00-\x7f][ \t]++[^\x00-\x7f]")


def is_spaced_cjk_sentence(text: str) -> bool:
    """``其余 9 个盟国的开支 ... 仍低于 GDP 的 2% 这一目标，因此北约要求 ...``: a Chinese sentence (``spaced_cjk``).

    Chinese and Japanese technical writing sets Latin words and numbers apart with a space on each side
    (``400 次写操作``, ``SQL 写主-从``), so the line holds blanks although its own words are not spaced.
    More than 30 characters with a clause comma make it a sentence without its final stop, as
    ``unspaced_sentence`` reads a line without blanks; a blank between two other characters (Korean's
    spaced words) leaves the line to the word-count rules.
    """
    if len(text) <= MAX_UNSPACED_TITLE_CHARS or " " not in text:
        return False
    return not CLAUSE_COMMAS.isdisjoint(text) and _SPACE_BETWEEN_WORDS.search(text) is None


def in_page_link_text(text: str, href: str) -> str:
    """A table of contents' entry without its heading's attribute list (``toc_anchor``).

    A contents list generated from headings written ``#### Air Policing Rotation {#air-policing-rotation}``
    copies the ``{#id}`` into each entry: ``[Air Policing Rotation {#air-policing-rotation}](#...)``. The
    heading reads without it (``heading_attributes``), so a link to a place on the page (``href``
    opening with ``#``) reads so too. Other links keep their text as written.
    """
    return strip_heading_attributes(text) if href[:1] == "#" else text


# A time allowance opening an agenda line: a comparison, then a duration ("=> 20m:", "== 1h 15m", "<= 10 min").
_DURATION_LEAD = re.compile(
    r"[ \t]{0,3}+(?:=>|==|<=|~)[ \t]*+[0-9]{1,3}+(?:[.,][0-9]{1,2}+)?+[ \t]?+"
    r"(?:hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b"
)


def opens_with_duration(line: str) -> bool:
    """``=> 20m: Air policing rotation``, ``== 15m: Venue``: an agenda line's time allowance (``duration_lead``).

    Agendas mark how long each point may take with a comparison before the duration: ``<=`` at
    most, ``==`` exactly, ``=>`` at least, ``~`` about. The same lines, blank-separated, are one
    agenda; ``=>`` is then no arrow bullet (``ascii_bullet``) and ``==`` no AsciiDoc heading
    (``wiki_heading``), as ``<=`` was never markup: each line reads as text. ``=> Allies agree``
    and ``== Priorities`` keep their markup.
    """
    return _DURATION_LEAD.match(line) is not None
