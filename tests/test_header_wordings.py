"""A systematic table of header wordings (``tests/data/header_wordings.yaml``, session 19): area / focus / outcome
as staffs, ministries, project offices and think tanks write them in English, every NATO language and Ukrainian.

Each triple maps to (0, 1, 2), in any column order beside a column naming no role, and in capitals as its language
writes them; each near miss, put in any one slot of its language's first triple, leaves the table unmapped; each
``unmapped`` triple, one of whose words has a second meaning, stays unmapped.
The table was written before the synonym lists were read, so it measures the vocabulary, not its own words.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

import pytest
import yaml

from nato_briefs.headers import load_header_synonyms, map_headers, normalize_header

WORDINGS = yaml.safe_load((Path(__file__).parent / "data" / "header_wordings.yaml").read_text(encoding="utf-8"))
SYN = load_header_synonyms()

TRIPLES = [
    pytest.param(lang, row.split(" | "), id=f"{lang}-{k}")
    for lang, rows in WORDINGS["triples"].items()
    for k, row in enumerate(rows)
]
NEAR_MISSES = [
    pytest.param(lang, word, id=f"{lang}-{word}") for lang, words in WORDINGS["near_miss"].items() for word in words
]


def in_capitals(text: str, lang: str) -> str:
    """The header in capitals as its language writes them: Turkish i -> İ and ı -> I, Greek without accents."""
    if lang == "tr":
        text = text.replace("i", "İ").replace("ı", "I")
    if lang == "el":
        text = "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")
    return text.upper()


@pytest.mark.parametrize(("lang", "headers"), TRIPLES)
def test_the_wording_maps_in_any_order(lang, headers):
    assert map_headers(headers, SYN) == (0, 1, 2)
    assert map_headers([headers[2], "Budget", headers[0], headers[1]], SYN) == (2, 3, 0)


@pytest.mark.parametrize(("lang", "headers"), TRIPLES)
def test_the_wording_maps_in_capitals(lang, headers):
    assert map_headers([in_capitals(h, lang) for h in headers], SYN) == (0, 1, 2)


@pytest.mark.parametrize(("lang", "word"), NEAR_MISSES)
def test_a_near_miss_names_no_role(lang, word):
    first = WORDINGS["triples"][lang][0].split(" | ")
    for slot in range(3):
        headers = list(first)
        headers[slot] = word
        assert map_headers(headers, SYN) is None, (slot, headers)


@pytest.mark.parametrize("lang", sorted(WORDINGS["near_miss"]))
def test_a_table_of_near_misses_does_not_map(lang):
    assert map_headers(WORDINGS["near_miss"][lang][:3], SYN) is None


@pytest.mark.parametrize(
    "headers", [row.split(" | ") for rows in WORDINGS["unmapped"].values() for row in rows]
)
def test_a_word_of_two_meanings_stays_unmapped(headers):
    assert map_headers(headers, SYN) is None


# ------------------------------------------------- mechanisms the table needed (delivery_words, Romance head_before)


def test_a_deliverables_column_is_the_focus_in_any_order():
    """``delivery_words``: of two outcome columns and no focus, the one naming what is delivered is the focus."""
    assert map_headers(["End State", "Budget", "Lines of Effort", "Deliverables"], SYN) == (2, 3, 0)
    assert map_headers(["Outcome", "Domain", "Outputs"], SYN) == (1, 2, 0)


def test_a_deliverables_column_near_misses():
    # neither names what is delivered, or both do: the left one is the focus, as before
    assert map_headers(["Area", "Benefit", "Impact"], SYN) == (0, 1, 2)
    assert map_headers(["Area", "Outputs", "Deliverables"], SYN) == (0, 1, 2)
    assert map_headers(["Deliverables", "Outputs", "Year"], SYN) is None  # no area


def test_each_header_is_normalized_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mapping a row normalizes each header once: ``delivers`` reads the words ``role`` was given."""
    seen: list[str] = []

    def logged(text: str) -> str:
        seen.append(text)
        return normalize_header(text)

    monkeypatch.setattr("nato_briefs.headers.normalize_header", logged)
    row = ["End State", "Budget", "Lines of Effort", "Deliverables"]
    assert map_headers(row, dataclasses.replace(SYN, cache={})) == (2, 3, 0)
    assert sorted(seen) == sorted(row)


