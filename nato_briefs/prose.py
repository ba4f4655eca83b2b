"""Read a document's prose: sentences, their statements, and where each starts in the source.

``sections`` carry their prose as normalized text (markup removed, white space
collapsed), but analysts want to open the source at the sentence, so every
sentence is located back in the source lines: its first words are searched
forward from a cursor that only moves on, skipping markup between them
(``**``, ``[t](u)`` link targets, HTML tags, entities, line breaks). A sentence
that cannot be found (text rewritten by normalization beyond recognition) falls
back to the cursor's line and column 1: the run never fails on provenance.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from nato_briefs.parse import Section, section_bounds
from nato_briefs.sentences import load_sentence_rules, split_sentences
from nato_briefs.statements import MAX_CHARS, AuthorsVoice, classify, load_authors_voice, read_sentence
from nato_briefs.themes import Taxonomy, load_taxonomy

_WORD = re.compile(r"\w+")
_NON_WORD = re.compile(r"\W")
# Between two words of a sentence the source may hold markup: a link target, a tag,
# an entity, or any non-word characters; at most SKIP_ITEMS of them, each bounded. Unbounded, and
# with autolinks read as tags, a line of ``<http://a> <http://a> ...`` was read to its end from
# every candidate start of a sentence: quadratic (800 KB took over a minute).
SKIP_ITEMS = 64
# An HTML tag, not an autolink (<http://a>, <a@b.c>): an autolink's text is the sentence's own.
_TAG = r"</?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^>\n]{0,200})?>"
_SKIP = re.compile(rf"(?:\]\([^)\n]{{0,2048}}\)|{_TAG}|&#?\w{{1,10}};|\W){{0,{SKIP_ITEMS}}}+")
LEAD_WORDS = 4  # words matched to find a sentence's start
# The first LEAD_WORDS words of a sentence and what separates them, as written in it.
_LEAD = re.compile(rf"(\w+)(?:\W+\w+){{0,{LEAD_WORDS - 1}}}")  # group 1: the first word, whole
# Characters with which _SKIP may read past plain non-word characters (into a link target,
# a tag, an entity): a lead free of them is found verbatim or not at all.
_MARKUP_STARTS = "]<&"
_MARKUP_START = re.compile(f"[{re.escape(_MARKUP_STARTS)}]")
MIN_WINDOW = 20_000  # code points searched ahead of the cursor at least
TRIES_FREE, CHARS_PER_TRY = 64, 16  # a section's word search tries 64 candidate starts + 1 per 16 characters
_OPENING = "\"'“‘«([—–-"  # opening punctuation a sentence's located start includes when the source has it too
_UNSET: Any = object()


# What locating a sentence needs of it (``lead_facts``), computed once per distinct sentence:
# (words, first, plain, opening, length, at, end, reach):
#   words: its first LEAD_WORDS words and what separates them, as written; first: its first word;
#   plain: the lead holds none of _MARKUP_STARTS; opening: the opening punctuation before its
#   first word; length: of the sentence. For a paragraph found as it is in the source
#   (``_locate_paragraph``): where the lead starts and ends in the sentence, and how many
#   characters of plain non-word text may lie between the cursor and the sentence for the search
#   to find it there (-1: never take that path).
# A plain tuple of strings and numbers, not a class: the garbage collector stops tracking those,
# and a batch keeps tens of thousands in its memo.
_Lead = tuple[str, str, bool, str, int, int, int, int]


@dataclass(frozen=True, slots=True)
class StatementRecord:
    section: str | None
    sentence_index: int
    kind: str
    cue: str
    text: str
    line: int
    column: int
    theme: str | None
    countries: tuple[str, ...]


@dataclass(slots=True)
class _Region:
    """The source lines of one section, joined, with a forward-only cursor."""

    text: str
    first_line: int  # 1-based line number of text[0]
    line_starts: list[int]
    cursor: int = 0
    # Candidate word starts the word search may still try in this section. A sentence not found verbatim tries
    # each start of its first word in a 20,000-character window: repeated unfindable sentences (a decoded
    # entity in the lead, "NATO x&#65; y agreed." x 32,000, 700 kB) tried ~900 each, 29 million, 38 s.
    # Real sections try at most 0.05 a character (8 in all, over 2,000 corpus files); once spent, a
    # sentence not found verbatim falls back to its paragraph's line, as any unfound sentence does.
    tries: int = field(init=False)

    def __post_init__(self) -> None:
        self.tries = TRIES_FREE + len(self.text) // CHARS_PER_TRY

    def position(self, offset: int) -> tuple[int, int]:
        """(1-based line, 1-based column) of a character offset in ``text``."""
        lo = max(0, bisect_right(self.line_starts, offset) - 1)
        return self.first_line + lo, offset - self.line_starts[lo] + 1


def _region(lines: Sequence[str], start: int, stop: int) -> _Region:
    """Lines ``start..stop-1`` (0-based) as one searchable text."""
    chunk = lines[start:stop]
    starts, offset = [], 0
    for line in chunk:
        starts.append(offset)
        offset += len(line) + 1
    return _Region(text="\n".join(chunk), first_line=start + 1, line_starts=starts or [0])


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _words_at(text: str, pos: int, words: list[str]) -> int | None:
    """End of ``words`` read from ``pos`` with only markup or non-word characters between them, else None.

    Plain string comparisons, no regex compiled per sentence: compiling one costs more
    than reading the whole sentence.
    """
    i = pos
    for k, word in enumerate(words):
        if k:
            i = _SKIP.match(text, i).end()
        if not text.startswith(word, i):
            return None
        i += len(word)
        if i < len(text) and _is_word_char(text[i]):
            return None
    return i


def _find_words(region: _Region, words: list[str], start: int, stop: int) -> tuple[int, int] | None:
    """First ``(start, end)`` at or after ``start`` (beginning before ``stop``) where ``words`` occur in order
    in ``region.text``; None too once the region's ``tries`` are spent.

    A word starts after a non-word character, so once a candidate fails, the next is sought after the end
    of its run of word characters: retrying one character further re-read the run for every character,
    quadratic in a long first word (a 150,000-character ``a_a_a...`` took 12 s to locate).
    """
    text = region.text
    at = text.find(words[0], start, stop)
    while at != -1:
        region.tries -= 1
        if region.tries < 0:
            return None
        if at == 0 or not _is_word_char(text[at - 1]):
            end = _words_at(text, at, words)
            if end is not None:
                return at, end
        run_end = _NON_WORD.search(text, at + 1, stop)
        if run_end is None:
            return None
        at = text.find(words[0], run_end.end(), stop)
    return None


def _find_verbatim(
    text: str, lead: str, first: str, start: int, stop: int, plain: bool | None = None
) -> tuple[int, int] | None:
    """``_find_words`` for the common case, in a few C calls: the lead is in the source as written.

    Exact, not a heuristic: the lead (a sentence's first words and the non-word characters
    between them) must hold no character at which markup skipping could read further, and
    no earlier candidate for its first word may start between ``start`` and the hit;
    otherwise None and the caller takes the general path. ``plain``: whether the lead is
    free of those characters, when the caller knows.
    """
    if not (plain if plain is not None else not any(c in lead for c in _MARKUP_STARTS)):
        return None
    at = text.find(lead, start, stop - len(first) + len(lead))
    if at == -1 or text.find(first, start, at + len(first) - 1) != -1:
        return None
    end = at + len(lead)
    if (at and _is_word_char(text[at - 1])) or (end < len(text) and _is_word_char(text[end])):
        return None
    return at, end


def lead_facts(sentence: str) -> _Lead | None:
    """What locating ``sentence`` needs of it, computed once per distinct sentence; None: no word to find."""
    lead = _LEAD.search(sentence)
    if lead is None:
        return None
    words, at, first = lead.group(), lead.start(), lead.group(1)
    opening = sentence[: len(sentence) - len(sentence.lstrip(_OPENING))]
    plain = _MARKUP_START.search(words) is None
    window = max(MIN_WINDOW, 4 * len(sentence))
    reach = window - len(first) - at if plain and at == len(opening) else -1
    return words, first, plain, opening, len(sentence), at, lead.end(), reach


def _locate(region: _Region, sentence: str, lead: _Lead | None = _UNSET) -> int | None:
    """Offset where ``sentence`` starts at or after the cursor; moves the cursor past it.

    ``lead``: ``lead_facts(sentence)`` when the caller has it already.
    """
    if lead is _UNSET:
        lead = lead_facts(sentence)
    if lead is None:
        return None
    words, first, plain, opening, length = lead[:5]
    text, cursor = region.text, region.cursor
    window_end = cursor + max(MIN_WINDOW, 4 * length)
    found = _find_verbatim(text, words, first, cursor, window_end, plain)
    if found is None:
        found = _find_words(region, _WORD.findall(words), cursor, window_end)
        if found is None:
            return None
    start, end = found
    # Normalization only ever shortens text (markup, entities and runs of white space go),
    # so the sentence's source runs at least as long as the sentence: the next one starts after.
    cursor = start + length - len(opening)
    region.cursor = end if end > cursor else cursor
    if opening and text[max(0, start - len(opening)) : start] == opening:
        start -= len(opening)
    return start


def _locate_paragraph(
    region: _Region, paragraph: str, spans: list[tuple[int, int]], leads: list[_Lead | None]
) -> list[int | None]:
    """``_locate`` of each sentence of a paragraph in turn, by arithmetic where the paragraph is in the source as is.

    Most paragraphs are (but for line breaks where the paragraph has spaces): once a
    sentence is found at ``q + a`` (``a``: its offset in the paragraph) with the cursor
    left at ``q + b`` and ``paragraph`` verified to be the text at ``q``, the search for
    the next sentence's lead runs over white space and opening punctuation only (no word
    character, so no earlier hit of its first word) and finds it at ``q + a'``, unless the
    lead is not there as written (a line break inside it), the characters around it are
    word characters or the window is too short, which is checked. Any other case takes
    ``_locate``, the reference (tests/test_prose.py holds the two equal).
    """
    text = region.text
    offsets: list[int | None] = []
    q = -1  # where the paragraph is in the source, verified; -1: unknown
    tried = False  # q is sought once per paragraph: the check reads the whole paragraph
    clean = -1  # cursor == q + clean, and no word character from there to the next sentence; -1: not so
    for (a, b), lead in zip(spans, leads, strict=True):
        if lead is None:
            offsets.append(None)  # nothing to find; the cursor stays (and ``clean`` holds)
            continue
        words, _, _, _, _, at, end, reach = lead
        if clean >= 0 and a - clean <= reach:
            x = q + a + at
            e = q + a + end
            if (
                text.startswith(words, x)  # not so where the source breaks a line inside the lead
                and (x == 0 or not (text[x - 1].isalnum() or text[x - 1] == "_"))  # _is_word_char, inline
                and (e >= len(text) or not (text[e].isalnum() or text[e] == "_"))
            ):
                offsets.append(q + a)
                region.cursor = q + b
                clean = b
                continue
        offset = _locate(region, paragraph[a:b], lead)
        offsets.append(offset)
        if offset is None:
            clean = -1
            continue
        if not tried:
            tried = True
            q = offset - a if offset >= a and _same_but_line_breaks(text, offset - a, paragraph) else -1
        clean = b if q >= 0 and region.cursor == q + b else -1
    return offsets


def _same_but_line_breaks(text: str, at: int, paragraph: str) -> bool:
    """Is ``paragraph`` the text at ``at``, but for spaces that are line breaks there (or the reverse)?

    Normalization joins a paragraph's source lines with spaces: the common difference.
    """
    if text.startswith(paragraph, at):
        return True
    return text[at : at + len(paragraph)].replace("\n", " ") == paragraph.replace("\n", " ")


def authors_voice(sections: Sequence[Section], voice: AuthorsVoice | None = None) -> list[bool]:
    """Which sections speak in their author's own voice (an op-ed, a guest column, a think tank's brief).

    The whole document when its first heading names the genre ("Opinion: ...", "Policy Brief: ...") or a
    line says the text is its author's ("The views expressed are the author's own"); else a section whose
    heading names it, and the sections nested under that heading. Never when a byline names an actor's
    office ("By the Minister of National Defence of ..."): that op-ed's calls are the Ally's.
    """
    voice = voice or load_authors_voice()
    headings = [s.heading or "" for s in sections]
    first = next((i for i, h in enumerate(headings) if h), None)
    if (first is not None and voice.heading.search(headings[first])) or any(
        voice.says_authors(s.text) for s in sections
    ):
        marked = [True] * len(sections)
    else:
        marked = _marked_sections(sections, voice)
    if any(marked) and any(voice.actor_byline.search(t) for t in headings + [s.text for s in sections]):
        return [False] * len(sections)
    return marked


def _marked_sections(sections: Sequence[Section], voice: AuthorsVoice) -> list[bool]:
    """Sections whose heading names an opinion genre, and the sections nested under such a heading."""
    marked = [False] * len(sections)
    level: int | None = None  # the level of the marking heading while its nested sections follow
    for i, section in enumerate(sections):
        if section.heading and voice.heading.search(section.heading):
            marked[i], level = True, section.level
        elif level is not None and section.heading is not None and section.level is not None and section.level > level:
            marked[i] = True
        elif section.heading is not None:
            level = None
    return marked


class BoundedMemo(dict):
    """A dict of text keys that forgets everything once its keys hold more than ``max_chars`` characters.

    Memory stays flat whatever the corpus: texts longer than ``MAX_KEY_CHARS`` are never
    kept (they rarely repeat, and a hostile one could be megabytes), and a full memo is
    emptied rather than evicted entry by entry (cheaper, and a batch rarely fills one).
    """

    MAX_KEY_CHARS = 2_000
    MAX_CHARS = 8_000_000

    def __init__(self, max_chars: int = MAX_CHARS) -> None:
        super().__init__()
        self.max_chars = max_chars
        self.chars = 0

    def remember(self, key: str, value: Any) -> None:
        if len(key) > self.MAX_KEY_CHARS:
            return
        if self.chars + len(key) > self.max_chars:
            self.clear()
        self[key] = value
        self.chars += len(key)

    def clear(self) -> None:
        super().clear()
        self.chars = 0


class SentenceMemo(BoundedMemo):
    """sentence -> (kind, cue, lead facts, theme): each distinct sentence is read once, the one cache it has.

    News streams repeat boilerplate sentences across articles and batches, and every batch
    runs the same rules on them: a worker process keeps one memo (``process_memo()``) for all
    its batches, bounded by characters like any ``BoundedMemo``. A sentence's words are read
    once, for its class and its theme both.
    """

    def __init__(self, max_chars: int = BoundedMemo.MAX_CHARS) -> None:
        super().__init__(max_chars)
        self.taxonomy: Taxonomy | None = None  # the taxonomy the memo's themes come from

    def facts(self, sentence: str, taxonomy: Taxonomy | None = None) -> _Facts:
        """``classify(sentence)``'s kind and cue (None, None: no statement), ``lead_facts(sentence)``
        and, for a statement, ``taxonomy.first_theme(sentence)`` (default taxonomy: ``load_taxonomy()``).

        Strings and tuples only, for the garbage collector (see ``_Lead``).
        """
        taxonomy = taxonomy or load_taxonomy()
        if taxonomy is not self.taxonomy:  # themes of another taxonomy: forget them
            self.clear()
            self.taxonomy = taxonomy
        facts = self.get(sentence)
        if facts is None:
            # classify reads the first MAX_CHARS code points only, and their words if it is given none.
            words, lowered = read_sentence(sentence) if len(sentence) <= MAX_CHARS else (None, None)
            found = classify(sentence, words=words, lowered=lowered)
            if found is None:
                facts = (None, None, lead_facts(sentence), None)
            else:
                theme = taxonomy.first_theme(sentence, words, lowered)
                facts = (found.kind, found.cue, lead_facts(sentence), theme)
            self.remember(sentence, facts)
        return facts


_Facts = tuple[str | None, str | None, _Lead | None, str | None]
_PROCESS_MEMO = SentenceMemo()


def process_memo() -> SentenceMemo:
    """The process's sentence memo: every batch a worker runs shares it."""
    return _PROCESS_MEMO


