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
2. The kinds in precedence order commitment > priority > concern; the first kind
   that is not blocked and has a matching rule wins. A rule's pattern may name
   ``{actor}`` (NATO, Allies, leaders, ministers, the EU, partners, ...), which
   is how "NATO plans to" counts and "the visit aims to" does not.
3. "agreed that X" takes X's kind: "agreed that" is no cue of its own, so the
   cues found in X decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from nato_briefs.sentences import RULES_FILE

KINDS = ("commitment", "priority", "concern")
# Sentences longer than this are classified on their first MAX_CHARS code points:
# every pattern is bounded, so the cost per sentence is bounded too.
MAX_CHARS = 2_000


@dataclass(frozen=True)
class Classification:
    kind: str
    cue: str


@dataclass(frozen=True)
class Rule:
    cue: str
    pattern: re.Pattern[str]
    blocks: frozenset[str] = frozenset(KINDS)


@dataclass(frozen=True)
class StatementRules:
    not_statement: tuple[Rule, ...]
    kinds: tuple[tuple[str, tuple[Rule, ...]], ...]  # in precedence order

    def explain_blocks(self, sentence: str) -> list[Rule]:
        """Every not-statement rule matching ``sentence`` (for analysts checking a miss)."""
        return [rule for rule in self.not_statement if rule.pattern.search(sentence)]


def _actor_regex(actors: list[str]) -> str:
    """Longest first, so "member states" wins over "members"; hyphenated words ("non-NATO") don't count."""
    alternatives = sorted({a.strip() for a in actors if a.strip()}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in a.split()) for a in alternatives)
    return rf"(?<![\w-])(?:{body})(?![\w-])"


def _compile(entry: dict[str, Any], actor: str, default_blocks: frozenset[str]) -> Rule:
    source = entry["pattern"].replace(r"\b{actor}\b", "{actor}").replace("{actor}", actor)
    blocks = frozenset(entry.get("blocks", default_blocks))
    unknown = blocks - set(KINDS)
    if unknown:
        raise ValueError(f"rule {entry['cue']!r} blocks unknown kinds {sorted(unknown)}")
    return Rule(cue=str(entry["cue"]), pattern=re.compile(source, re.IGNORECASE), blocks=blocks)


def parse_statement_rules(document: dict[str, Any]) -> StatementRules:
    """Validate and compile the YAML document; errors name the offending rule."""
    actor = _actor_regex([str(a) for a in document["actors"]])
    kinds = document["kinds"]
    if set(kinds) != set(KINDS):
        raise ValueError(f"kinds must be exactly {KINDS}, got {sorted(kinds)}")
    return StatementRules(
        not_statement=tuple(_compile(e, actor, frozenset(KINDS)) for e in document["not_statement"]),
        kinds=tuple((kind, tuple(_compile(e, actor, frozenset()) for e in kinds[kind])) for kind in KINDS),
    )


@lru_cache(maxsize=4)
def load_statement_rules(path: str | Path = RULES_FILE) -> StatementRules:
    """Cached: read once per process; ``load_statement_rules.cache_clear()`` after editing."""
    return parse_statement_rules(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


def classify(sentence: str, rules: StatementRules | None = None) -> Classification | None:
    """The kind and deciding cue of a statement sentence; None when it states none of the three."""
    rules = rules or load_statement_rules()
    text = sentence[:MAX_CHARS]
    blocked: set[str] = set()
    for rule in rules.not_statement:
        if not rule.blocks <= blocked and rule.pattern.search(text):
            blocked |= rule.blocks
            if len(blocked) == len(KINDS):
                return None
    for kind, kind_rules in rules.kinds:
        if kind in blocked:
            continue
        for rule in kind_rules:
            if rule.pattern.search(text):
                return Classification(kind=kind, cue=rule.cue)
    return None


@lru_cache(maxsize=65_536)
def classify_cached(sentence: str) -> Classification | None:
    """``classify`` with the default rules, memoized: news corpora repeat boilerplate sentences."""
    return classify(sentence)
