"""Table headers of more NATO languages map onto area / focus / outcome (``header_synonyms.yaml``, round 6).

Each language: its usual wording of the three headers maps, in any column order, and a table naming no
role in that language (country, contribution, year) does not. Found by tests/shapes_corpus/329-338, 383-387, 432-439
501-507 and 595-598.
"""

from __future__ import annotations

import unicodedata

import pytest

from nato_briefs.headers import load_header_synonyms, map_headers, normalize_header
from tests.reading import md_priorities


def _role(header: str) -> tuple[str, bool] | None:
    return load_header_synonyms().role(normalize_header(header))


def _table(header: str) -> str:
    body = "|---|---|---|\n| Cyber | Task force | Faster |\n"
    return f"# Allies Agree Steps\n\nAllies agreed the steps.\n\n{header}\n{body}"


SYN = load_header_synonyms()

# language -> (area, focus, outcome headers as written, a table naming none of the roles)
LANGUAGES = {
    "el": (["Τομέας προτεραιότητας", "Βασική εστίαση", "Αναμενόμενο αποτέλεσμα"], ["Χώρα", "Συνεισφορά", "Έτος"]),
    "ro": (["Domeniu prioritar", "Obiectiv principal", "Rezultat așteptat"], ["Țara", "Contribuție", "An"]),
    "cs": (["Prioritní oblast", "Hlavní opatření", "Očekávaný výsledek"], ["Země", "Příspěvek", "Rok"]),
    "no": (["Prioritert område", "Hovedtiltak", "Forventet resultat"], ["Land", "Bidrag", "År"]),
    "fi": (["Painopistealue", "Keskeinen toimenpide", "Odotettu tulos"], ["Maa", "Osuus", "Vuosi"]),
    "bg": (["Приоритетна област", "Основна мярка", "Очакван резултат"], ["Държава", "Принос", "Година"]),
    "hu": (["Kiemelt terület", "Fő intézkedés", "Várt eredmény"], ["Ország", "Hozzájárulás", "Év"]),
    "ru": (["Приоритетное направление", "Ключевая мера", "Ожидаемый результат"], ["Страна", "Вклад", "Год"]),
    "ja": (["重点分野", "主な取組", "期待される成果"], ["国", "貢献", "年"]),
    "ar": (["مجال الأولوية", "التركيز الرئيسي", "النتيجة المتوقعة"], ["الدولة", "المساهمة", "السنة"]),
    # round 6c (383-387)
    "lt": (["Prioritetinė sritis", "Pagrindinė priemonė", "Laukiamas rezultatas"], ["Šalis", "Įnašas", "Metai"]),
    "et": (["Prioriteetne valdkond", "Põhitegevus", "Oodatav tulemus"], ["Riik", "Panus", "Aasta"]),
    "lv": (["Prioritārā joma", "Galvenais pasākums", "Sagaidāmais rezultāts"], ["Valsts", "Ieguldījums", "Gads"]),
    "sv": (["Prioriterat område", "Huvudsaklig åtgärd", "Förväntat resultat"], ["Land", "Bidrag", "År"]),
    "ko": (["중점 분야", "핵심 과제", "기대 성과"], ["국가", "기여", "연도"]),
    # session 12 (432-439): the remaining NATO languages
    "da": (["Prioriteret område", "Hovedindsats", "Forventet resultat"], ["Land", "Bidrag", "År"]),
    "sk": (["Prioritná oblasť", "Hlavné opatrenie", "Očakávaný výsledok"], ["Krajina", "Príspevok", "Rok"]),
    "sl": (["Prednostno področje", "Ključni ukrep", "Pričakovani rezultat"], ["Država", "Prispevek", "Leto"]),
    "hr": (["Prioritetno područje", "Ključna mjera", "Očekivani ishod"], ["Država", "Doprinos", "Godina"]),
    "sq": (["Fusha prioritare", "Masa kryesore", "Rezultati i pritshëm"], ["Vendi", "Kontributi", "Viti"]),
    "is": (["Forgangssvið", "Helsta aðgerð", "Væntanleg niðurstaða"], ["Land", "Framlag", "Ár"]),
    "mk": (["Приоритетна област", "Клучна мерка", "Очекуван резултат"], ["Држава", "Придонес", "Година"]),
    "cnr": (["Prioritetna oblast", "Ključna mjera", "Očekivani rezultat"], ["Država", "Doprinos", "Godina"]),
    # session 13 (501-507): partner and regional languages
    "lb": (["Prioritéitsberäich", "Schwéierpunkt", "Erwaart Resultat"], ["Land", "Bäitrag", "Joer"]),
    "ka": (["პრიორიტეტული სფერო", "ძირითადი აქცენტი", "მოსალოდნელი შედეგი"], ["ქვეყანა", "წვლილი", "წელი"]),
    "az": (["Prioritet sahə", "Əsas diqqət", "Gözlənilən nəticə"], ["Ölkə", "Töhfə", "İl"]),
    "mt": (["Qasam ta' Prijorità", "Fokus Ewlieni", "Riżultat Mistenni"], ["Pajjiż", "Kontribut", "Sena"]),
    "cy": (["Maes Blaenoriaeth", "Prif Ffocws", "Canlyniad Disgwyliedig"], ["Gwlad", "Cyfraniad", "Blwyddyn"]),
    "ca": (["Àrea prioritària", "Enfocament clau", "Resultat esperat"], ["País", "Contribució", "Any"]),
    "ga": (["Réimse Tosaíochta", "Príomhfhócas", "Toradh Ionchais"], ["Tír", "Ranníocaíocht", "Bliain"]),
    # session 13, round 10 part A (546-549)
    "zh": (["重点领域", "主要举措", "预期成果"], ["国家", "贡献", "年份"]),
    "sr": (["Prioritetna oblast", "Ključne mere", "Očekivani ishod"], ["Država", "Doprinos", "Godina"]),
    "sr-Cyrl": (["Приоритетна област", "Кључне мере", "Очекивани исход"], ["Држава", "Допринос", "Година"]),
    "he": (["תחום עדיפות", "מוקד מרכזי", "תוצאה צפויה"], ["מדינה", "תרומה", "שנה"]),
    "hy": (["Առաջնահերթ ոլորտ", "Հիմնական միջոցառումներ", "Ակնկալվող արդյունք"], ["Երկիր", "Ներդրում", "Տարի"]),
    # session 14, round 11 part A (595-598)
    "be": (["Прыярытэтны кірунак", "Ключавыя меры", "Чаканы вынік"], ["Краіна", "Унёсак", "Год"]),
    "eu": (["Lehentasunezko arloa", "Neurri nagusiak", "Espero den emaitza"], ["Herrialdea", "Ekarpena", "Urtea"]),
    "gl": (["Eixo prioritario", "Medida clave", "Resultado agardado"], ["País", "Contribución", "Ano"]),
    "kk": (["Басым бағыт", "Негізгі шаралар", "Күтілетін нәтиже"], ["Ел", "Үлес", "Жыл"]),
}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_roles_map_in_any_order(language):
    headers, _ = LANGUAGES[language]
    synonyms = load_header_synonyms()
    assert map_headers(headers, synonyms) == (0, 1, 2)
    shuffled = [headers[2], "Budget", headers[0], headers[1]]
    assert map_headers(shuffled, synonyms) == (2, 3, 0)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_table_naming_no_role_does_not_map(language):
    _, near_miss = LANGUAGES[language]
    assert map_headers(near_miss, load_header_synonyms()) is None


