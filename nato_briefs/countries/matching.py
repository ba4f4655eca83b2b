"""The compiled gazetteer and how it reads a text: one scan regex over every form, then a verdict per match.

``Gazetteer.find`` scans a text once with the trie regex built here (``_scan_pattern``) and keeps or drops each
match by its context (case, person names, the "US" pronoun, US towns and streets, ship names, code lists,
lowercase exclusions): the exclusions live in the class, next to the matching they correct.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from nato_briefs.regexes import char_trie, trie_source

COUNTRY, GROUP, ORGANIZATION = "country", "group", "organization"
ENTITY_TYPES = (COUNTRY, GROUP, ORGANIZATION)
# Characters that are written several ways but mean the same in a name.
# Turkish capitals: "TÜRKİYE" is Türkiye, but str.lower() turns its "İ" into two code points.
_FOLD = str.maketrans({"’": "'", "‐": "-", "‑": "-", "İ": "I", "ı": "i", "\u00ad": None})
_SOFT_HYPHEN = "\u00ad"  # an invisible break point web copy puts inside long words: "Lithu\u00adanian"
_SAME_CHARS = {"-": "-‐‑", "'": "'’", " ": " \t\n\r"}
# White space inside a name: any run on one line, at most one line break (a hard-wrapped
# "United\nStates"); possessive, so a long run is read once and never backtracked into.
WHITE_SPACE = r"(?:[^\S\n]++\n?|\n)[^\S\n]*+"
_ATOMS = {" ": WHITE_SPACE, "'": "['’]", "-": "[-‐‑]"}
# A person-name form followed by a capitalised word, and the word after it.
_NEXT_WORDS = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)(?:[ \t]+([^\W\d_][\w.]*))?")
_PREV_WINDOW = 40
# What follows a name in running prose: a possessive, punctuation or a lower-case word.
_PROSE_AFTER = re.compile(r"(?:['’]s)?(?:[,.;:)]|[ \t]+[a-z])")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_PROSE_WINDOW = 60
_CLAUSE_END = re.compile(r"[^\S\n]*+(?:[,.;:!?)\"'’”]|\n|\Z)")  # what follows a pronoun that ends a clause
_LIST_AND = re.compile(r"[^\S\n]+and[^\S\n]+")  # "Maryland and Estonia": a list goes on after a US state
_NO_KEYS: frozenset[str] = frozenset()  # no form keys yet (of ships, of US places)
_THE = frozenset({"the", "The", "THE"})
_HYPHENS = frozenset("-‐‑")
_HEADER_WORD = re.compile(r"[^\W\d_]+")
# A comma-separated list of three-capital codes, each maybe in brackets: "Present: Chair (DEU), FRA, ITA, POL".
_CODE = re.compile(r"[A-Z]{3}")
_CODE_LIST = re.compile(r"(?<![\w(])\(?[A-Z]{3}\)?(?:[^\S\n]*,[^\S\n]*\(?[A-Z]{3}\)?)+(?![\w)])")
_CODE_LIST_REACH = 120
_BLANK_CELLS = frozenset({"", "-", "‐", "‑", "–", "—", "n/a", "N/A", "?", "*"})  # an empty place in a column
# Georgian is written in Mkhedruli, which Unicode files as lower case: its capitals (Mtavruli) are for all-caps
# titles only, so a Georgian name ("საქართველო") starts with a "lower-case" letter and is still a name
# (the scan enters such a name as written; ``loading`` accepts a form of the data file that starts with one).
UNICAMERAL = frozenset(map(chr, range(0x10D0, 0x1100)))
# A web address or an e-mail address: what it spells is an address, not a mention ("/en/Sweden-Finland-Day").
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A town named after a country or a capital, said to be one: "Armenia, a city in Colombia", "Paris, a small
# town in Texas". The place after it (another country, a US state) follows this.
_TOWN_APPOSITIVE = re.compile(
    r",[^\S\n]*+an?[^\S\n]++(?:[a-z-]++[^\S\n]++){0,2}?(?P<noun>city|town|village|port|municipality)"
    r"[^\S\n]++(?:in|of|near)[^\S\n]++(?:the[^\S\n]++)?"
)
# Nouns a country never is, though a capital or a city-state may be ("Singapore, a city of six million").
_SMALL_PLACES = frozenset({"town", "village", "municipality"})
_SHIP_CLASS = re.compile(r"class(?!\w)", re.IGNORECASE)  # after a hyphen: "the Canberra-class landing ships"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DEFINITION_REACH = 80  # how far back the words an abbreviation in brackets stands for are looked for


class Verdict(Enum):
    """What a gazetteer match is: a mention, nothing, a ship's name (remembered: "the Tripoli" later is it),
    or a US place (remembered: after "Lima, Ohio" every "Lima" of the text is the town)."""

    MENTION = "mention"
    NONE = "none"
    SHIP = "ship"
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention: offsets are code points in the text given to ``Gazetteer.find``."""

    start: int
    end: int
    surface: str
    entity_type: str
    entity_id: str
    countries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    entity_type: str
    entity_id: str
    label: str
    countries: tuple[str, ...]  # sorted, unique; empty for an organisation


