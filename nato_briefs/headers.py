"""Which table headers name area / focus / outcome: the header mapping the contract defines.

Its own module because both the reader (``wrapped_role_header`` joins a header wrapped over two rows
only when the joined words map) and normalize (which rows are ``priorities``) ask it; the words are
data in ``header_synonyms.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from nato_briefs.config import HEADER_SYNONYMS_FILE

ROLES = ("area", "focus", "outcome")

_NON_WORD = re.compile(r"[^\w\s]|_")


@dataclass(frozen=True)
class HeaderSynonyms:
    """Per role, the exact phrases and the head words that name it (normalized header text)."""

    phrases: dict[str, str]  # phrase -> role
    words: dict[str, str]  # head word -> role
    time_words: frozenset[str] = frozenset()  # "by" of "Expected Outcome by 2030": no head word once the year goes
    postpositive: frozenset[str] = frozenset()  # "agreed" of "Action agreed": qualifies the noun before it
    head_before: frozenset[str] = frozenset({"of"})  # "of" of "Area of Responsibility": the head word is before it
    abbreviations: dict[str, str] = field(default_factory=dict)  # "prio" -> "priority" (``header_abbreviations``)
    question_words: frozenset[str] = frozenset()  # "what" of "What it should achieve" (``question_header``)
    question_verbs: dict[str, str] = field(default_factory=dict)  # "achieve" -> outcome (``question_header``)
    determiners: frozenset[str] = frozenset()  # "the", "our" of "Our key focus" (``header_determiners``)
    total_words: frozenset[str] = frozenset()  # "total" of a totals row's first cell (``totals_row``)
    delivery_words: frozenset[str] = frozenset()  # "deliverable", "output": outcome words naming what is delivered
    compound_tails: tuple[str, ...] = ()  # "bereich" of "Zielbereich", longest first (``compound_tail``)
    aim_words: frozenset[str] = frozenset()  # "aim", "goal": outcome words naming what a row aims at
    cache: dict[tuple[str, ...], tuple[int, int, int] | None] = field(default_factory=dict, compare=False, repr=False)

    def role(self, header: str) -> tuple[str, bool] | None:
        """(role, named by an exact phrase) for one normalized header, or None; a header naming none as
        written is read with its abbreviations spelled out (``Exp. Res.`` -> expected result:
        ``header_abbreviations``), so a word that is also an abbreviation keeps its own role."""
        found = self._role(header)
        if found is None and self.abbreviations:
            words = header.split()
            if any(word in self.abbreviations for word in words):
                found = self._role(" ".join(self.abbreviations.get(word, word) for word in words))
        if found is None and header.split(" ", 1)[0] in self.question_words:
            found = self._question_role(header.split())
        return found

    def delivers(self, header: str) -> bool:
        """Whether one normalized header names what is delivered (``Key Deliverables``, ``Outputs``:
        ``delivery_words``): of two outcome columns without a focus, that one is the focus whatever the column
        order (``two_outcomes``)."""
        words = header.split()
        return any(w in self.delivery_words or w.removesuffix("s") in self.delivery_words for w in words)

    def aims(self, header: str) -> bool:
        """Whether one normalized header names what a row aims at (``Aim``, ``Goals``: ``aim_words``): left of the
        focus column, of two outcome columns and no area, that one is the area (``aim_before_action``)."""
        words = header.split()
        return len(words) <= 2 and any(w in self.aim_words or w.removesuffix("s") in self.aim_words for w in words)

    def _question_role(self, words: list[str]) -> tuple[str, bool] | None:
        """A question or "what" clause as a header (``question_header``): the role of its first role word
        (``What outcome do you expect?`` -> outcome), else of its last verb that names one (``What it should
        achieve`` -> outcome, ``What Allies agreed`` -> focus), as a form's or a plain-language template's
        columns ask. None when it holds neither (``Who leads?``, ``What happened``)."""
        for word in words[1:]:
            if word in self.words:
                return self.words[word], False
        verbs = [self.question_verbs[word] for word in words[1:] if word in self.question_verbs]
        return (verbs[-1], False) if verbs else None

    def _role(self, header: str) -> tuple[str, bool] | None:
        if header in self.phrases:  # as written first: "enfoque clave" is a phrase before "clave" goes
            return self.phrases[header], True
        header = self._undated(header)
        if header in self.phrases:
            return self.phrases[header], True
        word = _head_word(header, self.head_before)
        singular = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word
        for candidate in (word, singular, sibilant_singular(word)):
            if candidate in self.words:
                return self.words[candidate], False
        return self._compound_role(word)

    def _compound_role(self, word: str) -> tuple[str, bool] | None:
        """The role of a compound's last part (``compound_tail``): German, Dutch, the Nordic languages, Finnish,
        Estonian and Hungarian write "target area" as one word (``Zielbereich``, ``Målområde``, ``Célterület``), so
        the head word is its tail. Only the tails listed, and only after three letters or more of the compound."""
        for tail in self.compound_tails:
            if len(word) - len(tail) >= _COMPOUND_HEAD and word.endswith(tail):
                return self.words[tail], False
        return None

    def _undated(self, header: str) -> str:
        """The header without the words that name nothing at its ends: those its dropped year leaves
        (``expected outcome by``), a participle after its noun (``outcome sought``, ``postpositive``) and a
        determiner or possessive before its words (``our key focus``, ``the priority area``:
        ``header_determiners``)."""
        words = header.split()
        while len(words) > 1 and words[0] in self.determiners:
            words.pop(0)
        while len(words) > 1 and (words[-1] in self.time_words or words[-1] in self.postpositive):
            words.pop()
        return " ".join(words)


# English nouns ending in these take "es" in the plural: "focus" -> "focuses", "approach" -> "approaches".
_SIBILANT_ENDS = ("s", "x", "z", "ch", "sh")


def sibilant_singular(word: str) -> str:
    """The singular of an English plural in "es" after a sibilant (``sibilant_plural``): ``focuses`` -> ``focus``,
    ``approaches`` -> ``approach``. Stripping only the "s" leaves ``focuse``, which names no role, so a template's
    "Key Focuses" column was lost with its table. Other words come back as they are (``outcomes``, ``measures``:
    the plain "s" rule reads those)."""
    stem = word[:-2]
    return stem if word.endswith("es") and stem.endswith(_SIBILANT_ENDS) else word


# The fewest letters before a compound's tail: "Zielbereich" has four, "Célterület" three (``compound_tail``).
_COMPOUND_HEAD = 3


def _head_word(header: str, head_before: frozenset[str]) -> str:
    """The word a header is about: its last word, or the last before a preposition such as "of"
    ("area of responsibility" -> area, "impact on readiness" -> impact: ``head_before``). A lone letter is no head
    word ("outcome(s)" leaves a lone "s"), but it can be the preposition: the elided French "d'" of "Champ d'action"."""
    head = ""
    for word in header.split():
        if word in head_before and head:
            return head
        if len(word) > 1:
            head = word
    return head


def normalize_header(text: str) -> str:
    """Words of a header as the synonyms are keyed: case-folded, punctuation and ``_`` as spaces.

    Footnote marks and numbers name no role (``Priority Area¹``, ``Expected Outcome (2030)``,
    ``priority_area`` in a CSV export): superscript digits go, and so do words of digits only. A participle
    contracted with an apostrophe is one word (``Req'd`` -> ``reqd``: ``contracted_participle``). A Turkish
    capital İ folds to the plain i (``dotted_capital_i``), and so does the dotless ı, whose capital I case folding
    reads as an i (``dotless_i``: ``ÇIKTI`` and ``Çıktı`` are one word); Greek drops its accents, as its capitals do
    (``greek_accents``: ``ΤΟΜΕΑΣ`` and ``Τομέας`` are one word). Text in decomposed form (NFD, as macOS file names
    and some Mac editors write it: an "e" and a combining acute) is composed first (``decomposed_accents``): the
    combining mark is no word character, so "Résultat attendu" broke into "re" and "sultat" and named no role.
    """
    folded = text.translate(_FOLDS).casefold()
    if not folded.isascii():  # ``decomposed_accents``: "re\u0301sultat" (NFD) is the word "résultat"
        folded = unicodedata.normalize("NFC", folded)
    folded = _CONTRACTED_PARTICIPLE.sub("d", folded)  # ``contracted_participle``: "req'd" -> "reqd"
    if _DOT_ABOVE in folded:  # an İ written as I and a combining dot (decomposed, as NFD text has it)
        folded = dotted_capital_i(folded)
    if _GREEK.search(folded) is not None:
        folded = greek_without_accents(folded)
    words = (_without_marks(w) for w in _NON_WORD.sub(" ", folded).split())
    return " ".join(_ocr_letters(w) for w in words if w and not w.isdigit())


# A participle contracted with an apostrophe, as staff tables write them ("Action Req'd", "Exp'd Outcome"): the
# apostrophe goes, so the word is one (``reqd``) that the abbreviations spell out; punctuation would have split it
# into "req" and a lone "d" (``contracted_participle``). An elided French "d'" opens a word and is left alone.
_CONTRACTED_PARTICIPLE = re.compile(r"(?<=\w)['\u2019]d\b")


# The combining dot above that case folding leaves after the i of a Turkish capital İ ("İ".casefold() == "i̇").
_DOT_ABOVE = "\u0307"
# What a header's text reads as before case folding, in one pass: "&" as "and"; the Turkish capital İ as the plain i
# (``dotted_capital_i``), before case folding gives it that dot; the dotless ı as i, since its capital is the plain I,
# which case folding reads as an i (``dotless_i``).
_FOLDS = str.maketrans({"&": " and ", "\u0130": "i", "\u0131": "i"})
# A Greek letter (basic and extended Greek), and the accents and breathings Greek capitals leave out.
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_GREEK_ACCENTS = frozenset("\u0300\u0301\u0313\u0314\u0342\u0345")


def greek_without_accents(folded: str) -> str:
    """Case-folded text with the accents (tonos, grave, circumflex) and breathings of its letters dropped
    (``greek_accents``).

    Greek writes its capitals without accents, so a ministry's header in capitals (``ΑΝΑΜΕΝΟΜΕΝΑ ΑΠΟΤΕΛΕΣΜΑΤΑ``)
    folded to words that were not those of its lower-case spelling (``αναμενόμενα αποτελέσματα``). The diaeresis
    stays: capitals keep it (``ΠΡΟΫΠΟΛΟΓΙΣΜΟΣ``).
    """
    kept: list[str] = []
    greek = False  # whether the letter the marks follow is Greek: another script's accents stay ("résultat")
    for ch in unicodedata.normalize("NFD", folded):
        if ch in _GREEK_ACCENTS and greek:
            continue
        if not unicodedata.combining(ch):
            greek = _GREEK.match(ch) is not None
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def dotted_capital_i(folded: str) -> str:
    """Case-folded text with the dot above the i of a folded Turkish capital İ dropped (``dotted_capital_i``).

    Turkish writes its dotted capital as its own letter, so a header in capitals (``TEMEL FAALİYETLER``) folds to
    "faali̇yetler", whose combining dot is no word character: the word broke in two and named no role. The dot
    on an i is the i's own; any other letter keeps a combining dot above (a diacritic of its own). ``normalize_header``
    folds the one-letter İ before case folding (``_FOLDS``); this drops the dot of an İ written as I and a
    combining dot (decomposed text, as NFD has it).
    """
    return folded.replace("i" + _DOT_ABOVE, "i")


# The digits OCR reads for the letters they look like (``ocr_letters``): "Expected 0utcome", "Ro1e".
_OCR_DIGITS = str.maketrans("01", "ol")


def _ocr_letters(word: str) -> str:
    """A word of letters with a 0 or 1 among them, as its letters (``0utcome`` -> ``outcome``): OCR's misreading.

    A scanned table's header keeps the role its author wrote. A code (``q1``, ``h2``: under three letters,
    or ending in its digit, as a footnote mark does), a word with other digits (``a400m``, ``f35``) or of
    digits only is left as it is.
    """
    if word.isalpha() or not word[-1].isalpha() or sum(ch.isalpha() for ch in word) < 3:
        return word
    letters = word.translate(_OCR_DIGITS)
    return letters if letters.isalpha() else word


def _without_marks(word: str) -> str:
    """The word without superscript or circled digits (digits, but not decimal ones)."""
    if word.isascii():
        return word
    return "".join(ch for ch in word if ch.isdecimal() or not ch.isdigit())


@lru_cache(maxsize=8)
def load_header_synonyms(path: Path = HEADER_SYNONYMS_FILE) -> HeaderSynonyms:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    missing = [role for role in ROLES if not isinstance(raw.get(role), dict) or not raw[role].get("words")]
    if missing:
        raise ValueError(f"{path}: no words for role(s) {', '.join(missing)}")
    phrases: dict[str, str] = {}
    words: dict[str, str] = {}
    for role in ROLES:
        for kind, target in (("phrases", phrases), ("words", words)):
            for entry in raw[role].get(kind) or ():
                key = normalize_header(str(entry))
                if target.setdefault(key, role) != role:
                    raise ValueError(f"{path}: {key!r} is listed under {target[key]} and {role}")
    return HeaderSynonyms(
        phrases,
        words,
        _word_set(raw, "time_words"),
        _word_set(raw, "postpositive"),
        _word_set(raw, "head_before") | {"of"},
        {normalize_header(str(k)): normalize_header(str(v)) for k, v in (raw.get("abbreviations") or {}).items()},
        _word_set(raw, "question_words"),
        {
            normalize_header(str(verb)): role
            for role in ROLES
            for verb in (raw.get("question_verbs") or {}).get(role) or ()
        },
        _word_set(raw, "determiners"),
        _word_set(raw, "total_rows"),
        _word_set(raw, "delivery_words"),
        _compound_tails(raw, words, path),
        _word_set(raw, "aim_words"),
    )


def _compound_tails(raw: dict, words: dict[str, str], path: Path) -> tuple[str, ...]:
    """The synonyms file's ``compound_tails``, longest first; each must be a listed word (it takes that word's role)."""
    tails = _word_set(raw, "compound_tails")
    unlisted = sorted(tails - words.keys())
    if unlisted:
        raise ValueError(f"{path}: compound tails that are no listed word: {', '.join(unlisted)}")
    return tuple(sorted(tails, key=len, reverse=True))


def _word_set(raw: dict, key: str) -> frozenset[str]:
    """One of the synonyms file's word lists, normalized as headers are."""
    return frozenset(normalize_header(str(w)) for w in raw.get(key) or ())


