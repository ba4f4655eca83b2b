"""Is a prose sentence a commitment, a priority or a concern, and which cue says so?

Rules rather than a model, for the same reasons as the themes: an analyst must
see why a sentence was read as a commitment (the ``cue`` names the rule, as
written in ``statement_rules.yaml``), change the outcome by editing the YAML,
and get the same answer on every run. The order of decisions, also documented
at the top of the rules' section of the YAML:

1. ``not_statement`` rules first. Each blocks some kinds (all by default): a
   pointer line ("... listed below:"), a hope, commentary on what a meeting
   "will provide", a future meeting or visit, background ("was launched in
   1994", blocks only commitments), an adversary's or company's announcement.
   A blocker blocks only the clause it matches in (``clause_breaks`` in the YAML:
   "; ", ", and Allies ..."), so "Seoul is set to join the exercise, and Allies will
   host a forum" keeps its commitment; a rule with ``scope: sentence`` (a pointer
   line, a question) blocks the whole sentence.
2. The kinds in precedence order commitment > priority > concern; the first kind
   with a rule matching in a clause where that kind is not blocked wins (a rule's
   match is in the clause where it starts; a blocker's covers every clause it
   touches). A rule's pattern may name
   ``{actor}`` (NATO, Allies, leaders, ministers, the EU, partners, ...), or ask
   with ``actor_within`` for an actor shortly before the cue in the same clause,
   which is how "NATO plans to" counts and "the visit aims to" does not. It may
   also name a word class of the YAML's ``word_classes`` (``{adversary}``,
   ``{step_up}``): one list of words, kept once, that rules of grammar share
   ("an adversary steps up its X"), so a new verb or adversary is one line.
3. "agreed that X" takes X's kind: "agreed that" is no cue of its own, so the
   cues found in X decide.
4. Per document, after the above (``AuthorsVoice``, read by ``nato_briefs.prose``):
   in an op-ed or a think tank's brief, the author's own recommendations are
   read again without the kinds the voice takes back (commitment, priority).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from nato_briefs.regexes import (
    Branches,
    Requirement,
    Twins,
    Unit,
    WordIndex,
    bit_mask,
    branches_of,
    char_trie,
    reads_as_ascii,
    refuses_stems,
    required_literals,
    trie_source,
)
from nato_briefs.sentences import RULES_FILE, YAML_LOADER

KINDS = ("commitment", "priority", "concern")
_WORD = re.compile(r"\w+")
_ASCII_WORD = re.compile(r"[a-z0-9_]+")  # ``_WORD`` on lowercased text ``reads_as_ascii`` accepts
_CLAUSE_BREAK = re.compile(r"[.;:]")
# Sentences longer than this are classified on their first MAX_CHARS code points:
# every pattern is bounded, so the cost per sentence is bounded too.
MAX_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class Classification:
    kind: str
    cue: str


@dataclass(frozen=True)
class Rule:
    cue: str
    pattern: re.Pattern[str]
    blocks: frozenset[str] = frozenset(KINDS)
    words: frozenset[str] = frozenset()  # speed gate: tried only on sentences with one of these words
    stems: tuple[str, ...] = ()  # ... or a word starting with one of these
    actor_within: int | None = None  # an actor must end at most this many code points before the match
    sentence_scope: bool = False  # a blocker that blocks the whole sentence, not only its own clause
    twins: Twins = field(init=False, compare=False, repr=False)  # the pattern's faster forms: same spans, sooner
    # Literals every match holds, read off the pattern (``regexes.required_literals``): a sentence without
    # them is not searched. Derived, not declared: a rule added to the YAML gets its own, or none (always tried).
    requires: Requirement = field(init=False, compare=False, repr=False)
    # The pattern's top-level alternatives with the literals each requires (``regexes.Branches``): a sentence
    # that meets ``requires`` is searched only with the alternatives whose own literals it holds. Derived too;
    # None for a pattern of one alternative (or syntax the reader does not read): searched whole.
    branches: Branches | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "twins", Twins(self.pattern))
        object.__setattr__(self, "requires", required_literals(self.pattern))
        object.__setattr__(self, "branches", branches_of(self.pattern))

    def may_match(self, sentence_words: frozenset[str]) -> bool:
        """False only when the pattern cannot match: none of its gate words occurs."""
        if not self.words and not self.stems:
            return True
        if not self.words.isdisjoint(sentence_words):
            return True
        return bool(self.stems) and any(w.startswith(self.stems) for w in sentence_words)

    def matches(self, sentence: _Sentence) -> bool:
        """Does the rule match? (Its word gate is checked beforehand, for all rules at once.)"""
        if self.actor_within is None:
            pattern, text = self.twins.choose(sentence.text, sentence.ascii, sentence.lowered)
            return pattern.search(text) is not None
        return next(self._spans(sentence), None) is not None

    def spans(self, sentence: _Sentence) -> list[tuple[int, int]]:
        """Every match as (start, end), those without their actor left out: where in the sentence it matched."""
        return list(self._spans(sentence))

    def _spans(self, sentence: _Sentence) -> Iterator[tuple[int, int]]:
        """The matches of ``spans``, lazily: ``matches`` stops at the first.

        The pattern is searched before the actors are: most searches fail, and then no actor is looked for.
        """
        pattern, text = self.twins.choose(sentence.text, sentence.ascii, sentence.lowered)
        for match in pattern.finditer(text):
            if self.actor_within is None:
                yield match.span()
            elif not sentence.actor_ends():
                return
            elif sentence.actor_before(match.start(), self.actor_within):
                yield match.span()


class _Sentence:
    """One sentence under classification: its words and (computed once, on demand) where actors end."""

    __slots__ = ("_ends", "actor", "actor_text", "ascii", "lowered", "text", "words")

    def __init__(
        self,
        text: str,
        actor: Twins | re.Pattern[str],
        words: frozenset[str] | None = None,
        lowered: str | None = None,
    ) -> None:
        """``actor``: the actor regex with its twins; a bare pattern instead reads every sentence as it is,
        and so do the rules (no twin: the reference the tests compare the twins with). ``lowered``:
        ``text.lower()`` when the caller knows ``reads_as_ascii(text)``."""
        self.text = text
        self.words = sentence_words(text) if words is None else words
        self.ascii = isinstance(actor, Twins) and (lowered is not None or reads_as_ascii(text))
        self.lowered = (lowered or text.lower()) if self.ascii else text  # what a rule's lowercase twin reads
        if isinstance(actor, Twins):
            self.actor, self.actor_text = actor.choose(text, self.ascii, self.lowered)
        else:
            self.actor, self.actor_text = actor, text
        self._ends: list[int] | None = None

    def actor_ends(self) -> list[int]:
        if self._ends is None:
            self._ends = [m.end() for m in self.actor.finditer(self.actor_text)]
        return self._ends

    def actor_before(self, start: int, within: int) -> bool:
        """Does an actor end in ``[start - within, start]`` with no clause break (. ; :) in between?"""
        for end in self.actor_ends():
            if start - within <= end <= start and not _CLAUSE_BREAK.search(self.text, end, start):
                return True
        return False


@dataclass(frozen=True)
class StatementRules:
    not_statement: tuple[Rule, ...]
    kinds: tuple[tuple[str, tuple[Rule, ...]], ...]  # in precedence order
    actor: re.Pattern[str] = re.compile(r"(?!)")
    clause_break: re.Pattern[str] = re.compile(r"(?!)")  # where a clause ends, for the blockers' scope
    # The same file's ``authors_voice`` section, compiled with the rules: the file is read once for both.
    voice: AuthorsVoice = field(kw_only=True, compare=False, repr=False)
    # All rules in decision order (not-statement rules, then each kind's in precedence
    # order) as (kind or None, rule); rules are referred to by position in this list.
    ordered: tuple[tuple[str | None, Rule], ...] = field(init=False, compare=False, repr=False)
    # The rules' word gates: the words that admit a rule, and (as " " + stem) the stems that do.
    gate_words: frozenset[str] = field(init=False, compare=False, repr=False)
    # The same gates as bit masks (bit i: rule at position i): a union of ints is cheaper than of sets.
    gate_masks: dict[str, int] = field(init=False, compare=False, repr=False)
    # " " + stem -> the rules it admits: each distinct stem is looked for once per sentence, however many
    # rules share it (the year stems " 19", " 20" gate several).
    stem_masks: dict[str, int] = field(init=False, compare=False, repr=False)
    ungated_mask: int = field(init=False, compare=False, repr=False)
    actor_twins: Twins = field(init=False, compare=False, repr=False)  # ``actor`` with its faster forms
    # verdicts[i]: the Classification the rule at position i gives (None for a not-statement rule),
    # made once: the classifier's cache then holds tens of thousands of references, not objects.
    verdicts: tuple[Classification | None, ...] = field(init=False, compare=False, repr=False)
    # plan[i]: how ``classify`` tries the rule at position i: (search, search of an ASCII sentence, whether
    # that one reads the lowercased sentence, actor_within, the search of an ASCII sentence by the live
    # alternatives (``Branches.search_live``) or None, where its alternatives' bits start in ``index``, the
    # bit mask of as many alternatives): its ``Twins.choose`` laid out ahead, no call per try.
    plan: tuple[tuple[Any, ...], ...] = field(init=False, compare=False, repr=False)
    # Every rule's word gate and literals (``Rule.requires``), then every alternative's (``Rule.branches``), as
    # units of one ``WordIndex``: a sentence read as ASCII learns which rules it meets from its words at once
    # (bit i: the rule at position i; an alternative's bits follow the rules'). Derived at load from the rules.
    index: WordIndex = field(init=False, compare=False, repr=False)
    rules_mask: int = field(init=False, compare=False, repr=False)  # bit i for every rule position i
    # Whether ``index`` reads the rules' word gates too (else ``admitted_mask`` reads them: ``refuses_stems``).
    index_gates: bool = field(init=False, compare=False, repr=False)
    # As bit masks: each kind's rules, and the not-statement rules that block each kind.
    kind_masks: dict[str, int] = field(init=False, compare=False, repr=False)
    blocker_masks: dict[str, int] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        ordered = [(None, r) for r in self.not_statement] + [(k, r) for k, rules in self.kinds for r in rules]
        index: dict[str, set[int]] = {}
        for position, (_, rule) in enumerate(ordered):
            for word in rule.words:
                index.setdefault(word, set()).add(position)
        setattr_ = object.__setattr__
        setattr_(self, "ordered", tuple(ordered))
        setattr_(self, "gate_words", frozenset(index))
        stems: dict[str, set[int]] = {}
        for position, (_, rule) in enumerate(ordered):
            for stem in rule.stems:
                stems.setdefault(" " + stem, set()).add(position)
        setattr_(self, "gate_masks", {w: bit_mask(ids) for w, ids in index.items()})
        setattr_(self, "stem_masks", {stem: bit_mask(ids) for stem, ids in stems.items()})
        setattr_(self, "ungated_mask", bit_mask(i for i, (_, r) in enumerate(ordered) if not r.words and not r.stems))
        setattr_(self, "actor_twins", Twins(self.actor))
        setattr_(self, "verdicts", tuple(Classification(k, r.cue) if k is not None else None for k, r in ordered))
        gates = not refuses_stems(stem for _, r in ordered for stem in r.stems)
        setattr_(self, "index_gates", gates)
        units = [Unit(r.words, r.stems, r.requires) if gates else Unit(requires=r.requires) for _, r in ordered]
        offsets = []
        for _, rule in ordered:
            offsets.append(len(units))
            if rule.branches is not None:
                units += [Unit(requires=requires) for requires in rule.branches.requires]
        setattr_(self, "index", WordIndex(units))
        setattr_(self, "rules_mask", (1 << len(ordered)) - 1)
        setattr_(self, "plan", tuple(_plan(rule, offset) for (_, rule), offset in zip(ordered, offsets, strict=True)))
        setattr_(
            self, "kind_masks", {k: bit_mask(i for i, (kind, _) in enumerate(ordered) if kind == k) for k in KINDS}
        )
        blockers = {
            k: bit_mask(i for i, (kind, r) in enumerate(ordered) if kind is None and k in r.blocks) for k in KINDS
        }
        setattr_(self, "blocker_masks", blockers)

    def clause_starts(self, text: str) -> list[int]:
        """Where each clause of ``text`` starts (the first at 0): a blocker blocks its own clauses only."""
        return [0, *(m.end() for m in self.clause_break.finditer(text))]

    def all_rules(self) -> list[Rule]:
        return [rule for _, rule in self.ordered]

    def met_mask(self, words: frozenset[str], lowered: str) -> int:
        """The rules (bit i: the rule at position i) whose word gate lets ``words`` through and whose every
        literal clause (``Rule.requires``) holds in ``lowered``, with their alternatives' (bits past the rules').
        ``lowered``: ``text.lower()`` of a text ``reads_as_ascii`` accepts; ``words``: ``sentence_words`` of it."""
        met = self.index.met(words, lowered)
        return met if self.index_gates else met & (self.admitted_mask(words) | ~self.rules_mask)

    def admitted_mask(self, words: frozenset[str]) -> int:
        """The rules whose word gate lets ``words`` through, as a bit mask (bit i: the rule at position i)."""
        found = self.ungated_mask
        masks = self.gate_masks
        for word in words & self.gate_words:
            found |= masks[word]
        if self.stem_masks:
            joined = " " + " ".join(words)
            for stem, mask in self.stem_masks.items():
                if stem in joined:
                    found |= mask
        return found


def _plan(rule: Rule, offset: int) -> tuple[Any, ...]:
    """How ``classify`` tries a rule (``StatementRules.plan``): bound methods and flags, no attribute look-ups."""
    twins, branches = rule.twins, rule.branches
    alternatives = branches.search_live if branches is not None else None
    width = (1 << len(branches.sources)) - 1 if branches is not None else 0
    return twins.pattern.search, twins.fast.search, twins.reads_lowered, rule.actor_within, alternatives, offset, width


def _actor_regex(actors: list[str]) -> str:
    """One regex for every actor, factored as a trie: tried at each word, it costs a few steps, not one per actor.

    Whole words only: "non-NATO" or "NATO-led" do not name NATO as the one acting.
    """
    trie = char_trie({" ".join(a.split()).lower() for a in actors if a.strip()})
    return rf"(?<![\w-])(?:{trie_source(trie, _actor_atom)})(?![\w-])"


def _actor_atom(char: str) -> str:
    """A character of an actor's name as the regex reads it: a space as any run of white space."""
    return r"\s+" if char == " " else re.escape(char)


