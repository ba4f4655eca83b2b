"""Session 18 rules (shapes21): the four gaps of issue 1 as ordinary writers and tools produce them, each rule in
the module of its concern and tested with its positive and near-miss cases. Found by tests/shapes_corpus/861-885.
"""

from __future__ import annotations

import nato_briefs
from nato_briefs.headers import load_header_synonyms, normalize_header
from nato_briefs.reader.rules.html_elements import is_title_style
from nato_briefs.reader.rules.titles import wrapped_title


def _article(text: str, name: str = "x.md"):
    return nato_briefs.read_article(text.encode(), source_path=name)


def _headings(text: str, name: str = "x.md") -> list[str]:
    return [s.heading for s in _article(text, name).sections if s.heading is not None]


def _priorities(text: str, name: str = "x.md") -> list[list[str]]:
    return [[r["area"], r["focus"], r["outcome"]] for r in _article(text, name).rows("priorities")]


def _role(header: str) -> tuple[str, bool] | None:
    return load_header_synonyms().role(normalize_header(header))


def _table(header: str) -> str:
    body = "|---|---|---|\n| Cyber | Task force | Faster |\n"
    return f"# Allies Agree Steps\n\nAllies agreed the steps.\n\n{header}\n{body}"


# --------------------------------------------------------------------------- docs_title_class (html_elements)


def test_docs_title_class_is_the_title_style():
    assert is_title_style("c0 title")
    assert is_title_style("MsoTitle")
    assert is_title_style("title c12")


def test_docs_title_class_near_misses_are_other_styles():
    assert not is_title_style("c0 subtitle")
    assert not is_title_style("article-title")
    assert not is_title_style("c0")
    assert not is_title_style(None)


def test_a_google_docs_title_paragraph_is_the_title_and_a_subtitle_stays_prose():
    page = (
        '<html><body class="c5 doc-content"><p class="c0 title" id="h.t"><span class="c2">Allies Agree Steps</span></p>'
        '<p class="c0 subtitle"><span class="c2">Brussels meeting</span></p>'
        '<p class="c0"><span class="c2">Allies agreed the steps on Tuesday.</span></p></body></html>\n'
    )
    article = _article(page, "x.html")
    assert article.title == "Allies Agree Steps"
    assert "Brussels meeting" in "\n".join(s.text for s in article.sections)


# --------------------------------------------------------------------------- wrapped_title (titles)

HEAD = "NATO Allies Agree to Strengthen Partnerships with Jordan,"


def test_wrapped_title_joins_a_title_cut_at_a_comma_or_a_function_word():
    assert wrapped_title(HEAD, "Mauritania and Tunisia", False) == f"{HEAD} Mauritania and Tunisia"
    upper = "Next Steps for the Alliance Ahead of the Summit in"
    assert wrapped_title(upper, "The Hague", True) == f"{upper} The Hague"


def test_wrapped_title_near_misses():
    assert wrapped_title("Jane Smith,", "Defence Correspondent", False) is None  # too short for a wrap
    assert wrapped_title("NATO Summit 2025 Opens in The Hague With Leaders", "Allies Agree Targets", False) is None
    assert wrapped_title(HEAD, "and partners in the south", False) is None  # lowercase: prose runs on
    assert wrapped_title(HEAD, "  Mauritania and Tunisia", False) is None  # indented: a continuation block
    sentence = "The Allies said that they would work closely with Jordan,"  # sentence case: prose
    assert wrapped_title(sentence, "Mauritania And Tunisia", False) is None


def test_a_headline_wrapped_over_two_lines_is_one_title_and_a_wrapped_sentence_stays_prose():
    text = f"{HEAD}\nMauritania and Tunisia in the South\n\nAllies met in Brussels on Tuesday.\n"
    assert _headings(text, "x.txt") == [f"{HEAD} Mauritania and Tunisia in the South"]
    prose = "Allies met in Brussels on Tuesday and agreed to work with Jordan,\nMauritania and Tunisia.\n\nMore.\n"
    assert _headings(prose, "x.txt") == []


# --------------------------------------------------------------------------- key_after_noun (header_synonyms.yaml)


def test_key_after_noun_romance_headers_name_their_noun():
    assert _role("Action clé") == ("focus", False)
    assert _role("Objetivo clave") == ("focus", False)
    assert _role("Actions clés") == ("focus", False)
    assert _role("Domaines prioritaires") == ("area", False)
    assert _role("Resultados esperados") == ("outcome", False)
    french = _table("| Domaine prioritaire | Action clé | Résultat attendu |")
    assert _priorities(french) == [["Cyber", "Task force", "Faster"]]


def test_key_after_noun_near_misses_keep_their_phrases():
    assert _role("Enfoque clave") == ("focus", True)  # a phrase as written, before "clave" goes
    assert _role("Axe principal") == ("focus", True)  # not "axe", an area word
    assert _role("Clé") is None  # the adjective alone names nothing


# --------------------------------------------------------------------------- inflected_plurals (header_synonyms.yaml)


def test_inflected_plurals_of_other_languages_name_their_role():
    assert _role("Maßnahmen") == ("focus", False)
    assert _role("Kluczowe działania") == ("focus", False)
    assert _role("Erwartete Ergebnisse") == ("outcome", False)
    assert _role("Obszary priorytetowe") == ("area", False)
    assert _priorities(_table("| Schwerpunktbereich | Maßnahmen | Erwartetes Ergebnis |")) == [
        ["Cyber", "Task force", "Faster"]
    ]


def test_inflected_plurals_near_misses():
    assert _role("Maßnahmenplan") is None  # a compound on another head noun
    assert _priorities(_table("| Land | Beitrag | Jahr |")) == []
