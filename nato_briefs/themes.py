"""Put priorities and initiatives into a small, editable set of analysis themes.

Rules rather than a model: an analyst must be able to see why a row got its
theme, change the outcome by editing ``themes.yaml`` (no retraining), and get
the same answer on every run. The rules, also documented at the top of the YAML
file:

* a keyword matches case-insensitively as a whole word or phrase; inside a
  phrase spaces and hyphens are interchangeable; a trailing ``*`` extends the
  last word (``cyber*`` matches "Cybersecurity");
* between fields, the first field (in the order the caller passes them) in
  which any theme matches decides: area before focus before outcome, name
  before detail;
* inside one field, the theme listed first in the file wins, wherever in the
  text its keyword occurs; "longest match" was rejected because reordering the
  file is an easier lever to explain than keyword lengths;
* no match anywhere -> ``None``.

Whole columns go through ``assign_themes``/``theme_array``: published columns
repeat the same few strings a lot, so each distinct string is matched once
(Arrow dictionary encoding) and the answers are scattered back in C.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

import pyarrow as pa
import pyarrow.compute as pc
import yaml

from nato_briefs.config import THEMES_FILE
from nato_briefs.regexes import Twins, bit_mask, char_trie, reads_as_ascii, trie_source

# A pandas Series works too (anything ``pa.array(..., from_pandas=True)`` accepts).
ColumnLike = Sequence[str | None] | pa.Array | pa.ChunkedArray

_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_WORD_SEPARATOR = re.compile(r"[\s\-]+")
_PHRASE_GAP = r"[\s\-]+"
_TOKEN = re.compile(r"\w+")
_LEADING_WORD = re.compile(r"^\w+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    keywords: tuple[str, ...]
    pattern: re.Pattern[str]
    twins: Twins = field(init=False, compare=False, repr=False)  # the pattern's faster forms (``reads_as_ascii``)

    def __post_init__(self) -> None:
        object.__setattr__(self, "twins", Twins(self.pattern))


@dataclass(frozen=True)
class ThemeMatch:
    """Why a row got its theme: shown to analysts who doubt an assignment."""

    theme: str
    field_index: int
    keyword_text: str


@dataclass(frozen=True)
class _Prefilter:
    """Cheap word lookups that rule themes out before any regex runs.

    Matching every theme's regex against every string costs ~20 µs per
    unmatched text; most published texts match nothing or one theme, so we
    first look at the text's words. The filter only ever says "cannot match":
    a theme it keeps is still decided by its regex, so results are exactly
    those of the plain regex scan (a property test checks this). Texts whose
    words are not ASCII skip the filter, because case-insensitive regex
    matching and ``str.lower`` disagree on a few Unicode letters.
    """

    exact: dict[str, frozenset[int]]  # lowercase first word -> theme positions
    stems: tuple[tuple[str, int], ...]  # (lowercase stem, theme position) for `word*` keywords
    always: frozenset[int]  # themes the filter cannot reason about
    sure: dict[str, int] = field(default_factory=dict)  # lowercase single-word keyword -> mask of its themes
    # The same lookups as bit masks (bit i: theme position i): a word's (themes worth a search, themes
    # sure to match), one lookup for both; and the stems as one scan of a text's words joined by spaces
    # (group 1: the longest stem at each word start), with the themes of every stem it starts with.
    word_masks: dict[str, tuple[int, int]] = field(init=False, repr=False)
    lookup_words: frozenset[str] = field(init=False, repr=False)
    always_mask: int = field(init=False, repr=False)
    stem_scan: re.Pattern[str] | None = field(init=False, repr=False)
    stem_masks: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        stem_map: dict[str, set[int]] = {}
        for stem, position in self.stems:
            stem_map.setdefault(stem, set()).add(position)
        setattr_ = object.__setattr__
        words = set(self.exact) | set(self.sure)
        masks = {w: (bit_mask(self.exact.get(w, ())), self.sure.get(w, 0)) for w in words}
        setattr_(self, "word_masks", masks)
        setattr_(self, "lookup_words", frozenset(words))
        setattr_(self, "always_mask", bit_mask(self.always))
        closure = {
            stem: bit_mask(p for other in stem_map if stem.startswith(other) for p in stem_map[other])
            for stem in stem_map
        }
        setattr_(self, "stem_masks", closure)
        # A word starts after a space of the joined words: the literal space lets the engine skip to each
        # word start, where a leading ``(?<!\w)`` made it try every position.
        # one regex for all stems, shared prefixes factored out: the longest stem matching at a word start wins
        scan = re.compile(" (" + trie_source(char_trie(stem_map)) + ")") if stem_map else None
        setattr_(self, "stem_scan", scan)

    def candidates(self, text: str, words: frozenset[str] | None = None) -> list[int] | None:
        """Theme positions worth a regex search, in file order; None means "search them all".

        ``words``: the lowercase words of ``text`` (``statements.sentence_words``) when the caller
        has them; used for ASCII texts only, whose words the filter reads the same way.
        """
        masks = self.masks(text, words)
        if masks is None:
            return None
        found = masks[0]
        positions = []
        while found:
            low = found & -found
            positions.append(low.bit_length() - 1)
            found ^= low
        return positions

    def masks(self, text: str, words: frozenset[str] | None = None) -> tuple[int, int] | None:
        """(themes worth a search, themes sure to match) as bit masks; None means "search them all".

        A theme is sure to match when the text has a word that is one of its single-word keywords:
        its regex matches that word whatever the other keywords, so no search is needed to know.
        """
        if words is None or not (text.isascii() or reads_as_ascii(text)):  # words of inert punctuation are ASCII
            words = self._words(text)
            if words is None:
                return None
        found, sure = self.always_mask, 0
        masks = self.word_masks
        for word in words & self.lookup_words:
            keep, proven = masks[word]
            found |= keep
            sure |= proven
        if self.stem_scan is not None:
            stems = self.stem_masks
            for stem in self.stem_scan.findall(" " + " ".join(words)):  # words hold only word characters
                found |= stems[stem]
        return found, sure

    @staticmethod
    def _words(text: str) -> set[str] | None:
        if text.isascii():
            return set(_TOKEN.findall(text.lower()))
        words = _TOKEN.findall(text)
        return {w.lower() for w in words} if all(w.isascii() for w in words) else None


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[Theme, ...]
    prefilter: _Prefilter | None = None
    # text -> theme id of texts already matched: areas and focus labels recur from
    # batch to batch, and a worker process runs many batches. Bounded by MEMO_SIZE.
    memo: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    MEMO_SIZE: ClassVar[int] = 200_000

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(theme.id for theme in self.themes)

    def label(self, theme_id: str) -> str:
        """Unknown ids (e.g. from older outputs) fall back to the id itself."""
        return next((t.label for t in self.themes if t.id == theme_id), theme_id)

    def theme_of(self, text: str | None, words: frozenset[str] | None = None) -> str | None:
        """``words``: the text's lowercase words (``statements.sentence_words``), when the caller has them."""
        if isinstance(text, str) and text in self.memo:
            return self.memo[text]
        theme = self.first_theme(text, words)
        if isinstance(text, str):
            if len(self.memo) >= self.MEMO_SIZE:
                self.memo.clear()
            self.memo[text] = theme
        return theme

    def assign(self, *texts: str | None) -> str | None:
        for text in texts:
            theme = self.theme_of(text)
            if theme is not None:
                return theme
        return None

    def explain(self, *texts: str | None) -> ThemeMatch | None:
        for index, text in enumerate(texts):
            found = self._first_match(text)
            if found:
                return ThemeMatch(found[0].id, index, found[1].group(0))
        return None

    def first_theme(
        self, text: str | None, words: frozenset[str] | None = None, lowered: str | None = None
    ) -> str | None:
        """``theme_of`` without its memo (for a caller that keeps its own): ``_first_match``'s theme id,
        without a search for a theme its keyword words prove (in file order). ``lowered``: ``text.lower()``
        when the caller has it and knows ``reads_as_ascii(text)`` (``statements.read_sentence``)."""
        masks = self.prefilter.masks(text, words) if self.prefilter and isinstance(text, str) and text else None
        if masks is None:
            found = self._first_match(text, words)
            return found[0].id if found else None
        keep, sure = masks
        ascii = lowered is not None or reads_as_ascii(text)
        if lowered is None:
            lowered = text.lower() if ascii and keep & ~sure else ""
        while keep:
            low = keep & -keep
            keep ^= low
            theme = self.themes[low.bit_length() - 1]
            if low & sure:
                return theme.id
            pattern, read = theme.twins.choose(text, ascii, lowered)
            if pattern.search(read) is not None:
                return theme.id
        return None

    def _first_match(self, text: str | None, words: frozenset[str] | None = None) -> tuple[Theme, re.Match[str]] | None:
        # Non-strings (NaN from pandas, say) are treated as missing, not as errors.
        if not isinstance(text, str) or not text:
            return None
        keep = self.prefilter.candidates(text, words) if self.prefilter else None
        ascii = reads_as_ascii(text)
        for position in range(len(self.themes)) if keep is None else keep:
            theme = self.themes[position]
            match = (theme.twins.ascii if ascii else theme.pattern).search(text)  # group(0): the text's own case
            if match:
                return theme, match
        return None


