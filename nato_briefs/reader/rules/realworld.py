"""Rules from the real-world sweeps (bench/REALWORLD.md, "Sweep 2" and "Sweep 3"): bylines, link rows, other languages.

Each is a pure function of one or two lines, anchored or bounded, so linear in the line: a blog's
dated byline and a minutes page's row of navigation links are never titles, a line that ends on a
German, French or Slavic function word runs on like one ending on ``the``, and an item of a
hard-wrapped document goes on while its line fills the document's width. Sweep 3: a run of short lines
(attendees, an address) is one block of lines, a Chinese line holding a full stop is prose, and
kramdown-rfc's section markers (``--- abstract``) close its front matter and are markup, and a pipe
table boxed by delimiter rows keeps its header and last row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from nato_briefs.reader.rules.docs_sites import closes_container
from nato_briefs.reader.rules.tables import is_delimiter_row, is_table_row
from nato_briefs.reader.rules.titles import LINK_TARGET  # a link's target: not text a reader sees, nor width

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

# A post's date as its byline prints it: "June 25, 2025", "Jun. 25 2025", "25 June 2025", "2025-06-25" (an
# alternation: wrap it in a group). Also the date of ``is_date_first_byline`` (``rules/notices.py``).
POST_DATE = (
    r"(?:[A-Z][a-z]{2,8}+\.?+[ \t]++[0-9]{1,2}+,?+|[0-9]{1,2}+\.?+[ \t]++[A-Z][a-z]{2,8}+\.?+)[ \t]++[0-9]{4}"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}"
)
# "June 25, 2025 by [The Team](/team)", "25 June 2025 by Jane Smith", "2025-06-25 by ...": a blog post's byline.
_DATED_BYLINE = re.compile(rf"(?:{POST_DATE})[ \t]++by[ \t]++\S")
# A sentence's stop and the gap after it: closing quote, blanks, opening quote.
_STOP_GAP = re.compile(r"[.!?][\"'”’)]?+[ \t]++[\"'“‘(]?+")
# One markdown link: its text has no brackets, its target no blanks or parentheses.
_LINK = re.compile(r"\[[^\[\]\n]*+\]\([^()\s]*+\)")
# What may stand between the links of a navigation row: blanks and separators.
_LINK_SEPARATORS = frozenset(" \t-–—|·•/")
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


def is_dated_byline(text: str) -> bool:
    """``June 25, 2025 by [The Team](/team)``: a post's date and author above it, never a title (``dated_byline``)."""
    return _DATED_BYLINE.match(text.strip(" \t*_")) is not None


def is_link_row(text: str) -> bool:
    """``[Back to the minutes](#w2) - [Back to the top](/)``: two or more links and separators only (``link_row``).

    A page's navigation, never a title; one link alone is left to the button and link-run rules.
    """
    body = text.strip(" \t")
    if body[:1] != "[" or body[-1:] != ")":
        return False
    links, end = 0, 0
    for match in _LINK.finditer(body):
        if any(ch not in _LINK_SEPARATORS for ch in body[end : match.start()]):
            return False
        links, end = links + 1, match.end()
    return links >= 2 and end == len(body)


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


# The ideographic full stop (Chinese, Japanese) and its halfwidth form.
_IDEOGRAPHIC_FULL_STOPS = ("。", "｡")
# This many title-like lines in a row, no blank between, are one block of lines (``in_line_stack``).
MIN_STACKED_LINES = 3
# kramdown-rfc's section markers (IETF drafts in markdown): ``--- abstract`` closes the YAML front matter,
# ``--- middle`` and ``--- back`` open the body and the appendices; ``--- note_Title`` opens a note.
_KRAMDOWN_RFC_SECTION = re.compile(r"---[ \t]++(?:abstract|middle|back|note_[\w-]{1,80}+)[ \t]*+")


