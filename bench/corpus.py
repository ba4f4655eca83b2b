"""Deterministic synthetic corpus of NATO-style news articles, with ground truth.

Every article is written in the style of the sample articles (``shared/seeds``):
a title line, prose paragraphs, bare title lines as section headings, bullet
lists of initiatives and 3-column priority tables that follow a sentence with no
blank line. With ``variants=True`` each article also draws, independently, the
formatting variants that users write (ATX / setext / bold headings, tables
without outer pipes, alignment colons, escaped pipes, inline markup, ragged
rows, header synonyms, unmapped tables, ``*``/``+``/numbered/nested lists,
several item separators, blank lines or none, CRLF, a BOM, fenced code).

For each article an :class:`Expected` records what the pipeline must find in
it under the output contract (``shared/CONTRACT.md``): title, headings, tables,
table body rows, priority rows, lists (nested ones too), list items and the
first initiative. Generated files stay clear of constructs whose reading the
contract leaves open: every prose line ends in ``.`` or ``:``, every heading
line is a short Title Case line with no closing punctuation that does not end
in a stop word, a setext heading always follows a blank line (or starts the
file), paragraphs are never wrapped over several lines, lists and tables never
touch a list or table of the same kind, list items contain a separator only
where one is meant, and nested list items are indented past their parent's
marker (2 or 4 spaces under a bullet, 4 under a number).

Usage::

    python -m bench.corpus OUT_DIR --n 1000 --seed 0

writes ``OUT_DIR/000000_<hex>.txt``... (1000 files per sub-folder when there
are more than 1000) and ``OUT_DIR.parent / (OUT_DIR.name + ".expected.jsonl")``,
one JSON object per file, *next to* OUT_DIR so that ingesting OUT_DIR does not
pick it up. Standard library only.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import random
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

__all__ = [
    "FILES_PER_FOLDER",
    "Expected",
    "draw_target_bytes",
    "expected_path",
    "generate_article",
    "generate_corpus",
    "load_expected",
    "main",
    "write_expected",
]

FILES_PER_FOLDER = 1000
SEED_MIN_BYTES = 3_000
SEED_MAX_BYTES = 8_000
TITLE_MAX_CHARS = 90  # the title of seed 004 is 89 characters long
HEADING_MAX_CHARS = 80


@dataclass(frozen=True)
class Expected:
    """Ground truth of one generated article, per the output contract.

    ``file_name`` is the path of the file relative to the corpus root, with
    ``/`` separators (what the pipeline reports as ``source_path`` when run with
    ``--raw OUT_DIR``); it is the bare ``000123_<hex>.txt`` unless the corpus is
    spread over sub-folders. ``headings`` are all headings in document order,
    the title included. ``n_bytes`` and ``variants`` are extras: the file's size
    and the formatting variants the article exercises.
    """

    file_name: str
    title: str | None
    headings: list[str]
    n_tables: int
    n_table_rows: int
    n_priorities: int
    n_lists: int
    n_list_items: int
    first_initiative: tuple[str, str | None] | None
    n_bytes: int = 0
    variants: tuple[str, ...] = ()

    def to_json(self) -> dict:
        data = asdict(self)
        data["first_initiative"] = list(self.first_initiative) if self.first_initiative else None
        data["variants"] = list(self.variants)
        return data

    @classmethod
    def from_json(cls, data: dict) -> Expected:
        first = data.get("first_initiative")
        return cls(
            file_name=data["file_name"],
            title=data["title"],
            headings=list(data["headings"]),
            n_tables=data["n_tables"],
            n_table_rows=data["n_table_rows"],
            n_priorities=data["n_priorities"],
            n_lists=data["n_lists"],
            n_list_items=data["n_list_items"],
            first_initiative=(first[0], first[1]) if first else None,
            n_bytes=data.get("n_bytes", 0),
            variants=tuple(data.get("variants", ())),
        )


# --------------------------------------------------------------------------- vocabulary

# fmt: off
AREAS = [
    "Cyber Defense", "Intelligence Sharing", "Logistics", "Command & Control",
    "Hybrid Threats", "Climate & Energy", "Counter-Terrorism", "Crisis Response",
    "Partnerships", "Deterrence", "Modernization", "Exercises & Training",
    "Air Policing", "Maritime Security", "Space Operations", "Missile Defense",
    "Resilience", "Interoperability", "Defense Innovation", "Military Mobility",
    "Arms Control", "Energy Security", "Medical Support", "Civil Preparedness",
    "Strategic Communications", "Capability Development", "Operational Readiness",
    "Border Security", "Critical Infrastructure", "Emerging Technologies",
    "Collective Training", "Defense Modernization", "Military Readiness",
    "Strategic Alliances", "Research & Development", "Women, Peace & Security",
]
INIT_ADJ = [
    "Joint", "Integrated", "Rapid", "Multinational", "Enhanced", "Shared", "Unified",
    "Regional", "Allied", "Coordinated", "Advanced", "Secure", "Combined", "Forward",
    "Persistent", "Digital", "Resilient", "Deployable",
]
INIT_NOUN = [
    "Threat", "Cyber", "Intelligence", "Logistics", "Training", "Response", "Sensor",
    "Supply", "Readiness", "Surveillance", "Data", "Command", "Energy", "Deployment",
    "Reaction", "Early Warning", "Mobility", "Satellite",
]
INIT_KIND = [
    "Task Force", "Framework", "Network", "Drills", "Exercises", "Centre", "Programme",
    "Protocols", "Hub", "Initiative", "Assessment", "Architecture", "Platform",
    "Roadmap", "Pipeline", "Cell", "Campaign", "Partnership",
]
AREA_SUFFIX = [
    "Enhancement", "Coordination", "Integration", "Programme", "Review", "Roadmap",
    "Upgrade", "Expansion", "Collaboration", "Strategy",
]
OUTCOME_ADJ = [
    "Improved", "Enhanced", "Stronger", "Faster", "Broadened", "Greater", "Sustained",
    "Superior", "Increased", "Better", "More robust", "Rapid",
]
OUTCOME_NOUN = [
    "interoperability", "resilience", "operational readiness", "threat detection",
    "decision-making", "deterrence posture", "situational awareness", "response times",
    "burden sharing", "supply security", "coordination", "operational cohesion",
    "diplomatic and military reach", "force protection", "energy efficiency",
]
GERUNDS = [
    "Strengthening", "Expanding", "Developing", "Harmonizing", "Streamlining",
    "Investing in", "Optimizing", "Increasing", "Building", "Deepening", "Accelerating",
    "Modernizing", "Coordinating", "Promoting", "Improving",
]
DETAIL_OBJECTS = [
    "{a} capabilities", "cross-border threat assessment", "supply chain strategies",
    "shared early-warning systems", "{a} cooperation with partners",
    "rapid response mechanisms", "secure communications", "joint procurement",
    "situational awareness", "training standards", "information exchange among Allies",
    "host nation support", "the frequency and complexity of exercises",
    "allocation of assets and capabilities", "{a} frameworks", "intelligence-sharing frameworks",
    "resilience against hybrid and asymmetric threats", "{a} planning",
]
DETAIL_TAILS = [
    "", "", "", " against state and non-state actors", " to support sustained joint deployments",
    " across member states", " on the eastern flank", " to bolster interoperability",
    " through combined protocols", " by the next summit", " with partner nations",
    " in the High North", " for rapid deployment", " in line with agreed targets",
]
SUBJECTS = [
    "The NATO Secretary General", "The Deputy Secretary General", "Allied defence ministers",
    "Senior military officials", "Representatives of member states", "Participants",
    "The Military Committee", "Allied leaders", "Officials from partner nations",
    "The North Atlantic Council", "Experts from across the Alliance", "National delegations",
    "Defence planners", "Alliance commanders", "Foreign ministers",
]
VERBS = [
    "emphasized the importance of", "discussed ways to strengthen", "agreed to expand",
    "reviewed progress on", "underscored the need for", "called for renewed investment in",
    "highlighted recent advances in", "reaffirmed their commitment to", "welcomed new proposals on",
    "examined the challenges facing", "stressed the value of", "outlined a roadmap for",
    "debated the future of", "took stock of",
]
OBJ_NOUNS = [
    "cooperation", "capabilities", "frameworks", "initiatives", "planning", "programmes",
    "commitments", "coordination", "efforts", "reforms",
]
TAILS = [
    "", "", " across the Euro-Atlantic area", " in the years ahead",
    " amid a rapidly changing security environment", " to counter emerging threats",
    " along the eastern flank", " in close coordination with partners",
    " as part of the Alliance{apos}s long-term adaptation",
    " in response to hybrid and asymmetric threats", " while ensuring fair burden sharing",
    " in the face of an increasingly complex and uncertain environment",
]
CITIES = [
    "Brussels", "Washington", "Vilnius", "Madrid", "Warsaw", "Oslo", "Riga", "Tallinn",
    "Ankara", "Rome", "Ottawa", "Bucharest", "The Hague", "Helsinki", "Stockholm", "Prague",
]
COUNTRIES = [
    "Estonia", "Latvia", "Lithuania", "Poland", "Germany", "France", "Italy", "Spain",
    "Norway", "Canada", "Romania", "Türkiye", "Finland", "Sweden", "Netherlands", "Denmark",
]
ROLES = [
    "Secretary General", "Deputy Secretary General", "Military Committee Chair",
    "Defence Ministers", "Foreign Ministers", "Supreme Allied Commander",
]
EVENTS = [
    "Leadership Meeting", "Summit", "Ministerial Conference", "Strategic Dialogue",
    "Defence Ministers{apos} Meeting", "Council Session", "Partnership Forum",
]
H_GERUNDS = [
    "Strengthening", "Advancing", "Expanding", "Deepening", "Reinforcing", "Modernizing",
    "Enhancing", "Building", "Rethinking", "Securing",
]
H_NOUNS = [
    "Cooperation", "Capabilities", "Commitments", "Frameworks", "Partnerships",
    "Priorities", "Investments", "Collaboration", "Planning", "Objectives",
]
H_TEMPLATES = [
    "{G} {A} {N}",
    "{G} {A} {N}",
    "Focused Discussions on {A} and {B}",
    "Strategic Recommendations for {A}",
    "Allied Leaders Review {A} {N}",
    "{A} at the Center of Allied {N}",
    "Commitment to {A} Amid Emerging Threats",
    "The Road Ahead for {A}",
    "New Momentum for {A} {N}",
    "Ministers Agree on {A} {N}",
    "{A} and {B} in Focus",
    "Building Consensus on {A}",
    "Lessons Learned from {A} Exercises",
    "Allies Step Up {A} {N}",
]
H_FIXED = [
    "Closing Remarks", "Next Steps", "Looking Ahead", "Outlook and Next Steps",
    "Key Takeaways", "Concluding Observations", "Background to the Talks",
]
TITLE_TEMPLATES = [
    "NATO {R} Visits {C} to Discuss {A} {N}",
    "NATO {E}: {G} {A} {N}",
    "NATO {E}: Responding to Global Security Challenges",
    "Allies Agree on New Measures to Strengthen {A}",
    "NATO {R} Engages with {K} Officials on {A}",
    "NATO {R} Engages with U.S. Officials to Strengthen Transatlantic Ties",
    "{K} and NATO Deepen Cooperation on {A}",
    "NATO {E} in {C} Focuses on {A} and {B}",
    "Allied {R} Meet in {C} to Advance {A}",
]
SHORT_SENTENCES = [
    "Talks will continue.", "Allies agreed.", "Work goes on.", "More will follow.",
    "Details remain classified.", "Further talks are planned.",
]
# Words a bare title never ends on (see the contract: such a line reads as a
# wrapped prose line).
_STOPWORDS_TEXT = """
    a an the and or but nor of to in on at by for with from as into onto than that which who
    whose is are was were be been will would can could should may might must has have had this
    these those its their our his her amid
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