def test_two_of_three_roles_do_not_map():
    headers, _ = LANGUAGES["cs"]
    assert map_headers([headers[0], headers[1], "Rok"], load_header_synonyms()) is None


def test_line_of_operation_is_an_area():
    """NATO doctrine's "Line of Operation" names an area like "Line of Effort" (shapes 440)."""
    synonyms = load_header_synonyms()
    assert map_headers(["Line of Operation", "Main Effort", "Expected Results"], synonyms) == (0, 1, 2)
    assert map_headers(["Line of Operation", "Country", "Year"], synonyms) is None


def test_measures_of_effectiveness_name_the_outcome():
    """The assessment term is an outcome, though its head word ("measure", before "of") names a focus (shapes 510)."""
    synonyms = load_header_synonyms()
    assert map_headers(["Line of Effort", "Key Tasks", "Measures of Effectiveness"], synonyms) == (0, 1, 2)
    assert map_headers(["Line of Effort", "Key Measures", "Year"], synonyms) is None


def test_lines_of_action_and_success_criteria():
    """Headers "Mission Area | Lines of Action | Success Criteria" (shapes 550): a line of action names an area as a
    line of effort does, so the right of two area columns is the focus; success criteria are the outcome."""
    synonyms = load_header_synonyms()
    assert map_headers(["Mission Area", "Lines of Action", "Success Criteria"], synonyms) == (0, 1, 2)
    assert map_headers(["Line of Action", "Country", "Success Criteria"], synonyms) is None
    assert map_headers(["Mission Area", "Lines of Action", "Selection Criteria"], synonyms) is None