def has_ideographic_full_stop(text: str) -> bool:
    """``……成员国的位置。（@nato-dev 投稿）``: a line holding ``。`` is prose (``ideographic_full_stop``).

    A Chinese or Japanese title holds no full stop; an attribution or a second sentence after it
    (``。（@user 投稿）``, ``代码开源。官网……``) hides it from the line-end test. A question or an
    exclamation mark inside stays allowed: ``1、Python 语言如何生成随机数？（英文）`` is a digest's headline.
    """
    return any(stop in text for stop in _IDEOGRAPHIC_FULL_STOPS)


def in_line_stack(n_lines: int, i: int, title_like: Callable[[int], bool]) -> bool:
    """Line ``i`` lies in a run of ``MIN_STACKED_LINES`` or more title-like lines, no blank between (``line_stack``).

    Attendees of a meeting (``Jane Smith, Allied Command Transformation (chair)`` / ``Marco Rossi, ...``),
    an address (``NATO Public Diplomacy Division`` / ``Boulevard Leopold III`` / ``1110 Brussels``): one
    block of short lines, as markdown reads it, not one heading per line over an empty section. A title
    over a subtitle (two lines) or over prose stays a title; ``title_like`` (asked of the line numbers
    around ``i``, at most two each way) says which neighbours would stand alone as titles.
    """
    reach = MIN_STACKED_LINES - 1
    above = 0
    while above < reach and i - above - 1 >= 0 and title_like(i - above - 1):
        above += 1
    below = 0
    while above + below < reach and i + below + 1 < n_lines and title_like(i + below + 1):
        below += 1
    return above + below >= reach


def is_kramdown_rfc_section(line: str) -> bool:
    """``--- abstract``, ``--- middle``, ``--- back``: kramdown-rfc's section markers (``kramdown_rfc_section``).

    ``--- abstract`` closes an IETF draft's YAML front matter (authors, references); read as text, the
    metadata became prose and items and the title was lost. ``---`` alone stays a rule or a closer.
    """
    return _KRAMDOWN_RFC_SECTION.fullmatch(line.rstrip("\r")) is not None


def is_table_border(lines: Sequence[str], i: int) -> bool:
    """A delimiter row boxing a pipe table, above its header or under its last row (``table_border``).

    kramdown-rfc's IANA tables (and hand-drawn ones) put ``| --- | --- |`` over the header row and under
    the last row. Read as GFM, the top border became the header (the real one a row of the body) and the
    bottom border made the last row a new, empty table's header. Top: no row above, a row below, then a
    delimiter row. Bottom: a body row above (a row over it too), no row below. A header-only table's
    delimiter row (prose over its header) is neither.
    """
    if "|" not in lines[i] or not is_delimiter_row(lines[i]):  # a setext underline has no pipe
        return False
    above = lines[i - 1] if i > 0 else ""
    below = lines[i + 1] if i + 1 < len(lines) else ""
    if not is_table_row(above):
        after = lines[i + 2] if i + 2 < len(lines) else ""
        return is_table_row(below) and not is_delimiter_row(below) and is_delimiter_row(after)
    over = lines[i - 2] if i > 1 else ""
    return not is_delimiter_row(above) and is_table_row(over) and not is_table_row(below)


# Sweep 4: Logseq's block properties that Logseq itself never shows (its hidden built-in ones), kept as
# data. ``collapsed:: true`` under an item is outline state, ``id:: 646c...`` a block's reference target.
LOGSEQ_HIDDEN_PROPERTIES = frozenset(
    "id custom-id collapsed heading background-color background_color created-at updated-at "
    "last-modified-at query-table query-properties query-sort-by query-sort-desc ls-type hl-type hl-page "
    "hl-stamp hl-color logseq.order-list-type logseq.color logseq.macro-name logseq.macro-arguments "
    "logseq.tldraw.page logseq.tldraw.shape card-last-interval card-repeats card-ease-factor "
    "card-next-schedule card-last-reviewed card-last-score".split()
)
_BLOCK_PROPERTY = re.compile(r"[ \t]++([a-z][a-z0-9_.-]{0,40}+)::(?:[ \t]|$)")