# Priority-table header synonyms, per role (contract: "priorities").
AREA_HEADERS = ["Priority Area", "Focus Area", "Strategic Focus", "Area"]
FOCUS_HEADERS = ["Key Focus", "Key Initiative", "Focus", "Initiative"]
OUTCOME_HEADERS = ["Expected Outcome", "Outcome", "Impact", "Result"]
SEED_HEADERS = [
    ("Priority Area", "Key Focus", "Expected Outcome"),
    ("Focus Area", "Key Initiative", "Expected Outcome"),
    ("Strategic Focus", "Priority Area", "Expected Outcome"),
]
# Tables whose headers map onto no priority role (none is a synonym of one).
# Headers that map by the role their words name (contract v1.1), drawn with ``formats``.
FORMAT_HEADERS = [
    ("Area of Focus", "Key Measures", "Intended Effect"),
    ("Pillar", "Objective", "Goal"),
    ("Domain", "Action", "Desired Outcome"),
    ("Theme", "Planned Activities", "Result"),
]
# List markers of plain-text feeds and word processors (contract v1.1), drawn with ``formats``.
FORMAT_MARKERS = ["•", "–", "▪", "✅", "(1)", "(a)", "a)", "i."]
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
UNMAPPED_HEADERS = [
    ("Country", "Contribution", "Year"),
    ("Exercise", "Location", "Participants"),
    ("Date", "Event", "Venue"),
    ("Member State", "Troops", "Equipment", "Status"),
    ("Milestone", "Target Date"),
    ("Lead Nation", "Budget (EUR m)"),
]
EXERCISES = [
    "Steadfast Defender", "Trident Juncture", "BALTOPS", "Cold Response", "Dynamic Mongoose",
    "Brilliant Jump", "Locked Shields", "Ramstein Flag", "Sea Breeze", "Iron Wolf",
]
CONTRIBUTIONS = [
    "Air policing rotation", "Two frigates", "Cyber experts", "Field hospital",
    "Engineering battalion", "Tanker aircraft", "Air defence battery", "Staff officers",
    "Mine countermeasures group", "Logistics convoy",
]
STATUSES = ["Deployed", "Planned", "In progress", "Completed", "Under review"]
EQUIPMENT = ["Armoured vehicles", "Patrol aircraft", "Radar systems", "Drones", "Howitzers"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
# fmt: on


def _title_ok(text: str, limit: int) -> bool:
    words = text.split()
    return (
        len(text) <= limit
        and len(words) >= 2
        and text[-1].isalnum()
        and words[-1].lower() not in STOPWORDS
        and "|" not in text
        and "*" not in text
    )


# --------------------------------------------------------------------------- blocks


@dataclass
class _Block:
    kind: str  # heading | para | list | table | fence
    lines: list[str]
    blank_before: bool
    heading: str | None = None
    n_tables: int = 0
    n_rows: int = 0
    n_priorities: int = 0
    n_lists: int = 0
    n_items: int = 0
    first_item: tuple[str, str | None] | None = None
    contents: list[str] = field(default_factory=list)  # item / cell texts


class _Article:
    """Builds one article block by block and keeps its ground truth."""

    def __init__(self, rng: random.Random, variants: bool, formats: bool = False) -> None:
        self.rng = rng
        self.variants = variants
        # The shapes of other sources (HTML tables, unicode bullets, enumerators, captions,
        # hard wraps, no-break and zero-width spaces). Off by default: every draw for them is
        # made only when on, so corpora without them stay byte for byte what they were.
        self.formats = formats
        self.wrap_at = rng.randint(68, 78) if formats and rng.random() < 0.2 else None
        self.tags: set[str] = set()
        self.lines: list[str] = []
        self.size = 0
        self.last_kind: str | None = None
        self.headings: list[str] = []
        self.title: str | None = None
        self.seen_block = False  # a table or list was committed
        self.n_tables = self.n_rows = self.n_priorities = self.n_lists = self.n_items = 0
        self.first_item: tuple[str, str | None] | None = None
        self.contents: set[str] = set()
        self.apos = "\u2019" if not variants or rng.random() < 0.6 else "'"
        if variants:
            self.eol = "\r\n" if rng.random() < 0.15 else "\n"
            self.bom = rng.random() < 0.1
            self.blank_mode = rng.choices(["none", "all", "mixed"], [0.4, 0.4, 0.2])[0]
            self.heading_mode = rng.choices(["bare", "atx", "setext", "bold", "mixed"], [0.3, 0.25, 0.1, 0.1, 0.25])[0]
            self.markup_rate = rng.choice([0.0, 0.0, 0.1, 0.25])
        else:
            self.eol, self.bom, self.blank_mode, self.heading_mode = "\n", False, "none", "bare"
            self.markup_rate = 0.0
        self.tags.add("crlf" if self.eol == "\r\n" else "lf")
        if self.bom:
            self.tags.add("bom")
        self.tags.add(f"blank_{self.blank_mode}")
        self.eol_len = len(self.eol)

    # ------------------------------------------------------------ helpers
    def chance(self, p: float) -> bool:
        """A variant draw: always False when variants are off."""
        return self.variants and self.rng.random() < p

    def pick(self, seq: Sequence[str]) -> str:
        return self.rng.choice(seq)

    def format_chance(self, p: float) -> bool:
        """A draw for the shapes of other sources: always False without ``formats``."""
        return self.formats and self.rng.random() < p

    def wrap(self, text: str) -> list[str]:
        """A paragraph hard-wrapped at ``wrap_at`` columns (plain-text feeds), or one line."""
        if self.wrap_at is None:
            return [text]
        self.tags.add("format_hard_wrap")
        return textwrap.wrap(text, self.wrap_at, break_long_words=False, break_on_hyphens=False) or [text]

    def area_prose(self, area: str | None = None) -> str:
        area = area or self.pick(AREAS)
        return area.replace(" & ", " and ").lower()

    def blank(self, prev: str | None) -> bool:
        if prev is None or self.blank_mode == "none":
            return False
        return self.blank_mode == "all" or self.rng.random() < 0.5

    def block_size(self, blocks: list[_Block]) -> int:
        total = 0
        for block in blocks:
            if block.blank_before:
                total += self.eol_len
            total += sum(len(line.encode("utf-8")) + self.eol_len for line in block.lines)
        return total

    def commit(self, blocks: list[_Block]) -> None:
        for block in blocks:
            if block.blank_before:
                self.lines.append("")
            self.lines.extend(block.lines)
            self.last_kind = block.kind
            if block.heading is not None:
                if self.title is None and not self.seen_block and not self.headings:
                    self.title = block.heading
                self.headings.append(block.heading)
            if block.kind in ("list", "table"):
                self.seen_block = True
            self.n_tables += block.n_tables
            self.n_rows += block.n_rows
            self.n_priorities += block.n_priorities
            self.n_lists += block.n_lists
            self.n_items += block.n_items
            if self.first_item is None and block.first_item is not None:
                self.first_item = block.first_item
            self.contents.update(block.contents)
        self.size += self.block_size(blocks)

    def decorate(self, text: str, kinds: Sequence[str] = ("bold", "link", "code", "word", "amp")) -> tuple[str, str]:
        """(markdown, plain text after markup removal) of a short phrase.

        ``kinds`` limits the markup drawn: whole ``**bold**``, ``[link](url)``,
        `` `code` `` (never around ``&`` or ``|``), one ``**word**``, ``&amp;``.
        """
        if not (self.markup_rate and self.rng.random() < self.markup_rate):
            return text, text
        choices = [k for k in kinds if k not in ("amp", "code")]
        if "code" in kinds and "&" not in text and "|" not in text:
            choices.append("code")
        if "amp" in kinds and "&" in text:
            choices += ["amp", "amp"]
        if not choices:
            return text, text
        kind = self.pick(choices)
        if kind == "bold":
            self.tags.add("markup_bold")
            return f"**{text}**", text
        if kind == "link":
            self.tags.add("markup_link")
            url = f"https://www.nato.int/cps/en/natohq/topics_{self.rng.randint(1, 9999)}.htm"
            return f"[{text}]({url})", text
        if kind == "code":
            self.tags.add("markup_code")
            return f"`{text}`", text
        if kind == "amp":
            self.tags.add("markup_amp")
            return text.replace("&", "&amp;"), text
        words = text.split(" ")
        # Never the first word: "**Word** rest" would read as a bold lead.
        candidates = [i for i, w in enumerate(words) if i and w.isalpha()]
        if not candidates:
            return text, text
        i = self.pick(candidates)
        self.tags.add("markup_bold")
        words[i] = f"**{words[i]}**"
        return " ".join(words), text

    # ------------------------------------------------------------ text
    def initiative_name(self) -> str:
        if self.rng.random() < 0.5:
            return f"{self.pick(INIT_ADJ)} {self.pick(INIT_NOUN)} {self.pick(INIT_KIND)}"
        return f"{self.pick(AREAS)} {self.pick(AREA_SUFFIX)}"

    def outcome(self) -> str:
        return f"{self.pick(OUTCOME_ADJ)} {self.pick(OUTCOME_NOUN)}"

    def gerund_phrase(self) -> str:
        obj = self.pick(DETAIL_OBJECTS).format(a=self.area_prose())
        text = f"{self.pick(GERUNDS)} {obj}{self.pick(DETAIL_TAILS)}"
        return text + ("." if self.rng.random() < 0.4 else "")

    def sentence(self) -> str:
        rng = self.rng
        a, b, c = self.area_prose(), self.area_prose(), self.area_prose()
        tail = self.pick(TAILS).format(apos=self.apos)
        kind = rng.randrange(9)
        if kind == 0:
            s = f"Discussions focused on {a} {self.pick(OBJ_NOUNS)}, {b} and {c}{tail}."
        elif kind == 1:
            year = rng.randint(2024, 2032)
            s = f"According to officials, {a} will remain central to NATO{self.apos}s plans in {year}."
        elif kind == 2:
            s = (
                f"The meeting in {self.pick(CITIES)} brought together {rng.randint(3, 32)} delegations "
                f"to discuss {a} and {b}{tail}."
            )
        elif kind == 3:
            s = f"{self.pick(SUBJECTS)} noted that {a} is essential for {self.pick(OUTCOME_NOUN)}{tail}."
        elif kind == 4:
            s = (
                f"Investment in {a} {self.pick(OBJ_NOUNS)} is expected to deliver "
                f"{self.outcome().lower()} by {rng.randint(2025, 2035)}."
            )
        elif kind == 5:
            s = (
                f"This high-level engagement highlights the pivotal role of {a} in sustaining "
                f"international peace and security."
            )
        elif kind == 6:
            s = (
                f"Particular attention was devoted to {a}, with several Allies offering to "
                f"lead new {b} {self.pick(OBJ_NOUNS)}{tail}."
            )
        elif kind == 7:
            s = f"{self.pick(SUBJECTS)} agreed that innovation and interoperability remain crucial to {a} and {b}."
        else:
            s = f"{self.pick(SUBJECTS)} {self.pick(VERBS)} {a} {self.pick(OBJ_NOUNS)}{tail}."
        if self.markup_rate and rng.random() < self.markup_rate / 2:
            # Inline markup inside prose (never at the start of the line).
            word = self.pick(["NATO", "Allies", "the Alliance"])
            repl = self.pick([f"**{word}**", f"[{word}](https://www.nato.int/)", f"`{word}`"])
            if f" {word} " in s:
                s = s.replace(f" {word} ", f" {repl} ", 1)
                self.tags.add("prose_markup")
        return s

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 6)))

    def lead_sentence(self, kind: str) -> str:
        a = self.area_prose()
        if kind == "list":
            return self.pick(
                [
                    "Key points highlighted during the talks included:",
                    f"The following initiatives were identified as critical for {a}:",
                    f"{self.pick(SUBJECTS)} emphasized the importance of:",
                    "Below is an outline of priority areas identified for collaborative action:",
                    f"Participants agreed on several measures to advance {a}:",
                    f"To further cement cooperation on {a}, officials called for:",
                ]
            )
        if kind == "table":
            return self.pick(
                [
                    f"A summary of the meeting{self.apos}s strategic priorities is outlined below:",
                    f"The table below summarizes the main {a} priorities:",
                    f"{self.pick(SUBJECTS)} presented the following overview:",
                    f"Planned {a} activities are listed below:",
                    "The agreed measures are summarized in the following table:",
                ]
            )
        return self.pick(
            [
                "An excerpt of the planning template circulated to delegations is reproduced below:",
                "The draft format shared with national delegations reads as follows:",
                "For reference, the working template looked like this:",
            ]
        )

    def heading_text(self, is_title: bool) -> str:
        rng = self.rng
        for _ in range(200):
            if is_title:
                tpl = self.pick(TITLE_TEMPLATES)
                limit = TITLE_MAX_CHARS
            elif rng.random() < 0.08:
                tpl = self.pick(H_FIXED)
                limit = HEADING_MAX_CHARS
            else:
                tpl = self.pick(H_TEMPLATES)
                limit = HEADING_MAX_CHARS
            a, b = rng.sample(AREAS, 2)
            text = tpl.format(
                A=a,
                B=b,
                G=self.pick(H_GERUNDS),
                N=self.pick(H_NOUNS),
                R=self.pick(ROLES),
                C=self.pick(CITIES),
                K=self.pick(COUNTRIES),
                E=self.pick(EVENTS).format(apos=self.apos),
            )
            if _title_ok(text, limit) and text not in self.headings and text not in self.contents:
                return text
        raise RuntimeError("could not draw a distinct heading")  # pragma: no cover

    # ------------------------------------------------------------ blocks
    def heading_block(self, prev: str | None, is_title: bool = False) -> _Block:
        text = self.heading_text(is_title)
        blank = self.blank(prev)
        mode = self.heading_mode
        style = self.pick(["bare", "atx", "setext", "bold"]) if mode == "mixed" else mode
        if style == "setext" and prev is not None and not blank:
            style = self.pick(["atx", "bare"])  # a setext heading needs a blank line above
        if style == "bare":
            lines = [text]
            self.tags.add("heading_bare")
        elif style == "bold":
            lines = [f"**{text}**"]
            self.tags.add("heading_bold")
        elif style == "setext":
            eq = is_title or self.rng.random() < 0.4
            lines = [text, ("=" if eq else "-") * self.rng.randint(3, len(text))]
            self.tags.add("heading_setext_eq" if eq else "heading_setext_dash")
        else:
            level = 1 if is_title else self.pick([2, 2, 2, 3])
            md = text
            if "&" in text and self.rng.random() < 0.4:
                md = text.replace("&", "&amp;")
                self.tags.add("heading_amp")
            line = f"{'#' * level} {md}"
            if self.rng.random() < 0.1:
                line += " " + "#" * level
                self.tags.add("heading_atx_closing")
            lines = [line]
            self.tags.add(f"heading_atx{level}")
        return _Block("heading", lines, blank, heading=text)

    def para_blocks(self, prev: str | None, n: int, lead: str | None = None) -> list[_Block]:
        """n prose lines (each one paragraph); ``lead`` ends the last one or follows it."""
        texts = [self.paragraph() for _ in range(n)]
        if lead is not None:
            if texts and self.rng.random() < 0.6:
                texts[-1] = f"{texts[-1]} {lead}"
            else:
                texts.append(lead)
        blocks = []
        for text in texts:
            if self.format_chance(0.15):
                text = text.replace(" ", "\u00a0", 1).replace(" ", " \u200b", 1)
                self.tags.add("format_nbsp_zero_width")
            blocks.append(_Block("para", self.wrap(text), self.blank(prev)))
            prev = "para"
        return blocks

    def item(self, form: str) -> tuple[str, str, str | None]:
        """(markdown, name, detail) of one list item in the given form."""
        if form == "plain":
            # Never a link (its URL holds a ':') nor a whole-item bold (a bold lead).
            md, plain = self.decorate(self.gerund_phrase(), kinds=("word", "code"))
            return md, plain, None
        name = self.initiative_name()
        # A link's URL holds a ':' that must not come before a dash separator.
        kinds = ("bold", "link", "code", "word") if form in ("bold", "colon") else ("bold", "code", "word")
        detail_md, detail = self.decorate(self.gerund_phrase(), kinds=kinds)
        if form == "bold":
            return f"**{name}**: {detail_md}", name, detail
        sep = {"colon": ": ", "emdash": " \u2014 ", "hyphen": " - "}[form]
        return f"{name}{sep}{detail_md}", name, detail

    def list_block(self, prev: str | None) -> _Block:
        rng = self.rng
        marker = "-"
        if self.variants:
            marker = rng.choices(["-", "*", "+", "1.", "1)"], [0.45, 0.15, 0.1, 0.2, 0.1])[0]
        forms = ["bold", "colon", "emdash", "hyphen", "plain"]
        if self.variants:
            form = rng.choices(forms, [0.2, 0.35, 0.1, 0.1, 0.25])[0]
        else:
            form = rng.choices(["colon", "plain"], [0.75, 0.25])[0]
        if self.format_chance(0.5):
            marker = self.pick(FORMAT_MARKERS)
        n = rng.randint(2, 6)
        nested_at = set()
        if self.chance(0.25):
            nested_at = set(rng.sample(range(n), rng.randint(1, min(2, n))))
        lines: list[str] = []
        block = _Block("list", lines, self.blank(prev), n_lists=1)

        def add_list(count: int, mark: str, indent: int, nested_ok: bool) -> None:
            ordered = mark[0].isdigit() or mark in ("(1)", "(a)", "a)", "i.")
            self.tags.add(
                {
                    "-": "list_dash",
                    "*": "list_star",
                    "+": "list_plus",
                    "1.": "list_ordered_dot",
                    "1)": "list_ordered_paren",
                }.get(mark, f"format_list_{mark}")
            )
            for i in range(count):
                this_form = form if indent == 0 else rng.choice(["colon", "plain"])
                if indent == 0 and self.chance(0.1):
                    this_form = rng.choice(forms)  # a list whose items mix forms
                md, name, detail = self.item(this_form)
                self.tags.add(f"item_{this_form}")
                bullet = _bullet(mark, i)
                if self.format_chance(0.15) and len(md) > 40 and not set(md) & set("*[`&\\"):
                    head, _, tail = md.rpartition(" ")  # a wrapped item: its last word on an indented line
                    lines.append(f"{' ' * indent}{bullet} {head}")
                    lines.append(f"{' ' * (indent + len(bullet) + 1)}{tail}")
                    self.tags.add("format_wrapped_item")
                else:
                    lines.append(f"{' ' * indent}{bullet} {md}")
                block.n_items += 1
                block.contents.append(name)
                if block.first_item is None:
                    block.first_item = (name, detail)
                if nested_ok and i in nested_at:
                    sub_indent = 4 if ordered else rng.choice([2, 4])
                    sub_mark = rng.choice(["-", "*", "+", "1.", "1)"])
                    if mark == "•" and rng.random() < 0.5:
                        sub_mark, sub_indent = "◦", rng.choice([0, 2])  # "◦" under "•" nests, indented or not
                    self.tags.add(f"nested_{sub_indent}")
                    block.n_lists += 1
                    add_list(rng.randint(1, 3), sub_mark, sub_indent, False)

        add_list(n, marker, 0, True)
        return block

    def table_block(self, prev: str | None) -> _Block:
        rng = self.rng
        mapped = not self.chance(0.2)
        if not mapped:
            headers = list(self.pick(UNMAPPED_HEADERS))
            self.tags.add("table_unmapped")
        elif self.format_chance(0.3):
            headers = list(self.pick(FORMAT_HEADERS))
        elif not self.variants or rng.random() < 0.4:
            headers = list(self.pick(SEED_HEADERS))
        else:
            area = self.pick(AREA_HEADERS)
            focus = self.pick(FOCUS_HEADERS)
            if area == "Strategic Focus" and rng.random() < 0.5:
                focus = "Priority Area"
            headers = [area, focus, self.pick(OUTCOME_HEADERS)]
        if mapped:
            for role, header in zip(("area", "focus", "outcome"), headers, strict=True):
                self.tags.add(f"header_{role}:{header}")
        ncols = len(headers)
        nrows = rng.randint(2, 6) if rng.random() < 0.85 else rng.randint(7, 12)
        outer = not self.chance(0.3)
        compact = self.chance(0.15)
        self.tags.add("table_outer_pipes" if outer else "table_no_outer_pipes")

        rows: list[list[str]] = []
        plain_rows: list[list[str]] = []
        contents: list[str] = []
        for _ in range(nrows):
            plain_cells = (
                self.cells(headers) if not mapped else [self.pick(AREAS), self.initiative_name(), self.outcome()]
            )
            cells = []
            for text in plain_cells:
                md, plain = self.decorate(text)
                cells.append(md)
                contents.append(plain)
            rows.append(cells)
            plain_rows.append(list(plain_cells))
        if self.chance(0.12):
            r, c = rng.randrange(nrows), rng.randrange(ncols)
            if not rows[r][c].startswith("`"):
                left, right = self.pick(["Air", "Land", "Sea", "Cyber"]), self.pick(["Space", "Data", "Logistics"])
                rows[r][c] = f"{left} \\| {right}"
                plain_rows[r][c] = f"{left} | {right}"
                contents.append(f"{left} | {right}")
                self.tags.add("escaped_pipe")
        if self.chance(0.15):
            r = rng.randrange(nrows)
            keep = rng.randint(1 if outer else 2, ncols - 1) if ncols - 1 >= (1 if outer else 2) else ncols
            if keep < ncols:
                rows[r] = rows[r][:keep]
                plain_rows[r] = plain_rows[r][:keep]
                self.tags.add("ragged_row")

        def row_line(cells: list[str]) -> str:
            inner = ("|" if compact else " | ").join(cells)
            if not outer:
                return inner
            return f"|{inner}|" if compact else f"| {inner} |"

        aligns = [""] * ncols
        if self.chance(0.3):
            aligns = [rng.choice(["", "left", "center", "right"]) for _ in headers]
        delims = []
        delim_compact = compact or not self.variants or rng.random() < 0.5
        for align in aligns:
            dashes = "-" * (3 if not self.variants else rng.randint(3, 5))
            if align:
                self.tags.add(f"align_{align}")
            delims.append({"": dashes, "left": f":{dashes}", "center": f":{dashes}:", "right": f"{dashes}:"}[align])
        if delim_compact:
            delim_line = "|".join(delims)
            delim_line = f"|{delim_line}|" if outer else delim_line
        else:
            delim_line = row_line(delims)
        lines = [row_line(headers), delim_line] + [row_line(r) for r in rows]
        if self.format_chance(0.25):
            lines = _html_table(headers, plain_rows)
            self.tags.add("format_html_table")
        elif self.format_chance(0.15):
            lines = ["  " + line for line in lines]  # a pipe table indented by two spaces
            self.tags.add("format_indented_table")
        if self.format_chance(0.2):
            lines = [f"Table {rng.randint(1, 9)}: {self.area_prose().capitalize()} measures", *lines]
            lines.append(self.pick(["Source: NATO.", "Note: figures are provisional.", "Sources: NATO, EU."]))
            self.tags.add("format_caption")
        return _Block(
            "table",
            lines,
            self.blank(prev),
            n_tables=1,
            n_rows=nrows,
            n_priorities=nrows if mapped else 0,
            contents=contents,
        )

    def cells(self, headers: list[str]) -> list[str]:
        rng = self.rng
        makers: dict[str, Callable[[], str]] = {
            "Country": lambda: self.pick(COUNTRIES),
            "Contribution": lambda: self.pick(CONTRIBUTIONS),
            "Year": lambda: str(rng.randint(2019, 2030)),
            "Exercise": lambda: f"{self.pick(EXERCISES)} {rng.randint(20, 30)}",
            "Location": lambda: self.pick(CITIES),
            "Participants": lambda: f"{rng.randint(2, 32)} Allies",
            "Date": lambda: f"{rng.randint(1, 28)} {self.pick(MONTHS)} {rng.randint(2023, 2027)}",
            "Event": lambda: f"{self.area_prose().capitalize()} workshop",
            "Venue": lambda: f"{self.pick(CITIES)} conference centre",
            "Member State": lambda: self.pick(COUNTRIES),
            "Troops": lambda: f"{rng.randint(1, 60) * 50} personnel",
            "Equipment": lambda: self.pick(EQUIPMENT),
            "Status": lambda: self.pick(STATUSES),
            "Milestone": lambda: f"{self.pick(AREAS)} {self.pick(AREA_SUFFIX)}",
            "Target Date": lambda: f"{self.pick(MONTHS)} {rng.randint(2025, 2030)}",
            "Lead Nation": lambda: self.pick(COUNTRIES),
            "Budget (EUR m)": lambda: f"EUR {rng.randint(5, 900)} million",
        }
        return [makers[h]() for h in headers]

    def fence_block(self, prev: str | None) -> _Block:
        fence = "```" + self.pick(["", "text", "markdown"])
        inner = [
            "| Priority Area | Key Focus | Expected Outcome |",
            "|---|---|---|",
            f"| {self.pick(AREAS)} | {self.initiative_name()} | {self.outcome()} |",
            f"- {self.initiative_name()}: {self.gerund_phrase()}",
            f"- {self.gerund_phrase()}",
        ]
        if self.rng.random() < 0.5:
            inner.append(f"1. {self.initiative_name()}")
        self.tags.add("code_fence")
        return _Block("fence", [fence, *inner, "```"], self.blank(prev))

    # ------------------------------------------------------------ structure
    def body(self, prev: str | None, allow_fence: bool = False, need_block: bool = False) -> list[_Block]:
        """Prose, lists and tables of one section (after its heading)."""
        rng = self.rng
        patterns = [
            ["list"],
            ["table"],
            ["list", "table"],
            ["list", "para", "table"],
            ["table", "para", "list"],
            ["list", "table"],
        ]
        if not need_block:
            patterns.append(["para"])
        if self.variants and rng.random() < 0.05:
            patterns = [["table", "list"]]
        pattern = self.pick(patterns)
        if allow_fence:
            pattern = [*pattern, "fence"]
        blocks: list[_Block] = []
        for i, kind in enumerate(pattern):
            directly = i > 0 and pattern[i - 1] in ("list", "table") and kind in ("list", "table")
            if kind == "para":
                blocks += self.para_blocks(prev, rng.randint(1, 2))
            else:
                if not directly:
                    n = rng.randint(0, 2) if i else rng.randint(1, 2)
                    blocks += self.para_blocks(prev, n, lead=self.lead_sentence(kind))
                    prev = "para"
                maker = {"list": self.list_block, "table": self.table_block, "fence": self.fence_block}[kind]
                blocks.append(maker(prev))
            prev = blocks[-1].kind
        if (pattern[-1] == "para" or rng.random() < 0.3) and blocks[-1].kind != "para":
            blocks += self.para_blocks(prev, 1)
        return blocks

    def build(self, target: int, cap: int | None) -> str:
        rng = self.rng
        # The final size is between size - eol (no final newline, no BOM) and
        # size + reserve (four extra blank lines and a BOM).
        reserve = 4 * self.eol_len + (3 if self.bom else 0)
        if self.variants:
            start = rng.choices(
                ["title_first", "lead_then_title", "no_title", "no_headings"], [0.45, 0.35, 0.15, 0.05]
            )[0]
        else:
            start = "lead_then_title"
        self.tags.add(f"start_{start}")
        fence_pending = self.chance(0.15)

        def fits(blocks: list[_Block]) -> bool:
            return cap is None or self.size + self.block_size(blocks) + reserve <= cap

        def short(blocks: list[_Block]) -> bool:
            return self.size + self.block_size(blocks) - self.eol_len < target

        # Opening: a title line, or a lead paragraph and the title (as in 004).
        opening: list[_Block] = []
        if start == "title_first":
            opening.append(self.heading_block(None, is_title=True))
        else:
            opening += self.para_blocks(None, 1)
            if not fits(opening):
                opening = [_Block("para", [self.sentence()], False)]
            if start == "lead_then_title":
                opening.append(self.heading_block("para", is_title=True))
        self.commit(opening)
        first = self.body(self.last_kind, need_block=start == "no_title")
        if fits(first):
            self.commit(first)

        while short([]):
            blocks: list[_Block] = []
            if start != "no_headings":
                blocks.append(self.heading_block(self.last_kind))
            blocks += self.body(blocks[-1].kind if blocks else self.last_kind, allow_fence=fence_pending)
            if fits(blocks):
                self.commit(blocks)
                fence_pending = fence_pending and not any(b.kind == "fence" for b in blocks)
                continue
            # Too large for the cap: top up with short prose, then stop.
            while short([]):
                for text in (self.sentence(), self.pick(SHORT_SENTENCES)):
                    filler = [_Block("para", [text], self.blank(self.last_kind))]
                    if fits(filler):
                        self.commit(filler)
                        break
                else:
                    break
            break

        text = self.eol.join(self.lines)
        ending = rng.choices([1, 0, 2, 5], [0.6, 0.1, 0.15, 0.15])[0] if self.variants else 5
        if ending == 0:
            self.tags.add("no_final_newline")
        elif ending > 1:
            self.tags.add("trailing_blank_lines")
        text += self.eol * ending
        if self.bom:
            text = "\ufeff" + text
        return text