# --------------------------------------------------------------------------- more wordings (session 17: shapes16-18)


# --------------------------------------------------------------------------- header wordings


def test_header_abbreviations_map():
    assert map_headers(["Prio.", "Obj.", "Exp. Res."], SYN) == (0, 1, 2)
    assert map_headers(["Pillar", "Key Activity", "KPI"], SYN) == (0, 1, 2)
    assert map_headers(["Handlungsfeld", "Maßn.", "erw. Ergebnis"], SYN) == (0, 1, 2)
    assert map_headers(["Ser", "Prio. Area", "Action", "Exp. Result", "OPR"], SYN) == (1, 2, 3)


def test_header_abbreviations_near_misses():
    assert map_headers(["Area", "Focus", "Exp."], SYN) is None  # "expected" alone names nothing
    assert map_headers(["Prio.", "Obj.", "Res. Owner"], SYN) is None  # the owner of a result is no outcome


def test_plain_language_and_french_wordings_map():
    assert map_headers(["Challenge", "What we will do", "Why it helps", "Who leads"], SYN) == (0, 1, 2)
    assert map_headers(["Axe", "Action", "Effet attendu"], SYN) == (0, 1, 2)
    assert map_headers(["Domaine prioritaire", "Axe principal", "Résultat attendu"], SYN) == (0, 1, 2)


def test_plain_language_and_french_wordings_near_misses():
    assert map_headers(["Area", "Focus", "Attendu"], SYN) is None  # a participle alone
    assert map_headers(["Area", "Focus", "Who leads"], SYN) is None
    assert map_headers(["Challenge", "Country", "Year"], SYN) is None


# --------------------------------------------------------------------------- header wordings


def test_question_headers_map():
    assert map_headers(["Area of work", "What Allies agreed", "What it should achieve"], SYN) == (0, 1, 2)
    questions = ["ID", "Start time", "Which priority area?", "What is the key focus?", "What outcome do you expect?"]
    assert map_headers(questions, SYN) == (2, 3, 4)


def test_question_headers_near_misses():
    assert map_headers(["Area", "Focus", "What happened"], SYN) is None  # a question naming no role
    assert map_headers(["Area", "Focus", "Who leads?"], SYN) is None
    assert map_headers(["Country", "What Allies agreed", "Year"], SYN) is None


def test_camel_case_headers_and_success_looks_like_map():
    assert map_headers(["priorityArea", "keyFocus", "expectedOutcome"], SYN) == (0, 1, 2)
    assert map_headers(["Priority", "Deliverable", "Success looks like"], SYN) == (0, 1, 2)