def test_the_head_word_is_before_a_romance_of():
    """``head_before``: "Champ d'intervention" is about a champ, "Indicateurs de réussite" about indicators."""
    assert map_headers(["Champ d'intervention", "Mesures", "Indicateurs de réussite"], SYN) == (0, 1, 2)
    assert map_headers(["Ámbito de actuación", "Medidas", "Resultados"], SYN) == (0, 1, 2)


def test_the_head_word_is_before_a_romance_of_near_misses():
    # the noun before "de" names no role: a start date, a delivery deadline, a head of delegation
    assert map_headers(["Date de début", "Mesures", "Résultats"], SYN) is None
    assert map_headers(["Ámbito", "Plazo de entrega", "Resultados"], SYN) is None
    assert map_headers(["Ámbito", "Medidas", "Jefe de resultados"], SYN) is None


# ------------------------------------------- a second look, written after the lists were read (not part of the score)

SECOND_LOOK = [
    ["Strategic direction", "Way ahead", "Expected end state"],
    ["Agenda item", "Action items", "Outcome measures"],
    ["KRA", "Mitigation", "Measures of effect"],
    ["Main lines of action", "What we will deliver", "What will change"],
    ["Volet", "Jalons", "Cible"],
    ["Säule", "Handlungsempfehlungen", "Wirkungsziel"],
    ["Pilar", "Hitos", "Indicadores"],
    ["Pijler", "Doelstellingen", "Doelen"],
    ["ΠΥΛΩΝΑΣ", "ΔΡΑΣΕΙΣ", "ΣΤΟΧΟΙ"],
    ["Öncelik", "Eylem", "GÖSTERGELER"],
]


@pytest.mark.parametrize("headers", SECOND_LOOK, ids=lambda h: h[0])
def test_a_second_look_maps(headers):
    assert map_headers(headers, SYN) == (0, 1, 2)


@pytest.mark.parametrize(
    "word", ["Direction", "Item", "Change", "Tools", "Target value", "Contribution", "Capability", "Implementation"]
)
def test_a_second_look_near_misses(word):
    """A word whose qualified phrase names a role names none alone (a bearing, a figures column, a pledge)."""
    for slot in range(3):
        headers = ["Strategic direction", "Way ahead", "Expected end state"]
        headers[slot] = word
        assert map_headers(headers, SYN) is None, headers


def test_a_compound_takes_its_tails_role():
    """``compound_tail``: German, Dutch, Nordic, Finnish, Estonian and Hungarian compounds name their tail's role."""
    assert map_headers(["Zielbereich", "Kernmaßnahmen", "Hauptergebnisse"], SYN) == (0, 1, 2)
    assert map_headers(["Målområde", "Nøkkeltiltak", "Sluttresultat"], SYN) == (0, 1, 2)
    assert map_headers(["Célterület", "Kulcsintézkedés", "Végeredmény"], SYN) == (0, 1, 2)
    assert map_headers(["Beleidsgebied", "Kernmaatregelen", "Eindresultaat"], SYN) == (0, 1, 2)


def test_a_compound_takes_its_tails_role_near_misses():
    # English words ending in a listed word are no compounds: no English tail is listed
    assert map_headers(["Area", "Transaction", "Outcome"], SYN) is None
    assert map_headers(["Area", "Focus", "Claim"], SYN) is None
    # too short a head before the tail, or a tail that is no role word
    assert map_headers(["Area", "Focus", "Ziel"], SYN) == (0, 1, 2)  # the word itself, not a compound
    assert map_headers(["Area", "Focus", "Abziel"], SYN) is None
    assert map_headers(["Haushaltsjahr", "Maßnahmen", "Ergebnis"], SYN) is None


