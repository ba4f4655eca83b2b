"""Hard-wrapped lines: where a line an e-mail client, ``fmt`` or an editor wrapped goes on in the next.

A hard wrap ends a line where the width runs out, not where the writer's sentence, item or title ends. These rules
tell the wrap's line end from the writer's: the line fills the document's width (``wraps_at_width``; the column the
wrap broke at, ``longest_wrapped_line``), the next word would have fit on it (``next_word_fits``: the author ended
the line) or would not (``broken_before_long_word``, ``wrapped_name_line``), it ends on a word no sentence of another
language ends on (``ends_on_function_word``) or in a compound's hyphen (``ends_in_word_hyphen``), a sentence ends
inside it (``has_sentence_break``: no title), two lines of one paragraph are about as long (``wraps_with_next``),
the next line goes on with a specification's requirement keyword (``opens_with_requirement``), and an item's
wrapped line is indented or opens lowercase (``is_wrapped_item_line``, the contract's rule). The
document's wrap width itself is ``reader/lines.py``'s ``wrap_width``. Each rule looks at one line and the next, so
it is linear in the text; the patterns use possessive repeats (the audit in ``tests/test_reader_linear.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nato_briefs.reader.rules.markup import LINK_TARGET, has_lowercase_content_word, is_title_case

# Words a line of prose in another language cannot end on, as ``the``/``of``/``for`` in English
# (``CONTINUATION_WORDS``): German laws hard-wrapped at 70 columns end lines on ``für``, ``der``,
# ``sowie``. Words that are also English ones ending a title (``do``, ``I``, ``par``, ``con``, one-letter
# Latin words) are left out, and a word counts only in lowercase or as the line's only word
# (``ends_on_function_word``): "Research at MIT" and "Why Democracies Die" stay titles.
OTHER_LANGUAGE_CONTINUATION_WORDS = frozenset(
    # German
    "der die des dem den das und oder sowie für mit von vom zum zur auf aus bei über nach dass durch gegen ohne "
    "eines einer einem einen "
    # French
    "le la les des du de et ou pour avec sur dans aux au une "
    # Spanish, Portuguese, Italian
    "del los las para por della delle degli dei "
    # Polish, Czech
    "oraz dla lub się że przez "
    # Russian, Ukrainian, Bulgarian
    "и в во на с со к о об от по из за для что как или та і у з до про але "
    # ... and their conjunctions and relative pronouns (sweep 6: "..., оскільки" over a link line)
    "который которая которое которые если чтобы поскольку що який яка яке які якщо щоб оскільки "
    # Turkish, Finnish, Estonian
    "ve ile için ja tai sekä ning või "
    # Hebrew, Arabic
    "של על את עם או في من على إلى عن أو "
    # ... Arabic relative pronouns and "because", "but" (sweep 6: "... التابع `charCodeAt` الذي" over ":")
    "الذي التي الذين لأن لكن "
    # Dutch (sweep 8: prettier wraps "... gebouwd bovenop het" over a link line); "in", "of", "op", "met",
    # "over", "die" are left out as English words
    "het een en van voor aan bij door naar uit om te dat zoals wordt".split()
)


# A sentence's stop and the gap after it: closing quote, blanks, opening quote.
_STOP_GAP = re.compile(r"[.!?][\"'”’)]?+[ \t]++[\"'“‘(]?+")


# A wrapped item's line fills the document's wrap width to at least this share.
ITEM_WRAP_SHARE = 0.85


# ... and stays within it: a line well past the width was never wrapped (a long one-line item).
ITEM_WRAP_MAX_SHARE = 1.15


def ends_on_function_word(text: str) -> bool:
    """``Die Unfallkasse ... und die Berufsgenossenschaft für``, ``Der``: the line runs on (``other_language_run_on``).

    A word of ``OTHER_LANGUAGE_CONTINUATION_WORDS`` in lowercase (or in a script without case, Arabic
    or Hebrew), or alone on the line (a German sentence broken after its article), never ends a title or
    an item's text.
    """
    words = text.rsplit(None, 1)
    if not words:
        return False
    last = words[-1].strip("\"'”’)]}*_`»」』）,")
    caseless = last.lower() == last.upper()  # Hebrew, Arabic: no capitals to tell a name by
    return last.casefold() in OTHER_LANGUAGE_CONTINUATION_WORDS and (last.islower() or caseless or len(words) == 1)


def ends_in_word_hyphen(text: str) -> bool:
    """``Der Haushaltsplan der Berufsgenossenschaft Verkehrswirtschaft Post-``: a compound broken at its hyphen.

    The word goes on at the next line (``Logistik``); a title never ends on a hyphen after a letter
    (``word_hyphen_break``). A dash set apart (``Allies -``) or a lone ``-`` is no such break.
    """
    body = text.rstrip(" \t")
    return len(body) >= 2 and body[-1] == "-" and body[-2].isalpha()


def has_sentence_break(text: str) -> bool:
    """``Telekommunikation hat Dienstherrnfähigkeit. Die Beamtinnen``: a sentence ends inside the line.

    As ``_INNER_SENTENCE_END`` for English (``... by 2035. Ministers``), in any cased script: a lowercase
    word (``обороны``) or a longer one ending in lowercase (a German noun, ``Dienstherrnfähigkeit``), then
    ``.``/``!``/``?``, a blank and a capital. A title has none (``inner_sentence_break``); ``U.S. Army``,
    ``Dr. Smith``, ``Capt. Jones`` and ``No. 5`` are no such end.
    """
    for match in _STOP_GAP.finditer(text):
        start, end = match.start(), match.end()
        word = _word_before(text, start)
        ends_word = (len(word) >= 2 and word.islower()) or (len(word) >= 5 and word[-2:].islower())
        if ends_word and end < len(text) and text[end].isupper():
            return True
    return False


def _word_before(text: str, end: int, longest: int = 40) -> str:
    """The letters right before ``end`` (at most ``longest``: a word, not the line)."""
    start = end
    while start > 0 and end - start < longest and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


def wraps_at_width(prev: str, width: int | None) -> bool:
    """The item's line fills a hard-wrapped document's width and does not end a sentence: it goes on (``item_wrap``).

    ``(1) The North Atlantic Council establishes the NATO Support and Procurement`` over ``Agency as the
    single provider ...``: the line below starts with a capital (a name, or any German noun) yet continues
    the item. Only where the document is hard-wrapped (``wrap_width``) and the text a reader sees (link
    targets left out: ``[Structured Logging](https://...) v1.23`` is short) reaches its width and stays
    within it. The caller still lets a title line below stand alone (``Ministers Agree on ...``).
    """
    if width is None or len(prev) < ITEM_WRAP_SHARE * width:
        return False
    body = LINK_TARGET.sub("]", prev).rstrip(" \t")  # a reader sees the link's text, not its target
    fills = ITEM_WRAP_SHARE * width <= len(body) <= ITEM_WRAP_MAX_SHARE * width
    return fills and body[-1:] not in ".!?:;。！？：；।"


# The fewest words of a line a wrap broke short of a long link (``long_word_wrap``): a sentence's, not a label's.
_MIN_WRAPPED_WORDS = 6


def next_word_fits(line: str, nxt: str, width: int | None) -> bool:
    """``- Promoting resilience ... threats`` (60 columns) over ``A summary of ...`` in a text wrapped at 64: the
    first word below would still have fit on the line, so no wrap ended it; its author did (``unforced_break``).

    An e-mail client or ``fmt`` breaks a line only before a word that would run past the width. ``width`` is
    the column the wrap broke at (``longest_wrapped_line``), None where the document is not hard-wrapped.
    Near miss: ``... NATO Support and Procurement`` over ``Agency as ...``, which ``Agency`` would have pushed
    past the width: the line was wrapped.
    """
    if width is None:
        return False
    words = nxt.split(None, 1)
    return bool(words) and len(line.rstrip()) + 1 + len(words[0]) <= width


def headline_over_wrap(line: str, nxt: str, width: int | None, fit_width: int | None) -> bool:
    """``Allies agree to strengthen air defence on the eastern flank`` (59 columns) right over ``NATO defence
    ministers agreed on Thursday to strengthen air and missile`` in a text wrapped at 73: a sentence-case headline
    over its hard-wrapped lead paragraph, no blank line between (``headline_over_wrap``).

    The headline is long enough to look like a wrapped line of the paragraph (``runs_on``'s width test), and it
    was read as the paragraph's first line. But a wrap breaks a line only before a word that would run past the
    width: the first word below would have fit (``next_word_fits``) within the text's typical width (``width``;
    ``fit_width``, the longest line the wrap left, may be a title's or a row's, longer), so its author broke it;
    and the line below is a wrapped line of its own, filling the width and running on (no closing punctuation).
    The caller asks it of a line that otherwise looks like a title and opens a block. Near misses: a first line
    the word below would have pushed past the width (wrapped), a line below that is short or ends its sentence (a
    one-line paragraph: no wrap shows), a text with no wrap width.
    """
    if width is None or not next_word_fits(line, nxt, min(width, fit_width or width)):
        return False
    below = nxt.rstrip(" \t")
    fills = ITEM_WRAP_SHARE * width <= len(below) <= ITEM_WRAP_MAX_SHARE * width
    return fills and below[-1:] not in ".!?:;。！？：；" and nxt[:1] not in (" ", "\t")


def broken_before_long_word(line: str, nxt: str, width: int | None) -> bool:
    """``This issue is similar to both the earlier issues`` over ``[NCIA-2024-0042](https://...) and``: the
    link below, one word to a wrapping editor, would have run past the width, so the wrap broke the line short
    of it (``long_word_wrap``, sweep 14). The line runs on, however short it looks; a title over a long link
    is sentence-long only when it is a sentence.

    ``width`` is the column the wrap broke at (``longest_wrapped_line``). Only a line of six words or more that
    is no Title Case heading counts: ``Key Documents`` over a long link heads it.
    """
    if width is None or len(line.split()) < _MIN_WRAPPED_WORDS or is_title_case(line):
        return False
    return bool(nxt.strip()) and not next_word_fits(line, nxt, width)


def longest_wrapped_line(lines: Sequence[str], width: int) -> int:
    """The longest line of a hard-wrapped article within ``ITEM_WRAP_MAX_SHARE`` of its ``wrap_width``: the column
    its wrap broke at, as ``next_word_fits`` needs it (``unforced_break``).

    ``wrap_width`` takes a typical long line (the 90th percentile), a column or two short of where the wrap
    broke; a word that fits in those columns was still left on the line. Longer lines (headings and rows
    left whole) are not the wrap's. Never less than ``width``.
    """
    limit = ITEM_WRAP_MAX_SHARE * width
    return max([width, *(n for line in lines if (n := len(line.rstrip(" \t"))) <= limit)])


def wrapped_name_line(line: str, nxt: str, width: int | None) -> bool:
    """A line of a hard-wrapped article that only looks like Title Case, because names fill it: it runs on
    into the line below (``wrapped_name_line``).

    ``The visit of NATO Deputy Secretary General to the United`` over ``States underscores ...`` in a text
    wrapped at 60: most of its long words are capitalised, yet ``visit`` is not, and the first word below
    would have run past the width, so the wrap ended the line. Near misses: a Title Case heading whose
    lowercase words are all small words (``... Partnership Amid Emerging Global Threats``), and a line whose
    next word would have fit (the author ended it: a heading over its paragraph).
    """
    return (
        width is not None
        and bool(nxt.strip())
        and not next_word_fits(line, nxt, width)
        and has_lowercase_content_word(line)
    )


def is_wrapped_item_line(line: str) -> bool:
    """An item's wrapped line by the contract's rule: indented, or opening lowercase (a blank is none).

    The line alone; ``_Segmenter.continues_item`` weighs more (the line above, the lead behind markup).
    """
    return bool(line.strip()) and (line[:1] in (" ", "\t") or line[:1].islower())


# Two hard-wrapped lines of one paragraph differ in length by at most this many characters.
WRAP_PAIR_SLACK = 15


def wraps_with_next(line: str, nxt: str) -> bool:
    """``... using Link 16, a common`` over ``NATO data link for fighters, ..., allowing allies to avoid``.

    Two lines of about the same length (50-100 characters, within ``WRAP_PAIR_SLACK``) where the lower one
    goes on past its end are one hard-wrapped paragraph, even where the document's long lines hide its
    wrap width. A Title Case or ALL CAPS line stays a title (``NATO Allies Agree New Targets for Air ...``).
    """
    upper, lower = len(line.rstrip()), len(nxt.rstrip())
    if not (50 <= upper <= 100 and 50 <= lower <= 100) or abs(upper - lower) > WRAP_PAIR_SLACK:
        return False
    return nxt.rstrip()[-1] not in ".!?:;。" and nxt[:1].isalpha() and not is_title_case(line)


# The first line of a title that a hard wrap (60-80 columns) cut is at least this long: "Jane Smith," over
# "Defence Correspondent" is a byline, not a cut title.
MIN_WRAPPED_TITLE_CHARS = 40
# An upper line that ends mid-phrase (on "for", "of", "and") may be shorter: a narrow wrap (a 40-column
# teletype or SMS gateway, a phone's mail client) cuts "NATO Allies Agree Priorities for" over "Chemical and
# Nuclear Defence", and no byline ends on a function word (``narrow_wrapped_title``).
MIN_MID_PHRASE_TITLE_CHARS = 24


def wrapped_title(line: str, nxt: str, mid_phrase: bool) -> str | None:
    """``NATO Allies Agree to Strengthen Partnerships with Jordan,`` over ``Mauritania and Tunisia in the Southern
    Neighbourhood``, alone between blank lines: one title that a hard wrap cut in two (``wrapped_title``).

    A plain-text e-mail or a text editor wraps a long headline as it wraps prose, and each half read as
    prose: a two-line paragraph. The upper line must end where no title ends, on a comma or on a word that
    needs the words after it (``mid_phrase``: ``... Ahead of the Summit in``), be as long as a wrapped line
    is, and the lower one go on in Title Case at the margin. The joined text, or None. Near misses: a title
    over a subtitle (``NATO Summit 2025`` over ``Leaders Agree ...``: the upper line ends as a title may), a
    short ``Name,`` over a role, a sentence (the caller asks ``looks_like_title`` of the joined text).

    One rule, read in two places because its evidence lies in two: here, a block's own upper line, asked by the
    segmenter block by block where it stands (any document; not in a list, a table or a fence); and, in a
    hard-wrapped document holding such a block, the document's, which ``wrapped_heading_lines``
    (``rules/extracted.py``) reads once over its lines before the segmenter, joining its other two-line Title Case
    blocks too (its headings wrap: a PDF's text layer).
    """
    head, tail = line.strip(), nxt.strip()
    shortest = MIN_MID_PHRASE_TITLE_CHARS if mid_phrase else MIN_WRAPPED_TITLE_CHARS
    if len(head) < shortest or not tail or nxt[:1] in (" ", "\t"):
        return None
    if not (head[-1] == "," or mid_phrase) or not (tail[0].isupper() or tail[0].isdigit()):
        return None
    joined = f"{head} {tail}"
    return joined if is_title_case(joined) else None


# BCP 14's requirement keywords (RFC 2119, RFC 8174) in capitals, then the sentence's next word in lowercase.
_REQUIREMENT_OPENING = re.compile(
    r"(?:MUST|SHALL|SHOULD|MAY|REQUIRED|RECOMMENDED|OPTIONAL)(?:[ \t]++NOT)?+[ \t]++[a-z]"
)


def opens_with_requirement(nxt: str) -> bool:
    """``MAY be different from ...`` under ``The resolved value returned by a function handler``: the subject's line
    goes on with its verb, a requirement keyword in capitals (``requirement_keyword_wrap``, sweep 15).

    Specifications written with semantic line breaks (Unicode's MessageFormat, W3C and IETF drafts) break a
    sentence before ``MUST``, ``SHOULD`` or ``MAY``, which BCP 14 has them write in capitals; the line below then
    opens with a capital and the subject's line, short and unpunctuated, read as a bare title. The keyword and a
    lowercase word after it are the sentence going on. Near misses: ``MAY 2025 REVIEW`` (no lowercase word),
    ``May be`` (not the keyword), ``MUSTER ROLL``.
    """
    return nxt[:1] in "MSRO" and _REQUIREMENT_OPENING.match(nxt) is not None


# A scribe's continuation mark: three dots (or an ellipsis) and a space, then the turn's next words.
_SCRIBE_CONTINUATION = re.compile(r"(?:\.\.\.|…)[ \t]++[^\s.…]")


def opens_scribe_continuation(below: str) -> bool:
    """``... if the quality is good we want to run a trial`` under ``Kenji: this is now behind a flag``: the turn
    goes on, so the line above is its first paragraph, never a title (``scribe_continuation``, sweep 16).

    W3C's minutes (RRSAgent's, and scribes who copy its form) write a speaker's turn as ``Name: text`` and each
    further line of the same turn as a paragraph opening with ``... ``. A short turn without a closing stop over
    its continuation read as a bare title heading the rest of what its speaker said. Near misses: ``...`` alone
    (an elision), ``....`` or ``…`` glued to a word (``…and then``), which open no continuation.
    """
    return below[:1] in ".…" and _SCRIBE_CONTINUATION.match(below) is not None