def test_camel_case_headers_near_misses():
    assert map_headers(["countryName", "keyFocus", "expectedOutcome"], SYN) is None  # no area
    assert map_headers(["teamLead", "keyFocus", "expectedOutcome"], SYN) is None  # a lead is no area


# --------------------------------------------------------------------------- header_determiners


def test_header_determiners_map():
    assert map_headers(["The priority area", "Our key focus", "Expected outcome(s) by 2030"], SYN) == (0, 1, 2)
    # "Our strategic focus" is the area phrase "strategic focus": two areas, the left one the area
    assert map_headers(["Our strategic focus", "The priority area", "Expected outcome(s)"], SYN) == (0, 1, 2)


def test_header_determiners_near_misses():
    assert map_headers(["The", "Our key focus", "The expected outcome"], SYN) is None  # a lone word stays
    assert map_headers(["Our country", "Our key focus", "The expected outcome"], SYN) is None


# -------------------- English header wordings: asides, parts, postpositive participles, measures (session 16, shapes15)


def test_header_aside_and_parts_map():
    assert map_headers(["LINE OF EFFORT (LOE)", "KEY DELIVERABLES", "MEASURE OF SUCCESS", "LEAD"], SYN) == (0, 1, 2)
    assert map_headers(["Thematic Area", "Deliverables & Milestones", "Impact on Readiness"], SYN) == (0, 1, 2)
    assert map_headers(["Pillar", "Objectives and Timelines", "Expected Outcome (qualitative)"], SYN) == (0, 1, 2)


def test_header_aside_and_parts_near_misses():
    assert map_headers(["Lead (LoE)", "Key Focus", "Expected Outcome"], SYN) is None  # the aside stripped, no role
    assert map_headers(["Country and Region", "Key Focus", "Expected Outcome"], SYN) is None
    assert map_headers(["Command & Control", "Key Focus", "Expected Outcome"], SYN) is None


def test_postpositive_participle_and_head_before_preposition():
    assert map_headers(["Policy area", "Action agreed", "Outcome sought"], SYN) == (0, 1, 2)
    assert map_headers(["Area", "Measures planned", "Results expected"], SYN) == (0, 1, 2)
    assert map_headers(["Domain", "Task", "Benefit for Allies"], SYN) == (0, 1, 2)


def test_postpositive_participle_and_head_before_preposition_near_misses():
    assert map_headers(["Area", "Focus", "Funding required"], SYN) is None  # "funding" names no role
    assert map_headers(["Area", "Focus", "Expected"], SYN) is None  # a participle alone
    assert map_headers(["Lead for Area", "Key Focus", "Expected Outcome"], SYN) is None  # who leads, not the area
    assert map_headers(["Area", "Focus", "Timeline for Outcome"], SYN) is None


def test_success_measures_and_work_packages_map():
    assert map_headers(["Key Focus Area", "Deliverable", "Success Measure"], SYN) == (0, 1, 2)
    assert map_headers(["Work Package", "Task", "Expected Result", "Lead"], SYN) == (0, 1, 2)


def test_success_measures_and_work_packages_near_misses():
    assert map_headers(["Area", "Key Measure", "Outcome"], SYN) == (0, 1, 2)  # a measure alone is still a focus
    assert map_headers(["Package", "Task", "Expected Result"], SYN) is None  # a package alone names no area


# -------------------------------------------------------- plain-language English header wordings (session 15, shapes14)


def test_plain_language_header_wordings_map():
    synonyms = load_header_synonyms()
    assert map_headers(["Workstream", "What we will do", "What success looks like"], synonyms) is not None
    assert map_headers(["Issue", "Allied Response", "Intended Result", "Lead"], synonyms) is not None
    assert map_headers(["Area", "Key deliverable", "Why it matters"], synonyms) is not None
    # near misses: a wording that names no role still leaves the table unmapped
    assert map_headers(["Workstream", "What we will do", "Who leads"], synonyms) is None
    assert map_headers(["Issue", "Date", "Location"], synonyms) is None