_CLASS_REF = re.compile(r"\{([a-z_][a-z0-9_]*)\}")  # not a quantifier: {2}, {0,3}
_ARTICLES = frozenset({"the", "a", "an"})


def _class_regex(members: list[str]) -> str:
    """A word class as one alternation, longest member first (so "stepped up" wins over "stepped")."""
    escaped = sorted((re.escape(" ".join(str(m).split())).replace(r"\ ", " ") for m in members), key=len)
    return "(?:" + "|".join(reversed(escaped)) + ")"


def _class_gate(members: list[str]) -> list[str]:
    """The gate words of a class: each member's first word that is not an article ("the Kremlin": kremlin)."""
    words = [[w for w in _WORD.findall(str(m).lower()) if w not in _ARTICLES] for m in members]
    return [w[0] for w in words if w]


def _expand(source: str, classes: dict[str, list[str]], cue: str) -> str:
    """Put each ``{class}`` of a pattern in as its alternation; an unknown name is an error, not a literal."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in classes:
            raise ValueError(f"rule {cue!r} names unknown word class {{{name}}}")
        return _class_regex(classes[name])

    return _CLASS_REF.sub(one, source)


def _gate(entry: dict[str, Any], classes: dict[str, list[str]]) -> list[str]:
    """The rule's gate words, a ``{class}`` entry standing for the gate words of its members."""
    gate: list[str] = []
    for word in entry.get("words", []):
        name = _CLASS_REF.fullmatch(str(word))
        gate += _class_gate(classes[name.group(1)]) if name and name.group(1) in classes else [str(word).lower()]
    return gate