def is_logseq_hidden_property(line: str) -> bool:
    """``  collapsed:: true`` under a Logseq item: outline state, not the item's text (``logseq_block_property``).

    Logseq writes a block's properties as indented ``key:: value`` lines under its bullet and shows
    none of the hidden built-in ones; read as a wrapped line they ran into the item's text
    (``The plan adds ... units. collapsed:: true``). Other properties are shown, so they stay text.
    """
    match = _BLOCK_PROPERTY.match(line)
    return match is not None and match.group(1) in LOGSEQ_HIDDEN_PROPERTIES


# Sweep 4: what opens an equation or a citation that a sentence runs on into. Display math on a line of its
# own (``$$``, ``\[``, ``\begin{align}``), and, on the line right below, inline math (``$\lambda$``; a
# ``$`` then a digit is money) or a Sphinx/MyST role (``:cite:`Deng.2009```, ``{cite}`Deng.2009```).
_DISPLAY_MATH = re.compile(r"[ \t]{0,3}+(?:\$\$|\\\[|\\begin\{)")
_INLINE_MATH_OR_ROLE = re.compile(
    r"[ \t]{0,3}+(?:\$(?![\d\s$])[^$\n]{1,200}?(?<![\s\\])\$(?!\d)"
    r"|:[a-z][\w-]{0,30}+(?::[\w-]{1,30}+)?+:`|\{[a-z][\w:-]{0,30}+\}`)"
)
# Fewest words of a line that runs on into an equation: a label over a formula is shorter.
MIN_MATH_LEAD_WORDS = 3


def runs_on_into_math(line: str, nxt: str, below: str) -> bool:
    """``Thus, if we take logarithms we obtain`` over ``$$``: the sentence goes on in the equation (``math_run_on``).

    Textbooks exported from notebooks (d2l) write the equation a sentence leads into as display math
    under a blank line, or break the line before inline math or a citation role (``Recall that the
    variable of interest`` / ``$\\mathbf{1}(f(X) \\neq Y)$``); such a line is prose, not a bare title.
    ``nxt`` is the line right below, ``below`` the first non-blank one. Only a line of three or more words
    ending on a lowercase word, with no final stop, runs on: ``Expected Loss`` over a formula stays a title.
    """
    words = line.split()
    if len(words) < MIN_MATH_LEAD_WORDS or not words[-1][:1].islower() or words[-1][-1] in ".!?":
        return False
    return _DISPLAY_MATH.match(below) is not None or _INLINE_MATH_OR_ROLE.match(nxt) is not None


# Sweep 4: an org block's fence as Logseq writes it in markdown (``#+BEGIN_NOTE`` ... ``#+END_NOTE``,
# ``#+BEGIN_QUOTE``, ``#+begin_src clojure``), alone on its line or right after an item's bullet.
_ORG_BLOCK_MARKER = re.compile(r"#\+(?:BEGIN|END)_[A-Za-z]{1,20}+(?:[ \t][^\n]{0,200}+)?+", re.I)


def is_org_block_marker(text: str) -> bool:
    """``#+BEGIN_NOTE`` / ``#+END_NOTE``: an admonition's or quote's fence, markup (``org_block_marker``).

    Logseq pages put org-mode blocks in markdown, under a bullet or alone; read as text the fences
    ran into the item (``#+BEGIN_NOTE It's not supported yet. #+END_NOTE``). The text inside stays,
    as for a ``:::`` container.
    """
    return _ORG_BLOCK_MARKER.fullmatch(text.strip(" \t")) is not None


# Sweep 5: what ends the section a line stands in: a markdown heading (``## Next``, ``#`` alone) or the
# closing fence of a pandoc/VitePress container (``:::`` alone), the next non-blank line after it.
_SECTION_END = re.compile(r"[ \t]{0,3}+(?:#{1,6}+(?:[ \t]|$)|:{3,}+[ \t]*+$)")