def _bullet(mark: str, i: int) -> str:
    """The marker of the i-th item (0-based) of a list marked like ``mark``."""
    if mark in ("1.", "1)"):
        return f"{i + 1}{mark[1]}"
    if mark == "(1)":
        return f"({i + 1})"
    if mark in ("(a)", "a)"):
        letter = "abcdefghij"[i]
        return f"({letter})" if mark == "(a)" else f"{letter})"
    if mark == "i.":
        return f"{ROMAN[i]}."
    return mark


def _html_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A content-system export of a table: one ``<tr>`` per line, text escaped, no markdown."""

    def row(tag: str, cells: list[str]) -> str:
        return "<tr>" + "".join(f"<{tag}>{html.escape(c, quote=False)}</{tag}>" for c in cells) + "</tr>"

    return ['<table class="export">', row("th", headers), *(row("td", r) for r in rows), "</table>"]


# --------------------------------------------------------------------------- API


def generate_article(
    rng: random.Random,
    index: int,
    target_bytes: int,
    *,
    variants: bool = True,
    max_bytes: int | None = None,
    formats: bool = False,
) -> tuple[str, Expected]:
    """Generate one article of about ``target_bytes`` UTF-8 bytes and its truth.

    The returned text holds its own line endings (``\\r\\n`` for CRLF files) and
    a leading ``\\ufeff`` for BOM files: write it with ``text.encode("utf-8")``.
    The article grows until it reaches ``target_bytes`` and never exceeds
    ``max_bytes`` when one is given (it may then stop a little short of the
    target). ``file_name`` is ``f"{index:06d}_<16 hex digits>.txt"``.
    """
    name = f"{index:06d}_{rng.getrandbits(64):016x}.txt"
    article = _Article(rng, variants, formats=formats and variants)
    text = article.build(target_bytes, max_bytes)
    n_bytes = len(text.encode("utf-8"))
    expected = Expected(
        file_name=name,
        title=article.title,
        headings=list(article.headings),
        n_tables=article.n_tables,
        n_table_rows=article.n_rows,
        n_priorities=article.n_priorities,
        n_lists=article.n_lists,
        n_list_items=article.n_items,
        first_initiative=article.first_item,
        n_bytes=n_bytes,
        variants=tuple(sorted(article.tags)),
    )
    return text, expected


def draw_target_bytes(rng: random.Random, min_bytes: int, max_bytes: int) -> int:
    """Most articles seed-sized (3-8 KB), a log-uniform tail over the whole range."""
    lo, hi = max(min_bytes, SEED_MIN_BYTES), min(max_bytes, SEED_MAX_BYTES)
    if lo < hi and rng.random() < 0.8:
        return rng.randint(lo, hi)
    value = math.exp(rng.uniform(math.log(min_bytes), math.log(max_bytes)))
    return max(min_bytes, min(max_bytes, round(value)))


def expected_path(out_dir: Path) -> Path:
    """Where the ground truth of ``out_dir`` goes: beside it, not inside."""
    out_dir = Path(out_dir)
    return out_dir.parent / (out_dir.name + ".expected.jsonl")


def write_expected(path: Path, expected: list[Expected]) -> None:
    with Path(path).open("w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(json.dumps(e.to_json(), ensure_ascii=False, sort_keys=True) + "\n" for e in expected)


def load_expected(path: Path) -> list[Expected]:
    with Path(path).open(encoding="utf-8") as fh:
        return [Expected.from_json(json.loads(line)) for line in fh if line.strip()]


def _doc_rng(seed: int, index: int) -> random.Random:
    # One independent stream per document: article i does not depend on n_docs.
    return random.Random(f"bench.corpus:{seed}:{index}")


def generate_corpus(
    out_dir: Path,
    n_docs: int,
    seed: int = 0,
    min_bytes: int = 2_000,
    max_bytes: int = 100_000,
    variants: bool = True,
    *,
    overwrite: bool = False,
    formats: bool = False,
) -> list[Expected]:
    """Write ``n_docs`` articles under ``out_dir`` and their truth beside it.

    Files are ``out_dir/000123_<hex>.txt``; with more than
    :data:`FILES_PER_FOLDER` documents they go to sub-folders ``0000/``,
    ``0001/``, ... of that many files each. The truth goes to
    :func:`expected_path` (``out_dir.parent / (out_dir.name + ".expected.jsonl")``).
    An ``out_dir`` that is not empty is refused unless ``overwrite`` (which
    deletes it first). Every file is between ``min_bytes`` and ``max_bytes``.
    """
    if n_docs < 0:
        raise ValueError("n_docs must be >= 0")
    if not 1_000 <= min_bytes <= max_bytes:
        raise ValueError("need 1000 <= min_bytes <= max_bytes")
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        if not overwrite:
            raise FileExistsError(f"{out_dir} is not empty (use overwrite=True / --force)")
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    nested = n_docs > FILES_PER_FOLDER
    expected: list[Expected] = []
    for index in range(n_docs):
        rng = _doc_rng(seed, index)
        target = draw_target_bytes(rng, min_bytes, max_bytes)
        text, exp = generate_article(rng, index, target, variants=variants, max_bytes=max_bytes, formats=formats)
        rel = f"{index // FILES_PER_FOLDER:04d}/{exp.file_name}" if nested else exp.file_name
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        expected.append(replace(exp, file_name=rel))
    write_expected(expected_path(out_dir), expected)
    return expected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus",
        description="Generate a synthetic NATO article corpus and its expected.jsonl.",
    )
    parser.add_argument("out_dir", type=Path, help="folder for the articles (created)")
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min-bytes", type=int, default=2_000)
    parser.add_argument("--max-bytes", type=int, default=100_000)
    parser.add_argument("--no-variants", action="store_true", help="only the exact style of the sample 004 article")
    parser.add_argument(
        "--formats",
        action="store_true",
        help="also the shapes of other sources: HTML tables, unicode bullets, enumerators, captions, hard wraps",
    )
    parser.add_argument("--force", action="store_true", help="replace a non-empty OUT_DIR")
    args = parser.parse_args(argv)
    try:
        expected = generate_corpus(
            args.out_dir,
            args.n,
            seed=args.seed,
            min_bytes=args.min_bytes,
            max_bytes=args.max_bytes,
            variants=not args.no_variants,
            overwrite=args.force,
            formats=args.formats,
        )
    except (ValueError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    total = sum(e.n_bytes for e in expected)
    print(f"wrote {len(expected)} articles ({total:,} bytes) to {args.out_dir}")
    print(f"expected: {expected_path(args.out_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