def _compile(
    entry: dict[str, Any], actor: str, default_blocks: frozenset[str], classes: dict[str, list[str]] | None = None
) -> Rule:
    classes = classes or {}
    source = entry["pattern"].replace(r"\b{actor}\b", "{actor}")
    source = "{actor}".join(_expand(part, classes, str(entry["cue"])) for part in source.split("{actor}"))
    source = source.replace("{actor}", actor)
    blocks = frozenset(entry.get("blocks", default_blocks))
    unknown = blocks - set(KINDS)
    if unknown:
        raise ValueError(f"rule {entry['cue']!r} blocks unknown kinds {sorted(unknown)}")
    gate = _gate(entry, classes)
    return Rule(
        cue=str(entry["cue"]),
        pattern=re.compile(source, re.IGNORECASE),
        blocks=blocks,
        words=frozenset(w for w in gate if not w.endswith("*")),
        stems=tuple(w[:-1] for w in gate if w.endswith("*")),
        actor_within=int(entry["actor_within"]) if entry.get("actor_within") is not None else None,
        sentence_scope=_scope(entry) == "sentence",
    )


def _scope(entry: dict[str, Any]) -> str:
    scope = str(entry.get("scope", "clause"))
    if scope not in {"clause", "sentence"}:
        raise ValueError(f"rule {entry['cue']!r}: scope must be clause or sentence, got {scope!r}")
    return scope