# --------------------------------------------------------------------------- session 19 (shapes22): other wordings

# language -> (a second usual wording of the three headers, a table naming no role), as articles 903-908 write them
SECOND_WORDINGS = {
    "it": (["Ambito", "Azioni chiave", "Risultato previsto"], ["Paese", "Contributo", "Anno"]),
    "nl": (["Thema", "Actiepunten", "Beoogd effect"], ["Land", "Bijdrage", "Jaar"]),
    "pt": (["Eixo", "Medidas", "Impacto esperado"], ["País", "Contribuição", "Ano"]),
    "no": (["Innsatsområde", "Tiltak", "Ønsket effekt"], ["Land", "Bidrag", "År"]),
    "tr": (["ÖNCELİKLİ ALAN", "TEMEL FAALİYETLER", "HEDEFLENEN SONUÇ"], ["ÜLKE", "KATKI", "YIL"]),
    "ro": (["Domeniu", "Măsuri", "Efect scontat"], ["Țara", "Contribuție", "An"]),
}


@pytest.mark.parametrize("language", sorted(SECOND_WORDINGS))
def test_second_wordings_map(language):
    headers, near_miss = SECOND_WORDINGS[language]
    assert map_headers(headers, SYN) == (0, 1, 2)
    assert map_headers([headers[2], "Budget", headers[0], headers[1]], SYN) == (2, 3, 0)
    assert map_headers(near_miss, SYN) is None


def test_problem_solution_output_and_decision_headers_map():
    assert map_headers(["Problem", "Solution", "Impact"], SYN) == (0, 1, 2)
    assert map_headers(["Theme", "Activities", "Outputs", "Lead"], SYN) == (0, 1, 2)
    assert map_headers(["Topic", "Decision", "Expected effect"], SYN) == (0, 1, 2)


def test_problem_solution_output_and_decision_headers_near_misses():
    assert map_headers(["Problem", "Solution", "Owner"], SYN) is None  # no outcome
    assert map_headers(["Input", "Output", "Year"], SYN) is None  # an output alone is no table of priorities
    assert map_headers(["Date", "Decision", "Vote"], SYN) is None  # a minutes table: no area, no outcome
# --------------------------------------------------------------------------- key_after_noun (shapes21)


def test_key_after_noun_romance_headers_name_their_noun():
    assert _role("Action clé") == ("focus", False)
    assert _role("Objetivo clave") == ("focus", False)
    assert _role("Actions clés") == ("focus", False)
    assert _role("Domaines prioritaires") == ("area", False)
    assert _role("Resultados esperados") == ("outcome", False)
    french = _table("| Domaine prioritaire | Action clé | Résultat attendu |")
    assert md_priorities(french) == [["Cyber", "Task force", "Faster"]]


def test_key_after_noun_near_misses_keep_their_phrases():
    assert _role("Enfoque clave") == ("focus", True)  # a phrase as written, before "clave" goes
    assert _role("Axe principal") == ("focus", True)  # not "axe", an area word
    assert _role("Clé") is None  # the adjective alone names nothing


# --------------------------------------------------------------------------- inflected_plurals (shapes21)


def test_inflected_plurals_of_other_languages_name_their_role():
    assert _role("Maßnahmen") == ("focus", False)
    assert _role("Kluczowe działania") == ("focus", False)
    assert _role("Erwartete Ergebnisse") == ("outcome", False)
    assert _role("Obszary priorytetowe") == ("area", False)
    assert md_priorities(_table("| Schwerpunktbereich | Maßnahmen | Erwartetes Ergebnis |")) == [
        ["Cyber", "Task force", "Faster"]
    ]