def clear_memos() -> None:
    """Forget every sentence read so far (benchmarks: as if none ever repeated)."""
    _PROCESS_MEMO.clear()


def read_statements(
    lines: Sequence[str],
    sections: Sequence[Section],
    find_countries: Callable[[str], list[str]] | None = None,
    taxonomy: Taxonomy | None = None,
    memo: SentenceMemo | None = None,
) -> list[StatementRecord]:
    """Every statement sentence of a document, with its provenance; ``sentence_index`` counts all sentences.

    ``lines``: the source's, as ``parse.source_lines`` splits them (a BOM is no column).
    ``memo``: a ``SentenceMemo`` of the caller's (default: ``process_memo()``).
    """
    taxonomy = taxonomy or load_taxonomy()
    facts_of = (memo if memo is not None else _PROCESS_MEMO).facts
    rules = load_sentence_rules()
    n_lines = max(1, len(lines))
    records: list[StatementRecord] = []
    index = 0
    voice = load_authors_voice()
    voiced = authors_voice(sections, voice)
    for section, (start, stop), own in zip(sections, section_bounds(sections, lines), voiced, strict=True):
        region = _region(lines, start, stop)
        for paragraph in section.text.split("\n\n"):
            spans = split_sentences(paragraph, rules)
            sentences = [paragraph[a:b] for a, b in spans]
            facts = [facts_of(sentence, taxonomy) for sentence in sentences]
            cursor = region.cursor
            offsets = _locate_paragraph(region, paragraph, spans, [lead for _, _, lead, _ in facts])
            for sentence, (kind, cue, _, theme), offset in zip(sentences, facts, offsets, strict=True):
                if kind is not None and own:
                    kind, cue = voice.restate(kind, cue, sentence)
                if kind is not None:
                    if offset is not None:
                        line, column = region.position(offset)
                    else:  # not in the source: the line where its paragraph's first sentence is (or was sought)
                        line, column = region.position(offsets[0] if offsets[0] is not None else cursor)[0], 1
                    countries = tuple(sorted(set(find_countries(sentence)))) if find_countries else ()
                    records.append(
                        StatementRecord(
                            section=section.heading,
                            sentence_index=index,
                            kind=kind,
                            cue=cue,
                            text=sentence,
                            line=min(line, n_lines),  # sections beyond the lines: clamp, never fail
                            column=column,
                            theme=theme,
                            countries=countries,
                        )
                    )
                index += 1
    return records