def parse_statement_rules(document: dict[str, Any]) -> StatementRules:
    """Validate and compile the YAML document; errors name the offending rule."""
    actor = _actor_regex([str(a) for a in document["actors"]])
    kinds = document["kinds"]
    if set(kinds) != set(KINDS):
        raise ValueError(f"kinds must be exactly {KINDS}, got {sorted(kinds)}")
    classes = {str(k): [str(w) for w in v] for k, v in (document.get("word_classes") or {}).items()}
    if "actor" in classes:
        raise ValueError("word class 'actor' is reserved: the actors are the `actors` list")
    return StatementRules(
        not_statement=tuple(_compile(e, actor, frozenset(KINDS), classes) for e in document["not_statement"]),
        kinds=tuple((kind, tuple(_compile(e, actor, frozenset(), classes) for e in kinds[kind])) for kind in KINDS),
        actor=re.compile(actor, re.IGNORECASE),
        clause_break=re.compile("|".join(f"(?:{b})" for b in document.get("clause_breaks") or ["(?!)"])),
        voice=parse_authors_voice(document),
    )


@lru_cache(maxsize=4)
def load_statement_rules(path: str | Path = RULES_FILE) -> StatementRules:
    """Cached: read once per process; ``load_statement_rules.cache_clear()`` after editing."""
    return parse_statement_rules(yaml.load(Path(path).read_text(encoding="utf-8"), Loader=YAML_LOADER))