def map_headers(headers: list[str], synonyms: HeaderSynonyms) -> tuple[int, int, int] | None:
    """Column index of (area, focus, outcome), or None when the table does not map."""
    key = tuple(headers)
    if key not in synonyms.cache:  # a corpus repeats a handful of header rows thousands of times
        if len(synonyms.cache) > 8192:
            synonyms.cache.clear()
        synonyms.cache[key] = _map_headers(headers, synonyms)
    return synonyms.cache[key]


# A bracketed aside in a header: "(LOE)", "[a]", "(what is done)".
_ASIDE = re.compile(r"\([^()]{0,60}+\)|\[[^\[\]]{0,60}+\]")
# A camelCase boundary inside a word: "priorityArea", "expectedOutcome" (a lowercase letter, then a capital).
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])")
# What joins a header's parts: a slash between two languages, "and"/"&" between two nouns.
_PART_JOINER = re.compile(r"/|&|\band\b", re.IGNORECASE)


def _header_role(header: str, normalized: str, synonyms: HeaderSynonyms) -> tuple[str, bool] | None:
    """A header's role; when the whole names none, the header split at its camelCase boundaries when it opens
    lowercase (``priorityArea``, a JSON record's key: ``camel_case_header``), the header without its bracketed
    aside (``Line of Effort (LOE)``: ``header_aside``), else its first part that names one: of a bilingual header
    (``Priority Area / Domaine prioritaire``) or of two nouns joined by "and" (``Deliverables & Milestones``:
    ``header_parts``). ``normalized``: ``normalize_header(header)``, which the caller keeps for ``delivers``."""
    found = synonyms.role(normalized)
    if found is None and header[:1].islower() and _CAMEL_BOUNDARY.search(header) is not None:
        # a JSON record's key as a header (``camel_case_header``): "priorityArea" -> "priority Area"
        found = synonyms.role(normalize_header(_CAMEL_BOUNDARY.sub(" ", header)))
    if found is None and ("(" in header or "[" in header):
        bare = _ASIDE.sub(" ", header)
        found = synonyms.role(normalize_header(bare)) if bare != header else None
    if found is None and _PART_JOINER.search(header) is not None:
        for part in _PART_JOINER.split(header):
            found = synonyms.role(normalize_header(part))
            if found is not None:
                break
    return found


