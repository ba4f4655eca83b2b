"""Build a ``Gazetteer`` from pycountry and ``gazetteer.yaml``: forms, entities, groups and the contexts of exclusion.

Every error of the data file (a key written twice, a form no entity has, a sports code that is also an ISO code)
fails here, at load, where an analyst's edit is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from nato_briefs.config import PACKAGE_DIR
from nato_briefs.countries.matching import (
    COUNTRY,
    GROUP,
    ORGANIZATION,
    UNICAMERAL,
    WHITE_SPACE,
    CodeCells,
    Entity,
    Form,
    Gazetteer,
    PersonContext,
    form_key,
)

GAZETTEER_FILE = PACKAGE_DIR / "gazetteer.yaml"
_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_ALPHA3 = re.compile(r"^[A-Z]{3}$")
_PAREN = re.compile(r"\s*\([^)]*\)")
_OF_TAIL = re.compile(r"\bof(?: the)?$")


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key written twice in one mapping.

    A second ``ZAF:`` entry added far down the countries list would silently replace the first
    (its demonyms and capitals lost); an analyst's edit must fail loudly instead.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ValueError(
                    f"gazetteer: {key!r} is written twice in one mapping (line {key_node.start_mark.line + 1})"
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = GAZETTEER_FILE) -> Gazetteer:
    """Read the data file and pycountry into a compiled gazetteer (cached: compiling takes ~0.1 s)."""
    raw: dict[str, Any] = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_UniqueKeyLoader) or {}
    labels = _country_labels(raw.get("extra_countries") or {})
    forms: dict[str, Form] = {}
    entities: dict[str, Entity] = {}
    _add_countries(forms, entities, raw, labels, path)
    _add_groups_and_organizations(forms, entities, raw, labels, path)
    exclusions = _add_exclusions(forms, raw, path)
    _mark_contexts(forms, raw, path)
    return Gazetteer(
        forms,
        entities,
        _person_context(raw),
        [p for p in exclusions if p[:1].islower()],
        states=[*(raw.get("us_states") or ()), *(raw.get("provinces") or ())],
        state_codes=raw.get("us_state_codes") or (),
        code_cells=_code_cells(entities, raw.get("code_column_headers") or (), raw.get("sports_codes") or {}, path),
        **_capital_things(raw.get("capital_not_before") or {}, forms, path),
        street_after=_street_pattern(raw.get("street_words") or ()),
    )


def _add_countries(
    forms: dict[str, Form], entities: dict[str, Entity], raw: dict[str, Any], labels: dict[str, str], path: Path
) -> None:
    """Every country and its forms: pycountry's names first (the lowest priority, so the data file's own
    entries win a form both give), then the data file's names, adjectives and capitals, names in other
    languages, and the alpha-3 codes written as abbreviations or standing in lists of codes."""
    skip = {form_key(s) for s in raw.get("skip_pycountry_forms") or []}
    for country in pycountry.countries:
        entity = _country_entity(country.alpha_3, labels)
        entities[entity.entity_id] = entity
        for attr in ("name", "common_name", "official_name"):
            form = pycountry_form(getattr(country, attr, None))
            if form and form_key(form) not in skip:
                _add(forms, form, entity, priority=0, exact=False, where=f"pycountry {country.alpha_3}")
    for code, spec in (raw.get("countries") or {}).items():
        if code not in labels:
            raise ValueError(f"{path}: countries: {code!r} is not an ISO 3166-1 alpha-3 code nor in extra_countries")
        entity = entities.setdefault(code, _country_entity(code, labels))
        _add_spec(forms, entity, spec, where=f"{path}: countries.{code}")
    for code, names in (raw.get("names_in_other_languages") or {}).items():
        if code not in entities:
            raise ValueError(f"{path}: names_in_other_languages: {code!r} is not a country of the gazetteer")
        _add_spec(forms, entities[code], {"names": names}, where=f"{path}: names_in_other_languages.{code}")
    for code in raw.get("alpha3_abbreviations") or []:
        if code not in entities:
            raise ValueError(f"{path}: alpha3_abbreviations: {code!r} is not a country of the gazetteer")
        _add(forms, str(code), entities[code], priority=1, exact=True, where=f"{path}: alpha3_abbreviations")
        forms[form_key(str(code))].iso_code = True
    if raw.get("alpha3_in_code_lists"):
        _add_listed_codes(forms, entities)


def _add_groups_and_organizations(
    forms: dict[str, Form], entities: dict[str, Entity], raw: dict[str, Any], labels: dict[str, str], path: Path
) -> None:
    """The ``groups`` (expanded to their member countries) and ``organizations``, each under an id of its own."""
    for kind, section in ((GROUP, "groups"), (ORGANIZATION, "organizations")):
        for entity_id, spec in (raw.get(section) or {}).items():
            entity = _named_entity(kind, entity_id, spec or {}, labels, where=f"{path}: {section}.{entity_id}")
            if entity_id in entities:
                raise ValueError(f"{path}: {section}.{entity_id}: id used twice")
            entities[entity_id] = entity
            _add_spec(forms, entity, spec or {}, where=f"{path}: {section}.{entity_id}")


def _add_exclusions(forms: dict[str, Form], raw: dict[str, Any], path: Path) -> list[str]:
    """The phrases that only look like countries, as forms that stand for nothing: ``places_as_written``, and
    the ``exclusions`` that start with a capital (with their plurals and their "Town, Place" towns).

    Returns every exclusion: those in lower case ("non-NATO") cannot be entered in the scan, and the
    ``Gazetteer`` checks them around a match instead.
    """
    for phrase in raw.get("places_as_written") or []:
        _add(forms, str(phrase), None, priority=2, exact=True, where=f"{path}: places_as_written")
    exclusions = [str(p) for p in raw.get("exclusions") or []]
    for phrase in exclusions:
        if not phrase[:1].islower():
            _add(forms, phrase, None, priority=2, exact=False, where=f"{path}: exclusions")
            _mark_town(forms, phrase)
            plural = _plural(phrase)
            if plural and form_key(plural) not in forms:
                _add(forms, plural, None, priority=2, exact=False, where=f"{path}: exclusions")
    return exclusions


def _person_context(raw: dict[str, Any]) -> PersonContext:
    """``person_context`` and ``ship_prefixes``: the words around a form that make it a person's or a ship's name."""
    context = raw.get("person_context") or {}
    honorifics, given = context.get("honorifics") or (), context.get("given_names") or ()
    return PersonContext(
        frozenset([*(context.get("before") or ()), *honorifics, *given]),
        frozenset(context.get("institution_words") or ()),
        frozenset(str(w) for w in raw.get("ship_prefixes") or ()),
        frozenset(context.get("heading_small_words") or ()),
        tuple(" ".join(str(p).split()) for p in context.get("credit_phrases") or ()),
        frozenset(str(w) for w in (*honorifics, *given)),
        frozenset(str(w) for w in honorifics),
        frozenset(str(w) for w in context.get("post_nominals") or ()),
    )


def _capital_things(spec: dict, forms: dict[str, Form], path: Path) -> dict[str, Any]:
    """``capital_not_before``: the pattern of its words right after a capital, and the capitals it leaves alone."""
    words = sorted({" ".join(str(w).split()) for w in spec.get("words") or ()}, key=len, reverse=True)
    titles = sorted({" ".join(str(w).split()) for w in spec.get("titles") or ()}, key=len, reverse=True)
    if not words and not titles:
        return {}
    always = frozenset(form_key(str(c)) for c in spec.get("except") or ())
    for key in always:
        if key not in forms or not forms[key].capital:
            raise ValueError(f"{path}: capital_not_before.except: {key!r} is not a capital of the gazetteer")

    def alternatives(phrases: list[str]) -> str:
        return "|".join(WHITE_SPACE.join(map(re.escape, w.split(" "))) for w in phrases) or "(?!)"

    # ``titles`` match as written, so that "Moscow times its strikes" is still the government.
    pattern = re.compile(WHITE_SPACE + "(?:(?i:" + alternatives(words) + ")|" + alternatives(titles) + r")(?!\w)")
    return {"named_after_capital": pattern, "capital_always": always}


def _street_pattern(words: Iterable[str]) -> re.Pattern | None:
    """``street_words`` as written after a form, where no capitalised word follows them (a heading's would)."""
    words = sorted({str(w) for w in words}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"[^\S\n]+(?:" + "|".join(map(re.escape, words)) + r")(?!\w)(?![^\S\n]+[A-Z])")


def _code_cells(
    entities: dict[str, Entity], header_words: Iterable[str], sports: dict[str, str], path: Path = GAZETTEER_FILE
) -> CodeCells:
    """Every ISO alpha-2 and alpha-3 code (and Kosovo's XK / XKX, and the sports codes) mapped to its country.

    Sports codes (IOC: GER, NED, SUI) name countries in the medal tables of military games; one that is
    also an ISO code stands for the ISO country, so the data is refused.
    """
    codes: dict[str, Entity] = {}
    iso = {c.alpha_3 for c in pycountry.countries} | {c.alpha_2 for c in pycountry.countries}
    for code, alpha3 in sports.items():
        if code in iso or alpha3 not in entities or entities[alpha3].entity_type != COUNTRY:
            raise ValueError(f"{path}: sports_codes: {code!r} is an ISO code or {alpha3!r} is not a country")
        codes[str(code)] = entities[alpha3]
    for country in pycountry.countries:
        entity = entities[country.alpha_3]
        codes[country.alpha_3] = codes[country.alpha_2] = entity
    if "XKX" in entities:
        codes["XKX"] = codes["XK"] = entities["XKX"]
    codes["UK"] = entities["GBR"]  # as common in such columns as ISO's GB
    return CodeCells(codes, frozenset(str(w).casefold() for w in header_words))


def _add_listed_codes(forms: dict[str, Form], entities: dict[str, Entity]) -> None:
    """Every ISO alpha-3 code not matched as written anywhere: a country only inside a list of codes."""
    for country in pycountry.countries:
        key = form_key(country.alpha_3)
        if key not in forms:
            forms[key] = Form(key, entities[country.alpha_3], priority=1, exact={country.alpha_3}, code_list_only=True)


def _country_labels(extra: dict[str, str]) -> dict[str, str]:
    labels = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    for code, label in extra.items():
        if not _ALPHA3.match(str(code)):
            raise ValueError(f"extra_countries: {code!r} is not a three-letter code")
        labels[code] = str(label)
    return labels


def _country_entity(code: str, labels: dict[str, str]) -> Entity:
    return Entity(COUNTRY, code, labels[code], (code,))


def _named_entity(kind: str, entity_id: str, spec: dict, labels: dict[str, str], where: str) -> Entity:
    if not _ID.match(str(entity_id)):
        raise ValueError(f"{where}: id must be snake_case")
    members = spec.get("members") or []
    if kind == GROUP and not members:
        raise ValueError(f"{where}: a group needs members")
    unknown = [m for m in members if m not in labels]
    if unknown:
        raise ValueError(f"{where}: unknown country code(s) {', '.join(map(str, unknown))}")
    names = spec.get("names") or spec.get("abbreviations") or [entity_id]
    return Entity(kind, entity_id, str(names[0]), tuple(sorted(set(members))))


def pycountry_form(raw: str | None) -> str | None:
    """pycountry's form as articles write it: "Korea, Republic of" -> "Republic of Korea"."""
    if not raw:
        return None
    text = _PAREN.sub("", raw).strip()
    if "," in text:
        head, _, tail = text.partition(",")
        if not _OF_TAIL.search(tail.strip()):
            return None  # "Virgin Islands, British": the official name says it better
        text = f"{tail.strip()} {head.strip()}"
    return re.sub(r"^[Tt]he ", "", text) or None


def _add_spec(forms: dict[str, Form], entity: Entity, spec: dict, where: str) -> None:
    for key in ("names", "adjectives", "capitals", "combining"):
        for surface in spec.get(key) or []:
            _add(forms, str(surface), entity, priority=1, exact=False, where=where)
    for surface in spec.get("combining") or []:
        forms[form_key(str(surface))].combining = True
    for surface in spec.get("capitals") or []:
        forms[form_key(str(surface))].capital = True
    for surface in spec.get("abbreviations") or []:
        _add(forms, str(surface), entity, priority=1, exact=True, where=where)


def _add(
    forms: dict[str, Form], surface: str, entity: Entity | None, *, priority: int, exact: bool, where: str
) -> None:
    key = form_key(surface)
    if not key or not key[0].isalnum() or (surface[0].islower() and surface[0] not in UNICAMERAL and not exact):
        raise ValueError(
            f"{where}: form {surface!r} must start with a capital letter or a digit (or be an abbreviation)"
        )
    form = forms.get(key)
    if form is None or form.priority < priority:
        form = forms[key] = Form(key, entity, priority)
    elif form.priority > priority:
        return
    elif form.entity != entity:
        if priority == 0:
            return  # two ISO entries share a form: the first keeps it
        raise ValueError(
            f"{where}: {surface!r} already stands for {form.entity.entity_id if form.entity else 'an exclusion'}"
        )
    if exact:
        form.exact.add(" ".join(surface.split()))
    else:
        form.proper = True


def _plural(phrase: str) -> str | None:
    """An exclusion's plural, which it covers too: "German shepherd" -> "German shepherds", "Great Danes".

    None where a plural makes no sense: a phrase ending in "s", an abbreviation ("All of US"), a "Town, Place".
    """
    last = phrase.rsplit(" ", 1)[-1]
    if "," in phrase or not last.isalpha() or last.isupper() or last.endswith("s"):
        return None
    return phrase + "s"


def _mark_town(forms: dict[str, Form], phrase: str) -> None:
    """An exclusion written "Town, Place" ("Tripoli, Lebanon", "Athens, Georgia") makes the town's form that place
    everywhere in the text, as a US town does: "in Tripoli" later is Lebanon's city, not Libya's capital."""
    town, comma, _ = phrase.partition(",")
    head = forms.get(form_key(town))
    if comma and head is not None and head.entity is not None:
        forms[form_key(phrase)].place_of = head.key


def _mark_contexts(forms: dict[str, Form], raw: dict[str, Any], path: Path) -> None:
    for name in raw.get("person_names") or []:
        _context_form(forms, name, "person_names", path).person = True
    for surface, words in (raw.get("pronoun_context") or {}).items():
        _context_form(forms, surface, "pronoun_context", path).pronoun_after = frozenset(str(w) for w in words)
    for surface, words in (raw.get("pronoun_at_end") or {}).items():
        _context_form(forms, surface, "pronoun_at_end", path).pronoun_at_end = frozenset(str(w) for w in words)
    for surface, phrases in (raw.get("not_after") or {}).items():
        _context_form(forms, surface, "not_after", path).not_after = tuple(" ".join(str(p).split()) for p in phrases)
    for surface, places in (raw.get("towns_abroad") or {}).items():
        names = "|".join(WHITE_SPACE.join(map(re.escape, str(p).split())) for p in places)
        _context_form(forms, surface, "towns_abroad", path).town_in = re.compile(r",[^\S\n]*+(?:" + names + r")(?!\w)")
    for surface in raw.get("not_after_for_the_text") or []:
        form = _context_form(forms, surface, "not_after_for_the_text", path)
        if not form.not_after:
            raise ValueError(f"{path}: not_after_for_the_text: {surface!r} has no not_after phrases")
        form.place_for_the_text = True


def _context_form(forms: dict[str, Form], surface: Any, section: str, path: Path) -> Form:
    """The form a context entry names: an entry for a name the gazetteer lacks is a typo, an error at load."""
    form = forms.get(form_key(str(surface)))
    if form is None or form.entity is None:
        raise ValueError(f"{path}: {section}: {surface!r} is not a form of any entity")
    return form