@dataclass(frozen=True)
class AuthorsVoice:
    """Where a text speaks in its author's own voice, and which of its sentences that voice takes back.

    The contract counts what NATO, Allies, their leaders, bodies or partners call for: in an op-ed or a
    think tank's brief the author's own "Allies should ..." is commentary, though the same words quoted
    from a minister are a call. Only the document tells the two apart, so this is read per document
    (``nato_briefs.prose.authors_voice``), not per sentence like the rules above. The patterns are the
    YAML's ``authors_voice`` section (case-insensitive; ``^`` starts a line).
    """

    heading: re.Pattern[str]  # a heading naming an opinion genre
    line: re.Pattern[str]  # a line saying the text is its author's (the whole document)
    line_word: str  # lowercase; every match of ``line`` holds it: a text without it is not searched
    actor_byline: re.Pattern[str]  # a byline naming an actor's office: the author is an actor
    recommendation: re.Pattern[str]
    reported: re.Pattern[str]
    takes_back: frozenset[str]
    worry: re.Pattern[str]  # the author's own worry ("I am worried that ..."): the author's view, no actor's concern

    def says_authors(self, text: str) -> bool:
        """Does a line of ``text`` say the text is its author's ("The views expressed are the author's own")?"""
        return self.line_word in text.lower() and self.line.search(text) is not None

    def restate(self, kind: str, cue: str | None, sentence: str) -> tuple[str | None, str | None]:
        """(kind, cue) of a statement in the author's voice: the author's own worry states nothing; the
        author's own recommendation (no call reported) states only the kinds the voice does not take back
        ("Europe must face the threat of sabotage" keeps its concern); anything else is kept as read.

        One method, so the worry is searched once per sentence (a rereading is rare: not memoized)."""
        text = sentence[:MAX_CHARS]
        if self.worry.search(text):
            return None, None
        if kind not in self.takes_back or not self.recommendation.search(text) or self.reported.search(text):
            return kind, cue
        found = classify(sentence, kinds=tuple(k for k in KINDS if k not in self.takes_back))
        return (found.kind, found.cue) if found else (None, None)