def keyword_pattern(keyword: str) -> str:
    """One keyword -> regex source; kept public so the YAML rules can be tested in isolation."""
    stem = keyword.strip()
    prefix = stem.endswith("*")
    words = [w for w in _WORD_SEPARATOR.split(stem.rstrip("*")) if w]
    if not words or not any(re.search(r"\w", w) for w in words):
        raise ValueError(f"keyword {keyword!r} has no word characters")
    body = _PHRASE_GAP.join(re.escape(w) for w in words)
    return body + (r"\w*" if prefix else "")


def _compile_theme(entry: dict[str, Any], position: int) -> Theme:
    if not isinstance(entry, dict):
        raise ValueError(f"theme #{position}: expected a mapping, got {type(entry).__name__}")
    theme_id, label, keywords = entry.get("id"), entry.get("label"), entry.get("keywords")
    if not isinstance(theme_id, str) or not _ID.match(theme_id):
        raise ValueError(f"theme #{position}: id {theme_id!r} is not snake_case")
    if not isinstance(keywords, list) or not keywords or not all(isinstance(k, str) for k in keywords):
        raise ValueError(f"theme {theme_id!r}: keywords must be a non-empty list of strings")
    # Longest first, so the reported keyword_text is the most specific phrase.
    alternatives = sorted({keyword_pattern(k) for k in keywords}, key=lambda p: (-len(p), p))
    source = r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"
    pattern = re.compile(source, re.IGNORECASE)
    return Theme(theme_id, str(label or theme_id), tuple(keywords), pattern)