def test_inflected_plurals_near_misses():
    assert _role("Maßnahmenplan") is None  # a compound on another head noun
    assert md_priorities(_table("| Land | Beitrag | Jahr |")) == []


# --------------------------------------------------------------------------- staff abbreviations (session 20: shapes24)


def test_staff_abbreviations_and_contracted_participles_map():
    """Staff tables' headers (shapes 950-952, 954): contracted participles ("Req'd", "Exp'd":
    ``contracted_participle``), "Msrs", "Des. Eff.", "EFF. SOUGHT", and the French staff's "Effet final recherché"."""
    assert normalize_header("Action Req\u2019d") == "action reqd"
    assert map_headers(["Prio Area", "Action Req'd", "Exp'd Outcome", "OPI"], SYN) == (0, 1, 2)
    assert map_headers(["Cap. Area", "Key Msrs", "Des. Eff.", "Lead"], SYN) == (0, 1, 2)
    assert map_headers(["FOCUS AREA", "TASK(S)", "EFF. SOUGHT", "LEAD", "NLT"], SYN) == (0, 1, 2)
    assert map_headers(["Axe d'effort", "Mesures", "Effet final recherché"], SYN) == (0, 1, 2)


def test_staff_abbreviations_and_contracted_participles_near_misses():
    assert map_headers(["Area", "Focus", "Req'd"], SYN) is None  # a participle alone names nothing
    assert map_headers(["Area", "Focus", "Des."], SYN) is None
    assert map_headers(["Area", "Focus", "Who'd lead"], SYN) is None
    assert normalize_header("Champ d'action") == "champ d action"  # an elided French d' stays a word of its own


# --------------------------------------------------------------------------- sibilant_plural, more nouns (shapes28)


def test_sibilant_plural_names_its_singulars_role():
    """Probes of shapes28: "Key Focuses" lost its table (``focuses`` minus its "s" is no word)."""
    assert _role("Key Focuses") == ("focus", False)
    assert _role("Approaches") == ("focus", False)
    assert map_headers(["Priority Areas", "Key Focuses", "Expected Outcomes"], SYN) == (0, 1, 2)


def test_sibilant_plural_near_misses():
    assert _role("Measures") == ("focus", False)  # "measur" is no sibilant: the plain "s" rule reads it
    assert _role("Processes") is None  # a process names no role
    assert map_headers(["Processes", "Owners", "Statuses"], SYN) is None


def test_sector_topic_category_nouns_of_more_languages_map():
    """Probes of shapes28: usual header nouns that named no role (fr "Secteur", pl "Dziedzina", pt "Setor",
    "Atividades", es "Actividades", fr "Retombées", the English "Category", "Component", "Subject")."""
    assert map_headers(["Secteur", "Mesures", "Résultat escompté"], SYN) == (0, 1, 2)
    assert map_headers(["Dziedzina", "Przedsięwzięcia", "Oczekiwany efekt"], SYN) == (0, 1, 2)
    assert map_headers(["Setor", "Atividades", "Resultado esperado"], SYN) == (0, 1, 2)
    assert map_headers(["Sectores", "Actividades", "Impacto"], SYN) == (0, 1, 2)
    assert map_headers(["Domaine", "Démarches", "Retombées attendues"], SYN) == (0, 1, 2)
    assert map_headers(["Obszar działania", "Kroki", "Rezultat"], SYN) == (0, 1, 2)
    assert map_headers(["Category", "Initiative", "Benefit"], SYN) == (0, 1, 2)
    assert map_headers(["Component", "Investment", "Effect"], SYN) == (0, 1, 2)
    assert map_headers(["Subject", "Agreed action", "Expected effect"], SYN) == (0, 1, 2)
    assert map_headers(["Area", "Plan of action", "Outcome"], SYN) == (0, 1, 2)
    assert map_headers(["Area", "Tactics", "Outcome"], SYN) == (0, 1, 2)
    assert md_priorities(_table("| Sektor | Schritte | Erwartetes Ergebnis |")) == [["Cyber", "Task force", "Faster"]]