@dataclass(slots=True)
class Form:
    """What one written form (keyed case-folded) stands for, and when it counts.

    Public because ``loading`` builds these from the data file and ``Gazetteer`` reads them: the package's
    one record of a form, shared by the two modules.
    """

    key: str
    entity: Entity | None  # None: an exclusion, consumed and reported as nothing
    priority: int  # pycountry 0 < gazetteer 1 < exclusion 2: the higher one owns a form
    exact: set[str] = field(default_factory=set)  # spellings valid only as written ("US")
    proper: bool = False  # any casing that starts with a capital ("Turkey", "TURKEY")
    person: bool = False  # may be part of a person's name ("Jordan Smith")
    not_after: tuple[str, ...] = ()  # preceding phrases that make it a place of another country ("Atlanta, Georgia")
    pronoun_after: frozenset[str] = frozenset()  # previous words that make it a pronoun ("LET US")
    pronoun_at_end: frozenset[str] = frozenset()  # ... where it also ends the clause ("DO FOR US", not "FOR US TROOPS")
    combining: bool = False  # a combining form, the country only before a hyphen ("Franco-German", not "Franco's")
    capital: bool = False  # a capital or seat of government ("Moscow"): US towns are named after these most
    place_for_the_text: bool = False  # after its not_after phrase, the US place in the whole text ("Georgia")
    place_of: str | None = None  # an exclusion "Town, Place": the key of the town's form, that place in the text
    code_list_only: bool = False  # an alpha-3 code that is also a word ("FRA", "POL"): a country in a list of codes
    town_in: re.Pattern | None = None  # ", Lebanon" after "Tripoli": a town of another country (`towns_abroad`)
    iso_code: bool = False  # an alpha-3 code matched as written ("ESP"): never after "the" ("the ESP", a system)


def form_key(surface: str) -> str:
    """The lookup key of a written form: composed accents, case-folded, one space, one kind of apostrophe and hyphen.

    A text may write "ü" as "u" and a combining diaeresis (text copied from a Mac, a PDF): the same name.
    """
    if not surface.isascii():
        surface = unicodedata.normalize("NFC", surface)
    return " ".join(surface.translate(_FOLD).split()).lower()


@dataclass(frozen=True)
class PersonContext:
    """When a form is a person's name or part of a ship's, read from the words around it."""

    before: frozenset[str]
    institution_words: frozenset[str]
    ship_prefixes: frozenset[str] = frozenset()  # "USS Georgia" is a submarine, for any form
    heading_small_words: frozenset[str] = frozenset()  # lower-case words a Title Case heading has ("and", "of")
    credit_phrases: tuple[str, ...] = ()  # a wire byline's "Editing by": the names after it are persons
    # Honorifics and given names: ANY form right after one is a surname ("Baroness Scotland", "Dawn French").
    # Ranks and offices are left out: "Major Ukrainian offensive", "President Biden".
    name_before: frozenset[str] = frozenset()
    # Courtesy titles alone: "Dr. Amelia France", a title and a given name before the form, is a person too.
    honorifics: frozenset[str] = frozenset()
    # Letters written after a name ("Chad Morgan MP asked"): the name ends there, whatever the capitals say.
    post_nominals: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CodeCells:
    """ISO codes alone in the cells of a table column of codes ("| DE |", "| EST |"): countries there only.

    Elsewhere "NO", "IT", "EST" and "POL" are words or acronyms, so a column counts only when every
    filled cell is a code, two different codes at least, and its header names countries or codes
    ("Code", "Lead", "Nation"): a yes/no column of "NO"s or a "Capability" column with "ISR" is not one.
    """

    codes: dict[str, Entity] = field(default_factory=dict)  # alpha-2, alpha-3 and sports codes -> the country
    header_words: frozenset[str] = frozenset()  # case-folded