def _keyword_key(keyword: str) -> tuple[str, str] | None:
    """("exact" | "stem", lowercase text) the prefilter looks a keyword up by; None when it cannot."""
    words = [w for w in _WORD_SEPARATOR.split(keyword.strip().rstrip("*")) if w]
    lead = _LEADING_WORD.match(words[0]) if words else None
    if lead is None or not lead.group(0).isascii():
        return None
    whole_word = lead.group(0) == words[0]
    if keyword.strip().endswith("*") and len(words) == 1 and whole_word:
        return "stem", lead.group(0).lower()
    return "exact", lead.group(0).lower()


def _build_prefilter(themes: tuple[Theme, ...]) -> _Prefilter:
    exact: dict[str, set[int]] = {}
    stems: list[tuple[str, int]] = []
    always: set[int] = set()
    sure: dict[str, int] = {}
    for position, theme in enumerate(themes):
        for keyword in theme.keywords:
            if _ASCII_WORD.fullmatch(keyword.strip()):  # one ASCII word, no stem: its regex is the word itself
                sure[keyword.strip().lower()] = sure.get(keyword.strip().lower(), 0) | 1 << position
            key = _keyword_key(keyword)
            if key is None:
                always.add(position)
            elif key[0] == "stem":
                stems.append((key[1], position))
            else:
                exact.setdefault(key[1], set()).add(position)
    frozen = {word: frozenset(positions) for word, positions in exact.items()}
    return _Prefilter(frozen, tuple(stems), frozenset(always), sure)


def parse_taxonomy(document: Any) -> Taxonomy:
    if not isinstance(document, dict) or not isinstance(document.get("themes"), list):
        raise ValueError("taxonomy file must be a mapping with a 'themes' list")
    themes = tuple(_compile_theme(entry, i) for i, entry in enumerate(document["themes"]))
    duplicates = sorted({t.id for t in themes if [u.id for u in themes].count(t.id) > 1})
    if duplicates:
        raise ValueError(f"duplicate theme ids: {', '.join(duplicates)}")
    return Taxonomy(themes, _build_prefilter(themes))


@lru_cache(maxsize=8)
def load_taxonomy(path: str | Path = THEMES_FILE) -> Taxonomy:
    """Cached because every batch of a run asks for it; call ``load_taxonomy.cache_clear()`` after editing."""
    with open(path, encoding="utf-8") as handle:
        return parse_taxonomy(yaml.safe_load(handle))


def _as_string_array(column: ColumnLike) -> pa.Array:
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    array = column if isinstance(column, pa.Array) else pa.array(column, type=pa.string(), from_pandas=True)
    if pa.types.is_dictionary(array.type):
        array = array.cast(array.type.value_type)
    return array if array.type == pa.string() else array.cast(pa.string())


def _distinct_themes(taxonomy: Taxonomy, values: pa.Array) -> pa.Array:
    encoded = values.dictionary_encode()
    themes = pa.array([taxonomy.theme_of(v) for v in encoded.dictionary.to_pylist()], type=pa.string())
    return themes.take(encoded.indices)


def theme_array(taxonomy: Taxonomy, columns: Sequence[ColumnLike]) -> pa.Array:
    """Arrow-native ``assign_themes``: row i gets ``taxonomy.assign(col0[i], col1[i], ...)``."""
    if not columns:
        raise ValueError("assign_themes needs at least one column")
    arrays = [_as_string_array(c) for c in columns]
    if len({len(a) for a in arrays}) > 1:
        raise ValueError(f"columns differ in length: {[len(a) for a in arrays]}")
    result = _distinct_themes(taxonomy, arrays[0])
    for values in arrays[1:]:
        pending = pc.is_null(result)
        # Later fields only matter where earlier ones found nothing: match only those rows.
        todo = pc.if_else(pending, values, pa.scalar(None, pa.string()))
        result = pc.coalesce(result, _distinct_themes(taxonomy, todo))
    return result


def assign_themes(taxonomy: Taxonomy, columns: Sequence[ColumnLike]) -> list[str | None]:
    return theme_array(taxonomy, columns).to_pylist()


def main(argv: list[str]) -> int:
    """``python -m nato_briefs.themes TEXT...``: try the rules on a few strings before editing the YAML."""
    taxonomy = load_taxonomy()
    match = taxonomy.explain(*argv)
    if match is None:
        print("unassigned")
        return 1
    print(f"{match.theme} (field {match.field_index}, keyword text {match.keyword_text!r})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