def parse_authors_voice(document: dict[str, Any]) -> AuthorsVoice:
    """The YAML's ``authors_voice`` section, compiled; a rules file without one never takes anything back."""
    entry = document.get("authors_voice") or {}
    never = "(?!)"

    def compiled(key: str) -> re.Pattern[str]:
        return re.compile(str(entry.get(key, never)), re.IGNORECASE | re.MULTILINE)

    takes_back = frozenset(str(k) for k in entry.get("takes_back", []))
    if takes_back - set(KINDS):
        raise ValueError(f"authors_voice takes back unknown kinds {sorted(takes_back - set(KINDS))}")
    return AuthorsVoice(
        heading=compiled("heading"),
        line=compiled("line"),
        line_word=str(entry.get("line_word", "")).lower(),
        actor_byline=compiled("actor_byline"),
        recommendation=compiled("recommendation"),
        reported=compiled("reported"),
        takes_back=takes_back,
        worry=compiled("worry"),
    )


def load_authors_voice(path: str | Path = RULES_FILE) -> AuthorsVoice:
    """The rules file's ``authors_voice`` section, from ``load_statement_rules``' cache (cleared with it).

    The default file is asked for as ``classify`` asks (no argument): ``lru_cache`` keys ``f()`` and
    ``f(RULES_FILE)`` apart, and the file would be read twice.
    """
    return (load_statement_rules() if path == RULES_FILE else load_statement_rules(path)).voice


def sentence_words(text: str, lowered: str | None = None) -> frozenset[str]:
    """Lowercase words of a sentence, for the rules' ``words`` gates.

    ``lowered``: ``text.lower()`` when the caller has it and knows ``reads_as_ascii(text)`` (``read_sentence``);
    its words are then read by an ASCII regex, the same words sooner (on such text ``\\w`` is ``[a-z0-9_]``).
    """
    if lowered is not None:
        return frozenset(_ASCII_WORD.findall(lowered))
    return frozenset(_WORD.findall(text.lower()))


def read_sentence(text: str) -> tuple[frozenset[str], str | None]:
    """(``sentence_words(text)``, ``text.lower()`` if ``reads_as_ascii(text)`` else None): read once per sentence.

    The classifier's gates, its lowercase twins and the themes' prefilter all read the sentence in lower
    case; lowering and checking it once for all of them, and reading the words off the lowered text, is
    cheaper than each doing it again.
    """
    lowered = text.lower() if reads_as_ascii(text) else None
    return sentence_words(text, lowered), lowered


def classify(
    sentence: str,
    rules: StatementRules | None = None,
    words: frozenset[str] | None = None,
    kinds: tuple[str, ...] = KINDS,
    lowered: str | None = None,
) -> Classification | None:
    """The kind and deciding cue of a statement sentence; None when it states none of the three.

    The decision of the module docstring, with only the searches that can change it: a kind is
    blocked when any not-statement rule blocking it matches (in whatever order they are tried), so
    each kind in precedence order first looks for its first matching rule, and only then are the
    rules that could block it tried (each at most once per sentence). A sentence no kind's rule
    matches (most of them) is never searched by a not-statement rule. Only when a blocker matched
    are the clauses looked at: in a one-clause sentence (most) the kind is blocked outright; else
    the kind's rules are searched again, match by match, for one in a clause no blocker touched.
    ``words``: ``sentence_words(sentence)`` when the caller has them already (the themes use them too).
    ``kinds``: the kinds it may be, in precedence order (an author's voice takes some back: ``AuthorsVoice``).
    ``lowered``: ``sentence.lower()`` when the caller has it and knows ``reads_as_ascii(sentence)`` (``read_sentence``).
    """
    rules = rules or load_statement_rules()
    text = sentence[:MAX_CHARS]
    if len(sentence) > MAX_CHARS:
        words = lowered = None  # both read the whole sentence: read its first MAX_CHARS again
    if words is None:
        words = sentence_words(text)
    trial = _Trial(text, words, rules, lowered)
    if trial.ascii:  # the gates and literals of every rule at once, from the sentence's words
        trial.met = rules.met_mask(words, trial.lowered)
        mask = trial.met & rules.rules_mask
    else:
        mask = rules.admitted_mask(words)
    for kind in kinds:
        blockers = mask & rules.blocker_masks[kind]
        if trial.matched & blockers and trial.one_clause():
            continue  # blocked already, by a rule tried for an earlier kind
        todo = mask & rules.kind_masks[kind]
        while todo:
            low = todo & -todo
            todo ^= low
            position = low.bit_length() - 1
            if trial.hit(position):
                if not trial.any_hit(blockers):
                    return rules.verdicts[position]
                if not trial.one_clause():
                    free = trial.first_in_free_clause(low | todo, blockers)
                    if free is not None:
                        return rules.verdicts[free]
                break  # the kind is blocked: its later rules cannot decide either
    return None