# every language's plural wording, and a second wording with indicators (second look, after the lists were read)
PLURALS = [
    ('lv', ['Prioritārās jomas', 'Galvenās aktivitātes', 'Sagaidāmā ietekme']),
    ('lt', ['Prioritetinės sritys', 'Pagrindiniai veiksmai', 'Laukiamas poveikis']),
    ('et', ['Prioriteetsed valdkonnad', 'Peamised meetmed', 'Oodatav mõju']),
    ('sl', ['Prednostna področja', 'Ključne dejavnosti', 'Pričakovani učinki']),
    ('hr', ['Prioritetna područja', 'Ključne aktivnosti', 'Očekivani učinci']),
    ('sk', ['Prioritné oblasti', 'Kľúčové aktivity', 'Očakávané dopady']),
    ('cs', ['Prioritní oblasti', 'Klíčové aktivity', 'Očekávané dopady']),
    ('bg', ['Приоритетни области', 'Ключови дейности', 'Очаквани ефекти']),
    ('mk', ['Приоритетни области', 'Клучни активности', 'Очекувани ефекти']),
    ('uk', ['Пріоритетні напрями', 'Ключові завдання', 'Очікувані ефекти']),
    ('pl', ['Obszary priorytetowe', 'Kluczowe zadania', 'Oczekiwane efekty']),
    ('hu', ['Kiemelt területek', 'Fő tevékenységek', 'Várható hatások']),
    ('ro', ['Domenii prioritare', 'Acțiuni principale', 'Rezultate așteptate']),
    ('el', ['Τομείς προτεραιότητας', 'Κύριες δράσεις', 'Αναμενόμενα οφέλη']),
    ('fi', ['Painopistealueet', 'Keskeiset toimenpiteet', 'Odotetut vaikutukset']),
    ('sv', ['Prioriterade områden', 'Viktiga åtgärder', 'Förväntade effekter']),
    ('no', ['Prioriterte områder', 'Viktige tiltak', 'Forventede effekter']),
    ('da', ['Prioriterede områder', 'Vigtige indsatser', 'Forventede effekter']),
    ('is', ['Forgangssvið', 'Lykilaðgerðir', 'Væntanleg áhrif']),
    ('nl', ["Prioritaire thema's", 'Belangrijkste acties', 'Verwachte resultaten']),
    ('de', ['Prioritäre Handlungsfelder', 'Zentrale Maßnahmen', 'Erwartete Wirkungen']),
    ('fr', ['Axes prioritaires', 'Actions clés', 'Effets attendus']),
    ('es', ['Ejes prioritarios', 'Acciones clave', 'Efectos esperados']),
    ('pt', ['Eixos prioritários', 'Ações-chave', 'Efeitos esperados']),
    ('it', ['Ambiti prioritari', 'Azioni chiave', 'Effetti attesi']),
    ('tr', ['Öncelikli alanlar', 'Temel eylemler', 'Beklenen etkiler']),
    ('sq', ['Fushat prioritare', 'Veprimet kryesore', 'Ndikimi i pritur']),
    ('cnr', ['Prioritetne oblasti', 'Ključne aktivnosti', 'Očekivani efekti']),
    ('sr', ['Prioritetne oblasti', 'Ključne aktivnosti', 'Očekivani efekti']),
    ('lv', ['Rīcības virziens', 'Pasākums', 'Rezultatīvais rādītājs']),
    ('el', ['Στρατηγικός στόχος', 'Δράσεις', 'Δείκτες']),
    ('de', ['Handlungsfeld', 'Maßnahme', 'Indikator']),
    ('es', ['Línea estratégica', 'Actuación', 'Indicador']),
    ('it', ["Linea d'intervento", 'Azione', 'Indicatore']),
    ('pt', ['Linha de ação', 'Medida', 'Indicador']),
]


@pytest.mark.parametrize(("lang", "headers"), PLURALS, ids=[f"{lang}-{k}" for k, (lang, _) in enumerate(PLURALS)])
def test_plural_wordings_map(lang, headers):
    assert map_headers(headers, SYN) == (0, 1, 2)
    assert map_headers([in_capitals(h, lang) for h in headers], SYN) == (0, 1, 2)


def test_a_goal_first_logframe_does_not_map():
    """A goal names an outcome (as English "goal"), so a logframe's "Goal | Task | Indicator" has no area."""
    assert map_headers(["Tavoite", "Toimenpide", "Mittari"], SYN) is None
    assert map_headers(["Goal", "Task", "Indicator"], SYN) is None