def test_sector_topic_category_nouns_near_misses():
    assert map_headers(["Category", "Amount", "Share"], SYN) is None  # a budget table: no focus, no outcome
    assert map_headers(["Kategorie", "Land", "Jahr"], SYN) is None
    assert map_headers(["Area", "Subject", "Expected Outcome"], SYN) == (0, 1, 2)  # two areas split left to right
    assert map_headers(["Dziedzina", "Środki", "Wynik"], SYN) is None  # pl "środki" are as often funds
    assert map_headers(["Region", "Focus", "Outcome"], SYN) is None  # a place, as a country, names no area
    assert map_headers(["Area", "Plan", "Outcome"], SYN) is None  # "plan" alone: a plan against its actuals


# ------------------------------------------------------------------- decomposed_accents, lines of work (shapes29)


def _nfd(*headers: str) -> list[str]:
    return [unicodedata.normalize("NFD", h) for h in headers]


def test_decomposed_accents_compose_before_the_words_are_read():
    """shapes29 1046: French in decomposed form (NFD, an "e" and a combining acute, as macOS and some Mac editors
    write it): the combining mark split "résultat" into "re" and "sultat", and the table was lost."""
    assert normalize_header(unicodedata.normalize("NFD", "Résultat attendu")) == "résultat attendu"
    assert map_headers(_nfd("Domaine prioritaire", "Actions clés", "Résultat attendu"), SYN) == (0, 1, 2)
    assert map_headers(_nfd("Očekávaný výsledek", "Prioritní oblast", "Hlavní opatření"), SYN) == (1, 2, 0)


def test_decomposed_accents_near_misses():
    assert normalize_header("Re\u0301sultat attendu") == normalize_header("Résultat attendu")
    assert map_headers(_nfd("Pays", "Contribution", "Année"), SYN) is None  # composed, it still names no role
    # the Turkish İ decomposed keeps its own fold (``dotted_capital_i``): the same word as composed
    assert normalize_header(unicodedata.normalize("NFD", "TEMEL FAALİYETLER")) == "temel faaliyetler"


def test_lines_of_work_and_of_activity_are_lines_as_of_action():
    """shapes29 1061: "Goal Area | Lines of Work | Expected Change" mapped nothing ("line" names no role); as the
    lines of action, effort and operation they name an area, and of two areas the right one is the focus."""
    assert _role("Lines of Work") == ("area", True)
    assert map_headers(["Goal Area", "Lines of Work", "Expected Change"], SYN) == (0, 1, 2)
    assert map_headers(["Priority Area", "Line of activity", "Expected Outcome"], SYN) == (0, 1, 2)
    assert map_headers(["Lines of Work", "Key Tasks", "Outcome"], SYN) == (0, 1, 2)
    assert map_headers(["Goal Area", "Work Lines", "Expected Change"], SYN) == (0, 1, 2)  # probe: noun first
    assert map_headers(["Domain", "Action Lines", "Result"], SYN) == (0, 1, 2)


def test_lines_of_work_near_misses():
    assert _role("Line") is None  # a line alone names no role
    assert _role("Work") is None
    assert map_headers(["Lines of Work", "Owner", "Deadline"], SYN) is None  # no focus, no outcome


def test_how_we_will_know_names_the_outcome():
    """Probe of shapes29 1058: "Priority | What we'll do | How we'll know" mapped no outcome."""
    assert map_headers(["Priority", "What we\u2019ll do", "How we\u2019ll know"], SYN) == (0, 1, 2)
    assert map_headers(["Priority", "What we will do", "How success is measured"], SYN) == (0, 1, 2)


def test_how_we_will_know_near_misses():
    assert _role("How") is None
    assert _role("Know") is None
    assert map_headers(["Priority", "Who leads", "How we will know"], SYN) is None  # no focus