class Gazetteer:
    """Compiled gazetteer: ``find`` returns the mentions of one text."""

    def __init__(
        self,
        forms: dict[str, Form],
        entities: dict[str, Entity],
        person: PersonContext,
        lowercase_exclusions: Iterable[str] = (),
        states: Iterable[str] = (),
        state_codes: Iterable[str] = (),
        code_cells: CodeCells | None = None,
        named_after_capital: re.Pattern | None = None,
        capital_always: frozenset[str] = frozenset(),
        street_after: re.Pattern | None = None,
    ) -> None:
        self.forms = forms
        self.street_after = street_after  # " Street", " Road" after a country's name: a street called after it
        self.named_after_capital = named_after_capital  # "Paris Agreement": the words after a capital that name a thing
        self.capital_always = capital_always  # form keys the rule leaves alone ("washington": always the US)
        self.entities = entities
        self.person = person
        states, state_codes = list(states), list(state_codes)
        self.state_after = _state_pattern(states, state_codes)
        self.state_name = _state_pattern(states, (), lead="")  # a state named in "a town in Texas"
        self.county_after = _county_pattern(states)  # " in Wisconsin's Brown County": the form is a town there
        self.code_cells = code_cells or CodeCells()
        # Exact spellings that start in lower case ("eSwatini") are entered at their capital second letter.
        lower = sorted({s for f in forms.values() for s in f.exact if s[:1].islower()}, key=len, reverse=True)
        self.pattern = re.compile(_scan_pattern(forms, lower))
        lowered = sorted({form_key(s) for s in lowercase_exclusions})
        self.lowercase_exclusions = (
            re.compile(r"(?<!\w)(?:" + _trie_pattern(lowered) + r")(?!\w)", re.IGNORECASE) if lowered else None
        )
        self.exclusion_reach = max((len(s) for s in lowered), default=0) + 1
        # Only forms a lowercase exclusion contains ("NATO" in "non-NATO") need the extra check,
        # and only when the character before the match can precede that form inside one ("-" in "non-NATO",
        # not the space before most "NATO"s, which only the "Luxembourg" of "province of luxembourg" follows).
        # Form key -> those characters as written in a text (None: the phrase starts with the form).
        self.exclusion_lead_chars: dict[str, set[str | None]] = {}
        for phrase in lowered:
            for m in self.pattern.finditer(phrase.upper()):
                lead = _variants(phrase[m.start() - 1]) if m.start() else {None}
                self.exclusion_lead_chars.setdefault(form_key(m.group()), set()).update(lead)
        self.ship_prefix_ends = frozenset(w[-1] for w in person.ship_prefixes)
        self._by_surface: dict[str, Form | None] = {}  # articles repeat a few surfaces endlessly
        self._code_headers: dict[str, bool] = {}

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions in order of position; never raises on any string."""
        return self.find_with_places(text)[0]

    def find_with_places(self, text: str) -> tuple[list[Mention], frozenset[str]]:
        """The mentions, and the keys of forms read as a US place here ("Lima, Ohio", "a senator from Georgia").

        Such a form is that place everywhere in the text, before the reading too ("First Abrams from Lima"
        in the title): an article that says "Lima, Ohio" once writes "Lima" for the town after. The keys
        let a caller that reads a document in pieces apply the same to the other pieces.
        """
        if _SOFT_HYPHEN in text:
            return self._find_through_soft_hyphens(text)
        mentions: list[Mention] = []
        ships = _NO_KEYS  # forms seen as a ship's name here: "the Tripoli" later is that ship
        places = _NO_KEYS  # forms read as a US place here: "Lima, Ohio" makes every "Lima" the town
        addresses = _address_spans(text)
        for match in self.pattern.finditer(text):
            start, end = match.span()
            if match.lastindex is not None:
                start -= 1  # a lower-case initial, looked behind (``_scan_pattern``)
            if addresses and _inside(addresses, start):
                continue  # "www.expo.lt/en/Sweden-Finland-Day", "Poland.Desk@nato.int": an address
            surface = text[start:end]
            form = self._form_of(surface)
            if form is not None and form.entity is None and form.exact and " ".join(surface.split()) not in form.exact:
                inner = self._inner_match(text, start, surface)  # "a Ukrainian village": not the place as written
                if inner is None:
                    continue
                end, surface = inner.end(), inner.group()
                form = self._form_of(surface)
            if form is None or form.entity is None:
                if form is not None and form.place_of is not None:
                    places = places | {form.place_of}  # "Tripoli, Lebanon": every "Tripoli" here is that town
                continue
            verdict = self._verdict(form, surface, text, start, end, ships)
            if verdict is Verdict.SHIP:
                ships = ships | {form.key}
            elif verdict is Verdict.PLACE:
                places = places | {form.key}
            if verdict is not Verdict.MENTION:
                continue
            entity = form.entity
            mentions.append(Mention(start, end, surface, entity.entity_type, entity.entity_id, entity.countries))
        return (without_places(mentions, places) if places else mentions), places

    def _inner_match(self, text: str, start: int, surface: str) -> re.Match | None:
        """The longest form at ``start`` inside ``surface`` but its last word: what a place written otherwise holds."""
        cut = max(surface.rfind(" "), surface.rfind("\t"), surface.rfind("\n"))
        return self.pattern.match(text, start, start + cut) if cut > 0 else None

    def _find_through_soft_hyphens(self, text: str) -> tuple[list[Mention], frozenset[str]]:
        """The text read without its soft hyphens; offsets and surfaces as written ("Lithu\u00adanian")."""
        kept = [i for i, char in enumerate(text) if char != _SOFT_HYPHEN]
        mentions, places = self.find_with_places("".join(text[i] for i in kept))
        found = []
        for m in mentions:
            start, end = kept[m.start], kept[m.end - 1] + 1
            found.append(Mention(start, end, text[start:end], m.entity_type, m.entity_id, m.countries))
        return found, places

    def forget_surfaces(self) -> None:
        """Empty the memo of the surfaces read so far (``_form_of``), so that a timed pass starts cold."""
        self._by_surface.clear()

    def _form_of(self, surface: str) -> Form | None:
        by_surface = self._by_surface
        if surface in by_surface:
            return by_surface[surface]
        if len(by_surface) > 50_000:
            by_surface.clear()
        form = by_surface[surface] = self.forms.get(form_key(surface))
        return form

    def countries(self, text: str) -> tuple[str, ...]:
        """Sorted unique alpha-3 codes the text names (groups expanded)."""
        return union_countries(self.find(text))

    def _verdict(self, form: Form, surface: str, text: str, start: int, end: int, ships: frozenset[str]) -> Verdict:
        """Whether the match is a mention, by the form's rules and its context."""
        if surface not in form.exact and not (form.proper and _capital_or_caseless(surface[0])):
            return Verdict.NONE
        if text[start - 1 : start] == "(" and text[end : end + 1] == ")" and _defines(text, start - 1, surface, form):
            return Verdict.NONE  # "Austin (AUS)", "Reconstruction Team (PRT)": what the words before stand for
        if form.code_list_only and not self._in_code_list(text, start, end):
            return Verdict.NONE  # "Sweden's FRA", "POL pipelines": a word; "Present: DEU, FRA, POL" France, Poland
        if form.iso_code and surface in form.exact and self._previous_word(text, start) in _THE:
            return Verdict.NONE  # "the ESP and the anti-lock brakes": a system; a country's code takes no article
        if text[end : end + 1] in _HYPHENS and _SHIP_CLASS.match(text, end + 1):
            return Verdict.NONE  # "the Canberra-class landing ships", "a Kiev-class carrier": a class of ships
        if form.combining and text[end : end + 1] not in _HYPHENS:
            return Verdict.NONE  # "Franco's dictatorship", "after Franco died": the person, not France
        if text[end : end + 1] == "," and self.state_after is not None and self._is_us_town(text, form, start, end):
            return Verdict.PLACE  # "Vienna, Virginia", "Moscow, Idaho": a town in a US state
        if form.town_in is not None and form.town_in.match(text, end):
            return Verdict.PLACE  # "Tripoli, Lebanon": the town there, in the whole text
        if text[end : end + 1] == "," and self._said_to_be_a_town(form, text, end):
            return Verdict.PLACE  # "Armenia, a city in Colombia": the town there, in the whole text
        if text[end : end + 1] == " " and (place := self._street_or_county(form, text, end)) is not None:
            return place  # "Turkey Street" (here only), "Denmark in Wisconsin's Brown County" (the whole text)
        if form.capital and self.named_after_capital is not None and self._names_a_thing(form, text, end):
            return Verdict.NONE  # "Paris Agreement", "Minsk Group", "Havana syndrome": named after the city
        if (form.pronoun_after or form.pronoun_at_end) and self._is_pronoun(form, text, start, end):
            return Verdict.NONE
        if form.person and self._is_person_name(text, start, end):
            return Verdict.NONE
        if start and text[start - 1] in " \t" and self._after_name_word(text, start):
            return Verdict.NONE  # "Baroness Scotland", "Dawn French", "Dr. Jane Wales": a surname
        if start > 1 and text[start - 2] in self.ship_prefix_ends and self._after_ship_prefix(text, start):
            return (
                Verdict.SHIP
            )  # the last letter of a prefix two characters back is checked inline: most mentions fail it
        if ships and form.key in ships and self._previous_word(text, start) in _THE:
            return Verdict.NONE  # "USS Tripoli ... relieve the Tripoli": the same ship
        if form.not_after and _ends_with_phrase(text, start, form.not_after):
            return Verdict.PLACE if form.place_for_the_text else Verdict.NONE
        lead_chars = self.exclusion_lead_chars.get(form.key)
        if lead_chars is not None and self._inside_lowercase_exclusion(text, start, end, lead_chars):
            return Verdict.NONE
        return Verdict.MENTION

    def _said_to_be_a_town(self, form: Form, text: str, end: int) -> bool:
        """ "Armenia, a city in Colombia", "Paris, a small town in Texas": a town of another country or a US state.

        The writer says which place is meant; "Armenia, a country of three million" stays the country, and so
        does "Kyiv, a city in Ukraine" (the place after is the form's own country).
        """
        said = _TOWN_APPOSITIVE.match(text, end)
        if said is None:
            return False
        if not form.capital and said.group("noun") in _SMALL_PLACES:
            return True  # "Jordan, a town of 6,000 south of Minneapolis": a country is never a town
        if self.state_name is not None and self.state_name.match(text, said.end()):
            return True
        place = self.pattern.match(text, said.end())
        other = self._form_of(place.group()) if place else None
        return (
            other is not None
            and other.entity is not None
            and other.entity.entity_type == COUNTRY
            and (other.entity.entity_id not in form.entity.countries)
        )

    def _street_or_county(self, form: Form, text: str, end: int) -> Verdict | None:
        """ "Turkey Street", "Jamaica Road": a street called after the country, NONE here only (a capital's streets
        are read by ``capital_not_before``, Washington excepted); "Denmark in Wisconsin's Brown County": a town of
        that state, a PLACE in the whole text, as after "Lima, Ohio". None: neither.

        A street word that another capitalised word follows is a Title Case heading's ("Ukraine Road Map").
        """
        following = text[end + 1 : end + 2]  # most matches are followed by neither: no regex is tried for them
        if following.isupper():
            street = self.street_after is not None and not form.capital and self.street_after.match(text, end)
            return Verdict.NONE if street else None
        county = following == "i" and self.county_after is not None and self.county_after.match(text, end)
        return Verdict.PLACE if county else None

    def _in_code_list(self, text: str, start: int, end: int) -> bool:
        """Whether the code stands in a comma-separated list of three or more ISO alpha-3 codes on its line."""
        lo = text.rfind("\n", max(0, start - _CODE_LIST_REACH), start) + 1 or max(0, start - _CODE_LIST_REACH)
        hi = text.find("\n", end, end + _CODE_LIST_REACH)
        for run in _CODE_LIST.finditer(text, lo, hi if hi >= 0 else min(len(text), end + _CODE_LIST_REACH)):
            if run.start() <= start and end <= run.end():
                codes = _CODE.findall(run.group())
                return len(codes) >= 3 and all(c in self.code_cells.codes for c in codes)
        return False

    def _names_a_thing(self, form: Form, text: str, end: int) -> bool:
        """A capital before a word of ``capital_not_before``: an accord, format, street or idiom named after the city.

        Such a name says where something was signed or first met, not what the government does; a capital
        of ``capital_not_before.except`` (Washington, always the United States) keeps its country.
        """
        return form.key not in self.capital_always and self.named_after_capital.match(text, end) is not None

    def _is_pronoun(self, form: Form, text: str, start: int, end: int) -> bool:
        """ "LET US", "JOIN US IN OSLO": the object pronoun in capitals; after "FOR" only where it ends the clause.

        "WHAT ALLIES CAN DO FOR US" is the pronoun, "AID FOR US TROOPS" the United States.
        """
        previous = self._previous_word(text, start)
        if previous in form.pronoun_after:
            return True
        return previous in form.pronoun_at_end and _CLAUSE_END.match(text, end) is not None

    def _is_us_town(self, text: str, form: Form, start: int, end: int) -> bool:
        """ "Vienna, Virginia" is a town; "... and Latvia, Maryland and Estonia" is a list of state-country pairs.

        A pair list reads "and" before a country's name (not a capital: "Paris and Moscow, Idaho" is the
        town) and "and" plus another country's name after the state, one that is no town itself
        ("Lebanon, Pennsylvania and Peru, Indiana" stay towns).
        """
        state = self.state_after.match(text, end)
        if state is None:
            return False
        if form.capital or self._previous_word(text, start) != "and":
            return True
        joined = _LIST_AND.match(text, state.end())
        following = self.pattern.match(text, joined.end()) if joined else None
        if following is None:
            return True
        other = self._form_of(following.group())
        if other is None or other.entity is None or other.entity.entity_type != COUNTRY or other.capital:
            return True
        return bool(self.state_after.match(text, following.end()))

    def code_columns(self, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> frozenset[int]:
        """Indexes of a table's columns of country codes (``CodeCells``); ``rows`` are read under such headers only."""
        columns: set[int] = set()
        for i, header in enumerate(headers):
            if not self._is_code_header(header):
                continue
            rows = rows if isinstance(rows, list) else list(rows)
            filled = [cell for row in rows if i < len(row) and (cell := row[i].strip()) not in _BLANK_CELLS]
            if len(set(filled)) >= 2 and all(cell in self.code_cells.codes for cell in filled):
                columns.add(i)
        return frozenset(columns)

    def _is_code_header(self, header: str) -> bool:
        """Whether a header names countries or codes ("Code", "Lead nation"); kept per header: tables repeat them."""
        known = self._code_headers
        hit = known.get(header)
        if hit is None:
            if len(known) > 10_000:
                known.clear()
            hit = known[header] = not self.code_cells.header_words.isdisjoint(_HEADER_WORD.findall(header.casefold()))
        return hit

    def code_cell(self, cell: str) -> list[Mention]:
        """The country a code cell of a code column names ("DE" -> DEU), or nothing."""
        code = cell.strip()
        entity = self.code_cells.codes.get(code)
        if entity is None:
            return []
        start = cell.index(code)
        return [Mention(start, start + len(code), code, entity.entity_type, entity.entity_id, entity.countries)]

    def _inside_lowercase_exclusion(self, text: str, start: int, end: int, lead_chars: set[str | None]) -> bool:
        """ "non-NATO": an exclusion that starts in lower case and so is not part of the scan.

        ``lead_chars``: what may precede the form inside such a phrase (``exclusion_lead_chars``).
        """
        if self.lowercase_exclusions is None:
            return False
        before = text[start - 1] if start else None
        if before not in lead_chars and None not in lead_chars:
            return False
        reach = self.exclusion_reach
        window = self.lowercase_exclusions.finditer(text, max(0, start - reach), min(len(text), end + reach))
        return any(m.start() < end and m.end() > start for m in window)

    def _after_ship_prefix(self, text: str, start: int) -> bool:
        """ "USS Georgia": a ship's name, not the country."""
        return text[start - 1] in " \t" and self._previous_word(text, start) in self.person.ship_prefixes

    @staticmethod
    def _previous_word(text: str, start: int) -> str | None:
        """The word just before ``start`` on the same line (a regex search here would be quadratic).

        None also when only other white space stands there ("\x0b Poland", "\u2028 Poland"): ``rstrip``
        leaves it, ``rsplit`` finds no word in it.
        """
        window = text[max(0, start - _PREV_WINDOW) : start]
        stripped = window.rstrip(" \t")
        if len(stripped) == len(window) or not stripped or stripped[-1] in "\r\n":
            return None
        words = stripped.rsplit(None, 1)  # the last word: split once, from the end
        return words[-1] if words else None

    def _is_person_name(self, text: str, start: int, end: int) -> bool:
        """ "Jordan Smith said", "Mr Chad", "George Washington", "General Mark Holland": a person, not the country."""
        previous = self._previous_word(text, start)
        if previous in self.person.before:
            return True
        if previous and self._titled_given_name(text, start, end, previous):
            return True
        if self.person.credit_phrases and self._credited(text, start, previous):
            return True
        following = _NEXT_WORDS.match(text, end)
        if following is None:
            return False
        word, after = following.group(1), following.group(2)
        if not word[0].isupper() or word in self.person.institution_words or form_key(word) in self.forms:
            return False
        # A name ends at the capitalised word or at its post-nominal letters; in a Title Case heading the
        # capitals run on.
        return after is None or after in self.person.post_nominals or not after[0].isupper()

    def _after_name_word(self, text: str, start: int) -> bool:
        """An honorific or a given name just before ``start``, or an honorific and one Title Case name.

        "Baroness Scotland" and "Dawn French" name persons; so does "Dr. Amelia France", where the given
        name is not one of the listed ones but the courtesy title before it says a person is named.
        """
        previous = self._previous_word(text, start)
        if previous is None:
            return False
        if previous in self.person.name_before:
            return True
        if not (previous.isalpha() and previous[0].isupper() and previous[1:].islower()):
            return False
        if form_key(previous) in self.forms:
            return False
        return self._previous_word(text, text.rindex(previous, 0, start)) in self.person.honorifics

    def _titled_given_name(self, text: str, start: int, end: int, previous: str) -> bool:
        """ "General Mark Holland, who": a title, a given name, the form as a surname, then prose.

        The prose after it tells a sentence from a Title Case heading, where "Secretary General
        Visits Jordan" is the country. A given name is a Title Case word that names nothing itself.
        """
        if not (previous.isalpha() and previous[0].isupper() and previous[1:].islower()):
            return False
        if form_key(previous) in self.forms or not _PROSE_AFTER.match(text, end):
            return False
        if self._previous_word(text, text.rindex(previous, 0, start)) not in self.person.before:
            return False
        return self._in_running_prose(text, start, end)

    def _credited(self, text: str, start: int, previous: str | None) -> bool:
        """ "Editing by Chad", "Editing by Mark Chad": a byline credits a person, so the form is a name."""
        phrases = self.person.credit_phrases
        if _ends_with_phrase(text, start, phrases):
            return True
        if not (previous and previous.isalpha() and previous[0].isupper()):
            return False
        return _ends_with_phrase(text, text.rindex(previous, 0, start), phrases)

    def _in_running_prose(self, text: str, start: int, end: int) -> bool:
        """A lower-case word other than a heading's small words ("and", "of") on the line nearby: not a heading."""
        lo, hi = max(0, start - _PROSE_WINDOW), min(len(text), end + _PROSE_WINDOW)
        lo = text.rfind("\n", lo, start) + 1 or lo
        newline = text.find("\n", end, hi)
        words = _LOWER_WORD.findall(text, lo, hi if newline < 0 else newline)
        return any(w not in self.person.heading_small_words for w in words)


def _ends_with_phrase(text: str, start: int, phrases: tuple[str, ...]) -> bool:
    """Whether one of ``phrases`` (single-spaced) ends just before ``start``, as whole words on one line.

    A comma between them is read through: "Fort Stewart, Georgia" ends with "Fort Stewart".
    """
    window = text[max(0, start - _PREV_WINDOW) : start]
    line = window[window.rfind("\n") + 1 :]
    if line[-1:] not in (" ", "\t"):
        return False
    tail = " " + " ".join(line.split()).removesuffix(",")
    return any(tail.endswith(" " + phrase) for phrase in phrases)


def _capital_or_caseless(char: str) -> bool:
    """Whether a name may start with ``char``: a capital, or a letter of a script without case (Hebrew, Arabic,
    Chinese, Japanese, Korean) or without capitals in running text (Georgian): "ישראל", "日本", "საქართველო"."""
    return char.isupper() or char in UNICAMERAL or (char.isalpha() and char.upper() == char.lower())


def _address_spans(text: str) -> list[tuple[int, int]]:
    """Where the web and e-mail addresses of a text are, in order (none in most texts: checked cheaply first)."""
    if "@" not in text and "www." not in text and "://" not in text:
        return []
    return [m.span() for m in _ADDRESS.finditer(text)]


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` falls inside one of the ordered, non-overlapping ``spans``."""
    i = bisect_right(spans, (position, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def _defines(text: str, paren: int, code: str, form: Form) -> bool:
    """An alpha-3 code in brackets that abbreviates the words before them: "Austin (AUS)", "Reconstruction Team (PRT)".

    Writers define an abbreviation by the name it stands for: a code that starts the word before the bracket
    or spells the initials of the capitalised words before it is that name's. "Australia (AUS)" names the
    country all the same (by its name), and "Anna Nowak (AUS)", an athlete's nation, stays the country.
    """
    if form.entity is None or code != form.entity.entity_id:
        return False
    words = _WORD.findall(text, max(0, paren - _DEFINITION_REACH, text.rfind("\n", 0, paren) + 1), paren)
    if not words:
        return False
    initials = "".join(w[0] for w in words if w[0].isupper()).upper()
    return words[-1][: len(code)].upper() == code or initials.endswith(code)


def _state_pattern(
    states: Iterable[str], state_codes: Iterable[str], lead: str = "," + WHITE_SPACE
) -> re.Pattern | None:
    """A comma and a state after a form (", Virginia", ", Va.", ", VA 22202"): the form is a US town.

    ``lead`` is what comes before the state: a comma and white space, or nothing for a state named in a phrase.

    A two-letter postal code must end the place (a ZIP code or punctuation after it), so that
    "RUSSIA, IN A STATEMENT" keeps Russia although IN is Indiana's code.
    """
    names = sorted({v for s in states for v in (" ".join(str(s).split()), " ".join(str(s).split()).upper())})
    codes = sorted({str(c) for c in state_codes})
    if not names and not codes:
        return None
    branches = []
    if names:
        branches.append("(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")
    if codes:
        branches.append("(?:" + "|".join(map(re.escape, codes)) + r")(?=[^\S\n]*+(?:\d{5}(?!\d)|[,.;:)\n]|\Z))")
    return re.compile(lead + "(?:" + "|".join(branches) + ")")


def _variants(char: str) -> set[str | None]:
    """The ways a text may write a character of a phrase: both cases, every hyphen or apostrophe."""
    folded = form_key(char) or " "
    same = _SAME_CHARS.get(folded, folded)
    return {v for c in same for v in (c, c.upper(), c.lower())}


def _county_pattern(states: Iterable[str]) -> re.Pattern | None:
    """ " in Wisconsin's Brown County": a form before it names a town of that US state, not the country."""
    names = sorted({" ".join(str(s).split()) for s in states if not str(s).endswith(".")}, key=len, reverse=True)
    if not names:
        return None
    state = "(?:" + "|".join(WHITE_SPACE.join(map(re.escape, n.split())) for n in names) + ")"
    space = WHITE_SPACE
    county = rf"['’]s(?:{space}[A-Z][\w.'’-]*){{1,3}}{space}(?:County|Parish)(?!\w)"
    return re.compile(space + "in" + space + state + county)


def _scan_pattern(keys: Iterable[str], lower_initial: Iterable[str] = ()) -> str:
    """The scan regex: a case-sensitive capital first, then the rest of the trie ignoring case.

    Every form starts with a capital or a digit, so the regex engine can skip
    ahead to the next character that can start one (a charset scan in C, ~60 MB/s
    on article text) instead of entering the trie at every position; the word
    boundary before the match is checked just after that first character.
    An exact spelling in ``lower_initial`` ("eSwatini") is entered at its second
    letter, a capital, its first looked behind, and matched as written; its branch
    holds the pattern's one (empty) group, so ``match.lastindex`` tells its matches,
    which start one character before the match. A lower-case letter to enter at would
    stop the scan at every such letter of a text: an error of the gazetteer.
    """
    first: dict[str, list[str]] = {}
    for key in keys:
        first.setdefault(key[0], []).append(key[1:])
    branches = []
    for char, rests in first.items():
        upper = char if char in UNICAMERAL or len(char.upper()) != 1 else char.upper()
        rest = "(?i:" + _trie_pattern(rests) + ")"
        branches.append(re.escape(upper) + r"(?<!\w.)" + rest)
        decomposed = unicodedata.normalize("NFD", upper)
        if decomposed != upper:  # "Å" written as "A" and a combining ring: the word boundary is one more back
            branches.append(re.escape(decomposed) + "(?<!\\w" + "." * len(decomposed) + ")" + rest)
    for spelling in lower_initial:
        if not spelling[1:2].isupper():
            raise ValueError(f"{spelling!r}: a spelling in lower case first needs a capital second letter")
        head = re.escape(spelling[:2])
        branches.append(f"{re.escape(spelling[1])}(?<={head})(?<![\\w'’-]{head})()" + re.escape(spelling[2:]))
    return "(?:" + "|".join(branches) + r")(?!\w)"


def _trie_pattern(keys: Iterable[str]) -> str:
    """One regex for all keys, shared prefixes factored out; longer continuations tried first."""
    return trie_source(char_trie(keys), _atom, ordered=False)


def _atom(char: str) -> str:
    """A character of a form as the regex reads it: any white space, apostrophe or hyphen; accents composed or not."""
    if char in _ATOMS:
        return _ATOMS[char]
    decomposed = unicodedata.normalize("NFD", char)
    return re.escape(char) if decomposed == char else f"(?:{re.escape(char)}|{re.escape(decomposed)})"


def without_places(mentions: list[Mention], places: frozenset[str] | set[str]) -> list[Mention]:
    """The mentions but those of forms read as a US place elsewhere in the same text (``find_with_places``)."""
    return [m for m in mentions if form_key(m.surface) not in places]


def union_countries(mentions: Iterable[Mention]) -> tuple[str, ...]:
    """Sorted union of the mentions' countries: what ``documents.countries`` holds."""
    return tuple(sorted({code for m in mentions for code in m.countries}))