def _leftmost_two(
    found: list[tuple[bool, int]], first: frozenset[int] = frozenset()
) -> tuple[list[tuple[bool, int]], list[tuple[bool, int]]]:
    """The two leftmost columns of one role, each as the only column of a role: a role named twice splits, the
    left one first unless only the right one is in ``first`` (a column naming what is delivered: ``two_outcomes``)."""
    left, right = sorted(index for _, index in found)[:2]
    if right in first and left not in first:
        left, right = right, left
    return [(False, left)], [(False, right)]


def _map_headers(headers: list[str], synonyms: HeaderSynonyms) -> tuple[int, int, int] | None:
    columns: dict[str, list[tuple[bool, int]]] = {role: [] for role in ROLES}
    normalized = [normalize_header(header) for header in headers]
    for index, header in enumerate(headers):
        found = _header_role(header, normalized[index], synonyms)
        if found is not None:
            columns[found[0]].append((not found[1], index))  # exact phrases first, then left to right
    if len(columns["area"]) >= 2 and not columns["focus"]:
        columns["area"], columns["focus"] = _leftmost_two(columns["area"])
    elif len(columns["focus"]) >= 2 and not columns["area"] and columns["outcome"]:
        # two focus columns and no area (``two_focuses``): the left one names what the row is about, as the left
        # of two areas does ("Objective | Approach | Target", "Initiative | Action | Result")
        columns["area"], columns["focus"] = _leftmost_two(columns["focus"])
    elif len(columns["outcome"]) >= 2 and not columns["focus"] and columns["area"]:
        # two outcome columns and no focus (``two_outcomes``): the left one names what is delivered,
        # the right one what it brings ("Concrete Deliverables | Anticipated Benefits"), as two areas do; a column
        # naming what is delivered is the focus in any column order ("End State | Deliverables": ``delivery_words``)
        delivered = frozenset(index for _, index in columns["outcome"] if synonyms.delivers(normalized[index]))
        columns["focus"], columns["outcome"] = _leftmost_two(columns["outcome"], delivered)
    elif len(columns["outcome"]) >= 2 and columns["focus"] and not columns["area"]:
        # an aim left of the action and a result right of it, no area (``aim_before_action``): "Aim | Activity |
        # Benefit", "Goal | Action | Result": the aim names what the row is about, as the left of two focuses does;
        # outcomes all right of the focus ("Action | Result | Benefit") or naming no aim (``aim_words``: "Expected
        # Outcome | Key Focus | Impact") stay unmapped
        focus_at = min(columns["focus"])[1]
        aims = sorted(i for _, i in columns["outcome"] if i < focus_at and synonyms.aims(normalized[i]))
        if aims and any(index > focus_at for _, index in columns["outcome"]):
            columns["area"] = [(False, aims[0])]
            columns["outcome"] = [entry for entry in columns["outcome"] if entry[1] > focus_at]
    if any(not cols for cols in columns.values()):
        return None
    area, focus, outcome = (min(columns[role])[1] for role in ROLES)
    return area, focus, outcome