class _Trial:
    """One sentence under classification: which rules were tried on it, and which matched."""

    __slots__ = ("actors", "ascii", "clauses", "lowered", "matched", "met", "plan", "rules", "text", "tried", "words")

    def __init__(self, text: str, words: frozenset[str], rules: StatementRules, lowered: str | None = None) -> None:
        self.text, self.words, self.rules, self.plan = text, words, rules, rules.plan
        self.ascii = lowered is not None or reads_as_ascii(text)
        self.lowered = (lowered or text.lower()) if self.ascii else ""  # what a rule's lowercase twin reads
        self.actors: _Sentence | None = None  # where actors end: read only for a rule that asks
        self.tried = self.matched = 0  # bit masks of rule positions
        self.met = -1  # ``StatementRules.met_mask`` of an ASCII sentence (rules and alternatives), set by ``classify``
        self.clauses: list[int] | None = None  # where clauses start: read only once a blocker matched

    def hit(self, position: int) -> bool:
        """Does the rule at ``position`` match? (Not remembered: callers ask once.)

        Asked only of rules in ``classify``'s mask: on a sentence read as ASCII, rules whose literals it holds
        (``met``); it is searched by the alternatives of the pattern whose own literals it has.
        """
        search, ascii_search, on_lowered, within, alternatives, offset, width = self.plan[position]
        if self.ascii:
            if within is None:
                if alternatives is not None:
                    return alternatives(self.text, self.lowered, self.met >> offset & width)
                return ascii_search(self.lowered if on_lowered else self.text) is not None
        elif within is None:
            return search(self.text) is not None
        return self.rules.ordered[position][1].matches(self._sentence())

    def any_hit(self, positions: int) -> bool:
        """Does any rule of the bit mask ``positions`` match? Each rule is searched once per sentence."""
        if positions & self.matched:
            return True
        todo = positions & ~self.tried
        while todo:
            low = todo & -todo
            todo ^= low
            self.tried |= low
            if self.hit(low.bit_length() - 1):
                self.matched |= low
                return True
        return False

    def _sentence(self) -> _Sentence:
        if self.actors is None:
            rules = self.rules
            self.actors = _Sentence(self.text, rules.actor_twins, self.words, self.lowered if self.ascii else None)
        return self.actors

    def one_clause(self) -> bool:
        if self.clauses is None:
            self.clauses = self.rules.clause_starts(self.text)
        return len(self.clauses) == 1

    def blocked_clauses(self, blockers: int) -> int:
        """The clauses (bit i: clause i) that a matching rule of the bit mask ``blockers`` touches."""
        assert self.clauses is not None
        starts, blocked = self.clauses, 0
        todo = blockers & ~(self.tried & ~self.matched)  # rules tried without a match touch nothing
        while todo:
            low = todo & -todo
            todo ^= low
            rule = self.rules.ordered[low.bit_length() - 1][1]
            spans = rule.spans(self._sentence())
            if spans and rule.sentence_scope:
                return (1 << len(starts)) - 1
            for a, b in spans:
                first, last = bisect_right(starts, a) - 1, bisect_right(starts, max(a, b - 1)) - 1
                blocked |= ((1 << (last + 1)) - 1) ^ ((1 << first) - 1)
        return blocked

    def first_in_free_clause(self, positions: int, blockers: int) -> int | None:
        """The first rule of the bit mask ``positions`` with a match starting in a clause no blocker touches."""
        assert self.clauses is not None
        starts, blocked = self.clauses, self.blocked_clauses(blockers)
        while positions:
            low = positions & -positions
            positions ^= low
            position = low.bit_length() - 1
            rule = self.rules.ordered[position][1]
            if any(not blocked >> (bisect_right(starts, a) - 1) & 1 for a, _ in rule.spans(self._sentence())):
                return position
        return None