def heads_nothing(below: str) -> bool:
    """The first non-blank line below a candidate title ends its section: the line titles nothing (``heads_nothing``).

    A heading heads something. Release notes and docs write one sentence without a final stop as a section's
    whole body (``## Alias recursion has been disabled`` / ``Alias recursion is now disabled`` / ``## Empty
    lists``), a cross-reference as a section's last line (``See: Custom Commands`` over ``### When ...``) or
    a caption as a callout's last line (``This is a simple graph`` over ``:::``): as a bare title each made an
    empty section and left its own section without the sentence. It is that section's prose, as the
    article's last line is. A line over an opening container (``::: {.callout}``) or over text still heads it.
    Sweep 8: a caption over its figure component's closing tag (``</Diagram>``) likewise (``container_end``).
    """
    return _SECTION_END.match(below) is not None or closes_container(below)


# Sweep 5: a reference link closing a line (``[Please submit your proposal here.][submit]``, ``[Read it.][]``).
_FINAL_REFERENCE_LINK = re.compile(r"\[[^\[\]\n]{1,500}+\]\[[^\[\]\n]{0,100}+\]")


def final_link_text(text: str) -> str:
    """The line with a final link cut to its text, so the text's own stop ends the line (``final_link_text``).

    ``[Thanks!](https://...)`` ends on the link's text; so does a reference-style link (``[Please submit
    your proposal here.][submit-proposal]``, Jekyll news posts write them so): read up to its ``]``, the
    line's stop hid behind the label and the sentence became a bare title. ``[NATO Summit][summit]``
    without a stop still ends without one.
    """
    if text.endswith(")") and "](" in text:  # an inline link
        return text[: text.rfind("](")]
    if text.endswith("]") and "][" in text:
        start = text.rfind("][")
        opening = text.rfind("[", 0, start)
        if opening >= 0 and _FINAL_REFERENCE_LINK.fullmatch(text, opening) is not None:
            return text[:start]
    return text


# Sweep 5: a content tab's opening line (pymdownx.tabbed, MkDocs Material: ``=== "Linux"``, ``===! "A"``,
# ``===+ "B"``); its body is indented by four, as an admonition's.
_CONTENT_TAB = re.compile(r"===[!+]?+[ \t]++\"([^\"\n]{1,200}+)\"[ \t]*+")


def content_tab_label(line: str) -> str | None:
    """The label of a content tab's opening line (``=== "Linux"`` -> ``Linux``), else None (``content_tab``).

    MkDocs Material docs put alternatives in tabs whose body is indented by four: read as written the
    marker line leaked into the prose (``=== "warn"``), the body became an indented code block (its text
    lost) and the YAML in a fence inside it list items (``social: log_level: warn``). The tab is read as
    an admonition: its label a paragraph of its own, its body dedented. A setext underline (``===``) has
    no label and stays one.
    """
    found = _CONTENT_TAB.fullmatch(line.rstrip(" \t"))
    return None if found is None else found.group(1).strip()


# Sweep 5: a code fence's line inside a grid table's cell (Quarto: ```` ```{.bash filename="Terminal"} ````).
_CELL_FENCE = re.compile(r"(?:`{3,}+|~{3,}+)[^`\n]{0,200}+")


def grid_cell_fragment(fragment: str) -> str:
    """One physical line of a grid table's cell without its block markup (``grid_cell_markup``).

    Pandoc and Quarto grid tables hold blocks in their cells: a fenced code block (```` ```{.bash
    filename="Terminal"} ````, then the command, then ```` ``` ````) and hard line breaks (``Windows\\`` over
    ``(Command)``). Joined as written, the fence and its info string reached the cell's text
    (``{.bash filename="Terminal"} py -m venv env``). The fence lines are markup, a final backslash a
    line break; the code itself is what the cell shows and stays.
    """
    if fragment[:3] in ("```", "~~~") and _CELL_FENCE.fullmatch(fragment):
        return ""
    return fragment[:-1].rstrip(" \t") if fragment.endswith("\\") and not fragment.endswith("\\\\") else fragment
