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
from dataclasses import dataclass

from nato_briefs.parse import Section
from nato_briefs.sentences import split_sentences
from nato_briefs.statements import classify_cached
from nato_briefs.themes import Taxonomy, load_taxonomy

_WORD = re.compile(r"\w+")
# Between two words of a sentence the source may hold markup: a link target, a tag,
# an entity, or any non-word characters.
_SKIP = re.compile(r"(?:\]\([^)\n]*\)|<[^>\n]{0,200}>|&#?\w{1,10};|\W)*")
LEAD_WORDS = 4  # words matched to find a sentence's start
# The first LEAD_WORDS words of a sentence and what separates them, as written in it.
_LEAD = re.compile(rf"\w+(?:\W+\w+){{0,{LEAD_WORDS - 1}}}")
# Characters with which _SKIP may read past plain non-word characters (into a link target,
# a tag, an entity): a lead free of them is found verbatim or not at all.
_MARKUP_STARTS = "]<&"
MIN_WINDOW = 20_000  # code points searched ahead of the cursor at least


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

    def position(self, offset: int) -> tuple[int, int]:
        """(1-based line, 1-based column) of a character offset in ``text``."""
        lo = max(0, bisect_right(self.line_starts, offset) - 1)
        return self.first_line + lo, offset - self.line_starts[lo] + 1


def _region(lines: Sequence[str], start: int, stop: int) -> _Region:
    """Lines ``start..stop-1`` (0-based) as one searchable text."""
    chunk = list(lines[start:stop])
    if start == 0 and chunk and chunk[0].startswith("\ufeff"):
        chunk[0] = chunk[0][1:]  # a BOM adds nothing to columns
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


def _find_words(text: str, words: list[str], start: int, stop: int) -> tuple[int, int] | None:
    """First ``(start, end)`` at or after ``start`` (beginning before ``stop``) where ``words`` occur in order."""
    at = text.find(words[0], start, stop)
    while at != -1:
        if at == 0 or not _is_word_char(text[at - 1]):
            end = _words_at(text, at, words)
            if end is not None:
                return at, end
        at = text.find(words[0], at + 1, stop)
    return None


def _find_verbatim(text: str, lead: str, first: str, start: int, stop: int) -> tuple[int, int] | None:
    """``_find_words`` for the common case, in a few C calls: the lead is in the source as written.

    Exact, not a heuristic: the lead (a sentence's first words and the non-word characters
    between them) must hold no character at which markup skipping could read further, and
    no earlier candidate for its first word may start between ``start`` and the hit;
    otherwise None and the caller takes the general path.
    """
    if any(c in lead for c in _MARKUP_STARTS):
        return None
    at = text.find(lead, start, stop - len(first) + len(lead))
    if at == -1 or text.find(first, start, at + len(first) - 1) != -1:
        return None
    end = at + len(lead)
    if (at and _is_word_char(text[at - 1])) or (end < len(text) and _is_word_char(text[end])):
        return None
    return at, end


def _locate(region: _Region, sentence: str) -> int | None:
    """Offset where ``sentence`` starts at or after the cursor; moves the cursor past it."""
    lead = _LEAD.search(sentence)
    if lead is None:
        return None
    window_end = region.cursor + max(MIN_WINDOW, 4 * len(sentence))
    first = _WORD.match(sentence, lead.start()).group()
    found = _find_verbatim(region.text, lead.group(), first, region.cursor, window_end)
    if found is None:
        found = _find_words(region.text, _WORD.findall(lead.group()), region.cursor, window_end)
    if found is None:
        return None
    start, end = found
    lead = sentence[: len(sentence) - len(sentence.lstrip("\"'“‘«([—–-"))]
    # Normalization only ever shortens text (markup, entities and runs of white space go),
    # so the sentence's source runs at least as long as the sentence: the next one starts after.
    region.cursor = max(end, start + len(sentence) - len(lead))
    if lead and region.text[max(0, start - len(lead)) : start] == lead:
        start -= len(lead)
    return start


def _section_bounds(sections: Sequence[Section], n_lines: int) -> list[tuple[int, int]]:
    """0-based [start, stop) line range of each section's source, prose after its heading."""
    bounds = []
    for i, section in enumerate(sections):
        start = min(max(0, section.line - 1 + (1 if section.heading is not None else 0)), n_lines)
        stop = sections[i + 1].line - 1 if i + 1 < len(sections) else n_lines
        bounds.append((start, min(max(stop, start), n_lines)))
    return bounds


def read_statements(
    lines: Sequence[str],
    sections: Sequence[Section],
    find_countries: Callable[[str], list[str]] | None = None,
    taxonomy: Taxonomy | None = None,
) -> list[StatementRecord]:
    """Every statement sentence of a document, with its provenance; ``sentence_index`` counts all sentences."""
    taxonomy = taxonomy or load_taxonomy()
    records: list[StatementRecord] = []
    index = 0
    for section, (start, stop) in zip(sections, _section_bounds(sections, len(lines)), strict=True):
        region = _region(lines, start, stop)
        for paragraph in section.text.split("\n\n"):
            paragraph_pos: tuple[int, int] | None = None
            for a, b in split_sentences(paragraph):
                sentence = paragraph[a:b]
                offset = _locate(region, sentence)
                if offset is not None:
                    pos = region.position(offset)
                else:
                    pos = paragraph_pos or (region.position(region.cursor)[0], 1)
                pos = (min(pos[0], max(1, len(lines))), pos[1])  # sections beyond the lines: clamp, never fail
                paragraph_pos = paragraph_pos or pos
                found = classify_cached(sentence)
                if found is not None:
                    countries = tuple(sorted(set(find_countries(sentence)))) if find_countries else ()
                    records.append(
                        StatementRecord(
                            section=section.heading,
                            sentence_index=index,
                            kind=found.kind,
                            cue=found.cue,
                            text=sentence,
                            line=pos[0],
                            column=pos[1] if offset is not None else 1,
                            theme=taxonomy.theme_of(sentence),
                            countries=countries,
                        )
                    )
                index += 1
    return records
